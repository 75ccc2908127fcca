"""The command line: ``billtui`` (the TUI) and its script subcommands (``get``, ``ticket``, ``invoice``, ``profiles``)."""
