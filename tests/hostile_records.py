"""Records of every kind with every field filled, and hostile values put into chosen fields.

:func:`templates` gives one record of each kind (case, action, instrument, authority, campaign,
retired id) in the converter's form, in which every field a data file can hold is present:
every text, URL, amount, article number and id. Those fields are :class:`Slot` markers;
:func:`fill` puts a hostile value into every slot of one kind (and a plain value into the
others), and :func:`slots` lists where the slots of a kind are (``respondent.aliases[0]``).

:func:`hostile_bundle` and :func:`hostile_dataset` build a verified bundle and dataset in which
every text field of every record holds one of the corpus's kept strings (one set of records
per string), for outputs to be tried on: the web site, exports, the terminal.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import attrs

from cnenforce.bundle import BUNDLE_FORMAT, read_bundle
from cnenforce.dataset import Dataset
from cnenforce.model import MAX_NAME_LENGTH, Action, Authority, Campaign, Case, Instrument, RetiredId
from cnenforce.text import MAX_TEXT_LENGTH
from tests.hostile import HOSTILE, HostileString

__all__ = [
    "CATALOGUE",
    "KINDS",
    "RECORD_CLASSES",
    "Slot",
    "fill",
    "hostile_bundle",
    "hostile_dataset",
    "slot_paths",
    "slots",
    "templates",
    "too_long",
    "too_long_for",
]

FIXTURE: Final = Path(__file__).resolve().parent / "fixtures" / "minimal"
KINDS: Final = ("text", "url", "amount", "number", "id")
"""The kinds of slot: free text, URLs, amounts, article numbers and ids referring to records."""
PLAIN_TEXT: Final = "Plain text 示例"
PLAIN_URL: Final = "https://example.com/a"

RECORD_CLASSES: Final[dict[str, type[Any]]] = {
    "cases": Case,
    "actions": Action,
    "instruments": Instrument,
    "authorities": Authority,
    "campaigns": Campaign,
    "retired": RetiredId,
}
"""Record kinds, by the folder (or, for retired ids, the bundle key) they live in."""


@attrs.frozen
class Slot:
    """A field of a template to be filled: its kind, the plain value it has otherwise, and the
    longest text it takes (names of catalogue records are shorter than other text)."""

    kind: str
    plain: object = None
    limit: int = MAX_TEXT_LENGTH

    def value(self) -> object:
        return {"text": PLAIN_TEXT, "url": PLAIN_URL}.get(self.kind, self.plain)

    def takes(self, value: object) -> bool:
        """Whether *value* fits this slot's length (a text within :attr:`limit`)."""
        return not isinstance(value, str) or len(value) <= self.limit


def _t() -> Slot:
    return Slot("text")


def _name() -> Slot:
    return Slot("text", limit=MAX_NAME_LENGTH)


def _u() -> Slot:
    return Slot("url")


def _amount(plain: str) -> dict[str, Any]:
    return {"amount": Slot("amount", plain), "currency": "CNY"}


def _n(plain: int) -> Slot:
    return Slot("number", plain)


def _id(plain: str) -> Slot:
    return Slot("id", plain)


def _region() -> dict[str, Any]:
    return {"province": "CN-BJ", "city": _t(), "city_zh": _t(), "district": _t(), "district_zh": _t()}


def _source() -> dict[str, Any]:
    return {
        "kind": "official",
        "title": _t(),
        "publisher": _t(),
        "url": _u(),
        "published": "2025-06-10",
        "language": "zh",
        "authors": [_t()],
        "retrieved": "2025-06-11",
        "archived_url": _u(),
        "states": ["measures"],
        "note": _t(),
    }


def _link() -> dict[str, Any]:
    """A source with no text of its own: the fields of a source are tried in a case's."""
    return {"kind": "news", "url": _u()}


def _province() -> dict[str, Any]:
    """A region with no text of its own: the fields of a region are tried in a case's."""
    return {"province": "CN-BJ"}


@functools.cache
def templates(key: str) -> dict[str, dict[str, Any]]:
    """One record of each kind, every field filled; ids end in *key* so sets of records for
    different keys can share a bundle. Shared: read it, :func:`fill` it, never change it."""
    case_id, action_id = f"2025-hostile-{key}", f"2025-hostile-{key}-action"
    case = {
        "id": case_id,
        "title": _t(),
        "summary": _t(),
        "respondent": {
            "kind": "group",
            "name_en": _t(),
            "name_zh": _t(),
            "aliases": [_t()],
            "description": _t(),
            "description_zh": _t(),
            "region": _province(),
            "sector": "technology",
            "services": [_t()],
            "parent": _t(),
            "members": [{"name_zh": _t(), "name_en": _t(), "note": _t()}],
        },
        "measures_disclosure": "stated",
        "title_zh": _t(),
        "summary_zh": _t(),
        "action": _id(action_id),
        "apps": [{"name": _t(), "name_en": _t(), "kind": "app", "version": _t(), "store": _t(), "operator": _t()}],
        "authorities": [_id("cac")],
        "unnamed_authorities": [
            {
                "kind": "public-security",
                "level": "county",
                "region": _province(),
                "description": _t(),
                "description_zh": _t(),
            }
        ],
        "region": _region(),
        "campaigns": [{"id": _id("jingwang"), "year": 2024}],
        "violations": [
            {"instrument": _id("csl"), "article": _n(21), "paragraph": _n(1), "item": _n(5), "version": "2016"}
        ],
        "cited": [{"title": _t()}],
        "tags": ["data-leakage"],
        "events": [{"kind": "decided", "date": "2025-06-10", "authority": _id("cac"), "note": _t()}],
        "measures": [
            {
                "kind": "fine",
                "target": "persons",
                "amount": _amount("5000"),
                "per_person": True,
                "persons": [{"name_zh": _t(), "name_en": _t(), "role": "legal-representative", "position": _t()}],
                "person_count": 2,
                "basis": [{"instrument": "csl", "article": _n(59), "paragraph": 1, "version": "2016", "title": _t()}],
                "note": _t(),
            },
            {"kind": "app-removal", "target": "third-party", "addressee": _t(), "addressee_zh": _t(), "note": _t()},
        ],
        "sources": [_source(), {"kind": "mirror", "url": _u(), "copy_of": 1}],
        "note": _t(),
    }
    action = {
        "id": action_id,
        "kind": "batch-notice",
        "title": _t(),
        "title_zh": _t(),
        "document_number": _t(),
        "published": "2025-06-01",
        "authorities": [_id("cac")],
        "region": _province(),
        "campaigns": [{"id": _id("jingwang")}],
        "respondents_stated": 5,
        "sources": [_link()],
        "note": _t(),
    }
    instrument = {
        "id": f"hostile-{key}-law",
        "title_en": _name(),
        "title_zh": _name(),
        "kind": "law",
        "short_title_en": _name(),
        "short_title_zh": _name(),
        "abbreviations": [_name()],
        "aliases_en": [_name()],
        "aliases_zh": [_name()],
        "issuers": [_t()],
        "document_number": _t(),
        "versions": [
            {
                "id": "2020",
                "adopted": "2020-01-01",
                "promulgated": "2020-01-02",
                "effective": "2020-06-01",
                "articles": _n(80),
                "fine_ranges": [
                    {
                        "article": _n(10),
                        "paragraph": _n(1),
                        "minimum": _amount("1000"),
                        "maximum": _amount("5000"),
                        "condition": _t(),
                    }
                ],
                "note": _t(),
            },
            {
                "id": "2024",
                "effective": "2024-06-01",
                "articles": 82,
                "renumbering": [{"first": _n(1), "last": _n(80), "to": _n(1), "note": _t()}],
                "note": _t(),
            },
        ],
        "sources": [_link()],
    }
    authority = {
        "id": f"hostile-{key}-office",
        "name_en": _name(),
        "name_zh": _name(),
        "kind": "cyberspace",
        "level": "provincial",
        "region": _province(),
        "parent": _id("cac"),
        "aliases": [_name()],
        "sources": [_link()],
    }
    campaign = {
        "id": f"hostile-{key}-campaign",
        "name_en": _name(),
        "name_zh": _name(),
        "description": _t(),
        "authority_kinds": ["cyberspace"],
        "sources": [_link()],
    }
    retired = {"id": f"2019-hostile-{key}", "reason": _t(), "replaced_by": _id(case_id)}
    return {
        "cases": case,
        "actions": action,
        "instruments": instrument,
        "authorities": authority,
        "campaigns": campaign,
        "retired": retired,
    }


def _walk(value: Any, path: str) -> Iterator[tuple[str, Slot]]:
    if isinstance(value, Slot):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, f"{path}[{index}]")


def slots(template: dict[str, Any], kind: str, value: object = None) -> list[str]:
    """The paths of the slots of *kind* in *template* (``respondent.aliases[0]``); with *value*,
    only those whose length it fits."""
    return [path for path, slot in _walk(template, "") if slot.kind == kind and (value is None or slot.takes(value))]


def too_long(template: dict[str, Any], kind: str, value: object) -> list[str]:
    """The paths of the slots of *kind* that *value* is too long for."""
    return [path for path, slot in _walk(template, "") if slot.kind == kind and not slot.takes(value)]


@functools.cache
def _limits(folder: str, kind: str) -> tuple[tuple[str, int], ...]:
    return tuple((path, slot.limit) for path, slot in _walk(templates("x")[folder], "") if slot.kind == kind)


def slot_paths(folder: str, kind: str, value: object = None) -> list[str]:
    """The paths of the slots of *kind* in the template of *folder* (the same for every key);
    with *value*, only those whose length it fits."""
    return [path for path, limit in _limits(folder, kind) if not isinstance(value, str) or len(value) <= limit]


def too_long_for(folder: str, kind: str, value: object) -> list[str]:
    """The paths of the slots of *kind* of *folder*'s template that *value* is too long for."""
    return [path for path, limit in _limits(folder, kind) if isinstance(value, str) and len(value) > limit]


def fill(template: Any, kind: str | None = None, value: object = None, *, fit: bool = False) -> Any:
    """*template* as plain data: slots of *kind* hold *value*, the others their plain value
    (and, with *fit*, those *value* is too long for)."""
    if isinstance(template, Slot):
        return value if template.kind == kind and (not fit or template.takes(value)) else template.value()
    if isinstance(template, dict):
        return {key: fill(item, kind, value, fit=fit) for key, item in template.items()}
    if isinstance(template, list):
        return [fill(item, kind, value, fit=fit) for item in template]
    return copy.copy(template)


def at(data: Any, path: str) -> Any:
    """The value at field *path* of plain data."""
    current = data
    for part in path.replace("[", ".[").split("."):
        current = current[int(part[1:-1])] if part.startswith("[") else current[part]
    return current


CATALOGUE: Final[dict[str, list[dict[str, Any]]]] = {
    "instruments": [
        {
            "id": "csl",
            "title_en": "Cybersecurity Law of the People's Republic of China",
            "title_zh": "中华人民共和国网络安全法",
            "kind": "law",
            "short_title_en": "Cybersecurity Law",
            "short_title_zh": "网络安全法",
            "versions": [
                {"id": "2016", "effective": "2017-06-01", "articles": 79},
                {"id": "2025", "effective": "2026-01-01", "articles": 81},
            ],
        }
    ],
    "authorities": [
        {"id": "cac", "name_en": "Cyberspace Administration of China", "kind": "cyberspace", "level": "national"}
    ],
    "campaigns": [{"id": "jingwang", "name_en": "Clean Network campaign", "name_zh": "净网"}],
}
"""The catalogue records the templates refer to (a small one: it is read once per trial)."""


def bundle_bytes(content: dict[str, list[Any]], *, ascii_only: bool = False) -> bytes:
    """A bundle of *content* with a matching header (only its records are then checked)."""
    line = json.dumps(content, ensure_ascii=ascii_only, separators=(",", ":")).encode("utf-8")
    header = {
        "format": BUNDLE_FORMAT,
        "dataset_version": "2026.01.01",
        "cases": len(content.get("cases", [])),
        "content_sha256": "sha256:" + hashlib.sha256(line).hexdigest(),
    }
    return json.dumps(header).encode() + b"\n" + line + b"\n"


def content_for(entries: tuple[tuple[str, str, object], ...], *, fit: bool = False) -> dict[str, list[Any]]:
    """Bundle content: the fixture's catalogue, and one set of records per ``(key, kind,
    value)``, with *value* in every slot of *kind* (with *fit*, every slot it fits)."""
    content: dict[str, list[Any]] = {key: copy.deepcopy(records) for key, records in CATALOGUE.items()}
    for folder in ("actions", "cases", "retired"):
        content[folder] = []
    for key, kind, value in entries:
        for folder, template in templates(key).items():
            content[folder].append(fill(template, kind, value, fit=fit))
    return content


def hostile_bundle(corpus: tuple[HostileString, ...] = HOSTILE) -> bytes:
    """A verified bundle holding, for every kept string of *corpus*, a set of records of every
    kind with that string in every text field (every name field it fits: names are short)."""
    entries = tuple((h.name, "text", h.text) for h in corpus if h.kept)
    return bundle_bytes(content_for(entries, fit=True))


@functools.cache
def hostile_dataset() -> Dataset:
    """The dataset of :func:`hostile_bundle`: case ``2025-hostile-<name>`` holds string
    ``<name>`` of the corpus in every text field, as do its action and catalogue records."""
    return read_bundle(hostile_bundle(), name="hostile bundle")
