"""Folders a Dockerfile hands to the non-root user it runs as: its shipped stage chowns them
once their files are in (`RUN chown -R app /app`) or makes them the user's home (`adduser
--home /app app`). A repository that does so for a folder shows its app writes there, which
another of its Dockerfiles working in the same folder needs too. `COPY --chown` is no such
sign: many Dockerfiles give the user its files out of habit, whether or not the app writes."""
from __future__ import annotations

import posixpath

from bot.dockerfile.arguments import positional_words
from bot.dockerfile.model import Dockerfile, is_root_user
from bot.rules.packages import user_homes

_CHOWN_VALUES = frozenset({"--from", "--reference"})


def handed_folders(doc: Dockerfile) -> list[tuple[str, str]]:
    """(folder, how, with its line) for each folder the final stage's lineage hands to a user,
    when the final stage runs as one that is not root; empty otherwise."""
    final = doc.final_stage
    user = final.last_before("USER")
    if user is None or is_root_user(user.rest.strip()):
        return []
    runs = {run.instruction.span.start: run for stage in final.lineage() for run in doc.runs(stage)}
    found: list[tuple[str, str]] = []
    workdir = "/"
    for inst in final.all_instructions():
        if inst.keyword == "WORKDIR":
            workdir = _folder(workdir, inst.rest.strip())
        elif inst.span.start in runs:
            run = runs[inst.span.start]
            for _, command in run.commands("chown"):
                found += [(_folder(workdir, word.value), f"line {inst.line} chowns it")
                          for word in positional_words(command.args(), _CHOWN_VALUES)[1:]
                          if not word.value.startswith("$")]
            found += [(_folder("/", home), f"line {inst.line} makes it a user's home") for home in user_homes(run)]
    return found


def _folder(workdir: str, path: str) -> str:
    return posixpath.normpath(posixpath.join(workdir, path.strip("\"'")))
