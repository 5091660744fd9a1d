"""The pieces without observers: ignore rules, zip completeness, the settler, polling detection,
the rescan plan."""

from __future__ import annotations

import os

import pytest

from importers.kinds import KINDS
from importers.watch.ignore import is_candidate, is_ignored_name
from importers.watch.observer import WatchFolder, mount_type, polling_reason
from importers.watch.rescan import Known, plan, scan_folder
from importers.watch.settle import Settler, zip_complete
from tests.watch.conftest import workbook_bytes


@pytest.mark.parametrize(
    "name",
    [
        "~$日報.xlsx",
        "~WRL0001.tmp",
        "A1B2C3D4",
        "日報.xlsx.tmp",
        "desktop.ini",
        "Thumbs.db",
        ".hidden.xlsx",
        ".~lock.日報.xlsx#",
        "日報.xlsx.crdownload",
    ],
)
def test_ignored_names(name):
    assert is_ignored_name(name)
    assert not is_candidate(f"/w/{name}", "reports", "/w")


@pytest.mark.parametrize("name", ["日報.xlsx", "報告.XLSM", "a.csv", "old.xls", "x.ods"])
def test_report_candidates(name):
    assert is_candidate(f"/w/sub/{name}", "reports", "/w")


def test_candidates_by_kind_and_place():
    assert is_candidate("/w/card.vcf", "cards", "/w")
    assert not is_candidate("/w/card.vcf", "reports", "/w")
    assert is_candidate("/w/memo.jpg", "photos", "/w")
    assert not is_candidate("/w/.git/x.xlsx", "reports", "/w")  # hidden folder
    assert not is_candidate("/elsewhere/x.xlsx", "reports", "/w")


def test_zip_complete(tmp_path):
    data = workbook_bytes("zip")
    whole, half, text = tmp_path / "a.xlsx", tmp_path / "b.xlsx", tmp_path / "c.xlsx"
    whole.write_bytes(data)
    half.write_bytes(data[: len(data) // 2])
    text.write_bytes(b"not a zip")
    assert zip_complete(whole)
    assert not zip_complete(half)
    assert zip_complete(tmp_path / "d.xlsx")  # gone: the importer reports it
    assert zip_complete(text)  # not a zip at all: the importer says what is wrong
    almost = tmp_path / "e.xlsx"
    almost.write_bytes(data[:-1])
    assert not zip_complete(almost)


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_settler_waits_for_quiet_and_two_equal_looks():
    clock = FakeClock()
    sizes = {"/w/a.csv": (10, 1.0)}
    s = Settler(0.4, clock=clock, identity=sizes.get, complete=lambda p: True)
    s.touch("/w/a.csv", "reports")
    clock.now = 0.3
    assert s.pop_ready() == []
    sizes["/w/a.csv"] = (20, 2.0)  # grew without an event (a polled folder)
    clock.now = 0.5
    assert s.pop_ready() == []  # second look differs: a new quiet window
    clock.now = 0.95
    assert s.pop_ready() == [("/w/a.csv", "reports", (20, 2.0))]
    assert len(s) == 0


def test_settler_holds_an_incomplete_workbook_then_gives_up():
    clock = FakeClock()
    s = Settler(0.4, incomplete_wait=5.0, clock=clock, identity=lambda p: (1, 1.0),
                complete=lambda p: False)  # fmt: skip
    s.touch("/w/a.xlsx", "reports")
    for t in (0.5, 1.0, 2.0, 4.0):
        clock.now = t
        assert s.pop_ready() == []
    clock.now = 6.0
    assert [p for p, _k, _i in s.pop_ready()] == ["/w/a.xlsx"]


def test_settler_drops_a_file_that_vanished():
    clock = FakeClock()
    s = Settler(0.4, clock=clock, identity=lambda p: None, complete=lambda p: True)
    s.touch("/w/a.xlsx", "reports")
    clock.now = 1
    assert s.pop_ready() == [] and len(s) == 0


def test_polling_reason(tmp_path):
    mounts = tmp_path / "mounts"
    mounts.write_text(
        "/dev/sda1 / ext4 rw 0 0\n"
        "//nas/share /mnt/nas cifs rw 0 0\n"
        "server:/export /mnt/my\\040nfs nfs4 rw 0 0\n"
        "sshfs#me@host: /mnt/ssh fuse.sshfs rw 0 0\n"
    )
    m = str(mounts)
    assert polling_reason("/home/rep/日報", mounts_file=m) is None
    assert polling_reason("/home/rep/日報", force=True, mounts_file=m)
    assert polling_reason("/mnt/nas/営業/日報", mounts_file=m) == "cifs mount"
    assert polling_reason("/mnt/my nfs/x", mounts_file=m) == "nfs4 mount"
    assert polling_reason("/mnt/ssh", mounts_file=m) == "fuse.sshfs mount"
    assert polling_reason("/home/rep/OneDrive - 会社/日報", mounts_file=m) == "OneDrive folder"
    assert polling_reason(r"\\server\share\日報", mounts_file=m) == "network share"
    assert mount_type("/mnt/nasty", m) == "ext4"  # a prefix of the name is not the mount


def test_rescan_plan(tmp_path):
    f = WatchFolder.of("reports", tmp_path)
    same, edited, new, back = (str(tmp_path / n) for n in ("s.xlsx", "e.xlsx", "n.xlsx", "b.xlsx"))
    found = {same: (1, 1.0), edited: (2, 2.5), new: (3, 3.0), back: (4, 4.0)}
    known = {
        same: Known((1, 1.0), "ok"),
        edited: Known((2, 2.0), "ok"),
        back: Known((4, 4.0), "missing"),  # the file came back
        str(tmp_path / "gone.xlsx"): Known((5, 5.0), "ok"),
        str(tmp_path / "old.xlsx"): Known((6, 6.0), "missing"),
    }
    p = plan(f, found, known)
    assert sorted(path for path, _ in p.changed) == sorted([edited, new, back])
    assert p.gone == [str(tmp_path / "gone.xlsx")]
    # a version this session already handled (say, it failed) is not retried every rescan
    p2 = plan(f, found, known, seen=lambda path: found[path] if path == new else None)
    assert new not in [path for path, _ in p2.changed]


def test_scan_folder_skips_a_missing_folder(tmp_path):
    assert scan_folder(WatchFolder.of("reports", tmp_path / "nope"), None, lambda p: None) is None


def test_scan_folder_walks_candidates_only(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("sub/a.xlsx", "b.csv", "~$b.xlsx", "C0FFEE12", ".hidden/x.xlsx", "note.txt"):
        (tmp_path / name).write_bytes(b"x")
    result = scan_folder(WatchFolder.of("reports", tmp_path), None, lambda p: None)
    names = sorted(os.path.relpath(p, tmp_path) for p, _ in result.changed)
    assert names == ["b.csv", os.path.join("sub", "a.xlsx")]


def test_candidates_follow_the_registry():
    # what each folder kind watches is what the kind imports, and nothing else
    for kind in KINDS.values():
        for suffix in kind.suffixes:
            assert is_candidate(f"/w/a{suffix}", kind.name, "/w")
            assert is_candidate(f"/w/A{suffix.upper()}", kind.name, "/w")
    assert is_candidate("/w/eight.tsv", "cards", "/w")
    assert is_candidate("/w/scan.tif", "photos", "/w") and is_candidate("/w/i.heif", "photos", "/w")
    assert not is_candidate("/w/scan.tif", "cards", "/w")
    assert not is_candidate("/w/mail.eml", "reports", "/w")
    assert not is_candidate("/w/x.xlsx", "mail", "/w")  # no such kind (yet)


def test_the_rescan_compares_card_files_with_their_sources(store, tmp_path):
    from importers.cards.apply import import_card_file

    card = tmp_path / "a.vcf"
    card.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:青木 一郎\nEND:VCARD\n", encoding="utf-8")
    assert import_card_file(store, card).status == "imported"
    folder = WatchFolder.of("cards", tmp_path)
    assert scan_folder(folder, store.query, lambda p: None).changed == []
    card.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:青木 一郎\nTEL:052-111-2222\nEND:VCARD\n")
    os.utime(card, (1, 1))
    (changed,) = scan_folder(folder, store.query, lambda p: None).changed
    assert changed[0] == str(card)
