"""Settings: notification subscriptions, contact data, user settings, the affiliate program.

Notice switches live where production panels keep them: ``usrparam`` fields
``<group>_notice_<channel>`` (``finance_notice_ntemail`` = "on"/"off"; groups finance news service
support, channels ntemail ntsms ntmessenger), read and saved with ``usrparam`` (the production
customer panel Karantir-dev/billing-typescript, src/Redux/settings/settingsOperations.js). A switch
is "on" when every notice of the group is subscribed on that channel; saving it sets them all.

The ``mainsubscribe`` / ``subscribe`` lists are answered too (ISPsystem's function page names them,
with ``notice_id`` as the key of ``subscribe`` rows). (assumed) ``subscribe`` rows also carry one cell
per channel (``email sms telegram panel``), each ``{"$orig": "on"|"off", "$": "On"|"Off"}``;
``subscribe.suspend`` / ``subscribe.resume`` take notice ids in ``elid`` and an optional
``channel`` (one of the four; absent = all channels).

``usrparam`` also says ``status_totp`` ("on"/"off") and turns 2FA off on ``disable_totp=<code>``;
``lang`` sent with a save is the user's new language, as on a real panel.
"""
from __future__ import annotations

import re

from ..catalog import AFFILIATE_PROGRAMS, ATYPES, CHANNEL_TITLES, CHANNELS, COUNTRIES, LANGS, TIMEZONES
from ..context import Ctx, Doc
from ..doc import cell, form, ok, slist, t
from ..errors import ApiError, missed_field, not_found, value_error
from ..listing import Column, ListSpec, run_list
from .auth import TOTP_CODE

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MIN_PASSWORD = 4

MAINSUBSCRIBE = ListSpec(
    func="mainsubscribe", title="Notification subscription", source="notice_groups",
    columns=[Column("id", "Id", "id", "digit"), Column("type", "Type", "type"), Column("name", "Group", "name")],
    render=lambda r, _c: {"id": t(r["id"]), "type": t(r["type"]), "name": t(r["name"])},
    default_sort="id", default_order="asc", toolbar=[("edit", "subscribe")])


def _sub_render(row, ctx: Ctx) -> dict:
    states = {r["channel"]: r["active"] for r in
              ctx.store.all("SELECT channel, active FROM subscriptions WHERE notice_id=?", (row["id"],))}
    node = {"id": t(row["id"]), "notice_id": t(row["id"]), "notice": t(row["name"]), "type": t(row["grp"])}
    for channel in CHANNELS:
        on = bool(states.get(channel))
        node[channel] = cell(ctx.tr("On" if on else "Off"), "on" if on else "off")
    return node


SUBSCRIBE = ListSpec(
    func="subscribe", title="Notifications", source="notices",
    columns=[Column("id", "Id", "id", "digit"), Column("notice", "Notification", "name")]
    + [Column(c, CHANNEL_TITLES[c], "id") for c in CHANNELS],
    render=_sub_render, default_sort="id", default_order="asc",
    toolbar=[("suspend", "subscribe.suspend"), ("resume", "subscribe.resume")])


def subscribe(ctx: Ctx) -> Doc:
    """``subscribe`` (optionally ``elid`` = a notice group from ``mainsubscribe``)."""
    group = ctx.p("elid")
    if group:
        if not group.isdigit() or ctx.store.one("SELECT id FROM notice_groups WHERE id=?", (group,)) is None:
            raise not_found("elid", group)
        return run_list(ctx, SUBSCRIBE, (["grp = ?"], [int(group)]))
    return run_list(ctx, SUBSCRIBE)


def _switch(ctx: Ctx, active: int) -> Doc:
    ids = ctx.elids
    if not ids:
        raise missed_field("elid", "Notification")
    channel = ctx.p("channel")
    if channel and channel not in CHANNELS:
        raise value_error("channel", "Channel", channel)
    channels = [channel] if channel else list(CHANNELS)
    for nid in ids:
        if not nid.isdigit() or ctx.store.one("SELECT id FROM notices WHERE id=?", (nid,)) is None:
            raise not_found("elid", nid)
    for nid in ids:
        for ch in channels:
            ctx.store.run("INSERT OR REPLACE INTO subscriptions VALUES (?, ?, ?)", (int(nid), ch, active))
    return ok()


def clientoption(ctx: Ctx) -> Doc:
    """``clientoption`` (Standard only): the contact data for notifications."""
    if ctx.sok:
        email = ctx.p("email")
        if not EMAIL_RE.match(email):
            raise value_error("email", "Email for notifications", email)
        country = ctx.p("country") or ctx.store.kv("country")
        if country not in COUNTRIES:
            raise value_error("country", "Country", country)
        for key, value in (("contactperson", ctx.p("contactperson")), ("notify_email", email),
                           ("phone", ctx.p("phone")), ("country", country)):
            ctx.store.set_kv(key, value)
        return ok()
    return form(ctx.func, {"contactperson": ctx.store.kv("contactperson"), "email": ctx.store.kv("notify_email"),
                           "phone": ctx.store.kv("phone"), "country": ctx.store.kv("country")},
                slists=[slist("country", [(k, ctx.tr(v)) for k, v in COUNTRIES.items()])],
                messages={"contactperson": "Contact person", "email": "Email for notifications",
                          "phone": "Phone", "country": "Country"})


def usrparam(ctx: Ctx) -> Doc:
    """``usrparam``: user settings and the password change."""
    row = ctx.store.row("SELECT * FROM users WHERE id=?", (ctx.user_id,))
    if not ctx.sok:
        return form(ctx.func, {"elid": row["id"], "email": row["email"], "timezone": row["timezone"],
                               "lang": row["lang"], "atype": row["atype"], "addr": row["addr"],
                               "sendemail": row["sendemail"], "old_passwd": "", "passwd": "", "confirm": "",
                               "status_totp": "on" if row["totp"] else "off", "disable_totp": "",
                               **_notice_switches(ctx)},
                    slists=[slist("timezone", [(z, z) for z in TIMEZONES]), slist("lang", LANGS.items()),
                            slist("atype", [(k, ctx.tr(v)) for k, v in ATYPES.items()])],
                    messages={"email": "Email", "timezone": "Time zone", "lang": "Language",
                              "atype": "Access", "addr": "Allowed IP addresses",
                              "sendemail": "Email me on every login", "old_passwd": "Current password",
                              "passwd": "New password", "confirm": "Confirm password"})
    # An empty value is what the production panel sends for a field it has nothing for
    # (qs.stringify of null): it changes nothing here.
    email = ctx.p("email") or row["email"]
    if not EMAIL_RE.match(email):
        raise value_error("email", "Email", email)
    timezone = ctx.p("timezone") or row["timezone"]
    if timezone not in TIMEZONES:
        raise value_error("timezone", "Time zone", timezone)
    lang = ctx.p("lang") or row["lang"]
    if lang not in LANGS:
        raise value_error("lang", "Language", lang)
    atype = ctx.p("atype") or row["atype"]
    if atype not in ATYPES:
        raise value_error("atype", "Access", atype)
    sendemail = ctx.p("sendemail") or row["sendemail"]
    if sendemail not in ("on", "off"):
        raise value_error("sendemail", "Email me on every login", sendemail)
    new_password = ctx.params.get("passwd", "")
    if new_password or ctx.params.get("old_passwd"):
        if ctx.params.get("old_passwd", "") != row["password"]:
            raise value_error("old_passwd", "Current password", "")
        if len(new_password) < MIN_PASSWORD:
            raise value_error("passwd", "New password", "")
        if ctx.params.get("confirm", "") != new_password:
            raise value_error("confirm", "Confirm password", "")
    disable = ctx.p("disable_totp")
    if disable:
        if not row["totp"]:
            raise ApiError("value", "disable_totp", "Two-step verification is not enabled",
                           label="Disable 2-Step Verification")
        if disable != TOTP_CODE:
            raise ApiError("value", "disable_totp", "Invalid code", label="Disable 2-Step Verification")
    switches = _parse_switches(ctx)
    # Everything is checked: nothing below can fail half-way.
    if new_password:
        ctx.store.run("UPDATE users SET password=? WHERE id=?", (new_password, row["id"]))
    if disable:
        ctx.store.run("UPDATE users SET totp=0 WHERE id=?", (row["id"],))
    for (grp, channel), on in switches.items():
        ctx.store.run("INSERT OR REPLACE INTO subscriptions SELECT id, ?, ? FROM notices WHERE grp=?",
                      (channel, 1 if on else 0, grp))
    ctx.store.run("UPDATE users SET email=?, timezone=?, lang=?, atype=?, addr=?, sendemail=? WHERE id=?",
                  (email, timezone, lang, atype, ctx.p("addr", row["addr"]), sendemail, row["id"]))
    return ok()


#: usrparam channel suffix → the demo's channel (the panel channel has no usrparam switch).
USRPARAM_CHANNELS = {"ntemail": "email", "ntsms": "sms", "ntmessenger": "telegram"}


def _notice_switches(ctx: Ctx) -> dict[str, str]:
    """``<group type>_notice_<ntchannel>`` → "on" when all of the group's notices are on."""
    out: dict[str, str] = {}
    for g in ctx.store.all("SELECT id, type FROM notice_groups ORDER BY id"):
        for suffix, channel in USRPARAM_CHANNELS.items():
            states = [r["active"] for r in ctx.store.all(
                "SELECT s.active FROM subscriptions s JOIN notices n ON n.id = s.notice_id "
                "WHERE n.grp=? AND s.channel=?", (g["id"], channel))]
            out[f"{g['type']}_notice_{suffix}"] = "on" if states and all(states) else "off"
    return out


def _parse_switches(ctx: Ctx) -> dict[tuple[int, str], bool]:
    """The notice switches a save sends; an unknown group or a value other than on/off is refused."""
    groups = {r["type"]: r["id"] for r in ctx.store.all("SELECT id, type FROM notice_groups")}
    out: dict[tuple[int, str], bool] = {}
    for name, value in ctx.params.items():
        head, sep, suffix = name.rpartition("_notice_")
        if not sep or suffix not in USRPARAM_CHANNELS:
            continue
        if head not in groups:
            raise value_error(name, "Notification", value)
        if value.strip() not in ("on", "off"):
            raise value_error(name, "Notification", value)
        out[(groups[head], USRPARAM_CHANNELS[suffix])] = value.strip() == "on"
    return out


def affiliate_client(ctx: Ctx) -> Doc:
    """``affiliate.client`` (Advanced only): the program joined, the referral link, the promo code."""
    if ctx.sok:
        program = ctx.p("affiliate") or ctx.store.kv("affiliate")
        if program not in AFFILIATE_PROGRAMS:
            raise value_error("affiliate", "Affiliate program", program)
        promocode = ctx.p("promocode", ctx.store.kv("affiliate_promocode"))
        if promocode and not re.fullmatch(r"[A-Za-z0-9_-]{3,32}", promocode):
            raise value_error("promocode", "Promo code", promocode)
        ctx.store.set_kv("affiliate", program)
        ctx.store.set_kv("affiliate_promocode", promocode)
        return ok()
    return form(ctx.func, {"affiliate": ctx.store.kv("affiliate"),
                           "url": f"https://hosting.example.com/?from=demo-{ctx.user_id}",
                           "promocode": ctx.store.kv("affiliate_promocode")},
                slists=[slist("affiliate", AFFILIATE_PROGRAMS.items())],
                messages={"affiliate": "Affiliate program", "url": "Referral link", "promocode": "Promo code"})


HANDLERS = {"mainsubscribe": lambda ctx: run_list(ctx, MAINSUBSCRIBE), "subscribe": subscribe,
            "subscribe.suspend": lambda ctx: _switch(ctx, 0), "subscribe.resume": lambda ctx: _switch(ctx, 1),
            "clientoption": clientoption, "usrparam": usrparam, "affiliate.client": affiliate_client}
