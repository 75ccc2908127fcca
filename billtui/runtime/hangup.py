"""Exit when the terminal goes away (an SSH connection drops, the tmux server is killed).

Normally the kernel's SIGHUP ends the process. But when billtui runs under
something that does not pass the hangup on (``make demo``, some ``sh -c``
wrappers), it never arrives, and Textual's input thread reads end-of-file from
the dead terminal in a loop: an orphaned billtui then burns a CPU core on the
server until someone kills it. So billtui handles SIGHUP itself, and checks
once a second that its terminal is still there.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import Any

#: Seconds between checks that the terminal is still there.
CHECK_EVERY = 1.0


def _terminal_fd() -> int | None:
    stream = sys.__stdin__
    try:
        fd = stream.fileno() if stream is not None else -1
    except (OSError, ValueError):
        return None
    return fd if fd >= 0 and os.isatty(fd) else None


def watch(app: Any) -> None:
    """Make ``app`` exit on a hangup; does nothing headless or without a terminal (tests, pipes)."""
    if app.is_headless:
        return
    fd = _terminal_fd()
    if fd is None:
        return

    def hung_up() -> None:
        app.exit(return_code=129)  # 128 + SIGHUP, as a shell reports it

    def check() -> None:
        if not os.isatty(fd):  # a hung-up terminal stops being one (isatty → False, reads → EOF)
            hung_up()

    try:
        import asyncio

        asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, hung_up)
    except (NotImplementedError, RuntimeError, ValueError):
        pass  # no SIGHUP here (Windows) or not the main thread: the check below still works
    app.set_interval(CHECK_EVERY, check, name="terminal watch")
