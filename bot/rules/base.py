"""What every rule module shares: its options, and how it states a finding."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.dockerfile.model import Dockerfile, Stage
from bot.dockerfile.parser import Instruction
from bot.model.findings import Finding
from bot.model.images import Resolution
from bot.model.text import Edit


@dataclass(frozen=True)
class RuleOptions:
    """Options rules read; built from the configuration file."""

    uid: int = 10001
    gid: int = 10001
    user_name: str = "app"
    healthcheck_command: str | None = None
    labels: tuple[tuple[str, str], ...] = ()
    enabled: frozenset[str] = field(default_factory=frozenset)
    # Registry answers, by (registry, repository, tag); None when the run is offline.
    digests: Mapping[tuple[str, str, str], Resolution] | None = None

    def is_enabled(self, code: str) -> bool:
        return code in self.enabled


def finding(doc: Dockerfile, code: str, at: Instruction, message: str, edits: tuple[Edit, ...] = ()) -> Finding:
    """A finding on `at`'s first line; without edits it is reported for a person to act on."""
    return Finding(code, doc.path, at.line, message, edits)


def own_anchor(stage: Stage) -> Instruction | None:
    """The stage's first CMD or ENTRYPOINT: runtime settings go just above it."""
    for inst in stage.instructions:
        if inst.keyword in ("CMD", "ENTRYPOINT"):
            return inst
    return None
