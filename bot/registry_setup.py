"""How both entry points (`hardenbot check|fix` and the pull request flow) reach registries:
credentials read from the environment and docker's config file, and the resolver a run asks
for digests. The only place that reads registry credentials; they never leave the client."""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from bot.errors import HardenbotError
from bot.registry.budget import RUN_DEADLINE
from bot.registry.client import Credential, RegistryClient
from bot.registry.credentials import parse_docker_config
from bot.registry.resolver import resolve_all
from bot.run import Resolver


def registry_credentials(environ: Mapping[str, str]) -> dict[str, Credential]:
    """Credentials for registries: docker's config.json (in $DOCKER_CONFIG or ~/.docker),
    then $DOCKER_AUTH_CONFIG (the same JSON, as CI systems pass it), then $GITHUB_TOKEN for
    ghcr.io when nothing else names ghcr.io."""
    credentials: dict[str, Credential] = {}
    folder = Path(environ["DOCKER_CONFIG"]) if environ.get("DOCKER_CONFIG") else Path.home() / ".docker"
    config_file = folder / "config.json"
    if config_file.is_file():
        credentials.update(parse_docker_config(config_file.read_text(encoding="utf-8"), str(config_file)))
    if environ.get("DOCKER_AUTH_CONFIG"):
        credentials.update(parse_docker_config(environ["DOCKER_AUTH_CONFIG"], "$DOCKER_AUTH_CONFIG"))
    if environ.get("GITHUB_TOKEN") and "ghcr.io" not in credentials:
        credentials["ghcr.io"] = Credential(environ.get("GITHUB_ACTOR") or "x-access-token", environ["GITHUB_TOKEN"].strip())
    return credentials


def make_resolver(credentials: dict[str, Credential], workers: int, deadline: float = RUN_DEADLINE) -> Resolver:
    """Every lookup of a run goes through one client: one token per repository, `workers` at
    once, `deadline` seconds for them all."""
    if workers < 1:
        raise HardenbotError("--workers must be at least 1")
    client = RegistryClient(credentials, deadline=deadline)
    return lambda refs: resolve_all(refs, client, workers)
