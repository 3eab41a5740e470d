"""Candidate base tags (bot/recommend): reading the official images' tags, choosing the ones
that keep a base's meaning from real-shaped tag lists (tests/fixtures/tags/*.txt, as the
registries list them), and ranking measured candidates."""
from __future__ import annotations

import itertools
import time
from pathlib import Path

import pytest

from bot.model.images import parse_reference
from bot.recommend.candidates import Candidate, Figures, Measured, Policy, candidates, rank
from bot.recommend.tags import Distro, grammar_name, parse_tag

TAG_LISTS = Path(__file__).parent / "fixtures" / "tags"
PYTHON = (TAG_LISTS / "python.txt").read_text().split()
NODE = (TAG_LISTS / "node.txt").read_text().split()
KEEP_MEANING = Policy()
POLICIES = [Policy(*flags) for flags in itertools.product((False, True), repeat=3)]


def found(image: str, current: str, tags: list[str], policy: Policy = KEEP_MEANING) -> list[str]:
    """The candidates other than the current tag."""
    result = candidates(image, current, tags, policy)
    assert result.found[0] == Candidate(current, current=True)
    return [candidate.tag for candidate in result.found[1:]]


# -- reading a tag ------------------------------------------------------------------------
BOOKWORM, BULLSEYE = Distro("debian", "bookworm", (12,)), Distro("debian", "bullseye", (11,))
JAMMY = Distro("ubuntu", "jammy", (22, 4))


@pytest.mark.parametrize(("image", "tag", "family", "version", "line", "distro", "slim", "flavour", "date"), [
    ("python", "3.11", "debian", (3, 11), "", None, False, (), ""),
    ("python", "3.11.9-slim-bookworm", "debian", (3, 11, 9), "", BOOKWORM, True, (), ""),
    ("python", "3.12-alpine3.19", "alpine", (3, 12), "", Distro("alpine", "alpine3.19", (3, 19)), False, (), ""),
    ("python", "3.12-alpine", "alpine", (3, 12), "", Distro("alpine", "alpine", ()), False, (), ""),
    ("python", "slim-bullseye", "debian", (), "latest", BULLSEYE, True, (), ""),
    ("python", "latest", "debian", (), "latest", None, False, (), ""),
    ("python", "3.12-windowsservercore-ltsc2022", "windows", (3, 12), "", Distro("windows", "ltsc2022", (2022,)),
     False, ("windowsservercore",), ""),
    ("python", "3.12-windowsservercore", "windows", (3, 12), "", None, False, ("windowsservercore",), ""),
    ("python", "3.6-onbuild", "debian", (3, 6), "", None, False, ("onbuild",), ""),
    ("node", "20-bookworm-slim", "debian", (20,), "", BOOKWORM, True, (), ""),
    ("node", "lts-alpine3.20", "alpine", (), "lts", Distro("alpine", "alpine3.20", (3, 20)), False, (), ""),
    ("node", "iron-slim", "debian", (), "iron", None, True, (), ""),
    ("ruby", "3.3.1-slim-bookworm", "debian", (3, 3, 1), "", BOOKWORM, True, (), ""),
    ("golang", "1.22.3-alpine3.20", "alpine", (1, 22, 3), "", Distro("alpine", "alpine3.20", (3, 20)), False, (), ""),
    ("golang", "1.22-windowsservercore-1809", "windows", (1, 22), "", Distro("windows", "1809", (2019,)), False,
     ("windowsservercore",), ""),
    ("rust", "1.78-slim-bookworm", "debian", (1, 78), "", BOOKWORM, True, (), ""),
    ("php", "8.3-fpm-alpine3.19", "alpine", (8, 3), "", Distro("alpine", "alpine3.19", (3, 19)), False, ("fpm",), ""),
    ("php", "8.2.18-apache-bookworm", "debian", (8, 2, 18), "", BOOKWORM, False, ("apache",), ""),
    ("openjdk", "21-jdk-slim-bookworm", "debian", (21,), "", BOOKWORM, True, ("jdk",), ""),
    ("openjdk", "21-oraclelinux8", "oraclelinux", (21,), "", Distro("oraclelinux", "oraclelinux8", (8,)), False, (), ""),
    ("eclipse-temurin", "21.0.3_9-jre-jammy", "ubuntu", (21, 0, 3, 9), "", JAMMY, False, ("jre",), ""),
    ("eclipse-temurin", "17-jdk-ubi9-minimal", "ubi-minimal", (17,), "", Distro("ubi-minimal", "ubi9-minimal", (9,)),
     False, ("jdk",), ""),
    ("eclipse-temurin", "21-jdk", "ubuntu", (21,), "", None, False, ("jdk",), ""),
    ("debian", "bookworm", "debian", (12,), "", BOOKWORM, False, (), ""),
    ("debian", "12.5-slim", "debian", (12, 5), "", BOOKWORM, True, (), ""),
    ("debian", "bookworm-20240110-slim", "debian", (12,), "", BOOKWORM, True, (), "20240110"),
    ("debian", "stable-slim", "debian", (), "stable", None, True, (), ""),
    ("debian", "bookworm-backports", "debian", (12,), "", BOOKWORM, False, ("backports",), ""),
    ("ubuntu", "22.04", "ubuntu", (22, 4), "", JAMMY, False, (), ""),
    ("ubuntu", "jammy-20240111", "ubuntu", (22, 4), "", JAMMY, False, (), "20240111"),
    ("", "7.2.4-alpine", "alpine", (7, 2, 4), "", Distro("alpine", "alpine", ()), False, (), ""),
    ("", "1.25-bookworm", "debian", (1, 25), "", BOOKWORM, False, (), ""),
])
def test_a_tag_is_read_word_by_word(image, tag, family, version, line, distro, slim, flavour, date):
    shape = parse_tag(image, tag)
    assert shape is not None and not shape.prerelease
    assert (shape.family, shape.version, shape.line, shape.distro, shape.slim, shape.flavour, shape.date) == (
        family, version, line, distro, slim, flavour, date)


@pytest.mark.parametrize(("image", "tag"), [
    ("python", "3.11-foo"), ("python", "v3.11"), ("python", "3.11-slim-slim"), ("python", "3.11-jdk"),
    ("python", "3.11.9_13"), ("python", "3.11-bookworm-bullseye"), ("python", "3.11-jammy"), ("python", "3.11-ubi9"),
    ("python", "slim-latest"), ("python", "3.11-latest"), ("python", "-3.11"), ("python", "3.11-"),
    ("python", "3.11..9"), ("python", "3.11.9.1.2"), ("node", "20-fpm"), ("node", "20-lts"),
    ("eclipse-temurin", "21-bookworm"), ("eclipse-temurin", "8u402-b06-jdk-jammy"), ("debian", "12-bookworm"),
    ("debian", "bookworm-jammy"), ("ubuntu", "bookworm"), ("", "7.2-fpm"), ("", "v1.2.3"), ("", "main"),
    ("", "sha-3f2a1b"), ("", "1.2.3-20240101-20240102"), ("golang", "1.22-windowsservercore-bookworm"),
    ("python", "3.11-ltsc2022"),
])
def test_a_word_the_image_does_not_use_makes_the_shape_unknown(image, tag):
    assert parse_tag(image, tag) is None
    assert found(image, tag, [tag, "3.11.9", "3.11-slim", "7.2.5-fpm", "1.2.4"]) == []
    assert "does not know the shape" in candidates(image, tag, []).reason


@pytest.mark.parametrize(("image", "tag"), [
    ("python", "3.13.0rc1"), ("python", "3.13.0b3-slim-bookworm"), ("python", "3.13-rc-alpine"),
    ("python", "3.14.0a1"), ("golang", "1.23rc1-alpine"), ("ruby", "3.4.0-preview1-slim"),
    ("openjdk", "23-ea-7-jdk-slim"), ("debian", "testing"), ("debian", "sid-slim"), ("debian", "rc-buggy"),
    ("debian", "experimental"), ("debian", "unstable-20240101"), ("ubuntu", "devel"), ("node", "23-nightly"),
])
def test_pre_releases_are_never_candidates_nor_given_any(image, tag):
    assert parse_tag(image, tag).prerelease
    assert tag not in found(image, "3.13", ["3.13", tag])
    result = candidates(image, tag, [tag, "3.13", "3.13-slim", "sid", "stable"])
    assert [c.tag for c in result.found] == [tag] and "pre-release" in result.reason


# -- candidates from real-shaped lists ----------------------------------------------------
@pytest.mark.parametrize(("current", "policy", "expected"), [
    # a moving line may take its newest patch's tag, and the slim variant; never 3.12, never alpine
    ("3.11", Policy(), ["3.11.9", "3.11-slim", "3.11.9-slim"]),
    ("3.11-slim", Policy(), ["3.11.9-slim"]),
    # a named release moves to the same or a newer one of the family, keeping slim
    ("3.11-slim-bullseye", Policy(), ["3.11.9-slim-bullseye", "3.11-slim-bookworm", "3.11.9-slim-bookworm"]),
    ("3.11-bullseye", Policy(), ["3.11.9-bullseye", "3.11-slim-bullseye", "3.11.9-slim-bullseye", "3.11-bookworm",
                                 "3.11.9-bookworm", "3.11-slim-bookworm", "3.11.9-slim-bookworm"]),
    # a patch pin moves to newer patches of its line only (never 3.11, never 3.11.0rc2)
    ("3.11.4", Policy(), ["3.11.4-slim", "3.11.8", "3.11.9", "3.11.8-slim", "3.11.9-slim"]),
    ("3.11.4-slim-bullseye", Policy(), ["3.11.8-slim-bullseye", "3.11.9-slim-bullseye", "3.11.4-slim-bookworm",
                                        "3.11.8-slim-bookworm", "3.11.9-slim-bookworm"]),
    ("3.11-alpine", Policy(), ["3.11.9-alpine"]),
    ("3.11-alpine3.19", Policy(), ["3.11.9-alpine3.19", "3.11-alpine3.20", "3.11.9-alpine3.20"]),
    ("3.10.13-alpine3.18", Policy(), ["3.10.13-alpine3.19", "3.10.14-alpine3.19", "3.10.14-alpine3.20"]),
    # `3` is the newest 3.x now: 3.12, not 3.11 nor the 3.13 pre-release
    ("3", Policy(), ["3.12", "3.12.4", "3-slim", "3.12-slim", "3.12.4-slim"]),
    ("latest", Policy(), ["slim"]),
    ("slim", Policy(), []),
    ("bookworm", Policy(), ["slim-bookworm"]),
    ("3.12-windowsservercore-1809", Policy(), ["3.12.4-windowsservercore-1809", "3.12-windowsservercore-ltsc2022",
                                                "3.12.4-windowsservercore-ltsc2022"]),
    ("3.6-onbuild", Policy(), []),
    ("3.7-buster", Policy(), ["3.7-slim-buster", "3.7.17-slim-buster", "3.7-bullseye", "3.7.17-slim-bullseye"]),
    ("2.7", Policy(), ["2.7-slim"]),
    # the policy widens the line or the distribution
    ("3.11", Policy(allow_minor=True), ["3.11.9", "3.11-slim", "3.11.9-slim", "3.12", "3.12.4", "3.12-slim",
                                        "3.12.4-slim"]),
    ("3.11-slim", Policy(allow_libc_change=True), ["3.11.9-slim", "3.11-alpine", "3.11.9-alpine"]),
    # any newer line, as precise as the current tag (`3-slim` would be wider than `2.7-slim`)
    ("2.7-slim", Policy(allow_major=True), ["3.10-slim", "3.10.14-slim", "3.11-slim", "3.11.9-slim", "3.12-slim",
                                            "3.12.4-slim", "3.7-slim", "3.8-slim", "3.8.19-slim", "3.9-slim",
                                            "3.9.19-slim"]),
])
def test_python_candidates_keep_the_meaning(current, policy, expected):
    assert current in PYTHON
    assert found("python", current, PYTHON, policy) == expected


@pytest.mark.parametrize(("current", "policy", "expected"), [
    ("20", Policy(), ["20.14", "20.14.0", "20-slim", "20.14-slim", "20.14.0-slim"]),
    ("20-slim", Policy(), ["20.14-slim", "20.14.0-slim"]),
    ("20-bullseye-slim", Policy(), ["20.14-bullseye-slim", "20.14.0-bullseye-slim", "20-bookworm-slim",
                                    "20.14-bookworm-slim", "20.14.0-bookworm-slim"]),
    # node's line is its major: 20.13.0 may take 20.14.0, never 22
    ("20.13.0", Policy(), ["20.13.0-slim", "20.13.1", "20.14.0", "20.13.1-slim", "20.14.0-slim"]),
    ("20.11.1-alpine3.18", Policy(), ["20.13.0-alpine3.18", "20.13.1-alpine3.18", "20.11.1-alpine3.19",
                                      "20.13.0-alpine3.19", "20.13.1-alpine3.19", "20.14.0-alpine3.19",
                                      "20.14.0-alpine3.20"]),
    # a named line stays that line: lts never becomes 20
    ("lts", Policy(), ["lts-slim"]),
    ("lts", Policy(allow_major=True), ["lts-slim"]),
    ("iron-alpine3.19", Policy(), ["iron-alpine3.20"]),
    ("hydrogen-buster-slim", Policy(), []),
    ("22-alpine", Policy(), ["22.3-alpine", "22.3.0-alpine"]),
    ("16-buster", Policy(), ["16-bullseye-slim", "16.20.2-bookworm-slim"]),
    ("20", Policy(allow_minor=True), ["20.14", "20.14.0", "20-slim", "20.14-slim", "20.14.0-slim"]),
    ("18-slim", Policy(allow_major=True), ["18.20-slim", "18.20.3-slim", "20-slim", "20.14-slim", "20.14.0-slim",
                                           "21-slim", "21.7-slim", "21.7.3-slim", "22-slim", "22.3-slim",
                                           "22.3.0-slim"]),
])
def test_node_candidates_keep_the_meaning(current, policy, expected):
    assert current in NODE
    assert found("node", current, NODE, policy) == expected


RUBY = "3.3 3.3.1 3.3.0 3.3-slim 3.3.1-slim 3.3-bookworm 3.3-slim-bookworm 3.3-bullseye 3.3.1-alpine3.20 3.2 " \
       "3.2-slim 3.4.0-preview1 3.4-rc".split()
GOLANG = "1.22 1.22.3 1.22.2 1.22-bookworm 1.22.3-bookworm 1.22-bullseye 1.22-alpine 1.22-alpine3.20 1.23rc1 1.21 " \
         "1.22-windowsservercore-ltsc2022 1.22.3-windowsservercore-ltsc2022 1.22-nanoserver-ltsc2022".split()
RUST = "1.78 1.78.0 1.78-slim 1.78-slim-bookworm 1.78-bookworm 1.78-slim-bullseye 1.78-alpine3.20 1.77 " \
       "1.77.2-slim slim".split()
PHP = "8.3 8.3-cli 8.3-fpm 8.3.7-fpm 8.3-fpm-bookworm 8.3-fpm-alpine 8.3-fpm-alpine3.20 8.3-apache 8.3.7-apache " \
      "8.3-zts 8.2-fpm 8.4.0alpha1-fpm".split()
OPENJDK = "21 21-jdk 21-jdk-slim 21-jdk-slim-bookworm 21-jdk-bookworm 21-slim 21-oraclelinux8 21-oraclelinux9 " \
          "22-ea-jdk 21-jdk-windowsservercore".split()
TEMURIN = "21 21-jdk 21-jre 21-jdk-jammy 21-jdk-noble 21.0.3_9-jdk-jammy 21.0.3_9-jdk-noble 21.0.2_13-jdk-jammy " \
          "21-jdk-alpine 21-jdk-ubi9-minimal 21-jre-jammy 17-jdk-jammy 22-jdk".split()
DEBIAN = "bookworm 12 12.5 12.4 bookworm-slim 12-slim 12.5-slim bookworm-20240110 bookworm-20240211 " \
         "bookworm-20231218 bookworm-20240211-slim bullseye bullseye-slim 11 11.9 trixie trixie-slim " \
         "stable stable-slim testing sid latest bookworm-backports".split()
UBUNTU = "22.04 jammy jammy-20240111 jammy-20240227 jammy-20231211 24.04 noble noble-20240423 20.04 focal " \
         "rolling devel latest".split()


@pytest.mark.parametrize(("image", "tags", "current", "policy", "expected"), [
    ("ruby", RUBY, "3.3", Policy(), ["3.3.1", "3.3-slim", "3.3.1-slim"]),
    ("ruby", RUBY, "3.3-bullseye", Policy(), ["3.3-bookworm", "3.3-slim-bookworm"]),
    ("golang", GOLANG, "1.22", Policy(), ["1.22.3"]),
    ("golang", GOLANG, "1.22.2", Policy(), ["1.22.3"]),
    ("golang", GOLANG, "1.22-bullseye", Policy(), ["1.22-bookworm", "1.22.3-bookworm"]),
    ("golang", GOLANG, "1.22", Policy(allow_libc_change=True), ["1.22.3", "1.22-alpine"]),
    ("golang", GOLANG, "1.22-windowsservercore-ltsc2022", Policy(), ["1.22.3-windowsservercore-ltsc2022"]),
    ("rust", RUST, "1.78", Policy(), ["1.78.0", "1.78-slim"]),
    ("rust", RUST, "1.78-slim-bullseye", Policy(), ["1.78-slim-bookworm"]),
    ("rust", RUST, "1.77", Policy(), ["1.77.2-slim"]),
    ("php", PHP, "8.3-fpm", Policy(), ["8.3.7-fpm"]),
    ("php", PHP, "8.3-apache", Policy(), ["8.3.7-apache"]),
    ("php", PHP, "8.2-fpm", Policy(allow_minor=True), ["8.3-fpm", "8.3.7-fpm"]),
    ("php", PHP, "8.3", Policy(), []),
    ("openjdk", OPENJDK, "21-jdk", Policy(), ["21-jdk-slim"]),
    ("openjdk", OPENJDK, "21-oraclelinux8", Policy(), ["21-oraclelinux9"]),
    ("eclipse-temurin", TEMURIN, "21-jdk-jammy", Policy(), ["21.0.3_9-jdk-jammy", "21-jdk-noble",
                                                              "21.0.3_9-jdk-noble"]),
    ("eclipse-temurin", TEMURIN, "21.0.2_13-jdk-jammy", Policy(), ["21.0.3_9-jdk-jammy", "21.0.3_9-jdk-noble"]),
    ("eclipse-temurin", TEMURIN, "21-jdk", Policy(), []),
    ("eclipse-temurin", TEMURIN, "17-jdk-jammy", Policy(), []),
    ("eclipse-temurin", TEMURIN, "21-jdk", Policy(allow_libc_change=True), ["21-jdk-alpine"]),
    ("debian", DEBIAN, "bookworm", Policy(), ["12", "12.5", "12-slim", "12.5-slim", "bookworm-slim"]),
    ("debian", DEBIAN, "12.4", Policy(), ["12.5", "12.5-slim"]),
    ("debian", DEBIAN, "bookworm-20240110", Policy(), ["bookworm-20240211", "bookworm-20240211-slim"]),
    ("debian", DEBIAN, "bullseye-slim", Policy(), []),
    ("debian", DEBIAN, "bullseye", Policy(allow_major=True), [
        "11", "11.9", "bullseye-slim", "12", "12.5", "bookworm", "trixie", "12-slim", "12.5-slim", "bookworm-slim",
        "trixie-slim"]),
    ("debian", DEBIAN, "stable", Policy(), ["stable-slim"]),
    ("ubuntu", UBUNTU, "jammy", Policy(), ["22.04"]),
    ("ubuntu", UBUNTU, "jammy-20240111", Policy(), ["jammy-20240227"]),
    ("ubuntu", UBUNTU, "20.04", Policy(allow_major=True), ["focal", "22.04", "24.04", "jammy", "noble"]),
    ("", "7.2 7.2.4 7.2.5 7.2-alpine 7.2.5-alpine 7.4 7 7.4.0 latest".split(), "7.2", Policy(), ["7.2.5"]),
    ("", "7.2 7.2.4 7.2.5 7.4 7 7.4.0".split(), "7.2.4", Policy(), []),
    ("", "7.2 7.2.4 7.2.5 7.4 7 7.4.0 main edge".split(), "7", Policy(), ["7.4", "7.4.0"]),
])
def test_candidates_of_the_other_official_images(image, tags, current, policy, expected):
    assert found(image, current, tags, policy) == expected


def test_a_distribution_release_change_is_named_for_the_pull_request():
    result = candidates("python", "3.11-slim-bullseye", PYTHON)
    moved = {c.tag: c for c in result.found}
    assert moved["3.11-slim-bookworm"].release == ("bullseye", "bookworm")
    assert moved["3.11.9-slim-bullseye"].release is None and moved["3.11.9-slim-bullseye"].family is None
    assert candidates("python", "3.11-alpine3.19", PYTHON).found[2].release == ("alpine3.19", "alpine3.20")
    alpine = candidates("python", "3.11", PYTHON, Policy(allow_libc_change=True)).found
    assert {c.tag: c.family for c in alpine}["3.11-alpine"] == ("debian", "alpine")
    assert all(c.slimmer for c in alpine if "slim" in c.tag or "alpine" in c.tag)


@pytest.mark.parametrize(("image", "tags"), [("python", PYTHON), ("node", NODE)])
def test_every_tag_of_a_real_list_keeps_the_rules_under_every_policy(image, tags):
    """The class, not the examples: each tag of the list as the current one, under each policy."""
    depth = 2 if image == "python" else 1
    started = time.perf_counter()
    checked = 0
    for current, policy in itertools.product(tags, POLICIES):
        result = candidates(image, current, tags, policy)
        assert result.found[0].tag == current and result.found[0].current
        shape = parse_tag(image, current)
        others = result.found[1:]
        assert len({c.tag for c in others}) == len(others) and current not in {c.tag for c in others}
        assert candidates(image, current, list(reversed(tags)), policy) == result  # the list's order is no matter
        for candidate in others:
            checked += 1
            other = parse_tag(image, candidate.tag)
            assert not other.prerelease and other.flavour == shape.flavour and other.line == shape.line
            assert other.minimal or not shape.minimal, "a slim image never becomes full"
            assert other.family == shape.family or policy.allow_libc_change
            assert (candidate.family is not None) == (other.family != shape.family)
            assert other.named_release == shape.named_release and bool(other.date) == bool(shape.date)
            if other.family == shape.family and shape.named_release:
                assert other.distro.order >= shape.distro.order
            assert len(other.version) >= len(shape.version), "a pinned version never becomes a moving one"
            if not policy.allow_major:
                keep = 1 if policy.allow_minor else depth
                assert other.version[:min(keep, len(shape.version))] == shape.version[:keep]
    assert checked > 1000
    assert time.perf_counter() - started < 60


def test_a_version_never_goes_back():
    tags = ["3.11", "3.11.9", "3.11.8", "3.11.10", "3.11.10-slim", "3.11.2-slim", "3.12.0", "3.12"]
    assert found("python", "3.11", tags) == ["3.11.10", "3.11.10-slim"]  # 3.11.10 is newer than 3.11.9
    assert found("python", "3.11.9", tags) == ["3.11.10", "3.11.10-slim"]
    assert found("python", "3.11.10", tags) == ["3.11.10-slim"]


def test_ten_thousand_tags_are_weighed_quickly():
    tags = [f"3.{minor}.{patch}{variant}" for minor in range(8, 14) for patch in range(400)
            for variant in ("", "-slim", "-bookworm", "-alpine3.19")] + PYTHON
    started = time.perf_counter()
    result = candidates("python", "3.11-slim", tags)
    assert time.perf_counter() - started < 10
    assert [c.tag for c in result.found] == ["3.11-slim", "3.11.399-slim"]


# -- ranking ------------------------------------------------------------------------------
def measured(tag: str, critical_high: int, fixable: int, size: int, **changes) -> Measured:
    return Measured(Candidate(tag, **changes), Figures(critical_high, fixable, size))


def test_rank_by_critical_high_then_fixable_then_size_then_the_least_change():
    current = measured("3.11-bullseye", 4, 40, 400, current=True)
    fewer_critical = measured("3.11-slim-bookworm", 0, 30, 120, slimmer=True, release=("bullseye", "bookworm"))
    fewer_fixable = measured("3.11.9-bullseye", 0, 12, 390)
    smaller = measured("3.11-slim-bullseye", 0, 12, 110, slimmer=True)
    tie_current = measured("3.11", 0, 0, 100, current=True)
    tie_small_change = measured("3.11.9", 0, 0, 100)
    tie_bigger_change = measured("3.11.9-bookworm", 0, 0, 100, release=("bullseye", "bookworm"))
    order = rank([current, fewer_critical, fewer_fixable, smaller])
    assert [m.candidate.tag for m in order] == ["3.11-slim-bullseye", "3.11.9-bullseye", "3.11-slim-bookworm",
                                               "3.11-bullseye"]
    assert rank([tie_bigger_change, tie_small_change, tie_current]) == (tie_current, tie_small_change,
                                                                        tie_bigger_change)
    same = [measured(tag, 0, 0, 100) for tag in ("b", "a", "c")]
    assert [m.candidate.tag for m in rank(same)] == ["a", "b", "c"] == [m.candidate.tag for m in rank(same[::-1])]


# -- which grammar an image follows -------------------------------------------------------
@pytest.mark.parametrize(("reference", "grammar"), [
    ("python:3.11", "python"), ("docker.io/library/node:20", "node"), ("127.0.0.1:5000/library/python:3", "python"),
    ("mirror.gcr.io/library/debian:12", "debian"), ("public.ecr.aws/docker/library/ruby:3", "ruby"),
    ("registry.example:5000/golang:1.22", "golang"), ("acme/python:3.11", ""), ("ghcr.io/acme/python:3", ""),
    ("redis:7", ""), ("eclipse-temurin:21", "eclipse-temurin"),
])
def test_an_official_image_follows_its_own_grammar_any_other_the_generic_one(reference, grammar):
    assert grammar_name(parse_reference(reference)) == grammar
