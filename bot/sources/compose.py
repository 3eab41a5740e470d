"""Compose files: `compose.yaml`, `docker-compose.yml` and their `.override`/`.<env>` variants.
Images: `services.<name>.image`. Only the rules about image references apply."""
from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping

import yaml

from bot.dockerfile.roles import ComposeBuild
from bot.model.images import ImageOccurrence
from bot.rules.rule import RuleSet
from bot.sources.kind import Assessment, SourceKind
from bot.sources.yaml_scalars import get, image_findings, items, load, scalar_occurrence

COMPOSE_NAMES = re.compile(r"(?:docker-)?compose(?:\.[\w.-]+)?\.ya?ml")
_VARIABLE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)")


def read_dotenv(text: str) -> dict[str, str]:
    """A compose project's `.env`: `KEY=value` lines (quotes stripped, earlier keys expanded),
    which compose uses to fill in `${KEY}` in the compose file."""
    values: dict[str, str] = {}
    for line in text.splitlines():
        key, sep, value = line.strip().partition("=")
        if not sep or line.lstrip().startswith("#") or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key.strip()):
            continue
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        values[key.strip()] = _interpolate(value, values) or value
    return values


def _interpolate(text: str, env: Mapping[str, str]) -> str | None:
    """`${VAR}`, `${VAR:-default}`, `$VAR` filled in from `env`; None when one has no value."""
    missing = False

    def fill(match: re.Match[str]) -> str:
        nonlocal missing
        name = match.group(1) or match.group(3)
        if name in env:
            return env[name]
        if match.group(2) is not None:
            return match.group(2)
        missing = True
        return ""
    result = _VARIABLE.sub(fill, text)
    return None if missing else result


def occurrences(text: str, path: str) -> list[ImageOccurrence]:
    found: list[ImageOccurrence] = []
    for name, service in items(get(load(text, path), "services")):
        found.extend(scalar_occurrence(text, path, get(service, "image"), f"services.{name}.image"))
    return found


def builds(text: str, path: str, env: Mapping[str, str] | None = None) -> dict[str, ComposeBuild]:
    """The Dockerfiles this file's services build (`build: ./dir` or `build: {context,
    dockerfile, target}`), repository-relative: the service that builds each, the stage it
    stops at, and where it mounts host folders. `env` fills in `${VAR}` as compose does (from the
    project's `.env`); a value left unknown is not guessed."""
    env = env or {}
    folder = posixpath.dirname(path)
    found: dict[str, ComposeBuild] = {}
    for name, service in items(get(load(text, path), "services")):
        build = get(service, "build")
        context, dockerfile, target = build, None, None
        if isinstance(build, yaml.MappingNode):
            context, dockerfile, target = get(build, "context"), get(build, "dockerfile"), get(build, "target")
        context_path = _interpolate(context.value, env) if isinstance(context, yaml.ScalarNode) else "."
        file_name = _interpolate(dockerfile.value, env) if isinstance(dockerfile, yaml.ScalarNode) else "Dockerfile"
        if build is None or context_path is None or file_name is None or "://" in context_path:
            continue
        dockerfile_path = posixpath.normpath(posixpath.join(folder, context_path, file_name))
        stage = _interpolate(target.value, env) if isinstance(target, yaml.ScalarNode) else None
        context_folder = posixpath.normpath(posixpath.join(folder, context_path))
        found.setdefault(dockerfile_path, ComposeBuild(f"{path} service {name}", path, stage, _bind_mounts(service),
                                                       context_folder))
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
