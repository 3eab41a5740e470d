"""What hardening produced: one file's findings and hardened text, and a whole run's."""
from __future__ import annotations

from typing import TYPE_CHECKING

from bot.model.findings import FileError, Finding, NewFile
from bot.model.images import ImageKey, Resolution
from bot.model.roles import RoleDecision
from bot.record import record

if TYPE_CHECKING:  # annotations only: `check`, which builds nothing, never loads the build results
    from bot.model.policies import ImagePolicies
    from bot.model.verification import Verification


@record
class Hardened:
    """A file's findings before and after hardening, and the hardened text."""
    text: str  # the hardened text (the original when nothing applied)
    before: tuple[Finding, ...]  # findings on the original text
    after: tuple[Finding, ...]  # findings left on the hardened text
    applied: tuple[Finding, ...]  # findings whose edits were applied
    role: RoleDecision | None = None  # what the file is for (Dockerfiles), decided on the original
    created: tuple[NewFile, ...] = ()  # new files the applied fixes add (HB064's .dockerignore)


@record
class FileResult:
    """What a run did with one file: its original text and what hardening it gave."""
    path: str
    kind: str  # the source kind's name: dockerfile | compose | workflow
    original: str
    hardened: Hardened

    @property
    def changed(self) -> bool:
        return self.hardened.text != self.original or bool(self.hardened.created)

    @property
    def written_paths(self) -> list[str]:
        """The files the hardening writes: this one when its text changed, and those it adds."""
        own = [self.path] if self.hardened.text != self.original else []
        return own + [new.path for new in self.hardened.created]


@record
class RunReport:
    """Everything a run found and did, for the reports to render."""
    results: tuple[FileResult, ...]
    errors: tuple[FileError, ...]
    wrote: bool  # whether changed files were written
    digests: dict[ImageKey, Resolution] | None = None  # None: offline
    not_scanned: tuple[tuple[str, RoleDecision], ...] = ()  # devcontainers, test fixtures: skipped by role
    verification: tuple[Verification, ...] = ()  # changed Dockerfiles built before and after (--verify)
    verify_note: str = ""  # why nothing was built when verification was asked for (no engine …)
    policies: tuple[ImagePolicies, ...] = ()  # the images built or given, judged by the policies
