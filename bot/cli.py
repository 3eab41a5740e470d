"""The `hardenbot` command: check and fix the Dockerfiles of a repository.

Exit codes: `check` 1 when any finding can be fixed automatically or a `--fail-on` policy
fails, else 0 (always 0 with `--exit-zero`, so that a CI step still uploads its report);
`fix` 0; both 2 when a file could not be read or parsed (the others are still processed), the
configuration is wrong, or a `--fail-on` policy could not be evaluated.
"""
from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path

from bot import __version__
from bot.config import load_config, parse_codes, parse_policies
from bot.errors import HardenbotError
from bot.model.downloads import Download
from bot.model.results import RunReport
from bot.model.text import escape_controls
from bot.model.verification import VerifyMode
from bot.org import commands as org_commands
from bot.policy_setup import assess_policies, gate, read_saved_image, vulnerability_lookup
from bot.registry.budget import RUN_DEADLINE, parse_deadline
from bot.registry_setup import make_lookups, registry_credentials
from bot.report import json_report, policies, sarif, text
from bot.report.masking import masked_report
from bot.run import process
from bot.verify import make_verifier

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hardenbot", description="Harden the Dockerfiles of a repository.")
    parser.add_argument("--version", action="version", version=f"hardenbot {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="{check,fix,pr,action,org}")
    for name, help_text in (("check", "list findings; exit 1 when any can be fixed"),
                            ("fix", "apply every enabled fix in place")):
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
    pr = commands.add_parser("pr", help="harden the base branch and open or update the pull request",
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
    commands.add_parser("action", help="run as the GitHub Action (reads the runner's environment)")
    org_commands.add_parser(commands)
    return parser


def _verify_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--verify", nargs="?", const="true", default="false", metavar="auto|true|false",
                        type=_verify_mode,
                        help="build each changed Dockerfile before and after with Docker, and drop edits that "
                             "break its build (`--verify` alone: true; auto: when an engine answers)")
    parser.add_argument("--verify-max-images", type=int, metavar="N",
                        help="Dockerfiles built at most (default: verify.max-images, 20)")


def _registry_deadline_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--registry-deadline", type=_registry_deadline, default=RUN_DEADLINE, metavar="SECONDS",
                        help=f"seconds every registry lookup of the run may take together (default {RUN_DEADLINE:g});"
                             " what is not resolved by then is reported as such")


def _registry_deadline(text: str) -> float:
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
    try:
        return VerifyMode.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _bare_verify_spelled_out(argv: list[str]) -> list[str]:
    """`--verify` alone means true, but argparse takes the word after it for its value, so
    `fix --verify .` read the path as one; a bare `--verify` is made `--verify true`."""
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
    args = build_parser().parse_args(_bare_verify_spelled_out(sys.argv[1:] if argv is None else argv))
    if args.command in ("pr", "action"):
        from bot import action  # the pull request flow: only these commands load GitHub and git

        return action.pr_main(args) if args.command == "pr" else action.action_main()
    if args.command == "org":
        return org_commands.main(args)
    try:
        if not args.path.exists():
            raise HardenbotError(f"{args.path}: no such file or folder")
        root = args.path if args.path.is_dir() else args.path.parent
        config = load_config(root, args.config)
        select = parse_codes(args.select, "--select") if args.select else None
        ignore = parse_codes(args.ignore, "--ignore") if args.ignore else None
        rules = config.active_rules(select, ignore)
        fix = args.command == "fix"
        vulnerabilities = vulnerability_lookup(os.environ, offline=args.offline) if fix else None
        resolver, advisor = (None, None) if args.offline else make_lookups(
            registry_credentials(os.environ), args.workers, args.registry_deadline, vulnerabilities)
        verifier, note = None, ""
        if fix:
            settings = config.verify
            if args.verify_max_images is not None:
                settings = replace(settings, max_images=max(0, args.verify_max_images))
            verifier, note = make_verifier(args.verify, settings, os.environ,
                                           lambda line: print(line, file=sys.stderr), vulnerabilities)
        report = process(args.path, config, rules, fix=fix, write=fix and not args.dry_run, resolver=resolver,
                         verifier=verifier, advisor=advisor, downloader=None if args.offline else _download,
                         jobs=args.jobs)
        report = replace(report, verify_note=note)
        fail_on = parse_policies(args.fail_on, "--fail-on") if not fix and args.fail_on else config.fail_on
        fail_on = fail_on if not fix else ()
        saved = read_saved_image(args.image) if args.image is not None else None
        report = assess_policies(report, config, os.environ, offline=args.offline, saved=saved,
                                 every_dockerfile=bool(fail_on))
    except HardenbotError as error:
        print(f"hardenbot: {error}", file=sys.stderr)
        return EXIT_ERROR
    _print(report, args, fix)
    if saved is not None and not saved[1].read:  # judged "not evaluated" above, with the rest of the run
        print(escape_controls(f"hardenbot: {saved[1].error}"), file=sys.stderr)
        return EXIT_ERROR
    if report.errors:
        return EXIT_ERROR
    failed, unknown = gate(report.policies, fail_on)
    for line in failed + unknown:
        print(f"hardenbot: {line}", file=sys.stderr)
    if unknown and not failed:
        return EXIT_ERROR
    exit_zero = not fix and args.exit_zero
    if failed and not exit_zero:
        return EXIT_FINDINGS
    if not fix and not exit_zero and any(f.fixable for r in report.results for f in r.hardened.before):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _download(urls: list[str]) -> dict[str, Download]:
    """What the URLs HB062 would pin serve; the HTTP client loads only when there is one."""
    if not urls:
        return {}
    from bot.downloads import make_downloader

    return make_downloader()(urls)


def _print(report: RunReport, args: argparse.Namespace, fix: bool) -> None:
    report = masked_report(report)  # what the files write as credentials is never printed
    for error in report.errors:
        print(escape_controls(f"{error}"), file=sys.stderr)
    if args.format == "json":
        print(json_report.render(report, fix=fix))
        return
    if args.format == "sarif":
        print(sarif.render(report, fix=fix, root=_source_root(args.path)))
        return
    if not fix:
        print("\n".join(map(escape_controls, text.check_lines(report) + policies.text_lines(report))))
        return
    summary = "\n".join(map(escape_controls, text.fix_lines(report) + policies.text_lines(report)))
    if args.dry_run:
        sys.stdout.write("".join(text.unified_diff(r) for r in report.results if r.changed))
        print(summary, file=sys.stderr)
    else:
        print(summary)


def _source_root(path: Path) -> sarif.SourceRoot:
    """The repository holding `path`: the nearest folder at or above it with a `.git` (a
    folder, or a file in a linked worktree or submodule), else the folder scanned."""
    scanned = (path if path.is_dir() else path.parent).resolve()
    root = next((folder for folder in (scanned, *scanned.parents) if (folder / ".git").exists()), scanned)
    below = scanned.relative_to(root).as_posix()
    return sarif.SourceRoot(uri=root.as_uri().rstrip("/") + "/", prefix="" if below == "." else below + "/")
