"""`python -m generator` runs the `sepeda` command."""

import sys

from generator.cli import main

sys.exit(main())
