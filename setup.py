"""Only what pyproject.toml cannot say: the top-level styles/ folder ships inside the package,
and so do the compiled catalogs (billtui/i18n/locale/<lang>/LC_MESSAGES/billtui.mo).

The stylesheets live beside billtui/ in a checkout (the layout in README); in a wheel they are
installed as billtui/styles/, where billtui.display.styles looks first. The catalogs' folders are
listed as (data-only) packages, as setuptools wants every importable-looking folder to be.
"""

from setuptools import find_namespace_packages, find_packages, setup

STYLES = ["billtui.styles"] + ["billtui.styles." + name for name in find_namespace_packages("styles")]
LOCALE = ["billtui.i18n.locale"] + ["billtui.i18n.locale." + n for n in find_namespace_packages("billtui/i18n/locale")]

setup(
    packages=find_packages(include=["billtui", "billtui.*"]) + STYLES + LOCALE,
    package_dir={"billtui.styles": "styles"},
    package_data={**{name: ["*.tcss"] for name in STYLES}, **{name: ["*.mo", "*.po"] for name in LOCALE}},
)
