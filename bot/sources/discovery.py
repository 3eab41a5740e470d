"""Which files in a tree hardenbot reads: those a source kind covers (see `bot/sources/`).

Skipped: `.git`, `node_modules`, vendored trees, virtualenvs, and the configured excludes.
Symlinks are never followed: a link could lead out of the tree, and a link inside it names a
file that is scanned under its own path anyway. Only regular files are read: a FIFO or a device
named like a Dockerfile is skipped.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from bot.record import record
from bot.sources import kind_of
from bot.sources.files import is_regular_file
from bot.sources.globs import glob_regex
from bot.sources.kind import SourceKind

SKIPPED_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "vendor", "third_party", ".venv",
                          "venv", "__pycache__", ".tox", ".mypy_cache", ".pytest_cache"})


@record
class SourceFile:
    """A file found in the repository, and its kind."""
    path: str  # repository-relative, forward slashes
    kind: SourceKind


ACTION_FILES = frozenset({"action.yml", "action.yaml"})


def find_sources(root: Path, exclude: Iterable[str] = ()) -> list[SourceFile]:
    """Dockerfiles, compose files and workflows under `root`, sorted by path."""
    return walk(root, exclude)[0]


def walk(root: Path, exclude: Iterable[str] = ()) -> tuple[list[SourceFile], frozenset[str]]:
    """(the sources under `root`, sorted by path; the folders holding a GitHub Action's
    action.yml, seen on the same walk: its image is a tool's)."""
    patterns = [glob_regex(p) for p in exclude]

    def excluded(relative: str) -> bool:
        return any(p.fullmatch(relative) for p in patterns)

    found, action_folders = [], set()
    for directory, dirnames, filenames in os.walk(root, followlinks=False):
        rel_dir = os.path.relpath(directory, root).replace(os.sep, "/")
        rel_dir = "" if rel_dir == "." else rel_dir + "/"
        dirnames[:] = sorted(d for d in dirnames if d not in SKIPPED_DIRS and not excluded(rel_dir + d)
                             and not os.path.islink(os.path.join(directory, d)))
        if not ACTION_FILES.isdisjoint(filenames):
            action_folders.add(rel_dir.rstrip("/"))
        for name in filenames:
            relative = rel_dir + name
            kind = kind_of(relative)
            if kind and not excluded(relative) and is_regular_file(os.path.join(directory, name)):
                found.append(SourceFile(relative, kind))
    return sorted(found, key=lambda source: source.path), frozenset(action_folders)
