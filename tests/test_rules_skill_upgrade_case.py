"""Tests for one skill-upgrade claim decided whole (rule skill_upgrade.case).

Hand-worked from 粤人社规〔2023〕13号 and 深人社规〔2023〕8号 (the subsidy), and from the
Shenzhen HR bureau's FAQ republished by Yantian (2024-11-27): one claim of each capped
kind a calendar year, three in all, one payment per occupation and level, and no
skill-upgrade subsidy for an occupation and level the unemployment-insurance skill
subsidy already paid.
"""

from datetime import date
from decimal import Decimal

import attrs
import pytest

from hypothesis import given

from rule_fixtures import COURIER, catalogue_policy, resident
from skillchain import (
    Decision,
    DivisionCode,
    InvalidValueError,
    OccupationCode,
    Outcome,
    Policy,
    SkillLevel,
)
from skillchain.comparison import Case
from skillchain.model import (
    Certificate,
    CertificateKind,
    IssuerKind,
    Person,
    SubsidyClaim,
    SubsidyKind,
)
from skillchain.rules import (
    ANNUAL_CAP_RULE,
    SKILL_UPGRADE_CASE_RULE,
    SKILL_UPGRADE_RULE,
    annual_cap,
    get_rule,
    skill_upgrade_claim,
    skill_upgrade_subsidy,
)
from skillchain.testing.strategies import cases


POLICY = catalogue_policy()
ON = date(2024, 6, 1)
ELECTRICIAN = OccupationCode("6-31-01-03")
WELDER = OccupationCode("6-18-02-04")
WORKER = Person(
    id=resident(date(1990, 7, 15)),
    hukou_division=DivisionCode("440304"),
    civil_service_establishment=False,
    full_time_student=False,
    drawing_pension=False,
)
CERT = Certificate(
    holder=WORKER.id,
    kind=CertificateKind.SKILL_LEVEL,
    occupation=COURIER,
    level=SkillLevel.ADVANCED,
    issued_on=date(2024, 3, 1),
    issuer_kind=IssuerKind.SOCIAL_EVALUATION_ORGANISATION,
)


def claim(
    kind: SubsidyKind,
    year: int = 2024,
    occupation: OccupationCode | None = COURIER,
    level: SkillLevel | None = SkillLevel.ADVANCED,
) -> SubsidyClaim:
    """An earlier claim, by default for the certificate's occupation and level in 2024."""
    return SubsidyClaim(kind=kind, year=year, occupation=occupation, level=level)


def decide(
    history: tuple[SubsidyClaim, ...] = (),
    *,
    cert: Certificate = CERT,
    on: date = ON,
    claimed_on: date | None = None,
    shortage: bool | None = False,
    policy: Policy = POLICY,
) -> Decision:
    """The combined decision under the catalogue overlay."""
    return skill_upgrade_claim(
        WORKER,
        cert,
        history,
        on=on,
        claimed_on=claimed_on,
        shortage_occupation=shortage,
        policy=policy,
    )


def failed(decision: Decision) -> list[str]:
    """The ids of the failed checks."""
    return [f.check for f in decision.failed]


# --- one decision that cannot pay what the cap forbids ---------------------------------


def test_an_eligible_claim_is_paid_the_subsidy_s_amount() -> None:
    """高级工, shortage, an apprenticeship claim for 电工 this year: 2 000 × 1.3 = 2 600."""
    history = (claim(SubsidyKind.APPRENTICESHIP, occupation=ELECTRICIAN),)
    decision = skill_upgrade_claim(
        WORKER, CERT, history, on=ON, shortage_occupation=True, policy=POLICY
    )
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.amount == Decimal("2600.00")
    assert decision.rule == "skill_upgrade.case"


def test_a_claim_the_cap_forbids_is_ineligible_with_no_amount() -> None:
    """A second skill-upgrade claim in 2024: the subsidy alone pays 2 000, the case nothing."""
    history = (claim(SubsidyKind.SKILL_UPGRADE, occupation=WELDER),)
    alone = skill_upgrade_subsidy(
        WORKER, CERT, history, on=ON, shortage_occupation=False, policy=POLICY
    )
    assert (alone.outcome, alone.amount) == (Outcome.ELIGIBLE, Decimal("2000.00"))
    decision = skill_upgrade_claim(
        WORKER, CERT, history, on=ON, shortage_occupation=False, policy=POLICY
    )
    assert decision.outcome is Outcome.INELIGIBLE
    assert decision.amount is None
    assert failed(decision) == ["subsidy.cap.per_kind"]


def test_the_unemployment_insurance_subsidy_excludes_the_claim() -> None:
    """The UI skill subsidy paid for 高级工 of the occupation in 2023: refused; for 中级工: not."""
    same = (claim(SubsidyKind.UNEMPLOYMENT_INSURANCE_SKILL, year=2023),)
    decision = decide(same)
    assert failed(decision) == ["subsidy.cap.ui_exclusive"]
    assert decision.amount is None
    lower = (attrs.evolve(same[0], level=SkillLevel.INTERMEDIATE),)
    assert decide(lower).amount == Decimal("2000.00")


def test_three_capped_claims_leave_no_room() -> None:
    """Apprenticeship, project and evaluation claims in 2024: a fourth capped claim is refused."""
    history = (
        claim(SubsidyKind.APPRENTICESHIP, occupation=ELECTRICIAN),
        claim(SubsidyKind.PROJECT_TRAINING, occupation=WELDER),
        claim(SubsidyKind.SKILL_EVALUATION, occupation=OccupationCode("4-03-02-01")),
    )
    assert failed(decide(history)) == ["subsidy.cap.total"]
    assert decide(history[:2]).outcome is Outcome.ELIGIBLE


def test_one_payment_per_occupation_and_level_across_kinds() -> None:
    """An apprenticeship subsidy already paid for this occupation and level: refused."""
    paid = (claim(SubsidyKind.APPRENTICESHIP, year=2022),)
    assert failed(decide(paid)) == ["subsidy.cap.per_level"]


@pytest.mark.parametrize(
    ("claimed_on", "outcome"),
    [(date(2024, 12, 31), Outcome.INELIGIBLE), (date(2025, 1, 1), Outcome.ELIGIBLE)],
)
def test_the_year_counted_is_that_of_the_claim_day(
    claimed_on: date, outcome: Outcome
) -> None:
    """A skill-upgrade claim in 2024: one made on 2024-12-31 is a second, on 2025-01-01 a first."""
    history = (claim(SubsidyKind.SKILL_UPGRADE, occupation=WELDER),)
    decision = decide(history, on=date(2025, 1, 10), claimed_on=claimed_on)
    assert decision.outcome is outcome
    per_kind = next(f for f in decision.findings if f.check == "subsidy.cap.per_kind")
    assert per_kind.value("year") == claimed_on.year


# --- days ---------------------------------------------------------------------------------


def test_a_claim_decided_later_keeps_the_figures_and_limits_of_its_day() -> None:
    """Made on 2025-12-20, decided on 2026-02-01: both measures and the cap apply."""
    cert = attrs.evolve(CERT, issued_on=date(2025, 6, 1))
    decision = decide(cert=cert, on=date(2026, 2, 1), claimed_on=date(2025, 12, 20))
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.amount == Decimal("2000.00")
    judged_later = decide(cert=cert, on=date(2026, 2, 1))
    assert judged_later.outcome is Outcome.UNDETERMINED
    assert {"skill_upgrade.catalogue", "subsidy.capped_kinds"} <= set(
        judged_later.missing
    )


@pytest.mark.parametrize(
    ("claimed_on", "outcome"),
    [
        (date(2023, 11, 14), Outcome.UNDETERMINED),
        (date(2023, 11, 15), Outcome.ELIGIBLE),
        (date(2025, 12, 31), Outcome.ELIGIBLE),
        (date(2026, 1, 1), Outcome.UNDETERMINED),
    ],
)
def test_claims_are_decided_from_2023_11_15_to_2025_12_31(
    claimed_on: date, outcome: Outcome
) -> None:
    """深人社规〔2023〕8号 and the cap: both ends, each side."""
    issued = date(2023, 9, 1) if claimed_on.year == 2023 else date(2025, 6, 1)
    cert = attrs.evolve(CERT, issued_on=issued)
    decision = decide(cert=cert, on=claimed_on)
    assert decision.outcome is outcome


def test_a_claim_made_after_it_is_decided_is_malformed() -> None:
    """claimed_on after on cannot be: InvalidValueError names the argument."""
    with pytest.raises(InvalidValueError, match="claimed_on"):
        decide(claimed_on=date(2024, 6, 2))


# --- naming everything missing ---------------------------------------------------------


def test_an_unknown_occupation_is_named_as_the_certificate_s() -> None:
    """The cap's claim is the certificate: an unknown occupation is `certificate.occupation`."""
    qualification = Certificate(
        holder=WORKER.id,
        kind=CertificateKind.VOCATIONAL_QUALIFICATION,
        qualification="某职业资格",
        level=SkillLevel.ADVANCED,
        issued_on=date(2024, 3, 1),
        issuer_kind=IssuerKind.HR_DEPARTMENT,
    )
    earlier = (claim(SubsidyKind.APPRENTICESHIP, year=2022, occupation=ELECTRICIAN),)
    decision = decide(earlier, cert=qualification)
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("certificate.occupation",)
    per_level = next(f for f in decision.findings if f.check == "subsidy.cap.per_level")
    assert per_level.missing == ("certificate.occupation",)


def test_unknowns_of_both_parts_are_named_together() -> None:
    """No catalogue row and an earlier claim with no level: both named, neither dropped."""
    earlier = (claim(SubsidyKind.APPRENTICESHIP, year=2022, level=None),)
    decision = decide(earlier, policy=Policy.default(), shortage=None)
    assert decision.missing == (
        "skill_upgrade.catalogue",
        "shortage_occupation",
        "history[0].level",
    )


# --- registration -------------------------------------------------------------------------


def test_the_rule_is_exactly_its_two_rules() -> None:
    """Conditions, parameters and sources are those of skill_upgrade, then subsidy.cap.

    The cap's claim is the certificate's: its occupation and level are read as
    ``certificate.occupation`` and ``certificate.level``, and its yearly limits
    declare that a later claim day repairs them (the year is the claim day's);
    nothing else differs.
    """
    rule = get_rule("skill_upgrade.case")
    assert rule is SKILL_UPGRADE_CASE_RULE
    cap = rule.conditions[len(SKILL_UPGRADE_RULE.conditions) :]
    assert (
        rule.conditions[: len(SKILL_UPGRADE_RULE.conditions)]
        == SKILL_UPGRADE_RULE.conditions
    )
    assert [attrs.evolve(c, facts=(), remedy=None) for c in cap] == [
        attrs.evolve(c, facts=(), remedy=None) for c in ANNUAL_CAP_RULE.conditions
    ]
    assert {c.check: c.facts for c in cap if c.facts} == {
        "subsidy.cap.per_level": ("certificate.occupation", "certificate.level"),
        "subsidy.cap.ui_exclusive": ("certificate.occupation", "certificate.level"),
    }
    assert rule.sources == SKILL_UPGRADE_RULE.sources + ANNUAL_CAP_RULE.sources
    assert rule.parameters == SKILL_UPGRADE_RULE.parameters + ANNUAL_CAP_RULE.parameters
    decision = decide(shortage=True)
    assert [f.check for f in decision.findings] == list(rule.checks)


# --- properties -----------------------------------------------------------------------------
# The promises every rule keeps are checked for this rule with the others, by the
# contract in test_rules_contract.py.


@given(cases("skill_upgrade.case", policy=POLICY))
def test_the_case_is_the_subsidy_then_the_cap(case: Case) -> None:
    """Findings = the subsidy's then the cap's; eligible only if both are; never paid past the cap."""
    facts = dict(case.facts)
    person, cert, history = facts["person"], facts["certificate"], facts["history"]
    assert isinstance(person, Person)
    assert isinstance(cert, Certificate)
    assert isinstance(history, (list, tuple))
    claimed_on = facts.get("claimed_on")
    shortage = facts.get("shortage_occupation")
    assert claimed_on is None or isinstance(claimed_on, date)
    assert shortage is None or isinstance(shortage, bool)
    on, claimed = case.on, claimed_on or case.on
    combined = skill_upgrade_claim(
        person,
        cert,
        history,
        on=on,
        claimed_on=claimed_on,
        shortage_occupation=shortage,
        policy=POLICY,
    )
    upgrade = skill_upgrade_subsidy(
        person,
        cert,
        history,
        on=on,
        claimed_on=claimed_on,
        shortage_occupation=shortage,
        policy=POLICY,
    )
    new = SubsidyClaim(
        kind=SubsidyKind.SKILL_UPGRADE,
        year=claimed.year,
        occupation=cert.occupation,
        level=cert.level,
    )
    cap = annual_cap(new, history, on=on, claimed_on=claimed, policy=POLICY)
    split = len(upgrade.findings)
    assert combined.findings[:split] == upgrade.findings
    assert [f.check for f in combined.findings[split:]] == [
        f.check for f in cap.findings
    ]
    outcomes = {upgrade.outcome, cap.outcome}
    if Outcome.INELIGIBLE in outcomes:
        assert combined.outcome is Outcome.INELIGIBLE
        assert combined.amount is None
    elif Outcome.UNDETERMINED in outcomes:
        assert combined.outcome is Outcome.UNDETERMINED
    else:
        assert combined.outcome is Outcome.ELIGIBLE
        assert combined.amount == upgrade.amount
