"""A layer's tar bytes as they are read: decompressed (gzip, bzip2, xz, or none, told by its
first bytes, so a registry's media type is not needed), a bounded chunk at a time, each byte
charged to the layer's budget before anyone sees it. Decompression is never asked for more
than it is about to hand on, so a compression bomb costs the time of the bytes read up to
its bound, and no memory.

Why not tarfile's own decompression: it trusts the compressed stream, inflating a whole read
buffer at once and copying what is left of it on every 512-byte read (quadratic in a run of
zeros).
"""
from __future__ import annotations

import bz2
import io
import lzma
import zlib
from typing import IO

from bot.inventory.limits import LayerBudget

CHUNK = 1024 * 1024  # read and inflate this much at a time
_GZIP = b"\x1f\x8b"
_MAGIC = {b"BZh": "bzip2", b"\xfd7zXZ\x00": "xz", b"\x28\xb5\x2f\xfd": "zstd"}


class LayerStream:
    """read(n) returns at most n bytes (b"" at the end); skip(n) passes over n bytes."""

    def __init__(self, source: IO[bytes], budget: LayerBudget):
        self._source, self.budget = source, budget
        self._source_bytes = 0  # bytes of the layer as stored, read so far
        head = self._read_source(6)
        self._pending = head  # compressed (or plain) bytes read but not yet consumed
        self.compression = "gzip" if head.startswith(_GZIP) else next(
            (name for magic, name in _MAGIC.items() if head.startswith(magic)), "")
        if self.compression == "zstd":
            budget.refuse("compressed with zstd, which this reader does not read")
        self._decompressor = self._new_decompressor()
        self._seekable = not self.compression and _seekable(source)

    def _new_decompressor(self):
        return {"gzip": lambda: zlib.decompressobj(zlib.MAX_WBITS | 16), "bzip2": bz2.BZ2Decompressor,
                "xz": lzma.LZMADecompressor, "": lambda: None}[self.compression]()

    def read(self, n: int) -> bytes:
        if n <= 0:
            return b""
        before = self._source_bytes
        if self._decompressor is None:
            data = self._take_plain(min(n, CHUNK))
            self.budget.bytes_read(len(data), 0)
            return data
        while True:
            data = self._inflate(min(n, CHUNK))
            self.budget.bytes_read(len(data or b""), self._source_bytes - before)
            before = self._source_bytes
            if data is None or data:
                return data or b""

    def skip(self, n: int) -> None:
        """Pass over n bytes: seeking past them in a plain seekable stream (still charged, so
        a member claiming terabytes trips the bound at once), else reading them."""
        if n > 0 and self._seekable and not self._pending:
            self.budget.bytes_read(n, 0)
            self._source.seek(n, io.SEEK_CUR)
            return
        while n > 0:
            data = self.read(n)
            if not data:
                return
            n -= len(data)

    def _take_plain(self, n: int) -> bytes:
        if self._pending:
            data, self._pending = self._pending[:n], self._pending[n:]
            return data
        return self._source.read(n)

    def _inflate(self, n: int) -> bytes | None:
        """Up to n inflated bytes (b"" when the input consumed gave none yet); None at the end."""
        decompressor = self._decompressor
        if decompressor.eof:
            return self._next_gzip_member(n) if self.compression == "gzip" else None
        if self.compression == "gzip":
            compressed = decompressor.unconsumed_tail or self._more()
            if not compressed:
                return None
            data = decompressor.decompress(compressed, n)
            if decompressor.eof:
                self._pending = decompressor.unused_data
            return data
        compressed = b""
        if decompressor.needs_input:
            compressed = self._more()
            if not compressed:
                return None
        return decompressor.decompress(compressed, n)

    def _next_gzip_member(self, n: int) -> bytes | None:
        """gzip allows members one after another (pigz, appended archives); anything else
        after the first is padding."""
        if len(self._pending) < 2:
            self._pending += self._read_source(2)
        if not self._pending.startswith(_GZIP):
            return None
        self._decompressor = self._new_decompressor()
        return self._inflate(n)

    def _more(self) -> bytes:
        if self._pending:
            data, self._pending = self._pending, b""
            return data
        return self._read_source(CHUNK)

    def _read_source(self, n: int) -> bytes:
        data = self._source.read(n)
        self._source_bytes += len(data)
        return data


def _seekable(source: IO[bytes]) -> bool:
    try:
        return source.seekable()
    except (AttributeError, OSError, ValueError):
        return False
