"""Every generated page and file of the site."""

from __future__ import annotations

from collections.abc import Iterator

from cnsite.browse import browse_pages
from cnsite.cases import action_pages, case_pages
from cnsite.catalogue import catalogue_page
from cnsite.changes import changes_pages, feed_file
from cnsite.charts import statistics_page
from cnsite.context import Site
from cnsite.pages import GeneratedPage
from cnsite.reference import reference_pages


def generated_pages(site: Site) -> Iterator[GeneratedPage]:
    """The catalogue, case and action pages, indexes, reference pages, statistics, change log
    and feed."""
    yield catalogue_page(site)
    yield from case_pages(site)
    yield from action_pages(site)
    yield from browse_pages(site)
    yield from reference_pages(site)
    yield statistics_page(site)
    yield from changes_pages(site)
    yield feed_file(site)
