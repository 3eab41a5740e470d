"""HB010 — users created with a UID other than the configured fixed one (opt-in).

Why: one fixed, high UID/GID across a fleet (default 10001) keeps it clear of host users and
lets Kubernetes `runAsUser` policies and volume permissions be written once.
Fix: rewrite the number given to `useradd -u`/`--uid` and `adduser -u` (and the group's
`groupadd -g`/`--gid`, `addgroup -g`) in stages that reach the final image, plus numeric
`USER` and `--chown` references to the old numbers. Opt-in: changing a UID changes who owns
files on existing volumes.
"""
from __future__ import annotations

from collections.abc import Iterator

from bot.dockerfile.model import Dockerfile
from bot.model.findings import Finding
from bot.model.text import Edit, Span
from bot.rules.base import finding
from bot.rules.options import GID, UID
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity

CODE = "HB010"
_ID_OPTIONS = {"useradd": ("-u", "--uid"), "adduser": ("-u", "--uid"),
               "groupadd": ("-g", "--gid"), "addgroup": ("-g", "--gid")}


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    changed: dict[str, str] = {}
    uid, gid = context.options[UID], context.options[GID]
    stages = doc.image_stages()
    for run in doc.runs():
        if run.stage not in stages:
            continue
        edits: list[Edit] = []
        old_ids: list[str] = []
        for tool, names in _ID_OPTIONS.items():
            target = str(uid if tool in ("useradd", "adduser") else gid)
            for script, command in run.commands(tool):
                args = command.args()
                for i in range(len(args)):
                    value_span, value = _option_value(args, i, names)
                    if value is None or not value.isdigit() or value == target:
                        continue
                    changed[value] = target
                    old_ids.append(value)
                    edits.append(Edit(script.logical.span(*value_span), target))
        if edits:
            yield finding(doc, CODE, run.instruction,
                          f"user/group created with id {', '.join(old_ids)} instead of {uid}/{gid}",
                          tuple(edits))
    if changed:
        yield from _references(doc, stages, changed)


def _option_value(args, i: int, names: tuple[str, ...]):
    word = args[i]
    if word.value in names and i + 1 < len(args):
        following = args[i + 1]
        return (following.start, following.end), following.value
    for name in names:
        if name.startswith("--") and word.value.startswith(name + "="):
            return (word.end - (len(word.value) - len(name) - 1), word.end), word.value[len(name) + 1 :]
    return None, None


def _references(doc: Dockerfile, stages, changed: dict[str, str]) -> Iterator[Finding]:
    for stage in stages:
        for inst in stage.instructions:
            if inst.keyword == "USER":
                ids = inst.rest.split(":")
                if all(part in changed for part in ids):
                    start = inst.args.text.index(inst.rest)
                    new = ":".join(changed[part] for part in ids)
                    yield finding(doc, CODE, inst, f"USER {inst.rest} refers to the old ids",
                                  (Edit(inst.args.span(start, start + len(inst.rest)), new),))
            for flag in inst.flags:
                if flag.name == "chown" and flag.value and all(p in changed for p in flag.value.split(":")):
                    new = "--chown=" + ":".join(changed[p] for p in flag.value.split(":"))
                    yield finding(doc, CODE, inst, f"--chown={flag.value} refers to the old ids",
                                  (Edit(Span(flag.span.start, flag.span.end), new),))


RULE = Rule(
    code=CODE,
    name="fixed-uid",
    title='users created with a UID other than the configured fixed one',
    severity=Severity.INFO,
    on_by_default=False,
    fix=FixSafety.UNSAFE,
    scope=Scope.FINAL_IMAGE,
    why="one fixed high UID/GID across images keeps clear of host users and simplifies policies",
    example=Example('RUN useradd -u 1000 app', 'RUN useradd -u 10001 app'),
    doc=__doc__ or "",
    check=check,
    options=(UID, GID),
)
