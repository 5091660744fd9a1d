<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Activities</name>
    <message>
        <location filename="../../desktop/app/models/activities.py" line="24"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/activities.py" line="27"/>
        <source>Customer</source>
        <translation>顧客</translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/activities.py" line="30"/>
        <source>Contact</source>
        <translation>面談者</translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/activities.py" line="33"/>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/activities.py" line="36"/>
        <source>Summary</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/activities.py" line="42"/>
        <source>Next action</source>
        <translation>次回アクション</translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/activities.py" line="47"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/activities.py" line="51"/>
        <source>Rep</source>
        <translation>担当</translation>
    </message>
    <message>
        <location filename="../../desktop/app/fmt.py" line="73"/>
        <source>Voice memo (draft: to confirm)</source>
        <translation>音声メモ（下書き・未確定）</translation>
    </message>
</context>
<context>
    <name>ActivitiesView</name>
    <message>
        <location filename="../../desktop/app/views/activities.py" line="33"/>
        <source>Activities</source>
        <translation>活動</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/activities.py" line="34"/>
        <source>Every visit from your daily reports. Double-click a row to edit it.</source>
        <translation>日報に書いたすべての訪問です。行をダブルクリックすると編集できます。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/activities.py" line="47"/>
        <source>Search summary, next action, insight…</source>
        <translation>内容・次回アクション・所感を検索…</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/activities.py" line="70"/>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/activities.py" line="73"/>
        <source>All dates</source>
        <translation>すべての期間</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/activities.py" line="74"/>
        <source>This month</source>
        <translation>今月</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/activities.py" line="75"/>
        <source>Last month</source>
        <translation>先月</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/activities.py" line="76"/>
        <source>This fiscal year (from April)</source>
        <translation>今期（4月から）</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/activities.py" line="77"/>
        <source>Last fiscal year</source>
        <translation>昨年度</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/activities.py" line="78"/>
        <source>Last 30 days</source>
        <translation>過去30日</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/activities.py" line="79"/>
        <source>Last 90 days</source>
        <translation>過去90日</translation>
    </message>
    <message>
        <source>This fiscal year</source>
        <translation type="vanished">今年度</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/activities.py" line="80"/>
        <source>Custom</source>
        <translation>期間を指定</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/activities.py" line="53"/>
        <source>All reps</source>
        <translation>すべての担当者</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/activities.py" line="58"/>
        <source>All customers</source>
        <translation>すべての顧客</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/activities.py" line="85"/>
        <source>from</source>
        <translation>開始日</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/activities.py" line="86"/>
        <source>until</source>
        <translation>終了日</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/activities.py" line="188"/>
        <source>%n activity(ies)</source>
        <translation>
            <numerusform>%n件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="96"/>
        <source>Edit activity</source>
        <translation>活動を編集</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="119"/>
        <source>yen, e.g. 1200000</source>
        <translation>円（例: 1200000）</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="126"/>
        <source>Type 0–100, or change it with the ↑ and ↓ keys</source>
        <translation>0〜100 を入力するか、↑・↓キーで変更します</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="130"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="131"/>
        <source>Rep</source>
        <translation>担当</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="132"/>
        <source>Contact</source>
        <translation>面談者</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="133"/>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="134"/>
        <source>Summary</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="135"/>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="136"/>
        <source>Next action</source>
        <translation>次回アクション</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="137"/>
        <source>Due</source>
        <translation>期日</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="138"/>
        <source>Amount (yen)</source>
        <translation>金額（円）</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="139"/>
        <source>Probability</source>
        <translation>確度</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="140"/>
        <source>Insight</source>
        <translation>所感</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="155"/>
        <source>What was said (transcript)</source>
        <translation>話した内容（文字起こし）</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="164"/>
        <source>Your edits are kept when the workbook is imported again; a later change of the same cell in Excel wins.</source>
        <translation>ここでの修正は日報を取り込み直しても残ります。その後にExcelで同じセルを書き換えた場合は、Excelの内容が優先されます。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="185"/>
        <source>This activity no longer exists.</source>
        <translation>この活動は削除されています。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="191"/>
        <source>From the voice memo {0}</source>
        <translation>音声メモ {0} から</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="196"/>
        <source>Your edits are kept when the recording is imported again.</source>
        <translation>同じ録音をもう一度取り込んでも、編集した内容はそのまま残ります。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="201"/>
        <source>From the daily report, cell {0}</source>
        <translation>日報のセル {0} から取り込み</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="280"/>
        <source>Picture attached to this activity.</source>
        <translation>この活動に画像を添付しました。</translation>
    </message>
</context>
<context>
    <name>BriefView</name>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="37"/>
        <source>Pre-visit brief</source>
        <translation>訪問前ブリーフ</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="43"/>
        <source>← Customer page</source>
        <translation>← 顧客ページに戻る</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="46"/>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="49"/>
        <source>Save as PDF…</source>
        <translation>PDFに保存…</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="106"/>
        <source>{0} — pre-visit brief</source>
        <translation>{0} 訪問前ブリーフ</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="107"/>
        <source>as of {0}</source>
        <translation>{0} 時点</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/brief.py" line="108"/>
        <source>%n note(s) from the team</source>
        <translation>
            <numerusform>チームのナレッジ %n件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="110"/>
        <source>your reading counts as reuse for their authors</source>
        <translation>開いたことが書いた人への「再利用」として記録されました</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="123"/>
        <source>The team&apos;s knowledge</source>
        <translation>チームのナレッジ</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="126"/>
        <source>Buyer preferences and trouble lessons first. Did one help? Say so.</source>
        <translation>顧客の好みとトラブルの教訓が先頭です。役に立ったら「参考になった」で伝えましょう。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="139"/>
        <source>No notes about this customer yet.</source>
        <translation>この顧客のナレッジはまだありません。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="146"/>
        <source>Open next actions</source>
        <translation>次のアクション</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="152"/>
        <source>no due date</source>
        <translation>期限なし</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="159"/>
        <source>Nothing open.</source>
        <translation>未完了のアクションはありません。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="164"/>
        <source>Recent activities</source>
        <translation>最近の活動</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="167"/>
        <source>no date</source>
        <translation>日付不明</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="176"/>
        <source>No visits yet.</source>
        <translation>まだ訪問記録がありません。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="181"/>
        <source>Contacts</source>
        <translation>面談者・連絡先</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="192"/>
        <source>mobile {0}</source>
        <translation>携帯 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="195"/>
        <source>last met {0}</source>
        <translation>最終面談 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="208"/>
        <source>No contacts yet.</source>
        <translation>面談者・連絡先はまだありません。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="213"/>
        <source>Open deals</source>
        <translation>進行中の案件</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="231"/>
        <source>No open deals.</source>
        <translation>進行中の案件はありません。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="242"/>
        <source>Voice memo transcript: {0}</source>
        <translation>音声メモの文字起こし: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="256"/>
        <source>{0} (overdue)</source>
        <translation>{0}（期限切れ）</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="282"/>
        <source>Print the brief</source>
        <translation>ブリーフを印刷</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="289"/>
        <source>pre-visit brief</source>
        <translation>訪問前ブリーフ</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="296"/>
        <source>Save the brief as PDF</source>
        <translation>ブリーフをPDFに保存</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="298"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="314"/>
        <source>Saved {0}</source>
        <translation>{0} に保存しました</translation>
    </message>
</context>
<context>
    <name>CardReviewDialog</name>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="82"/>
        <source>Check the business card</source>
        <translation>名刺の確認</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="86"/>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="100"/>
        <source>This does not look like an e-mail address. You can still save it.</source>
        <translation>メールアドレスの形式ではないようです。このまま保存することもできます。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="110"/>
        <source>e.g. あおき いちろう</source>
        <translation>例：あおき いちろう</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="111"/>
        <source>e.g. 460-0001</source>
        <translation>例：460-0001</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="116"/>
        <source>Your corrections are kept when the card is imported again. Saving marks the card as checked.</source>
        <translation>修正した内容は、名刺をもう一度取り込んでも保持されます。保存すると確認済みになります。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="130"/>
        <source>Save as checked</source>
        <translation>確認済みとして保存</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="173"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="174"/>
        <source>Reading (furigana)</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="175"/>
        <source>Name (romanised)</source>
        <translation>氏名（ローマ字）</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="176"/>
        <source>Company</source>
        <translation>会社名</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="177"/>
        <source>Department</source>
        <translation>部署</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="178"/>
        <source>Title</source>
        <translation>役職</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="179"/>
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="180"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="181"/>
        <source>Mobile</source>
        <translation>携帯</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="182"/>
        <source>Fax</source>
        <translation>FAX</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="183"/>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="184"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="185"/>
        <source>Website</source>
        <translation>Webサイト</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="191"/>
        <location filename="../../desktop/app/dialogs/card_review.py" line="277"/>
        <source>This card no longer exists: it was deleted or merged.</source>
        <translation>この名刺はもうありません（削除または統合されました）。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="198"/>
        <source>Read from {0}</source>
        <translation>{0} から読み取り</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="236"/>
        <source>Will be saved without a company.</source>
        <translation>会社名なしで保存します。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="240"/>
        <source>Will be linked to the existing customer “{0}”.</source>
        <translation>既存の顧客「{0}」に紐付けます。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="242"/>
        <source>A new customer “{0}” will be added.</source>
        <translation>新しい顧客「{0}」を追加します。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="261"/>
        <source>Enter the person&apos;s name: a card cannot be saved without a name.</source>
        <translation>氏名を入力してください。氏名のない名刺は保存できません。</translation>
    </message>
</context>
<context>
    <name>ColumnsPage</name>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_columns.py" line="37"/>
        <source>What does each column hold?</source>
        <translation>それぞれの列には何が書かれていますか？</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_columns.py" line="40"/>
        <source>Choose a field for each column; the preview below shows how Genba reads the rows.</source>
        <translation>列ごとに項目を選んでください。下のプレビューで、現場がどう読み取るかを確認できます。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_columns.py" line="88"/>
        <source>(not imported)</source>
        <translation>（取り込まない）</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_columns.py" line="103"/>
        <source>e.g. {0}</source>
        <translation>例: {0}</translation>
    </message>
</context>
<context>
    <name>CompanyDialog</name>
    <message>
        <location filename="../../desktop/app/dialogs/company.py" line="18"/>
        <source>Edit customer</source>
        <translation>顧客を編集</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/company.py" line="25"/>
        <source>e.g. さんぷるせいこう</source>
        <translation>例: さんぷるせいこう</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/company.py" line="26"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/company.py" line="27"/>
        <source>Reading (kana)</source>
        <translation>読み（かな）</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/company.py" line="32"/>
        <source>The customer is still recognised in your workbooks by the name written there.</source>
        <translation>日報の中では、これまでどおり日報に書かれた社名でこの顧客を見分けます。</translation>
    </message>
</context>
<context>
    <name>CustomerList</name>
    <message>
        <location filename="../../desktop/app/views/customers.py" line="30"/>
        <source>Customers</source>
        <translation>顧客</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customers.py" line="31"/>
        <source>In 50-sound order by reading. Double-click a customer to open their page.</source>
        <translation>読みの50音順です。ダブルクリックで顧客ページを開きます。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customers.py" line="37"/>
        <source>Filter by name or reading</source>
        <translation>社名・読みで絞り込み</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/customers.py" line="57"/>
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n社</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerPage</name>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="85"/>
        <source>← All customers</source>
        <translation>← 顧客一覧</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="88"/>
        <source>Edit name</source>
        <translation>社名を編集</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="90"/>
        <source>Attach photo…</source>
        <translation>写真を添付…</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="93"/>
        <source>Add knowledge</source>
        <translation>ナレッジを追加</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="96"/>
        <source>Pre-visit brief</source>
        <translation>訪問前ブリーフ</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="98"/>
        <source>What the team knows about this customer, to print or read on the train</source>
        <translation>この顧客についてチームが知っていること。印刷して移動中に読めます</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="109"/>
        <source>Activity timeline</source>
        <translation>活動の履歴</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="114"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="120"/>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="123"/>
        <source>Contact</source>
        <translation>面談者</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="128"/>
        <source>Summary</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="141"/>
        <source>Next action</source>
        <translation>次回アクション</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="229"/>
        <source>last visit {0}</source>
        <translation>最終訪問 {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/customer_page.py" line="233"/>
        <source>%n visit(s)</source>
        <translation>
            <numerusform>訪問 %n回</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="236"/>
        <source>open deals {0}</source>
        <translation>商談中 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="271"/>
        <source>Open deals</source>
        <translation>進行中の案件</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="273"/>
        <source>No open deals.</source>
        <translation>進行中の案件はありません。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="285"/>
        <source>Contacts</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="289"/>
        <source>No business cards yet. Drop card files into your card folder.</source>
        <translation>まだ名刺がありません。名刺フォルダーに名刺データを入れてください。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="316"/>
        <source>read from a card image: please check</source>
        <translation>名刺画像から読み取り：内容を確認してください</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="323"/>
        <source>Knowledge about this customer</source>
        <translation>この顧客のナレッジ</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="336"/>
        <source>from the daily report</source>
        <translation>日報の所感から</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="344"/>
        <source>Nothing yet. What should the next person visiting know?</source>
        <translation>まだありません。次に訪問する人が知っておくべきことは？</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="353"/>
        <source>Photos and memos</source>
        <translation>写真・手書きメモ</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="366"/>
        <source>Correct the text on this photo…</source>
        <translation>この写真の文字を修正…</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="391"/>
        <source>Text on the photo</source>
        <translation>写真の文字</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="393"/>
        <source>What the photo says (read by OCR: check it; handwriting is not read)</source>
        <translation>写真に書かれている内容（OCRで読み取った候補です。確認してください。手書きの文字は読めません）</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="464"/>
        <source>Attach a photo</source>
        <translation>写真を添付</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="466"/>
        <source>Pictures (*.png *.jpg *.jpeg *.gif *.bmp *.webp)</source>
        <translation>画像 (*.png *.jpg *.jpeg *.gif *.bmp *.webp)</translation>
    </message>
</context>
<context>
    <name>Customers</name>
    <message>
        <location filename="../../desktop/app/models/customers.py" line="20"/>
        <source>Customer</source>
        <translation>顧客</translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/customers.py" line="21"/>
        <source>Reading</source>
        <translation>読み</translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/customers.py" line="24"/>
        <source>Last visit</source>
        <translation>最終訪問</translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/customers.py" line="27"/>
        <source>Visits</source>
        <translation>訪問数</translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/customers.py" line="28"/>
        <source>Contacts</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/customers.py" line="31"/>
        <source>Open deals</source>
        <translation>進行中の案件</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../desktop/app/views/date_field.py" line="44"/>
        <source>yyyy/mm/dd</source>
        <translation>年/月/日</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/date_field.py" line="46"/>
        <location filename="../../desktop/app/views/date_field.py" line="98"/>
        <source>e.g. 2025/06/01, 2025-06-01, 2025年6月1日, R7.6.1</source>
        <translation>例：2025/06/01、2025-06-01、2025年6月1日、R7.6.1</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/date_field.py" line="54"/>
        <source>Pick from a calendar</source>
        <translation>カレンダーから選ぶ</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/date_field.py" line="85"/>
        <source>Not a date Genba can read: write it like 2025/06/01.</source>
        <translation>日付として読めません。2025/06/01 のように入力してください。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../desktop/app/errors.py" line="38"/>
        <source>Genba could not finish</source>
        <translation>処理を完了できませんでした</translation>
    </message>
    <message>
        <source>The computer refused an operation: {0}

Check that the disk is not full and that no other program holds the file, then try again.</source>
        <translation type="vanished">パソコンが操作を受け付けませんでした: {0}

ディスクの空き容量と、ほかのプログラムがファイルを開いていないかを確認してから、もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/errors.py" line="42"/>
        <source>Something went wrong</source>
        <translation>問題が発生しました</translation>
    </message>
    <message>
        <location filename="../../desktop/app/errors.py" line="43"/>
        <source>Genba hit an unexpected error and kept running. Your data is safe.

If it happens again, send the details below to your IT contact.</source>
        <translation>予期しないエラーが発生しましたが、現場はそのまま動いています。データは無事です。

繰り返し起きる場合は、下の詳細を社内のIT担当者に送ってください。</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="33"/>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="41"/>
        <source>Choose a folder</source>
        <translation>フォルダーを選択</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="255"/>
        <source>Set up Genba</source>
        <translation>現場のセットアップ</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="266"/>
        <source>Start using Genba</source>
        <translation>現場を使い始める</translation>
    </message>
</context>
<context>
    <name>FoldersPage</name>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="75"/>
        <source>Where do you keep your files?</source>
        <translation>ファイルはどこに保存していますか？</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="78"/>
        <source>Genba watches these folders and imports what you save into them. It never changes your files.</source>
        <translation>これらのフォルダーを見守り、保存されたファイルを取り込みます。ファイル自体を書き換えることはありません。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="83"/>
        <source>Daily reports (Excel workbooks)</source>
        <translation>営業日報（Excelファイル）</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="84"/>
        <source>e.g. Documents\営業日報</source>
        <translation>例: ドキュメント\営業日報</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="88"/>
        <source>Business cards (Eight / Sansan CSV, vCard, card scans) — optional</source>
        <translation>名刺（Eight・SansanのCSV、vCard、名刺画像）— 任意</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="92"/>
        <source>e.g. Documents\名刺</source>
        <translation>例: ドキュメント\名刺</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="114"/>
        <source>This folder was not found: {0} — pick it with 「Choose…」.</source>
        <translation>フォルダーが見つかりません：{0} ―「選択…」で選んでください。</translation>
    </message>
    <message>
        <source>This folder was not found: {0}</source>
        <translation type="vanished">フォルダーが見つかりません: {0}</translation>
    </message>
</context>
<context>
    <name>FoldersView</name>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="26"/>
        <source>Folders</source>
        <translation>フォルダー</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="28"/>
        <source>Genba watches these folders and imports what you save into them, even when the window is closed.</source>
        <translation>これらのフォルダーに保存されたファイルを自動で取り込みます。ウィンドウを閉じていても動き続けます。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="35"/>
        <source>Daily reports</source>
        <translation>営業日報</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="36"/>
        <source>Business cards</source>
        <translation>名刺</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="37"/>
        <source>Memo photos</source>
        <translation>メモの写真</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="38"/>
        <source>Mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="39"/>
        <source>Voice memos</source>
        <translation>音声メモ</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="43"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="44"/>
        <source>Folder</source>
        <translation>フォルダー</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="45"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="46"/>
        <source>Files</source>
        <translation>ファイル数</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="47"/>
        <source>Last import</source>
        <translation>最終取り込み</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="54"/>
        <source>Add a report folder…</source>
        <translation>日報フォルダーを追加…</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="55"/>
        <source>Add a card folder…</source>
        <translation>名刺フォルダーを追加…</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="56"/>
        <source>Add a photo folder…</source>
        <translation>写真フォルダーを追加…</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="57"/>
        <source>Add a mail folder…</source>
        <translation>メールフォルダーを追加…</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="58"/>
        <source>Add a voice memo folder…</source>
        <translation>音声メモのフォルダーを追加…</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="64"/>
        <source>Stop watching</source>
        <translation>見守りをやめる</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="66"/>
        <source>Check folders now</source>
        <translation>今すぐ確認</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="69"/>
        <source>Files already imported stay in Genba when a folder is removed.</source>
        <translation>フォルダーを外しても、取り込み済みのデータは残ります。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/folders.py" line="89"/>
        <source>(+%n copy of a known workbook)</source>
        <translation>
            <numerusform>（ほかに、読み込み済みのブックのコピー %n件）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="94"/>
        <source>not found</source>
        <translation>見つかりません</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="96"/>
        <source>watching</source>
        <translation>見守り中</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="96"/>
        <source>watching (polling)</source>
        <translation>見守り中（定期確認）</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="98"/>
        <source>starting…</source>
        <translation>開始中…</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="100"/>
        <source>not watched</source>
        <translation>停止中</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="104"/>
        <source>set by your administrator</source>
        <translation>管理者が設定</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="168"/>
        <source>These folders are set by your administrator and cannot be changed here.</source>
        <translation>このフォルダーは管理者が設定しているため、ここでは変更できません。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/folders.py" line="102"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>エラー %n件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="133"/>
        <source>Choose a folder to watch</source>
        <translation>見守るフォルダーを選択</translation>
    </message>
</context>
<context>
    <name>GenbaApp</name>
    <message numerus="yes">
        <location filename="../../desktop/app/application.py" line="202"/>
        <source>{0}: %n new visit(s)</source>
        <translation>
            <numerusform>{0}：新しい訪問 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/application.py" line="205"/>
        <source>%n workbook(s)</source>
        <translation>
            <numerusform>日報 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/application.py" line="205"/>
        <source>: %n new visit(s)</source>
        <translation>
            <numerusform>：新しい訪問 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/application.py" line="208"/>
        <source>%n visit(s) updated</source>
        <translation>
            <numerusform>更新された訪問 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/application.py" line="211"/>
        <source>%n business card file(s)</source>
        <translation>
            <numerusform>名刺 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/application.py" line="212"/>
        <source>: %n new contact(s)</source>
        <translation>
            <numerusform>：新しい担当者 %n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/application.py" line="215"/>
        <source>%n memo photo(s) attached</source>
        <translation>
            <numerusform>メモの写真 %n 枚を添付しました</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/app/application.py" line="218"/>
        <source>{0} could not be read: see Problems</source>
        <translation>{0} を読み込めませんでした。「問題」を確認してください</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/application.py" line="220"/>
        <source>%n files could not be read: see Problems</source>
        <translation>
            <numerusform>%n 件のファイルを読み込めませんでした。「問題」を確認してください</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/app/application.py" line="222"/>
        <source>Imported</source>
        <translation>取り込みました</translation>
    </message>
    <message>
        <location filename="../../desktop/app/application.py" line="230"/>
        <source>Genba is still running</source>
        <translation>現場は動作中です</translation>
    </message>
    <message>
        <location filename="../../desktop/app/application.py" line="232"/>
        <source>It keeps watching your folders and syncing. Open it again from this icon; 「Quit Genba」 in its menu ends it.</source>
        <translation>フォルダーの見守りと同期を続けています。このアイコンからまた開けます。終了するにはメニューの「現場を終了」を選んでください。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/application.py" line="280"/>
        <source>Cannot sync</source>
        <translation>同期できません</translation>
    </message>
    <message>
        <location filename="../../desktop/app/application.py" line="221"/>
        <source>Could not import</source>
        <translation>取り込めませんでした</translation>
    </message>
</context>
<context>
    <name>HeaderPage</name>
    <message>
        <location filename="../../desktop/app/dialogs/mapping.py" line="80"/>
        <source>Which row holds the headings?</source>
        <translation>見出しは何行目にありますか？</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping.py" line="83"/>
        <source>Click the row with the column headings (日付, 訪問先, 内容 …) in the sheet below.</source>
        <translation>下のシートで、列の見出し（日付・訪問先・内容 など）が書かれた行をクリックしてください。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping.py" line="88"/>
        <source>Sheet</source>
        <translation>シート</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping.py" line="92"/>
        <source>One row per visit (table)</source>
        <translation>1行に1訪問（表形式）</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping.py" line="93"/>
        <source>Labels with values beside them (form)</source>
        <translation>項目名の横に値（様式形式）</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping.py" line="145"/>
        <source>Headings in row {0}</source>
        <translation>見出し: {0}行目</translation>
    </message>
</context>
<context>
    <name>HelpfulButton</name>
    <message>
        <location filename="../../desktop/app/views/notes.py" line="74"/>
        <source>This is your note: only teammates can mark it helpful.</source>
        <translation>自分のナレッジには「参考になった」を付けられません（付けられるのはチームの仲間です）。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/notes.py" line="77"/>
        <source>Enter your name in the settings to mark notes helpful.</source>
        <translation>「参考になった」を付けるには、設定で名前を入力してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/notes.py" line="79"/>
        <source>Tell the author this note helped you (click again to undo).</source>
        <translation>役に立ったことを書いた人に伝えます（もう一度押すと取り消し）。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/notes.py" line="98"/>
        <source>Helpful</source>
        <translation>参考になった</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="149"/>
        <source>Reading your files</source>
        <translation>ファイルを読み込んでいます</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="150"/>
        <source>This runs once; afterwards Genba keeps up as you save.</source>
        <translation>初回だけです。以降は保存するたびに自動で取り込みます。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="178"/>
        <source>Looking for workbooks and cards…</source>
        <translation>日報と名刺を探しています…</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="209"/>
        <source>Reading {0} ({1} of {2})</source>
        <translation>{0} を読み込み中（{1}/{2}）</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="221"/>
        <source>Your files are read</source>
        <translation>ファイルの読み込みが終わりました</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="222"/>
        <source>From now on Genba keeps up as you save.</source>
        <translation>これからは、保存するたびに現場が取り込みます。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="223"/>
        <source>Done: {0} file(s) read — {1} visit(s), {2} business card(s).</source>
        <translation>完了：ファイル {0}件を読み込みました ― 訪問 {1}件、名刺 {2}枚。</translation>
    </message>
    <message>
        <source>Done: {0} file(s) read, {1} activities.</source>
        <translation type="vanished">完了: {0}ファイル、活動 {1}件を取り込みました。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="227"/>
        <source>{0} file(s) need a look under Problems.</source>
        <translation>{0}ファイルは「問題」で確認が必要です。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="233"/>
        <source>The import stopped: {0}</source>
        <translation>取り込みが止まりました: {0}</translation>
    </message>
</context>
<context>
    <name>KnowledgeView</name>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="212"/>
        <source>Knowledge</source>
        <translation>ナレッジ</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="213"/>
        <source>What the team learned in the field, and whose notes helped others most.</source>
        <translation>現場で得たチームの知恵と、仲間の役に立ったナレッジの書き手。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="219"/>
        <source>Knowledge MVP</source>
        <translation>ナレッジMVP</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="220"/>
        <source>Team notes</source>
        <translation>チームのナレッジ</translation>
    </message>
</context>
<context>
    <name>LabelsPage</name>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_labels.py" line="37"/>
        <source>Which cells are labels?</source>
        <translation>どのセルが項目名ですか？</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_labels.py" line="40"/>
        <source>Click a cell holding a label (お客様名, 打合せ内容 …) and choose what it means. Blue cells are labels Genba already knows; yellow ones are yours.</source>
        <translation>項目名のセル（お客様名、打合せ内容 など）をクリックして、何の項目かを選んでください。青のセルは現場がすでに知っている項目名、黄色はあなたが指定した項目名です。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_labels.py" line="58"/>
        <source>Click a label cell in the sheet above.</source>
        <translation>上のシートで項目名のセルをクリックしてください。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_labels.py" line="61"/>
        <source>(not a label)</source>
        <translation>（項目名ではない）</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_labels.py" line="66"/>
        <source>Use this label</source>
        <translation>この項目にする</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_labels.py" line="116"/>
        <source>This cell is empty: click a label cell.</source>
        <translation>空のセルです。項目名のセルをクリックしてください。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_labels.py" line="119"/>
        <source>{0} 「{1}」 is the label for</source>
        <translation>{0}「{1}」の項目：</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_labels.py" line="142"/>
        <source>Your labels: {0}</source>
        <translation>指定した項目名: {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/app/window.py" line="60"/>
        <source>Genba — daily reports and customers</source>
        <translation>現場 — 日報と顧客</translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="160"/>
        <source>Your reports, your customers</source>
        <translation>日報から、顧客づくりへ</translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="165"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="166"/>
        <source>Customers</source>
        <translation>顧客</translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="167"/>
        <source>Activities</source>
        <translation>活動</translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="168"/>
        <source>Knowledge</source>
        <translation>ナレッジ</translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="169"/>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="170"/>
        <source>Folders</source>
        <translation>フォルダー</translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="171"/>
        <source>Sync</source>
        <translation>同期</translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="195"/>
        <source>Search notes and activities (Ctrl+K)</source>
        <translation>ナレッジ・活動を検索（Ctrl+K）</translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="206"/>
        <source>Drop workbooks or card files here to import them</source>
        <translation>日報や名刺ファイルをここにドロップすると取り込みます</translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="213"/>
        <location filename="../../desktop/app/window.py" line="344"/>
        <source>Folders: not watching</source>
        <translation>フォルダー: 見守り停止中</translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="214"/>
        <location filename="../../desktop/app/window.py" line="358"/>
        <location filename="../../desktop/app/window.py" line="359"/>
        <source>Sync: not set up</source>
        <translation>同期: 未設定</translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="232"/>
        <source>Signed in as {0}</source>
        <translation>{0} さん</translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="345"/>
        <source>Folders: starting…</source>
        <translation>フォルダー: 開始中…</translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="346"/>
        <source>Folders: watching</source>
        <translation>フォルダー: 見守り中</translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="347"/>
        <source>Folders: watcher not available</source>
        <translation>フォルダー: 見守り機能を利用できません</translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="354"/>
        <source>Sync: syncing…</source>
        <translation>同期: 同期中…</translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="355"/>
        <source>Sync: up to date</source>
        <translation>同期: 最新</translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="356"/>
        <source>Sync: offline (changes kept)</source>
        <translation>同期: オフライン（変更は保存済み）</translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="357"/>
        <source>Sync: error</source>
        <translation>同期: エラー</translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="405"/>
        <source>Imported {0} of {1} file(s): {2} new activities, {3} failed</source>
        <translation>{1}ファイル中{0}ファイルを取り込み: 新しい活動 {2}件、失敗 {3}件</translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="426"/>
        <source>Transcribing voice memo… {0}% ({1})</source>
        <translation>音声メモを文字起こし中… {0}%（{1}）</translation>
    </message>
</context>
<context>
    <name>ManualMergeDialog</name>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="38"/>
        <source>Merge by hand</source>
        <translation>手動で統合</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="44"/>
        <source>Customers</source>
        <translation>顧客</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="45"/>
        <source>Contacts</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="55"/>
        <source>The left one is kept, the right one is merged into it (its visits, contacts and notes move over). Choose each field&apos;s value. Problems → Recent merges can undo it.</source>
        <translation>左を残し、右をそこへ統合します（右の訪問・担当者・ナレッジは左へ移ります）。項目ごとに残す値を選んでください。「問題」→「最近の統合」から元に戻せます。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="74"/>
        <source>Keep the other one</source>
        <translation>もう一方を残す</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="96"/>
        <source>Merge</source>
        <translation>統合する</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="130"/>
        <source>last visit {0}</source>
        <translation>最終訪問 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="158"/>
        <source>Choose two different rows.</source>
        <translation>別々の2件を選んでください。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="190"/>
        <location filename="../../desktop/app/dialogs/merge.py" line="192"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="191"/>
        <location filename="../../desktop/app/dialogs/merge.py" line="193"/>
        <source>Reading</source>
        <translation>読み</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="194"/>
        <source>Name (romanised)</source>
        <translation>氏名（ローマ字）</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="195"/>
        <source>Title</source>
        <translation>役職</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="196"/>
        <source>Department</source>
        <translation>部署</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="197"/>
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="198"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="199"/>
        <source>Mobile</source>
        <translation>携帯</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="200"/>
        <source>Fax</source>
        <translation>FAX</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="201"/>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="202"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="203"/>
        <source>Web site</source>
        <translation>Webサイト</translation>
    </message>
</context>
<context>
    <name>Mapping</name>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="26"/>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="138"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="27"/>
        <source>Rep</source>
        <translation>担当</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="28"/>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="141"/>
        <source>Customer</source>
        <translation>顧客</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="29"/>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="142"/>
        <source>Contact person</source>
        <translation>面談者</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="30"/>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="31"/>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="145"/>
        <source>Summary</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="32"/>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="33"/>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="150"/>
        <source>Next action</source>
        <translation>次回アクション</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="34"/>
        <source>Next action due</source>
        <translation>次回期日</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="35"/>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="155"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="36"/>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="161"/>
        <source>Probability</source>
        <translation>確度</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="37"/>
        <source>Insight</source>
        <translation>所感</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="38"/>
        <source>Deal name</source>
        <translation>案件名</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="39"/>
        <source>Lead&apos;s comment</source>
        <translation>上長コメント</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping.py" line="231"/>
        <source>Choose a field for at least one column.</source>
        <translation>少なくとも1つの列に項目を選んでください。</translation>
    </message>
</context>
<context>
    <name>MappingWizard</name>
    <message>
        <location filename="../../desktop/app/dialogs/mapping.py" line="162"/>
        <source>Set up the headings — {0}</source>
        <translation>見出しの設定 — {0}</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="vanished">取り込み中…</translation>
    </message>
    <message>
        <source>Imported: {0} new, {1} updated activities.</source>
        <translation type="vanished">取り込み完了: 新規 {0}件、更新 {1}件</translation>
    </message>
</context>
<context>
    <name>MvpTab</name>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="30"/>
        <source>Month</source>
        <translation>対象月</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="39"/>
        <source>It counts how teammates used the notes (helpful marks, reuse in briefs, people and departments reached), never how many were written.</source>
        <translation>数えるのは書いた件数ではなく、仲間にどう使われたか（参考になった・ブリーフでの再利用・届いた人数と部署）です。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="51"/>
        <source>Score = helpful marks × 3 + reuse × 1 + people reached × 2 + each further department reached × 3. Reactions to your own notes do not count.</source>
        <translation>スコア ＝ 参考になった × 3 ＋ 再利用 × 1 ＋ 届いた人数 × 2 ＋ 2つ目以降の部署 × 3。自分のナレッジへの反応は数えません。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="60"/>
        <source>Rank</source>
        <translation>順位</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="61"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="62"/>
        <source>Score</source>
        <translation>スコア</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="63"/>
        <source>Helpful ×3</source>
        <translation>参考になった ×3</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="64"/>
        <source>Reuse ×1</source>
        <translation>再利用 ×1</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="65"/>
        <source>People reached ×2</source>
        <translation>届いた人数 ×2</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="66"/>
        <source>Departments</source>
        <translation>届いた部署</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="67"/>
        <source>Notes used</source>
        <translation>使われた件数</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="68"/>
        <source>Notes written (not scored)</source>
        <translation>書いた件数（得点外）</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="89"/>
        <location filename="../../desktop/app/views/knowledge.py" line="102"/>
        <source>{0}/{1}</source>
        <translation>{0}年{1}月</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="90"/>
        <source>All time</source>
        <translation>全期間</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="128"/>
        <source>No reactions this month yet. Mark the notes that helped you 「Helpful」: that is what counts here.</source>
        <translation>この月の反応はまだありません。役に立ったナレッジに「参考になった」を付けると、ここに反映されます。</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../desktop/app/dialogs/note.py" line="42"/>
        <source>Add knowledge</source>
        <translation>ナレッジを追加</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/note.py" line="42"/>
        <source>Edit knowledge</source>
        <translation>ナレッジを編集</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/note.py" line="49"/>
        <source>What should the next person visiting this customer know?</source>
        <translation>この顧客を次に訪問する人が知っておくべきことは？</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/note.py" line="67"/>
        <source>e.g. The buyer decides at the month-end meeting: send documents the week before.</source>
        <translation>例: 決裁は月末の会議。資料は前の週までに送ること。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/note.py" line="73"/>
        <source>Share with the team</source>
        <translation>チームに共有</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/note.py" line="74"/>
        <source>Only me</source>
        <translation>自分のみ</translation>
    </message>
</context>
<context>
    <name>NoteItem</name>
    <message>
        <location filename="../../desktop/app/views/notes.py" line="129"/>
        <source>only me</source>
        <translation>自分のみ</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/notes.py" line="132"/>
        <source>written %n times</source>
        <translation>
            <numerusform>同じ内容 %n件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/notes.py" line="137"/>
        <source>The same text in:</source>
        <translation>同じ内容が書かれた日報：</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/notes.py" line="152"/>
        <source>Edit</source>
        <translation>編集</translation>
    </message>
    <message>
        <source>Only the author can edit this note.</source>
        <translation type="vanished">編集できるのは書いた本人だけです。</translation>
    </message>
</context>
<context>
    <name>Notes</name>
    <message>
        <source>Buyer preference</source>
        <translation type="vanished">購買担当の好み</translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation type="vanished">商談のコツ</translation>
    </message>
    <message>
        <source>Trouble lesson</source>
        <translation type="vanished">トラブルの教訓</translation>
    </message>
    <message>
        <source>Failure story</source>
        <translation type="vanished">失敗談</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation type="vanished">競合情報</translation>
    </message>
    <message>
        <source>Tip</source>
        <translation type="vanished">ちょっとしたコツ</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/notes.py" line="51"/>
        <source>Lead&apos;s comment</source>
        <translation>上司コメント</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/notes.py" line="55"/>
        <source>Other</source>
        <translation>その他</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message numerus="yes">
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="190"/>
        <source>Preview: %n visit(s) found</source>
        <translation>
            <numerusform>プレビュー: %n件の訪問が見つかりました</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemsView</name>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="46"/>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="48"/>
        <source>What Genba could not read, cards to check, and customers that may be the same.</source>
        <translation>読み取れなかった箇所、確認が必要な名刺、同じ会社・人かもしれないデータです。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="60"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="61"/>
        <source>Sheet</source>
        <translation>シート</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="62"/>
        <source>Cell</source>
        <translation>セル</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="65"/>
        <source>Severity</source>
        <translation>重要度</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="66"/>
        <source>error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="66"/>
        <source>warning</source>
        <translation>注意</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="70"/>
        <source>What to do</source>
        <translation>内容と対処</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="76"/>
        <source>Open the workbook</source>
        <translation>ファイルを開く</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="78"/>
        <source>Set up the headings…</source>
        <translation>見出しを設定…</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="80"/>
        <source>Tell Genba which row holds the headings and what each column means</source>
        <translation>見出しの行と各列の意味を指定します</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="83"/>
        <source>Mark as dealt with</source>
        <translation>対応済みにする</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="86"/>
        <source>You fixed it in the workbook, or it does not matter: it leaves this list and Today&apos;s count (a new import of the file shows what is still wrong)</source>
        <translation>日報を直した、または問題にならない場合に。一覧と「今日」の件数から外れます（ファイルを読み込み直すと、残っている問題がまた表示されます）</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="103"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="104"/>
        <location filename="../../desktop/app/views/problems.py" line="133"/>
        <location filename="../../desktop/app/views/problems.py" line="158"/>
        <source>Customer</source>
        <translation>顧客</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="105"/>
        <source>Title</source>
        <translation>役職</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="106"/>
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="107"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="114"/>
        <source>Check and correct…</source>
        <translation>確認して修正…</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="117"/>
        <source>Compare with the card image and correct what was misread</source>
        <translation>名刺の画像と見比べて、読み間違いを修正します</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="120"/>
        <source>Mark as checked</source>
        <translation>確認済みにする</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="131"/>
        <location filename="../../desktop/app/views/problems.py" line="156"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="133"/>
        <location filename="../../desktop/app/views/problems.py" line="158"/>
        <source>Contact</source>
        <translation>面談者</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="136"/>
        <source>Keep</source>
        <translation>残す方</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="137"/>
        <source>Merge into it</source>
        <translation>統合される方</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="138"/>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="143"/>
        <source>Merge</source>
        <translation>統合する</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="145"/>
        <source>Keep apart</source>
        <translation>別々のままにする</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="147"/>
        <source>Merge by hand…</source>
        <translation>手動で統合…</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="149"/>
        <source>Pick two customers or contacts Genba did not suggest, and merge them</source>
        <translation>候補に出ていない2件の顧客または担当者を選んで統合します</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="161"/>
        <source>Merged</source>
        <translation>統合した組</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="162"/>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="168"/>
        <source>Undo merge</source>
        <translation>統合を元に戻す</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="174"/>
        <source>Recent merges</source>
        <translation>最近の統合</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="198"/>
        <source>Import problems ({0})</source>
        <translation>取り込みの問題（{0}）</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="199"/>
        <source>Cards to check ({0})</source>
        <translation>確認が必要な名刺（{0}）</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="200"/>
        <source>Possible duplicates ({0})</source>
        <translation>重複の可能性（{0}）</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="204"/>
        <source>same e-mail</source>
        <translation>同じメールアドレス</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="205"/>
        <source>same name at the same company</source>
        <translation>同じ会社に同じ名前</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="206"/>
        <source>same name (株式会社, width, spaces aside)</source>
        <translation>同じ社名（株式会社・全角半角・空白の違いのみ）</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="208"/>
        <source>similar name and the same phone number prefix</source>
        <translation>似た社名で電話番号の局番が同じ</translation>
    </message>
</context>
<context>
    <name>RowDrop</name>
    <message>
        <location filename="../../desktop/app/row_drop.py" line="167"/>
        <source>The clipboard holds no picture. Copy a photo or a screenshot first, then press Ctrl+V.</source>
        <translation>クリップボードに画像がありません。写真やスクリーンショットをコピーしてから、Ctrl+V を押してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/row_drop.py" line="180"/>
        <source>The picture could not be read. Save it as a JPEG or PNG file and drop that file instead.</source>
        <translation>画像を読み込めませんでした。JPEG または PNG のファイルとして保存し、そのファイルをドロップしてください。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/row_drop.py" line="202"/>
        <source>Nothing was attached: this activity or customer no longer exists.</source>
        <translation>この活動または顧客はすでに削除されているため、添付しませんでした。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/row_drop.py" line="209"/>
        <source>Attached %n photo(s) to “{0}”.</source>
        <translation>
            <numerusform>写真 %n 枚を「{0}」に添付しました</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/row_drop.py" line="211"/>
        <source>Attached %n photo(s) to the visit to “{0}” on {1}.</source>
        <translation>
            <numerusform>写真 %n 枚を「{0}」の {1} の訪問に添付しました</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/row_drop.py" line="214"/>
        <source>Attached %n photo(s) to the visit on {0}.</source>
        <translation>
            <numerusform>写真 %n 枚を {0} の訪問に添付しました</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/app/pictures.py" line="154"/>
        <source>“{0}” was not attached: it is {1} MB, and a photo can be at most {2} MB. Save a smaller copy (for example at a lower resolution) and drop it again.</source>
        <translation>「{0}」は添付しませんでした。ファイルが {1} MB あり、添付できる写真は {2} MB までです。解像度を下げるなどして小さくしたものを、もう一度ドロップしてください。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/pictures.py" line="160"/>
        <source>“{0}” was not attached: HEIC photos are not supported. Set the camera to JPEG (Most Compatible) or export the photo as JPEG, then drop it again.</source>
        <translation>「{0}」は添付しませんでした。HEIC 形式の写真には対応していません。カメラの設定を「互換性優先」（JPEG）にするか、写真を JPEG で書き出してから、もう一度ドロップしてください。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/pictures.py" line="166"/>
        <source>“{0}” was not attached: the file could not be read ({1}). Check that it is still there and not open in another program, then drop it again.</source>
        <translation>「{0}」は添付しませんでした。ファイルを読み込めません（{1}）。ファイルが元の場所にあり、ほかのプログラムで開かれていないことを確認してから、もう一度ドロップしてください。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/pictures.py" line="171"/>
        <source>“{0}” was not attached: it is damaged, or not a picture Genba can read (JPEG, PNG, GIF, BMP or WebP). Check that it opens in a photo viewer, or take the photo again.</source>
        <translation>「{0}」は添付しませんでした。ファイルが壊れているか、Genba で読める画像（JPEG・PNG・GIF・BMP・WebP）ではありません。写真ビューアーで開けるか確認するか、撮り直してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/row_drop.py" line="231"/>
        <source>Photo not attached</source>
        <translation>写真を添付できませんでした</translation>
    </message>
</context>
<context>
    <name>SavePage</name>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="26"/>
        <source>Save and import</source>
        <translation>保存して取り込む</translation>
    </message>
    <message>
        <source>Genba remembers this layout for workbooks with this name and imports the workbook again.</source>
        <translation type="vanished">この名前のファイルにはこの設定を使います。保存後、ファイルを取り込み直します。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="34"/>
        <source>Name of this layout</source>
        <translation>設定の名前</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="36"/>
        <source>Use it for files named</source>
        <translation>対象のファイル名</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="39"/>
        <source>* stands for any text, e.g. 営業日報_*.xlsx</source>
        <translation>* は任意の文字列です（例: 営業日報_*.xlsx）</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="70"/>
        <source>Genba will use this layout for every workbook whose first sheet has the same heading row ({0}), whatever the file is called — next month&apos;s or next year&apos;s file of the same template — and for files whose name matches the pattern below. It then imports this workbook again.</source>
        <translation>最初のシートに同じ見出し行（{0}）があるブックには、ファイル名に関係なくこの設定を使います（同じひな形の来月・来年のファイルも）。下のパターンに名前が合うファイルにも使います。保存すると、このブックをもう一度取り込みます。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="76"/>
        <source>Genba will use this layout for files whose name matches the pattern below, and then imports this workbook again.</source>
        <translation>下のパターンに名前が合うファイルにこの設定を使います。保存すると、このブックをもう一度取り込みます。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="94"/>
        <source>Enter a file-name pattern: this layout is found by the file&apos;s name.</source>
        <translation>ファイル名のパターンを入力してください。この設定はファイル名で選ばれます。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="96"/>
        <source>No file-name pattern: only the heading row is matched.</source>
        <translation>ファイル名のパターンがありません。見出し行が同じブックにだけ使います。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="98"/>
        <source>No file in this folder matches the pattern yet.</source>
        <translation>このフォルダには、まだパターンに合うファイルがありません。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="102"/>
        <source>{0} and {1} more</source>
        <translation>{0} ほか{1}件</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="103"/>
        <source>Files in this folder that match: {0}</source>
        <translation>このフォルダで合うファイル: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="119"/>
        <source>Saved the layout 「{0}」 ({1}).</source>
        <translation>設定「{0}」を保存しました（{1}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="123"/>
        <source>From now on Genba reads files named {0}, and workbooks with the heading row {1} whatever their name, with this layout.</source>
        <translation>これからは、名前が {0} に合うファイルと、見出し行が「{1}」のブック（ファイル名は問いません）をこの設定で読み込みます。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="127"/>
        <source>From now on Genba reads files named {0} with this layout.</source>
        <translation>これからは、名前が {0} に合うファイルをこの設定で読み込みます。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="130"/>
        <source>From now on Genba reads workbooks with the heading row {0} with this layout.</source>
        <translation>これからは、見出し行が「{0}」のブックをこの設定で読み込みます。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="135"/>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="193"/>
        <source>This workbook could not be imported yet: {0}</source>
        <translation>設定は保存しましたが、このブックはまだ取り込めていません: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="141"/>
        <source>Imported: {0} new, {1} updated activities.</source>
        <translation>取り込み完了: 新規 {0}件、更新 {1}件</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="159"/>
        <source>Saving and importing…</source>
        <translation>保存して取り込んでいます…</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="185"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="197"/>
        <source>The layout could not be saved: {0}</source>
        <translation>設定を保存できませんでした: {0}</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <location filename="../../desktop/app/models/search.py" line="36"/>
        <source>Activity</source>
        <translation>活動</translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/search.py" line="42"/>
        <source>Knowledge</source>
        <translation>ナレッジ</translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/search.py" line="77"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/search.py" line="40"/>
        <location filename="../../desktop/app/models/search.py" line="80"/>
        <source>Customer</source>
        <translation>顧客</translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/search.py" line="38"/>
        <source>Contact</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/search.py" line="53"/>
        <source>and %n more</source>
        <translation>ほか%n社</translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/search.py" line="64"/>
        <source>+%n same</source>
        <translation>同文 他%n件</translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/search.py" line="84"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/search.py" line="85"/>
        <source>Written by</source>
        <translation>書いた人</translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/search.py" line="86"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message>
        <location filename="../../desktop/app/views/search.py" line="74"/>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/search.py" line="75"/>
        <location filename="../../desktop/app/views/search.py" line="185"/>
        <source>Type a word in the search box above: notes and activities, best match first.</source>
        <translation>上の検索欄に言葉を入力してください。ナレッジと活動を、よく合うものから表示します。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/search.py" line="81"/>
        <source>Open customer</source>
        <translation>顧客ページを開く</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/search.py" line="83"/>
        <source>Pre-visit brief</source>
        <translation>訪問前ブリーフ</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/search.py" line="85"/>
        <source>Show in Activities</source>
        <translation>活動一覧で絞り込む</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/search.py" line="88"/>
        <source>Best match first</source>
        <translation>関連度順</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/search.py" line="89"/>
        <source>Newest first</source>
        <translation>新しい順</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/search.py" line="111"/>
        <source>Show more results</source>
        <translation>さらに表示</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/search.py" line="173"/>
        <source>「{0}」: %n result(s)</source>
        <translation>
            <numerusform>「{0}」の検索結果 %n件（Enterで一覧へ、もう一度Enterで顧客ページを開きます）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/search.py" line="175"/>
        <source> — more below: 「Show more results」</source>
        <translation> ― ほかにもあります（「さらに表示」）</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/search.py" line="180"/>
        <source>Nothing found. Try a shorter word, or another way of writing it.</source>
        <translation>見つかりませんでした。短い言葉や別の書き方で試してください。</translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="126"/>
        <source>Team server (optional)</source>
        <translation>チームのサーバー（任意）</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="129"/>
        <source>If your team shares customers, enter the server address and your token. You can also do this later under Sync.</source>
        <translation>チームで顧客情報を共有する場合は、サーバーのアドレスとトークンを入力してください。あとから「同期」でも設定できます。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="137"/>
        <source>Server address</source>
        <translation>サーバーのアドレス</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="138"/>
        <source>Token</source>
        <translation>トークン</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="47"/>
        <source>Sync</source>
        <translation>同期</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="49"/>
        <source>Your changes go to the team server when you are online; the team&apos;s come back. Private notes never leave this computer.</source>
        <translation>オンラインのときに自分の変更をチームのサーバーへ送り、チームの変更を受け取ります。「自分のみ」のメモはこのパソコンから出ません。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="58"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="67"/>
        <source>Connection</source>
        <translation>接続</translation>
    </message>
    <message>
        <source>Changes waiting to be sent</source>
        <translation type="vanished">送信待ちの変更</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="68"/>
        <source>Waiting to be sent</source>
        <translation>送信待ち</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="69"/>
        <source>Last sync</source>
        <translation>最終同期</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="70"/>
        <source>Team server</source>
        <translation>チームのサーバー</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="74"/>
        <source>Sync now</source>
        <translation>今すぐ同期</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="85"/>
        <source>Sign in to your team&apos;s server</source>
        <translation>チームのサーバーにサインイン</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="88"/>
        <source>Ask your team lead or IT for the server address and your token.</source>
        <translation>サーバーのアドレスとトークンは、上長またはIT担当者にお問い合わせください。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="99"/>
        <source>token</source>
        <translation>トークン</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="100"/>
        <source>Server address</source>
        <translation>サーバーのアドレス</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="101"/>
        <source>Token</source>
        <translation>トークン</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="104"/>
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="142"/>
        <source>Sync is not available in this installation.</source>
        <translation>この環境では同期を利用できません。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="147"/>
        <source>Not set up — Genba works fully offline.</source>
        <translation>未設定 — オフラインでもすべての機能が使えます</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="149"/>
        <source>Offline — changes are kept and sent later</source>
        <translation>オフライン — 変更は保存され、あとで送信されます</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="151"/>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="153"/>
        <source>Syncing…</source>
        <translation>同期中…</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="155"/>
        <source>Online</source>
        <translation>オンライン</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="158"/>
        <source>Signed in, not synced yet</source>
        <translation>サインイン済み・未同期</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="160"/>
        <source>Sign-in needed</source>
        <translation>サインインが必要です</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation type="vanished">
            <numerusform>%n件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="167"/>
        <source>never</source>
        <translation>未実施</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="183"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="183"/>
        <source>nothing</source>
        <translation>なし</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/sync.py" line="187"/>
        <source>%n visit(s)</source>
        <translation>
            <numerusform>訪問 %n件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/sync.py" line="189"/>
        <source>%n contact(s)</source>
        <translation>
            <numerusform>担当者 %n人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/sync.py" line="191"/>
        <source>%n customer(s)</source>
        <translation>
            <numerusform>顧客 %n社</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/sync.py" line="193"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>ナレッジ %n件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/sync.py" line="195"/>
        <source>%n 「helpful」 mark(s)</source>
        <translation>
            <numerusform>「参考になった」 %n件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/sync.py" line="197"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>写真 %n枚</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/sync.py" line="199"/>
        <source>%n deal(s)</source>
        <translation>
            <numerusform>案件 %n件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/sync.py" line="200"/>
        <source>%n other record(s)</source>
        <translation>
            <numerusform>その他 %n件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="205"/>
        <source>Enter the server address and the token.</source>
        <translation>サーバーのアドレスとトークンを入力してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="216"/>
        <source>Saved. Syncing…</source>
        <translation>保存しました。同期しています…</translation>
    </message>
</context>
<context>
    <name>TeamNotesTab</name>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="147"/>
        <location filename="../../desktop/app/views/knowledge.py" line="167"/>
        <source>Category</source>
        <translation>分類</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="150"/>
        <source>All categories</source>
        <translation>すべての分類</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="162"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="164"/>
        <source>Customer</source>
        <translation>顧客</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="170"/>
        <source>Written by</source>
        <translation>書いた人</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="172"/>
        <source>Note</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="176"/>
        <source>Helpful</source>
        <translation>参考になった</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/knowledge.py" line="196"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <location filename="../../desktop/app/views/today.py" line="32"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="40"/>
        <source>activities imported since yesterday</source>
        <translation>昨日から取り込んだ活動</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="41"/>
        <source>follow-ups due today or overdue</source>
        <translation>今日まで・期限切れのフォロー</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="42"/>
        <source>problems to fix</source>
        <translation>対応が必要な問題</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="55"/>
        <source>Follow-ups due</source>
        <translation>フォローが必要な顧客</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="59"/>
        <source>Next actions from each customer&apos;s latest visit. Double-click to open the customer.</source>
        <translation>各顧客の最新の訪問で決めた次回アクションです。ダブルクリックで顧客を開きます。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="69"/>
        <source>Due</source>
        <translation>期日</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="74"/>
        <source>Overdue</source>
        <translation>超過</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="78"/>
        <source>Customer</source>
        <translation>顧客</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="81"/>
        <source>Next action</source>
        <translation>次回アクション</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="93"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="94"/>
        <source>You did it: it leaves Today (for the whole team)</source>
        <translation>対応済み：「今日」から外れます（チーム全員に反映されます）</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="96"/>
        <source>Snooze…</source>
        <translation>延期…</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="97"/>
        <source>Not yet: show it again on a later day</source>
        <translation>まだ：後日もう一度表示します</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="100"/>
        <source>Tomorrow</source>
        <translation>明日</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="101"/>
        <source>In a week</source>
        <translation>1週間後</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="102"/>
        <source>In a month</source>
        <translation>1か月後</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="105"/>
        <source>On a date…</source>
        <translation>日付を指定…</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="107"/>
        <source>Dismiss</source>
        <translation>表示しない</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="109"/>
        <source>Nothing to do after all: it leaves Today without counting as done</source>
        <translation>対応不要：完了にはせず「今日」から外します</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="125"/>
        <source>Imported since yesterday</source>
        <translation>昨日からの取り込み</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="128"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="129"/>
        <source>Rows</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="130"/>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="150"/>
        <source>Problems to fix</source>
        <translation>対応が必要な問題</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="153"/>
        <source>Open Problems →</source>
        <translation>「問題」を開く →</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="162"/>
        <source>could not be read</source>
        <translation>読み込めません</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="167"/>
        <source>no visits — see Problems</source>
        <translation>訪問なし・「問題」を確認</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="168"/>
        <source>no visits</source>
        <translation>訪問なし</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/today.py" line="170"/>
        <source>%n visit(s)</source>
        <translation>
            <numerusform>訪問 %n回</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/today.py" line="172"/>
        <source>%n card(s)</source>
        <translation>
            <numerusform>名刺 %n枚</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="180"/>
        <source>today</source>
        <translation>今日</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/today.py" line="181"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n日</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/today.py" line="206"/>
        <source>%n voice memo draft(s) to confirm</source>
        <translation>
            <numerusform>音声メモの下書き %n件を確認</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="220"/>
        <source>{0:%Y}/{0:%m}/{0:%d} — good work today.</source>
        <translation>{0:%Y}年{0:%m}月{0:%d}日 — 今日もおつかれさまです。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="231"/>
        <source>Follow-ups more than {0} days past their due date are not shown here.</source>
        <translation>期限を{0}日以上過ぎたフォローはここに表示しません。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/today.py" line="235"/>
        <source>%n older follow-up(s) hidden; their visits stay in Activities.</source>
        <translation>
            <numerusform>古いフォロー %n件を非表示（訪問は「活動」に残っています）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/today.py" line="241"/>
        <source>%n import problem(s) in files</source>
        <translation>
            <numerusform>取り込みの問題 %n件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/today.py" line="242"/>
        <source>%n business card(s) to check</source>
        <translation>
            <numerusform>確認が必要な名刺 %n枚</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/today.py" line="245"/>
        <source>%n file(s) could not be read</source>
        <translation>
            <numerusform>読み込めなかったファイル %n件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="246"/>
        <source>Nothing to fix.</source>
        <translation>対応が必要な問題はありません。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="280"/>
        <source>Snooze</source>
        <translation>延期</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="281"/>
        <source>Show it again on (e.g. 2025/06/01, 6/1, R7.6.1):</source>
        <translation>再表示する日（例：2025/06/01、6/1、R7.6.1）：</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="288"/>
        <source>Not a date Genba can read: write it like 2025/06/01.</source>
        <translation>日付として読めません。2025/06/01 のように入力してください。</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../desktop/app/tray.py" line="37"/>
        <source>Open Genba</source>
        <translation>現場を開く</translation>
    </message>
    <message>
        <location filename="../../desktop/app/tray.py" line="40"/>
        <source>Show notifications</source>
        <translation>通知を表示する</translation>
    </message>
    <message>
        <location filename="../../desktop/app/tray.py" line="46"/>
        <source>Start at login</source>
        <translation>ログイン時に起動</translation>
    </message>
    <message>
        <location filename="../../desktop/app/tray.py" line="51"/>
        <source>Quit Genba</source>
        <translation>現場を終了</translation>
    </message>
</context>
<context>
    <name>TroublesCard</name>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="29"/>
        <source>Not sent, or not received</source>
        <translation>送信できなかった変更・保存できなかった受信値</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="41"/>
        <source>Refused changes stay on this PC and are not sent again as they are. Correct the value (in Genba, or in your Excel report, then save it) and the corrected value is sent at the next sync.</source>
        <translation>受け付けられなかった変更はこの PC に残っていて、そのままでは再送されません。Genba で（または Excel の日報で）値を直して保存すると、次の同期で直した値が送信されます。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="50"/>
        <source>Held values changed nothing on this PC. A teammate&apos;s value could not be stored (or it is damaged on the server): tell your team lead or the server&apos;s administrator. `genba problems` lists the details.</source>
        <translation>保留中の値でこの PC のデータは何も変わっていません。チームの誰かが入力した値を保存できなかったか、サーバー上で値が壊れています。チームリーダーかサーバーの管理者に連絡してください。詳細は `genba problems` で確認できます。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/sync_troubles.py" line="66"/>
        <source>%n change(s) refused by the server</source>
        <translation>
            <numerusform>サーバーが受け付けなかった変更 %n件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/sync_troubles.py" line="68"/>
        <source>%n received value(s) held aside</source>
        <translation>
            <numerusform>保留中の受信値 %n件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="69"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/sync_troubles.py" line="74"/>
        <source>… and %n more (see `genba problems`)</source>
        <translation>
            <numerusform>…ほか %n件（`genba problems` で確認できます）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="83"/>
        <source>%1&apos;s %2</source>
        <translation>%1の%2</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="85"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="88"/>
        <source>%1, %2</source>
        <translation>%1の%2</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="91"/>
        <source>%1: the server did not accept it — %2</source>
        <translation>%1：サーバーが受け付けませんでした — %2</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="92"/>
        <source>%1: a value from the team was not stored — %2</source>
        <translation>%1：チームから届いた値を保存できませんでした — %2</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="96"/>
        <source>visit record</source>
        <translation>訪問記録</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="97"/>
        <source>contact</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="98"/>
        <source>customer record</source>
        <translation>顧客情報</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="99"/>
        <source>note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="100"/>
        <source>deal</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="101"/>
        <source>photo</source>
        <translation>写真</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="102"/>
        <source>「helpful」 mark</source>
        <translation>「参考になった」</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="103"/>
        <source>record</source>
        <translation>記録</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="108"/>
        <source>summary</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="109"/>
        <source>purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="110"/>
        <source>result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="111"/>
        <source>next action</source>
        <translation>次回アクション</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="112"/>
        <source>amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="113"/>
        <source>probability</source>
        <translation>確度</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="114"/>
        <source>insight</source>
        <translation>気づき</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="115"/>
        <source>text</source>
        <translation>本文</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="116"/>
        <location filename="../../desktop/app/views/sync_troubles.py" line="117"/>
        <source>name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="118"/>
        <source>e-mail</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="119"/>
        <source>phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="120"/>
        <source>title</source>
        <translation>役職</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="121"/>
        <source>date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="122"/>
        <source>attached file</source>
        <translation>添付ファイル</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="127"/>
        <source>the text is longer than the server accepts: shorten it</source>
        <translation>文章がサーバーの上限より長いため、短くしてください</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="128"/>
        <source>the text contains a broken control character (NUL)</source>
        <translation>文章に壊れた制御文字（NUL）が含まれています</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="129"/>
        <source>the number is outside what the field can hold</source>
        <translation>数値がこの項目に入る範囲を超えています</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="130"/>
        <source>the value has the wrong kind for the field</source>
        <translation>この項目には入らない種類の値です</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="131"/>
        <source>a field that may not be empty is empty</source>
        <translation>空にできない項目が空になっています</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="132"/>
        <source>the attached file&apos;s identifier is damaged</source>
        <translation>添付ファイルの識別子が壊れています</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="133"/>
        <source>the record&apos;s id is damaged</source>
        <translation>記録の ID が壊れています</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="134"/>
        <source>the server does not know this field (update Genba)</source>
        <translation>サーバーが知らない項目です（Genba を更新してください）</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="135"/>
        <source>the note is private now: it stays on this PC</source>
        <translation>非公開のメモなので、この PC にだけ残ります</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="136"/>
        <source>the photo belongs to a private note</source>
        <translation>非公開のメモの写真です</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="138"/>
        <source>this PC&apos;s sync id belongs to another user: tell your admin</source>
        <translation>この PC の同期 ID が別のユーザーのものです。管理者に連絡してください</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="140"/>
        <source>the value is damaged on the server</source>
        <translation>サーバー上で値が壊れています</translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="142"/>
        <source>no reason given</source>
        <translation>理由は示されていません</translation>
    </message>
</context>
<context>
    <name>VoiceDraftDialog</name>
    <message>
        <location filename="../../desktop/app/dialogs/voice_draft.py" line="39"/>
        <source>Voice memo draft</source>
        <translation>音声メモの下書き</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/voice_draft.py" line="48"/>
        <source>Check what the recognition wrote against what was said, correct it, then confirm.</source>
        <translation>左の文字起こしと見比べて、音声認識の誤りを直してから「確定」を押してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/voice_draft.py" line="56"/>
        <source>What was said (transcript)</source>
        <translation>話した内容（文字起こし）</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/voice_draft.py" line="66"/>
        <source>(no customer)</source>
        <translation>（顧客なし）</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/voice_draft.py" line="80"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/voice_draft.py" line="81"/>
        <source>Customer</source>
        <translation>顧客</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/voice_draft.py" line="82"/>
        <source>Contact</source>
        <translation>面談者</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/voice_draft.py" line="83"/>
        <source>Summary</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/voice_draft.py" line="84"/>
        <source>Next action</source>
        <translation>次回アクション</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/voice_draft.py" line="85"/>
        <source>Due</source>
        <translation>期日</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/voice_draft.py" line="86"/>
        <source>Amount (yen)</source>
        <translation>金額（円）</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/voice_draft.py" line="87"/>
        <source>Probability</source>
        <translation>確度</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/voice_draft.py" line="96"/>
        <source>Confirm</source>
        <translation>確定</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/voice_draft.py" line="99"/>
        <source>Discard</source>
        <translation>破棄</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/voice_draft.py" line="114"/>
        <source>This voice memo no longer exists.</source>
        <translation>この音声メモはすでにありません。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/voice_draft.py" line="171"/>
        <source>Could not save the voice memo ({0}). Close this window and try again.</source>
        <translation>音声メモを保存できませんでした（{0}）。この画面を閉じて、もう一度お試しください。</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="50"/>
        <source>Welcome to Genba</source>
        <translation>現場へようこそ</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="53"/>
        <source>Keep writing your daily reports in Excel. Genba reads them and turns them into your customer list, follow-ups and knowledge.</source>
        <translation>日報はこれまでどおりExcelで。現場が読み取って、顧客一覧・フォロー・ナレッジに変えます。</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="59"/>
        <source>e.g. 山本 太郎</source>
        <translation>例: 山本 太郎</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="60"/>
        <source>Your name</source>
        <translation>お名前</translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="64"/>
        <source>Used as the rep when a report has no name column or 氏名 block.</source>
        <translation>日報に氏名の欄がないときに、担当者名として使います。</translation>
    </message>
</context>
</TS>
