"""The `hardenbot` command: check and fix the Dockerfiles of a repository.

Exit codes: `check` 1 when any finding can be fixed automatically or a `--fail-on` policy
fails, else 0 (always 0 with `--exit-zero`, so that a CI step still uploads its report);
`fix` 0; both 2 when a file could not be read or parsed (the others are still processed), the
configuration is wrong, or a `--fail-on` policy could not be evaluated.
"""
from __future__ import annotations

import argparse
import functools
import os
import sys
from pathlib import Path

from bot import __version__

TYPE_CHECKING = False  # typing.TYPE_CHECKING's value, without loading typing for --version and --help
if TYPE_CHECKING:
    from bot.model.verify_settings import VerifyMode

# Every command and its one line of help. Only the command being run declares its arguments
# (some sixty `add_argument` calls in all, each making a help formatter): `check` does not build
# the parsers of `pr` and `org`, and `--version`, `--help` and a mistyped command, which list
# the commands but none of their arguments, build none.
COMMANDS = {
    "check": "list findings; exit 1 when any can be fixed",
    "fix": "apply every enabled fix in place",
    "pr": "harden the base branch and open or update the pull request",
    "action": "run as the GitHub Action (reads the runner's environment)",
    "org": "harden every repository of an organisation from one workflow",
}


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser of `hardenbot ARGV`: every command, with the arguments of the one ARGV names
    (of every command when no ARGV is given)."""
    named = command_named(argv) if argv is not None else None
    parser = argparse.ArgumentParser(prog="hardenbot", description="Harden the Dockerfiles of a repository.",
                                     formatter_class=_formatter)
    parser.add_argument("--version", action="version", version=f"hardenbot {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="{check,fix,pr,action,org}",
                                     parser_class=functools.partial(argparse.ArgumentParser, formatter_class=_formatter))
    for name, help_text in COMMANDS.items():
        if argv is None or name == named:
            _DECLARE[name](commands, name, help_text)
        else:
            commands.add_parser(name, help=help_text)
    return parser


def _formatter(prog: str) -> argparse.HelpFormatter:
    """argparse's own help formatter, as wide as it makes it (the terminal's columns less 2),
    found without `shutil.get_terminal_size`: argparse makes a formatter for every argument
    declared, and importing shutil loads zlib, bz2 and lzma, 2 ms of `check`'s 0.1 s."""
    return argparse.HelpFormatter(prog, width=_terminal_columns() - 2)


def _terminal_columns() -> int:
    """`shutil.get_terminal_size().columns`: $COLUMNS, else standard output's terminal, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80
    except (AttributeError, ValueError, OSError):
        return 80


def command_named(argv: list[str]) -> str | None:
    """The command ARGV runs: its first word that is not an option (`hardenbot` itself takes
    no option with a value), if that is a command."""
    first = next((word for word in argv if not word.startswith("-")), None)
    return first if first in COMMANDS else None


def _declare_check_or_fix(commands: argparse._SubParsersAction, name: str, help_text: str) -> None:
    sub = commands.add_parser(name, help=help_text, description=help_text)
    sub.add_argument("path", nargs="?", default=".", type=Path, help="a repository folder or one Dockerfile")
    sub.add_argument("--format", choices=("text", "json", "sarif"), default="text")
    sub.add_argument("--config", type=Path, help="configuration file (default: PATH/.github/hardenbot.yml)")
    sub.add_argument("--select", metavar="CODE,...", help="run only these rules")
    sub.add_argument("--ignore", metavar="CODE,...", help="skip these rules")
    sub.add_argument("--offline", action="store_true",
                     help="do not ask registries for digests nor download what ADD fetches "
                          "(pinning is reported, not fixed)")
    sub.add_argument("--workers", type=int, default=8, metavar="N",
                     help="registry lookups at once (default 8)")
    _registry_deadline_argument(sub)
    sub.add_argument("--jobs", type=_jobs, metavar="N",
                     help="processes checking files at once (default: one per core for a large tree, "
                          "else one); the output is the same for any N")
    sub.add_argument("--image", type=Path, metavar="FILE",
                     help="a saved image (`docker save`) to judge by the policies")
    if name == "check":
        sub.add_argument("--exit-zero", action="store_true",
                         help="exit 0 even when findings can be fixed or a policy fails (errors still exit 2)")
        sub.add_argument("--fail-on", metavar="POLICY,...",
                         help="exit 1 when one of these policies fails (default: fail-on in the configuration)")
    if name == "fix":
        sub.add_argument("--dry-run", action="store_true", help="print a unified diff and write nothing")
        _verify_arguments(sub)


def _declare_pr(commands: argparse._SubParsersAction, name: str, help_text: str) -> None:
    pr = commands.add_parser(name, help=help_text,
                             description="Harden the base branch of a local checkout and open or update one "
                                         "pull request on GitHub (GITHUB_TOKEN must be set).")
    pr.add_argument("path", nargs="?", default=Path("."), type=Path, help="the local checkout (default: .)")
    pr.add_argument("--repo", required=True, metavar="OWNER/NAME", help="the GitHub repository")
    pr.add_argument("--base-branch", help="branch to harden (default: the repository's default branch)")
    pr.add_argument("--branch", default="hardenbot/harden", help="the bot's branch (default: hardenbot/harden)")
    pr.add_argument("--labels", default="security,hardenbot", help="labels for the pull request")
    pr.add_argument("--config", type=Path, help="configuration file, relative to the repository root")
    pr.add_argument("--dry-run", action="store_true", help="print the summary; push and open nothing")
    pr.add_argument("--offline", action="store_true", help="do not ask registries for digests")
    pr.add_argument("--workers", type=int, default=8, metavar="N", help="registry lookups at once (default 8)")
    _registry_deadline_argument(pr)
    _verify_arguments(pr)


def _declare_action(commands: argparse._SubParsersAction, name: str, help_text: str) -> None:
    commands.add_parser(name, help=help_text)


def _declare_org(commands: argparse._SubParsersAction, name: str, help_text: str) -> None:
    from bot.org import commands as org_commands  # the organisation's commands: only for `org`

    org_commands.add_parser(commands, name, help_text)


_DECLARE = {"check": _declare_check_or_fix, "fix": _declare_check_or_fix, "pr": _declare_pr,
            "action": _declare_action, "org": _declare_org}


def _verify_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--verify", nargs="?", const="true", default="false", metavar="auto|true|false",
                        type=_verify_mode,
                        help="build each changed Dockerfile before and after with Docker, and drop edits that "
                             "break its build (`--verify` alone: true; auto: when an engine answers)")
    parser.add_argument("--verify-max-images", type=int, metavar="N",
                        help="Dockerfiles built at most (default: verify.max-images, 20)")


def _registry_deadline_argument(parser: argparse.ArgumentParser) -> None:
    from bot.registry.budget import RUN_DEADLINE

    parser.add_argument("--registry-deadline", type=_registry_deadline, default=RUN_DEADLINE, metavar="SECONDS",
                        help=f"seconds every registry lookup of the run may take together (default {RUN_DEADLINE:g});"
                             " what is not resolved by then is reported as such")


def _registry_deadline(text: str) -> float:
    from bot.registry.budget import parse_deadline

    try:
        return parse_deadline(text, "the registry deadline")
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _jobs(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of processes (1 or more)")
    return jobs


def _verify_mode(text: str) -> VerifyMode:
    from bot.model.verify_settings import VerifyMode

    try:
        return VerifyMode.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _bare_verify_spelled_out(argv: list[str]) -> list[str]:
    """`--verify` alone means true, but argparse takes the word after it for its value, so
    `fix --verify .` read the path as one; a bare `--verify` is made `--verify true`."""
    if "--verify" not in argv:
        return argv
    from bot.model.verify_settings import VerifyMode

    words = []
    for index, word in enumerate(argv):
        words.append(word)
        following = argv[index + 1] if index + 1 < len(argv) else "-"
        if word == "--verify" and not following.startswith("-"):
            try:
                VerifyMode.parse(following)
            except ValueError:
                words.append(VerifyMode.ON.value)
    return words


def main(argv: list[str] | None = None) -> int:
    argv = _bare_verify_spelled_out(sys.argv[1:] if argv is None else argv)
    args = build_parser(argv).parse_args(argv)
    if args.command in ("pr", "action"):
        from bot import action  # the pull request flow: only these commands load GitHub and git

        return action.pr_main(args) if args.command == "pr" else action.action_main()
    if args.command == "org":
        from bot.org import commands as org_commands

        return org_commands.main(args)
    from bot.check_fix import check_or_fix  # the rules and the run: not for --help or --version

    return check_or_fix(args)


def run_and_exit() -> None:
    """`hardenbot` as a program (the console script, `python -m bot`): `main`, then the process
    ends with its exit code without the interpreter's teardown, which only frees what the run
    made, object by object (30 ms after a 1,000-file `fix`), memory the system takes back
    whole. What teardown would do that matters is done first: the exit functions (logging's,
    temporary folders' finalizers) and the output flushed. A process still running other
    threads, or whose output cannot be flushed (a closed pipe), ends the ordinary way, as
    before. `main` itself returns, for the tests and other callers."""
    code = main()
    if threading_count() == 1:
        import atexit

        atexit._run_exitfuncs()
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError):
            raise SystemExit(code) from None  # the interpreter reports it as it always did
        os._exit(code)
    raise SystemExit(code)


def threading_count() -> int:
    """Threads running, without loading threading for a command that never started one."""
    threading = sys.modules.get("threading")
    return 1 if threading is None else threading.active_count()
