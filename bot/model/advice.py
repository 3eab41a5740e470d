"""A better base for a shipped image, measured from the registry: what the base-recommendation
pass (`bot/recommend/advisor.py`) found for each base, and what HB020 edits and reports by.

The current base and every candidate are measured the same way (their packages read from the
registry, asked of OSV), so their figures compare like with like; a built image's are counted
the same way again by HB020's proof."""
from __future__ import annotations

from typing import TYPE_CHECKING

from bot.model.images import ImageKey, Resolution
from bot.model.wanted_base import BaseKey
from bot.record import record

if TYPE_CHECKING:  # annotations only: `check`, which measures no base, never loads the images' records
    from bot.model.policies import Inventory, VulnerabilityAnswers


@record
class BaseImage:
    """An image read from its registry for one platform."""

    digest: str  # the platform's manifest
    size: int  # bytes of its layers as the manifest lists them (compressed)
    inventory: Inventory


@record
class BaseFigures:
    """What a base image weighs: its fixable vulnerabilities and its size."""
    critical_high: int  # fixable critical and high vulnerabilities (each package's, as the policy counts them)
    fixable: int  # fixable vulnerabilities, every severity
    size: int  # compressed bytes of its layers
    os: str = ""  # the distribution's OSV ecosystem ("Debian:12")


@record
class Passed:
    """A candidate that was not chosen, and why (one line)."""

    tag: str
    reason: str


@record
class BaseAdvice:
    """HB020's advice for one base: the current one's figures and a better candidate, if any."""
    current: str  # the reference as the file writes it
    figures: BaseFigures | None = None  # the current base's, when it could be measured
    tag: str | None = None  # the better candidate's tag; None: the current base stays
    digest: str | None = None  # … and the digest to pin it by (the tag's, as HB030 pins)
    better: BaseFigures | None = None  # … and its figures
    release: tuple[str, str] | None = None  # (before, after) when the distribution release changes
    passed: tuple[Passed, ...] = ()  # candidates not chosen
    reason: str = ""  # why nothing could be measured (no tag list, the current base unreadable, …)

    @property
    def has_better(self) -> bool:
        """Another tag ranks above the current base (fewer fixable vulnerabilities, or smaller)."""
        return self.tag is not None and self.digest is not None and self.better is not None

    @property
    def proposed(self) -> bool:
        """… with fewer fixable critical/high ones: what HB020 edits the FROM to."""
        return (self.has_better and self.figures is not None and self.better is not None
                and self.better.critical_high < self.figures.critical_high)


@record
class Advised:
    """What the base-recommendation pass found: advice per base, and the registry's answer for
    each tag it proposes (so HB030 and HB031 see the new reference as current in the same run)."""

    bases: dict[BaseKey, BaseAdvice]
    digests: dict[ImageKey, Resolution]


def counted(inventory: Inventory, answers: VulnerabilityAnswers) -> tuple[int, int]:
    """(fixable critical or high, fixable) vulnerabilities of the inventory's packages, one per
    package and vulnerability, as the vulnerabilities-critical policy counts them."""
    from bot.model.policies import VulnSeverity

    serious = fixable = 0
    for package in inventory.packages:
        for vulnerability in answers.found.get(package.key, ()):
            if vulnerability.fixable:
                fixable += 1
                serious += vulnerability.severity in (VulnSeverity.CRITICAL, VulnSeverity.HIGH)
    return serious, fixable


def size_text(size: int) -> str:
    """`310 MB`, `4.2 MB`, `12 kB`: compressed sizes, as registries show them."""
    if size >= 10_000_000:
        return f"{size / 1e6:.0f} MB"
    if size >= 1_000_000:
        return f"{size / 1e6:.1f} MB"
    return f"{max(1, round(size / 1e3))} kB"
