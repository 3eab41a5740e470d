"""The script files a RUN runs, read from the build context (never run): `COPY common.sh lib.sh /`
then `RUN /common.sh` does what common.sh says, and what the scripts it sources (`. lib.sh`)
define. A rule that judges a layer by its commands reads them too: a helper script's `apt-get
update` leaves package lists in that layer as surely as one written in the RUN."""
from __future__ import annotations

import posixpath
from collections.abc import Iterator

from bot.dockerfile.model import Dockerfile, Run
from bot.dockerfile.start_scripts import SHELLS, copied_from
from bot.lazy_regex import lazy_compile
from bot.rules.rule import RuleContext

# The scripts one RUN's script files may source, read at most (a loop of sourcing ends there).
MAX_SCRIPTS = 8
# The script paths of one file looked for in its COPY and ADD instructions, at most.
MAX_PATHS = 256
# `. lib.sh`, `source "/opt/lib.sh"` at the start of a line.
_SOURCED = lazy_compile(r"(?m)^[ \t]*(?:\.|source)[ \t]+[\"']?([^\s\"';&|]+)")


def script_texts(doc: Dockerfile, run: Run, context: RuleContext) -> Iterator[tuple[str, str]]:
    """(the script as the RUN names it, its text followed by the texts of the scripts it
    sources) for each local script a command of the RUN runs (`/common.sh`, `./install.sh x`,
    `bash scripts/setup.sh`, from the RUN's WORKDIR or where a `cd` before it went) that a COPY
    or ADD of the build context put there and that can be read; when the context lacks it, the
    repository's files of that name (a few at most) are read instead: a build script copies it
    in before `docker build`. Nothing when the texts are not on disk."""
    if context.context_file is None:
        return
    for script in run.scripts:
        here = run.stage.working_folder(run.instruction)  # the WORKDIR of the RUN, then where `cd` goes
        for command in script.script.commands:
            if not command.argv:
                continue
            args = [w.value for w in command.args()]
            if command.argv[0].value == "cd":
                target = next((a for a in args if not a.startswith("-")), None)
                if target is not None and "$" not in target and not target.startswith("~"):
                    here = posixpath.normpath(posixpath.join(here, target))
                continue
            named = _script_named(command.argv[0].value, args)
            if named is None:
                continue
            path = posixpath.normpath(posixpath.join(here, named))
            texts = _read_with_sourced(doc, run, context, path)
            if not texts and context.same_named is not None and _copied_from(doc, run, path) is not None:
                # Copied from the build context, which lacks it: a build script puts it there
                # from elsewhere in the repository (`cp utils/*.sh debian/`), the file of that name.
                texts = list(context.same_named(posixpath.basename(path)))
            if texts:
                yield named, "\n".join(texts)


def _script_named(program: str, args: list[str]) -> str | None:
    """The script file a command runs: itself when it is a path (`/common.sh`, `./x.sh`), or the
    first operand of a shell (`bash setup.sh`); None for a program found on PATH."""
    if program.rsplit("/", 1)[-1] in SHELLS:
        operands = [a for a in args if not a.startswith("-")]
        if not operands or any(a == "-c" for a in args):
            return None
        return operands[0]
    return program if "/" in program or program.endswith(".sh") else None


def _copied_from(doc: Dockerfile, run: Run, path: str) -> str | None:
    """`copied_from`, once per stage and path in a file: many RUNs run the same script."""
    known = doc.derived.setdefault("script_files.copied_from", {})
    assert isinstance(known, dict)
    key = (id(run.stage), path)
    if key not in known:
        if len(known) >= MAX_PATHS:
            return None  # a file of thousands of scripts: each is looked for across the stage, so no more are
        known[key] = copied_from(run.stage, path)
    return known[key]


def _read_with_sourced(doc: Dockerfile, run: Run, context: RuleContext, path: str) -> list[str]:
    texts: list[str] = []
    pending, seen = [path], set()
    while pending and len(seen) < MAX_SCRIPTS:
        path = pending.pop(0)
        if path in seen:
            continue
        seen.add(path)
        source = _copied_from(doc, run, path)
        text = context.context_file(doc.path, source) if source is not None and context.context_file else None
        if text is None:
            continue
        texts.append(text)
        here = posixpath.dirname(path)
        pending += [posixpath.normpath(posixpath.join(here, m.group(1))) for m in _SOURCED.finditer(text)
                    if "$" not in m.group(1)]
    return texts
