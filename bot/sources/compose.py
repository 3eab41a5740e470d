"""Compose files: `compose.yaml`, `docker-compose.yml` and their `.override`/`.<env>` variants.
Images: `services.<name>.image`. Only the rules about image references apply."""
from __future__ import annotations

import re

from bot.model.findings import Finding
from bot.model.images import ImageOccurrence
from bot.rules.rule import RuleSet
from bot.sources.kind import SourceKind
from bot.sources.yaml_scalars import get, image_findings, items, load, scalar_occurrence

COMPOSE_NAMES = re.compile(r"(?:docker-)?compose(?:\.[\w.-]+)?\.ya?ml")


def occurrences(text: str, path: str) -> list[ImageOccurrence]:
    found: list[ImageOccurrence] = []
    for name, service in items(get(load(text, path), "services")):
        found.extend(scalar_occurrence(text, path, get(service, "image"), f"services.{name}.image"))
    return found


def findings(text: str, path: str, ruleset: RuleSet) -> list[Finding]:
    return image_findings(text, occurrences(text, path), ruleset)


KIND = SourceKind("compose", lambda path: bool(COMPOSE_NAMES.fullmatch(path.rsplit("/", 1)[-1])), occurrences, findings)
