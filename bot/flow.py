"""The pull request flow: the one module that knows the engine, git and GitHub together.

harden-base (schedule, workflow_dispatch, `hardenbot pr`): harden the base branch's head in a
scratch worktree; when the result differs from what the bot branch holds, commit it as the bot
and push with a lease; then open the pull request, or update its title, body and labels in
place. Nothing new: no commit, no push, no API write. Nothing left to harden while the bot's
pull request is open: close it, saying why (unless people pushed commits to it: then it stays).

The bot branch is shared with people. Commits pushed onto it after the bot's first commit
that the bot did not make (see bot/branch_commits.py) are replayed onto each refresh, so
nothing a maintainer pushed is lost, and the body lists them; what else the branch holds that
is not on the base (commits a force-push removed from the base) is dropped and counted. When
one of people's commits conflicts with the refresh, the branch stays exactly as it is and the
pull request says so once. A pull request a person closed without merging is remembered
through its body (bot/report/change_set.py): the same changes are not proposed again, and a new pull request
for new changes says what is new since the closed one. A merged one is history.

With `group-by` folder or owner, or named `groups:`, the base's fixes go in a pull request per
group instead, each on `hardenbot/harden/<key>` (bot/group_flow.py); `group-by: repository`, the
default, is the one pull request above. A switch back to it deletes the groups' branches before
its push and closes their pull requests, naming the one that holds their files now.

ask-again (an edit of the dashboard issue ticking groups, bot/github/event.py): a run of the
base branch as above, for people who may write (the permission API); the grouped flow reads the
ticks from the dashboard and proposes those groups again. Anyone else's edit does nothing.

harden-pull-request (`/harden` on a pull request): only for people who may write to the
repository (the comment's author association, confirmed by the permission API); others get
one reply and nothing else. A reaction acknowledges at once, a reply reports the outcome.
On a same-repository pull request the fixes are committed onto its branch; on a fork,
hardenbot reads the fork's files from git objects (never checking out or running them) and
replies with the fixes as a suggested diff. On a group's pull request only that group's files
are hardened: the others are other pull requests'.

Order keeps every run whole: the push comes before any pull request write, so a failed push
touches no pull request, and a failed API call after a push is finished by the next run,
which finds the branch already up to date and goes straight to the pull request.

Each run's result is decided once, as a frozen FlowResult. The methods hold decisions and
effects only: the seconds each phase takes (GitHub, git, the engine, the registry) are counted
by a PhaseClock the collaborators are wrapped in (see Flow.__init__).
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import field, replace
from enum import StrEnum
from pathlib import Path

from bot.branch_commits import BranchCommits, sort_branch
from bot.codeowners import read_codeowners
from bot.config import Config, load_config
from bot.errors import ConfigError, HardenbotError
from bot.github.api import WRITE_ACCESS, GitHubError, GitHubRepo, PullRequestExists, PullRequestInfo, PullRequests
from bot.github.event import TRUSTED_ASSOCIATIONS, Trigger, TriggerKind
from bot.gitops import BOT, BranchHistory, CommitInfo, Conflict, GitError, Identity, RefUpdate, Replay, Repository
from bot.group_pulls import files_for_branch, group_report, groups_of
from bot.model.commits import CarriedCommit, CarriedCommits
from bot.model.groups import GroupBy
from bot.model.results import RunReport
from bot.phase_clock import PhaseClock
from bot.record import record
from bot.report.change_set import closed_by_hardenbot, covered_by, mark_closed_by_hardenbot, new_since, proposed_in
from bot.report.inert import code, fence, one_line
from bot.report.markdown import LISTED_COMMITS, commit_message, render_body, what_is_new
from bot.report.text import unified_diff
from bot.run import Advisor, Downloader, Resolver, Verifier, digest_changes, process, process_texts
from bot.sources import kind_of
from bot.sources.discovery import SourceFile
from bot.sources.globs import glob_regex

# A configuration → the verifier it asks for (None: none) and why there is none.
VerifierFor = Callable[[Config], tuple[Verifier | None, str]]
# A finished run and its configuration → the run with its images' policies (bot.policy_setup).
PoliciesFor = Callable[[RunReport, Config], RunReport]

TITLE = "hardenbot: harden container builds"
NOTHING_IN_PULL_REQUEST = "hardenbot: nothing to harden in this pull request."
COMMENT_LIMIT = 60000


@record
class FlowSettings:
    repository: str  # owner/name
    workdir: Path  # the local checkout
    base_branch: str | None = None  # default: the repository's default branch
    branch: str = "hardenbot/harden"
    labels: tuple[str, ...] = ("security", "hardenbot")
    dry_run: bool = False
    config_path: Path | None = None  # relative to the repository root
    identity: Identity = BOT  # the committer of the bot's commits
    author: Identity | None = None  # their author (None: the committer)
    title: str = TITLE  # of the pull request
    commit_message: str | None = None  # a template: {files} and {rules} are filled in (None: hardenbot's own)
    draft: bool = False  # open the pull request as a draft
    reviewers: tuple[str, ...] = ()  # logins, and teams as org/team-slug: asked when the pull request opens
    assignees: tuple[str, ...] = ()  # logins, assigned when the pull request opens
    path: str | None = None  # harden only this folder of the repository (a monorepo's part)
    group_by: GroupBy | None = None  # the action's `group-by` input: wins over the configuration's

    @property
    def commit_author(self) -> Identity:
        return self.author or self.identity


class Outcome(StrEnum):
    """What a run did; its value is the action's `outcome` output."""
    OPENED = "opened"  # a new pull request from the bot's branch
    UPDATED = "updated"  # the open pull request got new commits, or a new title, body or labels
    UNCHANGED = "unchanged"  # the open pull request already said all of it: nothing written
    KEPT = "kept"  # people's commits on the bot branch conflict with the refresh: branch left as it is
    DECLINED = "declined"  # the same changes were in a pull request closed without merging: not proposed
    CLOSED = "closed"  # nothing left to harden: the bot's pull request is closed
    NOTHING = "nothing"  # nothing to harden, nothing to close
    DRY_RUN = "dry-run"  # there was something to harden; nothing was written
    PUSHED = "pushed"  # `/harden`: fixes committed onto the pull request's branch
    SUGGESTED = "suggested"  # `/harden`: fixes replied as a diff (a fork, or a dry run)
    REFUSED = "refused"  # `/harden` by someone who cannot write: one reply, nothing else
    IGNORED = "ignored"  # the event asked for nothing
    NOT_RUN = "not-run"  # grouped: GitHub's rate limit stopped the run before this group's pull request


@record
class FlowResult:
    """What a run did, built where it was decided; `Flow.run` adds the timings."""
    outcome: Outcome
    message: str  # one line for the log
    pull_request: PullRequestInfo | None = None
    changed_files: list[str] = field(default_factory=list)
    report: RunReport | None = None
    summary: str = ""  # the markdown summary (the pull request body)
    timings: dict[str, float] = field(default_factory=dict)  # seconds a phase (see Flow.__init__)
    head_sha: str = ""  # the commit the pull request's branch is at after the run
    carried: tuple[CommitInfo, ...] = ()  # people's commits on the bot branch, replayed onto the refresh
    dropped: tuple[CommitInfo, ...] = ()  # commits the branch held, not on the base nor people's: left out of it
    conflict: Conflict | None = None  # KEPT: the commit of theirs that would not apply, and where
    groups: tuple = ()  # grouped pull requests: a bot.group_flow.GroupResult each
    # NOTHING: the bot branch's open and last closed pull requests, when the run read them (in
    # the one call that finds the open one), so that an organisation job needs no second call
    pull_requests: PullRequests | None = None

    @property
    def needs_a_person(self) -> int:
        if self.report is None:
            return 0
        return sum(len(r.hardened.after) for r in self.report.results) + len(self.report.errors)


class Log:
    """Plain lines; GitHub Actions' `::group::` blocks when `actions` is set."""

    def __init__(self, write: Callable[[str], None], actions: bool = False):
        self.write, self.actions = write, actions

    @contextmanager
    def group(self, title: str) -> Iterator[None]:
        self.write(f"::group::{title}" if self.actions else f"{title} …")
        try:
            yield
        finally:
            if self.actions:
                self.write("::endgroup::")


# The phase each git call counts to: fetching, or committing and pushing the result. The scratch
# worktree counts to none, as it is neither.
GIT_PHASES = {"fetch": "git", "fetch_branch": "git", "fetch_branch_history": "git", "read_files": "git",
              "files_of": "git", "stage": "commit+push", "tree_of": "commit+push", "commit_tree": "commit+push",
              "replay": "commit+push", "commits_between": "commit+push", "push": "commit+push",
              "remote_branches": "git", "fetch_histories": "git", "files_by_branch": "git",
              "stage_only": "commit+push", "push_all": "commit+push"}


def render_commit_message(template: str | None, results: list) -> str:
    """The commit message: hardenbot's own, or `template` with {files} (how many files) and
    {rules} (the codes applied) filled in; other braces are left as written."""
    if template is None:
        return commit_message(results)
    changed = sum(1 for r in results if r.changed)
    codes = ", ".join(sorted({f.rule for r in results for f in r.hardened.applied}))
    return template.replace("{files}", str(changed)).replace("{rules}", codes).rstrip("\n") + "\n"


@record
class Push:
    """What `_push_if_new` did with the bot branch."""
    pushed: bool
    head: str | None  # where the branch is now
    replay: Replay | None = None  # people's commits replayed onto the refresh
    on_branch: tuple[CommitInfo, ...] = ()  # people's commits on the branch as it is now


class Flow:
    def __init__(self, settings: FlowSettings, github: GitHubRepo, repo: Repository, resolver: Resolver | None,
                 log: Log, verifier_for: VerifierFor | None = None, policies_for: PoliciesFor | None = None,
                 advisor: Advisor | None = None, downloader: Downloader | None = None):
        """The collaborators are kept behind a PhaseClock, so each call counts to its phase: api,
        git, commit+push, resolve, verify (the builds), and scan (the engine's own time, the
        resolver's and the builds' taken out). `verifier_for` gives the verifier a
        configuration asks for (and why there is none), to prove the edits of a checked-out tree."""
        self.settings, self.log = settings, log
        self.clock = PhaseClock()
        self.github = self.clock.timed_methods(github, lambda method: "api")
        self.repo = self.clock.timed_methods(repo, GIT_PHASES.get)
        self.resolver = None if resolver is None else self.clock.timed(resolver, "resolve")
        self.process = self.clock.timed(process, "scan")
        self.process_texts = self.clock.timed(process_texts, "scan")
        self.verifier_for = verifier_for
        self.advisor = None if advisor is None else self.clock.timed(advisor, "resolve")  # HB020's better bases
        # What HB062 pins ADD URLs to (downloaded once; a fork's files never reach it: they are
        # hardened in memory by process_texts, which downloads nothing).
        self.downloader = None if downloader is None else self.clock.timed(downloader, "resolve")
        self.policies_for = None if policies_for is None else self.clock.timed(policies_for, "policies")

    def run(self, trigger: Trigger) -> FlowResult:
        return replace(self._act_on(trigger), timings=self.clock.seconds())

    def _act_on(self, trigger: Trigger) -> FlowResult:
        if trigger.kind is TriggerKind.IGNORE:
            return FlowResult(Outcome.IGNORED, f"nothing to do: {trigger.reason}")
        if trigger.kind is TriggerKind.HARDEN_PULL_REQUEST:
            return self._harden_pull_request(trigger)
        if trigger.kind is TriggerKind.ASK_AGAIN:
            return self._ask_again(trigger)
        return self._harden_base(trigger)

    def _ask_again(self, trigger: Trigger) -> FlowResult:
        """Groups ticked on the dashboard: a run of the base branch, which reads the ticks from the
        dashboard itself, for people who may write (the permission API says so: an edit has no
        author association). Anyone else's edit does nothing, and the log says why."""
        author, asked = trigger.author or "someone", ", ".join(trigger.asked)
        if self.github.permission(author) not in WRITE_ACCESS:
            return FlowResult(Outcome.IGNORED, f"nothing to do: {author}, who cannot write to the repository, ticked "
                                               f"{asked} on dashboard #{trigger.issue}")
        self.log.write(f"{author} asked again for {asked} on dashboard #{trigger.issue}")
        return self._harden_base(trigger)

    def _config(self, root: Path) -> Config:
        path = root / self.settings.config_path if self.settings.config_path else None
        return load_config(root, path, self.settings.group_by)

    def _harden(self, root: Path, write: bool, config: Config | None = None) -> RunReport:
        """Harden a checked-out tree, proving the edits with builds when asked to (a fork's
        files are never on disk, so never built)."""
        with self.log.group("Scan and harden"):
            config = config or self._config(root)
            verifier, note = self.verifier_for(config) if self.verifier_for else (None, "")
            if verifier is not None:
                verifier = self.clock.timed(verifier, "verify")
            part = self.settings.path
            if part and not (root / part).is_dir():
                raise HardenbotError(f"path {part!r} is not a folder of the repository")
            report = self.process(root, config, config.active_rules(), fix=True, write=write,
                                  resolver=self.resolver, verifier=verifier, only=part, advisor=self.advisor,
                                  downloader=self.downloader)
            report = replace(report, verify_note=note)
            return self.policies_for(report, config) if self.policies_for else report

    # -- schedule, dispatch, `hardenbot pr` ---------------------------------------------------
    def _harden_base(self, trigger: Trigger) -> FlowResult:
        settings = self.settings
        dry_run = settings.dry_run or trigger.dry_run
        base = settings.base_branch or trigger.default_branch or self.github.default_branch()
        base_sha = self.repo.fetch_branch(base)
        if base_sha is None:
            raise GitError(f"the base branch {base!r} is not on the remote")
        with self.repo.worktree(base_sha) as tree:
            config = self._config(tree)
            if _grouped(config):
                from bot.group_flow import GroupFlow  # it builds on this module
                report = self._harden(tree, write=not dry_run, config=config)
                return GroupFlow(self).run(tree, report, config, base, base_sha, dry_run)
            history = self.repo.fetch_branch_history(settings.branch, base, base_sha)
            report = self._harden(tree, write=not dry_run, config=config)
            changed = _changed_paths(report)
            if not changed:
                return self._nothing_to_harden(report, render_body(report, digest_changes(report)), dry_run, history)
            if dry_run:
                return FlowResult(Outcome.DRY_RUN, f"dry run: would harden {len(changed)} files",
                                  changed_files=changed, report=report,
                                  summary=render_body(report, digest_changes(report)))
            pulls = self.github.pull_requests_from(settings.branch)
            since_closed, declined_by = self._proposal(report, pulls)
            if declined_by is not None:
                return FlowResult(Outcome.DECLINED, f"not proposed again: pull request #{declined_by.number}, "
                                  "closed without merging, had all of these changes", changed_files=changed,
                                  report=report, summary=render_body(report, digest_changes(report),
                                                                     since_closed=since_closed),
                                  head_sha=history.head or "")
            branch = _sort_branch(history, pulls, settings)
            regrouped = self._group_branches(history)
            with self.log.group("Commit and push"):
                # `a` cannot be made while `a/b` is there: the groups' branches go first.
                self.repo.push_all([RefUpdate(name, None, sha) for name, sha in regrouped.items()])
                push = self._push_if_new(tree, changed, base_sha, history.head, branch, report)
        body = render_body(report, digest_changes(report), since_closed=since_closed,
                           carried=self._listed(push.on_branch))
        replayed = push.replay if push.pushed else None  # people's commits carried onto a new refresh
        result = FlowResult(Outcome.UNCHANGED, "", changed_files=changed, report=report, summary=body,
                            head_sha=push.head or "", carried=replayed.carried if replayed else (),
                            dropped=branch.dropped if push.pushed else ())
        if push.replay is not None and push.replay.conflict is not None:
            return self._keep_branch(result, pulls.open, branch.people, push.replay)
        with self.log.group("Pull request"):
            pull, outcome = ensure_pull_request(self.github, base=base, head=settings.branch, title=settings.title,
                                                body=body, labels=settings.labels, pushed=push.pushed, pulls=pulls,
                                                draft=settings.draft, reviewers=settings.reviewers,
                                                assignees=settings.assignees)
            closed = self._close_group_pulls(regrouped, pull)
        message = {Outcome.OPENED: f"opened pull request #{pull.number}",
                   Outcome.UPDATED: f"updated pull request #{pull.number}",
                   Outcome.UNCHANGED: f"pull request #{pull.number} is up to date"}[outcome]
        if closed:
            message += f", closing {_count(len(closed), 'pull request')} of groups ({', '.join(closed)})"
        if result.carried:
            message += f", carrying {_count(len(result.carried), 'commit')} by people onto the refresh"
        if replayed and replayed.redundant:
            message += f" (leaving out {_count(len(replayed.redundant), 'commit')} whose change it already holds)"
        return replace(result, outcome=outcome, message=message + _dropped_note(result.dropped, branch),
                       pull_request=pull)

    def _proposal(self, report: RunReport, pulls: PullRequests) -> tuple[list[str] | None, PullRequestInfo | None]:
        """What the body says is new since the bot's pull request a person closed without
        merging, if any; and that closed one when it had every change already (and none is
        open), so that nothing is proposed again."""
        turned_down = _turned_down(pulls)
        if turned_down is None:
            return None, None
        proposed = proposed_in(turned_down.body)
        news = new_since(report.results, proposed) if proposed else None
        declined = pulls.open is None and proposed is not None and covered_by(report.results, proposed)
        return what_is_new(turned_down.number, news), turned_down if declined else None

    def _push_if_new(self, tree: Path, changed: list[str], base_sha: str, branch_sha: str | None,
                     branch: BranchCommits, report: RunReport) -> Push:
        """Commit the hardened tree onto the base, replay people's commits on the branch onto
        it, and push that to the bot's branch, leased on the commit fetched, unless that branch
        already holds exactly this tree (and nothing to drop) or one of their commits conflicts."""
        push = self._refresh(tree, self.repo.stage(tree, changed), base_sha, branch_sha, branch, report)
        if push.pushed:
            assert push.head is not None
            self.repo.push(push.head, self.settings.branch, expected=branch_sha)
        return push

    def _refresh(self, tree: Path, tree_sha: str, base_sha: str, branch_sha: str | None, branch: BranchCommits,
                 report: RunReport) -> Push:
        """The commit a branch should be at: `tree_sha` committed onto the base with people's
        commits replayed onto it; `pushed` says it is new, and is for the caller to push."""
        people, same_history = branch.people, not branch.dropped
        if not people and same_history and branch_sha is not None and self.repo.tree_of(branch_sha) == tree_sha:
            return Push(False, branch_sha)
        commit = refresh = self.repo.commit_tree(
            tree_sha, base_sha, render_commit_message(self.settings.commit_message, list(report.results)),
            self.settings.identity, author=self.settings.commit_author)
        replay = None
        if people:
            replay = self.repo.replay(tree, commit, people, self.settings.identity)
            if replay.head is None:
                return Push(False, branch_sha, replay, people)
            commit = replay.head
            if same_history and branch_sha is not None and self.repo.tree_of(commit) == self.repo.tree_of(branch_sha):
                return Push(False, branch_sha, replay, people)
        return Push(True, commit, replay, self.repo.commits_between(refresh, commit) if replay else ())

    def _listed(self, commits: tuple[CommitInfo, ...]) -> CarriedCommits:
        """People's commits as the body lists them: the first few, each with the files it touches."""
        return CarriedCommits(tuple(CarriedCommit(c.sha, c.author.name, c.subject, self.repo.files_of(c.sha))
                                    for c in commits[:LISTED_COMMITS]), len(commits))

    def _keep_branch(self, result: FlowResult, pull: PullRequestInfo | None, people: tuple[CommitInfo, ...],
                     replay: Replay, branch_name: str | None = None) -> FlowResult:
        """People's commits conflict with the refresh: nothing is pushed, and the open pull
        request hears why once (the same conflict is not told again on every run)."""
        conflict = replay.conflict
        assert conflict is not None
        branch_name = branch_name or self.settings.branch
        if pull is not None:  # the same commit conflicting in the same files is the same news
            key = hashlib.sha256(" ".join((conflict.commit.sha, *conflict.paths)).encode()).hexdigest()[:16]
            marker = f"<!-- hardenbot:conflict {key} -->"
            if not any(marker in comment for comment in self.github.comments(pull.number)):
                self.github.comment(pull.number, _conflict_comment(branch_name, people, conflict, marker))
        return replace(result, outcome=Outcome.KEPT, pull_request=pull, conflict=conflict,
                       message=f"kept {branch_name} as it is: {conflict.commit.sha[:12]} by "
                               f"{conflict.commit.author.name} conflicts with the refresh in "
                               f"{', '.join(conflict.paths)}")

    def _group_branches(self, history: BranchHistory) -> dict[str, str]:
        """The branches a grouping left below the bot's (`hardenbot/harden/<key>`); looked for
        only when the bot's own branch is not there, since the two cannot both be."""
        if history.head is not None:
            return {}
        return {name: sha for name, sha in self.repo.remote_branches(self.settings.branch).items()
                if name != self.settings.branch}

    def _close_group_pulls(self, branches: dict[str, str], now_in: PullRequestInfo | None) -> list[str]:
        """Close the open pull requests of `branches` (a grouping no longer configured), naming
        the pull request that holds their files now (None: nothing is left to harden)."""
        if not branches:
            return []
        closed = []
        for name, pull in sorted(self.github.open_pull_requests_under(self.settings.branch).items()):
            if name in branches:
                close_pull_request(self.github, pull, [now_in] if now_in else [])
                closed.append(f"#{pull.number}")
        return closed

    def _nothing_to_harden(self, report: RunReport, body: str, dry_run: bool, history: BranchHistory) -> FlowResult:
        pulls = self.github.pull_requests_from(self.settings.branch)
        pull = pulls.open
        if pull is None and not dry_run:
            closed = self._close_group_pulls(self._group_branches(history), None)
            if closed:
                return FlowResult(Outcome.CLOSED, f"nothing to harden: closed pull requests {', '.join(closed)}",
                                  report=report, summary=body)
        if pull is None or dry_run:
            return FlowResult(Outcome.NOTHING, "nothing to harden", report=report, summary=body, pull_requests=pulls)
        branch = sort_branch(history.commits, self.settings.identity, self.settings.author,
                             self.settings.commit_message)
        if branch.people:
            stale = (f"; it also holds {_count(len(branch.dropped), 'commit')} not on the base that no one pushed "
                     "onto it, which a refresh drops") if branch.dropped else ""
            return FlowResult(Outcome.UNCHANGED, f"nothing to harden, but pull request #{pull.number} stays open: "
                              f"its branch holds {_count(len(branch.people), 'commit')} by people{stale}",
                              pull_request=pull, report=report, summary=body, head_sha=history.head or "")
        self.github.comment(pull.number, "hardenbot: nothing needs hardening any more on the base branch, "
                                         "so this pull request is closed.")
        self.github.update_pull_request(pull.number, state="closed", body=mark_closed_by_hardenbot(pull.body))
        return FlowResult(Outcome.CLOSED, f"nothing to harden: closed pull request #{pull.number}",
                          pull_request=pull, report=report, summary=body, head_sha=history.head or "")

    # -- /harden on a pull request ------------------------------------------------------------
    def _harden_pull_request(self, trigger: Trigger) -> FlowResult:
        github, number = self.github, trigger.pull_request
        assert number is not None and trigger.comment_id is not None
        author = trigger.author or "someone"
        allowed = trigger.author_association in TRUSTED_ASSOCIATIONS and github.permission(author) in WRITE_ACCESS
        if not allowed:
            github.comment(number, f"hardenbot: @{author}, `/harden` is only for people who can write to this "
                                   "repository, so I will not act on it.")
            return FlowResult(Outcome.REFUSED, f"/harden by {author}, who cannot write: replied")
        github.react(number, trigger.comment_id, "eyes")
        pull = github.pull_request(number)
        try:
            protected = {pull.base_ref, trigger.default_branch or self.github.default_branch()}
            if pull.head_repo == self.settings.repository and pull.head_ref in protected:
                # A push would land on the base or the default branch itself: never, by a comment.
                result = self._harden_same_repository(pull, dry_run=True, intro=(
                    f"The head branch {code(pull.head_ref)} is the base or the default branch, so hardenbot does not "
                    "push to it. Apply these fixes with `git apply`:"))
            elif pull.head_repo == self.settings.repository:
                result = self._harden_same_repository(pull, trigger.dry_run)
            else:
                result = self._suggest_for_fork(pull)
        except Exception as error:
            github.comment(number, f"hardenbot: could not harden this pull request: {one_line(public_reason(error))}")
            raise
        github.comment(number, result.summary)
        return result

    def _harden_same_repository(self, pull: PullRequestInfo, dry_run: bool,
                                intro: str = "hardenbot would make these changes (dry run):") -> FlowResult:
        head = self.repo.fetch_branch(pull.head_ref)
        if head is None:
            raise GitError(f"the branch {pull.head_ref!r} is gone")
        with self.repo.worktree(head) as tree:
            report = self._harden(tree, write=not dry_run)
            if pull.head_ref.startswith(self.settings.branch + "/"):  # a group's: its files only
                config = self._config(tree)
                groups = groups_of(report, config.groups, read_codeowners(tree))
                report = group_report(report, files_for_branch(groups, self.settings.branch, pull.head_ref))
            changed = _changed_paths(report)
            if not changed:
                return FlowResult(Outcome.NOTHING, "nothing to harden", pull_request=pull, report=report,
                                  summary=NOTHING_IN_PULL_REQUEST, head_sha=head)
            if dry_run:
                return FlowResult(Outcome.SUGGESTED, f"dry run: {len(changed)} files would change",
                                  pull_request=pull, changed_files=changed, report=report, head_sha=head,
                                  summary=_suggestion(report, intro))
            with self.log.group("Commit and push"):
                tree_sha = self.repo.stage(tree, changed)
                commit = self.repo.commit_tree(
                    tree_sha, head, render_commit_message(self.settings.commit_message, list(report.results)),
                    self.settings.identity, author=self.settings.commit_author)
                self.repo.push(commit, pull.head_ref, expected=head)
        fixed = sum(len(r.hardened.applied) for r in report.results)
        summary = (f"hardenbot: pushed {commit[:12]} to {code(pull.head_ref)}, fixing {fixed} findings in "
                   f"{len(changed)} files.\n\n" + render_body(report, digest_changes(report)))
        return FlowResult(Outcome.PUSHED, f"pushed {commit[:12]} onto {pull.head_ref}", pull_request=pull,
                          changed_files=changed, report=report, summary=summary, head_sha=commit)

    def _suggest_for_fork(self, pull: PullRequestInfo) -> FlowResult:
        head = self.repo.fetch(f"refs/pull/{pull.number}/head", f"refs/hardenbot/pull/{pull.number}")
        if head is None:
            raise GitError(f"the head of pull request #{pull.number} cannot be fetched")
        config = self._config(self.repo.root)  # the base repository's configuration, not the fork's
        patterns = [glob_regex(p) for p in config.exclude]

        def wanted(path: str) -> bool:
            return kind_of(path) is not None and not any(p.fullmatch(path) for p in patterns)

        texts = {SourceFile(path, kind_of(path)): text
                 for path, text in self.repo.read_files(head, wanted).items()}
        with self.log.group("Scan and harden (fork, in memory)"):
            report = self.process_texts(texts, config, config.active_rules(), fix=True, resolver=self.resolver)
        changed = _changed_paths(report)
        if not changed:
            return FlowResult(Outcome.NOTHING, "nothing to harden", pull_request=pull, report=report,
                              summary=NOTHING_IN_PULL_REQUEST, head_sha=head)
        intro = "This pull request comes from a fork, so hardenbot does not push to it. Apply these fixes with `git apply`:"
        return FlowResult(Outcome.SUGGESTED, f"suggested fixes for {len(changed)} files of a fork",
                          pull_request=pull, changed_files=changed, report=report, head_sha=head,
                          summary=_suggestion(report, intro))


def public_reason(error: Exception) -> str:
    """What a public comment says of a failure: a configuration error names its place only,
    since the value it would quote may be a secret pasted in the wrong place."""
    if isinstance(error, ConfigError):
        where = f"{error.path}:{error.line}" if error.line else error.path
        return f"{where} is not a valid configuration: the run's log says why"
    return str(error)


def ensure_pull_request(github: GitHubRepo, *, base: str, head: str, title: str, body: str, labels: tuple[str, ...],
                        pushed: bool, pulls: PullRequests | None = None, draft: bool = False,
                        reviewers: tuple[str, ...] = (), assignees: tuple[str, ...] = (),
                        refused: Callable[[GitHubError], None] | None = None) -> tuple[PullRequestInfo, Outcome]:
    """The one open pull request from `head` into `base`, saying `title` and `body` and carrying
    `labels`, and what it took: OPENED when there was none; UPDATED when its title, body or labels
    had to change, or when `pushed` gave it new commits; UNCHANGED otherwise, with no API write.
    A create that loses the race to another run (GitHub's 422) updates that run's pull request.
    `pulls`: what the run already found, so as not to ask again. `refused`: told of a review
    request GitHub refused (422: a reviewer who is not a collaborator), which then is not fatal."""
    pull = pulls.open if pulls is not None else github.find_open_pull_request(head)
    if pull is None:
        try:
            opened = github.create_pull_request(base, head, title, body, draft=draft)
        except PullRequestExists:
            pull = github.find_open_pull_request(head)
            if pull is None:
                raise
        else:
            _add_missing_labels(github, opened, labels)
            # Only a new pull request asks for reviews and assignees: on later runs people may
            # have changed them on purpose.
            if reviewers:
                try:
                    github.request_reviewers(opened.number, reviewers)
                except GitHubError as error:
                    if refused is None or error.status != 422:
                        raise
                    refused(error)
            if assignees:
                github.add_assignees(opened.number, assignees)
            return opened, Outcome.OPENED
    rewritten = pull.title != title or pull.body.strip() != body.strip()
    if rewritten:
        github.update_pull_request(pull.number, title=title, body=body)
    relabelled = _add_missing_labels(github, pull, labels)
    return pull, Outcome.UPDATED if pushed or rewritten or relabelled else Outcome.UNCHANGED


def close_pull_request(github: GitHubRepo, pull: PullRequestInfo, now_in: list[PullRequestInfo]) -> None:
    """Close one of the bot's pull requests, saying where its files' changes are proposed now
    (none: nothing is left to harden in them), and marking it closed by hardenbot, not declined."""
    if now_in:
        listed = ", ".join(sorted({f"#{p.number}" for p in now_in}, key=lambda n: int(n[1:])))
        comment = (f"hardenbot: the pull requests are now grouped differently (`group-by`); the changes to this pull "
                   f"request's files are proposed in {listed}, so this one is closed.")
    else:
        comment = ("hardenbot: nothing needs hardening any more in this pull request's files on the base branch, "
                   "so it is closed.")
    github.comment(pull.number, comment)
    github.update_pull_request(pull.number, state="closed", body=mark_closed_by_hardenbot(pull.body))


def _add_missing_labels(github: GitHubRepo, pull: PullRequestInfo, labels: tuple[str, ...]) -> bool:
    """Add the labels `pull` lacks (people may add their own: those stay); whether any were."""
    missing = tuple(label for label in labels if label not in pull.labels)
    if missing:
        github.add_labels(pull.number, missing)
    return bool(missing)


def _grouped(config: Config) -> bool:
    """Whether the fixes go in a pull request per group, not in the repository's one."""
    return config.groups.group_by is not GroupBy.REPOSITORY or bool(config.groups.named)


def _turned_down(pulls: PullRequests) -> PullRequestInfo | None:
    """The bot's latest pull request when a person closed it without merging (not hardenbot
    itself, for want of anything left to harden)."""
    closed = pulls.latest_closed
    if closed is None or closed.merged or closed_by_hardenbot(closed.body):
        return None
    return closed


def _sort_branch(history: BranchHistory, pulls: PullRequests, settings: FlowSettings) -> BranchCommits:
    """People's commits on the bot branch, to replay onto a refresh, and those to drop (see
    bot/branch_commits.py). Neither when the branch is a merged pull request's head: its commits
    are on the base already, even when GitHub squashed or rebased them."""
    closed = pulls.latest_closed
    if pulls.open is None and closed is not None and closed.merged and closed.head_sha == history.head:
        return BranchCommits()
    return sort_branch(history.commits, settings.identity, settings.author, settings.commit_message)


def _dropped_note(dropped: tuple[CommitInfo, ...], branch: BranchCommits) -> str:
    """What the log says of the commits a refresh left out: how many, and why (never which: a
    commit removed from the base may be one nobody should look up)."""
    if not dropped:
        return ""
    if branch.anchor is None:
        return (f"; dropped {_count(len(dropped), 'commit')} of the branch: it held no commit of hardenbot's, "
                "so none of it counts as people's")
    return (f"; dropped {_count(len(dropped), 'commit')} the branch held from before hardenbot's commit that "
            "are not on the base (removed from it by a force-push, or never on it)")


def _conflict_comment(branch: str, people: tuple[CommitInfo, ...], conflict: Conflict, marker: str) -> str:
    def named(commit: CommitInfo) -> str:
        return f"{commit.sha[:12]} “{one_line(commit.subject)}” by {one_line(commit.author.name)}"
    files = ", ".join(code(path) for path in conflict.paths)
    listed = "".join(f"\n- {named(commit)}" for commit in people)
    return (f"hardenbot: there is a refresh for this branch (the base branch or its images moved on), but commit "
            f"{named(conflict.commit)} does not apply onto it: it conflicts in {files}. So `{branch}` stays exactly "
            f"as it is, and this pull request with it.\n\nCommits people pushed to `{branch}`, which a refresh "
            f"carries over:{listed}\n\nTo let hardenbot refresh the branch again, change or drop that commit on "
            f"the branch.\n\n{marker}\n")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"


def _changed_paths(report: RunReport) -> list[str]:
    """The files the hardening wrote: changed ones and those its fixes added."""
    return sorted(path for r in report.results for path in r.written_paths)


def _suggestion(report: RunReport, intro: str) -> str:
    diff = "".join(unified_diff(r) for r in sorted(report.results, key=lambda r: r.path) if r.changed)
    if len(diff) > COMMENT_LIMIT:
        cut = diff.rfind("\n--- a/", 0, COMMENT_LIMIT)
        diff = diff[: cut if cut > 0 else COMMENT_LIMIT] + "\n"
        intro += " (the diff is cut to fit a comment: run `hardenbot fix` for all of it)"
    marks = fence(diff)
    return f"hardenbot: {intro}\n\n{marks}diff\n{diff}{marks}\n"
