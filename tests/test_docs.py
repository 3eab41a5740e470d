"""The documentation: the README is a front page whose commands are the ones CI runs, the
generated pages are current, every link lands on a file, and every configuration example in the
pages is one both the JSON Schema and the loader accept."""
from __future__ import annotations

import re
from pathlib import Path

import jsonschema
import pytest
from ruamel.yaml import YAML

from bot.config import load_config
from bot.config_schema import config_schema
from bot.errors import ConfigError
from bot.report import rule_docs
from bot.rules import RULES

ROOT = Path(__file__).parent.parent
README = ROOT / "README.md"
PAGES = [README, *sorted((ROOT / "docs").rglob("*.md"))]
REGENERATE = f"stale: run `{rule_docs.COMMAND}`"


def _id(path: Path) -> str:
    return str(path.relative_to(ROOT))


# ---- the front page ----------------------------------------------------------------------

def test_the_readme_is_a_page():
    assert len(README.read_text(encoding="utf-8").split("\n")) <= 200


def test_the_readmes_first_section_is_set_up_and_its_test_command_is_the_one_ci_runs():
    """`.ci/run` runs the README's second command verbatim (with `|| exit 1`, for set -e)."""
    readme = README.read_text(encoding="utf-8")
    sections = re.findall(r"^## (.*)$", readme, re.MULTILINE)
    assert sections[0] == "Set up and go"
    setup = readme.split("## Set up and go\n", 1)[1].split("\n## ", 1)[0]
    commands = [line[4:] for line in setup.split("\n") if line.startswith("    ")]
    assert commands[0] == ("python3 -m venv .venv && . .venv/bin/activate && pip install . "
                           "&& hardenbot fix --dry-run examples")
    assert commands[1] + " || exit 1" in (ROOT / ".ci/run").read_text(encoding="utf-8").split("\n")


def test_the_readmes_pull_request_excerpt_is_the_golden_bodys_text():
    readme = README.read_text(encoding="utf-8")
    found = re.search(r"<!-- excerpt of (\S+): .*? -->\n(.*?)\n<!-- end of excerpt -->", readme, re.DOTALL)
    assert found, "the README quotes a pull request body between its excerpt markers"
    golden = (ROOT / found.group(1)).read_text(encoding="utf-8")
    quoted = "\n".join(re.sub(r"^> ?", "", line) for line in found.group(2).split("\n"))
    assert quoted.count("\n") >= 5 and quoted in golden


def test_the_readmes_smallest_workflow_is_the_action_pages():
    blocks = [re.findall(r"```yaml\n(.*?)```", path.read_text(encoding="utf-8"), re.DOTALL)
              for path in (README, ROOT / "docs/action.md")]
    assert blocks[0] and blocks[0][0] == blocks[1][0]


# ---- generated pages ---------------------------------------------------------------------

@pytest.mark.parametrize("path", sorted(rule_docs.generated(ROOT)), ids=str)
def test_the_generated_pages_are_current(path: Path):
    expected = rule_docs.generated(ROOT)[path]
    assert (ROOT / path).is_file(), f"{path} is missing: run `{rule_docs.COMMAND}`"
    assert (ROOT / path).read_text(encoding="utf-8") == expected, f"{path} is {REGENERATE}"


def test_no_rule_page_outlives_its_rule():
    assert rule_docs.stale_rule_pages(ROOT) == [], REGENERATE


def test_a_stale_page_is_found_and_regenerating_makes_it_current(tmp_path: Path):
    """The staleness check can fail: an edited rule page and a page of a rule that is gone."""
    for path in [Path("README.md"), Path("bot/rules"), Path("docs")]:
        source, target = ROOT / path, tmp_path / path
        if source.is_dir():
            target.mkdir(parents=True)
            for file in source.rglob("*"):
                if file.is_file() and "__pycache__" not in file.parts:
                    (target / file.relative_to(source)).parent.mkdir(parents=True, exist_ok=True)
                    (target / file.relative_to(source)).write_bytes(file.read_bytes())
        else:
            target.write_bytes(source.read_bytes())
    page = tmp_path / "docs/rules/DL3009.md"
    page.write_text(page.read_text().replace("## Why is this bad?", "## Why"))
    (tmp_path / "docs/rules/HB999.md").write_text("# HB999: gone\n")
    assert rule_docs.generated(tmp_path)[Path("docs/rules/DL3009.md")] != page.read_text()
    assert rule_docs.stale_rule_pages(tmp_path) == [Path("docs/rules/HB999.md")]
    rule_docs.main(tmp_path)
    assert rule_docs.generated(tmp_path)[Path("docs/rules/DL3009.md")] == page.read_text()
    assert not (tmp_path / "docs/rules/HB999.md").exists()


def test_a_page_without_its_markers_is_refused(tmp_path: Path):
    with pytest.raises(rule_docs.MissingMarkersError, match="docs/configuration.md: no generated-part markers"):
        rule_docs.replace_between("# Configuration\n", Path("docs/configuration.md"), *rule_docs.REFERENCE_MARKERS[1:],
                                  "| key |\n")


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_a_rule_page_has_ruffs_sections_and_its_records_facts(rule):
    page = (ROOT / rule_docs.RULES_FOLDER / f"{rule.code}.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (.*)$", page, re.MULTILINE)
    assert headings[:2] == ["What it does", "Why is this bad?"]
    assert {"Example", "When it does not apply", "Fix safety", "Equivalent IDs"} <= set(headings)
    assert page.startswith(f"# {rule.code}: {rule.title}\n")
    assert rule.example.bad in page and rule.example.good in page
    assert all(equivalent in page for equivalent in rule.equivalents)
    assert all(f"`{option.key}`" in page for option in rule.options)


def test_a_docstrings_limits_go_to_when_it_does_not_apply():
    page = (ROOT / rule_docs.RULES_FOLDER / "DL3042.md").read_text(encoding="utf-8")
    what, limits = page.split("## What it does", 1)[1].split("## When it does not apply")
    assert "Not when the RUN mounts a pip cache" in limits and "Not when" not in what
    assert "names no exception" in (ROOT / rule_docs.RULES_FOLDER / "DL3014.md").read_text(encoding="utf-8")


def test_the_rule_index_links_every_rule_page():
    index = (ROOT / rule_docs.RULE_INDEX).read_text(encoding="utf-8")
    assert [f"[{rule.code}]({rule.code}.md)" for rule in RULES] == re.findall(r"\[[A-Z]{2}\d{3,4}\]\([A-Z]{2}\d{3,4}\.md\)", index)


def test_the_readme_lists_every_page_under_docs():
    readme = README.read_text(encoding="utf-8")
    for path in [*sorted((ROOT / "docs").glob("*.md")), ROOT / rule_docs.RULE_INDEX]:
        assert f"]({_id(path)})" in readme, f"{_id(path)} is not in the README's list: run `{rule_docs.COMMAND}`"


# ---- links -------------------------------------------------------------------------------

_LINK = re.compile(r"\]\(([^)\s]+)\)")


@pytest.mark.parametrize("page", PAGES, ids=_id)
def test_every_relative_link_lands_on_a_file_and_its_heading(page: Path):
    text = page.read_text(encoding="utf-8")
    for target in _LINK.findall(re.sub(r"```.*?```", "", text, flags=re.DOTALL)):
        if re.match(r"[a-z]+:", target):
            continue
        path, _, anchor = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        assert linked.exists(), f"{_id(page)}: {target} does not exist"
        if anchor and linked.suffix == ".md":
            headings = re.findall(r"^#+ (.*)$", linked.read_text(encoding="utf-8"), re.MULTILINE)
            slugs = {re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-") for heading in headings}
            assert anchor in slugs, f"{_id(page)}: {target} names no heading of {path or page.name}"


# ---- the configuration's schema ----------------------------------------------------------

SCHEMA = config_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def _yaml(text: str):
    """As the loader and editors read it: YAML 1.2, where `on` and `yes` are words."""
    return YAML(typ="safe", pure=True).load(text)


def test_the_schema_is_a_valid_draft_2020_12_schema():
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def _load(tmp_path: Path, text: str):
    path = tmp_path / "hardenbot.yml"
    path.write_text(text, encoding="utf-8")
    return load_config(tmp_path, path)


def _known_by_the_loader(tmp_path: Path, text: str) -> list[str]:
    """The keys the loader lists when it refuses an unknown one at that place."""
    with pytest.raises(ConfigError) as refused:
        _load(tmp_path, text)
    known = re.search(r"unknown key .*\(known: ([^)]*)\)", str(refused.value))
    assert known, str(refused.value)
    return [key.strip() for key in known.group(1).split(",")]


def _mapping(node: dict) -> dict:
    return next((choice for choice in node.get("anyOf", []) if choice.get("type") == "object"), node)


@pytest.mark.parametrize(("config", "where"), [
    ("bogus: 1\n", ()),
    ("verify:\n  bogus: 1\n", ("verify",)),
    ("verify:\n  start:\n    bogus: 1\n", ("verify", "start")),
    ("verify:\n  start:\n    files:\n      a/Dockerfile:\n        bogus: 1\n", ("verify", "start", "files", "*")),
    ("base-recommendation:\n  bogus: 1\n", ("base-recommendation",)),
], ids=lambda value: ".".join(value) if isinstance(value, tuple) else None)
def test_every_key_the_loader_reads_is_in_the_schema_and_no_other(tmp_path: Path, config: str, where: tuple):
    node = SCHEMA
    for key in where:
        node = node["additionalProperties"] if key == "*" else _mapping(node)["properties"][key]
    assert sorted(_known_by_the_loader(tmp_path, config)) == sorted(_mapping(node)["properties"])
    assert _mapping(node)["additionalProperties"] is False


def test_every_rule_code_is_a_key_of_rules():
    assert list(SCHEMA["properties"]["rules"]["properties"]) == [rule.code for rule in RULES]


# Values the loader accepts or refuses; the schema must say the same of each.
PROBES = [
    "", "rules:\n  HB010: on\n  dl4006: off\n", "rules:\n  HB999: on\n", "rules:\n  HB010: 1\n",
    "uid: 10001\n", "uid: 0\n", "uid: true\n", "gid: 2147483647\n", "user-name: app\n", "user-name: App\n",
    "pip-cache: mount\n", "pip-cache: cache\n", "labels:\n  org.opencontainers.image.vendor: Acme\n",
    "labels:\n  -bad: x\n", "labels:\n  a: [1]\n", "healthcheck-command: curl -f http://localhost/\n",
    "healthcheck-command: ' '\n", "exclude: [legacy/**]\n", "exclude: legacy\n", "exclude: ['']\n",
    "roles:\n  docker/**: base\n", "roles:\n  docker/**: library\n", "approved-bases: [python:3.12-*]\n",
    "fail-on: [agpl, non-root]\n", "fail-on: [nothing]\n", "group-by: folder\n", "group-by: team\n",
    "folders: 2\n", "folders: 0\n", "folders: [services/*]\n", "folders: ['services/**']\n", "folders: ['a//b']\n",
    "group-by: owner\nfolders: 2\n", "groups:\n  pay: [services/pay-*/**]\n", "groups:\n  pay: []\n",
    "max-files-per-pr: 20\n", "max-files-per-pr: 0\n", "verify:\n  network: true\n", "verify:\n  network: yes\n",
    "verify:\n  jobs: 65\n", "verify:\n  max-images: 0\n", "verify:\n  frontends: [docker/dockerfile]\n",
    "verify:\n  frontends: ['docker/dockerfile:1']\n", "verify:\n  frontends: [a@sha256:1]\n",
    "verify:\n  start:\n    seconds: 601\n",
    "verify:\n  start:\n    files:\n      a/Dockerfile:\n        command: [migrate]\n        expect-exit: 0\n",
    "verify:\n  start:\n    files:\n      a/Dockerfile:\n        skip: needs a queue\n",
    "verify:\n  start:\n    files:\n      a/Dockerfile:\n        skip: needs a queue\n        seconds: 5\n",
    "verify:\n  start:\n    files:\n      a/Dockerfile: {}\n", "base-recommendation: off\n",
    "base-recommendation:\n  allow-minor: true\n  candidates: 5\n", "base-recommendation:\n  candidates: 21\n",
    "base-recommendation:\n  allow-major: 'yes'\n", "- a list\n",
]


@pytest.mark.parametrize("config", PROBES, ids=repr)
def test_the_schema_and_the_loader_accept_the_same_values(tmp_path: Path, config: str):
    try:
        _load(tmp_path, config)
        loader = True
    except ConfigError:
        loader = False
    schema = VALIDATOR.is_valid(_yaml(config))
    assert schema == loader, f"the loader {'accepts' if loader else 'refuses'} it, the schema does not"


def _examples() -> list[tuple[str, int, str]]:
    """(page, line, text) of every ```yaml block in the pages that is a hardenbot configuration:
    every one that is not a GitHub workflow or a piece of one."""
    found = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for block in re.finditer(r"```ya?ml\n(.*?)```", text, re.DOTALL):
            data = _yaml(block.group(1))
            if isinstance(data, list) or (isinstance(data, dict) and {"jobs", "on", "steps", "runs-on"} & set(data)):
                continue
            found.append((_id(page), text[:block.start()].count("\n") + 2, block.group(1)))
    return found


def test_the_pages_hold_configuration_examples():
    pages = {page for page, _, _ in _examples()}
    assert {"docs/configuration.md", "docs/roles.md"} <= pages


@pytest.mark.parametrize(("page", "line", "example"), _examples(), ids=lambda v: v if isinstance(v, str) and "\n" not in v else "")
def test_every_configuration_example_is_valid_by_the_schema_and_the_loader(tmp_path: Path, page, line, example):
    errors = [error.message for error in VALIDATOR.iter_errors(_yaml(example))]
    assert not errors, f"{page}:{line}: {errors}"
    _load(tmp_path, example)


def test_the_loaders_own_docstring_example_is_valid_too(tmp_path: Path):
    import bot.config
    example = "\n".join(line[4:] for line in bot.config.__doc__.split("\n\n", 1)[1].split("\n\nUnknown keys")[0].split("\n"))
    assert "verify:" in example
    assert not list(VALIDATOR.iter_errors(_yaml(example)))
    _load(tmp_path, example)
