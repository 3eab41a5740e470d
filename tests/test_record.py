"""`record` against `dataclass`: the same classes declared both ways behave the same, one case
a pair (what the record does is what the dataclass does)."""
from __future__ import annotations

import ast
import copy
import inspect
import pickle
from dataclasses import FrozenInstanceError, asdict, dataclass, field, fields, is_dataclass, replace
from functools import cached_property
from pathlib import Path

import pytest

from bot.record import record


def _declare(decorator, name):
    class Pin:
        """A field of each kind."""
        name: str
        tags: tuple[str, ...] = ()
        note: str = field(default="", repr=False)
        seen: int = field(default=0, compare=False)
        cached: bool = field(default=False, hash=False)
        made: list[int] = field(default_factory=list, compare=False, hash=False)

        @cached_property
        def shout(self) -> str:
            return self.name.upper()

    Pin.__qualname__ = name  # where pickle finds it
    return decorator(Pin)


AS_DATACLASS = _declare(dataclass(frozen=True), "AS_DATACLASS")
AS_RECORD = _declare(record, "AS_RECORD")
BOTH = pytest.mark.parametrize("cls", [AS_DATACLASS, AS_RECORD], ids=["dataclass", "record"])


def _made(cls, **changes):
    values = {"name": "alpine", "tags": ("3.19",), "note": "hidden", "seen": 2, "cached": True} | changes
    return cls(**values)


def test_repr_eq_and_hash_are_the_dataclass_ones():
    mine, theirs = _made(AS_RECORD), _made(AS_DATACLASS)
    assert repr(mine) == repr(theirs).replace("AS_DATACLASS", "AS_RECORD") == \
        "AS_RECORD(name='alpine', tags=('3.19',), seen=2, cached=True, made=[])"
    assert hash(mine) == hash(theirs) == hash(("alpine", ("3.19",), "hidden"))


@BOTH
def test_equality_reads_the_compared_fields_of_one_class(cls):
    assert _made(cls) == _made(cls, seen=5, made=[1])  # not compared
    assert _made(cls) != _made(cls, note="other")
    assert hash(_made(cls)) == hash(_made(cls, cached=False))  # compared, not hashed
    assert _made(cls) != _made(AS_DATACLASS if cls is AS_RECORD else AS_RECORD)
    assert (_made(cls) == "alpine") is False


@BOTH
def test_fields_are_assigned_once_and_never_deleted(cls):
    pin = _made(cls)
    with pytest.raises(FrozenInstanceError, match="cannot assign to field 'name'"):
        pin.name = "debian"
    with pytest.raises(FrozenInstanceError, match="cannot assign to field 'other'"):
        pin.other = 1
    with pytest.raises(FrozenInstanceError, match="cannot delete field 'name'"):
        del pin.name
    assert pin.shout == "ALPINE"  # a cached property writes the instance's dict itself


@BOTH
def test_dataclass_functions_copies_and_pickles_take_it(cls):
    pin = _made(cls)
    assert is_dataclass(pin) and [f.name for f in fields(pin)] == ["name", "tags", "note", "seen", "cached", "made"]
    assert replace(pin, name="debian").name == "debian"
    assert asdict(pin)["tags"] == ("3.19",)
    assert copy.copy(pin) == pin == pickle.loads(pickle.dumps(pin))
    assert copy.deepcopy(pin) == pin


def test_ordered_records_sort_as_ordered_dataclasses():
    ordered_record, ordered_dataclass = (decorator(type("Span", (), {"__annotations__": {"start": "int", "end": "int"}}))
                                         for decorator in (record(order=True), dataclass(frozen=True, order=True)))
    pairs = [(3, 4), (1, 9), (1, 2), (3, 4)]
    assert [(s.start, s.end) for s in sorted(ordered_record(*p) for p in pairs)] == sorted(pairs)
    assert [(s.start, s.end) for s in sorted(ordered_dataclass(*p) for p in pairs)] == sorted(pairs)
    assert ordered_record(1, 2) <= ordered_record(1, 2) < ordered_record(1, 3)
    assert ordered_record(2, 0) >= ordered_record(1, 9) > ordered_record(1, 8)
    with pytest.raises(TypeError):
        assert ordered_record(1, 2) < (1, 3)


def test_records_compared_by_identity_and_mutable_records():
    @record(eq=False)
    class Stage:
        name: str

    @record(mutable=True)
    class Script:
        commands: list[str]

    assert Stage("a") != Stage("a") and len({Stage("a"), Stage("a")}) == 2
    script = Script(["ls"])
    script.commands = ["pwd"]
    assert script == Script(["pwd"]) and Script.__hash__ is None and repr(script) == \
        "test_records_compared_by_identity_and_mutable_records.<locals>.Script(commands=['pwd'])"


def test_methods_a_class_writes_are_kept():
    @record
    class Credential:
        username: str
        password: str = field(repr=False)

        def __repr__(self) -> str:
            return f"Credential({self.username}, <hidden>)"

    assert repr(Credential("me", "secret")) == "Credential(me, <hidden>)"


def _with_init_cases(decorator):
    class Settings:
        """Defaults, factories, a field the __init__ does not take, and a __post_init__."""
        name: str
        level: int = 3
        tags: list[str] = field(default_factory=list)
        seen: list[str] = field(init=False, default_factory=list, compare=False)
        label: str = field(init=False, default="plain")

        def __post_init__(self) -> None:
            self.seen.append(self.name)

    return decorator(Settings)


@pytest.mark.parametrize("decorator", [dataclass(frozen=True), record], ids=["dataclass", "record"])
def test_the_init_takes_what_the_dataclass_init_takes(decorator):
    cls = _with_init_cases(decorator)
    one, two = cls("a"), cls("b", 5, tags=["x"])
    assert (one.name, one.level, one.tags, one.seen, one.label) == ("a", 3, [], ["a"], "plain")
    assert (two.level, two.tags, two.seen) == (5, ["x"], ["b"])
    assert one.tags is not cls("c").tags  # a fresh list each
    assert "label" not in vars(one)  # read from the class, as dataclass leaves it
    assert cls(name="a", level=3) == one
    with pytest.raises(TypeError):
        cls()
    with pytest.raises(TypeError):
        cls("a", label="other")


def test_a_field_without_default_after_one_with_is_refused_as_dataclass_refuses_it():
    class Wrong:
        first: int = 0
        second: int

    with pytest.raises(TypeError, match="non-default argument 'second' follows default argument"):
        record(Wrong)


def test_an_undocumented_record_is_documented_by_its_signature_as_a_dataclass_is():
    def undocumented(decorator):
        class Candidates:
            current: str
            found: tuple[str, ...] = ()

        return decorator(Candidates)

    assert undocumented(record).__doc__ == undocumented(dataclass(frozen=True)).__doc__ == \
        "Candidates(current: 'str', found: 'tuple[str, ...]' = ())"


def test_the_init_is_compiled_when_the_first_record_is_made():
    @record
    class Word:
        """A word."""
        value: str

    waiting = Word.__init__
    assert Word("a").value == "a" and Word.__init__ is not waiting
    assert Word("b").value == "b" and str(inspect.signature(Word)) == "(value: 'str') -> None"


def test_the_package_declares_its_dataclasses_as_records():
    """What `record` saves, every module that loads spares: a `@dataclass` compiles its
    methods as its module loads."""
    bot = Path(__file__).resolve().parent.parent / "bot"
    declaring = sorted(
        path.relative_to(bot.parent).as_posix() for path in bot.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ClassDef) and any(
            "dataclass" in {getattr(d, "id", None), getattr(getattr(d, "func", None), "id", None)}
            for d in node.decorator_list))
    assert declaring == []
