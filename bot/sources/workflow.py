"""GitHub workflows: `.github/workflows/*.yml`. Images, wherever GitHub's workflow syntax
takes one: `jobs.<id>.container` and `jobs.<id>.services.<name>`, each either the image itself
(`container: node:20`, `db: postgres:16`) or a mapping with `image:`, and `uses:
docker://image:tag` in steps. Only the rules about image references apply."""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from bot.model.images import ImageOccurrence
from bot.rules.rule import RuleSet
from bot.sources.kind import Assessment, SourceKind
from bot.sources.yaml_scalars import (
    distinct,
    get,
    image_findings,
    is_scalar,
    is_sequence,
    items,
    load,
    scalar_occurrence,
)

if TYPE_CHECKING:
    import yaml


def is_workflow_path(relative: str) -> bool:
    folder, _, name = relative.rpartition("/")
    return folder == ".github/workflows" and name.endswith((".yml", ".yaml"))


def occurrences(text: str, path: str) -> list[ImageOccurrence]:
    found: list[ImageOccurrence] = []
    for job_id, job in items(get(load(text, path), "jobs")):
        found.extend(_container_image(text, path, get(job, "container"), f"jobs.{job_id}.container"))
        for name, service in items(get(job, "services")):
            found.extend(_container_image(text, path, service, f"jobs.{job_id}.services.{name}"))
        steps = get(job, "steps")
        if is_sequence(steps):
            for index, step in enumerate(steps.value):
                found.extend(scalar_occurrence(text, path, get(step, "uses"), f"jobs.{job_id}.steps[{index}].uses",
                                               prefix="docker://"))
    return distinct(found)


_TARGET_FLAG = re.compile(r"--target[= ]+[\"']?([A-Za-z0-9][A-Za-z0-9_.-]*)")


def build_targets(text: str, path: str) -> frozenset[str]:
    """The stages the workflow's steps build by name: docker/build-push-action's `target:`,
    `--target` in a `run:` script. A stage CI builds is one the project ships."""
    found = set()
    for _, job in items(get(load(text, path), "jobs")):
        steps = get(job, "steps")
        for step in steps.value if is_sequence(steps) else ():
            target = get(get(step, "with"), "target")
            if is_scalar(target) and target.value:
                found.add(str(target.value).lower())
            script = get(step, "run")
            if is_scalar(script):
                found.update(name.lower() for name in _TARGET_FLAG.findall(str(script.value)))
    return frozenset(found)


def _container_image(text: str, path: str, node: yaml.Node | None, where: str) -> Iterator[ImageOccurrence]:
    """A job's container or a service container: the image as a string, or its `image:`."""
    if is_scalar(node):
        yield from scalar_occurrence(text, path, node, where)
    else:
        yield from scalar_occurrence(text, path, get(node, "image"), f"{where}.image")


def assess(text: str, path: str, ruleset: RuleSet) -> Assessment:
    return Assessment(image_findings(text, occurrences(text, path), ruleset))


KIND = SourceKind("workflow", is_workflow_path, occurrences, assess)
