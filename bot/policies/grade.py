"""A letter from the policies, like Docker Scout's health score: each failing policy takes its
weight off 100; policies not evaluated or skipped take nothing, and the grade says how many
were not evaluated, so an A with unknowns never reads as a clean bill.

Weights: high-profile CVEs 50, fixable critical/high vulnerabilities 30, AGPL 20, non-root
user 20, attestations 10, up-to-date base 10, approved base 10.
A 100 (every evaluated policy passes), B ≥ 80, C ≥ 60, D ≥ 40, F below.
"""
from __future__ import annotations

from collections.abc import Iterable

from bot.model.policies import PolicyResult, PolicyState

WEIGHTS = {"high-profile-cves": 50, "vulnerabilities-critical": 30, "agpl": 20, "non-root": 20,
           "attestations": 10, "up-to-date-base": 10, "approved-base": 10}
THRESHOLDS = ((100, "A"), (80, "B"), (60, "C"), (40, "D"))


def policy_score(results: Iterable[PolicyResult]) -> int:
    return max(0, 100 - sum(WEIGHTS[r.policy] for r in results if r.state is PolicyState.FAIL))


def policy_grade(results: Iterable[PolicyResult]) -> str:
    return letter_of(policy_score(results))


def letter_of(points: float) -> str:
    return next((letter for threshold, letter in THRESHOLDS if points >= threshold), "F")


def not_evaluated(results: Iterable[PolicyResult]) -> int:
    return sum(r.state is PolicyState.NOT_EVALUATED for r in results)
