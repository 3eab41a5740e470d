"""The policies, pure: evidence about an image in, pass / fail / not evaluated / skipped out;
the grade from them; and a run's images judged before → after with what moved each policy."""
from __future__ import annotations

from bot.model.findings import Finding
from bot.model.policies import (
    POLICY_KEYS,
    Inventory,
    Package,
    PolicyResult,
    PolicyState,
    Vulnerability,
    VulnerabilityAnswers,
    VulnSeverity,
)
from bot.policies import checks
from bot.policies.checks import ImageEvidence
from bot.policies.grade import not_evaluated, policy_grade
from bot.policies.judging import evaluate
from bot.policies.licences import copyleft
from bot.rules.hb040_build_attestations import PushStep

P, F, N, S = PolicyState.PASS, PolicyState.FAIL, PolicyState.NOT_EVALUATED, PolicyState.SKIPPED
OPENSSL = Package("Debian:12", "openssl", "3.0.9-1", "libssl3", ("Apache-2.0",))
GHOSTSCRIPT = Package("Debian:12", "ghostscript", "10.0.0~dfsg-11", "libgs10", ("AGPL-3+", "GPL-3+"))
BASH = Package("Debian:12", "bash", "5.2.15-2", "", ("GPL-3+",))
DSA = Vulnerability("DSA-5532-1", ("CVE-2023-5363",), VulnSeverity.HIGH, 7.5, "3.0.11-1~deb12u2")
UNFIXED = Vulnerability("DEBIAN-CVE-2023-6129", ("CVE-2023-6129",), VulnSeverity.MEDIUM, 6.5, "")
HEARTBLEED = Vulnerability("DSA-2896-1", ("CVE-2014-0160",), VulnSeverity.HIGH, 7.5, "1.0.1e-2+deb7u5")


def image(*packages: Package, **fields) -> ImageEvidence:
    return ImageEvidence(Inventory(packages, "Debian:12"), **fields)


def answers(**found) -> VulnerabilityAnswers:
    return VulnerabilityAnswers({package.key: vulns for package, vulns in found.values()})


def test_fixable_high_fails_and_unfixed_medium_only_counts():
    result = checks.vulnerabilities(image(OPENSSL, BASH), answers(a=(OPENSSL, (DSA, UNFIXED))))
    assert result.state is F
    assert result.summary == "1 high, 1 medium in 2 packages; 1 fixable critical or high"
    assert result.details == ("libssl3 (openssl 3.0.9-1): DSA-5532-1 high 7.5, fixed in 3.0.11-1~deb12u2",)
    assert checks.vulnerabilities(image(OPENSSL), answers(a=(OPENSSL, (UNFIXED,)))).state is P


def test_missing_data_is_never_a_pass():
    offline = checks.vulnerabilities(image(OPENSSL), None)
    unreachable = checks.high_profile(image(OPENSSL), VulnerabilityAnswers({}, "cannot reach OSV (ConnectError)"))
    no_image = checks.agpl(ImageEvidence(None))
    unreadable = checks.vulnerabilities(ImageEvidence(Inventory(error="could not read its packages: gone")), answers())
    assert [r.state for r in (offline, unreachable, no_image, unreadable)] == [N, N, N, N]
    assert offline.summary == "OSV was not asked (offline)"
    assert unreachable.summary == "OSV could not be asked: cannot reach OSV (ConnectError)"
    assert unreadable.summary == "could not read its packages: gone"


def test_high_profile_cves_match_by_alias():
    result = checks.high_profile(image(OPENSSL), answers(a=(OPENSSL, (HEARTBLEED, DSA))))
    assert (result.state, result.details) == (F, ("libssl3 (openssl 3.0.9-1): CVE-2014-0160 (Heartbleed (OpenSSL))",))


def test_agpl_fails_gpl_is_listed_and_a_choice_is_not_copyleft():
    result = checks.agpl(image(OPENSSL, GHOSTSCRIPT, BASH))
    assert result.state is F and result.details == ("libgs10 (ghostscript 10.0.0~dfsg-11): AGPL-3+, GPL-3+",)
    assert result.summary.startswith("1 AGPL packages; 1 GPL (listed, not failed)")
    assert [copyleft(x) for x in ("AGPL-3.0-or-later", "GNU Affero General Public License v3", "GPL-2+",
                                  "LGPL-2.1+", "MIT OR AGPL-3.0", "Apache-2.0")] == ["AGPL", "AGPL", "GPL", None,
                                                                                     None, None]


def test_attestations_from_the_push_steps():
    good = PushStep("w.yml", 12, "jobs.a.steps[1]", True, "max")
    bad = PushStep("w.yml", 30, "jobs.b.steps[0]", False, "default")
    assert checks.attestations(()).state is N
    assert checks.attestations((good,)).state is P
    result = checks.attestations((good, bad))
    assert (result.state, result.details) == (F, ("w.yml:30 (jobs.b.steps[0]): sbom off, provenance default",))


def test_non_root_from_the_container_else_the_saved_config_else_the_dockerfile():
    assert checks.non_root(image(uid=0)).state is F
    assert checks.non_root(image(uid=10001, findings=(Finding("HB001", "D", 1, "x"),))).state is P  # the container wins
    assert checks.non_root(ImageEvidence(Inventory(user="10001:10001"), has_dockerfile=False)).state is P
    assert checks.non_root(ImageEvidence(Inventory(user=""), has_dockerfile=False)).state is F
    assert checks.non_root(ImageEvidence(None, findings=(Finding("HB001", "D", 4, "runs as root"),))).summary == \
        "line 4: HB001 runs as root"
    assert checks.non_root(ImageEvidence(None, has_dockerfile=False)).state is N


def test_up_to_date_base_from_the_stale_digest_finding():
    stale = Finding("HB031", "D", 1, "python:3.12-slim moved: sha256:aaaa → sha256:bbbb")
    assert checks.up_to_date_base(ImageEvidence(None, findings=(stale,))).state is F
    assert checks.up_to_date_base(ImageEvidence(None)).state is P
    assert checks.up_to_date_base(ImageEvidence(None, registry_asked=False)).state is N


def test_approved_base_patterns_match_familiar_or_full_names():
    bases = ("python:3.12-slim@sha256:" + "a" * 64, "ghcr.io/acme/base:1")
    assert checks.approved_base(ImageEvidence(None, bases=bases), ()).state is S
    assert checks.approved_base(ImageEvidence(None, bases=bases), ("python:3.12-*", "ghcr.io/acme/*")).state is P
    result = checks.approved_base(ImageEvidence(None, bases=bases), ("docker.io/library/python:*",))
    assert (result.state, result.details) == (F, ("ghcr.io/acme/base:1",))


def test_grade_thresholds_and_not_evaluated_count():
    def results(*failing: str, unknown: tuple[str, ...] = ()) -> list[PolicyResult]:
        return [PolicyResult(k, F if k in failing else (N if k in unknown else P), "") for k in POLICY_KEYS]

    assert policy_grade(results()) == "A"
    assert policy_grade(results("attestations")) == "B"
    assert policy_grade(results("agpl", "non-root")) == "C"
    assert policy_grade(results("vulnerabilities-critical")) == "C"
    assert policy_grade(results("high-profile-cves")) == "D"
    assert policy_grade(results("high-profile-cves", "vulnerabilities-critical")) == "F"
    assert not_evaluated(results(unknown=("agpl", "attestations"))) == 2


def test_evaluate_lists_every_policy_in_order():
    found = evaluate(image(OPENSSL, uid=0), (), answers(a=(OPENSSL, (DSA,))), ())
    assert [(r.policy, r.state) for r in found] == [
        ("vulnerabilities-critical", F), ("high-profile-cves", P), ("agpl", P), ("attestations", N),
        ("non-root", F), ("up-to-date-base", P), ("approved-base", S)]


WORKFLOW = ("jobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/setup-buildx-action@v3\n"
            "      - uses: docker/build-push-action@v6\n        with:\n          push: true\n")


def test_a_verified_run_is_judged_before_and_after_with_what_moved_each_policy(tmp_path):
    from bot.policies.judging import judge
    from tests.test_verify import SERVICE, InventoryBuilder, harden, repo

    root = repo(tmp_path, {"svc/Dockerfile": SERVICE, ".github/workflows/release.yml": WORKFLOW})
    report = harden(root, InventoryBuilder())
    installed = Package("Debian:12", "openssl", "3.0.11-1~deb12u2", "libssl3")  # what InventoryBuilder reads
    [judged] = judge(report, answers(a=(installed, (DSA,))), ("debian:*",))
    states = {r.policy: (r.state, a.state) for r, a in zip(judged.before, judged.after, strict=True)}
    assert states == {"vulnerabilities-critical": (F, F), "high-profile-cves": (P, P), "agpl": (P, P),
                      "attestations": (F, P), "non-root": (F, P), "up-to-date-base": (N, N),
                      "approved-base": (P, P)}
    assert judged.moved_by == {"attestations": "HB040", "non-root": "HB001"}
    assert (judged.grade_before, judged.grade_after) == ("D", "C")  # 30 + 10 + 20 off, then 30


def test_markdown_section_shows_before_after_and_what_moved_it():
    from bot.model.policies import ImagePolicies
    from bot.model.results import RunReport
    from bot.report.policies import markdown_lines

    before = (PolicyResult("non-root", F, "a container of the image runs as UID 0"),
              PolicyResult("agpl", N, "no image | none"))
    after = (PolicyResult("non-root", P, "a container of the image runs as UID 10001"),
             PolicyResult("agpl", N, "no image | none"))
    report = RunReport((), (), False, policies=(ImagePolicies("svc/Dockerfile", before, after, "B", "A",
                                                              {"non-root": "HB001"}),))
    assert markdown_lines(report) == [
        "### Policies", "",
        "**`svc/Dockerfile`**: grade B (1 not evaluated) → A (1 not evaluated)", "",
        "| policy | before | after | moved by | evidence |", "|---|---|---|---|---|",
        "| non-root | fail | pass | HB001 | a container of the image runs as UID 10001 |",
        "| agpl | not evaluated | not evaluated |  | no image \\| none |", ""]
    assert markdown_lines(RunReport((), (), False)) == []


def test_the_pull_request_body_carries_the_policies_after_verification():
    from bot.model.policies import ImagePolicies
    from bot.model.results import RunReport
    from bot.report.markdown import render_body

    before = (PolicyResult("non-root", F, "a container of the image runs as UID 0"),)
    after = (PolicyResult("non-root", P, "a container of the image runs as UID 10001"),)
    report = RunReport((), (), False, policies=(ImagePolicies("svc/Dockerfile", before, after, "B", "A",
                                                              {"non-root": "HB001"}),))
    body = render_body(report, [])
    assert "### Policies\n\n**`svc/Dockerfile`**: grade B → A\n\n| policy | before | after |" in body
    assert body.index("### Policies") < body.index("### Needs a person")
