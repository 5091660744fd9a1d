"""What a sync found that the rep (or their admin) should know, in words: Japanese first.

``describe(report)`` turns a SyncReport's notices, refused changes and held values into lines.
"""

from __future__ import annotations

from sync.client.errors import _human, say


def _one(kind: str, detail) -> str | None:
    if kind == "pc_clock":
        ja_dir, en_dir = ("進んで", "ahead of") if detail > 0 else ("遅れて", "behind")
        return say(
            f"PC の時計がサーバーより約 {_human(detail, 'ja')} {ja_dir}います。Genba はサーバーの時刻で"
            "記録しますが、Windows の設定で日付と時刻を直してください。",
            f"Your PC clock is about {_human(detail)} {en_dir} the server's. Genba stamps your "
            "edits with the server's time meanwhile; correct the date and time in Windows.",
        )
    if kind == "server_clock":
        return say(
            "同期サーバーの時計がずれているようです (複数の PC が同じずれを示しています)。"
            "管理者に連絡してください。編集の順序はサーバーの時刻で保たれます。",
            "The sync server's clock looks wrong (several PCs agree): tell your admin. Edits keep "
            "their order in the server's time meanwhile.",
        )
    if kind == "replica_reissued":
        return say(
            "この genba.db はバックアップからの復元かコピーでした。新しい識別子を割り当て、"
            "未送信の変更を送り直しました (失われた変更はありません)。",
            "This genba.db is a restored backup or a copy: it took a new replica id and sent its "
            "unsent changes under it (nothing was lost).",
        )
    if kind == "resend":
        return say(
            f"サーバーがバックアップから復元されたため、変更 {detail} 件を送り直しました。",
            f"The server was restored from a backup: {detail} change(s) were sent again.",
        )
    if kind == "server_behind":
        return say(
            "サーバーがバックアップから復元されたため、チームのデータを最初から受信し直しました。",
            "The server was restored from a backup: the team's data was received again.",
        )
    if kind == "checksum_redownload":
        return say(
            "この PC のチームのデータがサーバーと一致しなかったため (genba.db が直接編集された"
            "可能性があります)、チームのデータを最初から受信し直しました。未送信の変更は"
            "失われていません。",
            "This PC's copy of the team's data did not match the server's (genba.db may have been "
            "edited directly): the team's data was received again. No unsent change was lost.",
        )
    if kind == "checksum_still":
        return say(
            "受信し直しても、この PC のチームのデータがサーバーと一致しません。サーバーの"
            "データベースが直接編集された可能性があります。管理者に連絡してください。",
            "Even after receiving the team's data again, this PC's copy does not match the "
            "server's: the server's database may have been edited directly. Tell your admin.",
        )
    return None


def describe(report) -> list[str]:
    lines = []
    for kind, detail in dict.fromkeys(report.notices):
        text = _one(kind, detail)
        if text and text not in lines:
            lines.append(text)
    if report.kept_rejected:
        lines.append(
            say(
                f"サーバーが変更 {report.kept_rejected} 件を受け付けませんでした (長すぎる文章、"
                "扱えない値など)。この PC には残っています。`genba problems` で確認してください。",
                f"The server refused {report.kept_rejected} change(s) (text too long, a value it "
                "cannot hold…). They stay on this PC: see `genba problems`.",
            )
        )
    if report.held:
        lines.append(
            say(
                f"チームから受信した値 {report.held} 件をこの PC では保存できず、保留しました。"
                "`genba problems` で確認できます。",
                f"{report.held} value(s) received from the team could not be stored here and are "
                "held aside: see `genba problems`.",
            )
        )
    return lines
