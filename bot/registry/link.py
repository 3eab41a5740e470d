"""The `Link` header of a paginated registry answer (RFC 8288, formerly 5988): where the next
page is, and whether following it stays where the listing started.

`Link: </v2/library/python/tags/list?last=3.11&n=100>; rel="next"` — the target is resolved
against the page that sent it. A registry names its own next page; a target on another host
or scheme, or outside the listing's path, is refused: following it would let a registry
send hardenbot's requests (and their authorization) wherever it liked.
"""
from __future__ import annotations

import re
import urllib.parse

from bot.model.text import excerpt

MAX_LINK = 8192  # characters of a Link header; real ones are under a few hundred
# `<target>` then its `; name=value` parameters. The target stops at the next `<` as well as
# at its `>`: a header of many `<` then costs one pass, not one pass per `<`.
_LINK_VALUE = re.compile(r'<([^<>]*)>((?:\s*;\s*[\w!#$%&\'*+.^`|~-]+\s*(?:=\s*(?:"[^"]*"|[^;,\s"]*))?)*)')
_PARAM = re.compile(r'([\w!#$%&\'*+.^`|~-]+)\s*(?:=\s*(?:"([^"]*)"|([^;,\s"]*)))?')


class LinkError(ValueError):
    """A Link header hardenbot will not follow; str() says why."""


def next_target(header: str) -> str | None:
    """The target of the `rel="next"` link in `header`, as written; None when there is none."""
    if len(header) > MAX_LINK:
        raise LinkError(f"a Link header longer than {MAX_LINK} characters")
    for match in _LINK_VALUE.finditer(header):
        params = {m.group(1).lower(): m.group(2) if m.group(2) is not None else (m.group(3) or "")
                  for m in _PARAM.finditer(match.group(2))}
        if "next" in params.get("rel", "").lower().split():
            return match.group(1).strip()
    return None


def next_page(header: str, page_url: str) -> str | None:
    """The absolute URL of the next page after `page_url`, or None on the last page. It must
    keep the page's scheme, host and port (no user info) and path: the same listing."""
    target = next_target(header)
    if target is None:
        return None
    try:
        resolved = urllib.parse.urlsplit(urllib.parse.urljoin(page_url, target))
        resolved.port  # noqa: B018 - raises on a port that is not one
    except ValueError:
        raise LinkError("a next link that is not a URL") from None
    page = urllib.parse.urlsplit(page_url)
    if (resolved.scheme, resolved.netloc.lower()) != (page.scheme, page.netloc.lower()):
        raise LinkError(f"a next link to another host ({resolved.scheme}://{excerpt(resolved.netloc)})")
    if resolved.path != page.path:
        raise LinkError(f"a next link outside the listing ({excerpt(resolved.path)})")
    return urllib.parse.urlunsplit(resolved._replace(fragment=""))
