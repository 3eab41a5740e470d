"""CODEOWNERS as GitHub reads it, case by case against GitHub's "About code owners" page
(docs.github.com, repositories/…/about-code-owners): every example line, alone and in the
page's whole example file, then the syntax GitHub says does not work, and hostile sizes."""
from __future__ import annotations

import time

import pytest

from bot.codeowners import MAX_BYTES, CodeOwners, parse_codeowners, read_codeowners

# The page's example file, line for line (its comments shortened).
GITHUB_EXAMPLE = """\
# This is a comment.
# Each line is a file pattern followed by one or more owners.

# default owners for everything in the repo
*       @global-owner1 @global-owner2

# the last matching pattern takes the most precedence
*.js    @js-owner #This is an inline comment.

# e-mail addresses
*.go docs@example.com

# teams
*.txt @octo-org/octocats

# build/logs at the root and any of its subdirectories
/build/logs/ @doctocat

# docs/getting-started.md but not docs/build-app/troubleshooting.md
docs/*  docs@example.com

# an apps directory anywhere
apps/ @octocat

# /docs at the root and any of its subdirectories
/docs/ @doctocat

# approval from @doctocat or @octocat
/scripts/ @doctocat @octocat

# a logs directory anywhere: /build/logs, /scripts/logs, /deeply/nested/logs
**/logs @octocat

# /apps except /apps/github, whose owners are left empty
/apps/ @octocat
/apps/github

# /apps except /apps/github, which has its own owner
/apps/ @octocat
/apps/github @doctocat
"""

# Each example line alone: paths it owns and paths it does not (what the page says of it).
ONE_LINE_CASES = [
    ("* @global-owner1 @global-owner2", ["README.md", "some/deeply/nested/file.rb", ".hidden"], []),
    ("*.js @js-owner #This is an inline comment.", ["app.js", "web/src/app.js"], ["app.jsx", "app.ts"]),
    ("*.go docs@example.com", ["main.go", "cmd/tool/main.go"], ["main.gone"]),
    ("*.txt @octo-org/octocats", ["notes.txt", "a/b/notes.txt"], ["notes.txt.bak"]),
    ("/build/logs/ @doctocat", ["build/logs/a.log", "build/logs/deep/er/b.log"],
     ["build/logs", "x/build/logs/a.log", "build/logsx/a.log"]),
    ("docs/* docs@example.com", ["docs/getting-started.md"],
     ["docs/build-app/troubleshooting.md", "x/docs/getting-started.md", "docs"]),
    ("apps/ @octocat", ["apps/a.js", "x/y/apps/b/c.js"], ["apps", "x/apps", "appsx/a.js"]),
    ("/docs/ @doctocat", ["docs/a.md", "docs/build-app/troubleshooting.md"], ["x/docs/a.md"]),
    ("/scripts/ @doctocat @octocat", ["scripts/a.sh", "scripts/ci/b.sh"], ["tools/scripts/a.sh"]),
    ("**/logs @octocat", ["logs/a", "build/logs/a", "scripts/logs/a", "deeply/nested/logs/a", "x/logs"],
     ["logsx/a", "build/log/a"]),
    ("/apps/ @doctocat", ["apps/a"], ["x/apps/a"]),
    ("/apps/ @example-org/content-team", ["apps/a/b"], ["app/a"]),
]


@pytest.mark.parametrize(("line", "owned", "not_owned"), ONE_LINE_CASES, ids=[c[0].split()[0] for c in ONE_LINE_CASES])
def test_each_documented_line_owns_what_githubs_page_says(line, owned, not_owned):
    owners = parse_codeowners(line + "\n")
    assert owners.errors == ()
    expected = tuple(word.lower() for word in line.split("#")[0].split()[1:])
    for path in owned:
        assert owners.owners_of(path) == expected, path
    for path in not_owned:
        assert owners.rule_for(path) is None, path


# In the whole file the last matching line wins.
WHOLE_FILE_CASES = [
    ("README.md", ("@global-owner1", "@global-owner2")),
    ("web/app.js", ("@js-owner",)),
    ("main.go", ("docs@example.com",)),
    ("notes.txt", ("@octo-org/octocats",)),
    ("build/logs/a.js", ("@octocat",)),  # **/logs comes after /build/logs/
    ("docs/getting-started.md", ("@doctocat",)),  # /docs/ comes after docs/*
    ("docs/build-app/troubleshooting.md", ("@doctocat",)),
    ("x/docs/getting-started.md", ("@global-owner1", "@global-owner2")),
    ("scripts/deploy.sh", ("@doctocat", "@octocat")),
    ("scripts/logs/today.txt", ("@octocat",)),
    ("src/apps/web/main.js", ("@octocat",)),  # apps/ anywhere, after *.js
    ("apps/web/main.js", ("@octocat",)),
    ("apps/github/main.js", ("@doctocat",)),  # the last pair overrides the unassigning line
]


@pytest.mark.parametrize(("path", "expected"), WHOLE_FILE_CASES, ids=[c[0] for c in WHOLE_FILE_CASES])
def test_in_githubs_whole_example_the_last_matching_line_wins(path, expected):
    owners = parse_codeowners(GITHUB_EXAMPLE)
    assert owners.errors == ()
    assert len(owners.rules) == 14
    assert owners.owners_of(path) == expected


def test_a_matching_line_without_owners_unassigns_what_an_earlier_line_gave():
    owners = parse_codeowners("/apps/ @octocat\n/apps/github\n")
    assert owners.owners_of("apps/web/main.js") == ("@octocat",)
    assert owners.owners_of("apps/github/main.js") == ()
    assert owners.rule_for("apps/github/main.js").line == 2  # matched, and unowned
    assert owners.rule_for("README.md") is None  # not matched at all


@pytest.mark.parametrize(("line", "reason"), [
    ("!apps/github @octocat", "`!` negation"),
    ("\\#notes.md @octocat", "`\\#` escape"),
    ("src/*.[ch] @octocat", "`[ ]` character ranges"),
    ("/ @octocat", "matches nothing"),
    ("apps//web @octocat", "empty folder name"),
    ("apps\\", "lone backslash"),
    ("apps/ octocat", "invalid owner 'octocat'"),
    ("apps/ @", "invalid owner '@'"),
    ("apps/ @org/", "invalid owner '@org/'"),
    ("apps/ @org/team/sub", "invalid owner"),
    ("apps/ user@localhost", "invalid owner"),
])
def test_syntax_github_does_not_read_is_one_error_with_its_line_and_the_line_is_skipped(line, reason):
    owners = parse_codeowners(f"* @global\n# comment\n{line}\n*.md @docs\n", ".github/CODEOWNERS")
    (error,) = owners.errors
    assert error.line == 3 and reason in error.reason
    assert str(error).startswith(".github/CODEOWNERS:3: ")
    # Skipped, neither assigning nor unassigning; the lines around it still apply.
    assert owners.owners_of("apps/github/web/x.py") == ("@global",)
    assert owners.owners_of("apps/README.md") == ("@docs",)
    assert [rule.line for rule in owners.rules] == [1, 4]


def test_gitignore_pattern_forms():
    cases = {
        "foo": {"foo": True, "foo.txt": False, "foo/bar": True, "bar/foo": True, "bar/foo/baz": True},
        "/foo": {"foo": True, "foo/bar": True, "bar/foo": False},
        "foo/": {"foo": False, "foo/bar": True, "bar/foo/baz": True, "bar/foo": False},
        "foo/bar": {"foo/bar": True, "foo/bar/baz": True, "baz/foo/bar": False},
        "/*": {"foo": True, "foo/bar": False},
        "/*/": {"foo": False, "foo/bar": True, "foo/bar/baz": True},
        "f*": {"foo": True, "foo/bar": True, "bar/foo": True, "bar/baz": False},
        "f?o": {"foo": True, "fo": False, "fooo": False},
        "f\\*o": {"f*o": True, "foo": False},
        "foo/*/baz": {"foo/bar/baz": True, "foo/baz": False, "foo/bar/baz/qux": True},
        "**/foo/bar": {"foo/bar": True, "qux/foo/bar/baz": True, "foo/baz/bar": False},
        "foo/**/bar": {"foo/bar": True, "foo/a/b/bar/c": True, "qux/foo/bar": False},
        "foo/bar/**": {"foo/bar": False, "foo/bar/baz": True, "foo/bar/baz/qux": True},
        "Docs/": {"Docs/a": True, "docs/a": False},  # paths are case sensitive
    }
    for pattern, paths in cases.items():
        owners = parse_codeowners(f"{pattern} @owner\n")
        assert owners.errors == (), pattern
        for path, expected in paths.items():
            assert (owners.rule_for(path) is not None) is expected, (pattern, path)


def test_owners_are_users_teams_and_emails_in_githubs_case_insensitive_form():
    owners = parse_codeowners("* @Octocat @Octo-Org/Team_1 @octocat Docs@Example.COM # a comment\n")
    assert owners.owners_of("x") == ("@octocat", "@octo-org/team_1", "docs@example.com")


def test_github_reads_the_first_of_its_three_places(tmp_path):
    assert read_codeowners(tmp_path) == CodeOwners()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/CODEOWNERS").write_text("* @docs\n")
    assert read_codeowners(tmp_path).owners_of("a") == ("@docs",)
    (tmp_path / "CODEOWNERS").write_text("* @root\n")
    assert read_codeowners(tmp_path).owners_of("a") == ("@root",)
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github/CODEOWNERS").write_text("* @github\nbad line\n")
    found = read_codeowners(tmp_path)
    assert found.path == ".github/CODEOWNERS" and found.owners_of("a") == ("@github",)
    assert [str(e) for e in found.errors] == [
        ".github/CODEOWNERS:2: invalid owner 'line': owners are @user, @org/team or an e-mail address"]


def test_a_codeowners_of_3_mib_is_not_loaded_as_github_does_and_one_just_under_is(tmp_path):
    line = "/services/a-service-with-a-long-name/ @acme/some-team\n"
    under = line * ((MAX_BYTES - 1) // len(line))
    (tmp_path / "CODEOWNERS").write_text(under)
    assert read_codeowners(tmp_path).owners_of("services/a-service-with-a-long-name/x") == ("@acme/some-team",)
    (tmp_path / "CODEOWNERS").write_text(under + line)
    found = read_codeowners(tmp_path)
    assert found.rules == () and found.owners_of("services/a-service-with-a-long-name/x") == ()
    (error,) = found.errors
    assert str(error) == "CODEOWNERS: 3 MiB or more: GitHub does not load it, so no path has code owners"


def test_a_linked_or_special_codeowners_is_not_read(tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("* @leaked\n")
    repo = tmp_path / "repo"
    (repo / ".github").mkdir(parents=True)
    (repo / ".github/CODEOWNERS").symlink_to(secret)
    found = read_codeowners(repo)
    assert found.rules == () and "a link or not a regular file" in str(found.errors[0])
    (repo / ".github/CODEOWNERS").unlink()
    (repo / ".github").rmdir()
    (repo / ".github").symlink_to(tmp_path)  # a linked folder on the way
    (tmp_path / "CODEOWNERS").write_text("* @leaked\n")
    assert read_codeowners(repo).rules == ()


def test_hostile_patterns_match_in_time_linear_in_their_size():
    stars = "*a" * 2000 + "*b"
    deep = "**/" * 2000 + "x"
    owners = parse_codeowners(f"{stars} @a\n{deep} @b\n")
    name = "a" * 20000
    start = time.perf_counter()
    assert owners.rule_for(name) is None
    assert owners.rule_for("/".join(["d"] * 2000) + "/y") is None
    assert time.perf_counter() - start < 5  # seconds; a backtracking matcher takes years


def test_a_large_codeowners_answers_a_monorepo_of_paths_quickly():
    lines = "".join(f"/services/s{i:05}/ @acme/team-{i % 50}\n" for i in range(50_000))
    owners = parse_codeowners("* @acme/platform\n" + lines)
    numbers = range(7, 50_000, 499)
    start = time.perf_counter()
    found = [owners.owners_of(f"services/s{i:05}/Dockerfile") for i in numbers]
    assert found == [(f"@acme/team-{i % 50}",) for i in numbers]
    assert owners.owners_of("tools/Dockerfile") == ("@acme/platform",)
    assert time.perf_counter() - start < 60  # generous; bench figures in the report
