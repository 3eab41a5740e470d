"""Which licences are copyleft, as package metadata writes them: SPDX ids and expressions
(`AGPL-3.0-or-later`, `MIT OR GPL-2.0-only`), Debian's short names (`AGPL-3+`, `GPL-2+`,
`LGPL-2.1+`), Python classifiers' words and free text (`GNU Affero General Public License`).

Network copyleft (AGPL) is what the policy fails on: serving an AGPL program over a network
obliges publishing its source, which a service image does by running. Strong copyleft (GPL) is
listed as information: nearly every Linux distribution's base holds GPL programs (bash,
coreutils), whose obligations a container image meets by pointing to the distribution's
sources. An expression offering a choice (`MIT OR AGPL-3.0`) is not counted: the permissive
branch can be taken.
"""
from __future__ import annotations

import re

_AGPL = re.compile(r"\bAGPL|\bAffero\b", re.IGNORECASE)
_GPL = re.compile(r"(?<![AL])\bGPL|\bGNU General Public License", re.IGNORECASE)
_CHOICE = re.compile(r"\s(?:OR|or)\s|\|")


def copyleft(licence: str) -> str | None:
    """"AGPL", "GPL" or None."""
    if _CHOICE.search(licence):
        return None
    if _AGPL.search(licence):
        return "AGPL"
    if _GPL.search(licence):
        return "GPL"
    return None
