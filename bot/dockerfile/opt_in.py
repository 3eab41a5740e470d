"""RUNs that do their work only when the build is asked to: the whole RUN is one `if` on a
build argument that has no default (`ARG ADDRESS_SANITIZER` then `RUN if [ "$ADDRESS_SANITIZER"
= "1" ]; then apt-get … ; fi`), or whose default the `if` turns away (`ARG DEBUG=false` then `RUN if [
"$DEBUG" == "true" ]; then …`). The default build skips it, so what it installs is in a debug or
test variant, not in the image that ships: trimming its size changes nothing anyone keeps."""
from __future__ import annotations

import re

from bot.dockerfile.model import Dockerfile, Run
from bot.lazy_regex import lazy_compile

# `if [ "$X" = "1" ]; then … fi`, `if [ -n "${X}" ]; then … fi`, `[`/`[[`/`test`: the RUN is that one `if`.
_WHOLE_IF = lazy_compile(
    r"""\s*if\s+(?:\[\[?|test)\s+(?:-n\s+"?\$\{?(?P<set>\w+)\}?"?"""
    r"""|"?\$\{?(?P<equal>\w+)\}?"?\s+==?\s+["']?(?P<value>[\w.-]+)["']?)\s*(?:\]\]?)?\s*;?\s*then\b.*\bfi\s*;?\s*""",
    re.DOTALL)


def opt_in_argument(doc: Dockerfile, run: Run) -> str | None:
    """The build argument the RUN's work waits for, None: it runs in the default build."""
    if len(run.scripts) != 1 or not run.scripts[0].logical.text.lstrip().startswith("if"):
        return None
    match = _WHOLE_IF.fullmatch(run.scripts[0].logical.text)
    if match is None:
        return None
    name = match.group("set") or match.group("equal")
    declared = [arg.instruction for arg in doc.declared_args]
    declared += [inst for stage in reversed(run.stage.lineage()) for inst in stage.instructions
                 if inst.keyword == "ARG" and inst.line < run.instruction.line]
    words = [word for inst in declared for word in inst.rest.split()]
    if not any(w == name or w.startswith(f"{name}=") for w in words):
        return None  # not a build argument here
    defaults = [w.split("=", 1)[1].strip("\"'") for w in words if w.startswith(f"{name}=") and w != f"{name}="]
    if defaults and (match.group("value") is None or defaults[-1] == match.group("value")):
        return None  # a default the default build uses, and the `if` lets it through
    return name
