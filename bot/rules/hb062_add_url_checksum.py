"""HB062 — `ADD <url>` without `--checksum`.

Why: ADD fetches the URL at every build and uses whatever comes back; a changed or
tampered file goes into the image unnoticed. `--checksum=sha256:…` makes the build fail
instead.
Fix (Renovate-style pinning), for one https URL whose path names a version (`v1.2.3`,
`tool-1.2.3.tar.gz`, a commit): hardenbot downloads it once before the rules run (https
only, bounded size and time, see `bot/downloads.py`) and writes
`--checksum=sha256:<digest of what it read>` after `ADD`, and `# syntax=docker/dockerfile:1`
first when the file has no syntax line (ADD --checksum needs the 1.6 frontend); the finding
says what was downloaded. Reported instead: a URL that names no version or a moving one
(`latest`, `main`: pinning it would break the build at the next release), plain http, a URL
built from variables, several sources in one ADD, a syntax line naming a frontend older than
1.6 or another one, and any URL when the run did not download (offline) or the download failed.
Git sources (`.git`, `git@`) are not judged: a commit pins them.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from bot.dockerfile.layout import file_start
from bot.dockerfile.model import Dockerfile
from bot.dockerfile.parser import Instruction
from bot.lazy_regex import lazy_compile
from bot.model.findings import Finding
from bot.model.text import Edit
from bot.rules.base import finding
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity

CODE = "HB062"
FRONTEND = "docker/dockerfile:1"
_VERSION = lazy_compile(r"(?<![A-Za-z])v?\d+(\.\d+)+|(?<![0-9a-f])[0-9a-f]{40}(?![0-9a-f])")
_MOVING = frozenset({"latest", "main", "master", "trunk", "head", "nightly", "stable", "current",
                     "snapshot", "edge", "develop", "dev", "canary", "release"})
# `docker/dockerfile:1`, `:1.7`, `:1.7.1`, `:1-labs`: the frontends that read ADD --checksum.
_FRONTEND = lazy_compile(r"(docker\.io/)?docker/dockerfile:1(\.(\d+)(\.\d+)?)?(-labs)?(@sha256:[0-9a-f]{64})?")
_CHECKSUM_SINCE_MINOR = 6


def is_git(source: str) -> bool:
    return source.startswith(("git@", "git://")) or source.split("#", 1)[0].endswith(".git")


def url_sources(inst: Instruction) -> list[str]:
    """The sources of an ADD that are fetched over http(s)."""
    words = list(inst.json_args) if inst.json_args is not None else [w.strip("\"'") for w in inst.words]
    return [s for s in words[:-1] if s.lower().startswith(("http://", "https://")) and not is_git(s)]


def names_version(url: str) -> bool:
    """Whether the URL's path names a fixed version (and no moving one such as `latest`)."""
    path = urlsplit(url).path
    if any(token.lower() in _MOVING for token in re.split(r"[^A-Za-z0-9]+", path)):
        return False
    return bool(_VERSION.search(path))


def pinnable(inst: Instruction) -> str | None:
    """The URL of an ADD that the fix may pin once it is downloaded, else None."""
    if inst.keyword != "ADD" or inst.flag("checksum") is not None:
        return None
    urls = url_sources(inst)
    if len(urls) != 1 or len(inst.words) != 2:
        return None
    url = urls[0]
    if not url.startswith("https://") or "$" in url or not names_version(url):
        return None
    return url


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    for inst in doc.instructions:
        if inst.keyword != "ADD" or inst.flag("checksum") is not None:
            continue
        urls = url_sources(inst)
        if not urls:
            continue
        url = pinnable(inst)
        if url is None:
            yield finding(doc, CODE, inst, f"ADD of {urls[0]} without --checksum: {_why_not_pinned(inst, urls)}")
            continue
        download = context.downloads.get(url) if context.downloads is not None else None
        frontend = _frontend_problem(doc)
        if download is None or download.digest is None or frontend:
            why = frontend or (download.error if download is not None and download.error else
                               "not downloaded in this run (--offline)")
            yield finding(doc, CODE, inst, f"ADD of {url} without --checksum: not pinned: {why}")
            continue
        edits = [Edit.insert(inst.keyword_span.end, f" --checksum={download.digest}")]
        if "syntax" not in doc.parsed.directives:
            edits.append(Edit.insert(file_start(doc), f"# syntax={FRONTEND}" + doc.newline))
        yield finding(doc, CODE, inst, f"ADD of {url} without --checksum: pinned to the sha256 of the "
                      f"{_size(download.size)} it served when hardenbot downloaded it; check it against the "
                      "publisher's checksum", tuple(edits))


def _why_not_pinned(inst: Instruction, urls: list[str]) -> str:
    url = urls[0]
    if len(urls) > 1 or len(inst.words) > 2:
        return "give each download its own ADD with --checksum=sha256:…"
    if "$" in url:
        return "the URL is built from variables; add --checksum=sha256:… for the version it names"
    if not url.startswith("https://"):
        return "a plain http download; use https and add --checksum=sha256:…"
    return ("the URL names no fixed version, so its content moves; point it at a versioned release "
            "and add --checksum=sha256:…")


def _frontend_problem(doc: Dockerfile) -> str:
    syntax = doc.parsed.directives.get("syntax")
    if syntax is None:
        return ""
    match = _FRONTEND.fullmatch(syntax.strip())
    if match is None:
        return f"the file is built by the frontend {syntax.strip()}, not known to read ADD --checksum"
    if match.group(3) is not None and int(match.group(3)) < _CHECKSUM_SINCE_MINOR:
        return f"its syntax line names {syntax.strip()}; ADD --checksum needs docker/dockerfile:1.6 or later"
    return ""


def _size(size: int) -> str:
    return f"{size / 1_048_576:.1f} MiB" if size >= 1_048_576 else f"{size:,} bytes"


RULE = Rule(
    code=CODE,
    name="add-url-checksum",
    title="`ADD <url>` without `--checksum`",
    severity=Severity.MEDIUM,
    security=True,
    on_by_default=True,
    fix=FixSafety.SAFE,
    scope=Scope.EVERY_STAGE,
    why="ADD uses whatever the URL serves at build time; a checksum makes a changed or tampered file fail the build",
    example=Example("FROM debian:bookworm-slim\nADD https://example.com/releases/v1.2.3/tool.tar.gz /opt/",
                    "# syntax=docker/dockerfile:1\nFROM debian:bookworm-slim\n"
                    "ADD --checksum=sha256:… https://example.com/releases/v1.2.3/tool.tar.gz /opt/"),
    doc=__doc__ or "",
    check=check,
    fix_needs="the network, to download the URL once",
    adds_images=(FRONTEND,),
)
