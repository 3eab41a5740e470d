"""The base-recommendation pass: for each shipped base, the tags that keep its meaning
(`candidates.py`), a few of them measured the way the current base is (packages read from the
registry, `RegistryImage`; OSV asked), ranked (`candidates.rank`), and the best kept when it
beats the current base.

Bounded: at most `candidates` other images a base (tags that name an image already measured,
the current one's included, are told apart by a HEAD and cost nothing more), and one byte
budget for every layer read in the run; the registry's run deadline bounds the time. A
candidate that cannot be read (its layers pass a bound, a blob does not match, the deadline
passed) is passed over with its reason, and the others are still measured.

Which candidates are read first: those that change the most towards a smaller base (slim,
then the newest release), since the least change among equal figures wins the ranking anyway.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from bot.errors import HardenbotError
from bot.model.advice import Advised, BaseAdvice, BaseFigures, BaseImage, Passed, counted
from bot.model.images import INDEX, ImageKey, ImageRef, Resolution
from bot.model.proof import VulnerabilityLookup
from bot.model.wanted_base import AdviceSettings, BaseKey, WantedBase
from bot.recommend.candidates import Candidate, Figures, Measured, Policy, candidates, rank
from bot.recommend.tags import grammar_name, parse_tag


class BaseSource(Protocol):
    """What the pass asks a registry (`registry_setup.RegistryBases` over one RegistryClient);
    each raises a HardenbotError (one line) when it cannot answer."""

    def tags(self, ref: ImageRef) -> tuple[str, ...]: ...

    def digest(self, ref: ImageRef) -> tuple[str, bool]:
        """What `ref` (its tag, or its digest) points to: (digest, whether it is an index)."""
        ...

    def image(self, ref: ImageRef, platform: str, max_bytes: int | None) -> BaseImage:
        """Its packages and size; an error before any layer is read when they pass `max_bytes`."""
        ...


class _Budget:
    def __init__(self, total: int):
        self.left = total


def advise(wanted: Iterable[WantedBase], source: BaseSource, vulnerabilities: VulnerabilityLookup,
           settings: AdviceSettings) -> Advised:
    bases: dict[BaseKey, BaseAdvice] = {}
    digests: dict[ImageKey, Resolution] = {}
    budget = _Budget(settings.max_bytes)
    for base in dict.fromkeys(wanted):
        if base.key in bases:
            continue
        advice, pinned = _advise_one(base, source, vulnerabilities, settings, budget)
        bases[base.key] = advice
        if advice.proposed and pinned is not None:
            assert advice.tag is not None and advice.digest is not None
            registry, repository, _, _, platform = base.key
            digests[(registry, repository, advice.tag)] = pinned
            # The chosen base, as the next pass (and the next run) reads it: nothing better.
            familiar = ImageRef(registry, repository, None, None).familiar
            bases[(registry, repository, advice.tag, advice.digest, platform)] = BaseAdvice(
                f"{familiar}:{advice.tag}@{advice.digest}", advice.better)
    return Advised(bases, digests)


def _advise_one(base: WantedBase, source: BaseSource, vulnerabilities: VulnerabilityLookup,
                settings: AdviceSettings, budget: _Budget) -> tuple[BaseAdvice, Resolution | None]:
    def nothing(reason: str, figures: BaseFigures | None = None, passed: tuple[Passed, ...] = ()) -> tuple[
            BaseAdvice, None]:
        return BaseAdvice(base.reference, figures, passed=passed, reason=reason), None

    registry, repository, tag, digest, platform = base.key
    current = ImageRef(registry, repository, tag, digest or None)
    try:
        listed = source.tags(current)
    except HardenbotError as error:
        return nothing(f"no candidates: {error}")
    grammar = grammar_name(current)
    policy = Policy(settings.allow_major, settings.allow_minor, settings.allow_libc_change)
    found = candidates(grammar, tag, listed, policy)
    others = [c for c in found.found if not c.current]
    if not others:
        return nothing(found.reason or f"no other tag of {current.familiar} keeps the meaning of {tag!r}")

    def measure(ref: ImageRef) -> Figures | str:
        """Its figures, or why it could not be measured."""
        try:
            image = source.image(ref, platform, budget.left)
        except HardenbotError as error:
            return f"not read: {error}"
        budget.left -= image.size
        answers = vulnerabilities(image.inventory)
        if answers.error:
            return f"OSV could not be asked: {answers.error}"
        serious, fixable = counted(image.inventory, answers)
        sizes[ref.tag or ""] = BaseFigures(serious, fixable, image.size, image.inventory.os)
        return Figures(serious, fixable, image.size)

    sizes: dict[str, BaseFigures] = {}
    try:
        current_digest = digest or source.digest(current)[0]
    except HardenbotError as error:
        return nothing(f"the current base could not be looked up: {error}")
    now = measure(current)
    if isinstance(now, str):
        return nothing(f"the current base could not be measured: {now}")
    measured = [Measured(found.found[0], now)]
    passed: list[Passed] = []
    heads: dict[str, tuple[str, bool]] = {}
    seen = {current_digest: tag}
    for candidate in _reading_order(grammar, others):
        if len(measured) > settings.candidates:
            passed.append(Passed(candidate.tag, f"not read: beyond {settings.candidates} candidates a base"))
            continue
        ref = ImageRef(registry, repository, candidate.tag, None)
        try:
            head = heads[candidate.tag] = source.digest(ref)
        except HardenbotError as error:
            passed.append(Passed(candidate.tag, f"not looked up: {error}"))
            continue
        if head[0] in seen:
            passed.append(Passed(candidate.tag, f"the same image as {seen[head[0]]}"))
            continue
        seen[head[0]] = candidate.tag
        figures = measure(ref)
        if isinstance(figures, str):
            passed.append(Passed(candidate.tag, figures))
        else:
            measured.append(Measured(candidate, figures))
    ranked = rank(measured)
    best = ranked[0]
    current_figures = sizes[tag]
    for other in ranked[1:]:
        if not other.candidate.current:
            passed.append(Passed(other.candidate.tag, f"ranked below {best.candidate.tag}: "
                                 + _figures_text(sizes[other.candidate.tag])))
    if best.candidate.current:
        return BaseAdvice(base.reference, current_figures, passed=tuple(passed)), None
    digest, is_index = heads[best.candidate.tag]
    return (BaseAdvice(base.reference, current_figures, best.candidate.tag, digest, sizes[best.candidate.tag],
                       best.candidate.release, tuple(passed)),
            Resolution(digest=digest, kind=INDEX if is_index else ""))


def _reading_order(grammar: str, others: list[Candidate]) -> list[Candidate]:
    """Slimmer first, then the newest release, then the least change (others come by distance)."""
    def release(candidate: Candidate) -> tuple[int, ...]:
        shape = parse_tag(grammar, candidate.tag)
        return shape.distro.order if shape is not None and shape.distro is not None else ()

    return sorted(others, key=lambda c: (not c.slimmer, tuple(-n for n in release(c)), c.distance, c.tag))


def _figures_text(figures: BaseFigures) -> str:
    return f"fixable critical/high {figures.critical_high}, fixable {figures.fixable}, {figures.size:,} bytes"

