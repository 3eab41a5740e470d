"""Would a maintainer merge what hardenbot changes? Every fix on the real-world corpora
(bench/realworld/, bench/realworld2/ and the held-out bench/realworld3/, bench/realworld4/, bench/realworld5/, bench/realworld6/, bench/realworld7/, bench/realworld8/, bench/realworld9/, bench/realworld10/, bench/realworld11/, bench/realworld12/, bench/realworld13/, bench/realworld14/, bench/realworld15/, bench/realworld16/, bench/realworld17/, bench/realworld18/, bench/realworld19/, bench/realworld20/, bench/realworld21/, bench/realworld22/, bench/realworld23/, bench/realworld24/, bench/realworld25/, bench/realworld26/, bench/realworld27/, bench/realworld28/, bench/realworld29/, bench/realworld30/, bench/realworld31/, bench/realworld32/, bench/realworld33/, bench/realworld34/, bench/realworld35/, bench/realworld36/, bench/realworld37/, bench/realworld38/, bench/realworld39/, bench/realworld40/, bench/realworld41/, bench/realworld42/, bench/realworld43/, bench/realworld44/, bench/realworld45/, bench/realworld46/, bench/realworld47/, bench/realworld48/ and bench/realworld49/, each <owner>/<repo>/ with
its SOURCES.md), held against verdicts written as that repository's maintainer would.

    python bench/review.py                      # the tables of each corpus, then of all together
    python bench/review.py --corpus realworld2  # one corpus only (realworld's output is as before)
    python bench/review.py --repositories       # a table per repository too
    python bench/review.py --unreviewed         # each fix without a verdict, as a small diff
    python bench/review.py --sheet FILE         # every fix as JSON lines, verdicts filled in where known
    python bench/review.py --corpus realworld2 --verdict ID MERGE "why"   # record one verdict

A fix is one rule's edit at one place (what `fix --dry-run` shows, split by rule), named by an id
made of its path, rule and changed lines with their context, so a verdict survives lines moving
elsewhere in the file but not the edit moving. Each corpus keeps its own verdicts, in
bench/<corpus>/verdicts.jsonl, one JSON object a line: {"id", "path", "rule", "verdict", "why"},
verdict one of MERGE (right and valuable), NOISE (right but unwanted), WRONG (breaks the build or
the runtime, or changes behaviour), MISPLACED (right idea, wrong place). Runs offline: digest pins
need a registry and are not reviewed here. How a reviewer judges: bench/realworld2/REVIEWING.md.
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

BENCH = Path(__file__).resolve().parent
CORPORA = ("realworld", "realworld2", "realworld3", "realworld4", "realworld5", "realworld6", "realworld7", "realworld8", "realworld9", "realworld10", "realworld11", "realworld12", "realworld13", "realworld14", "realworld15", "realworld16", "realworld17", "realworld18", "realworld19", "realworld20", "realworld21", "realworld22", "realworld23", "realworld24", "realworld25", "realworld26", "realworld27", "realworld28", "realworld29", "realworld30", "realworld31", "realworld32", "realworld33", "realworld34", "realworld35", "realworld36", "realworld37", "realworld38", "realworld39", "realworld40", "realworld41", "realworld42", "realworld43", "realworld44", "realworld45", "realworld46", "realworld47", "realworld48", "realworld49")
CORPUS = BENCH / "realworld"
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


@dataclass(frozen=True)
class Reviewed:
    """One corpus (or several together): its fixes, the verdicts it keeps, its repositories' kinds."""
    name: str
    fixes: tuple[Fix, ...]
    verdicts: dict[str, dict]
    kinds: dict[str, str]
    repositories: int


def review(name: str, bench: Path = BENCH) -> Reviewed:
    root = bench / name
    return Reviewed(name, tuple(collect_fixes(root)), load_verdicts(root / "verdicts.jsonl"),
                    _repository_kinds(root), len(_repositories(root)))


def together(corpora: list[Reviewed]) -> Reviewed:
    """Merging verdicts by id is safe: an id starts from its repository, and no repository is in
    two corpora (tests/test_review.py holds that)."""
    return Reviewed(" + ".join(c.name for c in corpora), tuple(f for c in corpora for f in c.fixes),
                    {k: v for c in corpora for k, v in c.verdicts.items()},
                    {k: v for c in corpora for k, v in c.kinds.items()}, sum(c.repositories for c in corpora))


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


def report(corpus: Reviewed, by_repository: bool = False) -> list[str]:
    by_rule: dict[str, Counter[str]] = defaultdict(Counter)
    by_role: dict[str, Counter[str]] = defaultdict(Counter)
    by_kind: dict[str, Counter[str]] = defaultdict(Counter)
    # every repository of the SOURCES table, the ones hardenbot leaves alone too
    by_repo: dict[str, Counter[str]] = defaultdict(Counter, {name: Counter() for name in corpus.kinds})
    for fix in corpus.fixes:
        verdict = corpus.verdicts.get(fix.id, {}).get("verdict", "unreviewed")
        for group, name in ((by_rule, fix.rule), (by_role, fix.role),
                            (by_kind, corpus.kinds.get(fix.repository, "?")), (by_repo, fix.repository)):
            group[name][verdict] += 1
            group["all"][verdict] += 1
    total = by_rule["all"]
    reviewed = sum(total[k] for k in KINDS)
    files = len({(f.repository, f.path) for f in corpus.fixes})
    lines = [f"{len(corpus.fixes)} fixes in {files} files of {corpus.repositories} repositories; "
             f"{reviewed} reviewed, {total['unreviewed']} unreviewed; "
             f"{len(set(corpus.verdicts) - {f.id for f in corpus.fixes})} verdicts on fixes hardenbot no longer makes",
             ""]
    lines += _table("rule", by_rule) + [""] + _table("role", by_role) + [""] + _table("repository kind", by_kind)
    if by_repository:
        lines += [""] + _table("repository", by_repo)
    if reviewed:
        rate = total["MERGE"] / reviewed
        lines += ["", f"merge rate {rate:.1%} (target {TARGET:.0%}), WRONG {total['WRONG']} (target 0)"]
    return lines


def record_verdict(corpus: Reviewed, fix_id_: str, verdict: str, why: str, bench: Path = BENCH) -> dict:
    """Append one verdict to the corpus's verdicts.jsonl, in the form load_verdicts reads."""
    fix = next((f for f in corpus.fixes if f.id == fix_id_), None)
    if fix is None:
        raise SystemExit(f"{corpus.name}: no fix {fix_id_} (see --unreviewed)")
    if fix_id_ in corpus.verdicts:
        raise SystemExit(f"{corpus.name}: {fix_id_} already has a verdict: edit its line in verdicts.jsonl")
    if verdict not in KINDS:
        raise SystemExit(f"verdict must be one of {', '.join(KINDS)}")
    if not why.strip() or "\n" in why:
        raise SystemExit("the why is one non-empty line")
    entry = {"id": fix.id, "path": f"{fix.repository}/{fix.path}", "rule": fix.rule, "verdict": verdict,
             "why": why.strip()}
    with (bench / corpus.name / "verdicts.jsonl").open("a", encoding="utf-8") as verdicts:
        verdicts.write(json.dumps(entry, ensure_ascii=False) + "\n")
    return entry


def _sheet_lines(corpus: Reviewed, with_corpus: bool) -> list[str]:
    lines = []
    for fix in corpus.fixes:
        known = corpus.verdicts.get(fix.id, {})
        where = {"corpus": corpus.name} if with_corpus else {}
        lines.append(json.dumps({**where, **fix.__dict__, "verdict": known.get("verdict"), "why": known.get("why")},
                                ensure_ascii=False))
    return lines


def _unreviewed_lines(corpus: Reviewed) -> list[str]:
    lines = []
    for fix in corpus.fixes:
        if fix.id not in corpus.verdicts:
            lines.append(f"## {fix.id} {fix.repository}/{fix.path}:{fix.line} {fix.rule} ({fix.role}): {fix.message}")
            lines.append(fix.diff)
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=(*CORPORA, "all"), default="all",
                        help="one corpus, or each and then all together (default)")
    parser.add_argument("--repositories", action="store_true", help="add a table per repository")
    parser.add_argument("--unreviewed", action="store_true", help="print each fix that has no verdict")
    parser.add_argument("--sheet", type=Path, help="write every fix as JSON lines, with known verdicts")
    parser.add_argument("--verdict", nargs=3, metavar=("ID", "VERDICT", "WHY"),
                        help="record one verdict in the corpus's verdicts.jsonl (needs one --corpus)")
    args = parser.parse_args()
    names = CORPORA if args.corpus == "all" else (args.corpus,)
    corpora = [review(name) for name in names]
    if args.verdict:
        if len(corpora) != 1:
            raise SystemExit(f"--verdict needs one corpus: --corpus {' or '.join(CORPORA)}")
        print(json.dumps(record_verdict(corpora[0], *args.verdict), ensure_ascii=False))
        return 0
    several = len(corpora) > 1
    if args.sheet:
        with args.sheet.open("w", encoding="utf-8") as sheet:
            for corpus in corpora:
                sheet.writelines(line + "\n" for line in _sheet_lines(corpus, with_corpus=several))
    if args.unreviewed:
        for corpus in corpora:
            lines = _unreviewed_lines(corpus)
            if several and lines:
                print(f"# {corpus.name}\n")
            for line in lines:
                print(line)
    if not several:
        print("\n".join(report(corpora[0], args.repositories)))
        return 0
    for corpus in [*corpora, together(corpora)]:
        print(f"## {corpus.name}\n")
        print("\n".join(report(corpus, args.repositories)) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
