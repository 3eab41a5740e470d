"""The entry file a container's interpreter runs is read (never run) for the port the app listens
on by default: below 1024, HB001 reports instead of setting a USER that could not bind it."""
from __future__ import annotations

import pytest

from bot.cli import main
from bot.dockerfile.model import Dockerfile
from bot.rules.entry_ports import privileged_default_port
from tests.helpers import write

NODE = "FROM node:22-alpine\nRUN mkdir -p /usr/src/app\nCOPY ./app/* /usr/src/app/\nWORKDIR /usr/src/app\n" \
       "RUN npm install\nCMD node /usr/src/app/index.js\n"


@pytest.mark.parametrize("dockerfile, files, found", [
    (NODE, {"app/index.js": "const port = process.env.PORT || 80;\napp.listen(port);\n"}, ("app/index.js", 80)),
    (NODE, {"app/index.js": "app.listen(process.env.PORT ?? 8080);\n"}, None),
    (NODE, {"app/index.js": "http.createServer(handler).listen(443, () => {});\n"}, ("app/index.js", 443)),
    (NODE, {}, None),  # not in the build context to read
    (NODE, {"app/index.js": "const mail = process.env.SMTP_PORT || 25;\napp.listen(process.env.PORT || 3000);\n"},
     None),  # where it connects to, not where it listens
    (NODE, {"app/index.js": "const port = process.env.HTTP_PORT || 80;\n"}, ("app/index.js", 80)),
    ("FROM python:3.12-slim\nWORKDIR /srv\nCOPY . .\nCMD [\"python\", \"app.py\"]\n",
     {"app.py": "if __name__ == '__main__':\n    app.run(host='0.0.0.0', port=int(os.environ.get('PORT', 80)))\n"},
     ("app.py", 80)),
    ("FROM python:3.12-slim\nWORKDIR /srv\nCOPY . .\nCMD [\"python\", \"-u\", \"app.py\"]\n",
     {"app.py": "app.run(port=5000)\n"}, None),
    ("FROM python:3.12-slim\nWORKDIR /srv\nCOPY . .\nCMD [\"gunicorn\", \"app:app\"]\n",
     {"app.py": "app.run(port=80)\n"}, None),  # not an interpreter running a file
])
def test_the_port_an_entry_file_listens_on_by_default(dockerfile, files, found):
    stage = Dockerfile.parse(dockerfile, "Dockerfile").final_stage
    assert privileged_default_port(stage, files.get) == found


def _hb001(tmp_path, capsys) -> str:
    main(["check", "--offline", "--select", "HB001", str(tmp_path)])
    return next(line for line in capsys.readouterr().out.splitlines() if "HB001" in line)


def test_an_app_listening_on_port_80_by_default_gets_the_user_reported(tmp_path, capsys):
    write(tmp_path, "node-app/Dockerfile", NODE)
    write(tmp_path, "node-app/app/index.js", "const port = process.env.PORT || 80;\n")
    assert ("not changed because its entry file app/index.js listens on port 80 by default (< 1024)"
            in _hb001(tmp_path, capsys))


def test_an_app_listening_on_a_high_port_gets_a_user(tmp_path, capsys):
    write(tmp_path, "node-app/Dockerfile", NODE)
    write(tmp_path, "node-app/app/index.js", "const port = process.env.PORT || 3000;\n")
    assert "final stage runs as root: switch to user 1000:1000" in _hb001(tmp_path, capsys)
