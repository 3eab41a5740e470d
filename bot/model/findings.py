"""What a rule reports about a file, and a file that could not be processed at all."""
from __future__ import annotations

from bot.model.text import Edit
from bot.record import record


@record
class NewFile:
    """A file a fix adds beside the one it judges (HB064's .dockerignore): made only where no
    file of that name is, never replacing one."""

    path: str  # repository-relative, forward slashes
    text: str


@record
class Finding:
    """One rule's finding in one file, with the edits that fix it (none: a person must)."""
    rule: str  # "DL3015", "HB001" …
    path: str  # repository-relative, forward slashes
    line: int  # 1-based, the instruction's first line
    message: str  # one line a maintainer can act on
    edits: tuple[Edit, ...] = ()  # empty: reported, needs a person
    # The edit is what the configuration spells out (HB014's `healthcheck-command`): a person
    # chose it, so it is made without --verify and never held to the rule's proof.
    configured: bool = False
    creates: NewFile | None = None  # a new file the fix adds instead of editing this one

    def __post_init__(self) -> None:
        if self.edits and self.creates is not None:
            raise TypeError(f"{self.rule}: a fix edits the file or adds one, not both")

    @property
    def fixable(self) -> bool:
        return bool(self.edits) or self.creates is not None


@record
class FileError:
    """A file that could not be read, parsed or written; the run goes on with the others."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"
