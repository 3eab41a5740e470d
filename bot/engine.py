"""One file's text → findings, and the hardened text. Pure: no files, no network.

Dockerfiles get every rule; compose files and workflows the rules about image references."""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.dockerfile.images import image_occurrences
from bot.dockerfile.model import Dockerfile
from bot.errors import DockerfileSyntaxError, FixError
from bot.model.findings import Finding
from bot.model.images import ImageOccurrence
from bot.model.results import Hardened
from bot.model.text import Edit, apply_edits, overlaps
from bot.rules import Rule
from bot.rules.rule import RuleContext
from bot.sources.yaml_images import compose_images, workflow_images

MAX_PASSES = 4
_IGNORE = re.compile(r"#\s*(?:hadolint|hardenbot)\s+ignore\s*=\s*(.*)")
_GLOBAL_IGNORE = re.compile(r"#\s*(?:hadolint|hardenbot)\s+global\s+ignore\s*=\s*(.*)")
_CODE = re.compile(r"\b[A-Za-z]{2,}\d+\b")


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    context: RuleContext


def check_text(text: str, path: str, ruleset: RuleSet) -> list[Finding]:
    """Findings for `text`; raises DockerfileSyntaxError when it cannot be parsed."""
    doc = Dockerfile.parse(text, path)
    ignored_by_line, ignored_everywhere = _ignore_comments(doc)
    findings = []
    for rule in ruleset.rules:
        if rule.code in ignored_everywhere:
            continue
        for found in rule.findings(doc, ruleset.context):
            if rule.code not in ignored_by_line.get(found.line, ()):
                findings.append(found)
    return findings


def harden_text(text: str, path: str, ruleset: RuleSet) -> Hardened:
    """Apply every fix until none is left (a few passes at most: fixes that collide on the
    same span wait for the next pass, computed on the text the previous one produced)."""
    before = check_text(text, path, ruleset)
    current, findings = text, before
    applied: list[Finding] = []
    for _ in range(MAX_PASSES):
        accepted: list[Edit] = []
        first_line = 0
        for found in findings:
            if found.edits and not any(overlaps(e, a) for e in found.edits for a in accepted):
                accepted.extend(found.edits)
                applied.append(found)
                first_line = first_line or found.line
        if not accepted:
            break
        current = apply_edits(current, accepted)
        try:
            findings = check_text(current, path, ruleset)
        except DockerfileSyntaxError as error:
            raise FixError(path, first_line, f"the fixes would make this file unreadable ({error.reason}); "
                           "left unchanged: please report this") from None
    return Hardened(current, tuple(before), tuple(findings), tuple(applied))


def occurrences_in(text: str, path: str, kind: str) -> list[ImageOccurrence]:
    """Image references in a Dockerfile, compose file or workflow (raises on unreadable text)."""
    if kind == "dockerfile":
        return image_occurrences(Dockerfile.parse(text, path))
    if kind == "compose":
        return compose_images(text, path)
    return workflow_images(text, path)


def check_yaml(text: str, path: str, kind: str, ruleset: RuleSet) -> list[Finding]:
    """Findings on the images a compose file or workflow names (image rules only)."""
    lines = text.split("\n")
    findings = []
    for occurrence in occurrences_in(text, path, kind):
        above = lines[occurrence.line - 2] if occurrence.line >= 2 else ""
        match = _IGNORE.search(above)
        ignored = _codes(match.group(1)) if match else set()
        for rule in ruleset.rules:
            if rule.check_occurrence is not None and rule.code not in ignored:
                findings.extend(rule.check_occurrence(occurrence, ruleset.context))
    return findings


def harden_yaml(text: str, path: str, kind: str, ruleset: RuleSet) -> Hardened:
    """Splice every image edit into the YAML text; nothing else in it changes."""
    before = check_yaml(text, path, kind, ruleset)
    applied = tuple(f for f in before if f.edits)
    if not applied:
        return Hardened(text, tuple(before), tuple(before), ())
    hardened = apply_edits(text, [edit for f in applied for edit in f.edits])
    return Hardened(hardened, tuple(before), tuple(check_yaml(hardened, path, kind, ruleset)), applied)


def _ignore_comments(doc: Dockerfile) -> tuple[dict[int, set[str]], set[str]]:
    """`# hadolint ignore=DL3008,DL3015` (or `# hardenbot ignore=…`) on the line above an
    instruction silences those codes there; `# hadolint global ignore=…` everywhere."""
    by_line: dict[int, set[str]] = {}
    everywhere: set[str] = set()
    for line, comment in doc.parsed.comments.items():
        match = _GLOBAL_IGNORE.search(comment)
        if match:
            everywhere.update(_codes(match.group(1)))
            continue
        match = _IGNORE.search(comment)
        if match:
            by_line[line + 1] = _codes(match.group(1))
    return by_line, everywhere


def _codes(text: str) -> set[str]:
    """`DL3008,DL3015 - pinned by the base image` → {"DL3008", "DL3015"}."""
    return {code.upper() for code in _CODE.findall(text.split(" - ", 1)[0])}
