"""The pull request flow end to end: a real bare git remote (file://), the real registry for
digests, and GitHub's REST API faked at the HTTP layer. Every scenario of the action."""
from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
import responses

from bot.action import action_main, run_flow
from bot.errors import HardenbotError
from bot.flow import TITLE, FlowSettings, Log, Outcome, ensure_pull_request
from bot.github.api import GitHubRepo
from bot.github.event import trigger_from
from bot.gitops import Identity, Repository
from bot.model.verify_settings import VerifyMode
from tests.fake_github import API, FakeGitHub

TOKEN = "ghs_" + "T0kEn" * 7
EVENTS = Path(__file__).parent / "fixtures" / "events"
GIT_ENV = {"GIT_AUTHOR_NAME": "Dev", "GIT_AUTHOR_EMAIL": "dev@example.com", "GIT_COMMITTER_NAME": "Dev",
           "GIT_COMMITTER_EMAIL": "dev@example.com", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"}


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True,
                          env={**os.environ, **GIT_ENV}).stdout.strip()


@dataclass
class Project:
    remote: Path
    checkout: Path
    seed: Path
    host: str
    registry: object
    lines: list[str]

    def remote_sha(self, branch: str) -> str | None:
        out = git("ls-remote", str(self.remote), f"refs/heads/{branch}", cwd=self.seed)
        return out.split()[0] if out else None

    def remote_file(self, branch: str, path: str) -> str:
        return git("show", f"{self.remote_sha(branch)}:{path}", cwd=self.seed_fetch())

    def seed_fetch(self) -> Path:
        git("fetch", "--quiet", "origin", "+refs/heads/*:refs/remotes/origin/*", cwd=self.seed)
        return self.seed


def unhardened(host: str) -> dict[str, str]:
    return {
        "services/api/Dockerfile": f"FROM {host}/flow/python:3.12-slim\nRUN pip install flask\nCMD [\"python\", \"/app/api.py\"]\n",
        "services/web/Dockerfile": f"FROM {host}/flow/python:3.12-slim\nCOPY . /app\nCMD [\"python\", \"/app/x.py\"]\n",
        "docker-compose.yml": f"services:\n  cache:\n    image: {host}/flow/redis:7  # cache\n",
        "README.md": "# shop\n",
    }


@pytest.fixture
def project(tmp_path, registry):
    registry.push_image("flow/python", "3.12-slim", seed="python-1")
    registry.push_image("flow/redis", "7", seed="redis-1")
    return seeded_project(tmp_path, registry, unhardened(registry.host))


def seeded_project(tmp_path: Path, registry, files: dict[str, str]) -> Project:
    """A bare remote whose `main` holds `files`, a seed clone to push from, and a shallow checkout."""
    remote, seed, checkout = tmp_path / "remote.git", tmp_path / "seed", tmp_path / "checkout"
    git("init", "--quiet", "--bare", "-b", "main", str(remote), cwd=tmp_path)
    git("clone", "--quiet", str(remote), str(seed), cwd=tmp_path)
    for relative, text in files.items():
        (seed / relative).parent.mkdir(parents=True, exist_ok=True)
        (seed / relative).write_text(text)
    git("add", "-A", cwd=seed)
    git("commit", "--quiet", "-m", "initial", cwd=seed)
    git("push", "--quiet", "origin", "HEAD:main", cwd=seed)
    git("clone", "--quiet", "--depth=1", f"file://{remote}", str(checkout), cwd=tmp_path)
    return Project(remote, checkout, seed, registry.host, registry, [])


def event(name: str, **changes) -> dict:
    payload = json.loads((EVENTS / f"{name}.json").read_text())
    for dotted, value in changes.items():
        target = payload
        *parents, last = dotted.split("__")
        for key in parents:
            target = target[key]
        target[last] = value
    return payload


def run(project: Project, github: FakeGitHub, name: str = "schedule", payload: dict | None = None, *,
        environ: dict | None = None, verify: VerifyMode = VerifyMode.OFF, docker_hub_empty: bool = False,
        **settings):
    """One run of the flow; `docker_hub_empty`: Docker Hub answers 404 to every manifest (a
    frontend a fix adds is then not found at once, rather than unreachable after retries)."""
    trigger = trigger_from(name, payload if payload is not None else event(name))
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        github.install(mock)
        mock.add_passthru(re.compile(r"https?://127\.0\.0\.1"))
        if docker_hub_empty:
            for method in (responses.HEAD, responses.GET):
                mock.add(method, re.compile(r"https://registry-1\.docker\.io/v2/.+/manifests/.+"), status=404)
        return run_flow(FlowSettings("acme/shop", project.checkout, **settings), trigger, TOKEN, environ or {},
                        offline=False, workers=4, log=Log(project.lines.append), api_url=API,
                        seconds_between_writes=None, verify=verify)


def test_scheduled_run_opens_one_pull_request(project):
    github = FakeGitHub()
    result = run(project, github)
    assert result.outcome == "opened" and len(github.open_pulls()) == 1
    pull = github.open_pulls()[0]
    assert pull["head"]["ref"] == "hardenbot/harden" and pull["base"]["ref"] == "main"
    assert [label["name"] for label in pull["labels"]] == ["security", "hardenbot"]
    body = pull["body"]
    for heading in ("## hardenbot: container hardening", "### What changed", "### Base image digests",
                    "### Needs a person", "<!-- hardenbot:state"):
        assert heading in body
    assert "| `services/api/Dockerfile` | service image (CMD runs python /app/api.py) | D → A | 4 → 0 |" in body
    assert f"| `{project.host}/flow/redis` | `7` | — → `" in body
    api = project.remote_file("hardenbot/harden", "services/api/Dockerfile")
    assert "@sha256:" in api and "pip install --no-cache-dir flask" in api and "USER 10001:10001" in api
    compose = project.remote_file("hardenbot/harden", "docker-compose.yml")
    assert re.fullmatch(rf"services:\n  cache:\n    image: {re.escape(project.host)}/flow/redis:7@sha256:[0-9a-f]{{64}}  # cache",
                        compose)
    message = git("log", "-1", "--format=%an <%ae>%n%B", "origin/hardenbot/harden", cwd=project.seed_fetch())
    assert message.startswith("github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>\n"
                              "hardenbot: harden 3 files")
    assert "- HB030 (" in message and "- DL3042 (1x)" in message
    assert project.remote_sha("main") == git("rev-parse", "HEAD", cwd=project.checkout)  # main untouched
    assert result.changed_files == ["docker-compose.yml", "services/api/Dockerfile", "services/web/Dockerfile"]


def test_a_scheduled_run_pins_a_versioned_add_url_to_what_it_served(project, tmp_path, monkeypatch):
    """HB062 in the pull request flow: the URL is downloaded once by the run, as on the command line."""
    from tests.servers import HttpServer, tls_files

    body = b"release bytes " * 100
    cert, key = tls_files(tmp_path)
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(cert))
    with HttpServer(lambda method, path, headers: (200, {}, body), tls_files=(cert, key)) as server:
        url = f"{server.url}/releases/download/v1.2.3/tool-1.2.3.tar.gz"
        (project.seed / "services/tool/Dockerfile").parent.mkdir(parents=True)
        (project.seed / "services/tool/Dockerfile").write_text(f"FROM {project.host}/flow/python:3.12-slim\n"
                                                             f"ADD {url} /opt/\nCMD [\"/opt/run\"]\n")
        git("add", "-A", cwd=project.seed)
        git("commit", "--quiet", "-m", "a tool", cwd=project.seed)
        git("push", "--quiet", "origin", "HEAD:main", cwd=project.seed)
        git("fetch", "--quiet", "--depth=1", "origin", "main", cwd=project.checkout)
        git("reset", "--quiet", "--hard", "FETCH_HEAD", cwd=project.checkout)
        result = run(project, FakeGitHub(), docker_hub_empty=True)
        assert result.outcome == "opened"
        assert len(server.seen) == 1
    tool = project.remote_file("hardenbot/harden", "services/tool/Dockerfile")
    assert f"ADD --checksum=sha256:{hashlib.sha256(body).hexdigest()} {url} /opt/" in tool


def test_a_run_counts_its_seconds_to_the_phases_bench_pr_prints(project):
    result = run(project, FakeGitHub())
    assert set(result.timings) == {"api", "git", "scan", "resolve", "policies", "commit+push"}
    assert all(seconds >= 0 for seconds in result.timings.values())


def test_second_run_is_a_no_op(project):
    github = FakeGitHub()
    run(project, github)
    branch = project.remote_sha("hardenbot/harden")
    github.calls.clear()
    result = run(project, github)
    assert result.outcome == "unchanged"
    assert project.remote_sha("hardenbot/harden") == branch  # no push
    assert github.writes == [] and len(github.calls) <= 3  # no API write
    assert len(github.pulls) == 1


def test_moved_tag_updates_the_same_pull_request(project):
    github = FakeGitHub()
    run(project, github)
    before_sha, before_body = project.remote_sha("hardenbot/harden"), github.open_pulls()[0]["body"]
    old = re.search(r"sha256:[0-9a-f]{64}", project.remote_file("hardenbot/harden", "services/api/Dockerfile")).group()
    new = project.registry.push_image("flow/python", "3.12-slim", seed="python-2")
    result = run(project, github)
    assert result.outcome == "updated" and len(github.pulls) == 1
    after_sha = project.remote_sha("hardenbot/harden")
    assert after_sha != before_sha
    assert f"@{new}" in project.remote_file("hardenbot/harden", "services/api/Dockerfile")
    body = github.open_pulls()[0]["body"]
    assert body != before_body and new.split(":")[1][:12] in body and old.split(":")[1][:12] not in body


def test_nothing_left_closes_the_bots_pull_request(project):
    github = FakeGitHub()
    run(project, github)
    pull = github.open_pulls()[0]
    git("fetch", "--quiet", "origin", cwd=project.seed)
    git("reset", "--quiet", "--hard", "origin/hardenbot/harden", cwd=project.seed)
    git("push", "--quiet", "origin", "HEAD:main", cwd=project.seed)  # someone merged it
    result = run(project, github)
    assert result.outcome == "closed" and github.pulls[pull["number"]]["state"] == "closed"
    assert "nothing needs hardening any more" in github.comments[-1]["body"]


def test_create_race_ends_in_one_pull_request(project):
    github = FakeGitHub(race_on_create=True)
    result = run(project, github)
    assert len(github.pulls) == 1 and result.pull_request.number == next(iter(github.pulls))
    body = github.open_pulls()[0]["body"]
    assert body.startswith("<!-- hardenbot -->")  # the other run's pull request now carries this run's body


def test_push_failure_touches_no_pull_request(project):
    hook = project.remote / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'rejected by policy' >&2\nexit 1\n")
    hook.chmod(0o755)
    github = FakeGitHub()
    with pytest.raises(HardenbotError, match="git push failed"):
        run(project, github)
    assert github.writes == [] and github.pulls == {}
    hook.unlink()
    assert run(project, github).outcome == "opened"  # the next run finishes the job


def test_pull_request_failure_after_push_is_finished_by_the_next_run(project, monkeypatch):
    slept = []
    monkeypatch.setattr("time.sleep", slept.append)  # the retries' waits, counted rather than waited
    github = FakeGitHub(failures=[("POST", r"/pulls$", 502, {})] * 3)
    with pytest.raises(HardenbotError, match=r"^GitHub: cannot create the pull request: HTTP 502"):
        run(project, github)
    assert slept == [2.0, 4.0]  # three tries, backing off
    pushed = project.remote_sha("hardenbot/harden")
    assert pushed and github.pulls == {}
    result = run(project, github)
    assert result.outcome == "opened" and project.remote_sha("hardenbot/harden") == pushed


def test_server_errors_and_secondary_rate_limits_are_retried(project, monkeypatch):
    slept = []
    monkeypatch.setattr("time.sleep", slept.append)
    github = FakeGitHub(failures=[("GET", r"/pulls$", 502, {}),
                                  ("POST", r"/pulls$", 403, {"Retry-After": "3"})])
    assert run(project, github).outcome == "opened"
    assert 3.0 in slept and len(github.pulls) == 1


def test_dry_run_writes_nothing(project):
    github = FakeGitHub()
    result = run(project, github, "workflow_dispatch", event("workflow_dispatch", inputs={"dry-run": "true"}))
    assert result.outcome == "dry-run" and "### What changed" in result.summary
    assert project.remote_sha("hardenbot/harden") is None and github.writes == []



def ensure(github: FakeGitHub, body: str = "the body", *, pushed: bool = False):
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        github.install(mock)
        repo = GitHubRepo("acme/shop", TOKEN, base_url=API, seconds_between_writes=None)
        return ensure_pull_request(repo, base="main", head="hardenbot/harden", title=TITLE, body=body,
                                   labels=("security", "hardenbot"), pushed=pushed)


@pytest.mark.parametrize(("case", "outcome", "writes"), [
    ("nothing differs", Outcome.UNCHANGED, []),
    ("only the branch moved", Outcome.UPDATED, []),
    ("the body differs", Outcome.UPDATED, [("PATCH", "/repos/acme/shop/pulls/42")]),
    ("a person removed a label", Outcome.UPDATED, [("POST", "/repos/acme/shop/issues/42/labels")]),
    ("a person added a label", Outcome.UNCHANGED, []),
])
def test_ensure_pull_request_writes_only_what_differs(case, outcome, writes):
    github = FakeGitHub()
    ensure(github)
    pull = github.open_pulls()[0]
    if case == "a person removed a label":
        pull["labels"] = pull["labels"][:1]
    if case == "a person added a label":
        pull["labels"].append({"name": "needs-review", "color": "ededed", "id": 9})
    github.calls.clear()
    found, result = ensure(github, "a new body" if case == "the body differs" else "the body",
                           pushed=case == "only the branch moved")
    assert result == outcome and found.number == pull["number"] and github.writes == writes


def test_ensure_pull_request_opens_and_labels_one():
    github = FakeGitHub()
    pull, outcome = ensure(github)
    assert outcome == Outcome.OPENED and pull.number == 42 and len(github.pulls) == 1
    assert github.writes == [("POST", "/repos/acme/shop/pulls"), ("POST", "/repos/acme/shop/issues/42/labels")]


def test_the_actions_outcome_output_is_the_plain_word(project, tmp_path):
    output, event_file = tmp_path / "output.txt", tmp_path / "event.json"
    event_file.write_text(json.dumps(event("workflow_dispatch", inputs={"dry-run": "true"})))
    environ = {"GITHUB_REPOSITORY": "acme/shop", "GITHUB_EVENT_NAME": "workflow_dispatch",
               "GITHUB_EVENT_PATH": str(event_file), "GITHUB_WORKSPACE": str(project.checkout), "INPUT_TOKEN": TOKEN,
               "GITHUB_OUTPUT": str(output), "GITHUB_API_URL": API, "HOME": str(tmp_path)}
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        FakeGitHub().install(mock)
        mock.add_passthru(re.compile(r"https?://127\.0\.0\.1"))
        assert action_main(environ, lambda line: None) == 0
    lines = output.read_text().splitlines(keepends=True)
    assert lines[:3] == ["pull-request-number=\n", "pull-request-url=\n",
                         'changed-files=["docker-compose.yml", "services/api/Dockerfile", "services/web/Dockerfile"]\n']
    assert lines[3].startswith("findings=")
    assert lines[4:] == ["outcome=dry-run\n", "pull-request-branch=\n", "pull-request-head-sha=\n"]


def make_pull_request_branch(project: Project, branch: str, *, fork: bool = False) -> str:
    git("checkout", "--quiet", "-b", branch, "main", cwd=project.seed)
    path = project.seed / "services/pay/Dockerfile"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"FROM {project.host}/flow/python:3.12-slim\nRUN pip install stripe\n")
    (project.seed / "services/pay/run.sh").write_text("#!/bin/sh\ntouch /tmp/hardenbot-ran-fork-code\n")
    git("add", "-A", cwd=project.seed)
    git("commit", "--quiet", "-m", "payments", cwd=project.seed)
    sha = git("rev-parse", "HEAD", cwd=project.seed)
    target = "refs/pull/42/head" if fork else f"refs/heads/{branch}"
    git("push", "--quiet", "origin", f"HEAD:{target}", cwd=project.seed)
    git("checkout", "--quiet", "main", cwd=project.seed)
    return sha


def comment_event(number: int, user: str = "maintainer", association: str = "MEMBER", body: str = "/harden") -> dict:
    return event("issue_comment", issue__number=number, comment__user={"login": user, "id": 5, "type": "User"},
                 comment__author_association=association, comment__body=body)


def test_harden_by_a_collaborator_pushes_onto_the_pull_requests_branch(project):
    head = make_pull_request_branch(project, "feature/pay")
    github = FakeGitHub(permissions={"maintainer": "write"})
    pull = github.add_pull("feature/pay", "acme/shop", head)
    result = run(project, github, "issue_comment", comment_event(pull["number"]))
    assert result.outcome == "pushed"
    assert github.reactions and github.reactions[0]["content"] == "eyes"
    new_head = project.remote_sha("feature/pay")
    assert new_head != head and git("rev-parse", f"{new_head}^", cwd=project.seed_fetch()) == head
    assert "pip install --no-cache-dir stripe" in project.remote_file("feature/pay", "services/pay/Dockerfile")
    assert github.comments[-1]["body"].startswith("hardenbot: pushed ")
    assert project.remote_sha("hardenbot/harden") is None and len(github.pulls) == 1


def test_harden_by_an_outsider_writes_nothing_but_one_reply(project):
    head = make_pull_request_branch(project, "feature/pay")
    github = FakeGitHub(permissions={"visitor": "read"})
    pull = github.add_pull("feature/pay", "acme/shop", head)
    for association in ("NONE", "COLLABORATOR"):  # claimed association, but the API says read-only
        github.comments.clear()
        result = run(project, github, "issue_comment", comment_event(pull["number"], "visitor", association))
        assert result.outcome == "refused"
        assert [c["body"] for c in github.comments] == [
            "hardenbot: @visitor, `/harden` is only for people who can write to this repository, so I will not act on it."]
    assert github.reactions == [] and project.remote_sha("feature/pay") == head
    assert [w for w in github.writes if "comments" not in w[1]] == []


def test_fork_gets_a_suggested_diff_and_its_code_is_never_checked_out(project, monkeypatch):
    head = make_pull_request_branch(project, "feature/pay", fork=True)
    github = FakeGitHub(permissions={"maintainer": "admin"})
    pull = github.add_pull("feature/pay", "stranger/shop", head)
    worktrees = []
    original = Repository.worktree
    monkeypatch.setattr(Repository, "worktree", lambda self, commit: worktrees.append(commit) or original(self, commit))
    result = run(project, github, "issue_comment", comment_event(pull["number"]))
    assert result.outcome == "suggested" and worktrees == []
    reply = github.comments[-1]["body"]
    assert "comes from a fork" in reply and "```diff\n--- a/" in reply and "\n--- a/services/pay/Dockerfile\n" in reply
    assert "+RUN pip install --no-cache-dir stripe" in reply
    assert not Path("/tmp/hardenbot-ran-fork-code").exists()
    assert project.remote_sha("feature/pay") is None  # nothing pushed anywhere


def test_comments_that_are_not_commands_are_ignored(project):
    github = FakeGitHub()
    for payload in (comment_event(42, body="looks good /harden"), event("issue_comment", action="edited"),
                    event("issue_comment", issue__pull_request=None)):
        assert run(project, github, "issue_comment", payload).outcome == "ignored"
    assert github.calls == []


def test_the_action_end_to_end_outputs_summary_and_no_token_anywhere(project, tmp_path, capsys):
    github = FakeGitHub()
    (project.checkout / "services/broken").mkdir(parents=True)
    output, summary = tmp_path / "output.txt", tmp_path / "summary.md"
    event_file = tmp_path / "event.json"
    event_file.write_text(json.dumps(event("schedule")))
    git("checkout", "--quiet", "-b", "add-broken", cwd=project.seed)
    (project.seed / "services/broken/Dockerfile").parent.mkdir(parents=True, exist_ok=True)
    (project.seed / "services/broken/Dockerfile").write_text("FROM debian:12\nRUN <<EOF\nnever ends\n")
    git("add", "-A", cwd=project.seed)
    git("commit", "--quiet", "-m", "broken", cwd=project.seed)
    git("push", "--quiet", "origin", "HEAD:main", cwd=project.seed)
    environ = {"GITHUB_REPOSITORY": "acme/shop", "GITHUB_EVENT_NAME": "schedule", "GITHUB_EVENT_PATH": str(event_file),
               "GITHUB_WORKSPACE": str(project.checkout), "INPUT_TOKEN": TOKEN, "INPUT_LABELS": "security\nbots\n",
               "GITHUB_OUTPUT": str(output), "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_API_URL": API,
               "HOME": str(tmp_path)}
    printed: list[str] = []
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        github.install(mock)
        mock.add_passthru(re.compile(r"https?://127\.0\.0\.1"))
        assert action_main(environ, printed.append) == 0
    text = "\n".join(printed)
    assert printed[0] == f"::add-mask::{TOKEN}"
    assert "::group::Scan and harden" in text and "::endgroup::" in text
    assert "::error file=services/broken/Dockerfile,line=2::unterminated heredoc <<EOF" in text
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines())
    pull = github.open_pulls()[0]
    assert outputs["pull-request-number"] == str(pull["number"]) and outputs["pull-request-url"] == pull["html_url"]
    assert outputs["pull-request-branch"] == "hardenbot/harden"
    assert outputs["pull-request-head-sha"] == project.remote_sha("hardenbot/harden")
    assert json.loads(outputs["changed-files"]) == ["docker-compose.yml", "services/api/Dockerfile",
                                                    "services/web/Dockerfile"]
    assert int(outputs["findings"]) >= 1
    assert [label["name"] for label in pull["labels"]] == ["security", "bots"]
    assert summary.read_text().startswith("<!-- hardenbot -->\n## hardenbot: container hardening")
    assert "could not be read: unterminated heredoc" in pull["body"]
    # the token: masked first, then nowhere — not in output, files, commits, the remote or the API bodies
    everywhere = "\n".join(printed[1:]) + output.read_text() + summary.read_text()
    everywhere += json.dumps(github.pulls) + json.dumps(github.comments)
    everywhere += git("log", "--all", "-p", cwd=project.seed_fetch())
    assert TOKEN not in everywhere
    for root in (project.checkout, project.remote):
        for path in root.rglob("*"):
            if path.is_file():
                assert TOKEN.encode() not in path.read_bytes(), path



def test_hardenbot_pr_from_a_laptop_checkout(project, monkeypatch, capsys):
    from bot.cli import main

    github = FakeGitHub()
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    monkeypatch.setenv("GITHUB_API_URL", API)
    (project.checkout / "uncommitted.txt").write_text("my work in progress\n")
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        github.install(mock)
        mock.add_passthru(re.compile(r"https?://127\.0\.0\.1"))
        assert main(["pr", "--repo", "acme/shop", str(project.checkout)]) == 0
    out = capsys.readouterr()
    assert "hardenbot: opened pull request #" in out.out and TOKEN not in out.out + out.err
    assert ("GET", "/repos/acme/shop") in github.calls  # the default branch, asked once
    assert (project.checkout / "uncommitted.txt").read_text() == "my work in progress\n"  # the checkout is untouched
    assert "USER" not in (project.checkout / "services/api/Dockerfile").read_text()


def test_hardenbot_pr_needs_a_token(monkeypatch, capsys, tmp_path):
    from bot.cli import main

    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    assert main(["pr", "--repo", "acme/shop", str(tmp_path)]) == 2
    assert "set GITHUB_TOKEN" in capsys.readouterr().err


NO_ENGINE = {"DOCKER_HOST": "unix:///nonexistent/docker.sock", "PATH": os.environ["PATH"]}


def test_verify_true_without_an_engine_fails_before_anything_is_written(project):
    github = FakeGitHub()
    with pytest.raises(HardenbotError, match="--verify: .*no Docker engine answers"):
        run(project, github, environ=NO_ENGINE, verify=VerifyMode.ON)
    assert github.open_pulls() == [] and project.remote_sha("hardenbot/harden") is None


def test_verify_auto_without_an_engine_says_so_in_the_body(project):
    github = FakeGitHub()
    result = run(project, github, environ=NO_ENGINE, verify=VerifyMode.AUTO)
    assert result.outcome == "opened"
    body = github.open_pulls()[0]["body"]
    assert "### Verification\n\nNot built: no Docker engine to build with (" in body


def test_create_pull_request_style_inputs(project):
    github = FakeGitHub()
    settings = dict(title="chore: container hardening", draft=True, reviewers=("alice", "acme/sec-team"),
                    assignees=("bob",), path="services/api", author=Identity("Sec Team", "sec@example.com"),
                    commit_message="chore(docker): harden {files} files\n\nRules: {rules}\n")
    result = run(project, github, **settings)
    assert result.outcome == "opened" and result.changed_files == ["services/api/Dockerfile"]
    [pull] = github.open_pulls()
    assert pull["title"] == "chore: container hardening" and pull["draft"] is True
    assert pull["requested_reviewers"] == [{"login": "alice"}] and pull["requested_teams"] == [{"slug": "sec-team"}]
    assert pull["assignees"] == [{"login": "bob"}]
    log = git("log", "-1", "--format=%an <%ae>|%cn <%ce>|%B", "origin/hardenbot/harden", cwd=project.seed_fetch())
    author, committer, message = log.split("|")
    assert author == "Sec Team <sec@example.com>" and committer.startswith("github-actions[bot] <")
    assert message.startswith("chore(docker): harden 1 files\n\nRules: DL3042, HB001, HB002, HB030")
    # the next run knows that commit for its own (author, committer, the template's subject): nothing new
    again = run(project, github, **settings)
    assert again.outcome == "unchanged" and [c for c in github.writes if c[0] == "POST"][-1][1].endswith("/assignees")


def test_a_path_that_is_not_a_folder_is_one_line(project):
    with pytest.raises(HardenbotError, match="path 'services/nope' is not a folder of the repository"):
        run(project, FakeGitHub(), path="services/nope")


@pytest.mark.parametrize("name, value", [("author", "nobody"), ("committer", "Bot <not an email>")])
def test_an_identity_input_that_is_not_name_and_email_is_one_line(tmp_path, name, value):
    event_file = tmp_path / "event.json"
    event_file.write_text(json.dumps(event("schedule")))
    environ = {"GITHUB_REPOSITORY": "acme/shop", "GITHUB_EVENT_NAME": "schedule", "GITHUB_EVENT_PATH": str(event_file),
               "GITHUB_WORKSPACE": str(tmp_path), "INPUT_TOKEN": TOKEN, f"INPUT_{name.upper()}": value}
    printed: list[str] = []
    assert action_main(environ, printed.append) == 1
    assert printed[-1] == (f"::error::input {name} must be `Display Name <email@example.com>`, not {value!r}")


def test_harden_on_a_pull_request_from_the_default_branch_replies_with_the_diff(project):
    head = project.remote_sha("main")
    github = FakeGitHub(permissions={"maintainer": "write"})
    pull = github.add_pull("main", "acme/shop", head)  # head is the default branch: a push would land there
    result = run(project, github, "issue_comment", comment_event(pull["number"]))
    assert result.outcome == "suggested"
    assert project.remote_sha("main") == head
    reply = github.comments[-1]["body"]
    assert "is the base or the default branch, so hardenbot does not push" in reply and "```diff\n--- a/" in reply
