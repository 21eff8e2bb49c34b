"""Tests of the illustrative evening-voucher programme, worked by hand from its figures."""

import json
import subprocess
import sys

from datetime import date
from decimal import Decimal
from pathlib import Path

from hypothesis import event, given
from hypothesis import strategies as st

import skillchain_nightschool.testing  # noqa: F401 - registers the rules' recipes

from skillchain import Outcome, Policy, ResidentId
from skillchain.cases import check_case, load_directory
from skillchain.policy import programmes, specs
from skillchain.rules import get_rule
from skillchain.testing import Case, evaluate
from skillchain.testing import strategies as sk
from skillchain_nightschool import (
    ENROLMENT_RULE,
    VOUCHER_RULE,
    EveningEnrolment,
    NightSchoolParameters,
    enrolment,
    voucher,
)


CASES = Path(__file__).parent.parent / "cases"
ELDER = ResidentId("11010519491231002X")


def course(**changes: object) -> EveningEnrolment:
    """A 48-hour course starting 2025-09-01 for a resident aged 75, not otherwise funded."""
    fields: dict[str, object] = {
        "person": ELDER,
        "course_start": date(2025, 9, 1),
        "course_hours": 48,
        "resident": True,
        "other_funding": False,
    }
    fields.update(changes)
    return EveningEnrolment(**fields)  # type: ignore[arg-type]


def test_the_programme_and_its_rules_are_registered() -> None:
    """Importing the package registers its programme, parameters and rules."""
    assert "nightschool" in [p.key for p in programmes()]
    assert specs()["nightschool.voucher_per_hour"].unit == "yuan_per_hour"
    assert get_rule("nightschool.voucher") is VOUCHER_RULE
    assert ENROLMENT_RULE.parameters == ("nightschool.min_age",)


def test_the_default_policy_holds_its_figures_and_documents() -> None:
    """20 yuan an hour in 2025, 25 from 2026, from the programme's own document."""
    policy = Policy.default()
    assert "nightschool-2025-illustrative" in policy.documents
    rate_2025 = policy.at(date(2025, 9, 1)).of(NightSchoolParameters).voucher_per_hour
    rate_2026 = policy.at(date(2026, 1, 1)).of(NightSchoolParameters).voucher_per_hour
    assert (rate_2025.value, rate_2026.value) == (Decimal(20), Decimal(25))


def test_forty_of_forty_eight_hours_pays_eight_hundred() -> None:
    """40/48 = 83 % >= 80 %; 40 hours x 20 yuan = 800, citing the measures' article 6."""
    decision = voucher(course(attended_hours=40), on=date(2025, 12, 1))
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.amount == Decimal(800)
    (amount,) = [
        f for f in decision.findings if f.check == "nightschool.voucher.amount"
    ]
    assert [(c.document.id, c.article) for c in amount.citations] == [
        ("nightschool-2025-illustrative", None),
        ("nightschool-2025-illustrative", "第六条"),
    ]
    assert "800 yuan" in decision.explain("en")


def test_a_seventeen_year_old_is_refused_with_the_age_condition() -> None:
    """Born 2008-03-15: 17 on 2025-09-01, under the minimum of 18."""
    young = course(person=ResidentId("440304200803150011"))
    decision = enrolment(young, on=date(2025, 9, 1))
    assert decision.outcome is Outcome.INELIGIBLE
    assert [f.check for f in decision.failed] == ["nightschool.enrolment.age"]


def test_a_course_before_the_measures_is_undetermined() -> None:
    """No minimum age is in force before 2025-03-01: the decision names it."""
    decision = enrolment(course(course_start=date(2025, 1, 10)), on=date(2025, 1, 10))
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("nightschool.min_age",)


def test_the_command_line_knows_the_programme() -> None:
    """``skillchain`` lists the programme's rules and gives its record's JSON Schema."""
    command = [sys.executable, "-m", "skillchain", "--plugin", "skillchain_nightschool"]
    listed = subprocess.run(
        [*command, "rules"], capture_output=True, text=True, check=True
    )
    assert "nightschool.voucher" in listed.stdout
    schema = subprocess.run(
        [*command, "schema", "EveningEnrolment"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(schema.stdout)["required"] == [
        "person",
        "course_start",
        "course_hours",
    ]


def test_the_example_cases_pass() -> None:
    """Every bundled case of the package decides as it expects."""
    results = [check_case(case) for case in load_directory(CASES)]
    assert len(results) == 7
    assert all(result.passed for result in results), [r.report() for r in results]


@given(
    attended=st.integers(1, 200),
    enough=st.booleans(),
    data=st.data(),
    start=st.dates(date(2025, 3, 1), date(2027, 12, 31)),
    person=sk.resident_ids(),
)
def test_an_eligible_voucher_pays_the_rate_for_at_most_sixty_hours(
    attended: int,
    enough: bool,
    data: st.DataObject,
    start: date,
    person: ResidentId,
) -> None:
    """For every course: eligible exactly when an adult attended 80 %, and then the
    amount is the rate of the start day times min(attended, 60) hours.

    Whether the attendance is enough is drawn first, so both sides are reached by
    construction (the hours missed are at most a quarter of those attended, or more).
    """
    limit = attended // 4
    extra = data.draw(
        st.integers(0, limit) if enough else st.integers(limit + 1, limit + 200)
    )
    case = course(
        person=person,
        course_start=start,
        course_hours=attended + extra,
        attended_hours=attended,
    )
    decision = voucher(case, on=start)
    born = person.birth_date
    age = start.year - born.year - ((start.month, start.day) < (born.month, born.day))
    event(f"adult={age >= 18} enough={enough}")
    assert (decision.outcome is Outcome.ELIGIBLE) == (age >= 18 and enough)
    if decision.outcome is Outcome.ELIGIBLE:
        rate = Decimal(20) if start.year == 2025 else Decimal(25)
        assert decision.amount == rate * min(attended, 60)
    else:
        assert decision.outcome is Outcome.INELIGIBLE


@given(sk.cases("nightschool.voucher", outcome="eligible"))
def test_every_eligible_voucher_pays_the_rate_of_its_start_for_at_most_sixty_hours(
    case: Case,
) -> None:
    """The programme's recipe (``skillchain_nightschool.testing``) draws eligible
    vouchers at the thresholds: of age on the first day, 80 % attended."""
    enrolment = case.fact("enrolment")
    assert isinstance(enrolment, EveningEnrolment)
    assert enrolment.attended_hours is not None
    decision = evaluate("nightschool.voucher", Policy.default(), case)
    rate = Decimal(20) if enrolment.course_start.year == 2025 else Decimal(25)
    assert decision.amount == rate * min(enrolment.attended_hours, 60)
    assert enrolment.attended_hours * 5 >= enrolment.course_hours * 4


@given(sk.cases("nightschool.voucher", outcome="ineligible"))
def test_a_voucher_is_refused_on_the_condition_its_case_breaks(case: Case) -> None:
    decision = evaluate("nightschool.voucher", Policy.default(), case)
    broken = case.name.removeprefix("ineligible: ")
    assert broken in {finding.check for finding in decision.failed}
    assert decision.amount is None
