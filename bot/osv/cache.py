"""OSV's answers kept on disk between runs (`$XDG_CACHE_HOME/hardenbot/osv/`, else
`~/.cache/hardenbot/osv/`):

- per package (ecosystem, name, version): the ids and `modified` times of its
  vulnerabilities, for a day (`PACKAGE_SECONDS`): new advisories are published daily, and an
  installed version's list only grows;
- per record: the whole record, for a week (`RECORD_SECONDS`) while the querybatch reports
  the same `modified` time for it (a changed record is fetched again); a CVE record read only
  for its severity, which no querybatch dates, for a week too.

The folder may come back from somewhere a pull request can write to (a shared actions/cache),
so every entry is untrusted: one that is not a small regular file (a symlink, a FIFO, over
`ENTRY_BYTES`), not JSON, not of the shapes written here (`records.readable` for a record),
for another key, or stored in the future (beyond `CLOCK_SKEW_SECONDS`) counts as absent and
is asked for again, so a planted "no vulnerabilities" lasts a day at most, a planted record
a week. Files are written whole (a temporary file, then a rename), so a run that stops half
way leaves no torn entry.
The cache stays under `max_bytes` and `max_files`: the first write of a run counts what is
there, later writes keep the count, and going over evicts the oldest to nine tenths, so a
full scan happens once per run and then once per tenth of the bound written.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import re
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from bot.osv import records
from bot.sources.files import read_regular

PACKAGE_SECONDS = 24 * 3600
RECORD_SECONDS = 7 * 24 * 3600
CLOCK_SKEW_SECONDS = 300
ENTRY_BYTES = 1 << 20
PACKAGE_VULNS = 10_000  # a package list longer than any real one; more is read as stale
CACHE_BYTES = 256 << 20
CACHE_FILES = 100_000
KINDS = ("packages", "vulns")
_OURS = re.compile(r"[0-9a-f]{40}\.json|\.tmp-.*")  # the only names eviction may remove


def default_folder(environ: Mapping[str, str]) -> Path:
    base = environ.get("XDG_CACHE_HOME") or str(Path(environ.get("HOME") or Path.home()) / ".cache")
    return Path(base) / "hardenbot" / "osv"


class OsvCache:
    def __init__(self, folder: Path, clock: Callable[[], float] = time.time, *,
                 max_bytes: int = CACHE_BYTES, max_files: int = CACHE_FILES):
        self.folder = folder
        self.clock = clock
        self.max_bytes = max_bytes
        self.max_files = max_files
        self._usage: tuple[int, int] | None = None  # (bytes, files), counted at the first write

    def _file(self, kind: str, key: str) -> Path:
        return self.folder / kind / (hashlib.sha256(key.encode()).hexdigest()[:40] + ".json")

    def _own_folder(self, kind: str) -> Path | None:
        """The kind's folder, unless it or the cache folder is a symlink: one restored from
        elsewhere could point writes and evictions at another directory."""
        folder = self.folder / kind
        return None if self.folder.is_symlink() or folder.is_symlink() else folder

    def _read(self, path: Path) -> dict | None:
        if self._own_folder(path.parent.name) is None:
            return None
        raw = read_regular(path, ENTRY_BYTES)
        if raw is None:
            return None
        try:
            data = json.loads(raw.decode("utf-8"))
        except (ValueError, RecursionError):  # RecursionError: arrays nested thousands deep
            return None
        return data if isinstance(data, dict) else None

    def _fresh(self, at: object, lifetime: float) -> bool:
        """Stored at a real time, not after now (give or take the skew between clocks), and
        within `lifetime`."""
        if isinstance(at, bool) or not isinstance(at, int | float) or not math.isfinite(at):
            return False
        now = self.clock()
        return now - lifetime <= at <= now + CLOCK_SKEW_SECONDS

    def _write(self, path: Path, data: dict) -> None:
        text = json.dumps(data)
        folder = self._own_folder(path.parent.name)
        if folder is None or len(text) > ENTRY_BYTES:  # an entry that would be refused on reading
            return
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        except OSError:
            return  # a cache that cannot be written costs a lookup next time, nothing more
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            replaced = _size(path)
            os.replace(temporary, path)
        except OSError:
            Path(temporary).unlink(missing_ok=True)
            return
        self._count(len(text) - (replaced or 0), 0 if replaced is not None else 1)

    # -- the bound -----------------------------------------------------------------------
    def _count(self, added_bytes: int, added_files: int) -> None:
        if self._usage is None:
            entries = self._entries()
            self._usage = (sum(size for _, size, _ in entries), len(entries))
        else:
            self._usage = (self._usage[0] + added_bytes, self._usage[1] + added_files)
        if self._usage[0] > self.max_bytes or self._usage[1] > self.max_files:
            self._usage = self._evict()

    def _entries(self) -> list[tuple[float, int, Path]]:
        """(modified time, size, path) of every file named as this cache names its files."""
        found = []
        for kind in KINDS:
            folder = self._own_folder(kind)
            if folder is None:
                continue
            try:
                with os.scandir(folder) as listing:
                    for entry in listing:
                        info = _entry_stat(entry) if _OURS.fullmatch(entry.name) else None
                        if info is not None:
                            found.append((info.st_mtime, info.st_size, Path(entry.path)))
            except OSError:
                continue
        return found

    def _evict(self) -> tuple[int, int]:
        """Remove the oldest files (a time in the future counts as oldest) down to nine tenths
        of each bound; the usage left."""
        now = self.clock()
        entries = sorted(self._entries(), key=lambda e: e[0] if e[0] <= now + CLOCK_SKEW_SECONDS else -math.inf)
        total, files = sum(size for _, size, _ in entries), len(entries)
        for _, size, path in entries:
            if total <= self.max_bytes * 0.9 and files <= self.max_files * 0.9:
                break
            try:
                path.unlink()
            except OSError:
                continue
            total, files = total - size, files - 1
        return total, files

    # -- per package ---------------------------------------------------------------------
    def package(self, key: tuple[str, str, str]) -> list[tuple[str, str]] | None:
        """[(vulnerability id, modified)] for the package, when known and fresh."""
        data = self._read(self._file("packages", "\0".join(key)))
        if data is None or data.get("key") != list(key) or not self._fresh(data.get("at"), PACKAGE_SECONDS):
            return None
        vulns = data.get("vulns")
        if not isinstance(vulns, list) or len(vulns) > PACKAGE_VULNS or not all(map(_id_and_time, vulns)):
            return None
        return [(vuln_id, modified) for vuln_id, modified in vulns]

    def store_package(self, key: tuple[str, str, str], vulns: list[tuple[str, str]]) -> None:
        self._write(self._file("packages", "\0".join(key)),
                    {"key": list(key), "at": self.clock(), "vulns": [list(v) for v in vulns]})

    # -- per record ----------------------------------------------------------------------
    def record(self, vuln_id: str, modified: str | None) -> dict | None:
        """The record, when it is the `modified` version (None: an alias, dated by age)."""
        data = self._read(self._file("vulns", vuln_id))
        if data is None or data.get("id") != vuln_id or not records.readable(data.get("record")):
            return None
        if not self._fresh(data.get("at"), RECORD_SECONDS):
            return None
        return data["record"] if modified is None or data.get("modified") == modified else None

    def store_record(self, vuln_id: str, modified: str | None, record: dict) -> None:
        self._write(self._file("vulns", vuln_id),
                    {"id": vuln_id, "modified": modified, "at": self.clock(), "record": record})


def _id_and_time(pair: object) -> bool:
    return isinstance(pair, list) and len(pair) == 2 and all(isinstance(part, str) for part in pair)


def _size(path: Path) -> int | None:
    try:
        return path.lstat().st_size
    except OSError:
        return None


def _entry_stat(entry: os.DirEntry) -> os.stat_result | None:
    try:
        return entry.stat(follow_symlinks=False)
    except OSError:
        return None
