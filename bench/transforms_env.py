"""The world bench/transforms.py runs hardenbot in, all on this machine and stopped after it:
a private dockerd, the real `docker-registry` on 127.0.0.1, a family of base images made
locally and pushed there under the names the services use, and an OSV stand-in.

The base images. Docker Hub is out of reach and builds run with `--network none`, so each
base is made from the Debian minbase root file system the `--verify` tests cache
(`tests.servers.debian_rootfs`) or from the static busybox (Alpine-named images), plus the
offline stand-ins of `offline_tools.sh` (apt-get, apk, pip, npm, python, node, curl …), which
install by writing the package database the inventories read. Each tag is built with a RUN
that writes its own dpkg status (`bench-preinstall`): an older tag holds older, vulnerable
versions of openssl, curl, git, gcc; a full image holds compilers and curl a `-slim` one lacks;
a bullseye tag says Debian 11. So the tags of one repository differ in what an inventory
reads, as Docker Hub's do, and candidates differ in their figures.

The OSV stand-in answers `POST /v1/querybatch` and `GET /v1/vulns/{id}` in OSV's documented
shapes (a Debian record names its CVE in `upstream`; the CVE record carries the CVSS vector),
calling vulnerable exactly the (ecosystem, package, version) triples of `VULNERABLE`.
"""
from __future__ import annotations

import contextlib
import json
import shutil
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote

from tests.servers import DockerDaemon, RegistryServer, busybox_rootfs, debian_rootfs

TOOLS = Path(__file__).with_name("offline_tools.sh")
PROGRAMS = ("apt-get", "apt", "apk", "pip", "pip3", "python", "python3", "node", "npm", "uvicorn", "gunicorn",
            "jupyter", "flask", "curl", "wget", "gcc", "cc", "g++", "make", "git")
PYTHON = ("python", "python3", "pip", "pip3", "uvicorn", "gunicorn", "jupyter", "flask")
NODE = ("node", "npm")

# The package repositories as they are today: what `apt-get install` / `apk add` gets, and what
# `apt-get upgrade` moves installed packages to. `package binary:source:version …`.
CATALOGUES = {
    "bookworm": {
        "gcc": "gcc:gcc-defaults:1.203 gcc-12:gcc-12:12.2.0-14+deb12u1",
        "g++": "g++:gcc-defaults:1.203 gcc-12:gcc-12:12.2.0-14+deb12u1",
        "make": "make:make-dfsg:4.3-4.1",
        "build-essential": "build-essential:build-essential:12.9 gcc:gcc-defaults:1.203 "
                           "gcc-12:gcc-12:12.2.0-14+deb12u1 g++:gcc-defaults:1.203 make:make-dfsg:4.3-4.1",
        "libpq-dev": "libpq-dev:postgresql-15:15.8-0+deb12u1 libpq5:postgresql-15:15.8-0+deb12u1",
        "libffi-dev": "libffi-dev:libffi:3.4.4-1",
        "curl": "curl:curl:7.88.1-10+deb12u8 libcurl4:curl:7.88.1-10+deb12u8",
        "wget": "wget:wget:1.21.3-1+b2",
        "ca-certificates": "ca-certificates:ca-certificates:20230311",
        "libssl3": "libssl3:openssl:3.0.15-1~deb12u1",
        "openssl": "openssl:openssl:3.0.15-1~deb12u1",
        "git": "git:git:2.39.5-0+deb12u1",
        "python3": "python3:python3-defaults:3.11.2-1+b1",
        "python3-pip": "python3-pip:python-pip:23.0.1+dfsg-1",
    },
    "bullseye": {
        "gcc": "gcc:gcc-defaults:1.190 gcc-10:gcc-10:10.2.1-6",
        "build-essential": "build-essential:build-essential:12.9 gcc:gcc-defaults:1.190 gcc-10:gcc-10:10.2.1-6",
        "libpq-dev": "libpq-dev:postgresql-13:13.16-0+deb11u1 libpq5:postgresql-13:13.16-0+deb11u1",
        "curl": "curl:curl:7.74.0-1.3+deb11u14 libcurl4:curl:7.74.0-1.3+deb11u14",
        "ca-certificates": "ca-certificates:ca-certificates:20210119",
        "libssl1.1": "libssl1.1:openssl:1.1.1w-0+deb11u2",
    },
    "alpine": {
        "build-base": "build-base:build-base:0.5-r3 gcc:gcc:13.2.1_git20240309-r0 make:make:4.4.1-r2",
        "gcc": "gcc:gcc:13.2.1_git20240309-r0",
        "libffi-dev": "libffi-dev:libffi:3.4.6-r0",
        "curl": "curl:curl:8.9.1-r1",
        "libssl3": "libssl3:openssl:3.3.2-r0",
    },
}
WHEELHOUSE = {"pip": "24.2", "setuptools": "75.1.0", "wheel": "0.44.0", "fastapi": "0.115.0", "uvicorn": "0.30.6",
              "gunicorn": "23.0.0", "flask": "3.0.3", "psycopg2": "2.9.9", "grpcio": "1.66.1",
              "grpcio-tools": "1.66.1", "protobuf": "5.28.2", "requests": "2.32.3"}

# What each base held when it was made: older tags hold older versions.
OLD_FULL = ("libssl3:openssl:3.0.11-1~deb12u2 openssl:openssl:3.0.11-1~deb12u2 curl:curl:7.88.1-10+deb12u5 "
            "libcurl4:curl:7.88.1-10+deb12u5 git:git:2.39.2-1.1 gcc:gcc-defaults:1.203 gcc-12:gcc-12:12.2.0-14 "
            "g++:gcc-defaults:1.203 make:make-dfsg:4.3-4.1 libpq-dev:postgresql-15:15.6-0+deb12u1 "
            "libpq5:postgresql-15:15.6-0+deb12u1")
OLD_SLIM = "libssl3:openssl:3.0.11-1~deb12u2 ca-certificates:ca-certificates:20230311"
NEW_SLIM = "libssl3:openssl:3.0.15-1~deb12u1 ca-certificates:ca-certificates:20230311"
BULLSEYE_FULL = ("libssl1.1:openssl:1.1.1w-0+deb11u1 curl:curl:7.74.0-1.3+deb11u11 "
                 "libcurl4:curl:7.74.0-1.3+deb11u11 gcc:gcc-defaults:1.190 gcc-10:gcc-10:10.2.1-6")
BULLSEYE_SLIM = "libssl1.1:openssl:1.1.1w-0+deb11u1"
OLD_ALPINE = "musl:musl:1.2.5-r0 libssl3:openssl:3.3.1-r3"


@dataclass(frozen=True)
class Base:
    """One image the registry holds: its tags, what it is made from, and what it holds."""
    repository: str
    tags: tuple[str, ...]
    root: str  # "debian", "alpine" (busybox, named Alpine) or "busybox" (no tools at all)
    packages: str = ""  # binary:source:version …, written at build time
    runtime: tuple[str, ...] = ()  # programs linked into /usr/local/bin
    release: str = "bookworm"


BASES = (
    Base("python", ("3.11", "3.11-bookworm"), "debian", OLD_FULL, PYTHON),
    Base("python", ("3.11-slim", "3.11-slim-bookworm"), "debian", OLD_SLIM, PYTHON),
    Base("python", ("3.11.10-slim", "3.11.10-slim-bookworm"), "debian", NEW_SLIM, PYTHON),
    Base("python", ("3.11-bullseye",), "debian", BULLSEYE_FULL, PYTHON, "bullseye"),
    Base("python", ("3.11-slim-bullseye",), "debian", BULLSEYE_SLIM, PYTHON, "bullseye"),
    Base("python", ("3.12-slim", "3.12-slim-bookworm"), "debian", NEW_SLIM, PYTHON),
    Base("python", ("3.11-alpine",), "alpine", OLD_ALPINE, PYTHON),
    Base("node", ("20", "20-bookworm", "18"), "debian", OLD_FULL, NODE),
    Base("node", ("20-slim", "20-bookworm-slim"), "debian", NEW_SLIM, NODE),
    Base("node", ("20-alpine",), "alpine", OLD_ALPINE, NODE),
    Base("debian", ("bookworm-slim", "12-slim"), "debian", OLD_SLIM),
    Base("ubuntu", ("22.04",), "busybox"),
    Base("nginx", ("latest",), "busybox"),
    Base("golang", ("1.22",), "busybox"),
    Base("distroless/static-debian12", ("latest",), "busybox"),
    Base("redis", ("7-alpine",), "busybox"),
    Base("postgres", ("16",), "busybox"),
)

CRITICAL = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"  # 9.8
HIGH = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"  # 7.5
MEDIUM = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N"  # 5.3
# (ecosystem, package, version) → (CVE, CVSS vector, fixed in; "" : no fix yet)
VULNERABLE = {
    ("Debian:12", "openssl", "3.0.11-1~deb12u2"): ("CVE-2024-5535", CRITICAL, "3.0.15-1~deb12u1"),
    ("Debian:12", "curl", "7.88.1-10+deb12u5"): ("CVE-2024-2398", HIGH, "7.88.1-10+deb12u8"),
    ("Debian:12", "git", "2.39.2-1.1"): ("CVE-2024-32002", CRITICAL, "2.39.5-0+deb12u1"),
    ("Debian:12", "gcc-12", "12.2.0-14"): ("CVE-2023-4039", HIGH, "12.2.0-14+deb12u1"),
    ("Debian:12", "postgresql-15", "15.6-0+deb12u1"): ("CVE-2024-7348", HIGH, "15.8-0+deb12u1"),
    ("Debian:11", "openssl", "1.1.1w-0+deb11u1"): ("CVE-2024-0727", CRITICAL, "1.1.1w-0+deb11u2"),
    ("Debian:11", "curl", "7.74.0-1.3+deb11u11"): ("CVE-2023-38545", HIGH, "7.74.0-1.3+deb11u14"),
    ("Debian:11", "gcc-10", "10.2.1-6"): ("CVE-2021-46195", MEDIUM, ""),
    ("Alpine:v3.20", "openssl", "3.3.1-r3"): ("CVE-2024-6119", HIGH, "3.3.2-r0"),
    ("npm", "express", "4.17.1"): ("CVE-2024-43796", HIGH, "4.20.0"),
}


class OsvStandIn:
    """OSV's API on 127.0.0.1: querybatch, records by id, and the CVE records they alias.
    `tests.servers.HttpServer` answers GET and HEAD only, without the request's body, and a
    querybatch is a POST whose body names the packages: hence this small server of its own."""

    def __init__(self) -> None:
        stand_in = self
        self.asked = 0

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)))
                stand_in.asked += 1
                self._send(200, {"results": [stand_in.matches(q) for q in body.get("queries", [])]})

            def do_GET(self) -> None:  # noqa: N802
                stand_in.asked += 1
                record = stand_in.record(unquote(self.path.rpartition("/")[2]))
                self._send(200 if record else 404, record or {"code": 5, "message": "Bug not found."})

            def _send(self, status: int, document: dict) -> None:
                data = json.dumps(document).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True).start()

    @staticmethod
    def matches(query: dict) -> dict:
        key = (query["package"]["ecosystem"], query["package"]["name"], query["version"])
        if key not in VULNERABLE:
            return {}
        return {"vulns": [{"id": _record_id(key), "modified": "2024-09-18T10:02:11Z"}]}

    @staticmethod
    def record(vuln_id: str) -> dict | None:
        for key, (cve, vector, fixed) in VULNERABLE.items():
            ecosystem, name, version = key
            events = [{"introduced": "0"}] + ([{"fixed": fixed}] if fixed else [])
            affected = [{"package": {"ecosystem": ecosystem, "name": name},
                         "ranges": [{"type": "ECOSYSTEM", "events": events}], "versions": [version]}]
            if vuln_id == _record_id(key):
                record = {"id": vuln_id, "modified": "2024-09-18T10:02:11Z", "schema_version": "1.6.0",
                          "affected": affected}
                if ecosystem.startswith(("Debian", "Alpine")):
                    record["upstream"] = [cve]  # severity lives in the CVE's record, as on OSV
                else:
                    record.update(aliases=[cve], severity=[{"type": "CVSS_V3", "score": vector}])
                return record
            if vuln_id == cve:
                return {"id": cve, "modified": "2024-09-18T10:02:11Z", "severity": [{"type": "CVSS_V3", "score": vector}]}
        return None

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def _record_id(key: tuple[str, str, str]) -> str:
    ecosystem, name, _ = key
    prefix = {"Debian": "DEBIAN", "Alpine": "ALPINE"}.get(ecosystem.split(":")[0], "GHSA")
    return f"{prefix}-{VULNERABLE[key][0]}-{name}"


@dataclass(frozen=True)
class World:
    daemon: DockerDaemon
    registry: RegistryServer
    osv: OsvStandIn

    @property
    def environment(self) -> dict[str, str]:
        """What hardenbot needs to use this engine and OSV stand-in (and nothing of the user's)."""
        return {**self.daemon.environment, "HARDENBOT_DOCKER": self.daemon.client, "HARDENBOT_OSV_API": self.osv.url}


@contextlib.contextmanager
def world(say) -> Iterator[World]:
    """Start everything, make and push the base images; stop and remove everything after."""
    with contextlib.ExitStack() as stack:
        scratch = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="hardenbot-bench-world-")))
        (scratch / "registry").mkdir()
        registry = stack.enter_context(RegistryServer(scratch / "registry"))
        say(f"registry on {registry.host}; starting a private dockerd …")
        daemon = stack.enter_context(DockerDaemon())
        osv = OsvStandIn()
        stack.callback(osv.close)
        push_bases(daemon, registry.host, scratch / "images", say)
        yield World(daemon, registry, osv)


def push_bases(daemon: DockerDaemon, host: str, folder: Path, say) -> None:
    """Import the two root file systems, add the stand-ins, build every tag of `BASES` and push it."""
    context = folder / "context"
    (context / "share" / "bin").mkdir(parents=True)
    (context / "share" / "www").mkdir()
    for page in ("index.html", "health", "healthz", "ready", "status"):
        (context / "share" / "www" / page).write_text("ok\n")
    shutil.copy(TOOLS, context / "share" / "bin" / "tool")
    (context / "share" / "bin" / "tool").chmod(0o755)
    for release, catalogue in CATALOGUES.items():
        (context / "share" / f"catalogue.{release}").write_text(
            "".join(f"{name} {entries}\n" for name, entries in catalogue.items()))
    (context / "share" / "wheelhouse").write_text("".join(f"{n} {v}\n" for n, v in WHEELHOUSE.items()))
    shutil.copy(shutil.which("busybox"), context / "busybox")
    say("importing the Debian minbase and busybox root file systems …")
    daemon.docker("import", str(debian_rootfs()), f"{host}/bench/root:debian", timeout=600)
    daemon.docker("import", str(busybox_rootfs(folder / "busybox.tar")), f"{host}/bench/root:busybox")
    links = " ".join(PROGRAMS)
    tools = {
        "debian": f"FROM {host}/bench/root:debian\nCOPY busybox /usr/local/bin/busybox\n",
        "alpine": f"FROM {host}/bench/root:busybox\n"
                  "RUN mkdir -p /etc /lib/apk/db && echo 3.20.3 > /etc/alpine-release && printf "
                  "'ID=alpine\\nVERSION_ID=3.20.3\\n' > /etc/os-release\n"
                  "COPY share/bin/tool /usr/sbin/addgroup\nCOPY share/bin/tool /usr/sbin/adduser\n",
    }
    for root, head in tools.items():
        _build(daemon, context, f"{host}/bench/tools:{root}", head
               + "COPY share/ /usr/share/bench/\n"
               + f"RUN chmod 755 /usr/share/bench/bin/tool && cd /usr/share/bench/bin && for n in {links} "
               "bench-preinstall; do ln -sf tool $n; done && mkdir -p /usr/bin "
               "&& for n in apt-get apt apk; do ln -sf /usr/share/bench/bin/tool /usr/bin/$n; done\n"
               "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n")
    for base in BASES:
        first = f"{host}/{base.repository}:{base.tags[0]}"
        if base.root == "busybox":
            daemon.docker("tag", f"{host}/bench/root:busybox", first)
        else:
            lines = [f"FROM {host}/bench/tools:{base.root}"]
            if base.release == "bullseye":
                lines.append("RUN sed -i -e 's/bookworm/bullseye/g' -e 's/VERSION_ID=\"12\"/VERSION_ID=\"11\"/' "
                             "-e 's/(12/(11/' /etc/os-release")
            if base.packages:
                lines.append(f"RUN /usr/share/bench/bin/bench-preinstall {base.packages}")
            if base.runtime:
                lines.append("RUN mkdir -p /usr/local/bin && for n in " + " ".join(base.runtime)
                             + "; do ln -sf /usr/share/bench/bin/tool /usr/local/bin/$n; done")
            _build(daemon, context, first, "\n".join(lines) + "\n")
        for tag in base.tags[1:]:
            daemon.docker("tag", first, f"{host}/{base.repository}:{tag}")
        for tag in base.tags:
            daemon.docker("push", f"{host}/{base.repository}:{tag}", timeout=600)
        say(f"pushed {base.repository}:{', '.join(base.tags)}")


def _build(daemon: DockerDaemon, context: Path, tag: str, dockerfile: str) -> None:
    (context / "Dockerfile").write_text(dockerfile)
    daemon.docker("build", "--network", "none", "--tag", tag, str(context), timeout=600)
