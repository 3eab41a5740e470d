"""The registry client against Docker Hub's and GHCR's response shapes, mocked at the HTTP
layer with `responses`: challenge → token → HEAD, 429 with Retry-After, 404, 5xx, GET fallback."""
from __future__ import annotations

import hashlib

import pytest
import requests
import responses
from responses import matchers

from bot.model.images import parse_reference
from bot.registry.client import (
    MANIFEST_TYPES,
    AuthError,
    Credential,
    NotFoundError,
    RegistryClient,
    RegistryError,
    same_platform,
)
from bot.registry.credentials import parse_docker_config
from bot.registry.resolver import resolve_all

HUB = "https://registry-1.docker.io"
HUB_CHALLENGE = ('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",'
                 'scope="repository:library/python:pull"')
DIGEST = "sha256:" + "1" * 64
OTHER = "sha256:" + "2" * 64
SECRET = "s3cr3t-t0ken-value"


def client(**kwargs) -> tuple[RegistryClient, list[float]]:
    slept: list[float] = []
    return RegistryClient(sleep=slept.append, **kwargs), slept


def hub_token(token: str = "anon-token", scope: str = "repository:library/python:pull") -> None:
    responses.get("https://auth.docker.io/token", json={"token": token, "expires_in": 300},
                  match=[matchers.query_param_matcher({"service": "registry.docker.io", "scope": scope})])


@responses.activate
def test_docker_hub_challenge_token_then_head():
    responses.head(f"{HUB}/v2/library/python/manifests/3.12-slim", status=401,
                   headers={"WWW-Authenticate": HUB_CHALLENGE})
    hub_token()
    responses.head(f"{HUB}/v2/library/python/manifests/3.12-slim", status=200,
                   headers={"Docker-Content-Digest": DIGEST},
                   match=[matchers.header_matcher({"Authorization": "Bearer anon-token"})])
    registry, _ = client()
    assert registry.resolve_digest(parse_reference("python:3.12-slim")) == DIGEST
    accept = responses.calls[0].request.headers["Accept"]
    assert accept.split(", ") == list(MANIFEST_TYPES)
    assert accept.index("image.index") < accept.index("image.manifest")  # the index digest, not one platform's
    assert [c.request.method for c in responses.calls] == ["HEAD", "GET", "HEAD"]


@responses.activate
def test_one_token_per_repository_reused_across_tags():
    def manifest(request):
        if request.headers.get("Authorization") != "Bearer anon-token":
            return 401, {"WWW-Authenticate": HUB_CHALLENGE}, ""
        return 200, {"Docker-Content-Digest": DIGEST}, ""

    for tag in ("3.11", "3.12", "3.13"):
        responses.add_callback("HEAD", f"{HUB}/v2/library/python/manifests/{tag}", callback=manifest)
    hub_token()
    registry, _ = client()
    refs = [parse_reference(f"python:{tag}") for tag in ("3.11", "3.12", "3.13", "3.12")]
    results = resolve_all(refs, registry, workers=8)
    assert len(results) == 3 and all(r.digest == DIGEST for r in results.values())
    assert registry.token_requests == 1
    assert registry.requests_made == 1 + 1 + 3  # first HEAD (401), token, then one HEAD per unique tag


@responses.activate
def test_429_honours_retry_after_then_succeeds():
    url = f"{HUB}/v2/library/node/manifests/20"
    responses.head(url, status=429, headers={"Retry-After": "7"})
    responses.head(url, status=200, headers={"Docker-Content-Digest": DIGEST})
    registry, slept = client()
    assert registry.resolve_digest(parse_reference("node:20")) == DIGEST
    assert slept == [7.0]


@responses.activate
def test_5xx_retried_a_bounded_number_of_times_then_one_line_error():
    url = f"{HUB}/v2/library/node/manifests/20"
    for _ in range(4):
        responses.head(url, status=503)
    registry, slept = client()
    with pytest.raises(RegistryError, match=r"^docker.io answered HTTP 503$"):
        registry.resolve_digest(parse_reference("node:20"))
    assert len(responses.calls) == 4 and slept == [0.5, 1.0, 2.0]


@responses.activate
def test_404_unknown_tag():
    responses.head(f"{HUB}/v2/library/node/manifests/99", status=404)
    registry, _ = client()
    with pytest.raises(NotFoundError, match="tag '99' not found in node"):
        registry.resolve_digest(parse_reference("node:99"))


@responses.activate
def test_digest_from_body_when_header_missing():
    body = b'{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[]}'
    url = "https://quay.io/v2/org/tool/manifests/v1"
    responses.head(url, status=200)
    responses.get(url, status=200, body=body)
    registry, _ = client()
    assert registry.resolve_digest(parse_reference("quay.io/org/tool:v1")) == \
        "sha256:" + hashlib.sha256(body).hexdigest()


@responses.activate
def test_ghcr_token_with_github_token_basic_auth():
    challenge = 'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:acme/base:pull"'
    url = "https://ghcr.io/v2/acme/base/manifests/1.4"
    responses.head(url, status=401, headers={"WWW-Authenticate": challenge})
    responses.get("https://ghcr.io/token", json={"token": "ghcr-registry-token"},
                  match=[matchers.header_matcher({"Authorization": "Basic eC1hY2Nlc3MtdG9rZW46czNjcjN0LXQwa2VuLXZhbHVl"})])
    responses.head(url, status=200, headers={"Docker-Content-Digest": OTHER})
    registry, _ = client(credentials={"ghcr.io": Credential("x-access-token", SECRET)})
    assert registry.resolve_digest(parse_reference("ghcr.io/acme/base:1.4")) == OTHER


@responses.activate
def test_refused_credentials_never_show_the_secret():
    challenge = 'Bearer realm="https://ghcr.io/token",service="ghcr.io"'
    responses.head("https://ghcr.io/v2/acme/private/manifests/1", status=401, headers={"WWW-Authenticate": challenge})
    responses.get("https://ghcr.io/token", status=401)
    registry, _ = client(credentials={"ghcr.io": Credential("x-access-token", SECRET)})
    with pytest.raises(AuthError) as raised:
        registry.resolve_digest(parse_reference("ghcr.io/acme/private:1"))
    assert str(raised.value) == "the token service of ghcr.io refused the configured credentials"
    assert SECRET not in repr(raised.value) and SECRET not in repr(Credential("u", SECRET))


@responses.activate
def test_basic_challenge_uses_configured_password():
    url = "https://registry.example.com/v2/team/app/manifests/2"
    responses.head(url, status=401, headers={"WWW-Authenticate": 'Basic realm="registry"'})
    responses.head(url, status=200, headers={"Docker-Content-Digest": DIGEST},
                   match=[matchers.header_matcher({"Authorization": "Basic dXNlcjpwYXNz"})])
    registry, _ = client(credentials={"registry.example.com": Credential("user", "pass")})
    assert registry.resolve_digest(parse_reference("registry.example.com/team/app:2")) == DIGEST


@responses.activate
def test_basic_challenge_without_credentials():
    url = "https://registry.example.com/v2/team/app/manifests/2"
    responses.head(url, status=401, headers={"WWW-Authenticate": 'Basic realm="registry"'})
    registry, _ = client()
    with pytest.raises(AuthError, match="asks for a password and none is configured"):
        registry.resolve_digest(parse_reference("registry.example.com/team/app:2"))


@responses.activate
def test_failed_lookup_is_a_result_and_others_still_resolve():
    responses.head(f"{HUB}/v2/library/node/manifests/20", status=200, headers={"Docker-Content-Digest": DIGEST})
    responses.head(f"{HUB}/v2/library/node/manifests/nope", status=404)
    responses.head("https://unreachable.invalid/v2/x/manifests/1", body=requests.ConnectionError("down"))
    registry, _ = client()
    results = resolve_all([parse_reference(r) for r in ("node:20", "node:nope", "unreachable.invalid/x:1")], registry)
    by_tag = {key[2]: value for key, value in results.items()}
    assert by_tag["20"].digest == DIGEST
    assert by_tag["nope"].error == "tag 'nope' not found in node"
    assert by_tag["1"].error == "cannot reach unreachable.invalid: ConnectionError"


def test_docker_config_auths():
    text = ('{"auths": {"https://index.docker.io/v1/": {"auth": "dXNlcjpwYXNz"},'
            ' "ghcr.io": {"username": "me", "password": "tok"}, "quay.io": {}},'
            ' "credsStore": "desktop"}')
    credentials = parse_docker_config(text, "config.json")
    assert credentials == {"docker.io": Credential("user", "pass"), "ghcr.io": Credential("me", "tok")}


@responses.activate
def test_the_type_from_the_body_when_a_head_has_no_content_type():
    body = b'{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[]}'
    url = f"{HUB}/v2/library/python/manifests/3.12"
    responses.head(url, status=200, headers={"Docker-Content-Digest": DIGEST}, content_type="")
    responses.get(url, status=200, body=body, content_type="")
    registry, _ = client()
    head = registry.head(parse_reference("python:3.12"))
    assert (head.digest, head.is_index) == (DIGEST, True)  # the registry's digest, the body's type


@responses.activate
def test_content_that_does_not_hash_to_its_digest_is_refused():
    url = f"https://quay.io/v2/org/tool/manifests/{DIGEST}"
    responses.get(url, status=200, body=b'{"schemaVersion":2,"manifests":[]}')
    registry, _ = client()
    with pytest.raises(RegistryError, match=f"sent content that does not match {DIGEST}"):
        registry.index_platforms(parse_reference("quay.io/org/tool"), DIGEST)


@pytest.mark.parametrize("first, second, same", [
    ("linux/arm64", "linux/arm64/v8", True), ("linux/amd64", "linux/amd64/v1", True),
    ("linux/arm", "linux/arm/v7", True), ("linux/arm/v6", "linux/arm/v7", False),
    ("linux/amd64", "windows/amd64", False),
])
def test_platforms_are_compared_as_containerd_normalises_them(first, second, same):
    assert same_platform(first, second) is same and same_platform(second, first) is same


@pytest.mark.parametrize("url, allowed", [
    ("https://ghcr.io/token", True), ("https://10.0.0.5/token", True), ("http://127.0.0.1:5000/token", True),
    ("http://[::1]:5000/token", True), ("http://127.1.2.3/token", True),
    ("http://localhost:5000/token", False),  # a name resolves wherever DNS says
    ("http://ghcr.io/token", False), ("http://192.0.2.2/token", False), ("http://0.0.0.0:5000/", False),
    ("http://169.254.169.254/latest/meta-data/", False), ("https://169.254.169.254/latest/meta-data/", False),
    ("https://[fe80::1]/", False), ("https://[::ffff:169.254.169.254]/", False), ("https://224.0.0.1/", False),
    ("http://localhost:1@evil.example/token", False), ("ftp://127.0.0.1/", False), ("http://127.0.0.1:x/", False),
    ("https:///token", False),
])
def test_the_url_policy_of_realms_and_redirect_hops(url, allowed):
    from bot.registry.redirects import url_allowed
    assert url_allowed(url) is allowed


def test_a_redirect_may_stay_on_the_origin_it_began_at_and_go_nowhere_else():
    from bot.registry.redirects import RedirectError, next_hop
    start = "http://localhost:5000/v2/app/manifests/1"
    assert next_hop(start, start, "/v2/app/manifests/sha", 1, {start}) == "http://localhost:5000/v2/app/manifests/sha"
    assert next_hop(start, start, "https://cdn.example/blob?sig=1", 1, {start}) == "https://cdn.example/blob?sig=1"
    for location, reason in [("http://localhost:5001/x", "redirected to http://localhost:5001: not followed"),
                             ("https://localhost:5000/x", None), (None, "answered a redirect without a Location"),
                             ("/v2/app/manifests/1", "redirected in a loop")]:
        if reason is None:
            assert next_hop(start, start, location, 1, {start}) == location
            continue
        with pytest.raises(RedirectError, match=reason):
            next_hop(start, start, location, 1, {start})
    with pytest.raises(RedirectError, match="redirected more than 5 times"):
        next_hop(start, start, "/next", 6, {start})
    with pytest.raises(RedirectError) as raised:
        next_hop(start, start, "http://169.254.169.254/latest/meta-data/iam?token=s3cr3t", 1, {start})
    assert str(raised.value) == ("localhost:5000 redirected to http://169.254.169.254: not followed"
                                 " (https, or plain http to a loopback address, is needed)")
