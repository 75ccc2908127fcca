"""Run a Textual program in a pseudo-terminal, as a user would start it.

Textual draws on a terminal; under a pipe it behaves differently. A pty of a
fixed size (120x40) gives both programs the same, real start path. The output
is read and thrown away so the program never blocks on a full pty buffer.
"""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import tempfile
import termios
import threading
import time
from dataclasses import dataclass
from typing import Mapping, Sequence

FIRST_FRAME_ENV = "BILLTUI_BENCH_EXIT_AFTER_FIRST_FRAME"


@dataclass(frozen=True)
class Timed:
    first_frame: float  # seconds from spawning the process to its first frame
    exited: float  # seconds from spawning to exit
    returncode: int


def _drain(fd: int) -> None:
    while True:
        try:
            if not os.read(fd, 65536):
                return
        except OSError:  # EIO: the child closed its side
            return


def run_to_first_frame(
    argv: Sequence[str], *, env: Mapping[str, str] | None = None, size: tuple[int, int] = (120, 40),
    timeout: float = 60.0,
) -> Timed:
    """Spawn ``argv`` in a pty; it writes the moment of its first frame and exits."""
    master, slave = pty.openpty()
    cols, rows = size
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    with tempfile.TemporaryDirectory(prefix="billtui-bench-") as tmp:
        moment_file = os.path.join(tmp, "first-frame")
        full_env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(cols), "LINES": str(rows),
                    **(env or {}), FIRST_FRAME_ENV: moment_file}
        reader = threading.Thread(target=_drain, args=(master,), daemon=True)
        reader.start()
        start = time.monotonic()
        proc = subprocess.Popen(
            list(argv), stdin=slave, stdout=slave, stderr=slave, env=full_env, close_fds=True,
            start_new_session=True,
        )
        os.close(slave)
        try:
            code = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            raise RuntimeError(f"{argv[0]} did not exit within {timeout:.0f} s") from None
        finally:
            exited = time.monotonic() - start
        reader.join(timeout=2)
        os.close(master)
        try:
            with open(moment_file, encoding="utf-8") as f:
                first = float(f.read()) - start
        except (OSError, ValueError):
            raise RuntimeError(f"{' '.join(argv)} exited ({code}) without reporting a first frame") from None
    return Timed(first, exited, code)
