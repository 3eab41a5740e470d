"""A plan as GitHub Actions matrices: GitHub runs at most 256 jobs a matrix, so the
repositories go in batches of 256, one job output each (`batch-0`, `batch-1` …), with
`batch-count` for the fan-out jobs' `if:` and `max-parallel` for their strategy. A matrix
entry names the repository and its default branch, so a job needs no call to learn it.

Each matrix is one line of JSON from `json.dumps`, which escapes every control character, so
no name or branch in it can end the output's line; the report job reads the plan file back
(`read_plan_file`) as input to check, not to trust."""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from dataclasses import field
from pathlib import Path

from bot.errors import HardenbotError
from bot.github.runner import output_lines
from bot.org.plan import MATRIX_LIMIT, Candidate, Plan, Skip
from bot.record import record

PLAN_FILE_LIMIT = 64 << 20  # 100,000 repositories take about 15 MB


class PlanFileError(HardenbotError):
    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path}: not a hardenbot plan ({reason}): pass the plan job's plan file, or no --plan")


@record
class PlanSummary:
    """What the dashboard takes from the plan."""
    expected: tuple[str, ...] = ()  # the repositories that were to run
    deferred: int = 0
    skipped: Mapping[str, int] = field(default_factory=dict)  # skip reason → repositories


def batches(candidates: tuple[Candidate, ...], size: int = MATRIX_LIMIT) -> list[list[Candidate]]:
    return [list(candidates[start:start + size]) for start in range(0, len(candidates), size)]


def matrix(batch: list[Candidate]) -> dict:
    """Each entry: `repository` (owner/name), `name` (for a token scoped to it), `base-branch`,
    and `slug` (owner__name: an artifact's name, which may not hold a slash)."""
    return {"include": [{"repository": c.repository, "name": c.repository.split("/", 1)[1],
                         "base-branch": c.base_branch, "slug": c.repository.replace("/", "__")} for c in batch]}


def job_outputs(plan: Plan, size: int = MATRIX_LIMIT) -> dict[str, str]:
    chunks = batches(plan.selected, size)
    outputs = {"repositories": str(len(plan.selected)), "batch-count": str(len(chunks)),
               "max-parallel": str(plan.max_parallel)}
    for index, chunk in enumerate(chunks):
        outputs[f"batch-{index}"] = json.dumps(matrix(chunk), separators=(",", ":"))
    return outputs


def write_outputs(path: Path, outputs: Mapping[str, str]) -> None:
    """Append to $GITHUB_OUTPUT (one line of JSON or a number each)."""
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(output_lines(outputs))


def plan_document(plan: Plan) -> dict:
    """The plan as the report job reads it (`hardenbot org report --plan`): which repositories
    were to run, which wait for a later run, and why the others were skipped."""
    def entry(candidate: Candidate) -> dict:
        known = {key: value for key, value in (("config-blob", candidate.config_blob),
                                               ("open-pull-request", candidate.open_pull_request)) if value is not None}
        return {"repository": candidate.repository, "base-branch": candidate.base_branch,
                "probed": candidate.probed, "truncated": candidate.truncated, **known}
    return {"owner": plan.owner, "selected": [entry(c) for c in plan.selected],
            "deferred": [entry(c) for c in plan.deferred],
            "skipped": [{"repository": name, "reason": reason.value} for name, reason in plan.skipped],
            "calls": plan.calls, "max-parallel": plan.max_parallel}


def read_plan_file(path: Path) -> PlanSummary:
    """The plan file `plan_document` wrote, checked: bounded, every entry of its shape, every
    skip reason one the plan gives; PlanFileError otherwise, in one line."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(PLAN_FILE_LIMIT + 1)
        document = json.loads(data.decode("utf-8")) if len(data) <= PLAN_FILE_LIMIT else None
    except (OSError, ValueError, RecursionError) as error:
        raise PlanFileError(path, f"cannot be read: {type(error).__name__}") from None
    if document is None:
        raise PlanFileError(path, f"larger than {PLAN_FILE_LIMIT} bytes")
    if not isinstance(document, dict):
        raise PlanFileError(path, "not a JSON object")
    lists = {key: document.get(key, []) for key in ("selected", "deferred", "skipped")}
    for key, entries in lists.items():
        if not isinstance(entries, list) or not all(isinstance(e, dict) and isinstance(e.get("repository"), str)
                                                    for e in entries):
            raise PlanFileError(path, f"{key} is not a list of repositories")
    reasons = {skip.value for skip in Skip}
    if not all(entry.get("reason") in reasons for entry in lists["skipped"]):
        raise PlanFileError(path, "a skip reason is not one the plan gives")
    return PlanSummary(tuple(e["repository"] for e in lists["selected"]), len(lists["deferred"]),
                       dict(Counter(e["reason"] for e in lists["skipped"])))
