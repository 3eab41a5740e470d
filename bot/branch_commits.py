"""Which commits on the bot's branch are people's, to carry onto a refresh, and which are dropped.

The bot's branch is cut from the base as it was. When the base is force-pushed to drop or
rewrite commits (a leaked secret, a bad change), those commits are still on the branch, below
the bot's own commit, and no longer on the base: counting them as people's would propose them
again. So only what was pushed onto the branch after the bot's first commit are people's: the
non-merge commits that descend from it (git's `--ancestry-path`) and that the bot did not make.
Everything else not on the base is dropped, and counted, never carried silently. A branch that
holds no commit of the bot's (made by hand, or the bot's commit amended or rebased by a person,
who then is its committer) carries nothing.
"""
from __future__ import annotations

import re

from bot.gitops import CommitInfo, Identity
from bot.record import record

COMMIT_FIELDS = ("{files}", "{rules}")


@record
class BranchCommits:
    """The bot branch's commits that are not on the base, sorted out."""
    people: tuple[CommitInfo, ...] = ()  # to carry onto a refresh, oldest first
    dropped: tuple[CommitInfo, ...] = ()  # neither the bot's nor pushed after its first commit
    anchor: CommitInfo | None = None  # the bot's first commit on the branch (None: it has none)


def made_by_bot(commit: CommitInfo, identity: Identity, author: Identity | None = None,
                template: str | None = None) -> bool:
    """Whether the bot made `commit`: authored and committed as the bot, with the bot's
    message (`hardenbot: …`, or the subject the configured template makes). A maintainer who
    amends or rebases one of the bot's commits becomes its committer: it is theirs then."""
    subject = commit.subject.startswith("hardenbot: ") or (template is not None and bool(
        _template_subject(template).fullmatch(commit.subject)))
    return _same(commit.author, author or identity) and _same(commit.committer, identity) and subject


def sort_branch(commits: tuple[CommitInfo, ...], identity: Identity, author: Identity | None = None,
                template: str | None = None) -> BranchCommits:
    """Sort `commits` (those of the bot branch not on the base, parents before children) into
    people's and dropped. The anchor is the oldest the bot made; a person's commit descends
    from it, and is neither a merge nor the bot's own. A commit that only a merge's other
    parent brings (GitHub's "Update branch" merging the base as it was) descends from no bot
    commit, so it is dropped."""
    anchor = next((c for c in commits if made_by_bot(c, identity, author, template)), None)
    after: set[str] = set() if anchor is None else {anchor.sha}
    for commit in commits:
        if any(parent in after for parent in commit.parents):
            after.add(commit.sha)
    people, dropped = [], []
    for commit in commits:
        if commit.merge or made_by_bot(commit, identity, author, template):
            continue
        (people if commit.sha in after else dropped).append(commit)
    return BranchCommits(tuple(people), tuple(dropped), anchor)


def _same(one: Identity, other: Identity) -> bool:
    return one.email.lower() == other.email.lower()


def _template_subject(template: str) -> re.Pattern[str]:
    pattern = re.escape(template.splitlines()[0] if template.strip() else template)
    for field_name in COMMIT_FIELDS:
        pattern = pattern.replace(re.escape(field_name), ".*")
    return re.compile(pattern)
