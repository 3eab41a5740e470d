"""What an app's dependency manifests say it keeps on disk: a library whose job is to write
files where the app runs (an embedded database such as SQLite, Bolt or LevelDB, a log sink
that writes rotating files). The manifests are the ones a Dockerfile's build brings in
(`COPY go.mod go.sum ./`, `COPY ["src/Web/Web.csproj", "src/Web/"]`, `COPY . .`), read from
the build context, never run. An app that depends on one writes a database or log file at run
time, often under its working folder, which COPY made root's: HB001 reports instead of
switching it to a new user that could not write there.

Only runtime dependencies count (not package.json's devDependencies, Gradle's
testImplementation, Maven's test scope, a Gemfile's development and test groups, a
requirements-dev.txt): a test's SQLite is not the app's. Libraries mostly used in memory (H2,
HSQLDB, DuckDB) are not named."""
from __future__ import annotations

import json
import posixpath
import re
import tomllib
from collections.abc import Callable, Iterable, Iterator
from fnmatch import fnmatchcase

from bot.dockerfile.model import Dockerfile
from bot.dockerfile.start_scripts import context_copy
from bot.lazy_regex import lazy_compile

_DATABASE = "an embedded database file"
_LOGS = "log files"
# Libraries that keep files on disk, by ecosystem: name (a Go module path: its prefix) → what they keep.
GO_MODULES = {
    "github.com/mattn/go-sqlite3": _DATABASE, "modernc.org/sqlite": _DATABASE, "gorm.io/driver/sqlite": _DATABASE,
    "github.com/glebarez/sqlite": _DATABASE, "github.com/glebarez/go-sqlite": _DATABASE,
    "github.com/ncruces/go-sqlite3": _DATABASE, "zombiezen.com/go/sqlite": _DATABASE, "crawshaw.io/sqlite": _DATABASE,
    "go.etcd.io/bbolt": _DATABASE, "github.com/boltdb/bolt": _DATABASE, "github.com/dgraph-io/badger": _DATABASE,
    "github.com/syndtr/goleveldb": _DATABASE, "github.com/cockroachdb/pebble": _DATABASE,
    "github.com/tidwall/buntdb": _DATABASE, "github.com/asdine/storm": _DATABASE,
    "gopkg.in/natefinch/lumberjack": _LOGS, "github.com/natefinch/lumberjack": _LOGS,
    "github.com/lestrrat-go/file-rotatelogs": _LOGS,
}
NPM_PACKAGES = {
    "sqlite3": _DATABASE, "better-sqlite3": _DATABASE, "sqlite": _DATABASE, "@journeyapps/sqlcipher": _DATABASE,
    "lowdb": _DATABASE, "nedb": _DATABASE, "@seald-io/nedb": _DATABASE, "nedb-promises": _DATABASE,
    "level": _DATABASE, "leveldown": _DATABASE, "classic-level": _DATABASE, "lmdb": _DATABASE,
    "node-json-db": _DATABASE, "pouchdb": _DATABASE, "pouchdb-node": _DATABASE,
    # Multer keeps uploads in memory unless told a folder (`dest: "uploads/"`), which most apps do.
    "multer": "uploaded files",
    "winston-daily-rotate-file": _LOGS, "rotating-file-stream": _LOGS, "file-stream-rotator": _LOGS,
    # Code-first GraphQL writes the schema it generates to the file `autoSchemaFile` names, at start.
    "@nestjs/graphql": "a generated GraphQL schema file",
}
PYTHON_PACKAGES = {
    "aiosqlite": _DATABASE, "sqlite-utils": _DATABASE, "sqlitedict": _DATABASE, "pysqlite3": _DATABASE,
    "pysqlite3-binary": _DATABASE, "tinydb": _DATABASE, "plyvel": _DATABASE, "lmdb": _DATABASE,
    "rocksdict": _DATABASE, "diskcache": _DATABASE,
}
RUBY_GEMS = {"sqlite3": _DATABASE, "leveldb": _DATABASE, "lmdb": _DATABASE}
NUGET_PACKAGES = {  # lower case: NuGet ids are case-insensitive
    "microsoft.entityframeworkcore.sqlite": _DATABASE, "microsoft.data.sqlite": _DATABASE,
    "system.data.sqlite": _DATABASE, "system.data.sqlite.core": _DATABASE, "litedb": _DATABASE,
    "serilog.sinks.file": _LOGS, "serilog.sinks.rollingfile": _LOGS,
}
JAVA_ARTIFACTS = {"sqlite-jdbc": _DATABASE, "mapdb": _DATABASE, "rocksdbjni": _DATABASE, "leveldbjni": _DATABASE,
                  "leveldbjni-all": _DATABASE}
RUST_CRATES = {"rusqlite": _DATABASE, "sqlite": _DATABASE, "libsqlite3-sys": _DATABASE, "sled": _DATABASE,
               "redb": _DATABASE, "rocksdb": _DATABASE, "heed": _DATABASE, "lmdb": _DATABASE}
ELIXIR_PACKAGES = {"ecto_sqlite3": _DATABASE, "exqlite": _DATABASE, "sqlitex": _DATABASE, "cubdb": _DATABASE}

# The manifests looked for at the top of a folder the build copies whole (`COPY . .`).
FOLDER_MANIFESTS = ("go.mod", "package.json", "requirements.txt", "pyproject.toml", "Pipfile", "Gemfile",
                    "Cargo.toml", "pom.xml", "build.gradle", "build.gradle.kts", "mix.exs")
# The folders of one file whose manifests are looked for, and the manifests read, at most: a
# build copies a few.
MAX_FOLDERS = 8
MAX_MANIFESTS = 32
_PROJECT_FILE = lazy_compile(r"\.(?:cs|fs|vb)proj$")
_REQUIREMENTS = lazy_compile(r"^requirements[\w.-]*\.txt$")
# The part of a requirements file's name that says it is not the app's (`requirements-dev.txt`).
_NOT_RUNTIME = lazy_compile(r"(?:^|[-_.])(?:dev|test|tests|lint|docs|ci)(?:[-_.]|$)")

Reader = Callable[[str], "str | None"]


def disk_keeper(doc: Dockerfile, read: Reader) -> tuple[str, str, str] | None:
    """(library, manifest, what it keeps) for the first library that keeps files on disk in a
    manifest the file's build copies in; None when there is none, or none could be read."""
    for path in manifest_paths(doc):
        text = read(path)
        if text is None:
            continue
        for library, what in _keepers(path, text):
            return library, path, what
    return None


def manifest_paths(doc: Dockerfile) -> Iterator[str]:
    """The context-relative paths of the manifests the file's COPY and ADD instructions (of any
    stage: a builder compiles the app) bring in, named or at the top of a folder copied whole;
    each once."""
    seen: set[str] = set()
    folders = 0
    for stage in doc.stages:
        for inst in stage.instructions:
            copy = context_copy(inst)
            for source in copy[0] if copy is not None else ():
                source = source.lstrip("/") or "."  # a source is read from the context, even written as absolute
                folder, name = posixpath.split(source.rstrip("/"))
                if "://" in source or "$" in source or any(c in folder for c in "*?["):
                    continue
                if any(c in name for c in "*?["):  # `COPY package*.json ./`: the manifests it matches
                    candidates: tuple[str, ...] = tuple(posixpath.normpath(posixpath.join(folder, m))
                                                        for m in FOLDER_MANIFESTS if fnmatchcase(m, name))
                elif _is_manifest(name):
                    candidates = (posixpath.normpath(source),)
                elif source.endswith("/") or source in (".", "./") or "." not in name:
                    if folders >= MAX_FOLDERS:
                        continue
                    folders += 1
                    candidates = tuple(posixpath.normpath(posixpath.join(source, m)) for m in FOLDER_MANIFESTS)
                else:
                    continue
                for candidate in candidates:
                    if candidate not in seen and not candidate.startswith(("../", "/")):
                        if len(seen) >= MAX_MANIFESTS:
                            return
                        seen.add(candidate)
                        yield candidate


def package_script(doc: Dockerfile, read: Reader, name: str) -> str | None:
    """The command of the package script `name` (`npm start`'s `next start`) in the first
    package.json the file's build brings in that has a "scripts" table; None when none says."""
    for path in manifest_paths(doc):
        if posixpath.basename(path) != "package.json":
            continue
        text = read(path)
        try:
            data = json.loads(text) if text is not None else None
        except ValueError:
            continue
        scripts = data.get("scripts") if isinstance(data, dict) else None
        if isinstance(scripts, dict):
            command = scripts.get(name)
            return command if isinstance(command, str) else None
    return None


def _is_manifest(name: str) -> bool:
    return name in FOLDER_MANIFESTS or bool(_PROJECT_FILE.search(name)) or bool(_REQUIREMENTS.match(name))


def _keepers(path: str, text: str) -> Iterator[tuple[str, str]]:
    """(library, what it keeps) for each disk-keeping runtime dependency the manifest names."""
    name = posixpath.basename(path)
    if name == "go.mod":
        yield from _go_keepers(text)
    elif name == "package.json":
        yield from _named(_npm_dependencies(text), NPM_PACKAGES)
    elif _REQUIREMENTS.match(name):
        if not _NOT_RUNTIME.search(name.removeprefix("requirements").removesuffix(".txt")):
            yield from _named(_requirement_names(text.splitlines()), PYTHON_PACKAGES)
    elif name in ("pyproject.toml", "Pipfile", "Cargo.toml"):
        yield from _toml_keepers(name, text)
    elif name == "Gemfile":
        yield from _named(_runtime_gems(text), RUBY_GEMS)
    elif _PROJECT_FILE.search(name):
        yield from _named([m.lower() for m in _PACKAGE_REFERENCE.findall(text)], NUGET_PACKAGES)
    elif name == "pom.xml":
        yield from _named(_maven_artifacts(text), JAVA_ARTIFACTS)
    elif name in ("build.gradle", "build.gradle.kts"):
        yield from _named(_GRADLE_DEPENDENCY.findall(text), JAVA_ARTIFACTS)
    elif name == "mix.exs":
        yield from _named(_MIX_DEPENDENCY.findall(text), ELIXIR_PACKAGES)


def _named(names: Iterable[str], catalogue: dict[str, str]) -> Iterator[tuple[str, str]]:
    for name in names:
        if name in catalogue:
            yield name, catalogue[name]


# A module line of go.mod's `require`, alone or in a block: the module path, then its version;
# not one marked `// indirect` (a dependency of a dependency, often of a tool or a test).
_GO_REQUIRE = lazy_compile(r"(?m)^\s*(?:require\s+)?([a-z0-9][\w.-]*\.[a-z]{2,}/\S+)\s+v\S++(?![ \t]*//[ \t]*indirect)")


def _go_keepers(text: str) -> Iterator[tuple[str, str]]:
    for module in _GO_REQUIRE.findall(text):
        for prefix, what in GO_MODULES.items():
            if module == prefix or module.startswith((prefix + "/", prefix + ".")):
                yield module, what
                break


def _npm_dependencies(text: str) -> list[str]:
    try:
        data = json.loads(text)
    except ValueError:
        return []
    dependencies = data.get("dependencies") if isinstance(data, dict) else None
    return list(dependencies) if isinstance(dependencies, dict) else []


# The distribution name at the start of a requirement (`aiosqlite==0.19`, `tinydb[yaml]>=4`).
_REQUIREMENT = lazy_compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def _requirement_names(lines: Iterable[str]) -> list[str]:
    """Python distribution names, normalised as PEP 503 says (lower case, runs of `-_.` as `-`)."""
    names = []
    for line in lines:
        if line.lstrip().startswith(("#", "-")):
            continue
        match = _REQUIREMENT.match(line)
        if match:
            names.append(re.sub(r"[-_.]+", "-", match.group(1)).lower())
    return names


def _toml_keepers(name: str, text: str) -> Iterator[tuple[str, str]]:
    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, ValueError):
        return
    if name == "Cargo.toml":
        yield from _named(_keys(data.get("dependencies")), RUST_CRATES)
    elif name == "Pipfile":
        yield from _named(_requirement_names(_keys(data.get("packages"))), PYTHON_PACKAGES)
    else:
        project = data.get("project")
        listed = project.get("dependencies") if isinstance(project, dict) else None
        if isinstance(listed, list):
            requirements = [item for item in listed if isinstance(item, str)]
            yield from _named(_requirement_names(requirements), PYTHON_PACKAGES)
        tool = data.get("tool")
        poetry = tool.get("poetry") if isinstance(tool, dict) else None
        if isinstance(poetry, dict):
            yield from _named(_requirement_names(_keys(poetry.get("dependencies"))), PYTHON_PACKAGES)


def _keys(table: object) -> list[str]:
    return list(table) if isinstance(table, dict) else []


_GEM = lazy_compile(r"^\s*gem\s+['\"]([\w.-]+)['\"]")
_GROUP = lazy_compile(r"^\s*group\s+(.*?)\s+do\b")
_RUNTIME_GROUP = lazy_compile(r":(?:production|default)\b")
_END = lazy_compile(r"^\s*end\b")


def _runtime_gems(text: str) -> list[str]:
    """The gems a Gemfile names outside its development and test groups."""
    gems: list[str] = []
    groups: list[bool] = []  # for each open group block: whether its gems are the app's
    for line in text.splitlines():
        group = _GROUP.match(line)
        if group:
            groups.append(bool(_RUNTIME_GROUP.search(group.group(1))))
            continue
        if groups and _END.match(line):
            groups.pop()
            continue
        gem = _GEM.match(line)
        if gem and all(groups):
            gems.append(gem.group(1))
    return gems


_PACKAGE_REFERENCE = lazy_compile(r"<PackageReference\s+Include\s*=\s*\"([^\"]+)\"", re.IGNORECASE)
_MAVEN_DEPENDENCY = lazy_compile(r"<dependency>(.*?)</dependency>", re.DOTALL)
_MAVEN_SCOPE = lazy_compile(r"<scope>\s*(\w+)\s*</scope>")
_MAVEN_ARTIFACT = lazy_compile(r"<artifactId>\s*([\w.-]+)\s*</artifactId>")
# `implementation 'org.xerial:sqlite-jdbc:3.45'`, `runtimeOnly("org.rocksdb:rocksdbjni")`: the artifact.
_GRADLE_DEPENDENCY = lazy_compile(
    r"^\s*(?:implementation|api|compile|runtimeOnly)\s*\(?\s*['\"][\w.-]+:([\w.-]+)", re.MULTILINE)
_MIX_DEPENDENCY = lazy_compile(r"\{\s*:(\w+)\s*,")


def _maven_artifacts(text: str) -> list[str]:
    """The artifacts a pom.xml depends on at run time (not in test or provided scope)."""
    artifacts = []
    for block in _MAVEN_DEPENDENCY.findall(text):
        scope = _MAVEN_SCOPE.search(block)
        artifact = _MAVEN_ARTIFACT.search(block)
        if artifact and not (scope and scope.group(1) in ("test", "provided")):
            artifacts.append(artifact.group(1))
    return artifacts
