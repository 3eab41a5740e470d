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
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from bot.model.build_context import ContextListing

MAX_ENTRIES = 20_000  # more than the tree of almost any service; a bigger one is listed in part
# Templates written to be committed and shipped: they hold placeholders, not credentials.
_ENV_TEMPLATES = frozenset({"example", "sample", "template", "dist", "defaults", "default", "tmpl", "schema"})
# A .pem that says it is a certificate (public by design), not a private key.
_CERTIFICATE_PEM = re.compile(r"(^|.*[-_.])(ca|cacert|cert|certs|certificate|chain|fullchain|bundle|pub|public)"
                              r"([-_.].*)?\.pem|.*cert.*\.pem", re.IGNORECASE)
_SSH_KEY = re.compile(r"id_(rsa|dsa|ecdsa|ed25519)(_sk)?(\..+)?")
_FILES = frozenset({".npmrc", ".pypirc", ".netrc", ".git-credentials"})
_FOLDERS = frozenset({".git", ".aws", ".ssh", ".gnupg"})


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
    root = root.resolve()
    folders = {dockerfile: posixpath.normpath(folder) for dockerfile, folder in folders.items()}
    sharing = Counter(folders.values())
    walked: dict[str, ContextListing | None] = {}
    listings = {}
    for dockerfile, folder in folders.items():
        if folder not in walked:
            walked[folder] = _list(root, folder)
        listing = walked[folder]
        if listing is None:
            continue
        own = f"{dockerfile}.dockerignore"  # BuildKit reads it in place of the context's
        listing = ContextListing(folder, own) if os.path.lexists(root / own) else listing
        listings[dockerfile] = replace(listing, shared_by=sharing[folder])
    return listings


def _list(root: Path, folder: str) -> ContextListing | None:
    context = Path(os.path.realpath(root / folder))
    if not context.is_relative_to(root) or not context.is_dir():
        return None
    if os.path.lexists(context / ".dockerignore"):
        return ContextListing(folder, posixpath.join(folder, ".dockerignore") if folder != "." else ".dockerignore")
    found, complete = _walk(context)
    return ContextListing(folder, None, tuple(found), complete)


def _walk(context: Path) -> tuple[list[str], bool]:
    found: list[str] = []
    seen = 0
    pending = [""]
    while pending:
        relative = pending.pop()
        try:
            entries = sorted(os.scandir(context / relative), key=lambda entry: entry.name)
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
