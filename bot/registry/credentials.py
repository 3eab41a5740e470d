"""Registry credentials from a docker `config.json` (its `auths` entries), parsed, not looked
up: the entry points decide which files and variables to read and hand the text here."""
from __future__ import annotations

import base64
import binascii
import json

from bot.errors import HardenbotError
from bot.model.images import DOCKER_HUB
from bot.registry.client import Credential

_HUB_ALIASES = ("index.docker.io", "registry-1.docker.io", "registry.hub.docker.com", "docker.io")


def registry_of(key: str) -> str:
    """`https://index.docker.io/v1/` → docker.io; `ghcr.io` → ghcr.io."""
    host = key.split("://", 1)[-1].split("/", 1)[0].lower()
    return DOCKER_HUB if host in _HUB_ALIASES else host


def parse_docker_config(text: str, source: str) -> dict[str, Credential]:
    """Credentials by registry host from a config.json's `auths`; entries without a usable
    secret (a credential helper's, say) are skipped."""
    try:
        data = json.loads(text)
    except ValueError as error:
        raise HardenbotError(f"{source}: not valid JSON ({error.msg} at line {error.lineno})") from None
    auths = data.get("auths") if isinstance(data, dict) else None
    credentials: dict[str, Credential] = {}
    if not isinstance(auths, dict):
        return credentials
    for key, entry in auths.items():
        if not isinstance(entry, dict):
            continue
        username, password = entry.get("username"), entry.get("password")
        if isinstance(entry.get("auth"), str) and entry["auth"]:
            try:
                username, _, password = base64.b64decode(entry["auth"]).decode().partition(":")
            except (binascii.Error, UnicodeDecodeError):
                raise HardenbotError(f"{source}: the auth entry for {registry_of(key)} is not base64 of user:password"
                                     ) from None
        if isinstance(username, str) and isinstance(password, str) and password:
            credentials[registry_of(key)] = Credential(username, password)
    return credentials
