"""Hypothesis strategies for citation tests: provisions that a catalogue can resolve or that stay unresolved.

A generated provision follows the version rule of :mod:`cnenforce.citations`: an article-level
provision of an instrument with several texts names one of them; whole-instrument references and
single-text instruments carry no version.
"""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import strategies as st

from cnenforce.catalogue import Catalogue
from cnenforce.model import Provision

articles = st.integers(min_value=1, max_value=300)
parts = st.none() | st.integers(min_value=1, max_value=12)

UNKNOWN_TITLES_EN = (
    "Anti-Monopoly Law",
    "Administrative Penalty Law of the People's Republic of China",
    "Measures for Cybersecurity Review",
    "Provisions on the Protection of Minors Online",
    "Law on Guarding State Secrets",
    "Criminal Law",
)
"""Real titles of instruments outside the test catalogue, as English texts write them."""

UNKNOWN_TITLES_ZH = (
    "反垄断法",
    "中华人民共和国行政处罚法",
    "网络安全审查办法",
    "刑法",
    "未成年人网络保护条例",
    "App违法违规收集使用个人信息行为认定方法",
)
"""Real Chinese titles of instruments outside the test catalogue."""


@st.composite
def article_parts(draw: st.DrawFn) -> tuple[int | None, int | None, int | None]:
    """(article, paragraph, item), or all ``None`` for a whole-instrument reference."""
    if draw(st.booleans()) and draw(st.booleans()):
        return None, None, None
    return draw(articles), draw(parts), draw(parts)


@st.composite
def resolved_provisions(draw: st.DrawFn, catalogue: Catalogue) -> Provision:
    """A provision of an instrument in *catalogue*, with a version where the rule gives one."""
    instrument = draw(st.sampled_from(sorted(catalogue.instruments.values(), key=lambda i: i.id)))
    article, paragraph, item = draw(article_parts())
    version = None
    if article is not None and len(instrument.versions) > 1:
        version = draw(st.sampled_from([v.id for v in instrument.versions]))
    return Provision(instrument=instrument.id, article=article, paragraph=paragraph, item=item, version=version)


@st.composite
def unresolved_provisions(draw: st.DrawFn, titles: tuple[str, ...]) -> Provision:
    """A provision of an instrument known only by one of *titles*."""
    article, paragraph, item = draw(article_parts())
    return Provision(title=draw(st.sampled_from(titles)), article=article, paragraph=paragraph, item=item)


# --- adversarial texts ---------------------------------------------------------------------------
# Each made an earlier version of find() quadratic or worse (every article looked back over all
# that was named before it, or re-read the text since), or made it take memory out of all
# proportion. Each takes a size in characters; the tests and benchmarks/bench_citations.py use them.

ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "see-article-after-one-law": lambda n: "Article 21 of the Cybersecurity Law." + " See Article 21." * (n // 15),
    "benfa-after-one-law": lambda n: "《网络安全法》" + "网络运营者应当履行本法第五条规定的义务；" * (n // 20),
    "gaifa-after-many-regulations": lambda n: (
        "《网络数据安全管理条例》" * (n // 24) + "依照该法第一条处罚；" * (n // 20)
    ),
    "articles-after-many-non-legal-books": lambda n: "《报告》" * (n // 8) + " See Article 21." * (n // 30),
    "articles-after-a-name-and-long-blanks": lambda n: "CSL" + " " * (n // 2) + "x" + " See Article 21." * (n // 30),
}
"""Texts of many citations, each tied to an instrument named far back (time)."""

LONG_LISTS: dict[str, Callable[[int], str]] = {
    "chinese-list": lambda n: "《网络安全法》" + "第一条、" * (n // 12),
    "english-list": lambda n: "Articles " + "1, " * (n // 3) + "and 2 of the CSL",
    "chinese-numbers": lambda n: "《网络安全法》第" + "一、" * (n // 6) + "二条",
}
"""One citation listing as many articles as *n* bytes of UTF-8 hold (memory)."""
