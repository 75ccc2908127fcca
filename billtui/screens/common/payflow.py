"""The payment page: where the customer actually pays (card form, bank details…).

The panel answers "add funds", "pay the cart" and "renew now" with the URL of a
payment page. On a desktop we open it in the browser; on a server over SSH there
is no browser worth opening, so we show the URL and copy it to the user's own
clipboard with OSC 52 (it travels through SSH), so they pay on their machine.

Every flow that ends on a payment page calls ``show_payment_page``. The panel
chooses the URL, so it goes through ``links.web_url`` first: a ``javascript:``
or ``file:`` "payment page" is refused (the toast says so), never opened or copied.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from billtui.runtime.links import browser_allowed, launch_browser, panel_url, refuse, web_url
from billtui.display.safe import clean
from billtui.i18n import N_, _
from billtui.widgets.footer import Footer
from billtui.display import styles


async def show_payment_page(app: Any, url: str, what: str) -> None:
    """Send the user to the payment page ``url`` for ``what`` (e.g. "Adding 25.00 USD").

    A browser where there is a display, else a modal with the URL, copied to the
    clipboard. Returns once the browser was asked or the modal is on screen.
    """
    if not clean(url).strip():
        app.notify(_("{what}: the panel sent no payment page. Try again from the list.").format(what=what),
                   severity="error", timeout=10)
        return
    page = web_url(url, panel_url(app))
    if page is None:
        refuse(app, url)
        return
    if browser_allowed() and launch_browser(page):
        app.notify(_("{what}: the payment page is open in your browser.").format(what=what), title=_("Payment"),
                   timeout=10)
        return
    await app.push_screen(PaymentPageScreen(page, what))


class PaymentPageScreen(ModalScreen[None]):
    """The payment page's address, to open on another machine; copied already."""

    DEFAULT_CSS = styles.load("screens/common/PaymentPageScreen.tcss")
    BINDINGS = [
        Binding("c", "copy", N_("Copy again"), id="payment-page.copy"),
        Binding("o", "open", N_("Open in browser"), id="payment-page.open"),
        Binding("escape,enter", "dismiss", N_("Done"), id="payment-page.dismiss"),
    ]

    def __init__(self, url: str, what: str) -> None:
        """``url`` is a checked ``links.web_url``."""
        super().__init__()
        self.url = clean(url)
        self.what = clean(what)

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = _("Payment page")
            yield Static(Text(_("{what}. Open this page to pay:").format(what=self.what)))
            yield Static(Text(self.url), id="pay-url")
            yield Static(Text(_("Copied to your clipboard (your terminal must allow OSC 52). "
                                "Paste it in a browser on your own machine. "
                                "Once paid, the payment turns Credited in Credits/Payments.")), classes="muted")
        yield Footer()

    def on_mount(self) -> None:
        if not self._checked():
            # Only show_payment_page builds this screen, with a checked URL; should
            # anything else pass a javascript: "page", it is refused, not copied.
            refuse(self.app, self.url)
            self.dismiss(None)
            return
        self.action_copy(quiet=True)

    def _checked(self) -> bool:
        return web_url(self.url, panel_url(self.app)) is not None

    def action_copy(self, quiet: bool = False) -> None:
        if not self._checked():
            return
        self.app.copy_to_clipboard(self.url)
        if not quiet:
            self.notify(_("Copied the payment page address to the clipboard."))

    def action_open(self) -> None:
        # Without a display webbrowser may start a text browser inside this terminal: never.
        if self._checked() and browser_allowed() and launch_browser(self.url):
            self.notify(_("Asked your browser to open the payment page."))
        else:
            self.notify(_("No browser here. Paste the copied address on your own machine."), severity="warning")
