"""The README's rule table, rendered from the rule records (`python -m bot.report.rule_table
README.md` rewrites it in place; a test fails when the README's copy is stale)."""
from __future__ import annotations

import sys
from pathlib import Path

from bot.model.roles import Role
from bot.rules import RULES
from bot.rules.rule import IMAGE_ROLES, FixSafety, Rule

START = "<!-- rule table: generated from bot/rules by `python -m bot.report.rule_table README.md` -->"
END = "<!-- end of rule table -->"


def render() -> str:
    lines = ["| code | what | why | severity | applies to | roles | fix | action | same check in |",
             "|---|---|---|---|---|---|---|---|---|"]
    for rule in RULES:
        fix = "—" if rule.fix is FixSafety.NONE else rule.fix.value
        lines.append(f"| {rule.code} | {rule.title} | {rule.why} | {rule.severity.value} | {rule.scope.value} "
                     f"| {_roles(rule)} | {fix} | {rule.action} | {', '.join(rule.equivalents) or '—'} |")
    return "\n".join(lines) + "\n"


def _roles(rule: Rule) -> str:
    """The roles of Dockerfile the rule looks at, and where it only reports."""
    if not rule.roles:
        return "—"  # a rule about workflows
    if rule.roles == IMAGE_ROLES and (rule.edits_in == IMAGE_ROLES or rule.fix is FixSafety.NONE):
        return "all"
    looks = ", ".join(role.key for role in Role if role in rule.roles)
    reports = [role.key for role in Role if role in rule.roles - rule.edits_in]
    return looks + (f" (reports in {', '.join(reports)})" if reports and rule.fix is not FixSafety.NONE else "")


def replace_table(readme: str) -> str:
    """`readme` with the text between the START and END markers rendered anew."""
    before, start, rest = readme.partition(START)
    _, end, after = rest.partition(END)
    if not start or not end:
        raise ValueError(f"the README has no rule table markers ({START} … {END})")
    return f"{before}{START}\n{render()}{END}{after}"


if __name__ == "__main__":
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "README.md")
    path.write_text(replace_table(path.read_text(encoding="utf-8")), encoding="utf-8")
