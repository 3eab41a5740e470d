"""HB001 — the final stage runs as root because it never sets USER.

Why: a process running as root in a container is one kernel bug away from root on the host,
and can rewrite everything in its own image at run time.
Fix: switch to a non-root user just above the first CMD/ENTRYPOINT of the final stage
(or at its end when it has neither), numeric wherever the id is known, since Kubernetes'
runAsNonRoot cannot check a name:
- a user the file hands files to (`chown`, `COPY --chown`) or creates: that user
  (`USER 1500` when useradd gave `--uid 1500`; `nobody` is 65534:65534);
- a user the base already has: node images `USER 1000:1000`, Ubuntu 24.04+ (and Eclipse
  Temurin 21+) its `ubuntu` user `USER 1000:1000`, .NET 8+ `USER $APP_UID`;
- Debian/Ubuntu family: `groupadd`/`useradd` of a system user with the configured UID/GID
  (default 10001), then `USER 10001:10001`; Alpine: `addgroup`/`adduser` the same way;
- distroless: `USER 65532:65532` (its `nonroot` user); scratch: `USER 10001:10001`.
Only service images are edited; a base image's final stage is reported (images built FROM it
inherit USER), a tool image's not at all (it runs as the owner of the checkout it works on).
Not reported: wasm modules and APKs (no Unix user runs them), a notice image whose command
only prints (`CMD printf 'deprecated: use …' && exit 1`), AWS Lambda bases (Lambda runs
its own user). Reported, not edited, when the command only waits (`sleep infinity`, `tail -f
/dev/null`): people run commands in it with docker exec, as its user; nor when the file builds a
non-root variant in another stage (`AS nonroot` with a USER or a nonroot base): root by default
is then the maintainers' choice, kept for existing users. Not edited, reported
with the reason, when that is not safe: a folder named for AWS Lambda (`lambda-image/`: Lambda ignores USER), compose mounts
host folders into the container (any service that builds it, or the service of the same name in
another compose file of the folder, which compose merges with it: `docker-compose.seed.yml`; not
a development or override file's) (or host folders, volumes or devices into the repository's own
images, pulled by name: `flowiseai/flowise` in Flowise, `…/hatchet/hatchet-api` in hatchet) or
gives it root's powers (`privileged: true`, `cap_add`, `devices:`), the usage docs (README, the Markdown under docs/) run it with `-v …:/path`
at a path the image names or inside its working folder (a top-level one when it sets none), a port below 1024 set in an ENV (`PORT=80`, `APP_HTTP_PORT=443`) or by
default in the entry file the command runs (`node index.js` with `process.env.PORT || 80`),
a Windows container (a Windows base, SHELL or WORKDIR), an
unknown base family, a .NET image older than 8, a port
below 1024, data the app keeps across runs (a VOLUME, a volume compose mounts into it, a folder
the image makes for media, uploads or data, a comment in the shipped stage that tells users to
mount a volume for it, or a WORKDIR nothing is put in, kept only for what
the app writes there: every earlier version ran as root, so the files already kept there are
root's and the new user could not write them after an upgrade), a base whose entrypoint starts as
root on purpose (postgres, nginx …), privilege dropping (gosu, su-exec, setpriv), a start script (the ENTRYPOINT's, or the CMD's under no
ENTRYPOINT or a bare shell) that could not be read from the build context or that does more than
start one program (it writes files, runs a command that needs root, or runs another program
first: a migration, a generator) or that runs the repository's own program with the container's
arguments (`set -- /usr/bin/restic "$@"`: a command run over the user's files; a build context
is the Dockerfile's folder, or the root when what the file copies is only there), a shell command in the CMD or ENTRYPOINT that does the same
(`sh -c "npm install && node index.js"`), an ENTRYPOINT named for one (`docker-entrypoint`), files made
writable for group root (`chmod g+w`, `chgrp 0`: the image is built for any uid in group 0, as
OpenShift runs it, and a new user of another group could not write them), an ENV or the WORKDIR
that points into root's home, or a CMD or ENTRYPOINT that runs a program kept there (`PATH=/root/.dotnet:…`,
`WORKDIR /root/`, `CMD ["/root/bin/entrypoint.sh"]`: mode 700, a new user could
not enter it or run what is there), a cron job set up (a cron package installed, a file put in /etc/cron.d), a HEALTHCHECK that waits
for a file the command writes at run time in a folder only root can write (`[[ -f /tables-created ]]`), a working folder
another Dockerfile of the repository hands to its user (`chown`, a user's home), or inside which
compose mounts a folder for another Dockerfile of the same folder (the same app's development
image: `./history:/app/history`), a server that
writes into its own folder as it runs (Rails, Next.js, Reflex, Laravel's artisan, Jekyll, Strapi, Directus, and
JavaScript development servers, whose caches go under node_modules: react-scripts start, next dev, vite, ng serve …;
also started through a package.json script, `npm start` → `next start`), an app whose
dependency manifests the build copies in (go.mod, package.json, a .csproj …) name a library that keeps
files on disk (SQLite, Bolt, LevelDB, a rotating log file sink, Multer's uploads), a daemon a package installs with a user of its own (mysqld, postgres, redis-server …), a folder under /var/lib the file names for the app's state (`"rootDirectory": "/var/lib/registry"` in a configuration a RUN writes) that the final stage does not hand to a user, a command that needs root (cron, sshd, supervisord, init systems such as
my_init, runit and s6, image builders such as kaniko …), or a RUN/WORKDIR after CMD.
The app must still be able to run as that user: files it writes at run time need to be
writable by it, which the summary reminds the reviewer of.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping

from bot.dockerfile.bases import BaseInfo, describe_base
from bot.dockerfile.installs import APT, installed_packages
from bot.dockerfile.layout import append_to_stage, insert_before, open_continuation
from bot.dockerfile.model import Dockerfile, Stage, env_pairs, is_root_user, put_in
from bot.dockerfile.parser import Instruction
from bot.dockerfile.platform import windows_evidence
from bot.dockerfile.roles import ComposeBuild, built_on_as_pushed, container_command, only_prints, past_launchers
from bot.dockerfile.shell import split_commands
from bot.dockerfile.stage_purpose import name_words
from bot.dockerfile.start_scripts import SHELL_SHEBANG, SHELLS, StartScript, start_script, what_it_does_first
from bot.lazy_regex import lazy_compile
from bot.model.findings import Finding
from bot.model.roles import Role
from bot.rules.base import finding, own_anchor
from bot.rules.disk_keepers import disk_keeper, package_script
from bot.rules.entry_ports import privileged_default_port
from bot.rules.options import GID, UID, USER_NAME, OptionValues
from bot.rules.packages import created_users, positional_args
from bot.rules.rule import Example, FixSafety, Rule, RuleContext, Scope, Severity

CODE = "HB001"
PRIVILEGE_DROPPERS = re.compile(r"\b(gosu|su-exec|setpriv|runuser|chpst|setuidgid|s6-setuidgid)\b")
# Programs that need root to do their job: run as another user they fail at start.
ROOT_DAEMONS = frozenset({"cron", "crond", "sshd", "supervisord", "init", "systemd", "nginx", "httpd",
                          "apache2", "apache2ctl", "rsyslogd", "dockerd", "tini-static", "buildkitd", "buildah",
                          "podman",
                          # init systems and service supervisors start every service and drop privileges per service
                          "my_init", "runsvdir", "runit", "s6-svscan"})
# Daemons a distribution package installs with a user of their own and a data folder only that
# user may open (Debian's mysql-server: user mysql, /var/lib/mysql mode 700): as another user
# they cannot open their data.
PACKAGED_DAEMONS = frozenset({"mysqld", "mysqld_safe", "mariadbd", "mariadbd-safe", "postgres", "pg_ctlcluster",
                              "redis-server", "mongod", "slapd", "named", "squid", "postfix", "dovecot", "xinetd"})
# Image builders unpack root filesystems: they run as root (kaniko's executor and warmer).
ROOT_PROGRAM_FOLDERS = ("/kaniko/",)
# Programs that are not Linux processes: a USER means nothing to their runtime.
NOT_PROCESSES = (".wasm", ".apk")
# Cron daemons, and where their job tables live: cron runs as root to start each job as its user.
CRON_PACKAGES = frozenset({"cron", "cronie", "dcron"})
CRON_TABLES = ("/etc/cron.d", "/etc/crontabs", "/etc/crontab", "/var/spool/cron")
WELL_KNOWN_IDS = {"nobody": "65534:65534"}
_VARIABLE = lazy_compile(r"\$\{(\w+)\}|\$(\w+)")
# `PORT`, `GOTIFY_SERVER_PORT`, `HTTP_PORT`: the port the app listens on, by the settings' convention
# (not `SMTP_PORT` or `DB_PORT`, where it connects to).
_PORT_SETTING = lazy_compile(r"^(?:PORT|(?:\w+_)?(?:SERVER|LISTEN|BIND|HTTP|HTTPS|APP|WEB)_PORT)$")
_PORT = lazy_compile(r"(\d+)(?:-\d+)?(?:/(?:tcp|udp|sctp))?$")
# Folders whose files an application writes at run time and keeps, on a volume, across versions.
KEPT_DATA_FOLDERS = frozenset({"media", "uploads", "upload", "data", "storage", "attachments", "userdata"})
# Volumes for scratch files, world-writable and emptied between runs: nothing is kept there.
SCRATCH_FOLDERS = frozenset({"/tmp", "/var/tmp", "/run", "/var/run", "/dev/shm"})


def check(doc: Dockerfile, context: RuleContext) -> Iterator[Finding]:
    stage = doc.final_stage
    user, user_instruction = stage.last_user()
    if user_instruction is not None:
        return  # a USER is set: non-root is fine, an explicit root is DL3002's to report
    base = describe_base(stage.external_base)
    if base.nonroot_by_default or (base.family == "distroless" and "nonroot" in str(base.image)):
        return
    entrypoint = stage.last_before("ENTRYPOINT")
    if entrypoint is not None and _program(entrypoint).endswith(NOT_PROCESSES):
        return  # a wasm module or an APK: no Unix user runs it
    command = container_command(stage)
    if command is not None and only_prints(command[1]):
        return  # a notice image (`CMD printf 'deprecated: use …' && exit 1`): nothing runs in it
    if command is not None and _only_waits(command[1]):
        yield finding(doc, CODE, stage.from_, "final stage runs as root; not changed because its "
                      f"{command[0]} only waits ({' '.join(command[1])[:40]}): commands are run in it with docker "
                      "exec, or files copied out of it, as its user: set USER by hand if they should not be root")
        return
    several = _starts_several(command[1]) if command is not None else None
    if several is not None:
        yield finding(doc, CODE, stage.from_, f"final stage runs as root; not changed because its {command[0]} starts "
                      f"{several}: an all-in-one image whose programs each write where they were set up, as root: "
                      "set USER by hand once each can run as that user")
        return
    reason = _unsafe_reason(doc, stage, base, context)
    if reason:
        yield finding(doc, CODE, stage.from_, f"final stage runs as root; not changed because {reason}")
        return
    lines = _user_lines(doc, stage, base, context.options)
    anchor = own_anchor(stage)
    edit = insert_before(doc, anchor, lines) if anchor else append_to_stage(doc, stage, lines)
    if edit is None:
        yield finding(doc, CODE, stage.from_, "final stage runs as root; not changed because the file ends inside a "
                      f"line continuation (line {open_continuation(doc, stage.instructions[-1])} ends with "
                      f"{doc.escape}): a line added after it would join that instruction; end it, then set USER")
        return
    user_line = lines[-1].split(None, 1)[1]
    yield finding(doc, CODE, stage.from_,
                  f"final stage runs as root: switch to user {user_line} (check the app can write what it needs)",
                  (edit,))


# Stage names of an image variant that runs unprivileged (`nonroot`, `rootless`, `non-root`).
_NON_ROOT_STAGE_WORDS = frozenset({"nonroot", "rootless", "unprivileged"})


def _non_root_variant(doc: Dockerfile, final: Stage, base: BaseInfo, context: RuleContext) -> str | None:
    """Another stage of the file named for running unprivileged (`AS nonroot`) that sets a USER
    or builds on a non-root base: the project ships both, and root is the default on purpose."""
    for stage in doc.stages:
        words = name_words((stage.name or "").lower())
        if stage is final or not (words & _NON_ROOT_STAGE_WORDS or {"non", "root"} <= words):
            continue
        user = stage.last_user()[1]
        if user is not None or describe_base(stage.external_base).nonroot_by_default \
                or "nonroot" in (stage.external_base or ""):
            return (f"the file builds a non-root variant too (stage {stage.name}, line {stage.from_.line}): root by "
                    "default is the maintainers' choice, kept for existing users; make the variant the default by "
                    "hand if that choice has changed")
    return None


# Commands that only keep a container alive (`sleep infinity`, `tail -f /dev/null`, `trap exit TERM; … & wait`).
_WAITERS = frozenset({"sleep", "tail", "wait", "trap", "true", ":"})


def _only_waits(words: list[str]) -> bool:
    """Whether the container's command does nothing but wait: a container to exec into or copy
    files out of, whose USER decides who runs what people run in it."""
    commands = [c for c in split_commands(" ".join(words)).commands if c.argv]
    programs = [c.argv[0].value.rsplit("/", 1)[-1] for c in commands]
    return bool(programs) and set(programs) <= _WAITERS and bool({"sleep", "tail"} & set(programs)) \
        and all(program != "tail" or "/dev/null" in [w.value for w in c.argv] for program, c in zip(programs, commands, strict=True))


# Programs that only start, wait for or report on others (`nohup etcd &`: the program is etcd).
_NOT_DAEMONS = _WAITERS | {"cd", "echo", "printf", "exec", "nohup", "env", "export", "set", "test", "["}


def _starts_several(words: list[str]) -> str | None:
    """The programs a container's shell command starts when it runs one in the background and
    then others (`etcd & sleep 10 && manager-api & openresty`), named for the message; None
    for one program, or several run one after the other."""
    commands = [c for c in split_commands(" ".join(words)).commands if c.argv]
    if not any(c.separator_after == "&" for c in commands):
        return None
    programs: list[str] = []
    for command in commands:
        argv = [w.value.lstrip("(").rsplit("/", 1)[-1] for w in command.argv]
        while argv and argv[0] in ("nohup", "exec", "env"):
            argv = argv[1:]
        if argv and argv[0] not in _NOT_DAEMONS and argv[0] not in programs and "=" not in argv[0]:
            programs.append(argv[0])
    return f"{', '.join(programs[:-1])} and {programs[-1]}" if len(programs) >= 2 else None


def _script_reason(doc: Dockerfile, script: StartScript, context: RuleContext) -> str | None:
    """Why the script the container starts with may fail as a new user: it could not be read,
    or it does more than start its program; None: it only starts it."""
    name = script.path.rsplit("/", 1)[-1]
    text = context.context_file(doc.path, script.source) \
        if context.context_file is not None and script.source is not None else None
    if not script.by_name and (text is None or not SHELL_SHEBANG.match(text)):
        return None  # a program the build copied (`/app/server`), not a shell script: nothing to read
    if text is None:
        return f"its start script {name} may need root, and it is not in the build context to read (read it first)"
    own = context.facts.name
    if own and any(own in line and _HANDS_OVER.search(line) and re.search(rf"(?:^|[\s/]){re.escape(own)}(?:\s|$)", line)
                   for line in text.splitlines()):
        return (f"its start script {script.source} runs {own}, the program this repository builds, with the "
                "container's arguments: a command run over the user's files, which a new user may not be able to read")
    first = what_it_does_first(text)
    if first is None:
        return None
    return (f"its start script {script.source} does more than start the app ({first}), which may need root or "
            "files a new user cannot write: make sure it runs as that user, then set USER")


# A script line that passes the container's arguments on (`exec restic "$@"`, `set -- /usr/bin/restic "$@"`).
_HANDS_OVER = lazy_compile(r'"\$(?:@|\{@\})"')


# `chmod g+w`, `chmod -R g=u`, `chmod g+rwX`: files made writable for their group; `chgrp 0`,
# `chown app:0`, `--chown=app:root`: files given to group root.
_GROUP_WRITABLE = lazy_compile(r"\bchmod\s+(?:-\w+\s+)*g(?:\+r?w|=u|\+rwX|=rwX?)")
_GROUP_ROOT = lazy_compile(r"\bchgrp\s+(?:-\w+\s+)*(?:0|root)\b|\bchown\s+(?:-\w+\s+)*[\w$.{}-]*:(?:0|root)\b"
                           r"|--chown=[\w$.{}-]*:(?:0|root)\b")


def _group_root_design(doc: Dockerfile, stage: Stage) -> int | None:
    """The line of a RUN (or COPY --chown) of the stage's image that makes files writable for
    group root: the way images are built for an arbitrary uid that runs in group 0."""
    for inst in stage.all_instructions():
        if inst.keyword in ("RUN", "COPY", "ADD") and _GROUP_ROOT.search(inst.rest):
            return inst.line
        if inst.keyword == "RUN" and _GROUP_WRITABLE.search(inst.rest):
            return inst.line
    return None


def _cron_setup(doc: Dockerfile, stage: Stage) -> str | None:
    """Where the stage sets up cron jobs: a cron package installed, or a file put in cron's
    tables (`COPY crontab /etc/cron.d/app`); None: it sets up none."""
    for inst in stage.all_instructions():
        if inst.keyword in ("COPY", "ADD") and inst.words and inst.words[-1].startswith(CRON_TABLES):
            return f"line {inst.line} puts a job in {inst.words[-1]}"
    for lineage_stage in stage.lineage():
        for run in doc.runs(lineage_stage):
            named = set(installed_packages(run)) & CRON_PACKAGES
            if named:
                return f"line {run.instruction.line} installs {min(named)}"
    return None


def _context_reader(doc: Dockerfile, context: RuleContext) -> Callable[[str], str | None] | None:
    """The reader of the file's build context, by context-relative path; None: the texts are not on disk."""
    read = context.context_file
    return (lambda path: read(doc.path, path)) if read is not None else None


def _unsafe_reason(doc: Dockerfile, stage: Stage, base: BaseInfo, context: RuleContext) -> str | None:
    """Why a USER would break the image, from the first kind of evidence that shows it; None:
    nothing does."""
    for reason in _REASONS:
        why = reason(doc, stage, base, context)
        if why is not None:
            return why
    return None


def _where_it_runs(doc: Dockerfile, stage: Stage, base: BaseInfo, context: RuleContext) -> str | None:
    """A stage built on it, or a platform that picks the user itself or has no useradd."""
    heir = next((s for s in stage.descendants(doc.stages) if any(i.keyword == "RUN" for i in s.instructions)), None)
    if heir is not None:
        name = heir.name or f"at line {heir.from_.line}"
        return (f"the stage {name} is built on it and would run its RUNs as the new user: set USER where "
                "no stage builds on it")
    child = built_on_as_pushed(doc.path, context.facts)
    if child is not None:
        return (f"{child[0]} is built FROM {child[1]}, the image a workflow pushes this file's build as, and would "
                "run its RUNs as the new user: set USER where they no longer need root")
    lambda_folder = next((f for f in doc.path.split("/")[:-1] if "lambda" in name_words(f.lower())), None)
    if lambda_folder is not None:
        return (f"it sits in {lambda_folder}/, an AWS Lambda function's image, and Lambda runs every function as "
                "its own sandbox user whatever USER says: set USER by hand if it also runs elsewhere")
    windows = windows_evidence(stage)
    if windows is not None:
        return (f"it is a Windows container ({windows}), which has no useradd: set a USER such as "
                "ContainerUser by hand if the app allows")
    return None


def _how_compose_runs_it(doc: Dockerfile, stage: Stage, base: BaseInfo, context: RuleContext) -> str | None:
    """What the compose service that builds it (or runs its image) gives it that a new user could not use."""
    build = context.facts.compose_builds.get(doc.path)
    if build is not None and build.root_powers:
        return f"{build.service} runs it with {build.root_powers}, which only root can use"
    if build is not None and build.bind_mounts:
        return (f"{build.service} mounts host folders at {', '.join(build.bind_mounts)}, which a new user may "
                "not be able to write: make them writable by it, then set USER")
    setting = _folder_setting(stage, build) if build is not None else None
    if setting is not None:
        key, path = setting
        return (f"{build.service} sets {key}={path}, a folder the app writes, which a new user could not create "
                "or write: make it and hand it to that user, then set USER")
    if build is None and context.facts.own_image_mounts:
        service, given = context.facts.own_image_mounts[0]
        return (f"{service} runs this repository's image with {given}, which a new user may not be able to "
                "write or open: make it usable by that user, then set USER")
    sibling = _sibling_mount(doc, stage, context.facts.compose_builds) if build is None else None
    if sibling is not None:
        other, service, target = sibling
        return (f"{service} runs {other}, an image of the same app, with {target} mounted inside the working folder "
                f"{stage.working_folder()}: the app writes there; make it writable by the new user, then set USER")
    return None


def _folders_it_writes(doc: Dockerfile, stage: Stage, base: BaseInfo, context: RuleContext) -> str | None:
    """A folder the app writes that the Dockerfile leaves to root."""
    handed = _handed_elsewhere(doc, stage, context.facts.handed_folders)
    if handed is not None:
        folder, (other, how) = handed
        return (f"the app works in {folder}, which {other} hands to its user ({how}): the app writes there; make it "
                "writable by the new user here too, then set USER")
    writes = _writes_its_folder(doc, stage, context)
    if writes is not None:
        return (f"{writes} as it runs, and the files COPY put there are root's: make those writable by the new "
                "user, then set USER")
    read = _context_reader(doc, context)
    keeper = disk_keeper(doc, read) if read is not None else None
    if keeper is not None:
        library, manifest, what = keeper
        return (f"the app depends on {library} ({manifest}), which keeps {what} on disk, where the app is told or "
                "in its working folder, which COPY made root's: make that folder writable by the new user, "
                "then set USER")
    documented = _documented_mount(stage, context.facts.documented_mounts)
    if documented is not None:
        return (f"{documented[0]} runs it with a folder mounted at {documented[1]}, which a new user may not be able "
                "to write: make it writable by that user, then set USER")
    return None


def _what_the_base_does(doc: Dockerfile, stage: Stage, base: BaseInfo, context: RuleContext) -> str | None:
    """A base that picks its user itself, or whose user tools are not known."""
    if base.family == "dotnet" and base.user is None:
        return "this .NET image predates the `app` user of .NET 8: move to .NET 8+ and `USER $APP_UID`"
    if base.starts_as_root:
        return f"{base.image.familiar if base.image else 'the base'} starts as root and drops privileges itself"
    if base.family == "unknown":
        if stage.external_base is None:
            return f"the base image {stage.lineage()[-1].base!r} cannot be resolved"
        return f"the user tools of base image {stage.external_base} are not known"
    return None


def _data_it_keeps(doc: Dockerfile, stage: Stage, base: BaseInfo, context: RuleContext) -> str | None:
    """Where the image keeps data across runs that earlier versions wrote as root."""
    # A base image's empty WORKDIR is where the images built FROM it put their files, not kept data.
    is_base = context.role is not None and context.role.role is Role.BASE
    kept = _kept_data(doc, stage, context.facts.compose_builds.get(doc.path)) or (None if is_base else _empty_workdir(stage))
    if kept is not None:
        return (f"{kept} holds data the app keeps across runs: files earlier versions wrote there as root stay "
                "root's, and the new user could not write them after an upgrade: chown them (or make a new "
                "volume), then set USER")
    told = _told_to_mount(doc, stage)
    if told is not None:
        return (f"the comment at line {told} tells users to mount a volume for its data: a new user could not write "
                "the volume docker creates as root, nor what earlier versions wrote there: make it writable by "
                "that user, then set USER")
    state = _state_folder_named(doc, stage)
    if state is not None:
        folder, line = state
        return (f"line {line} names {folder}, where the app keeps its state, which the image does not hand to a "
                "user: the app creates or writes it as root today, which a new user could not do: make it and hand "
                "it to that user, then set USER")
    return None


# A folder under /var/lib, where daemons keep their state (`"rootDirectory": "/var/lib/registry"`),
# and the ones there that belong to the system's package managers and services, not an app's.
_STATE_FOLDER = lazy_compile(r"(?<![\w./-])/var/lib/([\w.-]+)")
_SYSTEM_STATE = frozenset({"apt", "dpkg", "apk", "rpm", "yum", "dnf", "ucf", "systemd", "dbus", "pam", "misc",
                           "ca-certificates", "update-notifier", "python", "gems", "locales", "polkit-1", "sudo"})


# A comment that tells users to mount a volume or a host folder for the data (`For persistence,
# mount a volume and add --data-dir`, `docker run -v data:/data …`).
_MOUNT_ADVICE = lazy_compile(r"(?i)\bmount (?:a |an |your |the )?(?:\w+ )?(?:volume|host (?:folder|directory)|data "
                             r"(?:folder|directory))\b|\s-v\s+[\w./$~-]+:/")


def _told_to_mount(doc: Dockerfile, stage: Stage) -> int | None:
    """The line of a comment in the shipped stage (from its FROM on) that tells users to mount a
    volume for the app's data; None: none does."""
    start = stage.from_.line
    return next((line for line, comment in sorted(doc.parsed.comments.items())
                 if line > start and _MOUNT_ADVICE.search(comment)), None)


def _state_folder_named(doc: Dockerfile, stage: Stage) -> tuple[str, int] | None:
    """(folder, line) of a folder under /var/lib that the file names for the app (its
    configuration, written in any stage; an ENV; the command) and that the final stage does not
    hand to a user (a `mkdir` alone leaves it root's): the app creates or writes it as it runs,
    as root today."""
    if "/var/lib/" not in doc.parsed.text:
        return None
    handing = _handing(stage)
    for inst in doc.instructions:
        if inst.keyword not in ("RUN", "ENV", "CMD", "ENTRYPOINT", "ARG"):
            continue
        for match in _STATE_FOLDER.finditer(inst.args.text):
            if match.group(1) in _SYSTEM_STATE:
                continue
            folder = match.group(0)
            if _handed(folder, handing):
                continue  # the final image hands it (or a folder above it) to a user
            return folder, inst.line
    return None


def _ports_it_binds(doc: Dockerfile, stage: Stage, base: BaseInfo, context: RuleContext) -> str | None:
    """A port below 1024 that the app listens on, or a program that drops privileges itself."""
    defaults: dict[str, str] = {}  # build arguments' defaults, for an ENV set from one (`ENV PORT=$EXPOSE`)
    for inst in stage.all_instructions():
        if inst.keyword == "ARG":
            defaults.update(pair.split("=", 1) for pair in inst.rest.split() if "=" in pair)
        if inst.keyword == "ENV":
            for key, value in env_pairs(inst.rest).items():
                port = value.strip("\"'")
                named = _VARIABLE.fullmatch(port)
                if named is not None:
                    port = defaults.get(named.group(1) or named.group(2), "").strip("\"'")
                if _PORT_SETTING.search(key) and port.isdigit() and int(port) < 1024:
                    return f"its ENV {key}={port} has it listen on port {port} (< 1024), which a non-root user cannot bind"
        if inst.keyword == "EXPOSE":
            for port in inst.rest.split():
                match = _PORT.match(port)
                if match and int(match.group(1)) < 1024:
                    return f"it exposes port {match.group(1)} (< 1024), which a non-root user cannot bind"
        if inst.keyword in ("RUN", "ENTRYPOINT", "CMD"):
            match = PRIVILEGE_DROPPERS.search(inst.args.text)
            if match:
                return f"line {inst.line} uses {match.group(1)} to drop privileges itself"
    read = _context_reader(doc, context)
    if read is not None:
        listening = privileged_default_port(stage, read)
        if listening is not None:
            return (f"its entry file {listening[0]} listens on port {listening[1]} by default (< 1024), which a "
                    "non-root user cannot bind: have it listen on a port above 1023 (set PORT), then set USER")
    return None


def _what_it_sets_up(doc: Dockerfile, stage: Stage, base: BaseInfo, context: RuleContext) -> str | None:
    """A design that needs root or group 0: files writable by group root, cron, a health marker."""
    group_root = _group_root_design(doc, stage)
    if group_root is not None:
        return (f"line {group_root} makes files writable for group root, for any uid in group 0 (as OpenShift runs "
                "it): a USER must keep group 0 (`USER 10001:0`); set it by hand")
    cron = _cron_setup(doc, stage)
    if cron is not None:
        return f"{cron}: the cron daemon that runs it needs root"
    in_roots_home = _in_roots_home(stage)
    if in_roots_home is not None:
        inst, folder = in_roots_home
        what = f"the ENV at line {inst.line} points to {folder}" if inst.keyword == "ENV" else \
            f"its working folder is {folder} (WORKDIR at line {inst.line})" if inst.keyword == "WORKDIR" else \
            f"its {inst.keyword} at line {inst.line} runs {folder}"
        return (f"{what}, in root's home, which is mode 700: a new user could not enter it or run what is there; "
                "move it elsewhere, then set USER")
    marker = _health_marker(doc, stage)
    if marker is not None:
        healthcheck, path, folder = marker
        return (f"its HEALTHCHECK (line {healthcheck.line}) waits for {path}, which the container writes at run time "
                f"in {folder}, where a new user cannot write: move it to a folder that user owns, then set USER")
    return None


# A folder under root's home in an ENV value (`PATH=/root/.dotnet:…`, `CARGO_HOME=/root/.cargo`).
_ROOT_HOME_FOLDER = lazy_compile(r"(?:^|[:=\s\"'])(/root/[\w.-]+)")


def _in_roots_home(stage: Stage) -> tuple[Instruction, str] | None:
    """An ENV of the stage (or one it is built on) that points into /root, where tools were put
    for root (`ENV PATH "/root/.dotnet:…"`), its last WORKDIR there (`WORKDIR /root/`), or the
    program its ENTRYPOINT or CMD starts there: (the instruction, the folder or program)."""
    workdir = stage.last_before("WORKDIR")
    if workdir is not None and workdir.words:
        folder = workdir.words[0].rstrip("/")
        if folder == "/root" or folder.startswith("/root/"):
            return workdir, folder
    for inst in stage.all_instructions():
        if inst.keyword == "ENV":
            match = _ROOT_HOME_FOLDER.search(inst.rest)
            if match is not None:
                return inst, match.group(1)
    for keyword in ("ENTRYPOINT", "CMD"):  # the program it starts, kept there (`CMD ["/root/bin/entrypoint.sh"]`)
        inst = stage.last_before(keyword)
        program = next((w for w in (inst.words if inst is not None else []) if w), "")
        if program.startswith("/root/"):
            return inst, program
    return None


def _what_it_starts(doc: Dockerfile, stage: Stage, base: BaseInfo, context: RuleContext) -> str | None:
    """A start script, entrypoint or command that needs root, or instructions after the USER's place."""
    script = start_script(stage)
    if script is not None:
        reason = _script_reason(doc, script, context)
        if reason is not None:
            return reason
    for keyword in ("ENTRYPOINT", "CMD"):
        inst = stage.last_before(keyword)
        if inst is None:
            continue
        program = _program(inst)
        if keyword == "ENTRYPOINT" and script is not None and program.endswith(".sh"):
            continue  # the script was read: it only hands over to the CMD
        if keyword == "ENTRYPOINT" and (program.endswith(".sh") or "entrypoint" in program):
            return f"its entrypoint script {program} may need root (read it first)"
        if program in ROOT_DAEMONS or (inst.words or [""])[0].startswith(ROOT_PROGRAM_FOLDERS):
            return f"its {keyword} runs {program}, which needs root"
        if program in PACKAGED_DAEMONS:
            return (f"its {keyword} runs {program}, a daemon whose package made a user of its own and gave it the "
                    "data folder, which another user could not open: run it as that user (mysqld's is mysql), or "
                    "set USER by hand")
        inline = _inline_script(inst)
        first = what_it_does_first(inline) if inline is not None else None
        if first is not None:
            first = _LINE.sub("", first, count=1)
            return (f"its {keyword}'s shell command does more than start the app ({first}), "
                    "which may need root or files a new user cannot write: make sure it runs as that user, then set USER")
        if keyword == "ENTRYPOINT":
            break  # CMD only supplies arguments to an ENTRYPOINT
    anchor = own_anchor(stage)
    if anchor is not None:
        for inst in stage.instructions:
            if inst.span.start > anchor.span.start and inst.keyword in ("RUN", "WORKDIR"):
                return f"the {inst.keyword} at line {inst.line} comes after {anchor.keyword} and would run as the new user"
    return None


# The line `what_it_does_first` names, which says nothing of a command written on one line.
_LINE = lazy_compile(r"^line \d+ ")


def _inline_script(inst: Instruction) -> str | None:
    """The shell script a CMD or ENTRYPOINT runs in place: its shell form, or the script of
    `sh -c "…"`; None for a program run directly."""
    if inst.json_args is None:
        return inst.rest
    words = past_launchers([w for w in inst.json_args if w])
    if len(words) >= 3 and words[0].rsplit("/", 1)[-1] in SHELLS and words[1] == "-c":
        return words[2]
    return None


# The kinds of evidence, in the order they are asked: the first that answers is the reason shown.
_REASONS = (_non_root_variant, _where_it_runs, _how_compose_runs_it, _folders_it_writes, _what_the_base_does, _data_it_keeps,
            _ports_it_binds, _what_it_sets_up, _what_it_starts)


# Folders any user may write in.
WORLD_WRITABLE = ("/tmp", "/var/tmp", "/dev/shm")
# A HEALTHCHECK that waits for a file: `[ -f /ready ]`, `test -e /srv/done`, `cat /tmp/healthy`.
_FILE_TEST = lazy_compile(r"(?:-[fes]\s+|\b(?:cat|stat)\s+)[\"']?(/[\w./-]+)")


def _folder_setting(stage: Stage, build: ComposeBuild) -> tuple[str, str] | None:
    """The first (variable, folder) the compose service's environment names for the app to write
    (`DOCSRS_PREFIX: /opt/docsrs/prefix`) that the image does not hand to a user (no chown or
    chmod names it or a folder above it)."""
    if not build.folder_settings:
        return None
    handing = _handing(stage)
    for key, path in build.folder_settings:
        if not _handed(path, handing):
            return key, path
    return None


def _handing(stage: Stage) -> list[str]:
    """The texts of the stage's instructions that make files and set who owns them or may
    write them (`chown`, `chmod`, `--chown`)."""
    return [inst.args.text for s in stage.lineage() for inst in s.instructions
            if inst.keyword in _BUILDING and _OWNERSHIP.search(inst.args.text)]


def _handed(path: str, handing: list[str]) -> bool:
    """Whether one of those texts names the folder, or one above it, whole (`chown -R app /opt`
    hands /opt/app; `chown app /opt/other` does not)."""
    folders = [path] + [path[:i] for i in range(len(path)) if path[i] == "/" and i > 0]
    named = re.compile("(?:" + "|".join(re.escape(folder) for folder in folders) + r")/?(?=[\s\"';&|]|$)")
    return any(named.search(text) for text in handing)


def _health_marker(doc: Dockerfile, stage: Stage) -> tuple[Instruction, str, str] | None:
    """(HEALTHCHECK, file, its folder) when the health check waits for a file nothing in the
    Dockerfile makes (the command writes it at run time: a one-shot job's `touch /tables-created`)
    in a folder only root can write; None otherwise."""
    healthcheck = stage.last_before("HEALTHCHECK")
    if healthcheck is None:
        return None
    for match in _FILE_TEST.finditer(healthcheck.args.text):
        path = match.group(1)
        folder = path.rsplit("/", 1)[0] or "/"
        if folder.startswith(WORLD_WRITABLE):
            continue
        others = [inst for s in stage.lineage() for inst in s.instructions if inst.keyword in _BUILDING]
        if any(path in inst.args.text for inst in others):
            continue  # made while building: it is there before the command runs
        if folder != "/" and _handed(folder, _handing(stage)):
            continue  # the folder is handed to a user
        return healthcheck, path, folder
    return None


# Instructions that make files while the image is built (CMD and ENTRYPOINT make them at run time).
_BUILDING = frozenset({"RUN", "COPY", "ADD", "WORKDIR", "VOLUME"})
_OWNERSHIP = lazy_compile(r"\bchown\b|\bchmod\b|--chown")


def _kept_data(doc: Dockerfile, stage: Stage, build: ComposeBuild | None) -> str | None:
    """Where the image keeps data across runs: a VOLUME (not one for scratch files, /tmp), a
    volume the compose service mounts (`db:/var/lib/app`), or a folder for media, uploads or
    data its RUNs make (`mkdir -p /app/media`), said with its line."""
    kept = [f for f in (build.volume_mounts if build else ()) if f.rstrip("/") not in SCRATCH_FOLDERS]
    if kept:
        return f"the volume {build.service} mounts at {kept[0]}"
    for inst in stage.all_instructions():
        if inst.keyword == "VOLUME":
            kept = [f for f in (w.strip("[]\"', ") for w in inst.words) if f and f.rstrip("/") not in SCRATCH_FOLDERS]
            if kept:
                return f"the VOLUME {kept[0]} (line {inst.line})"
    for run in (run for run in doc.runs() if stage.built_on(run.stage)):
        for _, command in run.commands("mkdir"):
            for word in positional_args(command, frozenset({"-m", "--mode", "-Z", "--context"})):
                if word.value.rstrip("/").rsplit("/", 1)[-1].lower() in KEPT_DATA_FOLDERS:
                    return f"{word.value} (made at line {run.instruction.line})"
    return None


# Servers that write into the folder they run from as they start or serve (what, found in the
# CMD/ENTRYPOINT text): a new user cannot write there when COPY made the files root's.
_FOLDER_WRITERS = (
    (lazy_compile(r"\brails\s+(?:server|s)\b|\bpuma\b|\bunicorn_rails\b"), "Rails writes tmp/pids and log/ under its folder"),
    (lazy_compile(r"\bnext\s+start\b"), "Next.js writes .next/cache under its folder"),
    (lazy_compile(r"\breflex\s+run\b"), "Reflex writes .web and its database under its folder"),
    (lazy_compile(r"\bartisan\s+(?:serve|octane:start)\b"), "Laravel writes storage/ and bootstrap/cache under its folder"),
    (lazy_compile(r"\bjekyll\s+serve\b"), "Jekyll writes _site under its folder"),
    (lazy_compile(r"\bstrapi\s+(?:start|develop)\b"), "Strapi writes public/uploads and .tmp under its folder"),
    (lazy_compile(r"\bdirectus\s+start\b"), "Directus writes uploads/ under its folder"),
    # Development servers: their caches (node_modules/.cache, .vite, .angular), and react-scripts
    # rewrites tsconfig.json; `vite` alone or with dev/serve or options, not `vite build`/`preview`.
    (lazy_compile(r"\breact-scripts\s+start\b|\bnext\s+dev\b|\bng\s+serve\b|\bvue-cli-service\s+serve\b"
                  r"|\bwebpack(?:-dev-server\b|\s+serve\b)|\bnuxt\s+dev\b|\bgatsby\s+develop\b"
                  r"|\bvite(?:\s+(?:dev|serve)\b|\s+-|\s*$)"),
     "its JavaScript development server writes its caches (node_modules/.cache, .vite) under its folder"),
)
# A command that runs one of package.json's scripts (`npm start`, `yarn run serve`, `pnpm dev`):
# what the script runs is what the container does.
_PACKAGE_SCRIPT = lazy_compile(r"^(?:npm\s+(?:run(?:-script)?\s+)?|(?:yarn|pnpm|bun)\s+(?:run\s+)?)([\w:.-]+)")
_NOT_SCRIPTS = frozenset({"install", "ci", "exec", "dlx", "x", "add", "i"})
_NEXT_STANDALONE = lazy_compile(r"\.next/standalone")


def _writes_its_folder(doc: Dockerfile, stage: Stage, context: RuleContext) -> str | None:
    """What the command writes into its own folder at run time (Rails' tmp/pids, Next.js'
    .next/cache, a Next.js standalone `server.js` copied out of .next/standalone), said as
    `<framework> writes …`, also when it runs a package.json script that starts one (`npm
    start` → `next start`); None when it is not one of those servers."""
    text = " ".join(word for k in ("ENTRYPOINT", "CMD") if (i := stage.last_before(k)) is not None
                    for word in i.words)
    script = _PACKAGE_SCRIPT.match(text)
    read = _context_reader(doc, context)
    if script is not None and script.group(1) not in _NOT_SCRIPTS and read is not None:
        command = package_script(doc, read, script.group(1))
        if command is not None:
            text = f"{text} {command}"
    for pattern, what in _FOLDER_WRITERS:
        if pattern.search(text):
            return what
    standalone = any(inst.keyword == "COPY" and _NEXT_STANDALONE.search(inst.rest) for inst in stage.all_instructions())
    if standalone and "server.js" in text:
        return "a Next.js standalone server writes .next/cache under its folder"
    return None


def _sibling_mount(doc: Dockerfile, stage: Stage,
                   builds: Mapping[str, ComposeBuild]) -> tuple[str, str, str] | None:
    """(Dockerfile, compose service, container path) when compose runs another Dockerfile of
    this one's folder (the same app's development image, `server/dev.Dockerfile` beside
    `server/Dockerfile`) with a folder mounted inside this image's working folder
    (`./history:/app/history` under WORKDIR /app): the app writes there."""
    workdir = stage.working_folder()
    if workdir == "/" or not builds:
        return None
    folder = doc.path.rpartition("/")[0]
    inside = workdir.rstrip("/") + "/"
    for path, build in builds.items():
        if path == doc.path or path.rpartition("/")[0] != folder:
            continue
        for target in (*build.bind_mounts, *build.volume_mounts):
            if target.startswith(inside) and target.rstrip("/") not in SCRATCH_FOLDERS:
                return path, build.service, target
    return None


def _handed_elsewhere(doc: Dockerfile, stage: Stage,
                      handed: Mapping[str, tuple[str, str]]) -> tuple[str, tuple[str, str]] | None:
    """The stage's working folder, when another Dockerfile of the repository hands the same
    folder to its user (and that Dockerfile, how): the repository's app writes there."""
    if not handed:
        return None  # most repositories: no Dockerfile hands a folder over
    workdir = stage.working_folder()
    other = handed.get(workdir)
    if workdir == "/" or other is None or other[0] == doc.path:
        return None
    return workdir, other


def _documented_mount(stage: Stage, mounts: tuple[tuple[str, str], ...]) -> tuple[str, str] | None:
    """The first (doc, path) the usage docs mount at a path this image names (its WORKDIR, an
    ENV value, a folder it makes) or inside its working folder (`/app/config` under WORKDIR
    /app; a top-level folder when the image sets no WORKDIR): the maintainer's own instruction
    to keep data there."""
    if not mounts:
        return None  # most repositories: no usage doc mounts anything
    text = "\n".join(inst.rest for inst in stage.all_instructions())
    workdir = stage.working_folder()
    for doc, path in mounts:
        if path in SCRATCH_FOLDERS or path == "/":
            continue
        # Inside the working folder; or, with none set (the app works in /, root's), a folder at
        # the top of the filesystem (`-v $(pwd)/data:/greptimedb_data`) the app's relative paths may name.
        inside = path.startswith(workdir.rstrip("/") + "/") if workdir not in ("/", "") else path.count("/") == 1
        if inside or re.search(rf"(?<![\w./-]){re.escape(path)}(?![\w.-])", text):
            return doc, path
    return None


def _empty_workdir(stage: Stage) -> str | None:
    """The final WORKDIR when nothing is put in it (no RUN after it, no COPY or ADD into it): a
    folder the image makes, root's and empty, only for what the app writes there at run time."""
    env: dict[str, str] = {}
    workdir = None
    for inst in stage.all_instructions():
        if inst.keyword == "ENV":
            env.update(env_pairs(inst.rest))
        elif inst.keyword == "WORKDIR":
            path = put_in(inst.rest.strip(), env)
            workdir = (path, inst.line) if path.startswith("/") and "$" not in path \
                and path.rstrip("/") not in SCRATCH_FOLDERS | {""} else None
        elif workdir and inst.keyword in ("COPY", "ADD", "RUN"):
            target = inst.words[-1].strip("[]\"', ") if inst.keyword != "RUN" and inst.words else ""
            if not target.startswith("/") or (target.rstrip("/") + "/").startswith(workdir[0].rstrip("/") + "/"):
                workdir = None  # a RUN, or a COPY into the WORKDIR: it has content
    return f"the WORKDIR {workdir[0]} (line {workdir[1]}), empty and root's," if workdir else None


def _prepared_owner(doc: Dockerfile, stage: Stage) -> str | None:
    """The last non-root user the stage hands files to: `chown user[:group] …`, `--chown=user`."""
    lineage = stage.lineage()
    runs = {id(run.instruction): run for run in doc.runs() if run.stage in lineage}
    owner = None
    for inst in stage.all_instructions():
        values = [flag.value for flag in inst.flags if flag.name == "chown" and flag.value]
        run = runs.get(id(inst))
        if run is not None:
            for _, command in run.commands("chown"):
                positional = positional_args(command, frozenset({"--reference"}))
                if positional:
                    values.append(positional[0].value)
        for value in values:
            user = value.split(":", 1)[0]
            if user and not is_root_user(user) and "$" not in user:
                owner = user
    return owner


_SCRIPT_SHELLS = frozenset({"sh", "bash", "ash", "dash", "zsh"})


def _program(inst) -> str:
    """The program an ENTRYPOINT/CMD starts, without its folder: the script a shell is given
    to run (`["/bin/sh", "/usr/app/entrypoint.sh"]`) rather than the shell."""
    words = inst.words or [""]
    program = words[0].rsplit("/", 1)[-1]
    if program in _SCRIPT_SHELLS and len(words) > 1 and not words[1].startswith("-"):
        return words[1].rsplit("/", 1)[-1]
    return program


def _family(doc: Dockerfile, stage: Stage, base: BaseInfo) -> str:
    """The base's family, or Alpine's or Debian's where the stage's own installs say otherwise: a
    base named by digest or through a build argument (`golang@${VERSION}`) may be either
    variant, and a stage that only ever runs `apk add` is built on Alpine (no useradd there)."""
    runs = [run for run in doc.runs() if stage.built_on(run.stage)]
    apk = any(installed_packages(run, ("apk",)) for run in runs)
    apt = any(installed_packages(run, APT) for run in runs)
    if apk and not apt:
        return "alpine"
    if apt and not apk and base.family == "alpine":
        return "debian"
    return base.family


def _user_lines(doc: Dockerfile, stage: Stage, base: BaseInfo, options: OptionValues) -> list[str]:
    """USER, numeric wherever the id is known (Kubernetes' runAsNonRoot cannot check a name):
    a user the file creates, or hands files to (chown, COPY --chown), or the base already has;
    else a new one."""
    run_kw, user_kw = doc.keyword("RUN"), doc.keyword("USER")
    created = {name: uid for run in doc.runs() if stage.built_on(run.stage) for name, uid in created_users(run)}
    owner = _prepared_owner(doc, stage)
    if owner is None and created:
        owner = list(created)[-1]
    if owner is not None:
        if created.get(owner):
            return [f"{user_kw} {created[owner]}"]
        if base.user is not None and owner == base.user.name:
            return [f"{user_kw} {base.user.user}"]
        return [f"{user_kw} {WELL_KNOWN_IDS.get(owner, owner)}"]
    if base.user is not None:
        return [f"{user_kw} {base.user.user}"]
    uid, gid, name = options[UID], options[GID], options[USER_NAME]
    if base.family == "distroless":
        return [f"{user_kw} 65532:65532"]
    if base.family == "scratch":
        return [f"{user_kw} {uid}:{gid}"]
    if _family(doc, stage, base) == "alpine":
        create = (f"addgroup -S -g {gid} {name} && "
                  f"adduser -S -D -u {uid} -G {name} -h /home/{name} -s /sbin/nologin {name}")
    else:
        create = (f"groupadd --system --gid {gid} {name} && "
                  f"useradd --system --uid {uid} --gid {gid} --create-home --no-log-init "
                  f"--shell /usr/sbin/nologin {name}")
    return [f"{run_kw} {create}", f"{user_kw} {uid}:{gid}"]


RULE = Rule(
    code=CODE,
    name="non-root-user",
    title='the final stage runs as root because it never sets USER',
    severity=Severity.HIGH,
    security=True,
    on_by_default=True,
    fix=FixSafety.UNSAFE,
    scope=Scope.FINAL_STAGE,
    why="a container running as root turns any escape or app bug into root on the host",
    example=Example('CMD ["./app"]', 'RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid 10001 --create-home --no-log-init --shell /usr/sbin/nologin app\nUSER 10001:10001\nCMD ["./app"]'),
    doc=__doc__ or "",
    equivalents=("Checkov CKV_DOCKER_3", "Trivy DS-0002"),
    roles=frozenset({Role.SERVICE, Role.BASE}),
    edits_in=frozenset({Role.SERVICE}),
    check=check,
    options=(UID, GID, USER_NAME),
)
