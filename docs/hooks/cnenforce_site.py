"""MkDocs hook: the record's pages, generated from the data at build time.

Adds to the site, without writing anything into ``docs/`` (the generators live in the
``cnsite`` package beside this file; each is a plain function of the dataset, which
``tests/test_site.py`` calls directly):

- ``cases/index.md``: the catalogue, every case in one table that a small script sorts and
  filters; ``cases/<id>.md`` and ``cases/<id>.json``: a page and the JSON record of each case,
  whose "edit" link opens the case's data file; ``actions/<id>.md``: each announcement or
  batch notice with its cases;
- ``browse/*.md``: the cases by year, instrument and article, authority, province, measure,
  tag and campaign;
- ``instruments.md``, ``authorities.md``, ``campaigns.md``: the reference catalogues;
- ``statistics.md``: charts drawn as static SVG, with their tables;
- ``changes/*.md`` and ``feed.xml``: what each dataset version changed, from
  ``data/changes.toml``, and an Atom feed of new and changed cases;
- the summary on the home page (``<!-- cnenforce:summary -->`` in ``docs/index.md``).

The data shown is the packaged dataset, or ``extra.cnenforce.data`` in the MkDocs
configuration (a data directory or a bundle, relative to the configuration file), which the
tests use to build the site from a hostile fixture.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

from cnsite.context import Site
from cnsite.generate import generated_pages
from cnsite.home import HOME, fill
from cnsite.pages import GeneratedPage
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

import cnenforce
from cnenforce.contrib.changes import CHANGES_FILE, read_changes
from cnenforce.errors import CnenforceError

CONTRIBUTING_PAGE = "contributing.md"
"""The repository's CONTRIBUTING.md, published as a page of the site (edited at its source)."""

_state: dict[str, Site] = {}
log = logging.getLogger("mkdocs.hooks.cnenforce_site")


def _repo_blob(config: Any) -> str | None:
    repo_url: str | None = config.get("repo_url")
    edit_uri: str | None = config.get("edit_uri")
    if not repo_url or not edit_uri:
        return None
    return repo_url.rstrip("/") + "/" + edit_uri.strip("/") + "/"


def build_site(config: Any) -> Site:
    """The :class:`Site` this configuration describes."""
    root = Path(config.config_file_path).resolve().parent
    options = (config.get("extra") or {}).get("cnenforce") or {}
    source = options.get("data")
    try:
        if source is None:
            dataset = cnenforce.load()
            data_dir: Path | None = root / "data"
        else:
            path = (root / source).resolve()
            dataset = cnenforce.load(path)
            data_dir = path if path.is_dir() else None
        changes = read_changes(data_dir / CHANGES_FILE) if data_dir is not None else ()
    except CnenforceError as exc:
        raise PluginError(f"cannot build the record's pages: {exc}") from exc
    return Site(
        dataset=dataset,
        data_dir=data_dir if data_dir is not None and data_dir.is_dir() else None,
        repo_blob=_repo_blob(config),
        site_url=config.get("site_url"),
        directory_urls=bool(config.get("use_directory_urls")),
        changes=changes,
    )


def on_files(files: Files, config: Any) -> Files:
    """Point hand-written pages' edit links into ``docs/`` and add the generated pages."""
    started = time.perf_counter()
    site = build_site(config)
    _state["site"] = site
    for file in files:
        if file.generated_by is None:
            file.edit_uri = f"docs/{file.src_uri}"
    pages = list(generated_pages(site))
    contributing = Path(config.config_file_path).parent / "CONTRIBUTING.md"
    if contributing.is_file():
        text = contributing.read_text(encoding="utf-8")
        pages.append(GeneratedPage(CONTRIBUTING_PAGE, text, "CONTRIBUTING.md"))
    for generated in pages:
        if files.get_file_from_path(generated.src_uri) is not None:
            raise PluginError(f"docs/{generated.src_uri} would hide a generated page; remove it")
        file = File.generated(config, generated.src_uri, content=generated.content)
        file.edit_uri = generated.edit_path
        files.append(file)
    log.info("generated %d pages and files in %.1f s", len(pages), time.perf_counter() - started)
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    """Put the computed summary on the home page."""
    if page.file.src_uri == HOME and "site" in _state:
        return fill(markdown, _state["site"])
    return markdown
