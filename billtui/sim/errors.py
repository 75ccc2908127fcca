"""API-level errors (API.md section 4) and the assumed names for the odd cases.

Everything marked (assumed) is not documented anywhere; it lives here so a difference
found on a real panel is a one-line change.
"""
from __future__ import annotations

from typing import Any

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
        """Build the ``error`` node in the shape of API.md section 4."""
        params: list[dict[str, str]] = []
        if self.object:
            params.append({"$name": "object", "$type": "msg", "$msg": self.object, "$": self.label})
        if self.value is not None:
            params.append({"$name": "value", "$": self.value})
        node: dict[str, Any] = {"$type": self.type, "$object": self.object, "$lang": lang}
        if params:
            node["param"] = params
        node["detail"] = {"$": self.detail or self.msg}
        node["msg"] = {"$": self.msg}
        return node


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
