"""How much of one image the inventory readers will read, and the count kept against it.

An image is hostile input: its layers are chosen by whoever wrote its Dockerfile, or pushed
its base. Each bound below is far past what a real image needs, and each one exceeded is one
line naming the image and the bound (`ImageArchiveError`); that image's inventory is not used
(a partial one could pass a policy it should not), and the run goes on with the others.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from typing import NoReturn

from bot.errors import HardenbotError
from bot.record import record

KIB, MIB, GIB = 1024, 1024 ** 2, 1024 ** 3

# One wanted file: a dpkg status file is a few MB (5 MB for a full desktop), a copyright file or a
# Python METADATA at most ~1 MB; parsing costs up to ~10 bytes a byte, so 16 MiB is ~160 MB at worst.
MAX_FILE_BYTES = 16 * MIB
# Every wanted file and link target held at once: a large Debian image's status and copyright
# files come to ~50 MB. This is the readers' memory: nothing else of an image is kept.
MAX_KEPT_BYTES = 128 * MIB
MAX_KEPT_FILES = 100_000  # wanted files and links held: a big node_modules tree has tens of thousands
# Decompressed tar bytes (time, not memory: they stream through). The biggest real layers (CUDA,
# baked-in model weights) are a few GiB.
MAX_LAYER_BYTES = 8 * GIB
MAX_IMAGE_BYTES = 16 * GIB  # across its layers, or an export stream (the flattened file system)
# Decompressed over compressed bytes, once past the floor: real layers inflate 2-10x (text up to
# ~20x); a run of zeros inflates 1000x, which is how a 1 MB layer becomes gigabytes.
MAX_INFLATION = 100
INFLATION_FLOOR = 64 * MIB
# Tar members (headers) of one layer: a full Ubuntu has ~100,000 files, texlive-full's layer ~170,000;
# each costs ~5 us, so an image's million is seconds.
MAX_LAYER_MEMBERS = 300_000
MAX_IMAGE_MEMBERS = 1_000_000
MAX_LAYERS = 256  # an engine runs at most 127 layers (overlayfs's lower directories)
MAX_ARCHIVE_MEMBERS = 4096  # files of a `docker save` archive: a few a layer, and a few more
MAX_HEADER_BYTES = 1 * MIB  # a pax header or a GNU long name: a path is at most 4 KiB (PATH_MAX)
# manifest.json, the image configuration, each package.json: a few KB. json.loads makes ~30
# bytes of objects per byte of `[[],[],...]`, so 1 MiB costs ~40 MB at worst.
MAX_JSON_BYTES = 1 * MIB
MAX_JSON_DEPTH = 64  # real manifests, configurations and package.json files nest fewer than 10 deep
# Packages listed: a full Ubuntu desktop installs ~3,000 dpkg packages, a large node_modules tree
# ~5,000; a 16 MiB status file of two-line paragraphs would make 700,000.
MAX_PACKAGES = 100_000
MAX_IMAGE_SECONDS = 300.0  # reading one image, as long as an export may take (verify/docker.py)


class ImageArchiveError(HardenbotError):
    """A saved image, layer or export stream that cannot be read as one, or that goes past a
    bound: one line naming the image, for that image alone."""


@record
class Limits:
    """The bounds one image is read within (the defaults above; tests and benches shrink them)."""
    file_bytes: int = MAX_FILE_BYTES
    kept_bytes: int = MAX_KEPT_BYTES
    kept_files: int = MAX_KEPT_FILES
    layer_bytes: int = MAX_LAYER_BYTES
    image_bytes: int = MAX_IMAGE_BYTES
    inflation: int = MAX_INFLATION
    inflation_floor: int = INFLATION_FLOOR
    layer_members: int = MAX_LAYER_MEMBERS
    image_members: int = MAX_IMAGE_MEMBERS
    layers: int = MAX_LAYERS
    archive_members: int = MAX_ARCHIVE_MEMBERS
    header_bytes: int = MAX_HEADER_BYTES
    json_bytes: int = MAX_JSON_BYTES
    json_depth: int = MAX_JSON_DEPTH
    packages: int = MAX_PACKAGES
    seconds: float = MAX_IMAGE_SECONDS


DEFAULT_LIMITS = Limits()


def excerpt(text: str, length: int = 120) -> str:
    """A name out of an image, short enough for a one-line message."""
    return text if len(text) <= length else text[:length - 1] + "…"


def size(n: int) -> str:
    """`8 GiB`, `64 MiB`, `1.5 KiB`: a bound as a person reads it."""
    for unit, name in ((GIB, "GiB"), (MIB, "MiB"), (KIB, "KiB")):
        if n >= unit:
            return f"{n / unit:.3g} {name}"
    return f"{n} bytes"


class Budget:
    """What one image has cost so far, across its layers; each charge past a bound raises."""

    def __init__(self, image: str, limits: Limits, clock: Callable[[], float] = time.monotonic):
        self.image, self.limits, self._clock = image, limits, clock
        self._deadline = clock() + limits.seconds
        self._bytes = self._members = self._layers = 0

    def refuse(self, what: str) -> NoReturn:
        raise ImageArchiveError(f"{self.image}: {what}; inventory not read")

    def layer(self, label: str, *, flattened: bool = False) -> LayerBudget:
        """The count for one layer; a flattened file system (an export) is held to the image's
        bounds, being the whole image at once."""
        self._layers += 1
        if self._layers > self.limits.layers:
            self.refuse(f"more than {self.limits.layers} layers")
        return LayerBudget(self, label, self.limits.image_bytes if flattened else self.limits.layer_bytes,
                           self.limits.image_members if flattened else self.limits.layer_members)

    def archive(self, label: str) -> LayerBudget:
        """The count for the archive that holds the layers (a `docker save` tar): its members
        and its time, not its bytes, which are the layers' own, charged as they are read."""
        return LayerBudget(self, label, self.limits.image_bytes, self.limits.archive_members, counted=False)

    def _charge(self, label: str, data_bytes: int, members: int) -> None:
        self._bytes += data_bytes
        self._members += members
        if self._bytes > self.limits.image_bytes:
            self.refuse(f"{label}: the image inflates past {size(self.limits.image_bytes)}")
        if self._members > self.limits.image_members:
            self.refuse(f"{label}: the image holds more than {self.limits.image_members:,} tar members")
        if (data_bytes or not self._members % 1024) and self._clock() > self._deadline:  # a clock read per member would cost more than the member
            self.refuse(f"{label}: reading it took more than {self.limits.seconds:g} s")


class LayerBudget:
    """One layer's (or one export stream's) count, charged to its image's as it goes."""

    def __init__(self, image: Budget, label: str, max_bytes: int, max_members: int, *, counted: bool = True):
        self.image, self.label = image, label
        self._max_bytes, self._max_members, self._counted = max_bytes, max_members, counted
        self._bytes = self._compressed = self._members = 0

    def refuse(self, what: str) -> NoReturn:
        self.image.refuse(f"{self.label}: {what}")

    def bytes_read(self, decompressed: int, compressed: int) -> None:
        """`decompressed` more tar bytes, from `compressed` more bytes of the layer as stored
        (0 when it is not compressed)."""
        self._bytes += decompressed
        self._compressed += compressed
        limits = self.image.limits
        if self._bytes > self._max_bytes:
            self.refuse(f"inflates past {size(self._max_bytes)}")
        if (self._compressed and self._bytes > limits.inflation_floor
                and self._bytes > limits.inflation * self._compressed):
            self.refuse(f"inflates more than {limits.inflation}x ({size(self._compressed)} to "
                        f"{size(self._bytes)} so far): a compression bomb")
        self.image._charge(self.label, decompressed if self._counted else 0, 0)

    def member(self) -> None:
        self._members += 1
        if self._members > self._max_members:
            self.refuse(f"holds more than {self._max_members:,} tar members")
        self.image._charge(self.label, 0, 1 if self._counted else 0)
