"""HB064 — the build context ships what must not ship (`COPY . .` with no .dockerignore).

Why: `COPY . .` copies the whole build context into the image: the repository's `.git`
(every past commit, secrets once removed included), local `.env` files, private keys,
`.npmrc`/`.pypirc` tokens, cloud credentials and Terraform state, readable by anyone who
pulls the image.
What it reads: a COPY or ADD in a stage that ships whose source is the context root or a
folder holding such names, when the build context (the compose service's `context:`, else the
Dockerfile's folder) has no `.dockerignore` and the Dockerfile no `<name>.dockerignore`. The
names come from the repository's tree, never from file contents (`bot/sources/build_context.py`):
`.git/`, `.aws/`, `.ssh/`, `.gnupg/`, `.env` and `.env.*` (not the templates `.env.example`,
`.sample`, `.template`, `.dist`, `.defaults`), `*.key`, `*.pem` (not those named as
certificates: `ca.pem`, `cert.pem`, `fullchain.pem` …), `*.p12`, `*.pfx`, `id_rsa*`,
`id_ed25519*` … (not `.pub`), `.npmrc`, `.pypirc`, `.netrc`, `.git-credentials`, `*.tfstate`.
What the build reads stays: a name a COPY/ADD source, a wildcard source, a `--mount=type=bind`
source names is not a finding, nor `.git` when a RUN runs git (a version stamped from it) or
`.npmrc` when a RUN runs npm, npx, yarn or pnpm (its registry settings), nor a name a
`--exclude` leaves out.
Fix (proven, under `fix --verify`): a new `.dockerignore` in the context whose lines are
exactly the paths found, relative to the context, written only where none is. It is kept when
the file still builds (and its container starts) with it: the general check of every proven
fix. The proof asks nothing more of the built images, since their facts do not list files;
a build step that needs one of the names fails there and drops the file. Otherwise, and when
a COPY/ADD source is a variable (which names the build reads is then unknown), the listing
stopped at its bound, a name cannot be written as a .dockerignore line, or several of the
run's Dockerfiles build from the same context (one file must suit them all), it reports,
with the exact text where there is one.
"""
from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from bot.dockerfile.model import Dockerfile
from bot.dockerfile.parser import Instruction
from bot.lazy_regex import lazy_compile
from bot.model.build_context import ContextListing
from bot.model.findings import Finding, NewFile
from bot.model.text import escape_controls
from bot.rules.base import finding
from bot.rules.commands import run_commands
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity

if TYPE_CHECKING:  # annotations only: a proof's evidence exists once images were built (`fix --verify`)
    from bot.model.proof import ProofEvidence

CODE = "HB064"
# Names a program the build runs reads from the context it was copied with.
READ_BY = {".git": frozenset({"git"}), ".npmrc": frozenset({"npm", "npx", "yarn", "pnpm"})}
# What a .dockerignore line would read as a pattern, a comment or an exception.
IGNORE_HEADER = "# Added by hardenbot (HB064): files in the build context that must not ship in the image"
_NOT_PLAIN = lazy_compile(r"[*?\[\]\\\x00-\x1f\x7f]|^[#!]|^\s|\s$")


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    listing = (context.contexts or {}).get(doc.path)
    if listing is None or listing.ignore_file is not None or not listing.found:
        return
    shipped = doc.image_stages()
    local = [inst for inst in doc.instructions if inst.keyword in ("COPY", "ADD") and inst.flag("from") is None]
    sources = {id(inst): [s for s in map(_source, inst.words[:-1]) if s is not None] for inst in local}
    named = _named_by_the_build(doc, [s for inst in local for s in sources[id(inst)]])
    programs = {found.command.name for run in doc.all_runs for found in run_commands(run)}
    read_by_programs = {name for name, readers in READ_BY.items() if readers & programs}
    leaks: dict[str, None] = {}
    first: Instruction | None = None
    for inst in local:
        if not any(inst in stage.instructions for stage in shipped):
            continue
        excluded = inst.flag_values("exclude")
        for path in listing.found:
            if path.rpartition("/")[2] in read_by_programs or _named(named, path) or \
                    any(_named(excluded, p) for p in (path, *_folders_above(path))):
                continue
            if any(_holds(source, path) for source in sources[id(inst)]):
                leaks[path] = None
                first = first or inst
    if first is not None:
        unclear = any("$" in s for inst in local for s in sources[id(inst)])
        yield _leak(doc, first, listing, list(leaks), unclear, context.proving)


def _source(word: str) -> str | None:
    """A context-relative source path ("" is the root); None for what is not in the context."""
    word = word.strip("\"'")
    lowered = word.lower()
    if word.startswith("<<") or "://" in lowered or lowered.startswith("git@"):
        return None
    normal = posixpath.normpath("/" + word).lstrip("/")
    return "" if normal in (".", "") else normal


def _named_by_the_build(doc: Dockerfile, sources: list[str]) -> list[str]:
    """The paths (wildcards kept) the build's sources and bind mounts name: what it reads on purpose."""
    mounts = [_source(mount.get("source") or mount.get("src") or "")
              for run in doc.all_runs for mount in run.mounts()
              if mount.get("type") == "bind" and "from" not in mount]
    return [s for s in sources + mounts if s]


def _names(pattern: str, path: str) -> bool:
    """Whether `pattern` names `path` itself: `*` and `?` match within one name, as Go's
    filepath.Match, and `**` any number of folders, as .dockerignore and `--exclude` read it."""
    return _pattern(pattern.strip("/")).fullmatch(path) is not None


@cache
def _pattern(pattern: str) -> re.Pattern[str]:
    parts = []
    for part in re.split(r"(\*\*/?|\*|\?|\[[^\]]*\])", pattern):
        if part.startswith("**"):
            parts.append("(?:.*/)?" if part.endswith("/") else ".*")
        elif part == "*":
            parts.append("[^/]*")
        elif part == "?":
            parts.append("[^/]")
        elif part.startswith("[") and part.endswith("]") and len(part) > 2:
            negated = part[1] in "!^"
            parts.append("[" + ("^" if negated else "") + part[2 if negated else 1 : -1].replace("\\", "\\\\") + "]")
        else:
            parts.append(re.escape(part))
    return re.compile("".join(parts))


def _named(patterns: list[str], path: str) -> bool:
    return any(_names(pattern, path) for pattern in patterns)


def _holds(source: str, path: str) -> bool:
    """Whether copying `source` copies `path` inside it: the context root, or a folder above it."""
    return source == "" or any(_names(source, folder) for folder in _folders_above(path))


def _folders_above(path: str) -> list[str]:
    parts = path.split("/")
    return ["/".join(parts[:n]) for n in range(1, len(parts))]


def _leak(doc: Dockerfile, at: Instruction, listing: ContextListing, leaks: list[str], unclear: bool,
          proving: bool) -> Finding:
    shown = ", ".join(escape_controls(path) for path in leaks[:8]) + (f" and {len(leaks) - 8} more" if len(leaks) > 8 else "")
    partial = "" if listing.complete else " (the listing stopped early: there may be more)"
    copied = escape_controls(" ".join(at.words[:-1]))
    copied = copied if len(copied) <= 40 else copied[:39] + "…"
    head = (f"{at.keyword} {copied} puts in the image what must not ship from the build context "
            f"({escape_controls(listing.folder)}): {shown}{partial}; with no .dockerignore there")
    if unclear:
        return finding(doc, CODE, at, f"{head}, add one leaving them out (a source behind a variable hides "
                                      "which files the build reads)")
    where = posixpath.join(listing.folder, ".dockerignore") if listing.folder != "." else ".dockerignore"
    lines = [path for path in leaks if not _NOT_PLAIN.search(path)]
    odd = f" (and leave out {len(leaks) - len(lines)} oddly named)" if len(lines) < len(leaks) else ""
    shared = f" (one that suits the {listing.shared_by} Dockerfiles built from it)" if listing.shared_by > 1 else ""
    message = f"{head}, add {escape_controls(where)}{shared} with the lines {', '.join(lines)}{odd}"
    if not proving or odd or shared or not listing.complete:
        return finding(doc, CODE, at, message)
    text = "".join(f"{line}\n" for line in [IGNORE_HEADER, *lines])
    return Finding(CODE, doc.path, at.line, message, creates=NewFile(where, text))


def builds_with_it(evidence: ProofEvidence) -> str | None:
    """The .dockerignore is proven by the build and the start check every proven fix passes;
    the images' facts name no files, so there is nothing more to ask of them."""
    return None


RULE = Rule(
    code=CODE,
    name="build-context-leak",
    title="`COPY . …` ships `.git`, `.env`, keys or credentials (no .dockerignore)",
    severity=Severity.HIGH,
    security=True,
    on_by_default=True,
    fix=FixSafety.PROVEN,
    scope=Scope.FINAL_IMAGE,
    why="whatever the build context holds ends up in the image: repository history, local secrets and keys "
        "become readable by anyone who pulls it",
    example=Example("COPY . /app", "COPY . /app"),
    doc=__doc__ or "",
    check=check,
    proof=builds_with_it,
)
