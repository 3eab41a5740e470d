"""DL3042 — `pip install` without `--no-cache-dir`.

Why: pip keeps a copy of every wheel it downloads in ~/.cache/pip, which then ships in
the layer and never serves again.
Fix: insert ` --no-cache-dir` right after `install`. Not when the RUN mounts a pip cache
(`--mount=type=cache,target=/root/.cache/pip`, or on the folder PIP_CACHE_DIR or the command's
`--cache-dir` names, as `target=${PIP_CACHE_DIR}`), when PIP_NO_CACHE_DIR is set, when an earlier
RUN of the image ran `pip config set …no-cache-dir`, or when the command already turns the cache
off the short way pip accepts (`--no-cache`: pip reads options with optparse, which takes any
unambiguous prefix of a long option), or when the same RUN deletes the cache after pip
(`&& rm -rf /root/.cache` as root, `~/.cache/pip` as anyone): the fix would change nothing.
Nor when HB012 (cache mounts) is enabled: then HB012 adds a cache mount instead.
Reported, not changed: an option that is --no-cache-dir misspelled (`--no-cache--dir`,
`--no_cache_dir`), which pip refuses: the right one beside it would mend nothing.
"""
from __future__ import annotations

from collections.abc import Iterator

from bot.dockerfile.model import Dockerfile, Run, is_root_user
from bot.lazy_regex import lazy_compile
from bot.model.findings import Finding
from bot.model.text import Edit
from bot.rules.base import finding
from bot.rules.packages import pip_commands, pip_installs
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity

CODE = "DL3042"
PIP_CACHES = ("/root/.cache/pip", "/root/.cache", "~/.cache/pip")
NO_CACHE_DIR = "--no-cache-dir"
# The shortest prefix of --no-cache-dir that no other pip option starts with (--no-clean,
# --no-color and --no-compile share `--no-c`): optparse takes it and every longer prefix.
_SHORTEST_PREFIX = "--no-ca"


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    if context.is_enabled("HB012"):
        return
    configured = _configured_runs(doc)
    for run in doc.shipped_runs():
        if run.has_cache_mount(*PIP_CACHES, *_set_cache_dir(run)) or "PIP_NO_CACHE_DIR" in run.stage.env_keys \
                or any(run.stage.built_on(earlier.stage) for earlier in configured
                       if earlier.instruction.span.start < run.instruction.span.start):
            continue
        for script, command, install in pip_installs(run):
            if _turns_cache_off(command) or _caches_in_a_mount(run, command):
                continue
            misspelled = _misspelled(command)
            if misspelled is not None:
                yield finding(doc, CODE, run.instruction, f"pip install with {misspelled}, which pip refuses (no such "
                              "option): spell it --no-cache-dir by hand; not changed, as the build stops there anyway")
                continue
            if any(w.value.startswith("PIP_NO_CACHE_DIR=") for w in command.words[: command.argv_start]) \
                    or _exported_before(script, command) or _cache_removed_after(run, script, command):
                continue
            edit = Edit.insert(script.logical.original_end(install.end), " --no-cache-dir")
            yield finding(doc, CODE, run.instruction, "pip install without --no-cache-dir", (edit,))


def _turns_cache_off(command) -> bool:
    """`--no-cache-dir`, or a prefix of it pip takes for it (`--no-cache`), anywhere on the
    command line (`pip --no-cache-dir install …` too)."""
    return any(name.startswith(_SHORTEST_PREFIX) and NO_CACHE_DIR.startswith(name)
               for name in (word.value.split("=", 1)[0] for word in command.args()))


def _caches_in_a_mount(run: Run, command) -> bool:
    """The command moves pip's cache (`--cache-dir=/var/cache/pip`, or `--cache-dir /var/cache/pip`)
    into a folder the RUN mounts as a cache: what pip keeps there never reaches the layer."""
    words = [word.value for word in command.args()]
    for at, word in enumerate(words):
        name, given, value = word.partition("=")
        if name == "--cache-dir":
            folder = value if given else (words[at + 1] if at + 1 < len(words) else "")
            if folder.startswith("/") and run.has_cache_mount(folder):
                return True
    return False


def _set_cache_dir(run: Run) -> tuple[str, ...]:
    """pip's cache folder when an ENV or ARG before the RUN moves it (`ENV PIP_CACHE_DIR=/.cache`)."""
    folder = run.variables_before().get("PIP_CACHE_DIR", "") if run.mounts() else ""
    return (folder,) if folder.startswith("/") else ()


def _misspelled(command) -> str | None:
    """An option that is --no-cache-dir with its dashes or underscores wrong (`--no-cache--dir`,
    `--no_cache_dir`): pip stops on it, so adding the right one beside it mends nothing."""
    return next((name for name in (word.value.split("=", 1)[0] for word in command.args())
                 if name.startswith("-") and _DASHES.sub("", name).lower() == "nocachedir"), None)


_DASHES = lazy_compile(r"[-_]")


def _configured_runs(doc: Dockerfile) -> list[Run]:
    """RUNs that write no-cache-dir into pip's configuration (`pip config set global.no-cache-dir
    false`: pip turns the cache off whatever the value), which every later pip in the image reads."""
    return [run for run in doc.shipped_runs()
            if any(word.value.endswith(".no-cache-dir") for _, command, _ in pip_commands(run, "config")
                   for word in command.args())]


# The cache folder as a home-relative path, which is the cache of whichever user runs pip.
_HOME_CACHES = ("~/.cache", "~/.cache/pip", "$HOME/.cache", "$HOME/.cache/pip", "${HOME}/.cache", "${HOME}/.cache/pip")


def _cache_removed_after(run: Run, script, command) -> bool:
    """A later `rm` of the same script deletes the cache pip wrote (`pip install … && rm -rf
    /root/.cache`): nothing of it reaches the layer. /root's only when pip runs as root."""
    user = run.stage.last_before("USER", run.instruction)
    caches = _HOME_CACHES + (PIP_CACHES if is_root_user(user.rest.strip() if user else None) else ())
    return any(later.start > command.start and any(w.value.rstrip("/") in caches for w in later.args())
               for later in script.commands_by_name.get("rm", ()))


def _exported_before(script, command) -> bool:
    """`export PIP_NO_CACHE_DIR=1 && pip install …`: set for the rest of the script."""
    for earlier in script.script.commands:
        if earlier is command:
            return False
        if earlier.name == "export" and any(w.value.startswith("PIP_NO_CACHE_DIR=") for w in earlier.args()):
            return True
    return False


RULE = Rule(
    code=CODE,
    name="pip-no-cache-dir",
    title='`pip install` without `--no-cache-dir`',
    severity=Severity.LOW,
    on_by_default=True,
    fix=FixSafety.SAFE,
    scope=Scope.FINAL_IMAGE,
    why="pip's download cache ships in the layer and is never used again",
    example=Example('RUN pip install -r requirements.txt', 'RUN pip install --no-cache-dir -r requirements.txt'),
    doc=__doc__ or "",
    equivalents=("hadolint DL3042",),
    onbuild=True,
    saves_size=True,
    check=check,
)
