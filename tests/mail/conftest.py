"""The watcher fixture of tests/watch, for the watched mail folder."""

from tests.watch.conftest import watch  # noqa: F401  (a pytest fixture)
