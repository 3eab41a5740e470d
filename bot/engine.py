"""One file's text → findings, and the hardened text. Pure: no files, no network.

The file's kind (see `bot/sources/`) says which rules see it and where it names images; the
engine only applies edits, the same way for every kind."""
from __future__ import annotations

from bot.errors import DockerfileSyntaxError, FixError
from bot.model.findings import Finding, NewFile
from bot.model.results import Hardened
from bot.model.text import Edit, EditSet, apply_edits
from bot.rules.rule import RuleSet
from bot.sources.dockerfile import KIND as DOCKERFILE
from bot.sources.ignores import suppressed
from bot.sources.kind import Assessment, SourceKind
from bot.sources.workflow import KIND as WORKFLOW

MAX_PASSES = 4


def check_text(text: str, path: str, ruleset: RuleSet, kind: SourceKind = DOCKERFILE) -> list[Finding]:
    """Findings for `text`; raises DockerfileSyntaxError when it cannot be read as its kind."""
    return _assess(text, path, ruleset, kind).findings


def _assess(text: str, path: str, ruleset: RuleSet, kind: SourceKind) -> Assessment:
    """The kind's assessment; on a workflow, with the findings of the rules about its steps
    (`# hardenbot ignore=CODE` on the line above silences one)."""
    assessment = kind.assess(text, path, ruleset)
    step_rules = [rule for rule in ruleset.rules if rule.check_workflow is not None]
    if kind is not WORKFLOW or not step_rules:
        return assessment
    lines = text.split("\n")
    found = list(assessment.findings)
    for rule in step_rules:
        for finding in rule.check_workflow(text, path, ruleset.context):
            codes, whole_file = suppressed(lines[finding.line - 2]) if finding.line >= 2 else (set(), False)
            if whole_file or rule.code not in codes:
                found.append(finding)
    return Assessment(found, assessment.role)


def checked_text(text: str, path: str, ruleset: RuleSet, kind: SourceKind = DOCKERFILE) -> Hardened:
    """`text` as it is, with its findings and role: what `check` reports."""
    assessment = _assess(text, path, ruleset, kind)
    findings = tuple(assessment.findings)
    return Hardened(text, findings, findings, (), assessment.role)


def harden_text(text: str, path: str, ruleset: RuleSet, kind: SourceKind = DOCKERFILE) -> Hardened:
    """Apply every fix until none is left (a few passes at most: fixes that collide on the
    same span wait for the next pass, computed on the text the previous one produced). A new
    file a fix adds is taken once, the first fix to name its path winning, and a finding whose
    file is added is not left over: the file is what fixes it."""
    assessment = latest = _assess(text, path, ruleset, kind)
    before = assessment.findings
    current, findings = text, before
    applied: list[Finding] = []
    created: dict[str, NewFile] = {}
    for _ in range(MAX_PASSES):
        accepted: list[Edit] = []
        taken = EditSet()
        first_line = 0
        for found in findings:
            if found.creates is not None:
                if found.creates.path not in created:
                    created[found.creates.path] = found.creates
                    applied.append(found)
            elif found.edits and not any(taken.collides(e) for e in found.edits):
                accepted.extend(found.edits)
                for edit in found.edits:
                    taken.add(edit)
                applied.append(found)
                first_line = first_line or found.line
        if not accepted:
            break
        current = apply_edits(current, accepted)
        try:
            knowing = ruleset.knowing(path, latest.parsed, assessment.role) if latest.parsed else ruleset
            latest = _assess(current, path, knowing, kind)
            findings = latest.findings
        except DockerfileSyntaxError as error:
            raise FixError(path, first_line, f"the fixes would make this file unreadable ({error.reason}); "
                           "left unchanged: please report this") from None
    left = tuple(f for f in findings if f.creates is None or f.creates.path not in created)
    return Hardened(current, tuple(before), left, tuple(applied), assessment.role, tuple(created.values()))

