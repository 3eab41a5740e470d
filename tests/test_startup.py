"""What a command loads: each command imports only what it uses, seen from `sys.modules` of a
fresh interpreter that imports `bot.cli` and runs the command through its `main`. The start-up
time itself is measured by `bench/startup.py`, not here."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import write

ROOT = Path(__file__).resolve().parent.parent

# What no command over local files, offline, needs: the HTTP stack and its users, GitHub and
# git clients, the organisation planner, Docker's driver, the round-trip YAML parser (only a
# configuration file needs it) and the report formats nobody asked for.
HEAVY = ("requests", "urllib3", "github", "git", "ruamel.yaml", "bot.osv.client", "bot.registry.client",
         "bot.org.plan", "bot.github.org", "bot.gitops", "bot.action", "bot.verify", "bot.downloads",
         "bot.report.sarif", "bot.report.json_report", "concurrent.futures",
         # … nor the results of builds and policies, which only verifying or judging images gives,
         # nor what measuring bases and downloading ADD's URLs answer.
         "bot.model.verification", "bot.model.policies", "bot.report.verification", "bot.report.policies",
         "bot.report.measured", "bot.model.advice", "bot.model.downloads", "bot.model.proof",
         "bot.progress")

RUN_AND_LIST = """
import contextlib, io, json, sys
import bot.cli
exit_code = None
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    try:
        exit_code = bot.cli.main(sys.argv[1:])
    except SystemExit as stop:
        exit_code = stop.code
print(json.dumps({"exit": exit_code, "modules": sorted(sys.modules)}))
"""


def loaded_by(*argv: str) -> tuple[int, set[str]]:
    """(exit code, every module loaded) when a fresh interpreter runs `hardenbot ARGV`."""
    done = subprocess.run([sys.executable, "-c", RUN_AND_LIST, *argv], cwd=ROOT, capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "PYTHONPATH": str(ROOT),
                               "DOCKER_HOST": "unix:///nonexistent/docker.sock"},  # never a real build
                          timeout=60, check=True)
    answer = json.loads(done.stdout)
    return answer["exit"], set(answer["modules"])


def heavy_among(modules: set[str]) -> list[str]:
    return sorted(name for name in HEAVY if name in modules)


@pytest.fixture
def small_tree(tmp_path: Path) -> Path:
    write(tmp_path, "api/Dockerfile", "FROM python:3.12-slim\nRUN pip install flask\nCMD [\"python\", \"app.py\"]\n")
    write(tmp_path, "worker/Dockerfile", "FROM alpine:3.19\nRUN apk add curl\n")
    write(tmp_path, "docker-compose.yml", "services:\n  api:\n    build: api\n  cache:\n    image: redis:7\n")
    write(tmp_path, ".github/workflows/ci.yml", "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n"
                                                "    container: node:20\n    steps:\n      - run: make\n")
    return tmp_path


def test_version_loads_no_rule_nor_the_run():
    exit_code, modules = loaded_by("--version")
    assert exit_code == 0
    assert not {"bot.rules", "bot.config", "bot.run", "bot.check_fix", "bot.model.verify_settings", "typing"} & modules
    assert heavy_among(modules) == []


@pytest.mark.parametrize("argv", [("check", "--offline"), ("fix", "--offline"), ("fix", "--offline", "--dry-run")])
def test_offline_check_and_fix_load_only_what_they_use(small_tree, argv):
    exit_code, modules = loaded_by(*argv, str(small_tree))
    assert exit_code in (0, 1)
    assert "bot.rules" in modules and "bot.run" in modules  # the run did happen
    assert heavy_among(modules) == []


def test_the_fix_was_written_by_that_interpreter(small_tree):
    """The run above is the real one: `fix --offline` changed the files it was given."""
    before = (small_tree / "api/Dockerfile").read_text()
    loaded_by("fix", "--offline", str(small_tree))
    assert (small_tree / "api/Dockerfile").read_text() != before


@pytest.mark.parametrize(("argv", "wanted"), [
    (("check", "--offline", "--format", "sarif"), "bot.report.sarif"),
    (("check", "--offline", "--format", "json"), "bot.report.json_report"),
    (("fix", "--offline", "--verify", "auto"), "bot.verify"),
    (("check", "--offline", "--fail-on", "agpl"), "bot.model.policies"),
])
def test_a_command_that_needs_a_module_loads_it(small_tree, argv, wanted):
    """The other side: what a command does use is loaded, so the list above can fail."""
    _, modules = loaded_by(*argv, str(small_tree))
    assert wanted in modules


def test_online_fix_loads_the_http_clients(tmp_path):
    """Online, `fix` may ask registries and OSV; `FROM scratch` names no image, so nothing is asked."""
    write(tmp_path, "Dockerfile", "FROM scratch\nCOPY app /app\n")
    _, modules = loaded_by("fix", "--dry-run", str(tmp_path))
    assert {"requests", "bot.osv.client", "bot.registry.client"} <= modules
    assert not {"github", "git", "bot.org.plan"} & modules


def test_a_configuration_file_loads_its_parser(small_tree):
    write(small_tree, ".github/hardenbot.yml", "uid: 10001\n")
    _, modules = loaded_by("check", "--offline", str(small_tree))
    assert "ruamel.yaml" in modules
    assert heavy_among(modules) == ["ruamel.yaml"]


@pytest.mark.parametrize("argv", [("--version",), ("--help",), ("check", "--offline"), ("check", "--offline", "--bogus")])
def test_the_argument_parser_does_not_load_shutil(small_tree, argv):
    """argparse asks `shutil` for the terminal's width in every formatter it makes (one an
    argument), and shutil loads zlib, bz2 and lzma: `bot.cli` gives the width itself."""
    _, modules = loaded_by(*argv, str(small_tree))
    assert not {"shutil", "bz2", "lzma", "zlib"} & modules


def test_org_plan_help_does_not_load_the_planner():
    exit_code, modules = loaded_by("org", "plan", "--help")
    assert exit_code == 0
    assert heavy_among(modules) == []


def test_yaml_loads_only_for_a_yaml_file(small_tree, tmp_path_factory):
    dockerfiles_only = tmp_path_factory.mktemp("dockerfiles")
    write(dockerfiles_only, "Dockerfile", "FROM alpine:3.19\nRUN apk add curl\n")
    assert "yaml" not in loaded_by("check", "--offline", str(dockerfiles_only))[1]
    assert "yaml" in loaded_by("check", "--offline", str(small_tree))[1]  # a compose file and a workflow
