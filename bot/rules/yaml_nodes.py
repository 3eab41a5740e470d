"""Walking composed YAML nodes (PyYAML's `compose`, which keeps each node's marks): a mapping's
value by key, merge keys followed, and its string-keyed entries. Shared by the workflow rules
and the YAML source kinds (`bot/sources/yaml_scalars.py`)."""
from __future__ import annotations

from collections.abc import Iterator

import yaml

MERGE_TAG = "tag:yaml.org,2002:merge"


def get(node: yaml.Node | None, key: str, depth: int = 0) -> yaml.Node | None:
    """The value of `key` in a mapping, its own or merged in (`<<: *base`, `<<: [*a, *b]`):
    as YAML merges, a key of the mapping's own wins, then the first merged mapping that has it."""
    if not isinstance(node, yaml.MappingNode) or depth > 32:  # an alias may point back at its own mapping
        return None
    merged = []
    for key_node, value in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.tag == MERGE_TAG:
            merged.extend(value.value if isinstance(value, yaml.SequenceNode) else [value])
        elif isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            return value
    return next((found for source in merged if (found := get(source, key, depth + 1)) is not None), None)


def items(node: yaml.Node | None) -> Iterator[tuple[str, yaml.Node]]:
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag != MERGE_TAG:
                yield key_node.value, value
