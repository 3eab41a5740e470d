"""DL3015 — `apt-get install` without `--no-install-recommends`.

Why: recommended packages widen the attack surface and the image, and nobody asked for them.
Fix: insert ` --no-install-recommends` right after `install`; nothing else on the line moves.
If the app relied on a package that only came as a recommendation, name it in the install.
Example: `apt-get install -y curl` → `apt-get install --no-install-recommends -y curl`.
"""
from __future__ import annotations

from collections.abc import Iterator

from bot.dockerfile.model import Dockerfile
from bot.model.findings import Finding
from bot.model.text import Edit
from bot.rules.base import RuleOptions, finding
from bot.rules.packages import apt

CODE = "DL3015"
NAME = "apt-get-no-install-recommends"
SEVERITY = "low"
KIND = "fix"
WHY = "recommended packages widen the attack surface and the image for nothing"
_OFF = ("false", "0", "no", "off")


def check(doc: Dockerfile, options: RuleOptions) -> Iterator[Finding]:
    for run in doc.runs():
        for script, command, install in apt(run, "install"):
            if command.has_option("--no-install-recommends"):
                continue
            settings = command.option_values("-o", "--option")
            if any(s.lower().startswith("apt::install-recommends=") and s.split("=", 1)[1].strip("\"'").lower() in _OFF
                   for s in settings):
                continue
            edit = Edit.insert(script.logical.original_end(install.end), " --no-install-recommends")
            yield finding(doc, CODE, run.instruction,
                          f"{command.name} install without --no-install-recommends", (edit,))
