import sys

from billtui.cli.main import main

sys.exit(main())
