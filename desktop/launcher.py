"""Entry point of the frozen executables (genba and genbaw): the same CLI, the app without a command."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
