#!/usr/bin/env python3
"""Package inventories and OSV lookups for 20 images, with OSV's HTTP layer mocked at a
realistic latency, run twice: the second run answers from the disk cache.

    python3 bench/grade.py [--images 20] [--latency 0.08] [--rootfs FILE]

Each image is a saved image (`docker save` layout) of two layers: a real Debian bookworm
minbase root file system (the `--verify` tests' mmdebstrap tarball, ~/.cache/hardenbot-tests/,
about 90 dpkg packages with their copyright files) and an application layer of its own,
with 40 to 80 Python distributions and 100 to 300 npm packages, a third of them shared
between images (as real services share Django or express). OSV is `responses` at the
`requests` layer: every request sleeps `--latency` seconds before it is answered; about one
package in eight has an advisory (a DSA-shaped record for Debian, GHSA-shaped with a CVSS
vector for PyPI and npm), so the record fetches are realistic too.

Prints, per run: seconds reading inventories, packages asked about (unique), querybatch
calls and their sizes, record fetches, cache hits, OSV seconds; and the vulnerabilities the
policies counted, which must be the same both runs.
"""
from __future__ import annotations

import argparse
import io
import json
import random
import re
import sys
import tarfile
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import unquote

import responses

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.inventory import inventory_from_files, wanted  # noqa: E402
from bot.inventory.layers import files_from_saved_image  # noqa: E402
from bot.osv.cache import OsvCache  # noqa: E402
from bot.osv.client import OSV_API, OsvClient  # noqa: E402

ROOTFS = Path.home() / ".cache" / "hardenbot-tests" / "debian-bookworm-minbase.tar"
SITE = "usr/local/lib/python3.11/site-packages"


def _add(tar: tarfile.TarFile, path: str, data: bytes) -> None:
    info = tarfile.TarInfo(path)
    info.size = len(data)
    tar.addfile(info, io.BytesIO(data))


def app_layer(rng: random.Random, index: int) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for n in range(rng.randint(40, 80)):
            name = f"shared-py-{n}" if n % 3 == 0 else f"app{index}-py-{n}"
            _add(tar, f"{SITE}/{name}-1.{n}.dist-info/METADATA",
                 f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.{n}\nLicense: MIT\n".encode())
        for n in range(rng.randint(100, 300)):
            name = f"shared-js-{n}" if n % 3 == 0 else f"app{index}-js-{n}"
            _add(tar, f"app/node_modules/{name}/package.json",
                 json.dumps({"name": name, "version": f"2.{n}.0", "license": "ISC"}).encode())
    return buffer.getvalue()


def saved_image(folder: Path, base: Path, app: bytes, index: int) -> Path:
    path = folder / f"image{index}.tar"
    with tarfile.open(path, "w") as tar:
        tar.add(base, "base/layer.tar")
        _add(tar, "app/layer.tar", app)
        _add(tar, "config.json", json.dumps({"config": {"User": "10001"}}).encode())
        _add(tar, "manifest.json", json.dumps([{"Config": "config.json", "RepoTags": [f"app{index}:ci"],
                                                 "Layers": ["base/layer.tar", "app/layer.tar"]}]).encode())
    return path


def affected(key: str) -> bool:
    """About one package in eight has an advisory; the same ones every run."""
    return sum(key.encode()) % 8 == 0


def record(vuln_id: str) -> dict:
    ecosystem, name, version = vuln_id.split("|")[1:]
    fixed = version + ".1"
    base = {"id": vuln_id, "modified": "2024-09-18T10:02:11Z", "schema_version": "1.6.0",
            "affected": [{"package": {"ecosystem": ecosystem, "name": name},
                          "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": fixed}]}]}]}
    if ecosystem.startswith("Debian"):
        base["upstream"] = [f"CVE-2024-{sum(name.encode()) % 90000 + 10000}"]
    else:
        base["severity"] = [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"}]
    return base


def mock_osv(mock: responses.RequestsMock, latency: float, stats: Counter) -> None:
    def querybatch(request):
        time.sleep(latency)
        queries = json.loads(request.body)["queries"]
        stats["querybatch"] += 1
        stats[f"batch of {len(queries)}"] += 1
        results = []
        for q in queries:
            key = f"{q['package']['ecosystem']}|{q['package']['name']}|{q['version']}"
            results.append({"vulns": [{"id": f"BENCH|{key}", "modified": "2024-09-18T10:02:11Z"}]}
                           if affected(key) else {})
        return 200, {}, json.dumps({"results": results})

    def vuln(request):
        time.sleep(latency)
        stats["records"] += 1
        vuln_id = unquote(request.url.rpartition("/")[2])
        if vuln_id.startswith("CVE-"):
            return 200, {}, json.dumps({"id": vuln_id, "severity": [
                {"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}]})
        return 200, {}, json.dumps(record(vuln_id))

    mock.add_callback(responses.POST, f"{OSV_API}/v1/querybatch", callback=querybatch)
    mock.add_callback(responses.GET, re.compile(rf"{re.escape(OSV_API)}/v1/vulns/.*"), callback=vuln)


def run(images: list[Path], cache: Path, latency: float) -> dict:
    stats: Counter = Counter()
    started = time.monotonic()
    inventories = []
    for path in images:
        saved = files_from_saved_image(path, wanted)
        inventories.append(inventory_from_files(saved.files, saved.user))
    reading = time.monotonic() - started
    packages = [p for inventory in inventories for p in inventory.packages]
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock_osv(mock, latency, stats)
        started = time.monotonic()
        answers = OsvClient(OsvCache(cache)).lookup(packages)
        asking = time.monotonic() - started
    assert not answers.error, answers.error
    severities = Counter(v.severity.value for p in packages for v in answers.found.get(p.key, ()))
    return {"reading": reading, "packages": len(packages), "unique": len({p.key for p in packages if p.ecosystem}),
            "stats": stats, "requests": answers.requests, "hits": answers.cache_hits, "asking": asking,
            "severities": dict(sorted(severities.items())),
            "per_image": [len(i.packages) for i in inventories]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--images", type=int, default=20)
    parser.add_argument("--latency", type=float, default=0.08, help="seconds per mocked OSV request")
    parser.add_argument("--rootfs", type=Path, default=ROOTFS, help="a root file system tar (Debian, with dpkg)")
    args = parser.parse_args()
    if not args.rootfs.is_file():
        print(f"no root file system at {args.rootfs}: run the --verify tests once (they make it), or pass --rootfs")
        return 2
    rng = random.Random(14)
    with tempfile.TemporaryDirectory(prefix="hardenbot-grade-") as scratch:
        folder = Path(scratch)
        images = [saved_image(folder, args.rootfs, app_layer(rng, i), i) for i in range(args.images)]
        size = sum(p.stat().st_size for p in images) / 1e6
        print(f"{len(images)} saved images, {size:.0f} MB; OSV mocked at {args.latency * 1000:.0f} ms a request")
        results = []
        for label in ("first run (empty cache)", "second run (cache from the first)"):
            result = run(images, folder / "cache", args.latency)
            results.append(result)
            batches = {k: v for k, v in result["stats"].items() if k.startswith("batch of")}
            print(f"{label}: inventories {result['reading']:.1f} s ({min(result['per_image'])}–"
                  f"{max(result['per_image'])} packages an image, {result['packages']} in all, "
                  f"{result['unique']} unique); OSV {result['asking']:.2f} s: {result['requests']} requests "
                  f"({result['stats']['querybatch']} querybatch {batches or ''}, {result['stats']['records']} "
                  f"records), {result['hits']} packages from the cache; vulnerabilities {result['severities']}")
        assert results[0]["severities"] == results[1]["severities"], "the cache changed the answers"
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
