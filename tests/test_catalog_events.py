"""The events catalog and the street tier: every row against the letter and the reports.

The district's reply letter of 2024-09-02 (§一, §二, §八) names the events; the
addendum of December 2026 (§B) gives the report of the 3rd Guangdong skills
competition (92 events, 40 in Shenzhen, closing in Shenzhen); a report quoting the
city HR bureau dates the craftsman week (every December since 2021).
"""

import json
import textwrap

from datetime import date
from pathlib import Path
from typing import Any

import attrs
import jsonschema  # type: ignore[import-untyped]
import pytest

from hypothesis import given

from skillchain import InvalidValueError, Outcome, Policy, Provenance, ResidentId
from skillchain.catalog import (
    CATALOGS,
    CatalogFileError,
    CatalogKeyError,
    EventCategory,
    EventDating,
    EventEntry,
    EventFigure,
    EventFigureKind,
    EventKind,
    EventRole,
    EventTrade,
    competition_categories,
    editions,
    event_counts,
    events,
    occupations,
)
from skillchain.model import (
    Competition,
    CompetitionClass,
    CompetitionEntry,
    CompetitionFormat,
    CompetitionResult,
    CompetitionTier,
)
from skillchain.rules import competition_category, competition_entry, technical_expert
from skillchain.serialization import json_schema, structure, unstructure
from skillchain.testing import strategies as sk


LETTER = "ft-hr-2024-reply-2024090"
GD_REPORT = "gd-3rd-skills-competition-report"
WEEK_REPORT = "sz-craftsman-week-report"
KEYS = (
    "gd-3rd-skills-competition",
    "sz-class-one-contests-hosted",
    "futian-class-two-contests",
    "futian-street-contests",
    "garment-pattern-maker-2024",
    "craftsman-week-futian-venue",
    "chaozhou-cuisine-contest-2024",
)


def facts(row: EventEntry) -> list[Any]:
    """The row and every sourced fact it records."""
    return [
        row,
        *([row.category] if row.category else []),
        *([row.dating] if row.dating else []),
        *row.figures,
        *row.trades,
    ]


# --- the edition ----------------------------------------------------------------------


def test_the_edition_is_the_letters_and_partial() -> None:
    """One bundled edition, from the letter, partial, with the seven rows in order."""
    assert "events" in CATALOGS
    assert editions("events") == ("futian-2024",)
    cat = events()
    assert (cat.name, cat.edition, cat.year, cat.complete) == (
        "events",
        "futian-2024",
        2024,
        False,
    )
    assert cat.document.id == LETTER
    assert cat.keys() == KEYS
    assert events() is events("futian-2024")


def test_every_fact_cites_a_registered_document() -> None:
    """Row, classification, dating, figures and events all cite the register."""
    register = Policy.default().documents
    for row in events():
        assert row.key.isascii()
        for fact in facts(row):
            assert register[fact.document.id] == fact.document, row.key
            assert isinstance(fact.provenance, Provenance)
        assert {doc.id for doc in row.documents} == {f.document.id for f in facts(row)}
        assert row.documents[0] == row.document


def test_the_new_documents_are_the_reports_with_their_addresses() -> None:
    """The addendum's address for the 3rd Guangdong competition; the craftsman-week copy."""
    register = Policy.default().documents
    gd = register[GD_REPORT]
    assert gd.urls == (
        "http://m.egoregoncleaning.com/news/index/view/cateid/35/id/707645.html",
    )
    assert gd.provenance is Provenance.SECONDARY
    week = register[WEEK_REPORT]
    assert week.urls == ("http://www.52dho.com/xwzx/192439.html",)
    assert week.provenance is Provenance.SECONDARY


# --- each row by hand against its sources ---------------------------------------------


def test_the_3rd_guangdong_competition() -> None:
    """协办; provincial, no class; 92 events, 40 in Shenzhen (report, secondary);
    closing on 21 May; the year is inferred (the report gives none)."""
    row = events()["gd-3rd-skills-competition"]
    assert row.zh == "广东省第三届职业技能竞赛"
    assert (row.kind, row.role) == (EventKind.COMPETITION, EventRole.CO_ORGANISED)
    assert (row.document.id, row.provenance) == (LETTER, Provenance.OFFICIAL)
    assert row.category is not None
    assert (row.category.tier, row.category.competition_class) == (
        CompetitionTier.PROVINCIAL,
        None,
    )
    trades = row.figure(EventFigureKind.TRADES)
    in_shenzhen = row.figure(EventFigureKind.TRADES_IN_SHENZHEN)
    assert trades is not None
    assert in_shenzhen is not None
    assert (trades.value, trades.at_least, trades.document.id) == (92, False, GD_REPORT)
    assert (in_shenzhen.value, in_shenzhen.document.id) == (40, GD_REPORT)
    assert trades.provenance is in_shenzhen.provenance is Provenance.SECONDARY
    dating = row.dating
    assert dating is not None
    assert (dating.years, dating.first_day, dating.last_day) == (
        (2024,),
        None,
        date(2024, 5, 21),
    )
    assert dating.inferred
    assert dating.document.id == GD_REPORT
    assert "2024" in (dating.note or "")
    assert "深圳" in (row.place or "")
    assert row.figure(EventFigureKind.STREETS) is None


def test_the_city_class_one_contests_hosted() -> None:
    """承办; 市级一类; two named (服务机器人应用技术员, 服装制版师) of several; no year."""
    row = events()["sz-class-one-contests-hosted"]
    assert row.role is EventRole.HOSTED
    assert row.category is not None
    assert (row.category.tier, row.category.competition_class) == (
        CompetitionTier.MUNICIPAL,
        CompetitionClass.FIRST,
    )
    assert row.category.provenance is Provenance.OFFICIAL
    assert [(t.name, t.code) for t in row.trades] == [
        ("服务机器人应用技术员", "4-04-05-07"),
        ("服装制版师", "6-05-01-01"),
    ]
    figure = row.figure(EventFigureKind.TRADES)
    assert figure is not None
    assert (figure.value, figure.at_least, figure.label) == (2, True, "2+")
    assert row.dating is None
    assert row.years == ()
    assert row.held_in(2024) is None
    assert row.weakest_provenance is Provenance.OFFICIAL


def test_the_district_class_two_contests_twelve_years_running() -> None:
    """举办; 区级二类; 12 years (letter) dated 2013-2024 by inference; 室内设计师 is
    室内装饰设计师, Web3.0金融技术应用 no occupation."""
    row = events()["futian-class-two-contests"]
    assert row.role is EventRole.HELD
    assert row.category is not None
    assert (row.category.tier, row.category.competition_class) == (
        CompetitionTier.DISTRICT,
        CompetitionClass.SECOND,
    )
    years = row.figure(EventFigureKind.CONSECUTIVE_YEARS)
    assert years is not None
    assert (years.value, years.document.id, years.provenance) == (
        12,
        LETTER,
        Provenance.OFFICIAL,
    )
    assert row.years == tuple(range(2013, 2025))
    assert row.dating is not None
    assert row.dating.inferred
    assert row.dating.consecutive
    interior, web3 = row.trades
    assert interior.name == "室内设计师"
    assert interior.occupation is occupations()["4-08-08-07"]
    assert interior.occupation.zh == "室内装饰设计师"
    assert (web3.name, web3.occupation, web3.code) == ("Web3.0金融技术应用", None, None)
    assert row.held_in(2012) is False
    assert row.held_in(2013) is row.held_in(2024) is True


def test_the_first_street_contests() -> None:
    """举办; the street tier; 10 streets (letter, official); 2024 inferred."""
    row = events()["futian-street-contests"]
    assert row.role is EventRole.HELD
    assert row.tier is CompetitionTier.STREET
    assert row.category is not None
    assert row.category.competition_class is None
    assert row.category.label() == "街道级"
    streets = row.figure(EventFigureKind.STREETS)
    assert streets is not None
    assert (streets.value, streets.at_least, streets.provenance) == (
        10,
        False,
        Provenance.OFFICIAL,
    )
    assert row.dating is not None
    assert (row.years, row.dating.inferred) == ((2024,), True)
    assert "劳动技能竞赛" in row.zh


def test_the_garment_pattern_maker_contest_of_1_september_2024() -> None:
    """Dated 2024-09-01 by the letter (official); 市级一类 by inference (unverified)."""
    row = events()["garment-pattern-maker-2024"]
    assert row.zh == (
        "深圳市第十四届职工技术创新运动会暨2024年深圳技能大赛——服装制版师职业技能竞赛"
    )
    assert row.role is EventRole.HELD
    dating = row.dating
    assert dating is not None
    assert (dating.first_day, dating.last_day, dating.inferred) == (
        date(2024, 9, 1),
        date(2024, 9, 1),
        False,
    )
    assert (dating.document.id, dating.provenance) == (LETTER, Provenance.OFFICIAL)
    assert row.category is not None
    assert row.category.label() == "市级一类"
    assert row.category.provenance is Provenance.UNVERIFIED
    assert [t.code for t in row.trades] == ["6-05-01-01"]
    assert row.weakest_provenance is Provenance.UNVERIFIED


def test_the_craftsman_week_venue_three_years_running() -> None:
    """承办 three years running (letter); the years 2021-2023 are inferred from the
    week's start in 2021 (report) and the letter's date."""
    row = events()["craftsman-week-futian-venue"]
    assert row.zh == "深圳工匠活动周福田分会场"
    assert (row.kind, row.role) == (EventKind.CRAFTSMAN_WEEK_VENUE, EventRole.HOSTED)
    assert (row.category, row.trades, row.tier) == (None, (), None)
    years = row.figure(EventFigureKind.CONSECUTIVE_YEARS)
    assert years is not None
    assert (years.value, years.document.id) == (3, LETTER)
    dating = row.dating
    assert dating is not None
    assert (dating.years, dating.inferred, dating.document.id) == (
        (2021, 2022, 2023),
        True,
        WEEK_REPORT,
    )
    assert "2024-09-02" in (dating.note or "")
    # The letter's date is before the week of its own year (10-16 December).
    assert max(dating.years) < Policy.default().documents[LETTER].issued.year  # type: ignore[union-attr]


def test_the_chaozhou_contest_at_the_workstation() -> None:
    """§八: held in 2024 (its name says so) at the Chaozhou site; tier not known."""
    row = events()["chaozhou-cuisine-contest-2024"]
    assert row.role is EventRole.HELD
    assert row.category is None
    assert row.years == (2024,)
    assert row.dating is not None
    assert not row.dating.inferred
    assert "湘桥区" in (row.place or "")


# --- provenance of dating ---------------------------------------------------------


def test_inferred_dating_is_unverified_and_says_how() -> None:
    """Every inferred dating is unverified with a note; stated dating is not inferred."""
    inferred = [row.key for row in events() if row.dating and row.dating.inferred]
    assert inferred == [
        "gd-3rd-skills-competition",
        "futian-class-two-contests",
        "futian-street-contests",
        "craftsman-week-futian-venue",
    ]
    for row in events():
        if row.dating is None:
            continue
        if row.dating.inferred:
            assert row.dating.provenance is Provenance.UNVERIFIED
            assert row.dating.note
            assert row.weakest_provenance is Provenance.UNVERIFIED
        else:
            assert row.dating.provenance is Provenance.OFFICIAL


def test_consecutive_years_agree_with_the_dating() -> None:
    """Where a row says N years running, its dating spans N consecutive years."""
    for row in events():
        figure = row.figure(EventFigureKind.CONSECUTIVE_YEARS)
        if figure is None:
            continue
        assert row.dating is not None
        assert row.dating.consecutive
        assert len(row.years) == figure.value


# --- the street tier --------------------------------------------------------------


def test_the_street_tier_is_below_the_district_tier() -> None:
    """街道级 is the last tier and the last category row, keyed by the tier alone."""
    assert list(CompetitionTier)[-2:] == [
        CompetitionTier.DISTRICT,
        CompetitionTier.STREET,
    ]
    assert (CompetitionTier.STREET.zh, CompetitionTier.STREET.en) == (
        "街道级",
        "street",
    )
    cats = competition_categories()
    keys = cats.keys()
    assert keys[-1] == "street"
    assert max(i for i, key in enumerate(keys) if key.startswith("district")) < (
        keys.index("street")
    )
    street = cats[CompetitionTier.STREET]
    assert street.competition_class is None
    assert (street.document.id, street.provenance) == (LETTER, Provenance.OFFICIAL)
    assert "10" in (street.meaning or "")
    with pytest.raises(CatalogKeyError):
        cats[CompetitionTier.STREET, CompetitionClass.FIRST]


def _street_contest(**changes: Any) -> Competition:
    fields: dict[str, Any] = {
        "name": "福田区某街道劳动技能竞赛",
        "year": 2025,
        "tier": CompetitionTier.STREET,
        "event": "某赛项",
        "competition_format": CompetitionFormat.INDIVIDUAL,
        "finalists": 60,
    }
    fields.update(changes)
    return Competition(**fields)


PERSON = ResidentId("11010519491231002X")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _young_man() -> ResidentId:
    """A Futian identity number of a man born on 2000-01-01."""
    body = "44030420000101001"
    total = sum(int(c) * w for c, w in zip(body, _WEIGHTS, strict=True))
    return ResidentId(body + "10X98765432"[total % 11])


def test_a_street_contest_is_outside_the_city_entry_rule() -> None:
    """The entry rule covers city and district contests: a street contest is out of
    scope (ineligible on scope alone), not taken for a district one."""
    entry = CompetitionEntry(
        person=_young_man(),
        competition=_street_contest(),
        works_or_studies_in_shenzhen=True,
        nominated=True,
    )
    decision = competition_entry(entry, on=date(2025, 7, 20))
    assert decision.outcome is Outcome.INELIGIBLE
    assert [f.check for f in decision.failed] == ["competitions.entry.scope"]


def test_a_street_contest_earns_no_city_title_and_has_no_category() -> None:
    """深圳市技术能手 comes from 市级一类 contests: a street contest's winner is refused
    on the category, whatever the class; competition_category finds no row."""
    for klass in (None, CompetitionClass.FIRST):
        contest = _street_contest(competition_class=klass)
        result = CompetitionResult(
            person=PERSON, competition=contest, rank=1, passed_all_parts=True
        )
        decision = technical_expert(PERSON, (result,), on=date(2025, 12, 1))
        assert decision.outcome is Outcome.INELIGIBLE
        assert "competitions.technical_expert.category" in [
            f.check for f in decision.failed
        ]
        assert competition_category(contest) is None


# --- counting ---------------------------------------------------------------------


def test_event_counts_by_hand() -> None:
    """All rows, 2024, 2023 and 2012, counted by kind and tier."""
    comp, week = EventKind.COMPETITION, EventKind.CRAFTSMAN_WEEK_VENUE
    assert event_counts() == {
        (comp, CompetitionTier.PROVINCIAL): 1,
        (comp, CompetitionTier.MUNICIPAL): 2,
        (comp, CompetitionTier.DISTRICT): 1,
        (comp, CompetitionTier.STREET): 1,
        (comp, None): 1,
        (week, None): 1,
    }
    # The hosted city contests have no year: they count only without one.
    assert event_counts(year=2024) == {
        (comp, CompetitionTier.PROVINCIAL): 1,
        (comp, CompetitionTier.MUNICIPAL): 1,
        (comp, CompetitionTier.DISTRICT): 1,
        (comp, CompetitionTier.STREET): 1,
        (comp, None): 1,
    }
    assert event_counts(year=2023) == {
        (comp, CompetitionTier.DISTRICT): 1,
        (week, None): 1,
    }
    assert event_counts(year=2012) == {}
    assert sum(event_counts().values()) == len(events())


@given(rows=sk.event_entries().map(lambda row: (row,)))
def test_event_counts_of_any_rows(rows: tuple[EventEntry, ...]) -> None:
    """A row counts once, under its kind and tier, in each year it is dated to."""
    (row,) = rows
    assert event_counts(rows) == {(row.kind, row.tier): 1}
    for year in (*row.years, 1999):
        expected = {(row.kind, row.tier): 1} if year in row.years else {}
        assert event_counts(rows, year=year) == expected


# --- the types --------------------------------------------------------------------


def _dating(**changes: Any) -> EventDating:
    base = events()["garment-pattern-maker-2024"].dating
    assert base is not None
    return attrs.evolve(base, **changes)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"years": ()}, "EventDating.years"),
        ({"years": (2024, 2023)}, "EventDating.years"),
        ({"years": (2024, 2024)}, "EventDating.years"),
        ({"years": (24,)}, "EventDating.years"),
        ({"years": (2023,)}, "EventDating.first_day"),
        ({"first_day": date(2024, 9, 2)}, "EventDating.last_day"),
        ({"inferred": True}, "EventDating.provenance"),
        (
            {"inferred": True, "provenance": Provenance.UNVERIFIED, "note": None},
            "EventDating.note",
        ),
    ],
)
def test_invalid_dating_is_refused(changes: dict[str, Any], field: str) -> None:
    """Years ascending and in range, days in the years and in order, inferred = unverified."""
    with pytest.raises(InvalidValueError) as info:
        _dating(**changes)
    assert info.value.field == field


def test_only_a_competition_has_a_category_and_events() -> None:
    """A craftsman-week row with a classification or events is refused; so are two
    figures of one kind and a negative figure."""
    week = events()["craftsman-week-futian-venue"]
    contest = events()["sz-class-one-contests-hosted"]
    with pytest.raises(InvalidValueError, match=r"EventEntry\.category"):
        attrs.evolve(week, category=contest.category)
    with pytest.raises(InvalidValueError, match=r"EventEntry\.trades"):
        attrs.evolve(week, trades=contest.trades)
    with pytest.raises(InvalidValueError, match=r"EventEntry\.figures"):
        attrs.evolve(week, figures=(*week.figures, *week.figures))
    with pytest.raises(InvalidValueError, match=r"EventFigure\.value"):
        attrs.evolve(week.figures[0], value=-1)


def test_renderings_for_the_catalog_page() -> None:
    """str() of each fact is what the catalog page's table shows."""
    rows = events()
    assert (
        str(rows["futian-class-two-contests"].dating)
        == "2013–2024 (inferred, unverified)"
    )
    assert str(rows["garment-pattern-maker-2024"].dating) == "2024-09-01 (official)"
    assert (
        str(rows["gd-3rd-skills-competition"].dating)
        == "2024 (last day 2024-05-21) (inferred, unverified)"
    )
    assert str(rows["futian-street-contests"].category) == "街道级 (official)"
    assert str(rows["sz-class-one-contests-hosted"].category) == "市级一类 (official)"
    assert rows["sz-class-one-contests-hosted"].category.label("en") == (  # type: ignore[union-attr]
        "municipal, class one"
    )
    interior, web3 = rows["futian-class-two-contests"].trades
    assert (str(interior), str(web3)) == (
        "室内设计师 (室内装饰设计师 4-08-08-07)",
        "Web3.0金融技术应用",
    )
    assert (
        str(rows["sz-class-one-contests-hosted"].trades[1]) == "服装制版师 (6-05-01-01)"
    )
    assert str(rows["futian-street-contests"].figures[0]) == "streets 10 (official)"
    assert [str(f) for f in rows["sz-class-one-contests-hosted"].figures] == [
        "trades 2+ (official)"
    ]


def test_bundled_rows_travel_as_json_and_satisfy_the_schema() -> None:
    """Every bundled row round-trips through JSON and validates against its schema."""
    validator = jsonschema.Draft202012Validator(json_schema(EventEntry))
    for row in events():
        data = json.loads(json.dumps(unstructure(row), ensure_ascii=False))
        validator.validate(data)
        assert structure(data, EventEntry) == row
    tier_schema = json.dumps(json_schema(CompetitionTier), ensure_ascii=False)
    assert '"street"' in tier_schema


def test_event_types_are_public_with_strategies() -> None:
    """The new public types and enums are exported and registered for st.from_type."""
    for cls in (EventEntry, EventCategory, EventDating, EventFigure, EventTrade):
        assert cls in sk.REGISTERED_TYPES
    for enum_cls in (EventKind, EventRole, EventFigureKind):
        for member in enum_cls:
            assert member.zh.strip()
            assert member.en.strip()


# --- a district's own file --------------------------------------------------------


def _file(tmp_path: Path, rows: str) -> Path:
    text = textwrap.dedent(
        f"""
        format = 1
        catalog = "events"
        edition = "futian-2025"
        title = "福田区活动（2025年）"
        title_en = "Futian events (2025)"
        document = "{LETTER}"
        complete = false
        """
    ) + textwrap.dedent(rows)
    path = tmp_path / "events.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_district_events_file_loads(tmp_path: Path) -> None:
    """A district's list in the same format; inferred dating defaults to unverified."""
    source = _file(
        tmp_path,
        """
        [rows.street-2025]
        zh = "街道劳动技能竞赛"
        en = "street contests"
        kind = "competition"
        role = "held"

        [rows.street-2025.category]
        tier = "street"

        [rows.street-2025.dating]
        years = [2025]
        inferred = true
        note = "Assumed from the report's date."

        [[rows.street-2025.trades]]
        name = "养老护理员"
        occupation = "4-10-01-05"

        [[rows.street-2025.figures]]
        kind = "streets"
        value = 10
        """,
    )
    cat = events(source=source)
    row = cat["street-2025"]
    assert row.dating is not None
    assert row.dating.provenance is Provenance.UNVERIFIED
    assert row.category is not None
    assert row.category.document.id == LETTER
    assert row.trades[0].code == "4-10-01-05"
    assert event_counts(cat, year=2025) == {
        (EventKind.COMPETITION, CompetitionTier.STREET): 1
    }


ROW = '[rows.a]\nzh = "甲"\nen = "a"\nkind = "competition"\nrole = "held"\n'

MALFORMED = [
    # (id, rows, TOML path of the problem, words in its message)
    ("bad-kind", ROW.replace("competition", "parade"), "rows.a.kind", "one of"),
    ("missing-role", ROW.replace('role = "held"\n', ""), "rows.a.role", "missing"),
    (
        "year-as-text",
        ROW + '[rows.a.dating]\nyears = ["2024"]\n',
        "rows.a.dating.years[0]",
        "whole number",
    ),
    (
        "inferred-but-official",
        ROW
        + '[rows.a.dating]\nyears = [2024]\ninferred = true\nprovenance = "official"\nnote = "x"\n',
        "rows.a.dating",
        "'unverified' for dating worked out",
    ),
    (
        "day-outside-years",
        ROW + "[rows.a.dating]\nyears = [2024]\nfirst_day = 2023-01-01\n",
        "rows.a.dating",
        "not in the years",
    ),
    (
        "figures-not-array",
        ROW + '[rows.a.figures]\nkind = "streets"\nvalue = 10\n',
        "rows.a.figures",
        "array of tables",
    ),
    (
        "negative-figure",
        ROW + '[[rows.a.figures]]\nkind = "streets"\nvalue = -1\n',
        "rows.a.figures[0].value",
        "whole number from 0",
    ),
    (
        "unknown-occupation",
        ROW + '[[rows.a.trades]]\nname = "甲"\noccupation = "4-10-01-99"\n',
        "rows.a.trades[0].occupation",
        "occupations (edition 2022) has no row",
    ),
    (
        "bad-tier",
        ROW + '[rows.a.category]\ntier = "village"\n',
        "rows.a.category.tier",
        "one of national",
    ),
    (
        "week-with-category",
        ROW.replace("competition", "craftsman_week_venue")
        + '[rows.a.category]\ntier = "street"\n',
        "rows.a",
        "only a competition has one",
    ),
    (
        "unknown-fact-document",
        ROW + '[[rows.a.figures]]\nkind = "streets"\nvalue = 1\ndocument = "nowhere"\n',
        "rows.a.figures[0].document",
        "unknown document",
    ),
]


@pytest.mark.parametrize(
    ("rows", "path", "words"),
    [case[1:] for case in MALFORMED],
    ids=[case[0] for case in MALFORMED],
)
def test_a_malformed_events_file_names_path_and_reason(
    tmp_path: Path, rows: str, path: str, words: str
) -> None:
    """Each problem is reported at its TOML path; nothing is loaded."""
    with pytest.raises(CatalogFileError) as info:
        events(source=_file(tmp_path, rows))
    found = [p for p in info.value.problems if p.path == path]
    assert found, [str(p) for p in info.value.problems]
    assert any(words in p.message for p in found), [str(p) for p in found]
