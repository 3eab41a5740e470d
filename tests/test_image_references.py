"""Image references as BuildKit reads them: variables expanded as its shell lexer expands them,
parser directives as its parser reads them (checked against BuildKit's own parser, PyPI
`dockerfile`), and what is pinned where."""
from __future__ import annotations

import dockerfile
import pytest

from bot.config import Config
from bot.dockerfile.images import image_occurrences
from bot.dockerfile.model import Dockerfile
from bot.dockerfile.parser import parse
from bot.engine import harden_text
from bot.errors import DockerfileSyntaxError
from bot.model.images import Resolution, image_key, parse_reference
from bot.run import digest_changes, make_ruleset, process_texts
from bot.sources.discovery import SourceFile
from bot.sources.dockerfile import KIND as DOCKERFILE
from tests.test_contract import assert_parser_agrees

# Dockerfile → (the image its last stage is built FROM, the text pinned where it is written or None)
EXPANSIONS = [
    ("ARG BASE=${BASE:-alpine:3.19}\nFROM ${BASE}\n", "alpine:3.19", "alpine:3.19"),
    ("ARG BASE=\nFROM ${BASE:-alpine:3.19}\n", "alpine:3.19", "alpine:3.19"),
    ("ARG BASE=\nFROM ${BASE-alpine:3.19}\n", None, None),  # set, if empty: `-` keeps it
    ("FROM ${BASE-alpine:3.19}\n", "alpine:3.19", "alpine:3.19"),
    ("ARG BASE=x\nFROM ${BASE:+alpine:3.19}\n", "alpine:3.19", "alpine:3.19"),
    ("FROM ${BASE:+alpine:3.19}\n", None, None),
    ("ARG BASE=\nFROM ${BASE+alpine:3.19}\n", "alpine:3.19", "alpine:3.19"),
    ("ARG BASE=\nFROM ${BASE:+alpine:3.19}\n", None, None),
    ("FROM ${A:-${B:-'alpine:3.19'}}\n", "alpine:3.19", "alpine:3.19"),
    ("ARG A=alpine:3.19\nFROM ${B:-$A}\n", "alpine:3.19", "alpine:3.19"),
    ("ARG A=alpine\nARG B=${A}:3.19\nFROM ${B}\n", "alpine:3.19", None),
    ("ARG V=3.19.1\nFROM alpine:${V%.*}\n", "alpine:3.19", None),
    ("ARG B=alpine:3.19\nFROM ${B%:*}\n", "alpine", None),  # cut: a digest would land mid-name
    ('ARG B="alpine:3.19"\nFROM $B\n', "alpine:3.19", "alpine:3.19"),
    ("ARG B=alp\\ine:3.19\nFROM $B\n", "alpine:3.19", None),
    ("# escape=`\nARG B=alp`ine:3.19\nFROM $B\n", "alpine:3.19", None),
    ("ARG B=alpine:3.19\nARG B\nFROM $B\n", "alpine:3.19", "alpine:3.19"),  # no default: keeps its value
    ("ARG TAG\nFROM alpine:3.19${TAG}\n", None, None),
    ("FROM alpine:${TARGETARCH}\n", None, None),
    ("ARG B=${X:?needs_X}\nFROM ${B}\n", None, None),
    ("FROM ${B:x}\n", None, None),
]


@pytest.mark.parametrize(("text", "resolved", "pinned"), EXPANSIONS, ids=[case[0] for case in EXPANSIONS])
def test_variables_expand_as_buildkit_expands_them(text, resolved, pinned):
    doc = Dockerfile.parse(text)
    assert doc.stages[-1].resolved_base == resolved
    [occurrence] = image_occurrences(doc)
    where = text[occurrence.span.start : occurrence.span.end] if occurrence.span else None
    assert where == pinned
    if pinned is None:
        assert occurrence.note


def test_why_a_reference_is_not_rewritten():
    notes = {text: image_occurrences(Dockerfile.parse(text))[0].note for text, *_ in EXPANSIONS}
    assert notes["FROM alpine:${TARGETARCH}\n"] == "alpine:${TARGETARCH} depends on $TARGETARCH, which only the build knows"
    assert notes["ARG TAG\nFROM alpine:3.19${TAG}\n"] == "alpine:3.19${TAG} has no default value to resolve"
    assert notes["ARG B=${X:?needs_X}\nFROM ${B}\n"] == "${B} cannot be expanded: X: needs_X"
    assert notes["ARG BASE=\nFROM ${BASE-alpine:3.19}\n"] == "${BASE-alpine:3.19} expands to nothing without build args"


# text → (escape, the frontend `# syntax=` names, or the error), each read by BuildKit's parser too
DIRECTIVES = [
    (" # escape=`\nFROM a\nRUN x `\n  y\n", "`", None),
    ("\t#\tescape = ` \nFROM a\nRUN x `\n  y\n", "`", None),
    ("# SYNTAX=docker/dockerfile:1\n#Escape=`\nFROM a\nRUN x `\n  y\n", "`", "docker/dockerfile:1"),
    ("#  syntax = docker/dockerfile:1.7 --opt\nFROM a\n", "\\", "docker/dockerfile:1.7"),
    ("# unknown=1\n# escape=`\nFROM a\n", "\\", None),  # an unknown directive ends them
    ("# my_key=1\n# syntax=docker/dockerfile:1\nFROM a\n", "\\", None),  # not a directive name
    ("# escape=\n# syntax=docker/dockerfile:1\nFROM a\n", "\\", None),  # no value: a comment
    ("# a comment\n# syntax=docker/dockerfile:1\nFROM a\n", "\\", None),
    ("\n# syntax=docker/dockerfile:1\nFROM a\n", "\\", None),
    ("\ufeff # syntax=docker/dockerfile:1\nFROM a\n", "\\", "docker/dockerfile:1"),
    ("FROM\\\n  a\n", "\\", None),
    ("FR\\\nOM a\n", "\\", None),
    ("RUN echo a\\\\\nFROM b\n", "\\", None),  # an escaped escape continues nothing
    ("# escape=`\n# escape=`\nFROM a\n", "only one escape parser directive can be used", None),
    ("# syntax=a\n# syntax=b\nFROM a\n", "only one syntax parser directive can be used", None),
    ("# escape=x\nFROM a\n", "invalid escape directive 'x'", None),
    ("FROM\\\na\n", "unknown instruction 'FROMa'", None),
]


@pytest.mark.parametrize(("text", "escape", "frontend"), DIRECTIVES, ids=[case[0] for case in DIRECTIVES])
def test_directives_and_lines_read_as_buildkit_reads_them(text, escape, frontend):
    if len(escape) > 1:
        with pytest.raises(DockerfileSyntaxError, match=escape):
            parse(text)
        if "unknown instruction" not in escape:  # BuildKit's parser ignores those; its build stops
            with pytest.raises(dockerfile.GoParseError):
                dockerfile.parse_string(text)
        return
    parsed = parse(text)
    assert_parser_agrees(text)
    assert parsed.escape == escape
    assert (text[parsed.frontend.start : parsed.frontend.end] if parsed.frontend else None) == frontend


def test_the_frontend_below_a_shebang_is_the_one_buildkit_runs():
    text = "#!/usr/bin/env -S docker build -f\n# syntax=docker/dockerfile:1\nFROM a\n"
    parsed = parse(text)
    assert parsed.directives == {} and text[parsed.frontend.start : parsed.frontend.end] == "docker/dockerfile:1"


DIGEST = "sha256:" + "a" * 64


def _harden(text: str):
    digests = {image_key(parse_reference(image)): Resolution(digest=DIGEST)
               for image in ("node:20", "node:20-slim", "python:3.12-slim")}
    config = Config()
    return harden_text(text, "Dockerfile", make_ruleset(config, config.active_rules(select={"HB030"}), digests))


def test_an_arg_several_froms_use_is_one_reference():
    text = "ARG BASE=python:3.12-slim\nARG RUNTIME=$BASE\nFROM ${BASE} AS build\nFROM ${RUNTIME}\nFROM ${BASE} AS test\n"
    [occurrence] = image_occurrences(Dockerfile.parse(text))
    assert (occurrence.line, occurrence.where, occurrence.used_at) == (1, "ARG BASE", (3, 4, 5))
    hardened = _harden(text)
    assert [(f.line, len(f.edits)) for f in hardened.before] == [(1, 1)]
    assert hardened.text == text.replace("3.12-slim\n", f"3.12-slim@{DIGEST}\n", 1)


def test_an_arg_read_two_ways_is_reported_naming_the_lines():
    hardened = _harden("ARG BASE=node:20\nFROM ${BASE} AS build\nRUN npm ci\nFROM ${BASE}-slim\n")
    assert hardened.text.startswith("ARG BASE=node:20\n")
    assert [(f.line, f.message) for f in hardened.before] == [
        (1, "node:20 is not pinned: ARG BASE is used on lines 2 and 4, and line 4 makes node:20-slim of it "
            "(${BASE}-slim), which a digest would break: not changed (now aaaaaaaaaaaa)"),
        (4, "node:20-slim is not pinned: ${BASE}-slim is built from an ARG and text (resolves to node:20-slim): "
            "pin it by hand (now aaaaaaaaaaaa)")]


def test_an_arg_that_also_names_a_stage_is_reported():
    text = "ARG B=builder\nFROM ${B} AS first\nFROM alpine AS builder\nFROM ${B}\n"
    doc = Dockerfile.parse(text)
    assert doc.stages[-1].parent is doc.stages[1]
    notes = [(o.line, o.span, o.note) for o in image_occurrences(doc)]
    assert notes[0] == (1, None, "ARG B is used on lines 2 and 4, and line 4 names the stage builder with it, "
                                 "which a digest would break: not changed")


def test_an_arg_one_from_keeps_unpinned_is_reported_naming_that_line():
    text = "ARG BASE=node:20\nFROM ${BASE} AS build\n# hardenbot ignore=HB030\nFROM ${BASE}\n"
    hardened = _harden(text)
    assert hardened.text == text
    assert [(f.line, f.fixable, f.message) for f in hardened.before] == [
        (1, False, "node:20 is not pinned: pin to aaaaaaaaaaaa; not changed: ARG BASE is also used on line 4, "
                   "which ignores HB030")]
    assert _harden(text.replace("FROM ${BASE} AS", "# hardenbot ignore=HB030\nFROM ${BASE} AS")).before == ()


@pytest.mark.parametrize("text", [
    "FROM a AS build\nFROM b\nCOPY --from=build /x /x\nCOPY --from=BUILD /x /x\nCOPY --from=0 /x /x\n"
    "COPY --from=scratch /x /x\nCOPY --from=$IMAGE /x /x\nCOPY --from=\"c:1\" /x /x\n",
    "FROM a AS build\nRUN --mount=from=build,target=/s true\nRUN --mount=type=secret,id=t,from=c:1 true\n"
    "RUN --mount=type=tmpfs,target=/t,from=c:1 true\nRUN --mount=\"type=bind,from=c:1\" true\n",
])
def test_stages_and_what_buildkit_does_not_pull_are_not_images(text):
    assert [o.text for o in image_occurrences(Dockerfile.parse(text))] == ["a", "b"][: text.count("\nFROM") + 1]


def test_the_frontend_a_fix_adds_is_looked_up_and_pinned_in_the_same_run():
    asked = []

    def registry(refs):
        asked.extend(str(ref) for ref in refs)
        return {image_key(ref): Resolution(digest=DIGEST) for ref in refs}

    config = Config()
    texts = {SourceFile("Dockerfile", DOCKERFILE): "FROM python:3.12-slim\nRUN pip install flask\n"}
    report = process_texts(texts, config, config.active_rules(select={"HB012", "HB030"}), fix=True, resolver=registry)
    assert "docker/dockerfile:1" in asked
    assert report.results[0].hardened.text == (
        f"# syntax=docker/dockerfile:1@{DIGEST}\nFROM python:3.12-slim@{DIGEST}\n"
        "RUN --mount=type=cache,target=/root/.cache/pip pip install flask\n")
    assert [(c.line, c.image, c.old, c.new) for c in digest_changes(report)] == [
        (1, "docker/dockerfile", None, DIGEST), (2, "python", None, DIGEST)]


@pytest.mark.parametrize("rules, text, frontend_asked", [
    ({"HB012", "HB030"}, "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n", False),
    ({"HB012", "HB030"}, "FROM python:3.12-slim\nUSER 10001\nRUN pip install flask\n", False),  # not root
    ({"HB062", "HB030"}, "FROM python:3.12-slim\nADD app.tar.gz /app/\n", False),
    ({"HB062", "HB030"}, "FROM python:3.12-slim\nADD https://example.com/v1.2/t.tgz /opt/\n", True),
    ({"HB012", "HB030"}, "FROM python:3.12-slim\n# hadolint ignore=HB012\nRUN pip install flask\n", False),
])
def test_the_frontend_a_fix_may_add_is_asked_for_only_when_the_rule_finds_something(rules, text, frontend_asked):
    asked = []

    def registry(refs):
        asked.extend(str(ref) for ref in refs)
        return {image_key(ref): Resolution(digest=DIGEST) for ref in refs}

    config = Config()
    texts = {SourceFile("Dockerfile", DOCKERFILE): text,
             SourceFile("unreadable/Dockerfile", DOCKERFILE): "FROM a\nRUN <<EOF\n"}  # unterminated: skipped
    process_texts(texts, config, config.active_rules(select=rules), fix=True, resolver=registry)
    assert ("docker/dockerfile:1" in asked) is frontend_asked
    assert "python:3.12-slim" in asked
