"""The start check: what a container running a built image's own command does within its start
period, judged from what the engine says of it (`docker container inspect`'s State).

Why these conditions: the container gets what the runner can give every image alike, and
nothing of the runner's: no network, no environment (the engine's client passes none), no
mounts, and bounds on memory, CPU and processes, so a hostile command costs a start period and
no more. Its file system is left writable, as `docker run` leaves it: `--read-only` would make
the original and the hardened image fail alike on their first write, and the check could no
longer see an edit (a USER that may not write where the command writes) turn a start into a
failure. Both images run under the same conditions; only the difference is judged.

A HEALTHCHECK's own interval (Docker's default is 30 s) would leave the verdict minutes away:
the check container keeps the image's test, timeout and retries, and probes every second from
the start, its failures not counting during the start period; it is judged healthy at the
first passing probe, and unhealthy when the engine says so or HEALTH_MARGIN after the period.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from bot.model.text import escape_controls, excerpt
from bot.model.verification import StartCheck, StartState
from bot.model.verify_settings import BuildPlan, StartSpec, VerifySettings
from bot.record import record
from bot.sources.globs import glob_matches

NAME_PREFIX = "hardenbot-start-"
LABEL = "hardenbot.check=start"  # so that a person can find (and remove) one an interrupted run left
MEMORY = "1g"  # memory and swap together: a start that needs more fails before and after alike
CPUS = "1"
PIDS = "256"
HEALTH_MARGIN = 5.0  # seconds past the start period for a health check's failing probes to count
POLL_SECONDS = 0.5
DETAIL_LIMIT = 300
# What the docker CLI adds around the engine's own message.
_CLIENT_NOISE = ("docker: Error response from daemon: ", "Error response from daemon: ")
_CLIENT_LOG = re.compile(r'time="[^"]*" level=\w+ ')


@record
class StartRequest:
    """A start check to make: the image, how (seconds filled in), and whether the image
    declares a HEALTHCHECK."""
    image_id: str
    spec: StartSpec
    healthcheck: bool

    @property
    def seconds(self) -> float:
        return self.spec.seconds if self.spec.seconds is not None else 0.0

    @property
    def limit(self) -> float:
        """The longest the check may wait once the container runs."""
        return self.seconds + (HEALTH_MARGIN if self.healthcheck else 0.0)


def start_spec(settings: VerifySettings, plan: BuildPlan) -> StartSpec:
    """How the file's images are started: its `verify.start.files` entry (the first whose glob
    matches; a compose service is named by the Dockerfile it builds), else skipped when the
    compose service that builds it needs another service or host, else the image's own
    command. A person's entry wins over what compose says: it tells how the image starts alone."""
    for pattern, spec in settings.start:
        if glob_matches(pattern, plan.path):
            return replace(spec, seconds=spec.seconds if spec.seconds is not None else settings.start_seconds)
    if plan.needs:
        return StartSpec(skip=f"{plan.service} needs {', '.join(plan.needs)}, which a container without "
                              "network cannot reach")
    return StartSpec(seconds=settings.start_seconds)


def run_args(name: str, request: StartRequest) -> list[str]:
    """`docker run` arguments for the check's container, detached: the image's own entrypoint,
    and its CMD unless the configuration names a command."""
    args = ["run", "--detach", "--name", name, "--label", LABEL, "--network", "none",
            "--memory", MEMORY, "--memory-swap", MEMORY, "--cpus", CPUS, "--pids-limit", PIDS,
            # The engine's log of the container is read for its last line, and bounded.
            "--log-driver", "json-file", "--log-opt", "max-size=1m", "--log-opt", "max-file=1"]
    if request.healthcheck:
        args += ["--health-interval", "1s", "--health-start-period", f"{max(request.seconds, 1):g}s"]
    return [*args, request.image_id, *(request.spec.command or ())]


def judge(state: dict[str, Any], elapsed: float, request: StartRequest) -> tuple[StartState, str] | None:
    """(state, what it rests on) once the container's State decides the check; None: wait on.
    `elapsed`: seconds since the container started."""
    status = state.get("Status")
    if status in ("exited", "dead"):
        code = state.get("ExitCode")
        if state.get("OOMKilled"):
            return StartState.FAILED, f"exit code {code}: out of memory (the check allows {MEMORY})"
        if code != request.spec.expect_exit:
            return StartState.FAILED, f"exit code {code}"
        if request.healthcheck:
            return StartState.UNHEALTHY, f"exit code {code} before its health check passed"
        return StartState.EXITED, f"exit code {code}"
    if request.healthcheck:
        health = state.get("Health") or {}
        said = _probe_output(health)
        if health.get("Status") == "healthy":
            return StartState.HEALTHY, f"healthy after {elapsed:.1f} s"
        if health.get("Status") == "unhealthy":
            return StartState.UNHEALTHY, "its health check failed" + (f": {said}" if said else "")
        if elapsed >= request.limit:
            return StartState.UNHEALTHY, f"not healthy within {request.limit:g} s" + (f": {said}" if said else "")
        return None
    if elapsed >= request.seconds:
        return StartState.RUNNING, f"still running after {request.seconds:g} s"
    return None


def _probe_output(health: dict[str, Any]) -> str:
    log = health.get("Log") or []
    last = log[-1] if log and isinstance(log[-1], dict) else {}
    return last_line(str(last.get("Output") or ""))


def last_line(text: str) -> str:
    """The last line with something on it, without the docker CLI's own framing: its usage
    hint, and its own log lines (`time="…" level=error msg="error waiting for container:
    context canceled"`, which follows the engine's reason when a container cannot start)."""
    lines = [line.strip() for line in text.splitlines()
             if line.strip() and not line.startswith("See 'docker") and not _CLIENT_LOG.match(line)]
    if not lines:
        return ""
    line = lines[-1]
    for noise in _CLIENT_NOISE:
        line = line.removeprefix(noise)
    return line


def check(state: StartState, detail: str, seconds: float, output: str = "") -> StartCheck:
    """The StartCheck, its detail one line of at most DETAIL_LIMIT characters: what decided it,
    and, unless a health check did, the last line the container printed (repository content:
    escaped, cut)."""
    said = last_line(output) if state in (StartState.RUNNING, StartState.EXITED, StartState.FAILED) else ""
    if said and said not in detail:
        detail = f"{detail}: {said}" if state is not StartState.RUNNING else f"{detail}; last output: {said}"
    return StartCheck(state, excerpt(escape_controls(detail), DETAIL_LIMIT), round(seconds, 2))
