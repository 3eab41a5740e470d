"""HB011 through `hardenbot fix --verify` against the real engine and registry (conftest's
`docker_engine`): two bases built FROM the session's Debian, each with an `apt-get` that is a
shell script (builds have no network) and a dpkg stanza for libssl3. On one an upgrade is
pending: `apt-get upgrade` moves libssl3 from 3.0.9-1, which OSV (mocked at the HTTP layer with
its documented shapes) says is vulnerable, to 3.0.11-1~deb12u2, which fixes it. On the other
libssl3 is current and the upgrade changes nothing."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import responses

from bot.cli import main

OSV = "https://osv.test"
VULNERABLE, FIXED = "3.0.9-1", "3.0.11-1~deb12u2"
# What apt-get does offline: `upgrade` moves libssl3 to the fixed version when it is behind.
APT_GET = f"""#!/bin/sh
for word in "$@"; do
  case "$word" in
    upgrade|dist-upgrade|full-upgrade) sed -i 's/^Version: {VULNERABLE}$/Version: {FIXED}/' /var/lib/dpkg/status ;;
  esac
done
exit 0
"""
APP = "#!/bin/sh\necho hello\n"


def _base(engine, folder: Path, tag: str, libssl: str) -> str:
    """A base FROM the session's Debian with the stand-in apt-get and libssl3 at `libssl`,
    pushed as `<registry>/debian:<tag>` (and removed from the engine: the build pulls it)."""
    folder.mkdir()
    (folder / "apt-get").write_text(APT_GET)
    (folder / "apt-get").chmod(0o755)
    (folder / "Dockerfile").write_text(
        f"FROM {engine.images.debian}\nCOPY apt-get /usr/local/bin/apt-get\n"
        f"RUN printf 'Package: libssl3\\nStatus: install ok installed\\nSource: openssl\\nVersion: {libssl}\\n\\n'"
        " >> /var/lib/dpkg/status\n")
    reference = engine.images.debian.replace(":bookworm-slim", f":{tag}")
    engine.daemon.docker("build", "--network", "none", "--tag", reference, str(folder), timeout=300)
    engine.daemon.docker("push", reference, timeout=300)
    return reference


@pytest.fixture(scope="module")
def bases(docker_engine, tmp_path_factory):
    """(pending, current): the two bases, by reference; the engine left with the images it had."""
    folder = tmp_path_factory.mktemp("update-bases")
    try:
        yield (_base(docker_engine, folder / "pending", "bookworm-pending", VULNERABLE),
               _base(docker_engine, folder / "current", "bookworm-current", FIXED))
    finally:
        extra = docker_engine.daemon.image_ids() - docker_engine.images.ids
        if extra:
            docker_engine.daemon.docker("image", "rm", "--force", *extra)


def serve_osv() -> None:
    """OSV at the HTTP layer: openssl 3.0.9-1 has DSA-5532-1 (high, fixed in 3.0.11-1~deb12u2);
    every other package, none. The registry on 127.0.0.1 is passed through."""
    case = json.loads((Path(__file__).parent / "fixtures" / "osv" / "debian.json").read_text())
    vulnerable = {"vulns": [case["querybatch"]["results"][0]["vulns"][0]]}

    def querybatch(request):
        queries = json.loads(request.body)["queries"]
        results = [vulnerable if (q["package"]["name"], q["version"]) == ("openssl", VULNERABLE) else {}
                   for q in queries]
        return 200, {}, json.dumps({"results": results})

    responses.add_passthru(re.compile(r"http://127\.0\.0\.1:\d+/"))
    responses.add_callback(responses.POST, f"{OSV}/v1/querybatch", callback=querybatch)
    for vuln_id, record in case["records"].items():
        responses.get(f"{OSV}/v1/vulns/{vuln_id}", json=record)


def service(root: Path, base: str) -> Path:
    (root / ".github").mkdir(parents=True)
    (root / ".github" / "hardenbot.yml").write_text("rules:\n  HB011: on\n")
    (root / "app.sh").write_text(APP)
    (root / "app.sh").chmod(0o755)
    path = root / "Dockerfile"
    path.write_text(f"FROM {base}\nRUN apt-get update && apt-get install -y curl\nCOPY app.sh /app.sh\n"
                    'USER 65534\nCMD ["/app.sh"]\n')
    return path


def fix_verify(capsys, root: Path) -> dict:
    assert main(["fix", "--verify", "--format", "json", str(root)]) == 0
    return json.loads(capsys.readouterr().out)


@responses.activate
def test_an_upgrade_that_replaces_a_vulnerable_package_is_kept_and_names_it(docker_engine, bases, tmp_path,
                                                                             capsys, monkeypatch):
    docker_engine.use(monkeypatch)
    monkeypatch.setenv("HARDENBOT_OSV_API", OSV)
    serve_osv()
    dockerfile = service(tmp_path, bases[0])
    document = fix_verify(capsys, tmp_path)
    [item] = document["verification"]
    assert item["verdict"] == "verified"
    assert "RUN apt-get update && apt-get upgrade -y && apt-get install" in dockerfile.read_text()
    [entry] = document["files"]
    [kept] = [f for f in entry["fixed"] if f["rule"] == "HB011"]
    assert kept["message"] == (f"apt packages are not upgraded; the built image showed it replace libssl3 {VULNERABLE} "
                               f"→ {FIXED}, closing DSA-5532-1 (1 of 1 packages replaced had fixable vulnerabilities)")
    assert {f["rule"] for f in entry["fixed"]} >= {"DL3015", "DL3009", "HB030"}  # the rest of the run went on
    [policies] = document["policies"]
    [vulns] = [p for p in policies["policies"] if p["policy"] == "vulnerabilities-critical"]
    assert (vulns["before"]["state"], vulns["after"]["state"]) == ("fail", "pass") and "HB011" in vulns["moved_by"]
    # The grade measured on the built images: the upgrade closed the one fixable high.
    overall = document["measured"]["overall"]
    assert (overall["images"], overall["fixable_critical_high"], overall["fixable_critical_high_after"]) == (1, 1, 0)
    assert "HB011" in overall["moved_by"] and overall["size"] > 50e6 and overall["size_after"] > 50e6
    assert overall["grade"] != overall["grade_after"]
    assert docker_engine.daemon.docker("ps", "--all", "--quiet").stdout == ""


@responses.activate
def test_an_upgrade_on_a_base_with_nothing_pending_is_kept_out_with_the_reason(docker_engine, bases, tmp_path,
                                                                               capsys, monkeypatch):
    docker_engine.use(monkeypatch)
    monkeypatch.setenv("HARDENBOT_OSV_API", OSV)
    serve_osv()
    dockerfile = service(tmp_path, bases[1])
    document = fix_verify(capsys, tmp_path)
    [item] = document["verification"]
    assert (item["verdict"], item["dropped_rules"]) == ("edits dropped", ["HB011"])
    written = dockerfile.read_text()
    assert "upgrade" not in written and "--no-install-recommends" in written  # the other edits are kept
    [entry] = document["files"]
    [note] = [f for f in entry["needs_a_person"] if f["rule"] == "HB011"]
    assert note["message"] == ("not changed: not proven (the upgrade replaced no package with a fixable vulnerability "
                               "(it replaced none: verify builds download nothing unless verify.network is true)); "
                               "the edit was dropped")
