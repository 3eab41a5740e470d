"""The pull request body: deterministic, and under GitHub's limit on a thousand services."""
from __future__ import annotations

from bot.config import Config
from bot.model.images import DigestChange
from bot.report.markdown import GITHUB_BODY_LIMIT, commit_message, registry_page, render_body
from bot.run import process_texts
from bot.sources.discovery import SourceFile
from bot.sources.dockerfile import KIND as DOCKERFILE

SERVICE = "FROM python:3.12\nRUN apt-get update && apt-get install -y gcc\nRUN pip install flask\nEXPOSE 8000\n" \
          "CMD [\"python\"]\n"


def big_report(services: int):
    config = Config()
    texts = {SourceFile(f"services/svc-{i:04d}/Dockerfile", DOCKERFILE): SERVICE for i in range(services)}
    texts[SourceFile("services/broken/Dockerfile", DOCKERFILE)] = "FROM debian:12\nBOGUS x\n"
    return process_texts(texts, config, config.active_rules(), fix=True)


def test_thousand_services_fit_and_say_what_was_folded():
    report = big_report(1000)
    changes = [DigestChange(f"services/svc-{i:04d}/Dockerfile", 1, "docker.io", "library/python", "python", "3.12",
                            None, "sha256:" + "a" * 64) for i in range(1000)]
    body = render_body(report, changes)
    assert len(body) < GITHUB_BODY_LIMIT
    assert "more files folded to fit the pull request" in body
    assert "more findings folded" in body and "more images folded" in body
    assert "Scanned **1001** files: **1000 hardened**" in body
    assert "`services/broken/Dockerfile:2` could not be read: unknown instruction 'BOGUS'" in body
    assert render_body(report, changes) == body  # deterministic


def test_small_report_is_not_folded():
    body = render_body(big_report(3), [])
    assert "folded" not in body and body.count("| `services/svc-") == 3
    assert "(see the" not in body


def test_registry_pages_and_commit_message():
    assert registry_page("docker.io", "library/python") == "https://hub.docker.com/_/python"
    assert registry_page("docker.io", "bitnami/redis") == "https://hub.docker.com/r/bitnami/redis"
    assert registry_page("quay.io", "org/tool") == "https://quay.io/repository/org/tool"
    assert registry_page("registry.example.com", "team/app") is None
    message = commit_message(list(big_report(2).results))
    assert message.startswith("hardenbot: harden 2 files\n\nRules applied:\n")
    assert "- DL3009 (2x): apt-get lists left in the image." in message
