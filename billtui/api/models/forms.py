"""A generic form view, for forms the app renders itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Self

from ..parser import Cell, Doc, Option, as_list, attr_of, cell_of, rows_of
from ..text_clean import clean_text


@dataclass(frozen=True)
class FormData:
    """A generic form view: field values, option lists and sub-lists, for forms the app renders itself."""

    values: dict[str, str]
    options: dict[str, list[Option]]
    lists: dict[str, list[dict[str, Cell]]] = field(default_factory=dict)
    #: The panel's own field labels (``messages``), for forms whose fields are not known in advance.
    labels: dict[str, str] = field(default_factory=dict)

    _NOISE: ClassVar[frozenset[str]] = frozenset({
        "metadata", "messages", "tparams", "tips", "slist", "list", "page", "ok", "error", "auth",
        "saved_filters", "p_possible_filters", "elem", "mgrurl", "customfields", "pagelist"})

    @classmethod
    def from_doc(cls, doc: Doc) -> Self:
        # An ``sv_field`` answer may carry the refreshed form in a nested ``doc.doc``
        # (Karantir-dev/billing-typescript vdsOperations.js reads ``data.doc.doc``): its
        # fields and lists count too, the top level winning where both have one.
        inner = doc.raw.get("doc")
        layers = [doc.raw] + ([inner] if isinstance(inner, dict) else [])
        values: dict[str, str] = {}
        lists: dict[str, list[dict[str, Cell]]] = {}
        for layer in layers:
            for k, v in layer.items():
                if not isinstance(k, str) or k.startswith("$") or k in cls._NOISE:
                    continue
                # The name is the panel's too: it may be shown as a label when there is none.
                name = clean_text(k)
                if name in values:
                    continue
                node = v[0] if isinstance(v, list) and v else v
                if isinstance(node, dict) and any(isinstance(x, str) and not x.startswith("$") for x in node):
                    continue  # a nested structure, not a field
                if isinstance(node, (dict, str, int, float)) or node is None:
                    values[name] = cell_of(node).value
            for node in as_list(layer.get("list")):
                list_name = attr_of(node, "name")
                if list_name and isinstance(node, dict) and list_name not in lists:
                    lists[list_name] = rows_of(node.get("elem"))
        options = {name: doc.slist(name) for name in doc.slist_names()}
        return cls(values=values, options=options, lists=lists, labels=dict(doc.messages))

    def get(self, name: str, default: str = "") -> str:
        return self.values.get(name, default)
