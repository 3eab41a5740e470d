"""The contract every hardened file keeps, as assertions the tests share.

- it still parses, with our parser and with BuildKit's own (PyPI `dockerfile`);
- before and after, our instructions and their lines are those a second, independent reader
  (PyPI `dockerfile-parse`) finds, wherever it reads Dockerfiles as BuildKit does;
- every line no edit touched is still there, byte for byte, in the same order;
- every instruction no edit touched means the same to BuildKit;
- hardening the output again changes nothing.
"""
from __future__ import annotations

import io

import dockerfile
from dockerfile_parse import DockerfileParser

from bot.dockerfile.parser import parse
from bot.engine import harden_text
from bot.rules.rule import RuleSet


def oracle(text: str) -> list[tuple[str, str]]:
    return [(c.cmd.upper(), c.original.strip()) for c in dockerfile.parse_string(text)]


def dockerfile_parse_instructions(text: str) -> list[tuple[str, int, int]]:
    r"""(keyword, first line, last line), 1-based, as dockerfile-parse reads the text.

    It is given bytes because it then splits lines at `\n` only, as BuildKit does (from a str
    it would also split at `\r`, `\f`, U+2028 …). A leading BOM is left out: BuildKit skips it,
    dockerfile-parse would read it as part of the first word (`\ufeffFROM`, or a `# escape=`
    line it no longer recognises); removing it moves no line. A keyword written against the
    escape (`FROM\` then `  alpine` on the next line) it reads with the escape (`FROM\`); BuildKit
    joins the lines first, so the escape is left out of its keyword here.
    """
    source = io.BytesIO(text.removeprefix("\ufeff").encode("utf-8", errors="surrogateescape"))
    return [
        (entry["instruction"].rstrip("\\`"), entry["startline"] + 1, entry["endline"] + 1)
        for entry in DockerfileParser(fileobj=source).structure
        if entry["instruction"] != "COMMENT"
    ]


def assert_dockerfile_parse_agrees(text: str) -> None:
    r"""Our instructions, in order, with their first and last lines, are dockerfile-parse's.

    dockerfile-parse does not know heredocs: it ends a heredoc instruction on the last line of
    its header and reads each body and terminator line as an instruction of its own (`APT-GET`,
    `EOF`) or a comment. So for an instruction with heredocs only the header's last line is
    compared as its end, and what dockerfile-parse reads between that line and our end line is
    left out, provided it starts and ends there.

    It also reads these differently from BuildKit (and from us), but no input here has them,
    so nothing is left out for them; a fixture that has one fails here and needs its own rule:
    an empty or blank line inside a continuation ends the instruction there; a file that ends
    inside a continuation loses its last instruction; a last line holding only a keyword and
    no newline is dropped.
    """
    parsed = parse(text)
    ours = []
    heredoc_bodies = []  # (first, last) line of the body and terminator lines of each heredoc instruction
    for instruction in parsed.instructions:
        end_line = instruction.end_line
        if instruction.heredocs:
            end_line = parsed.line_of(instruction.physical_lines[-1].start)
            heredoc_bodies.append((end_line + 1, instruction.end_line))
        ours.append((instruction.keyword, instruction.line, end_line))
    theirs = [
        (keyword, first, last)
        for keyword, first, last in dockerfile_parse_instructions(text)
        if not any(start <= first and last <= end for start, end in heredoc_bodies)
    ]
    assert ours == theirs, f"dockerfile-parse reads {theirs}, we read {ours}"


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
    assert_dockerfile_parse_agrees(text)
    assert_dockerfile_parse_agrees(output)

    touched = touched_lines(text, hardened)
    before_lines = text.split("\n")
    after_lines = output.split("\n")
    # Every line no edit touched stands in the output, byte for byte and in its order. (A diff's
    # alignment is not the measure: identical blocks hardened differently, a second install of
    # what is installed already, align ambiguously.)
    remaining = iter(after_lines)
    for number, line in enumerate(before_lines, 1):
        if number not in touched:
            assert any(line == candidate for candidate in remaining), (
                f"line {number} changed without an edit: {line!r}")

    changed_originals = {c for c in oracle(text)} - set(after)
    for keyword, original in changed_originals:
        assert keyword in {"RUN", "ADD", "USER", "COPY", "FROM", "ARG"}, (keyword, original)

    again = harden_text(output, path, ruleset)
    assert again.text == output, "a second run changed the file again"
    assert not any(f.fixable for f in again.before)
