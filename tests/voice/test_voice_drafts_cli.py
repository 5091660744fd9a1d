"""`genba drafts`: the rep lists, reads, confirms (with corrections) and discards voice-memo
draft minutes from the command line, through the same functions as the app's draft window
(real processes on a real store)."""

from __future__ import annotations

import json

from tests.helpers.voice_drafts import insert_draft
from tests.test_cli import ENGLISH, genba


def test_drafts_are_listed_shown_and_confirmed_with_corrections(data_dir, store):
    aid = insert_draft(store)
    listed = genba("drafts", data_dir=data_dir, check=True).stdout
    assert aid[:8] in listed and "山田製作所" in listed and "1,200,000" in listed
    assert "確認待ちの下書き 1 件" in listed and "genba drafts confirm ID" in listed
    shown = genba("drafts", "show", aid[:8], data_dir=data_dir, check=True).stdout
    assert "状態: 下書き（未確定）" in shown and "本日は山田政策書の田村課長" in shown
    out = genba(
        "drafts",
        "confirm",
        aid[:6],
        "--customer",
        "サンプル精工",
        "--due",
        "2024/05/31",
        "--amount",
        "150万円",
        "--summary",
        "田村課長は納期の確実さを重視している。",
        data_dir=data_dir,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "を確定しました" in out.stdout
    (a,) = store.query("SELECT * FROM activities")
    assert a["kind"] == "voice" and a["company_id"] == "c-other"
    assert (a["next_action_due"], a["amount_jpy"], a["probability"]) == (
        "2024-05-31",
        1_500_000,
        70,
    )
    (note,) = store.query("SELECT * FROM notes WHERE deleted = 0")  # as the app's 確定 does
    assert note["activity_id"] == aid and note["body"] == "田村課長は納期の確実さを重視している。"
    assert "ありません" in genba("drafts", data_dir=data_dir, check=True).stdout


def test_a_discarded_draft_is_gone_and_stays_gone(data_dir, store):
    aid = insert_draft(store)
    out = genba("drafts", "discard", aid, data_dir=data_dir, env=ENGLISH, check=True)
    assert "discarded (the recording stays stored)" in out.stdout
    assert store.query("SELECT deleted FROM activities")[0][0] == 1
    again = genba("drafts", "discard", aid, data_dir=data_dir)
    assert again.returncode == 1 and "見つかりません" in again.stdout
    assert json.loads(genba("drafts", "--json", data_dir=data_dir, check=True).stdout) == []


def test_mistakes_on_the_command_line_change_nothing(data_dir, store):
    aid = insert_draft(store)
    insert_draft(store, "cd" * 32)
    cases = [
        (["drafts", "confirm", "zzzz"], "見つかりません"),
        (["drafts", "confirm", aid, "--due", "来年のどこか"], "日付として読めません"),
        (["drafts", "confirm", aid, "--amount", "たくさん"], "金額として読めません"),
        (["drafts", "confirm", aid, "--customer", "存在しない商事"], "顧客が見つかりません"),
        (["drafts", "confirm", aid, "--customer", "株式会社"], "顧客"),
    ]
    for args, said in cases:
        out = genba(*args, data_dir=data_dir)
        assert out.returncode == 1 and said in out.stdout, (args, out.stdout, out.stderr)
    rows = store.query("SELECT kind, company_id, amount_jpy FROM activities ORDER BY id")
    assert [tuple(r) for r in rows] == [("voice_draft", "c-yamada", 1_200_000)] * 2
    assert not store.query("SELECT 1 FROM notes")


def test_an_id_start_shared_by_two_memos_asks_for_more(data_dir, store):
    from sync.store.ids import natural_id

    seen: dict[str, str] = {}
    for n in range(5000):  # two recordings whose memo ids start alike (found, not made up)
        sha = f"{n:064x}"
        head = natural_id("activities", "voice:" + sha)[:4]
        if head in seen:
            break
        seen[head] = sha
    first, second = seen[head], sha
    insert_draft(store, first)
    insert_draft(store, second)
    out = genba("drafts", "discard", head, data_dir=data_dir)
    assert out.returncode == 1 and "複数あります" in out.stdout
    assert len(store.query("SELECT 1 FROM activities WHERE deleted = 0")) == 2
    # a confirmed memo can still be shown
    aid = natural_id("activities", "voice:" + first)
    genba("drafts", "confirm", aid, data_dir=data_dir, check=True)
    shown = genba("drafts", "show", aid, data_dir=data_dir, check=True).stdout
    assert "状態: 確定済み" in shown
