"""The registry images a Dockerfile builds FROM: per stage, and as occurrences with the span to
rewrite for each.

`FROM python:3.12` → the image word. `ARG BASE=python:3.12` + `FROM ${BASE}` → the ARG's
default value, since that is where the reference is written. An image assembled from several
ARGs (`python:${PY}-slim`) is resolved with the defaults for reading, with no span: it cannot
be pinned without rewriting how the file is parameterised.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from bot.dockerfile.model import Dockerfile, Stage
from bot.dockerfile.parser import Instruction, split_words
from bot.errors import InvalidReferenceError
from bot.model.images import ImageOccurrence, ImageRef, parse_reference
from bot.model.text import Span

_SINGLE_VARIABLE = re.compile(r"\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))")


def image_occurrences(doc: Dockerfile) -> list[ImageOccurrence]:
    """Computed once per parsed file: several rules ask."""
    cached = doc.derived.get("image_occurrences")
    if cached is None:
        cached = doc.derived["image_occurrences"] = _image_occurrences(doc)
    return cached


def _image_occurrences(doc: Dockerfile) -> list[ImageOccurrence]:
    found = []
    for stage in doc.stages:
        if stage.parent is not None or stage.base.lower() == "scratch" or not stage.base:
            continue
        found.append(_occurrence(doc, stage))
    return found


def _occurrence(doc: Dockerfile, stage: Stage) -> ImageOccurrence:
    base = stage.base
    if "$" not in base:
        return ImageOccurrence(doc.path, stage.from_.line, base, _image_word_span(stage.from_), "FROM")
    whole = _SINGLE_VARIABLE.fullmatch(base)
    if whole:
        name = whole.group(1) or whole.group(2)
        located = _arg_default(doc, name)
        if located is not None:
            inst, value, span = located
            if "$" not in value:
                return ImageOccurrence(doc.path, inst.line, value, span, f"ARG {name}")
    resolved = stage.resolved_base
    if resolved is None:
        return ImageOccurrence(doc.path, stage.from_.line, base, None, "FROM",
                               f"{base} has no default value to resolve")
    return ImageOccurrence(doc.path, stage.from_.line, resolved, None, "FROM",
                           f"{base} is built from several ARGs (resolves to {resolved})")


def _image_word_span(inst: Instruction) -> Span:
    text = inst.args.text
    start = inst.rest_start
    while start < len(text) and text[start] in " \t":
        start += 1
    end = start
    while end < len(text) and text[end] not in " \t":
        end += 1
    return inst.args.span(start, end)


def _arg_default(doc: Dockerfile, name: str) -> tuple[Instruction, str, Span] | None:
    """The last global `ARG name=value` before the first FROM: (instruction, value, its span)."""
    located = None
    for inst in doc.instructions:
        if inst.keyword == "FROM":
            break
        if inst.keyword != "ARG":
            continue
        text = inst.args.text
        for word in split_words(text):
            key, has_value, value = word.partition("=")
            if key != name or not has_value:
                continue
            start = text.index(word) + len(key) + 1
            end = start + len(value)
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                start, end, value = start + 1, end - 1, value[1:-1]
            located = (inst, value, inst.args.span(start, end))
    return located


def external_images(doc: Dockerfile) -> Iterator[tuple[Stage, ImageRef]]:
    """(stage, image) for stages built FROM a registry image (not scratch, not a stage)."""
    for stage in doc.stages:
        if stage.parent is not None or stage.resolved_base in (None, "scratch"):
            continue
        try:
            yield stage, parse_reference(stage.resolved_base)
        except InvalidReferenceError:
            continue
