"""Login, logout, keep-alive, who-am-I and the second factor."""
from __future__ import annotations

import base64
import hashlib

from ..context import Ctx, Doc
from ..doc import ok, t
from ..errors import ApiError, auth_error, missed_field

TOTP_CODE = "123456"  # the demo's second-factor code (any authenticator would do in real life)

# Functions a session may call before its second factor is confirmed.
PRE_TOTP_FUNCS = frozenset({"whoami", "totp.confirm", "logon"})


def auth(ctx: Ctx) -> Doc:
    """``func=auth``: check the password, count failures, lock after too many."""
    login = ctx.p("username")
    password = ctx.params.get("password", "")
    if ctx.sessions.is_blocked(login):
        raise auth_error("blocklogon")
    row = ctx.store.one("SELECT * FROM users WHERE login=?", (login,))
    if row is None or row["password"] != password:
        ctx.sessions.failed(login)
        raise auth_error("badpassword")
    ctx.sessions.succeeded(login)
    session = ctx.sessions.create(row["id"], login, pending_totp=bool(row["totp"]))
    return {"auth": {"$id": session.sid, "$level": "16", "$": session.sid}}


def whoami(ctx: Ctx) -> Doc:
    """``func=whoami``: the user; asks for the second factor while it is pending."""
    row = ctx.store.one("SELECT * FROM users WHERE id=?", (ctx.user_id,))
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
    row = ctx.store.one("SELECT login FROM users WHERE id=?", (ctx.user_id,))
    secret = base64.b32encode(hashlib.sha1(f"demo-{ctx.user_id}".encode()).digest()[:10]).decode()
    if ctx.sok:
        if ctx.p("qrcode") != TOTP_CODE:
            raise ApiError("value", "qrcode", "Invalid confirmation code", label="Confirmation code")
        ctx.store.run("UPDATE users SET totp=1 WHERE id=?", (ctx.user_id,))
        return ok()
    url = f"otpauth://totp/BILLmanager%20demo:{row['login']}?secret={secret}&issuer=BILLmanager%20demo"
    return {"secret": t(secret), "qrcode": t(""), "qrimage": t(url), "url": t(url),
            "messages": {"msg": {"secret": "Secret key", "qrcode": "Confirmation code"}}}


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
