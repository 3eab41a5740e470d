"""`hardenbot org report`: one dashboard issue in the central repository, kept as
bot/github/issues.py keeps every dashboard (found by its label and marker, updated in place,
never duplicated, reopened when someone closed it: the dashboard is where a closed one would
be missed). Two API calls a run: the labelled issues, then one write, or none when the body
already says it all. Two report jobs at once could still both create one: the example
workflow's concurrency group runs one at a time."""
from __future__ import annotations

from typing import TYPE_CHECKING

from bot.github.issues import IssueInfo, Published, find_dashboard, publish_dashboard
from bot.org.defaults import LABEL, TITLE
from bot.record import record

if TYPE_CHECKING:  # `hardenbot org --help` reads the defaults below without loading the client
    from bot.github.org import GitHubOrg

MARKER = "<!-- hardenbot:dashboard -->"

__all__ = ["LABEL", "MARKER", "TITLE", "Published", "publish"]


@record
class _CentralIssues:
    """The organisation client's issue calls, in the central repository."""
    client: GitHubOrg
    repository: str

    def issues_labelled(self, label: str) -> list[IssueInfo]:
        return self.client.issues_labelled(self.repository, label)

    def create_issue(self, title: str, body: str, labels: tuple[str, ...]) -> IssueInfo:
        return self.client.create_issue(self.repository, title, body, labels)

    def update_issue(self, number: int, **fields: str) -> IssueInfo:
        return self.client.update_issue(self.repository, number, **fields)


def publish(client: GitHubOrg, repository: str, body: str, *, title: str = TITLE, label: str = LABEL) -> Published:
    issues = _CentralIssues(client, repository)
    return publish_dashboard(issues, find_dashboard(issues, label, MARKER), body, title=title, label=label)
