"""Entry point of the frozen executables (genba and genbaw): the same CLI, the app without a command."""

import multiprocessing
import os
import sys


def _shared_zip_on_path() -> None:
    """installer.spec ships janome (kanji readings) and the pure-Python libraries as one zip
    beside the shared libraries, imported by both executables, instead of inside each one's
    archive (once, not twice): zipimport reads it from sys.path."""
    import zipimport

    archive = os.path.join(sys._MEIPASS, "shared.zip")

    class SharedZip(zipimport.zipimporter):
        def get_filename(self, fullname):
            # Python 3.11's zipimport names a module's file by unmarshalling the whole module,
            # and then does it again to run it: janome's dictionary modules are ~90 MB (~2 s).
            base = os.path.join(self.archive, self.prefix, fullname.rpartition(".")[2])
            return (
                os.path.join(base, "__init__.pyc") if self.is_package(fullname) else base + ".pyc"
            )

    def hook(path):
        if path != archive and not path.startswith(archive + os.sep):
            raise ImportError(path)
        return SharedZip(path)

    sys.path_hooks.insert(0, hook)
    sys.path.append(archive)


if getattr(sys, "frozen", False):
    _shared_zip_on_path()

from desktop.cli import main  # noqa: E402

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the frozen app's import process starts through this exe
    sys.exit(main())
