"""A tiny TOML writer for billtui's own config (stdlib has only a reader).

It handles exactly what config.py stores: strings, booleans, integers, lists of
those, lists of flat inline tables, and one level of named sub-tables.
"""

from __future__ import annotations

import json
import re
from typing import Any

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def _key(key: str) -> str:
    return key if _BARE_KEY.match(key) else json.dumps(key)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        # JSON string escaping is valid TOML basic-string escaping.
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        inner = ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items())
        return "{ " + inner + " }" if inner else "{}"
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


def dumps(data: dict[str, Any]) -> str:
    lines: list[str] = []
    tables: list[tuple[str, dict[str, Any]]] = []
    for key, value in data.items():
        if value is None:
            continue
        if isinstance(value, dict) and all(isinstance(v, dict) for v in value.values()) and value:
            tables.extend((f"{_key(key)}.{_key(sub)}", body) for sub, body in value.items())
        else:
            lines.append(f"{_key(key)} = {_value(value)}")
    for name, body in tables:
        lines.append("")
        lines.append(f"[{name}]")
        lines.extend(f"{_key(k)} = {_value(v)}" for k, v in body.items() if v is not None)
    return "\n".join(lines).lstrip("\n") + "\n"
