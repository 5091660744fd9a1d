"""Entry point of the frozen executables (genba and genbaw): the same CLI, the app without a command."""

import multiprocessing
import os
import sys


def _janome_from_its_zip() -> None:
    """installer.spec ships janome (kanji readings) as one zip beside the libraries, shared by
    both executables, instead of inside each one's archive (~28 MB once, not twice): zipimport
    reads it from sys.path."""
    import zipimport

    archive = os.path.join(sys._MEIPASS, "janome.zip")

    class JanomeZip(zipimport.zipimporter):
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
        return JanomeZip(path)

    sys.path_hooks.insert(0, hook)
    sys.path.append(archive)


if getattr(sys, "frozen", False):
    _janome_from_its_zip()

from desktop.cli import main  # noqa: E402

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the frozen app's import process starts through this exe
    sys.exit(main())
