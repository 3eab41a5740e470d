"""Entry points of the pull request flow: the GitHub Action (`hardenbot action`, the
container's command) and `hardenbot pr` from a laptop checkout. Everything read from the
environment is read here; the token is masked first and scrubbed from anything printed."""
from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path

from bot.config import Config
from bot.downloads import make_downloader
from bot.errors import HardenbotError
from bot.flow import TITLE, Flow, FlowResult, FlowSettings, Log
from bot.github.api import GitHubRepo
from bot.github.event import Trigger, TriggerKind, read_event
from bot.github.runner import append_summary, write_outputs
from bot.gitops import BOT, Identity, Repository
from bot.model.groups import GroupBy
from bot.model.results import RunReport
from bot.model.text import escape_controls
from bot.model.verify_settings import VerifyMode
from bot.org.job import harden_repository
from bot.policy_setup import assess_policies, vulnerability_lookup
from bot.privileges import become_workspace_owner, docker_socket
from bot.registry.budget import RUN_DEADLINE, parse_deadline
from bot.registry_setup import make_lookups, registry_credentials
from bot.report.inert import one_line
from bot.report.masking import masked_report
from bot.run import Verifier
from bot.verify import make_verifier

EXIT_OK, EXIT_FAILED = 0, 1


def redactor(secrets: list[str]) -> Callable[[str], str]:
    secrets = [s for s in secrets if s]

    def redact(text: str) -> str:
        for secret in secrets:
            text = text.replace(secret, "***")
        return text
    return redact


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _input(environ: Mapping[str, str], name: str, default: str = "") -> str:
    for key in (f"INPUT_{name.upper()}", f"INPUT_{name.upper().replace('-', '_')}"):
        if environ.get(key, "").strip():
            return environ[key].strip()
    return default


def _verify_mode(value: str) -> VerifyMode:
    try:
        return VerifyMode.parse(value)
    except ValueError as error:
        raise HardenbotError(f"input {error}") from None


def split_labels(value: str) -> tuple[str, ...]:
    """Labels separated by commas or new lines (a YAML block scalar in a workflow), in order,
    each once."""
    labels = (label.strip() for label in value.replace("\r", "\n").replace(",", "\n").split("\n"))
    return tuple(dict.fromkeys(label for label in labels if label))


_IDENTITY = re.compile(r"\s*(?P<name>[^<>]*?)\s*<(?P<email>[^<>\s]+@[^<>\s]+)>\s*")


def _identity(value: str, what: str) -> Identity | None:
    """`Display Name <email@example.com>`, as create-pull-request takes it; empty: None."""
    if not value.strip():
        return None
    match = _IDENTITY.fullmatch(value)
    if match is None or not match.group("name"):
        raise HardenbotError(f"input {what} must be `Display Name <email@example.com>`, not {value!r}")
    return Identity(match.group("name"), match.group("email"))


def _group_by(value: str) -> GroupBy | None:
    if not value.strip():
        return None
    try:
        return GroupBy.parse(value)
    except ValueError as error:
        raise HardenbotError(f"group-by {error}") from None


def _truthy(value: str) -> bool:
    return value.strip().lower() in ("true", "1", "yes", "on")


def run_flow(settings: FlowSettings, trigger: Trigger, token: str, environ: Mapping[str, str], *,
             offline: bool, workers: int, log: Log, api_url: str, trust_owner: bool = False,
             seconds_between_writes: float | None = 1.0, verify: VerifyMode = VerifyMode.OFF,
             verify_max_images: int | None = None, registry_deadline: float = RUN_DEADLINE) -> FlowResult:
    github = GitHubRepo(settings.repository, token, base_url=api_url, seconds_between_writes=seconds_between_writes)
    repo = Repository(settings.workdir, token=token, trust_owner=trust_owner)
    vulnerabilities = vulnerability_lookup(environ, offline=offline)
    resolver, advisor = (None, None) if offline else make_lookups(
        registry_credentials({**environ, "GITHUB_TOKEN": token}), workers, registry_deadline, vulnerabilities)

    def verifier_for(config: Config) -> tuple[Verifier | None, str]:
        limits = config.verify if verify_max_images is None else replace(config.verify, max_images=verify_max_images)
        return make_verifier(verify, limits, environ, log.write, vulnerabilities)

    def policies_for(report: RunReport, config: Config) -> RunReport:
        return assess_policies(report, config, environ, offline=offline)

    downloader = None if offline else make_downloader()
    return Flow(settings, github, repo, resolver, log, verifier_for, policies_for, advisor, downloader).run(trigger)


def action_main(environ: Mapping[str, str] = os.environ, out: Callable[[str], None] = print) -> int:
    """The GitHub Action: inputs and event from the environment; outputs, step summary and
    annotations back to the runner."""
    token = (_input(environ, "token") or environ.get("GITHUB_TOKEN", "")).strip()
    pieces = token.split()  # a token never holds whitespace: each piece is masked, none is used
    redact = redactor(sorted({token, *pieces}, key=len, reverse=True))

    def emit(line: str) -> None:
        out(escape_controls(redact(line)))

    for piece in pieces:
        out(f"::add-mask::{piece}")
    try:
        if len(pieces) > 1 or not token.isprintable() or not token.isascii():
            raise HardenbotError("the token holds whitespace or characters a token never has: check the `token` input")
        who = become_workspace_owner(Path(environ.get("GITHUB_WORKSPACE", ".")), docker_socket(environ))
        if who:
            emit(f"hardenbot: {who}")
        if not token:
            raise HardenbotError("no token: set the action's `token` input (default: the workflow's GITHUB_TOKEN)")
        repository = environ.get("GITHUB_REPOSITORY", "")
        if "/" not in repository:
            raise HardenbotError("GITHUB_REPOSITORY is not set: run hardenbot as a GitHub Action, or use `hardenbot pr`")
        event_path = environ.get("GITHUB_EVENT_PATH")
        trigger = read_event(environ.get("GITHUB_EVENT_NAME", ""), Path(event_path) if event_path else None)
        labels = split_labels(_input(environ, "labels", "security,hardenbot"))
        config = _input(environ, "config")
        committer = _identity(_input(environ, "committer"), "committer") or BOT
        settings = FlowSettings(
            repository=repository,
            workdir=Path(environ.get("GITHUB_WORKSPACE", ".")),
            base_branch=_input(environ, "base-branch") or None,
            branch=_input(environ, "branch", "hardenbot/harden"),
            labels=labels,
            dry_run=_truthy(_input(environ, "dry-run", "false")),
            config_path=Path(config) if config else None,
            identity=committer,
            author=_identity(_input(environ, "author"), "author"),
            title=_input(environ, "title", TITLE),
            commit_message=_input(environ, "commit-message") or None,
            draft=_truthy(_input(environ, "draft", "false")),
            reviewers=split_labels(_input(environ, "reviewers")),
            assignees=split_labels(_input(environ, "assignees")),
            path=_input(environ, "path").strip("/") or None,
            group_by=_group_by(_input(environ, "group-by")),
        )
        verify = _verify_mode(_input(environ, "verify", "auto"))
        max_images = _input(environ, "verify-max-images")
        if max_images and not max_images.isdigit():
            raise HardenbotError(f"verify-max-images must be a whole number, not {max_images!r}")
        try:
            registry_deadline = parse_deadline(_input(environ, "registry-deadline") or f"{RUN_DEADLINE:g}",
                                               "input registry-deadline")
        except ValueError as error:
            raise HardenbotError(str(error)) from None
        api_url = environ.get("GITHUB_API_URL", "https://api.github.com")

        def flow(settings: FlowSettings, trigger: Trigger) -> FlowResult:
            return run_flow(settings, trigger, token, environ, offline=False, workers=8, log=Log(emit, actions=True),
                            api_url=api_url, trust_owner=True, verify=verify,
                            verify_max_images=int(max_images) if max_images else None,
                            registry_deadline=registry_deadline)
        target, result_file = _input(environ, "repository"), _input(environ, "result-file")
        if target:  # an organisation-wide run's matrix job: another repository, in a scratch clone
            result = harden_repository(
                target, settings, trigger, flow, token=token, api_url=api_url, run_url=_run_url(environ),
                server_url=environ.get("GITHUB_SERVER_URL", "https://github.com"),
                result_file=Path(environ.get("GITHUB_WORKSPACE", "."), result_file) if result_file else None)
        else:
            result = flow(settings, trigger)
    except HardenbotError as error:
        emit(f"::error::{_escape_data(str(error))}")
        return EXIT_FAILED
    _report(result, environ, emit, redact)
    return EXIT_OK


def _run_url(environ: Mapping[str, str]) -> str:
    if not environ.get("GITHUB_RUN_ID"):
        return ""
    return (f"{environ.get('GITHUB_SERVER_URL', 'https://github.com')}/{environ.get('GITHUB_REPOSITORY', '')}"
            f"/actions/runs/{environ['GITHUB_RUN_ID']}")


def _report(result: FlowResult, environ: Mapping[str, str], emit: Callable[[str], None],
            redact: Callable[[str], str]) -> None:
    emit(f"hardenbot: {result.message}")
    if result.report is not None:
        for error in masked_report(result.report).errors:  # an excerpt may quote a credential
            emit(f"::error file={_escape_property(error.path)},line={error.line}::{_escape_data(error.message)}")
    pull = result.pull_request
    outputs = {
        "pull-request-number": str(pull.number) if pull else "",
        "pull-request-url": pull.url if pull else "",
        "changed-files": json.dumps(result.changed_files),
        "findings": str(result.needs_a_person),
        "outcome": result.outcome.value,
        "pull-request-branch": pull.head_ref if pull else "",
        "pull-request-head-sha": (result.head_sha or pull.head_sha) if pull else "",
    }
    if environ.get("GITHUB_OUTPUT"):
        write_outputs(Path(environ["GITHUB_OUTPUT"]), {name: redact(value) for name, value in outputs.items()})
    if environ.get("GITHUB_STEP_SUMMARY"):  # the summary is rendered as the pull request body is
        append_summary(Path(environ["GITHUB_STEP_SUMMARY"]),
                       redact(result.summary or f"hardenbot: {one_line(result.message)}\n"))


def pr_main(args, environ: Mapping[str, str] = os.environ) -> int:
    """`hardenbot pr --repo owner/name`: the same flow from a local checkout."""
    token = environ.get("GITHUB_TOKEN", "").strip()
    redact = redactor([token])
    if not token:
        print("hardenbot: set GITHUB_TOKEN to a token that may push and open pull requests", file=sys.stderr)
        return 2
    settings = FlowSettings(repository=args.repo, workdir=args.path, base_branch=args.base_branch,
                            branch=args.branch, labels=split_labels(args.labels),
                            dry_run=args.dry_run, config_path=args.config)
    try:
        result = run_flow(settings, Trigger(TriggerKind.HARDEN_BASE), token, environ, offline=args.offline,
                          workers=args.workers, log=Log(lambda line: print(redact(line), file=sys.stderr)),
                          api_url=environ.get("GITHUB_API_URL", "https://api.github.com"),
                          verify=args.verify, verify_max_images=args.verify_max_images,
                          registry_deadline=args.registry_deadline)
    except HardenbotError as error:
        print(redact(f"hardenbot: {error}"), file=sys.stderr)
        return 2
    if result.report is not None:
        for error in masked_report(result.report).errors:  # an excerpt may quote a credential
            print(redact(str(error)), file=sys.stderr)
    print(redact(f"hardenbot: {result.message}" + (f" ({result.pull_request.url})" if result.pull_request else "")))
    if args.dry_run and result.summary:
        print(redact(result.summary))
    return 0
