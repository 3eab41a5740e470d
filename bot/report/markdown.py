"""The pull request body: an honest security summary of what changed and what still needs a
person, deterministic for the same results (so an unchanged run rewrites nothing), and kept
under GitHub's 65,536-character limit by folding the longest sections with a count.

One function a section, in the order a reviewer in a hurry reads them: a one-screen summary;
what changed, rule by rule (each rule's why once, what it closes in other scanners, the lines
it changed); the re-lint, findings per rule before → after; base image digests; verification;
what needs a person, rule by rule; every file's role, grade and edits, folded; the hidden
state. Each section cuts its lists to the same cap; `render_body` composes them and halves the
cap until the body fits."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

from bot.model.commits import CarriedCommits
from bot.model.findings import FileError, Finding
from bot.model.images import DigestChange
from bot.model.results import FileResult, RunReport
from bot.model.text import excerpt
from bot.model.verification import Verdict
from bot.report import measured
from bot.report import verification as shown
from bot.report.change_set import change_set
from bot.report.fitting import GITHUB_BODY_LIMIT
from bot.report.grade import grade, letter, mean_score
from bot.report.inert import code as _code
from bot.report.inert import fence
from bot.report.inert import html as _html
from bot.report.inert import one_line as _one_line
from bot.report.masking import masked_report
from bot.report.policies import markdown_lines as policy_section
from bot.rules import RULES, RULES_BY_CODE
from bot.rules.hb050_secret_in_env_arg import CODE as SECRET_IN_ENV_OR_ARG
from bot.rules.hb051_literal_credential import CODE as LITERAL_CREDENTIAL
from bot.rules.rule import FixSafety, Rule, Severity

MARKER = "<!-- hardenbot -->"
# People's commits on the branch the body lists, and files a commit; the rest are counted.
LISTED_COMMITS = 50
LISTED_FILES = 20


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


def render_body(report: RunReport, changes: list[DigestChange], *, limit: int = GITHUB_BODY_LIMIT - 536,
                since_closed: list[str] | None = None, carried: CarriedCommits | None = None) -> str:
    """The body, folding the longest lists until it fits under `limit` characters;
    `since_closed` (see `what_is_new`) goes right after the headline, then `carried`, the
    commits on the branch that are people's, not hardenbot's."""
    carried = carried or CarriedCommits()
    report = masked_report(report)  # what the files write as credentials is never in the body
    cap = None
    while True:
        body = _compose(report, changes, cap, since_closed, carried)
        if len(body) <= limit:
            return body
        longest = max(len(report.results), len(changes), len(report.verification), len(report.errors),
                      sum(len(r.hardened.after) + len(r.hardened.applied) for r in report.results),
                      len(carried.listed), LISTED_FILES if carried.listed else 0)
        cap = max(1, (cap or longest) // 2)
        if cap == 1 and len(_compose(report, changes, 1, since_closed, carried)) > limit:
            return _compose(report, changes, 0, since_closed, carried)


def _compose(report: RunReport, changes: list[DigestChange], cap: int | None, since_closed: list[str] | None,
             carried: CarriedCommits) -> str:
    """The sections, a blank line apart, each list cut to `cap` items (None: every item)."""
    results = sorted(report.results, key=lambda r: r.path)
    sections = [_summary(report, results, changes) + _not_scanned(report), *([since_closed] if since_closed else []),
                _peoples_commits(carried, cap), _what_changed(results, cap), _relint(results)]
    if changes:
        sections.append(_base_image_digests(changes, cap))
    if report.verification or report.verify_note:
        sections.append(_verification(report, cap))
    if report.policies:
        sections.append(policy_section(report)[:-1])  # its trailing blank line: sections are joined by one
    sections += [_needs_a_person(results, report.errors, cap), _per_file(results, cap)]
    body = "\n\n".join("\n".join(lines) for lines in sections if lines) + "\n"
    return body + _state_block(body, results)


def _summary(report: RunReport, results: list[FileResult], changes: list[DigestChange]) -> list[str]:
    """One screen that says what the pull request does: a reviewer who reads no further knows
    what changed, how much better it is, what was proven and what is left."""
    hardened = sum(1 for r in results if r.changed)
    person = sum(1 for r in results if r.hardened.after)
    fine = sum(1 for r in results if not r.changed and not r.hardened.after)
    unreadable = f", **{len(report.errors)} could not be read**" if report.errors else ""
    total = measured.summary_line(report)
    lines = [MARKER, "## hardenbot: container hardening", "", *([f"**{total}**", ""] if total else []),
             f"Scanned **{len(results) + len(report.errors)}** files: **{hardened} hardened**, "
             f"**{fine} already fine**, **{person} need a person**{unreadable}.", "",
             _counted("Edits", [f for r in results for f in r.hardened.applied], "edit")]
    pinned = sum(1 for c in changes if c.old is None)
    lines.append(f"- **Base image digests**: {pinned} pinned, {len(changes) - pinned} refreshed" if changes else
                 "- **Base image digests**: none changed")
    before = mean_score(r.hardened.before for r in results)
    after = mean_score(r.hardened.after for r in results)
    if before is not None and after is not None:
        lines.append(f"- **Grade**: {letter(before)} → {letter(after)} (the mean score of {_plural(len(results), 'file')}, "
                     f"{before} → {after} out of 100)")
    if report.verification or report.verify_note:
        lines.append(f"- **Verification**: {_verification_counts(report)}")
    unreadable = f"; {_plural(len(report.errors), 'file')} could not be read" if report.errors else ""
    lines.append(_counted("Needs a person", [f for r in results for f in r.hardened.after], "finding") + unreadable)
    return lines


def _counted(label: str, findings: list[Finding], noun: str) -> str:
    """`- **Edits**: 11 edits — HB001 ×1, HB030 ×6 …`, rules in the order the body shows them."""
    if not findings:
        return f"- **{label}**: none"
    counts = _by_rule(findings)
    return f"- **{label}**: {_plural(len(findings), noun)} — " + ", ".join(
        f"{code} ×{len(found)}" for code, found in counts.items())


def _plural(count: int, what: str) -> str:
    return f"{count} {what}{'s' if count != 1 else ''}"


def _verification_counts(report: RunReport) -> str:
    """`3 changed Dockerfiles: 1 verified, 1 with edits dropped (HB001), 1 not verified`."""
    if not report.verification:
        return f"not built: {_one_line(report.verify_note)}"
    counts = {verdict: 0 for verdict in Verdict}
    for item in report.verification:
        counts[item.verdict] += 1
    dropped = sorted({code for item in report.verification for code in item.dropped}, key=_rule_order)
    worded = {Verdict.EDITS_DROPPED: f"with edits dropped ({', '.join(dropped)})"}
    return f"{_plural(len(report.verification), 'changed Dockerfile')}: " + ", ".join(
        f"{n} {worded.get(verdict, verdict.value)}" for verdict, n in counts.items() if n)


def _by_rule(findings: list[Finding]) -> dict[str, list[Finding]]:
    """The findings grouped by rule, credentials written in the files first, then the gravest
    rules (then in catalogue order), each group sorted by file and line: the order every
    per-rule part of the body uses."""
    groups: dict[str, list[Finding]] = {}
    for found in findings:
        groups.setdefault(found.rule, []).append(found)
    order = sorted(groups, key=_rule_order)
    return {code: sorted(groups[code], key=lambda f: (f.path, f.line, f.message)) for code in order}


_SEVERITY_ORDER = {severity: rank for rank, severity in enumerate(Severity)}
_CATALOGUE_ORDER = {rule.code: rank for rank, rule in enumerate(RULES)}


# A credential in a file must be revoked as well as removed, whatever else the file needs: first.
SECRETS_FIRST = (SECRET_IN_ENV_OR_ARG, LITERAL_CREDENTIAL)


def _rule_order(code: str) -> tuple[bool, int, int, str]:
    rule = RULES_BY_CODE.get(code)
    if rule is None:
        return True, len(_SEVERITY_ORDER), len(_CATALOGUE_ORDER), code
    return code not in SECRETS_FIRST, _SEVERITY_ORDER[rule.severity], _CATALOGUE_ORDER[code], code


def _not_scanned(report: RunReport) -> list[str]:
    """Files left out by their role, counted by role: a person can bring them back."""
    if not report.not_scanned:
        return []
    counts: dict[str, int] = {}
    for _, decision in report.not_scanned:
        counts[decision.role.value] = counts.get(decision.role.value, 0) + 1
    listed = ", ".join(f"{n} {role}{'s' if n != 1 else ''}" for role, n in sorted(counts.items()))
    return ["", f"Not scanned: {listed} (their role; `roles:` in `.github/hardenbot.yml` brings them in)."]


def _rule_heading(code: str, count: int, what: str) -> list[str]:
    rule = RULES_BY_CODE.get(code)
    title = f": {rule.title} ({rule.severity.value}, " if rule else " ("
    return [f"#### {code}{title}{_plural(count, what)})", ""]


def _peoples_commits(carried: CarriedCommits, cap: int | None) -> list[str]:
    """Every commit on the branch that is not hardenbot's, so that no reviewer takes it for
    hardenbot's: its author, subject and files (all repository text, made inert, and cut)."""
    if not carried.total:
        return []
    shown = min(LISTED_COMMITS, cap if cap is not None else LISTED_COMMITS)
    files = min(LISTED_FILES, cap if cap is not None else LISTED_FILES)
    lines = [f"### Commits people pushed to this branch ({carried.total})", "",
             "Not hardenbot's: each refresh of the branch carries them over, authors kept. Review them as any "
             "change.", ""]
    for commit in carried.listed[:shown]:
        paths = ", ".join(_code(excerpt(path, 200)) for path in commit.paths[:files]) or "no files"
        more = f" and {_more(len(commit.paths) - files, 'file')}" if len(commit.paths) > files else ""
        lines.append(f"- {_code(commit.sha[:12])} by {_one_line(excerpt(commit.author, 100))}: "
                     f"{_one_line(excerpt(commit.subject, 200))} — {paths}{more}")
    if carried.total > min(shown, len(carried.listed)):
        lines.append(f"- … {_more(carried.total - min(shown, len(carried.listed)), 'commit')}: "
                     "the branch's history lists them all")
    return lines


def _fix_safety(rule: Rule, configured: bool = False) -> str:
    if rule.fix is FixSafety.UNSAFE:
        return "Unsafe fix (it changes how the image runs): check it."
    if configured:
        return "Configured fix (the configuration spells it out; not held to a proof): check it."
    if rule.fix is FixSafety.PROVEN:
        return "Proven fix: kept because the built image showed it (see Verification)."
    return "Safe fix (the image runs the same way)."


def _what_changed(results: list[FileResult], cap: int | None) -> list[str]:
    """Each rule that changed something: its why and fix safety once, the checks of other
    scanners its edits close, then every line it changed."""
    groups = _by_rule([f for r in results for f in r.hardened.applied])
    if not groups:
        return ["### What changed, rule by rule", "",
                "Nothing: every file is as hardened as hardenbot can make it on its own."]

    configured = {f.rule for found in groups.values() for f in found if f.configured}

    def lead(rule: Rule) -> str:
        closes = f" Closes {', '.join(rule.equivalents)}." if rule.equivalents else ""
        return f"Why: *{rule.why}*. {_fix_safety(rule, rule.code in configured)}{closes}"

    return ["### What changed, rule by rule", ""] + _rule_sections(groups, cap, "edit", lead)


def _rule_sections(groups: dict[str, list[Finding]], cap: int | None, noun: str,
                   lead: Callable[[Rule], str]) -> list[str]:
    """A heading a rule, the rule's `lead` paragraph (its why: said once, not on every line),
    then one item a finding: where, and what was found there."""
    lines: list[str] = []
    for code, found in groups.items():
        lines += _rule_heading(code, len(found), noun)
        rule = RULES_BY_CODE.get(code)
        if rule:
            lines += [lead(rule), ""]
        lines += [f"- {_code(f'{f.path}:{f.line}')} {_one_line(f.message)}" for f in _capped(found, cap)]
        lines += _fold_item(found, cap, noun) + [""]
    return lines[:-1]


def _relint(results: list[FileResult]) -> list[str]:
    """hardenbot's own check run again on what the pull request leaves: the proof, per rule,
    that the edits did what they say (never folded: one row a rule)."""
    before = _by_rule([f for r in results for f in r.hardened.before])
    after = _by_rule([f for r in results for f in r.hardened.after])
    if not before and not after:
        return []
    lines = ["### Re-lint: findings before → after", "",
             "`hardenbot check` on every file as it was, and as this pull request leaves it:", "",
             "| Rule | Before | After |", "|---|---|---|"]
    for code in sorted(set(before) | set(after), key=_rule_order):
        rule = RULES_BY_CODE.get(code)
        lines.append(f"| {code}{': ' + _one_line(rule.title) if rule else ''} | {len(before.get(code, []))} "
                     f"| {len(after.get(code, []))} |")
    total_before, total_after = sum(map(len, before.values())), sum(map(len, after.values()))
    return lines + [f"| **all rules** | **{total_before}** | **{total_after}** |"]


def _base_image_digests(changes: list[DigestChange], cap: int | None) -> list[str]:
    lines = ["### Base image digests", "", "| Image | Tag | Digest | Kind | Where |", "|---|---|---|---|---|"]
    for change in _capped(changes, cap):
        page = registry_page(change.registry, change.repository)
        image = f"[{change.image}]({page})" if page else _code(change.image)
        lines.append(f"| {image} | {_code(change.tag)} | {_short(change.old)} → {_short(change.new)} | "
                     f"{_one_line(change.kind or '—')} | {_one_line(_code(change.path))}:{change.line} |")
    return lines + _fold_note(changes, cap, "image")


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
    # A Start column when a container was started (an engine without start checks adds none).
    started = (" Start |", "---|") if any(build is not None and build.image is not None and build.image.start
                                           is not None for item in items for build in (item.before, item.after)) \
        else ("", "")
    lines += ["Each changed Dockerfile was built with BuildKit as it was and as proposed, and a container "
              "started from each image: " + ", ".join(f"{n} {verdict}" for verdict, n in counts.items()) + ".", "",
              "| File | Result | Build | Size | User (UID) | Workdir writable | Health check |" + started[0],
              "|---|---|---|---|---|---|---|" + started[1]]
    for item in _capped(items, cap):
        before = item.before.image if item.before else None
        after = item.after.image if item.after else None
        result = item.verdict.value + (f" ({', '.join(item.dropped)})" if item.dropped else "")
        cells = [_code(item.path), result, shown.pair(shown.build(item.before), shown.build(item.after)),
                 shown.pair(shown.size(before), shown.size(after)), shown.pair(shown.user(before), shown.user(after)),
                 shown.pair(shown.writable(before), shown.writable(after)),
                 shown.pair(shown.health(before), shown.health(after))]
        if started[0]:
            cells.append(shown.pair(shown.start(before), shown.start(after)))
        lines.append("| " + " | ".join(_one_line(cell) for cell in cells) + " |")
    lines += _fold_note(items, cap, "verified file")
    for item in _capped(items, cap):
        if item.verdict is Verdict.VERIFIED:
            continue
        log = (item.failed or item.before).log_tail if (item.failed or item.before) else ()
        if not log:  # skipped: nothing was built, the reason is all there is to say
            lines += ["", f"{_code(item.path)}: {_one_line(shown.outcome(item))}"]
            continue
        lines += ["", f"<details><summary><code>{_html(item.path)}</code>: {_html(shown.outcome(item))}</summary>",
                  "", *_fenced("\n".join(log)), "</details>"]
    return lines


def _fenced(text: str) -> list[str]:
    """`text` in a code fence longer than any run of backticks inside it."""
    marks = fence(text)
    return [marks + "text", text, marks]


def _needs_a_person(results: list[FileResult], errors: tuple[FileError, ...], cap: int | None) -> list[str]:
    """What hardenbot reported and did not change, each rule's why once: unreadable files first,
    then rule by rule, the gravest first."""
    lines = ["### Needs a person", ""]
    groups = _by_rule([f for r in results for f in r.hardened.after])
    if not groups and not errors:
        lines.append("Nothing.")
    for error in _capped(_errors(errors), cap):
        lines.append(f"- {_code(f'{error.path}:{error.line}')} could not be read: {_one_line(excerpt(error.message, 300))}")
    lines += _fold_item(_errors(errors), cap, "unreadable file")
    if errors and groups:
        lines.append("")

    def lead(rule: Rule) -> str:
        also = f" Also reported by {', '.join(rule.equivalents)}." if rule.equivalents else ""
        return f"Why: *{rule.why}*.{also}"

    return lines + _rule_sections(groups, cap, "finding", lead)


def _per_file(results: list[FileResult], cap: int | None) -> list[str]:
    """Every file that had something to say, folded: its role, grade, and each edit's rule and
    line, for the reviewer who goes file by file."""
    graded = [r for r in results if r.hardened.before or r.changed]
    if not graded:
        return []
    lines = [f"<details><summary>Per file: role, grade and edits ({_plural(len(graded), 'file')})</summary>", "",
             "| File | Role | Grade | Findings | Edits |", "|---|---|---|---|---|"]
    for result in _capped(graded, cap):
        before, after = result.hardened.before, result.hardened.after
        role = str(result.hardened.role) if result.hardened.role else "—"
        edits = ", ".join(f"{f.rule} line {f.line}" for f in _sorted(result.hardened.applied)) or "—"
        cells = [_code(result.path), role, f"{grade(before)} → {grade(after)}", f"{len(before)} → {len(after)}", edits]
        lines.append("| " + " | ".join(_one_line(cell) for cell in cells) + " |")
    return lines + _fold_note(graded, cap, "file") + ["", "</details>"]


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


def _fold_note(items: list, cap: int | None, noun: str) -> list[str]:
    """Under a table: how many rows were folded, and where to find them."""
    if cap is None or len(items) <= cap:
        return []
    return ["", f"*… {_more(len(items) - cap, noun)} folded to fit the pull request; "
                "the run's step summary and `hardenbot check` list them all.*"]


def _fold_item(items: list, cap: int | None, noun: str) -> list[str]:
    """At the end of a list: how many items were folded, as one more item."""
    if cap is None or len(items) <= cap:
        return []
    return [f"- … {_more(len(items) - cap, noun)} folded to fit the pull request"]


def _more(count: int, noun: str) -> str:
    return f"{count} more {noun}{'s' if count != 1 else ''}"


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
