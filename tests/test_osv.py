"""OSV at the HTTP layer (`responses`, bodies shaped as OSV documents them): one answer per
ecosystem, CVSS v3 scoring, pagination, batches of 1000, rate limits, an unreachable API, and
the disk cache between runs."""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
import requests
import responses

from bot.model.policies import Package, VulnSeverity
from bot.osv.cache import PACKAGE_SECONDS, RECORD_SECONDS, OsvCache
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


# -- an untrusted cache: every planted entry is stale, the run asks OSV again ---------------
JINJA = json.loads((FIXTURES / "pypi.json").read_text())
JINJA_PACKAGE = Package(**JINJA["package"])
JINJA_ID = "GHSA-h5c8-rqwp-cp95"
JINJA_MODIFIED = JINJA["querybatch"]["results"][0]["vulns"][0]["modified"]
FAR_FUTURE = 4_102_444_800  # 2100-01-01
NOTHING_KNOWN = {"key": list(JINJA_PACKAGE.key), "at": FAR_FUTURE, "vulns": []}


def entry_bytes(value) -> bytes:
    return value if isinstance(value, bytes) else json.dumps(value).encode()


def plant(folder: Path, kind: str, planted) -> None:
    """Put `planted` (a JSON value, bytes, or a function making the file) where the cache
    keeps jinja2's package list or its record."""
    cache = OsvCache(folder)
    if kind == "packages":
        cache.store_package(JINJA_PACKAGE.key, [])
    else:
        cache.store_record(JINJA_ID, JINJA_MODIFIED, {"id": JINJA_ID})
    [path] = (folder / kind).glob("*.json")
    if callable(planted):
        path.unlink()
        planted(path)
    else:
        path.write_bytes(entry_bytes(planted))


def real_jinja_record(**changes) -> dict:
    return {"id": JINJA_ID, "modified": JINJA_MODIFIED, "at": time.time(), "record": {**JINJA["records"][JINJA_ID], **changes}}


def symlink_to_a_fresh_empty_list(path: Path) -> None:
    elsewhere = path.parent.parent / "elsewhere.json"
    elsewhere.write_text(json.dumps({**NOTHING_KNOWN, "at": time.time()}))
    path.symlink_to(elsewhere)


@responses.activate
def test_well_formed_entries_written_by_hand_are_read(tmp_path):
    """The control for the planted entries below: the same files, well formed, are hits."""
    plant(tmp_path / "osv", "packages", {**NOTHING_KNOWN, "at": time.time(), "vulns": [[JINJA_ID, JINJA_MODIFIED]]})
    plant(tmp_path / "osv", "vulns", real_jinja_record(severity=[], database_specific={"severity": "LOW"}))
    answers = client(tmp_path).lookup([JINJA_PACKAGE])
    assert answers.requests == 0 and answers.found[JINJA_PACKAGE.key][0].severity is VulnSeverity.LOW


HOSTILE_PACKAGE_ENTRIES = {
    "dated in the far future": NOTHING_KNOWN,
    "dated NaN": b'{"key": ["PyPI", "jinja2", "3.1.2"], "at": NaN, "vulns": []}',
    "dated Infinity": b'{"key": ["PyPI", "jinja2", "3.1.2"], "at": Infinity, "vulns": []}',
    "dated by a string": {**NOTHING_KNOWN, "at": "2100-01-01"},
    "dated true": {**NOTHING_KNOWN, "at": True},
    "vulns a string": {**NOTHING_KNOWN, "at": "now", "vulns": "GHSA"},
    "vulns of numbers": {**NOTHING_KNOWN, "vulns": [[1, 2]]},
    "vulns of triples": {**NOTHING_KNOWN, "vulns": [["a", "b", "c"]]},
    "vulns of lists": {**NOTHING_KNOWN, "vulns": [[["a"], "b"]]},
    "vulns an object": {**NOTHING_KNOWN, "vulns": {"a": "b"}},
    "too many vulns": {**NOTHING_KNOWN, "vulns": [[f"X-{n}", "m"] for n in range(10_001)]},
    "not JSON": b"\x00\xff not json",
    "a JSON list": b"[]",
    "nested 100,000 deep": b"[" * 100_000 + b"]" * 100_000,
    "a number of 100,000 digits": b'{"at": ' + b"9" * 100_000 + b"}",
    "over 1 MiB": entry_bytes(NOTHING_KNOWN)[:-1] + b" " * (1 << 20) + b"}",
    "a symlink": symlink_to_a_fresh_empty_list,
    "a directory": lambda path: path.mkdir(),
    "a FIFO": lambda path: os.mkfifo(path),
}


@pytest.mark.parametrize("planted", list(HOSTILE_PACKAGE_ENTRIES.values()), ids=list(HOSTILE_PACKAGE_ENTRIES))
@responses.activate
def test_a_planted_package_entry_is_stale_and_osv_is_asked_again(tmp_path, planted):
    plant(tmp_path / "osv", "packages", planted)
    batch = responses.post(QUERYBATCH, json=JINJA["querybatch"])
    serve_records(JINJA["records"])
    started = time.monotonic()
    answers = client(tmp_path).lookup([JINJA_PACKAGE])
    assert time.monotonic() - started < 10
    assert answers.error == "" and batch.call_count == 1 and answers.cache_hits == 0
    assert [v.id for v in answers.found[JINJA_PACKAGE.key]] == [JINJA_ID]  # not the planted "nothing known"


HOSTILE_RECORD_ENTRIES = {
    "severity a number": real_jinja_record(severity=7),
    "severity entry a string": real_jinja_record(severity=["CVSS_V3"]),
    "severity score a list": real_jinja_record(severity=[{"type": "CVSS_V3", "score": ["x"]}]),
    "affected a string": real_jinja_record(affected="jinja2"),
    "affected package a list": real_jinja_record(affected=[{"package": ["PyPI", "jinja2"]}]),
    "affected name a number": real_jinja_record(affected=[{"package": {"ecosystem": "PyPI", "name": 5}}]),
    "ranges of strings": real_jinja_record(affected=[{"ranges": ["ECOSYSTEM"]}]),
    "events not a list": real_jinja_record(affected=[{"ranges": [{"events": {"fixed": "1"}}]}]),
    "fixed a number": real_jinja_record(affected=[{"ranges": [{"events": [{"fixed": 1}]}]}]),
    "ecosystem_specific a list": real_jinja_record(affected=[{"ecosystem_specific": ["high"]}]),
    "database_specific a string": real_jinja_record(database_specific="LOW"),
    "aliases of lists": real_jinja_record(aliases=[["CVE-2024-22195"]]),
    "upstream a number": real_jinja_record(upstream=1),
    "id a number": real_jinja_record(id=1),
    "summary an object": real_jinja_record(summary={"a": 1}),
    "record a list": {**real_jinja_record(), "record": []},
    "for another id": {**real_jinja_record(), "id": "GHSA-0000-0000-0000"},
    "dated in the far future": {**real_jinja_record(), "at": FAR_FUTURE},
    "dated NaN": b'{"id": "GHSA-h5c8-rqwp-cp95", "at": NaN, "record": {"id": "GHSA-h5c8-rqwp-cp95"}}',
    "older than a week": {**real_jinja_record(), "at": time.time() - RECORD_SECONDS - 60},
}


@pytest.mark.parametrize("planted", list(HOSTILE_RECORD_ENTRIES.values()), ids=list(HOSTILE_RECORD_ENTRIES))
@responses.activate
def test_a_planted_record_is_stale_and_osv_is_asked_again(tmp_path, planted):
    plant(tmp_path / "osv", "vulns", planted)
    responses.post(QUERYBATCH, json=JINJA["querybatch"])
    record = responses.get(f"{OSV_API}/v1/vulns/{JINJA_ID}", json=JINJA["records"][JINJA_ID])
    answers = client(tmp_path).lookup([JINJA_PACKAGE])
    assert answers.error == "" and record.call_count == 1
    [found] = answers.found[JINJA_PACKAGE.key]
    assert (found.severity, found.fixed_in) == (VulnSeverity.MEDIUM, "3.1.3")


@responses.activate
def test_a_planted_alias_record_dated_in_the_future_is_stale(tmp_path):
    package = Package("Debian:12", "zlib", "1:1.2.13.dfsg-1")
    responses.post(QUERYBATCH, json={"results": [{"vulns": [{"id": "DEBIAN-CVE-2023-45853", "modified": "m"}]}]})
    serve_records({"DEBIAN-CVE-2023-45853": {"id": "DEBIAN-CVE-2023-45853", "upstream": ["CVE-2023-45853"]}})
    cve = responses.get(f"{OSV_API}/v1/vulns/CVE-2023-45853", json={"id": "CVE-2023-45853", "severity": [
        {"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}]})
    planter = OsvCache(tmp_path / "osv", clock=lambda: FAR_FUTURE)
    planter.store_record("CVE-2023-45853", None, {"id": "CVE-2023-45853", "database_specific": {"severity": "LOW"}})
    [found] = client(tmp_path).lookup([package]).found[package.key]
    assert cve.call_count == 1 and found.severity is VulnSeverity.CRITICAL


@responses.activate
def test_a_record_osv_answers_with_the_wrong_types_is_an_error_not_a_crash(tmp_path):
    responses.post(QUERYBATCH, json=JINJA["querybatch"])
    responses.get(f"{OSV_API}/v1/vulns/{JINJA_ID}", json={**JINJA["records"][JINJA_ID], "affected": "jinja2"})
    answers = client(tmp_path).lookup([JINJA_PACKAGE])
    assert answers.error == f"OSV's record {JINJA_ID} does not have the types of OSV's schema"
    assert answers.found == {} and not list((tmp_path / "osv" / "vulns").glob("*.json"))
    responses.replace(responses.POST, QUERYBATCH, json={"results": [{"vulns": 5}]})
    assert client(tmp_path).lookup([Package("npm", "x", "1")]).error == \
        "OSV answered querybatch with vulnerabilities that are not a list"


def cache_files(folder: Path) -> list[Path]:
    return [path for kind in ("packages", "vulns") for path in (folder / kind).glob("*.json")]


def test_the_cache_evicts_the_oldest_and_scans_once_per_tenth_of_its_bound(tmp_path, monkeypatch):
    scans = []
    real_scandir = os.scandir
    monkeypatch.setattr(os, "scandir", lambda path: scans.append(path) or real_scandir(path))
    cache = OsvCache(tmp_path / "osv", max_files=100)
    keys = [("npm", f"pkg-{index}", "1.0.0") for index in range(1000)]
    for index, key in enumerate(keys[:95]):
        cache.store_package(key, [])
        os.utime(cache._file("packages", "\0".join(key)), (time.time() - 1000 + index,) * 2)
    for key in keys[95:]:
        cache.store_package(key, [])
        if key == keys[110]:
            assert cache.package(keys[0]) is None and cache.package(keys[110]) == []  # the oldest went first
    assert 90 <= len(cache_files(tmp_path / "osv")) <= 100
    assert len(scans) <= 2 * (1 + 1000 // 10)  # both folders, at the first write and once per ten written


def test_the_cache_stays_under_its_size_evicting_planted_future_files_first(tmp_path):
    folder = tmp_path / "osv"
    (folder / "vulns").mkdir(parents=True)
    planted = folder / "vulns" / ("f" * 40 + ".json")
    planted.write_text(" " * 100_000)
    os.utime(planted, (FAR_FUTURE, FAR_FUTURE))
    cache = OsvCache(folder, max_bytes=200_000)
    for index in range(40):
        cache.store_record(f"GHSA-{index}", "m", {"id": f"GHSA-{index}", "summary": "x" * 10_000})
    assert not planted.exists()
    assert sum(path.stat().st_size for path in cache_files(folder)) <= 200_000
    assert cache.record("GHSA-39", "m") is not None


@responses.activate
def test_a_cache_folder_that_is_a_symlink_is_neither_read_written_nor_evicted_from(tmp_path):
    victim = tmp_path / "victim"
    victim.mkdir()
    theirs = victim / ("a" * 40 + ".json")
    theirs.write_text(json.dumps({**NOTHING_KNOWN, "at": time.time()}))
    (tmp_path / "osv").mkdir()
    (tmp_path / "osv" / "packages").symlink_to(victim)
    batch = responses.post(QUERYBATCH, json=JINJA["querybatch"])
    serve_records(JINJA["records"])
    osv = OsvClient(OsvCache(tmp_path / "osv", max_files=1), sleep=lambda s: None)
    answers = osv.lookup([JINJA_PACKAGE])
    assert answers.error == "" and batch.call_count == 1 and answers.found[JINJA_PACKAGE.key]
    assert list(victim.iterdir()) == [theirs]
