"""Python distributions: each `*.dist-info/METADATA` (core metadata, email-header format).

Licences, most precise first: `License-Expression` (PEP 639, SPDX), the `License ::`
classifiers, then a short `License:` field (a long one is the whole licence text, and says
nothing a match could rely on). Distributions under Debian's `/usr/lib/python3/dist-packages`
are left out: dpkg lists them, and their Debian-patched versions would be misjudged as PyPI's.
"""
from __future__ import annotations

import re
from dataclasses import field

from bot.inventory.lines import lines
from bot.model.policies import Package
from bot.record import record

DEBIAN_PYTHON = ("usr/lib/python3/dist-packages/", "usr/lib/python2.7/dist-packages/")
_CLASSIFIER = re.compile(r"^License :: (?:OSI Approved :: )?(.+)$")
_CLASSIFIER_NAMES = {
    "GNU Affero General Public License v3": "AGPL-3.0",
    "GNU Affero General Public License v3 or later (AGPLv3+)": "AGPL-3.0-or-later",
    "GNU General Public License v2 (GPLv2)": "GPL-2.0",
    "GNU General Public License v2 or later (GPLv2+)": "GPL-2.0-or-later",
    "GNU General Public License v3 (GPLv3)": "GPL-3.0",
    "GNU General Public License v3 or later (GPLv3+)": "GPL-3.0-or-later",
    "GNU Lesser General Public License v3 (LGPLv3)": "LGPL-3.0",
    "MIT License": "MIT",
    "Apache Software License": "Apache",
    "BSD License": "BSD",
}


def is_metadata_path(path: str) -> bool:
    return path.endswith(".dist-info/METADATA") and not path.startswith(DEBIAN_PYTHON)


def normalise(name: str) -> str:
    """PEP 503: what PyPI (and OSV's PyPI records) call a project."""
    return re.sub(r"[-_.]+", "-", name).lower()


@record(mutable=True)
class _Headers:
    """The few headers a distribution is known by; the rest of the file is not kept."""
    first: dict[str, str] = field(default_factory=dict)  # lower-case name → the first one's first line
    continued: set[str] = field(default_factory=set)  # names whose first one runs over several lines
    classified: dict[str, None] = field(default_factory=dict)  # licence classifiers, in order, once each


_KEPT = frozenset(("name", "version", "license-expression", "license"))


def _headers(metadata: str) -> _Headers:
    """Core metadata's email-style headers, up to the first blank line (the description
    follows it), read a line at a time."""
    headers, last = _Headers(), ""
    for line in lines(metadata):
        if not line:
            break
        if line[0] in " \t":
            if last:
                headers.continued.add(last)
            continue
        name, colon, value = line.partition(":")
        name, value, last = name.strip().lower(), value.strip(), ""
        if not colon:
            break
        if name == "classifier":
            match = _CLASSIFIER.match(value)
            if match and match.group(1) != "OSI Approved":
                headers.classified[_CLASSIFIER_NAMES.get(match.group(1), match.group(1))] = None
        elif name in _KEPT and name not in headers.first:
            headers.first[name], last = value, name
    return headers


def distribution(metadata: str, location: str) -> Package | None:
    headers = _headers(metadata)
    name, version = headers.first.get("name"), headers.first.get("version")
    if not name or not version:
        return None
    return Package("PyPI", normalise(name), version, licences=licences(headers), location=location)


def licences(headers: _Headers) -> tuple[str, ...]:
    expression = headers.first.get("license-expression", "")
    if expression:
        return (expression,)
    if headers.classified:
        return tuple(headers.classified)
    short = headers.first.get("license", "")
    return (short,) if short and "license" not in headers.continued and len(short) <= 80 \
        and short.upper() != "UNKNOWN" else ()
