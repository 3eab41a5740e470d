"""Image references, the key a registry lookup is made by and its answer, and the places files
name images.

References follow the distribution reference grammar (docker/distribution):
`python:3.11-slim` → registry docker.io, repository library/python, tag 3.11-slim.
A first path component is a registry host when it holds a `.` or a `:` or is `localhost`.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import field
from functools import lru_cache

from bot.errors import InvalidReferenceError
from bot.lazy_regex import lazy_compile
from bot.model.text import Span
from bot.record import record

DOCKER_HUB = "docker.io"
_DOMAIN_COMPONENT = r"(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])"
_DOMAIN = lazy_compile(rf"(?:{_DOMAIN_COMPONENT}(?:\.{_DOMAIN_COMPONENT})*|\[[0-9a-fA-F:]+\])(?::[0-9]+)?")
_PATH_COMPONENT = re.compile(r"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*")
_TAG = re.compile(r"[\w][\w.-]{0,127}")
_DIGEST = lazy_compile(r"[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}")


@record
class ImageRef:
    """An image reference, parsed and normalised: registry, repository, tag and digest."""
    registry: str  # host[:port], docker.io for Docker Hub
    repository: str  # path inside the registry, library/ added for official images
    tag: str | None
    digest: str | None

    @property
    def familiar(self) -> str:
        """The name as people write it: `python`, `bitnami/redis`, `ghcr.io/o/r`."""
        if self.registry == DOCKER_HUB:
            return self.repository.removeprefix("library/")
        return f"{self.registry}/{self.repository}"

    @property
    def full_name(self) -> str:
        """Registry and repository however the name was spelt: `docker.io/library/python`."""
        return f"{self.registry}/{self.repository}"

    @property
    def short_name(self) -> str:
        return self.repository.rsplit("/", 1)[-1]

    def __str__(self) -> str:
        out = self.familiar
        if self.tag:
            out += f":{self.tag}"
        if self.digest:
            out += f"@{self.digest}"
        return out


@lru_cache(maxsize=4096)
def parse_reference(text: str) -> ImageRef:
    """Parse `text`; raise InvalidReferenceError with the reason when it is not a reference."""
    if not text:
        raise InvalidReferenceError("empty image reference")
    if len(text) > 2048:
        raise InvalidReferenceError(f"image reference too long: {text[:40]}…")
    rest, digest = text, None
    if "@" in rest:
        rest, digest = rest.split("@", 1)
        if not _DIGEST.fullmatch(digest):
            raise InvalidReferenceError(f"invalid digest in {text!r}")
    tag = None
    last_slash = rest.rfind("/")
    colon = rest.rfind(":")
    if colon > last_slash:
        rest, tag = rest[:colon], rest[colon + 1 :]
        if not _TAG.fullmatch(tag):
            raise InvalidReferenceError(f"invalid tag {tag!r} in {text!r}")
    registry, path = DOCKER_HUB, rest
    first, sep, remainder = rest.partition("/")
    if sep and ("." in first or ":" in first or first == "localhost"):
        if not _DOMAIN.fullmatch(first):
            raise InvalidReferenceError(f"invalid registry host {first!r} in {text!r}")
        registry, path = first, remainder
    if registry in ("index.docker.io", "registry-1.docker.io"):
        registry = DOCKER_HUB
    components = path.split("/")
    for component in components:
        if not _PATH_COMPONENT.fullmatch(component):
            if component.lower() != component and _PATH_COMPONENT.fullmatch(component.lower()):
                raise InvalidReferenceError(f"repository name must be lowercase: {text!r}")
            raise InvalidReferenceError(f"invalid repository name {path!r} in {text!r}")
    if len(path) > 255:
        raise InvalidReferenceError(f"repository name longer than 255 characters: {text[:40]}…")
    if registry == DOCKER_HUB and len(components) == 1:
        path = f"library/{path}"
    return ImageRef(registry, path, tag, digest)


ImageKey = tuple[str, str, str]  # registry, repository, tag: what one registry lookup answers


def image_key(ref: ImageRef) -> ImageKey | None:
    """What a lookup asks for: the tag, `latest` when the reference has neither tag nor digest
    (what a build pulls), None for a digest-only reference (nothing to follow)."""
    tag = ref.tag or (None if ref.digest else "latest")
    return (ref.registry, ref.repository, tag) if tag else None


INDEX = "index"  # the kind of a multi-platform digest: an OCI image index or a Docker manifest list
MANIFEST = "manifest"  # one platform's manifest whose platform was not asked for


@record
class PinnedDigest:
    """What the registry says about a digest a file pins beside a tag that now points elsewhere."""

    kind: str | None  # INDEX, a platform ("linux/amd64"), MANIFEST; None: the registry no longer has it
    successor: str | None = None  # the digest of the same kind the tag points to now
    error: str | None = None  # why there is no successor, or why the digest could not be looked up


@record
class Resolution:
    """A registry's answer for one ImageKey: the digest the tag points to now, or why not, and
    for each other digest a file pins beside that tag, what it is."""

    digest: str | None = None
    error: str | None = None
    kind: str = ""  # of `digest`: INDEX, MANIFEST or its platform; "" when the registry did not say
    pinned: Mapping[str, PinnedDigest] = field(default_factory=dict)  # by the pinned digest

    def is_current(self, digest: str) -> bool:
        """Whether `digest` is what the tag points to now: the tag's own digest, or the same
        kind's successor of a digest pinned beside it (that platform's manifest in its index)."""
        return digest == self.digest or any(p.successor == digest for p in self.pinned.values())

    def kind_of(self, digest: str) -> str:
        """The kind of `digest`, when it is the tag's or a successor this answer names ("" when not)."""
        if digest == self.digest:
            return self.kind
        return next((p.kind or "" for p in self.pinned.values() if p.successor == digest), "")


@record
class ImageOccurrence:
    """An image reference written in a file: a FROM, an ARG default, a compose `image:`."""

    path: str
    line: int
    text: str  # the reference (for ARG-built ones: as the defaults resolve it)
    span: Span | None  # where the reference text sits; None when it cannot be rewritten in place
    where: str  # "FROM", "ARG BASE", "services.db.image", "jobs.test.container.image" …
    note: str = ""  # why it cannot be rewritten, when span is None
    # The lines of the instructions that use it, when they are not only `line` (an ARG
    # default several FROMs build on): a suppression comment above each of them counts.
    used_at: tuple[int, ...] = ()


@record
class DigestChange:
    """A digest hardenbot pinned or refreshed."""

    path: str
    line: int
    registry: str
    repository: str
    image: str  # as people write it: python, ghcr.io/acme/api
    tag: str
    old: str | None  # None: newly pinned
    new: str
    kind: str = ""  # of the new digest: INDEX, a platform ("linux/amd64"), MANIFEST; "" when not known
