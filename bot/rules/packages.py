"""Finding package-manager commands in RUN scripts: apt-get, apk, pip, useradd."""
from __future__ import annotations

import re
from collections.abc import Iterator

from bot.dockerfile.model import Run, ShellScript
from bot.dockerfile.shell import Command, Word
from bot.rules.commands import Args, read_args

APT = ("apt-get", "apt")
APT_OPTIONS_WITH_VALUES = frozenset({"-o", "-c", "-t", "--option", "--config-file", "--target-release"})
APK_OPTIONS_WITH_VALUES = frozenset({"-X", "--repository", "-p", "--root", "--arch", "--cache-dir",
                                     "--keys-dir", "--repositories-file"})
_PIP = re.compile(r"pip(\d+(\.\d+)?)?")
_PYTHON = re.compile(r"python(\d+(\.\d+)?)?")


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


def installed_packages(run: Run) -> list[str]:
    """Package names that apt-get/apk install in this RUN (options excluded)."""
    names: list[str] = []
    for source, with_values in ((apt(run, "install"), APT_OPTIONS_WITH_VALUES), (apk_adds(run), APK_OPTIONS_WITH_VALUES)):
        for _, command, sub in source:
            names.extend(word.value.split("=", 1)[0] for word in package_words(command, sub, with_values))
    return names


def package_words(command: Command, sub: Word, options_with_values: frozenset[str]) -> list[Word]:
    """The packages an install names: its operands after the subcommand (options and their
    values left out)."""
    return [word for word in positional_args(command, options_with_values) if word.start > sub.start]


def created_users(run: Run) -> list[tuple[str, str | None]]:
    """(name, UID when given as a number) of the users useradd/adduser create in this RUN."""
    users = []
    for name, with_values in (("useradd", _USERADD_VALUES), ("adduser", _ADDUSER_VALUES)):
        for _, command in run.commands(name):
            positional = positional_args(command, with_values)
            if positional:
                uid = next((v for v in _read(command.args(), with_values).values("-u", "--uid") if v.isdigit()), None)
                users.append((positional[-1].value if name == "useradd" else positional[0].value, uid))
    return users


def positional_args(command: Command, options_with_values: frozenset[str]) -> list[Word]:
    """The words that are neither options nor their values, read as getopt reads them
    (`commands.read_args`): in `-Dh /home/app`, `-h` is the cluster's last letter and takes the
    next word; in `-Dh/home/app` it takes the rest of the cluster."""
    return positional_words(command.args(), options_with_values)


def positional_words(words: list[Word], options_with_values: frozenset[str]) -> list[Word]:
    return [words[at] for at in _read(words, options_with_values).operand_at]


def _read(words: list[Word], options_with_values: frozenset[str]) -> Args:
    short = "".join(name[1] for name in options_with_values if len(name) == 2 and name[0] == "-")
    long = frozenset(name for name in options_with_values if name.startswith("--"))
    return read_args([word.value for word in words], short, long)


_USERADD_VALUES = frozenset("-u --uid -g --gid -G --groups -d --home-dir -s --shell -c --comment -k "
                            "--skel -e --expiredate -f --inactive -K --key -p --password -R --root "
                            "-Z --selinux-user -b --base-dir -P --prefix".split())
_ADDUSER_VALUES = frozenset("-h -g -s -G -u -k --home --shell --uid --gid --ingroup --gecos "
                            "--firstuid --lastuid --conf --comment".split())
