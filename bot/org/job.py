"""One matrix job of an organisation-wide run (the action's `repository` input): harden
another repository's base branch with the usual flow, in a scratch clone, and record what
happened in a result file for the report job, failures included.

Only the base branch is hardened: a `/harden` comment acts on the repository the workflow
runs in, never on another, so a comment event is ignored here. The event's default branch is
the central repository's, so it is dropped: the `base-branch` input (the plan passes each
repository's) or one API call gives the target's.

The record says the bot's pull request's state. When the run leaves none open (nothing to
harden), the last one closed tells merged from closed: the flow read it in the call that
looked for the open one, or (a flow that did not) one more call finds it. A no-op job makes
one call, at most 3.
"""
from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from bot.errors import HardenbotError
from bot.flow import FlowResult, FlowSettings, Outcome
from bot.github.event import Trigger, TriggerKind
from bot.github.org import GitHubOrg, PullRequestState
from bot.org.checkout import scratch_clone
from bot.org.results import failed, from_flow, write_result

# The flow on a checkout: the action's own `run_flow`, with its token, verifier and log.
RunFlow = Callable[[FlowSettings, Trigger], FlowResult]


def harden_repository(repository: str, settings: FlowSettings, trigger: Trigger, run_flow: RunFlow, *, token: str,
                      server_url: str, api_url: str, result_file: Path | None, run_url: str = "",
                      now: Callable[[], str] | None = None) -> FlowResult:
    clock = now or _utc_now
    if "/" not in repository.strip("/"):
        raise HardenbotError(f"input repository must be owner/name, not {repository!r}")
    if trigger.kind is TriggerKind.HARDEN_PULL_REQUEST:
        return FlowResult(Outcome.IGNORED, f"nothing to do: /harden acts on this repository, not on {repository}")
    try:
        with scratch_clone(repository, token, server_url) as workdir:
            result = run_flow(replace(settings, repository=repository, workdir=workdir),
                              replace(trigger, repository=repository, default_branch=None))
        record = from_flow(repository, result, clock(), run_url)
        if result.outcome is Outcome.NOTHING and not (settings.dry_run or trigger.dry_run):
            closed = _last_closed(result) if result.pull_requests is not None else GitHubOrg(
                token, base_url=api_url, points_per_minute=None).last_closed_pull_request(repository, settings.branch)
            if closed is not None:
                record = replace(record, pull_request=closed.number, pull_request_url=closed.url,
                                 pull_request_state=closed.state)
    except HardenbotError as error:
        if result_file is not None:
            write_result(result_file, failed(repository, str(error), clock(), run_url))
        raise
    if result_file is not None:
        write_result(result_file, record)
    return result


def _last_closed(result: FlowResult) -> PullRequestState | None:
    closed = result.pull_requests.latest_closed if result.pull_requests else None
    if closed is None:
        return None
    return PullRequestState(closed.number, closed.url, "merged" if closed.merged else "closed")


def _utc_now() -> str:
    return datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
