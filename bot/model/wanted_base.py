"""What the base-recommendation pass is asked: each shipped stage's base as its Dockerfile
writes it (`WantedBase`), and the `base-recommendation:` settings. Apart from what it answers
(`bot.model.advice`), so that `check`, which measures no base, loads only these."""
from __future__ import annotations

from bot.record import record

# registry, repository, tag (`latest` when none), pinned digest ("" none), platform
BaseKey = tuple[str, str, str, str, str]
DEFAULT_PLATFORM = "linux/amd64"  # what a FROM without a literal --platform is measured for


@record
class AdviceSettings:
    """`base-recommendation:` in the configuration."""

    enabled: bool = True
    allow_major: bool = False  # python 3 → 4, node 20 → 22
    allow_minor: bool = False  # python 3.11 → 3.12
    allow_libc_change: bool = False  # debian → alpine
    candidates: int = 3  # other tags read per base (tags naming the same image as one read count once)
    max_bytes: int = 2 << 30  # compressed layer bytes read from registries per run, every base together


@record
class WantedBase:
    """A shipped stage's base, as a Dockerfile writes it."""

    key: BaseKey
    reference: str  # as written after FROM (defaults substituted): python:3.11-bullseye, 127.0.0.1:5000/python:3.11
