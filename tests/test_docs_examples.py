"""The example overlay of the how-to "Use another district's figures".

docs/howto/other-district-example.toml is read by that page's doctests; these tests
keep it honest where the doctests do not look: it says it is made up, its rates stay
inside Guangdong's band on every day they are in force (so the page's cases decide),
and the figures the page works out by hand follow from it.
"""

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from skillchain import (
    CreditCode,
    DocumentLevel,
    OccupationCode,
    Outcome,
    Policy,
    Provenance,
    ResidentId,
    SkillLevel,
)
from skillchain.model import (
    ApprenticeEnrolment,
    ApprenticeshipProgramme,
    InstitutionKind,
    Person,
    ProgrammeStatus,
    TrainingInstitution,
    TrainingMode,
)
from skillchain.rules import subsidy_entitlement


EXAMPLE = (
    Path(__file__).resolve().parents[1]
    / "docs"
    / "howto"
    / "other-district-example.toml"
)
YEAR_2025 = (date(2025, 1, 1), date(2025, 12, 31))


@pytest.fixture(scope="module")
def other() -> Policy:
    """The bundled policy with the example laid over it."""
    return Policy.default().overlay(Policy.from_files(EXAMPLE))


def test_the_example_says_it_is_made_up() -> None:
    """Every document it defines is unverified and labelled illustrative in both titles."""
    documents = Policy.from_files(EXAMPLE).documents
    assert list(documents) == ["example-other-district-2025"]
    for document in documents.values():
        assert document.provenance is Provenance.UNVERIFIED
        assert document.level is DocumentLevel.DISTRICT
        assert "示例" in document.title
        assert document.title_en is not None
        assert "ILLUSTRATIVE" in document.title_en
    assert EXAMPLE.read_text(encoding="utf-8").startswith("# ILLUSTRATIVE ONLY")


@pytest.mark.parametrize(
    ("day", "intermediate", "advanced", "document"),
    [
        (date(2024, 12, 31), "5500", "7000", "lg-apprenticeship-faq"),
        (date(2025, 1, 1), "6000", "7500", "example-other-district-2025"),
        (date(2025, 12, 31), "6000", "7500", "example-other-district-2025"),
        (date(2026, 1, 1), "5500", "7000", "lg-apprenticeship-faq"),
    ],
)
def test_the_rates_win_only_in_2025(
    other: Policy, day: date, intermediate: str, advanced: str, document: str
) -> None:
    """On both sides of each end of 2025, the rates the how-to prints."""
    rates = other.at(day).apprenticeship.annual_subsidy
    assert rates.value is not None
    assert rates.value[SkillLevel.INTERMEDIATE] == Decimal(intermediate)
    assert rates.value[SkillLevel.ADVANCED] == Decimal(advanced)
    assert rates.value[SkillLevel.TECHNICIAN] == Decimal(8500)
    assert rates.citation is not None
    assert rates.citation.document.id == document


def test_the_rates_stay_inside_guangdongs_band(other: Policy) -> None:
    """Every 2025 rate lies within the provincial band in force that day."""
    first, last = YEAR_2025
    day = first
    while day <= last:
        params = other.at(day).apprenticeship
        low, high = params.provincial_rate_min.value, params.provincial_rate_max.value
        rates = params.annual_subsidy.value
        assert low is not None
        assert high is not None
        assert rates is not None
        assert all(low <= rate <= high for rate in rates.values()), day
        day += timedelta(days=1)


def test_quota_and_directory(other: Policy) -> None:
    """The quota is known in 2025 only; the directory from 2025 on, with two codes."""
    quotas = [
        other.at(date(year, 6, 1)).apprenticeship.district_quota.value
        for year in (2024, 2025, 2026)
    ]
    assert quotas == [None, 80, None]
    assert not other.at(date(2024, 12, 31)).apprenticeship.occupation_directory.known
    assert other.at(date(2030, 1, 1)).apprenticeship.occupation_directory.value == (
        frozenset({OccupationCode("6-31-01-03"), OccupationCode("4-10-01-05")})
    )
    assert other.fingerprint != Policy.default().fingerprint


@pytest.mark.parametrize(
    ("level", "months", "on", "amounts"),
    [
        # 5 500 × 12 ÷ 12 and 6 000 × 12 ÷ 12
        (SkillLevel.INTERMEDIATE, 12, date(2025, 10, 1), ("5500.00", "6000.00")),
        # 7 000 × 24 ÷ 12 and 7 500 × 24 ÷ 12
        (SkillLevel.ADVANCED, 24, date(2025, 10, 1), ("14000.00", "15000.00")),
        # 8 500 × 18 ÷ 12 in both
        (SkillLevel.TECHNICIAN, 18, date(2025, 10, 1), ("12750.00", "12750.00")),
        # the example's rates have ended
        (SkillLevel.ADVANCED, 24, date(2026, 3, 1), ("14000.00", "14000.00")),
    ],
)
def test_the_amounts_worked_by_hand(
    other: Policy, level: SkillLevel, months: int, on: date, amounts: tuple[str, str]
) -> None:
    """One qualified apprentice: rate × months ÷ 12, bundled and with the example."""
    plan = ApprenticeshipProgramme(
        enterprise=CreditCode("9144030400000000J0"),
        institution=TrainingInstitution(
            name="深圳市某技工学校", kind=InstitutionKind.TECHNICAL_SCHOOL
        ),
        occupation=OccupationCode("6-31-01-03"),
        target_level=level,
        start=date(2024, 1, 1),
        planned_months=months,
        modes=frozenset({TrainingMode.WORK_STUDY_ALTERNATION}),
        status=ProgrammeStatus.COMPLETED,
    )
    apprentice = ApprenticeEnrolment(
        person=Person(id=ResidentId("440304199803150024")),
        programme=plan,
        qualified=True,
    )
    for policy, expected in zip((Policy.default(), other), amounts, strict=True):
        decision = subsidy_entitlement(
            plan, [apprentice], on=on, policy=policy, shortage_occupation=False
        )
        assert decision.outcome is Outcome.ELIGIBLE
        assert decision.amount == Decimal(expected)
