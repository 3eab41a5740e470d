"""What a Dockerfile's build context holds that must not ship: names only, read from the
repository's tree (never a file's content)."""
from __future__ import annotations

from bot.record import record


@record
class ContextListing:
    """What a build context holds that must not ship in an image, and the .dockerignore it has."""
    folder: str  # the build context, repository-relative ("." is the root)
    ignore_file: str | None  # the .dockerignore the build reads (the context's or the Dockerfile's own), if any
    found: tuple[str, ...] = ()  # context-relative paths named like what must not ship (.git, .env, *.key …)
    complete: bool = True  # False: the listing stopped at its bound, more may be there
    shared_by: int = 1  # how many of the run's Dockerfiles build from this context
