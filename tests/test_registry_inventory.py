"""Packages read straight from a real registry (docker-registry on 127.0.0.1): manifest →
configuration → layer blobs, streamed, each blob checked against its digest."""
from __future__ import annotations

import gzip
import hashlib
import io
import json
import tarfile
import time

import pytest

from bot.inventory.limits import ImageArchiveError
from bot.model.images import parse_reference
from bot.registry.client import RegistryClient, RegistryError
from bot.registry.image_files import RegistryInventories
from tests.servers import OCI_CONFIG, OCI_INDEX, OCI_MANIFEST, HttpServer, forward

OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip"
OS_RELEASE = b'ID=debian\nVERSION_ID="12"\n'


def status(*packages: tuple[str, str]) -> bytes:
    return "".join(f"Package: {name}\nStatus: install ok installed\nVersion: {version}\n\n"
                   for name, version in packages).encode()


def layer(files: dict[str, bytes]) -> bytes:
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w") as tar:
        for path, data in files.items():
            info = tarfile.TarInfo(path)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return gzip.compress(raw.getvalue(), mtime=0)


def push(registry, repository: str, tag: str, layers: list[bytes], user: str = "",
         arch: str = "amd64") -> str:
    config = json.dumps({"architecture": arch, "os": "linux", "config": {"User": user},
                         "rootfs": {"type": "layers", "diff_ids": [
                             "sha256:" + hashlib.sha256(gzip.decompress(b)).hexdigest() for b in layers]}}).encode()
    manifest = {"schemaVersion": 2, "mediaType": OCI_MANIFEST,
                "config": {"mediaType": OCI_CONFIG, "digest": registry.push_blob(repository, config),
                           "size": len(config)},
                "layers": [{"mediaType": OCI_LAYER_GZIP, "digest": registry.push_blob(repository, b),
                            "size": len(b)} for b in layers]}
    return registry.push_manifest(repository, tag, manifest, OCI_MANIFEST)


BASE = layer({"etc/os-release": OS_RELEASE, "var/lib/dpkg/status": status(("bash", "5.2.15-2"), ("curl", "7.88.1-10"))})


def test_packages_read_from_the_registry_layers_and_whiteouts(registry):
    push(registry, "inv/replaced", "1", [BASE, layer({"var/lib/dpkg/status": status(("bash", "5.2.15-2"))})],
         user="app")
    push(registry, "inv/whiteout", "1", [BASE, layer({"var/lib/dpkg/.wh.status": b""})])
    inventories = RegistryInventories(RegistryClient())
    replaced = inventories.inventory_of(parse_reference(f"{registry.host}/inv/replaced:1"))
    assert replaced.os == "Debian:12" and replaced.user == "app"
    assert [(p.name, p.version) for p in replaced.packages] == [("bash", "5.2.15-2")]
    whited_out = inventories.inventory_of(parse_reference(f"{registry.host}/inv/whiteout:1"))
    assert whited_out.os == "Debian:12" and whited_out.packages == ()


def test_an_index_gives_the_platform_asked_for(registry):
    amd64 = push(registry, "inv/multi", "1-amd64", [BASE])
    arm64 = push(registry, "inv/multi", "1-arm64", [layer({"etc/os-release": OS_RELEASE})], arch="arm64")
    entries = [{"mediaType": OCI_MANIFEST, "digest": d, "size": 1, "platform": {"os": "linux", "architecture": a}}
               for d, a in ((amd64, "amd64"), (arm64, "arm64"))]
    registry.push_manifest("inv/multi", "1", {"schemaVersion": 2, "mediaType": OCI_INDEX, "manifests": entries},
                           OCI_INDEX)
    inventories = RegistryInventories(RegistryClient())
    ref = parse_reference(f"{registry.host}/inv/multi:1")
    assert {p.name for p in inventories.inventory_of(ref).packages} == {"bash", "curl"}
    assert inventories.inventory_of(ref, "linux/arm64").packages == ()
    with pytest.raises(RegistryError, match="lists no linux/s390x image"):
        inventories.inventory_of(ref, "linux/s390x")


def test_a_second_read_of_a_digest_costs_no_blob_request(registry):
    push(registry, "inv/cached", "1", [BASE, layer({"etc/motd": b"hello"})])
    with HttpServer(forward(registry.url)) as front:
        inventories = RegistryInventories(RegistryClient())
        ref = parse_reference(f"127.0.0.1:{front.port}/inv/cached:1")
        first = inventories.inventory_of(ref)
        blobs = sum("/blobs/" in seen.path for seen in front.seen)
        assert blobs == 3  # the configuration and two layers
        assert inventories.inventory_of(ref) == first
        assert sum("/blobs/" in seen.path for seen in front.seen) == blobs


def test_a_blob_that_does_not_match_its_digest_is_one_line(registry):
    push(registry, "inv/tampered", "1", [BASE])
    push(registry, "inv/fine", "1", [BASE])
    honest = forward(registry.url)
    evil = layer({"etc/os-release": OS_RELEASE, "var/lib/dpkg/status": status(("bash", "5.2.15-2"))})

    def answer(method, path, headers):
        status_code, sent, body = honest(method, path, headers)
        if "/inv/tampered/blobs/" in path and body.startswith(b"\x1f\x8b"):
            sent = {k: v for k, v in sent.items() if k.lower() != "content-length"}
            return status_code, sent, evil  # another layer's bytes under the base layer's digest
        return status_code, sent, body

    with HttpServer(answer) as front:
        inventories = RegistryInventories(RegistryClient())
        started = time.monotonic()
        with pytest.raises(RegistryError) as raised:
            inventories.inventory_of(parse_reference(f"127.0.0.1:{front.port}/inv/tampered:1"))
        message = str(raised.value)
        assert "\n" not in message and "does not match sha256:" in message and "inv/tampered" in message
        # the rest of the run goes on: another image from the same front is read
        fine = inventories.inventory_of(parse_reference(f"127.0.0.1:{front.port}/inv/fine:1"))
        assert {p.name for p in fine.packages} == {"bash", "curl"}
        assert time.monotonic() - started < 10


def test_a_blob_past_its_bound_is_refused_as_it_streams(registry):
    from bot.inventory.limits import Limits
    push(registry, "inv/big", "1", [layer({"etc/os-release": OS_RELEASE, "big": b"\x00" * 200_000})])
    with pytest.raises((RegistryError, ImageArchiveError)) as raised:
        RegistryInventories(RegistryClient(), Limits(json_bytes=50)).inventory_of(
            parse_reference(f"{registry.host}/inv/big:1"))
    assert "more than the 50 bytes" in str(raised.value) and "\n" not in str(raised.value)
