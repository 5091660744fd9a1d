"""The folder watcher: report, card and photo folders imported as the rep saves into them."""

from importers.watch.events import HandlerUnavailable, WatchEvent, outcome_status
from importers.watch.handlers import default_handlers
from importers.watch.ignore import FOLDER_KINDS, is_candidate, is_ignored_name
from importers.watch.observer import WatchFolder, polling_reason
from importers.watch.settle import Settler, zip_complete
from importers.watch.watcher import Watcher

__all__ = [
    "FOLDER_KINDS",
    "HandlerUnavailable",
    "Settler",
    "WatchEvent",
    "WatchFolder",
    "Watcher",
    "default_handlers",
    "is_candidate",
    "is_ignored_name",
    "outcome_status",
    "polling_reason",
    "zip_complete",
]
