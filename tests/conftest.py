from __future__ import annotations

import os
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_cases() -> list[Path]:
    return sorted(FIXTURES.glob("*/*.in.Dockerfile"))


@pytest.fixture
def tmp_repo(tmp_path: Path) -> Path:
    return tmp_path


def _require_registry() -> None:
    from tests.servers import registry_binary

    if registry_binary() is None:
        message = "docker-registry is not installed: apt-get install docker-registry (.ci/run does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


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
