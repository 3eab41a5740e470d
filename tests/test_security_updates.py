"""HB011 as a proven fix: the upgrade steps it proposes while a verifier builds the run
(input/expected pairs), its proof on the packages of the built images (which packages the
upgrade replaced, which of them had fixable vulnerabilities and fewer after), and the line its
kept finding carries. Real builds are in test_security_updates_real.py."""
from __future__ import annotations

from dataclasses import replace

import pytest

from bot.config import Config
from bot.engine import harden_text
from bot.model.policies import Inventory, Package, Vulnerability, VulnerabilityAnswers, VulnSeverity
from bot.model.proof import ProofEvidence
from bot.model.verification import Build, BuildState, ImageFacts, Verdict
from bot.model.verify_settings import VerifySettings
from bot.rules import RULES_BY_CODE
from bot.rules.upgrade_evidence import upgrade_proof, upgrade_shown
from bot.run import make_ruleset, process
from bot.verify.verifier import Verifier
from tests.test_verify import RuleBuilder, repo

RULE = RULES_BY_CODE["HB011"]
SERVICE_TAIL = 'CMD ["./app"]\n'


def ruleset(proving: bool):
    return make_ruleset(Config(), (RULE,), proving=proving)


@pytest.mark.parametrize("before, after", [
    ("FROM debian:12\nRUN apt-get update && apt-get install -y curl\n",
     "FROM debian:12\nRUN apt-get update && apt-get upgrade -y && apt-get install -y curl\n"),
    ("FROM alpine:3.20\nRUN apk add --no-cache curl\n",
     "FROM alpine:3.20\nRUN apk upgrade --no-cache && apk add --no-cache curl\n"),
    ("FROM python:3.12-slim\nRUN pip install flask\n",
     "FROM python:3.12-slim\nRUN pip install --no-cache-dir --upgrade pip setuptools wheel && pip install flask\n"),
    ("FROM debian:12\r\nRUN apt-get update \\\r\n # the lists\r\n && apt-get install -y curl\r\n",
     "FROM debian:12\r\nRUN apt-get update && apt-get upgrade -y \\\r\n # the lists\r\n && apt-get install -y curl\r\n"),
    ("FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc\nRUN pip install flask\n",
     "FROM python:3.12-slim\nRUN apt-get update && apt-get upgrade -y && apt-get install -y gcc\n"
     "RUN pip install --no-cache-dir --upgrade pip setuptools wheel && pip install flask\n"),
    # Only the final image's stages: the builder's packages never ship.
    ("FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM debian:12\nCOPY --from=build /a /a\n",
     None),
    ("FROM debian:12\nRUN apt-get update && apt-get dist-upgrade -y && apt-get install -y curl\n", None),
])
def test_while_proving_a_service_image_gets_the_upgrade_steps(before, after):
    text, expected = before + SERVICE_TAIL, (after or before) + SERVICE_TAIL
    hardened = harden_text(text, "Dockerfile", ruleset(proving=True))
    assert hardened.text == expected
    assert harden_text(hardened.text, "Dockerfile", ruleset(proving=True)).text == hardened.text  # a second run
    # Without a verifier the same file is reported, never changed.
    unproven = harden_text(text, "Dockerfile", ruleset(proving=False))
    assert unproven.text == text and (not after or {f.rule for f in unproven.after} == {"HB011"})


def test_a_base_image_is_reported_not_upgraded_even_while_proving():
    text = "FROM debian:12\nONBUILD COPY . /app\nRUN apt-get update && apt-get install -y curl\n"
    hardened = harden_text(text, "Dockerfile", ruleset(proving=True))
    assert hardened.text == text and [f.message for f in hardened.after] == ["apt packages are not upgraded"]


# -- the proof -------------------------------------------------------------------------------
STATUS = "/var/lib/dpkg/status"


def deb(binary: str, version: str, source: str = "") -> Package:
    return Package("Debian:12", source or binary, version, binary if source else "", location=STATUS)


def vuln(vuln_id: str, fixed: str = "3.0.13", severity: VulnSeverity = VulnSeverity.HIGH) -> Vulnerability:
    return Vulnerability(vuln_id, (f"CVE-{vuln_id}",), severity, 7.5, fixed)


def built(*packages: Package, error: str = "") -> Build:
    facts = ImageFacts(100, 3, "", 0, "/", True, False)
    return Build(BuildState.BUILT, 1.0, facts, inventory=Inventory(packages, "Debian:12", error=error))


def lookup(known: dict[tuple[str, str], tuple[Vulnerability, ...]], asked: list | None = None, error: str = ""):
    """An OSV stand-in: (source name, version) → its vulnerabilities."""
    def answer(inventory: Inventory) -> VulnerabilityAnswers:
        if asked is not None:
            asked.append(inventory.packages)
        found = {p.key: known[(p.name, p.version)] for p in inventory.packages if (p.name, p.version) in known}
        return VulnerabilityAnswers({} if error else found, error)
    return answer


OPENSSL = {("openssl", "3.0.11"): (vuln("DSA-5532-1"), vuln("DSA-5600-1"), vuln("DEBIAN-1", fixed="")),
           ("openssl", "3.0.13"): (vuln("DEBIAN-1", fixed=""),)}
BEFORE = built(deb("libssl3", "3.0.11", "openssl"), deb("bash", "5.2.15"), deb("tzdata", "2024a"))


def test_an_upgrade_that_replaces_a_vulnerable_package_is_proven_and_named():
    asked = []
    after = built(deb("libssl3", "3.0.13", "openssl"), deb("bash", "5.2.15"), deb("tzdata", "2024b"))
    evidence = ProofEvidence("Dockerfile", BEFORE, after, lookup(OPENSSL, asked))
    assert upgrade_proof(evidence) is None
    assert upgrade_shown(evidence) == ("the built image showed it replace libssl3 3.0.11 → 3.0.13, closing "
                                       "DSA-5532-1, DSA-5600-1 (1 of 2 packages replaced had fixable vulnerabilities)")
    # OSV is asked about the replaced packages only, old and new, in one lookup.
    assert [sorted((p.installed_as or p.name, p.version) for p in packages) for packages in asked][0] == [
        ("libssl3", "3.0.11"), ("libssl3", "3.0.13"), ("tzdata", "2024a"), ("tzdata", "2024b")]


@pytest.mark.parametrize("after, known, why", [
    (BEFORE, OPENSSL, "the upgrade replaced no package with a fixable vulnerability (it replaced none: "
                      "verify builds download nothing unless verify.network is true)"),
    (built(deb("libssl3", "3.0.11", "openssl"), deb("bash", "5.2.15"), deb("tzdata", "2024b")), OPENSSL,
     "the upgrade replaced no package with a fixable vulnerability (1 package replaced)"),
    # Replaced, but the new version has as many fixable vulnerabilities: nothing closed.
    (built(deb("libssl3", "3.0.12", "openssl"), deb("bash", "5.2.15"), deb("tzdata", "2024a")),
     {**OPENSSL, ("openssl", "3.0.12"): (vuln("DSA-5532-1"), vuln("DSA-5600-1"))},
     "the upgrade replaced no package with a fixable vulnerability (1 package replaced)"),
    # A package that is gone is not a replacement (DL3015 or a split may remove packages).
    (built(deb("bash", "5.2.15"), deb("tzdata", "2024a")), OPENSSL,
     "the upgrade replaced no package with a fixable vulnerability (it replaced none: "
     "verify builds download nothing unless verify.network is true)"),
])
def test_an_upgrade_that_closes_nothing_is_not_proven(after, known, why):
    assert upgrade_proof(ProofEvidence("Dockerfile", BEFORE, after, lookup(known))) == why


def test_what_cannot_be_read_or_asked_is_not_proven_and_says_why():
    after = built(deb("libssl3", "3.0.13", "openssl"))
    assert upgrade_proof(ProofEvidence("Dockerfile", BEFORE, after, None)) == \
        "OSV was not asked (offline): no vulnerability can be shown fixed"
    assert upgrade_proof(ProofEvidence("Dockerfile", BEFORE, after, lookup({}, error="OSV timed out"))) == \
        "OSV could not be asked (OSV timed out)"
    assert upgrade_proof(ProofEvidence("Dockerfile", BEFORE, replace(after, inventory=None), lookup(OPENSSL))) == \
        "the packages of the hardened image were not read"
    unreadable = built(error="image 1234: 63 MiB METADATA")
    assert upgrade_proof(ProofEvidence("Dockerfile", unreadable, after, lookup(OPENSSL))) == \
        "the packages of the original image could not be read (image 1234: 63 MiB METADATA)"


def test_python_packages_are_matched_by_their_folder_not_their_versioned_dist_info():
    site = "/usr/local/lib/python3.12/site-packages"
    old = Package("PyPI", "pip", "23.0.1", location=f"{site}/pip-23.0.1.dist-info")
    new = Package("PyPI", "pip", "24.0", location=f"{site}/pip-24.0.dist-info")
    known = {("pip", "23.0.1"): (vuln("PYSEC-2023-228", fixed="23.3"),)}
    evidence = ProofEvidence("Dockerfile", built(old), built(new), lookup(known))
    assert upgrade_proof(evidence) is None and "pip 23.0.1 → 24.0, closing PYSEC-2023-228" in upgrade_shown(evidence)


def test_the_line_is_bounded_however_many_packages_and_ids():
    names = [f"lib{i}{'x' * 200}" for i in range(40)]
    before = built(*(deb(n, "1") for n in names))
    after = built(*(deb(n, "2") for n in names))
    known = {(n, "1"): tuple(vuln(f"DSA-{i}-{j}") for j in range(10)) for i, n in enumerate(names)}
    line = upgrade_shown(ProofEvidence("Dockerfile", before, after, lookup(known)))
    assert line.count("closing") == 5 and "and 35 more" in line and "and 7 more" in line
    assert "(40 of 40 packages replaced had fixable vulnerabilities)" in line and len(line) < 1500


# -- through the verifier: the kept finding names the packages, the dropped one says why -----
class UpgradingBuilder(RuleBuilder):
    """Builds as RuleBuilder; an image whose text upgrades apt holds libssl3 3.0.13, else 3.0.11
    (or 3.0.11 always, when nothing is pending)."""

    def __init__(self, pending: bool = True):
        super().__init__()
        self.pending = pending

    def inventory(self, image_id):
        upgraded = self.pending and "apt-get upgrade" in self.texts[image_id]
        return Inventory((deb("libssl3", "3.0.13" if upgraded else "3.0.11", "openssl"), deb("bash", "5.2.15")),
                         "Debian:12")


SERVICE = 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nUSER 65534\nCMD ["/app.sh"]\n'


def harden_with_upgrades(root, engine):
    config = replace(Config(), toggles={"HB011": True})
    verifier = Verifier(engine, VerifySettings(), vulnerabilities=lookup(OPENSSL))
    return process(root, config, config.active_rules(), fix=True, write=True, verifier=verifier)


def test_a_kept_upgrade_names_what_it_replaced_in_its_finding(tmp_path):
    root = repo(tmp_path, {"svc/Dockerfile": SERVICE})
    report = harden_with_upgrades(root, UpgradingBuilder())
    [item] = report.verification
    assert item.verdict is Verdict.VERIFIED
    assert "apt-get update && apt-get upgrade -y && apt-get install" in (root / "svc/Dockerfile").read_text()
    [kept] = [f for f in report.results[0].hardened.applied if f.rule == "HB011"]
    assert kept.message == ("apt packages are not upgraded; the built image showed it replace libssl3 3.0.11 → 3.0.13, "
                            "closing DSA-5532-1, DSA-5600-1 (1 of 1 packages replaced had fixable vulnerabilities)")
    assert any(f.rule == "DL3015" for f in report.results[0].hardened.applied)  # the rest of the run went on


def test_an_upgrade_with_nothing_pending_is_dropped_and_says_why(tmp_path):
    root = repo(tmp_path, {"svc/Dockerfile": SERVICE})
    report = harden_with_upgrades(root, UpgradingBuilder(pending=False))
    [item] = report.verification
    assert item.verdict is Verdict.EDITS_DROPPED and item.dropped == ("HB011",)
    written = (root / "svc/Dockerfile").read_text()
    assert "upgrade" not in written and "--no-install-recommends" in written
    [note] = [f for f in report.results[0].hardened.after if f.rule == "HB011"]
    assert note.message == ("not changed: not proven (the upgrade replaced no package with a fixable vulnerability "
                            "(it replaced none: verify builds download nothing unless verify.network is true)); "
                            "the edit was dropped")
