"""Alembic migrations of the server database (run with ``genba-server migrate``)."""
