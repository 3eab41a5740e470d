"""An image whose command only builds (a wheel, a binary, a package copied out of the container)
is a build environment; one whose command builds and then serves is not."""
from __future__ import annotations

import pytest

from bot.dockerfile.build_runs import build_run


@pytest.mark.parametrize("script, built", [
    ("echo '--- Installing JS dependencies' && yarn install --pure-lockfile && echo '--- Making whl' && make dist "
     "&& make pex", "make dist"),
    ("make", "make"),
    ("make -j4 VERSION=1.2 release", "make release"),
    ("make -j 4 dist", "make dist"),
    ("make -f Makefile.docker", "make"),  # the default target of the file named
    ("make -f Makefile.docker build-package", None),  # a target not known to build
    ("cargo build --release", "cargo build"),
    ("cd /src && go build -o /out/app ./cmd/app", "go build"),
    ("pip install -r requirements.txt && python -m build --wheel", "python -m build"),
    ("python3 setup.py sdist bdist_wheel", "python3 setup.py sdist"),
    ("npm ci && npm run build", "npm run build"),
    ("yarn dist:linux", "yarn dist:linux"),
    ("./gradlew bootJar", "gradlew bootjar"),
    ("dotnet publish -c Release -o /out", "dotnet publish"),
    ("pyinstaller app.spec", "pyinstaller"),
    # Not only building: a program runs after, or nothing builds.
    ("make build && ./server", None),
    ("npm run build && npm start", None),
    ("make serve", None),
    ("make -C src dist", "make dist"),  # the folder is -C's value, not a target
    ("echo hello", None),
    ("yarn install", None),
    ("gunicorn app:app", None),
])
def test_a_command_that_only_builds(script, built):
    assert build_run(script) == built
