"""Walking composed YAML nodes (PyYAML's `compose`, which keeps each node's marks): a mapping's
value by key, merge keys followed, and its string-keyed entries. Shared by the workflow rules
and the YAML source kinds (`bot/sources/yaml_scalars.py`).

PyYAML loads only when a document is composed (`compose`), so a run over Dockerfiles alone
never loads it: a node's kind is read from the `id` PyYAML's node classes declare."""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, TypeGuard

if TYPE_CHECKING:
    import yaml

MERGE_TAG = "tag:yaml.org,2002:merge"


def get(node: yaml.Node | None, key: str, depth: int = 0) -> yaml.Node | None:
    """The value of `key` in a mapping, its own or merged in (`<<: *base`, `<<: [*a, *b]`):
    as YAML merges, a key of the mapping's own wins, then the first merged mapping that has it."""
    if not is_mapping(node) or depth > 32:  # an alias may point back at its own mapping
        return None
    merged = []
    for key_node, value in node.value:
        if not is_scalar(key_node):
            continue
        if key_node.tag == MERGE_TAG:
            merged.extend(value.value if is_sequence(value) else [value])
        elif key_node.value == key:
            return value
    if not merged:  # most mappings merge nothing: a compose file asks each service for a dozen absent keys
        return None
    return next((found for source in merged if (found := get(source, key, depth + 1)) is not None), None)


def items(node: yaml.Node | None) -> Iterator[tuple[str, yaml.Node]]:
    if is_mapping(node):
        for key_node, value in node.value:
            if is_scalar(key_node) and key_node.tag != MERGE_TAG:
                yield key_node.value, value


def merged_items(node: yaml.Node | None, depth: int = 0) -> Iterator[tuple[str, yaml.Node]]:
    """A mapping's entries with those merged in (`<<: *base`), each key once, as `get` reads it."""
    if not is_mapping(node) or depth > 32:
        return
    seen: set[str] = set()
    for key, value in items(node):
        if key not in seen:
            seen.add(key)
            yield key, value
    merged = (value for key_node, value in node.value if is_scalar(key_node) and key_node.tag == MERGE_TAG)
    for source in (one for value in merged for one in (value.value if is_sequence(value) else [value])):
        for key, value in merged_items(source, depth + 1):
            if key not in seen:
                seen.add(key)
                yield key, value


class UnreadableYaml(Exception):
    """A document PyYAML cannot compose: the line (1-based) and what is wrong there."""

    def __init__(self, line: int, problem: str):
        super().__init__(f"line {line}: {problem}")
        self.line, self.problem = line, problem


@lru_cache(maxsize=256)
def compose(text: str) -> yaml.Node | None:
    """The document's node tree (libyaml's parser when PyYAML has it), None for an empty one.
    Kept for the texts last asked: a run reads each compose file and workflow several times
    (the services' builds, their mounts, the files they include, the stages CI builds, then the
    file's own rules), and nothing changes a node once made."""
    import yaml  # the first YAML document of a run loads PyYAML

    try:
        return yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise UnreadableYaml(line, getattr(error, "problem", None) or str(error).splitlines()[0]) from None


def is_scalar(node: object) -> TypeGuard[yaml.ScalarNode]:
    return getattr(node, "id", None) == "scalar"


def is_sequence(node: object) -> TypeGuard[yaml.SequenceNode]:
    return getattr(node, "id", None) == "sequence"


def is_mapping(node: object) -> TypeGuard[yaml.MappingNode]:
    return getattr(node, "id", None) == "mapping"
