"""Cloud Build configurations: the Dockerfiles whose image a step of the same build runs (a builder's)."""
from __future__ import annotations

import pytest

from bot.config import Config
from bot.model.roles import Role
from bot.run import process
from bot.sources.cloud_build import steps_built_here

BUILDS_AND_RUNS = """\
steps:
- name: 'gcr.io/cloud-builders/docker'
  args: ['build', '--tag=gcr.io/$PROJECT_ID/twine', '.']
- name: 'gcr.io/$PROJECT_ID/twine'
  args: ['--version']
images:
  - 'gcr.io/$PROJECT_ID/twine'
"""

CASES = [
    (BUILDS_AND_RUNS, {"Dockerfile"}),
    # -f and -t as separate words; the step names the image with the tag Docker assumes
    ("steps:\n- name: gcr.io/cloud-builders/docker\n  args: [build, -f, Dockerfile.alpine, -t, gcr.io/p/go, .]\n"
     "- name: gcr.io/p/go:latest\n  args: [version]\n", {"Dockerfile.alpine"}),
    # --file= and a step's dir
    ("steps:\n- name: docker\n  dir: tools\n  args: [build, --file=Dockerfile.ci, --tag=lint:1, .]\n"
     "- name: lint:1\n", {"tools/Dockerfile.ci"}),
    # built and pushed, never run as a step: a service Cloud Build deploys
    ("steps:\n- name: gcr.io/cloud-builders/docker\n  args: [build, -t, gcr.io/p/web, .]\n"
     "- name: gcr.io/cloud-builders/docker\n  args: [push, gcr.io/p/web]\n"
     "- name: gcr.io/google.com/cloudsdktool/cloud-sdk\n  entrypoint: gcloud\n  args: [run, deploy, web, --image, gcr.io/p/web]\n",
     set()),
    # another image than the one built is run
    ("steps:\n- name: docker\n  args: [build, -t, a, .]\n- name: b\n", set()),
    # docker run through a shell is not read
    ("steps:\n- name: docker\n  entrypoint: bash\n  args: [-c, 'docker build -t a . && docker run a']\n- name: a\n", set()),
    # the app's image, its tests run in it with another entrypoint: not a builder
    ("steps:\n- name: docker\n  args: [build, -t, gcr.io/p/app, .]\n- name: gcr.io/p/app\n  entrypoint: python\n"
     "  args: [-m, pytest]\n", set()),
    ("steps: [", set()),
    ("", set()),
    ("just: text\n", set()),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_the_dockerfiles_whose_image_a_step_runs(text, expected):
    assert steps_built_here(text) == expected


def test_a_builder_is_a_tool_and_keeps_root(tmp_path):
    (tmp_path / "twine").mkdir()
    (tmp_path / "twine" / "cloudbuild.yaml").write_text(BUILDS_AND_RUNS)
    (tmp_path / "twine" / "Dockerfile").write_text(
        'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n'
        'ENTRYPOINT ["python3", "-m", "twine"]\n')
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "Dockerfile").write_text('FROM python:3.12-slim\nCOPY app.py .\nCMD ["python3", "app.py"]\n')
    config = Config()
    report = process(tmp_path, config, config.active_rules(), fix=True, write=False)
    by_path = {result.path: result.hardened for result in report.results}
    builder = by_path["twine/Dockerfile"]
    assert builder.role.role is Role.TOOL and "twine/cloudbuild.yaml" in builder.role.reason
    assert not any(f.rule == "HB001" for f in builder.applied)
    assert by_path["web/Dockerfile"].role.role is not Role.TOOL
    # A port exposed says it serves: a step that runs it (its smoke test) does not make it a builder.
    (tmp_path / "twine" / "Dockerfile").write_text('FROM python:3.12-slim\nEXPOSE 8000\nCMD ["python3", "-m", "http.server"]\n')
    report = process(tmp_path, config, config.active_rules(), fix=True, write=False)
    assert {r.path: r.hardened for r in report.results}["twine/Dockerfile"].role.role is Role.SERVICE
