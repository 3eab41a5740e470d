"""SARIF 2.1.0, as GitHub code scanning takes it: one run, the rule catalogue with help
text, and a result per finding with its file and line."""
from __future__ import annotations

import json

from bot import __version__
from bot.model.results import RunReport
from bot.rules import RULES
from bot.rules.rule import Rule, Severity

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.HIGH: "error", Severity.MEDIUM: "warning", Severity.LOW: "warning", Severity.INFO: "note"}
_SECURITY_SEVERITY = {Severity.HIGH: "8.0", Severity.MEDIUM: "5.0", Severity.LOW: "3.0", Severity.INFO: "1.0"}


def _rule_descriptor(rule: Rule) -> dict:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.why},
        "help": {"text": _help_text(rule), "markdown": _help_markdown(rule)},
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
        "properties": {"tags": ["security", "dockerfile"], "security-severity": _SECURITY_SEVERITY[rule.severity]},
    }


def _equivalents(rule: Rule) -> str:
    """The same check in other scanners, so a code scanning alert can be matched with theirs."""
    return f"Same check in: {', '.join(rule.equivalents)}." if rule.equivalents else ""


def _help_text(rule: Rule) -> str:
    example = rule.example.bad + (f"\n→\n{rule.example.good}" if rule.example.good else "")
    same = f"\n{_equivalents(rule)}" if rule.equivalents else ""
    return (f"{rule.doc.strip()}\nExample:\n{example}\nFix safety: {rule.fix.value}. Applies to: {rule.scope.value}."
            f"{same}")


def _help_markdown(rule: Rule) -> str:
    example = f"```dockerfile\n{rule.example.bad}\n```"
    if rule.example.good:
        example += f"\n\nbecomes\n\n```dockerfile\n{rule.example.good}\n```"
    same = f" {_equivalents(rule)}" if rule.equivalents else ""
    return (f"{rule.doc.strip()}\n\n**Example**\n\n{example}\n\n"
            f"**Fix safety**: {rule.fix.value}. **Applies to**: {rule.scope.value}.{same}")


def render(report: RunReport, *, fix: bool) -> str:
    index = {rule.code: i for i, rule in enumerate(RULES)}
    results = []
    for result in report.results:
        findings = result.hardened.after if fix else result.hardened.before
        role = result.hardened.role
        for found in findings:
            rule = RULES[index[found.rule]]
            results.append({
                "ruleId": found.rule,
                "ruleIndex": index[found.rule],
                "level": _LEVELS[rule.severity],
                "message": {"text": found.message + (" (fixable: run `hardenbot fix`)" if found.fixable else "")},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": result.path, "uriBaseId": "%SRCROOT%"},
                        "region": {"startLine": found.line},
                    }
                }],
                **({"properties": {"role": role.role.key, "roleReason": role.reason}} if role else {}),
            })
    notifications = [{
        "level": "error",
        "message": {"text": error.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": error.path, "uriBaseId": "%SRCROOT%"},
                                            "region": {"startLine": error.line}}}],
    } for error in report.errors]
    run = {
        "tool": {"driver": {"name": "hardenbot", "version": __version__,
                            "rules": [_rule_descriptor(rule) for rule in RULES]}},
        "results": results,
        "invocations": [{"executionSuccessful": not report.errors,
                         "toolExecutionNotifications": notifications}],
    }
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, indent=2, ensure_ascii=False)
