"""A POSIX-shell word splitter good enough to find commands in RUN lines, with exact offsets.

It does not run or expand anything. It splits a script into simple commands at `&&`,
`||`, `;`, `|`, `&`, newlines and parentheses, keeps each word's span and unquoted value,
and skips the prefixes that do not change which program runs (`VAR=x`, `sudo`, `env`,
`do`, `then` …), so a rule can ask "is there an `apt-get install` here, and where?".
Substitutions (`$(…)`, backquotes, process substitution `<(…)`) stay inside their word as
written; a rule that looks into one splits its text again.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import field
from functools import lru_cache

from bot.record import record

_REDIRECT = re.compile(r"\d*(?:<<-|<<<|<<|<>|>>|>&|<&|>\||[<>])")
_PLAIN = re.compile(r"[^\s|&;()<>\\'\"`$]+")
_ASSIGNMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\+?=")
_RESERVED = frozenset({"{", "}", "!", "do", "then", "else", "elif", "if", "while", "until", "time"})
_WRAPPERS = {"sudo": {"-u", "-g", "-C", "-h", "-p", "-r", "-t", "-U"}, "env": {"-u", "-C", "-S"},
             "command": set(), "exec": {"-a"}, "nohup": set(), "nice": {"-n"}, "stdbuf": set()}


@record
class Word:
    """A shell word of a RUN script, unquoted, with its logical offsets."""
    value: str  # quotes and escapes removed; expansions left as written
    start: int  # logical offsets, end exclusive
    end: int


@record(mutable=True)
class Command:
    """One simple command of a script: its words and what separates it from the one before."""
    words: list[Word]  # every word, prefixes included; redirections excluded
    argv_start: int  # index of the program word in `words`
    separator_before: str = ""
    separator_after: str = ""
    redirect_targets: list[Word] = field(default_factory=list)
    # Read for every command by every rule: set once, when the command is made.
    argv: list[Word] = field(init=False, repr=False, compare=False)  # the program word and its arguments
    name: str = field(init=False, repr=False, compare=False)  # the program, without its folder: `/usr/bin/apt-get` → `apt-get`

    def __post_init__(self) -> None:
        self.argv = self.words[self.argv_start :]
        self.name = self.argv[0].value.rsplit("/", 1)[-1] if self.argv else ""

    @property
    def start(self) -> int:
        return self.words[0].start

    @property
    def end(self) -> int:
        ends = [w.end for w in self.words] + [w.end for w in self.redirect_targets]
        return max(ends)

    def args(self) -> list[Word]:
        return self.argv[1:]

    def subcommand(self, options_with_values: frozenset[str] = frozenset()) -> Word | None:
        """The first argument that is not an option (nor an option's value)."""
        skip_next = False
        for word in self.args():
            if skip_next:
                skip_next = False
                continue
            if word.value.startswith("-") and word.value != "-":
                skip_next = word.value in options_with_values
                continue
            return word
        return None

    def has_option(self, *names: str) -> bool:
        """True when any of `names` is present: `--long`, `--long=value`, or a short `-x`,
        also inside a cluster of short options such as `-qy`."""
        longs = {n for n in names if n.startswith("--")}
        shorts = {n[1] for n in names if len(n) == 2 and n[0] == "-" and n != "--"}
        for word in self.args():
            value = word.value
            if value.startswith("--"):
                if value.split("=", 1)[0] in longs:
                    return True
            elif value.startswith("-") and value[1:].isalpha() and shorts.intersection(value[1:]):
                return True
        return False

    def option_values(self, *names: str) -> list[str]:
        """Values given to options: `-o X`, `-oX`, `--opt X`, `--opt=X`."""
        values = []
        args = self.args()
        for i, word in enumerate(args):
            value = word.value
            for name in names:
                if value == name and i + 1 < len(args):
                    values.append(args[i + 1].value)
                elif name.startswith("--") and value.startswith(name + "="):
                    values.append(value[len(name) + 1 :])
                elif len(name) == 2 and value.startswith(name) and len(value) > 2 and not name.startswith("--"):
                    values.append(value[2:])
        return values


@record(mutable=True)
class Script:
    """A RUN script's commands, whether any pipes, and where a comment starts."""
    commands: list[Command]
    has_pipe: bool
    comment_start: int | None  # logical offset of a `#` comment, if any


# `set -e`, `set -eux`, `set -o errexit`: the script stops at its first failing command.
_ERREXIT_SET = re.compile(r"^set\s+(?:-\w*e|.*\berrexit\b)")


def sets_errexit(commands: Iterable[Command]) -> bool:
    """Whether one of the commands is a `set` that makes the script stop at a failing command."""
    return any(c.name == "set" and _ERREXIT_SET.search(" ".join(w.value for w in c.argv)) for c in commands)


# Reserved words that may stand before a command with no operator between them (`then case … in`,
# `do case … in`): the shell reads the command after them as a new one.
_LEADING_RESERVED = frozenset({"then", "do", "else", "{", "!"})


def split_commands(text: str) -> Script:
    tokens, comment_start = _tokenize(text)
    commands: list[Command] = []
    words: list[Word] = []
    redirects: list[Word] = []
    has_pipe = False
    expect_redirect_target = False
    separator = ""
    open_cases = 0  # `case … in` not yet closed by `esac`
    in_pattern = False  # between `in` or `;;` and the `)` that ends a case pattern
    for kind, word in tokens:
        if kind == "op" and in_pattern and word.value in ("|", "("):
            continue  # `a|b)` lists a case pattern's alternatives: no pipe
        if kind == "op":
            in_pattern = in_pattern and word.value != ")" or bool(open_cases) and word.value == ";;"
            if word.value in ("|", "|&"):
                has_pipe = True
            if words:
                commands.append(_command(words, redirects, separator, word.value))
            words, redirects, separator = [], [], word.value
        elif kind == "redirect":
            expect_redirect_target = True
        elif expect_redirect_target:
            redirects.append(word)
            expect_redirect_target = False
        else:
            words.append(word)
            if word.value == "in" and len(words) >= 3 and words[-3].value == "case" \
                    and all(w.value in _LEADING_RESERVED for w in words[:-3]):
                open_cases, in_pattern = open_cases + 1, True
            elif word.value == "esac" and len(words) == 1 and open_cases:
                open_cases, in_pattern = open_cases - 1, False
    if words:
        commands.append(_command(words, redirects, separator, ""))
    return Script(commands, has_pipe, comment_start)


def _command(words: list[Word], redirects: list[Word], before: str, after: str) -> Command:
    index = 0
    while index < len(words):
        value = words[index].value
        if _ASSIGNMENT.match(value) or value in _RESERVED:
            index += 1
            continue
        wrapper = _WRAPPERS.get(value)
        if wrapper is None:
            break
        index += 1
        while index < len(words):
            option = words[index].value
            if option.startswith("-") and option != "-":
                index += 2 if option in wrapper else 1
            elif value == "env" and _ASSIGNMENT.match(option):
                index += 1
            else:
                break
    return Command(list(words), min(index, len(words)), before, after, list(redirects))


# Scripts repeat: a fixed file is checked again with most of its RUN lines unchanged, and
# the services of a monorepo share their install lines. The tokens of a script are immutable
# (Word is frozen, kept in tuples), so they are computed once per text; commands are built
# fresh each time, since rules tell them apart by identity. Long scripts are not kept, so
# the cache stays small whatever a hostile file holds.
_CACHED_SCRIPT_CHARS = 4096


def _tokenize(text: str) -> tuple[tuple[tuple[str, Word], ...], int | None]:
    if len(text) <= _CACHED_SCRIPT_CHARS:
        return _tokenize_cached(text)
    return _tokenize_uncached(text)


@lru_cache(maxsize=2048)
def _tokenize_cached(text: str) -> tuple[tuple[tuple[str, Word], ...], int | None]:
    return _tokenize_uncached(text)


def _tokenize_uncached(text: str) -> tuple[tuple[tuple[str, Word], ...], int | None]:
    tokens: list[tuple[str, Word]] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char in " \t\r":
            i += 1
        elif char == "\\" and text.startswith("\n", i + 1):
            i += 2
        elif char == "\\" and text.startswith("\r\n", i + 1):
            i += 3
        elif char == "#":
            end = text.find("\n", i)
            if end < 0:
                return tuple(tokens), i
            i = end
        elif char == "\n":
            tokens.append(("op", Word("\n", i, i + 1)))
            i += 1
        elif text.startswith(("&&", "||", ";;", "|&"), i):
            tokens.append(("op", Word(text[i : i + 2], i, i + 2)))
            i += 2
        elif char in "|&;()":
            tokens.append(("op", Word(char, i, i + 1)))
            i += 1
        elif text.startswith(("<(", ">("), i):
            # Process substitution is a word (a file name), not a redirection and a subshell.
            end = _matching(text, i + 1)
            tokens.append(("word", Word(text[i:end], i, end)))
            i = end
        else:
            redirect = _REDIRECT.match(text, i)
            if redirect:
                tokens.append(("redirect", Word(redirect.group(), i, redirect.end())))
                i = redirect.end()
                continue
            end, value = _read_word(text, i)
            tokens.append(("word", Word(value, i, end)))
            i = end
    return tuple(tokens), None


def _read_word(text: str, i: int) -> tuple[int, str]:
    out: list[str] = []
    n = len(text)
    while i < n:
        plain = _PLAIN.match(text, i)
        if plain:
            out.append(plain.group())
            i = plain.end()
            continue
        char = text[i]
        if char in " \t\r\n|&;()<>":
            break
        if char == "\\":
            if text.startswith("\n", i + 1):
                i += 2
                continue
            out.append(text[i + 1 : i + 2])
            i += 2
        elif char == "'":
            end = text.find("'", i + 1)
            end = n if end < 0 else end
            out.append(text[i + 1 : end])
            i = end + 1
        elif char == '"':
            i = _read_double_quoted(text, i + 1, out)
        elif text.startswith("$(", i) or text.startswith("${", i):
            end = _matching(text, i + 1)
            out.append(text[i:end])
            i = end
        elif char == "`":
            end = text.find("`", i + 1)
            end = n if end < 0 else end + 1
            out.append(text[i:end])
            i = end
        else:
            out.append(char)
            i += 1
    return min(i, n), "".join(out)


def _read_double_quoted(text: str, i: int, out: list[str]) -> int:
    n = len(text)
    while i < n:
        char = text[i]
        if char == '"':
            return i + 1
        if char == "\\" and i + 1 < n and text[i + 1] in '"\\$`':
            out.append(text[i + 1])
            i += 2
        elif text.startswith("$(", i):
            end = _matching(text, i + 1)
            out.append(text[i:end])
            i = end
        else:
            out.append(char)
            i += 1
    return n


def _matching(text: str, open_at: int) -> int:
    """Index just past the bracket closing the one at `open_at` (`(` or `{`)."""
    opener = text[open_at]
    closer = ")" if opener == "(" else "}"
    depth, i, n = 0, open_at, len(text)
    while i < n:
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "'" and opener == "(":
            end = text.find("'", i + 1)
            i = n if end < 0 else end + 1
            continue
        if char == opener:
            depth += 1
        elif char == closer:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return n


def substitutions(raw: str) -> list[str]:
    """The scripts of the command and process substitutions in a word as written (`$(…)`,
    backquotes, `<(…)`, `>(…)`), outer ones only; none inside single quotes, where they are text."""
    if "(" not in raw and "`" not in raw:
        return []  # most words: no substitution to look for
    found: list[str] = []
    i, n, quoted = 0, len(raw), False
    while i < n:
        char = raw[i]
        if char == "\\":
            i += 2
        elif char == "'" and not quoted:
            end = raw.find("'", i + 1)
            i = n if end < 0 else end + 1
        elif char == '"':
            quoted = not quoted
            i += 1
        elif raw.startswith("$(", i) or (not quoted and raw.startswith(("<(", ">("), i)):
            end = _matching(raw, i + 1)
            found.append(raw[i + 2 : end - 1])
            i = end
        elif char == "`":
            end = raw.find("`", i + 1)
            end = n if end < 0 else end
            found.append(raw[i + 1 : end])
            i = end + 1
        else:
            i += 1
    return found
