"""Small pieces: image references, the shell splitter, edits, grades, globs."""
from __future__ import annotations

import pytest

from bot.dockerfile.model import Dockerfile
from bot.dockerfile.opt_in import opt_in_argument
from bot.dockerfile.shell import split_commands
from bot.errors import InvalidReferenceError, OverlappingEditsError
from bot.model.findings import Finding
from bot.model.images import parse_reference
from bot.model.text import Edit, Span, apply_edits
from bot.report.grade import grade, score
from bot.sources.globs import glob_regex


@pytest.mark.parametrize("text, registry, repository, tag, digest", [
    ("python", "docker.io", "library/python", None, None),
    ("python:3.12-slim", "docker.io", "library/python", "3.12-slim", None),
    ("bitnami/redis:7", "docker.io", "bitnami/redis", "7", None),
    ("ghcr.io/o/r:v1", "ghcr.io", "o/r", "v1", None),
    ("localhost/app", "localhost", "app", None, None),
    ("127.0.0.1:5000/python:3.12", "127.0.0.1:5000", "python", "3.12", None),
    ("registry.example.com:8443/team/app@sha256:" + "a" * 64, "registry.example.com:8443", "team/app", None,
     "sha256:" + "a" * 64),
    ("index.docker.io/library/node:20", "docker.io", "library/node", "20", None),
])
def test_reference(text, registry, repository, tag, digest):
    ref = parse_reference(text)
    assert (ref.registry, ref.repository, ref.tag, ref.digest) == (registry, repository, tag, digest)


@pytest.mark.parametrize("text, reason", [
    ("Python:3", "must be lowercase"),
    ("python:-bad", "invalid tag"),
    ("python@sha256:xyz", "invalid digest"),
    ("", "empty"),
    ("a//b", "invalid repository name"),
])
def test_reference_errors(text, reason):
    with pytest.raises(InvalidReferenceError, match=reason):
        parse_reference(text)


def test_shell_splits_commands_with_spans():
    text = "A=1 sudo -u x apt-get install -y 'a b' \"c\" && (cd /x; make) | tee log 2>&1"
    script = split_commands(text)
    names = [c.name for c in script.commands]
    assert names == ["apt-get", "cd", "make", "tee"]
    install = script.commands[0]
    assert [w.value for w in install.args()] == ["install", "-y", "a b", "c"]
    quoted = install.args()[2]
    assert text[quoted.start:quoted.end] == "'a b'"
    assert script.has_pipe
    assert [w.value for w in script.commands[3].redirect_targets] == ["1"]
    assert [w.value for w in script.commands[3].args()] == ["log"]


def test_shell_ignores_operators_in_quotes_and_substitutions():
    script = split_commands("echo 'a | b' \"$(x | y)\" && echo done")
    assert not script.has_pipe
    assert [c.name for c in script.commands] == ["echo", "echo"]


def test_shell_case_pattern_alternatives_are_not_pipes():
    script = split_commands('case "$P" in linux/arm/v7|linux/arm/v8) echo skip ;; (a|b) make ;; *) pip install x ;; esac')
    assert not script.has_pipe
    assert [c.name for c in script.commands] == ["case", "echo", "a", "make", "*", "pip", "esac"]
    piped = split_commands("case $a in x|y) curl -fsSL u | sh ;; esac; echo a | grep b")
    assert [(c.name, c.separator_after) for c in piped.commands if c.separator_after == "|"] == [("curl", "|"), ("echo", "|")]
    # A case after a reserved word, with no operator between them (`then case`, `do case`).
    nested = split_commands('if [ -z "$P" ]; then case "$(uname -m)" in x86_64) P=amd64 ;; aarch64|arm64) P=arm64 ;; esac; fi')
    assert not nested.has_pipe
    looped = split_commands("for a in b; do case $a in x|y) echo 1 | cat ;; esac; done")
    assert [c.name for c in looped.commands if c.separator_after == "|"] == ["echo"]


def test_usage_docs_mounts_are_the_container_paths_of_docker_run_volumes():
    from bot.sources.usage_docs import documented_mounts, usage_doc_paths
    text = ("docker run -d -v $(pwd):/shiori/ img\n`docker run --volume=\"data:/var/lib/app:ro\" img`\n"
            "docker run \\\n  --mount type=bind,source=/x,target=/srv/y img\n"
            "-v ./not-a-run:/elsewhere\n")
    assert documented_mounts(text) == ("/shiori", "/var/lib/app", "/srv/y")
    assert usage_doc_paths(["README.md", "docs/Usage.md", "docs/deep/a.md", "docs/a/b/c/d.md", "docs/a/b/c/d/e.md",
                            "src/README.md", "Dockerfile"]) == \
        ["README.md", "docs/Usage.md", "docs/a/b/c/d.md", "docs/deep/a.md"]


def test_usage_docs_bases_are_the_images_their_dockerfile_samples_build_from():
    from bot.sources.usage_docs import documented_bases
    text = ("# Use it\n\n```dockerfile\nFROM osixia/light-baseimage:1.3.1\nRUN apt-get update\n```\n"
            "from here on, prose\n  FROM --platform=$BUILDPLATFORM ghcr.io/acme/base:${TAG}\n> FROM quoted/in-a-note\n")
    assert documented_bases(text) == ((4, "osixia/light-baseimage:1.3.1"), (8, "ghcr.io/acme/base:${TAG}"),
                                      (9, "quoted/in-a-note"))


def test_a_docs_word_with_no_colon_after_v_is_given_up_in_one_pass():
    """A doc of the scanned repository is input nobody vetted: a 400,000-character word after
    `-v` was retried at every split (quadratic, minutes); it is now read once."""
    from bot.sources.usage_docs import documented_mounts
    assert documented_mounts("docker run -v " + "a" * 400_000 + " img\ndocker run -v d:/kept img\n") == ("/kept",)
    assert documented_mounts("docker run -v $(" + "p" * 400_000 + " img\n") == ()


def test_shell_comment_runs_to_end():
    script = split_commands("apt-get update # and && more")
    assert [c.name for c in script.commands] == ["apt-get"] and script.comment_start == 15


def test_apply_edits_inserts_in_order_and_refuses_overlap():
    assert apply_edits("abc", [Edit.insert(1, "X"), Edit.insert(1, "Y"), Edit(Span(2, 3), "Z")]) == "aXYbZ"
    assert apply_edits("abc", [Edit.insert(1, "X"), Edit.insert(1, "X")]) == "aXbc"
    with pytest.raises(OverlappingEditsError):
        apply_edits("abcdef", [Edit(Span(1, 4), "x"), Edit(Span(3, 5), "y")])
    with pytest.raises(OverlappingEditsError):
        apply_edits("abcdef", [Edit(Span(1, 4), "x"), Edit.insert(2, "y")])


def test_grade_scale_and_cap():
    def found(code):
        return Finding(code, "Dockerfile", 1, "m")
    assert grade([]) == "A" and score([]) == 100
    assert score([found("HB001")]) == 75 and grade([found("HB001")]) == "B"
    assert score([found("DL3042")] * 5) == 90  # one rule takes off at most twice its weight
    assert grade([found("HB001"), found("DL3009"), found("DL4006"), found("DL3020")]) == "D"


@pytest.mark.parametrize("pattern, path, matches", [
    ("legacy/**", "legacy/a/Dockerfile", True),
    ("legacy/**", "x/legacy/Dockerfile", False),
    ("legacy", "x/legacy/Dockerfile", True),
    ("*.Dockerfile", "a/b/web.Dockerfile", True),
    ("services/*/Dockerfile.dev", "services/a/Dockerfile.dev", True),
    ("services/*/Dockerfile.dev", "services/a/b/Dockerfile.dev", False),
    ("**/test/**", "a/test/b/Dockerfile", True),
])
def test_exclude_globs(pattern, path, matches):
    assert bool(glob_regex(pattern).fullmatch(path)) is matches


def test_git_token_travels_in_the_environment_once():
    import base64

    from bot.gitops import auth_settings, config_environment

    assert auth_settings("file:///tmp/remote.git", "tok") == []
    env = config_environment(auth_settings("https://github.com/acme/shop", "tok") + [("safe.directory", "*")])
    assert env["GIT_CONFIG_COUNT"] == "3"
    assert env["GIT_CONFIG_KEY_0"] == env["GIT_CONFIG_KEY_1"] == "http.https://github.com/.extraheader"
    assert env["GIT_CONFIG_VALUE_0"] == ""  # clears what actions/checkout stored
    assert env["GIT_CONFIG_VALUE_1"] == "AUTHORIZATION: basic " + base64.b64encode(b"x-access-token:tok").decode()


@pytest.mark.parametrize("text, expected", [
    ('ARG ASAN\nRUN if [ "$ASAN" = "1" ]; then apt-get update; fi\n', "ASAN"),
    ('ARG ASAN=\nRUN if [[ "${ASAN}" == "on" ]]; then apt-get update; fi\n', "ASAN"),
    ('ARG ASAN\nRUN if [ -n "$ASAN" ]; then apt-get update; fi\n', "ASAN"),
    ('ARG ASAN=1\nRUN if [ "$ASAN" = "1" ]; then apt-get update; fi\n', None),  # on by default
    ('ARG DEBUG=false\nRUN if [ "$DEBUG" == "true" ]; then apk add boost; fi\n', "DEBUG"),  # off by default
    ('ARG DEBUG=false\nRUN if [ -n "$DEBUG" ]; then apk add boost; fi\n', None),  # set, so it runs
    ('RUN if [ "$ASAN" = "1" ]; then apt-get update; fi\n', None),  # not a build argument: maybe an ENV
    ('ARG ASAN\nRUN if [ "$ASAN" = "1" ]; then apt-get update; fi && apt-get install -y gdb\n', None),  # more than the if
])
def test_a_run_that_is_one_if_on_a_build_argument_without_default_is_opt_in(text, expected):
    doc = Dockerfile.parse("FROM debian:12\n" + text)
    assert opt_in_argument(doc, doc.all_runs[-1]) == expected


def test_the_usage_docs_walk_stops_at_its_bound_and_keeps_the_root_readme(tmp_path, monkeypatch):
    """A docs/ tree of many folders is listed only up to MAX_DOCS_LISTED entries: the root README,
    listed first, is always read."""
    from bot import run
    from tests.helpers import write
    write(tmp_path, "README.md", "docker run -v data:/kept img\n")
    for n in range(30):
        write(tmp_path, f"docs/part{n}/deep/page.md", f"docker run -v d:/docs{n} img\n")
    mounts = run._usage_docs(tmp_path).mounts
    assert ("README.md", "/kept") in mounts and len(mounts) == 31
    monkeypatch.setattr(run, "MAX_DOCS_LISTED", 10)
    mounts = run._usage_docs(tmp_path).mounts
    assert ("README.md", "/kept") in mounts and len(mounts) < 10


@pytest.mark.parametrize("text, folder", [
    ("FROM a\nENV dspace__P__dir=/dspace\nWORKDIR $dspace__P__dir\n", "/dspace"),
    ("FROM a\nENV APP_HOME=/srv/app\nWORKDIR ${APP_HOME}/web\n", "/srv/app/web"),
    ("FROM a\nWORKDIR $UNKNOWN/x\n", "/$UNKNOWN/x"),  # a value not set here (the base's) is left as written
])
def test_the_working_folder_puts_in_env_values_as_buildkit_does(text, folder):
    assert Dockerfile.parse(text, "Dockerfile").final_stage.working_folder() == folder


def test_mount_values_are_unquoted_and_filled_in_from_env_and_arg():
    doc = Dockerfile.parse('FROM a\nENV PIP_CACHE_DIR=/.cache\nARG LISTS="/var/lib/apt/lists"\n'
                           'RUN --mount=type=cache,target=${PIP_CACHE_DIR} --mount=type=cache,target="$LISTS" true\n',
                           "Dockerfile")
    run = next(iter(doc.runs()))
    assert [m["target"] for m in run.mounts()] == ["/.cache", "/var/lib/apt/lists"]
    assert run.has_cache_mount("/var/lib/apt/lists")
