"""OSV's public API (https://api.osv.dev): which known vulnerabilities affect each installed
package, and what each is.

`POST /v1/querybatch` takes up to 1000 queries (package, ecosystem, version) and answers with
each one's vulnerability ids and `modified` times, a page at a time (a result with a
`next_page_token` is asked again with it as `page_token`); `GET /v1/vulns/{id}` gives one
whole record (severity, affected ranges). Both are cached (`cache.py`). Rate limits (429)
and server errors are retried within `OSV_RETRIES`, honouring Retry-After; a database that
cannot be reached makes the whole answer an error, which the policies report as not
evaluated, never as a pass.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor

import requests
from urllib3.exceptions import NameResolutionError, NewConnectionError

from bot.errors import HardenbotError
from bot.model.policies import Package, Vulnerability, VulnerabilityAnswers, VulnSeverity
from bot.osv import records
from bot.osv.cache import OsvCache
from bot.retry import RetryPolicy

OSV_API = "https://api.osv.dev"
BATCH_SIZE = 1000  # queries per querybatch, OSV's limit
MAX_PAGES = 20  # per batch: a package with more pages than this is a bug somewhere, not data
OSV_RETRIES = RetryPolicy(attempts=4, base_delay=1.0, max_delay=60.0)
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
Key = tuple[str, str, str]


class OsvError(HardenbotError):
    """OSV could not be asked, or gave an answer that is not OSV's."""


class RecordNotFound(OsvError):
    """No record has that id (a CVE a distribution names that OSV does not hold)."""


class OsvClient:
    def __init__(self, cache: OsvCache | None = None, *, base_url: str = OSV_API,
                 timeout: tuple[float, float] = (5.0, 30.0), retry: RetryPolicy = OSV_RETRIES,
                 sleep: Callable[[float], None] = time.sleep, workers: int = 8):
        self.cache = cache
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.retry = retry
        self.sleep = sleep
        self.workers = workers
        self.requests_made = 0
        self._lock = threading.Lock()
        self._local = threading.local()

    # -- public ------------------------------------------------------------------------
    def lookup(self, packages: Iterable[Package]) -> VulnerabilityAnswers:
        """Every package's known vulnerabilities (packages of an unknown ecosystem are not
        asked about and get none); an error in place of all of them when OSV is out of reach."""
        wanted = {p.key: p for p in packages if p.ecosystem}
        before = self.requests_made
        try:
            ids, hits = self._vulnerability_ids(list(wanted))
            found = self._vulnerabilities(ids)
        except OsvError as error:
            return VulnerabilityAnswers({}, str(error), self.requests_made - before)
        return VulnerabilityAnswers(found, "", self.requests_made - before, hits)

    # -- querybatch ----------------------------------------------------------------------
    def _vulnerability_ids(self, keys: list[Key]) -> tuple[dict[Key, list[tuple[str, str]]], int]:
        ids: dict[Key, list[tuple[str, str]]] = {}
        missing = []
        for key in keys:
            known = self.cache.package(key) if self.cache else None
            if known is None:
                missing.append(key)
            else:
                ids[key] = known
        for start in range(0, len(missing), BATCH_SIZE):
            answered = self._query_batch(missing[start:start + BATCH_SIZE])
            for key, vulns in answered.items():
                ids[key] = vulns
                if self.cache:
                    self.cache.store_package(key, vulns)
        return ids, len(keys) - len(missing)

    def _query_batch(self, keys: list[Key]) -> dict[Key, list[tuple[str, str]]]:
        found: dict[Key, list[tuple[str, str]]] = {key: [] for key in keys}
        pending: list[tuple[Key, str | None]] = [(key, None) for key in keys]
        for _ in range(MAX_PAGES):
            if not pending:
                return found
            queries = [{"package": {"ecosystem": e, "name": n}, "version": v, **({"page_token": t} if t else {})}
                       for (e, n, v), t in pending]
            results = self._post("/v1/querybatch", {"queries": queries}).get("results")
            if not isinstance(results, list) or len(results) != len(pending):
                raise OsvError("OSV answered querybatch with a different number of results than queries")
            following = []
            for (key, _), result in zip(pending, results, strict=True):
                result = result if isinstance(result, dict) else {}
                vulns = result.get("vulns") or []
                if not isinstance(vulns, list):
                    raise OsvError("OSV answered querybatch with vulnerabilities that are not a list")
                found[key] += [(str(v["id"]), str(v.get("modified", ""))) for v in vulns
                               if isinstance(v, dict) and v.get("id")]
                if result.get("next_page_token"):
                    following.append((key, str(result["next_page_token"])))
            pending = following
        raise OsvError(f"OSV kept paging past {MAX_PAGES} pages")

    # -- records -------------------------------------------------------------------------
    def _vulnerabilities(self, ids: dict[Key, list[tuple[str, str]]]) -> dict[Key, tuple[Vulnerability, ...]]:
        wanted = {vuln_id: modified for vulns in ids.values() for vuln_id, modified in vulns}
        fetched = self._records(wanted)
        aliases = {cve for record in fetched.values() if records.severity(record)[0] is VulnSeverity.UNKNOWN
                   for cve in records.upstream_cves(record)[:1]}
        alias_records = self._records(dict.fromkeys(aliases), optional=True)
        found = {}
        for key, vulns in ids.items():
            ecosystem, name, _ = key
            found[key] = tuple(records.vulnerability(fetched[vuln_id], ecosystem, name,
                                                     _alias_severity(fetched[vuln_id], alias_records))
                               for vuln_id, _ in vulns)
        return found

    def _records(self, wanted: dict[str, str | None], optional: bool = False) -> dict[str, dict]:
        """id → record, from the cache or OSV; with `optional`, an id OSV does not know is left
        out (a severity lookup), else it is an error."""
        fetched = {}
        missing = []
        for vuln_id, modified in wanted.items():
            record = self.cache.record(vuln_id, modified) if self.cache else None
            if record is None:
                missing.append(vuln_id)
            else:
                fetched[vuln_id] = record
        with ThreadPoolExecutor(max(1, self.workers)) as pool:
            answers = pool.map(lambda vuln_id: self._get_record(vuln_id, optional), missing)
            for vuln_id, record in zip(missing, answers, strict=True):
                if record is None:
                    continue
                fetched[vuln_id] = record
                if self.cache:
                    self.cache.store_record(vuln_id, wanted[vuln_id], record)
        return fetched

    def _get_record(self, vuln_id: str, optional: bool) -> dict | None:
        try:
            record = self._request("GET", f"/v1/vulns/{requests.utils.quote(vuln_id, safe='')}", None, vuln_id)
        except RecordNotFound:
            if optional:
                return None
            raise
        if not records.readable(record):
            raise OsvError(f"OSV's record {vuln_id} does not have the types of OSV's schema")
        return record

    # -- HTTP --------------------------------------------------------------------------
    def _post(self, path: str, body: dict) -> dict:
        return self._request("POST", path, body, "querybatch")

    def _session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = requests.Session()
            session.headers["User-Agent"] = "hardenbot"
        return session

    def _request(self, method: str, path: str, body: dict | None, what: str) -> dict:
        for attempt in range(1, self.retry.attempts + 1):
            with self._lock:
                self.requests_made += 1
            try:
                response = self._session().request(method, self.base_url + path, json=body, timeout=self.timeout)
            except requests.RequestException as error:
                if attempt == self.retry.attempts or _nobody_there(error):
                    raise OsvError(f"cannot reach OSV ({type(error).__name__})") from None
                self.sleep(self.retry.backoff(attempt))
                continue
            if response.status_code in RETRY_STATUSES and attempt < self.retry.attempts:
                self.sleep(self.retry.delay(attempt, response.headers.get("Retry-After")))
                continue
            if response.status_code == 404 and method == "GET":
                raise RecordNotFound(f"OSV has no record {what}")
            if response.status_code != 200:
                raise OsvError(f"OSV answered HTTP {response.status_code} to {what}")
            try:
                data = response.json()
            except ValueError:
                data = None
            if not isinstance(data, dict):
                raise OsvError(f"OSV's answer to {what} is not a JSON object")
            return data
        raise AssertionError("unreachable")


def _nobody_there(error: requests.RequestException) -> bool:
    """No name or no listener (a machine offline, a closed port): trying again in a few
    seconds would not change that, and a run should not wait for it."""
    reason = getattr(error.args[0], "reason", None) if error.args else None
    return isinstance(reason, NameResolutionError | NewConnectionError)


def _alias_severity(record: dict, alias_records: dict[str, dict]) -> tuple[VulnSeverity, float | None] | None:
    for cve in records.upstream_cves(record)[:1]:
        if cve in alias_records:
            return records.severity(alias_records[cve])
    return None
