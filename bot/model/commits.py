"""Commits people pushed to the bot's branch, as the pull request body lists them: what a
reviewer must see is not hardenbot's."""
from __future__ import annotations

from bot.record import record


@record
class CarriedCommit:
    sha: str
    author: str  # the author's name
    subject: str
    paths: tuple[str, ...]  # the files it touches


@record
class CarriedCommits:
    """The first commits of the branch's people's commits, with how many there are in all (the
    body lists a bounded number; the rest are counted)."""
    listed: tuple[CarriedCommit, ...] = ()
    total: int = 0
