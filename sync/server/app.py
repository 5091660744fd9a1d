"""The FastAPI application: ``create_app(settings)``.

Endpoints (all under bearer auth except the health and version probes):
``POST /v1/push``, ``GET /v1/pull``, ``PUT|GET|HEAD /v1/blobs/{sha256}``, ``GET /v1/whoami``,
``GET /v1/version``, ``GET /healthz``, ``GET /readyz``; the OpenAPI schema at ``/openapi.json``.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import (
    BaseModel,
    ConfigDict,
    StrictBool,
    StrictFloat,
    StrictInt,
)
from sqlalchemy import Engine, select

from sync.schema_contract import SYNCED_FIELDS
from sync.server import service
from sync.server.clocks import ClockWatch
from sync.server.db import blobs, current_revision, head_revision, make_engine
from sync.server.errors import ApiError
from sync.server.identity import replica_state, server_identity
from sync.server.limits import BodySizeLimit
from sync.server.settings import ServerSettings
from sync.server.throttle import FailedTokens
from sync.server.users import User, authenticate
from sync.server.validate import PUSH_REQUEST, parse_push

PROTOCOL_VERSION = 1
MIN_CLIENT_PROTOCOL = 1
SERVER_VERSION = "0.1.0"
PROTOCOL_HEADER = "X-Genba-Protocol"

SHA256_PATTERN = r"^[0-9a-f]{64}$"
Scalar = StrictBool | StrictInt | StrictFloat | str | None  # in responses


class Rejected(BaseModel):
    change_id: str
    code: str
    message: str = ""


class Stamped(BaseModel):
    """A value the server set itself (authorship from the token)."""

    change_id: str
    value: Scalar


class PushResponse(BaseModel):
    acked: list[str]
    rejected: list[Rejected]
    applied: int
    duplicates: int
    last_seq: int
    stamped: list[Stamped] = []


class ChangeOut(BaseModel):
    seq: int
    entity: str
    row_id: str
    field: str
    value: Scalar
    hlc: str
    site: str


class Withheld(BaseModel):
    """A stored value that is not JSON, sent as its text: the laptop holds it aside."""

    seq: int
    entity: str
    row_id: str
    field: str
    text: str
    hlc: str
    site: str
    code: str


class PullResponse(BaseModel):
    changes: list[ChangeOut]
    next: int
    has_more: bool
    last_seq: int
    server_id: str
    epoch: str
    team_id: int
    # The (hlc, site) of the change at ``next``: sent back as at_hlc/at_site with the next pull,
    # so a server restored from a backup (its sequence reused) is noticed: cursor_ok false.
    next_hlc: str = ""
    next_site: str = ""
    cursor_ok: bool = True
    # On the last page when asked (checksum=true): the team's checksum (sync.checksum, decimal
    # text: 64 bits do not fit a JSON number everywhere) and the sequence it covers.
    checksum: str | None = None
    checksum_seq: int | None = None
    # How many of the fields named in ``skip`` (the laptop's refused changes) the checksum left out.
    checksum_skipped: int | None = None
    withheld: list[Withheld] = []


class ReplicaChange(BaseModel):
    entity: str
    row_id: str
    field: str


class ReplicaState(BaseModel):
    last_seq: int
    last_hlc: str | None
    # What that change wrote; absent from older servers, whose laptops compare the clock alone.
    last_change: ReplicaChange | None = None
    yours: bool


class HelloResponse(BaseModel):
    """Who the server is and what it holds of this replica: read before every sync."""

    server_id: str
    epoch: str
    team: str
    team_id: int
    user: str
    role: str
    server_time_ms: int
    max_skew_ms: int
    replica: ReplicaState | None
    # Several laptops agree the server's clock is off: tell the admin, not the rep.
    server_clock_suspect: bool = False


class VersionResponse(BaseModel):
    protocol: int
    min_client_protocol: int
    server_version: str
    entities: dict[str, list[str]]
    # Content-Encodings the server accepts for request bodies (clients compress large pushes).
    request_encodings: list[str] = []
    max_push_changes: int | None = None


class WhoAmI(BaseModel):
    team: str
    name: str
    role: str
    can_write: bool


class ErrorDetail(BaseModel):
    model_config = ConfigDict(extra="allow")
    code: str
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail


ERRORS = {
    401: {"model": ErrorBody, "description": "missing, wrong or revoked token"},
    403: {"model": ErrorBody, "description": "the token may not do this"},
    429: {"model": ErrorBody, "description": "too many wrong tokens from this address"},
}

_bearer = HTTPBearer(auto_error=False)


def current_user(
    request: Request,
    creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> User:
    proto = request.headers.get(PROTOCOL_HEADER)
    if proto is not None and (
        not proto.isdigit() or not MIN_CLIENT_PROTOCOL <= int(proto) <= PROTOCOL_VERSION
    ):
        raise ApiError(
            400,
            "incompatible_protocol",
            f"This server speaks sync protocol {MIN_CLIENT_PROTOCOL}..{PROTOCOL_VERSION}, "
            f"the client {proto[:10]!r}.",
            protocol=PROTOCOL_VERSION,
        )
    throttle = request.app.state.failed_tokens
    address = request.client.host if request.client else "?"
    wait = throttle.wait_seconds(address)
    if wait:
        raise ApiError(
            429,
            "too_many_failed_tokens",
            f"Too many wrong tokens from this address: wait {wait} s.",
            retry_after=wait,
        )
    if creds is None or not creds.credentials:
        throttle.failed(address)
        raise ApiError(401, "missing_token", "A bearer token is required.")
    with request.app.state.engine.connect().execution_options(sqlite_readonly=True) as conn:
        user = authenticate(conn, creds.credentials)
    if user is None:
        throttle.failed(address)
        raise ApiError(401, "invalid_token", "The server does not know this token.")
    if user.revoked:
        throttle.failed(address)
        raise ApiError(401, "token_revoked", "This token has been revoked.")
    return user


CurrentUser = Annotated[User, Depends(current_user)]
Sha = Annotated[str, Path(pattern=SHA256_PATTERN)]


def create_app(
    settings: ServerSettings | None = None, *, engine: Engine | None = None, clock_ms=None
) -> FastAPI:
    """The ASGI app. ``engine`` and ``clock_ms`` can be injected (tests)."""
    settings = settings or ServerSettings()
    engine = engine or make_engine(settings.url())
    clock_ms = clock_ms or service.now_ms
    max_skew_ms = int(settings.max_skew_seconds * 1000)

    app = FastAPI(
        title="Genba sync server",
        version=SERVER_VERSION,
        description="Field-level delta sync for Genba teams (protocol "
        f"{PROTOCOL_VERSION}). Authenticate with `Authorization: Bearer <token>`.",
    )
    app.state.engine = engine
    app.state.settings = settings
    app.state.identity = None  # server_id and epoch, read once
    app.state.clock_watch = ClockWatch(max_skew_ms)
    app.state.failed_tokens = FailedTokens(settings.max_failed_tokens_per_minute)
    app.add_middleware(
        BodySizeLimit,
        default_limit=settings.max_body_bytes,
        prefix_limits={"/v1/blobs/": settings.max_blob_bytes + 1024},
    )

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError):
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        if exc.status == 429:
            headers = {"Retry-After": str(exc.extra.get("retry_after", 60))}
        return JSONResponse(exc.body(), status_code=exc.status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_request: Request, exc: RequestValidationError):
        errors = [
            {"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", ""))}
            for e in exc.errors()[:20]
        ]
        return JSONResponse(
            {
                "error": {
                    "code": "invalid_request",
                    "message": "The request is not valid.",
                    "detail": errors,
                }
            },
            status_code=422,
        )

    @app.get("/healthz", tags=["ops"])
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz", tags=["ops"], responses={503: {"model": ErrorBody}})
    def readyz():
        try:
            current = current_revision(engine)
        except Exception as exc:
            return JSONResponse(
                {"error": {"code": "database_unreachable", "message": str(exc)[:300]}},
                status_code=503,
            )
        head = head_revision()
        if current != head:
            return JSONResponse(
                {
                    "error": {
                        "code": "not_migrated",
                        "message": f"database at {current}, code needs {head}: run "
                        "`genba-server migrate`",
                    }
                },
                status_code=503,
            )
        return {"status": "ready", "revision": current}

    @app.get("/v1/version", tags=["sync"])
    def version() -> VersionResponse:
        return VersionResponse(
            protocol=PROTOCOL_VERSION,
            min_client_protocol=MIN_CLIENT_PROTOCOL,
            server_version=SERVER_VERSION,
            entities={e: list(f) for e, f in SYNCED_FIELDS.items()},
            request_encodings=["gzip"],
            max_push_changes=settings.max_push_changes,
        )

    @app.get("/v1/whoami", tags=["sync"], responses=ERRORS)
    def whoami(user: CurrentUser) -> WhoAmI:
        return WhoAmI(team=user.team, name=user.name, role=user.role, can_write=user.can_write)

    @app.post(
        "/v1/push",
        tags=["sync"],
        response_model=PushResponse,
        responses={
            **ERRORS,
            409: {"model": ErrorBody, "description": "clock skew: changes stamped in the future"},
            413: {"model": ErrorBody, "description": "request too large"},
            422: {"model": ErrorBody, "description": "invalid request"},
        },
        openapi_extra={
            "requestBody": {
                "required": True,
                "description": "May be sent with `Content-Encoding: gzip`.",
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/PushRequest"}}
                },
            }
        },
    )
    async def push(request: Request, user: CurrentUser):
        body = await request.body()

        def run() -> bytes:
            items, refused = parse_push(body, settings)
            result = service.push(engine, user, items, max_skew_ms=max_skew_ms, clock_ms=clock_ms)
            return _json_bytes(
                {
                    "acked": result.acked,
                    "rejected": refused + result.rejected,
                    "applied": result.applied,
                    "duplicates": result.duplicates,
                    "last_seq": result.last_seq,
                    "stamped": result.stamped,
                }
            )

        return Response(await run_in_threadpool(run), media_type="application/json")

    @app.get("/v1/pull", tags=["sync"], response_model=PullResponse, responses=ERRORS)
    def pull(
        user: CurrentUser,
        after: Annotated[int, Query(ge=0, le=2**62)] = 0,
        limit: Annotated[int | None, Query(ge=1)] = None,
        at_hlc: Annotated[str | None, Query(max_length=32)] = None,
        at_site: Annotated[str | None, Query(max_length=64)] = None,
        checksum: bool = False,
        skip: Annotated[list[str] | None, Query(max_length=100)] = None,
    ):
        limit = min(limit or settings.default_pull_limit, settings.max_pull_limit)
        at = (at_hlc, at_site) if at_hlc and at_site else None
        body = service.pull(
            engine,
            user.team_id,
            after,
            limit,
            max_bytes=settings.max_pull_bytes,
            info=identity(),
            at=at,
            checksum=checksum,
            skip=_skip_fields(skip),
        )
        return Response(body, media_type="application/json")

    def identity() -> dict[str, str]:
        if not app.state.identity:
            app.state.identity = server_identity(engine)
        return app.state.identity

    @app.get("/v1/hello", tags=["sync"], response_model=HelloResponse, responses=ERRORS)
    def hello(
        user: CurrentUser,
        replica: Annotated[str | None, Query(max_length=64)] = None,
        client_time_ms: Annotated[int | None, Query(ge=0, le=2**53)] = None,
    ):
        now = clock_ms()
        state = replica_state(engine, replica, user) if replica else None
        suspect = app.state.clock_watch.observe(replica, client_time_ms, now)
        info = identity()
        return HelloResponse(
            server_id=info["server_id"],
            epoch=info["epoch"],
            team=user.team,
            team_id=user.team_id,
            user=user.name,
            role=user.role,
            server_time_ms=now,
            max_skew_ms=max_skew_ms,
            replica=state,
            server_clock_suspect=suspect,
        )

    @app.put(
        "/v1/blobs/{sha256}",
        tags=["blobs"],
        status_code=201,
        responses={**ERRORS, 413: {"model": ErrorBody}, 422: {"model": ErrorBody}},
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
                },
            }
        },
    )
    async def put_blob(sha256: Sha, request: Request, user: CurrentUser) -> dict[str, Any]:
        if not user.can_write:
            raise ApiError(403, "read_only", "This token may read but not write (viewer).")
        data = await request.body()
        if len(data) > settings.max_blob_bytes:
            raise ApiError(
                413,
                "blob_too_large",
                f"Attachments are limited to {settings.max_blob_bytes} bytes.",
            )
        if hashlib.sha256(data).hexdigest() != sha256:
            raise ApiError(422, "hash_mismatch", "The content does not match its sha256.")

        def store() -> None:
            with service.write_lock(engine), engine.begin() as conn:
                stmt = service._insert(engine, blobs).on_conflict_do_nothing()
                conn.execute(
                    stmt,
                    {
                        "team_id": user.team_id,
                        "sha256": sha256,
                        "size": len(data),
                        "data": data,
                        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
                    },
                )

        await run_in_threadpool(store)
        return {"sha256": sha256, "size": len(data)}

    def _blob(user: User, sha256: str, with_data: bool):
        cols = [blobs.c.size] + ([blobs.c.data] if with_data else [])
        with engine.connect().execution_options(sqlite_readonly=True) as conn:
            row = conn.execute(
                select(*cols).where(blobs.c.team_id == user.team_id, blobs.c.sha256 == sha256)
            ).first()
        if row is None:
            raise ApiError(404, "no_such_blob", "This team has no blob with that sha256.")
        return row

    @app.get(
        "/v1/blobs/{sha256}",
        tags=["blobs"],
        response_class=Response,
        responses={
            **ERRORS,
            404: {"model": ErrorBody},
            200: {"content": {"application/octet-stream": {}}},
        },
    )
    def get_blob(sha256: Sha, user: CurrentUser):
        row = _blob(user, sha256, True)
        return Response(bytes(row.data), media_type="application/octet-stream")

    @app.head(
        "/v1/blobs/{sha256}",
        tags=["blobs"],
        response_class=Response,
        responses={**ERRORS, 404: {"description": "no such blob"}},
    )
    def head_blob(sha256: Sha, user: CurrentUser):
        row = _blob(user, sha256, False)
        return Response(status_code=200, headers={"Content-Length": str(row.size)})

    def openapi() -> dict[str, Any]:
        # The push body is validated by hand (see parse_push): add its schema to the document.
        if app.openapi_schema is None:
            doc = default_openapi()
            defs = PUSH_REQUEST.json_schema(ref_template="#/components/schemas/{model}")
            schemas = doc.setdefault("components", {}).setdefault("schemas", {})
            schemas.update(defs.pop("$defs", {}))
            schemas["PushRequest"] = defs
        return app.openapi_schema

    default_openapi = app.openapi
    app.openapi = openapi
    return app


def _skip_fields(skip: list[str] | None) -> set[tuple[str, str, str]] | None:
    """'entity|row_id|field' items as keys (a row id may hold a bar; names never do)."""
    if not skip:
        return None
    out = set()
    for item in skip:
        entity, _, rest = item.partition("|")
        row_id, _, field = rest.rpartition("|")
        if entity and row_id and field:
            out.add((entity, row_id, field))
    return out


def _json_bytes(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def app_from_environment() -> FastAPI:
    """The app built from GENBA_SERVER_* settings: what each uvicorn worker process imports."""
    from sync.server.settings import ServerSettings

    return create_app(ServerSettings())
