"""Compose files and workflows: images are found to the byte and pinned by splicing only
the scalar; comments, quotes, flow style and line endings stay as they were."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from bot.config import Config
from bot.engine import harden_text
from bot.errors import DockerfileSyntaxError
from bot.model.images import Resolution
from bot.run import make_ruleset
from bot.sources import compose, workflow

DIGEST = "sha256:" + "d" * 64
IMAGES = ["redis:7-alpine", "postgres:16", "ghcr.io/acme/api:1.2", "127.0.0.1:5000/team/app:dev"]


def ruleset(images=IMAGES, digest=DIGEST):
    from bot.model.images import image_key, parse_reference

    config = Config()
    digests = {image_key(parse_reference(i)): Resolution(digest=digest) for i in images}
    return make_ruleset(config, config.active_rules(select={"HB030", "HB031", "HB032"}), digests)


@st.composite
def compose_files(draw):
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    indent = draw(st.sampled_from(["  ", "    "]))
    lines = ["# top comment", "services:"]
    expected_images = []
    for index in range(draw(st.integers(1, 5))):
        image = draw(st.sampled_from(IMAGES))
        style = draw(st.sampled_from(["plain", "single", "double", "flow", "comment", "build"]))
        name = f"svc{index}"
        if style == "flow":
            lines.append(f"{indent}{name}: {{image: {image}, restart: always}}")
        elif style == "build":
            lines += [f"{indent}{name}:", f"{indent * 2}build: ./{name}"]
            continue
        else:
            quoted = {"plain": image, "single": f"'{image}'", "double": f'"{image}"', "comment": image}[style]
            tail = "   # pinned by hardenbot?" if style == "comment" else ""
            lines += [f"{indent}{name}:", f"{indent * 2}image: {quoted}{tail}", f"{indent * 2}ports: ['80:80']"]
        expected_images.append(image)
    return newline.join(lines) + newline, expected_images


@settings(max_examples=150, deadline=None)
@given(compose_files())
def test_compose_pinning_touches_only_the_scalars(case):
    text, images = case
    hardened = harden_text(text, "docker-compose.yml", ruleset(), compose.KIND)
    expected = text
    for image in set(images):
        expected = expected.replace(image, f"{image}@{DIGEST}")
    assert hardened.text == expected
    # pure: ruamel.yaml.clib's scanner, when installed, rejects flow mappings compose accepts.
    loaded_before, loaded_after = YAML(typ="safe", pure=True).load(text), YAML(typ="safe", pure=True).load(hardened.text)
    for name, service in loaded_before["services"].items():
        if "image" in service:
            service["image"] += "@" + DIGEST
        assert loaded_after["services"][name] == service
    assert harden_text(hardened.text, "docker-compose.yml", ruleset(), compose.KIND).text == hardened.text


def test_workflow_images_and_what_is_left_alone():
    text = (
        "name: ci\n"
        "on: [push]\n"
        "jobs:\n"
        "  unit:\n"
        "    runs-on: ubuntu-latest\n"
        "    container:\n"
        "      image: \"redis:7-alpine\"  # the container\n"
        "      options: --cpus 1\n"
        "    services:\n"
        "      db:\n"
        "        image: postgres:16\n"
        "      matrix-db:\n"
        "        image: ${{ matrix.db }}\n"
        "    steps:\n"
        "      - uses: actions/checkout@v4\n"
        "      - uses: docker://ghcr.io/acme/api:1.2\n"
        "  short:\n"
        "    runs-on: ubuntu-latest\n"
        "    container: 127.0.0.1:5000/team/app:dev\n"
        "    steps:\n"
        "      - run: echo hi\n"
    )
    found = workflow.occurrences(text, ".github/workflows/ci.yml")
    assert [(o.where, o.text, o.line) for o in found] == [
        ("jobs.unit.container.image", "redis:7-alpine", 7),
        ("jobs.unit.services.db.image", "postgres:16", 11),
        ("jobs.unit.steps[1].uses", "ghcr.io/acme/api:1.2", 16),
        ("jobs.short.container", "127.0.0.1:5000/team/app:dev", 19),
    ]
    for occurrence in found:
        assert text[occurrence.span.start:occurrence.span.end] == occurrence.text
    hardened = harden_text(text, ".github/workflows/ci.yml", ruleset(), workflow.KIND)
    assert hardened.text.count(DIGEST) == 4
    assert "image: ${{ matrix.db }}\n" in hardened.text and "actions/checkout@v4\n" in hardened.text


def test_stale_digest_in_compose_is_refreshed_in_place():
    old = "sha256:" + "0" * 64
    text = f"services:\n  db:\n    image: postgres:16@{old}  # keep\n"
    hardened = harden_text(text, "compose.yaml", ruleset(), compose.KIND)
    assert hardened.text == f"services:\n  db:\n    image: postgres:16@{DIGEST}  # keep\n"
    assert [f.rule for f in hardened.applied] == ["HB031"]


def test_a_compose_file_with_a_byte_order_mark_is_pinned_too():
    text = "\ufeffservices:\n  db:\n    image: postgres:16\n"
    assert harden_text(text, "compose.yaml", ruleset(), compose.KIND).text == \
        f"\ufeffservices:\n  db:\n    image: postgres:16@{DIGEST}\n"


def test_ignore_comment_above_an_image():
    text = "services:\n  db:\n    # hardenbot ignore=HB030\n    image: postgres:16\n"
    assert harden_text(text, "compose.yaml", ruleset(), compose.KIND).text == text


def test_broken_yaml_is_one_line_error_with_its_line():
    with pytest.raises(DockerfileSyntaxError) as raised:
        compose.occurrences("services:\n  db:\n    image: [unclosed\n", "compose.yaml")
    assert str(raised.value).startswith("compose.yaml:") and "not valid YAML" in str(raised.value)
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize("line, expected", [
    ("image: redis:7", "redis:7"),
    ("image: &img redis:7", "redis:7"),
    ('image: &img !!str "redis:7"', "redis:7"),
    ("image: !!str 'redis:7'", "redis:7"),
    ('image: "redis:7\\x41"', None),  # an escape: the characters do not spell the value
    ("image: 'it''s'", None),
    ("image: |\n      redis:7", None),
    ("image: redis\n      :7", None),  # folded onto one line
])
def test_scalar_spans_are_the_characters_of_the_value(line, expected):
    text = f"services:\n  s:\n    {line}\n"
    found = compose.occurrences(text, "compose.yaml")
    assert [text[o.span.start:o.span.end] for o in found] == ([expected] if expected else [])


def test_a_merge_key_that_points_back_at_its_own_mapping_ends():
    assert compose.occurrences("services:\n  s: &s\n    <<: *s\n    ports: [80]\n", "compose.yaml") == []


@pytest.mark.parametrize("value, env, expected", [
    ("${A:-d}", {}, "d"), ("${A:-d}", {"A": ""}, "d"), ("${A:-d}", {"A": "x"}, "x"),
    ("${A-d}", {}, "d"), ("${A-d}", {"A": ""}, ""), ("${A-d}", {"A": "x"}, "x"),
    ("$A/${B}", {"A": "a", "B": "b"}, "a/b"), ("${A}", {}, None), ("$${A}", {}, "${A}"),
])
def test_variables_are_filled_in_as_compose_does(value, env, expected):
    assert compose._interpolate(value, env) == expected


def test_a_version_1_file_and_merged_builds_are_read_for_their_builds_too():
    text = "x-b: &b\n  build: ./w\nweb:\n  build: ./web\napi:\n  <<: *b\n  image: acme/api:dev\n"
    assert sorted(compose.builds(text, "compose.yaml")) == ["w/Dockerfile", "web/Dockerfile"]
    assert compose.occurrences(text, "compose.yaml") == []


def test_the_run_looks_up_what_dotenv_names_not_the_default():
    from bot.run import process_texts
    from bot.sources.discovery import SourceFile

    asked = []

    def resolver(refs):
        asked.extend(str(ref) for ref in refs)
        return {}
    text = "services:\n  q:\n    image: ${QUEUE:-rabbitmq:3}\n  c:\n    image: ${CACHE:-redis:7}\n"
    config = Config()
    report = process_texts({SourceFile("deploy/compose.yaml", compose.KIND): text}, config,
                           config.active_rules(select={"HB030"}), fix=True, resolver=resolver,
                           dotenv={"deploy": {"QUEUE": "rabbitmq:3.13"}})
    assert asked == ["rabbitmq:3.13", "redis:7"]
    [result] = report.results
    assert [f.message for f in result.hardened.before] == [
        # the .env value is a person's to pin (said even without an answer from the registry)
        "rabbitmq:3.13 is not pinned: ${QUEUE:-rabbitmq:3} takes QUEUE from .env",
        "redis:7 is not pinned to a digest (not looked up: offline)"]
