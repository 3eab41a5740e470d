"""HB020's better base end to end: a family of python images in the real registry (built
offline FROM the pushed Debian minbase, each tag's dpkg status and os-release rewritten), OSV
served on 127.0.0.1 saying which of their packages are vulnerable, and `hardenbot fix --verify`
on a real engine. The registry-only cases (no tag list, a layer past its bound) need no engine."""
from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import Config
from bot.dockerfile.images import shipped_base
from bot.dockerfile.model import Dockerfile
from bot.engine import harden_text
from bot.inventory.limits import DEFAULT_LIMITS, Limits
from bot.model.roles import Role
from bot.model.wanted_base import AdviceSettings
from bot.policy_setup import vulnerability_lookup
from bot.recommend.advisor import advise
from bot.registry.client import RegistryClient
from bot.registry.image_files import RegistryInventories
from bot.registry_setup import RegistryBases
from bot.rules import RULES_BY_CODE
from bot.run import make_ruleset
from tests.servers import HttpServer, forward
from tests.test_registry_inventory import layer, push, status

CRITICAL = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"
HIGH = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"
# (ecosystem, package, version) → (record id, CVSS vector, fixed in)
VULNERABLE = {
    ("Debian:11", "examplessl", "1.0-1"): ("HB-TEST-SSL", CRITICAL, "1.0-2"),
    ("Debian:11", "examplecc", "12-1"): ("HB-TEST-CC-11", HIGH, "12-2"),
    ("Debian:12", "examplecc", "12-1"): ("HB-TEST-CC-12", HIGH, "12-2"),
}


class OsvServer:
    """OSV's querybatch and vulns endpoints, in their documented shapes, for VULNERABLE."""

    def __init__(self):
        records = {vuln_id: {"id": vuln_id, "modified": "2024-01-01T00:00:00Z",
                             "severity": [{"type": "CVSS_V3", "score": vector}],
                             "affected": [{"package": {"ecosystem": eco, "name": name},
                                           "ranges": [{"type": "ECOSYSTEM",
                                                       "events": [{"introduced": "0"}, {"fixed": fixed}]}]}]}
                   for (eco, name, _), (vuln_id, vector, fixed) in VULNERABLE.items()}
        self.queries = 0

        class Handler(BaseHTTPRequestHandler):
            def _send(self, body: dict, code: int = 200) -> None:
                data = json.dumps(body).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                asked = json.loads(self.rfile.read(int(self.headers["Content-Length"])))["queries"]
                server.queries += len(asked)
                results = []
                for query in asked:
                    hit = VULNERABLE.get((query["package"]["ecosystem"], query["package"]["name"], query["version"]))
                    results.append({"vulns": [{"id": hit[0], "modified": "2024-01-01T00:00:00Z"}]} if hit else {})
                self._send({"results": results})

            def do_GET(self) -> None:  # noqa: N802
                record = records.get(self.path.rpartition("/")[2])
                self._send(record or {"code": 5, "message": "Bug not found."}, 200 if record else 404)

            def log_message(self, *args) -> None:
                pass

        server = self
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True).start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def osv(monkeypatch):
    server = OsvServer()
    monkeypatch.setenv("HARDENBOT_OSV_API", server.url)
    yield server
    server.close()


def lookup():
    found = vulnerability_lookup(os.environ, offline=False)
    assert found is not None
    return found


# -- the registry alone ----------------------------------------------------------------------
def debian(version: str) -> bytes:
    return f'ID=debian\nVERSION_ID="{version}"\n'.encode()


def push_family(registry, repository: str, big_slim: bool = False) -> None:
    push(registry, repository, "3.11-bullseye", [layer({"etc/os-release": debian("11"), "var/lib/dpkg/status": status(
        ("examplessl", "1.0-1"), ("examplecc", "12-1"))})])
    push(registry, repository, "3.11-bookworm", [layer({"etc/os-release": debian("12"), "var/lib/dpkg/status": status(
        ("examplecc", "12-1"))})])
    slim = {"etc/os-release": debian("12"), "var/lib/dpkg/status": status(("examplessl", "1.0-2"))}
    if big_slim:
        slim["usr/share/noise"] = os.urandom(1_200_000)  # incompressible: past a 1 MiB layer bound as it streams
    push(registry, repository, "3.11-slim-bookworm", [layer(slim)])


def advice_of(registry_host: str, repository: str, client: RegistryClient, limits: Limits = DEFAULT_LIMITS):
    reference = f"{registry_host}/{repository}:3.11-bullseye"
    wanted = shipped_base(Dockerfile.parse(f"FROM {reference}\n"))
    advised = advise([wanted], RegistryBases(client, RegistryInventories(client, limits)), lookup(), AdviceSettings())
    return wanted, advised


def test_the_better_base_is_measured_from_the_registry_and_named_with_its_figures(registry, osv):
    push_family(registry, "fam/python")
    wanted, advised = advice_of(registry.host, "fam/python", RegistryClient())
    advice = advised.bases[wanted.key]
    assert (advice.tag, advice.release) == ("3.11-slim-bookworm", ("bullseye", "bookworm"))
    assert (advice.figures.critical_high, advice.better.critical_high) == (2, 0)
    assert [p.tag for p in advice.passed] == ["3.11-bookworm"]
    assert advice.passed[0].reason.startswith("ranked below 3.11-slim-bookworm: fixable critical/high 1, fixable 1, ")
    text = f"FROM {registry.host}/fam/python:3.11-bullseye\nCMD [\"python\"]\n"
    ruleset = make_ruleset(Config(roles=(("**", Role.SERVICE),)), (RULES_BY_CODE["HB020"], RULES_BY_CODE["HB030"]),
                           {}, proving=True, bases=advised.bases)
    hardened = harden_text(text, "Dockerfile", ruleset)
    assert hardened.text == f"FROM {registry.host}/fam/python:3.11-slim-bookworm@{advice.digest}\nCMD [\"python\"]\n"


def test_a_registry_without_a_tag_list_is_one_reason_and_the_next_base_is_measured(registry, osv):
    push_family(registry, "nolist/python")
    push_family(registry, "listed/python")
    honest = forward(registry.url)

    def answer(method, path, headers):
        if path.startswith("/v2/nolist/python/tags/list"):
            return 404, {"Content-Type": "application/json"}, b'{"errors":[{"code":"NAME_UNKNOWN"}]}'
        return honest(method, path, headers)

    with HttpServer(answer) as front:
        client = RegistryClient()
        source = RegistryBases(client, RegistryInventories(client))
        bases = [shipped_base(Dockerfile.parse(f"FROM {front.host}/{name}/python:3.11-bullseye\n"))
                 for name in ("nolist", "listed")]
        advised = advise(bases, source, lookup(), AdviceSettings())
        missing, listed = (advised.bases[base.key] for base in bases)
        assert missing.reason == f"no candidates: {front.host} has no tag list for {front.host}/nolist/python"
        assert not any("/nolist/python/blobs/" in path for path in front.paths)  # nothing read for it
        assert listed.tag == "3.11-slim-bookworm"
        text = f"FROM {front.host}/nolist/python:3.11-bullseye\n"
        ruleset = make_ruleset(Config(roles=(("**", Role.SERVICE),)), (RULES_BY_CODE["HB020"],), proving=True,
                               bases=advised.bases)
        [found] = harden_text(text, "Dockerfile", ruleset).after
        assert found.message.startswith(f"{front.host}/nolist/python:3.11-bullseye: no better base measured "
                                        "(no candidates: ")


def test_a_candidate_whose_layer_passes_its_bound_is_passed_over_with_the_reason(registry, osv):
    push_family(registry, "bounds/python", big_slim=True)
    wanted, advised = advice_of(registry.host, "bounds/python", RegistryClient(), Limits(layer_bytes=1 << 20))
    advice = advised.bases[wanted.key]
    reasons = {p.tag: p.reason for p in advice.passed}
    assert "sent more than the 1,048,576 bytes allowed" in reasons["3.11-slim-bookworm"]
    assert "\n" not in reasons["3.11-slim-bookworm"]
    assert advice.tag == "3.11-bookworm"  # the rest was measured: one high left instead of two


# -- a real engine ---------------------------------------------------------------------------
SETUP = """set -e
rm -f /etc/os-release /usr/lib/os-release
printf 'ID=debian\\nVERSION_ID="{version}"\\n' > /etc/os-release
printf '\\n{stanzas}' >> /var/lib/dpkg/status
"""
FULL = """printf '#!/bin/sh\\necho cc 12\\n' > /usr/bin/gcc && chmod 755 /usr/bin/gcc
echo 'builder:x:1000:1000::/tmp:/bin/sh' >> /etc/passwd && echo 'builder:x:1000:' >> /etc/group
"""
FAMILY = {  # tag → (Debian release, packages, a full image: gcc and the user `builder`)
    "3.11-bullseye": ("11", (("examplessl", "1.0-1"), ("examplecc", "12-1")), True),
    "3.11-bookworm": ("12", (("examplessl", "1.0-2"), ("examplecc", "12-1")), True),
    "3.11-slim-bookworm": ("12", (("examplessl", "1.0-2"),), False),
}


@dataclass(frozen=True)
class Family:
    python: str  # <registry>/python
    digests: dict[str, str]  # tag → the digest the registry holds it under


@pytest.fixture(scope="module")
def family(docker_engine, tmp_path_factory) -> Iterator[Family]:
    """The python family in the session's registry, built once for the module."""
    daemon, debian_ref = docker_engine.daemon, docker_engine.images.debian
    python = debian_ref.rpartition("/")[0] + "/python"

    def build_and_push(tag: str) -> str:
        version, packages, full = FAMILY[tag]
        folder = tmp_path_factory.mktemp("family")
        stanzas = "".join(f"Package: {name}\\nStatus: install ok installed\\nVersion: {v}\\n\\n" for name, v in packages)
        (folder / "setup.sh").write_text(SETUP.format(version=version, stanzas=stanzas) + (FULL if full else ""))
        (folder / "Dockerfile").write_text(f"FROM {debian_ref}\nCOPY setup.sh /setup.sh\nRUN sh /setup.sh && rm /setup.sh\n")
        daemon.docker("build", "--network", "none", "-t", f"{python}:{tag}", str(folder), timeout=300)
        daemon.docker("push", f"{python}:{tag}", timeout=300)
        return daemon.docker("image", "inspect", "--format", "{{index .RepoDigests 0}}",
                             f"{python}:{tag}").stdout.strip().rpartition("@")[2]

    # The tags' builds and pushes wait on the engine and the registry more than on a core: together.
    with ThreadPoolExecutor(len(FAMILY)) as pool:
        digests = dict(zip(FAMILY, pool.map(build_and_push, FAMILY), strict=True))
    # the moving patch tag names the same image: one HEAD, never read twice
    daemon.docker("tag", f"{python}:3.11-slim-bookworm", f"{python}:3.11.9-slim-bookworm")
    daemon.docker("push", f"{python}:3.11.9-slim-bookworm", timeout=300)
    yield Family(python, digests)
    # The engine is the session's: what this module built or pulled goes, as other tests count its images.
    left = sorted(daemon.image_ids() - docker_engine.images.ids)
    if left:
        daemon.docker("rmi", "--force", *left, timeout=300)


@pytest.fixture
def engine(docker_engine, monkeypatch, osv):
    docker_engine.use(monkeypatch)
    return docker_engine


def service(root: Path, dockerfile: str) -> Path:
    (root / "app.sh").write_text("#!/bin/sh\necho hello\n")
    (root / "app.sh").chmod(0o755)
    path = root / "Dockerfile"
    path.write_bytes(dockerfile.encode())
    return path


def fix_verify(capsys, root: Path) -> dict:
    code = main(["fix", "--verify", "--format", "json", str(root)])
    document = json.loads(capsys.readouterr().out)
    assert code == 0, document["errors"]
    return document


def entry(document: dict) -> dict:
    [found] = [item for item in document["files"] if item["path"] == "Dockerfile"]
    return found


def test_the_better_base_builds_starts_and_is_proposed_with_its_figures(engine, family, tmp_path, capsys):
    path = service(tmp_path, f'FROM {family.python}:3.11-bullseye\nWORKDIR /app\nCOPY app.sh .\nCMD ["./app.sh"]\n')
    document = fix_verify(capsys, tmp_path)
    [verified] = document["verification"]
    assert verified["verdict"] == "verified", verified
    written = path.read_text()
    assert written.startswith(f"FROM {family.python}:3.11-slim-bookworm@{family.digests['3.11-slim-bookworm']}\n")
    [hb020] = [f for f in entry(document)["fixed"] if f["rule"] == "HB020"]
    assert hb020["message"].startswith(f"{family.python}:3.11-bullseye → 3.11-slim-bookworm: fixable critical/high "
                                       "2 → 0, ")
    assert hb020["message"].endswith(", distribution release bullseye → bookworm")
    assert "HB001" in {f["rule"] for f in entry(document)["fixed"]}  # the rest of the hardening is kept

    # a second run on what was written: the chosen base is the best of its own candidates
    assert main(["fix", "--verify", "true", str(tmp_path)]) == 0
    capsys.readouterr()
    assert path.read_text() == written


def test_a_candidate_the_file_does_not_build_on_is_kept_out_with_the_reason(engine, family, tmp_path, capsys):
    path = service(tmp_path, f'FROM {family.python}:3.11-bullseye\nRUN gcc --version\nCOPY app.sh /app.sh\n'
                             'CMD ["/app.sh"]\n')
    document = fix_verify(capsys, tmp_path)
    [verified] = document["verification"]
    assert "HB020" in verified["dropped_rules"]
    [kept_out] = [f for f in entry(document)["needs_a_person"] if f["rule"] == "HB020"]
    assert kept_out["message"].startswith("not changed: with this edit the image did not build")
    assert path.read_text().startswith(f"FROM {family.python}:3.11-bullseye@{family.digests['3.11-bullseye']}\n")


def test_a_candidate_the_container_cannot_start_on_is_kept_out_with_the_reason(engine, family, tmp_path, capsys):
    # `builder` exists only in the full images: on the slim one the container cannot be created.
    # (The start check of the image's own command is built in parallel; this is the failure
    # the verifier already sees.)
    path = service(tmp_path, f'FROM {family.python}:3.11-bullseye\nCOPY app.sh /app.sh\nUSER builder\n'
                             'CMD ["/app.sh"]\n')
    document = fix_verify(capsys, tmp_path)
    [verified] = document["verification"]
    assert "HB020" in verified["dropped_rules"]
    [kept_out] = [f for f in entry(document)["needs_a_person"] if f["rule"] == "HB020"]
    assert kept_out["message"].startswith("not changed: with this edit a container of the image did not start")
    assert "builder" in kept_out["message"]
    assert path.read_text().startswith(f"FROM {family.python}:3.11-bullseye@")
