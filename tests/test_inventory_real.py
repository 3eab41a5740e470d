"""Inventories read from real images on the test engine (a private dockerd, see conftest's
`docker_engine`): an image built by the verification's engine, exported from a container
that is created and never started; and the same base saved with `docker save`."""
from __future__ import annotations

import os

from bot.inventory import inventory_from_files, wanted
from bot.inventory.layers import files_from_saved_image
from bot.verify.docker import DockerEngine

SITE = "/usr/local/lib/python3.11/site-packages"


def test_built_image_inventory_lists_debian_python_and_npm_packages(docker_engine, tmp_path):
    engine = DockerEngine(docker_engine.daemon.client, {**os.environ, **docker_engine.environment})
    dockerfile = tmp_path / "Dockerfile"
    text = (f"FROM {docker_engine.images.debian}\n"
            f"RUN mkdir -p {SITE}/Demo_Pkg-1.0.dist-info /app/node_modules/@acme/left-pad && "
            f"printf 'Name: Demo_Pkg\\nVersion: 1.0\\nLicense-Expression: AGPL-3.0-only\\n' > {SITE}/Demo_Pkg-1.0.dist-info/METADATA && "
            "printf '{\"name\": \"@acme/left-pad\", \"version\": \"1.3.0\", \"license\": \"WTFPL\"}' "
            "> /app/node_modules/@acme/left-pad/package.json\n")
    built = engine.build(text, dockerfile, tmp_path, None, network=False, timeout=300)
    assert built.image_id, built.build.log_tail
    try:
        inventory = engine.inventory(built.image_id)
    finally:
        engine.remove([built.image_id])
    assert inventory.read and inventory.os == "Debian:12"
    by_ecosystem = {}
    for package in inventory.packages:
        by_ecosystem.setdefault(package.ecosystem, []).append(package)
    debian = {p.installed_as or p.name: p for p in by_ecosystem["Debian:12"]}
    assert len(debian) > 80  # minbase: dpkg's own database, not a guess
    assert debian["libc6"].name == "glibc" and debian["dpkg"].installed_as == ""
    assert any("GPL-2+" in licence for licence in debian["dpkg"].licences)  # its DEP-5 copyright file
    assert [(p.name, p.version, p.licences) for p in by_ecosystem["PyPI"]] == [("demo-pkg", "1.0", ("AGPL-3.0-only",))]
    assert [(p.name, p.licences) for p in by_ecosystem["npm"]] == [("@acme/left-pad", ("WTFPL",))]
    # The container made for the export is gone; the image is removed above.
    assert docker_engine.daemon.docker("ps", "--all", "--quiet").stdout == ""


def test_saved_image_gives_the_same_debian_packages(docker_engine, tmp_path):
    saved = tmp_path / "debian.tar"
    docker_engine.daemon.docker("save", "--output", str(saved), docker_engine.images.debian, timeout=300)
    image = files_from_saved_image(saved, wanted)
    inventory = inventory_from_files(image.files, image.user)
    assert inventory.os == "Debian:12" and image.user == ""
    assert {"glibc", "dpkg", "bash"} <= {p.name for p in inventory.packages}
    assert image.tags == (docker_engine.images.debian,)


def test_inventory_of_an_image_that_is_gone_is_an_error_not_an_exception(docker_engine):
    engine = DockerEngine(docker_engine.daemon.client, {**os.environ, **docker_engine.environment})
    inventory = engine.inventory("sha256:" + "0" * 64)
    assert not inventory.read and inventory.error.startswith("could not read its packages: ")


def test_fix_verify_judges_both_images_and_names_what_moved_each_policy(docker_engine, monkeypatch, tmp_path, capsys):
    import json

    from bot.cli import main

    docker_engine.use(monkeypatch)
    # No empty WORKDIR: HB001 would report it (where the app keeps data), not fix it.
    (tmp_path / "Dockerfile").write_text(f'FROM {docker_engine.images.debian}\nCMD ["sh"]\nEXPOSE 8080\n')
    assert main(["fix", "--verify", "--format", "json", str(tmp_path)]) == 0
    document = json.loads(capsys.readouterr().out)
    [item] = document["policies"]
    states = {p["policy"]: (p["before"]["state"], p["after"]["state"], p["moved_by"]) for p in item["policies"]}
    assert states["non-root"] == ("fail", "pass", "HB001")
    assert states["agpl"] == ("pass", "pass", None)  # minbase: GPL, no AGPL
    # OSV is out of reach in the tests (conftest): not evaluated, never a pass.
    assert states["vulnerabilities-critical"][:2] == ("not evaluated", "not evaluated")
    [licences] = [p for p in item["policies"] if p["policy"] == "agpl"]
    assert " GPL (listed, not failed)" in licences["after"]["summary"]
    assert docker_engine.daemon.image_ids() == docker_engine.images.ids


def test_a_built_image_of_sparse_package_files_is_one_line_and_the_next_image_is_read(docker_engine, tmp_path):
    """40 METADATA files of 63 MiB each, sparse on the engine's disk (a few KB), all zeros in
    `docker export`: that once took 2.2 GB of the bot's memory. Each is past the 16 MiB a
    package file may be, refused from its tar header, and the export stopped there."""
    import resource
    import time

    engine = DockerEngine(docker_engine.daemon.client, {**os.environ, **docker_engine.environment})
    dockerfile = tmp_path / "Dockerfile"
    text = (f"FROM {docker_engine.images.debian}\n"
            f"RUN for i in $(seq 40); do mkdir -p {SITE}/p$i-1.dist-info && "
            f"truncate -s 63M {SITE}/p$i-1.dist-info/METADATA; done\n")
    built = engine.build(text, dockerfile, tmp_path, None, network=False, timeout=300)
    assert built.image_id, built.build.log_tail
    base = engine.build(f"FROM {docker_engine.images.debian}\nLABEL base=1\n", dockerfile, tmp_path, None,
                        network=False, timeout=300)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    try:
        start = time.perf_counter()
        hostile = engine.inventory(built.image_id)
        seconds = time.perf_counter() - start
        other = engine.inventory(base.image_id)
    finally:
        engine.remove([built.image_id, base.image_id])
    growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - peak
    assert hostile.error.startswith(f"could not read its packages: image {built.image_id.rpartition(':')[2][:12]}: "
                                    "its file system: usr/local/lib/python3.11/site-packages/p")
    assert hostile.error.endswith("METADATA is 63 MiB, past the 16 MiB a package file may be; inventory not read")
    assert seconds < 60 and growth < 100 * 1024 * 1024
    assert other.read and {"glibc", "dpkg"} <= {p.name for p in other.packages}
    assert docker_engine.daemon.docker("ps", "--all", "--quiet").stdout == ""
