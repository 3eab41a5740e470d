"""The external base images a Dockerfile's stages are built FROM."""
from __future__ import annotations

from collections.abc import Iterator

from bot.dockerfile.model import Dockerfile, Stage
from bot.errors import InvalidReferenceError
from bot.model.images import ImageRef, parse_reference


def external_images(doc: Dockerfile) -> Iterator[tuple[Stage, ImageRef]]:
    """(stage, image) for stages built FROM a registry image (not scratch, not a stage)."""
    for stage in doc.stages:
        if stage.parent is not None or stage.resolved_base in (None, "scratch"):
            continue
        try:
            yield stage, parse_reference(stage.resolved_base)
        except InvalidReferenceError:
            continue
