"""What one matrix job did to its repository, as a small JSON file the job uploads as an
artifact and the report job reads: a few hundred bytes a repository, so 10,000 of them stay
far within the artifact limits where job outputs (1 MB a job) would not.

The report job reads each file as untrusted input: a file that is not a result, of the wrong
types, with a value no job writes (an outcome, a grade, a state), or over RESULT_FILE_LIMIT, is
set aside with the reason, and the others are reported as usual."""
from __future__ import annotations

import errno
import json
import os
import stat
from collections import Counter
from dataclasses import MISSING, asdict, fields
from pathlib import Path

from bot.errors import HardenbotError
from bot.flow import FlowResult, Outcome
from bot.model.results import RunReport
from bot.model.text import excerpt
from bot.record import record
from bot.report.grade import THRESHOLDS, grade, score

FAILED = "failed"  # the outcome of a job that stopped on an error
OUTCOMES = frozenset({FAILED, *(o.value for o in Outcome)})
GRADES = frozenset({"", "F", *(letter for _, letter in THRESHOLDS)})
PULL_REQUEST_STATES = frozenset({"", "open", "merged", "closed"})
RESULT_FILE_LIMIT = 64 * 1024  # a job writes a few hundred bytes, its message bounded by MESSAGE_LIMIT
MESSAGE_LIMIT = 2000  # characters of a job's message (an error can quote a whole file) kept in its result


class ResultFileError(HardenbotError):
    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = path, reason


@record
class ResultFiles:
    results: tuple[RepositoryResult, ...]  # one a repository, sorted by it
    invalid: tuple[ResultFileError, ...] = ()  # files that are no result a job writes, each with why


@record
class RepositoryResult:
    repository: str  # owner/name
    outcome: str  # the flow's outcome (opened, updated, unchanged, closed, nothing, dry-run), or failed
    message: str  # one line: what happened, or the error
    finished_at: str  # ISO 8601, UTC
    run_url: str = ""  # the job's workflow run
    grade_before: str = ""  # the weakest file's grade ("" when no file was graded)
    grade_after: str = ""
    files_scanned: int = 0
    files_hardened: int = 0
    needs_a_person: int = 0
    pull_request: int | None = None
    pull_request_url: str = ""
    pull_request_state: str = ""  # open, merged, closed, or "" when there is none
    verification: str = ""  # "2 verified, 1 edits dropped", or why nothing was built

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=1, sort_keys=True) + "\n"


def from_flow(repository: str, result: FlowResult, finished_at: str, run_url: str = "") -> RepositoryResult:
    report = result.report
    pull = result.pull_request
    before, after = _weakest_grades(report) if report is not None else ("", "")
    return RepositoryResult(
        repository, result.outcome.value, excerpt(result.message, MESSAGE_LIMIT), finished_at, run_url, before, after,
        files_scanned=len(report.results) + len(report.errors) if report else 0,
        files_hardened=len(result.changed_files), needs_a_person=result.needs_a_person,
        pull_request=pull.number if pull else None, pull_request_url=pull.url if pull else "",
        pull_request_state=("closed" if result.outcome is Outcome.CLOSED else pull.state) if pull else "",
        verification=_verification(report) if report is not None else "")


def failed(repository: str, message: str, finished_at: str, run_url: str = "") -> RepositoryResult:
    return RepositoryResult(repository, FAILED, excerpt(message, MESSAGE_LIMIT), finished_at, run_url)


def _weakest_grades(report: RunReport) -> tuple[str, str]:
    """A repository is as weak as its weakest file: that file's grade before, and the weakest
    grade after."""
    graded = [r for r in report.results if r.hardened.before or r.changed]
    if not graded:
        return ("A", "A") if report.results else ("", "")
    weakest_before = min(graded, key=lambda r: score(r.hardened.before))
    weakest_after = min(graded, key=lambda r: score(r.hardened.after))
    return grade(weakest_before.hardened.before), grade(weakest_after.hardened.after)


def _verification(report: RunReport) -> str:
    if report.verify_note:
        return f"not built: {report.verify_note}"
    verdicts = Counter(v.verdict.value for v in report.verification)
    return ", ".join(f"{count} {verdict}" for verdict, count in sorted(verdicts.items()))


def write_result(path: Path, result: RepositoryResult) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(result.to_json(), encoding="utf-8")


def read_results(folder: Path) -> ResultFiles:
    """Every result file under `folder` (the artifacts, downloaded), one per repository: of
    two for one repository, the later run's. A file that is not a valid result is set aside
    with the reason, never an error of the whole report."""
    latest: dict[str, RepositoryResult] = {}
    invalid = []
    for path in sorted(folder.rglob("*.json")):
        name = path.relative_to(folder)
        try:
            result = parse_result(_read_bounded(path, name), name)
        except ResultFileError as error:
            invalid.append(error)
            continue
        if result.repository not in latest or latest[result.repository].finished_at < result.finished_at:
            latest[result.repository] = result
    return ResultFiles(tuple(sorted(latest.values(), key=lambda r: r.repository)), tuple(invalid))


def parse_result(data: bytes, path: Path) -> RepositoryResult:
    """A result from a file's bytes, each field of the type and, for the enumerated ones, a
    value a job writes; ResultFileError naming the first field that is not (never its value)."""
    try:
        document = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError) as error:
        raise ResultFileError(path, f"not JSON ({type(error).__name__})") from None
    if not isinstance(document, dict):
        raise ResultFileError(path, "not a JSON object")
    values = {}
    for field in fields(RepositoryResult):
        if field.name not in document:
            if field.default is MISSING:
                raise ResultFileError(path, f"no {field.name}")
            continue
        value = document[field.name]
        allowed = _ALLOWED.get(field.name)
        if not _FIELD_CHECKS[field.type](value) or (allowed is not None and value not in allowed):
            raise ResultFileError(path, f"{field.name} is not {_EXPECTED.get(field.name, _TYPE_NAMES[field.type])}")
        values[field.name] = value
    return RepositoryResult(**values)


def _read_bounded(path: Path, name: Path) -> bytes:
    """The file's bytes, refused past RESULT_FILE_LIMIT, read only if it is a regular file and
    not through a symbolic link (a FIFO would block the report)."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(descriptor, "rb") as handle:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                raise OSError(errno.EINVAL, "not a regular file")
            data = handle.read(RESULT_FILE_LIMIT + 1)
    except OSError as error:
        reason = "a symbolic link" if error.errno == errno.ELOOP else (error.strerror or type(error).__name__)
        raise ResultFileError(name, f"cannot be read: {reason}") from None
    if len(data) > RESULT_FILE_LIMIT:
        raise ResultFileError(name, f"larger than {RESULT_FILE_LIMIT} bytes, more than any job writes")
    return data


def _whole_number(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


_FIELD_CHECKS = {"str": lambda v: isinstance(v, str), "int": _whole_number,
                 "int | None": lambda v: v is None or _whole_number(v)}
_TYPE_NAMES = {"str": "a string", "int": "a whole number", "int | None": "a whole number or null"}
_ALLOWED = {"outcome": OUTCOMES, "grade_before": GRADES, "grade_after": GRADES,
            "pull_request_state": PULL_REQUEST_STATES}
_EXPECTED = {"outcome": "an outcome a job writes", "grade_before": "a grade", "grade_after": "a grade",
             "pull_request_state": "open, merged, closed or empty"}
