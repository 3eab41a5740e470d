"""Dockerfiles that install on the apt lists their base image keeps, and the base they may need."""
from __future__ import annotations

import pytest

from bot.config import Config
from bot.dockerfile.apt_lists import installs_on_inherited_lists, may_be_built_from
from bot.model.roles import Role
from bot.run import process

RELYING = [
    ("FROM us-docker.pkg.dev/team/images/docker-base\nRUN apt-get -y install docker-ce\n",
     ("us-docker.pkg.dev/team/images/docker-base", 2)),
    ("FROM myorg/app-base:1\n# tools\nRUN apt install -y curl\n", ("myorg/app-base:1", 3)),
    ("FROM myorg/app-base:1\nRUN apt-get update && apt-get install -y curl\n", None),  # its own lists
    ("FROM ubuntu:24.04\nRUN apt-get install -y curl\n", None),  # an official image ships none: simply broken
    ("FROM library/ubuntu:24.04\nRUN apt-get install -y curl\n", None),
    ("ARG BASE\nFROM ${BASE}\nRUN apt-get install -y curl\n", None),  # which image is not written
    ("FROM myorg/app-base\nRUN apk add curl\n", None),
]


@pytest.mark.parametrize("text, expected", RELYING)
def test_a_file_installing_on_its_bases_lists(text, expected):
    assert installs_on_inherited_lists(text) == expected


NAMED_LIKE = [
    ("us-docker.pkg.dev/team/images/docker-base", "docker/Dockerfile-base", True),
    ("myorg/app-base:2", "base/Dockerfile", True),
    ("myorg/python-ci@sha256:00", "images/python/Dockerfile", True),
    ("myorg/tools", "base/Dockerfile", False),
    ("myorg/docker", "docker/Dockerfile-base", False),
    ("myorg/base", "Dockerfile", False),  # a file at the root is named by nothing
]


@pytest.mark.parametrize("image, dockerfile, expected", NAMED_LIKE)
def test_an_image_named_like_a_dockerfile(image, dockerfile, expected):
    assert may_be_built_from(image, dockerfile) is expected


def test_a_base_whose_child_installs_on_its_lists_keeps_them(tmp_path):
    (tmp_path / "docker").mkdir()
    base = "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y curl\n"
    (tmp_path / "docker" / "Dockerfile-base").write_text(base)
    (tmp_path / "docker" / "Dockerfile-versioned").write_text(
        "FROM gcr.io/team/docker-base\nRUN apt-get -y install docker-ce\nENTRYPOINT [\"docker\"]\n")
    config = Config()
    report = process(tmp_path, config, config.active_rules(), fix=True, write=False)
    hardened = {result.path: result.hardened for result in report.results}["docker/Dockerfile-base"]
    assert hardened.role.role is Role.BASE
    kept = [f for f in hardened.before if f.rule == "DL3009"]
    assert kept and not kept[0].fixable and "docker/Dockerfile-versioned (line 2)" in kept[0].message
    # Without the child, the lists are removed as usual.
    (tmp_path / "docker" / "Dockerfile-versioned").unlink()
    report = process(tmp_path, config, config.active_rules(), fix=True, write=False)
    assert "rm -rf /var/lib/apt/lists/*" in report.results[0].hardened.text


@pytest.mark.parametrize("readme, kept", [
    # The README tells users to extend the images and install with apt, with no update of their own.
    ("## Extending\n\n```Dockerfile\nFROM crossbuild/linux-armv7\n\nENV X=1\nRUN apt-get install -y nano\n```\n", True),
    # ... with an update: they bring their own lists.
    ("```Dockerfile\nFROM crossbuild/linux-armv7\nRUN apt-get update && apt-get install -y nano\n```\n", False),
    # ... on an image of another project: nothing to say about this one's.
    ("```Dockerfile\nFROM someone/else\nRUN apt-get install -y nano\n```\n", False),
])
def test_the_usage_docs_extending_the_images_with_apt_keep_their_lists(tmp_path, readme, kept):
    root = tmp_path / "crossbuild"
    (root / "linux-x64").mkdir(parents=True)
    (root / "linux-x64" / "Dockerfile").write_text("FROM debian:12\nRUN apt-get update && apt-get install -y gcc\n")
    (root / "README.md").write_text(readme)
    config = Config()
    report = process(root, config, config.active_rules(select={"DL3009"}), fix=True, write=False)
    finding = report.results[0].hardened.before[0]
    assert (not finding.fixable and "README.md:" in finding.message) is kept, finding.message
