"""The contract over generated monorepos, through the command: every service's Dockerfile is
hardened, a broken one is reported without stopping the rest, and a second run writes nothing."""
from __future__ import annotations

import dockerfile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.cli import main
from tests.test_contract import dockerfiles

BROKEN = "FROM debian:12\nRUN <<EOF\napt-get update\n"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(services=st.lists(dockerfiles(), min_size=2, max_size=8), broken_at=st.integers(0, 8))
def test_generated_monorepo(tmp_path_factory, services, broken_at):
    root = tmp_path_factory.mktemp("mono")
    paths = []
    for index, text in enumerate(services):
        path = root / "services" / f"svc-{index}" / ("Dockerfile" if index % 3 else f"svc{index}.Dockerfile")
        path.parent.mkdir(parents=True)
        path.write_bytes(text.encode())
        paths.append(path)
    broken = None
    if broken_at < len(services):
        broken = root / "services" / "broken" / "Dockerfile"
        broken.parent.mkdir(parents=True)
        broken.write_bytes(BROKEN.encode())

    assert main(["fix", "--offline", str(root)]) == (2 if broken else 0)
    first = {path: path.read_bytes() for path in paths}
    for data in first.values():
        dockerfile.parse_string(data.decode())
    if broken:
        assert broken.read_bytes() == BROKEN.encode()

    assert main(["fix", "--offline", str(root)]) == (2 if broken else 0)
    assert {path: path.read_bytes() for path in paths} == first
    assert main(["check", "--offline", str(root)]) == (2 if broken else 0)  # nothing fixable is left
