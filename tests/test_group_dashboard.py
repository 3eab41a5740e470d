"""The dashboard issue of a monorepo's grouped pull requests, over runs of the 64-service
monorepo of test_group_flow.py (real bare remote, real registry, GitHub faked at the HTTP
layer): created once, updated in place, not written when nothing changed; a declined group
remembered; a tick on it proposes it again through the `issues: edited` event, by people who
may write only; and the body as pure functions."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.github.event import TriggerKind, trigger_from
from bot.model.groups import GroupBy
from bot.report.fitting import GITHUB_BODY_LIMIT
from bot.report.group_dashboard import (
    MARKER,
    GroupRow,
    GroupState,
    newly_ticked,
    read_memory,
    render_group_dashboard,
    ticked,
)
from tests.fake_github import FakeGitHub
from tests.test_flow import event, git, run
from tests.test_group_flow import DASHBOARD_LISTING, PREFIX, grouped_run, make_monorepo, open_by_branch

DOCS = Path(__file__).resolve().parent.parent / "docs" / "grouped-pull-requests.md"
PULLS_LISTING = ("GET", "/repos/acme/shop/pulls?per_page=100&state=open")


@pytest.fixture
def shop(tmp_path, registry):
    return make_monorepo(tmp_path, registry)


def the_dashboard(github: FakeGitHub) -> dict:
    [issue] = github.issues.values()
    return issue


def tick(body: str, key: str) -> str:
    """What a maintainer's click on a group's checkbox does to the body."""
    box = next(line for line in body.splitlines() if line.endswith(f"<!-- hardenbot:again {key} -->"))
    return body.replace(box, box.replace("- [ ]", "- [x]", 1))


def edit_event(before: str, after: str, number: int, user: str = "maintainer", labels=("hardenbot-dashboard",)) -> dict:
    return event("issues", changes__body__from=before, issue__body=after, issue__number=number,
                 issue__labels=[{"name": name} for name in labels],
                 sender={"login": user, "id": 9, "type": "User"})


def decline_team_05(shop, github: FakeGitHub) -> dict:
    grouped_run(shop, github)
    declined = open_by_branch(github)[f"{PREFIX}/acme-team-05"]
    github.close_pull(declined["number"])
    grouped_run(shop, github)
    return declined


def test_the_dashboard_is_created_once_updated_in_place_and_not_written_when_unchanged(shop):
    github = FakeGitHub()
    grouped_run(shop, github)
    issue = the_dashboard(github)
    assert [label["name"] for label in issue["labels"]] == ["hardenbot-dashboard"]
    assert issue["body"].startswith(MARKER + "\n## hardenbot: pull requests by group")
    assert "13 groups: **13 open**" in issue["body"] and "### Ask again" not in issue["body"]
    for pull in open_by_branch(github).values():
        assert f"| #{pull['number']} | open |" in issue["body"]
    assert len(read_memory(issue["body"])) == 13

    github.calls.clear()
    grouped_run(shop, github)
    assert github.calls == [PULLS_LISTING, DASHBOARD_LISTING] and github.writes == []

    declined = open_by_branch(github)[f"{PREFIX}/acme-team-05"]
    github.close_pull(declined["number"])
    github.calls.clear()
    grouped_run(shop, github)
    assert github.writes == [("PATCH", f"/repos/acme/shop/issues/{issue['number']}")]
    assert the_dashboard(github) is issue and len(github.issues) == 1  # in place, never a second one
    body = issue["body"]
    assert "13 groups: **1 declined**, **12 open**; 1 finding needs a person" in body
    assert f"- [ ] **@&#8203;acme/team-05** (#{declined['number']} declined) <!-- hardenbot:again acme-team-05 -->" \
        in body
    assert read_memory(body)["acme-team-05"].state is GroupState.DECLINED

    issue["state"] = "closed"  # someone closed it: the dashboard is where that would be missed
    github.calls.clear()
    grouped_run(shop, github)
    assert issue["state"] == "open" and github.writes == [("PATCH", f"/repos/acme/shop/issues/{issue['number']}")]


def test_a_declined_group_ticked_on_the_dashboard_is_proposed_again_and_the_tick_cleared(shop):
    github = FakeGitHub(permissions={"maintainer": "write"})
    declined = decline_team_05(shop, github)
    issue = the_dashboard(github)
    before = issue["body"]
    assert ticked(before) == frozenset()
    issue["body"] = tick(before, "acme-team-05")  # GitHub saves the edit, then sends the event
    github.calls.clear()
    result = run(shop, github, "issues", edit_event(before, issue["body"], issue["number"]),
                 group_by=GroupBy.OWNER)
    [again] = [g for g in result.groups if g.key == "acme-team-05"]
    assert again.outcome == "opened" and result.message == "13 pull requests: 1 opened, 12 unchanged"
    reopened = open_by_branch(github)[f"{PREFIX}/acme-team-05"]
    assert reopened["number"] != declined["number"] and github.pulls[declined["number"]]["state"] == "closed"
    assert ticked(issue["body"]) == frozenset() and "### Ask again" not in issue["body"]
    assert f"| #{reopened['number']} | open |" in issue["body"]
    assert ("GET", "/repos/acme/shop/collaborators/maintainer/permission") in github.calls
    assert any("maintainer asked again for acme-team-05 on dashboard" in line for line in shop.lines)
    assert any(f"dashboard #{issue['number']} updated, clearing the ticks of acme-team-05" in line
               for line in shop.lines)
    # the bot's own edit cleared the tick: as an event, it asks for nothing (no loop)
    assert trigger_from("issues", edit_event(issue["body"], issue["body"], issue["number"])).kind is TriggerKind.IGNORE


def test_a_tick_by_someone_who_cannot_write_does_nothing_and_says_why(shop):
    github = FakeGitHub(permissions={"visitor": "read"})
    decline_team_05(shop, github)
    issue = the_dashboard(github)
    before = issue["body"]
    issue["body"] = tick(before, "acme-team-05")
    github.calls.clear()
    result = run(shop, github, "issues", edit_event(before, issue["body"], issue["number"], "visitor"))
    assert result.outcome == "ignored"
    assert result.message == (f"nothing to do: visitor, who cannot write to the repository, ticked acme-team-05 on "
                              f"dashboard #{issue['number']}")
    assert github.calls == [("GET", "/repos/acme/shop/collaborators/visitor/permission")]
    assert f"{PREFIX}/acme-team-05" not in open_by_branch(github)


def test_an_edit_of_another_issue_or_one_ticking_nothing_is_ignored(shop):
    github = FakeGitHub(permissions={"maintainer": "write"})
    body = "<!-- hardenbot:group-dashboard -->\n- [x] **a** <!-- hardenbot:again a -->\n"
    cases = {
        "issue #55 is not hardenbot's dashboard": edit_event("", body, 55, labels=("bug",)),
        "the dashboard edit ticked no group": edit_event(body, body + "a note\n", 55),
    }
    not_ours = edit_event("", body.replace(MARKER, "<!-- mine -->"), 55)
    cases["issue #55 is not hardenbot's dashboard "] = not_ours
    for reason, payload in cases.items():
        result = run(shop, github, "issues", payload)
        assert result.outcome == "ignored" and result.message == f"nothing to do: {reason.strip()}"
    opened = event("issues", action="opened")
    assert trigger_from("issues", opened).reason == "the issue was opened, not edited"
    assert github.calls == []


def test_a_merged_group_is_looked_up_once_and_then_remembered(shop):
    github = FakeGitHub()
    grouped_run(shop, github)
    team11 = open_by_branch(github)[f"{PREFIX}/acme-team-11"]
    seed = shop.seed_fetch()  # team-11's pull request merged: its files are hardened on the base
    for n in range(60, 64):
        path = f"services/svc-{n}/Dockerfile"
        (seed / path).write_text(shop.remote_file(f"{PREFIX}/acme-team-11", path) + "\n")
    git("commit", "--quiet", "-am", "merge team-11", cwd=seed)
    git("push", "--quiet", "origin", "HEAD:main", cwd=seed)
    github.close_pull(team11["number"], merged=True)
    github.calls.clear()
    grouped_run(shop, github)
    assert ("GET", f"/repos/acme/shop/pulls/{team11['number']}") in github.calls
    body = the_dashboard(github)["body"]
    assert f"| acme-team-11 | #{team11['number']} | merged | — | — | — |" in body
    github.calls.clear()
    grouped_run(shop, github)
    assert github.calls == [PULLS_LISTING, DASHBOARD_LISTING] and the_dashboard(github)["body"] == body


def test_groups_the_rate_limit_stopped_are_told_as_not_run_and_done_by_the_next_run(shop):
    limited = ("POST", r"/pulls$", 403, {"Retry-After": "0", "X-RateLimit-Remaining": "0"})
    github = FakeGitHub(failures=[limited] * 3)  # the create of the first group's pull request, each retry
    result = grouped_run(shop, github)
    assert result.outcome == "not-run" and result.message == "13 pull requests: 13 not-run"
    assert github.pulls == {} and sum("left for the next run" in line for line in shop.lines) == 1
    body = the_dashboard(github)["body"]
    assert "13 groups: **13 not run**" in body and len(ticked(body.replace("- [ ]", "- [x]"))) == 13
    result = grouped_run(shop, github)  # nothing to push again: the branches went up the first time
    assert result.message == "13 pull requests: 13 opened" and "**13 open**" in the_dashboard(github)["body"]


# -- the body, as pure functions ---------------------------------------------------------------

def test_ticks_and_memory_are_read_back_and_nonsense_reads_as_none():
    rows = [GroupRow("web", "@acme/web", GroupState.DECLINED, 12, 3, proposal="AbCdEf"),
            GroupRow("api", "@acme/api", GroupState.OPEN, 13, 2),
            GroupRow("db", "@acme/db", GroupState.NOT_RUN, 0, 1),
            GroupRow("ops", "ops", GroupState.MERGED, 9)]
    body = render_group_dashboard(rows)
    memory = read_memory(body)
    assert memory["web"].state is GroupState.DECLINED and memory["web"].proposal == "AbCdEf" and memory["web"].pull == 12
    assert memory["api"].proposal == "" and memory["ops"].state is GroupState.MERGED
    both = body.replace("- [ ] **@&#8203;acme/web**", "- [x] **@&#8203;acme/web**").replace(
        "- [ ] **@&#8203;acme/db**", "- [X] **@&#8203;acme/db**")
    assert ticked(both) == {"web", "db"} and newly_ticked(body, both) == {"web", "db"}
    assert newly_ticked(both, body) == frozenset()  # clearing ticks asks for nothing
    assert read_memory(body.replace('"web":["d"', '"web":["?"')).keys() == {"api", "db", "ops"}
    assert read_memory("<!-- hardenbot:groups {not json} -->") == {}
    assert ticked("- [x] ask again <!-- hardenbot:again ../../etc -->") == frozenset()


def test_what_a_groups_files_say_is_data_and_a_thousand_groups_fit_under_githubs_limit():
    hostile = GroupRow("x", "<img src=x> [link](https://evil) @everyone | cell", GroupState.DECLINED, 3, 1,
                       needs=("`a|b`:1 DL3008: <!-- hidden -->",))
    body = render_group_dashboard([hostile])
    assert "<img" not in body and "](https://evil)" not in body and "@everyone" not in body
    assert "<!-- hidden -->" not in body.split("### Needs a person")[0]
    rows = [GroupRow(f"svc-{n:04d}", f"services/svc-{n:04d}", GroupState.DECLINED if n % 7 == 0 else GroupState.OPEN,
                     100 + n, 1, needs=tuple(f"`services/svc-{n:04d}/Dockerfile:{i}` DL3008: pin versions"
                                              for i in range(3)), proposal="AAAAAA")
            for n in range(3000)]
    body = render_group_dashboard(rows)
    assert len(body) <= GITHUB_BODY_LIMIT - 536 and "- … and " in body
    memory = read_memory(body)  # every declined group is remembered; open ones while they fit
    assert {key for key, r in memory.items() if r.state is GroupState.DECLINED} == {f"svc-{n:04d}" for n in
                                                                                  range(0, 3000, 7)}
    assert 429 < len(memory) < 3000


def test_the_docs_excerpt_is_what_a_run_writes(shop):
    github = FakeGitHub()
    decline_team_05(shop, github)
    body = the_dashboard(github)["body"]
    text = DOCS.read_text()
    excerpt = text.split("<!-- excerpt: tests/test_group_dashboard.py -->")[1].split("````")[1]
    lines = [line for line in excerpt.splitlines()[1:] if line.strip()]
    assert len(lines) > 10
    for line in lines:
        assert line in body.splitlines(), line
