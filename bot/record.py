"""`record`: `@dataclass(frozen=True)`, declared for a fraction of its cost.

`dataclass` writes each class its own `__init__`, `__repr__`, `__eq__`, `__hash__`,
`__setattr__` and `__delattr__` as source text and compiles it, some six `exec` calls a class:
for the sixty-odd classes `hardenbot check` loads, that was a third of its start-up. A record
has one method written for it, its `__init__`, the one whose text depends on the fields and
that runs in every inner loop, as `dataclass(frozen=True)` writes it (each field set once with
`object.__setattr__`), and compiled when the first record of the class is made; the others
are the same few functions for every record, each reading the class's field names from a
tuple made once when the class is declared.

A record is a dataclass (`fields`, `replace` and `asdict` take it) and behaves as
`@dataclass(frozen=True)` makes a class behave: equal to a record of its own class whose
compared fields are equal, hashed and printed as `dataclass` would hash and print it, and
assigning to or deleting an attribute raises `FrozenInstanceError`. Methods a class writes
itself (a `__repr__` that hides a password) are kept, as `dataclass` keeps them.
"""
from __future__ import annotations

import inspect
import operator
from collections.abc import Callable
from dataclasses import MISSING, Field, FrozenInstanceError, dataclass, field, fields
from reprlib import recursive_repr
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T", bound=type)

_ORDERINGS = {"__lt__": operator.lt, "__le__": operator.le, "__gt__": operator.gt, "__ge__": operator.ge}


@overload
def record(cls: T, /) -> T: ...


@overload
def record(*, eq: bool = True, order: bool = False, mutable: bool = False) -> Callable[[T], T]: ...


# For type checkers: a record is a dataclass, frozen unless `mutable`, its fields declared with `field`.
@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: T | None = None, /, *, eq: bool = True, order: bool = False, mutable: bool = False) -> Any:
    """`@dataclass(frozen=True)`, `eq` and `order` as `dataclass` takes them; `mutable=True`
    for the plain `@dataclass`, whose fields may be assigned (and `__hash__` is None)."""
    if order and not eq:
        raise ValueError("eq must be true if order is true")

    def declare(cls: T) -> T:
        documented = cls.__doc__ is not None
        cls = dataclass(cls, init=mutable, repr=False, eq=False)
        declared, every = cls.__dict__, fields(cls)
        if len(every) != len(cls.__dataclass_fields__) or any(f.kw_only is True for f in every):
            raise TypeError(f"{cls.__qualname__}: a record's fields are plain fields (no ClassVar, InitVar, kw_only)")
        if not mutable:
            source = _InitSource(cls, every)
            _add(cls, "__init__", _init_on_first_call(source) if documented else source.compiled())
            if not documented:  # as dataclass documents it: its signature
                cls.__doc__ = cls.__name__ + str(inspect.signature(cls)).replace(" -> None", "")
        _add(cls, "__repr__", _repr_of(tuple(f.name for f in every if f.repr)))
        if eq:
            compared = _values_of(tuple(f.name for f in every if f.compare))
            _add(cls, "__eq__", _comparison(compared, operator.eq))
            for name, compare in _ORDERINGS.items() if order else ():
                _add(cls, name, _comparison(compared, compare))
            # A class's own __hash__ is kept; one that Python set to None for the class's own
            # __eq__ is not, as dataclass decides.
            if "__hash__" not in declared or (declared["__hash__"] is None and "__eq__" in declared):
                hashed = tuple(f.name for f in every if (f.compare if f.hash is None else f.hash))
                cls.__hash__ = None if mutable else _hash_of(_values_of(hashed))  # type: ignore[assignment]
        if not mutable:
            cls.__setattr__ = _never_assign  # type: ignore[assignment,method-assign]
            cls.__delattr__ = _never_delete  # type: ignore[assignment,method-assign]
        return cls

    return declare if cls is None else declare(cls)


def _add(cls: type, name: str, method: Callable[..., Any]) -> None:
    if name not in cls.__dict__:
        method.__name__, method.__qualname__ = name, f"{cls.__qualname__}.{name}"
        setattr(cls, name, method)


def _values_of(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """The tuple of these attributes, as `dataclass`'s methods build it (so hashes are its own)."""
    if len(names) >= 2:
        return operator.attrgetter(*names)
    if names:
        one = operator.attrgetter(names[0])
        return lambda instance: (one(instance),)
    return lambda instance: ()


def _repr_of(names: tuple[str, ...]) -> Callable[[Any], str]:
    @recursive_repr()
    def __repr__(self: Any) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({shown})"

    return __repr__


def _comparison(values: Callable[[Any], tuple[Any, ...]], compare: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    def method(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return compare(values(self), values(other))
        return NotImplemented

    return method


def _hash_of(values: Callable[[Any], tuple[Any, ...]]) -> Callable[[Any], int]:
    def __hash__(self: Any) -> int:
        return hash(values(self))

    return __hash__


class _InitSource:
    """The text of the `__init__` `dataclass(frozen=True)` writes for a class, and the names
    it uses: the fields in order (a default or a default factory for those not given), each
    set with `object.__setattr__`, then `__post_init__` if the class has one."""

    def __init__(self, cls: type, every: tuple[Field[Any], ...]) -> None:
        self.cls, self.annotations = cls, {f.name: f.type for f in every if f.init} | {"return": None}
        self.bound: dict[str, Any] = {"__set": object.__setattr__, "__no_value": _NO_VALUE}
        parameters, lines, defaulted = ["self"], [], ""
        for f in every:
            value = f.name
            if f.default_factory is not MISSING:
                self.bound[f"__factory_{f.name}"] = f.default_factory
                value = f"__factory_{f.name}() if {f.name} is __no_value else {f.name}" if f.init \
                    else f"__factory_{f.name}()"
            if f.init:
                if f.default is not MISSING:
                    self.bound[f"__default_{f.name}"] = f.default
                default = f"=__default_{f.name}" if f.default is not MISSING else \
                    "=__no_value" if f.default_factory is not MISSING else ""
                if defaulted and not default:
                    raise TypeError(f"non-default argument {f.name!r} follows default argument")
                defaulted = defaulted or default
                parameters.append(f.name + default)
            elif f.default_factory is MISSING:
                continue  # not given, and its default is the class's attribute, as dataclass leaves it
            lines.append(f"__set(self, {f.name!r}, {value})")
        if hasattr(cls, "__post_init__"):
            lines.append("self.__post_init__()")
        self.source = f"def __init__({', '.join(parameters)}):\n " + ("\n ".join(lines) or "pass")

    def compiled(self) -> Callable[..., None]:
        exec(self.source, self.bound)  # the text is made from the field names alone
        init = self.bound["__init__"]
        init.__qualname__, init.__annotations__ = f"{self.cls.__qualname__}.__init__", self.annotations
        return init


def _init_on_first_call(source: _InitSource) -> Callable[..., None]:
    """An `__init__` that compiles the class's own (the one `exec` a record costs) when the
    first record of the class is made, puts it in its place and runs it: some records are
    never made in a run (a third of those `check` declares), and theirs is never compiled."""

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        init = source.compiled()
        source.cls.__init__ = init  # type: ignore[misc]
        init(self, *args, **kwargs)

    return __init__


# A default factory's field not given: a value no caller passes.
_NO_VALUE = object()


def _never_assign(self: Any, name: str, value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _never_delete(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")
