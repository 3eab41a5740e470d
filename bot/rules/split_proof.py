"""What the built images must show for a multi-stage split (HB021) to be kept: the original
image held compilers or build tools, and the hardened one holds none of them."""
from __future__ import annotations

from typing import TYPE_CHECKING

from bot.lazy_regex import lazy_compile

if TYPE_CHECKING:  # annotations only: the images' records load once images were built
    from bot.model.policies import Inventory
    from bot.model.proof import ProofEvidence

# System packages that compile or hold headers, as dpkg and apk name the binary packages
# (build-essential and build-base pull in gcc-12, cpp-12, binutils, libc6-dev / musl-dev …).
_BUILD_TOOL = lazy_compile(r"(gcc|g\+\+|cpp|clang|llvm)(-\d+(\.\d+)*)?|build-essential|build-base|make|cmake"
                           r"|binutils(-[\w.-]+)?|autoconf|automake|libtool|pkg-?config|pkgconf|linux-headers"
                           r"|fortify-headers|[\w.+-]+-dev")
_LANGUAGE_ECOSYSTEMS = frozenset({"PyPI", "npm"})


def build_tools(inventory: Inventory) -> frozenset[str]:
    """The binary packages of the inventory that compile or hold headers."""
    return frozenset(name for package in inventory.packages if package.ecosystem not in _LANGUAGE_ECOSYSTEMS
                     and _BUILD_TOOL.fullmatch(name := package.installed_as or package.name))


def prove_split(evidence: ProofEvidence) -> str | None:
    """Why the split is not shown to take the build tools out of the image, or None."""
    for label, build in (("original", evidence.before), ("hardened", evidence.after)):
        if build.inventory is None:
            return f"the {label} image's packages were not read"
        if not build.inventory.read:
            return f"the {label} image's packages are unknown ({build.inventory.error})"
    assert evidence.before.inventory is not None and evidence.after.inventory is not None
    held = build_tools(evidence.before.inventory)
    if not held:
        return "the original image holds no compilers or build tools: the split takes none out"
    still = held & build_tools(evidence.after.inventory)
    if still:
        gone = sorted(held - still)
        return (f"the hardened image still holds {_names(still)}"
                + (f" (gone: {_names(gone)})" if gone else ""))
    return None


def _names(names: frozenset[str] | list[str], shown: int = 8) -> str:
    ordered = sorted(names)
    more = f" and {len(ordered) - shown} more" if len(ordered) > shown else ""
    return ", ".join(ordered[:shown]) + more
