"""The 鹏城工匠 selection and skill-level promotion from competition results.

Figures from 《深圳市鹏城工匠评选办法》 (深人社规〔2016〕16号, copies; extended to
2026-10-25) and its 2025 call (achievements from 2020-01-01 to the deadline
2025-08-01), and the 2020 national competition (优胜奖 or better -> 技师, 技师 ->
高级技师).
"""

import random

from datetime import date, timedelta
from decimal import Decimal

import attrs
import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from skillchain import (
    DateRange,
    Finding,
    OccupationCode,
    Outcome,
    Policy,
    Provenance,
    ResidentId,
    SkillLevel,
)
from skillchain.errors import InvalidValueError
from skillchain.model import (
    Certificate,
    CertificateKind,
    Competition,
    CompetitionAward,
    CompetitionClass,
    CompetitionFormat,
    CompetitionResult,
    CompetitionTier,
    CraftsmanApplication,
    Employment,
    Honour,
    IssuerKind,
    PostType,
)
from skillchain.policy.kinds import KEYS, PROMOTION_TABLES, KindError
from skillchain.rules import (
    CRAFTSMAN_PROMOTION_RULE,
    CRAFTSMAN_SELECTION_RULE,
    Allocation,
    CraftsmanSelection,
    competition_promotion,
    get_rule,
    pengcheng_craftsman,
    promoted_level,
    select_craftsmen,
)
from skillchain.testing import strategies as sk


ME = ResidentId("11010519491231002X")
OTHER = ResidentId("110000199001010013")
ELECTRICIAN = OccupationCode("6-31-01-03")
DEADLINE = date(2025, 8, 1)
JUDGED = date(2025, 9, 1)
NATIONAL_2020 = "中华人民共和国第一届职业技能大赛"

FRONTLINE = "craftsman.selection.frontline_years"
LEVEL = "craftsman.selection.level"
ACHIEVEMENT = "craftsman.selection.achievement"
REPEAT = "craftsman.selection.not_yet_awarded"
RANK = "craftsman.selection.rank"


def _post(
    start: date, end: date | None = None, post: PostType = PostType.SKILL
) -> Employment:
    return Employment(post=post, period=DateRange(start, end))


def _cert(
    level: SkillLevel,
    issued: date = date(2019, 5, 1),
    occupation: OccupationCode = ELECTRICIAN,
    holder: ResidentId = ME,
) -> Certificate:
    return Certificate(
        holder=holder,
        kind=CertificateKind.SKILL_LEVEL,
        occupation=occupation,
        level=level,
        issued_on=issued,
        issuer_kind=IssuerKind.HR_DEPARTMENT,
    )


def _honour(key: str, awarded: date, holder: ResidentId = ME) -> Honour:
    return Honour(holder=holder, key=key, title=key, awarded_on=awarded)


def _application(
    *,
    person: ResidentId = ME,
    posts: tuple[Employment, ...] | None = (_post(date(2015, 3, 1)),),
    certificates: tuple[Certificate, ...] | None = None,
    equivalent: bool | None = None,
    honours: tuple[Honour, ...] | None = None,
    results: tuple[CompetitionResult, ...] = (),
    other_merit: bool | None = None,
    score: Decimal | None = Decimal(90),
    year: int = 2025,
    deadline: date = DEADLINE,
) -> CraftsmanApplication:
    return CraftsmanApplication(
        person=person,
        year=year,
        deadline=deadline,
        frontline_posts=posts,
        certificates=(
            (_cert(SkillLevel.SENIOR_TECHNICIAN, holder=person),)
            if certificates is None
            else certificates
        ),
        equivalent_level=equivalent,
        honours=(
            (_honour("guangdong-technical-expert", date(2022, 4, 28), person),)
            if honours is None
            else honours
        ),
        results=results,
        other_merit=other_merit,
        review_score=score,
    )


def _held(findings: tuple[Finding, ...], check: str) -> bool | None:
    for finding in findings:
        if finding.check == check:
            return finding.held
    msg = f"no finding {check}"
    raise AssertionError(msg)


# --- selection: hand-worked --------------------------------------------------------


def test_a_qualifying_candidate_is_selected_with_500000() -> None:
    """Ten years front-line, 高级技师, 广东省技术能手 in 2022: selected, 500 000 yuan."""
    decision = pengcheng_craftsman(_application(), on=JUDGED)

    assert decision.outcome == Outcome.ELIGIBLE
    assert Decimal(500000) == decision.amount
    assert decision.provenance is Provenance.SECONDARY
    assert "深人社规〔2016〕16号" in decision.explain("zh")
    assert "Pengcheng" in decision.explain("en")


@pytest.mark.parametrize(
    ("start", "held"),
    [
        # 2020-08-02 .. 2025-08-01, both inclusive, is five calendar years: the day
        # after the deadline is 2020-08-02 + 5 years (60 whole months).
        (date(2020, 8, 2), True),
        # One day later: 59 whole months.
        (date(2020, 8, 3), False),
    ],
)
def test_five_years_front_line_counted_to_the_deadline(start: date, held: bool) -> None:
    """Five years (60 calendar months) up to the deadline, on both sides of the edge."""
    decision = pengcheng_craftsman(_application(posts=(_post(start),)), on=JUDGED)

    assert held is _held(decision.findings, FRONTLINE)


def test_posts_add_up_and_overlaps_count_once() -> None:
    """Two spells 2015-01-01..2017-12-31 and 2023-01-01..deadline: 36 + 31 months."""
    posts = (
        _post(date(2015, 1, 1), date(2017, 12, 31)),
        _post(date(2016, 1, 1), date(2016, 6, 30)),  # inside the first: not twice
        _post(date(2023, 1, 1)),
        _post(date(2010, 1, 1), date(2014, 12, 31), PostType.MANAGEMENT),  # not counted
    )
    decision = pengcheng_craftsman(_application(posts=posts), on=JUDGED)

    finding = next(f for f in decision.findings if f.check == FRONTLINE)
    assert finding.value("months") == 36 + 31
    assert finding.held is True


def test_unknown_posts_leave_the_case_undetermined() -> None:
    """No front-line history gathered: undetermined, naming it."""
    decision = pengcheng_craftsman(_application(posts=None), on=JUDGED)

    assert decision.outcome == Outcome.UNDETERMINED
    assert decision.missing == ("application.frontline_posts",)


@pytest.mark.parametrize(
    ("equivalent", "outcome"),
    [
        (True, Outcome.ELIGIBLE),
        (False, Outcome.INELIGIBLE),
        (None, Outcome.UNDETERMINED),
    ],
)
def test_a_technician_needs_the_review_to_find_an_equivalent_level(
    equivalent: bool | None, outcome: Outcome
) -> None:
    """技师 is below 高级技师: only an equivalent level found by the review passes."""
    app = _application(
        certificates=(_cert(SkillLevel.TECHNICIAN),), equivalent=equivalent
    )

    assert outcome == pengcheng_craftsman(app, on=JUDGED).outcome


def test_a_certificate_after_the_deadline_does_not_count() -> None:
    """高级技师 issued the day after the deadline: not held by the deadline."""
    app = _application(
        certificates=(_cert(SkillLevel.SENIOR_TECHNICIAN, date(2025, 8, 2)),),
        equivalent=False,
    )

    assert _held(pengcheng_craftsman(app, on=JUDGED).findings, LEVEL) is False


@pytest.mark.parametrize(
    ("awarded", "held"),
    [
        (date(2019, 12, 31), None),  # before 2020-01-01: other merit then decides
        (date(2020, 1, 1), True),  # first day of the 2025 call's window
        (date(2025, 8, 1), True),  # the deadline
        (date(2025, 8, 2), None),  # after the deadline
    ],
)
def test_the_achievement_window_runs_from_1_january_five_years_back(
    awarded: date, held: bool | None
) -> None:
    """2025 round: achievements from 2020-01-01 to 2025-08-01 (both ends)."""
    app = _application(honours=(_honour("guangdong-technical-expert", awarded),))
    decision = pengcheng_craftsman(app, on=JUDGED)

    assert held is _held(decision.findings, ACHIEVEMENT)
    if held is None:
        assert decision.missing == ("application.other_merit",)


def test_an_unlisted_honour_fails_when_the_review_found_no_other_merit() -> None:
    """深圳市技术能手 is not on the list; no other merit: ineligible."""
    app = _application(
        honours=(_honour("shenzhen-technical-expert", date(2023, 1, 1)),),
        other_merit=False,
    )
    decision = pengcheng_craftsman(app, on=JUDGED)

    assert decision.outcome == Outcome.INELIGIBLE
    assert tuple(f.check for f in decision.failed) == (ACHIEVEMENT,)


def test_other_merit_found_by_the_review_counts() -> None:
    """A technical innovation found by the review stands in for a title."""
    app = _application(honours=(), other_merit=True)

    assert pengcheng_craftsman(app, on=JUDGED).outcome == Outcome.ELIGIBLE


def _national(
    rank: int,
    *,
    held_on: date | None = date(2021, 11, 1),
    coach: bool = False,
    klass: CompetitionClass = CompetitionClass.FIRST,
    year: int = 2021,
) -> CompetitionResult:
    contest = Competition(
        name="全国某职业技能大赛",
        year=year,
        tier=CompetitionTier.NATIONAL,
        competition_class=klass,
        event="电工",
        competition_format=CompetitionFormat.INDIVIDUAL,
        held_on=held_on,
    )
    return CompetitionResult(person=ME, competition=contest, rank=rank, as_coach=coach)


@pytest.mark.parametrize(
    ("result", "held"),
    [
        (_national(3), True),  # 国家一类大赛前三名
        (_national(3, coach=True), True),  # as the competitor's coach
        (_national(4), None),  # fourth: not top three
        (_national(1, klass=CompetitionClass.SECOND), None),  # 二类
        (_national(1, held_on=None, year=2022), True),  # undated, wholly inside
        (_national(1, held_on=None, year=2025), None),  # undated, deadline year
    ],
)
def test_top_three_of_a_national_class_one_competition_qualifies(
    result: CompetitionResult, held: bool | None
) -> None:
    """A top-3 result at a national 一类 contest in the window qualifies."""
    app = _application(honours=(), results=(result,))

    assert held is _held(pengcheng_craftsman(app, on=JUDGED).findings, ACHIEVEMENT)


def test_an_undated_result_in_the_deadline_year_asks_for_its_date() -> None:
    """A 2025 result with no date may fall after the deadline: its date is asked for."""
    app = _application(
        honours=(), results=(_national(1, held_on=None, year=2025),), other_merit=False
    )

    assert pengcheng_craftsman(app, on=JUDGED).missing == (
        "application.results[0].competition.held_on",
    )


def test_no_repeat_winners() -> None:
    """A 2018 鹏城工匠 may not be selected again."""
    honours = (
        _honour("pengcheng-craftsman", date(2018, 12, 1)),
        _honour("national-technical-expert", date(2021, 1, 1)),
    )
    decision = pengcheng_craftsman(_application(honours=honours), on=JUDGED)

    assert decision.outcome == Outcome.INELIGIBLE
    assert tuple(f.check for f in decision.failed) == (REPEAT,)


@pytest.mark.parametrize(
    ("deadline", "outcome"),
    [
        (date(2026, 10, 25), Outcome.ELIGIBLE),  # last day of the extended measure
        (date(2026, 10, 26), Outcome.UNDETERMINED),  # no successor found
    ],
)
def test_the_measure_ends_on_2026_10_25(deadline: date, outcome: Outcome) -> None:
    """A round whose applications close after 2026-10-25 has no figures in force:
    undetermined, naming them; the day it is decided does not matter."""
    app = _application(year=2026, deadline=deadline)
    decision = pengcheng_craftsman(app, on=date(2026, 12, 1))

    assert outcome == decision.outcome
    if outcome is Outcome.UNDETERMINED:
        assert "craftsman.award_amount" in decision.missing
        assert "craftsman.min_frontline_years" in decision.missing


def test_a_2025_round_decided_in_2027_uses_the_2025_figures() -> None:
    """The figures are those of the round's deadline (2025-08-01), though none is in
    force on 2027-03-01: still 500 000 yuan, and the decision keeps its own day."""
    decision = pengcheng_craftsman(_application(), on=date(2027, 3, 1))

    assert decision.outcome == Outcome.ELIGIBLE
    assert decision.amount == Decimal(500000)
    assert decision.on == date(2027, 3, 1)
    days = {c.read_on.day for c in CRAFTSMAN_SELECTION_RULE.conditions if c.read_on}
    assert days == {"application.deadline"}


@pytest.mark.parametrize(
    ("year", "deadline", "inferred"),
    [
        # The measure's first term: its start (2016-10-26) is inferred.
        (2021, date(2021, 8, 1), True),
        # The extended term, with the 2025 call's reading of the window.
        (2025, date(2025, 8, 1), False),
        # No 2026 call was seen: the window's reading is assumed for 2026.
        (2026, date(2026, 8, 1), True),
    ],
)
def test_a_round_on_inferred_dates_says_so(
    year: int, deadline: date, inferred: bool
) -> None:
    """Honour of 2021-06-01 inside every window here (from 2016, 2020 and 2021-01-01
    to each deadline); 高级技师 since 2019; front line
    since 2015 (more than 60 months by each deadline)."""
    honours = (_honour("guangdong-technical-expert", date(2021, 6, 1)),)
    app = _application(year=year, deadline=deadline, honours=honours)
    decision = pengcheng_craftsman(app, on=date(2026, 12, 1))

    assert decision.outcome == Outcome.ELIGIBLE
    expected = "unverified" if inferred else "secondary"
    assert decision.provenance is not None
    assert decision.provenance.value == expected
    assert ("(period in force inferred)" in decision.explain("en")) is inferred


def test_other_merit_rests_on_no_figure() -> None:
    """2026 round (deadline 2026-08-01), achievement found by the review as another
    merit: the finding rests on no figure (the review's finding settles it, whatever
    the window), so it cites the measure alone and the 2026 window, whose period is
    inferred, does not make the decision unverified: the extended measure's other
    figures are secondary."""
    app = _application(
        year=2026, deadline=date(2026, 8, 1), honours=(), other_merit=True
    )
    decision = pengcheng_craftsman(app, on=date(2026, 9, 1))

    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.provenance is Provenance.SECONDARY
    achievement = next(f for f in decision.findings if f.check == ACHIEVEMENT)
    assert [c.document.id for c in achievement.citations] == ["sz-2016-16"]


def test_an_equivalent_level_needs_no_least_level() -> None:
    """With the review's finding of an equivalent level, the least level is shown and
    the case decided; without the finding and the figure, both are named (the fact
    first, then the figure, as every finding names them)."""
    bare = Policy(
        documents=Policy.default().documents,
        parameters={
            k: v
            for k, v in Policy.default().parameters.items()
            if k != "craftsman.min_level"
        },
        sources=Policy.default().sources,
    )
    found = pengcheng_craftsman(_application(equivalent=True), on=JUDGED, policy=bare)
    assert found.outcome == Outcome.ELIGIBLE
    unknown = pengcheng_craftsman(_application(certificates=()), on=JUDGED, policy=bare)
    assert unknown.missing == ("application.equivalent_level", "craftsman.min_level")


def test_a_post_of_unknown_type_is_asked_for_only_when_it_decides() -> None:
    """Skill post 2020-08-03 to the deadline: 59 months, one short.  An earlier post
    of unknown type (2019-01-01 to 2020-08-02) would make 79: asked for.  A short
    one (2020-07-10 to 2020-07-31, no whole month) cannot reach 60: refused."""
    late = _post(date(2020, 8, 3))
    long_unknown = Employment(period=DateRange(date(2019, 1, 1), date(2020, 8, 2)))
    asked = pengcheng_craftsman(_application(posts=(long_unknown, late)), on=JUDGED)
    assert asked.missing == ("application.frontline_posts[0].post",)
    short_unknown = Employment(period=DateRange(date(2020, 7, 10), date(2020, 7, 31)))
    refused = pengcheng_craftsman(_application(posts=(short_unknown, late)), on=JUDGED)
    assert tuple(f.check for f in refused.failed) == (FRONTLINE,)
    known = pengcheng_craftsman(
        _application(posts=(long_unknown, _post(date(2015, 3, 1)))), on=JUDGED
    )
    assert known.outcome == Outcome.ELIGIBLE


def test_an_unscored_candidate_takes_no_place() -> None:
    """Eligible but not yet reviewed: undetermined, naming the score."""
    decision = pengcheng_craftsman(_application(score=None), on=JUDGED)

    assert decision.missing == ("application.review_score",)


# --- selection: the yearly limit -----------------------------------------------------


def _candidates(count: int) -> list[CraftsmanApplication]:
    # Birth dates 1970-01-01 + i days, Futian-issued numbers; check digits computed.
    people = [_resident(date(1970, 1, 1) + timedelta(days=i)) for i in range(count)]
    return [_application(person=p, score=Decimal(50 + i)) for i, p in enumerate(people)]


def _resident(born: date, sequence: int = 123) -> ResidentId:
    """A Futian-issued number (GB 11643: weights 2**(17-i) mod 11, MOD 11-2)."""
    body = f"440304{born:%Y%m%d}{sequence:03d}"
    total = sum(int(c) * pow(2, 17 - i, 11) for i, c in enumerate(body))
    check = (12 - total % 11) % 11
    return ResidentId(body + ("X" if check == 10 else str(check)))


def test_at_most_ten_a_year_highest_scores_first() -> None:
    """Twelve eligible candidates scored 50..61: the ten best (52..61) are selected."""
    ranked = select_craftsmen(_candidates(12), on=JUDGED)
    chosen = [app.review_score for app, d in ranked if d.outcome is Outcome.ELIGIBLE]

    assert [Decimal(s) for s in range(61, 51, -1)] == chosen
    assert [
        d.failed[0].check for _, d in ranked if d.outcome is Outcome.INELIGIBLE
    ] == [RANK, RANK]


def test_a_selection_is_an_allocation_of_the_applications() -> None:
    """Twelve candidates scored 50..61: a CraftsmanSelection of all twelve, best first;
    the ten best chosen, 51 and 50 waiting; each decision found by its application."""
    candidates = _candidates(12)
    selection = select_craftsmen(candidates, on=JUDGED)

    assert isinstance(selection, CraftsmanSelection)
    assert isinstance(selection, Allocation)
    assert len(selection) == 12
    assert [a.review_score for a in selection.ranked] == [
        Decimal(s) for s in range(61, 49, -1)
    ]
    assert [a.review_score for a in selection.chosen] == [
        Decimal(s) for s in range(61, 51, -1)
    ]
    assert [a.review_score for a in selection.waiting] == [Decimal(51), Decimal(50)]
    for application, decision in selection:
        assert selection.decision_for(application) is decision
    assert selection.decision_for(candidates[0]).failed[0].check == RANK
    with pytest.raises(KeyError):
        selection.decision_for(_application(person=OTHER))


def test_ties_are_broken_the_same_way_in_any_order() -> None:
    """Eleven candidates on the same score: the same ten win whatever the input order."""
    base = [
        _application(
            person=_resident(date(1975, 1, 1) + timedelta(days=i)), score=Decimal(80)
        )
        for i in range(11)
    ]
    first = select_craftsmen(base, on=JUDGED)
    shuffled = base[:]
    random.Random(8).shuffle(shuffled)  # noqa: S311 - a fixed test order

    assert first == select_craftsmen(shuffled, on=JUDGED)
    assert sum(d.outcome is Outcome.ELIGIBLE for _, d in first) == 10


def test_a_duplicate_or_foreign_item_is_refused() -> None:
    """The same application twice, or a non-application, names the index."""
    app = _application()
    with pytest.raises(InvalidValueError, match=r"applications\[1\]"):
        select_craftsmen([app, app], on=JUDGED)
    with pytest.raises(InvalidValueError, match="CraftsmanApplication"):
        select_craftsmen([app, "x"], on=JUDGED)  # type: ignore[list-item]


def test_records_of_someone_else_are_refused() -> None:
    """An honour of another person cannot be part of the application."""
    with pytest.raises(InvalidValueError, match=r"CraftsmanApplication\.honours"):
        _application(
            honours=(_honour("national-technical-expert", date(2021, 1, 1), OTHER),)
        )
    with pytest.raises(InvalidValueError, match=r"CraftsmanApplication\.deadline"):
        _application(deadline=date(2024, 8, 1))


@settings(max_examples=40, deadline=None)
@given(
    st.lists(sk.craftsman_applications(years=st.just(2025)), max_size=14, unique=True),
    st.randoms(use_true_random=False),
)
def test_the_limit_is_never_exceeded_and_order_never_matters(
    apps: list[CraftsmanApplication], rnd: random.Random
) -> None:
    """At most 10 selected a year, and the decisions do not depend on input order."""
    ranked = select_craftsmen(apps, on=JUDGED)
    shuffled = apps[:]
    rnd.shuffle(shuffled)

    assert sum(d.outcome is Outcome.ELIGIBLE for _, d in ranked) <= 10
    assert dict(ranked) == dict(select_craftsmen(shuffled, on=JUDGED))


@settings(max_examples=60, deadline=None)
@given(sk.craftsman_applications(years=st.just(2025)))
def test_another_listed_honour_never_hurts(app: CraftsmanApplication) -> None:
    """Adding a qualifying honour in the window never turns eligible into not."""
    before = pengcheng_craftsman(app, on=JUDGED).outcome
    richer = CraftsmanApplication(
        person=app.person,
        year=app.year,
        deadline=app.deadline,
        frontline_posts=app.frontline_posts,
        certificates=app.certificates,
        equivalent_level=app.equivalent_level,
        honours=(
            *app.honours,
            _honour("zhonghua-skills-award", date(2025, 1, 1), app.person),
        ),
        results=app.results,
        other_merit=app.other_merit,
        review_score=app.review_score,
    )
    after = pengcheng_craftsman(richer, on=JUDGED)

    if before is Outcome.ELIGIBLE:
        assert after.outcome == Outcome.ELIGIBLE
    assert _held(after.findings, ACHIEVEMENT) is True


# --- promotion ------------------------------------------------------------------------


def _result(
    award: CompetitionAward | None = CompetitionAward.EXCELLENCE,
    *,
    name: str = NATIONAL_2020,
    occupation: OccupationCode | None = ELECTRICIAN,
    coach: bool = False,
) -> CompetitionResult:
    contest = Competition(
        name=name,
        year=2020,
        tier=CompetitionTier.NATIONAL,
        competition_class=CompetitionClass.FIRST,
        event="电工",
        occupation=occupation,
        competition_format=CompetitionFormat.INDIVIDUAL,
        held_on=date(2020, 12, 12),
    )
    return CompetitionResult(
        person=ME, competition=contest, award=award, as_coach=coach
    )


PROMOTED_ON = date(2021, 1, 15)


@pytest.mark.parametrize(
    ("held", "award", "expected"),
    [
        ((), CompetitionAward.EXCELLENCE, SkillLevel.TECHNICIAN),  # no level -> 技师
        ((SkillLevel.ADVANCED,), CompetitionAward.GOLD, SkillLevel.TECHNICIAN),
        (
            (SkillLevel.TECHNICIAN,),
            CompetitionAward.BRONZE,
            SkillLevel.SENIOR_TECHNICIAN,
        ),
        (
            (SkillLevel.SENIOR_TECHNICIAN,),
            CompetitionAward.GOLD,
            None,
        ),  # nothing higher
    ],
)
def test_2020_national_competition_promotions(
    held: tuple[SkillLevel, ...], award: CompetitionAward, expected: SkillLevel | None
) -> None:
    """优胜奖 or better -> 技师; already 技师 -> 高级技师; 高级技师 gains nothing."""
    decision = competition_promotion(
        _result(award),
        certificates=tuple(_cert(level) for level in held),
        on=PROMOTED_ON,
    )

    assert expected == promoted_level(decision)
    assert (Outcome.ELIGIBLE if expected else Outcome.INELIGIBLE) == decision.outcome
    assert "2020" in decision.explain("en")


def test_a_level_in_another_occupation_does_not_count() -> None:
    """技师 as 焊工 does not make an electrician's 优胜奖 a 高级技师 promotion."""
    welder = _cert(SkillLevel.TECHNICIAN, occupation=OccupationCode("6-18-02-04"))
    decision = competition_promotion(_result(), certificates=(welder,), on=PROMOTED_ON)

    assert promoted_level(decision) == SkillLevel.TECHNICIAN


def test_no_prize_and_coaches_are_not_promoted() -> None:
    """No award: not listed; a coach: not a competitor."""
    none = competition_promotion(_result(None), certificates=(), on=PROMOTED_ON)
    coach = competition_promotion(_result(coach=True), certificates=(), on=PROMOTED_ON)

    assert [f.check for f in none.failed] == ["craftsman.promotion.award"]
    assert [f.check for f in coach.failed] == ["craftsman.promotion.competitor"]
    assert promoted_level(none) is None


def test_a_competition_without_a_table_is_undetermined() -> None:
    """Each notice sets its own promotions: none bundled for this one."""
    decision = competition_promotion(
        _result(name="2024年深圳技能大赛——电工职业技能竞赛"),
        certificates=(),
        on=PROMOTED_ON,
    )

    assert decision.outcome == Outcome.UNDETERMINED
    assert decision.missing == ("craftsman.promotion_tables",)


def test_a_district_supplies_a_table_through_an_overlay() -> None:
    """An overlay adding a competition's table makes the same result decidable."""
    name = "2024年深圳技能大赛——电工职业技能竞赛"
    overlay = Policy.loads(
        f"""
[documents.test-2024-contest-notice]
title = "测试用竞赛通知"
issuers = ["测试区人力资源局"]
level = "district"
provenance = "unverified"

[parameters."craftsman.promotion_tables"]
description_zh = "竞赛获奖晋升职业技能等级表"
description_en = "Promotion tables"
unit = "promotion_tables"

[[parameters."craftsman.promotion_tables".values]]
since = 2024-01-01
document = "test-2024-contest-notice"
removes = ["中华人民共和国第一届职业技能大赛"]

[parameters."craftsman.promotion_tables".values.value."{name}"]
first_prize = ["senior_technician"]
""",
        name="test-contest.toml",
    )
    policy = Policy.default().overlay(overlay)
    contest = attrs.evolve(
        _result().competition, name=name, year=2024, held_on=date(2024, 9, 1)
    )
    result = CompetitionResult(
        person=ME, competition=contest, award=CompetitionAward.FIRST_PRIZE
    )
    decision = competition_promotion(
        result, certificates=(), on=date(2024, 10, 1), policy=policy
    )

    assert promoted_level(decision) == SkillLevel.SENIOR_TECHNICIAN
    assert decision.provenance is Provenance.UNVERIFIED


@pytest.mark.parametrize(
    ("certificates", "occupation", "missing"),
    [
        (None, ELECTRICIAN, ("certificates",)),
        ((_cert(SkillLevel.ADVANCED),), None, ("result.competition.occupation",)),
        # Both unknown: any certificate found would be matched on the occupation.
        (None, None, ("certificates", "result.competition.occupation")),
    ],
)
def test_an_unknown_level_held_is_undetermined(
    certificates: tuple[Certificate, ...] | None,
    occupation: OccupationCode | None,
    missing: tuple[str, ...],
) -> None:
    """Certificates not looked up, or no occupation to match them to: asked for."""
    decision = competition_promotion(
        _result(occupation=occupation), certificates=certificates, on=PROMOTED_ON
    )

    assert missing == decision.missing


def test_no_occupation_and_no_levels_means_no_level_held() -> None:
    """Without any levelled certificate the event's occupation is not needed."""
    decision = competition_promotion(
        _result(occupation=None), certificates=(), on=PROMOTED_ON
    )

    assert promoted_level(decision) == SkillLevel.TECHNICIAN


@pytest.mark.parametrize(
    ("held_on", "outcome"),
    [(date(2020, 7, 4), Outcome.UNDETERMINED), (date(2020, 7, 5), Outcome.ELIGIBLE)],
)
def test_the_2020_table_starts_with_its_notice(held_on: date, outcome: Outcome) -> None:
    """The 2020 table is in force from the 2020-07-05 report: it is read on the day
    the competition was held, whatever day the promotion is decided."""
    contest = attrs.evolve(_result().competition, held_on=held_on)
    result = CompetitionResult(
        person=ME, competition=contest, award=CompetitionAward.EXCELLENCE
    )
    decision = competition_promotion(result, certificates=(), on=date(2026, 3, 2))
    assert outcome == decision.outcome
    if outcome is Outcome.UNDETERMINED:
        assert decision.missing == ("craftsman.promotion_tables",)
        awarded = [
            f for f in decision.findings if f.check == "craftsman.promotion.award"
        ]
        assert awarded[0].missing == ("craftsman.promotion_tables",)


def test_without_its_own_table_a_competitions_conditions_cite_no_notice() -> None:
    """A 2024 city contest held on 2024-09-01: the tables in force (since 2020-07-05) hold
    only the 2020 national competition's, so the table finding cites that notice and
    names the parameter; the competitor, award and level findings cite nothing."""
    contest = attrs.evolve(
        _result().competition,
        name="2024年深圳技能大赛——电工职业技能竞赛",
        year=2024,
        held_on=date(2024, 9, 1),
    )
    result = CompetitionResult(
        person=ME, competition=contest, award=CompetitionAward.FIRST_PRIZE
    )
    decision = competition_promotion(result, certificates=(), on=date(2024, 11, 1))

    cited = {f.check: [c.document.id for c in f.citations] for f in decision.findings}
    assert cited == {
        "craftsman.promotion.table": ["national-2020-skills-competition"],
        "craftsman.promotion.competitor": [],
        "craftsman.promotion.award": [],
        "craftsman.promotion.level": [],
    }
    assert [f.missing for f in decision.findings] == [
        ("craftsman.promotion_tables",),
        (),
        ("craftsman.promotion_tables",),
        ("craftsman.promotion_tables",),
    ]
    assert decision.provenance is Provenance.SECONDARY


def test_an_undated_competition_is_read_at_the_end_of_its_year() -> None:
    contest = attrs.evolve(_result().competition, held_on=None)
    result = CompetitionResult(
        person=ME, competition=contest, award=CompetitionAward.EXCELLENCE
    )
    decision = competition_promotion(result, certificates=(), on=date(2021, 1, 15))
    assert promoted_level(decision) == SkillLevel.TECHNICIAN


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.sampled_from(list(SkillLevel)), max_size=3),
    st.sampled_from(list(CompetitionAward)),
)
def test_a_promotion_always_lifts_the_level_held(
    levels: list[SkillLevel], award: CompetitionAward
) -> None:
    """An eligible promotion is always above every level held in the occupation."""
    certs = tuple(_cert(level) for level in levels)
    decision = competition_promotion(_result(award), certificates=certs, on=PROMOTED_ON)
    level = promoted_level(decision)

    if decision.outcome is Outcome.ELIGIBLE:
        assert level is not None
        assert all(level > held for held in levels)
    else:
        assert level is None


def test_both_rules_are_registered_with_their_sources() -> None:
    """The registry holds both rules and cites the measure and the 2020 notice."""
    assert CRAFTSMAN_SELECTION_RULE is get_rule("craftsman.selection")
    assert CRAFTSMAN_PROMOTION_RULE is get_rule("craftsman.promotion")
    assert "sz-2016-16" in [s.document for s in CRAFTSMAN_SELECTION_RULE.sources]


# --- the policy kinds ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("x", "expected a table of competition name"),
        ({}, "expected a table of competition name"),
        ({"c": []}, "c: expected a table of award to levels"),
        ({"c": {"medal": ["technician"]}}, "c.medal: expected one of"),
        ({"c": {"gold": "technician"}}, 'c.gold: expected \\["technician"\\]'),
        ({"c": {"gold": ["a", "b", "c"]}}, "c.gold: expected"),
        ({"c": {"gold": ["technician", "advanced"]}}, "must be above 'technician'"),
        ({"c": {"gold": ["nonsense"]}}, "c.gold"),
    ],
)
def test_a_malformed_promotion_table_says_what_is_wrong(
    raw: object, message: str
) -> None:
    """Each malformed table names the competition, the award and what was expected."""
    with pytest.raises(KindError, match=message):
        PROMOTION_TABLES.parse(raw)


def test_promotion_tables_round_trip_through_their_dump() -> None:
    """dump(parse(x)) gives back the written table."""
    raw = {
        "c": {"gold": ["technician", "senior_technician"], "excellence": ["advanced"]}
    }

    assert raw == PROMOTION_TABLES.dump(PROMOTION_TABLES.parse(raw))


@pytest.mark.parametrize(
    "raw", ["national-technical-expert", ["a", "a"], ["a", ""], [1]]
)
def test_malformed_key_lists_are_refused(raw: object) -> None:
    """Keys are a list of distinct, non-empty strings."""
    with pytest.raises(KindError):
        KEYS.parse(raw)


def test_a_result_of_someone_else_is_refused() -> None:
    """A competition result of another person cannot be part of the application."""
    other = CompetitionResult(
        person=OTHER, competition=_national(1).competition, rank=1
    )
    with pytest.raises(InvalidValueError, match=r"CraftsmanApplication\.results"):
        _application(results=(other,))
