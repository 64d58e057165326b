"""Writing a provision back as a citation, in English or Chinese, that the readers read back."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from cnenforce.citations.names import Tables, en_key, tables_for, zh_key
from cnenforce.errors import CitationError
from cnenforce.model import Instrument, Provision
from cnenforce.numerals import to_chinese

if TYPE_CHECKING:  # only for annotations: the package needs no catalogue module at run time
    from cnenforce.catalogue import Catalogue

__all__ = ["Language", "cite"]

Language = Literal["en", "zh"]
"""The languages citations are written in."""


def cite(provision: Provision, language: Language = "en", *, catalogue: Catalogue) -> str:
    """Write *provision* as a citation in English (``"en"``) or Chinese (``"zh"``).

    English: "Article 21(5) of the Cybersecurity Law", "Article 24, Paragraph 1 of the
    Cybersecurity Law", "Article 22, Paragraph 1(3) of ...", "the Cybersecurity Law". Chinese:
    《网络安全法》第二十一条第（五）项, 《网络安全法》第二十四条第一款, 《网络安全法》. Instruments use their
    short title from *catalogue*; unresolved provisions their title as written.
    :func:`~cnenforce.citations.parse` reads the result back to the same provision (given the
    provision's ``version``).
    """
    if language not in ("en", "zh"):
        raise ValueError(f"language must be 'en' or 'zh', got {language!r}")
    if provision.instrument is not None:
        tables = tables_for(catalogue)
        instrument = tables.instruments.get(provision.instrument)
        if instrument is None:
            raise CitationError(f"instrument {provision.instrument!r} is not in the catalogue")
        title = _display_title(instrument, language, tables)
    else:
        title = provision.title or ""
    if language == "zh":
        return _chinese(provision, title)
    return _english(provision, title)


def _display_title(instrument: Instrument, language: Language, tables: Tables) -> str:
    """The first of the instrument's titles that reads back to it (its short title, usually)."""
    if language == "zh":
        for candidate in (instrument.short_title_zh, instrument.title_zh, *instrument.aliases_zh):
            if candidate and tables.zh_names.get(zh_key(candidate)) == instrument.id:
                return candidate
        return instrument.title_zh
    for candidate in (instrument.short_title_en, instrument.title_en, *instrument.aliases_en):
        if candidate and tables.en_names.get(en_key(candidate)) == instrument.id:
            return candidate
    return instrument.title_en


def _english(provision: Provision, title: str) -> str:
    if provision.instrument is None and any("\u4e00" <= char <= "\u9fff" for char in title):
        # A Chinese title in an English sentence keeps its book marks, so it reads back whole.
        name = title if title.startswith("本") else f"《{title}》"
    elif re.match(r"(?i)(?:the|this|these|such|said)\s", title):
        name = title
    else:
        name = f"the {title}"
    if provision.article is None:
        return name
    text = f"Article {provision.article}"
    if provision.paragraph is not None:
        text += f", Paragraph {provision.paragraph}"
    if provision.item is not None:
        text += f"({provision.item})"
    return f"{text} of {name}"


def _chinese(provision: Provision, title: str) -> str:
    name = title if provision.instrument is None and re.fullmatch(r"本\w{1,2}", title) else f"《{title}》"
    if provision.article is None:
        return name
    text = f"{name}第{to_chinese(provision.article)}条"
    if provision.paragraph is not None:
        text += f"第{to_chinese(provision.paragraph)}款"
    if provision.item is not None:
        text += f"第（{to_chinese(provision.item)}）项"
    return text
