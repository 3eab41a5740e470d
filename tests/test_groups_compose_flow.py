"""Compose files and workflows in grouped pull requests, end to end (as test_group_flow.py: the
real bare git remote and registry, GitHub faked at the HTTP layer): a monorepo whose root
compose file names three services' images, beside each service's own compose file, a deploy
file naming one image, and a workflow. Each edit lands in the pull request of the service it
concerns when that team may merge it alone, and each branch applies to the base alone."""
from __future__ import annotations

import pytest

from bot.model.groups import GroupBy
from tests.fake_github import FakeGitHub
from tests.test_flow import git, run, seeded_project
from tests.test_group_flow import PREFIX, files_of_branch, no_file_in_two_open_pulls, open_by_branch, requested

SERVICES = ("api", "web", "worker")
CODEOWNERS = ("/services/api/ @acme/api\n/services/web/ @acme/web\n/services/worker/ @acme/worker\n"
              "/deploy/ @acme/api\n/.github/ @acme/platform\n")


def service_compose(host: str, name: str) -> str:
    text = f"services:\n  {name}:\n    build: .\n    image: {host}/acme/{name}\n"
    return text + (f"  db:\n    image: {host}/flow/postgres:16\n" if name == "api" else "")


def workflow(host: str) -> str:
    return ("on: push\njobs:\n  web:\n    runs-on: ubuntu-latest\n    services:\n"
            f"      db: {host}/flow/postgres:16\n    steps:\n      - uses: docker/build-push-action@v6\n"
            f"        with:\n          context: services/web\n          tags: {host}/acme/web:latest\n")


@pytest.fixture
def monorepo(tmp_path, registry):
    for repository, tag in [("flow/python", "3.12-slim"), ("flow/postgres", "16"),
                            *((f"acme/{name}", "1") for name in SERVICES)]:
        registry.push_image(repository, tag, seed="1")
    host = registry.host
    files = {".github/CODEOWNERS": CODEOWNERS, ".github/workflows/web.yml": workflow(host),
             "docker-compose.yml": "services:\n" + "".join(f"  {name}:\n    image: {host}/acme/{name}:1\n"
                                                           for name in SERVICES),
             "deploy/compose.api.yaml": f"services:\n  api:\n    image: {host}/acme/api:1\n    restart: always\n"}
    for name in SERVICES:
        files[f"services/{name}/Dockerfile"] = f"FROM {host}/flow/python:3.12-slim\nCMD [\"python\", \"/app/{name}.py\"]\n"
        files[f"services/{name}/compose.yaml"] = service_compose(host, name)
    return seeded_project(tmp_path, registry, files)


def test_each_compose_or_workflow_edit_lands_with_the_service_it_concerns_and_each_branch_applies_alone(monorepo):
    github = FakeGitHub()
    result = run(monorepo, github, group_by=GroupBy.OWNER)
    assert result.message == "5 pull requests: 5 opened"
    held = no_file_in_two_open_pulls(monorepo, github)
    assert held == {
        # api's Dockerfile, its compose file (postgres pinned beside the service it builds) and
        # the deploy file naming api's image, which @acme/api owns too: one team, one review
        f"{PREFIX}/acme-api": {"services/api/Dockerfile", "services/api/compose.yaml", "deploy/compose.api.yaml"},
        f"{PREFIX}/acme-web": {"services/web/Dockerfile"},
        f"{PREFIX}/acme-worker": {"services/worker/Dockerfile"},
        # the root compose file names three teams' images: it goes by its own path (no owner)
        f"{PREFIX}/unowned": {"docker-compose.yml"},
        # the workflow builds web, but @acme/platform owns it: web's team could not merge it alone
        f"{PREFIX}/acme-platform": {".github/workflows/web.yml"},
    }
    pulls = open_by_branch(github)
    assert requested(pulls[f"{PREFIX}/acme-api"]) == {"acme/api"}  # no one else asked to approve
    assert requested(pulls[f"{PREFIX}/acme-platform"]) == {"acme/platform"}
    assert requested(pulls[f"{PREFIX}/unowned"]) == set()
    root = monorepo.remote_file(f"{PREFIX}/unowned", "docker-compose.yml")
    assert all(f"/acme/{name}:1@sha256:" in root for name in SERVICES)
    assert "/acme/api:1@sha256:" in monorepo.remote_file(f"{PREFIX}/acme-api", "deploy/compose.api.yaml")

    # Each branch is the base with its group's files only: its diff applies to the base alone,
    # and all of them together in any order (they touch different files).
    seed = monorepo.seed_fetch()
    for branch in held:
        git("checkout", "--quiet", "-B", "check", "origin/main", cwd=seed)
        patch = seed.parent / "group.patch"
        patch.write_text(git("diff", "--binary", "origin/main", f"origin/{branch}", cwd=seed) + "\n")
        git("apply", "--check", str(patch), cwd=seed)
    for order in (sorted(held), sorted(held, reverse=True)):
        git("checkout", "--quiet", "-B", "check", "origin/main", cwd=seed)
        for branch in order:
            git("merge", "--quiet", "--no-edit", f"origin/{branch}", cwd=seed)
        assert set(git("diff", "--name-only", "origin/main", "HEAD", cwd=seed).splitlines()) == set().union(*held.values())
    git("checkout", "--quiet", "main", cwd=seed)

    github.calls.clear()  # a second run over the same tree changes nothing
    again = run(monorepo, github, group_by=GroupBy.OWNER)
    assert again.message == "5 pull requests: 5 unchanged" and github.writes == []


def test_group_by_folder_puts_an_unowned_root_compose_edit_with_the_one_service_it_concerns(monorepo):
    seed = monorepo.seed_fetch()  # no CODEOWNERS; the root compose file names api's image only
    git("rm", "--quiet", ".github/CODEOWNERS", cwd=seed)
    (seed / "docker-compose.yml").write_text(f"services:\n  api:\n    image: {monorepo.host}/acme/api:1\n")
    git("commit", "--quiet", "-am", "api only", cwd=seed)
    git("push", "--quiet", "origin", "HEAD:main", cwd=seed)
    github = FakeGitHub()
    run(monorepo, github, group_by=GroupBy.FOLDER)
    held = no_file_in_two_open_pulls(monorepo, github)
    assert held[f"{PREFIX}/services-api"] == {"services/api/Dockerfile", "services/api/compose.yaml",
                                              "deploy/compose.api.yaml", "docker-compose.yml"}
    assert held[f"{PREFIX}/services-web"] == {"services/web/Dockerfile", ".github/workflows/web.yml"}
    assert files_of_branch(monorepo, f"{PREFIX}/services-worker") == {"services/worker/Dockerfile"}
    assert len(held) == 3
