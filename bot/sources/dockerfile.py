"""Dockerfiles: `Dockerfile`, `Dockerfile.*`, `*.Dockerfile`, `*.dockerfile`, `Containerfile`,
`Containerfile.*`; not `*.dockerignore`, templates (`.j2`, `.tmpl`, `.template` …) or editor
and merge leftovers (`.orig`, `.bak`, `~` …), which no build reads. Every rule applies; the
images are those the stages are built FROM."""
from __future__ import annotations

from bot.dockerfile.images import image_occurrences
from bot.dockerfile.model import Dockerfile
from bot.model.findings import Finding
from bot.model.images import ImageOccurrence
from bot.rules.rule import RuleSet
from bot.sources.ignores import suppressed
from bot.sources.kind import SourceKind

NOT_DOCKERFILES = (".dockerignore", ".j2", ".jinja", ".jinja2", ".tmpl", ".tpl", ".template", ".erb",
                   ".mustache", ".hbs", ".orig", ".rej", ".bak", ".swp", "~")


def is_dockerfile_name(name: str) -> bool:
    lowered = name.lower()
    if lowered.endswith(NOT_DOCKERFILES):
        return False
    return (name in ("Dockerfile", "Containerfile") or name.startswith(("Dockerfile.", "Containerfile."))
            or lowered.endswith(".dockerfile"))


def occurrences(text: str, path: str) -> list[ImageOccurrence]:
    return image_occurrences(Dockerfile.parse(text, path))


def findings(text: str, path: str, ruleset: RuleSet) -> list[Finding]:
    """`# hadolint ignore=…` on the line above an instruction silences those codes there;
    `# hadolint global ignore=…` everywhere."""
    doc = Dockerfile.parse(text, path)
    by_line: dict[int, set[str]] = {}
    everywhere: set[str] = set()
    for line, comment in doc.parsed.comments.items():
        codes, in_whole_file = suppressed(comment)
        if in_whole_file:
            everywhere |= codes
        elif codes:
            by_line[line + 1] = codes
    found = []
    for rule in ruleset.rules:
        if rule.code in everywhere:
            continue
        for finding in rule.findings(doc, ruleset.context):
            if rule.code not in by_line.get(finding.line, ()):
                found.append(finding)
    return found


KIND = SourceKind("dockerfile", lambda path: is_dockerfile_name(path.rsplit("/", 1)[-1]), occurrences, findings)
