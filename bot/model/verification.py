"""What building a changed Dockerfile before and after hardening showed: each build's result
and the facts read off its image, and the verdict on the file's edits."""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.model.policies import Inventory


class VerifyMode(StrEnum):
    """Whether to build: `auto` when an engine answers, `true` always (no engine fails the
    run), `false` never."""
    AUTO = "auto"
    ON = "true"
    OFF = "false"

    @classmethod
    def parse(cls, text: str) -> VerifyMode:
        value = text.strip().lower()
        aliases = {"on": "true", "yes": "true", "1": "true", "off": "false", "no": "false", "0": "false"}
        value = aliases.get(value, value)
        try:
            return cls(value)
        except ValueError:
            raise ValueError(f"verify must be auto, true or false, not {text!r}") from None


@dataclass(frozen=True)
class VerifySettings:
    """The `verify:` part of the configuration, and the command line's bounds."""
    network: bool = False  # False: every build gets `--network none`
    timeout: float = 600.0  # seconds per build
    max_images: int = 20  # Dockerfiles verified per run; the rest are listed as skipped
    jobs: int = 2  # builds at once
    deadline: float = 1800.0  # seconds for the whole run's builds, probes and searches
    file_deadline: float | None = None  # seconds for one file's; None: three builds' time limit
    # Images a `# syntax=` line may name (registry/repository): a frontend runs inside the
    # engine, with its network, whatever --network says.
    frontends: tuple[str, ...] = ("docker.io/docker/dockerfile",)
    start_seconds: float = 10.0  # verify.start.seconds: the start period of a start check
    # verify.start.files: (Dockerfile path glob, how to start it), first match wins.
    start: tuple[tuple[str, StartSpec], ...] = ()

    @property
    def file_seconds(self) -> float:
        return self.file_deadline if self.file_deadline is not None else 3 * self.timeout


class BuildState(StrEnum):
    BUILT = "built"
    FAILED = "failed"
    TIMED_OUT = "timed out"


@dataclass(frozen=True)
class StartSpec:
    """How a start check runs an image: configured per file (`verify.start.files`), or the
    defaults."""
    command: tuple[str, ...] | None = None  # in place of the image's CMD (its ENTRYPOINT kept); None: its own
    seconds: float | None = None  # the start period; None: verify.start.seconds
    expect_exit: int = 0  # an exit with this code within the start period counts as started
    skip: str = ""  # why not to run it at all (configured, or what a compose service needs)


class StartState(StrEnum):
    """What a container running the image's own command did within its start period."""
    RUNNING = "running"  # still running when the start period ended
    EXITED = "exited as expected"  # exited with the expected code (0 unless configured)
    HEALTHY = "healthy"  # it declares a HEALTHCHECK, and became healthy
    UNHEALTHY = "unhealthy"  # it declares a HEALTHCHECK, and did not become healthy in time
    FAILED = "failed"  # exited with another code, or the engine could not start it
    SKIPPED = "skipped"  # not tried: the image needs what the runner cannot give (detail says what)


@dataclass(frozen=True)
class StartCheck:
    state: StartState
    detail: str = ""  # one line: the exit code and the last line it printed; why it was skipped
    seconds: float = 0.0

    @property
    def started(self) -> bool:
        return self.state in (StartState.RUNNING, StartState.EXITED, StartState.HEALTHY)


@dataclass(frozen=True)
class ImageFacts:
    """Read off a built image (`docker image inspect`) and a container started from it."""
    size: int  # bytes
    layers: int
    user: str  # Config.User; "" when the image sets none (root)
    uid: int | None  # what `id -u` printed in a container; None: it could not run there
    workdir: str  # Config.WorkingDir; "" is /
    workdir_writable: bool | None  # None: could not be tested (no `test` in the image)
    healthcheck: bool  # a HEALTHCHECK other than NONE is declared
    start_error: str = ""  # why a container of it did not start (`unable to find user app` …)
    start: StartCheck | None = None  # its own command, run: None when not tried

    @property
    def starts(self) -> bool:
        """Nothing showed that it does not start: the engine could start a container of it, and
        its own command started, or was not tried (no start check, or skipped)."""
        return not self.start_error and (self.start is None or self.start.started
                                         or self.start.state is StartState.SKIPPED)


@dataclass(frozen=True)
class Build:
    state: BuildState
    seconds: float
    image: ImageFacts | None = None  # when built
    log_tail: tuple[str, ...] = ()  # the failing step's last lines, when it failed
    steps: int = 0  # instructions the builder ran or took from its cache
    cached: int = 0  # … of which came from the cache
    inventory: Inventory | None = None  # the packages installed in the image, when read before its removal

    @property
    def built(self) -> bool:
        return self.state is BuildState.BUILT

    def failure(self) -> str:
        """One line: why the build failed, or why its container did not start."""
        if self.built and self.image is not None:
            if self.image.start_error:
                return f"a container of it did not start ({self.image.start_error})"
            if self.image.start is not None and not self.image.start.started:
                return f"its container did not start ({self.image.start.state.value}: {self.image.start.detail})"
        if self.state is BuildState.TIMED_OUT:
            return f"did not finish within {self.seconds:.0f} s"
        if not self.log_tail:
            return "the build failed"
        if len(self.log_tail) > 1 and self.log_tail[-1].startswith("exit code "):
            return f"{self.log_tail[-2]}, {self.log_tail[-1]}"
        return self.log_tail[-1]


class Verdict(StrEnum):
    VERIFIED = "verified"  # the original and the hardened file both built; both inspected
    EDITS_DROPPED = "edits dropped"  # the hardened file did not build: the edits to blame were dropped
    NOT_VERIFIED = "not verified"  # the original does not build here either: edits kept, unproven
    SKIPPED = "skipped"  # beyond verify-max-images, or no build context


@dataclass(frozen=True)
class Verification:
    path: str  # the Dockerfile, repository-relative
    context: str  # the build context, repository-relative ("." is the root)
    target: str | None  # the stage built (compose `target:`), None: the last
    verdict: Verdict
    before: Build | None = None
    after: Build | None = None  # the hardened file as proposed (after any dropped edits)
    dropped: tuple[str, ...] = ()  # rule codes whose edits were dropped
    failed: Build | None = None  # the hardened build that failed, when edits were dropped
    reason: str = ""  # one line, for not verified or skipped
    builds: int = 0  # builds made for this file, the search for the edits to blame included
    unproven: tuple[tuple[str, str], ...] = ()  # proven fixes dropped: (rule code, why the proof failed)


@dataclass(frozen=True)
class BuildPlan:
    """How a changed Dockerfile is built: its context and the stage, as compose or the file's
    own folder say."""
    path: str  # the Dockerfile, repository-relative
    context: str  # the build context folder, repository-relative
    target: str | None = None
    service: str = ""  # the compose service that builds it ("compose.yaml service api"), if one does
    # What that service needs that a start check cannot give it ("depends_on db", "links cache" …).
    needs: tuple[str, ...] = ()
