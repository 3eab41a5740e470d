"""Images named in compose files and GitHub workflows, located to the exact character.

The YAML is composed (libyaml through PyYAML, fast even for a thousand services) only to learn
where each scalar starts and ends; edits then splice that scalar in the original text, so
comments, quoting and layout stay byte-identical: the document is never dumped again. Values
that are expressions (`${{ … }}`, `${VAR}`), block scalars, or quoted with escapes are left
alone.

- compose: `services.<name>.image`
- workflows: `jobs.<id>.container` (a string or `.image`), `jobs.<id>.services.<name>.image`,
  and `uses: docker://image:tag` in steps.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from bot.errors import DockerfileSyntaxError
from bot.model.images import ImageOccurrence
from bot.model.text import Span

COMPOSE_NAMES = re.compile(r"(?:docker-)?compose(?:\.[\w.-]+)?\.ya?ml")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlSourceError(DockerfileSyntaxError):
    """A compose file or workflow that cannot be read as YAML."""


def is_compose_name(name: str) -> bool:
    return bool(COMPOSE_NAMES.fullmatch(name))


def is_workflow_path(relative: str) -> bool:
    folder, _, name = relative.rpartition("/")
    return folder == ".github/workflows" and name.endswith((".yml", ".yaml"))


def compose_images(text: str, path: str) -> list[ImageOccurrence]:
    found: list[ImageOccurrence] = []
    for name, service in _items(_get(_load(text, path), "services")):
        found.extend(_occurrence(text, path, _get(service, "image"), f"services.{name}.image"))
    return found


def workflow_images(text: str, path: str) -> list[ImageOccurrence]:
    found: list[ImageOccurrence] = []
    for job_id, job in _items(_get(_load(text, path), "jobs")):
        container = _get(job, "container")
        if isinstance(container, yaml.ScalarNode):
            found.extend(_occurrence(text, path, container, f"jobs.{job_id}.container"))
        else:
            found.extend(_occurrence(text, path, _get(container, "image"), f"jobs.{job_id}.container.image"))
        for name, service in _items(_get(job, "services")):
            found.extend(_occurrence(text, path, _get(service, "image"), f"jobs.{job_id}.services.{name}.image"))
        steps = _get(job, "steps")
        if isinstance(steps, yaml.SequenceNode):
            for index, step in enumerate(steps.value):
                found.extend(_occurrence(text, path, _get(step, "uses"), f"jobs.{job_id}.steps[{index}].uses",
                                         prefix="docker://"))
    return found


def _load(text: str, path: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise YamlSourceError(path, line, f"not valid YAML: {problem}") from None


def _get(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                return value
    return None


def _items(node: yaml.Node | None) -> Iterator[tuple[str, yaml.Node]]:
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                yield key_node.value, value


def _occurrence(text: str, path: str, node: yaml.Node | None, where: str, prefix: str = "") -> Iterator[ImageOccurrence]:
    if not isinstance(node, yaml.ScalarNode) or node.style in ("|", ">") or not node.value.startswith(prefix):
        return
    value = node.value
    if "$" in value:
        return  # an expression or a variable: not a reference we can pin
    start, end = node.start_mark.index, node.end_mark.index
    if node.style in ("'", '"'):
        start, end = start + 1, end - 1
    if text[start:end] != value:
        return  # escapes or folding: the characters do not spell the value as is
    start += len(prefix)
    yield ImageOccurrence(path, node.start_mark.line + 1, value[len(prefix):], Span(start, end), where)
