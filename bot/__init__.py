"""hardenbot: keeps a repository's container builds hardened."""

__version__ = "0.1.0"
