"""Images of the repository that its other Dockerfiles use only as build stages.

`FROM acme/app:builder-go AS build` followed only by `COPY --from=build …`: the image is a
builder; what it weighs never reaches an image anyone runs. A Dockerfile is taken to build
`<…>/<repository>:<stem>` when its file is named `<stem>.dockerfile`, `<stem>.Dockerfile` or
`Dockerfile.<stem>` (the repository's own image, tagged with the file's own name), or the
image a compose service's `image:` names beside the `build:` of it.
"""
from __future__ import annotations

from collections.abc import Iterable

from bot.dockerfile.model import Dockerfile
from bot.lazy_regex import lazy_compile

# A FROM line's image, past its flags (`FROM --platform=$BUILDPLATFORM acme/app:base`), read from the text alone.
_FROM = lazy_compile(r"(?im)^[ \t]*FROM[ \t]+(?:--\S+[ \t]+)*(\S+)")
_STEM = lazy_compile(r"(?:Dockerfile|Containerfile)\.([\w.-]+)|([\w.-]+)\.(?:[Dd]ockerfile|[Cc]ontainerfile)")


def first_base(text: str) -> str | None:
    """The image the first FROM line of a Dockerfile's text names, as written; None: no FROM.
    For what the text says before it is parsed (or when it cannot be)."""
    match = _FROM.search(text)
    return match.group(1) if match else None


def image_key(reference: str) -> str | None:
    """`docker.io/library/app:1` → `app:1`; a reference without a tag is `:latest`; None when
    it has a digest or a variable (what it names is not known here)."""
    reference = reference.strip().lower()
    if not reference or "$" in reference or "@" in reference:
        return None
    name, _, tag = reference.rpartition(":")
    if not name or "/" in tag:
        name, tag = reference, "latest"
    for prefix in ("docker.io/", "index.docker.io/"):
        name = name.removeprefix(prefix)
    return f"{name.removeprefix('library/')}:{tag}"


# What one Dockerfile says of the images its stages are built FROM: (image key, where) for each
# used only to copy files out of, in order, and the keys of those it ships or builds on.
StageUses = tuple[tuple[tuple[str, str], ...], frozenset[str]]


def stage_uses(doc: Dockerfile) -> StageUses:
    """How one Dockerfile uses the images its stages are built FROM, for `stage_only_of`."""
    only: list[tuple[str, str]] = []
    shipped: set[str] = set()
    last = doc.stages[-1] if doc.stages else None
    for stage in doc.stages:
        key = image_key(stage.resolved_base or "") if stage.parent is None else None
        if key is None:
            continue
        built_on = any(other.parent is stage for other in doc.stages)
        if stage is last or built_on or not stage.name:
            shipped.add(key)
        else:
            only.append((key, f"{doc.path} uses it only as its build stage {stage.name}"))
    return tuple(only), frozenset(shipped)


def stage_only_of(uses: Iterable[StageUses]) -> dict[str, str]:
    """Image key → where a Dockerfile uses it only to copy files out of, for the images every
    Dockerfile uses that way (any other use, as the base of an image, counts as shipping), from
    each Dockerfile's uses in the Dockerfiles' order: the first such place is the one named."""
    only: dict[str, str] = {}
    shipped: set[str] = set()
    for stage_only, ships in uses:
        for key, where in stage_only:
            only.setdefault(key, where)
        shipped |= ships
    return {key: where for key, where in only.items() if key not in shipped}


def built_image(path: str, repository: str, compose_image: str = "") -> str | None:
    """The key of the image the Dockerfile at `path` builds, when its name or compose says."""
    if compose_image:
        return image_key(compose_image)
    match = _STEM.fullmatch(path.rsplit("/", 1)[-1])
    stem = match and (match.group(1) or match.group(2))
    if not stem or not repository:
        return None
    return f"{repository.lower()}:{stem.lower()}"


def matches(built: str, used: str) -> bool:
    """`uptime-kuma:builder-go` (the repository's name) matches `louislam/uptime-kuma:builder-go`."""
    if "/" in built.split(":", 1)[0]:
        return built == used
    name, _, tag = used.rpartition(":")
    return f"{name.rsplit('/', 1)[-1]}:{tag}" == built


def built_on_of(uses: Iterable[tuple[str, frozenset[str]]]) -> dict[str, tuple[str, ...]]:
    """Image key → the Dockerfiles built FROM it (in the uses' order), in a stage that ships or
    that another stage builds on: the image is their base, not only their builder."""
    found: dict[str, list[str]] = {}
    for path, keys in uses:
        for key in sorted(keys):
            found.setdefault(key, []).append(path)
    return {key: tuple(paths) for key, paths in found.items()}
