"""DL3015 — `apt-get install` without `--no-install-recommends`.

Why: recommended packages widen the attack surface and the image, and nobody asked for them.
Fix: insert ` --no-install-recommends` right after `install`; nothing else on the line moves.
If the app relied on a package that only came as a recommendation, name it in the install.
Two recommendations are known to matter: curl and wget recommend `ca-certificates`, without
which every https download fails, so it is added to that install unless the stage installs it
already (on a base that ships it, naming it changes nothing); git recommends openssh-client,
less and patch, which scripts and the image's users run (`ssh-keyscan`, `git@` remotes), so an
install of git is reported: name what it needs, then add the flag. So is an install followed by a
command that runs gpg (`apt-key add`, `gpg --dearmor`) when no install names gnupg: gpg may have
come as a recommendation (gnupg-agent recommends it). An `--only-upgrade`
install is left alone: it brings no package that is not there already (nor does one whose every
package an earlier RUN of the stage installed), and so is an install
after a RUN of the same stage (or one it is built on) that sets `APT::Install-Recommends "0"` in
apt's configuration: apt already installs no recommendations there.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from bot.dockerfile.installs import APT_OPTIONS_WITH_VALUES, installed_packages, package_words
from bot.dockerfile.model import Dockerfile, Run
from bot.lazy_regex import lazy_compile
from bot.model.findings import Finding
from bot.model.text import Edit
from bot.rules.base import finding
from bot.rules.packages import real_installs
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity

CODE = "DL3015"
_OFF = ("false", "0", "no", "off")
# `echo 'APT::Install-Recommends "0";' > /etc/apt/apt.conf.d/…`: apt's own setting, off for every later install.
_CONFIGURED_OFF = lazy_compile(r"""APT::Install-Recommends\s*["']?(?:false|0|no|off)\b""", re.IGNORECASE)


# Packages whose recommendations a working image needs: what to name instead, or None to report.
NEEDS_RECOMMENDED = {"curl": "ca-certificates", "wget": "ca-certificates", "git": None}
NEED_CERTIFICATES = frozenset(p for p, needs in NEEDS_RECOMMENDED.items() if needs == "ca-certificates")


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    certified: set[int] | None = None  # the stages that install ca-certificates, read once when asked
    configured_off: list[Run] | None = None  # the RUNs that turn recommends off in apt's configuration, likewise
    for run in doc.shipped_runs():
        for script, command, install in real_installs(run):
            if command.has_option("--no-install-recommends"):
                continue
            if command.has_option("--only-upgrade"):
                # Upgrades only what is installed already: no new package arrives, so there is
                # no recommendation for the flag to skip.
                continue
            settings = command.option_values("-o", "--option")
            if any(s.lower().startswith("apt::install-recommends=") and s.split("=", 1)[1].strip("\"'").lower() in _OFF
                   for s in settings):
                continue
            if configured_off is None:
                configured_off = _runs_turning_recommends_off(doc)
            if any(earlier.instruction.line < run.instruction.line and any(earlier.stage is s for s in run.stage.lineage())
                   for earlier in configured_off):
                continue  # apt's configuration already installs no recommendations here
            packages = package_words(command, install, APT_OPTIONS_WITH_VALUES)
            named = {word.value.split("=", 1)[0] for word in packages}
            if named and named <= _installed_before(doc, run):
                continue  # every package is there already: the install brings nothing, recommended or not
            if "git" in named:
                yield finding(doc, CODE, run.instruction,
                              f"{command.name} install without --no-install-recommends; not changed because git "
                              "recommends openssh-client, less and patch, which its users may run: name the ones "
                              "needed, then add the flag")
                continue
            gpg = _gpg_used_after(doc, run, command, named)
            if gpg is not None:
                yield finding(doc, CODE, run.instruction,
                              f"{command.name} install without --no-install-recommends; not changed because line "
                              f"{gpg} runs gpg (apt-key needs it too) and no install names gnupg: it may come only as "
                              "a recommendation (gnupg-agent recommends it): name gnupg, then add the flag")
                continue
            edits = [Edit.insert(script.logical.original_end(install.end), " --no-install-recommends")]
            added = ""
            name_certificates = bool(named & NEED_CERTIFICATES)
            if name_certificates:
                if certified is None:
                    certified = _stages_installing_certificates(doc)
                name_certificates = not any(id(stage) in certified for stage in run.stage.lineage())
            if name_certificates:
                edits.append(Edit.insert(script.logical.original_end(packages[-1].end), " ca-certificates"))
                added = " (ca-certificates named: curl and wget need it for https and only recommend it)"
            yield finding(doc, CODE, run.instruction,
                          f"{command.name} install without --no-install-recommends{added}", tuple(edits))


def _installed_before(doc: Dockerfile, run: Run) -> set[str]:
    """The packages earlier RUNs of the stage's lineage install."""
    lineage = {id(s) for s in run.stage.lineage()}
    return {name for other in doc.runs() if id(other.stage) in lineage
            and other.instruction.span.start < run.instruction.span.start for name in installed_packages(other)}


# Packages that bring gpg itself.
GPG_PACKAGES = frozenset({"gnupg", "gnupg2", "gnupg1", "gpg"})
_GPG_PROGRAMS = frozenset({"gpg", "gpg2", "apt-key"})


def _gpg_used_after(doc: Dockerfile, run: Run, install, named: set[str]) -> int | None:
    """The line of a command that runs gpg (`apt-key add`, `gpg --dearmor`) after this install,
    in its RUN or a later one of the stage or a stage built on it, before any install names
    gnupg: gpg may then have come only as a recommendation."""
    if named & GPG_PACKAGES:
        return None
    lineage = {id(s) for s in run.stage.lineage()} | {id(s) for s in doc.stages if s.built_on(run.stage)}
    earlier = [r for r in doc.runs() if id(r.stage) in lineage and r.instruction.span.start < run.instruction.span.start]
    if any(set(installed_packages(r)) & GPG_PACKAGES for r in earlier):
        return None
    after = False
    for other in doc.runs():
        if id(other.stage) not in lineage or other.instruction.span.start < run.instruction.span.start:
            continue
        for script in other.scripts:
            for command in script.script.commands:
                if command is install:
                    after = True
                elif not after:
                    continue
                elif command.name in _GPG_PROGRAMS:
                    return other.instruction.line
                elif command.name in ("apt-get", "apt") and set(_names(command)) & GPG_PACKAGES:
                    return None
    return None


def _names(command) -> list[str]:
    """The packages an apt command's words name (versions left off)."""
    sub = command.subcommand(APT_OPTIONS_WITH_VALUES)
    if sub is None or sub.value != "install":
        return []
    return [w.value.split("=", 1)[0] for w in package_words(command, sub, APT_OPTIONS_WITH_VALUES)]


def _runs_turning_recommends_off(doc: Dockerfile) -> list[Run]:
    """The RUNs that write `APT::Install-Recommends "0"` into apt's configuration."""
    return [run for run in doc.all_runs if "apt.conf" in run.text and _CONFIGURED_OFF.search(run.text)]


def _stages_installing_certificates(doc: Dockerfile) -> set[int]:
    """The stages (by id) one of whose RUNs installs ca-certificates: read once per file, so a
    file of many installs stays linear."""
    return {id(run.stage) for run in doc.runs() if "ca-certificates" in installed_packages(run)}


RULE = Rule(
    code=CODE,
    name="apt-get-no-install-recommends",
    title='`apt-get install` without `--no-install-recommends`',
    severity=Severity.LOW,
    on_by_default=True,
    fix=FixSafety.UNSAFE,
    scope=Scope.FINAL_IMAGE,
    why="recommended packages widen the attack surface and the image for nothing",
    example=Example('RUN apt-get install -y curl', 'RUN apt-get install --no-install-recommends -y curl ca-certificates'),
    doc=__doc__ or "",
    equivalents=("hadolint DL3015", "Trivy DS-0029"),
    onbuild=True,
    saves_size=True,
    check=check,
)
