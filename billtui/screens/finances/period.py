"""Periods for finance lists (this month, last month, quarter, year, custom dates)
and the small form that picks one (plus, for payments, a status).

Periods are computed from ``app.today()`` so the demo panel's pinned day and a
real panel's clock give the same "this month".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select

from billtui.widgets.field import Field
from billtui.display import format as fmt
from billtui.display.safe import plain
from billtui.i18n import N_, _, pgettext
from billtui.i18n.formats import date_hint
from billtui.widgets.footer import Footer
from billtui.display import styles

#: The presets' names, translated where shown (``_(LABELS[key])``).
LABELS: dict[str, str] = {
    "all": N_("All time"),
    "month": N_("This month"),
    "last_month": N_("Last month"),
    "quarter": N_("This quarter"),
    "year": N_("This year"),
    "last_12": N_("Last 12 months"),
    "custom": N_("Custom dates"),
}


@dataclass(frozen=True)
class Period:
    """A date range; ``start``/``end`` None means open on that side."""

    key: str
    start: date | None = None
    end: date | None = None

    @property
    def label(self) -> str:
        if self.key == "custom":
            return f"{shown_date(self.start) or '…'} – {shown_date(self.end) or '…'}"
        return _(LABELS[self.key]) if self.key in LABELS else self.key

    @property
    def is_all(self) -> bool:
        return self.start is None and self.end is None

    def filters(self) -> dict[str, str]:
        """The ``from``/``to`` filter keys of ``billtui.api.lists`` for this period."""
        out: dict[str, str] = {}
        if self.start:
            out["from"] = self.start.isoformat()
        if self.end:
            out["to"] = self.end.isoformat()
        return out

    def contains(self, day: date | None) -> bool:
        if day is None:
            return self.is_all
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


def add_months(day: date, months: int) -> date:
    """The first of the month ``months`` away from ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def preset(key: str, today: date) -> Period:
    first = today.replace(day=1)
    if key == "month":
        return Period(key, first, today)
    if key == "last_month":
        start = add_months(first, -1)
        return Period(key, start, first - timedelta(days=1))
    if key == "quarter":
        return Period(key, date(today.year, (today.month - 1) // 3 * 3 + 1, 1), today)
    if key == "year":
        return Period(key, today.replace(month=1, day=1), today)
    if key == "last_12":
        return Period(key, add_months(first, -11), today)
    return Period("all")


def strict_date(text: str) -> date | None:
    """A typed date, strictly (the panel's parser forgives; a user's typo must not pass): ISO
    ``YYYY-MM-DD`` or ``DD.MM.YYYY`` as Russian writes it, whichever language billtui speaks."""
    text = text.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text)
        dotted = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)
        if dotted:
            return date(int(dotted[3]), int(dotted[2]), int(dotted[1]))
    except ValueError:
        return None
    return None


def shown_date(day: date | None) -> str:
    """A date as the language writes it, for a date field ("" for none): what ``strict_date`` reads back."""
    return fmt.day(day) if day else ""


@dataclass(frozen=True)
class FilterChoice:
    period: Period
    status: str = ""  # a status code as the list's filter takes it; "" = any


class PeriodScreen(ModalScreen["FilterChoice | None"]):
    """Pick a period (presets or custom dates) and, optionally, a status."""

    DEFAULT_CSS = styles.load("screens/finances/PeriodScreen.tcss")
    BINDINGS = [
        Binding("ctrl+s", "apply", N_("Apply"), id="period.apply"),
        Binding("ctrl+r", "clear", N_("All time"), id="period.clear"),
        Binding("escape", "cancel", N_("Cancel"), id="period.cancel"),
    ]

    def __init__(self, title: str, today: date, current: FilterChoice, *,
                 presets: Sequence[str] = ("all", "month", "last_month", "quarter", "year"),
                 statuses: Sequence[tuple[str, str]] = ()) -> None:
        super().__init__()
        self.title_text = title
        self.today = today
        self.current = current
        self.presets = tuple(presets)
        self.statuses = tuple(statuses)

    def compose(self) -> ComposeResult:
        period = self.current.period
        options = [(_(LABELS[k]), k) for k in self.presets] + [(_(LABELS["custom"]), "custom")]
        with Vertical() as box:
            box.border_title = plain(self.title_text)
            keys = {value for _label, value in options}
            yield Field(_("Period"), Select(options, value=period.key if period.key in keys else "all",
                                            allow_blank=False, id="period"))
            with Horizontal(classes="dates"):
                anyday = pgettext("date", "any")
                yield Field(_("From ({hint})").format(hint=date_hint()),
                            Input(shown_date(period.start), placeholder=anyday, id="from"), id="from-field")
                yield Field(_("To ({hint})").format(hint=date_hint()),
                            Input(shown_date(period.end), placeholder=anyday, id="to"), id="to-field")
            if self.statuses:
                # The statuses' labels are marked with N_() by the list that offers them.
                status_options = [(_("Any status"), "")] + [(_(label), key) for key, label in self.statuses]
                yield Field(_("Status"), Select(status_options, value=self.current.status or "",
                                                allow_blank=False, id="status"))
            with Horizontal(classes="buttons"):
                yield Button(_("Cancel (esc)"), id="cancel")
                yield Button(_("Apply (ctrl+s)"), id="apply", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        # query, not query_one: escape pressed right after t closes the dialog before it mounts.
        for select in self.query("#period").results(Select):
            select.focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id != "period" or event.value in ("custom", Select.BLANK):
            return
        chosen = preset(str(event.value), self.today)
        self.query_one("#from", Input).value = shown_date(chosen.start)
        self.query_one("#to", Input).value = shown_date(chosen.end)

    def on_input_changed(self, event: Input.Changed) -> None:
        """Typing a date makes the period custom; the dates a preset filled in do not."""
        if event.input.id not in ("from", "to"):
            return
        select = self.query_one("#period", Select)
        if select.value in ("custom", Select.BLANK):
            return
        chosen = preset(str(select.value), self.today)
        typed = (self.query_one("#from", Input).value.strip(), self.query_one("#to", Input).value.strip())
        if typed != (shown_date(chosen.start), shown_date(chosen.end)):
            select.value = "custom"

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "apply":
            self.action_apply()
        else:
            self.action_cancel()

    def _date(self, field_id: str) -> tuple[bool, date | None]:
        text = self.query_one(f"#{field_id}", Input).value.strip()
        field = self.query_one(f"#{field_id}-field", Field)
        if not text:
            field.set_error(None)
            return True, None
        day = strict_date(text)
        field.set_error(None if day else _("“{text}” is not a date. Write it as {hint}, e.g. {example}.").format(
            text=text, hint=date_hint(), example=shown_date(self.today)))
        return day is not None, day

    def action_apply(self) -> None:
        key = str(self.query_one("#period", Select).value)
        if key != "custom":
            period = preset(key, self.today)
        else:
            ok_from, start = self._date("from")
            ok_to, end = self._date("to")
            if not (ok_from and ok_to):
                return
            if start and end and start > end:
                self.query_one("#to-field", Field).set_error(_("The end is before the start."))
                return
            period = Period("custom", start, end) if (start or end) else Period("all")
        status = ""
        if self.statuses:
            value = self.query_one("#status", Select).value
            status = "" if value is Select.BLANK else str(value)
        self.dismiss(FilterChoice(period, status))

    def action_clear(self) -> None:
        self.dismiss(FilterChoice(Period("all"), ""))

    def action_cancel(self) -> None:
        self.dismiss(None)


def describe(choice: FilterChoice, statuses: Sequence[tuple[str, str]] = ()) -> Text:
    """One line for above the list: what it is filtered by."""
    parts = [choice.period.label]
    if choice.status:
        parts.append(_(dict(statuses)[choice.status]) if choice.status in dict(statuses) else choice.status)
    return Text(" · ".join(parts))
