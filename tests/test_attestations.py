"""HB040 on workflow fixture pairs (`tests/fixtures/HB040/<case>.in.yml` → `.out.yml`, absent:
unchanged; `.findings` as for Dockerfiles), its example, and the steps the attestations
policy reads."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.config import Config
from bot.engine import harden_text
from bot.rules import RULES_BY_CODE
from bot.rules.hb040_build_attestations import push_steps
from bot.run import make_ruleset
from bot.sources.workflow import KIND as WORKFLOW
from tests.helpers import assert_fixture_pair, read

CASES = sorted((Path(__file__).parent / "fixtures" / "HB040").glob("*.in.yml"))


def hb040():
    config = Config()
    return make_ruleset(config, config.active_rules(select={"HB040"}))


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name.removesuffix(".in.yml"))
def test_workflow_fixture_pair(case: Path):
    text = read(case)
    hardened = assert_fixture_pair(case, lambda text: harden_text(text, ".github/workflows/release.yml", hb040(), WORKFLOW))
    # means what it meant, but for the added keys
    assert _without_attestations(yaml.safe_load(hardened.text)) == _without_attestations(yaml.safe_load(text))


def _without_attestations(workflow: dict) -> dict:
    for job in workflow["jobs"].values():
        for step in job.get("steps") or []:
            inputs = step.get("with") or {}
            if inputs.get("provenance") == "mode=max" and inputs.get("sbom") is True and "uses" in step:
                del inputs["provenance"], inputs["sbom"]
    return workflow


def test_the_example_is_what_the_rule_does():
    rule = RULES_BY_CODE["HB040"]
    head = "jobs:\n  image:\n    steps:\n      - uses: docker/setup-buildx-action@v3\n"

    def as_workflow(example: str) -> str:
        return head + "".join(f"      {line}\n" for line in example.split("\n"))

    hardened = harden_text(as_workflow(rule.example.bad), "w.yml", hb040(), WORKFLOW)
    assert hardened.text == as_workflow(rule.example.good)


def test_reported_cases_say_why_they_were_not_edited():
    hardened = harden_text(read(CASES[0].with_name("reported.in.yml")), "w.yml", hb040(), WORKFLOW)
    messages = [f.message for f in sorted(hardened.before, key=lambda f: f.line)]
    assert [m.rpartition("(")[2] for m in messages[:5]] == [
        "docker/build-push-action@v3 predates these inputs: update it to v4 or later first)",
        "its build-arg NPM_TOKEN may carry a credential, which max provenance would publish)",
        "no docker/setup-buildx-action before it: the plain docker driver refuses attestations)",
        "it sets provenance itself)",
        "its layout is not one hardenbot edits)",
    ]
    assert messages[5].startswith("this run: step pushes an image built without")


def test_push_steps_are_what_the_attestations_policy_reads():
    steps = push_steps(read(CASES[0].with_name("left_alone.in.yml")), "w.yml")
    assert [(s.where, s.sbom, s.provenance) for s in steps] == [
        ("jobs.attested.steps[1]", True, "max"),
        ("jobs.script-attested.steps[0]", True, "max"),
        ("jobs.silenced.steps[1]", False, "default"),
    ]  # the loaded image is not pushed


@pytest.mark.parametrize("name, edited", [
    ("branch_test.yml", False), ("docker-version-branches.yaml", False), ("docker-publish-canary.yml", False),
    ("build-docker-devenv.yml", False), ("publish_codespace.yml", False),
    ("release.yml", True), ("docker-nightly.yaml", True), ("dev.yml", True),  # nightlies and dev tags are pulled
])
def test_a_workflow_named_for_branch_canary_or_development_environment_builds_is_left_alone(name, edited):
    text = read(CASES[0].with_name("block_scalar_last.in.yml"))
    hardened = harden_text(text, f".github/workflows/{name}", hb040(), WORKFLOW)
    assert (hardened.text != text) is edited
