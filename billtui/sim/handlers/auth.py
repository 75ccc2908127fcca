"""Login, logout, keep-alive, who-am-I and the second factor."""
from __future__ import annotations

import base64
import hashlib
from typing import Any

from ..context import Ctx, Doc
from ..db import Store
from ..doc import ok, t
from ..errors import ApiError, auth_error, missed_field
from ..sessions import Session, Sessions

TOTP_CODE = "123456"  # the demo's second-factor code (any authenticator would do in real life)

# Functions a session may call before its second factor is confirmed.
PRE_TOTP_FUNCS = frozenset({"whoami", "totp.confirm", "logon"})


def check_login(store: Store, sessions: Sessions, login: str, password: str) -> Any:
    """The user row for a good login; ``auth`` errors (counted, locking) for a bad one.

    Shared by ``func=auth`` and by ``authinfo=LOGIN:PASSWORD`` on a single call (ISPsystem
    "Guide to ISPsystem software API"), so both count towards ``blocklogon``.
    """
    if sessions.is_blocked(login):
        raise auth_error("blocklogon")
    row = store.one("SELECT * FROM users WHERE login=?", (login,))
    if row is None or row["password"] != password:
        sessions.failed(login)
        raise auth_error("badpassword")
    sessions.succeeded(login)
    return row


def authinfo_session(store: Store, sessions: Sessions, authinfo: str) -> Session:
    """A session for one call authorised by ``authinfo=LOGIN:PASSWORD``; the caller drops it.

    (assumed) A bad ``authinfo`` answers like a bad ``func=auth`` (``$type=auth``,
    ``badpassword``); an account with two-factor login gets a session still waiting for the
    code, so only the pre-2FA functions answer (the guide says nothing about 2FA here).
    """
    login, sep, password = authinfo.partition(":")
    if not sep:
        raise auth_error("badpassword")
    row = check_login(store, sessions, login.strip(), password)
    return sessions.create(row["id"], row["login"], pending_totp=bool(row["totp"]))


def auth(ctx: Ctx) -> Doc:
    """``func=auth``: check the password, count failures, lock after too many."""
    login = ctx.p("username")
    row = check_login(ctx.store, ctx.sessions, login, ctx.params.get("password", ""))
    session = ctx.sessions.create(row["id"], login, pending_totp=bool(row["totp"]))
    return {"auth": {"$id": session.sid, "$level": "16", "$": session.sid}}


def whoami(ctx: Ctx) -> Doc:
    """``func=whoami``: the user; asks for the second factor while it is pending."""
    row = ctx.store.row("SELECT * FROM users WHERE id=?", (ctx.user_id,))
    doc: Doc = {"user": {"$id": str(row["id"]), "$name": row["login"], "$realname": row["realname"],
                         "$email": row["email"], "$phone": row["phone"], "$level": "16",
                         "$": row["login"]}}
    if ctx.session is not None and ctx.session.pending_totp:
        doc.update(ok("func=totp.confirm"))
    return doc


def totp_confirm(ctx: Ctx) -> Doc:
    """``func=totp.confirm``: a good code swaps the half-open session for a final one."""
    code = ctx.p("qrcode")
    if not code:
        raise missed_field("qrcode", "Confirmation code")
    if code != TOTP_CODE:
        raise ApiError("value", "qrcode", "Invalid confirmation code", label="Confirmation code",
                       detail="The '__object__' field has invalid value.")
    assert ctx.session is not None
    old = ctx.session
    ctx.sessions.drop(old.sid)
    session = ctx.sessions.create(old.user_id, old.login)
    return {"auth": {"$id": session.sid, "$level": "16", "$": session.sid}, **ok()}


def totp_new(ctx: Ctx) -> Doc:
    """``func=totp.new``: a secret and its otpauth URL; ``sok`` with the code turns 2FA on."""
    secret = base64.b32encode(hashlib.sha1(f"demo-{ctx.user_id}".encode()).digest()[:10]).decode()
    if ctx.sok:
        # What the production panel sends (Karantir-dev/billing-typescript settingsOperations.js
        # setTotpPassword): qrcode, secret, login, show_actualtime. A secret other than the one
        # this form issued is refused, as the code would not match it.
        if ctx.p("secret") and ctx.p("secret") != secret:
            raise ApiError("value", "secret", "Invalid secret key", label="Secret key")
        if ctx.p("qrcode") != TOTP_CODE:
            raise ApiError("value", "qrcode", "Invalid confirmation code", label="Confirmation code")
        ctx.store.run("UPDATE users SET totp=1 WHERE id=?", (ctx.user_id,))
        return ok()
    # The real view (setTotp): secret, qrimage = a panel link to the QR code PNG (not an otpauth
    # URL), the download links, the server time; login is the label the authenticator shows.
    # Only the view needs the user's row (store.row fails without one); a submit does not read it.
    row = ctx.store.row("SELECT login FROM users WHERE id=?", (ctx.user_id,))
    login = f"billing.example.com({row['login']})"
    return {"secret": t(secret), "qrcode": t(""), "login": t(login),
            "qrimage": t(f"?func=totp.new.qrimage&login={row['login']}"),
            "qrimage_download_link": t("?func=totp.new.qrimage&download=on"),
            "secret_download_link": t("?func=totp.new.file"),
            "actualtime": t(ctx.store.now()),
            "messages": {"msg": {"secret": "Secret key", "qrcode": "Authentication code"}}}


def keepalive(ctx: Ctx) -> Doc:
    """``func=keepalive``: touching the session already happened in dispatch."""
    return ok()


def logon(ctx: Ctx) -> Doc:
    """``func=logon`` with a session: log out."""
    if ctx.session is not None:
        ctx.sessions.drop(ctx.session.sid)
    return ok()


HANDLERS = {"auth": auth, "whoami": whoami, "totp.confirm": totp_confirm, "totp.new": totp_new,
            "keepalive": keepalive, "logon": logon}
PUBLIC = frozenset({"auth"})
