"""Fixture pairs: each rule's input, its hardened output, and the findings on the input."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import harden_text
from tests.conftest import fixture_cases, yaml_fixture_cases
from tests.helpers import assert_fixture_pair, case_ruleset, case_source


@pytest.mark.parametrize("case", fixture_cases() + yaml_fixture_cases(),
                         ids=lambda p: f"{p.parent.name}/{p.name.split('.in.', 1)[0]}")
def test_fixture_pair(case: Path) -> None:
    path, kind = case_source(case)
    ruleset = case_ruleset(case)
    assert_fixture_pair(case, lambda text: harden_text(text, path, ruleset, kind))
