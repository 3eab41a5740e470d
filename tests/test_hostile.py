"""The bot's own attack surface: hostile repositories, registries and comments. Each shape here
once broke something (a run that never finished, a crash, markup in the pull request body, a
credential sent where it should not go); each is now one line and nothing else."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from bot.config import load_config
from bot.dockerfile.images import image_occurrences
from bot.dockerfile.model import Dockerfile
from bot.run import process_texts
from bot.sources.discovery import SourceFile
from bot.sources.dockerfile import KIND as DOCKERFILE


def _fix(text: str, path: str = "Dockerfile"):
    config = load_config(Path("/nonexistent"))
    return process_texts({SourceFile(path, DOCKERFILE): text}, config, config.active_rules(), fix=True)


def _seconds(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


# --- Denial of service: linear time, bounded memory ------------------------------------------

def test_deeply_nested_defaults_are_a_note_not_a_crash():
    depth = 50_000
    doc = Dockerfile.parse("FROM " + "${a:-" * depth + "alpine" + "}" * depth + "\n")
    [occurrence] = image_occurrences(doc)
    assert occurrence.span is None
    assert "nested" in occurrence.note
    assert len(occurrence.note) < 300


def test_deeply_nested_arg_default_is_a_note_not_a_crash():
    depth = 50_000
    report = _fix("ARG B=" + "${a:-" * depth + "y" + "}" * depth + "\nFROM $B\n")
    assert not report.errors


def test_many_runs_are_hardened_in_linear_time():
    text = "FROM debian:12\n" + "RUN apt-get install curl\n" * 10_000
    seconds = _seconds(lambda: _fix(text))
    assert seconds < 6, f"{seconds:.1f} s for 10k RUN lines"


def test_many_chained_stages_are_one_line_quickly():
    def chain(stages: int) -> str:
        return "FROM alpine AS s0\n" + "".join(f"FROM s{i} AS s{i + 1}\nRUN pip install x\n" for i in range(stages - 1))
    assert _seconds(lambda: _fix(chain(500))) < 4  # as many as hardenbot reads
    start = time.perf_counter()
    report = _fix(chain(5_000))
    assert time.perf_counter() - start < 2
    [error] = report.errors
    assert error.message == "more than 500 stages: not read"


def test_collision_check_agrees_with_comparing_every_pair():
    import random

    from bot.model.text import Edit, EditSet, Span, overlaps
    rng = random.Random(7)
    for _ in range(300):
        accepted: list[Edit] = []
        edits = EditSet()
        for _ in range(30):
            start = rng.randrange(40)
            edit = Edit(Span(start, start + rng.choice((0, 0, 1, 2, 5))), "x")
            expected = any(overlaps(edit, other) for other in accepted)
            assert edits.collides(edit) == expected, (edit, accepted)
            if not expected:
                accepted.append(edit)
                edits.add(edit)


def test_special_files_named_like_dockerfiles_are_skipped_never_read(tmp_path):
    import os

    from bot.sources.discovery import find_sources
    from bot.sources.files import read_text
    (tmp_path / "Dockerfile").write_text("FROM alpine\n")
    os.mkfifo(tmp_path / "app.Dockerfile")  # opening it to read would wait for a writer forever
    assert [s.path for s in find_sources(tmp_path)] == ["Dockerfile"]
    with pytest.raises(OSError, match="not a regular file"):
        read_text(tmp_path / "app.Dockerfile")


def test_a_file_larger_than_any_dockerfile_is_one_line(tmp_path):
    from bot.run import process
    (tmp_path / "Dockerfile").write_text("FROM alpine\n" + "RUN apt-get install curl\n" * 500_000)
    config = load_config(tmp_path)
    start = time.perf_counter()
    report = process(tmp_path, config, config.active_rules(), fix=True, write=True)
    assert time.perf_counter() - start < 2
    [error] = report.errors
    assert error.message == "cannot read: larger than 1 MiB, more than any Dockerfile, compose file or workflow needs"
