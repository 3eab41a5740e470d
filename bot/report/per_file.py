"""The report's work on one file, done where the file was checked: on every core, the pool's
workers compute each file's credentials (what masking needs) and, when the run prints one, its
diff, and the main process keeps their answers (`remember`) so that the report finds them
instead of computing them again in one process. The answers are those of the same functions,
so the output is byte for byte that of a one-process run."""
from __future__ import annotations

from bot.dockerfile.secrets import Credential
from bot.model.results import FileResult
from bot.record import record
from bot.report.masking import CREDENTIALS, CredentialsKey
from bot.report.text import DIFFS, DiffKey, diff_key


@record
class FileReportParts:
    """One file's credentials (of its original and hardened texts) and its diff, when asked."""
    credentials: tuple[tuple[CredentialsKey, tuple[Credential, ...]], ...]
    diff: tuple[tuple[DiffKey, str], ...] = ()


def report_parts(result: FileResult, diff: bool) -> FileReportParts:
    keys = dict.fromkeys((text, result.path, result.kind) for text in (result.original, result.hardened.text))
    found = tuple((key, CREDENTIALS(key)) for key in keys)
    if not diff or not result.changed:
        return FileReportParts(found)
    key = diff_key(result)
    return FileReportParts(found, ((key, DIFFS(key)),))


def remember(parts: FileReportParts) -> None:
    """Keep, in this process, what a worker computed for one file."""
    CREDENTIALS.remember(parts.credentials)
    DIFFS.remember(parts.diff)
