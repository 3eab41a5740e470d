"""HB014's derived health check: input/expected pairs under tests/fixtures/HB014/derived/
(hardened with HB014 alone, as under `fix --verify`), the contract over them, the proof on
fake start checks, and the verifier keeping or dropping the edit by it. Real builds are in
test_healthcheck_real.py."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest

from bot.config import Config, load_config
from bot.engine import harden_text
from bot.model.proof import ProofEvidence
from bot.model.verification import Build, BuildState, ImageFacts, StartCheck, StartState, Verdict
from bot.model.verify_settings import VerifySettings
from bot.report.markdown import render_body
from bot.rules import RULES_BY_CODE
from bot.rules.hb014_healthcheck import became_healthy
from bot.rules.rule import FixSafety
from bot.run import make_ruleset, process
from bot.verify.docker import BuildResult
from bot.verify.verifier import Verifier
from tests.contract import assert_contract
from tests.helpers import SERVICE_BY_DEFAULT, assert_fixture_pair, read

DERIVED = Path(__file__).parent / "fixtures" / "HB014" / "derived"
CASES = sorted(DERIVED.glob("*.in.Dockerfile"))


def proving_ruleset(case: Path, proving: bool = True):
    config_file = case.with_name(case.name.split(".in.", 1)[0] + ".config.yml")
    config = load_config(case.parent, config_file) if config_file.exists() else Config()
    config = replace(config, roles=SERVICE_BY_DEFAULT)
    return make_ruleset(config, config.active_rules(select={"HB014"}), proving=proving)


def _findings_text(findings) -> str:
    return "".join(f"{f.line} {f.rule} {'fixable' if f.fixable else 'report'}: {f.message}\n"
                   for f in sorted(findings, key=lambda f: (f.line, f.rule)))


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name.split(".in.", 1)[0])
def test_derived_pair(case: Path) -> None:
    assert_fixture_pair(case, lambda text: harden_text(text, case.name, proving_ruleset(case)),
                        _findings_text)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name.split(".in.", 1)[0])
def test_derived_output_keeps_the_contract(case: Path) -> None:
    """Both oracle parsers read the output as ours does; untouched lines stay; a second run is a no-op."""
    assert_contract(read(case), case.name, proving_ruleset(case))


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name.split(".in.", 1)[0])
def test_without_verify_nothing_is_derived(case: Path) -> None:
    text = read(case)
    hardened = harden_text(text, case.name, proving_ruleset(case, proving=False))
    configured = case.with_name(case.name.split(".in.", 1)[0] + ".config.yml").exists()
    assert (hardened.text != text) == configured
    assert all(f.configured == configured for f in hardened.applied)


# -- the proof: the hardened container, running its own command, became healthy --
def _evidence(start: StartCheck | None, built: bool = True) -> ProofEvidence:
    facts = ImageFacts(100, 3, "", 0, "/", True, start is not None, start=start)
    after = Build(BuildState.BUILT, 1.0, facts) if built else Build(BuildState.FAILED, 1.0)
    return ProofEvidence("Dockerfile", Build(BuildState.BUILT, 1.0, replace(facts, healthcheck=False)), after)


@pytest.mark.parametrize(("start", "reason"), [
    (StartCheck(StartState.HEALTHY, "", 2.0), None),
    (StartCheck(StartState.UNHEALTHY, "probe failed 3 times: Connection refused", 9.0),
     "the container did not become healthy: probe failed 3 times: Connection refused"),
    (StartCheck(StartState.SKIPPED, "it links to a service (db)"), "the start check was skipped: it links to a service (db)"),
    (StartCheck(StartState.FAILED, "exit code 1: ModuleNotFoundError"),
     "the container did not start: exit code 1: ModuleNotFoundError"),
    (StartCheck(StartState.RUNNING), "the container was running, never reported healthy"),
    (StartCheck(StartState.EXITED, "exit code 0"), "the container was exited as expected, never reported healthy: exit code 0"),
    (None, "the hardened container was not started, so its health check was never seen to pass"),
])
def test_the_proof_holds_only_when_the_container_became_healthy(start, reason):
    assert became_healthy(_evidence(start)) == reason


def test_the_proof_does_not_hold_without_a_built_image():
    assert became_healthy(_evidence(StartCheck(StartState.HEALTHY), built=False)) is not None


# -- the verifier, on an engine that builds anything and starts each image as told --
PYTHON_SERVICE = 'FROM python:3.12-slim\nCOPY app.py /app.py\nEXPOSE 8000\nCMD ["python", "/app.py"]\n'


@dataclass
class HealthEngine:
    """Builds every text but `poison`; a container of an image with a HEALTHCHECK ends
    `health`, one without ends `plain`."""
    health: StartState = StartState.HEALTHY
    plain: StartState = StartState.RUNNING
    poison: str = "\0"
    texts: dict[str, str] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)

    def build(self, text, dockerfile, context, target, *, network, timeout, ignore):
        if self.poison in text:
            return BuildResult(Build(BuildState.FAILED, 0.1, log_tail=("no such file", "exit code 1")), None)
        image = f"sha256:{len(self.texts) + 1:064d}"
        self.texts[image] = text
        return BuildResult(Build(BuildState.BUILT, 0.1, steps=3), image)

    def inspect(self, image_id, probe_seconds=30):
        declared = "HEALTHCHECK" in self.texts[image_id]
        start = StartCheck(self.health if declared else self.plain, "probe: connection refused", 3.0)
        return ImageFacts(100, 3, "", 0, "/", True, declared, start=start)

    def remove(self, image_ids):
        self.removed.extend(image_ids)

    def cache_records(self):
        return frozenset()

    def prune_cache(self, record_ids):
        pass


def harden_service(root: Path, engine: HealthEngine, config: Config | None = None):
    (root / "svc").mkdir()
    (root / "svc/Dockerfile").write_text(PYTHON_SERVICE)
    (root / "svc/app.py").write_text("print()\n")
    config = config or Config()
    config = replace(config, roles=SERVICE_BY_DEFAULT)
    verifier = Verifier(engine, VerifySettings())  # the catalogue's own proofs
    return process(root, config, config.active_rules(), fix=True, write=True, verifier=verifier)


def _note(report, code: str = "HB014") -> str:
    [note] = [f for f in report.results[0].hardened.after if f.rule == code and f.message.startswith("not changed")]
    return note.message


def test_a_derived_health_check_that_turns_healthy_is_kept(tmp_path):
    report = harden_service(tmp_path, HealthEngine(StartState.HEALTHY))
    [item] = report.verification
    written = (tmp_path / "svc/Dockerfile").read_text()
    assert item.verdict is Verdict.VERIFIED and item.after.image.start.state is StartState.HEALTHY
    assert 'HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["python3", "-c"' in written
    assert "USER 10001:10001" in written  # the other rules' edits too
    body = render_body(report, [])
    assert "Proven fix: kept because the built image showed it" in body


def test_a_derived_health_check_that_never_turns_healthy_is_dropped_the_rest_kept(tmp_path):
    """The original runs and the hardened container ends unhealthy: the start check already
    calls that a start turned into a failure, and the edit to blame is HB014's."""
    report = harden_service(tmp_path, HealthEngine(StartState.UNHEALTHY))
    [item] = report.verification
    written = (tmp_path / "svc/Dockerfile").read_text()
    assert item.verdict is Verdict.EDITS_DROPPED and item.dropped == ("HB014",)
    assert "HEALTHCHECK" not in written and "USER 10001:10001" in written
    assert "unhealthy: probe: connection refused" in _note(report)


@pytest.mark.parametrize(("state", "reason"), [
    (StartState.FAILED, "the container did not start: probe: connection refused"),
    (StartState.SKIPPED, "the start check was skipped: probe: connection refused"),
])
def test_a_derived_health_check_never_seen_to_pass_is_dropped_by_its_proof(tmp_path, state, reason):
    """The original does not start either (or no container was started): nothing holds the
    hardened image to a start, and the proof alone keeps the health check out."""
    report = harden_service(tmp_path, HealthEngine(health=state, plain=state))
    [item] = report.verification
    written = (tmp_path / "svc/Dockerfile").read_text()
    assert item.verdict is Verdict.EDITS_DROPPED and item.dropped == ("HB014",) and item.unproven == (("HB014", reason),)
    assert "HEALTHCHECK" not in written and "USER 10001:10001" in written
    assert _note(report) == f"not changed: not proven ({reason}); the edit was dropped"


def _configured(tmp_path: Path) -> Config:
    (tmp_path / "hardenbot.yml").write_text("healthcheck-command: curl -fsS http://localhost:8000/healthz || exit 1\n")
    return load_config(tmp_path, tmp_path / "hardenbot.yml")


@pytest.mark.parametrize("state", [StartState.SKIPPED, StartState.FAILED])
def test_a_configured_command_is_not_held_to_the_proof(tmp_path, state):
    report = harden_service(tmp_path, HealthEngine(health=state, plain=state), _configured(tmp_path))
    [item] = report.verification
    assert item.verdict is Verdict.VERIFIED and item.unproven == ()
    assert "HEALTHCHECK CMD curl -fsS http://localhost:8000/healthz || exit 1\n" in (tmp_path / "svc/Dockerfile").read_text()
    body = render_body(report, [])
    assert "Configured fix (the configuration spells it out; not held to a proof)" in body
    assert "Proven fix" not in body


def test_a_configured_command_is_held_to_the_start_like_every_edit(tmp_path):
    """A configured probe that leaves a running service unhealthy (curl missing from a slim
    image) turns its start into a failure: dropped, as any edit that breaks the start."""
    report = harden_service(tmp_path, HealthEngine(StartState.UNHEALTHY), _configured(tmp_path))
    [item] = report.verification
    assert item.verdict is Verdict.EDITS_DROPPED and item.dropped == ("HB014",) and item.unproven == ()
    assert "HEALTHCHECK" not in (tmp_path / "svc/Dockerfile").read_text()
    assert "unhealthy" in _note(report)


def test_a_configured_command_stays_on_a_file_no_build_could_prove(tmp_path):
    report = harden_service(tmp_path, HealthEngine(poison="COPY app.py"), _configured(tmp_path))
    [item] = report.verification
    assert item.verdict is Verdict.NOT_VERIFIED
    assert "HEALTHCHECK CMD curl" in (tmp_path / "svc/Dockerfile").read_text()


def test_a_derived_health_check_on_a_file_no_build_could_prove_is_dropped_unbuilt(tmp_path):
    report = harden_service(tmp_path, HealthEngine(poison="COPY app.py"))
    [item] = report.verification
    written = (tmp_path / "svc/Dockerfile").read_text()
    assert item.verdict is Verdict.NOT_VERIFIED and "HEALTHCHECK" not in written and "USER 10001:10001" in written
    assert _note(report).startswith("not changed: not proven (could not build the original here")


# -- the record: one rule, a proven fix and a configured one, described honestly --
def test_the_rule_is_a_proven_fix_with_a_configured_alternative():
    rule = RULES_BY_CODE["HB014"]
    assert rule.fix is FixSafety.PROVEN and rule.proof is became_healthy
    assert rule.action == "proven fix (with `--verify`; reported without), or auto-fix with `healthcheck-command`"


def test_a_configured_fix_belongs_to_a_proven_rule_and_its_own_options():
    rule = RULES_BY_CODE["HB014"]
    with pytest.raises(TypeError, match="HB014: a configured fix is one of a proven rule's own options"):
        replace(rule, options=())
    with pytest.raises(TypeError, match="HB014: a configured fix"):
        replace(rule, fix=FixSafety.UNSAFE, proof=None)
