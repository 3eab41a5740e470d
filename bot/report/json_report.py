"""Machine-readable output: every file, its grade, findings, and what a fix changed."""
from __future__ import annotations

import json

from bot import __version__
from bot.model.findings import Finding
from bot.model.results import RunReport
from bot.model.roles import RoleDecision
from bot.report import measured, policies
from bot.report.grade import grade, score, severity_of
from bot.report.verification import json_items
from bot.rules import RULES_BY_CODE


def finding_dict(found: Finding) -> dict:
    rule = RULES_BY_CODE.get(found.rule)
    return {
        "rule": found.rule,
        "line": found.line,
        "message": found.message,
        "severity": severity_of(found.rule).value,
        "fixable": found.fixable,
        "why": rule.why if rule else "",
    }


def _role(decision: RoleDecision | None) -> dict | None:
    return {"name": decision.role.key, "reason": decision.reason} if decision else None


def render(report: RunReport, *, fix: bool) -> str:
    files = []
    for result in report.results:
        hardened = result.hardened
        entry = {
            "path": result.path,
            "role": _role(result.hardened.role),
            "grade": grade(hardened.before),
            "score": score(hardened.before),
            "findings": [finding_dict(f) for f in hardened.before],
        }
        if fix:
            entry.update({
                "changed": result.changed,
                "added_files": [new.path for new in hardened.created],
                "grade_after": grade(hardened.after),
                "score_after": score(hardened.after),
                "fixed": [finding_dict(f) for f in hardened.applied],
                "needs_a_person": [finding_dict(f) for f in hardened.after],
            })
        files.append(entry)
    document = {
        "tool": "hardenbot",
        "version": __version__,
        "mode": "fix" if fix else "check",
        "files": files,
        "errors": [{"path": e.path, "line": e.line, "message": e.message} for e in report.errors],
        "not_scanned": [{"path": path, "role": _role(decision)} for path, decision in report.not_scanned],
    }
    if fix and (report.verification or report.verify_note):
        document["verification"] = json_items(report)
        document["verify_note"] = report.verify_note or None
    if report.policies:
        document["policies"] = policies.json_items(report)
    if fix and (total := measured.json_document(report)) is not None:
        document["measured"] = total
    return json.dumps(document, indent=2, ensure_ascii=False)
