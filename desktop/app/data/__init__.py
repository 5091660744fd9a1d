"""What the app's views show and do, as plain Python over the store (no Qt here).

Reads take a sqlite3 connection (a reader of their own thread); writes take the Store and go
through ``store.write()`` so they are logged for sync and survive re-imports (design rule 5).
"""
