"""The pull request body: an honest security summary of what changed and what still needs a
person, deterministic for the same results (so an unchanged run rewrites nothing), and kept
under GitHub's 65,536-character limit by folding the longest sections with a count.

One function a section (headline, grade table, what changed, base image digests, needs a
person, the hidden state), each cutting its lists to the same cap; `render_body` composes them
and halves the cap until the body fits."""
from __future__ import annotations

import hashlib
import json
import re

from bot.model.findings import FileError, Finding
from bot.model.images import DigestChange
from bot.model.results import FileResult, RunReport
from bot.model.verification import Verdict
from bot.report import verification as shown
from bot.report.change_set import change_set
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


def render_body(report: RunReport, changes: list[DigestChange], *, limit: int = GITHUB_BODY_LIMIT - 536,
                since_closed: list[str] | None = None) -> str:
    """The body, folding the longest lists until it fits under `limit` characters;
    `since_closed` (see `what_is_new`) goes right after the headline."""
    cap = None
    while True:
        body = _compose(report, changes, cap, since_closed)
        if len(body) <= limit:
            return body
        longest = max(len(report.results), len(changes), sum(len(r.hardened.after) for r in report.results),
                      len(report.verification))
        cap = max(1, (cap or longest) // 2)
        if cap == 1 and len(_compose(report, changes, 1, since_closed)) > limit:
            return _compose(report, changes, 0, since_closed)


def _compose(report: RunReport, changes: list[DigestChange], cap: int | None, since_closed: list[str] | None) -> str:
    """The sections, a blank line apart, each list cut to `cap` items (None: every item)."""
    results = sorted(report.results, key=lambda r: r.path)
    sections = [_headline(results, report.errors) + _not_scanned(report), *([since_closed] if since_closed else []),
                _grade_table(results, cap), _what_changed(results, cap)]
    if changes:
        sections.append(_base_image_digests(changes, cap))
    if report.verification or report.verify_note:
        sections.append(_verification(report, cap))
    sections.append(_needs_a_person(results, report.errors, cap))
    body = "\n\n".join("\n".join(lines) for lines in sections) + "\n"
    return body + _state_block(body, results)


def _headline(results: list[FileResult], errors: tuple[FileError, ...]) -> list[str]:
    hardened = sum(1 for r in results if r.changed)
    person = sum(1 for r in results if r.hardened.after)
    fine = sum(1 for r in results if not r.changed and not r.hardened.after)
    unreadable = f", **{len(errors)} could not be read**" if errors else ""
    return [MARKER, "## hardenbot: container hardening", "",
            f"Scanned **{len(results) + len(errors)}** files: **{hardened} hardened**, **{fine} already fine**, "
            f"**{person} need a person**{unreadable}."]


def _grade_table(results: list[FileResult], cap: int | None) -> list[str]:
    graded = [r for r in results if r.hardened.before or r.changed]
    lines = ["| File | Role | Grade | Findings |", "|---|---|---|---|"]
    for result in _capped(graded, cap):
        before, after = result.hardened.before, result.hardened.after
        role = _one_line(str(result.hardened.role)) if result.hardened.role else "—"
        lines.append(f"| {_code(result.path)} | {role} | {grade(before)} → {grade(after)} | {len(before)} → {len(after)} |")
    return lines + _fold_note(graded, cap, "files")


def _not_scanned(report: RunReport) -> list[str]:
    """Files left out by their role, counted by role: a person can bring them back."""
    if not report.not_scanned:
        return []
    counts: dict[str, int] = {}
    for _, decision in report.not_scanned:
        counts[decision.role.value] = counts.get(decision.role.value, 0) + 1
    listed = ", ".join(f"{n} {role}{'s' if n != 1 else ''}" for role, n in sorted(counts.items()))
    return ["", f"Not scanned: {listed} (their role; `roles:` in `.github/hardenbot.yml` brings them in)."]


def _what_changed(results: list[FileResult], cap: int | None) -> list[str]:
    hardened = [r for r in results if r.changed]
    lines = ["### What changed", ""]
    if not hardened:
        lines.append("Nothing: every file is as hardened as hardenbot can make it on its own.")
    shown = _capped(hardened, cap)
    for result in shown:
        lines.append(f"- {_code(result.path)}")
        for found in _sorted(result.hardened.applied):
            lines.append(f"  - line {found.line}, **{found.rule}**: {_one_line(found.message)}: *{_why(found.rule)}*")
    if len(hardened) > len(shown):
        lines.append(f"- … and {len(hardened) - len(shown)} more files, folded to fit the pull request")
    return lines


def _base_image_digests(changes: list[DigestChange], cap: int | None) -> list[str]:
    lines = ["### Base image digests", "", "| Image | Tag | Digest | Where |", "|---|---|---|---|"]
    for change in _capped(changes, cap):
        page = registry_page(change.registry, change.repository)
        image = f"[{change.image}]({page})" if page else _code(change.image)
        lines.append(f"| {image} | {_code(change.tag)} | {_short(change.old)} → {_short(change.new)} | "
                     f"{_code(change.path)}:{change.line} |")
    return lines + _fold_note(changes, cap, "images")


def _verification(report: RunReport, cap: int | None) -> list[str]:
    """Each changed Dockerfile built as it was and as proposed: the evidence a reviewer would
    otherwise gather by hand; the log of each build that made hardenbot drop edits, folded."""
    lines = ["### Verification", ""]
    if report.verify_note:
        lines.append(f"Not built: {_one_line(report.verify_note)}")
    items = list(report.verification)
    if not items:
        return lines
    counts: dict[str, int] = {}
    for item in items:
        counts[item.verdict.value] = counts.get(item.verdict.value, 0) + 1
    lines += ["Each changed Dockerfile was built with BuildKit as it was and as proposed, and a container "
              "started from each image: " + ", ".join(f"{n} {verdict}" for verdict, n in counts.items()) + ".", "",
              "| File | Result | Build | Size | User (UID) | Workdir writable | Health check |",
              "|---|---|---|---|---|---|---|"]
    for item in _capped(items, cap):
        before = item.before.image if item.before else None
        after = item.after.image if item.after else None
        result = item.verdict.value + (f" ({', '.join(item.dropped)})" if item.dropped else "")
        cells = [_code(item.path), result, shown.pair(shown.build(item.before), shown.build(item.after)),
                 shown.pair(shown.size(before), shown.size(after)), shown.pair(shown.user(before), shown.user(after)),
                 shown.pair(shown.writable(before), shown.writable(after)),
                 shown.pair(shown.health(before), shown.health(after))]
        lines.append("| " + " | ".join(_one_line(cell) for cell in cells) + " |")
    lines += _fold_note(items, cap, "verified files")
    for item in _capped(items, cap):
        if item.verdict is not Verdict.VERIFIED:
            lines += ["", f"<details><summary><code>{_html(item.path)}</code>: {_html(shown.outcome(item))}</summary>",
                      ""]
            log = (item.failed or item.before).log_tail if (item.failed or item.before) else ()
            if log:
                lines += _fenced("\n".join(log))
            lines.append("</details>")
    return lines


def _html(text: str) -> str:
    return " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _fenced(text: str) -> list[str]:
    """`text` in a code fence longer than any run of backticks inside it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence + "text", text, fence]


def _needs_a_person(results: list[FileResult], errors: tuple[FileError, ...], cap: int | None) -> list[str]:
    needs = [(r.path, f) for r in results for f in _sorted(r.hardened.after)]
    lines = ["### Needs a person", ""]
    if not needs and not errors:
        lines.append("Nothing.")
    for error in _errors(errors):
        lines.append(f"- {_code(f'{error.path}:{error.line}')} could not be read: {_one_line(error.message)}")
    for path, found in _capped(needs, cap):
        lines.append(f"- {_code(f'{path}:{found.line}')} **{found.rule}** {_one_line(found.message)}: *{_why(found.rule)}*")
    return lines + _fold_note(needs, cap, "findings")


def _state_block(body: str, results: list[FileResult]) -> str:
    """The hidden comment closing the body: its counts, a digest of the visible body above it,
    and the changes it proposes (bot/report/change_set.py), read back once it is closed."""
    state = {"version": 1, "files": len(results), "hardened": sum(1 for r in results if r.changed),
             "needs_a_person": sum(len(r.hardened.after) for r in results),
             "digest": hashlib.sha256(body.encode()).hexdigest()[:16], **change_set(results).state()}
    return f"\n<!-- hardenbot:state {json.dumps(state, sort_keys=True)} -->\n"


def what_is_new(number: int, news: list[tuple[str, list[str]]] | None, shown: int = 5) -> list[str]:
    """The paragraph saying why hardenbot proposes again after pull request #`number` was closed
    without being merged: `news` is rule → the files it changes that #`number` did not (None: the
    closed one cannot be compared change by change)."""
    lines = [f"### What is new since the closed pull request #{number}", ""]
    if news is None:
        return lines + [f"#{number} was closed without being merged, and its body keeps no record of each change "
                        "it proposed, so hardenbot cannot tell which of these are new: it proposes them all."]
    if not news:
        return lines + [f"Nothing: #{number}, closed without being merged, proposed all of these changes."]
    lines.append(f"#{number} was closed without being merged; this pull request is opened for what it did not have:")
    for rule, paths in news:
        more = f" and {len(paths) - shown} more files" if len(paths) > shown else ""
        lines.append(f"- **{rule}** in {', '.join(_code(path) for path in paths[:shown])}{more}")
    return lines


def _sorted(findings: tuple[Finding, ...]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.line, f.rule, f.message))


def _errors(errors: tuple[FileError, ...]) -> list[FileError]:
    return sorted(errors, key=lambda e: (e.path, e.line))


def _capped(items: list, cap: int | None) -> list:
    return items if cap is None else items[:cap]


def _fold_note(items: list, cap: int | None, what: str) -> list[str]:
    if cap is None or len(items) <= cap:
        return []
    return ["", f"*… {len(items) - cap} more {what} folded to fit the pull request; "
                "the run's step summary and `hardenbot check` list them all.*"]


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
