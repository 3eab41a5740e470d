"""Fixture pairs: each rule's input, its hardened output, and the findings on the input."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.engine import harden_text
from tests.conftest import fixture_cases, yaml_fixture_cases
from tests.helpers import case_ruleset, case_source, read

REGEN = os.environ.get("HARDENBOT_REGEN") == "1"


def _findings_text(findings) -> str:
    lines = sorted({(f.line, f.rule, "fixable" if f.fixable else "report") for f in findings})
    return "".join(f"{line} {rule} {kind}\n" for line, rule, kind in lines)


@pytest.mark.parametrize("case", fixture_cases() + yaml_fixture_cases(),
                         ids=lambda p: f"{p.parent.name}/{p.name.split('.in.', 1)[0]}")
def test_fixture_pair(case: Path) -> None:
    text = read(case)
    path, kind = case_source(case)
    ruleset = case_ruleset(case)
    hardened = harden_text(text, path, ruleset, kind)
    out_file = case.with_name(case.name.replace(".in.", ".out."))
    findings_file = case.with_name(case.name.split(".in.", 1)[0] + ".findings")
    if REGEN:
        if hardened.text != text:
            out_file.write_bytes(hardened.text.encode("utf-8", errors="surrogateescape"))
        elif out_file.exists():
            out_file.unlink()
        findings_file.write_text(_findings_text(hardened.before))
    expected = read(out_file) if out_file.exists() else text
    assert hardened.text == expected
    assert _findings_text(hardened.before) == findings_file.read_text()
    assert harden_text(hardened.text, path, ruleset, kind).text == hardened.text  # a second run changes nothing
