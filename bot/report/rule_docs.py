"""The documentation generated from the project's own records, so that it cannot drift from them:
a page per rule (`docs/rules/<CODE>.md`, laid out as ruff's rule pages), the rule index in
`docs/rules/README.md`, the configuration reference in `docs/configuration.md` with the JSON
Schema it is rendered from (`docs/hardenbot.schema.json`), and the README's list of the pages
under `docs/`. `python -m bot.report.rule_docs` writes them all; a test fails, naming that
command, when one is stale.

A rule page reads the rule's record and its file's docstring: the docstring's `Why:` part is
the page's *Why*, its sentences that say where the rule stops (not reported, reported
instead, only …) are *When it does not apply*, and the rest is *What it does*.
"""
from __future__ import annotations

import json
import re
import sys
from collections.abc import Mapping
from pathlib import Path

from bot.config_schema import config_schema
from bot.model.roles import Role
from bot.report.config_reference import render_reference
from bot.rules import RULES
from bot.rules.rule import IMAGE_ROLES, FixSafety, Rule, Scope

COMMAND = "python -m bot.report.rule_docs"
RULES_FOLDER = Path("docs/rules")
RULE_INDEX = RULES_FOLDER / "README.md"
SCHEMA = Path("docs/hardenbot.schema.json")
CONFIGURATION = Path("docs/configuration.md")
README = Path("README.md")


class MissingMarkersError(ValueError):
    """A hand-written page lacks the markers its generated part goes between."""

    def __init__(self, path: Path, start: str):
        super().__init__(f"{path}: no generated-part markers ({start} … <!-- end of …-->): put them back")


# Where a generated part goes in a hand-written page: (page, start marker, end marker).
INDEX_MARKERS = (RULE_INDEX, f"<!-- rule index: generated from bot/rules by `{COMMAND}` -->",
                 "<!-- end of rule index -->")
REFERENCE_MARKERS = (CONFIGURATION, f"<!-- configuration reference: generated from bot/config_schema.py by `{COMMAND}` -->",
                     "<!-- end of configuration reference -->")
DOCS_LIST_MARKERS = (README, f"<!-- documentation list: generated from docs/ by `{COMMAND}` -->",
                     "<!-- end of documentation list -->")

_SAFETY = {
    FixSafety.SAFE: "Safe: the image builds the same software and runs it the same way.",
    FixSafety.UNSAFE: "Unsafe: the fixed image runs differently (user, shell, environment, packages or ids), "
                      "so the pull request lists it for a reviewer to check.",
    FixSafety.PROVEN: "Proven: made only when `fix --verify` builds the file and the built images show what the "
                      "fix promises (besides building and starting as before); reported otherwise.",
    FixSafety.NONE: "None: reported only, the right change is for a person.",
}
# A sentence of a rule's docstring that says where the rule stops.
_LIMIT = re.compile(r"^(Not |Never |Only |Reported instead|Elsewhere|Without `--verify`|Applies to )"
                    r"|\b(reported instead|is reported|are reported|it reports|not a finding|are not findings"
                    r"|not judged|not edited|not reported|never for)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.])\s+(?=[A-Z`(])")
_LABEL = re.compile(r"^(Fix \([^)]*\)|Proven fix \([^)]*\)|Fix|Report only|Reported instead|Opt-in)(?=[:,])")


def rule_file(rule: Rule, root: Path) -> Path:
    """The rule's own file, relative to the repository root."""
    found = sorted((root / "bot/rules").glob(f"{rule.code.lower()}_*.py"))
    if len(found) != 1:
        raise FileNotFoundError(f"bot/rules/{rule.code.lower()}_*.py: expected one file, found {len(found)}")
    return found[0].relative_to(root)


def _doc_parts(doc: str) -> tuple[str, list[str], list[str]]:
    """(why, what sentences, limit sentences) of a rule docstring, its first paragraph left out."""
    _, _, body = doc.strip().partition("\n\n")  # the first paragraph is the code and title
    lines = body.split("\n")
    why: list[str] = []
    rest: list[str] = []
    in_why = False
    for line in lines:
        if line.startswith("Why:") and not why:
            in_why = True
            line = line[len("Why:"):].strip()
        if in_why:
            why.append(line)
            in_why = not line.rstrip().endswith(".")
        else:
            rest.append(line)
    what: list[str] = []
    limits: list[str] = []
    for sentence in _sentences("\n".join(rest).strip()):
        intro = sentence.split("\n- ")[0]  # a list is what its introducing sentence is
        is_fix = sentence.startswith("Fix")  # the fix, whatever it leaves to a report
        (limits if not is_fix and _LIMIT.search(" ".join(intro.split())) else what).append(sentence)
    return " ".join(why).strip(), what, limits


def _sentences(text: str) -> list[str]:
    """`text` cut at its sentences' ends, except inside a list item: the items and the sentence
    that introduces their list stay one piece, up to a sentence that starts a line of its own."""
    found, start = [], 0
    for end in _SENTENCE_END.finditer(text):
        line = text[text.rfind("\n", 0, end.start()) + 1:end.start()]
        if line.startswith(("- ", "  ")) and "\n" not in end.group():
            continue  # inside a list item; a sentence on a line of its own ends the list
        found.append(text[start:end.start()])
        start = end.end()
    found.append(text[start:])
    return [sentence for sentence in found if sentence.strip()]


def _paragraph(sentences: list[str]) -> str:
    """Sentences joined as one paragraph; a list in one ends the paragraph, so that the next
    sentence does not read as part of its last item."""
    text = ""
    for sentence in sentences:
        sentence = _LABEL.sub(lambda m: f"**{m.group(1)}**", sentence)
        if text:
            text += "\n\n" if "\n- " in text.rsplit("\n\n", 1)[-1] else " "
        text += sentence
    return text


def _roles(rule: Rule) -> str:
    """The roles of Dockerfile the rule looks at, and where it only reports."""
    if not rule.roles:
        return "—"  # a rule about workflows
    if rule.roles == IMAGE_ROLES and (rule.edits_in == IMAGE_ROLES or rule.fix is FixSafety.NONE):
        return "all"
    looks = ", ".join(role.key for role in Role if role in rule.roles)
    reports = [role.key for role in Role if role in rule.roles - rule.edits_in]
    return looks + (f" (reports in {', '.join(reports)})" if reports and rule.fix is not FixSafety.NONE else "")


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")


def rule_page(rule: Rule, source: Path) -> str:
    """The rule's page, as ruff's: what it does, why, an example, when it does not apply, fix
    safety, options and the same check in other scanners."""
    why, what, limits = _doc_parts(rule.doc)
    language = "yaml" if rule.scope is Scope.WORKFLOW_STEPS else "dockerfile"
    fix = "—" if rule.fix is FixSafety.NONE else rule.fix.value
    parts = [
        f"# {rule.code}: {rule.title}",
        f"<!-- generated from {source.as_posix()} by `{COMMAND}`: edit the rule, not this page -->",
        "| severity | on by default | fix | what `fix` does | looks at | roles | kind |\n"
        "|---|---|---|---|---|---|---|\n"
        f"| {rule.severity.value} | {'yes' if rule.on_by_default else 'no (opt-in)'} | {fix} | {rule.action} "
        f"| {rule.scope.value} | {_roles(rule)} | {'security' if rule.security else 'quality'} |",
        "## What it does",
        f"**Finds**: {rule.title}.",
        *([_paragraph(what)] if what else []),
        "## Why is this bad?",
        # The docstring's why, the longer one; the record's one line is what findings show.
        _sentence(why or rule.why),
        "## Example",
        f"```{language}\n{rule.example.bad}\n```",
    ]
    if rule.example.good:
        parts += ["Use instead (what `hardenbot fix` writes):", f"```{language}\n{rule.example.good}\n```"]
    else:
        parts.append("Reported only: `hardenbot fix` leaves it as it is.")
    parts.append("## When it does not apply")
    parts.append(_paragraph(limits) if limits else
                 f"The rule's documentation names no exception: wherever it looks (*{rule.scope.value}*, "
                 f"roles: {_roles(rule)}), it applies.")
    parts += ["## Fix safety", _SAFETY[rule.fix] + (f" It needs {rule.fix_needs}." if rule.fix_needs else "")]
    if rule.options:
        parts.append("## Options")
        parts.append("\n".join(f"- `{option.key}`: {option.help} (see [configuration](../configuration.md))"
                               for option in rule.options))
    parts.append("## Equivalent IDs")
    parts.append("\n".join(f"- {equivalent}" for equivalent in rule.equivalents) if rule.equivalents else
                 "None recorded: no other scanner's check flags exactly what this rule flags.")
    return "\n\n".join(parts) + "\n"


def rule_index() -> str:
    """The table of every rule, each linking its page."""
    lines = ["| code | what | why | severity | applies to | roles | fix | action | same check in |",
             "|---|---|---|---|---|---|---|---|---|"]
    for rule in RULES:
        fix = "—" if rule.fix is FixSafety.NONE else rule.fix.value
        lines.append(f"| [{rule.code}]({rule.code}.md) | {rule.title} | {rule.why} | {rule.severity.value} "
                     f"| {rule.scope.value} | {_roles(rule)} | {fix} | {rule.action} "
                     f"| {', '.join(rule.equivalents) or '—'} |")
    return "\n".join(lines) + "\n"


def docs_list(pages: Mapping[str, str]) -> str:
    """A list item per page (path relative to the repository → its text), titled by its first heading."""
    items = []
    for path in sorted(pages):
        title = next((line[2:].strip() for line in pages[path].split("\n") if line.startswith("# ")), path)
        items.append(f"- [{title}]({path})")
    return "\n".join(items) + "\n"


def replace_between(text: str, path: Path, start: str, end: str, body: str) -> str:
    """`text` with what lies between the markers `start` and `end` replaced by `body`."""
    before, found_start, rest = text.partition(start)
    _, found_end, after = rest.partition(end)
    if not found_start or not found_end:
        raise MissingMarkersError(path, start)
    return f"{before}{start}\n{body}{end}{after}"


def generated(root: Path) -> dict[Path, str]:
    """Every generated file's text as it should be, by path relative to `root`: the rule pages
    and the schema whole, the hand-written pages with their generated part renewed."""
    files: dict[Path, str] = {}
    for rule in RULES:
        files[RULES_FOLDER / f"{rule.code}.md"] = rule_page(rule, rule_file(rule, root))
    schema = config_schema()
    files[SCHEMA] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    docs = {path.relative_to(root).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted((root / "docs").glob("*.md"))}
    docs[RULE_INDEX.as_posix()] = (root / RULE_INDEX).read_text(encoding="utf-8")
    for (page, start, end), body in ((INDEX_MARKERS, rule_index()), (REFERENCE_MARKERS, render_reference(schema)),
                                     (DOCS_LIST_MARKERS, docs_list(docs))):
        files[page] = replace_between((root / page).read_text(encoding="utf-8"), page, start, end, body)
    return files


def stale_rule_pages(root: Path) -> list[Path]:
    """Rule pages left from a rule that is gone."""
    wanted = {f"{rule.code}.md" for rule in RULES} | {RULE_INDEX.name}
    return sorted(path.relative_to(root) for path in (root / RULES_FOLDER).glob("*.md") if path.name not in wanted)


def main(root: Path) -> None:
    for path in stale_rule_pages(root):
        (root / path).unlink()
    for path, text in generated(root).items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "."))
