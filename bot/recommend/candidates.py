"""Which tags of a base image keep its meaning, and how measured candidates rank.

A candidate is the same image on the same runtime line (`python:3.11` may become `3.11.9`,
never `3.12`; `node:20` never `22`), on the same or a newer release of the same distribution
(`bullseye` → `bookworm`, which the pull request names), with the same libc, the same
variant words (`fpm`, `jdk`, `windowsservercore`), and as slim or slimmer (`-slim` of a full
image; a slim image never becomes full). The policy widens the line or the distribution.

Versions never go back: a tag that moves (`3.11`) stands for the newest version the list
holds on it (3.11.9), and may become that version's own tag but no older one; a tag pinned
to a patch (`3.11.4`) may move to any newer patch of its line, never to the moving `3.11`
(which would undo the pin). A tag naming no release (`3.11-slim`) follows the image's default
and keeps doing so: `3.11-slim-bullseye` could be older than it is. Dated snapshots
(`bookworm-20240101`) move only to the same or a later date; a moving tag never becomes one.
"""
from __future__ import annotations

from collections.abc import Iterable

from bot.recommend.tags import GENERIC, GRAMMARS, TagShape, parse_tag
from bot.record import record


@record
class Policy:
    """How far a candidate may go from the current tag (all off: the meaning is kept)."""

    allow_major: bool = False  # any version of the image: python 3.11 → 4.0, node 20 → 22
    allow_minor: bool = False  # a newer minor on the same major: python 3.11 → 3.12
    allow_libc_change: bool = False  # another distribution family, whose libc may differ: debian → alpine


@record
class Candidate:
    """A tag to measure, and what it changes compared with the current one."""

    tag: str
    current: bool = False  # the current tag: the baseline every other is measured against
    newer: bool = False  # a newer runtime version than the current tag's
    slimmer: bool = False  # slim (or alpine) where the current tag is a full image
    release: tuple[str, str] | None = None  # (before, after) when the distribution release changes
    family: tuple[str, str] | None = None  # (before, after) when the distribution changes (policy)

    @property
    def distance(self) -> int:
        """How much changes, for preferring the least change among equals."""
        return ((not self.current) + self.newer + self.slimmer + 2 * (self.release is not None)
                + 4 * (self.family is not None))


@record
class Candidates:
    current: str
    found: tuple[Candidate, ...]  # the current tag first, then the others by distance
    reason: str = ""  # why the current tag is the only one, when its shape rules others out


@record
class Figures:
    """What reading a candidate found."""

    critical_high: int  # fixable critical and high vulnerabilities
    fixable: int  # fixable vulnerabilities, every severity
    size: int  # bytes of its layers, compressed


@record
class Measured:
    candidate: Candidate
    figures: Figures


def candidates(grammar: str, current: str, tags: Iterable[str], policy: Policy = Policy()) -> Candidates:
    """The tags among `tags` that keep the meaning of `current`, the current one first.
    `grammar` is the image's tag grammar (`tags.grammar_name`; "" for any other image)."""
    baseline = Candidate(current, current=True)
    shape = parse_tag(grammar, current)
    if shape is None:
        return Candidates(current, (baseline,), f"hardenbot does not know the shape of the tag {current!r}")
    if shape.prerelease:
        return Candidates(current, (baseline,), f"{current!r} is a pre-release: it gets no candidates")
    shapes = [found for tag in dict.fromkeys(tags) if tag != current
              and (found := parse_tag(grammar, tag)) is not None and not found.prerelease]
    newest = _newest_by_prefix([shape.version, *(other.version for other in shapes)])
    depth = GRAMMARS.get(grammar, GENERIC).line_depth
    line = shape.version[:_line_depth(len(shape.version) if depth is None else depth, policy)]
    others = [found for other in shapes if (found := _keeps_meaning(shape, other, line, newest, policy))]
    return Candidates(current, (baseline, *sorted(others, key=lambda c: (c.distance, c.tag))))


def rank(measured: Iterable[Measured]) -> tuple[Measured, ...]:
    """Best first: fewest fixable critical/high, then fewest fixable, then smallest, then the
    current tag, then the least change, then the tag (so equal figures rank the same every run)."""
    return tuple(sorted(measured, key=lambda m: (m.figures.critical_high, m.figures.fixable, m.figures.size,
                                                 not m.candidate.current, m.candidate.distance, m.candidate.tag)))


def _line_depth(depth: int, policy: Policy) -> int:
    if policy.allow_major:
        return 0
    return min(depth, 1) if policy.allow_minor else depth


def _newest_by_prefix(versions: Iterable[tuple[int, ...]]) -> dict[tuple[int, ...], tuple[int, ...]]:
    """For every prefix of every version, the newest version starting with it: what a moving
    tag (`3.11`) stands for now."""
    newest: dict[tuple[int, ...], tuple[int, ...]] = {}
    for version in versions:
        for end in range(len(version) + 1):
            prefix = version[:end]
            if newest.get(prefix, ()) < version:
                newest[prefix] = version
    return newest


def _keeps_meaning(current: TagShape, other: TagShape, line: tuple[int, ...],
                   newest: dict[tuple[int, ...], tuple[int, ...]], policy: Policy) -> Candidate | None:
    if other.flavour != current.flavour or other.line != current.line:
        return None
    if current.minimal and not other.minimal:
        return None
    if other.family != current.family and not policy.allow_libc_change:
        return None
    if other.named_release != current.named_release or bool(other.date) != bool(current.date) \
            or other.date < current.date:
        return None
    release = None
    if current.distro and other.distro and other.family == current.family and current.distro.named:
        if other.distro.order < current.distro.order:
            return None
        if other.distro.order != current.distro.order:
            release = (current.distro.name, other.distro.name)
    version, was = other.version, current.version
    if version[:len(line)] != line or len(version) < len(was):
        return None
    now, before = newest.get(version, version), newest.get(was, was)
    if now < before:
        return None
    if len(version) > len(was) and now != newest.get(version[:len(was)], now):
        return None  # a patch tag older than the newest on the line the current tag stands for
    family = (current.family, other.family) if other.family != current.family else None
    return Candidate(other.tag, newer=now > before, slimmer=other.minimal and not current.minimal,
                     release=release, family=family)
