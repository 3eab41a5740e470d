"""Where an image reference stands against the registry: the state HB030-HB032 act on."""
from __future__ import annotations

from dataclasses import dataclass

from bot.errors import InvalidReferenceError
from bot.model.images import ImageOccurrence, ImageRef, image_key, parse_reference
from bot.model.text import Span
from bot.rules.rule import RuleContext

# unpinned: tag without digest · stale: digest differs from what the tag points to now
# current: digest is the tag's · unresolved: the registry lookup failed · unknown: offline
# digest-only: nothing to follow · untagged: neither tag nor digest · invalid: not a reference
# unwritable: built from ARGs, cannot be rewritten in place


@dataclass(frozen=True)
class PinState:
    kind: str
    ref: ImageRef | None = None
    digest: str | None = None  # what the tag points to now, when known
    reason: str = ""


def short(digest: str) -> str:
    return digest.split(":", 1)[-1][:12]


def pin_state(occurrence: ImageOccurrence, context: RuleContext) -> PinState:
    if occurrence.span is None and "$" in occurrence.text:
        return PinState("unwritable", reason=occurrence.note)  # not even resolvable with defaults
    try:
        ref = parse_reference(occurrence.text)
    except InvalidReferenceError as error:
        return PinState("invalid", reason=str(error))
    if ref.tag is None:
        return PinState("digest-only" if ref.digest else "untagged", ref)
    key = image_key(ref)
    resolution = context.digests.get(key) if context.digests is not None and key else None
    if resolution is None:
        return PinState("unknown", ref)
    if resolution.error:
        return PinState("unresolved", ref, reason=resolution.error)
    if occurrence.span is None:
        return PinState("unwritable", ref, resolution.digest, occurrence.note)
    if ref.digest is None:
        return PinState("unpinned", ref, resolution.digest)
    if ref.digest != resolution.digest:
        return PinState("stale", ref, resolution.digest)
    return PinState("current", ref, resolution.digest)


def digest_span(occurrence: ImageOccurrence) -> Span:
    """The `sha256:…` part of a pinned reference's span."""
    assert occurrence.span is not None
    at = occurrence.text.index("@") + 1
    return Span(occurrence.span.start + at, occurrence.span.end)
