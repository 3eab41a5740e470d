"""`hardenbot org plan` listing through GraphQL: pages by cursor, what the files near the top
settle without a tree call, REST for what GraphQL leaves out or fails on (said once), REST for
everything where there is no GraphQL, conditional REST reads (ETags, 304s not counted), and
the plan the same as the REST plan on the same organisation."""
from __future__ import annotations

import json
import random

import pytest
import responses
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.cli import main
from bot.github.api import GitHubError
from bot.github.org import GitHubOrg, OrgRepository, TreeSketch
from bot.github.org_graphql import read_page
from bot.org.matrix import plan_document
from bot.org.plan import Candidate, Plan, Skip, make_plan, sketch_verdict
from tests.fake_github_org import API, FakeOrganisation, FakeRepository, organisation

TOKEN = "ghs_" + "GrAphQl0" * 5


def plan_of(org: FakeOrganisation, *, graphql: bool = True, etags: dict | None = None,
            log: list[str] | None = None) -> tuple[Plan, GitHubOrg]:
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        org.install(mock)
        client = GitHubOrg(TOKEN, base_url=API, points_per_minute=None, sleep=lambda s: None, etags=etags)
        plan = make_plan(client, org.owner, graphql=graphql, log=(log if log is not None else []).append)
        return plan, client


def decisions(plan: Plan) -> tuple:
    """What a plan decides, without what only one listing knows: the config blob and open pull
    request (GraphQL), whether GitHub cut a tree short (REST's tree call; a repository the
    GraphQL sketch keeps is not read so: see `truncations_agree`)."""
    return (tuple((c.repository, c.base_branch, c.probed) for c in plan.selected),
            plan.skipped, tuple(c.repository for c in plan.deferred))


def truncations_agree(through_graphql: Plan, through_rest: Plan) -> bool:
    cut = {c.repository for c in through_graphql.selected if c.truncated}
    return cut <= {c.repository for c in through_rest.selected if c.truncated}


def test_pages_follow_the_cursor_and_settle_most_repositories_without_a_tree_call():
    org = organisation(250)
    plan, client = plan_of(org)
    assert [q["cursor"] for q in org.queries] == [None, "cursor:100", "cursor:200"]
    assert all(q["owner"] == "acme" and q["head"] == "hardenbot/harden" for q in org.queries)
    assert org.calls_to(r"/repos\?") == 0  # no REST listing
    trees = org.calls_to(r"/git/trees/")
    deep = [r for r in org.repositories if r.truncated and not (r.archived or r.fork)]
    assert trees == len(deep) > 0  # only the repositories whose files lie deeper than the sketch
    assert plan.calls == len(org.calls) == 3 + 1 + trees  # pages, the REST budget (not counted), trees
    assert plan.budget is not None and plan.budget.remaining == org.limit - trees  # GraphQL spends its own
    assert org.graphql_remaining == 5000 - 3


def test_graphql_plan_is_the_rest_plan_on_the_same_organisation():
    org = organisation(300)
    through_graphql, _ = plan_of(org)
    through_rest, _ = plan_of(organisation(300), graphql=False)
    assert decisions(through_graphql) == decisions(through_rest) and truncations_agree(through_graphql, through_rest)
    assert {c.repository for c in through_graphql.selected if c.truncated} \
        == {f"acme/{r.name}" for r in org.repositories if r.truncated and not (r.archived or r.fork)}


FILE_PATHS = st.sampled_from([
    "README.md", "Dockerfile", "app/Dockerfile", "a/b/Dockerfile", "a/b/c/Dockerfile.prod", "docker-compose.yml",
    "deploy/compose.prod.yaml", "x/y/z/compose.yaml", ".github/workflows/ci.yml", ".github/workflows/sub/x.yml",
    ".github/dependabot.yml", "node_modules/p/Dockerfile", "web/node_modules/p/Dockerfile", "vendor/compose.yml",
    "src/main.py", "src/deep/er/main.py", "docs/dockerfile-guide.md", "Dockerfile.j2", "a/b/notes.txt",
])


@st.composite
def organisations(draw) -> FakeOrganisation:
    count = draw(st.integers(1, 140))
    repositories = []
    for index in range(count):
        paths = tuple(sorted(set(draw(st.lists(FILE_PATHS, max_size=5)))))
        empty = draw(st.booleans()) and index % 5 == 0
        truncated = not empty and index % 11 == 5  # a tree past 100,000 entries reaches deeper than the sketch
        repositories.append(FakeRepository(f"r{index:03d}", draw(st.sampled_from(["main", "master", "trunk"])),
                                           archived=draw(st.booleans()) and index % 3 == 0, fork=index % 7 == 3,
                                           empty=empty, paths=() if empty else paths + ("huge/a/b/rows.csv",) * truncated,
                                           truncated=truncated))
    return FakeOrganisation("acme", repositories)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(organisations())
def test_property_graphql_and_rest_plans_agree(org):
    through_graphql, _ = plan_of(org)
    rest_org = FakeOrganisation("acme", org.repositories)
    through_rest, _ = plan_of(rest_org, graphql=False)
    assert decisions(through_graphql) == decisions(through_rest) and truncations_agree(through_graphql, through_rest)
    assert org.calls_to(r"/git/trees/") <= rest_org.calls_to(r"/git/trees/")


def test_errors_on_some_repositories_send_those_to_rest_and_say_so_once():
    org = organisation(300)
    by_name = {r.name: r for r in org.repositories}
    live = [r.name for r in org.repositories if not (r.archived or r.fork or r.empty)]
    files_failed, listing_failed, nulled = live[:3], live[3:5], live[5]
    org.graphql_errors = {**{name: {"files"} for name in files_failed}, **{name: {"isArchived"} for name in listing_failed}}
    org.graphql_null = {nulled}
    log: list[str] = []
    plan, _ = plan_of(org, log=log)
    assert decisions(plan) == decisions(plan_of(organisation(300), graphql=False)[0])
    tree_calls = {path.split("/")[3] for _, path in org.calls if "/git/trees/" in path}
    assert set(files_failed) <= tree_calls  # their files were not sketched: read through REST
    assert org.calls_to(r"/orgs/acme/repos") == 3  # a null node: the REST listing names what GraphQL left out
    assert [line for line in log if "GraphQL" in line] == ["acme: GraphQL left out 1 repositories: the REST listing "
                                                           "gives the repositories it did not"]
    assert all(by_name[name].name in tree_calls or by_name[name].truncated is False for name in listing_failed)


def test_a_repository_whose_listing_fields_failed_is_read_again_through_rest():
    org = organisation(120)
    name = next(r.name for r in org.repositories if r.has_sources and not (r.archived or r.fork))
    org.graphql_errors = {name: {"defaultBranchRef"}}
    log: list[str] = []
    plan, _ = plan_of(org, log=log)
    assert org.calls_to(rf"/repos/acme/{name}$") == 1 and org.calls_to(r"/orgs/acme/repos") == 0
    assert f"acme/{name}" in [c.repository for c in plan.selected]
    assert decisions(plan) == decisions(plan_of(organisation(120), graphql=False)[0])
    assert [line for line in log if "REST" in line] == ["acme: GraphQL errors on 1 repositories: read through REST"]


@pytest.mark.parametrize("failing", [{1}, {2}])
def test_a_failed_page_leaves_the_rest_to_the_rest_listing(failing):
    org = organisation(250)
    org.graphql_page_failures = failing
    log: list[str] = []
    plan, _ = plan_of(org, log=log)
    assert decisions(plan) == decisions(plan_of(organisation(250), graphql=False)[0])
    assert org.calls_to(r"/orgs/acme/repos") == 3
    assert [q["first"] for q in org.queries] == [100] * (min(failing) - 1) + [100, 25, 6]  # smaller, then REST
    assert sum("GraphQL stopped" in line for line in log) == 1


def test_a_page_that_times_out_is_asked_again_smaller():
    org = organisation(250)
    org.graphql_largest_page = 30  # each repository's files make a page of 100 too heavy
    log: list[str] = []
    plan, _ = plan_of(org, log=log)
    assert decisions(plan) == decisions(plan_of(organisation(250), graphql=False)[0])
    assert org.calls_to(r"/orgs/acme/repos") == 0
    assert [q["first"] for q in org.queries] == [100] + [25] * 10
    assert [q["cursor"] for q in org.queries[1:3]] == [None, "cursor:25"]
    assert [line for line in log if "GraphQL" in line] == [
        "acme: a GraphQL page failed (Something went wrong while executing your query. This may be the result of a "
        "timeout.): pages of 25 from here", "acme: 250 repositories in 10 GraphQL pages (10 points)"]


def test_no_graphql_endpoint_lists_everything_through_rest():
    org = organisation(300)
    org.graphql = False
    log: list[str] = []
    plan, _ = plan_of(org, log=log)
    rest_plan, _ = plan_of(organisation(300), graphql=False)
    assert decisions(plan) == decisions(rest_plan) and plan.calls == rest_plan.calls + 1  # the 404
    assert [line for line in log if "GraphQL" in line] == [
        "acme: GraphQL stopped (HTTP 404): the REST listing gives the repositories it did not"]


def test_an_unknown_owner_fails_as_the_rest_listing_says():
    org = organisation(10)
    log: list[str] = []
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        org.install(mock)
        mock.add(responses.GET, f"{API}/orgs/nobody/repos", status=404, json={"message": "Not Found"})
        mock.add(responses.GET, f"{API}/users/nobody/repos", status=404, json={"message": "Not Found"})
        client = GitHubOrg(TOKEN, base_url=API, points_per_minute=None, sleep=lambda s: None)
        with pytest.raises(GitHubError, match="cannot list the repositories of nobody: HTTP 404"):
            make_plan(client, "nobody", log=log.append)
    assert log == ["nobody: GraphQL stopped (Could not resolve to a RepositoryOwner with the login of 'nobody'.): "
                   "the REST listing gives the repositories it did not"]


def test_rest_rereads_are_conditional_and_304s_leave_the_budget_alone():
    etags: dict = {}
    first, first_client = plan_of(organisation(300), graphql=False, etags=etags)
    org = organisation(300)
    again, client = plan_of(org, graphql=False, etags=etags)
    empty = sum(1 for r in org.repositories if r.empty and not (r.archived or r.fork))  # a 409 has no ETag
    assert decisions(again) == decisions(first) and again.calls == first.calls
    assert client.not_modified == again.calls - empty  # every page and tree: 304
    assert org.remaining == org.limit - empty  # 304s not counted
    changed = organisation(300)
    changed.repositories[1].paths = ("Dockerfile",)  # svc-00001 gains a Dockerfile
    third, client = plan_of(changed, graphql=False, etags=etags)
    assert "acme/svc-00001" in [c.repository for c in third.selected]
    assert client.not_modified == third.calls - empty - 1  # its tree changed (the listing says nothing of files)


def test_the_plan_file_names_the_config_blob_and_open_pull_request_graphql_told():
    org = organisation(60)
    plan, _ = plan_of(org)
    entries = {e["repository"]: e for e in plan_document(plan)["selected"]}
    for repo in org.repositories:
        entry = entries.get(f"acme/{repo.name}")
        if entry is not None and entry["probed"]:
            assert entry["open-pull-request"] == repo.open_pull_request
            assert (entry["config-blob"] != "") == repo.config
    assert any(e["open-pull-request"] for e in entries.values()) and any(e["config-blob"] for e in entries.values())
    rest_plan, _ = plan_of(organisation(60), graphql=False)
    assert all("open-pull-request" not in e for e in plan_document(rest_plan)["selected"])


def test_the_sketch_settles_only_what_it_saw_whole():
    def repo(blobs=(), unopened=(), empty=False):
        return OrgRepository("acme/x", "main", False, False, 1, (), "", TreeSketch(tuple(blobs), tuple(unopened)),
                             empty)
    assert sketch_verdict(repo(empty=True)) is Skip.EMPTY
    assert isinstance(sketch_verdict(repo(["svc/Dockerfile"], ["deep/er"])), Candidate)
    assert sketch_verdict(repo(["README.md"], ["web/node_modules", "vendor"])) is Skip.NO_SOURCES
    assert sketch_verdict(repo(["README.md"], ["src/deep"])) is None  # a folder not opened: read the tree
    assert sketch_verdict(repo(["node_modules/Dockerfile"])) is Skip.NO_SOURCES
    no_sketch = OrgRepository("acme/x", "main", False, False, 1, (), "")
    assert sketch_verdict(no_sketch) is None


@pytest.mark.parametrize("answer", [
    {}, {"data": None}, {"data": {"repositoryOwner": {"repositories": {"nodes": "x"}}}},
    {"errors": "x", "data": []}, {"errors": 5}, {"errors": {"path": 1}, "data": {"repositoryOwner": []}},
    {"data": {"repositoryOwner": {"repositories": {"nodes": [], "pageInfo": 3}}}},
])
def test_answers_of_the_wrong_shape_are_a_failed_page_or_an_empty_one(answer):
    page = read_page(answer)
    assert isinstance(page, str) or (page.repositories == () and page.next_cursor is None)


def test_nodes_of_the_wrong_shape_are_left_out_not_trusted():
    rng = random.Random(7)
    junk = [None, 3, "x", [], {"nameWithOwner": 5}, {"nameWithOwner": "a/b", "isArchived": "no", "isFork": False},
            {"nameWithOwner": "a/b/c", "isArchived": False, "isFork": False}]
    good = {"nameWithOwner": "acme/ok", "isArchived": False, "isFork": False, "defaultBranchRef": {"name": "main"},
            "files": {"entries": [{"name": "Dockerfile", "type": "blob"}, {"name": "../x", "type": "blob"},
                                  {"name": "d", "type": "tree", "object": {"entries": "bad"}}, 7]}}
    nodes = junk + [good]
    rng.shuffle(nodes)
    page = read_page({"data": {"repositoryOwner": {"repositories": {"nodes": nodes, "pageInfo": {}}}}})
    assert not isinstance(page, str)
    read = [repo for _, repo in page.repositories if repo is not None]
    assert [r.full_name for r in read] == ["acme/ok"] and read[0].sketch == TreeSketch(("Dockerfile",), ("d",))
    assert [name for name, repo in page.repositories if repo is None] == ["a/b"]  # named: read again through REST
    assert page.left_out == len(junk) - 1


def test_org_plan_command_keeps_etags_between_runs(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    monkeypatch.setenv("GITHUB_API_URL", API)
    monkeypatch.delenv("GITHUB_OUTPUT", raising=False)
    store = tmp_path / "etags.json"
    for run in range(2):
        org = organisation(300)
        with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
            org.install(mock)
            assert main(["org", "plan", "--owner", "acme", "--points-per-minute", "0", "--etags", str(store)]) == 0
        out = capsys.readouterr().out
        trees = org.calls_to(r"/git/trees/")
        assert trees > 0 and (f"({trees} not modified)" in out) == (run == 1)
    assert TOKEN not in store.read_text() and json.loads(store.read_text())["etags"]
    store.write_text("{not json")
    org = organisation(30)
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        org.install(mock)
        assert main(["org", "plan", "--owner", "acme", "--points-per-minute", "0", "--etags", str(store)]) == 0
    assert "not an ETag store" in capsys.readouterr().err


def test_a_token_without_pull_request_access_plans_the_same_with_that_part_unknown():
    org = organisation(120)
    org.graphql_errors = {r.name: {"pullRequests"} for r in org.repositories}  # FORBIDDEN on every node
    log: list[str] = []
    plan, _ = plan_of(org, log=log)
    assert decisions(plan) == decisions(plan_of(organisation(120), graphql=False)[0])
    assert org.calls_to(r"/orgs/acme/repos") == 0 and not any("REST" in line for line in log)
    assert all(c.open_pull_request is None for c in plan.selected)
    assert any(c.config_blob for c in plan.selected)


@pytest.mark.parametrize(("base", "endpoint"), [
    ("https://api.github.com", "https://api.github.com/graphql"),
    ("https://ghe.example.com/api/v3/", "https://ghe.example.com/api/graphql"),  # Enterprise Server
])
def test_the_graphql_endpoint_sits_beside_the_rest_api(base, endpoint):
    with responses.RequestsMock() as mock:
        mock.add(responses.POST, endpoint, json={"data": {"rateLimit": {"cost": 1}}})
        answer = GitHubOrg(TOKEN, base_url=base, points_per_minute=None).graphql("{ rateLimit { cost } }", {}, "ask")
    assert answer == {"data": {"rateLimit": {"cost": 1}}}


def test_a_cursor_that_does_not_move_ends_the_graphql_listing():
    org = organisation(150)
    stuck = {"data": {"repositoryOwner": {"repositories": {
        "pageInfo": {"hasNextPage": True, "endCursor": "same"},
        "nodes": [{"nameWithOwner": "acme/svc-00001", "isArchived": False, "isFork": False,
                   "defaultBranchRef": {"name": "main"}}]}}}}
    log: list[str] = []
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        for _ in range(2):  # answered before the fake's own route, in turn
            mock.add(responses.POST, f"{API}/graphql", json=stuck)
        org.install(mock)
        client = GitHubOrg(TOKEN, base_url=API, points_per_minute=None, sleep=lambda s: None)
        plan = make_plan(client, org.owner, log=log.append)
    assert sum(1 for _, path in org.calls if path == "/graphql") == 0  # the stuck answer, not the fake's
    assert decisions(plan) == decisions(plan_of(organisation(150), graphql=False)[0])
    assert log[0] == "acme: GraphQL stopped (the page cursor did not move): the REST listing gives the repositories " \
                     "it did not"


def test_a_server_without_rate_limits_plans_with_the_default_parallelism():
    org = organisation(50)
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.add(responses.GET, f"{API}/rate_limit", status=404, json={"message": "Rate limiting is not enabled."})
        org.install(mock)
        client = GitHubOrg(TOKEN, base_url=API, points_per_minute=None, sleep=lambda s: None)
        plan = make_plan(client, org.owner)
    assert decisions(plan) == decisions(plan_of(organisation(50), graphql=False)[0])
    assert plan.budget is not None  # the tree calls' headers told it after all
