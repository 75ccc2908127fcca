"""The stylesheets live in the top-level styles/ folder, load from a checkout and from a wheel,
and a user's user.tcss wins over them."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from billtui.display import styles

ROOT = Path(__file__).resolve().parent.parent
STYLES = ROOT / "styles"


def _default_css_assignments() -> list[tuple[Path, str, ast.expr]]:
    found = []
    for module in sorted((ROOT / "billtui").rglob("*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                for stmt in node.body:
                    if (
                        isinstance(stmt, ast.Assign)
                        and isinstance(stmt.targets[0], ast.Name)
                        and stmt.targets[0].id in ("DEFAULT_CSS", "CSS")
                    ):
                        found.append((module, node.name, stmt.value))
    return found


def test_no_class_writes_its_css_inline() -> None:
    inline = [
        f"{module.relative_to(ROOT)}: {name}"
        for module, name, value in _default_css_assignments()
        if not (isinstance(value, ast.Call) and ast.unparse(value.func) == "styles.load")
    ]
    assert inline == [], "CSS belongs in styles/ (load it with styles.load): " + ", ".join(inline)


def test_every_stylesheet_is_used_and_every_use_exists() -> None:
    loaded = {
        value.args[0].value  # type: ignore[attr-defined]
        for _, _, value in _default_css_assignments()
        if isinstance(value, ast.Call)
    }
    missing = sorted(name for name in loaded if not (STYLES / name).is_file())
    assert missing == []
    on_disk = {str(p.relative_to(STYLES)) for p in STYLES.rglob("*.tcss")}
    app_wide = {"app.tcss", "plain.tcss"}
    assert sorted(on_disk - loaded - app_wide) == [], "stylesheets nobody loads"


def test_a_checkout_reads_the_top_level_folder() -> None:
    assert styles.root() == STYLES
    assert not (ROOT / "billtui" / "styles").exists(), "one styles/ folder, at the top"


async def test_a_users_stylesheet_overrides_billtuis() -> None:
    from textual.color import Color

    from billtui.widgets.header_bar import HeaderBar
    from tests.app.conftest import demo_app, settle

    config_dir = Path(os.environ["BILLTUI_CONFIG_DIR"])
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "user.tcss").write_text(
        "/* mine */\nHeaderBar { background: #123456; }\n", encoding="utf-8"
    )
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        header = app.screen.query_one(HeaderBar)
        assert header.styles.background == Color.parse("#123456")


@pytest.mark.slow
def test_an_installed_wheel_carries_every_stylesheet_and_catalog(tmp_path: Path) -> None:
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("billtui-*.whl")
    installed = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(installed)
    for sheet in STYLES.rglob("*.tcss"):
        copy = installed / "billtui" / "styles" / sheet.relative_to(STYLES)
        assert copy.read_text(encoding="utf-8") == sheet.read_text(encoding="utf-8")
    # A Python that sees the wheel and the dependencies, not the checkout (-S: no editable finder).
    probe = (
        "from billtui.display import styles; import billtui.app as a; "
        "import billtui.screens.finances.orders as o; "
        "print(styles.root()); print(all(p.is_file() for p in a.BillTUI.CSS_PATH)); print(o.CartTable.DEFAULT_CSS); "
        # The compiled Russian catalog ships too, and is read from the wheel (billtui.i18n).
        "from billtui import i18n; i18n.set_language('ru'); print(i18n.LOCALE_DIR); print(i18n._('Quit'))"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(installed), sysconfig.get_paths()["purelib"]])}
    ran = subprocess.run(
        [sys.executable, "-S", "-c", probe], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    assert ran.returncode == 0, ran.stderr
    root, all_there, cart_css = ran.stdout.splitlines()[:3]
    assert Path(root) == installed / "billtui" / "styles"
    assert all_there == "True"
    assert cart_css.startswith("CartTable")
    locale_dir, quit_ru = ran.stdout.splitlines()[-2:]
    assert Path(locale_dir) == installed / "billtui" / "i18n" / "locale"
    assert quit_ru == "Выход"
