"""Settings: notification subscriptions, contact data, user settings, password, 2FA, affiliate."""

from __future__ import annotations

from collections.abc import Iterable

from .. import assumed, models
from ..client import BillClient
from ..lists import NOTICE_GROUPS, SUBSCRIPTIONS
from ._util import fetch_all, ids
from .account import _own_id


async def notice_groups(client: BillClient) -> list[models.Notice]:
    return await fetch_all(client, NOTICE_GROUPS)


async def subscriptions(client: BillClient, group: str | None = None) -> list[models.Notice]:
    """Per-channel subscriptions (of one notice group when ``group`` is given)."""
    if group:
        return await fetch_all(client, SUBSCRIPTIONS, elid=group)
    return await fetch_all(client, SUBSCRIPTIONS)


def _channel(channel: str | None) -> dict[str, str]:
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
    await client.call("clientoption", write=True, sok="ok", **values)


async def usrparam_view(client: BillClient) -> models.FormData:
    """``email timezone lang atype addr sendemail`` with their option lists."""
    return models.FormData.from_doc(await client.call("usrparam"))


async def usrparam_save(client: BillClient, **values: str) -> None:
    await client.call("usrparam", write=True, sok="ok", **values)


async def change_password(client: BillClient, old: str, new: str) -> None:
    """A wrong old password is a ``FieldError`` on ``old_passwd``. The client's stored password is
    not changed here: the caller updates the keyring and the client's password source."""
    elid = await _own_id(client)
    await client.call("usrparam", write=True, sok="ok", elid=elid, old_passwd=old, passwd=new, confirm=new)


def totp_status(form: models.FormData) -> bool | None:
    """Whether two-factor authentication is on, from the ``usrparam`` view; None if it does not say."""
    for name in assumed.USRPARAM_TOTP_FIELDS:
        if name in form.values:
            return form.values[name].strip().lower() in assumed.TRUE_VALUES
    return None


async def totp_new(client: BillClient) -> models.FormData:
    """Start enabling 2FA: the form with the secret / QR code to scan."""
    return models.FormData.from_doc(await client.call("totp.new"))


async def totp_confirm_new(client: BillClient, code: str, **values: str) -> None:
    """Finish enabling 2FA with the first code from the authenticator."""
    await client.call("totp.new", write=True, sok="ok", qrcode=code, **values)


async def affiliate_view(client: BillClient) -> models.FormData:
    """``affiliate`` program to join, referral ``url``, ``promocode``."""
    return models.FormData.from_doc(await client.call("affiliate.client"))


async def affiliate_save(client: BillClient, **values: str) -> None:
    await client.call("affiliate.client", write=True, sok="ok", **values)


__all__ = ["notice_groups", "subscriptions", "suspend", "resume", "clientoption_view", "clientoption_save",
           "usrparam_view", "usrparam_save", "change_password", "totp_status", "totp_new", "totp_confirm_new",
           "affiliate_view", "affiliate_save"]
