"""A plan as GitHub Actions matrices: GitHub runs at most 256 jobs a matrix, so the
repositories go in batches of 256, one job output each (`batch-0`, `batch-1` …), with
`batch-count` for the fan-out jobs' `if:` and `max-parallel` for their strategy. A matrix
entry names the repository and its default branch, so a job needs no call to learn it."""
from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from bot.org.plan import MATRIX_LIMIT, Candidate, Plan


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
    """Append to $GITHUB_OUTPUT: the values are one line of JSON or a number each."""
    with open(path, "a", encoding="utf-8") as handle:
        for name, value in outputs.items():
            handle.write(f"{name}={value}\n")


def plan_document(plan: Plan) -> dict:
    """The plan as the report job reads it (`hardenbot org report --plan`): which repositories
    were to run, which wait for a later run, and why the others were skipped."""
    def entry(candidate: Candidate) -> dict:
        return {"repository": candidate.repository, "base-branch": candidate.base_branch,
                "probed": candidate.probed, "truncated": candidate.truncated}
    return {"owner": plan.owner, "selected": [entry(c) for c in plan.selected],
            "deferred": [entry(c) for c in plan.deferred],
            "skipped": [{"repository": name, "reason": reason.value} for name, reason in plan.skipped],
            "calls": plan.calls, "max-parallel": plan.max_parallel}
