"""What a Dockerfile makes the engine fetch over the network on its behalf, besides images.

Why: BuildKit fetches an `ADD <url>` or `ADD <git repository>` source itself, with the engine's
own network, whatever `--network none` says: a file could have the runner's engine reach any
address the runner can (cloud metadata, services on its network), and the answer would land in
a build log. A verify build never does: such a file is not built, and its edits stand unproven.
A source behind a variable may expand to a URL (an ARG default, a build argument), so it is
not built either.
"""
from __future__ import annotations

from bot.dockerfile.parser import parse
from bot.model.text import escape_controls, excerpt
from bot.verify.frontends import BuildRefused

# What BuildKit fetches rather than reads from the context: URLs, and its git forms.
_REMOTE_PREFIXES = ("git@", "github.com/")


class RemoteSourceRefused(BuildRefused):
    """The file has the engine fetch a source from the network."""


def fetching_nothing(text: str, path: str) -> str:
    """`text`, to build; RemoteSourceRefused for its first ADD whose source the engine would
    fetch (or may, being behind a variable)."""
    for inst in parse(text, path).instructions:
        if inst.keyword != "ADD":
            continue
        for source in inst.words[:-1]:
            if "<<" in source:
                continue  # a heredoc: text of the file itself
            if _remote(source):
                shown = escape_controls(excerpt(source, 100))
                raise RemoteSourceRefused(f"line {inst.line}: ADD {shown} is fetched by the engine with its own "
                                          "network, whatever --network none says: not built")
    return text


def _remote(source: str) -> bool:
    lowered = source.strip("\"'").lower()
    return "://" in lowered or lowered.startswith(_REMOTE_PREFIXES) or "$" in lowered
