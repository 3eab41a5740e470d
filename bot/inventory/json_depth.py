"""JSON read out of an image (a saved image's manifest.json and configuration, each
package.json), its nesting measured in one pass before `json.loads` is let at it: the
decoder recurses once a level, so `[[[[…` 200,000 deep ends in a RecursionError, which is no
ValueError and once ended the whole run."""
from __future__ import annotations

import json
import re

_STRUCTURE = re.compile(r'[\[\]{}"]')
# The rest of a string after its opening quote: runs without a quote or backslash, and escapes.
# Unrolled so that it never backtracks more than once a character.
_STRING_REST = re.compile(r'[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)


class JsonTooDeep(ValueError):
    def __init__(self, depth: int):
        super().__init__(f"nests deeper than {depth}")
        self.depth = depth


def loads(text: str, max_depth: int) -> object:
    """json.loads, after making sure no array or object nests deeper than `max_depth`
    (JsonTooDeep); other bad JSON is json's own ValueError."""
    depth, position = 0, 0
    while match := _STRUCTURE.search(text, position):
        char = match.group()
        if char == '"':
            rest = _STRING_REST.match(text, match.end())
            if rest is None:
                break  # an unterminated string: json.loads says so
            position = rest.end()
            continue
        depth += 1 if char in "[{" else -1
        if depth > max_depth:
            raise JsonTooDeep(max_depth)
        position = match.end()
    return json.loads(text)
