"""A pull request per group, over several runs of a 64-service monorepo whose CODEOWNERS names
12 teams: the real bare git remote (a pre-receive hook counts the pushes), the real registry,
GitHub faked at the HTTP layer (see test_flow.py)."""
from __future__ import annotations

import re

import pytest

from bot.group_pulls import group_report, reviewers_of
from bot.model.groups import GroupBy
from bot.model.results import FileResult, Hardened, RunReport
from tests.fake_github import FakeGitHub
from tests.test_flow import Project, comment_event, git, run, seeded_project

PREFIX = "hardenbot/harden"
SERVICES = 64

# 12 teams: every service is team-00's, a service ending in digit k (1-9) team-0k's, the svc-1x
# lines override those (the last match wins), svc-5x are unassigned (no owners: no group of a
# team), svc-6x are team-11's. One line is invalid (an owner without @): GitHub skips it.
CODEOWNERS = "\n".join([
    "# code owners of the shop",
    "/services/ @acme/team-00",
    *(f"/services/svc-*{k}/ @acme/team-0{k}" + (" @dana" if k == 3 else " ops@example.com" if k == 4 else "")
      for k in range(1, 10)),
    "/services/svc-1*/ @acme/team-10",
    "/services/svc-5*/",
    "/services/svc-7*/ acme-not-an-owner",
    "/services/svc-6*/ @acme/team-11  # the newest services",
]) + "\n"


def owners_of(n: int) -> tuple[str, ...]:
    """The owners CODEOWNERS gives svc-NN, worked out by hand."""
    if 10 <= n <= 19:
        return ("@acme/team-10",)
    if 50 <= n <= 59:
        return ()
    if 60 <= n <= 63:
        return ("@acme/team-11",)
    k = n % 10
    return {0: ("@acme/team-00",), 3: ("@acme/team-03", "@dana"),
            4: ("@acme/team-04", "ops@example.com")}.get(k, (f"@acme/team-0{k}",))


def dockerfile(host: str, n: int) -> str:
    image = "flow/node:20" if n == 7 else "flow/python:3.12-slim"  # svc-07's tag moves alone
    return f"FROM {host}/{image}\nCOPY . /app\nCMD [\"python\", \"/app/svc{n}.py\"]\n"


@pytest.fixture
def monorepo(tmp_path, registry):
    return make_monorepo(tmp_path, registry)


def make_monorepo(tmp_path, registry) -> Project:
    registry.push_image("flow/python", "3.12-slim", seed="python-1")
    registry.push_image("flow/node", "20", seed="node-1")
    files = {f"services/svc-{n:02d}/Dockerfile": dockerfile(registry.host, n) for n in range(SERVICES)}
    files[".github/CODEOWNERS"] = CODEOWNERS
    files["README.md"] = "# shop\n"
    project = seeded_project(tmp_path, registry, files)
    hook = project.remote / "hooks" / "pre-receive"  # once per push, whatever it updates
    hook.write_text(f"#!/bin/sh\necho push >> {tmp_path / 'pushes'}\ncat >> {tmp_path / 'updates'}\n")
    hook.chmod(0o755)
    return project


def pushes(project: Project) -> int:
    counted = project.remote.parent / "pushes"
    return len(counted.read_text().splitlines()) if counted.exists() else 0


def branches(project: Project) -> dict[str, str]:
    out = git("ls-remote", str(project.remote), "refs/heads/*", cwd=project.seed)
    return {ref.removeprefix("refs/heads/"): sha for sha, ref in (line.split("\t") for line in out.splitlines())}


def files_of_branch(project: Project, branch: str) -> set[str]:
    # pruned: `a` and `a/b` cannot both be refs here either, and a grouping switch makes one of the other
    git("fetch", "--quiet", "--prune", "origin", "+refs/heads/*:refs/remotes/origin/*", cwd=project.seed)
    return set(git("diff", "--name-only", "origin/main", f"origin/{branch}", cwd=project.seed).splitlines())


def open_by_branch(github: FakeGitHub) -> dict[str, dict]:
    return {p["head"]["ref"]: p for p in github.open_pulls()}


def requested(pull: dict) -> set[str]:
    return ({r["login"] for r in pull.get("requested_reviewers", [])}
            | {f"acme/{t['slug']}" for t in pull.get("requested_teams", [])})


def no_file_in_two_open_pulls(project: Project, github: FakeGitHub) -> dict[str, set[str]]:
    held = {ref: files_of_branch(project, ref) for ref in open_by_branch(github)}
    every = [path for files in held.values() for path in files]
    assert len(every) == len(set(every))
    return held


def grouped_run(project, github, **settings):
    return run(project, github, group_by=settings.pop("group_by", GroupBy.OWNER), **settings)


def test_a_64_service_monorepo_gets_a_pull_request_per_owner_set_each_asking_its_owners(monorepo):
    github = FakeGitHub()
    result = grouped_run(monorepo, github)
    assert result.outcome == "opened" and result.message == "13 pull requests: 13 opened"
    pulls = open_by_branch(github)
    assert len(pulls) == 13 and all(ref.startswith(f"{PREFIX}/") for ref in pulls)
    assert pushes(monorepo) == 1  # all 13 branches in one push
    assert PREFIX not in branches(monorepo)
    held = no_file_in_two_open_pulls(monorepo, github)
    assert set().union(*held.values()) == {f"services/svc-{n:02d}/Dockerfile" for n in range(SERVICES)}
    for ref, pull in pulls.items():
        numbers = sorted(int(re.search(r"svc-(\d+)", path).group(1)) for path in held[ref])
        owners = {owners_of(n) for n in numbers}
        assert len(owners) == 1, ref  # a pull request per set of owners
        [owned] = owners
        asked, _ = reviewers_of(owned)
        assert requested(pull) == set(asked), ref
        assert [label["name"] for label in pull["labels"]] == ["security", "hardenbot"]
        for n in range(SERVICES):  # the body speaks of the group's files only
            assert (f"`services/svc-{n:02d}/Dockerfile`" in pull["body"]) == (n in numbers), (ref, n)
        title = " ".join(owned) if owned else "files without code owners"
        assert pull["title"] == f"hardenbot: harden container builds — {title}"
    assert {ref.removeprefix(f"{PREFIX}/") for ref in pulls} >= {"acme-team-03-dana", "acme-team-10", "unowned"}
    assert requested(pulls[f"{PREFIX}/acme-team-03-dana"]) == {"acme/team-03", "dana"}
    assert requested(pulls[f"{PREFIX}/acme-team-04-ops-example.com"]) == {"acme/team-04"}  # no e-mail asked
    assert not any(c[1].startswith(f"/repos/acme/shop/pulls/{pulls[f'{PREFIX}/unowned']['number']}/requested")
                   for c in github.calls)  # no owners, no request
    log = "\n".join(monorepo.lines)
    assert ".github/CODEOWNERS:14: invalid owner" in log and "e-mail addresses are not asked to review" in log
    assert len(result.groups) == 13 and result.pull_request is not None


DASHBOARD_LISTING = ("GET", "/repos/acme/shop/issues?direction=desc&labels=hardenbot-dashboard&per_page=100"
                             "&sort=updated&state=all")


def test_an_unchanged_monorepo_costs_one_listing_call_and_no_push(monorepo):
    github = FakeGitHub()
    grouped_run(monorepo, github)
    before, pushed = branches(monorepo), pushes(monorepo)
    github.calls.clear()
    result = grouped_run(monorepo, github)
    assert result.outcome == "unchanged" and result.message == "13 pull requests: 13 unchanged"
    # the bot's pull requests, and the dashboard (its memory; unchanged, so not written)
    assert github.calls == [("GET", "/repos/acme/shop/pulls?per_page=100&state=open"), DASHBOARD_LISTING]
    assert branches(monorepo) == before and pushes(monorepo) == pushed


def test_one_services_tag_moving_changes_only_its_groups_branch_and_pull_request(monorepo):
    github = FakeGitHub()
    grouped_run(monorepo, github)
    before, bodies = branches(monorepo), {ref: p["body"] for ref, p in open_by_branch(github).items()}
    new = monorepo.registry.push_image("flow/node", "20", seed="node-2")
    github.calls.clear()
    result = grouped_run(monorepo, github)
    team07 = f"{PREFIX}/acme-team-07"
    after = branches(monorepo)
    assert {ref for ref in after if after[ref] != before.get(ref)} == {team07}
    assert f"@{new}" in monorepo.remote_file(team07, "services/svc-07/Dockerfile")
    pull = open_by_branch(github)[team07]
    [dashboard] = github.issues  # it lists what needs a person in team-07's files, which names the new digest
    assert github.writes == [("PATCH", f"/repos/acme/shop/pulls/{pull['number']}"),
                             ("PATCH", f"/repos/acme/shop/issues/{dashboard}")]
    assert len(github.calls) == 4  # the two listings, that one update, and the dashboard's
    assert {ref for ref, p in open_by_branch(github).items() if p["body"] != bodies[ref]} == {team07}
    assert result.outcome == "updated" and result.message == "13 pull requests: 1 updated, 12 unchanged"
    assert pushes(monorepo) == 2


def test_a_group_closed_by_a_person_is_not_reopened(monorepo):
    github = FakeGitHub()
    grouped_run(monorepo, github)
    declined = open_by_branch(github)[f"{PREFIX}/acme-team-05"]
    github.close_pull(declined["number"])
    github.calls.clear()
    result = grouped_run(monorepo, github)
    [dashboard] = github.issues
    assert github.writes == [("PATCH", f"/repos/acme/shop/issues/{dashboard}")] and len(github.pulls) == 13
    assert github.pulls[declined["number"]]["state"] == "closed" and len(github.open_pulls()) == 12
    [said] = [g for g in result.groups if g.key == "acme-team-05"]
    assert said.outcome == "declined" and f"#{declined['number']}, closed without merging" in said.message
    assert result.message == "13 pull requests: 1 declined, 12 unchanged"
    assert len(github.calls) == 4  # the listing, the dashboard, the declined group's own pull requests, the dashboard
    github.calls.clear()  # the dashboard remembers it declined: no more reads for it
    result = grouped_run(monorepo, github)
    assert result.message == "13 pull requests: 1 declined, 12 unchanged" and len(github.open_pulls()) == 12
    assert github.calls == [("GET", "/repos/acme/shop/pulls?per_page=100&state=open"), DASHBOARD_LISTING]


def test_a_group_whose_files_came_clean_is_closed_and_a_new_group_opens(monorepo):
    github = FakeGitHub()
    grouped_run(monorepo, github)
    team11 = open_by_branch(github)[f"{PREFIX}/acme-team-11"]
    seed = monorepo.seed_fetch()  # team-11's pull request merged; a new service for a new team
    for n in range(60, 64):
        path = f"services/svc-{n}/Dockerfile"
        (seed / path).write_text(monorepo.remote_file(f"{PREFIX}/acme-team-11", path) + "\n")
    (seed / ".github/CODEOWNERS").write_text(CODEOWNERS + "/services/svc-64/ @acme/team-12\n")
    (seed / "services/svc-64").mkdir()
    (seed / "services/svc-64/Dockerfile").write_text(dockerfile(monorepo.host, 64))
    git("add", "-A", cwd=seed)
    git("commit", "--quiet", "-m", "merge team-11, add svc-64", cwd=seed)
    git("push", "--quiet", "origin", "HEAD:main", cwd=seed)
    result = grouped_run(monorepo, github)
    pulls = open_by_branch(github)
    assert f"{PREFIX}/acme-team-11" not in pulls and github.pulls[team11["number"]]["state"] == "closed"
    assert github.comments[-1]["issue"] == team11["number"]
    assert "nothing needs hardening any more in this pull request's files" in github.comments[-1]["body"]
    assert files_of_branch(monorepo, f"{PREFIX}/acme-team-12") == {"services/svc-64/Dockerfile"}
    assert requested(pulls[f"{PREFIX}/acme-team-12"]) == {"acme/team-12"}
    # the base moved, so every other group's branch is refreshed onto it, as the one pull request's is
    assert result.message == "14 pull requests: 1 opened, 12 updated, 1 closed"


def test_switching_group_by_closes_the_old_pull_requests_with_a_pointer(monorepo):
    github = FakeGitHub()
    run(monorepo, github)  # the repository's one pull request
    single = open_by_branch(github)[PREFIX]
    github.calls.clear()
    result = grouped_run(monorepo, github)
    pulls = open_by_branch(github)
    assert len(pulls) == 13 and PREFIX not in branches(monorepo) and github.pulls[single["number"]]["state"] == "closed"
    [pointer] = [c["body"] for c in github.comments if c["issue"] == single["number"]]
    assert all(f"#{p['number']}" in pointer for p in pulls.values())
    no_file_in_two_open_pulls(monorepo, github)
    assert result.message == "14 pull requests: 13 opened, 1 closed"

    by_owner = {ref: p["number"] for ref, p in pulls.items()}
    result = grouped_run(monorepo, github, group_by=GroupBy.FOLDER)  # owner → folder
    pulls = open_by_branch(github)
    assert len(pulls) == SERVICES and not set(by_owner) & set(pulls)
    held = no_file_in_two_open_pulls(monorepo, github)
    for number in by_owner.values():
        assert github.pulls[number]["state"] == "closed"
        [pointer] = [c["body"] for c in github.comments if c["issue"] == number]
        assert "grouped differently" in pointer
    team10 = [c["body"] for c in github.comments if c["issue"] == by_owner[f"{PREFIX}/acme-team-10"]][0]
    for n in range(10, 20):  # the pointer names each pull request that now holds one of its files
        [ref] = [ref for ref, files in held.items() if f"services/svc-{n}/Dockerfile" in files]
        assert f"#{pulls[ref]['number']}" in team10

    result = run(monorepo, github)  # and back to the repository's one pull request
    pulls = open_by_branch(github)
    assert list(pulls) == [PREFIX] and result.outcome == "opened"
    assert not [ref for ref in branches(monorepo) if ref.startswith(f"{PREFIX}/")]
    assert len(files_of_branch(monorepo, PREFIX)) == SERVICES


def test_harden_on_a_groups_pull_request_works_on_that_groups_files(monorepo):
    github = FakeGitHub(permissions={"maintainer": "write"})
    grouped_run(monorepo, github)
    team01 = f"{PREFIX}/acme-team-01"
    pull, head = open_by_branch(github)[team01], branches(monorepo)[team01]
    result = run(monorepo, github, "issue_comment", comment_event(pull["number"]), group_by=GroupBy.OWNER)
    assert result.outcome == "nothing" and branches(monorepo)[team01] == head  # not the 60 others' files

    seed = monorepo.seed_fetch()  # a maintainer's new service lands on the group's branch, unhardened
    git("checkout", "--quiet", "-B", "maintainer", f"origin/{team01}", cwd=seed)
    (seed / "services/svc-71").mkdir()
    (seed / "services/svc-71/Dockerfile").write_text(dockerfile(monorepo.host, 71))
    git("add", "-A", cwd=seed)
    git("commit", "--quiet", "-m", "svc-71", cwd=seed)
    git("push", "--quiet", "origin", f"HEAD:refs/heads/{team01}", cwd=seed)
    git("checkout", "--quiet", "main", cwd=seed)
    result = run(monorepo, github, "issue_comment", comment_event(pull["number"]), group_by=GroupBy.OWNER)
    assert result.outcome == "pushed" and result.changed_files == ["services/svc-71/Dockerfile"]
    assert files_of_branch(monorepo, team01) == {f"services/svc-{n:02d}/Dockerfile" for n in (1, 21, 31, 41, 71)}


def test_a_dry_run_says_how_many_pull_requests_and_writes_nothing(monorepo):
    github = FakeGitHub()
    result = grouped_run(monorepo, github, dry_run=True)
    assert result.outcome == "dry-run" and result.message == "dry run: would harden 64 files in 13 pull requests"
    assert github.calls == [] and branches(monorepo) == {"main": branches(monorepo)["main"]}


def test_the_default_grouping_is_todays_one_pull_request(monorepo):
    github = FakeGitHub()
    result = run(monorepo, github)
    assert result.outcome == "opened" and list(open_by_branch(github)) == [PREFIX] and result.groups == ()
    assert len(files_of_branch(monorepo, PREFIX)) == SERVICES


# -- pure parts ------------------------------------------------------------------------------

def test_reviewers_are_accounts_and_teams_and_e_mails_are_left_out():
    assert reviewers_of(("@acme/web", "@dana", "ops@example.com")) == (("acme/web", "dana"), ("ops@example.com",))


def test_a_groups_report_holds_its_files_only():
    results = tuple(FileResult(p, "dockerfile", "x", Hardened("y", (), (), ())) for p in ("a/Dockerfile", "b/Dockerfile"))
    sliced = group_report(RunReport(results, (), True), ("b/Dockerfile",))
    assert [r.path for r in sliced.results] == ["b/Dockerfile"]



def test_a_reviewer_github_refuses_is_logged_and_the_rest_of_the_run_goes_on(monorepo):
    github = FakeGitHub(failures=[("POST", r"/requested_reviewers$", 422, {})])
    result = grouped_run(monorepo, github)
    assert result.outcome == "opened" and len(github.open_pulls()) == 13
    assert sum("would not ask for reviews" in line and "HTTP 422" in line for line in monorepo.lines) == 1
    assert sum(1 for p in github.open_pulls() if requested(p)) == 11  # the 12 with owners but the refused one


def push_to(project: Project, branch: str, edits: dict[str, str], message: str) -> str:
    """A maintainer's commit on a group's branch, made in their own clone."""
    seed = project.seed
    git("fetch", "--quiet", "--prune", "origin", "+refs/heads/*:refs/remotes/origin/*", cwd=seed)
    git("checkout", "--quiet", "-B", "maintainer", f"origin/{branch}", cwd=seed)
    for path, text in edits.items():
        (seed / path).write_text(text)
    git("commit", "--quiet", "-am", message, cwd=seed)
    git("push", "--quiet", "--force", "origin", f"HEAD:refs/heads/{branch}", cwd=seed)
    git("checkout", "--quiet", "main", cwd=seed)
    return branches(project)[branch]


def test_peoples_commits_on_a_groups_branch_are_carried_and_a_conflict_keeps_it(monorepo):
    github = FakeGitHub()
    grouped_run(monorepo, github)
    team07, team01 = f"{PREFIX}/acme-team-07", f"{PREFIX}/acme-team-01"
    readme = "# shop, svc-07 reviewed by team-07\n"
    push_to(monorepo, team07, {"README.md": readme}, "docs: team-07 reviewed")
    svc01 = monorepo.remote_file(team01, "services/svc-01/Dockerfile")
    first, rest = svc01.split("\n", 1)
    kept = push_to(monorepo, team01, {"services/svc-01/Dockerfile": f"{first} AS app\n{rest}\n"}, "svc-01: name the stage")
    monorepo.registry.push_image("flow/node", "20", seed="node-2")  # team-07's refresh
    monorepo.registry.push_image("flow/python", "3.12-slim", seed="python-2")  # and everyone's
    result = grouped_run(monorepo, github)
    [seven] = [g for g in result.groups if g.key == "acme-team-07"]
    [one] = [g for g in result.groups if g.key == "acme-team-01"]
    assert seven.outcome == "updated" and monorepo.remote_file(team07, "README.md") == readme.rstrip("\n")
    assert "docs: team-07 reviewed" in open_by_branch(github)[team07]["body"]
    assert one.outcome == "kept" and branches(monorepo)[team01] == kept
    assert "svc-01: name the stage" in github.comments[-1]["body"]
    assert github.comments[-1]["issue"] == open_by_branch(github)[team01]["number"]
    assert result.message == "13 pull requests: 12 updated, 1 kept"
