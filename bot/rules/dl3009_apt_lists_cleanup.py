"""DL3009 — apt-get lists left in the image.

Why: `apt-get update` writes tens of MB of package lists that ship in the layer forever
and go stale the day the image is built.
Fix: append `&& rm -rf /var/lib/apt/lists/*` to the end of that same RUN, following its
continuation style (trailing or leading `&&`, its indentation, its escape character and line
endings); in a heredoc script, a new line before the terminator, when the script stops at a
failing command (`set -e`, `RUN <<EOF bash -e`, a SHELL with -e); in one that carries on,
` && rm …` after its last command (also before a closing `;`), as a line or `;` of its own would
make the RUN's status rm's and hide a failed install. When apt-get runs under `sudo`
(the RUN's user is not root), so does the cleanup. Only stages that reach the
final image are checked. When a later RUN still needs the lists (it installs without its
own `apt-get update`) the RUN is reported instead: merging the two is for a person. So is it
when another layer keeps lists of its own, out of this cleanup's reach: a RUN that pipes a
remote apt setup script to a shell (NodeSource's `setup_22.x`, get.docker.com), or that runs a
helper script from the build context (read, with the scripts it sources, never run) that runs
apt-get update and never removes them: before this RUN, their copy stays in the lower layer;
after it, the next update writes them again. So is it in a base image when another Dockerfile of
the repository, built FROM an image named like this one (`docker/Dockerfile-base`, `FROM
…/docker-base`), installs with apt and never runs apt-get update: it installs from this image's lists;
and in any image of a repository whose usage docs (the root README, docs/) show a Dockerfile
built FROM one of its images doing so (dockcross: `FROM dockcross/linux-armv7`, `RUN apt-get
install -y nano`): the lists are part of what the images offer their users. So is it where a RUN
that only updates (`RUN apt-get -y update`) comes later, for the RUNs after it: the lists stay
whatever this one removes; and where the image removes Docker's apt clean-up configuration
(`rm /etc/apt/apt.conf.d/docker-clean`) with no cache mount for apt: it keeps apt's files on purpose.
"""
from __future__ import annotations

from collections.abc import Iterator

from bot.dockerfile.apt_lists import APT_INSTALL, APT_UPDATE, may_be_built_from
from bot.dockerfile.layout import append_command
from bot.dockerfile.model import Dockerfile, Run
from bot.dockerfile.roles import of_this_repository
from bot.lazy_regex import lazy_compile
from bot.model.findings import Finding
from bot.model.roles import Role
from bot.rules.base import finding
from bot.rules.hb061_remote_script_to_shell import remote_scripts
from bot.rules.packages import apt
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity
from bot.rules.script_files import script_texts

CODE = "DL3009"
CLEANUP = "rm -rf /var/lib/apt/lists/*"
_NEEDS_LISTS = ("install", "upgrade", "dist-upgrade", "full-upgrade", "source", "build-dep")


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    kept: str | None = None
    kept_read = False  # read once, for the first RUN that would be cleaned: the same for every one
    child = _child_needing_lists(doc, context)  # the same for every RUN too
    keepers = _docker_clean_removals(doc)
    for run in doc.shipped_runs():
        uses = [(s, c) for sub in ("update",) + _NEEDS_LISTS for s, c, _ in apt(run, sub)]
        if not uses or _cleans_lists(run) or run.has_cache_mount("/var/lib/apt"):
            continue
        if not any(True for _ in apt(run, "update")):
            # The lists come from an earlier layer: removing them in this one frees nothing.
            yield finding(doc, CODE, run.instruction, "apt-get runs on lists an earlier layer left in the image: "
                          "merge its apt-get update into this RUN, then remove the lists here")
            continue
        keeper = _keeps_apt_files(keepers, run)
        if keeper is not None:
            yield finding(doc, CODE, run.instruction, f"apt-get lists are left in the image, but line {keeper} removes "
                          "docker-clean, with no cache mount for apt: the image keeps apt's files on purpose (for "
                          "installs at run time); remove the lists by hand if nothing needs them")
            continue
        if not kept_read:
            kept, kept_read = _lists_kept_elsewhere(doc, context), True
        if kept is not None:
            yield finding(doc, CODE, run.instruction, f"apt-get lists are left in the image, but {kept}: removing "
                          "them only here frees nothing; remove them there too (or in a RUN after it)")
            continue
        if child is not None:
            yield finding(doc, CODE, run.instruction, f"apt-get lists are left in the image, but {child}: removing "
                          "them here would break that build; give it its own apt-get update first, then clean up")
            continue
        later = _later_run_needing_lists(doc, run, context)
        if later is not None:
            other, how = later
            yield finding(doc, CODE, run.instruction,
                          f"apt lists are not removed, but the RUN at line {other.instruction.line} {how}: merge "
                          "them, then clean up")
            continue
        script = max(uses, key=lambda pair: pair[1].end)[0]
        # `sudo apt-get …`: the RUN's user is not root (cimg/* images run as circleci), and a
        # plain rm of root's lists would fail the build.
        sudo = any("sudo" in (w.value for w in command.words[:command.argv_start]) for _, command in uses)
        edit = append_command(doc, run, script, f"sudo {CLEANUP}" if sudo else CLEANUP)
        message = "apt-get lists are left in the image"
        if edit is None:
            yield finding(doc, CODE, run.instruction, message + "; the RUN ends in a way that "
                          "cannot be extended safely: add `rm -rf /var/lib/apt/lists/*` by hand")
        else:
            yield finding(doc, CODE, run.instruction, message, (edit,))


def _docker_clean_removals(doc: Dockerfile) -> list[Run]:
    """The RUNs that remove Docker's apt clean-up configuration (`rm
    /etc/apt/apt.conf.d/docker-clean`) when no RUN of the file mounts a cache for apt: without a
    cache mount that only means the image keeps what apt downloads (read once a file)."""
    runs = list(doc.runs())
    if any(other.has_cache_mount("/var/cache/apt", "/var/lib/apt") for other in runs):
        return []
    return [other for other in runs if "docker-clean" in other.instruction.rest and _DOCKER_CLEAN.search(other.text)]


def _keeps_apt_files(keepers: list[Run], run: Run) -> int | None:
    """The line of such a RUN (`_docker_clean_removals`) in the stage or one it is built on; None: none."""
    return next((other.instruction.line for other in keepers if run.stage.built_on(other.stage)), None)


_DOCKER_CLEAN = lazy_compile(r"\brm\s+(?:-\w+\s+)*/etc/apt/apt\.conf\.d/docker-clean\b")


def _cleans_lists(run: Run) -> bool:
    """`rm -rf /var/lib/apt/lists/*`, or a folder holding them (`rm -rf /var/lib /var/cache`,
    `/var/lib/apt/*`), or `apt-get dist-clean` (apt 2.7+), which removes them too. Not a brace
    pattern (`/var/lib/{apt,dpkg}`): sh, dash on Debian, does not expand it."""
    return any(_removes_lists(word.value) for _, command in run.commands("rm") for word in command.args()) \
        or any(True for _ in apt(run, "dist-clean"))


_LISTS = "/var/lib/apt/lists"


def _removes_lists(path: str) -> bool:
    if _LISTS in path:
        return True
    folder = path.removesuffix("*").rstrip("/")
    return path.startswith("/") and "{" not in path and len(folder) > 1 and _LISTS.startswith(folder + "/")


# A remote script that sets up an apt repository and so runs apt-get update: its URL names
# Debian packaging (`deb.nodesource.com/setup_22.x`, packagecloud's `script.deb.sh`), or it is
# Docker's convenience script, which installs Docker with apt.
_APT_SETUP_URL = lazy_compile(r"://(?:get|test)\.docker\.com\b|://[^\s/]*\bdeb\.|[/._-](?:deb|apt)[/._-]")


def _lists_kept_elsewhere(doc: Dockerfile, context: RuleContext) -> str | None:
    """What another layer of the image does that keeps package lists of its own, out of reach of
    a cleanup in a RUN that runs apt-get update: a RUN that runs a remote apt setup script as downloaded, or a helper
    script from the build context that runs apt-get update and never removes the lists. Before
    that RUN, its lists stay in the lower layer; after it, the next update writes them again. A RUN
    that removes the lists, or runs apt-get update itself (this rule cleans up there), keeps none."""
    for other in doc.shipped_runs():
        if _cleans_lists(other) or any(True for _ in apt(other, "update")):
            continue
        remote = [shape for shape in remote_scripts(other) if _APT_SETUP_URL.search(shape)]
        if remote:
            return f"line {other.instruction.line} runs a remote apt setup script ({remote[0]}), which runs apt-get update"
        for named, text in script_texts(doc, other, context):
            if APT_UPDATE.search(text) and "/var/lib/apt/lists" not in text:
                return f"line {other.instruction.line} runs {named}, which runs apt-get update and keeps the lists"
    return None


def _child_needing_lists(doc: Dockerfile, context: RuleContext) -> str | None:
    """In a base image, another Dockerfile of the repository that installs with apt and never
    updates, built FROM an image named like this one (`docker/Dockerfile-base`, `FROM
    …/docker-base`): it installs from the lists this image keeps. In any image, a Dockerfile
    sample of the usage docs that does so on an image of this repository (dockcross' README:
    `FROM dockcross/linux-armv7`, `RUN apt-get install -y nano`): the lists are what it offers."""
    for where, image in context.facts.documented_list_reliant:
        if of_this_repository(image, context.facts.name):
            return f"{where} shows an image built FROM {image} installing with apt-get and no apt-get update"
    if context.role is None or context.role.role is not Role.BASE:
        return None
    for path, image, line in context.facts.list_reliant:
        if path != doc.path and may_be_built_from(image, doc.path):
            return f"{path} (line {line}) installs from the lists of {image}, which may be this image, with no apt-get update"
    return None


def _later_run_needing_lists(doc: Dockerfile, run: Run, context: RuleContext) -> tuple[Run, str] | None:
    """A later RUN, in this stage or one built on it, that relies on lists from before, and how:
    it installs without its own apt-get update, or runs a helper script from the build context
    that does."""
    for other in doc.runs_after(run):
        order = {id(script): index for index, script in enumerate(other.scripts)}
        updates = [(order[id(s)], word.start) for s, _, word in apt(other, "update")]
        needs = [(order[id(s)], word.start) for sub in _NEEDS_LISTS for s, _, word in apt(other, sub)]
        # An install before the RUN's own update (`install gnupg && … && update`) still uses the old lists.
        if needs and (not updates or min(needs) < min(updates)):
            return other, "installs without its own apt-get update"
        if updates and not needs and not _cleans_lists(other) and not other.has_cache_mount("/var/lib/apt"):
            # A RUN that only updates (`RUN apt-get -y update`) for a later one to install on
            # leaves the lists in the image whatever this one does (one that nothing after it
            # installs on gets its own cleanup).
            after = _later_run_needing_lists(doc, other, context)
            if after is not None:
                return other, (f"only downloads the lists again, for the RUN at line {after[0].instruction.line} to "
                               "install on, and leaves them in the image")
        if updates:
            return None
        for named, text in script_texts(doc, other, context):
            if APT_UPDATE.search(text):
                return None
            if APT_INSTALL.search(text):
                return other, f"runs {named}, which installs without its own apt-get update"
    return None


RULE = Rule(
    code=CODE,
    name="apt-lists-cleanup",
    title='apt-get lists left in the image',
    severity=Severity.MEDIUM,
    on_by_default=True,
    fix=FixSafety.SAFE,
    scope=Scope.FINAL_IMAGE,
    why="apt-get lists left in a layer add size and stale metadata to every pull",
    example=Example('RUN apt-get update && apt-get install -y curl', 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*'),
    doc=__doc__ or "",
    equivalents=("hadolint DL3009",),
    onbuild=True,
    saves_size=True,
    check=check,
)
