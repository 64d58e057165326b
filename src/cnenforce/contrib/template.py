"""Templates for new data files: ``cnenforce new case ID`` and ``cnenforce new batch ID``.

A template is a correctly shaped, commented TOML file for a contributor to fill in: every
required field is there with an empty value (``""``), each with a comment saying what goes
in it and, for a vocabulary, the values allowed (taken from :mod:`cnenforce.vocabulary`, so the
comments cannot fall out of date); optional fields are shown commented out. Until every ``""``
is filled, ``cnenforce validate`` reports each one as an error, so an unfinished file cannot
pass; once filled, it validates like any case (a test fills the templates and validates them).
``cnenforce format`` then removes the comments.

>>> text = case_template("2025-example-id", today=dt.date(2025, 7, 1))
>>> text.splitlines()[6]
'id = "2025-example-id"'
>>> import tomllib
>>> tomllib.loads(text)["respondent"]
{'kind': '', 'name_zh': ''}
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import shlex
import textwrap
from typing import Final

from cnenforce.vocabulary import (
    ActionKind,
    Disclosure,
    EventKind,
    MeasureKind,
    MeasureTarget,
    RespondentKind,
    Sector,
    SourceKind,
    Tag,
)

__all__ = ["ID_PATTERN", "batch_template", "case_template", "template_problem"]

ID_PATTERN: Final = re.compile(r"(?:19|20)[0-9]{2}(?:-[a-z0-9]+)+")
"""A case or action id: the year, then lowercase English words joined by single hyphens."""

_WIDTH: Final = 100


def template_problem(record_id: str) -> str | None:
    """Why *record_id* cannot be a new case or action id, or ``None`` if it can."""
    if not ID_PATTERN.fullmatch(record_id):
        return (
            f"{record_id!r} is not an id: the year, then lowercase words joined by hyphens "
            "(a-z, 0-9), such as 2025-zhejiang-technology-data-theft"
        )
    return None


def _values(cls: type[enum.Enum]) -> str:
    return ", ".join(str(member.value) for member in cls)


def _comment(text: str, indent: str = "") -> str:
    lines = textwrap.wrap(text, width=_WIDTH - len(indent) - 2, break_on_hyphens=False, break_long_words=False)
    return "\n".join(f"{indent}# {line}" for line in lines)


def _header(kind: str, path: str) -> str:
    if not path.isprintable():  # a comment ends at a line break
        path = ascii(path)
    command = shlex.join(["cnenforce", "format", path]) + " && " + shlex.join(["cnenforce", "validate", path])
    return "\n".join(
        [
            _comment(
                f'A new {kind}. Fill in every "" below from the sources you read (CONTRIBUTING.md explains each '
                "field; docs/data-format.md lists them all), uncomment the optional lines you need and delete the "
                "rest, then run:"
            ),
            f"#     {command}",
            _comment('Until every "" is filled, validate reports it as an error. Formatting removes comments.'),
            "",
        ]
    )


def case_template(case_id: str, *, path: str | None = None, today: dt.date | None = None) -> str:
    """A commented template of a case file with id *case_id*, to be written at *path* (by default
    ``data/cases/<id>.toml``, which its comments name)."""
    retrieved = (today or dt.date.today()).isoformat()
    return "\n".join(
        [
            _header("case", path or f"data/cases/{case_id}.toml"),
            f'id = "{case_id}"',
            "# Required. A short English headline, in your own words.",
            'title = ""',
            "# Required. What happened, in your own words: the conduct, who acted, what was imposed.",
            'summary = ""',
            _comment(f"Required. What the sources say about measures, one of: {_values(Disclosure)}."),
            'measures_disclosure = ""',
            "# Optional: Chinese headline and summary, in your own words.",
            '# title_zh = ""',
            '# summary_zh = ""',
            "# The action (announcement, notice) this case belongs to: an id from data/actions/.",
            '# action = ""',
            _comment(
                "Ids of the authorities that acted (`cnenforce authorities` lists them). Leave it out when no "
                "source names one; an authority described but not named goes in [[unnamed_authorities]]."
            ),
            '# authorities = [""]',
            _comment(
                "Where the action was taken: province (ISO 3166-2:CN code, such as CN-GD), city and district, "
                "as far as a source says; a nationwide action has national = true instead."
            ),
            '# region = { province = "", city = "" }',
            "# national = true",
            '# campaigns = [{ id = "", year = 2025 }]',
            _comment(
                'Provisions breached, as citations: "Article 21 of the Cybersecurity Law", '
                '"《个人信息保护法》第十三条" (`cnenforce cite TEXT` shows how a citation is read).'
            ),
            '# violations = [""]',
            "# Provisions the source cites without saying whether breached or applied.",
            '# cited = [""]',
            _comment(f"Categories of conduct, any of: {_values(Tag)}."),
            '# tags = [""]',
            "",
            "[respondent]",
            _comment(f"Required, one of: {_values(RespondentKind)}."),
            'kind = ""',
            _comment(
                "Names exactly as a source gives them; a masked name (长沙某科技有限公司) stays masked, with "
                "anonymised = true and a description."
            ),
            'name_zh = ""',
            '# name_en = ""',
            "# anonymised = true",
            '# description = ""',
            '# description_zh = ""',
            _comment(f"sector, one of: {_values(Sector)}."),
            '# sector = ""',
            "",
            _comment(
                "One [[events]] per dated step, in order. Dates as precise as the source: 2025, 2025-06, "
                "2025-06-10, early 2025-06, or --06-10 without a year."
            ),
            "[[events]]",
            _comment(f"One of: {_values(EventKind)}."),
            'kind = ""',
            'date = ""',
            "",
            _comment(
                "One [[measures]] per measure (delete this one if the sources state none, and set "
                "measures_disclosure accordingly)."
            ),
            "[[measures]]",
            _comment(f"One of: {_values(MeasureKind)}."),
            'kind = ""',
            _comment('Fines and confiscations: the amount as digits in text ("50000"), in CNY.'),
            '# amount = { amount = "" }',
            _comment(f"On whom: {_values(MeasureTarget)} (respondent by default)."),
            '# target = "persons"',
            '# persons = [{ name_zh = "", role = "legal-representative" }]',
            "# The provisions it was imposed under, as citations.",
            '# basis = [""]',
            "",
            "# At least one source: every source you read and took facts from, numbered from 1 in order.",
            "[[sources]]",
            _comment(f"One of: {_values(SourceKind)}. A mirror has no publisher."),
            'kind = ""',
            'title = ""',
            'publisher = ""',
            'url = ""',
            "# The day the source was published, and the day you read it.",
            'published = ""',
            f'retrieved = "{retrieved}"',
            '# language = "zh"               # en (the default), zh or zh-Hant',
            "",
        ]
    )


def batch_template(action_id: str, *, path: str | None = None, today: dt.date | None = None) -> str:
    """A commented template of a batch-notice file with id *action_id*, to be written at *path*
    (by default ``data/actions/<id>.toml``): the notice, the facts its cases share, and one row
    per respondent."""
    retrieved = (today or dt.date.today()).isoformat()
    return "\n".join(
        [
            _header("batch notice", path or f"data/actions/{action_id}.toml"),
            f'id = "{action_id}"',
            _comment(f"One of: {_values(ActionKind)}."),
            'kind = "batch-notice"',
            "# Required. An English title, in your own words; and the title as published.",
            'title = ""',
            'title_zh = ""',
            'published = ""',
            "# Ids of the authorities that issued it (`cnenforce authorities` lists them).",
            'authorities = [""]',
            '# A nationwide notice; otherwise region = { province = "" }.',
            "national = true",
            "# How many respondents the notice says it names; complete = true only when every one is recorded.",
            "# respondents_stated = 1",
            "# complete = true",
            '# campaigns = [{ id = "", year = 2025 }]',
            "",
            "[[sources]]",
            _comment(f"One of: {_values(SourceKind)}. A mirror has no publisher."),
            'kind = ""',
            'title = ""',
            'publisher = ""',
            'url = ""',
            'published = ""',
            f'retrieved = "{retrieved}"',
            '# language = "zh"',
            "",
            _comment(
                "[case]: the facts every case of the notice shares (any case field); a row's own keys replace them."
            ),
            "[case]",
            'summary = ""',
            _comment(f"One of: {_values(Disclosure)}."),
            'measures_disclosure = ""',
            '# cited = [""]',
            _comment(f"Event kinds: {_values(EventKind)}."),
            'events = [{ kind = "", date = "" }]',
            _comment(f"Measure kinds: {_values(MeasureKind)}."),
            'measures = [{ kind = "" }]',
            "",
            _comment(
                "One [[cases]] row per respondent the notice names, each with its own new case id (the year, then "
                "lowercase words)."
            ),
            "[[cases]]",
            'id = ""',
            'title = ""',
            _comment(
                f"kind, one of: {_values(RespondentKind)}; an app whose operator the notice does not name has kind "
                'unknown and a description ("operator of the … app").'
            ),
            'respondent = { kind = "", name_zh = "" }',
            '# apps = [{ name = "", version = "", store = "" }]',
            '# tags = [""]',
            "",
        ]
    )
