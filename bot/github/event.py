"""What started a run, read from the GitHub event payload.

`schedule` and `workflow_dispatch` harden the base branch. `issue_comment` counts only when
it was just created, is on a pull request, and its first line is `/harden` (optionally
`/harden dry-run`); anything else is not for hardenbot, and it stays silent.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from bot.errors import HardenbotError

TRUSTED_ASSOCIATIONS = frozenset({"OWNER", "MEMBER", "COLLABORATOR"})


class TriggerKind(StrEnum):
    HARDEN_BASE = "harden-base"  # schedule, dispatch, `hardenbot pr`: harden the base branch
    HARDEN_PULL_REQUEST = "harden-pull-request"  # `/harden` in a pull request comment
    IGNORE = "ignore"  # not for hardenbot: it stays silent


@dataclass(frozen=True)
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
