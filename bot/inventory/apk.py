"""Alpine packages: apk's installed database (`/lib/apk/db/installed`): one paragraph a
package, one letter a field (`P:` name, `V:` version, `o:` origin, `L:` licence).

Alpine's advisories name the origin (source) package, as its secdb does, so a subpackage
(`libcrypto3`) is looked up by its origin (`openssl`); the version is the package's own, which
subpackages share with their origin.
"""
from __future__ import annotations

from bot.model.policies import Package


def installed_packages(database: str, ecosystem: str, location: str) -> list[Package]:
    found = []
    for block in database.replace("\r\n", "\n").split("\n\n"):
        fields: dict[str, str] = {}
        for line in block.splitlines():
            letter, colon, value = line.partition(":")
            if colon and len(letter) == 1 and letter not in fields:
                fields[letter] = value.strip()
        if "P" not in fields or "V" not in fields:
            continue
        name, origin = fields["P"], fields.get("o") or fields["P"]
        licences = (fields["L"],) if fields.get("L") else ()  # one expression: `MIT AND GPL-2.0-or-later`
        found.append(Package(ecosystem, origin, fields["V"], name if name != origin else "", licences, location))
    return found
