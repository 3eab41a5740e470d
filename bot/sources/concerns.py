"""Which Dockerfiles the edits to a compose file or workflow concern: what lets
`bot.groups.plan_groups` put such an edit in the pull request of the service it belongs to.

Only image references are edited in these files (a digest pinned or refreshed), so each edit
is one image whose reference changed between the file's text before and after hardening
(compared by where the file names it: `services.db.image`, `jobs.test.container`). An edited
image concerns:

- the Dockerfile that builds that image in this repository, when exactly one does: a compose
  service that has `build:` and names the image it produces with `image:`, or a workflow step
  that builds and tags it (`ghcr.io/acme/api:1.4` in a root compose file → the Dockerfile
  `services/api/compose.yaml` builds as `ghcr.io/acme/api`);
- else, the Dockerfiles the same file builds (a compose file's `build:` contexts, a workflow's
  build steps): a `postgres:16` pinned beside `api: {build: .}` is part of api's project;
- else nothing that can be known, and the file is grouped by its own path.

A file is grouped as one piece, never edit by edit: if one of its edits concerns nothing
known, the whole file goes by its own path (no Dockerfiles returned for it). A Dockerfile is
one of the repository's files the run knows; a build context outside the repository (`../x`,
an absolute path, a URL) names none.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator

from bot.errors import DockerfileSyntaxError, InvalidReferenceError
from bot.model.images import parse_reference
from bot.model.results import FileResult
from bot.sources import compose, workflow

_YAML_KINDS = frozenset({compose.KIND.name, workflow.KIND.name})


def concerned_dockerfiles(results: Iterable[FileResult], dockerfiles: Collection[str]) -> dict[str, tuple[str, ...]]:
    """Each changed compose file or workflow → the Dockerfiles (of `dockerfiles`, the run's)
    its edits concern, in path order; a file whose edits concern nothing known is left out."""
    built: list[list[tuple[str, str]]] = []  # per readable file: (Dockerfile, image name) it builds
    edits: list[tuple[str, list[str], set[str]]] = []  # changed files: path, images edited, its own builds
    for result in results:
        if result.kind not in _YAML_KINDS:
            continue
        try:
            pairs = [(path, image) for path, image in _builds(result) if path in dockerfiles]
            edited = _edited_images(result) if result.changed else []
        except DockerfileSyntaxError:
            continue
        built.append(pairs)
        if edited:
            edits.append((result.path, edited, {path for path, _ in pairs}))
    built_here = _built_images(built)
    concerned = {}
    for path, edited, own in edits:
        found = _concerned(edited, built_here, own)
        if found:
            concerned[path] = found
    return concerned


def _edited_images(result: FileResult) -> list[str]:
    """The references the hardening changed; none when an edit is not an image reference's
    (then nothing says what it concerns)."""
    before = _images(result, result.original)
    after = _images(result, result.hardened.text)
    edited = [image for where, image in before.items() if after.get(where) != image]
    return edited if set(after) == set(before) else []


def _concerned(edited: list[str], built_here: dict[str, str], own: set[str]) -> tuple[str, ...]:
    found: set[str] = set()
    for image in edited:
        builder = built_here.get(_name(image) or "")
        if builder is None and not own:
            return ()
        found |= {builder} if builder is not None else own
    return tuple(sorted(found))


def _images(result: FileResult, text: str) -> dict[str, str]:
    """Where the file names each image → the reference written there."""
    kind = compose.KIND if result.kind == compose.KIND.name else workflow.KIND
    return {occurrence.where: occurrence.text for occurrence in kind.occurrences(text, result.path)}


def _builds(result: FileResult) -> Iterator[tuple[str, str]]:
    """(Dockerfile, image name it is tagged with or "") for each build the file's original text makes."""
    if result.kind == compose.KIND.name:
        for path, build in compose.builds(result.original, result.path).items():
            yield path, build.image
    else:
        for build in workflow.builds(result.original, result.path):
            yield from ((build.dockerfile, image) for image in build.images or ("",))


def _built_images(built: Iterable[list[tuple[str, str]]]) -> dict[str, str]:
    """Image name (registry and repository) → the one Dockerfile of the repository built as it."""
    builders: dict[str, set[str]] = {}
    for pairs in built:
        for path, image in pairs:
            name = _name(image)
            if name is not None:
                builders.setdefault(name, set()).add(path)
    return {name: paths.pop() for name, paths in builders.items() if len(paths) == 1}


def _name(image: str) -> str | None:
    """`ghcr.io/acme/api` of `ghcr.io/acme/api:1.4@sha256:…` (or of `…:${{ github.sha }}`)."""
    image = image.split("${{", 1)[0]
    if image.endswith(":"):
        image = image[:-1]
    if not image or "$" in image:
        return None
    try:
        return parse_reference(image).full_name
    except InvalidReferenceError:
        return None
