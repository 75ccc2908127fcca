"""How billtui was started: the demo panel, a saved profile, a one-off panel,
or the first run with no profile at all. Parsed by cli.py, read by app.py."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from billtui.storage.config import Profile
from billtui.menu import Edition

DEMO_URL = "http://demo.billtui.invalid/billmgr"
DEMO_USER = "demo"
DEMO_PASSWORD = "demo"  # the demo panel's published login, not a secret


@dataclass(frozen=True)
class Launch:
    mode: Literal["demo", "profile", "oneoff", "setup"]
    profile: Profile | None = None
    edition: Edition | None = None  # --tier overrides the profile
    demo_size: str = "small"
    plain: bool = False
    #: ``--lang``: the panel's language for this run, over the profile's and the panel's own
    #: (``storage.languages``); None when not given.
    lang: str | None = None

    @classmethod
    def demo(cls, edition: Edition = Edition.STANDARD, size: str = "small", plain: bool = False,
             lang: str | None = None) -> "Launch":
        profile = Profile(name="demo", url=DEMO_URL, username=DEMO_USER, edition=edition)
        return cls("demo", profile, edition, size, plain, lang)

    @property
    def start_edition(self) -> Edition:
        if self.edition is not None:
            return self.edition
        if self.profile is not None:
            return self.profile.edition
        return Edition.STANDARD
