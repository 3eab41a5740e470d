"""A repository's dashboard of its grouped pull requests, as pure functions of text: the body
rendered from one row a group, and what a body says back (the groups ticked to be asked
again, and the memory the previous run left in it).

The body lists every group with its pull request and state (open, merged, declined: closed
by a person, not run: GitHub's rate limit stopped the run first), what still needs a person
in its files (the findings its pull request body reports under "Needs a person") and the
builds that failed (edits dropped by verification). A declined or not-run group gets a
checkbox: a maintainer ticks it to have the group proposed again.

The memory is a hidden `<!-- hardenbot:groups … -->` block: for each group its state, pull
request number, and for a declined group the fingerprint of the changes its closed pull
request had (bot/report/change_set.py, one token for the whole set). A run reads it instead
of asking GitHub about each declined group: a group whose changes are the same as when it was
declined costs no call. The block takes at most half the body, declined groups first. A block someone edited into nonsense reads as no memory (the run
then asks GitHub, as without a dashboard).

Everything a group's files hold is data, not markup: titles, paths and messages go through the
pull request body's inert escaping (an owner's `@` mentions no one). A pull request is named
`#N`, which GitHub links within the issue's own repository. The body stays under GitHub's 65,536 characters: the memory
first, then the checkboxes, the table and the findings while they fit, the rest counted.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from enum import StrEnum

from bot.model.text import excerpt
from bot.record import record
from bot.report.change_set import Grain, change_set
from bot.report.fitting import GITHUB_BODY_LIMIT, fitting
from bot.report.inert import code, one_line

MARKER = "<!-- hardenbot:group-dashboard -->"
TITLE = "hardenbot dashboard: pull requests by group"
LISTED_NEEDS = 10  # findings listed a group before the rest are counted
_MEMORY = re.compile(r"<!-- hardenbot:groups (\{.*?\}) -->")
_KEY = r"[a-z0-9._-]{1,64}"
_BOX = re.compile(rf"^[ \t]*[-*] \[([ xX])\] [^\n]*<!-- hardenbot:again ({_KEY}) -->[ \t]*$", re.MULTILINE)


class GroupState(StrEnum):
    """In the order the dashboard lists them: what a person may act on first."""
    DECLINED = "declined"  # closed by a person without merging: not proposed again unless ticked
    NOT_RUN = "not run"  # the run stopped (GitHub's rate limit) before this group's pull request
    OPEN = "open"
    MERGED = "merged"


_LETTER = {GroupState.OPEN: "o", GroupState.MERGED: "m", GroupState.DECLINED: "d", GroupState.NOT_RUN: "n"}
ASKABLE = (GroupState.DECLINED, GroupState.NOT_RUN)  # the states a checkbox asks again for


@record
class Remembered:
    """What the previous run knew of a group."""
    state: GroupState
    pull: int = 0  # its pull request (0: none)
    proposal: str = ""  # declined: the fingerprint of the changes its pull request had


@record
class GroupRow:
    key: str
    title: str
    state: GroupState
    pull: int = 0
    files: int = 0
    needs: tuple[str, ...] = ()  # one line a finding that needs a person
    failed_builds: tuple[str, ...] = ()  # files whose hardened build failed (edits dropped)
    proposal: str = ""


def proposal_of(results: Iterable) -> str:
    """The fingerprint of the changes a group's results make: equal when the changes are."""
    return change_set(results, Grain.WHOLE).state()["changes"]


def read_memory(body: str) -> dict[str, Remembered]:
    """The memory block of a dashboard body; {} when there is none or it is not ours."""
    blocks = _MEMORY.findall(body)
    try:
        data = json.loads(blocks[-1]) if blocks else {}
    except ValueError:
        return {}
    states = {letter: state for state, letter in _LETTER.items()}
    memory = {}
    for key, value in (data.items() if isinstance(data, dict) else ()):
        if (re.fullmatch(_KEY, key) and isinstance(value, list) and len(value) == 3 and value[0] in states
                and isinstance(value[1], int) and isinstance(value[2], str)):
            memory[key] = Remembered(states[value[0]], value[1], value[2])
    return memory


def ticked(body: str) -> frozenset[str]:
    """The groups whose checkbox is ticked in a dashboard body."""
    return frozenset(key for mark, key in _BOX.findall(body) if mark in "xX")


def newly_ticked(before: str, after: str) -> frozenset[str]:
    """The groups an edit of the body ticked (the bot's own edits only ever clear ticks)."""
    return ticked(after) - ticked(before)


def render_group_dashboard(rows: Iterable[GroupRow], *, limit: int = GITHUB_BODY_LIMIT - 536) -> str:
    rows = sorted(rows, key=lambda r: (list(GroupState).index(r.state), r.key))
    memory = _memory_block(rows, limit // 2)
    counts = {state: sum(r.state is state for r in rows) for state in GroupState}
    said = ", ".join(f"**{count} {state.value}**" for state, count in counts.items() if count) or "none"
    needs, failed = sum(len(r.needs) for r in rows), sum(len(r.failed_builds) for r in rows)
    head = [MARKER, "## hardenbot: pull requests by group", "",
            f"{_count(len(rows), 'group')}: {said}; {_count(needs, 'finding')} need{'s' if needs == 1 else ''} a person"
            + (f"; {_count(failed, 'hardened build')} failed" if failed else "") + ".", ""]
    budget = limit - len("\n".join(head)) - len(memory) - 600  # room for the fold lines
    askable = [r for r in rows if r.state in ASKABLE]
    boxes = fitting((_box(r) for r in askable), budget)
    budget -= sum(len(line) + 1 for line in boxes)
    ask = [] if not askable else [
        "### Ask again", "", "Tick a group to have it proposed again on the next run (at once when the workflow "
        "runs on `issues: edited`); hardenbot clears the tick when it has.", "", *boxes,
        *_more(len(askable) - len(boxes), "group"), ""]
    table = fitting((_row(r) for r in rows), budget)
    budget -= sum(len(line) + 1 for line in table)
    lines = head + ask + ["### Groups", "", "| Group | Pull request | State | Files | Needs a person | Builds |",
                          "|---|---|---|---|---|---|", *table, *_more(len(rows) - len(table), "group"), ""]
    detail = fitting(_needs(rows), budget)
    if detail:
        lines += ["### Needs a person, by group", "", *detail, *_more(len(list(_needs(rows))) - len(detail), "line"),
                  ""]
    return "\n".join(lines + [memory]) + "\n"


def _memory_block(rows: list[GroupRow], budget: int) -> str:
    """The memory, at most `budget` characters: rows are sorted declined first, since a declined
    group left out costs a read on each run, and an open one only its merge going unlisted."""
    entries = [(r.key, [_LETTER[r.state], r.pull, r.proposal if r.state is GroupState.DECLINED else ""]) for r in rows]
    kept = fitting((json.dumps(key) + ":" + json.dumps(value, separators=(",", ":")) for key, value in entries),
                   budget - 40)
    return "<!-- hardenbot:groups {" + ",".join(kept) + "} -->"


def _pull(number: int) -> str:
    return f"#{number}" if number else "—"


def _box(row: GroupRow) -> str:
    why = f"{_pull(row.pull)} declined" if row.state is GroupState.DECLINED \
        else "not run: GitHub's rate limit"
    return f"- [ ] **{_text(row.title or 'the repository')}** ({why}) <!-- hardenbot:again {row.key} -->"


def _row(row: GroupRow) -> str:
    builds = f"{len(row.failed_builds)} failed" if row.failed_builds else "—"
    return (f"| {_text(row.title or 'the repository')} | {_pull(row.pull)} "
            f"| {row.state.value} | {row.files or '—'} | {len(row.needs) or '—'} | {builds} |")


def _needs(rows: list[GroupRow]) -> Iterable[str]:
    for row in rows:
        if not row.needs and not row.failed_builds:
            continue
        yield f"- **{_text(row.title or 'the repository')}**"
        yield from (f"  - {line}" for line in row.needs[:LISTED_NEEDS])
        yield from _more(len(row.needs) - LISTED_NEEDS, "finding", indent="  ")
        yield from (f"  - the hardened build of {code(path)} failed: its edits were dropped"
                    for path in row.failed_builds[:LISTED_NEEDS])


def need_line(path: str, line: int, rule: str, message: str) -> str:
    """One finding that needs a person, as the dashboard lists it."""
    return f"{code(f'{path}:{line}')} {rule}: {_text(message)}"


def _more(count: int, noun: str, indent: str = "") -> list[str]:
    return [f"{indent}- … and {_count(count, noun)} more"] if count > 0 else []


def _text(text: str, limit: int = 200) -> str:
    return one_line(excerpt(text, limit))


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"
