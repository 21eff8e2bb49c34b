"""Tests for one unemployment-insurance skill claim decided whole (rule ui_skill.case).

Hand-worked from the national notices as reproduced and restated (one year of
contributions to 2024-12-31; at most 1 000 / 1 500 / 2 000 yuan; three a year), the
Zhanjiang FAQ (Guangdong's amounts, +30 % for 高级 in a shortage occupation) and the
Shenzhen HR bureau's FAQ republished by Yantian (2024-11-27): the unemployment-insurance
skill subsidy and the 职业技能提升, 高校毕业生职业技能培训, 企业新型学徒制 and 项目制
subsidies exclude each other for one occupation and level.
"""

from datetime import date
from decimal import Decimal

import attrs
import pytest

from hypothesis import given

from skillchain import Decision, OccupationCode, Outcome, ResidentId, SkillLevel
from skillchain.comparison import Case
from skillchain.model import (
    Certificate,
    CertificateKind,
    IssuerKind,
    SubsidyClaim,
    SubsidyKind,
)
from skillchain.rules import (
    ANNUAL_CAP_RULE,
    UI_SKILL_CASE_RULE,
    UI_SKILL_RULE,
    annual_cap,
    get_rule,
    ui_skill_claim,
    ui_skill_subsidy,
)
from skillchain.testing.strategies import cases


WELDER = OccupationCode("6-18-02-04")
ELECTRICIAN = OccupationCode("6-31-01-03")
ON = date(2024, 6, 1)
CERT = Certificate(
    holder=ResidentId("440304199007150015"),
    kind=CertificateKind.SKILL_LEVEL,
    occupation=WELDER,
    level=SkillLevel.ADVANCED,
    issued_on=date(2024, 3, 1),
    issuer_kind=IssuerKind.SOCIAL_EVALUATION_ORGANISATION,
)
CAP_PARAMETERS = (
    "subsidy.capped_kinds",
    "subsidy.ui_exclusive_kinds",
    "subsidy.claims_per_kind_per_year",
    "subsidy.claims_per_year_total",
)


def decide(
    history: tuple[SubsidyClaim, ...] = (),
    *,
    cert: Certificate = CERT,
    months: int | None = 14,
    on: date = ON,
    claimed_on: date | None = None,
    shortage: bool | None = False,
) -> Decision:
    """The combined decision under the bundled policy."""
    return ui_skill_claim(
        cert,
        history,
        contribution_months=months,
        on=on,
        claimed_on=claimed_on,
        shortage_occupation=shortage,
    )


def claim(
    kind: SubsidyKind,
    year: int = 2024,
    occupation: OccupationCode = WELDER,
    level: SkillLevel = SkillLevel.ADVANCED,
) -> SubsidyClaim:
    """An earlier claim, by default for the certificate's occupation and level in 2024."""
    return SubsidyClaim(kind=kind, year=year, occupation=occupation, level=level)


def failed(decision: Decision) -> list[str]:
    """The ids of the failed checks."""
    return [f.check for f in decision.failed]


# --- one decision that cannot pay what the exclusion forbids ---------------------------


def test_an_eligible_claim_is_paid_guangdong_s_amount() -> None:
    """高级, shortage, 14 months: 2 000 × 1.3 = 2 600; an apprenticeship for 电工 is no bar."""
    history = (claim(SubsidyKind.APPRENTICESHIP, occupation=ELECTRICIAN),)
    decision = decide(history, shortage=True)
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.amount == Decimal("2600.00")
    assert decision.rule == "ui_skill.case"


@pytest.mark.parametrize(
    "kind",
    [
        SubsidyKind.SKILL_UPGRADE,
        SubsidyKind.GRADUATE_TRAINING,
        SubsidyKind.APPRENTICESHIP,
        SubsidyKind.PROJECT_TRAINING,
    ],
)
def test_a_claim_the_exclusion_forbids_is_ineligible_with_no_amount(
    kind: SubsidyKind,
) -> None:
    """Each of the four kinds paid for the same occupation and level refuses the claim."""
    history = (claim(kind, year=2023),)
    alone = ui_skill_subsidy(
        CERT, history, contribution_months=14, on=ON, shortage_occupation=False
    )
    assert (alone.outcome, alone.amount) == (Outcome.ELIGIBLE, Decimal("2000.00"))
    decision = decide(history)
    assert decision.outcome is Outcome.INELIGIBLE
    assert decision.amount is None
    assert failed(decision) == ["subsidy.cap.ui_exclusive"]


def test_other_levels_and_the_evaluation_subsidy_do_not_exclude() -> None:
    """A skill-upgrade subsidy for 中级工, or an evaluation subsidy for 高级工: no bar."""
    lower = (claim(SubsidyKind.SKILL_UPGRADE, level=SkillLevel.INTERMEDIATE),)
    assert decide(lower).amount == Decimal("2000.00")
    evaluation = (claim(SubsidyKind.SKILL_EVALUATION),)
    assert decide(evaluation).amount == Decimal("2000.00")


def test_only_the_scope_and_the_exclusion_of_the_cap_apply() -> None:
    """The unemployment-insurance subsidy is not a capped kind: no per-kind or total check."""
    decision = decide()
    cap_checks = [f.check for f in decision.findings if f.check.startswith("subsidy.")]
    assert cap_checks == ["subsidy.cap.scope", "subsidy.cap.ui_exclusive"]


def test_the_subsidy_s_own_limit_of_three_a_year_still_applies() -> None:
    """Three earlier UI skill claims in 2024: the fourth is refused by ui_skill's limit."""
    codes = ("6-31-01-03", "4-03-02-01", "6-29-01-01")
    history = tuple(
        claim(
            SubsidyKind.UNEMPLOYMENT_INSURANCE_SKILL,
            occupation=OccupationCode(code),
            level=SkillLevel.INTERMEDIATE,
        )
        for code in codes
    )
    assert failed(decide(history)) == ["ui_skill.per_year"]


# --- days -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("claimed_on", "outcome"),
    [
        (date(2023, 11, 14), Outcome.UNDETERMINED),
        (date(2023, 11, 15), Outcome.ELIGIBLE),
        (date(2024, 12, 31), Outcome.ELIGIBLE),
        (date(2025, 1, 1), Outcome.UNDETERMINED),
    ],
)
def test_claims_are_decided_from_2023_11_15_to_2024_12_31(
    claimed_on: date, outcome: Outcome
) -> None:
    """The exclusion from 2023-11-15 (8号, the FAQ); the scheme to 2024-12-31: each side."""
    issued = date(2023, 6, 1) if claimed_on.year == 2023 else date(2024, 6, 1)
    cert = Certificate(
        holder=CERT.holder,
        kind=CERT.kind,
        occupation=WELDER,
        level=SkillLevel.ADVANCED,
        issued_on=issued,
        issuer_kind=CERT.issuer_kind,
    )
    decision = decide(cert=cert, months=12, on=claimed_on)
    assert decision.outcome is outcome
    if claimed_on == date(2023, 11, 14):
        # The subsidy's own conditions hold; the limits across kinds are not in force.
        assert decision.missing == CAP_PARAMETERS
    if claimed_on == date(2025, 1, 1):
        assert "ui_skill.rates" in decision.missing
        assert "subsidy.capped_kinds" not in decision.missing  # in force to 2025


def test_a_claim_decided_later_keeps_the_figures_of_its_day() -> None:
    """Made on 2024-12-20, decided on 2026-03-01: the 2024 scheme and the exclusion apply."""
    later = decide(on=date(2026, 3, 1), claimed_on=date(2024, 12, 20))
    assert later.outcome is Outcome.ELIGIBLE
    assert later.amount == Decimal("2000.00")
    barred = decide(
        (claim(SubsidyKind.PROJECT_TRAINING, year=2023),),
        on=date(2026, 3, 1),
        claimed_on=date(2024, 12, 20),
    )
    assert failed(barred) == ["subsidy.cap.ui_exclusive"]


def test_the_contribution_requirement_is_the_certificate_s() -> None:
    """A 2023 certificate claimed in 2024: 12 months (the 2023 relaxation), 11 refused."""
    of_2023 = Certificate(
        holder=CERT.holder,
        kind=CERT.kind,
        occupation=WELDER,
        level=SkillLevel.ADVANCED,
        issued_on=date(2023, 12, 1),
        issuer_kind=CERT.issuer_kind,
    )
    assert decide(cert=of_2023, months=12).outcome is Outcome.ELIGIBLE
    assert failed(decide(cert=of_2023, months=11)) == ["ui_skill.contributions"]


# --- naming everything missing --------------------------------------------------------------


def test_unknowns_of_both_parts_are_named_together() -> None:
    """Unknown months, an unknown shortage status and an earlier claim with no level."""
    earlier = (
        SubsidyClaim(
            kind=SubsidyKind.SKILL_UPGRADE, year=2023, occupation=WELDER, level=None
        ),
    )
    decision = decide(earlier, months=None, shortage=None)
    assert decision.missing == (
        "contribution_months",
        "shortage_occupation",
        "history[0].level",
    )


# --- registration -------------------------------------------------------------------------


def test_the_rule_is_exactly_its_two_rules() -> None:
    """Conditions, parameters and sources are those of ui_skill, then subsidy.cap.

    The cap's claim is the certificate's: its occupation and level are read as
    ``certificate.occupation`` and ``certificate.level``, and its yearly limits
    declare that a later claim day repairs them (the year is the claim day's);
    nothing else differs.
    """
    rule = get_rule("ui_skill.case")
    assert rule is UI_SKILL_CASE_RULE
    cap = rule.conditions[len(UI_SKILL_RULE.conditions) :]
    assert rule.conditions[: len(UI_SKILL_RULE.conditions)] == UI_SKILL_RULE.conditions
    assert [attrs.evolve(c, facts=(), remedy=None) for c in cap] == [
        attrs.evolve(c, facts=(), remedy=None) for c in ANNUAL_CAP_RULE.conditions
    ]
    assert {c.check: c.facts for c in cap if c.facts} == {
        "subsidy.cap.per_level": ("certificate.occupation", "certificate.level"),
        "subsidy.cap.ui_exclusive": ("certificate.occupation", "certificate.level"),
    }
    assert rule.sources == UI_SKILL_RULE.sources + ANNUAL_CAP_RULE.sources
    assert rule.parameters == UI_SKILL_RULE.parameters + ANNUAL_CAP_RULE.parameters


# --- properties -----------------------------------------------------------------------------
# The promises every rule keeps are checked for this rule with the others, by the
# contract in test_rules_contract.py.


@given(cases("ui_skill.case"))
def test_the_case_is_the_subsidy_then_the_exclusion(case: Case) -> None:
    """Findings = the subsidy's then the cap's; eligible only if both are; never paid past it."""
    facts = dict(case.facts)
    cert, history = facts["certificate"], facts["history"]
    months = facts.get("contribution_months")
    claimed_on = facts.get("claimed_on")
    shortage = facts.get("shortage_occupation")
    assert isinstance(cert, Certificate)
    assert isinstance(history, (list, tuple))
    assert months is None or isinstance(months, int)
    assert claimed_on is None or isinstance(claimed_on, date)
    assert shortage is None or isinstance(shortage, bool)
    on, claimed = case.on, claimed_on or case.on
    combined = ui_skill_claim(
        cert,
        history,
        contribution_months=months,
        on=on,
        claimed_on=claimed_on,
        shortage_occupation=shortage,
    )
    subsidy = ui_skill_subsidy(
        cert,
        history,
        contribution_months=months,
        on=on,
        claimed_on=claimed_on,
        shortage_occupation=shortage,
    )
    new = SubsidyClaim(
        kind=SubsidyKind.UNEMPLOYMENT_INSURANCE_SKILL,
        year=claimed.year,
        occupation=cert.occupation,
        level=cert.level,
    )
    cap = annual_cap(new, history, on=on, claimed_on=claimed)
    split = len(subsidy.findings)
    assert combined.findings[:split] == subsidy.findings
    assert [f.check for f in combined.findings[split:]] == [
        f.check for f in cap.findings
    ]
    outcomes = {subsidy.outcome, cap.outcome}
    if Outcome.INELIGIBLE in outcomes:
        assert combined.outcome is Outcome.INELIGIBLE
        assert combined.amount is None
    elif Outcome.UNDETERMINED in outcomes:
        assert combined.outcome is Outcome.UNDETERMINED
    else:
        assert combined.outcome is Outcome.ELIGIBLE
        assert combined.amount == subsidy.amount
