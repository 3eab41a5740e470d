"""The rule catalogue. Order matters: where two rules insert at the same offset, the
earlier one's text comes first (`-y` before `--no-install-recommends`, ENV before SHELL)."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType

from bot.dockerfile.images import image_occurrences
from bot.dockerfile.model import Dockerfile
from bot.model.findings import Finding
from bot.model.images import ImageOccurrence
from bot.rules import (
    dl3002_root_user,
    dl3006_untagged_image,
    dl3007_latest_tag,
    dl3009_apt_lists_cleanup,
    dl3014_apt_get_yes,
    dl3015_no_install_recommends,
    dl3019_apk_no_cache,
    dl3020_add_to_copy,
    dl3042_pip_no_cache_dir,
    dl4006_pipefail,
    hb001_non_root_user,
    hb002_python_env,
    hb010_fixed_uid,
    hb011_security_updates,
    hb012_pip_cache_mount,
    hb013_oci_labels,
    hb014_healthcheck,
    hb020_slim_base,
    hb021_build_tools_in_final,
    hb030_pin_digest,
    hb031_stale_digest,
    hb032_unresolved_image,
)
from bot.rules.base import RuleOptions

SEVERITIES = ("high", "medium", "low", "info")
KINDS = ("fix", "opt-in", "report")


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str  # high | medium | low | info
    kind: str  # fix: on and auto-fixed by default; opt-in: off unless enabled; report: never edited
    why: str  # one line: why it matters
    doc: str  # what it does, why, the fix, an example
    check: Callable[[Dockerfile, RuleOptions], Iterator[Finding]]
    # Rules about image references also judge those named outside Dockerfiles.
    check_occurrence: Callable[[ImageOccurrence, RuleOptions], Iterator[Finding]] | None = None

    @property
    def enabled_by_default(self) -> bool:
        return self.kind != "opt-in"

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0].split("—", 1)[-1].strip()


def _image_check(check_occurrence: Callable[[ImageOccurrence, RuleOptions], Iterator[Finding]]
                 ) -> Callable[[Dockerfile, RuleOptions], Iterator[Finding]]:
    """A rule about image references judges a Dockerfile by the images it builds FROM."""
    def check(doc: Dockerfile, options: RuleOptions) -> Iterator[Finding]:
        for occurrence in image_occurrences(doc):
            yield from check_occurrence(occurrence, options)
    return check


def _rule(module: ModuleType) -> Rule:
    assert module.SEVERITY in SEVERITIES and module.KIND in KINDS, module.__name__
    check_occurrence = getattr(module, "check_occurrence", None)
    check = getattr(module, "check", None) or _image_check(check_occurrence)
    return Rule(module.CODE, module.NAME, module.SEVERITY, module.KIND, module.WHY,
                module.__doc__ or "", check, check_occurrence)


RULES: tuple[Rule, ...] = tuple(
    _rule(m)
    for m in (
        dl3014_apt_get_yes,
        dl3015_no_install_recommends,
        dl3009_apt_lists_cleanup,
        dl3042_pip_no_cache_dir,
        hb012_pip_cache_mount,
        dl3019_apk_no_cache,
        dl3020_add_to_copy,
        hb011_security_updates,
        hb010_fixed_uid,
        hb002_python_env,
        hb013_oci_labels,
        dl4006_pipefail,
        hb014_healthcheck,
        hb001_non_root_user,
        dl3002_root_user,
        dl3006_untagged_image,
        dl3007_latest_tag,
        hb020_slim_base,
        hb021_build_tools_in_final,
        hb030_pin_digest,
        hb031_stale_digest,
        hb032_unresolved_image,
    )
)
RULES_BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}
