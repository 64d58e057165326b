"""The generated pages of the docs site (``docs/hooks/cnsite``), without building the site.

- Text from data is escaped for its medium everywhere: a hostile data directory (``<script>``,
  attr_list ``{: onclick=... }``, Markdown links, ``</title>``) renders as text, and URLs only
  ever come out of the encoder.
- Every field of the model reaches the case page.
- Every page the hook generates renders for the packaged data, and links only where it should.

The built site itself is tested in ``tests/test_browser.py`` (``pytest -m browser``).
"""

from __future__ import annotations

import datetime as dt
import html.parser
import json
import random
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import cnenforce
from cnenforce.contrib.changes import diff
from cnenforce.model import (
    App,
    CampaignRef,
    Case,
    Duration,
    Event,
    Measure,
    Member,
    Money,
    PartialDate,
    Person,
    Provision,
    Region,
    Respondent,
    Source,
    UnnamedAuthority,
)
from cnenforce.vocabulary import (
    AppKind,
    AuthorityKind,
    AuthorityLevel,
    Disclosure,
    EventKind,
    Language,
    MeasureKind,
    MeasureTarget,
    PersonRole,
    RespondentKind,
    Sector,
    SourceKind,
    Tag,
)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "docs" / "hooks"))

from cnsite.cases import case_body, source_item  # noqa: E402
from cnsite.context import Site  # noqa: E402
from cnsite.generate import generated_pages  # noqa: E402
from cnsite.home import LATEST, summary  # noqa: E402
from cnsite.html import Url, el, escape, external_url, join, relative_url  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "minimal"
BLOB = "https://github.com/cnenforce/cnenforce/blob/main/"
SITE_URL = "https://cnenforce.github.io/cnenforce/"

HOSTILE_TITLE = 'Hostile </title><script>alert("title")</script> {: onclick="alert(1)" } *x*'
HOSTILE_SUMMARY = '<script>window.__pwned = 1</script> [click](javascript:alert(1)) <img src=x onerror="alert(2)">'
HOSTILE_NOTE = '`code` | pipe \\ backslash ~~strike~~ ==mark== $x$ --8<-- "/etc/passwd" &amp; :smile:'


# --- the encoder -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        '{: onclick="alert(1)" }',
        "[a](javascript:alert(1))",
        "a\rb\nc\x1b[31m",
        "</div>\n\n# heading",
        "&lt; already escaped",
        "\u202eevil",
    ],
)
def test_escape_leaves_no_markup(text: str) -> None:
    escaped = escape(text)
    assert not re.search(r"[<>\"'`*_{}\[\]()|\\\r\n\x1b\u202e]", escaped), escaped
    assert "&" not in escaped.replace("&amp;", "").replace("&lt;", "").replace("&gt;", "").replace("&quot;", "") or (
        re.fullmatch(r"(?:[^&]|&#\d+;|&\w+;)*", escaped)
    )


def test_carriage_return_is_shown_not_obeyed() -> None:
    assert escape("a\rb") == "a&#92;x0db"  # shown as the four characters \x0d


def test_url_attributes_take_only_encoded_urls() -> None:
    with pytest.raises(TypeError):
        el("a", {"href": "https://example.com/"})
    with pytest.raises(ValueError, match="refusing"):
        el("a", {"onclick": "alert(1)"})
    with pytest.raises(ValueError, match="tag"):
        el("script src=x", None)
    link = el("a", {"href": Url("x.html"), "title": '"><script>'}, "<b>")
    assert link == '<a href="x.html" title="&quot;&gt;&lt;script&gt;">&lt;b&gt;</a>'


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "https://example.com/a)<svg onload=alert(1)>",
        'https://example.com/"onmouseover="alert(1)',
        "https://example.com/a b",
        "data:text/html,<script>alert(1)</script>",
        "https://example.com/\rx",
        "//example.com/x",
    ],
)
def test_hostile_urls_become_no_link(url: str) -> None:
    assert external_url(url) is None


def test_urls_are_percent_encoded() -> None:
    assert external_url("https://example.com/案例.txt?a=1&b=2") == "https://example.com/%E6%A1%88%E4%BE%8B.txt?a=1&b=2"
    assert el("a", {"href": external_url("https://e.com/?a=1&b=2")}) == '<a href="https://e.com/?a=1&amp;b=2"></a>'
    assert relative_url("cases/a)b.md", "index.md", directory_urls=False) == "cases/a%29b.html"
    assert relative_url("cases/x.md", "cases/y.md", directory_urls=True) == "../x/"
    assert relative_url("cases/x.md", "cases/y.md", directory_urls=False) == "x.html"
    assert relative_url("index.md", "cases/y.md", directory_urls=False) == "../index.html"
    assert relative_url("index.md", "cases/y.md", directory_urls=True) == "../../"
    assert relative_url("cases/y.md", "cases/y.md", directory_urls=False, fragment="a") == "y.html#a"


def test_a_source_url_that_escaped_validation_is_not_a_link() -> None:
    source = Source(kind=SourceKind.NEWS, publisher="P", url="https://example.com/ok")
    object.__setattr__(source, "url", "https://example.com/a)<svg onload=alert(1)>")  # bypass the model's rule
    item = source_item(source, 1, "sources[0]")
    assert "<svg" not in item
    assert "href" not in item
    assert "&lt;svg onload" not in item  # the URL is not shown as a link at all; the publisher labels it


def test_join_escapes_each_part() -> None:
    assert join(["<a>", escape("<b>")], " & ") == "&lt;a&gt; &amp; &lt;b&gt;"


# --- a hostile data directory ------------------------------------------------------------------


def _hostile_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(FIXTURE, target)
    path = target / "cases" / "2025-beijing-example-app.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        'title = "Example app fined for collecting personal information without consent"',
        f"title = {json.dumps(HOSTILE_TITLE)}\nnote = {json.dumps(HOSTILE_NOTE)}",
    )
    text = text.replace(
        'summary = "A fixture case: an app operator collected personal information without consent and was fined."',
        f"summary = {json.dumps(HOSTILE_SUMMARY)}\nsummary_zh = {json.dumps('恶意<script>摘要</script>')}",
    )
    text = text.replace(
        'name_en = "Beijing Example Technology Co., Ltd."', 'name_en = "Acme <b>Bold</b> & [Co](x) {: .big }"'
    )
    text = text.replace(
        'url = "https://www.example.gov.cn/2025/06/10/release.html"',
        'url = "https://www.example.gov.cn/2025/06/10/release.html?a=1&b=%3Cscript%3E"',
    )
    path.write_text(text, encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    data = _hostile_dir(tmp_path_factory.mktemp("hostile"))
    dataset = cnenforce.load(data)
    changes = (diff(None, dataset, date=dt.date(2026, 1, 1), digest="sha256:" + "0" * 64),)
    return Site(dataset=dataset, data_dir=data, repo_blob=BLOB, site_url=SITE_URL, changes=changes)


class _Elements(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(markup: str) -> _Elements:
    parser = _Elements()
    parser.feed(markup)
    parser.close()
    return parser


def _body(content: str) -> str:
    """The HTML block of a generated page (after its front matter)."""
    return content.split("\n---\n", 1)[1] if content.startswith("---\n") else content


def test_hostile_text_renders_as_text(hostile_site: Site) -> None:
    pages = list(generated_pages(hostile_site))
    case_id = "2025-beijing-example-app"
    for page in pages:
        if not page.src_uri.endswith(".md"):
            continue
        body = _body(page.content)
        parsed = _parse(body)
        for tag, attributes in parsed.elements:
            assert not any(name.startswith("on") for name in attributes), (page.src_uri, tag, attributes)
            if tag == "script":
                assert attributes.get("src", "").endswith("js/catalogue.js"), page.src_uri
            for name in ("href", "src"):
                value = attributes.get(name)
                if value is not None:
                    assert re.match(r"https://|\.\./|[a-z0-9#]", value), (page.src_uri, value)
                    assert not value.lower().startswith(("javascript:", "data:")), value
        # Outside tags (whose attributes Markdown never reads in a raw HTML block), nothing
        # Markdown could read as syntax, nothing an attr_list could attach.
        text = re.sub(r"<[^>]*>", "", body)
        for syntax in ("{:", "](", "--8<--"):
            assert syntax not in text, (page.src_uri, syntax)
    case_page = next(page for page in pages if page.src_uri == f"cases/{case_id}.md")
    text = " ".join(_parse(_body(case_page.content)).text)
    for hostile in (HOSTILE_TITLE, HOSTILE_SUMMARY, HOSTILE_NOTE, "恶意<script>摘要</script>"):
        assert hostile in text, hostile
    front = json.loads(case_page.content.split("\n")[1])
    assert "<" not in front["title"]
    assert "{" not in front["title"]


def test_hostile_text_in_the_feed_is_text(hostile_site: Site) -> None:
    feed = next(page for page in generated_pages(hostile_site) if page.src_uri == "feed.xml")
    root = ET.fromstring(feed.content.encode("utf-8"))
    titles = [element.text for element in root.iter("{http://www.w3.org/2005/Atom}title")]
    assert HOSTILE_TITLE in titles


# --- every field reaches the case page ---------------------------------------------------------

VALUE_TYPES = (PartialDate, Money, Duration, Region, Provision, CampaignRef, dt.date)
"""Values a page shows whole (a date, an amount, a citation): their parts are one field."""


def _leaves(obj: Any, path: str = "") -> Iterator[tuple[str | None, str]]:
    """``(field path, "Class.field")`` of every field of *obj* that is not at its default; the
    path is ``None`` for a record whose fields are shown one by one."""
    for field in attrs.fields(type(obj)):
        value = getattr(obj, field.name)
        here = f"{path}.{field.name}" if path else field.name
        if value is None or value == () or (field.default is not attrs.NOTHING and value == field.default):
            continue
        name = f"{type(obj).__name__}.{field.name}"
        if isinstance(value, tuple) and attrs.has(type(value[0])) and not isinstance(value[0], VALUE_TYPES):
            yield None, name
            for index, item in enumerate(value):
                yield from _leaves(item, f"{here}[{index}]")
        elif attrs.has(type(value)) and not isinstance(value, VALUE_TYPES):
            yield None, name
            yield from _leaves(value, here)
        elif isinstance(value, tuple) and isinstance(value[0], VALUE_TYPES):
            for index in range(len(value)):
                yield f"{here}[{index}]", name
        else:
            yield here, name


def _every_field(cls: type, seen: set[type] | None = None) -> set[str]:
    """Every ``Class.field`` reachable from *cls* through attrs classes that are not values."""
    seen = set() if seen is None else seen
    if cls in seen:
        return set()
    seen.add(cls)
    found: set[str] = set()
    hints = attrs.resolve_types(cls)
    for field in attrs.fields(hints):
        found.add(f"{cls.__name__}.{field.name}")
        for inner in re.findall(r"[A-Z][A-Za-z]+", str(field.type)):
            candidate = getattr(cnenforce.model, inner, None)
            if isinstance(candidate, type) and attrs.has(candidate) and not issubclass(candidate, VALUE_TYPES):
                found |= _every_field(candidate, seen)
    return found


def _full_case(action: str) -> Case:
    provision = Provision(instrument="csl", article=21, paragraph=1, item=2, version="2016")
    return Case(
        id="2025-every-field",
        title="Every field",
        title_zh="每个字段",
        summary="All fields are set.",
        summary_zh="所有字段都已填写。",
        respondent=Respondent(
            kind=RespondentKind.GROUP,
            name_en="Example Group",
            name_zh="示例集团",
            aliases=("Example", "EG"),
            description="a group of companies",
            description_zh="一家企业集团",
            region=Region(province="CN-SH", city="Shanghai", city_zh="上海市"),
            sector=Sector.SOFTWARE,
            services=("maps",),
            parent="Example Holdings",
            members=(Member(name_zh="示例甲公司", name_en="Example A", note="operates the app"),),
        ),
        measures_disclosure=Disclosure.STATED,
        action=action,
        apps=(
            App(
                name="示例",
                name_en="Example",
                kind=AppKind.MINI_PROGRAM,
                version="1.2",
                store="示例商店",
                operator="示例甲公司",
            ),
        ),
        authorities=("beijing-cac",),
        unnamed_authorities=(
            UnnamedAuthority(
                kind=AuthorityKind.PUBLIC_SECURITY,
                level=AuthorityLevel.COUNTY,
                region=Region(province="CN-BJ", district="Haidian", district_zh="海淀区"),
                description="a district public security bureau",
                description_zh="某区公安分局",
            ),
        ),
        region=Region(province="CN-BJ", city="Beijing", city_zh="北京市", district="Haidian", district_zh="海淀区"),
        campaigns=(CampaignRef(id="jingwang", year=2025),),
        violations=(provision,),
        cited=(Provision(title="Some Regulation", article=3),),
        tags=(Tag.SDK, Tag.CONSENT),
        events=(
            Event(kind=EventKind.INVESTIGATION_OPENED, date=PartialDate.parse("early 2025-01"), note="opened"),
            Event(kind=EventKind.DECIDED, date=PartialDate.parse("2025-03-04"), authority="beijing-cac", note="x"),
        ),
        measures=(
            Measure(
                kind=MeasureKind.FINE,
                target=MeasureTarget.PERSONS,
                amount=Money(amount=Decimal("20000"), currency="USD"),
                per_person=True,
                persons=(Person(name_zh="王某", name_en="Wang", role=PersonRole.EXECUTIVE, position="董事长"),),
                person_count=2,
                basis=(provision,),
                note="each of two persons",
            ),
            Measure(
                kind=MeasureKind.SUSPENSION_OF_BUSINESS,
                duration=Duration.parse("3 months"),
                interim=True,
            ),
            Measure(
                kind=MeasureKind.APP_REMOVAL,
                target=MeasureTarget.THIRD_PARTY,
                addressee="app stores",
                addressee_zh="应用商店",
            ),
        ),
        sources=(
            Source(
                kind=SourceKind.OFFICIAL,
                title="通报",
                publisher="北京市网信办",
                url="https://www.example.gov.cn/a.html",
                published=PartialDate.parse("2025-03-05"),
                language=Language.CHINESE,
                authors=("Li",),
                retrieved=dt.date(2025, 3, 6),
                archived_url="https://web.archive.org/web/2025/https://www.example.gov.cn/a.html",
                states=("measures[0].amount",),
                note="the release",
            ),
            Source(kind=SourceKind.MIRROR, url="https://mirror.example.com/a.html", copy_of=1),
        ),
        note="A remark on the record.",
    )


def test_every_model_field_reaches_the_case_page() -> None:
    fixture = cnenforce.load(FIXTURE)
    full = _full_case(next(iter(fixture.actions)))
    masked = Respondent(
        kind=RespondentKind.COMPANY, name_zh="长沙某科技有限公司", anonymised=True, description="a company in Changsha"
    )
    national = attrs.evolve(full, id="2025-every-field-national", region=None, national=True, respondent=masked)
    dataset = cnenforce.Dataset.of(
        [*fixture.cases, full, national], fixture.catalogue, fixture.version, actions=fixture.actions.values()
    )
    site = Site(dataset=dataset, repo_blob=BLOB, site_url=SITE_URL)
    exercised: set[str] = set()
    for case in (full, national):
        shown = {
            attributes["data-field"]
            for _, attributes in _parse(case_body(site, case)).elements
            if attributes.get("data-field") is not None
        }
        for path, name in _leaves(case):
            exercised.add(name)
            assert path is None or path in shown, f"{path} ({name}) is not on the case page of {case.id}"
    missing = _every_field(Case) - exercised
    assert not missing, f"the test case leaves these fields unset, so cannot check them: {sorted(missing)}"


# --- the packaged data -------------------------------------------------------------------------


def _sample() -> cnenforce.Dataset:
    """A seeded sample of the packaged data, with their actions: the pages of every case are
    built by `mkdocs build` in CI; here a sample keeps the test's time independent of the
    dataset's size."""
    full = cnenforce.load()
    chosen = random.Random(20261201).sample(full.cases, min(40, len(full.cases)))
    actions = {case.action for case in chosen if case.action}
    return cnenforce.Dataset.of(
        chosen,
        full.catalogue,
        full.version,
        digest=full.digest,
        actions=[action for key, action in full.actions.items() if key in actions],
    )


SAMPLE = _sample()


@pytest.fixture(scope="module")
def packaged_pages() -> dict[str, str]:
    site = Site(dataset=SAMPLE, data_dir=ROOT / "data", repo_blob=BLOB, site_url=SITE_URL)
    return {page.src_uri: page.content for page in generated_pages(site)}


def test_every_case_has_a_page_and_a_record(packaged_pages: dict[str, str]) -> None:
    dataset = SAMPLE
    catalogue = packaged_pages["cases/index.md"]
    for case in dataset:
        page = packaged_pages[f"cases/{case.id}.md"]
        assert f'data-case="{case.id}"' in page
        assert f"dataset version {dataset.version}" in page
        assert f'href="{case.id}.json"' in page
        assert json.loads(packaged_pages[f"cases/{case.id}.json"])["id"] == case.id
        assert f'data-id="{case.id}"' in catalogue
        assert f'href="{case.id}.html"' in catalogue


def test_case_pages_link_their_data_file(packaged_pages: dict[str, str]) -> None:
    dataset = SAMPLE
    for case in dataset:
        own = ROOT / "data" / "cases" / f"{case.id}.toml"
        path = f"data/cases/{case.id}.toml" if own.is_file() else f"data/actions/{case.action}.toml"
        assert f'href="{BLOB}{path}"' in packaged_pages[f"cases/{case.id}.md"], case.id


def test_case_page_facts() -> None:
    dataset = cnenforce.load()
    site = Site(dataset=dataset, site_url=SITE_URL)
    page = case_body(site, dataset["2017-yibin-teacher-training-website"])
    assert "Not named in the sources" in page
    assert "CNY 10,000" in page
    assert "CNY 5,000" in page
    assert "Legal representative" in page
    page = case_body(site, dataset["2017-boss-zhipin-real-name"])
    assert 'href="../authorities.html#beijing-cac"' in page


def test_index_pages_list_each_case(packaged_pages: dict[str, str]) -> None:
    dataset = SAMPLE
    for dimension in ("years", "provinces", "authorities", "measures", "tags", "instruments"):
        page = packaged_pages[f"browse/{dimension}.md"]
        for case in dataset:
            listed = f'href="../cases/{case.id}.html"' in page
            if dimension == "years" or (dimension == "measures" and case.measures):
                assert listed, (dimension, case.id)
            if dimension == "instruments" and case.instruments:
                assert listed, (dimension, case.id)


def test_statistics_page_has_charts_with_tables(packaged_pages: dict[str, str]) -> None:
    page = packaged_pages["statistics.md"]
    figures = page.count('<figure class="cn-chart"')
    assert figures >= 8
    assert page.count("<svg") == figures
    assert page.count("<table") == figures


def test_feed_is_atom(packaged_pages: dict[str, str]) -> None:
    root = ET.fromstring(packaged_pages["feed.xml"].encode("utf-8"))
    atom = "{http://www.w3.org/2005/Atom}"
    assert root.tag == f"{atom}feed"
    for entry in root.findall(f"{atom}entry"):
        assert entry.find(f"{atom}id") is not None
        assert entry.find(f"{atom}updated") is not None
        link = entry.find(f"{atom}link")
        assert link is not None
        assert link.get("href", "").startswith(SITE_URL + "cases/")


def test_generated_pages_are_single_html_blocks(packaged_pages: dict[str, str]) -> None:
    for uri, content in packaged_pages.items():
        if uri.endswith(".md"):
            body = _body(content).strip()
            assert body.startswith("<div"), uri
            assert body.endswith("</div>"), uri
            assert "\n\n" not in body, uri


def test_hook_docstring_examples() -> None:
    import doctest

    import cnsite.html

    failed, attempted = doctest.testmod(cnsite.html, optionflags=doctest.ELLIPSIS)
    assert attempted
    assert failed == 0


def test_home_lists_the_latest_cases_with_a_batch_notice_once() -> None:
    dataset = cnenforce.load()
    markup = summary(Site(dataset=dataset, site_url=SITE_URL))
    latest = markup.split('id="latest-cases"', 1)[1]
    links = re.findall(r'<li><a href="([^"]+)"', latest)
    assert 0 < len(links) <= LATEST
    assert len(links) == len(set(links)), "an entry is listed twice"
    batch_rows = {
        case.id
        for case in dataset.cases
        if case.action is not None and dataset.actions[case.action].kind.value == "batch-notice"
    }
    listed_cases = {link.rsplit("/", 1)[-1].removesuffix(".html") for link in links if "cases/" in link}
    assert not listed_cases & batch_rows, "a batch notice's row is listed on its own"
