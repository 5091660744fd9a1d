"""Problem messages in Japanese (the default) and English: the catalogue, the language choice,
the normalisers' reasons, and what a rep sees end to end."""

import datetime as dt
import os
import re
import string
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

import importers
from desktop.commands.importing import describe, summary
from importers import messages
from importers.cards.csv_contacts import parse_contact_csv
from importers.issues import ImportFailed
from importers.messages import MESSAGES, code_of, default_language, msg, place, reason
from importers.normalize.amounts import AmountParseError, parse_amount
from importers.normalize.dates import DateParseError, parse_date
from importers.normalize.probability import ProbabilityParseError, parse_probability
from importers.outcome import Outcome, Status
from importers.pipeline import ReportImporter
from importers.reading import read_file
from importers.settings import Settings
from importers.workbook.sniff import sniff_format
from tests.helpers.workbooks import table_workbook, visit_rows

FORMATTER = string.Formatter()
JAPANESE = re.compile(r"[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]")  # text or full-width marks
# Codes the brief and the app's Problems view rely on: each needs words in both languages.
CODES = {
    # reports
    "empty", "not_a_workbook", "truncated", "encrypted", "xml_entities", "zip_bomb",
    "too_large", "locked", "missing", "not_a_file", "unreadable", "xlsb", "unsupported",
    "encoding", "no_header", "no_data", "bad_date", "bad_amount", "bad_probability",
    "formula_no_value", "unmapped_columns", "sheet_skipped", "blank_padding", "bad_profile",
    # cards and photos
    "file_too_large", "unsupported_type", "empty_file", "ocr_unavailable", "ocr_failed",
    "ocr_nothing_found", "ocr_needs_review", "image_too_large", "not_an_image",
    "broken_image", "pdf_not_read", "broken_pdf", "bad_encoding", "no_usable_columns",
    "unknown_columns", "empty_row", "truncated_vcard", "no_vcards", "empty_card", "broken_qp",
    "bad_charset", "contact_deleted", "customer_not_found",
}  # fmt: skip
# Keys whose text is a term or a line of figures rather than a sentence.
TERMS = (
    "looks_like.", "field.", "vcard_field.", "cli.", "field_name.", "not_visits.", "extras.",
    "place.", "reason.", "sync.cause.", "sync.duration.", "sync.summary", "crash.where.",
    "crash.report_line",
)  # fmt: skip
TERM_KEYS = {
    "no_header.heading",
    "unmapped_columns.column",
    "unmapped_columns.no_heading",
    "bad_date.visit",
    "bad_date.next_action",
    "unsupported_type.no_extension",
    "no_usable_columns.none",
    "unknown_columns.more",
    "duplicate_of",
    "ocr_unavailable.no_pytesseract",
    "ocr_unavailable.no_tesseract",
    "ocr_unavailable.no_jpn",
}
SAME_IN_BOTH = {"cli.imported", "cli.failed"}  # figures and the issue's own message


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in FORMATTER.parse(template) if name}


def sample(key: str) -> dict[str, str]:
    ja, en = MESSAGES[key]
    return {name: f"<{name}>" for name in fields(ja) | fields(en)}


@pytest.fixture(autouse=True)
def no_language_from_the_shell(monkeypatch):
    monkeypatch.delenv("GENBA_LANG", raising=False)


# -- the catalogue ----------------------------------------------------------------------------


def test_every_code_has_words_in_both_languages():
    assert {code_of(k) for k in MESSAGES} >= CODES
    for key, pair in MESSAGES.items():
        assert isinstance(pair, tuple) and len(pair) == 2, key
        ja, en = pair
        assert ja.strip() and en.strip(), key
        assert JAPANESE.search(ja) or key in SAME_IN_BOTH or key.startswith("cli."), key
        if key not in SAME_IN_BOTH:
            assert ja != en, key


@pytest.mark.parametrize("key", sorted(MESSAGES))
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_template_fills_all_its_parameters(key, lang):
    params = sample(key)
    text = msg(key, lang, **params)
    template = MESSAGES[key][0 if lang == "ja" else 1]
    assert "{" not in text and "}" not in text, text
    for name in fields(template):
        assert f"<{name}>" in text


def test_both_languages_take_the_same_parameters():
    # The English HEIC hint repeats the extension; Japanese names the format itself.
    allowed = {"unsupported_type.heic"}
    for key, (ja, en) in MESSAGES.items():
        if key not in allowed:
            assert fields(ja) == fields(en), key


def test_japanese_sentences_are_polite_and_complete():
    for key, (ja, _en) in MESSAGES.items():
        if key.startswith(TERMS) or key in TERM_KEYS:
            continue
        assert ja.endswith("。"), key
        assert not re.search(r"\b(the|is|was|not)\b", ja), key  # no English left in the Japanese
        # です・ます調: a rep reads polite Japanese
        assert re.search(r"(ます|ません|ました|です|でした|ください)(（[^）]*）)?[。）]", ja), key


def test_every_key_the_importers_use_exists():
    """Literal keys passed to fail / issue / msg / say anywhere in the importers."""
    root = Path(importers.__file__).parent
    call = re.compile(
        r"""(?:\bfail|\bmsg|\bmake_issue|\bissue)\(\s*(?:"(?:info|warning|error)",\s*)?"([a-z_.]+)"(?!,\s*key)|"""
        r"""\.say\(\s*[^,]+,\s*"(?:info|warning|error)",\s*"([a-z_.]+)\""""
    )
    used = set()
    for path in root.rglob("*.py"):
        for m in call.finditer(path.read_text("utf-8")):
            used.add(m[1] or m[2])
    used -= {"info", "warning", "error"}  # severities of calls whose key is a variable
    assert len(used) > 40
    assert used <= MESSAGES.keys(), used - MESSAGES.keys()
    # ... and the keys built at run time
    dynamic = [f"looks_like.{k}" for k in ("html", "binary", "text")]
    dynamic += [f"bad_date.{w}" for w in ("visit", "next_action")]
    dynamic += [f"cli.{s}" for s in ("unchanged", "moved", "duplicate")]
    dynamic += [f"field.{f}" for f in ("email", "phone", "mobile", "fax", "postal_code")]
    assert set(dynamic) <= MESSAGES.keys()


def test_codes_stay_stable_whatever_the_variant():
    assert code_of("truncated.zip") == "truncated"
    assert code_of("unreadable.sheet") == "unreadable"
    assert code_of("empty") == "empty"


def test_a_missing_parameter_shows_instead_of_crashing():
    assert "{ref}" in msg("formula_no_value", "ja")


def test_the_examples_read_as_written():
    assert msg("empty", "ja") == (
        "ファイルが空です（0バイト）。Excelで保存中だった場合は、もう一度保存してください。"
    )
    assert msg("encrypted", "ja") == (
        "パスワード付きのブックのため読み込めません。パスワードを解除するか"
        "（ファイル > 情報 > ブックの保護）、保護なしのコピーを監視フォルダーに置いてください。"
    )
    assert msg("no_header", "ja", rows=30) == (
        "どのシートの先頭30行にも、見出し（日付・訪問先・内容など）やフォームのラベルが"
        "見つかりませんでした。マッピングウィザードで見出しの行を指定するか、"
        "プロファイルを追加してください。"
    )
    text = msg(
        "bad_date",
        "ja",
        ref="4月!A6",
        what=msg("bad_date.visit", "ja"),
        value="2025/13/45",
        reason="13月はありません",
    )
    assert text == (
        "4月!A6 の訪問日「2025/13/45」を日付として読めませんでした（13月はありません）。"
        "日付を空にして取り込みました。セルを直して保存してください。"
    )


def test_card_locations_read_as_japanese():
    assert place("x.csv!row 3", "ja") == "x.csv の3行目"
    assert place("cards.vcf#2", "ja") == "cards.vcf の2枚目の名刺"
    assert place("card.jpg", "ja") == "card.jpg"
    assert place("x.csv!row 3", "en") == "x.csv!row 3"


# -- choosing the language --------------------------------------------------------------------


def test_default_is_japanese(data_dir):
    assert default_language() == "ja"
    assert default_language(data_dir) == "ja"
    assert msg("missing") == MESSAGES["missing"][0]


def test_settings_then_environment(data_dir, monkeypatch):
    Settings(language="en").save(data_dir)
    assert default_language(data_dir) == "en"
    assert default_language() == "ja"  # without a data dir only the environment counts
    monkeypatch.setenv("GENBA_LANG", "ja_JP.UTF-8")
    assert default_language(data_dir) == "ja"
    monkeypatch.setenv("GENBA_LANG", "EN")
    assert default_language() == "en" and msg("missing") == MESSAGES["missing"][1]
    monkeypatch.setenv("GENBA_LANG", "fr")  # unknown: ignored
    assert default_language(data_dir) == "en" and default_language() == "ja"


def test_a_broken_settings_file_falls_back_to_japanese(data_dir):
    (data_dir / "settings.toml").write_text("language = [", "utf-8")
    assert default_language(data_dir) == "ja"


def test_explicit_language_wins(store, monkeypatch):
    monkeypatch.setenv("GENBA_LANG", "en")
    assert ReportImporter(store, lang="ja").lang == "ja"
    assert ReportImporter(store).lang == "en"
    monkeypatch.delenv("GENBA_LANG")
    assert ReportImporter(store).lang == "ja"
    Settings(language="en").save(store.data_dir)
    assert ReportImporter(store).lang == "en"


def test_failures_raised_in_either_language(tmp_path):
    with pytest.raises(ImportFailed) as ja:
        sniff_format(b"", ".xlsx", lang="ja")
    with pytest.raises(ImportFailed) as en:
        sniff_format(b"", ".xlsx", lang="en")
    assert ja.value.issue.code == en.value.issue.code == "empty"
    assert "空です" in ja.value.issue.message and "empty" in en.value.issue.message
    with pytest.raises(ImportFailed) as gone:
        read_file(tmp_path / "nope.xlsx", lang="ja")
    assert gone.value.issue.code == "missing" and "見つかりません" in gone.value.issue.message
    with pytest.raises(ImportFailed) as web:
        sniff_format(b"<html><body>x</body></html>", ".xlsx", lang="ja")
    assert "Webページ" in web.value.issue.message


# -- the normalisers' reasons -----------------------------------------------------------------


def _date_error(value, **kw) -> DateParseError:
    with pytest.raises(DateParseError) as e:
        parse_date(value, **kw)
    return e.value


@pytest.mark.parametrize(
    ("value", "kwargs", "expected"),
    [
        ("2025/13/45", {}, "13月はありません"),
        ("2025/2/30", {}, "2025年2月は28日までです"),
        ("2024年4月31日", {}, "2024年4月は30日までです"),
        ("令和0年4月1日", {}, "令和0年はありません"),
        ("令和1年4月1日", {}, "令和は2019年5月1日からです"),
        ("3025/4/1", {}, "3025年は日付としてありえません"),
        ("4/2", {}, "年が書かれておらず"),
        ("あした", {}, "日付の書き方として読めません"),
        (60, {}, "シリアル値60は1900年2月29日"),
        (10**7, {}, "1900年〜2200年の日付を表すシリアル値ではありません"),
        (True, {}, "日付ではありません"),
    ],
)
def test_date_reasons_in_japanese(value, kwargs, expected):
    exc = _date_error(value, **kwargs)
    assert expected in reason(exc, "ja")
    english = reason(exc, "en")  # the catalogue's English, not the exception's log text
    assert english and not re.search(r"[\u3040-\u30ff]", english)  # era names stay (令和)
    assert reason(exc, "ja") != english


@pytest.mark.parametrize(
    ("parse", "value", "error", "expected"),
    [
        (parse_amount, "abc", AmountParseError, "数字と単位"),
        (parse_amount, 10**16, AmountParseError, "大きすぎます"),
        (parse_probability, "150%", ProbabilityParseError, "0%〜100%"),
        (parse_probability, "Z", ProbabilityParseError, "ランク表にあるランク"),
        (parse_probability, -0.5, ProbabilityParseError, "割合として読めません"),
    ],
)
def test_amount_and_probability_reasons_in_japanese(parse, value, error, expected):
    with pytest.raises(error) as e:
        parse(value)
    assert expected in reason(e.value, "ja")
    assert not re.search(r"[A-Za-z]{3,}", reason(e.value, "ja"))


def test_unknown_reasons_still_read_japanese():
    assert reason(DateParseError("something new"), "ja") == "日付の書き方として読めません"
    assert reason(ValueError("x"), "ja") == "読み取れない値です"


# -- end to end -------------------------------------------------------------------------------


def _bad_cells_workbook(tmp_path: Path) -> Path:
    return table_workbook(
        tmp_path / "d.xlsx", {"4月": [["2025/13/45", "A社", None, "訪問"], *visit_rows(1)]}
    )


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_report_issues_in_the_chosen_language(tmp_path, store, lang):
    path = _bad_cells_workbook(tmp_path)
    out = ReportImporter(store, lang=lang).import_file(path)
    (issue,) = [i for i in out.issues if i.code == "bad_date"]
    (stored,) = store.query("SELECT * FROM import_issues WHERE code = 'bad_date'")
    assert stored["message"] == issue.message and stored["location"] == "4月!A6"
    if lang == "ja":
        assert "4月!A6 の訪問日「2025/13/45」" in issue.message
        assert "（13月はありません）" in issue.message
    else:
        assert "The visit date in 4月!A6 (2025/13/45)" in issue.message
        assert "month 13" in issue.message


def test_unmapped_columns_and_skipped_sheets_in_japanese(tmp_path, store):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "4月"
    ws.append(["日付", "訪問先", "内容", "社内備考"])
    ws.append([dt.date(2025, 4, 1), "A社", "訪問", "メモ"])
    wb.create_sheet("集計").append(["品番", "数量"])
    wb.save(tmp_path / "r.xlsx")
    out = ReportImporter(store, lang="ja").import_file(tmp_path / "r.xlsx")
    by_code = {i.code: i.message for i in out.issues}
    assert by_code["unmapped_columns"].startswith(
        "シート「4月」の1列の意味が分かりませんでした（社内備考（D列））。"
    )
    assert (
        by_code["sheet_skipped"] == "シート「集計」には日報の見出しがないため、読み飛ばしました。"
    )


def test_card_issues_in_the_chosen_language():
    data = "氏名,会社名,メールアドレス\n青木 一郎,サンプル精工,aoki@@bad\n,,\n".encode()
    (ja,) = parse_contact_csv(data, "x.csv", lang="ja").issues
    (en,) = parse_contact_csv(data, "x.csv", lang="en").issues
    assert ja.code == en.code == "invalid_email" and ja.location == en.location == "x.csv!row 2"
    assert ja.message.startswith("x.csv の2行目：メールアドレス「aoki@@bad」は正しくないようです")
    assert en.message.startswith("x.csv!row 2: the e-mail address 'aoki@@bad'")


def test_import_lines_and_summary_in_both_languages(tmp_path):
    ok = Outcome(tmp_path / "a.xlsx", "reports", Status.IMPORTED, added=12, updated=1)
    same = Outcome(tmp_path / "b.xlsx", "reports", Status.UNCHANGED)
    issue = messages.issue("warning", "bad_date", "ja", "4月!A6", ref="4月!A6")
    warned = Outcome(tmp_path / "c.xlsx", "reports", Status.IMPORTED, issues=[issue, issue])
    outcomes = [ok, same, warned]
    assert describe(same, "ja") == "= b.xlsx: 変更なし"
    assert describe(warned, "ja") == "✓ c.xlsx: +0 ~0 -0、要確認 2 件"
    assert describe(warned, "en") == "✓ c.xlsx: +0 ~0 -0, 2 to check"
    assert summary(outcomes, "ja") == (
        "3 ファイル: 取り込み 2、変更なし 1、失敗 0 · 活動: 追加 12、更新 1、削除 0 · "
        "要確認 2 件 — `genba problems` で確認できます"
    )
    assert summary(outcomes, "en").startswith("3 file(s): 2 imported, 1 unchanged, 0 failed")
    assert summary([ok], "ja") == (
        "1 ファイル: 取り込み 1、変更なし 0、失敗 0 · 活動: 追加 12、更新 1、削除 0 · 要確認 0 件"
    )


def _genba(*args, data_dir, env):
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from desktop.cli import main; sys.exit(main())",
            "--data-dir",
            str(data_dir),
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_genba_import_and_problems_speak_japanese_by_default(tmp_path, data_dir):
    table_workbook(tmp_path / "ok.xlsx", {"4月": visit_rows(2)})
    (tmp_path / "broken.xlsx").write_text("not a workbook")
    env = {k: v for k, v in os.environ.items() if k != "GENBA_LANG"}
    out = _genba("import", str(tmp_path), str(tmp_path / "nope.xlsx"), data_dir=data_dir, env=env)
    assert out.returncode == 1
    assert "✗ broken.xlsx: ファイル名は .xlsx ですが、Excelのブックではありません" in out.stdout
    assert "エラー: " in out.stdout and "ファイルもフォルダーも見つかりません" in out.stdout
    assert "2 ファイル: 取り込み 1、変更なし 0、失敗 1" in out.stdout
    assert "`genba problems` で確認できます" in out.stdout
    problems = _genba("problems", data_dir=data_dir, env=env)
    assert problems.returncode == 0
    assert "broken.xlsx" in problems.stdout and "Excelのブックではありません" in problems.stdout


def test_genba_import_follows_the_language_setting(tmp_path, data_dir):
    Settings(language="en").save(data_dir)
    (tmp_path / "broken.xlsx").write_text("not a workbook")
    env = {k: v for k, v in os.environ.items() if k != "GENBA_LANG"}
    out = _genba("import", str(tmp_path), data_dir=data_dir, env=env)
    assert "is not a workbook" in out.stdout and "1 file(s): 0 imported" in out.stdout
    again = _genba("import", str(tmp_path), data_dir=data_dir, env={**env, "GENBA_LANG": "ja"})
    assert "1 ファイル" in again.stdout
