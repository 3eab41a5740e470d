"""The registry layer's named errors; str() is one line, without any secret."""
from __future__ import annotations

from bot.errors import HardenbotError


class RegistryError(HardenbotError):
    """A lookup failed; str() is the reason, without any secret."""


class AuthError(RegistryError):
    pass


class NotFoundError(RegistryError):
    pass


class NotResolvedError(RegistryError):
    """Not asked, or not answered in time: the run's registry deadline passed, or the host
    failed earlier in the run."""
