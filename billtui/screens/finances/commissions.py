"""Affiliate program commissions: rewards per day for a period, with the total, the
detail of one day (which referral, which service, how much), and referral clicks.

The panel's report takes a period (current month, current year, or dates); ``t``
changes it, Enter on a day opens its detail.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from billtui.display import format as fmt
from billtui.display.safe import clean, plain
from billtui.i18n import N_, _, ngettext, pgettext
from billtui.i18n import formats
from billtui.widgets.async_pane import error_text
from billtui.widgets.footer import Footer
from billtui.widgets.vim import VIM_KEYS
from billtui.widgets.list_pane import ListPane
from billtui.screens.finances.period import FilterChoice, Period, PeriodScreen, describe
from billtui.screens.finances.specs import clicks_spec
from billtui.host import HostApp, host
from billtui.workers import later
from billtui.display import styles
from billtui.widgets.pane import Pane

if TYPE_CHECKING:
    from billtui.api.models import Reward


def report_period(period: Period) -> tuple[str, str, str]:
    """(panel period, start, end) for ``period``."""
    if period.key == "month":
        return "currentmonth", "", ""
    if period.key == "year":
        return "currentyear", "", ""
    return "other", str(period.start or ""), str(period.end or "")


def sums_text(totals: dict[str, Decimal]) -> str:
    """``12.00 EUR, 3.50 USD`` as the language writes numbers, or "nothing"."""
    return ", ".join(f"{formats.number(amount)} {cur}" for cur, amount in sorted(totals.items())) or pgettext("total", "nothing")


def totals_text(rewards: "list[Reward]") -> str:
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for r in rewards:
        totals[r.amount.currency] += r.amount.amount
    return sums_text(totals)


class RewardDays(DataTable):
    DEFAULT_CSS = styles.load("screens/finances/RewardDays.tcss")
    BINDINGS = VIM_KEYS


class CommissionsPane(Pane, Vertical):
    DEFAULT_CSS = styles.load("screens/finances/CommissionsPane.tcss")
    BINDINGS = [Binding("t", "period", N_("Period"), id="commissions.period")]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.choice = FilterChoice(Period("year"))
        self.rewards: list[Reward] = []
        #: The report's period options as this panel offers them (fetched once; None = not yet).
        self.period_options: list[Any] | None = None

    @property
    def billtui(self) -> Any:
        return self.app

    def compose(self) -> ComposeResult:
        with Vertical(id="rewards") as box:
            box.border_title = _("Rewards")
            yield Static(_("Loading…"), id="rewards-status")
            yield RewardDays(id="reward-days", cursor_type="row")
        yield ListPane(clicks_spec())

    def on_mount(self) -> None:
        self.query_one(RewardDays).add_columns(_("Date"), _("Commission"))
        self.reload_rewards()

    def focus_content(self) -> None:
        # A jump (``:com``) may ask for focus before the pane has composed its children: then focus
        # once they are there instead of failing.
        days = self.query(RewardDays)
        if days:
            days.first().focus()
            return

        def later() -> None:
            found = self.query(RewardDays)
            if found:
                found.first().focus()

        self.call_after_refresh(later)

    def reload(self) -> None:
        self.reload_rewards()
        self.query_one(ListPane).reload()

    def _status(self, text: str, error: bool = False) -> None:
        status = self.query_one("#rewards-status", Static)
        status.set_class(error, "-error")
        status.update(Text(text))

    def reload_rewards(self) -> None:
        self.run_worker(later(self._load), group="rewards", exclusive=True)

    async def _load(self) -> None:
        from billtui.api.calls import finance

        period, start, end = report_period(self.choice.period)
        label = describe(self.choice).plain
        self._status(_("Loading the rewards of {period}…").format(period=label))
        try:
            if self.period_options is None:
                # The panel's own period keys (slist period), as the production panel reads them first.
                self.period_options = await finance.reward_periods(self.billtui.client)
            period = finance.reward_period_key(self.period_options, period)
            rewards = await finance.rewards(self.billtui.client, period, start or None, end or None)
        except Exception as exc:
            self._status(_("✗ Could not load the rewards: {error} Press r to retry.").format(error=error_text(exc)),
                         error=True)
            return
        self.rewards = sorted(rewards, key=lambda r: r.date, reverse=True)
        table = self.query_one(RewardDays)
        table.clear()
        for r in self.rewards:
            table.add_row(fmt.day(r.date), Text(fmt.money(r.amount), justify="right"), key=r.date.isoformat())
        box = self.query_one("#rewards")
        # Titles are Text: a str title is read as markup, and the label and totals hold panel text.
        box.border_title = plain(_("Rewards · {period}").format(period=label))
        box.border_subtitle = plain(_("Total {amount}").format(amount=totals_text(self.rewards)))
        n = len(self.rewards)
        self._status(ngettext("{n} day with rewards. Enter shows who brought them; t changes the period.",
                              "{n} days with rewards. Enter shows who brought them; t changes the period.",
                              n).format(n=n) if self.rewards
                     else _("No rewards in {period}. t changes the period.").format(period=label))

    def on_key(self, event: Any) -> None:
        if event.key == "r" and self.query_one(RewardDays).has_focus:
            event.stop()
            self.reload_rewards()

    def action_period(self) -> None:
        def chosen(choice: FilterChoice | None) -> None:
            if choice is None:
                return
            if choice.period.is_all:
                self.notify(_("Choose the month, the year, or dates."), severity="warning")
                return
            self.choice = choice
            self.reload_rewards()

        self.app.push_screen(PeriodScreen(_("Rewards for…"), self.billtui.today(), self.choice,
                                          presets=("month", "year")), callback=chosen)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id != "reward-days" or event.row_key.value is None:
            return
        event.stop()
        self.app.push_screen(RewardDetailScreen(date.fromisoformat(str(event.row_key.value))))


class RewardDetailScreen(ModalScreen[None]):
    """One day's commissions: which service, at which rate, how much you earned, which referral.

    The columns are what real panels send (name, reward = the rate, amount = the commission,
    referal, cdate — Karantir-dev/billing-typescript DetailsModal.jsx); the total sums ``amount``."""

    DEFAULT_CSS = styles.load("screens/finances/RewardDetailScreen.tcss")
    BINDINGS = [Binding("escape,q", "dismiss", N_("Close"), id="reward-detail.dismiss")]

    def __init__(self, day: date) -> None:
        super().__init__()
        self.day = day

    def compose(self) -> ComposeResult:
        with VerticalScroll() as box:
            box.border_title = _("Commissions of {day}").format(day=fmt.day(self.day))
            yield Static(_("Loading…"), id="detail-status")
            yield DataTable(id="detail", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(_("Service"), _("Rate"), _("Commission"), _("Referral"), _("Date"))
        self.run_worker(later(self._load), exclusive=True)

    async def _load(self) -> None:
        from billtui.api.calls import finance

        status = self.query_one("#detail-status", Static)
        try:
            rows = await finance.reward_detail(host(self).client, self.day)
        except Exception as exc:
            status.update(Text(_("✗ Could not load the detail: {error} Press escape and try again.").format(
                error=error_text(exc))))
            return
        table = self.query_one(DataTable)
        for r in rows:
            table.add_row(Text(clean(r.service)), Text(clean(r.rate), justify="right"),
                          Text(fmt.money(r.amount), justify="right"), Text(clean(r.referral)),
                          fmt.day(r.created))
        total: dict[str, Decimal] = defaultdict(Decimal)
        for r in rows:
            if r.amount is not None:
                total[r.amount.currency] += r.amount.amount
        status.update(Text(ngettext("{n} commission, total {amount}.", "{n} commissions, total {amount}.",
                                    len(rows)).format(n=len(rows), amount=sums_text(total))))
        table.focus()
