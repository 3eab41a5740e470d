"""HB021's multi-stage split: fixture pairs under fixtures/HB021/proven/ hardened as a verifying
run hardens them (HB021 alone, `proving`), the contract over each output, the same files
without a verifier (reported only), and the proof judged on inventories."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from bot.config import Config
from bot.dockerfile.model import Dockerfile
from bot.engine import harden_text
from bot.model.policies import Inventory, Package
from bot.model.proof import ProofEvidence
from bot.model.roles import Role
from bot.model.verification import Build, BuildState
from bot.rules.rule import RuleSet
from bot.rules.split_plan import Split, plan_split
from bot.rules.split_proof import prove_split
from bot.run import make_ruleset
from tests.conftest import FIXTURES
from tests.contract import assert_contract, assert_dockerfile_parse_agrees
from tests.helpers import assert_fixture_pair, read
from tests.test_contract import assert_parser_agrees

CASES = sorted((FIXTURES / "HB021" / "proven").glob("*.in.Dockerfile"))


def ruleset(*, proving: bool = True, only_hb021: bool = True) -> RuleSet:
    config = replace(Config(), roles=(("**", Role.SERVICE),))
    rules = config.active_rules(select={"HB021"}) if only_hb021 else config.active_rules()
    return make_ruleset(config, rules, None, proving=proving)


def _findings_text(findings) -> str:
    return "".join(f"{f.line} {f.rule} {'fixable' if f.fixable else 'report'}: {f.message}\n"
                   for f in sorted(findings, key=lambda f: (f.line, f.rule)))


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name.split(".in.", 1)[0])
def test_split_fixture_pair(case: Path) -> None:
    assert_fixture_pair(case, lambda text: harden_text(text, case.name, ruleset()), _findings_text)


def assert_split_keeps_every_other_line(text: str, output: str) -> None:
    """Outside the builder block, the output is the original with lines taken out and one line
    (the last install) replaced by the COPY --from; every builder line but its FROM is an
    original line, or one with pip's --prefix added."""
    lines, out = text.splitlines(keepends=True), output.splitlines(keepends=True)
    start = next(i for i, line in enumerate(out) if re.search(r" (AS|as) build-deps(-\d+)?\r?$", line)
                 and line not in lines)
    end = next(i for i in range(start + 1, len(out)) if not out[i].strip())  # the blank line closing it
    for line in out[start + 1:end]:
        assert line in lines or line.replace(" --prefix=/install", "") in lines, line
    runtime = out[:start] + out[end + 1:]
    copies = [line for line in runtime if "--from=build-deps" in line and line not in lines]
    assert len(copies) == 1
    kept = iter(lines)
    for line in runtime:
        if line in copies:
            continue
        assert any(line == original for original in kept), f"{line!r} is not an original line, in order"


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name.split(".in.", 1)[0])
def test_split_output_keeps_the_contract_with_both_oracle_parsers(case: Path) -> None:
    text = read(case)
    assert_parser_agrees(text)
    for rules in (ruleset(), ruleset(only_hb021=False)):
        hardened = harden_text(text, case.name, rules)
        assert_parser_agrees(hardened.text)  # BuildKit's own parser reads every instruction as ours does
        assert_dockerfile_parse_agrees(text)
        assert_dockerfile_parse_agrees(hardened.text)  # … and so does dockerfile-parse
        assert harden_text(hardened.text, case.name, rules).text == hardened.text
    output = harden_text(text, case.name, ruleset()).text
    if output != text:
        assert_split_keeps_every_other_line(text, output)
    else:
        assert_contract(text, case.name, ruleset())


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name.split(".in.", 1)[0])
def test_without_a_verifier_the_split_is_only_reported(case: Path) -> None:
    text = read(case)
    hardened = harden_text(text, case.name, ruleset(proving=False))
    assert hardened.text == text
    [found] = [f for f in hardened.before if f.rule == "HB021"]
    assert not found.fixable
    split = case.with_name(case.name.replace(".in.", ".out.")).exists()
    assert ("`fix --verify` splits it" in found.message) == split
    assert ("not split automatically: " in found.message) == (not split)


def test_every_other_line_is_kept_byte_for_byte_in_the_runtime_stage() -> None:
    text = read(FIXTURES / "HB021" / "proven" / "crlf.in.Dockerfile")
    output = harden_text(text, "Dockerfile", ruleset()).text
    runtime = output[output.rindex("FROM "):]
    assert runtime == ('FROM python:3.12-slim\r\nWORKDIR /app\r\nCOPY requirements.txt .\r\n'
                       'COPY --from=build-deps /install /usr/local\r\nCOPY . .\r\nCMD ["python", "app.py"]\r\n')
    assert "\n" not in output.replace("\r\n", "")


def _numbered(text: str) -> str:
    return (f"FROM python:3.12-slim AS deps\nRUN true\n{text}"
            "RUN apt-get install -y gcc\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n")


@pytest.mark.parametrize(("text", "reason"), [
    ("FROM python:3.12-slim\nUSER app\n", "the install runs as app"),
    ("FROM python:3.12-slim\nRUN curl -o /x https://example.com/x\n", "this RUN comes before the install"),
    ("FROM python:3.12-slim\nENV PIP_USER=1\n", "the environment chooses where pip installs"),
    ("FROM python:3.12-slim\nENV PATH=/opt/tools/bin:$PATH\n", "may not be the base image's own"),
    ("FROM acme/python:3.12\n", "not an official python image"),
])
def test_unclear_inputs_are_reported_with_the_reason(text: str, reason: str) -> None:
    hardened = harden_text(_numbered(text), "Dockerfile", ruleset())
    [found] = [f for f in hardened.before if f.rule == "HB021"]
    assert not found.fixable and reason in found.message, found.message


def test_a_stage_numbered_after_the_built_target_is_never_renumbered() -> None:
    text = ("FROM python:3.12-slim AS app\nRUN apt-get install -y gcc\nCOPY requirements.txt .\n"
            "RUN pip install -r requirements.txt\nFROM alpine:3.20\nCOPY --from=1 /x /x\n")
    for reference, splits in (("0", False), ("app", True)):
        doc = Dockerfile.parse(text.replace("--from=1", f"--from={reference}"), target="app")
        [run] = [run for run in doc.runs() if "gcc" in run.text]
        plan = plan_split(doc, run)
        assert isinstance(plan, Split) == splits
        assert splits or "referred to by its number" in plan.reason


def test_a_venv_the_install_does_not_use_is_reported() -> None:
    text = ("FROM python:3.12-slim\nRUN python -m venv /opt/venv\nRUN apt-get install -y gcc\n"
            "COPY requirements.txt .\nRUN pip install -r requirements.txt\n")
    [found] = [f for f in harden_text(text, "Dockerfile", ruleset()).before if f.rule == "HB021"]
    assert "virtual environment (/opt/venv) but not every install uses it" in found.message


def test_node_without_a_literal_workdir_is_reported() -> None:
    text = ("FROM node:20-slim\nRUN apt-get install -y python3 make g++\nCOPY package.json .\n"
            "RUN npm install\n")
    [found] = [f for f in harden_text(text, "Dockerfile", ruleset()).before if f.rule == "HB021"]
    assert "no literal WORKDIR" in found.message


# -- the proof ------------------------------------------------------------------------------
def _build(*names: str, error: str = "", read_it: bool = True) -> Build:
    packages = tuple(Package("Debian:12", name, "1") for name in names)
    inventory = Inventory(packages, "Debian:12", error=error) if read_it else None
    return Build(BuildState.BUILT, 1.0, inventory=inventory)


def evidence(before: Build, after: Build) -> ProofEvidence:
    return ProofEvidence("Dockerfile", before, after)


def test_the_proof_holds_when_every_build_tool_the_original_held_is_gone() -> None:
    before = _build("python3.12", "gcc-12", "cpp-12", "binutils", "libc6-dev", "make", "build-essential")
    assert prove_split(evidence(before, _build("python3.12"))) is None


def test_the_proof_names_what_is_still_there_and_what_went() -> None:
    before = _build("gcc-12", "make", "libpq-dev")
    why = prove_split(evidence(before, _build("make")))
    assert why == "the hardened image still holds make (gone: gcc-12, libpq-dev)"


def test_the_proof_fails_when_the_original_held_no_build_tools() -> None:
    why = prove_split(evidence(_build("python3.12"), _build("python3.12")))
    assert why == "the original image holds no compilers or build tools: the split takes none out"


def test_the_proof_fails_when_an_inventory_is_unreadable() -> None:
    assert prove_split(evidence(_build("gcc"), _build(read_it=False))) == "the hardened image's packages were not read"
    why = prove_split(evidence(_build(error="could not read its packages: too big"), _build()))
    assert why == "the original image's packages are unknown (could not read its packages: too big)"


def test_language_packages_named_like_tools_are_not_build_tools() -> None:
    before = Build(BuildState.BUILT, 1.0, inventory=Inventory((Package("PyPI", "make", "1"),), "Debian:12"))
    assert prove_split(evidence(before, before)).startswith("the original image holds no compilers")


def test_many_runs_of_build_tools_are_reported_in_linear_time() -> None:
    import time

    text = "FROM python:3.12-slim\n" + "RUN apt-get install -y gcc\n" * 10_000 + "RUN pip install -r r.txt\n"
    started = time.perf_counter()
    hardened = harden_text(text, "Dockerfile", ruleset())
    assert time.perf_counter() - started < 30  # generous: the machine is shared; figures in bench/
    assert hardened.text == text and len(hardened.before) == 10_000
    assert all("more than one RUN installs build tools" in f.message for f in hardened.before)
