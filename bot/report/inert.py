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
    flat = escape_controls(" ".join(text.split()))
    return _escape(flat, _HTML_ESCAPED)


def one_line(text: str) -> str:
    """Text for one line of the body, repository text in it made inert: its code spans kept as
    they are (nothing inside one is markup), elsewhere nothing that could open an HTML comment
    or tag, make a link or an image, mention someone or autolink a URL."""
    return _inert(escape_controls(" ".join(text.split()))).replace("|", "\\|")


_BACKTICKS = re.compile(r"`+")
# What GitHub turns into a tag, link, mention or reference. An entity is escaped too: GitHub
# finds mentions and references in the text after entities are decoded (`&#64;team` notifies).
# `@` where GitHub reads a mention (after no ASCII word character: `é@team` is one) or an
# e-mail autolink (`a@b.example`), not inside `image@sha256:…`; `#1`, `GH-1` and `www.` are
# issue references and autolinks; `//` after a colon is a URL's.
_MARKUP = re.compile(r"[<>\[\]&]|(?<![A-Za-z0-9_])@|@(?=[\w.+-]*\w\.\w)|(?<=:)//|#(?=\d)|(?<![A-Za-z0-9_])GH-(?=\d)"
                     r"|(?<![A-Za-z0-9_])www\.", re.IGNORECASE)
_ZERO_WIDTH = "&#8203;"  # invisible, and no reference, mention or autolink reads across it
_ESCAPED = {"<": "&lt;", ">": "&gt;", "[": "\\[", "]": "\\]", "&": "&amp;"}
_HTML_ESCAPED = {**_ESCAPED, "[": "&#91;", "]": "&#93;"}  # HTML does not read Markdown's backslashes


def _escaped(match: str, table: dict[str, str]) -> str:
    if match in table:
        return table[match]
    if match in ("@", "#"):
        return match + _ZERO_WIDTH
    if match == "//":
        return _ZERO_WIDTH + match
    return match[:-1] + _ZERO_WIDTH + match[-1]  # `GH-` and `www.`, in the case they came in


def _escape(text: str, table: dict[str, str] = _ESCAPED) -> str:
    return _MARKUP.sub(lambda m: _escaped(m.group(), table), text)


def _inert(text: str) -> str:
    out, at = [], 0
    while at < len(text):
        opening = _BACKTICKS.search(text, at)
        if opening is None:
            out.append(_escape(text[at:]))
            break
        out.append(_escape(text[at : opening.start()]))
        run = opening.group()
        closing = next((m for m in _BACKTICKS.finditer(text, opening.end()) if m.group() == run), None)
        if closing is None:  # no code span: the backticks are literal text
            out.append("\\`" * len(run))
            at = opening.end()
        else:
            out.append(text[opening.start() : closing.end()])
            at = closing.end()
    return "".join(out)
