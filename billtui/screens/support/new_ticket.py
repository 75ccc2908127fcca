"""Open a new ticket: department, related service, subject, message, files.

The form is a draft on disk while it is filled in (one "new ticket" draft per
profile), so closing it, a failed send or a killed billtui loses nothing. A
missing subject or message marks the field; the rest stays as typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Select, Static, TextArea

from billtui.storage import drafts
from billtui.display.safe import clean
from billtui.i18n import N_, _
from billtui.widgets.async_pane import error_text
from billtui.widgets.field import Field
from billtui.widgets.footer import Footer
from billtui.screens.support.ticket_compose import AttachmentProblem, AttachScreen, Autosave, attachments_line, read_files
from billtui.host import HostApp, host
from billtui.display import styles


#: Panel field → our field id (so a FieldError from the panel marks the right field).
_FIELDS = {"client_department": "department", "ticket_item": "item", "subject": "subject", "message": "message"}


class NewTicketScreen(Screen["str | None"]):
    DEFAULT_CSS = styles.load("screens/support/NewTicketScreen.tcss")
    BINDINGS = [
        Binding("escape", "close", N_("Close (draft kept)"), id="new-ticket.close"),
        Binding("ctrl+s", "send", N_("Send"), priority=True, id="new-ticket.send"),
        Binding("ctrl+o", "attach", N_("Attach file"), priority=True, id="new-ticket.attach"),
        Binding("ctrl+r", "reload", N_("Reload form"), id="new-ticket.reload"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.store = drafts.store_for(self.app)
        self.draft = self.store.load(drafts.NEW_TICKET) or drafts.Draft()
        self.attachments: list[str] = list(self.draft.attachments)
        self.autosave: Autosave[drafts.Draft] = Autosave(self, self.current, self._write_draft)
        self.sending = False
        self._options_loaded = False

    @property
    def billtui(self) -> HostApp:
        return host(self)

    def compose(self) -> ComposeResult:
        from billtui.widgets.header_bar import HeaderBar

        yield HeaderBar()
        yield Static(Text(_("New ticket")), classes="nt-title")
        yield Static(_("Loading departments and services…"), classes="nt-status")
        with VerticalScroll():
            yield Field(_("Department"), Select([], prompt=_("Loading…"), id="department"), id="f-department")
            yield Field(_("Related service (optional)"), Select([], prompt=_("No service"), id="item"),
                        id="f-item")
            yield Field(_("Subject"), Input(self.draft.subject, placeholder=_("What is it about?"), id="subject"),
                        id="f-subject")
            yield Field(_("Message"), TextArea(self.draft.message, id="message", soft_wrap=True), id="f-message",
                        hint=_("Saved as a draft while you type. ctrl+s sends, ctrl+o attaches files."))
            yield Static(attachments_line(self.attachments), classes="nt-attachments")
        yield Footer()

    def on_mount(self) -> None:
        from billtui.widgets.header_bar import HeaderBar

        header = self.query_one(HeaderBar)
        header.show_session(self.app)
        header.crumb = _("Support › New ticket")
        if not self.draft.empty:
            self.call_after_refresh(self.notify, _("Your unsent ticket was restored from the draft."), timeout=5)
        self.query_one("#subject", Input).focus()
        self.load_form()

    # ------------------------------------------------------------- form

    @work(exclusive=True, group="new-ticket-form")
    async def load_form(self) -> None:
        from billtui.api.calls import support

        self._status(_("Loading departments and services…"))
        try:
            form = await support.ticket_form(self.billtui.client)
        except Exception as exc:
            self._status(_("✗ Could not load the departments: {error} Press ctrl+r to retry; what you typed "
                           "stays.").format(error=error_text(exc)), error=True)
            return
        departments = [(Text(clean(o.label)), o.key) for o in form.options.get("client_department", [])]
        items = [(Text(clean(o.label)), o.key) for o in form.options.get("ticket_item", []) if o.key]
        dept = self.query_one("#department", Select)
        dept.set_options(departments)
        wanted = self.draft.department or form.values.get("client_department", "")
        if any(key == wanted for _label, key in departments):
            dept.value = wanted
        elif departments:
            dept.value = departments[0][1]
        item = self.query_one("#item", Select)
        item.set_options(items)
        if self.draft.item and any(key == self.draft.item for _label, key in items):
            item.value = self.draft.item
        self._options_loaded = True
        self._status("")

    def action_reload(self) -> None:
        self.load_form()

    def _status(self, text: str, *, error: bool = False) -> None:
        status = self.query_one(".nt-status", Static)
        status.set_class(error, "-error")
        status.display = bool(text)
        status.update(Text(text))

    def _select_value(self, widget_id: str) -> str:
        value = self.query_one(f"#{widget_id}", Select).value
        return "" if value is Select.NULL or value is None else str(value)

    def current(self) -> drafts.Draft:
        return drafts.Draft(
            message=self.query_one("#message", TextArea).text,
            subject=self.query_one("#subject", Input).value,
            department=self._select_value("department") or self.draft.department,
            item=self._select_value("item") if self._options_loaded else self.draft.item,
            attachments=tuple(self.attachments),
        )

    # ----------------------------------------------------------- drafts

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.value.strip():
            self.query_one("#f-subject", Field).set_error(None)
        self.autosave.changed()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.text.strip():
            self.query_one("#f-message", Field).set_error(None)
        self.autosave.changed()

    def on_select_changed(self, _event: Select.Changed) -> None:
        if self._options_loaded:
            self.autosave.changed()

    def _write_draft(self, draft: drafts.Draft) -> None:
        self.store.save(drafts.NEW_TICKET, draft)

    def on_unmount(self) -> None:
        self.autosave.flush()

    def has_unsaved(self) -> bool:
        self.autosave.flush()
        return False

    def action_close(self) -> None:
        self.autosave.flush()
        if not self.current().empty:
            self.notify(_("The new ticket is kept as a draft; press n in Open tickets to continue."), timeout=5)
        self.dismiss(None)

    # ------------------------------------------------------ attachments

    def action_attach(self) -> None:
        def done(paths: tuple[str, ...] | None) -> None:
            if paths is not None and list(paths) != self.attachments:
                self.attachments = list(paths)
                self.query_one(".nt-attachments", Static).update(attachments_line(self.attachments))
                self.autosave.changed()

        self.app.push_screen(AttachScreen(self.attachments), callback=done)

    # ------------------------------------------------------------- send

    def _mark(self, field: str, message: str | None) -> None:
        self.query_one(f"#f-{field}", Field).set_error(message)

    def action_send(self) -> None:
        if self.sending:
            return
        draft = self.current()
        missing = []
        self._mark("subject", None)
        self._mark("message", None)
        if not draft.subject.strip():
            self._mark("subject", _("Write a subject: a few words about the problem."))
            missing.append("subject")
        if not draft.message.strip():
            self._mark("message", _("Write your message: what happened and what you need."))
            missing.append("message")
        if missing:
            self.query_one(f"#{missing[0]}").focus()
            self._status(_("Not sent: fill in the marked fields. Nothing you typed was lost."), error=True)
            return
        try:
            files = read_files(self.attachments)
        except AttachmentProblem as exc:
            self._status(_("Not sent: {problem} (ctrl+o changes the attached files)").format(problem=exc.message),
                         error=True)
            return
        self.autosave.changed()
        self.autosave.flush()
        self.send(draft, files)

    @work(exclusive=True, group="new-ticket-send")
    async def send(self, draft: drafts.Draft, files: list[tuple[str, bytes]]) -> None:
        from billtui.api import errors
        from billtui.api.calls import support

        self.sending = True
        self._status(_("Sending the ticket…"))
        try:
            ticket_id = await support.create_ticket(
                self.billtui.client, subject=draft.subject.strip(), message=draft.message,
                department=draft.department, item=draft.item, files=files)
        except errors.FieldError as exc:
            field = _FIELDS.get(exc.field)
            message = clean(exc.message)
            if field:
                self._mark(field, message)
                self.query_one(f"#{field}").focus()
            self._status(_("Not sent: {error} Your text is kept as a draft.").format(error=message), error=True)
            return
        except errors.OutcomeUnknown as exc:
            self._status(_("{error} Look in Open tickets before sending again; your text is kept as a "
                           "draft.").format(error=error_text(exc)), error=True)
            return
        except Exception as exc:
            self._status(_("Not sent: {error} Your text is kept as a draft; press ctrl+s to try "
                           "again.").format(error=error_text(exc)), error=True)
            return
        finally:
            self.sending = False
        self.store.delete(drafts.NEW_TICKET)
        self.autosave.close()  # sent: nothing left to save
        self.dismiss(ticket_id or "")
