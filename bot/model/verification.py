"""What building a changed Dockerfile before and after hardening showed: each build's result
and the facts read off its image, and the verdict on the file's edits. What to build and how
(the settings, each file's plan) is `bot.model.verify_settings`: a command that builds nothing
needs it without these."""
from __future__ import annotations

from enum import StrEnum

from bot.model.policies import Inventory
from bot.record import record


class BuildState(StrEnum):
    BUILT = "built"
    FAILED = "failed"
    TIMED_OUT = "timed out"


class StartState(StrEnum):
    """What a container running the image's own command did within its start period."""
    RUNNING = "running"  # still running when the start period ended
    EXITED = "exited as expected"  # exited with the expected code (0 unless configured)
    HEALTHY = "healthy"  # it declares a HEALTHCHECK, and became healthy
    UNHEALTHY = "unhealthy"  # it declares a HEALTHCHECK, and did not become healthy in time
    FAILED = "failed"  # exited with another code, or the engine could not start it
    SKIPPED = "skipped"  # not tried: the image needs what the runner cannot give (detail says what)


@record
class StartCheck:
    state: StartState
    detail: str = ""  # one line: the exit code and the last line it printed; why it was skipped
    seconds: float = 0.0

    @property
    def started(self) -> bool:
        return self.state in (StartState.RUNNING, StartState.EXITED, StartState.HEALTHY)


@record
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


@record
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


@record
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
