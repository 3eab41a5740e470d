"""What started a run, read from the GitHub event payload.

`schedule` and `workflow_dispatch` harden the base branch. `issue_comment` counts only when
it was just created, is on a pull request, and its first line is `/harden` (optionally
`/harden dry-run`); anything else is not for hardenbot, and it stays silent.

`issues` counts only when it is an edit of the repository's dashboard of grouped pull requests
(its label, and its body starting with the marker) that ticked at least one group's checkbox:
those groups are asked for again, by a run that hardens the base branch. hardenbot's own edits
of the dashboard only ever clear ticks, so they never start a run, whatever the token (with
the workflow's GITHUB_TOKEN, GitHub does not start workflows for them in the first place).
"""
from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

from bot.errors import HardenbotError
from bot.github.issues import LABEL
from bot.record import record
from bot.report.group_dashboard import MARKER, newly_ticked

TRUSTED_ASSOCIATIONS = frozenset({"OWNER", "MEMBER", "COLLABORATOR"})


class TriggerKind(StrEnum):
    HARDEN_BASE = "harden-base"  # schedule, dispatch, `hardenbot pr`: harden the base branch
    HARDEN_PULL_REQUEST = "harden-pull-request"  # `/harden` in a pull request comment
    ASK_AGAIN = "ask-again"  # groups ticked on the dashboard issue: harden the base branch for them
    IGNORE = "ignore"  # not for hardenbot: it stays silent


@record
class Trigger:
    kind: TriggerKind
    dry_run: bool = False
    repository: str | None = None  # owner/name from the payload
    default_branch: str | None = None
    pull_request: int | None = None
    comment_id: int | None = None
    author: str | None = None
    author_association: str | None = None
    reason: str = ""  # why an event is ignored
    issue: int | None = None  # the dashboard issue (ask-again)
    asked: tuple[str, ...] = ()  # the group keys the edit ticked (ask-again)


def _truthy(value: object) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() in ("true", "1", "yes", "on"))


def read_event(name: str, path: Path | None) -> Trigger:
    payload: dict = {}
    if path is not None:
        try:
            payload = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise HardenbotError(f"cannot read the event payload {path}: {error}") from None
    return trigger_from(name, payload)


def trigger_from(name: str, payload: dict) -> Trigger:
    repository = payload.get("repository") or {}
    common = {"repository": repository.get("full_name"), "default_branch": repository.get("default_branch")}
    if name in ("schedule", "workflow_dispatch", "push", ""):
        inputs = payload.get("inputs") or {}
        return Trigger(TriggerKind.HARDEN_BASE, dry_run=_truthy(inputs.get("dry-run")), **common)
    if name == "issues":
        return _dashboard_edit(payload, common)
    if name != "issue_comment":
        return Trigger(TriggerKind.IGNORE, reason=f"the {name} event is not one hardenbot acts on", **common)
    issue, comment = payload.get("issue") or {}, payload.get("comment") or {}
    if payload.get("action") != "created":
        return Trigger(TriggerKind.IGNORE, reason="the comment was not just created", **common)
    if not issue.get("pull_request"):
        return Trigger(TriggerKind.IGNORE, reason="the comment is not on a pull request", **common)
    first_line = (comment.get("body") or "").strip().splitlines()[0:1]
    words = first_line[0].split() if first_line else []
    if not words or words[0] != "/harden" or words[1:] not in ([], ["dry-run"]):
        return Trigger(TriggerKind.IGNORE, reason="the comment is not a /harden command", **common)
    return Trigger(TriggerKind.HARDEN_PULL_REQUEST, dry_run=words[1:] == ["dry-run"], pull_request=int(issue["number"]),
                   comment_id=int(comment["id"]), author=(comment.get("user") or {}).get("login"),
                   author_association=comment.get("author_association"), **common)


def _dashboard_edit(payload: dict, common: dict) -> Trigger:
    issue = payload.get("issue") or {}
    if payload.get("action") != "edited":
        return Trigger(TriggerKind.IGNORE, reason=f"the issue was {payload.get('action') or 'changed'}, not edited",
                       **common)
    labels = {label.get("name") for label in issue.get("labels") or () if isinstance(label, dict)}
    body = issue.get("body") or ""
    if LABEL not in labels or not body.startswith(MARKER):
        return Trigger(TriggerKind.IGNORE, reason=f"issue #{issue.get('number')} is not hardenbot's dashboard",
                       **common)
    before = ((payload.get("changes") or {}).get("body") or {}).get("from")
    asked = newly_ticked(before if isinstance(before, str) else "", body)
    if before is None or not asked:
        return Trigger(TriggerKind.IGNORE, reason="the dashboard edit ticked no group", **common)
    return Trigger(TriggerKind.ASK_AGAIN, issue=int(issue["number"]), asked=tuple(sorted(asked)),
                   author=(payload.get("sender") or {}).get("login"), **common)
