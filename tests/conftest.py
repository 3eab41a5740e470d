from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_cases() -> list[Path]:
    return sorted(FIXTURES.glob("*/*.in.Dockerfile"))


@pytest.fixture
def tmp_repo(tmp_path: Path) -> Path:
    return tmp_path
