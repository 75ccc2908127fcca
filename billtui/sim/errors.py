"""API-level errors (API.md section 4) and the assumed names for the odd cases.

Everything marked (assumed) is not documented anywhere; it lives here so a difference
found on a real panel is a one-line change.
"""
from __future__ import annotations

from typing import Any

from . import language

# (assumed) An unknown or disabled function: type "missed", object "func".
UNKNOWN_FUNC_TYPE = "missed"
UNKNOWN_FUNC_OBJECT = "func"
UNKNOWN_FUNC_MSG = "The function '{func}' is not available"
# (assumed) The "long call still running" answer: type "busy".
BUSY_TYPE = "busy"
BUSY_MSG = "Request in process, please wait"
ACCESS_MSG = "Access denied. Your session has expired or you have no right to do this."

_AUTH_MSGS = {
    "badpassword": "Invalid username or password",
    "blocklogon": "Too many failed login attempts. Try again later",
}


class ApiError(Exception):
    """Raised by a handler; the app turns it into an HTTP 200 ``error`` node."""

    def __init__(self, type_: str, obj: str = "", msg: str = "", *, label: str = "",
                 value: str | None = None, detail: str = "") -> None:
        super().__init__(msg or type_)
        self.type = type_
        self.object = obj
        self.msg = msg
        self.label = label or obj
        self.value = value
        self.detail = detail

    def to_node(self, lang: str = "en") -> dict[str, Any]:
        """Build the ``error`` node in the shape of API.md section 4, in ``lang``: the template
        (``detail``), the field's label and so the message; the codes (``$type``, ``$object``)
        and the value are the same in every language."""
        label, detail, msg = self.label, self.detail or self.msg, self.msg
        if lang != language.DEFAULT:
            label = language.text(lang, self.label)
            detail = language.text(lang, detail)
            if language.text(lang, self.msg) != self.msg:
                msg = language.text(lang, self.msg)  # a whole message of its own
            elif self.detail and _filled(self.detail, self.label, self.value) == self.msg:
                msg = _filled(detail, label, self.value)  # the template, filled in
        params: list[dict[str, str]] = []
        if self.object:
            params.append({"$name": "object", "$type": "msg", "$msg": self.object, "$": label})
        if self.value is not None:
            params.append({"$name": "value", "$": self.value})
        node: dict[str, Any] = {"$type": self.type, "$object": self.object, "$lang": lang}
        if params:
            node["param"] = params
        node["detail"] = {"$": detail}
        node["msg"] = {"$": msg}
        return node


def _filled(template: str, label: str, value: str | None) -> str:
    """A ``detail`` template with its placeholders filled, as the panel fills ``msg``."""
    return template.replace("__object__", label).replace("__value__", value or "")


def value_error(field: str, label: str, value: str) -> ApiError:
    """A field holds an invalid value."""
    return ApiError("value", field, f"The '{label}' field has invalid value.", label=label,
                    value=value, detail="The '__object__' field has invalid value.")


def missed_field(field: str, label: str) -> ApiError:
    """A required field is empty."""
    return ApiError("missed", field, f"The '{label}' field is required.", label=label,
                    detail="The '__object__' field is required.")


def not_found(obj: str = "elid", value: str = "") -> ApiError:
    """An object named by the request does not exist (or is not this customer's)."""
    return ApiError("missed", obj, f"Object '{value}' not found", value=value,
                    detail="Object '__value__' not found")


def unknown_func(func: str) -> ApiError:
    """The function does not exist, is disabled, or is not in this edition."""
    return ApiError(UNKNOWN_FUNC_TYPE, UNKNOWN_FUNC_OBJECT, UNKNOWN_FUNC_MSG.format(func=func),
                    value=func, detail="The function '__value__' is not available")


def access_error() -> ApiError:
    """Unknown, expired or not-yet-confirmed session."""
    return ApiError("access", "", ACCESS_MSG)


def auth_error(reason: str) -> ApiError:
    """A refused login; ``reason`` is the documented ``$object``."""
    return ApiError("auth", reason, _AUTH_MSGS.get(reason, "Login refused"))


def busy_error() -> ApiError:
    """The answer of a panel that is still running another call of this session."""
    return ApiError(BUSY_TYPE, "", BUSY_MSG)
