"""Every protocol choice that API.md marks "(assumed)" or leaves open, in one place.

None of these is documented by ISPsystem. If a real panel differs, the fix should be a
one-line change here; nothing outside billtui/api spells any of these names.
"""

from __future__ import annotations

import re

# --- lists ---------------------------------------------------------------------

#: Sorting parameter: ``p_col=+column`` ascending, ``p_col=-column`` descending.
SORT_PARAM = "p_col"
SORT_ASC_PREFIX = "+"
SORT_DESC_PREFIX = "-"
#: How a list reply says the order it used: ``p_sort`` (column) and ``p_order`` (this value = descending).
SORT_REPLY_COLUMN = "p_sort"
SORT_REPLY_ORDER = "p_order"
SORT_REPLY_DESC = "desc"

#: Page size when a list reply has no ``p_cnt``.
DEFAULT_PAGE_SIZE = 20

# --- errors ----------------------------------------------------------------------

#: ``$type=missed`` with one of these ``$object`` values means the *function* is missing.
NOT_AVAILABLE_MISSED_OBJECTS = frozenset({"func", "function"})
#: Error ``$type`` values that by themselves mean the function is unknown on this panel.
NOT_AVAILABLE_TYPES = frozenset({"unknown", "unknownfunc", "nofunc", "notavailable"})
#: Error texts that mean the function is unknown or disabled (module not loaded).
NOT_AVAILABLE_TEXT = re.compile(
    r"unknown function|function .*(?:not found|unknown|not available|disabled|is not supported)"
    r"|not available|no such function|module .*not (?:loaded|installed)",
    re.IGNORECASE,
)
#: The panel's answer while another long call of the same session runs.
PANEL_BUSY_TEXT = re.compile(r"request (?:is )?in process", re.IGNORECASE)
#: How long to wait before retrying a *read* the panel refused as busy (writes are never retried).
BUSY_RETRY_DELAYS: tuple[float, ...] = (0.5, 1.0, 2.0)

# --- functions whose name is not documented ----------------------------------------

#: Invoice PDF, by analogy with ``payment.print.pdf``.
INVOICE_PDF_FUNC = "invoice.print.pdf"
#: ``out=`` value for PDF downloads.
PDF_OUT = "pdf_print"
#: Moving an archived ticket back to the open tickets.
TICKET_RESTORE_FUNC = "clientticket_archive.restore"
#: Invoice list filter function (by analogy with the others).
INVOICE_FILTER_FUNC = "invoice.filter"
#: Order-history filter function.
ORDER_FILTER_FUNC = "order.filter"
#: Payers list filter function.
PAYER_FILTER_FUNC = "profile.filter"

# --- payment list inline filter --------------------------------------------------

#: ``func=payment&filter=on&status=..&createdate=other&createdatestart=..&createdateend=..``
PAYMENT_FILTER_SWITCH = ("filter", "on")
PAYMENT_FILTER_STATUS = "status"
PAYMENT_FILTER_PERIOD = ("createdate", "other")
PAYMENT_FILTER_FROM = "createdatestart"
PAYMENT_FILTER_TO = "createdateend"

# --- columns not documented ------------------------------------------------------
# Each maps a model field to the column names tried in order (the first one is used to sort).

#: Order history (``order``): no column list is documented.
ORDER_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id",),
    "number": ("number", "id"),
    "created": ("cdate", "createdate", "date"),
    "description": ("description", "desc", "pricelist", "name"),
    "cost": ("cost", "amount", "amount_iso", "sum"),
    "status_text": ("status", "order_status"),
}

#: Discounts (``account.discountinfo``).
DISCOUNT_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id",),
    "name": ("name", "discount_name", "pricelist", "description"),
    "value": ("value", "discount", "percent", "amount"),
}

#: Referral clicks (``affiliate.client.click``).
CLICK_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id",),
    "created": ("cdate", "date", "createdate", "clickdate"),
    "referrer": ("referrer", "referer", "site", "source"),
    "url": ("url", "page", "target"),
    "ip": ("ip", "ipaddr"),
}

#: Notification rows (``mainsubscribe`` groups by type; ``subscribe`` has ``notice status`` per channel).
NOTICE_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id",),
    "name": ("notice", "name", "locale_name", "type"),
    "type": ("type", "notice_type", "group"),
    "channel": ("channel", "gate", "module", "method"),
    "status_text": ("status", "state", "active"),
}
#: Per-channel columns of ``subscribe`` rows (one column per channel).
NOTICE_CHANNEL_COLUMNS = ("email", "sms", "telegram", "panel")
#: Notice ``status`` raw values meaning "subscribed".
NOTICE_ACTIVE_VALUES = frozenset({"on", "active", "1", "yes", "true", "subscribed", "enabled"})
#: Subscription list of one notice group: ``subscribe&elid=<group>``.
SUBSCRIBE_LIST_FUNC = "subscribe"
MAINSUBSCRIBE_LIST_FUNC = "mainsubscribe"
#: ``subscribe.suspend`` / ``subscribe.resume``: the parameter naming one channel (absent = all).
SUBSCRIBE_CHANNEL_PARAM = "channel"
#: ``usrparam`` fields that may say whether two-factor authentication is on.
USRPARAM_TOTP_FIELDS = ("totp", "totp_enabled", "twofactor")

#: Attachment size cell in a ticket message's ``file`` element.
ATTACHMENT_SIZE_FIELDS = ("size", "filesize")

#: Settings (contact data) form ``clientoption``: assumed fields.
CLIENTOPTION_FIELDS = ("contact_person", "notify_email", "phone", "country")

# --- values ------------------------------------------------------------------------

#: Checkbox / flag values that mean "yes".
TRUE_VALUES = frozenset({"on", "yes", "true", "1", "y"})
#: Autoprolong raw values meaning "off".
AUTOPROLONG_OFF = frozenset({"", "off", "null", "none", "0", "no"})

# --- tickets -----------------------------------------------------------------------

#: Message ``$type`` seen from the customer's side: ``incoming`` comes *to* the customer (written
#: by support staff), ``outcoming`` is what the customer wrote, ``info`` is a system note.
TICKET_FROM_SUPPORT = "incoming"
TICKET_FROM_CUSTOMER = "outcoming"
TICKET_INFO = "info"
#: Largest file billtui lets the user attach to a ticket message (the panel's own limit is not
#: published; 10 MiB is what BILLmanager installs commonly allow). Checked before sending.
TICKET_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
#: Attachments go in as file_1, file_2, ...
UPLOAD_FIELD_PREFIX = "file_"

# --- menu --------------------------------------------------------------------------

#: Section of ``menu`` listing product types.
SERVICES_MENU_SECTION = "mainmenuservice"
#: Titles for product types when ``messages`` has none.
SERVICE_TYPE_TITLES: dict[str, str] = {
    "vds": "Virtual servers",
    "vhost": "Web hosting",
    "dedic": "Dedicated servers",
    "domain": "Domains",
    "certificate": "SSL certificates",
    "soft": "Software licences",
    "dnshost": "DNS hosting",
    "storage": "Storage",
}

# --- add funds -----------------------------------------------------------------------

#: Where ``payment.add.method`` submit puts the new payment's id (first found wins).
PAYMENT_ID_FIELDS = ("payment_id", "id", "elid")
