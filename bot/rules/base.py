"""What rule modules share: how a finding is stated, and where runtime settings go."""
from __future__ import annotations

from bot.dockerfile.model import Dockerfile, Stage
from bot.dockerfile.parser import Instruction
from bot.model.findings import Finding
from bot.model.text import Edit


def finding(doc: Dockerfile, code: str, at: Instruction, message: str, edits: tuple[Edit, ...] = ()) -> Finding:
    """A finding on `at`'s first line; without edits it is reported for a person to act on."""
    return Finding(code, doc.path, at.line, message, edits)


def own_anchor(stage: Stage) -> Instruction | None:
    """The stage's first CMD or ENTRYPOINT: runtime settings go just above it."""
    for inst in stage.instructions:
        if inst.keyword in ("CMD", "ENTRYPOINT"):
            return inst
    return None
