"""Compose files: `compose.yaml`, `docker-compose.yml` and their `.override`/`.<env>` variants.
Images: `services.<name>.image`. Only the rules about image references apply."""
from __future__ import annotations

import posixpath
import re

import yaml

from bot.model.images import ImageOccurrence
from bot.rules.rule import RuleSet
from bot.sources.kind import Assessment, SourceKind
from bot.sources.yaml_scalars import get, image_findings, items, load, scalar_occurrence

COMPOSE_NAMES = re.compile(r"(?:docker-)?compose(?:\.[\w.-]+)?\.ya?ml")


def occurrences(text: str, path: str) -> list[ImageOccurrence]:
    found: list[ImageOccurrence] = []
    for name, service in items(get(load(text, path), "services")):
        found.extend(scalar_occurrence(text, path, get(service, "image"), f"services.{name}.image"))
    return found


def builds(text: str, path: str) -> dict[str, tuple[str, str | None]]:
    """The Dockerfiles this file's services build (`build: ./dir` or `build: {context,
    dockerfile, target}`), repository-relative: the service that builds each, and the stage
    it stops at (None: the last)."""
    folder = posixpath.dirname(path)
    found: dict[str, tuple[str, str | None]] = {}
    for name, service in items(get(load(text, path), "services")):
        build = get(service, "build")
        context, dockerfile, target = build, None, None
        if isinstance(build, yaml.MappingNode):
            context, dockerfile, target = get(build, "context"), get(build, "dockerfile"), get(build, "target")
        context_path = context.value if isinstance(context, yaml.ScalarNode) else "."
        file_name = dockerfile.value if isinstance(dockerfile, yaml.ScalarNode) else "Dockerfile"
        if build is None or "://" in context_path or "$" in context_path + file_name:
            continue
        dockerfile_path = posixpath.normpath(posixpath.join(folder, context_path, file_name))
        stage = target.value if isinstance(target, yaml.ScalarNode) and "$" not in target.value else None
        found.setdefault(dockerfile_path, (f"{path} service {name}", stage))
    return found


def assess(text: str, path: str, ruleset: RuleSet) -> Assessment:
    return Assessment(image_findings(text, occurrences(text, path), ruleset))


KIND = SourceKind("compose", lambda path: bool(COMPOSE_NAMES.fullmatch(path.rsplit("/", 1)[-1])), occurrences, assess)
