"""Which pull request each changed file goes to: changed paths, the grouping configured and
the code owners → ordered groups, each a future pull request on `hardenbot/harden/<key>`.

A file goes to the first named group (`groups:`) one of whose globs matches it; else by
`group-by`: the whole repository (one group, today's single pull request), its service
folder, or the set of its code owners (a file no CODEOWNERS line gives an owner goes to the
group of files without code owners).

A compose file or workflow goes with the service its edits concern, when that can be known
(`builds` says which Dockerfiles, see bot/sources/concerns.py): with the group of those
Dockerfiles when they all fall in one group and the file asks no other approval: it has no
code owners, or exactly the owners those Dockerfiles have. Then the image and the file that
runs it are reviewed and merged together by the one team that owns both. Else it goes where
its own path puts it (its folder, its own owners), because a pull request touching another
team's file needs that team's approval too (GitHub asks an owner of every file it changes),
and could not be merged by its team alone: the reviewers of a group are never a union made
to fit a file in. A file is always in exactly one group, all its edits together; a group's
branch is the base with that group's files hardened, so each pull request applies alone.

Keys are one git ref component: lowercase `[a-z0-9._-]`, no `..`, never ending in `.lock`,
at most 48 characters. A key is spelled from what names its group (`services/api` →
`services-api`, `@acme/payments` → `acme-payments`); an 8-digit hash of that name is added when
the spelling is cut, or when two groups of the tree would be spelled alike (the tree's other
files are passed as `known`, so a key does not change with which files changed).

`max-files-per-pr` splits a larger group into parts in path order: a part ends at a file whose
path hashes to 0 modulo the limit, or when it holds the limit. The cut points belong to the
paths themselves, so a file added to or removed from a group changes only its own part, and
the parts up to the next such cut when its part was full. A part's key adds a 6-digit hash
of its first file, never its number, so a merged part renumbers the others' titles only. A
compose file or workflow in the group of the Dockerfiles it concerns stands where the first of
them stands (just after it, or in its place when that Dockerfile has nothing to change), so it
falls in that Dockerfile's part and neither moves the cut points nor renames a part.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping

from bot.codeowners import CodeOwners, name_glob_matches
from bot.model.groups import Group, GroupBy, GroupSettings
from bot.record import record
from bot.sources.globs import glob_regex

MAX_KEY = 48
_HASHED = MAX_KEY - 9  # room for `-` and 8 hex digits
_NOT_REF = re.compile(r"[^a-z0-9._-]+")
_NO_OWNERS = CodeOwners()


@record(order=True)
class _Identity:
    """What names a group: its kind orders named groups first and the catch-alls last."""
    rank: int  # 0 named (then `order`), 1 folder or owners, 2 files without owners or other files
    order: int
    name: str  # the folder, the owners, the configured name
    spelling: str  # what the key is spelled from


def plan_groups(changed: Iterable[str], settings: GroupSettings, owners: CodeOwners = _NO_OWNERS, *,
                builds: Mapping[str, Iterable[str]] | None = None, known: Iterable[str] = ()) -> tuple[Group, ...]:
    """The groups of the changed files, in order: named groups as configured, then by title,
    then the catch-all. `builds` maps a compose file or workflow to the Dockerfiles it builds
    or names; `known` are the tree's other files (for keys that stay put)."""
    builds = builds or {}
    paths = sorted(set(changed))
    if settings.group_by is GroupBy.REPOSITORY and not settings.named:
        return (Group("", "", tuple(paths), _owners_of(paths, owners)),) if paths else ()
    place = _placer(settings, owners)
    members: dict[_Identity, list[str]] = {}
    anchors: dict[str, str] = {}  # a file in its Dockerfiles' group → the Dockerfile it stands by
    for path in paths:
        built = sorted(set(builds.get(path, ())))
        identity = _place_with_builds(path, place, owners, built)
        if built and identity == place(built[0]):
            anchors[path] = built[0]
        members.setdefault(identity, []).append(path)
    keys = _keys({*members, *(place(path) for path in known)})
    groups = []
    for identity in sorted(members):
        chunks = _split(members[identity], settings.max_files, anchors)
        named_by = _part_names(members[identity], anchors)
        for number, chunk in enumerate(chunks, start=1):
            key, title = keys[identity], identity.name
            if len(chunks) > 1:
                key, title = f"{key}-{_digest(named_by[chunk[0]])[:6]}", f"{title} (part {number} of {len(chunks)})"
            files = tuple(sorted(chunk))
            groups.append(Group(key, title, files, _owners_of(files, owners),
                                number if len(chunks) > 1 else 0, len(chunks) if len(chunks) > 1 else 0))
    return tuple(groups)


def _placer(settings: GroupSettings, owners: CodeOwners):
    named = [(index, name, [glob_regex(g) for g in globs]) for index, (name, globs) in enumerate(settings.named)]

    def place(path: str) -> _Identity:
        for index, name, globs in named:
            if any(glob.fullmatch(path) for glob in globs):
                return _Identity(0, index, name, name)
        if settings.group_by is GroupBy.FOLDER:
            folder = _service_folder(path, settings)
            return _Identity(1, 0, folder or "(repository root)", folder or "root")
        if settings.group_by is GroupBy.OWNER:
            found = tuple(sorted(owners.owners_of(path)))
            if not found:
                return _Identity(2, 0, "files without code owners", "unowned")
            return _Identity(1, 0, " ".join(found), "-".join(owner.lstrip("@") for owner in found))
        return _Identity(2, 0, "other files", "other")
    return place


def _place_with_builds(path: str, place, owners: CodeOwners, built: list[str]) -> _Identity:
    """A compose file or workflow joins its Dockerfiles' one group when that asks no other approval."""
    own = place(path)
    if not built:
        return own
    targets = {place(dockerfile) for dockerfile in built}
    if len(targets) != 1:
        return own
    its_owners = owners.owners_of(path)
    if its_owners and any(set(owners.owners_of(dockerfile)) != set(its_owners) for dockerfile in built):
        return own
    return targets.pop()


def _service_folder(path: str, settings: GroupSettings) -> str:
    folders = path.split("/")[:-1]
    for glob in settings.folder_patterns:
        names = glob.split("/")
        if len(folders) >= len(names) and all(name_glob_matches(n, f) for n, f in zip(names, folders, strict=False)):
            return "/".join(folders[:len(names)])
    if settings.folder_depth is not None:
        return "/".join(folders[:settings.folder_depth])
    return "/".join(folders)


def _owners_of(paths: Iterable[str], owners: CodeOwners) -> tuple[str, ...]:
    return tuple(sorted({owner for path in paths for owner in owners.owners_of(path)}))


def ref_key(spelling: str, name: str, hashed: bool = False) -> str:
    """One ref component spelled from `spelling`; cut (or `hashed`) keys end in a hash of `name`."""
    key = _NOT_REF.sub("-", spelling.lower())
    key = re.sub(r"\.{2,}", ".", re.sub(r"-{2,}", "-", key)).strip(".-")
    if key.endswith(".lock"):
        key = key[:-5] + "-lock"
    if hashed or len(key) > MAX_KEY or not key:
        key = f"{key[:_HASHED].rstrip('.-')}-{_digest(name)[:8]}".lstrip("-")
    return key


def _keys(identities: Iterable[_Identity]) -> dict[_Identity, str]:
    """Each group's key; groups spelled alike all take their hash, whichever came first."""
    spelled: dict[str, set[tuple[int, str]]] = {}
    for identity in identities:
        spelled.setdefault(ref_key(identity.spelling, identity.name), set()).add((identity.rank, identity.name))
    keys = {}
    for identity in identities:
        key = ref_key(identity.spelling, identity.name)
        if len(spelled[key]) > 1:
            key = ref_key(identity.spelling, f"{identity.rank}:{identity.name}", hashed=True)
        keys[identity] = key
    return keys


def _in_order(files: list[str], anchors: dict[str, str]) -> list[str]:
    """Path order, a file in its Dockerfiles' group standing just after the first of them."""
    return sorted(files, key=lambda path: (anchors.get(path, path), path in anchors, path))


def _part_names(files: list[str], anchors: dict[str, str]) -> dict[str, str]:
    """The path a part starting at each file takes its key from: the file's own, or, for the
    first file standing in for a Dockerfile that has nothing to change, that Dockerfile's
    (so the part is named as it would be with the Dockerfile there). Never the same twice."""
    members, taken, names = set(files), set(), {}
    for path in _in_order(files, anchors):
        anchor = anchors.get(path)
        names[path] = anchor if anchor is not None and anchor not in members and anchor not in taken else path
        taken.add(names[path])
    return names


def _split(files: list[str], limit: int | None, anchors: dict[str, str]) -> list[list[str]]:
    """Parts in path order, a file in its Dockerfiles' group standing at its anchor (see above)."""
    if limit is None or len(files) <= limit:
        return [files]
    ordered = _in_order(files, anchors)
    parts: list[list[str]] = [[]]
    for index, path in enumerate(ordered):
        parts[-1].append(path)
        at = anchors.get(path, path)
        last_at_anchor = index + 1 == len(ordered) or anchors.get(ordered[index + 1], ordered[index + 1]) != at
        if len(parts[-1]) == limit or (last_at_anchor and int(_digest(at), 16) % limit == 0):
            parts.append([])
    return [part for part in parts if part]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()
