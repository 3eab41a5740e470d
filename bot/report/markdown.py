"""The pull request body: an honest security summary of what changed and what still needs a
person, deterministic for the same results (so an unchanged run rewrites nothing), and kept
under GitHub's 65,536-character limit by folding the longest sections with a count."""
from __future__ import annotations

import hashlib
import json

from bot.model.findings import FileError, Finding
from bot.model.images import DigestChange
from bot.model.results import FileResult, RunReport
from bot.report.grade import grade
from bot.rules import RULES_BY_CODE

GITHUB_BODY_LIMIT = 65536
MARKER = "<!-- hardenbot -->"


def registry_page(registry: str, repository: str) -> str | None:
    if registry == "docker.io":
        name = repository.removeprefix("library/")
        return f"https://hub.docker.com/_/{name}" if repository.startswith("library/") else \
            f"https://hub.docker.com/r/{name}"
    if registry == "quay.io":
        return f"https://quay.io/repository/{repository}"
    return None


def _short(digest: str | None) -> str:
    return f"`{digest.split(':', 1)[-1][:12]}`" if digest else "—"


def _why(code: str) -> str:
    rule = RULES_BY_CODE.get(code)
    return rule.why if rule else ""


def _code(text: str) -> str:
    return "`" + text.replace("`", "'") + "`"


def _one_line(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def render_body(report: RunReport, changes: list[DigestChange], *, limit: int = GITHUB_BODY_LIMIT - 536) -> str:
    """The body, folding the longest lists until it fits under `limit` characters."""
    cap = None
    while True:
        body = _render(report, changes, cap)
        if len(body) <= limit:
            return body
        longest = max(len(report.results), len(changes), sum(len(r.hardened.after) for r in report.results))
        cap = max(1, (cap or longest) // 2)
        if cap == 1 and len(_render(report, changes, 1)) > limit:
            return _render(report, changes, 0)


def _render(report: RunReport, changes: list[DigestChange], cap: int | None) -> str:
    results = sorted(report.results, key=lambda r: r.path)
    hardened = [r for r in results if r.changed]
    person = [r for r in results if r.hardened.after]
    fine = [r for r in results if not r.changed and not r.hardened.after]
    lines = [MARKER, "## hardenbot: container hardening", ""]
    lines.append(f"Scanned **{len(results) + len(report.errors)}** files: **{len(hardened)} hardened**, "
                 f"**{len(fine)} already fine**, **{len(person)} need a person**"
                 + (f", **{len(report.errors)} could not be read**" if report.errors else "") + ".")
    lines += ["", "| File | Grade | Findings |", "|---|---|---|"]
    graded = [r for r in results if r.hardened.before or r.changed]
    for result in _capped(graded, cap):
        before, after = result.hardened.before, result.hardened.after
        lines.append(f"| {_code(result.path)} | {grade(before)} → {grade(after)} | {len(before)} → {len(after)} |")
    _fold_note(graded, cap, lines, "files")

    lines += ["", "### What changed", ""]
    if not hardened:
        lines.append("Nothing: every file is as hardened as hardenbot can make it on its own.")
    shown = 0
    for result in hardened:
        applied = _sorted(result.hardened.applied)
        if cap is not None and shown >= cap:
            break
        shown += 1
        lines.append(f"- {_code(result.path)}")
        for found in applied:
            lines.append(f"  - line {found.line}, **{found.rule}**: {_one_line(found.message)}: *{_why(found.rule)}*")
    if cap is not None and len(hardened) > shown:
        lines.append(f"- … and {len(hardened) - shown} more files, folded to fit the pull request")

    if changes:
        lines += ["", "### Base image digests", "", "| Image | Tag | Digest | Where |", "|---|---|---|---|"]
        for change in _capped(changes, cap):
            page = registry_page(change.registry, change.repository)
            image = f"[{change.image}]({page})" if page else _code(change.image)
            lines.append(f"| {image} | {_code(change.tag)} | {_short(change.old)} → {_short(change.new)} | "
                         f"{_code(change.path)}:{change.line} |")
        _fold_note(changes, cap, lines, "images")

    lines += ["", "### Needs a person", ""]
    needs = [(r.path, f) for r in results for f in _sorted(r.hardened.after)]
    if not needs and not report.errors:
        lines.append("Nothing.")
    for error in _errors(report.errors):
        lines.append(f"- {_code(f'{error.path}:{error.line}')} could not be read: {_one_line(error.message)}")
    for path, found in _capped(needs, cap):
        lines.append(f"- {_code(f'{path}:{found.line}')} **{found.rule}** {_one_line(found.message)}: *{_why(found.rule)}*")
    _fold_note(needs, cap, lines, "findings")
    body = "\n".join(lines) + "\n"
    state = {"version": 1, "files": len(results), "hardened": len(hardened), "needs_a_person": len(needs),
             "digest": hashlib.sha256(body.encode()).hexdigest()[:16]}
    return body + f"\n<!-- hardenbot:state {json.dumps(state, sort_keys=True)} -->\n"


def _sorted(findings: tuple[Finding, ...]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.line, f.rule, f.message))


def _errors(errors: tuple[FileError, ...]) -> list[FileError]:
    return sorted(errors, key=lambda e: (e.path, e.line))


def _capped(items: list, cap: int | None) -> list:
    return items if cap is None else items[:cap]


def _fold_note(items: list, cap: int | None, lines: list[str], what: str) -> None:
    if cap is not None and len(items) > cap:
        lines.append(f"\n*… {len(items) - cap} more {what} folded to fit the pull request; "
                     "the run's step summary and `hardenbot check` list them all.*")


def commit_message(results: list[FileResult]) -> str:
    counts: dict[str, int] = {}
    for result in results:
        for found in result.hardened.applied:
            counts[found.rule] = counts.get(found.rule, 0) + 1
    changed = [r for r in results if r.changed]
    lines = [f"hardenbot: harden {len(changed)} file{'s' if len(changed) != 1 else ''}", "",
             "Rules applied:"]
    for code in sorted(counts):
        rule = RULES_BY_CODE.get(code)
        lines.append(f"- {code} ({counts[code]}x): {rule.title + '.' if rule else ''}")
    return "\n".join(lines) + "\n"
