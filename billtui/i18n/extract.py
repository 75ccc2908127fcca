"""Finding the texts billtui marks for translation (``_``, ``N_``, ``ngettext``, ``pgettext``,
``npgettext`` with literal arguments) in its own source, as ``xgettext`` would, plus the marking
mistakes that would leave a text in English:

- an f-string or a non-literal given to a marker that extracts (the catalog cannot hold it);
- ``_()`` run at import, outside any function (it would translate once, before the language is
  known): such a constant takes ``N_()`` and is translated where it is shown.

The demo panel (``billtui.sim``) is not billtui's interface: it writes the panel's texts, in its own
tables. This package itself is left out too.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

from billtui.i18n.catalog import Entry

__all__ = ["Found", "Problem", "scan", "entries", "PACKAGE", "SKIPPED"]

PACKAGE = Path(__file__).resolve().parent.parent
#: Folders of the package that are not billtui's interface.
SKIPPED = ("sim", "i18n")
#: name → (positions of msgctxt, msgid, msgid_plural) among the call's arguments.
MARKERS: dict[str, tuple[int | None, int, int | None]] = {
    "_": (None, 0, None),
    "N_": (None, 0, None),
    "ngettext": (None, 0, 1),
    "pgettext": (0, 1, None),
    "npgettext": (0, 1, 2),
}
BRACES = re.compile(r"(?<!\{)\{[A-Za-z_][A-Za-z0-9_]*(?:[:!][^{}]*)?\}")


@dataclass(frozen=True)
class Found:
    msgid: str
    msgid_plural: str | None
    msgctxt: str | None
    where: str  # billtui/menu.py:80


@dataclass(frozen=True)
class Problem:
    where: str
    what: str


def _literal(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


class _Visitor(ast.NodeVisitor):
    def __init__(self, rel: str) -> None:
        self.rel = rel
        self.depth = 0
        self.found: list[Found] = []
        self.problems: list[Problem] = []
        #: Lines that bind the name ``_`` (``for _ in``, ``_, x = ``): in a module that translates
        #: with ``_``, such a throwaway hides the translator in that function.
        self.binds: list[int] = []
        self.imports_translator = False

    def _function(self, node: ast.AST) -> None:
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _function

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if (node.module or "").startswith("billtui.i18n") and any(a.name == "_" and not a.asname for a in node.names):
            self.imports_translator = True

    def visit_Name(self, node: ast.Name) -> None:
        if node.id == "_" and isinstance(node.ctx, (ast.Store, ast.Del)):
            self.binds.append(node.lineno)

    def visit_arg(self, node: ast.arg) -> None:
        if node.arg == "_":
            self.binds.append(node.lineno)

    def visit_Call(self, node: ast.Call) -> None:
        name = node.func.id if isinstance(node.func, ast.Name) else None
        if name in MARKERS:
            self._marker(name, node)
        self.generic_visit(node)

    def _marker(self, name: str, node: ast.Call) -> None:
        where = f"{self.rel}:{node.lineno}"
        ctxt_at, id_at, plural_at = MARKERS[name]
        args = node.args
        if len(args) <= max(i for i in (ctxt_at, id_at, plural_at) if i is not None):
            self.problems.append(Problem(where, f"{name}() needs its text as arguments"))
            return
        texts = {i: _literal(args[i]) for i in (ctxt_at, id_at, plural_at) if i is not None}
        if any(isinstance(args[i], ast.JoinedStr) for i in texts):
            self.problems.append(Problem(where, f"an f-string in {name}(): put the values in with .format() after it"))
            return
        if any(t is None for t in texts.values()):
            if name != "_":  # _(value) translates a text marked elsewhere with N_()
                self.problems.append(Problem(where, f"{name}() takes literal texts only"))
            return
        if name == "_" and self.depth == 0:
            self.problems.append(Problem(where, "_() at import translates before the language is known: use N_() "
                                                "and translate where it is shown"))
        self.found.append(Found(texts[id_at] or "", texts.get(plural_at) if plural_at is not None else None,
                                texts.get(ctxt_at) if ctxt_at is not None else None, where))


def sources(package: Path = PACKAGE) -> list[Path]:
    return sorted(p for p in package.rglob("*.py")
                  if not set(p.relative_to(package).parts[:-1]) & set(SKIPPED))


def scan(package: Path = PACKAGE) -> tuple[list[Found], list[Problem]]:
    """Every marked text in the package's interface, and every marking mistake."""
    found: list[Found] = []
    problems: list[Problem] = []
    for path in sources(package):
        rel = path.relative_to(package.parent).as_posix()
        visitor = _Visitor(rel)
        visitor.visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
        if visitor.imports_translator:
            problems += [Problem(f"{rel}:{line}", "binds the name _, which translates here: name it otherwise")
                         for line in visitor.binds]
        found += visitor.found
        problems += visitor.problems
    return found, problems


def entries(found: list[Found]) -> list[Entry]:
    """One catalog entry per distinct text (context, id), with every place it is used."""
    by_key: dict[tuple[str | None, str], Entry] = {}
    for f in found:
        entry = by_key.get((f.msgctxt, f.msgid))
        if entry is None:
            entry = by_key[(f.msgctxt, f.msgid)] = Entry(
                f.msgid, f.msgid_plural, f.msgctxt, msgstr=["", "", ""] if f.msgid_plural else [""])
            if BRACES.search(f.msgid) or (f.msgid_plural and BRACES.search(f.msgid_plural)):
                entry.flags.append("python-brace-format")
        entry.references.append(f.where)
    return list(by_key.values())
