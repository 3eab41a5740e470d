"""Dockerfile text → instructions with exact spans, the way BuildKit reads it.

Mirrors BuildKit's line reader: a BOM is skipped, parser directives (`# escape=`,
`# syntax=`) are read from the top, an instruction continues while its line ends with the
escape character (trailing blanks allowed), comment and empty lines inside a continuation
are dropped, and RUN/COPY/ADD heredocs (`<<EOF`, `<<-EOF`, quoted names) take the lines
after the instruction up to their terminator. Nothing is normalised: every instruction
knows where it sits in the original text, so edits can splice exact offsets.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from bot.dockerfile.logical import Logical
from bot.errors import DockerfileSyntaxError
from bot.model.text import Span

INSTRUCTIONS = frozenset(
    "ADD ARG CMD COPY ENTRYPOINT ENV EXPOSE FROM HEALTHCHECK LABEL MAINTAINER ONBUILD RUN "
    "SHELL STOPSIGNAL USER VOLUME WORKDIR".split()
)
HEREDOC_INSTRUCTIONS = frozenset({"RUN", "COPY", "ADD"})
JSON_INSTRUCTIONS = frozenset({"RUN", "CMD", "ENTRYPOINT", "SHELL", "COPY", "ADD", "VOLUME"})

_DIRECTIVE = re.compile(r"#[ \t]*([A-Za-z][A-Za-z0-9_-]*)[ \t]*=[ \t]*(.*?)[ \t]*$")
_KEYWORD = re.compile(r"[ \t]*([A-Za-z][A-Za-z0-9]*)(?=[ \t\\`]|$)")
_HEREDOC_WORD = re.compile(r"^(\d*)<<(-?)([^<]*)$")
_LINE = re.compile(r"[^\n]*\n|[^\n]+")


@dataclass(frozen=True)
class Flag:
    name: str  # without the leading dashes
    value: str | None
    span: Span


@dataclass(frozen=True)
class Heredoc:
    name: str
    strip_tabs: bool  # `<<-`: leading tabs of body and terminator are removed
    body: Span  # the body lines, newlines included; the terminator excluded
    terminator_line_start: int
    expands: bool  # unquoted name: the body is subject to expansion


@dataclass(frozen=True)
class Instruction:
    keyword: str  # upper-case
    keyword_text: str  # as written: `run`, `Run` …
    keyword_span: Span
    line: int  # 1-based line of the keyword
    end_line: int  # last line, heredoc terminators included
    line_start: int  # offset of the first line's start
    span: Span  # keyword .. end of the last content (heredocs included), newline excluded
    next_line_start: int  # offset just past the newline that ends the instruction
    args: Logical  # everything after the keyword, continuations joined
    flags: tuple[Flag, ...]
    rest_start: int  # index into args.text where the arguments after the flags begin
    json_args: tuple[str, ...] | None  # exec form, when the arguments are a JSON array
    heredocs: tuple[Heredoc, ...] = ()
    physical_lines: tuple[Span, ...] = ()  # content lines (no comments), newline excluded

    @property
    def rest(self) -> str:
        return self.args.text[self.rest_start :].strip()

    @property
    def words(self) -> list[str]:
        """The arguments: the exec form's array, else the shell form split on blanks."""
        return list(self.json_args) if self.json_args is not None else self.rest.split()

    def flag(self, name: str) -> Flag | None:
        for flag in self.flags:
            if flag.name == name:
                return flag
        return None

    def flag_values(self, name: str) -> list[str]:
        return [f.value or "" for f in self.flags if f.name == name]


@dataclass
class ParsedText:
    text: str
    path: str
    escape: str
    directives: dict[str, str]
    body_start: int  # offset after a BOM
    newline: str
    instructions: list[Instruction]
    comments: dict[int, str]  # 1-based line → comment text, for lines outside instructions
    line_starts: list[int] = field(default_factory=list)

    def line_of(self, offset: int) -> int:
        return bisect_right(self.line_starts, offset)


def _lines(text: str) -> list[tuple[int, str, str]]:
    """(start offset, content without line ending, line ending) for each physical line."""
    out = []
    for match in _LINE.finditer(text):
        raw = match.group()
        if raw.endswith("\r\n"):
            out.append((match.start(), raw[:-2], "\r\n"))
        elif raw.endswith("\n"):
            out.append((match.start(), raw[:-1], "\n"))
        else:
            out.append((match.start(), raw, ""))
    return out


def _is_comment(content: str) -> bool:
    return content.lstrip(" \t").startswith("#")


def _continues(content: str, escape: str) -> tuple[str, bool]:
    """Strip a trailing escape (plus blanks): (content without it, whether the line continues)."""
    stripped = content.rstrip(" \t")
    if stripped.endswith(escape):
        return stripped[:-1], True
    return content, False


def parse(text: str, path: str = "Dockerfile") -> ParsedText:
    body_start = 1 if text.startswith("\ufeff") else 0
    lines = _lines(text)
    if body_start and lines:
        first_start, first_content, first_end = lines[0]
        lines[0] = (first_start + 1, first_content[1:], first_end)
    newline = "\r\n" if lines and lines[0][2] == "\r\n" else "\n"
    directives: dict[str, str] = {}
    index = 0
    while index < len(lines):
        match = _DIRECTIVE.match(lines[index][1])
        if not match or match.group(1).lower() in directives:
            break
        directives[match.group(1).lower()] = match.group(2)
        index += 1
    escape = directives.get("escape", "\\")
    if escape not in ("\\", "`"):
        line = 1 + list(directives).index("escape")
        raise DockerfileSyntaxError(path, line, f"invalid escape directive {escape!r}: use \\ or `")

    instructions: list[Instruction] = []
    comments: dict[int, str] = {}
    for line_no in range(index):
        comments[line_no + 1] = lines[line_no][1]
    while index < len(lines):
        start, content, _ = lines[index]
        stripped = content.lstrip(" \t")
        if not stripped:
            index += 1
            continue
        if stripped.startswith("#"):
            comments[index + 1] = content
            index += 1
            continue
        instruction, index = _read_instruction(text, lines, index, escape, path)
        instructions.append(instruction)
    return ParsedText(
        text=text,
        path=path,
        escape=escape,
        directives=directives,
        body_start=body_start,
        newline=newline,
        instructions=instructions,
        comments=comments,
        line_starts=[line[0] for line in lines] or [0],
    )


def _read_instruction(
    text: str, lines: list[tuple[int, str, str]], index: int, escape: str, path: str
) -> tuple[Instruction, int]:
    start, content, _ = lines[index]
    keyword_match = _KEYWORD.match(content)
    first_line = index + 1
    if not keyword_match:
        raise DockerfileSyntaxError(path, first_line, f"cannot read instruction {content.strip()[:40]!r}")
    keyword_text = keyword_match.group(1)
    keyword = keyword_text.upper()
    if keyword not in INSTRUCTIONS:
        raise DockerfileSyntaxError(path, first_line, f"unknown instruction {keyword_text!r}")
    keyword_start = start + keyword_match.start(1)
    after_keyword = keyword_match.end(1)

    piece, continues = _continues(content[after_keyword:], escape)
    pieces = [(start + after_keyword, piece)]
    physical = [Span(keyword_start, start + len(content))]
    last_content_end = start + len(content)
    index += 1
    while continues and index < len(lines):
        line_start, line_content, _ = lines[index]
        index += 1
        if _is_comment(line_content) or not line_content.strip(" \t"):
            continue
        piece, continues = _continues(line_content, escape)
        pieces.append((line_start, piece))
        physical.append(Span(line_start, line_start + len(line_content)))
        last_content_end = line_start + len(line_content)

    args = Logical.build(pieces)
    flags, rest_start = _read_flags(args)
    heredocs: list[Heredoc] = []
    if keyword in HEREDOC_INSTRUCTIONS and "<<" in args.text:
        for name, strip_tabs, expands in _heredoc_names(args.text[rest_start:]):
            body_start = lines[index][0] if index < len(lines) else len(text)
            while True:
                if index >= len(lines):
                    raise DockerfileSyntaxError(path, first_line, f"unterminated heredoc <<{name}")
                line_start, line_content, _ = lines[index]
                index += 1
                candidate = line_content.lstrip("\t") if strip_tabs else line_content
                if candidate == name:
                    heredocs.append(Heredoc(name, strip_tabs, Span(body_start, line_start), line_start, expands))
                    last_content_end = line_start + len(line_content)
                    break
    end_line = index
    next_line_start = lines[index][0] if index < len(lines) else len(text)
    json_args = _json_args(args.text[rest_start:]) if keyword in JSON_INSTRUCTIONS else None
    return (
        Instruction(
            keyword=keyword,
            keyword_text=keyword_text,
            keyword_span=Span(keyword_start, keyword_start + len(keyword_text)),
            line=first_line,
            end_line=end_line,
            line_start=start,
            span=Span(keyword_start, last_content_end),
            next_line_start=next_line_start,
            args=args,
            flags=tuple(flags),
            rest_start=rest_start,
            json_args=json_args,
            heredocs=tuple(heredocs),
            physical_lines=tuple(physical),
        ),
        index,
    )


def _read_flags(args: Logical) -> tuple[list[Flag], int]:
    """BuildKit's leading `--name[=value]` words, before the instruction's own arguments."""
    text = args.text
    flags: list[Flag] = []
    at = 0
    while True:
        while at < len(text) and text[at] in " \t":
            at += 1
        if not text.startswith("--", at) or text.startswith("-- ", at) or at + 2 >= len(text):
            return flags, at
        end = at
        quote = ""
        while end < len(text) and (quote or text[end] not in " \t"):
            char = text[end]
            if quote and char == quote:
                quote = ""
            elif not quote and char in "\"'":
                quote = char
            end += 1
        word = text[at + 2 : end]
        name, has_value, value = word.partition("=")
        flags.append(Flag(name, value if has_value else None, args.span(at, end)))
        at = end


def _heredoc_names(rest: str) -> list[tuple[str, bool, bool]]:
    names = []
    for word in split_words(rest):
        match = _HEREDOC_WORD.match(word)
        if not match:
            continue
        raw = match.group(3)
        name = raw
        expands = True
        if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
            name, expands = raw[1:-1], False
        if name:
            names.append((name, match.group(2) == "-", expands))
    return names


def split_words(text: str) -> list[str]:
    """Words split at unquoted blanks, as the builder splits ARG, ENV and heredoc words:
    quotes and backslash escapes stay in the word, blanks inside quotes do not split."""
    words, current, quote, i = [], [], "", 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text):
            current.append(text[i : i + 2])
            i += 2
            continue
        if quote:
            if char == quote:
                quote = ""
            current.append(char)
        elif char in "\"'":
            quote = char
            current.append(char)
        elif char in " \t":
            if current:
                words.append("".join(current))
                current = []
        else:
            current.append(char)
        i += 1
    if current:
        words.append("".join(current))
    return words


def _json_args(rest: str) -> tuple[str, ...] | None:
    rest = rest.strip()
    if not rest.startswith("["):
        return None
    try:
        value = json.loads(rest)
    except ValueError:
        return None
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None
