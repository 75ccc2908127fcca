"""Keys a user can remap: every binding has an id, ``[keymap]`` in the config moves it, and ``?``
shows the user's keys with their ids."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from textual.binding import Binding
from textual.dom import DOMNode

import billtui
from billtui.app import BillTUI
from billtui.launch import Launch
from billtui.storage import config as config_mod
from tests.app.conftest import make_sim, screen_text, settle
from tests.app.test_settings_favourites import favourites_group


def remapped_demo(keymap: dict[str, str]) -> BillTUI:
    sim = make_sim()
    app = BillTUI(Launch.demo(), config=config_mod.Config(keymap=keymap), demo_sim=sim)
    app.sim = sim  # type: ignore[attr-defined]
    return app


def billtui_classes() -> list[type]:
    found = []
    for info in pkgutil.walk_packages(billtui.__path__, "billtui."):
        if ".sim" in info.name or info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and issubclass(cls, DOMNode):
                found.append(cls)
    return found


def test_every_binding_billtui_declares_has_an_id_of_its_own():
    owners: dict[str, tuple[int, str]] = {}  # one Binding may be shared (VIM_KEYS), one id not
    missing = []
    for cls in billtui_classes():
        for binding in cls.__dict__.get("BINDINGS", ()):
            if not isinstance(binding, Binding):
                missing.append(f"{cls.__qualname__}: {binding!r} (a tuple has no id)")
                continue
            if not binding.id:
                missing.append(f"{cls.__qualname__}: {binding.key} {binding.action}")
                continue
            first, owner = owners.setdefault(binding.id, (id(binding), cls.__qualname__))
            assert first == id(binding), f"{binding.id} on {owner} and {cls.__qualname__}"
    assert not missing, missing
    assert len(owners) > 100


def test_the_config_reads_keymap_and_saving_leaves_it_alone(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('theme = "nord"\n\n# my keys\n[keymap]\n"main.star" = "ctrl+g"\nbad = 3\n', "utf-8")
    loaded = config_mod.load(path)
    assert loaded.keymap == {"main.star": "ctrl+g"}  # an entry that is not id = "keys" is dropped
    config_mod.save(config_mod.Config(theme="gruvbox", keymap=loaded.keymap), path)
    text = path.read_text("utf-8")
    assert '# my keys\n[keymap]\n"main.star" = "ctrl+g"\nbad = 3' in text and 'theme = "gruvbox"' in text


async def test_a_remapped_key_works_and_the_old_one_no_longer_does():
    app = remapped_demo({"main.star": "ctrl+g", "app.keys": "f1"})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.goto("invoices")
        await settle(pilot)
        app.screen.nav.focus()
        await pilot.pause()
        await pilot.press("f")  # the default key: nothing now
        await settle(pilot)
        assert favourites_group(app) == []
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert favourites_group(app) == ["Invoices"]
        await pilot.press("f1")
        await settle(pilot)
        assert type(app.screen).__name__ == "KeysScreen"
        lines = " ".join(screen_text(app).split())
        assert "^g Star main.star" in lines and "f1 Keys app.keys" in lines, lines


def every_list_spec() -> list:
    import billtui.screens.finances.specs as finances
    import billtui.screens.services.specs as services
    import billtui.screens.support.specs as support

    specs = [services.services_spec("vds", "VDS")]
    for module in (finances, support):
        specs += [fn() for name, fn in inspect.getmembers(module, inspect.isfunction)
                  if name.endswith("_spec") and fn.__module__ == module.__name__]
    return specs


def test_every_row_action_has_an_id_no_class_binding_uses():
    from billtui.widgets.list_pane import row_action_id

    class_ids = {b.id for cls in billtui_classes() for b in cls.__dict__.get("BINDINGS", ())
                 if isinstance(b, Binding)}
    owners: dict[str, str] = {}
    for spec in every_list_spec():
        for action in spec.actions:
            action_id = row_action_id(spec, action)
            assert action_id not in class_ids, action_id
            owner = owners.setdefault(action_id, action.description)
            assert owner == action.description, f"{action_id}: {owner} and {action.description}"
    assert {"services-list.renew", "tickets-list.new-ticket", "payments-list.pay"} <= set(owners)


async def test_a_remapped_row_action_works_and_shows_in_keys():
    app = remapped_demo({"tickets-list.new-ticket": "N"})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.goto("tickets")
        await settle(pilot)
        app.screen.focus_content()
        await settle(pilot)
        await pilot.press("n")  # the default key: nothing now
        await settle(pilot)
        assert type(app.screen).__name__ == "MainScreen"
        await pilot.press("question_mark")
        await settle(pilot)
        lines = " ".join(screen_text(app).split())
        assert "N New ticket tickets-list.new-ticket" in lines, lines
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("N")
        await settle(pilot)
        assert type(app.screen).__name__ == "NewTicketScreen"
