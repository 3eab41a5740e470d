"""The action's own files: action.yml declares what the entry point reads and writes, the
example workflow has least privilege and no races, and the action's image passes hardenbot."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot.cli import main
from bot.flow import Outcome

ROOT = Path(__file__).parent.parent


def test_action_metadata_matches_the_entry_point():
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"] == {"using": "docker", "image": "Dockerfile"}
    assert set(action["inputs"]) == {"token", "config", "base-branch", "branch", "labels", "dry-run",
                                       "verify", "verify-max-images"}
    assert action["inputs"]["verify"]["default"] == "auto"
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
    assert set(triggers) == {"schedule", "workflow_dispatch", "issue_comment"}
    assert triggers["workflow_dispatch"]["inputs"]["dry-run"]["type"] == "boolean"
    assert workflow["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write"}
    assert workflow["concurrency"]["group"] and workflow["concurrency"]["cancel-in-progress"] is False


def test_the_action_image_passes_its_own_rules(capsys):
    assert main(["check", "--offline", str(ROOT / "Dockerfile")]) == 0
    out = capsys.readouterr().out
    assert "0 findings" in out
