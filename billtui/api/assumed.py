"""Every protocol choice that API.md marks "(assumed)" or leaves open, in one place.

None of these is documented by ISPsystem. If a real panel differs, the fix should be a
one-line change here; nothing outside billtui/api spells any of these names.
"""

from __future__ import annotations

import re

from billtui.i18n import N_

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
#: PROVEN (both texts): Karantir-dev/billing-typescript src/utils/checkIfTokenAlive.js (see "evidence: wire").
PANEL_BUSY_TEXT = re.compile(r"request (?:is )?in process|запрос обрабатывается", re.IGNORECASE)
#: How long to wait before retrying a *read* the panel refused as busy (writes are never retried).
BUSY_RETRY_DELAYS: tuple[float, ...] = (0.5, 1.0, 2.0)

# --- functions whose name is not documented ----------------------------------------

#: Invoice PDF, by analogy with ``payment.print.pdf``.
INVOICE_PDF_FUNC = "invoice.print.pdf"
#: ``out=`` value for PDF downloads.
PDF_OUT = "pdf_print"
#: Moving an archived ticket back to the open tickets. UNPROVEN: no real client seen using it
#: (Karantir-dev/billing-typescript has no restore; see "evidence: support" below).
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

#: Discounts (``account.discountinfo``): rows of ``list[$name=promotion]`` (new API) or ``elem`` (old).
#: id, name, value: ISPsystem b6c "Discounts (account.discountinfo)" page + billmgr_api.py (new API,
#: ``name.name.$``, ``value.text.$`` — see DISCOUNT_INNER_TEXT); ``promotion`` / ``idname``: the old-API
#: name and products (SecureRoutes.jsx, Cart.jsx); ``products``: new-API products (Cart.jsx). The rest
#: (discount_name, percent, ...) UNPROVEN fallbacks. See "evidence: account" at the end.
DISCOUNT_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id",),
    "name": ("name", "promotion", "discount_name", "description"),
    "value": ("value", "discount", "percent", "amount"),
    "applies_to": ("products", "idname", "pricelist"),
}

#: Referral clicks (``affiliate.client.click``). cdate, site, referal, payed: PROVEN by
#: Karantir-dev/billing-typescript AffiliateProgramStatistics.jsx; url, ip: UNPROVEN.
CLICK_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id",),
    "created": ("cdate", "date", "createdate", "clickdate"),
    "referrer": ("site", "referrer", "referer", "source"),
    "url": ("url", "page", "target"),
    "ip": ("ip", "ipaddr"),
    "referral": ("referal", "referral"),
    "paid": ("payed", "paid"),
}

#: Notification rows (``mainsubscribe`` groups by type; ``subscribe`` has ``notice status`` per channel).
#: ISPsystem's function page (docs.ispsystem.com b6c billmanager-api notification-settings-mainsubscribe)
#: gives ``mainsubscribe`` column ``type`` and ``subscribe`` columns ``notice status`` with the row key
#: ``notice_id`` (what ``subscribe.suspend``/``.resume`` take in ``elid``): see NOTICE_KEY_COLUMN.
#: No real client was seen reading these lists (see ``# --- evidence: settings ---``).
NOTICE_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id", "notice_id"),
    "name": ("notice", "name", "locale_name", "type"),
    "type": ("type", "notice_type", "group"),
    "channel": ("channel", "gate", "module", "method"),
    "status_text": ("status", "state", "active"),
}
#: The ``subscribe`` row key the function page names for ``elid``; a row that has it is known by it,
#: even when it also has an ``id`` (sorting still asks for ``id``, which ``mainsubscribe`` rows have).
NOTICE_KEY_COLUMN = "notice_id"
#: Per-channel columns of ``subscribe`` rows (one column per channel).
NOTICE_CHANNEL_COLUMNS = ("email", "sms", "telegram", "panel")
#: Notice ``status`` raw values meaning "subscribed".
NOTICE_ACTIVE_VALUES = frozenset({"on", "active", "1", "yes", "true", "subscribed", "enabled"})
#: Subscription list of one notice group: ``subscribe&elid=<group>``.
SUBSCRIBE_LIST_FUNC = "subscribe"
MAINSUBSCRIBE_LIST_FUNC = "mainsubscribe"
#: ``subscribe.suspend`` / ``subscribe.resume``: the parameter naming one channel (absent = all).
#: UNPROVEN: the function page documents only ``elid``; no real client seen sending a channel.
SUBSCRIBE_CHANNEL_PARAM = "channel"
#: ``usrparam`` fields that may say whether two-factor authentication is on. ``status_totp`` ("on")
#: is what the production panel reads (Karantir-dev/billing-typescript
#: src/Redux/settings/settingsOperations.js getUserParams; src/Pages/UserSettings/AccessSettings/
#: AccessSettings.jsx tests ``status_totp === 'on'``); the others are older guesses, kept as fallbacks.
USRPARAM_TOTP_FIELDS = ("status_totp", "totp", "totp_enabled", "twofactor")

#: Attachment size cell in a ticket message's ``file`` element. UNPROVEN: production reads only
#: ``file.name`` and ``file.param`` (Karantir-dev/billing-typescript MessageItem.jsx); a missing size shows
#: as "size unknown".
ATTACHMENT_SIZE_FIELDS = ("size", "filesize")

#: Settings (contact data) form ``clientoption``: assumed fields. UNPROVEN: the function name is real
#: (the production panel filters a right named ``clientoption`` in src/Components/TrustedUsers/UserCard/
#: UserCard.jsx; ISPsystem lists "Client profile (clientoption)"), but no real client reads its fields.
#: These are the names the Settings pane (screens/contact.py) sends and the demo panel answers.
CLIENTOPTION_FIELDS = ("contactperson", "email", "phone", "country")

# --- values ------------------------------------------------------------------------

#: Checkbox / flag values that mean "yes".
TRUE_VALUES = frozenset({"on", "yes", "true", "1", "y"})
#: Autoprolong raw values meaning "off" when *reading* a row or a form (``null`` is what real panels
#: write — vds/EditModal.jsx, dedicOperations.js). Never sent as such: the key sent back is the form's
#: own (see ``AUTOPROLONG_OFF_KEY`` and the services evidence section).
AUTOPROLONG_OFF = frozenset({"", "off", "null", "none", "0", "no"})

# --- tickets -----------------------------------------------------------------------

#: Message ``$type`` seen from the customer's side: ``incoming`` comes *to* the customer (written
#: by support staff), ``outcoming`` is what the customer wrote, ``info`` is a system note.
#: PROVEN: MessageItem.jsx styles ``$type === 'outcoming'`` as the customer's own message.
TICKET_FROM_SUPPORT = "incoming"
TICKET_FROM_CUSTOMER = "outcoming"
TICKET_INFO = "info"
#: Largest file billtui lets the user attach to a ticket message (the panel's own limit is not
#: published; 10 MiB is what BILLmanager installs commonly allow). Checked before sending.
TICKET_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
#: Attachments go in as file_1, file_2, ... PROVEN: Karantir-dev/billing-typescript
#: src/Redux/support/supportOperations.js createTicket / sendMessage (``file_${i + 1}``).
UPLOAD_FIELD_PREFIX = "file_"

# --- menu --------------------------------------------------------------------------

#: Section of ``menu`` listing product types.  PROVEN: Karantir-dev/billing-typescript
#: usePageRender('mainmenuservice', 'vds' | 'dedic' | 'vhost' | 'domain' | 'dnshost' | 'storage' ...).
SERVICES_MENU_SECTION = "mainmenuservice"
#: Titles for product types when ``messages`` has none (billtui's, marked for translation; the
#: keys are the panel's).
SERVICE_TYPE_TITLES: dict[str, str] = {
    "vds": N_("Virtual servers"),
    "vhost": N_("Web hosting"),
    "dedic": N_("Dedicated servers"),
    "domain": N_("Domains"),
    "certificate": N_("SSL certificates"),
    "soft": N_("Software licences"),
    "dnshost": N_("DNS hosting"),
    "storage": N_("Storage"),
}

# --- add funds -----------------------------------------------------------------------

#: Where ``payment.add.method`` submit puts the new payment's id (first found wins).
PAYMENT_ID_FIELDS = ("payment_id", "id", "elid")

# --- evidence: settings ---
# Source: Karantir-dev/billing-typescript src/Redux/settings/settingsOperations.js (SO below) and the
# components that read its state; ISPsystem's BILLmanager 6 function pages.
# - ``usrparam`` view: PROVEN (SO getUserParams): ``email`` (the notification email), ``timezone``,
#   ``atype``, ``secureip``, ``setgeoip``, ``addr`` (allowed IPs, space-separated), ``sendemail``,
#   ``time``, ``telegram_id``, ``status_totp``, ``email_confirmed_status``, ``slist timezone/atype``, and
#   the notice switches below. ``lang``: PROVEN as a saved value (SO changeLang sends ``lang`` with
#   ``usrparam&sok=ok``); no ``slist lang`` is read there, so the language list is UNPROVEN.
# - ``usrparam`` save: PROVEN (SO setPersonalSettings / changeLang): ``sok=ok&elid=<user id>`` plus the
#   fields to change; real code sends partial sets, so fields left out keep their value.
# - password change: PROVEN (SO setPasswordAccess): ``usrparam&sok=ok&elid=<id>&old_passwd=&passwd=
#   &confirm=``; a wrong old password is an error with ``$object == 'old_passwd'``.
# - 2FA status: PROVEN ``status_totp == 'on'`` (USRPARAM_TOTP_FIELDS).
# - 2FA off: PROVEN (SO setPasswordAccess, AccessSettings.jsx): ``usrparam&sok=ok&elid=<id>&
#   disable_totp=<current 6-digit code>``; a wrong code is an error with ``$object == 'disable_totp'``.
USRPARAM_TOTP_DISABLE_FIELD = "disable_totp"
# - 2FA on: PROVEN (SO setTotp / setTotpPassword, ModalTwoStepVerification.jsx): view ``totp.new`` →
#   ``secret``, ``qrimage`` (a panel link to a PNG, fetched with the session: not an otpauth URL),
#   ``qrimage_download_link``, ``secret_download_link``, ``actualtime``; confirm ``totp.new&sok=ok&
#   qrcode=<code>&secret=<secret>&login=<label>&show_actualtime=show``. The production panel writes
#   ``login`` itself (its host and the user's email), so billtui echoes the form's ``login`` when the
#   form has one, else builds the same "host(email)" label.
TOTP_NEW_ECHO_FIELDS = ("secret", "login")
TOTP_NEW_EXTRA: dict[str, str] = {"show_actualtime": "show"}
#: ``totp.new`` view fields that may hold an ``otpauth://`` URL (only used when it is one).
TOTP_URL_FIELDS = ("url", "otpauth", "qrimage")
# - notification switches: PROVEN (SO getUserParams / setPersonalSettings): fields of ``usrparam``
#   named ``<group>_notice_<channel>``, ``on``/``off``: groups finance news service support, channels
#   ntemail ntmessenger ntsms. Saved with ``usrparam&sok=ok&elid=<id>&<field>=on|off...``. billtui reads
#   any field of that pattern, so a panel with other groups or channels still shows them.
USRPARAM_NOTICE_FIELD_RE = r"^(?P<group>[A-Za-z0-9]+(?:_[A-Za-z0-9]+)*?)_notice_(?P<channel>nt[A-Za-z0-9]+)$"
USRPARAM_NOTICE_FIELD = "{group}_notice_{channel}"
#: Titles as the production panel labels them; other groups are shown by their own name.
#: (The titles are shown, never sent: marked for translation.)
USRPARAM_NOTICE_GROUP_TITLES: dict[str, str] = {
    "finance": N_("Financial notices"), "news": N_("News notifications"), "service": N_("Service notices"),
    "support": N_("Support service")}
USRPARAM_NOTICE_CHANNEL_TITLES: dict[str, str] = {"ntemail": "Email", "ntsms": "SMS", "ntmessenger": N_("Messenger")}
# - ``mainsubscribe`` / ``subscribe`` / ``subscribe.suspend`` / ``subscribe.resume``: names and the
#   ``notice_id`` key from ISPsystem's function page (notification-settings-mainsubscribe); UNPROVEN:
#   no real client seen using them. billtui uses them only when ``usrparam`` has no notice switches.
# - ``clientoption``: UNPROVEN fields (see CLIENTOPTION_FIELDS).

# --- evidence: support ---------------------------------------------------------------
# Production customer panel = Karantir-dev/billing-typescript (talks to real BILLmanager 6).
# clientticket (L): src/Redux/support/supportOperations.js getTicketsHandler sends
#   func=clientticket&sok=ok&p_col=+time&p_num&p_cnt; SupportTable.jsx reads elem[].id/name/last_message/
#   tstatus/unread ("on"), RequestsPage.jsx reads toarchive ("on") and last_message_utc.  PROVEN.
# clientticket_archive (L): supportOperations.js getTicketsArchiveHandler, same columns.  PROVEN.
# clientticket.filter / clientticket_archive.filter: getTicketsFilters*Handler (fields id message name abuse
#   tstatus message_post message_poststart message_postend).  PROVEN.
# clientticket.edit view (departments, ticket_item): getDepartmenList reads slist[$name=client_department];
#   getServiceList reads slist[$name=ticket_item] (sv_field=ticket_item).  PROVEN.
# clientticket.edit create: createTicket sends multipart sok=ok message subject ticket_item
#   client_department file_1..file_N.  PROVEN.
# clientticket.edit&elid (thread): getTicketByIdHandler; OpenedTicket.jsx reads subject, mlist[0].message[],
#   closed_ticket_user ("on" = archived); MessageItem.jsx reads message.$type ('outcoming' = the customer),
#   $id, user.realname, date_post, body, file[].name/.param (attachment id), rates.rate.$name;
#   OpenedTicketMessages.jsx skips $type 'info' and shows $type 'system' as a note.  PROVEN.
# clientticket.edit reply: sendMessage sends multipart sok=ok elid message file_1..N.  PROVEN.
# clientticket.archive: archiveTicketsHandler sends sok=ok elid="1, 2" (selected ids joined by ", ").
#   PROVEN.  NB: RequestsPage.jsx *disables* the button unless every selected row has toarchive=on; the
#   BILLmanager docs (client area, ticket statuses) say a ticket "In progress" cannot be archived.  billtui
#   asks for a confirmation and lets the panel decide (it shows the panel's refusal).
# clientticket_archive.restore: UNPROVEN: no real client seen using it (production has no restore).
# ticket.file: supportOperations.js getFile sends func=ticket.file&elid=<file.param> (binary reply, the
#   name shown is file.name).  PROVEN (production sends no out=; billtui adds out=json like every call).
# ticket.message.rate.good / .bad: supportOperations.js setRate sends elid=<message $id>, plid=<ticket id>.
#   PROVEN.
#: Rating a support reply: ``TICKET_RATE_FUNC_PREFIX + "good"`` / ``+ "bad"``, ``elid`` = message, ``plid`` = ticket.
TICKET_RATE_FUNC_PREFIX = "ticket.message.rate."
TICKET_RATE_GOOD = "good"
TICKET_RATE_BAD = "bad"
#: Thread field saying the ticket is in the archive (OpenedTicket.jsx ``closed_ticket_user.$ === 'on'``).
TICKET_CLOSED_FIELD = "closed_ticket_user"
#: Message ``$type`` of a system note shown in the thread (OpenedTicketMessages.jsx); ``info`` carries
#: the service the ticket is about.
TICKET_SYSTEM = "system"

# --- evidence: affiliate -------------------------------------------------------------
# affiliate.client (F): Karantir-dev/billing-typescript src/Redux/affiliateProgram/operations.js
#   getReferralLink reads doc.url.$ and doc.promocode.$.  PROVEN.  Saving it (sok=ok, affiliate=):
#   UNPROVEN: no real client seen saving it (ISPsystem BM5 docs: Client → Affiliate program → Save).
# affiliate.client.reward: operations.js getInitialIncomeInfo (no period: slist[0] = period options,
#   doc.period.$) and getChartInfo send period, periodstart, periodend and NO sok; rows in
#   doc.reportdata.reward.elem (object or array), each amount.$ (money) and amount.$id (the day).  PROVEN.
# affiliate.client.reward.detail: operations.js getDayDetails sends elid=<day>; rows in
#   doc.reportdata.reward.elem (object or array); DetailsModal.jsx reads name (the service), reward (a
#   rate such as "10%"), amount (the commission, money, summed as the day's income), referal, cdate.  PROVEN.
# affiliate.client.click (L): operations.js getInitialStatistics (p_cnt, p_num); AffiliateProgramStatistics.jsx
#   reads elem[].cdate, site (where the visitor came from), referal (who registered, may be empty),
#   payed ("on" when that referral paid).  PROVEN.  ip / url columns: UNPROVEN.
# affiliate.client.click.filter: cdate cdatestart cdateend site referal payed (drop=on) — not used by billtui.
#: ``affiliate.client.reward`` is a report: production sends the period without ``sok`` (operations.js).
REWARD_REPORT_SOK = False
#: The report section both reward calls fill: ``doc.reportdata.<this>.elem``.
REWARD_REPORT_SECTION = "reward"

# --- evidence: wire ------------------------------------------------------------------
# Transport: POST application/x-www-form-urlencoded to the endpoint, func in the body:
#   Karantir-dev/billing-typescript src/config/axiosInstance.js (Content-Type x-www-form-urlencoded) and
#   every src/Redux/**/*Operations.js (axiosInstance.post('/', qs.stringify({func, out, lang, auth}))).
#   PROVEN.  GET with the fields in the query string also works (ISPsystem "Guide to ISPsystem software
#   API", BILLmanager 6: "GET and POST methods are supported"; billmgr_api.py KeepAliveRequest is a GET).
# out=json with lang=en: 289 calls in the production panel send out: 'json' (2 send 'xjson', same
#   $-JSON); pulivilizator/billmgr-addon billmgr_api.py sends out=sjson.  PROVEN; billtui keeps json.
# Session: auth=<id> in the form (production, every call); billmgr_api.py sends the billmgrses5 cookie
#   instead, or authinfo=LOGIN:PASSWORD (ISPsystem API guide) for one call without a session.  billtui
#   sends auth= (PROVEN); the other two are only accepted by the demo panel.
# func=auth&username=&password= -> doc.auth.$id: authOperations.js login (it also sends sok=ok and
#   g-recaptcha-response; the ISPsystem guide shows neither) and the API guide.  PROVEN.
#   Refusals: doc.error.$object badpassword / badip / blocklogon / blockgeoip / blocked_ip
#   (authOperations.js throwServerError($object) -> public/locales/en/auth.json "warnings.<object>").  PROVEN.
# 2FA: whoami answering doc.ok.$ == "func=totp.confirm", then func=totp.confirm&sok=ok&clicked_button=ok
#   &qrcode=CODE&auth=<first id> -> doc.auth.$id is the final session (authOperations.js login, sendTotp).  PROVEN.
# whoami -> doc.user $id $realname $email $phone (userOperations.js userInfo).  PROVEN.
# Log out: func=logon&auth= (authOperations.js logout).  PROVEN.
# Keep alive: func=keepalive&auth= (authOperations.js getCurrentSessionStatus; billmgr_api.py
#   KeepAliveRequest).  PROVEN.  Production tells an expired session from a missing right by calling
#   keepalive after an "Insufficient privileges" error and checking doc.error.$type == "access"
#   (src/utils/checkIfTokenAlive.js) -> SESSION_PROBE_FUNC.
# "Request in process, please wait" (and the Russian text) = the panel is busy with a long call of the
#   session (checkIfTokenAlive.js).  PROVEN -> PANEL_BUSY_TEXT.
# HTTP 403 / 460 without an API body: the provider's firewall blocked the IP (checkIfTokenAlive.js
#   "460", "Network Error" = 403; locales auth.json 403_error_code).  PROVEN -> errors.BadStatus hint.
# menu: func=menu&sok=ok -> doc.mainmenu.node[] sections ($name customer, mainmenuservice, finance,
#   support, stat, ...) each with node[] items ($name = function or product type)
#   (userOperations.js getUserInfo/currentSessionRights, utils/checkIfComponentShouldRender.js,
#   BurgerMenu.jsx).  PROVEN.  Production finds usrparam and affiliate.client under "customer",
#   clientticket / clientticket_archive under "support", payment / expense under "finance".
# Reply shapes read by production (parser.Doc handles all): one-row reportdata.reward.elem as an object
#   (affiliateProgram/operations.js), slist val as one object (vdsOperations.js), list[$name=tariflist]
#   (dedicOperations.js), the form of an sv_field answer nested in doc.doc (vdsOperations.js
#   vds.order.param, accessLogsOperations.js authlog.filter), error.msg.$ / $type / $object / param[].$.
# Long calls (domain.order.name, cloud VPS): the panel may answer with an HTML page naming a
#   "long...billmgr" URL that production then GETs (utils/handleLongRequest.js).  UNPROVEN for the calls
#   billtui makes; billtui reports such a page as "not API data".
#: Function names of the session calls (all PROVEN, see above).
AUTH_FUNC = "auth"
WHOAMI_FUNC = "whoami"
TOTP_CONFIRM_FUNC = "totp.confirm"
LOGOUT_FUNC = "logon"
KEEPALIVE_FUNC = "keepalive"
#: ``whoami``'s ``doc.ok.$`` when the session still waits for the second factor.
TOTP_PENDING_OK = "func=totp.confirm"
#: The harmless read that tells an expired session (``access`` error) from a missing right.
SESSION_PROBE_FUNC = KEEPALIVE_FUNC
#: ``out=`` for every API call (real clients also use ``sjson`` / ``xjson`` for the same $-JSON).
REPLY_FORMAT = "json"
#: Every call carries ``lang=`` (the language of the answer). A ``usrparam`` save is the exception:
#: there ``lang`` is the user's stored language (settingsOperations.js changeLang), so a save that does
#: not change it sends no ``lang`` at all and the panel keeps the user's own. Passed as a value, this
#: marker makes the client leave the field out.
OMIT_LANG = "\x00omit-lang"
#: The menu call and the child of ``doc`` holding its sections.
MENU_FUNC = "menu"
MENU_ROOT = "mainmenu"

# --- language: what ``lang=`` may be ------------------------------------------------
# Sources: K = Karantir-dev/billing-typescript (production customer panel, BILLmanager 6);
#          A = pulivilizator/billmgr-addon (BILLmanager plugins and their message files).
# - The panel's own language names are ``en`` and ``ru``: a plugin's messages are declared per
#   language as ``<lang name="ru">`` / ``<lang name="en">`` and ``<msg ... lang="ru">`` (A README.md,
#   billmgr_addon/scaffold/project_scaffold.py), and the panel keeps the current one in the
#   ``billmgrlang5`` cookie (A billmgr_addon/core/request_types.py reads the part after ":").  PROVEN.
# - ``lang=en`` on nearly every call: 232 calls of K src/ send ``lang: 'en'`` literally.  PROVEN.
# - ``lang=`` of the customer's language: K sends ``lang: i18n.language`` (i18next's ``en`` / ``ru`` /
#   ``uk``) on service.instruction.html (dedicOperations.js, dnsOperations.js, ftpOperations.js,
#   SharedHosting.jsx, VPN.jsx) and authlog (accessLogsOperations.js).  PROVEN for ``en`` and ``ru``.
# - Ukrainian is ``ua`` on the panel, not ISO's ``uk``: the language switch saves
#   ``usrparam&sok=ok&lang=<showLangCode>`` with showLangCode ``ua`` for i18next's ``uk``
#   (K src/Components/ui/LangBtn/LangBtn.jsx, settingsOperations.js changeLang), and the settings
#   save maps ``uk`` → ``ua`` and ``kz`` → ``kk`` before sending ``lang`` to usrparam
#   (settingsOperations.js setPersonalSettings).  PROVEN that K's panel stores ``ua``; ``kk``: K sends
#   it, UNPROVEN that a panel ships Kazakh. (K's service.instruction.html calls send ``uk`` unmapped:
#   the usrparam value is the one a panel keeps, so billtui sends ``ua``.)
# - What a panel answers to a language it does not have: UNDOCUMENTED; a panel installed in Russian
#   may well answer in Russian. So the terminal's locale (a guess) only picks a language panels are
#   seen to speak (LOCALE_LANGS); a language named by the user (``--lang``, the profile) or by the
#   panel itself (usrparam ``lang``, one of the panel's own keys) is sent as given.
#: ``lang=`` when nothing names a language.
DEFAULT_LANG = "en"
#: A language as ISO 639-1 / a locale names it → the panel's ``lang=`` value, where the two differ.
LANG_ALIASES: dict[str, str] = {"uk": "ua", "kz": "kk"}
#: The ``lang=`` values a guess from the terminal's locale may become (see above).
LOCALE_LANGS = frozenset({"en", "ru", "ua"})

# --- evidence: finance ---------------------------------------------------------------
# Sources: K = Karantir-dev/billing-typescript (production customer panel, BILLmanager 6);
#          D = ISPsystem BILLmanager 6 developer-section function pages (docs).
# basket (view): K src/Redux/cart/cartOperations.js getBasket reads doc.total_sum.$, tax.$,
#   full_discount.$, billorder.$ and doc.list[$name=itemlist].elem (rows with rolled_back dropped);
#   K src/Components/Cart/Cart.jsx reads id desc cost fullcost discount_percent pricelist_name
#   item.type item.period item.id, and prints total_sum/cost as bare numbers + "EUR".  PROVEN.
# basket remove: cartOperations.js deleteBasketItem sok=ok id=<item id> clicked_button=delete.  PROVEN
#   (also D "Cart (basket) old": clicked_button=delete&id=<service id>&sok=ok).
# basket clear: cartOperations.js clearBasket sok=ok id=<billorder> clicked_button=clearbasket.  PROVEN.
# basket promocode: cartOperations.js setBasketPromocode sok=ok promocode=; errors $type missed (bad code)
#   or promocode_not_use (not for this cart).  PROVEN.
# paying the cart: cartOperations.js getPaymentMethods views payment.add&billorder=ID and reads
#   doc.list[$name=methodlist].elem; setPaymentMethods submits payment.add.method&sok=ok with billorder,
#   amount (total_sum), profile, paymethod (+ clicked_button=fromsubaccount when the method row's
#   action.button.$name says so: Cart.jsx payBasketHandler); ok.$ == "func=order" means paid from the
#   balance, else ok.$ is the payment page.  PROVEN.  The balance row: paymethod_type.$ == "0" and a name
#   "Account balance (N)" (Cart.jsx, src/utils/sortPaymethodList.js).  PROVEN.
#   (Before payment.add.method, K saves the payer with profile.edit / profile.add.profiledata: billtui
#   sends an existing payer's id and does not edit payers here.)
# payment.add.method (view): K src/Redux/billing/billingOperations.js getPaymentMethod reads
#   list methodlist (paymethod name payment_minamount payment_maxamount: ModalCreatePayment.jsx),
#   doc.payment_currency.$ and slist payment_currency (else [{$key: payment_currency.$}]).  PROVEN.
#   slist profile in this form: UNPROVEN — K takes payers from the profile list (below).
# payment.add.method (submit): billingOperations.js createPaymentMethod sok=ok profile amount
#   payment_currency (the slist key) paymethod; reads ok.$ (page) and payment_id.$.  PROVEN.
#   A real reply's ok may be a path on the panel's host ("/mancgi/sbpayment?elid=150", a public
#   pastebin of a payment.add reply): billtui joins it to the panel URL.
# payers for add funds / the cart: billingOperations.js getPayers func=profile p_cnt=300, rows with
#   id.$ and name.$; PayersList.jsx sends the chosen id.$ as profile.  PROVEN.
# payment.add.redirect: billingOperations.js getPaymentRedirect elid (+ elname) sok=ok; reads ok.$,
#   payment_id.$.  PROVEN.
# payment (L): D "Payments (payment)": id number create_date sender_name paymethod_name
#   subaccountamount_iso paymethodamount_iso status (1..7); K PaymentsTable.jsx reads the same names
#   and compares status.$ as TEXT ("New", "Paid", "Payment in progress").  PROVEN.
# payment inline filter: D "Payments (payment)" example func=payment&filter=on&status=1&createdate=other
#   &createdatestart=&createdateend=.  PROVEN (doc).  K stores it with payment.filter&sok=ok (same names).
# payment.delete: billingOperations.js deletePayment elid, no sok.  PROVEN.
# payment.print.pdf: billingOperations.js getPaymentPdf elid out=pdf_print (blob).  PROVEN.
# expense (L): D "Expenses (expense)": id locale_name realdate cdate amount notpayd discountamount
#   payments taxamount; K ExpensesTable.jsx reads id payments realdate paymethod_name amount
#   locale_name taxamount.  PROVEN.
# expense.filter: billingOperations.js getExpensesFilters / setExpensesFilters: fields id locale_name
#   item compare_type amount fromdate todate, sok=ok to store.  PROVEN.
# order (L): billingOperations.js getUnpaidOrders func=order, reads doc.list[$name=inpaylist].elem.  PROVEN.
#   The history's own columns (ORDER_COLUMNS above): UNPROVEN: no real client seen reading them.
# invoice (L), invoice.filter, invoice.print.pdf: UNPROVEN: no real client seen using them.
#: ``invoice_status`` codes of an invoice still to be paid (``billtui check``). UNPROVEN: no real
#: client seen reading invoice statuses; the demo panel's codes (1 not paid, 2 paid, 3 cancelled).
INVOICE_UNPAID_CODES = frozenset({"1"})
#: The same told by the status text, for a panel that sends no code (English and Russian words).
INVOICE_UNPAID_TEXT = re.compile(r"\b(not paid|unpaid|awaiting payment)\b|не оплачен", re.I)
#: The view that lists the methods to pay an order with (``billorder=ID``).
PAY_ORDER_VIEW_FUNC = "payment.add"
#: The submit that pays an order (``sok=ok&billorder=ID&paymethod=&amount=&profile=``).
PAY_ORDER_FUNC = "payment.add.method"
#: ``ok.$`` of a cart payment the panel took from the balance at once.
PAID_FROM_BALANCE_OK = "func=order"
#: ``action.button.$name`` of the balance method row, sent back as ``clicked_button``.
PAY_FROM_BALANCE_BUTTON = "fromsubaccount"
#: ``paymethod_type`` of the account-balance method row.
BALANCE_PAYMETHOD_TYPE = "0"
#: Where add-funds and the cart take payers from, and how many rows they ask for.
PAYERS_LIST_FUNC = "profile"
PAYERS_PAGE_SIZE = 300
#: Payment ``status`` as production panels send it: text only (PaymentsTableItem.jsx) → PaymentStatus.
PAYMENT_STATUS_TEXTS: dict[str, int] = {
    "new": 1, "payment in progress": 2, "in progress": 2, "pledged": 3, "pledged payment": 3,
    "paid": 4, "credited": 4, "pending return": 5, "refund pending": 5, "returned": 6, "refunded": 6,
    "returned to client in full": 6, "fraudulent": 7, "fraud": 7,
}

# --- evidence: services --------------------------------------------------------------
# Sources: Karantir-dev/billing-typescript src/Redux/{vds/vdsOperations.js, vhost/vhostOperations.js,
#   dedicatedServers/dedicOperations.js, dns/dnsOperations.js, ftp/ftpOperations.js} and the components
#   that read them; ISPsystem docs "Service management via API" (docs.ispsystem.com/billmanager/
#   developer-section/service-management-via-api).
# T (list: vds, vhost, dedic, domain, ...): vdsOperations.js getVDS, vhostOperations.js getVhosts,
#   dedicOperations.js getServersList send p_cnt/p_num and read doc.elem (absent = none), p_elems.$,
#   metadata.toolbar. Rows (DedicItem.jsx, VDSItem.jsx, ServerState.jsx, DomainsTable.jsx): id, domain,
#   ip, ostempl, pricelist, datacentername, createdate, expiredate (domains: real_expiredate), cost.$
#   ("10.00 EUR / Month"), status.$ a bare code ("1".."5"), item_status.$orig the detailed code
#   ("3_autosuspend") with item_status.$ its text, autoprolong.$ present when auto-renew is on.  PROVEN.
# T.edit view: dedicOperations.js getCurrentDedicInfo, vhostOperations.js editVhost (slist autoprolong;
#   options with an empty key are dropped), ftpOperations.js getCurrentStorageInfo.  PROVEN.
# T.edit save of auto-renew: dedicOperations.js editDedicServerNoExtraPay (elid, autoprolong, sok=ok,
#   clicked_button=ok, only the changed fields); "off" is autoprolong=null (dedicOperations.js deleteDedic,
#   EditServerModal.jsx; vds/EditModal.jsx adds {$key:'null'} when the form lacks it).  PROVEN.
# T.delete: vdsOperations.js deleteVDS, vhostOperations.js deleteVhost: elid joined with ", ".  PROVEN.
# service.prolong view: dedicOperations.js getProlongInfo reads slist (period), expiredate, newexpiredate,
#   period, title_name, status.  PROVEN.  Recompute: getUpdateProlongInfo sends elid + period, no sok,
#   no sv_field, reads newexpiredate.$.  PROVEN.  Into the cart: payProlongPeriod sends period,
#   clicked_button=basket, sok=ok.  PROVEN.  Several services: groupedit&faction=service.prolong (not used).
#   Pay now: PROLONG_PAY_FIELDS below — UNPROVEN for service.prolong (no real client seen paying a renewal
#   without the cart; ISPsystem documents skipbasket=on for T.order.param "won't be added into the Cart,
#   but the system will charge the client").
# service.history: dedicOperations.js getServiceHistory (elid, p_cnt, p_num; elem, p_elems).  PROVEN.
#   Columns changedate desc user ip: UNPROVEN (rows are passed whole to a component).
# service.instruction.html: dedicOperations.js getServiceInstruction reads doc.body.$ (HTML).  PROVEN.
# gotoserver: dedicOperations.js goToPanel reads doc.ok.$ (the URL).  PROVEN.
# T.order.pricelist: vhostOperations.js orderVhost, vdsOperations.js getNewPeriodInfo: tariffs are
#   doc.list[$name=tariflist].elem[] (vds reads list[0].elem) with pricelist.$ (id), desc.$ ("NAME | ..."),
#   price.$ (for the period asked; "<b>20%</b> <del>old</del> <b>new</b>" when discounted — VDSOrder.jsx,
#   TarifCard.jsx), order_available.$; periods in slist period, the one shown in doc.period.$; another
#   period: the same call with period=N.  PROVEN.  (dedic and dnshost also answer func=T.order with the
#   same tariflist — dedicOperations.js getTarifs, dnsOperations.js getTarifs; billtui asks T.order when
#   T.order.pricelist answers "not available".)
# T.order.param view: vhostOperations.js orderParamVhost (period, autoprolong, pricelist, datacenter, no
#   sok) reads autoprolong.$, orderinfo.$, slist autoprolong.  PROVEN.
# T.order.param submit: vhostOperations.js (period, licence_agreement=on, autoprolong, pricelist, datacenter,
#   sok=ok), dnsOperations.js orderDNS and ftpOperations.js orderFTP (+ clicked_button=finish),
#   vdsOperations.js setOrderData (+ ostempl, domain, recipe, addon fields, order_count).  PROVEN.
#: The "off" key of ``slist autoprolong`` on real panels; sent only when the form offers no off option.
AUTOPROLONG_OFF_KEY = "null"
#: Labels of an "off" option whose key is not ``null`` (older or translated forms).
AUTOPROLONG_OFF_LABEL = re.compile(r"\b(?:off|disabled?|none|no auto|never)\b|^-+$|нет|отключ", re.IGNORECASE)
#: ``T.edit`` save button (dedicOperations.js editDedicServerNoExtraPay).
SERVICE_EDIT_BUTTON = "ok"
#: ``doc.list[$name=...]`` holding the tariffs of ``T.order.pricelist``.
TARIFF_LIST_NAME = "tariflist"
#: Where tariffs are asked for when ``T.order.pricelist`` is not available: ``T.order`` (dedic, dnshost).
ORDER_START_SUFFIX = ".order"
#: At most this many periods are priced in the order wizard (one ``T.order.pricelist&period=N`` each).
ORDER_PERIODS_MAX = 8
#: The order's last button and licence field (dnsOperations.js orderDNS, ftpOperations.js orderFTP).
ORDER_SUBMIT_BUTTON = "finish"
ORDER_LICENCE_FIELD = "licence_agreement"
#: Renew and pay now without the cart (UNPROVEN for service.prolong, see above).
PROLONG_PAY_FIELDS: tuple[tuple[str, str], ...] = (("skipbasket", "on"),)


# --- evidence: account ---
# whoami: Karantir-dev/billing-typescript src/Redux/userInfo/userOperations.js userInfo reads doc.user
#   $realname $email $phone $id ($email_verified $need_phone_validate); authOperations.js reads
#   doc.ok.$ == "func=totp.confirm".  PROVEN.  The login as the user's text / $name: UNPROVEN (production
#   keeps the name it logged in with; billtui falls back to that too).
# dashboard.info: userOperations.js getUserInfo (no params) → dashBoardInfo reads elem[0].realbalance.$
#   with ' €' and ' EUR' stripped, elem[0].phone.$.  PROVEN.  So money may carry a symbol (values.SYMBOLS).
#   `balance` as a fallback column: UNPROVEN.
# dashboard.subaccount_credit: userOperations.js getAvailableCredit reads elem[0].credit.$ and
#   elem[0].available_credit.$ (bare numbers: ResizeModal.jsx adds +realbalance + +credit).  PROVEN.
#   billtui asks it only when dashboard.info has no credit.
# user.edit view: settingsOperations.js getUserEdit (elid = whoami $id) reads doc.email.$ doc.phone.$
#   doc.realname.$ (+ phone_country, readonly flags in metadata.form).  PROVEN.  ISPsystem b6c page
#   "Edit properties of the selected user (user.edit)": email, name (login), realname, phone.
# user.edit save: settingsOperations.js setPersonalSettings sends func=user.edit sok=ok elid email
#   realname phone.  PROVEN.
# profile (payers): payersOperations.js getPayers / billingOperations.js getPayers (p_col=+time, p_cnt)
#   read elem[] id.$ name.$ profiletype.$ (PayersTable.jsx shows profiletype as the payer's status) and
#   drop rows without id or name; p_elems.  PROVEN.  `status` column: UNPROVEN (shown when present).
# account.discountinfo: cartOperations.js getSalesList (no params): new API
#   doc.list[$name=promotion].elem, else doc.elem (old API).  PROVEN.  billmgr_api.py
#   AccountDiscountinfoRequest.get_active_promotion_discounts: id.$, name.name.$, value.text.$.  PROVEN.
#: The ``doc.list`` of ``account.discountinfo`` holding the discounts on new-API panels.
DISCOUNT_LIST_NAME = "promotion"
#: New-API promotion cells wrap their text in an inner element (``name.name``, ``value.text``).
DISCOUNT_INNER_TEXT = ("name", "text", "value")
#: Balance columns of ``dashboard.info`` ``elem[0]``, first found wins.
BALANCE_FIELDS = ("realbalance", "balance")
#: Where the credit lives when ``dashboard.info`` has none (userOperations.js getAvailableCredit).
DASHBOARD_CREDIT_FUNC = "dashboard.subaccount_credit"
#: Error texts production treats as "no right / maybe an expired session" whatever the ``$type``
#: (checkIfTokenAlive.js then asks keepalive): read as ``access``.
ACCESS_DENIED_TEXT = re.compile(r"insufficient privileges to perform|недостаточно прав на выполнение функции",
                                re.IGNORECASE)
