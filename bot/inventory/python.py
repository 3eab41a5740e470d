"""Python distributions: each `*.dist-info/METADATA` (core metadata, email-header format).

Licences, most precise first: `License-Expression` (PEP 639, SPDX), the `License ::`
classifiers, then a short `License:` field (a long one is the whole licence text, and says
nothing a match could rely on). Distributions under Debian's `/usr/lib/python3/dist-packages`
are left out: dpkg lists them, and their Debian-patched versions would be misjudged as PyPI's.
"""
from __future__ import annotations

import re
from email.parser import HeaderParser

from bot.model.policies import Package

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


def distribution(metadata: str, location: str) -> Package | None:
    headers = HeaderParser().parsestr(metadata, headersonly=True)
    name, version = headers.get("Name"), headers.get("Version")
    if not name or not version:
        return None
    return Package("PyPI", normalise(name.strip()), version.strip(), licences=licences(headers), location=location)


def licences(headers) -> tuple[str, ...]:
    expression = (headers.get("License-Expression") or "").strip()
    if expression:
        return (expression,)
    classified = []
    for classifier in headers.get_all("Classifier") or []:
        match = _CLASSIFIER.match(classifier.strip())
        if match and match.group(1) != "OSI Approved":
            classified.append(_CLASSIFIER_NAMES.get(match.group(1), match.group(1)))
    if classified:
        return tuple(dict.fromkeys(classified))
    field = (headers.get("License") or "").strip()
    return (field,) if field and "\n" not in field and len(field) <= 80 and field.upper() != "UNKNOWN" else ()
