"""End to end: `hardenbot fix` pins every image of a small monorepo against a real registry,
a second run changes nothing, and moving tags refreshes exactly those digests."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import Config
from bot.model.images import INDEX, MANIFEST
from bot.registry_setup import make_resolver
from bot.report.markdown import render_body
from bot.run import digest_changes, process

DIGEST = re.compile(r"sha256:[0-9a-f]{64}")


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode())
    return path


@pytest.fixture
def monorepo(tmp_path, registry):
    host = registry.host
    digests = {
        "python": registry.push_image("e2e/python", "3.12-slim", seed="py-1"),
        "golang": registry.push_index("e2e/golang", "1.22", seed="go-1")[0],
        "node": registry.push_image("e2e/node", "20", seed="node-1"),
        "redis": registry.push_image("e2e/redis", "7", seed="redis-1"),
        "postgres": registry.push_image("e2e/postgres", "16", seed="pg-1"),
        "tool": registry.push_image("e2e/tool", "1.0", seed="tool-1"),
        "frontend": registry.push_image("e2e/frontend", "1", seed="frontend-1"),
    }
    files = {
        "services/api/Dockerfile": f"FROM {host}/e2e/python:3.12-slim\nCMD [\"python\"]\n",
        "services/go/Dockerfile": (f"# syntax={host}/e2e/frontend:1\r\nFROM --platform=$BUILDPLATFORM {host}/e2e/golang:1.22 AS build\r\n"
                                   "RUN go build -o /app .\r\nFROM scratch\r\nCOPY --from=build /app /app\r\n"),
        "services/arg/Dockerfile": f"ARG BASE={host}/e2e/node:20\nFROM ${{BASE}}\nFROM build-stage-does-not-exist AS x\n",
        "services/multi/Dockerfile": f"ARG TAG=20\nFROM {host}/e2e/node:${{TAG}}\n",
        "services/gone/Dockerfile": f"FROM {host}/e2e/python:9.9\n",
        "docker-compose.yml": (f"services:\n  cache:\n    image: \"{host}/e2e/redis:7\"   # the cache\n"
                               f"  db:\n    image: {host}/e2e/postgres:16\n  app:\n    build: ./services/api\n"),
        ".github/workflows/test.yml": (
            "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n"
            f"    container: {host}/e2e/python:3.12-slim\n"
            f"    services:\n      db:\n        image: '{host}/e2e/postgres:16'\n"
            f"    steps:\n      - uses: docker://{host}/e2e/tool:1.0\n      - uses: actions/checkout@v4\n"
            "      - run: echo ${{ matrix.image }}\n"),
    }
    for relative, text in files.items():
        write(tmp_path, relative, text)
    return tmp_path, host, digests, files


def read_all(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_pin_everything_then_nothing_then_refresh_moved(monorepo, registry, capsys):
    root, host, digests, files = monorepo
    assert main(["fix", "--select", "HB030,HB031,HB032", str(root)]) == 0
    out = capsys.readouterr().out
    pinned = read_all(root)

    api = pinned["services/api/Dockerfile"].decode()
    assert api == f"FROM {host}/e2e/python:3.12-slim@{digests['python']}\nCMD [\"python\"]\n"
    go = pinned["services/go/Dockerfile"].decode()
    assert f"FROM --platform=$BUILDPLATFORM {host}/e2e/golang:1.22@{digests['golang']} AS build\r\n" in go
    assert go.startswith(f"# syntax={host}/e2e/frontend:1@{digests['frontend']}\r\n")
    assert go.count("\r\n") == 5 and "FROM scratch\r\n" in go
    assert pinned["services/arg/Dockerfile"].decode().startswith(f"ARG BASE={host}/e2e/node:20@{digests['node']}\n")
    assert pinned["services/multi/Dockerfile"].decode() == files["services/multi/Dockerfile"]
    assert "built from an ARG and text" in out
    assert pinned["services/gone/Dockerfile"].decode() == files["services/gone/Dockerfile"]
    assert "could not resolve" in out and "tag '9.9' not found" in out

    compose = pinned["docker-compose.yml"].decode()
    assert compose == files["docker-compose.yml"].replace(
        f"{host}/e2e/redis:7\"", f"{host}/e2e/redis:7@{digests['redis']}\"").replace(
        f"{host}/e2e/postgres:16\n", f"{host}/e2e/postgres:16@{digests['postgres']}\n")
    workflow = pinned[".github/workflows/test.yml"].decode()
    assert workflow == files[".github/workflows/test.yml"].replace(
        "e2e/python:3.12-slim\n", f"e2e/python:3.12-slim@{digests['python']}\n").replace(
        "e2e/postgres:16'", f"e2e/postgres:16@{digests['postgres']}'").replace(
        "e2e/tool:1.0\n", f"e2e/tool:1.0@{digests['tool']}\n")

    assert main(["fix", "--select", "HB030,HB031,HB032", str(root)]) == 0
    assert read_all(root) == pinned

    moved_python = registry.push_image("e2e/python", "3.12-slim", seed="py-2")
    moved_redis = registry.push_image("e2e/redis", "7", seed="redis-2")
    capsys.readouterr()
    assert main(["fix", "--select", "HB030,HB031,HB032", str(root)]) == 0
    refreshed = read_all(root)
    changed = {name for name in refreshed if refreshed[name] != pinned[name]}
    assert changed == {"services/api/Dockerfile", ".github/workflows/test.yml", "docker-compose.yml"}
    for name in changed:
        before, after = pinned[name].decode(), refreshed[name].decode()
        assert after == before.replace(digests["python"], moved_python).replace(digests["redis"], moved_redis)


def test_check_reports_stale_and_unpinned_and_offline_skips_the_registry(monorepo, registry, capsys):
    root, host, digests, _ = monorepo
    assert main(["check", "--select", "HB030,HB031", str(root)]) == 1
    out = capsys.readouterr().out
    assert f"services/api/Dockerfile:1: HB030 {host}/e2e/python:3.12-slim is not pinned" in out
    assert main(["check", "--offline", "--select", "HB030", str(root)]) == 0
    assert "not pinned to a digest (not looked up: offline)" in capsys.readouterr().out


def test_token_never_printed(monorepo, registry, capsys, monkeypatch):
    root, *_ = monorepo
    secret = "ghp_" + "Z" * 36
    monkeypatch.setenv("GITHUB_TOKEN", secret)
    monkeypatch.setenv("DOCKER_AUTH_CONFIG", json.dumps({"auths": {registry.host: {"auth": "dXNlcjpzM2NyM3Q="}}}))
    for args in (["check"], ["fix", "--dry-run"], ["check", "--format", "json"], ["check", "--format", "sarif"]):
        main([*args, str(root)])
        captured = capsys.readouterr()
        assert secret not in captured.out + captured.err and "s3cr3t" not in captured.out + captured.err
    for path in root.rglob("*"):
        if path.is_file():
            assert secret.encode() not in path.read_bytes()


def test_yaml_references_and_digest_kinds_against_a_real_registry(tmp_path, registry, capsys):
    """Compose defaults, merge keys, version 1 files, build outputs and workflow shorthands
    are pinned where compose and GitHub read them; when the tags move, each pin keeps its
    kind, a lost digest follows its tag, and the pull request's table says which kind."""
    host = registry.host
    index, (_, arm64) = registry.push_index("yaml/multi", "1", seed="m1")
    redis = registry.push_image("yaml/redis", "7", seed="r1")
    lost = registry.push_image("yaml/lost", "1", seed="l1")
    files = {
        "compose.yaml": (f"x-base: &base\n  image: {host}/yaml/redis:7\nservices:\n"
                         f"  a:\n    <<: *base\n  b:\n    <<: *base\n"
                         f"  env:\n    image: ${{IMAGE:-{host}/yaml/multi:1}}\n"
                         f"  arm:\n    image: {host}/yaml/multi:1@{arm64}   # the arm64 machines\n"
                         f"  app:\n    build: .\n    image: {host}/yaml/app:dev\n"),
        "legacy/docker-compose.yml": f"web:\n  image: {host}/yaml/lost:1@{lost}\n",
        ".github/workflows/ci.yml": (f"on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n"
                                     f"    container: {host}/yaml/multi:1@{index}\n"
                                     f"    services:\n      cache: {host}/yaml/redis\n"),
    }
    for relative, text in files.items():
        write(tmp_path, relative, text)
    moved_index, (_, moved_arm64) = registry.push_index("yaml/multi", "1", seed="m2")
    relisted = registry.push_image("yaml/lost", "1", seed="l2")
    registry.delete_manifest("yaml/lost", lost)
    latest = registry.push_image("yaml/redis", "latest", seed="r-latest")

    config = Config()
    report = process(tmp_path, config, config.active_rules(select={"HB030", "HB031", "DL3006"}), fix=True, write=True,
                     resolver=make_resolver({}, 4))
    written = read_all(tmp_path)
    assert written["compose.yaml"].decode() == files["compose.yaml"].replace(
        "yaml/redis:7\n", f"yaml/redis:7@{redis}\n", 1).replace(
        "yaml/multi:1}", f"yaml/multi:1@{moved_index}}}").replace(arm64, moved_arm64)
    assert written["legacy/docker-compose.yml"].decode() == f"web:\n  image: {host}/yaml/lost:1@{relisted}\n"
    assert written[".github/workflows/ci.yml"].decode() == files[".github/workflows/ci.yml"].replace(
        index, moved_index).replace("yaml/redis\n", f"yaml/redis:latest@{latest}\n")
    assert {(f.rule, f.path, f.line) for r in report.results for f in r.hardened.before if f.rule == "DL3006"} == {
        ("DL3006", ".github/workflows/ci.yml", 7)}

    kinds = {(c.path, c.line): (c.kind, c.old, c.new) for c in digest_changes(report)}
    # A tag that is one manifest is pinned without asking its platform: one lookup an image.
    assert kinds == {("compose.yaml", 2): (MANIFEST, None, redis),
                     ("compose.yaml", 9): (INDEX, None, moved_index),
                     ("compose.yaml", 11): ("linux/arm64", arm64, moved_arm64),
                     ("legacy/docker-compose.yml", 2): (MANIFEST, lost, relisted),
                     (".github/workflows/ci.yml", 5): (INDEX, index, moved_index),
                     (".github/workflows/ci.yml", 7): (MANIFEST, None, latest)}
    assert f"→ `{moved_arm64[7:19]}` | linux/arm64 | `compose.yaml`:11 |" in render_body(report, digest_changes(report))

    assert main(["fix", "--select", "HB030,HB031,HB032", str(tmp_path)]) == 0
    assert read_all(tmp_path) == written
