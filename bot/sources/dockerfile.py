"""Dockerfiles: `Dockerfile`, `Dockerfile.*`, `*.Dockerfile`, `*.dockerfile`, `Containerfile`,
`Containerfile.*`; not `*.dockerignore`, templates (`.j2`, `.tmpl`, `.template` …) or editor
and merge leftovers (`.orig`, `.bak`, `~` …), which no build reads. Every rule applies; the
images are those the stages are built FROM."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from bot.dockerfile.images import image_occurrences, name_lines
from bot.dockerfile.model import Dockerfile
from bot.dockerfile.opt_in import opt_in_argument
from bot.dockerfile.roles import decide_role
from bot.errors import DockerfileSyntaxError
from bot.model.findings import Finding
from bot.model.images import ImageOccurrence
from bot.model.roles import Role, RoleDecision
from bot.rules.rule import Rule, RuleContext, RuleSet
from bot.sources.globs import glob_matches
from bot.sources.ignores import suppressed
from bot.sources.kind import Assessment, SourceKind

TEMPLATE_SUFFIXES = (".j2", ".jinja", ".jinja2", ".tmpl", ".tpl", ".template", ".erb", ".mustache", ".hbs")
NOT_DOCKERFILES = (".dockerignore", *TEMPLATE_SUFFIXES, ".orig", ".rej", ".bak", ".swp", "~")


def is_dockerfile_name(name: str) -> bool:
    lowered = name.lower()
    if lowered.endswith(NOT_DOCKERFILES):
        return False
    return (name in ("Dockerfile", "Containerfile")
            or name.startswith(("Dockerfile.", "Containerfile.", "Dockerfile-", "Containerfile-", "Dockerfile_",
                                "Containerfile_"))
            or lowered.endswith(".dockerfile"))


def occurrences(text: str, path: str) -> list[ImageOccurrence]:
    return image_occurrences(Dockerfile.parse(text, path))


def assess(text: str, path: str, ruleset: RuleSet) -> Assessment:
    """The file's role, and its findings from the rules that look at files of that role (a
    rule that may not edit this role reports instead). `# hadolint ignore=…` on the line above
    an instruction silences those codes there; `# hadolint global ignore=…` everywhere."""
    build = ruleset.context.facts.compose_builds.get(path)
    target = build.target if build else None
    parsed = ruleset.parsed.get(path)  # this text's parse, or an earlier text's (before a fix): reused
    doc = Dockerfile(parsed, target) if parsed is not None and parsed.text == text \
        else Dockerfile.parse(text, path, target, earlier=parsed)
    decision = ruleset.decided.get(path) or decide_role(doc, ruleset.context.facts, glob_matches)
    if decision.stage is not None:
        doc = Dockerfile(doc.parsed, decision.stage)  # the last stage is for development: judge the one that ships
    context = replace(ruleset.context, role=decision)
    by_line: dict[int, set[str]] = {}
    everywhere: set[str] = set()
    for line, comment in doc.parsed.comments.items():
        codes, in_whole_file = suppressed(comment)
        if in_whole_file:
            everywhere |= codes
        elif codes:
            by_line[line + 1] = codes
    found = []
    opt_in: dict[int, str] | None = None  # read once, when a size fix asks
    for rule in ruleset.looking_at(decision.role):
        if rule.code in everywhere:
            continue
        findings = _image_findings(rule, doc, context, by_line) if rule.check_occurrence else rule.findings(doc, context)
        for finding in findings:
            if rule.code in by_line.get(finding.line, ()):
                continue
            if finding.fixable:  # whether the rule may edit the file is worked out only for what it would edit
                why = _why_not_editable(rule, decision)
                if why is None and rule.saves_size:
                    if opt_in is None:
                        opt_in = _opt_in_runs(doc)
                    finding = _unless_opt_in(opt_in, finding)
                elif why is not None:
                    finding = replace(finding, edits=(), creates=None, message=f"{finding.message}; {why}")
            found.append(finding)
    found += [f for f in _trigger_findings(doc, ruleset, context)
              if f.rule not in everywhere and f.rule not in by_line.get(f.line, ())]
    return Assessment(found, decision, doc.parsed)


def _why_not_editable(rule: Rule, decision: RoleDecision) -> str | None:
    """Why the rule's fixes are reported, not made, in a file of this role decision; None: it may edit."""
    unshipped = rule.saves_size and bool(decision.unshipped)
    if decision.role in rule.edits_in and not decision.generated and not decision.conflicting \
            and not unshipped and not decision.retired and not decision.quoted:
        return None
    return GENERATED if decision.generated else CONFLICTING if decision.conflicting else \
        f"not changed: {decision.retired}" if decision.retired and decision.role in rule.edits_in else \
        f"not changed: {decision.quoted}" if decision.quoted and decision.role in rule.edits_in else \
        f"not changed: {decision.unshipped}" if unshipped and decision.role in rule.edits_in else \
        NOT_CHANGED.get(decision.role, f"not changed in a {decision.role.value}")


def _opt_in_runs(doc: Dockerfile) -> dict[int, str]:
    """RUN line → the build argument it waits for, for the RUNs only such an argument turns on."""
    found = {}
    for run in doc.all_runs:
        argument = opt_in_argument(doc, run)
        if argument is not None:
            found[run.instruction.line] = argument
    return found


def _unless_opt_in(opt_in: dict[int, str], finding: Finding) -> Finding:
    """A size fix in a RUN only a build argument turns on is reported: the default build skips it."""
    argument = opt_in.get(finding.line)
    if argument is None:
        return finding
    return replace(finding, edits=(), creates=None, message=f"{finding.message}; not changed: this RUN does its work "
                                                            f"only when the build argument {argument} is given")


def _image_findings(rule: Rule, doc: Dockerfile, context: RuleContext, by_line: dict[int, set[str]]) -> Iterator[Finding]:
    """An image reference's findings. A comment above an instruction that uses it silences them
    there: above every one, they are silenced; above some, they are reported, not changed, since
    one edit where the reference is written (an ARG default) would change them all."""
    assert rule.check_occurrence is not None
    for occurrence in image_occurrences(doc):
        used_at = occurrence.used_at or (occurrence.line,)
        asking = [line for line in used_at if rule.code in by_line.get(line, ())] if by_line else []
        if len(asking) == len(used_at):
            continue
        for finding in rule.check_occurrence(occurrence, context):
            if asking and finding.edits:
                finding = replace(finding, edits=(), message=f"{finding.message}; not changed: {occurrence.where} is "
                                  f"also used on {name_lines(asking)}, which ignores {rule.code}")
            yield finding


def _trigger_findings(doc: Dockerfile, ruleset: RuleSet, context: RuleContext) -> list[Finding]:
    """`ONBUILD RUN …` judged as the RUN it becomes in an image built FROM this one (a stand-in
    file with this stage's base), each finding reported on the ONBUILD line. A trigger the
    stand-in cannot hold is left unjudged: it never makes the file unreadable."""
    found = []
    rules = [rule for rule in ruleset.looking_at(context.role.role) if rule.onbuild]
    for stage in doc.stages:
        for inst in stage.instructions:
            trigger = inst.rest.split(None, 1) if inst.keyword == "ONBUILD" else []
            if len(trigger) != 2 or trigger[0].upper() != "RUN" or "<<" in trigger[1]:
                continue
            try:
                stand_in = Dockerfile.parse(f"FROM {stage.external_base or 'scratch'}\nRUN {trigger[1]}\n", doc.path)
            except DockerfileSyntaxError:
                continue
            for rule in rules:
                for finding in rule.findings(stand_in, context):
                    found.append(replace(finding, line=inst.line, edits=(),
                                         message=f"ONBUILD trigger: {finding.message}; {TRIGGER}"))
    return found


TRIGGER = "reported, not changed: it runs in the images built FROM this one"
GENERATED = "not changed in a generated file: change the template it is generated from"
CONFLICTING = "not changed: the file's evidence of what it is for disagrees (see its role)"
NOT_CHANGED = {
    Role.BASE: "not changed in a base image: every image built FROM it would inherit the change",
    Role.TOOL: "not changed in a tool image: it runs as the owner of the checkout it is run over",
}


KIND = SourceKind("dockerfile", lambda path: is_dockerfile_name(path.rsplit("/", 1)[-1]), occurrences, assess)
