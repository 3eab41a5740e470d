"""Compose files and workflows in grouped pull requests: which Dockerfiles a file's edits
concern (bot.sources.concerns), then the group plan_groups gives the file, as input/expected
pairs; and max-files-per-pr parts that stay put when such files join a group."""
from __future__ import annotations

import pytest

from bot.codeowners import parse_codeowners
from bot.groups import plan_groups
from bot.model.groups import GroupBy, GroupSettings
from bot.model.results import FileResult, Hardened
from bot.sources.concerns import concerned_dockerfiles
from bot.sources.workflow import WorkflowBuild, builds

PIN = "@sha256:" + "a" * 64
DOCKERFILES = {f"services/{name}/Dockerfile" for name in ("api", "web", "worker")}

SERVICE_COMPOSE = {  # each service's own compose file: builds it and names what it builds
    f"services/{name}/compose.yaml": f"services:\n  {name}:\n    build: .\n    image: ghcr.io/acme/{name}\n"
    for name in ("api", "web", "worker")}


def result(path: str, before: str, after: str | None = None) -> FileResult:
    kind = "workflow" if path.startswith(".github/workflows/") else "compose"
    return FileResult(path, kind, before, Hardened(before if after is None else after, (), (), ()))


def pinned(text: str, *images: str) -> str:
    for image in images:
        text = text.replace(image, image + PIN)
    return text


def concerns(files: dict[str, tuple[str, tuple[str, ...]]], dockerfiles=DOCKERFILES) -> dict[str, tuple[str, ...]]:
    """path → (text, images the hardening pinned in it), beside the services' own compose files."""
    results = [result(path, text) for path, text in SERVICE_COMPOSE.items()]
    results += [result(path, text, pinned(text, *images)) for path, (text, images) in files.items()]
    return concerned_dockerfiles(results, dockerfiles)


ROOT = ("services:\n  api:\n    image: ghcr.io/acme/api:1.4\n  web:\n    image: ghcr.io/acme/web:2.0\n"
        "  worker:\n    image: ghcr.io/acme/worker:3.1\n")
API_DEV = "services:\n  api:\n    build: .\n  db:\n    image: postgres:16\n"
WORKFLOW = """on: push
jobs:
  test:
    runs-on: ubuntu-latest
    services:
      db: postgres:16
    steps:
      - uses: docker/build-push-action@v6
        with:
          context: services/web
          tags: ghcr.io/acme/web:${{ github.sha }}
"""


@pytest.mark.parametrize(("files", "expected"), [
    # A root compose file naming the images of three services: each edit concerns the
    # Dockerfile its service's compose file builds as that image.
    ({"docker-compose.yml": (ROOT, ("ghcr.io/acme/api:1.4", "ghcr.io/acme/web:2.0", "ghcr.io/acme/worker:3.1"))},
     {"docker-compose.yml": tuple(sorted(DOCKERFILES))}),
    ({"docker-compose.yml": (ROOT, ("ghcr.io/acme/web:2.0",))}, {"docker-compose.yml": ("services/web/Dockerfile",)}),
    # A third-party image pinned beside a service the file builds: that service's.
    ({"services/api/dev/compose.yaml": (API_DEV.replace("build: .", "build: .."), ("postgres:16",))},
     {"services/api/dev/compose.yaml": ("services/api/Dockerfile",)}),
    # No build context and no image built here: nothing known, the file goes by its own path.
    ({"deploy/compose.yaml": ("services:\n  db:\n    image: postgres:16\n", ("postgres:16",))}, {}),
    # A build context outside the repository names no Dockerfile of it.
    ({"compose.yaml": ("services:\n  x:\n    build: ../elsewhere\n  db:\n    image: postgres:16\n", ("postgres:16",))},
     {}),
    ({"deploy/compose.yaml": ("services:\n  x:\n    build: /srv/x\n  db:\n    image: postgres:16\n", ("postgres:16",))},
     {}),
    # One edit that concerns nothing known keeps the whole file by its own path.
    ({"docker-compose.yml": (ROOT + "  db:\n    image: postgres:16\n", ("ghcr.io/acme/api:1.4", "postgres:16"))}, {}),
    # A workflow: its job's service container goes with what the workflow builds; a container
    # image built here goes with the Dockerfile that builds it.
    ({".github/workflows/web.yml": (WORKFLOW, ("postgres:16",))}, {".github/workflows/web.yml": ("services/web/Dockerfile",)}),
    ({".github/workflows/e2e.yml": ("jobs:\n  e2e:\n    container: ghcr.io/acme/worker:3.1\n    steps: []\n",
                                    ("ghcr.io/acme/worker:3.1",))},
     {".github/workflows/e2e.yml": ("services/worker/Dockerfile",)}),
    # Unchanged files concern nothing.
    ({"docker-compose.yml": (ROOT, ())}, {}),
])
def test_which_dockerfiles_a_compose_files_or_workflows_edits_concern(files, expected):
    assert concerns(files) == expected


def test_an_image_two_dockerfiles_are_built_as_is_nobodys():
    twice = {"services/web/old/compose.yaml": ("services:\n  web:\n    build: ..\n    image: ghcr.io/acme/api\n", ())}
    assert concerns({**twice, "docker-compose.yml": (ROOT, ("ghcr.io/acme/api:1.4",))}) == {}
    # …and a Dockerfile the run does not know (not scanned, or not there) is nobody's either.
    assert concerns({"docker-compose.yml": (ROOT, ("ghcr.io/acme/api:1.4",))}, DOCKERFILES - {"services/api/Dockerfile"}) == {}


def test_what_a_workflow_builds_is_read_from_build_steps_and_docker_build_commands():
    text = """jobs:
  images:
    defaults:
      run:
        working-directory: services
    steps:
      - id: meta
        uses: docker/metadata-action@v5
        with:
          images: |
            ghcr.io/acme/api
            name=docker.io/acme/api,enable=true
      - uses: docker/build-push-action@v6
        with:
          context: services/api
          tags: ${{ steps.meta.outputs.tags }}
      - uses: docker/build-push-action@v6
        with:
          file: ${{ matrix.dockerfile }}
      - uses: useblacksmith/build-push-action@v2
        with:
          context: .
          file: rust/Dockerfile
      - run: |
          docker build -t ghcr.io/acme/worker:1 \\
            -f worker/Dockerfile.prod worker
          docker buildx build --platform linux/amd64 --push -t acme/web ../../web
          docker build $CONTEXT
"""
    assert builds(text, ".github/workflows/images.yml") == [
        WorkflowBuild("images", "services/api/Dockerfile", ("ghcr.io/acme/api", "docker.io/acme/api")),
        WorkflowBuild("images", "rust/Dockerfile", ()),
        WorkflowBuild("images", "services/worker/Dockerfile.prod", ("ghcr.io/acme/worker:1",)),
        WorkflowBuild("images", "../web/Dockerfile", ("acme/web",))]


OWNERS = parse_codeowners("* @acme/platform\n/services/api/ @acme/api\n/services/web/ @acme/web\n"
                          "/services/worker/ @acme/worker\n/services/api/ops/ @acme/api @acme/sre\n"
                          "/docker-compose.yml\n/.github/workflows/api.yml @acme/api\n")


def place(builds: dict[str, tuple[str, ...]], group_by: GroupBy, owners=OWNERS, **settings) -> dict[str, str]:
    changed = [*builds, "services/api/Dockerfile", "services/web/Dockerfile"]
    groups = plan_groups(changed, GroupSettings(group_by, **settings), owners, builds=builds)
    assert sorted(f for g in groups for f in g.files) == sorted(set(changed))  # each file in one group
    return {path: group.title for group in groups for path in group.files}


API, WEB = ("services/api/Dockerfile",), ("services/web/Dockerfile",)


@pytest.mark.parametrize(("builds", "expected"), [
    # The root compose file of three services' images: its own group (it has no code owner).
    ({"docker-compose.yml": (*API, *WEB, "services/worker/Dockerfile")}, {"docker-compose.yml": "(repository root)"}),
    # Only api's image edited there, and the file has no code owner: with api.
    ({"docker-compose.yml": API}, {"docker-compose.yml": "services/api"}),
    # A Dockerfile built by two compose files in different folders: each joins it when it may.
    ({"services/api/compose.yaml": API, "services/api/deploy/compose.yml": API},
     {"services/api/compose.yaml": "services/api", "services/api/deploy/compose.yml": "services/api"}),
    # deploy/ is @acme/platform's: api's team could not merge it alone, so its own folder's.
    ({"deploy/compose.yaml": API}, {"deploy/compose.yaml": "deploy"}),
    # Owned by @acme/api and @acme/sre: asks sre too, not api's alone: its own folder's.
    ({"services/api/ops/compose.yaml": API}, {"services/api/ops/compose.yaml": "services/api/ops"}),
    # A workflow owned as api's Dockerfile is goes with it; concerning nothing known, its own.
    ({".github/workflows/api.yml": API}, {".github/workflows/api.yml": "services/api"}),
    ({".github/workflows/web.yml": ()}, {".github/workflows/web.yml": ".github/workflows"}),
    # No build context known: the compose file's own folder.
    ({"services/web/db/compose.yaml": ()}, {"services/web/db/compose.yaml": "services/web/db"}),
])
def test_group_by_folder_a_compose_file_or_workflow_goes_with_the_service_it_concerns(builds, expected):
    placed = place(builds, GroupBy.FOLDER)
    assert {path: placed[path] for path in expected} == expected
    assert placed["services/api/Dockerfile"] == "services/api" and placed["services/web/Dockerfile"] == "services/web"


@pytest.mark.parametrize(("builds", "expected"), [
    # Unowned: no approval to ask, so with the service it concerns.
    ({"docker-compose.yml": API}, {"docker-compose.yml": "@acme/api"}),
    ({"docker-compose.yml": (*API, *WEB)}, {"docker-compose.yml": "files without code owners"}),
    # Another owner than the Dockerfile's: that owner's pull request, no union of reviewers.
    ({"deploy/compose.yaml": API}, {"deploy/compose.yaml": "@acme/platform"}),
    ({"services/api/ops/compose.yaml": API}, {"services/api/ops/compose.yaml": "@acme/api @acme/sre"}),
    ({".github/workflows/api.yml": API}, {".github/workflows/api.yml": "@acme/api"}),
])
def test_group_by_owner_a_compose_file_goes_with_its_service_only_when_no_other_owner_must_approve(builds, expected):
    placed = place(builds, GroupBy.OWNER)
    assert {path: placed[path] for path in expected} == expected
    groups = plan_groups([*builds, *API], GroupSettings(GroupBy.OWNER), OWNERS, builds=builds)
    for group in groups:  # a group's reviewers are the owners of its files, each group one set
        assert set(group.owners) == set(group.title.split()) or group.title == "files without code owners"


def test_named_groups_take_a_compose_file_with_its_service_too():
    named = (("api", ("services/api/**",)),)
    placed = place({"docker-compose.yml": API}, GroupBy.FOLDER, named=named)
    assert placed["docker-compose.yml"] == "api"


def _parts(files, builds, limit=10):
    return plan_groups(files, GroupSettings(GroupBy.FOLDER, folder_depth=1, max_files=limit), builds=builds)


def _where(parts) -> dict[str, str]:
    return {path: part.key for part in parts for path in part.files}


DOCKERFILES_200 = [f"services/svc-{i:03}/Dockerfile" for i in range(200)]


def test_a_compose_file_joining_a_split_group_lands_in_its_dockerfiles_part_and_moves_nothing_else():
    before = _parts(DOCKERFILES_200, {})
    where, keys = _where(before), [p.key for p in before]
    alone = 0
    for i in range(200):
        dockerfile = f"services/svc-{i:03}/Dockerfile"
        home = next(p for p in before if p.key == where[dockerfile])
        for compose in (f"services/svc-{i:03}/deploy/compose.yaml",  # in the `services` group by its path too
                        "services/aaa/compose.yml"):  # its path sorts elsewhere: it stands by its Dockerfile
            after = _parts([*DOCKERFILES_200, compose], {compose: (dockerfile,)})
            was = {(p.key, p.files) for p in before}
            changed = [(p.key, p.files) for p in after if (p.key, p.files) not in was]
            assert all(len(p.files) <= 10 for p in after)
            earlier = keys[:keys.index(home.key)]
            assert [(p.key, p.files) for p in after if p.key in earlier] == [(p.key, p.files) for p in before
                                                                             if p.key in earlier]
            if len(home.files) < 10:  # room in its Dockerfile's part: that part alone changes
                assert changed == [(home.key, tuple(sorted((*home.files, compose))))], (i, compose)
                alone += 1
            else:  # a full part passes its last file on, up to the next cut, as a Dockerfile added would
                assert _where(after)[compose] == home.key or home.files[-1] == dockerfile, (i, compose)
    # measured: 140 of 400; the others go where a part is full (as for Dockerfiles added, see
    # test_groups.py), and it passes its last file on up to the next cut
    assert alone >= 120


def test_a_compose_file_whose_dockerfile_has_nothing_to_change_stands_in_its_place():
    full = _parts(DOCKERFILES_200, {})
    for i in (0, 57, 123, 199):
        dockerfile, compose = f"services/svc-{i:03}/Dockerfile", f"deploy/svc-{i:03}/compose.yaml"
        others = [f for f in DOCKERFILES_200 if f != dockerfile]
        standing_in = _parts([*others, compose], {compose: (dockerfile,)})
        # the same parts, keys and cuts as with its Dockerfile, the compose file where it stood
        swap = {dockerfile: compose}
        assert [(p.key, tuple(sorted(swap.get(f, f) for f in p.files))) for p in full] == \
               [(p.key, p.files) for p in standing_in], i


def test_part_keys_stay_distinct_when_files_stand_in_for_one_dockerfile():
    builds = {"deploy/a/compose.yaml": ("services/svc-001/Dockerfile",),
              "deploy/b/compose.yaml": ("services/svc-001/Dockerfile",),
              "deploy/c/compose.yaml": ("services/svc-002/Dockerfile",)}
    one, two = "services/svc-001/Dockerfile", "services/svc-002/Dockerfile"
    for present, order in [([], ["a", "b", "c"]), ([one], [one, "a", "b", "c"]), ([one, two], [one, "a", "b", two, "c"])]:
        parts = _parts([*builds, *present, "services/svc-000/Dockerfile"], builds, limit=1)
        assert len({p.key for p in parts}) == len(parts)  # one part a file, each its own key
        assert [p.files[0] for p in parts] == ["services/svc-000/Dockerfile",
                                               *(f"deploy/{f}/compose.yaml" if len(f) == 1 else f for f in order)]
