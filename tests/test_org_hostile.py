"""An organisation-wide run's outputs are data, not markup: whatever a repository, its result
file or the plan holds reaches the dashboard issue, the job summaries and the step outputs
inert, through the real entry points (`hardenbot org plan`, `hardenbot org report`, the
action), against the faked GitHub."""
from __future__ import annotations

import json
import os
import re
import time

import pytest
import responses

from bot.action import action_main
from bot.cli import main
from bot.github.runner import output_lines
from bot.org.dashboard import GITHUB_BODY_LIMIT
from bot.org.report import MARKER
from bot.org.results import RESULT_FILE_LIMIT, RepositoryResult, failed
from tests.fake_github_org import API, FakeOrganisation, FakeRepository
from tests.test_flow import EVENTS

TOKEN = "ghs_" + "H0st1l3" * 5
SERVER = "https://github.com"
WHEN = "2024-05-01T10:00:00Z"
CONTROLS = "bell\a esc\x1b[31m nul\x00 cr\r del\x7f ls\u2028 nel\x85"
HOSTILE = ["<!--", "-->", "<img src=x>", "[x](http://evil.example)", "![x](http://evil.example/i.png)",
           "@acme/team", "@someone", "é@someone", "#123", "GH-7", "www.evil.example", "mail@evil.example",
           "&#64;someone", "\n## Heading", "\n| a | b |", "\n::set-output name=x::y", "\n::error::forged",
           "`code` and a stray ` tick", "a|b", CONTROLS]
TEXT = " ".join(HOSTILE)
AFTER = [f"acme/after-{i:02d}" for i in range(20)]  # reported after the hostile ones, sorted by name


def _good(name: str, **fields) -> RepositoryResult:
    values = dict(outcome="opened", message="opened pull request #7", finished_at=WHEN,
                  run_url=f"{SERVER}/acme/central/actions/runs/1", grade_before="D", grade_after="B",
                  files_scanned=2, files_hardened=1, needs_a_person=1, pull_request=7,
                  pull_request_url=f"{SERVER}/{name}/pull/7", pull_request_state="open", verification="1 verified")
    values.update(fields)
    return RepositoryResult(name, **values)


def _markup(text: str) -> list[str]:
    """What GitHub would render or act on in `text` (links already taken out): a comment or
    tag, a link or image, a mention, an issue reference, an autolink, a decoded entity."""
    patterns = [r"<[!/a-zA-Z]", r"(?<!\\)\]\(", r"!\[", r"(?<![A-Za-z0-9_])@(?!&#8203;)", r"@(?!&#8203;)\w+\.\w",
                r"(?<!&)#(?!&#8203;)\d", r"GH-\d", r"www\.", r"://", r"&#(?!8203;)", r"&(?!amp;|lt;|gt;|#8203;)"]
    return [m.group() for p in patterns for m in re.finditer(p, text)]


def _checked(body: str) -> list[str]:
    """The body's links (each to a page of the server) taken out, and each line checked."""
    assert len(body) < GITHUB_BODY_LIMIT
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]", body)  # one line is one line
    lines = body.splitlines()
    assert lines[0] == MARKER and MARKER not in body[len(MARKER):]
    assert lines[1] == "## hardenbot: organisation dashboard"
    for line in lines[2:]:
        text = re.sub(r"(?<!\\)`[^`]*`", "", line)  # a code span is literal text
        targets = re.findall(r"(?<!\\)\]\(([^)]*)\)", text)
        assert all(t.startswith(f"{SERVER}/acme/") and re.fullmatch(r"[\w.~/:-]+", t) for t in targets), line
        # inside a link GitHub makes no reference, so a pull request's `[#7](…)` is no reference
        text = re.sub(r"\[#\d+\]", "[]", re.sub(r"(?<!\\)\]\([^)]*\)", "]", text))
        assert _markup(text) == [], line
        assert not line.startswith(("#", "::")) or line.startswith("### "), line
        if line.startswith("| "):
            assert len(re.findall(r"(?<!\\)\|", line)) == 8, line  # seven cells, however the text reads
    return lines


def _report(tmp_path, results: dict[str, str | bytes], plan: dict, capsys) -> tuple[str, str]:
    folder = tmp_path / "results"
    folder.mkdir(exist_ok=True)
    for name, content in results.items():
        (folder / name).write_bytes(content.encode() if isinstance(content, str) else content)
    (tmp_path / "plan.json").write_text(json.dumps(plan))
    org = FakeOrganisation()
    environ = {"GITHUB_TOKEN": TOKEN, "GITHUB_API_URL": API, "GITHUB_SERVER_URL": SERVER}
    started = time.monotonic()
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock, pytest.MonkeyPatch.context() as patch:
        org.install(mock)
        for key, value in environ.items():
            patch.setenv(key, value)
        assert main(["org", "report", "--repository", "acme/central", "--results", str(folder),
                     "--plan", str(tmp_path / "plan.json"), "--points-per-minute", "0"]) == 0
    assert time.monotonic() - started < 10  # about 0.3 s: see bench/hostile.py
    [issue] = org.issues.values()
    out = capsys.readouterr()
    assert "hardenbot: dashboard created" in out.out
    assert all("\r" not in line and not line.startswith("::") for line in (out.out + out.err).split("\n"))
    return issue["body"], out.err


def test_hostile_repository_text_is_inert_on_the_dashboard(tmp_path, capsys):
    hostile = {
        "acme__failed.json": failed("acme/failed", f"config: unknown key {TEXT}", WHEN).to_json(),
        "acme__fields.json": _good("acme/fields", verification=TEXT, finished_at=TEXT,
                                   run_url="http://evil.example/run", pull_request_url="http://evil.example/pull",
                                   outcome="nothing", pull_request=None).to_json(),
        "acme__named.json": _good(f"acme/{TEXT}", message=TEXT).to_json(),
        "acme__long.json": failed("acme/long", (TEXT + " ") * 2000, WHEN).to_json(),  # far past any excerpt
    }
    good = {f"{name.replace('/', '__')}.json": _good(name).to_json() for name in AFTER}
    plan = {"selected": [{"repository": name} for name in ("acme/failed", "acme/fields", "acme/long", *AFTER)]
            + [{"repository": f"acme/silent {text}"} for text in HOSTILE],
            "deferred": [], "skipped": [{"repository": "acme/old", "reason": "archived"}]}
    body, _ = _report(tmp_path, {**hostile, **good}, plan, capsys)
    lines = _checked(body)
    for name in AFTER:  # every repository after the hostile ones is listed, with its links
        assert f"| [{name}]({SERVER}/{name}) | D → B | 1 of 2 | 1 | [#7]({SERVER}/{name}/pull/7) open |" in body
    assert "**24 repositories** reported" in body and f"**{len(HOSTILE)} did not report**" in body
    failed_line = next(line for line in lines if line.startswith("- [acme/failed]"))
    assert "config: unknown key &lt;!-- --&gt; &lt;img src=x&gt; \\[x\\](http:&#8203;//evil.example)" in failed_line
    assert "@&#8203;acme/team @&#8203;someone" in failed_line and "#&#8203;123" in failed_line
    assert "bell\\x07 esc\\x1b\\[31m nul\\x00" in failed_line  # shown as escapes
    assert len(next(line for line in lines if line.startswith("- [acme/long]"))) < 3000
    fields_row = next(line for line in lines if line.startswith("| [acme/fields]"))
    assert "evil.example/run" not in fields_row and "evil.example/pull" not in fields_row
    assert "| nothing to harden | &lt;!-- --&gt; &lt;img src=x&gt;" in fields_row
    assert body.endswith("Skipped by the plan: 1 archived.\n")


@pytest.mark.parametrize("content, reason", [
    (b"[1, 2]", "not a JSON object"),
    (b"\xff\xfe{}", "not JSON (UnicodeDecodeError)"),
    (b"[" * 60_000, "not JSON (RecursionError)"),
    (b'{"repository": "acme/x"}', "no outcome"),
    (json.dumps({**json.loads(_good("acme/x").to_json()), "needs_a_person": "3"}).encode(),
     "needs_a_person is not a whole number"),
    (json.dumps({**json.loads(_good("acme/x").to_json()), "pull_request": True}).encode(),
     "pull_request is not a whole number or null"),
    (json.dumps({**json.loads(_good("acme/x").to_json()), "grade_after": "<!--"}).encode(), "grade_after is not a grade"),
    (json.dumps({**json.loads(_good("acme/x").to_json()), "outcome": "@acme/team"}).encode(),
     "outcome is not an outcome a job writes"),
    (json.dumps({**json.loads(_good("acme/x").to_json()), "message": "<!--" * 2_500_000}).encode(),
     f"larger than {RESULT_FILE_LIMIT} bytes, more than any job writes"),  # 10 MB
])
def test_a_result_file_that_is_not_valid_is_one_line_and_the_dashboard_renders(tmp_path, capsys, content, reason):
    good = {f"{name.replace('/', '__')}.json": _good(name).to_json() for name in AFTER}
    name = "acme__x <!-- @acme #1 [x](http:evil).json"
    body, err = _report(tmp_path, {name: content, **good}, {"selected": [{"repository": n} for n in AFTER]}, capsys)
    _checked(body)
    assert f"- result file for `{name}` is not valid: {reason}" in body
    assert "**1 result files not valid**" in body and "**0 did not report**" in body
    assert all(f"| [{n}]({SERVER}/{n}) |" in body for n in AFTER)
    assert err.count("\n") == 1 and "set aside" in err


def test_result_files_other_than_regular_files_are_set_aside_unread(tmp_path, capsys):
    outside = tmp_path / "secret.json"
    outside.write_text(_good("acme/secret").to_json())
    folder = tmp_path / "results"
    folder.mkdir()
    os.mkfifo(folder / "acme__fifo.json")  # opening it for reading would wait for a writer for ever
    (folder / "acme__link.json").symlink_to(outside)
    body, _ = _report(tmp_path, {"acme__a.json": _good("acme/a").to_json()}, {}, capsys)
    _checked(body)
    assert "- result file for `acme__fifo.json` is not valid: cannot be read: not a regular file" in body
    assert "- result file for `acme__link.json` is not valid: cannot be read: a symbolic link" in body
    assert "acme/secret" not in body and "| [acme/a]" in body


def test_the_dashboard_fits_github_whatever_the_failures(tmp_path, capsys):
    widest = "@" * 1000  # each character escaped into eight
    results = {f"acme__f{i:03d}.json": failed(f"acme/f{i:03d}", widest, WHEN, f"{SERVER}/acme/central/actions/runs/1")
               .to_json() for i in range(300)}
    results |= {f"bad{i:03d}.json": "[]" for i in range(300)}
    results |= {f"{name.replace('/', '__')}.json": _good(name).to_json() for name in AFTER}
    plan = {"selected": [{"repository": f"acme/silent-{i:04d}-{'x' * 90}"} for i in range(3000)]}
    body, _ = _report(tmp_path, results, plan, capsys)
    _checked(body)
    assert "### Failed" in body and "### Result files not valid" in body and "### No result" in body
    assert re.search(r"^- … and \d+ more$", body, re.M)
    assert all(f"| [{n}]({SERVER}/{n}) |" in body for n in AFTER)  # the table still has its rows


def _runner_outputs(text: str) -> dict[str, str]:
    """$GITHUB_OUTPUT read as the runner reads it."""
    outputs, lines = {}, iter(text.split("\n"))
    for line in lines:
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            value = []
            for inner in lines:
                if inner == delimiter:
                    break
                value.append(inner)
            outputs[name] = "\n".join(value)
        elif line:
            name, value = line.split("=", 1)
            outputs[name] = value
    return outputs


@pytest.mark.parametrize("value", ["one line", "", "a\nforged=1", "a\r\nforged=1\n", "end\n", "x<<EOF\nEOF\ny=2",
                                   "ls\u2028nel\x85vt\x0bff\x0c", "hardenbot_0\nhardenbot_0"])
def test_an_output_value_sets_only_its_own_output(value):
    assert _runner_outputs(output_lines({"first": value, "second": "2"})) == {"first": value, "second": "2"}


def test_hostile_branches_cannot_forge_the_plans_outputs(tmp_path, capsys):
    branches = ["main\nbatch-count=9", "x<<EOF\nbatch-1=evil\nEOF", "main\r::set-output name=batch-count::9",
                "<!-- @acme/team\u2028#1"]
    org = FakeOrganisation("acme", [FakeRepository(f"r{i}", branch, paths=("Dockerfile",))
                                    for i, branch in enumerate(branches)])
    output = tmp_path / "output"
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock, pytest.MonkeyPatch.context() as patch:
        org.install(mock)
        for key, value in {"GITHUB_TOKEN": TOKEN, "GITHUB_API_URL": API, "GITHUB_OUTPUT": str(output)}.items():
            patch.setenv(key, value)
        assert main(["org", "plan", "--owner", "acme", "--points-per-minute", "0"]) == 0
    outputs = _runner_outputs(output.read_text())
    assert sorted(outputs) == ["batch-0", "batch-count", "max-parallel", "repositories"]
    assert outputs["batch-count"] == "1" and outputs["repositories"] == "4"
    assert [e["base-branch"] for e in json.loads(outputs["batch-0"])["include"]] == branches
    assert all("\n" not in line for line in capsys.readouterr().err.splitlines())


def test_a_job_summary_and_outputs_quote_the_repository_input_inert(tmp_path):
    event = tmp_path / "comment.json"
    event.write_text((EVENTS / "issue_comment.json").read_text())
    summary, output = tmp_path / "summary.md", tmp_path / "output"
    target = "acme/x <!-- @acme/team [x](http://evil.example) #1\n::error::forged"
    printed: list[str] = []
    assert action_main({"GITHUB_TOKEN": TOKEN, "GITHUB_REPOSITORY": "acme/central", "GITHUB_EVENT_NAME": "issue_comment",
                        "GITHUB_EVENT_PATH": str(event), "GITHUB_WORKSPACE": str(tmp_path),
                        "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_OUTPUT": str(output),
                        "INPUT_REPOSITORY": target, "INPUT_VERIFY": "false"}, printed.append) == 0
    text = summary.read_text()
    assert text.count("\n") == 1 and _markup(text) == [], text
    assert "acme/x &lt;!-- @&#8203;acme/team \\[x\\](http:&#8203;//evil.example) #&#8203;1 ::error::forged" in text
    assert _runner_outputs(output.read_text())["outcome"] == "ignored"
    assert all("\n" not in line and not line.startswith("::error::forged") for line in printed)
