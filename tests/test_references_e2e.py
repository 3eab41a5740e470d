"""End to end against a real registry: every image reference a Dockerfile makes as BuildKit
reads it (`${VAR:-default}`, one ARG several FROMs use, COPY --from, RUN --mount from, the
`# syntax=` frontend) is pinned once, where it is written; one a digest would break is
reported, not changed; a second run changes nothing; and the digest table has one row each."""
from __future__ import annotations

import json

import pytest

from bot.cli import main
from bot.config import Config
from bot.registry_setup import make_resolver
from bot.run import digest_changes, process
from tests.test_pinning_e2e import read_all, write


@pytest.fixture
def images(registry):
    return {
        "frontend": registry.push_index("refs/frontend", "1", seed="fe-1")[0],
        "python": registry.push_image("refs/python", "3.12-slim", seed="py-1"),
        "node": registry.push_image("refs/node", "20", seed="node-1"),
        "node-slim": registry.push_image("refs/node", "20-slim", seed="node-slim-1"),
        "tool": registry.push_image("refs/tool", "1.0", seed="tool-1"),
    }


def test_every_reference_pinned_once_where_it_is_written(tmp_path, registry, images, capsys):
    host = registry.host
    service = (f" #  syntax = {host}/refs/frontend:1\n"
               f"ARG BASE=${{BASE:-{host}/refs/python:3.12-slim}}\n"
               "ARG RUNTIME=${BASE}\n"
               "FROM ${BASE} AS build\n"
               f"RUN --mount=type=cache,target=/root/.cache,from={host}/refs/node:20 true\n"
               "RUN --mount=from=build,target=/src true\n"
               "FROM ${RUNTIME}\n"
               "COPY --from=build /app /app\n"
               f"COPY --from={host}/refs/tool:1.0 /tool /usr/local/bin/tool\n")
    two_ways = f"ARG BASE={host}/refs/node:20\nFROM ${{BASE}} AS build\nFROM ${{BASE}}-slim\n"
    write(tmp_path, "service/Dockerfile", service)
    write(tmp_path, "two-ways/Dockerfile", two_ways)

    assert main(["check", "--format", "json", "--select", "HB030", str(tmp_path)]) == 1
    files = json.loads(capsys.readouterr().out)["files"]
    assert sorted((result["path"], f["line"], f["fixable"]) for result in files for f in result["findings"]) == [
        ("service/Dockerfile", 1, True), ("service/Dockerfile", 2, True), ("service/Dockerfile", 5, True),
        ("service/Dockerfile", 9, True), ("two-ways/Dockerfile", 1, False), ("two-ways/Dockerfile", 3, False)]

    config = Config()
    report = process(tmp_path, config, config.active_rules(select={"HB030", "HB031", "HB032"}), fix=True, write=True,
                     resolver=make_resolver({}, 4))
    pinned = read_all(tmp_path)
    assert pinned["service/Dockerfile"].decode() == (
        service.replace("refs/frontend:1\n", f"refs/frontend:1@{images['frontend']}\n")
        .replace("refs/python:3.12-slim}", f"refs/python:3.12-slim@{images['python']}}}")
        .replace("refs/node:20 true", f"refs/node:20@{images['node']} true")
        .replace("refs/tool:1.0 /tool", f"refs/tool:1.0@{images['tool']} /tool"))
    assert pinned["two-ways/Dockerfile"].decode() == two_ways
    rows = sorted((c.path, c.line, c.image.rsplit("/", 1)[-1], c.new) for c in digest_changes(report))
    assert rows == [("service/Dockerfile", 1, "frontend", images["frontend"]),
                    ("service/Dockerfile", 2, "python", images["python"]),
                    ("service/Dockerfile", 5, "node", images["node"]),
                    ("service/Dockerfile", 9, "tool", images["tool"])]

    assert main(["fix", "--select", "HB030,HB031,HB032", str(tmp_path)]) == 0
    assert read_all(tmp_path) == pinned

    moved = registry.push_image("refs/python", "3.12-slim", seed="py-2")
    report = process(tmp_path, config, config.active_rules(select={"HB030", "HB031", "HB032"}), fix=True, write=True,
                     resolver=make_resolver({}, 4))
    assert read_all(tmp_path)["service/Dockerfile"] == pinned["service/Dockerfile"].replace(
        images["python"].encode(), moved.encode())
    assert [(c.line, c.old, c.new) for c in digest_changes(report)] == [(2, images["python"], moved)]
