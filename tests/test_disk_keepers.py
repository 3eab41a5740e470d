"""The dependency manifests a build copies in are read (never run) for a library that keeps files
on disk: HB001 reports instead of setting a USER that could not write them."""
from __future__ import annotations

import pytest

from bot.cli import main
from bot.dockerfile.model import Dockerfile
from bot.rules.disk_keepers import disk_keeper, manifest_paths, package_script
from tests.helpers import write

GO_SQLITE = "module example.com/app\n\ngo 1.22\n\nrequire (\n\tgithub.com/gorilla/mux v1.8.1\n" \
            "\tgithub.com/mattn/go-sqlite3 v1.14.22\n)\n"


@pytest.mark.parametrize("dockerfile, paths", [
    ("FROM golang:1.22 AS build\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\n"
     "FROM alpine\nCOPY --from=build /app /app\nCMD [\"/app\"]\n",
     ["go.mod", "package.json", "requirements.txt", "pyproject.toml", "Pipfile", "Gemfile", "Cargo.toml", "pom.xml",
      "build.gradle", "build.gradle.kts", "mix.exs"]),
    ("FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY [\"src/Web/Web.csproj\", \"src/Web/\"]\n", ["src/Web/Web.csproj"]),
    ("FROM python:3.12\nCOPY requirements/base.txt requirements-prod.txt ./\n", ["requirements-prod.txt"]),
    ("FROM node:22\nCOPY backend/ ./\n", ["backend/go.mod", "backend/package.json", "backend/requirements.txt",
                                         "backend/pyproject.toml", "backend/Pipfile", "backend/Gemfile",
                                         "backend/Cargo.toml", "backend/pom.xml", "backend/build.gradle",
                                         "backend/build.gradle.kts", "backend/mix.exs"]),
    ("FROM node:22\nWORKDIR /app\nCOPY package*.json ./\nCOPY web/*.lock web/requirements*.txt ./\n",
     ["package.json", "web/requirements.txt"]),
    ("FROM node:22\nCOPY */package.json ./\nCOPY $SRC/ ./\nADD https://example.com/package.json /\nCOPY app.js ./\n", []),
    ("FROM node:22\nCOPY ../package.json ./\n", []),  # outside the build context: never read
    ("FROM node:22\nCOPY /service/package.json /app/\n", ["service/package.json"]),  # the context's, written absolute
])
def test_the_manifests_a_build_copies_in(dockerfile, paths):
    assert list(manifest_paths(Dockerfile.parse(dockerfile, "Dockerfile"))) == paths


def test_a_file_that_copies_thousands_of_manifests_has_a_few_read():
    text = "FROM scratch\n" + "".join(f"COPY s{n}/go.mod s{n}/\nCOPY d{n}/ /d{n}/\n" for n in range(4000))
    assert len(list(manifest_paths(Dockerfile.parse(text, "Dockerfile")))) == 32


@pytest.mark.parametrize("manifest, text, found", [
    ("go.mod", GO_SQLITE, ("github.com/mattn/go-sqlite3", "go.mod", "an embedded database file")),
    ("go.mod", "module x\nrequire go.etcd.io/bbolt v1.3.9\n", ("go.etcd.io/bbolt", "go.mod", "an embedded database file")),
    ("go.mod", "module x\nrequire gopkg.in/natefinch/lumberjack.v2 v2.2.1\n",
     ("gopkg.in/natefinch/lumberjack.v2", "go.mod", "log files")),
    ("go.mod", "module x\nrequire github.com/lib/pq v1.10.9\n", None),
    ("go.mod", "module x\nrequire (\n\tgithub.com/mattn/go-sqlite3 v1.14.22 // indirect\n)\n", None),  # a dependency's
    ("go.mod", "module x\nrequire (\n\tgo.etcd.io/bbolt v1.3.9 // pinned\n)\n",
     ("go.etcd.io/bbolt", "go.mod", "an embedded database file")),
    ("package.json", '{"dependencies": {"express": "^4", "better-sqlite3": "^9"}}',
     ("better-sqlite3", "package.json", "an embedded database file")),
    ("package.json", '{"dependencies": {"express": "^4"}, "devDependencies": {"sqlite3": "^5"}}', None),  # tests' only
    ("package.json", "{not json", None),
    ("package.json", '{"dependencies": {"express": "^4", "multer": "^1.4"}}', ("multer", "package.json", "uploaded files")),
    ("package.json", '{"dependencies": {"@nestjs/core": "^10", "@nestjs/graphql": "^12"}}',
     ("@nestjs/graphql", "package.json", "a generated GraphQL schema file")),
    ("requirements.txt", "flask==3.0\n# aiosqlite\nTinyDB[yaml]>=4.8\n", ("tinydb", "requirements.txt",
                                                                         "an embedded database file")),
    ("requirements-dev.txt", "aiosqlite\n", None),
    ("pyproject.toml", '[project]\nname = "x"\ndependencies = ["fastapi", "sqlite_utils>=3"]\n',
     ("sqlite-utils", "pyproject.toml", "an embedded database file")),
    ("pyproject.toml", '[tool.poetry.dependencies]\npython = "^3.11"\ndiskcache = "*"\n',
     ("diskcache", "pyproject.toml", "an embedded database file")),
    ("pyproject.toml", "[project\nbroken", None),
    ("Gemfile", "source 'https://rubygems.org'\ngem 'rails'\ngroup :development, :test do\n  gem 'sqlite3'\nend\n", None),
    ("Gemfile", "gem 'puma'\ngem \"sqlite3\", \"~> 1.4\"\n", ("sqlite3", "Gemfile", "an embedded database file")),
    ("Cargo.toml", '[dependencies]\naxum = "0.7"\nrusqlite = { version = "0.31", features = ["bundled"] }\n',
     ("rusqlite", "Cargo.toml", "an embedded database file")),
    ("Cargo.toml", '[dev-dependencies]\nrusqlite = "0.31"\n', None),
    ("src/Db/Db.csproj", '<Project><ItemGroup><PackageReference Include="Serilog.Sinks.File" Version="5.0.0" />'
                         '</ItemGroup></Project>', ("serilog.sinks.file", "src/Db/Db.csproj", "log files")),
    ("pom.xml", "<dependencies><dependency><groupId>org.xerial</groupId><artifactId>sqlite-jdbc</artifactId>"
                "<scope>test</scope></dependency><dependency><artifactId>h2</artifactId></dependency></dependencies>",
     None),  # a test's SQLite, and H2 (mostly in memory)
    ("build.gradle", "dependencies {\n  implementation 'org.xerial:sqlite-jdbc:3.45.1.0'\n}\n",
     ("sqlite-jdbc", "build.gradle", "an embedded database file")),
    ("build.gradle", "dependencies {\n  testImplementation 'org.xerial:sqlite-jdbc:3.45.1.0'\n}\n", None),
    ("mix.exs", "defp deps do\n  [{:phoenix, \"~> 1.7\"}, {:ecto_sqlite3, \">= 0.0.0\"}]\nend\n",
     ("ecto_sqlite3", "mix.exs", "an embedded database file")),
])
def test_a_library_that_keeps_files_on_disk(manifest, text, found):
    dockerfile = Dockerfile.parse(f"FROM scratch\nCOPY {manifest} ./\n", "Dockerfile")
    assert disk_keeper(dockerfile, {manifest: text}.get) == found


SERVICE = ("FROM golang:1.22 AS build\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\n"
           "RUN go build -o /out/app .\nFROM debian:12-slim\nWORKDIR /app\nCOPY --from=build /out/app .\n"
           "EXPOSE 8080\nCMD [\"./app\"]\n")


def _hb001(tmp_path, capsys) -> str:
    main(["check", "--offline", "--select", "HB001", str(tmp_path)])
    return next(line for line in capsys.readouterr().out.splitlines() if "HB001" in line)


def test_an_app_that_keeps_a_database_on_disk_gets_the_user_reported(tmp_path, capsys):
    write(tmp_path, "Dockerfile", SERVICE)
    write(tmp_path, "go.mod", GO_SQLITE)
    assert ("not changed because the app depends on github.com/mattn/go-sqlite3 (go.mod), which keeps an embedded "
            "database file on disk") in _hb001(tmp_path, capsys)


def test_an_app_whose_manifests_name_no_such_library_gets_a_user(tmp_path, capsys):
    write(tmp_path, "Dockerfile", SERVICE)
    write(tmp_path, "go.mod", "module example.com/app\n\nrequire github.com/lib/pq v1.10.9\n")
    assert "final stage runs as root: switch to user 10001:10001" in _hb001(tmp_path, capsys)


@pytest.mark.parametrize("manifests, name, command", [
    ({"package.json": '{"scripts": {"start": "next start -p 3000", "build": "next build"}}'}, "start", "next start -p 3000"),
    ({"package.json": '{"scripts": {"build": "next build"}}'}, "start", None),
    ({"package.json": '{"scripts": "next start"}'}, "start", None),
    ({"package.json": "{not json"}, "start", None),
    ({}, "start", None),  # not in the build context
])
def test_the_command_of_a_package_script(manifests, name, command):
    dockerfile = Dockerfile.parse("FROM node:22\nCOPY package.json ./\n", "Dockerfile")
    assert package_script(dockerfile, manifests.get, name) == command


NEXT_APP = ("FROM node:20-alpine AS build\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\n"
            "COPY . .\nRUN npm run build\nFROM node:20-alpine\nWORKDIR /app\n"
            "COPY --from=build /app/.next ./.next\nCOPY --from=build /app/package.json ./\n"
            "COPY --from=build /app/node_modules ./node_modules\nEXPOSE 3000\nCMD {command}\n")


_DEV_SERVER = "its JavaScript development server writes its caches (node_modules/.cache, .vite) under its folder"


@pytest.mark.parametrize("command, scripts, reported", [
    ('["npm", "start"]', '{"start": "next start"}', "Next.js writes .next/cache under its folder"),
    ('["yarn", "run", "serve"]', '{"serve": "next start -p 3000"}', "Next.js writes .next/cache under its folder"),
    ('["pnpm", "start"]', '{"start": "strapi start"}', "Strapi writes public/uploads and .tmp under its folder"),
    ('["npm", "start"]', '{"start": "node server.js"}', None),
    ('["npm", "run", "serve"]', '{"start": "next start"}', None),  # another script
    # Development servers write their caches under node_modules (react-scripts also rewrites tsconfig.json).
    ('["yarn", "start"]', '{"start": "react-scripts start"}', _DEV_SERVER),
    ('["npm", "run", "dev"]', '{"dev": "vite --host 0.0.0.0"}', _DEV_SERVER),
    ('["npm", "run", "dev"]', '{"dev": "vite"}', _DEV_SERVER),
    ('["npx", "ng", "serve", "--host", "0.0.0.0"]', '{}', _DEV_SERVER),
    ('["npm", "run", "preview"]', '{"preview": "vite preview --host"}', None),  # serves the built files
])
def test_a_package_script_that_starts_a_server_writing_its_folder(tmp_path, capsys, command, scripts, reported):
    write(tmp_path, "Dockerfile", NEXT_APP.format(command=command))
    write(tmp_path, "package.json", '{"name": "web", "scripts": ' + scripts + ', "dependencies": {"react": "18"}}')
    line = _hb001(tmp_path, capsys)
    if reported is None:
        assert "final stage runs as root: switch to user 1000:1000" in line
    else:
        assert f"not changed because {reported} as it runs" in line
