"""What the reply editor and the new-ticket form share: attachments and autosave.

Files are attached by path (a terminal over SSH has no file picker). The size
limit is checked when a file is added and again right before sending, so the
user hears about a too-large file before anything leaves the machine.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Generic, Sequence, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from billtui.api import assumed
from billtui.display.safe import clean
from billtui.i18n import N_, _
from billtui.widgets.footer import Footer
from billtui.widgets.ticket_thread import human_size
from billtui.display import styles

D = TypeVar("D")

MAX_BYTES = assumed.TICKET_ATTACHMENT_MAX_BYTES


class AttachmentProblem(Exception):
    """A file cannot be attached; ``message`` says which and why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def check_file(path_text: str) -> Path:
    """The file at ``path_text`` if it can be attached, else ``AttachmentProblem``."""
    text = path_text.strip()
    if not text:
        raise AttachmentProblem(_("Type the path of a file to attach."))
    path = Path(text).expanduser()
    shown = clean(text)
    if not path.exists():
        raise AttachmentProblem(_("No such file: {path}").format(path=shown))
    if not path.is_file():
        raise AttachmentProblem(_("Not a file: {path}").format(path=shown))
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise AttachmentProblem(_("Cannot read {path}: {error}").format(
            path=shown, error=exc.strerror or exc)) from None
    if size > MAX_BYTES:
        raise AttachmentProblem(
            _("{name} is {size}; files up to {limit} can be attached. Compress it or share a link instead.")
            .format(name=path.name, size=human_size(size), limit=human_size(MAX_BYTES))
        )
    return path


def read_files(paths: Sequence[str]) -> list[tuple[str, bytes]]:
    """Every attached file as ``(name, bytes)``, checked again right before sending."""
    out: list[tuple[str, bytes]] = []
    for text in paths:
        path = check_file(text)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise AttachmentProblem(_("Cannot read {path}: {error}").format(
                path=clean(text), error=exc.strerror or exc)) from None
        if len(data) > MAX_BYTES:
            raise AttachmentProblem(_("{name} grew past {limit}; it cannot be attached.").format(
                name=path.name, limit=human_size(MAX_BYTES)))
        out.append((path.name, data))
    return out


def attachments_line(paths: Sequence[str]) -> Text:
    if not paths:
        return Text(_("No files attached (ctrl+o to attach)."), style="dim")
    out = Text(_("Attached: "), style="bold")
    for i, text in enumerate(paths):
        if i:
            out.append(", ")
        path = Path(text).expanduser()
        try:
            size = human_size(path.stat().st_size)
        except OSError:
            size = _("missing")
        out.append(clean(path.name))
        out.append(f" ({size})", style="dim")
    out.append(_("  · ctrl+o to change"), style="dim")
    return out


class AttachScreen(ModalScreen["tuple[str, ...]"]):
    """Add files by path, remove them with delete; escape is done."""

    DEFAULT_CSS = styles.load("screens/support/AttachScreen.tcss")
    BINDINGS = [
        Binding("escape", "done", N_("Done"), id="attach.done"),
        Binding("delete", "remove", N_("Remove file"), id="attach.remove"),
    ]

    def __init__(self, paths: Sequence[str]) -> None:
        super().__init__()
        self.paths: list[str] = list(paths)

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = _("Attach files")
            yield Label(_("Attached files (delete removes the highlighted one):"))
            yield OptionList(id="attached")
            yield Label(_("Path of a file to attach (enter adds it):"))
            yield Input(placeholder="~/report.txt", id="path")
            yield Static("", classes="attach-error")
            yield Static(Text(_("Up to {limit} per file. Escape when done.").format(limit=human_size(MAX_BYTES))),
                         classes="attach-help")
        yield Footer()

    def on_mount(self) -> None:
        self._refresh_list()
        self.query_one("#path", Input).focus()

    def _refresh_list(self) -> None:
        options = self.query_one("#attached", OptionList)
        options.clear_options()
        if self.paths:
            options.add_options([Option(Text(clean(p)), id=str(i)) for i, p in enumerate(self.paths)])
        else:
            options.add_option(Option(Text(_("(none yet)"), style="dim"), disabled=True))

    def _error(self, message: str) -> None:
        self.query_one(".attach-error", Static).update(Text(message))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            path = check_file(event.value)
        except AttachmentProblem as exc:
            self._error(exc.message)
            return
        full = str(path.resolve())
        if full in self.paths:
            self._error(_("{name} is already attached.").format(name=clean(path.name)))
            return
        self.paths.append(full)
        self._error("")
        event.input.value = ""
        self._refresh_list()

    def action_remove(self) -> None:
        options = self.query_one("#attached", OptionList)
        index = options.highlighted
        if index is None or not self.paths or index >= len(self.paths):
            if len(self.paths) == 1:
                index = 0
            else:
                self._error(_("Highlight a file in the list first (tab moves there)."))
                return
        del self.paths[index]
        self._refresh_list()

    def action_done(self) -> None:
        self.dismiss(tuple(self.paths))


class Autosave(Generic[D]):
    """Debounced saving: each change restarts a short timer; ``flush`` saves now.

    The draft is *read* when it changes and *written* when the timer fires or on ``flush``: a
    screen being torn down (the app exiting because the SSH link dropped) has lost its fields by
    the time its unmount flushes, and the draft read at the last keystroke is what must be kept.
    """

    delay: float = 0.4

    def __init__(self, owner: Widget, read: Callable[[], D | None], write: Callable[[D], None]) -> None:
        self.owner = owner
        self._read = read
        self._write = write
        self._draft: D | None = None
        self._timer: Timer | None = None
        self.dirty = False
        self.closed = False

    def changed(self) -> None:
        if self.closed:
            return
        self._draft = self._read()
        self.dirty = self._draft is not None
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if not self.dirty:
            return
        if self.delay <= 0:
            self.flush()
            return
        self._timer = self.owner.set_timer(self.delay, self.flush)

    def close(self) -> None:
        """The draft was sent: drop any pending save and accept no more."""
        self.closed = True
        self.dirty = False
        self._draft = None
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def flush(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if not self.dirty or self.closed or self._draft is None:
            return
        self.dirty = False
        try:
            self._write(self._draft)
        except OSError as exc:
            self.dirty = True
            self.owner.notify(_("Could not save the draft: {error}").format(error=exc.strerror or exc),
                              severity="error", markup=False)
