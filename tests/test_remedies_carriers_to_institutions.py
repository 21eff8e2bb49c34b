"""Remedies of the carrier, competition, craftsman, expert and institution rules.

Each declared condition is worked by hand from the example case files (and the
figures of the sources they rest on): a case where it fails, the exact remedy it
proposes, and, where the applicant can act, the remedy applied and the case
decided again: the condition then holds, and one step short of the bound it still
fails.
"""

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

from rule_fixtures import resident
from skillchain import (
    Decision,
    NotRemediable,
    OneOf,
    Policy,
    ReachBound,
    Remedy,
    SetFact,
    WaitUntil,
    remedies,
)
from skillchain._identifiers import Sex
from skillchain._levels import SkillLevel
from skillchain._remedies import with_fact
from skillchain.cases import CaseFile, load_cases
from skillchain.model import (
    CarrierAwardApplication,
    CarrierAwardCategory,
    CompetitionAward,
    CompetitionClass,
    CompetitionTier,
    CraftsmanApplication,
    Honour,
    ProfessionalTitleLevel,
)
from skillchain.rules import (
    AnyOf,
    Compares,
    Elapses,
    Requires,
    Unremediable,
    allocate_carrier_awards,
    get_rule,
    select_craftsmen,
)


EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
Facts = dict[str, Any]


def _case(file: str, name_start: str) -> CaseFile:
    for case in load_cases(EXAMPLES / "cases" / f"{file}.toml", overlay_root=EXAMPLES):
        if case.name.startswith(name_start):
            return case
    raise AssertionError(name_start)  # pragma: no cover - a renamed example case


def _decide(
    case: CaseFile,
    facts: Mapping[str, Any],
    *,
    on: date | None = None,
    policy: Policy | None = None,
) -> Decision:
    return case.rule.function(
        **facts,
        on=case.on if on is None else on,
        policy=case.policy if policy is None else policy,
    )


def _held(decision: Decision, check: str) -> bool | None:
    (finding,) = [f for f in decision.findings if f.check == check]
    return finding.held


def _remedy_for(
    decision: Decision, facts: Mapping[str, Any] | None, policy: Policy, check: str
) -> Remedy:
    assert _held(decision, check) is False
    (found,) = [r for r in remedies(decision, facts, policy=policy) if r.check == check]
    return found


def _says(remedy: Remedy, *, zh: str, en: str) -> None:
    """*remedy* is a declared NotRemediable giving these reasons."""
    assert _why(remedy) == (zh, en)


def _why(remedy: Remedy) -> tuple[str, str]:
    """The zh and en reasons of a declared NotRemediable."""
    assert isinstance(remedy, NotRemediable)
    assert remedy.reason == "declared"
    assert remedy.parameter is None
    assert remedy.period is None
    assert remedy.text("en") == f"Not remediable by the applicant: {remedy.why_en}"
    assert remedy.text("zh") == f"申请人无法补救：{remedy.why_zh}"
    return remedy.why_zh, remedy.why_en


# --- the declarations -----------------------------------------------------------------

# Every deciding condition of the five modules: the kind of remedy it declares, or
# None for a condition that never fails (it records an amount, or holds unless a
# fact is missing).
DECLARED: dict[str, type | None] = {
    "carriers.recognition.type": Unremediable,
    "carriers.recognition.host": Unremediable,
    "carriers.recognition.base_volume": Compares,
    "carriers.recognition.studio_leader": Compares,
    "carriers.recognition.station_volume": Compares,
    "carriers.award.item": Unremediable,
    "carriers.award.recognised": Unremediable,
    "carriers.award.base_volume": Unremediable,
    "carriers.award.studio_apprentices": Compares,
    "carriers.award.best_ten_amount": None,
    "carriers.award.capacity_amount": None,
    "carriers.award.rank": Unremediable,
    "competitions.entry.scope": Unremediable,
    "competitions.entry.min_age": Elapses,
    "competitions.entry.retirement": Unremediable,
    "competitions.entry.shenzhen": Requires,
    "competitions.entry.nominated": Requires,
    "competitions.entry.not_titled": Unremediable,
    "competitions.technical_expert.category": Unremediable,
    "competitions.technical_expert.competitor": Unremediable,
    "competitions.technical_expert.passed": Unremediable,
    "competitions.technical_expert.quota": Unremediable,
    "competitions.technical_expert.place": Unremediable,
    "craftsman.promotion.table": None,
    "craftsman.promotion.competitor": Unremediable,
    "craftsman.promotion.award": Unremediable,
    "craftsman.promotion.level": Unremediable,
    "craftsman.selection.frontline_years": Unremediable,
    "craftsman.selection.level": Unremediable,
    "craftsman.selection.achievement": Unremediable,
    "craftsman.selection.not_yet_awarded": Unremediable,
    "craftsman.selection.amount": None,
    "craftsman.selection.rank": Unremediable,
    "experts.recommendation.nominated": None,
    "experts.recommendation.complete": None,
    "experts.recommendation.qualification": AnyOf,
    "experts.recommendation.experience": Compares,
    "experts.recommendation.place": Unremediable,
    "experts.recommendation.other_nominations": None,
    "institutions.filing.procedure": Unremediable,
    "institutions.filing.organiser": Unremediable,
    "institutions.filing.lease_term": AnyOf,
    "institutions.filing.premises_area": Compares,
    "institutions.filing.full_time_teachers": Compares,
    "institutions.filing.start_up_funds": Compares,
}
RULES = (
    "carriers.recognition",
    "carriers.award",
    "competitions.entry",
    "competitions.technical_expert",
    "craftsman.promotion",
    "craftsman.selection",
    "experts.recommendation",
    "institutions.filing",
)


def test_every_deciding_condition_is_listed_with_its_declaration() -> None:
    deciding = {
        condition.check: condition
        for rule_id in RULES
        for condition in get_rule(rule_id).conditions
        if not condition.advisory
    }
    assert set(deciding) == set(DECLARED)
    for check, kind in DECLARED.items():
        remedy = deciding[check].remedy
        assert (None if remedy is None else type(remedy)) is kind, check


# --- institutions.filing ----------------------------------------------------------------

_FILING = "institutions-filing"


def _filing_case() -> tuple[CaseFile, Facts]:
    """The eligible Futian filing: 36-month lease, 100 m², 3 teachers, 100 000 yuan
    (the illustrative overlay's minimums exactly)."""
    case = _case(_FILING, "Futian company, 3-year lease")
    return case, dict(case.facts)


def test_a_city_that_approves_cannot_take_a_filing() -> None:
    """Guangzhou (440100) approves with notification and commitment from 2025-07-30."""
    case = _case(_FILING, "Guangzhou institution in 2025")
    remedy = _remedy_for(
        _decide(case, case.facts),
        case.facts,
        case.policy,
        "institutions.filing.procedure",
    )
    _says(
        remedy,
        zh="440100以告知承诺审批方式新设民办职业培训机构，不适用备案",
        en=(
            "440100 admits new institutions by approval with notification and "
            "commitment, so the filing procedure does not apply there"
        ),
    )


def test_an_organiser_without_full_capacity_is_not_remediable() -> None:
    case = _case(_FILING, "Individual without full capacity")
    remedy = _remedy_for(
        _decide(case, case.facts),
        case.facts,
        case.policy,
        "institutions.filing.organiser",
    )
    assert _why(remedy)[1] == (
        "the individual organiser lacks political rights or full civil capacity, "
        "which no filing can supply"
    )


def test_a_short_lease_reaches_36_months_or_the_premises_are_owned() -> None:
    """粤教监管〔2024〕5号: a lease of at least three years (36 months); owned
    premises need none.  A 35-month lease on premises not known to be owned."""
    case, facts = _filing_case()
    check = "institutions.filing.lease_term"
    short = with_fact(facts, "filing.lease_months", 35)
    remedy = _remedy_for(_decide(case, short), short, case.policy, check)
    assert isinstance(remedy, OneOf)
    bound = remedy.options[0]
    assert isinstance(bound, ReachBound)
    assert remedy == OneOf(
        check=check,
        options=(
            ReachBound(
                check=check,
                path="filing.lease_months",
                quantity="lease_months",
                comparator=">=",
                now=35,
                bound=36,
                parameter="institutions.lease_min_months",
                citations=bound.citations,
            ),
            SetFact(check=check, path="filing.premises_owned", now=None, to=(True,)),
        ),
    )
    assert bound.citations
    assert remedy.text("en") == (
        "One of: Change filing.lease_months so that its lease_months is at least 36 "
        "(now 35; the bound is institutions.lease_min_months); or Change "
        "filing.premises_owned to yes (now unknown)"
    )
    reached = with_fact(short, "filing.lease_months", 36)
    assert _held(_decide(case, reached), check) is True
    owned = with_fact(short, "filing.premises_owned", True)
    assert _held(_decide(case, owned), check) is True
    not_owned = with_fact(short, "filing.premises_owned", False)
    assert _held(_decide(case, not_owned), check) is False


@pytest.mark.parametrize(
    ("path", "quantity", "short", "bound", "step"),
    [
        ("filing.premises_area", "area", Decimal("99.5"), 100, Decimal("99.9")),
        ("filing.full_time_teachers", "teachers", 2, 3, 2),
        ("filing.start_up_funds", "funds", Decimal(80000), 100000, Decimal(99999)),
    ],
)
def test_a_setup_figure_below_the_minimum_reaches_it(
    path: str, quantity: str, short: object, bound: int, step: object
) -> None:
    """The illustrative overlay's minimums: 100 m², 3 full-time teachers, 100 000 yuan."""
    case, facts = _filing_case()
    name = path.split(".")[1]
    check = f"institutions.filing.{name}"
    parameter = get_rule("institutions.filing").condition(check).parameters[0]
    failing = with_fact(facts, path, short)
    remedy = _remedy_for(_decide(case, failing), failing, case.policy, check)
    assert isinstance(remedy, ReachBound)
    assert (remedy.path, remedy.quantity, remedy.comparator) == (path, quantity, ">=")
    assert (remedy.now, remedy.bound) == (short, bound)
    assert remedy.parameter == parameter
    assert remedy.text("en") == (
        f"Change {path} so that its {quantity} is at least {bound} "
        f"(now {short}; the bound is {parameter})"
    )
    declared = get_rule("institutions.filing").condition(check).remedy
    assert isinstance(declared, Compares)
    target: Any = remedy.bound
    if declared.mover is not None:
        # The least area is whole square metres; the filing records a Decimal.
        target = declared.mover(short, target)
        assert target == Decimal(bound)
    assert _held(_decide(case, with_fact(facts, path, target)), check) is True
    assert _held(_decide(case, with_fact(facts, path, step)), check) is False


# --- carriers.recognition -------------------------------------------------------------

_RECOGNITION = "carriers-recognition"


def test_a_studio_leader_below_the_level_reaches_it() -> None:
    """Illustrative overlay: a master studio's leader needs 高级技师; this one is 技师."""
    case = _case(_RECOGNITION, "Master studio led by a 技师")
    check = "carriers.recognition.studio_leader"
    remedy = _remedy_for(_decide(case, case.facts), case.facts, case.policy, check)
    assert isinstance(remedy, ReachBound)
    assert (remedy.path, remedy.quantity, remedy.comparator) == (
        "leader_level",
        "leader_level",
        ">=",
    )
    assert (remedy.now, remedy.bound) == (
        SkillLevel.TECHNICIAN,
        SkillLevel.SENIOR_TECHNICIAN,
    )
    assert remedy.parameter == "carriers.studio_leader_min_level"
    reached = with_fact(case.facts, "leader_level", remedy.bound)
    assert _held(_decide(case, reached), check) is True
    # 技师 is the level one step below 高级技师: the case itself fails.
    assert SkillLevel.TECHNICIAN.rank == SkillLevel.SENIOR_TECHNICIAN.rank - 1


@pytest.mark.parametrize(
    ("name_start", "check", "parameter", "bound"),
    [
        (
            "Enterprise base training 800",
            "carriers.recognition.base_volume",
            "carriers.base_min_annual_trainees",
            500,
        ),
        (
            "Rural workstation training 300",
            "carriers.recognition.station_volume",
            "carriers.workstation_min_annual_trainees",
            100,
        ),
    ],
)
def test_a_carrier_training_too_few_reaches_the_volume(
    name_start: str, check: str, parameter: str, bound: int
) -> None:
    """Illustrative overlay: a base trains at least 500 a year, a workstation 100."""
    case = _case(_RECOGNITION, name_start)
    failing = with_fact(case.facts, "annual_trainees", bound - 40)
    remedy = _remedy_for(_decide(case, failing), failing, case.policy, check)
    assert remedy == ReachBound(
        check=check,
        path="annual_trainees",
        quantity="trainees",
        comparator=">=",
        now=bound - 40,
        bound=bound,
        parameter=parameter,
        citations=remedy.citations,  # type: ignore[union-attr]
    )
    assert isinstance(remedy, ReachBound)
    reached = with_fact(failing, "annual_trainees", remedy.bound)
    assert _held(_decide(case, reached), check) is True
    short = with_fact(failing, "annual_trainees", bound - 1)
    assert _held(_decide(case, short), check) is False


def test_a_carrier_type_the_measure_does_not_recognise_is_not_remediable() -> None:
    """A policy that recognises bases and workstations only (a made-up change)."""
    case = _case(_RECOGNITION, "Master studio led by a 技师")
    policy = case.policy.with_values(
        document="skillchain-assumption",
        since=date(2024, 1, 1),
        replace={
            "carriers.carrier_types": ["high_skill_training_base", "rural_workstation"]
        },
    )
    leader = with_fact(case.facts, "leader_level", SkillLevel.SENIOR_TECHNICIAN)
    decision = _decide(case, leader, policy=policy)
    remedy = _remedy_for(decision, leader, policy, "carriers.recognition.type")
    _says(
        remedy,
        zh="办法不认定技能大师工作室这一类型的载体",
        en="the measure recognises no carrier of the type skill master studio",
    )


def test_a_host_of_no_listed_kind_is_not_remediable() -> None:
    """A public training base hosts the base; the district lists no further kinds."""
    case = _case(_RECOGNITION, "Base hosted by a public training base")
    policy = case.policy.with_values(
        document="skillchain-assumption",
        since=date(2024, 1, 1),
        replace={"carriers.other_host_kinds": []},
    )
    decision = _decide(case, case.facts, policy=policy)
    remedy = _remedy_for(decision, case.facts, policy, "carriers.recognition.host")
    assert _why(remedy)[1] == (
        "a(n) public training base is not a kind of organisation that may host a "
        "carrier, and applying does not change what kind the host is"
    )


# --- carriers.award --------------------------------------------------------------------

_AWARD = "carriers-award"


def test_a_studio_with_five_apprentices_must_teach_more_than_five() -> None:
    """2023 round: a master studio must have taught more than 5 apprentices."""
    case = _case(_AWARD, "Master studio with exactly 5 apprentices")
    check = "carriers.award.studio_apprentices"
    remedy = _remedy_for(_decide(case, case.facts), case.facts, case.policy, check)
    assert isinstance(remedy, ReachBound)
    assert (remedy.path, remedy.comparator, remedy.now, remedy.bound) == (
        "application.apprentices_taught",
        ">",
        5,
        5,
    )
    assert remedy.text("en") == (
        "Change application.apprentices_taught so that its apprentices is more than 5 "
        "(now 5; the bound is carriers.studio_apprentices_above)"
    )
    assert remedy.text("zh") == (
        "调整 application.apprentices_taught，使其 apprentices 多于 5"
        "（现为 5；界限来自 carriers.studio_apprentices_above）"
    )
    six = with_fact(case.facts, "application.apprentices_taught", 6)
    assert _held(_decide(case, six), check) is True
    # The case itself, at the bound, is the step short.


def test_a_studio_may_not_apply_for_quality_and_capacity() -> None:
    """2023 round: only bases may apply for 提质扩容."""
    case = _case(_AWARD, "Master studio, 8 apprentices, no review score")
    facts = with_fact(
        case.facts, "application.category", CarrierAwardCategory.QUALITY_CAPACITY
    )
    remedy = _remedy_for(
        _decide(case, facts), facts, case.policy, "carriers.award.item"
    )
    zh, en = _why(remedy)
    assert en == (
        "in the 2023 round a skill master studio may not apply for "
        "quality-and-capacity project"
    )
    assert zh == "2023年度提质扩容项目不接受技能大师工作室申报"


def test_a_carrier_recognised_on_the_cut_off_day_is_not_remediable() -> None:
    """2023 round: recognised before 2022-12-01 (one month before 1 January 2023);
    recognised on 2022-12-01 itself is not before it."""
    case = _case(_AWARD, "Master studio, 8 apprentices, no review score")
    facts = with_fact(
        case.facts, "application.carrier.recognised_on", date(2022, 12, 1)
    )
    remedy = _remedy_for(
        _decide(case, facts), facts, case.policy, "carriers.award.recognised"
    )
    _says(
        remedy,
        zh=(
            "载体于 2022-12-01 获认定，晚于本年度申报要求的 2022-12-01；"
            "认定日期已定，本年度的截止点也不会推后"
        ),
        en=(
            "the carrier was recognised on 2022-12-01, not before 2022-12-01 as this "
            "round requires; the recognition day is past and the round's cut-off does "
            "not move"
        ),
    )
    # Judged a year later, the round's cut-off is the same.
    later = _decide(case, facts, on=date(2024, 11, 1))
    assert _held(later, "carriers.award.recognised") is False


def test_a_base_that_trained_too_few_last_year_is_not_remediable() -> None:
    """2023 round: an enterprise's base must have trained 200 in the year before."""
    case = _case(_AWARD, "Enterprise base, 1 600 000 invested")
    facts = with_fact(case.facts, "application.annual_trainees", 150)
    remedy = _remedy_for(
        _decide(case, facts), facts, case.policy, "carriers.award.base_volume"
    )
    assert _why(remedy)[1] == (
        "the base trained 150 in the year before the round, fewer than 200; that "
        "year is over and its volume cannot change"
    )


def test_the_eleventh_studio_of_an_item_is_outside_the_ten_winners() -> None:
    """2023 round: 10 winners per item; eleven studios scored 100 down to 90."""
    case = _case(_AWARD, "Master studio, 8 apprentices, no review score")
    application = case.facts["application"]
    assert isinstance(application, CarrierAwardApplication)
    pool = [
        attrs.evolve(
            application,
            carrier=attrs.evolve(application.carrier, name=f"工作室{index}"),
            review_score=Decimal(100 - index),
        )
        for index in range(11)
    ]
    allocation = allocate_carrier_awards(pool, on=case.on, policy=case.policy)
    assert len(allocation.winners) == 10
    last = pool[-1]
    decision = allocation.decision_for(last)
    facts = {"application": last, "applications": tuple(pool)}
    remedy = _remedy_for(decision, facts, case.policy, "carriers.award.rank")
    _says(
        remedy,
        zh="按评审得分排第 11 位，该项目的 10 个名额已由排名在前的申报取得",
        en=(
            "by review score it ranks at position 11, and the item's 10 places went "
            "to the applications ranked before it"
        ),
    )


# --- competitions.entry -----------------------------------------------------------------

_ENTRY = "competitions-entry"


def _entry_case() -> tuple[CaseFile, Facts]:
    """The man born 1965-01-15 on 2025-02-14, nominated, working in Shenzhen."""
    case = _case(_ENTRY, "Man born 1965-01-15")
    return case, dict(case.facts)


def test_a_fifteen_year_old_waits_for_the_sixteenth_birthday() -> None:
    """Least age 16 (2022 notice), counted on the registration day: born 2009-09-10,
    registering on 2025-07-20 (aged 15), from 2025-09-10 on."""
    case, facts = _entry_case()
    check = "competitions.entry.min_age"
    young = with_fact(facts, "entry.person", resident(date(2009, 9, 10)))
    on = date(2025, 7, 20)
    decision = _decide(case, young, on=on)
    assert dict(next(f for f in decision.findings if f.check == check).values) == {
        "age": 15,
        "min_age": 16,
    }
    remedy = _remedy_for(decision, young, case.policy, check)
    assert remedy == WaitUntil(check=check, path="on", now=on, day=date(2025, 9, 10))
    assert remedy.text("en") == (
        "Wait: from 2025-09-10, on (now 2025-07-20) is late enough"
    )
    assert _held(_decide(case, young, on=date(2025, 9, 10)), check) is True
    assert _held(_decide(case, young, on=date(2025, 9, 9)), check) is False


def test_without_the_facts_the_wait_is_not_searched() -> None:
    case, facts = _entry_case()
    young = with_fact(facts, "entry.person", resident(date(2009, 9, 10)))
    decision = _decide(case, young, on=date(2025, 7, 20))
    (remedy,) = remedies(decision, policy=case.policy)
    assert isinstance(remedy, WaitUntil)
    assert (remedy.check, remedy.path, remedy.now, remedy.day) == (
        "competitions.entry.min_age",
        "on",
        date(2025, 7, 20),
        None,
    )


def test_the_retirement_date_passed_is_not_remediable() -> None:
    """Born 1965-01-15: retires on 2025-02-15 (one month's delay)."""
    case = _case(_ENTRY, "Same man on his delayed retirement date")
    remedy = _remedy_for(
        _decide(case, case.facts),
        case.facts,
        case.policy,
        "competitions.entry.retirement",
    )
    _says(
        remedy,
        zh="2025-02-15 已到法定退休年龄，时间只会使其更远",
        en=(
            "on 2025-02-15 the entrant has reached the statutory retirement age, and "
            "time only takes it further behind"
        ),
    )


@pytest.mark.parametrize(
    ("path", "check"),
    [
        ("entry.works_or_studies_in_shenzhen", "competitions.entry.shenzhen"),
        ("entry.nominated", "competitions.entry.nominated"),
    ],
)
def test_working_in_shenzhen_and_a_nomination_are_facts_to_set(
    path: str, check: str
) -> None:
    case, facts = _entry_case()
    failing = with_fact(facts, path, False)
    remedy = _remedy_for(_decide(case, failing), failing, case.policy, check)
    assert remedy == SetFact(check=check, path=path, now=False, to=(True,))
    assert remedy.text("en") == f"Change {path} to yes (now no)"
    repaired = with_fact(failing, path, remedy.to[0])
    assert _held(_decide(case, repaired), check) is True


def test_an_event_outside_shenzhen_is_not_remediable() -> None:
    case, facts = _entry_case()
    national = with_fact(facts, "entry.competition.tier", CompetitionTier.NATIONAL)
    remedy = _remedy_for(
        _decide(case, national), national, case.policy, "competitions.entry.scope"
    )
    assert _why(remedy)[1] == (
        "the event is a national contest, not a Shenzhen city or district one"
    )


def test_a_technical_expert_of_the_same_event_may_not_re_enter() -> None:
    case, facts = _entry_case()
    entry = facts["entry"]
    title = Honour(
        holder=entry.person,
        key="shenzhen-technical-expert",
        title="深圳市技术能手",
        awarded_on=date(2023, 12, 1),
        event=entry.competition.event,
    )
    titled = with_fact(facts, "entry.honours", (title,))
    remedy = _remedy_for(
        _decide(case, titled), titled, case.policy, "competitions.entry.not_titled"
    )
    _says(
        remedy,
        zh="已在本赛项（光电技术）获得深圳市技术能手，获得者不得再次参加该赛项",
        en=(
            "the entrant already won 深圳市技术能手 in this event (光电技术), and a "
            "holder may not enter it again"
        ),
    )


# --- competitions.technical_expert ------------------------------------------------------

_EXPERT = "competitions-technical-expert"


def _titled_case() -> tuple[CaseFile, Facts]:
    """Rank 2 of 12 finalists in a 2022 市级一类 event: the 10-24 tier, 2 places."""
    case = _case(_EXPERT, "Rank 2 of 12 finalists")
    return case, dict(case.facts)


def test_rank_three_of_twelve_is_outside_the_two_places() -> None:
    case = _case(_EXPERT, "Rank 3 of 12 finalists")
    remedy = _remedy_for(
        _decide(case, case.facts),
        case.facts,
        case.policy,
        "competitions.technical_expert.place",
    )
    _says(
        remedy,
        zh=(
            "2 个名额按公布的名次给予选手，本成绩（名次 3，在前 2 人）不在其中；"
            "已公布的成绩不会改变"
        ),
        en=(
            "the 2 places go to competitors by published rank, and this result (rank "
            "3, 2 ahead) is not among them; a published result does not change"
        ),
    )


def test_nine_finalists_give_no_place() -> None:
    """2022: fewer than 10 finalists in a single-person event: no places."""
    case, facts = _titled_case()
    few = with_fact(facts, "results[0].competition.finalists", 9)
    remedy = _remedy_for(
        _decide(case, few), few, case.policy, "competitions.technical_expert.quota"
    )
    assert _why(remedy)[1] == (
        "9 finalists are too few for any place under the 2022 contest year's "
        "quota, and the final is over"
    )


@pytest.mark.parametrize(
    ("path", "value", "check", "en"),
    [
        (
            "results[0].competition.competition_class",
            CompetitionClass.SECOND,
            "competitions.technical_expert.category",
            (
                "the event was a municipal, class two contest, and a contest held "
                "does not change class"
            ),
        ),
        (
            "results[0].as_coach",
            True,
            "competitions.technical_expert.competitor",
            "the person took part as a coach, and a contest over does not change that",
        ),
        (
            "results[0].passed_all_parts",
            False,
            "competitions.technical_expert.passed",
            "not every score passed, and published scores do not change",
        ),
    ],
)
def test_a_past_result_is_not_remediable(
    path: str, value: object, check: str, en: str
) -> None:
    case, facts = _titled_case()
    failing = with_fact(facts, path, value)
    remedy = _remedy_for(_decide(case, failing), failing, case.policy, check)
    assert _why(remedy)[1] == en


# --- craftsman.promotion -----------------------------------------------------------------

_PROMOTION = "craftsman-promotion"


def test_a_level_already_above_the_table_is_not_remediable() -> None:
    case = _case(_PROMOTION, "Already 高级技师")
    remedy = _remedy_for(
        _decide(case, case.facts), case.facts, case.policy, "craftsman.promotion.level"
    )
    assert _why(remedy)[1] == (
        "the level already held in the occupation, senior technician (grade 1), is "
        "at or above the level the award promotes to"
    )


def test_a_coach_and_an_unlisted_award_are_not_remediable() -> None:
    case = _case(_PROMOTION, "优胜奖 at the 2020 national competition")
    coach = with_fact(case.facts, "result.as_coach", True)
    remedy = _remedy_for(
        _decide(case, coach), coach, case.policy, "craftsman.promotion.competitor"
    )
    assert _why(remedy)[1] == (
        "the result was won as a coach, coaches are not promoted, and a contest "
        "over does not change that"
    )
    prize = with_fact(case.facts, "result.award", CompetitionAward.FIRST_PRIZE)
    remedy = _remedy_for(
        _decide(case, prize), prize, case.policy, "craftsman.promotion.award"
    )
    assert _why(remedy)[1] == (
        "the award first prize is not one the competition's table promotes, and an "
        "award given does not change"
    )


# --- craftsman.selection -----------------------------------------------------------------

_SELECTION = "craftsman-selection"


def _selected() -> tuple[CaseFile, Facts]:
    """高级技师, skill post since 2016, 广东省技术能手 2022, 2025 round (deadline
    2025-08-01): selected."""
    case = _case(_SELECTION, "高级技师, skill post since 2016")
    return case, dict(case.facts)


def test_fifty_nine_front_line_months_are_not_remediable_in_the_round() -> None:
    """From 2020-08-03 to the deadline 2025-08-01: 59 whole months, 60 needed."""
    case = _case(_SELECTION, "Front line from 2020-08-03")
    check = "craftsman.selection.frontline_years"
    remedy = _remedy_for(_decide(case, case.facts), case.facts, case.policy, check)
    _says(
        remedy,
        zh=(
            "一线岗位年限计算至本年度申报截止日 2025-08-01，共 59 个月，不足 5 年；"
            "本年度的计算不会再变"
        ),
        en=(
            "the front-line months are counted to this round's deadline 2025-08-01: 59, "
            "short of 5 years, and this round's count does not change"
        ),
    )
    # Judging the same application later changes nothing: the count stops at the
    # deadline.
    assert _held(_decide(case, case.facts, on=date(2026, 8, 1)), check) is False


def test_a_level_below_senior_technician_without_an_equivalent_is_not_remediable() -> (
    None
):
    case, facts = _selected()
    application = facts["application"]
    certificates = tuple(
        attrs.evolve(cert, level=SkillLevel.TECHNICIAN)
        for cert in application.certificates
    )
    lower = with_fact(facts, "application.certificates", certificates)
    lower = with_fact(lower, "application.equivalent_level", False)
    remedy = _remedy_for(
        _decide(case, lower), lower, case.policy, "craftsman.selection.level"
    )
    assert _why(remedy)[1] == (
        "the highest level held by the round's deadline is technician (grade 2), "
        "below senior technician (grade 1), and the review found no equivalent level"
    )


def test_no_achievement_in_the_window_is_not_remediable() -> None:
    """2025 round: the window runs from 2020-01-01 to the deadline 2025-08-01."""
    case, facts = _selected()
    bare = with_fact(facts, "application.honours", ())
    bare = with_fact(bare, "application.other_merit", False)
    remedy = _remedy_for(
        _decide(case, bare), bare, case.policy, "craftsman.selection.achievement"
    )
    assert _why(remedy)[1] == (
        "no listed honour or result falls between 2020-01-01 and 2025-08-01, and "
        "the review found no other merit; that period's record does not change"
    )


def test_a_pengcheng_craftsman_is_not_selected_twice() -> None:
    case, facts = _selected()
    application = facts["application"]
    title = Honour(
        holder=application.person,
        key="pengcheng-craftsman",
        title="鹏城工匠",
        awarded_on=date(2021, 5, 1),
    )
    again = with_fact(facts, "application.honours", (*application.honours, title))
    remedy = _remedy_for(
        _decide(case, again), again, case.policy, "craftsman.selection.not_yet_awarded"
    )
    assert _why(remedy)[1] == (
        "the candidate is already a Pengcheng Craftsman, and the title is not given "
        "twice"
    )


def test_the_eleventh_candidate_is_outside_the_ten_craftsmen() -> None:
    """At most 10 a year: eleven eligible candidates scored 100 down to 90."""
    case, facts = _selected()
    application = facts["application"]
    assert isinstance(application, CraftsmanApplication)
    pool = []
    for index in range(11):
        person = resident(date(1980, 1, 1 + index), Sex.FEMALE)
        pool.append(
            attrs.evolve(
                application,
                person=person,
                certificates=tuple(
                    attrs.evolve(cert, holder=person)
                    for cert in application.certificates
                ),
                honours=tuple(
                    attrs.evolve(honour, holder=person)
                    for honour in application.honours
                ),
                review_score=Decimal(100 - index),
            )
        )
    selection = select_craftsmen(pool, on=case.on, policy=case.policy)
    assert len(selection.chosen) == 10
    last = pool[-1]
    decision = selection.decision_for(last)
    remedy = _remedy_for(
        decision,
        {"application": last, "applications": tuple(pool)},
        case.policy,
        "craftsman.selection.rank",
    )
    _says(
        remedy,
        zh="按评审得分排第 11 位，2025 年度的 10 个名额已由排名在前的申报人取得",
        en=(
            "by review score the candidate ranks at position 11, and the 2025 round's "
            "10 places went to the candidates ranked before"
        ),
    )


# --- experts.recommendation -----------------------------------------------------------------

_EXPERTS = "experts-recommendation"


def test_a_candidate_below_both_routes_reaches_either() -> None:
    """Illustrative criteria: 高级技师 or 副高级职称; C is a 技师 without a title.

    The remedy names the fact relative to the nomination
    (``expert.skill_level``): C's nomination is ``nominations[0]`` of the round.
    """
    case = _case(_EXPERTS, "C, 技师 without a title")
    check = "experts.recommendation.qualification"
    remedy = _remedy_for(_decide(case, case.facts), case.facts, case.policy, check)
    assert isinstance(remedy, OneOf)
    level, title = remedy.options
    assert isinstance(level, ReachBound)
    assert isinstance(title, ReachBound)
    assert (level.path, level.now, level.bound, level.parameter) == (
        "expert.skill_level",
        SkillLevel.TECHNICIAN,
        SkillLevel.SENIOR_TECHNICIAN,
        "experts.min_skill_level",
    )
    assert (title.path, title.now, title.bound, title.parameter) == (
        "expert.professional_title",
        None,
        ProfessionalTitleLevel.DEPUTY_SENIOR,
        "experts.min_professional_title",
    )
    at = "recommendation_round.nominations[0]."
    for option in (level, title):
        repaired = with_fact(case.facts, at + option.path, option.bound)
        assert _held(_decide(case, repaired), check) is True
    short = with_fact(case.facts, at + title.path, ProfessionalTitleLevel.INTERMEDIATE)
    assert _held(_decide(case, short), check) is False


def test_nine_years_reach_the_ten_years_needed() -> None:
    """Illustrative criteria: 10 years in the field; B (正高级职称) has 9."""
    case = _case(_EXPERTS, "B, qualified at position 2")
    check = "experts.recommendation.experience"
    path = "recommendation_round.nominations[1].expert.years_of_experience"
    failing = with_fact(case.facts, path, 9)
    remedy = _remedy_for(_decide(case, failing), failing, case.policy, check)
    assert isinstance(remedy, ReachBound)
    assert (remedy.path, remedy.quantity, remedy.comparator) == (
        "expert.years_of_experience",
        "years",
        ">=",
    )
    assert (remedy.now, remedy.bound) == (9, 10)
    assert remedy.text("en") == (
        "Change expert.years_of_experience so that its years is at least 10 "
        "(now 9; the bound is experts.min_years_of_experience)"
    )
    reached = with_fact(failing, path, remedy.bound)
    assert _held(_decide(case, reached), check) is True
    # The failing case (9 years) is the step short.


def test_a_qualified_candidate_after_the_quota_is_not_remediable() -> None:
    """Quota 1: A (submitted 2024-05-06) takes it; B (2024-05-07) comes second."""
    case = _case(_EXPERTS, "B, qualified at position 2")
    remedy = _remedy_for(
        _decide(case, case.facts),
        case.facts,
        case.policy,
        "experts.recommendation.place",
    )
    _says(
        remedy,
        zh="按报送先后排第 2 位，轮到时 1 个推荐名额已由在先报送的候选人取得",
        en=(
            "in submission order it is at position 2, and at its turn the quota of 1 "
            "was already taken by candidates submitted before it"
        ),
    )
