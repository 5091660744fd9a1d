import pytest

from importers.pipeline import ReportImporter


@pytest.fixture
def importer(store):
    return ReportImporter(store, rep="設定の担当")


def activities(store, *, deleted=False):
    return [
        dict(r)
        for r in store.query(
            "SELECT * FROM activities WHERE deleted = ? ORDER BY source_ref", (int(deleted),)
        )
    ]
