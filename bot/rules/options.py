"""Rule options: the configuration keys rules read, each declared once with its default and
how its value is checked, and the values a run was configured with.

A rule lists the options it reads in its record; the configuration file accepts exactly the
options some rule declares. Options several rules share (the user HB001 creates and HB010
fixes ids to) are declared here; an option only one rule reads is declared in its file.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import field
from typing import Any, Generic, TypeVar

from bot.lazy_regex import lazy_compile
from bot.record import record

T = TypeVar("T")
MAX_ID = 2**31 - 2
_USER_NAME = lazy_compile(r"[a-z_][a-z0-9_-]{0,31}")


class OptionValueError(ValueError):
    """A bad value: str() is the reason, said after the key. `entry` names the entry of a
    mapping value the reason is about, so its line can be shown."""

    def __init__(self, reason: str, entry: object = None):
        super().__init__(reason)
        self.entry = entry


@record(eq=False)
class Option(Generic[T]):
    """One setting a rule reads from the configuration, with its default and parser."""
    key: str  # in the configuration file
    help: str  # one line, for the README
    default: T
    parse: Callable[[Any], T]  # the value as read from YAML → the option's value; raises OptionValueError
    default_from: Option[T] | None = None  # when not set: the value of that option (gid: the uid)
    # A value that turns on the rule declaring the option (pip-cache: mount turns HB012 on).
    turns_on: Callable[[T], bool] | None = None


@record
class OptionValues:
    """The configured value of every option; the default for those not configured."""

    values: Mapping[Option, Any] = field(default_factory=dict)

    def __getitem__(self, option: Option[T]) -> T:
        if option in self.values:
            return self.values[option]
        if option.default_from is not None:
            return self[option.default_from]
        return option.default


def whole_number(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_ID:
        raise OptionValueError(f"must be a whole number from 1 to {MAX_ID}, not {value!r}")
    return value


def user_name(value: Any) -> str:
    if not isinstance(value, str) or not _USER_NAME.fullmatch(value):
        raise OptionValueError(f"must be a lowercase user name, not {value!r}")
    return value


UID = Option("uid", "UID of the user HB001 creates, and HB010's fixed UID", 10001, whole_number)
GID = Option("gid", "GID of that user's group (default: the uid)", 10001, whole_number, default_from=UID)
USER_NAME = Option("user-name", "name of the user HB001 creates", "app", user_name)
