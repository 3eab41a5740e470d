"""GitHub's rate limits, read off a response: whether a failed call may be tried again and
after how long, and the primary budget left. Both GitHub clients (PyGithub for one repository,
`org.py` for an organisation) decide with these, on the policy of `bot.retry`.

GitHub's documented rules: a 5xx or a 429 may be retried; a 403 only when it is a rate limit
(its message says so, or it carries Retry-After). Retry-After is honoured first; else, when the
primary budget is spent (x-ratelimit-remaining: 0), wait until x-ratelimit-reset; else a
secondary limit wants at least a minute; anything else backs off exponentially.
"""
from __future__ import annotations

import time
from collections.abc import Mapping

from bot.record import record
from bot.retry import RetryPolicy, retry_after_seconds

SECONDARY_LIMIT_WAIT = 60.0  # GitHub: "wait at least one minute before retrying"


@record
class RateBudget:
    """The primary limit as the last response told it (x-ratelimit-*)."""
    limit: int
    remaining: int
    reset: float  # epoch seconds when `remaining` is back to `limit`

    def seconds_to_reset(self, now: float | None = None) -> float:
        return max(0.0, self.reset - (time.time() if now is None else now))


def header(headers: Mapping[str, str] | None, name: str) -> str | None:
    for key, value in (headers or {}).items():
        if key.lower() == name:
            return value
    return None


def budget_from(headers: Mapping[str, str] | None) -> RateBudget | None:
    values = [header(headers, f"x-ratelimit-{part}") for part in ("limit", "remaining", "reset")]
    if not all(value and value.isdigit() for value in values):
        return None
    limit, remaining, reset = (int(value) for value in values)  # type: ignore[arg-type]
    return RateBudget(limit, remaining, float(reset))


def latest(known: RateBudget | None, told: RateBudget) -> RateBudget:
    """The budget after a response told `told`. Answers to parallel calls arrive out of order:
    within one window (same reset) the fewest remaining is the newest; a later reset is a new
    window."""
    if known is None or told.reset > known.reset:
        return told
    if told.reset < known.reset:
        return known
    return told if told.remaining <= known.remaining else known


def retryable(status: int | None, message: str, headers: Mapping[str, str] | None) -> bool:
    if status is not None and (status >= 500 or status == 429):
        return True
    return status == 403 and ("rate limit" in message.lower() or header(headers, "retry-after") is not None)


def retry_delay(status: int | None, message: str, headers: Mapping[str, str] | None, attempt: int,
                policy: RetryPolicy, now: float | None = None) -> float:
    """Seconds to wait after failed try number `attempt`, within the policy's bounds."""
    retry_after = header(headers, "retry-after")
    if retry_after_seconds(retry_after, now) is not None or status not in (403, 429):
        return policy.delay(attempt, retry_after)
    reset = header(headers, "x-ratelimit-reset")
    if header(headers, "x-ratelimit-remaining") == "0" and reset and reset.isdigit():
        return min(policy.max_delay, max(0.0, int(reset) - (time.time() if now is None else now)))
    if "secondary rate limit" in message.lower():
        return min(policy.max_delay, max(SECONDARY_LIMIT_WAIT, policy.backoff(attempt)))
    return policy.delay(attempt, None)
