"""Compose files: `compose.yaml`, `docker-compose.yml` and their `.override`/`.<env>` variants.
Images: `services.<name>.image`. Only the rules about image references apply."""
from __future__ import annotations

import posixpath
import re

import yaml

from bot.dockerfile.roles import ComposeBuild
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


def builds(text: str, path: str) -> dict[str, ComposeBuild]:
    """The Dockerfiles this file's services build (`build: ./dir` or `build: {context,
    dockerfile, target}`), repository-relative: the service that builds each, the stage it
    stops at, and where it mounts host folders."""
    folder = posixpath.dirname(path)
    found: dict[str, ComposeBuild] = {}
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
        found.setdefault(dockerfile_path, ComposeBuild(f"{path} service {name}", path, stage, _bind_mounts(service)))
    return found


def _bind_mounts(service: yaml.Node) -> tuple[str, ...]:
    """Container paths of `volumes:` entries that mount a host folder (`./data:/app/data`, or
    `{type: bind, target: …}`), not named volumes."""
    targets = []
    volumes = get(service, "volumes")
    for entry in volumes.value if isinstance(volumes, yaml.SequenceNode) else []:
        if isinstance(entry, yaml.ScalarNode):
            source, _, rest = entry.value.partition(":")
            if rest and source.startswith((".", "/", "~", "$")):
                targets.append(rest.split(":", 1)[0])
        elif isinstance(get(entry, "type"), yaml.ScalarNode) and get(entry, "type").value == "bind":
            target = get(entry, "target")
            if isinstance(target, yaml.ScalarNode):
                targets.append(target.value)
    return tuple(targets)


def assess(text: str, path: str, ruleset: RuleSet) -> Assessment:
    return Assessment(image_findings(text, occurrences(text, path), ruleset))


KIND = SourceKind("compose", lambda path: bool(COMPOSE_NAMES.fullmatch(path.rsplit("/", 1)[-1])), occurrences, assess)
