"""HB060 — TLS certificate or package signature checks switched off.

Why: with the check off, anyone on the path between the build and the server (a proxy, a
hostile network, a poisoned mirror) can swap what is downloaded, and the build runs it.
What it reads, from the words of each command a RUN runs (substitutions and `sh -c` scripts
included; never from text in quotes or comments): curl `-k`/`--insecure` (also in clusters
such as `-fsSLk`; `-K file` is a config file), wget `--no-check-certificate`, pip, uv
`--trusted-host`/`--allow-insecure-host` and `pip config set …trusted-host`, poetry
`certificates.<source>.cert false`, npm/yarn/pnpm `strict-ssl false` (config or flag),
`git -c http.sslVerify=false` and `git config http.sslVerify false`, apt `--allow-unauthenticated`,
`--allow-insecure-repositories`, `--force-yes` and `-o Acquire::https::Verify-Peer=false`,
a `deb [trusted=yes]` line or apt setting echoed into a file, apk `--allow-untrusted`,
dnf/yum `--nogpgcheck` and `--setopt=sslverify=0`, zypper `--no-gpg-checks`, rpm
`--nosignature`/`--nodigest`, `go get -insecure`; and variables set by ENV, ARG, a command's
prefix or `export`: `NODE_TLS_REJECT_UNAUTHORIZED=0`, `PYTHONHTTPSVERIFY=0`,
`GIT_SSL_NO_VERIFY`, `PIP_TRUSTED_HOST`, `UV_INSECURE_HOST`, `GOINSECURE` (any value),
`NPM_CONFIG_STRICT_SSL=false`, `YARN_ENABLE_STRICT_SSL=false`. A value that is a variable
reference is not judged. Every stage: what a builder stage fetches ends up in what ships.
Fix (proven, under `fix --verify`), only where it is exact: curl's `-k`/`--insecure` is taken
out (`-fsSLk` → `-fsSL`, `--insecure` removed with the blank before it) of a curl written in
the RUN itself whose every URL is https, when the image has the CA certificates by then: an
apt-get or apk install of `ca-certificates` earlier in the stage's lineage (or earlier in the
same script), or a base known to ship them (python, golang, buildpack-deps, eclipse-temurin,
full node and ruby). The build fetching those URLs with the check on is the proof, so it is
kept only by a verify build with the network (`verify.network: true`). Everything else is
reported: the fix is usually to install `ca-certificates` (or the repository's signing key)
and drop the option, which a person checks against the server it talks to.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from bot.dockerfile.arguments import read_args
from bot.dockerfile.bases import describe_base
from bot.dockerfile.installs import APT_OPTIONS_WITH_VALUES
from bot.dockerfile.model import Dockerfile, Run, ShellScript, env_pairs
from bot.dockerfile.parser import split_words
from bot.dockerfile.shell import Command
from bot.lazy_regex import lazy_compile
from bot.model.findings import Finding
from bot.model.text import Edit
from bot.rules.base import finding
from bot.rules.commands import Found, run_commands
from bot.rules.packages import apk_adds, real_installs
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity
from bot.rules.transfers import downloader_args, option_words, urls

if TYPE_CHECKING:  # annotations only: a proof's evidence exists once images were built (`fix --verify`)
    from bot.model.proof import ProofEvidence

CODE = "HB060"
_ASSIGNMENT = lazy_compile(r"([A-Za-z_][A-Za-z0-9_]*)=(.*)", re.DOTALL)
_FALSE = frozenset({"false", "0", "no", "off"})
_ANY_VALUE = object()
# Variables whose value (or any value, for those naming hosts) turns a check off.
INSECURE_VARIABLES: dict[str, object] = {
    "NODE_TLS_REJECT_UNAUTHORIZED": "0",
    "PYTHONHTTPSVERIFY": "0",
    "NPM_CONFIG_STRICT_SSL": "false",
    "YARN_ENABLE_STRICT_SSL": "false",
    "GIT_SSL_NO_VERIFY": _ANY_VALUE,  # git only asks whether it is set
    "PIP_TRUSTED_HOST": _ANY_VALUE,
    "UV_INSECURE_HOST": _ANY_VALUE,
    "GOINSECURE": _ANY_VALUE,
}
_PIP = re.compile(r"pip(\d+(\.\d+)?)?")
_PYTHON = lazy_compile(r"python(\d+(\.\d+)?)?")
_GIT_SSL_VERIFY = lazy_compile(r"http(\..+)?\.sslverify", re.IGNORECASE)
_APT_INSECURE_SETTING = lazy_compile(
    r"acquire::https?::(.+::)?verify-(peer|host)\s*=?\s*\"?(false|0|no|off)\b"
    r"|apt::get::allowunauthenticated\s*=?\s*\"?(true|1|yes|on)\b"
    r"|acquire::allowinsecurerepositories\s*=?\s*\"?(true|1|yes|on)\b", re.IGNORECASE)
_TRUSTED_SOURCE = lazy_compile(r"(^|\s)deb(-src)?\s+\[[^\]]*\btrusted=yes\b[^\]]*\]\s*(\S*)", re.MULTILINE)
# Repositories on the build's own disk (a folder of packages the RUN just built): nothing in transit.
_LOCAL_SOURCES = ("file:", "copy:", "cdrom:")
_YUM_SETOPT = lazy_compile(r"([^=\s]+\.)?(sslverify|gpgcheck)=['\"]?(0|false|no)['\"]?", re.IGNORECASE)
_RPM_UNCHECKED = ("--nosignature", "--nodigest")
_APT_LONG_WITH_VALUE = frozenset(o for o in APT_OPTIONS_WITH_VALUES if o.startswith("--"))


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    # An ARG before the first FROM reaches RUN only when a stage declares it again.
    global_defaults: dict[str, str] = {}
    for inst in doc.instructions:
        if inst.keyword == "FROM":
            break
        if inst.keyword == "ARG":
            global_defaults.update(_arg_pairs(inst.rest))
    for stage in doc.stages:
        for inst in stage.instructions:
            if inst.keyword == "ENV":
                pairs = env_pairs(inst.rest)
            elif inst.keyword == "ARG":
                pairs = {name: global_defaults.get(name, "") for name in split_words(inst.rest) if "=" not in name}
                pairs.update(_arg_pairs(inst.rest))
            else:
                continue
            labels = [label for name, value in pairs.items() if (label := _variable(name, _unquote(value)))]
            if labels:
                yield finding(doc, CODE, inst, _message(labels, f"{inst.keyword} "))
    for run in doc.all_runs:
        removals = _curl_removals(doc, run) if context.proving else {}
        labels = list(dict.fromkeys(label for found in run_commands(run) for label in _insecure(found)
                                    if not (id(found.command) in removals and label in _REMOVED)))
        if removals:
            edits = tuple(edit for _, found_edits, _ in removals.values() for edit in found_edits)
            why = "; ".join(dict.fromkeys(how for _, _, how in removals.values()))
            labels_fixed = ", ".join(dict.fromkeys(label for label, _, _ in removals.values()))
            yield Finding(CODE, doc.path, run.instruction.line,
                          f"TLS checks switched off needlessly ({labels_fixed}): every URL is https and {why}; "
                          "drop the option", edits)
        if labels:
            yield finding(doc, CODE, run.instruction, _message(labels))


_REMOVED = frozenset({"curl -k", "curl --insecure"})


def _curl_removals(doc: Dockerfile, run: Run) -> dict[int, tuple[str, tuple[Edit, ...], str]]:
    """The curl commands written in the RUN itself (not in a substitution or `sh -c`) whose
    `-k`/`--insecure` can go, by id: every URL they fetch is https and the image has the CA
    certificates by then. Each with its label, the edits that take the options out, and how
    the image has the certificates."""
    removals = {}
    for script in run.scripts:
        for command in script.commands("curl"):
            args = downloader_args(command)
            assert args is not None
            fetched = urls(command, args)
            if not args.has("-k", "--insecure") or not fetched or \
                    not all(url.lower().startswith("https://") for url in fetched):
                continue
            how = _ca_certificates(doc, run, script, command)
            edits = _without_insecure(script, command)
            if how is not None and edits is not None:
                label = "curl --insecure" if args.has("--insecure") else "curl -k"
                removals[id(command)] = (label, edits, how)
    return removals


def _ca_certificates(doc: Dockerfile, run: Run, script: ShellScript, command: Command) -> str | None:
    """How the image has the CA certificates when `command` runs, or None: an apt-get or apk
    install of ca-certificates earlier in the stage's lineage (or earlier in the same script),
    or a base known to ship them."""
    lineage = run.stage.lineage()
    for other in doc.all_runs:
        if other.stage not in lineage or other.instruction.span.start > run.instruction.span.start:
            continue
        for found_script, install, sub in (*real_installs(other), *apk_adds(other)):
            if other is run and (found_script is not script or install.start > command.start):
                continue
            if any(word.value == "ca-certificates" for word in install.args() if word.start > sub.start):
                return "the image installs ca-certificates"
    base = describe_base(run.stage.external_base)
    if base.ships_ca_certificates and base.image is not None:
        return f"{base.image.familiar} ships the CA certificates"
    return None


def _without_insecure(script: ShellScript, command: Command) -> tuple[Edit, ...] | None:
    """The edits that take `-k` and `--insecure` out of the command, each word rewritten in
    place (`-fsSLk` → `-fsSL`) or removed with the blank before it; None when a word is
    quoted, escaped or split by a line continuation (it is then reported)."""
    logical = script.logical
    edits = []
    for word, names in option_words(command):
        if not {"-k", "--insecure"} & set(names):
            continue
        if logical.text[word.start : word.end] != word.value or logical.copied_from(word.start, word.end) is None:
            return None
        if names[0].startswith("--"):
            kept = ""
        else:
            letters = "".join(name[1] for name in names if name != "-k")
            kept = "-" + letters + word.value[1 + len(names):] if letters or word.value[1 + len(names):] else ""
        if kept:
            edits.append(Edit(logical.span(word.start, word.end), kept))
            continue
        before = word.start - 1
        if before < 0 or logical.text[before] not in " \t" or logical.copied_from(before, word.end) is None:
            return None
        edits.append(Edit(logical.span(before, word.end), ""))
    return tuple(edits)


def proven_by_the_build(evidence: ProofEvidence) -> str | None:
    """The build fetching its https URLs with the checks on is the proof, which the verifier
    asks of every proven fix: nothing more to ask of the images."""
    return None


def _message(labels: list[str], prefix: str = "") -> str:
    return (f"TLS or signature checks switched off ({', '.join(prefix + label for label in labels)}): "
            "a download can be swapped in transit; install the CA certificates or signing key it "
            "needs and drop the setting")


def _arg_pairs(rest: str) -> dict[str, str]:
    return {name: value for name, has_value, value in (w.partition("=") for w in split_words(rest)) if has_value}


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _variable(name: str, value: str) -> str | None:
    expected = INSECURE_VARIABLES.get(name.upper() if name.lower().startswith("npm_config_") else name)
    if expected is None or not value or "$" in value:
        return None
    return f"{name}={value}" if expected is _ANY_VALUE or value.lower() == expected else None


def _insecure(found: Found) -> Iterator[str]:
    command = found.command
    for word in command.words[: command.argv_start]:
        yield from _assignment(word.value)
    if command.name in ("export", "declare", "typeset"):
        for word in command.args():
            yield from _assignment(word.value)
    judge = _PROGRAMS.get(command.name)
    if judge is None and _PIP.fullmatch(command.name):
        judge = _pip
    elif judge is None and _PYTHON.fullmatch(command.name):
        judge = _python_m_pip
    if judge is not None:
        yield from judge(found)


def _assignment(value: str) -> Iterator[str]:
    match = _ASSIGNMENT.fullmatch(value)
    if match:
        label = _variable(match.group(1), match.group(2))
        if label:
            yield label


def _curl_or_wget(found: Found) -> Iterator[str]:
    args = downloader_args(found.command)
    assert args is not None
    name = found.command.name
    for flag in ("-k", "--insecure", "--proxy-insecure", "--doh-insecure", "--no-check-certificate"):
        if args.has(flag):
            yield f"{name} {flag}"
    for setting in args.values("-e", "--execute") if name == "wget" else ():
        if re.fullmatch(r"check_?certificate\s*=\s*(off|0|no|false)", setting.strip(), re.IGNORECASE):
            yield f"wget -e {setting.strip()}"


def _pip(found: Found) -> Iterator[str]:
    values = found.values()
    yield from _pip_args(found.command.name, values)


def _python_m_pip(found: Found) -> Iterator[str]:
    values = found.values()
    if len(values) > 2 and values[0] == "-m" and values[1] == "pip":
        yield from _pip_args("pip", values[2:])


def _pip_args(name: str, values: list[str]) -> Iterator[str]:
    args = read_args(values)
    if args.has("--trusted-host"):
        yield f"{name} --trusted-host"
    operands = args.operands
    if operands[:2] == ("config", "set") and len(operands) > 2 and \
            operands[2].lower().replace("_", "-").endswith(".trusted-host"):
        yield f"{name} config set {operands[2]}"


def _uv(found: Found) -> Iterator[str]:
    args = read_args(found.values())
    for flag in ("--trusted-host", "--allow-insecure-host"):
        if args.has(flag):
            yield f"uv {flag}"


def _poetry(found: Found) -> Iterator[str]:
    operands = read_args(found.values()).operands
    if len(operands) >= 3 and operands[0] == "config" and \
            re.fullmatch(r"certificates\..+\.cert", operands[1]) and operands[2].lower() in _FALSE:
        yield f"poetry config {operands[1]} {operands[2]}"


def _node_package_manager(found: Found) -> Iterator[str]:
    name = found.command.name
    values = found.values()
    for at, value in enumerate(values):
        if value == "--no-strict-ssl" or value.lower() == "--strict-ssl=false" or \
                (value == "--strict-ssl" and at + 1 < len(values) and values[at + 1].lower() == "false"):
            yield f"{name} {value}"
    operands = list(read_args(values).operands)
    if operands[:1] in (["config"], ["c"]):
        operands = operands[1:]
    if operands[:1] != ["set"]:
        return
    settings = operands[1:]
    for at, setting in enumerate(settings):
        key, has_value, value = setting.partition("=")
        if not has_value:
            value = settings[at + 1] if at + 1 < len(settings) else ""
        if key.lower() in ("strict-ssl", "enablestrictssl") and value.lower() == "false":
            yield f"{name} config set {key} false"


def _git(found: Found) -> Iterator[str]:
    values = found.values()
    own = read_args(values, "cC", frozenset({"--config-env"}), stop_at_operand=True)  # git's, before the command
    for setting in own.values("-c"):
        key, has_value, value = setting.partition("=")
        if has_value and _GIT_SSL_VERIFY.fullmatch(key) and value.lower() in _FALSE | {""}:
            yield f"git -c {setting}"
    if own.operands[:1] == ("config",):
        at = own.operand_at[0]
        operands = list(read_args(values[at + 1 :], "f", frozenset({"--file", "--blob", "--type", "--default",
                                                                      "--comment"})).operands)
        if operands[:1] == ["set"]:
            operands = operands[1:]
        if len(operands) >= 2 and _GIT_SSL_VERIFY.fullmatch(operands[0]) and operands[1].lower() in _FALSE:
            yield f"git config {operands[0]} {operands[1]}"


def _apt(found: Found) -> Iterator[str]:
    name = found.command.name
    args = read_args(found.values(), "oct", _APT_LONG_WITH_VALUE)
    for flag in ("--allow-unauthenticated", "--allow-insecure-repositories", "--force-yes"):
        if args.has(flag):
            yield f"{name} {flag}"
    for setting in args.values("-o", "--option"):
        if _APT_INSECURE_SETTING.search(setting):
            yield f"{name} -o {setting}"


def _echo(found: Found) -> Iterator[str]:
    content = " ".join(found.values()).replace("\\n", "\n")
    if any(not source.group(3).startswith(_LOCAL_SOURCES) for source in _TRUSTED_SOURCE.finditer(content)):
        yield "an apt source marked [trusted=yes]"
    setting = _APT_INSECURE_SETTING.search(content)
    if setting:
        yield f"apt setting {setting.group()}"


def _apk(found: Found) -> Iterator[str]:
    args = read_args(found.values(), "XpU", frozenset({"--repository", "--root", "--arch", "--cache-dir",
                                                      "--keys-dir", "--repositories-file"}))
    if not args.has("--allow-untrusted"):
        return
    # `apk add --allow-untrusted /tmp/packages/x.apk`: packages an earlier stage built, not fetched.
    packages = args.operands[1:]
    local = packages and all(p.startswith(("/", "./")) and p.endswith(".apk") for p in packages)
    if not local or args.has("-X", "--repository"):
        yield "apk --allow-untrusted"


def _rpm_family(found: Found) -> Iterator[str]:
    name = found.command.name
    args = read_args(found.values())
    flags = ("--nogpgcheck", "--no-gpg-checks") + (_RPM_UNCHECKED if name == "rpm" else ())
    for flag in flags:
        if args.has(flag):
            yield f"{name} {flag}"
    for setting in args.values("--setopt"):
        if _YUM_SETOPT.fullmatch(setting):
            yield f"{name} --setopt={setting}"


def _go(found: Found) -> Iterator[str]:
    values = found.values()
    if values[:1] == ["get"] and "-insecure" in values:
        yield "go get -insecure"


_PROGRAMS: dict[str, Callable[[Found], Iterator[str]]] = {
    "curl": _curl_or_wget, "wget": _curl_or_wget, "uv": _uv, "poetry": _poetry,
    "npm": _node_package_manager, "yarn": _node_package_manager, "pnpm": _node_package_manager,
    "git": _git, "apt-get": _apt, "apt": _apt, "aptitude": _apt, "echo": _echo, "printf": _echo,
    "apk": _apk, "dnf": _rpm_family, "yum": _rpm_family, "microdnf": _rpm_family, "tdnf": _rpm_family,
    "yum-config-manager": _rpm_family, "zypper": _rpm_family, "rpm": _rpm_family, "go": _go,
}


RULE = Rule(
    code=CODE,
    name="tls-verification-off",
    title="TLS certificate or package signature checks switched off",
    severity=Severity.HIGH,
    security=True,
    on_by_default=True,
    fix=FixSafety.PROVEN,
    scope=Scope.EVERY_STAGE,
    why="without the check anyone between the build and the server can swap what is downloaded, and the build runs it",
    example=Example("FROM python:3.12-slim\nRUN curl -fsSLk https://example.com/tool.tar.gz | tar -xz",
                    "FROM python:3.12-slim\nRUN curl -fsSL https://example.com/tool.tar.gz | tar -xz"),
    doc=__doc__ or "",
    check=check,
    proof=proven_by_the_build,
    onbuild=True,
    equivalents=("Checkov CKV2_DOCKER_2", "Checkov CKV2_DOCKER_3", "Checkov CKV2_DOCKER_4",
                 "Checkov CKV2_DOCKER_5", "Checkov CKV2_DOCKER_6", "Checkov CKV2_DOCKER_7",
                 "Checkov CKV2_DOCKER_8", "Checkov CKV2_DOCKER_9", "Checkov CKV2_DOCKER_10",
                 "Checkov CKV2_DOCKER_11", "Checkov CKV2_DOCKER_12", "Checkov CKV2_DOCKER_13",
                 "Checkov CKV2_DOCKER_14", "Checkov CKV2_DOCKER_15", "Checkov CKV2_DOCKER_16",
                 "Checkov CKV2_DOCKER_18"),
)
