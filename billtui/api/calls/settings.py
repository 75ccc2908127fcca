"""Settings: notification subscriptions, contact data, user settings, password, 2FA, affiliate.

Evidence for every call: ``assumed.py`` section ``# --- evidence: settings ---``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from billtui.i18n import N_, _

from .. import assumed, models
from ..client import BillClient
from ..errors import ApiError
from ..lists import NOTICE_GROUPS, SUBSCRIPTIONS
from ._util import CallFields, fetch_all, ids
from .account import _own_id

#: Where a notification matrix comes from: ``usrparam`` switches (what production panels use) or
#: the ``mainsubscribe``/``subscribe`` lists (ISPsystem's function page; no real client seen).
SOURCE_USRPARAM = "usrparam"
SOURCE_SUBSCRIBE = "subscribe"

#: Column titles of the list channels (billtui's: "Panel" is marked for translation, the others are names).
_LIST_CHANNEL_TITLES = {"email": "Email", "sms": "SMS", "telegram": "Telegram", "panel": N_("Panel")}


@dataclass(frozen=True)
class NoticeMatrix:
    """Notification switches as rows × channels, with the way to save them (``source``)."""

    source: str
    #: (channel key as the panel names it, column title), in display order.
    channels: tuple[tuple[str, str], ...]
    notices: list[models.Notice] = field(default_factory=list)
    groups: list[models.Notice] = field(default_factory=list)
    #: The ``usrparam`` view the switches came from (its ``lang`` goes back with a save).
    form: models.FormData | None = None


def _keep(form: models.FormData | None) -> CallFields:
    """Fields a ``usrparam`` save must repeat so it changes nothing else: ``lang`` sent with a save
    is the user's new language (production changeLang), and every request of ours carries the
    client's ``lang``; so a save carries the language the form has, or no ``lang`` at all."""
    if form is not None and form.get("lang"):
        return {"lang": form.get("lang")}
    return {"lang": assumed.OMIT_LANG}


async def notice_groups(client: BillClient) -> list[models.Notice]:
    return await fetch_all(client, NOTICE_GROUPS)


async def subscriptions(client: BillClient, group: str | None = None) -> list[models.Notice]:
    """Per-channel subscriptions (of one notice group when ``group`` is given)."""
    if group:
        return await fetch_all(client, SUBSCRIPTIONS, elid=group)
    return await fetch_all(client, SUBSCRIPTIONS)


def _channel_title(channel: str) -> str:
    if channel in assumed.USRPARAM_NOTICE_CHANNEL_TITLES:
        return _(assumed.USRPARAM_NOTICE_CHANNEL_TITLES[channel])
    bare = channel[2:] if channel.startswith("nt") else channel
    known = _LIST_CHANNEL_TITLES.get(bare)
    return _(known) if known else (bare.capitalize() or channel)


def matrix_from_usrparam(form: models.FormData) -> NoticeMatrix | None:
    """The ``usrparam`` notice switches as a matrix; None when the form has none."""
    rows = models.Notice.switches_from_usrparam(form.values)
    if not rows:
        return None
    order: list[str] = []
    for row in rows:
        order.extend(ch for ch in row.channels if ch not in order)
    known = list(assumed.USRPARAM_NOTICE_CHANNEL_TITLES)  # Email, SMS, Messenger first, as labelled
    order.sort(key=lambda ch: (known.index(ch) if ch in known else len(known)))
    return NoticeMatrix(SOURCE_USRPARAM, tuple((ch, _channel_title(ch)) for ch in order), rows, [], form)


async def notice_matrix(client: BillClient) -> NoticeMatrix:
    """What the Notification subscription screen shows: the ``usrparam`` switches when the panel
    has them (production panels do), else the ``mainsubscribe`` / ``subscribe`` lists."""
    try:
        found = matrix_from_usrparam(await usrparam_view(client))
    except ApiError:
        found = None  # no usrparam here: the lists may still answer
    if found is not None:
        return found
    groups, notices = await asyncio.gather(notice_groups(client), subscriptions(client))
    present = [ch for ch in assumed.NOTICE_CHANNEL_COLUMNS if any(ch in n.channels for n in notices)]
    channels = tuple((ch, _channel_title(ch)) for ch in (present or assumed.NOTICE_CHANNEL_COLUMNS))
    return NoticeMatrix(SOURCE_SUBSCRIBE, channels, notices, groups)


async def save_notice_switches(client: BillClient, switches: Mapping[tuple[str, str], bool],
                               form: models.FormData | None = None) -> None:
    """Save ``usrparam`` notice switches: ``{(group, channel): on}`` → ``<group>_notice_<channel>=on|off``.
    The production panel sends the whole set at once; so does the caller."""
    elid = await _own_id(client)
    fields: CallFields = {assumed.USRPARAM_NOTICE_FIELD.format(group=g, channel=ch): "on" if on else "off"
                          for (g, ch), on in switches.items()}
    await client.call("usrparam", write=True, sok="ok", elid=elid, **_keep(form), **fields)


def _channel(channel: str | None) -> CallFields:
    return {assumed.SUBSCRIBE_CHANNEL_PARAM: channel} if channel else {}


async def suspend(client: BillClient, notice_ids: str | Iterable[str], channel: str | None = None) -> None:
    """Unsubscribe notices, on one ``channel`` (email, sms, telegram, panel) or on all."""
    await client.call("subscribe.suspend", write=True, elid=ids(notice_ids), **_channel(channel))


async def resume(client: BillClient, notice_ids: str | Iterable[str], channel: str | None = None) -> None:
    """Subscribe notices again, on one ``channel`` or on all."""
    await client.call("subscribe.resume", write=True, elid=ids(notice_ids), **_channel(channel))


async def clientoption_view(client: BillClient) -> models.FormData:
    """Contact data form; fields assumed (``assumed.CLIENTOPTION_FIELDS``)."""
    return models.FormData.from_doc(await client.call("clientoption"))


async def clientoption_save(client: BillClient, **values: str) -> None:
    fields: CallFields = values
    await client.call("clientoption", write=True, sok="ok", **fields)


async def usrparam_view(client: BillClient) -> models.FormData:
    """``email timezone lang atype addr sendemail status_totp`` and the notice switches."""
    return models.FormData.from_doc(await client.call("usrparam"))


async def usrparam_save(client: BillClient, **values: str) -> None:
    """Save user settings; ``elid`` is the user's own id, as the production panel sends it."""
    values.setdefault("elid", await _own_id(client))
    values.setdefault("lang", assumed.OMIT_LANG)  # not changed here: keep the user's own (see _keep)
    fields: CallFields = values
    await client.call("usrparam", write=True, sok="ok", **fields)


async def change_password(client: BillClient, old: str, new: str, form: models.FormData | None = None) -> None:
    """A wrong old password is a ``FieldError`` on ``old_passwd``. The client's stored password is
    not changed here: the caller updates the keyring and the client's password source."""
    elid = await _own_id(client)
    await client.call("usrparam", write=True, sok="ok", elid=elid, old_passwd=old, passwd=new, confirm=new,
                      **_keep(form))


def totp_status(form: models.FormData) -> bool | None:
    """Whether two-factor authentication is on, from the ``usrparam`` view; None if it does not say."""
    for name in assumed.USRPARAM_TOTP_FIELDS:
        if name in form.values:
            return form.values[name].strip().lower() in assumed.TRUE_VALUES
    return None


async def totp_new(client: BillClient) -> models.FormData:
    """Start enabling 2FA: the form with the secret (and the panel's QR image link)."""
    return models.FormData.from_doc(await client.call("totp.new"))


def totp_otpauth_url(form: models.FormData) -> str:
    """An ``otpauth://`` URL from the ``totp.new`` view, or "" (real panels give a PNG link instead)."""
    for name in assumed.TOTP_URL_FIELDS:
        value = form.get(name).strip()
        if value.lower().startswith("otpauth://"):
            return value
    return ""


def totp_confirm_fields(client: BillClient, form: models.FormData | None) -> dict[str, str]:
    """What goes back with the code: the form's ``secret`` and ``login`` as it gave them, and the
    production panel's ``show_actualtime=show``; a form without ``login`` gets the label the
    production panel builds, ``host(login)``."""
    values = form.values if form is not None else {}
    out = {name: values[name] for name in assumed.TOTP_NEW_ECHO_FIELDS if values.get(name)}
    if "login" not in out and client.username:
        out["login"] = f"{client.host.split(':')[0]}({client.username})"
    return {**out, **assumed.TOTP_NEW_EXTRA}


async def totp_confirm_new(client: BillClient, code: str, form: models.FormData | None = None,
                           **values: str) -> None:
    """Finish enabling 2FA with the first code from the authenticator."""
    fields: CallFields = {**totp_confirm_fields(client, form), **values}
    await client.call("totp.new", write=True, sok="ok", qrcode=code, **fields)


async def totp_disable(client: BillClient, code: str, form: models.FormData | None = None) -> None:
    """Turn 2FA off with a current code; a wrong code is a ``FieldError`` on ``disable_totp``."""
    elid = await _own_id(client)
    disable: CallFields = {assumed.USRPARAM_TOTP_DISABLE_FIELD: code}
    await client.call("usrparam", write=True, sok="ok", elid=elid, **_keep(form), **disable)


async def affiliate_view(client: BillClient) -> models.FormData:
    """``affiliate`` program to join, referral ``url``, ``promocode`` (``url`` and ``promocode`` are what
    Karantir-dev/billing-typescript affiliateProgram operations.js getReferralLink reads)."""
    return models.FormData.from_doc(await client.call("affiliate.client"))


async def affiliate_save(client: BillClient, **values: str) -> None:
    """Save the program choice. UNPROVEN: no real client seen saving ``affiliate.client``."""
    fields: CallFields = values
    await client.call("affiliate.client", write=True, sok="ok", **fields)


__all__ = ["notice_groups", "subscriptions", "suspend", "resume", "clientoption_view", "clientoption_save",
           "usrparam_view", "usrparam_save", "change_password", "totp_status", "totp_new", "totp_confirm_new",
           "totp_confirm_fields", "totp_otpauth_url", "totp_disable", "notice_matrix", "matrix_from_usrparam",
           "save_notice_switches", "NoticeMatrix", "SOURCE_USRPARAM", "SOURCE_SUBSCRIBE",
           "affiliate_view", "affiliate_save"]
