"""A program's arguments as its option parser reads them, from the words the shell splitter
gives: the one reader of options for the Dockerfile layer and the rules alike.

Options are read as getopt reads them, so `-fsSLk` holds `-k` but `-ok` is `-o k` (a file
named k): each program names its short options that take a value. By default options and
operands mix, as GNU getopt permits; `stop_at_operand` ends the options at the first operand,
as a program with subcommands (git) reads its own options before the subcommand's.
"""
from __future__ import annotations

from collections.abc import Sequence

from bot.dockerfile.shell import Word
from bot.record import record


@record
class Args:
    """A command's arguments: its options in order (name, value or None) and its operands,
    each with where it stands in the words read (the word holding an option: a cluster's
    letters share one)."""

    options: tuple[tuple[str, str | None], ...]
    operands: tuple[str, ...]
    operand_at: tuple[int, ...] = ()
    option_at: tuple[int, ...] = ()

    def has(self, *names: str) -> bool:
        return any(name in names for name, _ in self.options)

    def values(self, *names: str) -> list[str]:
        return [value for name, value in self.options if name in names and value is not None]


def read_args(values: Sequence[str], short_with_value: str = "", long_with_value: frozenset[str] = frozenset(),
              *, stop_at_operand: bool = False) -> Args:
    """Options and operands of `values` (the words after the program name)."""
    options: list[tuple[str, str | None]] = []
    option_at: list[int] = []
    operands: list[str] = []
    operand_at: list[int] = []
    i, n = 0, len(values)
    while i < n:
        at, value = i, values[i]
        i += 1
        if value == "--":
            operands.extend(values[i:])
            operand_at.extend(range(i, n))
            break
        if value.startswith("--"):
            name, has_value, given = value.partition("=")
            if has_value:
                options.append((name, given))
            elif name in long_with_value and i < n:
                options.append((name, values[i]))
                i += 1
            else:
                options.append((name, None))
            option_at.append(at)
        elif value.startswith("-") and len(value) > 1:
            for position in range(1, len(value)):
                letter = value[position]
                option_at.append(at)
                if letter not in short_with_value:
                    options.append(("-" + letter, None))
                    continue
                if position + 1 < len(value):
                    options.append(("-" + letter, value[position + 1 :]))
                elif i < n:
                    options.append(("-" + letter, values[i]))
                    i += 1
                else:
                    options.append(("-" + letter, ""))
                break
        elif stop_at_operand:
            operands.extend(values[at:])
            operand_at.extend(range(at, n))
            break
        else:
            operands.append(value)
            operand_at.append(at)
    return Args(tuple(options), tuple(operands), tuple(operand_at), tuple(option_at))


def read_words(words: Sequence[Word], options_with_values: frozenset[str]) -> Args:
    """`read_args` over words, the options that take a value named in one set (`-o`, `--option`)."""
    short = "".join(name[1] for name in options_with_values if len(name) == 2 and name[0] == "-")
    long = frozenset(name for name in options_with_values if name.startswith("--"))
    return read_args([word.value for word in words], short, long)


def positional_words(words: Sequence[Word], options_with_values: frozenset[str]) -> list[Word]:
    """The words that are neither options nor their values: in `-Dh /home/app`, `-h` is the
    cluster's last letter and takes the next word; in `-Dh/home/app` it takes the rest of the
    cluster."""
    return [words[at] for at in read_words(words, options_with_values).operand_at]
