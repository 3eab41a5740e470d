"""Configuration: `.github/hardenbot.yml` (or --config), plus hadolint's own `ignored` list.

    rules:                 # turn rules on or off by code
      HB010: on            # opt-in rules are off until turned on
      DL4006: off
    uid: 10001             # the fixed UID/GID for users hardenbot creates
    gid: 10001
    user-name: app
    healthcheck-command: curl -fsS http://localhost:8080/healthz || exit 1
    pip-cache: no-cache-dir   # or `mount`: BuildKit cache mounts (turns HB012 on)
    labels:
      org.opencontainers.image.source: https://github.com/acme/shop
    exclude:
      - legacy/**

Unknown keys and bad values are errors naming the file, the line and the key.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from bot.errors import ConfigError
from bot.rules import RULES, RULES_BY_CODE, Rule
from bot.rules.base import RuleOptions

CONFIG_PATHS = (".github/hardenbot.yml", ".github/hardenbot.yaml")
HADOLINT_PATHS = (".hadolint.yaml", ".hadolint.yml")
_USER_NAME = re.compile(r"[a-z_][a-z0-9_-]{0,31}")
_LABEL_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_KEYS = ("rules", "uid", "gid", "user-name", "healthcheck-command", "pip-cache", "labels", "exclude")
PIP_CACHE_STYLES = ("no-cache-dir", "mount")
_ON = {True: True, False: False, "on": True, "off": False}


@dataclass(frozen=True)
class Config:
    toggles: dict[str, bool] = field(default_factory=dict)
    options: RuleOptions = field(default_factory=RuleOptions)
    exclude: tuple[str, ...] = ()
    hadolint_ignored: frozenset[str] = frozenset()
    source: str | None = None  # the file it came from

    def active_rules(self, select: set[str] | None = None, ignore: set[str] | None = None) -> tuple[Rule, ...]:
        """Rules in force: defaults and toggles, narrowed to `select` and without `ignore`
        and hadolint's ignored codes. A selected opt-in rule counts as turned on."""
        active = []
        for rule in RULES:
            on = self.toggles.get(rule.code, rule.enabled_by_default)
            if select is not None:
                on = rule.code in select
            if ignore and rule.code in ignore or rule.code in self.hadolint_ignored:
                on = False
            if on:
                active.append(rule)
        return tuple(active)


def parse_codes(text: str, option: str) -> set[str]:
    codes = {c.strip().upper() for c in text.split(",") if c.strip()}
    unknown = sorted(codes - set(RULES_BY_CODE))
    if unknown:
        raise ConfigError(option, None, f"unknown rule code {', '.join(unknown)} (see the README's rule table)")
    return codes


def load_config(root: Path, explicit: Path | None = None) -> Config:
    """Read the configuration for the repository at `root`; defaults where there is none."""
    hadolint = _load_hadolint_ignored(root)
    path = explicit
    if path is None:
        path = next((root / p for p in CONFIG_PATHS if (root / p).is_file()), None)
    if path is None:
        return Config(hadolint_ignored=hadolint)
    if not path.is_file():
        raise ConfigError(str(path), None, "configuration file not found")
    data = _load_yaml(path)
    if data is None:
        return Config(hadolint_ignored=hadolint, source=str(path))
    return _build(str(path), data, hadolint)


def _load_yaml(path: Path) -> Any:
    try:
        return YAML(typ="rt").load(path.read_text(encoding="utf-8"))
    except YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise ConfigError(str(path), line, f"not valid YAML: {getattr(error, 'problem', None) or error}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(str(path), None, f"cannot read: {error}") from None


def _line(mapping: Any, key: Any) -> int | None:
    try:
        return mapping.lc.key(key)[0] + 1
    except (AttributeError, KeyError, TypeError):
        return None


def _build(path: str, data: Any, hadolint: frozenset[str]) -> Config:
    if not isinstance(data, dict):
        raise ConfigError(path, 1, "the configuration must be a mapping of keys (rules, uid, exclude …)")
    for key in data:
        if key not in _KEYS:
            raise ConfigError(path, _line(data, key), f"unknown key {key!r} (known: {', '.join(_KEYS)})")

    def fail(key: str, reason: str) -> ConfigError:
        return ConfigError(path, _line(data, key), f"{key}: {reason}")

    toggles: dict[str, bool] = {}
    rules = data.get("rules") or {}
    if not isinstance(rules, dict):
        raise fail("rules", "must map rule codes to on/off")
    for code, value in rules.items():
        if str(code).upper() not in RULES_BY_CODE:
            raise ConfigError(path, _line(rules, code), f"rules: unknown rule code {code!r}")
        if value not in _ON:
            raise ConfigError(path, _line(rules, code), f"rules.{code}: must be on or off, not {value!r}")
        toggles[str(code).upper()] = _ON[value]

    def number(key: str, default: int) -> int:
        value = data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 2**31 - 2:
            raise fail(key, f"must be a whole number from 1 to {2**31 - 2}, not {value!r}")
        return value

    uid = number("uid", 10001)
    gid = number("gid", uid)
    user_name = data.get("user-name", "app")
    if not isinstance(user_name, str) or not _USER_NAME.fullmatch(user_name):
        raise fail("user-name", f"must be a lowercase user name, not {user_name!r}")
    health = data.get("healthcheck-command")
    if health is not None and (not isinstance(health, str) or not health.strip() or "\n" in health):
        raise fail("healthcheck-command", "must be a one-line shell command")
    labels_data = data.get("labels") or {}
    if not isinstance(labels_data, dict):
        raise fail("labels", "must map label keys to values")
    labels = []
    for key, value in labels_data.items():
        if not isinstance(key, str) or not _LABEL_KEY.fullmatch(key) or not isinstance(value, (str, int, float)):
            raise ConfigError(path, _line(labels_data, key), f"labels: invalid label {key!r}: {value!r}")
        if "\n" in str(value):
            raise ConfigError(path, _line(labels_data, key), f"labels.{key}: must be one line")
        labels.append((key, str(value)))
    pip_cache = data.get("pip-cache", "no-cache-dir")
    if pip_cache not in PIP_CACHE_STYLES:
        raise fail("pip-cache", f"must be one of {', '.join(PIP_CACHE_STYLES)}, not {pip_cache!r}")
    if pip_cache == "mount":
        if toggles.get("HB012") is False:
            raise fail("pip-cache", "is mount, but rules turns HB012 (cache mounts) off")
        toggles["HB012"] = True
    if toggles.get("HB013") and not labels:
        raise fail("rules", "HB013 is on but no labels are configured")
    exclude = data.get("exclude") or []
    if not isinstance(exclude, list) or not all(isinstance(e, str) and e.strip() for e in exclude):
        raise fail("exclude", "must be a list of glob patterns")
    enabled = frozenset(code for code, on in toggles.items() if on)
    options = RuleOptions(uid=uid, gid=gid, user_name=user_name, healthcheck_command=health,
                          labels=tuple(labels), enabled=enabled)
    return Config(toggles, options, tuple(exclude), hadolint, path)


def _load_hadolint_ignored(root: Path) -> frozenset[str]:
    """hadolint's `ignored:` list from its config file at the repository root."""
    for name in HADOLINT_PATHS:
        path = root / name
        if path.is_file():
            data = _load_yaml(path)
            ignored = data.get("ignored") if isinstance(data, dict) else None
            if ignored is None:
                return frozenset()
            if not isinstance(ignored, list):
                raise ConfigError(str(path), _line(data, "ignored"), "ignored: must be a list of rule codes")
            return frozenset(str(code).upper() for code in ignored)
    return frozenset()
