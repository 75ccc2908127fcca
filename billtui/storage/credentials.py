"""Where a profile's password comes from — never from argv or a plain file.

Order: ``BILLTUI_PASSWORD`` (for scripts and CI), the profile's
``password_command`` (run without a shell, e.g. ``pass show hosting/billing``),
then the system keyring. On a server over SSH there is usually no keyring
daemon: that is reported once, clearly, with the alternatives, and billtui
falls back to asking at each start.

Passwords found here are ``Secret``s (``billtui.api.secret``): a crash report prints
every local variable, and a Secret prints as ``***``. Children billtui starts (the
password_command here, the browser in ``links``) get an environment without billtui's
own variables (``child_env``): ``BILLTUI_PASSWORD`` is for billtui, not for them.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass

from billtui.api.secret import Secret, reveal
from billtui.i18n import N_, _

SERVICE = "billtui"
ENV_VAR = "BILLTUI_PASSWORD"

#: Marked only: shown with ``_(NO_KEYRING_HINT)``.
NO_KEYRING_HINT = N_(
    "No system keyring is available here (common on a server over SSH), so the "
    "password cannot be remembered. Alternatives: set password_command in the "
    "profile (for example: pass show hosting/billing), export BILLTUI_PASSWORD, "
    "or type the password at each start."
)


class CredentialError(Exception):
    """A password source exists but failed; the message says which and why."""


@dataclass(frozen=True)
class Found:
    password: Secret
    source: str  # "environment", "command", "keyring"


#: Variables no child of billtui inherits. All of billtui's, not a list of the secret ones:
#: none of them is meant for another program, and a secret variable added later is covered.
CHILD_ENV_DROPPED_PREFIX = "BILLTUI_"


def is_billtui_variable(name: str) -> bool:
    return name.upper().startswith(CHILD_ENV_DROPPED_PREFIX)


def child_env() -> dict[str, str]:
    """The environment for a program billtui starts: ours, minus billtui's own variables."""
    return {k: v for k, v in os.environ.items() if not is_billtui_variable(k)}


def _account(profile_name: str, username: str) -> str:
    return f"{profile_name}:{username}"


def keyring_available() -> bool:
    try:
        import keyring
        from keyring.backends import fail

        return not isinstance(keyring.get_keyring(), fail.Keyring)
    except Exception:  # a broken backend is as good as none
        return False


def run_password_command(command: tuple[str, ...]) -> Secret:
    try:
        done = subprocess.run(
            list(command), capture_output=True, text=True, timeout=30, check=False,
            env=child_env(),  # BILLTUI_PASSWORD is not the password manager's business
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise CredentialError(_("password_command {command} could not run: {error}").format(
            command=repr(command[0]), error=exc)) from None
    # Only the first line: `pass` stores extra lines after the password. ``done`` (its repr
    # shows stdout) is dropped at once, so no local a crash report prints holds the password.
    returncode, password = done.returncode, Secret(next(iter(done.stdout.splitlines()), ""))
    del done
    if returncode != 0:
        raise CredentialError(
            _("password_command {command} failed with exit code {code}.").format(command=repr(command[0]), code=returncode)
        )
    if not password:
        raise CredentialError(_("password_command {command} printed nothing.").format(command=repr(command[0])))
    return password


def find_password(profile_name: str, username: str, command: tuple[str, ...] = ()) -> Found | None:
    if os.environ.get(ENV_VAR):
        return Found(Secret(os.environ[ENV_VAR]), "environment")
    if command:
        return Found(run_password_command(command), "command")
    if not keyring_available():
        return None
    import keyring
    from keyring.errors import KeyringError

    try:
        stored = _stored(keyring.get_password(SERVICE, _account(profile_name, username)))
    except KeyringError:
        return None
    return Found(stored, "keyring") if stored else None


def _stored(value: str | None) -> Secret | None:
    return Secret(value) if value else None


def store_password(profile_name: str, username: str, password: Secret | str) -> bool:
    """Remember a password in the keyring; False where there is no keyring."""
    if not keyring_available():
        return False
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(SERVICE, _account(profile_name, username), reveal(password))
    except KeyringError:
        return False
    return True


def forget_password(profile_name: str, username: str) -> None:
    if not keyring_available():
        return
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        keyring.delete_password(SERVICE, _account(profile_name, username))
    except (PasswordDeleteError, KeyringError):
        pass
