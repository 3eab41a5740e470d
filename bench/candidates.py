#!/usr/bin/env python3
"""Candidate base tags at the sizes the bounds allow.

    python3 bench/candidates.py

Prints, each the best of three:
- `candidates()` over tag lists of 1,000, 5,000 and 10,000 tags (MAX_TAGS) shaped like
  python's, for one current tag; and every tag of tests/fixtures/tags/python.txt and node.txt
  as the current one;
- `next_target()` over Link headers of MAX_LINK characters shaped to make a parser backtrack;
- `RegistryClient.tags()` listing 10,000 tags from a registry on a thread on 127.0.0.1, in
  pages of 1,000 and of 100 (MAX_TAG_PAGES of them): requests and wall time.
"""
from __future__ import annotations

import json
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.model.images import parse_reference  # noqa: E402
from bot.recommend.candidates import candidates  # noqa: E402
from bot.recommend.tags import parse_tag  # noqa: E402
from bot.registry.client import MAX_TAGS, RegistryClient  # noqa: E402
from bot.registry.link import MAX_LINK, next_target  # noqa: E402

VARIANTS = ("", "-slim", "-bookworm", "-slim-bookworm", "-bullseye", "-alpine", "-alpine3.19", "-alpine3.20")


def best(run, times: int = 3) -> float:
    figures = []
    for _ in range(times):
        parse_tag.cache_clear()
        started = time.perf_counter()
        run()
        figures.append(time.perf_counter() - started)
    return min(figures)


def python_like(count: int) -> list[str]:
    tags = [f"3.{minor}.{patch}{variant}" for minor in range(200) for patch in range(200) for variant in VARIANTS]
    return tags[:count]


def registry(total: int) -> tuple[ThreadingHTTPServer, str]:
    """Sends `total` tags in pages of `n`, each with a Link to the next."""
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            url = urllib.parse.urlsplit(self.path)
            query = urllib.parse.parse_qs(url.query)
            start, size = int(query.get("last", ["0"])[0]), int(query["n"][0])
            body = json.dumps({"name": "library/python",
                               "tags": [f"3.{n}" for n in range(start, min(total, start + size))]}).encode()
            self.send_response(200)
            if start + size < total:
                self.send_header("Link", f'<{url.path}?last={start + size}&n={size}>; rel="next"')
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"127.0.0.1:{server.server_address[1]}"


def main() -> int:
    for count in (1000, 5000, MAX_TAGS):
        tags = python_like(count)
        seconds = best(lambda: candidates("python", "3.11-slim", tags))  # noqa: B023 - run at once
        print(f"candidates, {count:>6} tags, one current tag: {seconds * 1000:8.1f} ms")
    for name in ("python", "node"):
        tags = (ROOT / "tests" / "fixtures" / "tags" / f"{name}.txt").read_text().split()
        seconds = best(lambda: [candidates(name, tag, tags) for tag in tags])  # noqa: B023
        print(f"candidates, {name} list ({len(tags)} tags), each as current: {seconds * 1000:8.1f} ms")
    for label, header in [("many <", "<" * MAX_LINK), ("<a> repeated", "<a>" * (MAX_LINK // 3)),
                          ('unclosed rel="', '<a>; rel="' * (MAX_LINK // 10)),
                          ("many params", "<a>" + "; x=y" * (MAX_LINK // 6)),
                          ("one long quote", '<a>; x="' + "a" * (MAX_LINK - 10))]:
        seconds = best(lambda: next_target(header[:MAX_LINK]))  # noqa: B023
        print(f"Link header, {label:<16} {MAX_LINK} chars: {seconds * 1000:8.2f} ms")
    for page in (1000, 100):
        server, host = registry(MAX_TAGS)
        client = RegistryClient()
        started = time.perf_counter()
        listed = client.tags(parse_reference(f"{host}/library/python:3"), page_size=page)
        print(f"tag list, {len(listed)} tags in pages of {page:>4}: {client.requests_made:3} requests, "
              f"{time.perf_counter() - started:.2f} s")
        server.shutdown()
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
