#!/usr/bin/env python3
"""Registry lookups over a monorepo whose images live in a local registry.

    python3 gen_monorepo.py --services 1000 --out /tmp/mono1k-reg --registry 127.0.0.1:5055
    python3 bench/registry.py /tmp/mono1k-reg

Starts Debian's `docker-registry` on a free port behind a small TCP proxy that listens on the
host:port the tree's images name (loopback only) and delays each request by --latency
milliseconds (default 50, about a round trip to a public registry; 0 for none); pushes one small image for every repository:tag they use (through the registry's HTTP upload
API), then resolves every image of the tree with a pool of 1 and of 8 lookups at once, with
anonymous access and again behind token authentication. For each it prints the HTTP requests
made, next to what they must equal (unique images + pinned digests their tags no longer point
to + token requests + one challenge a registry), and the wall time; then the whole `fix`
(scan, resolve, harden, in memory); then every tag moves (pushed again) and the tree as that
fix pinned it is resolved again: each pin's kind is asked once per repository and digest.
"""
from __future__ import annotations

import argparse
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.config import load_config  # noqa: E402
from bot.errors import HardenbotError  # noqa: E402
from bot.model.images import ImageRef, parse_reference  # noqa: E402
from bot.registry.client import Credential, RegistryClient, _is_loopback  # noqa: E402
from bot.registry.resolver import resolve_all  # noqa: E402
from bot.run import process  # noqa: E402
from bot.sources.discovery import find_sources  # noqa: E402
from bot.sources.files import read_text  # noqa: E402
from tests.servers import RegistryServer, TokenServer  # noqa: E402


class LatencyProxy:
    """127.0.0.1:`port` → 127.0.0.1:`upstream`, each client→registry chunk delayed."""

    def __init__(self, port: int, upstream: int, latency: float):
        self.upstream, self.latency = upstream, latency
        self.server = socket.create_server(("127.0.0.1", port))
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.upstream))
            threading.Thread(target=self._pump, args=(client, upstream, self.latency), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, 0.0), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, target: socket.socket, delay: float) -> None:
        try:
            while data := source.recv(65536):
                if delay:
                    time.sleep(delay)
                target.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, target):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def close(self) -> None:
        try:
            self.server.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread, so the port is free again
        except OSError:
            pass
        self.server.close()


def tree_images(root: Path, texts: dict[str, str] | None = None) -> list[ImageRef]:
    """The tree's image references, as its files are or as `texts` (path → text) has them."""
    refs = []
    for source in find_sources(root):
        try:
            text = texts[source.path] if texts is not None else read_text(root / source.path)
            occurrences = source.kind.occurrences(text, source.path)
        except HardenbotError:
            continue
        for occurrence in occurrences:
            try:
                refs.append(parse_reference(occurrence.text))
            except HardenbotError:
                continue
    return refs


def measure(label: str, refs: list[ImageRef], credentials: dict[str, Credential], workers: int) -> None:
    client = RegistryClient(credentials)
    start = time.perf_counter()
    results = resolve_all(refs, client, workers)
    seconds = time.perf_counter() - start
    failed = sum(1 for r in results.values() if r.error)
    registries = len({key[0] for key in results})
    challenges = registries if client.token_requests else 0
    pins = len({(key[0], key[1], digest) for key, r in results.items() for digest in r.pinned})
    expected = len(results) + pins + client.token_requests + challenges
    print(f"{label:<28} pool {workers}: {client.requests_made:5d} requests (= {len(results)} unique images"
          f" + {pins} pinned digests + {client.token_requests} tokens + {challenges} challenge: {expected})"
          f"  {seconds:6.3f} s" + (f"  {failed} FAILED" if failed else ""))


def measure_moved(refs: list[ImageRef]) -> None:
    """Resolve a pinned tree after its tags moved: a HEAD a tag and a pinned digest, and, for
    one platform's manifest beside a tag that is one manifest too, both manifests and configs."""
    client = RegistryClient()
    start = time.perf_counter()
    results = resolve_all(refs, client, 8)
    seconds = time.perf_counter() - start
    pins = {(key[0], key[1], digest): p for key, r in results.items() for digest, p in r.pinned.items()}
    kinds = sorted({p.kind or "gone" for p in pins.values()})
    print(f"tags moved, pinned tree (pool 8): {client.requests_made} requests for {len(results)} unique images"
          f" and {len(pins)} pinned digests they moved from ({', '.join(kinds)}), {seconds:.3f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--latency", type=float, default=50, help="milliseconds added to each request (default 50)")
    args = parser.parse_args()
    root = args.path.resolve()
    refs = [r for r in tree_images(root) if r.tag]
    hosts = {r.registry for r in refs}
    if len(hosts) != 1 or not _is_loopback(next(iter(hosts))):
        print(f"the tree's images must all name one loopback registry (found: {sorted(hosts)});"
              " generate it with --registry 127.0.0.1:PORT", file=sys.stderr)
        return 2
    host = next(iter(hosts))
    port = int(host.rsplit(":", 1)[1])
    unique = sorted({(r.repository, r.tag) for r in refs})
    print(f"{len(refs)} image references, {len(unique)} unique, in {root}; registry {host},"
          f" {args.latency:g} ms added to each request")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        (folder / "open").mkdir()
        with RegistryServer(folder / "open") as registry:
            proxy = LatencyProxy(port, registry.port, args.latency / 1000)
            for repository, tag in unique:
                registry.push_image(repository, tag, seed="bench")
            for workers in (1, 8):
                measure("anonymous", refs, {}, workers)
            config = load_config(root)
            client = RegistryClient()
            start = time.perf_counter()
            report = process(root, config, config.active_rules(), fix=True, write=False,
                             resolver=lambda found: resolve_all(found, client, 8))
            seconds = time.perf_counter() - start
            pinned = sum(1 for r in report.results for f in r.hardened.applied if f.rule == "HB030")
            print(f"fix, whole tree (pool 8): {len(report.results)} files, {pinned} images pinned,"
                  f" {client.requests_made} requests, {seconds:.3f} s")
            for repository, tag in unique:
                registry.push_image(repository, tag, seed="bench-moved")
            measure_moved([r for r in tree_images(root, {r.path: r.hardened.text for r in report.results}) if r.tag])
            proxy.close()
        token_folder = folder / "token"
        token_folder.mkdir()
        with TokenServer(token_folder, username="bench", password="bench-secret") as tokens, \
                RegistryServer(token_folder, tokens) as registry:
            proxy = LatencyProxy(port, registry.port, args.latency / 1000)
            for repository, tag in unique:
                registry.push_image(repository, tag, seed="bench")
            credentials = {host: Credential("bench", "bench-secret")}
            for workers in (1, 8):
                measure("token auth", refs, credentials, workers)
            proxy.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
