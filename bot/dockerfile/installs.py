"""The packages a RUN's package managers install, read as each manager reads its arguments:
for the Dockerfile layer (which stage is for development) and the rules alike."""
from __future__ import annotations

from typing import cast

from bot.dockerfile.arguments import positional_words
from bot.dockerfile.model import Run
from bot.dockerfile.shell import Command, Word

APT = ("apt-get", "apt")
APT_OPTIONS_WITH_VALUES = frozenset({"-o", "-c", "-t", "--option", "--config-file", "--target-release"})
APK_OPTIONS_WITH_VALUES = frozenset({"-X", "--repository", "-p", "--root", "--arch", "--cache-dir",
                                     "--keys-dir", "--repositories-file"})
DNF_OPTIONS_WITH_VALUES = frozenset({"-c", "--config", "-d", "--debuglevel", "-e", "--errorlevel", "-x", "--exclude",
                                     "--enablerepo", "--disablerepo", "--repo", "--repoid", "--setopt", "--releasever",
                                     "--installroot", "--forcearch", "-R", "--randomwait"})
ZYPPER_OPTIONS_WITH_VALUES = frozenset({"-c", "--config", "-R", "--root", "-D", "--reposd-dir", "-C", "--cache-dir",
                                        "-r", "--repo", "-t", "--type"})
# Each manager's install subcommand, and its options that take a value.
INSTALLERS: dict[str, tuple[str, frozenset[str]]] = {
    "apt-get": ("install", APT_OPTIONS_WITH_VALUES), "apt": ("install", APT_OPTIONS_WITH_VALUES),
    "apk": ("add", APK_OPTIONS_WITH_VALUES), "yum": ("install", DNF_OPTIONS_WITH_VALUES),
    "dnf": ("install", DNF_OPTIONS_WITH_VALUES), "microdnf": ("install", DNF_OPTIONS_WITH_VALUES),
    "zypper": ("install", ZYPPER_OPTIONS_WITH_VALUES),
}


def installed_packages(run: Run, managers: tuple[str, ...] = (*APT, "apk")) -> list[str]:
    """Package names that `managers` (by default apt-get, apt and apk) install in this RUN,
    versions (`=1.2`) and options left off. Read once a RUN for each set of managers: the role
    and several rules ask of every RUN (not to be changed by the caller)."""
    by_managers = cast(dict[tuple[str, ...], list[str]], run.derived.setdefault("installed_packages", {}))
    known = by_managers.get(managers)
    if known is None:
        known = by_managers[managers] = _installed_packages(run, managers)
    return known


def _installed_packages(run: Run, managers: tuple[str, ...]) -> list[str]:
    names: list[str] = []
    for manager in managers:
        subcommand, with_values = INSTALLERS[manager]
        for _, command in run.commands(manager, subcommand, with_values):
            sub = command.subcommand(with_values)
            assert sub is not None
            names.extend(word.value.split("=", 1)[0] for word in package_words(command, sub, with_values))
    return names


def package_words(command: Command, sub: Word, options_with_values: frozenset[str]) -> list[Word]:
    """The packages an install names: its operands after the subcommand (options and their
    values left out)."""
    return [word for word in positional_words(command.args(), options_with_values) if word.start > sub.start]
