#!/usr/bin/env python3
"""`hardenbot fix --verify` for real on 20 services: what the proven transforms cost and moved.

    python bench/transforms.py [--services 20] [--json FILE]
    python3 /work/shared/corpus/gen_monorepo.py --services 20 --seed 7 --out /tmp/mono7
    python bench/transforms.py --corpus /tmp/mono7

Starts its own world (bench/transforms_env.py: a private dockerd, the real docker-registry on
127.0.0.1 holding a family of base images with several tags each, an OSV stand-in), copies the
services into a temporary repository, points their base images at the local registry, and
turns on the opt-in rules whose fix a build proves (`.github/hardenbot.yml`), and
runs `hardenbot fix --verify --format json` on it in this process, as a user would (the CLI's
own `main`), with the engine and OSV stand-in in its environment. Then stops everything.

The services: without `--corpus`, a monorepo of its own, cycling through seven shapes that
give each transform something to do (`SHAPES`: a slim FastAPI service on an older tag, a
compiler-laden worker on a full image, a Node service on a full image, a bullseye service, a
Debian job, an Alpine service, and one whose RUN needs the network). With `--corpus PATH` (a
tree made by gen_monorepo.py), its first N services in path order. The copy is prepared as a
user's CI would be to build offline: every image a FROM line or an `ARG` default names is
rewritten to the local registry (`python:3.11-slim` → `127.0.0.1:PORT/python:3.11-slim`), and
a file a COPY or ADD names that the generator did not write (`package.json`, `src/` …) is
added as a small stub; nothing else is touched, and hardenbot is not changed. A service whose
RUN lines need what is not here (the network, a package outside the offline catalogue) does
not build as it is: the bench says "original does not build here", which is a figure too.

Prints a row per service: the verdict, builds made, seconds of its builds, steps the hardened
build took from the cache, the grade and fixable critical/high vulnerabilities of the built
images before → after (the JSON's policies), and the transforms kept and dropped; then the
totals: wall time, cache reuse, what hardenbot asked of the registry (requests and bytes by
endpoint: tag lists and blobs are candidate reads, manifests are digest lookups; the registry
client's own counters), OSV requests, and per rule how many edits were kept and dropped, and why.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.transforms_env import BASES, World, world  # noqa: E402
from bot.cli import main as hardenbot  # noqa: E402
from bot.registry.client import RegistryClient  # noqa: E402
from bot.rules import RULES  # noqa: E402
from bot.rules.rule import FixSafety  # noqa: E402

FIXABLE = re.compile(r"(\d+) fixable critical or high")
NOT_CHANGED = re.compile(r"^not changed: (.*?)(?:; the edit was dropped|; reported instead)?$")
STUB_PACKAGE_JSON = '{\n  "name": "service",\n  "version": "1.0.0",\n  "dependencies": {\n    "express": "4.17.1"\n  }\n}\n'

# name → (Dockerfile, {file: text}) for the bench's own monorepo; {base} is the local registry.
SHAPES = {
    "api": ("FROM {base}/python:3.11-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n"
            "COPY . .\nEXPOSE 8000\nCMD [\"uvicorn\", \"app.main:app\", \"--host\", \"0.0.0.0\", \"--port\", \"8000\"]\n",
            {"requirements.txt": "fastapi==0.115.0\nuvicorn==0.30.6\n", "app/main.py": "app = None\n"}),
    "worker": ("FROM {base}/python:3.11-bookworm\nWORKDIR /srv\n"
               "RUN apt-get update && apt-get install -y build-essential \\\n    && rm -rf /var/lib/apt/lists/*\n"
               "COPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY worker.py .\n"
               "EXPOSE 8080\nCMD [\"python\", \"worker.py\"]\n",
               {"requirements.txt": "grpcio==1.66.1\nflask==3.0.3\n", "worker.py": "print('working')\n"}),
    "web": ("FROM {base}/node:20-bookworm\nWORKDIR /usr/src/app\nCOPY package*.json ./\nRUN npm install\nCOPY . .\n"
            "EXPOSE 3000\nCMD [ \"node\", \"server.js\" ]\n",
            {"package.json": STUB_PACKAGE_JSON, "server.js": "require('express')\n"}),
    "legacy": ("FROM {base}/python:3.11-slim-bullseye\nWORKDIR /app\nCOPY . /app\nRUN pip install -r requirements.txt\n"
               "EXPOSE 5000\nCMD [\"python\", \"app.py\"]\n",
               {"requirements.txt": "flask==3.0.3\n", "app.py": "print('legacy')\n"}),
    "job": ("FROM {base}/debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl\nCOPY job.sh /job.sh\n"
            "CMD [\"/job.sh\"]\n", {"job.sh": "#!/bin/sh\necho done\n"}),
    "edge": ("FROM {base}/python:3.11-alpine\nRUN apk add --no-cache build-base libffi-dev\nWORKDIR /app\nCOPY . /app\n"
             "RUN pip install -r requirements.txt\nEXPOSE 8000\nCMD [\"python\", \"app.py\"]\n",
             {"requirements.txt": "gunicorn==23.0.0\n", "app.py": "print('edge')\n"}),
    "fetcher": ("FROM {base}/python:3.11-slim\nWORKDIR /app\n"
                "RUN pip install --index-url https://pypi.internal.example/simple private-sdk==2.1.0\n"
                "COPY . .\nCMD [\"python\", \"fetch.py\"]\n", {"fetch.py": "print('fetch')\n"}),
}


def own_monorepo(root: Path, count: int, registry: str) -> list[str]:
    names = []
    for index in range(count):
        shape = list(SHAPES)[index % len(SHAPES)]
        name = f"{shape}-{index // len(SHAPES) + 1}"
        dockerfile, files = SHAPES[shape]
        folder = root / "services" / name
        # Each service's code is its own, as in a real monorepo (identical services would build
        # identical images, which no two real ones are).
        own = {relative: text + ("" if relative.endswith(".json") else f"# {name}\n") for relative, text in files.items()}
        for relative, text in {"Dockerfile": dockerfile.format(base=registry), **own}.items():
            (folder / relative).parent.mkdir(parents=True, exist_ok=True)
            (folder / relative).write_text(text)
        if (folder / "job.sh").exists():
            (folder / "job.sh").chmod(0o755)
        names.append(name)
    return names


def copied_corpus(corpus: Path, root: Path, count: int, registry: str) -> list[str]:
    """The first `count` services of a gen_monorepo.py tree, based on the local registry."""
    folders = sorted(p.parent for p in corpus.glob("services/*/Dockerfile"))[:count]
    for folder in folders:
        target = root / "services" / folder.name
        shutil.copytree(folder, target)
        dockerfile = target / "Dockerfile"
        text = local_bases(dockerfile.read_bytes().decode(), registry)
        dockerfile.write_bytes(text.encode())
        add_missing_sources(text, target)
    return [folder.name for folder in folders]


_REPOSITORIES = sorted({base.repository for base in BASES} | {"gcr.io/distroless/static-debian12"}, key=len,
                       reverse=True)
_IMAGE = re.compile(r"(?<![\w./:-])(" + "|".join(map(re.escape, _REPOSITORIES)) + r")(?=[:@\s\"']|$)")
_FROM_OR_ARG = re.compile(r"^\s*(from|arg)\s", re.IGNORECASE)


def local_bases(text: str, registry: str) -> str:
    """`text` with each image a FROM line or an ARG default names moved to `registry`; every
    other byte (line endings, comments) as it was."""
    lines = text.splitlines(keepends=True)
    return "".join(_IMAGE.sub(lambda m: f"{registry}/{_path(m.group(1))}", line) if _FROM_OR_ARG.match(line) else line
                   for line in lines)


def _path(repository: str) -> str:
    return repository.split("/", 1)[1] if "." in repository.split("/", 1)[0] else repository


def add_missing_sources(text: str, folder: Path) -> None:
    """A stub for each COPY/ADD source the service lacks (the generator writes a Dockerfile
    and requirements.txt only), so that a build gets as far as its RUN lines."""
    for line in text.splitlines():
        words = line.split()
        if len(words) < 3 or words[0].upper() not in ("COPY", "ADD") or any(w.startswith("--from") for w in words):
            continue
        for source in [w for w in words[1:-1] if not w.startswith("--")]:
            path = folder / source.replace("*", "")
            if source in (".", "./") or path.exists() or not path.resolve().is_relative_to(folder.resolve()):
                continue
            if source.endswith("/"):
                path.mkdir(parents=True, exist_ok=True)
                (path / ("service.proto" if "proto" in source else "README")).write_text(
                    'syntax = "proto3";\n' if "proto" in source else f"stub of {folder.name}\n")
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(STUB_PACKAGE_JSON if path.name == "package.json" else f"# stub of {folder.name}\n")


def turn_on_proven_transforms(repository: Path) -> list[str]:
    """Turn on, in the repository's configuration, every opt-in rule whose fix is proven by
    the build (what this bench measures), as a user trying them would."""
    codes = [rule.code for rule in RULES if rule.fix is FixSafety.PROVEN and not rule.on_by_default
             and rule.requires is None]
    if codes:
        (repository / ".github").mkdir(exist_ok=True)
        (repository / ".github" / "hardenbot.yml").write_text("rules:\n" + "".join(f"  {c}: on\n" for c in codes))
    return codes


@contextlib.contextmanager
def counted_registry_clients() -> Iterator[list[RegistryClient]]:
    """Every RegistryClient made meanwhile, to read its counters after the run."""
    made: list[RegistryClient] = []
    original = RegistryClient.__init__

    def init(self, *args, **kwargs) -> None:
        original(self, *args, **kwargs)
        made.append(self)

    RegistryClient.__init__ = init
    try:
        yield made
    finally:
        RegistryClient.__init__ = original


@contextlib.contextmanager
def environment(values: dict[str, str]) -> Iterator[None]:
    saved = dict(os.environ)
    for key in [k for k in os.environ if k.startswith("DOCKER_")]:
        del os.environ[key]
    os.environ.update(values)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def run_hardenbot(the_world: World, repository: Path, services: int) -> tuple[int, dict, str, float, dict]:
    """(exit code, the JSON report, stderr, wall seconds, registry traffic) of `hardenbot fix
    --verify` on `repository`, in this process, with a cache folder of its own."""
    out, err = io.StringIO(), io.StringIO()
    with tempfile.TemporaryDirectory(prefix="hardenbot-bench-cache-") as cache, \
            environment({**the_world.environment, "XDG_CACHE_HOME": cache}), counted_registry_clients() as clients, \
            contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        started = time.perf_counter()
        code = hardenbot(["fix", "--verify", "--format", "json", "--verify-max-images", str(services), str(repository)])
        wall = time.perf_counter() - started
    traffic: dict[str, dict[str, int]] = {"requests": Counter(), "bytes": Counter()}
    for client in clients:
        traffic["requests"].update(client.requests_by_kind)
        traffic["bytes"].update(client.bytes_by_kind)
    return code, json.loads(out.getvalue() or "{}"), err.getvalue(), wall, traffic


def service_of(path: str) -> str:
    parts = path.split("/")
    return parts[1] if len(parts) > 2 and parts[0] == "services" else path


def figures(document: dict, names: list[str]) -> list[dict]:
    """One row per service, from the JSON report only."""
    files = {f["path"]: f for f in document.get("files", [])}
    verified = {v["path"]: v for v in document.get("verification", [])}
    policies = {p["path"]: p for p in document.get("policies", [])}
    rows = []
    for name in names:
        path = f"services/{name}/Dockerfile"
        entry, item, judged = files.get(path, {}), verified.get(path), policies.get(path)
        builds = [b for b in ((item or {}).get(k) for k in ("before", "failed", "after")) if b]
        after = (item or {}).get("after") or {}
        dropped = [(f["rule"], m.group(1)) for f in entry.get("needs_a_person", [])
                   if (m := NOT_CHANGED.match(f["message"]))]
        rows.append({
            "service": name,
            "verdict": verdict(item, entry),
            "reason": (item or {}).get("reason") or "",
            "builds": (item or {}).get("builds", 0),
            "build_seconds": round(sum(b["seconds"] for b in builds), 1),
            "steps": after.get("steps", 0), "cached": after.get("cached_steps", 0),
            "grade": judged and judged["grade"], "grade_after": judged and judged["grade_after"],
            "fixable": fixable(judged, "before"), "fixable_after": fixable(judged, "after"),
            "size": ((item or {}).get("before") or {}).get("image") and item["before"]["image"]["size"],
            "size_after": (after.get("image") or {}).get("size"),
            "kept": sorted({f["rule"] for f in entry.get("fixed", [])}),
            "dropped": dropped,
        })
    return rows


def verdict(item: dict | None, entry: dict) -> str:
    if item is None:
        return "unchanged" if entry and not entry.get("changed") else "not built"
    before = item.get("before") or {}
    if item["verdict"] == "not verified" and before.get("state") in ("failed", "timed out"):
        return "original does not build here"
    return item["verdict"]


def fixable(judged: dict | None, when: str) -> int | None:
    if not judged:
        return None
    for policy in judged["policies"]:
        result = policy.get(when)
        if policy["policy"] == "vulnerabilities-critical" and result:
            found = FIXABLE.search(result["summary"])
            return int(found.group(1)) if found else None
    return None


def pair(before, after) -> str:
    shown = lambda value: "—" if value is None else str(value)  # noqa: E731
    return shown(before) if before == after else f"{shown(before)}→{shown(after)}"


def print_rows(rows: list[dict]) -> None:
    print(f"{'service':24} {'verdict':29} {'builds':>6} {'build s':>7} {'cached':>7} {'grade':>6} "
          f"{'fix c/h':>7} {'MB':>9}  kept / dropped")
    for row in rows:
        megabytes = pair(*(None if s is None else round(s / 1e6) for s in (row["size"], row["size_after"])))
        dropped = ", ".join(f"{rule} ({why[:60]})" for rule, why in row["dropped"])
        print(f"{row['service'][:24]:24} {row['verdict'][:29]:29} {row['builds']:6d} {row['build_seconds']:7.1f} "
              f"{row['cached']:3d}/{row['steps']:<3d} {pair(row['grade'], row['grade_after']):>6} "
              f"{pair(row['fixable'], row['fixable_after']):>7} {megabytes:>9}  "
              f"{' '.join(row['kept']) or '-'}{' / ' + dropped if dropped else ''}")


def summary(rows: list[dict], wall: float, traffic: dict, osv_requests: int) -> dict:
    built = [r for r in rows if r["steps"]]
    kept = Counter(rule for r in rows for rule in r["kept"])
    dropped = Counter(f"{rule}: {why}" for r in rows for rule, why in r["dropped"])
    judged = [r for r in rows if r["fixable"] is not None and r["fixable_after"] is not None]  # both evaluated
    return {
        "services": len(rows),
        "verdicts": dict(Counter(r["verdict"] for r in rows).most_common()),
        "builds": sum(r["builds"] for r in rows),
        "wall_seconds": round(wall, 1),
        "build_seconds": round(sum(r["build_seconds"] for r in rows), 1),
        "hardened_steps_cached": [sum(r["cached"] for r in built), sum(r["steps"] for r in built)],
        "registry": {kind: {"requests": traffic["requests"][kind], "bytes": traffic["bytes"][kind]}
                     for kind in sorted(set(traffic["requests"]) | set(traffic["bytes"]))},
        "osv_requests": osv_requests,
        "grades": dict(Counter(f"{r['grade']}→{r['grade_after']}" for r in rows if r["grade"]).most_common()),
        "fixable_critical_high": [sum(r["fixable"] for r in judged),
                                  sum(r["fixable_after"] for r in judged), len(judged)],
        "vulnerabilities_not_evaluated": [sum(r["grade"] is not None and r["fixable"] is None for r in rows),
                                          sum(r["grade_after"] is not None and r["fixable_after"] is None for r in rows)],
        "kept_per_rule": dict(sorted(kept.items())),
        "dropped_per_rule": dict(sorted(dropped.items())),
    }


def print_summary(total: dict) -> None:
    print()
    print(f"services: {total['services']}; " + ", ".join(f"{n} {v}" for v, n in total["verdicts"].items()))
    print(f"wall time: {total['wall_seconds']} s for the whole `fix --verify`; builds made: {total['builds']} "
          f"(their listed seconds: {total['build_seconds']})")
    cached, steps = total["hardened_steps_cached"]
    print(f"cache reuse: hardened builds took {cached} of their {steps} steps from the cache")
    registry = total["registry"]
    tags, blobs = registry.get("tags", {}), registry.get("blobs", {})
    print(f"candidates read from the registry: {tags.get('requests', 0)} tag list requests "
          f"({tags.get('bytes', 0) / 1e3:.1f} kB), {blobs.get('requests', 0)} config and layer requests "
          f"({blobs.get('bytes', 0) / 1e6:.1f} MB)")
    print("registry, every endpoint: " + ", ".join(f"{kind} {c['requests']} requests {c['bytes'] / 1e6:.2f} MB"
                                                   for kind, c in registry.items()))
    print(f"OSV stand-in: {total['osv_requests']} requests")
    before, after, images = total["fixable_critical_high"]
    print(f"fixable critical/high of the built images: {before} → {after} (the {images} images evaluated both times);"
          " grades: "
          + (", ".join(f"{k} ×{n}" for k, n in total["grades"].items()) or "none judged"))
    unknown = total["vulnerabilities_not_evaluated"]
    if any(unknown):
        print(f"  vulnerabilities not evaluated (a grade then counts without them): {unknown[0]} images before, "
              f"{unknown[1]} after")
    print("kept per rule: " + (", ".join(f"{rule} {n}" for rule, n in total["kept_per_rule"].items()) or "none"))
    print("dropped per rule and reason:" + ("" if total["dropped_per_rule"] else " none"))
    for reason, count in total["dropped_per_rule"].items():
        print(f"  {count} × {reason[:150]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="a tree made by gen_monorepo.py (default: the bench's own)")
    parser.add_argument("--services", type=int, default=20)
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the figures here")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep hardenbot's JSON report and log here")
    args = parser.parse_args()
    if args.corpus is not None and not any(args.corpus.glob("services/*/Dockerfile")):
        print(f"{args.corpus}: no services/*/Dockerfile (make it with gen_monorepo.py)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    say = lambda line: print(f"[{time.perf_counter() - started:6.1f} s] {line}", file=sys.stderr)  # noqa: E731
    with world(say) as the_world, tempfile.TemporaryDirectory(prefix="hardenbot-bench-repo-") as scratch:
        repository = Path(scratch)
        host = the_world.registry.host
        names = (copied_corpus(args.corpus, repository, args.services, host) if args.corpus
                 else own_monorepo(repository, args.services, host))
        turned_on = turn_on_proven_transforms(repository)
        say(f"setup done; hardenbot fix --verify on {len(names)} services, opt-in proven rules turned on: "
            f"{', '.join(turned_on) or 'none'} …")
        code, document, log, wall, traffic = run_hardenbot(the_world, repository, len(names))
        osv_requests = the_world.osv.asked
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        (args.keep / "report.json").write_text(json.dumps(document, indent=1) + "\n")
        (args.keep / "hardenbot.log").write_text(log)
    if not document:
        print(f"hardenbot exited {code} without a report:\n{log[-2000:]}", file=sys.stderr)
        return 1
    rows = figures(document, names)
    print_rows(rows)
    total = summary(rows, wall, traffic, osv_requests)
    print_summary(total)
    for error in document.get("errors", []):
        print(f"hardenbot error: {error['path']}: {error['message']}")
    print(f"opt-in proven rules turned on: {', '.join(turned_on) or 'none'}")
    print(f"hardenbot exited {code}; the bench took {time.perf_counter() - started:.0f} s in all")
    if args.json:
        args.json.write_text(json.dumps({"summary": {**total, "opt_in_turned_on": turned_on}, "services": rows,
                                         "exit": code}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
