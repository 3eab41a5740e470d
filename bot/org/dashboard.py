"""The dashboard issue's body, a pure function of the jobs' results and the plan: totals at
the top, then the jobs that failed or never reported, then one row a repository, the worst
first (weakest grade after hardening, then the most findings needing a person).

GitHub keeps at most 65,536 characters in an issue body. Rows are added worst first while
they fit; the rest are folded into one line counting them, by grade, so a 10,000-repository
organisation still gets a whole dashboard with its worst repositories listed."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.org.report import MARKER
from bot.org.results import FAILED, RepositoryResult

GITHUB_BODY_LIMIT = 65536
GRADE_ORDER = ("F", "D", "C", "B", "A", "")  # worst first; "" is no graded file
LISTED_PROBLEMS = 50  # failed or silent repositories named before the rest are counted


@dataclass(frozen=True)
class DashboardInput:
    results: tuple[RepositoryResult, ...]
    expected: tuple[str, ...] = ()  # the plan's repositories: those without a result are named
    deferred: int = 0  # repositories the plan left for a later run
    skipped: dict[str, int] = field(default_factory=dict)  # the plan's skip reasons, counted
    server_url: str = "https://github.com"


def render_dashboard(data: DashboardInput, *, limit: int = GITHUB_BODY_LIMIT - 536) -> str:
    results = sorted(data.results, key=_worst_first)
    failures = [r for r in results if r.outcome == FAILED]
    reported = {r.repository for r in results}
    silent = sorted(set(data.expected) - reported)
    head = _totals(data, results, failures, silent) + _problems(failures, silent, data.server_url)
    table = ["", "### Repositories, worst first", "",
             "| Repository | Grade | Files hardened | Needs a person | Pull request | Verification | Last run |",
             "|---|---|---|---|---|---|---|"]
    tail = _skipped(data)
    rows = [r for r in results if r.outcome != FAILED]
    budget = limit - len("\n".join(head + table + tail)) - 400  # room for the fold line
    shown = []
    for result in rows:
        row = _row(result, data.server_url)
        if budget - len(row) - 1 < 0:
            break
        budget -= len(row) + 1
        shown.append(row)
    folded = rows[len(shown):]
    fold = [] if not folded else ["", f"… and **{len(folded)} more repositories** not listed, to keep within "
                                      f"GitHub's 65,536 characters: {_grade_counts(folded)}. Each job's result "
                                      "is in the run's `hardenbot-result-*` artifacts."]
    return "\n".join(head + (table + shown if rows else []) + fold + tail) + "\n"


def _worst_first(result: RepositoryResult) -> tuple:
    return (GRADE_ORDER.index(result.grade_after) if result.grade_after in GRADE_ORDER else len(GRADE_ORDER),
            -result.needs_a_person, GRADE_ORDER.index(result.grade_before) if result.grade_before in GRADE_ORDER
            else len(GRADE_ORDER), result.repository)


def _totals(data: DashboardInput, results: list[RepositoryResult], failures: list[RepositoryResult],
            silent: list[str]) -> list[str]:
    states = Counter(r.pull_request_state for r in results if r.pull_request_state)
    pulls = ", ".join(f"**{states[s]} {s}**" for s in ("open", "merged", "closed") if states[s]) or "none"
    latest = max((r.finished_at for r in results), default="")
    lines = [MARKER, "## hardenbot: organisation dashboard", "",
             f"**{len(results)} repositories** reported: {sum(r.files_hardened for r in results)} files hardened, "
             f"**{sum(r.needs_a_person for r in results)} findings need a person**; pull requests {pulls}; "
             f"**{len(failures)} failed**, **{len(silent)} did not report**"
             + (f", {data.deferred} wait for a later run" if data.deferred else "") + ".", ""]
    before, after = (Counter(getattr(r, key) for r in results if getattr(r, key))
                     for key in ("grade_before", "grade_after"))
    if before or after:
        lines.append("Grades, weakest file of each repository: before " + _letters(before) + " → after "
                     + _letters(after) + ".")
        lines.append("")
    if latest:
        lines.append(f"Last run: {_when(latest)}.")
    return lines


def _problems(failures: list[RepositoryResult], silent: list[str], server_url: str) -> list[str]:
    lines = []
    if failures:
        lines += ["", "### Failed", ""]
        lines += [f"- {_repository_link(r.repository, server_url)}: {_one_line(r.message)} ({_run_link(r)})"
                  for r in failures[:LISTED_PROBLEMS]]
        lines += _more(failures)
    if silent:
        lines += ["", "### No result", "", "These jobs did not report (cancelled, timed out, or never started):", ""]
        lines += [f"- {_repository_link(name, server_url)}" for name in silent[:LISTED_PROBLEMS]]
        lines += _more(silent)
    return lines


def _more(items: list) -> list[str]:
    return [f"- … and {len(items) - LISTED_PROBLEMS} more"] if len(items) > LISTED_PROBLEMS else []


def _skipped(data: DashboardInput) -> list[str]:
    if not data.skipped:
        return []
    counts = ", ".join(f"{count} {reason}" for reason, count in sorted(data.skipped.items()))
    return ["", f"Skipped by the plan: {counts}."]


def _row(result: RepositoryResult, server_url: str) -> str:
    grade = f"{result.grade_before} → {result.grade_after}" if result.grade_before else "—"
    hardened = f"{result.files_hardened} of {result.files_scanned}" if result.files_scanned else "—"
    pull = (f"[#{result.pull_request}]({result.pull_request_url}) {result.pull_request_state}".rstrip()
            if result.pull_request else _OUTCOME_WITHOUT_PULL.get(result.outcome, result.outcome))
    return (f"| {_repository_link(result.repository, server_url)} | {grade} | {hardened} | {result.needs_a_person} "
            f"| {pull} | {_cell(result.verification) or '—'} | {_run_link(result)} |")


_OUTCOME_WITHOUT_PULL = {"nothing": "nothing to harden", "dry-run": "dry run: none opened"}


def _repository_link(name: str, server_url: str) -> str:
    return f"[{name}]({server_url}/{name})"


def _run_link(result: RepositoryResult) -> str:
    return f"[{_when(result.finished_at)}]({result.run_url})" if result.run_url else _when(result.finished_at)


def _when(iso: str) -> str:
    """2024-05-01T10:00:00Z → 2024-05-01 10:00 UTC"""
    return f"{iso[:10]} {iso[11:16]} UTC" if len(iso) >= 16 else iso


def _letters(counts: Counter) -> str:
    return " · ".join(f"{letter} {counts[letter]}" for letter in GRADE_ORDER if letter and counts[letter])


def _grade_counts(results: Iterable[RepositoryResult]) -> str:
    counts = Counter(r.grade_after or "no graded file" for r in results)
    return ", ".join(f"{counts[key]} graded {key}" if key in GRADE_ORDER else f"{counts[key]} with {key}"
                     for key in sorted(counts, key=lambda k: GRADE_ORDER.index(k) if k in GRADE_ORDER else 9))


def _one_line(text: str) -> str:
    return " ".join(text.split())[:300]


def _cell(text: str) -> str:
    return _one_line(text).replace("|", "\\|")
