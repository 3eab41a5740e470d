"""The verifier's decisions, against an engine that builds by rule: which edits are blamed and
dropped, what is kept, what is skipped. Real builds are in test_verify_real.py."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bot.config import Config, load_config
from bot.errors import ConfigError
from bot.model.verification import Build, BuildState, ImageFacts, Verdict
from bot.model.verify_settings import VerifySettings
from bot.report import json_report
from bot.report.markdown import render_body
from bot.run import process
from bot.verify.docker import BuildResult, EngineUnavailable, _step_counts, _tail
from bot.verify.verifier import Verifier

SERVICE = ('FROM debian:12\nADD app.sh /app.sh\nRUN apt-get update && apt-get install -y curl\n'
           'CMD ["/app.sh"]\n')


@dataclass
class RuleBuilder:
    """Builds any text without a poison; the image runs as the UID of its last USER line."""
    poisons: tuple[str, ...] = ()
    unstartable: tuple[str, ...] = ()  # texts whose container does not start
    log: tuple[str, ...] = ("/bin/sh: useradd: not found", "exit code 127")
    built: list[str] = field(default_factory=list)
    ignores: list[bytes | None] = field(default_factory=list)  # each build's <name>.dockerignore
    removed: list[str] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)

    def build(self, text, dockerfile, context, target, *, network, timeout, ignore):
        self.built.append(text)
        self.ignores.append(ignore)
        if any(poison in text for poison in self.poisons):
            return BuildResult(Build(BuildState.FAILED, 0.1, log_tail=self.log), None)
        image = f"sha256:{len(self.built):064d}"
        self.texts[image] = text
        return BuildResult(Build(BuildState.BUILT, 0.1, steps=3, cached=1), image)

    def inspect(self, image_id, probe_seconds=30):
        text = self.texts[image_id]
        users = [line.split()[1] for line in text.splitlines() if line.startswith("USER ")]
        user = users[-1] if users else ""
        start_error = "unable to find user" if any(u in text for u in self.unstartable) else ""
        return ImageFacts(100, 3, user, int(user.split(":")[0]) if user else 0, "/", True, False, start_error)

    def remove(self, image_ids):
        self.removed.extend(image_ids)

    def cache_records(self):
        return frozenset()

    def prune_cache(self, record_ids):
        pass


# The script SERVICE's container starts: it only starts its program, so HB001 may set a USER (it
# reads the script first).
APP = "#!/bin/sh\nexec sleep infinity\n"


def repo(tmp_path: Path, files: dict[str, str]) -> Path:
    """`files` under tmp_path; beside each Dockerfile that copies app.sh, the app.sh SERVICE
    starts, unless `files` gives one."""
    scripts = {f"{name.rpartition('/')[0]}/app.sh".lstrip("/"): APP for name, text in files.items()
               if name.rsplit("/", 1)[-1] == "Dockerfile" and "app.sh /app.sh" in text}
    for name, text in {**scripts, **files}.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    return tmp_path


def harden(root: Path, engine: RuleBuilder, settings: VerifySettings | None = None, clock=None):
    config = Config()
    verifier = Verifier(engine, settings or VerifySettings(), **({"clock": clock} if clock else {}))
    return process(root, config, config.active_rules(), fix=True, write=True, verifier=verifier)


def test_edits_that_build_are_verified_and_written(tmp_path):
    root = repo(tmp_path, {"svc/Dockerfile": SERVICE, "svc/app.sh": "echo\n"})
    engine = RuleBuilder()
    report = harden(root, engine)
    [item] = report.verification
    assert item.verdict is Verdict.VERIFIED and item.builds == 2 and item.context == "svc"
    assert item.before.image.uid == 0 and item.after.image.uid == 10001
    assert "USER 10001:10001" in (root / "svc/Dockerfile").read_text()
    assert sorted(engine.removed) == sorted(engine.texts)  # every image built is removed


def test_the_edit_that_breaks_the_build_is_dropped_and_the_rest_kept(tmp_path):
    root = repo(tmp_path, {"svc/Dockerfile": SERVICE})
    engine = RuleBuilder(poisons=("useradd",))
    report = harden(root, engine)
    [item] = report.verification
    assert item.verdict is Verdict.EDITS_DROPPED and item.dropped == ("HB001",)
    # cheapest first: HB001's edit comes last in the file, so it is the first tried
    assert item.builds == 3
    written = (root / "svc/Dockerfile").read_text()
    assert "useradd" not in written and "COPY app.sh" in written and "--no-install-recommends" in written
    [result] = report.results
    assert {f.rule for f in result.hardened.applied} == {"DL3009", "DL3015", "DL3020"}
    [note] = [f for f in result.hardened.after if f.rule == "HB001"]
    assert note.message.startswith("not changed: with this edit the image did not build (")
    assert "useradd: not found" in note.message


def test_two_edits_to_blame_are_both_dropped_and_no_more(tmp_path):
    root = repo(tmp_path, {"svc/Dockerfile": SERVICE})
    report = harden(root, RuleBuilder(poisons=("useradd", "--no-install-recommends")))
    [item] = report.verification
    assert item.dropped == ("DL3015", "HB001")
    written = (root / "svc/Dockerfile").read_text()
    assert "COPY app.sh" in written and "rm -rf /var/lib/apt/lists/*" in written
    assert "--no-install-recommends" not in written and "useradd" not in written


def test_a_container_that_no_longer_starts_counts_as_broken(tmp_path):
    root = repo(tmp_path, {"svc/Dockerfile": SERVICE})
    report = harden(root, RuleBuilder(unstartable=("USER 10001",)))
    [item] = report.verification
    assert item.verdict is Verdict.EDITS_DROPPED and item.dropped == ("HB001",)
    assert "did not start" in report.results[0].hardened.after[-1].message


def test_an_original_that_does_not_build_keeps_its_edits_unverified(tmp_path):
    root = repo(tmp_path, {"svc/Dockerfile": SERVICE})
    engine = RuleBuilder(poisons=("apt-get",))
    report = harden(root, engine)
    [item] = report.verification
    assert item.verdict is Verdict.NOT_VERIFIED and item.builds == 1 and item.after is None
    assert item.reason.startswith("could not build the original here (/bin/sh: useradd: not found, exit code 127")
    assert "USER 10001:10001" in (root / "svc/Dockerfile").read_text()


def test_beyond_max_images_files_are_listed_as_skipped(tmp_path):
    root = repo(tmp_path, {"a/Dockerfile": SERVICE, "b/Dockerfile": SERVICE})
    report = harden(root, RuleBuilder(), VerifySettings(max_images=1))
    assert [(v.path, v.verdict) for v in report.verification] == [("a/Dockerfile", Verdict.VERIFIED),
                                                                  ("b/Dockerfile", Verdict.SKIPPED)]
    assert "verify-max-images (1)" in report.verification[1].reason


def test_compose_context_and_target_are_the_build_plan(tmp_path):
    dockerfile = "FROM debian:12 AS runtime\nADD a /a\nCMD [\"/a\"]\nFROM runtime AS debug\nRUN false\n"
    root = repo(tmp_path, {"docker/Dockerfile": dockerfile,
                           "compose.yaml": "services:\n  web:\n    build:\n      context: .\n"
                                           "      dockerfile: docker/Dockerfile\n      target: runtime\n"})
    report = harden(root, RuleBuilder())
    [item] = report.verification
    assert (item.context, item.target, item.verdict) == (".", "runtime", Verdict.VERIFIED)


def test_reports_carry_the_evidence(tmp_path):
    root = repo(tmp_path, {"svc/Dockerfile": SERVICE})
    engine = RuleBuilder(poisons=("useradd",), log=("weird ```` output <!-- x", "exit code 1"))
    report = harden(root, engine)
    body = render_body(report, [])
    assert "### Verification" in body
    assert "- **Verification**: 1 changed Dockerfile: 1 with edits dropped (HB001)\n" in body
    assert "| `svc/Dockerfile` | edits dropped (HB001) | built | 0.0 MB | 0 |" in body
    assert "`````text\nweird ```` output <!-- x\nexit code 1\n`````" in body  # a longer fence
    assert " s," not in body.split("### Verification")[1]  # no seconds: the body stays the same run to run
    data = json_report.render(report, fix=True)
    assert '"verdict": "edits dropped"' in data and '"dropped_rules": [\n        "HB001"\n      ]' in data


@pytest.mark.parametrize("content, message", [
    ("verify: yes\n", "verify: must be a mapping"),
    ("verify:\n  network: maybe\n", ":2: verify.network: must be true or false"),
    ("verify:\n  timeout: 0\n", ":2: verify.timeout: must be a whole number from 1 to 86400"),
    ("verify:\n  jobs: 2\n  colour: red\n", ":3: verify: unknown key 'colour'"),
])
def test_verify_configuration_errors_name_the_line(tmp_path, content, message):
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github/hardenbot.yml").write_text(content)
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_config(tmp_path)


def test_verify_configuration_values(tmp_path):
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github/hardenbot.yml").write_text("verify:\n  network: true\n  timeout: 30\n  max-images: 5\n")
    assert load_config(tmp_path).verify == VerifySettings(network=True, timeout=30, max_images=5, jobs=2)


PLAIN_LOG = """#5 [2/4] RUN echo hi > /x
#5 CACHED

#6 [builder 3/4] RUN useradd app
#6 0.046 useradd: group 'app' does not exist
#6 ERROR: executor failed running [/bin/sh -c useradd app]: exit code: 6
------
 > [builder 3/4] RUN useradd app:
------
"""


def test_buildkit_plain_progress_is_read():
    assert _step_counts(PLAIN_LOG) == (2, 1)
    assert _tail(PLAIN_LOG) == ("useradd: group 'app' does not exist", "exit code 6")
    assert _tail("failed to solve: dockerfile parse error line 3: unknown instruction: BOGUS\n") == (
        "failed to solve: dockerfile parse error line 3: unknown instruction: BOGUS",)


def test_an_engine_that_fails_mid_run_leaves_the_edits_unverified_and_the_others_go_on(tmp_path):
    class Flaky(RuleBuilder):
        def inspect(self, image_id, probe_seconds=30):
            if "a/" in str(self.last):
                raise EngineUnavailable("cannot inspect image x: the engine gave no answer it could read")
            return super().inspect(image_id)

        def build(self, text, dockerfile, context, target, **limits):
            self.last = dockerfile
            return super().build(text, dockerfile, context, target, **limits)

    root = repo(tmp_path, {"a/Dockerfile": SERVICE, "b/Dockerfile": SERVICE})
    report = harden(root, Flaky(), VerifySettings(jobs=1))
    assert [(v.path, v.verdict) for v in report.verification] == [("a/Dockerfile", Verdict.NOT_VERIFIED),
                                                                  ("b/Dockerfile", Verdict.VERIFIED)]
    assert "the engine failed while verifying (cannot inspect image" in report.verification[0].reason
    assert "USER 10001:10001" in (root / "a/Dockerfile").read_text()


@dataclass
class InventoryBuilder(RuleBuilder):
    """Also reads each image's packages, as DockerEngine.inventory does; notes what it read
    and whether the image was still there."""
    read: list[str] = field(default_factory=list)

    def inventory(self, image_id):
        from bot.model.policies import Inventory, Package

        assert image_id not in self.removed, "an inventory must be read before the image is removed"
        self.read.append(image_id)
        user = "10001" if "USER 10001" in self.texts[image_id] else ""
        return Inventory((Package("Debian:12", "openssl", "3.0.11-1~deb12u2", "libssl3"),), "Debian:12", user)


def test_inventories_are_read_for_the_original_and_the_final_image_before_removal(tmp_path):
    root = repo(tmp_path, {"svc/Dockerfile": SERVICE})
    engine = InventoryBuilder(poisons=("useradd",))
    [item] = harden(root, engine).verification
    assert item.verdict is Verdict.EDITS_DROPPED and item.builds == 3
    assert item.before.inventory.os == "Debian:12" and item.after.inventory.packages[0].name == "openssl"
    assert item.failed.inventory is None  # the build that failed made no image
    assert len(engine.read) == 2 and sorted(engine.removed) == sorted(engine.texts)


def test_a_build_log_in_the_folded_summary_mentions_nobody_and_links_nothing(tmp_path):
    root = repo(tmp_path, {"svc/Dockerfile": SERVICE})
    engine = RuleBuilder(poisons=("useradd",), log=("ping @acme/sec-team see [x](https://evil.example) <!--",
                                                    "exit code 1"))
    body = render_body(harden(root, engine), [])
    summary = next(line for line in body.splitlines() if line.startswith("<details><summary>"))
    assert "@acme" not in summary and "[x]" not in summary and "https://" not in summary and "<!--" not in summary
    assert "ping @&#8203;acme/sec-team see &#91;x&#93;(https:&#8203;//evil.example) &lt;!--, exit code 1" in summary


# -- proven fixes: made only while verifying, kept only when their proof holds on the builds --
def _proven_rule(proof):
    from bot.dockerfile.layout import append_to_stage
    from bot.rules.base import finding
    from bot.rules.rule import Example, FixSafety, Rule, Scope, Severity

    def check(doc, context):
        if not any(inst.keyword == "LABEL" for inst in doc.final_stage.all_instructions()):
            edits = (append_to_stage(doc, doc.final_stage, ["LABEL proven=yes"]),) if context.proving else ()
            yield finding(doc, "HB099", doc.final_stage.from_, "no label", edits)

    return Rule(code="HB099", name="proven-label", title="a test's proven fix", severity=Severity.LOW,
                on_by_default=True, fix=FixSafety.PROVEN, scope=Scope.FINAL_STAGE, why="a test",
                example=Example("FROM x", "FROM x\nLABEL proven=yes"), doc="", check=check, proof=proof)


def harden_proving(root: Path, engine: RuleBuilder, proof, settings: VerifySettings | None = None, *,
                   verify: bool = True):
    config = Config()
    rule = _proven_rule(proof)
    verifier = Verifier(engine, settings or VerifySettings(), proofs={"HB099": proof}) if verify else None
    return process(root, config, (*config.active_rules(), rule), fix=True, write=True, verifier=verifier)


def test_a_proven_fix_whose_proof_holds_is_kept_and_verified(tmp_path):
    root = repo(tmp_path, {"svc/Dockerfile": SERVICE})
    seen = []
    report = harden_proving(root, RuleBuilder(), lambda evidence: seen.append(evidence) or None)
    [item] = report.verification
    assert item.verdict is Verdict.VERIFIED and item.builds == 2
    assert "LABEL proven=yes" in (root / "svc/Dockerfile").read_text()
    assert seen[0].before.built and seen[0].after.built and seen[0].path == "svc/Dockerfile"


def test_a_proven_fix_whose_proof_fails_is_dropped_the_rest_kept_and_the_reason_told(tmp_path):
    root = repo(tmp_path, {"svc/Dockerfile": SERVICE})
    engine = RuleBuilder()
    report = harden_proving(root, engine, lambda evidence: "the image is no smaller")
    [item] = report.verification
    assert item.verdict is Verdict.EDITS_DROPPED and item.dropped == ("HB099",) and item.failed is None
    assert item.unproven == (("HB099", "the image is no smaller"),)
    assert item.builds == 3  # the original, with the label, without it
    written = (root / "svc/Dockerfile").read_text()
    assert "LABEL proven=yes" not in written and "USER 10001:10001" in written
    [note] = [f for f in report.results[0].hardened.after if f.rule == "HB099" and f.message.startswith("not changed")]
    assert note.message == "not changed: not proven (the image is no smaller); the edit was dropped"


def test_a_proven_fix_is_never_made_without_a_verifier(tmp_path):
    root = repo(tmp_path, {"svc/Dockerfile": SERVICE})
    report = harden_proving(root, RuleBuilder(), lambda evidence: None, verify=False)
    assert "LABEL" not in (root / "svc/Dockerfile").read_text()
    assert any(f.rule == "HB099" for f in report.results[0].hardened.after)


@pytest.mark.parametrize("case", ["original fails", "beyond max images"])
def test_a_proven_fix_on_a_file_no_build_could_prove_is_dropped_unbuilt(tmp_path, case):
    root = repo(tmp_path, {"a/Dockerfile": SERVICE, "b/Dockerfile": SERVICE})
    engine = RuleBuilder(poisons=("apt-get",) if case == "original fails" else ())
    report = harden_proving(root, engine, lambda evidence: None, VerifySettings(max_images=1))
    for path in ("a/Dockerfile", "b/Dockerfile"):
        written = (root / path).read_text()
        verdict = next(v.verdict for v in report.verification if v.path == path)
        if verdict is Verdict.VERIFIED:
            assert "LABEL proven=yes" in written
            continue
        assert "LABEL proven=yes" not in written and "USER 10001:10001" in written  # the other edits stay
        result = next(r for r in report.results if r.path == path)
        assert any(f.rule == "HB099" and f.message.startswith("not changed: not proven (") for f in result.hardened.after)
