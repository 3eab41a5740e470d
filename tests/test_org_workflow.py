"""The example organisation-wide workflow agrees with the commands it runs: the plan's outputs
feed as many batch jobs as it is told there are, the matrix keys the batch reads are those the
plan writes, results travel as the artifacts the report downloads, every action is pinned by
a full commit SHA, and each token holds only what its job needs."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot.org.matrix import matrix
from bot.org.plan import Candidate

WORKFLOWS = Path(__file__).parent.parent / ".github" / "workflows"
ORG = yaml.safe_load((WORKFLOWS / "hardenbot-org.yml").read_text())
BATCH = yaml.safe_load((WORKFLOWS / "hardenbot-org-batch.yml").read_text())


def steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def test_every_action_is_pinned_by_a_full_commit_sha():
    for name in ("hardenbot-org.yml", "hardenbot-org-batch.yml"):
        uses = re.findall(r"uses: (\S+)", (WORKFLOWS / name).read_text())
        remote = [u for u in uses if not u.startswith("./")]
        assert remote and all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u) for u in remote), remote


def test_the_plan_feeds_as_many_batch_jobs_as_it_is_told_there_are():
    jobs = ORG["jobs"]
    batches = sorted(name for name in jobs if name.startswith("batch-"))
    plan_command = steps(jobs["plan"])[-2]["run"]
    assert f"--max-batches {len(batches)}" in plan_command
    for index, name in enumerate(batches):
        assert name == f"batch-{index}"
        assert jobs[name]["if"] == f"needs.plan.outputs.batch-count > {index}"
        assert jobs[name]["with"]["matrix"] == f"${{{{ needs.plan.outputs.batch-{index} }}}}"
        assert jobs["plan"]["outputs"][name] == f"${{{{ steps.plan.outputs.{name} }}}}"
        assert jobs[name]["uses"] == "./.github/workflows/hardenbot-org-batch.yml"
    assert jobs["report"]["needs"] == ["plan", *batches]
    assert jobs["report"]["if"].startswith("always()")


def test_the_batch_reads_exactly_the_matrix_keys_the_plan_writes():
    written = set(matrix([Candidate("acme/api", "main")])["include"][0])
    read = set(re.findall(r"matrix\.([\w-]+)", (WORKFLOWS / "hardenbot-org-batch.yml").read_text()))
    assert read == written


def test_results_travel_as_the_artifacts_the_report_downloads():
    harden = steps(BATCH["jobs"]["harden"])
    action = next(s for s in harden if s.get("uses") == "./")
    upload = next(s for s in harden if "upload-artifact" in s.get("uses", ""))
    assert upload["if"] == "always()" and upload["with"]["name"] == "hardenbot-result-${{ matrix.slug }}"
    assert action["with"]["result-file"].startswith(upload["with"]["path"])
    download = [s for s in steps(ORG["jobs"]["report"]) if "download-artifact" in s.get("uses", "")]
    assert {"pattern": "hardenbot-result-*", "path": "results", "merge-multiple": True} in [d["with"] for d in download]
    assert "--results results --plan plan.json" in steps(ORG["jobs"]["report"])[-1]["run"]


def test_each_token_holds_only_what_its_job_needs():
    assert ORG["permissions"] == {} and BATCH["permissions"] == {}

    def token(job: dict) -> dict:
        step = next(s for s in steps(job) if "create-github-app-token" in s.get("uses", ""))
        return {k: v for k, v in step["with"].items() if k not in ("client-id", "private-key")}
    assert token(ORG["jobs"]["plan"]) == {"owner": "${{ github.repository_owner }}", "permission-metadata": "read",
                                          "permission-contents": "read"}
    assert token(BATCH["jobs"]["harden"]) == {
        "owner": "${{ github.repository_owner }}", "repositories": "${{ matrix.name }}",
        "permission-contents": "write", "permission-pull-requests": "write", "permission-workflows": "write"}
    assert token(ORG["jobs"]["report"]) == {"repositories": "${{ github.event.repository.name }}",
                                            "permission-issues": "write"}
    assert ORG["concurrency"]["cancel-in-progress"] is False
    assert BATCH["jobs"]["harden"]["strategy"]["fail-fast"] is False
