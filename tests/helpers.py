"""Shared by the tests: load a fixture case's rules and options, read and write exact bytes."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from bot.config import Config, load_config
from bot.model.images import ImageKey, Resolution, image_key, parse_reference
from bot.model.roles import Role
from bot.rules import RULES_BY_CODE
from bot.rules.rule import RuleSet
from bot.run import make_ruleset


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="surrogateescape")


def write(root: Path, relative: str, text: str) -> Path:
    """`text` at `root/relative`, its folders made, as exact UTF-8 bytes."""
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode())
    return path


def _beside(case: Path, suffix: str) -> Path | None:
    """`<case>.<suffix>`, else the folder's `<suffix>` file, else None."""
    name = case.name.split(".in.", 1)[0]
    for candidate in (case.parent / f"{name}.{suffix}", case.parent / suffix):
        if candidate.exists():
            return candidate
    return None


def load_digests(path: Path) -> dict[ImageKey, Resolution]:
    """A fixture's registry answers: {"image:tag": "sha256:…" or {"error": "why"}}."""
    digests = {}
    for text, answer in json.loads(path.read_text()).items():
        key = image_key(parse_reference(text))
        digests[key] = Resolution(error=answer["error"]) if isinstance(answer, dict) else Resolution(digest=answer)
    return digests


# Rule fixtures show what a rule does on a service image, the role that gets every edit; a
# case says otherwise with `# hardenbot role=…` or `roles:` in its config. Cases under
# fixtures/roles/ are decided from their content, as in a real run.
SERVICE_BY_DEFAULT = (("**", Role.SERVICE),)


def case_ruleset(case: Path) -> RuleSet:
    folder = case.parent
    config_file = _beside(case, "config.yml")
    config = load_config(folder, config_file) if config_file else Config()
    if not config.roles and folder.name != "roles":
        config = replace(config, roles=SERVICE_BY_DEFAULT)
    if folder.name in RULES_BY_CODE:
        rules = config.active_rules(select={folder.name})
    else:
        rules = config.active_rules()
    digests_file = _beside(case, "digests.json")
    return make_ruleset(config, rules, load_digests(digests_file) if digests_file else None)


def default_ruleset() -> RuleSet:
    config = Config()
    return make_ruleset(config, config.active_rules())
