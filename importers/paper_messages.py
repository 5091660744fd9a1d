"""The words of mail, memo-text and voice-memo problems (joined into importers.messages).

key -> (Japanese, English), as in importers.messages; kept apart so that module stays readable.
"""

from __future__ import annotations

PAPER_MESSAGES: dict[str, tuple[str, str]] = {
    # -- the command line ---------------------------------------------------------------------
    "cli.watch.kind.mail": ("メール", "mail"),
    "cli.imported.mail": (
        "✓ {name}: メールを活動として取り込みました（新規 {added}）",
        "✓ {name}: mail imported as an activity (+{added})",
    ),
    "cli.imported.mail.to_check": (
        "✓ {name}: メールを活動として取り込みました（新規 {added}、要確認 {warnings} 件）",
        "✓ {name}: mail imported as an activity (+{added}), {warnings} to check",
    ),
    "cli.drafts.none": (
        "確認待ちの音声メモの下書きはありません。",
        "No voice memo drafts are waiting.",
    ),
    "cli.drafts.headers": (
        "ID|日付|顧客|面談者|内容|次回アクション|金額|確度",
        "ID|Date|Customer|Met|Summary|Next action|Amount|Prob.",
    ),
    "cli.drafts.count": (
        "確認待ちの下書き {n} 件。確定: genba drafts confirm ID（修正は --customer、--summary、"
        "--due などで）／破棄: genba drafts discard ID／全文: genba drafts show ID",
        "{n} draft(s) waiting. Confirm: genba drafts confirm ID (corrections with --customer, "
        "--summary, --due …); discard: genba drafts discard ID; everything: genba drafts show ID",
    ),
    "cli.drafts.no_customer": ("（顧客なし）", "(no customer)"),
    "cli.drafts.fields": (
        "ID|状態|録音|日付|顧客|面談者|内容|次回アクション|期日|金額|確度",
        "ID|State|Recording|Date|Customer|Met|Summary|Next action|Due|Amount|Probability",
    ),
    "cli.drafts.state.draft": ("下書き（未確定）", "draft (not confirmed)"),
    "cli.drafts.state.confirmed": ("確定済み", "confirmed"),
    "cli.drafts.transcript": ("--- 文字起こし ---", "--- transcript ---"),
    "cli.drafts.confirmed": (
        "✓ 音声メモ {name} を確定しました。活動として登録し、所感をナレッジに追加しました。",
        "✓ Voice memo {name} confirmed: it is an activity now, and its insight a knowledge note.",
    ),
    "cli.drafts.discarded": (
        "✓ 音声メモの下書き {name} を破棄しました（録音ファイルは残っています）。",
        "✓ Voice memo draft {name} discarded (the recording stays stored).",
    ),
    "cli.drafts.not_found": (
        "IDが「{id}」の音声メモの下書きは見つかりません。genba drafts で一覧を確認してください。",
        "No voice memo draft has the ID 「{id}」. See the list: genba drafts",
    ),
    "cli.drafts.ambiguous": (
        "「{id}」で始まる音声メモが複数あります。IDをもう少し長く入力してください。",
        "More than one voice memo starts with 「{id}」. Type more of the ID.",
    ),
    "cli.drafts.bad_date": (
        "「{value}」は日付として読めません。2024/05/31 や 5月31日 のように入力してください。"
        "何も変更していません。",
        "「{value}」 is not a date; write it like 2024/05/31. Nothing was changed.",
    ),
    "cli.drafts.bad_amount": (
        "「{value}」は金額として読めません。120万円 や 1200000 のように入力してください。"
        "何も変更していません。",
        "「{value}」 is not an amount; write it like 120万円 or 1200000. Nothing was changed.",
    ),
    "cli.drafts.bad_probability": (
        "「{value}」は確度として読めません。70% や A のように入力してください。何も変更していません。",
        "「{value}」 is not a probability; write it like 70%. Nothing was changed.",
    ),
    "cli.drafts.no_such_customer": (
        "「{query}」に当たる顧客が見つかりません。genba companies で名前を確認してください。"
        "何も変更していません。",
        "No customer matches 「{query}」; see genba companies. Nothing was changed.",
    ),
    "cli.drafts.which_customer": (
        "「{query}」に当たる顧客が複数あります（{names}）。正式な名前かIDで指定してください。"
        "何も変更していません。",
        "Several customers match 「{query}」 ({names}); give the full name or the id. "
        "Nothing was changed.",
    ),
    # -- mail ---------------------------------------------------------------------------------
    "mail_not_msg": (
        "{name}：Outlookのメッセージ（.msg）ではありません。取り込みませんでした。"
        "Outlookからメールをもう一度ドラッグして保存するか、.emlで保存してください。",
        "{name}: this is not an Outlook message (.msg). It was not imported; drag the mail out "
        "of Outlook again, or save it as .eml.",
    ),
    "mail_not_msg.not_mail": (
        "{name}：Outlookのファイルですが、メールではありません（連絡先・予定・タスクなど）。"
        "取り込みませんでした。",
        "{name}: this Outlook file is not a mail (a contact, appointment or task). It was not "
        "imported.",
    ),
    "mail_not_mail": (
        "{name}：メールのファイルではありません（差出人・件名・日付のどれもありません）。"
        "取り込みませんでした。メールソフトから .eml で保存し直してください。",
        "{name}: this is not a mail file (no sender, subject or date). It was not imported; "
        "save the mail again as .eml from your mail program.",
    ),
    "mail_too_nested": (
        "{name}：メールの入れ子（MIMEパート）が深すぎて読めません。いたずらや壊れたメールの"
        "可能性があります。取り込みませんでした。必要なら送信者に確認してください。",
        "{name}: the mail's MIME parts nest too deeply to be read (a hostile or broken mail). "
        "It was not imported; check with the sender if you need it.",
    ),
    "mail_too_deep": (
        "{name}：メールの入れ子が{limit}段を超えていたため、それより深い部分は読んでいません。"
        "元のファイルはそのまま残っています。",
        "{name}: the mail nests deeper than {limit} levels; the deeper parts were not read. "
        "The original file is unchanged.",
    ),
    "mail_too_many_parts": (
        "{name}：メールのパートが{limit}個を超えていたため、残りは読んでいません。"
        "元のファイルはそのまま残っています。",
        "{name}: the mail has more than {limit} parts; the rest were not read. The original "
        "file is unchanged.",
    ),
    "mail_bad_charset": (
        "{name}：本文の一部が文字コード（{charset}）どおりに読めず、「�」に置き換えました。"
        "元のメールで確認してください。",
        "{name}: part of the body does not match its charset ({charset}) and shows as '�'. "
        "Check the original mail.",
    ),
    "mail_bad_date": (
        "{name}：日付「{value}」が読めないため、ファイルの更新日を使いました。",
        "{name}: the date '{value}' cannot be read; the file's modification day is used.",
    ),
    "mail_no_date": (
        "{name}：メールに日付がないため、ファイルの更新日（{day}）を使いました。",
        "{name}: the mail has no date; the file's modification day ({day}) is used.",
    ),
    "mail_attachment_unreadable": (
        "{name}：添付「{attachment}」を読み出せませんでした。Outlookで開いて確認してください。",
        "{name}: the attachment '{attachment}' could not be read. Open the mail in Outlook.",
    ),
    "mail_attachment_too_large": (
        "{name}：添付「{attachment}」は{size_mb} MBあり、{max_mb} MBを超えるため保存していません。"
        "元のメールに残っています。",
        "{name}: the attachment '{attachment}' is {size_mb} MB, over {max_mb} MB, and was not "
        "kept. It is still in the original mail.",
    ),
    "mail_already_imported": (
        "{name}：このメールは取り込み済みです（同じメールの別ファイル）。活動は増やしていません。",
        "{name}: this mail was already imported (another file of the same mail); no activity "
        "was added.",
    ),
    "mail_deleted": (
        "{name}：このメールの活動はGenbaで削除済みのため、元に戻していません。",
        "{name}: this mail's activity was deleted in Genba and was not brought back.",
    ),
    "mail_no_own_address": (
        "{name}：自分のメールアドレスが設定されていないため、受信メールとして取り込みました。"
        "genba config set mail_addresses あなたのアドレス で設定すると送信メールを区別できます。",
        "{name}: your own mail address is not set, so the mail was read as received. Set it "
        "with: genba config set mail_addresses YOUR-ADDRESS",
    ),
    "mail_signature_contact": (
        "{name}：署名から連絡先「{who}」の候補を作りました。内容を確認してください。",
        "{name}: the signature gave a contact suggestion, {who}. Please check it.",
    ),
    "mail_customer_not_found": (
        "{name}：{who} に当てはまる顧客が見つかりません。活動は顧客なしで保存しました。",
        "{name}: no customer matches {who}; the activity is saved without a customer.",
    ),
    # -- memo photos: the printed text -------------------------------------------------------
    "memo_text_read": (
        "{name}：写真の文字を読み取りました。読み取りは候補です。写真と見比べて直してください。",
        "{name}: the printed text on the photo was read. It is a suggestion; check it against "
        "the photo and correct it.",
    ),
    "memo_text_unreadable": (
        "{name}：写真を画像として開けないため、文字は読んでいません。写真はそのまま保存しました。",
        "{name}: the photo cannot be opened as a picture, so no text was read. The photo is kept.",
    ),
    "memo_text_too_large": (
        "{name}：写真が大きすぎるため、文字は読んでいません。写真はそのまま保存しました。",
        "{name}: the photo is too large to read text from. The photo is kept.",
    ),
    "memo_text_unavailable": (
        "{name}：このパソコンでは文字の読み取り（OCR）が使えないため、写真の文字は読んでいません"
        "（{reason}）。写真は保存しました。OCRを用意すると次回読み取ります。",
        "{name}: text recognition (OCR) is not available on this computer ({reason}); the "
        "photo is kept and its text will be read once OCR is installed.",
    ),
    "memo_text_failed": (
        "{name}：写真の文字を読み取れませんでした（{reason}）。写真は保存しました。次回もう一度"
        "読み取ります。",
        "{name}: reading the photo's text failed ({reason}). The photo is kept; Genba will "
        "try again next time.",
    ),
    "memo_text_read.pdf": (
        "{name}：スキャンしたPDFの文字を読み取りました（{pages}ページ）。読み取りは候補です。"
        "PDFと見比べて直してください。",
        "{name}: the text of the scanned PDF was read ({pages} page(s)). It is a suggestion; "
        "check it against the PDF and correct it.",
    ),
    "memo_text_pdf_text": (
        "{name}：PDFに含まれる文字を取り込みました。検索で見つかります。",
        "{name}: the text in the PDF was taken; search finds it.",
    ),
    "memo_text_pdf_pages": (
        "{name}：PDFは{pages}ページありますが、文字を読み取ったのは最初の{read}ページです。"
        "PDFはすべて保存しました。残りのページはPDFを開いて確認してください。",
        "{name}: the PDF has {pages} pages; the text of the first {read} was read. The whole PDF "
        "is kept; open it for the other pages.",
    ),
    "memo_text_pdf_timeout": (
        "{name}：PDFの文字の読み取りが{seconds}秒で終わらなかったため、{pages}ページ中{read}"
        "ページだけ読み取りました。PDFはすべて保存しました。残りはPDFを開いて確認してください。",
        "{name}: reading the PDF's text took longer than {seconds} s, so {read} of its {pages} "
        "pages were read. The whole PDF is kept; open it for the rest.",
    ),
    "memo_text_pdf_unreadable": (
        "{name}：PDFが壊れているかパスワードで保護されているため、文字は読んでいません。"
        "PDFはそのまま保存しました。",
        "{name}: the PDF is damaged or password-protected, so no text was read. The PDF is kept.",
    ),
    "memo_text.no_poppler": (
        "PDFを画像にする poppler（pdftoppm）が見つかりません。",
        "poppler (pdftoppm), which turns PDF pages into pictures, was not found.",
    ),
    # -- voice memos -------------------------------------------------------------------------
    "cli.watch.kind.voice": ("音声メモ", "voice memos"),
    "cli.waiting": ("… {name}: 待機中 — {message}", "… {name}: waiting — {message}"),
    "cli.imported.voice": (
        "✓ {name}: 音声メモから議事録の下書きを作りました（新規 {added}）",
        "✓ {name}: draft minutes made from the voice memo (+{added})",
    ),
    "cli.imported.voice.to_check": (
        "✓ {name}: 音声メモから議事録の下書きを作りました（新規 {added}、要確認 {warnings} 件）",
        "✓ {name}: draft minutes made from the voice memo (+{added}), {warnings} to check",
    ),
    "voice_no_model": (
        "{name}：音声認識のモデルが設定されていないため、この音声メモは待機中です。"
        "IT担当者からモデルのフォルダー（faster-whisper用、例：Whisper small）を受け取り、"
        "genba config set voice_model フォルダー で設定してください。設定後に自動で読み取ります。",
        "{name}: no speech-recognition model is set, so this voice memo waits. Get a model "
        "folder (faster-whisper / CTranslate2 format, e.g. Whisper small) from IT and set it "
        "with: genba config set voice_model FOLDER. The memo is read once it is set.",
    ),
    "voice_bad_model": (
        "{name}：音声認識のモデル「{folder}」を読み込めません（{missing}）。この音声メモは"
        "待機中です。faster-whisper用のモデルフォルダー（config.json と model.bin を含む）を"
        "設定し直してください。",
        "{name}: the speech-recognition model '{folder}' cannot be loaded ({missing}); the memo "
        "waits. Set a faster-whisper model folder (with config.json and model.bin).",
    ),
    "voice_no_engine": (
        "{name}：音声認識（faster-whisper）がインストールされていないため、この音声メモは"
        "待機中です。IT担当者に音声認識付きのGenbaのインストールを依頼してください。",
        "{name}: speech recognition (faster-whisper) is not installed, so the memo waits. Ask "
        "IT to install Genba with voice support (pip install 'genba[voice]').",
    ),
    "voice_damaged": (
        "{name}：音声ファイルが壊れているか、対応していない形式です（{reason}）。"
        "取り込みませんでした。録音アプリから書き出し直してください。",
        "{name}: the audio file is damaged or in a format that cannot be decoded ({reason}). "
        "It was not imported; export it again from the recorder app.",
    ),
    "voice_no_audio": (
        "{name}：このファイルには音声が入っていません。取り込みませんでした。",
        "{name}: this file holds no audio. It was not imported.",
    ),
    "voice_too_long": (
        "{name}：録音が{hours}時間あり、{max_hours}時間を超えています（録音の止め忘れかもしれません）。"
        "取り込みませんでした。必要な部分を切り出すか、分割してから入れ直してください。",
        "{name}: the recording is {hours} hours long, over {max_hours} hours (was the recorder "
        "left running?). It was not imported; cut out the part you need or split it.",
    ),
    "voice_silent": (
        "{name}：録音から話し声が聞き取れませんでした（無音か、雑音だけです）。"
        "議事録は作っていません。ファイルはそのまま残っています。",
        "{name}: no speech was heard in the recording (silence or noise only). No minutes were "
        "made; the file is unchanged.",
    ),
    "voice_draft": (
        "{name}：音声メモから議事録の下書きを作りました。顧客・期日・金額を確認して確定してください。",
        "{name}: draft minutes were made from the voice memo. Check the customer, due date and "
        "amount, then confirm them.",
    ),
    "voice_no_customer": (
        "{name}：音声メモの中に、登録済みの顧客名が見つかりませんでした。下書きで顧客を選んでください。",
        "{name}: no known customer was named in the voice memo. Choose the customer in the draft.",
    ),
    "voice_deleted": (
        "{name}：この音声メモの活動はGenbaで削除済みのため、元に戻していません。",
        "{name}: this voice memo's activity was deleted in Genba and was not brought back.",
    ),
}
