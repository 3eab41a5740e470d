"""Which lines of a shipped stage a multi-stage split moves, or why it would be a guess.

A split is made only for one shape, read exactly: the final stage installs compilers and
headers (`apt-get install` / `apk add`) only so that pip, npm or yarn can build its
dependencies, and nothing else there needs them. The builder stage then gets the stage's base,
its ARG, ENV, WORKDIR and SHELL lines, the COPY of the dependency manifests, a virtual
environment the file makes, the tools' RUN and the installs; the runtime stage keeps every
other line and copies only the result (a pip `--prefix` tree into the official Python images'
/usr/local, the file's own virtual environment, or `node_modules`).

Anything else (a `COPY . .` before the install, an editable or `--user` install, a RUN that
also installs runtime packages, a `lib*-dev` whose runtime library the app needs at run time
and that cannot be named, a later RUN that may compile) returns the reason instead.
"""
from __future__ import annotations

import re
from fnmatch import fnmatchcase

from bot.dockerfile.arguments import positional_words
from bot.dockerfile.bases import describe_base
from bot.dockerfile.installs import APK_OPTIONS_WITH_VALUES, APT, APT_OPTIONS_WITH_VALUES, package_words
from bot.dockerfile.model import Dockerfile, Run, Stage, env_pairs, is_root_user
from bot.dockerfile.parser import Instruction
from bot.dockerfile.shell import Command, Word
from bot.lazy_regex import lazy_compile
from bot.model.images import DOCKER_HUB
from bot.model.text import excerpt
from bot.record import record
from bot.rules.packages import pip_installs

PYTHON, NODE = "python", "node"
PREFIX = "/install"  # where the builder's pip writes its tree
PYTHON_HOME = "/usr/local"  # where the official python images' interpreter looks for it
BUILDER_NAME = "build-deps"

# Compilers, make and C headers: needed to build, never to run.
_TOOLS = frozenset({"build-essential", "build-base", "gcc", "g++", "cpp", "clang", "make", "cmake",
                    "libc6-dev", "libc-dev", "linux-libc-dev", "musl-dev", "linux-headers", "pkg-config",
                    "pkgconf", "pkgconfig", "autoconf", "automake", "libtool"})
_VERSIONED_TOOL = lazy_compile(r"(gcc|g\+\+|cpp|clang)-\d+(\.\d+)*")
# Headers of the interpreter itself, for pip's builds.
_PYTHON_HEADERS = lazy_compile(r"python(3(\.\d+)?)?-dev")
# Headers whose runtime library the official Python images keep, because their own `_ssl`,
# `_ctypes` and `zlib` modules link it: the runtime stage has it without the headers.
_PYTHON_LINKS = frozenset({"libssl-dev", "openssl-dev", "libffi-dev", "zlib1g-dev", "zlib-dev"})
# node-gyp runs Python to build native modules; the app itself runs on node.
_NODE_GYP = frozenset({"python3", "python-is-python3", "python3-minimal"})

_APK_WITH_VALUES = APK_OPTIONS_WITH_VALUES | {"--virtual", "-t"}
_PIP_WITH_VALUES = frozenset(
    "-r --requirement -c --constraint -e --editable -i --index-url --extra-index-url -f --find-links "
    "--prefix -t --target --root --src --trusted-host --platform --python-version --implementation --abi "
    "--no-binary --only-binary --progress-bar --cache-dir --log --timeout --retries --proxy --cert "
    "--client-cert --exists-action --upgrade-strategy -C --config-settings --global-option "
    "--install-option --report --keyring-provider --root-user-action".split())
# pip options that choose where it installs, or install the sources in place.
_PIP_WHERE = ("--user", "--prefix", "--target", "-t", "--root", "-e", "--editable")
_PIP_ENV_WHERE = frozenset({"PIP_USER", "PIP_PREFIX", "PIP_TARGET", "PIP_ROOT", "PIP_EDITABLE", "PYTHONUSERBASE"})
_NPM_WHERE = ("-g", "--global", "--prefix", "--location", "-C", "--cwd", "--modules-folder", "--workspace",
              "-w", "--workspaces")
# Files a dependency install reads: what the builder's COPY may bring.
_MANIFESTS = frozenset({"pyproject.toml", "setup.py", "setup.cfg", "poetry.lock", "pipfile", "pipfile.lock",
                        "package.json", "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", ".npmrc",
                        ".yarnrc", "requirements", "constraints.txt"})
_MANIFEST_PATTERNS = ("requirements*.txt", "requirements*.in", "constraints*.txt", "package*.json")
# What the RUNs that move may do besides installing: package-manager housekeeping.
_HOUSEKEEPING = {"apt-get": {"update", "clean", "purge", "remove", "autoremove", "install"},
                 "apt": {"update", "clean", "purge", "remove", "autoremove", "install"},
                 "apk": {"update", "add", "del"}}
_PIP = lazy_compile(r"pip(\d+(\.\d+)?)?")
_PYTHON = lazy_compile(r"python(\d+(\.\d+)?)?")
_CACHE_FOLDERS = ("/var/lib/apt/lists", "/var/cache/apt", "/var/cache/apk", "/root/.cache", "/root/.npm",
                  "/usr/local/share/.cache", "/tmp/")
_USER_TOOLS = frozenset({"useradd", "groupadd", "adduser", "addgroup"})
# Commands a later RUN could only run with the build tools.
_COMPILERS = frozenset({"gcc", "g++", "cc", "c++", "cpp", "make", "cmake", "clang", "ld", "node-gyp", "cython"})
_VARIABLE = lazy_compile(r"\$(?:\{(\w+)\}|(\w+))")


@record
class Split:
    """What moves to the builder stage and what the runtime stage copies back."""
    stage: Stage  # the final stage, split
    ecosystem: str  # PYTHON | NODE
    tools: tuple[str, ...]  # the build tools the moved RUNs install
    builder: tuple[Instruction, ...]  # the builder's lines after its FROM, in file order
    moved: tuple[Instruction, ...]  # … of which the runtime stage loses (the tools' RUN, the installs)
    last: Instruction  # the last install: the runtime's COPY --from takes its place
    source: str  # what the runtime stage copies from the builder …
    target: str  # … and where to
    prefix: str | None  # pip's --prefix, added to each pip install of the builder
    name: str  # the builder stage's name


@record
class NotSplit:
    """Why a stage is not split into builder and runtime stages."""
    reason: str  # one line: why the split would be a guess


def plan_split(doc: Dockerfile, tools_run: Run) -> Split | NotSplit:
    stage = tools_run.stage
    if stage is not doc.final_stage:
        return NotSplit(f"they are installed in stage {stage.name or stage.index}, which the final image is built on")
    installs = [run for run in doc.runs(stage) if _install_kind(run)]
    if not installs:
        return NotSplit("no pip, npm or yarn install in the stage uses them")
    kinds = {kind for run in installs for kind in _install_kind(run)}
    if len(kinds) > 1:
        return NotSplit("the stage installs both Python and Node dependencies")
    [ecosystem] = kinds
    last = installs[-1]
    if last.instruction.span.start < tools_run.instruction.span.start:
        return NotSplit("the build tools come after the dependency installs: what uses them is not clear")
    tools_or_why = _tools(doc, tools_run, stage, ecosystem)
    if isinstance(tools_or_why, NotSplit):
        return tools_or_why
    moved = {id(tools_run.instruction)} | {id(run.instruction) for run in installs}
    runs = {id(run.instruction): run for run in doc.runs(stage)}
    builder, env, venv = [], _Env(), None
    for inst in stage.instructions:
        if inst is last.instruction:
            break
        run = runs.get(id(inst))
        why = _unclear_before_install(inst, run, id(inst) in moved, env)
        if why:
            return NotSplit(why)
        made = _venv_folder(run, env) if run is not None and id(inst) not in moved else None
        venv = made or venv
        if id(inst) in moved or made or inst.keyword in ("ARG", "ENV", "WORKDIR", "SHELL", "USER", "COPY"):
            builder.append(inst)
        env.read(inst)
    builder.append(last.instruction)
    for run in installs:
        why = _unclear_install(run, ecosystem)
        if not why and run is not tools_run and _package_words(run):
            why = "the RUN also installs system packages, which may be needed at run time"
        if why:
            return NotSplit(f"line {run.instruction.line}: {why}")
    later = _later_use(doc, stage, last)
    if later:
        return NotSplit(later)
    result = _result(stage, ecosystem, installs, venv, env)
    if isinstance(result, NotSplit):
        return result
    source, target, prefix = result
    name = _free_name(doc)
    if name is None or _numbered_reference_at_or_after(doc, stage.index):
        return NotSplit("a stage is referred to by its number after the final stage: a new stage would renumber it")
    return Split(stage, ecosystem, tools_or_why, tuple(builder),
                 tuple(inst for inst in builder if id(inst) in moved), last.instruction, source, target, prefix, name)


def _install_kind(run: Run) -> set[str]:
    kinds = set()
    if any(True for _ in pip_installs(run)):
        kinds.add(PYTHON)
    if _node_installs(run):
        kinds.add(NODE)
    return kinds


def _node_installs(run: Run) -> list[Command]:
    return [command for script in run.scripts for command in script.script.commands if _is_node_install(command)]


def _is_node_install(command: Command) -> bool:
    sub = command.subcommand()
    if command.name == "npm":
        return sub is not None and sub.value in ("ci", "install", "i")
    return command.name == "yarn" and (sub is None or sub.value == "install")


def _package_words(run: Run) -> list[tuple[Command, list[Word]]]:
    """(command, the packages it names) for each apt-get install and apk add of the RUN."""
    found = []
    for script in run.scripts:
        for command in script.script.commands:
            if command.name in APT:
                with_values, verb = APT_OPTIONS_WITH_VALUES, "install"
            elif command.name == "apk":
                with_values, verb = _APK_WITH_VALUES, "add"
            else:
                continue
            sub = command.subcommand(with_values)
            if sub is not None and sub.value == verb:
                found.append((command, package_words(command, sub, with_values)))
    return found


def _tools(doc: Dockerfile, tools_run: Run, stage: Stage, ecosystem: str) -> tuple[str, ...] | NotSplit:
    """The build tools the RUN installs, or why it is more than a build tools' RUN."""
    for other in doc.runs(stage):
        if other is not tools_run and _package_words(other) and any(_is_tool(w.value, ecosystem)
                                                                  for _, words in _package_words(other)
                                                                  for w in words):
            return NotSplit("more than one RUN of the stage installs build tools")
    python_base = _python_home(stage) is not None
    names = []
    for _, words in _package_words(tools_run):
        for word in words:
            name = word.value.split("=", 1)[0]
            if _is_tool(name, ecosystem):
                names.append(name)
            elif ecosystem == PYTHON and python_base and name in _PYTHON_LINKS:
                names.append(name)
            elif name.endswith("-dev"):
                return NotSplit(f"{excerpt(name)}: the app may need its runtime library at run time, and hardenbot "
                                "cannot name it")
            else:
                return NotSplit(f"the RUN also installs {excerpt(name)}, which may be needed at run time")
    for script in tools_run.scripts:
        for command in script.script.commands:
            if not _moves_cleanly(command):
                return NotSplit(f"the RUN also runs `{excerpt(command.name)}`, which may prepare the runtime")
    return tuple(dict.fromkeys(names))


def _is_tool(name: str, ecosystem: str) -> bool:
    name = name.split("=", 1)[0]
    return (name in _TOOLS or bool(_VERSIONED_TOOL.fullmatch(name)) or bool(_PYTHON_HEADERS.fullmatch(name))
            and ecosystem == PYTHON or name in _NODE_GYP and ecosystem == NODE)


def _moves_cleanly(command: Command) -> bool:
    """Whether a command of a RUN that moves to the builder belongs there: package-manager
    work, the dependency installs, clearing caches."""
    name = command.name
    if name in ("set", "true", ":") or not name:
        return True
    if name in APT or name == "apk":
        sub = command.subcommand(APT_OPTIONS_WITH_VALUES if name in APT else _APK_WITH_VALUES)
        return sub is not None and sub.value in _HOUSEKEEPING[name]
    if name in ("npm", "yarn"):
        sub = command.subcommand()
        return _is_node_install(command) or sub is not None and sub.value == "cache"
    if _PIP.fullmatch(name):
        sub = command.subcommand()
        return sub is not None and sub.value == "install"
    if _PYTHON.fullmatch(name):
        return [w.value for w in command.argv[1:4]] == ["-m", "pip", "install"]
    if name == "rm":
        targets = [w.value for w in command.args() if not w.value.startswith("-")]
        return bool(targets) and all(t.startswith(_CACHE_FOLDERS) or t.startswith("~/.") for t in targets)
    return False


def _unclear_before_install(inst: Instruction, run: Run | None, moved: bool, env: _Env) -> str:
    """Why an instruction above the last install leaves the builder's inputs unclear, or ""."""
    keyword = inst.keyword
    if keyword == "ADD" or keyword == "COPY" and not _is_manifest_copy(inst):
        return f"line {inst.line}: {inst.keyword_text} {excerpt(inst.rest)} comes before the install, which may read it"
    if keyword == "USER" and not is_root_user(inst.rest):
        return f"line {inst.line}: the install runs as {excerpt(inst.rest)}"
    if keyword == "ENV" and _PIP_ENV_WHERE & env_pairs(inst.rest).keys():
        return f"line {inst.line}: the environment chooses where pip installs"
    if run is not None and not moved:
        if _venv_folder(run, env) is None and not _only_creates_users(run):
            return f"line {inst.line}: this RUN comes before the install, which may need what it makes"
    return ""


def _is_manifest_copy(inst: Instruction) -> bool:
    if any(flag.name in ("from", "link", "parents", "exclude") for flag in inst.flags) or inst.heredocs:
        return False
    words = list(inst.json_args) if inst.json_args is not None else inst.rest.split()
    if len(words) < 2:
        return False
    for source in words[:-1]:
        base = source.rstrip("/").rsplit("/", 1)[-1].lower()
        if base not in _MANIFESTS and not any(fnmatchcase(base, p) for p in _MANIFEST_PATTERNS):
            return False
    return True


def _only_creates_users(run: Run) -> bool:
    commands = [c for s in run.scripts for c in s.script.commands]
    return bool(commands) and all(c.name in _USER_TOOLS for c in commands)


def _venv_folder(run: Run, env: _Env) -> str | None:
    """The folder a RUN that only makes a virtual environment makes it in."""
    commands = [c for s in run.scripts for c in s.script.commands]
    if len(commands) != 1:
        return None
    argv = [w.value for w in commands[0].argv]
    if _PYTHON.fullmatch(commands[0].name) and argv[1:3] == ["-m", "venv"]:
        folders = [a for a in argv[3:] if not a.startswith("-")]
    elif commands[0].name == "virtualenv":
        folders = [a for a in argv[1:] if not a.startswith("-")]
    else:
        return None
    folder = env.resolve(folders[0]) if len(folders) == 1 else None
    return folder.rstrip("/") if folder and folder.startswith("/") else None


def _unclear_install(run: Run, ecosystem: str) -> str:
    for _, command, sub in pip_installs(run):
        if command.has_option(*_PIP_WHERE):
            return "pip is told where to install (--user, --prefix, --target, --root or --editable)"
        after = command.argv[command.argv.index(sub) + 1:]
        for word in positional_words(after, _PIP_WITH_VALUES):
            value = word.value
            if "://" not in value and (value.startswith((".", "/", "~")) or value.endswith((".whl", ".tar.gz", ".zip"))):
                return f"pip installs {excerpt(value)} from a local path"
    for command in _node_installs(run):
        if command.has_option(*_NPM_WHERE):
            return f"{command.name} is told where to install"
        sub = command.subcommand()
        if sub is not None and positional_words(command.argv[command.argv.index(sub) + 1:], frozenset()):
            return f"{command.name} installs named packages, not the manifest's"
    if ecosystem == NODE and any(c.name == "cd" for s in run.scripts for c in s.script.commands):
        return "the install changes folder: where node_modules lands is not clear"
    for script in run.scripts:
        for command in script.script.commands:
            if not _moves_cleanly(command):
                return f"the RUN also runs `{excerpt(command.name)}`"
    return ""


def _later_use(doc: Dockerfile, stage: Stage, last: Run) -> str:
    """Why a RUN after the last install may need the build tools, or ""."""
    for run in doc.runs(stage):
        if run.instruction.span.start <= last.instruction.span.start:
            continue
        if run.instruction.json_args:
            return f"line {run.instruction.line}: a later RUN in exec form may need the build tools"
        for script in run.scripts:
            for command in script.script.commands:
                if _needs_tools(command):
                    return f"line {run.instruction.line}: a later RUN runs {excerpt(command.name)}, which may need the build tools"
    return ""


def _needs_tools(command: Command) -> bool:
    """A compiler, an install that may compile, a setup.py, or a removal of packages."""
    name, argv = command.name, [w.value for w in command.argv]
    if name in _COMPILERS or name in ("npm", "yarn") or _PIP.fullmatch(name):
        return True
    if _PYTHON.fullmatch(name):
        return "setup.py" in argv[1:2] or argv[1:3] in (["-m", "pip"], ["-m", "build"])
    if name in APT or name in ("apk", "dpkg"):
        return bool(set(argv[1:]) & {"purge", "remove", "autoremove", "del", "-r", "--remove", "-P", "--purge"})
    return False


def _python_home(stage: Stage) -> str | None:
    """Where the base's Python looks for installed packages, for the official python images."""
    image = describe_base(stage.external_base).image
    if image is None or image.short_name != "python":
        return None
    official = image.repository == "library/python" or image.registry != DOCKER_HUB
    return PYTHON_HOME if official else None


def _result(stage: Stage, ecosystem: str, installs: list[Run], venv: str | None,
           env: _Env) -> tuple[str, str, str | None] | NotSplit:
    if ecosystem == NODE:
        folder = env.workdir
        if folder is None:
            return NotSplit("the install runs in a folder the file does not set (no literal WORKDIR before it)")
        node_modules = folder.rstrip("/") + "/node_modules"
        return node_modules, node_modules, None
    pips = [command for run in installs for _, command, _ in pip_installs(run)]
    if venv is not None:
        if all(_runs_in_venv(command, venv, env) for command in pips):
            return venv, venv, None
        return NotSplit(f"the file makes a virtual environment ({venv}) but not every install uses it")
    home = _python_home(stage)
    if home is None:
        return NotSplit("where the base image's Python looks for packages is not known (not an official python image)")
    if "PATH" in env.values or any(not _bare_or_home(command.argv[0].value, home) for command in pips):
        return NotSplit("the pip that installs may not be the base image's own")
    return PREFIX, home, PREFIX


def _bare_or_home(program: str, home: str) -> bool:
    return "/" not in program or program.startswith(home + "/bin/")


def _runs_in_venv(command: Command, venv: str, env: _Env) -> bool:
    program = env.resolve(command.argv[0].value)
    if program is not None and program.startswith(venv + "/bin/"):
        return True
    path = env.values.get("PATH")
    first = env.resolve(path.split(":", 1)[0]) if path else None
    return "/" not in command.argv[0].value and first is not None and first.rstrip("/") == venv + "/bin"


def _free_name(doc: Dockerfile) -> str | None:
    """A stage name nothing in the file uses yet: no stage, no `--from`, no FROM image."""
    taken = {stage.name for stage in doc.stages if stage.name}
    taken |= {stage.base.lower() for stage in doc.stages}
    for inst in doc.instructions:
        taken |= {value.lower() for value in inst.flag_values("from")}
        for mount in inst.flag_values("mount"):
            taken |= {part.partition("=")[2].lower() for part in mount.split(",") if part.startswith("from=")}
    for number in range(1, 100):
        name = BUILDER_NAME if number == 1 else f"{BUILDER_NAME}-{number}"
        if name not in taken:
            return name
    return None


def _numbered_reference_at_or_after(doc: Dockerfile, index: int) -> bool:
    """Whether a FROM, `--from` or mount names a stage by its number, at `index` or later."""
    refs = [stage.base for stage in doc.stages]
    for inst in doc.instructions:
        refs += inst.flag_values("from")
        for mount in inst.flag_values("mount"):
            refs += [part.partition("=")[2] for part in mount.split(",") if part.startswith("from=")]
    return any(ref.isdigit() and int(ref) >= index for ref in refs)


class _Env:
    """The stage's ENV and ARG values and working folder, read down to the install."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}
        self.workdir: str | None = None

    def read(self, inst: Instruction) -> None:
        if inst.keyword == "ENV":
            self.values.update({k: _unquoted(v) for k, v in env_pairs(inst.rest).items()})
        elif inst.keyword == "ARG":
            for word in inst.rest.split():
                name, has_value, value = word.partition("=")
                if has_value:
                    self.values[name] = _unquoted(value)
        elif inst.keyword == "WORKDIR":
            folder = self.resolve(_unquoted(inst.rest))
            if folder is None:
                self.workdir = None
            elif folder.startswith("/"):
                self.workdir = folder
            elif self.workdir is not None:
                self.workdir = self.workdir.rstrip("/") + "/" + folder

    def resolve(self, text: str) -> str | None:
        """`text` with $NAME and ${NAME} replaced by literal values set above; None when one is not."""
        unknown = False

        def value(match: re.Match[str]) -> str:
            nonlocal unknown
            found = self.values.get(match.group(1) or match.group(2))
            if found is None or "$" in found:
                unknown = True
                return ""
            return found

        resolved = _VARIABLE.sub(value, text)
        return None if unknown or "$" in resolved else resolved


def _unquoted(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value
