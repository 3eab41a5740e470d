"""The shell script a container starts with, read (never run) for what only root may do.

A container whose command is a script (`CMD ["./entrypoint.sh"]`, `ENTRYPOINT ["/bin/sh"]` with
`CMD ["/app/start.sh"]`) does at start what its Dockerfile does not show. Switching it to a new
user is safe only when the script does nothing but start the program: it checks its settings,
prints, and runs one program (the app). Anything else it runs first (a migration, a generator,
a daemon), any file it writes (a redirection, mkdir, cp, sed -i …) and any command that needs
root (chown, nginx, apt-get …) may fail as another user, so the script is reported instead."""
from __future__ import annotations

import posixpath
import re
from fnmatch import fnmatchcase

from bot.dockerfile.model import Stage
from bot.dockerfile.parser import Instruction
from bot.dockerfile.roles import past_launchers
from bot.dockerfile.shell import Command, split_commands
from bot.record import record

# What a start script may run besides the app: shell built-ins and commands that only read or
# print (their output redirected to a file is caught as a write).
HARMLESS = frozenset({
    "echo", "printf", "export", "set", "unset", "test", "[", "[[", "sleep", "cd", "true", "false", ":", "exit",
    "wait", "trap", "shift", "read", "local", "return", "readonly", "declare", "typeset", "exec", "env", "printenv",
    "grep", "egrep", "fgrep", "cat", "head", "tail", "cut", "tr", "awk", "basename", "dirname", "date", "id",
    "whoami", "hostname", "wc", "expr", "seq", "sort", "uniq", "command", "type", "which", "source", ".",
    "let", "getopts", "ulimit", "umask",
    # Waiting for a service to answer before starting (`until nc -z db 5432; do sleep 1; done`).
    "nc", "netcat", "pg_isready", "nslookup", "ping", "getent", "curl", "wget",
})
# Their options that write what they fetch to a file.
_OUTPUT_OPTIONS = ("-o", "-O", "--output", "--output-document", "--remote-name")
# Commands that need root, or whose job is to write files.
NEEDS_ROOT = frozenset({
    "chown", "chgrp", "mount", "umount", "sysctl", "iptables", "ip6tables", "nft", "ip", "modprobe", "setcap",
    "useradd", "adduser", "groupadd", "addgroup", "usermod", "su", "sudo", "gosu", "su-exec", "setpriv", "runuser",
    "chroot", "apt-get", "apt", "apk", "yum", "dnf", "microdnf", "service", "systemctl", "update-ca-certificates",
    "ldconfig", "cron", "crond", "nginx", "sshd", "supervisord", "httpd", "apache2ctl", "rsyslogd", "dockerd",
})
WRITERS = frozenset({"mkdir", "touch", "cp", "mv", "ln", "install", "tee", "dd", "rsync", "chmod", "rm", "envsubst",
                     "tar", "unzip", "git"})
# Where any user may write: a redirection or a write there says nothing.
SCRATCH = ("/dev/", "/tmp/", "/tmp", "/var/tmp/", "/proc/self/fd/")
# Words that open or close a compound command in `split_commands`' flat list (prefixes or commands of their own).
KEYWORDS = frozenset({"if", "then", "else", "elif", "fi", "do", "done", "while", "until", "for", "case", "esac",
                      "{", "}", "!", "in", "function"})
SHELLS = frozenset({"sh", "bash", "ash", "dash", "zsh"})


@record
class StartScript:
    """The script a stage's container starts: where the image has it, and where the build copied
    it from (context-relative; None when no COPY or ADD of the stage names it)."""
    path: str  # in the image: `/app/entrypoint.sh`
    source: str | None  # in the build context: `hack/lite/start.sh`
    # Named as a script (`.sh`); False: a file the build copied from the context and the
    # container runs by its path (`/myapp/start`), a script only if its first line says a shell.
    by_name: bool = True


def start_script(stage: Stage) -> StartScript | None:
    """The script the container starts with, when it starts one: the ENTRYPOINT (past
    launchers such as tini), or the CMD a bare-shell ENTRYPOINT or no ENTRYPOINT runs; `sh
    script.sh` counts, and so does `sh -c "./start.sh"` (the script the command starts)."""
    words = _started_words(stage)
    if not words:
        return None
    if words[0].rsplit("/", 1)[-1] in SHELLS and len(words) > 2 and words[1] == "-c":
        words = [w for w in words[2].split() if w != "exec"] or words  # `sh -c "exec ./start.sh"`: what it runs
    program = words[0]
    if program.rsplit("/", 1)[-1] in SHELLS:
        if len(words) < 2 or words[1].startswith("-"):
            return None
        program = words[1]
    path = posixpath.normpath(posixpath.join(stage.working_folder(), program))
    if program.endswith(".sh"):
        return StartScript(path, copied_from(stage, path))
    if "/" not in program:
        return None  # a program found on PATH
    source = copied_from(stage, path)
    return StartScript(path, source, by_name=False) if source is not None else None


# The first line of a shell script: `#!/bin/sh`, `#!/usr/bin/env bash`.
SHELL_SHEBANG = re.compile(r"#![ \t]*\S*/(?:env[ \t]+)?(?:ba|da|a|z)?sh\b")


def _started_words(stage: Stage) -> list[str]:
    entrypoint, cmd = stage.last_before("ENTRYPOINT"), stage.last_before("CMD")
    words = past_launchers([w for w in (entrypoint.words if entrypoint is not None else []) if w])
    if not words or (len(words) == 1 and words[0].rsplit("/", 1)[-1] in SHELLS):
        # No ENTRYPOINT, or a bare shell: the CMD is what runs (`ENTRYPOINT ["/bin/sh"]` + `CMD ["/app/start.sh"]`).
        words += [w for w in (cmd.words if cmd is not None else []) if w]
    return words


def context_copy(inst: Instruction) -> tuple[list[str], str] | None:
    """(sources, destination) of a COPY or ADD that copies from the build context (not
    `--from`), quotes and the exec form's brackets taken off; None for any other instruction,
    or one without both."""
    if inst.keyword not in ("COPY", "ADD") or any(flag.name == "from" for flag in inst.flags):
        return None
    words = [w.strip("\"'") for w in inst.words if w.strip("[],\"' ")]
    return (words[:-1], words[-1]) if len(words) >= 2 else None


def copied_from(stage: Stage, path: str) -> str | None:
    """The context-relative file a COPY or ADD of the stage put at `path` (the last to do so):
    copied to that path, into its folder under the same name, or with a folder copied over it
    (`COPY . /app`)."""
    found = None
    workdir = "/"
    for inst in stage.all_instructions():
        if inst.keyword == "WORKDIR" and inst.rest.strip():
            workdir = posixpath.join(workdir, inst.rest.strip().strip("\"'"))
        copy = context_copy(inst)
        if copy is None:
            continue
        sources, dest = copy
        to_folder = dest.endswith("/") or dest in (".", "./") or len(sources) > 1
        dest = posixpath.normpath(posixpath.join(workdir, dest))
        for source in sources:
            if "://" in source or "$" in source:
                continue
            source = posixpath.normpath(source.lstrip("/")) or "."
            folder, pattern = posixpath.split(source)
            if any(c in pattern for c in "*?["):
                # `COPY ./app/* /usr/src/app/`: the files of a folder the pattern matches, by name.
                name = path[len(dest.rstrip("/")) + 1:]
                if path.startswith(dest.rstrip("/") + "/") and "/" not in name and fnmatchcase(name, pattern) \
                        and not any(c in folder for c in "*?["):
                    found = posixpath.join(folder, name)
                continue
            if not to_folder and dest == path:
                found = source
            elif posixpath.join(dest, posixpath.basename(source)) == path:
                found = source
            elif path.startswith(dest.rstrip("/") + "/") and _names_a_folder(source):
                # A folder copied over the script's folder: the script is inside it.
                found = posixpath.normpath(posixpath.join(source, path[len(dest.rstrip("/")) + 1:]))
    return found


def _names_a_folder(source: str) -> bool:
    """`.`, `src/`, `scripts`: a folder, as far as the name tells (a file name has an extension)."""
    return source in (".", "./") or source.endswith("/") or "." not in posixpath.basename(source)


def what_it_does_first(text: str) -> str | None:
    """What a start script does besides starting its program, said with its line (`line 12
    writes ./config/token`, `line 3 runs nginx, which needs root`); None when it only checks,
    prints and starts one program."""
    lines = text.split("\n")
    code = "\n".join("" if line.lstrip().startswith("#") else line for line in lines)
    commands = split_commands(code).commands
    programs = [(command, _name(command)) for command in commands]
    for index, (command, name) in enumerate(programs):
        line = code.count("\n", 0, command.start) + 1
        for target in command.redirect_targets:
            value = target.value
            if not value.startswith(SCRATCH) and not value.lstrip("&").isdigit() and value != "-":
                return f"line {line} writes {value}"
        if name in NEEDS_ROOT:
            return f"line {line} runs {name}, which needs root"
        if name in WRITERS or (name == "sed" and any(w.value.startswith(("-i", "--in-place")) for w in command.args())):
            written = [w.value for w in command.args() if not w.value.startswith("-")]
            if not written or not all(w.startswith(SCRATCH) for w in written[-1:]):
                return f"line {line} runs {name}, which writes files"
        if name in ("curl", "wget") and any(w.value.startswith(_OUTPUT_OPTIONS) for w in command.args()):
            return f"line {line} runs {name}, which writes what it fetches to a file"
        if not name or name in HARMLESS or name in KEYWORDS:
            continue
        # The program the script starts: only the same program, or harmless commands, may follow it.
        later = {other for _, other in programs[index + 1:] if other and other not in HARMLESS | KEYWORDS}
        if later - {name}:
            return f"line {line} runs {name} before {min(later - {name})}"
    return None


def _name(command: Command) -> str:
    """The command's program, past `exec` and `env VAR=…`; `then`/`do` prefixes are not the program."""
    words = [w.value for w in command.argv]
    while words and words[0] in ("exec", "env", "command", "nohup"):
        words = words[1:]
        while words and ("=" in words[0] or words[0].startswith("-")):
            words = words[1:]
    return words[0].rsplit("/", 1)[-1] if words else ""
