"""The crash report: Textual's traceback, locals included, with every secret hidden.

On an unhandled exception Textual prints a rich traceback that shows each frame's local
variables. billtui's login and request plumbing holds credentials only as ``Secret`` or
``SecretForm`` (they print ``***``), but not every frame does: while a login is sent,
httpx holds the form — password, session id — as a plain dict, and a caller such as a
password change has the old and new password as plain arguments. The user may paste that report into a
bug report, so before it is drawn every local and every exception text is checked
against the secrets alive in this process (``secret.live_values``, and
``BILLTUI_PASSWORD``): a local that shows one is replaced by ``HIDDEN``, a message has
it cut out. The locals are kept otherwise, because they are what makes a report useful.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path
from types import TracebackType
from urllib.parse import quote, quote_plus

from rich import pretty
from rich.console import RenderableType
from rich.text import Text
from rich.traceback import Trace, Traceback

from billtui import version
from billtui.api.secret import live_values, scrub
from billtui.i18n import _

__all__ = ["report", "scrub_trace", "write_report", "summary", "HIDDEN"]

HIDDEN = "<hidden: holds a secret>"
#: Rich shortens long strings to their first 80 characters; a secret is recognised by its
#: start, so a shortened one is found too (and so is one cut short inside a longer string).
_PROBE = 16
#: What Textual's own report uses (textual/app.py ``_fatal_error``).
_LOCALS_MAX_LENGTH = 5

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def report(exc_info: ExcInfo | None = None) -> RenderableType:
    """The report of the exception being handled (or ``exc_info``), safe to print."""
    import rich

    exc_type, exc_value, tb = exc_info or sys.exc_info()
    if exc_type is None or exc_value is None:
        return Text(_("billtui stopped after an unexpected error."))
    try:
        # Locals are extracted as Textual does (``Traceback()`` with show_locals).
        trace = Traceback.extract(exc_type, exc_value, tb, show_locals=True)
        scrub_trace(trace, secrets())
        with_locals = True
    except Exception:  # never lose the report itself: without locals, messages still scrubbed
        trace = Traceback.extract(exc_type, exc_value, tb, show_locals=False)
        for stack in trace.stacks:
            stack.exc_value = scrub(stack.exc_value, *secrets())
        with_locals = False
    return Traceback(trace, show_locals=with_locals, width=None, locals_max_length=_LOCALS_MAX_LENGTH,
                     suppress=[rich])


def secrets() -> list[str]:
    from billtui.storage.credentials import ENV_VAR

    return live_values(os.environ.get(ENV_VAR))


def _forms(secret: str) -> set[str]:
    """How a secret may read in a local: as is, escaped by ``repr``, or form/URL-encoded."""
    return {secret, repr(secret)[1:-1], quote_plus(secret), quote(secret, safe="")}


def scrub_trace(trace: Trace, values: list[str]) -> None:
    """Hide ``values`` in ``trace`` (in place): locals showing one, and message text."""
    forms = sorted({f for v in values for f in _forms(v)}, key=len, reverse=True)
    probes = {f[:_PROBE] for f in forms}
    if not probes:
        return

    def shows(text: str) -> bool:
        return any(p in text for p in probes)

    def hidden(node: pretty.Node) -> bool:
        try:
            return shows(node.render(max_width=10_000))
        except Exception:  # a report must not fail on a strange object: hide what cannot be read
            return True

    def cut(text: str) -> str:
        for form in forms:
            text = text.replace(form, "***")
        for probe in probes:
            text = text.replace(probe, "***")
        return text

    for stack in trace.stacks:
        stack.exc_value = cut(stack.exc_value)
        stack.notes = [cut(note) for note in stack.notes]
        if stack.syntax_error is not None:
            stack.syntax_error.line = cut(stack.syntax_error.line)
            stack.syntax_error.msg = cut(stack.syntax_error.msg)
        for frame in stack.frames:
            if frame.locals:
                frame.locals = {
                    cut(name): pretty.Node(value_repr=HIDDEN) if hidden(node) else node
                    for name, node in frame.locals.items()
                }
        for group in stack.exceptions:
            scrub_trace(group, values)



#: Crash reports kept in the state dir; older ones are removed so they cannot pile up.
KEEP_REPORTS = 10


def write_report(renderable: RenderableType, when: datetime | None = None) -> Path | None:
    """The (already scrubbed) report as plain text in the state dir, readable only by the user;
    None when it cannot be written (a full disk must not turn one error into two)."""
    import io

    from rich.console import Console

    from billtui.storage import paths

    try:
        console = Console(file=io.StringIO(), width=120, color_system=None, record=True, legacy_windows=False)
        console.print(renderable)
        stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
        folder = paths.state_dir() / "crashes"
        path = folder / f"crash-{stamp}.txt"
        paths.private_write(path, f"billtui {version()} crashed at {stamp}\n\n" + console.export_text())
        for old in sorted(folder.glob("crash-*.txt"))[:-KEEP_REPORTS]:
            old.unlink(missing_ok=True)
        return path
    except Exception:
        return None


def summary(error: BaseException | None, path: Path | None) -> Text:
    """What the user reads after the terminal is restored: what happened, where the details are,
    what is kept and how to go on — a few lines, not a traceback."""
    what = f"{type(error).__name__}: {error}" if error is not None else _("an unexpected error")
    what = scrub(what, *secrets())
    text = Text()
    text.append(_("billtui stopped after an unexpected error.") + "\n", style="bold red")
    text.append("  " + _("What happened: {what}").format(what=what[:300]) + "\n")
    if path is not None:
        text.append("  " + _("The details (no passwords or session ids) are in {path}").format(path=path) + "\n")
    else:
        text.append("  " + _("The details could not be written to the state dir.") + "\n")
    text.append("  " + _("Ticket drafts and the offline copy of your data are kept.") + "\n")
    text.append("  " + _("Start billtui again to go on; if it happens again, send that file to the billtui maintainers.")
                + "\n")
    return text
