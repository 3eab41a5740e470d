"""HB014 — a service image without HEALTHCHECK.

Why: without a health check, a hung process looks healthy to Docker and Compose, and
nothing restarts it.
Applies to final stages that EXPOSE a port (a network service) and set no HEALTHCHECK
(`HEALTHCHECK NONE` counts as a decision). Reported by default: the right probe depends on
the app. With `healthcheck-command` configured, `HEALTHCHECK CMD <command>` is added just
above the first CMD/ENTRYPOINT.
"""
from __future__ import annotations

from collections.abc import Iterator

from bot.dockerfile.layout import append_to_stage, insert_before
from bot.dockerfile.model import Dockerfile
from bot.model.findings import Finding
from bot.rules.base import RuleOptions, finding, own_anchor

CODE = "HB014"
NAME = "healthcheck"
SEVERITY = "info"
KIND = "report"
WHY = "without a health check a hung service looks healthy and is never restarted"


def check(doc: Dockerfile, options: RuleOptions) -> Iterator[Finding]:
    stage = doc.final_stage
    keywords = {inst.keyword for inst in stage.all_instructions()}
    if "EXPOSE" not in keywords or "HEALTHCHECK" in keywords:
        return
    if not options.healthcheck_command:
        yield finding(doc, CODE, stage.from_, "service image without HEALTHCHECK: add one that probes the app")
        return
    line = f"{doc.keyword('HEALTHCHECK')} CMD {options.healthcheck_command}"
    anchor = own_anchor(stage)
    edit = insert_before(doc, anchor, [line]) if anchor else append_to_stage(doc, stage, [line])
    yield finding(doc, CODE, stage.from_, "service image without HEALTHCHECK: add the configured health check", (edit,))
