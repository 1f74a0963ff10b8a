"""``python -m cleaner``: see :mod:`cleaner.cli`."""

import sys

from .cli import main

sys.exit(main())
