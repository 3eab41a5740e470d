"""`hardenbot fix --verify` against a real Docker engine: a private dockerd (Debian's
docker.io, BuildKit through its 20.10 client) and two base images in the session's registry,
one a real Debian and one busybox that calls itself Ubuntu but has no groupadd or useradd.
Each test is one small repository: what hardenbot wrote, and the verdict it reported.

The tests at the end need no engine: they point hardenbot at a socket nobody listens on."""
from __future__ import annotations

import http.server
import json
import os
import re
import subprocess
import threading
import time
from pathlib import Path

import pytest

from bot.cli import main

APP = "#!/bin/sh\necho hello\n"


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode())
    return path


def service(root: Path, relative: str, dockerfile: str) -> Path:
    """A Dockerfile and the app.sh it copies, in the Dockerfile's own folder."""
    path = write(root, relative, dockerfile)
    write(path.parent, "app.sh", APP).chmod(0o755)
    return path


def fix_verify(capsys, repo: Path, *options: str) -> tuple[int, dict]:
    """(exit code, the JSON report) of `hardenbot fix --verify --format json`."""
    code = main(["fix", "--verify", "--format", "json", *options, str(repo)])
    return code, json.loads(capsys.readouterr().out)


def verify_service(capsys, repo: Path, dockerfile: str) -> tuple[dict, dict, Path]:
    """One service's Dockerfile in `repo`, through `fix --verify`, which must exit 0: (its
    verification, the whole report, the Dockerfile as written)."""
    path = service(repo, "Dockerfile", dockerfile)
    code, document = fix_verify(capsys, repo)
    assert code == 0, document["errors"]
    return verification(document), document, path


def verification(document: dict, path: str = "Dockerfile") -> dict:
    [found] = [item for item in document["verification"] if item["path"] == path]
    return found


def file_entry(document: dict, path: str = "Dockerfile") -> dict:
    [found] = [item for item in document["files"] if item["path"] == path]
    return found


def uids(item: dict) -> tuple[int | None, int | None]:
    """The UID a container of the original image and of the hardened one started with."""
    return item["before"]["image"]["uid"], item["after"]["image"]["uid"]


@pytest.fixture
def engine(docker_engine, monkeypatch):
    """The session's engine, for this test's hardenbot (DOCKER_HOST, HARDENBOT_DOCKER)."""
    docker_engine.use(monkeypatch)
    return docker_engine


def test_service_that_builds_gets_its_user_and_is_verified(engine, tmp_path, capsys):
    debian = engine.images.debian
    item, _, dockerfile = verify_service(capsys, tmp_path,
                                         f'FROM {debian}\nWORKDIR /app\nCOPY app.sh .\nCMD ["./app.sh"]\n')
    assert item["verdict"] == "verified" and item["dropped_rules"] == []
    assert uids(item) == (0, 10001)
    assert item["after"]["image"]["config_user"] == "10001:10001"
    written = dockerfile.read_text()
    assert written.startswith(f"FROM {engine.images.pinned(debian)}\n")
    assert "\nUSER 10001:10001\nCMD" in written


def test_useradd_that_fails_on_its_base_is_dropped_and_the_other_edits_kept(engine, tmp_path, capsys):
    # Named Ubuntu, so HB001 adds groupadd/useradd; it is busybox, which has neither.
    ubuntu = engine.images.fake_ubuntu
    item, document, dockerfile = verify_service(capsys, tmp_path,
                                                f'FROM {ubuntu}\nADD app.sh /app.sh\nCMD ["/app.sh"]\n')
    entry = file_entry(document)
    assert (item["verdict"], item["dropped_rules"]) == ("edits dropped", ["HB001"])
    assert any("groupadd: not found" in line for line in item["failed"]["log_tail"])
    assert sorted(f["rule"] for f in entry["fixed"]) == ["DL3020", "HB030"]
    [kept_back] = [f for f in entry["needs_a_person"] if f["rule"] == "HB001"]
    assert "not changed" in kept_back["message"] and "groupadd: not found" in kept_back["message"]
    assert dockerfile.read_text() == f'FROM {engine.images.pinned(ubuntu)}\nCOPY app.sh /app.sh\nCMD ["/app.sh"]\n'

    # Run again on what was written: HB001 is proposed, fails, is dropped again; nothing moves.
    written = dockerfile.read_bytes()
    assert main(["fix", "--verify", "true", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Dockerfile: edits dropped: HB001 (the hardened file did not build or start: " in out
    assert dockerfile.read_bytes() == written


def test_image_already_non_root_is_verified_with_its_own_uid(engine, tmp_path, capsys):
    debian = engine.images.debian
    item, _, dockerfile = verify_service(capsys, tmp_path,
                                         f'FROM {debian}\nUSER 65534\nADD app.sh /app.sh\nCMD ["/app.sh"]\n')
    assert item["verdict"] == "verified"
    assert uids(item) == (65534, 65534)
    assert dockerfile.read_text() == (f"FROM {engine.images.pinned(debian)}\n"
                                      'USER 65534\nCOPY app.sh /app.sh\nCMD ["/app.sh"]\n')


def test_build_that_fails_as_it_is_is_not_verified_and_its_edits_kept(engine, tmp_path, capsys):
    debian = engine.images.debian
    item, _, dockerfile = verify_service(capsys, tmp_path,
                                         f'FROM {debian}\nADD app.sh /app.sh\nRUN exit 3\nCMD ["/app.sh"]\n')
    assert item["verdict"] == "not verified"
    assert item["reason"] == "could not build the original here (exit code 3)"
    assert (item["before"]["state"], item["after"]) == ("failed", None)
    written = dockerfile.read_text()
    assert written.startswith(f"FROM {engine.images.pinned(debian)}\nCOPY app.sh /app.sh\nRUN exit 3\n")
    assert "\nUSER 10001:10001\n" in written


def test_compose_target_builds_only_that_stage(engine, tmp_path, capsys):
    # The stage after `runtime` fails: the original builds only if its target is honoured.
    debian = engine.images.debian
    write(tmp_path, "docker/Dockerfile",
          f'FROM {debian} AS runtime\nWORKDIR /app\nCOPY app.sh .\nCMD ["./app.sh"]\n\n'
          "FROM runtime AS debug\nRUN exit 5\n")
    write(tmp_path, "app.sh", APP).chmod(0o755)  # in the context, the root
    write(tmp_path, "compose.yaml", "services:\n  app:\n    build:\n      context: .\n"
                                    "      dockerfile: docker/Dockerfile\n      target: runtime\n")
    code, document = fix_verify(capsys, tmp_path)
    item = verification(document, "docker/Dockerfile")
    assert code == 0
    assert (item["verdict"], item["context"], item["target"]) == ("verified", ".", "runtime")
    assert (tmp_path / "docker/Dockerfile").read_text().startswith(f"FROM {engine.images.pinned(debian)} AS runtime\n")


def test_time_limit_stops_the_build(engine, tmp_path, capsys):
    write(tmp_path, ".github/hardenbot.yml", "verify:\n  timeout: 2\n")
    started = time.monotonic()
    item, _, _ = verify_service(capsys, tmp_path,
                                f'FROM {engine.images.debian}\nADD app.sh /app.sh\nRUN sleep 60\nCMD ["/app.sh"]\n')
    assert time.monotonic() - started < 20
    assert (item["verdict"], item["before"]["state"]) == ("not verified", "timed out")
    assert item["reason"] == "could not build the original here (did not finish within 2 s)"
    # Stopping the client must stop the build in the engine too: no `sleep 60` left running
    # (BuildKit runs it under dockerd, not as a container), and no container left over.
    deadline = time.monotonic() + 10
    while any("sleep 60" in line for line in engine.daemon.descendants()) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [line for line in engine.daemon.descendants() if "sleep 60" in line]
    assert engine.daemon.docker("ps", "--all", "--quiet").stdout == ""


def test_heredoc_the_engine_cannot_read_is_not_verified_not_an_error(engine, tmp_path, capsys):
    # Docker 20.10's built-in Dockerfile frontend predates heredocs (a `# syntax=` line would
    # fetch a newer one from Docker Hub): it cannot build the original, so the edits stand
    # unproven, and the run goes on.
    heredoc = "RUN <<EOF\necho one\necho two\nEOF\n"
    item, document, dockerfile = verify_service(
        capsys, tmp_path, f'FROM {engine.images.debian}\nADD app.sh /app.sh\n{heredoc}CMD ["/app.sh"]\n')
    assert document["errors"] == []
    assert item["verdict"] == "not verified"
    assert item["reason"].startswith("could not build the original here (")
    assert "unknown instruction" in item["reason"]
    assert f"COPY app.sh /app.sh\n{heredoc}" in dockerfile.read_text()


def test_verify_max_images_builds_the_first_and_skips_the_rest(engine, tmp_path, capsys):
    debian = engine.images.debian
    for folder in ("a", "b"):
        service(tmp_path, f"{folder}/Dockerfile", f'FROM {debian}\nUSER 65534\nADD app.sh /app.sh\nCMD ["/app.sh"]\n')
    code, document = fix_verify(capsys, tmp_path, "--verify-max-images", "1")
    assert code == 0
    assert {v["path"]: v["verdict"] for v in document["verification"]} == {"a/Dockerfile": "verified",
                                                                           "b/Dockerfile": "skipped"}
    skipped = verification(document, "b/Dockerfile")
    assert "verify-max-images" in skipped["reason"] and skipped["builds"] == 0
    # Skipped is not refused: its edits are written, unproven.
    assert "COPY app.sh /app.sh" in (tmp_path / "b/Dockerfile").read_text()


def test_two_files_that_build_the_same_image_at_once_each_read_it_whole(engine, tmp_path, capsys):
    """Identical services get one image from the engine: the first file done must not remove
    it from under the other's start check or package reading."""
    for folder in ("a", "b"):
        service(tmp_path, f"{folder}/Dockerfile",
                f'FROM {engine.images.debian}\nADD app.sh /app.sh\nCMD ["sleep", "60"]\n')
    # a is done while b's start check still runs: b reads the images' packages after that.
    write(tmp_path, ".github/hardenbot.yml",
          "verify:\n  start:\n    seconds: 1\n    files:\n      b/Dockerfile: {seconds: 5}\n")
    code, document = fix_verify(capsys, tmp_path)
    assert code == 0, document["errors"]
    for path in ("a/Dockerfile", "b/Dockerfile"):
        item = verification(document, path)
        assert item["verdict"] == "verified", item
    assert "No such image" not in json.dumps(document)
    assert engine.daemon.image_ids() == engine.images.ids
    assert engine.daemon.docker("ps", "--all", "--quiet").stdout == ""


def test_images_built_are_removed(engine, tmp_path, capsys):
    # Edits dropped: the most builds a file makes (before, after, and the search).
    item, _, _ = verify_service(capsys, tmp_path,
                                f'FROM {engine.images.fake_ubuntu}\nADD app.sh /app.sh\nCMD ["/app.sh"]\n')
    assert item["builds"] == 3
    assert engine.daemon.image_ids() == engine.images.ids
    assert engine.daemon.docker("ps", "--all", "--quiet").stdout == ""


def cache_records(engine) -> dict[str, int]:
    """The engine's build cache: record id → bytes."""
    listed = engine.daemon.docker("system", "df", "--verbose", "--format",
                                  "{{range .BuildCache}}{{.ID}} {{.Size}}\n{{end}}").stdout
    return {record: _bytes(size) for record, size in (line.split() for line in listed.splitlines() if line.strip())}


def buildkit_build(engine, folder: Path) -> subprocess.CompletedProcess[str]:
    """`docker build --network none` of `folder` with BuildKit, as a user would, outside hardenbot."""
    return subprocess.run([engine.daemon.client, "build", "--quiet", "--network", "none", str(folder)], capture_output=True, text=True,
                          env={**engine.daemon.environment, "DOCKER_BUILDKIT": "1", "PATH": os.environ["PATH"]},
                          timeout=300, check=False)


def _bytes(size: str) -> int:
    number, unit = re.fullmatch(r"([\d.]+)([kMGT]?B)", size).groups()
    return int(float(number) * {"B": 1, "kB": 1e3, "MB": 1e6, "GB": 1e9, "TB": 1e12}[unit])


@pytest.mark.parametrize("link", ["Dockerfile.dockerignore", ".dockerignore"])
def test_a_dockerignore_linked_out_of_the_repository_is_never_read(engine, tmp_path, capsys, link):
    # Followed, BuildKit refused the bad pattern quoting every line of the file in its error,
    # which went to the log tail of the JSON output and the pull request.
    secret = write(tmp_path, "outside/secret", "TOPSECRET-7f3a from outside the repository\n[invalid\n")
    repo = tmp_path / "repo"
    debian = engine.images.debian
    service(repo, "a/Dockerfile", f'FROM {debian}\nADD app.sh /app.sh\nCMD ["/app.sh"]\n')
    service(repo, "b/Dockerfile", f'FROM {debian}\nADD app.sh /app.sh\nCMD ["/app.sh"]\n')
    (repo / "a" / link).symlink_to(secret)
    code, document = fix_verify(capsys, repo)
    assert code == 0
    item = verification(document, "a/Dockerfile")
    assert (item["verdict"], item["builds"]) == ("skipped", 0)
    assert item["reason"] == f"a/{link} is a symbolic link out of the repository"
    assert verification(document, "b/Dockerfile")["verdict"] == "verified"
    assert "TOPSECRET" not in json.dumps(document)


def test_a_frontend_not_on_the_allow_list_never_reaches_the_engine(engine, tmp_path, capsys):
    # A registry on 127.0.0.1 that notes every request: the engine would fetch the frontend
    # from it (with its own network) to run it inside BuildKit.
    requests_seen = []

    class Registry(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the standard library's name)
            requests_seen.append(self.path)
            self.send_error(404)

        do_HEAD = do_GET

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Registry)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    frontend = f"127.0.0.1:{server.server_port}/evil/frontend:1"
    try:
        repo = tmp_path / "repo"
        debian = engine.images.debian
        service(repo, "a/Dockerfile", f'# syntax={frontend}\nFROM {debian}\nADD app.sh /app.sh\nCMD ["/app.sh"]\n')
        service(repo, "b/Dockerfile", f'FROM {debian}\nADD app.sh /app.sh\nCMD ["/app.sh"]\n')
        code, document = fix_verify(capsys, repo, "--offline")  # hardenbot itself asks no registry
        assert code == 0
        item = verification(document, "a/Dockerfile")
        assert (item["verdict"], item["builds"]) == ("not verified", 0)
        assert item["reason"] == f"frontend {frontend} is not on verify.frontends"
        assert verification(document, "b/Dockerfile")["verdict"] == "verified"
        assert requests_seen == []
        # What the check prevents: the same file built as it was, which the engine fetches for.
        assert buildkit_build(engine, repo / "a").returncode != 0
        assert requests_seen
    finally:
        server.shutdown()


def test_a_file_that_sleeps_whenever_edited_costs_its_file_deadline(engine, tmp_path, capsys):
    # Every edit is above the sleep, so every build but the first pays it again. The original
    # fits the file's 6 s; the hardened build is cut when they are spent, and its edits are
    # dropped as not proven in time (they were kept, and cost one more build per rule).
    write(tmp_path, ".github/hardenbot.yml", "verify:\n  file-deadline: 6\n")
    started = time.monotonic()
    item, document, dockerfile = verify_service(
        capsys, tmp_path, f'FROM {engine.images.debian}\nADD app.sh /app.sh\nRUN sleep 4\nCMD ["/app.sh"]\n')
    assert time.monotonic() - started < 30
    assert (item["verdict"], item["before"]["state"]) == ("edits dropped", "built")
    assert item["reason"].endswith("not proven in time: the verify deadline (verify.file-deadline, 6 s) was reached")
    assert dockerfile.read_text() == f'FROM {engine.images.debian}\nADD app.sh /app.sh\nRUN sleep 4\nCMD ["/app.sh"]\n'
    assert all("not proven in time" in f["message"] for f in file_entry(document)["needs_a_person"]
               if f["message"].startswith("not changed"))
    deadline = time.monotonic() + 10
    while any("sleep 4" in line for line in engine.daemon.descendants()) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [line for line in engine.daemon.descendants() if "sleep 4" in line]


def test_build_cache_the_run_wrote_is_removed_and_the_users_is_kept(engine, tmp_path, capsys):
    # The user's own build, before the run: its cache must stay.
    users = write(tmp_path, "user/Dockerfile", f"FROM {engine.images.debian}\nRUN head -c 20000000 /dev/urandom > /u\n")
    built = buildkit_build(engine, users.parent)
    assert built.returncode == 0, built.stderr
    image = built.stdout.strip()
    engine.daemon.docker("image", "rm", image)
    before = cache_records(engine)
    assert sum(before.values()) >= 20e6
    item, _, _ = verify_service(
        capsys, tmp_path / "repo", f"FROM {engine.images.debian}\nADD app.sh /app.sh\n"
                                   "RUN head -c 200000000 /dev/urandom > /big\n"
                                   "RUN --mount=type=cache,target=/c head -c 50000000 /dev/urandom > /c/x\n"
                                   'CMD ["/app.sh"]\n')
    assert item["verdict"] == "verified" and item["after"]["image"]["size"] > 200e6
    after = cache_records(engine)
    assert set(before) <= set(after)  # nothing the user had is gone
    assert sum(after.values()) - sum(before.values()) < 5e6  # was 250 MB more
    assert engine.daemon.image_ids() == engine.images.ids


# -- no engine: these run everywhere ------------------------------------------------------
NO_ENGINE_FILE = "FROM debian:bookworm-slim\nUSER 65534\nADD app.sh /app.sh\n"


@pytest.fixture
def no_engine(monkeypatch, tmp_path):
    """A repository with one fixable Dockerfile, and docker pointed at a socket that does not
    exist (through Debian's client, and whatever `docker` is on PATH)."""
    monkeypatch.delenv("DOCKER_CONTEXT", raising=False)
    monkeypatch.setenv("DOCKER_HOST", "unix:///nonexistent/hardenbot-test/docker.sock")
    monkeypatch.setenv("HARDENBOT_DOCKER", "/usr/bin/docker")
    return write(tmp_path, "Dockerfile", NO_ENGINE_FILE)


def test_verify_true_without_an_engine_exits_2_with_one_line(no_engine, capsys):
    assert main(["fix", "--offline", "--verify", "true", str(no_engine.parent)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("hardenbot: --verify: ") and err.count("\n") == 1
    assert no_engine.read_text() == NO_ENGINE_FILE  # nothing is fixed unproven when proof was demanded


def test_verify_auto_without_an_engine_fixes_and_says_why(no_engine, capsys):
    assert main(["fix", "--offline", "--verify", "auto", "--format", "json", str(no_engine.parent)]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["verify_note"].startswith("no Docker engine to build with (")
    assert document["verification"] == []
    assert no_engine.read_text() == "FROM debian:bookworm-slim\nUSER 65534\nCOPY app.sh /app.sh\n"


def test_bare_verify_before_the_path_does_not_take_the_path_for_its_value(no_engine, capsys):
    # `hardenbot fix --verify .`: --verify alone is true, so with no engine the run stops.
    assert main(["fix", "--offline", "--verify", str(no_engine.parent)]) == 2
    assert capsys.readouterr().err.startswith("hardenbot: --verify: ")
