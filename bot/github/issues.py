"""A dashboard issue: one issue found by its label and a hidden marker at the start of its body
(never by its title, which people may change), created when there is none, reopened when
someone closed it, and updated in place; no write at all when its body already says it all.

The organisation's dashboard (`hardenbot org report`) and a repository's dashboard of its
grouped pull requests (bot/group_dashboard.py) both live this way, each with its own marker.
The issue listing, not search, finds it: search indexes with a delay, so a dashboard created a
minute ago could be missed and created twice."""
from __future__ import annotations

from typing import Any, Protocol

from bot.github.labels import DASHBOARD as LABEL
from bot.record import record

__all__ = ["LABEL", "IssueInfo", "Published", "find_dashboard", "publish_dashboard", "issue_from"]


@record
class IssueInfo:
    number: int
    url: str  # html_url
    title: str
    body: str
    state: str  # open | closed


def issue_from(item: dict[str, Any]) -> IssueInfo:
    """An issue as the REST API describes it."""
    return IssueInfo(item["number"], item.get("html_url", ""), item.get("title", ""), item.get("body") or "",
                     item.get("state", "open"))


class IssueClient(Protocol):
    """The three calls a dashboard needs, in one repository."""
    def issues_labelled(self, label: str) -> list[IssueInfo]: ...
    def create_issue(self, title: str, body: str, labels: tuple[str, ...]) -> IssueInfo: ...
    def update_issue(self, number: int, **fields: str) -> IssueInfo: ...


@record
class Published:
    issue: IssueInfo
    outcome: str  # created, updated or unchanged


def find_dashboard(client: IssueClient, label: str, marker: str) -> IssueInfo | None:
    """The dashboard: the most recently updated issue with `label` whose body starts with
    `marker`, should people have copied it. One listing call."""
    return next((issue for issue in client.issues_labelled(label) if issue.body.startswith(marker)), None)


def publish_dashboard(client: IssueClient, found: IssueInfo | None, body: str, *, title: str,
                      label: str) -> Published:
    """`found` (from `find_dashboard`) saying `body`, open, titled `title`: one write, or none."""
    if found is None:
        return Published(client.create_issue(title, body, (label,)), "created")
    if found.body.strip() == body.strip() and found.state == "open" and found.title == title:
        return Published(found, "unchanged")
    return Published(client.update_issue(found.number, title=title, body=body, state="open"), "updated")
