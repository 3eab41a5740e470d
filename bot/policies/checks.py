"""One function per policy: the evidence about one image in, pass, fail, not evaluated or
skipped out, with the evidence that decided it. Data missing (no image, offline, OSV out of
reach) is always "not evaluated", never a pass."""
from __future__ import annotations

from collections import Counter
from fnmatch import fnmatchcase

from bot.errors import InvalidReferenceError
from bot.model.findings import Finding
from bot.model.images import parse_reference
from bot.model.policies import Inventory, PolicyResult, PolicyState, Vulnerability, VulnerabilityAnswers, VulnSeverity
from bot.policies.high_profile import HIGH_PROFILE_CVES
from bot.policies.licences import copyleft
from bot.record import record
from bot.rules.hb040_build_attestations import PushStep, attested

MAX_DETAILS = 20  # rows of evidence kept per policy; the summary counts them all
P, F, N, S = PolicyState.PASS, PolicyState.FAIL, PolicyState.NOT_EVALUATED, PolicyState.SKIPPED


@record
class ImageEvidence:
    """What is known about one image: as built (or saved), and its Dockerfile's findings."""
    inventory: Inventory | None  # None: no image was built or given
    uid: int | None = None  # the UID a container of it started with (verification)
    findings: tuple[Finding, ...] = ()  # its Dockerfile's findings, as the image was built from it
    bases: tuple[str, ...] = ()  # the images its Dockerfile builds FROM
    has_dockerfile: bool = True
    registry_asked: bool = True  # False: offline, digests unknown


def _no_image(policy: str, image: ImageEvidence) -> PolicyResult | None:
    if image.inventory is None:
        return PolicyResult(policy, N, "no image was built or given (`fix --verify`, or `check --image FILE`)")
    if image.inventory.error:
        return PolicyResult(policy, N, image.inventory.error)
    return None


def _answers_missing(policy: str, answers: VulnerabilityAnswers | None) -> PolicyResult | None:
    if answers is None:
        return PolicyResult(policy, N, "OSV was not asked (offline)")
    if answers.error:
        return PolicyResult(policy, N, f"OSV could not be asked: {answers.error}")
    return None


def _vulnerable(image: ImageEvidence, answers: VulnerabilityAnswers) -> list[tuple[str, Vulnerability]]:
    assert image.inventory is not None
    return [(package.label, vuln) for package in image.inventory.packages
            for vuln in answers.found.get(package.key, ())]


def _serious(found: list[tuple[str, Vulnerability]]) -> list[tuple[str, Vulnerability]]:
    return [(label, v) for label, v in found if v.fixable and v.severity in (VulnSeverity.CRITICAL, VulnSeverity.HIGH)]


def fixable_serious(image: ImageEvidence, answers: VulnerabilityAnswers | None) -> int | None:
    """How many fixable critical or high vulnerabilities the image holds; None when they
    cannot be counted (no image, its packages unread, OSV not asked)."""
    if _no_image("", image) or _answers_missing("", answers):
        return None
    assert answers is not None
    return len(_serious(_vulnerable(image, answers)))


def vulnerabilities(image: ImageEvidence, answers: VulnerabilityAnswers | None) -> PolicyResult:
    policy = "vulnerabilities-critical"
    missing = _no_image(policy, image) or _answers_missing(policy, answers)
    if missing:
        return missing
    assert image.inventory is not None and answers is not None
    found = _vulnerable(image, answers)
    counts = Counter(vuln.severity for _, vuln in found)
    serious = _serious(found)
    asked = sum(bool(p.ecosystem) for p in image.inventory.packages)
    summary = (", ".join(f"{counts[s]} {s.value}" for s in VulnSeverity if counts[s]) or "no known vulnerabilities")
    summary += f" in {asked} packages; {len(serious)} fixable critical or high"
    if asked < len(image.inventory.packages):
        summary += f" ({len(image.inventory.packages) - asked} packages of an unknown distribution not asked about)"
    details = tuple(f"{label}: {v.id} {v.severity.value}{f' {v.score}' if v.score is not None else ''}, "
                    f"fixed in {v.fixed_in}" for label, v in serious[:MAX_DETAILS])
    return PolicyResult(policy, F if serious else P, summary, details)


def high_profile(image: ImageEvidence, answers: VulnerabilityAnswers | None) -> PolicyResult:
    policy = "high-profile-cves"
    missing = _no_image(policy, image) or _answers_missing(policy, answers)
    if missing:
        return missing
    assert answers is not None
    hits = [f"{label}: {name} ({HIGH_PROFILE_CVES[name]})" for label, vuln in _vulnerable(image, answers)
            for name in vuln.names if name in HIGH_PROFILE_CVES]
    hits = list(dict.fromkeys(hits))
    if hits:
        return PolicyResult(policy, F, f"{len(hits)} high-profile CVEs", tuple(hits[:MAX_DETAILS]))
    return PolicyResult(policy, P, f"none of the {len(HIGH_PROFILE_CVES)} high-profile CVEs")


def agpl(image: ImageEvidence) -> PolicyResult:
    missing = _no_image("agpl", image)
    if missing:
        return missing
    assert image.inventory is not None
    kinds: dict[str, list[str]] = {"AGPL": [], "GPL": []}
    for package in image.inventory.packages:
        found = {kind for licence in package.licences if (kind := copyleft(licence))}
        kind = "AGPL" if "AGPL" in found else ("GPL" if found else None)
        if kind:
            kinds[kind].append(f"{package.label}: {', '.join(package.licences)}")
    known = sum(bool(p.licences) for p in image.inventory.packages)
    summary = (f"{len(kinds['AGPL'])} AGPL packages; {len(kinds['GPL'])} GPL (listed, not failed); "
               f"{known} of {len(image.inventory.packages)} packages declare a licence")
    return PolicyResult("agpl", F if kinds["AGPL"] else P, summary, tuple(kinds["AGPL"][:MAX_DETAILS]))


def attestations(steps: tuple[PushStep, ...]) -> PolicyResult:
    if not steps:
        return PolicyResult("attestations", N, "no workflow step here builds and pushes an image")
    missing = [s for s in steps if not attested(s)]
    details = tuple(f"{s.path}:{s.line} ({s.where}): sbom {'on' if s.sbom else 'off'}, provenance {s.provenance}"
                    for s in missing[:MAX_DETAILS])
    summary = f"{len(steps) - len(missing)} of {len(steps)} pushing steps attach an SBOM and max provenance"
    return PolicyResult("attestations", F if missing else P, summary, details)


def non_root(image: ImageEvidence) -> PolicyResult:
    if image.uid is not None:
        return PolicyResult("non-root", F if image.uid == 0 else P, f"a container of the image runs as UID {image.uid}")
    user = image.inventory.user if image.inventory else None
    if user is not None:
        root = user.split(":")[0] in ("", "root", "0")
        return PolicyResult("non-root", F if root else P, f"the image's configured user is {user or 'unset (root)'}")
    if not image.has_dockerfile:
        return PolicyResult("non-root", N, "neither a container nor a Dockerfile says who the image runs as")
    roots = [f for f in image.findings if f.rule in ("HB001", "DL3002")]
    if roots:
        return PolicyResult("non-root", F, f"line {roots[0].line}: {roots[0].rule} {roots[0].message}")
    return PolicyResult("non-root", P, "the Dockerfile's final stage switches to a user other than root")


def up_to_date_base(image: ImageEvidence) -> PolicyResult:
    if not image.has_dockerfile:
        return PolicyResult("up-to-date-base", N, "no Dockerfile to read the base image from")
    if not image.registry_asked:
        return PolicyResult("up-to-date-base", N, "the registry was not asked (offline)")
    stale = [f for f in image.findings if f.rule == "HB031"]
    unknown = [f for f in image.findings if f.rule == "HB032"]
    if stale:
        return PolicyResult("up-to-date-base", F, f"{len(stale)} base digests behind their tags",
                            tuple(f"line {f.line}: {f.message}" for f in stale))
    if unknown:
        return PolicyResult("up-to-date-base", N, f"line {unknown[0].line}: {unknown[0].message}")
    return PolicyResult("up-to-date-base", P, "every base is what its tag points to now")


def approved_base(image: ImageEvidence, patterns: tuple[str, ...]) -> PolicyResult:
    if not patterns:
        return PolicyResult("approved-base", S, "no approved-bases configured")
    if not image.bases:
        return PolicyResult("approved-base", N, "no base image named (no Dockerfile, or FROM scratch only)")
    unapproved = [base for base in image.bases if not any(fnmatchcase(name, p) for p in patterns
                                                           for name in _names(base))]
    if unapproved:
        return PolicyResult("approved-base", F, f"{len(unapproved)} of {len(image.bases)} bases match no approved "
                            "pattern", tuple(unapproved))
    return PolicyResult("approved-base", P, f"{len(image.bases)} bases, each approved")


def _names(base: str) -> list[str]:
    """A base as a pattern may name it: as written, familiar with its tag, and in full."""
    try:
        ref = parse_reference(base)
    except InvalidReferenceError:
        return [base]
    tag = f":{ref.tag}" if ref.tag else ""
    return [base, f"{ref.familiar}{tag}", f"{ref.registry}/{ref.repository}{tag}"]
