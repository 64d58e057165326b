"""A Griffe extension that lets mkdocstrings render cnenforce's docstrings as Markdown.

The docstrings are written for ``help()`` and ``doctest``: Sphinx cross-reference roles
(:func:`load`, :class:`~cnenforce.errors.DataError`) and bare doctest blocks (``>>>``). Rendered
as Markdown, a role prints literally and a doctest block becomes a nest of block quotes. This
extension rewrites both, in the rendered copy only:

- a role becomes an optional cross-reference (a link where the target is documented, plain code
  otherwise, never a broken-link warning); ``~`` shows only the last name, as in Sphinx;
- a doctest block (a paragraph whose first line starts with ``>>>``) becomes a ``pycon`` fence.

Loaded through the python handler's ``extensions`` option in ``mkdocs.yml``.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:func|class|meth|mod|attr|data|exc|obj):`(?P<tilde>~?)(?P<target>[\w.]+)(?:\(\))?`")


def _fence_doctests(text: str) -> str:
    """Wrap each doctest block of *text* in a ``pycon`` fence."""
    out: list[str] = []
    in_block = False
    for line in text.split("\n"):
        if not in_block and line.lstrip().startswith(">>>"):
            out.append("```pycon")
            in_block = True
        elif in_block and not line.strip():
            out.append("```")
            in_block = False
        out.append(line)
    if in_block:
        out.append("```")
    return "\n".join(out)


def _resolve(obj: griffe.Object, target: str, loader: griffe.GriffeLoader) -> str | None:
    """The full path *target* names from *obj*'s scope, or ``None`` if Griffe cannot tell."""
    try:
        loader.modules_collection[target]
    except (KeyError, ValueError, griffe.AliasResolutionError):
        pass
    else:
        return target
    head, _, rest = target.partition(".")
    try:
        resolved = obj.resolve(head)
    except griffe.NameResolutionError:
        return None
    return f"{resolved}.{rest}" if rest else resolved


def _link_roles(text: str, obj: griffe.Object, loader: griffe.GriffeLoader) -> str:
    def replace(match: re.Match[str]) -> str:
        target = match["target"]
        label = target.rsplit(".", 1)[-1] if match["tilde"] else target
        identifier = _resolve(obj, target, loader) or target
        return f'<autoref identifier="{identifier}" optional><code>{label}</code></autoref>'

    # Roles inside a doctest block are code, not prose: leave them alone.
    parts = re.split(r"(```pycon\n.*?\n```)", text, flags=re.DOTALL)
    return "".join(part if part.startswith("```pycon") else _ROLE.sub(replace, part) for part in parts)


def rewrite(text: str, obj: griffe.Object, loader: griffe.GriffeLoader) -> str:
    """The Markdown form of one docstring."""
    return _link_roles(_fence_doctests(text), obj, loader)


def _walk(obj: griffe.Object, loader: griffe.GriffeLoader, seen: set[str]) -> None:
    if obj.path in seen:
        return
    seen.add(obj.path)
    if obj.docstring is not None:
        obj.docstring.value = rewrite(obj.docstring.value, obj, loader)
    for member in obj.members.values():
        if not member.is_alias:
            _walk(member, loader, seen)  # type: ignore[arg-type]


class CnenforceDocstrings(griffe.Extension):
    """Rewrite every docstring of a loaded package once, after the whole package is known."""

    def on_package(self, *, pkg: griffe.Module, loader: griffe.GriffeLoader, **kwargs: Any) -> None:
        _walk(pkg, loader, set())
