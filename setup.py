"""Only what pyproject.toml cannot say: the top-level styles/ folder ships inside the package,
and so do the compiled catalogs (billtui/i18n/locale/<lang>/LC_MESSAGES/billtui.mo).

The stylesheets live beside billtui/ in a checkout (the layout in README); in a wheel they are
installed as billtui/styles/, where billtui.display.styles looks first.
"""

from setuptools import find_namespace_packages, find_packages, setup

setup(
    packages=find_packages(include=["billtui", "billtui.*"])
    + ["billtui.styles"]
    + ["billtui.styles." + name for name in find_namespace_packages("styles")],
    package_dir={"billtui.styles": "styles"},
    package_data={"billtui.i18n": ["locale/*/LC_MESSAGES/*.mo", "locale/*/LC_MESSAGES/*.po"],
                  "billtui.styles": ["*.tcss"], **{"billtui.styles." + n: ["*.tcss"] for n in find_namespace_packages("styles")}},
)
