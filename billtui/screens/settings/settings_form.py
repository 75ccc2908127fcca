"""Pieces shared by the editable settings panes (contact data, user settings,
affiliate program): the panel's option lists as Select choices, and marking a
field with the panel's own error message while keeping what was typed."""

from __future__ import annotations

from typing import Any, Iterable

from rich.text import Text
from textual.widgets import Input, Select, Static

from billtui.display import styles
from billtui.display.safe import clean
from billtui.i18n import _
from billtui.widgets.async_pane import AsyncPane, error_text
from billtui.widgets.field import Field


def choices(form: Any, name: str, current: str = "") -> list[tuple[Text, str]]:
    """The panel's option list for ``name``; a current value it does not list is kept, not lost."""
    out = [(Text(clean(o.label) or o.key), o.key) for o in form.options.get(name, [])]
    if current and all(key != current for _label, key in out):
        out.insert(0, (Text(clean(current)), current))
    return out


def select(form: Any, name: str, widget_id: str) -> Select[str]:
    current = form.values.get(name, "")
    options = choices(form, name, current)
    value = current if current else (options[0][1] if options else Select.NULL)
    return Select(options, value=value, allow_blank=not options, id=widget_id)


class FormPane(AsyncPane):
    """An ``AsyncPane`` holding fields whose ids are ``<prefix>-<panel field>``."""

    prefix: str = "form"
    DEFAULT_CSS = styles.load("screens/settings/FormPane.tcss")

    def fid(self, name: str) -> str:
        return f"{self.prefix}-{name}"

    def field(self, name: str) -> Field | None:
        found = self.query(f"#{self.fid(name)}-field")
        return found.first(Field) if found else None

    def make_field(self, label: str, name: str, control: Any, *, hint: str = "") -> Field:
        if control.id is None:
            control.id = self.fid(name)
        return Field(label, control, hint=hint, id=f"{self.fid(name)}-field")

    def value(self, name: str) -> str:
        widget = self.query_one(f"#{self.fid(name)}")
        if isinstance(widget, Select):
            return "" if widget.value is Select.NULL else str(widget.value)
        if isinstance(widget, Input):
            return widget.value
        return ""

    def clear_errors(self, names: Iterable[str]) -> None:
        for name in names:
            found = self.field(name)
            if found is not None:
                found.set_error(None)

    def mark(self, name: str, message: str) -> None:
        found = self.field(name)
        if found is not None:
            found.set_error(message)
            control = found.control
            if control.focusable:
                control.focus()

    def show_failure(self, exc: BaseException, what: str) -> None:
        """A ``FieldError`` goes on its field; anything else under the title. Input is kept.

        ``what`` is a whole clause, already translated ("Contact data not saved")."""
        from billtui.api.errors import FieldError

        if isinstance(exc, FieldError) and self.field(exc.field) is not None:
            self.mark(exc.field, error_text(exc))
            self.notify(_("{what}: check the marked field.").format(what=what), severity="error")
            return
        self.form_status(_("✗ {what}: {error} Your input is kept; try again.").format(
            what=what, error=error_text(exc)), error=True)

    def form_status(self, text: str, *, error: bool = False) -> None:
        found = self.query(".form-status")
        if not found:
            return
        status = found.first(Static)
        status.set_class(error, "-error")
        status.display = bool(text)
        status.update(Text(text))


def form_status(text: str = "") -> Static:
    """The form's status line, hidden while it has nothing to say."""
    status = Static(Text(text), classes="form-status")
    status.display = bool(text)
    return status

