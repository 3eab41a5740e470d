"""What an image holds and what it is judged by: the packages installed in it, the known
vulnerabilities of each, and the Scout-style policies (pass, fail, not evaluated, skipped)
with the grade they add up to."""
from __future__ import annotations

from enum import StrEnum

from bot.record import record


@record
class Package:
    """One installed package, named as OSV knows it."""
    ecosystem: str  # OSV's name: "Debian:12", "Alpine:v3.20", "PyPI", "npm"; "" when unknown
    name: str  # the source package for Debian and Alpine (advisories name those), else the package
    version: str  # the source version for Debian and Alpine
    installed_as: str = ""  # the binary package when it differs from the source (libssl3 from openssl)
    licences: tuple[str, ...] = ()  # as the package's metadata writes them (`AGPL-3.0-or-later`, `GPL-2+` …)
    location: str = ""  # where in the image it was read

    @property
    def key(self) -> tuple[str, str, str]:
        """What a vulnerability lookup is made by, and cached under."""
        return self.ecosystem, self.name, self.version

    @property
    def label(self) -> str:
        shown = self.installed_as or self.name
        return f"{shown} {self.version}" if not self.installed_as else f"{shown} ({self.name} {self.version})"


@record
class Inventory:
    """The packages read from one image, or why they could not be read."""
    packages: tuple[Package, ...] = ()
    os: str = ""  # the distribution's OSV ecosystem ("Debian:12"), "" when none is known
    user: str | None = None  # the image configuration's User, when read from a saved image
    error: str = ""  # one line, when the image could not be read

    @property
    def read(self) -> bool:
        return not self.error


class VulnSeverity(StrEnum):
    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    UNKNOWN = "unknown"  # the advisory gives none we can read


@record
class Vulnerability:
    """One advisory OSV gives for a package version, with what fixes it."""
    id: str  # OSV's id: DSA-5678-1, GHSA-…, PYSEC-…
    aliases: tuple[str, ...]  # CVE ids and the like
    severity: VulnSeverity
    score: float | None  # the CVSS v3 base score, when a vector gave one
    fixed_in: str  # the first version that fixes it, for this package's ecosystem; "" none yet
    summary: str = ""

    @property
    def fixable(self) -> bool:
        return bool(self.fixed_in)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.id, *self.aliases)


@record
class VulnerabilityAnswers:
    """What the vulnerability database said for a set of packages: package key → its
    vulnerabilities, or why it could not be asked (offline, unreachable)."""
    found: dict[tuple[str, str, str], tuple[Vulnerability, ...]]
    error: str = ""  # set: nothing was evaluated
    requests: int = 0  # HTTP requests made
    cache_hits: int = 0  # packages answered from the disk cache


# Every policy, in the order reports list them; `fail-on:` names these.
POLICY_KEYS = ("vulnerabilities-critical", "high-profile-cves", "agpl", "attestations", "non-root",
               "up-to-date-base", "approved-base")


class PolicyState(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    NOT_EVALUATED = "not evaluated"  # the data was missing (no image, offline …): never a pass
    SKIPPED = "skipped"  # not configured (approved bases)


@record
class PolicyResult:
    """One policy's verdict on one image, with its evidence."""
    policy: str  # its key: vulnerabilities-critical, high-profile-cves, agpl …
    state: PolicyState
    summary: str  # one line of evidence
    details: tuple[str, ...] = ()  # the packages, steps or images behind it


@record
class ImagePolicies:
    """One Dockerfile's image judged by every policy, as it was and as hardened."""
    path: str  # the Dockerfile, repository-relative (or the saved image's file)
    before: tuple[PolicyResult, ...]
    after: tuple[PolicyResult, ...] | None  # None: only one image (check)
    grade_before: str
    grade_after: str | None
    moved_by: dict[str, str]  # policy → what moved it (the rule codes, the base refresh …)
    # Fixable critical or high vulnerabilities in the image before and after; None: not counted.
    fixable: tuple[int | None, int | None] = (None, None)
    movers: tuple[str, ...] = ()  # the fixes that moved a policy or the fixable count, in catalogue order
