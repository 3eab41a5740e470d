"""HB061 — a remote script run as it is downloaded (`curl … | sh`).

Why: what runs is whatever the server sends that day: a moved `latest`, a compromised
host or mirror changes the build without a line of the Dockerfile changing, and nothing
records what ran.
What it reads, from the commands a RUN runs (substitutions and `sh -c` scripts included):
curl, or wget writing to standard output (`-O-`, `-qO -`, `-O /dev/stdout`), piped into a
shell or interpreter that runs its standard input (`| sh`, `| sudo bash -s -- --flag`,
`| python3 -`, perl, ruby, node); a shell running a substitution of one
(`sh -c "$(curl …)"`, `eval "$(wget -qO- …)"`); a process substitution of one given as
the script (`bash <(curl …)`, `source <(curl …)`). Not a finding: a download piped into
`tar`, `gpg` or `python3 -c '…'` (data, not a script), or saved to a file first.
Report only: the fix is to download a pinned version of the script to a file, check its
SHA-256 (`echo "<sha256>  install.sh" | sha256sum -c -`), then run it — a digest a person
reads and records.
"""
from __future__ import annotations

from collections.abc import Iterator

from bot.dockerfile.arguments import read_args
from bot.dockerfile.model import Dockerfile, Run
from bot.dockerfile.shell import Command, split_commands, substitutions
from bot.model.findings import Finding
from bot.rules.base import finding
from bot.rules.commands import SHELLS, run_scripts, shell_script
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity
from bot.rules.transfers import downloader_args, urls, writes_to_stdout

CODE = "HB061"
PIPES = ("|", "|&")
# Interpreters and their short options that take a value (the script from `-c`/`-e`
# options is text on the command line, not standard input).
INTERPRETERS = {"python": "cmWX", "perl": "eEIMmx", "ruby": "eIrCEFx", "node": "eprC"}
_INLINE_SCRIPT = ("-c", "-m", "-e", "-E", "-p", "--eval", "--print", "--command")
SOURCING = frozenset({"eval", "source", "."})


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    for run in doc.all_runs:
        shapes = remote_scripts(run)
        if shapes:
            yield finding(doc, CODE, run.instruction,
                          f"remote script run as downloaded ({'; '.join(shapes)}): download a pinned version "
                          "to a file, check its sha256 (sha256sum -c), then run it")


def remote_scripts(run: Run) -> list[str]:
    """How the RUN runs each remote script as downloaded (`curl https://get.docker.com | sh`), once each."""
    return list(dict.fromkeys(shape for text, commands, _ in run_scripts(run) for shape in _remote_scripts(text, commands)))


def _remote_scripts(text: str, commands: list[Command]) -> Iterator[str]:
    source: str | None = None  # the first download to standard output earlier in this pipeline
    for command in commands:
        if command.separator_before not in PIPES:
            source = None
        elif source is not None and _runs_stdin(command):
            yield f"{source} | {command.name}"
        source = source or _fetched(command)
        yield from _substituted(text, command)


def _fetched(command: Command) -> str | None:
    """`curl <url>` when the command downloads to standard output, else None."""
    args = downloader_args(command)
    if args is None or not writes_to_stdout(command, args):
        return None
    fetched = urls(command, args)
    return f"{command.name} {fetched[0]}" if fetched else command.name


def _downloads_in(script: str) -> str | None:
    """The download to standard output among a substitution's own commands (read once: deeper
    nesting is walked by `run_scripts`)."""
    return next((f for command in split_commands(script).commands if (f := _fetched(command)) is not None), None)


def _interpreter(command: Command) -> str | None:
    """The short options with a value of the shell or interpreter `command` runs, else None."""
    if command.name in SHELLS:
        return "oO"
    family = command.name.rstrip("0123456789.")
    return INTERPRETERS.get("node" if family == "nodejs" else family)


def _runs_stdin(command: Command) -> bool:
    with_value = _interpreter(command)
    if with_value is None:
        return False
    args = read_args([w.value for w in command.args()], with_value)
    if args.has(*_INLINE_SCRIPT):
        return False
    if not args.operands or args.operands[0] == "-":
        return True
    return command.name in SHELLS and args.has("-s")  # `sh -s -- --flag`: the operands are its arguments


def _substituted(text: str, command: Command) -> Iterator[str]:
    """`sh -c "$(curl …)"`, `eval "$(curl …)"`, `bash <(curl …)`, `source <(curl …)`."""
    script = shell_script(command)
    if script is not None:
        for inner in substitutions(script):
            source = _downloads_in(inner)
            if source is not None:
                yield f'{command.name} -c "$({source})"'
        return
    if command.name not in SOURCING and _interpreter(command) is None:
        return
    with_value = _interpreter(command) or ""
    args = read_args([w.value for w in command.args()], with_value)
    if command.name in SOURCING:
        scripts = [w for w in command.args()]
    elif args.operands and not args.has(*_INLINE_SCRIPT):
        scripts = [w for w in command.args() if w.value == args.operands[0]][:1]
    else:
        scripts = []
    for word in scripts:
        for inner in substitutions(text[word.start : word.end]):
            source = _downloads_in(inner)
            if source is not None:
                yield f"{command.name} <({source})" if text.startswith(("<(", ">("), word.start) \
                    else f'{command.name} "$({source})"'


RULE = Rule(
    code=CODE,
    name="remote-script-to-shell",
    title="a remote script run as it is downloaded (`curl … | sh`)",
    severity=Severity.MEDIUM,
    security=True,
    on_by_default=True,
    fix=FixSafety.NONE,
    scope=Scope.EVERY_STAGE,
    why="whatever the server sends that day runs in the build: nothing pins or records what ran",
    example=Example("RUN curl -fsSL https://example.com/install.sh | sh"),
    doc=__doc__ or "",
    check=check,
    onbuild=True,
)
