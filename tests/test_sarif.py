"""SARIF for GitHub code scanning: valid against the OASIS 2.1.0 schema (vendored, see
tests/schemas/sarif-2.1.0/NOTICE.md), carrying every property GitHub's "SARIF support for code
scanning" page marks required, located relative to the repository root, and with fingerprints
that survive moved lines."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from bot.cli import main
from bot.model.policies import POLICY_KEYS
from bot.rules import RULES, RULES_BY_CODE
from tests.helpers import write

SCHEMA = json.loads((Path(__file__).parent / "schemas/sarif-2.1.0/sarif-schema-2.1.0.json").read_text())
UNHARDENED = "FROM python:3.12-slim\nRUN pip install flask\nCMD [\"python\", \"app.py\"]\n"
COMPOSE = "services:\n  db:\n    image: postgres:16\n"
WORKFLOW = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    container: node:20\n    steps:\n      - run: true\n"


def sarif(capsys, *args: str, command: str = "check") -> dict:
    main([command, "--offline", "--format", "sarif", *args])
    return json.loads(capsys.readouterr().out)


def results_by_rule(document: dict) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for result in document["runs"][0]["results"]:
        found.setdefault(result["ruleId"], []).append(result)
    return found


def location(result: dict) -> dict:
    return result["locations"][0]["physicalLocation"]


@pytest.fixture
def repository(tmp_path) -> Path:
    """A repository with every kind of file, and one Dockerfile that does not parse."""
    (tmp_path / ".git").mkdir()
    write(tmp_path, "services/api/Dockerfile", UNHARDENED)
    write(tmp_path, "services/broken/Dockerfile", "FROM debian:12\nRUN <<EOF\necho\n")
    write(tmp_path, "compose.yaml", COMPOSE)
    write(tmp_path, ".github/workflows/test.yml", WORKFLOW)
    return tmp_path


@pytest.mark.parametrize("command", ["check", "fix"])
def test_the_output_is_valid_against_the_oasis_schema(repository, capsys, command):
    extra = ["--dry-run"] if command == "fix" else []
    document = sarif(capsys, *extra, str(repository), command=command)
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    errors = sorted(jsonschema.Draft4Validator(SCHEMA).iter_errors(document), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)
    assert document["runs"][0]["results"] and document["runs"][0]["invocations"][0]["toolExecutionNotifications"]


def test_the_schema_catches_what_it_should():
    """The validator is not vacuous: a result without its message is refused."""
    broken = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"ruleId": "X"}]}]}
    assert list(jsonschema.Draft4Validator(SCHEMA).iter_errors(broken))


def _non_empty(value) -> bool:
    return isinstance(value, str) and value != ""


def test_githubs_required_properties_are_all_there(repository, capsys):
    """The properties GitHub's code-scanning page marks required, with no empty string
    (which it does not accept for them), within its documented limits."""
    document = sarif(capsys, str(repository))
    assert _non_empty(document["$schema"]) and document["version"] == "2.1.0"
    (run,) = document["runs"]
    driver = run["tool"]["driver"]
    assert _non_empty(driver["name"]) and driver["rules"]
    for rule in driver["rules"]:
        assert _non_empty(rule["id"])
        assert _non_empty(rule["shortDescription"]["text"]) and len(rule["shortDescription"]["text"]) <= 1024
        assert _non_empty(rule["fullDescription"]["text"]) and len(rule["fullDescription"]["text"]) <= 1024
        assert _non_empty(rule["help"]["text"]) and len(rule["name"]) <= 255
        assert rule["defaultConfiguration"]["level"] in ("note", "warning", "error")
        assert rule["properties"]["precision"] in ("very-high", "high", "medium", "low")
    assert run["results"]
    for result in run["results"]:
        assert _non_empty(result["message"]["text"])
        assert 1 <= len(result["locations"]) <= 10
        physical = location(result)
        assert _non_empty(physical["artifactLocation"]["uri"])
        region = physical["region"]
        for key in ("startLine", "startColumn", "endLine", "endColumn"):
            assert isinstance(region[key], int) and region[key] >= 1, (key, region)
        assert (region["endLine"], region["endColumn"]) >= (region["startLine"], region["startColumn"])
        assert result["partialFingerprints"]
        # upload-sarif computes primaryLocationLineHash from the file and warns when a tool
        # sent a different one: we leave that key to it.
        assert "primaryLocationLineHash" not in result["partialFingerprints"]
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def test_security_severity_only_for_security_rules(capsys, tmp_path):
    write(tmp_path, "Dockerfile", UNHARDENED)
    rules = {rule["id"]: rule for rule in sarif(capsys, str(tmp_path))["runs"][0]["tool"]["driver"]["rules"]}
    policies = {"policy/" + key for key in POLICY_KEYS}
    assert set(rules) == {rule.code for rule in RULES} | policies
    for code, descriptor in rules.items():
        if code in policies:  # the policies' own table: AGPL is a licence matter, not a security alert
            assert ("security-severity" in descriptor["properties"]) == (code != "policy/agpl")
            continue
        properties = descriptor["properties"]
        if RULES_BY_CODE[code].security:
            assert "security" in properties["tags"] and "problem.severity" not in properties
            assert 0.0 < float(properties["security-severity"]) <= 10.0
        else:
            assert "security" not in properties["tags"] and "security-severity" not in properties
            assert properties["problem.severity"] in ("error", "warning", "recommendation")
    # Root at run time is a security alert (high); a pip cache in a layer is not.
    assert rules["HB001"]["properties"]["security-severity"] == "8.0"
    assert rules["DL3042"]["properties"]["problem.severity"] == "warning"
    assert {code for code, rule in RULES_BY_CODE.items() if rule.security} == {
        "HB001", "DL3002", "HB011", "HB020", "HB021", "HB030", "HB031", "HB050", "HB051",
        "HB060", "HB061", "HB062", "HB063", "HB064"}  # secrets, insecure transport, remote scripts, unpinned ADD,
    # world-writable, the build context shipped


@pytest.mark.parametrize("argument", [".", "services", "services/api", "services/api/Dockerfile"])
def test_uris_are_relative_to_the_repository_root_whatever_was_scanned(repository, capsys, argument):
    document = sarif(capsys, str(repository / argument))
    run = document["runs"][0]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": repository.resolve().as_uri() + "/"}}
    result = results_by_rule(document)["DL3042"][0]
    assert location(result)["artifactLocation"] == {"uri": "services/api/Dockerfile", "uriBaseId": "%SRCROOT%"}


def test_without_git_the_scanned_folder_is_the_root(tmp_path, capsys):
    write(tmp_path, "app/Dockerfile", UNHARDENED)
    document = sarif(capsys, str(tmp_path / "app" / "Dockerfile"))
    assert document["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == (tmp_path / "app").resolve().as_uri() + "/"
    assert location(results_by_rule(document)["DL3042"][0])["artifactLocation"]["uri"] == "Dockerfile"


def test_a_linked_worktree_is_a_repository_root(tmp_path, capsys):
    """In a `git worktree`, `.git` is a file."""
    write(tmp_path, ".git", "gitdir: /elsewhere/.git/worktrees/x\n")
    write(tmp_path, "svc/Dockerfile", UNHARDENED)
    document = sarif(capsys, str(tmp_path / "svc"))
    assert location(results_by_rule(document)["DL3042"][0])["artifactLocation"]["uri"] == "svc/Dockerfile"


def test_the_region_is_the_whole_instruction(tmp_path, capsys):
    write(tmp_path, "Dockerfile", "FROM python:3.12-slim\n  RUN pip install \\\n      flask\nCMD [\"python\", \"app.py\"]\n")
    region = location(results_by_rule(sarif(capsys, str(tmp_path)))["DL3042"][0])["region"]
    assert region == {"startLine": 2, "startColumn": 3, "endLine": 3, "endColumn": 12}


def test_columns_count_utf16_code_units_after_a_bom_and_before_crlf(tmp_path, capsys):
    text = "\ufeffFROM python:3.12-slim\r\nRUN pip install flask # 🐍 é\r\nCMD [\"python\", \"app.py\"]\r\n"
    write(tmp_path, "Dockerfile", text)
    found = results_by_rule(sarif(capsys, str(tmp_path)))
    assert location(found["DL3042"][0])["region"] == {"startLine": 2, "startColumn": 1, "endLine": 2,
                                                      "endColumn": 1 + len("RUN pip install flask # ") + 2 + 2}
    assert location(found["HB001"][0])["region"]["startColumn"] == 1  # the BOM is not a column


def test_a_compose_finding_points_at_its_line(repository, capsys):
    found = results_by_rule(sarif(capsys, str(repository)))
    compose = next(r for r in found["HB030"] if location(r)["artifactLocation"]["uri"] == "compose.yaml")
    assert location(compose)["region"] == {"startLine": 3, "startColumn": 5, "endLine": 3,
                                           "endColumn": 5 + len("image: postgres:16")}


def fingerprints(document: dict) -> dict[tuple[str, int], str]:
    return {(r["ruleId"], location(r)["region"]["startLine"]): r["partialFingerprints"]["hardenbot/v1"]
            for r in document["runs"][0]["results"]}


def test_fingerprints_survive_lines_moving(tmp_path, capsys):
    write(tmp_path, "Dockerfile", UNHARDENED)
    before = fingerprints(sarif(capsys, str(tmp_path)))
    write(tmp_path, "Dockerfile", "# syntax=docker/dockerfile:1\n\n# the app\n" + UNHARDENED.replace(
        "RUN pip install flask", "RUN   pip  install flask"))
    after = fingerprints(sarif(capsys, str(tmp_path)))
    assert after[("DL3042", 5)] == before[("DL3042", 2)]
    assert after[("HB001", 4)] == before[("HB001", 1)]
    write(tmp_path, "Dockerfile", UNHARDENED.replace("flask", "django"))
    assert fingerprints(sarif(capsys, str(tmp_path)))[("DL3042", 2)] != before[("DL3042", 2)]


def test_identical_instructions_have_distinct_fingerprints(tmp_path, capsys):
    write(tmp_path, "Dockerfile", "FROM python:3.12-slim\nRUN pip install flask\nRUN pip install flask\n"
                                  "CMD [\"python\", \"app.py\"]\n")
    prints = fingerprints(sarif(capsys, str(tmp_path)))
    first, second = prints[("DL3042", 2)], prints[("DL3042", 3)]
    assert first.split(":")[0] == second.split(":")[0] and (first.split(":")[1], second.split(":")[1]) == ("1", "2")


def test_fingerprints_do_not_depend_on_what_was_scanned(repository, capsys):
    whole = fingerprints(sarif(capsys, str(repository)))
    one = fingerprints(sarif(capsys, str(repository / "services/api/Dockerfile")))
    assert one[("DL3042", 2)] == whole[("DL3042", 2)]


def test_exit_zero_reports_but_does_not_fail(tmp_path, capsys):
    write(tmp_path, "Dockerfile", UNHARDENED)
    assert main(["check", "--offline", str(tmp_path)]) == 1
    capsys.readouterr()
    assert main(["check", "--offline", "--exit-zero", "--format", "sarif", str(tmp_path)]) == 0
    assert json.loads(capsys.readouterr().out)["runs"][0]["results"]
    write(tmp_path, "broken/Dockerfile", "FROM debian:12\nRUN <<EOF\necho\n")
    assert main(["check", "--offline", "--exit-zero", str(tmp_path)]) == 2  # errors still fail


def test_failing_policies_are_results_of_their_own_rules_and_stay_valid():
    from bot.model.policies import ImagePolicies, PolicyResult, PolicyState
    from bot.model.results import RunReport
    from bot.report import sarif as sarif_report

    before = (PolicyResult("non-root", PolicyState.FAIL, "a container of the image runs as UID 0"),
              PolicyResult("agpl", PolicyState.FAIL, "1 AGPL package", ("ghostscript (AGPL-3.0-or-later)",)))
    after = (PolicyResult("non-root", PolicyState.PASS, "a container of the image runs as UID 10001"),
             PolicyResult("agpl", PolicyState.FAIL, "1 AGPL package", ("ghostscript (AGPL-3.0-or-later)",)))
    report = RunReport((), (), False, policies=(ImagePolicies("svc/Dockerfile", before, after, "C", "B", {}),))
    document = json.loads(sarif_report.render(report, fix=True))
    assert not list(jsonschema.Draft4Validator(SCHEMA).iter_errors(document))
    [result] = document["runs"][0]["results"]  # non-root passes once hardened: only AGPL is left
    rules = document["runs"][0]["tool"]["driver"]["rules"]
    assert result["ruleId"] == "policy/agpl" and rules[result["ruleIndex"]]["id"] == "policy/agpl"
    assert result["message"]["text"] == "policy agpl fails: 1 AGPL package; ghostscript (AGPL-3.0-or-later)"
    assert "security-severity" not in rules[result["ruleIndex"]]["properties"]  # a licence, not a security alert
    assert rules[[r["id"] for r in rules].index("policy/non-root")]["properties"]["security-severity"] == "7.0"
