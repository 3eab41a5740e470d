"""Repository text made inert for Markdown: file names, image names, messages and evidence
come from files, images and registries hardenbot does not control, and GitHub renders them."""
from __future__ import annotations

import re

from bot.model.text import escape_controls


def code(text: str) -> str:
    """`text` as inline code, on one line (a backtick in it would end the span early)."""
    return "`" + escape_controls(text).replace("`", "'") + "`"


def fence(text: str) -> str:
    """A code fence longer than any run of backticks in `text`: no line of it can close it."""
    return "`" * max(3, 1 + max((len(run) for run in _BACKTICKS.findall(text)), default=0))


def html(text: str) -> str:
    """Text for inside an HTML element (a `<summary>`), on one line: no tag, comment, link,
    mention or autolink (HTML does not read Markdown's backslash escapes: entities instead)."""
    flat = escape_controls(" ".join(text.split())).replace("&", "&amp;")
    return _MARKUP.sub(lambda m: _HTML_ESCAPED[m.group()], flat)


def one_line(text: str) -> str:
    """Text for one line of the body, repository text in it made inert: its code spans kept as
    they are (nothing inside one is markup), elsewhere nothing that could open an HTML comment
    or tag, make a link or an image, mention someone or autolink a URL."""
    return _inert(escape_controls(" ".join(text.split()))).replace("|", "\\|")


_BACKTICKS = re.compile(r"`+")
# `@` only where GitHub would read a mention (not inside `image@sha256:…` or an address).
_MARKUP = re.compile(r"[<>\[\]]|(?<!\w)@|(?<=:)//")
_ESCAPED = {"<": "&lt;", ">": "&gt;", "[": "\\[", "]": "\\]", "@": "@&#8203;", "//": "&#8203;//"}
_HTML_ESCAPED = {**_ESCAPED, "[": "&#91;", "]": "&#93;"}


def _inert(text: str) -> str:
    out, at = [], 0
    while at < len(text):
        opening = _BACKTICKS.search(text, at)
        if opening is None:
            out.append(_MARKUP.sub(lambda m: _ESCAPED[m.group()], text[at:]))
            break
        out.append(_MARKUP.sub(lambda m: _ESCAPED[m.group()], text[at : opening.start()]))
        run = opening.group()
        closing = next((m for m in _BACKTICKS.finditer(text, opening.end()) if m.group() == run), None)
        if closing is None:  # no code span: the backticks are literal text
            out.append("\\`" * len(run))
            at = opening.end()
        else:
            out.append(text[opening.start() : closing.end()])
            at = closing.end()
    return "".join(out)
