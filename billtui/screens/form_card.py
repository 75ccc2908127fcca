"""Show a panel form's current values read-only, option keys turned into labels."""

from __future__ import annotations

from typing import Any, Sequence

from rich.text import Text

from ..widgets.kv import kv_card


def form_card(title: str, form: Any, fields: Sequence[tuple[str, str]], *, secret: Sequence[str] = ()) -> Any:
    """``fields`` = (panel field, label); unknown fields show as a dash."""
    pairs: list[tuple[str, Any]] = []
    for name, label in fields:
        value = form.values.get(name, "")
        options = {o.key: o.label for o in form.options.get(name, [])}
        if name in secret:
            pairs.append((label, Text("set" if value else "—", style="dim")))
            continue
        if value in ("on", "off") and not options:
            pairs.append((label, "yes" if value == "on" else "no"))
            continue
        pairs.append((label, options.get(value, value)))
    return kv_card(title, pairs)
