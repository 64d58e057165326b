"""The statistics page: static SVG charts drawn at build time from the bundled data, each with
a table of its numbers (the text alternative for screen readers, and for anyone who wants the
exact figures). No script draws anything; colours come from the site's stylesheet, so the
charts follow the light and dark schemes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from decimal import Decimal

from cnenforce.model import Case, Provision
from cnenforce.stats import statistics
from cnenforce.vocabulary import AuthorityKind, AuthorityLevel, MeasureKind, MeasureTarget
from cnsite.context import STATISTICS_PAGE, Site, browse_page, fine_on, label, province_name
from cnsite.html import Child, Markup, el
from cnsite.pages import GeneratedPage, page, table

WIDTH = 720
"""The width of every chart's drawing, in SVG units (charts scale to the page)."""

TILES: Mapping[str, tuple[int, int]] = {
    "CN-HL": (8, 0), "CN-NM": (5, 0),
    "CN-JL": (8, 1), "CN-LN": (7, 1), "CN-BJ": (6, 1),
    "CN-XJ": (1, 2), "CN-GS": (3, 2), "CN-NX": (4, 2), "CN-SX": (5, 2), "CN-HE": (6, 2), "CN-TJ": (7, 2),
    "CN-QH": (2, 3), "CN-SN": (4, 3), "CN-HA": (5, 3), "CN-SD": (6, 3),
    "CN-XZ": (1, 4), "CN-SC": (3, 4), "CN-CQ": (4, 4), "CN-HB": (5, 4), "CN-AH": (6, 4), "CN-JS": (7, 4),
    "CN-YN": (3, 5), "CN-GZ": (4, 5), "CN-HN": (5, 5), "CN-JX": (6, 5), "CN-ZJ": (7, 5), "CN-SH": (8, 5),
    "CN-GX": (4, 6), "CN-GD": (5, 6), "CN-FJ": (6, 6), "CN-TW": (7, 6),
    "CN-HI": (4, 7), "CN-MO": (5, 7), "CN-HK": (6, 7),
}  # fmt: skip
"""Where each province-level division sits on the tile map: (column, row), roughly as on a
map of China."""


def compact(value: Decimal | int) -> str:
    """A short amount for an axis: ``950``, ``12k``, ``1.5m``, ``8.0bn``."""
    number = float(value)
    for size, suffix in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if number >= size:
            shown = number / size
            return f"{shown:.1f}{suffix}" if shown < 10 else f"{shown:.0f}{suffix}"
    return f"{number:.0f}"


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1
    magnitude = float(10 ** (len(str(int(value))) - 1))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude  # pragma: no cover


def figure(
    anchor: str, title: str, description: str, svg: Markup, header: Sequence[str], rows: Sequence[Sequence[Child]]
) -> Markup:
    """A chart with its heading, caption and data table."""
    return el(
        "figure",
        {"class": "cn-chart", "id": anchor},
        el("h2", {"id": f"{anchor}-title"}, title),
        el("figcaption", None, description),
        svg,
        el(
            "details",
            {"class": "cn-chart-data"},
            el("summary", None, "The numbers (table)"),
            table(header, rows, caption=title),
        ),
    )


def _svg(height: int, label_text: str, *children: object) -> Markup:
    return el(
        "svg",
        {
            "viewBox": f"0 0 {WIDTH} {height}",
            "role": "img",
            "aria-label": label_text,
            "class": "cn-svg",
            "xmlns": "http://www.w3.org/2000/svg",
            "preserveAspectRatio": "xMinYMin meet",
        },
        *children,  # type: ignore[arg-type]
    )


def _legend(series: Sequence[str], y: int) -> Markup:
    items = []
    x = 60
    for index, name in enumerate(series):
        items.append(el("rect", {"x": str(x), "y": str(y), "width": "12", "height": "12", "class": f"cn-s{index % 8}"}))
        items.append(el("text", {"x": str(x + 16), "y": str(y + 11), "class": "cn-legend"}, name))
        x += 24 + 7 * len(name)
    return el("g", None, items)


def stacked_columns(
    categories: Sequence[str],
    series: Sequence[str],
    values: Mapping[tuple[str, str], float],
    label_text: str,
    unit: str = "",
) -> Markup:
    """Vertical bars, one per category, stacked by series."""
    height, top, bottom, left = 300, 36, 40, 60
    totals = [sum(values.get((c, s), 0) for s in series) for c in categories]
    top_value = _nice_max(max(totals, default=0))
    plot_height = height - top - bottom
    band = (WIDTH - left - 10) / max(len(categories), 1)
    bar = min(band * 0.7, 60)
    parts: list[Markup] = [_legend(series, 8)]
    for tick in range(5):
        value = top_value * tick / 4
        y = top + plot_height - plot_height * tick / 4
        parts.append(
            el("line", {"x1": str(left), "x2": str(WIDTH - 10), "y1": f"{y:.1f}", "y2": f"{y:.1f}", "class": "cn-grid"})
        )
        parts.append(
            el(
                "text",
                {"x": str(left - 6), "y": f"{y + 4:.1f}", "class": "cn-axis", "text-anchor": "end"},
                compact(Decimal(str(value))) + unit,
            )
        )
    for index, category in enumerate(categories):
        x = left + band * index + (band - bar) / 2
        y = top + plot_height
        for s_index, name in enumerate(series):
            value = values.get((category, name), 0)
            if not value:
                continue
            h = plot_height * value / top_value
            y -= h
            parts.append(
                el(
                    "rect",
                    {
                        "x": f"{x:.1f}",
                        "y": f"{y:.1f}",
                        "width": f"{bar:.1f}",
                        "height": f"{h:.1f}",
                        "class": f"cn-s{s_index % 8}",
                    },
                    el("title", None, f"{category}, {name}: {compact(Decimal(str(value)))}{unit}"),
                )
            )
        parts.append(
            el(
                "text",
                {
                    "x": f"{x + bar / 2:.1f}",
                    "y": str(height - bottom + 16),
                    "class": "cn-axis",
                    "text-anchor": "middle",
                },
                category,
            )
        )
    return _svg(height, label_text, parts)


def bars(items: Sequence[tuple[str, float, int]], label_text: str, unit: str = "") -> Markup:
    """Horizontal bars: (label, value, colour index)."""
    row, left = 24, 300
    height = max(row * len(items) + 10, 40)
    top_value = max((value for _, value, _ in items), default=0) or 1
    parts: list[Markup] = []
    for index, (name, value, colour) in enumerate(items):
        y = 5 + index * row
        width = (WIDTH - left - 60) * value / top_value
        shown = name if len(name) <= 46 else name[:45] + "…"
        parts.append(
            el("text", {"x": str(left - 8), "y": str(y + 15), "class": "cn-axis", "text-anchor": "end"}, shown)
        )
        parts.append(
            el(
                "rect",
                {
                    "x": str(left),
                    "y": str(y + 3),
                    "width": f"{max(width, 1):.1f}",
                    "height": str(row - 8),
                    "class": f"cn-s{colour % 8}",
                },
                el("title", None, f"{name}: {compact(Decimal(str(value)))}{unit}"),
            )
        )
        parts.append(
            el(
                "text",
                {"x": f"{left + width + 6:.1f}", "y": str(y + 15), "class": "cn-axis"},
                compact(Decimal(str(value))) + unit,
            )
        )
    return _svg(height, label_text, parts)


def tile_map(counts: Mapping[str, int], label_text: str) -> Markup:
    """China's province-level divisions as tiles, shaded by number of cases."""
    size, gap, left, top = 62, 4, 20, 10
    height = top + 8 * (size + gap) + 10
    most = max(counts.values(), default=0) or 1
    parts: list[Markup] = []
    for code, (column, row) in TILES.items():
        count = counts.get(code, 0)
        x, y = left + column * (size + gap), top + row * (size + gap)
        shade = 0 if count == 0 else 1 + min(4, int(4 * count / most))
        name = province_name(code)
        parts.append(
            el(
                "g",
                {"class": f"cn-tile cn-t{shade}"},
                el("title", None, f"{name}: {count} case{'s' if count != 1 else ''}"),
                el("rect", {"x": str(x), "y": str(y), "width": str(size), "height": str(size), "rx": "4"}),
                el(
                    "text",
                    {"x": str(x + size / 2), "y": str(y + 24), "text-anchor": "middle", "class": "cn-tile-name"},
                    code[3:],
                ),
                el(
                    "text",
                    {"x": str(x + size / 2), "y": str(y + 46), "text-anchor": "middle", "class": "cn-tile-count"},
                    str(count) if count else "",
                ),
            )
        )
    return _svg(height, label_text, parts)


def _year(case: Case) -> str:
    return str(case.year) if case.year is not None else "undated"


def _years(cases: Sequence[Case]) -> list[str]:
    return sorted({_year(c) for c in cases}, key=lambda y: (y != "undated", y))


def statistics_body(site: Site) -> Markup:
    dataset = site.dataset
    cases = dataset.cases
    stats = statistics(cases, catalogue=dataset.catalogue)
    years = _years(cases)
    charts: list[Markup] = []

    # Cases per year by authority kind.
    kinds = [kind.value for kind in AuthorityKind] + ["not-named"]
    per_year: Counter[tuple[str, str]] = Counter()
    for case in cases:
        for kind in [k.value for k in site.authority_kinds(case)] or ["not-named"]:
            per_year[(_year(case), kind)] += 1
    used = [kind for kind in kinds if any(per_year[(y, kind)] for y in years)]
    charts.append(
        figure(
            "per-year",
            "Cases per year, by kind of authority",
            "A case with authorities of two kinds counts once under each.",
            stacked_columns(
                years,
                [label(k) for k in used],
                {(y, label(k)): per_year[(y, k)] for y in years for k in used},
                "Cases per year by authority kind",
            ),
            ["Year", *[label(k) for k in used]],
            [[y, *[str(per_year[(y, k)]) for k in used]] for y in years],
        )
    )

    # Cases by province.
    provinces = dict(stats.by_province)
    national = provinces.pop("national", 0)
    charts.append(
        figure(
            "provinces",
            "Cases by province",
            f"Where the action was taken. Nationwide actions ({national}) are not on the map.",
            tile_map(provinces, "Cases by province, as a tile map of China"),
            ["Province", "Cases"],
            [[province_name(code), str(count)] for code, count in stats.by_province.items()],
        )
    )

    # Most-cited instruments and articles.
    top_instruments = list(stats.by_instrument.items())[:12]
    charts.append(
        figure(
            "instruments",
            "Most-cited instruments",
            "Cases citing each instrument, in any role.",
            bars(
                [
                    (site.dataset.instruments[i].short_title_en or site.dataset.instruments[i].title_en, n, 0)
                    for i, n in top_instruments
                ],
                "Most-cited instruments",
            ),
            ["Instrument", "Cases"],
            [[site.dataset.instruments[i].title_en, str(n)] for i, n in top_instruments],
        )
    )
    articles: Counter[Provision] = Counter()
    for case in cases:
        articles.update(
            {
                Provision(instrument=c.provision.instrument, article=c.provision.article, version=c.provision.version)
                for c in case.citations()
                if c.provision.instrument is not None and c.provision.article is not None
            }
        )
    top_articles = sorted(articles.items(), key=lambda item: (-item[1], site.citation(item[0])))[:15]
    charts.append(
        figure(
            "articles",
            "Most-cited articles",
            "Cases citing each article, in the text the case cites.",
            bars([(site.short_citation(p), n, 1) for p, n in top_articles], "Most-cited articles"),
            ["Article", "Cases"],
            [[site.citation(p), str(n)] for p, n in top_articles],
        )
    )

    # Measures by kind.
    measure_items = [(kind, n) for kind, n in stats.by_measure_kind.items()]
    charts.append(
        figure(
            "measures",
            "Measures by kind",
            "Cases with at least one measure of each kind: penalties in red; corrective, "
            "supervisory and other measures in green (see the table for each kind's category).",
            bars(
                [(label(kind), n, 2 if MeasureKind(kind).is_penalty else 3) for kind, n in measure_items],
                "Cases by measure kind",
            ),
            ["Measure", "Category", "Cases"],
            [[label(kind), label(MeasureKind(kind).category.value), str(n)] for kind, n in measure_items],
        )
    )

    # Stated fines by year and authority level, respondents and persons apart.
    levels = [level.value for level in AuthorityLevel] + ["not-named"]
    for target, anchor, title in (
        (MeasureTarget.RESPONDENT, "fines-respondents", "Stated fines on respondents, by year and authority level"),
        (MeasureTarget.PERSONS, "fines-persons", "Stated fines on persons, by year and authority level"),
    ):
        sums: dict[tuple[str, str], float] = {}
        exact: dict[tuple[str, str], Decimal] = {}
        for case in cases:
            amount = fine_on(case, target)
            if amount:
                level = site.primary_level(case)
                key = (_year(case), level.value if level else "not-named")
                exact[key] = exact.get(key, Decimal(0)) + amount
                sums[(key[0], label(key[1]))] = float(exact[key])
        used_levels = [lv for lv in levels if any((y, lv) in exact for y in years)]
        charts.append(
            figure(
                anchor,
                title,
                "Yuan, as stated by the sources, under the level of the first authority the case names. "
                "Per-person fines count once per person; fines of undisclosed amount are left out (see below).",
                stacked_columns(years, [label(lv) for lv in used_levels], sums, title, ""),
                ["Year", *[label(lv) for lv in used_levels]],
                [[y, *[f"{exact[(y, lv)]:,}" if (y, lv) in exact else "" for lv in used_levels]] for y in years],
            )
        )

    # The share of undisclosed amounts.
    stated: Counter[str] = Counter()
    undisclosed: Counter[str] = Counter()
    for case in cases:
        for measure in case.penalties:
            if measure.is_fine:
                (stated if measure.amount is not None else undisclosed)[_year(case)] += 1
    charts.append(
        figure(
            "undisclosed",
            "Fines with and without a stated amount",
            "Fines per year, by whether the sources give the amount. Amounts that are not given are never guessed.",
            stacked_columns(
                years,
                ["Amount stated", "Amount not disclosed"],
                {
                    **{(y, "Amount stated"): stated[y] for y in years},
                    **{(y, "Amount not disclosed"): undisclosed[y] for y in years},
                },
                "Fines with and without a stated amount, per year",
            ),
            ["Year", "Amount stated", "Amount not disclosed"],
            [[y, str(stated[y]), str(undisclosed[y])] for y in years],
        )
    )
    disclosure = list(stats.by_disclosure.items())
    charts.append(
        figure(
            "disclosure",
            "What the sources say about measures",
            "Cases by whether their sources state the measures taken.",
            bars([(label(key), n, 4 + i) for i, (key, n) in enumerate(disclosure)], "Cases by disclosure of measures"),
            ["Disclosure", "Cases"],
            [[label(key), str(n)] for key, n in disclosure],
        )
    )

    here = STATISTICS_PAGE
    summary = el(
        "p",
        None,
        f"Computed from dataset version {dataset.version} when this site was built, with the counting rules of ",
        site.a("api/stats.md", here, el("code", None, "cnenforce.stats")),
        ": a case is one respondent in one action; only penalties count as penalties. ",
        site.a(browse_page("index"), here, "Browse the cases"),
        " behind any figure.",
    )
    return el("div", None, el("h1", None, "Statistics"), summary, charts)


def statistics_page(site: Site) -> GeneratedPage:
    return GeneratedPage(STATISTICS_PAGE, page("Statistics", statistics_body(site), kind="statistics"))


__all__ = ["TILES", "compact", "statistics_page"]
