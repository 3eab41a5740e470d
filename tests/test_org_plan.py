"""`hardenbot org plan` over a faked organisation of 300 varied repositories: what it keeps and
skips, the API calls it makes (one per page of 100, one per tree), its budget, rate limits and
retries, and the matrices it writes. Listed through REST here (`graphql=False`), as on a GitHub
Enterprise Server without GraphQL; test_org_graphql.py has the GraphQL listing."""
from __future__ import annotations

import json
import re

import pytest
import responses

from bot.cli import main
from bot.errors import HardenbotError
from bot.github.limits import RateBudget, latest
from bot.github.org import GitHubOrg, Pace
from bot.org.matrix import batches, job_outputs
from bot.org.plan import (
    Candidate,
    Plan,
    PlanFilters,
    Skip,
    has_sources,
    make_plan,
    max_parallel,
)
from tests.fake_github_org import API, FakeOrganisation, FakeRepository, organisation

TOKEN = "ghs_" + "0rgT0kEn" * 5
NO_FILTERS = PlanFilters()


def plan_of(org: FakeOrganisation, filters: PlanFilters = NO_FILTERS, slept: list | None = None, **options) -> Plan:
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        org.install(mock)
        client = GitHubOrg(TOKEN, base_url=API, points_per_minute=None,
                           sleep=(slept if slept is not None else []).append)
        return make_plan(client, org.owner, filters, **{"graphql": False, **options})


def expected_selection(org: FakeOrganisation) -> list[str]:
    return [f"{org.owner}/{r.name}" for r in sorted(org.repositories, key=lambda r: r.name)
            if not r.archived and not r.fork and not r.empty and (r.has_sources or r.truncated)]


def test_the_plan_keeps_exactly_the_repositories_with_files_to_harden():
    org = organisation(300)
    plan = plan_of(org)
    assert [c.repository for c in plan.selected] == expected_selection(org)
    reasons = dict(plan.skipped)
    by_name = {f"acme/{r.name}": r for r in org.repositories}
    for name, reason in reasons.items():
        repo = by_name[name]
        expected = (Skip.ARCHIVED if repo.archived else Skip.FORK if repo.fork else Skip.EMPTY if repo.empty
                    else Skip.NO_SOURCES)
        assert reason == expected, name
    assert len(plan.selected) + len(plan.skipped) == 300
    assert {Skip.ARCHIVED, Skip.FORK, Skip.EMPTY, Skip.NO_SOURCES} == set(reasons.values())
    assert all(c.base_branch == by_name[c.repository].default_branch for c in plan.selected)
    assert {c.base_branch for c in plan.selected} == {"main", "master"}
    truncated = [c.repository for c in plan.selected if c.truncated]
    assert truncated and all(by_name[name].truncated for name in truncated)


def test_the_plan_costs_one_call_a_page_and_one_a_remaining_repository():
    org = organisation(300)
    plan = plan_of(org)
    listed_out = sum(1 for r in org.repositories if r.archived or r.fork)
    assert org.calls_to(r"/orgs/acme/repos") == 3  # 300 repositories, 100 a page, one pass
    assert org.calls_to(r"/git/trees/") == 300 - listed_out  # archived and forks: never probed
    assert plan.calls == len(org.calls) == 3 + 300 - listed_out and org.writes == []
    assert plan.budget == RateBudget(5000, 5000 - plan.calls, float(org.reset))


def test_pages_follow_the_link_header_to_the_end():
    org = organisation(250)
    plan_of(org)
    pages = [path for _, path in org.calls if "/repos?" in path]
    assert len(pages) == 3 and "page=2" in pages[1] and "page=3" in pages[2]


@pytest.mark.parametrize(("filters", "kept"), [
    (PlanFilters(topics=("containers",)), lambda r: "containers" in r.topics),
    (PlanFilters(include=("svc-0000*",)), lambda r: r.name.startswith("svc-0000")),
    (PlanFilters(include=("acme/svc-0001?",)), lambda r: r.name.startswith("svc-0001")),
    (PlanFilters(exclude=("svc-0000*", "acme/svc-0001*")), lambda r: not re.match(r"svc-000[01]", r.name)),
])
def test_topic_include_and_exclude_filters(filters, kept):
    org = organisation(120)
    plan = plan_of(org, filters)
    wanted = {f"acme/{r.name}" for r in org.repositories if kept(r)}
    assert {c.repository for c in plan.selected} == set(expected_selection(org)) & wanted
    assert {name for name, reason in plan.skipped if reason == Skip.FILTERED} \
        == {f"acme/{r.name}" for r in org.repositories if not r.archived and not r.fork and not kept(r)}
    assert org.calls_to(r"/git/trees/") == sum(1 for r in org.repositories if kept(r) and not r.archived
                                                and not r.fork)


def test_archived_and_forks_when_asked_for():
    org = organisation(60)
    plan = plan_of(org, PlanFilters(archived=True, forks=True))
    assert [c.repository for c in plan.selected] == [
        f"acme/{r.name}" for r in org.repositories if not r.empty and (r.has_sources or r.truncated)]


@pytest.mark.parametrize(("paths", "expected"), [
    (("Dockerfile",), True),
    (("services/api/Containerfile",), True),
    (("deploy/docker-compose.override.yml",), True),
    ((".github/workflows/ci.yaml",), True),
    (("README.md", "Dockerfile.j2", "docs/dockerfile-guide.md", "ci/workflows/x.yml"), False),
    (("node_modules/pkg/Dockerfile", "vendor/lib/compose.yaml", "a/.venv/Dockerfile"), False),
    ((), False),
])
def test_has_sources_reads_paths_as_discovery_does(paths, expected):
    assert has_sources(paths) is expected


def test_a_user_account_is_listed_through_users():
    org = FakeOrganisation("octo", [FakeRepository("tool", paths=("Dockerfile",))], user_account=True)
    plan = plan_of(org)
    assert [c.repository for c in plan.selected] == ["octo/tool"]
    assert [path.split("?")[0] for _, path in org.calls[:2]] == ["/orgs/octo/repos", "/users/octo/repos"]


def test_probing_stops_at_the_reserve_and_the_rest_still_run_unprobed():
    org = organisation(300)
    org.remaining = 120  # the budget left when the plan starts
    plan = plan_of(org, reserve=50, workers=1)
    probes = org.calls_to(r"/git/trees/")
    assert org.remaining == 50 and probes == 120 - 50 - 3
    unprobed = [c for c in plan.selected if not c.probed]
    assert unprobed and len(unprobed) == 300 - sum(1 for r in org.repositories if r.archived or r.fork) - probes
    assert plan.max_parallel == 1  # 50 calls left for the hour: one job at a time


def test_secondary_rate_limits_and_server_errors_are_waited_out():
    org = organisation(30)
    org.failures = [("GET", r"/git/trees/", 403, {"Retry-After": "7"}), ("GET", r"/orgs/acme/repos", 502, {}),
                    ("GET", r"/git/trees/", 403, {})]  # a secondary limit without Retry-After: a minute
    slept: list[float] = []
    plan = plan_of(org, slept=slept, workers=1)
    assert [c.repository for c in plan.selected] == expected_selection(org)
    assert sorted(slept) == [2.0, 7.0, 60.0]


def test_a_spent_primary_limit_waits_for_the_reset_then_fails_in_one_line():
    org = organisation(5)
    org.failures = [("GET", r"/orgs/acme/repos", 403, {"x-ratelimit-remaining": "0"})] * 3
    slept: list[float] = []
    with pytest.raises(HardenbotError, match=r"^GitHub: cannot list the repositories of acme: HTTP 403 "
                                             r"\(API rate limit exceeded for installation\.\)$"):
        plan_of(org, slept=slept)
    assert slept == [60.0, 60.0]  # until the reset, within the policy's longest wait


@pytest.mark.parametrize(("budget", "jobs", "expected"), [
    (None, 100, 20),
    (RateBudget(5000, 5000, 1000.0 + 3600), 500, 27),  # the whole hour ahead: 5000 calls / 180 a lane
    (RateBudget(5000, 1000, 1000.0 + 3000), 500, 6),  # 1000 left for 50 minutes
    (RateBudget(12500, 12500, 1000.0 + 3600), 500, 69),  # a GitHub App on a large organisation
    (RateBudget(5000, 0, 1000.0 + 60), 500, 1),  # nothing left: one at a time
    (RateBudget(15000, 15000, 1000.0 + 3600), 10, 10),  # never more than the jobs
])
def test_max_parallel_spends_the_budget_evenly(budget, jobs, expected):
    assert max_parallel(budget, jobs, now=1000.0) == expected


def test_batches_hold_at_most_256_jobs_each():
    candidates = tuple(Candidate(f"acme/r{index:04d}", "main") for index in range(600))
    assert [len(b) for b in batches(candidates)] == [256, 256, 88]
    plan = Plan("acme", candidates, (), 7, None, 20)
    outputs = job_outputs(plan)
    assert outputs["batch-count"] == "3" and outputs["repositories"] == "600" and outputs["max-parallel"] == "20"
    first = json.loads(outputs["batch-0"])
    assert first["include"][0] == {"repository": "acme/r0000", "name": "r0000", "base-branch": "main",
                                   "slug": "acme__r0000"}
    assert sum(len(json.loads(outputs[f"batch-{i}"])["include"]) for i in range(3)) == 600
    assert all("\n" not in value for value in outputs.values())


def test_capacity_defers_the_rest_and_rotation_reaches_every_repository():
    org = organisation(90)
    selected = expected_selection(org)
    seen: set[str] = set()
    for run in range(0, 10):
        plan = plan_of(org, capacity=20, rotation=run)
        assert len(plan.selected) == 20 and len(plan.deferred) == len(selected) - 20
        assert {c.repository for c in plan.selected} | {c.repository for c in plan.deferred} == set(selected)
        seen |= {c.repository for c in plan.selected}
    assert seen == set(selected)


def test_the_pace_spaces_calls_by_their_points():
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds
    pace = Pace(600, clock=lambda: now[0], sleep=sleep)  # 0.1 s a point
    for points in (1, 1, 5, 1):
        pace.wait(points)
    assert [round(s, 3) for s in slept] == [0.1, 0.1, 0.5]


@pytest.mark.parametrize(("listing", "parallel", "log"), [
    ([], 27, "acme: 300 repositories in 3 GraphQL pages"),  # 13 calls: 4,987 left
    (["--rest"], 26, "acme: 300 repositories in 3 pages"),  # 253 calls: 4,747 left
])
def test_org_plan_command_writes_the_matrices_and_the_plan_file(tmp_path, monkeypatch, capsys, listing, parallel, log):
    org = organisation(300)
    output, plan_file = tmp_path / "output", tmp_path / "plan.json"
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    monkeypatch.setenv("GITHUB_API_URL", API)
    monkeypatch.setenv("GITHUB_OUTPUT", str(output))
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        org.install(mock)
        assert main(["org", "plan", "--owner", "acme", "--max-batches", "4", "--plan-file", str(plan_file),
                     "--points-per-minute", "0", *listing]) == 0
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines())
    expected = expected_selection(org)
    assert outputs["batch-count"] == "1" and outputs["repositories"] == str(len(expected))
    assert [e["repository"] for e in json.loads(outputs["batch-0"])["include"]] == expected
    document = json.loads(plan_file.read_text())
    assert [e["repository"] for e in document["selected"]] == expected and document["deferred"] == []
    assert {e["reason"] for e in document["skipped"]} == {s.value for s in Skip} - {Skip.FILTERED.value}
    out = capsys.readouterr()
    assert f"{len(expected)} repositories to harden in 1 batches (max-parallel {parallel})" in out.out
    assert log in out.err
    assert TOKEN not in out.out + out.err + output.read_text() + plan_file.read_text()


def test_org_plan_needs_a_token(monkeypatch, capsys):
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    assert main(["org", "plan", "--owner", "acme"]) == 2
    assert "set GITHUB_TOKEN" in capsys.readouterr().err


@pytest.mark.parametrize("known, told, expected", [
    (None, RateBudget(5000, 4990, 100.0), RateBudget(5000, 4990, 100.0)),
    # an answer to an earlier parallel call that arrived last: not newer than what is known
    (RateBudget(5000, 4747, 100.0), RateBudget(5000, 4749, 100.0), RateBudget(5000, 4747, 100.0)),
    (RateBudget(5000, 4749, 100.0), RateBudget(5000, 4747, 100.0), RateBudget(5000, 4747, 100.0)),
    # a new window: its reset is later, whatever it says is left
    (RateBudget(5000, 3, 100.0), RateBudget(5000, 4999, 3700.0), RateBudget(5000, 4999, 3700.0)),
    (RateBudget(5000, 4999, 3700.0), RateBudget(5000, 3, 100.0), RateBudget(5000, 4999, 3700.0)),
])
def test_the_budget_is_the_newest_answers_whatever_order_they_arrive_in(known, told, expected):
    assert latest(known, told) == expected
