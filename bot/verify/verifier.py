"""Proving a run's edits: every changed Dockerfile is built as it was and as hardened, both
images are inspected, and when the hardened one does not build (or its container does not
start) while the original does, the edits to blame are found and dropped.

The search for the edits to blame rebuilds the file without one rule's edits at a time,
cheapest first (the rule whose first edit comes latest: the builder's cache covers everything
above it), then, when no single rule explains the failure, drops rules one after another and
puts back each one that was not needed. Dropping every rule gives the original back, which is
known to build, so the search always ends with a file that builds.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from bot.errors import HardenbotError
from bot.model.findings import Finding
from bot.model.policies import Inventory
from bot.model.results import FileResult, Hardened, RunReport
from bot.model.verification import (
    Build,
    BuildPlan,
    ImageFacts,
    Verdict,
    Verification,
    VerifySettings,
)
from bot.verify.docker import BuildResult, EngineUnavailable

# The file's hardening again, without the named rules' edits.
Reharden = Callable[[str, frozenset[str]], Hardened]


class Engine(Protocol):
    def build(self, text: str, dockerfile: Path, context: Path, target: str | None, *, network: bool,
              timeout: float) -> BuildResult: ...

    def inspect(self, image_id: str) -> ImageFacts: ...

    def remove(self, image_ids: list[str]) -> None: ...


@dataclass
class _FileBuilds:
    """One file's builds: what they made, to inspect and then remove."""
    engine: Engine
    settings: VerifySettings
    dockerfile: Path
    context: Path
    target: str | None
    images: list[str] = field(default_factory=list)
    count: int = 0
    _made: list[tuple[Build, str]] = field(default_factory=list)  # each build with its image's id
    _inventories: dict[str, Inventory] = field(default_factory=dict)  # image id → its packages

    def build(self, text: str) -> Build:
        self.count += 1
        result = self.engine.build(text, self.dockerfile, self.context, self.target,
                                   network=self.settings.network, timeout=self.settings.timeout)
        if result.image_id is None:
            return result.build
        self.images.append(result.image_id)
        made = replace(result.build, image=self.engine.inspect(result.image_id))
        self._made.append((made, result.image_id))
        return made

    def with_inventory(self, build: Build | None) -> Build | None:
        """The build with the packages its image holds, read before the image is removed,
        when the engine can read them (the policies need them)."""
        read = getattr(self.engine, "inventory", None)
        image_id = next((made_id for made, made_id in self._made if made is build), None)
        if read is None or build is None or image_id is None:
            return build
        if image_id not in self._inventories:
            try:
                self._inventories[image_id] = read(image_id)
            except HardenbotError as error:  # that image's line (ImageArchiveError: a bound passed), not the run's end
                self._inventories[image_id] = Inventory(error=f"could not read its packages: {error}")
        return replace(build, inventory=self._inventories[image_id])


def broken(build: Build, original: Build) -> str | None:
    """Why the hardened build is worse than the original's, or None when it is not."""
    if not build.built:
        return f"the image did not build ({build.failure()})"
    if original.image and original.image.starts and build.image and not build.image.starts:
        return f"a container of the image did not start ({build.image.start_error})"
    return None


class Verifier:
    def __init__(self, engine: Engine, settings: VerifySettings, log: Callable[[str], None] = lambda line: None):
        self.engine = engine
        self.settings = settings
        self.log = log

    def __call__(self, report: RunReport, root: Path, plans: Mapping[str, BuildPlan],
                 reharden: Callable[[str], Reharden]) -> RunReport:
        """The report with each planned file verified: results whose edits broke the build
        carry the hardening without them, and the verification of every planned file."""
        planned = sorted((r for r in report.results if r.changed and r.path in plans), key=lambda r: r.path)
        chosen, over = planned[:self.settings.max_images], planned[self.settings.max_images:]
        with ThreadPoolExecutor(max(1, self.settings.jobs)) as pool:
            done = list(pool.map(lambda r: self.verify_file(r, root, plans[r.path], reharden(r.path)), chosen))
        skipped = [Verification(r.path, plans[r.path].context, plans[r.path].target, Verdict.SKIPPED,
                                reason=f"beyond verify-max-images ({self.settings.max_images})") for r in over]
        replaced = {result.path: result for result, _ in done}
        results = tuple(replaced.get(r.path, r) for r in report.results)
        verifications = tuple(sorted([v for _, v in done] + skipped, key=lambda v: v.path))
        return replace(report, results=results, verification=verifications)

    def verify_file(self, result: FileResult, root: Path, plan: BuildPlan,
                    reharden: Reharden) -> tuple[FileResult, Verification]:
        def skip(reason: str) -> tuple[FileResult, Verification]:
            return result, Verification(result.path, plan.context, plan.target, Verdict.SKIPPED, reason=reason)

        root = root.resolve()
        context = (root / plan.context).resolve()
        if not context.is_relative_to(root):
            return skip(f"its build context {plan.context} is outside the repository")
        if not context.is_dir():
            return skip(f"its build context {plan.context} is not a folder here")
        builds = _FileBuilds(self.engine, self.settings, root / result.path, context, plan.target)
        try:
            return self._verify(result, plan, builds, reharden)
        except (EngineUnavailable, OSError) as error:  # the engine went away mid-run: edits kept, unproven
            return result, Verification(result.path, plan.context, plan.target, Verdict.NOT_VERIFIED,
                                        reason=f"the engine failed while verifying ({error})", builds=builds.count)
        finally:
            self.engine.remove(builds.images)

    def _verify(self, result: FileResult, plan: BuildPlan, builds: _FileBuilds,
                reharden: Reharden) -> tuple[FileResult, Verification]:
        def verification(verdict: Verdict, **fields) -> Verification:
            return Verification(result.path, plan.context, plan.target, verdict, builds=builds.count, **fields)

        self.log(f"verify: building {result.path} as it is")
        before = builds.build(result.original)
        if not before.built:
            return result, verification(Verdict.NOT_VERIFIED, before=before,
                                        reason=f"could not build the original here ({before.failure()})")
        self.log(f"verify: building {result.path} hardened")
        after = builds.build(result.hardened.text)
        why = broken(after, before)
        if why is None:
            return result, verification(Verdict.VERIFIED, before=builds.with_inventory(before),
                                        after=builds.with_inventory(after))
        self.log(f"verify: {result.path}: {why}; finding the edits to blame")
        dropped, hardened, final = self._blame(result, before, builds, reharden)
        notes = tuple(dict.fromkeys(
            Finding(f.rule, f.path, f.line, f"not changed: with this edit {why}; the edit was dropped")
            for f in result.hardened.applied if f.rule in dropped))
        hardened = replace(hardened, after=hardened.after + notes, before=result.hardened.before,
                           role=result.hardened.role)
        return (replace(result, hardened=hardened),
                verification(Verdict.EDITS_DROPPED, before=builds.with_inventory(before),
                             after=builds.with_inventory(final), failed=after, dropped=dropped))

    def _blame(self, result: FileResult, before: Build, builds: _FileBuilds,
               reharden: Reharden) -> tuple[tuple[str, ...], Hardened, Build]:
        """(rules dropped, the hardening without them, its build)."""
        first_edit: dict[str, int] = {}
        for found in result.hardened.applied:
            start = min(edit.span.start for edit in found.edits)
            first_edit[found.rule] = min(first_edit.get(found.rule, start), start)
        codes = sorted(first_edit, key=lambda code: -first_edit[code])

        def attempt(drop: frozenset[str]) -> tuple[Hardened, Build, bool]:
            hardened = reharden(drop)
            if hardened.text == result.original:
                return hardened, before, True
            self.log(f"verify: {result.path}: rebuilding without {', '.join(sorted(drop))}")
            build = builds.build(hardened.text)
            return hardened, build, broken(build, before) is None

        for code in codes:
            hardened, build, fine = attempt(frozenset({code}))
            if fine:
                return (code,), hardened, build
        drop = codes[:1]  # alone, it was just tried: add the next ones until the build passes
        for code in codes[1:]:
            drop.append(code)
            hardened, build, fine = attempt(frozenset(drop))
            if fine:
                break
        else:  # without every rule that applied, only the original is left, and it builds
            return tuple(sorted(codes)), replace(result.hardened, text=result.original, applied=()), before
        for code in list(drop[:-1]):
            fewer = frozenset(drop) - {code}
            candidate, candidate_build, fine = attempt(fewer)
            if fine:
                drop.remove(code)
                hardened, build = candidate, candidate_build
        return tuple(sorted(drop)), hardened, build
