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
    verify:                # `hardenbot fix --verify`: building before and after
      network: false       # true: builds may use the network (default: --network none)
      timeout: 600         # seconds per build
      file-deadline: 1800  # seconds for one file's builds (default: 3 × timeout)
      deadline: 1800       # seconds for the whole run's builds
      max-images: 20       # Dockerfiles built per run
      jobs: 2              # builds at once
      frontends:           # the `# syntax=` images a build may run, pinned by digest
        - docker/dockerfile
      start:               # the start check: each built image's own command, run
        seconds: 10        # the start period: still running then, or exited 0, is started
        files:             # Dockerfile path globs (a compose service: the Dockerfile it builds)
          services/api/Dockerfile:
            seconds: 30
          tools/migrate/Dockerfile:
            command: [migrate, --dry-run]   # in place of CMD; the ENTRYPOINT is kept
            expect-exit: 0
          services/worker/Dockerfile:
            skip: needs the message queue
    approved-bases:        # the approved-base policy: globs over base image names
      - python:3.12-*
      - ghcr.io/acme/*
    base-recommendation:   # HB020's better base, measured with `fix --verify`; off: not measured
      allow-major: false   # python 3 → 4 (allow-minor: 3.11 → 3.12; allow-libc-change: debian → alpine)
      candidates: 3        # other images read per base
      max-bytes: 2147483648   # compressed layer bytes read per run
    fail-on:               # `check` exits 1 when one of these policies fails
      - vulnerabilities-critical
      - agpl
    group-by: folder       # pull requests: one per repository (default), folder, or owner (CODEOWNERS);
                           # the action's `group-by` input, when set, wins
    folders: 2             # group-by folder: the first 2 folders of a path name its group, or a
                           # list of service-folder globs (services/*); default the file's own folder
    groups:                # named groups, first match wins, before group-by: name → path globs
      payments:
        - services/pay-*/**
    max-files-per-pr: 20   # a larger group is split into numbered parts, in path order
    dashboard: true        # grouped: one issue listing every group's pull request and state

Unknown keys and bad values are errors naming the file, the line and the key.
"""
from __future__ import annotations

import os
from dataclasses import field, replace
from pathlib import Path
from typing import Any

from bot.errors import ConfigError, InvalidReferenceError
from bot.model.groups import GroupBy, GroupSettings
from bot.model.images import parse_reference
from bot.model.roles import ROLES_BY_KEY, Role
from bot.model.verify_settings import StartSpec, VerifySettings
from bot.record import record
from bot.rules import OPTIONS, RULES, RULES_BY_CODE, Rule
from bot.rules.options import OptionValueError, OptionValues

CONFIG_PATHS = (".github/hardenbot.yml", ".github/hardenbot.yaml")
HADOLINT_PATHS = (".hadolint.yaml", ".hadolint.yml")
# Keys of the run itself; every other key is an option some rule declares.
RUN_KEYS = ("rules", "exclude", "roles", "verify", "approved-bases", "fail-on", "group-by", "folders", "groups",
            "max-files-per-pr", "dashboard")
_ON = {True: True, False: False, "on": True, "off": False}


@record
class Config:
    """The configuration of a run: `.github/hardenbot.yml` and the command line, merged."""
    toggles: dict[str, bool] = field(default_factory=dict)
    options: OptionValues = field(default_factory=OptionValues)
    exclude: tuple[str, ...] = ()
    roles: tuple[tuple[str, Role], ...] = ()  # (path glob, role), first match wins
    hadolint_ignored: frozenset[str] = frozenset()
    source: str | None = None  # the file it came from
    verify: VerifySettings = field(default_factory=VerifySettings)
    approved_bases: tuple[str, ...] = ()  # globs; none: the approved-base policy is skipped
    fail_on: tuple[str, ...] = ()  # policies that make `check` exit 1 when they fail
    groups: GroupSettings = field(default_factory=GroupSettings)  # how fixes are split into pull requests

    def active_rules(self, select: set[str] | None = None, ignore: set[str] | None = None) -> tuple[Rule, ...]:
        """Rules in force: defaults and toggles, narrowed to `select` and without `ignore`
        and hadolint's ignored codes. A selected opt-in rule counts as turned on."""
        active = []
        for rule in RULES:
            on = self.toggles.get(rule.code, rule.on_by_default)
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
        raise ConfigError(option, None, f"unknown rule code {', '.join(unknown)} (see docs/rules/README.md)")
    return codes


def parse_policies(names: list[str] | str, where: str) -> tuple[str, ...]:
    """Policy keys from `--fail-on a,b` or `fail-on: [a, b]`, each known."""
    words = names.split(",") if isinstance(names, str) else names
    keys = tuple(dict.fromkeys(str(w).strip().lower() for w in words if str(w).strip()))
    if not keys:
        return keys
    from bot.model.policies import POLICY_KEYS  # the policies' records: only where a policy is named

    unknown = [key for key in keys if key not in POLICY_KEYS]
    if unknown:
        raise ConfigError(where, None, f"unknown policy {', '.join(unknown)} (known: {', '.join(POLICY_KEYS)})")
    return keys


def load_config(root: Path, explicit: Path | None = None, group_by: GroupBy | None = None) -> Config:
    """Read the configuration for the repository at `root`; defaults where there is none.
    `group_by` (the action's input) wins over the file's `group-by`."""
    config = _load_config(root, explicit)
    if group_by is None:
        return config
    return replace(config, groups=replace(config.groups, group_by=group_by))


def _load_config(root: Path, explicit: Path | None) -> Config:
    hadolint = _load_hadolint_ignored(root)
    path = explicit
    if path is None:
        path = next((root / p for p in CONFIG_PATHS if (root / p).is_file()), None)
        _refuse_links(root, path)
    if path is None:
        return Config(hadolint_ignored=hadolint)
    if not path.is_file():
        raise ConfigError(str(path), None, "configuration file not found")
    data = _load_yaml(path)
    if data is None:
        return Config(hadolint_ignored=hadolint, source=str(path))
    return _build(str(path), data, hadolint)


def _refuse_links(root: Path, path: Path | None) -> None:
    """A configuration the repository holds is read only from inside it: a symbolic link (to
    the file or a folder on its way) could name any file of the machine, and its text would
    end up in an error message."""
    if path is not None and os.path.realpath(path) != os.path.join(os.path.realpath(root), os.path.relpath(path, root)):
        raise ConfigError(str(path), None, "a symbolic link: not read")


def _load_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(str(path), None, f"cannot read: {error}") from None
    from ruamel.yaml import YAML  # the round-trip parser (it keeps lines for errors): only when there is a file
    from ruamel.yaml.error import YAMLError

    try:
        return YAML(typ="rt").load(text)
    except YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise ConfigError(str(path), line, f"not valid YAML: {getattr(error, 'problem', None) or error}") from None
    except (ValueError, IndexError, TypeError) as error:
        # ruamel.yaml fails this way on some malformed scalars (`uid: 0b_`): still one line.
        raise ConfigError(str(path), None, f"not valid YAML ({type(error).__name__}: {error})") from None


def _line(mapping: Any, key: Any) -> int | None:
    try:
        return mapping.lc.key(key)[0] + 1
    except (AttributeError, KeyError, TypeError):
        return None


def _item_line(sequence: Any, index: int) -> int | None:
    try:
        return sequence.lc.item(index)[0] + 1
    except (AttributeError, KeyError, TypeError):
        return None


def _build(path: str, data: Any, hadolint: frozenset[str]) -> Config:
    if not isinstance(data, dict):
        raise ConfigError(path, 1, "the configuration must be a mapping of keys (rules, uid, exclude …)")
    known = RUN_KEYS + tuple(option.key for option in OPTIONS)
    for key in data:
        if key not in known:
            raise ConfigError(path, _line(data, key), f"unknown key {key!r} (known: {', '.join(known)})")

    def fail(key: str, reason: str) -> ConfigError:
        return ConfigError(path, _line(data, key), f"{key}: {reason}")

    toggles = _toggles(path, data.get("rules") or {}, fail)
    values = {}
    for option in OPTIONS:
        if option.key not in data:
            continue
        try:
            values[option] = option.parse(data[option.key])
        except OptionValueError as error:
            if error.entry is None:
                raise fail(option.key, str(error)) from None
            entry_line = _line(data[option.key], error.entry)
            raise ConfigError(path, entry_line, f"{option.key}.{error.entry}: {error}") from None
    options = OptionValues(values)
    for rule in RULES:
        for option in rule.options:
            if option.turns_on is not None and option in values and option.turns_on(values[option]):
                if toggles.get(rule.code) is False:
                    raise fail(option.key, f"is {values[option]}, which turns {rule.code} on, but rules turns it off")
                toggles[rule.code] = True
        if toggles.get(rule.code) and rule.requires is not None and not options[rule.requires]:
            raise fail("rules", f"{rule.code} is on but no {rule.requires.key} are configured")
    exclude = data.get("exclude") or []
    if not isinstance(exclude, list) or not all(isinstance(e, str) and e.strip() for e in exclude):
        raise fail("exclude", "must be a list of glob patterns")
    approved = data.get("approved-bases") or []
    if not isinstance(approved, list) or not all(isinstance(p, str) and p.strip() for p in approved):
        raise fail("approved-bases", "must be a list of image name patterns")
    fail_on = data.get("fail-on") or []
    if not isinstance(fail_on, list):
        from bot.model.policies import POLICY_KEYS

        raise fail("fail-on", f"must be a list of policies ({', '.join(POLICY_KEYS)})")
    try:
        fail_on = parse_policies(fail_on, path)
    except ConfigError as error:
        raise fail("fail-on", error.reason) from None
    return Config(toggles, options, tuple(exclude), _roles(path, data.get("roles") or {}, fail), hadolint, path,
                  _verify(path, data.get("verify"), fail), tuple(p.strip() for p in approved), fail_on,
                  _groups(path, data, fail))


MAX_FOLDER_DEPTH = 32
MAX_FILES_PER_PR = 10000


def _groups(path: str, data: Any, fail) -> GroupSettings:
    """group-by, folders, groups and max-files-per-pr."""
    values: dict[str, Any] = {}
    if "group-by" in data:
        value = data["group-by"]
        try:
            values["group_by"] = GroupBy.parse(value if isinstance(value, str) else repr(value))
        except ValueError as error:
            raise fail("group-by", str(error)) from None
    folders = data.get("folders")
    if folders is not None:
        if values.get("group_by", GroupBy.FOLDER) is not GroupBy.FOLDER:
            raise fail("folders", f"only read with group-by: folder, not {values['group_by']}")
        if isinstance(folders, int) and not isinstance(folders, bool):
            values["folder_depth"] = _whole(path, _line(data, "folders"), "folders", folders, 1, MAX_FOLDER_DEPTH)
        elif isinstance(folders, list) and folders:
            values["folder_patterns"] = tuple(_folder_glob(path, _item_line(folders, i) or _line(data, "folders"), g)
                                              for i, g in enumerate(folders))
        else:
            raise fail("folders", f"must be a depth from 1 to {MAX_FOLDER_DEPTH} or a list of folder globs "
                                  f"(services/*), not {folders!r}")
    named = data.get("groups")
    if named is not None:
        values["named"] = _named_groups(path, named, fail)
    if "max-files-per-pr" in data:
        values["max_files"] = _whole(path, _line(data, "max-files-per-pr"), "max-files-per-pr",
                                     data["max-files-per-pr"], 1, MAX_FILES_PER_PR)
    if "dashboard" in data:
        if not isinstance(data["dashboard"], bool):
            raise fail("dashboard", f"must be true or false, not {data['dashboard']!r}")
        values["dashboard"] = data["dashboard"]
    return GroupSettings(**values)


def _folder_glob(path: str, line: int | None, glob: Any) -> str:
    """A service folder's glob: names with `*` and `?`, one per folder level."""
    names = glob.strip().strip("/").split("/") if isinstance(glob, str) else []
    if not names or any(name in ("", "**") or "[" in name or "]" in name for name in names):
        raise ConfigError(path, line, f"folders: each must be a folder glob such as services/* "
                                      f"(`*` and `?` within a name, no `**` or `[ ]`), not {glob!r}")
    return "/".join(names)


def _named_groups(path: str, named: Any, fail) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(named, dict) or not named:
        raise fail("groups", "must map group names to lists of path globs")
    found = []
    for name, globs in named.items():
        line = _line(named, name)
        if not isinstance(name, str) or not name.strip():
            raise ConfigError(path, line, f"groups: a group's name must be text, not {name!r}")
        if not isinstance(globs, list) or not globs or not all(isinstance(g, str) and g.strip() for g in globs):
            raise ConfigError(path, line, f"groups.{name}: must be a list of path globs (services/pay-*/**)")
        found.append((name.strip(), tuple(g.strip() for g in globs)))
    return tuple(found)


_VERIFY_NUMBERS = {"timeout": ("timeout", 1, 86400), "max-images": ("max_images", 0, 100000), "jobs": ("jobs", 1, 64),
                   "deadline": ("deadline", 1, 86400), "file-deadline": ("file_deadline", 1, 86400)}
_VERIFY_KEYS = "network, timeout, file-deadline, deadline, max-images, jobs, frontends, start"
START_SECONDS = (1, 600)  # a start period: at least a second, at most ten minutes


def _verify(path: str, verify: Any, fail) -> VerifySettings:
    if verify is None:
        return VerifySettings()
    if not isinstance(verify, dict):
        raise fail("verify", f"must be a mapping ({_VERIFY_KEYS})")
    values: dict[str, Any] = {}
    for key, value in verify.items():
        line = _line(verify, key)
        if key == "network":
            if not isinstance(value, bool | str) or value not in _ON:
                raise ConfigError(path, line, f"verify.network: must be true or false, not {value!r}")
            values["network"] = _ON[value]
        elif key in _VERIFY_NUMBERS:
            name, low, high = _VERIFY_NUMBERS[key]
            values[name] = _whole(path, line, f"verify.{key}", value, low, high)
        elif key == "frontends":
            values["frontends"] = _frontends(path, line, value)
        elif key == "start":
            values.update(_start(path, line, value))
        else:
            raise ConfigError(path, line, f"verify: unknown key {key!r} (known: {_VERIFY_KEYS})")
    return VerifySettings(**values)


def _start(path: str, line: int | None, start: Any) -> dict[str, Any]:
    """verify.start: {seconds, files: {glob: {command, seconds, expect-exit} or {skip}}}."""
    if not isinstance(start, dict):
        raise ConfigError(path, line, "verify.start: must be a mapping (seconds, files)")
    values: dict[str, Any] = {}
    for key, value in start.items():
        where = _line(start, key) or line
        if key == "seconds":
            values["start_seconds"] = _whole(path, where, "verify.start.seconds", value, *START_SECONDS)
        elif key == "files":
            if not isinstance(value, dict):
                raise ConfigError(path, where, "verify.start.files: must map Dockerfile path globs to "
                                               "{command, seconds, expect-exit} or {skip}")
            values["start"] = tuple((pattern, _start_entry(path, _line(value, pattern) or where, pattern, entry))
                                    for pattern, entry in value.items())
        else:
            raise ConfigError(path, where, f"verify.start: unknown key {key!r} (known: seconds, files)")
    return values


def _start_entry(path: str, line: int | None, pattern: Any, entry: Any) -> StartSpec:
    name = f"verify.start.files.{pattern}"
    if not isinstance(pattern, str) or not pattern.strip():
        raise ConfigError(path, line, f"{name}: the key must be a Dockerfile path glob")
    if not isinstance(entry, dict) or not entry:
        raise ConfigError(path, line, f"{name}: must be a mapping (command, seconds, expect-exit, or skip)")
    fields: dict[str, Any] = {}
    for key, value in entry.items():
        where = _line(entry, key) or line
        if key == "command":
            if not isinstance(value, list) or not value or not all(isinstance(word, str) for word in value):
                raise ConfigError(path, where, f"{name}.command: must be a list of strings, run in place of CMD")
            fields["command"] = tuple(value)
        elif key == "seconds":
            fields["seconds"] = _whole(path, where, f"{name}.seconds", value, *START_SECONDS)
        elif key == "expect-exit":
            fields["expect_exit"] = _whole(path, where, f"{name}.expect-exit", value, 0, 255)
        elif key == "skip":
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(path, where, f"{name}.skip: must say why the image is not started")
            fields["skip"] = value.strip()
        else:
            raise ConfigError(path, where, f"{name}: unknown key {key!r} (known: command, seconds, expect-exit, skip)")
    if "skip" in fields and len(fields) > 1:
        raise ConfigError(path, line, f"{name}: skip says the image is not started; it takes no "
                                      f"{', '.join(k for k in entry if k != 'skip')}")
    return StartSpec(**fields)


def _whole(path: str, line: int | None, name: str, value: Any, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ConfigError(path, line, f"{name}: must be a whole number from {low} to {high}, not {value!r}")
    return value


def _frontends(path: str, line: int | None, names: Any) -> tuple[str, ...]:
    """Image names without tag or digest (`docker/dockerfile`), as registry/repository."""
    if not isinstance(names, list):
        raise ConfigError(path, line, "verify.frontends: must be a list of image names (docker/dockerfile)")
    found = []
    for index, name in enumerate(names):
        where = _item_line(names, index) or line
        try:
            if not isinstance(name, str) or "@" in name or ":" in name.rpartition("/")[2]:
                raise InvalidReferenceError("")
            found.append(parse_reference(name.strip()).full_name)
        except InvalidReferenceError:
            raise ConfigError(path, where, "verify.frontends: each must be an image name without tag or digest "
                                           "(docker/dockerfile)") from None
    return tuple(found)


def _roles(path: str, roles: Any, fail) -> tuple[tuple[str, Role], ...]:
    if not isinstance(roles, dict):
        raise fail("roles", "must map path globs to roles (service, base, tool, devcontainer, test-fixture, ci)")
    found = []
    for pattern, role in roles.items():
        if not isinstance(pattern, str) or not pattern.strip() or role not in ROLES_BY_KEY:
            raise ConfigError(path, _line(roles, pattern), f"roles.{pattern}: must be one of "
                              f"{', '.join(ROLES_BY_KEY)}, not {role!r}")
        found.append((pattern, ROLES_BY_KEY[role]))
    return tuple(found)


def _toggles(path: str, rules: Any, fail) -> dict[str, bool]:
    if not isinstance(rules, dict):
        raise fail("rules", "must map rule codes to on/off")
    toggles: dict[str, bool] = {}
    for code, value in rules.items():
        if str(code).upper() not in RULES_BY_CODE:
            raise ConfigError(path, _line(rules, code), f"rules: unknown rule code {code!r}")
        if not isinstance(value, bool | str) or value not in _ON:
            raise ConfigError(path, _line(rules, code), f"rules.{code}: must be on or off, not {value!r}")
        toggles[str(code).upper()] = _ON[value]
    return toggles


def _load_hadolint_ignored(root: Path) -> frozenset[str]:
    """hadolint's `ignored:` list from its config file at the repository root."""
    for name in HADOLINT_PATHS:
        path = root / name
        if path.is_file():
            _refuse_links(root, path)
            data = _load_yaml(path)
            ignored = data.get("ignored") if isinstance(data, dict) else None
            if ignored is None:
                return frozenset()
            if not isinstance(ignored, list):
                raise ConfigError(str(path), _line(data, "ignored"), "ignored: must be a list of rule codes")
            return frozenset(str(code).upper() for code in ignored)
    return frozenset()
