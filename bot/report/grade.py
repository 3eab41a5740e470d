"""A letter grade per Dockerfile, from its findings, so a summary can say "F → B".

Each finding takes points off 100 by its rule's severity: high 25, medium 10, low 5, info 2.
One rule takes off at most twice its weight, however often it fires, so one noisy rule cannot
sink a file alone. A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, F below. A set of files (a repository, a
pull request) gets the grade of its files' mean score.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from bot.model.findings import Finding
from bot.rules import RULES_BY_CODE
from bot.rules.rule import Severity

WEIGHTS = {Severity.HIGH: 25, Severity.MEDIUM: 10, Severity.LOW: 5, Severity.INFO: 2}
THRESHOLDS = ((90, "A"), (75, "B"), (60, "C"), (40, "D"))


def severity_of(code: str) -> Severity:
    rule = RULES_BY_CODE.get(code)
    return rule.severity if rule else Severity.MEDIUM


def score(findings: Iterable[Finding]) -> int:
    counts = Counter(f.rule for f in findings)
    lost = sum(min(count, 2) * WEIGHTS[severity_of(code)] for code, count in counts.items())
    return max(0, 100 - lost)


def letter(points: int) -> str:
    for threshold, name in THRESHOLDS:
        if points >= threshold:
            return name
    return "F"


def grade(findings: Iterable[Finding]) -> str:
    return letter(score(findings))


def mean_score(files: Iterable[Iterable[Finding]]) -> int | None:
    """The files' mean score, rounded half up (None for no files): a clean file counts as 100,
    so the figure says how much of the whole set is hardened, not only its worst files."""
    scores = [score(findings) for findings in files]
    if not scores:
        return None
    return (2 * sum(scores) + len(scores)) // (2 * len(scores))
