"""Profiles and settings: a TOML file in the user's config dir, mode 0600.

A profile names one panel account. It never holds a password: that lives in
the keyring, a ``password_command`` or ``BILLTUI_PASSWORD`` (see credentials).
"""

from __future__ import annotations

import shlex
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from billtui.storage import paths
from billtui.menu import Edition

DEFAULT_HELP_URL = "https://docs.ispsystem.com/billmanager"
DEFAULT_TUTORIALS: tuple[tuple[str, str], ...] = (
    ("Getting started with the customer area", "https://docs.ispsystem.com/billmanager/getting-started"),
    ("Adding funds and paying for services", "https://docs.ispsystem.com/billmanager/payments"),
    ("Ordering and renewing services", "https://docs.ispsystem.com/billmanager/services"),
    ("Working with support tickets", "https://docs.ispsystem.com/billmanager/support-tickets"),
)


@dataclass(frozen=True)
class Profile:
    name: str
    url: str
    username: str
    edition: Edition = Edition.STANDARD
    verify_tls: bool = True
    ca_bundle: str = ""
    password_command: tuple[str, ...] = ()
    remember_password: bool = True
    help_url: str = DEFAULT_HELP_URL
    tutorials: tuple[tuple[str, str], ...] = DEFAULT_TUTORIALS

    @property
    def verify(self) -> bool | str:
        """What httpx's ``verify`` gets: a CA bundle path, or on/off."""
        if not self.verify_tls:
            return False
        return self.ca_bundle or True

    def to_toml(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("name")
        data["edition"] = self.edition.value
        data["password_command"] = list(self.password_command)
        if self.tutorials == DEFAULT_TUTORIALS:
            data.pop("tutorials")
        else:
            data["tutorials"] = [{"title": t, "url": u} for t, u in self.tutorials]
        if self.help_url == DEFAULT_HELP_URL:
            data.pop("help_url")
        return data

    @classmethod
    def from_toml(cls, name: str, data: dict[str, Any]) -> "Profile":
        command = data.get("password_command") or ()
        if isinstance(command, str):
            command = shlex.split(command)
        tutorials = tuple(
            (str(t.get("title", "")), str(t.get("url", "")))
            for t in data.get("tutorials", ())
            if isinstance(t, dict)
        ) or DEFAULT_TUTORIALS
        return cls(
            name=name,
            url=str(data.get("url", "")),
            username=str(data.get("username", "")),
            edition=Edition.parse(data.get("edition")),
            verify_tls=bool(data.get("verify_tls", True)),
            ca_bundle=str(data.get("ca_bundle", "")),
            password_command=tuple(str(c) for c in command),
            remember_password=bool(data.get("remember_password", True)),
            help_url=str(data.get("help_url") or DEFAULT_HELP_URL),
            tutorials=tutorials,
        )


@dataclass(frozen=True)
class Config:
    default_profile: str = ""
    theme: str = ""
    ticket_refresh_seconds: int = 120
    profiles: dict[str, Profile] = field(default_factory=dict)

    def with_profile(self, profile: Profile, *, default: bool = False) -> "Config":
        profiles = dict(self.profiles)
        profiles[profile.name] = profile
        chosen = profile.name if default or not self.default_profile else self.default_profile
        return replace(self, profiles=profiles, default_profile=chosen)

    def without_profile(self, name: str) -> "Config":
        profiles = {k: v for k, v in self.profiles.items() if k != name}
        default = self.default_profile if self.default_profile != name else next(iter(profiles), "")
        return replace(self, profiles=profiles, default_profile=default)

    def profile(self, name: str | None = None) -> Profile | None:
        if name:
            return self.profiles.get(name)
        if self.default_profile in self.profiles:
            return self.profiles[self.default_profile]
        return next(iter(self.profiles.values()), None)


def config_path() -> Path:
    return paths.config_dir() / "config.toml"


class ConfigError(Exception):
    """The config file exists but cannot be read; says where and why."""


def load(path: Path | None = None) -> Config:
    path = path or config_path()
    if not path.exists():
        return Config()
    import tomllib  # only when there is a config to read (not for --demo)

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"Cannot read {path}: {exc}") from exc
    profiles = {
        name: Profile.from_toml(name, body)
        for name, body in (data.get("profiles") or {}).items()
        if isinstance(body, dict)
    }
    return Config(
        default_profile=str(data.get("default_profile", "")),
        theme=str(data.get("theme", "")),
        ticket_refresh_seconds=int(data.get("ticket_refresh_seconds", 120)),
        profiles=profiles,
    )


def save(config: Config, path: Path | None = None) -> Path:
    path = path or config_path()
    data: dict[str, Any] = {
        "default_profile": config.default_profile,
        "theme": config.theme,
        "ticket_refresh_seconds": config.ticket_refresh_seconds,
        "profiles": {name: p.to_toml() for name, p in config.profiles.items()},
    }
    from billtui.storage.toml_write import dumps

    paths.private_write(path, dumps(data))
    return path
