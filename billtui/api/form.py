"""``SecretForm``: a request form that prints with its secrets redacted.

The form of a login (``password``) or of any call (``auth`` = the session id) passes
through several frames on its way to httpx; each is a local a crash report prints. The
form is a read-only ``Mapping``: ``form["password"]`` and ``dict(form)`` (what the
transport does just before httpx) give the plain values, while ``repr`` shows ``***``
for every field of ``transport.SECRET_FIELDS``. Secret fields are held as ``Secret``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from .secret import Secret
from .transport import SECRET_FIELDS

__all__ = ["SecretForm"]


class SecretForm(Mapping[str, str]):
    """Form fields, later parts winning (like ``{**a, **b}``); reads plain, prints redacted."""

    __slots__ = ("_fields",)
    # Declared for the type checker (__slots__ alone gives no type): read from other forms in __init__.
    _fields: dict[str, str | Secret]

    def __init__(self, *parts: Mapping[str, "str | Secret"]) -> None:
        fields: dict[str, str | Secret] = {}
        for part in parts:
            # Copied from a SecretForm without revealing anything.
            pairs = part._fields.items() if isinstance(part, SecretForm) else part.items()
            for key, value in pairs:
                if isinstance(value, str) and value and key in SECRET_FIELDS:
                    value = Secret(value)
                fields[key] = value
        self._fields = fields

    def __getitem__(self, key: str) -> str:
        value = self._fields[key]
        return value.reveal() if isinstance(value, Secret) else value

    def __iter__(self) -> Iterator[str]:
        return iter(self._fields)

    def __len__(self) -> int:
        return len(self._fields)

    def without(self, *keys: str) -> "SecretForm":
        kept = SecretForm()
        kept._fields = {k: v for k, v in self._fields.items() if k not in keys}
        return kept

    def secrets(self) -> list[Secret]:
        """The secret values in this form (for a client's list of things never to show)."""
        return [v for v in self._fields.values() if isinstance(v, Secret)]

    def redacted(self) -> dict[str, str]:
        """A plain copy fit for a log: every secret ``***`` (as ``transport.redact`` does)."""
        return {k: "***" if isinstance(v, Secret) or (k in SECRET_FIELDS and v) else v
                for k, v in self._fields.items()}

    def __repr__(self) -> str:
        return f"SecretForm({self.redacted()!r})"

    __str__ = __repr__
