"""GitHub's REST API for a whole organisation, faked at the HTTP layer with `responses`: the
paginated repository listing (Link headers), git trees, pull request states and issues, with
bodies shaped like GitHub's and the x-ratelimit-* headers on every answer, which count down.
Listing pages and trees carry an ETag and answer a matching If-None-Match with a 304 that
does not count down; /rate_limit does not count either.

Its GraphQL endpoint answers the one query hardenbot sends (the organisation's repositories,
a page of 100 by cursor, as `bot.github.org_graphql` asks for them) from the same
repositories, with GitHub's shapes: `data`, and `errors` with a `path` where a test asks for
one (`graphql_errors`: a repository's fields to fail), null nodes (`graphql_null`), whole
pages failing (`graphql_page_failures`), or no GraphQL at all (`graphql = False`: 404, as a
GitHub Enterprise Server without it). It counts its own budget (x-ratelimit-resource: graphql).

`organisation(300)` makes a varied one: archived repositories, forks, empty ones, some with no
file hardenbot reads, Dockerfiles only in skipped folders, monorepos, listings GitHub cut short.
"""
from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import parse_qs, unquote, urlsplit

import responses

API = "https://api.github.com"


@dataclass
class FakeRepository:
    name: str
    default_branch: str = "main"
    archived: bool = False
    fork: bool = False
    empty: bool = False
    paths: tuple[str, ...] = ("README.md",)
    topics: tuple[str, ...] = ()
    truncated: bool = False
    has_sources: bool = False  # the generator's intent: a file hardenbot reads is among `paths`
    open_pull_request: int = 0  # the bot's open pull request (hardenbot/harden), 0: none
    config: bool = False  # has .github/hardenbot.yml


@dataclass
class FakeOrganisation:
    owner: str = "acme"
    repositories: list[FakeRepository] = field(default_factory=list)
    issues: dict[int, dict] = field(default_factory=dict)  # the central repository's, by number
    pulls: dict[tuple[str, int], dict] = field(default_factory=dict)  # (owner/name, number) → state
    calls: list[tuple[str, str]] = field(default_factory=list)
    failures: list[tuple[str, str, int, dict]] = field(default_factory=list)  # (method, path regex, status, headers)
    limit: int = 5000
    remaining: int = 5000
    reset: int = field(default_factory=lambda: int(time.time()) + 3600)  # an hour ahead
    user_account: bool = False  # the owner is a user: /orgs/… answers 404
    next_issue: int = 1
    graphql: bool = True  # False: POST /graphql answers 404
    graphql_errors: dict[str, set[str]] = field(default_factory=dict)  # repository name → fields that fail
    graphql_null: set[str] = field(default_factory=set)  # repository names whose node comes back null
    graphql_page_failures: set[int] = field(default_factory=set)  # 1-based hundreds whose pages fail whole
    graphql_largest_page: int = 100  # larger pages time out
    graphql_remaining: int = 5000
    queries: list[dict] = field(default_factory=list)  # the GraphQL variables, in order
    not_modified: list[str] = field(default_factory=list)  # the paths answered 304

    def __post_init__(self):
        self._lock = threading.Lock()

    @property
    def writes(self) -> list[tuple[str, str]]:
        return [c for c in self.calls if c[0] != "GET"]

    def calls_to(self, pattern: str) -> int:
        return sum(1 for _, path in self.calls if re.search(pattern, path))

    # -- routes -------------------------------------------------------------------------------
    def install(self, mock: responses.RequestsMock) -> None:
        owner = re.escape(self.owner)
        routes = [
            ("GET", rf"/(orgs|users)/{owner}/repos", self._list),
            ("GET", r"/repos/([^/]+/[^/]+)", self._repository),
            ("GET", r"/rate_limit", self._rate_limit),
            ("POST", r"/graphql", self._graphql),
            ("GET", r"/repos/([^/]+/[^/]+)/git/trees/([^?]+)", self._tree),
            ("GET", r"/repos/([^/]+/[^/]+)/pulls/(\d+)", self._pull),
            ("GET", r"/repos/([^/]+/[^/]+)/issues", self._list_issues),
            ("POST", r"/repos/([^/]+/[^/]+)/issues", self._create_issue),
            ("PATCH", r"/repos/([^/]+/[^/]+)/issues/(\d+)", self._edit_issue),
        ]
        for method, pattern, handler in routes:
            regex = re.compile(r"https://api\.github\.com(?::443)?" + pattern + r"(\?.*)?$")
            mock.add_callback(method, regex, callback=self._wrap(method, regex, handler))

    def _wrap(self, method, regex, handler):
        def callback(request):
            with self._lock:
                self.calls.append((method, request.path_url))
                path = request.path_url.split("?", 1)[0]
                free = path == "/rate_limit" or path == "/graphql"  # /graphql counts its own budget below
                self.remaining = self.remaining if free else max(0, self.remaining - 1)
                rate = {"x-ratelimit-limit": str(self.limit), "x-ratelimit-remaining": str(self.remaining),
                        "x-ratelimit-reset": str(self.reset), "x-ratelimit-resource": "core"}
                for index, (fail_method, fail_path, status, headers) in enumerate(self.failures):
                    if fail_method == method and re.search(fail_path, path):
                        del self.failures[index]
                        message = ("Server Error" if status >= 500 else "API rate limit exceeded for installation."
                                   if headers.get("x-ratelimit-remaining") == "0"
                                   else "You have exceeded a secondary rate limit.")
                        return status, {**rate, **headers}, json.dumps({"message": message})
                body = json.loads(request.body) if request.body else None
                status, payload, extra = handler(request, regex.match(request.url), body)
                text = json.dumps(payload)
                if method == "GET" and status == 200 and path != "/rate_limit":
                    etag = '"' + hashlib.sha256(text.encode()).hexdigest()[:32] + '"'
                    extra = {**extra, "ETag": etag}
                    if request.headers.get("If-None-Match") == etag:  # not counted against the limit
                        self.not_modified.append(path)
                        self.remaining += 1
                        rate["x-ratelimit-remaining"] = str(self.remaining)
                        return 304, {**rate, "ETag": etag}, ""
                if path == "/graphql":
                    rate = {**rate, "x-ratelimit-resource": "graphql", "x-ratelimit-remaining": str(self.graphql_remaining)}
            return status, {"Content-Type": "application/json", **rate, **extra}, text
        return callback

    def _repository(self, request, match, body):
        repo = self._find(match.group(1))
        if repo is None:
            return 404, {"message": "Not Found"}, {}
        return 200, self._repository_json(repo), {}

    def _rate_limit(self, request, match, body):
        core = {"limit": self.limit, "remaining": self.remaining, "reset": self.reset, "used": self.limit - self.remaining}
        return 200, {"resources": {"core": core}, "rate": core}, {}

    # -- GraphQL ------------------------------------------------------------------------------
    QUERY_PARTS = ("repositoryOwner(login: $owner)", "first: $first, after: $cursor", "ownerAffiliations: [OWNER]",
                   "pageInfo { hasNextPage endCursor }", "nameWithOwner isArchived isFork",
                   "defaultBranchRef { name }", "repositoryTopics(first: 20)", 'object(expression: "HEAD:")',
                   'object(expression: "HEAD:.github/hardenbot.yml")', 'object(expression: "HEAD:.github/workflows")',
                   "pullRequests(headRefName: $head, states: OPEN, first: 1)")

    def _graphql(self, request, match, body):
        if not self.graphql:
            return 404, {"message": "Not Found", "documentation_url": "https://docs.github.com/rest"}, {}
        query, variables = body.get("query", ""), body.get("variables") or {}
        missing = [part for part in self.QUERY_PARTS if part not in query]
        if missing:  # the fake answers one query: a changed one must change the fake too
            return 200, {"errors": [{"message": f"the fake does not answer this query: {missing[0]}"}]}, {}
        self.queries.append(variables)
        self.graphql_remaining -= 1
        owner = variables.get("owner")
        cursor, size = variables.get("cursor"), variables.get("first")
        if not isinstance(size, int) or not 1 <= size <= 100:
            return 200, {"errors": [{"message": "first must be between 1 and 100"}]}, {}
        start = int(cursor.removeprefix("cursor:")) if cursor else 0
        page = start // 100 + 1  # the hundred it starts in: a failing one fails at every size
        if owner != self.owner:
            return 200, {"data": {"rateLimit": {"cost": 1, "remaining": self.graphql_remaining},
                                  "repositoryOwner": None},
                         "errors": [{"type": "NOT_FOUND", "path": ["repositoryOwner"],
                                     "message": f"Could not resolve to a RepositoryOwner with the login of '{owner}'."}]}, {}
        if page in self.graphql_page_failures or size > self.graphql_largest_page:
            return 200, {"data": None, "errors": [{"message": "Something went wrong while executing your query. "
                                                              "This may be the result of a timeout."}]}, {}
        repos = sorted(self.repositories, key=lambda r: r.name)
        chunk = repos[start:start + size]
        nodes, errors = [], []
        for index, repo in enumerate(chunk):
            if repo.name in self.graphql_null:
                nodes.append(None)
                errors.append({"message": "timeout", "path": ["repositoryOwner", "repositories", "nodes", index]})
                continue
            node = self._node(repo, variables.get("head"))
            for failing in sorted(self.graphql_errors.get(repo.name, ())):
                node[failing] = None
                errors.append({"type": "SERVICE_UNAVAILABLE", "message": f"{failing}: timed out",
                               "path": ["repositoryOwner", "repositories", "nodes", index, failing]})
            nodes.append(node)
        more = start + size < len(repos)
        data = {"rateLimit": {"cost": 1, "remaining": self.graphql_remaining},
                "repositoryOwner": {"repositories": {"pageInfo": {"hasNextPage": more,
                                                                  "endCursor": f"cursor:{start + size}" if chunk else None},
                                                     "nodes": nodes}}}
        return 200, ({"data": data, "errors": errors} if errors else {"data": data}), {}

    def _node(self, repo: FakeRepository, head: str | None) -> dict:
        node = {"nameWithOwner": f"{self.owner}/{repo.name}", "isArchived": repo.archived, "isFork": repo.fork,
                "diskUsage": 0 if repo.empty else 120, "pushedAt": "2024-05-01T10:00:00Z",
                "defaultBranchRef": None if repo.empty else {"name": repo.default_branch},
                "repositoryTopics": {"nodes": [{"topic": {"name": t}} for t in repo.topics]},
                "config": {"oid": "c" * 40} if repo.config and not repo.empty else None, "configYaml": None,
                "pullRequests": {"nodes": [{"number": repo.open_pull_request}]
                                 if repo.open_pull_request and head == "hardenbot/harden" else []},
                "files": None, "workflows": None}
        if repo.empty:
            return node
        node["files"] = {"entries": self._entries(repo, "", levels=2)}
        if any(p.startswith(".github/workflows/") for p in repo.paths):
            node["workflows"] = {"entries": self._entries(repo, ".github/workflows/", levels=1)}
        return node

    def _entries(self, repo: FakeRepository, prefix: str, levels: int) -> list[dict]:
        """A tree's entries as GraphQL gives them: name, type, and (`levels` > 1) a folder's own."""
        children: dict[str, str] = {}
        for path in repo.paths:
            if path.startswith(prefix):
                head, _, rest = path[len(prefix):].partition("/")
                children[head] = "tree" if rest else children.get(head, "blob")
        entries = []
        for name, kind in sorted(children.items()):
            entry: dict = {"name": name, "type": kind}
            if levels > 1:
                entry["object"] = {"entries": self._entries(repo, f"{prefix}{name}/", levels - 1)} \
                    if kind == "tree" else {}
            entries.append(entry)
        return entries

    def _list(self, request, match, body):
        if self.user_account and match.group(1) == "orgs":
            return 404, {"message": "Not Found"}, {}
        query = parse_qs(urlsplit(request.url).query)
        per_page, page = int(query.get("per_page", ["30"])[0]), int(query.get("page", ["1"])[0])
        repos = sorted(self.repositories, key=lambda r: r.name)
        chunk = repos[(page - 1) * per_page: page * per_page]
        extra = {}
        if page * per_page < len(repos):
            base = request.url.split("?", 1)[0]
            extra["Link"] = (f'<{base}?type=all&sort=full_name&per_page={per_page}&page={page + 1}>; rel="next", '
                             f'<{base}?per_page={per_page}&page={-(-len(repos) // per_page)}>; rel="last"')
        return 200, [self._repository_json(r) for r in chunk], extra

    def _repository_json(self, repo: FakeRepository) -> dict:
        full_name = f"{self.owner}/{repo.name}"
        return {"id": abs(hash(full_name)) % 10**9, "name": repo.name, "full_name": full_name,
                "owner": {"login": self.owner, "type": "Organization"}, "private": False,
                "html_url": f"https://github.com/{full_name}", "fork": repo.fork, "archived": repo.archived,
                "disabled": False, "size": 0 if repo.empty else 120, "default_branch": repo.default_branch,
                "topics": list(repo.topics), "pushed_at": "2024-05-01T10:00:00Z", "visibility": "public"}

    def _find(self, full_name: str) -> FakeRepository | None:
        owner, _, name = full_name.partition("/")
        return next((r for r in self.repositories if owner == self.owner and r.name == name), None)

    def _tree(self, request, match, body):
        repo = self._find(match.group(1))
        if repo is None:
            return 404, {"message": "Not Found"}, {}
        if repo.empty:
            return 409, {"message": "Git Repository is empty."}, {}
        if unquote(match.group(2)) != repo.default_branch:
            return 404, {"message": "Not Found"}, {}
        entries = [{"path": p, "mode": "100644", "type": "blob", "sha": "0" * 40, "size": 10} for p in repo.paths]
        folders = sorted({p.rsplit("/", 1)[0] for p in repo.paths if "/" in p})
        entries += [{"path": f, "mode": "040000", "type": "tree", "sha": "1" * 40} for f in folders]
        return 200, {"sha": "2" * 40, "tree": entries, "truncated": repo.truncated}, {}

    def _pull(self, request, match, body):
        pull = self.pulls.get((match.group(1), int(match.group(2))))
        if pull is None:
            return 404, {"message": "Not Found"}, {}
        return 200, {"number": int(match.group(2)), "state": pull["state"], "merged": pull.get("merged", False),
                     "html_url": f"https://github.com/{match.group(1)}/pull/{match.group(2)}"}, {}

    def _list_issues(self, request, match, body):
        query = parse_qs(urlsplit(request.url).query)
        labels = set(",".join(query.get("labels", [""])).split(",")) - {""}
        state = query.get("state", ["open"])[0]
        found = [i for i in sorted(self.issues.values(), key=lambda i: -i["number"])
                 if labels <= {label["name"] for label in i["labels"]} and state in ("all", i["state"])]
        return 200, found, {}

    def _create_issue(self, request, match, body):
        number = self.next_issue
        self.next_issue += 1
        issue = {"number": number, "id": 5000 + number, "title": body["title"], "body": body.get("body", ""),
                 "state": "open", "labels": [{"name": n, "color": "ededed"} for n in body.get("labels", [])],
                 "html_url": f"https://github.com/{match.group(1)}/issues/{number}",
                 "user": {"login": "hardenbot[bot]"}}
        self.issues[number] = issue
        return 201, issue, {}

    def _edit_issue(self, request, match, body):
        issue = self.issues[int(match.group(2))]
        issue.update({k: v for k, v in body.items() if k in ("title", "body", "state")})
        return 200, issue, {}


def organisation(count: int, owner: str = "acme") -> FakeOrganisation:
    """`count` repositories, varied as an organisation is, each kind at a fixed stride; each
    says whether it was made with a file hardenbot reads, for the tests to check the plan."""
    return FakeOrganisation(owner, [_repository(index) for index in range(count)])


def _repository(index: int) -> FakeRepository:
    name = f"svc-{index:05d}"
    branch = "master" if index % 7 == 0 else "main"
    topics = ("containers",) if index % 3 == 0 else ()
    if index % 20 == 3:
        return FakeRepository(name, branch, empty=True, paths=(), topics=topics)
    kind = index % 12
    has_sources = kind not in (1, 5, 9)
    if kind in (1, 5):
        paths = ("README.md", "src/main.py", "docs/dockerfile-guide.md", "Dockerfile.j2")  # nothing hardenbot reads
    elif kind == 9:
        paths = ("README.md", "web/node_modules/pkg/Dockerfile", "vendor/lib/docker-compose.yml")  # skipped folders
    elif kind == 2:
        paths = ("README.md", "docker-compose.yml", *(f"services/s{k:02d}/Dockerfile" for k in range(30)))
    elif kind == 6:
        paths = ("README.md", ".github/workflows/ci.yml")
    elif kind == 10:
        paths = ("README.md", "deploy/compose.prod.yaml")
    else:
        paths = ("README.md", "Dockerfile", "app/main.py")
    truncated = index % 25 == 13  # a huge monorepo: its listing is cut, in the part shown no Dockerfile
    if truncated:
        paths, has_sources = tuple(f"data/{k:02d}/part/{k}.csv" for k in range(50)), False
    return FakeRepository(name, branch, archived=index % 10 == 0, fork=index % 15 == 7, paths=paths,
                          topics=topics, truncated=truncated, has_sources=has_sources,
                          open_pull_request=index + 1 if has_sources and index % 4 == 0 else 0, config=index % 5 == 1)
