"""The hello before every sync: who the server is, what it holds of this replica, its clock.

From the answer the laptop
- keys its pull cursor by (server id, epoch, team): a restored server (new epoch) or a rep moved
  to another team pulls from the start;
- takes a new replica id when the server holds a change of ours this database never made (a
  restored backup, a copy, a cloned disk), or when the id is another user's;
- sends again what the server acknowledged but no longer holds (the server was restored);
- measures its clock against the server's and stamps with the server's time.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from sync.client.restamp import restamp
from sync.hlc import MAX_COUNTER, encode
from sync.store.replica import is_copy, last_stamped, reissue, unack_after

# Below this, the difference is network latency and ordinary drift: not worth correcting.
OFFSET_MIN_MS = 1_000


@dataclass
class Hello:
    server_id: str
    epoch: str
    team_id: int
    user: str
    offset_ms: int  # PC minus server
    max_skew_ms: int
    server_clock_suspect: bool


def cursor_key(server_url: str, hello: Hello | None) -> str:
    if hello is None or not hello.server_id:
        return f"pull_cursor:{server_url}"  # a server of protocol 1 without /v1/hello
    return f"pull_cursor:{hello.server_id}:{hello.epoch}:{hello.team_id}"


def say_hello(store, session, report) -> Hello | None:
    """Run the hello and act on it (see the module docstring); None from an older server.

    A replica id issued now is announced at once with a second hello, which binds it to this
    user before anyone else could claim it."""
    hello = _hello(store, session, report)
    if hello is not None and any(k == "replica_reissued" for k, _ in report.notices):
        _hello(store, session, report, replica_checks=False)
    return hello


def _hello(store, session, report, *, replica_checks: bool = True) -> Hello | None:
    sent = store.clock.physical_ms() + store.clock_offset_ms  # the PC's own reading
    t0 = time.monotonic()
    resp = session.request(
        "GET",
        "/v1/hello",
        store=store,
        params={"replica": store.site_id, "client_time_ms": max(0, sent)},
    )
    if resp.status_code == 404:
        return None
    session.check(resp)
    body: dict[str, Any] = resp.json()
    rtt_half = int((time.monotonic() - t0) * 500)
    offset = sent + rtt_half - int(body["server_time_ms"])
    hello = Hello(
        server_id=str(body.get("server_id", "")),
        epoch=str(body.get("epoch", "")),
        team_id=int(body.get("team_id", 0)),
        user=str(body.get("user", "")),
        offset_ms=offset,
        max_skew_ms=int(body.get("max_skew_ms", 300_000)),
        server_clock_suspect=bool(body.get("server_clock_suspect")),
    )
    if replica_checks:
        _clock(store, hello, report)
        _replica(store, body.get("replica"), report)
    return hello


def _clock(store, hello: Hello, report) -> None:
    offset = hello.offset_ms if abs(hello.offset_ms) >= OFFSET_MIN_MS else 0
    if hello.server_clock_suspect:
        # Several laptops agree: the server's clock is wrong. Every laptop still stamps with the
        # server's time (so edits keep their order and none is refused); the admin must fix it.
        report.notices.append(("server_clock", hello.offset_ms))
    elif abs(offset) > hello.max_skew_ms // 2:
        report.notices.append(("pc_clock", offset))
    raw_now = store.clock.physical_ms() + store.clock_offset_ms  # the PC's own clock, now
    if offset != store.clock_offset_ms:
        store.set_clock_offset(offset)
    if offset > 0:
        n = _shift_fast_edits(store, server_now_ms=raw_now - offset, shift_ms=offset)
        if n:
            report.restamped += n


def _shift_fast_edits(store, *, server_now_ms: int, shift_ms: int) -> int:
    """Edits stamped by a PC clock running ahead (before this laptop first met the server, or
    after its clock jumped) are stamped in the server's future, yet inside the skew window the
    server accepts: they would beat a teammate's later edit. Move them back by the measured lead
    before they are pushed (``sync.client.restamp``), keeping their order and their place after
    everything this laptop has seen. Returns the changes re-stamped."""
    limit_ms = server_now_ms + OFFSET_MIN_MS  # within the measurement's error: not ahead
    limit = encode(limit_ms, MAX_COUNTER)
    site = store.site_id
    # Through the outbox's partial index: a PC a few seconds fast is common, a full scan of a
    # large change log at every sync is not needed.
    ahead = store.query(
        "SELECT 1 FROM change_log WHERE acked = 0 AND hlc > ? AND site = ? LIMIT 1", (limit, site)
    )
    if not ahead:
        return 0
    # The restarted clock must stay past any teammate's reading this laptop has observed.
    seen = store.query("SELECT max(hlc) FROM field_clocks WHERE site != ?", (site,))[0][0]
    return restamp(store, accept_until_ms=limit_ms, floor_hlc=seen, shift_ms=shift_ms)


def _replica(store, state: dict[str, Any] | None, report) -> None:
    site = store.site_id
    if state and not state.get("yours", True):
        reissue(store)
        report.notices.append(("replica_reissued", "another_user"))
        return
    server_seq = int(state["last_seq"]) if state else 0
    if state and is_copy(store, server_seq, state.get("last_hlc"), state.get("last_change")):
        reissue(store)
        report.notices.append(("replica_reissued", "copy"))
        return
    ours, _ = last_stamped(store, site)
    if ours > server_seq:
        n = unack_after(store, site, server_seq)
        if n:
            report.notices.append(("resend", n))
