"""What verifying builds and how: the mode, the `verify:` settings, a start check's
specification and each changed Dockerfile's build plan. Apart from the results
(`bot.model.verification`), so that `check`, which builds nothing, loads only these."""
from __future__ import annotations

from enum import StrEnum

from bot.record import record


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


@record
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


@record
class StartSpec:
    """How a start check runs an image: configured per file (`verify.start.files`), or the
    defaults."""
    command: tuple[str, ...] | None = None  # in place of the image's CMD (its ENTRYPOINT kept); None: its own
    seconds: float | None = None  # the start period; None: verify.start.seconds
    expect_exit: int = 0  # an exit with this code within the start period counts as started
    skip: str = ""  # why not to run it at all (configured, or what a compose service needs)


@record
class BuildPlan:
    """How a changed Dockerfile is built: its context and the stage, as compose or the file's
    own folder say."""
    path: str  # the Dockerfile, repository-relative
    context: str  # the build context folder, repository-relative
    target: str | None = None
    service: str = ""  # the compose service that builds it ("compose.yaml service api"), if one does
    # What that service needs that a start check cannot give it ("depends_on db", "links cache" …).
    needs: tuple[str, ...] = ()
