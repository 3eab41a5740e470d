"""GitHub REST calls across an organisation: its repositories (paginated), each one's file
paths (the git tree API: one call, no clone), a bot's last closed pull request (merged or
not), and the dashboard issue.

Plain `requests` rather than PyGithub, as here every response's headers matter: the Link
header drives pagination, and the x-ratelimit-* headers are the budget the plan spends and
hands on to the matrix. Every call is counted; calls start no closer together than the pace
(GitHub's secondary limit is 900 points a minute for REST, a GET costing 1, a write 5), and
failures are retried on `bot.github.limits`' reading of GitHub's rules. Several threads may
share one client. The token goes in the Authorization header only; errors never carry it.

Reads are conditional when an `EtagStore` is given: the listing pages and trees are asked for
with the ETag of their last answer (`If-None-Match`), and a 304 — which GitHub does not count
against the primary rate limit — hands back what that answer said. GraphQL answers
(`graphql`) carry the GraphQL limit's headers, a budget apart from REST's: they are not read
as the budget the matrix spends, which `rate_limit` (a call GitHub does not count) reads.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import quote

import requests

from bot.github import limits
from bot.github.api import GITHUB_RETRIES, GitHubError
from bot.github.issues import IssueInfo, issue_from
from bot.github.limits import RateBudget
from bot.github.pace import POINTS_PER_MINUTE, WRITE_POINTS, Pace
from bot.record import record
from bot.retry import RetryPolicy

PER_PAGE = 100  # GitHub's largest page
LISTED_FIELDS = ("full_name", "default_branch", "archived", "fork", "size", "topics", "pushed_at")


@record
class TreeSketch:
    """A repository's files near the top, as a GraphQL listing gives them: the blob paths it
    saw, and the folders it did not open (their content unknown)."""
    blobs: tuple[str, ...]
    unopened: tuple[str, ...]


@record
class OrgRepository:
    """One repository as the organisation listing describes it (no further call)."""
    full_name: str
    default_branch: str
    archived: bool
    fork: bool
    size: int  # kilobytes; 0 for an empty repository, but GitHub computes it hourly
    topics: tuple[str, ...]
    pushed_at: str
    # From a GraphQL listing only (REST: None, unknown): the files near the top of the default
    # branch (an empty sketch for an empty repository), the configuration file's blob id
    # ("" when there is none) and the bot's open pull request's number (0: none open).
    sketch: TreeSketch | None = None
    empty: bool = False  # GraphQL: no default branch, so no commit
    config_blob: str | None = None
    open_pull_request: int | None = None


@record
class TreeListing:
    paths: tuple[str, ...]  # every blob's repository-relative path
    truncated: bool  # GitHub cut the listing (over 100,000 entries or 7 MB): paths are a part


@record
class PullRequestState:
    number: int
    url: str  # html_url
    state: str  # open, merged or closed


EtagStore = dict[str, tuple[str, Any]]  # URL → (ETag, what its answer said: JSON data and the next page's URL)


class GitHubOrg:
    def __init__(self, token: str, *, base_url: str = "https://api.github.com", retry: RetryPolicy = GITHUB_RETRIES,
                 sleep: Callable[[float], None] | None = None, points_per_minute: float | None = POINTS_PER_MINUTE,
                 etags: EtagStore | None = None):
        self._base = base_url.rstrip("/")
        self.etags = etags
        self._session = requests.Session()
        self._session.headers.update({"Authorization": f"Bearer {token}", "Accept": "application/vnd.github+json",
                                      "X-GitHub-Api-Version": "2022-11-28", "User-Agent": "hardenbot"})
        self._retry = retry
        self._sleep = sleep or (lambda seconds: time.sleep(seconds))
        self._pace = Pace(points_per_minute, sleep=self._sleep)
        self._lock = threading.Lock()
        self.calls = 0
        self.not_modified = 0  # of the calls, the 304s: not counted against the primary limit
        self.budget: RateBudget | None = None  # as the latest REST response told it

    # -- reading ---------------------------------------------------------------------------
    def repositories(self, owner: str) -> Iterator[OrgRepository]:
        """Every repository of an organisation (or, when `owner` is a user, of that user), one
        page of 100 a call, following GitHub's Link header."""
        what = f"list the repositories of {owner}"
        url: str | None = f"{self._base}/orgs/{quote(owner)}/repos?type=all&sort=full_name&per_page={PER_PAGE}"
        try:
            items, url = self._get_json(url, what, keep=_listed_fields)
        except GitHubError as error:
            if error.status != 404:
                raise
            items, url = self._get_json(f"{self._base}/users/{quote(owner)}/repos?type=owner&sort=full_name"
                                        f"&per_page={PER_PAGE}", what, keep=_listed_fields)
        while True:
            yield from (_repository(item) for item in items)
            if not url:
                return
            items, url = self._get_json(url, what, keep=_listed_fields)

    def repository(self, full_name: str) -> OrgRepository:
        """One repository as the listing would describe it."""
        return _repository(self._get_json(f"{self._base}/repos/{full_name}", f"read {full_name}")[0])

    def rate_limit(self) -> RateBudget | None:
        """The REST budget left, read with a call GitHub does not count against it; None when
        there is none to read (a GitHub Enterprise Server without rate limits answers 404)."""
        try:
            core = self._request("GET", f"{self._base}/rate_limit", "read the rate limit").json()
        except GitHubError as error:
            if error.status != 404:
                raise
            return None
        core = core.get("resources", {}).get("core") if isinstance(core, dict) else None
        if isinstance(core, dict) and all(isinstance(core.get(k), int) for k in ("limit", "remaining", "reset")):
            with self._lock:
                self.budget = RateBudget(core["limit"], core["remaining"], float(core["reset"]))
        return self.budget

    def graphql(self, query: str, variables: dict[str, Any], what: str) -> dict[str, Any]:
        """The whole answer to a GraphQL query — `data` and any `errors` — as GitHub gave it."""
        response = self._request("POST", self._graphql_url(), what, {"query": query, "variables": variables},
                                 points=1)  # a query, not a mutation: 1 point of the secondary limit
        try:
            answer = response.json()
        except ValueError:
            raise GitHubError(f"GitHub: cannot {what}: the GraphQL answer is not JSON", response.status_code) from None
        if not isinstance(answer, dict):
            raise GitHubError(f"GitHub: cannot {what}: the GraphQL answer is not an object", response.status_code)
        return answer

    def _graphql_url(self) -> str:
        """api.github.com/graphql; GitHub Enterprise Server: https://HOST/api/graphql beside /api/v3."""
        return self._base[:-len("/v3")] + "/graphql" if self._base.endswith("/api/v3") else self._base + "/graphql"

    def tree(self, full_name: str, ref: str) -> TreeListing | None:
        """The paths of every file at `ref`, in one call; None when the repository is empty."""
        url = f"{self._base}/repos/{full_name}/git/trees/{quote(ref, safe='')}?recursive=1"
        try:
            data, _ = self._get_json(url, f"list the files of {full_name}", keep=_blob_paths)
        except GitHubError as error:
            if error.status in (404, 409):  # 409: "Git Repository is empty."; 404: no such branch yet
                return None
            raise
        return TreeListing(tuple(data["paths"]), data["truncated"])

    def last_closed_pull_request(self, full_name: str, head_branch: str) -> PullRequestState | None:
        """The most recently closed pull request from `head_branch`, merged or not (None: none)."""
        owner = full_name.split("/", 1)[0]
        url = (f"{self._base}/repos/{full_name}/pulls?state=closed&head={quote(f'{owner}:{head_branch}')}"
               f"&sort=updated&direction=desc&per_page=1")
        for item in self._request("GET", url, f"list the closed pull requests of {full_name}").json():
            return PullRequestState(item["number"], item.get("html_url", ""),
                                    "merged" if item.get("merged_at") else "closed")
        return None

    def issues_labelled(self, full_name: str, label: str) -> list[IssueInfo]:
        """Open and closed issues carrying `label`, most recently updated first (the first
        page: a dashboard is one issue). The listing, unlike search, sees an issue as soon as
        it is created, so two runs never both miss it."""
        url = (f"{self._base}/repos/{full_name}/issues?labels={quote(label)}&state=all&sort=updated"
               f"&direction=desc&per_page={PER_PAGE}")
        return [issue_from(item) for item in self._request("GET", url, f"list the issues of {full_name}").json()
                if "pull_request" not in item]

    # -- writing ---------------------------------------------------------------------------
    def create_issue(self, full_name: str, title: str, body: str, labels: tuple[str, ...]) -> IssueInfo:
        payload = {"title": title, "body": body, "labels": list(labels)}
        return issue_from(self._request("POST", f"{self._base}/repos/{full_name}/issues",
                                        f"create an issue in {full_name}", payload).json())

    def update_issue(self, full_name: str, number: int, **fields: str) -> IssueInfo:
        return issue_from(self._request("PATCH", f"{self._base}/repos/{full_name}/issues/{number}",
                                        f"update issue #{number} of {full_name}", fields).json())

    # -- every call --------------------------------------------------------------------------
    def _get_json(self, url: str, what: str, keep: Callable[[Any], Any] = lambda data: data) -> tuple[Any, str | None]:
        """A GET's JSON (what `keep` keeps of it) and the next page's URL (Link header), asked
        for conditionally when an ETag store is kept: on a 304, what the stored answer said."""
        stored = self.etags.get(url) if self.etags is not None else None
        headers = {"If-None-Match": stored[0]} if stored else None
        response = self._request("GET", url, what, headers=headers)
        if response.status_code == 304 and stored:
            with self._lock:
                self.not_modified += 1
            return stored[1]["data"], stored[1]["next"]
        said = keep(response.json()), response.links.get("next", {}).get("url")
        etag = response.headers.get("ETag")
        if self.etags is not None and etag:
            self.etags[url] = (etag, {"data": said[0], "next": said[1]})
        return said

    def _request(self, method: str, url: str, what: str, payload: dict[str, Any] | None = None, *,
                 headers: dict[str, str] | None = None, points: int | None = None) -> requests.Response:
        policy = self._retry
        for attempt in range(1, policy.attempts + 1):
            self._pace.wait(points or (1 if method == "GET" else WRITE_POINTS))
            with self._lock:
                self.calls += 1
            try:
                response = self._session.request(method, url, json=payload, headers=headers, timeout=30)
            except requests.RequestException as error:
                if attempt == policy.attempts:
                    raise GitHubError(f"GitHub: cannot {what}: {type(error).__name__}") from None
                self._sleep(policy.backoff(attempt))
                continue
            budget = limits.budget_from(response.headers)
            if budget is not None and limits.header(response.headers, "x-ratelimit-resource") != "graphql":
                with self._lock:
                    self.budget = limits.latest(self.budget, budget)
            if response.status_code < 400:
                return response
            message = _message(response)
            if not limits.retryable(response.status_code, message, response.headers) or attempt == policy.attempts:
                raise GitHubError(f"GitHub: cannot {what}: HTTP {response.status_code}"
                                  + (f" ({message})" if message else ""), response.status_code)
            self._sleep(limits.retry_delay(response.status_code, message, response.headers, attempt, policy))
        raise AssertionError("unreachable")


def _message(response: requests.Response) -> str:
    try:
        data = response.json()
    except ValueError:
        return ""
    return str(data.get("message", "")) if isinstance(data, dict) else ""


def _repository(item: dict[str, Any]) -> OrgRepository:
    return OrgRepository(item["full_name"], item.get("default_branch") or "main", bool(item.get("archived")),
                         bool(item.get("fork")), int(item.get("size") or 0), tuple(item.get("topics") or ()),
                         item.get("pushed_at") or "")


def _blob_paths(tree: dict[str, Any]) -> dict[str, Any]:
    """Of a tree answer, what `tree` reads (and an ETag store keeps): the files' paths."""
    return {"paths": [entry["path"] for entry in tree.get("tree", ()) if entry.get("type") == "blob"],
            "truncated": bool(tree.get("truncated"))}


def _listed_fields(page: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Of a listing page, what `_repository` reads (and an ETag store keeps)."""
    return [{key: item[key] for key in LISTED_FIELDS if key in item} for item in page]
