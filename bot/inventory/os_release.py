"""Which distribution an image is, as OSV names its ecosystem: `/etc/os-release` (ID and
VERSION_ID) and `/etc/alpine-release` (Alpine's full version, of which OSV keeps `v3.20`)."""
from __future__ import annotations

import re

from bot.inventory.lines import lines

_FIELDS = frozenset(("ID", "VERSION_ID", "VERSION"))


def os_release_fields(text: str) -> dict[str, str]:
    """The fields that name the distribution and its release; the others are not kept."""
    fields = {}
    for line in lines(text):
        key, equals, value = line.partition("=")
        if equals and key.strip() in _FIELDS:
            fields[key.strip()] = value.strip().strip('"').strip("'")
    return fields


def ecosystem(os_release: str | None, alpine_release: str | None) -> str:
    """`Debian:12`, `Alpine:v3.20`, `Ubuntu:22.04:LTS`; "" for a distribution (or a testing
    release) that OSV has no versioned ecosystem for here."""
    fields = os_release_fields(os_release or "")
    distribution = fields.get("ID", "")
    if alpine_release or distribution == "alpine":
        version = (alpine_release or fields.get("VERSION_ID", "")).strip()
        match = re.match(r"(\d+)\.(\d+)", version)
        return f"Alpine:v{match.group(1)}.{match.group(2)}" if match and "_" not in version else ""
    version = fields.get("VERSION_ID", "")
    if distribution == "debian" and version.isdigit():
        return f"Debian:{version}"
    if distribution == "ubuntu" and re.fullmatch(r"\d+\.\d+", version):
        return f"Ubuntu:{version}:LTS" if "LTS" in fields.get("VERSION", "") else f"Ubuntu:{version}"
    return ""
