"""What each group's pull request holds, as pure functions: its branch, its title, its slice of
the run, the reviewers its code owners make, and the files of the group a branch is for."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from bot.codeowners import CodeOwners
from bot.groups import plan_groups
from bot.model.groups import Group, GroupSettings
from bot.model.results import RunReport
from bot.sources.concerns import concerned_dockerfiles
from bot.sources.dockerfile import KIND as DOCKERFILE


def group_branch(prefix: str, key: str) -> str:
    """The branch of a group: the bot's own for the whole repository (key ""), else below it."""
    return f"{prefix}/{key}" if key else prefix


def group_title(title: str, group: Group) -> str:
    return f"{title} — {group.title}" if group.title else title


def group_report(report: RunReport, files: Iterable[str]) -> RunReport:
    """The run as one group's pull request tells it: its files' results, builds and policies.
    Unreadable files and files left out by role are the repository's, told in the run's summary."""
    mine = set(files)
    return replace(report, results=tuple(r for r in report.results if r.path in mine), errors=(), not_scanned=(),
                   verification=tuple(v for v in report.verification if v.path in mine),
                   policies=tuple(p for p in report.policies if p.path in mine))


def reviewers_of(owners: Iterable[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Code owners as the requested-reviewers API takes them (`user`, `org/team`), and the
    e-mail owners it cannot ask (GitHub maps those to accounts itself; the API does not)."""
    asked, skipped = [], []
    for owner in owners:
        (asked if owner.startswith("@") else skipped).append(owner.removeprefix("@"))
    return tuple(asked), tuple(skipped)


def groups_of(report: RunReport, settings: GroupSettings, owners: CodeOwners) -> tuple[Group, ...]:
    """The groups of a run's changed files, a compose file's or workflow's with the service its
    edits concern; the run's other files keep keys from moving."""
    changed = sorted(r.path for r in report.results if r.changed)
    known = [r.path for r in report.results] + [e.path for e in report.errors]
    dockerfiles = {r.path for r in report.results if r.kind == DOCKERFILE.name}
    dockerfiles |= {path for path in [e.path for e in report.errors] + [p for p, _ in report.not_scanned]
                    if DOCKERFILE.covers(path)}
    builds = concerned_dockerfiles(report.results, dockerfiles)
    return plan_groups(changed, settings, owners, builds=builds, known=known)


def files_for_branch(groups: Iterable[Group], prefix: str, branch: str) -> tuple[str, ...]:
    """The files of the group whose branch `branch` is (none: no group has it any more)."""
    return next((g.files for g in groups if group_branch(prefix, g.key) == branch), ())
