"""Named endpoint profiles: ``--store @team`` instead of a URL and credentials on every command.

The file is TOML, at ``$DIPLOGRAPH_CONFIG`` or ``~/.config/diplograph/config.toml``::

    [profiles.team]
    url = "https://sparql.example.org/query"
    update_url = "https://sparql.example.org/update"   # optional
    graph_store_url = "https://sparql.example.org/store"  # optional: write with Graph Store Protocol PUT
    timeout = 60                                        # optional, seconds
    user_env = "TEAM_SPARQL_USER"                       # credentials: names of environment variables,
    password_env = "TEAM_SPARQL_PASSWORD"               # or user/password/token written here, but only
    token_env = "TEAM_SPARQL_TOKEN"                     # in a file outside the working directory

Credentials are never printed; a file inside the working directory (a repository)
may name environment variables but must not hold secrets itself.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import UsageError

KEYS = {"url", "update_url", "graph_store_url", "timeout", "user", "password", "token", "user_env", "password_env", "token_env"}


@dataclass(frozen=True)
class Profile:
    name: str
    url: str
    update_url: str | None = None
    graph_store_url: str | None = None
    timeout: float | None = None
    user: str | None = None
    password: str | None = None
    token: str | None = None


def config_path() -> Path:
    env = os.environ.get("DIPLOGRAPH_CONFIG")
    return Path(env) if env else Path.home() / ".config" / "diplograph" / "config.toml"


def profile(name: str) -> Profile:
    """The profile NAME from the config file; UsageError naming the file if it is not there."""
    path = config_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"no config file at {path} for --store @{name}; see README 'Named profiles'") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"cannot read the config file {path}: {exc}") from None
    profiles = data.get("profiles") or {}
    if not isinstance(profiles, dict):
        raise UsageError(f"`profiles` in {path} must be a table of [profiles.NAME] sections")
    entry = profiles.get(name)
    if not isinstance(entry, dict) or not isinstance(entry.get("url"), str):
        known = ", ".join(f"@{k}" for k in sorted(profiles)) or "none"
        raise UsageError(f"no profile [profiles.{name}] with a url in {path} (profiles: {known})")
    unknown = sorted(set(entry) - KEYS)
    if unknown:
        raise UsageError(f"unknown key(s) {', '.join(unknown)} in [profiles.{name}] of {path}")
    for key in sorted(KEYS - {"timeout"}):  # (a value is never shown: it may be a secret)
        if key in entry and not isinstance(entry[key], str):
            raise UsageError(f"{key} in [profiles.{name}] of {path} must be text, in quotes")
    timeout = entry.get("timeout")
    if timeout is not None and (isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not timeout > 0):
        raise UsageError(f"timeout in [profiles.{name}] of {path} must be a number of seconds above 0, "
                         f"not {timeout!r}")
    secrets = [k for k in ("password", "token") if k in entry]
    if secrets and path.resolve().is_relative_to(Path.cwd().resolve()):
        raise UsageError(f"{path} is inside the working directory: keep {secrets[0]} out of it "
                         f"(use {secrets[0]}_env to name an environment variable)")

    def secret(key: str) -> str | None:
        if key in entry:
            return str(entry[key])
        var = entry.get(f"{key}_env")
        return os.environ.get(var) if isinstance(var, str) else None

    return Profile(name, entry["url"], entry.get("update_url"), entry.get("graph_store_url"),
                   float(timeout) if timeout is not None else None, secret("user"), secret("password"), secret("token"))
