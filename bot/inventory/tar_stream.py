"""The members of a tar stream, front to back, without tarfile: ustar, GNU (long names, sparse
files) and pax headers, as Docker, BuildKit and GNU tar write them.

Why not tarfile: it reads a GNU long name or a pax header whole, whatever size its header
claims, parses pax records with a regular expression that backtracks on crafted input, and
keeps a sparse file's map as a list as long as the archive makes it. Here an extended header
is refused past its bound before it is read, pax records are read in one pass, and a sparse
map is skipped as data; each header is charged to the layer's budget.
"""
from __future__ import annotations

import struct
from collections.abc import Iterator
from typing import NamedTuple

from bot.inventory.inflate import LayerStream
from bot.inventory.limits import size

BLOCK = 512
_ZERO_BLOCK = bytes(BLOCK)
FILE, DIRECTORY, SYMLINK, HARDLINK, OTHER = "file", "directory", "symlink", "hardlink", "other"
_KINDS = {b"0": FILE, b"\0": FILE, b"7": FILE, b"S": FILE, b"1": HARDLINK, b"2": SYMLINK, b"5": DIRECTORY}
_PAX, _PAX_GLOBAL, _SOLARIS_PAX, _LONG_NAME, _LONG_LINK = b"x", b"g", b"X", b"L", b"K"
_GNU_SPARSE = b"S"
_LINKS = (b"1", b"2")
_SIGNED = struct.Struct("148b8x356b")
_READ_AHEAD = 64 * 1024


class Member(NamedTuple):  # a tuple: made once a member, hundreds of thousands a layer
    name: str
    kind: str  # FILE, DIRECTORY, SYMLINK, HARDLINK or OTHER (devices, FIFOs …)
    size: int  # bytes of data the member takes in the archive
    real_size: int  # bytes the file holds: more than `size` for a sparse file, whose holes are not stored
    linkname: str
    sparse: bool
    offset: int  # where its data starts in the (decompressed) tar stream


class TarReader:
    """Iterate for the members; `data(member)` reads the current member's bytes, and what is
    not read is skipped when the next member is asked for."""

    def __init__(self, stream: LayerStream):
        self._stream = stream
        self._buffer, self._at = b"", 0  # read ahead of the headers, many at a time
        self._unread = 0  # data and padding of the current member still to pass over
        self._offset = 0  # in the tar stream, of what is read next

    def __iter__(self) -> Iterator[Member]:
        while True:
            self._skip(self._unread)
            self._unread = 0
            member = self._next()
            if member is None:
                return
            yield member

    def data(self, member: Member) -> bytes:
        """The member's stored bytes; call before asking for the next member."""
        data = self._read_exact(member.size, "the data of a member")
        self._unread -= member.size
        return data

    def _read(self, n: int) -> bytes:
        """Up to n bytes, from what was read ahead first."""
        if self._at < len(self._buffer):
            data = self._buffer[self._at:self._at + n]
            self._at += len(data)
        else:
            data = self._stream.read(n)
        self._offset += len(data)
        return data

    def _skip(self, n: int) -> None:
        ahead = min(n, len(self._buffer) - self._at)
        self._at += ahead
        self._offset += n
        self._stream.skip(n - ahead)

    def _block(self) -> bytes:
        if len(self._buffer) - self._at < BLOCK:
            self._buffer = self._buffer[self._at:] + self._stream.read(_READ_AHEAD)
            self._at = 0
            while 0 < len(self._buffer) < BLOCK:
                more = self._stream.read(BLOCK - len(self._buffer))
                if not more:
                    break
                self._buffer += more
        block = self._buffer[self._at:self._at + BLOCK]
        self._at += len(block)
        self._offset += len(block)
        return block

    def _next(self) -> Member | None:
        pax: dict[str, str] = {}
        long_name = long_link = None
        while True:
            block = self._header_block()
            if block is None:
                return None
            kind, length = block[156:157], self._number(block[124:136])
            if kind in (_PAX, _SOLARIS_PAX, _PAX_GLOBAL, _LONG_NAME, _LONG_LINK):
                data = self._extension(length)
                if kind == _LONG_NAME:
                    long_name = _text(data.split(b"\0", 1)[0])
                elif kind == _LONG_LINK:
                    long_link = _text(data.split(b"\0", 1)[0])
                elif kind != _PAX_GLOBAL:  # global records set defaults (a charset, times) nothing here reads
                    pax.update(self._pax_records(data))
                continue
            return self._member(block, kind, length, pax, long_name, long_link)

    def _member(self, block: bytes, kind: bytes, length: int, pax: dict[str, str], long_name: str | None,
                long_link: str | None) -> Member:
        name = _text(block[0:100].split(b"\0", 1)[0])
        if block[257:263] == b"ustar\x00" and block[345] != 0:  # POSIX ustar: a prefix folder
            name = _text(block[345:500].split(b"\0", 1)[0]) + "/" + name
        name = pax.get("path", long_name or name) if pax or long_name else name
        linkname = ""
        if kind in _LINKS:
            linkname = pax.get("linkpath", long_link or _text(block[157:257].split(b"\0", 1)[0]))
        if "size" in pax:
            length = self._pax_number(pax["size"], "size")
        real_size, sparse = length, False
        if kind == _GNU_SPARSE:  # old GNU sparse: the real size in the header, the map in blocks after it
            real_size, sparse = self._number(block[483:495]), True
            extended = block[482]
            while extended:
                extension = self._read_exact(BLOCK, "a sparse file's map")
                self._stream.budget.member()
                extended = extension[504]
        if pax and any(key.startswith("GNU.sparse.") for key in pax):  # pax sparse: the map is in the data
            sparse = True
            name = pax.get("GNU.sparse.name", name)
            real = pax.get("GNU.sparse.realsize", pax.get("GNU.sparse.size"))
            real_size = self._pax_number(real, "GNU.sparse.realsize") if real is not None else length
        self._unread = length + -length % BLOCK
        return Member(name, _KINDS.get(kind, OTHER), length, real_size, linkname, sparse, self._offset)

    def _header_block(self) -> bytes | None:
        """The next header, checksum verified; None at the end of the archive (a zero block,
        or the stream ending where a header would start)."""
        at = self._offset
        block = self._block()
        if not block or block == _ZERO_BLOCK:
            return None
        if len(block) < BLOCK:
            self._stream.budget.refuse(f"not a tar stream (it ends inside the header at byte {at:,})")
        self._stream.budget.member()
        field = block[148:156]
        stored = _octal(field)
        if stored != sum(block) - sum(field) + 8 * 32 and stored != sum(_SIGNED.unpack(block)) + 8 * 32:
            self._stream.budget.refuse(f"not a tar stream (no valid header at byte {at:,})")
        return block

    def _extension(self, length: int) -> bytes:
        """A pax header or GNU long name's data, refused before it is read when too long."""
        limit = self._stream.budget.image.limits.header_bytes
        if length > limit:
            self._stream.budget.refuse(f"an extended tar header of {size(length)}, past {size(limit)}")
        data = self._read_exact(length, "an extended header")
        self._skip(-length % BLOCK)
        return data

    def _read_exact(self, n: int, what: str) -> bytes:
        parts, left = [], n
        while left > 0:
            part = self._read(left)
            if not part:
                self._stream.budget.refuse(f"not a tar stream (it ends inside {what})")
            parts.append(part)
            left -= len(part)
        return b"".join(parts)

    def _number(self, field: bytes) -> int:
        """An octal number, or GNU's base-256 (a first byte of 0x80) for sizes past 8 GB."""
        if field[:1] == b"\x80":
            return int.from_bytes(field[1:], "big")
        number = _octal(field)
        if number is None:
            self._stream.budget.refuse(f"not a tar stream (a bad number in the header at byte {self._offset:,})")
        return number

    def _pax_number(self, value: str, key: str) -> int:
        if not (value.isascii() and value.isdigit()) or len(value) > 20:
            self._stream.budget.refuse(f"not a tar stream (pax {key} is not a number)")
        return int(value)

    def _pax_records(self, data: bytes) -> dict[str, str]:
        """`<length> <key>=<value>\\n` records, read in one pass: each length says where the next
        record starts."""
        records, position = {}, 0
        while position < len(data) and data[position] != 0:
            space = data.find(b" ", position, position + 21)
            digits = data[position:space]
            if space < 0 or not digits.isdigit():
                self._stream.budget.refuse("not a tar stream (a bad pax record)")
            end = position + int(digits)
            if end <= space or end > len(data) or data[end - 1] != 0x0A:
                self._stream.budget.refuse("not a tar stream (a bad pax record)")
            key, equals, value = data[space + 1:end - 1].partition(b"=")
            if equals:
                records[_text(key)] = _text(value)
            position = end
        return records


def _octal(field: bytes) -> int | None:
    digits = field.split(b"\0", 1)[0].strip() or b"0"
    try:
        number = int(digits, 8)
    except ValueError:
        return None
    return number if number >= 0 else None


def _text(name: bytes) -> str:
    return name.decode("utf-8", errors="replace")
