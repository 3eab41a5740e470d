"""CVSS v3.x base scores from a vector string, by the formula in FIRST's CVSS v3.1
specification (section 7.1, with its Roundup of Appendix A), and the qualitative bands of its
section 5: low 0.1–3.9, medium 4.0–6.9, high 7.0–8.9, critical 9.0–10.0. A v3.0 vector is
scored the same way (3.1 changed the rounding only at the sixth decimal, and no metric).
"""
from __future__ import annotations

import math

from bot.model.policies import VulnSeverity

_ATTACK_VECTOR = {"N": 0.85, "A": 0.62, "L": 0.55, "P": 0.2}
_ATTACK_COMPLEXITY = {"L": 0.77, "H": 0.44}
_PRIVILEGES = {"N": (0.85, 0.85), "L": (0.62, 0.68), "H": (0.27, 0.5)}  # (scope unchanged, changed)
_USER_INTERACTION = {"N": 0.85, "R": 0.62}
_IMPACT = {"H": 0.56, "L": 0.22, "N": 0.0}
_BASE_METRICS = ("AV", "AC", "PR", "UI", "S", "C", "I", "A")


def roundup(value: float) -> float:
    """The smallest number with one decimal that is not below `value`, computed on integers so
    that 4.000000001 → 4.0 and not 4.1 (the specification's Appendix A)."""
    whole = round(value * 100_000)
    if whole % 10_000 == 0:
        return whole / 100_000
    return (math.floor(whole / 10_000) + 1) / 10


def base_score(vector: str) -> float | None:
    """The base score of `CVSS:3.1/AV:N/AC:L/…`, or None when it is not a complete v3 vector."""
    prefix, _, rest = vector.strip().partition("/")
    if prefix not in ("CVSS:3.0", "CVSS:3.1"):
        return None
    metrics = dict(part.split(":", 1) for part in rest.split("/") if ":" in part)
    try:
        changed = {"U": False, "C": True}[metrics["S"]]
        iss = 1 - (1 - _IMPACT[metrics["C"]]) * (1 - _IMPACT[metrics["I"]]) * (1 - _IMPACT[metrics["A"]])
        exploitability = (8.22 * _ATTACK_VECTOR[metrics["AV"]] * _ATTACK_COMPLEXITY[metrics["AC"]]
                          * _PRIVILEGES[metrics["PR"]][changed] * _USER_INTERACTION[metrics["UI"]])
    except KeyError:
        return None
    impact = 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15 if changed else 6.42 * iss
    if impact <= 0:
        return 0.0
    total = 1.08 * (impact + exploitability) if changed else impact + exploitability
    return roundup(min(total, 10.0))


def band(score: float) -> VulnSeverity:
    if score >= 9.0:
        return VulnSeverity.CRITICAL
    if score >= 7.0:
        return VulnSeverity.HIGH
    if score >= 4.0:
        return VulnSeverity.MEDIUM
    return VulnSeverity.LOW if score > 0 else VulnSeverity.UNKNOWN
