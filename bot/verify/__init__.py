"""`--verify`: building changed Dockerfiles before and after hardening with a real Docker
engine (`docker.py`), and keeping only the edits the builds bear out (`verifier.py`)."""
from __future__ import annotations

from collections.abc import Callable, Mapping

from bot.model.proof import VulnerabilityLookup
from bot.model.verify_settings import VerifyMode, VerifySettings
from bot.progress import Progress
from bot.verify.docker import DockerEngine, EngineUnavailable
from bot.verify.verifier import Verifier

__all__ = ["EngineUnavailable", "Verifier", "make_verifier"]


def make_verifier(mode: VerifyMode, settings: VerifySettings, environ: Mapping[str, str],
                  log: Callable[[str], None] = lambda line: None,
                  vulnerabilities: VulnerabilityLookup | None = None,
                  progress: Progress | None = None) -> tuple[Verifier | None, str]:
    """(the verifier, or None; why there is none when one was asked for). `true` without an
    engine raises EngineUnavailable; `auto` goes on without verifying and says why. Each file
    verified is told to `progress` (by default a line in `log`)."""
    if mode is VerifyMode.OFF:
        return None, ""
    try:
        engine = DockerEngine.find(environ)
    except EngineUnavailable as error:
        if mode is VerifyMode.ON:
            raise EngineUnavailable(f"--verify: {error}") from None
        return None, f"no Docker engine to build with ({error})"
    return Verifier(engine, settings, log, vulnerabilities=vulnerabilities, progress=progress), ""
