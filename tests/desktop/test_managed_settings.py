"""Managed configuration: policy (registry) over the machine file over the rep's own settings."""

import json

import pytest

from desktop.commands.config_cmd import run_config
from importers.managed_settings import ManagedConfig
from importers.settings import Settings


def fake_registry(values_by_hive):
    return lambda hive: values_by_hive.get(hive, {})


@pytest.fixture
def machine_file(tmp_path):
    return tmp_path / "ProgramData" / "Genba" / "config.toml"


def test_layers_and_sources(tmp_path, data_dir, machine_file, monkeypatch):
    (data_dir / "preset.toml").write_text(
        'server_url = "https://preset.example"\nreport_folders = ["D:/日報"]\n', "utf-8"
    )
    Settings(user_name="山本", report_folders=["C:/mine"], language="en").save(data_dir)
    machine_file.parent.mkdir(parents=True)
    machine_file.write_text('language = "ja"\nsync_interval_seconds = 600\n', "utf-8")
    reg = fake_registry(
        {
            "HKLM": {"server_url": "https://genba.corp.example", "force_polling": 1},
            "HKCU": {
                "server_url": "https://user-policy.example",
                "card_folders": "X:/名刺;Y:/cards",
            },
        }
    )
    cfg = ManagedConfig(data_dir, registry=reg, machine_file=machine_file)
    e = cfg.entries
    assert (e["server_url"].value, e["server_url"].source) == (
        "https://genba.corp.example",
        "policy",
    )
    assert e["server_url"].where.startswith("HKLM\\Software\\Policies\\Genba")
    assert (e["force_polling"].value, e["force_polling"].locked) == (True, True)
    assert e["card_folders"].value == ["X:/名刺", "Y:/cards"]
    assert (e["language"].value, e["language"].source) == ("ja", "machine")
    assert e["sync_interval_seconds"].value == 600
    assert (e["report_folders"].value, e["report_folders"].source) == (["C:/mine"], "user")
    assert (e["user_name"].value, e["user_name"].locked) == ("山本", False)
    assert e["team_workbook_folder"].source == "default"
    assert cfg.settings().server_url == "https://genba.corp.example"


def test_locked_values_cannot_be_set_and_user_values_can(data_dir, machine_file):
    reg = fake_registry({"HKLM": {"server_url": "https://genba.corp.example"}})
    cfg = ManagedConfig(data_dir, registry=reg, machine_file=machine_file)
    with pytest.raises(PermissionError, match="administrator"):
        cfg.set_user_value("server_url", "https://elsewhere")
    cfg.set_user_value("user_name", "佐藤")
    assert Settings.load(data_dir).user_name == "佐藤"
    assert "server_url" not in (data_dir / "settings.toml").read_text("utf-8")


def test_config_show_and_set_command(data_dir, machine_file, monkeypatch):
    monkeypatch.setenv("GENBA_MACHINE_CONFIG", str(machine_file))
    machine_file.parent.mkdir(parents=True)
    machine_file.write_text('server_url = "https://genba.corp.example"\n', "utf-8")
    lines = []
    assert run_config(data_dir, "set", "user_name", "山本", out=lines.append) == 0
    assert run_config(data_dir, "set", "server_url", "x", out=lines.append) == 1
    assert "administrator" in lines[-1]
    assert run_config(data_dir, "set", "no_such", "x", out=lines.append) == 1
    lines.clear()
    assert run_config(data_dir, "show", None, None, as_json=True, out=lines.append) == 0
    shown = json.loads(lines[0])
    assert shown["server_url"] == {
        "value": "https://genba.corp.example",
        "source": "machine",
        "where": str(machine_file),
        "locked": True,
    }
    assert shown["user_name"]["source"] == "user"
    lines.clear()
    run_config(data_dir, "show", None, None, out=lines.append)
    assert "locked" in lines[0] and "server_url" in lines[0]


def test_broken_machine_file_is_a_clear_error(data_dir, machine_file):
    machine_file.parent.mkdir(parents=True)
    machine_file.write_text("server_url = \n", "utf-8")
    with pytest.raises(ValueError, match="cannot be read"):
        ManagedConfig(data_dir, registry=fake_registry({}), machine_file=machine_file)


def test_config_set_on_a_new_machine_creates_the_data_folder(tmp_path):
    # `genba config set` can be the very first command: the data folder does not exist yet.
    new_dir = tmp_path / "not-yet" / "Genba"
    lines = []
    assert run_config(new_dir, "set", "user_name", "山本", out=lines.append) == 0
    assert Settings.load(new_dir).user_name == "山本"
