"""What is installed in an image, read from its files: which files say so (`wanted`), and the
packages they list (`inventory_from_files`), with their licences, named as OSV names them.
Pure parsing: the files come as bytes from a container's export or a saved image
(`layers.py`), never from this machine's own file system.

Sources: dpkg (`dpkg.py`), apk (`apk.py`), Python `*.dist-info/METADATA` (`python.py`), npm
`node_modules/**/package.json` (`npm.py`); the distribution from `os_release.py`.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from bot.inventory import apk, dpkg, npm, os_release, python
from bot.inventory.json_depth import JsonTooDeep
from bot.inventory.limits import DEFAULT_LIMITS, ImageArchiveError, Limits, excerpt, size
from bot.model.policies import Inventory, Package

DPKG_STATUS = "var/lib/dpkg/status"
DPKG_STATUS_D = "var/lib/dpkg/status.d/"
APK_INSTALLED = "lib/apk/db/installed"
OS_RELEASE = ("etc/os-release", "usr/lib/os-release")
ALPINE_RELEASE = "etc/alpine-release"
_DOC = "usr/share/doc/"


def wanted(path: str) -> bool:
    """Whether the file at `path` (relative to the image's root, no leading slash) is one an
    inventory reads; everything else in the image is skipped unread."""
    return (path in (DPKG_STATUS, APK_INSTALLED, ALPINE_RELEASE) or path in OS_RELEASE
            or path.startswith(DPKG_STATUS_D) and "/" not in path[len(DPKG_STATUS_D):]
            or path.startswith(_DOC) and path.endswith("/copyright") and path.count("/") == 4
            or python.is_metadata_path(path) or npm.is_package_json_path(path))


def _text(data: bytes | None) -> str | None:
    return None if data is None else data.decode("utf-8", errors="replace")


def inventory_from_files(files: Mapping[str, bytes], user: str | None = None, image: str = "the image",
                         limits: Limits = DEFAULT_LIMITS) -> Inventory:
    """The packages the files list. `files` maps image paths (as `wanted` chose them) to
    their bytes; a symbolic link's target is expected already followed, or absent. A
    package.json past `limits` (its bytes, its nesting) or more packages than they allow
    raise ImageArchiveError naming `image`: its inventory is not read."""
    os_text = next((_text(files[p]) for p in OS_RELEASE if p in files), None)
    ecosystem = os_release.ecosystem(os_text, _text(files.get(ALPINE_RELEASE)))
    packages: list[Package] = []

    def add(found: Iterable[Package]) -> None:
        for package in found:
            packages.append(package)
            if len(packages) > limits.packages:
                raise ImageArchiveError(f"{image}: more than {limits.packages:,} packages; inventory not read")

    if DPKG_STATUS in files:
        add(dpkg.installed_packages(_text(files[DPKG_STATUS]) or "", ecosystem, "/" + DPKG_STATUS))
    for path in sorted(p for p in files if p.startswith(DPKG_STATUS_D)):
        add(dpkg.installed_packages(_text(files[path]) or "", ecosystem, "/" + path))
    licences: dict[str, tuple[str, ...]] = {}  # binary → its copyright file's, each file read once
    packages = [_with_copyright(p, files, licences) for p in packages]
    if APK_INSTALLED in files:
        add(apk.installed_packages(_text(files[APK_INSTALLED]) or "", ecosystem, "/" + APK_INSTALLED))
    for path in sorted(files):
        if python.is_metadata_path(path):
            found = python.distribution(_text(files[path]) or "", "/" + path.rpartition("/")[0])
        elif npm.is_package_json_path(path):
            found = _npm_package(path, files[path], image, limits)
        else:
            continue
        if found is not None:
            add([found])
    return Inventory(tuple(dict.fromkeys(packages)), ecosystem, user)


def _npm_package(path: str, data: bytes, image: str, limits: Limits) -> Package | None:
    where = excerpt("/" + path)
    if len(data) > limits.json_bytes:
        raise ImageArchiveError(f"{image}: {where} is {size(len(data))}, past the {size(limits.json_bytes)} "
                                "a package.json may be; inventory not read")
    try:
        return npm.package(_text(data) or "", "/" + path.rpartition("/")[0], limits.json_depth)
    except JsonTooDeep as error:
        raise ImageArchiveError(f"{image}: {where} {error}; inventory not read") from None


def _with_copyright(package: Package, files: Mapping[str, bytes], read: dict[str, tuple[str, ...]]) -> Package:
    binary = package.installed_as or package.name
    if binary not in read:
        text = _text(files.get(f"{_DOC}{binary}/copyright"))
        read[binary] = dpkg.copyright_licences(text) if text else ()
    return replace(package, licences=read[binary]) if read[binary] else package
