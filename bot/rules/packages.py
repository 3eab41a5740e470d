"""Finding package-manager commands in RUN scripts: apt-get, apk, pip, useradd."""
from __future__ import annotations

import re
from collections.abc import Iterator

from bot.dockerfile.model import Run, ShellScript
from bot.dockerfile.shell import Command, Word

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
            if sub is not None and sub.value == "install":
                yield script, command, sub


def installed_packages(run: Run) -> list[str]:
    """Package names that apt-get/apk install in this RUN (options excluded)."""
    names: list[str] = []
    for source in (apt(run, "install"), apk_adds(run)):
        for _, command, sub in source:
            after = False
            for word in command.args():
                if word is sub:
                    after = True
                elif after and not word.value.startswith("-"):
                    names.append(word.value.split("=", 1)[0])
    return names


def created_users(run: Run) -> list[tuple[str, str | None]]:
    """(name, UID when given as a number) of the users useradd/adduser create in this RUN."""
    users = []
    for name, with_values in (("useradd", _USERADD_VALUES), ("adduser", _ADDUSER_VALUES)):
        for _, command in run.commands(name):
            positional = positional_args(command, with_values)
            if positional:
                uid = next((v for v in _values_of(command, "u", "--uid", with_values) if v.isdigit()), None)
                users.append((positional[-1].value if name == "useradd" else positional[0].value, uid))
    return users


def positional_args(command: Command, options_with_values: frozenset[str]) -> list[Word]:
    """The words that are neither options nor their values. Short options may be clustered
    as getopt reads them: in `-Dh /home/app`, `-h` is the cluster's last letter and takes the
    next word; in `-Dh/home/app` it takes the rest of the cluster."""
    out, skip = [], False
    for word in command.args():
        if skip:
            skip = False
        elif word.value.startswith("--"):
            skip = word.value in options_with_values
        elif word.value.startswith("-") and len(word.value) > 1:
            skip = _cluster_takes_next(word.value, options_with_values)
        else:
            out.append(word)
    return out


def _values_of(command: Command, letter: str, long: str, options_with_values: frozenset[str]) -> list[str]:
    """The values given to `-<letter>`, also inside a cluster (`-mu 1500`, `-mu1500`), and to
    `long` (`--uid 1500`, `--uid=1500`)."""
    values, args = [], command.args()
    for i, word in enumerate(args):
        value = word.value
        following = args[i + 1].value if i + 1 < len(args) else None
        if value == long and following is not None:
            values.append(following)
        elif value.startswith(long + "="):
            values.append(value[len(long) + 1:])
        elif value.startswith("-") and not value.startswith("--"):
            for at, char in enumerate(value[1:], start=1):
                if f"-{char}" not in options_with_values:
                    continue
                if char == letter:
                    rest = value[at + 1:]
                    values.extend([rest] if rest else [following] if following is not None else [])
                break  # the first letter that takes a value ends the cluster
    return values


def _cluster_takes_next(cluster: str, options_with_values: frozenset[str]) -> bool:
    """Whether a short-option cluster (`-Dh`) ends with an option whose value is the next word."""
    for at, letter in enumerate(cluster[1:], start=1):
        if f"-{letter}" in options_with_values:
            return at == len(cluster) - 1  # a value attached to it (`-h/home/app`) ends the cluster
    return False


_USERADD_VALUES = frozenset("-u --uid -g --gid -G --groups -d --home-dir -s --shell -c --comment -k "
                            "--skel -e --expiredate -f --inactive -K --key -p --password -R --root "
                            "-Z --selinux-user -b --base-dir -P --prefix".split())
_ADDUSER_VALUES = frozenset("-h -g -s -G -u -k --home --shell --uid --gid --ingroup --gecos "
                            "--firstuid --lastuid --conf --comment".split())
