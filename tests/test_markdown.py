"""The pull request body: deterministic, and under GitHub's limit on a thousand services."""
from __future__ import annotations

from dataclasses import replace

from bot.config import Config
from bot.model.findings import Finding
from bot.model.images import DigestChange
from bot.model.verification import Verdict, Verification
from bot.report.grade import letter, mean_score
from bot.report.markdown import GITHUB_BODY_LIMIT, MARKER, commit_message, registry_page, render_body
from bot.rules import RULES_BY_CODE
from bot.run import process_texts
from bot.sources.discovery import SourceFile
from bot.sources.dockerfile import KIND as DOCKERFILE

SERVICE = "FROM python:3.12\nRUN apt-get update && apt-get install -y gcc-12 libc6-dev\nRUN pip install flask\nEXPOSE 8000\n" \
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


def summary_of(body: str) -> str:
    return body.split("### What changed")[0]


def test_the_summary_comes_first_and_says_what_the_pull_request_does():
    changes = [DigestChange("services/svc-0000/Dockerfile", 1, "docker.io", "library/python", "python", "3.12",
                            None, "sha256:" + "a" * 64),
               DigestChange("services/svc-0001/Dockerfile", 1, "docker.io", "library/python", "python", "3.12",
                            "sha256:" + "b" * 64, "sha256:" + "a" * 64)]
    body = render_body(big_report(3), changes)
    assert body.startswith(MARKER + "\n")
    assert summary_of(body).splitlines()[-5:] == [
        "- **Edits**: 15 edits — HB001 ×3, DL3009 ×3, DL3015 ×3, DL3042 ×3, HB002 ×3",
        "- **Base image digests**: 1 pinned, 1 refreshed",
        "- **Grade**: F → B (the mean score of 3 files, 31 → 78 out of 100)",
        "- **Needs a person**: 12 findings — HB030 ×3, HB020 ×3, HB021 ×3, HB014 ×3; 1 file could not be read",
        ""]


def test_the_summary_counts_verification_verdicts():
    report = big_report(1)
    items = (Verification("a/Dockerfile", "a", None, Verdict.VERIFIED),
             Verification("b/Dockerfile", "b", None, Verdict.EDITS_DROPPED, dropped=("DL3015", "HB001")),
             Verification("c/Dockerfile", "c", None, Verdict.VERIFIED),
             Verification("d/Dockerfile", "d", None, Verdict.SKIPPED, reason="beyond verify-max-images (3)"))
    body = render_body(replace(report, verification=items), [])
    assert ("- **Verification**: 4 changed Dockerfiles: 2 verified, 1 with edits dropped (HB001, DL3015), "
            "1 skipped\n") in summary_of(body)
    unbuilt = render_body(replace(report, verify_note="no Docker engine answered"), [])
    assert "- **Verification**: not built: no Docker engine answered\n" in summary_of(unbuilt)
    assert "Verification" not in summary_of(render_body(report, []))


def test_sections_come_in_reading_order_and_the_state_block_last():
    changes = [DigestChange("services/svc-0000/Dockerfile", 1, "docker.io", "library/python", "python", "3.12",
                            None, "sha256:" + "a" * 64)]
    body = render_body(replace(big_report(2), verify_note="no engine"), changes)
    order = ["## hardenbot: container hardening", "- **Edits**", "### What changed, rule by rule",
             "### Re-lint: findings before → after", "### Base image digests", "### Verification",
             "### Needs a person", "<details><summary>Per file", "<!-- hardenbot:state"]
    positions = [body.index(heading) for heading in order]
    assert positions == sorted(positions)
    assert body.endswith(" -->\n") and body.rstrip().splitlines()[-1].startswith("<!-- hardenbot:state")


def test_each_rule_says_why_once_and_what_it_closes_elsewhere():
    body = render_body(big_report(3), [])
    for code in ("HB001", "DL3009", "DL3015", "DL3042", "HB002", "HB030", "HB020", "HB021", "HB014"):
        assert body.count(RULES_BY_CODE[code].why) == 1, code
    fixed = body.split("#### DL3015:")[1].split("####")[0]
    assert "Closes hadolint DL3015, Trivy DS-0029." in fixed and "Unsafe fix" in fixed
    assert fixed.count("- `services/svc-") == 3 and "- `services/svc-0001/Dockerfile:2` apt-get install" in fixed
    reported = body.split("#### HB014:")[1]
    assert "Also reported by hadolint DL3057, Checkov CKV_DOCKER_2, Trivy DS-0026." in reported
    assert "Closes" not in body.split("#### HB002:")[1].split("####")[0]  # no scanner has that check


def test_the_relint_table_counts_findings_per_rule_before_and_after():
    body = render_body(big_report(3), [])
    relint = body.split("### Re-lint")[1].split("###")[0]
    assert "| HB001: the final stage runs as root because it never sets USER | 3 | 0 |" in relint
    assert "| HB014: a service image (one that EXPOSEs a port) without HEALTHCHECK | 3 | 3 |" in relint
    assert relint.rstrip().endswith("| **all rules** | **27** | **12** |")


def test_each_file_is_detailed_in_a_folded_block():
    body = render_body(big_report(2), [])
    details = body.split("<details><summary>Per file: role, grade and edits (2 files)</summary>")[1]
    assert details.split("</details>")[0].strip().splitlines()[2:] == [
        "| `services/svc-0000/Dockerfile` | service image (EXPOSE 8000) | F → B | 9 → 4 | "
        "HB001 line 1, HB002 line 1, DL3009 line 2, DL3015 line 2, DL3042 line 3 |",
        "| `services/svc-0001/Dockerfile` | service image (EXPOSE 8000) | F → B | 9 → 4 | "
        "HB001 line 1, HB002 line 1, DL3009 line 2, DL3015 line 2, DL3042 line 3 |"]


def test_the_overall_grade_is_the_files_mean_score_rounded_half_up():
    root = Finding("HB001", "a/Dockerfile", 1, "final stage runs as root")  # high: 25 points
    assert mean_score([[], [root]]) == 88  # 87.5
    assert mean_score([[], [], [root]]) == 92 and letter(92) == "A"
    assert mean_score([]) is None
