"""Run a Textual program in a pseudo-terminal, as a user would start it.

Textual draws on a terminal; under a pipe it behaves differently. A pty of a
fixed size (120x40) gives both programs the same, real start path. The output
is read and thrown away so the program never blocks on a full pty buffer.

``PtySession`` is the interactive form: keys in, the bytes written back counted.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
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


# ---------------------------------------------------------------- an interactive session

#: What a terminal sends for these keys (xterm, normal cursor mode, as Textual reads them).
KEYS: dict[str, bytes] = {"down": b"\x1b[B", "up": b"\x1b[A", "pagedown": b"\x1b[6~", "end": b"\x1b[F",
                          "home": b"\x1b[H", "ctrl+home": b"\x1b[1;5H", "ctrl+end": b"\x1b[1;5F",
                          "tab": b"\t", "enter": b"\r"}


def key_bytes(key: str) -> bytes:
    """A key name from KEYS, or text typed as it is."""
    return KEYS.get(key, key.encode())


class PtySession:
    """A program in a pty that the bench types into, counting the bytes it writes back.

    One thread (the caller's) both sends and reads: the program never blocks on a
    full pty buffer as long as every wait goes through ``read_for``/``until_quiet``.
    Nothing answers the program's terminal queries (synchronized output, in-band
    resize), for billtui and the references alike, so both draw the plain way.
    """

    def __init__(self, argv: Sequence[str], *, env: Mapping[str, str] | None = None,
                 size: tuple[int, int] = (80, 24)) -> None:
        master, slave = pty.openpty()
        cols, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        full_env = {k: v for k, v in os.environ.items() if k != FIRST_FRAME_ENV}
        full_env.update({"TERM": "xterm-256color", "COLORTERM": "truecolor", "COLUMNS": str(cols),
                         "LINES": str(rows), **(env or {})})
        self.fd = master
        self.total = 0  # every byte read so far
        try:
            self.proc = subprocess.Popen(list(argv), stdin=slave, stdout=slave, stderr=slave, env=full_env,
                                         close_fds=True, start_new_session=True)
        except BaseException:
            os.close(master)
            raise
        finally:
            os.close(slave)

    def __enter__(self) -> "PtySession":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _read(self, timeout: float) -> bytes | None:
        """What arrives within ``timeout`` s; b"" if nothing did, None once the program has gone."""
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return b""
        try:
            data = os.read(self.fd, 65536)
        except OSError:  # EIO: the child closed its side
            return None
        self.total += len(data)
        return data or None

    def send(self, data: bytes) -> None:
        os.write(self.fd, data)

    def read_for(self, seconds: float) -> bytes:
        """Everything written in the next ``seconds`` (an idle period, keys sent meanwhile by the caller)."""
        out = bytearray()
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            data = self._read(left)
            if data is None:
                break
            out += data
        return bytes(out)

    def until_quiet(self, quiet: float = 0.3, cap: float = 10.0, first: float | None = None) -> bytes:
        """Read until no byte has come for ``quiet`` s (at most ``cap`` s in all).

        ``first``: wait up to that long for the first byte before the quiet clock starts
        (a program starting up writes nothing for a while, which is not "quiet").
        """
        out = bytearray()
        start = time.monotonic()
        last = start
        waiting_first = first is not None
        while True:
            now = time.monotonic()
            if now - start > cap:
                raise RuntimeError(f"the output did not go quiet within {cap:.0f} s")
            wait = (start + first - now) if waiting_first and first is not None else (last + quiet - now)
            if wait <= 0:
                if waiting_first:
                    raise RuntimeError(f"no output within {first:.0f} s")
                return bytes(out)
            data = self._read(min(wait, start + cap - now))
            if data is None:
                raise RuntimeError(f"the program exited ({self.proc.poll()}); last output: {bytes(out[-300:])!r}")
            if data:
                out += data
                last = time.monotonic()
                waiting_first = False

    def close(self) -> None:
        """Stop the program (its whole process group) and release the pty, whatever state it is in."""
        if self.proc.poll() is None:
            for sig, grace in ((signal.SIGTERM, 5.0), (signal.SIGKILL, 5.0)):
                try:
                    os.killpg(self.proc.pid, sig)
                except ProcessLookupError:
                    break
                try:
                    self.proc.wait(timeout=grace)
                    break
                except subprocess.TimeoutExpired:
                    continue
        try:
            os.close(self.fd)
        except OSError:
            pass
