"""How long to wait before trying a request again: one policy for the registry and GitHub
clients, each with its own bounds, and one reading of the Retry-After header."""
from __future__ import annotations

import email.utils
import time

from bot.record import record


@record
class RetryPolicy:
    attempts: int  # tries in all, the first included
    base_delay: float  # seconds before the second try, doubled after each failure
    max_delay: float  # the longest wait, Retry-After included

    def backoff(self, attempt: int) -> float:
        """The wait after failed try number `attempt` (1-based) when the server named none."""
        return min(self.max_delay, self.base_delay * 2 ** (attempt - 1))

    def delay(self, attempt: int, retry_after: str | None) -> float:
        """Retry-After when the server sent one we can read, else the backoff; within bounds."""
        wanted = retry_after_seconds(retry_after)
        return max(0.0, min(self.max_delay, self.backoff(attempt) if wanted is None else wanted))


def retry_after_seconds(header: str | None, now: float | None = None) -> float | None:
    """Retry-After as seconds from now: it is either a number of seconds or an HTTP date."""
    header = (header or "").strip()
    if header.isdigit():
        return float(header)
    if not header:
        return None
    try:
        return email.utils.parsedate_to_datetime(header).timestamp() - (time.time() if now is None else now)
    except (TypeError, ValueError):
        return None
