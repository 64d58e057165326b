"""The one converter between model objects and plain JSON-compatible data.

Built on cattrs' JSON preconf converter with ``forbid_extra_keys=True``, and strict where cattrs
is lenient by default: a number is not accepted for text (cattrs would quietly turn ``123``
into ``"123"``), a string is not a list, an amount is written one way only (see
:data:`~cnenforce.model.AMOUNT_PATTERN`). Dates, partial dates, durations and amounts are text
(TOML's native dates are accepted too), enums are their values, and fields left at their
default are omitted.

Provisions are tables here. Data files may also write a provision as a citation string; the
contributor tools (:mod:`cnenforce.contrib`) read those with the data directory's catalogue
before the converter sees them.

Structuring failures become :class:`~cnenforce.errors.Problem` records with field paths
(``measures[0].amount``) through :func:`structure_problems`: every invalid field of a record is
reported, not the first. Hook factories take the converter they are registered on, so
``converter.copy()`` gives an independent converter with the same rules.
"""

from __future__ import annotations

import datetime as dt
import enum
import typing
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import Any, Final, TypeVar

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn
from cattrs.preconf.json import make_converter

from cnenforce.errors import DataError, FieldError, Problem
from cnenforce.model import AMOUNT_PATTERN, Duration, PartialDate, Provision

__all__ = ["converter", "make", "structure", "structure_problems", "unstructure"]

_T = TypeVar("_T")


def _type_name(value: object) -> str:
    names = {str: "text", int: "a whole number", float: "a decimal number", bool: "true/false"}
    names |= {list: "a list", tuple: "a list", dict: "a table", type(None): "nothing"}
    shown = repr(value)
    return f"{names.get(type(value), type(value).__name__)} {shown[:60]}{'...' if len(shown) > 60 else ''}"


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {_type_name(value)}")
    return value


def _structure_int(value: object, _: type) -> int:
    if type(value) is not int:
        raise TypeError(f"expected a whole number, got {_type_name(value)}")
    return value


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {_type_name(value)}")
    return value


def _structure_decimal(value: object, _: type) -> Decimal:
    # One written form, shared with the JSON Schema: no floats (rounding), no bare integers
    # (TOML's 64-bit limit), no separators or exponents (misread amounts).
    if not isinstance(value, str) or AMOUNT_PATTERN.fullmatch(value) is None:
        raise ValueError(
            "expected an amount written as text: digits with an optional decimal point, no separators "
            f'or exponent, at most 15 digits before the point and 4 after (e.g. "50000"), got {_type_name(value)}'
        )
    return Decimal(value)


def _unstructure_decimal(value: Decimal) -> str:
    return format(value, "f")


def _structure_date(value: object, _: type) -> dt.date:
    if isinstance(value, dt.datetime):
        raise TypeError(f"expected a date without a time, got {value!r}")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) == 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"expected a date YYYY-MM-DD, got {_type_name(value)}")


def _structure_partial_date(value: object, _: type) -> PartialDate:
    if isinstance(value, dt.datetime):
        raise TypeError(f"expected a date without a time, got {value!r}")
    if isinstance(value, dt.date):
        return PartialDate.from_date(value)
    if isinstance(value, str):
        return PartialDate.parse(value)
    if type(value) is int:
        raise TypeError(f'expected a date as text; write the year {value} as "{value}"')
    raise TypeError(f'expected a date as text ("2017-08"), got {_type_name(value)}')


def _structure_duration(value: object, _: type) -> Duration:
    if isinstance(value, str):
        return Duration.parse(value)
    raise TypeError(f'expected a duration as text ("15 days"), got {_type_name(value)}')


def _structure_enum(value: object, cls: type[enum.Enum]) -> enum.Enum:
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(str(member.value) for member in cls)
        raise ValueError(f"{value!r} is not one of: {allowed}") from None


def _is_homogeneous_tuple(type_: Any) -> bool:
    args = typing.get_args(type_)
    return typing.get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook(type_: Any, conv: cattrs.Converter) -> Callable[[object, type], tuple[Any, ...]]:
    """Lists become tuples; a string or a table is refused (cattrs would iterate over it).

    Each failing member carries cattrs' index note, so error paths name the index.
    """
    member = typing.get_args(type_)[0]
    structure_member = conv.get_structure_hook(member)

    def structure_tuple(value: object, _: type) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple):
            raise TypeError(f"expected a list, got {_type_name(value)}")
        results: list[Any] = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                results.append(structure_member(item, member))
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


def _attrs_hook(cls: type[Any], conv: cattrs.Converter) -> Callable[[object, type], Any]:
    """cattrs' own attrs hook, made to report every invalid field rather than the first.

    attrs validators run in ``__init__`` and stop at the first failure; when construction
    fails, each field's validator is run on its own so all the failures surface together.
    """
    base = make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True)
    hints = typing.get_type_hints(cls)  # once per class: evaluating annotations is slow

    def structure_attrs(value: object, _: type) -> Any:
        if not isinstance(value, Mapping):
            raise TypeError(f"expected a table of fields, got {_type_name(value)}")
        try:
            return base(value, cls)
        except ClassValidationError as exc:
            with_notes, without_notes = exc.group_exceptions()
            # Fields that structured may still fail their validators, which the constructor
            # never reached (or stopped at the first of): check each of them on its own.
            failed = {note.name for _, note in with_notes}
            extra = list(_field_failures(value, cls, hints, conv, skip=failed))
            if extra or (not with_notes and not without_notes):
                # Unknown keys are kept; the constructor's own failure (the other error without a
                # note) is among those found again.
                unknown = [error for error in without_notes if isinstance(error, ForbiddenExtraKeysError)]
                errors = [error for error, _ in with_notes] + unknown + extra
                raise ClassValidationError(f"While structuring {cls.__name__}", errors, cls) from exc
            raise

    return structure_attrs


def _field_failures(
    value: Mapping[str, Any], cls: type[Any], hints: dict[str, Any], conv: cattrs.Converter, *, skip: set[str]
) -> Iterator[Exception]:
    for field in attrs.fields(cls):
        if field.validator is None or field.name not in value or field.name in skip:
            continue
        try:
            structured = conv.structure(value[field.name], hints[field.name])
            field.validator(None, field, structured)
        except Exception as exc:  # collected: each becomes one reported problem
            yield exc


def _provision_hook(cls: type[Provision], conv: cattrs.Converter) -> Callable[[object, type], Provision]:
    table = _attrs_hook(cls, conv)

    def structure_provision(value: object, _: type) -> Provision:
        if isinstance(value, str):
            raise TypeError(
                f"expected a provision table; citation strings such as {value[:40]!r} are read only in data files"
            )
        result: Provision = table(value, Provision)
        return result

    return structure_provision


def make() -> cattrs.Converter:
    """A new converter with cnenforce's rules (the module's :data:`converter` is one)."""
    conv = make_converter(forbid_extra_keys=True, omit_if_default=True)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    # Registered for StrEnum too: singledispatch would otherwise route StrEnum subclasses
    # through the str hook, which lies earlier in their MRO than Enum.
    conv.register_structure_hook(enum.Enum, _structure_enum)
    conv.register_structure_hook(enum.StrEnum, _structure_enum)
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_unstructure_hook(Decimal, _unstructure_decimal)
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_structure_hook(PartialDate, _structure_partial_date)
    conv.register_unstructure_hook(PartialDate, str)
    conv.register_structure_hook(Duration, _structure_duration)
    conv.register_unstructure_hook(Duration, str)
    conv.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook)
    conv.register_structure_hook_factory(attrs.has, _attrs_hook)
    conv.register_structure_hook_factory(lambda t: t is Provision, _provision_hook)
    return conv


converter: Final[cattrs.Converter] = make()
"""The converter. Prefer :func:`structure` and :func:`unstructure`, which report problems."""


def unstructure(obj: object) -> Any:
    """Turn a model object (or a tuple of them) into JSON-compatible data."""
    return converter.unstructure(obj)


def structure(data: object, cls: type[_T], *, file: str = "<data>") -> _T:
    """Build a *cls* object from plain data, or raise :class:`~cnenforce.errors.DataError`
    listing every problem."""
    result, problems = structure_problems(data, cls, file=file)
    if problems:
        raise DataError(problems)
    return typing.cast(_T, result)


def structure_problems(data: object, cls: type[_T], *, file: str = "<data>") -> tuple[_T | None, list[Problem]]:
    """Build a *cls* object from plain data, returning it or the problems that stopped it."""
    try:
        return converter.structure(data, cls), []
    except RecursionError:
        return None, [Problem(file=file, path="", message="nested too deeply")]
    except Exception as exc:  # every failure is turned into problems, never a traceback
        return None, [Problem(file=file, path=path, message=message) for path, message in _flatten(exc, "")]


def _join(path: str, part: str | int) -> str:
    if isinstance(part, int):
        return f"{path}[{part}]"
    if not part:
        return path
    if not path or part.startswith("["):
        return f"{path}{part}"
    return f"{path}.{part}"


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
    elif isinstance(exc, FieldError):
        yield _join(path, exc.field), exc.reason
    elif isinstance(exc, KeyError):
        # cattrs already put the missing field's name in the path, through its note.
        yield path, "required field is missing"
    elif isinstance(exc, TypeError) and "required keyword-only argument" in str(exc):
        names = str(exc).split(":", 1)[-1].strip().replace("'", "").split(" and ")
        for name in names:
            yield _join(path, name.strip(", ")), "required field is missing"
    else:
        yield path, str(exc) or type(exc).__name__
