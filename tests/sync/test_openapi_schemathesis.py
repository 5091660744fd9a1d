"""Property-based API tests generated from the OpenAPI schema (schemathesis): no input, valid
or not, authenticated or not, ever makes the server fail with a 5xx."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings

from tests.sync.conftest import make_server

_TMP = Path(tempfile.mkdtemp(prefix="genba-st-"))
atexit.register(shutil.rmtree, _TMP, True)
# Failed tokens are throttled per address (tests/sync/test_identity.py): not what is tested here.
SERVER = make_server(
    f"sqlite:///{(_TMP / 'server.db').as_posix()}", max_failed_tokens_per_minute=10**9
)
TOKEN = SERVER.add_user("A", "rep", "rep")
schema = schemathesis.openapi.from_asgi("/openapi.json", SERVER.app)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case):
    response = case.call(headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code < 500, (case.method, case.path, response.text[:300])


@schema.parametrize()
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors_without_a_token(case):
    response = case.call()
    assert response.status_code < 500
    if case.path not in ("/healthz", "/readyz", "/v1/version"):
        assert response.status_code in (400, 401, 404, 405, 413, 422), response.status_code
