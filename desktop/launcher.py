"""Entry point of the frozen executables (genba and genbaw): the same CLI, the app without a command."""

import multiprocessing
import sys

from desktop.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the frozen app's import process starts through this exe
    sys.exit(main())
