"""The `hardenbot` command end to end, in process: exit codes, formats, writes, bad input."""
from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from bot.cli import main

UNHARDENED = "FROM python:3.12-slim\nRUN pip install flask\nCMD [\"python\", \"app.py\"]\n"
HARDENED_CLEAN = (
    "FROM python:3.12-slim\n"
    "ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1\n"
    "RUN pip install --no-cache-dir flask\n"
    "RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid 10001 --create-home "
    "--no-log-init --shell /usr/sbin/nologin app\n"
    "USER 10001:10001\n"
    "CMD [\"python\", \"app.py\"]\n"
)


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode())
    return path


def test_check_lists_findings_and_exits_1(tmp_path, capsys):
    write(tmp_path, "svc/Dockerfile", UNHARDENED)
    assert main(["check", "--offline", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "svc/Dockerfile:2: DL3042 pip install without --no-cache-dir [fixable]" in out
    assert "svc/Dockerfile:1: HB001" in out


def test_check_clean_tree_exits_0(tmp_path, capsys):
    write(tmp_path, "Dockerfile", HARDENED_CLEAN)
    assert main(["check", "--offline", str(tmp_path)]) == 0


def test_report_only_findings_do_not_fail_check(tmp_path, capsys):
    write(tmp_path, "Dockerfile", "FROM nginx:latest\nCOPY site /usr/share/nginx/html\n")
    assert main(["check", "--offline", str(tmp_path)]) == 0
    assert "DL3007" in capsys.readouterr().out


def test_fix_writes_in_place_and_second_run_changes_nothing(tmp_path, capsys):
    path = write(tmp_path, "a/Dockerfile", UNHARDENED)
    assert main(["fix", "--offline", str(tmp_path)]) == 0
    assert path.read_text() == HARDENED_CLEAN
    out = capsys.readouterr().out
    assert "a/Dockerfile: service image (CMD runs python app.py); grade D → A" in out and "fixed 3" in out
    assert main(["fix", "--offline", str(tmp_path)]) == 0
    assert path.read_text() == HARDENED_CLEAN
    assert "fixed 0 of 1" in capsys.readouterr().out


def test_fix_keeps_file_mode(tmp_path):
    path = write(tmp_path, "Dockerfile", UNHARDENED)
    os.chmod(path, 0o640)
    main(["fix", "--offline", str(tmp_path)])
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["Dockerfile"]  # no temporary file left


def test_dry_run_prints_diff_and_writes_nothing(tmp_path, capsys):
    path = write(tmp_path, "Dockerfile", UNHARDENED)
    assert main(["fix", "--offline", "--dry-run", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("--- a/Dockerfile\n+++ b/Dockerfile\n")
    assert "+RUN pip install --no-cache-dir flask\n" in captured.out
    assert "would fix 1 of 1" in captured.err
    assert path.read_text() == UNHARDENED


def test_broken_file_reported_others_processed(tmp_path, capsys):
    write(tmp_path, "bad/Dockerfile", "FROM debian:12\nRUN <<EOF\necho never ends\n")
    write(tmp_path, "worse/Dockerfile", "FROM debian:12\nFROBNICATE now\n")
    good = write(tmp_path, "good/Dockerfile", UNHARDENED)
    assert main(["fix", "--offline", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "bad/Dockerfile:2: unterminated heredoc <<EOF" in err
    assert "worse/Dockerfile:2: unknown instruction 'FROBNICATE'" in err
    assert "Traceback" not in err
    assert good.read_text() == HARDENED_CLEAN


def test_check_exit_2_on_parse_error(tmp_path, capsys):
    write(tmp_path, "Dockerfile", "RUN echo before any FROM\n")
    assert main(["check", "--offline", str(tmp_path)]) == 2
    assert "Dockerfile:1: RUN before the first FROM" in capsys.readouterr().err


def test_single_file_path(tmp_path, capsys):
    path = write(tmp_path, "deploy/app.Dockerfile", UNHARDENED)
    assert main(["check", "--offline", str(path)]) == 1
    assert "app.Dockerfile:2: DL3042" in capsys.readouterr().out


def test_json_format(tmp_path, capsys):
    write(tmp_path, "Dockerfile", UNHARDENED)
    main(["fix", "--offline", "--dry-run", "--format", "json", str(tmp_path)])
    document = json.loads(capsys.readouterr().out)
    entry = document["files"][0]
    assert entry["path"] == "Dockerfile" and entry["changed"] is True
    assert entry["grade"] == "D" and entry["grade_after"] == "A"  # 100-25-5-2-10 = 58; after: HB030 (offline) 90
    assert {f["rule"] for f in entry["fixed"]} == {"DL3042", "HB001", "HB002"}
    assert all(f["why"] for f in entry["findings"])


def test_sarif_format(tmp_path, capsys):
    write(tmp_path, "svc/Dockerfile", UNHARDENED)
    main(["check", "--offline", "--format", "sarif", str(tmp_path)])
    sarif = json.loads(capsys.readouterr().out)
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {"id", "shortDescription", "help", "defaultConfiguration"} <= set(rules[0])
    result = next(r for r in run["results"] if r["ruleId"] == "DL3042")
    assert rules[result["ruleIndex"]]["id"] == "DL3042"
    help_markdown = rules[result["ruleIndex"]]["help"]["markdown"]  # from the rule's record
    assert "RUN pip install --no-cache-dir -r requirements.txt" in help_markdown
    assert "**Fix safety**: safe" in help_markdown
    assert result["properties"] == {"role": "service", "roleReason": "CMD runs python app.py"}
    location = result["locations"][0]["physicalLocation"]
    assert location == {"artifactLocation": {"uri": "svc/Dockerfile", "uriBaseId": "%SRCROOT%"},
                        "region": {"startLine": 2, "startColumn": 1, "endLine": 2, "endColumn": 22}}


def test_select_and_ignore(tmp_path, capsys):
    write(tmp_path, "Dockerfile", UNHARDENED)
    main(["check", "--offline", "--select", "DL3042", str(tmp_path)])
    out = capsys.readouterr().out
    assert "DL3042" in out and "HB001" not in out
    main(["check", "--offline", "--ignore", "DL3042,hb001", str(tmp_path)])
    out = capsys.readouterr().out
    assert "DL3042" not in out and "HB001" not in out and "HB002" in out


def test_unknown_code_is_one_line_error(tmp_path, capsys):
    write(tmp_path, "Dockerfile", UNHARDENED)
    assert main(["check", "--offline", "--select", "DL9999", str(tmp_path)]) == 2
    assert capsys.readouterr().err.strip() == (
        "hardenbot: --select: unknown rule code DL9999 (see docs/rules/README.md)")


def test_missing_path(tmp_path, capsys):
    assert main(["check", "--offline", str(tmp_path / "nope")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_config_file_options_and_excludes(tmp_path, capsys):
    write(tmp_path, ".github/hardenbot.yml", "uid: 20000\nuser-name: svc\nexclude:\n  - legacy/**\nrules:\n  HB002: off\n")
    path = write(tmp_path, "Dockerfile", UNHARDENED)
    legacy = write(tmp_path, "legacy/old/Dockerfile", UNHARDENED)
    main(["fix", "--offline", str(tmp_path)])
    text = path.read_text()
    assert "useradd --system --uid 20000 --gid 20000" in text and "USER 20000:20000" in text and " svc\n" in text
    assert "ENV PYTHON" not in text
    assert legacy.read_text() == UNHARDENED


def test_hadolint_config_ignored_list(tmp_path, capsys):
    write(tmp_path, ".hadolint.yaml", "ignored:\n  - DL3042\n")
    write(tmp_path, "Dockerfile", UNHARDENED)
    main(["check", "--offline", str(tmp_path)])
    assert "DL3042" not in capsys.readouterr().out


def test_bad_config_names_key_and_line(tmp_path, capsys):
    write(tmp_path, ".github/hardenbot.yml", "uid: 10001\nhealthchek: curl\n")
    write(tmp_path, "Dockerfile", UNHARDENED)
    assert main(["check", "--offline", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("hardenbot: ") and ".github/hardenbot.yml:2: unknown key 'healthchek'" in err
    assert "\n" not in err


@pytest.mark.parametrize("content, message", [
    ("uid: 0\n", ":1: uid: must be a whole number"),
    ("uid: ten\n", ":1: uid: must be a whole number"),
    ("rules:\n  DL3015: maybe\n", ":2: rules.DL3015: must be on or off"),
    ("rules:\n  XX1: on\n", ":2: rules: unknown rule code 'XX1'"),
    ("user-name: Root User\n", ":1: user-name: must be a lowercase user name"),
    ("rules:\n  HB013: on\n", "rules: HB013 is on but no labels are configured"),
    ("exclude: legacy\n", ":1: exclude: must be a list of glob patterns"),
    ("uid: [\n", "not valid YAML"),
    ("rules:\n  HB010: {a: 1}\n", ":2: rules.HB010: must be on or off"),
    ("rules:\n  HB010: [on]\n", ":2: rules.HB010: must be on or off"),
    ("uid: 0b_\n", "hardenbot.yml: not valid YAML"),
])
def test_config_errors(tmp_path, capsys, content, message):
    write(tmp_path, ".github/hardenbot.yml", content)
    write(tmp_path, "Dockerfile", UNHARDENED)
    assert main(["check", "--offline", str(tmp_path)]) == 2
    assert message in capsys.readouterr().err


def test_discovery_names_skips_and_symlinks(tmp_path, capsys):
    for relative in ["Dockerfile", "a/Dockerfile.prod", "b/api.Dockerfile", "c/web.dockerfile", "d/Containerfile",
                     "node_modules/x/Dockerfile", ".git/Dockerfile", "vendor/Dockerfile", "e/Dockerfile.dockerignore",
                     "f/notes.txt"]:
        write(tmp_path, relative, UNHARDENED)
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    write(outside, "Dockerfile", UNHARDENED)
    (tmp_path / "linked").symlink_to(outside)
    (tmp_path / "g").mkdir()
    (tmp_path / "g" / "Dockerfile").symlink_to(outside / "Dockerfile")
    main(["check", "--offline", "--select", "DL3042", str(tmp_path)])
    paths = sorted({line.split(":")[0] for line in capsys.readouterr().out.splitlines()[:-1]})
    assert paths == ["Dockerfile", "a/Dockerfile.prod", "b/api.Dockerfile", "c/web.dockerfile", "d/Containerfile"]


def test_crlf_bom_and_no_final_newline_preserved(tmp_path):
    original = "\ufeffFROM debian:12\r\n# keep me \r\nRUN apt-get update && \\\r\n    apt-get install -y curl"
    path = tmp_path / "Dockerfile"
    path.write_bytes(original.encode())
    main(["fix", "--offline", "--select", "DL3009,DL3015", str(tmp_path)])
    assert path.read_bytes() == (
        "\ufeffFROM debian:12\r\n# keep me \r\nRUN apt-get update && \\\r\n"
        "    apt-get install --no-install-recommends -y curl ca-certificates && \\\r\n    rm -rf /var/lib/apt/lists/*").encode()


def test_non_utf8_bytes_survive(tmp_path):
    path = tmp_path / "Dockerfile"
    path.write_bytes(b"FROM debian:12\n# caf\xe9\nRUN apt-get install -y curl\n")
    main(["fix", "--offline", "--select", "DL3015", str(tmp_path)])
    assert path.read_bytes() == b"FROM debian:12\n# caf\xe9\nRUN apt-get install --no-install-recommends -y curl ca-certificates\n"


def test_interrupted_write_leaves_original(tmp_path, monkeypatch):
    path = write(tmp_path, "Dockerfile", UNHARDENED)

    def fail(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(KeyboardInterrupt):
        main(["fix", "--offline", str(tmp_path)])
    assert path.read_text() == UNHARDENED
    assert [p.name for p in tmp_path.iterdir()] == ["Dockerfile"]


def test_ignore_comment_with_a_reason(tmp_path, capsys):
    write(tmp_path, "Dockerfile", "FROM python:3.12-slim\n# hadolint ignore=DL3042 - cached by the CI layer\n"
                                  "RUN pip install flask\n")
    main(["check", "--offline", "--select", "DL3042", str(tmp_path)])
    assert "DL3042 pip" not in capsys.readouterr().out


def test_invalid_escape_directive(tmp_path, capsys):
    write(tmp_path, "Dockerfile", "# syntax=docker/dockerfile:1\n# escape=x\nFROM debian:12\n")
    assert main(["check", "--offline", str(tmp_path)]) == 2
    assert "Dockerfile:2: invalid escape directive 'x'" in capsys.readouterr().err


def test_templates_and_leftovers_are_not_scanned(tmp_path, capsys):
    for name in ["Dockerfile.j2", "Dockerfile.tmpl", "Dockerfile.orig", "Dockerfile~", "api.Dockerfile.template"]:
        write(tmp_path, name, "FROM {{ base }}\n{% for x in y %}\n")
    assert main(["check", "--offline", str(tmp_path)]) == 0
    assert "0 findings in 0 of 0 files" in capsys.readouterr().out


def test_dockerfiles_named_with_a_dash_or_underscore_are_scanned_and_templates_of_them_are_not(tmp_path, capsys):
    for name in ["Dockerfile-alpine", "Dockerfile_prod", "Containerfile-fedora", "Dockerfile-alpine.tmpl"]:
        write(tmp_path, name, "FROM alpine\n")
    main(["check", "--offline", "--select", "DL3006", str(tmp_path)])
    out = capsys.readouterr().out
    assert [line.split(":")[0] for line in out.splitlines() if "DL3006" in line] == [
        "Containerfile-fedora", "Dockerfile-alpine", "Dockerfile_prod"]


def test_a_fix_that_would_break_the_file_is_not_written(tmp_path, capsys, monkeypatch):
    from dataclasses import replace

    from bot.model.findings import Finding
    from bot.model.text import Edit
    from bot.rules import RULES

    def breaking_check(doc, context):
        yield Finding("DL3020", doc.path, 1, "breaks", (Edit.insert(0, "BOGUS line\n"),))

    broken = tuple(replace(r, check=breaking_check) if r.code == "DL3020" else r for r in RULES)
    monkeypatch.setattr("bot.config.RULES", broken)
    path = write(tmp_path, "Dockerfile", UNHARDENED)
    assert main(["fix", "--offline", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Dockerfile:2: the fixes would make this file unreadable (unknown instruction 'BOGUS')")
    assert path.read_text() == UNHARDENED


def test_examples_already_hardened_service_stays_byte_identical(tmp_path):
    import shutil
    examples = Path(__file__).parent.parent / "examples"
    tree = tmp_path / "examples"
    shutil.copytree(examples, tree)
    ledger = (tree / "services/ledger/Dockerfile").read_bytes()
    assert main(["fix", "--offline", str(tree)]) == 0
    assert (tree / "services/ledger/Dockerfile").read_bytes() == ledger
    assert main(["check", "--offline", str(tree)]) == 0  # nothing fixable is left anywhere


def test_dry_run_diff_applies_with_git_to_the_same_result_as_fix(tmp_path, capsys):
    import shutil
    import subprocess
    examples = Path(__file__).parent.parent / "examples"
    patched, fixed = tmp_path / "patched", tmp_path / "fixed"
    shutil.copytree(examples, patched)
    shutil.copytree(examples, fixed)
    main(["fix", "--offline", "--dry-run", str(patched)])
    diff = capsys.readouterr().out
    subprocess.run(["git", "apply", "--unsafe-paths", "-"], input=diff.encode(), cwd=patched, check=True)
    main(["fix", "--offline", str(fixed)])
    for path in fixed.rglob("*"):
        if path.is_file():
            assert (patched / path.relative_to(fixed)).read_bytes() == path.read_bytes(), path


def test_pip_cache_mount_style(tmp_path):
    write(tmp_path, ".github/hardenbot.yml", "pip-cache: mount\n")
    path = write(tmp_path, "Dockerfile", "FROM python:3.12-slim\nRUN pip install flask\n")
    main(["fix", "--offline", "--select", "DL3042,HB012", "--config", str(tmp_path / ".github/hardenbot.yml"), str(tmp_path)])
    assert path.read_text() == (
        "# syntax=docker/dockerfile:1\nFROM python:3.12-slim\n"
        "RUN --mount=type=cache,target=/root/.cache/pip pip install flask\n")


def test_pip_cache_conflict_is_an_error(tmp_path, capsys):
    write(tmp_path, ".github/hardenbot.yml", "rules:\n  HB012: off\npip-cache: mount\n")
    write(tmp_path, "Dockerfile", UNHARDENED)
    assert main(["check", "--offline", str(tmp_path)]) == 2
    assert ":3: pip-cache: is mount, which turns HB012 on, but rules turns it off" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["check", "--offline"], ["fix", "--offline", "--dry-run"], ["check", "--exit-zero"],
                                     ["check", "--offline", "--format", "json"]])
def test_the_program_ends_as_main_returns(tmp_path, capsys, command):
    """`python -m bot` ends without the interpreter's teardown (bot.cli.run_and_exit): the same
    output, whole, and the same exit code as `main`, also for a tree with a file it cannot read."""
    import subprocess
    import sys

    write(tmp_path, "Dockerfile", "FROM python:3.12\nRUN apt-get update && apt-get install -y curl\nUSER app\n")
    write(tmp_path, "broken/Dockerfile", "FROM debian:12\nRUN <<EOF\necho never ends\n")
    for index in range(300):  # more output than a pipe holds
        write(tmp_path, f"svc{index}/Dockerfile", "FROM node:18\nRUN npm install\nCMD [\"node\", \"app.js\"]\n")
    code = main([*command, str(tmp_path)])
    expected = capsys.readouterr()
    root = Path(__file__).resolve().parent.parent
    ran = subprocess.run([sys.executable, "-m", "bot", *command, str(tmp_path)], capture_output=True, text=True,
                         cwd=root, env={**os.environ, "PYTHONPATH": str(root)})
    assert code == 2 and "broken/Dockerfile:2: unterminated heredoc" in expected.err
    assert (ran.returncode, ran.stdout, ran.stderr) == (code, expected.out, expected.err)
