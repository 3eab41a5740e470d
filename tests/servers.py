"""Real servers for the tests and benchmarks, on 127.0.0.1 only, started and stopped by them.

- `RegistryServer`: Debian's `docker-registry` (distribution 2.8), plain HTTP on a free
  port, storage in a temporary folder, optionally behind token authentication.
- `TokenServer`: a small token service that signs JWTs with a test key whose certificate the
  registry trusts, optionally demanding a username and password (Basic).
- `push_image` / `push_index`: put images into a registry through its HTTP upload API (blob
  upload, then manifest PUT), no Docker engine needed; `delete_manifest` takes one away.
- `HttpServer`: a scripted HTTP (or HTTPS, with `tls_files`) server that records every request:
  a hostile registry's front (redirects, forwarding the rest to a real registry) or a target
  that must never be reached. `RawServer`: a socket that answers however a test wants (never,
  a byte at a time). `non_loopback_address`: an address of this machine that is not loopback.
- `DockerDaemon`: a private `dockerd` (Debian's docker.io) on a unix socket in a temporary
  folder, for real BuildKit builds; `base_images` makes two small base images, imports them
  and pushes them to a `RegistryServer`.
"""
from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import shutil
import signal
import socket
import ssl
import subprocess
import tarfile
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import jwt
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json"
OCI_INDEX = "application/vnd.oci.image.index.v1+json"
OCI_CONFIG = "application/vnd.oci.image.config.v1+json"
OCI_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def registry_binary() -> str | None:
    return shutil.which("docker-registry")


def self_signed(common_name: str, *extensions: x509.ExtensionType):
    """A new RSA key and a CA certificate of its own for `common_name`, valid a day either side
    of now, with `extensions` (not critical) added."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = datetime.now(UTC)
    builder = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
               .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(days=1))
               .not_valid_after(now + timedelta(days=1)))
    for extension in extensions:
        builder = builder.add_extension(extension, critical=False)
    builder = builder.add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
    return key, builder.sign(key, hashes.SHA256())


# -- token service ------------------------------------------------------------------------
@dataclass
class TokenServer:
    folder: Path
    service: str = "hardenbot-test-registry"
    issuer: str = "hardenbot-test-issuer"
    username: str | None = None  # when set, tokens need these credentials
    password: str | None = None
    requests: list[dict] = field(default_factory=list)

    def __post_init__(self) -> None:
        key, cert = self_signed("hardenbot test token signer")
        self.cert_path = self.folder / "token-signer.pem"
        self.cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        self._key = key
        self._x5c = base64.b64encode(cert.public_bytes(serialization.Encoding.DER)).decode()
        self.port = free_port()
        self.realm = f"http://127.0.0.1:{self.port}/token"

    def issue(self, scope: str, subject: str) -> str:
        access = []
        if scope:
            kind, name, actions = scope.split(":", 2)
            access.append({"type": kind, "name": name, "actions": actions.split(",")})
        now = int(time.time())
        claims = {"iss": self.issuer, "sub": subject, "aud": self.service, "exp": now + 300, "nbf": now - 10,
                  "iat": now, "jti": uuid.uuid4().hex, "access": access}
        return jwt.encode(claims, self._key, algorithm="RS256", headers={"x5c": [self._x5c]})

    def __enter__(self) -> TokenServer:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                query = parse_qs(urlparse(self.path).query)
                authorization = self.headers.get("Authorization", "")
                server.requests.append({"query": query, "authorization": authorization})
                subject = "anonymous"
                if server.username is not None:
                    expected = base64.b64encode(f"{server.username}:{server.password}".encode()).decode()
                    if authorization != f"Basic {expected}":
                        self.send_response(401)
                        self.end_headers()
                        return
                    subject = server.username
                body = json.dumps({"token": server.issue(query.get("scope", [""])[0], subject),
                                   "expires_in": 300}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()


# -- registry -----------------------------------------------------------------------------
class RegistryServer:
    """`docker-registry serve` on 127.0.0.1:<free port>; stops on exit."""

    def __init__(self, folder: Path, token: TokenServer | None = None, port: int | None = None):
        self.folder = folder
        self.token = token
        self.port = port or free_port()
        self.host = f"127.0.0.1:{self.port}"
        self.url = f"http://{self.host}"

    def _config(self) -> str:
        lines = [
            "version: 0.1",
            "log:", "  level: error", "  accesslog:", "    disabled: true",
            "storage:", "  filesystem:", f"    rootdirectory: {self.folder / 'storage'}",
            "  delete:", "    enabled: true",
            "http:", f"  addr: {self.host}",
        ]
        if self.token:
            lines += ["auth:", "  token:", f"    realm: {self.token.realm}", f"    service: {self.token.service}",
                      f"    issuer: {self.token.issuer}", f"    rootcertbundle: {self.token.cert_path}"]
        return "\n".join(lines) + "\n"

    def __enter__(self) -> RegistryServer:
        binary = registry_binary()
        if binary is None:
            raise RuntimeError("docker-registry is not installed (apt-get install docker-registry)")
        config = self.folder / "registry.yml"
        config.write_text(self._config())
        self._log = open(self.folder / "registry.log", "wb")
        env = {k: v for k, v in os.environ.items() if not k.startswith("REGISTRY_")}
        self._process = subprocess.Popen([binary, "serve", str(config)], stdout=self._log,
                                         stderr=subprocess.STDOUT, env=env)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"docker-registry exited: {(self.folder / 'registry.log').read_text()[-500:]}")
            try:
                if requests.get(f"{self.url}/v2/", timeout=1).status_code in (200, 401):
                    return self
            except requests.ConnectionError:
                time.sleep(0.05)
        self.__exit__()
        raise RuntimeError("docker-registry did not start within 15 s")

    def __exit__(self, *exc) -> None:
        self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._log.close()

    # -- pushing, through the registry's own upload API ------------------------------------
    def _authorization(self, repository: str) -> dict[str, str]:
        if not self.token:
            return {}
        return {"Authorization": "Bearer " + self.token.issue(f"repository:{repository}:pull,push", "pusher")}

    def push_blob(self, repository: str, data: bytes) -> str:
        digest = "sha256:" + hashlib.sha256(data).hexdigest()
        headers = self._authorization(repository)
        start = requests.post(f"{self.url}/v2/{repository}/blobs/uploads/", headers=headers, timeout=10)
        start.raise_for_status()
        location = start.headers["Location"]
        if location.startswith("/"):
            location = self.url + location
        separator = "&" if "?" in location else "?"
        put = requests.put(f"{location}{separator}digest={digest}", data=data,
                           headers={**headers, "Content-Type": "application/octet-stream"}, timeout=10)
        put.raise_for_status()
        return digest

    def push_manifest(self, repository: str, reference: str, manifest: dict, media_type: str) -> str:
        body = json.dumps(manifest, separators=(",", ":")).encode()
        response = requests.put(f"{self.url}/v2/{repository}/manifests/{reference}", data=body,
                                headers={**self._authorization(repository), "Content-Type": media_type},
                                timeout=10)
        response.raise_for_status()
        return "sha256:" + hashlib.sha256(body).hexdigest()

    def delete_manifest(self, repository: str, digest: str) -> None:
        """What a registry's garbage collection leaves of an untagged manifest: 404 by digest
        (the storage allows deletes), and no tag points to it any more."""
        response = requests.delete(f"{self.url}/v2/{repository}/manifests/{digest}",
                                   headers=self._authorization(repository), timeout=10)
        response.raise_for_status()

    def push_image(self, repository: str, tag: str, seed: str = "", platform: tuple[str, str] = ("linux", "amd64")
                   ) -> str:
        """A one-layer image; `seed` makes its content (and so its digest) differ."""
        layer = f"layer of {repository}:{tag} {seed}".encode()
        config = json.dumps({"architecture": platform[1], "os": platform[0],
                             "rootfs": {"type": "layers", "diff_ids": ["sha256:" + hashlib.sha256(layer).hexdigest()]},
                             "config": {}}).encode()
        manifest = {
            "schemaVersion": 2, "mediaType": OCI_MANIFEST,
            "config": {"mediaType": OCI_CONFIG, "digest": self.push_blob(repository, config), "size": len(config)},
            "layers": [{"mediaType": OCI_LAYER, "digest": self.push_blob(repository, layer), "size": len(layer)}],
        }
        return self.push_manifest(repository, tag, manifest, OCI_MANIFEST)

    def push_index(self, repository: str, tag: str, seed: str = "") -> tuple[str, list[str]]:
        """A multi-arch OCI index over amd64 and arm64 manifests: (index digest, manifest digests)."""
        entries, digests = [], []
        for arch in ("amd64", "arm64"):
            manifest_digest = self.push_image(repository, f"{tag}-{arch}", seed + arch, ("linux", arch))
            size = len(requests.get(f"{self.url}/v2/{repository}/manifests/{manifest_digest}",
                                    headers={**self._authorization(repository), "Accept": OCI_MANIFEST},
                                    timeout=10).content)
            entries.append({"mediaType": OCI_MANIFEST, "digest": manifest_digest, "size": size,
                            "platform": {"os": "linux", "architecture": arch}})
            digests.append(manifest_digest)
        index = {"schemaVersion": 2, "mediaType": OCI_INDEX, "manifests": entries}
        return self.push_manifest(repository, tag, index, OCI_INDEX), digests


# -- hostile servers ----------------------------------------------------------------------
@dataclass(frozen=True)
class Seen:
    """One request an `HttpServer` received."""
    method: str
    path: str
    headers: dict[str, str]


Answer = tuple[int, dict[str, str], bytes]  # status, headers, body


class HttpServer:
    """HTTP/1.1 on `address`:<free port>, answering each request with `answer(method, path,
    headers)` and recording it in `seen`; HTTPS when given `tls_files` (certificate, key)."""

    def __init__(self, answer, address: str = "127.0.0.1", tls_files: tuple[Path, Path] | None = None):
        self.answer = answer
        self.seen: list[Seen] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out in separate writes: with Nagle's algorithm on, each answer
            # on a kept-alive connection waited for the client's delayed ACK (40 ms a request).
            disable_nagle_algorithm = True

            def _reply(self) -> None:
                server.seen.append(Seen(self.command, self.path, dict(self.headers)))
                status, headers, body = server.answer(self.command, self.path, dict(self.headers))
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            do_GET = do_HEAD = _reply  # noqa: N815 - http.server's naming

            def log_message(self, *args) -> None:
                pass

        self._server = ThreadingHTTPServer((address, 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self.host = f"{f'[{address}]' if ':' in address else address}:{self.port}"  # as an image reference names it
        self.url = f"{'https' if tls_files else 'http'}://{self.host}"
        if tls_files:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*tls_files)
            self._server.socket = context.wrap_socket(self._server.socket, server_side=True)
        # A short poll: shutdown() waits for it, and a test starts several of these.
        threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True).start()

    @property
    def paths(self) -> list[str]:
        """The paths asked, in order."""
        return [seen.path for seen in self.seen]

    def __enter__(self) -> HttpServer:
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()


def forward(upstream: str, headers: dict[str, str] | None = None):
    """An `HttpServer` answer that passes each request on to `upstream` (a real registry),
    with `headers` added, and hands back its status, headers and body."""
    def answer(method: str, path: str, received: dict[str, str]) -> Answer:
        sent = {k: v for k, v in received.items() if k.lower() not in ("host", "connection", "accept-encoding")}
        response = requests.request(method, upstream + path, headers={**sent, **(headers or {})},
                                    allow_redirects=False, timeout=10)
        kept = {k: v for k, v in response.headers.items()
                if k.lower() in ("content-type", "docker-content-digest", "www-authenticate", "location",
                                 "content-length")}
        return response.status_code, kept, response.content
    return answer


def tls_files(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for `localhost` and 127.0.0.1 and its key, as PEM files; a
    client trusts it through REQUESTS_CA_BUNDLE."""
    import ipaddress

    key, cert = self_signed("localhost", x509.SubjectAlternativeName(
        [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]))
    cert_path, key_path = folder / "cdn.pem", folder / "cdn.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


class RawServer:
    """A socket on 127.0.0.1 that reads each connection's request, then calls `answer(socket,
    stop)`; `connections` counts them."""

    def __init__(self, answer):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.host = f"127.0.0.1:{self.port}"
        self.answer = answer
        self.connections = 0
        self.stop = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._one, args=(connection,), daemon=True).start()

    def _one(self, connection: socket.socket) -> None:
        try:
            connection.recv(65536)
            self.answer(connection, self.stop)
        except OSError:
            pass
        finally:
            connection.close()

    def __enter__(self) -> RawServer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.stop.set()
        self.listener.close()


def silent(connection: socket.socket, stop: threading.Event) -> None:
    """Never answer: hold the connection until the server stops."""
    stop.wait()


def drip_headers(connection: socket.socket, stop: threading.Event, every: float = 1.0) -> None:
    """A status line, then a header one byte at a time that never ends."""
    connection.sendall(b"HTTP/1.1 200 OK\r\n")
    while not stop.wait(every):
        connection.sendall(b"X")


def drip_body(connection: socket.socket, stop: threading.Event, every: float = 1.0) -> None:
    """Whole headers promising a manifest, then its body one byte at a time (a HEAD's answer
    ends with the headers; the GET that follows, for the digest they lack, drips)."""
    connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/vnd.oci.image.manifest.v1+json\r\n"
                       b"Content-Length: 100000\r\n\r\n")  # no digest: the client GETs the body
    while not stop.wait(every):
        connection.sendall(b" ")


def non_loopback_address() -> str | None:
    """An IPv4 address of this machine that is not loopback (the one a route out would use),
    or None; nothing is sent."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # UDP: picks a source address, sends nothing
        except OSError:
            return None
        address = probe.getsockname()[0]
    return None if address.startswith("127.") or address == "0.0.0.0" else address


# -- Docker engine ------------------------------------------------------------------------
# Debian's docker.io client (20.10): it makes BuildKit builds with DOCKER_BUILDKIT=1 alone,
# where a newer client first on PATH may lack the buildx plugin those builds need.
DOCKER_CLIENT = "/usr/bin/docker"
DEBIAN_CACHE = Path.home() / ".cache" / "hardenbot-tests" / "debian-bookworm-minbase.tar"


def docker_engine_missing() -> str | None:
    """Why this machine cannot run `DockerDaemon` and `base_images`, or None."""
    needs = {"dockerd": "docker.io", "mmdebstrap": "mmdebstrap", "busybox": "busybox-static"}
    absent = [package for command, package in needs.items() if shutil.which(command) is None]
    if not os.access(DOCKER_CLIENT, os.X_OK):
        absent.insert(0, "docker.io")
    if absent:
        return f"not installed: apt-get install {' '.join(dict.fromkeys(absent))} (.ci/run does)"
    if os.geteuid() != 0:
        return "dockerd needs root to start"
    linked = subprocess.run(["ldd", shutil.which("busybox")], capture_output=True, text=True, check=False)
    if "not a dynamic executable" not in linked.stdout + linked.stderr:
        return "busybox is dynamically linked; the test image needs busybox-static"
    return None


class DockerDaemon:
    """`dockerd` with its own data, socket and configuration in a short temporary folder (a
    unix socket's path may not be longer than about 100 characters), no iptables and no
    bridge: builds and probe containers run with `--network none`. Overlay2 when the kernel
    allows it, else vfs. Stops on exit and removes its folder."""

    def __init__(self, client: str = DOCKER_CLIENT):
        self.client = client
        self.folder: Path | None = None
        self._process: subprocess.Popen | None = None

    @property
    def host(self) -> str:
        return f"unix://{self.folder}/docker.sock"

    @property
    def environment(self) -> dict[str, str]:
        """What a docker client needs to reach this engine and nothing else: its own client
        configuration, so the user's ~/.docker is neither read nor written."""
        return {"DOCKER_HOST": self.host, "DOCKER_CONFIG": str(self.folder / "client")}

    def __enter__(self) -> DockerDaemon:
        reasons = []
        for driver in ("overlay2", "vfs"):
            try:
                self._start(driver)
                return self
            except RuntimeError as error:
                reasons.append(f"{driver}: {error}")
                self._stop()
        raise RuntimeError("dockerd did not start (" + "; ".join(reasons) + ")")

    def __exit__(self, *exc) -> None:
        self._stop()

    def _start(self, driver: str) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="hb-dk-", dir="/tmp"))
        config = self.folder / "daemon.json"
        config.write_text("{}\n")  # not the machine's /etc/docker/daemon.json
        (self.folder / "client").mkdir()
        log = self.folder / "dockerd.log"
        env = {key: value for key, value in os.environ.items() if not key.startswith("DOCKER_")}
        with open(log, "wb") as output:
            self._process = subprocess.Popen(
                ["dockerd", "--config-file", str(config), "--storage-driver", driver, "--iptables=false",
                 "--bridge=none", "-H", self.host, "--data-root", str(self.folder / "root"),
                 "--exec-root", str(self.folder / "exec"), "--pidfile", str(self.folder / "docker.pid")],
                stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env,
                start_new_session=True)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(_last_lines(log.read_text(errors="replace")))
            if self.docker("version", check=False, timeout=10).returncode == 0:
                return
            time.sleep(0.2)
        raise RuntimeError("no answer within 30 s: " + _last_lines(log.read_text(errors="replace")))

    def _stop(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                # Its own process group (start_new_session): containerd, which it started, goes too.
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        folder, self.folder = self.folder, None
        if folder is not None:
            _remove_tree(folder)

    def docker(self, *args: str, check: bool = True, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        """The docker client against this engine."""
        env = {key: value for key, value in os.environ.items() if not key.startswith("DOCKER_")}
        done = subprocess.run([self.client, *args], capture_output=True, text=True, timeout=timeout,
                              env={**env, **self.environment}, stdin=subprocess.DEVNULL, check=False)
        if check and done.returncode != 0:
            raise RuntimeError(f"docker {' '.join(args)}: {_last_lines(done.stderr)}")
        return done

    def image_ids(self) -> set[str]:
        return set(self.docker("images", "--quiet", "--no-trunc").stdout.split())

    def descendants(self) -> list[str]:
        """The command lines of every process this dockerd started, directly or not (containerd,
        a build step's runc and what it runs)."""
        parents = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                # "pid (comm) state ppid …": comm may hold spaces and parentheses.
                parents[int(stat.parent.name)] = int(stat.read_text().rpartition(")")[2].split()[1])
            except (OSError, ValueError, IndexError):
                continue
        found, frontier = [], {self._process.pid} if self._process else set()
        while frontier:
            frontier = {pid for pid, parent in parents.items() if parent in frontier}
            for pid in frontier:
                try:
                    found.append((Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode())
                except OSError:
                    continue
        return found


def _last_lines(text: str, count: int = 3) -> str:
    return " | ".join(line for line in text.strip().splitlines()[-count:]) or "no output"


def _remove_tree(folder: Path) -> None:
    """Remove the engine's folder; a containerd shim may still hold a mount under it, so
    unmount what is left (deepest first) and try again; what still resists stays in /tmp."""
    shutil.rmtree(folder, ignore_errors=True)
    if not folder.exists():
        return
    with open("/proc/self/mounts") as mounts:
        points = [line.split()[1] for line in mounts]
    for point in sorted((p for p in points if p.startswith(f"{folder}/")), key=len, reverse=True):
        subprocess.run(["umount", "--lazy", point], capture_output=True, check=False)
    shutil.rmtree(folder, ignore_errors=True)


# -- base images --------------------------------------------------------------------------
@dataclass(frozen=True)
class BaseImages:
    """Two base images in a `RegistryServer`, named for the family hardenbot's rules take them
    for, and the image IDs they have in the engine."""
    debian: str  # <registry>/debian:bookworm-slim: Debian minbase, with groupadd and useradd
    fake_ubuntu: str  # <registry>/ubuntu:22.04: busybox only, no shadow tools, though named Ubuntu
    digests: dict[str, str]  # reference → the digest the registry holds it under
    ids: frozenset[str]  # every image in the engine

    def pinned(self, reference: str) -> str:
        """The reference as hardenbot pins it: tag kept, digest added."""
        return f"{reference}@{self.digests[reference]}"


def busybox_rootfs(path: Path) -> Path:
    """A tar of a root file system: the static busybox, a link for each of its applets, root
    and nobody in /etc/passwd and /etc/group, /tmp. No adduser, useradd or groupadd."""
    busybox = Path(shutil.which("busybox")).resolve()
    applets = subprocess.run([str(busybox), "--list-full"], capture_output=True, text=True, check=True).stdout.split()
    files = {
        "etc/passwd": b"root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n",
        "etc/group": b"root:x:0:\nnogroup:x:65534:\n",
    }
    folders = {"bin": 0o755, "sbin": 0o755, "usr": 0o755, "usr/bin": 0o755, "usr/sbin": 0o755, "etc": 0o755,
               "root": 0o700, "tmp": 0o1777}
    with tarfile.open(path, "w") as tar:
        for name, mode in folders.items():
            info = tarfile.TarInfo(name)
            info.type, info.mode = tarfile.DIRTYPE, mode
            tar.addfile(info)
        tar.add(busybox, "bin/busybox")
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size, info.mode = len(data), 0o644
            tar.addfile(info, io.BytesIO(data))
        for applet in applets:
            if applet != "bin/busybox":
                info = tarfile.TarInfo(applet)
                info.type, info.linkname = tarfile.SYMTYPE, "/bin/busybox"
                tar.addfile(info)
    return path


def debian_rootfs(path: Path = DEBIAN_CACHE) -> Path:
    """Debian bookworm, variant minbase (which has groupadd and useradd), as a tar made by
    mmdebstrap from the Debian mirror; kept at `path` and reused by later runs."""
    if path.is_file():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.stem}.{os.getpid()}.partial{path.suffix}")
    done = subprocess.run(["mmdebstrap", "--quiet", "--format=tar", "--variant=minbase", "bookworm", str(partial)],
                          capture_output=True, text=True, timeout=600, check=False)
    if done.returncode != 0:
        partial.unlink(missing_ok=True)
        raise RuntimeError(f"mmdebstrap failed: {_last_lines(done.stderr)}")
    partial.replace(path)
    return path


def base_images(daemon: DockerDaemon, registry: RegistryServer, scratch: Path) -> BaseImages:
    """Import the busybox and Debian root file systems into the engine and push them to the
    registry (the engine treats a registry on 127.0.0.0/8 as plain HTTP by itself), so that a
    build pulls them by the digest hardenbot pins."""
    debian = f"{registry.host}/debian:bookworm-slim"
    fake_ubuntu = f"{registry.host}/ubuntu:22.04"
    daemon.docker("import", str(debian_rootfs()), debian, timeout=300)
    daemon.docker("import", str(busybox_rootfs(scratch / "busybox.tar")), fake_ubuntu)
    digests = {}
    for reference in (debian, fake_ubuntu):
        daemon.docker("push", reference, timeout=300)
        # After the push the engine knows the image as <repository>@<digest>.
        repo_digest = daemon.docker("image", "inspect", "--format", "{{index .RepoDigests 0}}", reference).stdout
        digests[reference] = repo_digest.strip().rpartition("@")[2]
    return BaseImages(debian, fake_ubuntu, digests, frozenset(daemon.image_ids()))
