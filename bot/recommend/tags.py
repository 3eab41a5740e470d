"""What a tag of a well-known image says: runtime version, distribution release, variant.

`python:3.11.9-slim-bookworm` is Python 3.11.9, the slim variant, on Debian 12 (bookworm).
The official images write these words in a few orders (python's `3.11-slim-bookworm`,
node's `20-bookworm-slim`), so a tag is read word by word, and every word must be one the
image is known to use: one word hardenbot does not know makes the shape unknown (None), and
an unknown shape gets no candidates, never a guess. A tag naming no release (`3.11-slim`)
follows the image's default release, whichever that is when it is built.
"""
from __future__ import annotations

import re
from functools import lru_cache

from bot.model.images import DOCKER_HUB, ImageRef
from bot.record import record

DEBIAN = {"jessie": 8, "stretch": 9, "buster": 10, "bullseye": 11, "bookworm": 12, "trixie": 13, "forky": 14}
UBUNTU = {"trusty": (14, 4), "xenial": (16, 4), "bionic": (18, 4), "focal": (20, 4), "jammy": (22, 4),
          "kinetic": (22, 10), "lunar": (23, 4), "mantic": (23, 10), "noble": (24, 4), "oracular": (24, 10),
          "plucky": (25, 4)}
# Windows Server releases as the images name them; 1809 is the build of Server 2019.
WINDOWS = {"ltsc2016": 2016, "1809": 2019, "ltsc2019": 2019, "ltsc2022": 2022, "ltsc2025": 2025}
WINDOWS_FLAVOURS = frozenset({"windowsservercore", "nanoserver"})
LIBC = {"debian": "glibc", "ubuntu": "glibc", "ubi": "glibc", "ubi-minimal": "glibc", "oraclelinux": "glibc",
        "alpine": "musl", "windows": "windows", "unknown": "unknown"}

_VERSION = re.compile(r"(\d{1,9}(?:\.\d{1,9}){0,3})(?:_(\d{1,9}))?")
_PRERELEASE_VERSION = re.compile(r"\d{1,9}(?:\.\d{1,9}){0,3}(?:a|b|rc|alpha|beta)\d*")
_PRERELEASE_WORD = re.compile(r"(?:rc|alpha|beta|ea|preview|devel|nightly|snapshot|canary|experimental"
                              r"|testing|unstable|sid)\d*")
_ALPINE = re.compile(r"alpine(\d{1,4})\.(\d{1,4})")
_UBI = re.compile(r"ubi(\d{1,4})(-minimal)?")
_ORACLE = re.compile(r"oraclelinux(\d{1,4})")
_DATE = re.compile(r"20\d{6}")


@record
class Distro:
    """A distribution release a tag names."""

    family: str  # debian | ubuntu | alpine | ubi | ubi-minimal | oraclelinux | windows
    name: str  # as the tags write it: bookworm, jammy, alpine3.19, ubi9-minimal, ltsc2022; the family alone: alpine
    order: tuple[int, ...]  # releases of one family compare by it: (12,), (22, 4), (3, 19); () : unnamed

    @property
    def named(self) -> bool:
        """Whether the tag names the release (`alpine3.19`), not only the family (`alpine`)."""
        return bool(self.order)


@record
class Grammar:
    """The words one image's tags are made of."""

    line_depth: int | None  # version components that make the runtime line; None: as the tag writes it
    family: str  # the distribution of a tag that names none
    families: frozenset[str]  # distributions its tags may name
    flavours: frozenset[str] = frozenset()  # variant words kept as they are: fpm, jdk, windowsservercore
    lines: frozenset[str] = frozenset()  # named lines that stand for a version: lts, iron, stable
    release_is_version: bool = False  # debian and ubuntu: `12` is bookworm, `22.04` is jammy
    builds: bool = False  # Temurin's `21.0.2_13`: a build number after the version


_RUNTIME = frozenset({"debian", "alpine"})
_NODE_LINES = frozenset({"lts", "current", "argon", "boron", "carbon", "dubnium", "erbium", "fermium", "gallium",
                         "hydrogen", "iron", "jod", "krypton"})
GRAMMARS = {
    "python": Grammar(2, "debian", _RUNTIME, WINDOWS_FLAVOURS | {"onbuild"}),
    "node": Grammar(1, "debian", _RUNTIME, frozenset({"onbuild"}), _NODE_LINES),
    "ruby": Grammar(2, "debian", _RUNTIME, WINDOWS_FLAVOURS),
    "golang": Grammar(2, "debian", _RUNTIME, WINDOWS_FLAVOURS),
    "rust": Grammar(2, "debian", _RUNTIME),
    "php": Grammar(2, "debian", _RUNTIME, WINDOWS_FLAVOURS | {"cli", "fpm", "apache", "zts"}),
    "openjdk": Grammar(1, "debian", _RUNTIME | {"oraclelinux"}, WINDOWS_FLAVOURS | {"jdk", "jre"}),
    "eclipse-temurin": Grammar(1, "ubuntu", frozenset({"ubuntu", "alpine", "ubi", "ubi-minimal"}),
                               WINDOWS_FLAVOURS | {"jdk", "jre"}, builds=True),
    "debian": Grammar(1, "debian", frozenset({"debian"}), frozenset({"backports"}),
                      frozenset({"stable", "oldstable", "oldoldstable"}), release_is_version=True),
    "ubuntu": Grammar(2, "ubuntu", frozenset({"ubuntu"}), lines=frozenset({"rolling"}), release_is_version=True),
}
# Any other image: a version, `slim`, a release and a date, nothing else; the line is the
# version as written (`7.2` → 7.2.x), since its numbering is not known.
GENERIC = Grammar(None, "unknown", frozenset({"debian", "ubuntu", "alpine"}))


@record
class TagShape:
    """One tag, read."""

    tag: str
    family: str = "unknown"  # the distribution it is built on: the named one, else the image's default
    version: tuple[int, ...] = ()  # (3, 11), (3, 11, 9), (21, 0, 2, 13); () when it names none
    line: str = ""  # a named line instead of a version (lts, stable); "latest" when it names neither
    distro: Distro | None = None  # None: the image's default release, whichever that is now
    slim: bool = False
    flavour: tuple[str, ...] = ()  # other variant words, in the tag's order
    date: str = ""  # a dated snapshot: bookworm-20240101
    prerelease: bool = False  # rc, beta, ea, testing …: never a candidate

    @property
    def minimal(self) -> bool:
        """A slim variant, or Alpine (which has no full one)."""
        return self.slim or self.family == "alpine"

    @property
    def named_release(self) -> bool:
        return self.distro is not None and self.distro.named


def grammar_name(ref: ImageRef) -> str:
    """Which image's tag grammar `ref` follows: an official image (`…library/<name>` on any
    registry, as mirrors copy it, or a one-component name on a mirror), else "" (generic)."""
    path = ref.repository.split("/")
    official = path[-2:-1] == ["library"] or (len(path) == 1 and ref.registry != DOCKER_HUB)
    return path[-1] if official and path[-1] in GRAMMARS else ""


@lru_cache(maxsize=16384)
def parse_tag(grammar: str, tag: str) -> TagShape | None:
    """The shape of `tag` in the grammar of the image `grammar` names ("" : generic); None
    when a word of it is not one the image uses."""
    rules = GRAMMARS.get(grammar, GENERIC)
    words = _words(tag)
    if any(_PRERELEASE_WORD.fullmatch(word) for word in words) or _PRERELEASE_VERSION.fullmatch(words[0]):
        return TagShape(tag, prerelease=True)
    version: tuple[int, ...] = ()
    line, date, slim = "", "", False
    distro: Distro | None = None
    flavour: list[str] = []
    for index, word in enumerate(words):
        if index == 0 and (found := _version(word, rules)) is not None:
            version = found
        elif index == 0 and word in rules.lines:
            line = word
        elif word == "slim" and not slim:
            slim = True
        elif distro is None and (named := _distro(word, rules, windows=bool(WINDOWS_FLAVOURS & set(flavour)))):
            distro = named
        elif not date and _DATE.fullmatch(word):
            date = word
        elif word in rules.flavours and word not in flavour:
            flavour.append(word)
        elif not (word == "latest" and len(words) == 1):
            return None
    if rules.release_is_version and not line:
        if version and distro:
            return None  # both spellings at once: not a tag these images publish
        distro = distro or _release_of(version, rules)
        version = version or (distro.order if distro else ())
    family = distro.family if distro else ("windows" if WINDOWS_FLAVOURS & set(flavour) else rules.family)
    return TagShape(tag, family, version, line or ("" if version else "latest"), distro, slim, tuple(flavour), date)


def _words(tag: str) -> list[str]:
    """The tag's words, with UBI's `ubi9-minimal` kept whole."""
    words: list[str] = []
    for word in tag.split("-"):
        if word == "minimal" and words and _UBI.fullmatch(words[-1]):
            words[-1] += "-" + word
        else:
            words.append(word)
    return words


def _version(word: str, rules: Grammar) -> tuple[int, ...] | None:
    match = _VERSION.fullmatch(word)
    if match is None or (match.group(2) and not rules.builds):
        return None
    numbers = tuple(int(part) for part in match.group(1).split("."))
    return numbers + (int(match.group(2)),) if match.group(2) else numbers


def _distro(word: str, rules: Grammar, windows: bool) -> Distro | None:
    families = rules.families
    if windows:
        return Distro("windows", word, (WINDOWS[word],)) if word in WINDOWS else None
    if "debian" in families and word in DEBIAN:
        return Distro("debian", word, (DEBIAN[word],))
    if "ubuntu" in families and word in UBUNTU:
        return Distro("ubuntu", word, UBUNTU[word])
    if "alpine" in families and (word == "alpine" or _ALPINE.fullmatch(word)):
        match = _ALPINE.fullmatch(word)
        return Distro("alpine", word, (int(match.group(1)), int(match.group(2))) if match else ())
    if "ubi" in families and (match := _UBI.fullmatch(word)):
        return Distro("ubi-minimal" if match.group(2) else "ubi", word, (int(match.group(1)),))
    if "oraclelinux" in families and (word == "oracle" or _ORACLE.fullmatch(word)):
        match = _ORACLE.fullmatch(word)
        return Distro("oraclelinux", word, (int(match.group(1)),) if match else ())
    return None


def _release_of(version: tuple[int, ...], rules: Grammar) -> Distro | None:
    """The release a debian or ubuntu version number names: `12.5` is bookworm."""
    if not version:
        return None
    if rules.family == "debian":
        name = next((name for name, number in DEBIAN.items() if number == version[0]), str(version[0]))
        return Distro("debian", name, version[:1])
    release = version[:2]
    name = next((name for name, number in UBUNTU.items() if number == release), ".".join(map(str, release)))
    return Distro("ubuntu", name, release)
