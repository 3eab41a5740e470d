"""The grade measured on the built images (bot/report/measured.py): per image and over all,
in the PR body's summary, `fix`'s text and JSON (held to tests/schemas/hardenbot/
measured.schema.json); nothing claimed for an image that was not built both ways."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from bot.config import Config
from bot.model.policies import POLICY_KEYS, ImagePolicies, PolicyResult, PolicyState
from bot.model.results import RunReport
from bot.model.verification import Build, BuildState, ImageFacts, Verdict, Verification
from bot.policies.grade import policy_grade
from bot.report import json_report, measured, policies, text
from bot.report.markdown import render_body
from bot.run import process_texts
from bot.sources.discovery import SourceFile
from bot.sources.dockerfile import KIND as DOCKERFILE

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "hardenbot" / "measured.schema.json").read_text())
P, F, N = PolicyState.PASS, PolicyState.FAIL, PolicyState.NOT_EVALUATED


def results(**states: PolicyState) -> tuple[PolicyResult, ...]:
    return tuple(PolicyResult(key, states.get(key.replace("-", "_"), P), "evidence") for key in POLICY_KEYS)


def judged(path: str, before: dict, after: dict, fixable=(None, None), movers=()) -> ImagePolicies:
    old, new = results(**before), results(**after)
    return ImagePolicies(path, old, new, policy_grade(old), policy_grade(new), {}, fixable, movers)


def built(size: int) -> Build:
    return Build(BuildState.BUILT, 1.0, ImageFacts(size, 3, "", 0, "/", True, False))


def verified(path: str, before: int, after: int, verdict: Verdict = Verdict.VERIFIED) -> Verification:
    return Verification(path, ".", None, verdict, built(before), built(after))


def report(verification=(), judged_images=()) -> RunReport:
    config = Config()
    texts = {SourceFile(item.path, DOCKERFILE): "FROM debian:12\nCMD [\"sh\"]\n" for item in verification}
    base = process_texts(texts, config, config.active_rules(), fix=True)
    return replace(base, verification=tuple(verification), policies=tuple(judged_images))


TWO = report([verified("a/Dockerfile", 310_000_000, 112_000_000), verified("b/Dockerfile", 50_000_000, 50_100_000)],
             [judged("a/Dockerfile", {"vulnerabilities_critical": F, "high_profile_cves": F, "non_root": F}, {},
                     (14, 2), ("HB001", "HB020")),
              judged("b/Dockerfile", {"non_root": F}, {}, (0, 0), ("HB011", "HB001"))])


def test_over_several_images_the_grade_is_their_mean_and_the_figures_their_sums():
    # a: 100 - 30 - 50 - 20 = 0 → 100; b: 80 → 100. The mean, 40 → 100: D → A.
    assert measured.summary_line(TWO) == ("Measured on the built images (2 images): policy grade D → A, "
                                          "fixable critical/high 14 → 2, 360.0 → 162.1 MB (HB011, HB001, HB020)")
    document = json.loads(json_report.render(TWO, fix=True))
    jsonschema.Draft202012Validator(SCHEMA).validate(document["measured"])
    assert document["measured"]["overall"] == {
        "images": 2, "grade": "D", "grade_after": "A", "not_evaluated": 0, "not_evaluated_after": 0,
        "fixable_critical_high": 14, "fixable_critical_high_after": 2, "size": 360_000_000, "size_after": 162_100_000,
        "moved_by": ["HB011", "HB001", "HB020"]}
    assert [(i["path"], i["grade"], i["grade_after"]) for i in document["measured"]["images"]] == [
        ("a/Dockerfile", "F", "A"), ("b/Dockerfile", "B", "A")]


def test_the_summary_opens_with_the_line_and_each_image_gives_its_figures():
    body = render_body(TWO, [])
    assert body.split("\n")[3] == ("**Measured on the built images (2 images): policy grade D → A, fixable "
                                   "critical/high 14 → 2, 360.0 → 162.1 MB (HB011, HB001, HB020)**")
    assert "**`a/Dockerfile`**: grade F → A; fixable critical/high 14 → 2, 310.0 → 112.0 MB (HB001, HB020)" in body
    lines = policies.text_lines(TWO)
    assert lines[0] == ("measured on the built images (2 images): policy grade D → A, fixable critical/high 14 → 2, "
                        "360.0 → 162.1 MB (HB011, HB001, HB020)")
    assert "policies: b/Dockerfile: grade B → A; fixable critical/high 0 → 0, 50.0 → 50.1 MB (HB011, HB001)" in lines
    assert text.fix_lines(TWO)[-1].startswith("would fix ")  # the rest of the output is as before


def test_a_count_not_taken_for_one_image_leaves_the_sum_uncounted_not_short():
    one_unknown = replace(TWO, policies=(TWO.policies[0], replace(TWO.policies[1], fixable=(None, None))))
    line = measured.summary_line(one_unknown)
    assert "fixable critical/high not counted (OSV not asked, or packages unread)" in line
    document = json.loads(json_report.render(one_unknown, fix=True))
    jsonschema.Draft202012Validator(SCHEMA).validate(document["measured"])
    assert document["measured"]["overall"]["fixable_critical_high"] is None


def test_policies_not_evaluated_are_said_beside_the_grade():
    unknown = report([verified("a/Dockerfile", 1, 1)],
                     [judged("a/Dockerfile", {"vulnerabilities_critical": N, "attestations": N}, {"attestations": N})])
    assert measured.summary_line(unknown).startswith(
        "Measured on the built images: policy grade A (2 not evaluated) → A (1 not evaluated), ")


@pytest.mark.parametrize("case", ["not verified", "skipped", "no policies", "nothing built"])
def test_nothing_built_both_ways_claims_nothing(case):
    if case == "not verified":  # the original did not build here
        item = Verification("a/Dockerfile", ".", None, Verdict.NOT_VERIFIED, Build(BuildState.FAILED, 1.0))
        bare = report([item], [judged("a/Dockerfile", {}, {})])
    elif case == "skipped":
        bare = report([Verification("a/Dockerfile", ".", None, Verdict.SKIPPED, reason="beyond verify-max-images (0)")],
                      [judged("a/Dockerfile", {}, {})])
    elif case == "no policies":
        bare = report([verified("a/Dockerfile", 1, 1)])
    else:
        bare = report()
    assert measured.summary_line(bare) is None and measured.measures(bare) == []
    assert "measured" not in json.loads(json_report.render(bare, fix=True))
    assert "Measured" not in render_body(bare, []) and not any("measured" in line for line in policies.text_lines(bare))
