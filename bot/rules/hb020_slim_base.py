"""HB020 — the final image is built on a full or older base where a better tag exists.

Why: a full or older base ships packages the app never uses and the fixes it has not got;
each is one more CVE to triage. Another tag of the same image and runtime line (`-slim`, a
newer Debian release) often carries far fewer.
Fix (proven): with `fix --verify`, the base of the shipped stage is measured against the tags
that keep its meaning (`base-recommendation:`), each read from the registry and asked of OSV,
and the FROM becomes the best of them, tag and digest (`python:3.11-bullseye` →
`python:3.11-slim-bookworm@sha256:…`), only when its fixable critical/high vulnerabilities
are fewer. The edit is kept only when the hardened file builds on it, starts as before, runs as
the same user and its built image has fewer fixable critical/high vulnerabilities than the
original's. Everything else on the FROM line stays as written (`--platform`, `AS name`).
Reported instead: without `--verify` (a full base where a slim variant exists, as a hint), a
base written through an ARG other stages use too or assembled from ARGs, a base that could not
be measured (no tag list, a bound passed, the deadline), each with its reason and figures.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from bot.dockerfile.bases import describe_base
from bot.dockerfile.images import image_occurrences, name_lines, shipped_base
from bot.dockerfile.model import Dockerfile
from bot.dockerfile.platform import windows_evidence
from bot.lazy_regex import lazy_compile
from bot.model.findings import Finding
from bot.model.images import ImageOccurrence
from bot.model.roles import Role
from bot.model.text import Edit, Span
from bot.model.wanted_base import AdviceSettings
from bot.rules.base import finding
from bot.rules.options import Option, OptionValueError
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity

if TYPE_CHECKING:  # annotations only: `check`, which builds nothing, never loads the build results
    from bot.model.advice import BaseAdvice
    from bot.model.proof import ProofEvidence
    from bot.model.verification import Build

CODE = "HB020"
_SWITCHES = {"enabled": "enabled", "allow-major": "allow_major", "allow-minor": "allow_minor",
             "allow-libc-change": "allow_libc_change"}
_NUMBERS = {"candidates": ("candidates", 1, 20), "max-bytes": ("max_bytes", 1, 1 << 40)}


def _settings(value: object) -> AdviceSettings:
    if value in (True, False, "on", "off"):
        return AdviceSettings(enabled=value in (True, "on"))
    if not isinstance(value, dict):
        raise OptionValueError(f"must be off, or a mapping ({', '.join([*_SWITCHES, *_NUMBERS])})")
    fields: dict[str, object] = {}
    for key, item in value.items():
        if key in _SWITCHES:
            if not isinstance(item, bool):
                raise OptionValueError(f"must be true or false, not {item!r}", key)
            fields[_SWITCHES[key]] = item
        elif key in _NUMBERS:
            name, low, high = _NUMBERS[key]
            if isinstance(item, bool) or not isinstance(item, int) or not low <= item <= high:
                raise OptionValueError(f"must be a whole number from {low} to {high}, not {item!r}", key)
            fields[name] = item
        else:
            raise OptionValueError(f"unknown key (known: {', '.join([*_SWITCHES, *_NUMBERS])})", key)
    return AdviceSettings(**fields)  # type: ignore[arg-type]


BASE_RECOMMENDATION = Option(
    "base-recommendation", "how far HB020's better base may go from the current one (allow-major, allow-minor, "
    "allow-libc-change: false), candidates read a base (3), max-bytes read a run (2 GiB); off: not measured",
    AdviceSettings(), _settings)


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    if windows_evidence(doc.final_stage) is not None:
        return  # the slimmer variants of a tag are Linux images: nothing to advise a Windows build
    root = doc.final_stage.lineage()[-1]
    wanted = shipped_base(doc)
    advice = context.bases.get(wanted.key) if context.bases is not None and wanted is not None else None
    slim = describe_base(root.resolved_base).slim_variant
    if advice is None:
        if slim:
            yield finding(doc, CODE, root.from_, f"{root.base} is the full image: consider {slim}")
        return
    if advice.reason:
        hint = f"; it is the full image: consider {slim}" if slim else ""
        yield finding(doc, CODE, root.from_, f"{root.base}: no better base measured ({advice.reason}){hint}")
        return
    if not advice.has_better:
        return
    message = figures_message(advice)
    if not advice.proposed:
        yield finding(doc, CODE, root.from_, f"{message}; not proposed: its fixable critical/high vulnerabilities "
                                             "are no fewer")
        return
    if not context.proving:
        yield finding(doc, CODE, root.from_, f"{message}; `fix --verify` proposes it when the built image shows it")
        return
    occurrence = next((o for o in image_occurrences(doc) if o.where == "FROM" and o.line == root.from_.line
                       or o.where.startswith("ARG ") and root.from_.line in o.used_at), None)
    if occurrence is None or occurrence.span is None:
        why = occurrence.note if occurrence is not None else f"{root.base} cannot be rewritten in place"
        yield finding(doc, CODE, root.from_, f"{message}; not changed: {why}")
        return
    others = [line for line in occurrence.used_at if line != root.from_.line]
    if others:
        yield finding(doc, CODE, root.from_, f"{message}; not changed: {occurrence.where} is also used on "
                                             f"{name_lines(others)}, whose base would change too")
        return
    assert advice.tag is not None and advice.digest is not None
    yield finding(doc, CODE, root.from_, message, (rebase(occurrence, advice.tag, advice.digest),))


def figures_message(advice: BaseAdvice) -> str:
    """`python:3.11-bullseye → 3.11-slim-bookworm: fixable critical/high 12 → 1, 310 MB → 48 MB,
    distribution release bullseye → bookworm`."""
    from bot.model.advice import size_text  # the measured bases' records: only once a base was measured

    assert advice.figures is not None and advice.better is not None
    now, then = advice.figures, advice.better
    release = f", distribution release {advice.release[0]} → {advice.release[1]}" if advice.release else ""
    return (f"{advice.current} → {advice.tag}: fixable critical/high {now.critical_high} → {then.critical_high}, "
            f"{size_text(now.size)} → {size_text(then.size)}{release}")


_TAG_AND_DIGEST = lazy_compile(r"(?::[^/:@]*)?(?:@.*)?\Z")


def rebase(occurrence: ImageOccurrence, tag: str, digest: str) -> Edit:
    """The reference's tag and digest (whichever it writes) replaced with `tag@digest`; the
    registry and repository as written."""
    assert occurrence.span is not None
    match = _TAG_AND_DIGEST.search(occurrence.text, occurrence.text.rfind("/") + 1)
    assert match is not None  # the pattern matches the empty end
    return Edit(Span(occurrence.span.start + match.start(), occurrence.span.end), f":{tag}@{digest}")


def proof(evidence: ProofEvidence) -> str | None:
    """Why the built images do not show the new base helps, or None when they do."""
    from bot.model.advice import counted

    if evidence.vulnerabilities is None:
        return "offline: OSV cannot say whether the built image's vulnerabilities fell"
    counts = []
    for name, build in (("original", evidence.before), ("hardened", evidence.after)):
        if build.inventory is None or not build.inventory.read:
            return f"the {name} image's packages could not be read" + (
                f" ({build.inventory.error})" if build.inventory is not None else "")
        answers = evidence.vulnerabilities(build.inventory)
        if answers.error:
            return f"OSV could not be asked: {answers.error}"
        counts.append(counted(build.inventory, answers)[0])
    before, after = counts
    if after >= before:
        return f"the built image's fixable critical/high vulnerabilities did not fall ({before} → {after})"
    return _same_user(evidence.before, evidence.after)


def _same_user(before: Build, after: Build) -> str | None:
    """The hardened image runs as the user its file names: the original's uid when the USER is
    the same (a name the new base could map to another uid), the number USER writes when
    another rule (HB001) set it."""
    if before.image is None or after.image is None:
        return "the built images could not be inspected"
    if after.image.uid is None:
        return "could not tell which uid a container of the hardened image runs as"
    if after.image.user == before.image.user:
        if after.image.uid != before.image.uid:
            return f"it runs as uid {after.image.uid}, where the original ran as {before.image.uid}"
        return None
    written = after.image.user.partition(":")[0]
    if not written.isdigit():
        return f"it runs as {after.image.user!r}, a name whose uid the file does not fix"
    if int(written) != after.image.uid:
        return f"it runs as uid {after.image.uid}, where its USER says {written}"
    return None


RULE = Rule(
    code=CODE,
    name="better-base",
    title='the final image is built on a full or older base where a better tag exists',
    severity=Severity.LOW,
    security=True,
    on_by_default=True,
    fix=FixSafety.PROVEN,
    scope=Scope.FINAL_STAGE,
    why="a full or older base ships unused packages and unfixed vulnerabilities, each one more CVE to triage",
    example=Example('FROM python:3.11-bullseye\nCMD ["python", "app.py"]',
                    'FROM python:3.11-slim-bookworm@sha256:…\nCMD ["python", "app.py"]'),
    doc=__doc__ or "",
    roles=frozenset({Role.SERVICE}),
    check=check,
    options=(BASE_RECOMMENDATION,),
    fix_needs="the registry, OSV and `--verify`",
    proof=proof,
)
