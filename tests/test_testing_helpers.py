"""Tests for skillchain.testing: comparing policies and the ready-made properties."""

import unicodedata

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

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
    assert_amount_capped,
    assert_amount_monotone,
    assert_no_retroactive_change,
    assert_relaxes,
    assert_tightens,
    assert_unchanged_outside,
    compare,
    differences,
    evaluate,
)
from strategies_people import programmes


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
    programme=programmes(),
    extra=st.frozensets(st.sampled_from(WIDE_CODES), max_size=5),
    listed=st.booleans(),
    day=st.dates(date(2021, 6, 8), date(2030, 12, 31)),
)
def test_any_wider_directory_relaxes(
    programme: ApprenticeshipProgramme,
    extra: frozenset[str],
    listed: bool,
    day: date,
) -> None:
    """For any programme and any directory, adding codes never rejects it."""
    narrow = tuple(extra | ({str(programme.occupation)} if listed else set()))
    wide = (*narrow, str(programme.occupation), "6-31-01-03")
    case = Case(name="drawn", on=day, facts={"programme": programme})
    assert_relaxes(PROGRAMME_RULE, directory(narrow), directory(wide), [case])


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
            name=f"entitled {e}", on=c.on, facts={**c.facts, "entitlement": Decimal(e)}
        )
        for e, c in zip((60000, 80000, 100000, 140000), cases, strict=True)
        if c.fact("prepaid") == Decimal(0)
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
            "missing: ['apprenticeship.online_share_max', "
            "'apprenticeship.occupation_directory'] → nothing"
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
