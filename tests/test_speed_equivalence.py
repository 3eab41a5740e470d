"""What makes a run faster never changes what it finds or writes: over every Dockerfile of the
corpora (the real-world ones the review bench reads and the rule fixtures), the fast path's
report equals the plain one's, finding for finding and byte for byte."""
from __future__ import annotations

from pathlib import Path

import pytest

import bot.dockerfile.shell as shell
from bot.config import load_config
from bot.run import process_texts
from bot.sources import build_context, kind_of
from bot.sources.discovery import SourceFile
from bot.sources.dockerfile import KIND as DOCKERFILE
from bot.sources.files import read_text

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT / "bench" / "realworld", ROOT / "bench" / "realworld2", ROOT / "bench" / "realworld3", ROOT / "bench" / "realworld4", ROOT / "bench" / "realworld5",
           ROOT / "tests" / "fixtures"]


def _corpus() -> dict[SourceFile, str]:
    texts = {}
    for corpus in CORPORA:
        for path in sorted(corpus.rglob("*")):
            if path.is_file() and not path.is_symlink() and "dockerfile" in path.name.lower():
                relative = path.relative_to(ROOT).as_posix()
                texts[SourceFile(relative, kind_of(path.name) or DOCKERFILE)] = read_text(path)
    return texts


@pytest.fixture(scope="module")
def corpus() -> dict[SourceFile, str]:
    texts = _corpus()
    assert len(texts) > 500
    return texts


def test_cached_script_tokens_change_no_finding(corpus, monkeypatch):
    config = load_config(Path("/nonexistent"))
    rules = config.active_rules()
    shell._tokenize_cached.cache_clear()
    cached = process_texts(corpus, config, rules, fix=True)
    assert shell._tokenize_cached.cache_info().hits > 0  # unchanged lines are read again after a fix
    monkeypatch.setattr(shell, "_tokenize", shell._tokenize_uncached)
    plain = process_texts(corpus, config, rules, fix=True)
    assert len(plain.results) > 500
    assert cached == plain


def test_a_long_script_is_not_kept():
    shell._tokenize_cached.cache_clear()
    shell.split_commands("echo " + "x" * (shell._CACHED_SCRIPT_CHARS + 1))
    shell.split_commands("echo short")
    assert shell._tokenize_cached.cache_info().currsize == 1


def test_contexts_are_walked_when_first_asked_for_and_once(tmp_path, monkeypatch):
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / ".env").write_text("X=1\n")
    walked = []
    original = build_context._list
    monkeypatch.setattr(build_context, "_list", lambda root, folder: walked.append(folder) or original(root, folder))
    listings = build_context.ContextListings(tmp_path, {"a/Dockerfile": "a", "b/Dockerfile": "b", "c/Dockerfile": "a"})
    assert listings and walked == []  # `contexts or {}` walks nothing
    assert listings.get("a/Dockerfile").found == (".env",) and listings["c/Dockerfile"].shared_by == 2
    assert walked == ["a"]
    assert dict(listings) == build_context.list_contexts(tmp_path, {"a/Dockerfile": "a", "b/Dockerfile": "b",
                                                                    "c/Dockerfile": "a"})
