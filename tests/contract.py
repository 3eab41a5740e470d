"""The contract every hardened file keeps, as assertions the tests share.

- it still parses, with our parser and with BuildKit's own (PyPI `dockerfile`);
- every line no edit touched is still there, byte for byte, in the same order;
- every instruction no edit touched means the same to BuildKit;
- hardening the output again changes nothing.
"""
from __future__ import annotations

import difflib

import dockerfile

from bot.dockerfile.parser import parse
from bot.engine import harden_text
from bot.rules.rule import RuleSet


def oracle(text: str) -> list[tuple[str, str]]:
    return [(c.cmd.upper(), c.original.strip()) for c in dockerfile.parse_string(text)]


def touched_lines(text: str, hardened) -> set[int]:
    """Original line numbers (1-based) that an edit of the first pass lands on."""
    lines: set[int] = set()
    parsed = parse(text)
    for found in hardened.before:
        for edit in found.edits:
            first = parsed.line_of(edit.span.start)
            last = parsed.line_of(max(edit.span.end - 1, edit.span.start))
            lines.update(range(first, last + 1))
    return lines


def assert_contract(text: str, path: str, ruleset: RuleSet) -> None:
    hardened = harden_text(text, path, ruleset)
    output = hardened.text
    parse(output, path)
    after = oracle(output)

    touched = touched_lines(text, hardened)
    before_lines = text.split("\n")
    after_lines = output.split("\n")
    matcher = difflib.SequenceMatcher(None, before_lines, after_lines, autojunk=False)
    # Identical lines make the alignment ambiguous: a changed line passes when it, or a line
    # with the same bytes, was touched by an edit.
    touched_contents = {before_lines[n - 1] for n in touched if n <= len(before_lines)}
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        if tag in ("replace", "delete"):
            for index in range(i1, i2):
                assert index + 1 in touched or before_lines[index] in touched_contents, (
                    f"line {index + 1} changed without an edit: {before_lines[index]!r}")

    changed_originals = {c for c in oracle(text)} - set(after)
    for keyword, original in changed_originals:
        assert keyword in {"RUN", "ADD", "USER", "COPY", "FROM", "ARG"}, (keyword, original)

    again = harden_text(output, path, ruleset)
    assert again.text == output, "a second run changed the file again"
    assert not any(f.fixable for f in again.before)
