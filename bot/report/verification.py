"""How a run's verification reads: one line per file for a terminal, a table row per file
for the pull request, the same fields for JSON."""
from __future__ import annotations

from bot.model.results import RunReport
from bot.model.verification import Build, ImageFacts, StartState, Verdict, Verification

_ABSENT = "—"


def size(facts: ImageFacts | None) -> str:
    return _ABSENT if facts is None else f"{facts.size / 1_000_000:.1f} MB"


def layers(facts: ImageFacts | None) -> str:
    return _ABSENT if facts is None else str(facts.layers)


def user(facts: ImageFacts | None) -> str:
    """The UID a container started with; what the image says when it could not run `id`."""
    if facts is None:
        return _ABSENT
    if facts.uid is not None:
        return str(facts.uid)
    if facts.start_error:
        return f"does not start ({facts.start_error})"
    return f"{facts.user or 'root'} (no `id` in the image)"


def writable(facts: ImageFacts | None) -> str:
    if facts is None:
        return _ABSENT
    folder = facts.workdir or "/"
    return {True: f"yes ({folder})", False: f"no ({folder})", None: f"unknown ({folder})"}[facts.workdir_writable]


def health(facts: ImageFacts | None) -> str:
    return _ABSENT if facts is None else ("declared" if facts.healthcheck else "none")


def start(facts: ImageFacts | None) -> str:
    """What its container did in the start check; why, when it did not start."""
    if facts is None or facts.start is None:
        return _ABSENT
    if facts.start.started:
        return facts.start.state.value
    return f"{facts.start.state.value} ({facts.start.detail})" if facts.start.detail else facts.start.state.value


def held_to_start(verification: Verification) -> bool:
    """Whether the hardened image had to start: only when the original's container did."""
    facts = verification.before.image if verification.before else None
    return facts is not None and facts.start is not None and facts.start.started


def _not_held(verification: Verification) -> str:
    facts = verification.before.image if verification.before else None
    if facts is None or facts.start is None or held_to_start(verification):
        return ""
    if facts.start.state is StartState.SKIPPED:
        return f"; not started: {facts.start.detail}"
    return (f"; the original's container did not start here ({start(facts)}), so the hardened one "
            "was held only to building")


def build(result: Build | None, *, timed: bool = False) -> str:
    """The build's state; with `timed`, its seconds and what the cache gave (a pull request
    body leaves them out: they change from run to run when nothing else does)."""
    if result is None:
        return _ABSENT
    if not result.built or not timed:
        return result.state.value
    cache = f", {result.cached}/{result.steps} steps cached" if result.steps else ""
    return f"built in {result.seconds:.1f} s{cache}"


def pair(before: str, after: str) -> str:
    return before if before == after else f"{before} → {after}"


def outcome(verification: Verification) -> str:
    """One line: the verdict and what it rests on."""
    if verification.verdict is Verdict.EDITS_DROPPED:
        said = [f"the hardened file did not build or start: {verification.failed.failure()}"] \
            if verification.failed else []
        said += [verification.reason] if verification.reason else []  # edits not proven in time
        return f"edits dropped: {', '.join(verification.dropped)} ({'; '.join(said)}){_not_held(verification)}"
    if verification.verdict is Verdict.VERIFIED:
        started = ", and start" if held_to_start(verification) else ""
        return f"verified: the original and the hardened file both build{started}{_not_held(verification)}"
    return f"{verification.verdict.value}: {verification.reason}"


def text_lines(report: RunReport) -> list[str]:
    lines = [f"verify: {report.verify_note}"] if report.verify_note else []
    for item in report.verification:
        lines.append(f"{item.path}: {outcome(item)}")
        if item.before is not None and item.before.built:
            after = item.after.image if item.after else None
            lines.append(f"  size {pair(size(item.before.image), size(after))}; "
                         f"layers {pair(layers(item.before.image), layers(after))}; "
                         f"user {pair(user(item.before.image), user(after))}; "
                         f"workdir writable {pair(writable(item.before.image), writable(after))}; "
                         f"health check {pair(health(item.before.image), health(after))}; "
                         f"start {pair(start(item.before.image), start(after))}")
            lines.append(f"  {item.builds} builds: before {build(item.before, timed=True)}; "
                         f"after {build(item.after, timed=True)}")
    return lines


def _facts_dict(facts: ImageFacts | None) -> dict | None:
    if facts is None:
        return None
    return {"size": facts.size, "layers": facts.layers, "config_user": facts.user, "uid": facts.uid,
            "workdir": facts.workdir, "workdir_writable": facts.workdir_writable,
            "healthcheck": facts.healthcheck, "start_error": facts.start_error or None,
            "start": None if facts.start is None else {"state": facts.start.state.value, "started": facts.start.started,
                                                       "detail": facts.start.detail, "seconds": facts.start.seconds}}


def _build_dict(result: Build | None) -> dict | None:
    if result is None:
        return None
    return {"state": result.state.value, "seconds": round(result.seconds, 2), "steps": result.steps,
            "cached_steps": result.cached, "image": _facts_dict(result.image),
            "log_tail": list(result.log_tail)}


def json_items(report: RunReport) -> list[dict]:
    return [{"path": item.path, "context": item.context, "target": item.target, "verdict": item.verdict.value,
             "reason": item.reason or None, "dropped_rules": list(item.dropped), "builds": item.builds,
             "held_to_start": held_to_start(item),
             "before": _build_dict(item.before), "after": _build_dict(item.after),
             "failed": _build_dict(item.failed)}
            for item in report.verification]
