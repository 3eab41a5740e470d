"""HB063 — world-writable paths in the image.

Why: a file or folder every user may write lets any process in the container (a
compromised dependency, a second service running as another user) replace code or
configuration the application then trusts.
What it reads, in the stages that ship: `chmod` (also `-R`), `mkdir -m` and `install -m`
with a mode that gives others write permission — a numeric mode whose last digit has the
write bit (`777`, `0666`, `-R 757`), or a symbolic one that adds or sets `w` for `o` or `a`
(`a+w`, `o+rwx`, `a=rwx`); and `COPY`/`ADD --chmod=` with such a mode. A mode that also sets
the sticky bit (`1777`, `a+wt`), as /tmp has, is not a finding: others may not delete or
rename what is not theirs there. `chmod +w` without a who is masked by the umask, and a mode
behind a variable is not judged, nor a path the same RUN removes (a scratch folder).
Report only: the right owner and mode (`chown app` and 755/775, or 1777 for a shared scratch
folder) depend on who writes there, which a person knows.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from bot.dockerfile.arguments import Args, read_args
from bot.dockerfile.model import Dockerfile
from bot.lazy_regex import lazy_compile
from bot.model.findings import Finding
from bot.rules.base import finding
from bot.rules.commands import run_commands
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity

CODE = "HB063"
_NUMERIC = lazy_compile(r"[0-7]{1,5}")
_CLAUSE = lazy_compile(r"([ugoa]*)([-+=][rwxXstugo]*)+")
_ACTION = lazy_compile(r"([-+=])([rwxXstugo]*)")
# The option that names the mode, and the program's other options that take a value.
_MODE_OPTIONS = {"mkdir": (("-m", "--mode"), "mZ"), "install": (("-m", "--mode"), "gmoStZ")}


def world_writable(mode: str) -> bool:
    """Whether `mode` (as chmod reads it) gives others write permission without the sticky bit."""
    if _NUMERIC.fullmatch(mode):
        bits = int(mode, 8)
        return bool(bits & 0o002) and not bits & 0o1000
    clauses = mode.split(",")
    if not all(_CLAUSE.fullmatch(clause) for clause in clauses):
        return False
    writable = sticky = False
    for clause in clauses:
        who = re.match(r"[ugoa]*", clause).group()  # type: ignore[union-attr]
        for operator, permissions in _ACTION.findall(clause[len(who):]):
            if operator in "+=" and "t" in permissions:
                sticky = True
            if "o" in who or "a" in who:
                writable = "w" in permissions if operator == "=" else \
                    (writable or "w" in permissions) if operator == "+" else writable and "w" not in permissions
    return writable and not sticky


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    shipped = doc.image_stages()
    for stage in shipped:
        for inst in stage.instructions:
            if inst.keyword in ("COPY", "ADD"):
                modes = [m for m in inst.flag_values("chmod") if world_writable(m)]
                if modes:
                    yield finding(doc, CODE, inst, _message(f"{inst.keyword} --chmod={modes[0]}"))
    for run in doc.shipped_runs():
        commands = list(run_commands(run))
        removed = [value for found in commands if found.command.name == "rm" for value in found.values()
                   if not value.startswith("-")]
        shapes = list(dict.fromkeys(shape for found in commands
                                    if (shape := _writable(found.command.name, found.values(), removed))))
        if shapes:
            yield finding(doc, CODE, run.instruction, _message("; ".join(shapes)))


def _message(shape: str) -> str:
    return (f"world-writable path ({shape}): any process in the container can replace what is there; "
            "give its owner write access (chown, 755/775) or use 1777 for a shared scratch folder")


def _writable(name: str, values: list[str], removed: list[str]) -> str | None:
    if name == "chmod":
        mode, targets = _chmod_mode(values)
    elif name in _MODE_OPTIONS:
        names, with_value = _MODE_OPTIONS[name]
        args: Args = read_args(values, with_value, frozenset(names[1:]))
        modes = args.values(*names)
        mode, targets = (modes[-1] if modes else None), list(args.operands)
    else:
        return None
    if mode is None or "$" in mode or not world_writable(mode):
        return None
    if targets and all(_under(target, removed) for target in targets):
        return None  # a scratch folder the same RUN deletes (`chmod 777 "$tmp" … rm -rf "$tmp"`) never ships
    shown = [name, mode] if name == "chmod" else [name, "-m", mode]
    return " ".join(shown + targets[:3] + (["…"] if len(targets) > 3 else []))


def _under(path: str, removed: list[str]) -> bool:
    return any(path == folder or path.startswith(folder.rstrip("/") + "/") for folder in removed)


def _chmod_mode(values: list[str]) -> tuple[str | None, list[str]]:
    """chmod's mode and files: options come first, and a mode may itself start with `-` (`-w`)."""
    rest = list(values)
    while rest and rest[0].startswith("-") and rest[0] != "--" and \
            (rest[0].startswith("--") or not _CLAUSE.fullmatch(rest[0])):
        rest.pop(0)
    if rest[:1] == ["--"]:
        rest.pop(0)
    if rest[:1] and rest[0].startswith("--reference"):
        return None, []
    return (rest[0], rest[1:]) if rest else (None, [])


RULE = Rule(
    code=CODE,
    name="world-writable",
    title="world-writable paths in the image (`chmod 777`, `chmod -R a+w`)",
    severity=Severity.MEDIUM,
    security=True,
    on_by_default=True,
    fix=FixSafety.NONE,
    scope=Scope.FINAL_IMAGE,
    why="a path every user may write lets any process in the container replace code or configuration the app trusts",
    example=Example("RUN mkdir -p /app/data && chmod -R 777 /app"),
    doc=__doc__ or "",
    check=check,
    onbuild=True,
)
