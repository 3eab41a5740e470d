"""An OSV record (the JSON `GET /v1/vulns/{id}` returns, schema 1.x) → what the policies need
about it for one installed package: its severity and whether a fixed version exists.

Severity, first that speaks: a CVSS v3 vector in `severity` (scored by `cvss.py`); a word in
`database_specific.severity` (GitHub's advisories: CRITICAL, HIGH, MODERATE, LOW) or in the
package's `ecosystem_specific.severity`; Ubuntu's priority (`severity` of type Ubuntu). Debian
and Alpine records carry none: the client then reads the CVE record they alias (`upstream` or
`aliases`), as OSV holds NVD's scores there.
Fixable: the affected entry for the package's ecosystem and name has a range with a `fixed`
event (the first one is shown).
`readable` says whether a record has, where it has them, the types these readers expect: a
record from the disk cache or from a server is read only then.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from bot.model.policies import Vulnerability, VulnSeverity
from bot.osv.cvss import band, base_score

_WORDS = {"critical": VulnSeverity.CRITICAL, "high": VulnSeverity.HIGH, "important": VulnSeverity.HIGH,
          "moderate": VulnSeverity.MEDIUM, "medium": VulnSeverity.MEDIUM, "low": VulnSeverity.LOW,
          "negligible": VulnSeverity.LOW}
CVE = re.compile(r"^CVE-\d{4}-\d{4,}$")


def readable(record: object) -> bool:
    """Whether every field these readers use is absent, null or of the type OSV's schema gives
    it, so reading the record can neither raise nor read a string as a list."""
    return (isinstance(record, dict) and _is(record, "id", str) and _is(record, "summary", str)
            and _is(record, "database_specific", dict)
            and _each(record.get("upstream"), _text) and _each(record.get("aliases"), _text)
            and _each(record.get("severity"), _severity_entry) and _each(record.get("affected"), _affected))


def _is(mapping: dict, key: str, kind: type) -> bool:
    return mapping.get(key) is None or isinstance(mapping[key], kind)


def _each(value: object, check: Callable[[object], bool]) -> bool:
    return value is None or (isinstance(value, list) and all(check(item) for item in value))


def _text(value: object) -> bool:
    return isinstance(value, str)


def _severity_entry(entry: object) -> bool:
    return isinstance(entry, dict) and _is(entry, "type", str) and _is(entry, "score", str)


def _affected(affected: object) -> bool:
    if not isinstance(affected, dict) or not _is(affected, "ecosystem_specific", dict) or not _is(affected, "package", dict):
        return False
    package = affected.get("package") or {}
    return _is(package, "ecosystem", str) and _is(package, "name", str) and _each(affected.get("ranges"), _range)


def _range(span: object) -> bool:
    return isinstance(span, dict) and _each(span.get("events"), _event)


def _event(event: object) -> bool:
    return isinstance(event, dict) and _is(event, "fixed", str)


def severity(record: dict) -> tuple[VulnSeverity, float | None]:
    """(band, CVSS v3 base score or None); UNKNOWN when the record gives nothing readable."""
    for entry in record.get("severity") or []:
        if isinstance(entry, dict) and str(entry.get("type", "")).startswith("CVSS_V3"):
            score = base_score(str(entry.get("score", "")))
            if score is not None:
                return band(score), score
    words = [(record.get("database_specific") or {}).get("severity")]
    words += [(a.get("ecosystem_specific") or {}).get("severity") for a in record.get("affected") or []
              if isinstance(a, dict)]
    words += [e.get("score") for e in record.get("severity") or [] if isinstance(e, dict) and e.get("type") == "Ubuntu"]
    for word in words:
        if isinstance(word, str) and word.strip().lower() in _WORDS:
            return _WORDS[word.strip().lower()], None
    return VulnSeverity.UNKNOWN, None


def upstream_cves(record: dict) -> list[str]:
    """The CVE ids a distribution's record stands for, where its severity may be found."""
    named = [*(record.get("upstream") or []), *(record.get("aliases") or [])]
    if CVE.match(record.get("id") or ""):
        return []
    return [name for name in dict.fromkeys(named) if isinstance(name, str) and CVE.match(name)]


def fixed_in(record: dict, ecosystem: str, name: str) -> str:
    for affected in record.get("affected") or []:
        if not isinstance(affected, dict):
            continue
        package = affected.get("package") or {}
        if package.get("ecosystem") != ecosystem or _normal(package.get("name") or "", ecosystem) != _normal(name, ecosystem):
            continue
        for span in affected.get("ranges") or []:
            for event in span.get("events") or []:
                if isinstance(event, dict) and event.get("fixed"):
                    return str(event["fixed"])
    return ""


def _normal(name: str, ecosystem: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower() if ecosystem == "PyPI" else name


def vulnerability(record: dict, ecosystem: str, name: str,
                  fallback: tuple[VulnSeverity, float | None] | None = None) -> Vulnerability:
    """The record as it concerns one package; `fallback` is the severity of the CVE it aliases,
    used when the record has none of its own."""
    rated, score = severity(record)
    if rated is VulnSeverity.UNKNOWN and fallback is not None:
        rated, score = fallback
    aliases = tuple(dict.fromkeys(a for a in [*(record.get("aliases") or []), *(record.get("upstream") or [])]
                                  if isinstance(a, str)))
    return Vulnerability(str(record.get("id") or ""), aliases, rated, score, fixed_in(record, ecosystem, name),
                         str(record.get("summary") or "")[:200])
