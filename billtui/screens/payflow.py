"""The payment page: where the customer actually pays (card form, bank details…).

The panel answers "add funds", "pay the cart" and "renew now" with the URL of a
payment page. On a desktop we open it in the browser; on a server over SSH there
is no browser worth opening, so we show the URL and copy it to the user's own
clipboard with OSC 52 (it travels through SSH), so they pay on their machine.

Every flow that ends on a payment page calls ``show_payment_page``.
"""

from __future__ import annotations

import os
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from ..links import has_display
from ..safe import clean
from ..widgets.footer import Footer


def _browser_allowed() -> bool:
    return has_display() and not os.environ.get("BILLTUI_NO_BROWSER")


def _open_in_browser(url: str) -> bool:
    import webbrowser

    try:
        return bool(webbrowser.open(url))
    except Exception:
        return False


async def show_payment_page(app: Any, url: str, what: str) -> None:
    """Send the user to the payment page ``url`` for ``what`` (e.g. "Adding 25.00 USD").

    A browser where there is a display, else a modal with the URL, copied to the
    clipboard. Returns once the browser was asked or the modal is on screen.
    """
    url = clean(url).strip()
    if not url:
        app.notify(f"{what}: the panel sent no payment page. Try again from the list.",
                   severity="error", timeout=10)
        return
    if _browser_allowed() and _open_in_browser(url):
        app.notify(f"{what}: the payment page is open in your browser.", title="Payment", timeout=10)
        return
    await app.push_screen(PaymentPageScreen(url, what))


class PaymentPageScreen(ModalScreen[None]):
    """The payment page's address, to open on another machine; copied already."""

    DEFAULT_CSS = """
    PaymentPageScreen { align: center middle; }
    PaymentPageScreen > Vertical {
        width: 90; max-width: 95%; height: auto; border: round $success;
        background: $surface; padding: 1 2;
    }
    PaymentPageScreen #pay-url { margin: 1 0; text-style: bold; color: $accent; }
    PaymentPageScreen .muted { color: $text-muted; }
    """
    BINDINGS = [
        Binding("c", "copy", "Copy again"),
        Binding("o", "open", "Open in browser"),
        Binding("escape,enter", "dismiss", "Done"),
    ]

    def __init__(self, url: str, what: str) -> None:
        super().__init__()
        self.url = clean(url)
        self.what = clean(what)

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Payment page"
            yield Static(Text(f"{self.what}. Open this page to pay:"))
            yield Static(Text(self.url), id="pay-url")
            yield Static(Text("Copied to your clipboard (your terminal must allow OSC 52). "
                              "Paste it in a browser on your own machine. "
                              "Once paid, the payment turns Credited in Credits/Payments."), classes="muted")
        yield Footer()

    def on_mount(self) -> None:
        self.action_copy(quiet=True)

    def action_copy(self, quiet: bool = False) -> None:
        self.app.copy_to_clipboard(self.url)
        if not quiet:
            self.notify("Copied the payment page address to the clipboard.")

    def action_open(self) -> None:
        # Without a display webbrowser may start a text browser inside this terminal: never.
        if _browser_allowed() and _open_in_browser(self.url):
            self.notify("Asked your browser to open the payment page.")
        else:
            self.notify("No browser here. Paste the copied address on your own machine.", severity="warning")
