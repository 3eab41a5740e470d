"""Dockerfile text → instructions with exact spans, the way BuildKit reads it.

Mirrors BuildKit's line reader (frontend/dockerfile/parser): a BOM is skipped; parser
directives are read from the top (see `_read_directives`); an instruction continues while its
line ends with the escape character not itself escaped (trailing blanks allowed); comment and
empty lines inside a continuation are dropped; the keyword is the first word of the joined
line (`FROM\\` + `alpine` is `FROMalpine`, `FROM\\` + `  alpine` is FROM); and RUN/COPY/ADD
heredocs (`<<EOF`, `<<-EOF`, quoted names) take the lines after the instruction up to their
terminator. Nothing is normalised: every instruction knows where it sits in the original
text, so edits can splice exact offsets.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import field

from bot.dockerfile.logical import Logical
from bot.errors import DockerfileSyntaxError
from bot.model.text import Span, excerpt
from bot.record import record

INSTRUCTIONS = frozenset(
    "ADD ARG CMD COPY ENTRYPOINT ENV EXPOSE FROM HEALTHCHECK LABEL MAINTAINER ONBUILD RUN "
    "SHELL STOPSIGNAL USER VOLUME WORKDIR".split()
)
HEREDOC_INSTRUCTIONS = frozenset({"RUN", "COPY", "ADD"})
JSON_INSTRUCTIONS = frozenset({"RUN", "CMD", "ENTRYPOINT", "SHELL", "COPY", "ADD", "VOLUME"})

# What Go's unicode.IsSpace accepts: BuildKit trims these around lines and directives.
GO_SPACE = "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
           "\u2028\u2029\u202f\u205f\u3000"
PARSER_DIRECTIVES = frozenset({"syntax", "escape", "check"})
GO_REGEXP_SPACE = "\t\n\f\r "  # `\s` in Go's regexp package
_DIRECTIVE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_KEYWORD_END = re.compile(r"[\t\v\f\r ]")
_HEREDOC_WORD = re.compile(r"^(\d*)<<(-?)([^<]*)$")
_BLANKS = re.compile(r"[ \t]*")  # between an instruction's flags
# A flag word: up to a blank outside quotes; a quote left open takes the rest of the text.
_FLAG_WORD = re.compile(r"""(?:[^ \t"']+|"[^"]*"?|'[^']*'?)*""")
_JSON_ARRAY_START = re.compile(r"\s*\[")  # `\s` is what str.strip() strips


@record
class Flag:
    """An instruction's `--name[=value]` flag, with its exact span."""
    name: str  # without the leading dashes
    value: str | None
    span: Span

    def moved(self, by: int) -> Flag:
        return Flag(self.name, self.value, Span(self.span.start + by, self.span.end + by))


@record
class Heredoc:
    """A `<<NAME` here-document of an instruction: its body and terminator."""
    name: str
    strip_tabs: bool  # `<<-`: leading tabs of body and terminator are removed
    body: Span  # the body lines, newlines included; the terminator excluded
    terminator_line_start: int
    expands: bool  # unquoted name: the body is subject to expansion

    def moved(self, by: int) -> Heredoc:
        return Heredoc(self.name, self.strip_tabs, Span(self.body.start + by, self.body.end + by),
                       self.terminator_line_start + by, self.expands)


@record
class Instruction:
    """One Dockerfile instruction, continuation lines included, with the exact spans of its parts."""
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
    # The arguments after the flags, blanks around them removed: read by many rules, so made
    # with the instruction (a cached property would give every instruction a __dict__, which
    # makes reading any of its fields three times slower on CPython 3.11).
    rest: str
    heredocs: tuple[Heredoc, ...] = ()
    physical_lines: tuple[Span, ...] = ()  # content lines (no comments), newline excluded

    @property
    def words(self) -> list[str]:
        """The arguments: the exec form's array, else the shell form split on blanks."""
        return list(self.json_args) if self.json_args is not None else self.rest.split()

    def moved(self, by: int, lines: int) -> Instruction:
        """The same instruction written `by` characters and `lines` lines further on."""
        if not by and not lines:
            return self
        return Instruction(
            self.keyword, self.keyword_text, Span(self.keyword_span.start + by, self.keyword_span.end + by),
            self.line + lines, self.end_line + lines, self.line_start + by, Span(self.span.start + by, self.span.end + by),
            self.next_line_start + by, self.args.moved(by), tuple(flag.moved(by) for flag in self.flags),
            self.rest_start, self.json_args, self.rest, tuple(heredoc.moved(by) for heredoc in self.heredocs),
            tuple(Span(line.start + by, line.end + by) for line in self.physical_lines))

    def flag(self, name: str) -> Flag | None:
        for flag in self.flags:
            if flag.name == name:
                return flag
        return None

    def flag_values(self, name: str) -> list[str]:
        return [f.value or "" for f in self.flags if f.name == name]


@record(mutable=True)
class ParsedText:
    """A Dockerfile's text as parsed: its directives, escape character, instructions and comments."""
    text: str
    path: str
    escape: str
    directives: dict[str, str]  # name (lower-case) → value, for the parser directives at the top
    body_start: int  # offset after a BOM
    newline: str
    instructions: list[Instruction]
    comments: dict[int, str]  # 1-based line → comment text, for lines outside instructions
    line_starts: list[int] = field(default_factory=list)
    frontend: Span | None = None  # the image `# syntax=` names, which builds the file

    def line_of(self, offset: int) -> int:
        return bisect_right(self.line_starts, offset)


def _lines(text: str) -> list[tuple[int, str, str]]:
    """(start offset, content without line ending, line ending) for each physical line: only
    \n ends a line (`str.splitlines` would also split at \v, \f, \x1c …, which BuildKit does not)."""
    out = []
    start = 0
    pieces = text.split("\n")
    last = pieces.pop()  # after the last \n: a line without an ending, or nothing
    for piece in pieces:
        if piece.endswith("\r"):
            out.append((start, piece[:-1], "\r\n"))
        else:
            out.append((start, piece, "\n"))
        start += len(piece) + 1
    if last:
        out.append((start, last, ""))
    return out


def _continues(content: str, escape: str) -> tuple[str, bool]:
    """Strip a trailing escape (plus blanks): (content without it, whether the line continues).
    An escaped escape (`\\\\` at the end) is text, not a continuation."""
    stripped = content.rstrip(" \t")
    if stripped.endswith(escape) and (len(stripped) == 1 or stripped[-2] != escape):
        return stripped[:-1], True
    return content, False


@record
class _Directive:
    """A parser directive's value (`# escape=`, `# syntax=`) and where it is written."""
    value: str
    span: Span  # of the value


def _read_directives(lines: list[tuple[int, str, str]], path: str, first: int = 0,
                     strict: bool = True) -> tuple[dict[str, _Directive], int]:
    """The parser directives from line `first` on, as BuildKit's DirectiveParser reads them, and
    the index of the first line that is not one. A directive is `# name = value` (blanks
    allowed before the `#`, around the `=`; the name is case-insensitive) naming syntax, escape
    or check; the first line that is anything else (an unknown directive, `# escape=` with no
    value, another comment, a blank line, an instruction) ends them. Strict, as the parser
    is: a repeated directive or an escape other than \\ and ` is an error."""
    directives: dict[str, _Directive] = {}
    index = first
    while index < len(lines):
        start, content, _ = lines[index]
        stripped = content.lstrip(GO_SPACE)
        if not stripped.startswith("#"):
            break
        after = stripped[1:].lstrip(GO_SPACE)
        match = _directive(after)
        name = match[0].lower() if match else ""
        if name not in PARSER_DIRECTIVES:
            break
        if name in directives:
            if not strict:
                break
            raise DockerfileSyntaxError(path, index + 1, f"only one {name} parser directive can be used")
        _, value, value_at = match
        if strict and name == "escape" and value not in ("\\", "`"):
            raise DockerfileSyntaxError(path, index + 1, f"invalid escape directive {excerpt(value)!r}: use \\ or `")
        value_start = start + len(content) - len(after) + value_at
        directives[name] = _Directive(value, Span(value_start, value_start + len(value)))
        index += 1
    return directives, index


def _directive(after: str) -> tuple[str, str, int] | None:
    """(name, value, offset of the value) of `name = value`, as BuildKit's
    `([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$` matches it, read in one pass: that pattern
    backtracks over every blank inside a value (`# syntax=a` + 100,000 blanks + `b` took
    minutes). The value is what follows the blanks after `=`, less trailing blanks; after
    `=` and blanks only, it is the last blank (the lazy group must take one character)."""
    name = _DIRECTIVE_NAME.match(after)
    if name is None:
        return None
    equals = len(after) - len(after[name.end():].lstrip(GO_REGEXP_SPACE))
    if not after.startswith("=", equals) or equals + 1 == len(after):
        return None
    value_at = len(after) - len(after[equals + 1:].lstrip(GO_REGEXP_SPACE))
    if value_at == len(after):
        return name.group(), after[-1], len(after) - 1
    return name.group(), after[value_at:].rstrip(GO_REGEXP_SPACE), value_at


def _frontend(lines: list[tuple[int, str, str]], directives: dict[str, _Directive], path: str) -> Span | None:
    """Where the image `# syntax=` names is written: its value's first word. As BuildKit's
    DetectSyntax finds it, also below a `#!` first line (which ends the parser directives)."""
    syntax = directives.get("syntax")
    if syntax is None and lines and lines[0][1].startswith("#!"):
        syntax = _read_directives(lines, path, first=1, strict=False)[0].get("syntax")
    if syntax is None:
        return None
    word = syntax.value.split(" ", 1)[0]
    return Span(syntax.span.start, syntax.span.start + len(word))


def parse(text: str, path: str = "Dockerfile", earlier: ParsedText | None = None) -> ParsedText:
    """`text` read as BuildKit reads it. `earlier`: a parse of another text of the same file
    (before a fix): the instructions written in both alike are taken from it, not read again."""
    body_start = 1 if text.startswith("\ufeff") else 0
    lines = _lines(text)
    if body_start and lines:
        first_start, first_content, first_end = lines[0]
        lines[0] = (first_start + 1, first_content[1:], first_end)
    newline = "\r\n" if lines and lines[0][2] == "\r\n" else "\n"
    found, index = _read_directives(lines, path)
    escape = found["escape"].value if "escape" in found else "\\"
    reusable = _EarlierInstructions(earlier) if earlier is not None and earlier.escape == escape else None

    instructions: list[Instruction] = []
    comments: dict[int, str] = {}
    for line_no in range(index):
        comments[line_no + 1] = lines[line_no][1]
    while index < len(lines):
        start, content, _ = lines[index]
        # Most lines start with their keyword: no copy of the line to find that out.
        stripped = content.lstrip(GO_SPACE) if content[:1] in GO_SPACE else content
        if not stripped:
            index += 1
            continue
        if stripped.startswith("#"):
            comments[index + 1] = content
            index += 1
            continue
        known = reusable.at(text, start, index) if reusable is not None else None
        if known is None:
            instruction, index = _read_instruction(text, lines, index, len(content) - len(stripped), escape, path)
        else:
            instruction, index = known
        instructions.append(instruction)
    return ParsedText(
        text=text,
        path=path,
        escape=escape,
        directives={name: directive.value for name, directive in found.items()},
        body_start=body_start,
        newline=newline,
        instructions=instructions,
        comments=comments,
        line_starts=[line[0] for line in lines] or [0],
        frontend=_frontend(lines, found, path),
    )


class _EarlierInstructions:
    """The instructions of an earlier parse of the same file, by their first line. How an
    instruction reads depends only on the lines it takes (its continuation and heredoc lines,
    their endings included) and the escape character: one whose lines are written again
    character for character reads the same wherever it now sits, and is moved there. A fix
    changes a few instructions; the pass that checks the fixed text reads every one."""

    def __init__(self, earlier: ParsedText):
        self._text_length = len(earlier.text)
        self._by_first_line: dict[str, list[tuple[Instruction, str]]] = {}
        for inst in earlier.instructions:
            written = earlier.text[inst.line_start : inst.next_line_start]
            self._by_first_line.setdefault(_first_line(earlier.text, inst.line_start), []).append((inst, written))

    def at(self, text: str, start: int, index: int) -> tuple[Instruction, int] | None:
        """The instruction starting at `start`, on line `index` (0-based), and the index of the
        line after it, when an earlier one was written alike; None: it must be read."""
        for inst, written in self._by_first_line.get(_first_line(text, start), ()):
            if not text.startswith(written, start):
                continue
            # One that took the text to its end (a continuation left open at the last line)
            # might take the lines after it here: it must end the text here too.
            if inst.next_line_start == self._text_length and start + len(written) != len(text):
                continue
            return inst.moved(start - inst.line_start, index + 1 - inst.line), index + inst.end_line - inst.line + 1
        return None


def _first_line(text: str, start: int) -> str:
    end = text.find("\n", start)
    return text[start:] if end < 0 else text[start:end]


def _read_instruction(
    text: str, lines: list[tuple[int, str, str]], index: int, lead: int, escape: str, path: str
) -> tuple[Instruction, int]:
    """The instruction starting on `lines[index]`, `lead` blanks in, and the index of the line after it."""
    start, content, _ = lines[index]
    first_line = index + 1
    piece, continues = _continues(content[lead:], escape)
    pieces = [(start + lead, piece)]
    physical = [Span(start + lead, start + len(content))]
    last_content_end = start + len(content)
    index += 1
    while continues and index < len(lines):
        line_start, line_content, _ = lines[index]
        index += 1
        stripped = line_content.lstrip(GO_SPACE)
        if not stripped or stripped.startswith("#"):  # an empty or comment line: dropped
            continue
        piece, continues = _continues(line_content, escape)
        pieces.append((line_start, piece))
        physical.append(Span(line_start, line_start + len(line_content)))
        last_content_end = line_start + len(line_content)

    keyword_text, keyword_span, args = _keyword_and_args(pieces, continues or len(pieces) > 1, path, first_line)
    keyword = keyword_text.upper()
    if keyword not in INSTRUCTIONS:
        raise DockerfileSyntaxError(path, first_line, f"unknown instruction {excerpt(keyword_text)!r}")
    flags, rest_start = _read_flags(args)
    heredocs: list[Heredoc] = []
    if keyword in HEREDOC_INSTRUCTIONS and "<<" in args.text:
        for name, strip_tabs, expands in _heredoc_names(args.text[rest_start:]):
            body_start = lines[index][0] if index < len(lines) else len(text)
            while True:
                if index >= len(lines):
                    raise DockerfileSyntaxError(path, first_line, f"unterminated heredoc <<{excerpt(name)}")
                line_start, line_content, _ = lines[index]
                index += 1
                candidate = line_content.lstrip("\t") if strip_tabs else line_content
                if candidate == name:
                    heredocs.append(Heredoc(name, strip_tabs, Span(body_start, line_start), line_start, expands))
                    last_content_end = line_start + len(line_content)
                    break
    end_line = index
    next_line_start = lines[index][0] if index < len(lines) else len(text)
    json_args = _json_args(args.text, rest_start) if keyword in JSON_INSTRUCTIONS else None
    return (
        Instruction(
            keyword=keyword,
            keyword_text=keyword_text,
            keyword_span=keyword_span,
            line=first_line,
            end_line=end_line,
            line_start=start,
            span=Span(keyword_span.start, last_content_end),
            next_line_start=next_line_start,
            args=args,
            flags=tuple(flags),
            rest_start=rest_start,
            json_args=json_args,
            rest=args.text[rest_start:].strip(),
            heredocs=tuple(heredocs),
            physical_lines=tuple(physical),
        ),
        index,
    )


def _keyword_and_args(pieces: list[tuple[int, str]], joined: bool, path: str, line: int) -> tuple[str, Span, Logical]:
    """The keyword is the first word of the joined line: BuildKit joins the lines, then splits
    (`FROM\\` + `alpine` is `FROMalpine`). Most keywords end on their own line, read first."""
    at, first = pieces[0]
    blank = _KEYWORD_END.search(first)
    if first and (blank or not joined):
        end = blank.start() if blank else len(first)
        if len(pieces) == 1:  # most instructions: the Logical of one piece, without assembling it
            rest = first[end:]
            return first[:end], Span(at, at + end), Logical(rest, [0] if rest else [], [at + end] if rest else [])
        return first[:end], Span(at, at + end), Logical.build([(at + end, first[end:]), *pieces[1:]])
    whole = Logical.build(pieces)
    start = len(whole.text) - len(whole.text.lstrip(GO_SPACE))
    if start == len(whole.text):
        raise DockerfileSyntaxError(path, line, "a line continuation with no instruction")
    blank = _KEYWORD_END.search(whole.text, start)
    end = blank.start() if blank else len(whole.text)
    return whole.text[start:end], whole.span(start, end), whole.slice(end)


def _read_flags(args: Logical) -> tuple[list[Flag], int]:
    """BuildKit's leading `--name[=value]` words, before the instruction's own arguments."""
    text = args.text
    length = len(text)
    flags: list[Flag] = []
    at = _BLANKS.match(text).end()
    while True:
        if not text.startswith("--", at) or text.startswith("-- ", at) or at + 2 >= length:
            return flags, at
        end = _FLAG_WORD.match(text, at).end()
        word = text[at + 2 : end]
        name, has_value, value = word.partition("=")
        flags.append(Flag(name, value if has_value else None, args.span(at, end)))
        at = _BLANKS.match(text, end).end()


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


def split_words(text: str, escape: str = "\\") -> list[str]:
    """Words split at unquoted blanks, as the builder splits ARG, ENV and heredoc words:
    quotes and escapes stay in the word, blanks inside quotes do not split."""
    return [text[start:end] for start, end in word_spans(text, escape)]


_PLAIN_RUNS: dict[str, re.Pattern[str]] = {}  # escape character → characters that neither split, quote nor escape


def _plain_run(escape: str) -> re.Pattern[str]:
    if escape not in _PLAIN_RUNS:
        _PLAIN_RUNS[escape] = re.compile("[^" + re.escape(GO_SPACE + "\"'" + escape) + "]+")
    return _PLAIN_RUNS[escape]


def word_spans(text: str, escape: str = "\\") -> list[tuple[int, int]]:
    """Where each of `split_words`' words sits in `text`, as BuildKit's parseWords reads them:
    the escape character takes the next one with it, except inside single quotes."""
    spans: list[tuple[int, int]] = []
    plain = _plain_run(escape)
    start, quote, i, length = -1, "", 0, len(text)
    while i < length:
        char = text[i]
        if start < 0:
            if char in GO_SPACE:
                i += 1
                continue
            start = i
        if quote:
            if char == quote:
                quote = ""
            elif char == escape and quote != "'":
                i += 1
        elif char in GO_SPACE:
            spans.append((start, i))
            start = -1
        elif char in "\"'":
            quote = char
        elif char == escape:
            i += 1
        else:
            i = plain.match(text, i).end()  # the rest of a run of characters that change nothing
            continue
        i += 1
    if start >= 0:
        spans.append((start, min(i, length)))
    return spans


def _json_args(text: str, start: int) -> tuple[str, ...] | None:
    """The exec form's words, when `text[start:]` is a JSON array of strings (blanks around it allowed)."""
    if not _JSON_ARRAY_START.match(text, start):  # most instructions: no copy of the text to find out
        return None
    rest = text[start:].strip()
    try:
        value = json.loads(rest)
    except ValueError:
        return None
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None
