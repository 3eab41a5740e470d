"""The Docker engine, through the `docker` command line: BuildKit builds, image inspection,
two short-lived probe containers per image, and the start check's containers (`start.py`).

Why the CLI for everything: the Docker SDK for Python cannot drive BuildKit, so builds need
the CLI anyway; using it for inspect and run too means one way of reaching the engine
(DOCKER_HOST, contexts, the runner's socket) and no second client to keep in step. Every call
is an argument list (never a shell), with a time limit, in an environment that carries the
engine's settings and nothing else (no token reaches a build or a container).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import uuid
from collections.abc import Mapping
from pathlib import Path
from time import monotonic

from bot.errors import HardenbotError
from bot.inventory import inventory_from_files, wanted
from bot.inventory.layers import ImageArchiveError, files_from_stream
from bot.model.policies import Inventory
from bot.model.verification import Build, BuildState, ImageFacts, StartCheck, StartState
from bot.record import record
from bot.verify.start import NAME_PREFIX, POLL_SECONDS, StartRequest, check, judge, last_line, run_args

BUILD_NAME = "hardenbot-verify"  # the repository of the names builds give their images
PROBE_SECONDS = 30  # a probe container runs `id -u` or `test -w .`: seconds at most
ENGINE_SECONDS = 20  # to answer `docker version`
EXPORT_SECONDS = 300  # to stream an image's file system out for its inventory
DOCKER_RUN_FAILED = 125  # `docker run`: the engine could not create or start the container
PRUNE_BATCH = 100  # build cache records removed per `docker builder prune`
_CACHE_ID = re.compile(r"[a-z0-9]{1,64}")  # BuildKit's record ids: nothing a regular expression reads as syntax
LOG_TAIL = 6  # lines of a failed step's output kept for the report
# What the docker CLI reads from the environment; nothing else is passed on.
_ENV_KEEP = ("PATH", "HOME", "TMPDIR", "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME")
_STEP = re.compile(r"^#(\d+) \[(?:[^\]]*\s)?\d+/\d+\] (\S+)")
_CACHED = re.compile(r"^#(\d+) CACHED\s*$")
_ERROR = re.compile(r"^#(\d+) ERROR: (.*)$")
_EXIT_CODE = re.compile(r"exit code: (\d+)\s*$")
_OUTPUT = re.compile(r"^#(\d+) \d+\.\d+ (.*)$")


class EngineUnavailable(HardenbotError):
    """No Docker engine that can make BuildKit builds answers here."""


class StartInterrupted(EngineUnavailable):
    """The run is being stopped: the start checks under way end now, their containers removed."""


@record
class BuildResult:
    build: Build  # without image facts: those come from inspect()
    image_id: str | None  # when built: a name of this build's own for its image (what the engine calls it by)


def engine_environment(environ: Mapping[str, str]) -> dict[str, str]:
    """The engine's settings (DOCKER_HOST, DOCKER_CONFIG, DOCKER_CONTEXT …) and the basics a
    command needs; BuildKit on. Tokens and the rest of the environment stay out."""
    env = {key: value for key, value in environ.items() if key.startswith("DOCKER_") or key in _ENV_KEEP}
    env["DOCKER_BUILDKIT"] = "1"
    env.pop("DOCKER_BUILDKIT_PROGRESS", None)
    return env


class DockerEngine:
    def __init__(self, client: str, environ: Mapping[str, str]):
        self.client = client
        self.env = engine_environment(environ)
        self.interrupted = threading.Event()

    @classmethod
    def find(cls, environ: Mapping[str, str]) -> DockerEngine:
        """The first `docker` client that reaches an engine and can make BuildKit builds:
        $HARDENBOT_DOCKER, then `docker` on PATH, then Debian's /usr/bin/docker. A client
        from Docker 23 on needs its buildx plugin for BuildKit; an older one builds with
        DOCKER_BUILDKIT=1 alone."""
        candidates = [environ.get("HARDENBOT_DOCKER", ""), shutil.which("docker", path=environ.get("PATH")) or "",
                      "/usr/bin/docker"]
        reasons = []
        for client in dict.fromkeys(c for c in candidates if c):
            if not os.access(client, os.X_OK):
                continue
            engine = cls(client, environ)
            reason = engine._unusable_because()
            if reason is None:
                return engine
            reasons.append(f"{client}: {reason}")
        if not reasons:
            raise EngineUnavailable("no docker command found (install the Docker CLI, or set HARDENBOT_DOCKER)")
        raise EngineUnavailable("; ".join(reasons))

    def _unusable_because(self) -> str | None:
        try:
            done = self._run(["version", "--format", "{{.Client.Version}}|{{.Server.Version}}"], ENGINE_SECONDS)
        except subprocess.TimeoutExpired:
            return f"the engine did not answer within {ENGINE_SECONDS} s"
        client_version, _, server_version = done.stdout.strip().partition("|")
        if done.returncode != 0 or not server_version:
            return "no Docker engine answers: " + _last_line(done.stderr, "docker version failed")
        major = re.match(r"(\d+)", client_version)
        if major and int(major.group(1)) < 23:
            return None
        try:
            buildx = self._run(["buildx", "version"], ENGINE_SECONDS)
        except subprocess.TimeoutExpired:
            return "`docker buildx version` did not answer"
        if buildx.returncode != 0:
            return f"client {client_version} has no buildx plugin, which its BuildKit builds need"
        return None

    def _run(self, args: list[str], seconds: float) -> subprocess.CompletedProcess[str]:
        return subprocess.run([self.client, *args], env=self.env, capture_output=True, text=True,
                              timeout=seconds, stdin=subprocess.DEVNULL, check=False)

    def build(self, text: str, dockerfile: Path, context: Path, target: str | None, *, network: bool,
              timeout: float, ignore: bytes | None = None) -> BuildResult:
        """Build `text` as if it were the file `dockerfile`, in `context`. The text is written
        to a scratch folder, under the file's own name, beside `ignore` as its
        `<name>.dockerignore` when given, so the repository is never written to and nothing
        beside the Dockerfile is read from it here (the caller reads the dockerignore,
        from inside the repository only)."""
        with tempfile.TemporaryDirectory(prefix="hardenbot-build-") as scratch:
            folder = Path(scratch)
            file = folder / dockerfile.name
            file.write_text(text, encoding="utf-8", newline="")
            if ignore is not None:
                (folder / f"{dockerfile.name}.dockerignore").write_bytes(ignore)
            iid = folder / "image-id"
            # A name of this build's own: two files that build the same image get the same ID,
            # and removing it by ID when one is done would pull it from under the other. Removed
            # by name, the engine drops only that name, and the image with its last name.
            name = f"{BUILD_NAME}:{uuid.uuid4().hex[:16]}"
            args = ["build", "--progress", "plain", "--iidfile", str(iid), "-t", name, "-f", str(file)]
            if not network:
                args += ["--network", "none"]
            if target:
                args += ["--target", target]
            args.append(str(context))
            started = monotonic()
            output, code = self._run_limited(args, timeout)
            seconds = monotonic() - started
            if code is None:
                return BuildResult(Build(BuildState.TIMED_OUT, timeout, log_tail=_tail(output)), None)
            steps, cached = _step_counts(output)
            image_id = iid.read_text(encoding="utf-8").strip() if iid.is_file() else ""
            if code != 0 or not image_id:
                return BuildResult(Build(BuildState.FAILED, seconds, log_tail=_tail(output), steps=steps,
                                         cached=cached), None)
            return BuildResult(Build(BuildState.BUILT, seconds, steps=steps, cached=cached), name)

    def _run_limited(self, args: list[str], timeout: float) -> tuple[str, int | None]:
        """(output, exit code); the code is None when the time limit stopped it. The client
        runs in its own process group, so stopping it stops everything it started; BuildKit
        cancels a build whose client has gone."""
        process = subprocess.Popen([self.client, *args], env=self.env, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, text=True,
                                   errors="replace", start_new_session=True)
        try:
            output, _ = process.communicate(timeout=timeout)
            return output, process.returncode
        except subprocess.TimeoutExpired:
            _stop(process)
            output, _ = process.communicate()
            return output or "", None

    def inspect(self, image_id: str, probe_seconds: float = PROBE_SECONDS) -> ImageFacts:
        """Size, layers and configuration of the image, and what two containers started from
        it (no network, entrypoint replaced, a short time limit) say: the UID it really runs
        as, and whether that user may write to its working folder."""
        try:
            done = self._run(["image", "inspect", image_id], ENGINE_SECONDS)
            data = json.loads(done.stdout)[0] if done.returncode == 0 else None
        except (subprocess.TimeoutExpired, ValueError, IndexError):
            data = None
        if not isinstance(data, dict):
            raise EngineUnavailable(f"cannot inspect image {image_id}: the engine gave no answer it could read")
        config = data.get("Config") or {}
        health = (config.get("Healthcheck") or {}).get("Test") or []
        # The image chooses what `id` and `test` do: each probe has its own time limit.
        uid_code, uid_out = self._probe(image_id, ["id", "-u"], probe_seconds)
        uid = int(uid_out.strip()) if uid_code == 0 and uid_out.strip().isdigit() else None
        writable_code, _ = self._probe(image_id, ["test", "-w", "."], probe_seconds)
        return ImageFacts(
            size=int(data.get("Size") or 0),
            layers=len((data.get("RootFS") or {}).get("Layers") or []),
            user=config.get("User") or "",
            uid=uid,
            workdir=config.get("WorkingDir") or "",
            workdir_writable={0: True, 1: False}.get(writable_code),
            healthcheck=bool(health) and health[0] != "NONE",
            # 125: the engine could not start the container at all (an unknown USER …); 126 and
            # 127 only say the image has no `id`.
            start_error=(last_line(uid_out) or "the container did not start") if uid_code == DOCKER_RUN_FAILED else "",
        )

    def _probe(self, image_id: str, command: list[str], seconds: float) -> tuple[int | None, str]:
        """Run `command` as the image's own user, in place of its entrypoint."""
        name = f"hardenbot-probe-{uuid.uuid4().hex[:12]}"
        args = ["run", "--rm", "--name", name, "--network", "none", "--entrypoint", command[0], image_id,
                *command[1:]]
        output, code = self._run_limited(args, seconds)
        if code is None:
            self._run(["rm", "--force", name], ENGINE_SECONDS)
        return code, output

    def start(self, requests: list[StartRequest]) -> list[StartCheck]:
        """Each request's start check. Their containers are started one after the other and
        waited for together, so checking two images costs one start period; every one is
        removed, with its anonymous volumes, whatever happens. EngineUnavailable when the
        engine stops answering (StartInterrupted when `interrupt()` was called)."""
        names = [f"{NAME_PREFIX}{uuid.uuid4().hex[:12]}" for _ in requests]
        try:
            return self._started(names, requests)
        finally:
            try:
                self._run(["rm", "--force", "--volumes", *names], ENGINE_SECONDS * 3)
            except subprocess.TimeoutExpired:
                pass  # the engine is failing; the error already raised, if any, says more

    def interrupt(self) -> None:
        """End the start checks under way now (the run is being stopped)."""
        self.interrupted.set()

    def _started(self, names: list[str], requests: list[StartRequest]) -> list[StartCheck]:
        began: dict[int, float] = {}
        decided: dict[int, StartCheck] = {}
        for index, (name, request) in enumerate(zip(names, requests, strict=True)):
            if self.interrupted.is_set():
                raise StartInterrupted("interrupted")
            before = monotonic()
            done = self._engine_call(run_args(name, request))
            if done.returncode != 0:
                self._require_engine()
                why = last_line(done.stderr) or f"docker run exited {done.returncode}"
                decided[index] = check(StartState.FAILED, f"the engine could not start it: {why}",
                                       monotonic() - before)
            else:
                began[index] = monotonic()
        while len(decided) < len(requests):
            waiting = [index for index in range(len(requests)) if index not in decided]
            states = self._states([names[index] for index in waiting])
            now = monotonic()
            for index in waiting:
                state = states.get(names[index])
                if state is None:
                    self._require_engine()
                    decided[index] = check(StartState.FAILED, "the container disappeared", now - began[index])
                    continue
                verdict = judge(state, now - began[index], requests[index])
                if verdict is not None:
                    output, _ = self._run_limited(["logs", "--tail", "20", names[index]], ENGINE_SECONDS)
                    decided[index] = check(*verdict, now - began[index], output)
            if len(decided) < len(requests) and self.interrupted.wait(POLL_SECONDS):
                raise StartInterrupted("interrupted")
        return [decided[index] for index in range(len(requests))]

    def _engine_call(self, args: list[str]) -> subprocess.CompletedProcess[str]:
        try:
            return self._run(args, ENGINE_SECONDS)
        except subprocess.TimeoutExpired:
            raise EngineUnavailable(f"`docker {args[0]}` did not answer within {ENGINE_SECONDS} s") from None

    def _require_engine(self) -> None:
        """EngineUnavailable unless the engine still answers: a failing call is then the
        container's doing, not the engine's."""
        done = self._engine_call(["version", "--format", "{{.Server.Version}}"])
        if done.returncode != 0 or not done.stdout.strip():
            raise EngineUnavailable("the engine stopped answering: " + _last_line(done.stderr, "docker version failed"))

    def _states(self, names: list[str]) -> dict[str, dict]:
        """Container name → its State, for those the engine knows."""
        done = self._engine_call(["container", "inspect", *names])
        try:
            found = json.loads(done.stdout or "[]")
        except ValueError:
            found = []
        return {str(item.get("Name", "")).lstrip("/"): item.get("State") or {}
                for item in found if isinstance(item, dict)}

    def inventory(self, image_id: str) -> Inventory:
        """The packages installed in the image. Its file system is exported from a container
        that is created and never started, and read as one stream, keeping only the package
        databases and metadata (`bot.inventory.wanted`): nothing is unpacked to disk."""
        name = f"hardenbot-inventory-{uuid.uuid4().hex[:12]}"
        # An entrypoint is named so that an image with neither CMD nor ENTRYPOINT can be created;
        # it is never run.
        created = self._run(["create", "--name", name, "--network", "none", "--entrypoint", "true", image_id],
                            ENGINE_SECONDS)
        if created.returncode != 0:
            return Inventory(error="could not read its packages: " + _last_line(created.stderr, "docker create failed"))
        try:
            return self._export_inventory(name, f"image {image_id.rpartition(':')[2][:12]}")
        finally:
            self._run(["rm", "--force", name], ENGINE_SECONDS)

    def _export_inventory(self, container: str, image: str) -> Inventory:
        with tempfile.TemporaryFile() as errors:
            process = subprocess.Popen([self.client, "export", container], env=self.env, stdout=subprocess.PIPE,
                                       stderr=errors, stdin=subprocess.DEVNULL, start_new_session=True)
            limit = threading.Timer(EXPORT_SECONDS, _stop, [process])
            limit.start()
            try:
                files = files_from_stream(process.stdout, wanted, image)
                failure = ""
            except ImageArchiveError as error:  # a bound passed: the export is stopped, not drained
                files, failure = {}, str(error)
                _stop(process)
            finally:
                limit.cancel()
                process.stdout.close()
                code = process.wait()
            if failure:
                return Inventory(error=f"could not read its packages: {failure}")
            if code != 0:
                errors.seek(0)
                said = _last_line(errors.read().decode(errors="replace"), f"exit code {code}")
                return Inventory(error=f"could not read its packages: {said}")
        try:
            return inventory_from_files(files, image=image)
        except ImageArchiveError as error:
            return Inventory(error=f"could not read its packages: {error}")

    def remove(self, image_ids: list[str]) -> None:
        if image_ids:
            try:
                # By name and without --force: the engine removes the name, and the image only
                # with its last name and when no container uses it.
                self._run(["image", "rm", *dict.fromkeys(image_ids)], ENGINE_SECONDS * 3)
            except subprocess.TimeoutExpired:
                pass  # left for the engine's own clean-up: it only costs disk


    def cache_records(self) -> frozenset[str] | None:
        """The ids of the engine's build cache records; None when it does not say."""
        try:
            done = self._run(["system", "df", "--verbose", "--format", "{{range .BuildCache}}{{.ID}}\n{{end}}"],
                             ENGINE_SECONDS * 3)
        except subprocess.TimeoutExpired:
            return None
        ids = done.stdout.split()
        if done.returncode != 0 or not all(_CACHE_ID.fullmatch(i) for i in ids):
            return None
        return frozenset(ids)

    def prune_cache(self, record_ids: frozenset[str]) -> None:
        """Remove these build cache records (those not in use). BuildKit's prune filter takes
        one `id` value, a regular expression, so the ids go in batches of alternatives."""
        ordered = sorted(record_ids)
        for start in range(0, len(ordered), PRUNE_BATCH):
            pattern = "^(" + "|".join(ordered[start:start + PRUNE_BATCH]) + ")$"
            try:
                self._run(["builder", "prune", "--force", "--filter", f"id={pattern}"], ENGINE_SECONDS * 3)
            except subprocess.TimeoutExpired:
                return  # left for the engine's own garbage collection


def _stop(process: subprocess.Popen) -> None:
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=5)
            return
        except subprocess.TimeoutExpired:
            continue


def _step_counts(output: str) -> tuple[int, int]:
    """(steps, cached): the build's instructions other than FROM, and how many came from the
    cache, read off BuildKit's plain progress output."""
    steps, cached = set(), set()
    for line in output.splitlines():
        step, hit = _STEP.match(line), _CACHED.match(line)
        if step and step.group(2).upper() != "FROM":
            steps.add(step.group(1))
        elif hit:
            cached.add(hit.group(1))
    return len(steps), len(cached & steps)


def _tail(output: str) -> tuple[str, ...]:
    """The failing step's last lines of output and its error; else the log's last lines."""
    lines = output.splitlines()
    failed = next((m.group(1) for m in map(_ERROR.match, reversed(lines)) if m), None)
    if failed is not None:
        said = [m.group(2) for m in map(_OUTPUT.match, lines) if m and m.group(1) == failed]
        error = next(m.group(2) for m in map(_ERROR.match, reversed(lines)) if m)
        # "executor failed running [the whole command]: exit code: 127": the command is in the
        # Dockerfile already; the exit code is what the reader needs.
        code = _EXIT_CODE.search(error)
        return tuple(line[:300] for line in [*said[-(LOG_TAIL - 1):], f"exit code {code.group(1)}" if code else error])
    meaningful = [line for line in lines if line.strip() and not line.startswith(("#", "------"))]
    return tuple(line[:300] for line in (meaningful or lines)[-LOG_TAIL:])


def _last_line(text: str, default: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:300] if lines else default
