"""How the policies read: lines for a terminal, fields for JSON, and the markdown of a
"Policies" section for the pull request body (before → after per policy, and what moved it).
A grade is shown with how many of its policies could not be evaluated, so that an A with
unknowns never reads as a clean bill."""
from __future__ import annotations

from bot.model.policies import ImagePolicies, PolicyResult
from bot.model.results import RunReport
from bot.policies.grade import not_evaluated
from bot.report import measured
from bot.report.inert import code, one_line

DETAILS_SHOWN = 5  # evidence rows per policy in text and markdown; JSON has them all


def grade_text(letter: str | None, results: tuple[PolicyResult, ...] | None) -> str:
    if letter is None or results is None:
        return "—"
    unknown = not_evaluated(results)
    return f"{letter} ({unknown} not evaluated)" if unknown else letter


def _grades(item: ImagePolicies) -> str:
    before = grade_text(item.grade_before, item.before)
    return before if item.after is None else f"{before} → {grade_text(item.grade_after, item.after)}"


def _pairs(item: ImagePolicies) -> list[tuple[PolicyResult, PolicyResult | None]]:
    after = item.after or (None,) * len(item.before)
    return list(zip(item.before, after, strict=True))


def text_lines(report: RunReport) -> list[str]:
    """The measured line over every built image first (when any was built both ways), then
    each image's grade, measured figures and policies."""
    total = measured.summary_line(report)
    lines = [total[0].lower() + total[1:]] if total else []
    figures = _figures(report)
    for item in report.policies:
        lines.append(f"policies: {item.path}: grade {_grades(item)}{figures.get(item.path, '')}")
        for before, after in _pairs(item):
            shown = after or before
            state = before.state.value if after is None or after.state == before.state else \
                f"{before.state.value} → {after.state.value}"
            moved = f", moved by {item.moved_by[before.policy]}" if before.policy in item.moved_by else ""
            lines.append(f"  {before.policy}: {state}{moved} ({shown.summary})")
            lines.extend(f"    {detail}" for detail in shown.details[:DETAILS_SHOWN])
    return lines


def _figures(report: RunReport) -> dict[str, str]:
    """path → `; fixable critical/high 14 → 2, 310.0 → 112.0 MB (HB020)`, for the images
    built both ways (their grade is said beside it)."""
    return {measure.path: f"; {measured.figures(measure)}" for measure in measured.measures(report)}


def _result_dict(result: PolicyResult | None) -> dict | None:
    if result is None:
        return None
    return {"state": result.state.value, "summary": result.summary, "details": list(result.details)}


def json_items(report: RunReport) -> list[dict]:
    return [{"path": item.path, "grade": item.grade_before, "grade_after": item.grade_after,
             "not_evaluated": not_evaluated(item.before),
             "policies": [{"policy": before.policy, "before": _result_dict(before), "after": _result_dict(after),
                           "moved_by": item.moved_by.get(before.policy)} for before, after in _pairs(item)]}
            for item in report.policies]


def _cell(text: str) -> str:
    return one_line(text)  # evidence quotes an image's packages and a repository's paths


def markdown_lines(report: RunReport) -> list[str]:
    """A "Policies" section: per image, its grade before → after and a row per policy."""
    if not report.policies:
        return []
    lines = ["### Policies", ""]
    figures = _figures(report)
    for item in report.policies:
        lines += [f"**{code(item.path)}**: grade {_grades(item)}{_cell(figures.get(item.path, ''))}", "",
                  "| policy | before | after | moved by | evidence |", "|---|---|---|---|---|"]
        for before, after in _pairs(item):
            shown = after or before
            evidence = "; ".join([shown.summary, *shown.details[:DETAILS_SHOWN]])
            lines.append(f"| {before.policy} | {before.state.value} | {after.state.value if after else '—'} "
                         f"| {_cell(item.moved_by.get(before.policy, ''))} | {_cell(evidence)} |")
        lines.append("")
    return lines
