"""A file a compose build or a workflow names as its Dockerfile is one, whatever it is called
(`internal/dockerfile_hub`, `build/app.df`): it is scanned like the files named Dockerfile."""
from __future__ import annotations

import pytest

from bot.cli import main
from bot.sources.workflow import builds
from tests.helpers import write

SERVICE = 'FROM python:3.12-slim\nRUN pip install flask\nCMD ["python", "app.py"]\n'

WORKFLOW = """on: push
jobs:
  images:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        include:
          - image: acme/hub
            dockerfile: ./internal/dockerfile_hub
          - image: acme/agent
            dockerfile: ./internal/dockerfile_agent
    steps:
      - uses: docker/build-push-action@v6
        with:
          context: ./
          file: ${{ matrix.dockerfile }}
          tags: ${{ matrix.image }}:latest
"""


def test_a_workflow_matrix_names_the_dockerfiles_its_job_builds():
    assert [build.dockerfile for build in builds(WORKFLOW, ".github/workflows/images.yml")] == [
        "internal/dockerfile_hub", "internal/dockerfile_agent"]


def _checked(tmp_path, capsys) -> str:
    main(["check", "--offline", "--select", "DL3042", str(tmp_path)])
    return capsys.readouterr().out


def test_the_dockerfiles_a_workflow_matrix_builds_are_scanned(tmp_path, capsys):
    write(tmp_path, ".github/workflows/images.yml", WORKFLOW)
    write(tmp_path, "internal/dockerfile_hub", SERVICE)
    write(tmp_path, "internal/dockerfile_agent", SERVICE)
    out = _checked(tmp_path, capsys)
    assert "internal/dockerfile_hub:2: DL3042" in out and "internal/dockerfile_agent:2: DL3042" in out


@pytest.mark.parametrize("name, scanned", [
    ("build/app.df", True),
    ("build/Dockerfile.j2", False),  # a template: something renders it first
    ("testdata/app.df", False),  # a test fixture's folder
])
def test_the_dockerfile_a_compose_build_names_is_scanned_unless_its_name_or_folder_says_otherwise(
        tmp_path, capsys, name, scanned):
    write(tmp_path, "compose.yaml", f"services:\n  app:\n    build:\n      context: .\n      dockerfile: {name}\n")
    write(tmp_path, name, SERVICE)
    assert (f"{name}:2: DL3042" in _checked(tmp_path, capsys)) is scanned


def test_a_dockerfile_named_outside_the_repository_is_not_read(tmp_path, capsys):
    repository = tmp_path / "repository"
    write(tmp_path, "outside.df", SERVICE)
    write(repository, "compose.yaml", "services:\n  app:\n    build:\n      context: .\n      dockerfile: ../outside.df\n")
    assert "outside.df" not in _checked(repository, capsys)


def test_the_dockerfile_a_compose_build_names_through_its_dotenv_is_scanned(tmp_path, capsys):
    write(tmp_path, "deploy/compose.yaml", "services:\n  app:\n    build:\n      context: ..\n"
                                           "      dockerfile: ${APP_DOCKERFILE}\n")
    write(tmp_path, "deploy/.env", "APP_DOCKERFILE=build/app.df\n")
    write(tmp_path, "build/app.df", SERVICE)
    assert "build/app.df:2: DL3042" in _checked(tmp_path, capsys)



def test_a_workflow_names_its_dockerfile_through_env():
    text = """on: push
env:
  DOCKERFILE: DockerfileBuild
jobs:
  publish:
    runs-on: ubuntu-latest
    env:
      CONTEXT: tools
    steps:
      - uses: docker/build-push-action@v6
        with:
          context: ${{ env.CONTEXT }}
          file: ${{env.DOCKERFILE}}
      - uses: docker/build-push-action@v6
        env:
          DOCKERFILE: step.Dockerfile
        with:
          file: ${{ env.DOCKERFILE }}
      - uses: docker/build-push-action@v6
        with:
          file: ${{ env.UNSET }}
"""
    assert [build.dockerfile for build in builds(text, ".github/workflows/publish.yml")] == [
        "DockerfileBuild", "step.Dockerfile"]
