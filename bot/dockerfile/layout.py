"""Where new lines go, written the way the file already writes its lines.

New instructions take the file's line ending, keyword case and the indentation of the
instruction they sit beside; commands appended to a RUN follow its continuation style.
"""
from __future__ import annotations

from bot.dockerfile.model import Dockerfile, Run, ShellScript, Stage
from bot.dockerfile.parser import Instruction
from bot.dockerfile.shell import sets_errexit
from bot.lazy_regex import lazy_compile
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


def append_to_stage(doc: Dockerfile, stage: Stage, lines: list[str]) -> Edit | None:
    """New lines at the end of the stage; None when the file ends there inside a line
    continuation (its last line ends with the escape character): Docker would join whatever
    comes next to that instruction (see `open_continuation`)."""
    last = stage.instructions[-1] if stage.instructions else stage.from_
    if open_continuation(doc, last) is not None:
        return None
    return insert_after(doc, last, lines)


def open_continuation(doc: Dockerfile, inst: Instruction) -> int | None:
    """The line of `inst`'s last line when it ends with the escape character and nothing follows
    in the file (`    fi \\` at the end): the continuation is left open, harmless alone, but a line
    added after it would become part of `inst`. None otherwise."""
    if inst.next_line_start < len(doc.text.rstrip()):
        return None
    body = doc.text[inst.line_start:inst.next_line_start].rstrip()
    if not body.endswith(doc.escape):
        return None
    return inst.line + body.count("\n")


def file_start(doc: Dockerfile) -> int:
    return doc.parsed.body_start


def append_command(doc: Dockerfile, run: Run, script: ShellScript, command: str) -> Edit | None:
    """`command` joined to the end of `script` with `&&`, in the RUN's own layout.

    A heredoc script gets it on a line of its own, and a script ending in `;` after that `;`,
    when the script stops at a failing command (`set -e`); one that carries on gets ` && command`
    after its last command instead, on that command's line: a RUN's status is its last
    command's, and an added command of its own would hide that one's failure.
    None when there is no safe place: the script ends in a comment, a dangling operator, or a
    command after which nothing runs (`exit 0`, `exec …`).
    """
    if script.script.comment_start is not None:
        return None
    commands = [c for c in script.script.commands if c.words]  # `}` and `fi` close a compound: no program
    if commands and commands[-1].name in ("exit", "exec", "return"):
        return None  # nothing after it runs
    stops = _stops_at_a_failure(run, script)
    if script.is_heredoc:
        return _append_heredoc_line(doc, script, command) if stops else _join_to_last_command(script, command)
    body = script.logical.text.rstrip()
    if not body or body.endswith(("&", "||", "|", "\\")):
        return None  # nothing to join to, a background job, or a dangling operator
    joiner = " " if body.endswith(";") else " && "
    if joiner == " " and not stops:
        return _join_to_last_command(script, command)
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


# A shell's option cluster that does the same: `bash -e`, `SHELL ["/bin/ash", "-eo", "pipefail", "-c"]`.
_ERREXIT_OPTION = lazy_compile(r"-[a-z]*e[a-z]*")


def _stops_at_a_failure(run: Run, script: ShellScript) -> bool:
    """Whether `script` stops at its first failing command: it sets -e itself, or the shell
    that runs it has -e (a heredoc's `RUN <<EOT bash -e`, else the SHELL in effect)."""
    if sets_errexit(script.script.commands):
        return True
    if script.is_heredoc:
        words = [w for w in run.instruction.args.slice(run.instruction.rest_start).text.split() if "<<" not in w]
        if words:  # `RUN <<EOT bash -e`: that shell runs the body, whatever SHELL says
            return any(_ERREXIT_OPTION.fullmatch(word) for word in words[1:])
    shell = run.stage.last_before("SHELL", run.instruction)
    arguments = shell.json_args if shell is not None else None
    return bool(arguments) and any(_ERREXIT_OPTION.fullmatch(a) for a in arguments[1:])


def _join_to_last_command(script: ShellScript, command: str) -> Edit | None:
    """` && command` right after the script's last command (`fi && command` after an if): its
    status stays the RUN's when it fails. None when something other than `;` and blank lines
    follows that command (a closing parenthesis, a dangling operator)."""
    commands = [c for c in script.script.commands if c.words]
    if not commands or commands[-1].separator_after not in ("", ";", "\n"):
        return None
    last = commands[-1]
    if script.logical.text[last.end:].strip(" \t\r\n;"):
        return None
    return Edit.insert(script.logical.original_end(last.end), f" && {command}")


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
