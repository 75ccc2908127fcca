"""Replace a file in one step (``billtui check --output FILE``).

node_exporter's textfile collector may read the file at any moment: it must see the old
metrics or the new ones, never half a file. So the text goes to a temporary file in the same
directory (a rename across file systems is not atomic), is flushed to disk, and then
``os.replace`` puts it in place. The temporary name starts with a dot and does not end in
``.prom``, so the collector never picks it up; it is removed if anything fails.

The file gets the mode a newly created file would (0666 less the umask; the collector often
runs as another user), or the mode of the file it replaces.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` so that readers see the old file or the whole new one."""
    target = Path(path).expanduser()
    directory = target.parent
    mode = _mode_for(target)
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return target
