"""The health check HB014 derives from a Dockerfile alone: the port the service EXPOSEs and a
probe the image has, written as one HEALTHCHECK instruction, or why none can be derived.

What "healthy" means here: an HTTP request to 127.0.0.1:<port>/ gets an answer, whatever its
status. A bare TCP connect would pass for a hung server too (the kernel completes the
handshake from the listen backlog without the process calling accept), which is the very
case a health check is for; requiring 200 on a guessed path would turn a working service
without that path, or one whose `/` needs its database, unhealthy. Each probe gives up after
3 s on its own, so a hung server fails the probe rather than holding it.

Probes, in this order: the runtime's own interpreter when the base image is the official
python (3) or node image, or the file installs python3 or nodejs with apt-get or apk (it is
what runs the app: it stays); else curl when the file installs it or the base is built on
buildpack-deps (golang, ruby, buildpack-deps itself, not their slim or alpine variants); else
wget when the file installs it or the base is alpine or busybox. Each is written in exec form
so neither the image's SHELL nor a missing shell matters, except wget: it has no "any status"
mode (it exits 1 on a 404), so it runs under `/bin/sh -c` and passes when its `-S` output
shows a status line; every image it is chosen for has /bin/sh (alpine and busybox ship it,
and an apt-get or apk install ran in it). No `|| exit 1`: the engine counts any non-zero exit
as a failed probe (curl's 7 or 28 included), and exec form has no shell to run it.

Whether the image really has the probe, and the app answers on that port, is not taken on
trust: the rule's proof keeps the edit only when the built container becomes healthy.
"""
from __future__ import annotations

import json

from bot.dockerfile.bases import describe_base
from bot.dockerfile.installs import installed_packages
from bot.dockerfile.model import Dockerfile, Stage
from bot.lazy_regex import lazy_compile
from bot.model.images import DOCKER_HUB
from bot.record import record

# Docker's defaults for interval and retries: a probe every 30 s, unhealthy after three
# failures in a row (about 90 s), so one slow answer under load flips nothing. A timeout of
# 5 s (Docker's default is 30 s) leaves each probe's own 3 s bound and an interpreter's start
# room, and a hung probe costs 5 s, not 30. A start period of 30 s: failures while the app
# loads (migrations, a JIT warming) do not count.
TIMING = "--interval=30s --timeout=5s --start-period=30s --retries=3"
PROBE_SECONDS = 3

_PORT = lazy_compile(r"[0-9]{1,5}")
_BUILDPACK_DEPS = frozenset({"buildpack-deps", "golang", "ruby"})


class NoHealthProbe(Exception):
    """Why no health check can be derived from the file (one line)."""


@record
class HealthProbe:
    """A health check derived from the file: the tool in the image and the port it asks."""
    tool: str  # python3 | node | curl | wget
    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def argv(self) -> tuple[str, ...]:
        if self.tool == "python3":
            return ("python3", "-c", f"import http.client as h; c = h.HTTPConnection('127.0.0.1', {self.port}, "
                                     f"timeout={PROBE_SECONDS}); c.request('GET', '/'); c.getresponse()")
        if self.tool == "node":
            return ("node", "-e", f"const r = require('http').get('{self.url}', () => process.exit(0)); "
                                  f"r.setTimeout({PROBE_SECONDS * 1000}, () => r.destroy(new Error('timeout'))); "
                                  "r.on('error', () => process.exit(1))")
        if self.tool == "curl":
            return ("curl", "-sS", "-o", "/dev/null", "--max-time", str(PROBE_SECONDS), self.url)
        # busybox's -T needs a build option some lack (and crashes Debian's static one): the
        # HEALTHCHECK's own --timeout bounds wget instead.
        return ("/bin/sh", "-c", f"wget -S -O /dev/null {self.url} 2>&1 | grep -q HTTP/")

    @property
    def what(self) -> str:
        """One line for the finding: what the check asks, and with which tool."""
        return f"an HTTP request to port {self.port} answered with any status, asked with {self.tool}"

    def instruction(self, doc: Dockerfile) -> str:
        """The HEALTHCHECK line, its keywords in the file's case."""
        return f"{doc.keyword('HEALTHCHECK')} {TIMING} {doc.keyword('CMD')} {json.dumps(list(self.argv))}"


def derive_probe(doc: Dockerfile, stage: Stage) -> HealthProbe:
    """The health check for `stage`'s image; NoHealthProbe when the file does not say enough."""
    return HealthProbe(_probe_tool(doc, stage), exposed_port(stage))


def exposed_port(stage: Stage) -> int:
    """The first TCP port the stage EXPOSEs (its ancestors' EXPOSE included, in file order)."""
    for inst in stage.all_instructions():
        if inst.keyword != "EXPOSE":
            continue
        for word in inst.words:
            if "$" in word:
                raise NoHealthProbe(f"EXPOSE {word} names its port by a variable")
            port, _, protocol = word.partition("/")
            if protocol and protocol.lower() != "tcp":
                continue  # UDP or SCTP: an HTTP request cannot reach it
            if "-" in port:
                raise NoHealthProbe(f"EXPOSE {word} is a range of ports: which one answers is not known")
            if not _PORT.fullmatch(port) or not 0 < int(port) < 65536:
                raise NoHealthProbe(f"EXPOSE {word} is not a port number")
            return int(port)
    raise NoHealthProbe("EXPOSE names no TCP port")


def _probe_tool(doc: Dockerfile, stage: Stage) -> str:
    base = describe_base(stage.external_base)
    # An official image, or a mirror of one (as describe_base reads other registries).
    official = base.image is not None and (base.image.repository.startswith("library/")
                                           or base.image.registry != DOCKER_HUB)
    name = base.image.short_name if official and base.image is not None else ""
    tag = (base.image.tag or "") if base.image is not None else ""
    installed = {package for run in doc.runs() if stage.built_on(run.stage) for package in installed_packages(run)}
    if (name == "python" and base.family in ("debian", "alpine") and not tag.startswith("2")) or "python3" in installed:
        return "python3"
    if base.family == "node" or "nodejs" in installed:
        return "node"
    if "curl" in installed or (name in _BUILDPACK_DEPS and base.os == "debian" and "slim" not in tag):
        return "curl"
    if "wget" in installed or base.os == "alpine" or name == "busybox":
        return "wget"
    raise NoHealthProbe("the image has no known probe: no python3, node, curl or wget")
