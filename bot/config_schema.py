"""The JSON Schema (draft 2020-12) of `.github/hardenbot.yml`, built from what the loader knows.

Editors validate and complete the file with it (`docs/hardenbot.schema.json`, written by
`python -m bot.report.rule_docs`), and `docs/configuration.md`'s reference is rendered from it.
The run's keys come from `bot/config.py` (RUN_KEYS, the verify bounds), the rule codes from
the catalogue, every other key from the options the rules declare, with their help and
defaults; the shapes of their values are written here. The tests hold the two together: each
key the loader knows is in the schema and each key in the schema is one the loader reads (its
"unknown key … (known: …)" errors list them), at every level, and sample values are accepted
or refused alike.
"""
from __future__ import annotations

from typing import Any

from bot.config import _VERIFY_NUMBERS, MAX_FILES_PER_PR, MAX_FOLDER_DEPTH, RUN_KEYS, START_SECONDS
from bot.model.groups import GroupBy, GroupSettings
from bot.model.policies import POLICY_KEYS
from bot.model.roles import ROLES_BY_KEY
from bot.model.verify_settings import VerifySettings
from bot.model.wanted_base import AdviceSettings
from bot.rules import OPTIONS, RULES
from bot.rules.hb012_pip_cache_mount import PIP_CACHE_STYLES
from bot.rules.options import MAX_ID

DRAFT = "https://json-schema.org/draft/2020-12/schema"
ON_OFF = [True, False, "on", "off"]
NOT_BLANK = {"type": "string", "pattern": r"\S"}
ONE_LINE = {"type": "string", "pattern": r"^[^\n]*\S[^\n]*$"}


class SchemaDriftError(KeyError):
    """The schema and the loader disagree on which keys exist."""

    def __init__(self, keys: set[str]):
        super().__init__(f"bot/config_schema.py describes no value for {', '.join(sorted(keys))}: add it to _OPTION_VALUES")


def _whole(low: int, high: int, **extra: Any) -> dict[str, Any]:
    return {"type": "integer", "minimum": low, "maximum": high, **extra}


def _list_of(item: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "type": ["array", "null"], "items": item}


_ADVICE = AdviceSettings()
# The value of each option a rule declares; its description and default come from the option.
_OPTION_VALUES: dict[str, dict[str, Any]] = {
    "pip-cache": {"enum": list(PIP_CACHE_STYLES)},
    "uid": _whole(1, MAX_ID),
    "gid": _whole(1, MAX_ID),
    "labels": {"type": "object",
               "propertyNames": {"pattern": "^[A-Za-z0-9][A-Za-z0-9._-]*$"},
               "additionalProperties": {"anyOf": [{"type": "string", "pattern": "^[^\n]*$"},
                                                  {"type": ["number", "boolean"]}]}},
    "healthcheck-command": ONE_LINE,
    "user-name": {"type": "string", "pattern": "^[a-z_][a-z0-9_-]{0,31}$"},
    "base-recommendation": {"anyOf": [
        {"enum": ON_OFF},
        {"type": "object", "additionalProperties": False, "properties": {
            "enabled": {"type": "boolean", "default": _ADVICE.enabled, "description": "false: not measured"},
            "allow-major": {"type": "boolean", "default": _ADVICE.allow_major, "description": "python 3 → 4"},
            "allow-minor": {"type": "boolean", "default": _ADVICE.allow_minor, "description": "python 3.11 → 3.12"},
            "allow-libc-change": {"type": "boolean", "default": _ADVICE.allow_libc_change,
                                  "description": "debian → alpine"},
            "candidates": _whole(1, 20, default=_ADVICE.candidates, description="other images read per base"),
            "max-bytes": _whole(1, 1 << 40, default=_ADVICE.max_bytes,
                                description="compressed layer bytes read per run, every base together"),
        }},
    ]},
}


def _verify() -> dict[str, Any]:
    defaults = VerifySettings()
    numbers = {
        "timeout": "seconds per build",
        "file-deadline": "seconds for one file's builds (default: 3 × timeout)",
        "deadline": "seconds for the whole run's builds",
        "max-images": "Dockerfiles built per run",
        "jobs": "builds at once",
    }
    properties: dict[str, Any] = {"network": {"enum": ON_OFF, "default": defaults.network,
                                              "description": "true: builds may use the network (default: --network none)"}}
    for key, description in numbers.items():
        name, low, high = _VERIFY_NUMBERS[key]
        default = getattr(defaults, name)
        properties[key] = _whole(low, high, description=description,
                                 **({"default": int(default)} if default is not None else {}))
    properties["frontends"] = {
        "description": "the `# syntax=` images a build may run, as image names without tag or digest",
        "type": "array", "default": ["docker/dockerfile"],
        "items": {"type": "string", "pattern": r"^\s*([^@/\s]+/)*[^@/:\s]+\s*$"}}
    entry = {
        "type": "object", "minProperties": 1, "additionalProperties": False,
        "properties": {
            "command": {"type": "array", "minItems": 1, "items": {"type": "string"},
                        "description": "run in place of CMD; the ENTRYPOINT is kept"},
            "seconds": _whole(*START_SECONDS, description="this image's start period"),
            "expect-exit": _whole(0, 255, description="the exit code a command that ends must give"),
            "skip": {**NOT_BLANK, "description": "why the image is not started (alone)"},
        },
        "if": {"required": ["skip"]}, "then": {"maxProperties": 1},
    }
    properties["start"] = {
        "description": "the start check: each built image's own command, run", "type": "object",
        "additionalProperties": False,
        "properties": {
            "seconds": _whole(*START_SECONDS, default=int(defaults.start_seconds),
                              description="the start period: still running then, or exited 0, is started"),
            "files": {"description": "Dockerfile path globs (a compose service: the Dockerfile it builds), "
                                    "first match wins", "type": "object",
                      "propertyNames": {"pattern": r"\S"}, "additionalProperties": entry},
        },
    }
    return {"description": "`hardenbot fix --verify`: building before and after", "type": ["object", "null"],
            "additionalProperties": False, "properties": properties}


def _run_keys() -> dict[str, dict[str, Any]]:
    codes = {rule.code: {"enum": ON_OFF, "default": "on" if rule.on_by_default else "off",
                         "description": f"{rule.title} ({'on' if rule.on_by_default else 'opt-in'})"}
             for rule in RULES}
    case_free = {"^" + "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else c for c in code) + "$": {"enum": ON_OFF}
                 for code in codes}
    groups = GroupSettings()
    name = r"[^/\[\]\s]([^/\[\]]*[^/\[\]\s])?"  # a folder's name, `*` and `?` in it, no `[ ]`
    folder_glob = {"type": "string", "pattern": rf"^\s*/*{name}(/{name})*/*\s*$",
                   "not": {"pattern": r"(^\s*/*|/)\*\*(/*\s*$|/)"}}
    return {
        "rules": {"description": "turn rules on or off by code; opt-in rules are off until turned on",
                  "type": ["object", "null"], "properties": codes, "patternProperties": case_free,
                  "additionalProperties": False},
        "exclude": _list_of(NOT_BLANK, "globs over repository-relative paths not read: * within a folder, ** across"),
        "roles": {"description": "path globs → the role of the Dockerfiles they match, first match wins",
                  "type": ["object", "null"], "propertyNames": {"pattern": r"\S"},
                  "additionalProperties": {"enum": list(ROLES_BY_KEY)}},
        "verify": _verify(),
        "approved-bases": _list_of(NOT_BLANK, "the approved-base policy: globs over base image names"),
        "fail-on": _list_of({"enum": list(POLICY_KEYS)}, "policies that make `check` exit 1 when they fail"),
        "group-by": {"description": "pull requests: one per repository, per folder, or per set of code owners "
                                    "(CODEOWNERS); the action's `group-by` input, when set, wins",
                     "enum": [str(value) for value in GroupBy], "default": str(groups.group_by)},
        "folders": {"description": "group-by folder: the first N folders of a path name its group, or a list of "
                                   "service-folder globs (services/*); default the file's own folder",
                    "anyOf": [_whole(1, MAX_FOLDER_DEPTH), {"type": "array", "minItems": 1, "items": folder_glob}]},
        "groups": {"description": "named groups, first match wins, before group-by: name → path globs",
                   "type": ["object", "null"], "minProperties": 1, "propertyNames": {"pattern": r"\S"},
                   "additionalProperties": {"type": "array", "minItems": 1, "items": NOT_BLANK}},
        "max-files-per-pr": _whole(1, MAX_FILES_PER_PR,
                                   description="a larger group is split into numbered parts, in path order"),
        "dashboard": {"type": "boolean", "default": groups.dashboard,
                      "description": "grouped pull requests: one issue listing every group's pull request and "
                                     "state, with a checkbox to ask for a declined group again"},
    }


def _json_default(value: Any) -> Any:
    """An option's default as JSON, or None where it has none to write (unset, or a structure)."""
    if isinstance(value, bool | int | str):
        return value
    return None


def config_schema() -> dict[str, Any]:
    run = _run_keys()
    missing = ({*RUN_KEYS} - set(run)) | ({option.key for option in OPTIONS} - set(_OPTION_VALUES))
    if missing:
        raise SchemaDriftError(missing)
    properties = {key: run[key] for key in RUN_KEYS}
    for option in OPTIONS:
        value = {"description": option.help, **_OPTION_VALUES[option.key]}
        default = _json_default(option.default)
        if default is not None:
            value["default"] = default
        properties[option.key] = value
    return {
        "$schema": DRAFT,
        "title": "hardenbot configuration (.github/hardenbot.yml)",
        "description": "Generated from bot/config_schema.py by `python -m bot.report.rule_docs`; "
                       "see docs/configuration.md.",
        "type": ["object", "null"],
        "additionalProperties": False,
        "properties": properties,
        # folders is read with group-by: folder only (or without group-by).
        "dependentSchemas": {"folders": {"properties": {"group-by": {"const": "folder"}}}},
    }
