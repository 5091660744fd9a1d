"""The folder watcher: report, card and photo folders imported as the rep saves into them."""

from importers.kinds import FOLDER_KINDS
from importers.watch.events import WatchEvent, event_kind
from importers.watch.ignore import is_candidate, is_ignored_name
from importers.watch.observer import WatchFolder, polling_reason
from importers.watch.settle import Settler, zip_complete
from importers.watch.watcher import Watcher

__all__ = [
    "FOLDER_KINDS",
    "Settler",
    "WatchEvent",
    "WatchFolder",
    "Watcher",
    "event_kind",
    "is_candidate",
    "is_ignored_name",
    "polling_reason",
    "zip_complete",
]
