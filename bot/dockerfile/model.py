"""The Dockerfile model rules read: stages, RUN scripts and their commands, with spans."""
from __future__ import annotations

import posixpath
import re
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import field

from bot.dockerfile.expand import Expanded, build_time_args, expand
from bot.dockerfile.logical import Logical
from bot.dockerfile.parser import GO_SPACE, Heredoc, Instruction, ParsedText, parse, split_words, word_spans
from bot.dockerfile.shell import Command, Script, split_commands
from bot.errors import DockerfileSyntaxError
from bot.model.text import Span
from bot.record import record

_WORD = re.compile(f"[^{re.escape(GO_SPACE)}]+")
_SHELLS = frozenset({"sh", "bash", "ash", "dash", "zsh", "/bin/sh", "/bin/bash", "/bin/ash",
                     "/bin/dash", "/usr/bin/env bash", "/usr/bin/bash"})
_USER_ROOT = frozenset({"root", "0"})
# More stages than any real build has: a file with more is reported, not read, since what
# rules ask of a stage (its lineage, what it inherits) grows with the chain it ends.
MAX_STAGES = 500


@record(eq=False)  # stages compare by identity: each is one place in one file
class Stage:
    """One build stage: its FROM, its base image (as written, resolved, expanded), parent and instructions."""
    index: int
    from_: Instruction
    name: str | None  # `AS name`, lower-cased
    base: str  # the image as written after FROM, flags excluded
    resolved_base: str | None  # with global ARG defaults substituted; None when unresolvable
    base_value: Expanded  # the image as BuildKit expands it, with where each character comes from
    parent: Stage | None  # the earlier stage this one is built FROM
    instructions: tuple[Instruction, ...]  # after FROM, up to the next FROM

    def __post_init__(self) -> None:
        # What rules ask of every stage, made with it: plain attributes, not cached properties,
        # which would give the stage a __dict__, and reading any of its fields from a __dict__
        # is three times slower (CPython 3.11). Its ancestors are built on its parent's
        # (`_stages` makes the stages in file order), and do not hold the stage itself: a stage
        # that held itself would be a cycle, its file's whole parse freed only by a full
        # collection of the garbage collector.
        ancestors = (self.parent, *self.parent._ancestors) if self.parent is not None else ()
        object.__setattr__(self, "_ancestors", ancestors)
        object.__setattr__(self, "_ancestry", frozenset(id(stage) for stage in (self, *ancestors)))
        object.__setattr__(self, "_instructions_in_effect",
                           tuple(inst for stage in reversed((self, *ancestors)) for inst in stage.instructions))
        object.__setattr__(self, "_env_keys", None)
        object.__setattr__(self, "_working_folder", None)

    def lineage(self) -> list[Stage]:
        """This stage and the stages it is built on, nearest first."""
        return [self, *self._ancestors]

    def built_on(self, other: Stage) -> bool:
        """Whether this stage is `other` or is built on it, directly or not."""
        return id(other) in self._ancestry

    @property
    def external_base(self) -> str | None:
        """The image at the root of this stage's lineage (None: unresolvable or scratch-less)."""
        return (self._ancestors[-1] if self._ancestors else self).resolved_base

    def all_instructions(self) -> list[Instruction]:
        """Instructions in effect for this stage: its ancestors' then its own."""
        return list(self._instructions_in_effect)

    def descendants(self, stages: list[Stage]) -> list[Stage]:
        """The stages of `stages` built on this one, directly or not."""
        return [s for s in stages if s is not self and s.built_on(self)]

    def working_folder(self, before: Instruction | None = None) -> str:
        """The WORKDIR in effect at the stage's end (its ancestors' included), or just above
        `before`, normalised; "/" when none is set (the stage's end read once: rules ask it for
        every script a RUN runs)."""
        if before is None and self._working_folder is not None:
            return self._working_folder
        folder = "/"
        variables: dict[str, str] = {}
        for inst in self._instructions_in_effect:
            if inst is before:
                return folder
            if inst.keyword == "ENV":
                variables.update(env_values(inst.rest))
            elif inst.keyword == "WORKDIR" and inst.rest.strip():
                # BuildKit puts the ENV values in (`WORKDIR $APP_HOME`); an unknown one is left as written.
                written = put_in(inst.rest.strip().strip("\"'"), variables)
                folder = posixpath.normpath(posixpath.join(folder, written))
        if before is None:
            object.__setattr__(self, "_working_folder", folder)
        return folder

    def last_before(self, keyword: str, before: Instruction | None = None) -> Instruction | None:
        """The last `keyword` instruction in effect in this stage (ancestors included) just
        above `before`, or at its end when `before` is None."""
        found = None
        for inst in self._instructions_in_effect:
            if inst is before:
                break
            if inst.keyword == keyword:
                found = inst
        return found

    def last_user(self) -> tuple[str | None, Instruction | None]:
        """The user this stage runs as, and the USER instruction that set it."""
        inst = self.last_before("USER")
        return (inst.rest, inst) if inst is not None else (None, None)

    @property
    def env_keys(self) -> frozenset[str]:
        """Names of the environment variables ENV sets in this stage's lineage (read once)."""
        if self._env_keys is None:
            keys: set[str] = set()
            for inst in self._instructions_in_effect:
                if inst.keyword == "ENV":
                    keys.update(env_pairs(inst.rest))
            object.__setattr__(self, "_env_keys", frozenset(keys))
        return self._env_keys


@record(mutable=True)
class ShellScript:
    """A shell script a RUN executes: its command line, or a heredoc body run as a script."""

    logical: Logical
    script: Script
    heredoc: Heredoc | None = None

    @property
    def is_heredoc(self) -> bool:
        return self.heredoc is not None

    def __post_init__(self) -> None:
        # The script's commands by program name, in order: rules ask for one program at a time,
        # many times a file, and most scripts run few of those they ask for. Made with the script,
        # as a plain attribute (a cached property's __dict__ makes reading fields slower, see Stage).
        self.commands_by_name: dict[str, list[Command]] = {}
        for command in self.script.commands:
            self.commands_by_name.setdefault(command.name, []).append(command)

    def commands(self, name: str, subcommand: str | None = None,
                 options_with_values: frozenset[str] = frozenset()) -> Iterator[Command]:
        for command in self.commands_by_name.get(name, ()):
            if subcommand is None:
                yield command
                continue
            sub = command.subcommand(options_with_values)
            if sub is not None and sub.value == subcommand:
                yield command


@record(mutable=True)
class Run:
    """A RUN instruction of a stage, with its shell scripts parsed."""
    instruction: Instruction
    stage: Stage
    scripts: list[ShellScript]
    derived: dict[str, object] = field(default_factory=dict, repr=False, compare=False)  # what rules derive from it, once

    def commands(self, name: str, subcommand: str | None = None,
                 options_with_values: frozenset[str] = frozenset()) -> Iterator[tuple[ShellScript, Command]]:
        for script in self.scripts:
            if name in script.commands_by_name:
                for command in script.commands(name, subcommand, options_with_values):
                    yield script, command

    def mounts(self) -> list[dict[str, str]]:
        """Each `--mount` as its fields, values as BuildKit reads them: unquoted (its CSV reader
        takes `target="/var/lib/apt/lists"`), and with the ENV and ARG values set before the RUN
        put in (`target=${PIP_CACHE_DIR}` after `ENV PIP_CACHE_DIR=/.cache`); one it cannot know
        is left as written."""
        out = []
        for value in self.instruction.flag_values("mount"):
            fields: dict[str, str] = {}
            for part in value.split(","):
                key, _, val = part.partition("=")
                val = val.strip()
                if len(val) >= 2 and val[0] == val[-1] and val[0] in "\"'":
                    val = val[1:-1]
                if "$" in val:
                    val = self.expanded(val)
                fields[key.strip().lower()] = val
            out.append(fields)
        return out

    def expanded(self, value: str) -> str:
        """`value` with the ENV values and ARG defaults set before this RUN put in (an unknown one left as written)."""
        return put_in(value, self.variables_before())

    def variables_before(self) -> dict[str, str]:
        """The ENV values and ARG defaults set before this RUN in its stage's lineage, as written (unquoted)."""
        known = self.derived.get("variables_before")
        if isinstance(known, dict):
            return known
        found: dict[str, str] = {}
        for inst in self.stage.all_instructions():
            if inst is self.instruction:
                break
            if inst.keyword == "ENV":
                found.update(env_values(inst.rest))
            elif inst.keyword == "ARG":
                name, has_default, default = inst.rest.strip().partition("=")
                if has_default:
                    found[name.strip()] = default.strip().strip("\"'")
        self.derived["variables_before"] = found
        return found

    def has_cache_mount(self, *targets: str) -> bool:
        """A cache or tmpfs mount on one of `targets`: what is written there is not in the layer."""
        for mount in self.mounts():
            if mount.get("type") not in ("cache", "tmpfs"):
                continue
            target = mount.get("target") or mount.get("dst") or mount.get("destination") or ""
            if any(target.rstrip("/").startswith(t.rstrip("/")) for t in targets):
                return True
        return False

    @property
    def text(self) -> str:
        """All the shell text this RUN executes, for whole-text searches."""
        return "\n".join(s.logical.text for s in self.scripts)


@record
class GlobalArg:
    """`ARG name[=default]` before the first FROM: what FROM lines can use."""

    name: str
    instruction: Instruction
    value: Expanded | None  # the default as BuildKit expands it; None: declared without one
    value_span: Span | None  # where the default is written, quotes included


class Dockerfile:
    def __init__(self, parsed: ParsedText, target: str | None = None):
        self.parsed = parsed
        self.target = target.lower() if target else None  # the stage a build stops at (compose `target:`)
        self.path = parsed.path
        self.text = parsed.text
        self.newline = parsed.newline
        self.escape = parsed.escape
        self.instructions = parsed.instructions
        self.global_args, self.declared_args = _global_args(parsed)
        self.stages = _stages(parsed, self.global_args)
        self.derived: dict[str, object] = {}  # what rules derive from the file, computed once
        # Read when first asked, kept as plain attributes (a cached property's __dict__ would
        # make reading every attribute of the file slower, see Stage).
        self._all_runs: list[Run] | None = None
        self._run_starts: list[int] | None = None  # where each of them starts, for runs_after
        self._lowercase_keywords: bool | None = None

    @classmethod
    def parse(cls, text: str, path: str = "Dockerfile", target: str | None = None,
              earlier: ParsedText | None = None) -> Dockerfile:
        """`earlier`: a parse of the file's text before a fix, whose unchanged instructions are reused."""
        return cls(parse(text, path, earlier), target)

    @property
    def final_stage(self) -> Stage:
        """The stage the image is: the build's target when one is known and the file has it,
        else the last one."""
        if self.target is not None:
            for stage in self.stages:
                if stage.name == self.target:
                    return stage
        return self.stages[-1]

    def image_stages(self) -> list[Stage]:
        """Stages whose filesystem ends up in the final image: the final one and its ancestors."""
        return self.final_stage.lineage()

    @property
    def all_runs(self) -> list[Run]:
        if self._all_runs is None:
            self._all_runs = [Run(inst, stage, _scripts(self.text, inst))
                              for stage in self.stages for inst in stage.instructions if inst.keyword == "RUN"]
        return self._all_runs

    def runs_after(self, run: Run) -> Iterator[Run]:
        """The RUNs after `run` in its stage or in the stages built on it: those that see its layer
        (found from `run` on, not from the file's start: a rule asks it of every RUN)."""
        runs = self.all_runs  # in the file's order: stages are, and their instructions
        if self._run_starts is None:
            self._run_starts = [other.instruction.span.start for other in runs]
        after = bisect_right(self._run_starts, run.instruction.span.start)
        return (runs[i] for i in range(after, len(runs)) if runs[i].stage.built_on(run.stage))

    def shipped_runs(self) -> Iterator[Run]:
        """RUNs of the stages whose layers reach the final image: where cache and size matter."""
        shipped = self.image_stages()
        return (run for run in self.all_runs if run.stage in shipped)

    def runs(self, stage: Stage | None = None) -> Iterator[Run]:
        for run in self.all_runs:
            if stage is None or run.stage is stage:
                yield run

    @property
    def lowercase_keywords(self) -> bool:
        """Whether the file writes its instructions in lower case (new lines follow suit)."""
        if self._lowercase_keywords is None:
            written = [i.keyword_text for i in self.instructions]
            self._lowercase_keywords = bool(written) and sum(w.islower() for w in written) * 2 > len(written)
        return self._lowercase_keywords

    def keyword(self, upper: str) -> str:
        return upper.lower() if self.lowercase_keywords else upper

    def line_newline(self, offset: int) -> str:
        """The line ending used by the line holding `offset` (the file's own when it has none)."""
        end = self.text.find("\n", offset)
        if end > 0 and self.text[end - 1] == "\r":
            return "\r\n"
        return "\n" if end >= 0 else self.newline


def is_root_user(user: str | None) -> bool:
    if user is None:
        return True
    name = user.split(":", 1)[0].strip()
    return name in _USER_ROOT


# `$NAME` or `${NAME}` in an instruction's value.
_VARIABLE_REFERENCE = re.compile(r"\$\{(\w+)\}|\$(\w+)")


def put_in(value: str, variables: Mapping[str, str]) -> str:
    """`value` with the `$NAME` and `${NAME}` that `variables` knows put in; the others left as written."""
    if "$" not in value:
        return value
    return _VARIABLE_REFERENCE.sub(lambda m: variables.get(m.group(1) or m.group(2), m.group(0)), value)


def env_values(rest: str) -> dict[str, str]:
    """`ENV A=1 B="2 3"` → {name: value, its quotes off}."""
    return {name: value.strip("\"'") for name, value in env_pairs(rest).items()}


def env_pairs(rest: str) -> dict[str, str]:
    """`ENV A=1 B="2 3"` or the legacy `ENV A 1` → {name: value as written}."""
    rest = rest.strip()
    if not rest:
        return {}
    first = rest.split(None, 1)[0]
    if "=" not in first:
        name, _, value = rest.partition(" ")
        return {name: value.strip()}
    pairs: dict[str, str] = {}
    for word in split_words(rest):
        name, _, value = word.partition("=")
        pairs[name] = value
    return pairs


def _global_args(parsed: ParsedText) -> tuple[dict[str, Expanded], list[GlobalArg]]:
    """The variables FROM lines see, as BuildKit's buildMetaArgs sets them (each default
    expanded with those before it), and each declaration."""
    env = build_time_args()
    declared: list[GlobalArg] = []
    for inst in parsed.instructions:
        if inst.keyword == "FROM":
            break
        if inst.keyword != "ARG":
            continue
        args = inst.args
        for start, end in word_spans(args.text[inst.rest_start :], parsed.escape):
            start, end = start + inst.rest_start, end + inst.rest_start
            name, has_value, _ = args.text[start:end].partition("=")
            if not name:
                continue
            if not has_value:
                declared.append(GlobalArg(name, inst, None, None))
                continue
            value_start = start + len(name) + 1
            value = expand(args, value_start, end, env, parsed.escape)
            env[name] = value
            declared.append(GlobalArg(name, inst, value, args.span(value_start, end)))
    return env, declared


def _base_word(inst: Instruction) -> tuple[int, int]:
    """Where FROM's image word sits in its arguments (logical offsets)."""
    word = _WORD.search(inst.args.text, inst.rest_start)
    return word.span() if word else (len(inst.args.text), len(inst.args.text))


def _stages(parsed: ParsedText, global_args: dict[str, Expanded]) -> list[Stage]:
    stages: list[Stage] = []
    by_name: dict[str, Stage] = {}
    current: list[Instruction] = []
    pending: Instruction | None = None

    def close() -> None:
        if pending is None:
            return
        from_ = pending
        words = from_.rest.split()
        start, end = _base_word(from_)
        base = from_.args.text[start:end]
        name = words[2].lower() if len(words) >= 3 and words[1].lower() == "as" else None
        value = expand(from_.args, start, end, global_args, parsed.escape)
        resolved = value.text if value.resolved and value.text else None
        parent = by_name.get(resolved.lower()) if resolved else None
        if parent is None and resolved is not None and resolved.isdigit() and int(resolved) < len(stages):
            parent = stages[int(resolved)]
        stage = Stage(len(stages), from_, name, base, resolved, value, parent, tuple(current))
        stages.append(stage)
        if name:
            by_name[name] = stage

    for inst in parsed.instructions:
        if inst.keyword == "FROM":
            close()
            if len(stages) >= MAX_STAGES:
                raise DockerfileSyntaxError(parsed.path, inst.line, f"more than {MAX_STAGES} stages: not read")
            if not inst.rest:
                raise DockerfileSyntaxError(parsed.path, inst.line, "FROM needs an image")
            pending, current = inst, []
        elif pending is None:
            if inst.keyword != "ARG":
                raise DockerfileSyntaxError(
                    parsed.path, inst.line, f"{inst.keyword_text} before the first FROM (only ARG may come first)"
                )
        else:
            current.append(inst)
    close()
    if not stages:
        raise DockerfileSyntaxError(parsed.path, 1, "no FROM instruction: not a Dockerfile build stage")
    return stages


def _scripts(text: str, inst: Instruction) -> list[ShellScript]:
    scripts = []
    command_text = inst.args.slice(inst.rest_start)
    if inst.json_args is None:
        scripts.append(ShellScript(command_text, split_commands(command_text.text)))
    if inst.heredocs and _runs_heredoc_as_script(command_text.text):
        for heredoc in inst.heredocs:
            body = Logical.build([(heredoc.body.start, text[heredoc.body.start : heredoc.body.end])])
            if body.text.startswith("#!") and body.text.split(None, 1)[0][2:] not in _SHELLS:
                continue  # a script for another interpreter
            scripts.append(ShellScript(body, split_commands(body.text), heredoc))
    return scripts


def _runs_heredoc_as_script(command: str) -> bool:
    """`RUN <<EOF` or `RUN bash <<EOF`: the body is the script (not stdin for python & co.)."""
    words = [w for w in command.split() if "<<" not in w]
    return not words or " ".join(words) in _SHELLS or (len(words) == 2 and words[0] in _SHELLS and words[1] in ("-e", "-ex", "-eux", "-xe"))
