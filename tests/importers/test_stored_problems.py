"""A problem is stored as its catalogue key and parameters: recorded in Japanese, it is read in
English after the rep switches the language setting (and back), in `genba problems`; rows kept
by a Genba from before 0010_issue_params keep their text."""

from __future__ import annotations

import json
import os
import pickle
import re
import sqlite3
import string
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from desktop.commands.listing import list_problems
from importers.messages import issue, join, msg, place, reason
from importers.normalize.dates import DateParseError, parse_date
from importers.pipeline import ReportImporter
from importers.settings import Settings
from resources import messages as catalogue
from resources.messages import Message, render, shown, to_json
from sync.store import Store
from sync.store.migrations import migrate
from sync.store.schema import MIGRATIONS
from tests.helpers.workbooks import table_workbook, visit_rows

KANA = re.compile(r"[\u3040-\u30ff]")


@pytest.fixture(autouse=True)
def no_language_from_the_shell(monkeypatch):
    monkeypatch.delenv("GENBA_LANG", raising=False)


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_both_catalogue_files_hold_every_key_with_the_same_parameters():
    folder = Path(catalogue.__file__).parent
    ja = tomllib.loads((folder / "ja.toml").read_text("utf-8"))
    en = tomllib.loads((folder / "en.toml").read_text("utf-8"))
    assert len(ja) > 200 and ja.keys() == en.keys(), ja.keys() ^ en.keys()
    # The English HEIC hint repeats the extension; Japanese names the format itself.
    differ = {k for k in ja if fields(ja[k]) != fields(en[k])}
    assert differ <= {"unsupported_type.heic"}, differ


def test_no_message_text_is_left_in_python_tuples():
    """The texts live in resources/messages only: no (ja, en) tables or " / " halves in code."""
    root = Path(catalogue.__file__).parents[2]
    pair = re.compile(r'\(\s*"[^"\n]*[\u3040-\u30ff][^"\n]*",\s*"[A-Z][^"\n]*"\s*,?\s*\)')
    found = []
    for top in ("importers", "sync", "desktop"):
        for path in (root / top).rglob("*.py"):
            text = path.read_text("utf-8")
            if pair.search(text) or 'partition(" / ")' in text or "def say(ja" in text:
                found.append(str(path.relative_to(root)))
    assert found == []


def test_a_message_remembers_its_key_and_parameters_across_processes():
    said = issue("warning", "bad_date", "ja", "4月!A3", ref="4月!A3", value="13/45",
                 what=msg("bad_date.visit", "ja"), reason=reason(_date_error("2025/13/45"), "ja"))  # fmt: skip
    back = pickle.loads(pickle.dumps(said))
    assert back == said and isinstance(back.message, Message)
    key, params = to_json(back.message)
    assert key == "bad_date" and json.loads(params)["value"] == "13/45"
    english = render(key, params, "en")
    assert "visit date" in english and "no month 13" in english and not KANA.search(english)
    assert render(key, params, "ja") == said.message


class _Unpicklable(Exception):
    def __init__(self, a, b):  # pickle rebuilds an exception from its args: this one cannot be
        super().__init__(f"{a}: {b}")


def test_an_exception_given_as_a_parameter_travels_as_its_text():
    said = issue("warning", "memo_text_failed", "ja", "x.jpg", name="x.jpg",
                 reason=_Unpicklable("tesseract", "crashed"))  # fmt: skip
    back = pickle.loads(pickle.dumps(said))  # the import process sends outcomes pickled
    assert back.message.params["reason"] == "tesseract: crashed"
    assert "tesseract: crashed" in back.message.in_language("en")


def test_lists_and_card_places_are_written_again_in_the_other_language():
    text = msg("no_usable_columns", "ja", name="x.csv", found=join(["会社", "氏名"], "ja"))
    assert "会社、氏名" in text
    assert "会社, 氏名" in render(*to_json(text), "en")
    where = msg("empty_row", "ja", place=place("eight.csv!row 3", "ja"))
    assert "eight.csv の3行目" in where
    assert "eight.csv!row 3" in render(*to_json(where), "en")


def test_text_that_is_not_from_the_catalogue_is_shown_as_stored():
    assert to_json("written by hand") == (None, None)
    assert shown("stored text", None, None, "en") == "stored text"
    assert shown("stored text", "no_such_key_any_more", "{}", "en") == "stored text"


def _date_error(value) -> DateParseError:
    with pytest.raises(DateParseError) as err:
        parse_date(value)
    return err.value


def _bad_workbook(folder: Path) -> Path:
    rows = visit_rows(3)
    rows[1][0] = "2025/13/45"  # a month that does not exist
    return table_workbook(folder / "日報.xlsx", {"4月": rows})


def _set_language(data_dir: Path, lang: str) -> Settings:
    settings = Settings.load(data_dir)
    settings.language = lang
    settings.save(data_dir)
    return Settings.load(data_dir)


def _problems(store, lang: str) -> str:
    lines: list[str] = []
    list_problems(store, as_json=False, out=lines.append, lang=lang)
    return "\n".join(lines)


def test_a_problem_recorded_in_japanese_is_listed_in_english_and_back(tmp_path, store, data_dir):
    out = ReportImporter(store, lang="ja").import_file(_bad_workbook(tmp_path))
    assert out.status == "imported"
    (row,) = store.query("SELECT * FROM import_issues WHERE code = 'bad_date'")
    assert row["message_key"] == "bad_date" and "13月はありません" in row["message"]
    from importers.messages import cli_language

    english = _problems(store, cli_language(_set_language(data_dir, "en")))
    assert "could not be read" in english and "no month 13" in english
    assert "WARNING" in english and not KANA.search(
        english.replace("日報.xlsx", "").replace("4月", "")
    )
    japanese = _problems(store, cli_language(_set_language(data_dir, "ja")))
    assert "13月はありません" in japanese and "要確認" in japanese and "WARNING" not in japanese


def test_an_old_database_upgrades_and_its_problems_keep_their_text(tmp_path):
    data_dir = tmp_path / "old"
    data_dir.mkdir()
    conn = sqlite3.connect(data_dir / "genba.db", isolation_level=None)
    migrate(conn, MIGRATIONS[:-1])  # a genba.db from before 0010_issue_params
    conn.execute(
        "INSERT INTO sources (id, path, kind, status) VALUES ('s', '/r/日報.xlsx', 'report', 'error')"
    )
    conn.execute(
        "INSERT INTO import_issues (id, source_id, location, severity, code, message) "
        "VALUES ('i', 's', NULL, 'error', 'encrypted', 'パスワード付きのブックのため読み込めません。')"
    )  # fmt: skip
    conn.close()
    with Store(data_dir) as store:
        (row,) = store.query("SELECT message, message_key, params FROM import_issues")
        assert tuple(row) == ("パスワード付きのブックのため読み込めません。", None, None)
        assert "パスワード付きのブック" in _problems(store, "en")  # its words, as recorded
        applied = [r[0] for r in store.query("SELECT name FROM _migrations")]
        assert "0010_issue_params" in applied


def _genba(*args, data_dir, lang=None):
    env = {k: v for k, v in os.environ.items() if k != "GENBA_LANG"}
    if lang:
        env["GENBA_LANG"] = lang
    proc = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--data-dir", str(data_dir), *args],
        capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip
    return proc


def test_genba_problems_speaks_japanese_unless_english_is_chosen(tmp_path, data_dir):
    (tmp_path / "broken.xlsx").write_text("not a workbook")
    assert _genba("import", str(tmp_path / "broken.xlsx"), data_dir=data_dir).returncode == 1
    japanese = _genba("problems", data_dir=data_dir).stdout
    assert japanese.startswith("エラー ") and "ERROR" not in japanese and "ブック" in japanese
    english = _genba("problems", data_dir=data_dir, lang="en").stdout
    assert english.startswith("ERROR ") and not KANA.search(english)
    _set_language(data_dir, "en")  # the setting, without GENBA_LANG
    assert _genba("problems", data_dir=data_dir).stdout == english


def test_other_command_lines_speak_japanese_too(tmp_path, data_dir):
    assert "まだフォルダーがありません" in _genba("folders", "list", data_dir=data_dir).stdout
    assert _genba("companies", data_dir=data_dir).stdout.strip() == "（ありません）"
    added = _genba("folders", "add", "--reports", str(tmp_path), data_dir=data_dir).stdout
    assert added.startswith("日報フォルダー ") and "追加しました" in added
    english = _genba("folders", "list", data_dir=data_dir, lang="en").stdout
    assert english.startswith("reports") and "(exists, native events)" in english
    backup = _genba("backup", str(tmp_path / "b.db"), data_dir=data_dir).stdout
    assert "バックアップしました" in backup


def test_a_damaged_database_is_said_in_the_reps_language(data_dir):
    (data_dir / "genba.db").write_bytes(b"this is not sqlite" * 100)
    japanese = _genba("problems", data_dir=data_dir)
    assert japanese.returncode == 1 and "データベースとして使えません" in japanese.stderr
    english = _genba("problems", data_dir=data_dir, lang="en")
    assert "not a usable Genba database" in english.stderr and not KANA.search(english.stderr)


def test_knowledge_commands_say_their_refusals_in_japanese(data_dir):
    empty = _genba("search", data_dir=data_dir)
    assert empty.returncode == 2 and empty.stdout.startswith("エラー: 何を探しますか")
    month = _genba("mvp", "--month", "2025/4", data_dir=data_dir)
    assert month.returncode == 2 and "YYYY-MM の形で" in month.stdout
    english = _genba("mvp", "--month", "2025/4", data_dir=data_dir, lang="en")
    assert english.stdout.startswith("error: --month must be YYYY-MM")
