#!/usr/bin/env python3
"""What the start check costs: `DockerEngine.start` on a private engine (root, Debian's docker.io).

    python3 bench/start_check.py [--seconds 5]

Imports three busybox images (a command that keeps running, one that exits 0, one with a
HEALTHCHECK that passes at once and Docker's 30 s default interval) and times, wall clock:
one container that keeps running, two started together (what a file costs: the original and
the hardened image), two that exit, two with a health check. Then that no container is left.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.model.verify_settings import StartSpec  # noqa: E402
from bot.verify.docker import DockerEngine  # noqa: E402
from bot.verify.start import StartRequest  # noqa: E402
from tests.servers import DockerDaemon, busybox_rootfs  # noqa: E402

IMAGES = {"bb:running": ['CMD ["sleep", "600"]'], "bb:exits": ['CMD ["true"]'],
          "bb:healthy": ['CMD ["sleep", "600"]', 'HEALTHCHECK CMD ["true"]']}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5, help="the start period (default 5)")
    seconds = parser.parse_args().seconds
    with DockerDaemon() as daemon, tempfile.TemporaryDirectory() as scratch:
        rootfs = busybox_rootfs(Path(scratch) / "busybox.tar")
        for name, changes in IMAGES.items():
            daemon.docker("import", *[arg for change in changes for arg in ("--change", change)], str(rootfs), name)
        engine = DockerEngine(daemon.client, {**daemon.environment, "PATH": "/usr/bin:/bin"})
        for label, images in (("1 running", ["bb:running"]), ("2 running, together", ["bb:running"] * 2),
                              ("2 exiting 0", ["bb:exits"] * 2), ("2 with a health check", ["bb:healthy"] * 2)):
            requests = [StartRequest(image, StartSpec(seconds=seconds), image == "bb:healthy") for image in images]
            began = time.monotonic()
            checks = engine.start(requests)
            took = time.monotonic() - began
            said = ", ".join(f"{check.state.value} at {check.seconds:.1f} s" for check in checks)
            print(f"{label:24} {took:5.2f} s wall  ({said})")
        print("containers left:", len(daemon.docker("ps", "--all", "--quiet").stdout.split()))


if __name__ == "__main__":
    main()
