"""Tests for skillchain.testing: comparing policies and the ready-made properties."""

import unicodedata

from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import FailedHealthCheck, Unsatisfiable

from skillchain import (
    CreditCode,
    InvalidValueError,
    OccupationCode,
    Outcome,
    Policy,
    SkillLevel,
)
from skillchain.model import (
    ApprenticeshipProgramme,
    InstitutionKind,
    Mentor,
    MentorSide,
    ProgrammeStatus,
    TrainingInstitution,
    TrainingMode,
)
from skillchain.rules import PREPAYMENT_RULE, PROGRAMME_RULE, get_rule
from skillchain.testing import (
    Case,
    OutcomeTally,
    assert_amount_capped,
    assert_amount_monotone,
    assert_amount_not_decreased,
    assert_amount_not_increased,
    assert_case_amount_capped,
    assert_case_amount_monotone,
    assert_case_amount_not_decreased,
    assert_case_amount_not_increased,
    assert_case_no_retroactive_change,
    assert_case_relaxes,
    assert_case_tightens,
    assert_case_unchanged_outside,
    assert_no_retroactive_change,
    assert_relaxes,
    assert_tightens,
    assert_unchanged_outside,
    compare,
    differences,
    evaluate,
)
from skillchain.testing.strategies import cases


pytest_plugins = ["pytester"]


OVERLAYS = Path(__file__).parent.parent / "examples" / "overlays"
BUNDLED = Policy.default()
BASELINE_2020 = BUNDLED.overlay(
    Policy.from_files(OVERLAYS / "prepayment-2020-practice.toml")
)
"""The 2020 practice (50 %) carried on after 2023-08-15: the counterfactual baseline."""
NARROW_CODES = ("6-31-01-03", "4-10-01-05", "4-02-07-08")
WIDE_CODES = (
    *(
        f"{major}-{a:02d}-{b:02d}-01"
        for major in (4, 6)
        for a in range(1, 32)
        for b in range(1, 8)
    ),
    *NARROW_CODES,
    "6-18-02-04",
)
"""434 + 4 codes, as the district's reward scope grew from 31 to 400+ types in 2024."""


def directory(codes: tuple[str, ...]) -> Policy:
    """The bundled policy with an illustrative occupation directory of *codes* (and an
    illustrative online share of 0.50, which the district also supplies)."""
    listed = ", ".join(f'"{c}"' for c in dict.fromkeys(codes))
    return BUNDLED.overlay(
        Policy.loads(
            f"""
[documents.test-directory]
title = "测试用学徒培养职业目录（示例）"
issuers = ["示例"]
level = "district"
provenance = "unverified"
[parameters."apprenticeship.occupation_directory"]
description_zh = "区学徒培养职业（工种）指导目录"
description_en = "The district's apprenticeship occupation directory"
unit = "occupations"
[[parameters."apprenticeship.occupation_directory".values]]
since = 2019-12-19
value = [{listed}]
document = "test-directory"
[parameters."apprenticeship.online_share_max"]
description_zh = "线上培训学时占专业基础课学时的最高比例"
description_en = "Largest online share of professional-basics hours"
unit = "ratio"
[[parameters."apprenticeship.online_share_max".values]]
since = 2019-12-19
value = "0.50"
document = "test-directory"
""",
            name="test-directory.toml",
        )
    )


NARROW = directory(NARROW_CODES)
WIDE = directory(WIDE_CODES)
SCHOOL = TrainingInstitution(
    name="深圳市某技工学校", kind=InstitutionKind.TECHNICAL_SCHOOL
)


def plan(
    *,
    start: date,
    occupation: str = "6-31-01-03",
    months: int = 24,
    online: int = 40,
) -> ApprenticeshipProgramme:
    """A 高级工 programme with both modes and mentors; vary what a test needs."""
    return ApprenticeshipProgramme(
        enterprise=CreditCode("9144030400000000J0"),
        institution=SCHOOL,
        occupation=OccupationCode(occupation),
        target_level=SkillLevel.ADVANCED,
        start=start,
        planned_months=months,
        modes=frozenset(TrainingMode),
        enterprise_mentor=Mentor(name="李师傅", side=MentorSide.ENTERPRISE),
        institution_mentor=Mentor(name="王老师", side=MentorSide.INSTITUTION),
        online_hours=Decimal(online),
        professional_basics_hours=Decimal(100),
        status=ProgrammeStatus.APPLIED,
    )


def prepayment_cases() -> list[Case]:
    """Requests for 10 高级工 apprentices over 24 months, each a month after classes start."""
    cases = []
    for year in (2021, 2022, 2023, 2024, 2025):
        for month in range(1, 13):
            start = date(year, month, 1)
            asked = date(year + month // 12, month % 12 + 1, 1)
            cases.append(
                Case(
                    name=f"classes from {start}",
                    on=asked,
                    facts={
                        "programme": plan(start=start),
                        "apprentices": 10,
                        "shortage_occupation": False,
                    },
                )
            )
    return cases


def programme_cases() -> list[Case]:
    """Programmes in listed and unlisted occupations, valid and not in other ways."""
    return [
        Case(
            name=f"{code}, {months} months, online {online}",
            on=date(2024, 3, 1),
            facts={
                "programme": plan(
                    start=date(2024, 3, 1),
                    occupation=code,
                    months=months,
                    online=online,
                )
            },
        )
        for code in (*NARROW_CODES, "6-18-02-04", "4-05-03-01", "6-01-01-01")
        for months in (12, 24, 30, 40)
        for online in (40, 60)
    ]


def test_prepayment_2023_change_is_not_retroactive() -> None:
    """The 2023 share (40 %) changes no request made before 2023-08-15."""
    comparison = assert_no_retroactive_change(
        PREPAYMENT_RULE,
        BASELINE_2020,
        BUNDLED,
        prepayment_cases(),
        before=date(2023, 8, 15),
    )
    assert comparison.total == 60
    assert comparison.changes
    assert all(c.case.on >= date(2023, 8, 15) for c in comparison.changes)
    assert {c.differences for c in comparison.changes} == {
        ("amount: 70000.00 → 56000.00",)
    }


def test_retroactive_change_is_reported_readably() -> None:
    """Declaring the change from a later day fails and names the changed requests."""
    with pytest.raises(AssertionError) as raised:
        assert_no_retroactive_change(
            "apprenticeship.prepayment",
            BASELINE_2020,
            BUNDLED,
            prepayment_cases(),
            before=date(2024, 1, 1),
        )
    report = str(raised.value)
    assert "changes cases decided before 2024-01-01" in report
    assert "classes from 2023-08-01 (on 2023-09-01):" in report
    assert "amount: 70000.00 → 56000.00" in report
    assert "apprenticeship.prepayment (version" in report


def test_widening_the_directory_relaxes_programme_validity() -> None:
    """A wider occupation directory never rejects a programme the narrower accepted."""
    comparison = assert_relaxes(PROGRAMME_RULE, NARROW, WIDE, programme_cases())
    assert comparison.total == 48
    newly = {c.case.fact("programme.occupation") for c in comparison.changes}
    assert newly == {
        OccupationCode("6-18-02-04"),
        OccupationCode("4-05-03-01"),
        OccupationCode("6-01-01-01"),
    }
    assert (Outcome.INELIGIBLE, Outcome.ELIGIBLE) in comparison.transitions
    assert assert_tightens(PROGRAMME_RULE, WIDE, NARROW, programme_cases()).changes


def test_narrowing_the_directory_does_not_relax() -> None:
    """Narrowing the directory fails the relaxes property, naming the lost cases."""
    with pytest.raises(AssertionError, match="rejects cases the baseline accepted"):
        assert_relaxes("apprenticeship.programme", WIDE, NARROW, programme_cases())
    with pytest.raises(AssertionError, match="accepts cases the baseline did not"):
        assert_tightens("apprenticeship.programme", NARROW, WIDE, programme_cases())


def test_widening_changes_only_newly_listed_occupations() -> None:
    """Outside the occupations the wide directory adds, nothing changes."""
    assert_unchanged_outside(
        PROGRAMME_RULE,
        NARROW,
        WIDE,
        programme_cases(),
        affected=lambda case: (
            str(case.fact("programme.occupation")) not in NARROW_CODES
        ),
    )
    with pytest.raises(AssertionError, match="outside its declared scope"):
        assert_unchanged_outside(
            PROGRAMME_RULE, NARROW, WIDE, programme_cases(), affected=lambda _: False
        )


@settings(max_examples=40, deadline=None)
@given(
    case=cases(PROGRAMME_RULE, policy=NARROW, outcome="eligible"),
    extra=st.frozensets(st.sampled_from(WIDE_CODES), max_size=5),
)
def test_any_wider_directory_keeps_the_programmes_the_narrower_accepts(
    case: Case, extra: frozenset[str]
) -> None:
    """Adding codes to the directory never rejects a programme it accepted (each
    drawn programme is one the narrower directory accepts)."""
    wider = directory((*NARROW_CODES, *extra, "6-18-02-04"))
    comparison = assert_relaxes(PROGRAMME_RULE, NARROW, wider, [case])
    assert comparison.transitions == {(Outcome.ELIGIBLE, Outcome.ELIGIBLE): 1}


def test_compare_accepts_mappings_and_counts() -> None:
    """Plain mappings with 'on' are cases; unchanged cases are counted, not listed."""
    case = {
        "on": date(2023, 6, 1),
        "programme": plan(start=date(2023, 5, 1)),
        "apprentices": 10,
        "shortage_occupation": False,
    }
    result = compare("apprenticeship.prepayment", BASELINE_2020, BUNDLED, [case])
    assert (result.total, result.changed, result.unchanged) == (1, 0, 1)
    # Before 2023-08-15 no window for asking is known under either policy.
    assert result.transitions == {(Outcome.UNDETERMINED, Outcome.UNDETERMINED): 1}
    assert "0 of 1 cases changed" in result.report()
    assert evaluate(PREPAYMENT_RULE, BUNDLED, case).missing == (
        "apprenticeship.prepayment_request_months",
    )


def test_prepayment_amount_grows_with_apprentices_and_stays_under_the_share() -> None:
    """The prepayment never falls as apprentices are added and never exceeds 40 %."""
    cases = [
        Case(
            name=f"{n} apprentices",
            on=date(2024, 3, 15),
            facts={
                "programme": plan(start=date(2024, 3, 1)),
                "apprentices": n,
                "shortage_occupation": False,
            },
        )
        for n in range(1, 31)
    ]
    decisions = assert_amount_monotone(
        PREPAYMENT_RULE, BUNDLED, cases, key="apprentices"
    )
    assert decisions[9].amount == Decimal("56000.00")  # 10 × 7 000 × 2 × 0.40
    assert_amount_capped(
        PREPAYMENT_RULE,
        BUNDLED,
        cases,
        cap=lambda case: (
            Decimal(7000 * 2) * Decimal(str(case.fact("apprentices"))) * Decimal("0.40")
        ),
    )
    with pytest.raises(AssertionError, match="amounts above the cap"):
        assert_amount_capped(PREPAYMENT_RULE, BUNDLED, cases, cap=Decimal(50000))


def test_settlement_balance_falls_as_prepayment_grows() -> None:
    """The settlement balance is monotone in the entitlement, not in what was prepaid."""
    cases = [
        Case(
            name=f"prepaid {paid}",
            on=date(2025, 10, 8),
            facts={
                "entitlement": Decimal(140000),
                "prepaid": Decimal(paid),
                "training_end": date(2025, 9, 1),
            },
        )
        for paid in (0, 28000, 56000, 70000)
    ]
    with pytest.raises(AssertionError) as raised:
        assert_amount_monotone(
            "apprenticeship.settlement", BUNDLED, cases, key="prepaid"
        )
    assert "prepaid 28000: prepaid=28000 pays 112000, less than 140000" in str(
        raised.value
    )
    grown = [
        Case(
            name=f"entitled {e}",
            on=c.on,
            facts={**c.facts, "entitlement": Decimal(e), "prepaid": Decimal(0)},
        )
        for e, c in zip((60000, 80000, 100000, 140000), cases, strict=True)
    ]
    assert_amount_monotone(
        "apprenticeship.settlement",
        BUNDLED,
        grown,
        key=lambda case: case.fact("entitlement"),
    )


def test_differences_name_outcome_failed_checks_and_missing() -> None:
    """Every kind of difference is listed, one line each."""
    rule = get_rule("apprenticeship.programme")
    programme = plan(start=date(2024, 3, 1), online=60)
    narrow = rule.function(programme, on=date(2024, 3, 1), policy=NARROW)
    bundled = rule.function(programme, on=date(2024, 3, 1), policy=BUNDLED)
    assert differences(narrow, narrow) == ()
    assert differences(bundled, narrow) == (
        "outcome: undetermined → ineligible",
        "failed checks: +apprenticeship.programme.online_share",
        (
            "missing: apprenticeship.online_share_max, "
            "apprenticeship.occupation_directory → nothing"
        ),
    )
    outside = plan(start=date(2024, 3, 1), occupation="6-18-02-04")
    listed = rule.function(outside, on=date(2024, 3, 1), policy=WIDE)
    refused = rule.function(outside, on=date(2024, 3, 1), policy=NARROW)
    assert differences(listed, refused) == (
        "outcome: eligible → ineligible",
        "failed checks: +apprenticeship.programme.occupation_directory",
    )


def test_cases_are_validated() -> None:
    """A case needs a date (not a datetime) and facts without 'on' or 'policy'."""
    with pytest.raises(InvalidValueError, match=r"Case\.on"):
        Case(name="x", on=datetime(2024, 1, 1), facts={})
    with pytest.raises(InvalidValueError, match=r"Case\.facts"):
        Case(name="x", on=date(2024, 1, 1), facts={"on": date(2024, 1, 1)})
    with pytest.raises(InvalidValueError, match=r"cases\[0\]"):
        compare(PREPAYMENT_RULE, BUNDLED, BUNDLED, [{"apprentices": 1}])
    with pytest.raises(KeyError):
        Case(name="x", on=date(2024, 1, 1), facts={"a": 1}).fact("a.b")


# --- reports never show an identity number used as a case name ----------------------

NUMBER = "440304199001010011"
"""A synthetic, valid identity number: division 440304, born 1990-01-01."""
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
NAMED_BY_NUMBER = (
    NUMBER,
    NUMBER.translate(FULL_WIDTH),
    f"{NUMBER[:6]} {NUMBER[6:14]} {NUMBER[14:]}",
    f"{NUMBER[:6]}-{NUMBER[6:14]}-{NUMBER[14:]}",
    f"row 3, {NUMBER} (Futian)",
    NUMBER * 50,
)


def shows_division_and_birth(text: str) -> bool:
    """Whether *text* shows 440304 + 19900101 in any digit script or grouping."""
    digits = "".join(
        str(unicodedata.digit(ch)) if ch.isdecimal() else ch
        for ch in text
        if not (ch.isspace() or unicodedata.category(ch).startswith(("P", "Z")))
    )
    return NUMBER[:14] in digits


def cases_named(name: str) -> list[Case]:
    """Prepayment requests named after *name*: one before 2023-08-15, two after.

    The 2023 share changes the amounts after that day, and the last request
    (fewer apprentices, later day) is paid less than the one before it.
    """
    return [
        Case(
            name=f"{name} #{i}",
            on=on,
            facts={
                "programme": plan(start=on.replace(month=on.month - 1)),
                "apprentices": apprentices,
                "shortage_occupation": False,
            },
        )
        for i, (on, apprentices) in enumerate(
            ((date(2023, 3, 1), 10), (date(2023, 9, 1), 10), (date(2023, 10, 1), 5))
        )
    ]


@pytest.mark.parametrize("name", NAMED_BY_NUMBER)
def test_comparison_reports_mask_case_names(name: str) -> None:
    """compare(...) str, repr, report() and each change's report mask the name."""
    comparison = compare(PREPAYMENT_RULE, BASELINE_2020, BUNDLED, cases_named(name))
    assert comparison.changed == 2
    change = comparison.changes[0]
    for text in (
        str(comparison),
        repr(comparison),
        comparison.report(),
        change.report(),
        repr(change),
        repr(change.case),
        str(change.case),
    ):
        assert not shows_division_and_birth(text), text
    if len(name) < 50:
        assert f"{name[-4:]} #1 (on 2023-09-01)" in comparison.report()
    assert len(comparison.report()) < 2000


@pytest.mark.parametrize("name", NAMED_BY_NUMBER)
def test_assertion_messages_mask_case_names(name: str) -> None:
    """Every assert_… message masks the case names it lists."""
    cases = cases_named(name)
    listed_only_when_wide = [
        Case(
            name=f"{name} #{i}",
            on=date(2024, 3, 1),
            facts={"programme": plan(start=date(2024, 3, 1), occupation="6-18-02-04")},
        )
        for i in range(2)
    ]
    failing: list[Callable[[], object]] = [
        lambda: assert_relaxes(PROGRAMME_RULE, WIDE, NARROW, listed_only_when_wide),
        lambda: assert_tightens(PROGRAMME_RULE, NARROW, WIDE, listed_only_when_wide),
        lambda: assert_unchanged_outside(
            PREPAYMENT_RULE, BASELINE_2020, BUNDLED, cases, affected=lambda _c: False
        ),
        lambda: assert_no_retroactive_change(
            PREPAYMENT_RULE, BASELINE_2020, BUNDLED, cases, before=date(2024, 1, 1)
        ),
        lambda: assert_amount_capped(PREPAYMENT_RULE, BUNDLED, cases, cap=Decimal(1)),
        lambda: assert_amount_monotone(
            PREPAYMENT_RULE, BUNDLED, cases, key=lambda case: case.on.toordinal()
        ),
        lambda: assert_amount_monotone(
            PREPAYMENT_RULE, BUNDLED, cases, key=lambda case: case.name[::-1]
        ),
    ]
    messages = []
    for check in failing:
        with pytest.raises(AssertionError) as raised:
            check()
        messages.append(str(raised.value))
    for message in messages:
        assert not shows_division_and_birth(message), message
        assert len(message) < 5000


def test_pytest_diff_of_cases_shows_no_name(pytester: pytest.Pytester) -> None:
    """pytest explains a failed == of cases and comparisons without the raw name."""
    pytester.makepyfile(
        test_diff="""
        from datetime import date
        from skillchain.testing import Case

        NAME = "440304" + "1990" + "0101" + "0011"

        def test_cases():
            left = Case(name=NAME, on=date(2024, 1, 1), facts={"a": 1})
            right = Case(name=NAME + "!", on=date(2024, 1, 2), facts={"a": 2})
            assert left == right

        def test_case_lists():
            left = Case(name=NAME, on=date(2024, 1, 1), facts={})
            assert [left] == [Case(name=NAME + "!", on=date(2024, 1, 1), facts={})]
        """
    )
    for verbosity in ("-v", "-vv"):
        result = pytester.runpytest_inprocess(verbosity, "-p", "no:cacheprovider")
        result.assert_outcomes(failed=2)
        output = result.stdout.str()
        assert "Case(name=" in output
        assert not shows_division_and_birth(output), output


def test_cases_keep_value_equality() -> None:
    """Cases compare by name, day and facts and hash by name and day."""
    left, right, _ = cases_named(NUMBER)
    assert left != right
    twin = Case(name=left.name, on=left.on, facts=dict(left.facts))
    assert left == twin
    assert hash(left) == hash(twin)
    assert left != Case(name=left.name, on=left.on, facts={})
    assert left != "case"


def test_case_errors_do_not_echo_the_name_or_path() -> None:
    """A non-text name and an unknown fact path are refused without echoing them."""
    with pytest.raises(InvalidValueError, match=r"Case\.name") as raised:
        Case(name=int(NUMBER), on=date(2024, 1, 1), facts={})  # type: ignore[arg-type]
    assert not shows_division_and_birth(str(raised.value))
    case = Case(name="x", on=date(2024, 1, 1), facts={"a": 1})
    for path in (NUMBER, f"a.{NUMBER}", "a." + NUMBER.translate(FULL_WIDTH)):
        with pytest.raises(KeyError) as missing:
            case.fact(path)
        assert not shows_division_and_birth(str(missing.value))


# --- properties that cannot pass vacuously -------------------------------------------

SETTLEMENT = "apprenticeship.settlement"
SETTLED_ON = date(2025, 10, 8)


def settlement_case(name: str, entitlement: int | None, prepaid: int) -> Case:
    """A settlement: eligible when *prepaid* is at most *entitlement*, ineligible (a
    refund) when above it, undetermined when the entitlement is unknown."""
    return Case(
        name=name,
        on=SETTLED_ON,
        facts={
            "entitlement": None if entitlement is None else Decimal(entitlement),
            "prepaid": Decimal(prepaid),
            "training_end": date(2025, 9, 1),
        },
    )


REFUNDS = [settlement_case(f"refund {n}", 1000, 1000 + n) for n in (1, 2, 3)]
MIXED = [
    settlement_case("balance", 1000, 400),
    settlement_case("refund", 1000, 1400),
    settlement_case("unknown", None, 400),
]


def test_a_vacuous_list_fails_and_counts_what_it_saw() -> None:
    """Three refunds (none eligible) give assert_relaxes nothing to check: it fails,
    counts the cases by outcome and says how to draw eligible ones."""
    with pytest.raises(AssertionError) as raised:
        assert_relaxes(SETTLEMENT, BUNDLED, BUNDLED, REFUNDS)
    message = str(raised.value)
    assert message.splitlines()[0] == (
        "assert_relaxes checked nothing: it speaks about cases eligible under the "
        "baseline, and none of the 3 cases it was given is one."
    )
    assert "  baseline: 0 eligible, 3 ineligible, 0 undetermined; 0 with an amount" in (
        message
    )
    assert "  reform:   0 eligible, 3 ineligible, 0 undetermined; 0 with an amount" in (
        message
    )
    assert (
        "skillchain.testing.strategies.cases('apprenticeship.settlement', "
        "policy=<the baseline>, outcome='eligible')"
    ) in message
    assert "vacuous_ok=True" in message


def test_an_empty_list_is_vacuous_too() -> None:
    """No case at all is the extreme of checking nothing."""
    with pytest.raises(AssertionError, match="none of the 0 cases"):
        assert_relaxes(SETTLEMENT, BUNDLED, BUNDLED, [])


def test_vacuous_ok_lets_a_vacuous_list_pass() -> None:
    """The caller who expects no relevant case says so."""
    comparison = assert_relaxes(SETTLEMENT, BUNDLED, BUNDLED, REFUNDS, vacuous_ok=True)
    assert comparison.baseline_outcomes[Outcome.INELIGIBLE] == 3


def test_a_list_with_one_relevant_case_passes_and_is_counted() -> None:
    """One eligible case among others is enough; the comparison counts each outcome
    under both policies and the cases with an amount."""
    comparison = assert_relaxes(SETTLEMENT, BUNDLED, BUNDLED, MIXED)
    assert dict(comparison.baseline_outcomes) == {
        Outcome.ELIGIBLE: 1,
        Outcome.INELIGIBLE: 1,
        Outcome.UNDETERMINED: 1,
    }
    assert comparison.reform_outcomes == comparison.baseline_outcomes
    assert comparison.paid == (1, 1)


def test_each_list_property_refuses_what_it_does_not_speak_about() -> None:
    """Every list form fails on cases it has nothing to say about, naming them."""
    eligible = [settlement_case("balance", 1000, 400)]
    late = [settlement_case("late", 1000, 400)]
    vacuous: dict[str, Callable[[], object]] = {
        "cases eligible under the reform": lambda: assert_tightens(
            SETTLEMENT, BUNDLED, BUNDLED, REFUNDS
        ),
        "cases outside the declared scope": lambda: assert_unchanged_outside(
            SETTLEMENT, BUNDLED, BUNDLED, eligible, affected=lambda _case: True
        ),
        "cases decided before 2025-01-01": lambda: assert_no_retroactive_change(
            SETTLEMENT, BUNDLED, BUNDLED, late, before=date(2025, 1, 1)
        ),
        "cases with an amount under the baseline": lambda: assert_amount_not_decreased(
            SETTLEMENT, BUNDLED, BUNDLED, REFUNDS
        ),
        "cases with an amount under the reform": lambda: assert_amount_not_increased(
            SETTLEMENT, BUNDLED, BUNDLED, REFUNDS
        ),
        "cases with an amount,": lambda: assert_amount_capped(
            SETTLEMENT, BUNDLED, REFUNDS, cap=Decimal(0)
        ),
        "cases with an amount at two or more values of the key": lambda: (
            assert_amount_monotone(SETTLEMENT, BUNDLED, eligible * 2, key="entitlement")
        ),
    }
    for about, check in vacuous.items():
        with pytest.raises(AssertionError) as raised:
            check()
        assert f"checked nothing: it speaks about {about}" in str(raised.value)
    assert "on=hypothesis.strategies.dates(max_value=datetime.date.fromisoformat(" in (
        _message(vacuous["cases decided before 2025-01-01"])
    )
    assert "  policy: 0 eligible, 3 ineligible, 0 undetermined; 0 with an amount" in (
        _message(vacuous["cases with an amount,"])
    )


def _message(check: Callable[[], object]) -> str:
    with pytest.raises(AssertionError) as raised:
        check()
    return str(raised.value)


def test_each_list_property_passes_with_a_relevant_case() -> None:
    """The same properties pass once one case is of the kind they speak about."""
    eligible = [settlement_case("balance", 1000, 400)]
    assert assert_tightens(SETTLEMENT, BUNDLED, BUNDLED, MIXED).total == 3
    assert_unchanged_outside(
        SETTLEMENT, BUNDLED, BUNDLED, eligible, affected=lambda _case: False
    )
    assert_no_retroactive_change(
        SETTLEMENT, BUNDLED, BUNDLED, eligible, before=date(2026, 1, 1)
    )
    assert_amount_not_decreased(SETTLEMENT, BUNDLED, BUNDLED, MIXED)
    assert_amount_not_increased(SETTLEMENT, BUNDLED, BUNDLED, MIXED)
    assert_amount_capped(SETTLEMENT, BUNDLED, MIXED, cap=Decimal(600))
    grown = [settlement_case(f"entitled {e}", e, 400) for e in (500, 1000)]
    assert_amount_monotone(SETTLEMENT, BUNDLED, grown, key="entitlement")


# --- amounts between two policies ----------------------------------------------------


def test_the_2023_share_lowers_prepayments_and_never_raises_them() -> None:
    """40 % instead of 50 % from 2023-08-15: amounts fall, none rises."""
    with pytest.raises(AssertionError) as raised:
        assert_amount_not_decreased(
            PREPAYMENT_RULE, BASELINE_2020, BUNDLED, prepayment_cases()
        )
    message = str(raised.value)
    assert message.startswith(
        "the reform lowers amounts the baseline paid: 28 of 60 cases"
    )
    assert "amount: 70000.00 → 56000.00" in message
    comparison = assert_amount_not_increased(
        PREPAYMENT_RULE, BASELINE_2020, BUNDLED, prepayment_cases()
    )
    assert comparison.paid == (28, 28)
    assert_amount_not_decreased(
        PREPAYMENT_RULE, BUNDLED, BASELINE_2020, prepayment_cases()
    )
    with pytest.raises(AssertionError, match="raises amounts beyond what the baseline"):
        assert_amount_not_increased(
            PREPAYMENT_RULE, BUNDLED, BASELINE_2020, prepayment_cases()
        )


SHORT_WINDOW = BUNDLED.overlay(
    Policy.loads(
        """
[documents.test-short-window]
title = "预支申请期限缩短（测试用）"
issuers = ["示例"]
level = "district"
provenance = "unverified"
[parameters."apprenticeship.prepayment_request_months"]
description_zh = "备案企业开班后申请预支补贴的期限（月）"
description_en = "Months after classes start within which to request prepayment"
unit = "months"
[[parameters."apprenticeship.prepayment_request_months".values]]
since = 2023-08-15
until = 2025-12-31
value = 1
document = "test-short-window"
""",
        name="test-short-window.toml",
    )
)
"""Prepayment requested within one month of classes starting, not three."""


def test_losing_eligibility_is_an_amount_falling_to_nothing() -> None:
    """A request two months after classes start is refused under a one-month window:
    its prepayment falls to nothing (a decrease); the other way round, it rises
    from nothing (an increase)."""
    cases = [
        Case(
            name=f"asked on {asked}",
            on=asked,
            facts={
                "programme": plan(start=date(2024, 3, 1)),
                "apprentices": 10,
                "shortage_occupation": False,
            },
        )
        for asked in (date(2024, 3, 15), date(2024, 5, 15))
    ]
    with pytest.raises(AssertionError) as lowered:
        assert_amount_not_decreased(PREPAYMENT_RULE, BUNDLED, SHORT_WINDOW, cases)
    message = str(lowered.value)
    assert "1 of 2 cases" in message
    assert "asked on 2024-05-15 (on 2024-05-15):" in message
    assert "amount: 56000.00 → no amount" in message
    with pytest.raises(AssertionError, match="1 of 2 cases"):
        assert_amount_not_increased(PREPAYMENT_RULE, SHORT_WINDOW, BUNDLED, cases)
    comparison = assert_amount_not_increased(
        PREPAYMENT_RULE, BUNDLED, SHORT_WINDOW, cases
    )
    assert comparison.paid == (2, 1)
    assert_amount_not_decreased(PREPAYMENT_RULE, SHORT_WINDOW, BUNDLED, cases)


# --- one case at a time ---------------------------------------------------------------


def test_one_case_forms_return_both_decisions() -> None:
    """A relevant case passes and comes back decided under both policies."""
    case = settlement_case("balance", 1000, 400)
    before, after = assert_case_relaxes(SETTLEMENT, BUNDLED, BUNDLED, case)
    assert before.amount == after.amount == Decimal("600.00")
    assert assert_case_tightens(SETTLEMENT, BUNDLED, BUNDLED, case)[1].amount
    assert_case_unchanged_outside(
        SETTLEMENT, BUNDLED, BUNDLED, case, affected=lambda _case: False
    )
    assert_case_no_retroactive_change(
        SETTLEMENT, BUNDLED, BUNDLED, case, before=date(2026, 1, 1)
    )
    assert_case_amount_not_decreased(SETTLEMENT, BUNDLED, BUNDLED, case)
    assert_case_amount_not_increased(SETTLEMENT, BUNDLED, BUNDLED, case)
    assert assert_case_amount_capped(
        SETTLEMENT, BUNDLED, case, cap=Decimal(600)
    ).amount == Decimal("600.00")
    small, large = assert_case_amount_monotone(
        SETTLEMENT,
        BUNDLED,
        case,
        settlement_case("more", 2000, 400),
        key="entitlement",
    )
    assert (small.amount, large.amount) == (Decimal("600.00"), Decimal("1600.00"))


def test_one_case_forms_refuse_an_irrelevant_case_outside_hypothesis() -> None:
    """Outside a Hypothesis test, one case the property does not speak about fails
    (one irrelevant case is a vacuous test), unless vacuous_ok."""
    refund = REFUNDS[0]
    irrelevant: list[Callable[..., object]] = [
        lambda **kw: assert_case_relaxes(SETTLEMENT, BUNDLED, BUNDLED, refund, **kw),
        lambda **kw: assert_case_tightens(SETTLEMENT, BUNDLED, BUNDLED, refund, **kw),
        lambda **kw: assert_case_unchanged_outside(
            SETTLEMENT, BUNDLED, BUNDLED, refund, affected=lambda _c: True, **kw
        ),
        lambda **kw: assert_case_no_retroactive_change(
            SETTLEMENT, BUNDLED, BUNDLED, refund, before=SETTLED_ON, **kw
        ),
        lambda **kw: assert_case_amount_not_decreased(
            SETTLEMENT, BUNDLED, BUNDLED, refund, **kw
        ),
        lambda **kw: assert_case_amount_not_increased(
            SETTLEMENT, BUNDLED, BUNDLED, refund, **kw
        ),
        lambda **kw: assert_case_amount_capped(
            SETTLEMENT, BUNDLED, refund, cap=Decimal(0), **kw
        ),
        lambda **kw: assert_case_amount_monotone(
            SETTLEMENT, BUNDLED, MIXED[0], MIXED[0], key="entitlement", **kw
        ),
    ]
    for check in irrelevant:
        with pytest.raises(AssertionError) as raised:
            check()
        assert "the case it was given is not one" in str(raised.value)
        check(vacuous_ok=True)


def test_one_case_forms_fail_on_a_case_that_breaks_the_property() -> None:
    """The one-case form reports the case with both decisions."""
    request = prepayment_cases()[-2]
    with pytest.raises(AssertionError) as raised:
        assert_case_amount_not_decreased(
            PREPAYMENT_RULE, BASELINE_2020, BUNDLED, request
        )
    message = str(raised.value)
    assert message.startswith("the reform lowers amounts the baseline paid: 1 of 1")
    assert "classes from 2025-11-01 (on 2025-12-01)" in message
    with pytest.raises(AssertionError, match="rejects cases the baseline accepted"):
        assert_case_relaxes(
            PROGRAMME_RULE,
            WIDE,
            NARROW,
            {
                "on": date(2024, 3, 1),
                "programme": plan(start=date(2024, 3, 1), occupation="6-18-02-04"),
            },
        )


def test_a_tally_counts_every_call_and_reads_well() -> None:
    """The tally sums the counts of every call of one property and refuses another."""
    tally = OutcomeTally()
    assert tally.report() == "nothing yet: 0 cases, 0 checked"
    for case in MIXED:
        assert_case_relaxes(
            SETTLEMENT, BUNDLED, BUNDLED, case, tally=tally, vacuous_ok=True
        )
    assert_relaxes(SETTLEMENT, BUNDLED, BUNDLED, MIXED, tally=tally)
    assert (tally.total, tally.checked) == (6, 2)
    assert tally.counts["baseline undetermined"] == 2
    assert tally.counts["reform with an amount"] == 2
    assert tally.counts["policy eligible"] == 0
    assert tally.report() == (
        "relaxes: 6 cases, 2 checked (cases eligible under the baseline)\n"
        "  baseline: 2 eligible, 2 ineligible, 2 undetermined; 2 with an amount\n"
        "  reform:   2 eligible, 2 ineligible, 2 undetermined; 2 with an amount"
    )
    assert repr(tally) == "OutcomeTally(name='relaxes', total=6, checked=2)"
    with pytest.raises(ValueError, match="one tally per property"):
        assert_tightens(SETTLEMENT, BUNDLED, BUNDLED, MIXED, tally=tally)
    capped = OutcomeTally()
    assert_amount_capped(SETTLEMENT, BUNDLED, MIXED, cap=Decimal(600), tally=capped)
    assert capped.report().splitlines()[1] == (
        "  policy: 1 eligible, 1 ineligible, 1 undetermined; 1 with an amount"
    )


# --- inside a Hypothesis test ---------------------------------------------------------

REQUESTS = st.builds(
    lambda start, lag, apprentices: Case(
        name=f"{apprentices} apprentices from {start}",
        on=start + timedelta(days=lag),
        facts={
            "programme": plan(start=start),
            "apprentices": apprentices,
            "shortage_occupation": False,
        },
    ),
    start=st.dates(date(2023, 9, 1), date(2025, 6, 30)),
    lag=st.integers(0, 200),
    apprentices=st.integers(1, 30),
)
"""Prepayment requests after 2023-08-15: many in the window (paid), some late."""


def test_one_case_form_fails_a_run_that_checked_nothing() -> None:
    """Under @given, a one-case form discards a case it does not speak about, so a
    run of refunds only (never eligible) fails instead of passing vacuously:
    Hypothesis' health check stops it, or, with that check off, it is unsatisfiable."""

    @settings(database=None, deadline=None)
    @given(cases(SETTLEMENT, outcome="ineligible"))
    def only_refunds(case: Case) -> None:
        assert_case_relaxes(SETTLEMENT, BUNDLED, BUNDLED, case)

    with pytest.raises(FailedHealthCheck, match="filtering out a lot of inputs"):
        only_refunds()

    @settings(
        database=None,
        deadline=None,
        max_examples=5,
        suppress_health_check=[HealthCheck.filter_too_much],
    )
    @given(cases(SETTLEMENT, outcome="ineligible"))
    def still_only_refunds(case: Case) -> None:
        assert_case_amount_not_decreased(SETTLEMENT, BUNDLED, BUNDLED, case)

    with pytest.raises(Unsatisfiable):
        still_only_refunds()


def test_list_form_under_given_fails_a_run_that_checked_nothing() -> None:
    """The list forms discard a drawn list that checks nothing, the same way."""

    @settings(database=None, deadline=None)
    @given(st.lists(cases(SETTLEMENT, outcome="ineligible"), max_size=3))
    def only_refunds(drawn: list[Case]) -> None:
        assert_relaxes(SETTLEMENT, BUNDLED, BUNDLED, drawn)

    with pytest.raises(FailedHealthCheck):
        only_refunds()


def test_one_case_form_passes_a_mixed_run_and_counts_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Cases of every outcome: the irrelevant ones are discarded, the run passes,
    and the tally and Hypothesis' events show what was seen."""
    import hypothesis

    events: list[str] = []
    recorded = hypothesis.event
    monkeypatch.setattr(hypothesis, "event", lambda value: events.append(str(value)))
    tally = OutcomeTally()

    @settings(database=None, deadline=None, max_examples=30)
    @given(cases(SETTLEMENT))
    def mixed(case: Case) -> None:
        assert_case_relaxes(SETTLEMENT, BUNDLED, BUNDLED, case, tally=tally)

    mixed()
    monkeypatch.setattr(hypothesis, "event", recorded)
    assert tally.checked >= 30
    assert tally.counts["baseline eligible"] == tally.checked
    assert tally.counts["baseline ineligible"] > 0
    assert tally.counts["baseline undetermined"] > 0
    assert tally.total == sum(tally.counts[f"baseline {o.value}"] for o in Outcome)
    assert set(events) == {
        "assert_case_relaxes: baseline eligible → reform eligible",
        "assert_case_relaxes: baseline ineligible → reform ineligible",
        "assert_case_relaxes: baseline undetermined → reform undetermined",
        "assert_case_relaxes: checks nothing (not eligible under the baseline)",
    }


def test_one_case_form_under_given_finds_and_shrinks_a_lowered_amount() -> None:
    """The 2023 share lowers every prepayment after 2023-08-15: Hypothesis finds a
    request and shrinks it (the fewest apprentices, the earliest day)."""
    tally = OutcomeTally()

    @settings(database=None, deadline=None)
    @given(REQUESTS)
    def never_lower(case: Case) -> None:
        assert_case_amount_not_decreased(
            PREPAYMENT_RULE, BASELINE_2020, BUNDLED, case, tally=tally
        )

    with pytest.raises(AssertionError) as raised:
        never_lower()
    message = str(raised.value)
    assert message.startswith("the reform lowers amounts the baseline paid: 1 of 1")
    assert "1 apprentices from 2023-09-01 (on 2023-09-01)" in message
    assert "amount: 7000.00 → 5600.00" in message
    assert tally.checked > 0


def test_vacuous_ok_keeps_every_example_under_given() -> None:
    """With vacuous_ok, nothing is discarded: the body runs for every case."""
    seen: list[str] = []

    @settings(database=None, deadline=None, max_examples=15)
    @given(cases(SETTLEMENT, outcome="ineligible"))
    def refunds(case: Case) -> None:
        assert_case_relaxes(SETTLEMENT, BUNDLED, BUNDLED, case, vacuous_ok=True)
        seen.append(case.name)

    refunds()
    assert len(seen) >= 15


def test_the_kit_imports_no_hypothesis() -> None:
    """Importing skillchain.testing and running its properties (even a vacuous one)
    outside Hypothesis loads no Hypothesis module."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from datetime import date\n"
        "from decimal import Decimal\n"
        "from skillchain import Policy\n"
        "from skillchain.testing import OutcomeTally, assert_case_relaxes\n"
        "case = {'on': date(2025, 10, 8), 'entitlement': Decimal(1),\n"
        "        'prepaid': Decimal(2), 'training_end': None}\n"
        "policy = Policy.default()\n"
        "try:\n"
        "    assert_case_relaxes('apprenticeship.settlement', policy, policy, case)\n"
        "except AssertionError:\n"
        "    pass\n"
        "assert_case_relaxes('apprenticeship.settlement', policy, policy, case,\n"
        "    vacuous_ok=True, tally=OutcomeTally())\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'hypothesis'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
