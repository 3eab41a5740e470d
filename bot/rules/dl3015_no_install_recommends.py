"""DL3015 — `apt-get install` without `--no-install-recommends`.

Why: recommended packages widen the attack surface and the image, and nobody asked for them.
Fix: insert ` --no-install-recommends` right after `install`; nothing else on the line moves.
If the app relied on a package that only came as a recommendation, name it in the install.
Two recommendations are known to matter: curl and wget recommend `ca-certificates`, without
which every https download fails, so it is added to that install unless the stage installs it
already, by then (an install of it later, even in the same RUN after a `curl https://…`, comes
too late; on a base that ships it, naming it changes nothing); git recommends openssh-client,
less and patch, which scripts and the image's users run (`ssh-keyscan`, `git@` remotes), so an
install of git is reported: name what it needs, then add the flag. So is one of docker-ce-cli or
docker-ce: since Docker 23 the buildx and compose plugins are the CLI's recommendations. So is an install followed by a
command that runs gpg (`apt-key add`, `gpg --dearmor`) when no install names gnupg: gpg may have
come as a recommendation (gnupg-agent recommends it). So is an install of a C compiler (gcc, g++, clang, or gfortran, which needs gcc) that names neither libc6-dev nor
build-essential (the compiler only recommends the C library's headers), and of a cross compiler
(`gcc-aarch64-linux-gnu`) that names neither the target's headers (libc6-dev-arm64-cross), nor
crossbuild-essential-arm64, nor that target's g++, and one of python3-pip
before a `pip install` that names neither python3-dev nor build-essential, or before a RUN that
runs make or a C compiler no install names (python3-pip recommends build-essential); and every install in an
image people work in or CI jobs run in, a Jupyter server's (its `jovyan` or `NB_USER` user, Jupyter's programs), a CI runner's (it installs GitHub Actions', GitLab's or Buildkite's runner) or a
remote desktop's (a VNC or RDP server installed, noVNC, a base named for one), where recommended packages are commands
they run in its terminal (zip recommends unzip). So is an install of a desktop's metapackage
(`ubuntu-mate-desktop`, `task-xfce-desktop`): the desktop's own applications (its terminal,
editor, file manager) are its recommendations; and of a font metapackage that recommends its
family (`fonts-noto`, which depends on fonts-noto-core only); and, in a base image, of a package
whose recommendation the code built on it may run (xvfb's xauth, which xvfb-run needs). An `--only-upgrade`
install is left alone: it brings no package that is not there already (nor does one whose every
package an earlier RUN of the stage installed, or the base image's own Dockerfile: curl and git
in the full python, node, ruby, rust and golang images, built on buildpack-deps), and so is an install
after a RUN of the same stage (or one it is built on), or an earlier command of the same RUN, that
sets `APT::Install-Recommends "0"` in apt's configuration: apt already installs no recommendations there.
Nor is an install that asks for recommendations itself (`--install-recommends`): that is the maintainers' choice.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cached_property

from bot.dockerfile.bases import describe_base
from bot.dockerfile.installs import APT_OPTIONS_WITH_VALUES, installed_packages, package_words
from bot.dockerfile.model import Dockerfile, Run, Stage
from bot.dockerfile.shell import Command
from bot.lazy_regex import lazy_compile
from bot.model.findings import Finding
from bot.model.roles import Role
from bot.model.text import Edit
from bot.record import record
from bot.rules.base import finding
from bot.rules.packages import pip_installs, real_installs
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity

CODE = "DL3015"
_OFF = ("false", "0", "no", "off")
# `echo 'APT::Install-Recommends "0";' > /etc/apt/apt.conf.d/…`: apt's own setting, off for every later install.
_CONFIGURED_OFF = lazy_compile(r"""APT::Install-Recommends\s*["']?(?:false|0|no|off)\b""", re.IGNORECASE)


# Packages whose recommendation a working image needs, and that is named for them in the fix.
NEED_CERTIFICATES = frozenset({"curl", "wget"})
# Packages whose recommendations the image's users run, reported instead: what they recommend, and for what.
RECOMMENDS_WHAT_USERS_RUN = {
    "git": "openssh-client, less and patch, which its users may run",
    # Since Docker 23 the CLI's plugins come as its recommendations: without them `docker buildx`
    # and `docker compose` are missing and `docker build` falls back to the legacy builder.
    "docker-ce-cli": "docker-buildx-plugin and docker-compose-plugin, without which docker buildx and docker compose "
                     "are missing and docker build falls back to the legacy builder",
    "docker-ce": "docker-buildx-plugin, docker-compose-plugin (through docker-ce-cli), git and pigz, which "
                 "docker build and docker pull use",
}
# ... and what the code of the images built FROM a base may run: there nobody knows which
# commands that code calls. Debian's and Ubuntu's xvfb recommend xauth alone, and its own
# xvfb-run stops without it ("xauth command not found"). (An app's own image runs its own code,
# which starts the display its way: Playwright, Puppeteer.)
RECOMMENDS_WHAT_CODE_BUILT_ON_IT_RUNS = {
    "xvfb": "xauth, without which its xvfb-run stops",
}


def _needs_certificates(named: set[str]) -> bool:
    """curl, wget, or libcurl itself (`libcurl4`, `libcurl4-openssl-dev`: what curl and apps
    that fetch over https link to recommends ca-certificates)."""
    return bool(named & NEED_CERTIFICATES) or any(name.startswith("libcurl") for name in named)


# A Jupyter server's image, which people open a terminal in: its user (`jovyan`, `NB_USER`) or
# Jupyter's own programs.
_JUPYTER = lazy_compile(r"\bjovyan\b|\bNB_USER\b|\bjupyter(?:lab|hub|-server|hub-singleuser)?\b")


# A remote desktop's server: people log in to the image's desktop (VNC, RDP, noVNC in a browser).
REMOTE_DESKTOP_SERVERS = frozenset({
    "tigervnc-standalone-server", "tigervnc-scraping-server", "tigervnc-server", "tightvncserver",
    "vnc4server", "x11vnc", "turbovnc", "kasmvncserver", "xrdp", "novnc"})
_NOVNC = lazy_compile(r"(?i)\bnovnc\b")
# A base named for a remote desktop (`dorowu/ubuntu-desktop-lxde-vnc`, `linuxserver/webtop`, `kasmweb/desktop`).
_REMOTE_DESKTOP_BASE = lazy_compile(r"(?:^|[/_.-])(?:no)?vnc(?:$|[/_.:-])|(?:^|/)webtop(?:$|:)|(?:^|/)kasmweb/"
                                    r"|(?:^|[/_.-])xrdp(?:$|[/_.:-])")
# A desktop's metapackage, whose recommendations are the desktop's own applications: the Ubuntu
# flavours', Debian's desktop tasks, GNOME's, KDE's and MATE's and Cinnamon's full environments.
_DESKTOP_METAPACKAGE = lazy_compile(
    r"(?:ubuntu|kubuntu|xubuntu|lubuntu|ubuntu-mate|ubuntu-budgie|ubuntustudio|ubuntu-unity|ubuntukylin|edubuntu)"
    r"-desktop(?:-minimal|-full)?|task-[a-z0-9-]+-desktop|gnome|kde-(?:standard|full)"
    r"|mate-desktop-environment(?:-extras)?|cinnamon-desktop-environment")


# Font metapackages whose recommendations are the family itself (Debian's and Ubuntu's control
# files): the flag leaves the one font they depend on, and text in the others' scripts and
# styles renders as empty boxes.
_FONT_METAPACKAGES = {
    "fonts-noto": "the emoji, extra, UI, mono and CJK Noto fonts; only fonts-noto-core is a dependency",
}


def _interactive(doc: Dockerfile) -> str:
    """How the file shows its image is one people work in interactively (a Jupyter server: `line
    4 names jovyan`; a remote desktop: `line 9 installs x11vnc`), or one CI jobs run in (it
    installs a CI runner: GitHub Actions', GitLab's, Buildkite's, Azure Pipelines', Jenkins');
    "" when it does not."""
    for inst in doc.instructions:
        match = _JUPYTER.search(inst.rest)
        if match is not None:
            return f"line {inst.line} names {match.group(0)} (a Jupyter server)"
    for stage in doc.stages:
        base = stage.external_base
        if base is not None and _REMOTE_DESKTOP_BASE.search(base.lower()):
            return f"line {stage.from_.line} builds on {base} (a remote desktop)"
    for run in doc.runs():
        server = next((name for name in installed_packages(run) if name in REMOTE_DESKTOP_SERVERS), None)
        if server is None and _NOVNC.search(run.instruction.rest):
            server = "noVNC"
        if server is not None:
            return f"line {run.instruction.line} installs {server} (a remote desktop)"
        agent = _CI_AGENT.search(run.instruction.rest)
        if agent is not None:
            return f"line {run.instruction.line} installs {agent.group(0)} (a CI runner, whose jobs run in the image)"
    return ""


# A CI runner or agent a RUN downloads or installs: the jobs that run in its image use its commands.
_CI_AGENT = lazy_compile(r"actions/runner/releases|actions-runner-linux|\bgitlab-runner\b|\bbuildkite-agent\b"
                         r"|vsts-agent|pipelines-agent|\bjenkins/(?:inbound-)?agent\b|remoting/\S*agent\.jar")


class _FileFacts:
    """What the file's installs are judged against, each read once per file and only when a
    check first needs it, so that a file of many installs stays linear."""

    def __init__(self, doc: Dockerfile) -> None:
        self.doc = doc

    @cached_property
    def configured_off(self) -> list[Run]:
        return _runs_turning_recommends_off(self.doc)

    @cached_property
    def first_installs(self) -> dict[int, dict[str, int]]:
        return _first_installs(self.doc)

    @cached_property
    def certified(self) -> dict[int, tuple[int, int, int]]:
        return _certificate_installs(self.doc)

    @cached_property
    def gpg_uses(self) -> GpgUses:
        return _gpg_uses(self.doc)

    @cached_property
    def pip_runs(self) -> list[Run]:
        return _pip_install_runs(self.doc)

    @cached_property
    def interactive(self) -> str:
        return _interactive(self.doc)


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    facts = _FileFacts(doc)
    for run in doc.shipped_runs():
        for script, command, install in real_installs(run):
            if _recommends_off(facts, run, command) or command.has_option("--install-recommends"):
                continue  # none are installed, or the command asks for them on purpose
            packages = package_words(command, install, APT_OPTIONS_WITH_VALUES)
            if not packages:
                continue  # it names no package: it only repairs what is installed (`apt-get -f install`)
            named = {word.value.split("=", 1)[0] for word in packages}
            if named and _installed_before(facts.first_installs, run, named):
                continue  # every package is there already: the install brings nothing, recommended or not
            if named and named <= describe_base(run.stage.external_base).preinstalled:
                continue  # likewise, installed by the base image's own Dockerfile (curl in python:3.12)
            why = _why_not_changed(facts, run, script, command, named)
            if why is None:
                why = _base_users_need(context, named)
            if why == _NO_LAYER_CHANGES:
                continue
            if why is not None:
                yield finding(doc, CODE, run.instruction,
                              f"{command.name} install without --no-install-recommends; not changed because {why}")
                continue
            edits = [Edit.insert(script.logical.original_end(install.end), " --no-install-recommends")]
            added = ""
            name_certificates = _needs_certificates(named)
            if name_certificates:
                here = _position(run, script, command)
                # Installed later (even in this RUN, after a `curl https://…`) is too late: named here it is not.
                name_certificates = not any(id(s) in facts.certified and facts.certified[id(s)] <= here
                                            for s in run.stage.lineage())
            if name_certificates:
                edits.append(Edit.insert(script.logical.original_end(packages[-1].end), " ca-certificates"))
                added = " (ca-certificates named: curl, wget and libcurl need it for https and only recommend it)"
            yield finding(doc, CODE, run.instruction,
                          f"{command.name} install without --no-install-recommends{added}", tuple(edits))


def _recommends_off(facts: _FileFacts, run: Run, command: Command) -> bool:
    """The install already brings no recommendation: the flag is there, it only upgrades what is
    installed, or an option or apt's configuration (set by an earlier RUN of the stage or one it
    is built on, or earlier in the same RUN) turns them off."""
    if command.has_option("--no-install-recommends") or command.has_option("--only-upgrade"):
        return True
    settings = command.option_values("-o", "--option")
    if any(s.lower().startswith("apt::install-recommends=") and s.split("=", 1)[1].strip("\"'").lower() in _OFF
           for s in settings):
        return True
    if any(earlier.instruction.line < run.instruction.line and any(earlier.stage is s for s in run.stage.lineage())
           for earlier in facts.configured_off):
        return True
    # Earlier in the same RUN: `echo 'APT::Install-Recommends "0";' > /etc/apt/apt.conf.d/01norecommend && …`.
    return any(run is configured for configured in facts.configured_off) and any(
        other.end <= command.start and _CONFIGURED_OFF.search(" ".join(w.value for w in other.words))
        and any("apt.conf" in w.value for w in (*other.words, *other.redirect_targets))
        for script in run.scripts if any(c is command for c in script.script.commands)
        for other in script.script.commands)


# `_why_not_changed`'s answer for an install the RUN purges before it ends: no layer changes,
# so there is nothing to edit or to say.
_NO_LAYER_CHANGES = ""


def _base_users_need(context: RuleContext, named: set[str]) -> str | None:
    """In a base image, what a package recommends that the code of the images built FROM it may run."""
    if context.role is None or context.role.role is not Role.BASE:
        return None
    package = next((name for name in sorted(named) if name in RECOMMENDS_WHAT_CODE_BUILT_ON_IT_RUNS), None)
    if package is None:
        return None
    return (f"{package} recommends {RECOMMENDS_WHAT_CODE_BUILT_ON_IT_RUNS[package]}, and in a base image the code of "
            "the images built FROM it may use it: name the ones needed, then add the flag")


def _why_not_changed(facts: _FileFacts, run: Run, script, command: Command, named: set[str]) -> str | None:
    """Why the install is reported rather than edited (what the flag would take away that the
    image or its users need); None: edit it."""
    reported = next((name for name in RECOMMENDS_WHAT_USERS_RUN if name in named), None)
    if reported is not None:
        return f"{reported} recommends {RECOMMENDS_WHAT_USERS_RUN[reported]}: name the ones needed, then add the flag"
    if named and _purged_after(script, command, named):
        return _NO_LAYER_CHANGES
    desktop = next((name for name in sorted(named) if _DESKTOP_METAPACKAGE.fullmatch(name)), None)
    if desktop is not None:
        return (f"{desktop} is a desktop's metapackage, whose recommendations are the desktop's own applications "
                "(its terminal, editor, file manager): name the ones needed, then add the flag")
    family = next((name for name in sorted(named) if name in _FONT_METAPACKAGES), None)
    if family is not None:
        return (f"{family} is a metapackage that depends on one of its fonts and recommends the rest of the family "
                f"({_FONT_METAPACKAGES[family]}): name the ones needed, then add the flag")
    if facts.interactive:
        return (f"{facts.interactive}, an image people work in, where recommended packages are commands they may "
                "run (zip recommends unzip): name the ones needed, then add the flag")
    gpg = _gpg_used_after(facts.gpg_uses, run, script, command, named)
    if gpg is not None:
        line, keyserver = gpg
        if keyserver:
            return (f"line {line} fetches keys from a keyserver with gpg, which needs dirmngr, and no install names "
                    "gnupg or dirmngr: gpg brings it only through its recommendation of gnupg: name dirmngr, then "
                    "add the flag")
        return (f"line {line} runs gpg (apt-key needs it too) and no install names gnupg: it may come only as a "
                "recommendation (gnupg-agent recommends it): name gnupg, then add the flag")
    cross = _cross_compiler_without_headers(named)
    if cross is not None:
        compiler, headers = cross
        return (f"{compiler} recommends {headers}, the target's C library headers, without which it compiles "
                f"nothing that includes them: name {headers}, then add the flag")
    compiler = _compiler_without_headers(named)
    if compiler is not None:
        how = f"{compiler} needs gcc, which recommends" if compiler.startswith("gfortran") else f"{compiler} recommends"
        return (f"{how} libc6-dev, the C library's headers, without which it compiles nothing that "
                "includes them: name libc6-dev (or build-essential), then add the flag")
    if named & PIP_PACKAGES and not named & PIP_BUILD_NEEDS:
        pip_line = _pip_install_after(facts.pip_runs, run)
        if pip_line is not None:
            return (f"line {pip_line} runs pip install, and python3-pip recommends build-essential and python3-dev, "
                    "which pip needs to build a package that has no wheel: name them, or add the flag if every "
                    "package has a wheel")
    if named & PIP_PACKAGES and not named & BUILD_TOOL_PACKAGES:
        compiled = _compiles_after(facts.doc, run)
        if compiled is not None:
            line, program = compiled
            pip = sorted(named & PIP_PACKAGES)[0]
            return (f"{pip} recommends build-essential, and line {line} runs {program}, which no install of the "
                    "stage names: name build-essential (or what it needs), then add the flag")
    return None


def _first_installs(doc: Dockerfile) -> dict[int, dict[str, int]]:
    """id(stage) → package → where the first of the stage's own RUNs that installs it starts:
    one pass, so that asking for every install of a long file stays linear."""
    found: dict[int, dict[str, int]] = {}
    for run in doc.runs():
        own = found.setdefault(id(run.stage), {})
        for name in installed_packages(run):
            own.setdefault(name, run.instruction.span.start)
    return found


def _installed_before(first: dict[int, dict[str, int]], run: Run, named: set[str]) -> bool:
    """Every named package is installed by an earlier RUN of the stage's lineage (an ancestor's
    RUNs all come before the stage's own)."""
    start = run.instruction.span.start
    return all(any(first.get(id(stage), {}).get(name, start) < start for stage in run.stage.lineage())
               for name in named)


# Packages that bring gpg itself, and those that also bring dirmngr, which gpg needs to reach a
# keyserver (Debian's gpg only recommends gnupg, which depends on dirmngr).
GPG_PACKAGES = frozenset({"gnupg", "gnupg2", "gnupg1", "gpg"})
FULL_GNUPG = frozenset({"gnupg", "gnupg2", "gnupg1", "dirmngr"})
_GPG_PROGRAMS = frozenset({"gpg", "gpg2", "apt-key"})
_MENTIONS_GPG = lazy_compile(r"gpg|apt-key")
_KEYSERVER_OPTIONS = ("--recv-key", "--keyserver", "--fetch-keys", "--search-keys", "--locate-keys", "--refresh-keys",
                      "--auto-key-locate")


@record
class GpgUses:
    """The commands of a file that run gpg and the installs that name gnupg, in the file's
    order, read once: `events` ((RUN start, script, command offset), kind, line, stage) where
    kind is "gpg" (runs gpg), "keyserver" (runs gpg against a keyserver), "gnupg" (installs
    gnupg or dirmngr) or "gpg-package" (installs the gpg package alone); `positions` those
    places for bisecting, and where each stage first installs gnupg."""

    events: list[tuple[tuple[int, int, int], str, int, Stage]]
    positions: list[tuple[int, int, int]]
    first_gnupg: dict[int, tuple[tuple[int, int, int], Stage]]


def _gpg_kind(command) -> str | None:
    if command.name in _GPG_PROGRAMS:
        keyserver = any(w.value.startswith(_KEYSERVER_OPTIONS) for w in command.args())
        return "keyserver" if keyserver else "gpg"
    if command.name in ("apt-get", "apt"):
        names = set(_names(command))
        return "gnupg" if names & FULL_GNUPG else "gpg-package" if names & GPG_PACKAGES else None
    return None


def _gpg_uses(doc: Dockerfile) -> GpgUses:
    events: list[tuple[tuple[int, int, int], str, int, Stage]] = []
    if _MENTIONS_GPG.search(doc.parsed.text):  # most files name neither
        for run in doc.runs():
            for number, script in enumerate(run.scripts):
                for command in script.script.commands:
                    kind = _gpg_kind(command)
                    if kind:
                        events.append(((run.instruction.span.start, number, command.start), kind, run.instruction.line,
                                       run.stage))
    first_gnupg: dict[int, tuple[tuple[int, int, int], Stage]] = {}
    for position, kind, _, stage in events:
        if kind == "gnupg":
            first_gnupg.setdefault(id(stage), (position, stage))
    return GpgUses(events, [position for position, _, _, _ in events], first_gnupg)


def _gpg_used_after(uses: GpgUses, run: Run, script, install, named: set[str]) -> tuple[int, bool] | None:
    """(line, whether it reaches a keyserver) of a command that runs gpg (`apt-key add`, `gpg
    --dearmor`, `gpg --recv-keys`) after this install, in its RUN or a later one of the stage, its
    lineage or a stage built on it, before any install names gnupg: gpg (or, for a keyserver,
    dirmngr) may then have come only as a recommendation."""
    if not uses.events or named & FULL_GNUPG:
        return None
    number = next((n for n, each in enumerate(run.scripts) if each is script), 0)
    here = (run.instruction.span.start, number, install.start)

    if any(position < here and _related(stage, run.stage) for position, stage in uses.first_gnupg.values()):
        return None  # named before: gpg and dirmngr are there whatever the flag
    has_gpg = bool(named & GPG_PACKAGES) or any(
        kind == "gpg-package" and position < here and _related(stage, run.stage) for position, kind, _, stage in uses.events)
    for _, kind, line, stage in uses.events[bisect_right(uses.positions, here):]:
        if not _related(stage, run.stage):
            continue
        if kind == "gnupg":
            return None
        if kind == "gpg-package":
            has_gpg = True
        elif kind == "keyserver":
            return line, True
        elif kind == "gpg" and not has_gpg:
            return line, False
    return None


def _related(stage: Stage, other: Stage) -> bool:
    """One of the two is built on the other (or they are the same): what one installs, the
    other's commands run with."""
    return stage.built_on(other) or other.built_on(stage)


# C compilers, which recommend libc6-dev (Debian's gcc and gcc-12, g++, clang; gfortran through the gcc it
# needs); and the packages
# that bring the headers.
_COMPILER = lazy_compile(r"(?:gcc|g\+\+|clang|cc|gfortran)(?:-\d+)?")
C_HEADERS = frozenset({"libc6-dev", "libc-dev", "build-essential", "libc6-dev-amd64", "musl-dev"})


def _compiler_without_headers(named: set[str]) -> str | None:
    """The C compiler the install names when it names nothing that brings libc6-dev."""
    if named & C_HEADERS:
        return None
    return next((name for name in sorted(named) if _COMPILER.fullmatch(name)), None)


# Cross compilers (`gcc-aarch64-linux-gnu`, `gcc-12-arm-linux-gnueabihf`), which recommend the
# target's headers, libc6-dev-<arch>-cross; the cross g++ depends on them (through its libstdc++).
_CROSS_COMPILER = lazy_compile(r"(gcc|g\+\+|gfortran)(?:-\d+)?-([a-z0-9_]+(?:-[a-z0-9_]+)*-linux-gnu[a-z0-9_]*)")
_DEBIAN_ARCHITECTURES = {"aarch64-linux-gnu": "arm64", "arm-linux-gnueabihf": "armhf", "arm-linux-gnueabi": "armel",
                         "x86-64-linux-gnu": "amd64", "i686-linux-gnu": "i386", "powerpc64le-linux-gnu": "ppc64el",
                         "s390x-linux-gnu": "s390x", "riscv64-linux-gnu": "riscv64"}


def _cross_compiler_without_headers(named: set[str]) -> tuple[str, str] | None:
    """(a cross C compiler the install names, the headers package it only recommends) when the
    install names neither those headers, nor crossbuild-essential for that architecture, nor the
    same target's g++."""
    with_gxx = {m.group(2) for name in named if (m := _CROSS_COMPILER.fullmatch(name)) and m.group(1) == "g++"}
    for name in sorted(named):
        match = _CROSS_COMPILER.fullmatch(name)
        if match is None or match.group(1) == "g++" or match.group(2) in with_gxx:
            continue
        architecture = _DEBIAN_ARCHITECTURES.get(match.group(2))
        headers = f"libc6-dev-{architecture}-cross" if architecture else "libc6-dev-<arch>-cross"
        if architecture is not None and {headers, f"crossbuild-essential-{architecture}"} & named:
            continue
        if architecture is None and any(n.startswith("libc6-dev-") and n.endswith("-cross") for n in named):
            continue
        return name, headers
    return None


# pip's package, and what it recommends for building packages that have no wheel.
PIP_PACKAGES = frozenset({"python3-pip", "python-pip"})
PIP_BUILD_NEEDS = frozenset({"python3-dev", "python-dev", "build-essential", "python3-all-dev"})


# The build tools python3-pip brings through its recommendation of build-essential, and the
# packages that bring them when named.
BUILD_TOOL_PROGRAMS = frozenset({"make", "gcc", "cc", "g++", "c++"})
BUILD_TOOL_PACKAGES = frozenset({"build-essential", "make", "gcc", "g++", "cpp"})


def _compiles_after(doc: Dockerfile, run: Run) -> tuple[int, str] | None:
    """(line, program) of a build tool a later RUN of the stage (or one related to it) runs
    when no install there names a package that brings it."""
    related = [other for other in doc.runs() if _related(other.stage, run.stage)]
    if any(set(installed_packages(other)) & BUILD_TOOL_PACKAGES for other in related):
        return None
    for other in related:
        if other.instruction.span.start < run.instruction.span.start:
            continue
        for program in sorted(BUILD_TOOL_PROGRAMS):
            if any(True for _ in other.commands(program)):
                return other.instruction.line, program
    return None


def _pip_install_runs(doc: Dockerfile) -> list[Run]:
    """The RUNs that run pip install, in the file's order: read once per file."""
    return [run for run in doc.runs() if "pip" in run.text and any(True for _ in pip_installs(run))]


def _pip_install_after(runs: list[Run], run: Run) -> int | None:
    """The line of a pip install in this RUN or a later one of the stage, its lineage or a stage
    built on it."""
    for other in runs:
        if other.instruction.span.start >= run.instruction.span.start and _related(other.stage, run.stage):
            return other.instruction.line
    return None


_REMOVALS = frozenset({"purge", "remove", "autoremove"})


def _purged_after(script, install, named: set[str]) -> bool:
    """A later apt-get purge/remove of the same script names every package this install named."""
    seen = False
    removed: set[str] = set()
    for command in script.script.commands:
        if command is install:
            seen = True
        elif seen and command.name in ("apt-get", "apt"):
            removed.update(_names(command, _REMOVALS))
    return named <= removed


def _names(command, subcommands: frozenset[str] = frozenset({"install"})) -> list[str]:
    """The packages an apt command of `subcommands` names (versions left off); none for another
    subcommand."""
    sub = command.subcommand(APT_OPTIONS_WITH_VALUES)
    if sub is None or sub.value not in subcommands:
        return []
    return [w.value.split("=", 1)[0] for w in package_words(command, sub, APT_OPTIONS_WITH_VALUES)]


def _runs_turning_recommends_off(doc: Dockerfile) -> list[Run]:
    """The RUNs that write `APT::Install-Recommends "0"` into apt's configuration."""
    return [run for run in doc.all_runs if "apt.conf" in run.text and _CONFIGURED_OFF.search(run.text)]


def _certificate_installs(doc: Dockerfile) -> dict[int, tuple[int, int, int]]:
    """Stage id → the position of its first install that names ca-certificates: read once per
    file, so a file of many installs stays linear."""
    first: dict[int, tuple[int, int, int]] = {}
    for run in doc.runs():
        if "ca-certificates" not in installed_packages(run):
            continue
        for script, command, install in real_installs(run):
            named = {w.value.split("=", 1)[0] for w in package_words(command, install, APT_OPTIONS_WITH_VALUES)}
            if "ca-certificates" in named:
                first.setdefault(id(run.stage), _position(run, script, command))
    return first


def _position(run: Run, script: object, command: Command) -> tuple[int, int, int]:
    """Where a command runs in the file: its RUN, its script in the RUN, its place in the script."""
    return run.instruction.span.start, next((i for i, s in enumerate(run.scripts) if s is script), 0), command.start


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
