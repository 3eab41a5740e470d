"""The script a container starts with is read (never run): HB001 sets a USER only when it does
nothing but start its program, and reports when it writes, needs root, runs something first,
or cannot be read."""
from __future__ import annotations

import os

import pytest

from bot.cli import main
from bot.dockerfile.copy_sources import copy_sources
from bot.dockerfile.model import Dockerfile
from bot.dockerfile.start_scripts import StartScript, start_script, what_it_does_first
from bot.sources.build_context import copies_from_root
from tests.helpers import write

ONLY_STARTS = "#!/bin/sh\nset -e\n# wait for the database\nuntil nc -z db 5432; do sleep 1; done\nexec \"$@\"\n"


@pytest.mark.parametrize("script, first", [
    (ONLY_STARTS, None),
    ("#!/bin/sh\nif [ -z \"$HOST\" ]; then\n  echo 'HOST not set'\n  exit 1\nfi\n"
     "if [ \"$SILENT\" -eq 1 ]; then\n  locust -f a.py > /dev/null 2>&1\nelse\n  locust -f a.py\nfi\n", None),
    ("#!/bin/sh\nab -n 10 http://vote/\nab -n 10 http://vote/\n", None),  # one program, run twice
    ("#!/bin/sh\nexec java -jar app.jar 2>&1\n", None),
    ("#!/bin/sh\necho started > /tmp/started\nexec ./app\n", None),  # scratch space is anyone's
    ("#!/bin/sh\nnginx\nexec java -jar app.jar\n", "line 2 runs nginx, which needs root"),
    ("#!/bin/sh\nchown -R app /data\nexec ./app\n", "line 2 runs chown, which needs root"),
    ("#!/bin/sh\nmkdir -p /app/logs\nexec ./app\n", "line 2 runs mkdir, which writes files"),
    ("#!/bin/sh\nsed -i \"s/PORT/$PORT/\" /etc/app.conf\nexec ./app\n", "line 2 runs sed, which writes files"),
    ("#!/bin/sh\n./admin token > ./config/token\nexec ./app\n", "line 2 writes ./config/token"),
    ("#!/bin/sh\n./migrate\nexec ./server --config ./config\n", "line 2 runs migrate before server"),
    ("#!/bin/sh\npython manage.py migrate && exec gunicorn app.wsgi\n", "line 2 runs python before gunicorn"),
    ("#!/bin/sh\ncurl -fsSL -o /app/model.bin https://example.com/m\nexec ./app\n",
     "line 2 runs curl, which writes what it fetches to a file"),
])
def test_what_a_start_script_does_before_starting_its_program(script, first):
    assert what_it_does_first(script) == first


@pytest.mark.parametrize("dockerfile, found", [
    ("FROM alpine\nWORKDIR /load\nCOPY entrypoint.sh /load/\nCOPY app.py /load/\nCMD [\"./entrypoint.sh\"]\n",
     StartScript("/load/entrypoint.sh", "entrypoint.sh")),
    ("FROM debian\nCOPY bin/startup.sh /app/startup.sh\nENTRYPOINT [\"/bin/sh\"]\nCMD [\"/app/startup.sh\"]\n",
     StartScript("/app/startup.sh", "bin/startup.sh")),
    ("FROM alpine\nWORKDIR /seed\nCOPY . .\nCMD [\"/seed/generate.sh\"]\n", StartScript("/seed/generate.sh", "generate.sh")),
    ("FROM alpine\nCOPY ./hack/lite/start.sh ./entrypoint.sh\nCMD [\"./entrypoint.sh\"]\n",
     StartScript("/entrypoint.sh", "hack/lite/start.sh")),
    ("FROM alpine\nCOPY run.sh /\nENTRYPOINT [\"tini\", \"--\", \"sh\", \"/run.sh\"]\n", StartScript("/run.sh", "run.sh")),
    ("FROM alpine\nCOPY --from=build /out/run.sh /\nCMD [\"/run.sh\"]\n", StartScript("/run.sh", None)),
    ("FROM alpine\nCMD [\"sh\", \"-c\", \"./app\"]\n", None),  # no script
    ("FROM alpine\nWORKDIR /srv\nCOPY start.sh .\nCMD [\"sh\", \"-c\", \"exec ./start.sh --port $PORT\"]\n",
     StartScript("/srv/start.sh", "start.sh")),
    # A file the build copied, run by its path: a script only if it says so on its first line.
    ("FROM alpine\nCOPY app /app\nCMD [\"/app\"]\n", StartScript("/app", "app", by_name=False)),
    ("FROM ruby:3.4\nWORKDIR /myapp\nCOPY . /myapp\nCMD [\"/myapp/start\"]\n",
     StartScript("/myapp/start", "start", by_name=False)),
    ("FROM alpine\nCOPY ./app/* /usr/src/app/\nCMD [\"/usr/src/app/start.sh\"]\n",
     StartScript("/usr/src/app/start.sh", "app/start.sh")),  # a folder's files, by a pattern
    ("FROM alpine\nCOPY ./app/*.js /usr/src/app/\nCMD [\"/usr/src/app/start.sh\"]\n",
     StartScript("/usr/src/app/start.sh", None)),  # the pattern does not match it
    ("FROM alpine\nCMD [\"/usr/bin/app\"]\n", None),  # nothing the build copied
    ("FROM alpine\nCOPY app /usr/bin/\nCMD [\"app\"]\n", None),  # found on PATH
])
def test_the_script_a_container_starts_with_and_where_the_build_copied_it_from(dockerfile, found):
    assert start_script(Dockerfile.parse(dockerfile, "Dockerfile").final_stage) == found


SERVICE = "FROM python:3.12-slim\nWORKDIR /srv\nCOPY start.sh /srv/\nCOPY app.py /srv/\nEXPOSE 8080\nCMD [\"./start.sh\"]\n"


def _hb001(tmp_path, capsys) -> str:
    main(["check", "--offline", "--select", "HB001", str(tmp_path)])
    return next(line for line in capsys.readouterr().out.splitlines() if "HB001" in line)


def test_a_start_script_that_only_starts_the_app_gets_a_user(tmp_path, capsys):
    write(tmp_path, "svc/Dockerfile", SERVICE)
    write(tmp_path, "svc/start.sh", ONLY_STARTS.replace('"$@"', "python app.py"))
    assert "final stage runs as root: switch to user 10001:10001" in _hb001(tmp_path, capsys)


def test_a_start_script_that_writes_gets_the_user_reported(tmp_path, capsys):
    write(tmp_path, "svc/Dockerfile", SERVICE)
    write(tmp_path, "svc/start.sh", "#!/bin/sh\n./generate --out ./config > ./config/token\nexec python app.py\n")
    assert ("not changed because its start script start.sh does more than start the app (line 2 writes "
            "./config/token)") in _hb001(tmp_path, capsys)


def test_a_start_script_that_is_not_there_gets_the_user_reported(tmp_path, capsys):
    write(tmp_path, "svc/Dockerfile", SERVICE)
    assert "its start script start.sh may need root, and it is not in the build context to read" in _hb001(tmp_path, capsys)


def test_a_start_script_linked_from_outside_the_repository_is_not_read(tmp_path, capsys):
    outside = tmp_path / "outside.sh"
    outside.write_text(ONLY_STARTS)
    repository = tmp_path / "repository"
    write(repository, "svc/Dockerfile", SERVICE)
    os.symlink(outside, repository / "svc" / "start.sh")
    assert "is not in the build context to read" in _hb001(repository, capsys)


def test_files_made_writable_for_group_root_get_the_user_reported(tmp_path, capsys):
    write(tmp_path, "Dockerfile", "FROM node:22-alpine\nWORKDIR /etc/app\nCOPY . .\n"
                                  "RUN mkdir -p scripts && chmod g+w scripts\nEXPOSE 3001\nCMD [\"npm\", \"start\"]\n")
    assert "line 4 makes files writable for group root" in _hb001(tmp_path, capsys)


RAILS = "FROM ruby:3.4\nWORKDIR /myapp\nCOPY . /myapp\nEXPOSE 3000\nCMD [\"/myapp/start\"]\n"


def test_a_start_script_named_without_sh_is_read_when_it_says_it_is_one(tmp_path, capsys):
    write(tmp_path, "Dockerfile", RAILS)
    write(tmp_path, "start", "#!/bin/bash\nbundle exec rails s -p 3000 &\nsleep 5\nbin/rails db:migrate\nwait\n")
    assert "not changed because its start script start does more than start the app" in _hb001(tmp_path, capsys)


def test_a_program_the_build_copied_is_not_read_as_a_script(tmp_path, capsys):
    write(tmp_path, "Dockerfile", RAILS.replace("ruby:3.4", "debian:12-slim"))
    write(tmp_path, "start", "\x7fELF binary")
    assert "final stage runs as root: switch to user 10001:10001" in _hb001(tmp_path, capsys)


def test_a_start_script_found_where_the_build_runs_from_the_root(tmp_path, capsys):
    # docker/Dockerfile copies ./docker/start.sh: built from the root, where that path is.
    write(tmp_path, "docker/Dockerfile", SERVICE.replace("COPY start.sh", "COPY ./docker/start.sh").replace(
        "COPY app.py", "COPY app.py"))
    write(tmp_path, "docker/start.sh", "#!/bin/sh\n./generate > ./config/token\nexec python app.py\n")
    write(tmp_path, "app.py", "print('hi')\n")
    assert "its start script docker/start.sh does more than start the app" in _hb001(tmp_path, capsys)


def test_a_start_script_that_runs_the_repositorys_own_program_over_its_arguments_gets_the_user_reported(tmp_path,
                                                                                                        capsys):
    repository = tmp_path / "restic"
    write(repository, "svc/Dockerfile", SERVICE)
    write(repository, "svc/start.sh", '#!/bin/sh -e\nset -- /usr/bin/restic "$@"\nexec nice -n "${NICE:-0}" "$@"\n')
    assert ("its start script start.sh runs restic, the program this repository builds, with the container's "
            "arguments") in _hb001(repository, capsys)


@pytest.mark.parametrize("text, sources", [
    ("FROM node:20\nCOPY ./ui/package.json ./\nCOPY ./ui .\n", ("ui/package.json", "ui")),
    ("FROM a\nCOPY --from=build /out /srv\nADD https://x/y.tgz /tmp/\nCOPY . .\nCOPY *.json ./\nCOPY $SRC /srv\n", ()),
    ('FROM a\nCOPY ["docker/entry point.sh", "/entry.sh"]\nCOPY --chown=app a.txt \\\n     b.txt /srv/\n',
     ("docker/entry point.sh", "a.txt", "b.txt")),
])
def test_what_a_dockerfile_copies_from_its_context(text, sources):
    assert copy_sources(text) == sources


@pytest.mark.parametrize("files, expected", [
    (("ui/package.json",), True),  # only at the root
    (("ui/package.json", "docker/ui/ui/package.json"), False),  # in its own folder too
    ((), False),  # nowhere
])
def test_a_build_runs_from_the_root_when_what_it_copies_is_only_there(tmp_path, files, expected):
    for name in files:
        write(tmp_path, name, "{}\n")
    assert copies_from_root(tmp_path, "docker/ui", ("ui/package.json",)) is expected
