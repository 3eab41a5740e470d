"""The OCI distribution API, over requests: what digest does a tag point to now?

One HEAD per image (Docker Hub does not count HEAD against pull limits), with an Accept
header that lists the index and manifest types, so a multi-arch tag answers with its index
digest, never one platform's. The digest comes from `Docker-Content-Digest`, or, when a
registry leaves it out, from a GET and the sha256 of the body. What kind of digest a file
pins is asked the same way (a HEAD by digest: its media type, or 404 when the registry no
longer has it); only one platform's manifest needs GETs: the tag's index, for that
platform's manifest in it, and, when it is not listed there, the manifest and its config,
for its platform. Authentication answers the
registry's own challenge: a Bearer token from its realm (anonymous, or with the registry's
credentials), one per (registry, repository) per run, or Basic where it asks for Basic.
429 and 5xx are retried a bounded number of times, honouring Retry-After. Credentials and
tokens never appear in an error message.

Redirects are followed by hand, each hop checked against the realm's URL policy
(`redirects.py`) before it is requested, at most `MAX_HOPS` of them; a hop to another origin
carries no Authorization header and no password. Every request of a run, and every hop, is
admitted by the run's one deadline (`budget.py`): none starts after it, none is waited for
past it, and a host that timed out is not asked again.
"""
from __future__ import annotations

import base64
import hashlib
import ipaddress
import json
import re
import threading
import time
import urllib.parse
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import field
from typing import Any

import requests
from urllib3.exceptions import NameResolutionError

from bot.model.images import DOCKER_HUB, INDEX, MANIFEST, ImageRef
from bot.record import record
from bot.registry.budget import RUN_DEADLINE, RunBudget
from bot.registry.errors import AuthError, NotFoundError, RegistryError
from bot.registry.link import LinkError, next_page
from bot.registry.redirects import REDIRECT_STATUSES, host_of, next_hop, same_origin, url_allowed
from bot.retry import RetryPolicy

MANIFEST_TYPES = (
    "application/vnd.oci.image.index.v1+json",
    "application/vnd.docker.distribution.manifest.list.v2+json",
    "application/vnd.oci.image.manifest.v1+json",
    "application/vnd.docker.distribution.manifest.v2+json",
)
INDEX_TYPES = frozenset(MANIFEST_TYPES[:2])
API_HOSTS = {DOCKER_HUB: "registry-1.docker.io"}
# Token services a registry is known to send its clients to, besides its own host.
AUTH_HOSTS = {DOCKER_HUB: frozenset({"auth.docker.io"})}
# RFC 6750's b64token: anything else in a token would be sent in a header as it is.
_BEARER_TOKEN = re.compile(r"[A-Za-z0-9\-._~+/]+=*")
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
# A parameter starts where a word does (the lookbehind): tried at every character inside a
# word, a hostile header of one long word made finditer quadratic.
_CHALLENGE_PARAM = re.compile(r'(?<!\w)(\w+)\s*=\s*(?:"([^"]*)"|([^\s,]+))')
MAX_CHALLENGE = 8192  # characters of a WWW-Authenticate header; real ones are a few hundred
MAX_BODY = 4 << 20  # bytes of a manifest, config or token answer; real ones are a few KB
_DIGEST = re.compile(r"sha256:[0-9a-f]{64}")
REGISTRY_RETRIES = RetryPolicy(attempts=4, base_delay=0.5, max_delay=30.0)
TAG_PAGE = 1000  # tags asked for a page of a tag list (`?n=`); a registry may send fewer
MAX_TAG_PAGES = 100  # pages of one tag list followed; then the listing is an error, not a part
MAX_TAGS = 10_000  # tags of one repository; the official images hold a few thousand
# The distribution grammar of a tag, in ASCII: a listed name that is not one cannot be pulled.
_TAG_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")


@record
class ManifestHead:
    """What a HEAD of a manifest says: its digest and media type ("" when the registry sent none)."""

    digest: str
    media_type: str

    @property
    def is_index(self) -> bool:
        return self.media_type in INDEX_TYPES


@record
class Credential:
    username: str
    password: str = field(repr=False)

    def __repr__(self) -> str:
        return f"Credential(username={self.username!r}, password=<hidden>)"


class RegistryClient:
    def __init__(
        self,
        credentials: Mapping[str, Credential] | None = None,
        *,
        timeout: tuple[float, float] = (5.0, 20.0),
        retry: RetryPolicy = REGISTRY_RETRIES,
        plain_http_hosts: frozenset[str] = frozenset(),
        sleep: Callable[[float], None] = time.sleep,
        deadline: float = RUN_DEADLINE,
    ):
        """`deadline`: seconds every request of the client may take together, counted from
        its first: a client serves one run."""
        self._credentials = dict(credentials or {})
        self._timeout = timeout
        self._budget = RunBudget(deadline)
        self._retry = retry
        self._plain_http_hosts = plain_http_hosts
        self._sleep = sleep
        self._authorizations: dict[tuple[str, str], str] = {}  # "" once known to need none
        self._key_locks: dict[tuple[str, str], threading.Lock] = {}
        self._challenges: dict[str, str] = {}  # registry → its challenge ("" : it answered without one)
        self._lock = threading.Lock()
        self._local = threading.local()
        self._tag_lists: dict[tuple[str, str], tuple[str, ...] | RegistryError] = {}
        self._tag_locks: dict[tuple[str, str], threading.Lock] = {}
        self.requests_made = 0
        self.token_requests = 0
        # What the run asked of registries, by endpoint (`endpoint`): the figures a benchmark
        # reads (bench/transforms.py: candidates' tag lists and blobs next to digest lookups).
        self.requests_by_kind: Counter[str] = Counter()
        self.bytes_by_kind: Counter[str] = Counter()  # body bytes received, as sent (compressed)

    # -- public ------------------------------------------------------------------------
    def resolve_digest(self, ref: ImageRef) -> str:
        """The digest `ref`'s tag points to now (the index digest for multi-arch images)."""
        return self.head(ref).digest

    def head(self, ref: ImageRef, digest: str | None = None) -> ManifestHead:
        """The digest and media type of what `ref`'s tag points to now, or of the manifest
        `digest` names; NotFoundError when the registry has no such tag or digest."""
        reference = digest or ref.tag
        if reference is None:
            raise RegistryError(f"{ref}: no tag to resolve")
        url = self._manifest_url(ref, reference)
        response = self._authorized("HEAD", url, ref)
        if response.status_code == 404:
            raise NotFoundError(f"{digest} not found in {ref.familiar}" if digest
                                else f"tag {ref.tag!r} not found in {ref.familiar}")
        if response.status_code != 200:
            raise RegistryError(f"{ref.registry} answered HTTP {response.status_code}")
        media_type = _media_type(response)
        found = response.headers.get("Docker-Content-Digest", "") if digest is None else digest
        if _DIGEST.fullmatch(found) and media_type:
            return ManifestHead(found, media_type)
        # A registry that leaves the digest or the type out of a HEAD: the body says both.
        body = self._authorized("GET", url, ref)
        if body.status_code != 200:
            raise RegistryError(f"{ref.registry} answered HTTP {body.status_code} to GET")
        if not _DIGEST.fullmatch(found):
            found = "sha256:" + hashlib.sha256(body.content).hexdigest()
        return ManifestHead(found, media_type or _media_type(body) or _declared_media_type(body.content))

    def platform(self, ref: ImageRef, digest: str) -> str:
        """What the manifest `digest` names is for: its config's platform ("linux/arm64/v8"),
        MANIFEST when the config names none, INDEX when `digest` is an index after all."""
        manifest = self.manifest(ref, digest)
        if manifest.get("mediaType") in INDEX_TYPES or isinstance(manifest.get("manifests"), list):
            return INDEX
        config = manifest.get("config")
        config_digest = config.get("digest") if isinstance(config, dict) else None
        if not isinstance(config_digest, str) or not _DIGEST.fullmatch(config_digest):
            return MANIFEST
        url = f"{self._base_url(ref.registry)}/v2/{ref.repository}/blobs/{config_digest}"
        return platform_name(self._json("GET", url, ref, config_digest)) or MANIFEST

    def index_platforms(self, ref: ImageRef, digest: str) -> list[tuple[str, str]]:
        """(platform, manifest digest) for each entry of the index `digest` names."""
        entries = self.manifest(ref, digest).get("manifests")
        found = []
        for entry in entries if isinstance(entries, list) else []:
            platform = platform_name(entry.get("platform")) if isinstance(entry, dict) else None
            if platform and isinstance(entry.get("digest"), str):
                found.append((platform, entry["digest"]))
        return found

    def manifest(self, ref: ImageRef, digest: str) -> dict[str, Any]:
        """The manifest or index `digest` names, checked against the digest."""
        return self._json("GET", self._manifest_url(ref, digest), ref, digest)

    def blob(self, ref: ImageRef, digest: str, max_bytes: int) -> VerifiedBlob:
        """The blob `digest` names, as a stream read once (close it when done): its bytes are
        hashed as they pass and the end of the stream is refused (RegistryError) when they do
        not match `digest`, or when there are more than `max_bytes`. Layers are far past
        MAX_BODY, so the body is not read here: each read is admitted by the run's deadline."""
        if not _DIGEST.fullmatch(digest):
            raise RegistryError(f"{ref.familiar}: {digest[:80]!r} is not a sha256 digest")
        url = f"{self._base_url(ref.registry)}/v2/{ref.repository}/blobs/{digest}"
        response = self._authorized("GET", url, ref, stream=True)
        if response.status_code != 200:
            response.close()
            if response.status_code == 404:
                raise NotFoundError(f"{digest} not found in {ref.familiar}")
            raise RegistryError(f"{ref.registry} answered HTTP {response.status_code} to GET {digest}")
        return VerifiedBlob(response, ref, digest, max_bytes, self._budget,
                            lambda count: self._received(url, count))

    def tags(self, ref: ImageRef, page_size: int = TAG_PAGE) -> tuple[str, ...]:
        """Every tag of `ref`'s repository, from the registry's tag list, page after page as
        its `Link` headers lead (never off its host or the listing). Listed once a run: the
        tags, or the error, are kept for every later ask."""
        key = (ref.registry, ref.repository)
        with self._lock:
            lock = self._tag_locks.setdefault(key, threading.Lock())
        with lock:
            listed = self._tag_lists.get(key)
            if listed is None:
                try:
                    listed = self._list_tags(ref, page_size)
                except RegistryError as error:
                    listed = error
                self._tag_lists[key] = listed
        if isinstance(listed, RegistryError):
            raise type(listed)(str(listed))
        return listed

    def _list_tags(self, ref: ImageRef, page_size: int) -> tuple[str, ...]:
        url = f"{self._base_url(ref.registry)}/v2/{ref.repository}/tags/list?n={page_size}"
        tags: dict[str, None] = {}
        asked = set()
        for _ in range(MAX_TAG_PAGES):
            asked.add(url)
            response = self._authorized("GET", url, ref)
            if response.status_code == 404:
                raise NotFoundError(f"{ref.registry} has no tag list for {ref.familiar}")
            if response.status_code != 200:
                raise RegistryError(f"{ref.registry} answered HTTP {response.status_code} to the tag list of "
                                    f"{ref.familiar}")
            tags.update(dict.fromkeys(_listed_tags(response.content, ref)))
            if len(tags) > MAX_TAGS:
                raise RegistryError(f"{ref.familiar} lists more than {MAX_TAGS} tags: too many to weigh")
            try:
                url = next_page(response.headers.get("Link", ""), url)
            except LinkError as error:
                raise RegistryError(f"{ref.registry} sent {error} in the tag list of {ref.familiar}:"
                                    " not followed") from None
            if url is None:
                return tuple(tags)
            if url in asked:
                raise RegistryError(f"{ref.registry} sent the tag list of {ref.familiar} in a loop of pages")
        raise RegistryError(f"{ref.registry} sent more than {MAX_TAG_PAGES} pages of tags for {ref.familiar}")

    # -- HTTP --------------------------------------------------------------------------
    def _manifest_url(self, ref: ImageRef, reference: str) -> str:
        return f"{self._base_url(ref.registry)}/v2/{ref.repository}/manifests/{reference}"

    def _json(self, method: str, url: str, ref: ImageRef, digest: str) -> dict[str, Any]:
        """The JSON object at `url`, whose bytes must hash to `digest`."""
        response = self._authorized(method, url, ref)
        if response.status_code == 404:
            raise NotFoundError(f"{digest} not found in {ref.familiar}")
        if response.status_code != 200:
            raise RegistryError(f"{ref.registry} answered HTTP {response.status_code} to GET")
        if "sha256:" + hashlib.sha256(response.content).hexdigest() != digest:
            raise RegistryError(f"{ref.registry} sent content that does not match {digest}")
        try:
            body = json.loads(response.content)
        except ValueError:
            body = None
        if not isinstance(body, dict):
            raise RegistryError(f"{ref.registry} sent no JSON object for {digest}")
        return body

    def _session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            session.headers["User-Agent"] = "hardenbot"
            self._local.session = session
        return session

    def _base_url(self, registry: str) -> str:
        host = API_HOSTS.get(registry, registry)
        scheme = "http" if _is_loopback(host) or registry in self._plain_http_hosts else "https"
        return f"{scheme}://{host}"

    def _send(self, method: str, url: str, headers: dict[str, str], auth: tuple[str, str] | None = None,
              params: dict[str, str] | None = None, stream: bool = False) -> requests.Response:
        """One request, retried on 429/5xx and network errors within the retry policy and the
        run's deadline. A host that times out, or is still unreachable after the retries, is
        not asked again in the run."""
        policy = self._retry
        for attempt in range(1, policy.attempts + 1):
            self._budget.admit(host_of(url))
            with self._lock:
                self.requests_made += 1
                self.requests_by_kind[endpoint(url)] += 1
            try:
                response = self._request(method, url, headers, auth, params, stream)
            except _HopFailed as failure:
                error, host = failure.error, failure.host
                timed_out, no_name = isinstance(error, requests.Timeout), _is_name_failure(error)
                reason = "name not resolved" if no_name else type(error).__name__
                last = attempt == policy.attempts or not self._budget.allows(policy.backoff(attempt))
                if timed_out or no_name or last:
                    self._budget.fail(host, "timed out" if timed_out else "could not be reached")
                    raise RegistryError(f"cannot reach {host}: {reason}") from None
                self._sleep(policy.backoff(attempt))
                continue
            if response.status_code not in RETRY_STATUSES or attempt == policy.attempts:
                return response
            delay = policy.delay(attempt, response.headers.get("Retry-After"))
            if not self._budget.allows(delay):
                return response  # its status is the answer: a retry would start after the deadline
            response.close()  # a streamed answer's connection goes back before the retry
            self._sleep(delay)
        raise AssertionError("unreachable")

    def _request(self, method: str, url: str, headers: dict[str, str], auth: tuple[str, str] | None,
                 params: dict[str, str] | None, stream: bool = False) -> requests.Response:
        """One request, its redirects and its body, within the run's deadline and MAX_BODY.
        Timeouts in requests bound each read, not the whole: a server dripping a byte at a
        time would hold the run, so the request runs on its own thread and is abandoned (with
        its session) when the deadline passes."""
        session = self._session()
        outcome: list[requests.Response | BaseException] = []
        hops = [_with_query(url, params)]  # requested so far: the last one is being waited for

        def send() -> None:
            try:
                outcome.append(self._follow(session, method, headers, auth, hops, stream))
            except BaseException as error:  # noqa: BLE001 - handed to the waiting thread
                outcome.append(error)

        worker = threading.Thread(target=send, name="hardenbot-registry", daemon=True)
        worker.start()
        worker.join(self._budget.remaining())
        if not outcome:
            self._local.session = None  # the abandoned request keeps its own
            raise self._budget.passed(waiting_for=host_of(hops[-1]))
        if isinstance(outcome[0], BaseException):
            raise outcome[0]
        return outcome[0]

    def _follow(self, session: requests.Session, method: str, headers: dict[str, str],
                auth: tuple[str, str] | None, hops: list[str], stream: bool = False) -> requests.Response:
        """The request to hops[0] and each redirect the URL policy allows, every hop admitted
        by the deadline; credentials stay with the first hop's origin, and once dropped are
        not sent again. Appends each hop to `hops`."""
        start = hops[0]
        while True:
            current = hops[-1]
            if len(hops) > 1:
                self._budget.admit(host_of(current))
                with self._lock:
                    self.requests_made += 1
            try:
                response = session.request(method, current, headers=headers, auth=auth, timeout=self._timeout,
                                           allow_redirects=False, stream=True)
            except requests.RequestException as error:
                raise _HopFailed(host_of(current), error) from None
            if response.status_code not in REDIRECT_STATUSES:
                if stream:
                    return response
                self._received(start, len(_read_bounded(response, current).content))
                return response
            response.close()  # a redirect's body is never read
            target = next_hop(start, current, response.headers.get("Location"), len(hops), set(hops))
            if not same_origin(start, target):
                headers = {name: value for name, value in headers.items() if name.lower() != "authorization"}
                auth = None
            hops.append(target)

    def _received(self, url: str, count: int) -> None:
        with self._lock:
            self.bytes_by_kind[endpoint(url)] += count

    def _authorized(self, method: str, url: str, ref: ImageRef, stream: bool = False) -> requests.Response:
        """Send with the repository's authorization, answering a 401 challenge once.

        The first request to a repository holds that repository's lock until it knows how to
        authorize, so concurrent lookups of its other tags reuse one token instead of each
        fetching their own. Once a registry has challenged, its other repositories ask the
        token service straight away, without a request that is bound to be refused."""
        key = (ref.registry, ref.repository)
        headers = {"Accept": ", ".join(MANIFEST_TYPES)}
        with self._key_lock(key):
            authorization = self._authorizations.get(key)
            if authorization is None:
                first = self._first_contact(method, url, headers, ref, stream)
                if isinstance(first, requests.Response):
                    self._authorizations[key] = ""
                    return first
                authorization = self._answer_challenge(first, ref)
                self._authorizations[key] = authorization
                return self._send_authorized(method, url, headers, authorization, ref, stream=stream)
        response = self._send_authorized(method, url, headers, authorization, ref, final=False, stream=stream)
        if response.status_code == 401:  # a token that expired mid-run: one fresh one
            authorization = self._answer_challenge(response.headers.get("WWW-Authenticate", ""), ref)
            with self._lock:
                self._authorizations[key] = authorization
            return self._send_authorized(method, url, headers, authorization, ref, stream=stream)
        return response

    def _first_contact(self, method: str, url: str, headers: dict[str, str],
                       ref: ImageRef, stream: bool = False) -> requests.Response | str:
        """A repository's first request: its response when it needs no authorization, else
        the challenge to answer. The first contact with a registry happens one at a time,
        so that its challenge is learned once and then answered without asking again."""
        with self._lock:
            challenge = self._challenges.get(ref.registry)
        if challenge is None:
            with self._key_lock((ref.registry, "")):
                challenge = self._challenges.get(ref.registry)
                if challenge is None:
                    response = self._send(method, url, headers, stream=stream)
                    challenge = response.headers.get("WWW-Authenticate", "") if response.status_code == 401 else ""
                    with self._lock:
                        self._challenges[ref.registry] = challenge
                    if response.status_code != 401:
                        return response
        if challenge:
            return challenge
        response = self._send(method, url, headers, stream=stream)  # the registry answered others without a challenge
        if response.status_code != 401:
            return response
        return response.headers.get("WWW-Authenticate", "")

    def _send_authorized(self, method: str, url: str, headers: dict[str, str], authorization: str,
                         ref: ImageRef, final: bool = True, stream: bool = False) -> requests.Response:
        if authorization:
            headers = {**headers, "Authorization": authorization}
        response = self._send(method, url, headers, stream=stream)
        if response.status_code == 403 or (final and response.status_code == 401):
            raise AuthError(f"{ref.registry} refused access to {ref.repository}"
                            + (" with the configured credentials" if ref.registry in self._credentials
                               else ": credentials are needed"))
        return response

    def _key_lock(self, key: tuple[str, str]) -> threading.Lock:
        with self._lock:
            return self._key_locks.setdefault(key, threading.Lock())

    def _answer_challenge(self, header: str, ref: ImageRef) -> str:
        if len(header) > MAX_CHALLENGE:
            raise AuthError(f"{ref.registry} sent an authentication challenge longer than {MAX_CHALLENGE} characters")
        scheme, _, rest = header.strip().partition(" ")
        params = challenge_params(rest)
        credential = self._credentials.get(ref.registry)
        if scheme.lower() == "basic":
            if credential is None:
                raise AuthError(f"{ref.registry} asks for a password and none is configured")
            return basic_authorization(credential)
        if scheme.lower() != "bearer" or not url_allowed(params.get("realm", "")):
            raise AuthError(f"{ref.registry} sent an authentication challenge hardenbot cannot answer"
                            " (a Bearer realm over https, or plain http to a loopback address, is needed)")
        if credential is not None and not self._own_token_service(ref.registry, params["realm"]):
            credential = None  # a realm elsewhere gets no password: at most an anonymous token
        return "Bearer " + self._fetch_token(params, ref, credential)

    def _own_token_service(self, registry: str, realm: str) -> bool:
        """Whether `realm` is on the registry's own host or a token service it is known to use."""
        host = (urllib.parse.urlsplit(realm).hostname or "").lower()
        own = urllib.parse.urlsplit(self._base_url(registry)).hostname or ""
        return host in {own.lower(), registry.lower(), *AUTH_HOSTS.get(registry, ())}

    def _fetch_token(self, params: dict[str, str], ref: ImageRef, credential: Credential | None) -> str:
        realm = params["realm"]
        query = {"scope": f"repository:{ref.repository}:pull"}
        if params.get("service"):
            query["service"] = params["service"]
        auth = (credential.username, credential.password) if credential is not None else None
        if auth is not None and not all(part.isprintable() and _latin1(part) for part in auth):
            raise AuthError(f"the credentials for {ref.registry} hold characters an HTTP header cannot carry")
        with self._lock:
            self.token_requests += 1
        response = self._send("GET", realm, {"Accept": "application/json"}, auth=auth, params=query)
        if response.status_code in (401, 403):
            raise AuthError(f"the token service of {ref.registry} refused "
                            + ("the configured credentials" if auth else "an anonymous token"))
        if response.status_code != 200:
            raise AuthError(f"the token service of {ref.registry} answered HTTP {response.status_code}")
        try:
            body = response.json()
        except ValueError:
            raise AuthError(f"the token service of {ref.registry} sent no JSON") from None
        token = body.get("token") or body.get("access_token") if isinstance(body, dict) else None
        if not isinstance(token, str) or not token:
            raise AuthError(f"the token service of {ref.registry} sent no token")
        if not _BEARER_TOKEN.fullmatch(token):
            raise AuthError(f"the token service of {ref.registry} sent something that is not a bearer token")
        return token


def endpoint(url: str) -> str:
    """What a request to `url` asks a registry for: "tags" (a tag list's page), "manifests",
    "blobs" (configurations and layers), or "other" (the token service, the /v2/ check)."""
    path = urllib.parse.urlsplit(url).path
    for kind, marker in (("tags", "/tags/list"), ("manifests", "/manifests/"), ("blobs", "/blobs/")):
        if marker in path:
            return kind
    return "other"


def challenge_params(text: str) -> dict[str, str]:
    """The `name=value` and `name="value"` parameters of a WWW-Authenticate challenge."""
    return {m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3)
            for m in _CHALLENGE_PARAM.finditer(text)}


def platform_name(spec: object) -> str | None:
    """`os/architecture[/variant]` of an image config or an index entry's platform; None when
    it names none (an attestation's `unknown/unknown` included)."""
    if not isinstance(spec, dict):
        return None
    os_name, architecture, variant = spec.get("os"), spec.get("architecture"), spec.get("variant")
    if not isinstance(os_name, str) or not isinstance(architecture, str) or "unknown" in (os_name, architecture):
        return None
    return f"{os_name}/{architecture}" + (f"/{variant}" if isinstance(variant, str) and variant else "")


# Variants a platform has when none is written (as containerd normalises them).
_DEFAULT_VARIANTS = {"arm64": "v8", "arm": "v7", "amd64": "v1"}


def same_platform(first: str, second: str) -> bool:
    """Whether two `os/architecture[/variant]` names mean one platform (`linux/arm64` is
    `linux/arm64/v8`)."""
    def normal(name: str) -> tuple[str, str, str]:
        os_name, _, rest = name.partition("/")
        architecture, _, variant = rest.partition("/")
        return os_name, architecture, variant or _DEFAULT_VARIANTS.get(architecture, "")
    return normal(first) == normal(second)


def _listed_tags(content: bytes, ref: ImageRef) -> list[str]:
    """The tags of one page of a tag list (`{"name": …, "tags": [...]}`; `null` when the
    repository has none), leaving out any listed name a tag cannot be."""
    try:
        body = json.loads(content)
    except ValueError:
        body = None
    listed = body.get("tags") or [] if isinstance(body, dict) else None
    if not isinstance(listed, list):
        raise RegistryError(f"{ref.registry} sent a tag list of {ref.familiar} that is not one")
    return [tag for tag in listed if isinstance(tag, str) and _TAG_NAME.fullmatch(tag)]


def _media_type(response: requests.Response) -> str:
    return response.headers.get("Content-Type", "").split(";", 1)[0].strip()


def _declared_media_type(content: bytes) -> str:
    """The `mediaType` a manifest's JSON declares ("" when none)."""
    try:
        body = json.loads(content)
    except ValueError:
        return ""
    declared = body.get("mediaType") if isinstance(body, dict) else None
    return declared if isinstance(declared, str) else ""


def basic_authorization(credential: Credential) -> str:
    pair = f"{credential.username}:{credential.password}".encode()
    return "Basic " + base64.b64encode(pair).decode("ascii")


def _is_name_failure(error: requests.RequestException) -> bool:
    """DNS said no: not worth retrying."""
    reason = getattr(error.args[0], "reason", None) if error.args else None
    return isinstance(reason, NameResolutionError)


class VerifiedBlob:
    """A blob's body as it streams: read(n) at most n bytes as sent (never decoded), hashed on
    the way; the end of the stream, or close() after it, checks them against the digest.
    Every read is admitted by the run's deadline: a server that drips still ends with it."""

    def __init__(self, response: requests.Response, ref: ImageRef, digest: str, max_bytes: int, budget: RunBudget,
                 received: Callable[[int], None] = lambda count: None):
        self._response, self._ref, self._digest = response, ref, digest
        self._max_bytes, self._budget, self._received = max_bytes, budget, received
        self._hash = hashlib.sha256()
        self._read = 0
        self._ended = False

    def read(self, n: int = -1) -> bytes:
        if self._ended:
            return b""
        if n is None or n < 0:
            n = self._max_bytes + 1 - self._read
        if self._budget.remaining() <= 0:
            self.close()
            raise self._budget.passed(waiting_for=self._ref.registry)
        try:
            data = self._response.raw.read(max(1, min(n, 1 << 20)), decode_content=False)
        except (requests.RequestException, OSError, ValueError) as error:
            self.close()
            raise RegistryError(f"{self._ref.registry} broke off {self._digest}: {type(error).__name__}") from None
        if not data:
            self._end()
            return b""
        self._read += len(data)
        self._received(len(data))
        if self._read > self._max_bytes:
            self.close()
            raise RegistryError(f"{self._ref.registry} sent more than the {self._max_bytes:,} bytes "
                                f"allowed for {self._digest} in {self._ref.familiar}")
        self._hash.update(data)
        return data

    def drain(self) -> None:
        """Read what is left (a tar's padding after its end), so that the digest is checked."""
        while self.read(1 << 20):
            pass

    def _end(self) -> None:
        self._ended = True
        self._response.close()
        if "sha256:" + self._hash.hexdigest() != self._digest:
            raise RegistryError(f"{self._ref.registry} sent content that does not match {self._digest} "
                                f"in {self._ref.familiar}; not used")

    def close(self) -> None:
        self._ended = True
        self._response.close()

    def __enter__(self) -> VerifiedBlob:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class _HopFailed(Exception):
    """A hop of a request failed in the network; `host` is that hop's, which a redirect may
    have made another than the registry."""

    def __init__(self, host: str, error: requests.RequestException):
        super().__init__(host)
        self.host, self.error = host, error


def _read_bounded(response: requests.Response, url: str) -> requests.Response:
    """`response` with its body read, refused past MAX_BODY: .content and .json() use it."""
    with response:
        body = bytearray()
        for chunk in response.iter_content(65536):
            body += chunk
            if len(body) > MAX_BODY:
                raise RegistryError(f"{host_of(url)} sent more than {MAX_BODY >> 20} MiB")
        response._content = bytes(body)
    return response


def _with_query(url: str, params: dict[str, str] | None) -> str:
    """`url` with `params` added to its query, so that every hop is one full URL."""
    if not params:
        return url
    return url + ("&" if urllib.parse.urlsplit(url).query else "?") + urllib.parse.urlencode(params)


def _latin1(text: str) -> bool:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def _is_loopback(host: str) -> bool:
    name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    name = name.strip("[]")
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False
