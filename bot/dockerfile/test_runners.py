"""Commands that run a project's tests: an image whose command is one is a test runner (its
container runs the suite and exits), not a service that ships."""
from __future__ import annotations

import re

# Programs that are test runners whatever their arguments.
RUNNERS = frozenset({"pytest", "py.test", "tox", "nox", "phpunit", "pest", "paratest", "rspec", "jest", "mocha",
                     "vitest", "karma", "ava", "cucumber", "cucumber-js", "behave", "robot", "newman", "ctest",
                     "gotestsum", "ginkgo", "bats", "nextest", "nosetests", "nose2", "testcafe"})
# Programs whose subcommand runs the tests (`go test`, `npm test`, `dotnet test`, `mvn verify`; make's
# targets are read by their words, below).
TEST_SUBCOMMANDS = {
    "go": frozenset({"test"}), "cargo": frozenset({"test", "nextest"}), "npm": frozenset({"test", "t"}),
    "yarn": frozenset({"test"}), "pnpm": frozenset({"test"}), "bun": frozenset({"test"}), "deno": frozenset({"test"}),
    "dotnet": frozenset({"test"}), "mvn": frozenset({"test", "verify"}), "mvnw": frozenset({"test", "verify"}),
    "gradle": frozenset({"test", "check"}), "gradlew": frozenset({"test", "check"}), "mix": frozenset({"test"}),
    "swift": frozenset({"test"}), "rake": frozenset({"test", "spec"}),
    "playwright": frozenset({"test"}), "cypress": frozenset({"run"}), "artisan": frozenset({"test"}),
}
# Browser test frameworks, whose name on a Dockerfile (`Dockerfile.playwright`, `Dockerfile.cypress`)
# says it runs the end-to-end tests.
TEST_FRAMEWORKS = frozenset({"playwright", "cypress"})
# `npm run test:e2e`, `yarn run test-unit`: a script named for tests.
SCRIPT_RUNNERS = frozenset({"npm", "yarn", "pnpm", "bun"})
# Make targets named for a kind of test run (`make integration`, `make test-e2e`, `make acceptance-tests`).
MAKE_TEST_WORDS = frozenset({"test", "tests", "check", "integration", "e2e", "acceptance", "smoke"})
# Words in front of the runner that only choose how it starts (`python -m pytest`, `bundle exec rspec`, `npx jest`).
PREFIXES = {"python": ("-m",), "python3": ("-m",), "bundle": ("exec",), "npx": (), "php": (), "poetry": ("run",),
            "uv": ("run",), "pipenv": ("run",), "exec": ()}


def test_command(words: list[str]) -> str | None:
    """The words that run the tests (`go test`), None when the command is not a test run."""
    words = list(words)
    while words:
        program = words[0].rsplit("/", 1)[-1].lower()
        if program in PREFIXES and len(words) > 1:
            options = PREFIXES[program]
            words = words[1:]
            if words and words[0] in options:
                words = words[1:]
            continue
        break
    if not words:
        return None
    program = words[0].rsplit("/", 1)[-1].lower()
    following = [w for w in words[1:] if not w.startswith("-")]
    subcommand = following[0].lower() if following else ""
    if program in RUNNERS:
        return program
    if subcommand in TEST_SUBCOMMANDS.get(program, ()):
        return f"{program} {subcommand}"
    if program == "make" and subcommand and set(re.split(r"[-_:.]", subcommand)) & MAKE_TEST_WORDS:
        return f"make {subcommand}"
    if program in SCRIPT_RUNNERS and subcommand == "run" and len(following) > 1 \
            and following[1].lower().split(":", 1)[0].split("-", 1)[0] == "test":
        return f"{program} run {following[1]}"
    return None
