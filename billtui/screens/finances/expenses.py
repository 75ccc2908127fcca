"""Expenses: the list for a period, its total per currency, and spending per month as a chart.

People would rather look than read here, so above the list sits a bar chart of
the last 12 months. Totals are not in the panel's list reply, so they are added
up from every page of the period (``iter_pages``, up to billtui's ceiling for one
list), per day; a period inside the last 12 months is then summed from those days
without asking the panel again. Adding up runs in a worker that stops when the pane
is left and starts again when it is shown, so a long list never reads on unseen.
"""

from __future__ import annotations

import asyncio
import builtins
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from billtui.display.plain import is_plain
from billtui.i18n import N_, _, ngettext, pgettext
from billtui.i18n import formats
from billtui.widgets.async_pane import error_text
from billtui.widgets.list_pane import ListPane
from billtui.screens.finances.period import FilterChoice, Period, PeriodScreen, add_months, describe, preset
from billtui.workers import later
from billtui.display import styles
from billtui.widgets.pane import Pane

PAGE = 250  # rows per request while adding up: small enough that parsing one page never holds keys back
ADD_UP_GAP = 0.02  # seconds between pages while adding up, for the screen and keys
BLOCKS = " ▁▂▃▄▅▆▇█"
SUMMARY_GROUP = "expense-summary"  # the adding-up worker
#: The months' short names under the bars, translated where shown (``month_name``).
MONTHS = (N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
          N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"))


def month_name(month: date, year: bool = False) -> str:
    """``Jan``, or with ``year`` ``Jan 26``, in the current language."""
    name = _(MONTHS[month.month - 1])
    return name if not year else f"{name} {month.strftime('%y')}"


def amount_text(amount: Decimal, currency: str) -> str:
    """``1,234.50 USD`` as the language writes numbers (an amount added up here, not a panel's ``Money``)."""
    return f"{formats.number(amount)} {currency}"


@dataclass
class DailyTotals:
    """Amounts per day and currency for one period, and how many rows made them."""

    period: Period
    days: dict[date, dict[str, Decimal]] = field(default_factory=dict)
    count: int = 0
    undated: dict[str, Decimal] = field(default_factory=dict)
    #: What did not add up while reading (billtui's ceiling, the panel's count), or None.
    note: str | None = None

    def add(self, day: date | None, currency: str, amount: Decimal) -> None:
        bucket = self.days.setdefault(day, {}) if day is not None else self.undated
        bucket[currency] = bucket.get(currency, Decimal(0)) + amount

    def covers(self, period: Period) -> bool:
        """Whether ``period`` lies inside the days added up here."""
        mine = self.period
        if period.start is None or mine.start is None or period.start < mine.start:
            return False
        return mine.end is None or (period.end is not None and period.end <= mine.end)

    def totals(self, period: Period | None = None) -> dict[str, Decimal]:
        out: dict[str, Decimal] = defaultdict(Decimal)
        for day, amounts in self.days.items():
            if period is None or period.contains(day):
                for cur, amount in amounts.items():
                    out[cur] += amount
        if period is None or period.is_all:
            for cur, amount in self.undated.items():
                out[cur] += amount
        return dict(out)

    def count_in(self, period: Period) -> int | None:
        return self.count if period == self.period else None

    def months(self, first: date, n: int = 12) -> list[tuple[date, dict[str, Decimal]]]:
        out = []
        for i in range(n):
            month = add_months(first, i)
            sums: dict[str, Decimal] = defaultdict(Decimal)
            for day, amounts in self.days.items():
                if day.year == month.year and day.month == month.month:
                    for cur, amount in amounts.items():
                        sums[cur] += amount
            out.append((month, dict(sums)))
        return out


async def add_up(client: Any, period: Period, progress: Callable[[int, int], None] | None = None) -> DailyTotals:
    """Every expense of ``period``, page by page, summed per day and currency."""
    from billtui.api import lists

    result = DailyTotals(period)
    walk = lists.iter_pages(client, lists.EXPENSES, page_size=PAGE, filters=period.filters())
    async for chunk in walk:
        for row in chunk.rows:
            if row.amount is not None:
                result.add(row.date, row.amount.currency, row.amount.amount)
        result.count += len(chunk.rows)
        if progress is not None:
            progress(result.count, walk.expected)
        # Each page is a long parse; a short gap between pages lets keys and frames
        # through between pages (100,000 expenses: 400 pages to add up).
        await asyncio.sleep(ADD_UP_GAP)
    result.note = walk.note
    return result


def money_text(totals: dict[str, Decimal]) -> str:
    if not totals:
        return pgettext("total", "nothing")
    return ", ".join(amount_text(amount, cur) for cur, amount in sorted(totals.items()))


class MonthBars(Static):
    """Vertical bars, one per month, in eighth-blocks: readable in 16 colours and at 80 columns."""

    DEFAULT_CSS = styles.load("screens/finances/MonthBars.tcss")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__("", **kwargs)
        self.months: list[tuple[date, Decimal]] = []
        self.currency = ""
        self.note = ""
        self.bar_height = 6

    def refresh_chart(self) -> None:
        if self.months:
            self.update(self.chart(self.size.width or 80))

    def set_data(self, months: list[tuple[date, Decimal]], currency: str, note: str = "") -> None:
        self.months = months
        self.currency = currency
        self.note = note
        self.update(self.chart(self.size.width or 80))

    def on_resize(self) -> None:
        self.refresh_chart()

    def chart(self, width: int) -> Text:
        months = self.months
        if not months:
            return Text(_("No spending in the last 12 months."), style="dim")
        peak = max((v for _month, v in months), default=Decimal(0))
        if is_plain(self):
            return self.plain_chart(width, peak)
        col = max(3, min(8, (width - 1) // max(1, len(months)) - 1))
        text = Text(no_wrap=True)
        levels = self.bar_height * 8
        # Something spent is never an empty column: at least one eighth.
        heights = [max(1, int(v / peak * levels)) if peak > 0 and v > 0 else 0 for _month, v in months]
        for row in range(self.bar_height, 0, -1):
            for h in heights:
                filled = h - (row - 1) * 8
                block = BLOCKS[max(0, min(8, filled))]
                text.append((block * col).ljust(col), style="cyan")
                text.append(" ")
            text.append("\n")
        for month, _value in months:
            label = month_name(month) if col < 6 else month_name(month, year=True)
            text.append(label[:col].center(col), style="bold" if month.month == 1 else "")
            text.append(" ")
        text.append("\n")
        top = _("peak {amount}").format(amount=amount_text(peak, self.currency))
        latest = months[-1][1]
        text.append(_("{peak} · this month {amount}").format(peak=top, amount=amount_text(latest, self.currency)),
                    style="dim")
        if self.note:
            text.append(f" · {self.note}", style="dim")
        return text


    def plain_chart(self, width: int, peak: Decimal) -> Text:
        """Plain mode has no block characters, and a screen reader reads lines: one line per
        month, its amount in words and digits first, then a bar of ``#``."""
        amounts = [amount_text(v, self.currency) for _month, v in self.months]
        amount_width = max(len(a) for a in amounts)
        room = max(4, width - 2 - 8 - 2 - amount_width - 2)
        text = Text(no_wrap=True)
        for (month, value), amount in zip(self.months, amounts):
            bar = "#" * max(1, int(value / peak * room)) if peak > 0 and value > 0 else ""
            label = f"{_(MONTHS[month.month - 1])} {month.year}"
            text.append(f"{label:8}  {amount:>{amount_width}}  {bar}\n")
        text.append(_("peak {amount}").format(amount=amount_text(peak, self.currency)))
        if self.note:
            text.append(f" · {self.note}")
        return text


class ExpensesPane(Pane, Vertical):
    DEFAULT_CSS = styles.load("screens/finances/ExpensesPane.tcss")
    BINDINGS = [Binding("t", "period", N_("Period"), id="expenses.period"),
                Binding("b", "toggle_chart", N_("Chart"), id="expenses.toggle-chart")]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.choice = FilterChoice(Period("all"))
        self.year: DailyTotals | None = None
        self.totals: dict[str, Decimal] | None = None
        #: Set when adding up was stopped because the pane was left: it starts again when shown.
        self._summary_stopped = False

    @property
    def billtui(self) -> Any:
        return self.app

    def compose(self) -> ComposeResult:
        from billtui.screens.finances.specs import expenses_spec

        chart = MonthBars(id="expense-chart")
        chart.border_title = _("Spending per month, last 12 months")
        yield chart
        yield Static(Text(_("Adding up…")), id="expense-summary")
        yield ListPane(expenses_spec())

    def on_mount(self) -> None:
        self.reload_summary()

    @property
    def list(self) -> ListPane:
        return self.query_one(ListPane)

    def focus_content(self) -> None:
        self.list.focus_content()

    def reload(self) -> None:
        self.year = None
        self.list.reload()
        self.reload_summary()

    def action_toggle_chart(self) -> None:
        self.query_one("#expense-chart").toggle_class("-hidden")

    def action_period(self) -> None:
        def chosen(choice: FilterChoice | None) -> None:
            if choice is not None:
                self.apply_period(choice.period)

        self.app.push_screen(PeriodScreen(_("Expenses for…"), self.billtui.today(), self.choice,
                                          presets=("all", "month", "last_month", "quarter", "year")),
                             callback=chosen)

    def apply_period(self, period: Period) -> None:
        self.choice = FilterChoice(period)
        self.list.set_filters(period.filters())
        self.reload_summary()

    # ----------------------------------------------------------------- summary

    def _summary(self, text: str, style: str = "") -> None:
        # Adding up can outlive the pane (quitting mid-way): then there is nothing to update.
        for summary in self.query("#expense-summary").results(Static):
            summary.update(Text(text, style=style))

    def reload_summary(self) -> None:
        self._summary_stopped = False
        self.run_worker(later(self._load_summary), group=SUMMARY_GROUP, exclusive=True)

    def _summary_workers(self) -> builtins.list[Any]:
        return [w for w in self.workers if w.node is self and w.group == SUMMARY_GROUP and not w.is_finished]

    def on_hide(self) -> None:
        # Left for another pane (the menu keeps panes mounted, only hidden): adding up thousands
        # of expenses nobody is looking at would go on loading the panel, so it stops here.
        running = self._summary_workers()
        for worker in running:
            worker.cancel()
        if running:
            self._summary_stopped = True
            self._summary(_("Adding up stopped (the pane was left); it starts again when you come back."), "dim")

    def on_show(self) -> None:
        if self._summary_stopped:
            self.reload_summary()

    async def _load_summary(self) -> None:
        # Adding up reads every page of the period: let the list's first page in first.
        await self.list.table.wait_answered()
        client = self.billtui.client
        label = describe(self.choice).plain
        try:
            if self.year is None:
                year = preset("last_12", self.billtui.today())
                self._summary(_("Adding up the last 12 months…"))
                self.year = await add_up(client, year, lambda done, total: self._summary(
                    ngettext("Adding up the last 12 months… {done} of {total} expenses",
                             "Adding up the last 12 months… {done} of {total} expenses", total).format(
                        done=formats.number(done, 0), total=formats.number(total, 0))))
                self._show_chart(self.year)
            period = self.choice.period
            if self.year.covers(period):
                totals, note = self.year.totals(period), self.year.note
            else:
                self._summary(_("Adding up {period}…").format(period=label))
                done = await add_up(client, period, lambda done, total: self._summary(
                    ngettext("Adding up {period}… {done} of {total} expenses",
                             "Adding up {period}… {done} of {total} expenses", total).format(
                        period=label, done=formats.number(done, 0), total=formats.number(total, 0))))
                totals, note = done.totals(), done.note
        except Exception as exc:
            self._summary(_("✗ Could not add up the expenses: {error} Press r to retry.").format(error=error_text(exc)),
                          "bold red")
            return
        self.totals = totals
        if note:
            # Not every expense was read (billtui's ceiling, or the panel's count is off): say so,
            # a total that looks complete but is not would be worse than none.
            self._summary(_("{period}: total {amount} — may be incomplete: {note}").format(
                period=label, amount=money_text(totals), note=note), "bold yellow")
            return
        self._summary(_("{period}: total {amount}").format(period=label, amount=money_text(totals)), "bold")

    def _show_chart(self, year: DailyTotals) -> None:
        first = year.period.start or self.billtui.today().replace(day=1)
        months = year.months(first)
        totals = year.totals()
        currency = max(totals, key=lambda c: totals[c]) if totals else ""
        others = sorted(c for c in totals if c != currency)
        note = _("also spent in {currencies} (not charted)").format(currencies=", ".join(others)) if others else ""
        self.query_one(MonthBars).set_data([(m, sums.get(currency, Decimal(0))) for m, sums in months],
                                           currency, note)

    def on_resize(self) -> None:
        chart = self.query_one(MonthBars)
        chart.bar_height = 3 if self.size.height < 30 else 6  # leave room for the list at 80x24
        chart.refresh_chart()

    def on_key(self, event: Any) -> None:
        if event.key == "r":
            self.year = None
            self.reload_summary()  # the list reloads itself on r as well
