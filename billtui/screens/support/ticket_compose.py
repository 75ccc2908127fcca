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
        raise AttachmentProblem("Type the path of a file to attach.")
    path = Path(text).expanduser()
    shown = clean(text)
    if not path.exists():
        raise AttachmentProblem(f"No such file: {shown}")
    if not path.is_file():
        raise AttachmentProblem(f"Not a file: {shown}")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise AttachmentProblem(f"Cannot read {shown}: {exc.strerror or exc}") from None
    if size > MAX_BYTES:
        raise AttachmentProblem(
            f"{path.name} is {human_size(size)}; files up to {human_size(MAX_BYTES)} can be attached. "
            "Compress it or share a link instead."
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
            raise AttachmentProblem(f"Cannot read {clean(text)}: {exc.strerror or exc}") from None
        if len(data) > MAX_BYTES:
            raise AttachmentProblem(f"{path.name} grew past {human_size(MAX_BYTES)}; it cannot be attached.")
        out.append((path.name, data))
    return out


def attachments_line(paths: Sequence[str]) -> Text:
    if not paths:
        return Text("No files attached (ctrl+o to attach).", style="dim")
    out = Text("Attached: ", style="bold")
    for i, text in enumerate(paths):
        if i:
            out.append(", ")
        path = Path(text).expanduser()
        try:
            size = human_size(path.stat().st_size)
        except OSError:
            size = "missing"
        out.append(clean(path.name))
        out.append(f" ({size})", style="dim")
    out.append("  · ctrl+o to change", style="dim")
    return out


class AttachScreen(ModalScreen["tuple[str, ...]"]):
    """Add files by path, remove them with delete; escape is done."""

    DEFAULT_CSS = styles.load("screens/support/AttachScreen.tcss")
    BINDINGS = [
        Binding("escape", "done", "Done", id="attach.done"),
        Binding("delete", "remove", "Remove file", id="attach.remove"),
    ]

    def __init__(self, paths: Sequence[str]) -> None:
        super().__init__()
        self.paths: list[str] = list(paths)

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Attach files"
            yield Label("Attached files (delete removes the highlighted one):")
            yield OptionList(id="attached")
            yield Label("Path of a file to attach (enter adds it):")
            yield Input(placeholder="~/report.txt", id="path")
            yield Static("", classes="attach-error")
            yield Static(Text(f"Up to {human_size(MAX_BYTES)} per file. Escape when done."),
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
            options.add_option(Option(Text("(none yet)", style="dim"), disabled=True))

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
            self._error(f"{clean(path.name)} is already attached.")
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
                self._error("Highlight a file in the list first (tab moves there).")
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
            self.owner.notify(f"Could not save the draft: {exc.strerror or exc}", severity="error",
                               markup=False)
