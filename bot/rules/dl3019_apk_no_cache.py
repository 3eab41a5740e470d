"""DL3019 — `apk add` without `--no-cache`.

Why: without `--no-cache`, apk leaves its package index in /var/cache/apk inside the layer.
Fix: insert ` --no-cache` right after `add`; an `apk update &&` just before it goes, since its
index would stay in the layer whatever the flag (another `apk update` in the RUN is reported,
and so is the update when a later `apk add` of the RUN, without `--no-cache`, relies on its index).
Not when the RUN mounts a cache on /var/cache/apk, or adds `--no-network`.
"""
from __future__ import annotations

from collections.abc import Iterator

from bot.dockerfile.installs import APK_OPTIONS_WITH_VALUES
from bot.dockerfile.model import Dockerfile, Run, ShellScript
from bot.dockerfile.shell import Command
from bot.model.findings import Finding
from bot.model.text import Edit
from bot.rules.base import finding
from bot.rules.packages import apk_adds
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity

CODE = "DL3019"


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    for run in doc.shipped_runs():
        if run.has_cache_mount("/var/cache/apk", "/etc/apk/cache") or _removes_cache(run):
            continue
        for script, command, add in apk_adds(run):
            yield from _judge_add(doc, run, script, command, add)


def _removes_cache(run: Run) -> bool:
    """`rm -rf /var/cache/apk/*` in the RUN: the index and packages are gone from the layer."""
    return any("/var/cache/apk" in word.value for _, command in run.commands("rm") for word in command.args())


def _judge_add(doc: Dockerfile, run: Run, script: ShellScript, command: Command, add) -> Iterator[Finding]:
    has_flag = command.has_option("--no-cache", "--no-network")
    flag = () if has_flag else (Edit.insert(script.logical.original_end(add.end), " --no-cache"),)
    update = _update_just_before(script, command)
    if update is None:
        if has_flag:
            return
        if any(True for _ in run.commands("apk", "update", APK_OPTIONS_WITH_VALUES)):
            yield finding(doc, CODE, run.instruction, "apk add without --no-cache, and an apk update whose index "
                          "stays in the layer: drop the update and add --no-cache")
        else:
            yield finding(doc, CODE, run.instruction, "apk add without --no-cache", flag)
        return
    same_run = _later_add_in_run(run, command)
    if same_run is not None:
        yield finding(doc, CODE, run.instruction, "apk update leaves its index in the layer; not changed because "
                      f"the later apk add of {same_run} in this RUN has no --no-cache and relies on it: add "
                      "--no-cache there too and drop the update")
        return
    relying = _later_add_relying_on_index(doc, run)
    if relying is not None:
        yield finding(doc, CODE, run.instruction, f"apk update leaves its index in the layer; not changed because "
                      f"the apk add at line {relying.instruction.line} relies on it: add --no-cache there too and "
                      "drop the update")
        return
    # `apk add --no-cache` fetches a fresh index itself and keeps none: the update before it
    # only leaves its own index in the layer.
    drop = Edit(script.logical.span(update.start, command.start), "")
    yield finding(doc, CODE, run.instruction, "apk update && apk add: the update's index stays in the layer"
                  + ("" if has_flag else ", and the add has no --no-cache"), (drop, *flag))


def _later_add_in_run(run: Run, add: Command) -> str | None:
    """What a later `apk add` of the same RUN installs, when it has no --no-cache: dropping the
    update would leave it on the index the update fetched (or none), so both change together."""
    seen = False
    for _, command, subcommand in apk_adds(run):
        if command is add:
            seen = True
        elif seen and not command.has_option("--no-cache", "--no-network"):
            after = command.argv[command.argv.index(subcommand) + 1:]
            return " ".join(word.value for word in after if not word.value.startswith("-")) or "packages"
    return None


def _later_add_relying_on_index(doc: Dockerfile, run: Run) -> Run | None:
    """A later RUN, in this stage or one built on it, whose `apk add` uses the index left behind.
    Those in shipped stages get --no-cache from this rule in the same pass: only a stage that
    does not ship (a builder) keeps relying on the index."""
    shipped = doc.image_stages()
    for other in doc.runs_after(run):
        if other.stage not in shipped and any(not command.has_option("--no-cache", "--no-network")
                                              for _, command, _ in apk_adds(other)):
            return other
    return None


def _update_just_before(script: ShellScript, add: Command) -> Command | None:
    """The `apk update` joined to `add` by `&&` right before it, which can go."""
    commands = script.script.commands
    index = next(i for i, c in enumerate(commands) if c is add)
    if index == 0:
        return None
    before = commands[index - 1]
    sub = before.subcommand(APK_OPTIONS_WITH_VALUES) if before.name == "apk" else None
    if sub is None or sub.value != "update" or before.separator_after != "&&" or len(before.args()) != 1:
        return None
    return before


RULE = Rule(
    code=CODE,
    name="apk-no-cache",
    title='`apk add` without `--no-cache`',
    severity=Severity.LOW,
    on_by_default=True,
    fix=FixSafety.SAFE,
    scope=Scope.FINAL_IMAGE,
    why="apk's index cache ships in the layer and is never used again",
    example=Example('RUN apk add curl', 'RUN apk add --no-cache curl'),
    doc=__doc__ or "",
    equivalents=("hadolint DL3019", "Trivy DS-0025"),
    onbuild=True,
    saves_size=True,
    check=check,
)
