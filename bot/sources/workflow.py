"""GitHub workflows: `.github/workflows/*.yml`. Images: `jobs.<id>.container` (a string or
`.image`), `jobs.<id>.services.<name>.image`, and `uses: docker://image:tag` in steps. Only the
rules about image references apply."""
from __future__ import annotations

import yaml

from bot.model.images import ImageOccurrence
from bot.rules.rule import RuleSet
from bot.sources.kind import Assessment, SourceKind
from bot.sources.yaml_scalars import get, image_findings, items, load, scalar_occurrence


def is_workflow_path(relative: str) -> bool:
    folder, _, name = relative.rpartition("/")
    return folder == ".github/workflows" and name.endswith((".yml", ".yaml"))


def occurrences(text: str, path: str) -> list[ImageOccurrence]:
    found: list[ImageOccurrence] = []
    for job_id, job in items(get(load(text, path), "jobs")):
        container = get(job, "container")
        if isinstance(container, yaml.ScalarNode):
            found.extend(scalar_occurrence(text, path, container, f"jobs.{job_id}.container"))
        else:
            found.extend(scalar_occurrence(text, path, get(container, "image"), f"jobs.{job_id}.container.image"))
        for name, service in items(get(job, "services")):
            found.extend(scalar_occurrence(text, path, get(service, "image"), f"jobs.{job_id}.services.{name}.image"))
        steps = get(job, "steps")
        if isinstance(steps, yaml.SequenceNode):
            for index, step in enumerate(steps.value):
                found.extend(scalar_occurrence(text, path, get(step, "uses"), f"jobs.{job_id}.steps[{index}].uses",
                                               prefix="docker://"))
    return found


def assess(text: str, path: str, ruleset: RuleSet) -> Assessment:
    return Assessment(image_findings(text, occurrences(text, path), ruleset))


KIND = SourceKind("workflow", is_workflow_path, occurrences, assess)
