"""The setup bench/transforms.py makes before running hardenbot, which needs no engine: the
generated services pointed at the local registry byte-safely, the stubs a build needs, the
OSV stand-in as hardenbot's own OSV client reads it, and the figures read off a JSON report."""
from __future__ import annotations

from pathlib import Path

from bench.transforms import add_missing_sources, figures, local_bases
from bench.transforms_env import VULNERABLE, OsvStandIn
from bot.model.policies import Package, VulnSeverity
from bot.osv.cache import OsvCache
from bot.osv.client import OsvClient

REGISTRY = "127.0.0.1:5123"


def test_images_of_from_lines_and_arg_defaults_move_to_the_local_registry_and_nothing_else():
    text = ("# syntax=docker/dockerfile:1\r\nARG BASE_IMAGE=python:${PYTHON_VERSION}-slim\r\n"
            "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\r\nRUN echo python:3.11 node\r\n"
            "from python:3.11-slim-bookworm@sha256:" + "ab" * 32 + "\r\nFROM gcr.io/distroless/static-debian12:latest\r\n"
            "FROM nginx\r\nFROM build\r\nFROM myorg/python:3.11\r\nFROM ${BASE_IMAGE}\r\n")
    assert local_bases(text, REGISTRY) == (
        "# syntax=docker/dockerfile:1\r\nARG BASE_IMAGE=127.0.0.1:5123/python:${PYTHON_VERSION}-slim\r\n"
        "FROM --platform=$BUILDPLATFORM 127.0.0.1:5123/golang:1.22 AS build\r\nRUN echo python:3.11 node\r\n"
        "from 127.0.0.1:5123/python:3.11-slim-bookworm@sha256:" + "ab" * 32 + "\r\n"
        "FROM 127.0.0.1:5123/distroless/static-debian12:latest\r\n"
        "FROM 127.0.0.1:5123/nginx\r\nFROM build\r\nFROM myorg/python:3.11\r\nFROM ${BASE_IMAGE}\r\n")
    moved = local_bases(text, REGISTRY)
    assert local_bases(moved, REGISTRY) == moved  # a second pass changes nothing


def test_sources_a_build_copies_are_stubbed_once_and_existing_files_are_kept(tmp_path: Path):
    (tmp_path / "requirements.txt").write_text("fastapi==0.115.0\n")
    text = ("FROM node\nCOPY package*.json ./\nCOPY requirements.txt .\nCOPY --chown=1:1 src/ ./src/\n"
            "COPY protos/ protos/\nCOPY --from=build /out/app /app\nADD . /opt/app\nCOPY ../secret /x\n")
    add_missing_sources(text, tmp_path)
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")) == [
        "package.json", "protos", "protos/service.proto", "requirements.txt", "src", "src/README"]
    assert '"express": "4.17.1"' in (tmp_path / "package.json").read_text()
    assert (tmp_path / "requirements.txt").read_text() == "fastapi==0.115.0\n"
    assert not (tmp_path.parent / "secret").exists()


def test_the_osv_stand_in_answers_hardenbots_client_in_osvs_shapes(tmp_path: Path):
    stand_in = OsvStandIn()
    try:
        client = OsvClient(OsvCache(tmp_path), base_url=stand_in.url)
        packages = [Package("Debian:12", "openssl", "3.0.11-1~deb12u2", "libssl3"),
                    Package("Debian:12", "openssl", "3.0.15-1~deb12u1", "libssl3"),
                    Package("Debian:11", "gcc-10", "10.2.1-6"), Package("npm", "express", "4.17.1")]
        answers = client.lookup(packages)
    finally:
        stand_in.close()
    assert answers.error == ""
    [old] = answers.found[packages[0].key]
    assert (old.severity, old.score, old.fixed_in, old.aliases) == (VulnSeverity.CRITICAL, 9.8, "3.0.15-1~deb12u1",
                                                                     ("CVE-2024-5535",))
    assert answers.found.get(packages[1].key, ()) == ()
    [unfixed] = answers.found[packages[2].key]
    assert (unfixed.severity, unfixed.fixable) == (VulnSeverity.MEDIUM, False)
    [express] = answers.found[packages[3].key]
    assert (express.severity, express.fixed_in) == (VulnSeverity.HIGH, "4.20.0")
    assert len({cve for cve, _, _ in VULNERABLE.values()}) == len(VULNERABLE)  # a CVE's record has one severity


def test_figures_come_from_the_json_report():
    vulnerabilities = {"policy": "vulnerabilities-critical",
                       "before": {"state": "fail", "summary": "1 critical, 2 high in 90 packages; 3 fixable critical or high"},
                       "after": {"state": "pass", "summary": "no known vulnerabilities in 80 packages; 0 fixable critical or high"}}
    build = {"state": "built", "seconds": 2.5, "steps": 6, "cached_steps": 4, "image": {"size": 90_000_000}}
    document = {
        "files": [{"path": "services/a/Dockerfile", "changed": True, "fixed": [{"rule": "HB001"}, {"rule": "HB030"}],
                   "needs_a_person": [{"rule": "HB020", "message": "not changed: not proven (the container no longer "
                                                                 "starts); the edit was dropped"},
                                      {"rule": "DL3008", "message": "pin versions"}]},
                  {"path": "services/b/Dockerfile", "changed": True, "fixed": [{"rule": "HB001"}], "needs_a_person": []}],
        "verification": [{"path": "services/a/Dockerfile", "verdict": "edits dropped", "reason": None, "builds": 4,
                          "before": build, "after": {**build, "seconds": 1.0}, "failed": None},
                         {"path": "services/b/Dockerfile", "verdict": "not verified", "builds": 1,
                          "reason": "could not build the original here (exit code 1)",
                          "before": {**build, "state": "failed", "image": None}, "after": None, "failed": None}],
        "policies": [{"path": "services/a/Dockerfile", "grade": "F", "grade_after": "B", "policies": [vulnerabilities]}],
    }
    a, b = figures(document, ["a", "b"])
    assert (a["verdict"], a["builds"], a["build_seconds"], a["cached"], a["steps"]) == ("edits dropped", 4, 3.5, 4, 6)
    assert (a["grade"], a["grade_after"], a["fixable"], a["fixable_after"]) == ("F", "B", 3, 0)
    assert a["kept"] == ["HB001", "HB030"] and a["dropped"] == [("HB020", "not proven (the container no longer starts)")]
    assert (b["verdict"], b["grade"], b["fixable"], b["kept"]) == ("original does not build here", None, None, ["HB001"])
