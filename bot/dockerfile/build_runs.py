"""Commands that build a project's artifacts (`make dist`, `cargo build`, `python -m build`): an
image whose command only builds is a build environment (its container makes a wheel, a binary
or a package that is copied out of it, `docker cp`), not a service that ships."""
from __future__ import annotations

from bot.dockerfile.shell import split_commands

# Programs whose subcommand builds (`cargo build`, `mvn package`, `dotnet publish`).
BUILD_SUBCOMMANDS = {
    "cargo": frozenset({"build", "install"}), "go": frozenset({"build", "install"}),
    "mvn": frozenset({"package", "install", "verify"}), "mvnw": frozenset({"package", "install", "verify"}),
    "gradle": frozenset({"build", "assemble", "jar", "bootjar", "shadowjar", "distzip", "disttar"}),
    "gradlew": frozenset({"build", "assemble", "jar", "bootjar", "shadowjar", "distzip", "disttar"}),
    "dotnet": frozenset({"build", "publish", "pack"}), "bazel": frozenset({"build"}), "bazelisk": frozenset({"build"}),
    "cmake": frozenset({"--build"}), "meson": frozenset({"compile"}), "poetry": frozenset({"build"}),
    "pip": frozenset({"wheel"}), "pip3": frozenset({"wheel"}), "sbt": frozenset({"package", "assembly", "dist"}),
}
# Programs that build whatever their arguments.
BUILDERS = frozenset({"ninja", "pyinstaller", "goreleaser", "electron-builder", "rpmbuild", "dpkg-buildpackage",
                      "debuild", "makepkg"})
# Make targets that build what is shipped (a bare `make` builds its default target).
MAKE_TARGETS = frozenset({"dist", "build", "pex", "wheel", "whl", "release", "package", "packages", "deb", "rpm",
                          "bundle", "artifacts", "binaries", "binary", "compile", "all"})
# `npm run build`, `yarn dist`: package scripts named for building.
SCRIPT_RUNNERS = frozenset({"npm", "yarn", "pnpm", "bun"})
BUILD_SCRIPTS = frozenset({"build", "dist", "package", "bundle", "release"})
# Commands around a build that neither serve nor run anything: the container still only builds.
AROUND = frozenset({"echo", "printf", "cd", "set", "export", "true", "mkdir", "cp", "mv", "rm", "ls", "tar", "zip",
                    "gzip", "sha256sum", "chmod", "chown", "find", "tee", "cat", "git", "test", "["})
# Installing dependencies before the build: `yarn install`, `npm ci`, `pip install -r …`.
INSTALLS = {"npm": frozenset({"install", "ci", "i"}), "yarn": frozenset({"install"}), "pnpm": frozenset({"install"}),
            "pip": frozenset({"install"}), "pip3": frozenset({"install"}), "bundle": frozenset({"install"}),
            "composer": frozenset({"install"}), "go": frozenset({"mod"}), "cargo": frozenset({"fetch"})}


def build_run(script: str) -> str | None:
    """The command that builds when every command of the script builds or only works around a
    build (echo, cd, cp, an install of dependencies), None otherwise: `echo x && make dist` is
    `make dist`; `make dist && ./server` is None, a program runs after."""
    built = None
    for command in split_commands(script).commands:
        words = [word.value for word in command.argv]
        if not words:
            continue
        found = build_command(words)
        if found is not None:
            built = built or found
            continue
        program = words[0].rsplit("/", 1)[-1].lower()
        operands = [w.lower() for w in words[1:] if not w.startswith("-")]
        if program in AROUND or (program in INSTALLS and operands[:1] and operands[0] in INSTALLS[program]):
            continue
        return None
    return built


def build_command(words: list[str]) -> str | None:
    """The words that build (`make dist`, `python -m build`), None when the command is not a build."""
    if words and words[0].rsplit("/", 1)[-1] in ("python", "python3") and len(words) > 1:
        if words[1:3] == ["-m", "build"]:
            return " ".join(words[:3])
        if words[1] == "setup.py" and any(w in ("bdist_wheel", "sdist", "build", "bdist") for w in words[2:]):
            return " ".join(words[:3])
        return None
    program = words[0].rsplit("/", 1)[-1].lower() if words else ""
    program = program.removeprefix("./")
    operands = [w.lower() for w in words[1:] if not w.startswith("-") or w == "--build"]
    if program in BUILDERS:
        return program
    if program == "make":
        targets = [w for w in _make_operands(words[1:]) if "=" not in w]
        if not targets or targets[0] in MAKE_TARGETS:
            return " ".join(["make", *targets[:1]])
        return None
    if program in BUILD_SUBCOMMANDS and operands and operands[0] in BUILD_SUBCOMMANDS[program]:
        return f"{program} {operands[0]}"
    if program in SCRIPT_RUNNERS and operands:
        script = operands[1] if operands[0] == "run" and len(operands) > 1 else operands[0]
        if script.split(":", 1)[0] in BUILD_SCRIPTS:
            return f"{program} {' '.join(operands[:2] if operands[0] == 'run' else operands[:1])}"
    return None


# make's options that take the next word as their value (`-f Makefile.docker`, `-C src`).
_MAKE_VALUED = frozenset({"-f", "--file", "--makefile", "-C", "--directory", "-I", "--include-dir", "-o", "--old-file",
                          "-W", "--what-if", "--new-file", "--assume-new", "--assume-old"})
_MAKE_OPTIONAL = frozenset({"-j", "--jobs", "-l", "--load-average"})  # a number may follow, or not


def _make_operands(args: list[str]) -> list[str]:
    """make's targets and variable settings, its options and their values left out (`-f
    Makefile.docker`; `-j 4`, whose number is optional)."""
    operands: list[str] = []
    previous = ""
    for word in args:
        takes_value = previous in _MAKE_VALUED or (previous in _MAKE_OPTIONAL and word.isdigit())
        if not takes_value and not word.startswith("-"):
            operands.append(word.lower())
        previous = "" if takes_value else word
    return operands
