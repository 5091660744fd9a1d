"""The team sync server (`genba-server`): FastAPI + SQLAlchemy Core + Alembic.

Importing this package is cheap; the app lives in ``sync.server.app`` (``create_app``), the tables in
``sync.server.db`` and the admin CLI in ``sync.server.cli``.
"""
