"""Real servers for the tests and benchmarks, on 127.0.0.1 only, started and stopped by them.

- `RegistryServer`: Debian's `docker-registry` (distribution 2.8), plain HTTP on a free
  port, storage in a temporary folder, optionally behind token authentication.
- `TokenServer`: a small token service that signs JWTs with a test key whose certificate the
  registry trusts, optionally demanding a username and password (Basic).
- `push_image` / `push_index`: put images into a registry through its HTTP upload API (blob
  upload, then manifest PUT), no Docker engine needed.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import socket
import subprocess
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
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "hardenbot test token signer")])
        now = datetime.now(UTC)
        cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(days=1))
                .not_valid_after(now + timedelta(days=1))
                .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
                .sign(key, hashes.SHA256()))
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
