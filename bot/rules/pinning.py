"""Where an image reference stands against the registry: the state HB030-HB032 act on."""
from __future__ import annotations

from enum import Enum

from bot.errors import InvalidReferenceError
from bot.model.images import ImageOccurrence, ImageRef, image_key, parse_reference
from bot.model.text import Span
from bot.record import record
from bot.rules.rule import RuleContext


class Pin(Enum):
    UNPINNED = "a tag without a digest"
    STALE = "a digest other than the one the tag points to now"
    GONE = "a digest the registry no longer has (deleted, garbage-collected)"
    CURRENT = "the digest the tag points to now"
    UNRESOLVED = "the registry lookup failed"
    UNKNOWN = "not looked up: the run is offline"
    DIGEST_ONLY = "a digest without a tag: nothing to follow"
    INVALID = "not an image reference"
    UNWRITABLE = "built from ARGs: cannot be rewritten in place"


@record
class PinState:
    """How an image reference is pinned, and what its tag points to now when known."""
    kind: Pin
    ref: ImageRef | None = None
    digest: str | None = None  # what the tag points to now (of the pinned digest's kind), when known
    reason: str = ""
    digest_kind: str = ""  # of the pinned digest: "index", a platform ("linux/amd64"), "manifest"; "" unknown


def short(digest: str) -> str:
    return digest.split(":", 1)[-1][:12]


def pin_state(occurrence: ImageOccurrence, context: RuleContext) -> PinState:
    if occurrence.span is None and "$" in occurrence.text:
        return PinState(Pin.UNWRITABLE, reason=occurrence.note)  # not even resolvable with defaults
    try:
        ref = parse_reference(occurrence.text)
    except InvalidReferenceError as error:
        return PinState(Pin.INVALID, reason=str(error))
    if ref.tag is None and ref.digest:
        return PinState(Pin.DIGEST_ONLY, ref)
    key = image_key(ref)
    resolution = context.digests.get(key) if context.digests is not None and key else None
    # What the registry said about this pinned digest, when the tag points elsewhere.
    pinned = resolution.pinned.get(ref.digest) if resolution is not None and ref.digest else None
    if pinned is not None and pinned.kind is None:
        return PinState(Pin.GONE, ref, pinned.successor, pinned.error or "")
    if resolution is not None and resolution.error:
        return PinState(Pin.UNRESOLVED, ref, reason=resolution.error)
    if occurrence.span is None:  # whatever the registry says, offline too
        return PinState(Pin.UNWRITABLE, ref, resolution.digest if resolution else None, occurrence.note)
    if resolution is None:
        return PinState(Pin.UNKNOWN, ref)
    if ref.digest is None:
        return PinState(Pin.UNPINNED, ref, resolution.digest)
    if resolution.is_current(ref.digest):
        return PinState(Pin.CURRENT, ref, ref.digest, digest_kind=resolution.kind_of(ref.digest))
    if pinned is not None:
        return PinState(Pin.STALE, ref, pinned.successor, pinned.error or "", pinned.kind or "")
    return PinState(Pin.STALE, ref, resolution.digest)


def digest_span(occurrence: ImageOccurrence) -> Span:
    """The `sha256:…` part of a pinned reference's span."""
    assert occurrence.span is not None
    at = occurrence.text.index("@") + 1
    return Span(occurrence.span.start + at, occurrence.span.end)
