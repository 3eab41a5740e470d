"""HB020's better base, without a registry: the FROM edit as input/expected pairs (CRLF,
--platform, AS, comments, ARG defaults, a pinned digest beside HB031, HB030 in the same run),
the advisor's ranking and bounds over a fake registry, and the proof over built images."""
from __future__ import annotations

from dataclasses import replace

import pytest

from bot.config import Config, load_config
from bot.dockerfile.images import shipped_base
from bot.dockerfile.model import Dockerfile
from bot.engine import harden_text
from bot.errors import ConfigError, HardenbotError
from bot.model.advice import BaseAdvice, BaseFigures, BaseImage
from bot.model.images import Resolution
from bot.model.policies import Inventory, Package, Vulnerability, VulnerabilityAnswers, VulnSeverity
from bot.model.proof import ProofEvidence
from bot.model.roles import Role
from bot.model.verification import Build, BuildState, ImageFacts
from bot.model.wanted_base import AdviceSettings, WantedBase
from bot.recommend.advisor import advise
from bot.rules import RULES_BY_CODE
from bot.rules.hb020_slim_base import BASE_RECOMMENDATION, _settings, proof
from bot.rules.options import OptionValueError, OptionValues
from bot.run import make_ruleset

NEW = "sha256:" + "b" * 64
OLD = "sha256:" + "a" * 64
FIGURES = BaseFigures(12, 40, 310_000_000, "Debian:11")
BETTER = BaseFigures(1, 3, 48_000_000, "Debian:12")
RULES = tuple(RULES_BY_CODE[code] for code in ("HB020", "HB030", "HB031"))
SERVICES = Config(roles=(("**", Role.SERVICE),))


def advice_for(reference: str, tag: str = "3.11-slim-bookworm") -> BaseAdvice:
    return BaseAdvice(reference, FIGURES, tag, NEW, BETTER, ("bullseye", "bookworm"))


def harden(text: str, advice: BaseAdvice | None = None, proving: bool = True, digests=None) -> tuple[str, list]:
    wanted = shipped_base(Dockerfile.parse(text))
    bases = {wanted.key: advice} if advice is not None and wanted is not None else {}
    ruleset = make_ruleset(SERVICES, RULES, digests, proving=proving, bases=bases)
    hardened = harden_text(text, "Dockerfile", ruleset)
    return hardened.text, [f for f in hardened.before if f.rule == "HB020"]


EDITS = [
    ("FROM python:3.11-bullseye\nCMD [\"python\"]\n",
     f"FROM python:3.11-slim-bookworm@{NEW}\nCMD [\"python\"]\n"),
    ("FROM python:3.11-bullseye\r\nRUN true\r\n",
     f"FROM python:3.11-slim-bookworm@{NEW}\r\nRUN true\r\n"),
    ("FROM --platform=linux/arm64 python:3.11-bullseye AS app\nRUN true\n",
     f"FROM --platform=linux/arm64 python:3.11-slim-bookworm@{NEW} AS app\nRUN true\n"),
    ("# the runtime\nfrom   python:3.11-bullseye   as   app\n# keep\nRUN true\n",
     f"# the runtime\nfrom   python:3.11-slim-bookworm@{NEW}   as   app\n# keep\nRUN true\n"),
    ("FROM 127.0.0.1:5000/python:3.11-bullseye\n", f"FROM 127.0.0.1:5000/python:3.11-slim-bookworm@{NEW}\n"),
    ("FROM 127.0.0.1:5000/python\n", f"FROM 127.0.0.1:5000/python:3.11-slim-bookworm@{NEW}\n"),
    (f"FROM python:3.11-bullseye@{OLD}\n", f"FROM python:3.11-slim-bookworm@{NEW}\n"),
    ("ARG BASE=python:3.11-bullseye\nFROM ${BASE}\nRUN true\n",
     f"ARG BASE=python:3.11-slim-bookworm@{NEW}\nFROM ${{BASE}}\nRUN true\n"),
    ("FROM python:3.11-bullseye AS build\nRUN make\nFROM build\nCMD [\"app\"]\n",
     f"FROM python:3.11-slim-bookworm@{NEW} AS build\nRUN make\nFROM build\nCMD [\"app\"]\n"),
]


@pytest.mark.parametrize(("before", "after"), EDITS)
def test_the_from_becomes_the_better_tag_and_digest_and_nothing_else_moves(before, after):
    text, [found] = harden(before, advice_for("python:3.11-bullseye"))
    assert text == after
    assert found.edits and found.message == ("python:3.11-bullseye → 3.11-slim-bookworm: fixable critical/high "
                                             "12 → 1, 310 MB → 48 MB, distribution release bullseye → bookworm")
    # a second run, on what was written, whose base is the one chosen: nothing moves
    wanted = shipped_base(Dockerfile.parse(text))
    again = make_ruleset(SERVICES, RULES, {}, proving=True, bases={wanted.key: BaseAdvice("x", BETTER)})
    assert harden_text(text, "Dockerfile", again).text == text


def test_the_pin_of_the_old_tag_yields_to_the_new_reference_in_one_run():
    key = ("docker.io", "library/python", "3.11-bullseye")
    digests = {key: Resolution(digest=OLD), ("docker.io", "library/python", "3.11-slim-bookworm"): Resolution(digest=NEW)}
    text, _ = harden("FROM python:3.11-bullseye\n", advice_for("python:3.11-bullseye"), digests=digests)
    assert text == f"FROM python:3.11-slim-bookworm@{NEW}\n"
    # without HB020's edit (dropped by the verifier), HB030 pins the tag as before
    ruleset = make_ruleset(Config(), RULES[1:], digests)
    assert harden_text("FROM python:3.11-bullseye\n", "Dockerfile", ruleset).text == f"FROM python:3.11-bullseye@{OLD}\n"


@pytest.mark.parametrize(("text", "why"), [
    ("ARG BASE=python:3.11-bullseye\nFROM ${BASE} AS build\nRUN make\nFROM ${BASE}\nCOPY --from=build /a /a\n",
     "not changed: ARG BASE is also used on line 2, whose base would change too"),
    ("ARG V=3.11\nFROM python:${V}-bullseye\n", "not changed: ${V}-bullseye is built from an ARG and text"),
])
def test_a_base_other_stages_share_or_built_from_args_is_reported(text, why):
    written = Dockerfile.parse(text)
    assert shipped_base(written) is not None
    out, [found] = harden(text, advice_for("python:3.11-bullseye"))
    assert out == text and not found.edits
    assert why.split(":")[0] in found.message or why in found.message


def test_without_proving_the_figures_are_reported_and_nothing_changes():
    text = "FROM python:3.11-bullseye\n"
    out, [found] = harden(text, advice_for("python:3.11-bullseye"), proving=False)
    assert out == text and not found.edits
    assert found.message.endswith("`fix --verify` proposes it when the built image shows it")
    assert "12 → 1" in found.message


def test_a_better_base_that_is_only_smaller_is_reported_not_proposed():
    text = "FROM python:3.11-bullseye\n"
    advice = replace(advice_for("python:3.11-bullseye"), better=replace(BETTER, critical_high=12))
    out, [found] = harden(text, advice)
    assert out == text and "not proposed: its fixable critical/high vulnerabilities are no fewer" in found.message


def test_a_base_not_measured_says_why_and_one_measured_best_says_nothing():
    text = "FROM python:3.11\n"
    _, [found] = harden(text, BaseAdvice("python:3.11", reason="no candidates: r has no tag list for python"))
    assert found.message == ("python:3.11: no better base measured (no candidates: r has no tag list for python); "
                             "it is the full image: consider python:3.11-slim")
    assert harden(text, BaseAdvice("python:3.11", FIGURES))[1] == []
    assert harden(text)[1][0].message == "python:3.11 is the full image: consider python:3.11-slim"  # as before


def test_the_configuration_turns_it_off_or_widens_it():
    assert _settings(False) == AdviceSettings(enabled=False)
    assert _settings({"allow-minor": True, "candidates": 5}) == AdviceSettings(allow_minor=True, candidates=5)
    with pytest.raises(OptionValueError, match="unknown key"):
        _settings({"allow-everything": True})
    with pytest.raises(OptionValueError, match="whole number"):
        _settings({"candidates": 0})
    assert OptionValues()[BASE_RECOMMENDATION] == AdviceSettings()


def test_the_configuration_file_reads_it(tmp_path):
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "hardenbot.yml").write_text("base-recommendation:\n  allow-minor: true\n  max-bytes: 1000\n")
    options = load_config(tmp_path).options
    assert options[BASE_RECOMMENDATION] == AdviceSettings(allow_minor=True, max_bytes=1000)
    (tmp_path / ".github" / "hardenbot.yml").write_text("base-recommendation: off\n")
    assert not load_config(tmp_path).options[BASE_RECOMMENDATION].enabled
    (tmp_path / ".github" / "hardenbot.yml").write_text("base-recommendation:\n  candidates: many\n")
    with pytest.raises(ConfigError, match="base-recommendation.candidates: must be a whole number"):
        load_config(tmp_path)


# -- the advisor, over a fake registry --------------------------------------------------
def inventory(*packages: tuple[str, str], os: str = "Debian:12") -> Inventory:
    return Inventory(tuple(Package(os, name, version) for name, version in packages), os)


BAD = {("openssl", "1.1"): VulnSeverity.CRITICAL, ("gcc", "12"): VulnSeverity.HIGH, ("zlib", "1"): VulnSeverity.LOW}


def lookup(found: Inventory) -> VulnerabilityAnswers:
    return VulnerabilityAnswers({p.key: (Vulnerability(f"V-{p.name}", (), BAD[(p.name, p.version)], None, "9"),)
                                 for p in found.packages if (p.name, p.version) in BAD})


class FakeRegistry:
    def __init__(self, images: dict[str, BaseImage | Exception], tags: tuple[str, ...] | Exception):
        self.images, self.listed, self.read = images, tags, []

    def tags(self, ref):
        if isinstance(self.listed, Exception):
            raise self.listed
        return self.listed

    def digest(self, ref):
        found = self.images[ref.tag]
        return (found.digest if isinstance(found, BaseImage) else "sha256:" + ref.tag), False

    def image(self, ref, platform, max_bytes):
        self.read.append(ref.tag)
        found = self.images[ref.tag]
        if isinstance(found, Exception):
            raise found
        if max_bytes is not None and found.size > max_bytes:
            raise HardenbotError(f"{ref.tag}: over the bytes left")
        return found


FAMILY = {
    "3.11-bullseye": BaseImage("sha256:1", 300, inventory(("openssl", "1.1"), ("gcc", "12"), os="Debian:11")),
    "3.11-bookworm": BaseImage("sha256:2", 280, inventory(("gcc", "12"), ("zlib", "1"))),
    "3.11-slim-bookworm": BaseImage("sha256:3", 40, inventory(("zlib", "1"))),
    "3.11.9-slim-bookworm": BaseImage("sha256:3", 40, inventory(("zlib", "1"))),
    "3.11-slim-bullseye": BaseImage("sha256:4", 45, inventory(("openssl", "1.1"), os="Debian:11")),
}
WANTED = WantedBase(("docker.io", "library/python", "3.11-bullseye", "", "linux/amd64"), "python:3.11-bullseye")


def test_the_best_candidate_is_ranked_by_fixable_critical_high_then_fixable_then_size():
    registry = FakeRegistry(FAMILY, (*FAMILY, "3.12-slim-bookworm", "3.11-alpine", "3.11-rc-slim"))
    found = advise([WANTED], registry, lookup, AdviceSettings(candidates=4))
    advice = found.bases[WANTED.key]
    assert (advice.tag, advice.digest, advice.release) == ("3.11-slim-bookworm", "sha256:3", ("bullseye", "bookworm"))
    assert advice.figures == BaseFigures(2, 2, 300, "Debian:11") and advice.better == BaseFigures(0, 1, 40, "Debian:12")
    assert advice.proposed
    passed = dict((p.tag, p.reason) for p in advice.passed)
    assert passed["3.11.9-slim-bookworm"] == "the same image as 3.11-slim-bookworm"  # one HEAD, no read
    assert "3.12-slim-bookworm" not in passed and "3.11-alpine" not in passed  # never candidates
    assert registry.read.count("3.11-slim-bookworm") == 1 and "3.11.9-slim-bookworm" not in registry.read
    # HB030 and HB031 see the new reference as current; the chosen base, measured, needs nothing more
    assert found.digests[("docker.io", "library/python", "3.11-slim-bookworm")].digest == "sha256:3"
    chosen = found.bases[("docker.io", "library/python", "3.11-slim-bookworm", "sha256:3", "linux/amd64")]
    assert not chosen.has_better and not chosen.reason


def test_the_same_inputs_rank_the_same_and_the_chosen_base_stays_chosen():
    first = advise([WANTED], FakeRegistry(FAMILY, tuple(FAMILY)), lookup, AdviceSettings())
    second = advise([WANTED], FakeRegistry(FAMILY, tuple(reversed(FAMILY))), lookup, AdviceSettings())
    assert first.bases[WANTED.key] == second.bases[WANTED.key]
    now = WantedBase(("docker.io", "library/python", "3.11-slim-bookworm", "sha256:3", "linux/amd64"), "x")
    again = advise([now], FakeRegistry(FAMILY, tuple(FAMILY)), lookup, AdviceSettings()).bases[now.key]
    assert not again.has_better and again.reason == ""  # no candidate of the chosen one ranks above it


def test_candidates_that_cannot_be_read_are_passed_over_with_their_reason_and_the_rest_measured():
    images = {**FAMILY, "3.11-slim-bookworm": HardenbotError("a layer of python:3.11-slim-bookworm passes 8 GiB")}
    del images["3.11.9-slim-bookworm"]
    advice = advise([WANTED], FakeRegistry(images, tuple(images)), lookup, AdviceSettings(candidates=4)).bases[WANTED.key]
    assert dict((p.tag, p.reason) for p in advice.passed)["3.11-slim-bookworm"] == (
        "not read: a layer of python:3.11-slim-bookworm passes 8 GiB")
    assert advice.tag == "3.11-slim-bullseye"  # the best of the rest


def test_the_byte_budget_and_the_candidate_bound_hold_across_the_run():
    registry = FakeRegistry(FAMILY, tuple(FAMILY))
    advice = advise([WANTED], registry, lookup, AdviceSettings(max_bytes=340)).bases[WANTED.key]
    reasons = dict((p.tag, p.reason) for p in advice.passed)
    assert reasons["3.11-bookworm"].startswith("not read: 3.11-bookworm: over the bytes left")
    assert advice.tag == "3.11-slim-bookworm"
    one = advise([WANTED], FakeRegistry(FAMILY, tuple(FAMILY)), lookup, AdviceSettings(candidates=1)).bases[WANTED.key]
    assert sum(p.reason.startswith("not read: beyond 1 candidates") for p in one.passed) == 3


@pytest.mark.parametrize(("registry", "reason"), [
    (FakeRegistry(FAMILY, HardenbotError("r has no tag list for python")), "no candidates: r has no tag list for python"),
    (FakeRegistry(FAMILY, ("3.11-bullseye", "3.12-bookworm")), "no other tag of python keeps the meaning of "
                                                               "'3.11-bullseye'"),
    (FakeRegistry({**FAMILY, "3.11-bullseye": HardenbotError("deadline passed")}, tuple(FAMILY)),
     "the current base could not be measured: not read: deadline passed"),
])
def test_a_base_that_cannot_be_measured_says_why(registry, reason):
    assert advise([WANTED], registry, lookup, AdviceSettings()).bases[WANTED.key].reason == reason


def test_osv_out_of_reach_measures_nothing():
    def unreachable(found: Inventory) -> VulnerabilityAnswers:
        return VulnerabilityAnswers({}, "cannot reach OSV (ConnectionError)")
    advice = advise([WANTED], FakeRegistry(FAMILY, tuple(FAMILY)), unreachable, AdviceSettings()).bases[WANTED.key]
    assert advice.reason == ("the current base could not be measured: OSV could not be asked: cannot reach OSV "
                             "(ConnectionError)")


# -- the proof ------------------------------------------------------------------------------
def build(found: Inventory | None, user: str = "", uid: int | None = 0) -> Build:
    return Build(BuildState.BUILT, 1.0, ImageFacts(1, 1, user, uid, "/", True, False), inventory=found)


OLD_IMAGE = inventory(("openssl", "1.1"), ("gcc", "12"))
NEW_IMAGE = inventory(("zlib", "1"))


@pytest.mark.parametrize(("before", "after", "vulnerabilities", "why"), [
    (build(OLD_IMAGE), build(NEW_IMAGE), lookup, None),
    (build(OLD_IMAGE), build(NEW_IMAGE, "10001:10001", 10001), lookup, None),  # HB001 set USER in the same run
    (build(OLD_IMAGE, "app", 1000), build(NEW_IMAGE, "app", 1000), lookup, None),
    (build(OLD_IMAGE), build(OLD_IMAGE), lookup, "the built image's fixable critical/high vulnerabilities did not "
                                                 "fall (2 → 2)"),
    (build(OLD_IMAGE), build(NEW_IMAGE), None, "offline: OSV cannot say whether the built image's vulnerabilities fell"),
    (build(OLD_IMAGE), build(Inventory(error="a layer passes 8 GiB")), lookup,
     "the hardened image's packages could not be read (a layer passes 8 GiB)"),
    (build(OLD_IMAGE, "app", 1000), build(NEW_IMAGE, "app", 999), lookup,
     "it runs as uid 999, where the original ran as 1000"),
    (build(OLD_IMAGE), build(NEW_IMAGE, "10001", 0), lookup, "it runs as uid 0, where its USER says 10001"),
    (build(OLD_IMAGE), build(NEW_IMAGE, "app", 1000), lookup, "it runs as 'app', a name whose uid the file does not fix"),
    (build(OLD_IMAGE), build(NEW_IMAGE, uid=None), lookup,
     "could not tell which uid a container of the hardened image runs as"),
])
def test_the_proof_holds_only_when_the_built_image_has_fewer_and_runs_as_the_same_user(before, after, vulnerabilities,
                                                                                      why):
    assert proof(ProofEvidence("Dockerfile", before, after, vulnerabilities)) == why
