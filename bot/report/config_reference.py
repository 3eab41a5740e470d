"""The configuration reference of `docs/configuration.md`, rendered from the configuration's
JSON Schema (`bot/config_schema.py`): one row per key, nested keys written with dots."""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any


def render_reference(schema: dict[str, Any]) -> str:
    lines = ["| key | value | default | what it does |", "|---|---|---|---|"]
    for key, node in _rows("", schema):
        default = node.get("default", "")
        default = f"`{default if isinstance(default, str) else json.dumps(default)}`" if "default" in node else ""
        what = node.get("description", "")
        lines.append(f"| `{key}` | {_value(node)} | {default} | {_cell(what)} |")
    return "\n".join(lines) + "\n"


def _rows(prefix: str, node: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(dotted key, its schema) for every key with a name of its own, depth first."""
    for key, child in node.get("properties", {}).items():
        if prefix == "rules.":
            continue  # the codes are one row, `rules.<CODE>`
        name = f"{prefix}{key}"
        yield name, child
        if key == "rules" and not prefix:
            yield "rules.<CODE>", {"enum": child["properties"][next(iter(child["properties"]))]["enum"],
                                   "description": "one of " + ", ".join(f"`{code}`" for code in child["properties"])}
        yield from _rows(name + ".", _object_part(child))
        entries = _object_part(child).get("additionalProperties")
        if isinstance(entries, dict) and "properties" in entries:
            yield from _rows(f"{name}.<glob>.", entries)


def _object_part(node: dict[str, Any]) -> dict[str, Any]:
    """The mapping form of a value that may also be written another way (`base-recommendation: off`)."""
    for choice in node.get("anyOf", []):
        if choice.get("type") == "object":
            return choice
    return node


def _value(node: dict[str, Any]) -> str:
    if "enum" in node:
        return " \\| ".join(f"`{json.dumps(v)}`" if not isinstance(v, str) else f"`{v}`" for v in node["enum"])
    if "anyOf" in node:
        return " or ".join(_value(choice) for choice in node["anyOf"])
    kinds = node.get("type", "")
    kinds = [k for k in (kinds if isinstance(kinds, list) else [kinds]) if k != "null"]
    kind = kinds[0] if len(kinds) == 1 else " or ".join(kinds)
    if kind == "integer":
        return f"whole number {node['minimum']}–{node['maximum']}"
    if kind == "array":
        items = node.get("items", {})
        return f"list of {_value(items) if 'enum' in items else _plural(items)}"
    if kind == "object":
        values = node.get("additionalProperties")
        if isinstance(values, dict) and "enum" in values:
            return f"mapping to {_value(values)}"
        return "mapping"
    return kind or "any"


def _plural(node: dict[str, Any]) -> str:
    kind = node.get("type", "value")
    return {"string": "strings", "integer": "whole numbers", "object": "mappings"}.get(kind, kind)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
