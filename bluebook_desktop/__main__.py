"""python -m bluebook_desktop: start the window."""

import sys

from bluebook_desktop.app import main

sys.exit(main())
