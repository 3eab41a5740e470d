"""`hardenbot org report`: the dashboard body (totals, problems, the worst repositories first,
folded under GitHub's 65,536 characters at 10,000 repositories), reading the jobs' result
files, and the one issue it keeps, updated in place."""
from __future__ import annotations

import json

import responses

from bot.cli import main
from bot.github.org import GitHubOrg
from bot.org.dashboard import GITHUB_BODY_LIMIT, DashboardInput, render_dashboard
from bot.org.report import LABEL, MARKER, publish
from bot.org.results import RepositoryResult, ResultFiles, failed, read_results, write_result
from tests.fake_github_org import API, FakeOrganisation

TOKEN = "ghs_" + "R3p0rt" * 6
WHEN = "2024-05-01T10:00:00Z"


def result(name: str, before: str = "D", after: str = "B", person: int = 1, **fields) -> RepositoryResult:
    values = dict(outcome="opened", message="opened pull request #7", finished_at=WHEN,
                  run_url="https://github.com/acme/central/actions/runs/1", grade_before=before, grade_after=after,
                  files_scanned=4, files_hardened=2, needs_a_person=person, pull_request=7,
                  pull_request_url=f"https://github.com/acme/{name}/pull/7", pull_request_state="open",
                  verification="2 verified")
    values.update(fields)
    return RepositoryResult(f"acme/{name}", **values)


def test_the_dashboard_lists_totals_problems_and_the_worst_first():
    results = (result("good", "B", "A", 0), result("bad", "F", "D", 3), result("worse", "F", "D", 5),
               result("merged", "C", "A", 0, pull_request_state="merged"),
               result("fine", "A", "A", 0, outcome="nothing", pull_request=None, pull_request_url="",
                      pull_request_state="", files_hardened=0, verification=""),
               failed("acme/broken", "GitHub: cannot create the pull request: HTTP 502", WHEN))
    body = render_dashboard(DashboardInput(results, expected=("acme/bad", "acme/silent", "acme/broken"),
                                           deferred=4, skipped={"archived": 2, "fork": 1}))
    lines = body.splitlines()
    assert lines[0] == MARKER and lines[1] == "## hardenbot: organisation dashboard"
    assert ("**6 repositories** reported: 8 files hardened, **8 findings need a person**; pull requests "
            "**3 open**, **1 merged**; **1 failed**, **1 did not report**, 4 wait for a later run.") in body
    assert "Grades, weakest file of each repository: before F 2 · C 1 · B 1 · A 1 → after D 2 · A 3." in body
    assert "- [acme/broken](https://github.com/acme/broken): GitHub: cannot create the pull request: HTTP 502" in body
    assert "### No result" in body and "- [acme/silent](https://github.com/acme/silent)" in body
    rows = [line for line in lines if line.startswith("| [acme/")]
    assert [row.split("]")[0][3:] for row in rows] == ["acme/worse", "acme/bad", "acme/merged", "acme/good",
                                                       "acme/fine"]
    assert rows[0] == ("| [acme/worse](https://github.com/acme/worse) | F → D | 2 of 4 | 5 | "
                       "[#7](https://github.com/acme/worse/pull/7) open | 2 verified | "
                       "[2024-05-01 10:00 UTC](https://github.com/acme/central/actions/runs/1) |")
    assert "| 0 of 4 | 0 | nothing to harden | — |" in rows[4] and "merged |" in rows[2]
    assert body.endswith("Skipped by the plan: 2 archived, 1 fork.\n")


def test_ten_thousand_repositories_fold_under_githubs_limit_keeping_the_worst():
    grades = "FDCBA"
    results = tuple(result(f"svc-{i:05d}", "F", grades[i % 5], i % 4) for i in range(10_000))
    body = render_dashboard(DashboardInput(results))
    assert len(body) <= GITHUB_BODY_LIMIT - 536
    rows = [line for line in body.splitlines() if line.startswith("| [acme/")]
    assert 100 < len(rows) < 10_000
    assert all("| F → F |" in row for row in rows)  # only the weakest listed, their worst rows first
    assert all("| 3 |" in row for row in rows[:50])
    fold = next(line for line in body.splitlines() if line.startswith("… and **"))
    assert f"**{10_000 - len(rows)} more repositories**" in fold
    counted = sum(int(part.split()[0]) for part in fold.split(": ", 1)[1].split(". ")[0].split(", "))
    assert counted == 10_000 - len(rows)


def test_result_files_round_trip_and_the_later_run_wins(tmp_path):
    first, later = result("api", finished_at="2024-05-01T10:00:00Z"), result("api", finished_at="2024-05-02T10:00:00Z")
    write_result(tmp_path / "a" / "acme__api.json", later)
    write_result(tmp_path / "b" / "acme__api.json", first)
    write_result(tmp_path / "b" / "acme__web.json", result("web"))
    assert read_results(tmp_path) == ResultFiles((later, result("web")))
    (tmp_path / "b" / "junk.json").write_text("[1, 2]")
    (tmp_path / "b" / "part.json").write_text('{"repository": "acme/x"}')
    files = read_results(tmp_path)
    assert files.results == (later, result("web"))  # the others are read all the same
    assert [str(e) for e in files.invalid] == ["b/junk.json: not a JSON object", "b/part.json: no outcome"]


def publish_with(org: FakeOrganisation, body: str):
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        org.install(mock)
        return publish(GitHubOrg(TOKEN, base_url=API, points_per_minute=None), "acme/central", body)


def test_the_dashboard_is_one_issue_updated_in_place():
    org = FakeOrganisation()
    other = {"number": 99, "title": "Not ours", "body": "a person's issue", "state": "open",
             "labels": [{"name": LABEL}], "html_url": "https://github.com/acme/central/issues/99"}
    org.issues[99] = other
    created = publish_with(org, f"{MARKER}\nfirst\n")
    assert created.outcome == "created" and len(org.calls) == 2
    assert [label["name"] for label in org.issues[created.issue.number]["labels"]] == [LABEL]
    org.calls.clear()
    assert publish_with(org, f"{MARKER}\nfirst\n").outcome == "unchanged" and org.writes == [] and len(org.calls) == 1
    assert publish_with(org, f"{MARKER}\nsecond\n").outcome == "updated"
    org.issues[created.issue.number]["state"] = "closed"  # someone closed it
    reopened = publish_with(org, f"{MARKER}\nsecond\n")
    assert reopened.outcome == "updated" and org.issues[created.issue.number]["state"] == "open"
    assert sorted(org.issues) == [created.issue.number, 99] and org.issues[99] == other


def test_org_report_command_end_to_end(tmp_path, monkeypatch, capsys):
    org = FakeOrganisation()
    results = tmp_path / "results"
    write_result(results / "acme__api.json", result("api"))
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps({"selected": [{"repository": "acme/api"}, {"repository": "acme/web"}],
                                "deferred": [], "skipped": [{"repository": "acme/old", "reason": "archived"}]}))
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    monkeypatch.setenv("GITHUB_API_URL", API)
    arguments = ["org", "report", "--repository", "acme/central", "--results", str(results), "--plan", str(plan)]
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        org.install(mock)
        assert main([*arguments, "--dry-run"]) == 0
        assert org.calls == []
        printed = capsys.readouterr().out
        assert main(arguments) == 0
    body = next(iter(org.issues.values()))["body"]
    assert body == printed and "**1 did not report**" in body and "Skipped by the plan: 1 archived." in body
    out = capsys.readouterr()
    assert "hardenbot: dashboard created: https://github.com/acme/central/issues/1" in out.out
    assert TOKEN not in out.out + out.err
