"""Google Cloud Build configurations (`cloudbuild.yaml`): which Dockerfiles build an image that a
later step of the same build runs as a step, with its own entrypoint (a step that gives another,
`entrypoint: python`, runs something else in the image: an app's tests).

Every Cloud Build step is a container run as root over the build's `/workspace` (the checkout)
with `HOME=/builder/home`, both root's. An image a build makes and then runs as one of its own
steps (`- name: gcr.io/$PROJECT_ID/twine`, after `docker build --tag=gcr.io/$PROJECT_ID/twine`)
is a builder: a tool run over the user's files, the way `gcr.io/cloud-builders/*` are, not a
service. The configuration is read as YAML text, never run."""
from __future__ import annotations

import posixpath
from collections.abc import Iterator

from bot.rules.yaml_nodes import UnreadableYaml, compose, get, is_scalar, is_sequence

CONFIG_NAMES = ("cloudbuild.yaml", "cloudbuild.yml")
_TAG_OPTIONS = ("-t", "--tag")
_FILE_OPTIONS = ("-f", "--file")


def steps_built_here(text: str) -> frozenset[str]:
    """The Dockerfiles (relative to the configuration's folder, as its `docker build` steps name
    them: `Dockerfile` unless `-f` says another) whose image a step of the same build runs.
    A configuration that is not YAML, or has no steps, names none."""
    try:
        document = compose(text)
    except UnreadableYaml:
        return frozenset()
    steps = get(document, "steps")
    built: dict[str, set[str]] = {}  # image → the Dockerfiles that build it
    ran: set[str] = set()
    for step in steps.value if is_sequence(steps) else ():
        name = get(step, "name")
        if not is_scalar(name):
            continue
        image = str(name.value).strip()
        args = _scalars(get(step, "args"))
        entrypoint = get(step, "entrypoint")
        if _is_docker(image) and (entrypoint is None or _is_docker(str(entrypoint.value))) and args[:1] == ["build"]:
            folder = get(step, "dir")
            dockerfile, tags = _build_arguments(args[1:])
            where = str(folder.value) if is_scalar(folder) else ""
            for tag in tags:
                built.setdefault(_normalised(tag), set()).add(posixpath.normpath(posixpath.join(where, dockerfile)))
        elif entrypoint is None:
            ran.add(_normalised(image))  # run as it is, the way a builder is (not `entrypoint: pytest` in an app's image)
    return frozenset(dockerfile for image, dockerfiles in built.items() if image in ran for dockerfile in dockerfiles)


def _scalars(node: object) -> list[str]:
    return [str(item.value) for item in node.value if is_scalar(item)] if is_sequence(node) else []


def _is_docker(image: str) -> bool:
    """The Docker CLI's image (`gcr.io/cloud-builders/docker`, `docker:24`, `docker`)."""
    return image.rsplit("/", 1)[-1].split(":", 1)[0].split("@", 1)[0] == "docker"


def _build_arguments(args: list[str]) -> tuple[str, list[str]]:
    """(the Dockerfile, the tags) of `docker build`'s arguments."""
    dockerfile, tags = "Dockerfile", []
    for option, value in _options(args):
        if option in _TAG_OPTIONS:
            tags.append(value)
        elif option in _FILE_OPTIONS:
            dockerfile = value
    return dockerfile, tags


def _options(args: list[str]) -> Iterator[tuple[str, str]]:
    """(option, value) for `--tag=x`, `--tag x`, `-t x` and `-tx`."""
    index = 0
    while index < len(args):
        word = args[index]
        index += 1
        if word.startswith("--") and "=" in word:
            option, value = word.split("=", 1)
            yield option, value
        elif word in _TAG_OPTIONS + _FILE_OPTIONS and index < len(args):
            yield word, args[index]
            index += 1
        elif word[:2] in _TAG_OPTIONS + _FILE_OPTIONS and len(word) > 2 and not word.startswith("--"):
            yield word[:2], word[2:]


def _normalised(image: str) -> str:
    """An image as a step names it, with the tag Docker assumes (`:latest`) written out."""
    image = image.strip().strip("'\"")
    name = image.split("@", 1)[0]
    return image if ":" in name.rsplit("/", 1)[-1] or "@" in image else f"{image}:latest"
