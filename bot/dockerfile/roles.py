"""Deciding what a Dockerfile is for, from evidence in the file, its path and the repository.

The first piece of evidence that speaks decides, in this order: a `# hardenbot role=<role>`
comment in the file; the configuration's `roles:` globs; the path (`.devcontainer/`, test-fixture folders);
ONBUILD; a "generated, do not edit" header; a versioned-directory layout (`3.12/slim/`); a
GitHub Action's `action.yml` beside it or its `com.github.actions.*` labels; a test folder; a
last stage for development (see `stage_purpose.py`: then the stage that ships instead is
judged, or the file is a development environment); a CI or workstation image (in a CI
folder, building or testing and starting nothing; or carrying an IDE); a compose service that
builds it; a Dockerfile sample in the usage docs built FROM the image the repository is named
for; an ENTRYPOINT run over a mounted checkout or GitHub's workspace, or a command that
is a linter or scanner; EXPOSE; and last what the final stage's command starts (an
application, or only a shell or interpreter).
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import field, replace

from bot.dockerfile.bases import describe_base
from bot.dockerfile.build_runs import build_run
from bot.dockerfile.model import Dockerfile, Stage
from bot.dockerfile.parser import Instruction
from bot.dockerfile.shell import split_commands
from bot.dockerfile.stage_images import built_image, matches
from bot.dockerfile.stage_purpose import (
    DEVELOPMENT_WORDS,
    SHIPPED_WORDS,
    code_generator,
    development_stage,
    installed,
    name_words,
    package_builder,
    shipped_instead,
)
from bot.dockerfile.test_runners import RUNNERS, TEST_FRAMEWORKS, test_command
from bot.errors import InvalidReferenceError
from bot.generated import generated_marker
from bot.lazy_regex import lazy_compile
from bot.model.images import parse_reference
from bot.model.roles import LAST_STAGE, ROLES_BY_KEY, Role, RoleDecision
from bot.record import record

FIXTURE_FOLDERS = frozenset({"testdata", "test-data", "test_data", "testfiles", "fixtures", "__fixtures__",
                             "test-fixtures", "test_fixtures"})
# Folders of tests: a Dockerfile there is a test's input, unless a compose file builds it.
# Folders of development environments: VS Code's and CodeSandbox's configuration, a `dev/` or
# `development/` folder of the repository's own tooling (`dev/docker/Dockerfile`), a `debug/` one (a remote-debugging image).
DEVELOPMENT_ENVIRONMENT_FOLDERS = frozenset({".devcontainer", ".codesandbox", "dev", "development", "debug"})
# Benchmarks and load tests are test harnesses too: run against the app, never shipped.
TEST_FOLDERS = frozenset({"test", "tests", "integration", "integration-tests", "e2e",
                          "benchmark", "benchmarks", "loadtest", "load-test", "load-tests",
                          "testsuite", "testsuites", "test-suite", "test_suite",
                          # written as one word
                          "integrationtest", "integrationtests", "e2etest", "e2etests", "systemtest", "systemtests",
                          # servers the tests run against (rclone's fstest/testserver/images/test-hdfs/), test doubles
                          "testserver", "testservers", "test-server", "test-servers", "test_server", "test_servers",
                          "mocks"})
# Folders of the repository's own helpers (`tools/schema2openapi/`, `hack/dockerfiles/`): an image
# there that exposes nothing and no compose service runs is a helper run by hand over the checkout.
# (Not `scripts/`: projects ship their main image from there as often.)
HELPER_FOLDERS = frozenset({"tools", "tooling", "hack", "devtools", "dev-tools"})
# Folders named for the images that build the project (`dev-builder/`, `builders/`, `toolchain/`):
# a CI folder's evidence, when what is inside compiles and starts nothing.
BUILDER_FOLDER_WORDS = frozenset({"builder", "builders", "toolchain", "toolchains"})
# `Dockerfile.build`, `builder.Dockerfile`: the builder pattern's first image, whose output is copied out.
BUILDER_WORDS = frozenset({"build", "builder"})
# A file or compose file named with one of these words is for tests (`Dockerfile.integration-tests-debian`).
TEST_WORDS = frozenset({"test", "tests", "testing", "e2e"})
# ... and a Dockerfile named for them (`Dockerfile.integration`, headscale's and logto's integration
# test images), though a compose service or compose file named `integration` may be a product's part.
TEST_FILE_WORDS = frozenset({"integration"})
# What the comment a Dockerfile starts with says when the file is for tests: "For testing purposes
# only", "### Dockerfile for integration tests ###", "Test image for …". Read before the first
# instruction only: a comment further down speaks of one step.
_TESTS_HEADER = lazy_compile(r"^(?:[\w-]+ )?(?:dockerfile|image|container)s? (?:used |built )?for (?:running )?(?:the )?"
                             r"(?:(?:unit|integration|e2e|end-to-end|acceptance|smoke|system|ci) )?tests?\b"
                             r"|\bfor (?:\w+ )?(?:tests?|testing)(?: purposes)? only\b"
                             r"|^(?:a |the )?(?:tests?|testing) (?:image|container)\b", re.I)
# `Dockerfile.debug`, `Dockerfile-dev`, `Dockerfile_debug`, `dev.Dockerfile`, `Dockerfile.dev.ui` (one of
# several development images): an image for working on the code.
_DEVELOPMENT_VARIANT = re.compile(r"(?:Dockerfile|Containerfile)[._-](?:dev|debug|development|devcontainer|local)"
                                  r"(?:[._-][\w.-]+)?"
                                  r"|(?:.+\.)?(?:dev|debug|development)\.[Dd]ockerfile"
                                  r"|\.gitpod\.[Dd]ockerfile")  # Gitpod's workspace image (.gitpod.yml `image.file`)
# A Docker action's image is built on the runner each time a workflow uses the action, then dropped.
_BUILT_PER_RUN = "a GitHub Action's image, built on the runner for each run that uses it, never pushed"
_DEBUGGER = lazy_compile(r"\b(xdebug|debugpy|go-delve/delve|pydevd)\b")
_ROLE_COMMENT = lazy_compile(r"#\s*hardenbot\s+role\s*=\s*([a-z-]+)")
_VERSION_FOLDER = lazy_compile(r"v?\d+(?:\.(?:\d+|x))*(?:-[a-z0-9.]+)?")  # 3.12, v2, 2.14.x, 8.0-rc
# Folders named for the distribution an image variant is built on (`alpine3.22/`, `bookworm/`, `ubi9/`).
_DISTRIBUTION = lazy_compile(r"(?:alpine|debian|ubuntu|bookworm|bullseye|buster|stretch|trixie|jammy|focal|bionic|"
                             r"noble|xenial|resolute|centos|rhel|ubi|alma|almalinux|rocky|rockylinux|fedora|"
                             r"amazonlinux|opensuse|oraclelinux|windowsservercore|nanoserver|windows|scratch|"
                             r"distroless|wolfi)[\d.]*")
_VERSION_IN_NAME = re.compile(r"\d+\.\d+")
# Programs that, run with no script of their own, only offer a prompt: an image whose command is
# one of them is meant to be built FROM.
SHELLS_AND_INTERPRETERS = frozenset({
    "sh", "bash", "ash", "dash", "zsh", "fish", "python", "python2", "python3", "pypy", "pypy3", "node",
    "ruby", "irb", "php", "perl", "jshell", "ghci", "iex", "erl", "julia", "r", "pwsh", "powershell", "cmd",
    "lua", "groovysh", "scala", "clojure", "deno", "bun"})


def only_a_prompt(words: list[str]) -> bool:
    """A lone shell or interpreter, with options only (`bash`, `/bin/bash -l`, `sh -i`): a prompt
    to type into, not a program it starts."""
    return bool(words) and words[0].rsplit("/", 1)[-1].lower() in SHELLS_AND_INTERPRETERS \
        and all(word.startswith("-") for word in words[1:])


# Wrappers that start the real program given after them.
LAUNCHERS = frozenset({"tini", "tini-static", "dumb-init", "catatonit", "s6-overlay", "gosu", "su-exec", "env",
                       "exec"})
CHECKOUT_FOLDERS = frozenset({"/src", "/work", "/workdir", "/workspace", "/code", "/repo", "/github/workspace",
                              "/project", "/app/src", "/mnt", "/source"})
# Where a Docker action's container finds the checkout (GitHub mounts it there, as root).
_GITHUB_WORKSPACE = re.compile(r"/github/workspace|\bGITHUB_WORKSPACE\b")
# Programs that read (or rewrite) the files they are pointed at and exit: an image whose command
# is one is run over a checkout, as its owner.
_LINTER_OR_SCANNER = re.compile(r"[\w.-]*(?:lint|fmt|scan)(?:er)?[\w.-]*|shellcheck|hadolint|trivy|grype|syft"
                                r"|semgrep|checkov|gitleaks|trufflehog|codespell|cspell|prettier|eslint|stylelint"
                                r"|black|ruff|mypy|vale|kubeconform|kubeval|conftest|protoc|buf|tfsec|kics")
# Folders of CI configuration and of build or workstation images.
CI_FOLDERS = frozenset({".github", "ci", ".ci", ".gitlab", ".gitlab-ci", "build", ".circleci", ".buildkite",
                        "jenkins", ".jenkins", "workstation", "workstations", ".azure-pipelines", ".travis"})
# Packages installed to compile or test, and bases that are toolchains.
BUILD_TOOLS = frozenset({"gcc", "g++", "clang", "make", "cmake", "ninja-build", "build-essential", "build-base",
                         "autoconf", "automake", "libtool", "pkg-config", "golang", "golang-go", "go", "rustc",
                         "cargo", "maven", "gradle", "default-jdk", "openjdk-17-jdk", "openjdk-21-jdk", "ccache",
                         "gfortran", "bazel", "meson", "musl-dev", "libc6-dev", "dpkg-dev", "rpm-build",
                         "devscripts", "debhelper", "lcov", "gcovr", "valgrind"})
TOOLCHAIN_BASES = frozenset({"gcc", "golang", "rust", "maven", "gradle", "buildpack-deps", "sdk", "openjdk",
                             "clang", "swift", "haskell", "erlang", "elixir"})
# IDEs a workstation image carries, installed or in its base's name.
IDES = frozenset({"code-server", "code", "code-oss", "code-insiders", "jetbrains-gateway"})
_IDE_BASE = re.compile(r"code-server|code-oss|cloud-workstations")


# Commands that serve the code from the source tree and reload it as it is edited: what a
# compose service for development runs over its mounted source.
_RELOADING = lazy_compile(r"(?:^|\s)(?:\S*/)?(?:runserver|nodemon|ts-node-dev|watchexec|watchmedo|air|webpack-dev-server"
                          r"|refresh\s+run)"
                          r"(?:\s|$)|(?:^|\s)--(?:reload|debug|watch)(?:[\s=]|$)|(?:^|\s)(?:flask run|mkdocs serve"
                          r"|hugo server|jekyll serve|ng serve|next dev|vite (?:dev|serve)|webpack serve"
                          r"|(?:npm|yarn|pnpm|bun) (?:run )?(?:dev|watch|start:dev))(?:\s|$)")
# Compose profiles that start a service only for development or tests.
_DEVELOPMENT_PROFILES = DEVELOPMENT_WORDS | {"test", "tests", "testing", "e2e"}


@record
class ComposeBuild:
    """A compose service that builds a Dockerfile."""

    service: str  # "compose.yaml service api"
    file: str = ""  # the compose file, repository-relative
    target: str | None = None  # the stage the build stops at (None: the last)
    bind_mounts: tuple[str, ...] = ()  # container paths where the service mounts host folders
    context: str = "."  # the build context folder, repository-relative
    needs: tuple[str, ...] = ()  # other services or hosts it reaches ("depends_on db"): its start check is skipped
    name: str = ""  # the service's name in its compose file ("api")
    command: tuple[str, ...] = ()  # its `entrypoint:` and `command:` words (empty: the image's own)
    profiles: tuple[str, ...] = ()  # the compose profiles it belongs to (empty: always started)
    source_mounts: tuple[str, ...] = ()  # container paths where it bind-mounts its build context (live source)
    image: str = ""  # the `image:` beside `build:`, which names what the build produces ("" when none or unknown)
    volume_mounts: tuple[str, ...] = ()  # container paths where it mounts named or anonymous volumes (kept data)
    # What it is given that only root can use: "privileged: true", "cap_add: NET_ADMIN" ("" when nothing)
    root_powers: str = ""
    # (variable, absolute path) of its `environment:` entries that name a folder the app writes
    # (`DOCSRS_PREFIX: /opt/docsrs/prefix`, `DATA_DIR=/var/lib/app`)
    folder_settings: tuple[tuple[str, str], ...] = ()


@record
class RepositoryFacts:
    """What the rest of the repository says about its Dockerfiles."""

    compose_builds: dict[str, ComposeBuild] = field(default_factory=dict)  # by Dockerfile path
    action_folders: frozenset[str] = frozenset()  # folders holding a GitHub Action's action.yml ("" is the root)
    overrides: tuple[tuple[str, Role], ...] = ()  # (glob, role) from the configuration, first match wins
    name: str = ""  # the repository's name: a tool's image runs the program named like it
    compose_env: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # folder → its .env, for compose files
    ci_targets: frozenset[str] = frozenset()  # stage names a CI workflow builds (`--target prod`, `target: prod`)
    ci_builds: frozenset[str] = frozenset()  # Dockerfile paths a CI workflow builds
    release_builds: frozenset[str] = frozenset()  # Dockerfile paths GoReleaser's configuration builds release images from
    # Dockerfile path → the keys of the images a CI workflow tags its build with (`acme/app:latest`)
    ci_images: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    devcontainer_files: frozenset[str] = frozenset()  # Dockerfile paths a devcontainer.json beside them builds
    # (Dockerfile path, the image it is built FROM, line) for each that installs with apt on lists its base keeps
    list_reliant: tuple[tuple[str, str, int], ...] = ()
    # Dockerfile path → the Cloud Build configuration that runs the image it builds as one of its steps
    cloud_build_steps: Mapping[str, str] = field(default_factory=dict)
    dockerfile_templates: tuple[str, ...] = ()  # Dockerfile templates at the root (`Dockerfile.template`)
    quoted_by: Mapping[str, str] = field(default_factory=dict)  # Dockerfile path → the README beside it that shows it
    # Dockerfile path → (README, its title) where the README beside it, or in the folder above, is
    # titled as a development environment ("Docker Development Environment")
    development_readmes: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    # Dockerfile path → (the README beside it, container path, whether that README builds the image
    # from its folder by hand) where its `docker run` mounts the current folder
    run_over_current_folder: Mapping[str, tuple[str, str, bool]] = field(default_factory=dict)
    # (compose service, what it gives) the host folders, volumes and devices compose gives the repository's own image, pulled by name
    own_image_mounts: tuple[tuple[str, str], ...] = ()
    # (doc, container path) where the repository's usage docs' `docker run` examples mount folders or volumes
    documented_mounts: tuple[tuple[str, str], ...] = ()
    # (doc:line, image) for each image the usage docs' Dockerfile samples build FROM
    documented_bases: tuple[tuple[str, str], ...] = ()
    # (doc:line, image): the usage docs' Dockerfile samples that install with apt on the image, no update of their own
    documented_list_reliant: tuple[tuple[str, str], ...] = ()
    dockerfile_paths: frozenset[str] = frozenset()  # every Dockerfile the run reads, for layouts across folders
    # folder → (the Dockerfile, how) that hands it to the non-root user it runs as (see rules/handed_folders.py)
    handed_folders: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    # image key → where another Dockerfile uses it only as a build stage (see stage_images.py)
    stage_only_images: Mapping[str, str] = field(default_factory=dict)
    # image key → a Dockerfile built FROM it, in a stage that ships or that others build on
    built_on_images: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def role_by_path(path: str, facts: RepositoryFacts, glob_matches) -> RoleDecision | None:
    """What the path alone says: an override, a devcontainer, a test fixture (None: read the file)."""
    for pattern, role in facts.overrides:
        if glob_matches(pattern, path):
            return RoleDecision(role, f"configured for {pattern}")
    folders = path.split("/")[:-1]
    environment = next((f for f in folders if f in DEVELOPMENT_ENVIRONMENT_FOLDERS), None)
    if environment is not None:
        return RoleDecision(Role.DEVCONTAINER, f"in {environment}/")
    fixture = next((f for f in folders if f.lower() in FIXTURE_FOLDERS), None)
    if fixture:
        return RoleDecision(Role.TEST_FIXTURE, f"in {fixture}/")
    if folders[:2] == [".github", "workflows"]:
        # GitHub reads workflows there: a Dockerfile beside them is an image a workflow builds
        # for its own run (a cluster test, a CI container), not one anybody ships.
        return RoleDecision(Role.CI, "in .github/workflows/, beside the workflows: an image a workflow builds for "
                                     "its own run")
    if path in facts.devcontainer_files and path not in facts.compose_builds and path not in facts.ci_builds:
        return RoleDecision(Role.DEVCONTAINER, "a devcontainer.json beside it builds it: a development environment")
    name = path.rsplit("/", 1)[-1]
    # ... or the word dev anywhere in its name (`Dockerfile.tarantool.dev_env`; not `devel`, which
    # names a published developer image, nor `devices`), unless a word says it ships (`prod`).
    words = name_words(name.lower())
    if _DEVELOPMENT_VARIANT.fullmatch(name) or ("dev" in words and not words & SHIPPED_WORDS):
        return RoleDecision(Role.DEVCONTAINER, f"a development variant ({name})")
    return None


def decide_role(doc: Dockerfile, facts: RepositoryFacts, glob_matches) -> RoleDecision:
    declared = _declared_in_file(doc)
    decision = declared or role_by_path(doc.path, facts, glob_matches) or _by_content(doc, facts)
    children = _built_on_here(doc, facts) if declared is None and facts.built_on_images else ()
    if children and decision.role is Role.SERVICE:
        decision = replace(decision, role=Role.BASE, reason=f"{children[0]} is built FROM the image it builds")
    if children and decision.role is Role.BASE and doc.path not in facts.ci_builds \
            and all(_for_tests(child, facts.compose_builds.get(child), facts) for child in children):
        more = f" and {len(children) - 1} more" if len(children) > 1 else ""
        decision = replace(decision, role=Role.TEST_FIXTURE,
                           reason=f"only images for tests are built FROM the image it builds ({children[0]}{more})")
    retired = _retired(doc.path, facts) if declared is None else None
    if retired is not None:
        decision = replace(decision, retired=retired)
    quoting = facts.quoted_by.get(doc.path)
    if quoting is not None and declared is None:
        decision = replace(decision, quoted=f"{quoting} shows this file line for line: change both")
    file_words = name_words(doc.path.rsplit("/", 1)[-1].lower()) - {"dockerfile", "containerfile"}
    if not decision.unshipped and file_words and file_words <= BUILDER_WORDS:
        decision = replace(decision, unshipped=f"a builder image ({doc.path.rsplit('/', 1)[-1]}): it compiles, and what "
                                               "ships is copied out of it")
    said = _not_for_production_header(doc) if not decision.unshipped else None
    if said is not None:
        decision = replace(decision, unshipped=f"its first comment says {said!r}: an image for development")
    titled = facts.development_readmes.get(doc.path)
    if not decision.unshipped and titled is not None and doc.path not in facts.ci_builds:
        # Its size ships to nobody; what makes it correct (pipefail, its user) still matters to those who run it.
        decision = replace(decision, unshipped=f"{titled[0]} is titled {titled[1]!r} and no workflow builds it: an "
                                               "image for a development environment")
    if not decision.unshipped and decision.role is not Role.TEST_FIXTURE:
        command = container_command(doc.final_stage)
        preview = _SITE_PREVIEW.search(" ".join(command[1])) if command is not None else None
        if command is not None and only_prints(command[1]):
            decision = replace(decision, unshipped=f"its {command[0]} only prints ({' '.join(command[1])[:40]}): it "
                                                   "is built for files copied out of it, or for its message")
        elif preview is not None:
            decision = replace(decision, unshipped=f"its {command[0]} runs {preview.group(0)}, a site generator's "
                                                   "preview server: the pages it builds ship, not this image")
    if not facts.stage_only_images:
        return decision
    build = facts.compose_builds.get(doc.path)
    built = built_image(doc.path, facts.name, build.image if build else "")
    use = next((where for used, where in facts.stage_only_images.items() if built and matches(built, used)), None)
    if use is None:
        return decision
    if declared is None and decision.role is Role.SERVICE:
        # Its build stage runs its RUNs on this image, as this image's USER: a base for them.
        decision = replace(decision, role=Role.BASE, reason=f"{use}: it is built FROM the image this file builds")
    if decision.unshipped:
        return decision
    return replace(decision, unshipped=f"a builder image: {use}, copying files out, so its size never ships")


# A static site generator's preview server, which rebuilds the pages as they change: what ships is
# the site it builds (`jekyll build`), served by a web server, never this container.
_SITE_PREVIEW = lazy_compile(r"\bjekyll\s+serve\b|\bmkdocs\s+serve\b|\bhugo\s+server\b|\bdocusaurus\s+start\b"
                             r"|\bsphinx-autobuild\b")


def _built_on_here(doc: Dockerfile, facts: RepositoryFacts) -> tuple[str, ...]:
    """The other Dockerfiles of the repository whose shipped stage is built FROM the image this
    one builds (`FROM supabase/logflare:runner` for `Dockerfile.runner`, or the `image:` of the
    compose service that builds it): this one is their base, and what it sets (USER, SHELL)
    every RUN of theirs inherits. (Not the names a workflow pushes it as: an image that ships
    is a service first, though HB001 asks who builds on it, see `built_on_as_pushed`.)"""
    build = facts.compose_builds.get(doc.path)
    built = built_image(doc.path, facts.name, build.image if build else "")
    if built is None:
        return ()
    return tuple(child for used, children in facts.built_on_images.items() if matches(built, used)
                 for child in children if child != doc.path)


def built_on_as_pushed(path: str, facts: RepositoryFacts) -> tuple[str, str] | None:
    """(another Dockerfile, the image) where another Dockerfile of the repository is built FROM
    a name a workflow tags this one's build with (opengpts' migration image, `FROM
    langchain/open-gpts:latest`, the name its workflow pushes the root Dockerfile as); None: none is."""
    for name in facts.ci_images.get(path, ()):
        for used, children in facts.built_on_images.items():
            child = next((child for child in children if child != path), None)
            if child is not None and matches(name, used):
                return child, used
    return None


def _declared_in_file(doc: Dockerfile) -> RoleDecision | None:
    for comment in doc.parsed.comments.values():
        match = _ROLE_COMMENT.search(comment)
        if match and match.group(1) in ROLES_BY_KEY:
            return RoleDecision(ROLES_BY_KEY[match.group(1)], "declared in the file")
    return None


def _by_content(doc: Dockerfile, facts: RepositoryFacts) -> RoleDecision:
    final = doc.final_stage
    instructions = final.all_instructions()
    onbuild = next((i for i in doc.instructions if i.keyword == "ONBUILD"), None)
    if onbuild is not None:
        return RoleDecision(Role.BASE, f"ONBUILD at line {onbuild.line}: images are built FROM it")
    header = _generated_header(doc)
    if header:
        return RoleDecision(Role.BASE, f"generated file ({header!r})", generated=True)
    tests = _for_tests(doc.path, facts.compose_builds.get(doc.path), facts, tests_header(doc))
    if tests is not None:
        return RoleDecision(Role.TEST_FIXTURE, tests)
    runner = _runs_tests(final, facts.compose_builds.get(doc.path))
    if runner is not None:
        return RoleDecision(Role.TEST_FIXTURE, runner)
    builds = _builds_artifacts(final, facts.compose_builds.get(doc.path))
    if builds is not None:
        return RoleDecision(Role.CI, builds)
    # How compose runs the image outweighs where the file sits: a versioned folder built by a
    # compose service that mounts the source and debugs it is that service's development image.
    build = facts.compose_builds.get(doc.path)
    development = _development_service(doc, build, facts) if build is not None else None
    if development is not None:
        return development
    # (A compose `target:` is judged with the file's other stages, below.)
    reloading = _reloading_server(final) if build is not None and build.source_mounts and not build.command \
        and build.target is None else None
    if reloading is not None:
        return RoleDecision(Role.DEVCONTAINER, f"{build.service} mounts the source at {build.source_mounts[0]}, and "
                                               f"its {reloading}, a development server that reloads it")
    # An image that starts nothing of its own, which compose runs over the mounted source with a
    # command of compose's (offen's Dockerfile.golang, `command: refresh run`; its Dockerfile.node,
    # `command: npm start`): the code is the checkout's, the image only its tools, for working on it.
    given = " ".join(build.command) if build is not None and build.source_mounts and build.target is None else ""
    if given and container_command(final) is None:
        return RoleDecision(Role.DEVCONTAINER, f"{build.service} mounts the source at {build.source_mounts[0]} and "
                                               f"runs {given[:40]} there, in an image that starts nothing of its own")
    tagged = build.image if build is not None and build.source_mounts else ""
    if tagged and name_words(tagged.rsplit("/", 1)[-1].split(":", 1)[0].lower()) & DEVELOPMENT_WORDS:
        return RoleDecision(Role.DEVCONTAINER, f"{build.service} mounts the source at {build.source_mounts[0]}, and "
                                               f"tags the image {tagged}, for development")
    debugger = _debugger(doc) if build is not None and build.source_mounts else None
    if debugger is not None:
        return RoleDecision(Role.DEVCONTAINER, f"{build.service} mounts the source at {build.source_mounts[0]}, and "
                                               f"the image installs {debugger}, a debugger")
    if build is not None and build.source_mounts and facts.ci_builds and doc.path not in facts.ci_builds:
        # The container runs the checkout mounted over what the image copied in: only its tools
        # are the image's, and CI builds what ships from other files.
        return RoleDecision(Role.DEVCONTAINER, f"{build.service} mounts the source at {build.source_mounts[0]}, and CI "
                                               f"builds {min(facts.ci_builds)}, not this file")
    folders = doc.path.split("/")[:-1]
    version = next((f for f in folders if _VERSION_FOLDER.fullmatch(f)), None)
    if version is not None:
        # A versioned folder's file that creates an editor's user (`vscode`) defines a development
        # environment, one a version (the core-tools images beside the function images): its size
        # ships to nobody, though what makes its builds correct (`-y`) still matters.
        editor = development_stage(doc, doc.final_stage)
        unshipped = f"a development environment (its last stage {', '.join(editor.evidence)})" \
            if editor is not None and any(e.startswith("creates the user") for e in editor.evidence) else ""
        if facts.dockerfile_templates:
            # Versioned folders beside a Dockerfile template are what a script writes from it.
            return RoleDecision(Role.BASE, f"a versioned-directory layout ({version}/) written from the template "
                                           f"{facts.dockerfile_templates[0]}", generated=True, unshipped=unshipped)
        return RoleDecision(Role.BASE, f"a versioned-directory layout ({version}/)", unshipped=unshipped)
    if any(_builder_folder(f) for f in folders):
        # A builder folder's variants (`dev-builder/ubuntu/`, `dev-builder/android/`) are the
        # project's build environments on several distributions, not a published base.
        builder = _build_environment(doc, folders)
        if builder is not None:
            return builder
    variants = _distribution_variants(doc.path, facts.dockerfile_paths)
    if variants is not None:
        return RoleDecision(Role.BASE, variants)
    file_name = doc.path.rsplit("/", 1)[-1]
    if _VERSION_IN_NAME.search(file_name):
        return RoleDecision(Role.BASE, f"a versioned file name ({file_name})")
    folder = doc.path.rpartition("/")[0]
    if folder in facts.action_folders:
        return RoleDecision(Role.TOOL, "a GitHub Action's image (action.yml beside it)", unshipped=_BUILT_PER_RUN)
    label = _action_label(instructions)
    if label:
        return RoleDecision(Role.TOOL, f"a GitHub Action's image (LABEL {label})", unshipped=_BUILT_PER_RUN)
    development = _development(doc, facts)
    if development is not None:
        return development
    build_environment = _build_environment(doc, folders)
    if build_environment is not None:
        return build_environment
    github = _in_github_folder(doc.path, facts)
    if github is not None:
        return RoleDecision(Role.CI, github)
    if build is not None:
        return RoleDecision(Role.SERVICE, f"built by {build.service}")
    documented = _documented_base(doc, facts)
    if documented is not None:
        return RoleDecision(Role.BASE, documented)
    over = facts.run_over_current_folder.get(doc.path)
    if over is not None:
        # Run with the user's folder mounted, it works on their files, as them; built by hand from
        # the README where it is used (no workflow or compose file builds it), nobody ships it.
        by_hand = over[2] and doc.path not in facts.ci_builds and doc.path not in facts.compose_builds
        return RoleDecision(Role.TOOL, f"{over[0]} runs it over the current folder, mounted at {over[1]}",
                            unshipped=f"{over[0]} builds it by hand where it is run: nobody ships it" if by_hand else "")
    exposed = final.last_before("EXPOSE")
    tool = _tool(doc, facts, folders) if exposed is None else None
    if tool is not None:
        return tool
    if exposed is not None:
        return RoleDecision(Role.SERVICE, f"EXPOSE {exposed.rest.strip()}")
    command = container_command(final)
    if command is None:
        base = describe_base(final.external_base)
        if base.runs_a_server and base.image is not None:
            return RoleDecision(Role.SERVICE, f"runs {base.image.familiar}'s server with the content it adds")
        return RoleDecision(Role.BASE, "no CMD or ENTRYPOINT of its own: it is built FROM")
    keyword, words = command
    program = words[0].rsplit("/", 1)[-1].lower()
    if only_a_prompt(words):
        return RoleDecision(Role.BASE, f"{keyword} runs only {program}, a prompt for images built FROM it")
    shown = " ".join(words[:2]) if program in SHELLS_AND_INTERPRETERS else program
    return RoleDecision(Role.SERVICE, f"{keyword} runs {shown}")


def _documented_base(doc: Dockerfile, facts: RepositoryFacts) -> str | None:
    """Where the usage docs show a Dockerfile built FROM the image this one builds: the image the
    repository is named for (`docker-light-baseimage` publishes `osixia/light-baseimage`), or the
    one its file name tags. Its users' images inherit its USER and what it sets up."""
    if not facts.documented_bases or facts.own_image_mounts:
        # A compose file runs the repository's own image as a service, pulled by name (`image:
        # binwiederhier/ntfy` with its volumes): a FROM sample in its docs customises that service.
        return None
    names = _own_image_names(facts.name)
    built = built_image(doc.path, facts.name)
    if built is not None:
        names.add(built.rpartition(":")[0].rsplit("/", 1)[-1])
    own_bases = {_image_name(stage.resolved_base or stage.base) for stage in doc.stages if stage.parent is None}
    for where, image in facts.documented_bases:
        name = _image_name(image)
        if name.rsplit("/", 1)[-1] in names and name not in own_bases:
            return f"{where} shows images built FROM {image}, the image this repository builds"
    return None


def of_this_repository(image: str, repository: str) -> bool:
    """Whether the image's name or namespace is the repository's own (`dockcross/linux-armv7` in
    dockcross, `acme/shop:1` in shop)."""
    names = _own_image_names(repository)
    path = image.split("@", 1)[0].rsplit(":", 1)[0].lower().split("/")
    return bool(names) and (path[-1] in names or len(path) > 1 and path[-2] in names)


def _own_image_names(repository: str) -> set[str]:
    """The names the repository's own image may go by: its name, and without the `docker-` or
    `-docker` that repositories of images often add (`docker-nginx` publishes `nginx`)."""
    name = repository.lower()
    if not name:
        return set()
    return {name, name.removeprefix("docker-"), name.removesuffix("-docker")}


def _image_name(reference: str) -> str:
    """`docker.io/osixia/light-baseimage:1.3.1` → `osixia/light-baseimage`: the name as people
    write it, without tag or digest (which may hold a variable, `:${TARGETARCH}-musl`); a name the
    reference parser refuses (`${REGISTRY}/app`) is kept as written."""
    name = reference.strip().lower().split("@", 1)[0]
    last = name.rsplit("/", 1)[-1]
    if ":" in last:
        name = name[: len(name) - len(last)] + last.split(":", 1)[0]
    try:
        return parse_reference(name).familiar
    except InvalidReferenceError:
        return name


def _distribution_variants(path: str, dockerfiles: frozenset[str]) -> str | None:
    """A variants layout (`alpine/Dockerfile`, `bookworm/Dockerfile` side by side): one image
    published built on several distributions, for people to run and build FROM, as a
    versioned layout is. The file's folder is named for a distribution and a sibling folder is
    too, or two siblings are (`restyrepo/` beside `alpine/` and `jammy/`); None otherwise."""
    parent = path.rpartition("/")[0]
    if not parent:
        return None
    siblings = [folder for folder in _distribution_folders(dockerfiles).get(parent.rpartition("/")[0], ())
                if folder != parent]
    if not siblings or (not _names_a_distribution(parent) and len(siblings) < 2):
        return None
    return (f"a variants layout ({parent.rsplit('/', 1)[-1]}/ beside {siblings[0].rsplit('/', 1)[-1]}/): one image "
            "built on several distributions")


@functools.lru_cache(maxsize=4)
def _distribution_folders(dockerfiles: frozenset[str]) -> dict[str, list[str]]:
    """The folders of the repository's Dockerfiles that are named for a distribution, sorted,
    by their parent folder: read once per repository, not once per Dockerfile (a tree of
    thousands of Dockerfiles)."""
    by_parent: dict[str, list[str]] = {}
    for folder in sorted({p.rpartition("/")[0] for p in dockerfiles}):
        if _names_a_distribution(folder):
            by_parent.setdefault(folder.rpartition("/")[0], []).append(folder)
    return by_parent


def _names_a_distribution(folder: str) -> bool:
    return bool(folder) and any(_DISTRIBUTION.fullmatch(word) for word in name_words(folder.rsplit("/", 1)[-1].lower()))


def _reloading_server(final: Stage) -> str | None:
    """`CMD runs pnpm run dev` when the image's own command is a development server that reloads
    the source (`npm run dev`, `manage.py runserver`, `--reload`), None otherwise."""
    command = container_command(final)
    if command is None or not _RELOADING.search(" ".join(command[1])):
        return None
    return f"{command[0]} runs {' '.join(command[1][:3])}"


def _debugger(doc: Dockerfile) -> str | None:
    """A debugger the shipped stage installs (`pecl install xdebug`, `pip install debugpy`, delve)."""
    for stage in doc.final_stage.lineage():
        for run in doc.runs(stage):
            match = _DEBUGGER.search(run.text)
            if match:
                return match.group(1)
    return None


def _runs_tests(final: Stage, build: ComposeBuild | None) -> str | None:
    """Why the image is a test runner: its command runs the project's tests (`go test ./...`,
    `python -m pytest`, `npm test`), and so does the command a compose service runs it with, if
    one does (an app image a `test` service runs with `pytest` is still the app's)."""
    command = container_command(final)
    runs = _test_run(command[1]) if command is not None else None
    if runs is None:
        return None
    if build is not None and build.command:
        given = _test_run(list(build.command))
        return f"its {command[0]} and {build.service}'s command run the tests ({given})" if given else None
    return f"its {command[0]} runs the tests ({runs})"


def _builds_artifacts(final: Stage, build: ComposeBuild | None) -> str | None:
    """Why the image is a build environment: its command only builds (`yarn install && make
    dist`), and so does the command a compose service runs it with, if one does; what it makes
    is copied out of the container."""
    command = container_command(final)
    built = build_run(" ".join(command[1])) if command is not None else None
    if built is None or (build is not None and build.command and build_run(" ".join(build.command)) is None):
        return None
    return f"its {command[0]} only builds ({built}): a build environment, what it makes is copied out"


def _test_run(words: list[str]) -> str | None:
    """What runs the tests in a command, read as a script (`sleep 30 && exec nosetests`)."""
    return next((found for c in split_commands(" ".join(words)).commands
                 if (found := test_command([w.value for w in c.argv]))), None)


def test_folder(name: str) -> bool:
    """A folder of tests: `tests/`, `integration/`, or one whose name says tests among its words
    (`redis_tests/`, `tests_func/`, `e2e-playground/`), or test with a kind of test (`integration_test/`). Not `test`
    alone: `firebase-test-lab/` is a product's name, `test-certs/` a helper's."""
    name = name.lower()
    words = name_words(name)
    return name in TEST_FOLDERS or bool(words & {"tests", "e2e"}) or ("test" in words and bool(words & _TEST_KINDS))


# Kinds of tests, which with the word test name a test folder (`integration_test/`, `e2e-test/`,
# `load_test/`), where test alone may name a product's part.
_TEST_KINDS = frozenset({"integration", "e2e", "system", "acceptance", "functional", "smoke", "unit", "load",
                         "end2end", "regression", "performance", "perf", "stress"})


def is_test_setup(compose_file: str) -> bool:
    """A compose file named for tests (`docker-compose.test.yml`, `compose.e2e.yaml`)."""
    return bool(name_words(compose_file.rsplit("/", 1)[-1].lower()) & TEST_WORDS)


def named_for_tests(path: str) -> tuple[str, str | None] | None:
    """(why, the test folder with its slash) when the Dockerfile's path says it is for tests: in a
    test folder, or named for tests or for its test runner or framework (`Dockerfile.bats`,
    `Dockerfile.playwright-base`; the folder None then); None: the path does not say."""
    folders = path.split("/")[:-1]
    file_name = path.rsplit("/", 1)[-1]
    at = next((i for i, f in enumerate(folders) if test_folder(f)), None)
    if at is not None:
        return f"in {folders[at]}/", "/".join(folders[:at + 1]) + "/"
    if name_words(file_name.lower()) & (TEST_WORDS | TEST_FILE_WORDS | RUNNERS | TEST_FRAMEWORKS):
        return f"a test variant ({file_name})", None
    return None


def _for_tests(path: str, build: ComposeBuild | None, facts: RepositoryFacts, header: str | None = None) -> str | None:
    """Why the Dockerfile is an image for tests, None: nothing says so. In a test folder or
    named for tests, unless a compose file that is not itself part of the tests builds it (one
    named for tests, or one inside that test folder, is), or when the comment it starts with
    (`header`, see `tests_header`) says it is for tests; elsewhere, when only a compose file
    named for tests builds it while CI builds the repository's other Dockerfiles, not this one."""
    named = named_for_tests(path)
    if named is not None:
        tests, inside = named
    elif header is not None:
        tests, inside = f"its first comment says so ({header!r})", None
    elif build is not None and is_test_setup(build.file) and facts.ci_builds and path not in facts.ci_builds:
        return f"only {build.file}, a test setup, builds it, while CI builds {min(facts.ci_builds)}"
    else:
        return None
    if build is None:
        return f"{tests}, and no compose file builds it"
    if is_test_setup(build.file) or name_words(build.name.lower()) & TEST_WORDS \
            or (inside is not None and build.file.startswith(inside)):
        return f"{tests}, and only {build.file}, a test setup, builds it"
    if development_service(build) is not None:
        return f"{tests}, and only {build.file}, for development, builds it"
    return None


def _development(doc: Dockerfile, facts: RepositoryFacts) -> RoleDecision | None:
    """A last stage for development, with no compose target, or a compose target for
    development (`target: dev`, the service then works on the code): the stage that ships
    instead is judged (one CI targets or named for shipping, else a last stage not for
    development, which a build without a target gives), or else the file is a development
    environment; conflicting evidence in a last stage is reported."""
    targeted = doc.target is not None
    if targeted and doc.final_stage.name != doc.target:
        return None
    development = development_stage(doc, doc.final_stage)
    if development is None or (targeted and development.conflict):
        return None  # a compose target that serves as a service does is judged as one
    which = "compose's target" if targeted else "the last stage"
    why = f"{which}, {development.name}, is for development ({', '.join(development.evidence)})"
    if development.conflict:
        return RoleDecision(Role.SERVICE, f"{why}, {development.conflict}: reported, not changed", conflicting=True)
    shipped = shipped_instead(doc, development, facts.ci_targets)
    last = doc.stages[-1]
    if shipped is None and targeted and last is not doc.final_stage and development_stage(doc, last) is None:
        shipped = last, "a build without a target gives it"
    if shipped is None:
        return RoleDecision(Role.DEVCONTAINER, why)
    stage, because = shipped
    judged = _by_content(Dockerfile(doc.parsed, stage.name or LAST_STAGE), facts)
    name = stage.name or f"the last stage (line {stage.from_.line})"
    return replace(judged, reason=f"{judged.reason}; {name} ships ({because}): {why}", stage=stage.name or LAST_STAGE)


def development_compose_file(path: str, also: frozenset[str] = frozenset()) -> bool:
    """A compose file named for development or as an override (`docker-compose.dev.yml`,
    `compose.override.yaml`, which compose adds by itself when developers run it), or for
    one of the words `also` gives."""
    return bool(name_words(path.rsplit("/", 1)[-1].lower()) & (DEVELOPMENT_WORDS | {"override"} | also))


def development_service(build: ComposeBuild) -> str | None:
    """What says a compose service is for working on the code, None: nothing does. A profile
    for development or tests says it alone; a compose file for development
    (`docker-compose.dev.yml`, `compose.override.yaml`), or the build context mounted into the
    container with a command that reloads it (`manage.py runserver`, `--reload`, `nodemon`),
    says how the service is run here, not that its image is not shipped (see `_development_service`)."""
    profiles = development_profiles(build)
    if profiles:
        return f"{build.service} starts only with the profile {profiles[0]}"
    if development_compose_file(build.file):
        return f"{build.file} is for development"
    command = " ".join(build.command)
    if build.source_mounts and _RELOADING.search(command):
        return (f"{build.service} mounts its source at {build.source_mounts[0]} and runs {command}, "
                "which reloads it")
    return None


# Compose profiles that keep a service only for old setups.
RETIRED_WORDS = frozenset({"deprecated", "legacy", "obsolete"})


def retired_profiles(build: ComposeBuild) -> list[str]:
    """The service's profiles, when every one is named for old setups (`deprecated`,
    `legacy-backend`); empty when it has none (always started) or any other."""
    if not build.profiles or any(not name_words(p.lower()) & RETIRED_WORDS for p in build.profiles):
        return []
    return list(build.profiles)


# Folders that keep what is no longer built: `deprecated/android/Dockerfile`.
RETIRED_FOLDERS = RETIRED_WORDS | {"archived", "retired", "unmaintained"}


def _retired(path: str, facts: RepositoryFacts) -> str | None:
    """Why the Dockerfile is kept only for old setups: it sits in a folder named for them
    (`deprecated/`, `legacy/`, `archived/`) that no compose file builds from; or the compose
    services that build it are all in a deprecated or legacy profile (compose.builds keeps a
    current one when any builds it), while a current compose service builds another Dockerfile."""
    folder = next((f for f in path.split("/")[:-1] if f.lower() in RETIRED_FOLDERS), None)
    if folder is not None and path not in facts.compose_builds and path not in facts.ci_builds:
        return f"it sits in {folder}/, kept for old setups"
    build = facts.compose_builds.get(path)
    profiles = retired_profiles(build) if build is not None else []
    if not profiles:
        return None
    current = next((other for other_path, other in facts.compose_builds.items()
                    if other_path != path and not retired_profiles(other)
                    and development_service(other) is None), None)
    if current is None:
        return None
    return (f"only {build.service}, in the compose profile {profiles[0]}, builds it, while "
            f"{current.service} builds what ships")


def development_profiles(build: ComposeBuild) -> list[str]:
    return [p for p in build.profiles if name_words(p.lower()) & _DEVELOPMENT_PROFILES]


def _development_service(doc: Dockerfile, build: ComposeBuild, facts: RepositoryFacts) -> RoleDecision | None:
    """A file only a compose service for development builds, while a service of the same name in
    another compose file builds another Dockerfile (`docker-compose.prod.yml` builds
    `Dockerfile.prod`): that one ships, this one is for development. A file or final stage named
    for shipping is a conflict, for a person to settle."""
    why = development_service(build)
    if why is None:
        return None
    profiled = bool(development_profiles(build))
    # The other Dockerfile must be one of the repository's: a build of a path that is not there
    # (a context written for another checkout layout) ships nothing.
    shipped = next((f"{other.service} builds {path} instead" for path, other in facts.compose_builds.items()
                    if path != doc.path and other.name == build.name and other.file != build.file
                    and development_service(other) is None
                    and (not facts.dockerfile_paths or path in facts.dockerfile_paths)), None)
    if shipped is None and not profiled:
        return None
    reason = f"{why}; {shipped}" if shipped else why
    named = name_words(doc.path.rsplit("/", 1)[-1]) | name_words(doc.final_stage.name)
    if named & SHIPPED_WORDS:
        return RoleDecision(Role.SERVICE, f"{reason}, but the file or its final stage is named for shipping: "
                            "reported, not changed", conflicting=True)
    return RoleDecision(Role.DEVCONTAINER, f"an image for development: {reason}")


def _builder_folder(folder: str) -> bool:
    """`dev-builder/`, `toolchains/`: a folder of the project's build environments."""
    return bool(name_words(folder.lower()) & BUILDER_FOLDER_WORDS)


# `docker_build/`, `build-images/`, `ci_images/`: a folder of images for building or CI, named
# only so (one of the first words, the rest from the second).
_CI_IMAGE_FOLDER_WORDS = frozenset({"build", "builds", "ci"})
_IMAGE_FOLDER_WORDS = frozenset({"docker", "dockerfiles", "image", "images", "container", "containers", "env", "envs"})


def _ci_images_folder(folder: str) -> bool:
    words = name_words(folder.lower())
    return bool(words & _CI_IMAGE_FOLDER_WORDS) and words <= _CI_IMAGE_FOLDER_WORDS | _IMAGE_FOLDER_WORDS


def _build_environment(doc: Dockerfile, folders: list[str]) -> RoleDecision | None:
    """A CI image (in a CI folder, compiling or testing, starting nothing) or a workstation
    image (an IDE installed or in its base, or a Toolbx or distrobox image)."""
    final = doc.final_stage
    lineage = final.lineage()
    packages = installed(doc, *lineage)
    ide = sorted(packages & IDES) or ([final.external_base] if _IDE_BASE.search(final.external_base or "") else [])
    if ide:
        return RoleDecision(Role.CI, f"a workstation: it carries the IDE {ide[0]}")
    toolbox = _toolbox(final)
    if toolbox is not None:
        return RoleDecision(Role.CI, f"a workstation: {toolbox}, a toolbox or distrobox image to work in")
    ci_folder = next((f for f in folders if f.lower() in CI_FOLDERS or _builder_folder(f) or _ci_images_folder(f)),
                     None)
    if ci_folder is None or final.last_before("EXPOSE") is not None:
        return None
    command = container_command(final)
    if command is not None and not only_a_prompt(command[1]):
        return None
    # Headers (`libffi-dev`, `openssl-devel`) are for compiling against, as compilers are.
    tools = sorted(packages & BUILD_TOOLS) or sorted(p for p in packages if p.endswith(("-dev", "-devel")))
    base = describe_base(final.external_base).image
    toolchain = base is not None and base.familiar.rsplit("/", 1)[-1].split(":")[0] in TOOLCHAIN_BASES
    if not tools and not toolchain:
        return None
    what = f"installs {', '.join(tools[:3])}" if tools else f"builds on the toolchain {base.familiar}"
    return RoleDecision(Role.CI, f"in {ci_folder}/, {what} and starts no program: a build environment")


# Toolbx marks the images it enters with this label; distrobox uses them too.
_TOOLBOX_LABEL = lazy_compile(r"\bcom\.github\.containers\.toolbox[\"']?\s*=\s*[\"']?true\b")
TOOLBOX_WORDS = frozenset({"toolbox", "toolbx", "distrobox"})


def _toolbox(final: Stage) -> str | None:
    """How the image shows it is a Toolbx or distrobox container (a person's shell on the host's
    files, not a service): Toolbx's label, or a base named for one (`ubuntu-toolbox`,
    `quay.io/toolbx/arch-toolbox`)."""
    label = next((i for i in final.all_instructions() if i.keyword in ("LABEL", "RUN") and _TOOLBOX_LABEL.search(i.rest)),
                 None)
    if label is not None:
        return f"line {label.line} labels it com.github.containers.toolbox"
    name = (final.external_base or "").split("@", 1)[0]
    if name.rfind(":") > name.rfind("/"):
        name = name[:name.rfind(":")]  # the tag, not a registry's port
    if any(name_words(part.lower()) & TOOLBOX_WORDS for part in name.split("/")):
        return f"it builds on {name}"
    return None


def _tool(doc: Dockerfile, facts: RepositoryFacts, folders: list[str]) -> RoleDecision | None:
    """An image run as a command over the user's files (no EXPOSE): a Cloud Build builder, or it
    works in a mounted checkout or GitHub's workspace, or runs the repository's own program or a linter."""
    cloud_build = facts.cloud_build_steps.get(doc.path)
    if cloud_build is not None:
        # Cloud Build runs every step as root over /workspace: the image is a builder, a tool.
        return RoleDecision(Role.TOOL, f"a Cloud Build builder: {cloud_build} runs the image it builds as a build "
                                       "step, as root over the checkout in /workspace")
    final = doc.final_stage
    instructions = final.all_instructions()
    workspace = next((i for i in instructions if i.keyword in ("WORKDIR", "ENV", "VOLUME", "ENTRYPOINT", "CMD")
                      and _GITHUB_WORKSPACE.search(i.rest)), None)
    if workspace is not None:
        return RoleDecision(Role.TOOL, f"its {workspace.keyword} at line {workspace.line} names GitHub's workspace")
    entrypoint = final.last_before("ENTRYPOINT")
    if entrypoint is not None:
        checkout = _checkout_folder(instructions)
        if checkout:
            return RoleDecision(Role.TOOL, f"its ENTRYPOINT works in {checkout}, a mounted checkout")
        program = entrypoint.words[0].rsplit("/", 1)[-1] if entrypoint.words else ""
        # The repository's name, or Go's `cmd/<program>/` folder convention.
        named_after = {facts.name, folders[-1] if folders[-2:-1] == ["cmd"] else ""} - {""}
        if program in named_after:
            return RoleDecision(Role.TOOL, f"its ENTRYPOINT runs {program}, the program this repository builds")
    command = container_command(final)
    if command is not None:
        program = command[1][0].rsplit("/", 1)[-1]
        if _LINTER_OR_SCANNER.fullmatch(program.removesuffix(".sh")):
            return RoleDecision(Role.TOOL, f"its {command[0]} runs {program}, a linter or scanner")
    helper = next((f for f in folders if f.lower() in HELPER_FOLDERS), None)
    if helper is not None:
        return RoleDecision(Role.TOOL, f"it sits in {helper}/, exposes no port and no compose service runs it: a "
                            "helper of the repository's, run by hand", unshipped="a helper image run by hand, "
                            "that nobody ships")
    return _generator(doc, command)


def _generator(doc: Dockerfile, command: tuple[str, list[str]] | None) -> RoleDecision | None:
    """An image that installs a code generator or a package-building tool (devscripts,
    rpm-build …) and starts nothing of its own (no command, a shell or a script): built to run
    the tool over the checkout, and not shipped."""
    generator = code_generator(doc, doc.final_stage)
    if generator is not None and _starts_nothing_else(command, generator):
        return RoleDecision(Role.TOOL, f"it installs {generator}, a code generator, and {_starts(command)}: "
                            "it is run over the checkout to generate code",
                            unshipped="a code generator's image, run over the checkout, that nobody ships")
    builder = package_builder(doc, doc.final_stage)
    if builder is not None and _starts_nothing_else(command, builder):
        return RoleDecision(Role.TOOL, f"it installs {builder}, a package-building tool, and {_starts(command)}: "
                            "it is run over the checkout to build packages",
                            unshipped="a package builder's image, run over the checkout, that nobody ships")
    return None


def _starts_nothing_else(command: tuple[str, list[str]] | None, tool: str) -> bool:
    """No command of its own, a lone shell, a script, or the tool itself."""
    if command is None:
        return True
    program = command[1][0].rsplit("/", 1)[-1]
    return program.endswith(".sh") or only_a_prompt(command[1]) or program.startswith(tool)


def _starts(command: tuple[str, list[str]] | None) -> str:
    return f"its {command[0]} runs {command[1][0]}" if command else "it has no command of its own"


def _action_label(instructions: list[Instruction]) -> str | None:
    for inst in instructions:
        if inst.keyword == "LABEL":
            match = re.search(r"com\.github\.actions\.[\w-]+", inst.rest)
            if match:
                return match.group(0)
    return None


def _in_github_folder(path: str, facts: RepositoryFacts) -> str | None:
    """Why an image in .github/, GitHub's configuration folder, is one the repository's CI runs by
    name (a test server a CI compose file starts), not the product: no workflow builds it by its
    path, and no compose file outside .github/ (only CI's own); None when it is not one of those
    (an Action's image, a file named for shipping: pomerium's .github/Dockerfile-release)."""
    folders = path.split("/")[:-1]
    if folders[:1] != [".github"] or path in facts.ci_builds or path in facts.release_builds \
            or "/".join(folders) in facts.action_folders:
        return None
    build = facts.compose_builds.get(path)
    if name_words(path.rsplit("/", 1)[-1].lower()) & SHIPPED_WORDS or (build and not build.file.startswith(".github/")):
        return None
    how = f"only {build.file}, CI's compose file, builds it" if build else "no workflow builds it"
    return f"in .github/, and {how}: an image for the repository's CI"


# The comment a Dockerfile starts with saying the image is not for production ("This Dockerfile is
# for building nvm development environment only, not for any distribution/production usage").
_NOT_FOR_PRODUCTION = lazy_compile(r"\bdevelopment environment only\b|\bnot (?:for|meant for|intended for) "
                                   r"(?:any |the )?(?:distribution|production)\b", re.I)


def _not_for_production_header(doc: Dockerfile) -> str | None:
    return _first_comment_says(doc, lambda comment: _words(_NOT_FOR_PRODUCTION.search(comment)))


def tests_header(doc: Dockerfile) -> str | None:
    """The words of the comment the file starts with (before its first instruction) that say it
    is for tests; None: it says nothing of the kind."""
    return _first_comment_says(doc, lambda comment: _words(_TESTS_HEADER.search(comment.strip().lstrip("#").strip())))


def _words(match: re.Match[str] | None) -> str | None:
    return match.group(0) if match else None


def _first_comment_says(doc: Dockerfile, read: Callable[[str], str | None]) -> str | None:
    """What `read` finds in a comment line above the file's first instruction (the comment it
    starts with, which speaks of the whole file); None: it finds nothing there."""
    first_instruction = doc.instructions[0].line if doc.instructions else 1 << 30
    for line, comment in sorted(doc.parsed.comments.items()):
        if line > first_instruction:
            break
        said = read(comment)
        if said:
            return said
    return None


def _generated_header(doc: Dockerfile) -> str | None:
    return _first_comment_says(doc, generated_marker)


def container_command(stage: Stage) -> tuple[str, list[str]] | None:
    """(keyword, words) of what the container starts: the ENTRYPOINT, past launchers and
    entrypoint scripts to the CMD they hand over to; `sh -c "…"` is read as what it runs."""
    for keyword in ("ENTRYPOINT", "CMD"):
        inst = stage.last_before(keyword)
        if inst is None:
            continue
        words = past_launchers([w for w in inst.words if w])
        if not words:
            continue
        program = words[0].rsplit("/", 1)[-1]
        cmd = stage.last_before("CMD") if keyword == "ENTRYPOINT" else None
        if program in ("sh", "bash", "ash", "dash") and words[1:] == ["-c"] and cmd is not None and cmd.words:
            words = [*words, " ".join(w for w in cmd.words if w)]  # `ENTRYPOINT ["bash", "-c"]`: the CMD is its script
        if keyword == "ENTRYPOINT" and (program.endswith(".sh") or "entrypoint" in program) \
                and stage.last_before("CMD") is not None:
            continue  # an entrypoint script hands over to the CMD
        if program in ("sh", "bash", "ash", "dash") and len(words) >= 3 and words[1] == "-c":
            words = words[2].split() or words
        return keyword, words
    return None


# Programs that only print: a container whose command runs nothing else does nothing a user or a
# size could matter to (a notice image, a builder whose files are copied out).
PRINTERS = frozenset({"echo", "printf"})


def only_prints(words: list[str]) -> bool:
    """Whether the container's command only prints (and exits): `echo starting; exec app` does
    more."""
    programs = [c.argv[0].value.rsplit("/", 1)[-1] for c in split_commands(" ".join(words)).commands if c.argv]
    return bool(programs) and programs[0] in PRINTERS and set(programs) <= PRINTERS | {"exit", "false", "true"}


def past_launchers(words: list[str]) -> list[str]:
    """`tini -g -- app` → `app`: launchers, their options and `--` left out."""
    while words and words[0].rsplit("/", 1)[-1] in LAUNCHERS:
        words = words[1:]
        while words and words[0].startswith("-"):
            words = words[1:]
    return words


def _checkout_folder(instructions: list[Instruction]) -> str | None:
    for inst in reversed(instructions):
        if inst.keyword in ("WORKDIR", "VOLUME"):
            for word in inst.words:
                folder = word.strip("\"'").rstrip("/")
                if folder in CHECKOUT_FOLDERS:
                    return folder
    return None
