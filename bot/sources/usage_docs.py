"""What a repository's own usage docs say about running its images: the container paths its
`docker run` examples mount folders or volumes at (`-v $(pwd):/shiori`), and the images its
Dockerfile samples build FROM (`FROM acme/base:1.3`). A maintainer's usage
instruction is evidence of where the image keeps data, as a compose file's `volumes:` is.
Only the root README and the Markdown files in `docs/` (three folders deep at most) are read,
each bounded. And
whether a README quotes a Dockerfile beside it line for line (an example's "it has the
following contents"): an edit there would make the two disagree."""
from __future__ import annotations

import re
from collections.abc import Iterable

from bot.dockerfile.apt_lists import installs_on_inherited_lists
from bot.lazy_regex import lazy_compile
from bot.record import record

# `docker run` (or `podman run`) and the rest of its command, backslash continuations joined.
_RUN = lazy_compile(r"\b(?:docker|podman)\s+(?:container\s+)?run\b((?:[^\n]*\\\n)*[^\n]*)")
# `-v SOURCE:/target[:mode]`, `--volume=SOURCE:/target`; the source may be quoted or hold
# `$(pwd)`. The source is read in one atomic pass: a long word with no colon is given up once,
# not retried at every split (that was quadratic: 20,000 characters took 0.6 s).
_VOLUME = lazy_compile(r"(?:^|\s)(?:-v|--volume)(?:\s+|=)[\"']?(?>(?:\$\([^)]*\)|[^\s:\"'])+):(/[^\s:\"']*)")
# `--mount type=bind,source=…,target=/path` (dst= and destination= too).
_MOUNT = lazy_compile(r"(?:^|\s)--mount(?:\s+|=)[\"']?(\S*)")
_MOUNT_TARGET = lazy_compile(r"(?:^|,)(?:target|dst|destination)=(/[^,\s\"']*)")
MAX_DOC_CHARS = 500_000


@record
class UsageDocs:
    """What a repository's usage docs say, read once for every rule that asks."""

    mounts: tuple[tuple[str, str], ...] = ()  # (doc, container path) its `docker run` examples mount
    bases: tuple[tuple[str, str], ...] = ()  # (doc:line, image) its Dockerfile samples build FROM
    # (doc:line, image) a Dockerfile sample builds FROM and installs with apt on, with no update of its own
    list_reliant: tuple[tuple[str, str], ...] = ()


NO_USAGE_DOCS = UsageDocs()  # a run over texts alone (`process_texts`) reads none


def documented_mounts(text: str) -> tuple[str, ...]:
    """Container paths `docker run` examples in this Markdown text mount at, in order, once each."""
    found: list[str] = []
    for run in _RUN.finditer(text[:MAX_DOC_CHARS]):
        command = run.group(1).replace("\\\n", " ")
        found += [m.group(1) for m in _VOLUME.finditer(command)]
        found += [t.group(1) for m in _MOUNT.finditer(command) for t in _MOUNT_TARGET.finditer(m.group(1))]
    return tuple(dict.fromkeys(path.rstrip("/") or "/" for path in found))


# The current folder as a mount's source: `$(pwd)`, `${PWD}`, `$PWD`, `.`, `%cd%`, quoted or not.
_CURRENT_FOLDER = lazy_compile(r"(?:^|\s)(?:-v|--volume)(?:\s+|=)[\"']?(?:\$\(pwd\)|\$\{PWD\}|\$PWD|\.|%cd%)[\"']?"
                               r":(/[^\s:\"']*)", re.I)


# A folder inside the current one as a mount's source: `$PWD/public`, `$(pwd)/out`, `./docs`.
_CURRENT_SUBFOLDER = lazy_compile(r"(?:^|\s)(?:-v|--volume)(?:\s+|=)[\"']?(?:\$\(pwd\)|\$\{PWD\}|\$PWD|\.)/[^\s:\"']+"
                                  r"[\"']?:(/[^\s:\"']*)", re.I)
# A run that stays: it publishes a port or runs detached (a service, whatever it mounts).
_STAYS = lazy_compile(r"(?:^|\s)(?:-p\S*|--publish|--detach)(?:[\s=]|$)|(?:^|\s)-[a-z]*d[a-z]*(?:\s|$)")


def current_folder_mounts(text: str) -> tuple[str, ...]:
    """Container paths `docker run` examples in this Markdown text mount the current folder at
    (`docker run -v "$(pwd)":/var/output certs`): the image is run over the user's own files.
    A folder inside the current one counts where the run is a one-off (`--rm`, no port
    published, not detached: `docker run -v $PWD/public:/src/public --rm docs-gen`) and no run
    mounts the current folder itself: a data folder of a service does not."""
    found: list[str] = []
    inside: list[str] = []
    for run in _RUN.finditer(text[:MAX_DOC_CHARS]):
        command = run.group(1).replace("\\\n", " ")
        found += [m.group(1) for m in _CURRENT_FOLDER.finditer(command)]
        if "--rm" in command.split() and not _STAYS.search(command):
            inside += [m.group(1) for m in _CURRENT_SUBFOLDER.finditer(command)]
    return tuple(dict.fromkeys(path.rstrip("/") or "/" for path in (found or inside)))


# `docker build -t dociql .`: the tag a README builds from its own folder.
_BUILD_HERE = lazy_compile(r"\b(?:docker|podman)\s+(?:image\s+|buildx\s+)?build\b[^\n]*?\s(?:-t|--tag)[\s=]+([\w./:-]+)"
                           r"[^\n]*\s\.(?:\s|$)")


# A README title that says its folder is a development environment ("Docker Development
# Environment", "Local dev environment"), not a page about developing the project in general.
_DEVELOPMENT_TITLE = lazy_compile(r"(?i)\b(?:development|dev) environment\b")
_HEADING = lazy_compile(r"(?m)^[ \t]{0,3}#{1,6}[ \t]+(.+?)[ \t#]*$")


def development_title(text: str) -> str | None:
    """The README's first heading when it says the folder is a development environment; None:
    it has none, or its first says something else."""
    heading = _HEADING.search(text[:4096])
    if heading is None or not _DEVELOPMENT_TITLE.search(heading.group(1)):
        return None
    return heading.group(1).strip()


def built_here_and_run(text: str) -> bool:
    """Whether the Markdown text builds an image from its own folder (`docker build -t dociql .`)
    and a `docker run` example runs that tag: the image is made by hand where it is used."""
    text = text[:MAX_DOC_CHARS]
    tags = {m.group(1).split(":", 1)[0] for m in _BUILD_HERE.finditer(text)}
    return bool(tags) and any(re.search(rf"(?:^|\s){re.escape(tag)}(?::\S+)?(?:\s|$)", run.group(1))
                              for run in _RUN.finditer(text) for tag in tags)


# A Dockerfile line in a code sample: `FROM acme/base:1.3` (upper case, as Dockerfiles are written;
# a sentence starting "from" is prose).
_FROM_SAMPLE = lazy_compile(r"^[ \t>]*FROM[ \t]+(?:--platform=\S+[ \t]+)?([\w./:@${}-]+)", re.MULTILINE)


def documented_bases(text: str) -> tuple[tuple[int, str], ...]:
    """(line, image) for each image a Dockerfile sample in this Markdown text builds FROM
    (`FROM osixia/light-baseimage:1.3.1`): the maintainer's instruction to build on it."""
    text = text[:MAX_DOC_CHARS]
    return tuple((text.count("\n", 0, m.start()) + 1, m.group(1)) for m in _FROM_SAMPLE.finditer(text))


def documented_list_reliance(text: str) -> tuple[tuple[int, str], ...]:
    """(line, image) for each Dockerfile sample in this Markdown text that builds FROM an image of
    a project's own and installs with apt on it with no apt-get update (`FROM dockcross/linux-armv7`
    then `RUN apt-get install -y nano`): the maintainers tell users the image keeps its lists."""
    text = text[:MAX_DOC_CHARS]
    found = []
    for match in _FROM_SAMPLE.finditer(text):
        fence = text.find("```", match.end())
        sample = text[match.start():fence if fence != -1 else len(text)]
        following = _FROM_SAMPLE.search(sample, 1)
        relying = installs_on_inherited_lists(sample[:following.start()] if following else sample)
        if relying is not None:
            found.append((text.count("\n", 0, match.start()) + 1, relying[0]))
    return tuple(found)


def usage_doc_paths(names: Iterable[str]) -> list[str]:
    """The repository-relative paths, among `names`, that are usage docs: README* at the root,
    `docs/*.md` and `docs/<folder>/…/*.md` three folders deep at most (`docs/getting-started/installation.md`)."""
    return sorted(n for n in names if re.fullmatch(r"README[^/]*|docs/(?:[^/]+/){0,3}[^/]+\.md", n, re.I))


# The README beside a Dockerfile that may show it.
README_NAMES = ("README.md", "readme.md", "Readme.md", "README")


def quotes_every_line(document: str, dockerfile: str) -> bool:
    """Every instruction line of the Dockerfile (two or more; comments and blank lines left
    out) stands, as written, on a line of the document."""
    wanted = [line.strip() for line in dockerfile.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    if len(wanted) < 2:
        return False
    shown = {line.strip() for line in document[:MAX_DOC_CHARS].splitlines()}
    return all(line in shown for line in wanted)
