"""What a file can make verify do on its behalf, against the rule-driven engine of
test_verify.py (a simulated clock for the deadlines): read through symbolic links out of the
repository, run a frontend of its choosing, make its builds cost builds × the time limit.
The same with a real engine is in test_verify_real.py."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bot.config import load_config
from bot.errors import ConfigError
from bot.model.images import Resolution
from bot.model.verification import Build, BuildState, Verdict
from bot.model.verify_settings import VerifySettings
from bot.report import json_report
from bot.report.markdown import render_body
from bot.verify.confine import OutOfRepository, check_confined
from bot.verify.docker import BuildResult
from bot.verify.frontends import FrontendRefused, admitted
from bot.verify.remote_sources import fetching_nothing
from tests.test_verify import SERVICE, RuleBuilder, harden, repo

SECRET = "TOPSECRET-d41d8cd9 from outside the repository\n[invalid\n"


def secret_outside(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret").write_text(SECRET)
    (outside / ".dockerignore").write_text(SECRET)
    return outside


@pytest.mark.parametrize("link, target, compose", [
    ("a/Dockerfile.dockerignore", "secret", False),  # the file's own dockerignore
    ("a/.dockerignore", "secret", False),  # the context's
    ("a/Dockerfile.dockerignore", "../outside-via-folder/secret", False),  # through a folder link
    ("ctx", ".", True),  # the build context folder itself, from compose
])
def test_a_build_input_linked_out_of_the_repository_is_skipped_and_never_read(tmp_path, link, target, compose):
    outside = secret_outside(tmp_path)
    files = {"a/Dockerfile": SERVICE, "b/Dockerfile": SERVICE}
    if compose:
        files["compose.yaml"] = "services:\n  web:\n    build:\n      context: ctx\n      dockerfile: ../a/Dockerfile\n"
    root = repo(tmp_path / "repo", files)
    (root / "outside-via-folder").symlink_to(outside)
    (root / link).symlink_to(outside / target if not target.startswith("..") else target)
    engine = RuleBuilder()
    report = harden(root, engine, VerifySettings(jobs=1))
    [a, b] = report.verification
    assert a.verdict is Verdict.SKIPPED and a.builds == 0
    assert a.reason == f"{link} is a symbolic link out of the repository"
    assert all("a/" not in str(text) for text in engine.built) and len(engine.built) == 2  # b's two builds
    assert b.verdict is Verdict.VERIFIED  # the rest of the run went on
    outputs = json_report.render(report, fix=True) + render_body(report, [])
    assert "TOPSECRET" not in outputs and "TOPSECRET" not in repr(engine.ignores)


def test_the_dockerfile_itself_linked_out_of_the_repository_is_refused(tmp_path):
    # Discovery never reads a linked Dockerfile; verify refuses it too, whoever asks.
    root = repo(tmp_path / "repo", {"x": ""}).resolve()
    (root / "Dockerfile").symlink_to(secret_outside(tmp_path) / "secret")
    with pytest.raises(OutOfRepository, match="^Dockerfile is a symbolic link out of the repository$"):
        check_confined(root, "Dockerfile", ".")


def test_a_dockerignore_linked_inside_the_repository_is_given_to_the_build(tmp_path):
    root = repo(tmp_path, {"svc/Dockerfile": SERVICE, "shared/ignore": "*.log\n"})
    (root / "svc/Dockerfile.dockerignore").symlink_to("../shared/ignore")
    engine = RuleBuilder()
    [item] = harden(root, engine).verification
    assert item.verdict is Verdict.VERIFIED and engine.ignores == [b"*.log\n", b"*.log\n"]


ALLOWED = ("docker.io/docker/dockerfile",)
DIGEST = "sha256:" + "ab" * 32


@pytest.mark.parametrize("first_lines, shown", [
    ("# syntax=evil/frontend\n", "evil/frontend"),
    ("# syntax = ghcr.io/docker/dockerfile:1\n", "ghcr.io/docker/dockerfile:1"),
    ("# syntax=docker/dockerfile-evil:1.7\n", "docker/dockerfile-evil:1.7"),
    ("#!/usr/bin/env buildctl\n# syntax=127.0.0.1:5000/x@" + DIGEST + "\n", "127.0.0.1:5000/x@" + DIGEST),
    ("# SYNTAX=Not_A_Reference!\n", "Not_A_Reference!"),
])
def test_a_frontend_not_on_the_allow_list_is_never_built(tmp_path, first_lines, shown):
    root = repo(tmp_path, {"a/Dockerfile": first_lines + SERVICE, "b/Dockerfile": SERVICE})
    engine = RuleBuilder()
    report = harden(root, engine, VerifySettings(jobs=1))
    [a, b] = report.verification
    assert (a.verdict, a.builds, a.reason) == (Verdict.NOT_VERIFIED, 0, f"frontend {shown} is not on verify.frontends")
    assert not any("syntax" in text.lower() for text in engine.built) and b.verdict is Verdict.VERIFIED
    assert "USER 10001:10001" in (root / "a/Dockerfile").read_text()  # not verified: the edits stand, unproven


@pytest.mark.parametrize("add", [
    "ADD http://169.254.169.254/latest/meta-data/ /meta",
    "ADD https://example.com/tool-1.2.tar.gz /opt/",
    'ADD ["HTTPS://example.com/a", "/a"]',
    "ADD git@github.com:acme/secret.git /src",
    "ADD github.com/acme/secret /src",
    "ADD --checksum=sha256:" + "a" * 64 + " https://example.com/a /a",
    "ADD ${URL} /x",
])
def test_a_source_the_engine_would_fetch_over_the_network_is_never_built(tmp_path, add):
    """BuildKit fetches ADD's URL and git sources itself, with the engine's network whatever
    --network none says: such a file reaches no engine (the edits stand, unproven)."""
    service = SERVICE.replace("ADD app.sh /app.sh\n", f"ADD app.sh /app.sh\n{add}\n", 1)
    assert add in service
    root = repo(tmp_path, {"a/Dockerfile": service, "b/Dockerfile": SERVICE})
    engine = RuleBuilder()
    report = harden(root, engine, VerifySettings(jobs=1))
    [a, b] = report.verification
    assert (a.verdict, a.builds) == (Verdict.NOT_VERIFIED, 0)
    assert a.reason.endswith("is fetched by the engine with its own network, whatever --network none says: not built")
    assert not any(add.split()[-2] in text for text in engine.built) and b.verdict is Verdict.VERIFIED


def test_local_and_heredoc_sources_of_add_are_built():
    service = SERVICE.replace("ADD app.sh /app.sh\n", "ADD app.sh /app.sh\nADD app.tar.gz /opt/\nADD <<EOF /etc/motd\nhi\nEOF\n", 1)
    assert "<<EOF" in service and fetching_nothing(service, "Dockerfile") == service


def test_an_allowed_frontend_is_built_only_pinned_by_digest():
    text = "# syntax=docker/dockerfile:1\nFROM scratch\n"
    looked_up = {("docker.io", "docker/dockerfile", "1"): Resolution(DIGEST)}
    assert admitted(text, "Dockerfile", ALLOWED, looked_up) == f"# syntax=docker/dockerfile:1@{DIGEST}\nFROM scratch\n"
    pinned = f"# syntax=docker.io/docker/dockerfile:1@{DIGEST}\nFROM scratch\n"
    assert admitted(pinned, "Dockerfile", ALLOWED, None) == pinned
    for digests in (None, {("docker.io", "docker/dockerfile", "1"): Resolution(error="offline")}):
        with pytest.raises(FrontendRefused, match="^frontend docker/dockerfile:1 is not pinned by digest and its "
                                                  "digest was not looked up$"):
            admitted(text, "Dockerfile", ALLOWED, digests)
    assert admitted("FROM scratch\n", "Dockerfile", (), None) == "FROM scratch\n"  # the engine's own frontend


def test_verify_frontends_and_deadlines_are_configured(tmp_path):
    (tmp_path / ".github").mkdir()
    config = tmp_path / ".github/hardenbot.yml"
    config.write_text("verify:\n  deadline: 600\n  file-deadline: 120\n  frontends:\n    - docker/dockerfile\n"
                      "    - ghcr.io/acme/frontend\n")
    settings = load_config(tmp_path).verify
    assert (settings.deadline, settings.file_seconds) == (600, 120)
    assert settings.frontends == ("docker.io/docker/dockerfile", "ghcr.io/acme/frontend")
    assert VerifySettings(timeout=40).file_seconds == 120  # by default, three builds' time limit
    for bad, message in [("  frontends: docker/dockerfile\n", ":2: verify.frontends: must be a list"),
                         ("  frontends:\n    - docker/dockerfile\n    - docker/dockerfile:1\n",
                          ":4: verify.frontends: each must be an image name without tag or digest"),
                         ("  deadline: 0\n", ":2: verify.deadline: must be a whole number from 1 to 86400")]:
        config.write_text("verify:\n" + bad)
        with pytest.raises(ConfigError, match=message):
            load_config(tmp_path)


@dataclass
class Clock:
    now: float = 0.0

    def __call__(self) -> float:
        return self.now


@dataclass
class SlowWhenEdited(RuleBuilder):
    """A file that sleeps whenever it is edited: a build of any text but the original takes
    `seconds` on `clock` (cut at its time limit), and the hardened file never builds."""
    clock: Clock = field(default_factory=Clock)
    originals: tuple[str, ...] = ()
    seconds: float = 8.0
    limits: list[float] = field(default_factory=list)

    def build(self, text, dockerfile, context, target, *, network, timeout, ignore):
        self.limits.append(timeout)
        if text in self.originals or "b/" in str(dockerfile):
            self.clock.now += 0.5
            return super().build(text, dockerfile, context, target, network=network, timeout=timeout, ignore=ignore)
        self.built.append(text)
        self.clock.now += min(self.seconds, timeout)
        return BuildResult(Build(BuildState.TIMED_OUT, min(self.seconds, timeout)), None)


def test_a_file_that_sleeps_whenever_edited_costs_its_file_deadline_not_builds_times_timeout(tmp_path):
    root = repo(tmp_path, {"a/Dockerfile": SERVICE, "b/Dockerfile": SERVICE})
    engine = SlowWhenEdited(originals=(SERVICE,))
    settings = VerifySettings(timeout=8, jobs=1)  # file deadline: 3 × 8 s
    report = harden(root, engine, settings, clock=engine.clock)
    [a, b] = report.verification
    a_seconds = engine.clock.now - 0.5 * b.builds
    assert a_seconds <= settings.file_seconds  # was 13 builds × 8 s
    assert engine.limits[-b.builds - 1] < settings.timeout  # the last build of a/ was cut to the deadline
    assert a.verdict is Verdict.EDITS_DROPPED and a.dropped == ("DL3009", "DL3015", "DL3020", "HB001")
    assert a.reason == ("DL3009, DL3015, DL3020, HB001 not proven in time: "
                        "the verify deadline (verify.file-deadline, 24 s) was reached")
    assert (root / "a/Dockerfile").read_text() == SERVICE  # nothing unproven is written
    notes = [f.message for f in report.results[0].hardened.after if f.message.startswith("not changed")]
    assert len(notes) == 4 and all("not proven in time (the verify deadline" in note for note in notes)
    assert b.verdict is Verdict.VERIFIED and "USER 10001:10001" in (root / "b/Dockerfile").read_text()
    document = json.loads(json_report.render(report, fix=True))
    assert document["verification"][0]["reason"].endswith("(verify.file-deadline, 24 s) was reached")


def test_the_run_deadline_bounds_every_file_together(tmp_path):
    files = {f"s{n}/Dockerfile": SERVICE for n in range(6)}
    root = repo(tmp_path, files)
    engine = SlowWhenEdited(originals=(SERVICE,))
    settings = VerifySettings(timeout=8, deadline=30, jobs=1)
    report = harden(root, engine, settings, clock=engine.clock)
    assert engine.clock.now <= settings.deadline
    verdicts = [v.verdict for v in report.verification]
    assert verdicts[:2] == [Verdict.EDITS_DROPPED] * 2 and set(verdicts[2:]) <= {Verdict.SKIPPED, Verdict.NOT_VERIFIED}
    assert report.verification[-1].reason == "the verify deadline (verify.deadline, 30 s) was reached before it"
    assert len(report.results) == 6  # every file was hardened and reported


@dataclass
class OneSecondBuilds(RuleBuilder):
    """Every build takes one second on `clock`; one given less is cut."""
    clock: Clock = field(default_factory=Clock)

    def build(self, text, dockerfile, context, target, *, network, timeout, ignore):
        if timeout < 1:
            self.clock.now += timeout
            return BuildResult(Build(BuildState.TIMED_OUT, timeout), None)
        self.clock.now += 1
        return super().build(text, dockerfile, context, target, network=network, timeout=timeout, ignore=ignore)


def test_time_running_out_while_edits_are_put_back_drops_only_those_not_cleared(tmp_path):
    poisons = ("useradd", "--no-install-recommends")
    unlimited = harden(repo(tmp_path / "one", {"Dockerfile": SERVICE}), OneSecondBuilds(poisons=poisons))
    [whole] = unlimited.verification
    assert whole.dropped == ("DL3015", "HB001") and whole.builds > 4
    engine = OneSecondBuilds(poisons=poisons)
    root = repo(tmp_path / "two", {"Dockerfile": SERVICE})
    # Time for every build but the last, which puts back the last rule still in doubt.
    [item] = harden(root, engine, VerifySettings(file_deadline=whole.builds - 0.5), clock=engine.clock).verification
    assert engine.clock.now <= whole.builds - 0.5
    assert item.verdict is Verdict.EDITS_DROPPED and len(item.dropped) == 3
    assert set(item.dropped) > {"DL3015", "HB001"}
    [late] = set(item.dropped) - set(whole.dropped)
    assert item.reason == f"{late} not proven in time: the verify deadline (verify.file-deadline, {whole.builds - 0.5:g} s) was reached"
    written = (root / "Dockerfile").read_text()
    assert "useradd" not in written and "--no-install-recommends" not in written
