"""`hardenbot check` and `hardenbot fix` over local files, once `bot.cli` has read the
arguments: its own module, so that `--help` and `--version` load none of the rules, and the
HTTP clients, Docker's driver and the report formats load only when the run asks for them.
The exit codes are those `bot.cli` documents."""
from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from bot.config import load_config, parse_codes, parse_policies
from bot.errors import HardenbotError
from bot.model.text import escape_controls
from bot.model.verify_settings import VerifyMode
from bot.policy_setup import assess_policies, gate, read_saved_image, vulnerability_lookup
from bot.report import text
from bot.report.masking import masked_report
from bot.run import process

if TYPE_CHECKING:
    from bot.model.downloads import Download
    from bot.model.results import RunReport

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def check_or_fix(args: argparse.Namespace) -> int:
    fix = args.command == "fix"
    try:
        if not args.path.exists():
            raise HardenbotError(f"{args.path}: no such file or folder")
        root = args.path if args.path.is_dir() else args.path.parent
        config = load_config(root, args.config)
        select = parse_codes(args.select, "--select") if args.select else None
        ignore = parse_codes(args.ignore, "--ignore") if args.ignore else None
        rules = config.active_rules(select, ignore)
        # Before the run: a misspelt policy is one line at once, not after every lookup and build.
        fail_on = parse_policies(args.fail_on, "--fail-on") if not fix and args.fail_on else config.fail_on
        fail_on = fail_on if not fix else ()
        vulnerabilities = vulnerability_lookup(os.environ, offline=args.offline) if fix else None
        resolver, advisor = (None, None) if args.offline else _registry_lookups(args, vulnerabilities)
        verifier, note = None, ""
        if fix and args.verify is not VerifyMode.OFF:
            from bot.progress import on_stderr
            from bot.verify import make_verifier  # Docker's client and the build driver: only to verify

            settings = config.verify
            if args.verify_max_images is not None:
                settings = replace(settings, max_images=max(0, args.verify_max_images))
            progress = on_stderr("verify")
            verifier, note = make_verifier(args.verify, settings, os.environ, progress.note, vulnerabilities,
                                           progress)
        report = process(args.path, config, rules, fix=fix, write=fix and not args.dry_run, resolver=resolver,
                         verifier=verifier, advisor=advisor, downloader=None if args.offline else _download,
                         jobs=args.jobs, diffs=fix and args.dry_run and args.format == "text")
        report = replace(report, verify_note=note)
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


def _registry_lookups(args: argparse.Namespace, vulnerabilities):
    """The digest resolver and base advisor; the HTTP client loads only when registries may be asked."""
    from bot.registry_setup import make_lookups, registry_credentials

    return make_lookups(registry_credentials(os.environ), args.workers, args.registry_deadline, vulnerabilities)


def _download(urls: list[str]) -> dict[str, Download]:
    """What the URLs HB062 would pin serve; the HTTP client loads only when there is one."""
    if not urls:
        return {}
    from bot.downloads import make_downloader

    return make_downloader()(urls)


def _policy_lines(report: RunReport) -> list[str]:
    """The policies' lines (and the measured line, which needs judged images); none when no
    image was judged, without loading their report."""
    if not report.policies:
        return []
    from bot.report import policies

    return policies.text_lines(report)


def _print(report: RunReport, args: argparse.Namespace, fix: bool) -> None:
    report = masked_report(report)  # what the files write as credentials is never printed
    for error in report.errors:
        print(escape_controls(f"{error}"), file=sys.stderr)
    if args.format == "json":
        from bot.report import json_report

        print(json_report.render(report, fix=fix))
        return
    if args.format == "sarif":
        print(_sarif(report, fix, args.path))
        return
    if not fix:
        print("\n".join(map(escape_controls, text.check_lines(report) + _policy_lines(report))))
        return
    summary = "\n".join(map(escape_controls, text.fix_lines(report) + _policy_lines(report)))
    if args.dry_run:
        sys.stdout.write("".join(text.unified_diff(r) for r in report.results if r.changed))
        print(summary, file=sys.stderr)
    else:
        print(summary)


def _sarif(report: RunReport, fix: bool, path: Path) -> str:
    """The SARIF log, its locations relative to the repository holding `path`: the nearest
    folder at or above it with a `.git` (a folder, or a file in a linked worktree or
    submodule), else the folder scanned."""
    from bot.report import sarif

    scanned = (path if path.is_dir() else path.parent).resolve()
    root = next((folder for folder in (scanned, *scanned.parents) if (folder / ".git").exists()), scanned)
    below = scanned.relative_to(root).as_posix()
    source_root = sarif.SourceRoot(uri=root.as_uri().rstrip("/") + "/", prefix="" if below == "." else below + "/")
    return sarif.render(report, fix=fix, root=source_root)
