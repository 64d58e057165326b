"""What changed: a page per dataset version and an Atom feed, computed from the change log that
``cnenforce compile --bump`` keeps (``data/changes.toml``), never written by hand."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from cnenforce.contrib.changes import VersionChanges
from cnenforce.terminal import clean
from cnsite.context import CHANGES_DIR, FEED_FILE, Site, case_page
from cnsite.html import Markup, el, page_path
from cnsite.pages import GeneratedPage, page

ATOM = "http://www.w3.org/2005/Atom"
FEED_ENTRIES = 200
"""The most entries the feed carries (the newest)."""


def version_page(version: str) -> str:
    return f"{CHANGES_DIR}/{version}.md"


def _case_link(site: Site, case_id: str, here: str) -> Markup:
    case = site.dataset.get(case_id)
    if case is None:
        retired = site.dataset.retired.get(case_id)
        note = f" (retired: {retired.reason})" if retired else " (no longer in the dataset)"
        return el("span", None, el("code", None, case_id), note)
    return el(
        "span", None, site.a(case_page(case_id), here, case.title), " ", el("code", {"class": "cn-muted"}, case_id)
    )


def version_body(site: Site, entry: VersionChanges) -> Markup:
    here = version_page(entry.version)
    parts: list[Markup | None] = [
        el("h1", None, f"Dataset version {entry.version}"),
        el(
            "p",
            None,
            f"Compiled on {entry.date.isoformat()}: {len(entry.added)} cases added, {len(entry.changed)} changed, "
            f"{len(entry.retired)} retired. Content digest ",
            el("code", None, entry.digest),
            ".",
        ),
        el("p", None, entry.note) if entry.note else None,
    ]
    if entry.added:
        parts += [
            el("h2", None, "Added"),
            el("ul", {"class": "cn-case-list"}, [el("li", None, _case_link(site, i, here)) for i in entry.added]),
        ]
    if entry.changed:
        parts += [
            el("h2", None, "Changed"),
            el(
                "ul",
                {"class": "cn-case-list"},
                [
                    el(
                        "li",
                        None,
                        _case_link(site, change.id, here),
                        el("span", {"class": "cn-muted"}, " · ", ", ".join(change.fields)),
                    )
                    for change in entry.changed
                ],
            ),
        ]
    if entry.retired or entry.removed:
        parts += [
            el("h2", None, "Retired"),
            el("ul", None, [el("li", None, _case_link(site, i, here)) for i in (*entry.retired, *entry.removed)]),
        ]
    if entry.records:
        parts += [
            el("h2", None, "Other records"),
            el("p", None, "Actions and catalogue records added, changed or removed:"),
            el("ul", None, [el("li", None, el("code", None, record)) for record in entry.records]),
        ]
    parts.append(el("p", None, site.a(f"{CHANGES_DIR}/index.md", here, "All versions")))
    return el("div", None, parts)


def changes_index_body(site: Site) -> Markup:
    here = f"{CHANGES_DIR}/index.md"
    entries = list(reversed(site.changes))
    current = site.dataset.version
    recorded = any(entry.version == current for entry in entries)
    rows = [
        el(
            "li",
            None,
            site.a(version_page(entry.version), here, entry.version),
            el(
                "span",
                {"class": "cn-muted"},
                f" · {entry.date.isoformat()} · {len(entry.added)} added, {len(entry.changed)} changed, "
                f"{len(entry.retired)} retired",
            ),
        )
        for entry in entries
    ]
    return el(
        "div",
        None,
        el("h1", None, "What changed"),
        el(
            "p",
            None,
            "Every dataset version, newest first, with the cases it added, changed and retired, as computed by ",
            el("code", None, "cnenforce compile --bump"),
            " from the data. Follow new and changed cases in a feed reader: ",
            el("a", {"href": site.link(FEED_FILE, here), "type": "application/atom+xml"}, "Atom feed"),
            ".",
        ),
        None if recorded else el("p", None, f"The current version, {current}, has no entry in the change log yet."),
        el("ul", {"class": "cn-versions"}, rows),
    )


def changes_pages(site: Site) -> Iterator[GeneratedPage]:
    yield GeneratedPage(
        f"{CHANGES_DIR}/index.md", page("What changed", changes_index_body(site), search=False, kind="changes")
    )
    for entry in site.changes:
        yield GeneratedPage(
            version_page(entry.version),
            page(f"Dataset version {entry.version}", version_body(site, entry), search=False, kind="changes"),
        )


def _timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def feed(site: Site) -> str:
    """An Atom feed of the cases added and changed in each version, newest first."""
    ET.register_namespace("", ATOM)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {key: clean(value) for key, value in attributes.items()})
        if text is not None:
            element.text = clean(text)  # no control character can make the XML invalid
        return element

    base = (site.site_url or "").rstrip("/")
    root = ET.Element(f"{{{ATOM}}}feed")
    sub(root, "title", "cnenforce: new and changed cases")
    sub(root, "subtitle", "China's cybersecurity, data-security and personal-information enforcement actions")
    sub(root, "id", f"{base}/{FEED_FILE}" if base else "urn:cnenforce:feed")
    entries = list(reversed(site.changes))
    updated = entries[0].date if entries else dt.date(2017, 1, 1)
    sub(root, "updated", _timestamp(updated))
    author = sub(root, "author")
    sub(author, "name", "cnenforce contributors")
    if base:
        sub(root, "link", rel="self", href=f"{base}/{FEED_FILE}", type="application/atom+xml")
        sub(
            root,
            "link",
            rel="alternate",
            href=f"{base}/{page_path(f'{CHANGES_DIR}/index.md', directory_urls=site.directory_urls)}",
        )
    count = 0
    for entry in entries:
        items: list[tuple[str, str, tuple[str, ...]]] = [(case_id, "added", ()) for case_id in entry.added]
        items += [(change.id, "changed", change.fields) for change in entry.changed]
        for case_id, what, fields in items:
            if count >= FEED_ENTRIES:
                break
            case = site.dataset.get(case_id)
            if case is None:
                continue
            count += 1
            item = sub(root, "entry")
            title = case.title if what == "added" else f"Updated: {case.title}"
            sub(item, "title", title)
            sub(item, "id", f"tag:cnenforce.github.io,2017:case/{case_id}/{entry.version}")
            sub(item, "updated", _timestamp(entry.date))
            permalink = site.permalink(case_page(case_id))
            if permalink:
                sub(item, "link", rel="alternate", href=str(permalink), type="text/html")
            summary = (
                case.summary
                if what == "added"
                else f"Changed in dataset version {entry.version}: {', '.join(fields)}. {case.summary}"
            )
            sub(item, "summary", summary)
            sub(item, "category", term=what)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def feed_file(site: Site) -> GeneratedPage:
    return GeneratedPage(FEED_FILE, feed(site))


__all__ = ["changes_pages", "feed", "feed_file", "version_page"]
