"""What an upgrade step did to a built image, read from the packages of the original image and
of the hardened one: which installed packages it replaced (same package, same place, another
version), and of those, which had fixable vulnerabilities that the new version no longer has.

The proof of HB011 and the line its kept findings carry. Pure: the inventories and the
vulnerability lookup come in with the evidence.
"""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from bot.model.text import excerpt
from bot.record import record

if TYPE_CHECKING:  # annotations only: the images' records load once images were built
    from bot.model.policies import Inventory, Package, VulnerabilityAnswers
    from bot.model.proof import ProofEvidence

SHOWN_PACKAGES = 5  # packages named in a finding; the rest are counted
SHOWN_IDS = 3  # vulnerability ids named per package; the rest are counted
_NAME = 80  # characters of an image's package name or version in a message
NO_NETWORK = "verify builds download nothing unless verify.network is true"


@record
class Replacement:
    """A package the hardened image replaced, and the vulnerabilities the new version closes."""
    old: Package
    new: Package
    closed: tuple[str, ...] = ()  # the ids of old's fixable vulnerabilities new no longer has
    fixable: tuple[int, int] = (0, 0)  # old's fixable vulnerabilities, new's

    @property
    def closes(self) -> bool:
        """It had fixable vulnerabilities, and the new version has fewer."""
        return self.fixable[0] > 0 and self.fixable[1] < self.fixable[0]

    def __str__(self) -> str:
        name = excerpt(self.old.installed_as or self.old.name, _NAME)
        ids = ", ".join(self.closed[:SHOWN_IDS])
        more = f" and {len(self.closed) - SHOWN_IDS} more" if len(self.closed) > SHOWN_IDS else ""
        closing = f", closing {ids}{more}" if ids else f", fixable {self.fixable[0]} → {self.fixable[1]}"
        return f"{name} {excerpt(self.old.version, _NAME)} → {excerpt(self.new.version, _NAME)}{closing}"


def _place(package: Package) -> tuple[str, str, str]:
    """What makes two packages of two images the same one: its ecosystem, its installed name,
    and the folder its record is in (a dist-info folder's name holds its version)."""
    return package.ecosystem, package.installed_as or package.name, package.location.rpartition("/")[0]


def replaced(before: Inventory, after: Inventory) -> list[tuple[Package, Package]]:
    """The packages installed in both images at another version, in the original's order. A
    package listed twice in the same place in either image is left out: which replaced which
    is not clear."""
    counts = Counter(map(_place, before.packages)) + Counter(map(_place, after.packages))
    olds = {_place(p): p for p in before.packages}
    news = {_place(p): p for p in after.packages}
    return [(old, news[place]) for place, old in olds.items()
            if place in news and counts[place] == 2 and news[place].version != old.version and old.ecosystem]


def _fixable(answers: VulnerabilityAnswers, package: Package) -> list[str]:
    return [v.id for v in answers.found.get(package.key, ()) if v.fixable]


def replacements(evidence: ProofEvidence) -> list[Replacement] | str:
    """Every package the hardened image holds at another version than the original, with the
    fixable vulnerabilities each closed; or why that cannot be told (one line)."""
    inventories = {}
    for which, build in (("original", evidence.before), ("hardened", evidence.after)):
        if build.inventory is None:
            return f"the packages of the {which} image were not read"
        if not build.inventory.read:
            return f"the packages of the {which} image could not be read ({build.inventory.error})"
        inventories[which] = build.inventory
    pairs = replaced(inventories["original"], inventories["hardened"])
    if not pairs:
        return []
    if evidence.vulnerabilities is None:
        return "OSV was not asked (offline): no vulnerability can be shown fixed"
    from bot.model.policies import Inventory  # the images' records: only once images were built

    answers = evidence.vulnerabilities(Inventory(tuple(p for pair in pairs for p in pair)))
    if answers.error:
        return f"OSV could not be asked ({answers.error})"
    found = []
    for old, new in pairs:
        before, after = _fixable(answers, old), _fixable(answers, new)
        closed = tuple(dict.fromkeys(i for i in before if i not in {v.id for v in answers.found.get(new.key, ())}))
        found.append(Replacement(old, new, closed, (len(before), len(after))))
    return found


def upgrade_proof(evidence: ProofEvidence) -> str | None:
    """None when the upgrade replaced at least one package that had fixable vulnerabilities
    with a version that has fewer; else why not."""
    found = replacements(evidence)
    if isinstance(found, str):
        return found
    if not found:
        return f"the upgrade replaced no package with a fixable vulnerability (it replaced none: {NO_NETWORK})"
    if not any(r.closes for r in found):
        return (f"the upgrade replaced no package with a fixable vulnerability "
                f"({len(found)} package{'s' if len(found) != 1 else ''} replaced)")
    return None


def upgrade_shown(evidence: ProofEvidence) -> str:
    """The packages the upgrade replaced that closed fixable vulnerabilities, name old → new and
    the ids, the first few named and the rest counted."""
    found = replacements(evidence)
    if isinstance(found, str):  # the proof held on this same evidence: only a lookup failing since
        return f"what it replaced could not be told again ({found})"
    closing = [r for r in found if r.closes]
    named = "; ".join(map(str, closing[:SHOWN_PACKAGES]))
    more = f"; and {len(closing) - SHOWN_PACKAGES} more" if len(closing) > SHOWN_PACKAGES else ""
    return (f"the built image showed it replace {named}{more} ({len(closing)} of {len(found)} packages replaced "
            "had fixable vulnerabilities)")
