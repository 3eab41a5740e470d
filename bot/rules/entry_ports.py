"""The port an app listens on by default, read from the entry file its container runs (`CMD node
/usr/src/app/index.js`, `CMD ["python", "app.py"]`), which a COPY brought from the build
context: `process.env.PORT || 80`, `app.listen(80)`, `app.run(port=80)`,
`http.ListenAndServe(":80", nil)`. Read, never run. A port below 1024 is one a non-root user
cannot bind where the platform keeps the kernel's default (Azure Container Apps, ACI, plain
Docker before 20.10), which HB001 reports instead of setting a USER."""
from __future__ import annotations

import posixpath
from collections.abc import Callable

from bot.dockerfile.model import Stage
from bot.dockerfile.roles import container_command
from bot.dockerfile.start_scripts import copied_from
from bot.lazy_regex import lazy_compile

# Interpreters whose first operand is the app's entry file.
INTERPRETERS = frozenset({"node", "nodejs", "python", "python3", "ruby", "php", "deno", "bun", "ts-node"})
# A default port in the entry file: after the fallback of a variable for the port the app listens
# on (`PORT || 80`, `PORT ?? 80`, `getenv("PORT", "80")`, `${HTTP_PORT:-80}`; not `SMTP_PORT`,
# where it connects to), or given to a listen call (`.listen(80`, `port=80`, `port: 80`,
# `ListenAndServe(":80"`).
_DEFAULT_PORT = lazy_compile(
    r"""(?<!\w)(?:(?:SERVER|LISTEN|BIND|HTTP|HTTPS|APP|WEB)_)?PORT\b["']?\s*(?:\)\s*)?(?:\|\||\?\?|\bor\b|,|:-)\s*["']?"""
    r"""(\d{2,5})\b"""
    r"""|\.listen\(\s*["']?(\d{2,5})\b"""
    r"""|\bport\s*[=:]\s*["']?(\d{2,5})\b"""
    r"""|ListenAndServe(?:TLS)?\(\s*["'][\w.-]*:(\d{2,5})["']""")

Reader = Callable[[str], "str | None"]


def privileged_default_port(stage: Stage, read: Reader) -> tuple[str, int] | None:
    """(the entry file in the build context, the port) when the file the container's
    interpreter runs listens on a port below 1024 by default; None when it does not, when the
    command runs no such file, or when the file cannot be read."""
    command = container_command(stage)
    if command is None:
        return None
    words = command[1]
    program = words[0].rsplit("/", 1)[-1] if words else ""
    if program not in INTERPRETERS:
        return None
    script = next((w for w in words[1:] if not w.startswith("-")), None)
    if script is None or "$" in script:
        return None
    path = posixpath.normpath(posixpath.join(stage.working_folder(), script))
    source = copied_from(stage, path)
    text = read(source) if source is not None else None
    if text is None:
        return None
    for match in _DEFAULT_PORT.finditer(text):
        port = int(next(group for group in match.groups() if group))
        if 0 < port < 1024:
            return source, port
    return None
