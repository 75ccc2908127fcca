"""Every private Textual internal billtui relies on is still there: an upgrade that removes one
fails here, by name, instead of somewhere in a screen."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import textual
from textual.app import App
from textual.widget import Widget

from billtui import compat


@pytest.mark.parametrize(("owner", "name"), compat.INTERNALS, ids=lambda v: getattr(v, "__name__", v))
def test_a_wrapped_class_internal_exists(owner, name):
    assert hasattr(owner, name), f"Textual {textual.__version__}: {owner.__name__}.{name} is gone; see billtui/compat.py"


def test_wrapped_instance_internals_exist():
    instances = {App: App(), Widget: Widget()}
    for owner, name in compat.INSTANCE_INTERNALS:
        instance = next(obj for cls, obj in instances.items() if issubclass(cls, owner))
        assert hasattr(instance, name), f"Textual {textual.__version__}: {owner.__name__}().{name} is gone"


def test_the_installed_textual_is_the_one_the_wrappers_were_checked_against():
    assert textual.__version__ == compat.CHECKED_TEXTUAL


def test_nothing_outside_compat_uses_a_private_textual_name():
    # ``self._bindings``, ``app._batch_count``, ``textual._context``...: only compat.py may.
    private = re.compile(r"\b(textual\._\w+|_begin_batch|_end_batch|_batch_count|_on_timer_update"
                         r"|_compositor_refresh|_bindings\b|_filters\b)")
    root = Path(compat.__file__).parent
    offenders = []
    for path in root.rglob("*.py"):
        if path.name == "compat.py" or "sim" in path.relative_to(root).parts:
            continue
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if private.search(line) and not line.lstrip().startswith("#"):
                offenders.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)
