"""An organisation's repositories through GitHub's GraphQL API: a page of 100 a call, each
repository with what the plan would otherwise spend REST calls on — its default branch,
archived and fork state, topics, the files near the top of its default branch (every entry
of the root and of each folder in it, and of `.github/workflows`), the configuration file's
blob and the bot's open pull request (by head branch) — following the page cursor.

A page that fails as a whole (most likely a timeout: each repository's files make a page
heavy) is asked again a quarter as big, down to 6, from the same cursor.
REST stands in wherever GraphQL still does not answer, and the log says so once:
- the endpoint is missing or refused (GitHub Enterprise Server without it, a 404 or 401, a
  token it does not take) or a page fails as a whole (`data` null, or no listing in it): the
  REST listing gives the repositories GraphQL did not;
- a page leaves a repository out (a null node, its name unknown): the REST listing too;
- a page's `errors` name a repository (`path` into its node): its files' part unknown, it is
  probed through REST; an error on its listing fields, and it is read again through REST.
The answer is checked as untrusted input: a value of the wrong shape counts as an error there.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from bot.github.api import GitHubError
from bot.github.org import GitHubOrg, OrgRepository, TreeSketch
from bot.record import record

WORKFLOWS = ".github/workflows"

QUERY = """
query($owner: String!, $cursor: String, $first: Int!, $head: String!) {
  rateLimit { cost remaining }
  repositoryOwner(login: $owner) {
    repositories(first: $first, after: $cursor, ownerAffiliations: [OWNER], orderBy: {field: NAME, direction: ASC}) {
      pageInfo { hasNextPage endCursor }
      nodes {
        nameWithOwner isArchived isFork diskUsage pushedAt
        defaultBranchRef { name }
        repositoryTopics(first: 20) { nodes { topic { name } } }
        config: object(expression: "HEAD:.github/hardenbot.yml") { ... on Blob { oid } }
        configYaml: object(expression: "HEAD:.github/hardenbot.yaml") { ... on Blob { oid } }
        pullRequests(headRefName: $head, states: OPEN, first: 1) { nodes { number } }
        files: object(expression: "HEAD:") {
          ... on Tree { entries { name type object { ... on Tree { entries { name type } } } } }
        }
        workflows: object(expression: "HEAD:.github/workflows") { ... on Tree { entries { name type } } }
      }
    }
  }
}
"""  # topics: GitHub allows 20 a repository; the configuration: bot.config's two names, first found

PAGE_SIZE = 100  # GitHub's largest
SMALLEST_PAGE = 6  # a page that times out is asked again a quarter as big: 100, 25, 6
NODES_PATH = ["repositoryOwner", "repositories", "nodes"]
SKETCH_FIELDS = frozenset({"files", "workflows"})  # an error there: probe the tree through REST
EXTRA_FIELDS = frozenset({"config", "configYaml", "pullRequests"})  # an error there: that part unknown


@record
class GraphPage:
    repositories: tuple[tuple[str, OrgRepository | None], ...]  # by name, in order; None: an error touched
    # its listing fields, to be read again through REST
    left_out: int  # null or unreadable nodes: names unknown
    next_cursor: str | None
    cost: int  # points of the GraphQL limit


def list_repositories(client: GitHubOrg, owner: str, head_branch: str,
                      log: Callable[[str], None] = lambda line: None) -> list[OrgRepository]:
    """Every repository of `owner` (organisation or user), through GraphQL where it answers
    and REST for the rest."""
    found: dict[str, OrgRepository | None] = {}  # in listing order; None: to read again through REST
    left_out, pages, cost = 0, 0, 0
    stopped: str | None = None
    cursor: str | None = None
    size = PAGE_SIZE
    while True:
        try:
            answer = client.graphql(QUERY, {"owner": owner, "cursor": cursor, "first": size, "head": head_branch},
                                    f"list the repositories of {owner} (GraphQL)")
        except GitHubError as error:
            if error.status is not None and error.status < 500:  # not there, or refused: a smaller page won't do
                stopped = f"HTTP {error.status}"
                break
            answer = {"errors": [{"message": str(error)}]}
        page = read_page(answer)
        if isinstance(page, str):
            if size > SMALLEST_PAGE and not _no_such_owner(answer):  # a page this big may have timed out
                size //= 4
                log(f"{owner}: a GraphQL page failed ({page}): pages of {size} from here")
                continue
            stopped = page
            break
        pages, cost = pages + 1, cost + page.cost
        found.update(page.repositories)
        left_out += page.left_out
        if page.next_cursor is None:
            break
        if page.next_cursor == cursor:  # a listing that does not move on would never end
            stopped = "the page cursor did not move"
            break
        cursor = page.next_cursor
    if stopped is not None or left_out:
        why = f"GraphQL stopped ({stopped})" if stopped else f"GraphQL left out {left_out} repositories"
        log(f"{owner}: {why}: the REST listing gives the repositories it did not")
        return [found.get(repo.full_name) or repo for repo in client.repositories(owner)]
    log(f"{owner}: {len(found)} repositories in {pages} GraphQL pages ({cost} points)")
    reread = [name for name, repo in found.items() if repo is None]
    if reread:
        log(f"{owner}: GraphQL errors on {len(reread)} repositories: read through REST")
        found.update(_read_again(client, reread))
    return [repo for repo in found.values() if repo is not None]


def _no_such_owner(answer: dict[str, Any]) -> bool:
    data = answer.get("data")
    return isinstance(data, dict) and "repositoryOwner" in data and data["repositoryOwner"] is None


def _read_again(client: GitHubOrg, names: list[str]) -> dict[str, OrgRepository]:
    again = {}
    for name in names:
        try:
            again[name] = client.repository(name)
        except GitHubError as error:
            if error.status != 404:  # 404: gone since the listing
                raise
    return again


def read_page(answer: dict[str, Any]) -> GraphPage | str:
    """One page of the listing, or why the whole page is unusable."""
    data = answer.get("data")
    errors = [e for e in _list(answer.get("errors")) if isinstance(e, dict)]
    connection = _at(data, NODES_PATH[:2])
    nodes = _at(connection, ["nodes"])
    if not isinstance(nodes, list):
        message = next((str(e.get("message", "")) for e in errors), "") or "no listing in the answer"
        return message[:200]
    by_node: dict[int, set[str]] = {}
    for error in errors:
        path = error.get("path")
        if isinstance(path, list) and path[:3] == NODES_PATH and len(path) > 3 and isinstance(path[3], int):
            by_node.setdefault(path[3], set()).add(str(path[4]) if len(path) > 4 else "")
    repositories: list[tuple[str, OrgRepository | None]] = []
    left_out = 0
    for index, node in enumerate(nodes):
        repository = _repository(node, by_node.get(index, set()))
        name = repository.full_name if repository else node.get("nameWithOwner") if isinstance(node, dict) else None
        if isinstance(name, str) and name.count("/") == 1:
            repositories.append((name, repository))
        else:
            left_out += 1
    info = _at(connection, ["pageInfo"])
    more = _at(info, ["hasNextPage"]) is True and isinstance(_at(info, ["endCursor"]), str)
    cost = _at(data, ["rateLimit", "cost"])
    return GraphPage(tuple(repositories), left_out, _at(info, ["endCursor"]) if more else None,
                     cost if isinstance(cost, int) else 0)


def _repository(node: Any, errored: set[str]) -> OrgRepository | None:
    """The repository a node describes; None when its listing fields are missing or errored."""
    if not isinstance(node, dict) or errored - SKETCH_FIELDS - EXTRA_FIELDS:
        return None
    name, archived, fork = node.get("nameWithOwner"), node.get("isArchived"), node.get("isFork")
    branch = node.get("defaultBranchRef")
    if not (isinstance(name, str) and name.count("/") == 1 and isinstance(archived, bool) and isinstance(fork, bool)
            and (branch is None or isinstance(_at(branch, ["name"]), str))):
        return None
    topics = tuple(t for t in (_at(n, ["topic", "name"]) for n in _list(_at(node, ["repositoryTopics", "nodes"])))
                   if isinstance(t, str))
    size, pushed = node.get("diskUsage"), node.get("pushedAt")
    repository = OrgRepository(name, branch["name"] if branch else "main", archived, fork,
                               size if isinstance(size, int) else 0, topics, pushed if isinstance(pushed, str) else "")
    if branch is None:  # no default branch: no commit yet
        return replace(repository, empty=True, sketch=TreeSketch((), ()), config_blob="", open_pull_request=0)
    sketch = None if errored & SKETCH_FIELDS else _sketch(node.get("files"), node.get("workflows"))
    config = None if errored & {"config", "configYaml"} else next(
        (oid for oid in (_at(node, ["config", "oid"]), _at(node, ["configYaml", "oid"])) if isinstance(oid, str)), "")
    pulls = _at(node, ["pullRequests", "nodes"])
    number = _at(pulls[0], ["number"]) if isinstance(pulls, list) and pulls else 0
    return replace(repository, sketch=sketch, config_blob=config,
                   open_pull_request=None if "pullRequests" in errored or not isinstance(number, int) else number)


def _sketch(files: Any, workflows: Any) -> TreeSketch | None:
    """Blob paths and unopened folders from the root's entries (each folder's own entries one
    level down) and `.github/workflows`' entries; None when the root is not a tree."""
    root = _at(files, ["entries"])
    if not isinstance(root, list):
        return None
    blobs: list[str] = []
    unopened: list[str] = []

    def add(prefix: str, entries: Any, opened: bool) -> bool:
        if not isinstance(entries, list):
            return False
        for entry in entries:
            name, kind = _at(entry, ["name"]), _at(entry, ["type"])
            if not isinstance(name, str) or not name or "/" in name:
                continue
            path = f"{prefix}{name}"
            if kind == "blob":
                blobs.append(path)
            elif kind == "tree" and not (opened and add(f"{path}/", _at(entry, ["object", "entries"]), False)):
                unopened.append(path)
        return True

    add("", root, True)
    if add(f"{WORKFLOWS}/", _at(workflows, ["entries"]), False):
        unopened[:] = [path for path in unopened if path != WORKFLOWS]
    return TreeSketch(tuple(blobs), tuple(unopened))


def _at(value: Any, keys: list[str]) -> Any:
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []
