"""`hardenbot org plan` and `hardenbot org report`: their arguments, and reading the token,
the API's address and $GITHUB_OUTPUT from the environment. The token is never printed.

The GitHub client and the planner are imported where a command runs, so that `hardenbot
check` loads neither."""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from bot.errors import HardenbotError
from bot.github.pace import POINTS_PER_MINUTE
from bot.model.text import escape_controls
from bot.org.defaults import LABEL, MATRIX_LIMIT, RESERVE, TITLE

EXIT_OK, EXIT_ERROR = 0, 2
ETAGS_LIMIT = 256 << 20  # an ETag store for 10,000 repositories takes about 20 MB


def add_parser(commands: argparse._SubParsersAction, name: str, help_text: str) -> None:
    """The `org` command (named and helped by `bot.cli`, which lists every command) and its own."""
    org = commands.add_parser(name, help=help_text, description="Organisation-wide hardening (GITHUB_TOKEN must be set).")
    sub = org.add_subparsers(dest="org_command", required=True, metavar="{plan,report}")
    plan = sub.add_parser("plan", help="list the repositories to harden and write the matrices",
                          description="List the organisation's repositories, keep those with a Dockerfile, compose "
                                      "file or workflow, and write GitHub Actions matrices to $GITHUB_OUTPUT.")
    plan.add_argument("--owner", required=True, help="the organisation (or user)")
    plan.add_argument("--topic", action="append", default=[], metavar="T", help="only repositories with this topic "
                      "(repeat: any of them)")
    plan.add_argument("--include", action="append", default=[], metavar="GLOB",
                      help="only repositories whose name (or owner/name) matches (repeatable)")
    plan.add_argument("--exclude", action="append", default=[], metavar="GLOB", help="leave these out (repeatable)")
    plan.add_argument("--archived", action="store_true", help="keep archived repositories")
    plan.add_argument("--forks", action="store_true", help="keep forks")
    plan.add_argument("--max-batches", type=int, default=None, metavar="K",
                      help=f"matrices the workflow has jobs for (of {MATRIX_LIMIT} each); more repositories wait "
                           "for a later run")
    plan.add_argument("--rotation", type=int, default=0, metavar="N",
                      help="which window of repositories runs when they do not all fit (the run number)")
    plan.add_argument("--reserve", type=int, default=RESERVE, metavar="CALLS",
                      help=f"API calls to leave for the jobs: probing stops there (default {RESERVE})")
    plan.add_argument("--workers", type=int, default=8, metavar="N", help="tree listings at once (default 8)")
    plan.add_argument("--rest", action="store_true", help="list through REST only, not GraphQL (a GitHub Enterprise "
                      "Server without it); GraphQL falls back to REST by itself where it does not answer")
    plan.add_argument("--etags", type=Path, metavar="FILE", help="keep the REST answers' ETags here between runs "
                      "(restore it with actions/cache): an unchanged page or tree then answers 304, which GitHub "
                      "does not count against the rate limit")
    _pace_argument(plan)
    plan.add_argument("--plan-file", type=Path, metavar="FILE", help="also write the whole plan as JSON, for the "
                      "report job")
    report = sub.add_parser("report", help="update the dashboard issue from the jobs' results",
                            description="Gather the matrix jobs' result files into one dashboard issue in the central "
                                        "repository, updated in place.")
    report.add_argument("--repository", required=True, metavar="OWNER/NAME", help="the central repository")
    report.add_argument("--results", required=True, type=Path, metavar="DIR",
                        help="the folder of the jobs' result files (the downloaded artifacts)")
    report.add_argument("--plan", type=Path, metavar="FILE", help="the plan file, to name the jobs that did not report")
    report.add_argument("--title", default=TITLE, help=f"the issue's title (default {TITLE!r})")
    report.add_argument("--label", default=LABEL, help=f"the label that finds it (default {LABEL!r})")
    report.add_argument("--dry-run", action="store_true", help="print the body; write nothing")
    _pace_argument(report)


def _pace_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--points-per-minute", type=int, default=POINTS_PER_MINUTE, metavar="N",
                        help=f"pace of the API calls, a GET 1 point and a write 5 (default {POINTS_PER_MINUTE}, under "
                             "GitHub's secondary limit of 900; 0: no pacing)")


def main(args: argparse.Namespace, environ: Mapping[str, str] = os.environ) -> int:
    token = environ.get("GITHUB_TOKEN", "")
    if not token:
        print("hardenbot: set GITHUB_TOKEN to a token that may read the organisation's repositories", file=sys.stderr)
        return EXIT_ERROR
    from bot.github.org import GitHubOrg

    etags_file = getattr(args, "etags", None)
    client = GitHubOrg(token, base_url=environ.get("GITHUB_API_URL", "https://api.github.com"),
                       points_per_minute=args.points_per_minute or None,
                       etags=read_etags(etags_file, _log) if etags_file else None)
    try:
        return (_plan if args.org_command == "plan" else _report)(args, client, environ)
    except HardenbotError as error:
        _log(str(error).replace(token, "***"))
        return EXIT_ERROR
    finally:
        if etags_file and client.etags is not None:
            write_etags(etags_file, client.etags)


def _plan(args: argparse.Namespace, client, environ: Mapping[str, str]) -> int:
    import json

    from bot.org.matrix import job_outputs, plan_document, write_outputs
    from bot.org.plan import PlanFilters, make_plan
    from bot.progress import on_stderr  # only a plan shows progress: not on every command's start-up

    filters = PlanFilters(tuple(args.topic), tuple(args.include), tuple(args.exclude), args.archived, args.forks)
    capacity = args.max_batches * MATRIX_LIMIT if args.max_batches else None
    plan = make_plan(client, args.owner, filters, workers=args.workers, reserve=args.reserve, capacity=capacity,
                     rotation=args.rotation, graphql=not args.rest, log=_log,
                     progress=on_stderr("hardenbot: org plan"))
    outputs = job_outputs(plan)
    if environ.get("GITHUB_OUTPUT"):
        write_outputs(Path(environ["GITHUB_OUTPUT"]), outputs)
    if args.plan_file:
        args.plan_file.write_text(json.dumps(plan_document(plan), indent=1) + "\n", encoding="utf-8")
    unprobed = sum(1 for c in plan.selected if not c.probed)
    budget = f", {plan.budget.remaining} of {plan.budget.limit} API calls left" if plan.budget else ""
    print(f"hardenbot: {len(plan.selected)} repositories to harden in {outputs['batch-count']} batches "
          f"(max-parallel {plan.max_parallel}), {len(plan.skipped)} skipped, {len(plan.deferred)} for a later run"
          + (f", {unprobed} not probed (budget)" if unprobed else "") + f"; {plan.calls} API calls"
          + (f" ({client.not_modified} not modified)" if client.not_modified else "") + budget)
    return EXIT_OK


def _report(args: argparse.Namespace, client, environ: Mapping[str, str]) -> int:
    from bot.org.dashboard import DashboardInput, render_dashboard
    from bot.org.matrix import PlanSummary, read_plan_file
    from bot.org.report import publish
    from bot.org.results import read_results

    plan = read_plan_file(args.plan) if args.plan else PlanSummary()
    files = read_results(args.results)
    for invalid in files.invalid:
        _log(f"set aside {invalid}")
    data = DashboardInput(files.results, plan.expected, plan.deferred, dict(plan.skipped),
                          environ.get("GITHUB_SERVER_URL", "https://github.com"), files.invalid)
    body = render_dashboard(data)
    if args.dry_run:
        print(body, end="")
        return EXIT_OK
    published = publish(client, args.repository, body, title=args.title, label=args.label)
    print(escape_controls(f"hardenbot: dashboard {published.outcome}: {published.issue.url} ({len(data.results)} "
                          f"repositories, {len(body)} characters; {client.calls} API calls)"))
    return EXIT_OK


def read_etags(path: Path, log: Callable[[str], None]) -> dict:
    """The ETag store a previous run wrote; empty (said once) when missing or not one."""
    import json

    try:
        with open(path, "rb") as handle:
            data = handle.read(ETAGS_LIMIT + 1)
        document = json.loads(data.decode("utf-8")) if len(data) <= ETAGS_LIMIT else None
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, RecursionError) as error:
        log(f"{path}: not an ETag store ({type(error).__name__}): every read counts this run")
        return {}
    entries = document.get("etags") if isinstance(document, dict) else None
    if not isinstance(entries, dict):
        log(f"{path}: not an ETag store: every read counts this run")
        return {}
    return {url: (entry[0], entry[1]) for url, entry in entries.items()
            if isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], str) and isinstance(entry[1], dict)
            and {"data", "next"} <= entry[1].keys()}


def write_etags(path: Path, etags: Mapping) -> None:
    import json

    path.write_text(json.dumps({"etags": {url: list(entry) for url, entry in etags.items()}},
                               separators=(",", ":")), encoding="utf-8")


def _log(line: str) -> None:
    """One line of the job's log: a name or message holding a line break would forge a workflow command."""
    print(escape_controls(f"hardenbot: {line}"), file=sys.stderr)
