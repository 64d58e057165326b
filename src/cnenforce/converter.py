"""The one converter between model objects and plain JSON-compatible data.

Built on cattrs' JSON preconf converter with ``forbid_extra_keys=True``. It is strict where
cattrs is lenient by default: a number is not accepted for text (cattrs would quietly turn
``123`` into ``"123"``), a string is not a list, a float is not an amount of money. Dates
are ISO text (TOML's native dates are accepted too), ``Decimal`` is a string, enums are their
values, and fields left at their default are omitted.

Structuring failures become :class:`~cnenforce.errors.Problem` records with field paths
(``penalties[0].amount``) through :func:`structure_problems`.
"""

from __future__ import annotations

import datetime as dt
import enum
import typing
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, Final, TypeVar

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn
from cattrs.preconf.json import make_converter

from cnenforce.errors import DataError, Problem
from cnenforce.model import PartialDate, Provision

__all__ = ["converter", "structure", "structure_problems", "unstructure"]

_T = TypeVar("_T")


def _type_name(value: object) -> str:
    names = {str: "text", int: "a whole number", float: "a decimal number", bool: "true/false"}
    names |= {list: "a list", tuple: "a list", dict: "a table", type(None): "nothing"}
    return names.get(type(value), type(value).__name__)


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {_type_name(value)} {value!r}")
    return value


def _structure_int(value: object, _: type) -> int:
    if type(value) is not int:
        raise TypeError(f"expected a whole number, got {_type_name(value)} {value!r}")
    return value


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {_type_name(value)} {value!r}")
    return value


def _structure_decimal(value: object, _: type) -> Decimal:
    # Floats are refused: 0.1 + 0.2 style rounding has no place in fine amounts.
    if type(value) is int:
        return Decimal(value)
    if isinstance(value, str):
        try:
            number = Decimal(value.replace(",", "").replace("_", ""))
        except InvalidOperation:
            raise ValueError(f"expected a number written as text, got {value!r}") from None
        if not number.is_finite():
            raise ValueError(f"expected a finite number, got {value!r}")
        return number
    raise TypeError(f'expected an amount as text ("10000") or a whole number, got {_type_name(value)} {value!r}')


def _structure_date(value: object, _: type) -> dt.date:
    if isinstance(value, dt.datetime):
        raise TypeError(f"expected a date without a time, got {value!r}")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"expected a date YYYY-MM-DD, got {value!r}") from None
    raise TypeError(f"expected a date YYYY-MM-DD, got {_type_name(value)} {value!r}")


def _structure_partial_date(value: object, _: type) -> PartialDate:
    if isinstance(value, dt.datetime):
        raise TypeError(f"expected a date without a time, got {value!r}")
    if isinstance(value, dt.date):
        return PartialDate.from_date(value)
    if isinstance(value, str):
        return PartialDate.parse(value)
    if type(value) is int:
        raise TypeError(f'expected a date as text; write the year {value} as "{value}"')
    raise TypeError(f'expected a date as text ("2017-08"), got {_type_name(value)} {value!r}')


def _structure_enum(value: object, cls: type[enum.Enum]) -> enum.Enum:
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(str(member.value) for member in cls)
        raise ValueError(f"{value!r} is not one of: {allowed}") from None


def _is_homogeneous_tuple(type_: Any) -> bool:
    args = typing.get_args(type_)
    return typing.get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook_factory(type_: Any, conv: cattrs.Converter) -> Callable[[object, type], tuple[Any, ...]]:
    member = typing.get_args(type_)[0]
    # cattrs would iterate over a string or a table; only lists become tuples. Failing members
    # carry cattrs' own index note, so error paths name the index.

    def structure_tuple(value: object, _: type) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple):
            raise TypeError(f"expected a list, got {_type_name(value)} {value!r}")
        results: list[Any] = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                results.append(conv.structure(item, member))
            except Exception as exc:  # collected and re-raised as one group below
                exc.__notes__ = [
                    *getattr(exc, "__notes__", []),
                    IterableValidationNote(f"Structuring {type_!r} @ index {index}", index, member),
                ]
                errors.append(exc)
        if errors:
            raise IterableValidationError(f"while structuring {type_!r}", errors, type_)
        return tuple(results)

    return structure_tuple


def _attrs_hook_factory(cls: type[Any], conv: cattrs.Converter) -> Callable[[object, type], Any]:
    """cattrs' own attrs hook, made to report every invalid field rather than the first.

    attrs validators run in ``__init__`` and stop at the first failure; when construction
    fails, each field's validator is run on its own so all the failures surface together.
    """
    base = make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True)

    def structure_attrs(value: object, _: type) -> Any:
        if not isinstance(value, Mapping):
            raise TypeError(f"expected a table of fields, got {_type_name(value)} {value!r}")
        try:
            return base(value, cls)
        except ClassValidationError as exc:
            with_notes, _without_notes = exc.group_exceptions()
            # Fields structured fine, so the constructor's validators failed: find them all.
            failures = [] if with_notes else list(_field_failures(value, cls, conv))
            if failures:
                raise ClassValidationError(f"While structuring {cls.__name__}", failures, cls) from exc
            raise

    return structure_attrs


def _field_failures(value: object, cls: type[Any], conv: cattrs.Converter) -> Iterator[Exception]:
    if not isinstance(value, dict):
        return
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        if field.validator is None or field.name not in value:
            continue
        try:
            structured = conv.structure(value[field.name], hints[field.name])
            field.validator(None, field, structured)
        except Exception as exc:  # collected: each becomes one reported problem
            exc.__notes__ = [
                *getattr(exc, "__notes__", []),
                AttributeValidationNote(
                    f"Structuring class {cls.__name__} @ attribute {field.name}", field.name, field.type
                ),
            ]
            yield exc


def _provision_hook(conv: cattrs.Converter) -> Callable[[object, type], Provision]:
    """Provisions are tables, or citation strings read by the citation parser.

    A contributor may write ``"Article 21(5) of the Cybersecurity Law (2016)"`` where a
    provision is expected; it must name exactly one provision of a catalogue instrument.
    """
    table = _attrs_hook_factory(Provision, conv)

    def structure_provision(value: object, _: type) -> Provision:
        if not isinstance(value, str):
            result: Provision = table(value, Provision)
            return result
        from cnenforce.catalogue import load_catalogue
        from cnenforce.citations import parse

        provisions = parse(value, catalogue=load_catalogue(), strict=True)
        if len(provisions) != 1:
            raise ValueError(f"the citation {value!r} names {len(provisions)} provisions; give one per entry")
        return provisions[0]

    return structure_provision


def _build() -> cattrs.Converter:
    conv = make_converter(forbid_extra_keys=True, omit_if_default=True)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    # Registered for StrEnum too: singledispatch would otherwise route StrEnum subclasses
    # through the str hook, which lies earlier in their MRO than Enum.
    conv.register_structure_hook(enum.Enum, _structure_enum)
    conv.register_structure_hook(enum.StrEnum, _structure_enum)
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_unstructure_hook(Decimal, str)
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_structure_hook(PartialDate, _structure_partial_date)
    conv.register_unstructure_hook(PartialDate, str)
    conv.register_structure_hook_factory(_is_homogeneous_tuple, lambda t: _tuple_hook_factory(t, conv))
    conv.register_structure_hook_factory(attrs.has, lambda t: _attrs_hook_factory(t, conv))
    conv.register_structure_hook(Provision, _provision_hook(conv))
    return conv


converter: Final[cattrs.Converter] = _build()
"""The converter. Prefer :func:`structure` and :func:`unstructure`, which report problems."""


def unstructure(obj: object) -> Any:
    """Turn a model object (or a tuple of them) into JSON-compatible data."""
    return converter.unstructure(obj)


def structure(data: object, cls: type[_T], *, file: str = "<data>") -> _T:
    """Build a *cls* object from plain data, or raise :class:`DataError` with every problem."""
    result, problems = structure_problems(data, cls, file=file)
    if result is None:
        raise DataError(problems)
    return result


def structure_problems(data: object, cls: type[_T], *, file: str = "<data>") -> tuple[_T | None, list[Problem]]:
    """Build a *cls* object from plain data, returning it or the problems that stopped it."""
    try:
        return converter.structure(data, cls), []
    except Exception as exc:  # every failure is turned into problems, never a traceback
        found = [_attribute_path(path, message, cls) for path, message in _flatten(exc, "")]
        return None, [Problem(file=file, path=path, message=message) for path, message in found]


def _attribute_path(path: str, message: str, cls: type[Any]) -> tuple[str, str]:
    """Attach a whole-record error to the field its message starts with, if any.

    Invariants spanning several fields are checked after construction, where cattrs no longer
    knows the field; the model's messages name the field first, so the path can be recovered.
    """
    first = message.split(" ", 1)[0]
    if not path and attrs.has(cls) and first in {field.name for field in attrs.fields(cls)}:
        return first, message
    return path, message


def _join(path: str, part: str | int) -> str:
    if isinstance(part, int):
        return f"{path}[{part}]"
    return f"{path}.{part}" if path else part


def _flatten(exc: BaseException, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(exc, ClassValidationError):
        with_notes, without_notes = exc.group_exceptions()
        for inner, note in with_notes:
            yield from _flatten(inner, _join(path, note.name))
        for inner in without_notes:
            yield from _flatten(inner, path)
    elif isinstance(exc, IterableValidationError):
        indexed, unindexed = exc.group_exceptions()
        for inner, index_note in indexed:
            yield from _flatten(inner, _join(path, index_note.index))
        for inner in unindexed:
            yield from _flatten(inner, path)
    elif isinstance(exc, ForbiddenExtraKeysError):
        for key in sorted(exc.extra_fields):
            yield _join(path, key), "unknown key (check the spelling against the documented fields)"
    elif isinstance(exc, ExceptionGroup):
        for inner in exc.exceptions:
            yield from _flatten(inner, path)
    elif isinstance(exc, KeyError):
        yield (
            path,
            f"required field {exc.args[0]!r} is missing" if exc.args else "required field is missing",
        )
    elif len(exc.args) >= 2 and isinstance(exc.args[1], attrs.Attribute):
        # An attrs validator's own error: (message, attribute, expected, value).
        name = exc.args[1].name
        at_field = path == name or path.endswith(f".{name}")
        yield (path if at_field else _join(path, name)), _describe_attrs_error(exc)
    else:
        yield path, _describe(exc)


def _describe_attrs_error(exc: BaseException) -> str:
    expected = exc.args[2] if len(exc.args) > 2 else None
    value = exc.args[3] if len(exc.args) > 3 else None
    if isinstance(expected, type):
        return f"expected {expected.__name__}, got {value!r}"
    if expected is not None:
        return (
            f"must be one of {sorted(map(str, expected))}, got {value!r}"
            if isinstance(expected, list | tuple | set | frozenset)
            else f"invalid value {value!r}"
        )
    return str(exc.args[0])


def _describe(exc: BaseException) -> str:
    message = str(exc)
    if isinstance(exc, TypeError) and "missing" in message and "required keyword-only argument" in message:
        names = message.split(":", 1)[-1].strip()
        return f"required field {names} is missing"
    return message or type(exc).__name__
