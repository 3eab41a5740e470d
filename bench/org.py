#!/usr/bin/env python3
"""Organisation-wide runs, simulated: GitHub faked at the HTTP layer, real bare git remotes.

    python3 bench/org.py [--plan-repositories 10000 300] [--run-repositories 300] [--workers 8]
                         [--listing graphql rest]

1. `hardenbot org plan` over organisations of --plan-repositories varied repositories, listed
   through GraphQL and through REST (the fallback: /graphql answers 404), run twice with one
   ETag store (the rerun finds nothing changed): API calls in all and a repository (median,
   p95, max; a listing page or the budget read shared by all, a tree or repository read its
   own), the calls counted against the REST primary limit (a 304 and /rate_limit are not;
   GraphQL pages spend the GraphQL limit's points), the time the 800-points-a-minute pace
   takes at least, peak Python memory.
2. A full run over --run-repositories, for each listing: the plan, then one job a planned
   repository (the action's `repository` path: scratch clone, flow, result file) in a pool of
   --workers threads standing in for the matrix, then the dashboard; twice, the second finding
   nothing new. API calls a planned repository, its plan share and its job together (median,
   p95, max), pushes, dashboard size; and the dashboard folded for 10,000 repositories.
   Offline: pinning is reported, not fixed (the registry is not what is measured).
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import responses  # noqa: E402

from bot.action import run_flow  # noqa: E402
from bot.flow import FlowSettings, Log  # noqa: E402
from bot.github.event import Trigger, TriggerKind  # noqa: E402
from bot.github.org import GitHubOrg  # noqa: E402
from bot.org.dashboard import DashboardInput, render_dashboard  # noqa: E402
from bot.org.job import harden_repository  # noqa: E402
from bot.org.plan import make_plan  # noqa: E402
from bot.org.report import publish  # noqa: E402
from bot.org.results import read_results  # noqa: E402
from tests.fake_github import API, FakeGitHub  # noqa: E402
from tests.fake_github_org import organisation  # noqa: E402

TOKEN = "ghs_bench"
GIT_ENV = {"GIT_AUTHOR_NAME": "Dev", "GIT_AUTHOR_EMAIL": "dev@example.com", "GIT_COMMITTER_NAME": "Dev",
           "GIT_COMMITTER_EMAIL": "dev@example.com", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"}
DOCKERFILE = "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y curl\nRUN pip install flask\n"
COMPOSE = "services:\n  cache:\n    image: redis:7\n"


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True,
                          env={**os.environ, **GIT_ENV}).stdout.strip()


def per_repository(org, names: list[str], job_calls: dict[str, int] | None = None) -> list[float]:
    """Each repository's API calls: the listing pages and budget reads shared by all, the
    calls under /repos/<owner>/<name> its own, and its job's when there is one."""
    own = {name: 0 for name in names}
    shared = 0
    for _, path in org.calls:
        match = re.match(rf"/repos/{re.escape(org.owner)}/([^/?]+)", path)
        if match and match.group(1) in own:
            own[match.group(1)] += 1
        elif not match:
            shared += 1
    share = shared / max(1, len(names))
    return sorted(own[name] + share + (job_calls or {}).get(name, 0) for name in names)


def spread(values: list[float]) -> str:
    p95 = values[min(len(values) - 1, int(0.95 * len(values)))]
    return f"median {statistics.median(values):.2f}, p95 {p95:.2f}, max {values[-1]:.2f}"


def bench_plan(count: int, listing: str) -> None:
    etags: dict = {}
    for label in ("first run", "rerun"):
        org = organisation(count)
        org.limit = org.remaining = 15_000
        org.graphql = listing == "graphql"
        tracemalloc.start()
        start = time.perf_counter()
        with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
            org.install(mock)
            client = GitHubOrg(TOKEN, base_url=API, points_per_minute=None, etags=etags)
            plan = make_plan(client, org.owner, reserve=0)
        seconds = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        names = [r.name for r in org.repositories]
        counted = org.limit - org.remaining
        print(f"plan over {count} repositories via {listing}, {label}: {plan.calls} API calls "
              f"({len(org.queries)} GraphQL pages, {org.calls_to(r'/orgs/.*/repos')} REST pages, "
              f"{org.calls_to(r'/git/trees/')} trees, {len(org.not_modified)} answered 304); a repository "
              f"{spread(per_repository(org, names))}; {counted} counted against the REST limit "
              f"({5000 - org.graphql_remaining} GraphQL points); paced at 800/min: at least {plan.calls / 800:.2f} min; "
              f"{seconds:.1f} s unpaced; peak Python memory {peak / 2**20:.1f} MiB; {len(plan.selected)} to harden, "
              f"{len(plan.skipped)} skipped")


def make_remotes(root: Path, org, names: list[str]) -> None:
    by_name = {r.name: r for r in org.repositories}
    for name in names:
        repo = by_name[name]
        remote, seed = root / "remotes" / org.owner / f"{name}.git", root / "seeds" / name
        remote.parent.mkdir(parents=True, exist_ok=True)
        git("init", "--quiet", "--bare", "-b", repo.default_branch, str(remote), cwd=root)
        git("init", "--quiet", "-b", repo.default_branch, str(seed), cwd=root)
        for path in repo.paths or ("README.md",):
            text = (DOCKERFILE if "Dockerfile" in path else COMPOSE if "compose" in path
                    else "on: push\njobs: {}\n" if path.startswith(".github/") else "x\n")
            (seed / path).parent.mkdir(parents=True, exist_ok=True)
            (seed / path).write_text(text)
        git("add", "-A", cwd=seed)
        git("commit", "--quiet", "-m", "initial", cwd=seed)
        git("push", "--quiet", str(remote), f"HEAD:{repo.default_branch}", cwd=seed)


def run_all(root: Path, entries, fakes: dict[str, FakeGitHub], workers: int, results: Path) -> float:
    def job(candidate) -> None:
        settings = FlowSettings(candidate.repository, root, base_branch=candidate.base_branch)

        def flow(settings: FlowSettings, trigger: Trigger):
            return run_flow(settings, trigger, TOKEN, {}, offline=True, workers=1, log=Log(lambda line: None),
                            api_url=API, seconds_between_writes=None)
        harden_repository(candidate.repository, settings, Trigger(TriggerKind.HARDEN_BASE), flow, token=TOKEN,
                          server_url=f"file://{root / 'remotes'}", api_url=API,
                          result_file=results / f"{candidate.repository.replace('/', '__')}.json")
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(job, entries))
    return time.perf_counter() - start


def bench_run(count: int, workers: int, listing: str) -> None:
    org = organisation(count)
    org.graphql = listing == "graphql"
    etags: dict = {}
    with tempfile.TemporaryDirectory() as scratch, responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        root = Path(scratch)
        org.install(mock)
        plan = make_plan(GitHubOrg(TOKEN, base_url=API, points_per_minute=None, etags=etags), org.owner)
        names = [c.repository.split("/")[1] for c in plan.selected]
        start = time.perf_counter()
        make_remotes(root, org, names)
        print(f"run over {count} repositories via {listing}: {len(names)} planned ({plan.calls} API calls); "
              f"{time.perf_counter() - start:.0f} s to make their bare remotes")
        by_name = {r.name: r for r in org.repositories}
        fakes = {name: FakeGitHub(repository=f"{org.owner}/{name}", default_branch=by_name[name].default_branch)
                 for name in names}
        for fake in fakes.values():
            fake.install(mock)
        for label in ("first run (opens the pull requests)", "second run (nothing new)"):
            if label.startswith("second"):  # the plan again, as the next run makes it
                org.calls.clear()
                org.queries.clear()
                plan = make_plan(GitHubOrg(TOKEN, base_url=API, points_per_minute=None, etags=etags), org.owner)
            plan_share = per_repository(org, list(by_name))
            for fake in fakes.values():
                fake.calls.clear()
            results = root / label.split()[0] / "results"
            seconds = run_all(root, plan.selected, fakes, workers, results)
            pushes = sum(1 for name in names if git("ls-remote", str(root / "remotes" / org.owner / f"{name}.git"),
                                                    "refs/heads/hardenbot/harden", cwd=root))
            calls = sorted(len(f.calls) for f in fakes.values())
            together = per_repository(org, names, {name: len(f.calls) for name, f in fakes.items()})
            writes = sum(len(f.writes) for f in fakes.values())
            outcomes: dict[str, int] = {}
            records = read_results(results).results
            for record in records:
                outcomes[record.outcome] = outcomes.get(record.outcome, 0) + 1
            body = render_dashboard(DashboardInput(tuple(records), tuple(c.repository for c in plan.selected)))
            org.calls.clear()
            publish(GitHubOrg(TOKEN, base_url=API, points_per_minute=None), f"{org.owner}/central", body)
            print(f"  {label}: {seconds:.1f} s with {workers} workers ({seconds / len(names):.2f} s a job); "
                  f"API calls a planned repository, plan share and job: {spread(together)} "
                  f"(the job alone: median {calls[len(calls) // 2]}, max {calls[-1]}; {sum(calls)} in all, "
                  f"{writes} writes; plan {plan.calls} calls, {plan_share[len(plan_share) // 2]:.2f} a repository); "
                  f"branches on the remotes {pushes}; outcomes {outcomes}; "
                  f"dashboard {len(body)} characters, {len(org.calls)} API calls")
            if label.startswith("second"):
                print(f"  second run pushed nothing: {all(not f.writes for f in fakes.values())}")
        many = tuple(replace(records[i % len(records)], repository=f"{org.owner}/r{i:05d}") for i in range(10_000))
        big = render_dashboard(DashboardInput(many))
        rows = sum(1 for line in big.splitlines() if line.startswith("| ["))
        folded = re.search(r"… and [*][*](\d+)", big)
        print(f"dashboard for 10,000 repositories: {len(big)} characters (GitHub keeps 65,536), {rows} rows listed, "
              f"the rest folded: {folded.group(1) if folded else 0} counted")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plan-repositories", type=int, nargs="+", default=[300, 10_000])
    parser.add_argument("--run-repositories", type=int, default=300, help="0: no run")
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--listing", nargs="+", choices=("graphql", "rest"), default=["graphql", "rest"])
    args = parser.parse_args()
    for count in args.plan_repositories:
        for listing in args.listing:
            bench_plan(count, listing)
    for listing in args.listing if args.run_repositories else ():
        bench_run(args.run_repositories, args.workers, listing)
    return 0


if __name__ == "__main__":
    sys.exit(main())
