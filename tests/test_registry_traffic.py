"""What a run asked of registries, counted by the client by endpoint: the figures
bench/transforms.py prints for candidate bases (tag lists and blobs) beside digest lookups."""
from __future__ import annotations

import json

import requests

from bot.model.images import parse_reference
from bot.registry.client import RegistryClient, endpoint
from bot.registry.image_files import RegistryInventories
from tests.test_registry_inventory import BASE, layer, push, status


def test_endpoints_are_named_by_their_path():
    assert endpoint("http://127.0.0.1:5000/v2/library/python/tags/list?n=1000") == "tags"
    assert endpoint("http://127.0.0.1:5000/v2/library/python/manifests/3.11-slim") == "manifests"
    assert endpoint("https://cdn.example/v2/library/python/blobs/sha256:" + "a" * 64) == "blobs"
    assert endpoint("https://auth.docker.io/token?scope=repository:library/python:pull") == "other"
    assert endpoint("http://127.0.0.1:5000/v2/") == "other"


def test_requests_and_bytes_of_a_candidate_read_are_counted_by_endpoint(registry):
    top = layer({"var/lib/dpkg/status": status(("bash", "5.2.15-2"))})
    push(registry, "traffic/python", "3.11-slim", [BASE, top])
    push(registry, "traffic/python", "3.11.10-slim", [BASE])
    client = RegistryClient()
    ref = parse_reference(f"{registry.host}/traffic/python:3.11-slim")

    assert set(client.tags(ref)) == set(client.tags(ref)) == {"3.11-slim", "3.11.10-slim"}
    inventory = RegistryInventories(client).inventory_of(ref)

    assert [p.name for p in inventory.packages] == ["bash"]  # the read went on to its end
    sent = requests.get(f"{registry.url}/v2/traffic/python/manifests/3.11-slim",
                        headers={"Accept": "application/vnd.oci.image.manifest.v1+json"}, timeout=10).content
    manifest = json.loads(sent)
    assert [d["size"] for d in manifest["layers"]] == [len(BASE), len(top)]  # counted as sent: compressed
    listing = requests.get(f"{registry.url}/v2/traffic/python/tags/list?n=1000", timeout=10).content
    assert client.requests_by_kind == {"tags": 1,  # listed once, the second ask answered from memory
                                       "manifests": 2,  # the tag's HEAD, then the manifest by its digest
                                       "blobs": 3}  # the configuration and both layers
    assert client.bytes_by_kind == {"tags": len(listing), "manifests": len(sent),
                                    "blobs": manifest["config"]["size"] + len(BASE) + len(top)}
    assert sum(client.requests_by_kind.values()) == client.requests_made  # no redirect, no retry
