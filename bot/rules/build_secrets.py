"""What HB050 and HB051 tell a maintainer to write instead of a credential in the file: a
BuildKit secret mount on the RUN that needs it, and the `docker build --secret` that fills it.

`env=` on a secret mount needs the dockerfile frontend 1.10 or later, so it is given when the
file's `# syntax=` names such a frontend (`docker/dockerfile:1`, `:1.10`, `:latest` …); else
the mount's file (`/run/secrets/<id>`, every BuildKit) is read into the variable in the RUN.
"""
from __future__ import annotations

from bot.dockerfile.model import Dockerfile
from bot.lazy_regex import lazy_compile

ENV_MOUNT_MINOR = 10  # dockerfile 1.10: `--mount=type=secret,env=NAME`
_FRONTEND = lazy_compile(r"(?:docker\.io/)?docker/dockerfile(?:-upstream)?:(?P<tag>[^@\s]+)(?:@\S+)?")
_CURRENT_TAGS = frozenset({"1", "1-labs", "latest", "labs"})
_VERSION = lazy_compile(r"1\.(?P<minor>\d+)(?:\.\d+)?(?:-labs)?")


def env_mounts_supported(doc: Dockerfile) -> bool:
    """Whether the file's frontend reads `env=` on a secret mount."""
    syntax = _FRONTEND.fullmatch(doc.parsed.directives.get("syntax", "").strip())
    if syntax is None:
        return False
    tag = syntax.group("tag")
    version = _VERSION.fullmatch(tag)
    return tag in _CURRENT_TAGS or (version is not None and int(version.group("minor")) >= ENV_MOUNT_MINOR)


def secret_mount(doc: Dockerfile, variable: str) -> str:
    """`use `RUN --mount=type=secret,…` …` and `docker build --secret …` for `variable`."""
    secret_id = variable.lower()
    if env_mounts_supported(doc):
        run = f"RUN --mount=type=secret,id={secret_id},env={variable} …"
    else:
        run = f'RUN --mount=type=secret,id={secret_id} export {variable}="$(cat /run/secrets/{secret_id})" && …'
    return f"`{run}` built with `docker build --secret id={secret_id},env={variable}`"


def secret_file_mount(variable: str) -> str:
    """The same for a secret that is a file (a private key): mounted where the RUN reads it."""
    secret_id = variable.lower()
    return (f"`RUN --mount=type=secret,id={secret_id},target=/run/secrets/{secret_id} …` built with "
            f"`docker build --secret id={secret_id},src=<path of the key>`")
