"""Checking and hardening every Dockerfile of a tree: read, run the engine, write safely.

One broken file never stops the others: it becomes a FileError and the run goes on.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from bot.config import Config
from bot.engine import Hardened, RuleSet, check_text, harden_text
from bot.errors import DockerfileSyntaxError
from bot.model import Finding
from bot.rules import Rule
from bot.sources.discovery import find_dockerfiles
from bot.sources.files import read_text, write_atomic


@dataclass(frozen=True)
class FileError:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class FileResult:
    path: str
    original: str
    hardened: Hardened

    @property
    def changed(self) -> bool:
        return self.hardened.text != self.original


@dataclass(frozen=True)
class RunReport:
    results: tuple[FileResult, ...]
    errors: tuple[FileError, ...]
    wrote: bool  # whether changed files were written


def make_ruleset(config: Config, rules: tuple[Rule, ...]) -> RuleSet:
    enabled = frozenset(rule.code for rule in rules)
    return RuleSet(rules, replace(config.options, enabled=enabled))


def target_files(path: Path, config: Config) -> tuple[Path, list[str]]:
    """(root, relative paths): a directory is searched, a single file is taken as it is."""
    if path.is_file():
        return path.parent, [path.name]
    return path, list(find_dockerfiles(path, config.exclude))


def process(path: Path, config: Config, rules: tuple[Rule, ...], *, fix: bool, write: bool) -> RunReport:
    """Check (fix=False) or harden (fix=True) every Dockerfile under `path`."""
    root, relatives = target_files(path, config)
    ruleset = make_ruleset(config, rules)
    results: list[FileResult] = []
    errors: list[FileError] = []
    for relative in relatives:
        file_path = root / relative
        try:
            text = read_text(file_path)
        except OSError as error:
            errors.append(FileError(relative, 1, f"cannot read: {error.strerror or error}"))
            continue
        try:
            if fix:
                hardened = harden_text(text, relative, ruleset)
            else:
                findings = tuple(check_text(text, relative, ruleset))
                hardened = Hardened(text, findings, findings, ())
        except DockerfileSyntaxError as error:
            errors.append(FileError(relative, error.line, error.reason))
            continue
        result = FileResult(relative, text, hardened)
        if write and result.changed:
            try:
                write_atomic(file_path, hardened.text)
            except OSError as error:
                errors.append(FileError(relative, 1, f"cannot write: {error.strerror or error}"))
                continue
        results.append(result)
    return RunReport(tuple(results), tuple(errors), write)


def needs_a_person(findings: tuple[Finding, ...]) -> list[Finding]:
    return [f for f in findings if not f.fixable]
