"""The rule records: the rule pages are theirs (tests/test_docs.py), their examples are what the rules do, and
their findings stay where their scope says."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from bot.config import Config
from bot.dockerfile.model import Dockerfile
from bot.dockerfile.roles import decide_role
from bot.engine import harden_text
from bot.model.build_context import ContextListing
from bot.model.downloads import Download
from bot.model.results import RunReport
from bot.report import sarif
from bot.rules import OPTIONS, RULES, RULES_BY_CODE
from bot.rules.options import OptionValues
from bot.rules.rule import FixSafety, Rule, Scope
from bot.run import make_ruleset
from bot.sources.globs import glob_matches
from tests.conftest import fixture_cases
from tests.helpers import case_ruleset, read

BASE_FOR_EXAMPLES = "FROM debian:bookworm-slim\n"
EXAMPLE_OPTIONS = {"labels": {"org.opencontainers.image.source": "https://github.com/acme/shop"}}


@pytest.mark.parametrize("rule", [rule for rule in RULES if rule.code.startswith("DL")], ids=lambda r: r.code)
def test_a_rule_with_hadolints_code_names_hadolint_among_its_equivalents(rule: Rule):
    assert f"hadolint {rule.code}" in rule.equivalents


@pytest.mark.parametrize("equivalent", ["Trivy DS029", "trivy DS-0029", "Checkov CKV_K8S_8", "hadolint SC2086", ""])
def test_an_equivalent_names_a_known_scanner_and_its_id_as_that_scanner_writes_it(equivalent):
    with pytest.raises(TypeError, match=f"DL3015: equivalent '{equivalent}' is not"):
        replace(RULES_BY_CODE["DL3015"], equivalents=("hadolint DL3015", equivalent))


def test_sarif_rule_help_names_the_equivalents():
    driver = json.loads(sarif.render(RunReport((), (), False), fix=False))["runs"][0]["tool"]["driver"]
    helps = {rule["id"]: rule["help"] for rule in driver["rules"]}
    assert helps["DL3015"]["text"].endswith("\nSame check in: hadolint DL3015, Trivy DS-0029.")
    assert helps["HB001"]["markdown"].endswith(" Same check in: Checkov CKV_DOCKER_3, Trivy DS-0002.")
    assert "Same check in" not in helps["HB030"]["text"] + helps["HB030"]["markdown"]


# HB062's example pins a download; its digest is shown as `…` (tests/fixtures/HB062 checks real ones).
EXAMPLE_DOWNLOADS = {"https://example.com/releases/v1.2.3/tool.tar.gz":
                     Download("https://example.com/releases/v1.2.3/tool.tar.gz", "sha256:…", 1)}
# HB064's example copies a build context holding a repository and a .env.
EXAMPLE_CONTEXTS = {"Dockerfile": ContextListing(".", None, (".env", ".git"))}


def _example_ruleset(rule: Rule):
    values = {option: option.parse(EXAMPLE_OPTIONS[option.key]) for option in OPTIONS if option.key in EXAMPLE_OPTIONS}
    config = Config(options=OptionValues(values))
    ruleset = make_ruleset(config, (rule,), proving=rule.fix is FixSafety.PROVEN)  # as `fix --verify` makes them
    return replace(ruleset, context=replace(ruleset.context, downloads=EXAMPLE_DOWNLOADS, contexts=EXAMPLE_CONTEXTS))


def _as_file(example: str) -> str:
    lines = example.split("\n")
    has_from = any(line.upper().startswith("FROM ") for line in lines)
    return ("" if has_from else BASE_FOR_EXAMPLES) + example + "\n"


# The image-reference rules act on registry answers, and their examples show digests as `…`:
# their fixture pairs (tests/fixtures/HB030 …) give the registry's answers and check them.
# The workflow rules' examples are YAML: tests/test_attestations.py checks them.
# HB020's fix writes the better base the registry measured (`@sha256:…` in its example):
# tests/test_base_advice.py gives it those measurements.
CHECKABLE = [rule for rule in RULES if rule.scope not in (Scope.IMAGE_REFERENCES, Scope.WORKFLOW_STEPS)
             and "@sha256:…" not in rule.example.good]


@pytest.mark.parametrize("rule", CHECKABLE, ids=lambda r: r.code)
def test_each_rule_does_what_its_example_shows(rule: Rule):
    hardened = harden_text(_as_file(rule.example.bad), "Dockerfile", _example_ruleset(rule))
    assert any(f.rule == rule.code for f in hardened.before), "the bad example must be found"
    if rule.fix is FixSafety.NONE:
        assert hardened.text == _as_file(rule.example.bad)
    else:
        assert hardened.text == _as_file(rule.example.good)


def _lines_of(stages) -> set[int]:
    lines: set[int] = set()
    for stage in stages:
        lines.add(stage.from_.line)
        lines.update(inst.line for inst in stage.instructions)
    return lines


@pytest.mark.parametrize("case", fixture_cases(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_findings_stay_within_the_rules_declared_scope(case: Path):
    text = read(case)
    ruleset = case_ruleset(case)
    doc = Dockerfile.parse(text, case.name)
    stage = decide_role(doc, ruleset.context.facts, glob_matches).stage
    if stage is not None:
        doc = Dockerfile.parse(text, case.name, stage)  # the last stage is for development: another ships
    allowed = {
        Scope.EVERY_STAGE: _lines_of(doc.stages),
        Scope.FINAL_IMAGE: _lines_of(doc.image_stages()),
        Scope.FINAL_STAGE: _lines_of([doc.final_stage]),
        Scope.IMAGE_REFERENCES: {i.line for i in doc.instructions if i.keyword in ("FROM", "ARG", "COPY", "RUN")}
        | ({doc.parsed.line_of(doc.parsed.frontend.start)} if doc.parsed.frontend else set()),
        Scope.WHOLE_FILE: set(range(1, text.count("\n") + 2)),
    }
    by_code = {rule.code: rule for rule in RULES}
    for found in harden_text(text, case.name, ruleset).before:
        scope = by_code[found.rule].scope
        assert found.line in allowed[scope], f"{found.rule} at line {found.line} is outside {scope.value}"


def test_hb001_names_the_data_kept_across_runs_that_a_new_user_could_not_write():
    text = (Path(__file__).parent / "fixtures/HB001/unsafe_kept_media.in.Dockerfile").read_text()
    ruleset = make_ruleset(Config(), (RULES_BY_CODE["HB001"],))
    [found] = harden_text(text, "Dockerfile", ruleset).before
    assert not found.edits
    assert found.message == (
        "final stage runs as root; not changed because /app/media (made at line 3) holds data the app keeps across "
        "runs: files earlier versions wrote there as root stay root's, and the new user could not write them after "
        "an upgrade: chown them (or make a new volume), then set USER")
