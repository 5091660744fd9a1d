"""`genba config show|set`: every effective setting and where it came from."""

from __future__ import annotations

import json

from desktop.tables import render
from importers.managed_settings import ManagedConfig


def run_config(
    data_dir,
    action: str,
    key: str | None,
    value: str | None,
    *,
    as_json: bool = False,
    out=print,
    registry=None,
) -> int:
    try:
        cfg = ManagedConfig(data_dir, registry=registry)
    except ValueError as exc:
        out(f"error: {exc}")
        return 1
    if action == "show":
        rows = sorted(cfg.entries.values(), key=lambda e: e.key)
        if as_json:
            out(
                json.dumps(
                    {
                        e.key: {
                            "value": e.value,
                            "source": e.source,
                            "where": e.where,
                            "locked": e.locked,
                        }
                        for e in rows
                    },
                    ensure_ascii=False,
                    indent=2,
                )
            )
            return 0
        out(
            render(
                ["setting", "value", "source", "locked", "from"],
                [
                    [
                        e.key,
                        json.dumps(e.value, ensure_ascii=False),
                        e.source,
                        "locked" if e.locked else "",
                        e.where,
                    ]
                    for e in rows
                ],
                [24, 40, 8, 6, 60],
            )
        )
        return 0
    if key is None or value is None:
        out("usage: genba config set KEY VALUE")
        return 2
    try:
        parsed = json.loads(value)
    except json.JSONDecodeError:
        parsed = value
    try:
        cfg.set_user_value(key, parsed)
    except (KeyError, PermissionError, ValueError, TypeError) as exc:
        out(f"error: {exc.args[0] if exc.args else exc}")
        return 1
    out(f"{key} = {json.dumps(cfg.entries[key].value, ensure_ascii=False)}")
    return 0
