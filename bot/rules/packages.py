"""Finding package-manager commands in RUN scripts: apt-get, apk, pip, useradd."""
from __future__ import annotations

import re
from collections.abc import Iterator

from bot.dockerfile.arguments import positional_words, read_words
from bot.dockerfile.installs import APK_OPTIONS_WITH_VALUES, APT, APT_OPTIONS_WITH_VALUES
from bot.dockerfile.model import Run, ShellScript
from bot.dockerfile.shell import Command, Word
from bot.lazy_regex import lazy_compile

_PIP = re.compile(r"pip(\d+(\.\d+)?)?")
_PYTHON = lazy_compile(r"python(\d+(\.\d+)?)?")


def apt(run: Run, subcommand: str) -> Iterator[tuple[ShellScript, Command, Word]]:
    """(script, command, subcommand word) for each `apt-get <subcommand>` in the RUN."""
    for name in APT:
        for script, command in run.commands(name, subcommand, APT_OPTIONS_WITH_VALUES):
            word = command.subcommand(APT_OPTIONS_WITH_VALUES)
            assert word is not None
            yield script, command, word


# Options that make `apt-get install` only show what it would do: nothing is installed.
_SIMULATE = ("-s", "--simulate", "--just-print", "--dry-run", "--recon", "--no-act")


def real_installs(run: Run) -> Iterator[tuple[ShellScript, Command, Word]]:
    """`apt-get install` commands that install something (not `-s` simulations)."""
    for script, command, word in apt(run, "install"):
        if not command.has_option(*_SIMULATE):
            yield script, command, word


def apk_adds(run: Run) -> Iterator[tuple[ShellScript, Command, Word]]:
    for script, command in run.commands("apk", "add", APK_OPTIONS_WITH_VALUES):
        word = command.subcommand(APK_OPTIONS_WITH_VALUES)
        assert word is not None
        yield script, command, word


def pip_installs(run: Run) -> Iterator[tuple[ShellScript, Command, Word]]:
    """`pip install`, `pip3.11 install` and `python -m pip install`."""
    return pip_commands(run, "install")


def pip_commands(run: Run, subcommand: str) -> Iterator[tuple[ShellScript, Command, Word]]:
    """pip's `subcommand` (`install`, `config` …) however pip is started: `pip`, `pip3.11`,
    `python -m pip`."""
    for script in run.scripts:
        for command in script.script.commands:
            argv = command.argv
            if _PIP.fullmatch(command.name) and len(argv) > 1:
                sub = command.subcommand()
            elif (_PYTHON.fullmatch(command.name) and len(argv) > 3
                  and argv[1].value == "-m" and argv[2].value == "pip"):
                sub = argv[3]
            else:
                continue
            if sub is not None and sub.value == subcommand:
                yield script, command, sub


def created_users(run: Run) -> list[tuple[str, str | None]]:
    """(name, UID when given as a number) of the users useradd/adduser create in this RUN."""
    users = []
    for name, with_values in (("useradd", _USERADD_VALUES), ("adduser", _ADDUSER_VALUES)):
        for _, command in run.commands(name):
            positional = positional_args(command, with_values)
            if positional:
                uid = next((v for v in read_words(command.args(), with_values).values("-u", "--uid") if v.isdigit()),
                           None)
                users.append((positional[-1].value if name == "useradd" else positional[0].value, uid))
    return users


def user_homes(run: Run) -> list[str]:
    """The home folders useradd/adduser give the users they create in this RUN (`-d /app`,
    `--home /app`)."""
    homes = []
    for name, with_values, options in (("useradd", _USERADD_VALUES, ("-d", "--home-dir")),
                                       ("adduser", _ADDUSER_VALUES, ("-h", "--home"))):
        for _, command in run.commands(name):
            homes += read_words(command.args(), with_values).values(*options)
    return homes


def positional_args(command: Command, options_with_values: frozenset[str]) -> list[Word]:
    """The command's words that are neither options nor their values (`arguments.positional_words`)."""
    return positional_words(command.args(), options_with_values)


_USERADD_VALUES = frozenset("-u --uid -g --gid -G --groups -d --home-dir -s --shell -c --comment -k "
                            "--skel -e --expiredate -f --inactive -K --key -p --password -R --root "
                            "-Z --selinux-user -b --base-dir -P --prefix".split())
_ADDUSER_VALUES = frozenset("-h -g -s -G -u -k --home --shell --uid --gid --ingroup --gecos "
                            "--firstuid --lastuid --conf --comment".split())
