"""Credentials a file writes, kept out of every output: the text, JSON and SARIF reports, the
diff of `fix --dry-run` and a fork's suggested diff, the pull request body and the Action's log.

A report quotes the file in two ways, and each is masked its own way:
- lines of the file (a diff): the credentials HB050 and HB051 find are replaced where they are
  written, by their format's prefix and `****` (`ghp_****`), so nothing else on the line moves;
- messages, a build's log tail, an error's excerpt: these hold no offsets, so every value a file
  of the run writes as a credential (4 characters or more, standing alone, and not a documented
  default such as `root`, an ordinary word of the messages) is replaced wherever it appears, and
  any credential of a published format is masked too.
The secret is not the file's to hide (it is in the repository already), but a report travels
further than the repository: a public pull request of a private fork, a CI log, an uploaded SARIF.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.dockerfile.model import Dockerfile
from bot.dockerfile.secrets import MASK, Credential, credentials_in, secret_spans
from bot.errors import DockerfileSyntaxError
from bot.lazy_regex import lazy_compile
from bot.model.findings import FileError, Finding
from bot.model.results import FileResult, RunReport
from bot.report.memo import Memo

if TYPE_CHECKING:  # annotations only: `check`, which builds nothing, never loads the build results
    from bot.model.verification import Build, Verification

SHORTEST_MASKED = 4
# Software's documented default credentials (`MYSQL_ROOT_PASSWORD=root`): nothing to hide, and
# ordinary words of hardenbot's own messages ("final stage runs as root"), which masking them
# everywhere would garble. Where a file writes one, its line is still masked (`=****`).
DEFAULT_CREDENTIALS = frozenset({"root", "admin", "administrator", "password", "passw0rd", "secret", "changeme",
                                 "change-me", "example", "default", "postgres", "mysql", "mariadb", "guest", "test",
                                 "user", "demo", "none", "null", "true", "false", "empty"})
# A file is parsed again (it was for its rules) only when an ENV or ARG could set a credential:
# reading a 1 MiB file of continuation lines twice doubled what a hostile file costs.
_SETS_A_VARIABLE = lazy_compile(r"(?i)\b(?:env|arg)\b")
_CREDENTIAL_WORDS = ("token", "secret", "pass", "pwd", "key", "credential")
_MAY_NAME_A_CREDENTIAL = re.compile(r"(?i)token|secret|pass|pwd|key|credential")  # a shorter value (`ENV DB_PASSWORD=pw`) would mask every `pw` of a message


# A report reads each file's credentials twice (the values to mask, then its diff): kept for
# as many files as a large tree has, but only for files of an ordinary size, so that what the
# memo holds stays small (under 2,048 × 16 KiB) whatever a hostile tree holds. On every core the
# workers compute them where each file was checked (`bot.report.per_file`) and the memo is told.
CACHED_FILES = 2048
CACHED_CHARS = 16 * 1024
CredentialsKey = tuple[str, str, str]  # (text, path, kind)


def credentials(text: str, path: str, kind: str) -> tuple[Credential, ...]:
    """What the file writes as credentials: a Dockerfile's by format and by ENV/ARG name (by
    format alone when it does not parse); any other file's by format."""
    return CREDENTIALS((text, path, kind))


def _credentials(key: CredentialsKey) -> tuple[Credential, ...]:
    text, path, kind = key
    if kind == "dockerfile" and _may_name_a_credential(text) and _SETS_A_VARIABLE.search(text):
        try:
            return tuple(secret_spans(Dockerfile.parse(text, path)))
        except DockerfileSyntaxError:
            pass
    return tuple(credentials_in(text))


def _may_name_a_credential(text: str) -> bool:
    """Whether a credential's name may be written in `text`: its words looked for in the
    lower-cased text (the case-blind pattern, which no literal prefix speeds up, took 22 µs a
    file); the pattern only for a text beyond ASCII, where letters such as the Kelvin sign or a
    dotless i match case-blind what lower-casing does not give."""
    lowered = text.lower()
    if any(word in lowered for word in _CREDENTIAL_WORDS):
        return True
    return not text.isascii() and _MAY_NAME_A_CREDENTIAL.search(text) is not None


CREDENTIALS: Memo[CredentialsKey, tuple[Credential, ...]] = Memo(_credentials, CACHED_FILES,
                                                                 lambda key: len(key[0]) <= CACHED_CHARS)


def masked_text(text: str, path: str, kind: str) -> str:
    """`text` with each credential replaced by what may be shown of it."""
    out, at = [], 0
    for credential in credentials(text, path, kind):
        out += [text[at:credential.span.start], credential.shown]
        at = credential.span.end
    return "".join(out) + text[at:]


def secret_values(results: tuple[FileResult, ...]) -> frozenset[str]:
    """Every credential the results' files write, as written and line by line (a private key's)."""
    values: set[str] = set()
    for result in results:
        for text in {result.original, result.hardened.text}:
            for credential in credentials(text, result.path, result.kind):
                written = text[credential.span.start:credential.span.end]
                values.update(line.strip() for line in [written, *written.splitlines()])
    return frozenset(v for v in values if len(v) >= SHORTEST_MASKED and v.lower() not in DEFAULT_CREDENTIALS)


class Masker:
    """Masks a run's credential values, and any of a published format, in free text."""

    def __init__(self, values: frozenset[str]):
        alternatives = "|".join(re.escape(v) for v in sorted(values, key=len, reverse=True))
        self._values = re.compile(rf"(?<![A-Za-z0-9_])(?:{alternatives})(?![A-Za-z0-9_])") if values else None

    def __call__(self, text: str) -> str:
        text = masked_text(text, "", "text")
        return self._values.sub(MASK, text) if self._values is not None else text


def masked_report(report: RunReport) -> RunReport:
    """The report with every message, error and build log masked; the files' texts are left as
    they are (they are written back to disk; the diff masks its own lines)."""
    mask = Masker(secret_values(report.results))
    results = tuple(_masked_result(r, mask) for r in report.results)
    errors = tuple(FileError(e.path, e.line, mask(e.message)) for e in report.errors)
    verification = tuple(_verification(v, mask) for v in report.verification)
    return replace(report, results=results, errors=errors, verification=verification,
                   verify_note=mask(report.verify_note))


def _masked_result(result: FileResult, mask: Masker) -> FileResult:
    hardened = result.hardened
    before, after, applied = (_findings(found, mask) for found in (hardened.before, hardened.after, hardened.applied))
    if before is hardened.before and after is hardened.after and applied is hardened.applied:
        return result  # nothing to mask, as in most files: not copied
    return replace(result, hardened=replace(hardened, before=before, after=after, applied=applied))


def _findings(findings: tuple[Finding, ...], mask: Masker) -> tuple[Finding, ...]:
    """The findings with their messages masked; the very tuple given when no message changes."""
    masked = tuple(f if (shown := mask(f.message)) == f.message else replace(f, message=shown) for f in findings)
    return findings if all(new is old for new, old in zip(masked, findings, strict=True)) else masked


def _verification(item: Verification, mask: Masker) -> Verification:
    def build(result: Build | None) -> Build | None:
        return replace(result, log_tail=tuple(mask(line) for line in result.log_tail)) if result else None

    return replace(item, before=build(item.before), after=build(item.after), failed=build(item.failed),
                   reason=mask(item.reason), unproven=tuple((code, mask(why)) for code, why in item.unproven))
