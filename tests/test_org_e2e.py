"""An organisation-wide run end to end, as the example workflow runs it: `hardenbot org plan`
over the faked organisation, one action run per matrix entry with the `repository` input
(real bare remotes, cloned over file://, GitHub faked at the HTTP layer, digests from the real
registry), then `hardenbot org report` into one dashboard issue. A second run changes nothing
and costs each repository one API call (the bot branch's pull requests, open and closed)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import responses

from bot.action import action_main
from bot.cli import main
from bot.org.results import read_results
from tests.fake_github import API, FakeGitHub
from tests.fake_github_org import FakeOrganisation, FakeRepository
from tests.test_flow import EVENTS, git  # the same git, as a developer, and the same events

TOKEN = "ghs_" + "M4tr1x" * 6
def files_of(host: str) -> dict[str, dict[str, str]]:
    return {
        "api": {"Dockerfile": f"FROM {host}/flow/python:3.12-slim\nRUN pip install flask\nCMD [\"python\", \"a.py\"]\n"},
        "web": {"docker-compose.yml": f"services:\n  cache:\n    image: {host}/flow/redis:7\n",
                "site/Dockerfile": f"FROM {host}/flow/python:3.12-slim\nCOPY . /app\n"},
        "done": {"README.md": "# nothing to harden\n", ".github/workflows/ci.yml": "on: push\njobs: {}\n"},
    }


class Organisation:
    """Bare remotes under `remotes/acme/<name>.git`, and GitHub faked for each repository."""

    def __init__(self, tmp_path: Path, host: str):
        self.root = tmp_path
        self.remotes = tmp_path / "remotes"
        self.fake = FakeOrganisation("acme", [
            FakeRepository("api", paths=("Dockerfile",)),
            FakeRepository("web", "trunk", paths=("docker-compose.yml", "site/Dockerfile")),
            FakeRepository("done", paths=("README.md", ".github/workflows/ci.yml")),
            FakeRepository("docs", paths=("README.md",)),
            FakeRepository("old", archived=True, paths=("Dockerfile",)),
            FakeRepository("gone", paths=("Dockerfile",)),  # listed, but its remote is gone: the job fails
        ])
        self.github = {name: FakeGitHub(repository=f"acme/{name}", default_branch=branch)
                       for name, branch in (("api", "main"), ("web", "trunk"), ("done", "main"), ("gone", "main"))}
        for name, files in files_of(host).items():
            branch = self.github[name].default_branch
            remote, seed = self.remotes / "acme" / f"{name}.git", tmp_path / "seeds" / name
            remote.parent.mkdir(parents=True, exist_ok=True)
            git("init", "--quiet", "--bare", "-b", branch, str(remote), cwd=tmp_path)
            git("init", "--quiet", "-b", branch, str(seed), cwd=tmp_path)
            for relative, text in files.items():
                (seed / relative).parent.mkdir(parents=True, exist_ok=True)
                (seed / relative).write_text(text)
            git("add", "-A", cwd=seed)
            git("commit", "--quiet", "-m", "initial", cwd=seed)
            git("push", "--quiet", str(remote), f"HEAD:{branch}", cwd=seed)
        merged = self.github["done"].add_pull("hardenbot/harden", "acme/done", "0" * 40)  # merged last week
        merged.update(state="closed", merged_at="2024-04-24T09:00:00Z")
        self.central = tmp_path / "central"
        self.central.mkdir()

    def remote_sha(self, name: str, branch: str) -> str | None:
        out = git("ls-remote", str(self.remotes / "acme" / f"{name}.git"), f"refs/heads/{branch}", cwd=self.root)
        return out.split()[0] if out else None

    def mock(self) -> responses.RequestsMock:
        mock = responses.RequestsMock(assert_all_requests_are_fired=False)
        mock.start()
        self.fake.install(mock)
        for github in self.github.values():
            github.install(mock)
        mock.add_passthru(re.compile(r"http://127\.0\.0\.1"))
        return mock

    def environment(self, **extra: str) -> dict[str, str]:
        event = self.root / "event.json"
        event.write_text((EVENTS / "schedule.json").read_text())
        return {"GITHUB_TOKEN": TOKEN, "GITHUB_API_URL": API, "GITHUB_SERVER_URL": f"file://{self.remotes}",
                "GITHUB_REPOSITORY": "acme/central", "GITHUB_EVENT_NAME": "schedule", "GITHUB_EVENT_PATH": str(event),
                "GITHUB_WORKSPACE": str(self.central), "GITHUB_RUN_ID": "77", "HOME": str(self.root),
                "INPUT_VERIFY": "false", **extra}

    def plan(self, monkeypatch) -> list[dict]:
        output = self.root / "plan-output"
        output.unlink(missing_ok=True)
        for key, value in self.environment(GITHUB_OUTPUT=str(output)).items():
            monkeypatch.setenv(key, value)
        assert main(["org", "plan", "--owner", "acme", "--plan-file", str(self.root / "plan.json"),
                     "--points-per-minute", "0"]) == 0
        outputs = dict(line.split("=", 1) for line in output.read_text().splitlines())
        assert outputs["batch-count"] == "1"
        return json.loads(outputs["batch-0"])["include"]

    def run_job(self, entry: dict, printed: list[str]) -> int:
        environ = self.environment(**{"INPUT_REPOSITORY": entry["repository"], "INPUT_BASE-BRANCH": entry["base-branch"],
                                      "INPUT_RESULT-FILE": f"results/{entry['slug']}.json"})
        return action_main(environ, printed.append)

    def report(self, monkeypatch) -> int:
        for key, value in self.environment().items():
            monkeypatch.setenv(key, value)
        return main(["org", "report", "--repository", "acme/central", "--results", str(self.central / "results"),
                     "--plan", str(self.root / "plan.json"), "--points-per-minute", "0"])


@pytest.fixture
def org(tmp_path, registry):
    registry.push_image("flow/python", "3.12-slim", seed="python-1")
    registry.push_image("flow/redis", "7", seed="redis-1")
    return Organisation(tmp_path, registry.host)


def test_plan_jobs_and_dashboard_end_to_end(org, monkeypatch):
    mock = org.mock()
    try:
        entries = org.plan(monkeypatch)
        assert [(e["repository"], e["base-branch"]) for e in entries] == [
            ("acme/api", "main"), ("acme/done", "main"), ("acme/gone", "main"), ("acme/web", "trunk")]
        printed: list[str] = []
        codes = {entry["repository"]: org.run_job(entry, printed) for entry in entries}
        assert codes == {"acme/api": 0, "acme/done": 0, "acme/gone": 1, "acme/web": 0}
        results = {r.repository: r for r in read_results(org.central / "results").results}
        api, web, done, gone = (results[f"acme/{n}"] for n in ("api", "web", "done", "gone"))
        assert api.outcome == "opened" and api.pull_request_state == "open" and api.files_hardened == 1
        assert (api.grade_before, api.grade_after) == ("D", "A") and api.run_url == "file://" + str(org.remotes) \
            + "/acme/central/actions/runs/77"
        assert web.outcome == "opened" and web.files_hardened == 2
        assert done.outcome == "nothing" and (done.pull_request_state, done.pull_request) == ("merged", 42)
        assert gone.outcome == "failed" and gone.message.startswith("cannot clone acme/gone: ")
        for name in ("api", "web"):
            pulls = org.github[name].open_pulls()
            assert len(pulls) == 1 and pulls[0]["base"]["ref"] == org.github[name].default_branch
            assert org.remote_sha(name, "hardenbot/harden")
        api_remote = str(org.remotes / "acme" / "api.git")
        assert "USER" in git("--git-dir", api_remote, "show", f"{org.remote_sha('api', 'hardenbot/harden')}:Dockerfile",
                             cwd=org.root)
        assert org.report(monkeypatch) == 0
        issues = list(org.fake.issues.values())
        assert len(issues) == 1
        body = issues[0]["body"]
        assert "**4 repositories** reported" in body and "**2 open**, **1 merged**" in body
        assert "### Failed" in body and "cannot clone acme/gone" in body
        assert "Skipped by the plan: 1 archived, 1 no Dockerfile, compose file or workflow." in body
        rows = [line for line in body.splitlines() if line.startswith("| [acme/")]
        # web keeps a finding for a person (B after), api is wholly fixed (A), done had nothing to do
        assert [row.split("]")[0][3:] for row in rows] == ["acme/web", "acme/api", "acme/done"], rows
        assert "| C → B | 2 of 2 | 1 |" in rows[0] and "| D → A | 1 of 1 | 0 |" in rows[1]
        # the link is the server's page of the pull request, never an address a result file gives
        assert f"[#42](file://{org.remotes}/acme/done/pull/42) merged" in rows[2]
        everywhere = "\n".join(printed) + body + "".join(p.read_text() for p in (org.central / "results").glob("*"))
        assert TOKEN not in everywhere.replace(f"::add-mask::{TOKEN}", "")
    finally:
        mock.stop()
        mock.reset()


def test_a_second_run_is_a_no_op_at_one_api_call_a_repository(org, monkeypatch):
    mock = org.mock()
    try:
        entries = [e for e in org.plan(monkeypatch) if e["repository"] != "acme/gone"]
        for entry in entries:
            assert org.run_job(entry, []) == 0
        branches = {name: org.remote_sha(name, "hardenbot/harden") for name in ("api", "web")}
        for github in org.github.values():
            github.calls.clear()
        for entry in entries:
            assert org.run_job(entry, []) == 0
        for entry in entries:
            github = org.github[entry["repository"].split("/")[1]]
            assert github.writes == [] and len(github.calls) == 1, (entry, github.calls)
        assert {name: org.remote_sha(name, "hardenbot/harden") for name in ("api", "web")} == branches
        assert org.report(monkeypatch) == 0 and org.report(monkeypatch) == 0
        assert len(org.fake.issues) == 1
    finally:
        mock.stop()
        mock.reset()


def test_a_harden_comment_never_acts_on_another_repository(org):
    mock = org.mock()
    try:
        event = org.root / "comment.json"
        event.write_text((EVENTS / "issue_comment.json").read_text())
        printed: list[str] = []
        environ = org.environment(INPUT_REPOSITORY="acme/api", GITHUB_EVENT_NAME="issue_comment",
                                  GITHUB_EVENT_PATH=str(event))
        assert action_main(environ, printed.append) == 0
        assert any("nothing to do: /harden acts on this repository, not on acme/api" in line for line in printed)
        assert org.github["api"].calls == [] and org.remote_sha("api", "hardenbot/harden") is None
    finally:
        mock.stop()
        mock.reset()
