"""The dashboard issue's body, a pure function of the jobs' results and the plan: totals at
the top, then the jobs that failed or never reported, then one row a repository, the worst
first (weakest grade after hardening, then the most findings needing a person).

GitHub keeps at most 65,536 characters in an issue body. Rows are added worst first while
they fit; the rest are folded into one line counting them, by grade, so a 10,000-repository
organisation still gets a whole dashboard with its worst repositories listed. The problems
(failed jobs, silent ones, result files that are not valid) get at most half of it the same way.

Everything a repository or a result file holds is data, not markup: names, messages, dates
and verification notes go through the pull request body's inert escaping (`report/inert.py`),
cut to a short excerpt first; links are made only to where hardenbot itself points, built
from the server's address and a name GitHub could have (a repository, a pull request's
number), never taken from the file."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import field

from bot.model.text import excerpt
from bot.org.report import MARKER
from bot.org.results import FAILED, RepositoryResult, ResultFileError
from bot.record import record
from bot.report.fitting import GITHUB_BODY_LIMIT, fitting
from bot.report.inert import code, one_line

GRADE_ORDER = ("F", "D", "C", "B", "A", "")  # worst first; "" is no graded file
LISTED_PROBLEMS = 50  # failed or silent repositories named before the rest are counted
TEXT_LIMIT = 300  # characters of a message quoted (before escaping)
# GitHub's own spelling of owner/name: only such a name is made a link.
_REPOSITORY = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}")
_URL_PATH = re.compile(r"[A-Za-z0-9._~/-]+")  # a run's address under the server: nothing to escape
_ISO_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")


@record
class DashboardInput:
    results: tuple[RepositoryResult, ...]
    expected: tuple[str, ...] = ()  # the plan's repositories: those without a result are named
    deferred: int = 0  # repositories the plan left for a later run
    skipped: dict[str, int] = field(default_factory=dict)  # the plan's skip reasons, counted
    server_url: str = "https://github.com"
    invalid: tuple[ResultFileError, ...] = ()  # result files set aside, each with why


def render_dashboard(data: DashboardInput, *, limit: int = GITHUB_BODY_LIMIT - 536) -> str:
    results = sorted(data.results, key=_worst_first)
    failures = [r for r in results if r.outcome == FAILED]
    reported = {r.repository for r in results}
    silent = sorted(set(data.expected) - reported)
    head = _totals(data, results, failures, silent)
    head += _problems(data, failures, silent, budget=limit // 2 - len("\n".join(head)))
    table = ["", "### Repositories, worst first", "",
             "| Repository | Grade | Files hardened | Needs a person | Pull request | Verification | Last run |",
             "|---|---|---|---|---|---|---|"]
    tail = _skipped(data)
    rows = [r for r in results if r.outcome != FAILED]
    shown = fitting((_row(r, data.server_url) for r in rows),
                     limit - len("\n".join(head + table + tail)) - 400)  # room for the fold line
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
             + (f", **{len(data.invalid)} result files not valid**" if data.invalid else "")
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


def _problems(data: DashboardInput, failures: list[RepositoryResult], silent: list[str], *, budget: int) -> list[str]:
    sections = [
        ("### Failed", [], [f"- {_repository_link(r.repository, data.server_url)}: {_text(r.message)} "
                            f"({_run_link(r, data.server_url)})" for r in failures[:LISTED_PROBLEMS]], len(failures)),
        ("### Result files not valid", ["Set aside; the rest of the dashboard is read from the others:", ""],
         [f"- result file for {code(excerpt(str(e.path), TEXT_LIMIT))} is not valid: {_text(e.reason)}"
          for e in data.invalid[:LISTED_PROBLEMS]], len(data.invalid)),
        ("### No result", ["These jobs did not report (cancelled, timed out, or never started):", ""],
         [f"- {_repository_link(name, data.server_url)}" for name in silent[:LISTED_PROBLEMS]], len(silent)),
    ]
    lines: list[str] = []
    for title, intro, items, count in sections:
        if not count:
            continue
        opening = ["", title, "", *intro]
        budget -= len("\n".join(opening)) + 100  # room for its count of the rest
        shown = fitting(items, budget)
        budget -= sum(len(line) + 1 for line in shown)
        lines += opening + shown + ([f"- … and {count - len(shown)} more"] if count > len(shown) else [])
    return lines


def _skipped(data: DashboardInput) -> list[str]:
    if not data.skipped:
        return []
    counts = ", ".join(f"{count} {_text(reason, 80)}" for reason, count in sorted(data.skipped.items()))
    return ["", f"Skipped by the plan: {counts}."]


def _row(result: RepositoryResult, server_url: str) -> str:
    grade = f"{result.grade_before} → {result.grade_after}" if result.grade_before else "—"
    hardened = f"{result.files_hardened} of {result.files_scanned}" if result.files_scanned else "—"
    pull = (f"{_pull_link(result, server_url)} {result.pull_request_state}".rstrip()
            if result.pull_request else _OUTCOME_WITHOUT_PULL.get(result.outcome, result.outcome))
    return (f"| {_repository_link(result.repository, server_url)} | {grade} | {hardened} | {result.needs_a_person} "
            f"| {pull} | {_text(result.verification) or '—'} | {_run_link(result, server_url)} |")


_OUTCOME_WITHOUT_PULL = {"nothing": "nothing to harden", "dry-run": "dry run: none opened"}


def _text(text: str, limit: int = TEXT_LIMIT) -> str:
    """Repository text for a line or a table cell: a short excerpt, inert, on one line."""
    return one_line(excerpt(text, limit))


def _repository_link(name: str, server_url: str) -> str:
    if _REPOSITORY.fullmatch(name):
        return f"[{name}]({server_url}/{name})"
    return _text(name, 100)


def _pull_link(result: RepositoryResult, server_url: str) -> str:
    """The pull request's page, from its repository and number (`#7` alone would point into
    the dashboard's own repository)."""
    if _REPOSITORY.fullmatch(result.repository):
        return f"[#{result.pull_request}]({server_url}/{result.repository}/pull/{result.pull_request})"
    return f"pull request {result.pull_request}"


def _run_link(result: RepositoryResult, server_url: str) -> str:
    """The job's run, linked only when the address is under this server's and plain."""
    prefix = server_url.rstrip("/") + "/"
    plain = result.run_url.startswith(prefix) and _URL_PATH.fullmatch(result.run_url[len(prefix):])
    return f"[{_when(result.finished_at)}]({result.run_url})" if plain else _when(result.finished_at)


def _when(iso: str) -> str:
    """2024-05-01T10:00:00Z → 2024-05-01 10:00 UTC"""
    return f"{iso[:10]} {iso[11:16]} UTC" if _ISO_TIME.match(iso) else _text(iso, 40)


def _letters(counts: Counter) -> str:
    return " · ".join(f"{letter} {counts[letter]}" for letter in GRADE_ORDER if letter and counts[letter])


def _grade_counts(results: Iterable[RepositoryResult]) -> str:
    counts = Counter(r.grade_after or "no graded file" for r in results)
    return ", ".join(f"{counts[key]} graded {key}" if key in GRADE_ORDER else f"{counts[key]} with {key}"
                     for key in sorted(counts, key=lambda k: GRADE_ORDER.index(k) if k in GRADE_ORDER else 9))

