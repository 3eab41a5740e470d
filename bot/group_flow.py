"""One branch and one pull request per group (`group-by` folder or owner, or named `groups:`).

The base is hardened once, in one scratch worktree; `bot.groups.plan_groups` splits the
changed files into groups, and each group is what the single pull request is for the whole
repository (see bot/flow.py): a branch `hardenbot/harden/<key>` holding the base with only
that group's files hardened, people's commits on it replayed onto each refresh, a body
rendered from the group's slice of the run (its files, their digest pins, builds and
policies), a pull request a person closed remembered, and one that is left with nothing
closed. The group's code owners are asked to review when its pull request opens.

Budget: one list call finds every open pull request of the bot's; a group without one costs
one more (the closed one a person may have turned down); a group that did not change writes
nothing. Every branch that moves goes in one atomic `git push`, each leased on where it was.

The repository's dashboard issue (bot/group_dashboard.py, unless `dashboard: false`) is read
first: a group declined with the same changes as when its memory was written costs no call,
and a group a maintainer ticked there is proposed again even though it was declined. It is
written last, listing every group's pull request and state, once and only when it changed.
When GitHub's rate limit stops the run, the groups left are told as not run, and the next run
does them.

A pull request whose branch no group has any more (its files came clean, or `group-by`
changed) is closed with a comment naming the pull requests that now hold its files, after
those are open, so that no file is in two open pull requests. `hardenbot/harden` and
`hardenbot/harden/<key>` cannot both be branches (git keeps refs as paths): the one of the
other grouping is deleted in a push of its own before the new ones go.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from bot.codeowners import read_codeowners
from bot.config import Config
from bot.flow import (
    Flow,
    FlowResult,
    Outcome,
    Push,
    _changed_paths,
    _count,
    _sort_branch,
    close_pull_request,
    ensure_pull_request,
)
from bot.github.api import GitHubError, PullRequestInfo, PullRequests
from bot.gitops import BranchHistory, RefUpdate
from bot.group_dashboard import GroupDashboard
from bot.group_pulls import group_branch, group_report, group_title, groups_of, reviewers_of
from bot.model.groups import Group
from bot.model.results import RunReport
from bot.record import record
from bot.report.markdown import render_body
from bot.run import digest_changes

# How the run's outcome is told from its groups': the first of these any group had.
PRECEDENCE = (Outcome.OPENED, Outcome.UPDATED, Outcome.CLOSED, Outcome.KEPT, Outcome.DECLINED, Outcome.NOT_RUN,
              Outcome.UNCHANGED)


@record
class GroupResult:
    """What a run did for one group (or for a pull request no group has any more)."""
    key: str
    branch: str
    outcome: Outcome
    message: str
    files: tuple[str, ...] = ()
    pull_request: PullRequestInfo | None = None
    title: str = ""  # the group's, for people
    declined_by: int = 0  # declined: the pull request a person closed


@record
class _Plan:
    group: Group
    branch: str
    report: RunReport
    history: BranchHistory
    pulls: PullRequests
    since_closed: list[str] | None
    push: Push | None = None


class GroupFlow:
    """The grouped half of `Flow._harden_base`: the flow's collaborators, per group."""

    def __init__(self, flow: Flow):
        self.flow, self.settings, self.github, self.repo, self.log = (flow, flow.settings, flow.github, flow.repo,
                                                                      flow.log)
        self.dashboard = GroupDashboard(self.github, self.log.write)  # read only when configured

    def run(self, tree: Path, report: RunReport, config: Config, base: str, base_sha: str,
            dry_run: bool) -> FlowResult:
        changed = _changed_paths(report)
        owners = read_codeowners(tree)
        for error in owners.errors:
            self.log.write(f"{error}: skipped, as GitHub does")
        groups = groups_of(report, config.groups, owners)
        body = render_body(report, digest_changes(report))
        if dry_run:
            outcome = Outcome.DRY_RUN if changed else Outcome.NOTHING
            message = (f"dry run: would harden {_count(len(changed), 'file')} in "
                       f"{_count(len(groups), 'pull request')}") if changed else "nothing to harden"
            return FlowResult(outcome, message, changed_files=changed, report=report, summary=body)
        prefix = self.settings.branch
        open_pulls = self.github.open_pull_requests_under(prefix)
        if config.groups.dashboard:
            self.dashboard.read()
        remote = self.repo.remote_branches(prefix)
        histories = self.repo.fetch_histories(remote, base, base_sha)
        plans, results = self._plan(tree, report, groups, open_pulls, histories, base_sha)
        stale = {branch: pull for branch, pull in open_pulls.items()
                 if branch not in {group_branch(prefix, g.key) for g in groups}}
        clash = [RefUpdate(branch, None, sha) for branch, sha in remote.items()
                 if any(_clashes(branch, p.branch) for p in plans if p.push and p.push.pushed)]
        # what the stale pull requests hold, read before a push may delete their branches
        touched = self.repo.files_by_branch([branch for branch in sorted(stale) if branch in histories], base_sha)
        with self.log.group("Commit and push"):
            self.repo.push_all(clash)  # before: `a` cannot be created while `a/b` is there, or the reverse
            self.repo.push_all([RefUpdate(p.branch, p.push.head, p.history.head) for p in plans
                                if p.push and p.push.pushed])
        with self.log.group("Pull requests"):
            results += self._pull_requests(plans, base)
            if not any(r.outcome is Outcome.NOT_RUN for r in results):
                results += self._close_stale(stale, histories, touched, results)
        if config.groups.dashboard:
            with self.log.group("Dashboard"):
                self.dashboard.publish(results, report, open_pulls)
        return _combined(results, changed, report, body)

    def _pull_requests(self, plans: list[_Plan], base: str) -> list[GroupResult]:
        """Each group's pull request, until GitHub's rate limit says no more (after its retries):
        the groups left are not run, and the next run does them."""
        results: list[GroupResult] = []
        for plan in plans:
            if results and results[-1].outcome is Outcome.NOT_RUN:
                results.append(_not_run(plan))
                continue
            try:
                results.append(self._pull_request(plan, base))
            except GitHubError as error:
                if not error.rate_limited:
                    raise
                self.log.write(f"{error}: the pull requests of {_count(len(plans) - len(results), 'group')} are "
                               "left for the next run")
                results.append(_not_run(plan))
        return results

    def _plan(self, tree: Path, report: RunReport, groups: tuple[Group, ...], open_pulls: dict[str, PullRequestInfo],
              histories: dict[str, BranchHistory], base_sha: str) -> tuple[list[_Plan], list[GroupResult]]:
        """Each group's refresh, decided before anything is pushed. Every group's tree is staged
        before any replay, since a replay resets the scratch worktree's files."""
        plans, declined, staged = [], [], {}
        for group in groups:
            branch = group_branch(self.settings.branch, group.key)
            sub = group_report(report, group.files)
            remembered = None if branch in open_pulls else self.dashboard.still_declined(group.key, sub)
            if remembered is not None:
                declined.append(_declined(group, branch, remembered.pull))
                continue
            pulls = (PullRequests(open_pulls[branch]) if branch in open_pulls
                     else self.github.pull_requests_from(branch))
            since_closed, declined_by = self.flow._proposal(sub, pulls)
            if declined_by is not None and group.key not in self.dashboard.asked:
                declined.append(_declined(group, branch, declined_by.number))
                continue
            staged[branch] = self.repo.stage_only(tree, base_sha, group.files)
            plans.append(_Plan(group, branch, sub, histories.get(branch, BranchHistory(None)), pulls, since_closed))
        decided = []
        for plan in plans:
            commits = _sort_branch(plan.history, plan.pulls, self.settings)
            push = self.flow._refresh(tree, staged[plan.branch], base_sha, plan.history.head, commits, plan.report)
            decided.append(replace(plan, push=push))
        return decided, declined

    def _pull_request(self, plan: _Plan, base: str) -> GroupResult:
        group, push = plan.group, plan.push
        assert push is not None
        name = group.title or plan.branch
        if push.replay is not None and push.replay.conflict is not None:
            commits = _sort_branch(plan.history, plan.pulls, self.settings)
            kept = self.flow._keep_branch(FlowResult(Outcome.UNCHANGED, ""), plan.pulls.open, commits.people,
                                          push.replay, plan.branch)
            return GroupResult(group.key, plan.branch, Outcome.KEPT, f"{name}: {kept.message}", group.files,
                               plan.pulls.open, group.title)
        body = render_body(plan.report, digest_changes(plan.report), since_closed=plan.since_closed,
                           carried=self.flow._listed(push.on_branch))
        asked, skipped = reviewers_of(group.owners)
        if skipped and plan.pulls.open is None:
            self.log.write(f"{name}: code owners given as e-mail addresses are not asked to review "
                           f"({_count(len(skipped), 'address')}): the API takes accounts and teams only")
        settings = self.settings
        pull, outcome = ensure_pull_request(
            self.github, base=base, head=plan.branch, title=group_title(settings.title, group), body=body,
            labels=settings.labels, pushed=push.pushed, pulls=plan.pulls, draft=settings.draft,
            reviewers=tuple(dict.fromkeys(settings.reviewers + asked)), assignees=settings.assignees,
            refused=lambda error: self.log.write(f"{name}: GitHub would not ask for reviews ({error}); "
                                                 "the pull request is open all the same"))
        said = {Outcome.OPENED: "opened", Outcome.UPDATED: "updated", Outcome.UNCHANGED: "up to date"}[outcome]
        return GroupResult(group.key, plan.branch, outcome, f"{name}: #{pull.number} {said}", group.files, pull,
                           group.title)

    def _close_stale(self, stale: dict[str, PullRequestInfo], histories: dict[str, BranchHistory],
                     touched: dict[str, set[str]], results: list[GroupResult]) -> list[GroupResult]:
        """Close the pull requests no group has any more, naming where their files went. One
        whose branch holds people's commits and whose files went nowhere stays open, as the
        single pull request does."""
        closed = []
        for branch, pull in sorted(stale.items()):
            history = histories.get(branch, BranchHistory(None))
            files = touched.get(branch, set())
            now_in = [r.pull_request for r in results if r.pull_request is not None and files & set(r.files)]
            people = _sort_branch(history, PullRequests(pull), self.settings).people
            if people and not now_in:
                closed.append(GroupResult("", branch, Outcome.UNCHANGED, f"#{pull.number} stays open: its branch "
                                          f"holds {_count(len(people), 'commit')} by people", (), pull))
                continue
            close_pull_request(self.github, pull, now_in)
            closed.append(GroupResult("", branch, Outcome.CLOSED, f"closed #{pull.number} ({branch})", (), pull))
        return closed


def _declined(group: Group, branch: str, number: int) -> GroupResult:
    return GroupResult(group.key, branch, Outcome.DECLINED, f"{group.title or branch}: not proposed again: pull "
                       f"request #{number}, closed without merging, had all of these changes", group.files,
                       title=group.title, declined_by=number)


def _not_run(plan: _Plan) -> GroupResult:
    return GroupResult(plan.group.key, plan.branch, Outcome.NOT_RUN, f"{plan.group.title or plan.branch}: not run "
                       "(GitHub's rate limit)", plan.group.files, plan.pulls.open, plan.group.title)


def _clashes(branch: str, other: str) -> bool:
    """Whether two branch names cannot both exist: one is a folder of the other."""
    return branch != other and (branch.startswith(other + "/") or other.startswith(branch + "/"))


def _combined(results: list[GroupResult], changed: list[str], report: RunReport, body: str) -> FlowResult:
    outcomes = {r.outcome for r in results}
    outcome = next((o for o in PRECEDENCE if o in outcomes), Outcome.NOTHING)
    counted = ", ".join(f"{sum(r.outcome is o for r in results)} {o.value}" for o in PRECEDENCE if o in outcomes)
    message = f"{_count(len(results), 'pull request')}: {counted}" if results else "nothing to harden"
    pull = next((r.pull_request for r in results if r.pull_request is not None and r.outcome is not Outcome.CLOSED),
                None)
    return FlowResult(outcome, message, pull_request=pull, changed_files=changed, report=report, summary=body,
                      groups=tuple(results))
