"""The words of every import problem, in Japanese (the default) and English.

``msg(key, lang, **params)`` renders one template. A key is an issue code ('bad_date'), or a code
and a variant ('truncated.zip'): ``code_of(key)`` is what ``Issue.code`` stores, so codes stay
stable whatever the wording. ``issue(...)`` and ``fail(...)`` build an ``Issue`` / an
``ImportFailed`` from a key.

The language is never global state: callers pass ``lang``; ``None`` means ``default_language()``
— ``GENBA_LANG``, else the data dir's ``language`` setting (when a data dir is given), else 'ja'.
Messages are rendered when a file is imported and stored as text (``import_issues.message``).
"""

from __future__ import annotations

import calendar
import os
import re
from pathlib import Path

from importers.issues import ImportFailed, Issue
from importers.paper_messages import PAPER_MESSAGES

LANGUAGES = ("ja", "en")
DEFAULT_LANGUAGE = "ja"

# key -> (Japanese, English). Parameters in {braces}; every key must exist in both languages.
MESSAGES: dict[str, tuple[str, str]] = {
    # -- reading the file ---------------------------------------------------------------------
    "too_large": (
        "ファイルが大きすぎます（{size_mb} MB）。Genbaが読み込めるのは{max_mb} MBまでです。"
        "年ごとにブックを分けるなどして、ファイルを分割してください。",
        "The file is {size_mb} MB; Genba reads files up to {max_mb} MB. "
        "Split it (for example one workbook per year).",
    ),
    "too_large.grew": (
        "読み込み中にファイルが{max_mb} MBを超えました。Genbaが読み込めるのは{max_mb} MBまでです。"
        "ファイルを分割してください。",
        "The file grew past {max_mb} MB while being read; Genba reads files up to that size.",
    ),
    "locked": (
        "ほかのプログラムがファイルを使用中です（保存中の可能性があります）。"
        "Genbaが自動で再試行します。解消しない場合は、Excelでファイルを閉じてください。",
        "Another program is holding the file (is it still being saved?). "
        "Genba will try again; close the file in Excel if this stays.",
    ),
    "missing": (
        "ファイルが見つかりません。移動または削除された可能性があります。",
        "The file is no longer there.",
    ),
    "not_a_file": (
        "これはファイルではなく、フォルダーです。",
        "This is a folder, not a file.",
    ),
    "unreadable": (
        "ファイルを読み込めません（{reason}）。ファイルのアクセス権を確認してください。",
        "The file cannot be read ({reason}).",
    ),
    # -- what kind of file --------------------------------------------------------------------
    "empty": (
        "ファイルが空です（0バイト）。Excelで保存中だった場合は、もう一度保存してください。",
        "The file is empty (0 bytes). If Excel was still saving it, save it again.",
    ),
    "truncated": (
        "ブックが壊れているか、不完全です。Excelで開いて、もう一度保存してください。",
        "The workbook is damaged or incomplete. Open it in Excel and save it again.",
    ),
    "truncated.zip": (
        "ブックが壊れているか、不完全です（コピーが途中で終わった可能性があります）。"
        "Excelで開いて、もう一度保存してください。",
        "The workbook is damaged or incomplete (it may have been copied only in part). "
        "Open it in Excel and save it again.",
    ),
    "xlsb": (
        "バイナリ形式のブック（.xlsb）は読み込めません。Excelで"
        "「ファイル > 名前を付けて保存 > Excel ブック」を選び、.xlsx で保存し直してください。",
        "This is a binary workbook (.xlsb). Save it as .xlsx in Excel "
        "(ファイル > 名前を付けて保存 > Excel ブック).",
    ),
    "not_a_workbook.zip": (
        "ZIP形式のファイルですが、Excelのブックではありません。正しいファイルか確認してください。",
        "The file is a ZIP archive but not an Excel workbook. Check that it is the right file.",
    ),
    "not_a_workbook": (
        "ファイル名は {suffix} ですが、Excelのブックではありません（中身は{kind}のようです）。"
        "Excelで開いて、ブック形式で保存し直してください。",
        "The file is named {suffix} but is not a workbook (it looks like {kind}). "
        "Open it in Excel and save it as a workbook.",
    ),
    "encrypted": (
        "パスワード付きのブックのため読み込めません。パスワードを解除するか"
        "（ファイル > 情報 > ブックの保護）、保護なしのコピーを監視フォルダーに置いてください。",
        "The workbook is password-protected, so Genba cannot read it. Remove the password "
        "(ファイル > 情報 > ブックの保護) or save an unprotected copy in the watched folder.",
    ),
    "encrypted.ods": (
        "パスワード付きのファイルのため読み込めません。LibreOffice などで開き、"
        "「名前を付けて保存」で「パスワード付きで保存」のチェックを外して保存し直すか、"
        "パスワードなしのコピーを監視フォルダーに置いてください。",
        "The file is password-protected, so Genba cannot read it. Open it, choose Save As "
        "with 'Save with password' unticked, or put an unprotected copy in the watched folder.",
    ),
    "unsupported": (
        "{suffix} ファイルは読み込めません。日報は .xlsx・.xlsm・.xls・.ods・.csv "
        "のいずれかで保存してください。",
        "Genba does not read {suffix} files.",
    ),
    "unsupported.no_suffix": (
        "拡張子のないファイルは読み込めません。日報は .xlsx・.xlsm・.xls・.ods・.csv "
        "のいずれかで保存してください。",
        "Genba does not read extensionless files.",
    ),
    "zip_bomb": (
        "展開すると異常に大きくなるファイル（ZIP爆弾）のため、安全のため読み込みませんでした。"
        "正規のブックであれば、Excelで開いてもう一度保存してください。",
        "The workbook would unpack to an implausible size (a 'zip bomb'), so Genba refuses it. "
        "If this is a genuine workbook, open it in Excel and save it again.",
    ),
    "xml_entities": (
        "ブックの中（{member}）にXMLエンティティ宣言があります。Excelはこれを書き込まないため、"
        "安全のため読み込みませんでした。Excelで開いて、新しいコピーとして保存してください。",
        "The workbook contains XML entity declarations (in {member}), which Excel never "
        "writes; Genba refuses it as unsafe. Open it in Excel and save a fresh copy.",
    ),
    "xml_entities.sheet": (
        "シート「{sheet}」にXMLエンティティ宣言があります。Excelはこれを書き込まないため、"
        "安全のため読み込みませんでした。Excelで開いて、新しいコピーとして保存してください。",
        "Sheet {sheet} contains XML entity declarations, which Excel never writes; "
        "Genba refuses it as unsafe. Open the workbook in Excel and save a fresh copy.",
    ),
    "unreadable.workbook": (
        "ブックを読み込めません。ファイルが壊れているか、Genbaが読めない形式です。"
        "Excelで開けるか確認し、開ける場合は「名前を付けて保存」で Excel ブック（.xlsx）として"
        "保存し直してください。",
        "The workbook cannot be read: it is damaged or in a format Genba does not read. Check "
        "that Excel opens it, then save it as an Excel workbook (.xlsx).",
    ),
    "unreadable.too_many_cells": (
        "ブックの使用範囲が異常に大きい（何十億ものセル）ため、安全のため読み込みませんでした。"
        "Excelで開き、データより下や右の不要な行・列を削除してから保存してください。",
        "The workbook claims billions of cells, so Genba refused it as unsafe. Open it in "
        "Excel, delete the unused rows and columns beyond the data, and save it.",
    ),
    "unreadable.csv": (
        'CSVファイルの区切りや引用符（"）が壊れていて、行に分けられません。Excelで開いて、'
        "「CSV UTF-8 (コンマ区切り)」形式で保存し直してください。",
        "The CSV file's separators or quotes are broken, so it cannot be split into rows. "
        "Open it in Excel and save it as 'CSV UTF-8 (コンマ区切り)'.",
    ),
    "unreadable.unexpected": (
        "このファイルの読み込み中に、予期しない問題が起きました（{reason}）。ほかのファイルの"
        "取り込みは続けています。Excelで開いて保存し直しても直らない場合は、genba.log を添えて"
        "管理者に連絡してください。",
        "Something unexpected went wrong while reading this file ({reason}); the other files "
        "are still imported. If saving it again in Excel does not help, send genba.log to "
        "your administrator.",
    ),
    "unreadable.sheet": (
        "シート「{sheet}」を読み込めません（{reason}）。Excelでブックを開いて、"
        "もう一度保存してください。",
        "Sheet {sheet} cannot be read ({reason}). Open the workbook in Excel and save it again.",
    ),
    "unreadable.nested": (
        "ブックの入れ子が深すぎるため、安全に読み込めません。Excelで開いて、"
        "もう一度保存してください。",
        "The workbook is nested too deeply to read safely.",
    ),
    "encoding": (
        "CSVファイルの文字コードが UTF-8 でも Shift_JIS（cp932）でもありません。Excelで"
        "「CSV UTF-8 (コンマ区切り)」形式を選んで保存し直してください。",
        "The CSV file is neither UTF-8 nor Shift_JIS (cp932). Save it from Excel as "
        "'CSV UTF-8 (コンマ区切り)'.",
    ),
    # -- sheets and layouts -------------------------------------------------------------------
    "blank_padding": (
        "シート「{sheet}」は、データよりずっと下の行まで使用範囲が広がっています。"
        "{row}行目より下は空白のため、読み込みませんでした。",
        "Sheet {sheet} claims rows far below its data; everything after row {row} is blank "
        "and was not read.",
    ),
    "no_data": (
        "ブックのどのシートにもデータがないため、取り込むものがありません。",
        "The workbook has no filled sheets: nothing to import.",
    ),
    "no_header": (
        "どのシートの先頭{rows}行にも、見出し（日付・訪問先・内容など）やフォームのラベルが"
        "見つかりませんでした。マッピングウィザードで見出しの行を指定するか、"
        "プロファイルを追加してください。",
        "Genba found no column headings it knows (such as 日付, 訪問先, 内容) in the first "
        "{rows} rows of any sheet, and no form labels. Open the workbook in Genba's mapping "
        "wizard to say which row holds the headings, or add a profile.",
    ),
    "sheet_skipped": (
        "シート「{sheet}」には日報の見出しがないため、読み飛ばしました。",
        "Sheet {sheet} has no daily-report headings and was skipped.",
    ),
    "unmapped_columns": (
        "シート「{sheet}」の{count}列の意味が分かりませんでした（{columns}）。書かれた内容は"
        "各活動の「その他の項目」として残し、検索や書き出しにも含めています。項目を割り当てるには、"
        "マッピングウィザードを開いてください。",
        "Sheet {sheet}: Genba could not tell what {count} column(s) hold ({columns}). What "
        "they say is kept on each activity as extra fields (searched and exported too); open "
        "the mapping wizard to assign them.",
    ),
    "unmapped_labels": (
        "シート「{sheet}」の{count}項目の意味が分かりませんでした（{labels}）。書かれた内容は"
        "活動の「その他の項目」として残しています。項目を割り当てるには、マッピングウィザードで"
        "ラベルを指定してください。",
        "Sheet {sheet}: Genba could not tell what {count} label(s) mean ({labels}). What they "
        "say is kept on the activity as extra fields; name the labels in the mapping wizard.",
    ),
    "unmapped_columns.column": ("{heading}（{letter}列）", "{heading} ({letter})"),
    "form_stray": (
        "シート「{sheet}」で、訪問先が空欄の欄に{count}項目が書かれていました（{labels}）。"
        "消さずに「{company}」の活動の「その他の項目」として残しています。別の訪問の内容なら"
        "訪問先を記入し、意味の分からない項目はマッピングウィザードで指定してください。",
        "Sheet {sheet}: {count} item(s) were written in a visit block with no customer "
        "({labels}). They are kept as extra fields of the {company} activity; if they belong to "
        "another visit, fill in its customer, and name unknown labels in the mapping wizard.",
    ),
    "form_stray.nameless": (
        "シート「{sheet}」で、訪問先が空欄の欄に{count}項目が書かれていました（{labels}）。"
        "消さずに同じシートの活動の「その他の項目」として残しています。別の訪問の内容なら"
        "訪問先を記入し、意味の分からない項目はマッピングウィザードで指定してください。",
        "Sheet {sheet}: {count} item(s) were written in a visit block with no customer "
        "({labels}). They are kept as extra fields of an activity on the same sheet; if they "
        "belong to another visit, fill in its customer, and name unknown labels in the mapping "
        "wizard.",
    ),
    "form_stray.no_visit": (
        "シート「{sheet}」の{count}項目（{labels}）は、訪問先が書かれていないため活動として"
        "取り込めませんでした（ブックの内容はそのままです）。訪問先を記入するか、"
        "マッピングウィザードでラベルを指定してください。",
        "Sheet {sheet}: {count} item(s) ({labels}) were not imported because no customer is "
        "written for them (the workbook is unchanged). Fill in the customer, or name the labels "
        "in the mapping wizard.",
    ),
    "ambiguous_columns": (
        "シート「{sheet}」の{first}列と{second}列は、どちらも「{field}」の列に見えます。"
        "{first}列を{field}として読み、{second}列はその他の項目として残しました。"
        "違う場合は、マッピングウィザードで列を割り当ててください。",
        "Sheet {sheet}: columns {first} and {second} both look like {field}. Genba read {first} "
        "as {field} and kept {second} as an extra field; use the mapping wizard if that is wrong.",
    ),
    "not_visits": (
        "シート「{sheet}」の表は訪問の記録ではないようです（{kind}のように見えます。見出し: "
        "{headings}）。日報として読むには、日付の列と訪問先（顧客）の列が必要です。"
        "日報であれば、マッピングウィザードで列を割り当ててください。",
        "Sheet {sheet} does not look like a record of visits (it looks like {kind}; headings: "
        "{headings}). To read it as a daily report Genba needs a date column and a customer "
        "column; if it is one, map its columns in the mapping wizard.",
    ),
    "not_visits.invoice": ("請求書・見積書", "an invoice or a quotation"),
    "not_visits.price_list": ("価格表・商品一覧", "a price list"),
    "not_visits.contacts": ("連絡先の一覧", "a contact list"),
    "not_visits.pivot": ("集計表（ピボット）", "a summary (pivot) table"),
    "header_no_rows": (
        "シート「{sheet}」の{row}行目に見出し（{headings}）がありますが、その下に訪問の行が"
        "1件もありません。記入した行が見出しの下にあるか確認してください。",
        "Sheet {sheet} has headings in row {row} ({headings}) but no visit rows below them. "
        "Check that the visits are written under the headings.",
    ),
    "no_header.found": (
        "どのシートにも日報として読める見出しの行がありませんでした。見つかった見出し: {found}。"
        "日報として読むには、日付・訪問先（顧客）・内容のいずれかを含む2つ以上の見出しが"
        "同じ行に必要です。マッピングウィザードで見出しの行と列を指定してください。",
        "No sheet has a header row Genba can read as a daily report. Headings found: {found}. "
        "A daily report needs two or more headings on one row, one of them a date, a customer "
        "or a summary; use the mapping wizard to say which row and columns hold them.",
    ),
    "reason.exact": (
        "「{heading}」は{field}の見出しとして登録されています。",
        "'{heading}' is a known heading for the {field}.",
    ),
    "reason.part": (
        "「{heading}」の「{word}」は{field}の見出しとして登録されています。",
        "The '{word}' in '{heading}' is a known heading for the {field}.",
    ),
    "reason.keyword": (
        "「{heading}」に「{word}」が含まれ、列の値もそれに合うため、{field}と判断しました。",
        "'{heading}' contains '{word}' and the column's values fit, so Genba reads it as the "
        "{field}.",
    ),
    "extras.title": (
        "その他の項目（日報の、Genbaが割り当てられなかった列。Excelのセルを直すと更新されます）",
        "Other fields (columns of the report Genba could not place; edit the cell in Excel to "
        "change them)",
    ),
    "field_name.occurred_on": ("日付", "date"),
    "field_name.rep": ("担当者（自社）", "rep"),
    "field_name.company": ("訪問先", "customer"),
    "field_name.contact": ("面談者", "contact"),
    "field_name.purpose": ("目的", "purpose"),
    "field_name.summary": ("内容", "summary"),
    "field_name.result": ("結果", "result"),
    "field_name.next_action": ("次回予定", "next action"),
    "field_name.next_action_due": ("次回予定日", "next-action date"),
    "field_name.amount": ("金額", "amount"),
    "field_name.probability": ("確度", "probability"),
    "field_name.insight": ("所感", "insight"),
    "field_name.deal_title": ("案件名", "deal"),
    "field_name.lead_comment": ("上司コメント", "lead comment"),
    "unmapped_columns.no_heading": ("見出しなし", "(no heading)"),
    # -- cells --------------------------------------------------------------------------------
    "formula_no_value": (
        "{ref} の数式は一度も計算されていないため、値がわかりません。"
        "Excelでブックを開いて、一度保存してください。",
        "{ref} holds a formula whose result was never calculated, so its value is unknown. "
        "Open the workbook in Excel and save it once.",
    ),
    "bad_date": (
        "{ref} の{what}「{value}」を日付として読めませんでした（{reason}）。"
        "日付を空にして取り込みました。セルを直して保存してください。",
        "The {what} in {ref} ({value}) could not be read: {reason}. "
        "The visit was imported without it; correct the cell and save.",
    ),
    "bad_date.visit": ("訪問日", "visit date"),
    "bad_date.next_action": ("次回予定日", "next-action date"),
    "bad_amount": (
        "{ref} の金額「{value}」を円の金額として読めませんでした（{reason}）。"
        "金額を空にして取り込みました。セルを直して保存してください。",
        "The amount in {ref} ({value}) is not a number of yen ({reason}). "
        "The visit was imported without an amount.",
    ),
    "bad_probability": (
        "{ref} の確度「{value}」を読めませんでした（{reason}）。確度を空にして取り込みました。"
        "80% のような割合か、ランク表にあるランク（A・B など）を入力してください。",
        "The probability in {ref} ({value}) could not be read ({reason}). "
        "Write a percentage such as 80% or a rank letter from your rank table.",
    ),
    # -- profiles -----------------------------------------------------------------------------
    "bad_profile.unreadable": (
        "プロファイル {path} を読み込めません（{reason}）。ファイルを直すか、削除してください。",
        "The profile {path} cannot be read: {reason}",
    ),
    "bad_profile.unknown_keys": (
        "プロファイル {path} に不明な項目があります: {keys}。綴りを確認してください。",
        "The profile {path} has unknown keys: {keys}",
    ),
    "bad_profile.unknown_fields": (
        "プロファイル {path} で、列または見出しが不明な項目 {fields} に割り当てられています。"
        "使える項目は {known} です。",
        "The profile {path} maps columns or labels to unknown fields {fields}; known fields: {known}",
    ),
    "bad_profile.layout": (
        "プロファイル {path} の layout は 'table' か 'form' にしてください。",
        "The profile {path}: layout must be 'table' or 'form'",
    ),
    "duplicate_of": ("{path} と同じ内容です", "same content as {path}"),
    # -- business cards -----------------------------------------------------------------------
    "file_too_large": (
        "{name}：ファイルが大きすぎます（{size_mb} MB。この種類のファイルは{limit_mb} MBまで）。"
        "取り込みませんでした。エクスポートを小さなファイルに分けるか、名刺のファイルか"
        "確認してください。",
        "{name}: file too large ({size_mb} MB, the limit is {limit_mb} MB for this kind of "
        "file); it was not imported. Split the export into smaller files, or check that this "
        "is really a card file.",
    ),
    "unreadable.card": (
        "{name}：ファイルを読み込めません（{reason}）。",
        "{name}: the file could not be read ({reason}).",
    ),
    "unsupported_type": (
        "{name}：{ext} ファイルは名刺として読み込めません。名刺は vCard（.vcf）、"
        "CSVエクスポート（.csv）、名刺の画像（.jpg・.png・.pdf）で置いてください。",
        "{name}: {ext} files are not business cards Genba can read. Card files can be vCard "
        "(.vcf), CSV exports (.csv) or card images (.jpg, .png, .pdf).",
    ),
    "unsupported_type.heic": (
        "{name}：HEIC形式の写真には対応していません。カメラの設定を「互換性優先」（JPEG）に"
        "するか、JPEGで書き出してください。",
        "{name}: {ext} files are not business cards Genba can read. HEIC photos are not "
        "supported: set the camera to JPEG ('Most Compatible') or export as JPEG.",
    ),
    "unsupported_type.no_extension": ("（拡張子なし）", "(no extension)"),
    "empty_file": ("{name}：ファイルが空です。", "{name}: the file is empty."),
    "ocr_unavailable": (
        "{name}：名刺を読み取れませんでした。{reason}"
        "tesseract と日本語データをインストールしてください（Debian/Ubuntu: apt install "
        "tesseract-ocr tesseract-ocr-jpn、Windows: UB-Mannheim 版のインストーラーで "
        "'Japanese' にチェック）。",
        "{name}: the card could not be read: {reason} Install tesseract with its Japanese data "
        "(Debian/Ubuntu: apt install tesseract-ocr tesseract-ocr-jpn; Windows: the "
        "UB-Mannheim installer with 'Japanese' ticked).",
    ),
    "ocr_unavailable.no_pytesseract": (
        "pytesseract パッケージがインストールされていません。",
        "the pytesseract package is not installed.",
    ),
    "ocr_unavailable.no_tesseract": (
        "tesseract が見つかりません。",
        "the tesseract program was not found.",
    ),
    "ocr_unavailable.no_jpn": (
        "tesseract はありますが、日本語データ（jpn）がありません。",
        "tesseract is installed but its Japanese data (jpn) is missing.",
    ),
    "ocr_failed": (
        "{name}：tesseract がこの画像の読み取りに失敗しました（{reason}）。"
        "画像は添付ファイルとして残しています。",
        "{name}: tesseract failed on this image ({reason}); the image is kept as an attachment.",
    ),
    "ocr_failed.timeout": (
        "{name}：名刺の読み取りが{seconds}秒を超えたため中止しました。"
        "画像は添付ファイルとして残しています。",
        "{name}: reading the card took longer than {seconds} s and was stopped; the image is "
        "kept as an attachment.",
    ),
    "ocr_nothing_found": (
        "{name}：この画像から氏名・会社名・メールアドレス・電話番号を読み取れませんでした。"
        "画像は添付ファイルとして残しています。",
        "{name}: no name, company, e-mail or phone could be read from this image; it is kept "
        "as an attachment.",
    ),
    "ocr_needs_review": (
        "{name}：OCRで読み取りました。使う前に「{who}」の内容を確認してください。",
        "{name}: read by OCR — please check {who} before use.",
    ),
    "ocr_needs_review.anonymous": (
        "{name}：OCRで読み取りました。使う前に、この連絡先の内容を確認してください。",
        "{name}: read by OCR — please check this contact before use.",
    ),
    "image_too_large": (
        "{name}：画像が {width}×{height} ピクセルと大きすぎるため、名刺の写真として"
        "読み込みませんでした（上限 {limit} メガピクセル）。",
        "{name}: the image is {width}×{height} pixels, too large to be a card photo "
        "(limit {limit} megapixels); it was not read.",
    ),
    "not_an_image.card": (
        "{name}：名前は画像ファイルですが、Genbaで読める画像（JPEG・PNG）ではありません。"
        "ファイルを確認するか、名刺をもう一度書き出してください。",
        "{name}: this file is not a picture Genba can read (JPEG or PNG expected), although "
        "its name says it is. Check the file, or export the card again.",
    ),
    "broken_image": (
        "{name}：画像が壊れているか不完全なため、読み込めませんでした（{reason}）。",
        "{name}: the image is damaged or incomplete ({reason}); it could not be read.",
    ),
    "pdf_not_read": (
        "{name}：PDFの名刺は添付ファイルとして保存しましたが、読み取りはしていません"
        "（poppler-utils の pdftoppm がインストールされていません）。連絡先を手で入力するか、"
        "名刺を JPEG か PNG で保存してください。",
        "{name}: PDF cards are kept as attachments but not read (pdftoppm from poppler-utils "
        "is not installed); add the contact by hand or save the card as JPEG/PNG.",
    ),
    "broken_pdf": (
        "{name}：PDFを開けませんでした（壊れているか、パスワード付きです）。"
        "添付ファイルとして残しています。",
        "{name}: the PDF could not be opened (damaged or password-protected); it is kept as "
        "an attachment.",
    ),
    "bad_encoding": (
        "{name}：UTF-8 でも Shift_JIS（cp932）でも読めない文字があったため、その文字を除きました。"
        "名前がおかしい場合は、UTF-8 で書き出し直してください。",
        "{name}: some characters could not be read as UTF-8 or Shift_JIS (cp932); they were "
        "dropped. Re-export the file as UTF-8 if names look wrong.",
    ),
    "no_usable_columns": (
        "{name}：氏名・会社名・メールアドレスの列が見つからないため、連絡先を読み込めません"
        "でした。見つかった列: {found}。会社名、氏名（または姓と名）、メールアドレスなどの列が"
        "あるエクスポートを使ってください（英語の Company、Name（または First Name と "
        "Last Name）、E-mail Address も使えます）。",
        "{name}: no name, company or e-mail column was recognised, so no contacts were read. "
        "Columns found: {found}. Expected a contact export with columns such as 会社名, 氏名 "
        "(or 姓 and 名), e-mail / メールアドレス — or the English Company, Name (or First "
        "Name and Last Name), E-mail Address.",
    ),
    "no_usable_columns.none": ("（なし）", "(none)"),
    "unknown_columns": (
        "{name}：次の列はGenbaでは使わないため、無視しました（{columns}）。",
        "{name}: these columns are not used by Genba and were ignored: {columns}.",
    ),
    "unknown_columns.more": ("{listed} ほか{count}列", "{listed} and {count} more"),
    "empty_row": (
        "{place}：氏名・会社名・メールアドレスがないため、この行は読み飛ばしました。",
        "{place}: no name, company or e-mail in this row; skipped.",
    ),
    "bad_date.card": (
        "{place}：名刺交換日「{value}」を日付として読めないため、空にしました"
        "（2025/03/12 のように入力してください）。",
        "{place}: the card exchange date '{value}' is not a date (expected e.g. 2025/03/12); "
        "left empty.",
    ),
    "invalid_contact_field": (
        "{place}：{label}「{value}」は正しくないようです。書かれたまま残しました。"
        "確認してください。",
        "{place}: the {label} '{value}' does not look valid; it was kept as written — please "
        "check it.",
    ),
    "field.email": ("メールアドレス", "e-mail address"),
    "field.phone": ("電話番号", "phone number"),
    "field.mobile": ("携帯電話番号", "mobile number"),
    "field.fax": ("FAX番号", "fax number"),
    "field.postal_code": ("郵便番号（〒）", "postal code (〒)"),
    "truncated_vcard": (
        "{name}：最後の名刺に END:VCARD 行がありません（ファイルが途中で切れている可能性が"
        "あります）。読めた部分は取り込みました。",
        "{name}: the last card has no END:VCARD line (the file may be cut short); what it had "
        "was read.",
    ),
    "no_vcards": (
        "{name}：名刺が見つかりません（BEGIN:VCARD 行がありません）。vCard ファイルか"
        "確認してください。",
        "{name}: no business cards found (no BEGIN:VCARD line). Is this a vCard file?",
    ),
    "empty_card": (
        "{name} の{n}枚目の名刺には氏名・会社名・メールアドレス・電話番号がないため、"
        "読み飛ばしました。",
        "Card #{n} in {name} has no name, company, e-mail or phone; skipped.",
    ),
    "broken_qp": (
        "{name} の{n}枚目の名刺：{label}の一部が読めません（quoted-printable の符号化が"
        "壊れています）。読めた部分（「{text}」）は残しました。この連絡先を確認してください。",
        "Card #{n} in {name}: the {label} is partly unreadable (its quoted-printable encoding "
        "is broken). What could be read was kept ('{text}') — please check this contact.",
    ),
    "bad_charset": (
        "{name} の{n}枚目の名刺：{label}に読めない文字があります。読めた部分（「{text}」）は"
        "残しました。この連絡先を確認してください。",
        "Card #{n} in {name}: the {label} contains characters that could not be decoded. What "
        "could be read was kept ('{text}') — please check this contact.",
    ),
    "dup.same_reading": (
        "読みが同じです（{reading}）。漢字・カナ・ローマ字で書き分けられた同じ会社かもしれません。",
        "same reading ({reading}): possibly one company written in kanji, kana or romaji",
    ),
    "dup.same_reading.person": (
        "同じ会社で読みが同じです（{reading}）。漢字・カナ・ローマ字で書き分けられた同じ人"
        "かもしれません。",
        "same reading at the same company ({reading}): possibly one person written in kanji, "
        "kana or romaji",
    ),
    "charset_guessed": (
        "{name}：文字コード（CHARSET）の指定がない名刺があったため、{codecs} として読みました。"
        "名前や住所が文字化けしている場合は、UTF-8 で書き出し直してください。",
        "{name}: some cards do not say their character set (CHARSET); they were read as "
        "{codecs}. If names or addresses look garbled, export the file again as UTF-8.",
    ),
    "vcard_field.N": ("氏名（N）", "name (N)"),
    "vcard_field.FN": ("氏名（FN）", "name (FN)"),
    "vcard_field.SOUND": ("読み（SOUND）", "reading (SOUND)"),
    "vcard_field.ORG": ("会社名（ORG）", "company (ORG)"),
    "vcard_field.TITLE": ("役職（TITLE）", "title (TITLE)"),
    "vcard_field.TEL": ("電話番号（TEL）", "phone (TEL)"),
    "vcard_field.EMAIL": ("メールアドレス（EMAIL）", "e-mail (EMAIL)"),
    "vcard_field.ADR": ("住所（ADR）", "address (ADR)"),
    "vcard_field.LABEL": ("住所（LABEL）", "address (LABEL)"),
    "vcard_field.NOTE": ("メモ（NOTE）", "note (NOTE)"),
    "contact_deleted": (
        "{place}：「{who}」はGenbaで削除済みのため、この名刺では元に戻しませんでした。"
        "誤って削除した場合は、Genbaで連絡先を復元してください。",
        "{place}: {who} was deleted in Genba, so this card did not bring the contact back. "
        "Restore the contact in Genba if this was a mistake.",
    ),
    "contact_deleted.anonymous": (
        "{place}：この連絡先はGenbaで削除済みのため、この名刺では元に戻しませんでした。"
        "誤って削除した場合は、Genbaで連絡先を復元してください。",
        "{place}: this contact was deleted in Genba, so this card did not bring the contact "
        "back. Restore the contact in Genba if this was a mistake.",
    ),
    # -- memo photos --------------------------------------------------------------------------
    "unsupported_type.heic_photo": (
        "{name}：HEIC形式の写真には対応していません。カメラの設定を「互換性優先」（JPEG）に"
        "するか、写真をJPEGで書き出してください。",
        "{name}: HEIC photos are not supported. Set the camera to JPEG ('Most Compatible') "
        "or export the photo as JPEG.",
    ),
    "not_an_image.photo": (
        "{name}：名前は写真ですが、画像ファイルではありません（JPEG・PNG・PDF を想定）。"
        "取り込みませんでした。ファイルを確認するか、撮り直してください。",
        "{name}: this file is not a picture, although its name says it is a photo (JPEG, PNG "
        "or PDF expected). It was not imported; check the file or take the photo again.",
    ),
    "not_an_image.damaged_photo": (
        "{name}：写真が壊れているか、不完全です（JPEG・PNG・PDF を想定）。"
        "取り込みませんでした。ファイルを確認するか、撮り直してください。",
        "{name}: this file is damaged or incomplete, although its name says it is a photo "
        "(JPEG, PNG or PDF expected). It was not imported; check the file or take the photo "
        "again.",
    ),
    "customer_not_found": (
        "{name}：「{hint}」という顧客が見つからないため、写真は {day} の日付にだけ結び付けました。",
        "{name}: no customer named '{hint}' was found, so the photo is linked to the day "
        "{day} only.",
    ),
    "customer_not_found.no_day": (
        "{name}：「{hint}」という顧客が見つからず、撮影日もわからないため、写真はどこにも"
        "結び付けていません。",
        "{name}: no customer named '{hint}' was found, so the photo is linked to no day only.",
    ),
    # -- the app: what the computer refused (sync.store.failures) -----------------------------
    "app.failure.busy": (
        "取り込みがデータベースに書き込み中です。編集は順番待ちに入っており、取り込みが終わると"
        "保存されます。しばらくたっても保存されない場合は、もう一度お試しください。",
        "An import is writing to the database; your edit is queued and is saved when the import "
        "is done. If it still is not saved after a while, try again.",
    ),
    "app.failure.full": (
        "ディスクの空き容量がないため保存できませんでした（{detail}）。不要なファイルを削除して"
        "空きを作り、もう一度お試しください。これまでのデータは失われていません。",
        "The disk is full, so this could not be saved ({detail}). Free some space and try "
        "again; nothing saved before is lost.",
    ),
    "app.failure.io": (
        "ディスクまたはネットワークの読み書きに失敗しました（{detail}）。ドライブが接続されて"
        "いるか確認して、もう一度お試しください。",
        "Reading or writing the disk or network failed ({detail}). Check that the drive is "
        "connected, then try again.",
    ),
    "app.failure.read_only": (
        "書き込みが許可されていないため保存できませんでした（{detail}）。データフォルダーの"
        "アクセス権を確認するか、IT担当者に連絡してください。",
        "Genba may not write here ({detail}). Check the permissions of the data folder, or "
        "ask your IT contact.",
    ),
    "app.failure.corrupt": (
        "データベース genba.db が壊れています（{detail}）。Genbaを終了し、バックアップ"
        "（genba backup）から戻すか、IT担当者に連絡してください。",
        "The database genba.db is damaged ({detail}). Quit Genba and restore a backup "
        "(genba backup), or ask your IT contact.",
    ),
    "app.failure.bug": (
        "予期しないエラーが発生しましたが、Genbaは動作を続けています。データは無事です。"
        "報告ファイル {report} をIT担当者に送ってください。",
        "Genba hit an unexpected error and kept running. Your data is safe. Please send the "
        "report {report} to your IT contact.",
    ),
    # -- what a file looks like inside (for not_a_workbook) ------------------------------------
    "looks_like.html": ("Webページ", "a web page"),
    "looks_like.binary": ("バイナリデータ", "binary data"),
    "looks_like.text": ("テキスト", "plain text"),
    # -- `genba import` -----------------------------------------------------------------------
    "cli.no_such_path": (
        "エラー: {path}: ファイルもフォルダーも見つかりません",
        "error: {path}: no such file or folder",
    ),
    "cli.error": ("エラー: {detail}", "error: {detail}"),
    "cli.unchanged": ("= {name}: 変更なし", "= {name}: unchanged"),
    "cli.moved": (
        "→ {name}: 以前のファイルと同じ内容です（移動または名前の変更）。追加はありません",
        "→ {name}: same content as an earlier file (moved or renamed); nothing to add",
    ),
    "cli.duplicate": (
        "= {name}: 取り込み済みのファイルのコピーです。追加はありません",
        "= {name}: a copy of a file already imported; nothing to add",
    ),
    "cli.imported": (
        "✓ {name}: +{added} ~{updated} -{deleted}",
        "✓ {name}: +{added} ~{updated} -{deleted}",
    ),
    "cli.imported.to_check": (
        "✓ {name}: +{added} ~{updated} -{deleted}、要確認 {warnings} 件",
        "✓ {name}: +{added} ~{updated} -{deleted}, {warnings} to check",
    ),
    "cli.imported.cards": (
        "✓ {name}: 名刺 追加 {added}、更新 {updated}",
        "✓ {name}: contacts +{added} ~{updated}",
    ),
    "cli.imported.cards.to_check": (
        "✓ {name}: 名刺 追加 {added}、更新 {updated}、要確認 {warnings} 件",
        "✓ {name}: contacts +{added} ~{updated}, {warnings} to check",
    ),
    "cli.imported.photos": (
        "✓ {name}: メモ写真を取り込みました",
        "✓ {name}: memo photo attached",
    ),
    "cli.imported.photos.to_check": (
        "✓ {name}: メモ写真を取り込みました（要確認 {warnings} 件）",
        "✓ {name}: memo photo attached, {warnings} to check",
    ),
    "cli.failed": ("✗ {name}: {message}", "✗ {name}: {message}"),
    "cli.summary": (
        "{files} ファイル: 取り込み {imported}、変更なし {unchanged}、失敗 {failed} · "
        "活動: 追加 {added}、更新 {updated}、削除 {deleted} · 要確認 {issues} 件",
        "{files} file(s): {imported} imported, {unchanged} unchanged, {failed} failed · "
        "activities: {added} added, {updated} updated, {deleted} deleted · {issues} issue(s)",
    ),
    "cli.summary.contacts": (
        " · 名刺: 追加 {added}、更新 {updated}",
        " · contacts: {added} added, {updated} updated",
    ),
    "cli.summary.photos": (" · メモ写真 {photos} 枚", " · {photos} memo photo(s)"),
    # -- `genba watch` and `genba problems` -------------------------------------------------------
    "cli.watch.usage": (
        "監視するフォルダーがありません。コマンドで指定するか "
        "(genba watch --reports DIR [--cards DIR] [--photos DIR])、"
        "一度登録してください: genba folders add --reports DIR",
        "No folders to watch. Name them on the command line "
        "(genba watch --reports DIR [--cards DIR] [--photos DIR]) "
        "or add them once: genba folders add --reports DIR",
    ),
    "cli.watch.started": (
        "フォルダー {count} 個を監視しています。終了するには Ctrl+C を押してください。",
        "Watching {count} folder(s). Press Ctrl+C to stop.",
    ),
    "cli.watch.stopping": ("終了しています…", "Stopping…"),
    "cli.watch.stopped": ("終了しました。", "Stopped."),
    "cli.watch.stopped.slow": (
        "終了しました（時間のかかる取り込みはバックグラウンドで最後まで続けます）。",
        "Stopped (a slow import was left to finish in the background).",
    ),
    "cli.watch.kind.reports": ("日報", "reports"),
    "cli.watch.kind.cards": ("名刺", "cards"),
    "cli.watch.kind.photos": ("メモ写真", "photos"),
    "cli.watch.native": ("ファイルの変更通知", "native events"),
    "cli.watch.polling.forced": ("設定によりポーリングで監視", "polling forced by the settings"),
    "cli.watch.polling.network_share": ("ネットワーク共有のためポーリングで監視", "network share"),
    "cli.watch.polling.onedrive": ("OneDrive フォルダーのためポーリングで監視", "OneDrive folder"),
    "cli.watch.polling.network_drive": (
        "ネットワークドライブのためポーリングで監視",
        "network drive",
    ),
    "cli.watch.polling.mount": ("{fstype} マウントのためポーリングで監視", "{fstype} mount"),
    "cli.watch.polling.other": ("ポーリングで監視（{reason}）", "{reason}"),
    "cli.watch.watching": (
        "· {kind}フォルダー {path} を監視中（{how}）",
        "· watching {kind} folder {path} ({how})",
    ),
    "cli.watch.folder_missing": (
        "! {kind}フォルダー {path}: 見つかりません（取り外されたか移動した可能性があります）。"
        "戻るのを待っています",
        "! {kind} folder {path}: folder not found (unplugged or moved?); watching for it to return",
    ),
    "cli.watch.folder_back": (
        "· {kind}フォルダー {path}: 戻りました。監視を再開します",
        "· {kind} folder {path}: folder is back; watching again",
    ),
    "cli.watch.restarted": (
        "! {kind}フォルダー {path}: 監視が止まっていたため再開しました",
        "! {kind} folder {path}: the observer had stopped; restarted",
    ),
    "cli.watch.folder_failed": (
        "✗ {kind}フォルダー {path}: 監視できません（{detail}）",
        "✗ {kind} folder {path}: cannot watch ({detail})",
    ),
    "cli.watch.missing": (
        "- {name}: 削除されました。取り込んだ内容は Genba に残っています",
        "- {name}: deleted; its activities are kept (source marked missing)",
    ),
    "cli.watch.error": (
        "✗ {name}: 取り込み中に予期しないエラーが起きました（{detail}）。genba.log を確認してください",
        "✗ {name}: an unexpected error while importing ({detail}); see genba.log",
    ),
    "cli.watch.hook_error": (
        "✗ {name} の取り込み後の処理に失敗しました: {detail}",
        "✗ after importing {name}: {detail}",
    ),
    "cli.sign_out.none": (
        "チームサーバーにはサインインしていません。",
        "Not signed in to a team server.",
    ),
    "cli.sign_out.done": (
        "{server} からサインアウトしました。このPCのトークンは削除しました。データと未送信の変更 "
        "{pending} 件はこのPCに残り、次にサインインしたときに送信されます。",
        "Signed out of {server}: its token is gone from this PC. Your data and {pending} "
        "change(s) not yet sent stay here and go at your next sign-in.",
    ),
    "cli.failure.busy": (
        "ほかのプロセス（アプリの取り込みなど）がデータベースに書き込み中のため、中断しました"
        "（{detail}）。取り込み済みの内容は失われていません。しばらくしてからもう一度実行してください。",
        "Another process (the app importing, for example) is writing to the database, so this "
        "stopped ({detail}). Nothing stored is lost; run it again in a moment.",
    ),
    "cli.problems.none": ("問題はありません。", "No problems."),
    "cli.problems.severity.error": ("エラー", "ERROR"),
    "cli.problems.severity.warning": ("要確認", "WARNING"),
    "cli.problems.severity.info": ("お知らせ", "INFO"),
    "cli.summary.see_problems": (
        " — `genba problems` で確認できます",
        " — see `genba problems`",
    ),
    **PAPER_MESSAGES,  # mail, memo text, voice memos
}


# --------------------------------------------------------------------------- language


def normalize_language(value: object) -> str | None:
    """'ja', 'en' (also 'ja_JP.UTF-8', 'EN'), else None."""
    if not isinstance(value, str):
        return None
    lang = value.strip().lower()[:2]
    return lang if lang in LANGUAGES else None


def cli_language(settings=None) -> str:
    """The language of a command's output: GENBA_LANG, else the effective ``language`` setting
    (``importers.config.Settings``), else Japanese."""
    return (
        normalize_language(os.environ.get("GENBA_LANG"))
        or normalize_language(getattr(settings, "language", None))
        or DEFAULT_LANGUAGE
    )


def default_language(data_dir: Path | str | None = None) -> str:
    """GENBA_LANG, else the ``language`` setting of ``data_dir`` (when given), else 'ja'."""
    env = normalize_language(os.environ.get("GENBA_LANG"))
    if env:
        return env
    if data_dir is not None:
        try:
            from importers.managed_config import ManagedConfig

            lang = normalize_language(ManagedConfig(Path(data_dir)).settings().language)
        except Exception:  # a broken settings file must not stop an import
            lang = None
        if lang:
            return lang
    return DEFAULT_LANGUAGE


def resolve(lang: str | None, data_dir: Path | str | None = None) -> str:
    """``lang`` if it names a known language, else ``default_language(data_dir)``."""
    return normalize_language(lang) or default_language(data_dir)


# --------------------------------------------------------------------------- rendering


class _Params(dict):
    """Missing parameters stay visible as {name} instead of crashing an import."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def msg(key: str, lang: str | None = None, **params: object) -> str:
    """The template ``key`` in ``lang`` (see ``resolve``), filled with ``params``."""
    ja, en = MESSAGES[key]
    template = ja if resolve(lang) == "ja" else en
    return template.format_map(_Params(params))


def code_of(key: str) -> str:
    """The stable issue code of a message key: 'truncated.zip' -> 'truncated'."""
    return key.split(".", 1)[0]


def issue(
    severity: str, key: str, lang: str | None, location: str | None = None, **params: object
) -> Issue:
    return Issue(severity, code_of(key), msg(key, lang, **params), location)


def fail(key: str, lang: str | None, location: str | None = None, **params: object) -> ImportFailed:
    """An ImportFailed to raise: ``raise fail('empty', lang)``."""
    return ImportFailed(code_of(key), msg(key, lang, **params), location)


def join(items, lang: str | None) -> str:
    """A list as the language writes it: 'A、B' or 'A, B'."""
    return ("、" if resolve(lang) == "ja" else ", ").join(str(i) for i in items)


_CSV_ROW = re.compile(r"^(?P<file>.+)!row (?P<row>\d+)$")
_CARD_NO = re.compile(r"^(?P<file>.+)#(?P<n>\d+)$")


def place(ref: str, lang: str | None) -> str:
    """A card location for a sentence: 'x.csv!row 3' -> 'x.csv の3行目' in Japanese."""
    if resolve(lang) != "ja":
        return ref
    m = _CSV_ROW.match(ref)
    if m:
        return f"{m['file']} の{m['row']}行目"
    m = _CARD_NO.match(ref)
    if m:
        return f"{m['file']} の{m['n']}枚目の名刺"
    return ref


# --------------------------------------------------------------------------- normaliser reasons

_MONTHS = {name: i for i, name in enumerate(calendar.month_name) if name}
_REASONS_JA: list[tuple[re.Pattern[str], object]] = [
    (re.compile(r"is not a real date \(month (\d+)\)$"), lambda m: f"{m[1]}月はありません"),
    (
        re.compile(r"is not a real date \(day (\d+); (\w+) (\d+) has (\d+) days\)$"),
        lambda m: f"{m[3]}年{_MONTHS.get(m[2], m[2])}月は{m[4]}日までです",
    ),
    (re.compile(r"is not a real date \((\S+) year 0\)$"), lambda m: f"{m[1]}0年はありません"),
    (
        re.compile(r"is before the (\S+) era began \((\d+)-(\d+)-(\d+)\)$"),
        lambda m: f"{m[1]}は{int(m[2])}年{int(m[3])}月{int(m[4])}日からです",
    ),
    (
        re.compile(r"is not a plausible date \(year (-?\d+)\)$"),
        lambda m: f"{m[1]}年は日付としてありえません",
    ),
    (
        re.compile(r"has no year \("),
        lambda m: "年が書かれておらず、シート名やファイル名からも年がわかりません",
    ),
    (re.compile(r"is not a date I can read$"), lambda m: "日付の書き方として読めません"),
    (
        re.compile(r"^serial 60 is 1900-02-29"),
        lambda m: "シリアル値60は1900年2月29日で、実在しない日です（Excelの既知の不具合）",
    ),
    (
        re.compile(r"is not a date serial number in 1900\.\.2200$"),
        lambda m: "1900年〜2200年の日付を表すシリアル値ではありません",
    ),
    (re.compile(r"is not a date serial number$"), lambda m: "日付を表すシリアル値ではありません"),
    (re.compile(r"is not a date$"), lambda m: "日付ではありません"),
    (re.compile(r"is too large to be an amount$"), lambda m: "金額としては大きすぎます"),
    (re.compile(r"is not an amount$"), lambda m: "数字と単位（円・万・千など）として読めません"),
    (
        re.compile(r"is not a probability between 0% and 100%$"),
        lambda m: "0%〜100%の範囲に入っていません",
    ),
    (
        re.compile(r"is not a probability or a known rank$"),
        lambda m: "割合でも、ランク表にあるランクでもありません",
    ),
    (re.compile(r"is not a probability$"), lambda m: "割合として読めません"),
]
_FALLBACK_JA = {
    "DateParseError": "日付の書き方として読めません",
    "AmountParseError": "金額として読めません",
    "ProbabilityParseError": "確度として読めません",
}


def reason(exc: BaseException, lang: str | None) -> str:
    """Why a normaliser refused a cell (DateParseError & co.), in the rep's language."""
    text = str(exc)
    if resolve(lang) != "ja":
        return text
    for pattern, render in _REASONS_JA:
        m = pattern.search(text)
        if m:
            return render(m)  # type: ignore[operator]
    return _FALLBACK_JA.get(type(exc).__name__, "読み取れない値です")
