"""The bot's branch and pull request over several runs, as a colleague would keep them: people's
commits on the branch survive a refresh (or stop it, saying so once), a pull request closed
without merging is not proposed again until something is new, and a merged one is history.
A real bare git remote, the real registry, GitHub faked at the HTTP layer (see test_flow.py)."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from bot.action import split_labels
from bot.branch_commits import made_by_bot, sort_branch
from bot.gitops import BOT, CommitInfo, Identity, Repository
from bot.report.markdown import LISTED_COMMITS
from tests import test_flow
from tests.fake_github import FakeGitHub
from tests.test_flow import Project, comment_event, git, run
from tests.test_hostile import _markup_in

project = test_flow.project  # the fixture: a bare remote, a maintainer's clone, the action's shallow checkout

BRANCH = "hardenbot/harden"
DEV = Identity("Dev", "dev@example.com")


def push_to_bot_branch(project: Project, edits: dict[str, str], message: str, *, start: str = f"origin/{BRANCH}") -> str:
    """A maintainer's commit on the bot's branch (as Dev), made in their own clone."""
    git("fetch", "--quiet", "origin", "+refs/heads/*:refs/remotes/origin/*", cwd=project.seed)
    git("checkout", "--quiet", "-B", "maintainer", start, cwd=project.seed)
    for path, text in edits.items():
        (project.seed / path).write_text(text)
    git("commit", "--quiet", "-am", message, cwd=project.seed)
    git("push", "--quiet", "--force", "origin", f"HEAD:refs/heads/{BRANCH}", cwd=project.seed)
    git("checkout", "--quiet", "main", cwd=project.seed)
    return project.remote_sha(BRANCH)


def branch_log(project: Project) -> list[str]:
    """The bot branch since main, oldest first: "author | subject"."""
    out = git("log", "--reverse", "--format=%an | %s", f"origin/main..origin/{BRANCH}", cwd=project.seed_fetch())
    return out.splitlines()


def install_hooks(checkout: Path) -> Path:
    """Hooks in the checkout that leave a mark if git ever runs them."""
    mark = checkout.parent / "hook-ran"
    for name in ("pre-commit", "prepare-commit-msg", "commit-msg", "post-commit", "pre-push", "post-rewrite",
                 "pre-rebase", "post-checkout", "reference-transaction"):
        hook = checkout / ".git" / "hooks" / name
        hook.write_text(f"#!/bin/sh\necho {name} >> {mark}\n")
        hook.chmod(0o755)
    return mark


def move_python_tag(project: Project) -> str:
    return project.registry.push_image("flow/python", "3.12-slim", seed="python-2")


# -- people's commits on the bot branch ------------------------------------------------------

def test_peoples_commits_are_carried_onto_the_refresh_without_running_a_hook(project):
    github = FakeGitHub()
    run(project, github)
    readme = project.remote_file(BRANCH, "README.md") + "Hardened by hardenbot; reviewed by Dev.\n"
    compose = project.remote_file(BRANCH, "docker-compose.yml").replace("  # cache", "  # cache, reviewed")
    push_to_bot_branch(project, {"README.md": readme}, "docs: say who reviewed")
    push_to_bot_branch(project, {"docker-compose.yml": compose + "\n"}, "compose: note the review")
    mark = install_hooks(project.checkout)
    new = move_python_tag(project)

    result = run(project, github)
    assert result.outcome == "updated" and "carrying 2 commits by people onto the refresh" in result.message
    assert [c.subject for c in result.carried] == ["docs: say who reviewed", "compose: note the review"]
    assert branch_log(project) == ["github-actions[bot] | hardenbot: harden 3 files",
                                   "Dev | docs: say who reviewed", "Dev | compose: note the review"]
    assert project.remote_file(BRANCH, "README.md") == readme.rstrip("\n")
    assert "# cache, reviewed" in project.remote_file(BRANCH, "docker-compose.yml")
    assert f"@{new}" in project.remote_file(BRANCH, "services/api/Dockerfile")  # the refresh itself
    committers = git("log", "--format=%cn", f"origin/main..origin/{BRANCH}", cwd=project.seed_fetch())
    assert set(committers.splitlines()) == {"github-actions[bot]"}  # authors kept, the bot commits
    assert not mark.exists()
    assert result.head_sha == project.remote_sha(BRANCH)

    pushed, github.calls[:] = project.remote_sha(BRANCH), []
    again = run(project, github)  # nothing new: the same commits replayed give the same tree
    assert again.outcome == "unchanged" and project.remote_sha(BRANCH) == pushed and github.writes == []
    assert again.carried == () and again.message == f"pull request #{github.open_pulls()[0]['number']} is up to date"


def test_a_conflicting_commit_keeps_the_branch_as_it_is_and_is_told_once(project):
    github = FakeGitHub()
    run(project, github)
    pull = github.open_pulls()[0]
    api = project.remote_file(BRANCH, "services/api/Dockerfile")
    first_line, rest = api.split("\n", 1)
    kept = push_to_bot_branch(project, {"services/api/Dockerfile": f"{first_line} AS app\n{rest}\n"},
                              "api: name the stage")
    body = pull["body"]
    move_python_tag(project)

    result = run(project, github)
    assert result.outcome == "kept" and project.remote_sha(BRANCH) == kept
    assert result.conflict.paths == ("services/api/Dockerfile",) and result.conflict.commit.subject == "api: name the stage"
    assert result.message.startswith(f"kept {BRANCH} as it is: {kept[:12]} by Dev conflicts with the refresh in "
                                     "services/api/Dockerfile")
    [comment] = github.comments
    assert comment["issue"] == pull["number"] and comment["body"].startswith(
        f"hardenbot: there is a refresh for this branch (the base branch or its images moved on), but commit "
        f"{kept[:12]} “api: name the stage” by Dev does not apply onto it: it conflicts in "
        f"`services/api/Dockerfile`. So `{BRANCH}` stays exactly as it is, and this pull request with it.\n\n"
        f"Commits people pushed to `{BRANCH}`, which a refresh carries over:\n- {kept[:12]} “api: name the stage” "
        "by Dev\n\n")
    assert pull["body"] == body  # the body describes the branch as it is, not the refresh it could not push

    github.calls.clear()
    again = run(project, github)
    assert again.outcome == "kept" and len(github.comments) == 1 and github.writes == []
    assert project.remote_sha(BRANCH) == kept


def test_peoples_commits_are_carried_from_a_shallow_clone_when_the_base_moved_far_on(project):
    """The action's checkout is one commit deep: the bot's commit's parent, on the base, is
    far beyond it; the maintainer's commits on top are fetched and carried all the same."""
    github = FakeGitHub()
    run(project, github)
    push_to_bot_branch(project, {"README.md": "# shop, by Dev\n"}, "readme: by Dev")
    for n in range(40):
        git("commit", "--quiet", "--allow-empty", "-m", f"main moves on {n}", cwd=project.seed)
    git("push", "--quiet", "origin", "HEAD:main", cwd=project.seed)
    move_python_tag(project)
    result = run(project, github)
    assert git("rev-parse", "--is-shallow-repository", cwd=project.checkout) == "true"
    assert result.outcome == "updated" and [c.subject for c in result.carried] == ["readme: by Dev"]
    assert result.dropped == ()
    assert branch_log(project) == ["github-actions[bot] | hardenbot: harden 3 files", "Dev | readme: by Dev"]
    assert project.remote_file(BRANCH, "README.md") == "# shop, by Dev"


def test_a_commit_whose_change_the_base_took_is_left_out(project):
    github = FakeGitHub()
    run(project, github)
    push_to_bot_branch(project, {"README.md": "# shop\n\nHardened.\n"}, "readme: hardened")
    (project.seed / "README.md").write_text("# shop\n\nHardened.\n")  # the same change, made on main
    git("commit", "--quiet", "-am", "readme: hardened (on main)", cwd=project.seed)
    git("push", "--quiet", "origin", "HEAD:main", cwd=project.seed)
    move_python_tag(project)
    result = run(project, github)
    assert result.outcome == "updated" and result.carried == ()
    assert result.message.endswith(" (leaving out 1 commit whose change it already holds)")
    assert branch_log(project) == ["github-actions[bot] | hardenbot: harden 3 files"]


def take_the_hardening_onto_main(project: Project, hardened: str, message: str) -> None:
    """A maintainer who puts the bot's changes on main in a commit of their own."""
    git("checkout", "--quiet", hardened, "--", ".", cwd=project.seed_fetch())
    git("commit", "--quiet", "-m", message, cwd=project.seed)
    git("push", "--quiet", "origin", "HEAD:main", cwd=project.seed)


def test_nothing_left_to_harden_leaves_a_pull_request_with_peoples_commits_open(project):
    github = FakeGitHub()
    run(project, github)
    [pull] = github.open_pulls()
    hardened = project.remote_sha(BRANCH)
    push_to_bot_branch(project, {"README.md": "# shop, reviewed\n"}, "readme: reviewed")
    take_the_hardening_onto_main(project, hardened, "harden by hand")
    github.calls.clear()
    result = run(project, github)
    assert result.outcome == "unchanged" and pull["state"] == "open" and github.writes == []
    assert result.message == f"nothing to harden, but pull request #{pull['number']} stays open: its branch holds " \
                             "1 commit by people"


def test_a_branch_long_merged_into_the_base_has_no_commits_of_its_own(project):
    """The server has nothing to send for `--shallow-exclude` then (over HTTPS it just hangs
    up): the shallow clone deepens until it finds where the branch left the base."""
    github = FakeGitHub()
    run(project, github)
    git("fetch", "--quiet", "origin", cwd=project.seed)
    git("merge", "--quiet", "--no-ff", "-m", "Merge the hardening", f"origin/{BRANCH}", cwd=project.seed)
    for n in range(40):
        git("commit", "--quiet", "--allow-empty", "-m", f"main moves on {n}", cwd=project.seed)
    git("push", "--quiet", "origin", "HEAD:main", cwd=project.seed)
    repo = Repository(project.checkout)
    history = repo.fetch_branch_history(BRANCH, "main", repo.fetch_branch("main"))
    assert history.head == project.remote_sha(BRANCH) and history.commits == ()


# -- history removed from the base stays removed ---------------------------------------------

LEAK = "TOKEN=leaked-0123456789"


def commit_on_main(project: Project, edits: dict[str, str], message: str) -> str:
    """A commit on main, pushed (as Dev, from their clone); its sha."""
    for path, text in edits.items():
        (project.seed / path).parent.mkdir(parents=True, exist_ok=True)
        (project.seed / path).write_text(text)
    git("add", "-A", cwd=project.seed)
    git("commit", "--quiet", "-m", message, cwd=project.seed)
    git("push", "--quiet", "origin", "HEAD:main", cwd=project.seed)
    return git("rev-parse", "HEAD", cwd=project.seed)


def force_push_main(project: Project, rewrite: str, leaked: str) -> None:
    """Main force-pushed so that `leaked` (its head) is gone: dropped, or amended in place
    (its file cleaned, or only its message reworded: the same tree under a new commit)."""
    if rewrite == "drop":
        git("reset", "--quiet", "--hard", f"{leaked}~1", cwd=project.seed)
    elif rewrite == "amend":
        (project.seed / "config" / "app.env").write_text("TOKEN=\n")
        git("commit", "--quiet", "--amend", "-am", "config: app settings, without the token", cwd=project.seed)
    else:
        git("commit", "--quiet", "--amend", "-m", "config: app settings (reworded)", cwd=project.seed)
    git("push", "--quiet", "--force", "origin", "HEAD:main", cwd=project.seed)


def holds(project: Project, sha: str) -> bool:
    """Whether the bot branch on the remote reaches `sha`."""
    found = subprocess.run(["git", "merge-base", "--is-ancestor", sha, f"origin/{BRANCH}"], cwd=project.seed_fetch(),
                           capture_output=True)
    return found.returncode == 0


def branch_history_text(project: Project) -> str:
    """Every change the bot branch brings over main, as patches."""
    return git("log", "-p", f"origin/main..origin/{BRANCH}", cwd=project.seed_fetch())


@pytest.mark.parametrize("rewrite", ["drop", "amend", "reword"])
def test_a_commit_removed_from_the_base_by_a_force_push_is_not_carried_back(project, rewrite):
    github = FakeGitHub()
    leaked = commit_on_main(project, {"config/app.env": LEAK + "\n"}, "config: app settings")
    run(project, github)
    [pull] = github.open_pulls()
    assert holds(project, leaked)  # the bot's branch was cut from main as it was
    force_push_main(project, rewrite, leaked)

    result = run(project, github)
    assert result.outcome == "updated" and result.carried == ()
    assert [c.sha for c in result.dropped] == [leaked]
    assert result.message == (f"updated pull request #{pull['number']}; dropped 1 commit the branch held from before "
                              "hardenbot's commit that are not on the base (removed from it by a force-push, or "
                              "never on it)")
    assert not holds(project, leaked) and branch_log(project) == ["github-actions[bot] | hardenbot: harden 3 files"]
    assert LEAK not in branch_history_text(project)  # what main holds now is all the branch brings of it
    assert "Commits people pushed" not in pull["body"] and LEAK not in pull["body"]

    github.calls.clear()
    again = run(project, github)  # the branch is the refresh now: nothing more to drop
    assert again.outcome == "unchanged" and again.dropped == () and github.writes == []


def test_a_maintainers_commit_is_carried_and_the_removed_one_dropped(project):
    github = FakeGitHub()
    leaked = commit_on_main(project, {"config/app.env": LEAK + "\n"}, "config: app settings")
    run(project, github)
    [pull] = github.open_pulls()
    push_to_bot_branch(project, {"README.md": "# shop, reviewed by Dev\n"}, "docs: say who reviewed")
    force_push_main(project, "drop", leaked)

    result = run(project, github)
    assert result.outcome == "updated" and [c.subject for c in result.carried] == ["docs: say who reviewed"]
    assert [c.sha for c in result.dropped] == [leaked] and "carrying 1 commit by people" in result.message
    assert branch_log(project) == ["github-actions[bot] | hardenbot: harden 3 files", "Dev | docs: say who reviewed"]
    assert not holds(project, leaked) and LEAK not in branch_history_text(project)
    assert project.remote_file(BRANCH, "README.md") == "# shop, reviewed by Dev"
    carried = project.remote_sha(BRANCH)
    assert ("### Commits people pushed to this branch (1)\n\nNot hardenbot's: each refresh of the branch carries "
            "them over, authors kept. Review them as any change.\n\n"
            f"- `{carried[:12]}` by Dev: docs: say who reviewed — `README.md`\n\n") in pull["body"]
    assert pull["body"].index("Commits people pushed") < pull["body"].index("### What changed")

    github.calls.clear()
    again = run(project, github)  # the same branch lists the same commits: nothing to rewrite
    assert again.outcome == "unchanged" and github.writes == [] and project.remote_sha(BRANCH) == carried


def test_update_branch_does_not_bring_back_a_commit_the_base_dropped(project):
    """GitHub's "Update branch" merged main as it was, holding the leaked commit, into the bot
    branch; main was force-pushed after: the merge's other parent brings nothing back."""
    github = FakeGitHub()
    run(project, github)
    leaked = commit_on_main(project, {"config/app.env": LEAK + "\n"}, "config: app settings")
    git("fetch", "--quiet", "origin", cwd=project.seed)
    git("checkout", "--quiet", "-B", "maintainer", f"origin/{BRANCH}", cwd=project.seed)
    git("merge", "--quiet", "--no-ff", "-m", f"Merge branch 'main' into {BRANCH}", "origin/main", cwd=project.seed)
    git("push", "--quiet", "origin", f"HEAD:refs/heads/{BRANCH}", cwd=project.seed)
    git("checkout", "--quiet", "main", cwd=project.seed)
    push_to_bot_branch(project, {"README.md": "# shop, reviewed\n"}, "readme: reviewed")
    assert holds(project, leaked)
    force_push_main(project, "drop", leaked)
    move_python_tag(project)

    result = run(project, github)
    assert result.outcome == "updated" and [c.subject for c in result.carried] == ["readme: reviewed"]
    assert [c.sha for c in result.dropped] == [leaked]  # the merge itself is no one's change: not counted
    assert not holds(project, leaked) and LEAK not in branch_history_text(project)
    assert branch_log(project) == ["github-actions[bot] | hardenbot: harden 3 files", "Dev | readme: reviewed"]


@pytest.mark.parametrize("force_pushed", [False, True])
def test_a_branch_made_by_hand_carries_nothing_and_says_so(project, force_pushed):
    """`hardenbot/harden` made by a person from main, with no commit of the bot's: none of it is
    a person's commit pushed after the bot's, so none of it is replayed, and the run says so."""
    github = FakeGitHub()
    leaked = commit_on_main(project, {"config/app.env": LEAK + "\n"}, "config: app settings")
    by_hand = push_to_bot_branch(project, {"README.md": "# shop, by hand\n"}, "readme: by hand", start="origin/main")
    if force_pushed:
        force_push_main(project, "drop", leaked)

    result = run(project, github)
    assert result.outcome == "opened" and result.carried == ()
    dropped = [leaked, by_hand] if force_pushed else [by_hand]
    assert [c.sha for c in result.dropped] == dropped
    assert result.message == (f"opened pull request #{github.open_pulls()[0]['number']}; dropped "
                              f"{len(dropped)} commit{'s' if force_pushed else ''} of the branch: it held no commit of "
                              "hardenbot's, so none of it counts as people's")
    assert branch_log(project) == ["github-actions[bot] | hardenbot: harden 3 files"]
    assert not holds(project, by_hand) and holds(project, leaked) is not force_pushed


def test_nothing_left_to_harden_closes_a_pull_request_whose_branch_holds_only_removed_history(project):
    """The commit main dropped is not a person's: it does not keep the pull request open."""
    github = FakeGitHub()
    leaked = commit_on_main(project, {"config/app.env": LEAK + "\n"}, "config: app settings")
    run(project, github)
    [pull] = github.open_pulls()
    hardened = project.remote_sha(BRANCH)
    force_push_main(project, "drop", leaked)
    take_the_hardening_onto_main(project, hardened, "harden by hand")
    git("rm", "--quiet", "config/app.env", cwd=project.seed)
    git("commit", "--quiet", "-m", "config: no token here", cwd=project.seed)
    git("push", "--quiet", "origin", "HEAD:main", cwd=project.seed)
    result = run(project, github)
    assert result.outcome == "closed" and pull["state"] == "closed"


def test_the_body_lists_peoples_commits_inert_and_bounded(project):
    """A person's commit with a hostile author, subject and file name, and more commits than
    the body lists: each is named, none of it is markup, the rest are counted."""
    github = FakeGitHub()
    run(project, github)
    git("fetch", "--quiet", "origin", cwd=project.seed)
    git("checkout", "--quiet", "-B", "maintainer", f"origin/{BRANCH}", cwd=project.seed)
    hostile = "<!-- open @acme/team ![x](http://e.example/x.png) [a](javascript:alert(1))\n# Heading"
    (project.seed / hostile.replace("/", "_")).write_text("x\n")
    git("add", "-A", cwd=project.seed)
    git("commit", "--quiet", "--author", "@acme/team [a](http://e.example) <t@example.com>", "-m",
        "<!-- hardenbot:state {} --> @acme/team ![x](http://e.example/x.png) `", cwd=project.seed)
    for n in range(LISTED_COMMITS):
        (project.seed / "notes.txt").write_text(f"note {n}\n")
        git("add", "notes.txt", cwd=project.seed)
        git("commit", "--quiet", "-m", f"notes: {n}", cwd=project.seed)
    git("push", "--quiet", "origin", f"HEAD:refs/heads/{BRANCH}", cwd=project.seed)
    git("checkout", "--quiet", "main", cwd=project.seed)
    move_python_tag(project)

    result = run(project, github)
    assert result.outcome == "updated" and len(result.carried) == LISTED_COMMITS + 1
    body = github.open_pulls()[0]["body"]
    section = body[body.index("### Commits people pushed to this branch (51)"):body.index("### What changed")]
    assert len([line for line in section.splitlines() if line.startswith("- `")]) == LISTED_COMMITS
    assert "- … 1 more commit: the branch's history lists them all" in section
    visible = body.split("\n<!-- hardenbot:state ")[0]
    for line in visible.splitlines()[1:]:  # the first is the bot's own marker
        assert not line.startswith("# Heading") and _markup_in(line) == [], line
    assert "`<!-- open @acme_team ![x](http:__e.example_x.png) [a](javascript:alert(1))\\n# Heading`" in section


def commit(author: Identity, committer: Identity, subject: str) -> CommitInfo:
    return CommitInfo("a" * 40, ("b" * 40,), author, committer, subject)


@pytest.mark.parametrize(("made", "expected"), [
    (commit(BOT, BOT, "hardenbot: harden 3 files"), True),
    (commit(Identity("GitHub Actions", BOT.email.upper()), BOT, "hardenbot: harden 1 file"), True),
    (commit(DEV, BOT, "hardenbot: harden 3 files"), False),  # a person's commit the bot replayed
    (commit(BOT, DEV, "hardenbot: harden 3 files"), False),  # the bot's commit a person amended
    (commit(BOT, BOT, "style: format the Dockerfiles"), False),  # another workflow's bot
])
def test_only_the_bots_own_commits_count_as_the_bots(made, expected):
    assert made_by_bot(made, BOT) is expected


def _node(sha: str, parents: str, by: Identity = DEV, subject: str = "") -> CommitInfo:
    return CommitInfo(sha, tuple(parents.split()), by, by, subject or f"change {sha}")


@pytest.mark.parametrize(("shape", "people", "dropped"), [
    # the old base's x under the bot's b, a person's p on top
    ([_node("x", "o"), _node("b", "x", BOT, "hardenbot: harden 1 file"), _node("p", "b")], "p", "x"),
    # "Update branch": m merges the old base's x into b; p after it
    ([_node("b", "o", BOT, "hardenbot: harden 1 file"), _node("x", "o"), _node("m", "b x"), _node("p", "m")], "p", "x"),
    # the bot's commit amended by a person: no commit of the bot's, nothing carried
    ([_node("x", "o"), _node("a", "x", subject="hardenbot: harden 1 file"), _node("p", "a")], "", "x a p"),
    # a second bot commit (`/harden` on its own pull request) after a person's: both of theirs kept
    ([_node("b", "o", BOT, "hardenbot: harden 1 file"), _node("p", "b"), _node("c", "p", BOT, "hardenbot: harden 1 file"),
      _node("q", "c")], "p q", ""),
])
def test_a_persons_commit_is_one_pushed_after_the_bots_first(shape, people, dropped):
    branch = sort_branch(tuple(shape), BOT)
    assert [c.sha for c in branch.people] == people.split() and [c.sha for c in branch.dropped] == dropped.split()


# -- a pull request closed without merging ---------------------------------------------------

def test_a_pull_request_closed_without_merging_is_not_proposed_again_until_something_is_new(project):
    github = FakeGitHub()
    run(project, github)
    [closed] = github.open_pulls()
    github.close_pull(closed["number"])
    branch = project.remote_sha(BRANCH)

    github.calls.clear()
    result = run(project, github)
    assert result.outcome == "declined" and result.message == (
        f"not proposed again: pull request #{closed['number']}, closed without merging, had all of these changes")
    assert github.calls == [("GET", "/repos/acme/shop/pulls?head=acme%3Ahardenbot%2Fharden&per_page=100&state=all")]
    assert project.remote_sha(BRANCH) == branch and len(github.pulls) == 1 and closed["state"] == "closed"

    git("rm", "--quiet", "services/web/Dockerfile", cwd=project.seed)  # fewer changes are no new ones
    git("commit", "--quiet", "-m", "web is gone", cwd=project.seed)
    git("push", "--quiet", "origin", "HEAD:main", cwd=project.seed)
    assert run(project, github).outcome == "declined" and github.writes == []

    new = move_python_tag(project)
    result = run(project, github)
    assert result.outcome == "opened" and closed["state"] == "closed" and len(github.pulls) == 2
    [opened] = github.open_pulls()
    assert f"@{new}" in project.remote_file(BRANCH, "services/api/Dockerfile")
    assert (f"### What is new since the closed pull request #{closed['number']}\n\n"
            f"#{closed['number']} was closed without being merged; this pull request is opened for what it did "
            "not have:\n- **HB030** in `services/api/Dockerfile`\n")  # pinned to the moved tag's digest in opened["body"]
    assert opened["body"].index("What is new since") < opened["body"].index("| File | Role |")

    github.calls.clear()
    assert run(project, github).outcome == "unchanged" and github.writes == []  # the paragraph stays as it is


def test_a_harden_command_on_a_closed_pull_request_still_works(project):
    github = FakeGitHub(permissions={"maintainer": "write"})
    run(project, github)
    [closed] = github.open_pulls()
    github.close_pull(closed["number"])
    new = move_python_tag(project)
    result = run(project, github, "issue_comment", comment_event(closed["number"]))
    assert result.outcome == "pushed" and f"@{new}" in project.remote_file(BRANCH, "services/api/Dockerfile")
    assert closed["state"] == "closed" and len(github.pulls) == 1


def test_a_merged_pull_request_is_history(project):
    github = FakeGitHub()
    run(project, github)
    [merged] = github.open_pulls()
    merged["head"]["sha"] = push_to_bot_branch(project, {"README.md": "# shop, reviewed\n"}, "readme: reviewed")
    git("fetch", "--quiet", "origin", cwd=project.seed)
    git("merge", "--quiet", "--squash", f"origin/{BRANCH}", cwd=project.seed)  # squashed: not reachable from main
    git("commit", "--quiet", "-m", "Harden container builds (#42)", cwd=project.seed)
    github.close_pull(merged["number"], merged=True)
    (project.seed / "README.md").write_text("# shop, reviewed twice\n")  # so the old commit would conflict now
    git("commit", "--quiet", "-am", "readme: again", cwd=project.seed)
    git("push", "--quiet", "origin", "HEAD:main", cwd=project.seed)
    github.calls.clear()
    assert run(project, github).outcome == "nothing" and github.writes == []

    move_python_tag(project)
    result = run(project, github)
    assert result.outcome == "opened" and len(github.open_pulls()) == 1 and result.carried == ()
    assert "What is new since" not in github.open_pulls()[0]["body"]
    assert branch_log(project) == ["github-actions[bot] | hardenbot: harden 2 files"]


def test_a_pull_request_hardenbot_closed_itself_is_no_refusal(project):
    github = FakeGitHub()
    run(project, github)
    [pull] = github.open_pulls()
    original = git("rev-parse", "HEAD", cwd=project.seed)
    git("fetch", "--quiet", "origin", cwd=project.seed)
    git("reset", "--quiet", "--hard", f"origin/{BRANCH}", cwd=project.seed)
    git("push", "--quiet", "origin", "HEAD:main", cwd=project.seed)  # merged by hand, outside the pull request
    assert run(project, github).outcome == "closed" and pull["state"] == "closed"
    assert '"closed": "nothing-left"' in pull["body"]

    git("revert", "--quiet", "--no-edit", "HEAD", cwd=project.seed)  # and reverted: the same changes are due again
    git("push", "--quiet", "origin", "HEAD:main", cwd=project.seed)
    assert git("rev-parse", "HEAD^{tree}", cwd=project.seed) == git("rev-parse", f"{original}^{{tree}}", cwd=project.seed)
    result = run(project, github)
    assert result.outcome == "opened" and "What is new since" not in github.open_pulls()[0]["body"]


def test_a_closed_pull_request_without_a_record_is_proposed_again_saying_so(project):
    github = FakeGitHub()
    old = github.add_pull(BRANCH, "acme/shop", "0" * 40, body="<!-- hardenbot -->\nwritten by an older hardenbot\n")
    github.close_pull(old["number"])
    result = run(project, github)
    assert result.outcome == "opened"
    assert (f"#{old['number']} was closed without being merged, and its body keeps no record of each change it "
            "proposed, so hardenbot cannot tell which of these are new: it proposes them all.") in \
        github.open_pulls()[0]["body"]


# -- inputs and outputs ----------------------------------------------------------------------

@pytest.mark.parametrize(("value", "labels"), [
    ("security,hardenbot", ("security", "hardenbot")),
    ("security\nhardenbot\n", ("security", "hardenbot")),  # `labels: |` in a workflow
    (" security ,\r\n  dependencies\n\n,", ("security", "dependencies")),
    ("security, security", ("security",)),
    ("", ()),
])
def test_labels_are_separated_by_commas_or_new_lines(value, labels):
    assert split_labels(value) == labels
