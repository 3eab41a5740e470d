"""Compose files: `compose.yaml`, `docker-compose.yml` and their `.override`/`.<env>` variants.
Images: `services.<name>.image` (or `<name>.image` in a version 1 file, whose services are at
the top level), merge keys and aliases followed. Only the rules about image references apply.

An `image:` beside `build:` names what the build produces, not something pulled: it is left
alone. Variables are filled in as compose does, from the project's `.env` and the defaults:
`${IMAGE:-redis:7}` (or `${IMAGE-redis:7}`) is the default where compose would use it, and
that is what is pinned, inside the braces; an image that comes from `.env`, or is built from
several variables, is reported for a person with what it resolves to; one that is known only
when compose runs (`${IMAGE}` set nowhere) is left alone.
"""
from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.dockerfile.roles import ComposeBuild, retired_profiles
from bot.lazy_regex import lazy_compile
from bot.model.images import ImageOccurrence
from bot.model.text import Span
from bot.rules.rule import RuleSet
from bot.sources.kind import Assessment, SourceKind
from bot.sources.yaml_scalars import (
    distinct,
    get,
    image_findings,
    is_mapping,
    is_scalar,
    is_sequence,
    items,
    load,
    merged_items,
    scalar_occurrence,
    scalar_span,
)

if TYPE_CHECKING:
    import yaml

# `compose.yaml`, `docker-compose.prod.yml`, and the suffix after a hyphen or underscore too
# (`docker-compose-app.yml`, `docker-compose_test.yml`).
COMPOSE_NAMES = re.compile(r"(?:docker-)?compose(?:[._-][\w.-]+)?\.ya?ml")
_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_VARIABLE = lazy_compile(rf"\$\$|\$\{{({_NAME})(?:(:?-)([^}}]*))?\}}|\$({_NAME})")
_DEFAULTED = lazy_compile(rf"\$\{{({_NAME})(:?-)([^${{}}]*)\}}")  # a whole value `${NAME:-default}`
# Top-level keys of the compose file formats that are not services (a version 1 file has none).
_NOT_SERVICES = frozenset({"version", "name", "include", "networks", "volumes", "secrets", "configs", "models"})


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
    """`${VAR}`, `${VAR:-default}`, `${VAR-default}`, `$VAR` filled in from `env` as compose
    does (`:-` also when VAR is empty, `-` only when it is unset); None when one has no value."""
    missing = False

    def fill(match: re.Match[str]) -> str:
        nonlocal missing
        if match.group(0) == "$$":
            return "$"
        name, operator = match.group(1) or match.group(4), match.group(2)
        if operator and _uses_default(env.get(name), operator):
            return match.group(3)
        if name not in env:
            missing = True
            return ""
        return env[name]
    result = _VARIABLE.sub(fill, text)
    return None if missing else result


def _uses_default(value: str | None, operator: str) -> bool:
    return not value if operator == ":-" else value is None


def _services(root: yaml.Node | None) -> Iterator[tuple[str, yaml.Node]]:
    """(name, service): under `services:`, or, in a version 1 file, the top-level mappings."""
    services = get(root, "services")
    if services is not None:
        yield from items(services)
        return
    for name, node in items(root):
        if name not in _NOT_SERVICES and not name.startswith("x-") and is_mapping(node):
            yield name, node


def occurrences(text: str, path: str, env: Mapping[str, str] | None = None) -> list[ImageOccurrence]:
    """The images the services pull; `env` is the project's `.env`."""
    root = load(text, path)
    prefix = "services." if get(root, "services") is not None else ""
    services = list(_services(root))
    built = {id(get(service, "image")) for _, service in services if get(service, "build") is not None}
    found: list[ImageOccurrence] = []
    for name, service in services:
        image = get(service, "image")
        if image is not None and id(image) not in built:
            found.extend(_image(text, path, image, f"{prefix}{name}.image", env or {}))
    return distinct(found)


def _image(text: str, path: str, node: yaml.Node, where: str, env: Mapping[str, str]) -> Iterator[ImageOccurrence]:
    if not is_scalar(node) or "$" not in node.value:
        yield from scalar_occurrence(text, path, node, where)
        return
    line = node.end_mark.line + 1
    defaulted = _DEFAULTED.fullmatch(node.value)
    if defaulted and _uses_default(env.get(defaulted.group(1)), defaulted.group(2)):
        span = scalar_span(text, node)
        if span is not None and defaulted.group(3):
            start = span.start + defaulted.start(3)
            yield ImageOccurrence(path, line, defaulted.group(3), Span(start, start + len(defaulted.group(3))), where)
        return
    resolved = _interpolate(node.value, env)
    if not resolved or "$" in resolved:
        return  # known only when compose runs (or empty: compose refuses it)
    from_env = sorted({m.group(1) or m.group(4) for m in _VARIABLE.finditer(node.value)} & env.keys())
    note = f"{node.value} takes {' and '.join(from_env)} from .env" if from_env else f"{node.value} is built from variables"
    yield ImageOccurrence(path, line, resolved, None, where, note)


def builds(text: str, path: str, env: Mapping[str, str] | None = None,
           added: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]] | None = None) -> dict[str, ComposeBuild]:
    """The Dockerfiles this file's services build (`build: ./dir` or `build: {context,
    dockerfile, target}`), repository-relative: the service that builds each, the stage it
    stops at, where it mounts host folders, the other services or hosts it needs, and the
    image name it is tagged with. `env` fills in `${VAR}` as compose does (from the
    project's `.env`); a value left unknown is not guessed. A context outside the repository
    comes out as a path starting with `../`. `added` gives, by service name, the mounts other
    compose files of the folder add to the service (`unbuilt_service_mounts`); the mounts of
    every service building one Dockerfile are gathered on the one that speaks for it."""
    env = env or {}
    added = added or {}
    folder = posixpath.dirname(path)
    found: dict[str, ComposeBuild] = {}
    for name, service in _services(load(text, path)):
        built = _built_file(service, folder, env)
        if built is None:
            continue
        dockerfile_path, context_folder, build = built
        target = get(build, "target") if is_mapping(build) else None
        stage = _interpolate(target.value, env) if is_scalar(target) else None
        more_binds, more_volumes = added.get(name, ((), ()))
        made = ComposeBuild(f"{path} service {name}", path, stage, _joined(_bind_mounts(service), more_binds),
                            context_folder, _needs(service), name, _command(service), _words(get(service, "profiles")),
                            _source_mounts(service, folder, context_folder), _built_image(service, env),
                            _joined(_volume_mounts(service), more_volumes), _root_powers(service),
                            _folder_settings(service, env))
        first = found.setdefault(dockerfile_path, made)
        if retired_profiles(first) and not retired_profiles(made):
            first, made = made, first  # a current service speaks for the file, not a deprecated one
        if first is not made:
            first = replace(first, bind_mounts=_joined(first.bind_mounts, made.bind_mounts),
                            volume_mounts=_joined(first.volume_mounts, made.volume_mounts))
        found[dockerfile_path] = first
    return found


def _joined(first: tuple[str, ...], more: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(first + more)) if more else first


def unbuilt_service_mounts(text: str, path: str) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Service name → (host-folder mounts, volume mounts), container paths, of the services of
    this file that build nothing: in a file used as an override (`docker compose -f
    docker-compose.dev.yml -f docker-compose.seed.yml`), what they add to the service of the same
    name that another file of the folder builds."""
    return {name: (_bind_mounts(service), _volume_mounts(service)) for name, service in _services(load(text, path))
            if get(service, "build") is None and is_mapping(service) and get(service, "volumes") is not None}


def built_files(text: str, path: str, env: Mapping[str, str] | None = None) -> list[str]:
    """The Dockerfiles `builds` gives, in its order, without reading what else the services
    say (asked of every compose file to find the Dockerfiles to scan, before the builds are
    read whole for what they say of each)."""
    folder = posixpath.dirname(path)
    found = (_built_file(service, folder, env or {}) for _, service in _services(load(text, path)))
    return list(dict.fromkeys(built[0] for built in found if built is not None))


def _built_file(service: yaml.Node, folder: str, env: Mapping[str, str]) -> tuple[str, str, yaml.Node] | None:
    """(the Dockerfile's path, its context folder, the `build:` node) of a service that builds
    one from a folder compose can read (not a URL, its variables known); None otherwise."""
    build = get(service, "build")
    context, dockerfile = build, None
    if is_mapping(build):
        context, dockerfile = get(build, "context"), get(build, "dockerfile")
    context_path = _interpolate(context.value, env) if is_scalar(context) else "."
    file_name = _interpolate(dockerfile.value, env) if is_scalar(dockerfile) else "Dockerfile"
    if build is None or context_path is None or file_name is None or "://" in context_path:
        return None
    return (posixpath.normpath(posixpath.join(folder, context_path, file_name)),
            posixpath.normpath(posixpath.join(folder, context_path)), build)


def referenced_files(text: str, path: str) -> list[str]:
    """The other compose files this one reads, repository-relative: a service's `extends:
    {file: …}` and the top-level `include:` (a path, a list of paths, or `path:` entries),
    whatever they are named (`scripts/compose/router.yml`). A path outside the repository comes
    out starting with `../`."""
    root = load(text, path)
    folder = posixpath.dirname(path)
    named: list[str] = []
    for _, service in _services(root):
        extends = get(service, "extends")
        file = get(extends, "file") if is_mapping(extends) else None
        if is_scalar(file):
            named.append(file.value)
    include = get(root, "include") if is_mapping(root) else None
    for entry in include.value if is_sequence(include) else []:
        entry = get(entry, "path") if is_mapping(entry) else entry
        if is_scalar(entry):
            named.append(entry.value)
        elif is_sequence(entry):
            named += [e.value for e in entry.value if is_scalar(e)]
    found = [posixpath.normpath(posixpath.join(folder, name)) for name in named if name and "$" not in name]
    return list(dict.fromkeys(found))


def own_image_mounts(text: str, path: str, repository: str,
                     env: Mapping[str, str] | None = None) -> list[tuple[str, str]]:
    """(which service, what it gives the container) of each host folder, volume and device the
    file gives the repository's own image, pulled by name rather than built (`image:
    flowiseai/flowise` in the repository Flowise, with `~/.flowise:/root/.flowise`; `image:
    zwavejs/zwave-js-ui` with `devices:` and a `store` volume): whichever Dockerfile builds that
    image must keep them writable, and open to its user."""
    found = []
    for name, service in _services(load(text, path)):
        image = get(service, "image")
        # A tag left to a variable (`:${LATEST_TAG}`) does not hide whose image it is.
        named = _built_image(service, env or {}) or (image.value if is_scalar(image) else "")
        if get(service, "build") is not None or not _names_own_image(named, repository):
            continue
        given = [f"a host folder mounted at {target}" for target in _bind_mounts(service)]
        given += [f"a volume mounted at {target}" for target in _volume_mounts(service)
                  if target.rstrip("/") not in _SCRATCH_FOLDERS]
        given += [f"the device {device}" for device in _devices(service)]
        found.extend((f"{path} service {name}", what) for what in given)
    return found


def _names_own_image(image: str, repository: str) -> bool:
    """Whether `image` is the repository's own: its name is the repository's (`flowiseai/flowise`
    in Flowise), or one of its images (`ghcr.io/hatchet-dev/hatchet/hatchet-api` in hatchet: a
    path component, or a name the repository's starts, `hatchet-admin`)."""
    if not repository:
        return False
    path = image.split("@", 1)[0]
    folder, _, last = path.rpartition("/")
    path = f"{folder}/{last.split(':', 1)[0]}" if folder else last.split(":", 1)[0]  # without the tag
    parts = [part.lower() for part in path.split("/")]
    if len(parts) > 1 and ("." in parts[0] or ":" in parts[0] or parts[0] == "localhost"):
        parts = parts[1:]  # the registry's host
    name = repository.lower()
    return parts[-1] == name or (len(parts) > 1 and name in parts[:-1]) or parts[-1].startswith(name + "-")


# Volumes for scratch files, emptied between runs: nothing is kept there.
_SCRATCH_FOLDERS = frozenset({"/tmp", "/var/tmp", "/run", "/var/run", "/dev/shm"})


def _devices(service: yaml.Node) -> tuple[str, ...]:
    """Container paths of the host devices `devices:` passes in (`/dev/ttyUSB0:/dev/zwave`): a
    device node keeps its owner and mode (root:dialout 0660), which another user cannot open."""
    found = []
    for word in _words(get(service, "devices")):
        parts = word.split(":")
        found.append(parts[1] if len(parts) > 1 and parts[1].startswith("/") else parts[0])
    return tuple(device for device in found if device)


def _root_powers(service: yaml.Node) -> str:
    """What the service is given that a non-root process cannot use: `privileged: true`,
    capabilities added with `cap_add` (a process of another user does not get them), or host
    devices (`devices:`, owned by root and a group such as dialout)."""
    privileged = get(service, "privileged")
    if is_scalar(privileged) and privileged.value.lower() in ("true", "yes", "on"):
        return "privileged: true"
    added = [word for word in _words(get(service, "cap_add")) if word.strip()]
    if added:
        return f"cap_add: {', '.join(added)}"
    devices = _devices(service)
    return f"devices: {', '.join(devices)}" if devices else ""


def _command(service: yaml.Node) -> tuple[str, ...]:
    """The words the service starts its container with: `entrypoint:` then `command:`, each a
    string (split on blanks) or a list; empty when the image's own command runs."""
    words: list[str] = []
    for key in ("entrypoint", "command"):
        node = get(service, key)
        words += node.value.split() if is_scalar(node) else list(_words(node))
    return tuple(words)


def _words(node: yaml.Node | None) -> tuple[str, ...]:
    return tuple(entry.value for entry in node.value if is_scalar(entry)) \
        if is_sequence(node) else ()


def _source_mounts(service: yaml.Node, folder: str, context: str) -> tuple[str, ...]:
    """Container paths where the service bind-mounts its build context, or a folder holding it
    (`./app:/usr/src/app` with `build: ./app`): the source is edited on the host, live."""
    targets = []
    volumes = get(service, "volumes")
    for entry in volumes.value if is_sequence(volumes) else []:
        source, target = None, None
        if is_scalar(entry):
            source, target = _volume_parts(entry.value)
            target = target or None
        elif is_scalar(get(entry, "source")) and is_scalar(get(entry, "target")):
            source, target = get(entry, "source").value, get(entry, "target").value
        if not source or not target or not source.startswith("."):
            continue
        mounted = posixpath.normpath(posixpath.join(folder, source))
        if mounted == "." or context == mounted or context.startswith(mounted + "/"):
            targets.append(target)
    return tuple(targets)


def _built_image(service: yaml.Node, env: Mapping[str, str]) -> str:
    """The name the build is tagged with (its `image:`), filled in as compose does; "" when unknown."""
    image = get(service, "image")
    return (_interpolate(image.value, env) or "") if is_scalar(image) else ""


def _needs(service: yaml.Node) -> tuple[str, ...]:
    """What the service reaches that is not in its image: the services of `depends_on`,
    `links` and `external_links`, the container whose network `network_mode` joins, and the
    hosts `extra_hosts` names ("depends_on db", "extra_hosts db.internal")."""
    found = []
    for key in ("depends_on", "links", "external_links"):
        node = get(service, key)
        if is_sequence(node):
            names = [entry.value.split(":", 1)[0] for entry in node.value if is_scalar(entry)]
        else:
            names = [name for name, _ in items(node)] if is_mapping(node) else []
        found += [f"{key} {name}" for name in names if name]
    mode = get(service, "network_mode")
    if is_scalar(mode) and mode.value.startswith(("service:", "container:")):
        found.append(f"network_mode {mode.value}")
    hosts = get(service, "extra_hosts")
    if is_sequence(hosts):
        names = [entry.value.replace("=", ":").split(":", 1)[0] for entry in hosts.value
                 if is_scalar(entry)]
    else:
        names = [name for name, _ in items(hosts)] if is_mapping(hosts) else []
    found += [f"extra_hosts {name}" for name in names if name]
    return tuple(found)


# A variable that names a folder the app writes: `DATA_DIR`, `DOCSRS_PREFIX`, `CACHE_FOLDER`,
# `UPLOAD_PATH`'s kin (not `*_HOME` or `*_ROOT`, often an installation read only, nor `*_PATH`, often a file).
_WRITTEN_FOLDER = lazy_compile(r"(?:^|_)(?:DIR|DIRS|DIRECTORY|FOLDER|PREFIX|DATA|STORAGE|CACHE|LOGS?|UPLOADS?|MEDIA"
                               r"|WORKSPACE|STATE)(?:_|$)", re.IGNORECASE)


def _folder_settings(service: yaml.Node, env: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """(variable, path) of the service's `environment:` entries (a mapping, merged ones too, or
    `KEY=value` words) whose name says it is a folder the app writes and whose value is an
    absolute path, not one for scratch files."""
    environment = get(service, "environment")
    if is_sequence(environment):
        pairs = [word.partition("=")[::2] for word in _words(environment) if "=" in word]
    else:
        pairs = [(key, value.value) for key, value in merged_items(environment) if is_scalar(value)]
    found = []
    for key, value in pairs:
        path = _interpolate(str(value).strip(), env) or ""
        if _WRITTEN_FOLDER.search(key) and path.startswith("/") and "$" not in path \
                and not any(path == folder or path.startswith(folder + "/") for folder in _SCRATCH_FOLDERS):
            found.append((key, path.rstrip("/") or "/"))
    return tuple(found)


def _volume_mounts(service: yaml.Node) -> tuple[str, ...]:
    """Container paths of `volumes:` entries that mount a named volume (`db:/var/lib/app`, or
    `{type: volume, target: …}`) or an anonymous one (`/var/lib/app`): the service keeps data there."""
    return tuple(target for kind, target in _mounts(service) if kind == "volume")


def _bind_mounts(service: yaml.Node) -> tuple[str, ...]:
    """Container paths of `volumes:` entries that mount a host folder (`./data:/app/data`, or
    `{type: bind, target: …}`), not named volumes."""
    return tuple(target for kind, target in _mounts(service) if kind == "bind")


_BRACED_VARIABLE = lazy_compile(r"\$\{[^}]*\}")


def _volume_parts(entry: str) -> tuple[str, str]:
    """A `volumes:` entry's source and target ("" when it has none), split at the colons outside
    a variable: `${DATA_DIR:-./data}:/data:ro` is the source `${DATA_DIR:-./data}`, colon and all."""
    kept = _BRACED_VARIABLE.sub(lambda m: m.group(0).replace(":", "\0"), entry)
    source, _, rest = kept.partition(":")
    return source.replace("\0", ":"), rest.split(":", 1)[0].replace("\0", ":")


def _mounts(service: yaml.Node) -> Iterator[tuple[str, str]]:
    """(kind, container path) of each `volumes:` entry: "bind" for a host folder, "volume" for a
    named or anonymous volume, or the long syntax's `type:`."""
    volumes = get(service, "volumes")
    for entry in volumes.value if is_sequence(volumes) else []:
        if is_scalar(entry):
            source, target = _volume_parts(entry.value)
            if target:
                yield ("bind" if source.startswith((".", "/", "~", "$")) else "volume"), target
            elif source.startswith("/"):
                yield "volume", source
        elif is_scalar(get(entry, "type")) and is_scalar(get(entry, "target")):
            yield get(entry, "type").value, get(entry, "target").value


def assess(text: str, path: str, ruleset: RuleSet) -> Assessment:
    env = ruleset.context.facts.compose_env.get(posixpath.dirname(path), {})
    return Assessment(image_findings(text, occurrences(text, path, env), ruleset))


KIND = SourceKind("compose", lambda path: bool(COMPOSE_NAMES.fullmatch(path.rsplit("/", 1)[-1])), occurrences, assess)
