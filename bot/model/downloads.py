"""What downloading a URL once said: the digest of its content, or why there is none."""
from __future__ import annotations

from bot.record import record


@record
class Download:
    """What reading a URL once gave: its content's digest and size, or why not."""
    url: str
    digest: str | None = None  # "sha256:<hex>" of the content, when it was read whole
    size: int = 0  # bytes read
    error: str | None = None  # one line: why there is no digest
