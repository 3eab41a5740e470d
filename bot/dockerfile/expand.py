"""Variables expanded as BuildKit expands them in ARG defaults and FROM (its shell lexer,
frontend/dockerfile/shell/lex.go), remembering where each character of the result came from.

`$NAME`, `${NAME}`; `${NAME:-word}` (word when NAME is unset or empty), `${NAME-word}` (when
unset); `${NAME:+word}` (word when set and not empty), `${NAME+word}` (when set);
`${NAME:?msg}`, `${NAME?msg}`; `${NAME#pattern}`, `##`, `%`, `%%`; `${NAME/pattern/text}`, `//`.
The word is itself expanded (it may hold quotes and variables); quotes are removed and the
escape character takes the next character literally. An unset variable expands to nothing.

A character copied from the file keeps its offset there, so a reference written literally,
even inside `${BASE:-alpine:3.19}` or through another ARG, can be pinned where it is written.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from bot.dockerfile.logical import Logical
from bot.model.text import Span, excerpt
from bot.record import record

# Set by BuildKit for every build, to values only the build knows.
BUILD_TIME_ARGS = ("BUILDPLATFORM", "BUILDOS", "BUILDOSVERSION", "BUILDARCH", "BUILDVARIANT", "TARGETPLATFORM",
                   "TARGETOS", "TARGETOSVERSION", "TARGETARCH", "TARGETVARIANT", "TARGETSTAGE")
_SPECIAL_PARAMETERS = "@*#?-$!0"
# `${A:-${B:-…}}` deeper than this is not followed (BuildKit would; no real file nests so): the
# lexer recurses once a level, and a hostile file must cost a note, not the run.
MAX_NESTING = 64


@record
class Expanded:
    """A word after expansion."""

    text: str
    origins: Sequence[int | None]  # per character of text: its offset in the file; None if computed
    unset: tuple[str, ...] = ()  # variables used bare while unset: a build arg is expected there
    unknown: tuple[str, ...] = ()  # variables whose value only the build knows: text is incomplete
    # Assembled around a variable that expanded to nothing (a build arg could put text there) or
    # cut by a pattern: not a text that can be rewritten where it is written.
    spliced: bool = False
    error: str | None = None  # why BuildKit would refuse the word

    @classmethod
    def literal(cls, text: str, start: int) -> Expanded:
        return cls(text, range(start, start + len(text)))

    @property
    def resolved(self) -> bool:
        """Whether `text` is what a build without build args gets."""
        return not (self.unknown or self.error or self.unset)

    def literal_span(self) -> Span | None:
        """Where the whole text is written, in one piece, in the file: the place to edit it. None
        when any of it is computed, comes from elsewhere, or could change with a build arg."""
        origins = self.origins
        if isinstance(origins, range):  # copied in one piece, as most are
            return Span(origins.start, origins.stop) if origins else None
        if not self.text or self.spliced or not self.resolved:
            return None
        first = origins[0]
        if first is None or any(o != first + i for i, o in enumerate(origins)):
            return None
        return Span(first, first + len(self.text))

    def touches(self, span: Span) -> bool:
        """Whether any of the text was copied from `span`."""
        if isinstance(self.origins, range):
            return self.origins.start < span.end and span.start < self.origins.stop
        return any(origin is not None and span.start <= origin < span.end for origin in self.origins)


_BUILD_TIME = {name: Expanded("", (), unknown=(name,)) for name in BUILD_TIME_ARGS}


def build_time_args() -> dict[str, Expanded]:
    return dict(_BUILD_TIME)


def expand(logical: Logical, start: int, end: int, env: Mapping[str, Expanded], escape: str) -> Expanded:
    """`logical.text[start:end]` expanded with `env` (name → value; absent: unset)."""
    text = logical.text[start:end]
    if "$" not in text and "'" not in text and '"' not in text and escape not in text:
        at = logical.copied_from(start, end)
        if at is not None:
            return Expanded(text, range(at, at + len(text)))
    lexer = _Lexer(text, lambda i: logical.original(start + i), env, escape)
    try:
        out = lexer.until("", raw_escapes=False)
    except _LexError as error:
        return Expanded("", (), error=str(error))
    return out.result()


class _LexError(Exception):
    pass


class _Out:
    """What part of a word expands to, as it is built."""

    __slots__ = ("chars", "origins", "unset", "unknown", "spliced")

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.origins: list[int | None] = []
        self.unset: list[str] = []
        self.unknown: list[str] = []
        self.spliced = False

    def add(self, char: str, origin: int | None) -> None:
        self.chars.append(char)
        self.origins.append(origin)

    def extend(self, other: _Out) -> None:
        self.chars += other.chars
        self.origins += other.origins
        self.unset += other.unset
        self.unknown += other.unknown
        self.spliced = self.spliced or other.spliced

    @classmethod
    def of(cls, value: Expanded) -> _Out:
        if value.error:
            raise _LexError(value.error)  # the ARG that set it: BuildKit stops there
        out = cls()
        out.chars, out.origins = list(value.text), list(value.origins)
        out.unset, out.unknown = list(value.unset), list(value.unknown)
        out.spliced = value.spliced or not value.text
        return out

    @classmethod
    def computed(cls, text: str, like: _Out | None = None) -> _Out:
        out = cls()
        out.chars, out.origins = list(text), [None] * len(text)
        if like is not None:
            out.unset, out.unknown, out.spliced = like.unset, like.unknown, like.spliced
        return out

    @property
    def text(self) -> str:
        return "".join(self.chars)

    def result(self) -> Expanded:
        return Expanded(self.text, tuple(self.origins), tuple(dict.fromkeys(self.unset)),
                        tuple(dict.fromkeys(self.unknown)), self.spliced)


class _Lexer:
    """BuildKit's shellWord.processStopOn and processDollar, over one word."""

    def __init__(self, text: str, origin: Callable[[int], int], env: Mapping[str, Expanded], escape: str):
        self.text = text
        self.origin = origin
        self.env = env
        self.escape = escape
        self.at = 0
        self.raw_escapes = False
        self.depth = 0

    def peek(self) -> str:
        return self.text[self.at] if self.at < len(self.text) else ""

    def next(self) -> str:
        char = self.peek()
        if char:
            self.at += 1
        return char

    def until(self, stop: str, raw_escapes: bool) -> _Out:
        """Up to `stop` (consumed; "" for the end of the word)."""
        saved, self.raw_escapes = self.raw_escapes, raw_escapes
        try:
            out = _Out()
            while self.at < len(self.text):
                char = self.text[self.at]
                if stop and char == stop:
                    self.at += 1
                    return out
                if char == "$":
                    out.extend(self.dollar())
                elif char == "'":
                    self.single_quoted(out)
                elif char == '"':
                    self.double_quoted(out)
                else:
                    self.at += 1
                    if char == self.escape:
                        if raw_escapes:
                            out.add(char, self.origin(self.at - 1))
                        if self.at >= len(self.text):
                            break
                        char = self.next()
                    out.add(char, self.origin(self.at - 1))
            if stop:
                raise _LexError(f"unexpected end of statement while looking for matching {stop}")
            return out
        finally:
            self.raw_escapes = saved

    def single_quoted(self, out: _Out) -> None:
        self.at += 1
        while True:
            char = self.next()
            if not char:
                raise _LexError("unexpected end of statement while looking for matching single-quote")
            if char == "'":
                return
            out.add(char, self.origin(self.at - 1))

    def double_quoted(self, out: _Out) -> None:
        self.at += 1
        while True:
            char = self.peek()
            if not char:
                raise _LexError("unexpected end of statement while looking for matching double-quote")
            if char == '"':
                self.at += 1
                return
            if char == "$":
                out.extend(self.dollar())
                continue
            self.at += 1
            if char == self.escape:
                if self.raw_escapes:
                    out.add(char, self.origin(self.at - 1))
                following = self.peek()
                if not following:
                    continue
                if following in ('"', "$", self.escape):
                    char = self.next()
            out.add(char, self.origin(self.at - 1))

    def name(self) -> str:
        start = self.at
        if self.peek().isdecimal():
            while self.peek().isdecimal():
                self.at += 1
        elif self.peek() and self.peek() in _SPECIAL_PARAMETERS:
            self.at += 1
        else:
            while self.peek() and (self.peek().isalpha() or self.peek().isdecimal() or self.peek() == "_"):
                self.at += 1
        return self.text[start : self.at]

    def value(self, name: str) -> _Out:
        """A variable used bare: its value; nothing when unset."""
        value = self.env.get(name)
        if value is None:
            out = _Out()
            out.unset.append(name)
            out.spliced = True
            return out
        return _Out.of(value)

    def dollar(self) -> _Out:
        if self.depth >= MAX_NESTING:
            raise _LexError(f"variables nested more than {MAX_NESTING} deep are not followed")
        self.depth += 1
        try:
            return self._dollar()
        finally:
            self.depth -= 1

    def _dollar(self) -> _Out:
        dollar_at = self.at
        self.at += 1
        if self.peek() != "{":
            name = self.name()
            if not name:
                out = _Out()
                out.add("$", self.origin(dollar_at))
                return out
            return self.value(name)
        self.at += 1
        if not self.peek():
            raise _LexError("syntax error: missing '}'")
        if self.peek() in "{}:":
            raise _LexError("syntax error: bad substitution")
        name = self.name()
        operator = self.next()
        if operator == "}":
            return self.value(name)
        null_is_unset = operator == ":"
        if null_is_unset:
            operator = self.next()
        if operator == "/" and not null_is_unset:
            return self.replace(name)
        if operator not in ("+", "-", "?", "#", "%") and not null_is_unset:
            raise _LexError(f"unsupported modifier ({operator}) in substitution")
        raw = operator in ("#", "%")
        if null_is_unset and raw:
            raise _LexError(f"unsupported modifier (:{operator}) in substitution")
        try:
            word = self.until("}", raw)
        except _LexError:
            if not self.peek():
                raise _LexError("syntax error: missing '}'") from None
            raise
        return self.modified(name, operator, null_is_unset, word)

    def modified(self, name: str, operator: str, null_is_unset: bool, word: _Out) -> _Out:
        value = self.env.get(name)
        if value is not None and value.unknown and (null_is_unset or operator in "?#%"):
            return _Out.of(value)  # whether it is empty, and what it holds, only the build knows
        unset = value is None or (null_is_unset and not value.text)
        if operator == "-":
            return word if value is None or unset else _Out.of(value)
        if operator == "+":
            if unset:
                nothing = _Out()
                nothing.spliced = True
                return nothing
            return word
        if operator == "?":
            if value is None:
                raise _LexError(f"{name}: {excerpt(word.text) or 'is not allowed to be unset'}")
            if unset:
                raise _LexError(f"{name}: {excerpt(word.text) or 'is not allowed to be empty'}")
            return _Out.of(value)
        if operator in ("#", "%"):
            return self.trimmed(name, operator, word.text)
        raise _LexError(f"unsupported modifier ({':' if null_is_unset else ''}{operator}) in substitution")

    def trimmed(self, name: str, operator: str, pattern: str) -> _Out:
        """`${NAME#pattern}` (shortest prefix), `##` (longest), `%`, `%%` (suffix): what is left
        keeps its origins."""
        whole = self.value(name)
        text = whole.text
        greedy = pattern.startswith(operator)
        if greedy:
            pattern = pattern[1:]
        if operator == "#":
            match = _shell_pattern(pattern, greedy).match(text)
            keep = slice(match.end() if match else 0, len(text))
        else:
            match = _shell_pattern(_reverse_pattern(pattern), greedy).match(text[::-1])
            keep = slice(0, len(text) - (match.end() if match else 0))
        out = _Out()
        out.chars, out.origins = whole.chars[keep], whole.origins[keep]
        out.unset, out.unknown, out.spliced = whole.unset, whole.unknown, True
        return out

    def replace(self, name: str) -> _Out:
        """`${NAME/pattern/text}`, `${NAME//pattern/text}`: the result is computed."""
        every = self.peek() == "/"
        if every:
            self.at += 1
        try:
            pattern = self.until("/", True).text
        except _LexError:
            if not self.peek():
                raise _LexError("syntax error: missing '/' in ${}") from None
            raise
        replacement = self.until("}", True)
        whole = self.value(name)
        if whole.unknown:
            return whole
        regex = _shell_pattern(pattern, greedy=True, anchored=False)
        text = regex.sub(lambda _: replacement.text, whole.text, count=0 if every else 1)
        return _Out.computed(text, whole)


def _shell_pattern(pattern: str, greedy: bool, anchored: bool = True) -> re.Pattern[str]:
    """BuildKit's convertShellPatternToRegex: `*` any run, `?` one character, `\\` escapes."""
    out = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        i += 1
        if char == "*":
            out.append(".*" if greedy else ".*?")
        elif char == "?":
            out.append(".")
        elif char == "\\":
            if i < len(pattern) and pattern[i] in "}/":
                continue
            if i >= len(pattern) or pattern[i] not in "*?\\":
                raise _LexError(f"invalid pattern ({excerpt(pattern)}) in substitution")
            out.append(re.escape(pattern[i]))
            i += 1
        else:
            out.append(re.escape(char))
    return re.compile(("^" if anchored else "") + "".join(out), re.DOTALL)


def _reverse_pattern(pattern: str) -> str:
    """The pattern read backwards, escapes kept before what they escape (`a\\*c` → `c\\*a`)."""
    tokens = []
    i = 0
    while i < len(pattern):
        if pattern[i] == "\\" and i + 1 < len(pattern):
            tokens.append(pattern[i : i + 2])
            i += 2
        else:
            tokens.append(pattern[i])
            i += 1
    return "".join(reversed(tokens))
