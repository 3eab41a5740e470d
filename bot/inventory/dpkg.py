"""Debian packages: dpkg's status database (`/var/lib/dpkg/status`, or one file a package under
`/var/lib/dpkg/status.d/` as distroless images keep them) and the machine-readable copyright
files (`/usr/share/doc/<package>/copyright`) for licences.

Debian's advisories (DSA, DLA, DEBIAN-CVE) name source packages, so each installed binary is
looked up by its `Source:` field (`libssl3` → `openssl`), with the source version when the
field gives one (`Source: glibc (2.36-9)`).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from bot.model.policies import Package

_SOURCE = re.compile(r"^(\S+)(?:\s+\((\S+)\))?$")
COPYRIGHT_FORMAT = "copyright-format/1.0"


def paragraphs(text: str) -> Iterator[dict[str, str]]:
    """RFC 822-style paragraphs (deb822): `Field: value`, continuation lines starting with a
    space; blank lines between paragraphs. Continuations are kept, joined by newlines."""
    fields: dict[str, str] = {}
    last = None
    for line in text.splitlines():
        if not line.strip():
            if fields:
                yield fields
            fields, last = {}, None
        elif line[0] in " \t":
            if last is not None:
                fields[last] += "\n" + line.strip()
        elif ":" in line:
            name, _, value = line.partition(":")
            last = name.strip().lower()
            fields[last] = value.strip()
    if fields:
        yield fields


def installed_packages(status: str, ecosystem: str, location: str) -> list[Package]:
    """The installed packages of a dpkg status file (a paragraph without Status, as in
    status.d, counts as installed)."""
    found = []
    for fields in paragraphs(status):
        state = fields.get("status", "install ok installed").split()
        if state[-1:] != ["installed"] or "package" not in fields or "version" not in fields:
            continue
        binary, version = fields["package"], fields["version"]
        source, source_version = binary, version
        match = _SOURCE.match(fields.get("source", ""))
        if match:
            source, source_version = match.group(1), match.group(2) or version
        found.append(Package(ecosystem, source, source_version, binary if binary != source else "",
                             location=location))
    return found


def copyright_licences(text: str) -> tuple[str, ...]:
    """The short names of a machine-readable copyright file's `License:` fields (the first line
    of each), in order, once each; () for a free-form file, which names none reliably."""
    if COPYRIGHT_FORMAT not in text.split("\n", 1)[0] and "copyright-format" not in text[:300]:
        return ()
    names = []
    for fields in paragraphs(text):
        short = fields.get("license", "").split("\n", 1)[0].strip()
        if short:
            names.append(short)
    return tuple(dict.fromkeys(names))
