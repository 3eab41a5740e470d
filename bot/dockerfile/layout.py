"""Where new lines go, written the way the file already writes its lines.

New instructions take the file's line ending, keyword case and the indentation of the
instruction they sit beside; commands appended to a RUN follow its continuation style.
"""
from __future__ import annotations

from bot.dockerfile.model import Dockerfile, Run, ShellScript, Stage
from bot.dockerfile.parser import Instruction
from bot.model.text import Edit


def _indent_of(doc: Dockerfile, inst: Instruction) -> str:
    line = doc.text[inst.line_start : inst.keyword_span.start]
    return line if not line.strip() else ""


def comment_block_start(doc: Dockerfile, inst: Instruction) -> int:
    """The offset of the comments directly above `inst` (they belong to it), else its line."""
    line = inst.line
    comments = doc.parsed.comments
    while line - 1 in comments and line - 1 > len(doc.parsed.directives):
        line -= 1
    return doc.parsed.line_starts[line - 1] if line != inst.line else inst.line_start


def _after_heredoc(doc: Dockerfile, at: int) -> bool:
    """Whether `at` starts the line right after a heredoc's terminator: hadolint cannot read an
    instruction there, so new lines keep a blank line from it."""
    return any(inst.heredocs and inst.next_line_start == at for inst in doc.instructions)


def insert_before(doc: Dockerfile, inst: Instruction, lines: list[str]) -> Edit:
    """New lines just above `inst` (and above the comments that describe it)."""
    at = comment_block_start(doc, inst)
    newline = doc.line_newline(at)
    indent = _indent_of(doc, inst)
    gap = newline if _after_heredoc(doc, at) else ""
    return Edit.insert(at, gap + "".join(indent + line + newline for line in lines))


def insert_after(doc: Dockerfile, inst: Instruction, lines: list[str]) -> Edit:
    """New lines just below `inst`."""
    at = inst.next_line_start
    indent = _indent_of(doc, inst)
    if at == len(doc.text) and not doc.text.endswith("\n"):
        newline = doc.newline
        return Edit.insert(at, "".join(newline + indent + line for line in lines))
    newline = doc.line_newline(inst.line_start)
    gap = newline if _after_heredoc(doc, at) else ""
    return Edit.insert(at, gap + "".join(indent + line + newline for line in lines))


def append_to_stage(doc: Dockerfile, stage: Stage, lines: list[str]) -> Edit:
    last = stage.instructions[-1] if stage.instructions else stage.from_
    return insert_after(doc, last, lines)


def file_start(doc: Dockerfile) -> int:
    return doc.parsed.body_start


def append_command(doc: Dockerfile, run: Run, script: ShellScript, command: str) -> Edit | None:
    """`command` joined to the end of `script` with `&&`, in the RUN's own layout.

    None when there is no safe place: the script ends in a comment or a dangling operator.
    """
    if script.script.comment_start is not None:
        return None
    if script.is_heredoc:
        return _append_heredoc_line(doc, script, command)
    body = script.logical.text.rstrip()
    if not body or body.endswith(("&", "||", "|", "\\")):
        return None  # nothing to join to, a background job, or a dangling operator
    joiner = " " if body.endswith(";") else " && "
    at = script.logical.original_end(len(body))
    lines = run.instruction.physical_lines
    if len(lines) == 1 or joiner == " ":
        return Edit.insert(at, joiner + command)
    continuation = [doc.text[span.start : span.end] for span in lines[1:]]
    leading = [line for line in continuation if line.lstrip().startswith(("&&", "||"))]
    newline = doc.line_newline(lines[-1].start)
    escape = doc.escape
    if leading:
        indent = leading[-1][: len(leading[-1]) - len(leading[-1].lstrip())]
        return Edit.insert(at, f" {escape}{newline}{indent}&& {command}")
    indent = min((line[: len(line) - len(line.lstrip())] for line in continuation), key=len)
    return Edit.insert(at, f" && {escape}{newline}{indent}{command}")


def _append_heredoc_line(doc: Dockerfile, script: ShellScript, command: str) -> Edit | None:
    heredoc = script.heredoc
    assert heredoc is not None
    body = doc.text[heredoc.body.start : heredoc.body.end]
    stripped = body.rstrip()
    if stripped.endswith(("&&", "||", "|", "\\")):
        return None
    last_line = stripped.rsplit("\n", 1)[-1]
    indent = last_line[: len(last_line) - len(last_line.lstrip())]
    newline = doc.line_newline(heredoc.body.start)
    return Edit.insert(heredoc.terminator_line_start, f"{indent}{command}{newline}")
