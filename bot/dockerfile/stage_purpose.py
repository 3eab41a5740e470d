"""Which stage of a file is for working on the code, and which one ships instead; and
whether an image is a code generator's, run over the checkout and never shipped.

Docker Dev Environments and many compose setups end a file with a stage for development
(`FROM builder AS dev-envs`, `AS dev`, `AS debug` …) that adds git, Docker's CLI, sudo and an
editor's user (`vscode`): built without a `target:`, that stage is what a plain build gives,
but nobody ships it, and a USER or an apt cleanup there is churn or breaks it (apache cannot
bind port 80 as `vscode`). Evidence is read from what the stage does, not from any one path.
"""
from __future__ import annotations

import re

from bot.dockerfile.installs import INSTALLERS, installed_packages
from bot.dockerfile.model import Dockerfile, Stage
from bot.lazy_regex import lazy_compile
from bot.record import record

# Words of a stage name that say it is for development: `dev`, `dev-envs`, `local_debug`.
DEVELOPMENT_WORDS = frozenset({"dev", "devel", "develop", "development", "debug", "devcontainer", "devenv",
                               "devenvs", "local", "codespace", "codespaces", "gitpod"})
# Words of a stage name that say it is the one shipped: `prod`, `runtime`, `release`.
SHIPPED_WORDS = frozenset({"prod", "production", "release", "runtime", "final", "deploy"})
# Users editors and cloud workspaces log in as: nobody creates them for a service.
EDITOR_USERS = frozenset({"vscode", "codespace", "gitpod", "coder", "developer", "devuser"})
# Packages installed to work inside the container rather than to run an application.
DEVELOPER_TOOLS = frozenset({"git", "sudo", "docker", "docker-cli", "docker-ce-cli", "docker-compose",
                             "docker-compose-plugin", "docker-buildx-plugin", "openssh-client", "gdb", "vim",
                             "zsh", "bash-completion"})
_USER_TOOLS = frozenset({"useradd", "adduser"})
# Packages that install a code generator: protoc and its gRPC plugins, Thrift, FlatBuffers.
GENERATOR_PACKAGES = frozenset({"protobuf-compiler", "protoc", "protobuf-dev", "protobuf-compiler-grpc",
                                "thrift-compiler", "flatbuffers-compiler", "capnproto"})
# Tools that turn a checkout into distribution packages (.deb, .rpm, .apk): an image that
# installs one and runs a build script is a package builder, run once over the source.
PACKAGE_BUILDER_PACKAGES = frozenset({"devscripts", "debhelper", "dh-make", "git-buildpackage", "pbuilder",
                                      "rpm-build", "rpmdevtools", "abuild"})
# A generator a RUN fetches or builds itself: protoc's release zip, `go install …/protoc-gen-go@v1`,
# `pip install grpcio-tools`, openapi-generator's or swagger-codegen's jar.
_GENERATOR_WORD = re.compile(r"(?:.*/)?(protoc(?:-gen-[\w-]+)?|grpcio-tools|openapi-generator(?:-cli)?|swagger-codegen)"
                             r"(?:[-@.=].*)?")
_NAME_WORDS = lazy_compile(r"[-_.]")
# An image whose files a COPY --from brings in to add Docker's CLI tools.
_DOCKER_TOOLS_IMAGE = lazy_compile(r"(?:^|/)docker(?::|$)|docker-?cli|/docker$")


@record
class DevelopmentStage:
    """A stage for development, with the evidence for people."""

    stage: Stage
    evidence: tuple[str, ...]  # "named dev-envs", "creates the user vscode", "installs git, sudo"
    conflict: str = ""  # evidence that it runs an application after all; empty: none

    @property
    def name(self) -> str:
        return self.stage.name or f"at line {self.stage.from_.line}"


def development_stage(doc: Dockerfile, stage: Stage) -> DevelopmentStage | None:
    """The stage as a development stage, when its name or an editor's user says so. Developer
    tools alone (git for a build, sudo) are not enough: a service may need them. A stage named
    for development that does nothing a developer needs but EXPOSEs a port and starts a
    program of its own is a conflict, for a person to settle."""
    named = bool(DEVELOPMENT_WORDS & name_words(stage.name)) and not SHIPPED_WORDS & name_words(stage.name)
    users = _created_users(doc, stage) & EDITOR_USERS
    if not named and not users:
        return None
    evidence = [f"named {stage.name}"] if named else []
    if users:
        evidence.append(f"creates the user {', '.join(sorted(users))}")
    tools = installed(doc, stage) & DEVELOPER_TOOLS
    if _copies_docker_tools(stage):
        tools.add("Docker's CLI")
    if tools:
        evidence.append(f"installs {', '.join(sorted(tools))}")
    conflict = ""
    if len(evidence) == 1 and named:
        exposed = next((i for i in stage.instructions if i.keyword == "EXPOSE"), None)
        command = next((i for i in stage.instructions if i.keyword in ("CMD", "ENTRYPOINT")), None)
        if exposed is not None and command is not None:
            conflict = (f"but it EXPOSEs {exposed.rest.strip()} and its {command.keyword} at line {command.line} "
                        "starts a program, as a service does")
    return DevelopmentStage(stage, tuple(evidence), conflict)


def shipped_instead(doc: Dockerfile, development: DevelopmentStage, ci_targets: frozenset[str]) -> tuple[Stage, str] | None:
    """(the stage that ships, why) when the last stage is for development: one a CI build
    targets, else the last one named for shipping (`prod`, `runtime`, `release` …) that is not
    itself for development. None: the file says of no other stage that it ships."""
    candidates = [s for s in doc.stages if s is not development.stage and s.name and development_stage(doc, s) is None]
    targeted = next((s for s in reversed(candidates) if s.name in ci_targets), None)
    if targeted is not None:
        return targeted, f"a CI build targets {targeted.name}"
    named = next((s for s in reversed(candidates) if SHIPPED_WORDS & name_words(s.name)), None)
    if named is not None:
        return named, f"the stage {named.name} is named for shipping"
    return None


def code_generator(doc: Dockerfile, stage: Stage) -> str | None:
    """The code generator this stage's image installs or fetches (`protoc`, `protoc-gen-go` …),
    None: it installs none."""
    lineage = stage.lineage()
    packages = sorted(installed(doc, *lineage) & GENERATOR_PACKAGES)
    if packages:
        return packages[0]
    for run in (run for s in lineage for run in doc.runs(s)):
        for script in run.scripts:
            for command in script.script.commands:
                for word in command.words:
                    match = _GENERATOR_WORD.fullmatch(word.value)
                    if match:
                        return match.group(1)
    return None


def package_builder(doc: Dockerfile, stage: Stage) -> str | None:
    """The package-building tool this stage's image installs (`devscripts`, `rpm-build` …),
    None: it installs none."""
    packages = sorted(installed(doc, *stage.lineage()) & PACKAGE_BUILDER_PACKAGES)
    return packages[0] if packages else None


def name_words(name: str | None) -> set[str]:
    """The words of a name: `dev-envs` → dev, envs."""
    return set(_NAME_WORDS.split(name)) if name else set()


def installed(doc: Dockerfile, *stages: Stage) -> set[str]:
    """Package names these stages' own RUNs install (apt-get, apk, dnf …), versions left off."""
    return {name for stage in stages for run in doc.runs(stage) for name in installed_packages(run, tuple(INSTALLERS))}


def _created_users(doc: Dockerfile, stage: Stage) -> set[str]:
    """Every word given to useradd/adduser in the stage's own RUNs, the ARG defaults and ENV values
    set before put in (`useradd … $USERNAME` after `ARG USERNAME=vscode`): the login is among them."""
    return {run.expanded(word.value) if "$" in word.value else word.value
            for run in doc.runs(stage) for tool in _USER_TOOLS for _, command in run.commands(tool)
            for word in command.args() if not word.value.startswith("-")}


def _copies_docker_tools(stage: Stage) -> bool:
    return any(inst.keyword == "COPY" and any(_DOCKER_TOOLS_IMAGE.search(v) for v in inst.flag_values("from"))
               for inst in stage.instructions)
