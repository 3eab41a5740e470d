"""The bot's own attack surface: hostile repositories, registries and comments. Each shape here
once broke something (a run that never finished, a crash, markup in the pull request body, a
credential sent where it should not go); each is now one line and nothing else."""
from __future__ import annotations

import importlib.util
import re
import time
from pathlib import Path

import dockerfile
import pytest
from dockerfile import parse_string as oracle_parse
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.config import load_config
from bot.dockerfile.images import image_occurrences
from bot.dockerfile.model import Dockerfile
from bot.dockerfile.parser import _directive, parse
from bot.errors import DockerfileSyntaxError
from bot.run import process_texts
from bot.sources.discovery import SourceFile
from bot.sources.dockerfile import KIND as DOCKERFILE
from tests.servers import RawServer, drip_headers


def _fix(text: str, path: str = "Dockerfile"):
    config = load_config(Path("/nonexistent"))
    return process_texts({SourceFile(path, DOCKERFILE): text}, config, config.active_rules(), fix=True)


def _seconds(fn) -> float:
    """CPU seconds this process spends on `fn`: what a hostile input costs, which other work on
    a shared machine does not inflate as it does wall time."""
    start = time.process_time()
    fn()
    return time.process_time() - start


# --- Denial of service: linear time, bounded memory ------------------------------------------

def test_deeply_nested_defaults_are_a_note_not_a_crash():
    depth = 50_000
    doc = Dockerfile.parse("FROM " + "${a:-" * depth + "alpine" + "}" * depth + "\n")
    [occurrence] = image_occurrences(doc)
    assert occurrence.span is None
    assert "nested" in occurrence.note
    assert len(occurrence.note) < 300


def test_deeply_nested_arg_default_is_a_note_not_a_crash():
    depth = 50_000
    report = _fix("ARG B=" + "${a:-" * depth + "y" + "}" * depth + "\nFROM $B\n")
    assert not report.errors


def test_many_runs_are_hardened_in_linear_time():
    text = "FROM debian:12\n" + "RUN apt-get install curl\n" * 10_000
    seconds = _seconds(lambda: _fix(text))
    assert seconds < 6, f"{seconds:.1f} s for 10k RUN lines"


def test_many_dockerfiles_in_one_tree_are_judged_in_linear_time():
    """What a file's role depends on across the tree (its sibling folders, named for
    distributions or not) is read once per tree, not once per file: a monorepo of thousands."""
    config = load_config(Path("/nonexistent"))
    folders = ("alpine", "bookworm", "svc", "api")

    def tree(services: int) -> float:
        texts = {SourceFile(f"services/s{n}/{folders[n % 4]}/Dockerfile", DOCKERFILE): "FROM debian:12\nCMD [\"x\"]\n"
                 for n in range(services)}
        return _seconds(lambda: process_texts(texts, config, config.active_rules(), fix=True))

    small, large = tree(500), tree(2_000)  # 4 times the files: linear ~4x the time, quadratic ~16x
    assert large / small < 7, f"{small:.2f} s for 500 files, {large:.2f} s for 2,000"


def test_many_chained_stages_are_one_line_quickly():
    def chain(stages: int) -> str:
        return "FROM alpine AS s0\n" + "".join(f"FROM s{i} AS s{i + 1}\nRUN pip install x\n" for i in range(stages - 1))
    assert _seconds(lambda: _fix(chain(500))) < 4  # as many as hardenbot reads
    reports = []
    assert _seconds(lambda: reports.append(_fix(chain(5_000)))) < 2
    [report] = reports
    [error] = report.errors
    assert error.message == "more than 500 stages: not read"


def test_collision_check_agrees_with_comparing_every_pair():
    import random

    from bot.model.text import Edit, EditSet, Span, overlaps
    rng = random.Random(7)
    for _ in range(300):
        accepted: list[Edit] = []
        edits = EditSet()
        for _ in range(30):
            start = rng.randrange(40)
            edit = Edit(Span(start, start + rng.choice((0, 0, 1, 2, 5))), "x")
            expected = any(overlaps(edit, other) for other in accepted)
            assert edits.collides(edit) == expected, (edit, accepted)
            if not expected:
                accepted.append(edit)
                edits.add(edit)


def test_special_files_named_like_dockerfiles_are_skipped_never_read(tmp_path):
    import os

    from bot.sources.discovery import find_sources
    from bot.sources.files import read_text
    (tmp_path / "Dockerfile").write_text("FROM alpine\n")
    os.mkfifo(tmp_path / "app.Dockerfile")  # opening it to read would wait for a writer forever
    assert [s.path for s in find_sources(tmp_path)] == ["Dockerfile"]
    with pytest.raises(OSError, match="not a regular file"):
        read_text(tmp_path / "app.Dockerfile")


@pytest.mark.parametrize("size", [0, 1, 64 * 1024 - 1, 64 * 1024, 64 * 1024 + 1, 300_000, (1 << 20) - 1, 1 << 20])
def test_a_file_is_read_whole_up_to_the_limit_and_refused_past_it(tmp_path, size):
    """Read in pieces of the size the file says it has (64 KiB at least): every size around
    a piece's end reads the very bytes, and one byte past 1 MiB is refused."""
    from bot.sources.files import MAX_BYTES, TOO_LARGE, read_text
    data = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    (tmp_path / "Dockerfile").write_bytes(data)
    assert read_text(tmp_path / "Dockerfile").encode("utf-8", errors="surrogateescape") == data
    (tmp_path / "big.Dockerfile").write_bytes(data + b"y" * (MAX_BYTES + 1 - size))
    with pytest.raises(OSError, match=TOO_LARGE):
        read_text(str(tmp_path / "big.Dockerfile"))


def test_a_file_larger_than_any_dockerfile_is_one_line(tmp_path):
    from bot.run import process
    (tmp_path / "Dockerfile").write_text("FROM alpine\n" + "RUN apt-get install curl\n" * 500_000)
    config = load_config(tmp_path)
    start = time.perf_counter()
    report = process(tmp_path, config, config.active_rules(), fix=True, write=True)
    assert time.perf_counter() - start < 2
    [error] = report.errors
    assert error.message == "cannot read: larger than 1 MiB, more than any Dockerfile, compose file or workflow needs"
    [error] = _fix("FROM alpine\n" + "RUN apt-get install curl\n" * 500_000).errors  # a fork's, from git
    assert error.message == "not read: larger than 1 MiB, more than any Dockerfile, compose file or workflow needs"


def _bench():
    """bench/hostile.py, whose shapes these tests time at the size the bench does."""
    spec = importlib.util.spec_from_file_location("bench_hostile", Path(__file__).parent.parent / "bench" / "hostile.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BENCH = _bench()


@pytest.mark.parametrize("shape", list(BENCH.LINE_SHAPES))
def test_directives_comments_and_continuations_are_checked_in_linear_time(shape, tmp_path, capsys):
    from bot.cli import main
    (tmp_path / "hostile").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "Dockerfile").write_text("FROM alpine\n")
    seconds = {}
    for size, text in (("256 KiB", BENCH.LINE_SHAPES[shape](256 << 10)), ("1 MiB", BENCH.largest_read(BENCH.LINE_SHAPES[shape]))):
        (tmp_path / "hostile" / "Dockerfile").write_bytes(text.encode())
        seconds[size] = _seconds(lambda: main(["check", "--offline", str(tmp_path)]))
        out, err = capsys.readouterr()
        assert "other/Dockerfile:1: DL3006 alpine has no tag" in out  # the rest of the run completed
        assert len(out) + len(err) < 10_000
    assert seconds["1 MiB"] < 5, seconds
    # 4 when linear (up to ~8 on a loaded machine, the garbage collector's share growing), 16 when quadratic
    assert seconds["1 MiB"] < 1 or seconds["1 MiB"] / seconds["256 KiB"] < 12, seconds


_GO_DIRECTIVE = re.compile(r"([A-Za-z][A-Za-z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*(.+?)[\t\n\f\r ]*$")


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ9=#`\\ \t\f\r\v\x85\xa0\u2028\u3000")), max_size=12))
def test_directives_are_read_as_buildkits_pattern_reads_them(line):
    """BuildKit's own pattern, which backtracks in Python's re, as the oracle on short lines
    (a line never holds a newline)."""
    match = _GO_DIRECTIVE.match(line)
    assert _directive(line) == ((match.group(1), match.group(2), match.start(2)) if match else None)


@pytest.mark.parametrize("line", ["# escape=`", "# escape = `", "#escape=`", "# escape=` ", "# escape= \t`",
                                  "# escape=` x", "# escape=", "# escape= ", "# escape=\t \t", "# escape `"])
@pytest.mark.parametrize("pad", [1, 16_000])
def test_padded_escape_directives_mean_what_they_mean_to_buildkit(line, pad):
    """BuildKit's own parser (PyPI `dockerfile`) reads lines up to 64 KiB, hence 16,000 blanks;
    whether the directive holds shows in whether `RUN a `` continues onto `RUN b`."""
    text = line.replace(" ", " " * pad).replace("\t", "\t" * pad) + "\nFROM alpine\nRUN a `\nRUN b\n"
    try:
        expected = [(c.cmd.upper(), c.start_line, c.end_line) for c in oracle_parse(text)]
    except dockerfile.GoParseError as error:
        assert "invalid escape token" in str(error)
        with pytest.raises(DockerfileSyntaxError, match="invalid escape directive"):
            parse(text)
        return
    assert [(i.keyword, i.line, i.end_line) for i in parse(text).instructions] == expected


def test_exclude_globs_with_many_double_stars_match_in_linear_time():
    from bot.sources.globs import glob_matches
    start = time.perf_counter()
    assert not glob_matches("**/" * 40 + "x", "a/" * 40 + "b")
    assert glob_matches("**/" * 40 + "b", "a/" * 40 + "b")
    assert time.perf_counter() - start < 0.5


def test_challenge_parameters_are_read_in_linear_time():
    from bot.registry.client import challenge_params
    start = time.perf_counter()
    assert challenge_params("a" * 60_000) == {}
    assert challenge_params(" " * 30_000 + "a" * 30_000) == {}
    assert time.perf_counter() - start < 0.5
    assert challenge_params('realm="https://r/t",service=s , scope="a b"') == {
        "realm": "https://r/t", "service": "s", "scope": "a b"}


def _flood(connection, stop):
    size = 64 << 20
    connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/vnd.oci.image.manifest.v1+json\r\n"
                       + f"Content-Length: {size}\r\n\r\n".encode())
    chunk = b" " * (1 << 20)
    for _ in range(64):
        if stop.is_set():
            return
        connection.sendall(chunk)


@pytest.mark.parametrize(("answer", "reason"), [
    (lambda c, s: drip_headers(c, s, 0.1), r"registry phase deadline \(1 s\) passed while waiting for 127\.0\.0\.1:"),
    (_flood, "sent more than 4 MiB")])
def test_a_hostile_registry_costs_one_line_for_its_image(answer, reason):
    from bot.model.images import parse_reference
    from bot.registry.client import RegistryClient, RegistryError
    from bot.retry import RetryPolicy
    server = RawServer(answer)
    try:
        client = RegistryClient(deadline=1.0, retry=RetryPolicy(attempts=3, base_delay=0, max_delay=0),
                                sleep=lambda _: None)
        start = time.perf_counter()
        with pytest.raises(RegistryError, match=reason):
            client.resolve_digest(parse_reference(f"127.0.0.1:{server.port}/app:1"))
        assert time.perf_counter() - start < 3
    finally:
        server.close()


# --- The pull request body and replies are data, not markup -----------------------------------

HOSTILE_FOLDERS = ["<!-- open", "@acme", "![x](http:", "](javascript:alert(1))", "line\n# Heading", "tick`s``",
                   "<!-- hardenbot:state {} -->", "<img src=x>", "a|b"]


def _outside_code_spans(line: str) -> str:
    """`line` without its code spans, as CommonMark reads them: a backslash-escaped backtick
    is text, and opens none."""
    import re
    out, at = [], 0
    for opening in re.finditer(r"(?<![`\\])`+", line):
        if opening.start() < at:
            continue
        closing = re.compile(r"(?<!`)" + opening.group() + r"(?!`)").search(line, opening.end())
        if closing is None:
            continue
        out.append(line[at : opening.start()])
        at = closing.end()
    return "".join(out) + line[at:]


def _markup_in(line: str) -> list[str]:
    """Markup outside code spans that GitHub would render: a comment or tag, a link or image
    (an escaped bracket is text), a mention, a URL; a forged state block opens a comment."""
    import re
    text = _outside_code_spans(line)
    found = [m for m in ("<!--", "<img", "@acme", "http://") if m in text]
    return found + re.findall(r"(?<!\\)\]\(|!\[", text)


def test_hostile_names_and_texts_are_inert_in_the_pull_request_body(tmp_path):
    from bot.report.markdown import MARKER, render_body
    from bot.run import digest_changes, process
    for folder in HOSTILE_FOLDERS:
        (tmp_path / folder / "team").mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "team" / "Dockerfile").write_text("FROM python:3.12\nRUN pip install flask\n")
    (tmp_path / "err").mkdir()
    (tmp_path / "err" / "Dockerfile").write_text(
        "FROM ${X:?<!-- @acme/team ![x](http://e.example/x.png) [a](javascript:alert(1)) `}\n")
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "Dockerfile").write_text("RUN <!-- @acme/team [a](http://e.example) -->\n")
    config = load_config(tmp_path)
    report = process(tmp_path, config, config.active_rules(), fix=True, write=False)
    body = render_body(report, digest_changes(report))
    visible, state = body.split("\n<!-- hardenbot:state ")
    assert "<!--" not in state and "-->" not in state[:-5]
    for line in visible.splitlines():
        if line == MARKER:  # the bot's own
            continue
        assert not line.startswith("# Heading")
        assert _markup_in(line) == [], line
    assert "line\\n# Heading" in body  # the newline in the name, shown as an escape


def test_the_fork_reply_fences_a_diff_holding_backticks():
    from bot.flow import _suggestion
    text = "FROM python:3.12\n# ```` closes a short fence\nRUN pip install flask\n"
    report = _fix(text)
    reply = _suggestion(report, "the fixes")
    fence = reply.splitlines()[2].removesuffix("diff")
    assert set(fence) == {"`"} and len(fence) > 4
    assert reply.rstrip("\n").endswith("\n" + fence)
    assert reply.count(fence) == 2


def test_the_body_fits_github_whatever_the_errors():
    from bot.model.findings import FileError
    from bot.model.results import RunReport
    from bot.report.markdown import GITHUB_BODY_LIMIT, render_body
    errors = tuple(FileError(f"{'d' * 200}{i}/Dockerfile", 1, "x" * 5_000) for i in range(3_000))
    body = render_body(RunReport((), errors, False, None), [])
    assert len(body) < GITHUB_BODY_LIMIT
    assert "more unreadable files folded" in body


def _hostile_carried(count: int, paths: tuple[str, ...], total: int):
    from bot.model.commits import CarriedCommit, CarriedCommits
    texts = HOSTILE_FOLDERS + ["<!-- @acme/team ![x](http://e.example/x.png) [a](javascript:alert(1)) `"]
    return CarriedCommits(tuple(CarriedCommit(f"{i:040x}", texts[i % len(texts)] + " @acme/team",
                                              texts[(i + 1) % len(texts)] + " [a](http://e.example)", paths)
                                for i in range(count)), total)


def test_commits_people_pushed_are_inert_in_the_pull_request_body():
    """A commit's author, subject and file names are anyone's text: listed in the body, none of
    it opens a comment or tag, links, shows an image, mentions a team or forges the state."""
    from bot.model.results import RunReport
    from bot.report.markdown import MARKER, render_body
    carried = _hostile_carried(len(HOSTILE_FOLDERS) + 1, tuple(f"{name}/Dockerfile" for name in HOSTILE_FOLDERS), 12)
    body = render_body(RunReport((), (), False, None), [], carried=carried)
    visible, state = body.split("\n<!-- hardenbot:state ")
    assert "<!--" not in state and "-->" not in state[:-5]
    listed = [line for line in visible.splitlines() if line.startswith("- `")]
    assert len(listed) == len(HOSTILE_FOLDERS) + 1 and "- … 2 more commits: the branch's history lists them all" in body
    for line in visible.splitlines():
        if line != MARKER:
            assert not line.startswith("# Heading") and _markup_in(line) == [], line
    assert "`line\\n# Heading/Dockerfile`" in body


def test_the_body_fits_github_whatever_commits_people_pushed():
    """Fifty commits (as many as the body lists), each with a subject and an author of a
    megabyte and twenty thousand files of 4,000-character names, of a hundred thousand."""
    from bot.model.commits import CarriedCommit, CarriedCommits
    from bot.model.results import RunReport
    from bot.report.markdown import GITHUB_BODY_LIMIT, LISTED_COMMITS, render_body
    paths = ("d" * 4_000 + "/Dockerfile",) * 20_000
    carried = CarriedCommits(tuple(CarriedCommit(f"{i:040x}", "a" * 1_000_000, "s" * 1_000_000, paths)
                                   for i in range(LISTED_COMMITS)), 100_000)
    bodies = []
    seconds = _seconds(lambda: bodies.append(render_body(RunReport((), (), False, None), [], carried=carried)))
    [body] = bodies
    assert len(body) < GITHUB_BODY_LIMIT and seconds < 10
    assert "### Commits people pushed to this branch (100000)" in body and "more commits: the branch's history" in body
    assert "more files" in body and body.rstrip().endswith("-->")  # the state block closes it: the rest was composed


# --- Credentials ----------------------------------------------------------------------------

SECRET = "s3cr3t-t0ken-value"


def _ghcr_challenge(responses, realm: str):
    url = "https://ghcr.io/v2/acme/base/manifests/1"
    responses.head(url, status=401, headers={"WWW-Authenticate": f'Bearer realm="{realm}",service="ghcr.io"'})
    responses.head(url, status=200, headers={"Docker-Content-Digest": "sha256:" + "1" * 64})


def _ghcr_client():
    from bot.registry.client import Credential, RegistryClient
    return RegistryClient({"ghcr.io": Credential("x-access-token", SECRET)}, sleep=lambda _: None)


@pytest.mark.parametrize("realm", ["https://evil.example/token", "https://ghcr.io.evil.example/token",
                                   "https://auth.docker.io/token"])  # Docker Hub's, not ghcr.io's
def test_credentials_go_only_to_the_registrys_own_token_service(realm):
    import responses

    from bot.model.images import parse_reference
    with responses.RequestsMock() as mocked:
        _ghcr_challenge(mocked, realm)
        mocked.get(realm, json={"token": "anonymous"})
        _ghcr_client().resolve_digest(parse_reference("ghcr.io/acme/base:1"))
        [token_request] = [c.request for c in mocked.calls if c.request.method == "GET"]
        assert "Authorization" not in token_request.headers  # asked for an anonymous token, if any


@pytest.mark.parametrize("realm", ["http://ghcr.io/token", "http://localhost:1@evil.example/token",
                                   "http://127.0.0.1.evil.example/token", "ftp://ghcr.io/token"])
def test_a_realm_over_plain_http_is_refused_unless_it_is_a_literal_loopback_address(realm):
    import responses

    from bot.model.images import parse_reference
    from bot.registry.client import AuthError
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mocked:
        _ghcr_challenge(mocked, realm)
        with pytest.raises(AuthError, match="cannot answer"):
            _ghcr_client().resolve_digest(parse_reference("ghcr.io/acme/base:1"))


def test_a_token_headers_cannot_carry_is_an_error_for_that_image():
    import responses

    from bot.model.images import parse_reference
    from bot.registry.resolver import resolve_all
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mocked:
        _ghcr_challenge(mocked, "https://ghcr.io/token")
        mocked.get("https://ghcr.io/token", json={"token": "tökén\u2603\r\nX-Injected: 1"})
        [resolution] = resolve_all([parse_reference("ghcr.io/acme/base:1")], _ghcr_client(), 1).values()
        assert resolution.error == "the token service of ghcr.io sent something that is not a bearer token"


@pytest.mark.parametrize("environ", [
    {},  # no repository
    {"GITHUB_REPOSITORY": "acme/app", "GITHUB_EVENT_NAME": "issue_comment", "GITHUB_EVENT_PATH": "/nonexistent"},
    {"GITHUB_REPOSITORY": "acme/app", "GITHUB_EVENT_NAME": "push", "INPUT_VERIFY": f"x{SECRET}"},
    {"GITHUB_REPOSITORY": "acme/app", "GITHUB_EVENT_NAME": "push", "INPUT_VERIFY-MAX-IMAGES": f"{SECRET}"},
    {"GITHUB_REPOSITORY": "acme/app", "GITHUB_EVENT_NAME": "push", "INPUT_COMMITTER": f"{SECRET} <x"},
])
@pytest.mark.parametrize("token", [f"  {SECRET}\n", f"{SECRET}\n::warning::forged"])
def test_the_token_is_in_no_output_of_a_failing_action(environ, token, tmp_path):
    from bot.action import action_main
    printed: list[str] = []
    environ = {"GITHUB_TOKEN": token, "GITHUB_WORKSPACE": str(tmp_path), **environ}
    assert action_main(environ, printed.append) == 1
    for line in printed:
        assert "\n" not in line and "\r" not in line  # one line each: no workflow command can be forged
        assert SECRET not in line or line == f"::add-mask::{SECRET}"


# --- Robustness -----------------------------------------------------------------------------

def test_git_reads_paths_literally_never_as_pathspec_magic(tmp_path):
    import subprocess

    from bot.gitops import Repository
    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)
    git("init", "-q", "-b", "main")
    git("remote", "add", "origin", str(tmp_path))
    for folder in (":(top)app", "app"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "Dockerfile").write_text("FROM alpine\n")
    repository = Repository(tmp_path)
    tree = repository.stage(tmp_path, [":(top)app/Dockerfile"])  # magic, this would add app/Dockerfile
    listed = subprocess.run(["git", "ls-tree", "--name-only", tree], cwd=tmp_path, capture_output=True, text=True)
    assert listed.stdout.split() == [":(top)app"]


@pytest.mark.parametrize("content", [b"services:\n  app:\n    image: \xff\xfe\n", b"services:\n  app:\n    image: a\x00b\n",
                                     b"\x00\x01\x02"])
@pytest.mark.parametrize("name", ["compose.yaml", ".github/workflows/ci.yml"])
def test_undecodable_yaml_is_one_line_and_the_run_goes_on(tmp_path, content, name):
    from bot.run import process
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_bytes(content)
    (tmp_path / "Dockerfile").write_text("FROM python:3.12\nRUN pip install flask\n")
    config = load_config(tmp_path)
    report = process(tmp_path, config, config.active_rules(), fix=True, write=False)
    [error] = report.errors
    assert error.path == name and "\n" not in error.message and len(error.message) < 200
    assert [r.path for r in report.results if r.changed] == ["Dockerfile"]


def test_a_read_only_dockerfile_is_reported_not_replaced(tmp_path):
    from bot.run import process
    dockerfile = tmp_path / "Dockerfile"
    dockerfile.write_text("FROM python:3.12\nRUN pip install flask\n")
    dockerfile.chmod(0o444)
    config = load_config(tmp_path)
    report = process(tmp_path, config, config.active_rules(), fix=True, write=True)
    assert [(e.path, e.message) for e in report.errors] == [("Dockerfile", "cannot write: the file is read-only")]
    assert dockerfile.read_text() == "FROM python:3.12\nRUN pip install flask\n"


def test_a_duplicate_escape_directive_is_buildkits_error():
    from bot.dockerfile.parser import parse
    from bot.errors import DockerfileSyntaxError
    with pytest.raises(DockerfileSyntaxError, match="only one escape parser directive can be used"):
        parse("# escape=`\n# escape=\\\nFROM alpine\n", "Dockerfile")


@pytest.mark.parametrize("digits", [4_000, 5_000])
def test_an_absurd_number_in_the_configuration_is_one_short_line(tmp_path, digits):
    from bot.errors import ConfigError
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "hardenbot.yml").write_text(f"uid: {'9' * digits}\n")
    with pytest.raises(ConfigError) as raised:
        load_config(tmp_path)
    assert "uid" in str(raised.value) or "YAML" in str(raised.value)
    assert len(str(raised.value)) < 400 and "\n" not in str(raised.value)


def test_a_configuration_error_echoes_no_value_into_a_public_comment():
    from bot.errors import ConfigError
    from bot.flow import public_reason
    error = ConfigError(".github/hardenbot.yml", 3, "labels: must be a list, not 'ghp_secret'")
    assert public_reason(error) == (".github/hardenbot.yml:3 is not a valid configuration: "
                                    "the run's log says why")
    assert public_reason(ValueError("x")) == "x"


@pytest.mark.parametrize("linked", ["file", "folder"])
@pytest.mark.parametrize("name", [".github/hardenbot.yml", ".hadolint.yaml"])
def test_configuration_reached_through_a_symlink_is_refused(tmp_path, linked, name):
    from bot.errors import ConfigError
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "secret.yml").write_text("password: hunter2 [\n")
    repository = tmp_path / "repository"
    repository.mkdir()
    target = repository / name
    if linked == "folder" and "/" in name:
        (elsewhere / "hardenbot.yml").symlink_to(elsewhere / "secret.yml")
        target.parent.symlink_to(elsewhere)
    else:
        target.parent.mkdir(exist_ok=True)
        target.symlink_to(elsewhere / "secret.yml")
    with pytest.raises(ConfigError, match="a symbolic link: not read") as raised:
        load_config(repository)
    assert "hunter2" not in str(raised.value)


def test_a_password_headers_cannot_carry_is_an_error_for_that_image():
    import responses

    from bot.model.images import parse_reference
    from bot.registry.client import Credential, RegistryClient
    from bot.registry.resolver import resolve_all
    client = RegistryClient({"ghcr.io": Credential("x-access-token", "pässwörd☃")}, sleep=lambda _: None)
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mocked:
        _ghcr_challenge(mocked, "https://ghcr.io/token")
        mocked.get("https://ghcr.io/token", json={"token": "t"})
        [resolution] = resolve_all([parse_reference("ghcr.io/acme/base:1")], client, 1).values()
    assert resolution.error == "the credentials for ghcr.io hold characters an HTTP header cannot carry"
    assert "pässwörd" not in resolution.error


@pytest.mark.parametrize("command", ["check", "fix"])
def test_file_names_with_control_characters_are_one_line_in_the_cli_output(tmp_path, capsys, command):
    from bot.cli import main
    for folder in ("a\n::error::forged", "b\x1b]0;title\x07", "c"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "Dockerfile").write_text("FROM python:3.12\nRUN pip install flask\n")
    (tmp_path / "d\r\n::warning::x").mkdir()
    (tmp_path / "d\r\n::warning::x" / "Dockerfile").write_text("RUN true\n")  # unreadable: an error line
    main([command, "--offline", str(tmp_path)])
    captured = capsys.readouterr()
    for line in (captured.out + captured.err).splitlines():
        assert not line.startswith("::") and "\x1b" not in line and "\r" not in line, line
    assert "a\\n::error::forged/Dockerfile" in captured.out


def test_policy_evidence_from_an_image_is_inert_in_the_body():
    from bot.model.policies import ImagePolicies, PolicyResult, PolicyState
    from bot.model.results import RunReport
    from bot.report.policies import markdown_lines
    hostile = "<!-- hardenbot:state {} --> @acme/team ![x](http://e.example/x.png) [a](javascript:alert(1))"
    before = (PolicyResult("agpl", PolicyState.FAIL, "an AGPL package", (f"pkg {hostile}\n# Heading",)),)
    report = RunReport((), (), False, policies=(ImagePolicies("a`b\n# x/Dockerfile", before, None, "C", None, {}),))
    for line in markdown_lines(report):
        assert not line.startswith("# ")
        assert _markup_in(line) == [], line
