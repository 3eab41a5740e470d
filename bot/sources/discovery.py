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


def walk(root: Path, exclude: Iterable[str] = ()) -> tuple[list[SourceFile], frozenset[str], dict[str, set[str]]]:
    """(the sources under `root`, sorted by path; the folders holding a GitHub Action's
    action.yml, seen on the same walk: its image is a tool's; each folder listed → the names
    in it that are not folders, for what is looked for beside a source: its README). A folder
    that cannot be listed is passed over, as `os.walk` passes it over."""
    patterns = [glob_regex(p) for p in exclude]

    def excluded(relative: str) -> bool:
        return any(p.fullmatch(relative) for p in patterns)

    found, action_folders, listed = [], set(), {}
    # Each folder's entries say, from the listing itself, which are folders, links and regular
    # files: no further system call per file or folder (on a monorepo, thousands of each).
    pending = [(os.fspath(root), "")]
    while pending:
        directory, rel_dir = pending.pop()
        try:
            with os.scandir(directory) as listing:
                entries = list(listing)
        except OSError:
            continue
        names = set()
        for entry in entries:
            relative = rel_dir + entry.name
            if _is_folder(entry):
                if entry.name not in SKIPPED_DIRS and not entry.is_symlink() and not excluded(relative):
                    pending.append((entry.path, relative + "/"))
                continue
            names.add(entry.name)
            kind = kind_of(relative)
            if kind and not excluded(relative) and _is_regular_file(entry):
                found.append(SourceFile(relative, kind))
        listed[rel_dir.rstrip("/")] = names
        if not ACTION_FILES.isdisjoint(names):
            action_folders.add(rel_dir.rstrip("/"))
    return sorted(found, key=lambda source: source.path), frozenset(action_folders), listed


def _is_folder(entry: os.DirEntry) -> bool:
    """A folder, or a link to one (a link is listed with the folders, as `os.walk` lists it)."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def _is_regular_file(entry: os.DirEntry) -> bool:
    """A regular file itself (not a link, FIFO, socket or device), as `files.is_regular_file` says."""
    try:
        return entry.is_file(follow_symlinks=False)
    except OSError:
        return False
