"""Listing a build context for what must not ship: `.git`, `.env` files, private keys,
package-registry and cloud credentials, Terraform state.

Only names are read, never contents. The walk stays in the repository (a context that is,
or passes through, a symbolic link leading out of it is not listed), follows no link (a link
ships as a link, not as what it names), does not descend into what it found (`.git/` is one
name) and stops after MAX_ENTRIES entries, saying so.
"""
from __future__ import annotations

import os
import posixpath
import re
import stat
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path

from bot.lazy_regex import lazy_compile
from bot.model.build_context import ContextListing

MAX_ENTRIES = 20_000  # more than the tree of almost any service; a bigger one is listed in part
# Templates written to be committed and shipped: they hold placeholders, not credentials.
_ENV_TEMPLATES = frozenset({"example", "sample", "template", "dist", "defaults", "default", "tmpl", "schema"})
# A .pem that says it is a certificate (public by design), not a private key.
_CERTIFICATE_PEM = lazy_compile(r"(^|.*[-_.])(ca|cacert|cert|certs|certificate|chain|fullchain|bundle|pub|public)"
                                r"([-_.].*)?\.pem|.*cert.*\.pem", re.IGNORECASE)
_SSH_KEY = re.compile(r"id_(rsa|dsa|ecdsa|ed25519)(_sk)?(\..+)?")
_FILES = frozenset({".npmrc", ".pypirc", ".netrc", ".git-credentials"})
_FOLDERS = frozenset({".git", ".aws", ".ssh", ".gnupg"})


def copies_from_root(root: Path, folder: str, sources: tuple[str, ...]) -> bool:
    """Whether what a Dockerfile in `folder` copies (context-relative `sources`) is missing
    there but all present at the repository's root: the build runs from the root (`docker build
    -f docker/ui/Dockerfile .`). False when it copies nothing that says, or when any of it is in
    the folder itself. Only names are looked up, inside the repository."""
    if not sources:
        return False
    real_root = os.path.realpath(root)

    def present(relative: str) -> bool:
        path = os.path.realpath(os.path.join(real_root, relative))
        return os.path.commonpath([real_root, path]) == real_root and os.path.lexists(path)

    return not any(present(posixpath.join(folder, s)) for s in sources) and all(present(s) for s in sources)


def must_not_ship(name: str, is_folder: bool) -> bool:
    """Whether an entry named `name` is one no image should hold."""
    if is_folder:
        return name in _FOLDERS  # a `.git` file is only a worktree's or submodule's pointer
    if name == ".env" or name.startswith(".env."):
        return name.rpartition(".")[2].lower() not in _ENV_TEMPLATES
    if name in _FILES or name.endswith((".key", ".p12", ".pfx", ".tfstate", ".tfstate.backup")):
        return True
    if name.endswith(".pem"):
        return not _CERTIFICATE_PEM.fullmatch(name)
    match = _SSH_KEY.fullmatch(name)
    return match is not None and match.group(3) != ".pub"


def list_contexts(root: Path, folders: Mapping[str, str]) -> dict[str, ContextListing]:
    """Dockerfile → its build context (both repository-relative) in; Dockerfile → what its
    context holds that must not ship and the .dockerignore its build reads, out; each context
    is walked once. A Dockerfile whose context is not a folder inside the repository here is left out."""
    return dict(ContextListings(root, folders))


class ContextListings(Mapping[str, ContextListing]):
    """`list_contexts`' answer, each context walked when it is first asked for: a run on every
    core walks a Dockerfile's context in the worker that checks it, not all of them first in
    one process. The files are only read, so when a context is walked does not change what is found."""

    def __init__(self, root: Path, folders: Mapping[str, str]):
        self._root = root.resolve()
        self._folders = {dockerfile: posixpath.normpath(folder) for dockerfile, folder in folders.items()}
        self._sharing = Counter(self._folders.values())
        self._walked: dict[str, ContextListing | None] = {}  # by context folder
        self._answers: dict[str, ContextListing | None] = {}  # by Dockerfile

    def __getitem__(self, dockerfile: str) -> ContextListing:
        if dockerfile not in self._answers:
            self._answers[dockerfile] = self._listing(dockerfile)
        listing = self._answers[dockerfile]
        if listing is None:
            raise KeyError(dockerfile)
        return listing

    def _listing(self, dockerfile: str) -> ContextListing | None:
        folder = self._folders[dockerfile]
        if folder not in self._walked:
            self._walked[folder] = _list(self._root, folder)
        listing = self._walked[folder]
        if listing is None:
            return None
        own = f"{dockerfile}.dockerignore"  # BuildKit reads it in place of the context's
        listing = ContextListing(folder, own) if os.path.lexists(os.path.join(self._root, own)) else listing
        return replace(listing, shared_by=self._sharing[folder])

    def __iter__(self) -> Iterator[str]:
        return (dockerfile for dockerfile in self._folders if dockerfile in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __bool__(self) -> bool:
        """Whether there are contexts to ask for, without walking them (`contexts or {}` would
        otherwise walk them all, on every call): true even when each turns out to be outside."""
        return bool(self._folders)

    def __contains__(self, dockerfile: object) -> bool:
        try:
            self[dockerfile]  # type: ignore[index]
        except KeyError:
            return False
        return True


def _list(root: Path, folder: str) -> ContextListing | None:
    context = _context_folder(root, folder)
    if context is None:
        return None
    if os.path.lexists(os.path.join(context, ".dockerignore")):
        return ContextListing(folder, posixpath.join(folder, ".dockerignore") if folder != "." else ".dockerignore")
    found, complete = _walk(context)
    return ContextListing(folder, None, tuple(found), complete)


def _context_folder(root: Path, folder: str) -> str | None:
    """Where `folder` (normalised, relative to the resolved `root`) really is, when that is a
    folder inside the repository; else None. Only the folder's own components can be links:
    each is looked at once (realpath would look at every component of the root's path too),
    and a path through a link, or up out of the root, is resolved in full."""
    if folder.startswith("/"):
        return _resolved_folder(root, folder)
    path = str(root)
    mode = None
    for part in folder.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            return _resolved_folder(root, folder)
        path = os.path.join(path, part)
        try:
            mode = os.lstat(path).st_mode
        except OSError:
            return None  # missing, or not reachable: no folder to list
        if stat.S_ISLNK(mode):
            return _resolved_folder(root, folder)
    if mode is None:
        return path if os.path.isdir(path) else None  # the root itself
    return path if stat.S_ISDIR(mode) else None


def _resolved_folder(root: Path, folder: str) -> str | None:
    context = Path(os.path.realpath(root / folder))
    if not context.is_relative_to(root) or not context.is_dir():
        return None
    return str(context)


def _walk(context: str) -> tuple[list[str], bool]:
    found: list[str] = []
    seen = 0
    pending = [""]
    while pending:
        relative = pending.pop()
        try:
            entries = sorted(os.scandir(os.path.join(context, relative) if relative else context),
                             key=lambda entry: entry.name)
        except OSError:
            continue  # unreadable here; BuildKit would fail on it, not ship it
        for entry in entries:
            seen += 1
            if seen > MAX_ENTRIES:
                return sorted(found), False
            if entry.is_symlink():
                continue
            path = f"{relative}/{entry.name}" if relative else entry.name
            folder = entry.is_dir(follow_symlinks=False)
            if must_not_ship(entry.name, folder):
                found.append(path)
            elif folder:
                pending.append(path)
    return sorted(found), True
