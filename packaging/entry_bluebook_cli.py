"""Frozen entry point of the command line (bluebook-cli / bluebook-cli.exe, console)."""

import sys

from bluebook_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
