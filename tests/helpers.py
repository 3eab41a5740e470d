"""Shared by the tests: load a fixture case's rules and options, read and write exact bytes."""
from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from bot.config import Config, load_config
from bot.model.build_context import ContextListing
from bot.model.downloads import Download
from bot.model.images import ImageKey, PinnedDigest, Resolution, image_key, parse_reference
from bot.model.results import Hardened
from bot.model.roles import Role
from bot.rules import RULES_BY_CODE
from bot.rules.rule import RuleSet
from bot.run import make_ruleset
from bot.sources.compose import KIND as COMPOSE
from bot.sources.compose import read_dotenv
from bot.sources.dockerfile import KIND as DOCKERFILE
from bot.sources.kind import SourceKind
from bot.sources.workflow import KIND as WORKFLOW

REGEN = os.environ.get("HARDENBOT_REGEN") == "1"


def findings_text(findings) -> str:
    """A `.findings` file: one line per (line, rule, fixable or report), sorted."""
    lines = sorted({(f.line, f.rule, "fixable" if f.fixable else "report") for f in findings})
    return "".join(f"{line} {rule} {kind}\n" for line, rule, kind in lines)


def assert_fixture_pair(case: Path, harden: Callable[[str], Hardened],
                        findings: Callable[[list], str] = findings_text) -> Hardened:
    """`case` (a `<name>.in.<ext>` file) hardened by `harden` gives `<name>.out.<ext>` (absent:
    unchanged) and the findings in `<name>.findings`, and a second run changes nothing.
    HARDENBOT_REGEN=1 writes both files from the run instead (read every diff before committing)."""
    text = read(case)
    hardened = harden(text)
    out_file = case.with_name(case.name.replace(".in.", ".out."))
    findings_file = case.with_name(case.name.split(".in.", 1)[0] + ".findings")
    if REGEN:
        if hardened.text != text:
            out_file.write_bytes(hardened.text.encode("utf-8", errors="surrogateescape"))
        elif out_file.exists():
            out_file.unlink()
        findings_file.write_text(findings(hardened.before))
    assert hardened.text == (read(out_file) if out_file.exists() else text)
    assert findings(hardened.before) == findings_file.read_text()
    assert harden(hardened.text).text == hardened.text  # a second run changes nothing
    return hardened


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
    """A fixture's registry answers: {"image:tag": "sha256:…", or {"error": "why"}, or
    {"digest": "sha256:…", "kind": "index", "pinned": {"sha256:<pinned>": {"kind": "linux/amd64",
    "successor": "sha256:…", "error": "why"}}}} (a pinned digest's kind null: gone)."""
    digests = {}
    for text, answer in json.loads(path.read_text()).items():
        key = image_key(parse_reference(text))
        if isinstance(answer, str):
            answer = {"digest": answer}
        pinned = {digest: PinnedDigest(p["kind"], p.get("successor"), p.get("error"))
                  for digest, p in answer.get("pinned", {}).items()}
        digests[key] = Resolution(answer.get("digest"), answer.get("error"), answer.get("kind", ""), pinned)
    return digests


def load_downloads(path: Path) -> dict[str, Download]:
    """A fixture's downloads: {"https://…": {"digest": "sha256:…", "size": 123} or {"error": "why"}}."""
    return {url: Download(url, answer.get("digest"), answer.get("size", 0), answer.get("error"))
            for url, answer in json.loads(path.read_text()).items()}


def load_context(path: Path) -> ContextListing:
    """A fixture's build context listing: {"found": ["…"], "ignore_file": null, "complete": true, "folder": "."}."""
    data = json.loads(path.read_text())
    return ContextListing(data.get("folder", "."), data.get("ignore_file"), tuple(data.get("found", ())),
                          data.get("complete", True))


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
    ruleset = make_ruleset(config, rules, load_digests(digests_file) if digests_file else None)
    downloads_file = _beside(case, "downloads.json")
    if downloads_file is not None:
        ruleset = replace(ruleset, context=replace(ruleset.context, downloads=load_downloads(downloads_file)))
    contexts_file = _beside(case, "context.json")
    if contexts_file is not None:
        ruleset = replace(ruleset, context=replace(ruleset.context, contexts={case.name: load_context(contexts_file)}))
    env_file = _beside(case, "env")  # a compose case's .env
    if env_file is None:
        return ruleset
    facts = replace(ruleset.context.facts, compose_env={"": read_dotenv(read(env_file))})
    return replace(ruleset, context=replace(ruleset.context, facts=facts))


def case_source(case: Path) -> tuple[str, SourceKind]:
    """The path a fixture case is hardened as, and its kind: `<case>.in.Dockerfile`,
    `<case>.in.compose.yaml` (as compose.yaml), `<case>.in.workflow.yml` (as a workflow)."""
    if case.name.endswith(".in.compose.yaml"):
        return "compose.yaml", COMPOSE
    if case.name.endswith(".in.workflow.yml"):
        return ".github/workflows/ci.yml", WORKFLOW
    return case.name, DOCKERFILE


def default_ruleset() -> RuleSet:
    config = Config()
    return make_ruleset(config, config.active_rules())
