"""HB064: what a build context holds that must not ship, read from the repository's tree (names
only, bounded, no link followed), and the exact .dockerignore a finding asks for."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot import action, run
from bot.cli import main
from bot.engine import harden_text
from bot.model.verification import Build, BuildState, Verdict
from bot.model.verify_settings import VerifyMode
from bot.report.markdown import render_body
from bot.report.text import unified_diff
from bot.sources import build_context
from bot.sources.build_context import list_contexts, must_not_ship
from bot.verify.docker import BuildResult
from bot.verify.verifier import Verifier
from tests import test_flow
from tests.conftest import FIXTURES
from tests.fake_github import FakeGitHub
from tests.helpers import case_ruleset, case_source, read, write
from tests.test_flow import git
from tests.test_flow import run as flow_run
from tests.test_verify import RuleBuilder, harden

project = test_flow.project  # the fixture: a bare remote, a maintainer's clone, the action's shallow checkout


@pytest.mark.parametrize(("name", "folder", "leaks"), [
    (".git", True, True), (".git", False, False), (".aws", True, True), (".ssh", True, True), (".aws", False, False),
    (".env", False, True), (".env.production", False, True), (".env.local", False, True),
    (".env.example", False, False), (".env.sample", False, False), (".env.template", False, False),
    (".env", True, False), ("prod.env", False, False),
    ("server.key", False, True), ("tls.pem", False, True), ("privkey.pem", False, True), ("key.pem", False, True),
    ("ca.pem", False, False), ("cert.pem", False, False), ("fullchain.pem", False, False),
    ("root-ca.pem", False, False), ("servercert.pem", False, False),
    ("id_rsa", False, True), ("id_ed25519", False, True), ("id_rsa.pub", False, False), ("id_rsa_backup", False, False),
    (".npmrc", False, True), (".pypirc", False, True), (".netrc", False, True), ("terraform.tfstate", False, True),
    ("store.p12", False, True), ("README.md", False, False), ("keys", True, False),
])
def test_names_that_must_not_ship(name, folder, leaks):
    assert must_not_ship(name, folder) is leaks


def _case_messages(name: str) -> list[str]:
    case = FIXTURES / "HB064" / f"{name}.in.Dockerfile"
    path, kind = case_source(case)
    return [f.message for f in harden_text(read(case), path, case_ruleset(case), kind).before]


def test_the_message_gives_the_exact_dockerignore_and_leaves_what_the_build_reads():
    [every] = _case_messages("root_copy")
    assert every.endswith("add .dockerignore with the lines .env, .env.production, .git, .npmrc, app/.env, "
                          "certs/server.key, deploy/id_rsa, terraform.tfstate")
    # `COPY .env.production`, `COPY certs/*.key`, a bind mount, `npm ci` and `git rev-parse` read theirs.
    [read_some] = _case_messages("read_by_the_build")
    assert read_some.endswith("add .dockerignore with the lines .env, app/.env, deploy/id_rsa")
    [folders] = _case_messages("folder_copy")
    assert folders.startswith("COPY app/ puts in the image") and folders.endswith("the lines app/.env, deploy/id_rsa")
    [hidden] = _case_messages("variable_source")
    assert "the lines" not in hidden and "a source behind a variable" in hidden
    [partial] = _case_messages("partial_listing")
    assert "there may be more" in partial and partial.endswith("add services/api/.dockerignore with the lines .git")
    assert _case_messages("excluded") == _case_messages("builder_only") == _case_messages("ignored") == []


def _tree(root: Path) -> Path:
    write(root, "services/api/Dockerfile", "FROM python:3.12-slim\nCOPY . /app\nCMD [\"python\", \"/app/main.py\"]\n")
    write(root, "services/api/main.py", "print('hi')\n")
    write(root, "services/api/.env", "API_TOKEN=x\n")
    write(root, "services/api/.git/HEAD", "ref: refs/heads/main\n")
    write(root, "services/api/.git/config/.env", "never listed: inside .git\n")
    write(root, "services/api/conf/id_ed25519", "k\n")
    write(root, "services/api/conf/id_ed25519.pub", "k\n")
    write(root, "outside/.env", "SECRET=x\n")
    os.symlink(root / "outside", root / "services/api/linked")  # a link ships as a link
    os.symlink(root / "outside/.env", root / "services/api/.env.linked")
    return root


def test_the_listing_reads_names_in_the_context_only_and_follows_no_link(tmp_path):
    root = _tree(tmp_path / "repo")
    write(tmp_path, "elsewhere/.env", "X=1\n")
    os.symlink(tmp_path / "elsewhere", root / "away")
    listings = list_contexts(root, {"services/api/Dockerfile": "services/api", "away/Dockerfile": "away"})
    assert listings["services/api/Dockerfile"].found == (".env", ".git", "conf/id_ed25519")
    assert listings["services/api/Dockerfile"].complete and listings["services/api/Dockerfile"].ignore_file is None
    assert "away/Dockerfile" not in listings  # a context linked out of the repository is not listed


def test_a_context_folder_is_found_as_realpath_finds_it(tmp_path):
    """Only the folder's own components are looked at (the root is resolved): each case agrees
    with resolving the whole path."""
    root = _tree(tmp_path.resolve() / "repo")
    write(root, "real/app/.env", "X=1\n")
    os.symlink(root / "real", root / "via")  # a link that stays inside the repository
    write(root, "plain.txt", "not a folder\n")
    write(tmp_path, "elsewhere/app/.env", "X=1\n")
    os.symlink(tmp_path / "elsewhere", root / "away")  # a link leading out of it
    expected = {".": root, "services/api": root / "services/api", "via/app": root / "real/app",
                "services/api/linked": root / "outside", "services/../real/app": root / "real/app",
                "away/app": None, "..": None, "missing": None, "plain.txt": None, "plain.txt/below": None,
                str(tmp_path / "elsewhere"): None}
    for folder, found in expected.items():
        assert build_context._context_folder(root, folder) == (str(found) if found else None), folder
        assert build_context._resolved_folder(root, folder) == (str(found) if found else None), folder


def test_a_dockerignore_of_the_context_or_the_dockerfile_means_nothing_is_listed(tmp_path):
    root = _tree(tmp_path)
    write(root, "services/api/Dockerfile.dockerignore", ".git\n")
    write(root, "services/web/Dockerfile", "FROM nginx:1.27\nCOPY . /usr/share/nginx/html\n")
    write(root, "services/web/.dockerignore", "*\n")
    listings = list_contexts(root, {"services/api/Dockerfile": "services/api", "services/web/Dockerfile": "services/web"})
    assert listings["services/api/Dockerfile"].ignore_file == "services/api/Dockerfile.dockerignore"
    assert listings["services/web/Dockerfile"].ignore_file == "services/web/.dockerignore"
    assert listings["services/api/Dockerfile"].found == listings["services/web/Dockerfile"].found == ()


def test_the_listing_stops_at_its_bound_and_says_so(tmp_path, monkeypatch):
    for n in range(30):
        write(tmp_path, f"pkg{n:02}/.env", "X=1\n")
    monkeypatch.setattr(build_context, "MAX_ENTRIES", 40)  # the 30 folders, then 10 of their files
    listing = list_contexts(tmp_path, {"Dockerfile": "."})["Dockerfile"]
    assert not listing.complete and 0 < len(listing.found) < 30


def test_check_reports_the_leak_of_a_compose_services_context_through_the_cli(tmp_path, capsys):
    root = _tree(tmp_path)
    write(root, "compose.yaml", "services:\n  api:\n    build:\n      context: services/api\n"
                                "  web:\n    build: services/web\n")
    write(root, "services/web/Dockerfile", "FROM nginx:1.27\nCOPY . /usr/share/nginx/html\n")
    write(root, "services/web/.dockerignore", ".git\n")
    write(root, "services/web/.git/HEAD", "x\n")
    assert main(["check", "--offline", "--format", "json", str(root)]) == 1
    files = {f["path"]: f["findings"] for f in json.loads(capsys.readouterr().out)["files"]}
    [leak] = [f for f in files["services/api/Dockerfile"] if f["rule"] == "HB064"]
    assert leak["line"] == 2 and leak["message"].endswith(
        "add services/api/.dockerignore with the lines .env, .git, conf/id_ed25519")
    assert not any(f["rule"] == "HB064" for f in files["services/web/Dockerfile"])
    # … and the rest of the run went on: the other rules reported on both files.
    assert any(f["rule"] == "HB030" for f in files["services/web/Dockerfile"])
    assert any(f["rule"] == "HB001" for f in files["services/api/Dockerfile"])


SERVICE = "FROM debian:12\nWORKDIR /app\nCOPY . .\nUSER 10001\nCMD [\"/app/run.sh\"]\n"
IGNORE = ("# Added by hardenbot (HB064): files in the build context that must not ship in the image\n"
          ".env\n.git\nconf/id_ed25519\n")


@dataclass
class NeedsGit(RuleBuilder):
    """A build whose step reads .git: it fails when a .dockerignore leaves .git out."""

    def build(self, text, dockerfile, context, target, *, network, timeout, ignore):
        if ignore is not None and b"\n.git\n" in ignore:
            self.built.append(text)
            self.ignores.append(ignore)
            return BuildResult(Build(BuildState.FAILED, 0.1, log_tail=("fatal: not a git repository",)), None)
        return super().build(text, dockerfile, context, target, network=network, timeout=timeout, ignore=ignore)


def _service(root: Path) -> Path:
    write(root, "svc/Dockerfile", SERVICE)
    write(root, "svc/run.sh", "echo\n")
    write(root, "svc/.env", "API_TOKEN=x\n")
    write(root, "svc/.git/HEAD", "ref: refs/heads/main\n")
    write(root, "svc/conf/id_ed25519", "k\n")
    return root


def test_fix_verify_adds_the_dockerignore_its_build_was_proven_with(tmp_path, capsys):
    root = _service(tmp_path)
    engine = RuleBuilder()
    report = harden(root, engine)
    [item] = report.verification
    assert item.verdict is Verdict.VERIFIED
    assert engine.ignores == [None, IGNORE.encode()]  # the original built without it, the hardened with it
    assert (root / "svc/.dockerignore").read_text() == IGNORE
    assert (root / "svc/Dockerfile").read_text() == SERVICE  # the Dockerfile itself is left as it was
    [result] = report.results
    [applied] = [f for f in result.hardened.applied if f.rule == "HB064"]
    assert applied.message.endswith("add svc/.dockerignore with the lines .env, .git, conf/id_ed25519")
    assert not any(f.rule == "HB064" for f in result.hardened.after) and result.written_paths == ["svc/.dockerignore"]
    diff = unified_diff(result)
    assert diff.startswith("--- /dev/null\n+++ b/svc/.dockerignore\n@@ -0,0 +1,4 @@\n+# Added by hardenbot")
    body = render_body(report, [])
    assert "#### HB064" in body and "add svc/.dockerignore with the lines" in body
    # A second run finds the .dockerignore and has nothing to add.
    again = harden(root, RuleBuilder())
    assert not any(f.rule == "HB064" for r in again.results for f in r.hardened.before)


def test_a_dockerignore_the_build_does_not_bear_is_dropped_and_reported(tmp_path):
    root = _service(tmp_path)
    engine = NeedsGit()
    report = harden(root, engine)
    [item] = report.verification
    assert item.verdict is Verdict.EDITS_DROPPED and item.dropped == ("HB064",)
    assert not (root / "svc/.dockerignore").exists()
    [result] = report.results
    assert not result.changed and result.hardened.created == ()
    [note] = [f for f in result.hardened.after if f.rule == "HB064"]
    assert note.message.startswith("not changed: with this edit the image did not build (fatal: not a git repository")


def test_without_verify_the_dockerignore_is_only_reported_and_nothing_is_written(tmp_path, capsys):
    root = _service(tmp_path)
    assert main(["fix", "--offline", str(root)]) in (0, 1)
    out = capsys.readouterr().out
    assert "HB064 COPY . puts in the image" in out and "add svc/.dockerignore with the lines .env, .git, conf/id_ed25519" in out
    assert not (root / "svc/.dockerignore").exists()
    assert "USER 10001" in (root / "svc/Dockerfile").read_text()  # … and the run went on


def test_a_file_that_appeared_in_the_meantime_is_never_replaced(tmp_path, monkeypatch):
    root = _service(tmp_path)
    real = run.create_atomic

    def racing(path, text):  # someone writes the file between the listing and the write
        path.write_text("mine\n")
        real(path, text)
    monkeypatch.setattr(run, "create_atomic", racing)
    report = harden(root, RuleBuilder())
    assert (root / "svc/.dockerignore").read_text() == "mine\n"
    [error] = report.errors
    assert error.path == "svc/Dockerfile" and error.message == "cannot write: svc/.dockerignore: File exists"


def test_the_pull_request_commits_the_added_dockerignore(project, monkeypatch):
    write(project.seed, "services/web/.env", "SESSION_SECRET=x\n")
    write(project.seed, "services/web/deploy.key", "k\n")
    git("add", "-A", cwd=project.seed)
    git("commit", "--quiet", "-m", "config", cwd=project.seed)
    git("push", "--quiet", "origin", "HEAD:main", cwd=project.seed)
    engine = RuleBuilder()
    monkeypatch.setattr(action, "make_verifier", lambda mode, settings, *rest: (Verifier(engine, settings), ""))
    github = FakeGitHub()
    result = flow_run(project, github, verify=VerifyMode.ON)
    assert result.outcome == "opened"
    assert project.remote_file("hardenbot/harden", "services/web/.dockerignore") == (
        "# Added by hardenbot (HB064): files in the build context that must not ship in the image\n.env\ndeploy.key")
    assert "services/web/.dockerignore" in result.changed_files and "services/api/Dockerfile" in result.changed_files
    assert "add services/web/.dockerignore with the lines .env, deploy.key" in github.open_pulls()[0]["body"]
    assert [b"\n.env\ndeploy.key\n" in (i or b"") for i in engine.ignores].count(True) == 1  # the hardened web build
