"""DL4006 — a RUN with a pipe, without `pipefail`.

Why: `curl … | sh` succeeds when curl fails, because a pipeline's status is its last
command's; the build goes on with a broken step.
Every piping RUN is judged under the SHELL in effect for it:
- none set: the fix adds `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` (Debian/Ubuntu family)
  or `SHELL ["/bin/ash", "-eo", "pipefail", "-c"]` (Alpine) just above the stage's first piping
  RUN; later RUNs of the stage then run under that shell. Elsewhere it is reported.
- a SHELL without pipefail: reported; a `/bin/sh -o pipefail` SHELL on a Debian base is
  reported too, as dash, Debian's sh, has no pipefail; pwsh and cmd shells are not judged.
Not reported when no pipe can hide a failure: its writers only print literal output (echo,
printf, `seq 1 8`), its reader fails on empty input (tar x, gunzip, gpg --dearmor, grep), or it
pipes an installer into a shell and the next command sources what it installs
(`curl …/install.sh | bash && . ${NVM_DIR}/nvm.sh`): a failed download leaves nothing to source;
nor when the script throws the pipe's status away itself (`|| true` follows it, or `;` or a new
line and another command, it is no `if`/`while` condition, and no `set -e` is in effect).
Not added when a RUN it would cover (in the stage, or a stage built on it) pipes from `yes`
(or reads /dev/urandom or /dev/zero) or into `head` / `grep -q`: under pipefail the producer's
death by SIGPIPE fails the build; nor when a command before a pipe throws its errors away
(`2>/dev/null`, as docker-library's `find … -exec sh -c 'ldd "$@" 2>/dev/null' + | awk …`,
where ldd fails on scripts): its failures are expected, and pipefail would fail the build on
them; nor, on Debian and Ubuntu, when a RUN it would move from sh (dash) to bash has an echo
whose output differs between them (`echo "\\nBanner …"`, `echo -e`); nor in a `Containerfile`,
Podman's and Buildah's file, whose default OCI image format ignores SHELL. All are reported instead.
Only service images are edited (a base image's SHELL is inherited).
"""
from __future__ import annotations

from collections.abc import Iterator

from bot.dockerfile.bases import describe_base
from bot.dockerfile.layout import insert_before
from bot.dockerfile.model import Dockerfile, Run, Stage
from bot.dockerfile.parser import Instruction
from bot.dockerfile.shell import Command, sets_errexit
from bot.lazy_regex import lazy_compile
from bot.model.findings import Finding
from bot.model.roles import Role
from bot.rules.base import finding
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity

CODE = "DL4006"
SHELL_LINES = {"debian": 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
               "alpine": 'SHELL ["/bin/ash", "-eo", "pipefail", "-c"]'}
NOT_POSIX_SHELLS = ("pwsh", "powershell", "cmd")
# Producers that never stop on their own: a reader that exits makes them die of SIGPIPE.
ENDLESS_PRODUCERS = frozenset({"yes"})
ENDLESS_FILES = ("/dev/urandom", "/dev/zero", "/dev/random")
EARLY_EXITING_READERS = frozenset({"head"})


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    fixed_stages: set[int] = set()  # a SHELL added there covers the stages built on it
    for stage in doc.stages:
        if any(s.index in fixed_stages for s in stage.lineage()):
            continue
        piping = [run for run in doc.runs(stage) if _pipes_without_pipefail(run)]
        unshelled = []
        for run in piping:
            shell = stage.last_before("SHELL", run.instruction)
            if shell is None:
                unshelled.append(run)
                continue
            problem = _shell_problem(shell, describe_base(stage.external_base).os)
            if problem:
                yield finding(doc, CODE, run.instruction, f"RUN with a pipe under the SHELL of line {shell.line}, {problem}")
        if unshelled:
            found = _fix_or_report(doc, stage, unshelled)
            if found.edits:
                fixed_stages.add(stage.index)
            yield found


def _fix_or_report(doc: Dockerfile, stage: Stage, runs: list[Run]) -> Finding:
    first = runs[0]
    # The SHELL would hold for the rest of the stage and for every stage built on it.
    covered = [run for run in doc.runs(stage) if run.instruction.span.start >= first.instruction.span.start]
    covered += [run for heir in stage.descendants(doc.stages) for run in doc.runs(heir)]
    for run in covered:
        failing = _fails_under_pipefail(run)
        if failing is not None:
            return finding(doc, CODE, first.instruction,
                           f"RUN with a pipe and no pipefail; not changed because under pipefail the RUN at line "
                           f"{run.instruction.line} would fail ({failing}): add `set -o pipefail` to the other RUNs")
    file_name = doc.path.rsplit("/", 1)[-1]
    if "containerfile" in file_name.lower():
        return finding(doc, CODE, first.instruction,
                       f"RUN with a pipe and no pipefail; not changed because {file_name} is Podman's and Buildah's "
                       "file, and their default OCI image format ignores SHELL: add `set -o pipefail` to the piping "
                       "RUNs (bash or ash)")
    os_name = describe_base(stage.external_base).os
    line = SHELL_LINES.get(os_name)
    if line is None:
        return finding(doc, CODE, first.instruction, "RUN with a pipe and no pipefail; no shell with pipefail is known "
                                                      "in this base: use `set -o pipefail` in a shell that has it")
    echo = next((e for run in covered for e in _escaping_echoes(doc, run)), None) if os_name == "debian" else None
    if echo is not None:
        return finding(doc, CODE, first.instruction,
                       f"RUN with a pipe and no pipefail; not changed because the SHELL would move every later RUN "
                       f"from sh (dash) to bash, and the echo at line {echo} writes backslash escapes, which dash's "
                       "echo expands and bash's writes as they are: add `set -o pipefail` to the piping RUNs")
    line = doc.keyword("SHELL") + line[len("SHELL"):]
    return finding(doc, CODE, first.instruction, "RUN with a pipe and no pipefail",
                   (insert_before(doc, first.instruction, [line]),))


def _escaping_echoes(doc: Dockerfile, run: Run) -> Iterator[int]:
    """Lines of the RUN's `echo`s whose output depends on the shell: an argument with a backslash
    (`echo "\\nBanner …"`: dash's echo writes a newline, bash's a backslash and an n) or `-e`
    (which dash's echo prints)."""
    for script in run.scripts:
        for echo in script.commands_by_name.get("echo", ()):
            if any("\\" in word.value or word.value == "-e" for word in echo.args()):
                yield doc.parsed.line_of(script.logical.original(echo.start))


def _shell_problem(shell: Instruction, os_name: str) -> str | None:
    words = list(shell.json_args or ())
    program = words[0].rsplit("/", 1)[-1].lower() if words else ""
    if program.startswith(NOT_POSIX_SHELLS):
        return None
    if "pipefail" not in shell.args.text:
        return "which lacks -o pipefail"
    if program in ("sh", "dash") and os_name == "debian":
        return "whose sh is dash on this base, which has no pipefail: use /bin/bash"
    return None


def _pipes_without_pipefail(run: Run) -> bool:
    """A pipe whose reader would succeed on what a failed writer leaves it (nothing, or half),
    without pipefail to catch it."""
    if "pipefail" in run.text:
        return False
    return any(not _fails_on_empty_input(pipeline[-1]) and not all(_cannot_fail(c) for c in pipeline[:-1])
               and not _installed_then_sourced(pipeline, then)
               and not _status_discarded(pipeline, then, s.script.commands)
               for s in run.scripts for pipeline, then in _pipelines_and_next(s.script.commands))


# Words that open a condition (the pipeline's status is tested) or close a compound command
# (the compound's status is the pipeline's, and what follows the compound decides).
_CONDITION_WORDS = frozenset({"if", "elif", "while", "until", "!"})
_CLOSING_WORDS = frozenset({"fi", "done", "esac", "}", ")"})
_ALWAYS_SUCCEEDS = frozenset({"true", ":"})


def _status_discarded(pipeline: list[Command], then: Command | None, commands: list[Command]) -> bool:
    """The script throws the pipeline's status away itself: `|| true` follows it, or `;` or a
    new line and another command (`grep -rl … | xargs sed -i …; export X=1`), it is no
    condition, and no `set -e` makes a failure stop the script. pipefail would change nothing there."""
    if pipeline[-1].separator_after == "||" and then is not None and then.argv \
            and then.argv[0].value in _ALWAYS_SUCCEEDS and then.separator_after not in ("&&", "|"):
        return True  # `… | xargs strip || true`: the failure is tolerated on purpose
    if pipeline[-1].separator_after not in (";", "\n") or then is None:
        return False
    if any(word.value in _CONDITION_WORDS for word in pipeline[0].words[:pipeline[0].argv_start]):
        return False
    if not then.argv or then.words[0].value in _CLOSING_WORDS or then.argv[0].value in _CLOSING_WORDS:
        return False
    return not sets_errexit(commands)


# The shells an installer is piped into (`curl … | bash`).
_SHELLS = frozenset({"sh", "bash", "ash", "dash", "zsh"})
# Files every image's shell set-up has already: sourcing one proves nothing was installed.
_STARTUP_FILES = frozenset({".bashrc", ".profile", ".bash_profile", ".zshrc", ".zprofile", "profile", "environment",
                            "os-release"})


def _installed_then_sourced(pipeline: list[Command], then: Command | None) -> bool:
    """An installer piped into a shell, and the next command (after `&&`) sources a file under a
    home or a variable's folder (`curl …/nvm/install.sh | bash && . ${NVM_DIR}/nvm.sh`, rustup's
    `. $HOME/.cargo/env`): a failed download runs an empty script, the file is missing, and the
    sourcing fails the RUN, so pipefail catches nothing more."""
    if pipeline[-1].name not in _SHELLS or pipeline[-1].separator_after != "&&" or then is None:
        return False
    if then.name not in (".", "source") or not then.args():
        return False
    path = then.args()[0].value
    return path.startswith(("$", "~")) and path.rsplit("/", 1)[-1] not in _STARTUP_FILES


# Writers that do not fail in a way pipefail would report (tee only when it cannot write its
# own file): `echo … | tee` needs nothing.
WRITERS_THAT_CANNOT_FAIL = frozenset({"echo", "printf", "true", "tee"})


def _cannot_fail(writer: Command) -> bool:
    """A writer of literal output: echo, printf, and `seq` over numbers written in the file
    (`seq 1 8 | xargs …`)."""
    if writer.name == "seq":
        return bool(writer.args()) and all(w.value.lstrip("-").replace(".", "", 1).isdigit() for w in writer.args())
    return writer.name in WRITERS_THAT_CANNOT_FAIL


# Readers that fail on empty input (checked: `printf '' | tar xz` exits 2), so a writer's failure
# fails the RUN without pipefail: `curl … | tar xz` needs no SHELL change. grep selects no line
# from empty input and exits 1 (`printf '' | grep -o x` exits 1), so `curl … | grep …` fails
# when curl fetched nothing; a writer that dies half-way can still leave grep a match, a risk
# taken here: the failure pipefail would add is then one grep was asked to look past.
_SELECTORS = frozenset({"grep", "egrep", "fgrep"})
_DECOMPRESSORS = frozenset({"gunzip", "zcat", "unxz", "xzcat", "bunzip2", "bzcat", "unzstd", "zstdcat", "unzip"})
_DECOMPRESS_FLAG = {"gzip": ("-d", "--decompress"), "xz": ("-d", "--decompress"), "bzip2": ("-d", "--decompress"),
                    "zstd": ("-d", "--decompress"), "gpg": ("--dearmor",), "sha256sum": ("-c", "--check"),
                    "sha512sum": ("-c", "--check"), "sha1sum": ("-c", "--check"), "md5sum": ("-c", "--check")}


def _fails_on_empty_input(reader: Command) -> bool:
    if reader.name in _DECOMPRESSORS or reader.name in _SELECTORS:
        return True
    if reader.name in _DECOMPRESS_FLAG:
        return reader.has_option(*_DECOMPRESS_FLAG[reader.name])
    if reader.name == "tar":
        first = reader.args()[0].value if reader.args() else ""
        return reader.has_option("-x", "--extract", "--get") or (not first.startswith("--") and "x" in first)
    return False


# A command that throws its errors away (`2>/dev/null`, also inside `sh -c '…'`) is expected to fail at times.
_ERRORS_DISCARDED = lazy_compile(r"(?:\b2|&)>\s*/dev/null|\b2>&-")


def _fails_under_pipefail(run: Run) -> str | None:
    """Why the RUN would fail under pipefail, where it passes today; None: it would not."""
    for script in run.scripts:
        for pipeline in _pipelines(script.script.commands):
            writer = pipeline[0]
            reads_endless_file = any(w.value in ENDLESS_FILES for w in writer.args() + writer.redirect_targets)
            stopping = next((c for c in pipeline[1:] if c.name in EARLY_EXITING_READERS or (
                c.name == "grep" and c.has_option("-q", "--quiet", "--silent", "-m", "-l"))), None)
            if writer.name in ENDLESS_PRODUCERS or reads_endless_file or stopping is not None:
                return "its pipe's writer dies of SIGPIPE when the reader stops"
            quiet = next((c for c in pipeline[:-1] if _ERRORS_DISCARDED.search(script.logical.text[c.start:c.end])),
                         None)
            if quiet is not None:
                return f"{quiet.name} throws its errors away in a pipe, so its failures are expected there"
    return None


def _pipelines(commands: list[Command]) -> list[list[Command]]:
    """Commands joined by `|`, two or more."""
    return [pipeline for pipeline, _ in _pipelines_and_next(commands)]


def _pipelines_and_next(commands: list[Command]) -> list[tuple[list[Command], Command | None]]:
    """Each pipeline of two or more commands, with the command that follows it (None at the end)."""
    pipelines, current = [], []
    for at, command in enumerate(commands):
        current.append(command)
        if command.separator_after not in ("|", "|&"):
            if len(current) > 1:
                pipelines.append((current, commands[at + 1] if at + 1 < len(commands) else None))
            current = []
    return pipelines


RULE = Rule(
    code=CODE,
    name="pipefail",
    title='a RUN with a pipe, without `pipefail`',
    severity=Severity.MEDIUM,
    on_by_default=True,
    fix=FixSafety.UNSAFE,
    scope=Scope.EVERY_STAGE,
    why="a failing command before a pipe goes unnoticed and the build carries on broken",
    example=Example('RUN curl -fsSL https://example.com/install.sh | sh\nCMD ["./app"]', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/install.sh | sh\nCMD ["./app"]'),
    doc=__doc__ or "",
    equivalents=("hadolint DL4006",),
    onbuild=True,
    edits_in=frozenset({Role.SERVICE}),
    check=check,
)
