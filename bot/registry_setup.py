"""How both entry points (`hardenbot check|fix` and the pull request flow) reach registries:
credentials read from the environment and docker's config file, and the resolver a run asks
for digests. The only place that reads registry credentials; they never leave the client."""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from bot.errors import HardenbotError
from bot.model.advice import Advised, BaseImage
from bot.model.images import ImageRef
from bot.model.proof import VulnerabilityLookup
from bot.model.wanted_base import AdviceSettings, WantedBase
from bot.recommend.advisor import advise
from bot.registry.budget import RUN_DEADLINE
from bot.registry.client import Credential, RegistryClient
from bot.registry.credentials import parse_docker_config
from bot.registry.image_files import RegistryInventories
from bot.registry.resolver import resolve_all
from bot.run import Advisor, Resolver


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
    return make_lookups(credentials, workers, deadline, None)[0]


def make_lookups(credentials: dict[str, Credential], workers: int, deadline: float,
                 vulnerabilities: VulnerabilityLookup | None) -> tuple[Resolver, Advisor | None]:
    """The resolver, and the base advisor (HB020) when OSV can be asked, sharing one client:
    the measuring of bases counts to the same registry deadline as the digests."""
    if workers < 1:
        raise HardenbotError("--workers must be at least 1")
    client = RegistryClient(credentials, deadline=deadline)
    source = RegistryBases(client, RegistryInventories(client))

    def advisor(wanted: list[WantedBase], settings: AdviceSettings) -> Advised:
        assert vulnerabilities is not None
        return advise(wanted, source, vulnerabilities, settings)
    return (lambda refs: resolve_all(refs, client, workers)), advisor if vulnerabilities is not None else None


class RegistryBases:
    """What the base advisor asks, of one client."""

    def __init__(self, client: RegistryClient, inventories: RegistryInventories):
        self._client, self._inventories = client, inventories

    def tags(self, ref: ImageRef) -> tuple[str, ...]:
        return self._client.tags(ref)

    def digest(self, ref: ImageRef) -> tuple[str, bool]:
        head = self._client.head(ref, ref.digest)
        return head.digest, head.is_index

    def image(self, ref: ImageRef, platform: str, max_bytes: int | None) -> BaseImage:
        return self._inventories.image(ref, platform, max_bytes)
