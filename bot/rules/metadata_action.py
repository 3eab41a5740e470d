"""docker/metadata-action, as workflows use it: the images a step names, which the tags it
makes (`${{ steps.meta.outputs.tags }}`) are of. Read by the workflow source (what a job builds)
and by HB040 (what a push step pushes)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from bot.lazy_regex import lazy_compile
from bot.rules.yaml_nodes import is_scalar

if TYPE_CHECKING:
    import yaml

# The action, under its name and under the one it had before it moved to docker/ (still used,
# same `images:` input and `tags` output): for `str.startswith`.
METADATA_ACTION = ("docker/metadata-action@", "crazy-max/ghaction-docker-meta@")
# `tags: ${{ steps.meta.outputs.tags }}`: the tags the step with that id made.
OUTPUT_TAGS = lazy_compile(r"\$\{\{\s*steps\.([\w-]+)\.outputs\.tags\s*\}\}")


def metadata_images(node: yaml.Node | None) -> list[str]:
    """docker/metadata-action's `images:`, a line each: a name, or `name=…,enable=…`."""
    text = str(node.value).strip() if is_scalar(node) else ""
    lines = [line.strip() for line in text.splitlines()]
    return [line.split(",", 1)[0].removeprefix("name=") for line in lines if line]
