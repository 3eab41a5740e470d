"""Suppression comments, as hadolint writes them and hardenbot accepts them too:

    # hadolint ignore=DL3008,DL3015 - pinned by the base image   (the next instruction or image)
    # hardenbot ignore=HB001
    # hadolint global ignore=DL3020                                (the whole file)
"""
from __future__ import annotations

from bot.lazy_regex import lazy_compile

_IGNORE = lazy_compile(r"#\s*(?:hadolint|hardenbot)\s+ignore\s*=\s*(.*)")
_GLOBAL_IGNORE = lazy_compile(r"#\s*(?:hadolint|hardenbot)\s+global\s+ignore\s*=\s*(.*)")
_CODE = lazy_compile(r"\b[A-Za-z]{2,}\d+\b")


def suppressed(comment: str) -> tuple[set[str], bool]:
    """(the codes `comment` silences, whether in the whole file rather than on the next line)."""
    match = _GLOBAL_IGNORE.search(comment)
    if match:
        return _codes(match.group(1)), True
    match = _IGNORE.search(comment)
    return (_codes(match.group(1)) if match else set()), False


def _codes(text: str) -> set[str]:
    """`DL3008,DL3015 - pinned by the base image` → {"DL3008", "DL3015"}."""
    return {code.upper() for code in _CODE.findall(text.split(" - ", 1)[0])}
