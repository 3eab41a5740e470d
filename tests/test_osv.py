"""OSV at the HTTP layer (`responses`, bodies shaped as OSV documents them): one answer per
ecosystem, CVSS v3 scoring, pagination, batches of 1000, rate limits, an unreachable API, and
the disk cache between runs."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import requests
import responses

from bot.model.policies import Package, VulnSeverity
from bot.osv.cache import PACKAGE_SECONDS, OsvCache
from bot.osv.client import OSV_API, OsvClient
from bot.osv.cvss import band, base_score
from bot.retry import RetryPolicy

FIXTURES = Path(__file__).parent / "fixtures" / "osv"
QUERYBATCH = f"{OSV_API}/v1/querybatch"


@pytest.mark.parametrize(("vector", "score"), [
    ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8),
    ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0),
    ("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1),
    ("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 7.8),
    ("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N", 6.4),  # PR:L weighs more when the scope changes
    ("CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N", 5.9),
    ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0),
    ("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", None),  # not v3: not scored here
    ("CVSS:3.1/AV:N/AC:L", None),
])
def test_cvss_v3_base_scores(vector, score):
    assert base_score(vector) == score


def test_bands_follow_the_specification():
    assert [band(s) for s in (9.0, 8.9, 7.0, 6.9, 4.0, 3.9, 0.1)] == [
        VulnSeverity.CRITICAL, VulnSeverity.HIGH, VulnSeverity.HIGH, VulnSeverity.MEDIUM, VulnSeverity.MEDIUM,
        VulnSeverity.LOW, VulnSeverity.LOW]


def client(tmp_path: Path, **options) -> OsvClient:
    return OsvClient(OsvCache(tmp_path / "osv"), sleep=lambda seconds: None, workers=2, **options)


def serve_records(records: dict[str, dict]) -> None:
    for vuln_id, record in records.items():
        responses.get(f"{OSV_API}/v1/vulns/{vuln_id}", json=record)


@pytest.mark.parametrize("name", ["debian", "alpine", "pypi", "npm"])
@responses.activate
def test_each_ecosystem_answer_becomes_severity_and_fix(tmp_path, name):
    case = json.loads((FIXTURES / f"{name}.json").read_text())
    package = Package(**case["package"])
    batch = responses.post(QUERYBATCH, json=case["querybatch"])
    serve_records(case["records"])
    answers = client(tmp_path).lookup([package])
    assert answers.error == ""
    assert json.loads(batch.calls[0].request.body) == {"queries": [
        {"package": {"ecosystem": package.ecosystem, "name": package.name}, "version": package.version}]}
    found = [{"id": v.id, "severity": v.severity.value, "score": v.score, "fixed_in": v.fixed_in,
              "aliases": list(v.aliases)} for v in answers.found[package.key]]
    assert found == case["expected"]


@responses.activate
def test_pagination_asks_again_only_for_the_query_that_had_more(tmp_path):
    first, second = Package("PyPI", "django", "3.2.0"), Package("PyPI", "six", "1.16.0")
    records = {vuln_id: {"id": vuln_id, "modified": "2021-06-10T00:00:00Z", "affected": []}
               for vuln_id in ("PYSEC-2021-98", "PYSEC-2021-99")}
    bodies = []

    def querybatch(request):
        body = json.loads(request.body)
        bodies.append(body)
        if len(bodies) == 1:
            return 200, {}, json.dumps({"results": [
                {"vulns": [{"id": "PYSEC-2021-98", "modified": "2021-06-10T00:00:00Z"}], "next_page_token": "page-2"},
                {}]})
        return 200, {}, json.dumps({"results": [{"vulns": [{"id": "PYSEC-2021-99",
                                                            "modified": "2021-06-10T00:00:00Z"}]}]})

    responses.add_callback(responses.POST, QUERYBATCH, callback=querybatch)
    serve_records(records)
    answers = client(tmp_path).lookup([first, second])
    assert [v.id for v in answers.found[first.key]] == ["PYSEC-2021-98", "PYSEC-2021-99"]
    assert answers.found[second.key] == ()
    assert bodies[1] == {"queries": [{"package": {"ecosystem": "PyPI", "name": "django"}, "version": "3.2.0",
                                      "page_token": "page-2"}]}


@responses.activate
def test_one_batch_per_thousand_packages_and_the_second_run_is_all_cache(tmp_path):
    packages = [Package("npm", f"pkg-{index}", "1.0.0") for index in range(2500)]
    sizes = []

    def querybatch(request):
        queries = json.loads(request.body)["queries"]
        sizes.append(len(queries))
        return 200, {}, json.dumps({"results": [{} for _ in queries]})

    responses.add_callback(responses.POST, QUERYBATCH, callback=querybatch)
    first = client(tmp_path).lookup(packages)
    assert sizes == [1000, 1000, 500] and first.requests == 3 and first.cache_hits == 0
    second = client(tmp_path).lookup(packages)
    assert sizes == [1000, 1000, 500] and second.requests == 0 and second.cache_hits == 2500
    assert second.found == first.found


@responses.activate
def test_cache_expires_after_a_day_and_a_changed_record_is_fetched_again(tmp_path):
    now = [1_000_000.0]
    cache = OsvCache(tmp_path / "osv", clock=lambda: now[0])
    package = Package("PyPI", "jinja2", "3.1.2")
    case = json.loads((FIXTURES / "pypi.json").read_text())
    responses.post(QUERYBATCH, json=case["querybatch"])
    record = responses.get(f"{OSV_API}/v1/vulns/GHSA-h5c8-rqwp-cp95", json=case["records"]["GHSA-h5c8-rqwp-cp95"])
    osv = OsvClient(cache, sleep=lambda s: None)
    osv.lookup([package])
    osv.lookup([package])
    assert (len(responses.calls), record.call_count) == (2, 1)
    now[0] += PACKAGE_SECONDS + 1
    osv.lookup([package])  # the package is asked again; its record has not changed
    assert (len(responses.calls), record.call_count) == (3, 1)
    responses.replace(responses.POST, QUERYBATCH, json={"results": [{"vulns": [
        {"id": "GHSA-h5c8-rqwp-cp95", "modified": "2025-01-01T00:00:00Z"}]}]})
    now[0] += PACKAGE_SECONDS + 1
    osv.lookup([package])
    assert record.call_count == 2


@responses.activate
def test_rate_limit_waits_as_long_as_retry_after_says(tmp_path):
    waits = []
    responses.post(QUERYBATCH, status=429, headers={"Retry-After": "7"})
    responses.post(QUERYBATCH, json={"results": [{}]})
    osv = OsvClient(None, sleep=waits.append)
    answers = osv.lookup([Package("npm", "express", "4.17.1")])
    assert answers.error == "" and answers.requests == 2 and waits == [7.0]


@responses.activate
def test_unreachable_or_refusing_osv_is_an_error_for_all_never_an_empty_answer(tmp_path):
    responses.post(QUERYBATCH, body=requests.ConnectionError("no route"))
    osv = OsvClient(None, sleep=lambda s: None, retry=RetryPolicy(2, 0.1, 1.0))
    answers = osv.lookup([Package("npm", "express", "4.17.1")])
    assert answers.error == "cannot reach OSV (ConnectionError)" and answers.found == {}
    responses.replace(responses.POST, QUERYBATCH, status=400, json={"code": 3, "message": "Invalid query."})
    assert osv.lookup([Package("npm", "express", "4.17.1")]).error == "OSV answered HTTP 400 to querybatch"


@responses.activate
def test_a_cve_osv_does_not_hold_leaves_the_severity_unknown(tmp_path):
    package = Package("Debian:12", "zlib", "1:1.2.13.dfsg-1")
    responses.post(QUERYBATCH, json={"results": [{"vulns": [{"id": "DEBIAN-CVE-2023-45853", "modified": "m"}]}]})
    serve_records({"DEBIAN-CVE-2023-45853": {"id": "DEBIAN-CVE-2023-45853", "modified": "m",
                                              "upstream": ["CVE-2023-45853"], "affected": []}})
    responses.get(f"{OSV_API}/v1/vulns/CVE-2023-45853", status=404, json={"code": 5, "message": "Bug not found."})
    [found] = client(tmp_path).lookup([package]).found[package.key]
    assert found.severity is VulnSeverity.UNKNOWN and not found.fixable


def test_packages_of_an_unknown_ecosystem_are_not_asked_about(tmp_path):
    answers = client(tmp_path).lookup([Package("", "busybox", "1.36")])  # no HTTP mock: any request would fail
    assert answers.error == "" and answers.requests == 0 and answers.found == {}


def test_nobody_listening_fails_at_once_without_waiting():
    waits = []
    osv = OsvClient(None, base_url="http://127.0.0.1:9", sleep=waits.append)
    answers = osv.lookup([Package("npm", "express", "4.17.1")])
    assert answers.error == "cannot reach OSV (ConnectionError)" and answers.requests == 1 and waits == []
