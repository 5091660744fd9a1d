"""The packaged app's janome maps its dictionary files after unpacking them once from its zip
(the zip is built here as installer.spec builds it, from the installed janome)."""

from __future__ import annotations

import types
import zipfile
import zipimport
from pathlib import Path

import janome.sysdic
import pytest

from importers.normalize.janome_files import DONE, dictionary_names, mappable, unpack

SYSDIC = Path(janome.sysdic.base_dir)


@pytest.fixture(scope="module")
def janome_zip(tmp_path_factory):
    """The dictionary files as installer.spec zips them (as source, deflated)."""
    path = tmp_path_factory.mktemp("zip") / "janome.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("janome/__init__.py", "")
        z.writestr("janome/sysdic/__init__.py", "")
        for name in dictionary_names():
            z.write(SYSDIC / name, f"janome/sysdic/{name}")
    return path


def _zipped_sysdic(archive: Path):
    """A sysdic module as the frozen build imports it: its loader is the zip's."""
    module = types.ModuleType("janome.sysdic")
    module.__loader__ = zipimport.zipimporter(str(archive / "janome" / "sysdic"))
    module.base_dir = str(archive / "janome" / "sysdic")  # inside the zip: not a folder
    return module


def test_unpacked_once_byte_for_byte_then_mapped_from_the_cache(janome_zip, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    sysdic = _zipped_sysdic(janome_zip)
    assert mappable(sysdic)
    target = Path(sysdic.base_dir)
    assert target.parent == tmp_path / "cache" / "Genba" and (target / DONE).is_file()
    for name in dictionary_names():
        assert (target / name).read_bytes() == (SYSDIC / name).read_bytes(), name
    assert not list(target.glob("*.part"))
    # a second process finds it done and writes nothing
    before = {p: p.stat().st_mtime_ns for p in target.iterdir()}
    assert mappable(_zipped_sysdic(janome_zip))
    assert {p: p.stat().st_mtime_ns for p in target.iterdir()} == before


def test_a_folder_left_half_unpacked_is_unpacked_again(janome_zip, tmp_path):
    target = tmp_path / "janome-x"
    target.mkdir()
    (target / dictionary_names()[0]).write_bytes(b"cut off")
    unpack(janome_zip, target)
    first = dictionary_names()[0]
    assert (target / first).read_bytes() == (SYSDIC / first).read_bytes()


def test_a_cache_path_that_is_a_file_leaves_the_dictionary_in_memory(
    janome_zip, tmp_path, monkeypatch
):
    (tmp_path / "cache").write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    sysdic = _zipped_sysdic(janome_zip)
    assert not mappable(sysdic)
    assert sysdic.base_dir.startswith(str(janome_zip))  # janome then loads it into memory


def test_the_pip_install_maps_its_own_files():
    assert mappable(janome.sysdic) and janome.sysdic.base_dir == str(SYSDIC)


def test_lzma_members_as_the_frozen_build_ships_them_are_unpacked_byte_for_byte(tmp_path):
    """installer.spec stores the dictionary files LZMA-compressed (zipimport never reads them):
    each is unpacked as written. Small stand-ins keep this quick; the frozen build test maps
    the real ones."""
    archive = tmp_path / "shared.zip"
    contents = {
        name: f"DATA = {i!r} * 3\n".encode() * 500 for i, name in enumerate(dictionary_names())
    }
    with zipfile.ZipFile(archive, "w") as z:
        for name, data in contents.items():
            z.writestr(f"janome/sysdic/{name}", data, compress_type=zipfile.ZIP_LZMA)
    assert {i.compress_type for i in zipfile.ZipFile(archive).infolist()} == {zipfile.ZIP_LZMA}
    target = tmp_path / "janome-x"
    unpack(archive, target)
    assert (target / DONE).is_file()
    for name, data in contents.items():
        assert (target / name).read_bytes() == data, name
