"""What we know about well-known base images without pulling them.

Rules ask: which tools create users here (Debian `useradd` or Alpine `adduser`)? Is bash
there? Does the image already run as non-root, or start as root on purpose (its entrypoint
drops privileges)? Is there a slim variant? Anything not listed is "unknown", and rules that
would need the answer report instead of editing.
"""
from __future__ import annotations

import re
from functools import lru_cache

from bot.errors import InvalidReferenceError
from bot.lazy_regex import lazy_compile
from bot.model.images import DOCKER_HUB, ImageRef, parse_reference
from bot.record import record

DEBIAN_BASED = frozenset(
    "debian ubuntu python pypy node golang ruby rust php perl openjdk eclipse-temurin "
    "buildpack-deps gcc maven elixir erlang haskell julia r-base clojure groovy".split()
)
# Official images whose entrypoint starts as root and drops privileges itself, or that
# bind a port below 1024 by default: adding USER would break them.
STARTS_AS_ROOT = frozenset(
    "postgres redis mysql mariadb mongo rabbitmq elasticsearch cassandra nginx httpd "
    "haproxy traefik zookeeper kafka".split()
)
# Official images whose Apache variant (php:8.3-apache; the plain tags of the CMS images, which
# are Apache unless the tag says fpm) starts Apache as root to bind port 80, then drops to
# www-data itself. The CMS images' FPM variants start as root too: their entrypoints set up the
# web root, and the site's files there are www-data's, which another user could not write.
APACHE_BY_DEFAULT = frozenset("wordpress drupal joomla mediawiki nextcloud matomo".split())


def _starts_as_root_for_the_web(name: str, tag: str) -> bool:
    return "apache" in tag or (name in APACHE_BY_DEFAULT and "cli" not in tag)


# What the official images built on Debian's buildpack-deps install (its curl, scm and full
# layers), and golang on top of the scm layer: an install of only these there brings nothing new.
BUILDPACK_CURL = frozenset("ca-certificates curl gnupg netbase sq wget".split())
BUILDPACK_SCM = BUILDPACK_CURL | frozenset("git mercurial openssh-client subversion procps".split())
BUILDPACK_FULL = BUILDPACK_SCM | frozenset(
    "autoconf automake bzip2 default-libmysqlclient-dev dpkg-dev file g++ gcc imagemagick libbz2-dev libc6-dev "
    "libcurl4-openssl-dev libdb-dev libevent-dev libffi-dev libgdbm-dev libglib2.0-dev libgmp-dev libjpeg-dev "
    "libkrb5-dev liblzma-dev libmagickcore-dev libmagickwand-dev libmaxminddb-dev libncurses5-dev libncursesw5-dev "
    "libpng-dev libpq-dev libreadline-dev libsqlite3-dev libssl-dev libtool libwebp-dev libxml2-dev libxslt-dev "
    "libyaml-dev make patch unzip xz-utils zlib1g-dev".split())
ON_BUILDPACK_FULL = frozenset("python node ruby rust".split())
GOLANG_PACKAGES = BUILDPACK_SCM | frozenset("g++ gcc libc6-dev make pkg-config".split())
# Tags of those images that are built on something else (a slim Debian, Alpine, Windows).
_NOT_BUILDPACK_TAG = lazy_compile(r"slim|alpine|windows|nanoserver|servercore")

# Images that run a server of their own: content copied into one makes a service.
SERVERS = STARTS_AS_ROOT | frozenset("caddy tomcat openresty jetty lighttpd nginx-unprivileged".split())
NONROOT_BY_DEFAULT = ("bitnami/", "jupyter/", "quay.io/jupyter/", "nginxinc/nginx-unprivileged",
                      "cgr.dev/chainguard/")
CA_CERTIFICATES_ALWAYS = frozenset({"python", "golang", "buildpack-deps", "eclipse-temurin"})
CA_CERTIFICATES_FULL = frozenset({"node", "ruby"})
_SLIM_SHAPES = {
    # image: (pattern of a full tag, how to write its slim twin)
    "python": (re.compile(r"(\d+(?:\.\d+)*)(-(bookworm|bullseye|trixie))?"), r"\1-slim\2"),
    "node": (lazy_compile(r"(\d+(?:\.\d+)*|lts)(-(bookworm|bullseye|trixie))?"), r"\1\2-slim"),
    "debian": (lazy_compile(r"(bookworm|bullseye|trixie|\d+)(-\d{8})?"), r"\1\2-slim"),
    "ruby": (lazy_compile(r"(\d+(?:\.\d+)*)(-(bookworm|bullseye))?"), r"\1-slim\2"),
    "rust": (lazy_compile(r"(\d+(?:\.\d+)*)(-(bookworm|bullseye))?"), r"\1-slim\2"),
}


@record
class BaseUser:
    """A non-root user the base image already has: reuse it rather than create another."""

    name: str
    user: str  # what USER says: numeric, or the variable the image sets (.NET's $APP_UID)


@record
class BaseInfo:
    """What a stage's base image is known to be: its family, OS and the user it runs as."""
    family: str  # debian | alpine | node | dotnet | distroless | scratch | unknown
    os: str  # debian | alpine | none | unknown
    image: ImageRef | None
    nonroot_by_default: bool = False
    starts_as_root: bool = False
    user: BaseUser | None = None

    @property
    def runs_a_server(self) -> bool:
        """The image's own command serves what is copied into it: a web or database server,
        and PHP's Apache and FPM variants (the CMS images are one or the other)."""
        if self.image is None:
            return False
        name, tag = self.image.short_name, self.image.tag or ""
        return name in SERVERS or name in APACHE_BY_DEFAULT or (name == "php" and ("apache" in tag or "fpm" in tag))

    @property
    def preinstalled(self) -> frozenset[str]:
        """The Debian packages the image's own Dockerfile installs, where that is known: the
        full python, node, ruby, rust and golang images and buildpack-deps."""
        image = self.image
        if image is None or not _official_or_mirror(image):
            return frozenset()
        name, tag = image.short_name, image.tag or "latest"
        if _NOT_BUILDPACK_TAG.search(tag):
            return frozenset()
        if name == "buildpack-deps":
            return BUILDPACK_CURL if tag.endswith("curl") else BUILDPACK_SCM if tag.endswith("scm") else BUILDPACK_FULL
        if name == "golang":
            return GOLANG_PACKAGES
        return BUILDPACK_FULL if name in ON_BUILDPACK_FULL else frozenset()

    @property
    def has_bash(self) -> bool:
        return self.os == "debian"

    @property
    def ships_ca_certificates(self) -> bool:
        """Whether the image's own Dockerfile installs the CA certificates (and keeps them):
        python and golang in every variant, buildpack-deps and Eclipse Temurin, the full
        node and ruby images (built on buildpack-deps; their slim variants purge them). The
        official images, or their mirrors in another registry; not a Docker Hub user's."""
        if self.image is None or not _official_or_mirror(self.image):
            return False
        name, tag = self.image.short_name, self.image.tag or ""
        if name in CA_CERTIFICATES_ALWAYS:
            return True
        return name in CA_CERTIFICATES_FULL and "slim" not in tag and "alpine" not in tag

    @property
    def is_python(self) -> bool:
        if self.image is None:
            return False
        name, tag = self.image.short_name, self.image.tag or ""
        return "python" in name or name == "pypy" or tag.startswith("python")

    @property
    def slim_variant(self) -> str | None:
        """The slim tag of this image when one exists and this is the full one."""
        image = self.image
        if image is None or not _official_or_mirror(image):
            return None
        shape = _SLIM_SHAPES.get(image.short_name)
        tag = image.tag or "latest"
        if shape is None:
            return None
        if tag == "latest":
            return f"{image.familiar}:slim" if image.short_name in ("python", "node") else None
        pattern, template = shape
        match = pattern.fullmatch(tag)
        return f"{image.familiar}:{match.expand(template)}" if match else None


# Public registries where anyone publishes: an image there is a vendor's or a user's own
# (`public.ecr.aws/lambda/python`, `mcr.microsoft.com/devcontainers/python`, `ghcr.io/o/node`),
# not Docker Hub's of the same name, unless its path says it mirrors one
# (`public.ecr.aws/docker/library/python`, `mcr.microsoft.com/mirror/docker/library/node`).
PUBLIC_REGISTRIES = frozenset({"public.ecr.aws", "mcr.microsoft.com", "ghcr.io", "quay.io", "gcr.io",
                               "registry.gitlab.com", "registry.k8s.io", "cgr.dev"})


def _official_or_mirror(image: ImageRef) -> bool:
    """An official Docker Hub image, or the same image elsewhere: under `library/` on a public
    registry, anywhere on a private one (which mostly mirrors Docker Hub)."""
    if image.registry == DOCKER_HUB:
        return image.repository.startswith("library/")
    if image.registry in PUBLIC_REGISTRIES or image.registry.endswith((".gcr.io", ".pkg.dev")):
        return "library/" in image.repository
    return True


NODE_USER = BaseUser("node", "1000:1000")
UBUNTU_USER = BaseUser("ubuntu", "1000:1000")  # Ubuntu 24.04 (noble) and later ship it


def _ubuntu_noble(name: str, tag: str) -> bool:
    """Ubuntu 24.04+, and the images built on it by default (Eclipse Temurin 21 and later)."""
    if name == "ubuntu":
        return tag in ("24.04", "noble", "latest", "rolling", "") or tag.startswith(("24.", "25.", "26."))
    if name == "eclipse-temurin":
        major = re.match(r"(\d+)", tag)
        return bool(major) and int(major.group(1)) >= 21 and not any(o in tag for o in ("jammy", "focal", "ubi"))
    return False


@lru_cache(maxsize=1024)
def describe_base(image_text: str | None) -> BaseInfo:
    if image_text is None:
        return BaseInfo("unknown", "unknown", None)
    if image_text == "scratch":
        return BaseInfo("scratch", "none", None)
    try:
        image = parse_reference(image_text)
    except InvalidReferenceError:
        return BaseInfo("unknown", "unknown", None)
    familiar, name, tag = image.familiar, image.short_name, (image.tag or "").lower()
    nonroot = any(familiar.startswith(p) for p in NONROOT_BY_DEFAULT)
    if familiar.startswith(("gcr.io/distroless/", "cgr.dev/chainguard/")):
        return BaseInfo("distroless", "none", image, nonroot or "nonroot" in tag)
    if nonroot:
        return BaseInfo("unknown", "unknown", image, nonroot_by_default=True)
    if familiar.startswith("mcr.microsoft.com/dotnet/"):
        if "nanoserver" in tag or "chiseled" in tag or "distroless" in tag:
            # Chiseled and distroless .NET images run as `app`; nanoserver as ContainerUser.
            return BaseInfo("dotnet", "none", image, nonroot_by_default=True)
        if "windowsservercore" in tag:
            return BaseInfo("unknown", "unknown", image)
        # .NET 8+ images have an `app` user and say its UID in $APP_UID.
        major = re.match(r"(\d+)", tag)
        user = BaseUser("app", "$APP_UID") if major and int(major.group(1)) >= 8 else None
        return BaseInfo("dotnet", "alpine" if "alpine" in tag else "debian", image, user=user)
    if familiar.startswith("public.ecr.aws/lambda/"):
        return BaseInfo("unknown", "unknown", image, nonroot_by_default=True)  # Lambda runs its own user
    if image.repository.startswith("library/") and (name in STARTS_AS_ROOT or _starts_as_root_for_the_web(name, tag)):
        os_name = "alpine" if "alpine" in tag else "debian"
        return BaseInfo("unknown", os_name, image, starts_as_root=True)
    if name == "alpine" or "alpine" in tag:
        if name == "node":
            return BaseInfo("node", "alpine", image, user=NODE_USER)
        return BaseInfo("alpine", "alpine", image)
    if "windowsservercore" in tag or "nanoserver" in tag:
        return BaseInfo("unknown", "unknown", image)
    if name in DEBIAN_BASED and (image.repository.startswith("library/") or image.registry != DOCKER_HUB):
        if name == "node":
            return BaseInfo("node", "debian", image, user=NODE_USER)
        return BaseInfo("debian", "debian", image, user=UBUNTU_USER if _ubuntu_noble(name, tag) else None)
    return BaseInfo("unknown", "unknown", image)
