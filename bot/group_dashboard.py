"""The dashboard issue of a repository's grouped pull requests (`dashboard: true`, the default
when grouped), kept by bot/group_flow.py: read once before the groups are planned, written
once after their pull requests, in place (bot/github/issues.py), and not at all when its body
already says it all.

What the read gives the run: the groups a maintainer ticked (asked for again, declined or not)
and the memory of the last run, so that a group declined with the same changes as now costs no
call, and a pull request that left the open listing is looked up once (merged, or closed by a
person) and then remembered. A dashboard that cannot be read (GitHub said no) is not written
either: without what it held, a create could make a second one.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from bot.flow import Outcome
from bot.github.api import GitHubError, GitHubRepo, PullRequestInfo
from bot.github.issues import LABEL, IssueInfo, find_dashboard, publish_dashboard
from bot.group_pulls import group_report
from bot.model.results import RunReport
from bot.model.verification import Verdict
from bot.report.group_dashboard import (
    MARKER,
    TITLE,
    GroupRow,
    GroupState,
    Remembered,
    need_line,
    proposal_of,
    read_memory,
    render_group_dashboard,
    ticked,
)

if TYPE_CHECKING:
    from bot.group_flow import GroupResult


class GroupDashboard:
    def __init__(self, github: GitHubRepo, log: Callable[[str], None]):
        self.github, self.log = github, log
        self.readable = False
        self.found: IssueInfo | None = None
        self.memory: dict[str, Remembered] = {}
        self.asked: frozenset[str] = frozenset()

    def read(self) -> None:
        try:
            self.found = find_dashboard(self.github, LABEL, MARKER)
        except GitHubError as error:
            self.log(f"dashboard: not read ({error}); it is left as it is this run")
            return
        self.readable = True
        if self.found is not None:
            self.memory, self.asked = read_memory(self.found.body), ticked(self.found.body)

    def still_declined(self, key: str, report: RunReport) -> Remembered | None:
        """The group's memory when it was declined with the very changes it has now, and no one
        asked for it again: then it is not proposed, and GitHub is not asked about it."""
        remembered = self.memory.get(key)
        if (remembered is None or remembered.state is not GroupState.DECLINED or key in self.asked
                or remembered.proposal != proposal_of(report.results)):
            return None
        return remembered

    def publish(self, results: list[GroupResult], report: RunReport, open_pulls: dict[str, PullRequestInfo]) -> None:
        if not self.readable:
            return
        body = render_group_dashboard(self._rows(results, report, open_pulls))
        try:
            published = publish_dashboard(self.github, self.found, body, title=TITLE, label=LABEL)
        except GitHubError as error:
            self.log(f"dashboard: not written ({error}); the workflow's token needs `issues: write`")
            return
        cleared = f", clearing the ticks of {', '.join(sorted(self.asked))}" if self.asked else ""
        self.log(f"dashboard #{published.issue.number} {published.outcome}{cleared}")

    def _rows(self, results: list[GroupResult], report: RunReport,
              open_pulls: dict[str, PullRequestInfo]) -> list[GroupRow]:
        rows = [_row(result, report) for result in results if result.key]
        current = {row.key for row in rows}
        still_open = {pull.number for pull in open_pulls.values()}
        closed_now = {r.pull_request.number for r in results if not r.key and r.pull_request is not None}
        for key, remembered in sorted(self.memory.items()):
            if key in current:
                continue
            if remembered.state is GroupState.MERGED:
                rows.append(GroupRow(key, key, GroupState.MERGED, remembered.pull))
            elif (remembered.state is GroupState.OPEN and remembered.pull not in still_open
                  and remembered.pull not in closed_now and remembered.pull):
                # It left the open listing since the last run, and its files came clean: merged,
                # or closed by a person with nothing left to propose (then it is dropped).
                if self.github.pull_request(remembered.pull).merged:
                    rows.append(GroupRow(key, key, GroupState.MERGED, remembered.pull))
        return rows


def _row(result: GroupResult, report: RunReport) -> GroupRow:
    sub = group_report(report, result.files)
    needs = tuple(need_line(f.path, f.line, f.rule, f.message) for r in sub.results for f in r.hardened.after)
    failed = tuple(v.path for v in sub.verification if v.verdict is Verdict.EDITS_DROPPED)
    if result.outcome is Outcome.DECLINED:
        return GroupRow(result.key, result.title, GroupState.DECLINED, result.declined_by, len(result.files), needs,
                        failed, proposal_of(sub.results))
    if result.outcome is Outcome.NOT_RUN:
        return GroupRow(result.key, result.title, GroupState.NOT_RUN, 0, len(result.files), needs, failed)
    pull = result.pull_request.number if result.pull_request is not None else 0
    return GroupRow(result.key, result.title, GroupState.OPEN, pull, len(result.files), needs, failed)
