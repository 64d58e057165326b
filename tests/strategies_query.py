"""Hypothesis strategies for query and statistics tests: datasets whose catalogue knows every
authority, campaign, action and instrument their cases use, so that every query value drawn
names something.

:func:`query_cases` draws every fact a query or a statistic can ask about (respondents and
their names, apps, authorities named and unnamed, places down to the district, national scope,
campaigns, citations of a renumbered law in both its texts, tags, events, measures of every
kind and target) and leaves the rest (sources) as in one real case, which keeps generation
fast.
"""

from __future__ import annotations

import attrs
from hypothesis import strategies as st

import cnenforce
from cnenforce import Dataset, Provision
from cnenforce.catalogue import Catalogue
from cnenforce.model import Authority, Campaign, Case, Region
from cnenforce.vocabulary import AuthorityKind, AuthorityLevel, Disclosure, Tag
from tests import strategies

PACKAGED = cnenforce.load()

AUTHORITIES = (
    Authority(id="state-cac", name_en="State Cyberspace Office", name_zh="国家网信办", kind=AuthorityKind.CYBERSPACE,
              level=AuthorityLevel.NATIONAL, aliases=("SCO",)),
    Authority(id="gd-cac", name_en="Guangdong Cyberspace Office", name_zh="广东省网信办", kind=AuthorityKind.CYBERSPACE,
              level=AuthorityLevel.PROVINCIAL, region=Region(province="CN-GD")),
    Authority(id="shantou-psb", name_en="Shantou Public Security Bureau", kind=AuthorityKind.PUBLIC_SECURITY,
              level=AuthorityLevel.MUNICIPAL, region=Region(province="CN-GD", city="Shantou", city_zh="汕头市")),
    Authority(id="minquan-psb", name_en="Minquan County Public Security Bureau", kind=AuthorityKind.PUBLIC_SECURITY,
              level=AuthorityLevel.COUNTY, region=Region(province="CN-HA", district="Minquan County")),
)  # fmt: skip
CAMPAIGNS = tuple(
    Campaign(id=campaign_id, name_en=name, name_zh=zh)
    for campaign_id, name, zh in (("jingwang", "Clean Network", "净网"), ("huwang", "Guard Network", "护网"),
                                  ("qinglang", "Clear and Bright", "清朗"))
)  # fmt: skip
CATALOGUE = Catalogue.of(PACKAGED.catalogue.instruments.values(), AUTHORITIES, CAMPAIGNS)
ACTIONS = ("notice-one", "notice-two")
ACTION_RECORDS = tuple(
    attrs.evolve(next(iter(PACKAGED.actions.values())), id=action_id, authorities=()) for action_id in ACTIONS
)


@st.composite
def cited(draw: st.DrawFn) -> Provision:
    """Provisions of the catalogue's CSL (two texts) and PIPL, and of an unresolved title."""
    which = draw(st.sampled_from(["csl", "csl", "pipl", "title"]))
    article = draw(st.none() | st.integers(19, 25))
    return Provision(
        instrument=None if which == "title" else which,
        title="反垄断法" if which == "title" else None,
        article=article,
        paragraph=None if article is None else draw(st.none() | st.integers(1, 2)),
        item=None if article is None else draw(st.none() | st.integers(1, 3)),
        version=draw(st.sampled_from([None, "2016", "2025"])) if which == "csl" and article is not None else None,
    )


TEMPLATE = PACKAGED["2017-yibin-teacher-training-website"]


@st.composite
def query_cases(draw: st.DrawFn) -> Case:
    """Generated cases (every fact a query can ask about, sources aside), with references the
    test catalogue resolves."""
    provisions = st.lists(cited(), max_size=2, unique=True).map(tuple)
    disclosure = draw(st.sampled_from(Disclosure))
    national = draw(st.booleans())
    measures = draw(st.lists(strategies.measures(), min_size=1, max_size=3)) if disclosure is Disclosure.STATED else []
    return attrs.evolve(
        TEMPLATE,
        id=draw(strategies.case_ids),
        title=draw(strategies.text),
        summary=draw(strategies.text),
        title_zh=draw(strategies.optional_text),
        summary_zh=draw(strategies.optional_text),
        respondent=draw(strategies.respondents()),
        measures_disclosure=disclosure,
        action=draw(st.none() | st.sampled_from(ACTIONS)),
        apps=tuple(draw(st.lists(strategies.apps, max_size=2))),
        authorities=tuple(draw(st.lists(st.sampled_from([a.id for a in AUTHORITIES]), max_size=2, unique=True))),
        unnamed_authorities=tuple(draw(st.lists(strategies.unnamed_authorities, max_size=1))),
        region=None if national else draw(st.none() | strategies.regions),
        national=national,
        campaigns=tuple(draw(st.lists(strategies.campaign_refs, max_size=1))),
        violations=draw(provisions),
        cited=draw(provisions),
        tags=tuple(draw(st.lists(st.sampled_from(Tag), max_size=3, unique=True))),
        events=tuple(
            sorted(
                draw(st.lists(strategies.events, max_size=3)), key=lambda e: e.date.sort_key() if e.date else (0, 0, 0)
            )
        ),
        measures=tuple(attrs.evolve(measure, basis=draw(provisions)) for measure in measures),
    )


datasets = st.lists(query_cases(), max_size=8, unique_by=lambda case: case.id).map(
    lambda found: Dataset.of(found, CATALOGUE, "2026.01.01", actions=ACTION_RECORDS)
)
