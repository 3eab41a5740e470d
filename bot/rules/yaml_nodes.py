"""Walking composed YAML nodes (PyYAML's `compose`, which keeps each node's marks): a mapping's
value by key, and its string-keyed entries. Shared by the workflow rules and the YAML source
kinds (`bot/sources/yaml_scalars.py`)."""
from __future__ import annotations

from collections.abc import Iterator

import yaml


def get(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                return value
    return None


def items(node: yaml.Node | None) -> Iterator[tuple[str, yaml.Node]]:
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                yield key_node.value, value
