"""HB040 — a workflow step that builds and pushes an image without SBOM and max provenance
attestations.

Why: an SBOM says what is in the image and a provenance attestation how, where and from
what it was built; with both attached to the pushed image, a scanner or a person pulling it can
check it without the repository. `docker/build-push-action` v4+ adds provenance by itself, but
only `mode=min` in a private repository, and never an SBOM.
Fix: in a `docker/build-push-action` step that pushes (`push: true`, or an expression that
may), add `provenance: mode=max` and `sbom: true` under its `with:`, one line each, indented
like the keys there, after the last one; nothing else moves.
Reported instead: `docker buildx build --push` in a `run:` script (add
`--sbom=true --provenance=mode=max` to it); a step that sets `provenance` or `sbom` itself
(the value is a choice); one with a build arg that may carry a credential (max provenance
publishes build args' values: a name that says credential, `NPM_TOKEN=…`, a value that reads
`secrets.` or a name that says credential, directly or through an `env:`, or the whole list from
an expression), where other build args (versions, commits) are named in the message; a job without `docker/setup-buildx-action` before the
step, or one with `driver: docker` (that driver refuses attestations and the build would fail);
an action older than v4 (no such inputs; a commit pin's version is read from its comment, `# v2`);
a workflow whose leading comments say it is generated ("do not edit": the generator would undo
the edit); another push step of the same job that sets `provenance: false` or `sbom: false` (the
maintainers turned them off there on purpose: a registry that refuses them); `load: true` or `outputs:` (those exports carry none); a
`with:` written in flow style.
Not reported: a step whose every tag is a test tag (`:test`, `:test-alpine`), a pull request's number
(`:pr-${{ github.event.issue.number }}`, a preview), or names an image
for tests (`app-test`, `app-e2e`) or goes to a registry the job runs on the runner
(`localhost:5000/…`) or to ttl.sh's expiring one, a throwaway image for trying a build that nobody verifies; nor a step of a
workflow that runs only on pull requests (and by hand): its images preview a change, unless the
step's `if:` or `push:` tells pull requests apart (it then pushes on the manual runs);
nor one that builds a stage named for CI or tests (`target: ci`), pushed per commit only for a
later job to run the tests in; nor one that builds a Dockerfile whose path says it is for tests
(`file: _docker/Dockerfile.playwright-base`, `tests/e2e/Dockerfile`: an image the test jobs pull);
nor one whose every tag is also its `cache-to` registry cache
or names a cache image (`acme/app-cache`, `acme/buildcache`): a build cache later builds read; nor a job or step switched off with `if: false`; nor a workflow named for branch or canary builds or
for the development environment (`branch_test.yml`, `docker-publish-canary.yml`, `build-docker-devenv.yml`).
The new keys go after the last key of `with:` and after the comment lines right below it,
indented like the keys (a commented-out tag stays with its list).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from bot.dockerfile.roles import TEST_WORDS, named_for_tests
from bot.dockerfile.secrets import is_credential_name
from bot.dockerfile.stage_purpose import name_words
from bot.generated import leading_generated_marker
from bot.lazy_regex import lazy_compile
from bot.model.findings import Finding
from bot.model.text import Edit
from bot.record import record
from bot.rules.metadata_action import METADATA_ACTION, OUTPUT_TAGS, metadata_images
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity
from bot.rules.yaml_nodes import UnreadableYaml, compose, get, is_mapping, is_scalar, is_sequence, items

if TYPE_CHECKING:
    import yaml

CODE = "HB040"
_ACTION = "docker/build-push-action@"
_SETUP_BUILDX = "docker/setup-buildx-action@"
_MAJOR = lazy_compile(r"^v(\d+)")
_TEST_TAG = lazy_compile(r"test(?:[-_.][\w.-]+)?")
_BUILD_RUN = lazy_compile(r"\bdocker\s+(?:buildx\s+build|build)\b[^\n]*")
_PUSH_FLAG = lazy_compile(r"(?:^|\s)(?:--push\b|--output[= ]\S*type=registry|-o[= ]?\S*type=registry)")
_SBOM_FLAG = lazy_compile(r"--sbom(?:[= ](?:true|1)\b)?(?!\S)|--attest[= ]\S*type=sbom")
_MAX_FLAG = lazy_compile(r"--provenance[= ]\S*mode=max|--attest[= ]\S*type=provenance\S*mode=max")


@record
class PushStep:
    """A workflow step that builds and pushes an image, and the attestations it asks for."""
    path: str
    line: int  # of its `uses:` or `run:`
    where: str  # jobs.<id>.steps[<n>]
    sbom: bool
    provenance: str  # "max", "min", "off", or "default" (the action's own: max only in public repositories)


def _scalar(node: yaml.Node | None) -> str | None:
    return node.value if is_scalar(node) else None


def _steps(text: str) -> Iterator[tuple[str, int, yaml.Node, list[yaml.Node], list[yaml.Node | None]]]:
    """(job id, step index, step, the job's steps before it, the `env:` mappings in effect for
    it: the step's, the job's, the workflow's) for every step."""
    try:
        root = compose(text)
    except UnreadableYaml:
        return  # the workflow kind reports unreadable YAML
    for job_id, job in items(get(root, "jobs")):
        steps = get(job, "steps")
        if is_sequence(steps) and not _disabled(job):
            for index, step in enumerate(steps.value):
                if not _disabled(step):
                    yield job_id, index, step, steps.value[:index], [get(step, "env"), get(job, "env"), get(root, "env")]


def _disabled(node: yaml.Node) -> bool:
    """`if: false` (or `${{ false }}`) on a job or step: it never runs, and pushes nothing."""
    condition = _scalar(get(node, "if")) if is_mapping(node) else None
    return condition is not None and condition.strip().removeprefix("${{").removesuffix("}}").strip().lower() == "false"


def _truthy(value: str | None) -> bool | None:
    """True, False, or None for an expression (`${{ … }}`) that may be either."""
    if value is None:
        return False
    if "${{" in value:
        return None
    return value.strip().lower() == "true"


def _action_step(path: str, where: str, step: yaml.Node) -> tuple[PushStep, yaml.Node] | None:
    uses = get(step, "uses")
    if not (_scalar(uses) or "").startswith(_ACTION):
        return None
    inputs = get(step, "with")
    outputs = _scalar(get(inputs, "outputs")) or ""
    pushes = _truthy(_scalar(get(inputs, "push"))) is not False or "type=registry" in outputs or "push=true" in outputs
    if not pushes:
        return None
    sbom = _truthy(_scalar(get(inputs, "sbom"))) is True
    provenance_value = _scalar(get(inputs, "provenance"))
    if provenance_value is None:
        provenance = "default"
    elif "mode=max" in provenance_value:
        provenance = "max"
    else:
        provenance = "off" if _truthy(provenance_value) is False and "mode=" not in provenance_value else "min"
    return PushStep(path, uses.start_mark.line + 1, where, sbom, provenance), uses


def _run_step(path: str, where: str, step: yaml.Node) -> PushStep | None:
    run = get(step, "run")
    script = (_scalar(run) or "").replace("\\\n", " ")
    for command in _BUILD_RUN.findall(script):
        if _PUSH_FLAG.search(command):
            return PushStep(path, run.start_mark.line + 1, where, bool(_SBOM_FLAG.search(command)),
                            "max" if _MAX_FLAG.search(command) else ("min" if "provenance" in command else "default"))
    return None


def push_steps(text: str, path: str) -> list[PushStep]:
    """Every step of the workflow that builds and pushes an image."""
    found = []
    for job, index, step, _, _ in _steps(text):
        where = f"jobs.{job}.steps[{index}]"
        action = _action_step(path, where, step)
        found.append(action[0] if action else _run_step(path, where, step))
    return [step for step in found if step is not None]


def attested(step: PushStep) -> bool:
    return step.sbom and step.provenance == "max"


def check_workflow(text: str, path: str, context: RuleContext) -> Iterator[Finding]:
    if _named_for_throwaway_builds(path):
        return
    previews = _only_for_pull_requests(text)
    generated = leading_generated_marker(text)
    steps = list(_steps(text))
    opted_out = _turned_off(steps)
    for job, index, step, earlier, environments in steps:
        where = f"jobs.{job}.steps[{index}]"
        if previews and not _tells_pull_requests_apart(step):
            continue
        action = _action_step(path, where, step)
        if action is None:
            run = _run_step(path, where, step)
            if run is not None and not attested(run):
                yield Finding(CODE, path, run.line, "this run: step pushes an image built without "
                              "`--sbom=true --provenance=mode=max`: add them to its build command")
            continue
        pushed, uses = action
        inputs = get(step, "with")
        tags = _tags(inputs, earlier)
        if attested(pushed) or _only_test_tags(tags) or _builds_a_ci_stage(inputs) or _only_cache_tags(inputs, tags) \
                or _builds_a_test_dockerfile(inputs):
            continue
        reason = _why_not_edited(text, step, earlier, uses) or _credential_build_arg(inputs, environments) or (
            f"the workflow says it is generated ({generated!r}): add them to what generates it" if generated else "") or (
            f"another step of the job turns {opted_out[job][1]} off on purpose (line {opted_out[job][0]}): the "
            "registry or the clients may refuse attestations" if job in opted_out else "")
        message = "this step pushes an image without an SBOM and max provenance attestations"
        if reason:
            yield Finding(CODE, path, pushed.line, f"{message}: add `provenance: mode=max` and `sbom: true` by hand "
                          f"({reason})")
            continue
        edit = _insertion(text, get(step, "with"))
        if edit is None:
            yield Finding(CODE, path, pushed.line, f"{message}: add `provenance: mode=max` and `sbom: true` under "
                          "its `with:` by hand (its layout is not one hardenbot edits)")
        else:
            arguments = [entry.partition("=")[0].strip() for entry in _listed(inputs, "build-args")]
            published = f" (the provenance records its build-args: {', '.join(arguments[:4])}" \
                        f"{' …' if len(arguments) > 4 else ''}; none names or takes a credential)" if arguments else ""
            yield Finding(CODE, path, pushed.line, f"{message}: added `provenance: mode=max` and `sbom: true`{published}",
                          (edit,))


# `${{ … }}` in a workflow value, and the names an expression reads (`env.VERSION`,
# `steps.meta.outputs.tags`, `inputs.version`): the last part names the value.
_EXPRESSION = lazy_compile(r"\$\{\{(.*?)\}\}")
_CONTEXT_NAME = lazy_compile(r"\b(env|secrets|vars|inputs|matrix|github|steps|needs)((?:\.[\w-]+)+)")


def _credential_build_arg(inputs: yaml.Node | None, environments: list[yaml.Node | None]) -> str:
    """Why a build arg of the step may carry a credential, which max provenance would publish
    with the image: its name or a name its value reads says credential (`NPM_TOKEN=…`,
    `${{ steps.login.outputs.password }}`), it reads `secrets.` (also through an `env:` the
    workflow, job or step sets), or the list comes whole from an expression hardenbot cannot
    read; '' when none does."""
    for entry in _listed(inputs, "build-args"):
        name, equals, value = entry.partition("=")
        if not equals:
            return f"its build-args come from {entry[:40]}: whether one carries a credential is not known here"
        if is_credential_name(name.strip()):
            return f"its build-arg {name.strip()} may carry a credential, which max provenance would publish"
        for expression in _EXPRESSION.findall(value):
            for context, names in _CONTEXT_NAME.findall(expression):
                last = names.rsplit(".", 1)[-1]
                if context == "secrets" or is_credential_name(last) or (context == "env" and _from_secrets(last, environments)):
                    return f"its build-arg {name.strip()} reads {context}{names}, which max provenance would publish"
    return ""


def _from_secrets(name: str, environments: list[yaml.Node | None]) -> bool:
    """Whether the `env:` in effect (the step's, else the job's, else the workflow's) sets
    `name` from `secrets.`."""
    for environment in environments:
        value = _scalar(get(environment, name)) if is_mapping(environment) else None
        if value is not None:
            return "secrets." in value
    return False


def _listed(inputs: yaml.Node | None, key: str) -> list[str]:
    """The entries of a list input (`tags`, `cache-to`): a YAML list, or one per line or comma."""
    node = get(inputs, key) if is_mapping(inputs) else None
    if is_scalar(node):
        return [t.strip() for t in re.split(r"[\n,]" if key == "tags" else r"\n", node.value) if t.strip()]
    return [t.value.strip() for t in node.value if is_scalar(t)] if is_sequence(node) else []


def _tags(inputs: yaml.Node | None, earlier: list[yaml.Node]) -> list[str]:
    """The tags the step pushes, as written; `${{ steps.meta.outputs.tags }}` read as the images
    of that docker/metadata-action step (names without their tags, which it makes)."""
    tags = []
    for tag in _listed(inputs, "tags"):
        output = OUTPUT_TAGS.fullmatch(tag)
        step = next((s for s in earlier if output and _scalar(get(s, "id")) == output.group(1)
                     and (_scalar(get(s, "uses")) or "").startswith(METADATA_ACTION)), None)
        tags += metadata_images(get(get(step, "with"), "images")) if step is not None else [tag]
    return tags


def _only_test_tags(tags: list[str]) -> bool:
    """Every tag the step pushes is written out and named test (`:test`, `:test-alpine`), names a
    pull request by its number (`:pr-${{ github.event.issue.number }}`: a preview to try the
    change), or goes to a registry on the runner itself (`localhost:5000/…`): a throwaway image
    for trying a build, which nobody pulls to verify."""
    return bool(tags) and all(_names_a_test_image(v) or _PULL_REQUEST_TAG.search(v) or _in_a_local_registry(v)
                              for v in tags)


# A tag made of a pull request's number (`pr-${{ github.event.number }}`, `:pr${{ github.event.pull_request.number }}`).
_PULL_REQUEST_TAG = lazy_compile(r":[\w.-]*pr[-_.]?\$\{\{\s*github\.event\.(?:number|pull_request\.number|issue\.number)"
                                 r"\s*\}\}[\w.-]*$", re.IGNORECASE)


def _only_cache_tags(inputs: yaml.Node | None, tags: list[str]) -> bool:
    """Every tag the step pushes is also where it exports its build cache (`cache-to:
    acme/app:builder`, or `type=registry,ref=acme/app:builder`): a registry cache that later
    builds read, not an image anyone runs. An inline cache (`type=inline`) rides in the image
    itself and says nothing of the kind."""
    exported = set()
    for entry in _listed(inputs, "cache-to"):
        fields = dict(part.split("=", 1) for part in entry.split(",") if "=" in part)
        if not fields:
            exported.add(entry)  # the action's shorthand for a registry cache at that reference
        elif fields.get("type") == "registry" and "ref" in fields:
            exported.add(fields["ref"].strip())
    return bool(tags) and all(tag in exported or _names_a_cache_image(tag) for tag in tags)


def _names_a_cache_image(reference: str) -> bool:
    """`ghcr.io/acme/app-cache/stage1:main`, `acme/buildcache:latest`: an image named for a build
    cache (the registry's host aside), which builds read back with cache-from."""
    path = reference.split("@", 1)[0].rsplit(":", 1)[0] if "/" in reference else reference
    parts = path.lower().split("/")
    if len(parts) > 1 and ("." in parts[0] or ":" in parts[0]):
        parts = parts[1:]  # the registry's host
    return "$" not in path and any(name_words(part) & {"cache", "buildcache"} for part in parts)


def _in_a_local_registry(reference: str) -> bool:
    """`localhost:5000/acme/app:PR`: pushed to a registry the job runs itself (a `registry:2`
    service), gone with the runner, for a later step to build FROM or run; or to ttl.sh, whose
    anonymous images expire when their tag says (`ttl.sh/acme-app-pr-12:1h`), for a scan or a test."""
    return reference.startswith(("localhost:", "localhost/", "127.0.0.1:", "127.0.0.1/", "[::1]:", "ttl.sh/"))


# Stages built for CI or tests (`target: ci`): the image is pushed only for a later job to pull.
CI_STAGE_WORDS = TEST_WORDS | {"ci"}


def _builds_a_ci_stage(inputs: yaml.Node | None) -> bool:
    """The step builds a stage named for CI or tests (`target: ci`): pushed per commit for the
    next job to run the tests in, not an image anybody verifies."""
    target = get(inputs, "target") if is_mapping(inputs) else None
    return is_scalar(target) and bool(name_words(target.value.lower()) & CI_STAGE_WORDS)


def _builds_a_test_dockerfile(inputs: yaml.Node | None) -> bool:
    """The step builds a Dockerfile whose path says it is for tests (`file:
    _docker/Dockerfile.playwright-base`, `tests/e2e/Dockerfile`): an image the test jobs pull,
    as the Dockerfile's own role says (docs/roles.md), not one anybody verifies."""
    file = _scalar(get(inputs, "file")) if is_mapping(inputs) else None
    return file is not None and "$" not in file and named_for_tests(file.strip().removeprefix("./")) is not None


def _names_a_test_image(reference: str) -> bool:
    """`acme/app:test-alpine` (a test tag, written out) or `ghcr.io/acme/app-test:${{ github.sha }}`,
    `acme/test-app` (an image named for tests, whatever its tag: a test word first or last; in
    the middle it names something else, `publish-unit-test-result-action`)."""
    name, _, tag = reference.rpartition("/")[2].partition(":")
    words = [w for w in re.split(r"[-_.]", name.lower()) if w]
    if "$" not in name and words and (words[0] in TEST_WORDS or words[-1] in TEST_WORDS):
        return True
    return "$" not in reference and bool(_TEST_TAG.fullmatch(tag))


def _why_not_edited(text: str, step: yaml.Node, earlier: list[yaml.Node], uses: yaml.Node) -> str:
    inputs = get(step, "with")
    version = _major_version(text, uses)
    if version is not None and version < 4:
        pinned = "" if _MAJOR.match(uses.value.partition("@")[2]) else f" (v{version}, its comment says)"
        return f"{uses.value}{pinned} predates these inputs: update it to v4 or later first"
    for key, why in (("provenance", "it sets provenance itself"), ("sbom", "it sets sbom itself"),
                     ("outputs", "its outputs decide the export"),
                     ("load", "a loaded image carries no attestations")):
        if get(inputs, key) is not None and (key != "load" or _truthy(_scalar(get(inputs, key))) is not False):
            return why
    setups = [s for s in earlier if (_scalar(get(s, "uses")) or "").startswith(_SETUP_BUILDX)]
    if not setups:
        return "no docker/setup-buildx-action before it: the plain docker driver refuses attestations"
    if (_scalar(get(get(setups[-1], "with"), "driver")) or "").strip() == "docker":
        return "its docker/setup-buildx-action uses the docker driver, which refuses attestations"
    return ""


# The version a commit pin's comment names (`uses: docker/build-push-action@10e90e3… # v6`).
_PINNED_VERSION = lazy_compile(r"^\s*#\s*v?(\d+)")


def _major_version(text: str, uses: yaml.Node) -> int | None:
    """The action's major version: its ref's (`@v5`, `@v5.1.0`), or for a commit pin the one
    its comment names (`@10e90e3… # v6`); None when neither says."""
    match = _MAJOR.match(uses.value.partition("@")[2])
    if match:
        return int(match.group(1))
    end = uses.end_mark.index + (1 if text.startswith("\ufeff") else 0)
    line_end = text.find("\n", end)
    match = _PINNED_VERSION.match(text[end:line_end if line_end != -1 else len(text)])
    return int(match.group(1)) if match else None


_PULL_REQUEST_EVENTS = frozenset({"pull_request", "pull_request_target"})


def _tells_pull_requests_apart(step: yaml.Node) -> bool:
    """The step's `if:` or `push:` reads the event (`push: ${{ github.event_name != 'pull_request' }}`):
    it pushes on the manual runs only, which publish."""
    return any("pull_request" in (_scalar(node) or "") for node in (get(step, "if"), get(get(step, "with"), "push")))


# A workflow named for images built to try a branch or a canary before a release, or for the
# contributors' development environment (`branch_test.yml`, `docker-version-branches.yaml`,
# `docker-publish-canary.yml`, `build-docker-devenv.yml`): nobody verifies what it pushes.
_THROWAWAY_WORKFLOW_WORDS = frozenset({"branch", "branches", "canary", "devenv", "devcontainer", "codespace"})


def _turned_off(steps: list[tuple[str, int, yaml.Node, list[yaml.Node], list[yaml.Node | None]]]
                ) -> dict[str, tuple[int, str]]:
    """Job → (line, input) of a push step of it that sets `provenance: false` or `sbom: false`:
    the maintainers turned attestations off there on purpose (a registry that refuses them), so
    adding them to the job's other steps is theirs to decide."""
    found: dict[str, tuple[int, str]] = {}
    for job, _, step, _, _ in steps:
        inputs = get(step, "with")
        for key in ("provenance", "sbom"):
            value = get(inputs, key) if is_mapping(inputs) else None
            if job not in found and is_scalar(value) and _truthy(value.value) is False:
                found[job] = (value.start_mark.line + 1, key)
    return found


def _named_for_throwaway_builds(path: str) -> bool:
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()
    return bool(set(re.split(r"[-_.]", stem)) & _THROWAWAY_WORKFLOW_WORDS)


def _only_for_pull_requests(text: str) -> bool:
    """The workflow runs on pull requests and otherwise only by hand (`on: [pull_request,
    workflow_dispatch]`): what it pushes are preview images of a change, pulled to try it."""
    try:
        events = get(compose(text), "on")
    except UnreadableYaml:
        return False
    if is_scalar(events):
        names = {events.value}
    elif is_sequence(events):
        names = {e.value for e in events.value if is_scalar(e)}
    else:
        names = {key.value for key, _ in events.value} if is_mapping(events) else set()
    return bool(names & _PULL_REQUEST_EVENTS) and names <= _PULL_REQUEST_EVENTS | {"workflow_dispatch"}


def _insertion(text: str, inputs: yaml.Node | None) -> Edit | None:
    """Two lines after the last key of a block `with:` mapping, indented like its keys."""
    if not is_mapping(inputs) or inputs.flow_style or not inputs.value:
        return None
    columns = {key.start_mark.column for key, _ in inputs.value}
    if len(columns) != 1:
        return None
    bom = 1 if text.startswith("\ufeff") else 0
    last = inputs.value[-1][1]
    end = last.end_mark.index + bom
    # `|+` keeps its trailing blank lines as part of the value: the new keys go after them.
    keeps_blank_lines = "+" in text[last.start_mark.index + bom:last.start_mark.index + bom + 3]
    newline = "\r\n" if "\r\n" in text else "\n"
    indent = " " * columns.pop()
    lines = f"{indent}provenance: mode=max{newline}{indent}sbom: true{newline}"
    if end > 0 and text[end - 1] == "\n":  # a block scalar ends after its line break …
        while not keeps_blank_lines:  # … and after the blank lines that follow it, which stay below the new keys
            previous = text.rfind("\n", 0, end - 1) + 1
            if previous >= end or text[previous:end].strip():
                break
            end = previous
        return Edit.insert(_past_its_comments(text, end, len(indent)), lines)
    line_end = text.find("\n", end)
    if line_end == -1:
        return Edit.insert(len(text), newline + lines.removesuffix(newline))
    return Edit.insert(_past_its_comments(text, line_end + 1, len(indent)), lines)


def _past_its_comments(text: str, at: int, column: int) -> int:
    """The start of the first line from `at` on that is not a comment indented at least like the
    keys (`#  acme/app:nightly-…`, a commented-out tag right below the list): those stay with the
    key above them, and the new keys go below them."""
    while at < len(text):
        line_end = text.find("\n", at)
        line = text[at:line_end if line_end != -1 else len(text)]
        stripped = line.lstrip(" ")
        if not stripped.startswith("#") or len(line) - len(stripped) < column or line_end == -1:
            return at
        at = line_end + 1
    return at


RULE = Rule(
    code=CODE,
    name="build-attestations",
    title="a workflow step pushing an image without SBOM and max provenance",
    severity=Severity.LOW,
    on_by_default=True,
    fix=FixSafety.UNSAFE,
    scope=Scope.WORKFLOW_STEPS,
    why="without an SBOM and provenance attached, nobody pulling the image can check what is in it or how it was built",
    example=Example("- uses: docker/build-push-action@v6\n  with:\n    push: true",
                    "- uses: docker/build-push-action@v6\n  with:\n    push: true\n    provenance: mode=max\n"
                    "    sbom: true"),
    doc=__doc__ or "",
    check_workflow=check_workflow,
    roles=frozenset(),
    edits_in=frozenset(),
)
