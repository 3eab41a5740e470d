"""A Dockerfile that hands its working folder to its user shows the app writes there: another
Dockerfile of the repository working in that folder gets its USER reported, not set."""
from __future__ import annotations

import pytest

from bot.cli import main
from bot.dockerfile.model import Dockerfile
from bot.rules.handed_folders import handed_folders
from tests.helpers import write

HANDS_OVER = ("FROM python:3.13-slim\nWORKDIR /app\nRUN adduser --disabled-password --home /app reflex\n"
              "COPY . .\nRUN chown -R reflex data\nUSER reflex\nCMD [\"reflex\", \"run\"]\n")


@pytest.mark.parametrize("text, found", [
    (HANDS_OVER, [("/app", "line 3 makes it a user's home"), ("/app/data", "line 5 chowns it")]),
    # Handed over, but the image still runs as root: no sign the app needs it.
    (HANDS_OVER.replace("USER reflex\n", ""), []),
    # COPY --chown alone is habit, not a sign.
    ("FROM node:22\nWORKDIR /app\nCOPY --chown=node . .\nUSER node\nCMD [\"node\", \"index.js\"]\n", []),
])
def test_the_folders_a_dockerfile_hands_to_the_user_it_runs_as(text, found):
    assert handed_folders(Dockerfile.parse(text, "Dockerfile")) == found


def test_a_working_folder_another_dockerfile_hands_to_its_user_gets_the_user_reported(tmp_path, capsys):
    write(tmp_path, "examples/production/Dockerfile", HANDS_OVER)
    write(tmp_path, "examples/simple/Dockerfile", "FROM python:3.13\nWORKDIR /app\nCOPY . .\nEXPOSE 8080\n"
                                                  "CMD [\"reflex\", \"run\"]\n")
    write(tmp_path, "other/Dockerfile", "FROM python:3.13\nWORKDIR /srv\nCOPY . .\nEXPOSE 8080\nCMD [\"reflex\", \"run\"]\n")
    main(["check", "--offline", "--select", "HB001", str(tmp_path)])
    out = capsys.readouterr().out
    assert ("examples/simple/Dockerfile:1: HB001 final stage runs as root; not changed because the app works in /app, "
            "which examples/production/Dockerfile hands to its user (line 3 makes it a user's home)") in out
    assert "other/Dockerfile:1: HB001 final stage runs as root: switch to user" in out  # another folder
