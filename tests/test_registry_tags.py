"""The registry's tag list (`GET /v2/<name>/tags/list`), read by RegistryClient.tags: against
the real docker-registry on 127.0.0.1 (anonymous and behind token authentication), and a
hostile registry on a thread whose `Link` headers lead elsewhere, loop, or never end.

Debian's docker-registry (distribution 2.8) sends a whole tag list at once and ignores `n`;
distribution 3, Docker Hub and GHCR send pages of `n` tags with a `Link` to the next one.
`PagingFront` puts that paging in front of the real registry: every other request, and the
tags themselves, are the registry's own."""
from __future__ import annotations

import json
import threading
import time
import urllib.parse
from collections.abc import Callable

import pytest
import requests

from bot.model.images import parse_reference
from bot.registry.client import (
    MAX_TAG_PAGES,
    MAX_TAGS,
    Credential,
    NotFoundError,
    RegistryClient,
    RegistryError,
)
from bot.registry.link import MAX_LINK, LinkError, next_page, next_target
from tests.servers import OCI_MANIFEST, Answer, HttpServer


def paging_front(backend: str) -> HttpServer:
    """The real registry at `backend`, its tag lists sent in pages of `n` after `last`, in
    lexical order, each but the last with a relative `Link` to the next (as distribution 3)."""
    def answer(method: str, path: str, headers: dict[str, str]) -> Answer:
        forward = {k: v for k, v in headers.items() if k.lower() in ("authorization", "accept")}
        url = urllib.parse.urlsplit(path)
        response = requests.request(method, backend + url.path, headers=forward, timeout=10)
        keep = {k: v for k, v in response.headers.items()
                if k.lower() in ("content-type", "www-authenticate", "docker-content-digest")}
        if not url.path.endswith("/tags/list") or response.status_code != 200:
            return response.status_code, keep, response.content
        query = urllib.parse.parse_qs(url.query)
        size, last = int(query["n"][0]), query.get("last", [""])[0]
        listing = response.json()
        remaining = [tag for tag in sorted(listing["tags"]) if tag > last]
        page = {"name": listing["name"], "tags": remaining[:size]}
        if len(remaining) > size:
            keep["Link"] = f'<{url.path}?last={remaining[size - 1]}&n={size}>; rel="next"'
        return 200, keep, json.dumps(page).encode()
    return HttpServer(answer)


def push_tags(registry, repository: str, count: int) -> list[str]:
    """One small image under `count` tags."""
    tags = [f"3.{minor}-slim" for minor in range(count)]
    registry.push_image(repository, tags[0], seed=repository)
    manifest = requests.get(f"{registry.url}/v2/{repository}/manifests/{tags[0]}",
                            headers={**registry._authorization(repository), "Accept": OCI_MANIFEST}, timeout=10).json()
    for tag in tags[1:]:
        registry.push_manifest(repository, tag, manifest, OCI_MANIFEST)
    return tags


# -- the real registry --------------------------------------------------------------------
def test_a_tag_list_of_pages_is_followed_and_listed_once(registry):
    tags = push_tags(registry, "paging/python", 30)
    registry.push_image("paging/node", "20", seed="other")
    with paging_front(registry.url) as front:
        client = RegistryClient()
        ref = parse_reference(f"{front.host}/paging/python:3.11-slim")
        listed = client.tags(ref, page_size=7)
        assert sorted(listed) == sorted(tags) and len(listed) == 30
        assert client.requests_made == 5 == len(front.paths)  # 7 + 7 + 7 + 7 + 2
        assert all(path.startswith("/v2/paging/python/tags/list?") for path in front.paths)
        threads = [threading.Thread(target=client.tags, args=(ref,)) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert client.tags(parse_reference(f"{front.host}/paging/python:other")) == listed
        assert client.requests_made == 5  # once a run, however often and however concurrently asked
        assert client.tags(parse_reference(f"{front.host}/paging/node:20"), page_size=7) == ("20",)
        assert client.resolve_digest(parse_reference(f"{front.host}/paging/python:3.29-slim"))


def test_a_registry_that_sends_the_whole_list_at_once(registry):
    tags = push_tags(registry, "whole/python", 12)
    client = RegistryClient()
    assert sorted(client.tags(parse_reference(f"{registry.host}/whole/python:3.1-slim"), page_size=5)) == sorted(tags)
    assert client.requests_made == 1
    with pytest.raises(NotFoundError, match=f"^{registry.host} has no tag list for {registry.host}/nobody/here$"):
        client.tags(parse_reference(f"{registry.host}/nobody/here:1"))


def test_the_tag_list_uses_the_repositorys_token(token_registry):
    tags = push_tags(token_registry, "private/python", 16)
    with paging_front(token_registry.url) as front:
        client = RegistryClient({front.host: Credential("ci", "registry-secret")})
        ref = parse_reference(f"{front.host}/private/python:3.1-slim")
        assert client.resolve_digest(ref)
        assert sorted(client.tags(ref, page_size=5)) == sorted(tags)
        assert client.token_requests == 1  # the one the digest lookup fetched
        issued = token_registry.token.requests[-1]
        assert issued["query"]["scope"] == ["repository:private/python:pull"]
        assert client.requests_made == 1 + 1 + 1 + 4  # challenge, token, HEAD, 5 + 5 + 5 + 1 tags
        with pytest.raises(RegistryError, match="refused an anonymous token"):
            RegistryClient().tags(ref)


# -- a hostile registry -------------------------------------------------------------------
def scripted(pages: Callable[[str], Answer]) -> HttpServer:
    return HttpServer(lambda method, path, headers: pages(path))


def page(tags: list, link: str | None = None, status: int = 200) -> Answer:
    headers = {"Content-Type": "application/json"}
    if link is not None:
        headers["Link"] = link
    return status, headers, json.dumps({"name": "team/app", "tags": tags}).encode()


LISTING = "/v2/team/app/tags/list"


@pytest.mark.parametrize(("link", "reason"), [
    ('<{other}/v2/team/app/tags/list?last=b&n=2>; rel="next"', "a next link to another host"),
    ('<//{other_host}/v2/team/app/tags/list?last=b>; rel="next"', "a next link to another host"),
    ('<http://localhost:{port}/v2/team/app/tags/list?last=b>; rel="next"', "a next link to another host"),
    ('<https://{host}/v2/team/app/tags/list?last=b>; rel="next"', "a next link to another host"),
    ('<http://user@{host}/v2/team/app/tags/list?last=b>; rel="next"', "a next link to another host"),
    ('<http://{host}@{other_host}/v2/team/app/tags/list?last=b>; rel="next"', "a next link to another host"),
    ('<ftp://{host}/v2/team/app/tags/list>; rel="next"', "a next link to another host"),
    ('<http://{host}:99999/x>; rel="next"', "a next link that is not a URL"),
    ('</v2/team/other/tags/list?last=b>; rel="next"', "a next link outside the listing"),
    ('</v2/team/app/blobs/sha256:aaaa>; rel="next"', "a next link outside the listing"),
    ('<../../../../{other_host}/x>; rel="next"', "a next link outside the listing"),
    ('<{page}>; rel="next"', "in a loop of pages"),
    ("<" * 9000 + '; rel="next"', f"a Link header longer than {MAX_LINK} characters"),
])
def test_a_next_link_elsewhere_is_refused_and_nothing_reaches_it(link, reason):
    with scripted(lambda path: (404, {}, b"")) as other:
        def pages(path: str) -> Answer:
            if path.startswith("/v2/team/good/"):
                return page(["1.0"])
            return page(["a", "b"], link.format(other=other.url, other_host=other.host, host=front.host,
                                                port=front.host.split(":")[1], page=f"{front.url}{path}"))
        with scripted(pages) as front:
            client = RegistryClient(sleep=lambda _: None)
            ref = parse_reference(f"{front.host}/team/app:a")
            with pytest.raises(RegistryError) as refused:
                client.tags(ref, page_size=2)
            message = str(refused.value)
            assert reason in message and message.startswith(front.host) and "\n" not in message
            assert len(message) < 300
            assert other.paths == []
            assert len(front.paths) <= 2
            with pytest.raises(RegistryError, match=reason):
                client.tags(ref)  # the listing's error is kept: asked again, not listed again
            assert len(front.paths) <= 2
            assert client.tags(parse_reference(f"{front.host}/team/good:1.0")) == ("1.0",)  # the rest goes on


def test_a_tag_list_that_never_ends_stops_at_the_page_bound():
    def pages(path: str) -> Answer:
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(path).query)
        after = int(query.get("last", ["0"])[0])
        return page([str(after + 1)], f'<{LISTING}?last={after + 1}&n=1>; rel="next"')
    with scripted(pages) as front:
        client = RegistryClient()
        started = time.perf_counter()
        with pytest.raises(RegistryError, match=f"more than {MAX_TAG_PAGES} pages of tags for {front.host}/team/app$"):
            client.tags(parse_reference(f"{front.host}/team/app:1"), page_size=1)
        assert len(front.paths) == MAX_TAG_PAGES == client.requests_made
        assert time.perf_counter() - started < 30


def test_a_tag_list_too_long_is_an_error_not_a_part():
    def pages(path: str) -> Answer:
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(path).query)
        start = int(query.get("last", ["0"])[0])
        return page([f"{n}" for n in range(start, start + 4000)], f'<{LISTING}?last={start + 4000}>; rel="next"')
    with scripted(pages) as front:
        client = RegistryClient()
        with pytest.raises(RegistryError, match=f"lists more than {MAX_TAGS} tags"):
            client.tags(parse_reference(f"{front.host}/team/app:1"))
        assert len(front.paths) == 3


@pytest.mark.parametrize(("answer", "reason"), [
    ((200, {}, b"not json"), "sent a tag list of {host}/team/app that is not one"),
    ((200, {}, b'{"tags": "3.11"}'), "sent a tag list of {host}/team/app that is not one"),
    ((200, {}, b"[]"), "sent a tag list of {host}/team/app that is not one"),
    ((404, {}, b""), "has no tag list for {host}/team/app"),
    ((401, {"WWW-Authenticate": 'Bearer realm="http://example.com/token"'}, b""), "cannot answer"),
    ((500, {}, b""), "answered HTTP 500 to the tag list of {host}/team/app"),
    ((200, {}, b'{"tags": ["' + b"x" * (5 << 20) + b'"]}'), "sent more than 4 MiB"),
])
def test_a_broken_tag_list_is_one_line(answer, reason):
    with scripted(lambda path: answer) as front:
        with pytest.raises(RegistryError) as failed:
            RegistryClient(sleep=lambda _: None).tags(parse_reference(f"{front.host}/team/app:1"))
        assert reason.format(host=front.host) in str(failed.value) and "\n" not in str(failed.value)


def test_listed_names_that_cannot_be_tags_are_left_out():
    odd = ["3.11", None, 7, "", "-x", "a" * 129, "3.12\n", "../x", "3.12-slim", "3.11", {"t": 1}, "ünïcode"]
    with scripted(lambda path: page(odd)) as front:
        assert RegistryClient().tags(parse_reference(f"{front.host}/team/app:1")) == ("3.11", "3.12-slim")
    with scripted(lambda path: (200, {}, b'{"name": "team/app", "tags": null}')) as front:
        assert RegistryClient().tags(parse_reference(f"{front.host}/team/app:1")) == ()


# -- the Link header ----------------------------------------------------------------------
@pytest.mark.parametrize(("header", "target"), [
    ('</v2/a/tags/list?last=x&n=100>; rel="next"', "/v2/a/tags/list?last=x&n=100"),
    ("</v2/a/tags/list?last=x>; rel=next", "/v2/a/tags/list?last=x"),
    ('</first>; rel="prev", </second>; rel="next"', "/second"),
    ('</a>; title="x, y; rel=next", </b>; REL="Next"', "/b"),
    ('</c>; rel="last next"', "/c"),
    ('<https://registry.example/v2/a/tags/list?n=2&last=b,c>;rel="next"', "https://registry.example/v2/a/tags/list?n=2&last=b,c"),
    ('</a>; rel="prev"', None), ("", None), ("garbage", None), ('</a> rel="next"', None), ("</a>; rel", None),
])
def test_the_next_target_of_a_link_header(header, target):
    assert next_target(header) == target


def test_a_next_page_resolves_against_the_page_that_sent_it():
    first = "https://registry.example/v2/library/python/tags/list?n=100"
    assert next_page('</v2/library/python/tags/list?last=3.1&n=100>; rel="next"', first) == (
        "https://registry.example/v2/library/python/tags/list?last=3.1&n=100")
    assert next_page('<?last=3.2>; rel="next"', first) == "https://registry.example/v2/library/python/tags/list?last=3.2"
    assert next_page('<https://REGISTRY.example/v2/library/python/tags/list?last=3.3#x>; rel="next"', first) == (
        "https://REGISTRY.example/v2/library/python/tags/list?last=3.3")
    assert next_page("", first) is None
    with pytest.raises(LinkError, match="another host"):
        next_page('<https://registry.example:444/v2/library/python/tags/list>; rel="next"', first)


@pytest.mark.parametrize("header", [
    "<" * MAX_LINK, "<a>" * (MAX_LINK // 3), "<a>;" * (MAX_LINK // 4), '<a>; rel="' * (MAX_LINK // 10),
    "<a>" + "; x=y" * (MAX_LINK // 6), '<a>; x="' + "a" * (MAX_LINK - 10), "<" + ">" * (MAX_LINK - 1),
])
def test_a_hostile_link_header_is_read_in_linear_time(header):
    started = time.perf_counter()
    for _ in range(10):
        next_target(header[:MAX_LINK])
    assert time.perf_counter() - started < 10
