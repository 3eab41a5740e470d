"""Would a maintainer merge what hardenbot changes? Every fix on the real-world corpus
(bench/realworld/<owner>/<repo>/, see its SOURCES.md), held against verdicts written as that
repository's maintainer would.

    python bench/review.py                      # the table: per rule, per role, per repository kind
    python bench/review.py --unreviewed         # each fix without a verdict, as a small diff
    python bench/review.py --sheet FILE         # every fix as JSON lines, verdicts filled in where known

A fix is one rule's edit at one place (what `fix --dry-run` shows, split by rule), named by an id
made of its path, rule and changed lines with their context, so a verdict survives lines moving
elsewhere in the file but not the edit moving. Verdicts live in
bench/realworld/verdicts.jsonl, one JSON object a line: {"id", "path", "rule", "verdict", "why"},
verdict one of MERGE (right and valuable), NOISE (right but unwanted), WRONG (breaks the build or
the runtime, or changes behaviour), MISPLACED (right idea, wrong place). Runs offline: digest pins
need a registry and are not reviewed here.
"""
from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.config import load_config  # noqa: E402
from bot.model.findings import Finding  # noqa: E402
from bot.model.text import apply_edits  # noqa: E402
from bot.run import process  # noqa: E402

CORPUS = Path(__file__).resolve().parent / "realworld"
VERDICTS = CORPUS / "verdicts.jsonl"
KINDS = ("MERGE", "NOISE", "WRONG", "MISPLACED")
TARGET = 0.90


@dataclass(frozen=True)
class Fix:
    id: str
    repository: str  # owner/name
    path: str  # repository-relative
    line: int
    rule: str
    message: str
    role: str
    diff: str  # the changed lines with one line of context


def _repositories(corpus: Path) -> list[Path]:
    return sorted(p for owner in corpus.iterdir() if owner.is_dir() for p in owner.iterdir() if p.is_dir())


def _repository_kinds(corpus: Path) -> dict[str, str]:
    """owner/name → kind, from the SOURCES.md table (| repository | commit | licence | kind | …)."""
    kinds = {}
    sources = corpus / "SOURCES.md"
    if sources.exists():
        for line in sources.read_text(encoding="utf-8").splitlines():
            cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
            if len(cells) >= 4 and "/" in cells[0] and not cells[0].startswith("-"):
                kinds[cells[0]] = cells[3]
    return kinds


def _small_diff(original: str, found: Finding) -> str:
    after = apply_edits(original, found.edits)
    lines = difflib.unified_diff(original.splitlines(keepends=True), after.splitlines(keepends=True), n=1)
    body = [line if line.endswith("\n") else line + "\n" for line in list(lines)[2:]]
    return "".join(line for line in body if not line.startswith("@@"))


def fix_id(repository: str, path: str, rule: str, diff: str) -> str:
    """The changed lines with their context line: the same edit somewhere else is another fix."""
    return hashlib.sha1(f"{repository}/{path}\n{rule}\n{diff}".encode()).hexdigest()[:12]


def collect_fixes(corpus: Path = CORPUS) -> list[Fix]:
    fixes = []
    for repo_root in _repositories(corpus):
        repository = f"{repo_root.parent.name}/{repo_root.name}"
        config = load_config(repo_root)
        report = process(repo_root, config, config.active_rules(), fix=True, write=False)
        for result in report.results:
            decision = getattr(result.hardened, "role", None)  # None before roles existed: to compare
            role = decision.role.key if decision else "—"
            seen: Counter[str] = Counter()
            for found in sorted(result.hardened.before, key=lambda f: (f.line, f.rule)):
                if not found.fixable:
                    continue
                diff = _small_diff(result.original, found)
                key = fix_id(repository, result.path, found.rule, diff)
                seen[key] += 1
                fixes.append(Fix(key if seen[key] == 1 else f"{key}-{seen[key]}", repository, result.path,
                                 found.line, found.rule, found.message, role, diff))
    return fixes


def load_verdicts(path: Path = VERDICTS) -> dict[str, dict]:
    verdicts = {}
    if path.exists():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                entry = json.loads(line)
                if entry.get("verdict") not in KINDS:
                    raise SystemExit(f"{path}:{number}: verdict must be one of {', '.join(KINDS)}")
                verdicts[entry["id"]] = entry
    return verdicts


def _table(title: str, groups: dict[str, Counter[str]]) -> list[str]:
    lines = [f"| {title} | fixes | MERGE | NOISE | WRONG | MISPLACED | unreviewed | merge rate |",
             "|---|---|---|---|---|---|---|---|"]
    for name in sorted(groups, key=lambda n: (n == "all", n)):
        counts = groups[name]
        reviewed = sum(counts[k] for k in KINDS)
        rate = f"{counts['MERGE'] / reviewed:.0%}" if reviewed else "—"
        lines.append(f"| {name} | {sum(counts.values())} | " + " | ".join(str(counts[k]) for k in KINDS)
                     + f" | {counts['unreviewed']} | {rate} |")
    return lines


def report(fixes: list[Fix], verdicts: dict[str, dict], kinds: dict[str, str]) -> list[str]:
    by_rule: dict[str, Counter[str]] = defaultdict(Counter)
    by_role: dict[str, Counter[str]] = defaultdict(Counter)
    by_kind: dict[str, Counter[str]] = defaultdict(Counter)
    for fix in fixes:
        verdict = verdicts.get(fix.id, {}).get("verdict", "unreviewed")
        for group, name in ((by_rule, fix.rule), (by_role, fix.role), (by_kind, kinds.get(fix.repository, "?"))):
            group[name][verdict] += 1
            group["all"][verdict] += 1
    total = by_rule["all"]
    reviewed = sum(total[k] for k in KINDS)
    files = len({(f.repository, f.path) for f in fixes})
    lines = [f"{len(fixes)} fixes in {files} files of {len(_repositories(CORPUS))} repositories; "
             f"{reviewed} reviewed, {total['unreviewed']} unreviewed; "
             f"{len(set(verdicts) - {f.id for f in fixes})} verdicts on fixes hardenbot no longer makes", ""]
    lines += _table("rule", by_rule) + [""] + _table("role", by_role) + [""] + _table("repository kind", by_kind)
    if reviewed:
        rate = total["MERGE"] / reviewed
        lines += ["", f"merge rate {rate:.1%} (target {TARGET:.0%}), WRONG {total['WRONG']} (target 0)"]
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unreviewed", action="store_true", help="print each fix that has no verdict")
    parser.add_argument("--sheet", type=Path, help="write every fix as JSON lines, with known verdicts")
    args = parser.parse_args()
    fixes = collect_fixes()
    verdicts = load_verdicts()
    if args.sheet:
        with args.sheet.open("w", encoding="utf-8") as sheet:
            for fix in fixes:
                known = verdicts.get(fix.id, {})
                sheet.write(json.dumps({**fix.__dict__, "verdict": known.get("verdict"), "why": known.get("why")},
                                       ensure_ascii=False) + "\n")
    if args.unreviewed:
        for fix in fixes:
            if fix.id not in verdicts:
                print(f"## {fix.id} {fix.repository}/{fix.path}:{fix.line} {fix.rule} ({fix.role}): {fix.message}")
                print(fix.diff)
    print("\n".join(report(fixes, verdicts, _repository_kinds(CORPUS))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
