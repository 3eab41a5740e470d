"""HB062's downloads: what an ADD URL serves, pinned by its sha256, against real HTTPS servers
on 127.0.0.1; and what the runner refuses to fetch."""
from __future__ import annotations

import hashlib
import time

import pytest
import requests

from bot.cli import main
from bot.downloads import download, make_downloader
from tests.helpers import read, write
from tests.servers import HttpServer, tls_files

BODY = b"tool archive bytes " * 1000
VERSIONED = "/releases/download/v1.2.3/tool-1.2.3.tar.gz"


@pytest.fixture
def trusted_tls(tmp_path, monkeypatch):
    """A certificate for 127.0.0.1 that requests trusts (as the CLI's session will)."""
    cert, key = tls_files(tmp_path)
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(cert))
    return cert, key


def _release_server(tls):
    """Serves VERSIONED through one same-origin redirect, as release hosts send to a CDN path."""
    def answer(method, path, headers):
        if path == VERSIONED:
            return 302, {"Location": "/cdn/blob?signature=abc"}, b""
        if path == "/cdn/blob?signature=abc":
            return 200, {"Content-Type": "application/gzip"}, BODY
        return 404, {}, b""
    return HttpServer(answer, tls_files=tls)


def test_a_versioned_add_url_is_pinned_to_the_sha256_it_served(tmp_path, trusted_tls, capsys):
    with _release_server(trusted_tls) as server:
        url = server.url + VERSIONED
        repo = tmp_path / "repo"
        write(repo, "Dockerfile", f"FROM python:3.12-slim\nADD {url} /opt/\nRUN pip install flask\n")
        assert main(["check", "--select", "HB062,DL3042", str(repo)]) == 1
        assert f"pinned to the sha256 of the {len(BODY):,} bytes it served" in capsys.readouterr().out
        assert main(["fix", "--select", "HB062,DL3042", str(repo)]) == 0
        digest = hashlib.sha256(BODY).hexdigest()
        assert read(repo / "Dockerfile") == (
            f"# syntax=docker/dockerfile:1\nFROM python:3.12-slim\nADD --checksum=sha256:{digest} {url} /opt/\n"
            "RUN pip install --no-cache-dir flask\n")  # the other rule's fix is made in the same run
        assert server.paths == [VERSIONED, "/cdn/blob?signature=abc"] * 2  # once a run
        assert all("Authorization" not in seen.headers for seen in server.seen)
        assert main(["fix", "--select", "HB062,DL3042", str(repo)]) == 0  # pinned: nothing left to download
        assert len(server.seen) == 4


def test_offline_reports_the_add_and_downloads_nothing(tmp_path, trusted_tls, capsys):
    with _release_server(trusted_tls) as server:
        repo = tmp_path / "repo"
        text = f"FROM python:3.12-slim\nADD {server.url + VERSIONED} /opt/\n"
        write(repo, "Dockerfile", text)
        assert main(["fix", "--offline", "--select", "HB062", str(repo)]) == 0
        assert read(repo / "Dockerfile") == text
        assert "not pinned: not downloaded in this run (--offline)" in capsys.readouterr().out
        assert server.seen == []


def test_a_body_past_the_bound_is_an_error_not_a_digest(trusted_tls):
    with HttpServer(lambda m, p, h: (200, {}, BODY), tls_files=trusted_tls) as server:
        with requests.Session() as session:
            declared = download(server.url + VERSIONED, session, time.monotonic() + 30, max_bytes=1000)
        assert declared.digest is None and "more than the 1,000" in (declared.error or "")


def test_a_redirect_to_cloud_metadata_is_never_followed(trusted_tls):
    metadata = "http://169.254.169.254/latest/meta-data/"
    with HttpServer(lambda m, p, h: (302, {"Location": metadata}, b""), tls_files=trusted_tls) as server:
        answers = make_downloader()([server.url + VERSIONED])
    answer = answers[server.url + VERSIONED]
    assert answer.digest is None and "download refused" in (answer.error or "") and "not followed" in answer.error
    assert server.paths == [VERSIONED]


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/tool-1.2.3.tar.gz", "https://169.254.169.254/v1.2.3/x",
                                 "https://[::ffff:169.254.169.254]/v1.2.3/x"])
def test_plain_http_and_link_local_urls_are_never_requested(url):
    class Refusing(requests.Session):
        def get(self, *args, **kwargs):
            raise AssertionError("requested")

    answer = make_downloader(session_factory=Refusing)([url])[url]
    assert answer.digest is None and answer.error.startswith("not downloaded")


def test_an_error_answer_is_one_line_for_its_url_and_the_others_are_downloaded(trusted_tls):
    def answer(method, path, headers):
        return (200, {}, BODY) if path == VERSIONED else (404, {}, b"")

    with HttpServer(answer, tls_files=trusted_tls) as server:
        answers = make_downloader()([server.url + "/gone/v2.0.0/x.tar.gz", server.url + VERSIONED])
    assert answers[server.url + "/gone/v2.0.0/x.tar.gz"].error == f"download failed: {server.host} answered HTTP 404"
    assert answers[server.url + VERSIONED].digest == "sha256:" + hashlib.sha256(BODY).hexdigest()
