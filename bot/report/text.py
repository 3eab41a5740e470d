"""Plain-text output for a terminal or a CI log."""
from __future__ import annotations

from bot.model.findings import NewFile
from bot.model.results import FileResult, RunReport
from bot.report.grade import grade
from bot.report.masking import CACHED_CHARS, CACHED_FILES, masked_text
from bot.report.memo import Memo


def lookup_line(report: RunReport) -> list[str]:
    if report.digests is None:
        return []
    failed = sum(1 for r in report.digests.values() if r.error)
    return [f"looked up {len(report.digests)} images in their registries"
            + (f"; {failed} could not be resolved" if failed else "")]


def not_scanned_line(report: RunReport) -> list[str]:
    if not report.not_scanned:
        return []
    shown = ", ".join(f"{path} ({decision.role.value})" for path, decision in report.not_scanned[:3])
    more = f" and {len(report.not_scanned) - 3} more" if len(report.not_scanned) > 3 else ""
    return [f"not scanned, by role: {shown}{more} (set `roles:` in .github/hardenbot.yml to scan them)"]


def check_lines(report: RunReport) -> list[str]:
    lines = []
    for result in report.results:
        if result.hardened.before and result.hardened.role:
            lines.append(f"{result.path}: {result.hardened.role}")
        for found in sorted(result.hardened.before, key=lambda f: (f.line, f.rule)):
            mark = " [fixable]" if found.fixable else ""
            lines.append(f"{result.path}:{found.line}: {found.rule} {found.message}{mark}")
    findings = [f for r in report.results for f in r.hardened.before]
    fixable = sum(f.fixable for f in findings)
    files = sum(bool(r.hardened.before) for r in report.results)
    lines.extend(lookup_line(report) + not_scanned_line(report))
    lines.append(f"{len(findings)} findings in {files} of {_total(report)} files"
                 f" ({fixable} fixable with `hardenbot fix`, {len(findings) - fixable} need a person)"
                 + _unprocessed(report))
    return lines


def _verification_lines(report: RunReport) -> list[str]:
    if not report.verify_note and not report.verification:
        return []
    from bot.report.verification import text_lines  # only a run that verified: `check` builds nothing
    return text_lines(report)


def fix_lines(report: RunReport) -> list[str]:
    lines = []
    for result in report.results:
        lines.extend(_file_summary(result))
    changed = sum(r.changed for r in report.results)
    person = sum(len(r.hardened.after) for r in report.results)
    verb = "fixed" if report.wrote else "would fix"
    lines.extend(_verification_lines(report) + lookup_line(report) + not_scanned_line(report))
    lines.append(f"{verb} {changed} of {_total(report)} files; {person} findings need a person" + _unprocessed(report))
    return lines


def _total(report: RunReport) -> int:
    return len(report.results) + len(report.errors)


def _unprocessed(report: RunReport) -> str:
    return f"; {len(report.errors)} could not be processed" if report.errors else ""


def _file_summary(result: FileResult) -> list[str]:
    hardened = result.hardened
    if not hardened.before:
        return []
    role = f" {hardened.role};" if hardened.role else ""
    head = f"{result.path}:{role} grade {grade(hardened.before)} → {grade(hardened.after)}"
    fixed_codes = sorted({f.rule for f in hardened.applied})
    if fixed_codes:
        head += f"; fixed {len(hardened.applied)} ({', '.join(fixed_codes)})"
    if hardened.after:
        head += f"; {len(hardened.after)} need a person"
    lines = [head]
    for found in sorted(hardened.after, key=lambda f: (f.line, f.rule)):
        lines.append(f"  {result.path}:{found.line}: {found.rule} {found.message}")
    return lines


def unified_diff(result: FileResult) -> str:
    """The change as a diff, each credential the file writes masked where it is written; a
    file a fix adds as a new file (`--- /dev/null`), as `git apply` reads one."""
    return DIFFS(diff_key(result))


DiffKey = tuple[str, str, str, str, tuple[NewFile, ...]]  # (path, kind, original, hardened, created)


def diff_key(result: FileResult) -> DiffKey:
    return result.path, result.kind, result.original, result.hardened.text, result.hardened.created


def _unified_diff(key: DiffKey) -> str:
    import difflib  # only `fix --dry-run` prints a diff

    path, kind, original, hardened, created = key
    out = []
    if hardened != original:
        before = masked_text(original, path, kind).splitlines(keepends=True)
        after = masked_text(hardened, path, kind).splitlines(keepends=True)
        out += difflib.unified_diff(before, after, f"a/{path}", f"b/{path}")
    for new in created:
        out += difflib.unified_diff([], new.text.splitlines(keepends=True), "/dev/null", f"b/{new.path}")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in out)


# Each changed file's diff, computed on every core where the file was fixed (`bot.report.per_file`)
# and kept for the files of an ordinary size, as their credentials are.
DIFFS: Memo[DiffKey, str] = Memo(_unified_diff, CACHED_FILES, lambda key: len(key[2]) + len(key[3]) <= 2 * CACHED_CHARS)
