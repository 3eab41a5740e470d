from __future__ import annotations

import contextlib
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.servers import BaseImages, DockerDaemon

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_cases() -> list[Path]:
    return sorted(FIXTURES.glob("*/*.in.Dockerfile"))


def yaml_fixture_cases() -> list[Path]:
    """Compose files (`<case>.in.compose.yaml`) and workflows (`<case>.in.workflow.yml`)."""
    return sorted([*FIXTURES.glob("*/*.in.compose.yaml"), *FIXTURES.glob("*/*.in.workflow.yml")])


@pytest.fixture(autouse=True)
def no_public_osv(monkeypatch, tmp_path_factory):
    """No test asks the public OSV API or writes to ~/.cache: runs that judge images find a
    closed port on 127.0.0.1 (OSV unreachable: the policies say "not evaluated") and a cache
    of their own. Tests of the OSV client give it their own HTTP layer."""
    monkeypatch.setenv("HARDENBOT_OSV_API", "http://127.0.0.1:9")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def tmp_repo(tmp_path: Path) -> Path:
    return tmp_path


def _unavailable(message: str) -> None:
    """A real server the tests need cannot run here: skipped on a developer's machine, a
    failure in CI (where .ci/run installs everything, so its absence is a broken setup)."""
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def _require_registry() -> None:
    from tests.servers import registry_binary

    if registry_binary() is None:
        _unavailable("docker-registry is not installed: apt-get install docker-registry (.ci/run does)")


@pytest.fixture(scope="session")
def registry(tmp_path_factory):
    """A real registry (Debian's docker-registry) on 127.0.0.1, anonymous access."""
    from tests.servers import RegistryServer

    _require_registry()
    with RegistryServer(tmp_path_factory.mktemp("registry")) as server:
        yield server


@pytest.fixture(scope="module")
def token_registry(tmp_path_factory):
    """A real registry behind token authentication, and its token service, which demands
    the username `ci` and password `registry-secret`."""
    from tests.servers import RegistryServer, TokenServer

    _require_registry()
    folder = tmp_path_factory.mktemp("token-registry")
    with TokenServer(folder, username="ci", password="registry-secret") as tokens:
        with RegistryServer(folder, tokens) as server:
            yield server


@dataclass(frozen=True)
class DockerEngine:
    """A private Docker engine and the base images pushed to the session's `registry`."""
    daemon: DockerDaemon
    images: BaseImages

    @property
    def environment(self) -> dict[str, str]:
        """For hardenbot: this engine (DOCKER_HOST), and Debian's client, which builds with
        BuildKit without a buildx plugin (HARDENBOT_DOCKER)."""
        return {**self.daemon.environment, "HARDENBOT_DOCKER": self.daemon.client}

    def use(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Point hardenbot, for one test, at this engine and nothing else."""
        monkeypatch.delenv("DOCKER_CONTEXT", raising=False)
        for key, value in self.environment.items():
            monkeypatch.setenv(key, value)


@pytest.fixture(scope="session")
def docker_engine(registry, tmp_path_factory):
    """A real dockerd (Debian's docker.io), started for the session and stopped after it, with
    two base images in the registry: `<registry>/debian:bookworm-slim` (Debian minbase) and
    `<registry>/ubuntu:22.04` (busybox only: no groupadd or useradd)."""
    from tests.servers import DockerDaemon, base_images, docker_engine_missing

    missing = docker_engine_missing()
    if missing:
        _unavailable(f"no Docker engine for the build tests: {missing}")
    with contextlib.ExitStack() as stack:
        try:
            daemon = stack.enter_context(DockerDaemon())
            images = base_images(daemon, registry, tmp_path_factory.mktemp("base-images"))
        except (RuntimeError, subprocess.TimeoutExpired) as error:
            _unavailable(f"no Docker engine for the build tests: {error}")
        yield DockerEngine(daemon, images)
