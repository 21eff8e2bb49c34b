"""Competition classification, entry and 深圳市技术能手.

Figures: the 2022 city contest notice (entry from 16; 深圳市技术能手 places by
finalists: 50 or more -> 8, seen in a copy; 25-49 -> 4 and 10-24 -> 2, from notes no
copy confirms) and the NPC Standing Committee's 2024 retirement decision (from
2025-01-01 one month of delay per 4 months of original retirement dates for men and
women cadres, per 2 months for women workers; up to 63, 58 and 55).
"""

import random
import re

from datetime import date

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from skillchain import Outcome, Policy, Provenance, ResidentId
from skillchain.errors import InvalidValueError
from skillchain.model import (
    Competition,
    CompetitionClass,
    CompetitionEntry,
    CompetitionFormat,
    CompetitionResult,
    CompetitionTier,
    Honour,
)
from skillchain.rules import (
    TECHNICAL_EXPERT_RULE,
    Allocation,
    award_technical_experts,
    competition_category,
    competition_entry,
    technical_expert,
)
from skillchain.testing.strategies import competition_entries


_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def rid(birth: date, sequence: int = 1) -> ResidentId:
    """A Futian-prefixed identity number (odd sequence: male, even: female)."""
    body = f"440304{birth:%Y%m%d}{sequence:03d}"
    total = sum(int(c) * w for c, w in zip(body, _WEIGHTS, strict=True))
    return ResidentId(body + "10X98765432"[total % 11])


def city_event(**changes: object) -> Competition:
    fields: dict[str, object] = {
        "name": "深圳技能大赛——某赛项",
        "year": 2022,
        "tier": CompetitionTier.MUNICIPAL,
        "competition_class": CompetitionClass.FIRST,
        "event": "某赛项",
        "competition_format": CompetitionFormat.INDIVIDUAL,
        "finalists": 50,
    }
    fields.update(changes)
    return Competition(**fields)  # type: ignore[arg-type]


def entry(person: ResidentId, **changes: object) -> CompetitionEntry:
    fields: dict[str, object] = {
        "person": person,
        "competition": city_event(year=2025),
        "works_or_studies_in_shenzhen": True,
        "nominated": True,
    }
    fields.update(changes)
    return CompetitionEntry(**fields)  # type: ignore[arg-type]


def checks(findings: object) -> tuple[str, ...]:
    return tuple(f.check for f in findings)  # type: ignore[attr-defined]


def finding(decision: object, check: str) -> object:
    for found in decision.findings:  # type: ignore[attr-defined]
        if found.check == check:
            return found
    raise AssertionError(check)


# --- classification ---------------------------------------------------------------


def test_classification_reads_the_catalog() -> None:
    assert competition_category(city_event()).zh == "市级一类"  # type: ignore[union-attr]
    second = city_event(competition_class=CompetitionClass.SECOND)
    assert competition_category(second).zh == "市级二类"  # type: ignore[union-attr]
    assert competition_category(city_event(competition_class=None)) is None
    # No source describes a 区级一类 contest.
    district_first = city_event(tier=CompetitionTier.DISTRICT)
    assert competition_category(district_first) is None


# --- entry: age ---------------------------------------------------------------------

MAN_2000 = rid(date(2000, 1, 1))


def test_sixteenth_birthday_is_the_first_eligible_day() -> None:
    teen = rid(date(2008, 3, 1))
    on_birthday = competition_entry(entry(teen), on=date(2024, 3, 1))
    assert on_birthday.outcome is Outcome.ELIGIBLE
    day_before = competition_entry(entry(teen), on=date(2024, 2, 29))
    assert day_before.outcome is Outcome.INELIGIBLE
    assert checks(day_before.failed) == ("competitions.entry.min_age",)
    # Before the 2022 notice no least age is in force: undetermined.
    early = competition_entry(entry(MAN_2000), on=date(2021, 1, 1))
    assert early.missing == ("competitions.entry_min_age",)


def test_man_retiring_before_2025_keeps_age_60() -> None:
    # Born 1964-12-15: original date 2024-12-15 is before the delay starts.
    person = rid(date(1964, 12, 15))
    assert competition_entry(entry(person), on=date(2024, 12, 14)).outcome is (
        Outcome.ELIGIBLE
    )
    late = competition_entry(entry(person), on=date(2024, 12, 15))
    assert checks(late.failed) == ("competitions.entry.retirement",)


def test_man_born_january_1965_retires_one_month_later() -> None:
    # Original date 2025-01-15: 0 months after 2025-01, 0 // 4 + 1 = 1 month.
    person = rid(date(1965, 1, 15))
    assert competition_entry(entry(person), on=date(2025, 2, 14)).outcome is (
        Outcome.ELIGIBLE
    )
    decision = competition_entry(entry(person), on=date(2025, 2, 15))
    assert decision.outcome is Outcome.INELIGIBLE
    assert dict(finding(decision, "competitions.entry.retirement").values)[  # type: ignore[attr-defined]
        "retires_on"
    ] == date(2025, 2, 15)


def test_man_born_september_1976_reaches_63() -> None:
    # 2036-09 is 140 months after 2025-01: 140 // 4 + 1 = 36 = (63 - 60) * 12.
    person = rid(date(1976, 9, 10))
    assert competition_entry(entry(person), on=date(2039, 9, 9)).outcome is (
        Outcome.ELIGIBLE
    )
    assert competition_entry(entry(person), on=date(2039, 9, 10)).outcome is (
        Outcome.INELIGIBLE
    )


def test_a_missing_delay_step_is_never_read_as_no_delay() -> None:
    """Without the men's delay step in the policy, neither a retirement in 2039 nor
    one in 2024 can be dated: the figure is named, not taken as "no delay"."""
    no_step = _without("competitions.retirement_delay_step_male")
    for person, on in (
        (rid(date(1976, 9, 10)), date(2039, 9, 9)),
        (rid(date(1964, 12, 15)), date(2024, 12, 14)),
    ):
        decision = competition_entry(entry(person), on=on, policy=no_step)
        assert decision.outcome is Outcome.UNDETERMINED
        assert decision.missing == ("competitions.retirement_delay_step_male",)
    # With the bundled history, a 2024 original date is before the delay began.
    assert competition_entry(
        entry(rid(date(1964, 12, 15))), on=date(2024, 12, 14)
    ).outcome is (Outcome.ELIGIBLE)


def test_woman_category_asked_only_when_it_matters() -> None:
    # Born 1975-03-10.  Worker: original 2025-03-10, 2 months after 2025-01,
    # 2 // 2 + 1 = 2 -> 2025-05-10.  Cadre: original 2030-03-10, 62 months,
    # 62 // 4 + 1 = 16 -> 2031-07-10.
    woman = rid(date(1975, 3, 10), sequence=2)
    unsure = competition_entry(entry(woman), on=date(2026, 1, 1))
    assert unsure.outcome is Outcome.UNDETERMINED
    assert unsure.missing == ("entry.cadre_post",)
    worker = competition_entry(entry(woman, cadre_post=False), on=date(2025, 5, 10))
    assert checks(worker.failed) == ("competitions.entry.retirement",)
    assert competition_entry(
        entry(woman, cadre_post=False), on=date(2025, 5, 9)
    ).outcome is (Outcome.ELIGIBLE)
    cadre = competition_entry(entry(woman, cadre_post=True), on=date(2031, 7, 9))
    assert cadre.outcome is Outcome.ELIGIBLE
    assert competition_entry(
        entry(woman, cadre_post=True), on=date(2031, 7, 10)
    ).outcome is (Outcome.INELIGIBLE)
    # Before either date the category does not matter.
    assert competition_entry(entry(woman), on=date(2025, 5, 9)).outcome is (
        Outcome.ELIGIBLE
    )


# --- entry: place, nomination, titles --------------------------------------------


def test_place_and_nomination() -> None:
    on = date(2025, 7, 20)
    away = competition_entry(entry(MAN_2000, works_or_studies_in_shenzhen=False), on=on)
    assert checks(away.failed) == ("competitions.entry.shenzhen",)
    nationwide = entry(
        MAN_2000,
        works_or_studies_in_shenzhen=False,
        competition=city_event(year=2025, open_nationwide=True),
    )
    assert competition_entry(nationwide, on=on).outcome is Outcome.ELIGIBLE
    unknown = competition_entry(
        entry(MAN_2000, works_or_studies_in_shenzhen=None, nominated=None), on=on
    )
    assert unknown.outcome is Outcome.UNDETERMINED
    assert unknown.missing == ("entry.works_or_studies_in_shenzhen", "entry.nominated")
    assert checks(
        competition_entry(entry(MAN_2000, nominated=False), on=on).failed
    ) == ("competitions.entry.nominated",)
    national = entry(MAN_2000, competition=city_event(tier=CompetitionTier.NATIONAL))
    assert checks(competition_entry(national, on=on).failed) == (
        "competitions.entry.scope",
    )


def _title(key: str, event: str | None) -> Honour:
    return Honour(
        holder=MAN_2000,
        key=key,
        title="深圳市技术能手",
        awarded_on=date(2023, 1, 1),
        event=event,
    )


def test_technical_expert_may_not_reenter_the_same_event() -> None:
    on = date(2025, 7, 20)
    same = entry(MAN_2000, honours=(_title("shenzhen-technical-expert", "某赛项"),))
    decision = competition_entry(same, on=on)
    assert checks(decision.failed) == ("competitions.entry.not_titled",)
    other = entry(MAN_2000, honours=(_title("shenzhen-technical-expert", "别的赛项"),))
    assert competition_entry(other, on=on).outcome is Outcome.ELIGIBLE
    unknown = entry(MAN_2000, honours=(_title("shenzhen-technical-expert", None),))
    assert competition_entry(unknown, on=on).missing == ("entry.honours[0].event",)
    # 福田区技术能手 bars re-entry only at a district contest.
    district = city_event(tier=CompetitionTier.DISTRICT, year=2025)
    futian = _title("futian-technical-expert", "某赛项")
    assert competition_entry(entry(MAN_2000, honours=(futian,)), on=on).outcome is (
        Outcome.ELIGIBLE
    )
    barred = competition_entry(
        entry(MAN_2000, honours=(futian,), competition=district), on=on
    )
    assert checks(barred.failed) == ("competitions.entry.not_titled",)


def test_entry_explanations_name_the_notice() -> None:
    decision = competition_entry(entry(MAN_2000), on=date(2025, 7, 20))
    zh = decision.explain("zh")
    en = decision.explain("en")
    assert "深圳技能大赛" in zh
    assert "retirement" in en


def test_entry_findings_cite_their_notices() -> None:
    """At a city contest (2025-07-20) the barring-title finding cites the city's 2022
    notice and Futian's 2024 notice, which bars 福田区技术能手 holders too; a woman's
    retirement finding cites the 2024 decision's article 一 once."""
    decision = competition_entry(entry(MAN_2000), on=date(2025, 7, 20))
    titled = finding(decision, "competitions.entry.not_titled")
    assert [c.document.id for c in titled.citations] == [  # type: ignore[attr-defined]
        "sz-2022-skills-contest",
        "ft-2024-staff-contest",
    ]
    woman = rid(date(1975, 3, 10), sequence=2)
    retirement = finding(
        competition_entry(entry(woman), on=date(2025, 5, 9)),
        "competitions.entry.retirement",
    )
    assert [
        (c.document.id, c.article)
        for c in retirement.citations  # type: ignore[attr-defined]
    ] == [("npc-2024-retirement-decision", "一")]


def test_entry_rejects_non_entries() -> None:
    with pytest.raises(InvalidValueError, match="entry"):
        competition_entry("x", on=date(2025, 1, 1))  # type: ignore[arg-type]


# The promises every rule keeps (the outcome follows the findings, the decision names
# its rule...) are checked for this rule with the others, by the contract in
# test_rules_contract.py.


@settings(max_examples=60)
@given(competition_entries(), st.dates(date(2019, 1, 1), date(2030, 12, 31)))
def test_an_eligible_entrant_was_born_before_the_day(
    drawn: CompetitionEntry, on: date
) -> None:
    if competition_entry(drawn, on=on).outcome is Outcome.ELIGIBLE:
        assert drawn.person.birth_date < on


@settings(max_examples=40)
@given(competition_entries(), st.dates(date(2019, 1, 1), date(2030, 12, 31)))
def test_knowing_the_womans_category_never_unsettles_a_decided_case(
    drawn: CompetitionEntry, on: date
) -> None:
    unknown = competition_entry(
        CompetitionEntry(
            person=drawn.person,
            competition=drawn.competition,
            works_or_studies_in_shenzhen=drawn.works_or_studies_in_shenzhen,
            nominated=drawn.nominated,
            honours=drawn.honours,
        ),
        on=on,
    )
    known = competition_entry(drawn, on=on)
    if unknown.outcome is not Outcome.UNDETERMINED:
        assert known.outcome is unknown.outcome


# --- 深圳市技术能手 -------------------------------------------------------------------

ON = date(2022, 10, 1)


def results_of(event: Competition, count: int) -> list[CompetitionResult]:
    return [
        CompetitionResult(
            person=rid(date(1990, 1, 1), sequence=rank),
            competition=event,
            rank=rank,
            passed_all_parts=True,
        )
        for rank in range(1, count + 1)
    ]


@pytest.mark.parametrize(
    ("finalists", "places"),
    [(50, 8), (49, 4), (25, 4), (24, 2), (10, 2), (9, 0)],
)
def test_quota_by_finalists(finalists: int, places: int) -> None:
    event = city_event(finalists=finalists)
    awards = award_technical_experts(results_of(event, min(finalists, 9)), on=ON)
    assert awards.quota == places
    assert len(awards.awarded) == min(places, 9)


def test_rank_just_outside_the_places_fails() -> None:
    event = city_event(finalists=24)
    awards = award_technical_experts(results_of(event, 3), on=ON)
    third = awards.decisions[2]
    assert checks(third.failed) == ("competitions.technical_expert.place",)
    assert awards.decisions[0].outcome is Outcome.ELIGIBLE


def test_failed_score_coach_and_class() -> None:
    event = city_event(finalists=24)
    people = results_of(event, 2)
    failed = CompetitionResult(
        person=people[0].person, competition=event, rank=1, passed_all_parts=False
    )
    awards = award_technical_experts([failed, people[1]], on=ON)
    assert checks(awards.decision_for(failed.person).failed) == (
        "competitions.technical_expert.passed",
    )
    second_class = city_event(competition_class=CompetitionClass.SECOND)
    decision = technical_expert(
        people[0].person, tuple(results_of(second_class, 1)), on=ON
    )
    assert checks(decision.failed) == ("competitions.technical_expert.category",)


def test_later_years_wait_for_the_district() -> None:
    event = city_event(year=2024)
    decision = award_technical_experts(results_of(event, 1), on=date(2024, 12, 1))
    assert decision.quota is None
    assert decision.decisions[0].outcome is Outcome.UNDETERMINED
    assert "competitions.technical_expert_quota" in decision.decisions[0].missing


def test_team_quota_is_district_supplied() -> None:
    event = city_event(competition_format=CompetitionFormat.TEAM, team_size=2)
    decision = award_technical_experts(results_of(event, 1), on=ON).decisions[0]
    assert "competitions.technical_expert_team_quota" in decision.missing


def test_tie_at_the_last_place_is_undetermined() -> None:
    event = city_event(finalists=24)  # 2 places
    one, two, three = results_of(event, 3)
    tied = CompetitionResult(
        person=three.person, competition=event, rank=2, passed_all_parts=True
    )
    awards = award_technical_experts([one, two, tied], on=ON)
    assert awards.awarded == (one.person,)
    assert awards.decision_for(tied.person).missing == ("tie_break",)


def test_the_awards_are_an_allocation_of_the_results() -> None:
    """12 finalists, 2 places, results given out of order: ranked best first, the
    first two chosen, the third waiting; a decision is found by result or person."""
    event = city_event(finalists=12)
    first, second, third = results_of(event, 3)
    awards = award_technical_experts([third, first, second], on=ON)

    assert isinstance(awards, Allocation)
    assert awards.ranked == (first, second, third)
    assert awards.chosen == (first, second)
    assert awards.waiting == (third,)
    assert dict(awards)[third] is awards.decisions[2]
    assert awards.decision_for(second) is awards.decision_for(second.person)
    stranger = rid(date(1980, 1, 1), 9)
    with pytest.raises(KeyError, match=re.escape(stranger.masked)):
        awards.decision_for(stranger)


def test_the_place_rests_on_the_tiers_read() -> None:
    """The place finding cites the 2022 notice behind the places: with 50 finalists
    only the top tier is read (secondary), with 12 the lower tiers too."""
    for finalists, provenance in (
        (50, Provenance.SECONDARY),
        (12, Provenance.UNVERIFIED),
    ):
        decision = award_technical_experts(
            results_of(city_event(finalists=finalists), 1), on=ON
        ).decisions[0]
        place = finding(decision, "competitions.technical_expert.place")
        assert [c.document.id for c in place.citations] == [  # type: ignore[attr-defined]
            "sz-2022-skills-contest"
        ]
        assert decision.provenance is provenance


def test_bad_results_are_rejected() -> None:
    event = city_event()
    people = results_of(event, 2)
    with pytest.raises(InvalidValueError, match="results"):
        award_technical_experts([], on=ON)
    with pytest.raises(InvalidValueError, match="one result per person"):
        award_technical_experts([people[0], people[0]], on=ON)
    other = results_of(city_event(event="别的赛项"), 1)
    with pytest.raises(InvalidValueError, match="one event"):
        award_technical_experts([people[0], other[0]], on=ON)
    with pytest.raises(InvalidValueError, match="person"):
        technical_expert(rid(date(1980, 1, 1), 9), tuple(people), on=ON)


@settings(max_examples=60)
@given(
    st.integers(1, 60),
    st.lists(st.integers(1, 12), min_size=1, max_size=14),
    st.randoms(use_true_random=False),
)
def test_titles_never_exceed_quota_and_ignore_order(
    finalists: int, ranks: list[int], shuffler: random.Random
) -> None:
    event = city_event(finalists=max(finalists, *ranks))
    results = [
        CompetitionResult(
            person=rid(date(1990, 1, 1), sequence=index + 1),
            competition=event,
            rank=rank,
            passed_all_parts=True,
        )
        for index, rank in enumerate(ranks)
    ]
    awards = award_technical_experts(results, on=ON)
    assert awards.quota is not None
    assert len(awards.awarded) <= awards.quota
    shuffled = list(results)
    shuffler.shuffle(shuffled)
    again = award_technical_experts(shuffled, on=ON)
    assert again.awarded == awards.awarded
    assert [d.outcome for d in again.decisions] == [d.outcome for d in awards.decisions]
    assert TECHNICAL_EXPERT_RULE.id == awards.decisions[0].rule


@settings(max_examples=30)
@given(st.integers(10, 80), st.integers(10, 80))
def test_more_finalists_never_fewer_places(a: int, b: int) -> None:
    low, high = sorted((a, b))
    places = [
        award_technical_experts(results_of(city_event(finalists=n), 1), on=ON).quota
        for n in (low, high)
    ]
    assert places[0] <= places[1]  # type: ignore[operator]


@pytest.mark.parametrize(
    ("finalists", "places", "provenance"),
    [
        # 50 or more: the top tier alone, seen in a copy of the notice.
        (50, 8, Provenance.SECONDARY),
        (120, 8, Provenance.SECONDARY),
        # Below 50 the lower tiers are read too: from notes no copy confirms.
        (49, 4, Provenance.UNVERIFIED),
        (25, 4, Provenance.UNVERIFIED),
        (24, 2, Provenance.UNVERIFIED),
        (10, 2, Provenance.UNVERIFIED),
        (9, 0, Provenance.UNVERIFIED),
    ],
)
def test_the_provenance_follows_the_tier_used(
    finalists: int, places: int, provenance: Provenance
) -> None:
    event = city_event(finalists=finalists)
    awards = award_technical_experts(results_of(event, 1), on=ON)
    assert awards.quota == places
    assert awards.decisions[0].provenance is provenance


def _without(name: str) -> Policy:
    policy = Policy.default()
    return Policy(
        documents=policy.documents,
        parameters={k: v for k, v in policy.parameters.items() if k != name},
        sources=policy.sources,
    )


def test_the_lower_tiers_are_read_only_below_the_top_tier() -> None:
    """Without the lower tiers a 50-finalist event is still decided; a 30-finalist
    event waits and names them; without the top tier both wait."""
    no_lower = _without("competitions.technical_expert_quota_lower")
    top = award_technical_experts(results_of(city_event(finalists=50), 1), on=ON)
    assert top.decisions[0].outcome is Outcome.ELIGIBLE
    kept = award_technical_experts(
        results_of(city_event(finalists=50), 1), on=ON, policy=no_lower
    )
    assert kept.decisions[0].outcome is Outcome.ELIGIBLE
    waiting = award_technical_experts(
        results_of(city_event(finalists=30), 1), on=ON, policy=no_lower
    )
    assert waiting.decisions[0].missing == (
        "competitions.technical_expert_quota_lower",
    )
    no_top = _without("competitions.technical_expert_quota")
    blind = award_technical_experts(
        results_of(city_event(finalists=50), 1), on=ON, policy=no_top
    )
    assert blind.decisions[0].missing == ("competitions.technical_expert_quota",)


def test_a_published_rank_counts_those_ahead_even_when_they_are_not_given() -> None:
    """Rank 3 of 12 finalists (2 places): two people are ahead, given or not."""
    event = city_event(finalists=12)
    third = CompetitionResult(
        person=rid(date(1990, 1, 1), sequence=3),
        competition=event,
        rank=3,
        passed_all_parts=True,
    )
    decision = technical_expert(third.person, (third,), on=ON)
    assert checks(decision.failed) == ("competitions.technical_expert.place",)
    assert finding(decision, "competitions.technical_expert.place").value("ahead") == 2  # type: ignore[attr-defined]
    second = CompetitionResult(
        person=third.person, competition=event, rank=2, passed_all_parts=True
    )
    assert technical_expert(second.person, (second,), on=ON).outcome is (
        Outcome.ELIGIBLE
    )


def test_the_places_are_those_of_the_contest_year() -> None:
    """A 2022 event decided on 2026-03-02 is judged under the 2022 quota."""
    event = city_event(finalists=12)
    late = award_technical_experts(results_of(event, 3), on=date(2026, 3, 2))
    assert late.quota == 2
    assert [d.outcome for d in late.decisions] == [
        Outcome.ELIGIBLE,
        Outcome.ELIGIBLE,
        Outcome.INELIGIBLE,
    ]
    assert late.decisions[0].on == date(2026, 3, 2)
    read_on = {c.read_on.day for c in TECHNICAL_EXPERT_RULE.conditions if c.read_on}
    assert read_on == {"results[0].competition.year"}


def test_unknown_facts_are_named_by_their_path_in_the_results() -> None:
    event = city_event(finalists=None, competition_class=None)
    first = CompetitionResult(
        person=rid(date(1990, 1, 1), sequence=1), competition=event, rank=1
    )
    second = CompetitionResult(
        person=rid(date(1990, 1, 1), sequence=2), competition=event
    )
    awards = award_technical_experts([second, first], on=ON)
    assert awards.decision_for(first.person).missing == (
        "results[1].competition.competition_class",
        "results[1].passed_all_parts",
        "results[1].competition.finalists",
    )
    assert awards.decision_for(second.person).missing == (
        "results[0].competition.competition_class",
        "results[0].passed_all_parts",
        "results[0].competition.finalists",
        "results[0].rank",
    )
