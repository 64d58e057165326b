"""Field validators of the model: each raises :class:`~cnenforce.errors.FieldError` naming the
field (and the index, inside a tuple), so errors carry their field as data."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Final

import attrs

from cnenforce.errors import FieldError
from cnenforce.numerals import MAX as _LARGEST_NUMERAL
from cnenforce.text import text_problem, url_problem

__all__ = [
    "ID_PATTERN",
    "MAX_ARTICLE",
    "MAX_NAME_LENGTH",
    "Validator",
    "article_number",
    "identifier",
    "instance_of",
    "name",
    "name_tuple",
    "optional",
    "optional_article_number",
    "optional_identifier",
    "optional_name",
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

MAX_ARTICLE: Final = _LARGEST_NUMERAL
"""The largest article, paragraph or item number: the largest number the Chinese numeral
writer (:func:`cnenforce.numerals.to_chinese`) can write, so every provision the model holds
can be cited in Chinese. The citation parser reads no larger number."""

MAX_NAME_LENGTH: Final = 300
"""The longest name of a catalogue record (an instrument's titles, abbreviations and aliases,
an authority's or a campaign's names), in characters: the longest real title is under 150.
Names are looked up in text (citations), so they are held to a name's length, not a summary's."""

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


def name(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Clean text of at most :data:`MAX_NAME_LENGTH` characters: the name of a record."""
    text(instance, attribute, value)
    if isinstance(value, str) and len(value) > MAX_NAME_LENGTH:
        raise FieldError(attribute.name, f"a name longer than {MAX_NAME_LENGTH} characters ({len(value):,})")


optional_name: Final = optional(name)


def name_tuple(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A tuple of names, none repeated."""
    tuple_of(name)(instance, attribute, value)
    unique(instance, attribute, value)


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
    """A whole number of at least 1 (and below a billion: no count is larger)."""
    if type(value) is not int or not 1 <= value < 1_000_000_000:
        raise FieldError(attribute.name, f"must be a whole number from 1 to 999,999,999, got {_describe(value)}")


def article_number(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An article, paragraph or item number: a whole number from 1 to :data:`MAX_ARTICLE`."""
    if type(value) is not int or not 1 <= value <= MAX_ARTICLE:
        reason = f"must be a whole number from 1 to {MAX_ARTICLE:,} (citable in Chinese), got {_describe(value)}"
        raise FieldError(attribute.name, reason)


optional_article_number: Final = optional(article_number)


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
