"""A planned multi-stage split (`split_plan.Split`) as edits: the builder stage inserted above
the final stage, the moved RUNs taken out of it, and the last install replaced by the COPY of
its result.

The builder's lines are copies of the file's own, byte for byte (continuations, comments inside
them, heredocs, line endings); the only text changed in a copy is pip's `--prefix`. New lines
(the builder's FROM, the COPY --from) take the file's keyword case and line ending.
"""
from __future__ import annotations

from bot.dockerfile.layout import comment_block_start, insert_before
from bot.dockerfile.model import Dockerfile, Run
from bot.dockerfile.parser import Instruction
from bot.model.text import Edit, Span, apply_edits
from bot.rules.packages import pip_installs
from bot.rules.split_plan import Split


def split_edits(doc: Dockerfile, split: Split) -> tuple[Edit, ...]:
    moved = {id(inst) for inst in split.moved}
    runs = {id(run.instruction): run for run in doc.runs(split.stage)}
    builder = [_from_line(doc, split)]
    for inst in split.builder:
        start = comment_block_start(doc, inst) if id(inst) in moved and inst is not split.last else inst.line_start
        builder.append(_without_newline(_copy(doc, inst, runs.get(id(inst)), start, split.prefix)))
    edits = [insert_before(doc, split.stage.from_, [*builder, ""])]
    for inst in split.moved:
        if inst is split.last:
            copy = f"{doc.keyword('COPY')} --from={split.name} {split.source} {split.target}"
            edits.append(Edit(inst.span, copy))
        else:
            edits.append(Edit(Span(comment_block_start(doc, inst), inst.next_line_start), ""))
    return tuple(edits)


def _from_line(doc: Dockerfile, split: Split) -> str:
    from_ = split.stage.from_
    flags = from_.args.text[: from_.rest_start].strip()
    words = [doc.keyword("FROM"), *([flags] if flags else []), split.stage.base, doc.keyword("AS"), split.name]
    return " ".join(words)


def _copy(doc: Dockerfile, inst: Instruction, run: Run | None, start: int, prefix: str | None) -> str:
    """The instruction's lines from `start`, with `--prefix` given to each pip install."""
    edits = []
    if prefix is not None and run is not None:
        for script, _, sub in pip_installs(run):
            at = script.logical.original_end(sub.end) - start
            edits.append(Edit.insert(at, f" --prefix={prefix}"))
    return apply_edits(doc.text[start : inst.next_line_start], edits)


def _without_newline(text: str) -> str:
    if text.endswith("\r\n"):
        return text[:-2]
    return text[:-1] if text.endswith("\n") else text
