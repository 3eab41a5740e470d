"""An image's packages read from its registry, without pulling it into an engine: the tag's
manifest (an index: the entry for the platform the file builds for), its configuration (the
User) and its layer blobs, each streamed once through `layers.files_from_layers`, so the same
whiteout rules and bounds hold as for a saved image. Each blob's bytes are checked against its
digest as they stream (`RegistryClient.blob`); a mismatch refuses the image's inventory.

Read once per manifest digest (of a repository) per run (`RegistryInventories`): many files on one base cost
one read, and the answer, or the one-line error, is kept.
"""
from __future__ import annotations

import threading
from collections.abc import Iterator

from bot.inventory import inventory_from_files, wanted
from bot.inventory.json_depth import JsonTooDeep, loads
from bot.inventory.layers import Layer, files_from_layers
from bot.inventory.limits import DEFAULT_LIMITS, ImageArchiveError, Limits
from bot.model.advice import BaseImage
from bot.model.images import ImageRef
from bot.model.policies import Inventory
from bot.registry.client import INDEX_TYPES, RegistryClient, VerifiedBlob, same_platform
from bot.registry.errors import RegistryError


class OverBudget(RegistryError):
    """Reading the image would pass the byte budget its caller gave: nothing of it was read."""


class RegistryInventories:
    """The inventories of the images one run asks about, each manifest digest read once."""

    def __init__(self, client: RegistryClient, limits: Limits = DEFAULT_LIMITS):
        self._client, self._limits = client, limits
        # Keyed by repository too: a failure (a tampered blob) is that source's, not the digest's.
        self._read: dict[tuple[str, str, str], BaseImage | ImageArchiveError | RegistryError] = {}
        self._lock = threading.Lock()
        self.bytes_read = 0  # compressed layer bytes asked for, every image together

    def inventory_of(self, ref: ImageRef, platform: str = "linux/amd64") -> Inventory:
        """The packages of `ref` for `platform`; RegistryError or ImageArchiveError (one line
        naming the image) when it cannot be read."""
        return self.image(ref, platform).inventory

    def image(self, ref: ImageRef, platform: str = "linux/amd64", max_bytes: int | None = None) -> BaseImage:
        """`ref` for `platform`: its manifest digest, compressed size and packages. OverBudget,
        before any layer is asked for, when its layers list more than `max_bytes`."""
        digest = self._manifest_digest(ref, platform)
        key = (ref.registry, ref.repository, digest)
        with self._lock:
            found = self._read.get(key)
            if found is None:
                try:
                    found = self._image(ref, digest, max_bytes)
                except OverBudget:
                    raise
                except (RegistryError, ImageArchiveError) as error:
                    found = error
                self._read[key] = found
        if isinstance(found, Exception):
            raise type(found)(str(found))
        return found

    def _manifest_digest(self, ref: ImageRef, platform: str) -> str:
        head = self._client.head(ref, ref.digest)
        if not head.is_index:
            return head.digest
        for listed, digest in self._client.index_platforms(ref, head.digest):
            if same_platform(listed, platform):
                return digest
        raise RegistryError(f"{ref}: its index lists no {platform} image")

    def _image(self, ref: ImageRef, digest: str, max_bytes: int | None) -> BaseImage:
        manifest = self._client.manifest(ref, digest)
        if manifest.get("mediaType") in INDEX_TYPES or "manifests" in manifest:
            raise RegistryError(f"{ref}: {digest} is an index inside an index, which no platform's image is")
        config, layers = manifest.get("config"), manifest.get("layers")
        if not _descriptor(config) or not isinstance(layers, list) or not all(map(_descriptor, layers)):
            raise RegistryError(f"{ref}: manifest {digest} names no configuration or layers")
        if len(layers) > self._limits.layers:
            raise ImageArchiveError(f"{ref}: more than {self._limits.layers} layers; inventory not read")
        size = sum(layer["size"] for layer in layers if isinstance(layer.get("size"), int) and layer["size"] > 0)
        if max_bytes is not None and size > max_bytes:
            raise OverBudget(f"{ref}: its layers ({size:,} bytes) would pass the {max_bytes:,} bytes left to read "
                             "in this run (base-recommendation max-bytes)")
        self.bytes_read += size
        user = self._user(ref, config["digest"])
        files = files_from_layers(str(ref), self._layers(ref, layers), wanted, self._limits)
        return BaseImage(digest, size, inventory_from_files(files, user, str(ref), self._limits))

    def _user(self, ref: ImageRef, digest: str) -> str:
        with self._client.blob(ref, digest, self._limits.json_bytes) as blob:
            data = _read_all(blob)
        try:
            config = loads(data.decode("utf-8", errors="replace"), self._limits.json_depth)
        except (ValueError, JsonTooDeep):
            raise ImageArchiveError(f"{ref}: its configuration {digest} is not JSON; inventory not read") from None
        user = (config.get("config") or {}).get("User") if isinstance(config, dict) else None
        return user if isinstance(user, str) else ""

    def _layers(self, ref: ImageRef, layers: list[dict]) -> Iterator[Layer]:
        """Each layer's blob, lowest first; the one before is drained (its tar's padding), so
        its digest is checked, before the next is asked for."""
        for descriptor in layers:
            # Compressed bytes are at most what the layer may inflate to: a bigger one is refused as it streams.
            with self._client.blob(ref, descriptor["digest"], self._limits.layer_bytes) as blob:
                yield Layer(descriptor["digest"], blob)
                blob.drain()


def _descriptor(value: object) -> bool:
    return isinstance(value, dict) and isinstance(value.get("digest"), str)


def _read_all(blob: VerifiedBlob) -> bytes:
    data = bytearray()
    while chunk := blob.read(1 << 16):
        data += chunk
    return bytes(data)
