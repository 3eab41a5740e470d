"""`hardenbot org report`: one dashboard issue in the central repository, found by its label
and marker and updated in place, never duplicated; created when there is none, reopened when
someone closed it (the dashboard is where a closed one would be missed). Two API calls a run:
the labelled issues, then one write, or none when the body already says it all.

The issue listing, not search, finds it: search indexes with a delay, so a dashboard created a
minute ago could be missed and created twice. Two report jobs at once could still both create
one: the example workflow's concurrency group runs one at a time."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.org.defaults import LABEL, TITLE

if TYPE_CHECKING:  # `hardenbot org --help` reads the defaults below without loading the client
    from bot.github.org import GitHubOrg, IssueInfo

MARKER = "<!-- hardenbot:dashboard -->"



@dataclass(frozen=True)
class Published:
    issue: IssueInfo
    outcome: str  # created, updated or unchanged


def publish(client: GitHubOrg, repository: str, body: str, *, title: str = TITLE, label: str = LABEL) -> Published:
    ours = [issue for issue in client.issues_labelled(repository, label) if issue.body.startswith(MARKER)]
    if not ours:
        return Published(client.create_issue(repository, title, body, (label,)), "created")
    issue = ours[0]  # the most recently updated, should people have copied it
    if issue.body.strip() == body.strip() and issue.state == "open" and issue.title == title:
        return Published(issue, "unchanged")
    return Published(client.update_issue(repository, issue.number, title=title, body=body, state="open"), "updated")
