"""Resolve many references at once: each unique (registry, repository, tag) once per run,
concurrently, with a bounded pool. A failure is a result, never an exception: every other
image still resolves."""
from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor

from bot.model.images import ImageKey, ImageRef, Resolution, image_key
from bot.registry.client import RegistryClient, RegistryError


def resolve_all(refs: Iterable[ImageRef], client: RegistryClient, workers: int = 8) -> dict[ImageKey, Resolution]:
    unique: dict[ImageKey, ImageRef] = {}
    for ref in refs:
        key = image_key(ref)
        if key is not None and key not in unique:
            unique[key] = ImageRef(ref.registry, ref.repository, key[2], None)

    def resolve(ref: ImageRef) -> Resolution:
        try:
            return Resolution(digest=client.resolve_digest(ref))
        except RegistryError as error:
            return Resolution(error=str(error))

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        results = pool.map(resolve, unique.values())
        return dict(zip(unique, results, strict=True))
