"""HB060's proven fix: curl's `-k`/`--insecure` taken out when every URL is https and the image
has the CA certificates; fixture pairs under fixtures/HB060/proven/ hardened as a verifying run
hardens them (HB060 alone, `proving`), the same files without a verifier (reported only), and
through `fix --verify` against an engine that builds by rule."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bot.config import Config
from bot.engine import harden_text
from bot.model.roles import Role
from bot.model.verification import Verdict
from bot.rules.rule import RuleSet
from bot.run import make_ruleset
from tests.conftest import FIXTURES
from tests.contract import assert_dockerfile_parse_agrees
from tests.helpers import assert_fixture_pair, read, write
from tests.test_verify import RuleBuilder, harden

CASES = sorted((FIXTURES / "HB060" / "proven").glob("*.in.Dockerfile"))


def ruleset(*, proving: bool = True) -> RuleSet:
    config = replace(Config(), roles=(("**", Role.SERVICE),))
    return make_ruleset(config, config.active_rules(select={"HB060"}), None, proving=proving)


def _findings_text(findings) -> str:
    return "".join(f"{f.line} {f.rule} {'fixable' if f.fixable else 'report'}: {f.message}\n"
                   for f in sorted(findings, key=lambda f: (f.line, f.fixable, f.rule)))


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name.split(".in.", 1)[0])
def test_tls_fix_fixture_pair(case: Path) -> None:
    text = read(case)
    hardened = assert_fixture_pair(case, lambda text: harden_text(text, case.name, ruleset()), _findings_text)
    assert_dockerfile_parse_agrees(hardened.text)
    # Without a verifier nothing is changed: the same findings, reported.
    reported = harden_text(text, case.name, ruleset(proving=False))
    assert reported.text == text and not any(f.fixable for f in reported.before)


SERVICE = ("FROM python:3.12-slim\nRUN curl -fsSLk https://example.com/tool -o /usr/local/bin/tool\n"
           "CMD [\"tool\"]\n")


def test_fix_verify_keeps_the_removal_the_build_bears(tmp_path):
    write(tmp_path, "svc/Dockerfile", SERVICE)
    report = harden(tmp_path, RuleBuilder())
    [item] = report.verification
    assert item.verdict is Verdict.VERIFIED
    written = (tmp_path / "svc/Dockerfile").read_text()
    assert "RUN curl -fsSL https://example.com/tool -o /usr/local/bin/tool" in written
    [fixed] = [f for f in report.results[0].hardened.applied if f.rule == "HB060"]
    assert fixed.message.endswith("every URL is https and python ships the CA certificates; drop the option")
    assert "USER 10001:10001" in written  # … and the other rules' fixes were made and kept beside it


def test_a_removal_the_build_does_not_bear_is_dropped_and_reported(tmp_path):
    write(tmp_path, "svc/Dockerfile", SERVICE)
    # The certificate store lacks the server's issuer: curl fails once it checks.
    report = harden(tmp_path, RuleBuilder(poisons=("curl -fsSL https",), log=("curl: (60) SSL certificate problem",)))
    [item] = report.verification
    assert item.verdict is Verdict.EDITS_DROPPED and item.dropped == ("HB060",)
    written = (tmp_path / "svc/Dockerfile").read_text()
    assert "curl -fsSLk https://example.com/tool" in written and "USER 10001:10001" in written
    [note] = [f for f in report.results[0].hardened.after if f.rule == "HB060" and f.message.startswith("not changed")]
    assert "SSL certificate problem" in note.message
