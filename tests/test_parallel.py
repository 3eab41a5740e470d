"""Checking a tree on several processes gives what one process gives, byte for byte: the
same output in the same order and the same exit code, on a tree with broken, unreadable and
undecodable files too; a worker that dies is an error for its file, never a lost result."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import bot.pool
import bot.run
from bot.cli import main
from bot.config import load_config
from bot.errors import DockerfileSyntaxError
from bot.pool import DIED, ordered_map, surveyed_map
from bot.run import POOL_FROM, process, processes_for

SERVICE = """FROM python:3.11-slim
RUN apt-get update && apt-get install -y curl gcc
COPY . /app
CMD ["python", "/app/main.py"]
"""
COMPOSE = "  svc-{n}:\n    build: ./services/svc-{n}\n"
ROOT = Path(__file__).resolve().parent.parent
REAL_WORLD = [ROOT / "bench" / "realworld", ROOT / "bench" / "realworld2", ROOT / "bench" / "realworld3", ROOT / "bench" / "realworld4", ROOT / "bench" / "realworld5", ROOT / "bench" / "realworld6", ROOT / "bench" / "realworld7", ROOT / "bench" / "realworld8", ROOT / "bench" / "realworld9", ROOT / "bench" / "realworld10", ROOT / "bench" / "realworld11", ROOT / "bench" / "realworld12", ROOT / "bench" / "realworld13", ROOT / "bench" / "realworld14", ROOT / "bench" / "realworld15", ROOT / "bench" / "realworld16", ROOT / "bench" / "realworld17", ROOT / "bench" / "realworld18", ROOT / "bench" / "realworld19", ROOT / "bench" / "realworld20", ROOT / "bench" / "realworld21", ROOT / "bench" / "realworld22", ROOT / "bench" / "realworld23", ROOT / "bench" / "realworld24", ROOT / "bench" / "realworld25", ROOT / "bench" / "realworld26", ROOT / "bench" / "realworld27", ROOT / "bench" / "realworld28", ROOT / "bench" / "realworld29", ROOT / "bench" / "realworld30", ROOT / "bench" / "realworld31", ROOT / "bench" / "realworld32", ROOT / "bench" / "realworld33", ROOT / "bench" / "realworld34", ROOT / "bench" / "realworld35", ROOT / "bench" / "realworld36", ROOT / "bench" / "realworld37", ROOT / "bench" / "realworld38", ROOT / "bench" / "realworld39", ROOT / "bench" / "realworld40", ROOT / "bench" / "realworld41", ROOT / "bench" / "realworld42", ROOT / "bench" / "realworld43", ROOT / "bench" / "realworld44", ROOT / "bench" / "realworld45", ROOT / "bench" / "realworld46", ROOT / "bench" / "realworld47", ROOT / "bench" / "realworld48", ROOT / "bench" / "realworld49"]
# Set in the interpreter that `test_every_pool_test_in_an_interpreter_without_threads` starts.
FRESH = "HARDENBOT_TEST_WITHOUT_THREADS"
WRAPPER = "test_every_pool_test_in_an_interpreter_without_threads"


@pytest.fixture(autouse=True)
def without_threads(request):
    """The pool forks only from a process with one thread (`bot.pool.can_fork`). In a suite where
    other tests' servers run threads, these tests would silently run in one process, and a test
    whose work kills its worker would kill the suite: they run in an interpreter of their own."""
    if request.node.name != WRAPPER and threading.active_count() > 1:
        pytest.skip(f"other threads run in this interpreter: run by {WRAPPER}")
    yield


def test_every_pool_test_in_an_interpreter_without_threads():
    if threading.active_count() == 1 or os.environ.get(FRESH):
        pytest.skip("no other thread here: the tests of this file ran in this interpreter")
    done = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:randomly",
                           __file__, "-k", f"not {WRAPPER}"], cwd=ROOT, env={**os.environ, FRESH: "1"},
                          capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert " passed" in done.stdout and " skipped" not in done.stdout, done.stdout[-2000:]


def _hostile_tree(root: Path, services: int = 12) -> Path:
    for n in range(services):
        folder = root / "services" / f"svc-{n}"
        folder.mkdir(parents=True)
        (folder / "Dockerfile").write_text(SERVICE.replace("curl", f"curl pkg{n}") if n % 2 else SERVICE)
        if n % 3 == 0:  # what must not ship, in its build context: HB064 lists it in the worker
            (folder / ".env").write_text("TOKEN=x\n")
    (root / "docker-compose.yml").write_text("services:\n" + "".join(COMPOSE.format(n=n) for n in range(services)))
    broken = root / "services" / "broken"
    broken.mkdir()
    (broken / "Dockerfile").write_text("FROM debian:12\nRUN <<EOF\napt-get update\n")
    binary = root / "services" / "binary"
    binary.mkdir()
    (binary / "Dockerfile").write_bytes(b"FROM alpine:3.19\nRUN echo \xff\xfe caf\xe9\nUSER 10001\n")
    workflows = root / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "ci.yml").write_bytes(b"on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps: [\xff]\n")
    dangling = root / "services" / "dangling"
    dangling.mkdir()
    (dangling / "Dockerfile").symlink_to(root / "nowhere" / "Dockerfile")
    looping = root / "services" / "looping"
    looping.mkdir()
    (looping / "Dockerfile").symlink_to(looping / "Dockerfile.loop")
    (looping / "Dockerfile.loop").symlink_to(looping / "Dockerfile")
    (root / "services" / "cycle").symlink_to(root / "services")
    fifo = root / "services" / "fifo"
    fifo.mkdir()
    os.mkfifo(fifo / "Dockerfile")
    huge = root / "services" / "huge"
    huge.mkdir()
    (huge / "Dockerfile").write_text("FROM alpine:3.19\n" + "# padding\n" * 120_000)
    return root


def _run(capsys, argv: list[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("argv", [
    ["check", "--offline"],
    ["check", "--offline", "--format", "json"],
    ["check", "--offline", "--format", "sarif"],
    ["fix", "--offline", "--dry-run"],
])
def test_several_processes_print_what_one_prints(tmp_path, capsys, argv):
    root = _hostile_tree(tmp_path / "tree")
    one = _run(capsys, [*argv, "--jobs", "1", str(root)])
    many = _run(capsys, [*argv, "--jobs", "3", str(root)])
    assert one[0] == 2  # the broken, undecodable and unreadable files are errors
    assert "cannot read" in one[2] and "broken" in one[2] and "not YAML text" in one[2]
    assert one[1] and ("would fix" in one[2] or argv[0] == "check")
    assert "HB064" in one[1] + one[2]
    assert many == one


def test_several_processes_write_what_one_writes(tmp_path, capsys):
    one = _hostile_tree(tmp_path / "one")
    many = _hostile_tree(tmp_path / "many")
    assert main(["fix", "--offline", "--jobs", "1", str(one)]) == 2
    assert main(["fix", "--offline", "--jobs", "4", str(many)]) == 2
    capsys.readouterr()
    written = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file() and not p.is_symlink())
    assert sorted(p.relative_to(many) for p in many.rglob("*") if p.is_file() and not p.is_symlink()) == written
    assert sum(p.name == "Dockerfile" for p in written) == 15
    for relative in written:
        assert (many / relative).read_bytes() == (one / relative).read_bytes()
    assert (one / "services/svc-0/Dockerfile").read_text() != SERVICE  # something was fixed


def test_a_worker_that_dies_is_an_error_for_its_file_alone(tmp_path, capsys, monkeypatch):
    root = _hostile_tree(tmp_path / "tree")
    expected = _run(capsys, ["check", "--offline", "--format", "json", "--jobs", "1", str(root)])
    process_text = bot.run._process_text

    def dies_on_svc_3(text, source, ruleset, fix):
        if source.path == "services/svc-3/Dockerfile":
            os.kill(os.getpid(), signal.SIGKILL)  # in a forked worker: the test's own process never runs it
        return process_text(text, source, ruleset, fix)

    monkeypatch.setattr(bot.run, "_process_text", dies_on_svc_3)
    code, out, err = _run(capsys, ["check", "--offline", "--format", "json", "--jobs", "2", str(root)])
    assert code == 2
    assert f"services/svc-3/Dockerfile:1: {DIED}" in err.splitlines()
    assert err.replace(f"services/svc-3/Dockerfile:1: {DIED}\n", "") == expected[2]
    files = {f["path"]: f for f in json.loads(out)["files"]}
    wanted = {f["path"]: f for f in json.loads(expected[1])["files"]}
    assert "services/svc-3/Dockerfile" not in files
    del wanted["services/svc-3/Dockerfile"]
    assert files == wanted


def test_ordered_map_keeps_order_and_raises_what_work_raises():
    assert ordered_map(lambda n: n * n, list(range(200)), 3, lambda n, why: -1) == [n * n for n in range(200)]

    def fails_on_7(n):
        if n == 7:
            raise ValueError("seven")
        return n

    with pytest.raises(ValueError, match="seven"):
        ordered_map(fails_on_7, list(range(50)), 2, lambda n, why: -1)


def test_an_error_whose_constructor_takes_more_than_its_message_comes_back_whole():
    """Pickle rebuilds an exception from its message alone: DockerfileSyntaxError's (path, line,
    reason) would break the pool instead of reaching the caller as it does in one process."""
    def fails(n):
        if n in (13, 31):
            raise DockerfileSyntaxError(f"svc-{n}/Dockerfile", n, "cannot parse")
        return n

    with pytest.raises(DockerfileSyntaxError) as raised:
        ordered_map(fails, list(range(40)), 2, lambda n, why: -1)
    assert (raised.value.path, raised.value.line, raised.value.reason) == ("svc-13/Dockerfile", 13, "cannot parse")
    assert str(raised.value) == "svc-13/Dockerfile:13: cannot parse"


def test_an_answer_pickle_cannot_carry_is_raised_not_taken_for_a_death():
    """A result that cannot travel back (a bug: results are frozen data) is an error raised in
    the run, not a worker's death that would report its files as not checked."""
    def work(n):
        return (lambda: n) if n == 11 else n

    with pytest.raises(Exception, match="pickle|lambda"):
        ordered_map(work, list(range(30)), 2, lambda n, why: ("died", n))


def test_ordered_map_names_every_item_that_kills_its_worker():
    def work(n):
        if n % 17 == 5:
            os.kill(os.getpid(), signal.SIGKILL)
        return n

    got = ordered_map(work, list(range(60)), 2, lambda n, why: ("died", n))
    assert got == [("died", n) if n % 17 == 5 else n for n in range(60)]


def _survey_parts(parent: int, dies_in_survey: int = -1, dies_in_work: int = -1):
    """survey, settle and work_knowing for `surveyed_map` over numbers: each survey says which
    process made it; work is n plus what was settled (the sum of the surveys' numbers)."""
    def survey(n):
        if n == dies_in_survey and os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return n, os.getpid()

    def settle(surveys):
        assert [n for n, _ in surveys] == list(range(len(surveys)))
        return sum(n for n, _ in surveys), [pid for _, pid in surveys]

    def work_knowing(settled):
        def work(n):
            if n == dies_in_work:
                os.kill(os.getpid(), signal.SIGKILL)
            return n + settled[0], os.getpid()
        return work
    return survey, settle, work_knowing


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_surveyed_map_surveys_each_block_where_it_then_works_first(jobs):
    items = list(range(200))
    (total, surveyors), done = surveyed_map(*_survey_parts(os.getpid()), items, jobs, lambda n, why: ("died", n))
    assert total == sum(items)
    assert [value for value, _ in done] == [n + total for n in items]
    if jobs == 1:
        assert set(surveyors) == {os.getpid()} == {pid for _, pid in done}
        return
    assert os.getpid() not in surveyors and len(set(surveyors)) == jobs
    assert surveyors == sorted(surveyors, key=surveyors.index)  # in blocks, one a worker, in order


def test_a_worker_is_dealt_its_own_block_first_then_the_end_of_the_longest():
    chunks = bot.pool._chunks(100, 2)
    deal = bot.pool._Deal.in_blocks(chunks, 2)
    assert len(chunks) == 50 and [deal.span(block) for block in (0, 1)] == [range(0, 50), range(50, 100)]
    assert [deal.next(0) for _ in range(25)] == chunks[:25] and deal.next(1) == chunks[25]
    assert deal.next(0) == chunks[-1]  # its own done: the other's last, which that one gets to last
    assert deal.left() == [index for chunk in chunks[26:-1] for index in chunk]
    one_queue = bot.pool._Deal([bot.pool.deque(chunks)])
    assert [one_queue.next(worker % 3) for worker in range(len(chunks))] == chunks
    assert one_queue.next(0) is None and not one_queue


def test_surveyed_map_raises_what_survey_or_work_raises():
    def survey(n):
        if n == 70:
            raise ValueError("seventy")
        return n

    with pytest.raises(ValueError, match="seventy"):
        surveyed_map(survey, sum, lambda settled: abs, list(range(100)), 2, lambda n, why: -1)
    with pytest.raises(DockerfileSyntaxError):
        surveyed_map(len, sum, lambda settled: lambda text: bot.run.Dockerfile.parse(text, "Dockerfile"),
                     ["FROM a\n"] * 30 + ["RUN before any FROM\n"], 2, lambda n, why: -1)


def test_surveyed_map_surveys_here_the_block_of_a_worker_that_died_surveying():
    items = list(range(120))
    (total, surveyors), done = surveyed_map(*_survey_parts(os.getpid(), dies_in_survey=100), items, 2,
                                            lambda n, why: ("died", n))
    assert total == sum(items) and surveyors[100] == os.getpid() and surveyors[0] != os.getpid()
    assert [value for value, _ in done] == [n + total for n in items]  # the other worker checked them all


def test_surveyed_map_names_the_item_that_kills_its_worker():
    items = list(range(120))
    (total, _), done = surveyed_map(*_survey_parts(os.getpid(), dies_in_work=33), items, 2, lambda n, why: ("died", n))
    assert [value if n != 33 else value for n, (value, *_) in zip(items, done, strict=True)] \
        == [n + total if n != 33 else "died" for n in items]


def test_a_small_tree_runs_in_one_process_unless_told():
    assert processes_for(POOL_FROM - 1, None) == 1
    assert processes_for(POOL_FROM, None) == bot.pool.cores()
    assert processes_for(3, 4) == 4
    assert processes_for(5000, 1) == 1


def test_jobs_must_be_a_positive_number(capsys):
    with pytest.raises(SystemExit):
        main(["check", "--jobs", "0", "."])
    assert "not a number of processes" in capsys.readouterr().err


def test_what_was_printed_before_the_workers_start_is_printed_once():
    """A worker is a fork: output buffered before it must not be written again when it exits."""
    program = ("import sys; print('before', end=''); from bot.pool import ordered_map; "
               "ordered_map(abs, list(range(40)), 2, None); print('after')")
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.stdout == "beforeafter\n"


def test_a_process_with_other_threads_does_not_fork():
    """A fork copies the locks other threads hold: with one running, the work stays here."""
    import threading

    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert ordered_map(lambda n: os.getpid(), list(range(20)), 2, lambda n, why: -1) == [os.getpid()] * 20
    finally:
        release.set()
        other.join()
    assert set(ordered_map(lambda n: os.getpid(), list(range(20)), 2, lambda n, why: -1)) != {os.getpid()}


@pytest.mark.parametrize(("v2", "v1", "expected"), [
    ("max 100000\n", None, None),
    ("150000 100000\n", None, 2),
    ("100000 100000\n", None, 1),
    (None, ("200000\n", "100000\n"), 2),
    (None, ("-1\n", "100000\n"), None),
])
def test_a_container_cpu_quota_caps_the_workers(tmp_path, monkeypatch, v2, v1, expected):
    files = []
    for name, text in (("cpu.max", v2), ("quota", v1 and v1[0]), ("period", v1 and v1[1])):
        path = tmp_path / name
        if text is not None:
            path.write_text(text)
        files.append(str(path))
    monkeypatch.setattr(bot.pool, "CGROUP_QUOTA_FILES", ((files[0], None), (files[1], files[2])))
    assert bot.pool._cgroup_quota() == expected
    monkeypatch.setattr(bot.pool.os, "sched_getaffinity", lambda pid: set(range(64)))
    assert bot.pool.cores() == (expected or 64)


def _tree_with_credentials(root: Path, services: int = 9) -> Path:
    token = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"
    for n in range(services):
        folder = root / "services" / f"svc-{n}"
        folder.mkdir(parents=True)
        secret = f"ENV DB_PASSWORD=hunter{n}hunter\n" if n % 2 else f"ENV GITHUB_TOKEN={token}\n"
        (folder / "Dockerfile").write_text(SERVICE.replace("COPY", secret + "COPY"))
    return root


def _fresh_report_memos() -> None:
    from bot.report.masking import CREDENTIALS
    from bot.report.text import DIFFS

    CREDENTIALS.clear()
    DIFFS.clear()


@pytest.mark.parametrize("argv", [["fix", "--offline", "--dry-run"], ["check", "--offline", "--format", "json"]])
def test_the_workers_mask_and_diff_what_one_process_does(tmp_path, capsys, argv):
    """The credentials to mask and the diffs are computed by the workers and kept by the main
    process: with nothing computed before (fresh memos), the output is that of one process, and
    no credential is printed."""
    root = _tree_with_credentials(tmp_path / "tree")
    _fresh_report_memos()
    many = _run(capsys, [*argv, "--jobs", "3", str(root)])
    _fresh_report_memos()
    one = _run(capsys, [*argv, "--jobs", "1", str(root)])
    assert many == one
    printed = one[1] + one[2]
    assert "ghp_****" in printed or argv[0] == "check"
    assert "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8" not in printed and "hunter1hunter" not in printed


def test_the_main_process_keeps_what_the_workers_computed(tmp_path):
    """After a run on several processes, each file's credentials and diff are known to the main
    process without computing them there."""
    from bot.config import load_config
    from bot.report.masking import CREDENTIALS
    from bot.report.text import DIFFS, diff_key
    from bot.rules import RULES

    root = _tree_with_credentials(tmp_path / "tree")
    _fresh_report_memos()
    report = bot.run.process(root, load_config(root), RULES, fix=True, write=False, jobs=3, diffs=True)
    computed: list[object] = []
    originals = CREDENTIALS._compute, DIFFS._compute
    CREDENTIALS._compute = DIFFS._compute = computed.append  # a computation now would be recorded
    try:
        for result in report.results:
            assert CREDENTIALS((result.original, result.path, result.kind))
            assert CREDENTIALS((result.hardened.text, result.path, result.kind))
            assert "****" in DIFFS(diff_key(result))
    finally:
        CREDENTIALS._compute, DIFFS._compute = originals
        _fresh_report_memos()
    assert computed == [] and len(report.results) == 9


@pytest.mark.parametrize("corpus_root", REAL_WORLD, ids=lambda p: p.name)
def test_every_core_reports_what_one_core_reports(corpus_root):
    """Over the real-world corpora, in this file so that the pool really forks (see without_threads)."""
    assert bot.pool.can_fork()
    config = load_config(corpus_root)
    rules = config.active_rules()
    for fix in (False, True):
        one = process(corpus_root, config, rules, fix=fix, write=False, jobs=1)
        many = process(corpus_root, config, rules, fix=fix, write=False, jobs=3)
        assert len(one.results) > 10 * 3  # enough for each of the three workers to get several
        assert many == one
