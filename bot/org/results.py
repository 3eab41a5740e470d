"""What one matrix job did to its repository, as a small JSON file the job uploads as an
artifact and the report job reads: a few hundred bytes a repository, so 10,000 of them stay
far within the artifact limits where job outputs (1 MB a job) would not."""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from bot.errors import HardenbotError
from bot.flow import FlowResult, Outcome
from bot.model.results import RunReport
from bot.report.grade import grade, score

FAILED = "failed"  # the outcome of a job that stopped on an error


class ResultFileError(HardenbotError):
    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path}: {reason}")


@dataclass(frozen=True)
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
        repository, result.outcome.value, result.message, finished_at, run_url, before, after,
        files_scanned=len(report.results) + len(report.errors) if report else 0,
        files_hardened=len(result.changed_files), needs_a_person=result.needs_a_person,
        pull_request=pull.number if pull else None, pull_request_url=pull.url if pull else "",
        pull_request_state=("closed" if result.outcome is Outcome.CLOSED else pull.state) if pull else "",
        verification=_verification(report) if report is not None else "")


def failed(repository: str, message: str, finished_at: str, run_url: str = "") -> RepositoryResult:
    return RepositoryResult(repository, FAILED, message, finished_at, run_url)


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


def read_results(folder: Path) -> list[RepositoryResult]:
    """Every result file under `folder` (the artifacts, downloaded), one per repository: of
    two for one repository, the later run's."""
    known = {f.name for f in fields(RepositoryResult)}
    latest: dict[str, RepositoryResult] = {}
    for path in sorted(folder.rglob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise ResultFileError(path, "not a hardenbot result (not a JSON object)")
            result = RepositoryResult(**{k: v for k, v in data.items() if k in known})
        except (ValueError, TypeError) as error:
            raise ResultFileError(path, f"not a hardenbot result ({type(error).__name__})") from None
        if result.repository not in latest or latest[result.repository].finished_at < result.finished_at:
            latest[result.repository] = result
    return sorted(latest.values(), key=lambda r: r.repository)
