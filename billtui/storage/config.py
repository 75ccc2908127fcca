"""Profiles and settings: a TOML file in the user's config dir, mode 0600.

A profile names one panel account. It never holds a password: that lives in
the keyring, a ``password_command`` or ``BILLTUI_PASSWORD`` (see credentials).

The file is the user's as much as billtui's: saving edits it in place (tomlkit
round-trip), changing only the values billtui owns, so comments, key order,
formatting and keys billtui does not know survive.
"""

from __future__ import annotations

import shlex
from collections.abc import MutableMapping
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from billtui.storage import paths
from billtui.menu import Edition
from billtui.i18n import N_, _

if TYPE_CHECKING:  # tomlkit is imported only to save, never at start-up
    from tomlkit import TOMLDocument
    from tomlkit.container import Container
    from tomlkit.items import Item, Table

DEFAULT_HELP_URL = "https://docs.ispsystem.com/billmanager"
#: The titles are marked only: shown with ``_(title)`` (a user's own tutorials pass through unchanged).
DEFAULT_TUTORIALS: tuple[tuple[str, str], ...] = (
    (N_("Getting started with the customer area"), "https://docs.ispsystem.com/billmanager/getting-started"),
    (N_("Adding funds and paying for services"), "https://docs.ispsystem.com/billmanager/payments"),
    (N_("Ordering and renewing services"), "https://docs.ispsystem.com/billmanager/services"),
    (N_("Working with support tickets"), "https://docs.ispsystem.com/billmanager/support-tickets"),
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
    #: The language the panel is asked to answer in (``lang=``), e.g. "ru"; "" = the panel's own
    #: choice, else the terminal's locale (``storage.languages`` has the whole order).
    language: str = ""

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
        if not self.language:  # unset: no `language = ""` line in the user's file
            data.pop("language")
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
            language=str(data.get("language") or "").strip(),
        )


@dataclass(frozen=True)
class Config:
    default_profile: str = ""
    theme: str = ""
    ticket_refresh_seconds: int = 120
    profiles: dict[str, Profile] = field(default_factory=dict)
    #: ``[keymap]``: binding id -> keys ("ctrl+g" or "j,down"), as Textual's keymaps take
    #: them; ``?`` shows each key's id. Only the user writes it: billtui never saves it.
    keymap: dict[str, str] = field(default_factory=dict)

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


def user_stylesheet() -> Path | None:
    """``user.tcss`` beside the config file, if the user wrote one: Textual CSS read after billtui's."""
    path = paths.config_dir() / "user.tcss"
    return path if path.is_file() else None


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
        raise ConfigError(_("Cannot read {path}: {error}").format(path=path, error=exc)) from exc
    return _from_data(data)


def _from_data(data: MutableMapping[str, Any]) -> Config:
    """The config a parsed file means; what ``load`` returns and what ``save`` compares against."""
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
        keymap=_keymap(data.get("keymap")),
    )


def _keymap(table: Any) -> dict[str, str]:
    """The ``[keymap]`` table; an entry that is not ``id = "keys"`` is left out, not fatal."""
    if not isinstance(table, dict):
        return {}
    return {str(k): v.strip() for k, v in table.items() if isinstance(v, str) and v.strip()}


class ConfigWriteError(ConfigError, OSError):
    """The config file exists but is not TOML, so saving would destroy it: it is left alone.

    An OSError too, so every caller that reports a failed write reports this one.
    """


#: The top-level settings billtui writes; everything else in the file is the user's.
_SETTINGS = ("default_profile", "theme", "ticket_refresh_seconds")
#: The profile fields billtui writes into each ``[profiles.NAME]`` table (the name is the key).
_PROFILE_KEYS = tuple(f.name for f in fields(Profile) if f.name != "name")


def save(config: Config, path: Path | None = None) -> Path:
    """Write ``config``: into the existing file when there is one, keeping the user's part of it."""
    path = path or config_path()
    doc = _read_document(path)
    if doc is None:
        text = _fresh_document(config).as_string().rstrip("\n") + "\n"  # not the last table's blank line
    else:
        original = doc.as_string()
        _update_document(doc, config)
        text = doc.as_string()
        if text.endswith("\n\n") and not original.endswith("\n\n"):  # a new last table's blank line
            text = text.rstrip("\n") + "\n"
    paths.private_write(path, text)
    return path


def _read_document(path: Path) -> "TOMLDocument | None":
    """The file as an editable tomlkit document; None when there is no file yet."""
    import tomlkit
    from tomlkit.exceptions import ParseError

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    try:
        doc = tomlkit.parse(text)
    except ParseError as exc:
        # Rewriting it from scratch would throw away whatever the user was editing.
        raise ConfigWriteError(_("{path} is not valid TOML, so it was left as it is ({error})").format(
            path=path, error=exc)) from exc
    _pin_header_comments(doc)
    return doc


def _fresh_document(config: Config) -> "TOMLDocument":
    import tomlkit

    doc = tomlkit.document()
    doc.add(tomlkit.comment("billtui settings and panel profiles. Passwords are never stored here."))
    doc.add(tomlkit.nl())
    for key in _SETTINGS:
        doc[key] = getattr(config, key)
    if config.profiles:
        doc.add(tomlkit.nl())
        doc["profiles"] = tomlkit.table(is_super_table=True)
        _update_profiles(doc, {}, config.profiles)
    return doc


def _update_document(doc: "TOMLDocument", config: Config) -> None:
    """Change in ``doc`` exactly what differs from ``config``; a value that already means the
    same (``password_command = "pass show x"`` for the list billtui would write) stays as written."""
    try:
        before: Config | None = _from_data(doc.unwrap())
    except (TypeError, ValueError, AttributeError):  # a value billtui cannot read: it writes all of its own
        before = None
    for key in _SETTINGS:
        if before is None or getattr(before, key) != getattr(config, key):
            doc[key] = getattr(config, key)
    _update_profiles(doc, before.profiles if before else {}, config.profiles)


def _update_profiles(doc: "TOMLDocument", before: dict[str, Profile], after: dict[str, Profile]) -> None:
    import tomlkit

    if not after and "profiles" not in doc:
        return
    tables = doc.get("profiles")
    if not isinstance(tables, MutableMapping):  # missing, or something that is not a table
        tables = doc["profiles"] = tomlkit.table(is_super_table=True)
    for name in [name for name in before if name not in after]:
        _remove_table(doc, tables, name)
    for name, profile in after.items():
        body = tables.get(name)
        if not isinstance(body, MutableMapping):  # a new profile (or a value where its table belongs)
            tables[name] = table = _profile_table(profile)
            _carry_header_comments(doc, table)
        elif before.get(name) != profile:
            _update_profile(body, before.get(name), profile)


def _update_profile(body: MutableMapping[str, Any], old: Profile | None, new: Profile) -> None:
    """Rewrite only the keys of one profile whose meaning changed (all of them without ``old``);
    keys billtui does not know stay, as everywhere."""
    from tomlkit.items import InlineTable

    data = new.to_toml()
    multiline = not isinstance(body, InlineTable)  # an inline table stays on one line
    for key in _PROFILE_KEYS:
        if old is not None and getattr(old, key) == getattr(new, key):
            continue
        if key in data:
            body[key] = _value(data[key], multiline=multiline)
        elif key in body:  # back to its default, which to_toml leaves out
            del body[key]


def _profile_table(profile: Profile) -> "Table":
    import tomlkit

    table = tomlkit.table()
    for key, value in profile.to_toml().items():
        table[key] = _value(value, multiline=True)
    table.add(tomlkit.nl())  # a blank line before whatever table follows
    return table


def _value(value: Any, *, multiline: bool) -> Any:
    """A tomlkit item for one profile value: tutorials become an array of inline tables (one per
    line), not tomlkit's default ``[[array of tables]]``, so they read as one setting."""
    import tomlkit

    if not (isinstance(value, list) and value and all(isinstance(v, dict) for v in value)):
        return value
    array = tomlkit.array()
    for entry in value:
        inline = tomlkit.inline_table()
        inline.update(entry)
        array.append(inline)
    return array.multiline(multiline)


# Comments written just above a ``[table]`` header describe that table, but tomlkit parses them
# into the body of whatever comes before it. Left there, a key billtui adds would land between
# such a comment and its header, a new profile would land after it, and removing the table
# before it would remove it too. So after parsing, each such run of comment lines becomes one
# Whitespace item (same text, so nothing renders differently): tomlkit inserts new keys before
# trailing whitespace, and the helpers below move it along with the table it belongs to.


def _pin_header_comments(container: "Container") -> None:
    from tomlkit.items import AoT, Comment, Null, Table, Whitespace

    body = container.body
    run: list[int] = []
    for i, (key, item) in enumerate([*body, (None, None)]):  # the sentinel closes a run at the end
        if key is None and isinstance(item, Comment):
            run.append(i)
            continue
        if isinstance(item, Null):
            continue
        if run and (item is None or isinstance(item, (Table, AoT))):
            body[run[0]] = (None, Whitespace("".join(body[j][1].as_string() for j in run)))
            for j in run[1:]:
                body[j] = (None, Null())
        run = []
        if isinstance(item, Table):
            _pin_header_comments(item.value)
        elif isinstance(item, AoT):
            for table in item.body:
                _pin_header_comments(table.value)


def _comments_at(body: list[tuple[Any, "Item"]], indexes: range) -> list[int]:
    """Which of those slots (walked in the order given) hold pinned comments, up to the first
    thing that is not one; Nulls (deleted entries) are skipped."""
    from tomlkit.items import Null, Whitespace

    found = []
    for i in indexes:
        key, item = body[i]
        if isinstance(item, Null):
            continue
        if key is not None or not isinstance(item, Whitespace):
            break
        if item.as_string().strip():
            found.append(i)
    return found


def _take(body: list[tuple[Any, "Item"]], found: list[int]) -> str:
    """Blank out those slots (no index shifts: tomlkit maps keys to body positions); their text."""
    from tomlkit.items import Null

    text = "".join(body[i][1].as_string() for i in sorted(found))
    for i in found:
        body[i] = (None, Null())
    return text


def _trailing_comments(table: "Table") -> str:
    """Take the pinned comments at the end of ``table``: they sit above the next header."""
    body = table.value.body
    return _take(body, _comments_at(body, range(len(body) - 1, -1, -1)))


def _path_to(container: "Container", target: "Item") -> list[tuple["Container", int]]:
    """The (container, index) slots from ``container`` down to ``target``; empty if not found."""
    from tomlkit.items import Table

    for i, (_key, item) in enumerate(container.body):
        if item is target:
            return [(container, i)]
        if isinstance(item, Table):
            below = _path_to(item.value, target)
            if below:
                return [(container, i), *below]
    return []


def _carry_header_comments(doc: "TOMLDocument", table: "Table") -> None:
    """A table just appended goes above the comments of the header that used to follow what it
    was appended to: they are moved to its end."""
    from tomlkit.items import Null, Table, Whitespace

    path = _path_to(doc, table)
    if not path:
        return
    container, index = path[-1]
    body = container.body
    found = _comments_at(body, range(index - 1, -1, -1))  # [profiles] a = {...}  # then comments
    text = _take(body, found)
    if not found:  # [profiles.a] ... then comments: they were parsed into that table
        previous = next((item for _key, item in reversed(body[:index]) if not isinstance(item, Null)), None)
        text = _trailing_comments(previous) if isinstance(previous, Table) else ""
    if text:
        table.add(Whitespace(text))


def _remove_table(doc: "TOMLDocument", tables: MutableMapping[str, Any], name: str) -> None:
    """Delete one profile's table and nothing else: the comments that follow it belong to the next header."""
    from tomlkit.items import Null, Table, Whitespace

    body = tables[name]
    text, path = "", []
    if isinstance(body, Table):
        path = _path_to(doc, body)
        text = _trailing_comments(body)
    del tables[name]
    # Put them in the slot the table left, at the outermost level that lost something: tomlkit
    # drops an out-of-order ``[profiles.x]`` fragment that became empty.
    for container, index in path:
        if text and isinstance(container.body[index][1], Null):
            container.body[index] = (None, Whitespace(text))
            break
