"""GitHub REST calls through PyGithub, each one counted, retried within bounds on 5xx and
rate limits (honouring Retry-After), and failing as one line that never carries the token."""
from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from github import Auth, Github, GithubException
from github.PullRequest import PullRequest

from bot.errors import HardenbotError
from bot.github import limits
from bot.github.issues import IssueInfo, issue_from
from bot.record import record
from bot.retry import RetryPolicy

T = TypeVar("T")
WRITE_ACCESS = frozenset({"admin", "maintain", "write"})
GITHUB_RETRIES = RetryPolicy(attempts=3, base_delay=2.0, max_delay=60.0)


class GitHubError(HardenbotError):
    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status

    @property
    def rate_limited(self) -> bool:
        """GitHub's primary or secondary rate limit, still there after the retries."""
        return self.status == 429 or (self.status == 403 and "rate limit" in str(self).lower())


class PullRequestExists(GitHubError):
    """GitHub refused to create a pull request because one is open for that head already."""


@record
class PullRequestInfo:
    number: int
    url: str  # html_url, for people
    title: str
    body: str
    labels: tuple[str, ...]
    state: str
    head_ref: str
    head_repo: str | None  # owner/name; None when the fork was deleted
    head_sha: str
    base_ref: str
    merged: bool = False


@record
class PullRequests:
    """The pull requests from one head branch that a run needs: the open one, and the one
    closed most recently (merged or not)."""
    open: PullRequestInfo | None = None
    latest_closed: PullRequestInfo | None = None


class GitHubRepo:
    def __init__(self, full_name: str, token: str, *, base_url: str = "https://api.github.com",
                 retry: RetryPolicy = GITHUB_RETRIES, sleep: Callable[[float], None] | None = None,
                 seconds_between_writes: float | None = 1.0):
        self.full_name = full_name
        self.owner = full_name.split("/", 1)[0]
        self._github = Github(auth=Auth.Token(token), base_url=base_url, retry=None, lazy=True, per_page=100,
                              seconds_between_requests=None, seconds_between_writes=seconds_between_writes)
        self._repo = self._github.get_repo(full_name)
        self._retry = retry
        self._sleep = sleep or (lambda seconds: time.sleep(seconds))
        self.calls = 0

    # -- reading ---------------------------------------------------------------------------
    def default_branch(self) -> str:
        return self._call("read the repository", lambda: self._repo.default_branch)  # completes the lazy object

    def find_open_pull_request(self, head_branch: str) -> PullRequestInfo | None:
        def find() -> PullRequestInfo | None:
            for pull in self._repo.get_pulls(state="open", head=f"{self.owner}:{head_branch}"):
                return _info(pull)
            return None
        return self._call("list pull requests", find)

    def pull_requests_from(self, head_branch: str) -> PullRequests:
        """One list call, open and closed together (newest first), so that a run knows of a
        closed pull request for no more calls than of the open one."""
        def find() -> PullRequests:
            found: dict[str, PullRequestInfo] = {}
            for pull in self._repo.get_pulls(state="all", head=f"{self.owner}:{head_branch}"):
                found.setdefault("open" if pull.state == "open" else "closed", _info(pull))
                if len(found) == 2:
                    break
            return PullRequests(found.get("open"), found.get("closed"))
        return self._call("list pull requests", find)

    def open_pull_requests_under(self, prefix: str) -> dict[str, PullRequestInfo]:
        """The open pull requests of this repository from branch `prefix` or one below it
        (`prefix/…`), by head branch: one list call (a page of 100) for all of them."""
        def find() -> dict[str, PullRequestInfo]:
            found: dict[str, PullRequestInfo] = {}
            for pull in self._repo.get_pulls(state="open"):
                info = _info(pull)
                if info.head_repo == self.full_name and (info.head_ref == prefix
                                                         or info.head_ref.startswith(prefix + "/")):
                    found.setdefault(info.head_ref, info)
            return found
        return self._call("list pull requests", find)

    def comments(self, number: int) -> list[str]:
        """The bodies of the comments on issue or pull request #`number`, oldest first."""
        return self._call(f"read the comments on #{number}",
                          lambda: [c.body or "" for c in self._repo.get_issue(number).get_comments()])

    def pull_request(self, number: int) -> PullRequestInfo:
        return self._call(f"read pull request #{number}", lambda: _info(self._repo.get_pull(number)))

    def permission(self, user: str) -> str:
        return self._call(f"read {user}'s permission", lambda: self._repo.get_collaborator_permission(user))

    def issues_labelled(self, label: str) -> list[IssueInfo]:
        """Open and closed issues carrying `label`, most recently updated first (the first
        page: a dashboard is one issue)."""
        parameters = {"labels": label, "state": "all", "sort": "updated", "direction": "desc", "per_page": 100}
        _, found = self._call("list the dashboard issues", lambda: self._github.requester.requestJsonAndCheck(
            "GET", f"{self._repo.url}/issues", parameters=parameters))
        return [issue_from(item) for item in found if "pull_request" not in item]

    # -- writing ---------------------------------------------------------------------------
    def create_issue(self, title: str, body: str, labels: tuple[str, ...]) -> IssueInfo:
        _, created = self._call("create the dashboard issue", lambda: self._github.requester.requestJsonAndCheck(
            "POST", f"{self._repo.url}/issues", input={"title": title, "body": body, "labels": list(labels)}))
        return issue_from(created)

    def update_issue(self, number: int, **fields: str) -> IssueInfo:
        _, updated = self._call(f"update issue #{number}", lambda: self._github.requester.requestJsonAndCheck(
            "PATCH", f"{self._repo.url}/issues/{number}", input=fields))
        return issue_from(updated)

    def create_pull_request(self, base: str, head_branch: str, title: str, body: str, *,
                            draft: bool = False) -> PullRequestInfo:
        def create() -> PullRequestInfo:
            try:
                return _info(self._repo.create_pull(base=base, head=head_branch, title=title, body=body,
                                                    draft=draft))
            except GithubException as error:
                if error.status == 422 and "already exists" in str(error.data):
                    raise PullRequestExists(f"a pull request for {head_branch} already exists", 422) from None
                raise
        return self._call("create the pull request", create)

    def update_pull_request(self, number: int, *, title: str | None = None, body: str | None = None,
                            state: str | None = None) -> None:
        fields = {k: v for k, v in (("title", title), ("body", body), ("state", state)) if v is not None}
        self._call(f"update pull request #{number}", lambda: self._repo.get_pull(number).edit(**fields))

    def add_labels(self, number: int, labels: tuple[str, ...]) -> None:
        """POST …/issues/N/labels with the documented `{"labels": [...]}` body (PyGithub's
        add_to_labels sends a bare array, a form the documentation no longer lists)."""
        self._post(f"label #{number}", f"/issues/{number}/labels", {"labels": list(labels)})

    def request_reviewers(self, number: int, reviewers: tuple[str, ...]) -> None:
        """People by login, teams as `org/team-slug` (the slug is what the API takes)."""
        people = [r for r in reviewers if "/" not in r]
        teams = [r.split("/", 1)[1] for r in reviewers if "/" in r]
        self._post(f"request reviews on #{number}", f"/pulls/{number}/requested_reviewers",
                   {"reviewers": people, "team_reviewers": teams})

    def add_assignees(self, number: int, assignees: tuple[str, ...]) -> None:
        self._post(f"assign #{number}", f"/issues/{number}/assignees", {"assignees": list(assignees)})

    def _post(self, what: str, path: str, body: dict) -> None:
        url = f"{self._repo.url}{path}"
        self._call(what, lambda: self._github.requester.requestJsonAndCheck("POST", url, input=body))

    def comment(self, number: int, body: str) -> None:
        self._call(f"comment on #{number}", lambda: self._repo.get_issue(number).create_comment(body))

    def react(self, number: int, comment_id: int, content: str = "eyes") -> None:
        self._call("react to the comment",
                   lambda: self._repo.get_issue(number).get_comment(comment_id).create_reaction(content))

    # -- retries ---------------------------------------------------------------------------
    def _call(self, what: str, call: Callable[[], T]) -> T:
        policy = self._retry
        for attempt in range(1, policy.attempts + 1):
            self.calls += 1
            try:
                return call()
            except PullRequestExists:
                raise
            except GithubException as error:
                if not _retryable(error) or attempt == policy.attempts:
                    raise GitHubError(f"GitHub: cannot {what}: HTTP {error.status}"
                                      + (f" ({_message(error)})" if _message(error) else ""), error.status) from None
                self._sleep(_delay(error, attempt, policy))
        raise AssertionError("unreachable")


def _info(pull: PullRequest) -> PullRequestInfo:
    head_repo = pull.head.repo.full_name if pull.head.repo is not None else None
    return PullRequestInfo(pull.number, pull.html_url, pull.title or "", pull.body or "",
                           tuple(label.name for label in pull.labels), pull.state, pull.head.ref, head_repo,
                           pull.head.sha, pull.base.ref, pull.merged_at is not None)


def _message(error: GithubException) -> str:
    data = error.data
    return str(data.get("message", "")) if isinstance(data, dict) else ""


def _retryable(error: GithubException) -> bool:
    return limits.retryable(error.status, _message(error), error.headers)


def _delay(error: GithubException, attempt: int, policy: RetryPolicy) -> float:
    return limits.retry_delay(error.status, _message(error), error.headers, attempt, policy)
