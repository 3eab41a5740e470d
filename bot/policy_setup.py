"""The policies for a finished run, for both entry points: the packages of the images it
built (read during verification, before the images were removed) or of a saved image
(`--image`, a `docker save` archive), their known vulnerabilities from OSV (cached on disk,
`bot/osv/cache.py`), judged by `bot.policies`. Offline, OSV is not asked and the
vulnerability policies say so. `$HARDENBOT_OSV_API` points at another OSV API (a mirror)."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the image readers, the OSV client (with requests) and the judges load where a run needs them
    from bot.config import Config
    from bot.model.policies import ImagePolicies, Inventory
    from bot.model.proof import VulnerabilityLookup
    from bot.model.results import RunReport
    from bot.osv.client import OsvClient


def read_saved_image(path: Path) -> tuple[str, Inventory]:
    """A saved image (`--image`) by its path, and its packages; one that cannot be read, or
    goes past a bound (`bot/inventory/limits.py`), is an inventory holding that one line, and
    its policies are not evaluated."""
    from bot.inventory import inventory_from_files, wanted
    from bot.inventory.layers import ImageArchiveError, files_from_saved_image
    from bot.model.policies import Inventory

    try:
        archive = files_from_saved_image(path, wanted)
        return str(path), inventory_from_files(archive.files, archive.user, str(path))
    except ImageArchiveError as error:
        return str(path), Inventory(error=str(error))


def osv_client(environ: Mapping[str, str]) -> OsvClient:
    from bot.osv.cache import OsvCache, default_folder
    from bot.osv.client import OSV_API, OsvClient

    return OsvClient(OsvCache(default_folder(environ)), base_url=environ.get("HARDENBOT_OSV_API", OSV_API))


def vulnerability_lookup(environ: Mapping[str, str], *, offline: bool) -> VulnerabilityLookup | None:
    """What proven fixes ask OSV with while verifying (the same disk cache the policies read
    after): None offline."""
    if offline:
        return None
    client = osv_client(environ)
    return lambda inventory: client.lookup(inventory.packages)


def assess_policies(report: RunReport, config: Config, environ: Mapping[str, str], *, offline: bool,
                    saved: tuple[str, Inventory] | None = None, every_dockerfile: bool = False,
                    osv: OsvClient | None = None) -> RunReport:
    """The report with its policies; unchanged when no image was built or given and no
    policy was asked for (`every_dockerfile`). `saved`: a saved image (`read_saved_image`)."""
    inventories = [build.inventory for item in report.verification for build in (item.before, item.after)
                   if build is not None and build.inventory is not None]
    if saved is not None:
        inventories.append(saved[1])
    if not inventories and not every_dockerfile:
        return report
    from bot.policies.judging import judge

    answers = None
    if not offline:
        client = osv or osv_client(environ)
        answers = client.lookup(p for inventory in inventories for p in inventory.packages)
    return replace(report, policies=judge(report, answers, config.approved_bases, saved, every_dockerfile))


def gate(policies: tuple[ImagePolicies, ...], chosen: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """(failed, not evaluated): one line for each chosen policy of each image, as it is now
    (after hardening when there is an after)."""
    if not policies:  # no image judged: nothing to gate, and the policies' records stay unloaded
        return [], []
    from bot.model.policies import PolicyState

    failed, unknown = [], []
    for item in policies:
        for result in item.after or item.before:
            if result.policy in chosen and result.state is PolicyState.FAIL:
                failed.append(f"{item.path}: policy {result.policy} fails: {result.summary}")
            elif result.policy in chosen and result.state is PolicyState.NOT_EVALUATED:
                unknown.append(f"{item.path}: policy {result.policy} not evaluated: {result.summary}")
    return failed, unknown
