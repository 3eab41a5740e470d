"""The files hardenbot reads, one module per kind (`dockerfile.py`, `compose.py`,
`workflow.py`, each declaring a `KIND`), found here so that adding a kind of file is adding
its module; and finding, reading and writing those files safely (`discovery.py`, `files.py`), and listing a
build context's names (`build_context.py`) and reading its small files (`context_files.py`), and which Dockerfiles a compose file's or
workflow's edits concern (`concerns.py`), and where usage docs mount folders (`usage_docs.py`), and which
images a Cloud Build configuration runs as its own steps (`cloud_build.py`).

A path two kinds would both cover belongs to the first in module-name order (a
`docker-compose.yml` under `.github/workflows/` is read as a compose file).
"""
from __future__ import annotations

import importlib
import pkgutil

from bot.sources.kind import SourceKind

_SUPPORT = frozenset({"build_context", "cloud_build", "concerns", "context_files", "discovery", "files", "globs", "ignores", "kind", "usage_docs",
                      "yaml_scalars"})


def _discover() -> tuple[SourceKind, ...]:
    kinds = []
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if module_info.name in _SUPPORT:
            continue
        kind = getattr(importlib.import_module(f"{__name__}.{module_info.name}"), "KIND", None)
        if not isinstance(kind, SourceKind):
            raise ImportError(f"bot/sources/{module_info.name}.py must declare KIND = SourceKind(…)")
        kinds.append(kind)
    return tuple(kinds)


SOURCE_KINDS: tuple[SourceKind, ...] = _discover()
_BY_NAME = {kind.name: kind for kind in SOURCE_KINDS}


def kind_of(relative: str) -> SourceKind | None:
    """The kind of file at `relative` (a repository-relative path), or None: not read."""
    return next((kind for kind in SOURCE_KINDS if kind.covers(relative)), None)


def kind_named(name: str) -> SourceKind:
    return _BY_NAME[name]
