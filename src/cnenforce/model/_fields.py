"""Field validators of the model: each raises :class:`~cnenforce.errors.FieldError` naming the
field (and the index, inside a tuple), so errors carry their field as data."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Final

import attrs

from cnenforce.errors import FieldError
from cnenforce.text import text_problem, url_problem

__all__ = [
    "ID_PATTERN",
    "Validator",
    "identifier",
    "instance_of",
    "optional",
    "optional_identifier",
    "optional_text",
    "optional_url",
    "positive_int",
    "text",
    "text_tuple",
    "tuple_of",
    "unique",
]

ID_PATTERN: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""Ids of cases, actions, instruments, authorities, campaigns and versions: lowercase ASCII
words joined by single hyphens, at most 120 characters."""

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def _describe(value: object) -> str:
    names = {str: "text", int: "a whole number", float: "a decimal number", bool: "true/false"}
    names |= {list: "a list", tuple: "a list", dict: "a table", type(None): "nothing"}
    kind = names.get(type(value), type(value).__name__)
    shown = repr(value)
    return f"{kind} {shown[:60]}{'...' if len(shown) > 60 else ''}"


def instance_of(cls: type[Any] | tuple[type[Any], ...], label: str) -> Validator:
    """The value is an instance of *cls* (``bool`` is never taken for ``int``)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, cls) or (isinstance(value, bool) and cls is int):
            raise FieldError(attribute.name, f"expected {label}, got {_describe(value)}")

    return check


def optional(validator: Validator) -> Validator:
    """*validator*, or ``None``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            validator(instance, attribute, value)

    return check


def text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Clean text (see :mod:`cnenforce.text`)."""
    if not isinstance(value, str):
        raise FieldError(attribute.name, f"expected text, got {_describe(value)}")
    problem = text_problem(value)
    if problem is not None:
        raise FieldError(attribute.name, f"text {problem}")


optional_text: Final = optional(text)


def url(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An http(s) URL that follows the URL rule of :mod:`cnenforce.text`."""
    if not isinstance(value, str):
        raise FieldError(attribute.name, f"expected a URL as text, got {_describe(value)}")
    problem = url_problem(value)
    if problem is not None:
        raise FieldError(attribute.name, problem)


optional_url: Final = optional(url)


def identifier(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An id: lowercase words joined by hyphens."""
    if not isinstance(value, str) or len(value) > 120 or not ID_PATTERN.fullmatch(value):
        raise FieldError(attribute.name, f"must be lowercase words joined by hyphens, got {_describe(value)}")


optional_identifier: Final = optional(identifier)


def positive_int(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A whole number of at least 1 (and below a billion: no count or article is larger)."""
    if type(value) is not int or not 1 <= value < 1_000_000_000:
        raise FieldError(attribute.name, f"must be a whole number from 1 to 999,999,999, got {_describe(value)}")


def tuple_of(member: Validator) -> Validator:
    """A tuple whose every item passes *member*; the failing index is in the field path."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise FieldError(attribute.name, f"expected a list, got {_describe(value)}")
        for index, item in enumerate(value):
            try:
                member(instance, attribute, item)
            except FieldError as exc:
                raise FieldError(f"{attribute.name}[{index}]", exc.reason) from None

    return check


def text_tuple(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A tuple of clean texts, none repeated."""
    tuple_of(text)(instance, attribute, value)
    unique(instance, attribute, value)


def unique(instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    """No item repeats."""
    seen: set[object] = set()
    for index, item in enumerate(value):
        if item in seen:
            raise FieldError(f"{attribute.name}[{index}]", f"repeats an earlier item: {item!r}")
        seen.add(item)
