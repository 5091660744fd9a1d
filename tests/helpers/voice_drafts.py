"""A voice memo draft as importers.voice.apply stores it (the activity, the recording's
attachment with its transcript), written straight to the store: for tests of what happens
after the import, without running speech recognition."""

from __future__ import annotations

from sync.store.ids import natural_id

TRANSCRIPT = (
    "本日は山田政策書の田村課長を訪問しました。新しいシャフトの見積を来週金曜日までに提出します。"
    "金額は120万円、受注確度は70パーセントです。"
)


def insert_draft(store, sha: str = "ab" * 32, *, company_id: str | None = "c-yamada") -> str:
    activity_id = natural_id("activities", "voice:" + sha)
    with store.write() as w:
        if w.get("companies", "c-yamada") is None:
            w.insert(
                "companies",
                {"id": "c-yamada", "name": "株式会社山田製作所", "name_normalized": "山田製作所"},
            )
            w.insert(
                "companies",
                {
                    "id": "c-other",
                    "name": "株式会社サンプル精工",
                    "name_normalized": "サンプル精工",
                },
            )
        w.insert(
            "activities",
            {
                "id": activity_id,
                "kind": "voice_draft",
                "occurred_on": "2024-05-14",
                "rep": "佐藤",
                "company_id": company_id,
                "contact_name": "田村",
                "purpose": "音声メモ",
                "summary": TRANSCRIPT.replace("。", "。\n").strip(),
                "next_action": "新しいシャフトの見積を来週金曜日までに提出します。",
                "next_action_due": "2024-05-24",
                "amount_jpy": 1_200_000,
                "probability": 70,
                "source_ref": "voice:" + sha,
            },
        )
        w.insert(
            "attachments",
            {
                "id": natural_id("attachments", "voice:" + sha),
                "sha256": sha,
                "filename": "20240514_帰りの車.wav",
                "mime": "audio/wav",
                "size": 1000,
                "entity": "activities",
                "entity_id": activity_id,
                "taken_on": "2024-05-14",
                "ocr_text": TRANSCRIPT,
            },
        )
    return activity_id
