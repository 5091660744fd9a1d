<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Activities</name>
    <message>
        <location filename="../../desktop/app/models/activities.py" line="24"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/activities.py" line="27"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/activities.py" line="30"/>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/activities.py" line="33"/>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/activities.py" line="36"/>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/activities.py" line="42"/>
        <source>Next action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/activities.py" line="47"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/activities.py" line="51"/>
        <source>Rep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/fmt.py" line="73"/>
        <source>Voice memo (draft: to confirm)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActivitiesView</name>
    <message>
        <location filename="../../desktop/app/views/activities.py" line="33"/>
        <source>Activities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/activities.py" line="34"/>
        <source>Every visit from your daily reports. Double-click a row to edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/activities.py" line="47"/>
        <source>Search summary, next action, insight…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/activities.py" line="70"/>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/activities.py" line="73"/>
        <source>All dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/activities.py" line="74"/>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/activities.py" line="75"/>
        <source>Last month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/activities.py" line="76"/>
        <source>This fiscal year (from April)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/activities.py" line="77"/>
        <source>Last fiscal year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/activities.py" line="78"/>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/activities.py" line="79"/>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/activities.py" line="80"/>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/activities.py" line="53"/>
        <source>All reps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/activities.py" line="58"/>
        <source>All customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/activities.py" line="85"/>
        <source>from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/activities.py" line="86"/>
        <source>until</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/activities.py" line="188"/>
        <source>%n activity(ies)</source>
        <translation>
            <numerusform>%n activityy</numerusform>
            <numerusform>%n activityies</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="96"/>
        <source>Edit activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="119"/>
        <source>yen, e.g. 1200000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="126"/>
        <source>Type 0–100, or change it with the ↑ and ↓ keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="130"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="131"/>
        <source>Rep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="132"/>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="133"/>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="134"/>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="135"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="136"/>
        <source>Next action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="137"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="138"/>
        <source>Amount (yen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="139"/>
        <source>Probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="140"/>
        <source>Insight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="155"/>
        <source>What was said (transcript)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="164"/>
        <source>Your edits are kept when the workbook is imported again; a later change of the same cell in Excel wins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="185"/>
        <source>This activity no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="191"/>
        <source>From the voice memo {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="196"/>
        <source>Your edits are kept when the recording is imported again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="201"/>
        <source>From the daily report, cell {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/activity.py" line="280"/>
        <source>Picture attached to this activity.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BriefView</name>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="37"/>
        <source>Pre-visit brief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="43"/>
        <source>← Customer page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="46"/>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="49"/>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="106"/>
        <source>{0} — pre-visit brief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="107"/>
        <source>as of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/brief.py" line="108"/>
        <source>%n note(s) from the team</source>
        <translation>
            <numerusform>%n note from the team</numerusform>
            <numerusform>%n notes from the team</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="110"/>
        <source>your reading counts as reuse for their authors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="123"/>
        <source>The team&apos;s knowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="126"/>
        <source>Buyer preferences and trouble lessons first. Did one help? Say so.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="139"/>
        <source>No notes about this customer yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="146"/>
        <source>Open next actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="152"/>
        <source>no due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="159"/>
        <source>Nothing open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="164"/>
        <source>Recent activities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="167"/>
        <source>no date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="176"/>
        <source>No visits yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="181"/>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="192"/>
        <source>mobile {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="195"/>
        <source>last met {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="208"/>
        <source>No contacts yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="213"/>
        <source>Open deals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="231"/>
        <source>No open deals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="242"/>
        <source>Voice memo transcript: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="256"/>
        <source>{0} (overdue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="282"/>
        <source>Print the brief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="289"/>
        <source>pre-visit brief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="296"/>
        <source>Save the brief as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="298"/>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/brief.py" line="314"/>
        <source>Saved {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardReviewDialog</name>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="82"/>
        <source>Check the business card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="86"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="100"/>
        <source>This does not look like an e-mail address. You can still save it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="110"/>
        <source>e.g. あおき いちろう</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="111"/>
        <source>e.g. 460-0001</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="116"/>
        <source>Your corrections are kept when the card is imported again. Saving marks the card as checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="130"/>
        <source>Save as checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="173"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="174"/>
        <source>Reading (furigana)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="175"/>
        <source>Name (romanised)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="176"/>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="177"/>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="178"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="179"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="180"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="181"/>
        <source>Mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="182"/>
        <source>Fax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="183"/>
        <source>Postal code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="184"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="185"/>
        <source>Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="191"/>
        <location filename="../../desktop/app/dialogs/card_review.py" line="277"/>
        <source>This card no longer exists: it was deleted or merged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="198"/>
        <source>Read from {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="236"/>
        <source>Will be saved without a company.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="240"/>
        <source>Will be linked to the existing customer “{0}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="242"/>
        <source>A new customer “{0}” will be added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/card_review.py" line="261"/>
        <source>Enter the person&apos;s name: a card cannot be saved without a name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColumnsPage</name>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_columns.py" line="37"/>
        <source>What does each column hold?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_columns.py" line="40"/>
        <source>Choose a field for each column; the preview below shows how Genba reads the rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_columns.py" line="88"/>
        <source>(not imported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_columns.py" line="103"/>
        <source>e.g. {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompanyDialog</name>
    <message>
        <location filename="../../desktop/app/dialogs/company.py" line="18"/>
        <source>Edit customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/company.py" line="25"/>
        <source>e.g. さんぷるせいこう</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/company.py" line="26"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/company.py" line="27"/>
        <source>Reading (kana)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/company.py" line="32"/>
        <source>The customer is still recognised in your workbooks by the name written there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerList</name>
    <message>
        <location filename="../../desktop/app/views/customers.py" line="30"/>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customers.py" line="31"/>
        <source>In 50-sound order by reading. Double-click a customer to open their page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customers.py" line="37"/>
        <source>Filter by name or reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/customers.py" line="57"/>
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n customer</numerusform>
            <numerusform>%n customers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerPage</name>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="85"/>
        <source>← All customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="88"/>
        <source>Edit name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="90"/>
        <source>Attach photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="93"/>
        <source>Add knowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="96"/>
        <source>Pre-visit brief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="98"/>
        <source>What the team knows about this customer, to print or read on the train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="109"/>
        <source>Activity timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="114"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="120"/>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="123"/>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="128"/>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="141"/>
        <source>Next action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="229"/>
        <source>last visit {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/customer_page.py" line="233"/>
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n visit</numerusform>
            <numerusform>%n visits</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="236"/>
        <source>open deals {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="271"/>
        <source>Open deals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="273"/>
        <source>No open deals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="285"/>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="289"/>
        <source>No business cards yet. Drop card files into your card folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="316"/>
        <source>read from a card image: please check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="323"/>
        <source>Knowledge about this customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="336"/>
        <source>from the daily report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="344"/>
        <source>Nothing yet. What should the next person visiting know?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="353"/>
        <source>Photos and memos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="366"/>
        <source>Correct the text on this photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="391"/>
        <source>Text on the photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="393"/>
        <source>What the photo says (read by OCR: check it; handwriting is not read)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="464"/>
        <source>Attach a photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/customer_page.py" line="466"/>
        <source>Pictures (*.png *.jpg *.jpeg *.gif *.bmp *.webp)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Customers</name>
    <message>
        <location filename="../../desktop/app/models/customers.py" line="20"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/customers.py" line="21"/>
        <source>Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/customers.py" line="24"/>
        <source>Last visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/customers.py" line="27"/>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/customers.py" line="28"/>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/customers.py" line="31"/>
        <source>Open deals</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../desktop/app/views/date_field.py" line="44"/>
        <source>yyyy/mm/dd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/date_field.py" line="46"/>
        <location filename="../../desktop/app/views/date_field.py" line="98"/>
        <source>e.g. 2025/06/01, 2025-06-01, 2025年6月1日, R7.6.1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/date_field.py" line="54"/>
        <source>Pick from a calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/date_field.py" line="85"/>
        <source>Not a date Genba can read: write it like 2025/06/01.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../desktop/app/errors.py" line="38"/>
        <source>Genba could not finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/errors.py" line="42"/>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/errors.py" line="43"/>
        <source>Genba hit an unexpected error and kept running. Your data is safe.

If it happens again, send the details below to your IT contact.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="33"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="41"/>
        <source>Choose a folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="255"/>
        <source>Set up Genba</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="266"/>
        <source>Start using Genba</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FoldersPage</name>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="75"/>
        <source>Where do you keep your files?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="78"/>
        <source>Genba watches these folders and imports what you save into them. It never changes your files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="83"/>
        <source>Daily reports (Excel workbooks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="84"/>
        <source>e.g. Documents\営業日報</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="88"/>
        <source>Business cards (Eight / Sansan CSV, vCard, card scans) — optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="92"/>
        <source>e.g. Documents\名刺</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="114"/>
        <source>This folder was not found: {0} — pick it with 「Choose…」.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FoldersView</name>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="26"/>
        <source>Folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="28"/>
        <source>Genba watches these folders and imports what you save into them, even when the window is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="35"/>
        <source>Daily reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="36"/>
        <source>Business cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="37"/>
        <source>Memo photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="38"/>
        <source>Mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="39"/>
        <source>Voice memos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="43"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="44"/>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="45"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="46"/>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="47"/>
        <source>Last import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="54"/>
        <source>Add a report folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="55"/>
        <source>Add a card folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="56"/>
        <source>Add a photo folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="57"/>
        <source>Add a mail folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="58"/>
        <source>Add a voice memo folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="64"/>
        <source>Stop watching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="66"/>
        <source>Check folders now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="69"/>
        <source>Files already imported stay in Genba when a folder is removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/folders.py" line="89"/>
        <source>(+%n copy of a known workbook)</source>
        <translation>
            <numerusform>(+%n copy of a known workbook)</numerusform>
            <numerusform>(+%n copy of a known workbook)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="94"/>
        <source>not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="96"/>
        <source>watching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="96"/>
        <source>watching (polling)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="98"/>
        <source>starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="100"/>
        <source>not watched</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/folders.py" line="102"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="104"/>
        <source>set by your administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="133"/>
        <source>Choose a folder to watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/folders.py" line="168"/>
        <source>These folders are set by your administrator and cannot be changed here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GenbaApp</name>
    <message numerus="yes">
        <location filename="../../desktop/app/application.py" line="202"/>
        <source>{0}: %n new visit(s)</source>
        <translation>
            <numerusform>{0}: %n new visit</numerusform>
            <numerusform>{0}: %n new visits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/application.py" line="205"/>
        <source>%n workbook(s)</source>
        <translation>
            <numerusform>%n workbook</numerusform>
            <numerusform>%n workbooks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/application.py" line="205"/>
        <source>: %n new visit(s)</source>
        <translation>
            <numerusform>: %n new visit</numerusform>
            <numerusform>: %n new visits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/application.py" line="208"/>
        <source>%n visit(s) updated</source>
        <translation>
            <numerusform>%n visit updated</numerusform>
            <numerusform>%n visits updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/application.py" line="211"/>
        <source>%n business card file(s)</source>
        <translation>
            <numerusform>%n business card file</numerusform>
            <numerusform>%n business card files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/application.py" line="212"/>
        <source>: %n new contact(s)</source>
        <translation>
            <numerusform>: %n new contact</numerusform>
            <numerusform>: %n new contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/application.py" line="215"/>
        <source>%n memo photo(s) attached</source>
        <translation>
            <numerusform>%n memo photo attached</numerusform>
            <numerusform>%n memo photos attached</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/app/application.py" line="218"/>
        <source>{0} could not be read: see Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/application.py" line="220"/>
        <source>%n files could not be read: see Problems</source>
        <translation>
            <numerusform>%n files could not be read: see Problems</numerusform>
            <numerusform>%n files could not be read: see Problems</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/app/application.py" line="222"/>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/application.py" line="230"/>
        <source>Genba is still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/application.py" line="232"/>
        <source>It keeps watching your folders and syncing. Open it again from this icon; 「Quit Genba」 in its menu ends it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/application.py" line="280"/>
        <source>Cannot sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/application.py" line="221"/>
        <source>Could not import</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeaderPage</name>
    <message>
        <location filename="../../desktop/app/dialogs/mapping.py" line="80"/>
        <source>Which row holds the headings?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping.py" line="83"/>
        <source>Click the row with the column headings (日付, 訪問先, 内容 …) in the sheet below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping.py" line="88"/>
        <source>Sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping.py" line="92"/>
        <source>One row per visit (table)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping.py" line="93"/>
        <source>Labels with values beside them (form)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping.py" line="145"/>
        <source>Headings in row {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpfulButton</name>
    <message>
        <location filename="../../desktop/app/views/notes.py" line="74"/>
        <source>This is your note: only teammates can mark it helpful.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/notes.py" line="77"/>
        <source>Enter your name in the settings to mark notes helpful.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/notes.py" line="79"/>
        <source>Tell the author this note helped you (click again to undo).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/notes.py" line="98"/>
        <source>Helpful</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="149"/>
        <source>Reading your files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="150"/>
        <source>This runs once; afterwards Genba keeps up as you save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="178"/>
        <source>Looking for workbooks and cards…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="209"/>
        <source>Reading {0} ({1} of {2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="221"/>
        <source>Your files are read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="222"/>
        <source>From now on Genba keeps up as you save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="223"/>
        <source>Done: {0} file(s) read — {1} visit(s), {2} business card(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="227"/>
        <source>{0} file(s) need a look under Problems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="233"/>
        <source>The import stopped: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KnowledgeView</name>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="212"/>
        <source>Knowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="213"/>
        <source>What the team learned in the field, and whose notes helped others most.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="219"/>
        <source>Knowledge MVP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="220"/>
        <source>Team notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LabelsPage</name>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_labels.py" line="37"/>
        <source>Which cells are labels?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_labels.py" line="40"/>
        <source>Click a cell holding a label (お客様名, 打合せ内容 …) and choose what it means. Blue cells are labels Genba already knows; yellow ones are yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_labels.py" line="58"/>
        <source>Click a label cell in the sheet above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_labels.py" line="61"/>
        <source>(not a label)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_labels.py" line="66"/>
        <source>Use this label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_labels.py" line="116"/>
        <source>This cell is empty: click a label cell.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_labels.py" line="119"/>
        <source>{0} 「{1}」 is the label for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_labels.py" line="142"/>
        <source>Your labels: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/app/window.py" line="60"/>
        <source>Genba — daily reports and customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="160"/>
        <source>Your reports, your customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="165"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="166"/>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="167"/>
        <source>Activities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="168"/>
        <source>Knowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="169"/>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="170"/>
        <source>Folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="171"/>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="195"/>
        <source>Search notes and activities (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="206"/>
        <source>Drop workbooks or card files here to import them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="213"/>
        <location filename="../../desktop/app/window.py" line="344"/>
        <source>Folders: not watching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="214"/>
        <location filename="../../desktop/app/window.py" line="358"/>
        <location filename="../../desktop/app/window.py" line="359"/>
        <source>Sync: not set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="232"/>
        <source>Signed in as {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="345"/>
        <source>Folders: starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="346"/>
        <source>Folders: watching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="347"/>
        <source>Folders: watcher not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="354"/>
        <source>Sync: syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="355"/>
        <source>Sync: up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="356"/>
        <source>Sync: offline (changes kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="357"/>
        <source>Sync: error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="405"/>
        <source>Imported {0} of {1} file(s): {2} new activities, {3} failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/window.py" line="426"/>
        <source>Transcribing voice memo… {0}% ({1})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ManualMergeDialog</name>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="38"/>
        <source>Merge by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="44"/>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="45"/>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="55"/>
        <source>The left one is kept, the right one is merged into it (its visits, contacts and notes move over). Choose each field&apos;s value. Problems → Recent merges can undo it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="74"/>
        <source>Keep the other one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="96"/>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="130"/>
        <source>last visit {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="158"/>
        <source>Choose two different rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="190"/>
        <location filename="../../desktop/app/dialogs/merge.py" line="192"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="191"/>
        <location filename="../../desktop/app/dialogs/merge.py" line="193"/>
        <source>Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="194"/>
        <source>Name (romanised)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="195"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="196"/>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="197"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="198"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="199"/>
        <source>Mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="200"/>
        <source>Fax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="201"/>
        <source>Postal code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="202"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/merge.py" line="203"/>
        <source>Web site</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mapping</name>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="26"/>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="138"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="27"/>
        <source>Rep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="28"/>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="141"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="29"/>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="142"/>
        <source>Contact person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="30"/>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="31"/>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="145"/>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="32"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="33"/>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="150"/>
        <source>Next action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="34"/>
        <source>Next action due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="35"/>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="155"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="36"/>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="161"/>
        <source>Probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="37"/>
        <source>Insight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="38"/>
        <source>Deal name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="39"/>
        <source>Lead&apos;s comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping.py" line="231"/>
        <source>Choose a field for at least one column.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MappingWizard</name>
    <message>
        <location filename="../../desktop/app/dialogs/mapping.py" line="162"/>
        <source>Set up the headings — {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MvpTab</name>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="30"/>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="39"/>
        <source>It counts how teammates used the notes (helpful marks, reuse in briefs, people and departments reached), never how many were written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="51"/>
        <source>Score = helpful marks × 3 + reuse × 1 + people reached × 2 + each further department reached × 3. Reactions to your own notes do not count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="60"/>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="61"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="62"/>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="63"/>
        <source>Helpful ×3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="64"/>
        <source>Reuse ×1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="65"/>
        <source>People reached ×2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="66"/>
        <source>Departments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="67"/>
        <source>Notes used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="68"/>
        <source>Notes written (not scored)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="89"/>
        <location filename="../../desktop/app/views/knowledge.py" line="102"/>
        <source>{0}/{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="90"/>
        <source>All time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="128"/>
        <source>No reactions this month yet. Mark the notes that helped you 「Helpful」: that is what counts here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../desktop/app/dialogs/note.py" line="42"/>
        <source>Add knowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/note.py" line="42"/>
        <source>Edit knowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/note.py" line="49"/>
        <source>What should the next person visiting this customer know?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/note.py" line="67"/>
        <source>e.g. The buyer decides at the month-end meeting: send documents the week before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/note.py" line="73"/>
        <source>Share with the team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/note.py" line="74"/>
        <source>Only me</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteItem</name>
    <message>
        <location filename="../../desktop/app/views/notes.py" line="129"/>
        <source>only me</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/notes.py" line="132"/>
        <source>written %n times</source>
        <translation>
            <numerusform>written once</numerusform>
            <numerusform>written %n times</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/notes.py" line="137"/>
        <source>The same text in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/notes.py" line="152"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Notes</name>
    <message>
        <location filename="../../desktop/app/views/notes.py" line="51"/>
        <source>Lead&apos;s comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/notes.py" line="55"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message numerus="yes">
        <location filename="../../desktop/app/dialogs/mapping_parts.py" line="190"/>
        <source>Preview: %n visit(s) found</source>
        <translation>
            <numerusform>Preview: %n visit found</numerusform>
            <numerusform>Preview: %n visits found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemsView</name>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="46"/>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="48"/>
        <source>What Genba could not read, cards to check, and customers that may be the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="60"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="61"/>
        <source>Sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="62"/>
        <source>Cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="65"/>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="66"/>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="66"/>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="70"/>
        <source>What to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="76"/>
        <source>Open the workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="78"/>
        <source>Set up the headings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="80"/>
        <source>Tell Genba which row holds the headings and what each column means</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="83"/>
        <source>Mark as dealt with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="86"/>
        <source>You fixed it in the workbook, or it does not matter: it leaves this list and Today&apos;s count (a new import of the file shows what is still wrong)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="103"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="104"/>
        <location filename="../../desktop/app/views/problems.py" line="133"/>
        <location filename="../../desktop/app/views/problems.py" line="158"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="105"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="106"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="107"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="114"/>
        <source>Check and correct…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="117"/>
        <source>Compare with the card image and correct what was misread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="120"/>
        <source>Mark as checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="131"/>
        <location filename="../../desktop/app/views/problems.py" line="156"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="133"/>
        <location filename="../../desktop/app/views/problems.py" line="158"/>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="136"/>
        <source>Keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="137"/>
        <source>Merge into it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="138"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="143"/>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="145"/>
        <source>Keep apart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="147"/>
        <source>Merge by hand…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="149"/>
        <source>Pick two customers or contacts Genba did not suggest, and merge them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="161"/>
        <source>Merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="162"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="168"/>
        <source>Undo merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="174"/>
        <source>Recent merges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="198"/>
        <source>Import problems ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="199"/>
        <source>Cards to check ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="200"/>
        <source>Possible duplicates ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="204"/>
        <source>same e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="205"/>
        <source>same name at the same company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="206"/>
        <source>same name (株式会社, width, spaces aside)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/problems.py" line="208"/>
        <source>similar name and the same phone number prefix</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RowDrop</name>
    <message>
        <location filename="../../desktop/app/row_drop.py" line="167"/>
        <source>The clipboard holds no picture. Copy a photo or a screenshot first, then press Ctrl+V.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/row_drop.py" line="180"/>
        <source>The picture could not be read. Save it as a JPEG or PNG file and drop that file instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/row_drop.py" line="202"/>
        <source>Nothing was attached: this activity or customer no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/row_drop.py" line="209"/>
        <source>Attached %n photo(s) to “{0}”.</source>
        <translation>
            <numerusform>Attached %n photo to “{0}”.</numerusform>
            <numerusform>Attached %n photos to “{0}”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/row_drop.py" line="211"/>
        <source>Attached %n photo(s) to the visit to “{0}” on {1}.</source>
        <translation>
            <numerusform>Attached %n photo to the visit to “{0}” on {1}.</numerusform>
            <numerusform>Attached %n photos to the visit to “{0}” on {1}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/row_drop.py" line="214"/>
        <source>Attached %n photo(s) to the visit on {0}.</source>
        <translation>
            <numerusform>Attached %n photo to the visit on {0}.</numerusform>
            <numerusform>Attached %n photos to the visit on {0}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/app/pictures.py" line="154"/>
        <source>“{0}” was not attached: it is {1} MB, and a photo can be at most {2} MB. Save a smaller copy (for example at a lower resolution) and drop it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/pictures.py" line="160"/>
        <source>“{0}” was not attached: HEIC photos are not supported. Set the camera to JPEG (Most Compatible) or export the photo as JPEG, then drop it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/pictures.py" line="166"/>
        <source>“{0}” was not attached: the file could not be read ({1}). Check that it is still there and not open in another program, then drop it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/pictures.py" line="171"/>
        <source>“{0}” was not attached: it is damaged, or not a picture Genba can read (JPEG, PNG, GIF, BMP or WebP). Check that it opens in a photo viewer, or take the photo again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/row_drop.py" line="231"/>
        <source>Photo not attached</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SavePage</name>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="26"/>
        <source>Save and import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="34"/>
        <source>Name of this layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="36"/>
        <source>Use it for files named</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="39"/>
        <source>* stands for any text, e.g. 営業日報_*.xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="70"/>
        <source>Genba will use this layout for every workbook whose first sheet has the same heading row ({0}), whatever the file is called — next month&apos;s or next year&apos;s file of the same template — and for files whose name matches the pattern below. It then imports this workbook again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="76"/>
        <source>Genba will use this layout for files whose name matches the pattern below, and then imports this workbook again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="94"/>
        <source>Enter a file-name pattern: this layout is found by the file&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="96"/>
        <source>No file-name pattern: only the heading row is matched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="98"/>
        <source>No file in this folder matches the pattern yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="102"/>
        <source>{0} and {1} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="103"/>
        <source>Files in this folder that match: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="119"/>
        <source>Saved the layout 「{0}」 ({1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="123"/>
        <source>From now on Genba reads files named {0}, and workbooks with the heading row {1} whatever their name, with this layout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="127"/>
        <source>From now on Genba reads files named {0} with this layout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="130"/>
        <source>From now on Genba reads workbooks with the heading row {0} with this layout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="135"/>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="193"/>
        <source>This workbook could not be imported yet: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="141"/>
        <source>Imported: {0} new, {1} updated activities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="159"/>
        <source>Saving and importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="185"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/mapping_save.py" line="197"/>
        <source>The layout could not be saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <location filename="../../desktop/app/models/search.py" line="36"/>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/search.py" line="42"/>
        <source>Knowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/search.py" line="77"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/search.py" line="40"/>
        <location filename="../../desktop/app/models/search.py" line="80"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/search.py" line="38"/>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/search.py" line="53"/>
        <source>and %n more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/search.py" line="64"/>
        <source>+%n same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/search.py" line="84"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/search.py" line="85"/>
        <source>Written by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/models/search.py" line="86"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message>
        <location filename="../../desktop/app/views/search.py" line="74"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/search.py" line="75"/>
        <location filename="../../desktop/app/views/search.py" line="185"/>
        <source>Type a word in the search box above: notes and activities, best match first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/search.py" line="81"/>
        <source>Open customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/search.py" line="83"/>
        <source>Pre-visit brief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/search.py" line="85"/>
        <source>Show in Activities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/search.py" line="88"/>
        <source>Best match first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/search.py" line="89"/>
        <source>Newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/search.py" line="111"/>
        <source>Show more results</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/search.py" line="173"/>
        <source>「{0}」: %n result(s)</source>
        <translation>
            <numerusform>「{0}」: %n result</numerusform>
            <numerusform>「{0}」: %n results</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/search.py" line="175"/>
        <source> — more below: 「Show more results」</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/search.py" line="180"/>
        <source>Nothing found. Try a shorter word, or another way of writing it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="126"/>
        <source>Team server (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="129"/>
        <source>If your team shares customers, enter the server address and your token. You can also do this later under Sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="137"/>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="138"/>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="47"/>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="49"/>
        <source>Your changes go to the team server when you are online; the team&apos;s come back. Private notes never leave this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="58"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="67"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="68"/>
        <source>Waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="69"/>
        <source>Last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="70"/>
        <source>Team server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="74"/>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="85"/>
        <source>Sign in to your team&apos;s server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="88"/>
        <source>Ask your team lead or IT for the server address and your token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="99"/>
        <source>token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="100"/>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="101"/>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="104"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="142"/>
        <source>Sync is not available in this installation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="147"/>
        <source>Not set up — Genba works fully offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="149"/>
        <source>Offline — changes are kept and sent later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="151"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="153"/>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="155"/>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="158"/>
        <source>Signed in, not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="160"/>
        <source>Sign-in needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation type="vanished">
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="167"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="183"/>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="183"/>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/sync.py" line="187"/>
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n visit</numerusform>
            <numerusform>%n visits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/sync.py" line="189"/>
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/sync.py" line="191"/>
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n customer</numerusform>
            <numerusform>%n customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/sync.py" line="193"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/sync.py" line="195"/>
        <source>%n 「helpful」 mark(s)</source>
        <translation>
            <numerusform>%n 「helpful」 mark</numerusform>
            <numerusform>%n 「helpful」 marks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/sync.py" line="197"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/sync.py" line="199"/>
        <source>%n deal(s)</source>
        <translation>
            <numerusform>%n deal</numerusform>
            <numerusform>%n deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/sync.py" line="200"/>
        <source>%n other record(s)</source>
        <translation>
            <numerusform>%n other record</numerusform>
            <numerusform>%n other records</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="205"/>
        <source>Enter the server address and the token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync.py" line="216"/>
        <source>Saved. Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TeamNotesTab</name>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="147"/>
        <location filename="../../desktop/app/views/knowledge.py" line="167"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="150"/>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="162"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="164"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="170"/>
        <source>Written by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="172"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/knowledge.py" line="176"/>
        <source>Helpful</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/knowledge.py" line="196"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <location filename="../../desktop/app/views/today.py" line="32"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="40"/>
        <source>activities imported since yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="41"/>
        <source>follow-ups due today or overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="42"/>
        <source>problems to fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="55"/>
        <source>Follow-ups due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="59"/>
        <source>Next actions from each customer&apos;s latest visit. Double-click to open the customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="69"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="74"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="78"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="81"/>
        <source>Next action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="93"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="94"/>
        <source>You did it: it leaves Today (for the whole team)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="96"/>
        <source>Snooze…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="97"/>
        <source>Not yet: show it again on a later day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="100"/>
        <source>Tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="101"/>
        <source>In a week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="102"/>
        <source>In a month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="105"/>
        <source>On a date…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="107"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="109"/>
        <source>Nothing to do after all: it leaves Today without counting as done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="125"/>
        <source>Imported since yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="128"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="129"/>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="130"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="150"/>
        <source>Problems to fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="153"/>
        <source>Open Problems →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="162"/>
        <source>could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="167"/>
        <source>no visits — see Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="168"/>
        <source>no visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/today.py" line="170"/>
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n visit</numerusform>
            <numerusform>%n visits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/today.py" line="172"/>
        <source>%n card(s)</source>
        <translation>
            <numerusform>%n card</numerusform>
            <numerusform>%n cards</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="180"/>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/today.py" line="181"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/today.py" line="206"/>
        <source>%n voice memo draft(s) to confirm</source>
        <translation>
            <numerusform>%n voice memo draft to confirm</numerusform>
            <numerusform>%n voice memo drafts to confirm</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="220"/>
        <source>{0:%Y}/{0:%m}/{0:%d} — good work today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="231"/>
        <source>Follow-ups more than {0} days past their due date are not shown here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/today.py" line="235"/>
        <source>%n older follow-up(s) hidden; their visits stay in Activities.</source>
        <translation>
            <numerusform>%n older follow-up hidden; their visits stay in Activities.</numerusform>
            <numerusform>%n older follow-ups hidden; their visits stay in Activities.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/today.py" line="241"/>
        <source>%n import problem(s) in files</source>
        <translation>
            <numerusform>%n import problem in files</numerusform>
            <numerusform>%n import problems in files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/today.py" line="242"/>
        <source>%n business card(s) to check</source>
        <translation>
            <numerusform>%n business card to check</numerusform>
            <numerusform>%n business cards to check</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/today.py" line="245"/>
        <source>%n file(s) could not be read</source>
        <translation>
            <numerusform>%n file could not be read</numerusform>
            <numerusform>%n files could not be read</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="246"/>
        <source>Nothing to fix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="280"/>
        <source>Snooze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="281"/>
        <source>Show it again on (e.g. 2025/06/01, 6/1, R7.6.1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/today.py" line="288"/>
        <source>Not a date Genba can read: write it like 2025/06/01.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../desktop/app/tray.py" line="37"/>
        <source>Open Genba</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/tray.py" line="40"/>
        <source>Show notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/tray.py" line="46"/>
        <source>Start at login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/tray.py" line="51"/>
        <source>Quit Genba</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TroublesCard</name>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="29"/>
        <source>Not sent, or not received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="41"/>
        <source>Refused changes stay on this PC and are not sent again as they are. Correct the value (in Genba, or in your Excel report, then save it) and the corrected value is sent at the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="50"/>
        <source>Held values changed nothing on this PC. A teammate&apos;s value could not be stored (or it is damaged on the server): tell your team lead or the server&apos;s administrator. `genba problems` lists the details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/sync_troubles.py" line="66"/>
        <source>%n change(s) refused by the server</source>
        <translation>
            <numerusform>%n change refused by the server</numerusform>
            <numerusform>%n changes refused by the server</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/sync_troubles.py" line="68"/>
        <source>%n received value(s) held aside</source>
        <translation>
            <numerusform>%n received value held aside</numerusform>
            <numerusform>%n received values held aside</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="69"/>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/app/views/sync_troubles.py" line="74"/>
        <source>… and %n more (see `genba problems`)</source>
        <translation>
            <numerusform>… and %n more (see `genba problems`)</numerusform>
            <numerusform>… and %n more (see `genba problems`)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="83"/>
        <source>%1&apos;s %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="85"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="88"/>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="91"/>
        <source>%1: the server did not accept it — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="92"/>
        <source>%1: a value from the team was not stored — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="96"/>
        <source>visit record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="97"/>
        <source>contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="98"/>
        <source>customer record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="99"/>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="100"/>
        <source>deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="101"/>
        <source>photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="102"/>
        <source>「helpful」 mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="103"/>
        <source>record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="108"/>
        <source>summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="109"/>
        <source>purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="110"/>
        <source>result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="111"/>
        <source>next action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="112"/>
        <source>amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="113"/>
        <source>probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="114"/>
        <source>insight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="115"/>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="116"/>
        <location filename="../../desktop/app/views/sync_troubles.py" line="117"/>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="118"/>
        <source>e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="119"/>
        <source>phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="120"/>
        <source>title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="121"/>
        <source>date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="122"/>
        <source>attached file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="127"/>
        <source>the text is longer than the server accepts: shorten it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="128"/>
        <source>the text contains a broken control character (NUL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="129"/>
        <source>the number is outside what the field can hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="130"/>
        <source>the value has the wrong kind for the field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="131"/>
        <source>a field that may not be empty is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="132"/>
        <source>the attached file&apos;s identifier is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="133"/>
        <source>the record&apos;s id is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="134"/>
        <source>the server does not know this field (update Genba)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="135"/>
        <source>the note is private now: it stays on this PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="136"/>
        <source>the photo belongs to a private note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="138"/>
        <source>this PC&apos;s sync id belongs to another user: tell your admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="140"/>
        <source>the value is damaged on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/views/sync_troubles.py" line="142"/>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VoiceDraftDialog</name>
    <message>
        <location filename="../../desktop/app/dialogs/voice_draft.py" line="39"/>
        <source>Voice memo draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/voice_draft.py" line="48"/>
        <source>Check what the recognition wrote against what was said, correct it, then confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/voice_draft.py" line="56"/>
        <source>What was said (transcript)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/voice_draft.py" line="66"/>
        <source>(no customer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/voice_draft.py" line="80"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/voice_draft.py" line="81"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/voice_draft.py" line="82"/>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/voice_draft.py" line="83"/>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/voice_draft.py" line="84"/>
        <source>Next action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/voice_draft.py" line="85"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/voice_draft.py" line="86"/>
        <source>Amount (yen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/voice_draft.py" line="87"/>
        <source>Probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/voice_draft.py" line="96"/>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/voice_draft.py" line="99"/>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/voice_draft.py" line="114"/>
        <source>This voice memo no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/voice_draft.py" line="171"/>
        <source>Could not save the voice memo ({0}). Close this window and try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="50"/>
        <source>Welcome to Genba</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="53"/>
        <source>Keep writing your daily reports in Excel. Genba reads them and turns them into your customer list, follow-ups and knowledge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="59"/>
        <source>e.g. 山本 太郎</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="60"/>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/app/dialogs/first_run.py" line="64"/>
        <source>Used as the rep when a report has no name column or 氏名 block.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
