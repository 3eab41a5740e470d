"""Dockerfiles that install with apt on package lists another image left: `apt-get install`
and never `apt-get update`, built FROM an image of the project's own (not one of Docker Hub's
official images, which ship no lists). Such a file relies on the lists the image it is built on
keeps, so a cleanup of the lists in that image, a Dockerfile of the same repository, would
break it ("Unable to locate package"). Read from the text alone, never parsed or run."""
from __future__ import annotations

from bot.dockerfile.stage_images import first_base
from bot.dockerfile.stage_purpose import name_words
from bot.lazy_regex import lazy_compile

# `apt-get install`, `apt -y install`, `apt-get -q update` in a text (a Dockerfile's, a script's).
APT_INSTALL = lazy_compile(r"\bapt(?:-get)?(?:[ \t]+-[-\w=]+)*[ \t]+install\b")
APT_UPDATE = lazy_compile(r"\bapt(?:-get)?(?:[ \t]+-[-\w=]+)*[ \t]+update\b")


def installs_on_inherited_lists(text: str) -> tuple[str, int] | None:
    """(the image the file is first built FROM, the line of its first install) when the file
    installs with apt but never updates its lists, on an image named with a registry or
    namespace of its own (`us-docker.pkg.dev/team/docker-base`, `myorg/app-base`); else None."""
    install = APT_INSTALL.search(text)
    if install is None or APT_UPDATE.search(text):
        return None
    base = first_base(text)
    if base is None or "$" in base or "/" not in base or base.startswith("library/"):
        return None
    return base, text.count("\n", 0, install.start()) + 1


def may_be_built_from(image: str, dockerfile: str) -> bool:
    """Whether `image` is named like the image the Dockerfile at `dockerfile` builds: every word
    of its folder's name and of its file name's suffix (`docker/Dockerfile-base`: docker, base)
    is a word of the image's name (`…/docker-base`)."""
    folder, _, name = dockerfile.rpartition("/")
    suffix = name.removeprefix("Dockerfile").removeprefix("Containerfile")
    own = (name_words(folder.rsplit("/", 1)[-1].lower()) | name_words(suffix.lower())) - {""}
    named = name_words(image.split("@", 1)[0].rsplit("/", 1)[-1].rsplit(":", 1)[0].lower()) - {""}
    return bool(own) and own <= named
