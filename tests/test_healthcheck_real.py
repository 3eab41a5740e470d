"""HB014's derived health check through `hardenbot fix --verify` on a real engine: a busybox
`httpd` service on images named as the bases the derivation knows (the pushed busybox image as
`alpine`, probed with its wget; with a `python3` stand-in as `python`), kept when the built
container becomes healthy, kept out with the reason when it never does."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main

STAND_IN = r"""#!/bin/sh
# python3 -c CODE, for the health probe hardenbot derives only: it asks the port CODE names.
port=$(echo "$2" | sed -n "s/.*HTTPConnection('127.0.0.1', \([0-9]*\).*/\1/p")
[ -n "$port" ] || exit 1
wget -S -O /dev/null "http://127.0.0.1:$port/" 2>&1 | grep -q HTTP/
"""
# busybox httpd answers 404 at / (the folder has no index): any status is an answer.
SERVER = 'FROM {base}\nRUN mkdir /srv\nEXPOSE 8080\nCMD ["httpd", "-f", "-p", "{port}", "-h", "/srv"]\n'
SERVER_LOWERCASE = 'from {base}\nrun mkdir /srv\nexpose 8080\ncmd ["httpd", "-f", "-p", "{port}", "-h", "/srv"]\n'
CONFIG = "verify:\n  start:\n    seconds: 3\n"


@pytest.fixture(scope="module")
def bases(docker_engine, registry, tmp_path_factory):
    """The busybox image pushed as `<registry>/hb014/alpine:3.20`, and with the python3
    stand-in as `<registry>/hb014/python:3.12-slim` (read as mirrors of the official images;
    a folder of their own, so no other test's `python` tag is overwritten). Removed from the
    engine afterwards: later tests count its images."""
    daemon, busybox = docker_engine.daemon, docker_engine.images.fake_ubuntu
    alpine, python = f"{registry.host}/hb014/alpine:3.20", f"{registry.host}/hb014/python:3.12-slim"
    daemon.docker("tag", busybox, alpine)
    folder = tmp_path_factory.mktemp("python-stand-in")
    (folder / "python3").write_text(STAND_IN)
    (folder / "python3").chmod(0o755)
    (folder / "Dockerfile").write_text(f"FROM {busybox}\nCOPY python3 /usr/local/bin/python3\n")
    daemon.docker("build", "--network", "none", "--tag", python, str(folder), timeout=300)
    try:
        for reference in (alpine, python):
            daemon.docker("push", reference, timeout=300)
        yield {"alpine": alpine, "python": python}
    finally:
        daemon.docker("image", "rm", "--force", alpine, python, check=False)


def fix_verify(capsys, root: Path, dockerfile: str) -> tuple[dict, str]:
    """(the JSON report, the Dockerfile as written) of `fix --verify --select HB014`."""
    (root / "Dockerfile").write_text(dockerfile)
    (root / ".github").mkdir()
    (root / ".github/hardenbot.yml").write_text(CONFIG)
    code = main(["fix", "--verify", "--select", "HB014", "--format", "json", str(root)])
    document = json.loads(capsys.readouterr().out)
    assert code == 0, document["errors"]
    return document, (root / "Dockerfile").read_text()


@pytest.mark.parametrize(("base", "lowercase"), [("alpine", False), ("python", True)])
def test_a_derived_health_check_that_turns_healthy_is_kept(docker_engine, bases, monkeypatch, tmp_path, capsys, base,
                                                           lowercase):
    """Verified with the edit kept: the proof held, so the hardened container became healthy
    (any other start state drops the edit). The python case writes its keywords in lower case:
    BuildKit reads the derived `healthcheck … cmd [...]` too."""
    docker_engine.use(monkeypatch)
    dockerfile = (SERVER_LOWERCASE if lowercase else SERVER).format(base=bases[base], port=8080)
    document, written = fix_verify(capsys, tmp_path, dockerfile)
    [item] = document["verification"]
    assert item["verdict"] == "verified" and item["dropped_rules"] == [], item
    assert item["before"]["image"]["healthcheck"] is False and item["after"]["image"]["healthcheck"] is True
    [line] = [line for line in written.splitlines() if line.lower().startswith("healthcheck")]
    keywords = ("healthcheck", "cmd") if lowercase else ("HEALTHCHECK", "CMD")
    assert line.startswith(f"{keywords[0]} --interval=30s --timeout=5s --start-period=30s --retries=3 {keywords[1]} [")
    assert ('"wget -S -O /dev/null http://127.0.0.1:8080/' in line if base == "alpine"
            else "HTTPConnection('127.0.0.1', 8080, timeout=3)" in line)
    assert written.replace(line + "\n", "") == dockerfile  # one line added, every other byte kept


def test_a_derived_health_check_that_never_turns_healthy_is_kept_out_with_the_reason(docker_engine, bases,
                                                                                  monkeypatch, tmp_path, capsys):
    """The server listens on 9090, not on the 8080 it EXPOSEs: the probe never gets an answer."""
    docker_engine.use(monkeypatch)
    dockerfile = SERVER.format(base=bases["alpine"], port=9090)
    document, written = fix_verify(capsys, tmp_path, dockerfile)
    [item] = document["verification"]
    assert item["verdict"] == "edits dropped" and item["dropped_rules"] == ["HB014"], item
    assert written == dockerfile
    [entry] = document["files"]
    notes = [f["message"] for f in entry["needs_a_person"] if f["rule"] == "HB014"]
    assert any(note.startswith("not changed: ") and "unhealthy" in note for note in notes), notes
