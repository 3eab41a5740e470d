"""Which repositories of an organisation get a hardening job, decided in one pass over the
listing and, where the listing does not tell, one tree call per remaining repository, without
cloning anything.

The listing comes through GraphQL (`bot.github.org_graphql`: a page of 100 a call, with the
files near the top of each default branch) or, where GraphQL does not answer, REST.
Skipped from the listing alone (no call): archived repositories and forks (unless asked for),
and those the topic, include and exclude filters leave out. Then what the GraphQL sketch of
its files settles: a file a source kind covers near the top keeps the repository; no commit
skips it as empty; every folder opened (or left unopened only inside a skipped folder) and no
such file skips it. The others — a sketch with folders not opened, or a REST listing — are
read with one tree call at the default branch: empty repositories and those with no file a
source kind covers (Dockerfile, compose file, workflow) are skipped. Only paths decide, with
the same predicates and skipped folders as discovery; a workflow counts even when it names no
image, as telling would take its content (the job then finds nothing, for one or two API
calls). A listing GitHub cut short (over 100,000 entries) with no such path in its part keeps
the repository: it may have some.

The budget: probing stops when the primary rate limit left falls to `reserve`, which is kept
for the matrix jobs (installation tokens of one GitHub App share one limit); the repositories
not probed yet still get their job, marked so. `max_parallel` turns what is left into a
`max-parallel` suggestion for the matrix. GraphQL answers carry the GraphQL limit, not the REST
one the jobs spend: after a GraphQL listing one `rate_limit` call (not counted) reads it.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import field
from enum import StrEnum
from typing import TYPE_CHECKING

from bot.github.limits import RateBudget
from bot.org.defaults import MATRIX_LIMIT, RESERVE
from bot.progress import Progress
from bot.record import record
from bot.sources import kind_of
from bot.sources.discovery import SKIPPED_DIRS
from bot.sources.globs import glob_matches

if TYPE_CHECKING:  # the client, with requests, is loaded by the commands that call GitHub only
    from bot.github.org import GitHubOrg, OrgRepository

CALLS_PER_JOB = 6  # the most a job spends: find, create, a lost race's second find, labels, and a retry
JOB_SECONDS = 120.0  # a job's wall time, the action's image build included, for the pace of the matrix
DEFAULT_PARALLEL = 20  # when no response told the budget
HEAD_BRANCH = "hardenbot/harden"  # the bot's branch, as the action's `branch` input defaults


class Skip(StrEnum):
    ARCHIVED = "archived"
    FORK = "fork"
    FILTERED = "filtered"  # left out by --topic, --include or --exclude
    EMPTY = "empty"
    NO_SOURCES = "no Dockerfile, compose file or workflow"


@record
class PlanFilters:
    topics: tuple[str, ...] = ()  # any of these topics (none: every repository)
    include: tuple[str, ...] = ()  # globs over `name` or `owner/name` (none: every repository)
    exclude: tuple[str, ...] = ()
    archived: bool = False  # keep archived repositories (their pushes fail: for reports only)
    forks: bool = False


@record
class Candidate:
    repository: str  # owner/name
    base_branch: str
    probed: bool = True  # False: the budget ran out before its tree was read
    truncated: bool = False  # GitHub cut its tree listing short
    # As a GraphQL listing told them (None: not known, as from REST): the configuration
    # file's blob id ("" none) and the bot's open pull request (0 none), for the plan file.
    config_blob: str | None = None
    open_pull_request: int | None = None


@record
class Plan:
    owner: str
    selected: tuple[Candidate, ...]
    skipped: tuple[tuple[str, Skip], ...]
    calls: int  # API calls the plan made
    budget: RateBudget | None  # the primary limit after the plan
    max_parallel: int
    deferred: tuple[Candidate, ...] = field(default=())  # beyond the matrices' capacity: a later run


def listing_skip(repo: OrgRepository, filters: PlanFilters) -> Skip | None:
    """Why the listing alone leaves `repo` out, or None."""
    if repo.archived and not filters.archived:
        return Skip.ARCHIVED
    if repo.fork and not filters.forks:
        return Skip.FORK
    name = repo.full_name.split("/", 1)[1]
    named = any(glob_matches(p, name) or glob_matches(p, repo.full_name) for p in filters.include)
    if (filters.topics and not set(filters.topics) & set(repo.topics)) or (filters.include and not named) \
            or any(glob_matches(p, name) or glob_matches(p, repo.full_name) for p in filters.exclude):
        return Skip.FILTERED
    return None


def has_sources(paths: Iterable[str]) -> bool:
    """Whether discovery would find a file to read among `paths` (skipped folders skipped)."""
    return any(kind_of(path) is not None and SKIPPED_DIRS.isdisjoint(path.split("/")[:-1]) for path in paths)


def sketch_verdict(repo: OrgRepository) -> Candidate | Skip | None:
    """What the GraphQL listing's sketch of `repo`'s files settles, or None: read its tree."""
    if repo.empty:
        return Skip.EMPTY
    sketch = repo.sketch
    if sketch is None:
        return None
    if has_sources(sketch.blobs):
        return _candidate(repo)
    if all(not SKIPPED_DIRS.isdisjoint(folder.split("/")) for folder in sketch.unopened):
        return Skip.NO_SOURCES
    return None


def probe(client: GitHubOrg, repo: OrgRepository, reserve: int) -> Candidate | Skip:
    """A candidate from `repo`'s tree, or why it is skipped; unprobed when the budget is at
    the reserve."""
    budget = client.budget
    if budget is not None and budget.remaining <= reserve:
        return _candidate(repo, probed=False)
    listing = client.tree(repo.full_name, repo.default_branch)
    if listing is None:
        return Skip.EMPTY
    if has_sources(listing.paths) or listing.truncated:
        return _candidate(repo, truncated=listing.truncated)
    return Skip.NO_SOURCES


def _candidate(repo: OrgRepository, *, probed: bool = True, truncated: bool = False) -> Candidate:
    return Candidate(repo.full_name, repo.default_branch, probed, truncated, repo.config_blob, repo.open_pull_request)


def max_parallel(budget: RateBudget | None, jobs: int, *, now: float | None = None,
                 calls_per_job: int = CALLS_PER_JOB, job_seconds: float = JOB_SECONDS) -> int:
    """Matrix jobs to run at once so that, at `job_seconds` a job and `calls_per_job` API calls
    each, they spend no more than what is left before the reset, nor more than the whole
    limit in any hour after it. At least 1, at most the jobs there are and a matrix's 256."""
    if budget is None:
        parallel = DEFAULT_PARALLEL
    else:
        window = max(budget.seconds_to_reset(now), job_seconds)
        before_reset = budget.remaining * job_seconds / (calls_per_job * window)
        after_reset = budget.limit * job_seconds / (calls_per_job * 3600.0)
        parallel = int(min(before_reset, after_reset))
    return max(1, min(parallel, MATRIX_LIMIT, max(jobs, 1)))


def make_plan(client: GitHubOrg, owner: str, filters: PlanFilters = PlanFilters(), *, workers: int = 8,
              reserve: int = RESERVE, capacity: int | None = None, rotation: int = 0, graphql: bool = True,
              head_branch: str = HEAD_BRANCH, log: Callable[[str], None] = lambda line: None,
              progress: Progress | None = None) -> Plan:
    """List `owner`'s repositories (through GraphQL unless `graphql` is False), skip what the
    listing and the trees rule out, and keep at most `capacity` candidates for this run (the
    others are deferred; `rotation`, such as the workflow's run number, moves the window so
    that successive runs reach every one). `head_branch`: the bot's, whose open pull request
    the GraphQL listing names. Each repository not skipped from the listing alone is told to
    `progress` (by default a line in `log`): those the GraphQL sketch settles at once, then
    each as its tree is read."""
    if graphql:
        from bot.github.org_graphql import list_repositories

        listed = list_repositories(client, owner, head_branch, log)
        if client.budget is None:
            client.rate_limit()
    else:
        listed = list(client.repositories(owner))
        log(f"{owner}: {len(listed)} repositories in {client.calls} pages")
    skipped: list[tuple[str, Skip]] = []
    verdicts: dict[str, Candidate | Skip] = {}
    sketched, to_probe = [], []
    for repo in listed:
        reason = listing_skip(repo, filters)
        settled = sketch_verdict(repo) if reason is None else reason
        if settled is None:
            to_probe.append(repo)
        else:
            verdicts[repo.full_name] = settled
            if reason is None:
                sketched.append(repo.full_name)
    progress = progress or Progress("org plan", log)

    def probe_and_tell(repo: OrgRepository) -> Candidate | Skip:
        verdict = probe(client, repo, reserve)
        progress.done(repo.full_name, _outcome(verdict))
        return verdict
    progress.start(len(sketched) + len(to_probe))
    for name in sketched:
        progress.done(name, _outcome(verdicts[name]))
    try:
        with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
            verdicts.update(zip((r.full_name for r in to_probe), pool.map(probe_and_tell, to_probe), strict=True))
    finally:
        progress.finish()
    selected = []
    for repo in listed:
        verdict = verdicts[repo.full_name]
        if isinstance(verdict, Skip):
            skipped.append((repo.full_name, verdict))
        else:
            selected.append(verdict)
    now_run, deferred = _window(selected, capacity, rotation)
    return Plan(owner, tuple(now_run), tuple(sorted(skipped)), client.calls, client.budget,
                max_parallel(client.budget, len(now_run)), tuple(deferred))


def _outcome(verdict: Candidate | Skip) -> str:
    if isinstance(verdict, Skip):
        return f"skipped ({verdict.value})"
    if not verdict.probed:
        return "to harden, not probed (the budget is at the reserve)"
    return "to harden" + (" (its tree listing was cut short)" if verdict.truncated else "")


def _window(selected: list[Candidate], capacity: int | None, rotation: int) -> tuple[list[Candidate], list[Candidate]]:
    if capacity is None or len(selected) <= capacity:
        return selected, []
    start = (rotation * capacity) % len(selected)
    turned = selected[start:] + selected[:start]
    return sorted(turned[:capacity], key=lambda c: c.repository), sorted(turned[capacity:], key=lambda c: c.repository)
