"""The action's own files: action.yml declares what the entry point reads and writes, the
workflows have least privilege, no races and actions pinned to commits, and the action's
image passes hardenbot. (zizmor audits the workflows in .ci/run, actionlint in ci.yml.)"""
from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
import yaml

from bot.cli import main
from bot.flow import TITLE, Outcome
from bot.github.event import TRUSTED_ASSOCIATIONS

ROOT = Path(__file__).parent.parent


def test_action_metadata_matches_the_entry_point():
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"] == {"using": "docker", "image": "Dockerfile"}
    assert set(action["inputs"]) == {"token", "config", "base-branch", "branch", "labels", "dry-run",
                                       "verify", "verify-max-images", "registry-deadline", "repository", "result-file",
                                       "title", "commit-message", "committer", "author", "draft", "reviewers",
                                       "assignees", "path", "group-by"}
    assert action["inputs"]["title"]["default"] == TITLE
    assert action["inputs"]["verify"]["default"] == "auto"
    assert action["inputs"]["registry-deadline"]["default"] == "60"
    assert action["inputs"]["token"]["default"] == "${{ github.token }}"
    assert action["inputs"]["branch"]["default"] == "hardenbot/harden"
    assert action["inputs"]["labels"]["default"] == "security,hardenbot"
    assert all(spec.get("description") for spec in action["inputs"].values())
    assert set(action["outputs"]) == {"pull-request-number", "pull-request-url", "pull-request-branch",
                                       "pull-request-head-sha", "changed-files", "findings", "outcome"}
    outcome = action["outputs"]["outcome"]["description"]
    assert all(re.search(rf"\b{re.escape(word.value)}\b", outcome) for word in Outcome)
    source = (ROOT / "bot" / "action.py").read_text()
    for name in action["inputs"]:
        assert f'"{name}"' in source, name
    for name in action["outputs"]:
        assert f'"{name}"' in source, name


def test_example_workflow_least_privilege_and_concurrency():
    workflow = yaml.safe_load((ROOT / ".github/workflows/hardenbot.yml").read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert set(triggers) == {"schedule", "workflow_dispatch", "issue_comment", "issues"}
    assert triggers["issues"] == {"types": ["edited"]}  # a tick on the dashboard, nothing else
    assert triggers["workflow_dispatch"]["inputs"]["dry-run"]["type"] == "boolean"
    assert workflow["permissions"] == {} and "concurrency" not in workflow  # both at job level
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write"}
    # Keyed per trigger: a /harden run waits only for runs on the same pull request, and
    # comments the `if` skips never join a group.
    group = job["concurrency"]["group"]
    assert "github.event.issue.number" in group and "github.event_name == 'issue_comment'" in group
    assert job["concurrency"]["cancel-in-progress"] is False


def test_example_workflow_filters_author_association_as_the_flow_does():
    """The job's `if` lets in the associations the flow trusts (and the flow still asks the
    permission API): no runner starts for anyone else's comment."""
    job = yaml.safe_load((ROOT / ".github/workflows/hardenbot.yml").read_text())["jobs"]["harden"]
    listed = re.search(r"fromJSON\('(\[.*?\])'\), github\.event\.comment\.author_association\)", job["if"])
    assert listed and set(json.loads(listed.group(1))) == TRUSTED_ASSOCIATIONS
    assert "startsWith(github.event.comment.body, '/harden')" in job["if"]
    # an issue edit starts a runner only on the dashboard's label, and never for a bot's edit
    assert "contains(github.event.issue.labels.*.name, 'hardenbot-dashboard')" in job["if"]
    assert "github.event.sender.type == 'User'" in job["if"]


WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))
# `uses: owner/repo[/path]@<40 hex> # v1.2.3`; `./` is this repository, and the docs'
# placeholders for this action (`<owner>/hardenbot@…`) are for the reader to fill in.
_USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$", re.MULTILINE)
_PINNED = re.compile(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}")


def _uses(text: str) -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in _USES.finditer(text)]


# The pages with workflows to copy; a rule page's example shows a workflow as hardenbot finds it.
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


@pytest.mark.parametrize("path", [*WORKFLOWS, *DOCS], ids=lambda p: str(p.relative_to(ROOT)))
def test_every_action_is_pinned_to_a_commit_with_its_version_in_a_comment(path):
    found = _uses(path.read_text())
    assert found or path.suffix == ".md"
    for target, rest in found:
        if target.startswith("./") or target.startswith("<owner>/hardenbot@"):
            continue
        assert _PINNED.fullmatch(target), f"{path.name}: {target} is not pinned to a full commit SHA"
        assert re.match(r"\s+#\s+v\d+(\.\d+)*\b", rest), f"{path.name}: {target} has no version comment"


def test_one_action_one_pin_across_files():
    """A bump changes every file at once: the same action is never pinned to two commits."""
    pins: dict[str, set[str]] = {}
    for path in [*WORKFLOWS, *DOCS]:
        for target, rest in _uses(path.read_text()):
            if "@" in target and not target.startswith("<"):
                name, commit = target.split("@")
                pins.setdefault(name, set()).add(f"{commit} {rest.strip()}")
    assert pins and all(len(found) == 1 for found in pins.values()), pins


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflows_grant_nothing_by_default_and_checkout_keeps_no_credentials(path):
    workflow = yaml.safe_load(path.read_text())
    assert workflow["permissions"] == {}, "permissions belong to the jobs that need them"
    for name, job in workflow["jobs"].items():
        assert "permissions" in job, f"{path.name}: job {name} states its permissions"
        for step in job.get("steps", []):  # a reusable workflow call has none
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, f"{path.name}: {name}"


def test_the_action_image_passes_its_own_rules(capsys):
    assert main(["check", "--offline", str(ROOT / "Dockerfile")]) == 0
    out = capsys.readouterr().out
    assert "0 findings" in out


def _normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_the_image_installs_its_dependencies_from_a_hash_pinned_lock():
    """requirements.lock (pip-compile --generate-hashes) pins every dependency and the build
    backend, each with hashes, and the Dockerfile installs only from it."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    lock = (ROOT / "requirements.lock").read_text()
    entries = re.findall(r"^([A-Za-z0-9][\w.-]*)==(\S+) \\\n((?:\s+--hash=sha256:[0-9a-f]{64}(?: \\)?\n)+)",
                         lock, re.MULTILINE)
    pinned = {_normalised(name) for name, _, _ in entries}
    assert len(entries) == len(re.findall(r"^[A-Za-z0-9]", lock, re.MULTILINE)), "every pin carries hashes"
    wanted = [re.match(r"[A-Za-z0-9][\w.-]*", spec).group() for spec in
              project["project"]["dependencies"] + project["build-system"]["requires"]]
    assert {_normalised(name) for name in wanted} <= pinned
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "pip install --no-cache-dir --require-hashes --no-deps -r requirements.lock" in dockerfile
    assert "pip install --no-cache-dir --no-deps --no-build-isolation ." in dockerfile


def test_the_action_pages_full_workflow_is_the_example_workflow():
    """docs/action.md shows .github/workflows/hardenbot.yml as it is, with the action pinned to a
    release instead of this checkout."""
    example = (ROOT / ".github/workflows/hardenbot.yml").read_text()
    example = "name: hardenbot\n" + example.split("name: hardenbot\n", 1)[1]
    example = example.replace("uses: ./  # zizmor: ignore[self-repository]",
                              "uses: <owner>/hardenbot@<release commit> # v1.2.3")
    blocks = re.findall(r"```yaml\n(.*?)```", (ROOT / "docs/action.md").read_text(), re.DOTALL)
    assert example in blocks
