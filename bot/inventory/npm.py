"""npm packages: the `package.json` at the top of each package folder under `node_modules`
(`node_modules/<name>/` or `node_modules/@scope/<name>/`); package.json files deeper in a
package (its tests, its own fixtures) are not installed packages and are left out."""
from __future__ import annotations

import re

from bot.inventory.json_depth import JsonTooDeep, loads
from bot.model.policies import Package

_PACKAGE_JSON = re.compile(r"(?:^|/)node_modules/(?:@[^/]+/)?[^/@][^/]*/package\.json$")


def is_package_json_path(path: str) -> bool:
    return bool(_PACKAGE_JSON.search(path))


def package(text: str, location: str, max_depth: int) -> Package | None:
    """The package a package.json names; None when it names none (or is not JSON), which npm
    would not install. One nested deeper than `max_depth` is no package either, but a
    hostile one, and raises JsonTooDeep."""
    try:
        data = loads(text, max_depth)
    except JsonTooDeep:
        raise
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    name, version = data.get("name"), data.get("version")
    if not isinstance(name, str) or not isinstance(version, str) or not name or not version:
        return None
    return Package("npm", name, version, licences=licences(data), location=location)


def licences(data: dict) -> tuple[str, ...]:
    """`license` as a string (SPDX) or the old `{"type": …}`, or the older `licenses` list."""
    found = []
    declared = data.get("license")
    entries = [declared] if declared is not None else []
    if isinstance(data.get("licenses"), list):
        entries += data["licenses"]
    for entry in entries:
        if isinstance(entry, dict):
            entry = entry.get("type")
        if isinstance(entry, str) and entry.strip():
            found.append(entry.strip())
    return tuple(dict.fromkeys(found))
