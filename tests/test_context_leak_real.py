"""HB064 against a real Docker engine: the .dockerignore a fix adds is the one BuildKit reads
in the verify build (a step that needs a left-out file fails there, and the file is dropped)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from tests.helpers import write


@pytest.fixture
def engine(docker_engine, monkeypatch):
    docker_engine.use(monkeypatch)
    return docker_engine


def _repository(root: Path, image: str, check: str) -> Path:
    write(root, "Dockerfile", f"FROM {image}\nWORKDIR /app\nCOPY . /app\nRUN {check}\nUSER 10001:10001\n"
                              "CMD [\"/app/app.sh\"]\n")
    write(root, "app.sh", "#!/bin/sh\necho hello\n").chmod(0o755)
    write(root, ".env", "API_TOKEN=x\n")
    write(root, ".git/HEAD", "ref: refs/heads/main\n")
    return root


def _fix_verify(capsys, root: Path) -> dict:
    assert main(["fix", "--verify", "--offline", "--format", "json", str(root)]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_added_dockerignore_keeps_the_names_out_of_the_verified_image(engine, tmp_path, capsys):
    root = _repository(tmp_path, engine.images.debian, "test -e /app/app.sh")
    document = _fix_verify(capsys, root)
    [item] = document["verification"]
    assert item["verdict"] == "verified", item
    assert (root / ".dockerignore").read_text().splitlines()[1:] == [".env", ".git"]
    [entry] = document["files"]
    assert entry["added_files"] == [".dockerignore"] and any(f["rule"] == "HB064" for f in entry["fixed"])


def test_a_build_step_that_needs_a_left_out_name_drops_the_dockerignore(engine, tmp_path, capsys):
    root = _repository(tmp_path, engine.images.debian, "test -e /app/.git/HEAD")
    document = _fix_verify(capsys, root)
    [item] = document["verification"]
    assert item["dropped_rules"] == ["HB064"], item
    assert not (root / ".dockerignore").exists()
    [entry] = document["files"]
    assert any(f["rule"] == "HB064" and f["message"].startswith("not changed") for f in entry["needs_a_person"])
