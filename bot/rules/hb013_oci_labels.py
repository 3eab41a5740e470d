"""HB013 — OCI image labels (opt-in).

Why: `org.opencontainers.image.source`, `.licenses`, `.vendor` … let scanners, registries
and people trace an image back to its code and owner.
Fix: one `LABEL` line after the final stage's FROM with the configured labels that the
stage does not set yet. Opt-in, and needs `labels:` in the configuration: the values are
the project's own.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from bot.dockerfile.layout import insert_after
from bot.dockerfile.model import Dockerfile, env_pairs
from bot.lazy_regex import lazy_compile
from bot.model.findings import Finding
from bot.rules.base import finding
from bot.rules.options import Option, OptionValueError
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity

CODE = "HB013"
_LABEL_KEY = lazy_compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def _labels(value: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        raise OptionValueError("must map label keys to values")
    labels = []
    for key, text in value.items():
        if not isinstance(key, str) or not _LABEL_KEY.fullmatch(key):
            raise OptionValueError("not a label key (letters, digits, '.', '_' and '-')", entry=key)
        if not isinstance(text, (str, int, float)):
            raise OptionValueError(f"must be a string or a number, not {text!r}", entry=key)
        if "\n" in str(text):
            raise OptionValueError("must be one line", entry=key)
        labels.append((key, str(text)))
    return tuple(labels)


LABELS = Option("labels", "HB013's labels: OCI label keys and their values", (), _labels)


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    stage = doc.final_stage
    present: set[str] = set()
    for inst in stage.all_instructions():
        if inst.keyword == "LABEL":
            present.update(k.strip("\"'") for k in env_pairs(inst.rest))
    missing = [(k, v) for k, v in context.options[LABELS] if k not in present]
    if not missing:
        return
    line = doc.keyword("LABEL") + " " + " ".join(f"{k}={_quote(v)}" for k, v in missing)
    yield finding(doc, CODE, stage.from_, f"missing OCI labels: {', '.join(k for k, _ in missing)}",
                  (insert_after(doc, stage.from_, [line]),))


def _quote(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$")
    return f'"{escaped}"'


RULE = Rule(
    code=CODE,
    name="oci-labels",
    title='OCI image labels',
    severity=Severity.INFO,
    on_by_default=False,
    fix=FixSafety.SAFE,
    scope=Scope.FINAL_STAGE,
    why="OCI labels tie an image to its source, licence and owner for scanners and people",
    example=Example('FROM python:3.12-slim', 'FROM python:3.12-slim\nLABEL org.opencontainers.image.source="https://github.com/acme/shop"'),
    doc=__doc__ or "",
    check=check,
    options=(LABELS,),
    requires=LABELS,
    fix_needs='`labels`',
)
