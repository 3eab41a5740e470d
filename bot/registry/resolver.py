"""Resolve many references at once: each unique (registry, repository, tag) once per run,
concurrently, with a bounded pool shared fairly between registries (`hostpool.py`), so that
one registry that holds its requests never keeps the others from being asked. A failure is a
result, never an exception: every other image still resolves; what the run's deadline or a
host that timed out left unasked says so.

A digest a file pins beside a tag that now points elsewhere (or that no longer resolves) is
asked about too, once per repository and digest, so that it is refreshed to the same kind
(see `PinnedDigest`): a HEAD says whether the registry still has it and whether it is an
index. An index stays an index. One platform's manifest becomes that platform's manifest in
the tag's index now: the index is read once per tag, and a manifest still listed there is
current, its platform named beside it; only one that is not listed is read, with its
config, for its platform. A digest the registry no longer has is followed by the tag's.
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from bot.model.images import INDEX, MANIFEST, ImageKey, ImageRef, PinnedDigest, Resolution, image_key
from bot.registry.client import ManifestHead, NotFoundError, RegistryClient, RegistryError, same_platform
from bot.registry.hostpool import map_by_host

_T = TypeVar("_T")
_R = TypeVar("_R")
DigestKey = tuple[str, str, str]  # registry, repository, digest
Head = ManifestHead | RegistryError
Index = list[tuple[str, str]] | RegistryError  # an index's (platform, manifest digest) entries


def resolve_all(refs: Iterable[ImageRef], client: RegistryClient, workers: int = 8) -> dict[ImageKey, Resolution]:
    tags, pinned = _unique(refs)
    workers = max(1, workers)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        each = functools.partial(_on_pool, pool, workers)
        heads = each(lambda key: client.head(tags[key]), tags)
        # Pins the tag does not point to: whether the registry still has each, and its type.
        stale = sorted({(key, old) for key, digests in pinned.items() for old in digests
                        if _needs_kind(heads[key], old)})
        pinned_heads = each(lambda d: client.head(_repository(d), d[2]), [_at(key, old) for key, old in stale])
        manifests = [(key, old) for key, old in stale
                     if _is_manifest(pinned_heads[_at(key, old)]) and isinstance(heads[key], ManifestHead)]
        indexes = each(lambda key: client.index_platforms(tags[key], _tag_digest(heads, key)),
                        [key for key, _ in manifests if _is_index(heads[key])])
        # A manifest the tag's index does not list: its platform; and a tag's own manifest's.
        unlisted = [_at(key, old) for key, old in manifests if _listed(indexes.get(key), old) is None]
        tag_manifests = [_at(key, _tag_digest(heads, key)) for key, _ in manifests if not _is_index(heads[key])]
        platforms = each(lambda d: client.platform(_repository(d), d[2]), unlisted + tag_manifests)

    answers: dict[ImageKey, dict[str, PinnedDigest]] = {key: {} for key in heads}
    for key, old in stale:
        index = indexes.get(key)
        kind = _listed(index, old) or _kind(pinned_heads[_at(key, old)], platforms.get(_at(key, old)))
        head = heads[key]
        tag_platform = platforms.get(_at(key, head.digest)) if isinstance(head, ManifestHead) else None
        answers[key][old] = _pinned(kind, head, index, tag_platform)
    results = {}
    for key, head in heads.items():
        if isinstance(head, ManifestHead):
            kind = _kind(head, platforms.get(_at(key, head.digest)))
            results[key] = Resolution(digest=head.digest, kind=kind if isinstance(kind, str) else "",
                                      pinned=answers[key])
        else:
            results[key] = Resolution(error=str(head), pinned=answers[key])
    return results


def _unique(refs: Iterable[ImageRef]) -> tuple[dict[ImageKey, ImageRef], dict[ImageKey, set[str]]]:
    """Each tag to look up once, and the digests pinned beside each."""
    tags: dict[ImageKey, ImageRef] = {}
    pinned: dict[ImageKey, set[str]] = {}
    for ref in refs:
        key = image_key(ref)
        if key is None:
            continue
        tags.setdefault(key, ImageRef(ref.registry, ref.repository, key[2], None))
        if ref.digest:
            pinned.setdefault(key, set()).add(ref.digest)
    return tags, pinned


def _on_pool(pool: ThreadPoolExecutor, workers: int, call: Callable[[_T], _R],
             inputs: Iterable[_T]) -> dict[_T, _R | RegistryError]:
    """`call` on each distinct input (a key whose first part is its registry), on the pool,
    registries served in turn; a RegistryError is the answer, not raised."""
    def attempt(item: _T) -> _R | RegistryError:
        try:
            return call(item)
        except RegistryError as error:
            return error
    return map_by_host(pool, workers, attempt, inputs, lambda item: item[0])


def _at(key: ImageKey, digest: str) -> DigestKey:
    return key[0], key[1], digest


def _repository(key: DigestKey) -> ImageRef:
    return ImageRef(key[0], key[1], None, None)


def _tag_digest(heads: dict[ImageKey, Head], key: ImageKey) -> str:
    head = heads[key]
    assert isinstance(head, ManifestHead)  # asked only beside a tag that resolved
    return head.digest


def _needs_kind(head: Head, old: str) -> bool:
    """Whether a digest pinned beside this tag must be asked about: the tag points elsewhere,
    or the tag is gone (then only whether the digest is gone too matters)."""
    if isinstance(head, ManifestHead):
        return head.digest != old
    return isinstance(head, NotFoundError)


def _is_index(head: Head) -> bool:
    return isinstance(head, ManifestHead) and head.is_index


def _is_manifest(head: Head) -> bool:
    return isinstance(head, ManifestHead) and not head.is_index


def _listed(index: Index | None, digest: str) -> str | None:
    """The platform an index lists `digest` for, if it does."""
    if isinstance(index, list):
        return next((platform for platform, listed in index if listed == digest), None)
    return None


def _kind(head: Head, platform: str | RegistryError | None) -> str | RegistryError:
    """A digest's kind from its HEAD, and its platform when that was read; NotFoundError when
    the registry no longer has it."""
    if isinstance(head, RegistryError):
        return head
    if head.is_index:
        return INDEX
    if platform is not None:
        return platform
    return MANIFEST if head.media_type else ""


def _pinned(kind: str | RegistryError, head: Head, index: Index | None,
            tag_platform: str | RegistryError | None) -> PinnedDigest:
    """What a pinned digest is, and the digest of the same kind the tag points to now."""
    if isinstance(kind, NotFoundError):
        return PinnedDigest(None, head.digest if isinstance(head, ManifestHead) else None,
                            str(head) if isinstance(head, RegistryError) else None)
    if isinstance(kind, RegistryError):
        return PinnedDigest("", error=f"could not tell what kind of digest it is: {kind}")
    if isinstance(head, RegistryError):
        return PinnedDigest(kind, error=str(head))
    if kind == INDEX:
        if head.is_index:
            return PinnedDigest(kind, head.digest)
        return PinnedDigest(kind, error="the tag now points to one platform's manifest, not an index")
    if not kind:
        return PinnedDigest(kind, error="the registry did not say what kind of digest it is")
    if kind == MANIFEST:
        if head.is_index:
            return PinnedDigest(kind, error="the tag now points to an index, and the pinned manifest names no platform")
        return PinnedDigest(kind, head.digest)
    if head.is_index:
        if isinstance(index, RegistryError):
            return PinnedDigest(kind, error=f"could not read the tag's index: {index}")
        matches = [digest for platform, digest in index or [] if same_platform(platform, kind)]
        if len(matches) != 1:
            return PinnedDigest(kind, error=f"the tag's index has {'several' if matches else 'no'} {kind} manifests")
        return PinnedDigest(kind, matches[0])
    if isinstance(tag_platform, str) and same_platform(tag_platform, kind):
        return PinnedDigest(kind, head.digest)
    what = tag_platform if isinstance(tag_platform, str) else f"a manifest whose platform could not be read ({tag_platform})"
    return PinnedDigest(kind, error=f"the tag now points to {what}, not {kind}")
