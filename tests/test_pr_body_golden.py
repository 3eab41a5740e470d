"""The pull request body, pinned byte for byte: each case renders a report and compares it with
`fixtures/pr_body/<case>.md`. A change to the body's wording is a change to these files;
`HARDENBOT_REGEN=1 pytest tests/test_pr_body_golden.py` rewrites them: read every diff before
committing them."""
from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path

import pytest

from bot.config import Config
from bot.model.images import INDEX, MANIFEST, DigestChange, ImageKey, PinnedDigest, Resolution, image_key
from bot.model.policies import POLICY_KEYS, ImagePolicies, PolicyResult, PolicyState
from bot.model.results import RunReport
from bot.model.verification import Build, BuildState, ImageFacts, Verdict, Verification
from bot.policies.grade import policy_grade
from bot.report.markdown import render_body
from bot.run import digest_changes, process_texts
from bot.sources.compose import KIND as COMPOSE
from bot.sources.discovery import SourceFile
from bot.sources.dockerfile import KIND as DOCKERFILE
from tests.test_markdown import big_report

EXPECTED = Path(__file__).parent / "fixtures" / "pr_body"
REGEN = os.environ.get("HARDENBOT_REGEN") == "1"

# One file of each kind a body has to describe: pinned on several registries, refreshed, left to
# a person, already fine, unreadable, writing a credential, and Markdown-hostile text (a pipe, a
# backtick) in a path.
MIXED = {
    SourceFile("services/api/Dockerfile", DOCKERFILE):
        "FROM python:3.12-slim\nRUN pip install flask\nCMD [\"python\"]\n",
    SourceFile("services/web/Dockerfile", DOCKERFILE):
        "FROM bitnami/node:20 AS build\nRUN npm ci\nFROM quay.io/org/tool:1.0\nCOPY --from=build /app /app\n",
    SourceFile("services/stale/Dockerfile", DOCKERFILE):
        "FROM golang:1.22@sha256:" + "b" * 64 + " AS current\nRUN go build ./...\n",
    SourceFile("services/private/Dockerfile", DOCKERFILE):
        "FROM registry.example.com:5000/team/app:2\nADD app.tar.gz /srv\n",
    SourceFile("services/locked/Dockerfile", DOCKERFILE):
        "FROM ghcr.io/acme/base:1.4\nRUN apt-get install curl\n",
    SourceFile("services/fine/Dockerfile", DOCKERFILE):
        "FROM scratch\nCOPY app /app\nUSER 10001:10001\nENTRYPOINT [\"/app\"]\n",
    SourceFile("services/we|rd`name/Dockerfile", DOCKERFILE):
        "FROM python:3.12-slim\nRUN pip install requests\n",
    SourceFile("services/broken/Dockerfile", DOCKERFILE): "FROM debian:12\nRUN <<EOF\nnever ends\n",
    # A credential the file writes: listed first among what needs a person, its value masked.
    SourceFile("services/worker/Dockerfile", DOCKERFILE):
        "FROM python:3.12-slim\nENV DB_PASSWORD=hunter2-prod\nUSER 10001\nCMD [\"python\", \"-m\", \"worker\"]\n",
    SourceFile("docker-compose.yml", COMPOSE): "services:\n  cache:\n    image: redis:7  # cache\n",
}
ANSWERS = {
    ("docker.io", "library/python", "3.12-slim"): Resolution(digest="sha256:" + "1" * 64, kind=INDEX),
    ("docker.io", "bitnami/node", "20"): Resolution(digest="sha256:" + "2" * 64),
    ("quay.io", "org/tool", "1.0"): Resolution(digest="sha256:" + "3" * 64),
    # The stale pin is linux/amd64's manifest: refreshed to linux/amd64's manifest in the index now.
    ("docker.io", "library/golang", "1.22"): Resolution(digest="sha256:" + "4" * 64, kind=INDEX, pinned={
        "sha256:" + "b" * 64: PinnedDigest("linux/amd64", "sha256:" + "7" * 64)}),
    ("registry.example.com:5000", "team/app", "2"): Resolution(digest="sha256:" + "5" * 64),
    ("ghcr.io", "acme/base", "1.4"): Resolution(error="ghcr.io refused access to acme/base: credentials are needed"),
    ("docker.io", "library/redis", "7"): Resolution(digest="sha256:" + "6" * 64, kind=MANIFEST),
}


def answer(refs) -> dict[ImageKey, Resolution]:
    return {key: ANSWERS[key] for key in map(image_key, refs) if key in ANSWERS}


def mixed_report() -> RunReport:
    config = Config()
    return process_texts(MIXED, config, config.active_rules(), fix=True, resolver=answer)


def thousand_services() -> tuple[RunReport, list[DigestChange]]:
    changes = [DigestChange(f"services/svc-{i:04d}/Dockerfile", 1, "docker.io", "library/python", "python", "3.12",
                            None, "sha256:" + "a" * 64, INDEX) for i in range(1000)]
    return big_report(1000), changes


def built(uid: int, size: int, user: str = "") -> Build:
    return Build(BuildState.BUILT, 12.5, ImageFacts(size, 9, user, uid, "/app", uid == 0, False), steps=6, cached=4)


# Builds as --verify reports them: one file verified, one whose original does not build here,
# one over verify-max-images (the path with a pipe: the table must keep its columns).
VERIFIED = (
    Verification("services/api/Dockerfile", "services/api", None, Verdict.VERIFIED,
                 before=built(0, 151_000_000), after=built(10001, 151_200_000, "10001:10001"), builds=2),
    Verification("services/locked/Dockerfile", "services/locked", None, Verdict.NOT_VERIFIED,
                 before=Build(BuildState.FAILED, 3.0, log_tail=("ERROR: ghcr.io/acme/base:1.4: denied",)),
                 reason="could not build the original here (ERROR: ghcr.io/acme/base:1.4: denied)", builds=1),
    Verification("services/we|rd`name/Dockerfile", "services/we|rd`name", None, Verdict.SKIPPED,
                 reason="beyond verify-max-images (2)"),
)


def measured_policies() -> tuple[ImagePolicies, ...]:
    """services/api judged on its built images: a fixable high closed, root → 10001."""
    def results(vulns: PolicyState, user: PolicyState) -> tuple[PolicyResult, ...]:
        states = {"vulnerabilities-critical": vulns, "non-root": user, "approved-base": PolicyState.SKIPPED,
                  "attestations": PolicyState.NOT_EVALUATED}
        return tuple(PolicyResult(key, states.get(key, PolicyState.PASS), "evidence") for key in POLICY_KEYS)

    before, after = results(PolicyState.FAIL, PolicyState.FAIL), results(PolicyState.PASS, PolicyState.PASS)
    return (ImagePolicies("services/api/Dockerfile", before, after, policy_grade(before), policy_grade(after),
                          {"vulnerabilities-critical": "HB011", "non-root": "HB001"}, (3, 0), ("HB011", "HB001")),)


def render(case: str) -> str:
    if case == "empty":
        config = Config()
        return render_body(process_texts({}, config, config.active_rules(), fix=True), [])
    if case == "small":
        return render_body(big_report(3), [])
    if case == "thousand_services_folded":
        return render_body(*thousand_services())
    report = mixed_report()
    if case == "mixed_verified":
        return render_body(replace(report, verification=VERIFIED), digest_changes(report))
    if case == "mixed_measured":
        return render_body(replace(report, verification=VERIFIED, policies=measured_policies()), digest_changes(report))
    limits = {"mixed": {}, "mixed_folded": {"limit": 5000}, "mixed_folded_to_nothing": {"limit": 300}}
    return render_body(report, digest_changes(report), **limits[case])


@pytest.mark.parametrize("case", ["empty", "small", "thousand_services_folded", "mixed", "mixed_folded",
                                  "mixed_folded_to_nothing", "mixed_verified", "mixed_measured"])
def test_body_is_byte_identical_to_the_pinned_one(case):
    body = render(case)
    expected = EXPECTED / f"{case}.md"
    if REGEN:
        expected.write_bytes(body.encode())
    assert body == expected.read_bytes().decode()


_CELL_BORDER = re.compile(r"(?<!\\)\|")


@pytest.mark.parametrize("case, count", [("mixed", 3), ("mixed_verified", 4)])
def test_every_table_row_has_its_header_columns(case, count):
    """A `|` from a path must not split a cell: GitHub would shift the row's columns."""
    tables, table = [], []
    for line in render(case).splitlines():
        if line.startswith("|"):
            table.append(line)
        elif table:
            tables, table = tables + [table], []
    assert len(tables) == count  # re-lint, digests, per file, and verification when there is one
    for rows in tables:
        assert {len(_CELL_BORDER.findall(row)) for row in rows} == {len(_CELL_BORDER.findall(rows[0]))}, rows


def test_secrets_come_first_in_what_needs_a_person():
    body = render_body(mixed_report(), [])
    assert "- **Needs a person**: 9 findings — HB050 ×1, HB001 ×6" in body
    person = body[body.index("### Needs a person"):]
    assert person.index("#### HB050") < person.index("#### HB001") < person.index("#### DL3009")
    assert "hunter2-prod" not in body  # … its value masked, like every credential a file writes
