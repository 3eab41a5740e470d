"""The package's layers, as docs/internals.md lists them: a module imports only
from its own layer or the ones below it, and the pure layers import nothing that does I/O."""
from __future__ import annotations

import ast
from pathlib import Path

BOT = Path(__file__).parent.parent / "bot"
# Top to bottom; a module is placed by its first matching prefix.
LAYERS = (
    ("bot.cli", "bot.check_fix", "bot.action", "bot.__main__", "bot.privileges"),
    ("bot.org",),
    ("bot.flow", "bot.group_flow", "bot.group_dashboard", "bot.phase_clock", "bot.branch_commits"),
    ("bot.github", "bot.gitops"),
    ("bot.registry_setup", "bot.policy_setup"),
    ("bot.registry", "bot.verify", "bot.osv", "bot.downloads"),
    ("bot.run",),
    ("bot.report",),
    ("bot.policies",),
    ("bot.engine",),
    ("bot.groups", "bot.group_pulls", "bot.codeowners"),
    ("bot.sources",),
    ("bot.config", "bot.config_schema"),
    ("bot.rules",),
    ("bot.dockerfile",),
    ("bot.recommend",),
    ("bot.inventory",),
    ("bot.progress",),
    ("bot.model",),
    ("bot.retry", "bot.errors", "bot.pool", "bot.lazy_regex", "bot.record", "bot.generated"),
)
PURE = ("bot.model", "bot.dockerfile", "bot.rules", "bot.engine", "bot.sources", "bot.report", "bot.config", "bot.config_schema",
        "bot.inventory", "bot.policies", "bot.recommend", "bot.groups", "bot.group_pulls", "bot.codeowners")
IO_LIBRARIES = {"requests", "urllib3", "git", "github", "subprocess", "socket"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(BOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _layer(module: str) -> int:
    if module == "bot":  # the package itself: its version, nothing else
        return len(LAYERS)
    for index, prefixes in enumerate(LAYERS):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return index
    raise AssertionError(f"{module} is in no layer: add it to LAYERS and docs/internals.md")


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_imports_point_down_the_layers():
    wrong = []
    for path in sorted(BOT.rglob("*.py")):
        module = _module_name(path)
        for imported in _imports(path):
            if imported.startswith("bot") and _layer(imported) < _layer(module):
                wrong.append(f"{module} imports {imported}, a layer above it")
    assert not wrong, "\n".join(wrong)


def test_the_pure_layers_import_nothing_that_does_io():
    wrong = []
    for path in sorted(BOT.rglob("*.py")):
        module = _module_name(path)
        if module.startswith(PURE):
            for imported in _imports(path):
                if imported.split(".")[0] in IO_LIBRARIES or imported in ("bot.registry", "bot.registry.client"):
                    wrong.append(f"{module} imports {imported}")
    assert not wrong, "\n".join(wrong)
