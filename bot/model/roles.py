"""What a Dockerfile is for, decided from evidence and shown to the user with that evidence.

Only a service image gets edits that change how a container runs (USER, SHELL, ENV): a base
image passes them on to every image built FROM it, a tool image must write into the checkout
it is run over, and devcontainers, CI and workstation images and test fixtures are not images
anyone ships.
"""
from __future__ import annotations

from enum import Enum

from bot.record import record


class Role(Enum):
    SERVICE = "service image"  # the final stage runs an application
    BASE = "base image"  # published for others to build FROM, or with nothing of its own to run
    TOOL = "tool image"  # run over a mounted checkout (a linter, a generator, a GitHub Action)
    DEVCONTAINER = "devcontainer"  # a development environment: root and compilers are the point
    TEST_FIXTURE = "test fixture"  # input of some program's tests, never built as an image
    CI = "CI image"  # a build or test environment for CI or a workstation: compilers and root are the point

    @property
    def key(self) -> str:
        """The name in the configuration and in `# hardenbot role=…` comments."""
        return self.name.lower().replace("_", "-")


# RoleDecision.stage of an unnamed last stage that ships while compose targets a development stage.
LAST_STAGE = ""

# Roles whose files are not read unless the configuration or the file itself says otherwise.
NOT_SCANNED_BY_DEFAULT = frozenset({Role.DEVCONTAINER, Role.TEST_FIXTURE, Role.CI})
ROLES_BY_KEY = {role.key: role for role in Role}


@record
class RoleDecision:
    """What a Dockerfile is for (its role), and the evidence that says so."""
    role: Role
    reason: str  # the evidence, for people: "CMD runs gunicorn", "ONBUILD at line 7"
    generated: bool = False  # written by a generator: an edit here would be lost when it runs again
    # The stage judged, when the last one (or the compose target) is for development and
    # another ships; None: the compose target or the last stage; LAST_STAGE: the last stage,
    # whatever the compose target.
    stage: str | None = None
    conflicting: bool = False  # the evidence disagrees (the reason says how): rules report, never edit
    # Why nobody ships or keeps this image (a code generator run over the checkout); empty: it
    # may ship. Fixes that only save size or cache are reported in it, not made.
    unshipped: str = ""
    # Why the project keeps this image only for old setups (built only by compose services in a
    # `deprecated` or `legacy` profile while another service builds what ships); empty: it is
    # maintained. Every fix there is reported, not made: nobody maintains an edit to it.
    retired: str = ""
    # The document that shows this file line for line (an example's README); empty: none. Every
    # fix there is reported, not made: the file and its documentation would disagree.
    quoted: str = ""

    def __str__(self) -> str:
        return f"{self.role.value} ({self.reason})"
