"""`hardenbot check --image FILE` and `--fail-on`: a saved image judged by the policies, OSV
at the HTTP layer (`responses`), the exit codes a CI job reads, and the text and JSON."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import responses

from bot.cli import main
from tests.test_inventory import data, saved_image, tar_bytes

OSV = "https://osv.test"
SITE = "usr/local/lib/python3.12/site-packages"
# A registry nobody listens on: its digest lookup fails, and nothing leaves the machine; at once
# with a registry deadline shorter than the client's first wait before a retry (0.5 s).
DOCKERFILE = "FROM 127.0.0.1:9/python:3.12-slim@sha256:" + "a" * 64 + "\nUSER 10001\nCMD [\"python\"]\n"
UNREACHABLE_AT_ONCE = ("--registry-deadline", "0.4")


@pytest.fixture
def repo(tmp_path, monkeypatch) -> tuple[Path, Path]:
    """A repository with one Dockerfile, and a saved image of it: Debian's openssl, an AGPL
    Python package, running as 10001."""
    monkeypatch.setenv("HARDENBOT_OSV_API", OSV)
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / "Dockerfile").write_text(DOCKERFILE)
    layer = tar_bytes([("etc/os-release", data("os-release-debian")),
                       ("var/lib/dpkg/status", b"Package: libssl3\nStatus: install ok installed\nSource: openssl\n"
                                               b"Version: 3.0.9-1\n"),
                       (f"{SITE}/ghostpdl_tools-10.2.0.dist-info/METADATA", data("METADATA-agpl"))])
    return tmp_path / "repo", saved_image(tmp_path / "app.tar", [layer], user="10001")


def serve_osv() -> None:
    case = json.loads((Path(__file__).parent / "fixtures" / "osv" / "debian.json").read_text())

    def querybatch(request):
        queries = json.loads(request.body)["queries"]
        results = [case["querybatch"]["results"][0] if q["package"]["name"] == "openssl" else {} for q in queries]
        return 200, {}, json.dumps({"results": results})

    responses.add_callback(responses.POST, f"{OSV}/v1/querybatch", callback=querybatch)
    for vuln_id, record in case["records"].items():
        responses.get(f"{OSV}/v1/vulns/{vuln_id}", json=record)


@responses.activate
def test_fail_on_a_failing_policy_exits_1_and_names_it(repo, capsys):
    root, image = repo
    serve_osv()
    code = main(["check", *UNREACHABLE_AT_ONCE, "--image", str(image), "--fail-on", "vulnerabilities-critical,agpl",
                 str(root / "Dockerfile")])
    out, err = capsys.readouterr()
    assert code == 1
    assert f"policies: {image}: grade D (2 not evaluated)" in out  # 30 + 20 off; attestations, up-to-date unknown
    assert "  vulnerabilities-critical: fail (1 high, 1 medium in 2 packages; 1 fixable critical or high)" in out
    assert "    libssl3 (openssl 3.0.9-1): DSA-5532-1 high 7.5, fixed in 3.0.11-1~deb12u2" in out
    assert err.splitlines() == [
        f"hardenbot: {image}: policy vulnerabilities-critical fails: 1 high, 1 medium in 2 packages; "
        "1 fixable critical or high",
        f"hardenbot: {image}: policy agpl fails: 1 AGPL packages; 0 GPL (listed, not failed); "
        "1 of 2 packages declare a licence"]


@responses.activate
def test_json_lists_each_policy_and_a_second_run_answers_from_the_cache(repo, capsys):
    root, image = repo
    serve_osv()
    def osv_calls() -> int:
        return sum(call.request.url.startswith(OSV) for call in responses.calls)

    main(["check", *UNREACHABLE_AT_ONCE, "--format", "json", "--image", str(image), str(root / "Dockerfile")])
    first = osv_calls()
    code = main(["check", *UNREACHABLE_AT_ONCE, "--format", "json", "--image", str(image), str(root / "Dockerfile")])
    assert first == 5 and osv_calls() == first  # a querybatch and 4 records; then all from the disk cache
    assert code == 0  # no --fail-on: the policies inform, the findings decide (none fixable here)
    document = json.loads(capsys.readouterr().out.split("\n}\n", 1)[1])
    [item] = document["policies"]
    assert (item["path"], item["grade"], item["grade_after"], item["not_evaluated"]) == (str(image), "D", None, 2)
    states = {p["policy"]: p["before"]["state"] for p in item["policies"]}
    assert states == {"vulnerabilities-critical": "fail", "high-profile-cves": "pass", "agpl": "fail",
                      "attestations": "not evaluated", "non-root": "pass", "up-to-date-base": "not evaluated",
                      "approved-base": "skipped"}


def test_a_chosen_policy_that_cannot_be_evaluated_exits_2(repo, capsys):
    root, image = repo
    code = main(["check", "--offline", "--image", str(image), "--fail-on", "vulnerabilities-critical",
                 str(root / "Dockerfile")])
    assert code == 2
    assert capsys.readouterr().err == (f"hardenbot: {image}: policy vulnerabilities-critical not evaluated: "
                                       "OSV was not asked (offline)\n")


def test_fail_on_from_the_configuration_without_an_image_judges_the_dockerfile(tmp_path, capsys):
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "hardenbot.yml").write_text("fail-on: [non-root]\napproved-bases: ['python:*']\n")
    (tmp_path / "Dockerfile").write_text('FROM python:3.12-slim\nEXPOSE 8080\nCMD ["python", "-m", "app"]\n')
    code = main(["check", "--offline", str(tmp_path)])
    out, err = capsys.readouterr()
    assert code == 1 and "policies: Dockerfile: grade B (5 not evaluated)" in out
    assert err.startswith("hardenbot: Dockerfile: policy non-root fails: line 1: HB001 ")


def test_unknown_policy_and_unreadable_image_are_one_line_each(repo, capsys):
    root, image = repo
    assert main(["check", "--fail-on", "cves", str(root)]) == 2
    assert capsys.readouterr().err.startswith("hardenbot: --fail-on: unknown policy cves (known: ")
    assert main(["check", "--offline", "--image", str(root / "Dockerfile"), str(root)]) == 2
    out, err = capsys.readouterr()
    assert err.count("\n") == 1 and "Dockerfile: the archive: not a tar stream" in err
    assert "findings in" in out  # the rest of the run is reported
