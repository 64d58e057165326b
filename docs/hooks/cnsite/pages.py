"""Generated pages: a Markdown file whose front matter gives the title and whose body is one
raw HTML block built with :mod:`cnsite.html`."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from cnsite.html import Child, Markup, el, escape


class GeneratedPage(NamedTuple):
    """A file to add to the site: where it goes, its content, and the file its edit link opens.

    Pages (``.md``) are Markdown; other files (``.json``, ``.xml``) are written as they are.
    """

    src_uri: str
    content: str
    edit_path: str | None = None


def page(title: str, body: Markup, *, search: bool = True, hide: Sequence[str] = ("toc",), kind: str = "page") -> str:
    """A generated page: front matter, then *body* as one raw HTML block.

    The title is escaped for HTML because MkDocs themes insert it into their templates as it
    is; :mod:`cnsite` overrides the one template (``<title>``) that unescapes it first.
    """
    meta: dict[str, object] = {"title": escape(title)}
    if hide:
        meta["hide"] = list(hide)
    if not search:
        meta["search"] = {"exclude": True}
    front = json.dumps(meta, ensure_ascii=True)
    return f"---\n{front}\n---\n\n{el('div', {'class': f'cn-page cn-{kind}'}, body)}\n"


def table(
    header: Sequence[str], rows: Iterable[Sequence[Child]], *, classes: str = "cn-table", caption: str | None = None
) -> Markup:
    """A table; cells are escaped unless they are :class:`Markup`."""
    head = el("thead", None, el("tr", None, [el("th", {"scope": "col"}, cell) for cell in header]))
    body = el(
        "tbody",
        None,
        [
            el(
                "tr",
                None,
                [el("td", {"data-label": header[i] if i < len(header) else None}, c) for i, c in enumerate(row)],
            )
            for row in rows
        ],
    )
    return el(
        "div",
        {"class": "cn-scroll"},
        el("table", {"class": classes}, el("caption", None, caption) if caption else None, head, body),
    )


def field(label: str, value: Child, path: str) -> Markup:
    """A row of a facts table: *label*, then *value*, marked with the model field *path* it shows."""
    return el("tr", None, el("th", {"scope": "row"}, label), el("td", {"data-field": path}, value))


def facts(rows: Iterable[Markup | None]) -> Markup:
    """A two-column table of facts."""
    return el("table", {"class": "cn-facts"}, el("tbody", None, [row for row in rows if row]))


def zh(text: str | None, path: str | None = None, tag: str = "span") -> Markup | None:
    """Chinese text, marked as such for fonts, screen readers and search."""
    if text is None:
        return None
    return el(tag, {"lang": "zh", "data-field": path}, text)
