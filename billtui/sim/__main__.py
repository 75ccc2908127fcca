"""``python -m billtui.sim``."""
import sys

from .cli import main

sys.exit(main())
