"""The start check against a real Docker engine: `hardenbot fix --verify` runs each built
image's own command, original and hardened, and keeps an edit only when it does not turn a
start into a failure. Every test ends with no container left in the engine."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.cli import main
from bot.verify.start import LABEL

ROOT = Path(__file__).resolve().parent.parent


def write(root: Path, relative: str, text: str, mode: int = 0o644) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode())
    path.chmod(mode)
    return path


def service(root: Path, script: str, dockerfile: str, folder: str = ".") -> Path:
    """A Dockerfile and the app.sh it adds (`script`, a shell script), in `folder`."""
    write(root, f"{folder}/app.sh", "#!/bin/sh\n" + script, 0o755)
    return write(root, f"{folder}/Dockerfile", dockerfile)


def start_config(root: Path, text: str = "") -> None:
    """A short start period, so that a container that keeps running costs 2 s."""
    write(root, ".github/hardenbot.yml", "verify:\n  start:\n    seconds: 2\n" + text)


def fix_verify(capsys, repo: Path) -> dict:
    code = main(["fix", "--verify", "--format", "json", str(repo)])
    document = json.loads(capsys.readouterr().out)
    assert code == 0, document["errors"]
    return document


def verification(document: dict, path: str = "Dockerfile") -> dict:
    [found] = [item for item in document["verification"] if item["path"] == path]
    return found


def starts(item: dict) -> tuple[str | None, str | None]:
    """What the original's container and the hardened one's did."""
    return tuple(build["image"]["start"]["state"] if build and build["image"] and build["image"]["start"] else None
                 for build in (item["before"], item["after"]))


def no_containers_left(engine) -> bool:
    return engine.daemon.docker("ps", "--all", "--quiet").stdout == ""


def start_check_running(engine) -> bool:
    """A start check's container is up: not the short-lived probe and inventory containers
    a verify run also makes, which come and go before it."""
    return engine.daemon.docker("ps", "--quiet", "--filter", f"label={LABEL}").stdout != ""


def remove_containers(engine) -> None:
    """After a failed test, so that its leftovers do not fail the next ones too."""
    left = engine.daemon.docker("ps", "--all", "--quiet").stdout.split()
    if left:
        engine.daemon.docker("rm", "--force", "--volumes", *left, check=False)


@pytest.fixture
def engine(docker_engine, monkeypatch):
    docker_engine.use(monkeypatch)
    yield docker_engine
    left = not no_containers_left(docker_engine)
    if left:  # cleaned before failing, so that the tests after this one start from a clean engine
        remove_containers(docker_engine)
        extra = docker_engine.daemon.image_ids() - docker_engine.images.ids
        if extra:
            docker_engine.daemon.docker("rmi", "--force", *extra, check=False)
    assert not left, "a start check's container outlived the run"


def keeps_running(engine) -> str:
    return f'FROM {engine.images.debian}\nUSER 65534\nADD app.sh /app.sh\nCMD ["/app.sh"]\n'


def test_a_server_that_stays_up_is_running_and_both_wait_one_start_period(engine, tmp_path, capsys):
    start_config(tmp_path)
    service(tmp_path, "echo listening on 8080\nexec sleep 600\n", keeps_running(engine))
    began = time.monotonic()
    document = fix_verify(capsys, tmp_path)
    took = time.monotonic() - began
    item = verification(document)
    assert item["verdict"] == "verified" and item["held_to_start"] is True
    assert starts(item) == ("running", "running")
    after = item["after"]["image"]["start"]
    assert after["detail"] == "still running after 2 s; last output: listening on 8080"
    assert 2 <= after["seconds"] < 10
    # The two containers wait out their start period together: one period, not two.
    assert took < 2 * 2 + 25, took
    assert "COPY app.sh /app.sh" in (tmp_path / "Dockerfile").read_text()


def test_a_command_that_hangs_without_a_word_is_cut_at_its_period_and_counts_as_running(engine, tmp_path, capsys):
    # A server that stays up without printing is the normal case: running, cut at 2 s.
    start_config(tmp_path)
    service(tmp_path, "exec sleep 600\n", keeps_running(engine))
    began = time.monotonic()
    item = verification(fix_verify(capsys, tmp_path))
    assert time.monotonic() - began < 30
    assert starts(item) == ("running", "running")
    assert item["after"]["image"]["start"]["detail"] == "still running after 2 s"


def test_a_command_that_exits_0_has_started(engine, tmp_path, capsys):
    start_config(tmp_path)
    service(tmp_path, "echo migrated\n", keeps_running(engine))
    item = verification(fix_verify(capsys, tmp_path))
    assert starts(item) == ("exited as expected", "exited as expected")
    assert item["after"]["image"]["start"]["detail"] == "exit code 0: migrated"
    assert item["after"]["image"]["start"]["seconds"] < 2  # not held for the start period


def test_an_original_that_exits_3_does_not_hold_the_hardened_file_to_starting(engine, tmp_path, capsys):
    start_config(tmp_path)
    dockerfile = service(tmp_path, "echo 'cannot reach the database' >&2\nexit 3\n", keeps_running(engine))
    document = fix_verify(capsys, tmp_path)
    item = verification(document)
    assert (item["verdict"], starts(item), item["held_to_start"]) == ("verified", ("failed", "failed"), False)
    assert item["before"]["image"]["start"]["detail"] == "exit code 3: cannot reach the database"
    assert "COPY app.sh /app.sh" in dockerfile.read_text()  # the edits stand: it builds


def test_a_health_check_that_passes_is_healthy_in_seconds_not_its_30_s_interval(engine, tmp_path, capsys):
    start_config(tmp_path)
    service(tmp_path, "sleep 1\ntouch /tmp/ready\nexec sleep 600\n",
            f"FROM {engine.images.debian}\nUSER 65534\nADD app.sh /app.sh\n"
            'HEALTHCHECK CMD ["test", "-f", "/tmp/ready"]\nCMD ["/app.sh"]\n')
    began = time.monotonic()
    item = verification(fix_verify(capsys, tmp_path))
    assert time.monotonic() - began < 30
    assert starts(item) == ("healthy", "healthy")
    assert item["after"]["image"]["start"]["seconds"] < 10
    assert item["after"]["image"]["start"]["detail"].startswith("healthy after ")


def test_a_health_check_that_never_passes_is_unhealthy_within_the_period_and_margin(engine, tmp_path, capsys):
    start_config(tmp_path)
    service(tmp_path, "exec sleep 600\n",
            f"FROM {engine.images.debian}\nUSER 65534\nADD app.sh /app.sh\n"
            "HEALTHCHECK CMD test -f /tmp/never || (echo no /tmp/never; exit 1)\nCMD [\"/app.sh\"]\n")
    began = time.monotonic()
    item = verification(fix_verify(capsys, tmp_path))
    assert time.monotonic() - began < 40
    assert starts(item) == ("unhealthy", "unhealthy")
    after = item["after"]["image"]["start"]
    assert after["started"] is False and after["seconds"] < 2 + 5 + 5
    assert after["detail"].endswith(": no /tmp/never")


def test_a_user_edit_that_makes_the_command_fail_is_dropped_and_the_rest_kept(engine, tmp_path, capsys):
    # As root the command reads root's /etc/shadow; HB001's USER 10001 may not. Read, the script
    # only starts its program (HB001 sets a USER): only starting the container shows it fails.
    start_config(tmp_path)
    debian = engine.images.debian
    dockerfile = service(tmp_path, "set -e\nexec cat /etc/shadow\n",
                         f'FROM {debian}\nADD app.sh /app.sh\nCMD ["/app.sh"]\n')
    document = fix_verify(capsys, tmp_path)
    item = verification(document)
    assert (item["verdict"], item["dropped_rules"]) == ("edits dropped", ["HB001"])
    assert starts(item) == ("exited as expected", "exited as expected")
    failed = item["failed"]["image"]["start"]
    assert failed["state"] == "failed" and "Permission denied" in failed["detail"]
    [entry] = document["files"]
    [note] = [f for f in entry["needs_a_person"] if f["rule"] == "HB001"]
    assert note["message"].startswith("not changed: with this edit its container did not start (failed: exit code ")
    assert "Permission denied" in note["message"] and note["message"].endswith("the edit was dropped")
    assert sorted(f["rule"] for f in entry["fixed"]) == ["DL3020", "HB030"]
    assert dockerfile.read_text() == f'FROM {engine.images.pinned(debian)}\nCOPY app.sh /app.sh\nCMD ["/app.sh"]\n'


def test_configuration_per_file_command_expected_exit_and_skip(engine, tmp_path, capsys):
    start_config(tmp_path, "    files:\n"
                           "      cli/Dockerfile:\n        command: [\"/app.sh\", \"--version\"]\n"
                           "        expect-exit: 4\n"
                           "      worker/Dockerfile:\n        skip: needs the message queue\n")
    # Without arguments the tool waits for input forever; with --version it prints and exits 4.
    service(tmp_path, '[ "$1" = --version ] && { echo tool 1.0; exit 4; }\nexec sleep 600\n',
            f'FROM {engine.images.debian}\nUSER 65534\nADD app.sh /app.sh\nENTRYPOINT ["/bin/sh"]\nCMD ["-c", "exit 1"]\n',
            "cli")
    service(tmp_path, "exit 9\n", keeps_running(engine), "worker")
    document = fix_verify(capsys, tmp_path)
    cli = verification(document, "cli/Dockerfile")
    # The command replaces CMD and the ENTRYPOINT is kept: /bin/sh /app.sh --version.
    assert starts(cli) == ("exited as expected", "exited as expected")
    assert cli["after"]["image"]["start"]["detail"] == "exit code 4: tool 1.0"
    worker = verification(document, "worker/Dockerfile")
    assert starts(worker) == ("skipped", "skipped") and worker["verdict"] == "verified"
    assert worker["after"]["image"]["start"]["detail"] == "needs the message queue"


def test_a_compose_service_that_depends_on_another_is_skipped_saying_why(engine, tmp_path, capsys):
    start_config(tmp_path)
    service(tmp_path, "exit 1\n", keeps_running(engine), "web")
    service(tmp_path, "exec sleep 600\n", keeps_running(engine), "api")
    write(tmp_path, "compose.yaml", "services:\n  web:\n    build: ./web\n    depends_on: [db]\n"
                                    "  api:\n    build: ./api\n  db:\n    image: postgres\n")
    document = fix_verify(capsys, tmp_path)
    web = verification(document, "web/Dockerfile")
    assert starts(web) == ("skipped", "skipped") and web["verdict"] == "verified"
    assert web["after"]["image"]["start"]["detail"] == ("compose.yaml service web needs depends_on db, which a "
                                                        "container without network cannot reach")
    assert starts(verification(document, "api/Dockerfile")) == ("running", "running")


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_run_leaves_no_container(engine, tmp_path, sig):
    write(tmp_path, ".github/hardenbot.yml", "verify:\n  start:\n    seconds: 300\n")
    service(tmp_path, "exec sleep 600\n", keeps_running(engine))
    env = {**os.environ, **engine.environment, "PYTHONPATH": str(ROOT)}
    env.pop("DOCKER_CONTEXT", None)
    # Ctrl-C's default handling, whatever this test's own: a shell's background job (`pytest &`)
    # inherits SIGINT ignored, and a Python started so never sees its Ctrl-C.
    process = subprocess.Popen([sys.executable, "-m", "bot", "fix", "--verify", "--offline", str(tmp_path)],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        deadline = time.monotonic() + 300  # two builds first, on a machine other builds share
        while not start_check_running(engine) and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.3)
        assert process.poll() is None, process.stderr.read()
        assert start_check_running(engine), "the start check never began"
        began = time.monotonic()
        process.send_signal(sig)
        process.wait(timeout=60)
        assert time.monotonic() - began < 30  # not the 300 s start period
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
            remove_containers(engine)
    assert no_containers_left(engine)
    assert (tmp_path / "Dockerfile").read_text() == keeps_running(engine)  # nothing written
