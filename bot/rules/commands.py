"""What the commands of a RUN say, read from the words the shell splitter gives: the commands
a RUN runs inside command substitutions, process substitutions and `sh -c` scripts. A
program's arguments are read by `bot.dockerfile.arguments`."""
from __future__ import annotations

from collections.abc import Iterator
from typing import cast

from bot.dockerfile.model import Run
from bot.dockerfile.shell import Command, Word, split_commands, substitutions
from bot.record import record

SHELLS = frozenset({"sh", "bash", "ash", "dash", "zsh", "ksh", "mksh", "busybox sh"})
# How deep `sh -c "$(…)"` nesting is followed: enough for any real script, and a hostile one
# costs each level's text once.
MAX_DEPTH = 6


@record
class Found:
    """A command a RUN runs, and the script text its word offsets index."""

    command: Command
    text: str
    depth: int  # 0: written in the RUN itself; more: inside a substitution or `sh -c`

    def raw(self, index: int) -> str:
        """The word at `index` of the command's words as written, quotes included."""
        word = self.command.words[index]
        return self.text[word.start : word.end]

    def values(self) -> list[str]:
        return [word.value for word in self.command.args()]


def run_commands(run: Run) -> tuple[Found, ...]:
    """Every command the RUN runs: those of its scripts, and those nested in them (found once
    a RUN: several rules ask)."""
    if "commands" not in run.derived:
        run.derived["commands"] = tuple(Found(command, text, depth)
                                        for text, commands, depth in run_scripts(run) for command in commands)
    return cast(tuple[Found, ...], run.derived["commands"])


def run_scripts(run: Run) -> tuple[tuple[str, list[Command], int], ...]:
    """Each script the RUN runs, with its commands and depth: its own, then those nested in them."""
    if "scripts" not in run.derived:
        run.derived["scripts"] = tuple(nested for script in run.scripts
                                       for nested in _walk(script.logical.text, script.script.commands, 0))
    return cast(tuple[tuple[str, list[Command], int], ...], run.derived["scripts"])


def shell_script(command: Command) -> str | None:
    """The script of `sh -c 'script'` (or bash, ash …), else None."""
    word = _script_word(command)
    return word.value if word is not None else None


def _script_word(command: Command) -> Word | None:
    if command.name not in SHELLS:
        return None
    args = command.args()
    at = 0
    while at < len(args):
        value = args[at].value
        if value == "--" or value[:1] not in ("-", "+"):
            return None
        if value in ("-o", "+o", "-O", "+O"):
            at += 2  # `-o pipefail`
            continue
        if not value.startswith("--") and "c" in value[1:]:
            return args[at + 1] if at + 1 < len(args) else None
        at += 1
    return None


def _walk(text: str, commands: list[Command], depth: int) -> Iterator[tuple[str, list[Command], int]]:
    yield text, commands, depth
    if depth >= MAX_DEPTH:
        return
    # A word is a slice of the text: without a parenthesis or backquote in the text, none of its
    # words holds a substitution (most scripts), and they are not looked at one by one.
    substituting = "(" in text or "`" in text
    for command in commands:
        script = _script_word(command)
        for word in command.words + command.redirect_targets if substituting else ():
            # The substitutions of a `sh -c` script are walked with the script, not twice.
            for inner in substitutions(text[word.start : word.end]) if word is not script else ():
                yield from _walk(inner, split_commands(inner).commands, depth + 1)
        if script is not None:
            yield from _walk(script.value, split_commands(script.value).commands, depth + 1)
