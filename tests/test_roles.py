"""What each Dockerfile is for: the role hardenbot decides, from the file, its path and the
repository, and what that changes in a run."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import load_config
from bot.dockerfile.bases import describe_base
from bot.dockerfile.model import Dockerfile
from bot.dockerfile.roles import ComposeBuild, RepositoryFacts, decide_role, development_service
from bot.model.roles import Role
from bot.model.verify_settings import BuildPlan
from bot.run import build_plans, process
from bot.sources.compose import referenced_files
from bot.sources.globs import glob_matches
from bot.sources.usage_docs import current_folder_mounts
from tests.conftest import FIXTURES
from tests.helpers import read
from tests.test_cli import write

CASES = sorted((FIXTURES / "roles").glob("*.in.Dockerfile"))


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name.removesuffix(".in.Dockerfile"))
def test_role_decided_from_the_file(case: Path):
    expected = case.with_name(case.name.replace(".in.Dockerfile", ".role")).read_text().strip()
    doc = Dockerfile.parse(read(case), "Dockerfile")
    assert str(decide_role(doc, RepositoryFacts(), glob_matches)) == expected


SERVICE = 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]\n'
TOOL = 'FROM golang:1.23-alpine\nCOPY shfmt /usr/local/bin/shfmt\nENTRYPOINT ["shfmt"]\n'

LAUNCHER = 'FROM debian:bookworm-slim\nCOPY . /container\nRUN /container/build.sh\nENTRYPOINT ["/container/tool/run"]\n'
CI_IMAGE = "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y gcc make cmake git\n"
WORKSTATION = ("FROM us-central1-docker.pkg.dev/cloud-workstations-images/predefined/code-oss:latest\n"
               "RUN apt-get update && apt-get install -y golang\n")
DEV_LAST = """FROM python:3.12-slim AS {shipped}
COPY . /app
CMD ["gunicorn", "app:app"]

FROM {shipped} AS debug
RUN apt-get update && apt-get install -y gdb
"""


RELOADED_TOOLS = "FROM golang:1.22\nWORKDIR /offen\nRUN go install github.com/markbates/refresh@latest\n"
RELOADED = ComposeBuild("docker-compose.yml service server", file="docker-compose.yml", name="server",
                        bind_mounts=("/offen",), source_mounts=("/offen",), command=("refresh", "run"))


@pytest.mark.parametrize("path, text, facts, expected", [
    (".devcontainer/Dockerfile", SERVICE, RepositoryFacts(), "devcontainer (in .devcontainer/)"),
    ("pkg/parser/testdata/Dockerfile", SERVICE, RepositoryFacts(), "test fixture (in testdata/)"),
    ("tests/checks/root_user/Dockerfile", SERVICE, RepositoryFacts(),
     "test fixture (in tests/, and no compose file builds it)"),
    ("src/cart/Dockerfile.debug", SERVICE, RepositoryFacts(), "devcontainer (a development variant (Dockerfile.debug))"),
    ("docker/Dockerfile.dev.ui", SERVICE, RepositoryFacts(), "devcontainer (a development variant (Dockerfile.dev.ui))"),
    ("docker/Dockerfile.devices", SERVICE, RepositoryFacts(), "service image (CMD runs python /app/main.py)"),
    (".codesandbox/Dockerfile", SERVICE, RepositoryFacts(), "devcontainer (in .codesandbox/)"),
    ("dev/docker/Dockerfile", SERVICE, RepositoryFacts(), "devcontainer (in dev/)"),
    ("deployment/docker/debug/Dockerfile", SERVICE, RepositoryFacts(), "devcontainer (in debug/)"),
    (".gitpod.Dockerfile", SERVICE, RepositoryFacts(), "devcontainer (a development variant (.gitpod.Dockerfile))"),
    ("docker/Dockerfile.tarantool.dev_env", SERVICE, RepositoryFacts(),
     "devcontainer (a development variant (Dockerfile.tarantool.dev_env))"),
    ("Dockerfile.devel", SERVICE, RepositoryFacts(), "service image (CMD runs python /app/main.py)"),  # a published developer image
    (".data/Dockerfile.test-image", SERVICE, RepositoryFacts(),
     "test fixture (a test variant (Dockerfile.test-image), and no compose file builds it)"),
    ("api/e2e.Dockerfile", SERVICE, RepositoryFacts(), "test fixture (a test variant (e2e.Dockerfile), and no compose file builds it)"),
    # Named for a browser test framework: the end-to-end tests run in it.
    (".github/ceph/Dockerfile", SERVICE, RepositoryFacts(),
     "CI image (in .github/, and no workflow builds it: an image for the repository's CI)"),
    (".github/Dockerfile-cloudrun", SERVICE, RepositoryFacts(release_builds=frozenset({".github/Dockerfile-cloudrun"})),
     "service image (CMD runs python /app/main.py)"),  # GoReleaser releases it
    (".github/Dockerfile-release", SERVICE, RepositoryFacts(), "service image (CMD runs python /app/main.py)"),
    (".github/pykmip/Dockerfile", SERVICE, RepositoryFacts(ci_builds=frozenset({".github/pykmip/Dockerfile"})),
     "service image (CMD runs python /app/main.py)"),
    ("src/shadowbox/integration_test/target/Dockerfile", SERVICE, RepositoryFacts(),
     "test fixture (in integration_test/, and no compose file builds it)"),
    ("services/test-certs/Dockerfile", SERVICE, RepositoryFacts(), "service image (CMD runs python /app/main.py)"),
    ("e2e-playground/mocks/mock-oauth/Dockerfile", SERVICE, RepositoryFacts(),
     "test fixture (in e2e-playground/, and no compose file builds it)"),
    ("tools/mocks/sms-sink/Dockerfile", SERVICE, RepositoryFacts(), "test fixture (in mocks/, and no compose file builds it)"),
    ("fstest/testserver/images/test-hdfs/Dockerfile", SERVICE, RepositoryFacts(),
     "test fixture (in testserver/, and no compose file builds it)"),
    ("Dockerfile.golang", RELOADED_TOOLS, RepositoryFacts(compose_builds={"Dockerfile.golang": RELOADED}),
     "devcontainer (docker-compose.yml service server mounts the source at /offen and runs refresh run there, in an "
     "image that starts nothing of its own)"),
    # With a command of its own the image may ship; compose runs it its way here.
    ("Dockerfile.golang", RELOADED_TOOLS + 'CMD ["offen"]\n', RepositoryFacts(compose_builds={"Dockerfile.golang": RELOADED}),
     "service image (built by docker-compose.yml service server)"),
    ("Dockerfile.integration", SERVICE, RepositoryFacts(),
     "test fixture (a test variant (Dockerfile.integration), and no compose file builds it)"),
    ("Dockerfile.derper", "# For testing purposes only\n\n" + SERVICE, RepositoryFacts(),
     "test fixture (its first comment says so ('For testing purposes only'), and no compose file builds it)"),
    ("Dockerfile", "### Dockerfile for integration tests ###\n" + SERVICE, RepositoryFacts(),
     "test fixture (its first comment says so ('Dockerfile for integration tests'), and no compose file builds it)"),
    # Only the comment the file starts with: one above a later step speaks of that step.
    ("Dockerfile", SERVICE.replace("COPY", "# for testing only\nCOPY"), RepositoryFacts(),
     "service image (CMD runs python /app/main.py)"),
    ("Dockerfile", "# Run the tests for the app: docker run app pytest\n" + SERVICE, RepositoryFacts(),
     "service image (CMD runs python /app/main.py)"),
    ("frontend/Dockerfile.playwright", SERVICE, RepositoryFacts(),
     "test fixture (a test variant (Dockerfile.playwright), and no compose file builds it)"),
    ("Dockerfile.testnet", SERVICE, RepositoryFacts(), "service image (CMD runs python /app/main.py)"),
    ("Dockerfile.integration-tests-debian", SERVICE, RepositoryFacts(),
     "test fixture (a test variant (Dockerfile.integration-tests-debian), and no compose file builds it)"),
    # A test variant built only by a development compose file, or by a service named for tests.
    ("Dockerfile.integration-tests-debian", SERVICE,
     RepositoryFacts(compose_builds={"Dockerfile.integration-tests-debian": ComposeBuild(
         "docker-compose.override.dev.yml service browser", "docker-compose.override.dev.yml")}),
     "test fixture (a test variant (Dockerfile.integration-tests-debian), and only docker-compose.override.dev.yml, "
     "for development, builds it)"),
    ("Dockerfile.integration-tests-debian", SERVICE,
     RepositoryFacts(compose_builds={"Dockerfile.integration-tests-debian": ComposeBuild(
         "docker-compose.yml service integration-tests", "docker-compose.yml", name="integration-tests")}),
     "test fixture (a test variant (Dockerfile.integration-tests-debian), and only docker-compose.yml, "
     "a test setup, builds it)"),
    # Compose runs the checkout mounted over the image, and CI builds what ships from another file.
    ("data/infra/php.Dockerfile", SERVICE,
     RepositoryFacts(compose_builds={"data/infra/php.Dockerfile": ComposeBuild(
         "docker-compose.yml service php", "docker-compose.yml", source_mounts=("/home/app/www",))},
         ci_builds=frozenset({"Dockerfile"})),
     "devcontainer (docker-compose.yml service php mounts the source at /home/app/www, and CI builds Dockerfile, "
     "not this file)"),
    ("Dockerfile", SERVICE,
     RepositoryFacts(compose_builds={"Dockerfile": ComposeBuild(
         "docker-compose.yml service php", "docker-compose.yml", source_mounts=("/home/app/www",))},
         ci_builds=frozenset({"Dockerfile"})),
     "service image (built by docker-compose.yml service php)"),
    # Compose mounts the source and tags what it builds for development.
    ("Dockerfile", SERVICE, RepositoryFacts(compose_builds={"Dockerfile": ComposeBuild(
        "docker-compose.example.yml service web", "docker-compose.example.yml", source_mounts=("/app",),
        image="development")}),
     "devcontainer (docker-compose.example.yml service web mounts the source at /app, and tags the image development, "
     "for development)"),
    ("Dockerfile", SERVICE, RepositoryFacts(compose_builds={"Dockerfile": ComposeBuild(
        "compose.yaml service web", "compose.yaml", image="acme/app:development")}),
     "service image (built by compose.yaml service web)"),  # no source mounted: a tag alone says little
    # The command that runs the tests: the image's (a `bash -c` ENTRYPOINT runs the CMD as its
    # script), or the one compose gives the service.
    ("docker/Dockerfile.s3tests", 'FROM python:3.12\nWORKDIR /opt/s3-tests\nENTRYPOINT ["/bin/bash", "-c"]\n'
     'CMD ["sleep 30 && exec ./virtualenv/bin/nosetests ${NOSETESTS_OPTIONS-}"]\n', RepositoryFacts(),
     "test fixture (its ENTRYPOINT runs the tests (nosetests))"),
    # A make target named for a kind of test run.
    ("harness/Dockerfile", 'FROM golang:1.22-alpine\nCOPY . /src\nWORKDIR /src\nCMD ["make", "integration"]\n',
     RepositoryFacts(), "test fixture (its CMD runs the tests (make integration))"),
    ("harness/Dockerfile", 'FROM golang:1.22-alpine\nCOPY . /src\nWORKDIR /src\nCMD ["make", "test-e2e"]\n',
     RepositoryFacts(), "test fixture (its CMD runs the tests (make test-e2e))"),
    ("e2e-runner/Dockerfile", 'FROM cypress/included:15\nCOPY . /test\nENTRYPOINT []\nCMD ["cypress", "run"]\n',
     RepositoryFacts(compose_builds={"e2e-runner/Dockerfile": ComposeBuild(
         "docker/compose.ci.yml service cypress", "docker/compose.ci.yml", command=("cypress", "run", "--browser", "chrome"))}),
     "test fixture (its CMD and docker/compose.ci.yml service cypress's command run the tests (cypress run))"),
    # An app image a compose service runs the tests in is still the app's.
    ("Dockerfile", SERVICE, RepositoryFacts(compose_builds={"Dockerfile": ComposeBuild(
        "compose.yaml service test", "compose.yaml", command=("pytest", "-q"))}),
     "service image (built by compose.yaml service test)"),
    # Compose runs the checkout mounted over an image whose own command is a reloading dev server.
    ("frontend/Dockerfile", 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nCMD ["pnpm", "run", "dev"]\n',
     RepositoryFacts(compose_builds={"frontend/Dockerfile": ComposeBuild(
         "docker-compose.yml service frontend", "docker-compose.yml", source_mounts=("/app/",))}),
     "devcontainer (docker-compose.yml service frontend mounts the source at /app/, and its CMD runs pnpm run dev, "
     "a development server that reloads it)"),
    # ... not without the mount, nor when the service starts another command.
    ("frontend/Dockerfile", 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nCMD ["pnpm", "run", "dev"]\n',
     RepositoryFacts(compose_builds={"frontend/Dockerfile": ComposeBuild(
         "docker-compose.yml service frontend", "docker-compose.yml")}),
     "service image (built by docker-compose.yml service frontend)"),
    ("frontend/Dockerfile", 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nCMD ["pnpm", "run", "dev"]\n',
     RepositoryFacts(compose_builds={"frontend/Dockerfile": ComposeBuild(
         "docker-compose.yml service frontend", "docker-compose.yml", source_mounts=("/app/",),
         command=("node", "server.js"))}),
     "service image (built by docker-compose.yml service frontend)"),
    # Compose runs the checkout mounted over an image that carries a debugger.
    ("data/infra/php.Dockerfile", "FROM php:8.3-fpm-alpine\nRUN pecl install xdebug && docker-php-ext-enable xdebug\n"
     'CMD ["php-fpm"]\n',
     RepositoryFacts(compose_builds={"data/infra/php.Dockerfile": ComposeBuild(
         "docker-compose.yml service php", "docker-compose.yml", source_mounts=("/home/app/www",))}),
     "devcontainer (docker-compose.yml service php mounts the source at /home/app/www, and the image installs "
     "xdebug, a debugger)"),
    # … also in a versioned folder (Laravel Sail's `docker/8.4/`): how compose runs it outweighs the folder.
    ("docker/8.4/Dockerfile", "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y php8.4-cli php8.4-xdebug\n"
     'ENTRYPOINT ["start-container"]\n',
     RepositoryFacts(compose_builds={"docker/8.4/Dockerfile": ComposeBuild(
         "compose.yaml service laravel.test", "compose.yaml", source_mounts=("/var/www/html",))}),
     "devcontainer (compose.yaml service laravel.test mounts the source at /var/www/html, and the image installs "
     "xdebug, a debugger)"),
    # … while a versioned folder no compose service runs that way stays a base.
    ("docker/8.4/Dockerfile", "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y php8.4-cli php8.4-xdebug\n"
     'ENTRYPOINT ["start-container"]\n', RepositoryFacts(), "base image (a versioned-directory layout (8.4/))"),
    # A benchmark harness with its own compose file inside the benchmark folder.
    ("dex/benchmark/docker/Dockerfile", SERVICE,
     RepositoryFacts(compose_builds={"dex/benchmark/docker/Dockerfile": ComposeBuild(
         "dex/benchmark/compose.yaml service bench", "dex/benchmark/compose.yaml")}),
     "test fixture (in benchmark/, and only dex/benchmark/compose.yaml, a test setup, builds it)"),
    # Only a compose file for tests builds it, while CI builds the repository's other Dockerfile.
    ("Dockerfile", SERVICE,
     RepositoryFacts(compose_builds={"Dockerfile": ComposeBuild("docker-compose.test.yml service server",
                                                                "docker-compose.test.yml")},
                     ci_builds=frozenset({"rust/Dockerfile"})),
     "test fixture (only docker-compose.test.yml, a test setup, builds it, while CI builds rust/Dockerfile)"),
    # … but not when CI builds it too, nor when nothing says where CI builds.
    ("Dockerfile", SERVICE,
     RepositoryFacts(compose_builds={"Dockerfile": ComposeBuild("docker-compose.test.yml service server",
                                                                "docker-compose.test.yml")},
                     ci_builds=frozenset({"Dockerfile"})),
     "service image (built by docker-compose.test.yml service server)"),
    ("Dockerfile", SERVICE,
     RepositoryFacts(compose_builds={"Dockerfile": ComposeBuild("docker-compose.test.yml service server",
                                                                "docker-compose.test.yml")}),
     "service image (built by docker-compose.test.yml service server)"),
    ("Dockerfile.test", SERVICE, RepositoryFacts(compose_builds={"Dockerfile.test": ComposeBuild("compose.yaml service api", "compose.yaml")}),
     "service image (built by compose.yaml service api)"),
    ("3.12/slim-bookworm/Dockerfile", SERVICE, RepositoryFacts(),
     "base image (a versioned-directory layout (3.12/))"),
    ("cmd/shfmt/Dockerfile", TOOL, RepositoryFacts(), "tool image (its ENTRYPOINT runs shfmt, the program this repository builds)"),
    ("Dockerfile", TOOL, RepositoryFacts(name="shfmt"), "tool image (its ENTRYPOINT runs shfmt, the program this repository builds)"),
    ("Dockerfile", TOOL, RepositoryFacts(action_folders=frozenset({""})), "tool image (a GitHub Action's image (action.yml beside it))"),
    ("samples/app/Dockerfile", TOOL.replace("shfmt", "orders"), RepositoryFacts(), "service image (ENTRYPOINT runs orders)"),
    ("samples/app/Dockerfile", TOOL, RepositoryFacts(), "tool image (its ENTRYPOINT runs shfmt, a linter or scanner)"),
    # The usage docs show a Dockerfile built FROM the image the repository is named for.
    ("image/Dockerfile", LAUNCHER, RepositoryFacts(name="docker-light-baseimage",
                                                   documented_bases=(("README.md:153", "osixia/light-baseimage:1.3.1"),)),
     "base image (README.md:153 shows images built FROM osixia/light-baseimage:1.3.1, the image this repository builds)"),
    ("Dockerfile", LAUNCHER, RepositoryFacts(name="baseimage-docker",
                                             documented_bases=(("docs/use.md:4", "docker.io/acme/baseimage"),)),
     "base image (docs/use.md:4 shows images built FROM docker.io/acme/baseimage, the image this repository builds)"),
    # ... not an image the repository is named for, nor one this file builds FROM itself.
    ("image/Dockerfile", LAUNCHER, RepositoryFacts(name="shop", documented_bases=(("README.md:3", "osixia/light-baseimage"),)),
     "service image (ENTRYPOINT runs run)"),
    ("Dockerfile", SERVICE, RepositoryFacts(name="docker-python", documented_bases=(("README.md:3", "python:3.12-slim"),)),
     "service image (CMD runs python /app/main.py)"),
    # ... unless a compose file runs that image as a service, pulled by name: the sample customises it.
    ("Dockerfile", 'FROM alpine:3.20\nCOPY ntfy /usr/bin/ntfy\nEXPOSE 80/tcp\nENTRYPOINT ["ntfy"]\n',
     RepositoryFacts(name="ntfy", documented_bases=(("docs/install.md:310", "binwiederhier/ntfy"),),
                     own_image_mounts=(("docker-compose.yml service ntfy", "a host folder mounted at /etc/ntfy"),)),
     "service image (EXPOSE 80/tcp)"),
    # A compose service that builds it is stronger evidence.
    ("Dockerfile", LAUNCHER, RepositoryFacts(name="light-baseimage", documented_bases=(("README.md:3", "light-baseimage"),),
                                             compose_builds={"Dockerfile": ComposeBuild("compose.yaml service app", "compose.yaml")}),
     "service image (built by compose.yaml service app)"),
    ("docker/base/Dockerfile", SERVICE, RepositoryFacts(overrides=(("docker/base/**", Role.BASE),)),
     "base image (configured for docker/base/**)"),
    ("ci/Dockerfile", CI_IMAGE, RepositoryFacts(),
     "CI image (in ci/, installs cmake, gcc, make and starts no program: a build environment)"),
    ("docker_build/grunt/Dockerfile", CI_IMAGE, RepositoryFacts(),
     "CI image (in docker_build/, installs cmake, gcc, make and starts no program: a build environment)"),
    ("docker/Dockerfile", CI_IMAGE, RepositoryFacts(),  # a folder named docker alone says nothing
     "base image (no CMD or ENTRYPOINT of its own: it is built FROM)"),
    # Headers installed to compile against, in a builder folder: a build environment too.
    (".ci-dockerfiles/stdlib-builder/Dockerfile", "FROM ghcr.io/acme/lang:release\nRUN apk add --no-cache libffi-dev "
     "python3-dev py3-pip && pip3 install mkdocs\n", RepositoryFacts(),
     "CI image (in stdlib-builder/, installs libffi-dev, python3-dev and starts no program: a build environment)"),
    # Beside the workflows: an image a workflow builds for its own run.
    (".github/workflows/cluster-test/Dockerfile", SERVICE, RepositoryFacts(),
     "CI image (in .github/workflows/, beside the workflows: an image a workflow builds for its own run)"),
    # A login shell is a prompt too: a CI runner's image.
    ("docker/ci/dockerfiles/build.almalinux8.x64.dockerfile", "FROM almalinux:8\nRUN dnf install -y gcc make "
     "python39\nCMD [\"/bin/bash\", \"-l\"]\n", RepositoryFacts(),
     "CI image (in ci/, installs gcc, make and starts no program: a build environment)"),
    ("Dockerfile", 'FROM debian:12\nCMD ["/bin/bash", "-l"]\n', RepositoryFacts(),
     "base image (CMD runs only bash, a prompt for images built FROM it)"),
    (".github/docker/Dockerfile", "FROM golang:1.23\nRUN go install gotest.tools/gotestsum@v1.12.0\n", RepositoryFacts(),
     "CI image (in .github/, builds on the toolchain golang and starts no program: a build environment)"),
    ("workstation/Dockerfile", WORKSTATION, RepositoryFacts(),
     "CI image (a workstation: it carries the IDE us-central1-docker.pkg.dev/cloud-workstations-images/predefined/"
     "code-oss:latest)"),
    ("tools/Dockerfile", "FROM debian:12\nRUN apt-get install -y code-server\nEXPOSE 8080\n", RepositoryFacts(),
     "CI image (a workstation: it carries the IDE code-server)"),
    # A container that only builds: what it makes is copied out.
    ("docker/build_whl.dockerfile", "FROM ubuntu:22.04\nRUN apt-get install -y make python3-pip\nWORKDIR /src\nCOPY . .\n"
     "CMD echo '--- Making whl' && make dist\n", RepositoryFacts(),
     "CI image (its CMD only builds (make dist): a build environment, what it makes is copied out)"),
    ("Dockerfile", "FROM node:22\nWORKDIR /app\nCOPY . .\nCMD npm run build && npm start\n", RepositoryFacts(),
     "service image (CMD runs npm)"),
    # Toolbx and distrobox images are a person's shell, even when they boot an init.
    ("apps/docker/Containerfile", "FROM ghcr.io/acme/ubuntu-toolbox:latest\nRUN apt-get install -y docker-ce\n"
     'CMD ["/sbin/init"]\n', RepositoryFacts(),
     "CI image (a workstation: it builds on ghcr.io/acme/ubuntu-toolbox, a toolbox or distrobox image to work in)"),
    ("box/Containerfile", 'FROM fedora:41\nLABEL com.github.containers.toolbox="true"\nRUN dnf install -y git\n'
     'CMD ["/bin/bash"]\n', RepositoryFacts(),
     "CI image (a workstation: line 2 labels it com.github.containers.toolbox, a toolbox or distrobox image to work in)"),
    ("Dockerfile", 'FROM registry.local:5000/toolchain:1\nCMD ["/app"]\n', RepositoryFacts(),
     "service image (CMD runs app)"),  # a registry's port is not a tag: no toolbox word
    # Not build environments: a CI folder's image with nothing to compile, a shipped stage after a builder.
    ("ci/Dockerfile", "FROM alpine:3.20\nRUN apk add --no-cache curl\n", RepositoryFacts(),
     "base image (no CMD or ENTRYPOINT of its own: it is built FROM)"),
    ("build/package/Dockerfile", "FROM gcc:13 AS build\nRUN make\nFROM debian:12-slim\nCOPY --from=build /app /app\n"
     'CMD ["/app/server"]\n', RepositoryFacts(), "service image (CMD runs server)"),
    # A stage a CI workflow builds by name ships, whatever it is called.
    ("Dockerfile", DEV_LAST.format(shipped="app"), RepositoryFacts(ci_targets=frozenset({"app"})),
     "service image (CMD runs gunicorn; app ships (a CI build targets app): the last stage, debug, is for "
     "development (named debug, installs gdb))"),
    ("Dockerfile", DEV_LAST.format(shipped="app"), RepositoryFacts(),
     "devcontainer (the last stage, debug, is for development (named debug, installs gdb))"),
    ("Dockerfile", DEV_LAST.format(shipped="runtime"), RepositoryFacts(),
     "service image (CMD runs gunicorn; runtime ships (the stage runtime is named for shipping): the last stage, "
     "debug, is for development (named debug, installs gdb))"),
])
def test_role_decided_from_the_path_and_the_repository(path, text, facts, expected):
    assert str(decide_role(Dockerfile.parse(text, path), facts, glob_matches)) == expected


MULTI_STAGE = """FROM python:3.12-slim AS builder
WORKDIR /app
COPY . .
CMD ["python", "app.py"]

FROM builder AS dev-envs
{dev}CMD ["sleep", "infinity"]
"""
COMPOSE_TARGET = "services:\n  web:\n    build:\n      context: app\n      target: builder\n"


def test_compose_target_is_the_stage_that_ships(tmp_path, capsys):
    write(tmp_path, "app/Dockerfile", MULTI_STAGE.format(dev=""))
    write(tmp_path, "compose.yaml", COMPOSE_TARGET)
    assert main(["fix", "--offline", "--select", "HB001", str(tmp_path)]) == 0
    hardened = (tmp_path / "app/Dockerfile").read_text()
    # USER lands in builder, above its CMD, not in the dev-envs stage compose never builds.
    assert hardened.index("USER 10001:10001") < hardened.index('CMD ["python", "app.py"]') < hardened.index("dev-envs")
    assert "app/Dockerfile: service image (built by compose.yaml service web)" in capsys.readouterr().out


def test_no_user_where_a_stage_built_on_it_runs_as_root(tmp_path, capsys):
    text = MULTI_STAGE.format(dev="RUN apt-get update && apt-get install -y git\n")
    write(tmp_path, "app/Dockerfile", text)
    write(tmp_path, "compose.yaml", COMPOSE_TARGET)
    assert main(["fix", "--offline", "--select", "HB001,DL3009,DL3015", str(tmp_path)]) == 0
    assert (tmp_path / "app/Dockerfile").read_text() == text  # dev-envs does not ship: its RUN is left alone
    assert "the stage dev-envs is built on it and would run its RUNs as the new user" in capsys.readouterr().out


def test_no_user_where_another_dockerfile_builds_on_the_image_a_workflow_pushes(tmp_path, capsys):
    write(tmp_path, "Dockerfile", SERVICE)
    write(tmp_path, "tools/migrate/Dockerfile", "FROM acme/shop:latest\nRUN pip install redis\nCMD [\"migrate\"]\n")
    write(tmp_path, ".github/workflows/release.yml", """on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/build-push-action@v6
        with:
          push: true
          tags: "docker.io/acme/shop:${{ github.sha }}, docker.io/acme/shop:latest"
""")
    assert main(["fix", "--offline", "--select", "HB001", str(tmp_path)]) == 0
    assert (tmp_path / "Dockerfile").read_text() == SERVICE
    assert ("tools/migrate/Dockerfile is built FROM acme/shop:latest, the image a workflow pushes this file's build as"
            in capsys.readouterr().out)


def test_compose_bind_mounts_make_the_user_change_a_report(tmp_path, capsys):
    write(tmp_path, "flags/Dockerfile", SERVICE)
    write(tmp_path, "compose.yaml", "services:\n  flags:\n    build: ./flags\n    volumes:\n"
                                    "      - ./data:/app/data\n      - cache:/var/cache\n")
    assert main(["check", "--offline", "--select", "HB001", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "compose.yaml service flags mounts host folders at /app/data" in out and "[fixable]" not in out


@pytest.mark.parametrize("overlay, reported", [
    ("docker-compose.seed.yml", True),  # `docker compose -f docker-compose.yml -f docker-compose.seed.yml`
    ("docker-compose.override.yml", False),  # a developer's own additions, read-only certificates and source
    ("docker-compose.hot.yml", False),
])
def test_mounts_another_compose_file_adds_to_the_service_that_builds_the_image_count(tmp_path, capsys, overlay,
                                                                                     reported):
    write(tmp_path, "Dockerfile", SERVICE)
    write(tmp_path, "docker-compose.yml", "services:\n  api:\n    build: .\n  seed:\n    build: .\n")
    write(tmp_path, overlay, "services:\n  seed:\n    image: acme/api\n    volumes:\n"
                             "      - ./docker/seed.sh:/app/seed.sh\n    entrypoint: [\"./seed.sh\"]\n")
    assert main(["check", "--offline", "--select", "HB001", str(tmp_path)]) == (0 if reported else 1)  # 1: fixable
    out = capsys.readouterr().out
    assert ("docker-compose.yml service api mounts host folders at /app/seed.sh" in out) is reported
    assert ("[fixable]" not in out) is reported


def test_host_folders_mounted_into_the_repositorys_own_image_pulled_by_name_make_the_user_change_a_report(
        tmp_path, capsys):
    repository = tmp_path / "Flowise"
    write(repository, "docker/Dockerfile", SERVICE)
    write(repository, "docker/compose.yaml", "services:\n  flowise:\n    image: flowiseai/flowise:latest\n"
                                             "    volumes:\n      - ~/.flowise:/root/.flowise\n")
    assert main(["check", "--offline", "--select", "HB001", str(repository)]) == 0
    out = capsys.readouterr().out
    assert ("docker/compose.yaml service flowise runs this repository's image with a host folder mounted at "
            "/root/.flowise") in out and "[fixable]" not in out
    # Another image's mounts say nothing about this one.
    write(repository, "docker/compose.yaml", "services:\n  cache:\n    image: redis:7\n    volumes:\n      - ./r:/data\n")
    assert main(["check", "--offline", "--select", "HB001", str(repository)]) == 1
    assert "[fixable]" in capsys.readouterr().out


@pytest.mark.parametrize("given, said", [
    ("    devices:\n      - '/dev/serial/by-id/stick:/dev/zwave'\n", "with the device /dev/zwave"),
    ("    volumes:\n      - zwave-config:/usr/src/app/store\n", "with a volume mounted at /usr/src/app/store"),
])
def test_volumes_and_devices_given_to_the_repositorys_own_image_make_the_user_change_a_report(
        tmp_path, capsys, given, said):
    repository = tmp_path / "zwave-js-ui"
    write(repository, "docker/Dockerfile", SERVICE)
    write(repository, "docker/docker-compose.yml", f"services:\n  zwave-js-ui:\n    image: zwavejs/zwave-js-ui:latest\n{given}")
    assert main(["check", "--offline", "--select", "HB001", str(repository)]) == 0
    out = capsys.readouterr().out
    assert f"docker/docker-compose.yml service zwave-js-ui runs this repository's image {said}" in out


@pytest.mark.parametrize("image, own", [
    ("ghcr.io/hatchet-dev/hatchet/hatchet-api:${LATEST_TAG}", True),  # a path component, the tag a variable
    ("hatchetdev/hatchet-engine:v1", True),  # a name the repository's starts
    ("localhost:5000/hatchet", True),
    ("redis:7", False),
    ("acme/hatchetery:1", False),
])
def test_the_repositorys_own_images_are_known_by_their_names(tmp_path, capsys, image, own):
    repository = tmp_path / "hatchet"
    write(repository, "build/servers.dockerfile", SERVICE)
    write(repository, "compose.yaml", f"services:\n  api:\n    image: {image}\n    volumes:\n      - ./generated:/hatchet/generated\n")
    main(["check", "--offline", "--select", "HB001", str(repository)])
    out = capsys.readouterr().out
    assert ("compose.yaml service api runs this repository's image with a host folder mounted at /hatchet/generated"
            in out) is own


def test_devices_given_to_the_service_that_builds_the_image_make_the_user_change_a_report(tmp_path, capsys):
    write(tmp_path, "Dockerfile", SERVICE)
    write(tmp_path, "compose.yaml", "services:\n  app:\n    build: .\n    devices:\n      - /dev/ttyUSB0\n")
    assert main(["check", "--offline", "--select", "HB001", str(tmp_path)]) == 0
    assert "app runs it with devices: /dev/ttyUSB0, which only root can use" in capsys.readouterr().out


def test_compose_named_volumes_are_kept_data_so_the_user_change_is_a_report(tmp_path, capsys):
    write(tmp_path, "flags/Dockerfile", SERVICE)
    write(tmp_path, "compose.yaml", "services:\n  flags:\n    build: ./flags\n    volumes:\n"
                                    "      - db:/var/lib/flags\n      - /tmp\nvolumes:\n  db:\n")
    assert main(["check", "--offline", "--select", "HB001", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "the volume compose.yaml service flags mounts at /var/lib/flags holds data the app keeps" in out
    assert "[fixable]" not in out


def test_a_folder_the_usage_docs_mount_makes_the_user_change_a_report(tmp_path, capsys):
    dockerfile = "FROM alpine:3.20\nENV APP_DIR=/appdata\nWORKDIR /srv\nCOPY app /srv/app\nCMD [\"/srv/app\"]\n"
    write(tmp_path, "Dockerfile", dockerfile)
    write(tmp_path, "docs/usage.md", "Run it:\n\n```sh\ndocker run -d -p 8080:8080 \\\n  -v $(pwd):/appdata example/app\n```\n")
    assert main(["check", "--offline", "--select", "HB001", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "docs/usage.md runs it with a folder mounted at /appdata, which a new user may not be able to write" in out
    write(tmp_path, "docs/usage.md", "docker run -v $(pwd)/config:/etc/other example/app\n")  # a path the image never names
    assert main(["check", "--offline", "--select", "HB001", str(tmp_path)]) == 1
    assert "[fixable]" in capsys.readouterr().out


def test_a_folder_nested_docs_mount_inside_the_working_folder_makes_the_user_change_a_report(tmp_path, capsys):
    write(tmp_path, "Dockerfile", "FROM node:18-alpine\nWORKDIR /app\nCOPY . ./\nEXPOSE 5055\nCMD [\"yarn\", \"start\"]\n")
    write(tmp_path, "docs/getting-started/installation.md",
          "```bash\ndocker run -d \\\n  -v /path/to/appdata/config:/app/config \\\n  -p 5055:5055 acme/app\n```\n")
    assert main(["check", "--offline", "--select", "HB001", str(tmp_path)]) == 0
    assert ("docs/getting-started/installation.md runs it with a folder mounted at /app/config"
            in capsys.readouterr().out)


def test_a_top_level_folder_the_docs_mount_makes_the_user_change_a_report_when_no_workdir_is_set(tmp_path, capsys):
    write(tmp_path, "image/Dockerfile", "FROM ubuntu:24.04\nCOPY greptime /greptime/bin/\nENTRYPOINT [\"greptime\"]\n")
    write(tmp_path, "README.md", "docker run -p 4000:4000 -v \"$(pwd)/data:/greptimedb_data\" acme/db standalone start\n")
    assert main(["check", "--offline", "--select", "HB001", str(tmp_path)]) == 0
    assert "README.md runs it with a folder mounted at /greptimedb_data" in capsys.readouterr().out
    write(tmp_path, "image/Dockerfile", "FROM ubuntu:24.04\nWORKDIR /srv\nCOPY greptime /srv/\nENTRYPOINT [\"./greptime\"]\n")
    assert main(["check", "--offline", "--select", "HB001", str(tmp_path)]) == 1  # it works in /srv: not there


def test_the_variants_of_a_builder_folder_are_build_environments(tmp_path, capsys):
    image = "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y build-essential protobuf-compiler\n"
    for folder in ("dev-builder", "images"):
        for variant in ("ubuntu", "centos"):
            write(tmp_path, f"docker/{folder}/{variant}/Dockerfile", image)
    main(["check", "--offline", "--select", "DL3009", str(tmp_path)])
    out = capsys.readouterr().out
    assert "docker/images/ubuntu/Dockerfile:2: DL3009 apt-get lists are left in the image [fixable]" in out  # a base
    assert "dev-builder" not in out  # CI images: their build tools and lists are the point


def test_a_mount_compose_gives_the_same_apps_other_image_inside_the_working_folder_makes_a_report(tmp_path, capsys):
    write(tmp_path, "server/Dockerfile", "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nEXPOSE 8000\n"
                                          "CMD [\"uvicorn\", \"main:app\"]\n")
    write(tmp_path, "server/docker-compose.yaml", "services:\n  api:\n    build:\n      context: ..\n"
                                                  "      dockerfile: server/dev.Dockerfile\n    volumes:\n"
                                                  "      - ./history:/app/history\n      - .:/app\n")
    assert main(["check", "--offline", "--select", "HB001", str(tmp_path)]) == 0
    assert ("runs server/dev.Dockerfile, an image of the same app, with /app/history mounted inside the working "
            "folder /app") in capsys.readouterr().out
    # Another folder's images say nothing about this one.
    write(tmp_path, "server/docker-compose.yaml", "services:\n  api:\n    build:\n      context: ..\n"
                                                  "      dockerfile: worker/Dockerfile\n    volumes:\n"
                                                  "      - ./history:/app/history\n")
    assert main(["check", "--offline", "--select", "HB001", str(tmp_path)]) == 1


def test_an_empty_workdir_is_kept_data_in_a_service_not_in_a_base(tmp_path, capsys):
    write(tmp_path, "svc/Dockerfile", "FROM alpine:3.20\nWORKDIR /data\nCOPY app /usr/bin/app\nCMD [\"app\"]\n")
    write(tmp_path, "base/Dockerfile", "FROM alpine:3.20\nWORKDIR /data\nONBUILD COPY . /data\n")
    main(["check", "--offline", "--select", "HB001", str(tmp_path)])
    out = capsys.readouterr().out
    assert "svc/Dockerfile:1: HB001 final stage runs as root; not changed because the WORKDIR /data (line 2)" in out
    assert "base/Dockerfile:1: HB001 final stage runs as root: switch to user" in out


def test_compose_volume_mounts_are_named_and_anonymous_volumes_not_host_folders():
    from bot.sources.compose import builds
    found = builds("services:\n  web:\n    build: ./web\n    volumes:\n      - ./src:/app/src\n"
                   "      - data:/var/lib/web:rw\n      - /var/cache/web\n"
                   "      - {type: volume, source: media, target: /srv/media}\n"
                   "      - {type: bind, source: ./conf, target: /etc/web}\n", "compose.yaml")
    assert found["web/Dockerfile"].volume_mounts == ("/var/lib/web", "/var/cache/web", "/srv/media")
    assert found["web/Dockerfile"].bind_mounts == ("/app/src", "/etc/web")


def test_a_compose_volume_whose_source_is_a_variable_with_a_default_is_one_source():
    from bot.sources.compose import builds
    found = builds("services:\n  web:\n    build: ./web\n    volumes:\n"
                   "      - \"${DATA_DIR:-./data}:/app/data:ro\"\n      - ${CONF:-/etc/web}:${TARGET:-/etc/web}\n"
                   "  worker:\n    build: ./web\n    volumes:\n      - ./jobs:/app/jobs\n", "compose.yaml")
    # The second service building the same file adds its mounts to the first's.
    assert found["web/Dockerfile"].bind_mounts == ("/app/data", "${TARGET:-/etc/web}", "/app/jobs")


def test_devcontainers_and_fixtures_are_listed_not_scanned_unless_configured(tmp_path, capsys):
    write(tmp_path, ".devcontainer/Dockerfile", SERVICE)
    write(tmp_path, "pkg/testdata/Dockerfile", SERVICE)
    write(tmp_path, "svc/Dockerfile", SERVICE)
    main(["check", "--offline", "--format", "json", str(tmp_path)])
    report = json.loads(capsys.readouterr().out)
    assert [f["path"] for f in report["files"]] == ["svc/Dockerfile"]
    assert report["files"][0]["role"] == {"name": "service", "reason": "CMD runs python /app/main.py"}
    assert {(n["path"], n["role"]["name"]) for n in report["not_scanned"]} == {
        (".devcontainer/Dockerfile", "devcontainer"), ("pkg/testdata/Dockerfile", "test-fixture")}
    write(tmp_path, ".github/hardenbot.yml", "roles:\n  pkg/testdata/**: service\n")
    main(["check", "--offline", "--format", "json", str(tmp_path)])
    report = json.loads(capsys.readouterr().out)
    assert [f["path"] for f in report["files"]] == ["pkg/testdata/Dockerfile", "svc/Dockerfile"]


def test_base_images_get_reports_for_what_downstream_images_inherit(tmp_path, capsys):
    path = write(tmp_path, "Dockerfile", 'FROM debian:bookworm-slim\nRUN curl -fsSL https://x.example/i.sh | sh\n'
                                         'CMD ["bash"]\n')
    assert main(["fix", "--offline", "--select", "HB001,DL4006", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert path.read_text().startswith("FROM debian:bookworm-slim\nRUN curl")  # unchanged
    assert "base image (CMD runs only bash" in out and "every image built FROM it would inherit" in out


def test_a_bad_role_in_the_configuration_is_one_line(tmp_path, capsys):
    write(tmp_path, "Dockerfile", SERVICE)
    write(tmp_path, ".github/hardenbot.yml", "roles:\n  docker/**: library\n")
    assert main(["check", "--offline", str(tmp_path)]) == 2
    assert ".github/hardenbot.yml:2: roles.docker/**: must be one of service, base, tool, devcontainer, " \
           "test-fixture, ci, not 'library'" in capsys.readouterr().err


def test_compose_fills_in_the_dockerfile_from_its_dotenv(tmp_path, capsys):
    write(tmp_path, "src/flags/Dockerfile", SERVICE)
    write(tmp_path, ".env", "# compose reads this\nFLAGS_DOCKERFILE=./src/flags/Dockerfile\n")
    write(tmp_path, "compose.yaml", "services:\n  flags:\n    build:\n      context: ./\n"
                                    "      dockerfile: ${FLAGS_DOCKERFILE}\n    volumes:\n      - ./src/flags:/app/data\n")
    main(["check", "--offline", "--select", "HB001", str(tmp_path)])
    out = capsys.readouterr().out
    assert "src/flags/Dockerfile: service image (built by compose.yaml service flags)" in out
    assert "mounts host folders at /app/data" in out


def test_an_onbuild_trigger_ending_in_a_continuation_is_judged_without_error(tmp_path, capsys):
    write(tmp_path, "Dockerfile", 'FROM debian:12\nONBUILD RUN echo "unterminated \\\n')
    assert main(["check", "--offline", str(tmp_path)]) == 0
    assert "Dockerfile: base image (ONBUILD at line 2" in capsys.readouterr().out


DEV_ENVS = """FROM php:8.3-apache AS builder
COPY . /var/www/html/

FROM builder AS dev-envs
RUN apt-get update && apt-get install -y git
RUN useradd -s /bin/bash -m vscode && groupadd docker && usermod -aG docker vscode
CMD ["apache2-foreground"]
"""


def test_a_last_stage_for_development_gets_no_user_and_no_cleanups(tmp_path, capsys):
    path = write(tmp_path, "app/Dockerfile", DEV_ENVS)
    write(tmp_path, "compose.yaml", "services:\n  web:\n    build: app\n    ports:\n      - '80:80'\n")
    assert main(["fix", "--offline", str(tmp_path)]) == 0
    assert path.read_text() == DEV_ENVS  # no USER vscode (apache binds port 80), no apt flags nor list cleanups
    capsys.readouterr()
    assert main(["check", "--offline", "--format", "json", str(tmp_path)]) == 0
    file = next(f for f in json.loads(capsys.readouterr().out)["files"] if f["path"] == "app/Dockerfile")
    assert file["role"] == {"name": "devcontainer", "reason": "the last stage, dev-envs, is for development (named "
                            "dev-envs, creates the user vscode, installs git)"}
    assert file["findings"] == []
    write(tmp_path, "compose.yaml", "services:\n  web:\n    build:\n      context: app\n      target: builder\n")
    assert main(["fix", "--offline", "--select", "HB001", str(tmp_path)]) == 0
    assert "app/Dockerfile: service image (built by compose.yaml service web)" in capsys.readouterr().out


def test_the_stage_ci_builds_is_judged_and_built_when_the_last_is_for_development(tmp_path, capsys):
    text = DEV_LAST.format(shipped="app").replace("FROM app AS debug", "FROM python:3.12-slim AS debug")
    path = write(tmp_path, "Dockerfile", text)
    write(tmp_path, ".github/workflows/image.yml", "on: push\njobs:\n  image:\n    runs-on: ubuntu-latest\n"
                                                   "    steps:\n      - run: docker build --target app -t app .\n")
    config = load_config(tmp_path)
    report = process(tmp_path, config, config.active_rules(select={"HB001", "DL3009"}), fix=True, write=True)
    hardened = path.read_text()
    assert hardened.index("USER 10001:10001") < hardened.index('CMD ["gunicorn"') < hardened.index("AS debug")
    assert "rm -rf /var/lib/apt/lists" not in hardened  # the debug stage does not ship
    result = next(r for r in report.results if r.path == "Dockerfile")
    assert result.hardened.role.stage == "app"
    assert build_plans(report, RepositoryFacts())["Dockerfile"] == BuildPlan("Dockerfile", ".", "app")
    main(["check", "--offline", str(tmp_path)])
    assert "Dockerfile: service image (CMD runs gunicorn; app ships (a CI build targets app)" in capsys.readouterr().out


def test_conflicting_evidence_is_reported_not_changed(tmp_path, capsys):
    text = "FROM node:22-slim AS dev\nCOPY . /app\nEXPOSE 3000\nCMD [\"node\", \"/app/server.js\"]\n"
    path = write(tmp_path, "Dockerfile", text)
    assert main(["fix", "--offline", "--select", "HB001", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert path.read_text() == text
    assert "but it EXPOSEs 3000 and its CMD at line 4 starts a program, as a service does: reported, not changed" in out
    assert "HB001 final stage runs as root; switch to user 1000:1000" not in out
    assert "the file's evidence of what it is for disagrees" in out


def test_size_fixes_are_reported_not_made_in_a_code_generators_image(tmp_path, capsys):
    text = (FIXTURES / "roles/code_generator_not_shipped.in.Dockerfile").read_text()
    path = write(tmp_path, "proto/Dockerfile", text)
    assert main(["fix", "--offline", "--select", "DL3009,DL3014,DL3015", str(tmp_path)]) == 0
    assert path.read_text() == text
    out = capsys.readouterr().out
    assert "proto/Dockerfile: tool image (it installs protoc, a code generator" in out
    assert "DL3015 apt-get install without --no-install-recommends; not changed: a code generator's image, " \
           "run over the checkout, that nobody ships" in out


DJANGO = """FROM python:3.12-slim
WORKDIR /usr/src/app
RUN apt-get update && apt-get install -y netcat-openbsd
RUN pip install -r requirements.txt
COPY . .
ENTRYPOINT ["/usr/src/app/entrypoint.sh"]
"""
DEV_COMPOSE = ("services:\n  web:\n    build: ./app\n    command: python manage.py runserver 0.0.0.0:8000\n"
               "    volumes:\n      - ./app/:/usr/src/app/\n")
PROD_COMPOSE = ("services:\n  web:\n    build:\n      context: ./app\n      dockerfile: Dockerfile.prod\n"
                "    command: gunicorn site.wsgi:application --bind 0.0.0.0:8000\n")


def test_a_file_only_a_development_service_builds_is_for_development(tmp_path, capsys):
    dev = write(tmp_path, "app/Dockerfile", DJANGO)
    write(tmp_path, "app/Dockerfile.prod", DJANGO)
    write(tmp_path, "docker-compose.yml", DEV_COMPOSE)
    write(tmp_path, "docker-compose.prod.yml", PROD_COMPOSE)
    assert main(["fix", "--offline", "--select", "DL3009,DL3015,DL3042", str(tmp_path)]) == 0
    assert dev.read_text() == DJANGO  # the image runserver reloads from the mounted source: nobody ships it
    assert "rm -rf /var/lib/apt/lists" in (tmp_path / "app/Dockerfile.prod").read_text()
    capsys.readouterr()
    main(["check", "--offline", "--format", "json", str(tmp_path)])
    roles = {f["path"]: f["role"] for f in json.loads(capsys.readouterr().out)["files"]}
    assert roles["app/Dockerfile"] == {"name": "devcontainer", "reason": (
        "an image for development: docker-compose.yml service web mounts its source at /usr/src/app/ and runs "
        "python manage.py runserver 0.0.0.0:8000, which reloads it; docker-compose.prod.yml service web builds "
        "app/Dockerfile.prod instead")}


@pytest.mark.parametrize("prod_compose, dockerfile, expected", [
    ("", "Dockerfile", "service image (built by docker-compose.yml service web)"),  # nothing else ships: it may
    (PROD_COMPOSE.replace("web:", "api:"), "Dockerfile", "service image (built by docker-compose.yml service web)"),
    (PROD_COMPOSE, "Dockerfile.release", "service image (docker-compose.yml service web "
     "mounts its source at /usr/src/app/ and runs python manage.py runserver 0.0.0.0:8000, which reloads it; "
     "docker-compose.prod.yml service web builds app/Dockerfile.prod instead, but the file or its final stage is "
     "named for shipping: reported, not changed)"),
])
def test_a_development_service_alone_does_not_make_its_file_unshipped(tmp_path, capsys, prod_compose, dockerfile,
                                                                      expected):
    write(tmp_path, f"app/{dockerfile}", DJANGO)
    write(tmp_path, "app/Dockerfile.prod", DJANGO)
    write(tmp_path, "docker-compose.yml", DEV_COMPOSE.replace("build: ./app", f"build:\n      context: ./app\n"
                                                              f"      dockerfile: {dockerfile}"))
    if prod_compose:
        write(tmp_path, "docker-compose.prod.yml", prod_compose)
    main(["check", "--offline", "--select", "DL3009", str(tmp_path)])
    assert f"app/{dockerfile}: {expected}" in capsys.readouterr().out


def test_a_development_profile_is_enough(tmp_path, capsys):
    write(tmp_path, "tools/Dockerfile", DJANGO)
    write(tmp_path, "compose.yaml", "services:\n  shell:\n    build: ./tools\n    profiles: [dev]\n")
    main(["check", "--offline", "--format", "json", str(tmp_path)])
    file = next(f for f in json.loads(capsys.readouterr().out)["files"] if f["path"] == "tools/Dockerfile")
    assert file["role"] == {"name": "devcontainer",
                            "reason": "an image for development: compose.yaml service shell starts only with the "
                                      "profile dev"}
    assert file["findings"] == []


DOCS_SITE = """FROM python:3.12-alpine AS base
WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt

FROM base AS dev
CMD ["mkdocs", "serve", "-a", "0.0.0.0:8000"]

FROM base AS build
COPY . .
RUN mkdocs build

FROM nginx:alpine
COPY --from=build /app/site /usr/share/nginx/html
ADD robots.txt /usr/share/nginx/html/
"""


def test_a_compose_target_for_development_leaves_the_last_stage_to_ship(tmp_path, capsys):
    path = write(tmp_path, "Dockerfile", DOCS_SITE)
    write(tmp_path, "compose.yaml", "services:\n  docs:\n    build:\n      context: .\n      target: dev\n"
                                    "    volumes:\n      - ./:/app\n")
    config = load_config(tmp_path)
    report = process(tmp_path, config, config.active_rules(select={"DL3042", "DL3020"}), fix=True, write=True)
    # pip runs in stages only the dev target and the site's build use; the last stage ships
    assert path.read_text() == DOCS_SITE.replace("ADD robots", "COPY robots")
    result = next(r for r in report.results if r.path == "Dockerfile")
    assert result.hardened.role.stage == "" and result.hardened.role.role is Role.SERVICE
    facts = RepositoryFacts(compose_builds={"Dockerfile": ComposeBuild("compose.yaml service docs", "compose.yaml", "dev")})
    assert build_plans(report, facts)["Dockerfile"].target is None  # built as it ships, not as compose's dev target
    main(["check", "--offline", str(tmp_path)])
    assert ("Dockerfile: service image (built by compose.yaml service docs; the last stage (line 13) ships (a build "
            "without a target gives it): compose's target, dev, is for development (named dev))"
            ) in capsys.readouterr().out


@pytest.mark.parametrize("file, command, profiles, expected", [
    ("compose.yaml", "uvicorn main:app --reload", (), "compose.yaml service api mounts its source at /app and runs "
                                                     "uvicorn main:app --reload, which reloads it"),
    ("compose.yaml", "npm run dev", (), "compose.yaml service api mounts its source at /app and runs npm run dev, "
                                        "which reloads it"),
    ("compose.yaml", "airflow webserver", (), None),
    ("compose.yaml", "npm run build", (), None),
    ("compose.yaml", "gunicorn app:app", ("seed",), None),
    ("compose.yaml", "gunicorn app:app", ("e2e",), "compose.yaml service api starts only with the profile e2e"),
    ("docker-compose-dev.yml", "gunicorn app:app", (), "docker-compose-dev.yml is for development"),
    ("compose.override.yaml", "", (), "compose.override.yaml is for development"),
])
def test_what_says_a_compose_service_is_for_development(file, command, profiles, expected):
    build = ComposeBuild(f"{file} service api", file, name="api", command=tuple(command.split()), profiles=profiles,
                         source_mounts=("/app",))
    assert development_service(build) == expected


BUILDER = "FROM golang:1.22\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n"


@pytest.mark.parametrize("consumer, consumer_name, unshipped", [
    # Used only to copy a binary out: the builder's apt lists never ship.
    ("FROM acme/shop:builder-go AS build\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n", "Dockerfile", True),
    # docker build's fallback name `dockerfile`: not scanned, still read as evidence.
    ("FROM acme/shop:builder-go AS build\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n", "dockerfile", True),
    # Also the base of a stage that ships: its size ships.
    ("FROM acme/shop:builder-go AS build\nFROM build\nCMD [\"app\"]\n", "Dockerfile", False),
    # The final stage itself.
    ("FROM alpine:3.20 AS x\nFROM acme/shop:builder-go\nCMD [\"app\"]\n", "Dockerfile", False),
    # Another tag of the repository's image: not the one this file builds.
    ("FROM acme/shop:builder-rust AS build\nFROM alpine:3.20\nCOPY --from=build /app /app\n", "Dockerfile", False),
])
def test_an_image_used_only_as_a_build_stage_gets_no_size_fixes(tmp_path, capsys, consumer, consumer_name, unshipped):
    root = tmp_path / "shop"
    write(root, "docker/builder-go.dockerfile", BUILDER)
    write(root, f"docker/{consumer_name}", consumer)
    assert main(["fix", "--offline", "--select", "DL3009", str(root)]) == 0
    hardened = (root / "docker/builder-go.dockerfile").read_text()
    out = capsys.readouterr().out
    if unshipped:
        assert hardened == BUILDER
        assert "uses it only as its build stage build" in out and "its size never ships" in out
    else:
        assert "rm -rf /var/lib/apt/lists/*" in hardened


OLD_APP = "FROM node:20\nWORKDIR /app\nCOPY . .\nEXPOSE 3000\nCMD [\"node\", \"server.js\"]\n"
CURRENT_COMPOSE = "services:\n  app:\n    build:\n      context: .\n      dockerfile: prod.Dockerfile\n"


@pytest.mark.parametrize("old_service, retired", [
    # Only a service in the `deprecated` profile builds it, while `app` builds what ships.
    ("  old-app:\n    profiles: [\"deprecated\"]\n    build:\n      context: .\n      dockerfile: old/Dockerfile\n", True),
    ("  old-app:\n    profiles: [legacy-web]\n    build:\n      context: .\n      dockerfile: old/Dockerfile\n", True),
    # A profile not named for old setups, or none: it may ship.
    ("  old-app:\n    profiles: [deprecated, web]\n    build:\n      context: .\n      dockerfile: old/Dockerfile\n", False),
    ("  old-app:\n    build:\n      context: .\n      dockerfile: old/Dockerfile\n", False),
    # A current service builds it too: it speaks for the file.
    ("  old-app:\n    profiles: [deprecated]\n    build:\n      context: .\n      dockerfile: old/Dockerfile\n"
     "  web:\n    build:\n      context: .\n      dockerfile: old/Dockerfile\n", False),
])
def test_a_dockerfile_only_deprecated_compose_profiles_build_is_reported_not_changed(tmp_path, capsys, old_service,
                                                                                       retired):
    write(tmp_path, "old/Dockerfile", OLD_APP)
    write(tmp_path, "prod.Dockerfile", OLD_APP)
    write(tmp_path, "compose.yaml", CURRENT_COMPOSE + old_service)
    assert main(["fix", "--offline", "--select", "HB001", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert ((tmp_path / "old/Dockerfile").read_text() == OLD_APP) is retired
    assert ("in the compose profile" in out and "builds what ships" in out) is retired
    assert (tmp_path / "prod.Dockerfile").read_text() != OLD_APP  # the current one is still hardened


def test_a_github_actions_image_is_built_per_run_so_its_size_never_ships():
    doc = Dockerfile.parse("FROM python:3.12-slim\nRUN pip install bandit\nENTRYPOINT [\"bandit\"]\n",
                           ".github/actions/bandit-scan/Dockerfile")
    decision = decide_role(doc, RepositoryFacts(action_folders=frozenset({".github/actions/bandit-scan"})), glob_matches)
    assert decision.role is Role.TOOL and "built on the runner for each run" in decision.unshipped


def test_a_dockerfile_its_readme_shows_line_for_line_gets_every_fix_reported_not_made(tmp_path, capsys):
    dockerfile = "FROM debian:12\nCOPY . /opt/app\nRUN apt-get update # index\nRUN apt-get install -y chromium\n"
    write(tmp_path, "examples/chromium/Dockerfile", dockerfile)
    write(tmp_path, "examples/chromium/README.md", "It has the following contents:\n\n```dockerfile\n"
                                                   + dockerfile + "```\n")
    main(["check", "--offline", "--select", "DL3015", str(tmp_path)])
    out = capsys.readouterr().out
    assert "not changed: examples/chromium/README.md shows this file line for line: change both" in out
    assert "[fixable]" not in out
    write(tmp_path, "examples/chromium/README.md", "Build it with `docker build .`\nRUN apt-get install -y chromium\n")
    main(["check", "--offline", "--select", "DL3015", str(tmp_path)])
    assert "[fixable]" in capsys.readouterr().out  # a README that shows one line of it is no copy


@pytest.mark.parametrize("powers, said", [
    ("    privileged: true\n", "privileged: true"),
    ("    cap_add:\n      - NET_ADMIN\n", "cap_add: NET_ADMIN"),
])
def test_a_compose_file_another_extends_is_read_and_root_powers_make_the_user_change_a_report(
        tmp_path, capsys, powers, said):
    write(tmp_path, "scripts/router/Dockerfile", SERVICE)
    write(tmp_path, "scripts/compose/router.yml", "services:\n  router:\n    build:\n      context: ../router\n" + powers)
    write(tmp_path, "docker-compose.yml", "services:\n  router:\n    extends:\n      file: scripts/compose/router.yml\n"
                                          "      service: router\n")
    main(["check", "--offline", "--select", "HB001", str(tmp_path)])
    out = capsys.readouterr().out
    assert f"scripts/compose/router.yml service router runs it with {said}, which only root can use" in out
    assert "[fixable]" not in out


def test_compose_files_named_by_include_are_read_whatever_their_name():
    text = "include:\n  - infra/db.yml\n  - path: [a.yml, ../outside.yml]\nservices:\n  web:\n" \
           "    extends: {file: common/base.yml, service: web}\n"
    assert referenced_files(text, "deploy/compose.yaml") == [
        "deploy/common/base.yml", "deploy/infra/db.yml", "deploy/a.yml", "outside.yml"]


@pytest.mark.parametrize("path, unshipped", [
    ("deploy/Dockerfile.build", True), ("builder.Dockerfile", True), ("Dockerfile.builder", True),
    ("Dockerfile.build-shell", False), ("Dockerfile", False)])
def test_a_builder_patterns_image_is_named_for_building_and_ships_nothing(path, unshipped):
    decision = decide_role(Dockerfile.parse(SERVICE, path), RepositoryFacts(), glob_matches)
    assert bool(decision.unshipped) is unshipped


def test_versioned_folders_beside_a_root_dockerfile_template_are_written_from_it(tmp_path, capsys):
    write(tmp_path, "3.14/browsers/Dockerfile", "FROM cimg/python:3.14\nRUN apt-get update && apt-get install -y firefox\n")
    main(["check", "--offline", "--select", "DL3015", str(tmp_path)])
    assert "[fixable]" in capsys.readouterr().out
    write(tmp_path, "Dockerfile.template", "FROM cimg/python:%%VERSION%%\n")
    main(["check", "--offline", "--select", "DL3015", str(tmp_path)])
    out = capsys.readouterr().out
    assert "base image (a versioned-directory layout (3.14/) written from the template Dockerfile.template)" in out
    assert "[fixable]" not in out


@pytest.mark.parametrize("path, fixed", [
    ("lambda-image/Dockerfile", False), ("functions/resize-lambda/Dockerfile", False),
    ("services/api/Dockerfile", True), ("blambdas/Dockerfile", True)])
def test_an_image_in_a_folder_named_for_aws_lambda_gets_its_user_reported_not_set(tmp_path, capsys, path, fixed):
    write(tmp_path, path, 'FROM scratch\nCOPY app /app\nCMD ["/app"]\n')
    main(["check", "--offline", "--select", "HB001", str(tmp_path)])
    out = capsys.readouterr().out
    assert ("[fixable]" in out) is fixed
    assert ("an AWS Lambda function's image, and Lambda runs every function as its own sandbox user" in out) is not fixed


@pytest.mark.parametrize("path, text, build, said", [
    # Its command runs the suite: a test runner, wherever it sits.
    ("Dockerfile", 'FROM golang:1.26-alpine\nCOPY . /app\nWORKDIR /app\nCMD ["go", "test", "-v", "./..."]\n', None,
     "test fixture (its CMD runs the tests (go test))"),
    ("qa/Dockerfile", "FROM python:3.12-slim\nCOPY . /src\nENTRYPOINT python -m pytest -q\n", None,
     "test fixture (its ENTRYPOINT runs the tests (pytest))"),
    ("web/Dockerfile", 'FROM node:22\nCOPY . .\nCMD ["npm", "run", "test:e2e"]\n', None,
     "test fixture (its CMD runs the tests (npm run test:e2e))"),
    # … unless compose runs the image with a command of its own.
    ("Dockerfile", 'FROM golang:1.26-alpine\nCOPY . /app\nCMD ["go", "test", "./..."]\n',
     ComposeBuild("compose.yaml service api", "compose.yaml", command=("/app/server",)),
     "service image (built by compose.yaml service api)"),
    ("Dockerfile", 'FROM node:22\nCOPY . .\nCMD ["npm", "run", "start"]\n', None, "service image (CMD runs npm)"),
    # A file named for its test runner.
    ("scripts/Dockerfile.bats", "FROM python:3.12-alpine\nRUN apk --no-cache add bats\nCOPY acceptance.bats /code/\n",
     None, "test fixture (a test variant (Dockerfile.bats), and no compose file builds it)"),
    # A folder with a test word in its name is no evidence alone: a published image may be named for a test service.
    ("android-sdk/firebase-test-lab/Dockerfile", 'FROM thyrlian/android-sdk\nRUN apt-get update\nCMD ["gcloud"]\n',
     None, "service image (CMD runs gcloud)"),
])
def test_an_image_whose_command_runs_the_tests_is_a_test_runner(path, text, build, said):
    facts = RepositoryFacts(compose_builds={path: build} if build else {})
    assert str(decide_role(Dockerfile.parse(text, path), facts, glob_matches)) == said


def test_an_image_its_readme_runs_over_the_current_folder_is_a_tool(tmp_path, capsys):
    dockerfile = 'FROM debian:bookworm-slim\nRUN apt-get install openssl\nCOPY gen.sh /usr/local/bin/\nCMD ["gen.sh"]\n'
    write(tmp_path, "certs/Dockerfile", dockerfile)
    write(tmp_path, "certs/README.md", 'Run:\n\n```bash\ndocker build -t certs .\ndocker run -v "$(pwd)":/var/output certs\n```\n')
    main(["check", "--offline", str(tmp_path)])
    out = capsys.readouterr().out
    assert "certs/Dockerfile: tool image (certs/README.md runs it over the current folder, mounted at /var/output)" in out
    assert "HB001" not in out  # it works on the user's files, as them
    write(tmp_path, "certs/README.md", "Run:\n\n    docker run -v $(pwd)/data:/data certs\n")  # a data folder: no tool
    main(["check", "--offline", str(tmp_path)])
    assert "certs/Dockerfile: service image" in capsys.readouterr().out


@pytest.mark.parametrize("text, mounted", [
    ('docker run -v "$(pwd)":/var/output certs', ("/var/output",)),
    ("docker run --rm -v ${PWD}:/src \\\n  -v $(pwd)/data:/data img", ("/src",)),
    ("docker run -v .:/work img", ("/work",)),
    ("docker run --volume=$PWD:/workdir img", ("/workdir",)),
    ("docker run -v $(pwd)/data:/data img", ()),
    ("docker run -v data:/data img", ()),
    # A folder inside the current one, in a one-off run: a generator writing into it.
    ("docker run -v $PWD/public:/src/public --net=host -it --rm dociql npx dociql config.yml", ("/src/public",)),
    ("docker run --rm -v ./out:/out gen", ("/out",)),
    # A run that stays (a port published, detached) is a service's, whatever it mounts.
    ("docker run --rm -p 8080:80 -v $PWD/data:/data img", ()),
    ("docker run -dit --rm -v $PWD/data:/data img", ()),
])
def test_current_folder_mounts_are_the_docker_run_mounts_of_the_current_folder(text, mounted):
    assert current_folder_mounts(text) == mounted


@pytest.mark.parametrize("path, others, said", [
    ("alpine/Dockerfile", {"bookworm/Dockerfile"}, "base image (a variants layout (alpine/ beside bookworm/): one image "
                                                   "built on several distributions)"),
    ("images/alpine3.22/Dockerfile.fat", {"images/ubi9/Dockerfile"},
     "base image (a variants layout (alpine3.22/ beside ubi9/): one image built on several distributions)"),
    # One distribution folder alone, or beside folders of other kinds, is no layout.
    ("alpine/Dockerfile", set(), "service image (EXPOSE 80)"),
    ("alpine/Dockerfile", {"tools/Dockerfile"}, "service image (EXPOSE 80)"),
    # A folder beside two distributions' folders is another variant of the same image.
    ("restyrepo/Dockerfile", {"alpine/Dockerfile", "jammy/Dockerfile"},
     "base image (a variants layout (restyrepo/ beside alpine/): one image built on several distributions)"),
    ("tools/Dockerfile", {"alpine/Dockerfile"}, "service image (EXPOSE 80)"),
    ("2.14.x/scratch/Dockerfile", set(), "base image (a versioned-directory layout (2.14.x/))"),
])
def test_an_image_in_folders_named_for_distributions_or_versions_is_published_for_others(path, others, said):
    text = 'FROM alpine:3.22\nRUN apk add --no-cache openresty\nEXPOSE 80\nCMD ["openresty", "-g", "daemon off;"]\n'
    facts = RepositoryFacts(dockerfile_paths=frozenset({path, *others}))
    assert str(decide_role(Dockerfile.parse(text, path), facts, glob_matches)) == said


@pytest.mark.parametrize("environment, dockerfile_extra, said", [
    # A folder the app writes, named by compose (merged in from an anchor, too): reported.
    ("    environment:\n      DOCSRS_PREFIX: /opt/docsrs/prefix\n", "", "DOCSRS_PREFIX=/opt/docsrs/prefix"),
    ("    environment:\n      <<: *common\n", "", "DATA_DIR=/var/lib/app"),
    ("    environment:\n      - UPLOADS_FOLDER=${UPLOADS:-/srv/uploads}\n", "", "UPLOADS_FOLDER=/srv/uploads"),
    # ... not when the image hands that folder (or one above it) to a user, nor for scratch
    # folders, installations (`*_HOME`), files (`*_PATH`) or values that are not paths.
    ("    environment:\n      DATA_DIR: /var/lib/app\n", "RUN mkdir -p /var/lib && chown 1000 /var/lib\n", None),
    ("    environment:\n      DATA_DIR: /var/lib/app\n", "RUN mkdir -p /var/lib/other && chown 1000 /var/lib/other\n",
     "DATA_DIR=/var/lib/app"),  # a sibling handed over is not this folder
    ("    environment:\n      CACHE_DIR: /tmp/cache\n      JAVA_HOME: /opt/java\n      CONFIG_PATH: /etc/app.yml\n"
     "      LOG_LEVEL: debug\n", "", None),
])
def test_a_folder_compose_tells_the_app_to_write_makes_the_user_change_a_report(
        tmp_path, capsys, environment, dockerfile_extra, said):
    write(tmp_path, "api/Dockerfile", SERVICE.replace("CMD", dockerfile_extra + "CMD"))
    write(tmp_path, "compose.yaml", "x-common: &common\n  DATA_DIR: /var/lib/app\nservices:\n  api:\n    build: ./api\n"
                                    + environment)
    main(["check", "--offline", "--select", "HB001", str(tmp_path)])
    out = capsys.readouterr().out
    if said is None:
        assert "[fixable]" in out
    else:
        assert f"compose.yaml service api sets {said}, a folder the app writes" in out and "[fixable]" not in out


@pytest.mark.parametrize("path, compose, retired", [
    ("deprecated/android/Dockerfile.ubuntu", "", True),
    ("images/legacy/Dockerfile", "", True),
    ("images/legacy-api/Dockerfile", "", False),  # a name with the word in it is no such folder
    ("deprecated/android/Dockerfile.ubuntu", "services:\n  android:\n    build: ./deprecated/android\n"
                                              "    dockerfile: Dockerfile.ubuntu\n", False),
])
def test_a_dockerfile_in_a_folder_for_old_setups_gets_its_fixes_reported_not_made(tmp_path, capsys, path, compose,
                                                                                  retired):
    write(tmp_path, path, "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n")
    if compose:
        write(tmp_path, "compose.yaml", compose.replace("    dockerfile", "      dockerfile").replace(
            "build: ./deprecated/android\n", "build:\n      context: ./deprecated/android\n"))
    main(["check", "--offline", "--select", "DL3009", str(tmp_path)])
    out = capsys.readouterr().out
    assert ("kept for old setups" in out and "[fixable]" not in out) is retired


@pytest.mark.parametrize("name, compose", [
    ("compose.yaml", True), ("docker-compose.prod.yml", True), ("docker-compose-app.yml", True),
    ("docker-compose_test.yaml", True), ("compose-dev.yml", True),
    ("local-s3tests-compose.yml", False), ("composer.yml", False), ("docker-compose.json", False),
])
def test_compose_files_are_known_by_name_whatever_follows_compose(name, compose):
    from bot.sources import kind_of
    assert (getattr(kind_of(name), "name", None) == "compose") is compose


def test_the_compose_file_that_speaks_for_a_dockerfile_is_not_chosen_by_its_name_order(tmp_path):
    """Three development compose files build the image; the one with a development profile says
    so alone, whichever sorts first (`docker-compose-maxio.dev.yml` before `docker-compose.dev.yml`)."""
    service = "services:\n  host:\n    build:\n      context: .\n      dockerfile: host/Dockerfile\n"
    write(tmp_path, "host/Dockerfile", SERVICE)
    write(tmp_path, "docker-compose-maxio.dev.yml", service)
    write(tmp_path, "docker-compose.dev.yml", service + "    profiles: [testing]\n")
    config = load_config(tmp_path)
    report = process(tmp_path, config, config.active_rules(), fix=False, write=False, jobs=1)
    role = next(r.hardened.role for r in report.results if r.path == "host/Dockerfile")
    assert role.role is Role.DEVCONTAINER and "docker-compose.dev.yml service host starts only with the profile" in str(role)


DEV_EXAMPLE = "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y docker.io\n"


def test_a_devcontainer_json_beside_a_dockerfile_makes_it_a_development_environment(tmp_path, capsys):
    write(tmp_path, "examples/docker/01_dood/Dockerfile", DEV_EXAMPLE)
    write(tmp_path, "examples/docker/01_dood/devcontainer.json",
          '{\n  // an example workspace\n  "build": { "dockerfile": "Dockerfile" }\n}\n')
    write(tmp_path, "examples/docker/02_other/Dockerfile", DEV_EXAMPLE)
    write(tmp_path, "examples/docker/02_other/devcontainer.json", '{"image": "ubuntu:24.04"}\n')
    write(tmp_path, "examples/docker/02_other/sub/Dockerfile", DEV_EXAMPLE)  # named from below: may ship
    write(tmp_path, "examples/docker/02_other/sub/devcontainer.json", '{"build": {"dockerfile": "../Dockerfile"}}\n')
    main(["check", "--offline", str(tmp_path)])
    out = capsys.readouterr().out
    assert "01_dood" not in out and "in 2 of 3 files" in out  # a devcontainer: not scanned
    assert "examples/docker/02_other/Dockerfile: base image" in out  # its devcontainer.json builds no Dockerfile


@pytest.mark.parametrize("command, unshipped", [
    # A builder whose files are copied out (AWS CDK's Code.from_docker_build copies /asset).
    ('CMD ["echo", "hello world"]', True),
    ("CMD printf 'moved to ghcr.io/acme/app' && exit 1", True),
    # Prints, then starts the app: it runs.
    ('CMD ["sh", "-c", "echo starting; exec python app.py"]', False),
    ('CMD ["python", "app.py"]', False),
    # A site generator's preview server: the pages ship, served elsewhere, not this image.
    ('CMD ["mkdocs", "serve", "-a", "0.0.0.0:8000"]', "a site generator's preview server"),
    ('CMD ["bundle", "exec", "jekyll", "serve", "--force_polling", "-H", "0.0.0.0"]', "a site generator's preview server"),
    ('CMD ["mkdocs", "build"]', False),
])
def test_an_image_whose_command_only_prints_gets_no_size_fixes(tmp_path, capsys, command, unshipped):
    dockerfile = f"FROM python:3.12-slim\nRUN pip install -t /asset requests\n{command}\n"
    write(tmp_path, "Dockerfile", dockerfile)
    assert main(["fix", "--offline", "--select", "DL3042", str(tmp_path)]) == 0
    hardened = (tmp_path / "Dockerfile").read_text()
    if unshipped:
        why = unshipped if isinstance(unshipped, str) else "only prints"
        assert hardened == dockerfile and why in capsys.readouterr().out
    else:
        assert "--no-cache-dir" in hardened


@pytest.mark.parametrize("image, slim, ships_certificates", [
    ("python:3.12", "python:3.12-slim", True),
    ("public.ecr.aws/docker/library/python:3.12", "public.ecr.aws/docker/library/python:3.12-slim", True),
    ("registry.example.com/base/python:3.12", "registry.example.com/base/python:3.12-slim", True),  # a private mirror
    # A vendor's own image of the same name: it has no slim tag, nor python's CA bundle promise.
    ("public.ecr.aws/lambda/python:3.14", None, False),
    ("mcr.microsoft.com/devcontainers/python:3.12", None, False),
    ("bitnami/python:3.12", None, False),
    ("ghcr.io/acme/python:3.12", None, False),
])
def test_only_official_images_and_their_mirrors_have_the_official_variants(image, slim, ships_certificates):
    base = describe_base(image)
    assert (base.slim_variant, base.ships_ca_certificates) == (slim, ships_certificates)


RUNNER = ("FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libssl3 "
          "&& rm -rf /var/lib/apt/lists/*\nCMD [\"bash\"]\nEXPOSE 4000\n")


@pytest.mark.parametrize("child, base", [
    # The app's image starts from the runner the repository builds: the runner is its base.
    ("FROM acme/shop:runner\nCOPY rel /app\nRUN rm -rf /app/tmp\nCMD [\"/app/bin/shop\"]\n",
     "base image (app/Dockerfile is built FROM the image it builds)"),
    ("FROM --platform=$BUILDPLATFORM acme/shop:runner\nCMD [\"/app/bin/shop\"]\n",
     "base image (app/Dockerfile is built FROM the image it builds)"),
    ("FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM acme/shop:runner\nCOPY --from=build /out/app /app\n",
     "base image (app/Dockerfile is built FROM the image it builds)"),
    # Only a build stage: a builder (size fixes reported), and still a base: that stage's RUNs
    # run on it, as the USER it would set.
    ("FROM acme/shop:runner AS build\nRUN make\nFROM alpine:3.20\nCOPY --from=build /out /out\n",
     "base image (app/Dockerfile uses it only as its build stage build: it is built FROM the image this file builds)"),
    # Another image of the same name.
    ("FROM acme/shop:worker\nCMD [\"worker\"]\n", None),
])
def test_an_image_another_dockerfile_is_built_from_is_a_base(tmp_path, capsys, child, base):
    root = tmp_path / "shop"
    write(root, "Dockerfile.runner", RUNNER)
    write(root, "app/Dockerfile", child)
    assert main(["check", "--offline", "--select", "HB001", str(root)]) in (0, 1)
    role = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("Dockerfile.runner: "))
    if base:
        assert role.startswith(f"Dockerfile.runner: {base}")
    else:
        assert role.startswith("Dockerfile.runner: service image")



@pytest.mark.parametrize("readme, unshipped", [
    # Built by hand from its folder and run there: nobody ships it.
    ("```\n$ docker build -t dociql .\n$ docker run -v $PWD/public:/src/public --rm -it dociql npx dociql c.yml\n```\n",
     True),
    # Pulled from a registry to run: it is published.
    ("```\ndocker run --rm -v $(pwd):/src acme/docs-gen\n```\n", False),
])
def test_a_tool_built_by_hand_where_it_runs_gets_no_size_fixes(tmp_path, capsys, readme, unshipped):
    dockerfile = "FROM node:20-slim\nRUN apt-get update && apt-get install -y curl\nCOPY . /src\nCMD [\"npx\", \"gen\"]\n"
    write(tmp_path, "api_docs/Dockerfile", dockerfile)
    write(tmp_path, "api_docs/README.md", readme)
    assert main(["fix", "--offline", "--select", "DL3009,HB001", str(tmp_path)]) == 0
    hardened = (tmp_path / "api_docs/Dockerfile").read_text()
    out = capsys.readouterr().out
    assert "api_docs/Dockerfile: tool image (api_docs/README.md runs it over the current folder" in out
    assert "USER" not in hardened  # it writes into the user's folder, as them
    if unshipped:
        assert hardened == dockerfile and "builds it by hand where it is run" in out
    else:
        assert "rm -rf /var/lib/apt/lists/*" in hardened


@pytest.mark.parametrize("folder, tests", [
    ("tests", True), ("integration", True), ("redis_tests", True), ("tests_func", True), ("BTCPayServer.Tests", True),
    ("integrationtest", True), ("e2etests", True),
    # `test` alone names a product or a helper as often: Firebase Test Lab's image, a module's test certificates.
    ("firebase-test-lab", False), ("test-certs", False), ("latest", False), ("attestations", False),
])
def test_a_folder_is_for_tests_when_its_name_says_tests(folder, tests):
    from bot.dockerfile.roles import test_folder
    assert test_folder(folder) is tests


@pytest.mark.parametrize("children, role", [
    # Every image built FROM it is a test image: it is there for the tests too.
    ({"docker/redis_tests/Dockerfile": "FROM wal-g/redis\nCMD [\"make\", \"check\"]\n"}, "test fixture"),
    ({"docker/redis_tests/Dockerfile": "FROM wal-g/redis\nCMD [\"make\", \"check\"]\n",
      "cache/Dockerfile": "FROM wal-g/redis\nCMD [\"redis-server\"]\n"}, "base image"),
])
def test_a_base_only_test_images_are_built_from_is_for_tests(tmp_path, capsys, children, role):
    root = tmp_path / "shop"
    write(root, "docker/redis/Dockerfile", "FROM debian:12\nRUN apt-get update && apt-get install -y redis-server\n")
    compose = "services:\n  redis:\n    build:\n      dockerfile: docker/redis/Dockerfile\n    image: wal-g/redis\n"
    for path, text in children.items():
        write(root, path, text)
        name = path.split("/")[-2].replace("_", "-")
        compose += f"  {name}:\n    build:\n      dockerfile: {path}\n"
    write(root, "docker-compose.yml", compose)
    main(["check", "--offline", "--select", "DL3009", str(root)])
    out = capsys.readouterr().out
    if role == "test fixture":  # not scanned
        assert "docker/redis/Dockerfile" not in out, out
    else:
        assert f"docker/redis/Dockerfile: {role} (cache/Dockerfile is built FROM" in out, out


@pytest.mark.parametrize("title, unshipped", [
    ("# Docker Development Environment", True),
    ("Local dev environment\n=====", False),  # only a Markdown `#` heading is read as the title
    ("# Running acme in production\n\nFor a development environment, see below.", False),
])
def test_a_readme_titled_as_a_development_environment_makes_size_fixes_reports(tmp_path, capsys, title, unshipped):
    write(tmp_path, "docker/README.md", title + "\n")
    write(tmp_path, "docker/app/Dockerfile", "FROM php:8.2-fpm\nRUN apt-get update && apt-get install -y zip\n"
                                             "RUN curl -fsSL https://example.com/setup | bash -\n")
    main(["check", "--offline", "--select", "DL3015,DL4006", str(tmp_path)])
    out = capsys.readouterr().out
    said = "not changed: docker/README.md is titled 'Docker Development Environment' and no workflow builds it"
    assert (said in out) is unshipped
    assert "DL4006" in out and "[fixable]" in out.split("DL4006", 1)[1].splitlines()[0]  # correctness still fixed


def test_goreleasers_dockerfiles_are_read_from_its_configuration(tmp_path):
    from bot.run import _goreleaser_dockerfiles
    write(tmp_path, ".github/goreleaser.yaml", "dockers:\n  - image_templates: [acme/app]\n"
                                               "    dockerfile: .github/Dockerfile-release\n"
                                               "  - dockerfile: './.github/Dockerfile-cloudrun'\n")
    assert _goreleaser_dockerfiles(tmp_path) == {".github/Dockerfile-release", ".github/Dockerfile-cloudrun"}


def test_xvfb_in_a_base_image_keeps_its_recommendations_for_the_code_built_on_it(tmp_path, capsys):
    write(tmp_path, "python312.Dockerfile", "FROM mcr.microsoft.com/azure-functions/base:4\n"
                                            "RUN apt-get update && apt-get install -y libsm6 xvfb\n")
    main(["check", "--offline", "--select", "DL3015", str(tmp_path)])
    out = capsys.readouterr().out
    assert "base image" in out and "not changed because xvfb recommends xauth, without which its xvfb-run stops" in out


EDITOR_USER_BY_ARG = 'FROM debian:12\nARG USERNAME=vscode\nRUN useradd -m $USERNAME && apt-get update && apt-get install -y git\n'


@pytest.mark.parametrize("path, role, unshipped", [
    ("Dockerfile", "devcontainer (the last stage, at line 1, is for development (creates the user vscode, installs git))",
     ""),
    # One version of a versioned layout: a base still, whose size fixes are reported.
    ("host/4/bookworm/java21-core-tools.Dockerfile", "base image (a versioned-directory layout (4/))",
     "a development environment (its last stage creates the user vscode, installs git)"),
])
def test_an_editors_user_named_by_an_arg_makes_a_development_environment(path, role, unshipped):
    decision = decide_role(Dockerfile.parse(EDITOR_USER_BY_ARG, path), RepositoryFacts(), glob_matches)
    assert (str(decision), decision.unshipped) == (role, unshipped)


def test_no_line_is_added_after_a_continuation_left_open_at_the_end_of_the_file(tmp_path, capsys):
    # (Not a fixture: dockerfile-parse, one of the contract's oracles, drops such a last instruction.)
    text = ('FROM python:3.12-slim\nCOPY . /app\nRUN if [ -n "$A" ]; then \\\n        pip install --no-cache-dir "$A"; \\\n'
            '    fi \\\n')
    write(tmp_path, "Dockerfile", text)
    main(["fix", "--offline", "--select", "HB001", str(tmp_path)])
    assert (tmp_path / "Dockerfile").read_text() == text
    assert ("not changed because the file ends inside a line continuation (line 5 ends with \\): a line added after "
            "it would join that instruction") in capsys.readouterr().out


@pytest.mark.parametrize("header, unshipped", [
    ("# This Dockerfile is for building nvm development environment only, not for any distribution/production usage\n",
     "its first comment says 'development environment only': an image for development"),
    ("# In the first stage, we build a Zulip development environment image\n", ""),  # of one stage, not the image
])
def test_a_first_comment_that_says_not_for_production_makes_size_fixes_reports(header, unshipped):
    doc = Dockerfile.parse(header + SERVICE, "Dockerfile")
    assert decide_role(doc, RepositoryFacts(), glob_matches).unshipped == unshipped
