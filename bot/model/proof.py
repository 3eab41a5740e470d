"""What a proven fix is judged by: the original's build and the hardened file's, with the
packages each image holds, and a way to ask which of those packages have known
vulnerabilities. A rule whose fix is FixSafety.PROVEN names a `Proof`: given this evidence,
why its edit is not shown to do what it claims (one line), or None when it is; and it may name
a `Showing`: what the evidence showed, said in its kept findings (which packages an upgrade
replaced), since a rule writes its message before anything is built."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from bot.record import record

if TYPE_CHECKING:  # annotations only: `check`, which builds nothing, never loads the build results
    from bot.model.policies import Inventory, VulnerabilityAnswers
    from bot.model.verification import Build

# Packages in, what the vulnerability database says of them (answers.error when it could not say).
VulnerabilityLookup = Callable[["Inventory"], "VulnerabilityAnswers"]


@record
class ProofEvidence:
    """The builds a proven fix is judged on: the original and the hardened image."""
    path: str  # the Dockerfile, repository-relative
    before: Build  # the original, built (with its inventory when the engine could read it)
    after: Build  # the hardened file with every edit still proposed, built
    vulnerabilities: VulnerabilityLookup | None = None  # None: offline, nothing can be asked


Proof = Callable[[ProofEvidence], "str | None"]
# Asked only when the proof holds, of the same evidence: one line, added to the rule's kept findings.
Showing = Callable[[ProofEvidence], str]
