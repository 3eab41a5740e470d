"""What a step hands back to the GitHub Actions runner through files: its outputs
($GITHUB_OUTPUT) and its job summary ($GITHUB_STEP_SUMMARY).

The runner reads $GITHUB_OUTPUT a line at a time: `name=value`, or `name<<DELIMITER`, the
value's lines, then the delimiter alone. A value holding a line break (a branch or file name
can) written as `name=value` would start a line of its own and set any output it likes; so
such a value goes between delimiters drawn at random and absent from it, which nothing a
repository holds can guess or end early."""
from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from pathlib import Path

_NAME = re.compile(r"[A-Za-z0-9_-]+")
_LINE_BREAK = re.compile("[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")  # every one str.splitlines breaks at


def output_lines(outputs: Mapping[str, str]) -> str:
    """The text appended to $GITHUB_OUTPUT for `outputs`, each value exactly as given."""
    text = []
    for name, value in outputs.items():
        if not _NAME.fullmatch(name):
            raise ValueError(f"output name {name!r} is not one the runner reads")
        if not _LINE_BREAK.search(value):
            text.append(f"{name}={value}\n")
            continue
        delimiter = _delimiter()
        while delimiter in value:
            delimiter = _delimiter()
        text.append(f"{name}<<{delimiter}\n{value}\n{delimiter}\n")
    return "".join(text)


def write_outputs(path: Path, outputs: Mapping[str, str]) -> None:
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(output_lines(outputs))


def append_summary(path: Path, markdown: str) -> None:
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(markdown)


def _delimiter() -> str:
    return f"hardenbot_{secrets.token_hex(16)}"
