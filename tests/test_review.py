"""bench/review.py over the review corpora (the third held out from tuning): each loads with its
SOURCES.md and verdicts, fix ids are stable (a verdict is kept by its id), the report shows each
corpus and all together, and a verdict recorded through the script is read back into the tables."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bench.review import BENCH, CORPORA, KINDS, fix_id, load_verdicts, record_verdict, report, review, together

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> str:
    return subprocess.run([sys.executable, "bench/review.py", *args], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def corpora():
    return {name: review(name) for name in CORPORA}


def test_fix_ids_are_the_same_function_of_repository_path_rule_and_diff_as_the_verdicts_were_written_with():
    diff = "-RUN pip install flask\n+RUN pip install --no-cache-dir flask\n"
    assert fix_id("acme/app", "Dockerfile", "DL3042", diff) == "c9e4070091f1"
    assert fix_id("acme/app", "api/Dockerfile", "DL3042", diff) != "c9e4070091f1"


@pytest.mark.parametrize("name", CORPORA)
def test_each_corpus_loads_every_repository_from_its_sources_table_with_stable_unique_ids(corpora, name):
    corpus = corpora[name]
    sources = (BENCH / name / "SOURCES.md").read_text(encoding="utf-8")
    rows = {cells[0]: cells for cells in ([c.strip().strip("`") for c in line.strip("|").split("|")]
                                          for line in sources.splitlines() if line.startswith("| ") and "/" in line)}
    folders = {f"{p.parent.name}/{p.name}" for p in (BENCH / name).glob("*/*") if p.is_dir()}
    assert folders == set(rows) and corpus.repositories == len(folders) >= 15
    for repository, cells in rows.items():
        assert re.fullmatch(r"[0-9a-f]{40}", cells[1]), repository
        licence_file = re.search(r"\(([^)]+)\)", cells[2]).group(1).strip("`")
        assert (BENCH / name / repository / licence_file).is_file(), repository
        assert corpus.kinds[repository] == cells[3]
    assert corpus.fixes and len({f.id for f in corpus.fixes}) == len(corpus.fixes)
    assert [f.id for f in review(name).fixes] == [f.id for f in corpus.fixes]  # a second run: the same ids


def test_no_repository_is_in_two_corpora_so_merged_verdicts_cannot_collide(corpora):
    repositories = [set(c.kinds) for c in corpora.values()]
    for i, first in enumerate(repositories):
        for second in repositories[i + 1:]:
            assert not first & second


@pytest.mark.parametrize("name", CORPORA)
def test_every_verdict_line_names_its_fix_rule_and_a_one_line_why(name):
    path = BENCH / name / "verdicts.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines() if path.exists() else ():
        entry = json.loads(line)
        assert set(entry) == {"id", "path", "rule", "verdict", "why"} and entry["verdict"] in KINDS
        assert entry["why"].strip() and "\n" not in entry["why"]


def test_the_report_shows_each_corpus_then_all_and_the_first_corpus_alone_as_before(corpora):
    alone = _run("--corpus", "realworld")
    assert alone.startswith(f"{len(corpora['realworld'].fixes)} fixes in ") and "## " not in alone
    assert alone.strip() == "\n".join(report(corpora["realworld"]))
    every = _run()
    sections = re.findall(r"^## (.+)$", every, re.M)
    assert sections == [*CORPORA, " + ".join(CORPORA)]
    combined = together(list(corpora.values()))
    assert len(combined.fixes) == sum(len(c.fixes) for c in corpora.values())
    assert every.rstrip().endswith("\n".join(report(combined)))
    for name in CORPORA[1:]:
        assert "| repository |" in _run("--corpus", name, "--repositories")


def test_unreviewed_and_sheet_work_per_corpus(corpora, tmp_path):
    second = corpora["realworld2"]
    unjudged = [f for f in second.fixes if f.id not in second.verdicts]
    listing = _run("--corpus", "realworld2", "--unreviewed", "--sheet", str(tmp_path / "two.jsonl"))
    assert len(re.findall(r"^## [0-9a-f]{12}(-\d+)? ", listing, re.M)) == len(unjudged)
    sheet = [json.loads(line) for line in (tmp_path / "two.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in sheet] == [f.id for f in second.fixes] and "corpus" not in sheet[0]
    _run("--sheet", str(tmp_path / "all.jsonl"))
    rows = [json.loads(line) for line in (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {row["corpus"] for row in rows} == set(CORPORA) and len(rows) == sum(len(c.fixes) for c in corpora.values())


def test_a_recorded_verdict_is_read_back_into_its_own_corpus_and_a_second_one_for_the_same_fix_is_refused(tmp_path):
    app = tmp_path / "tiny" / "acme" / "app"
    app.mkdir(parents=True)
    (app / "Dockerfile").write_text('FROM python:3.12-slim\nRUN pip install flask\nCMD ["python", "app.py"]\n')
    (tmp_path / "tiny" / "SOURCES.md").write_text("| repository | commit | licence | kind | files |\n"
                                                  "| acme/app | `0` | MIT | service | 1 |\n")
    corpus = review("tiny", bench=tmp_path)
    fix = next(f for f in corpus.fixes if f.rule == "DL3042")
    entry = record_verdict(corpus, fix.id, "MERGE", "a service image keeps no pip cache", bench=tmp_path)
    assert entry == {"id": fix.id, "path": "acme/app/Dockerfile", "rule": "DL3042", "verdict": "MERGE",
                     "why": "a service image keeps no pip cache"}
    again = review("tiny", bench=tmp_path)
    assert load_verdicts(tmp_path / "tiny" / "verdicts.jsonl")[fix.id]["verdict"] == "MERGE"
    assert "| DL3042 | 1 | 1 | 0 | 0 | 0 | 0 | 100% |" in report(again)
    with pytest.raises(SystemExit, match="already has a verdict"):
        record_verdict(again, fix.id, "NOISE", "changed my mind", bench=tmp_path)
    with pytest.raises(SystemExit, match="no fix"):
        record_verdict(again, "000000000000", "MERGE", "x", bench=tmp_path)
    with pytest.raises(SystemExit, match="one non-empty line"):
        record_verdict(again, next(f.id for f in again.fixes if f.id != fix.id), "NOISE", "two\nlines", bench=tmp_path)
    assert len((tmp_path / "tiny" / "verdicts.jsonl").read_text().splitlines()) == 1
