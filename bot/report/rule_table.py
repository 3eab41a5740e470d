"""The README's rule table, rendered from the rule records (`python -m bot.report.rule_table
README.md` rewrites it in place; a test fails when the README's copy is stale)."""
from __future__ import annotations

import sys
from pathlib import Path

from bot.rules import RULES
from bot.rules.rule import FixSafety

START = "<!-- rule table: generated from bot/rules by `python -m bot.report.rule_table README.md` -->"
END = "<!-- end of rule table -->"


def render() -> str:
    lines = ["| code | what | why | severity | applies to | fix | action |", "|---|---|---|---|---|---|---|"]
    for rule in RULES:
        fix = "—" if rule.fix is FixSafety.NONE else rule.fix.value
        lines.append(f"| {rule.code} | {rule.title} | {rule.why} | {rule.severity.value} | {rule.scope.value} "
                     f"| {fix} | {rule.action} |")
    return "\n".join(lines) + "\n"


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
