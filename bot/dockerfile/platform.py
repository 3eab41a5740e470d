"""Whether a stage builds a Windows container. A multi-platform tag (`python:3.11`) names
Windows variants too, so the base's name alone often cannot tell: the stage's own shell and
paths can. Rules that write Linux commands (`useradd`, a slimmer Linux tag) leave such a stage
alone or only report."""
from __future__ import annotations

import re

from bot.dockerfile.model import Stage
from bot.lazy_regex import lazy_compile

WINDOWS_BASE_WORDS = ("windowsservercore", "nanoserver", "mcr.microsoft.com/windows/")
WINDOWS_SHELLS = frozenset({"powershell", "powershell.exe", "cmd", "cmd.exe"})
_DRIVE_PATH = lazy_compile(r"""^["']?[A-Za-z]:[\\/]""")


def windows_evidence(stage: Stage) -> str | None:
    """What in the stage (or a stage it is built on) says it is a Windows container, None: nothing."""
    base = stage.external_base or ""
    if any(word in base.lower() for word in WINDOWS_BASE_WORDS):
        return f"its base {base} is a Windows image"
    for inst in stage.all_instructions():
        if inst.keyword == "SHELL":
            words = list(inst.json_args or ())
            program = re.split(r"[\\/]", words[0])[-1].lower() if words else ""
            if program in WINDOWS_SHELLS:
                return f"its SHELL at line {inst.line} is {words[0]}, a Windows shell"
        elif inst.keyword == "WORKDIR" and _DRIVE_PATH.match(inst.rest.strip()):
            return f"its WORKDIR at line {inst.line} is a Windows path"
    return None
