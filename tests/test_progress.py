"""Progress on long work: a line an item in a log, one line rewritten on a terminal, nothing on
stdout; with a fake clock and a fake terminal, then through `fix --verify` and `org plan`."""
from __future__ import annotations

import io
import json
import re
import threading

import pytest
import responses

import bot.verify
from bot.cli import main
from bot.progress import CLEAR_LINE, Progress, elapsed, on_stderr
from bot.verify.verifier import Verifier
from tests.fake_github_org import API, organisation
from tests.helpers import write
from tests.test_verify import SERVICE, RuleBuilder

TOKEN = "ghs_" + "pr0gr3ss" * 5


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True

    def screen(self) -> list[str]:
        """What a terminal shows: each line as its last rewrite left it."""
        return [line.rsplit(CLEAR_LINE, 1)[-1] for line in self.getvalue().split("\n")]


@pytest.mark.parametrize(("seconds", "shown"), [(0, "0.0 s"), (4.25, "4.2 s"), (59.9, "59.9 s"), (62, "1m 02s"),
                                                (3599, "59m 59s"), (3720, "1h 02m")])
def test_elapsed_reads_as_people_write_it(seconds, shown):
    assert elapsed(seconds) == shown


def test_a_log_gets_one_line_an_item_with_the_time_since_the_start():
    clock, lines = FakeClock(), []
    progress = Progress("verify", lines.append, clock=clock)
    progress.start(3)
    clock.now += 12.5
    progress.done("svc/a/Dockerfile", "verified")
    clock.now += 50
    progress.done("svc/b/Dockerfile", "edits dropped")
    progress.note("verify: building svc/c/Dockerfile as it is")
    clock.now += 0.5
    progress.done("svc/c/Dockerfile", "skipped")
    progress.finish()
    assert lines == ["verify: 1/3 svc/a/Dockerfile: verified (12.5 s)",
                     "verify: 2/3 svc/b/Dockerfile: edits dropped (1m 02s)",
                     "verify: building svc/c/Dockerfile as it is",
                     "verify: 3/3 svc/c/Dockerfile: skipped (1m 03s)"]


def test_a_name_cannot_forge_a_line_or_repaint_the_terminal():
    lines, terminal = [], FakeTerminal()
    for progress in (Progress("org plan", lines.append), Progress("org plan", lines.append, terminal=terminal)):
        progress.start(1)
        progress.done("acme/x\n::error::forged\x1b[2J", "to harden")
        progress.finish()
    assert len(lines) == 1 and "\n" not in lines[0] and "\x1b" not in lines[0]
    assert "\x1b[2J" not in terminal.getvalue() and "::error::" not in "".join(terminal.screen()[:-2])


def test_a_terminal_gets_one_line_rewritten_and_it_stays_at_the_end():
    clock, terminal, lines = FakeClock(), FakeTerminal(), []
    progress = Progress("verify", lines.append, terminal=terminal, clock=clock)
    progress.start(3)
    assert terminal.screen() == ["verify: 0/3 (0.0 s)"]
    clock.now += 5
    progress.done("svc/a/Dockerfile", "verified")
    assert terminal.screen() == ["verify: 1/3 (5.0 s), last svc/a/Dockerfile"]
    clock.now += 70
    progress.done("svc/b/Dockerfile", "verified")
    progress.done("svc/c/Dockerfile", "verified")
    assert terminal.screen() == ["verify: 3/3 (1m 15s), last svc/c/Dockerfile"]
    assert lines == []  # no line an item: the count is rewritten
    progress.finish()
    assert terminal.screen() == ["verify: 3/3 done in 1m 15s", ""]


def test_a_note_on_a_terminal_goes_above_the_live_line():
    terminal = FakeTerminal()

    def write_line(line: str) -> None:
        terminal.write(line + "\n")
    progress = Progress("verify", write_line, terminal=terminal, clock=FakeClock())
    progress.start(2)
    progress.done("a/Dockerfile", "verified")
    progress.note("verify: building b/Dockerfile as it is")
    assert terminal.screen() == ["verify: building b/Dockerfile as it is", "verify: 1/2 (0.0 s), last a/Dockerfile"]


def test_the_live_line_fits_the_terminal_so_it_never_wraps():
    terminal = FakeTerminal()
    progress = Progress("verify", print, terminal=terminal, columns=40)
    progress.start(1)
    progress.done("services/" + "very-long-name/" * 10 + "Dockerfile", "verified")
    assert max(len(line) for line in terminal.screen()) == 39


def test_items_finished_on_many_threads_are_all_counted_once():
    lines = []
    progress = Progress("org plan", lines.append)
    progress.start(400)
    threads = [threading.Thread(target=lambda k=k: [progress.done(f"acme/r{k}-{i}", "to harden") for i in range(50)])
               for k in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(int(line.split()[2].split("/")[0]) for line in lines) == list(range(1, 401))


def test_nothing_is_said_of_work_with_no_items():
    terminal, lines = FakeTerminal(), []
    progress = Progress("verify", lines.append, terminal=terminal)
    progress.start(0)
    progress.finish()
    assert terminal.getvalue() == "" and lines == []


def test_stderr_is_live_only_on_a_terminal(monkeypatch):
    monkeypatch.setattr("sys.stderr", FakeTerminal())
    assert on_stderr("verify").terminal is not None
    monkeypatch.setenv("TERM", "dumb")
    assert on_stderr("verify").terminal is None
    monkeypatch.setattr("sys.stderr", io.StringIO())
    monkeypatch.delenv("TERM")
    assert on_stderr("verify").terminal is None


@pytest.mark.parametrize("output", ["json", "sarif", "text"])
def test_fix_verify_tells_each_file_on_stderr_and_nothing_on_stdout(tmp_path, monkeypatch, capsys, output):
    for name in ("api", "worker", "web"):
        write(tmp_path, f"services/{name}/Dockerfile", SERVICE)
        write(tmp_path, f"services/{name}/app.sh", "echo\n")
    engine = RuleBuilder(poisons=("useradd",))

    def fake_make_verifier(mode, settings, environ, log, vulnerabilities, progress):
        return Verifier(engine, settings, log, progress=progress), ""
    monkeypatch.setattr(bot.verify, "make_verifier", fake_make_verifier)
    assert main(["fix", "--offline", "--verify", "true", "--format", output, str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    told = [line for line in err.splitlines() if re.fullmatch(r"verify: \d/3 .*", line)]
    assert [line.split()[1] for line in told] == ["1/3", "2/3", "3/3"]
    assert sorted(line.split()[2] for line in told) == [f"services/{n}/Dockerfile:" for n in ("api", "web", "worker")]
    assert all(re.search(r": edits dropped \(\d+\.\d s\)$", line) for line in told)
    assert "verify:" not in out
    if output != "text":
        json.loads(out)  # the document alone


def test_org_plan_tells_each_repository_probed_on_stderr(monkeypatch, capsys):
    org = organisation(40)
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    monkeypatch.setenv("GITHUB_API_URL", API)
    monkeypatch.delenv("GITHUB_OUTPUT", raising=False)
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        org.install(mock)
        assert main(["org", "plan", "--owner", "acme", "--points-per-minute", "0", "--workers", "4"]) == 0
    out, err = capsys.readouterr()
    told = [line for line in err.splitlines() if line.startswith("hardenbot: org plan: ")]
    probed = [r for r in org.repositories if not r.archived and not r.fork]
    assert len(told) == len(probed)
    assert sorted(line.split()[4].rstrip(":") for line in told) == sorted(f"acme/{r.name}" for r in probed)
    assert {line.split()[3] for line in told} == {f"{k}/{len(probed)}" for k in range(1, len(probed) + 1)}
    assert any(": skipped (no Dockerfile, compose file or workflow) (" in line for line in told)
    assert any(": to harden (" in line for line in told)
    assert out.count("\n") == 1 and "repositories to harden" in out  # stdout: the summary alone
