"""Image scalars in YAML files (compose files, GitHub workflows), located to the exact character.

The YAML is composed (libyaml through PyYAML, fast even for a thousand services) only to learn
where each scalar starts and ends; edits then splice that scalar in the original text, so
comments, quoting and layout stay byte-identical: the document is never dumped again. Values
that are expressions (`${{ … }}`, `${VAR}`), block scalars, or quoted with escapes are left
alone. The kinds that use this (`compose.py`, `workflow.py`) say which scalars name images.
"""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import yaml

from bot.errors import DockerfileSyntaxError
from bot.model.findings import Finding
from bot.model.images import ImageOccurrence
from bot.model.text import Span
from bot.rules.rule import RuleSet
from bot.rules.yaml_nodes import get, items  # noqa: F401 - compose.py and workflow.py import them from here
from bot.sources.ignores import suppressed

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlSourceError(DockerfileSyntaxError):
    """A compose file or workflow that cannot be read as YAML."""


@lru_cache(maxsize=8)  # a compose file is read for its builds, then for its images
def load(text: str, path: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise YamlSourceError(path, line, f"not valid YAML: {problem}") from None


def scalar_occurrence(text: str, path: str, node: yaml.Node | None, where: str, prefix: str = "") -> Iterator[ImageOccurrence]:
    if not isinstance(node, yaml.ScalarNode) or node.style in ("|", ">") or not node.value.startswith(prefix):
        return
    value = node.value
    if "$" in value:
        return  # an expression or a variable: not a reference we can pin
    # libyaml's marks do not count a leading byte order mark; the text does.
    bom = 1 if text.startswith("\ufeff") else 0
    start, end = node.start_mark.index + bom, node.end_mark.index + bom
    if node.style in ("'", '"'):
        start, end = start + 1, end - 1
    if text[start:end] != value:
        return  # escapes or folding: the characters do not spell the value as is
    start += len(prefix)
    yield ImageOccurrence(path, node.start_mark.line + 1, value[len(prefix):], Span(start, end), where)


def image_findings(text: str, occurrences: list[ImageOccurrence], ruleset: RuleSet) -> list[Finding]:
    """The image rules' findings on each image; `# hadolint ignore=…` (or `# hardenbot
    ignore=…`) on the line above an image silences those codes for it."""
    lines = text.split("\n")
    found = []
    for occurrence in occurrences:
        codes, in_whole_file = suppressed(lines[occurrence.line - 2]) if occurrence.line >= 2 else (set(), False)
        ignored = set() if in_whole_file else codes
        for rule in ruleset.rules:
            if rule.check_occurrence is not None and rule.code not in ignored:
                found.extend(rule.check_occurrence(occurrence, ruleset.context))
    return found
