"""HB013 — OCI image labels (opt-in).

Why: `org.opencontainers.image.source`, `.licenses`, `.vendor` … let scanners, registries
and people trace an image back to its code and owner.
Fix: one `LABEL` line after the final stage's FROM with the configured labels that the
stage does not set yet. Opt-in, and needs `labels:` in the configuration: the values are
the project's own.
"""
from __future__ import annotations

from collections.abc import Iterator

from bot.dockerfile.layout import insert_after
from bot.dockerfile.model import Dockerfile, env_pairs
from bot.model.findings import Finding
from bot.rules.base import RuleOptions, finding

CODE = "HB013"
NAME = "oci-labels"
SEVERITY = "info"
KIND = "opt-in"
WHY = "OCI labels tie an image to its source, licence and owner for scanners and people"


def check(doc: Dockerfile, options: RuleOptions) -> Iterator[Finding]:
    stage = doc.final_stage
    present: set[str] = set()
    for inst in stage.all_instructions():
        if inst.keyword == "LABEL":
            present.update(k.strip("\"'") for k in env_pairs(inst.rest))
    missing = [(k, v) for k, v in options.labels if k not in present]
    if not missing:
        return
    line = doc.keyword("LABEL") + " " + " ".join(f"{k}={_quote(v)}" for k, v in missing)
    yield finding(doc, CODE, stage.from_, f"missing OCI labels: {', '.join(k for k, _ in missing)}",
                  (insert_after(doc, stage.from_, [line]),))


def _quote(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$")
    return f'"{escaped}"'
