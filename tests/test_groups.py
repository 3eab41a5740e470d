"""Groups of changed files (bot.groups.plan_groups) and their configuration: a 64-service
monorepo of 12 teams, folder and named groups, compose files beside their Dockerfiles, keys
safe as git refs, parts that stay put, and one-line configuration errors."""
from __future__ import annotations

import hashlib
import random
import subprocess

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.action import _group_by
from bot.codeowners import parse_codeowners
from bot.config import load_config
from bot.errors import ConfigError, HardenbotError
from bot.groups import MAX_KEY, plan_groups, ref_key
from bot.model.groups import GroupBy, GroupSettings

TEAMS = [f"@acme/team-{chr(ord('a') + i)}" for i in range(12)]
SERVICES = [f"services/svc-{i:02}" for i in range(64)]


def _monorepo_codeowners() -> str:
    lines = ["# 64 services, 12 teams", "* @acme/platform"]
    lines += [f"/services/svc-{i:02}/ {TEAMS[i % 12]}" for i in range(64)]
    lines += [
        "/services/svc-1*/ @acme/team-b",  # overlaps svc-10..19; the lines below still win
        "/services/svc-1*/ " + TEAMS[1],  # repeated: the last of the same pattern wins
        "/services/svc-00/ @acme/team-l",  # a last-match override of svc-00's line
        "/services/svc-63/",  # unassigning: svc-63 has no owner
        "/services/svc-62/ acme-team",  # invalid owner: reported, skipped
        "*.md @acme/docs",
    ]
    return "\n".join(lines) + "\n"


def _dockerfiles() -> list[str]:
    return [f"{service}/Dockerfile" for service in SERVICES]


def test_a_64_service_monorepo_of_12_teams_is_13_groups_each_asking_its_team():
    owners = parse_codeowners(_monorepo_codeowners(), ".github/CODEOWNERS")
    assert [str(e) for e in owners.errors] == [
        ".github/CODEOWNERS:71: invalid owner 'acme-team': owners are @user, @org/team or an e-mail address"]
    groups = plan_groups(_dockerfiles(), GroupSettings(GroupBy.OWNER), owners)
    assert len(groups) == 13
    by_title = {group.title: group for group in groups}
    assert set(by_title) == {*TEAMS, "files without code owners"}
    assert groups[-1].title == "files without code owners" and groups[-1].files == ("services/svc-63/Dockerfile",)
    assert groups[-1].owners == () and groups[-1].key == "unowned"
    # svc-1x: the overlapping svc-1* line gave them team-b, after their own lines.
    assert by_title["@acme/team-b"].files == tuple(f"services/svc-{i:02}/Dockerfile"
                                                   for i in [1, *range(10, 20), 25, 37, 49, 61])
    # svc-00's own line was overridden by a later one; svc-62's invalid line changed nothing.
    assert "services/svc-00/Dockerfile" in by_title["@acme/team-l"].files
    assert "services/svc-62/Dockerfile" in by_title[TEAMS[62 % 12]].files
    for group in groups[:-1]:
        assert group.owners == (group.title,)
        assert group.key == group.title.lstrip("@").replace("/", "-")
    assert sorted(f for group in groups for f in group.files) == sorted(_dockerfiles())


def test_the_default_is_todays_single_pull_request():
    groups = plan_groups(["b/Dockerfile", "a/Dockerfile", "a/Dockerfile"], GroupSettings())
    assert [(g.key, g.title, g.files, g.part) for g in groups] == [("", "", ("a/Dockerfile", "b/Dockerfile"), 0)]
    assert plan_groups([], GroupSettings()) == ()


def test_folder_groups_by_the_files_folder_a_depth_or_service_folder_globs():
    files = ["Dockerfile", "services/api/Dockerfile", "services/api/worker/Dockerfile", "libs/x/y/Dockerfile"]
    by_folder = plan_groups(files, GroupSettings(GroupBy.FOLDER))
    assert [(g.key, g.title, g.files) for g in by_folder] == [
        ("root", "(repository root)", ("Dockerfile",)),
        ("libs-x-y", "libs/x/y", ("libs/x/y/Dockerfile",)),
        ("services-api", "services/api", ("services/api/Dockerfile",)),
        ("services-api-worker", "services/api/worker", ("services/api/worker/Dockerfile",))]
    by_depth = plan_groups(files, GroupSettings(GroupBy.FOLDER, folder_depth=2))
    assert [g.title for g in by_depth] == ["(repository root)", "libs/x", "services/api"]
    by_glob = plan_groups(files, GroupSettings(GroupBy.FOLDER, folder_patterns=("services/*", "libs/*")))
    assert [(g.title, g.files) for g in by_glob] == [
        ("(repository root)", ("Dockerfile",)), ("libs/x", ("libs/x/y/Dockerfile",)),
        ("services/api", ("services/api/Dockerfile", "services/api/worker/Dockerfile"))]


def test_named_groups_come_first_and_the_first_matching_one_wins():
    named = (("payments", ("services/pay-*/**",)), ("everything", ("**",)))
    files = ["services/pay-a/Dockerfile", "services/api/Dockerfile", "Dockerfile"]
    groups = plan_groups(files, GroupSettings(GroupBy.REPOSITORY, named=named[:1]))
    assert [(g.key, g.files) for g in groups] == [("payments", ("services/pay-a/Dockerfile",)),
                                                  ("other", ("Dockerfile", "services/api/Dockerfile"))]
    groups = plan_groups(files, GroupSettings(GroupBy.FOLDER, named=named))
    assert [(g.title, g.files) for g in groups] == [
        ("payments", ("services/pay-a/Dockerfile",)), ("everything", ("Dockerfile", "services/api/Dockerfile"))]


def test_a_compose_file_goes_with_its_dockerfiles_only_when_that_asks_no_other_approval():
    owners = parse_codeowners("* @acme/platform\n/services/api/ @acme/api\n/services/web/ @acme/web\n"
                              "/services/api/ops/ @acme/api @acme/sre\n")
    builds = {"deploy/compose.yaml": ["services/api/Dockerfile"],
              "services/api/deploy/compose.yml": ["services/api/Dockerfile"],
              "services/compose.yml": ["services/api/Dockerfile", "services/web/Dockerfile"],
              "services/api/ops/compose.yaml": ["services/api/Dockerfile"]}
    groups = plan_groups([*builds, "services/api/Dockerfile"], GroupSettings(GroupBy.FOLDER), owners, builds=builds)
    assert {g.title: g.files for g in groups} == {
        "deploy": ("deploy/compose.yaml",),  # @acme/platform's: api's team could not merge it alone
        "services/api": ("services/api/Dockerfile", "services/api/deploy/compose.yml"),  # api's, with its image
        "services": ("services/compose.yml",),  # it builds two groups' images: its own folder's
        "services/api/ops": ("services/api/ops/compose.yaml",)}  # @acme/sre too: its own folder's
    # Without CODEOWNERS a workflow goes with what it builds, changed or not.
    alone = plan_groups(["ci/build.yml"], GroupSettings(GroupBy.FOLDER), builds={"ci/build.yml": ["services/api/Dockerfile"]})
    assert [(g.key, g.files) for g in alone] == [("services-api", ("ci/build.yml",))]


def _git_accepts(branch: str) -> bool:
    return subprocess.run(["git", "check-ref-format", "--branch", branch], capture_output=True).returncode == 0


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=0, max_size=120))
def test_keys_are_one_git_ref_component_whatever_names_the_group(name):
    key = ref_key(name, name)
    assert key and len(key) <= MAX_KEY and "/" not in key
    assert set(key) <= set("abcdefghijklmnopqrstuvwxyz0123456789._-")
    assert ".." not in key and not key.endswith((".lock", ".")) and not key.startswith((".", "-"))
    assert _git_accepts(f"hardenbot/harden/{key}")
    for group in plan_groups([f"{name}/Dockerfile".lstrip("/")], GroupSettings(GroupBy.FOLDER, max_files=1)):
        assert _git_accepts(f"hardenbot/harden/{group.key}") and len(group.key) <= MAX_KEY + 7


def test_long_names_are_cut_with_a_hash_and_names_spelled_alike_both_take_theirs():
    long = "services/" + "very-long-service-name-" * 5
    (group,) = plan_groups([f"{long}/Dockerfile"], GroupSettings(GroupBy.FOLDER))
    assert len(group.key) == MAX_KEY and group.key.startswith("services-very-long-service-name-very")
    alike = plan_groups(["a/b/Dockerfile", "a-b/Dockerfile", "c/Dockerfile"], GroupSettings(GroupBy.FOLDER))
    keys = [g.key for g in alike]
    assert keys[0].startswith("a-b-") and keys[1].startswith("a-b-") and keys[0] != keys[1] and keys[2] == "c"
    # The tree's other files keep a key from moving when only one of the pair changed.
    (only,) = plan_groups(["a/b/Dockerfile"], GroupSettings(GroupBy.FOLDER), known=["a-b/Dockerfile"])
    assert only.key == next(g.key for g in alike if g.title == "a/b")


def _parts(files, limit=10):
    return plan_groups(files, GroupSettings(GroupBy.FOLDER, folder_depth=1, max_files=limit))


def test_parts_are_in_path_order_within_the_limit_and_the_same_from_run_to_run():
    files = [f"services/svc-{i:03}/Dockerfile" for i in range(200)]
    parts = _parts(files)
    assert all(1 <= len(p.files) <= 10 for p in parts)
    assert [f for p in parts for f in p.files] == sorted(files)
    assert [p.part for p in parts] == list(range(1, len(parts) + 1)) and {p.parts for p in parts} == {len(parts)}
    assert parts[0].title == f"services (part 1 of {len(parts)})"
    assert len({p.key for p in parts}) == len(parts)
    shuffled = files[:]
    random.Random(7).shuffle(shuffled)
    assert _parts(shuffled) == parts
    assert _parts(files, limit=200) == plan_groups(files, GroupSettings(GroupBy.FOLDER, folder_depth=1))


def _part_of(parts) -> dict[str, str]:
    return {path: part.key for part in parts for path in part.files}


def test_a_file_added_to_a_group_changes_only_its_own_part_where_it_fits():
    files = [f"services/svc-{i:03}/Dockerfile" for i in range(0, 400, 2)]
    before = _parts(files)
    where = _part_of(before)
    moved, parts_changed = [], []
    for added in (f"services/svc-{i:03}/Dockerfile" for i in range(1, 400, 2)):
        after = _parts([*files, added])
        now = _part_of(after)
        moved.append(sum(now[path] != key for path, key in where.items()))
        parts_changed.append(sum((part.key, part.files) not in {(p.key, p.files) for p in before} for part in after))
    # Chunks of 10 by position would move every file after the added one (100 on average);
    # measured here: median 2, mean 5.2 files, one part changed for 97 of 200 additions.
    assert parts_changed.count(1) >= len(parts_changed) // 3
    assert sorted(moved)[len(moved) // 2] <= 4 and sum(moved) / len(moved) <= 10
    # A merged part leaves the others' keys and files as they were.
    merged_first = _parts([f for f in files if f not in before[0].files])
    assert [(p.key, p.files) for p in merged_first] == [(p.key, p.files) for p in before[1:]]


def test_one_file_added_where_its_part_has_room_changes_that_part_alone():
    files = [f"services/svc-{i:03}/Dockerfile" for i in range(0, 400, 2)]
    before = _parts(files)
    home = next(p for p in before if len(p.files) < 10 and len(p.files) >= 2)
    first, second = home.files[0], home.files[1]
    added = first.replace("Dockerfile", "z/Dockerfile")  # after its first file, before its second
    assert first < added < second
    after = _parts([*files, added])
    if int(hashlib.sha256(added.encode()).hexdigest(), 16) % 10 == 0:
        pytest.skip("the added path is a cut point of its own")
    changed = [p for p in after if p not in before]
    assert [p.key for p in changed] == [home.key] and changed[0].files == (first, added, *home.files[1:])
    assert [p for p in after if p.key != home.key] == [p for p in before if p.key != home.key]


@pytest.mark.parametrize(("text", "message"), [
    ("group-by: team\n", "hardenbot.yml:1: group-by: must be one of repository, folder, owner, not 'team'"),
    ("group-by: [owner]\n", "hardenbot.yml:1: group-by: must be one of repository, folder, owner"),
    ("group-by: owner\nfolders: 2\n", "hardenbot.yml:2: folders: only read with group-by: folder, not owner"),
    ("folders: 0\n", "hardenbot.yml:1: folders: must be a whole number from 1 to 32, not 0"),
    ("folders: deep\n", "hardenbot.yml:1: folders: must be a depth from 1 to 32 or a list of folder globs"),
    ("folders:\n  - services/*\n  - libs/**\n", "hardenbot.yml:3: folders: each must be a folder glob"),
    ("groups: [a]\n", "hardenbot.yml:1: groups: must map group names to lists of path globs"),
    ("groups:\n  payments: services/pay\n", "hardenbot.yml:2: groups.payments: must be a list of path globs"),
    ("groups:\n  1: [a/**]\n", "hardenbot.yml:2: groups: a group's name must be text, not 1"),
    ("max-files-per-pr: 0\n", "hardenbot.yml:1: max-files-per-pr: must be a whole number from 1 to 10000, not 0"),
    ("max-files-per-pr: many\n", "hardenbot.yml:1: max-files-per-pr: must be a whole number"),
    ("dashboard: off please\n", "hardenbot.yml:1: dashboard: must be true or false, not 'off please'"),
])
def test_bad_grouping_values_are_one_error_naming_file_and_line(tmp_path, text, message):
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github/hardenbot.yml").write_text(text)
    with pytest.raises(ConfigError) as raised:
        load_config(tmp_path)
    assert message in str(raised.value)
    assert str(raised.value).startswith(str(tmp_path / ".github"))


def test_grouping_configuration_and_the_action_input_that_wins_over_it(tmp_path):
    assert load_config(tmp_path).groups == GroupSettings()
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github/hardenbot.yml").write_text(
        "group-by: folder\nfolders:\n  - services/*\ngroups:\n  payments:\n    - services/pay-*/**\n"
        "max-files-per-pr: 20\n")
    config = load_config(tmp_path)
    assert config.groups == GroupSettings(GroupBy.FOLDER, None, ("services/*",),
                                          (("payments", ("services/pay-*/**",)),), 20)
    assert load_config(tmp_path, None, GroupBy.OWNER).groups.group_by is GroupBy.OWNER
    assert load_config(tmp_path, None, GroupBy.OWNER).groups.max_files == 20
    assert config.groups.dashboard is True  # grouped, the dashboard is kept unless turned off
    (tmp_path / ".github/hardenbot.yml").write_text("group-by: owner\ndashboard: false\n")
    assert load_config(tmp_path).groups.dashboard is False
    (tmp_path / ".github/hardenbot.yml").write_text("folders: 3\n")  # the input may say folder
    assert load_config(tmp_path, None, GroupBy.FOLDER).groups.folder_depth == 3
    assert _group_by("") is None and _group_by(" Owner ") is GroupBy.OWNER
    with pytest.raises(HardenbotError, match="group-by must be one of repository, folder, owner, not 'teams'"):
        _group_by("teams")
