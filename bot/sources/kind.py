"""What a kind of source file is: which files it covers, where they name images, and the
findings the rules make on one. One module per kind (`dockerfile.py`, `compose.py`,
`workflow.py`) declares its `KIND`; discovery, the engine and the run loop only call these."""
from __future__ import annotations

from collections.abc import Callable

from bot.dockerfile.parser import ParsedText
from bot.model.findings import Finding
from bot.model.images import ImageOccurrence
from bot.model.roles import RoleDecision
from bot.record import record
from bot.rules.rule import RuleSet


@record
class Assessment:
    """A file's findings, and its role when it is a Dockerfile."""
    findings: list[Finding]
    role: RoleDecision | None = None  # what the file is for (Dockerfiles), with the evidence
    parsed: ParsedText | None = None  # the parse the findings were made on (Dockerfiles)


@record
class SourceKind:
    """A kind of file hardenbot reads (Dockerfile, compose, workflow): how to find it and check it."""
    name: str  # "dockerfile", "compose", "workflow": in JSON output and FileResult.kind
    covers: Callable[[str], bool]  # a repository-relative path (forward slashes) → whether it is one
    # The images the text names; raises DockerfileSyntaxError (or a subclass) on unreadable text.
    occurrences: Callable[[str, str], list[ImageOccurrence]]
    # Every finding the rules make on the text, suppression comments applied; raises as above.
    assess: Callable[[str, str, RuleSet], Assessment]

    def __repr__(self) -> str:
        return f"SourceKind({self.name})"
