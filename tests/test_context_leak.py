"""HB064: what a build context holds that must not ship, read from the repository's tree (names
only, bounded, no link followed), and the exact .dockerignore a finding asks for."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from bot.cli import main
from bot.engine import harden_text
from bot.sources import build_context
from bot.sources.build_context import list_contexts, must_not_ship
from tests.conftest import FIXTURES
from tests.helpers import case_ruleset, case_source, read, write


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
