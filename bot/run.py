"""Checking and hardening every Dockerfile, compose file and workflow of a tree: read them,
look up the images they name (once each, unless offline), run the engine, write safely.

One broken file never stops the others: it becomes a FileError and the run goes on.
"""
from __future__ import annotations

import errno
import os
import posixpath
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from bot.config import Config
from bot.dockerfile.apt_lists import installs_on_inherited_lists
from bot.dockerfile.copy_sources import copy_sources
from bot.dockerfile.images import image_occurrences, shipped_base
from bot.dockerfile.model import Dockerfile
from bot.dockerfile.parser import ParsedText
from bot.dockerfile.roles import (
    ComposeBuild,
    RepositoryFacts,
    decide_role,
    development_compose_file,
    development_profiles,
    development_service,
    is_test_setup,
    role_by_path,
)
from bot.dockerfile.stage_images import StageUses, built_on_of, first_base, stage_only_of, stage_uses
from bot.dockerfile.stage_images import image_key as stage_image_key
from bot.engine import check_text, checked_text, harden_text
from bot.errors import DockerfileSyntaxError, InvalidReferenceError
from bot.lazy_regex import lazy_compile
from bot.model.findings import FileError
from bot.model.images import DigestChange, ImageKey, ImageOccurrence, ImageRef, Resolution, image_key, parse_reference
from bot.model.results import FileResult, Hardened, RunReport
from bot.model.roles import NOT_SCANNED_BY_DEFAULT, Role, RoleDecision
from bot.model.text import escape_controls
from bot.model.verify_settings import BuildPlan
from bot.model.wanted_base import AdviceSettings, BaseKey, WantedBase
from bot.pool import cores, ordered_map, surveyed_map
from bot.rules import Rule
from bot.rules.handed_folders import handed_folders
from bot.rules.hb020_slim_base import BASE_RECOMMENDATION
from bot.rules.hb020_slim_base import CODE as HB020
from bot.rules.hb062_add_url_checksum import CODE as ADD_CHECKSUM
from bot.rules.hb062_add_url_checksum import pinnable
from bot.rules.hb064_context_leak import CODE as CONTEXT_LEAK
from bot.rules.rule import RuleContext, RuleSet
from bot.sources import kind_named, kind_of
from bot.sources.build_context import ContextListings, copies_from_root
from bot.sources.cloud_build import CONFIG_NAMES as CLOUD_BUILD_CONFIGS
from bot.sources.cloud_build import steps_built_here
from bot.sources.compose import KIND as COMPOSE
from bot.sources.compose import builds as compose_builds
from bot.sources.compose import built_files as compose_built_files
from bot.sources.compose import occurrences as compose_occurrences
from bot.sources.compose import own_image_mounts, read_dotenv, unbuilt_service_mounts
from bot.sources.compose import referenced_files as referenced_compose_files
from bot.sources.context_files import ContextFiles
from bot.sources.discovery import ACTION_FILES, SourceFile, walk
from bot.sources.dockerfile import KIND as DOCKERFILE
from bot.sources.dockerfile import NOT_DOCKERFILES as NOT_DOCKERFILE_SUFFIXES
from bot.sources.dockerfile import TEMPLATE_SUFFIXES
from bot.sources.files import (
    MAX_BYTES,
    TOO_LARGE,
    create_atomic,
    is_regular_file,
    read_regular,
    read_text,
    write_atomic,
)
from bot.sources.globs import glob_matches, glob_regex
from bot.sources.usage_docs import (
    NO_USAGE_DOCS,
    README_NAMES,
    UsageDocs,
    built_here_and_run,
    current_folder_mounts,
    development_title,
    documented_bases,
    documented_list_reliance,
    documented_mounts,
    quotes_every_line,
    usage_doc_paths,
)
from bot.sources.workflow import KIND as WORKFLOW
from bot.sources.workflow import build_targets
from bot.sources.workflow import builds as workflow_builds

if TYPE_CHECKING:  # annotations only: what measuring bases and downloading URLs answer (not in `check --offline`)
    from bot.model.advice import Advised, BaseAdvice
    from bot.model.downloads import Download

Resolver = Callable[[list[ImageRef]], dict[ImageKey, Resolution]]
# HB020's better bases: the shipped bases of a run's files, measured (`bot.recommend.advisor`).
Advisor = Callable[[list[WantedBase], AdviceSettings], "Advised"]
Downloader = Callable[[list[str]], dict[str, "Download"]]  # bot.downloads: URL → what it served


def make_ruleset(config: Config, rules: tuple[Rule, ...],
                 digests: dict[ImageKey, Resolution] | None = None,
                 facts: RepositoryFacts | None = None, proving: bool = False,
                 bases: dict[BaseKey, BaseAdvice] | None = None) -> RuleSet:
    enabled = frozenset(rule.code for rule in rules)
    facts = facts or RepositoryFacts(overrides=config.roles)
    return RuleSet(rules, RuleContext(config.options, enabled, digests, facts, proving=proving, bases=bases))


def target_files(path: Path, config: Config, only: str | None = None
                 ) -> tuple[Path, list[SourceFile], list[tuple[str, RoleDecision]], frozenset[str], dict[str, set[str]]]:
    """(root, sources, not scanned): a folder is searched, leaving out the Dockerfiles whose
    path makes them a devcontainer or a test fixture (unless `roles:` says otherwise); a single
    file is taken as what its name says (a Dockerfile unless it is named like a compose file).
    Then the folders holding a GitHub Action's action.yml, and the names (not folders) of each
    folder the search listed."""
    if path.is_file():
        actions = frozenset({""}) if any((path.parent / n).is_file() for n in ACTION_FILES) else frozenset()
        return path.parent, [SourceFile(path.name, kind_of(path.name) or DOCKERFILE)], [], actions, {}
    sources, skipped = [], []
    facts = RepositoryFacts(overrides=config.roles)
    found, action_folders, listed = walk(path, config.exclude)
    if only:
        # A monorepo's part: files outside it are neither read, reported nor changed.
        prefix = only.strip("/") + "/"
        found = [source for source in found if source.path.startswith(prefix)]
    for source in found:
        decision = role_by_path(source.path, facts, glob_matches) if source.kind is DOCKERFILE else None
        if decision is not None and decision.role in NOT_SCANNED_BY_DEFAULT:
            skipped.append((source.path, decision))
        else:
            sources.append(source)
    return path, sources, skipped, action_folders, listed


# Proves a fixing run's edits (bot.verify.Verifier): the report, the root, how each changed
# Dockerfile is built, and a way to harden a file again without some rules' edits.
Verifier = Callable[[RunReport, Path, dict[str, BuildPlan], Callable[[str], Callable[[frozenset[str]], Hardened]]],
                    RunReport]


def process(path: Path, config: Config, rules: tuple[Rule, ...], *, fix: bool, write: bool,
            resolver: Resolver | None = None, verifier: Verifier | None = None, only: str | None = None,
            advisor: Advisor | None = None, downloader: Downloader | None = None,
            jobs: int | None = None, diffs: bool = False) -> RunReport:
    """Check (fix=False) or harden (fix=True) every source under `path`, writing hardened
    files when `write`, on `jobs` processes (None: one per core for a large tree, see
    `processes_for`). Without a resolver the run is offline: image rules report what they
    cannot know. With a verifier, a fix is built before and after, and only what it proves
    (or could not test) is written; with an advisor too, the shipped bases are measured
    against their candidates first (HB020). With a downloader, the URLs ADD would pin are
    downloaded once. `diffs`: the run will print each changed file's diff (`fix --dry-run`),
    so the workers of a run on several processes compute them with the rest of the report's
    per-file work."""
    root, sources, not_scanned, action_folders, walked = target_files(path, config, only)
    errors: list[FileError] = []
    texts: dict[SourceFile, str] = {}
    for source in sources:
        try:
            texts[source] = read_text(os.path.join(root, source.path))  # strings, not a Path per file
        except OSError as error:
            errors.append(FileError(source.path, 1, f"cannot read: {error.strerror or error}"))
    texts, unreadable = _readable(texts)
    errors.extend(unreadable)
    texts = _with_referenced_compose_files(root, texts, config, only)
    dotenv = _dotenv_files(root, list(texts))  # the compose files named by others too
    texts = _with_referenced_dockerfiles(root, texts, config, only, dotenv)
    proving = verifier is not None and fix
    listed = _dockerfile_folders(root, texts, walked)
    ruleset, survey = _ruleset(texts, config, rules, resolver, action_folders, root.resolve().name,
                               dotenv, proving=proving, advisor=advisor if proving else None,
                               downloader=downloader, usage_docs=_usage_docs(root),
                               readmes=_readme_evidence(root, texts, listed),
                               devcontainer_files=_devcontainer_dockerfiles(root, texts, listed),
                               cloud_build_steps=_cloud_build_steps(root, texts, listed),
                               dockerfile_templates=_dockerfile_templates(root),
                               release_builds=_goreleaser_dockerfiles(root),
                               unscanned_dockerfiles=_fallback_dockerfiles(root, texts, listed))
    folders = _context_folders(texts, ruleset.context.facts, root)
    context_files = ContextFiles(root, folders, walked)
    ruleset = replace(ruleset, context=replace(ruleset.context, context_file=context_files.read,
                                               same_named=context_files.same_named))
    if any(rule.code == CONTEXT_LEAK for rule in rules):
        ruleset = replace(ruleset, context=replace(ruleset.context, contexts=ContextListings(root, folders)))
    report, ruleset = _process_all(texts, ruleset, fix, processes_for(len(texts), jobs), diffs, survey)
    if verifier is not None and fix:
        report = verifier(report, root, build_plans(report, ruleset.context.facts), _rehardener(texts, ruleset))
    written: list[FileResult] = []
    for result in report.results:
        if write and result.changed:
            try:
                _write(root, result)
            except OSError as error:
                errors.append(FileError(result.path, 1, f"cannot write: {error.strerror or error}"))
                continue
        written.append(result)
    errors.extend(report.errors)
    errors.sort(key=lambda e: e.path)
    return replace(report, results=tuple(written), errors=tuple(errors), wrote=write, not_scanned=tuple(not_scanned))


def _write(root: Path, result: FileResult) -> None:
    """The files the result's fixes add, each only where none is and only inside the
    repository (first: when one cannot be, nothing is written), then its hardened text."""
    for new in result.hardened.created:
        target = root / new.path
        shown = escape_controls(new.path)
        if not Path(os.path.realpath(target.parent)).is_relative_to(root.resolve()):
            raise OSError(errno.EXDEV, f"{shown} would be written outside the repository")
        try:
            create_atomic(target, new.text)
        except OSError as error:
            raise OSError(error.errno, f"{shown}: {error.strerror or error}") from None
    if result.hardened.text != result.original:
        write_atomic(root / result.path, result.hardened.text)


def process_texts(texts: dict[SourceFile, str], config: Config, rules: tuple[Rule, ...], *, fix: bool,
                  resolver: Resolver | None = None, action_folders: frozenset[str] = frozenset(),
                  repository_name: str = "", dotenv: Mapping[str, Mapping[str, str]] | None = None) -> RunReport:
    """The same, in memory: sources and their texts in, results out; nothing is written."""
    texts, unreadable = _readable(texts)
    ruleset, survey = _ruleset(texts, config, rules, resolver, action_folders, repository_name, dotenv)
    report, _ = _process_all(texts, ruleset, fix, survey=survey)
    return replace(report, errors=tuple(sorted(report.errors + tuple(unreadable), key=lambda e: e.path)))


_NOT_YAML_TEXT = lazy_compile("[\0\udc80-\udcff]")


def _with_referenced_compose_files(root: Path, texts: dict[SourceFile, str], config: Config,
                                   only: str | None) -> dict[SourceFile, str]:
    """The texts and the compose files they extend or include that their names did not make
    sources (`extends: {file: scripts/compose/router.yml}`): those are compose files too, and
    say how the images they build are run. Not outside `only`, not excluded, not unreadable
    (a broken reference is compose's to report)."""
    known = {source.path for source in texts}
    pending = [(source, text) for source, text in texts.items() if source.kind is COMPOSE]
    found = dict(texts)
    prefix = only.strip("/") + "/" if only else ""
    excluded = [glob_regex(pattern) for pattern in config.exclude]
    while pending:
        source, text = pending.pop()
        try:
            referenced = referenced_compose_files(text, source.path)
        except DockerfileSyntaxError:
            continue  # reported when the file is processed
        for path in referenced:
            if not _may_add(root, path, known, prefix, excluded):
                continue
            known.add(path)
            try:
                added = _readable({SourceFile(path, COMPOSE): read_text(root / path)})[0]
            except OSError:
                continue
            found.update(added)
            pending.extend(added.items())
    return found


def _may_add(root: Path, path: str, known: set[str], prefix: str, excluded: list) -> bool:
    """Whether a file another file names (a compose file's `extends:`, a build's Dockerfile) is
    one more source: not one already, inside the repository and the `--only` part, not
    excluded, and a regular file."""
    return path not in known and not path.startswith("../") and path.startswith(prefix) \
        and not any(p.fullmatch(path) for p in excluded) and is_regular_file(str(root / path))


def _with_referenced_dockerfiles(root: Path, texts: dict[SourceFile, str], config: Config,
                                 only: str | None, dotenv: Mapping[str, Mapping[str, str]]) -> dict[SourceFile, str]:
    """The texts and the Dockerfiles compose files and workflows build that their names did not
    make sources (`dockerfile: ./internal/dockerfile_hub`, `docker build -f build/app.df`): a
    build names them as Dockerfiles, so they are. Not outside `only`, not excluded, not a
    template (`.j2` …) or in a folder that makes it a devcontainer or test fixture, not
    unreadable (a broken reference is the build's to report). A compose file's paths are
    filled in from the `.env` beside it, as compose fills them in."""
    known = {source.path for source in texts}
    prefix = only.strip("/") + "/" if only else ""
    excluded = [glob_regex(pattern) for pattern in config.exclude]
    facts = RepositoryFacts(overrides=config.roles)
    named: list[str] = []
    for source, text in texts.items():
        try:
            if source.kind is COMPOSE:
                named += compose_built_files(text, source.path, dotenv.get(source.path.rpartition("/")[0], {}))
            elif source.kind is WORKFLOW:
                named += [build.dockerfile for build in workflow_builds(text, source.path)]
        except DockerfileSyntaxError:
            continue  # reported when the file is processed
    found = dict(texts)
    for path in dict.fromkeys(named):
        if "$" in path or path.lower().endswith(NOT_DOCKERFILE_SUFFIXES) or not _may_add(root, path, known, prefix,
                                                                                         excluded):
            continue
        decision = role_by_path(path, facts, glob_matches)
        if decision is not None and decision.role in NOT_SCANNED_BY_DEFAULT:
            continue
        known.add(path)
        try:
            found.update(_readable({SourceFile(path, DOCKERFILE): read_text(root / path)})[0])
        except OSError:
            continue
    return found


def _readable(texts: dict[SourceFile, str]) -> tuple[dict[SourceFile, str], list[FileError]]:
    """The texts the engine is given, and a line for each other: none larger than any real
    file (a fork's files come from git, not through `read_text`, which refuses them too), and
    for YAML, UTF-8 text: bytes that are not (kept as surrogates, see `read_text`) or a NUL
    make the parser fail outside any one file's reading."""
    kept, errors = {}, []
    for source, text in texts.items():
        if len(text) > MAX_BYTES:
            errors.append(FileError(source.path, 1, f"not read: {TOO_LARGE}"))
            continue
        if source.kind is not DOCKERFILE:
            found = _NOT_YAML_TEXT.search(text)
            if found is not None:
                bad = found.start()
                what = "a NUL character" if text[bad] == "\0" else "bytes that are not UTF-8"
                errors.append(FileError(source.path, text.count("\n", 0, bad) + 1, f"{what}: not YAML text"))
                continue
        kept[source] = text
    return kept, errors


def _ruleset(texts: dict[SourceFile, str], config: Config, rules: tuple[Rule, ...], resolver: Resolver | None,
             action_folders: frozenset[str], repository_name: str,
             dotenv: Mapping[str, Mapping[str, str]] | None, proving: bool = False,
             advisor: Advisor | None = None, downloader: Downloader | None = None,
             usage_docs: UsageDocs = NO_USAGE_DOCS,
             unscanned_dockerfiles: Mapping[str, str] | None = None,
             readmes: tuple[Mapping[str, str], Mapping[str, tuple[str, str, bool]],
                            Mapping[str, tuple[str, str]]] = ({}, {}, {}),
             dockerfile_templates: tuple[str, ...] = (),
             release_builds: frozenset[str] = frozenset(),
             devcontainer_files: frozenset[str] = frozenset(),
             cloud_build_steps: Mapping[str, str] | None = None) -> tuple[RuleSet, DockerfileSurvey | None]:
    """The rules and what they are given: the registry's answers for every image the texts
    name (unless offline), what the repository says about its Dockerfiles, and, when an
    advisor is given, the better base of each service's shipped stage. What only the
    Dockerfiles' parses say of each other is left to the survey returned, made where the files
    are checked (`_process_all`), unless a step before the rules needs it (registries,
    downloads): then it is made here, and None is returned."""
    dotenv = dotenv or {}
    digests = None
    parsed = KeptParses()
    survey = DockerfileSurvey(texts, unscanned_dockerfiles or {}, parsed)
    ci_builds = _ci_builds(texts)
    facts = RepositoryFacts(_compose_builds(texts, dotenv), action_folders, config.roles, repository_name, dotenv,
                            ci_targets=_ci_targets(texts), ci_builds=ci_builds[0], ci_images=ci_builds[1], quoted_by=readmes[0],
                            run_over_current_folder=readmes[1], development_readmes=readmes[2],
                            devcontainer_files=devcontainer_files,
                            cloud_build_steps=cloud_build_steps or {}, list_reliant=_list_reliant(texts),
                            dockerfile_templates=dockerfile_templates, release_builds=release_builds,
                            own_image_mounts=_own_image_mounts(texts, repository_name, dotenv),
                            documented_mounts=usage_docs.mounts, documented_bases=usage_docs.bases,
                            documented_list_reliant=usage_docs.list_reliant,
                            dockerfile_paths=frozenset(s.path for s in texts if s.kind is DOCKERFILE))
    if resolver is not None or advisor is not None or downloader is not None:
        facts = survey.facts(facts, survey.settle([survey.survey(item) for item in texts.items()]))
        survey = None
    if resolver is not None and any(rule.check_occurrence for rule in rules):
        referenced = list(_referenced_images(texts, dotenv, parsed))
        added = _images_rules_may_add(texts, replace(make_ruleset(config, rules, None, facts, proving), parsed=parsed))
        digests = resolver(referenced + added)
    bases = None
    settings = config.options[BASE_RECOMMENDATION]
    if advisor is not None and settings.enabled and any(rule.code == HB020 for rule in rules):
        advised = advisor(_shipped_bases(texts, facts, parsed), settings)
        bases = advised.bases
        digests = {**advised.digests, **(digests or {})}
    ruleset = replace(make_ruleset(config, rules, digests, facts, proving, bases), parsed=parsed)
    if downloader is None or not any(rule.code == ADD_CHECKSUM for rule in rules):
        return ruleset, survey
    return replace(ruleset, context=replace(ruleset.context, downloads=downloader(_add_urls(texts, parsed)))), survey


def _images_rules_may_add(texts: dict[SourceFile, str], ruleset: RuleSet) -> list[ImageRef]:
    """The images the fixes of the run's rules may write (HB012's and HB062's `# syntax=`
    frontend), for the rules that find something in one of the files: a rule that finds
    nothing writes nothing, so a run whose files need no frontend does not ask Docker Hub for
    one (an unreachable registry costs its retries, every run). Found without digests or
    downloads: those decide a fix, not whether the rule finds something."""
    adding = tuple(rule for rule in ruleset.rules if rule.adds_images)
    finding: set[str] = set()
    for source, text in texts.items():
        if len(finding) == len(adding):
            break
        waiting = tuple(rule for rule in adding if rule.code not in finding)
        try:
            found = check_text(text, source.path, replace(ruleset, rules=waiting), source.kind)
        except DockerfileSyntaxError:
            continue  # reported when the file is processed
        finding |= {f.rule for f in found}
    return [parse_reference(image) for rule in adding if rule.code in finding for image in rule.adds_images]


def _shipped_bases(texts: dict[SourceFile, str], facts: RepositoryFacts,
                   parsed: KeptParses) -> list[WantedBase]:
    """The base of each service's shipped stage (unreadable files are reported when processed)."""
    found = []
    for source, text in texts.items():
        if source.kind is not DOCKERFILE:
            continue
        build = facts.compose_builds.get(source.path)
        try:
            doc = _dockerfile(source.path, text, parsed, build.target if build else None)
        except DockerfileSyntaxError:
            continue
        decision = decide_role(doc, facts, glob_matches)
        if decision.stage is not None:
            doc = Dockerfile(doc.parsed, decision.stage)
        wanted = shipped_base(doc)
        if wanted is not None and decision.role is Role.SERVICE and not decision.conflicting:
            found.append(wanted)
    return found


def _context_folders(texts: dict[SourceFile, str], facts: RepositoryFacts, root: Path | None = None) -> dict[str, str]:
    """Each Dockerfile's build context: its compose service's, else its own folder, unless what
    it copies is not there but is at the repository's root (`docker/ui/Dockerfile` copying
    `./ui/package.json`, built as `docker build -f docker/ui/Dockerfile .`): then the root."""
    folders = {}
    for source, text in texts.items():
        if source.kind is DOCKERFILE:
            build = facts.compose_builds.get(source.path)
            own = source.path.rpartition("/")[0] or "."
            if build is not None:
                folders[source.path] = build.context
            elif root is not None and own != "." and copies_from_root(root, own, copy_sources(text)):
                folders[source.path] = "."
            else:
                folders[source.path] = own
    return folders


def _add_urls(texts: dict[SourceFile, str], parsed: KeptParses) -> list[str]:
    """The URLs the Dockerfiles' ADDs would pin (HB062), once each; a file that does not parse
    names none (its error is reported where it is hardened)."""
    urls: list[str] = []
    for source, text in texts.items():
        if source.kind is not DOCKERFILE:
            continue
        try:
            doc = _dockerfile(source.path, text, parsed)
        except DockerfileSyntaxError:
            continue
        urls.extend(url for inst in doc.instructions if (url := pinnable(inst)) is not None)
    return list(dict.fromkeys(urls))


# From this many files a tree is checked on every core: below it, starting the workers and
# sending their results back costs more than the cores save (measured: docs/performance.md).
POOL_FROM = 200


def processes_for(files: int, jobs: int | None) -> int:
    """The processes a run of `files` files uses: `jobs` when given, else one per core for a
    tree of POOL_FROM files or more, else one."""
    if jobs is not None:
        return max(1, jobs)
    return cores() if files >= POOL_FROM else 1


def _process_all(texts: dict[SourceFile, str], ruleset: RuleSet, fix: bool, jobs: int = 1,
                 diffs: bool = False, survey: DockerfileSurvey | None = None) -> tuple[RunReport, RuleSet]:
    """Every file checked or fixed, on `jobs` processes, and the rule set they were checked
    with; on several, each worker also does the report's work on its files (credentials to
    mask, the diff when `diffs`), which this process keeps instead of doing it again, alone.
    With a survey, each process first surveys the files it will check (see `DockerfileSurvey`)."""
    if jobs > 1:  # one process (a small tree, `check` on a file) does the report's work later, itself
        from bot.report.per_file import FileReportParts, remember, report_parts

    def checking(ruleset: RuleSet) -> Callable[[tuple[SourceFile, str]], tuple[FileResult, FileReportParts | None] | FileError]:
        def one(item: tuple[SourceFile, str]) -> tuple[FileResult, FileReportParts | None] | FileError:
            source, text = item
            try:
                result = FileResult(source.path, source.kind.name, text, _process_text(text, source, ruleset, fix))
            except DockerfileSyntaxError as error:
                return FileError(source.path, error.line, error.reason)
            return result, report_parts(result, diffs) if jobs > 1 else None
        return one

    def died(item: tuple[SourceFile, str], why: str) -> FileError:
        return FileError(item[0].path, 1, why)

    if survey is None:
        done = ordered_map(checking(ruleset), list(texts.items()), jobs, died)
    else:
        def knowing(settled: SurveyedFacts) -> Callable:
            return checking(survey.ruleset(ruleset, settled))

        settled, done = surveyed_map(survey.survey, survey.settle, knowing, list(texts.items()), jobs, died)
        ruleset = survey.ruleset(ruleset, settled)
    results = []
    for answer in done:
        if isinstance(answer, tuple):
            result, parts = answer
            if parts is not None:
                remember(parts)
            results.append(result)
    errors = tuple(r for r in done if isinstance(r, FileError))
    return RunReport(tuple(results), errors, False, ruleset.context.digests), ruleset


def build_plans(report: RunReport, facts: RepositoryFacts) -> dict[str, BuildPlan]:
    """How each changed Dockerfile is built: as the compose service that builds it says
    (context, target; and what it needs, which its start check cannot give), else in its own
    folder, to its last stage, or the stage that ships when the last one is for development."""
    plans = {}
    for result in report.results:
        if result.changed and result.kind == DOCKERFILE.name:
            build = facts.compose_builds.get(result.path)
            folder = result.path.rpartition("/")[0] or "."
            plan = (BuildPlan(result.path, build.context, build.target, build.service, build.needs)
                    if build is not None else BuildPlan(result.path, folder, None))
            decision = result.hardened.role
            if decision is not None and decision.stage is not None:
                # The last stage (or compose's target) is for development: build the one that ships.
                plan = replace(plan, target=decision.stage or None)
            plans[result.path] = plan
    return plans


def _rehardener(texts: dict[SourceFile, str], ruleset: RuleSet) -> Callable[[str], Callable[[frozenset[str]], Hardened]]:
    """path → (rule codes → the file hardened by every rule but those)."""
    by_path = {source.path: (source, text) for source, text in texts.items()}

    def for_path(path: str) -> Callable[[frozenset[str]], Hardened]:
        source, text = by_path[path]

        def without(dropped: frozenset[str]) -> Hardened:
            rules = tuple(rule for rule in ruleset.rules if rule.code not in dropped)
            context = replace(ruleset.context, enabled=ruleset.context.enabled - dropped)
            return harden_text(text, path, RuleSet(rules, context, ruleset.parsed), source.kind)
        return without
    return for_path


def _process_text(text: str, source: SourceFile, ruleset: RuleSet, fix: bool) -> Hardened:
    if fix:
        return harden_text(text, source.path, ruleset, source.kind)
    return checked_text(text, source.path, ruleset, source.kind)


def _dotenv_files(root: Path, sources: list[SourceFile]) -> dict[str, dict[str, str]]:
    """Each compose file's folder → its `.env`, which compose reads to fill in `${VAR}`."""
    found = {}
    for folder in {s.path.rpartition("/")[0] for s in sources if s.kind is COMPOSE}:
        path = root / folder / ".env"
        if path.is_file():
            try:
                found[folder] = read_dotenv(read_text(path))
            except OSError:
                continue
    return found


def _dockerfile_templates(root: Path) -> tuple[str, ...]:
    """The Dockerfile templates at the root (`Dockerfile.template`, `Dockerfile-debian.template`),
    from which a script writes the versioned folders' Dockerfiles."""
    try:
        names = sorted(entry.name for entry in root.iterdir())
    except OSError:
        return ()
    return tuple(name for name in names if name.startswith(("Dockerfile", "Containerfile"))
                 and name.endswith(TEMPLATE_SUFFIXES) and (root / name).is_file())


# GoReleaser's configuration, where its release builds and pushes images: at the root or in .github/.
_GORELEASER_FILES = tuple(f"{folder}{dot}goreleaser{variant}.{ext}" for folder in ("", ".github/") for dot in (".", "")
                          for variant in ("", ".docker") for ext in ("yaml", "yml"))
_GORELEASER_DOCKERFILE = lazy_compile(r"(?m)^[ \t-]*dockerfile:[ \t]*[\"']?([^\s\"'#]+)")


def _goreleaser_dockerfiles(root: Path) -> frozenset[str]:
    """The Dockerfiles GoReleaser's configuration builds its release images from (`dockerfile:
    .github/Dockerfile-release`), repository-relative: shipped, whatever their folder says."""
    found: set[str] = set()
    for name in _GORELEASER_FILES:
        path = root / name
        if path.is_file():
            try:
                text = read_text(path)
            except OSError:
                continue
            found.update(posixpath.normpath(m.group(1).removeprefix("./")) for m in _GORELEASER_DOCKERFILE.finditer(text))
    return frozenset(found)


def _dockerfile_folders(root: Path, texts: dict[SourceFile, str], walked: Mapping[str, AbstractSet[str]]
                        ) -> dict[str, AbstractSet[str] | None]:
    """Each folder holding a scanned Dockerfile → the names it holds (None when it cannot be
    listed): one listing a folder tells which of the files looked for beside a Dockerfile (its
    README, a lower-case `dockerfile`) may be there, where a look-up a name cost four a folder.
    The search's own listing of the folder when it made one (its names that are not folders:
    what is looked for is a file), else a listing of its own (a Dockerfile a build names)."""
    listed: dict[str, AbstractSet[str] | None] = {}
    for folder in {source.path.rpartition("/")[0] for source in texts if source.kind is DOCKERFILE}:
        names = walked.get(folder)
        if names is not None:
            listed[folder] = names
            continue
        try:
            listed[folder] = frozenset(os.listdir(os.path.join(root, folder)))
        except OSError:
            listed[folder] = None
    return listed


def _readme_evidence(root: Path, texts: dict[SourceFile, str], listed: Mapping[str, AbstractSet[str] | None]
                     ) -> tuple[dict[str, str], dict[str, tuple[str, str, bool]], dict[str, tuple[str, str]]]:
    """What the README beside each Dockerfile says of it: Dockerfile path → the README that shows
    it line for line; Dockerfile path → (README, container path, whether the README builds
    the image it runs from its own folder) where the README's `docker run` mounts the current
    folder; and Dockerfile path → (README, its title) where the title of the README beside it,
    or else of the folder above (not the repository's root), says the folder is a development
    environment (unreadable ones are skipped: they are not scanned)."""
    quoted: dict[str, str] = {}
    over_current_folder: dict[str, tuple[str, str, bool]] = {}
    development: dict[str, tuple[str, str]] = {}
    readmes: dict[str, tuple[str, str] | None] = {}  # folder → (its README's path, text), read once
    for source, text in texts.items():
        if source.kind is not DOCKERFILE:
            continue
        folder = source.path.rpartition("/")[0]
        if folder not in readmes:
            readmes[folder] = _readme(root, folder, listed.get(folder))
        readme = readmes[folder]
        parent = folder.rpartition("/")[0] if folder else ""
        if readme is None and parent and parent not in readmes:
            readmes[parent] = _readme(root, parent, listed.get(parent))
        titled = readme or (readmes.get(parent) if parent else None)
        title = development_title(titled[1]) if titled is not None else None
        if title is not None:
            development[source.path] = titled[0], title
        if readme is None:
            continue
        if quotes_every_line(readme[1], text):
            quoted[source.path] = readme[0]
        mounted = current_folder_mounts(readme[1])
        if mounted:
            over_current_folder[source.path] = readme[0], mounted[0], built_here_and_run(readme[1])
    return quoted, over_current_folder, development


_README_NAMES_LOWER = frozenset(name.lower() for name in README_NAMES)
# A dev container's configuration beside the Dockerfile it builds (outside `.devcontainer/`,
# whose Dockerfiles are development environments by their folder).
_DEVCONTAINER_CONFIGS = ("devcontainer.json", ".devcontainer.json")
# Its `"dockerfile"` / `"dockerFile"` (top level or under `"build"`): the file it builds.
_DEVCONTAINER_DOCKERFILE = re.compile(r'"docker[Ff]ile"\s*:\s*"([^"\n]+)"')


def _configs_beside_dockerfiles(root: Path, texts: dict[SourceFile, str], listed: Mapping[str, AbstractSet[str] | None],
                                config_names: tuple[str, ...]) -> Iterator[tuple[str, str, str]]:
    """(folder, configuration's name, its text) for each of `config_names` in a folder holding a
    scanned Dockerfile, in the folders' order. Read as text, at most 64 KiB a file; one that
    cannot be read is passed over."""
    for folder in sorted({source.path.rpartition("/")[0] for source in texts if source.kind is DOCKERFILE}):
        names = listed.get(folder)
        for config in config_names:
            if names is not None and config not in names:
                continue
            data = read_regular(os.path.join(root, folder, config), 64 * 1024)
            if data is not None:
                yield folder, config, data.decode("utf-8", errors="replace")


def _devcontainer_dockerfiles(root: Path, texts: dict[SourceFile, str],
                              listed: Mapping[str, AbstractSet[str] | None]) -> frozenset[str]:
    """The Dockerfiles a dev container configuration beside them builds (`devcontainer.json`
    with `"build": {"dockerfile": "Dockerfile"}`): a development environment's image. Only a
    Dockerfile of the same folder counts (`../Dockerfile` may be the one that ships)."""
    found: set[str] = set()
    for folder, _, text in _configs_beside_dockerfiles(root, texts, listed, _DEVCONTAINER_CONFIGS):
        for named in _DEVCONTAINER_DOCKERFILE.findall(text):
            name = named.removeprefix("./")
            if "/" not in name:  # one beside it: `../Dockerfile` may be the one that ships
                found.add(posixpath.join(folder, name))
    return frozenset(found)


def _cloud_build_steps(root: Path, texts: dict[SourceFile, str],
                       listed: Mapping[str, AbstractSet[str] | None]) -> dict[str, str]:
    """Dockerfile path → the Cloud Build configuration (`cloudbuild.yaml`) beside it that runs
    the image it builds as a step of the same build: a builder's image (`bot.sources.cloud_build`)."""
    dockerfiles = {source.path for source in texts if source.kind is DOCKERFILE}
    found: dict[str, str] = {}
    for folder, config, text in _configs_beside_dockerfiles(root, texts, listed, CLOUD_BUILD_CONFIGS):
        for named in sorted(steps_built_here(text)):
            path = posixpath.normpath(posixpath.join(folder, named))
            if path in dockerfiles:
                found.setdefault(path, posixpath.join(folder, config))
    return found


def _readme(root: Path, folder: str, names: AbstractSet[str] | None) -> tuple[str, str] | None:
    if names is not None and not any(name.lower() in _README_NAMES_LOWER for name in names):
        return None  # a folder without one (in any case: a file system may ignore case) is not asked four times
    where = os.path.join(root, folder)  # strings, not Path objects: asked of every Dockerfile's folder
    for name in README_NAMES:
        path = os.path.join(where, name)
        if os.path.isfile(path):
            try:
                return f"{folder}/{name}" if folder else name, read_text(Path(path))
            except OSError:
                return None
    return None


# The usage docs read at most: a documentation site's worth, not a book's; and the entries of
# the root and docs/ listed to find them (a tree of many thousands of folders is not walked whole).
MAX_USAGE_DOCS = 300
MAX_DOCS_LISTED = 20_000


def _usage_docs(root: Path) -> UsageDocs:
    """What the usage docs say, read once: (doc, container path) for each folder or volume their
    `docker run` examples mount, and (doc:line, image) for each image their Dockerfile samples
    build FROM. The usage docs are the root README and the Markdown under `docs/` (three folders
    deep at most; unreadable ones are skipped: they are not scanned)."""
    names = []
    pending = [(root, 0)]
    while pending and len(names) < MAX_DOCS_LISTED:
        folder, depth = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            names.append(Path(entry.path).relative_to(root).as_posix())
            # docs/ and three folders under it; links are not followed
            if entry.is_dir(follow_symlinks=False) and (depth == 0 and entry.name == "docs" or 0 < depth < 4):
                pending.append((Path(entry.path), depth + 1))
    mounts, bases, reliant = [], [], []
    for name in usage_doc_paths(names)[:MAX_USAGE_DOCS]:
        try:
            text = read_text(root / name)
        except OSError:
            continue
        mounts += [(name, path) for path in documented_mounts(text)]
        bases += [(f"{name}:{line}", image) for line, image in documented_bases(text)]
        reliant += [(f"{name}:{line}", image) for line, image in documented_list_reliance(text)]
    return UsageDocs(tuple(mounts), tuple(bases), tuple(reliant))


def _fallback_dockerfiles(root: Path, texts: dict[SourceFile, str],
                          listed: Mapping[str, AbstractSet[str] | None]) -> dict[str, str]:
    """Path → text of each `dockerfile` (the lower-case name `docker build` falls back to) in a
    folder holding a scanned Dockerfile: not scanned, only read for how it uses the repository's
    images (unreadable ones are skipped)."""
    found: dict[str, str] = {}
    for folder in sorted({s.path.rpartition("/")[0] for s in texts if s.kind is DOCKERFILE}):
        names = listed.get(folder)
        if names is not None and "dockerfile" not in names:
            continue
        path = f"{folder}/dockerfile" if folder else "dockerfile"
        candidate = root / path
        if candidate.is_file() and candidate.name in {e.name for e in candidate.parent.iterdir()}:
            try:
                found[path] = read_text(candidate)
            except (OSError, UnicodeDecodeError):
                continue
    return found


# What one Dockerfile's parse says that the rules of the others read: the folders it hands to
# its user (see rules/handed_folders.py) and how it uses the images of its stages (see
# dockerfile/stage_images.py); None for a file that says neither, or does not parse.
FileSurvey = tuple[tuple[tuple[str, str], ...], StageUses | None] | None
# Those of every file, together: (image key → where it is used only as a build stage, folder →
# (the Dockerfile, how) that hands it to its user, image key → a Dockerfile built on it).
SurveyedFacts = tuple[dict[str, str], dict[str, tuple[str, str]], dict[str, str]]


class DockerfileSurvey:
    """The repository facts only the Dockerfiles' parses give: the images the Dockerfiles
    (scanned, or only read) use only as build stages, and the folders they hand to the user
    they run as (the first to do so). Gathered file by file (`survey`), where each file is
    checked, and settled together (`settle`): on every core each worker parses its own files
    for them while the others parse theirs, keeps those parses for their rules, and this
    process settles what they found, instead of parsing them all alone before any worker
    starts. Only the files that may say something are parsed: a file of two stages or more
    (a one-stage file only ships its base), one that names a user and chowns or creates one."""

    def __init__(self, texts: dict[SourceFile, str], unscanned: Mapping[str, str], parsed: KeptParses):
        self.texts = texts
        self.unscanned = unscanned
        self.parsed = parsed

    def survey(self, item: tuple[SourceFile, str]) -> FileSurvey:
        source, text = item
        if source.kind is not DOCKERFILE:
            return None
        hands = _NAMES_A_USER.search(text) is not None and _HANDS_OVER.search(text) is not None
        several = _several_stages(text)
        if not hands and not several:
            return None
        try:
            doc = _dockerfile(source.path, text, self.parsed)
        except DockerfileSyntaxError:
            return None  # reported when the file is processed
        return tuple(handed_folders(doc)) if hands else (), stage_uses(doc) if several else None

    def settle(self, surveys: list[FileSurvey]) -> SurveyedFacts:
        """What the surveys (one a text, in the texts' order) say together."""
        handed: dict[str, tuple[str, str]] = {}
        uses: dict[str, StageUses] = {}
        for source, survey in zip(self.texts, surveys, strict=True):
            if survey is not None:
                for folder, how in survey[0]:
                    handed.setdefault(folder, (source.path, how))
                if survey[1] is not None:
                    uses[source.path] = survey[1]
        return self._stage_only(uses), handed, self._built_on(uses)

    def _built_on(self, surveyed: Mapping[str, StageUses]) -> dict[str, str]:
        """The images the scanned Dockerfiles are built on: the shipped bases of the files of
        several stages, as surveyed, and the one base of a one-stage file, read from its text."""
        uses: list[tuple[str, frozenset[str]]] = []
        for source, text in self.texts.items():
            if source.kind is not DOCKERFILE:
                continue
            several = surveyed.get(source.path)
            if several is not None:
                uses.append((source.path, several[1]))
            elif not _several_stages(text):
                base = first_base(text)
                key = stage_image_key(base) if base is not None else None
                if key is not None:
                    uses.append((source.path, frozenset({key})))
        return built_on_of(uses)

    def _stage_only(self, surveyed: Mapping[str, StageUses]) -> dict[str, str]:
        """The images used only as build stages: from the files of several stages (the scanned
        ones surveyed, the others parsed here), then, when some are, from the one-stage files
        that name one of them too."""
        scanned = {source.path: text for source, text in self.texts.items() if source.kind is DOCKERFILE}
        every = {**self.unscanned, **scanned}
        uses: list[StageUses] = []
        several: set[str] = set()
        for path, text in every.items():
            # A scanned file's survey has its uses when it has several stages and parses.
            use = surveyed.get(path) if path in scanned else self._uses(path, text) if _several_stages(text) else None
            if use is not None:
                uses.append(use)
                several.add(path)
        candidates = stage_only_of(uses)
        if not candidates:
            return {}
        names = {key.rpartition(":")[0].rsplit("/", 1)[-1] for key in candidates}
        single = [use for path, text in every.items() if path not in several and any(name in text.lower() for name in names)
                  if (use := self._uses(path, text)) is not None]
        return stage_only_of(uses + single)

    def _uses(self, path: str, text: str) -> StageUses | None:
        try:
            return stage_uses(_dockerfile(path, text, self.parsed))
        except DockerfileSyntaxError:
            return None

    def facts(self, facts: RepositoryFacts, settled: SurveyedFacts) -> RepositoryFacts:
        return replace(facts, stage_only_images=settled[0], handed_folders=settled[1], built_on_images=settled[2])

    def ruleset(self, ruleset: RuleSet, settled: SurveyedFacts) -> RuleSet:
        """The rule set, knowing what the survey settled."""
        return replace(ruleset, context=replace(ruleset.context, facts=self.facts(ruleset.context.facts, settled)))


def _several_stages(text: str) -> bool:
    return len(_FROM_LINE.findall(text)) > 1


_NAMES_A_USER = re.compile(r"^[ \t]*user[ \t]", re.IGNORECASE | re.MULTILINE)
_HANDS_OVER = re.compile(r"chown|adduser|useradd")


# A FROM instruction starts a line (continuations and parser directives leave it there).
_FROM_LINE = re.compile(r"^[ \t]*from[ \t\\]", re.IGNORECASE | re.MULTILINE)


class KeptParses(dict[str, ParsedText]):
    """Path → parse of the Dockerfiles a run has parsed, kept for the steps after and the rules
    (`RuleSet.parsed`) while their texts add up to KEPT_CHARS: a parse takes about 30 times
    its text in memory, so a large tree's stays bounded (the others are parsed again)."""

    KEPT_CHARS = 1024 * 1024

    def __init__(self) -> None:
        super().__init__()
        self.chars = 0

    def keep(self, parsed: ParsedText) -> None:
        if self.chars + len(parsed.text) <= self.KEPT_CHARS:
            self[parsed.path] = parsed
            self.chars += len(parsed.text)


def _dockerfile(path: str, text: str, parsed: KeptParses, target: str | None = None) -> Dockerfile:
    """`text` as a Dockerfile, parsed once in a run when `parsed` can keep it."""
    known = parsed.get(path)
    if known is not None and known.text == text:
        return Dockerfile(known, target)
    doc = Dockerfile.parse(text, path, target)
    parsed.keep(doc.parsed)
    return doc


def _own_image_mounts(texts: dict[SourceFile, str], repository: str,
                      dotenv: Mapping[str, Mapping[str, str]]) -> tuple[tuple[str, str], ...]:
    """Host folders, volumes and devices compose files give the repository's own images, pulled by name;
    unreadable compose files are reported when processed."""
    found: list[tuple[str, str]] = []
    for source, text in texts.items():
        if source.kind is COMPOSE:
            try:
                found += own_image_mounts(text, source.path, repository, dotenv.get(source.path.rpartition("/")[0], {}))
            except DockerfileSyntaxError:
                continue
    return tuple(found)


def _setup_only(build: ComposeBuild) -> bool:
    return development_service(build) is not None or is_test_setup(build.file)


def _weight(build: ComposeBuild) -> tuple[int, bool]:
    """How much a build says of its Dockerfile: 2 shipped, 1 in a development profile, 0
    otherwise; then whether its compose file is the project's own (`compose.yaml`,
    `docker-compose.yml`), which speaks before its variants (`docker-compose-quickstart.yml`)."""
    weight = 2 if not _setup_only(build) else 1 if development_profiles(build) else 0
    return weight, build.file.rsplit("/", 1)[-1] in _PROJECT_COMPOSE_FILES


_PROJECT_COMPOSE_FILES = frozenset({"compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"})


def _ci_builds(texts: dict[SourceFile, str]) -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    """The Dockerfiles workflows build, and the keys of the images each is tagged with (those
    whose names have no expression in them); unreadable workflows are reported when processed."""
    found: set[str] = set()
    images: dict[str, tuple[str, ...]] = {}
    for source, text in texts.items():
        if source.kind is WORKFLOW:
            try:
                builds = workflow_builds(text, source.path)
            except DockerfileSyntaxError:
                continue
            for build in builds:
                found.add(build.dockerfile)
                keys = tuple(key for name in build.images if (key := stage_image_key(name)) is not None)
                images[build.dockerfile] = tuple(dict.fromkeys(images.get(build.dockerfile, ()) + keys))
    return frozenset(found), images


def _list_reliant(texts: dict[SourceFile, str]) -> tuple[tuple[str, str, int], ...]:
    """The Dockerfiles that install with apt on the lists their base image keeps (`bot.dockerfile.apt_lists`)."""
    found = []
    for source, text in texts.items():
        if source.kind is DOCKERFILE and "install" in text:
            relying = installs_on_inherited_lists(text)
            if relying is not None:
                found.append((source.path, *relying))
    return tuple(found)


def _ci_targets(texts: dict[SourceFile, str]) -> frozenset[str]:
    """The stages workflows build by name; unreadable workflows are reported when processed."""
    found: set[str] = set()
    for source, text in texts.items():
        if source.kind is WORKFLOW:
            try:
                found |= build_targets(text, source.path)
            except DockerfileSyntaxError:
                continue
    return frozenset(found)


def _compose_builds(texts: dict[SourceFile, str], dotenv: Mapping[str, Mapping[str, str]]) -> dict[str, ComposeBuild]:
    """Dockerfile path → the compose service that builds it (the first compose file to name it;
    host mounts and what it needs gathered from all); unreadable compose files are reported when processed."""
    builds: dict[str, ComposeBuild] = {}
    # folder → service name → (compose file, host-folder mounts, volumes) of the services that build nothing
    overlays: dict[str, dict[str, list[tuple[str, tuple[str, ...], tuple[str, ...]]]]] = {}
    composes = [(source, text) for source, text in texts.items() if source.kind is COMPOSE]
    for source, text in composes:
        folder = source.path.rpartition("/")[0]
        if development_compose_file(source.path, also=frozenset({"hot"})):
            continue  # its mounts are for working on the code (the source, a developer's certificates; hot reloading)
        try:
            for name, mounts in unbuilt_service_mounts(text, source.path).items():
                overlays.setdefault(folder, {}).setdefault(name, []).append((source.path, *mounts))
        except DockerfileSyntaxError:
            continue
    for source, text in composes:
        folder = source.path.rpartition("/")[0]
        # What the other files of the folder add to a service of this one (compose merges them by name).
        added = {name: (tuple(m for file, binds, _ in given if file != source.path for m in binds),
                        tuple(m for file, _, volumes in given if file != source.path for m in volumes))
                 for name, given in overlays.get(folder, {}).items()}
        try:
            for path, build in compose_builds(text, source.path, dotenv.get(folder, {}), added).items():
                builds[path] = _merged_build(builds.get(path), build)
        except DockerfileSyntaxError:
            continue
    return builds


def _merged_build(first: ComposeBuild | None, build: ComposeBuild) -> ComposeBuild:
    """What the services building one Dockerfile say together: the first to name it speaks for
    it, unless a later one says more: one that is not only for development or tests, or, among
    those that are, one in a development profile (which says so alone; a compose file named for
    development does not, see roles.development_service); host mounts, volumes and what it needs
    are gathered from all."""
    if first is None:
        first = build
    speaker = build if first is not build and _weight(build) > _weight(first) else first
    mounts = tuple(dict.fromkeys(first.bind_mounts + build.bind_mounts))
    volumes = tuple(dict.fromkeys(first.volume_mounts + build.volume_mounts))
    needs = tuple(dict.fromkeys(first.needs + build.needs))
    if (mounts, volumes, needs) == (speaker.bind_mounts, speaker.volume_mounts, speaker.needs):
        return speaker  # a Dockerfile one service builds, as most are: nothing to gather
    return replace(speaker, bind_mounts=mounts, volume_mounts=volumes, needs=needs)


def _referenced_images(texts: dict[SourceFile, str], dotenv: Mapping[str, Mapping[str, str]],
                       parsed: KeptParses) -> Iterable[ImageRef]:
    """Every image reference the sources name (compose files' with their `.env`); unreadable
    files are skipped here and reported when they are processed."""
    for source, text in texts.items():
        try:
            if source.kind is COMPOSE:
                occurrences = compose_occurrences(text, source.path, dotenv.get(source.path.rpartition("/")[0], {}))
            elif source.kind is DOCKERFILE:  # as the kind's `occurrences`, on the run's one parse
                occurrences = image_occurrences(_dockerfile(source.path, text, parsed))
            else:
                occurrences = source.kind.occurrences(text, source.path)
        except DockerfileSyntaxError:
            continue
        for occurrence in occurrences:
            try:
                yield parse_reference(occurrence.text)
            except InvalidReferenceError:
                continue


def digest_changes(report: RunReport) -> list[DigestChange]:
    """The digests a fix pinned or refreshed, with the kind of each new one: the image
    references of each changed file, before and after, paired by where they are written (the
    n-th FROM, ARG BASE …): pinning adds no reference, but another fix may (HB012's `# syntax=`
    line), and that one is new."""
    changes = []
    for result in report.results:
        if not result.changed or not any(f.rule in ("HB030", "HB031") for f in result.hardened.applied):
            continue
        kind = kind_named(result.kind)
        before = _by_place(kind.occurrences(result.original, result.path))
        for place, new in _by_place(kind.occurrences(result.hardened.text, result.path)).items():
            old = before.get(place)
            if old is not None and old.text == new.text:
                continue
            try:
                old_ref = parse_reference(old.text) if old is not None else None
                new_ref = parse_reference(new.text)
            except InvalidReferenceError:
                continue
            if new_ref.digest and new_ref.tag:
                answer = (report.digests or {}).get(image_key(new_ref))
                changes.append(DigestChange(result.path, new.line, new_ref.registry, new_ref.repository,
                                            new_ref.familiar, new_ref.tag, old_ref.digest if old_ref else None,
                                            new_ref.digest, answer.kind_of(new_ref.digest) if answer else ""))
    return changes


def _by_place(occurrences: list[ImageOccurrence]) -> dict[tuple[str, int], ImageOccurrence]:
    """Each occurrence by where it is written and how many were written there before it."""
    seen: Counter[str] = Counter()
    placed = {}
    for occurrence in occurrences:
        placed[(occurrence.where, seen[occurrence.where])] = occurrence
        seen[occurrence.where] += 1
    return placed
