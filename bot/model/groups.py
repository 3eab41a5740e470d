"""How the fixes of a run are split into pull requests: the configured grouping, and the
groups `bot.groups.plan_groups` makes of the changed files."""
from __future__ import annotations

from enum import StrEnum

from bot.record import record


class GroupBy(StrEnum):
    """One pull request for the whole repository, per service folder, or per set of code owners."""
    REPOSITORY = "repository"
    FOLDER = "folder"
    OWNER = "owner"

    @classmethod
    def parse(cls, text: str) -> GroupBy:
        try:
            return cls(text.strip().lower())
        except ValueError:
            raise ValueError(f"must be one of {', '.join(cls)}, not {text!r}") from None


@record
class GroupSettings:
    """How organisation mode groups a repository's fixes into pull requests (`group:`)."""
    group_by: GroupBy = GroupBy.REPOSITORY
    folder_depth: int | None = None  # group-by folder: the first N folders name the group
    folder_patterns: tuple[str, ...] = ()  # or globs naming service folders (`services/*`)
    named: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (name, path globs), first match wins
    max_files: int | None = None  # a larger group is split into numbered parts
    dashboard: bool = True  # grouped: keep the repository's dashboard issue of its groups


@record
class Group:
    """One future pull request: `key` is one git ref component (`hardenbot/harden/<key>`);
    empty for the single whole-repository group, which keeps the bot's own branch."""
    key: str
    title: str  # names the group for people: a folder, owners, a configured name
    files: tuple[str, ...]  # repository-relative, in path order
    owners: tuple[str, ...] = ()  # CODEOWNERS owners of its files: its reviewers
    part: int = 0  # 1-based when max-files-per-pr split the group, else 0
    parts: int = 0
