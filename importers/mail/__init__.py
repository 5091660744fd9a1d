"""Mail files (.eml, Outlook .msg) as activities: parsing, the body's own words, the signature
as a contact suggestion, the customer, threads (see apply.py)."""
