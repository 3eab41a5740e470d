"""What makes a run faster never changes what it finds or writes: over every Dockerfile of the
corpora (the real-world ones the review bench reads and the rule fixtures), the fast path's
report equals the plain one's, finding for finding and byte for byte."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from random import Random

import pytest

import bot.dockerfile.model as model
import bot.dockerfile.parser as parser
import bot.dockerfile.shell as shell
from bot import engine, run
from bot.config import Config, load_config
from bot.engine import check_text, checked_text, harden_text
from bot.errors import DockerfileSyntaxError, FixError
from bot.model.findings import Finding, NewFile
from bot.model.images import Resolution, image_key
from bot.model.results import Hardened, RunReport
from bot.model.roles import Role
from bot.model.text import Edit, EditSet, apply_edits
from bot.rules.rule import RuleSet
from bot.run import process, process_texts
from bot.sources import build_context, kind_of
from bot.sources.discovery import SourceFile
from bot.sources.dockerfile import KIND as DOCKERFILE
from bot.sources.files import read_text
from bot.sources.kind import SourceKind
from tests.conftest import fixture_cases, yaml_fixture_cases
from tests.helpers import case_ruleset, case_source, read, write

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT / "bench" / "realworld", ROOT / "bench" / "realworld2", ROOT / "bench" / "realworld3", ROOT / "bench" / "realworld4", ROOT / "bench" / "realworld5", ROOT / "bench" / "realworld6", ROOT / "bench" / "realworld7", ROOT / "bench" / "realworld8", ROOT / "bench" / "realworld9", ROOT / "bench" / "realworld10", ROOT / "bench" / "realworld11", ROOT / "bench" / "realworld12", ROOT / "bench" / "realworld13", ROOT / "bench" / "realworld14", ROOT / "bench" / "realworld15", ROOT / "bench" / "realworld16", ROOT / "bench" / "realworld17", ROOT / "bench" / "realworld18", ROOT / "bench" / "realworld19", ROOT / "bench" / "realworld20", ROOT / "bench" / "realworld21", ROOT / "bench" / "realworld22", ROOT / "bench" / "realworld23", ROOT / "bench" / "realworld24", ROOT / "bench" / "realworld25", ROOT / "bench" / "realworld26", ROOT / "bench" / "realworld27", ROOT / "bench" / "realworld28", ROOT / "bench" / "realworld29", ROOT / "bench" / "realworld30", ROOT / "bench" / "realworld31", ROOT / "bench" / "realworld32", ROOT / "bench" / "realworld33", ROOT / "bench" / "realworld34", ROOT / "bench" / "realworld35", ROOT / "bench" / "realworld36", ROOT / "bench" / "realworld37", ROOT / "bench" / "realworld38", ROOT / "bench" / "realworld39", ROOT / "bench" / "realworld40", ROOT / "bench" / "realworld41", ROOT / "bench" / "realworld42", ROOT / "bench" / "realworld43", ROOT / "bench" / "realworld44", ROOT / "bench" / "realworld45", ROOT / "bench" / "realworld46", ROOT / "bench" / "realworld47", ROOT / "bench" / "realworld48", ROOT / "bench" / "realworld49",
           ROOT / "tests" / "fixtures"]


def _corpus() -> dict[SourceFile, str]:
    texts = {}
    for corpus in CORPORA:
        for path in sorted(corpus.rglob("*")):
            if path.is_file() and not path.is_symlink() and "dockerfile" in path.name.lower():
                relative = path.relative_to(ROOT).as_posix()
                texts[SourceFile(relative, kind_of(path.name) or DOCKERFILE)] = read_text(path)
    return texts


@pytest.fixture(scope="module")
def corpus() -> dict[SourceFile, str]:
    texts = _corpus()
    assert len(texts) > 500
    return texts


def test_cached_script_tokens_change_no_finding(corpus, monkeypatch):
    config = load_config(Path("/nonexistent"))
    rules = config.active_rules()
    shell._tokenize_cached.cache_clear()
    cached = process_texts(corpus, config, rules, fix=True)
    assert shell._tokenize_cached.cache_info().hits > 0  # unchanged lines are read again after a fix
    monkeypatch.setattr(shell, "_tokenize", shell._tokenize_uncached)
    plain = process_texts(corpus, config, rules, fix=True)
    assert len(plain.results) > 500
    assert cached == plain


def test_a_dockerfile_parsed_before_the_rules_run_is_not_parsed_again(corpus, monkeypatch):
    """The files of several stages, parsed for the images they use only as stages, are not
    parsed again by their rules; the report is the one fresh parses give."""
    texts = {**corpus, **{SourceFile(f"generated/svc-{index}/Dockerfile", DOCKERFILE): text
                          for index, text in enumerate(generated_services(300, seed=7))}}
    config = load_config(Path("/nonexistent"))
    rules = config.active_rules()
    monkeypatch.setattr(run.KeptParses, "KEPT_CHARS", 64 * 1024 * 1024)  # the corpora's texts pass the run's budget
    dockerfiles = {(source.path, text) for source, text in texts.items() if source.kind is DOCKERFILE}
    readable = {(path, text) for path, text in dockerfiles if _reads(text, path)}  # an unreadable one is tried at each step
    parses: list[tuple[str, str]] = []  # (path, text) of each file's own text parsed (not ONBUILD stand-ins)
    monkeypatch.setattr(model, "parse", lambda text, path, earlier=None: (path, text) in dockerfiles and parses.append((path, text))
                        or parser.parse(text, path, earlier))
    kept = process_texts(texts, config, rules, fix=False)
    assert sorted(parse for parse in parses if parse in readable) == sorted(readable)  # each once
    kept_fixed = process_texts(texts, config, rules, fix=True)
    parses.clear()
    original = run._dockerfile
    monkeypatch.setattr(run, "_dockerfile", lambda path, text, parsed, target=None: original(path, text, run.KeptParses(),
                                                                                            target))  # nothing kept
    fresh = process_texts(texts, config, rules, fix=False)
    assert len(parses) > len(dockerfiles)
    assert kept == fresh
    assert kept_fixed == process_texts(texts, config, rules, fix=True)


def _reads(text: str, path: str) -> bool:
    try:
        model.Dockerfile.parse(text, path)
    except DockerfileSyntaxError:
        return False
    return True


def test_an_online_run_parses_each_dockerfile_once(tmp_path, monkeypatch):
    """Looking up the images the files name and the URLs their ADDs fetch reads the same
    parse the rules then read; the report is the one fresh parses give."""
    dockerfiles = set()
    for index, text in enumerate(generated_services(120, seed=11)):
        write(tmp_path, f"services/svc-{index}/Dockerfile", text)
        dockerfiles.add((f"services/svc-{index}/Dockerfile", text))
    config = load_config(tmp_path)
    rules = config.active_rules()
    asked: list[str] = []

    def resolve(references):
        return {image_key(reference): Resolution("sha256:" + "ab" * 32, kind="index") for reference in references}

    def download(urls):
        asked.extend(urls)
        return {}

    def run_once(fix: bool) -> RunReport:
        return process(tmp_path, config, rules, fix=fix, write=False, resolver=resolve, downloader=download, jobs=1)

    parses: list[tuple[str, str]] = []
    monkeypatch.setattr(model, "parse", lambda text, path, earlier=None: (path, text) in dockerfiles and parses.append((path, text))
                        or parser.parse(text, path, earlier))
    kept = run_once(fix=False)
    assert len(parses) == len(set(parses)), "parsed twice"
    assert sorted(parses) == sorted(dockerfiles), "not parsed"
    assert asked
    kept_fixed = run_once(fix=True)
    assert any(f.rule == "HB030" for r in kept_fixed.results for f in r.hardened.applied)
    original = run._dockerfile
    monkeypatch.setattr(run, "_dockerfile", lambda path, text, parsed, target=None: original(path, text, run.KeptParses(), target))
    parses.clear()
    assert run_once(fix=False) == kept
    assert len(parses) > 2 * len(dockerfiles)
    assert run_once(fix=True) == kept_fixed


def _read_alike(first: parser.ParsedText, second: parser.ParsedText) -> bool:
    """Whether two parses say the same, offsets and the joined text's map included."""
    fields = ("text", "escape", "directives", "body_start", "newline", "comments", "line_starts", "frontend")
    if any(getattr(first, name) != getattr(second, name) for name in fields):
        return False
    if len(first.instructions) != len(second.instructions):
        return False
    for mine, theirs in zip(first.instructions, second.instructions, strict=True):
        if replace(mine, args=None) != replace(theirs, args=None) or mine.args.text != theirs.args.text:
            return False
        # Where each joined character was written (a Logical compares by identity).
        if [mine.args.original(at) for at in range(len(mine.args.text) + 1)] != \
                [theirs.args.original(at) for at in range(len(theirs.args.text) + 1)]:
            return False
    return True


def _edited(random: Random, text: str) -> str:
    """`text` with a few edits of the kinds fixes make and more: a line added, dropped or
    changed, a continuation opened at the end, the line endings, a BOM or the escape changed."""
    lines = text.split("\n")
    for _ in range(random.randint(1, 3)):
        at = random.randrange(len(lines) + 1)
        choice = random.choice(["add", "drop", "change", "continue", "crlf", "bom", "escape"])
        if choice == "add":
            lines.insert(at, random.choice(_LINES + ["RUN a && \\", "    b", "RUN <<EOF", "EOF", "USER app"]))
        elif choice == "drop" and lines:
            del lines[min(at, len(lines) - 1)]
        elif choice == "change" and lines:
            index = min(at, len(lines) - 1)
            lines[index] = lines[index][: random.randrange(len(lines[index]) + 1)] + random.choice([" x", "\\", "`", ""])
        elif choice == "continue":
            lines.append("RUN echo \\")
        elif choice == "crlf":
            lines = [line.rstrip("\r") + "\r" for line in lines]
        elif choice == "bom":
            lines[0] = "\ufeff" + lines[0] if lines else "\ufeff"
        else:
            lines.insert(0, random.choice(["# escape=`", "# escape=\\", "# syntax=docker/dockerfile:1"]))
    return "\n".join(lines)


def test_a_parse_reusing_an_earlier_texts_instructions_reads_as_a_fresh_one(corpus):
    """The pass after a fix takes the instructions the fix left alone from the parse before it,
    moved to where they now sit: it reads exactly what a fresh parse reads, over every fix of
    the corpora and generated files, and over random edits of them."""
    config = load_config(Path("/nonexistent"))
    texts = {**corpus, **{SourceFile(f"generated/svc-{index}/Dockerfile", DOCKERFILE): text
                          for index, text in enumerate(generated_services(300, seed=5))}}
    report = process_texts(texts, config, config.active_rules(), fix=True)
    pairs = [(r.path, r.original, r.hardened.text) for r in report.results if r.changed and r.kind == "dockerfile"]
    assert len(pairs) > 300
    random = Random(3)
    pairs += [(path, text, _edited(random, text)) for path, text, _ in pairs for _ in range(3)]
    reused = 0
    for path, before, after in pairs:
        try:
            earlier = parser.parse(before, path)
        except DockerfileSyntaxError:
            continue
        try:
            fresh = parser.parse(after, path)
        except DockerfileSyntaxError as error:
            with pytest.raises(DockerfileSyntaxError) as raised:
                parser.parse(after, path, earlier)
            assert (raised.value.line, raised.value.reason) == (error.line, error.reason)
            continue
        again = parser.parse(after, path, earlier)
        assert _read_alike(again, fresh), (path, after)
        reused += sum(any(inst is old for old in earlier.instructions) for inst in again.instructions)
    assert reused > 1000  # the instructions before a fix's first edit are the very ones


def test_parses_are_kept_within_a_budget(monkeypatch):
    monkeypatch.setattr(run.KeptParses, "KEPT_CHARS", 2000)
    kept = run.KeptParses()
    texts = generated_services(20, seed=3)
    docs = [run._dockerfile(f"s{index}/Dockerfile", text, kept) for index, text in enumerate(texts)]
    assert 0 < len(kept) < len(texts) and kept.chars <= 2000
    assert [doc.text for doc in docs] == texts


def test_a_long_script_is_not_kept():
    shell._tokenize_cached.cache_clear()
    shell.split_commands("echo " + "x" * (shell._CACHED_SCRIPT_CHARS + 1))
    shell.split_commands("echo short")
    assert shell._tokenize_cached.cache_info().currsize == 1


def test_contexts_are_walked_when_first_asked_for_and_once(tmp_path, monkeypatch):
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / ".env").write_text("X=1\n")
    walked = []
    original = build_context._list
    monkeypatch.setattr(build_context, "_list", lambda root, folder: walked.append(folder) or original(root, folder))
    listings = build_context.ContextListings(tmp_path, {"a/Dockerfile": "a", "b/Dockerfile": "b", "c/Dockerfile": "a"})
    assert listings and walked == []  # `contexts or {}` walks nothing
    assert listings.get("a/Dockerfile").found == (".env",) and listings["c/Dockerfile"].shared_by == 2
    assert walked == ["a"]
    assert dict(listings) == build_context.list_contexts(tmp_path, {"a/Dockerfile": "a", "b/Dockerfile": "b",
                                                                    "c/Dockerfile": "a"})


# What `fix` reports must not depend on how the engine gets the findings left after a pass: the
# engine's answer is compared with the plain loop below, which assesses the whole text again
# after every pass, over the corpora, every fixture case with its own digests, downloads and
# context listings, and a generated tree of services.

def plain_harden(text: str, path: str, ruleset: RuleSet, kind: SourceKind = DOCKERFILE) -> Hardened:
    """The fix loop with nothing carried between passes: each pass takes the non-colliding
    fixes in finding order, and the whole new text is assessed again."""
    first = checked_text(text, path, ruleset, kind)
    current, findings = text, list(first.before)
    applied: list[Finding] = []
    created: dict[str, NewFile] = {}
    for _ in range(engine.MAX_PASSES):
        accepted: list[Edit] = []
        taken = EditSet()
        first_line = 0
        for found in findings:
            if found.creates is not None:
                if found.creates.path not in created:
                    created[found.creates.path] = found.creates
                    applied.append(found)
            elif found.edits and not any(taken.collides(edit) for edit in found.edits):
                accepted.extend(found.edits)
                for edit in found.edits:
                    taken.add(edit)
                applied.append(found)
                first_line = first_line or found.line
        if not accepted:
            break
        current = apply_edits(current, accepted)
        try:
            findings = check_text(current, path, ruleset, kind)
        except DockerfileSyntaxError as error:
            raise FixError(path, first_line, f"the fixes would make this file unreadable ({error.reason}); "
                           "left unchanged: please report this") from None
    left = tuple(f for f in findings if f.creates is None or f.creates.path not in created)
    return Hardened(current, first.before, left, tuple(applied), first.role, tuple(created.values()))


def _plain_process_texts(monkeypatch, texts: dict[SourceFile, str], config: Config) -> tuple[RunReport, RunReport]:
    """(the engine's run, the plain loop's run) over `texts`."""
    rules = config.active_rules()
    fast = process_texts(texts, config, rules, fix=True)
    with monkeypatch.context() as patched:
        patched.setattr(run, "harden_text", plain_harden)
        plain = process_texts(texts, config, rules, fix=True)
    return fast, plain


def _assert_same_runs(fast: RunReport, plain: RunReport) -> None:
    assert [r.path for r in fast.results] == [r.path for r in plain.results]
    for mine, theirs in zip(fast.results, plain.results, strict=True):
        assert mine.hardened.text == theirs.hardened.text, mine.path
        assert mine.hardened.before == theirs.hardened.before, mine.path
        assert mine.hardened.after == theirs.hardened.after, mine.path
        assert mine.hardened.applied == theirs.hardened.applied, mine.path
        assert mine.hardened.role == theirs.hardened.role, mine.path
        assert mine.hardened.created == theirs.hardened.created, mine.path
    assert fast == plain


EVERY_FILE_A_SERVICE = (("**", Role.SERVICE),)  # every fix is made: no file is a base, tool or generated one


@pytest.mark.parametrize("roles", [(), EVERY_FILE_A_SERVICE], ids=["roles-by-content", "every-file-a-service"])
def test_the_findings_left_equal_a_plain_recheck_over_the_corpora(corpus, monkeypatch, roles):
    config = replace(load_config(Path("/nonexistent")), roles=roles)
    fast, plain = _plain_process_texts(monkeypatch, corpus, config)
    assert sum(r.changed for r in fast.results) > 50
    _assert_same_runs(fast, plain)


@pytest.mark.parametrize("case", fixture_cases() + yaml_fixture_cases(),
                         ids=lambda p: f"{p.parent.name}/{p.name.split('.in.', 1)[0]}")
def test_the_findings_left_equal_a_plain_recheck_on_each_fixture(case: Path) -> None:
    path, kind = case_source(case)
    ruleset = case_ruleset(case)
    text = read(case)
    try:
        expected = plain_harden(text, path, ruleset, kind)
    except DockerfileSyntaxError as error:
        with pytest.raises(type(error)) as raised:
            harden_text(text, path, ruleset, kind)
        assert (raised.value.line, raised.value.reason) == (error.line, error.reason)
        return
    assert harden_text(text, path, ruleset, kind) == expected


@pytest.mark.parametrize("roles", [(), EVERY_FILE_A_SERVICE], ids=["roles-by-content", "every-file-a-service"])
def test_the_findings_left_equal_a_plain_recheck_over_a_generated_tree(monkeypatch, roles):
    texts = {SourceFile(f"services/svc-{index}/Dockerfile", DOCKERFILE): text
             for index, text in enumerate(generated_services(300, seed=24))}
    config = replace(load_config(Path("/nonexistent")), roles=roles)
    fast, plain = _plain_process_texts(monkeypatch, texts, config)
    assert sum(r.changed for r in fast.results) > 200
    assert len({f.rule for r in fast.results for f in r.hardened.applied}) >= 8
    _assert_same_runs(fast, plain)


# Pieces of the generated services: what the rules find and fix, written the ways people write
# it (continuations, comments between them, heredocs, lower-case keywords, CRLF, the backtick
# escape), so that fixes land next to, inside and between each other.
_BASES = ["python:3.12", "python:3.11-slim", "debian:12", "ubuntu:22.04", "alpine:3.20", "node:20",
          "node:20-alpine", "golang:1.22", "nginx", "nginx:latest", "acme/base:1", "${BASE}"]
_COMMANDS = ["apt-get update", "apt-get install -y curl", "apt-get install gcc libpq-dev", "pip install flask",
             "pip3 install -r requirements.txt", "apk add curl", "apk add --no-cache build-base",
             "curl -fsSL https://get.example.com | sh", "wget -qO- https://x.example/i.sh | bash",
             "npm ci", "make build", "chmod 777 /app", "curl -k https://x.example/a.tgz -o /a.tgz",
             "useradd -m app", "rm -rf /var/lib/apt/lists/*", "echo 'a | b' | tee /x",
             "DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ca-certificates",
             "git config --global http.sslVerify false", "go build -o /out/app ./..."]
_LINES = ["ADD . /app", "ADD https://example.com/tool-1.2.3.tgz /opt/", "ADD app.tar.gz /srv/", "COPY . /app",
          "COPY --from=build /out/app /app", "ENV PIP_NO_CACHE_DIR=1", "ENV API_TOKEN=s3cr3t-v4lu3-1234",
          "ARG PASSWORD", "ENV PYTHONUNBUFFERED=1", "EXPOSE 8080", "WORKDIR /app", "USER app", "USER root",
          "LABEL org.opencontainers.image.source=https://example.com/r", "HEALTHCHECK CMD curl -f http://localhost/",
          "ONBUILD RUN apt-get install -y make", "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]",
          "# hadolint ignore=DL3015", "# hadolint ignore=DL3042,HB001", "# a comment", ""]


def _run_lines(random: Random, escape: str) -> list[str]:
    commands = random.sample(_COMMANDS, random.randint(1, 4))
    layout = random.choice(["one", "continued", "commented", "heredoc"])
    if layout == "one" or len(commands) == 1:
        return ["RUN " + " && ".join(commands)]
    if layout == "heredoc":
        return ["RUN <<EOF", *commands, "EOF"]
    lines = [f"RUN {commands[0]} && {escape}"]
    for command in commands[1:-1]:
        if layout == "commented":
            lines.append(f"    # then {command.split()[0]}")
        lines.append(f"    {command} && {escape}")
    return [*lines, f"    {commands[-1]}"]


def _lower_keyword(line: str) -> str:
    keyword, _, rest = line.partition(" ")
    return f"{keyword.lower()} {rest}" if keyword.isupper() and keyword != "EOF" and rest else line


def generated_services(count: int, seed: int) -> list[str]:
    """`count` Dockerfiles from `seed`: one or more stages of RUNs and other instructions."""
    random = Random(seed)
    texts = []
    for _ in range(count):
        escape = "`" if random.random() < 0.1 else "\\"
        lines = ["# escape=`"] if escape == "`" else []
        if random.random() < 0.2:
            lines.append("ARG BASE=python:3.12-slim")
        stages = random.choice([1, 1, 1, 2, 3])
        for stage in range(stages):
            name = f" AS stage{stage}" if stage < stages - 1 or random.random() < 0.3 else ""
            lines.append(f"FROM {random.choice(_BASES)}{name}")
            for _ in range(random.randint(1, 7)):
                lines.extend(_run_lines(random, escape) if random.random() < 0.5 else [random.choice(_LINES)])
        if random.random() < 0.7:
            lines.append(random.choice(['CMD ["python", "app.py"]', "CMD node server.js", 'ENTRYPOINT ["/app"]']))
        if random.random() < 0.15:
            lines = [_lower_keyword(line) for line in lines]
        newline = "\r\n" if random.random() < 0.15 else "\n"
        texts.append(newline.join(lines) + (newline if random.random() < 0.9 else ""))
    return texts


def test_the_role_is_decided_once_a_fixed_file(monkeypatch):
    """The passes after a fix judge the fixed text by the role decided for the text as written:
    the file's own edits do not change what it is for (and the decision is not made again)."""
    import bot.sources.dockerfile as dockerfile_kind
    decided = []
    real = dockerfile_kind.decide_role
    monkeypatch.setattr(dockerfile_kind, "decide_role", lambda *args: decided.append(1) or real(*args))
    text = "FROM python:3.12-slim\nRUN pip install flask\nADD app.py /app/\nCMD [\"python\", \"/app/app.py\"]\n"
    ruleset = run.make_ruleset(Config(), Config().active_rules())
    hardened = harden_text(text, "svc/Dockerfile", ruleset)
    assert hardened.text != text and len(hardened.applied) >= 2
    assert len(decided) == 1
