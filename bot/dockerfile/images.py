"""The registry images a Dockerfile's build pulls, as occurrences with the span to rewrite for
each: FROM (stages built on another stage or on scratch excepted), `COPY --from=<image>` and
`RUN --mount=…,from=<image>` (a stage's name or index is not an image), and the frontend that
`# syntax=` names.

A reference is rewritten where its text is written, in one piece, as BuildKit expands it:
`FROM python:3.12` → the image word; `ARG BASE=python:3.12` + `FROM ${BASE}` → the ARG's
default; `FROM ${BASE:-alpine:3.19}` with BASE unset → inside the braces. One written text
several FROMs use is one occurrence. It is not rewritten (an occurrence without a span, saying
why) when a build arg could change what is around it, when it is assembled from several pieces
(`python:${PY}-slim`), or when another use reads the same text as part of something else
(`FROM ${BASE}-slim`), which a digest would break.
"""
from __future__ import annotations

from collections.abc import Iterator

from bot.dockerfile.expand import Expanded
from bot.dockerfile.model import Dockerfile, Stage
from bot.dockerfile.parser import Flag, Instruction
from bot.errors import InvalidReferenceError
from bot.model.images import ImageOccurrence, ImageRef, image_key, parse_reference
from bot.model.text import Span, excerpt
from bot.model.wanted_base import DEFAULT_PLATFORM, WantedBase
from bot.record import record

_MOUNTS_FROM_IMAGES = ("bind", "cache")  # secret, ssh and tmpfs mounts take nothing from an image


@record
class _Use:
    """One place the build names an image."""

    line: int  # the naming instruction's first line
    where: str
    written: str  # the text there, before expansion
    value: Expanded
    image: bool = True  # False: a FROM naming an earlier stage, whose text a pin must not change


def image_occurrences(doc: Dockerfile) -> list[ImageOccurrence]:
    """Computed once per parsed file: several rules ask."""
    cached = doc.derived.get("image_occurrences")
    if cached is None:
        cached = doc.derived["image_occurrences"] = _image_occurrences(doc)
    return cached


def _image_occurrences(doc: Dockerfile) -> list[ImageOccurrence]:
    uses = [(use, use.value.literal_span()) for use in _uses(doc)]
    by_span: dict[Span, list[_Use]] = {}
    for use, span in uses:
        if span is not None and use.image:
            by_span.setdefault(span, []).append(use)
    found: list[tuple[int, ImageOccurrence]] = []
    for span, users in by_span.items():
        others = [use for use, its in uses if (its != span or not use.image) and use.value.touches(span)] \
            if len(uses) > 1 else []
        found.append((span.start, _written_once(doc, span, users, others)))
    for use, span in uses:
        if span is None and use.image:
            found.append((doc.parsed.line_starts[use.line - 1], _unwritable(doc, use)))
    found.sort(key=lambda pair: (pair[1].line, pair[0]))
    return [occurrence for _, occurrence in found]


def _uses(doc: Dockerfile) -> Iterator[_Use]:
    frontend = doc.parsed.frontend
    if frontend is not None:
        text = doc.text[frontend.start : frontend.end]
        yield _Use(doc.parsed.line_of(frontend.start), "# syntax", text, Expanded.literal(text, frontend.start))
    stage_names = {stage.name for stage in doc.stages if stage.name}
    for stage in doc.stages:
        if _builds_on_image(stage):
            yield _Use(stage.from_.line, "FROM", stage.base, stage.base_value)
        elif stage.parent is not None:
            yield _Use(stage.from_.line, "FROM", stage.base, stage.base_value, image=False)
        for inst in stage.instructions:
            if not inst.flags:
                continue
            if inst.keyword == "COPY":
                for flag in inst.flags:
                    if flag.name == "from":
                        yield from _literal_image(doc, inst, "COPY --from", flag.value or "", _value_start(flag), stage_names)
            elif inst.keyword == "RUN":
                for flag in inst.flags:
                    if flag.name == "mount":
                        for value, start in _mount_sources(flag):
                            yield from _literal_image(doc, inst, "RUN --mount from", value, start, stage_names)


def _builds_on_image(stage: Stage) -> bool:
    return stage.parent is None and bool(stage.base) and stage.base.lower() != "scratch" \
        and (stage.resolved_base or "").lower() != "scratch"


def _value_start(flag: Flag) -> int | None:
    """Where `--name=value` writes its value, when the flag is written in one piece."""
    value = flag.value or ""
    if flag.span.end - flag.span.start != len(flag.name) + 3 + len(value):
        return None
    return flag.span.end - len(value)


def _mount_sources(flag: Flag) -> Iterator[tuple[str, int | None]]:
    """`from=` of a `--mount` that takes files from it: (value, where it is written)."""
    value = flag.value or ""
    if '"' in value:
        return  # a quoted CSV field: not read here
    start = _value_start(flag)
    fields: dict[str, tuple[str, int | None]] = {}
    at = 0
    for field in value.split(","):
        key, _, field_value = field.partition("=")
        offset = at + len(key) + 1
        fields[key.strip().lower()] = (field_value, None if start is None else start + offset)
        at += len(field) + 1
    kind = fields.get("type", ("bind", None))[0].lower()
    if "from" in fields and kind in _MOUNTS_FROM_IMAGES:
        yield fields["from"]


def _literal_image(doc: Dockerfile, inst: Instruction, where: str, value: str, start: int | None,
                   stage_names: set[str]) -> Iterator[_Use]:
    """An image a flag names, unless it names a stage (by name or index) or scratch. BuildKit
    expands no variable there; one written with quotes or escapes is left alone."""
    if not value or value.isdigit() or value.lower() in stage_names or value.lower() == "scratch":
        return
    if start is None or any(char in value for char in ("$", "'", '"', doc.escape)):
        return
    yield _Use(inst.line, where, value, Expanded.literal(value, start))


def _written_once(doc: Dockerfile, span: Span, users: list[_Use], others: list[_Use]) -> ImageOccurrence:
    """The occurrence of a text written at `span` that `users` use whole: rewritten there, unless
    `others` read it as part of something else."""
    text = doc.text[span.start : span.end]
    line, where = _home(doc, span, users)
    used_at = tuple(sorted({use.line for use in users + others}))
    if not others:
        return ImageOccurrence(doc.path, line, text, span, where, used_at=used_at)
    other = others[0]
    what = (f"makes {excerpt(other.value.text or other.written)} of it ({excerpt(other.written)})" if other.image
            else f"names the stage {excerpt(other.value.text)} with it")
    note = f"{where} is used on {name_lines(used_at)}, and line {other.line} {what}, which a digest would break: not changed"
    return ImageOccurrence(doc.path, line, text, None, where, note, used_at)


def _home(doc: Dockerfile, span: Span, users: list[_Use]) -> tuple[int, str]:
    """The line and the name of the place `span` is written in: an ARG default, or the use."""
    for arg in doc.declared_args:
        if arg.value_span is not None and arg.value_span.start <= span.start < arg.value_span.end:
            return arg.instruction.line, f"ARG {arg.name}"
    return users[0].line, users[0].where


def _unwritable(doc: Dockerfile, use: _Use) -> ImageOccurrence:
    value = use.value
    written = excerpt(use.written)
    if value.error:
        return ImageOccurrence(doc.path, use.line, use.written, None, use.where,
                               f"{written} cannot be expanded: {excerpt(value.error)}")
    if value.unknown:
        names = ", ".join(f"${name}" for name in value.unknown)
        return ImageOccurrence(doc.path, use.line, use.written, None, use.where,
                               f"{written} depends on {excerpt(names)}, which only the build knows")
    if value.unset or not value.text:
        why = "has no default value to resolve" if value.unset else "expands to nothing without build args"
        return ImageOccurrence(doc.path, use.line, use.written, None, use.where, f"{written} {why}")
    how = ("is built from several ARGs" if use.written.count("$") > 1 else "is built from an ARG and text"
           if "$" in use.written else "is written with quotes or escapes")
    return ImageOccurrence(doc.path, use.line, value.text, None, use.where,
                           f"{written} {how} (resolves to {excerpt(value.text)}): pin it by hand")


def name_lines(lines: list[int] | tuple[int, ...]) -> str:
    """`line 3`, `lines 3 and 5`, `lines 3, 5 and 7`."""
    if len(lines) == 1:
        return f"line {lines[0]}"
    return "lines " + ", ".join(str(n) for n in lines[:-1]) + f" and {lines[-1]}"


def external_images(doc: Dockerfile) -> Iterator[tuple[Stage, ImageRef]]:
    """(stage, image) for stages built FROM a registry image (not scratch, not a stage)."""
    for stage in doc.stages:
        if stage.parent is not None or stage.resolved_base in (None, "scratch"):
            continue
        try:
            yield stage, parse_reference(stage.resolved_base)
        except InvalidReferenceError:
            continue


def shipped_base(doc: Dockerfile) -> WantedBase | None:
    """The registry image the shipped (final) stage is built on, through the stages it is built
    FROM, and the platform it is pulled for: a literal `--platform`, else DEFAULT_PLATFORM
    (one that names a build arg is the engine's, which the file does not say). None for
    scratch, an unresolvable or invalid reference."""
    root = doc.final_stage.lineage()[-1]
    if not _builds_on_image(root) or root.resolved_base is None:
        return None
    try:
        ref = parse_reference(root.resolved_base)
    except InvalidReferenceError:
        return None
    key = image_key(ref)
    if key is None:
        return None
    platform = next((flag.value for flag in root.from_.flags if flag.name == "platform"), None) or ""
    platform = platform if platform and "$" not in platform else DEFAULT_PLATFORM
    return WantedBase((*key, ref.digest or "", platform), root.resolved_base)
