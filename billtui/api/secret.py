"""``Secret``: a password, session id or 2FA code that prints as ``***``.

Textual prints an unhandled exception as a rich traceback with every frame's local
variables, and a worker's description holds the ``repr`` of its arguments. A credential
kept in a plain ``str`` local or argument is therefore one crash away from the user's
terminal, and from the bug report they paste it into. A ``Secret``'s ``repr`` and ``str``
show nothing; ``reveal()`` gives the value, at the last moment (the keyring call, the
form handed to the wire).

Every ``Secret`` alive is also known to ``live_values()``: the crash report and the CLI's
error line hide those values wherever they still appear as plain text (a library's own
locals, an exception message), without each caller having to list them.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

__all__ = ["Secret", "as_secret", "reveal", "live_values", "scrub", "MIN_HIDDEN"]

#: Shorter values are not searched for in text: hiding every "a" would hide everything.
MIN_HIDDEN = 3

#: Every live Secret by id: weak, so holding a secret here never keeps it alive.
_LIVE: "weakref.WeakValueDictionary[int, Secret]" = weakref.WeakValueDictionary()


@dataclass(frozen=True, slots=True, eq=False, repr=False, weakref_slot=True)
class Secret:
    """A credential that never shows itself; ``reveal()`` to use it."""

    _value: str

    def __post_init__(self) -> None:
        if not isinstance(self._value, str):
            raise TypeError("a Secret holds a str")
        _LIVE[id(self)] = self

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    __str__ = __repr__

    def __bool__(self) -> bool:
        return bool(self._value)

    def __eq__(self, other: object) -> bool:
        # Equal to the same secret, or to its plain value (``found.password == "typed"``);
        # compared in constant time, as a password should be.
        if isinstance(other, Secret):
            other = other._value
        if not isinstance(other, str):
            return NotImplemented
        import hmac  # here: start-up does not pay for it

        return hmac.compare_digest(self._value.encode("utf-8", "surrogatepass"),
                                   other.encode("utf-8", "surrogatepass"))

    def __hash__(self) -> int:
        return hash(self._value)


def as_secret(value: "Secret | str | None") -> Secret | None:
    """``value`` as a Secret (None stays None)."""
    if value is None or isinstance(value, Secret):
        return value
    return Secret(value)


def reveal(value: "Secret | str") -> str:
    """The plain value of a Secret, or of a str that callers outside billtui still pass."""
    return value.reveal() if isinstance(value, Secret) else value


def live_values(*extra: str | None) -> list[str]:
    """The values of every live Secret (and ``extra``), longest first, each at least ``MIN_HIDDEN`` long."""
    values = {s.reveal() for s in list(_LIVE.values())}
    values.update(e for e in extra if e)
    return sorted((v for v in values if len(v) >= MIN_HIDDEN), key=len, reverse=True)


def scrub(text: str, *extra: str | None) -> str:
    """``text`` with every live secret (and ``extra``) replaced by ``***``."""
    for value in live_values(*extra):
        text = text.replace(value, "***")
    return text
