"""Support tickets: the list's actions and one ticket's conversation.

The conversation screen shows every message, lists attachments (``d``
downloads one into the downloads dir under a sanitised name), lets ``+`` / ``-``
rate support's latest reply (as the production panel does) and has a reply
editor at the bottom. What the user types there is a draft on disk from the
first keystroke until the panel confirmed the send: a failed send keeps the
text and says why.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from billtui.storage import drafts
from billtui.display.safe import clean, plain
from billtui.i18n import N_, _, ngettext, pgettext
from billtui.widgets.async_pane import error_text
from billtui.widgets.footer import Footer
from billtui.widgets.ticket_thread import TicketThreadView, human_size, when
from billtui.screens.support.ticket_compose import AttachmentProblem, AttachScreen, Autosave, attachments_line, read_files
from billtui.host import HostApp, announce, host
from billtui.display import styles

if TYPE_CHECKING:
    from billtui.widgets.list_pane import ListPane


# ----------------------------------------------------------------- helpers


def tickets_changed(app: Any) -> None:
    """Something changed on the panel: the ticket lists and the unread count reload."""
    announce(app, "tickets")


# ------------------------------------------------------ list row actions


async def open_ticket(pane: "ListPane", ticket: Any, *, archived: bool = False) -> None:
    pane.app.push_screen(TicketScreen(ticket.id, clean(ticket.subject), archived=archived))


async def open_archived_ticket(pane: "ListPane", ticket: Any) -> None:
    await open_ticket(pane, ticket, archived=True)


async def new_ticket(pane: "ListPane", _row: Any) -> None:
    from billtui.screens.support.new_ticket import NewTicketScreen

    def created(ticket_id: str | None) -> None:
        if ticket_id:
            pane.notify(_("Ticket #{id} created. Support will answer here.").format(id=clean(ticket_id)),
                        title=_("Sent"), markup=False)
            tickets_changed(pane.app)

    pane.app.push_screen(NewTicketScreen(), callback=created)


async def archive_ticket(pane: "ListPane", ticket: Any) -> None:
    """``a``: close a ticket by moving it to the archive, after a confirmation.

    This is how customers close tickets on BILLmanager. The request goes out for any ticket: the
    panel decides, and if it refuses (BILLmanager's docs: a ticket support is still working on may not
    be archivable) its message is shown. The list's ``toarchive`` column only changes the wording.
    """
    from billtui.widgets.confirm import ConfirmScreen

    def decided(ok: bool | None) -> None:
        if ok:
            _change_archive(pane, ticket, archive=True)

    question = _("Close ticket #{id} “{subject}” by moving it to the archive? You can bring it back from "
                 "Archived tickets.").format(id=clean(ticket.id), subject=clean(ticket.subject))
    if not getattr(ticket, "can_archive", False):
        status = clean(getattr(ticket, "status_text", "")) or pgettext("ticket status", "open")
        question += " " + _("Its status is “{status}”: support may still be working on it, and the panel may "
                            "refuse.").format(status=status)
    pane.app.push_screen(ConfirmScreen(question, yes=pgettext("verb", "Archive")), callback=decided)


async def restore_ticket(pane: "ListPane", ticket: Any) -> None:
    _change_archive(pane, ticket, archive=False)


def _change_archive(pane: "ListPane", ticket: Any, *, archive: bool) -> None:
    async def run() -> None:
        from billtui.api.calls import support

        shown = clean(ticket.id)
        pane.notify((_("Archiving ticket #{id}…") if archive else _("Restoring ticket #{id}…")).format(id=shown),
                    timeout=3, markup=False)
        try:
            if archive:
                await support.archive(host(pane).client, ticket.id)
            else:
                await support.restore(host(pane).client, ticket.id)
        except Exception as exc:
            failed = _("Ticket #{id} was not archived: {error}") if archive else _(
                "Ticket #{id} was not restored: {error}")
            pane.notify(failed.format(id=shown, error=error_text(exc)), severity="error", timeout=10, markup=False)
            return
        moved = _("Ticket #{id} moved to the archive.") if archive else _("Ticket #{id} moved to Open tickets.")
        pane.notify(moved.format(id=shown), markup=False)
        tickets_changed(pane.app)

    pane.run_worker(run(), group="ticket-archive")


async def filter_status(pane: "ListPane", _row: Any) -> None:
    """``t``: show only tickets in one status (``/`` searches the subject, see ListFilter)."""
    current = pane.filters.get("status", "")

    def chosen(status: str | None) -> None:
        if status is None:
            return
        filters = {k: v for k, v in pane.filters.items() if k != "status"}
        if status:
            filters["status"] = status
        pane.set_filters(filters)

    pane.app.push_screen(StatusFilterScreen(current), callback=chosen)


class StatusFilterScreen(ModalScreen["str | None"]):
    """Pick a status to filter by ("" = any); escape leaves the filter as it was."""

    DEFAULT_CSS = styles.load("screens/support/StatusFilterScreen.tcss")
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="status-filter.cancel")]

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        from billtui.api.models import TicketStatus

        options = [Option(_("Any status"), id="any")]
        options += [Option(_(s.label), id=f"s{s.value}") for s in TicketStatus
                    if s not in (TicketStatus.UNKNOWN, TicketStatus.ARCHIVED)]
        with Vertical() as box:
            box.border_title = _("Show tickets with status")
            yield OptionList(*options, id="statuses")
        yield Footer()

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.focus()
        if self.current:
            try:
                options.highlighted = options.get_option_index(f"s{self.current}")
            except Exception:
                pass

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or "any"
        self.dismiss("" if option_id == "any" else option_id[1:])

    def action_cancel(self) -> None:
        self.dismiss(None)


# -------------------------------------------------------- the conversation


class AttachmentPicker(ModalScreen["Any | None"]):
    """Pick one attachment of the thread to download."""

    DEFAULT_CSS = styles.load("screens/support/AttachmentPicker.tcss")
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="attachment-picker.cancel")]

    def __init__(self, attachments: list[Any]) -> None:
        super().__init__()
        self.attachments = attachments

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = _("Download an attachment")
            options = []
            for i, att in enumerate(self.attachments):
                label = plain(att.name or _("(no name)"))
                label.append(f"  {human_size(att.size)}", style="dim")
                options.append(Option(label, id=str(i)))
            yield OptionList(*options, id="attachments")
            yield Static(Text(_("Enter saves it to the downloads folder."), style="dim"))
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.attachments[int(event.option.id or 0)])

    def action_cancel(self) -> None:
        self.dismiss(None)


class ReplyEditor(TextArea):
    """The reply box; escape goes back to the conversation instead of closing it."""

    BINDINGS = [Binding("escape", "leave", N_("To conversation"), show=False, id="reply-editor.leave")]

    def action_leave(self) -> None:
        self.screen.query_one(TicketThreadView).focus()


class TicketScreen(Screen[None]):
    DEFAULT_CSS = styles.load("screens/support/TicketScreen.tcss")
    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="ticket.back"),
        Binding("ctrl+s", "send", N_("Send"), priority=True, id="ticket.send"),
        Binding("ctrl+o", "attach", N_("Attach"), priority=True, id="ticket.attach"),
        Binding("ctrl+r", "reload", N_("Reload"), id="ticket.reload"),
        Binding("d", "download", N_("Download"), id="ticket.download"),
        Binding("w", "write", N_("Write"), id="ticket.write"),
        Binding("plus", "rate(True)", N_("Good answer"), id="ticket.good-answer"),
        Binding("minus", "rate(False)", N_("Bad answer"), id="ticket.bad-answer"),
    ]

    def __init__(self, ticket_id: str, subject: str = "", *, archived: bool = False) -> None:
        super().__init__()
        self.ticket_id = ticket_id
        self.subject = subject
        self.archived = archived
        self.thread_data: Any = None
        self.attachments: list[str] = []
        self.sending = False
        self.store = drafts.store_for(self.app)
        self.autosave: Autosave[drafts.Draft] = Autosave(self, self._read_draft, self._write_draft)

    @property
    def billtui(self) -> HostApp:
        return host(self)

    def compose(self) -> ComposeResult:
        from billtui.widgets.header_bar import HeaderBar

        yield HeaderBar()
        yield Static(self._title(), classes="ticket-title")
        yield Static(_("Loading the conversation…"), classes="ticket-status")
        yield TicketThreadView(id="thread")
        if self.archived:
            yield Static(Text(_("This ticket is archived. Restore it (u in Archived tickets) to reply.")),
                         classes="archived-note")
        else:
            with Vertical(id="compose"):
                yield Label(_("Your reply — saved as a draft while you type; ctrl+s sends"), classes="reply-label")
                yield ReplyEditor(id="reply", soft_wrap=True, show_line_numbers=False)
                yield Static(attachments_line(()), classes="reply-attachments")
                yield Static("", classes="reply-error")
        yield Footer()

    def _title(self) -> Text:
        title = Text(_("Ticket #{id}").format(id=clean(self.ticket_id)) + " · ")
        title.append_text(plain(self.subject or "…"))
        if self.archived:
            title.append(" " + _("(archived)"), style="dim")
        return title

    def on_mount(self) -> None:
        from billtui.widgets.header_bar import HeaderBar

        header = self.query_one(HeaderBar)
        header.show_session(self.billtui)
        where = _("Archived tickets") if self.archived else _("Open tickets")
        header.crumb = f"{where} › #{clean(self.ticket_id)}"
        self.query_one(TicketThreadView).focus()
        if not self.archived:
            draft = self.store.load(self.ticket_id)
            if draft is not None:
                self.editor.load_text(draft.message)
                self.attachments = list(draft.attachments)
                self._show_attachments()
                self.editor.focus()
                self.editor.move_cursor(self.editor.document.end)
                self.query_one(".reply-label", Label).update(
                    _("Your reply — restored from your unsent draft; ctrl+s sends"))
                self.call_after_refresh(self.notify, _("Your unsent reply was restored from the draft."),
                                        timeout=5)
        self.load_thread()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.archived and action in ("send", "attach", "write"):
            return False
        if action == "rate" and self._rateable() is None:
            return False
        return True

    @property
    def editor(self) -> ReplyEditor:
        return self.query_one("#reply", ReplyEditor)

    # ----------------------------------------------------------- the thread

    @work(exclusive=True, group="ticket-thread")
    async def load_thread(self) -> None:
        from billtui.api.calls import support

        self._status(_("Loading the conversation…"))
        try:
            thread = await support.thread(self.billtui.client, self.ticket_id)
        except Exception as exc:
            self._status(_("✗ Could not load the conversation: {error} Press ctrl+r to retry.").format(
                error=error_text(exc)), error=True)
            return
        self.thread_data = thread
        self.refresh_bindings()  # + / - appear once there is a reply to rate
        if thread.subject:
            self.subject = thread.subject
            self.query_one(".ticket-title", Static).update(self._title())
        await self.query_one(TicketThreadView).show_messages(thread.messages)
        count = len(thread.messages)
        files = len(self._thread_attachments())
        messages = ngettext("{n} message", "{n} messages", count).format(n=count)
        if files:
            messages = _("{messages}, {attachments} (d downloads)").format(
                messages=messages, attachments=ngettext("{n} attachment", "{n} attachments", files).format(n=files))
        self._status(messages)
        tickets_changed(self.app)  # opening a ticket marks it read on the panel

    def _status(self, text: str, *, error: bool = False) -> None:
        status = self.query_one(".ticket-status", Static)
        status.set_class(error, "-error")
        status.update(Text(text))

    def _thread_attachments(self) -> list[Any]:
        if self.thread_data is None:
            return []
        return [a for m in self.thread_data.messages for a in m.attachments]

    def action_reload(self) -> None:
        self.load_thread()

    def action_back(self) -> None:
        self.autosave.flush()
        self.dismiss(None)

    def action_write(self) -> None:
        if not self.archived:
            self.editor.focus()

    # ------------------------------------------------------------ ratings

    def _rateable(self) -> Any | None:
        """The latest support reply the panel offers to rate (production rates one message at a time)."""
        if self.thread_data is None:
            return None
        for message in reversed(self.thread_data.messages):
            if message.from_support and message.rateable:
                return message
        return None

    def action_rate(self, good: bool) -> None:
        """``+`` / ``-``: rate the latest reply from support (``ticket.message.rate.good|bad``)."""
        if self.editor_has_focus():
            return
        message = self._rateable()
        if message is None:
            self.notify(_("There is no reply from support to rate here."), timeout=4)
            return
        self.send_rating(message, good)

    def editor_has_focus(self) -> bool:
        return not self.archived and self.editor.has_focus

    @work(exclusive=True, group="ticket-rate")
    async def send_rating(self, message: Any, good: bool) -> None:
        from billtui.api.calls import support

        try:
            await support.rate(self.billtui.client, self.ticket_id, message.id, good)
        except Exception as exc:
            self.notify(_("The rating was not saved: {error}").format(error=error_text(exc)), severity="error",
                        timeout=8, markup=False)
            return
        rated = (_("You rated the answer of {when} as good. Thank you.") if good else
                 _("You rated the answer of {when} as bad. Thank you."))
        self.notify(rated.format(when=clean(when(message.posted))), timeout=5, markup=False)
        self.load_thread()

    # ---------------------------------------------------------- downloads

    def action_download(self) -> None:
        attachments = self._thread_attachments()
        if not attachments:
            self.notify(_("This ticket has no attachments."), timeout=4)
            return

        def chosen(attachment: Any | None) -> None:
            if attachment is not None:
                self.download(attachment)

        self.app.push_screen(AttachmentPicker(attachments), callback=chosen)

    @work(group="ticket-download")
    async def download(self, attachment: Any) -> None:
        from billtui.api.calls import support
        from billtui.storage.downloads import save_download

        name = attachment.name or _("attachment")
        self.notify(_("Downloading {name}…").format(name=clean(name)), timeout=3, markup=False)
        try:
            server_name, data = await support.attachment(self.billtui.client, attachment.id)
            path = save_download(attachment.name or server_name, data, fallback=f"attachment-{attachment.id}")
        except Exception as exc:
            self.notify(_("Could not download {name}: {error} Try again with d.").format(
                name=clean(name), error=error_text(exc)), severity="error", timeout=10, markup=False)
            return
        self.notify(_("Saved {name} as {path}").format(name=clean(name), path=clean(str(path))),
                    title=_("Downloaded"), timeout=10, markup=False)
        self.last_download = path

    # ------------------------------------------------------------- drafts

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id == "reply":
            self.autosave.changed()

    def _read_draft(self) -> drafts.Draft | None:
        if self.archived:
            return None
        return drafts.Draft(message=self.editor.text, attachments=tuple(self.attachments))

    def _write_draft(self, draft: drafts.Draft) -> None:
        self.store.save(self.ticket_id, draft)

    def on_unmount(self) -> None:
        self.autosave.flush()

    def has_unsaved(self) -> bool:
        self.autosave.flush()  # drafts are on disk: quitting loses nothing
        return False

    # -------------------------------------------------------- attachments

    def action_attach(self) -> None:
        def done(paths: tuple[str, ...] | None) -> None:
            if paths is not None and list(paths) != self.attachments:
                self.attachments = list(paths)
                self._show_attachments()
                self.autosave.changed()
            self.editor.focus()

        self.app.push_screen(AttachScreen(self.attachments), callback=done)

    def _show_attachments(self) -> None:
        self.query_one(".reply-attachments", Static).update(attachments_line(self.attachments))

    # --------------------------------------------------------------- send

    def _reply_error(self, message: str) -> None:
        error = self.query_one(".reply-error", Static)
        error.set_class(bool(message), "-shown")
        error.update(Text(message))
        self.editor.set_class(bool(message), "-invalid")

    def action_send(self) -> None:
        if self.archived or self.sending:
            return
        text = self.editor.text
        if not text.strip():
            self._reply_error(_("Write your reply first, then press ctrl+s."))
            self.editor.focus()
            return
        try:
            files = read_files(self.attachments)
        except AttachmentProblem as exc:
            self._reply_error(_("Not sent: {problem} (ctrl+o changes the attached files)").format(
                problem=exc.message))
            return
        self.autosave.changed()
        self.autosave.flush()  # on disk before anything leaves the machine
        self.send_reply(text, files)

    @work(exclusive=True, group="ticket-send")
    async def send_reply(self, text: str, files: list[tuple[str, bytes]]) -> None:
        from billtui.api import errors
        from billtui.api.calls import support

        self.sending = True
        self.editor.read_only = True
        self._reply_error("")
        self._status(_("Sending your reply…"))
        try:
            await support.reply(self.billtui.client, self.ticket_id, text, files)
        except errors.OutcomeUnknown as exc:
            # It may have arrived: say so, and keep the draft until the user has looked.
            self._reply_error(_("{error} Reload the conversation (ctrl+r) before sending again; your text is "
                                "kept as a draft.").format(error=error_text(exc)))
            self._status(_("The reply may or may not have arrived."), error=True)
            return
        except Exception as exc:
            self._reply_error(_("Not sent: {error} Your text is kept as a draft; press ctrl+s to try "
                                "again.").format(error=error_text(exc)))
            self._status(_("The reply was not sent."), error=True)
            return
        finally:
            self.sending = False
            self.editor.read_only = False
        # The panel has it: only now does the draft go.
        self.store.delete(self.ticket_id)
        self.autosave.dirty = False
        self.editor.clear()
        self.attachments = []
        self._show_attachments()
        self.notify(_("Reply sent."), timeout=4)
        self.query_one(TicketThreadView).focus()
        self.load_thread()
