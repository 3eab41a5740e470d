"""Images named in compose files and GitHub workflows, located to the exact bytes.

The YAML is read with ruamel.yaml only to find where each value starts; edits then splice
that scalar in the original text, so comments, quoting and layout stay byte-identical (the
document is never dumped again). Values that are expressions (`${{ … }}`, `${VAR}`), block
scalars, or quoted with escapes are left alone.

- compose: `services.<name>.image`
- workflows: `jobs.<id>.container` (a string or `.image`), `jobs.<id>.services.<name>.image`,
  and `uses: docker://image:tag` in steps.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from bot.errors import DockerfileSyntaxError
from bot.model import ImageOccurrence, Span

COMPOSE_NAMES = re.compile(r"(?:docker-)?compose(?:\.[\w.-]+)?\.ya?ml")
_PLAIN_END = re.compile(r"[\s,\]}#]")


class YamlSourceError(DockerfileSyntaxError):
    """A compose file or workflow that cannot be read as YAML."""


def is_compose_name(name: str) -> bool:
    return bool(COMPOSE_NAMES.fullmatch(name))


def is_workflow_path(relative: str) -> bool:
    folder, _, name = relative.rpartition("/")
    return folder == ".github/workflows" and name.endswith((".yml", ".yaml"))


def load(text: str, path: str):
    try:
        return YAML(typ="rt").load(text)
    except YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise YamlSourceError(path, line, f"not valid YAML: {problem}") from None


def compose_images(text: str, path: str) -> list[ImageOccurrence]:
    data = load(text, path)
    services = data.get("services") if isinstance(data, dict) else None
    if not isinstance(services, dict):
        return []
    locator = _Locator(text)
    found = []
    for name, service in services.items():
        if isinstance(service, dict) and isinstance(service.get("image"), str):
            found.extend(locator.occurrence(path, service, "image", f"services.{name}.image"))
    return found


def workflow_images(text: str, path: str) -> list[ImageOccurrence]:
    data = load(text, path)
    jobs = data.get("jobs") if isinstance(data, dict) else None
    if not isinstance(jobs, dict):
        return []
    locator = _Locator(text)
    found: list[ImageOccurrence] = []
    for job_id, job in jobs.items():
        if not isinstance(job, dict):
            continue
        container = job.get("container")
        if isinstance(container, str):
            found.extend(locator.occurrence(path, job, "container", f"jobs.{job_id}.container"))
        elif isinstance(container, dict) and isinstance(container.get("image"), str):
            found.extend(locator.occurrence(path, container, "image", f"jobs.{job_id}.container.image"))
        services = job.get("services")
        if isinstance(services, dict):
            for name, service in services.items():
                if isinstance(service, dict) and isinstance(service.get("image"), str):
                    found.extend(locator.occurrence(path, service, "image", f"jobs.{job_id}.services.{name}.image"))
        steps = job.get("steps")
        if isinstance(steps, list):
            for index, step in enumerate(steps):
                uses = step.get("uses") if isinstance(step, dict) else None
                if isinstance(uses, str) and uses.startswith("docker://"):
                    found.extend(locator.occurrence(path, step, "uses", f"jobs.{job_id}.steps[{index}].uses",
                                                    prefix="docker://"))
    return found


class _Locator:
    def __init__(self, text: str):
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]

    def occurrence(self, path: str, mapping, key: str, where: str, prefix: str = "") -> Iterator[ImageOccurrence]:
        value = mapping[key]
        if "${" in value or "$" in value:
            return
        try:
            line, column = mapping.lc.value(key)
        except (AttributeError, KeyError, TypeError):
            return
        span = self._scalar_span(self.line_starts[line] + column, value)
        if span is None:
            return
        start = span.start + len(prefix)
        yield ImageOccurrence(path, bisect_right(self.line_starts, start), value[len(prefix):],
                              Span(start, span.end), where)

    def _scalar_span(self, at: int, value: str) -> Span | None:
        """The span of the scalar's characters (inside quotes), if they spell `value` as is."""
        text = self.text
        if at >= len(text):
            return None
        quote = text[at]
        if quote in "\"'":
            end = text.find(quote, at + 1)
            if end < 0 or text[at + 1 : end] != value:
                return None  # escapes, or a value spread over lines: leave it
            return Span(at + 1, end)
        if quote in "|>&*!":
            return None
        match = _PLAIN_END.search(text, at)
        end = match.start() if match else len(text)
        return Span(at, end) if text[at:end] == value else None
