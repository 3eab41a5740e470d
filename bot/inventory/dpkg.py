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

from bot.inventory.lines import lines
from bot.model.policies import Package

_SOURCE = re.compile(r"^(\S+)(?:\s+\((\S+)\))?$")
COPYRIGHT_FORMAT = "copyright-format/1.0"
_STATUS_FIELDS = frozenset(("package", "status", "source", "version"))


def paragraphs(text: str, keep: frozenset[str]) -> Iterator[dict[str, str]]:
    """RFC 822-style paragraphs (deb822): `Field: value`, continuation lines starting with a
    space; blank lines between paragraphs. Only the fields in `keep` (lower case), each its
    first line: what is read is a bounded handful, however many fields a hostile file holds."""
    fields: dict[str, str] = {}
    for line in lines(text):
        if not line.strip():
            if fields:
                yield fields
            fields = {}
        elif line[0] not in " \t" and ":" in line:
            name, _, value = line.partition(":")
            name = name.strip().lower()
            if name in keep:
                fields[name] = value.strip()
    if fields:
        yield fields


def installed_packages(status: str, ecosystem: str, location: str) -> Iterator[Package]:
    """The installed packages of a dpkg status file (a paragraph without Status, as in
    status.d, counts as installed)."""
    for fields in paragraphs(status, _STATUS_FIELDS):
        state = fields.get("status", "install ok installed").split()
        if state[-1:] != ["installed"] or "package" not in fields or "version" not in fields:
            continue
        binary, version = fields["package"], fields["version"]
        source, source_version = binary, version
        match = _SOURCE.match(fields.get("source", ""))
        if match:
            source, source_version = match.group(1), match.group(2) or version
        yield Package(ecosystem, source, source_version, binary if binary != source else "", location=location)


def copyright_licences(text: str) -> tuple[str, ...]:
    """The short names of a machine-readable copyright file's `License:` fields (the first line
    of each), in order, once each; () for a free-form file, which names none reliably."""
    if COPYRIGHT_FORMAT not in text.split("\n", 1)[0] and "copyright-format" not in text[:300]:
        return ()
    names = {}
    for fields in paragraphs(text, frozenset(("license",))):
        short = fields.get("license", "")
        if short:
            names[short] = None
    return tuple(names)
