"""A helper script a RUN runs is read from the build context (never run) for what it does to the
layer: `RUN /common.sh` whose sourced lib.sh runs apt-get update keeps package lists that a
cleanup in another RUN cannot reach (DL3009 then reports instead of editing)."""
from __future__ import annotations

import pytest

from bot.cli import main
from tests.helpers import write

LIB = "install_packages() {\n    apt-get update\n    apt-get install -y \"$@\"\n}\n"
DOCKERFILE = ("FROM ubuntu:24.04\nCOPY common.sh lib.sh /\nRUN {run}\n"
              "RUN apt-get update && apt-get install -y --no-install-recommends curl\n")


@pytest.mark.parametrize("run, common, lib, said", [
    # The script sources lib.sh, whose function runs apt-get update: the lists stay in line 3's layer.
    ("/common.sh", ". lib.sh\ninstall_packages gcc\n", LIB, "line 3 runs /common.sh, which runs apt-get update"),
    ("bash /common.sh --quiet", "source /lib.sh\ninstall_packages gcc\n", LIB,
     "line 3 runs /common.sh, which runs apt-get update"),
    # ... not when a script removes the lists, nor when it never updates them.
    ("/common.sh", ". lib.sh\ninstall_packages gcc\nrm -rf /var/lib/apt/lists/*\n", LIB, None),
    ("/common.sh", "echo configuring\n", "", None),
    # A script the build context does not hold is not known: the cleanup is made.
    ("/opt/elsewhere.sh", "", "", None),
])
def test_a_helper_script_that_keeps_apt_lists_makes_the_cleanup_elsewhere_a_report(
        tmp_path, capsys, run, common, lib, said):
    write(tmp_path, "Dockerfile", DOCKERFILE.replace("{run}", run))
    write(tmp_path, "common.sh", common)
    write(tmp_path, "lib.sh", lib)
    main(["check", "--offline", "--select", "DL3009", str(tmp_path)])
    out = capsys.readouterr().out
    if said is None:
        assert "Dockerfile:4: DL3009 apt-get lists are left in the image [fixable]" in out
    else:
        assert f"Dockerfile:4: DL3009 apt-get lists are left in the image, but {said}" in out
        assert "[fixable]" not in out


def test_scripts_that_source_each_other_are_read_once_each(tmp_path, capsys):
    write(tmp_path, "Dockerfile", DOCKERFILE.replace("{run}", "/common.sh"))
    write(tmp_path, "common.sh", ". lib.sh\n")
    write(tmp_path, "lib.sh", ". common.sh\n. lib.sh\n")  # a loop ends; nothing updates
    main(["check", "--offline", "--select", "DL3009", str(tmp_path)])
    assert "[fixable]" in capsys.readouterr().out


def test_many_runs_between_helper_scripts_are_checked_in_linear_time():
    """What other layers keep is read once per file (per RUN to clean, 4,000 RUNs took 70 s), each
    script looked for once, and the RUNs after one found from it on."""
    import time

    from bot.dockerfile.model import Dockerfile
    from bot.rules.dl3009_apt_lists_cleanup import check
    from bot.rules.rule import RuleContext

    def seconds(pairs: int) -> float:
        # The same script each time, then a new one each time: scripts are looked for once each.
        body = "".join(f"RUN apt-get update && apt-get install -y curl\nRUN /opt/x{i % 2 and i}.sh\n" for i in range(pairs))
        doc = Dockerfile.parse("FROM debian:12\nCOPY scripts/ /opt/\n" + body, "Dockerfile")
        context = RuleContext(options={}, context_file=lambda dockerfile, path: "echo configuring\n")
        start = time.process_time()
        assert len(list(check(doc, context))) == pairs
        return time.process_time() - start

    small, large = seconds(250), seconds(1_000)
    # 4 when linear (more on a loaded machine), 16 when quadratic
    assert large < 0.5 or large / small < 12, (small, large)


@pytest.mark.parametrize("dockerfile, said", [
    # The helper script installs on the lists line 2 leaves: they must stay until it has run.
    ("FROM debian:12\nRUN apt-get update && apt-get install -y curl\nCOPY install.sh /install.sh\n"
     "WORKDIR /usr/local/app\nRUN cd / && ./install.sh\n",
     "the RUN at line 5 runs ./install.sh, which installs without its own apt-get update"),
    # ... found from the WORKDIR the RUN runs in, not the stage's last one.
    ("FROM debian:12\nWORKDIR /opt\nRUN apt-get update && apt-get install -y curl\nCOPY install.sh .\n"
     "RUN ./install.sh\nWORKDIR /usr/local/app\n",
     "the RUN at line 5 runs ./install.sh, which installs without its own apt-get update"),
])
def test_a_later_helper_script_installing_on_the_lists_keeps_them(tmp_path, capsys, dockerfile, said):
    write(tmp_path, "Dockerfile", dockerfile)
    write(tmp_path, "install.sh", "#!/bin/sh\napt-get install -y cmake\n")
    main(["check", "--offline", "--select", "DL3009", str(tmp_path)])
    out = capsys.readouterr().out
    assert f"apt lists are not removed, but {said}: merge them, then clean up" in out
    assert "[fixable]" not in out
    # A script that updates the lists itself (and removes them) needs nothing of the earlier ones.
    write(tmp_path, "install.sh", "#!/bin/sh\napt-get update && apt-get install -y cmake && rm -rf /var/lib/apt/lists/*\n")
    main(["check", "--offline", "--select", "DL3009", str(tmp_path)])
    assert "[fixable]" in capsys.readouterr().out


def test_a_script_the_build_context_lacks_is_read_where_the_repository_keeps_it(tmp_path, capsys):
    """`cp utils/*.sh debian/` before `docker build debian/`: the file of that name elsewhere is read."""
    write(tmp_path, "debian/Dockerfile", "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n"
                                         "COPY ./install.sh /install.sh\nRUN /install.sh\n")
    write(tmp_path, "utils/install.sh", "#!/bin/sh\napt-get install -y cmake\n")
    main(["check", "--offline", "--select", "DL3009", str(tmp_path)])
    out = capsys.readouterr().out
    assert "the RUN at line 4 runs /install.sh, which installs without its own apt-get update" in out
    # Too many files of that name say nothing of which one: the cleanup is made.
    for folder in ("a", "b", "c", "d"):
        write(tmp_path, f"{folder}/install.sh", "#!/bin/sh\napt-get install -y cmake\n")
    main(["check", "--offline", "--select", "DL3009", str(tmp_path)])
    assert "[fixable]" in capsys.readouterr().out
