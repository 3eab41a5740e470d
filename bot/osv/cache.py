"""OSV's answers kept on disk between runs (`$XDG_CACHE_HOME/hardenbot/osv/`, else
`~/.cache/hardenbot/osv/`):

- per package (ecosystem, name, version): the ids and `modified` times of its
  vulnerabilities, for a day (`PACKAGE_SECONDS`): new advisories are published daily, and an
  installed version's list only grows;
- per record: the whole record, for as long as the querybatch reports the same `modified`
  time for it (a changed record is fetched again); a CVE record read only for its severity,
  which no querybatch dates, for a week (`ALIAS_SECONDS`).

Files are written whole (a temporary file, then a rename), so a run that stops half way leaves
no torn entry; an unreadable entry counts as absent.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path

PACKAGE_SECONDS = 24 * 3600
ALIAS_SECONDS = 7 * 24 * 3600


def default_folder(environ: Mapping[str, str]) -> Path:
    base = environ.get("XDG_CACHE_HOME") or str(Path(environ.get("HOME") or Path.home()) / ".cache")
    return Path(base) / "hardenbot" / "osv"


class OsvCache:
    def __init__(self, folder: Path, clock: Callable[[], float] = time.time):
        self.folder = folder
        self.clock = clock

    def _file(self, kind: str, key: str) -> Path:
        return self.folder / kind / (hashlib.sha256(key.encode()).hexdigest()[:40] + ".json")

    def _read(self, path: Path) -> dict | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def _write(self, path: Path, data: dict) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(data, out)
            os.replace(temporary, path)
        except OSError:
            return  # a cache that cannot be written costs a lookup next time, nothing more

    # -- per package ---------------------------------------------------------------------
    def package(self, key: tuple[str, str, str]) -> list[tuple[str, str]] | None:
        """[(vulnerability id, modified)] for the package, when known and fresh."""
        data = self._read(self._file("packages", "\0".join(key)))
        if data is None or data.get("key") != list(key) or self.clock() - data.get("at", 0) > PACKAGE_SECONDS:
            return None
        return [(str(i), str(m)) for i, m in data.get("vulns") or []]

    def store_package(self, key: tuple[str, str, str], vulns: list[tuple[str, str]]) -> None:
        self._write(self._file("packages", "\0".join(key)),
                    {"key": list(key), "at": self.clock(), "vulns": [list(v) for v in vulns]})

    # -- per record ----------------------------------------------------------------------
    def record(self, vuln_id: str, modified: str | None) -> dict | None:
        """The record, when it is the `modified` version (None: an alias, dated by age)."""
        data = self._read(self._file("vulns", vuln_id))
        if data is None or not isinstance(data.get("record"), dict):
            return None
        if modified is None:
            return data["record"] if self.clock() - data.get("at", 0) <= ALIAS_SECONDS else None
        return data["record"] if data.get("modified") == modified else None

    def store_record(self, vuln_id: str, modified: str | None, record: dict) -> None:
        self._write(self._file("vulns", vuln_id), {"modified": modified, "at": self.clock(), "record": record})
