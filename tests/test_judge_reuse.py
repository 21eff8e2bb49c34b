"""Judging a shared fact once per policy and day (``Judge.reuse``) changes nothing."""

from datetime import date
from pathlib import Path

import attrs

from hypothesis import given
from hypothesis import strategies as st

from skillchain import Policy
from skillchain.model import ApprenticeEnrolment
from skillchain.policy._schema import MEMO_LIMIT
from skillchain.rules import CASE_RULE, Judge, apprentice_case
from skillchain.rules.apprenticeship.apprentice import check_apprentice
from skillchain.rules.apprenticeship.programme import check_programme
from skillchain.rules.apprenticeship.subsidy import check_subsidy
from skillchain.testing import strategies as sc


DIRECTORY = Policy.default().overlay(
    Policy.from_files(
        Path(__file__).parent.parent
        / "examples"
        / "overlays"
        / "futian-occupation-directory.toml"
    )
)
POLICIES = st.sampled_from([Policy.default(), DIRECTORY])
DAYS = st.dates(min_value=date(2019, 1, 1), max_value=date(2030, 12, 31))


def without_reuse(
    enrolment: ApprenticeEnrolment, on: date, policy: Policy, shortage: bool | None
) -> object:
    """The combined rule written out by hand, every check run afresh."""
    judge = Judge(policy, on)
    check_apprentice(judge, enrolment)
    check_programme(judge, enrolment.programme, prefix="enrolment.")
    amount = check_subsidy(judge, enrolment, shortage_occupation=shortage)
    return judge.decide(CASE_RULE, amount)


@given(sc.enrolments(), DAYS, POLICIES, st.none() | st.booleans())
def test_reused_programme_findings_equal_fresh_ones(
    enrolment: ApprenticeEnrolment,
    on: date,
    policy: Policy,
    shortage: bool | None,
) -> None:
    """The first, the repeated and a hand-composed decision are all equal."""
    expected = without_reuse(enrolment, on, policy, shortage)
    first = apprentice_case(
        enrolment, on=on, policy=policy, shortage_occupation=shortage
    )
    again = apprentice_case(
        enrolment, on=on, policy=policy, shortage_occupation=shortage
    )
    assert first == expected
    assert again == expected


@given(sc.enrolments(), DAYS)
def test_a_shared_programme_is_judged_per_policy(
    enrolment: ApprenticeEnrolment, on: date
) -> None:
    """One programme object judged under two policies gives each policy's findings."""
    bundled = apprentice_case(enrolment, on=on, policy=Policy.default())
    listed = apprentice_case(enrolment, on=on, policy=DIRECTORY)
    assert bundled == without_reuse(enrolment, on, Policy.default(), None)
    assert listed == without_reuse(enrolment, on, DIRECTORY, None)


@given(sc.enrolments())
def test_the_memo_stays_bounded(enrolment: ApprenticeEnrolment) -> None:
    """However many distinct programmes pass, the snapshot remembers at most the limit."""
    policy = Policy.default().overlay(DIRECTORY)  # a fresh policy: an empty memo
    on = date(2025, 6, 1)
    snapshot = policy.at(on)
    for _ in range(MEMO_LIMIT + 3):
        copy = attrs.evolve(enrolment, programme=attrs.evolve(enrolment.programme))
        apprentice_case(copy, on=on, policy=policy)
        assert len(snapshot._memo) <= MEMO_LIMIT


def test_remember_computes_once_per_key() -> None:
    """A key's value is computed on first use only."""
    snapshot = Policy.default().overlay(DIRECTORY).at(date(2024, 6, 1))
    calls: list[str] = []

    def compute() -> str:
        calls.append("x")
        return "value"

    assert snapshot.remember("k", compute) == "value"
    assert snapshot.remember("k", compute) == "value"
    assert calls == ["x"]
