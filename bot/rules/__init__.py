"""The rule catalogue: every `bot/rules/<code>_<name>.py` file declares one `RULE` record
(see `rule.py`); the catalogue finds them, so adding a rule is adding its file, and naming
its code in APPLY_ORDER.

Order matters only where two rules insert text at the same offset: the earlier rule's text
comes first (`-y` before `--no-install-recommends`; ENV and LABEL before SHELL; HEALTHCHECK
before the USER switch). APPLY_ORDER names every rule once; importing the catalogue fails,
naming the file, when a rule file is missing from it or it names a rule with no file.
"""
from __future__ import annotations

import importlib
import pkgutil
import re

from bot.rules.options import Option
from bot.rules.rule import Rule

APPLY_ORDER = (
    "DL3014", "DL3015", "DL3009", "DL3042", "HB012", "DL3019", "DL3020", "HB011", "HB010", "HB002",
    "HB013", "DL4006", "HB014", "HB001", "DL3002", "DL3006", "DL3007", "HB020", "HB021", "HB030",
    "HB031", "HB032", "HB040", "HB050", "HB051", "HB060", "HB061", "HB062", "HB063", "HB064",
)
_RULE_FILE = re.compile(r"[a-z]{2}\d{3,4}_\w+")


def _discover() -> dict[str, Rule]:
    found: dict[str, Rule] = {}
    for module_info in pkgutil.iter_modules(__path__):
        if not _RULE_FILE.fullmatch(module_info.name):
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        rule = getattr(module, "RULE", None)
        if not isinstance(rule, Rule) or not module_info.name.startswith(rule.code.lower() + "_"):
            raise ImportError(f"bot/rules/{module_info.name}.py must declare RULE = Rule(code=…) with the "
                              "code its file name starts with")
        found[rule.code] = rule
    return found


def _in_apply_order(found: dict[str, Rule]) -> tuple[Rule, ...]:
    unordered = sorted(set(found) - set(APPLY_ORDER))
    missing = sorted(set(APPLY_ORDER) - set(found))
    if unordered or missing:
        raise ImportError(f"bot/rules: APPLY_ORDER must name every rule file's code once "
                          f"(not named: {unordered or 'none'}; no file: {missing or 'none'})")
    return tuple(found[code] for code in APPLY_ORDER)


RULES: tuple[Rule, ...] = _in_apply_order(_discover())
RULES_BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}
# Every option some rule reads, once, in catalogue order.
OPTIONS: tuple[Option, ...] = tuple(dict.fromkeys(option for rule in RULES for option in rule.options))
