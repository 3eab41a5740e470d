"""Image scalars in YAML files (compose files, GitHub workflows), located to the exact character.

The YAML is composed (libyaml through PyYAML, fast even for a thousand services) only to learn
where each scalar starts and ends; edits then splice that scalar in the original text, so
comments, quoting and layout stay byte-identical: the document is never dumped again. Values
that are expressions (`${{ … }}`, `${VAR}`), block scalars, or quoted with escapes are left
alone. A scalar reached through an alias or a merge key (`<<: *base`) is the anchored one,
written once: it is found once, where the anchor is. The kinds that use this (`compose.py`,
`workflow.py`) say which scalars name images.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from bot.errors import DockerfileSyntaxError
from bot.lazy_regex import lazy_compile
from bot.model.findings import Finding
from bot.model.images import ImageOccurrence
from bot.model.text import Span
from bot.rules.rule import RuleSet
from bot.rules.yaml_nodes import (  # noqa: F401 - compose.py and workflow.py import them from here
    MERGE_TAG,
    UnreadableYaml,
    compose,
    get,
    is_mapping,
    is_scalar,
    is_sequence,
    items,
    merged_items,
)
from bot.sources.ignores import suppressed

if TYPE_CHECKING:
    import yaml

# What may stand between a node's start and its characters: an anchor, a tag (`&base !!str `).
_PROPERTIES = lazy_compile(r"(?:[&!]\S*\s+)+")


class YamlSourceError(DockerfileSyntaxError):
    """A compose file or workflow that cannot be read as YAML."""


@lru_cache(maxsize=8)  # a compose file is read for its builds, then for its images
def load(text: str, path: str) -> yaml.Node | None:
    try:
        return compose(text)
    except UnreadableYaml as error:
        raise YamlSourceError(path, error.line, f"not valid YAML: {error.problem}") from None


def scalar_span(text: str, node: yaml.Node | None) -> Span | None:
    """Where a scalar's characters are in `text`, when they spell its value as is: plain or
    quoted without escapes, on its line; after its anchor or tag, if it has one. None for
    anything else (block scalars, escapes, folded lines, not a scalar)."""
    if not is_scalar(node) or node.style in ("|", ">"):
        return None
    # libyaml's marks do not count a leading byte order mark; the text does.
    bom = 1 if text.startswith("\ufeff") else 0
    start, end = node.start_mark.index + bom, node.end_mark.index + bom
    quote = 1 if node.style in ("'", '"') else 0
    value_end = end - quote
    value_start = value_end - len(node.value)
    properties = text[start:value_start - quote]
    if properties and not _PROPERTIES.fullmatch(properties):
        return None
    if text[value_start:value_end] != node.value or (quote and text[value_start - 1] != text[end - 1]):
        return None  # escapes or folding: the characters do not spell the value as is
    return Span(value_start, value_end)


def scalar_occurrence(text: str, path: str, node: yaml.Node | None, where: str, prefix: str = "") -> Iterator[ImageOccurrence]:
    if not is_scalar(node) or not node.value.startswith(prefix) or "$" in node.value:
        return  # "$": an expression or a variable, not a reference to pin as it is written
    span = scalar_span(text, node)
    if span is not None:
        # The value is on one line (scalar_span refuses folded ones), where the scalar ends.
        yield ImageOccurrence(path, node.end_mark.line + 1, node.value[len(prefix):],
                              Span(span.start + len(prefix), span.end), where)


def distinct(occurrences: Iterable[ImageOccurrence]) -> list[ImageOccurrence]:
    """Each image once: a scalar reached again through an alias or a merge key is the same one."""
    seen: set[tuple[int, int]] = set()
    found = []
    for occurrence in occurrences:
        place = (occurrence.span.start, occurrence.span.end) if occurrence.span else (occurrence.line, -1)
        if place not in seen:
            seen.add(place)
            found.append(occurrence)
    return found


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
