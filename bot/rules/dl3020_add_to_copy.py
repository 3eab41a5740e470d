"""DL3020 — ADD used to copy local files.

Why: ADD also fetches URLs and unpacks archives; using it for plain files hides that
power where a reviewer does not expect it. COPY does exactly what it says.
Fix: the keyword becomes COPY (in the file's own case). Never for URLs, git sources,
local archives (which ADD unpacks), ADD-only flags (--checksum, --keep-git-dir, --unpack); sources
hidden behind a variable, and wildcards that may match an archive (`dist/*`, `rootfs.*`, not
`target/*.jar`), are reported instead.
"""
from __future__ import annotations

from collections.abc import Iterator

from bot.dockerfile.model import Dockerfile
from bot.model.findings import Finding
from bot.model.text import Edit
from bot.rules.base import finding
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity

CODE = "DL3020"
ARCHIVES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tbz2", ".tb2", ".tar.xz", ".txz",
            ".tar.lz", ".tlz", ".tar.lzma", ".tlzma", ".tar.z", ".taz", ".tz", ".tar.zst", ".tzst",
            ".gz", ".bz2", ".xz", ".zst", ".lz", ".lzma", ".z")
ADD_ONLY_FLAGS = frozenset({"checksum", "keep-git-dir", "unpack"})


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    for inst in doc.instructions:
        if inst.keyword != "ADD":
            continue
        if any(flag.name in ADD_ONLY_FLAGS for flag in inst.flags):
            continue
        sources = inst.words[:-1]
        if not sources or any(_fetches_or_unpacks(s) for s in sources):
            continue
        if any("$" in s for s in sources):
            yield finding(doc, CODE, inst, "ADD with a source behind a variable: use COPY if it is a local file")
            continue
        wildcard = next((s for s in sources if _may_match_an_archive(s)), None)
        if wildcard is not None:
            yield finding(doc, CODE, inst, f"ADD of local files matched by {wildcard}: ADD unpacks each archive a "
                                           "pattern matches, so use COPY if none of them is one")
            continue
        copy = "copy" if inst.keyword_text.islower() else "Copy" if inst.keyword_text.istitle() else "COPY"
        yield finding(doc, CODE, inst, "ADD of local files: use COPY", (Edit(inst.keyword_span, copy),))


def _may_match_an_archive(source: str) -> bool:
    """A wildcard (`dist/*`, `rootfs.*`) that does not end in a known extension of another kind:
    it may match a tar archive, which ADD unpacks and COPY copies (`target/*.jar` cannot)."""
    name = source.strip("\"'").rsplit("/", 1)[-1]
    if not any(c in name for c in "*?["):
        return False
    stem, dot, extension = name.rpartition(".")
    return not dot or any(c in extension for c in "*?[") or f".{extension.lower()}" in ARCHIVES or not stem


def _fetches_or_unpacks(source: str) -> bool:
    lowered = source.strip("\"'").lower()
    return "://" in lowered or lowered.startswith("git@") or lowered.endswith(ARCHIVES)


RULE = Rule(
    code=CODE,
    name="copy-not-add",
    title='ADD used to copy local files',
    severity=Severity.LOW,
    on_by_default=True,
    fix=FixSafety.SAFE,
    scope=Scope.EVERY_STAGE,
    why="ADD can fetch URLs and unpack archives; COPY states plainly that files are copied",
    example=Example('ADD . /app', 'COPY . /app'),
    doc=__doc__ or "",
    equivalents=("hadolint DL3020", "Checkov CKV_DOCKER_4", "Trivy DS-0005"),
    check=check,
)
