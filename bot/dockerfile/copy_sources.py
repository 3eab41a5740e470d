"""What a Dockerfile copies in from its build context, read from its text alone (before, or
without, a parse): the local sources of its COPY and ADD lines, for telling which folder the
build runs in when nothing else names it."""
from __future__ import annotations

import json

from bot.lazy_regex import lazy_compile

# A COPY or ADD line, its continuation lines joined (`\` then a line break).
_COPY = lazy_compile(r"(?im)^[ \t]*(?:COPY|ADD)[ \t]+(.*)$")
_CONTINUATION = lazy_compile(r"\\[ \t]*\r?\n")
_GLOB = frozenset("*?[")


def copy_sources(text: str) -> tuple[str, ...]:
    """The context-relative paths COPY and ADD lines copy (`./ui/package.json` → `ui/package.json`),
    leaving out those copied from a stage or image (`--from=`), URLs, globs, variables and the
    context folder itself (`.`), which say nothing of where the context is."""
    found: list[str] = []
    for match in _COPY.finditer(_CONTINUATION.sub(" ", text)):
        rest = match.group(1).strip()
        words = _json_words(rest) if rest.startswith("[") else rest.split()
        if words is None or any(w.startswith("--from") for w in words):
            continue
        paths = [w for w in words if not w.startswith("--")]
        for source in paths[:-1]:
            if "://" in source or "$" in source or source.startswith("/") or _GLOB & set(source):
                continue
            normal = source.removeprefix("./").rstrip("/")
            if normal and normal != "." and not normal.startswith("../"):
                found.append(normal)
    return tuple(dict.fromkeys(found))


def _json_words(rest: str) -> list[str] | None:
    try:
        words = json.loads(rest)
    except ValueError:
        return None
    return [w for w in words if isinstance(w, str)] if isinstance(words, list) else None
