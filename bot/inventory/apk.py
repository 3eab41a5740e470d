"""Alpine packages: apk's installed database (`/lib/apk/db/installed`): one paragraph a
package, one letter a field (`P:` name, `V:` version, `o:` origin, `L:` licence).

Alpine's advisories name the origin (source) package, as its secdb does, so a subpackage
(`libcrypto3`) is looked up by its origin (`openssl`); the version is the package's own, which
subpackages share with their origin.
"""
from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

from bot.inventory.lines import lines
from bot.model.policies import Package

_FIELDS = frozenset("PVoL")


def installed_packages(database: str, ecosystem: str, location: str) -> Iterator[Package]:
    fields: dict[str, str] = {}
    for line in chain(lines(database), [""]):  # a last blank line ends the last paragraph
        if not line:
            if "P" in fields and "V" in fields:
                yield _package(fields, ecosystem, location)
            fields = {}
            continue
        letter, colon, value = line.partition(":")
        if colon and letter in _FIELDS and letter not in fields:
            fields[letter] = value.strip()


def _package(fields: dict[str, str], ecosystem: str, location: str) -> Package:
    name, origin = fields["P"], fields.get("o") or fields["P"]
    licences = (fields["L"],) if fields.get("L") else ()  # one expression: `MIT AND GPL-2.0-or-later`
    return Package(ecosystem, origin, fields["V"], name if name != origin else "", licences, location)
