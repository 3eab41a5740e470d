"""What a rule is: one record per rule file, read by everything that describes a rule.

The catalogue, the configuration, the grade, the JSON, SARIF and pull request reports and
the rule pages under docs/rules/ all read severity, why, fix safety and options from the record, so a
rule is described in exactly one place: its own file.
"""
from __future__ import annotations

import re
from collections import ChainMap
from collections.abc import Callable, Iterator, Mapping
from dataclasses import field
from enum import Enum
from functools import cached_property
from typing import TYPE_CHECKING

from bot.dockerfile.images import image_occurrences
from bot.dockerfile.model import Dockerfile
from bot.dockerfile.parser import ParsedText
from bot.dockerfile.roles import RepositoryFacts
from bot.model.build_context import ContextListing
from bot.model.findings import Finding
from bot.model.images import ImageKey, ImageOccurrence, Resolution
from bot.model.roles import Role, RoleDecision
from bot.record import record
from bot.rules.options import Option, OptionValues

if TYPE_CHECKING:  # annotations only: what measuring bases, downloading URLs and building proofs give (not `check`)
    from bot.model.advice import BaseAdvice
    from bot.model.downloads import Download
    from bot.model.proof import Proof, Showing
    from bot.model.wanted_base import BaseKey

# The scanners people already run, and how each names a check: hadolint's DL codes, Checkov's
# CKV_DOCKER_n / CKV2_DOCKER_n, Trivy's DS-nnnn (what trivy-checks 2.0 calls AVD-DS-0nnn, DSnnn).
EQUIVALENT = re.compile(r"hadolint DL\d{4}|Checkov CKV2?_DOCKER_\d+|Trivy DS-\d{4}")


class Severity(Enum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"


class FixSafety(Enum):
    """How far a rule's fix can be trusted, after ruff's Applicability."""

    SAFE = "safe"  # the image builds the same software and runs it the same way
    UNSAFE = "unsafe"  # it runs differently (user, shell, environment, packages, ids): a reviewer checks
    NONE = "none"  # reported only: the right change is for a person
    # Made only when `--verify` builds the file and the rule's `proof` holds on the built images
    # (and the container starts as before); reported otherwise, and without an engine.
    PROVEN = "proven"


class Scope(Enum):
    """Where in a Dockerfile a rule looks."""

    EVERY_STAGE = "every stage"
    FINAL_IMAGE = "final image's stages"  # the final stage and the stages it is built FROM
    FINAL_STAGE = "final stage"
    IMAGE_REFERENCES = "image references"  # FROM, ARG defaults, COPY --from, mounts, # syntax, compose, workflows
    WORKFLOW_STEPS = "workflow steps"  # the steps of GitHub workflows
    WHOLE_FILE = "the whole file"  # every line: global ARGs and comments too (a credential in them is one)


@record
class RuleContext:
    """What a rule is given besides the file: the user's option values, and this run's data
    (which rules are on, the registry's answers), kept apart."""

    options: OptionValues
    enabled: frozenset[str] = frozenset()
    digests: Mapping[ImageKey, Resolution] | None = None  # None: offline
    facts: RepositoryFacts = RepositoryFacts()  # what the repository says about its Dockerfiles
    role: RoleDecision | None = None  # the file's, while its rules run
    # A verifier will build this run's edits: rules whose fix is PROVEN may propose them.
    proving: bool = False
    # The better base measured for each shipped base (HB020); None: not measured (offline,
    # not proving, turned off).
    bases: Mapping[BaseKey, BaseAdvice] | None = None
    # What the URLs ADD fetches hold, downloaded once before the rules run; None: not downloaded.
    downloads: Mapping[str, Download] | None = None
    # What each Dockerfile's build context holds that must not ship, by Dockerfile path (HB064);
    # None: not listed (the texts are not on disk).
    contexts: Mapping[str, ContextListing] | None = None
    # A file of a Dockerfile's build context, by (Dockerfile path, context-relative path), read
    # for what it says (HB001 reads the start script); None: the texts are not on disk.
    context_file: Callable[[str, str], str | None] | None = None
    # The repository's files named so, wherever they are (a file name in, their texts out, a few
    # at most): a helper script a build context lacks, which a build script copies in from
    # there before `docker build`; None: the texts are not on disk.
    same_named: Callable[[str], tuple[str, ...]] | None = None

    def is_enabled(self, code: str) -> bool:
        return code in self.enabled


IMAGE_ROLES = frozenset({Role.SERVICE, Role.BASE, Role.TOOL})
Check = Callable[[Dockerfile, RuleContext], Iterator[Finding]]
OccurrenceCheck = Callable[[ImageOccurrence, RuleContext], Iterator[Finding]]
WorkflowCheck = Callable[[str, str, RuleContext], Iterator[Finding]]  # (text, path, context)


@record
class Example:
    """A rule's example for its documentation: a file before and after the fix."""
    bad: str
    good: str = ""  # empty for a rule that only reports


@record
class Rule:
    """One rule's record: its code, what it finds and why, how it is fixed, and its checks."""
    code: str  # hadolint's code where hadolint has the rule, else HBnnn
    name: str  # a short slug, for SARIF
    title: str  # what it finds, in a few words
    severity: Severity
    on_by_default: bool  # False: opt-in, off until the configuration turns it on
    fix: FixSafety
    scope: Scope
    why: str  # one line: why it matters, shown beside every finding
    example: Example
    doc: str  # the rule file's docstring: what it does, the fix, when it reports instead
    # A rule about Dockerfiles, or about image references wherever they are written (a
    # Dockerfile is then judged by the images it builds FROM), or both, for a Dockerfile rule
    # that also judges the images compose files and workflows name; or about the steps of
    # GitHub workflows alone (looking at no Dockerfile: its roles are empty).
    check: Check | None = None
    check_occurrence: OccurrenceCheck | None = None
    check_workflow: WorkflowCheck | None = None
    # The roles of Dockerfile the rule looks at, and those it edits: in the others it reports.
    roles: frozenset[Role] = IMAGE_ROLES
    edits_in: frozenset[Role] = IMAGE_ROLES
    # Whether it also judges `ONBUILD RUN` triggers: they run in the images built FROM this one,
    # so what it finds there is reported, never edited (as hadolint checks them).
    onbuild: bool = False
    # A weakness someone can exploit (root at run time, an unpinned or unpatched base, tools
    # for an attacker): SARIF marks it a security alert. Cache, size, build reliability and
    # metadata rules are quality findings.
    security: bool = False
    # Its fix only makes the image smaller or leaves less cache in it: in an image nobody ships
    # (RoleDecision.unshipped) that buys nothing, so it is reported there, not made.
    saves_size: bool = False
    options: tuple[Option, ...] = ()  # configuration keys the rule reads
    requires: Option | None = None  # an option that must be set for the rule to be turned on
    fix_needs: str = ""  # what the fix needs beyond the file, when it is not always made
    # The same check in other scanners ("hadolint DL3015", "Checkov CKV_DOCKER_3", "Trivy DS-0029"):
    # only where theirs flags what this rule flags, so a reviewer knows which of their findings
    # this rule's fix closes. None is better than a near miss.
    equivalents: tuple[str, ...] = ()
    # Images its fix may write (HB012's `# syntax=` line): looked up with those the files name,
    # so that HB030 pins them in the same run; only in a run where the rule finds something,
    # so its findings must not wait on digests or downloads (those decide its fix).
    adds_images: tuple[str, ...] = ()
    # For a PROVEN fix: what the built images must show for its edit to be kept.
    proof: Proof | None = None
    # For a proven fix: what the built images showed, added to its findings when its edit is kept.
    shows: Showing | None = None
    # For a PROVEN fix: an option whose value is the edit itself (HB014's command). With it
    # set, a person chose the edit: it is made with or without --verify and is not held to
    # the proof (its findings say `configured`).
    configured_fix: Option | None = None

    def __post_init__(self) -> None:
        if self.check_workflow is not None and (self.check is not None or self.check_occurrence is not None):
            raise TypeError(f"{self.code}: a workflow-step rule has check_workflow alone")
        if self.check is None and self.check_occurrence is None and self.check_workflow is None:
            raise TypeError(f"{self.code}: give a rule check, check_occurrence or check_workflow")
        if (self.fix is FixSafety.NONE) != (not self.example.good):
            raise TypeError(f"{self.code}: a rule that fixes shows the fixed example, one that reports does not")
        if (self.fix is FixSafety.PROVEN) != (self.proof is not None):
            raise TypeError(f"{self.code}: a proven fix names its proof, and only a proven fix has one")
        if self.shows is not None and self.proof is None:
            raise TypeError(f"{self.code}: only a proven fix shows what its built images showed")
        if self.configured_fix is not None and (self.fix is not FixSafety.PROVEN or self.configured_fix not in self.options):
            raise TypeError(f"{self.code}: a configured fix is one of a proven rule's own options")
        for equivalent in self.equivalents:
            if not EQUIVALENT.fullmatch(equivalent):
                raise TypeError(f"{self.code}: equivalent {equivalent!r} is not 'hadolint DLnnnn', "
                                "'Checkov CKV_DOCKER_n' or 'Trivy DS-nnnn'")

    def findings(self, doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
        # The check's own iterator, not one wrapped in another generator: this runs for
        # every rule on every file.
        if self.check is not None:
            return self.check(doc, context)
        if self.check_workflow is not None:
            return iter(())
        return self._image_findings(doc, context)

    def _image_findings(self, doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
        assert self.check_occurrence is not None
        for occurrence in image_occurrences(doc):
            yield from self.check_occurrence(occurrence, context)

    @property
    def action(self) -> str:
        """What `fix` does about it, as the rule index (docs/rules/README.md) says it."""
        if self.fix is FixSafety.NONE:
            return "report"
        if self.fix is FixSafety.PROVEN:
            configured = f", or auto-fix with `{self.configured_fix.key}`" if self.configured_fix else ""
            return f"{'' if self.on_by_default else 'opt-in '}proven fix (with `--verify`; reported without){configured}"
        action = "auto-fix" if self.on_by_default else "opt-in fix"
        return f"{action} (needs {self.fix_needs})" if self.fix_needs else action


@record
class RuleSet:
    """The rules in force for a run, in catalogue order, and what they are given."""

    rules: tuple[Rule, ...]
    context: RuleContext
    # Dockerfiles the run has parsed already (path → parse), so that a text read before its
    # rules run is not parsed again when they do: a parse serves only the text it was made from.
    parsed: Mapping[str, ParsedText] = field(default_factory=dict)
    # Dockerfiles whose role is decided (path → decision): the pass after a fix judges the
    # fixed text as the file the maintainer wrote, whose role its own edits do not change.
    decided: Mapping[str, RoleDecision] = field(default_factory=dict)

    def knowing(self, path: str, parsed: ParsedText, decided: RoleDecision | None = None) -> RuleSet:
        """This rule set, with `parsed` as the latest parse of the file at `path` (the pass after
        a fix reads again only the instructions it changed) and `decided` as its role when
        given; the same rules, sorted out once."""
        roles = ChainMap({path: decided}, self.decided) if decided is not None else self.decided
        known = RuleSet(self.rules, self.context, ChainMap({path: parsed}, self.parsed), roles)
        vars(known)["_by_role"] = self._by_role  # a cached property's own place: not an assignment
        return known

    def looking_at(self, role: Role) -> tuple[Rule, ...]:
        """The rules that look at Dockerfiles of `role`, in catalogue order."""
        return self._by_role[role]

    @cached_property
    def _by_role(self) -> dict[Role, tuple[Rule, ...]]:
        # Asked once a file: sorted out once a rule set.
        return {role: tuple(rule for rule in self.rules if role in rule.roles) for role in Role}
