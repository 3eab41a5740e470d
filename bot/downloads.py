"""Downloading the URLs `ADD` fetches, once each, for the sha256 that pins them (HB062).

Like registry digests, this runs before the rules, which get the answers as data. A URL in a
Dockerfile is the repository's to choose, so the runner is held to the registry client's URL
policy (`bot/registry/redirects.py`): https only, never a literal link-local address such as
cloud metadata, redirects followed by hand (at most 5, each hop checked before it is asked);
no credentials are ever sent. Each body is hashed as it streams and never kept; one past
MAX_BYTES, or the run's downloads past their deadline, is an error for that URL, not a digest.
"""
from __future__ import annotations

import hashlib
import time
from collections.abc import Callable

import requests

from bot.model.downloads import Download
from bot.registry.errors import RegistryError
from bot.registry.redirects import REDIRECT_STATUSES, host_of, next_hop, url_allowed

MAX_BYTES = 256 * 1024 * 1024  # more than a release archive ADD fetches needs
DEADLINE = 120.0  # seconds all of a run's downloads take together
READ_TIMEOUT = 15.0  # seconds one connect or read may wait
CHUNK = 1024 * 1024

Downloader = Callable[[list[str]], dict[str, Download]]


class DownloadError(Exception):
    """Why a URL has no digest: one line."""


def make_downloader(deadline: float = DEADLINE, max_bytes: int = MAX_BYTES,
                    session_factory: Callable[[], requests.Session] = requests.Session) -> Downloader:
    def download_all(urls: list[str]) -> dict[str, Download]:
        until = time.monotonic() + deadline
        with session_factory() as session:
            return {url: download(url, session, until, max_bytes) for url in dict.fromkeys(urls)}
    return download_all


def download(url: str, session: requests.Session, until: float, max_bytes: int = MAX_BYTES) -> Download:
    """The sha256 of what `url` serves, or the one-line reason there is none."""
    try:
        return _download(url, session, until, max_bytes)
    except DownloadError as error:
        return Download(url, error=str(error))
    except RegistryError as error:  # a redirect the URL policy refuses
        return Download(url, error=f"download refused: {error}")
    except requests.RequestException as error:
        return Download(url, error=f"download failed: {host_of(url)}: {type(error).__name__}")


def _download(url: str, session: requests.Session, until: float, max_bytes: int) -> Download:
    if not url.startswith("https://") or not url_allowed(url):
        raise DownloadError(f"not downloaded: {host_of(url)} is not an https address the runner may fetch")
    current, visited = url, {url}
    for hops in range(1, 100):
        _left(until, url)
        response = session.get(current, stream=True, allow_redirects=False, timeout=(READ_TIMEOUT, READ_TIMEOUT),
                               headers={"Accept-Encoding": "identity"})
        with response:
            if response.status_code in REDIRECT_STATUSES:
                current = next_hop(url, current, response.headers.get("Location"), hops, visited)
                visited.add(current)
                continue
            if response.status_code != 200:
                raise DownloadError(f"download failed: {host_of(url)} answered HTTP {response.status_code}")
            encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
            if encoding not in ("", "identity"):
                # BuildKit checks the bytes it stores; which ones those are under an encoding is not certain.
                raise DownloadError(f"not pinned: {host_of(url)} sent it {encoding}-encoded")
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise DownloadError(f"not pinned: {host_of(url)} serves {int(declared):,} bytes, more than "
                                    f"the {max_bytes:,} hardenbot downloads")
            digest, size = hashlib.sha256(), 0
            for chunk in response.iter_content(CHUNK, decode_unicode=False):
                size += len(chunk)
                if size > max_bytes:
                    raise DownloadError(f"not pinned: {host_of(url)} sent more than the {max_bytes:,} bytes "
                                        "hardenbot downloads")
                digest.update(chunk)
                _left(until, url)
            return Download(url, f"sha256:{digest.hexdigest()}", size)
    raise DownloadError(f"download failed: {host_of(url)} redirected too often")


def _left(until: float, url: str) -> None:
    if time.monotonic() > until:
        raise DownloadError(f"not pinned: the run's time for downloads ran out before {host_of(url)} answered")
