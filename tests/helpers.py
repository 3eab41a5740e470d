"""Shared by the tests: load a fixture case's rules and options, read and write exact bytes."""
from __future__ import annotations

from pathlib import Path

from bot.config import Config, load_config
from bot.engine import RuleSet
from bot.rules import RULES_BY_CODE
from bot.run import make_ruleset


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="surrogateescape")


def case_ruleset(case: Path) -> RuleSet:
    folder = case.parent
    name = case.name.removesuffix(".in.Dockerfile")
    config_file = folder / f"{name}.config.yml"
    if not config_file.exists():
        config_file = folder / "config.yml"
    config = load_config(folder, config_file) if config_file.exists() else Config()
    if folder.name in RULES_BY_CODE:
        rules = config.active_rules(select={folder.name})
    else:
        rules = config.active_rules()
    return make_ruleset(config, rules)


def default_ruleset() -> RuleSet:
    config = Config()
    return make_ruleset(config, config.active_rules())
