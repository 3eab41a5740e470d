"""SARIF 2.1.0, as GitHub code scanning takes it: one run, the rule catalogue with help
text, and a result per finding, located in its file relative to the repository root.

What GitHub reads (its "SARIF support for code scanning" page): a region with start and end
line and column; `partialFingerprints` to know a result again in the next run; per rule
`precision`, and `security-severity` for security rules only (it makes every result of the
rule a security alert), `problem.severity` for the others. Our fingerprint hashes the rule,
the path and the instruction's text without its line number, so a result keeps its identity
when lines above it move; GitHub's upload-sarif adds its own `primaryLocationLineHash` from the
file (we never write that key: the action warns when a tool's value differs from its own).
"""
from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_right
from collections import Counter

from bot import __version__
from bot.dockerfile.parser import Instruction, parse
from bot.errors import DockerfileSyntaxError
from bot.model.policies import PolicyState
from bot.model.results import FileResult, RunReport
from bot.record import record
from bot.report.masking import Masker, secret_values
from bot.rules import RULES
from bot.rules.rule import Rule, Severity

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SOURCE_ROOT = "%SRCROOT%"
FINGERPRINT = "hardenbot/v1"  # our key: the version lets the hashed text change without reusing values
_LEVELS = {Severity.HIGH: "error", Severity.MEDIUM: "warning", Severity.LOW: "warning", Severity.INFO: "note"}
_PROBLEM_SEVERITY = {Severity.HIGH: "error", Severity.MEDIUM: "warning", Severity.LOW: "warning",
                     Severity.INFO: "recommendation"}
_SECURITY_SEVERITY = {Severity.HIGH: "8.0", Severity.MEDIUM: "5.0", Severity.LOW: "3.0", Severity.INFO: "1.0"}
# How often a rule's results are right. Every rule reads the file exactly, but several depend on
# what hardenbot decided the file is for (its role), which can be wrong: high, not very-high.
_PRECISION = "high"


@record
class SourceRoot:
    """Where the scanned folder sits: the repository root (a file URI ending in "/") and the
    folder's path below it ("" or "services/api/"), so that every artifact URI is relative to
    the repository root, as code scanning matches them against the files it has."""

    uri: str
    prefix: str = ""


@record
class _Region:
    start_line: int
    start_column: int
    end_line: int
    end_column: int
    text: str  # the located text, normalised: what the fingerprint hashes

    def sarif(self) -> dict:
        return {"startLine": self.start_line, "startColumn": self.start_column,
                "endLine": self.end_line, "endColumn": self.end_column}


def _rule_descriptor(rule: Rule) -> dict:
    properties: dict = {"tags": (["security"] if rule.security else []) + ["dockerfile"], "precision": _PRECISION}
    if rule.security:
        properties["security-severity"] = _SECURITY_SEVERITY[rule.severity]
    else:
        properties["problem.severity"] = _PROBLEM_SEVERITY[rule.severity]
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.why},
        "help": {"text": _help_text(rule), "markdown": _help_markdown(rule)},
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
        "properties": properties,
    }


def _equivalents(rule: Rule) -> str:
    """The same check in other scanners, so a code scanning alert can be matched with theirs."""
    return f"Same check in: {', '.join(rule.equivalents)}." if rule.equivalents else ""


def _help_text(rule: Rule) -> str:
    example = rule.example.bad + (f"\n→\n{rule.example.good}" if rule.example.good else "")
    same = f"\n{_equivalents(rule)}" if rule.equivalents else ""
    return (f"{rule.doc.strip()}\nExample:\n{example}\nFix safety: {rule.fix.value}. Applies to: {rule.scope.value}."
            f"{same}")


def _help_markdown(rule: Rule) -> str:
    example = f"```dockerfile\n{rule.example.bad}\n```"
    if rule.example.good:
        example += f"\n\nbecomes\n\n```dockerfile\n{rule.example.good}\n```"
    same = f" {_equivalents(rule)}" if rule.equivalents else ""
    return (f"{rule.doc.strip()}\n\n**Example**\n\n{example}\n\n"
            f"**Fix safety**: {rule.fix.value}. **Applies to**: {rule.scope.value}.{same}")


class _Located:
    """One file's text, to turn a finding's line into a region: the whole instruction starting
    on that line in a Dockerfile, else the line's content (a compose or workflow scalar)."""

    def __init__(self, text: str, path: str, kind: str):
        self.text = text
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", text)]
        self.body_start = 1 if text.startswith("\ufeff") else 0  # a BOM is not a column
        self.instructions: dict[int, Instruction] = {}
        if kind == "dockerfile":
            try:
                self.instructions = {inst.line: inst for inst in parse(text, path).instructions}
            except DockerfileSyntaxError:
                pass  # a result's text always parsed; if not, lines are still located

    def region(self, line: int) -> _Region:
        inst = self.instructions.get(line)
        if inst is not None:
            words = [inst.keyword, *inst.args.text.split()]
            words += [word for doc in inst.heredocs for word in self.text[doc.body.start:doc.body.end].split()]
            return self._region(inst.span.start, inst.span.end, " ".join(words))
        start = self.line_starts[min(max(line, 1), len(self.line_starts)) - 1]
        start = max(start, self.body_start)
        end = self.text.find("\n", start)
        end = len(self.text) if end < 0 else end
        content = self.text[start:end]
        indent = len(content) - len(content.lstrip())
        content = content.strip()
        if not content:  # nothing to point at: an empty region at the line's start
            return self._region(start, start, "")
        return self._region(start + indent, start + indent + len(content), " ".join(content.split()))

    def _region(self, start: int, end: int, text: str) -> _Region:
        start_line, start_column = self._position(start)
        end_line, end_column = self._position(end, ending=True) if end > start else (start_line, start_column)
        return _Region(start_line, start_column, end_line, end_column, text)

    def _position(self, offset: int, ending: bool = False) -> tuple[int, int]:
        """(1-based line, 1-based column in UTF-16 code units, SARIF's default columnKind);
        an ending offset belongs to the line of the character before it."""
        index = bisect_right(self.line_starts, offset - 1 if ending else offset) - 1
        line_start = max(self.line_starts[index], self.body_start if index == 0 else 0)
        before = self.text[line_start:offset]
        return index + 1, len(before.encode("utf-16-le", errors="surrogatepass")) // 2 + 1


def _fingerprint(rule: str, uri: str, text: str, ordinal: int) -> str:
    """Stable across runs when lines move; `ordinal` tells identical instructions in one file apart."""
    digest = hashlib.sha256("\0".join((rule, uri, text)).encode("utf-8", errors="surrogatepass")).hexdigest()
    return f"{digest[:32]}:{ordinal}"


def _artifact(uri: str) -> dict:
    return {"uri": uri, "uriBaseId": SOURCE_ROOT}


# The policies (bot/policies) as SARIF rules: what each checks, and the security severity code
# scanning sorts by (None: not a security alert, AGPL is a licence matter).
POLICY_RULES = {
    "vulnerabilities-critical": ("fixable critical or high vulnerabilities in the image's packages", "9.0"),
    "high-profile-cves": ("a high-profile, actively exploited CVE in the image's packages", "9.8"),
    "agpl": ("AGPL-licensed packages in the image", None),
    "attestations": ("images pushed without SBOM and provenance attestations", "5.0"),
    "non-root": ("the image runs as root by default", "7.0"),
    "up-to-date-base": ("the base image's digest is behind its tag", "5.0"),
    "approved-base": ("the base image is not one of the approved bases", "5.0"),
}
POLICY_PREFIX = "policy/"


def _policy_level(key: str) -> str:
    security = POLICY_RULES[key][1]
    return "error" if security is not None and float(security) >= 9 else "warning"


def _policy_descriptor(key: str) -> dict:
    text, security = POLICY_RULES[key]
    properties = ({"security-severity": security, "tags": ["security"], "precision": "high"} if security
                  else {"problem.severity": "warning", "tags": ["licence"], "precision": "high"})
    return {"id": POLICY_PREFIX + key, "name": key, "shortDescription": {"text": text},
            "fullDescription": {"text": f"Docker Scout-style policy {key}: fails when {text}."},
            "help": {"text": f"Policy {key} fails when {text}. See docs/policies.md.",
                     "markdown": f"**Policy `{key}`** fails when {text}. See docs/policies.md."},
            "defaultConfiguration": {"level": _policy_level(key)},
            "properties": properties}


def _policy_results(report: RunReport, root: SourceRoot, first_index: int) -> list[dict]:
    """Each policy that fails on an image as it is now (after hardening when it was built
    twice), at the first line of its Dockerfile, with the policy's evidence."""
    keys = list(POLICY_RULES)
    out = []
    for item in report.policies:
        for result in item.after or item.before:
            if result.state is not PolicyState.FAIL or result.policy not in POLICY_RULES:
                continue
            uri = root.prefix + item.path
            evidence = "; ".join([result.summary, *result.details[:5]])
            out.append({
                "ruleId": POLICY_PREFIX + result.policy,
                "ruleIndex": first_index + keys.index(result.policy),
                "level": _policy_level(result.policy),
                "message": {"text": f"policy {result.policy} fails: {evidence}"},
                "locations": [{"physicalLocation": {"artifactLocation": _artifact(uri),
                                                    "region": {"startLine": 1}}}],
                "partialFingerprints": {FINGERPRINT: _fingerprint(result.policy, uri, result.policy, 1)},
            })
    return out


def render(report: RunReport, *, fix: bool, root: SourceRoot | None = None) -> str:
    root = root or SourceRoot(uri="")
    index = {rule.code: i for i, rule in enumerate(RULES)}
    seen: Counter[tuple[str, str, str]] = Counter()
    results = []
    for result in report.results:
        uri = root.prefix + result.path
        results.extend(_results(result, uri, fix, index, seen))
    results.extend(_policy_results(report, root, len(RULES)))
    notifications = [{
        "level": "error",
        "message": {"text": error.message},
        "locations": [{"physicalLocation": {"artifactLocation": _artifact(root.prefix + error.path),
                                            "region": {"startLine": max(error.line, 1)}}}],
    } for error in report.errors]
    run = {
        "tool": {"driver": {"name": "hardenbot", "version": __version__, "semanticVersion": __version__,
                            "rules": [_rule_descriptor(rule) for rule in RULES]
                            + [_policy_descriptor(key) for key in POLICY_RULES]}},
        "originalUriBaseIds": {SOURCE_ROOT: {"uri": root.uri} if root.uri else
                               {"description": {"text": "The repository root."}}},
        "columnKind": "utf16CodeUnits",
        "results": results,
        "invocations": [{"executionSuccessful": not report.errors,
                         "toolExecutionNotifications": notifications}],
    }
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, indent=2, ensure_ascii=False)


def _results(result: FileResult, uri: str, fix: bool, index: dict[str, int],
             seen: Counter[tuple[str, str, str]]) -> list[dict]:
    findings = result.hardened.after if fix else result.hardened.before
    text = result.hardened.text if fix else result.original
    located = _Located(text, result.path, result.kind)
    role = result.hardened.role
    mask = Masker(secret_values((result,)))  # a weak password must not be recoverable from a hash of its line
    out = []
    for found in findings:
        rule = RULES[index[found.rule]]
        region = located.region(found.line)
        hashed = mask(region.text)
        seen[(found.rule, uri, hashed)] += 1
        out.append({
            "ruleId": found.rule,
            "ruleIndex": index[found.rule],
            "level": _LEVELS[rule.severity],
            "message": {"text": found.message + (" (fixable: run `hardenbot fix`)" if found.fixable else "")},
            "locations": [{"physicalLocation": {"artifactLocation": _artifact(uri), "region": region.sarif()}}],
            "partialFingerprints": {FINGERPRINT: _fingerprint(found.rule, uri, hashed,
                                                              seen[(found.rule, uri, hashed)])},
            **({"properties": {"role": role.role.key, "roleReason": role.reason}} if role else {}),
        })
    return out
