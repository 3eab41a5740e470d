"""The grade measured on the images a `--verify` run built, as it was and as hardened: per
image and over all of them, the policy grade, the fixable critical/high vulnerabilities and the
size before → after, and the fixes that moved them. Nothing is claimed for an image that was
not built: only the images the verification built both ways are measured.

Over several images, the grade is the letter of their mean policy score, the counts and sizes
are sums; a count that could not be taken for one image (OSV not asked, its packages unread)
leaves the sum uncounted rather than short."""
from __future__ import annotations

from bot.model.policies import ImagePolicies
from bot.model.results import RunReport
from bot.policies.grade import letter_of, not_evaluated, policy_score
from bot.record import record
from bot.rules import APPLY_ORDER


@record
class Measure:
    path: str  # the Dockerfile; "" over every image
    grades: tuple[str, str]
    not_evaluated: tuple[int, int]  # policies that could not be evaluated, before and after
    fixable: tuple[int | None, int | None]  # fixable critical/high; None: not counted
    sizes: tuple[int, int]  # bytes
    movers: tuple[str, ...]  # rule codes
    images: int = 1


def measures(report: RunReport) -> list[Measure]:
    """One a Dockerfile whose original and hardened images were both built and judged."""
    policies = {item.path: item for item in report.policies if item.after is not None}
    found = []
    for item in report.verification:
        before = item.before.image if item.before and item.before.built else None
        after_build = item.after or item.before
        after = after_build.image if after_build and after_build.built else None
        judged = policies.get(item.path)
        if before is None or after is None or judged is None:
            continue
        found.append(_measure(judged, (before.size, after.size)))
    return found


def _measure(item: ImagePolicies, sizes: tuple[int, int]) -> Measure:
    assert item.after is not None and item.grade_after is not None
    return Measure(item.path, (item.grade_before, item.grade_after),
                   (not_evaluated(item.before), not_evaluated(item.after)), item.fixable, sizes, item.movers)


def overall(report: RunReport) -> Measure | None:
    found = measures(report)
    if not found:
        return None
    scores = [(policy_score(p.before), policy_score(p.after)) for p in report.policies
              if p.after is not None and p.path in {m.path for m in found}]
    counts = [m.fixable for m in found]
    movers = {code for m in found for code in m.movers}
    return Measure("", (letter_of(sum(b for b, _ in scores) / len(scores)), letter_of(sum(a for _, a in scores) / len(scores))),
                   (sum(m.not_evaluated[0] for m in found), sum(m.not_evaluated[1] for m in found)),
                   (_sum([b for b, _ in counts]), _sum([a for _, a in counts])),
                   (sum(m.sizes[0] for m in found), sum(m.sizes[1] for m in found)),
                   tuple(code for code in APPLY_ORDER if code in movers), len(found))


def _sum(counts: list[int | None]) -> int | None:
    return None if None in counts else sum(c for c in counts if c is not None)


def _side(grade: str, unknown: int) -> str:
    return f"{grade} ({unknown} not evaluated)" if unknown else grade


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f}"


def describe(measure: Measure) -> str:
    """`policy grade F → B, fixable critical/high 14 → 2, 310.0 → 112.0 MB (HB020, HB021)`."""
    before, after = (_side(grade, unknown) for grade, unknown in zip(measure.grades, measure.not_evaluated, strict=True))
    return f"policy grade {before} → {after}, {figures(measure)}"


def figures(measure: Measure) -> str:
    """The counts and sizes, and the fixes that moved them: `fixable critical/high 14 → 2,
    310.0 → 112.0 MB (HB020, HB021)`."""
    before, after = measure.fixable
    fixable = (f"fixable critical/high {before} → {after}" if before is not None and after is not None
               else "fixable critical/high not counted (OSV not asked, or packages unread)")
    moved = f" ({', '.join(measure.movers)})" if measure.movers else ""
    return f"{fixable}, {_mb(measure.sizes[0])} → {_mb(measure.sizes[1])} MB{moved}"


def summary_line(report: RunReport) -> str | None:
    """The one line a summary opens with; None when no image was built both ways."""
    total = overall(report)
    if total is None:
        return None
    over = f" ({total.images} images)" if total.images > 1 else ""
    return f"Measured on the built images{over}: {describe(total)}"


def _json(measure: Measure) -> dict:
    return {"grade": measure.grades[0], "grade_after": measure.grades[1],
            "not_evaluated": measure.not_evaluated[0], "not_evaluated_after": measure.not_evaluated[1],
            "fixable_critical_high": measure.fixable[0], "fixable_critical_high_after": measure.fixable[1],
            "size": measure.sizes[0], "size_after": measure.sizes[1], "moved_by": list(measure.movers)}


def json_document(report: RunReport) -> dict | None:
    total = overall(report)
    if total is None:
        return None
    return {"images": [{"path": m.path, **_json(m)} for m in measures(report)],
            "overall": {"images": total.images, **_json(total)}}
