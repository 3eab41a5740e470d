"""GitHub workflows: `.github/workflows/*.yml`. Images, wherever GitHub's workflow syntax
takes one: `jobs.<id>.container` and `jobs.<id>.services.<name>`, each either the image itself
(`container: node:20`, `db: postgres:16`) or a mapping with `image:`, and `uses:
docker://image:tag` in steps. Only the rules about image references apply.

What a workflow builds (`builds`) is read from docker/build-push-action steps (`context:`,
`file:`, `tags:`, or the `images:` of the docker/metadata-action step whose tags it takes) and
from `docker build` / `docker buildx build` commands in `run:` scripts (`-f`, `-t`, the context
operand, from the step's or the job's working directory). A value made of a `${{ }}`
expression is not guessed.
"""
from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from bot.dockerfile.arguments import read_args
from bot.dockerfile.shell import split_commands
from bot.lazy_regex import lazy_compile
from bot.model.images import ImageOccurrence
from bot.record import record
from bot.rules.metadata_action import METADATA_ACTION, OUTPUT_TAGS, metadata_images
from bot.rules.rule import RuleSet
from bot.sources.kind import Assessment, SourceKind
from bot.sources.yaml_scalars import (
    distinct,
    get,
    image_findings,
    is_scalar,
    is_sequence,
    items,
    load,
    scalar_occurrence,
)

if TYPE_CHECKING:
    import yaml


def is_workflow_path(relative: str) -> bool:
    folder, _, name = relative.rpartition("/")
    return folder == ".github/workflows" and name.endswith((".yml", ".yaml"))


def occurrences(text: str, path: str) -> list[ImageOccurrence]:
    found: list[ImageOccurrence] = []
    for job_id, job in items(get(load(text, path), "jobs")):
        found.extend(_container_image(text, path, get(job, "container"), f"jobs.{job_id}.container"))
        for name, service in items(get(job, "services")):
            found.extend(_container_image(text, path, service, f"jobs.{job_id}.services.{name}"))
        steps = get(job, "steps")
        if is_sequence(steps):
            for index, step in enumerate(steps.value):
                found.extend(scalar_occurrence(text, path, get(step, "uses"), f"jobs.{job_id}.steps[{index}].uses",
                                               prefix="docker://"))
    return distinct(found)


_TARGET_FLAG = lazy_compile(r"--target[= ]+[\"']?([A-Za-z0-9][A-Za-z0-9_.-]*)")


def build_targets(text: str, path: str) -> frozenset[str]:
    """The stages the workflow's steps build by name: docker/build-push-action's `target:`,
    `--target` in a `run:` script. A stage CI builds is one the project ships."""
    found = set()
    for _, job in items(get(load(text, path), "jobs")):
        steps = get(job, "steps")
        for step in steps.value if is_sequence(steps) else ():
            target = get(get(step, "with"), "target")
            if is_scalar(target) and target.value:
                found.add(str(target.value).lower())
            script = get(step, "run")
            if is_scalar(script):
                found.update(name.lower() for name in _TARGET_FLAG.findall(str(script.value)))
    return frozenset(found)


@record
class WorkflowBuild:
    """An image a workflow's job builds: from which Dockerfile, tagged with which names."""
    job: str
    dockerfile: str  # repository-relative; starts with `../` when outside the repository
    images: tuple[str, ...] = ()  # the names it is tagged with, tags and expressions left on


# docker/build-push-action, or a drop-in fork of it with the same inputs (useblacksmith/build-push-action).
_BUILD_PUSH = re.compile(r"[\w.-]+/build-push-action@")
# `docker build` options that take a value (short ones as letters, for read_args).
_BUILD_SHORT = "fto"
_BUILD_LONG = frozenset({"--file", "--tag", "--target", "--build-arg", "--platform", "--label", "--cache-from",
                         "--cache-to", "--secret", "--ssh", "--network", "--output", "--progress", "--iidfile",
                         "--metadata-file", "--build-context", "--add-host", "--shm-size", "--ulimit", "--builder",
                         "--annotation", "--attest", "--provenance", "--sbom", "--allow", "--cgroup-parent"})


def builds(text: str, path: str) -> list[WorkflowBuild]:
    """The images the workflow's jobs build, as far as they can be read without running it."""
    found = []
    root = load(text, path)
    workflow_env = _env(get(root, "env"))
    for job_id, job in items(get(root, "jobs")):
        job_env = {**workflow_env, **_env(get(job, "env"))}
        steps = get(job, "steps")
        steps = steps.value if is_sequence(steps) else []
        metadata = {_text(get(step, "id")): metadata_images(get(get(step, "with"), "images"))
                    for step in steps if _text(get(step, "uses")).startswith(METADATA_ACTION)}
        folder = _text(get(get(get(job, "defaults"), "run"), "working-directory"))
        matrix = _matrix_values(get(get(job, "strategy"), "matrix"))
        for step in steps:
            if _BUILD_PUSH.match(_text(get(step, "uses"))):
                env = {**job_env, **_env(get(step, "env"))}
                found.extend(_action_build(job_id, get(step, "with"), metadata, matrix, env))
            elif _text(get(step, "run")):
                where = _text(get(step, "working-directory")) or folder
                found.extend(_script_builds(job_id, _text(get(step, "run")), where))
    return found


def _action_build(job: str, given: yaml.Node | None, metadata: dict[str, list[str]],
                  matrix: dict[str, list[str]] | None = None,
                  env: dict[str, str] | None = None) -> Iterator[WorkflowBuild]:
    context = _with_env(_text(get(given, "context")), env) or "."
    dockerfile = _with_env(_text(get(given, "file")), env) or posixpath.join(context, "Dockerfile")
    from_matrix = _MATRIX_VALUE.fullmatch(dockerfile)
    # `file: ${{ matrix.dockerfile }}`: each Dockerfile the job's matrix lists is built.
    dockerfiles = (matrix or {}).get(from_matrix.group(1), []) if from_matrix else [dockerfile]
    images = []
    for tag in _list(get(given, "tags")):
        named = OUTPUT_TAGS.fullmatch(tag)
        images += metadata.get(named.group(1), []) if named else [tag]
    for each in dockerfiles:
        if "${{" in each or "://" in each:
            continue
        yield WorkflowBuild(job, posixpath.normpath(each), _names(images))


_MATRIX_VALUE = lazy_compile(r"\$\{\{\s*matrix\.([\w-]+)\s*\}\}")
_ENV_VALUE = lazy_compile(r"\$\{\{\s*env\.([\w-]+)\s*\}\}")


def _env(node: yaml.Node | None) -> dict[str, str]:
    """An `env:` mapping's plain values (an expression stays as written: it is not known here)."""
    return {key: value.value for key, value in items(node) if is_scalar(value)}


def _with_env(text: str, env: dict[str, str] | None) -> str:
    """`${{ env.DOCKERFILE }}` filled in from the workflow's, job's and step's `env:`, when set there."""
    if not env or "${{" not in text:
        return text
    return _ENV_VALUE.sub(lambda m: env.get(m.group(1), m.group(0)), text)


def _matrix_values(matrix: yaml.Node | None) -> dict[str, list[str]]:
    """Each matrix key → the values the job runs with: the key's list, and what each `include:`
    entry gives it (scalars only)."""
    values: dict[str, list[str]] = {}
    for key, node in items(matrix):
        if key == "include" and is_sequence(node):
            for entry in node.value:
                for name, value in items(entry):
                    if is_scalar(value):
                        values.setdefault(name, []).append(value.value)
        elif is_sequence(node):
            values.setdefault(key, []).extend(v.value for v in node.value if is_scalar(v))
    return {key: list(dict.fromkeys(found)) for key, found in values.items()}


def _script_builds(job: str, script: str, folder: str) -> Iterator[WorkflowBuild]:
    for line in script.replace("\\\n", " ").splitlines():
        for command in split_commands(line).commands:
            words = [word.value for word in command.argv]
            if words[:2] == ["docker", "build"]:
                rest = words[2:]
            elif words[:3] in (["docker", "buildx", "build"], ["docker", "image", "build"]):
                rest = words[3:]
            else:
                continue
            args = read_args(rest, _BUILD_SHORT, _BUILD_LONG)
            if len(args.operands) != 1 or "$" in args.operands[0] or "://" in args.operands[0]:
                continue
            context = posixpath.join(folder, args.operands[0])
            files = args.values("-f", "--file")
            dockerfile = posixpath.join(folder, files[-1]) if files else posixpath.join(context, "Dockerfile")
            if "$" not in dockerfile and files[-1:] != ["-"]:
                yield WorkflowBuild(job, posixpath.normpath(dockerfile), _names(args.values("-t", "--tag")))


def _names(images: list[str]) -> tuple[str, ...]:
    return tuple(image for image in images if image and not image.startswith("$"))


def _text(node: yaml.Node | None) -> str:
    return str(node.value).strip() if is_scalar(node) else ""


def _list(node: yaml.Node | None) -> list[str]:
    """A list input as actions take one: a YAML sequence, or text split at newlines and commas."""
    if is_sequence(node):
        return [_text(entry) for entry in node.value if _text(entry)]
    return [part.strip() for part in re.split(r"[\n,]", _text(node)) if part.strip()]


def _container_image(text: str, path: str, node: yaml.Node | None, where: str) -> Iterator[ImageOccurrence]:
    """A job's container or a service container: the image as a string, or its `image:`."""
    if is_scalar(node):
        yield from scalar_occurrence(text, path, node, where)
    else:
        yield from scalar_occurrence(text, path, get(node, "image"), f"{where}.image")


def assess(text: str, path: str, ruleset: RuleSet) -> Assessment:
    return Assessment(image_findings(text, occurrences(text, path), ruleset))


KIND = SourceKind("workflow", is_workflow_path, occurrences, assess)
