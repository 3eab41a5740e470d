"""Where a registry request may go: the one URL policy for a token realm and for every hop of
a redirect, and what a redirect asks for next. Pure functions; the client follows the hops.

A registry chooses its realm and its redirects, so either could aim the runner at an
address only it can reach (cloud metadata at 169.254.169.254, a service on the runner's
network). The policy: https anywhere (registries send blobs to CDNs) but to a literal link-local,
multicast or unspecified address; plain http only to a literal loopback address (a name
could resolve anywhere); and a redirect may stay on the very origin its request began at (a
plain-http registry the run was already talking to reaches nothing new). A name is not
resolved to check it: that is left to the network the runner is on.
"""
from __future__ import annotations

import ipaddress
import urllib.parse

from bot.registry.errors import RegistryError

MAX_HOPS = 5  # redirects one request follows; a registry's blob to its CDN takes one or two
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_DEFAULT_PORTS = {"http": 80, "https": 443}
_SHOWN = 100  # characters of a refused target quoted in the error, which names only its origin


class RedirectError(RegistryError):
    """A redirect the policy refuses, or too many of them; the hop it names was not requested."""


Origin = tuple[str, str, int]  # scheme, host, port


def url_allowed(url: str) -> bool:
    """https to a name or to an address that is not link-local (cloud metadata), multicast or
    unspecified; plain http only to a literal loopback address (`http://localhost:1@host/` is
    `host`, parsed as a URL, never as text)."""
    origin = origin_of(url)
    if origin is None:
        return False
    scheme, host, _ = origin
    address = _address(host)
    if scheme == "https":
        return address is None or not (address.is_link_local or address.is_multicast or address.is_unspecified)
    return scheme == "http" and address is not None and address.is_loopback


def _address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The literal address `host` is (an IPv4-mapped IPv6 address as its IPv4 one), or None."""
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None
    mapped = getattr(address, "ipv4_mapped", None)
    return mapped if mapped is not None else address


def origin_of(url: str) -> Origin | None:
    """(scheme, host, port) of `url`, the port filled in for http and https; None when it has
    no host or a port that is not one."""
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if not parts.hostname:
        return None
    scheme = parts.scheme.lower()
    return scheme, parts.hostname.lower(), port if port is not None else _DEFAULT_PORTS.get(scheme, 0)


def host_of(url: str) -> str:
    """The host of `url` as errors name it and the run remembers failed hosts: its name, and
    its port when the URL names one; no user info, no path."""
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError:
        port, parts = None, None
    if parts is None or not parts.hostname:
        return _shown(url.split("://", 1)[-1].split("/", 1)[0].rpartition("@")[2])
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    return _shown(host if port is None else f"{host}:{port}")


def next_hop(start: str, current: str, location: str | None, hops: int, visited: set[str]) -> str:
    """The URL a redirect from `current` to `location` asks for, when the policy lets the
    request that began at `start` go there; RedirectError naming why not. `hops` counts this
    one; `visited` holds the URLs requested so far."""
    where = host_of(start)
    if not location:
        raise RedirectError(f"{where} answered a redirect without a Location")
    target = urllib.parse.urljoin(current, location.strip())
    if target in visited:
        raise RedirectError(f"{where} redirected in a loop (back to {_shown(_origin_text(target))})")
    if hops > MAX_HOPS:
        raise RedirectError(f"{where} redirected more than {MAX_HOPS} times")
    origin = origin_of(target)
    if not url_allowed(target) and (origin is None or origin != origin_of(start)):
        raise RedirectError(f"{where} redirected to {_shown(_origin_text(target))}: not followed"
                            " (https, or plain http to a loopback address, is needed)")
    return target


def same_origin(first: str, second: str) -> bool:
    """Whether credentials meant for `first` may go to `second`: same scheme, host and port."""
    origin = origin_of(first)
    return origin is not None and origin == origin_of(second)


def _origin_text(url: str) -> str:
    """`scheme://host:port` of a URL: a CDN's path and query may hold its signature."""
    origin = origin_of(url)
    if origin is None:
        return url.split("?", 1)[0]
    return f"{origin[0]}://{host_of(url)}"


def _shown(text: str) -> str:
    text = text.encode("unicode_escape").decode("ascii")
    return text if len(text) <= _SHOWN else text[:_SHOWN] + "…"
