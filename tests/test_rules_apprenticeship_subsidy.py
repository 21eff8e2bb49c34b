"""Tests for the apprenticeship subsidy entitlement, prepayment and settlement rules.

Hand-worked from the Shenzhen rates (5 500 / 7 000 / 8 500 yuan, the Longgang FAQ
restating 深人社规〔2019〕11号), 粤人社规〔2023〕13号 (2023-08-15 to 2025-12-31: the
uplift's lowest level and 30 % ceiling, the student rate, the 40 % / 30 % prepayment
shares and their windows; no successor after it, so a shortage case is then
undetermined), Guangdong's 2020 FAQ ("up to 50 %", for reference, unverified for
Shenzhen) and the refund of an over-prepayment within 3 months of the training's end
(seen without an address: unverified).
"""

import decimal
import functools

from datetime import date, timedelta
from decimal import Decimal
from importlib import resources

import attrs
import pytest

from hypothesis import given
from hypothesis import strategies as st

from rule_fixtures import enrol, make_programme, overlay
from skillchain import (
    Decision,
    Finding,
    InvalidValueError,
    Outcome,
    Policy,
    Provenance,
    SkillLevel,
)
from skillchain.model import ApprenticeEnrolment, ApprenticeshipProgramme
from skillchain.policy import PartYearRule, specs
from skillchain.rules import Judge, Rule, get_rule
from skillchain.rules.apprenticeship.subsidy import (
    PREPAYMENT_RULE,
    SETTLEMENT_RULE,
    SUBSIDY_RULE,
    PrepaymentScheme,
    check_prepayment,
    check_settlement,
    check_subsidy,
    prepayment,
    settlement,
    subsidy_entitlement,
)
from skillchain.testing.strategies import cases


DAY = timedelta(days=1)
IN_BAND = date(2024, 6, 1)
"""A day inside 粤人社规〔2023〕13号's period (2023-08-15 to 2025-12-31)."""
AFTER_BAND = date(2026, 3, 2)
"""A day after it: the Shenzhen rates still stand, the uplift's figures do not."""
UPLIFT_FIGURES = (
    "apprenticeship.shortage_uplift_min_level",
    "apprenticeship.shortage_uplift_max",
    "apprenticeship.shortage_uplift",
)
"""Guangdong's lowest level and ceiling, then the city's uplift."""


def uplift_policy(value: str = '"0.20"') -> Policy:
    """The bundled policy with a city shortage uplift for 2023-08-15 to 2025-12-31."""
    return overlay(
        {"apprenticeship.shortage_uplift": [("2023-08-15", "2025-12-31", value)]}
    )


def values(decision: Decision, check: str) -> dict[str, object]:
    """The values of the one finding of *check* in *decision*."""
    (finding,) = [f for f in decision.findings if f.check == check]
    return dict(finding.values)


def checks(decision: Decision) -> list[str]:
    """The check ids of *decision*'s findings, in order."""
    return [f.check for f in decision.findings]


# --- rule 4: the hand-worked entitlement -------------------------------------------


def test_ten_certified_advanced_apprentices_over_two_years_earn_140000() -> None:
    """10 高级工 apprentices, 24 months, all certified: 7 000 × 10 × 2 = 140 000 yuan."""
    plan = make_programme()
    decision = subsidy_entitlement(
        plan, enrol(plan, [True] * 10), on=IN_BAND, shortage_occupation=False
    )
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.amount == Decimal("140000.00")
    assert values(decision, "apprenticeship.subsidy.amount") == {
        "rate": Decimal(7000),
        "uplift": Decimal(0),
        "persons": 10,
        "counted": 24,
        "amount": Decimal("140000.00"),
        "mode": values(decision, "apprenticeship.subsidy.amount")["mode"],
        "quantum": Decimal("0.01"),
    }
    assert checks(decision) == [
        "apprenticeship.subsidy.rate",
        "apprenticeship.subsidy.years",
        "apprenticeship.subsidy.not_shortage",
        "apprenticeship.subsidy.qualified_count",
        "apprenticeship.subsidy.amount",
    ]
    assert decision.version == "2026.2"


def test_eighteen_months_count_one_and_a_half_years_under_whole_months() -> None:
    """18 months pro rata by whole months: 7 000 × 1.5 per apprentice."""
    plan = make_programme(months=18)
    decision = subsidy_entitlement(
        plan, enrol(plan, [True] * 10), on=IN_BAND, shortage_occupation=False
    )
    assert decision.amount == Decimal("105000.00")
    assert values(decision, "apprenticeship.subsidy.years") == {
        "months": 18,
        "rule": PartYearRule.WHOLE_MONTHS,
        "counted": 18,
    }


@pytest.mark.parametrize(
    ("rule", "counted", "amount"),
    [
        ("completed_years", 12, "70000.00"),
        ("started_years", 24, "140000.00"),
        ("whole_months", 18, "105000.00"),
    ],
)
def test_a_district_part_year_rule_changes_the_months_that_count(
    rule: str, counted: int, amount: str
) -> None:
    """An overlay's part-year rule applies, and the explanation names it."""
    policy = overlay(
        {"apprenticeship.part_year_rule": [("2024-01-01", None, f'"{rule}"')]}
    )
    plan = make_programme(months=18)
    decision = subsidy_entitlement(
        plan,
        enrol(plan, [True] * 10),
        on=IN_BAND,
        policy=policy,
        shortage_occupation=False,
    )
    assert decision.amount == Decimal(amount)
    assert values(decision, "apprenticeship.subsidy.years")["counted"] == counted
    assert PartYearRule(rule).label("en") in decision.explain("en")
    assert PartYearRule(rule).label("zh") in decision.explain("zh")


def test_a_city_shortage_uplift_of_a_fifth_raises_the_amount_by_a_fifth() -> None:
    """With the city's uplift of 0.20 (an overlay): 140 000 × 1.2 = 168 000 yuan."""
    plan = make_programme()
    decision = subsidy_entitlement(
        plan,
        enrol(plan, [True] * 10),
        on=IN_BAND,
        policy=uplift_policy(),
        shortage_occupation=True,
    )
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.amount == Decimal("168000.00")
    assert values(decision, "apprenticeship.subsidy.shortage_uplift")["uplift"] == (
        Decimal("0.20")
    )
    assert decision.provenance is Provenance.UNVERIFIED


def test_a_shortage_case_is_undetermined_until_the_city_supplies_its_uplift() -> None:
    """The bundled policy has no city uplift: a shortage 高级工 case names it missing."""
    plan = make_programme()
    decision = subsidy_entitlement(
        plan, enrol(plan, [True] * 10), on=IN_BAND, shortage_occupation=True
    )
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.amount is None
    assert decision.missing == ("apprenticeship.shortage_uplift",)


def test_an_uplift_above_guangdongs_ceiling_is_a_failed_finding() -> None:
    """A city uplift of 0.35 exceeds the 30 % ceiling: ineligible, not clamped."""
    plan = make_programme()
    decision = subsidy_entitlement(
        plan,
        enrol(plan, [True] * 10),
        on=IN_BAND,
        policy=uplift_policy('"0.35"'),
        shortage_occupation=True,
    )
    assert decision.outcome is Outcome.INELIGIBLE
    assert [f.check for f in decision.failed] == [
        "apprenticeship.subsidy.shortage_uplift"
    ]
    assert decision.amount is None


def test_an_uplift_at_the_ceiling_holds() -> None:
    """An uplift of exactly 0.30 is allowed: 140 000 × 1.3 = 182 000."""
    plan = make_programme()
    decision = subsidy_entitlement(
        plan,
        enrol(plan, [True] * 10),
        on=IN_BAND,
        policy=uplift_policy('"0.30"'),
        shortage_occupation=True,
    )
    assert decision.amount == Decimal("182000.00")


def test_no_uplift_below_advanced_even_in_a_shortage_occupation() -> None:
    """中级工 is below the uplift's lowest level: 5 500 × 10 × 2, no uplift."""
    plan = make_programme(level=SkillLevel.INTERMEDIATE)
    decision = subsidy_entitlement(
        plan,
        enrol(plan, [True] * 10),
        on=IN_BAND,
        policy=uplift_policy(),
        shortage_occupation=True,
    )
    assert decision.amount == Decimal("110000.00")
    assert values(decision, "apprenticeship.subsidy.uplift_level") == {
        "level": SkillLevel.INTERMEDIATE,
        "min_level": SkillLevel.ADVANCED,
        "uplift": 0,
    }


def test_an_unknown_shortage_status_is_undetermined_only_where_it_matters() -> None:
    """高级工 with shortage unknown: undetermined, naming the status and the city's
    missing figure together; 中级工: the uplift cannot apply."""
    advanced = make_programme()
    decision = subsidy_entitlement(advanced, enrol(advanced, [True]), on=IN_BAND)
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == (
        "shortage_occupation",
        "apprenticeship.shortage_uplift",
    )
    intermediate = make_programme(level=SkillLevel.INTERMEDIATE)
    decision = subsidy_entitlement(
        intermediate, enrol(intermediate, [True]), on=IN_BAND
    )
    assert decision.amount == Decimal("11000.00")


@pytest.mark.parametrize(
    ("day", "amount"),
    [
        (date(2023, 8, 14), None),
        (date(2023, 8, 15), Decimal("168000.00")),
        (date(2025, 12, 31), Decimal("168000.00")),
        (date(2026, 1, 1), None),
    ],
)
def test_a_shortage_case_outside_guangdongs_measure_is_undetermined_not_unraised(
    day: date, amount: Decimal | None
) -> None:
    """粤人社规〔2023〕13号 ran 2023-08-15 to 2025-12-31 with no successor: outside it a
    shortage 高级工 case is undetermined, naming the uplift's figures, never paid at
    7 000 × 10 × 2 = 140 000 with no uplift.  Inside it, with the city's 0.20:
    140 000 × 1.2 = 168 000."""
    plan = make_programme()
    decision = subsidy_entitlement(
        plan,
        enrol(plan, [True] * 10),
        on=day,
        policy=uplift_policy(),
        shortage_occupation=True,
    )
    assert decision.amount == amount
    if amount is None:
        assert decision.outcome is Outcome.UNDETERMINED
        assert decision.missing == UPLIFT_FIGURES


def test_a_city_uplift_without_end_still_needs_guangdongs_ceiling_after_2025() -> None:
    """Even an open-ended city figure cannot be checked against the expired 30 %
    ceiling: on 2026-01-01 Guangdong's lowest level and ceiling are named."""
    policy = overlay(
        {"apprenticeship.shortage_uplift": [("2023-08-15", None, '"0.20"')]}
    )
    plan = make_programme()
    decision = subsidy_entitlement(
        plan,
        enrol(plan, [True]),
        on=date(2026, 1, 1),
        policy=policy,
        shortage_occupation=True,
    )
    assert decision.missing == UPLIFT_FIGURES[:2]


@pytest.mark.parametrize("day", [date(2023, 8, 14), date(2026, 1, 1), AFTER_BAND])
def test_a_case_outside_the_shortage_list_reads_no_uplift_figure(day: date) -> None:
    """Not a shortage occupation: no uplift whatever the day, and none is read, so the
    Shenzhen rate stands: 7 000 × 10 × 2 = 140 000."""
    plan = make_programme()
    decision = subsidy_entitlement(
        plan, enrol(plan, [True] * 10), on=day, shortage_occupation=False
    )
    assert decision.amount == Decimal("140000.00")
    assert values(decision, "apprenticeship.subsidy.not_shortage") == {
        "shortage": False
    }
    assert "apprenticeship.subsidy.shortage_uplift" not in checks(decision)


@pytest.mark.parametrize("level", [SkillLevel.SENIOR_TECHNICIAN, SkillLevel.ELEMENTARY])
def test_a_level_without_a_shenzhen_rate_is_undetermined(level: SkillLevel) -> None:
    """高级技师 and 初级工 have no rate in the table (no source says they are not
    paid): undetermined, naming the table, and the amount's finding names it too."""
    plan = make_programme(level=level)
    decision = subsidy_entitlement(
        plan, enrol(plan, [True]), on=IN_BAND, shortage_occupation=False
    )
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("apprenticeship.annual_subsidy",)
    assert values(decision, "apprenticeship.subsidy.rate")["rate"] is None
    (amount,) = [
        f for f in decision.findings if f.check == "apprenticeship.subsidy.amount"
    ]
    assert amount.missing == ("apprenticeship.annual_subsidy",)


def test_the_amount_names_every_unknown_input_together() -> None:
    """No early stop: a level without a rate and an apprentice not yet assessed are
    both named by the amount's finding."""
    plan = make_programme(level=SkillLevel.SENIOR_TECHNICIAN)
    decision = subsidy_entitlement(
        plan, enrol(plan, [True, None]), on=IN_BAND, shortage_occupation=False
    )
    (amount,) = [
        f for f in decision.findings if f.check == "apprenticeship.subsidy.amount"
    ]
    assert amount.missing == (
        "apprenticeship.annual_subsidy",
        "enrolments[1].qualified",
    )
    assert decision.missing == amount.missing


def test_the_shenzhen_rates_lie_within_guangdongs_2023_band() -> None:
    """粤人社规〔2023〕13号: 5 000-8 500 yuan per person per year.  The band bounds the
    rates a city sets; the rule pays the city's rate and reads no band."""
    for day in (date(2023, 8, 15), IN_BAND, date(2025, 12, 31)):
        rates = Policy.default().at(day).apprenticeship.annual_subsidy.value
        assert rates is not None
        assert all(Decimal(5000) <= rate <= Decimal(8500) for rate in rates.values())
    assert not any("provincial_rate" in name for name in SUBSIDY_RULE.parameters)


@pytest.mark.parametrize(
    ("day", "outcome"),
    [
        (date(2019, 12, 18), Outcome.UNDETERMINED),
        (date(2019, 12, 19), Outcome.ELIGIBLE),
    ],
)
def test_the_shenzhen_rates_start_on_2019_12_19(day: date, outcome: Outcome) -> None:
    """Before 深人社规〔2019〕11号 no rate, part-year rule or rounding is in force."""
    plan = make_programme(level=SkillLevel.INTERMEDIATE, start=date(2019, 12, 1))
    decision = subsidy_entitlement(
        plan, enrol(plan, [True]), on=day, shortage_occupation=False
    )
    assert decision.outcome is outcome
    if outcome is Outcome.UNDETERMINED:
        assert decision.missing == (
            "apprenticeship.annual_subsidy",
            "apprenticeship.part_year_rule",
            "apprenticeship.rounding",
        )


def test_four_of_ten_qualified_earn_four_shares() -> None:
    """Only qualifying apprentices count: 7 000 × 4 × 1 year = 28 000."""
    plan = make_programme(months=12)
    decision = subsidy_entitlement(
        plan,
        enrol(plan, [True] * 4 + [False] * 6),
        on=IN_BAND,
        shortage_occupation=False,
    )
    assert decision.amount == Decimal("28000.00")
    assert values(decision, "apprenticeship.subsidy.qualified_count") == {
        "qualified": 4,
        "total": 10,
        "failed": 6,
        "unknown": 0,
    }


def test_an_apprentice_not_yet_assessed_leaves_the_total_undetermined() -> None:
    """One ``qualified=None`` makes the total undetermined, naming that apprentice."""
    plan = make_programme()
    decision = subsidy_entitlement(
        plan,
        enrol(plan, [True, True, True, None, False]),
        on=IN_BAND,
        shortage_occupation=False,
    )
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("enrolments[3].qualified",)


def test_no_qualifying_apprentice_means_no_entitlement() -> None:
    """If nobody qualified the programme is ineligible (nothing to pay)."""
    plan = make_programme()
    decision = subsidy_entitlement(
        plan, enrol(plan, [False, False]), on=IN_BAND, shortage_occupation=False
    )
    assert decision.outcome is Outcome.INELIGIBLE
    assert [f.check for f in decision.failed] == [
        "apprenticeship.subsidy.qualified_count"
    ]
    assert subsidy_entitlement(plan, [], on=IN_BAND).outcome is Outcome.INELIGIBLE


@pytest.mark.parametrize(
    ("day", "outcome"),
    [
        (date(2023, 8, 14), Outcome.UNDETERMINED),
        (date(2023, 8, 15), Outcome.ELIGIBLE),
        (date(2025, 12, 31), Outcome.ELIGIBLE),
        (date(2026, 1, 1), Outcome.UNDETERMINED),
    ],
)
def test_the_flat_student_rate_is_in_force_2023_08_15_to_2025_12_31(
    day: date, outcome: Outcome
) -> None:
    """Student apprentices: 5 000 a year flat, no uplift; undetermined outside 13号."""
    plan = make_programme(months=12)
    decision = subsidy_entitlement(
        plan,
        enrol(plan, [True] * 3),
        on=day,
        policy=uplift_policy(),
        shortage_occupation=True,
        student=True,
    )
    assert decision.outcome is outcome
    assert "apprenticeship.subsidy.shortage_uplift" not in checks(decision)
    assert "apprenticeship.subsidy.rate" not in checks(decision)
    if outcome is Outcome.ELIGIBLE:
        assert decision.amount == Decimal("15000.00")
    else:
        assert decision.missing == ("apprenticeship.student_apprentice_rate",)


def test_an_enrolment_of_another_programme_is_malformed_input() -> None:
    """Enrolments must belong to the programme decided."""
    plan = make_programme()
    other = make_programme(months=12)
    with pytest.raises(InvalidValueError, match=r"enrolments\[0\]\.programme"):
        subsidy_entitlement(plan, enrol(other, [True]), on=IN_BAND)


def test_a_person_enrolled_twice_is_malformed_input() -> None:
    """One person counted twice would double the subsidy; the id is not shown."""
    plan = make_programme()
    twice = enrol(plan, [True]) * 2
    with pytest.raises(InvalidValueError, match=r"enrolments\[1\]\.person") as info:
        subsidy_entitlement(plan, twice, on=IN_BAND)
    assert "440304" not in str(info.value)


def test_the_entitlement_explanation_reads_as_a_calculation() -> None:
    """The zh and en explanations show rate × (1 + uplift) × persons × months ÷ 12."""
    plan = make_programme()
    decision = subsidy_entitlement(
        plan,
        enrol(plan, [True] * 10),
        on=IN_BAND,
        policy=uplift_policy(),
        shortage_occupation=True,
    )
    zh = decision.explain("zh")
    assert "金额：168000.00 元" in zh
    assert (
        "补贴金额 = 7000 元 ×（1 + 0.20）× 10 人 × 24 个月 ÷ 12 = 168000.00 元"
        "（四舍五入，精确到 0.01 元）"
    ) in zh
    assert "培训期 24 个月，按“按整月折算”计入 24 个月" in zh
    assert "《广东省职业技能培训补贴管理办法》（粤人社规〔2023〕13号）" in zh
    en = decision.explain("en")
    assert (
        "Amount = 7000 yuan × (1 + 0.20) × 10 apprentices × 24 months ÷ 12 = "
        "168000.00 yuan (rounded half up to 0.01 yuan)"
    ) in en
    assert "The subsidy rate for target level advanced worker (grade 3): 7000" in en


# --- rule 4 for one apprentice (check_subsidy) --------------------------------------


@pytest.mark.parametrize(
    ("qualified", "amount", "outcome"),
    [
        (True, Decimal("14000.00"), Outcome.ELIGIBLE),
        (False, None, Outcome.INELIGIBLE),
        (None, None, Outcome.UNDETERMINED),
    ],
)
def test_check_subsidy_decides_one_apprentice(
    qualified: bool | None, amount: Decimal | None, outcome: Outcome
) -> None:
    """A combined decision gets one apprentice's findings and amount from the judge."""
    plan = make_programme()
    (apprentice,) = enrol(plan, [qualified])
    judge = Judge(Policy.default(), IN_BAND)
    assert check_subsidy(judge, apprentice, shortage_occupation=False) == amount
    decision = judge.decide(SUBSIDY_RULE, amount)
    assert decision.outcome is outcome
    assert "apprenticeship.subsidy.qualified" in checks(decision)
    if qualified is None:
        assert decision.missing == ("enrolment.qualified",)


def test_check_subsidy_returns_nothing_when_a_term_is_unknown() -> None:
    """A shortage case without the city figure yields no amount."""
    plan = make_programme()
    (apprentice,) = enrol(plan, [True])
    judge = Judge(Policy.default(), IN_BAND)
    assert check_subsidy(judge, apprentice, shortage_occupation=True) is None
    assert judge.outcome is Outcome.UNDETERMINED


def test_an_unknown_rounding_rule_leaves_the_amount_undetermined() -> None:
    """The amount finding names the rounding rule when none is in force."""
    plan = make_programme(level=SkillLevel.INTERMEDIATE)
    cut = overlay(
        {
            "apprenticeship.annual_subsidy": [
                ("2019-12-19", None, '{ intermediate = "5500" }')
            ],
            "apprenticeship.part_year_rule": [("2019-12-19", None, '"whole_months"')],
            "apprenticeship.prepayment_share_filed": [("2019-12-19", None, '"0.40"')],
            "apprenticeship.prepayment_request_months": [("2019-12-19", None, "3")],
        },
        base=Policy.from_files(
            resources.files("skillchain.policy") / "data/documents.toml"
        ),
    )
    decision = subsidy_entitlement(
        plan, enrol(plan, [True]), on=IN_BAND, policy=cut, shortage_occupation=False
    )
    assert decision.missing == ("apprenticeship.rounding",)
    (apprentice,) = enrol(plan, [True])
    judge = Judge(cut, IN_BAND)
    assert check_subsidy(judge, apprentice) is None
    judge = Judge(cut, IN_BAND)
    assert check_prepayment(judge, plan, Decimal(1000)) is None
    assert judge.findings[-1].missing == ("apprenticeship.rounding",)


# --- rule 5: prepayment ----------------------------------------------------------------


def test_forty_percent_of_140000_is_prepaid_two_months_after_classes_start() -> None:
    """Classes from 2024-03-01, request 2024-05-01: 40 % × 140 000 = 56 000."""
    decision = prepayment(
        make_programme(), 10, on=date(2024, 5, 1), shortage_occupation=False
    )
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.amount == Decimal("56000.00")
    assert values(decision, "apprenticeship.prepayment.amount")["entitlement"] == (
        Decimal("140000.00")
    )
    assert values(decision, "apprenticeship.prepayment.window")["last_day"] == date(
        2024, 6, 1
    )


@pytest.mark.parametrize(
    ("day", "outcome"),
    [
        (date(2024, 2, 29), Outcome.INELIGIBLE),
        (date(2024, 3, 1), Outcome.ELIGIBLE),
        (date(2024, 6, 1), Outcome.ELIGIBLE),
        (date(2024, 6, 2), Outcome.INELIGIBLE),
    ],
)
def test_the_filed_window_runs_from_classes_start_to_three_months_after(
    day: date, outcome: Outcome
) -> None:
    """The window's first and last days are in it; the days either side are not."""
    decision = prepayment(make_programme(), 10, on=day, shortage_occupation=False)
    assert decision.outcome is outcome
    if outcome is Outcome.INELIGIBLE:
        assert [f.check for f in decision.failed] == [
            "apprenticeship.prepayment.window"
        ]


@pytest.mark.parametrize(
    ("day", "amount"),
    [(date(2025, 12, 31), Decimal("44000.00")), (date(2026, 1, 1), None)],
)
def test_no_share_is_in_force_after_2025(day: date, amount: Decimal | None) -> None:
    """On 2026-01-01 the 40 % share has expired: undetermined, not the old share."""
    plan = make_programme(level=SkillLevel.INTERMEDIATE, start=date(2025, 11, 1))
    decision = prepayment(plan, 10, on=day, shortage_occupation=False)
    assert decision.amount == amount
    if amount is None:
        assert decision.outcome is Outcome.UNDETERMINED
        assert decision.missing == (
            "apprenticeship.prepayment_share_filed",
            "apprenticeship.prepayment_request_months",
        )


def test_the_same_request_on_2026_01_01_is_undetermined() -> None:
    """The hand-worked request of 2024, asked on 2026-01-01: no share in force."""
    decision = prepayment(
        make_programme(), 10, on=date(2026, 1, 1), shortage_occupation=False
    )
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == (
        "apprenticeship.prepayment_share_filed",
        "apprenticeship.prepayment_request_months",
    )


@pytest.mark.parametrize(
    ("day", "share", "missing"),
    [
        (
            date(2020, 10, 22),
            None,
            (
                "apprenticeship.prepayment_share_filed",
                "apprenticeship.prepayment_request_months",
            ),
        ),
        (
            date(2020, 10, 23),
            Decimal("0.50"),
            ("apprenticeship.prepayment_request_months",),
        ),
        (
            date(2023, 8, 14),
            Decimal("0.50"),
            ("apprenticeship.prepayment_request_months",),
        ),
        (date(2023, 8, 15), Decimal("0.40"), ()),
    ],
)
def test_the_2020_faq_share_is_shown_but_no_window_is_known_before_2023_08_15(
    day: date, share: Decimal | None, missing: tuple[str, ...]
) -> None:
    """Guangdong's 2020 FAQ said "up to 50 %" (for reference, not Shenzhen's own) and
    fixed no window we know of: from 2020-10-23 to 2023-08-14 the request is
    undetermined, naming the window, never paid without one.  From 2023-08-15 the
    40 % share has a window, which a 2020 programme has long missed."""
    plan = make_programme(level=SkillLevel.INTERMEDIATE, start=date(2020, 1, 1))
    decision = prepayment(plan, 10, on=day, shortage_occupation=False)
    assert values(decision, "apprenticeship.prepayment.share")["share"] == share
    assert decision.missing == missing
    if missing:
        assert decision.outcome is Outcome.UNDETERMINED
    else:
        assert decision.outcome is Outcome.INELIGIBLE
        assert [f.check for f in decision.failed] == [
            "apprenticeship.prepayment.window"
        ]


def test_the_2020_faq_share_is_unverified_for_shenzhen() -> None:
    """The 50 % is a Guangdong FAQ figure "for reference only", not Shenzhen's: its
    value is ``unverified``, so is a decision that shows it."""
    share = Policy.default().at(date(2022, 1, 1)).apprenticeship.prepayment_share_filed
    assert share.value == Decimal("0.50")
    assert share.provenance is Provenance.UNVERIFIED
    plan = make_programme(level=SkillLevel.INTERMEDIATE, start=date(2021, 12, 1))
    decision = prepayment(plan, 10, on=date(2022, 1, 1), shortage_occupation=False)
    assert decision.provenance is Provenance.UNVERIFIED


def test_the_prepaid_amount_names_every_unknown_input() -> None:
    """A shortage case waiting for the city's uplift: the planned entitlement and the
    prepayment's amount both name it, on a request inside the window."""
    decision = prepayment(
        make_programme(), 10, on=date(2024, 5, 1), shortage_occupation=True
    )
    assert decision.outcome is Outcome.UNDETERMINED
    (prepaid,) = [
        f for f in decision.findings if f.check == "apprenticeship.prepayment.amount"
    ]
    assert prepaid.missing == ("apprenticeship.shortage_uplift",)


@pytest.mark.parametrize(
    ("day", "outcome"),
    [
        (date(2024, 5, 9), Outcome.INELIGIBLE),
        (date(2024, 5, 10), Outcome.ELIGIBLE),
    ],
)
def test_a_chain_enterprise_waits_a_month_after_listing(
    day: date, outcome: Outcome
) -> None:
    """Listed on 2024-04-10: 30 % from 2024-05-10 on, not the day before."""
    plan = make_programme(months=12)
    decision = prepayment(
        plan,
        5,
        on=day,
        scheme=PrepaymentScheme.CHAIN,
        listed_on=date(2024, 4, 10),
        student=True,
    )
    assert decision.outcome is outcome
    assert values(decision, "apprenticeship.prepayment.chain_wait")["first_day"] == (
        date(2024, 5, 10)
    )
    if outcome is Outcome.ELIGIBLE:
        assert decision.amount == Decimal("7500.00")


def test_a_chain_request_without_its_listing_day_is_undetermined() -> None:
    """The listing day is a fact the rule needs for the chain scheme."""
    decision = prepayment(
        make_programme(), 5, on=IN_BAND, scheme=PrepaymentScheme.CHAIN, student=True
    )
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("listed_on",)


@pytest.mark.parametrize(
    ("day", "missing"),
    [
        (
            date(2023, 8, 14),
            (
                "apprenticeship.prepayment_share_chain",
                "apprenticeship.prepayment_chain_wait_months",
            ),
        ),
        (date(2023, 8, 15), ()),
    ],
)
def test_the_chain_scheme_starts_with_guangdongs_2023_measure(
    day: date, missing: tuple[str, ...]
) -> None:
    """No chain share existed before 2023-08-15."""
    plan = make_programme(level=SkillLevel.INTERMEDIATE, start=date(2023, 1, 1))
    decision = prepayment(
        plan,
        5,
        on=day,
        scheme=PrepaymentScheme.CHAIN,
        listed_on=date(2023, 1, 1),
        shortage_occupation=False,
    )
    assert decision.missing == missing


def test_check_prepayment_takes_a_known_planned_entitlement() -> None:
    """The reusable check applies the share to an entitlement decided elsewhere."""
    judge = Judge(Policy.default(), date(2024, 5, 1))
    amount = check_prepayment(judge, make_programme(), Decimal("140000.00"))
    assert amount == Decimal("56000.00")
    assert judge.outcome is Outcome.ELIGIBLE
    with pytest.raises(InvalidValueError, match="planned_entitlement"):
        check_prepayment(judge, make_programme(), Decimal(-1))


def test_prepayment_needs_a_planned_apprentice() -> None:
    """Zero planned apprentices is ineligible; a negative count is malformed."""
    decision = prepayment(make_programme(), 0, on=date(2024, 5, 1))
    assert decision.outcome is Outcome.INELIGIBLE
    with pytest.raises(InvalidValueError, match="apprentices"):
        prepayment(make_programme(), -1, on=date(2024, 5, 1))
    with pytest.raises(InvalidValueError, match="apprentices"):
        prepayment(make_programme(), True, on=date(2024, 5, 1))


def test_the_prepayment_explanation_shows_share_window_and_amount() -> None:
    """The zh and en explanations state the window's last day and the arithmetic."""
    decision = prepayment(
        make_programme(), 10, on=date(2024, 6, 2), shortage_occupation=False
    )
    zh = decision.explain("zh")
    assert zh.index("未满足条件") < zh.index("已满足条件")
    assert (
        "开班日期 2024-03-01，申请日期 2024-06-02：须在开班后 3 个月内申请（最迟 2024-06-01）"
        in zh
    )
    ok = prepayment(
        make_programme(), 10, on=date(2024, 5, 1), shortage_occupation=False
    )
    assert (
        "Prepayment = planned entitlement 140000.00 yuan × 0.40 = 56000.00 yuan"
        in ok.explain("en")
    )
    assert "备案企业可申请预支的补贴比例：0.40" in ok.explain("zh")


# --- rule 6: settlement ----------------------------------------------------------------


def test_an_over_prepayment_is_refunded_within_three_months() -> None:
    """Entitled 28 000 (4 of 10 qualified), prepaid 56 000: refund 28 000 by end + 3 months."""
    plan = make_programme(months=12, start=date(2024, 3, 1))
    entitled = subsidy_entitlement(
        plan,
        enrol(plan, [True] * 4 + [False] * 6),
        on=date(2025, 3, 2),
        shortage_occupation=False,
    )
    assert entitled.amount == Decimal("28000.00")
    decision = settlement(
        entitled.amount, Decimal("56000.00"), plan.planned_end, on=date(2025, 3, 2)
    )
    assert decision.outcome is Outcome.INELIGIBLE
    assert decision.amount is None
    (refund,) = decision.failed
    assert refund.check == "apprenticeship.settlement.refund"
    assert refund.value("refund") == Decimal("28000.00")
    assert refund.value("deadline") == date(2025, 6, 1)
    assert "最迟于 2025-06-01 退回 28000.00 元" in decision.explain("zh")
    assert "by 2025-06-01 at the latest" in decision.explain("en")
    # The 3 months were seen only in a passage without an address.
    assert decision.provenance is Provenance.UNVERIFIED


def test_the_balance_is_the_entitlement_less_the_prepayment() -> None:
    """Entitled 140 000, prepaid 56 000: 84 000 payable.  No figure is read, so the
    decision claims no provenance."""
    decision = settlement(
        Decimal("140000.00"), Decimal("56000.00"), date(2026, 3, 1), on=AFTER_BAND
    )
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.amount == Decimal("84000.00")
    assert decision.provenance is None
    assert "应得补贴 140000.00 元 − 已预支 56000.00 元 = 应付余额 84000.00 元" in (
        decision.explain("zh")
    )


def test_a_prepayment_equal_to_the_entitlement_leaves_nothing_to_pay_or_refund() -> (
    None
):
    """Equal amounts: eligible with a balance of zero."""
    decision = settlement(Decimal(1000), Decimal(1000), date(2025, 1, 1), on=IN_BAND)
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.amount == 0


def test_settlement_needs_the_entitlement() -> None:
    """An unknown entitlement is undetermined; with the training's end unknown too, a
    refund's deadline could not be set either, so both are named."""
    decision = settlement(None, Decimal(1000), date(2025, 1, 1), on=IN_BAND)
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("entitlement",)
    both = settlement(None, Decimal(1000), None, on=IN_BAND)
    assert both.missing == ("entitlement", "training_end")
    nothing_prepaid = settlement(None, Decimal(0), None, on=IN_BAND)
    assert nothing_prepaid.missing == ("entitlement",)


def test_a_refund_without_the_training_end_names_it() -> None:
    """The refund is certain, its deadline is not: training_end is missing."""
    decision = settlement(Decimal(0), Decimal(1000), None, on=IN_BAND)
    assert decision.outcome is Outcome.INELIGIBLE
    assert decision.missing == ("training_end",)
    assert decision.failed[0].value("deadline") is None


@pytest.mark.parametrize(
    ("end", "deadline"),
    [(date(2019, 12, 18), None), (date(2019, 12, 19), date(2020, 3, 19))],
)
def test_the_refund_window_is_known_for_training_ending_from_2019_12_19(
    end: date, deadline: date | None
) -> None:
    """The window in force when the training ends applies: none before
    深人社规〔2019〕11号, 3 months from 2019-12-19 (settled in 2024 either way)."""
    decision = settlement(Decimal(0), Decimal(10), end, on=IN_BAND)
    assert decision.failed[0].value("deadline") == deadline
    if deadline is None:
        assert decision.missing == ("apprenticeship.settlement_refund_months",)


def test_a_refund_clamps_to_the_end_of_a_shorter_month() -> None:
    """Training ending 2024-11-30: three months later is 2025-02-28."""
    decision = settlement(Decimal(0), Decimal(10), date(2024, 11, 30), on=AFTER_BAND)
    assert decision.failed[0].value("deadline") == date(2025, 2, 28)


@pytest.mark.parametrize(
    ("end", "deadline"),
    [(date(2025, 12, 31), date(2026, 3, 31)), (date(2026, 1, 1), date(2026, 7, 1))],
)
def test_the_refund_window_of_the_training_end_applies_when_settled_later(
    end: date, deadline: date
) -> None:
    """A district window of 6 months from 2026-01-01: a training that ended on
    2025-12-31 and is settled in 2026 keeps the 3 months in force when it ended."""
    policy = overlay(
        {"apprenticeship.settlement_refund_months": [("2026-01-01", None, "6")]}
    )
    decision = settlement(
        Decimal(0), Decimal(10), end, on=date(2026, 6, 1), policy=policy
    )
    assert decision.failed[0].value("deadline") == deadline


def test_check_settlement_rejects_malformed_amounts() -> None:
    """Negative, infinite or non-Decimal amounts are malformed input."""
    judge = Judge(Policy.default(), IN_BAND)
    for bad in (Decimal(-1), Decimal("Infinity"), 5.0):
        with pytest.raises(InvalidValueError, match="prepaid"):
            check_settlement(judge, Decimal(1), bad, None)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="entitlement"):
        check_settlement(judge, Decimal(-1), Decimal(1), None)


# --- citations and missing names of the declared conditions ----------------------------


def cited(decision: Decision, check: str) -> list[tuple[str, str | None]]:
    """The documents (id, article) the one finding of *check* in *decision* cites."""
    (finding,) = [f for f in decision.findings if f.check == check]
    return [(c.document.id, c.article) for c in finding.citations]


def test_a_rate_not_in_force_still_cites_the_document_it_comes_from() -> None:
    """On 2019-12-18, the day before Shenzhen's rates (the Longgang FAQ restating
    深人社规〔2019〕11号), the rate is undetermined, naming the table, and cites the
    FAQ; outside 粤人社规〔2023〕13号 (2023-08-15 to 2025-12-31) the student rate
    names its figure and cites 13号."""
    plan = make_programme(start=date(2019, 9, 1))
    before = subsidy_entitlement(
        plan, enrol(plan, [True]), on=date(2019, 12, 18), shortage_occupation=False
    )
    (rate,) = [f for f in before.findings if f.check == "apprenticeship.subsidy.rate"]
    assert rate.held is None
    assert rate.missing == ("apprenticeship.annual_subsidy",)
    assert cited(before, "apprenticeship.subsidy.rate") == [
        ("lg-apprenticeship-faq", None)
    ]
    student = subsidy_entitlement(
        plan, enrol(plan, [True]), on=AFTER_BAND, student=True
    )
    assert values(student, "apprenticeship.subsidy.student_rate") == {"rate": None}
    assert student.missing == ("apprenticeship.student_apprentice_rate",)
    assert cited(student, "apprenticeship.subsidy.student_rate") == [
        ("gd-2023-13", None)
    ]


def test_an_uplift_cites_guangdongs_measure_besides_the_citys_figure() -> None:
    """The city's uplift (an overlay's document) is compared with 13号's ceiling: the
    finding cites 13号 first, then the city's document."""
    decision = subsidy_entitlement(
        make_programme(),
        enrol(make_programme(), [True]),
        on=IN_BAND,
        policy=uplift_policy(),
        shortage_occupation=True,
    )
    cites = cited(decision, "apprenticeship.subsidy.shortage_uplift")
    assert cites[0] == ("gd-2023-13", None)
    assert len(cites) == 2
    assert cites[1][0] != "gd-2023-13"


def test_a_chain_request_reads_the_chain_share_only() -> None:
    """A skill-chain request on 2022-01-01: only the filed enterprises' 50 % of the
    2020 FAQ is in force, which is not the chain's share, so the share finding names
    ``prepayment_share_chain`` alone and cites nothing; after 2025 neither share is
    in force and the chain request still names its own."""
    plan = make_programme(level=SkillLevel.INTERMEDIATE, start=date(2021, 12, 1))
    early = prepayment(
        plan,
        5,
        on=date(2022, 1, 1),
        scheme=PrepaymentScheme.CHAIN,
        listed_on=date(2021, 12, 1),
        shortage_occupation=False,
    )
    (share,) = [
        f for f in early.findings if f.check == "apprenticeship.prepayment.share"
    ]
    assert share.missing == ("apprenticeship.prepayment_share_chain",)
    assert share.citations == ()
    late = prepayment(
        make_programme(),
        5,
        on=AFTER_BAND,
        scheme=PrepaymentScheme.CHAIN,
        listed_on=date(2025, 12, 1),
        shortage_occupation=False,
    )
    assert "apprenticeship.prepayment_share_filed" not in late.missing
    assert late.missing == (
        "apprenticeship.prepayment_share_chain",
        "apprenticeship.prepayment_chain_wait_months",
    )


def test_the_prepaid_amount_names_its_inputs_then_its_own_figures() -> None:
    """Asked on 2026-01-01 (no share, no window): the planned entitlement is known
    (140 000 yuan), so the prepaid amount names the window its inputs lack, then its
    own figure not in force, the share."""
    decision = prepayment(
        make_programme(), 10, on=date(2026, 1, 1), shortage_occupation=False
    )
    assert values(decision, "apprenticeship.subsidy.amount")["amount"] == Decimal(
        "140000.00"
    )
    (prepaid,) = [
        f for f in decision.findings if f.check == "apprenticeship.prepayment.amount"
    ]
    assert prepaid.missing == (
        "apprenticeship.prepayment_request_months",
        "apprenticeship.prepayment_share_filed",
    )


def test_a_settlement_waiting_for_the_entitlement_reads_no_figure() -> None:
    """Entitlement unknown, 1 000 yuan prepaid, training ended 2025-01-01: only the
    entitlement is missing (a refund's window of that day is known), and since the
    balance reads no figure the decision claims no provenance."""
    decision = settlement(None, Decimal(1000), date(2025, 1, 1), on=IN_BAND)
    assert decision.missing == ("entitlement",)
    assert decision.provenance is None
    assert cited(decision, "apprenticeship.settlement.balance") == [
        ("sz-2019-11", None)
    ]


def test_a_refund_without_its_training_end_reads_no_window() -> None:
    """Prepaid 1 000, entitled 0, the end unknown: the refund fails, names the end,
    cites 深人社规〔2019〕11号 and reads no figure (no provenance)."""
    decision = settlement(Decimal(0), Decimal(1000), None, on=IN_BAND)
    (refund,) = decision.failed
    assert refund.missing == ("training_end",)
    assert refund.value("months") is None
    assert cited(decision, "apprenticeship.settlement.refund") == [("sz-2019-11", None)]
    assert decision.provenance is None


def test_a_stored_band_finding_still_explains_itself() -> None:
    """Version 2024.1 checked the rate against Guangdong's band; the check is retired
    but a stored finding still reads as a sentence."""
    band = "apprenticeship.subsidy.provincial_band"
    for rule in (SUBSIDY_RULE, PREPAYMENT_RULE):
        assert band in [c.check for c in rule.retired]
        assert band not in rule.checks
    stored = Finding(
        check=band,
        held=True,
        values=(("rate", 7000), ("minimum", 5000), ("maximum", 8500)),
    )
    assert (
        stored.reason("en")
        == "The rate is 7000 yuan; Guangdong's band is 5000–8500 yuan"
    )


# --- registration, provenance, fingerprint ---------------------------------------------


@pytest.mark.parametrize("rule", [SUBSIDY_RULE, PREPAYMENT_RULE, SETTLEMENT_RULE])
def test_the_rules_are_registered(rule: Rule) -> None:
    """Each rule is in the registry with its titles and sources."""
    assert get_rule(rule.id) is rule
    assert rule.title("zh")
    assert rule.title("en")
    assert rule.citations()


def test_an_overlay_changes_the_fingerprint_and_the_provenance() -> None:
    """A district's uplift enters the decision's fingerprint and weakest provenance."""
    plan = make_programme()
    apprentices = enrol(plan, [True])
    base = subsidy_entitlement(plan, apprentices, on=IN_BAND, shortage_occupation=False)
    district = uplift_policy()
    raised = subsidy_entitlement(
        plan, apprentices, on=IN_BAND, policy=district, shortage_occupation=True
    )
    assert base.policy_fingerprint == Policy.default().fingerprint
    assert raised.policy_fingerprint == district.fingerprint != base.policy_fingerprint
    assert base.provenance is Provenance.UNVERIFIED  # the part-year placeholder


# --- properties ------------------------------------------------------------------------

_UPLIFTS = st.decimals(min_value=0, max_value=Decimal("0.30"), places=2)


_Case = tuple[
    ApprenticeshipProgramme, list[ApprenticeEnrolment], date, Decimal, bool | None
]


@functools.cache
def _uplift_policy(uplift: Decimal) -> Policy:
    return uplift_policy(f'"{uplift}"')


@st.composite
def _cases(draw: st.DrawFn) -> _Case:
    """A case of the rule's recipe (every outcome) under a city uplift."""
    uplift = draw(_UPLIFTS)
    case = draw(cases(SUBSIDY_RULE.id, policy=_uplift_policy(uplift)))
    plan, apprentices = case.facts["programme"], case.facts["enrolments"]
    shortage = case.facts.get("shortage_occupation")
    assert isinstance(plan, ApprenticeshipProgramme)
    assert isinstance(apprentices, (list, tuple))
    assert shortage is None or isinstance(shortage, bool)
    return plan, list(apprentices), case.on, uplift, shortage


def _amount(decision: Decision) -> Decimal:
    return decision.amount if decision.amount is not None else Decimal(0)


@given(case=_cases(), extra=st.integers(1, 5))
def test_more_qualifying_apprentices_never_lower_the_entitlement(
    case: _Case, extra: int
) -> None:
    """Turning apprentices into qualifiers, or adding qualifiers, never lowers the amount."""
    plan, apprentices, day, uplift, shortage = case
    policy = _uplift_policy(uplift)
    fewer = subsidy_entitlement(
        plan, apprentices, on=day, policy=policy, shortage_occupation=shortage
    )
    promoted = [attrs.evolve(a, qualified=True) for a in apprentices]
    more = subsidy_entitlement(
        plan, promoted, on=day, policy=policy, shortage_occupation=shortage
    )
    assert _amount(more) >= _amount(fewer)
    ids = {a.person.id for a in apprentices}
    added = [
        a for a in enrol(plan, [True] * (len(ids) + extra)) if a.person.id not in ids
    ]
    grown = subsidy_entitlement(
        plan, [*promoted, *added], on=day, policy=policy, shortage_occupation=shortage
    )
    assert _amount(grown) >= _amount(more)


@given(case=_cases())
def test_the_entitlement_never_exceeds_rate_times_ceiling_persons_and_years(
    case: _Case,
) -> None:
    """amount ≤ rate × 1.3 × qualifying apprentices × months ÷ 12 (plus rounding)."""
    plan, apprentices, day, uplift, shortage = case
    policy = _uplift_policy(uplift)
    decision = subsidy_entitlement(
        plan, apprentices, on=day, policy=policy, shortage_occupation=shortage
    )
    if decision.amount is None:
        return
    rate = Policy.default().at(day).apprenticeship.annual_subsidy.value
    assert rate is not None
    persons = sum(1 for a in apprentices if a.qualified)
    bound = (
        rate[plan.target_level] * Decimal("1.3") * persons * plan.planned_months / 12
    )
    assert decision.amount <= bound + Decimal("0.005")


# The promises every rule keeps (the same arguments give equal decisions, figures are
# read only on their day...) are checked for these rules with the others, by the
# contract in test_rules_contract.py.


def test_the_callers_decimal_context_does_not_change_an_amount() -> None:
    """Amounts are exact whatever precision or rounding the caller's context has."""
    plan = make_programme(months=7)
    apprentices = enrol(plan, [True] * 3)
    policy = uplift_policy()

    def decide() -> tuple[Decision, Decision]:
        return (
            subsidy_entitlement(
                plan, apprentices, on=IN_BAND, policy=policy, shortage_occupation=True
            ),
            prepayment(plan, 3, on=IN_BAND, policy=policy, shortage_occupation=True),
        )

    expected = decide()
    with decimal.localcontext() as context:
        context.prec = 3
        context.rounding = decimal.ROUND_DOWN
        assert decide() == expected
    # 7 000 × 1.2 × 3 × 7 ÷ 12 = 14 700; 40 % of it is 5 880
    assert expected[0].amount == Decimal("14700.00")
    assert expected[1].amount == Decimal("5880.00")


def test_the_unread_national_floor_and_video_count_are_not_declared() -> None:
    """Neither was a condition on a case: the national "in principle at least 5 000
    yuan" (人社部发〔2021〕39号, as summarised) is advisory wording about the rates a
    city sets, which the Shenzhen rates meet; "at least 10 training videos per class"
    is claim material seen only in 2020 practice and a passage without an address."""
    names = set(specs())
    assert "apprenticeship.national_rate_floor" not in names
    assert "apprenticeship.min_training_videos_per_class" not in names
    rates = Policy.default().at(IN_BAND).apprenticeship.annual_subsidy.value
    assert rates is not None
    assert min(rates.values()) >= Decimal(5000)
