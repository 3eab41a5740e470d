"""HB030 — a base image not pinned to a digest.

Why: a tag is a pointer that moves: `python:3.12-slim` is rebuilt upstream every few weeks, so
two builds of one commit can get different bases, and a compromised registry account can
move it to anything. A digest names exactly one image.
Fix: `FROM image:tag` → `FROM image:tag@sha256:<digest>`, the digest the tag points to now
(for a multi-arch tag, its index). The tag stays, for people and for update tooling, and
HB031 keeps the digest fresh. Also `COPY --from=<image>`, `RUN --mount=…,from=<image>` and the
`# syntax=` frontend. A reference is pinned where BuildKit's expansion takes its text from: an
`ARG BASE=image:tag` default used as `FROM ${BASE}` (once, however many FROMs use it), the
default inside `${VAR:-image:tag}`. The same for images named in compose files and workflows; a
compose default that compose would use, `${IMAGE:-redis:7}`, is pinned inside the braces.
Reported instead: offline runs, digest-only references (no tag to follow), images assembled
from ARGs and text (`python:${PY}-slim`) or taken from a compose project's `.env`, which a
person pins, and an ARG that another FROM reads as part of a name (`${BASE}-slim`) or keeps
unpinned (`# hardenbot ignore=HB030` above it).
"""
from __future__ import annotations

from collections.abc import Iterator

from bot.model.findings import Finding
from bot.model.images import ImageOccurrence
from bot.model.text import Edit, Span
from bot.rules.pinning import Pin, pin_state, short
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity

CODE = "HB030"


def check_occurrence(occurrence: ImageOccurrence, context: RuleContext) -> Iterator[Finding]:
    state = pin_state(occurrence, context)
    text = occurrence.text

    def found(message: str, *edits: Edit) -> Finding:
        return Finding(CODE, occurrence.path, occurrence.line, message, edits)

    if state.kind is Pin.UNPINNED and state.ref is not None and state.ref.tag is None:
        assert occurrence.span is not None and state.digest is not None
        # A build of an untagged image pulls `latest`: pin that, saying so, and DL3006 still
        # asks for a version.
        yield found(f"{text} has no tag, so it is whatever latest is today: pin it as {text}:latest@"
                    f"{short(state.digest)}", _append(occurrence, ":latest@" + state.digest))
    elif state.kind is Pin.UNPINNED:
        assert occurrence.span is not None and state.digest is not None
        yield found(f"{text} is not pinned: pin to {short(state.digest)}",
                    _append(occurrence, "@" + state.digest))
    elif state.kind is Pin.UNKNOWN and state.ref is not None and state.ref.digest is None:
        yield found(f"{text} is not pinned to a digest (not looked up: offline)")
    elif state.kind is Pin.DIGEST_ONLY:
        yield found(f"{text} is pinned by digest only: add the tag it came from, so updates can follow it")
    elif state.kind is Pin.UNWRITABLE and state.ref is None:
        yield found(f"{occurrence.note}: cannot pin it")
    elif state.kind is Pin.UNWRITABLE and state.ref is not None and state.ref.digest is None:
        yield found(f"{text} is not pinned: {occurrence.note}" + (f" (now {short(state.digest)})" if state.digest else ""))
    elif state.kind is Pin.INVALID:
        yield found(f"{text} is not a valid image reference: {state.reason}")


def _append(occurrence: ImageOccurrence, text: str) -> Edit:
    """`text` after the reference, written as a rewrite of its last character rather than an
    insertion after it: an edit that rewrites the whole reference (HB020's better base) then
    collides with it, and the pin is made on the next pass, of the new reference, if at all."""
    assert occurrence.span is not None
    return Edit(Span(occurrence.span.end - 1, occurrence.span.end), occurrence.text[-1] + text)


RULE = Rule(
    code=CODE,
    name="pin-digest",
    title='a base image not pinned to a digest',
    severity=Severity.MEDIUM,
    security=True,
    on_by_default=True,
    fix=FixSafety.SAFE,
    scope=Scope.IMAGE_REFERENCES,
    why="a tag moves under you; only a digest names exactly one image",
    example=Example('FROM python:3.12-slim', 'FROM python:3.12-slim@sha256:…'),
    doc=__doc__ or "",
    check_occurrence=check_occurrence,
    fix_needs='the registry',
)
