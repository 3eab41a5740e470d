"""Judging a run's images by the policies (see the package's doc): each image before and after
hardening, and the edits that moved each policy."""
from __future__ import annotations

from bot.errors import DockerfileSyntaxError
from bot.model.policies import ImagePolicies, Inventory, PolicyResult, VulnerabilityAnswers
from bot.model.results import FileResult, RunReport
from bot.policies import checks
from bot.policies.checks import ImageEvidence
from bot.policies.grade import policy_grade
from bot.rules import APPLY_ORDER
from bot.rules.hb040_build_attestations import PushStep, push_steps
from bot.sources.dockerfile import KIND as DOCKERFILE
from bot.sources.workflow import KIND as WORKFLOW

# The rules whose edits can move each policy (what the report names as having moved it).
MOVERS = {
    "vulnerabilities-critical": ("HB031", "HB011", "DL3015", "HB020", "HB021"),
    "high-profile-cves": ("HB031", "HB011", "DL3015", "HB020", "HB021"),
    "agpl": ("DL3015", "HB021"),
    "attestations": ("HB040",),
    "non-root": ("HB001", "DL3002", "HB010"),
    "up-to-date-base": ("HB031",),
    "approved-base": (),
}


def evaluate(image: ImageEvidence, steps: tuple[PushStep, ...], answers: VulnerabilityAnswers | None,
             approved: tuple[str, ...]) -> tuple[PolicyResult, ...]:
    """Every policy on one image, in POLICY_KEYS order."""
    return (checks.vulnerabilities(image, answers), checks.high_profile(image, answers), checks.agpl(image),
            checks.attestations(steps), checks.non_root(image), checks.up_to_date_base(image),
            checks.approved_base(image, approved))


def _steps(report: RunReport, hardened: bool) -> tuple[PushStep, ...]:
    found: list[PushStep] = []
    for result in report.results:
        if result.kind == WORKFLOW.name:
            found += push_steps(result.hardened.text if hardened else result.original, result.path)
    return tuple(found)


def _bases(text: str, path: str) -> tuple[str, ...]:
    try:
        return tuple(dict.fromkeys(o.text for o in DOCKERFILE.occurrences(text, path) if o.text != "scratch"))
    except DockerfileSyntaxError:
        return ()


def judge(report: RunReport, answers: VulnerabilityAnswers | None, approved: tuple[str, ...],
          saved: tuple[str, Inventory] | None = None, every_dockerfile: bool = False) -> tuple[ImagePolicies, ...]:
    """The policies of each image the run built (before → after), of a saved image (as it is:
    with the Dockerfile when the run looked at exactly one), and, with `every_dockerfile`, of
    every other Dockerfile from what its text says (the image policies not evaluated)."""
    before_steps, after_steps = _steps(report, False), _steps(report, True)
    workflow_fixes = {f.rule for r in report.results if r.kind == WORKFLOW.name for f in r.hardened.applied}
    asked = report.digests is not None
    dockerfiles = [r for r in report.results if r.kind == DOCKERFILE.name]
    by_path = {r.path: r for r in dockerfiles}
    judged: list[ImagePolicies] = []
    for item in report.verification:
        result = by_path.get(item.path)
        if result is None or item.before is None or not item.before.built:
            continue
        before = ImageEvidence(item.before.inventory, item.before.image.uid if item.before.image else None,
                               result.hardened.before, _bases(result.original, result.path), registry_asked=asked)
        after_build = item.after or item.before
        after = ImageEvidence(after_build.inventory, after_build.image.uid if after_build.image else None,
                              result.hardened.after, _bases(result.hardened.text, result.path), registry_asked=asked)
        judged.append(_pair(result, evaluate(before, before_steps, answers, approved),
                            evaluate(after, after_steps, answers, approved), workflow_fixes,
                            (checks.fixable_serious(before, answers), checks.fixable_serious(after, answers))))
    if saved is not None:
        name, inventory = saved
        only = dockerfiles[0] if len(dockerfiles) == 1 else None
        image = ImageEvidence(inventory, findings=only.hardened.before if only else (),
                              bases=_bases(only.original, only.path) if only else (), has_dockerfile=only is not None,
                              registry_asked=asked)
        results = evaluate(image, before_steps, answers, approved)
        judged.append(ImagePolicies(name, results, None, policy_grade(results), None, {}))
    if every_dockerfile:
        seen = {j.path for j in judged} | ({dockerfiles[0].path} if saved is not None and len(dockerfiles) == 1 else set())
        for result in dockerfiles:
            if result.path not in seen:
                image = ImageEvidence(None, findings=result.hardened.before, bases=_bases(result.original, result.path),
                                      registry_asked=asked)
                results = evaluate(image, before_steps, answers, approved)
                judged.append(ImagePolicies(result.path, results, None, policy_grade(results), None, {}))
    return tuple(judged)


def _pair(result: FileResult, before: tuple[PolicyResult, ...], after: tuple[PolicyResult, ...],
          workflow_fixes: set[str], fixable: tuple[int | None, int | None]) -> ImagePolicies:
    """Before → after, and for each policy that moved, the fixes that moved it (the file's
    own, and the workflows' for attestations); the fixes that moved any policy or the count of
    fixable critical/high vulnerabilities, in catalogue order."""
    applied = {f.rule for f in result.hardened.applied} | workflow_fixes
    moved = {}
    movers: set[str] = set()
    for old, new in zip(before, after, strict=True):
        codes = [code for code in MOVERS[old.policy] if code in applied]
        if old.state != new.state:
            moved[old.policy] = ", ".join(codes) if codes else "the rebuild (packages changed upstream since)"
            movers.update(codes)
        elif old.policy == "vulnerabilities-critical" and None not in fixable and fixable[0] != fixable[1]:
            movers.update(codes)
    return ImagePolicies(result.path, before, after, policy_grade(before), policy_grade(after), moved, fixable,
                         tuple(code for code in APPLY_ORDER if code in movers))
