"""The start check's decisions without an engine: `verify.start` configuration, judging a
container's State, which spec a file gets, how the verifier compares the original's start with
the hardened one's, and how the reports say it. Real containers: test_start_real.py."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bot.config import load_config
from bot.errors import ConfigError
from bot.model.verification import StartCheck, StartState, Verdict
from bot.model.verify_settings import BuildPlan, StartSpec, VerifySettings
from bot.report import verification as shown
from bot.report.markdown import render_body
from bot.sources.compose import builds
from bot.verify import docker
from bot.verify.docker import DockerEngine, EngineUnavailable
from bot.verify.start import StartRequest, check, judge, run_args, start_spec
from tests.test_verify import SERVICE, RuleBuilder, harden, repo


def config(tmp_path: Path, text: str) -> VerifySettings:
    (tmp_path / ".github").mkdir(exist_ok=True)
    (tmp_path / ".github/hardenbot.yml").write_text(text)
    return load_config(tmp_path).verify


# -- configuration ------------------------------------------------------------------------
def test_start_configuration_is_read(tmp_path):
    settings = config(tmp_path, "verify:\n  start:\n    seconds: 20\n    files:\n"
                                "      services/*/Dockerfile:\n        command: [serve, --check]\n"
                                "        seconds: 30\n        expect-exit: 3\n"
                                "      tools/Dockerfile:\n        skip: needs the queue\n")
    assert settings.start_seconds == 20
    assert settings.start == (("services/*/Dockerfile", StartSpec(("serve", "--check"), 30, 3)),
                              ("tools/Dockerfile", StartSpec(skip="needs the queue")))


def test_no_start_configuration_is_ten_seconds_and_the_images_own_command(tmp_path):
    settings = config(tmp_path, "verify:\n  jobs: 1\n")
    assert (settings.start_seconds, settings.start) == (10.0, ())


@pytest.mark.parametrize("content, message", [
    ("verify:\n  start: yes\n", ":2: verify.start: must be a mapping (seconds, files)"),
    ("verify:\n  start:\n    seconds: 0\n", ":3: verify.start.seconds: must be a whole number from 1 to 600, not 0"),
    ("verify:\n  start:\n    seconds: 2.5\n", ":3: verify.start.seconds: must be a whole number"),
    ("verify:\n  start:\n    period: 3\n", ":3: verify.start: unknown key 'period' (known: seconds, files)"),
    ("verify:\n  start:\n    files: [a]\n", ":3: verify.start.files: must map Dockerfile path globs"),
    ("verify:\n  start:\n    files:\n      a/Dockerfile: 3\n", ":4: verify.start.files.a/Dockerfile: must be a mapping"),
    ("verify:\n  start:\n    files:\n      a/Dockerfile:\n        command: serve\n",
     ":5: verify.start.files.a/Dockerfile.command: must be a list of strings"),
    ("verify:\n  start:\n    files:\n      a/Dockerfile:\n        command: []\n",
     ":5: verify.start.files.a/Dockerfile.command: must be a list of strings"),
    ("verify:\n  start:\n    files:\n      a/Dockerfile:\n        command: [serve, 8080]\n",
     ":5: verify.start.files.a/Dockerfile.command: must be a list of strings"),
    ("verify:\n  start:\n    files:\n      a/Dockerfile:\n        expect-exit: 256\n",
     ":5: verify.start.files.a/Dockerfile.expect-exit: must be a whole number from 0 to 255, not 256"),
    ("verify:\n  start:\n    files:\n      a/Dockerfile:\n        expect-exit: true\n",
     ":5: verify.start.files.a/Dockerfile.expect-exit: must be a whole number"),
    ("verify:\n  start:\n    files:\n      a/Dockerfile:\n        skip: ''\n",
     ":5: verify.start.files.a/Dockerfile.skip: must say why"),
    ("verify:\n  start:\n    files:\n      a/Dockerfile:\n        skip: no queue\n        seconds: 4\n",
     ":4: verify.start.files.a/Dockerfile: skip says the image is not started; it takes no seconds"),
    ("verify:\n  start:\n    files:\n      a/Dockerfile:\n        wait: 4\n",
     ":5: verify.start.files.a/Dockerfile: unknown key 'wait'"),
])
def test_start_configuration_errors_name_the_file_and_line(tmp_path, content, message):
    with pytest.raises(ConfigError) as raised:
        config(tmp_path, content)
    assert message in str(raised.value) and "hardenbot.yml" in str(raised.value)


# -- which spec a file gets ---------------------------------------------------------------
def test_a_files_entry_wins_then_compose_needs_skip_then_the_defaults():
    settings = VerifySettings(start_seconds=7, start=(("svc/*/Dockerfile", StartSpec(("x",), None, 2)),
                                                      ("**", StartSpec(skip="not here"))))
    assert start_spec(settings, BuildPlan("svc/a/Dockerfile", "svc/a", None, "compose.yaml service a",
                                          ("depends_on db",))) == StartSpec(("x",), 7, 2)
    assert start_spec(settings, BuildPlan("other/Dockerfile", "other")).skip == "not here"
    plain = VerifySettings(start_seconds=7)
    assert start_spec(plain, BuildPlan("web/Dockerfile", "web", None, "compose.yaml service web",
                                       ("depends_on db", "links cache"))).skip == (
        "compose.yaml service web needs depends_on db, links cache, which a container without network cannot reach")
    assert start_spec(plain, BuildPlan("web/Dockerfile", "web")) == StartSpec(seconds=7)


def test_compose_services_say_what_they_need():
    found = builds("services:\n  web:\n    build: ./web\n    depends_on:\n      db:\n        condition: service_healthy\n"
                   "    links: ['cache:redis']\n    network_mode: 'service:vpn'\n"
                   "    extra_hosts: ['api.internal:10.0.0.2', 'b=10.0.0.3']\n"
                   "  alone:\n    build: ./alone\n    network_mode: none\n", "compose.yaml")
    assert found["web/Dockerfile"].needs == ("depends_on db", "links cache", "network_mode service:vpn",
                                             "extra_hosts api.internal", "extra_hosts b")
    assert found["alone/Dockerfile"].needs == ()


# -- judging a container ------------------------------------------------------------------
PLAIN = StartRequest("sha256:1", StartSpec(seconds=10), healthcheck=False)
HEALTH = StartRequest("sha256:1", StartSpec(seconds=10), healthcheck=True)


@pytest.mark.parametrize("request_, state, elapsed, expected", [
    (PLAIN, {"Status": "running"}, 3, None),
    (PLAIN, {"Status": "running"}, 10.2, (StartState.RUNNING, "still running after 10 s")),
    (PLAIN, {"Status": "exited", "ExitCode": 0}, 1, (StartState.EXITED, "exit code 0")),
    (PLAIN, {"Status": "exited", "ExitCode": 3}, 1, (StartState.FAILED, "exit code 3")),
    (PLAIN, {"Status": "exited", "ExitCode": 137, "OOMKilled": True}, 1,
     (StartState.FAILED, "exit code 137: out of memory (the check allows 1g)")),
    (StartRequest("i", StartSpec(seconds=10, expect_exit=4), False), {"Status": "exited", "ExitCode": 4}, 1,
     (StartState.EXITED, "exit code 4")),
    (StartRequest("i", StartSpec(seconds=10, expect_exit=4), False), {"Status": "exited", "ExitCode": 0}, 1,
     (StartState.FAILED, "exit code 0")),
    (HEALTH, {"Status": "running", "Health": {"Status": "starting"}}, 12, None),
    (HEALTH, {"Status": "running", "Health": {"Status": "healthy"}}, 2.345, (StartState.HEALTHY, "healthy after 2.3 s")),
    (HEALTH, {"Status": "running", "Health": {"Status": "unhealthy", "Log": [{"Output": "refused\n"}]}}, 13,
     (StartState.UNHEALTHY, "its health check failed: refused")),
    (HEALTH, {"Status": "running", "Health": {"Status": "starting", "Log": [{"Output": "x\nno answer\n"}]}}, 15,
     (StartState.UNHEALTHY, "not healthy within 15 s: no answer")),
    (HEALTH, {"Status": "exited", "ExitCode": 0, "Health": {"Status": "starting"}}, 1,
     (StartState.UNHEALTHY, "exit code 0 before its health check passed")),
    (HEALTH, {"Status": "exited", "ExitCode": 2}, 1, (StartState.FAILED, "exit code 2")),
])
def test_a_containers_state_decides_the_check(request_, state, elapsed, expected):
    assert judge(state, elapsed, request_) == expected


def test_the_detail_is_one_escaped_line_of_at_most_300_characters():
    made = check(StartState.FAILED, "exit code 1", 0.123, "ok\n\x1b[31mboom " + "x" * 400 + "\n\n")
    assert made.detail.startswith("exit code 1: \\x1b[31mboom xxx") and len(made.detail) == 300
    assert "\n" not in made.detail and made.seconds == 0.12
    assert check(StartState.RUNNING, "still running after 10 s", 10, "up\n").detail == \
        "still running after 10 s; last output: up"
    assert check(StartState.FAILED, "the engine could not start it: x", 0,
                 "docker: Error response from daemon: x\nSee 'docker run --help'.\n").detail == \
        "the engine could not start it: x"


def test_the_container_is_confined_and_keeps_the_images_command():
    args = run_args("hardenbot-start-1", PLAIN)
    assert args[:2] == ["run", "--detach"] and args[-1] == "sha256:1"
    for flag, value in (("--network", "none"), ("--memory", "1g"), ("--memory-swap", "1g"), ("--cpus", "1"),
                        ("--pids-limit", "256")):
        assert args[args.index(flag) + 1] == value
    assert not {"--entrypoint", "--env", "-e", "--volume", "-v", "--mount", "--read-only", "--user"} & set(args)
    health = run_args("n", StartRequest("img", StartSpec(("serve", "-v"), 4), healthcheck=True))
    assert health[-3:] == ["img", "serve", "-v"]
    assert health[health.index("--health-interval") + 1] == "1s"
    assert health[health.index("--health-start-period") + 1] == "4s"


# -- the verifier -------------------------------------------------------------------------
@dataclass
class Starter(RuleBuilder):
    """Starts images by rule: a text holding a key of `outcomes` gets that check."""
    outcomes: dict[str, StartCheck] = field(default_factory=dict)
    batches: list[int] = field(default_factory=list)  # how many images each start() took

    def start(self, requests):
        self.batches.append(len(requests))
        checks = []
        for request in requests:
            text = self.texts[request.image_id]
            found = [c for key, c in self.outcomes.items() if key in text]
            checks.append(found[0] if found else StartCheck(StartState.RUNNING, "still running after 10 s", 10))
        return checks


FAILS = StartCheck(StartState.FAILED, "exit code 1: touch: /var/run/app.pid: Permission denied", 0.2)


def test_the_original_and_the_hardened_image_start_together_and_both_are_recorded(tmp_path):
    engine = Starter()
    report = harden(repo(tmp_path, {"svc/Dockerfile": SERVICE}), engine)
    [item] = report.verification
    assert engine.batches == [2]  # one start period for both
    assert item.verdict is Verdict.VERIFIED
    assert item.before.image.start.state is item.after.image.start.state is StartState.RUNNING
    assert shown.outcome(item) == "verified: the original and the hardened file both build, and start"


def test_an_edit_that_turns_a_start_into_a_failure_is_dropped_with_the_detail(tmp_path):
    engine = Starter(outcomes={"USER 10001": FAILS})
    report = harden(repo(tmp_path, {"svc/Dockerfile": SERVICE}), engine)
    [item] = report.verification
    assert (item.verdict, item.dropped) == (Verdict.EDITS_DROPPED, ("HB001",))
    assert engine.batches == [2, 1]  # the search's build is started alone: the original's is known
    [note] = [f for f in report.results[0].hardened.after if f.rule == "HB001"]
    assert note.message == ("not changed: with this edit its container did not start (failed: exit code 1: touch: "
                            "/var/run/app.pid: Permission denied; the original's running); the edit was dropped")
    assert "USER 10001" not in (tmp_path / "svc/Dockerfile").read_text()
    assert shown.outcome(item).startswith("edits dropped: HB001 (the hardened file did not build or start: its "
                                          "container did not start (failed: exit code 1")


def test_an_original_that_does_not_start_holds_the_hardened_one_only_to_building(tmp_path):
    engine = Starter(outcomes={"": FAILS})  # every image fails to start
    report = harden(repo(tmp_path, {"svc/Dockerfile": SERVICE}), engine)
    [item] = report.verification
    assert item.verdict is Verdict.VERIFIED and item.dropped == ()
    assert "USER 10001" in (tmp_path / "svc/Dockerfile").read_text()
    assert shown.outcome(item) == (
        "verified: the original and the hardened file both build; the original's container did not start here "
        "(failed (exit code 1: touch: /var/run/app.pid: Permission denied)), so the hardened one was held only "
        "to building")
    body = render_body(report, [])
    assert "| Health check | Start |" in body
    assert "| failed (exit code 1: touch: /var/run/app.pid: Permission denied) |" in body


def test_a_skipped_start_runs_no_container_and_compares_nothing(tmp_path):
    engine = Starter(outcomes={"": FAILS})
    root = repo(tmp_path, {"svc/Dockerfile": SERVICE,
                           ".github/hardenbot.yml": "verify:\n  start:\n    files:\n      svc/Dockerfile:\n"
                                                   "        skip: needs the database\n"})
    report = harden(root, engine, load_config(root).verify)
    [item] = report.verification
    assert engine.batches == [] and item.verdict is Verdict.VERIFIED
    assert item.after.image.start == StartCheck(StartState.SKIPPED, "needs the database")
    assert shown.start(item.after.image) == "skipped (needs the database)"
    assert shown.outcome(item) == "verified: the original and the hardened file both build; not started: needs the database"


def test_a_build_that_failed_is_never_started(tmp_path):
    engine = Starter(poisons=("apt-get",))
    report = harden(repo(tmp_path, {"svc/Dockerfile": SERVICE}), engine)
    assert report.verification[0].verdict is Verdict.NOT_VERIFIED and engine.batches == []


def test_an_engine_that_dies_during_the_start_check_leaves_that_file_not_verified_and_the_others_go_on(tmp_path):
    class DiesOnce(Starter):
        def start(self, requests):
            if any("svc-a" in self.texts[r.image_id] for r in requests):
                raise EngineUnavailable("the engine stopped answering: connection refused")
            return super().start(requests)

    a = SERVICE.replace("/app.sh", "/svc-a.sh")
    report = harden(repo(tmp_path, {"a/Dockerfile": a, "b/Dockerfile": SERVICE}), DiesOnce(),
                    VerifySettings(jobs=1))
    verdicts = {item.path: (item.verdict, item.reason) for item in report.verification}
    assert verdicts["a/Dockerfile"] == (Verdict.NOT_VERIFIED, "the engine failed while verifying (the engine "
                                                              "stopped answering: connection refused)")
    assert verdicts["b/Dockerfile"][0] is Verdict.VERIFIED


def test_a_start_period_longer_than_the_deadline_left_is_not_proven_in_time(tmp_path):
    clock = iter(range(0, 10_000, 1))  # each reading a second later
    report = harden(repo(tmp_path, {"svc/Dockerfile": SERVICE}), Starter(),
                    VerifySettings(file_deadline=12, start_seconds=10), clock=lambda: next(clock))
    [item] = report.verification
    assert item.verdict is Verdict.EDITS_DROPPED
    assert item.reason.endswith("not proven in time: the verify deadline (verify.file-deadline, 12 s) was reached")


# -- the engine driver, against a stand-in `docker` client --------------------------------
@pytest.mark.parametrize("run, message", [
    ("sleep 5", "`docker run` did not answer within 1 s"),  # the engine call times out
    ("echo 0123abcd", "the engine stopped answering: Cannot connect to the Docker daemon"),  # it dies midway
])
def test_a_container_is_removed_whatever_becomes_of_the_engine(tmp_path, monkeypatch, run, message):
    calls = tmp_path / "calls"
    client = tmp_path / "docker"
    client.write_text(f'#!/bin/sh\necho "$@" >> {calls}\ncase "$1" in\n  run) {run};;\n  container) exit 1;;\n'
                      '  version) echo "Cannot connect to the Docker daemon" >&2; exit 1;;\nesac\n')
    client.chmod(0o755)
    monkeypatch.setattr(docker, "ENGINE_SECONDS", 1)
    engine = DockerEngine(str(client), {"PATH": os.environ["PATH"]})
    with pytest.raises(EngineUnavailable) as raised:
        engine.start([StartRequest("sha256:1", StartSpec(seconds=2), healthcheck=False)])
    assert str(raised.value) == message
    said = [line.split() for line in calls.read_text().splitlines()]
    name = said[0][said[0].index("--name") + 1]
    assert name.startswith("hardenbot-start-") and said[-1] == ["rm", "--force", "--volumes", name]


def test_the_docker_clients_own_lines_are_not_taken_for_the_reason():
    # After the engine's reason, the 20.10 client may log that it stopped waiting.
    said = ("docker: Error response from daemon: unable to find user builder: no matching entries in passwd file.\n"
            'time="2026-12-06T21:04:31Z" level=error msg="error waiting for container: context canceled"\n')
    assert check(StartState.FAILED, "the engine could not start it", 0, said).detail == (
        "the engine could not start it: unable to find user builder: no matching entries in passwd file.")
