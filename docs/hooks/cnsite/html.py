"""HTML for the generated pages, escaped by construction.

Every generated page is a Markdown file whose body is one raw HTML block, which Python-Markdown
passes through untouched; so the only safe way to put data on a page is through this module:

- :func:`escape` turns any text into :class:`Markup` that renders as exactly that text, in
  HTML and in Markdown alike: control and format characters become visible escapes
  (``\\x0d``), ``& < > " '`` become entities, and so does every ASCII character that some
  Markdown extension gives a meaning (`````, ``*``, ``_``, ``{``, ``}``, ``[``, ``]``, ``(``,
  ``)``, ``|``, ``\\``, ``~``, ``#``, ``!``, ``^``, ``$``, ``+``, ``=``, ``:``, ``@``), so an
  ``attr_list`` ``{: onclick=... }`` or a ``<script>`` is only ever text;
- :func:`el` builds an element from a tag, attributes and children; text children and
  attribute values are escaped, :class:`Markup` children are kept;
- URLs are :class:`Url` values, made only by :func:`external_url` (http and https, checked by
  the library's URL rule and percent-encoded) and :func:`relative_url` (between pages of the
  site, each path segment percent-encoded). ``href`` and ``src`` accept nothing else, so no
  page can build a link by concatenating strings.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterable, Mapping
from typing import Final
from urllib.parse import quote

from cnenforce.terminal import clean
from cnenforce.text import url_problem

__all__ = [
    "Child",
    "Markup",
    "Url",
    "absolute_url",
    "el",
    "escape",
    "external_url",
    "join",
    "page_path",
    "relative_url",
]


class Markup(str):
    """A fragment of HTML that is safe as it is (built by this module)."""

    __slots__ = ()


class Url(str):
    """A URL fit for an ``href`` or ``src`` attribute: percent-encoded, of a safe scheme."""

    __slots__ = ()


_MARKDOWN_SIGNIFICANT: Final = "`*_{}[]()|\\~#!^$+=:@"
_ENTITIES: Final = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
    | {char: f"&#{ord(char)};" for char in _MARKDOWN_SIGNIFICANT}
)


def escape(text: object) -> Markup:
    """*text* as HTML that displays exactly that text and means nothing to Markdown.

    >>> escape('<script>alert(1)</script> {: onclick="x" }')
    '&lt;script&gt;alert&#40;1&#41;&lt;/script&gt; &#123;&#58; onclick&#61;&quot;x&quot; &#125;'
    >>> escape("a\\rb")
    'a&#92;x0db'
    """
    if isinstance(text, Markup):
        return text
    return Markup(clean(str(text)).translate(_ENTITIES))


def _attribute(value: str) -> str:
    """*value* escaped for a double-quoted attribute of a raw HTML block (which Markdown leaves
    alone): controls made visible, ``& < > " '`` as entities."""
    return html.escape(clean(value), quote=True)


def join(parts: Iterable[object], separator: object = "") -> Markup:
    """*parts* joined by *separator*, each escaped unless it is :class:`Markup` already."""
    return Markup(escape(separator).join(escape(part) for part in parts))


_NAME: Final = re.compile(r"[a-zA-Z][a-zA-Z0-9-]*")
_URL_ATTRIBUTES: Final = frozenset({"href", "src", "action", "formaction", "xlink:href"})
_VOID: Final = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "source"})
_SPACED: Final = frozenset(
    {"td", "th", "tr", "li", "p", "h1", "h2", "h3", "h4", "caption", "figcaption", "summary", "section", "dd", "dt"}
)
"""Elements followed by a space, so that text extracted from the page (the search index)
keeps its words apart."""

Child = str | Markup | None | Iterable["Child"]
AttributeValue = str | int | bool | Url | None


def _children(children: Iterable[Child]) -> Iterable[str]:
    for child in children:
        if child is None:
            continue
        if isinstance(child, str):
            yield escape(child)
        else:
            yield from _children(child)


def el(tag: str, attributes: Mapping[str, AttributeValue] | None = None, *children: Child) -> Markup:
    """The element *tag* with *attributes* and *children*, every piece escaped.

    Attribute values that are ``None`` or ``False`` are left out; ``True`` gives a bare
    attribute. A URL attribute (``href``, ``src``) must be a :class:`Url`.

    >>> el("a", {"href": relative_url("cases/x.md", "index.md", directory_urls=False)}, "<b>")
    '<a href="cases/x.html">&lt;b&gt;</a>'
    """
    if not _NAME.fullmatch(tag):
        raise ValueError(f"not a tag name: {tag!r}")
    parts = [f"<{tag}"]
    for name, value in (attributes or {}).items():
        if not _NAME.fullmatch(name) or name.lower().startswith("on"):
            raise ValueError(f"refusing attribute {name!r}")
        if value is None or value is False:
            continue
        if name in _URL_ATTRIBUTES and not isinstance(value, Url):
            raise TypeError(f"{name} takes a Url (external_url or relative_url), not {type(value).__name__}")
        if value is True:
            parts.append(f" {name}")
        else:
            parts.append(f' {name}="{_attribute(str(value))}"')
    parts.append(">")
    if tag in _VOID:
        if children:
            raise ValueError(f"<{tag}> has no children")
        return Markup("".join(parts))
    parts.extend(_children(children))
    parts.append(f"</{tag}> " if tag in _SPACED else f"</{tag}>")
    return Markup("".join(parts))


# RFC 3986 reserved and unreserved characters that the URL rule allows; everything else is
# percent-encoded ("%" is kept so that existing escapes stay as they are).
_URL_SAFE: Final = "-._~:/?#@!$&*+,;=%"


def external_url(url: str | None) -> Url | None:
    """*url* as a link target, or ``None`` if it is not an http(s) URL that follows the
    library's URL rule (so nothing else ever becomes a link).

    >>> external_url("https://example.com/案例.txt")
    'https://example.com/%E6%A1%88%E4%BE%8B.txt'
    >>> external_url("javascript:alert(1)") is None, external_url("https://e.com/a)<svg onload=x>") is None
    (True, True)
    """
    if not isinstance(url, str) or url_problem(url) is not None:
        return None
    return Url(quote(url, safe=_URL_SAFE))


def absolute_url(base: str, path: str) -> Url | None:
    """The page at site path *path* (``cases/x.html``) on the site at *base*."""
    encoded = "/".join(quote(segment, safe="") for segment in path.split("/"))
    return external_url(base.rstrip("/") + "/" + encoded)


def page_path(src_uri: str, *, directory_urls: bool) -> str:
    """Where MkDocs writes the page *src_uri*, as a URL path (``cases/x.md`` ->
    ``cases/x.html``, or ``cases/x/`` with directory URLs). Other files keep their path."""
    if not src_uri.endswith(".md"):
        return src_uri
    stem = src_uri[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")] + ("" if directory_urls else "index.html")
    return stem + "/" if directory_urls else stem + ".html"


def relative_url(target: str, source: str, *, directory_urls: bool, fragment: str | None = None) -> Url:
    """The link from page *source* to page or file *target* (both source paths, such as
    ``cases/x.md``), percent-encoded, with an optional *fragment*.

    >>> relative_url("cases/a b.md", "browse/tags.md", directory_urls=False, fragment="x y")
    '../cases/a%20b.html#x%20y'
    """
    to = page_path(target, directory_urls=directory_urls)
    here = page_path(source, directory_urls=directory_urls)
    directory = here.rsplit("/", 1)[0] if "/" in here else ""
    relative = posixpath.relpath(to.rstrip("/") or ".", directory or ".")
    if to.endswith("/") or (not to and directory_urls):
        relative = relative.rstrip("/") + "/"
    path = "/".join(segment if segment in ("..", ".") else quote(segment, safe="") for segment in relative.split("/"))
    if path == ".":
        path = "./"
    if fragment:
        path += "#" + quote(fragment, safe="")
    return Url(path or "./")
