"""Tests for the unemployment-insurance skill-upgrade subsidy (rule ui_skill)."""

from datetime import date
from decimal import Decimal

import pytest

from hypothesis import given
from hypothesis import strategies as st

from skillchain import Decision, OccupationCode, Outcome, Policy, Provenance, SkillLevel
from skillchain.model import (
    Certificate,
    CertificateKind,
    IssuerKind,
    SubsidyClaim,
    SubsidyKind,
)
from skillchain.rules import get_rule
from skillchain.rules.ui_skill import UI_SKILL_RULE, ui_skill_subsidy
from strategies_rules_subsidies import (
    certificates,
    claim_days,
    histories,
    resident,
    restricted,
)


WELDER = OccupationCode("6-18-02-04")
HOLDER = resident(date(1990, 7, 15))
ON = date(2023, 6, 1)


def certificate(
    level: SkillLevel | None = SkillLevel.ADVANCED,
    *,
    issued_on: date = date(2023, 3, 1),
    occupation: OccupationCode | None = WELDER,
    kind: CertificateKind = CertificateKind.SKILL_LEVEL,
) -> Certificate:
    """A welder's certificate, by default 高级工 issued 2023-03-01."""
    return Certificate(
        holder=HOLDER,
        kind=kind,
        occupation=occupation,
        qualification=None if occupation else "某专项职业能力",
        level=level,
        issued_on=issued_on,
        issuer_kind=IssuerKind.SOCIAL_EVALUATION_ORGANISATION,
    )


def decide(
    cert: Certificate | None = None,
    history: tuple[SubsidyClaim, ...] = (),
    *,
    months: int | None = 40,
    on: date = ON,
    shortage: bool | None = False,
    policy: Policy | None = None,
) -> Decision:
    """The decision for *cert* (default: a 2023 高级工 certificate) on 2023-06-01."""
    return ui_skill_subsidy(
        cert if cert is not None else certificate(),
        history,
        contribution_months=months,
        on=on,
        shortage_occupation=shortage,
        policy=policy,
    )


def failed(decision: Decision) -> list[str]:
    """The ids of the failed checks."""
    return [f.check for f in decision.failed]


# --- amounts -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "shortage", "amount"),
    [
        (SkillLevel.ELEMENTARY, False, "1000.00"),
        (SkillLevel.INTERMEDIATE, True, "1500.00"),  # the uplift is for 高级 only
        (SkillLevel.INTERMEDIATE, None, "1500.00"),
        (SkillLevel.ADVANCED, False, "2000.00"),
        (SkillLevel.ADVANCED, True, "2600.00"),  # 2 000 × 1.3
    ],
)
def test_rates_by_level_with_the_shortage_uplift(
    level: SkillLevel, shortage: bool | None, amount: str
) -> None:
    """1 000 / 1 500 / 2 000 for 初级 / 中级 / 高级; +30 % for 高级 in a shortage occupation."""
    decision = decide(certificate(level), shortage=shortage)
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.amount == Decimal(amount)


@pytest.mark.parametrize("level", [SkillLevel.TECHNICIAN, SkillLevel.SENIOR_TECHNICIAN])
def test_technicians_are_not_covered(level: SkillLevel) -> None:
    """技师 and 高级技师 are outside the scheme: ineligible, with a clear finding."""
    decision = decide(certificate(level))
    assert failed(decision) == ["ui_skill.level"]
    assert decision.failed[0].value("covered") is False
    assert decision.failed[0].reason("zh") == (
        f"证书等级为{level.label('zh')}，属于补贴范围（初级工、中级工、高级工）：否"
    )


def test_a_certificate_without_a_level_is_not_covered() -> None:
    """A special-ability certificate has no level: not one of the three covered."""
    special = certificate(None, occupation=None, kind=CertificateKind.SPECIAL_ABILITY)
    decision = decide(special)
    assert decision.outcome is Outcome.INELIGIBLE
    assert "ui_skill.level" in failed(decision)


def test_an_unknown_shortage_status_leaves_a_senior_amount_undetermined() -> None:
    """For 高级 the uplift depends on the shortage list: unknown → undetermined."""
    decision = decide(shortage=None)
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("shortage_occupation",)


# --- contribution months, resolved on the certificate's date -----------------------------


def test_a_2022_certificate_needs_12_months_a_2023_one_36() -> None:
    """20 months suffice for a 2022 certificate, not for a 2023 one."""
    of_2022 = decide(
        certificate(issued_on=date(2022, 6, 1)), months=20, on=date(2023, 1, 15)
    )
    assert of_2022.outcome is Outcome.ELIGIBLE
    of_2023 = decide(certificate(issued_on=date(2023, 1, 10)), months=20)
    assert failed(of_2023) == ["ui_skill.contributions"]
    finding = of_2023.failed[0]
    assert (finding.value("months"), finding.value("minimum")) == (20, 36)


@pytest.mark.parametrize(
    ("issued", "outcome"),
    [(date(2022, 12, 31), Outcome.ELIGIBLE), (date(2023, 1, 1), Outcome.INELIGIBLE)],
)
def test_the_relaxation_ends_with_certificates_of_2022(
    issued: date, outcome: Outcome
) -> None:
    """Claimed on the same day, 20 months: the issue date decides the requirement."""
    assert decide(certificate(issued_on=issued), months=20).outcome is outcome


def test_the_requirement_is_exact_at_the_boundary() -> None:
    """36 months for a 2023 certificate: 35 fail, 36 pass."""
    assert failed(decide(months=35)) == ["ui_skill.contributions"]
    assert decide(months=36).outcome is Outcome.ELIGIBLE


def test_unknown_contribution_months_are_asked_for() -> None:
    """The months are a fact the caller supplies: None → undetermined, named."""
    decision = decide(months=None)
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("contribution_months",)


@pytest.mark.parametrize(
    ("issued", "on", "outcome"),
    [
        (date(2021, 12, 31), date(2021, 12, 31), Outcome.UNDETERMINED),
        (date(2022, 1, 1), date(2022, 1, 1), Outcome.ELIGIBLE),
        (date(2021, 12, 31), date(2022, 6, 1), Outcome.UNDETERMINED),
    ],
)
def test_the_scheme_starts_on_2022_01_01(
    issued: date, on: date, outcome: Outcome
) -> None:
    """Before 2022 no figure is known; a 2021 certificate has no known requirement."""
    decision = decide(certificate(issued_on=issued), months=20, on=on)
    assert decision.outcome is outcome
    if outcome is Outcome.UNDETERMINED:
        assert "ui_skill.contribution_months" in decision.missing


@pytest.mark.parametrize(
    ("on", "outcome"),
    [(date(2023, 12, 31), Outcome.ELIGIBLE), (date(2024, 1, 1), Outcome.UNDETERMINED)],
)
def test_the_scheme_is_not_known_after_2023(on: date, outcome: Outcome) -> None:
    """The last date the sources give is 2023-12-31: afterwards, undetermined."""
    decision = decide(certificate(issued_on=date(2023, 6, 1)), on=on)
    assert decision.outcome is outcome
    if outcome is Outcome.UNDETERMINED:
        assert set(decision.missing) == {
            "ui_skill.rates",
            "ui_skill.claim_window_months",
        }


# --- window and history ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "outcome"),
    [(date(2023, 6, 1), Outcome.ELIGIBLE), (date(2023, 6, 2), Outcome.INELIGIBLE)],
)
def test_the_claim_is_made_within_12_months(on: date, outcome: Outcome) -> None:
    """A certificate of 2022-06-01 can be claimed up to 2023-06-01."""
    decision = decide(certificate(issued_on=date(2022, 6, 1)), months=20, on=on)
    assert decision.outcome is outcome
    if outcome is Outcome.INELIGIBLE:
        assert failed(decision) == ["ui_skill.claim_window"]


def test_once_per_occupation_and_level() -> None:
    """An earlier UI skill subsidy for the same occupation and level refuses the claim."""
    earlier = SubsidyClaim(
        kind=SubsidyKind.UNEMPLOYMENT_INSURANCE_SKILL,
        year=2022,
        occupation=WELDER,
        level=SkillLevel.ADVANCED,
    )
    assert failed(decide(history=(earlier,))) == ["ui_skill.once_per_level"]
    lower = SubsidyClaim(
        kind=SubsidyKind.UNEMPLOYMENT_INSURANCE_SKILL,
        year=2022,
        occupation=WELDER,
        level=SkillLevel.INTERMEDIATE,
    )
    assert decide(history=(lower,)).outcome is Outcome.ELIGIBLE
    unknown = SubsidyClaim(
        kind=SubsidyKind.UNEMPLOYMENT_INSURANCE_SKILL, year=2022, occupation=WELDER
    )
    decision = decide(history=(lower, unknown))
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("history[1].level",)


def test_a_certificate_without_an_occupation_code_cannot_be_matched() -> None:
    """Without an occupation code the once-per-level check is undecided."""
    decision = decide(
        certificate(occupation=None, kind=CertificateKind.VOCATIONAL_QUALIFICATION)
    )
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("certificate.occupation",)


@pytest.mark.parametrize(
    "name", ["ui_skill.uplift_level", "ui_skill.shortage_uplift", "ui_skill.rounding"]
)
def test_a_parameter_without_a_value_is_named_as_missing(name: str) -> None:
    """A policy lacking one figure leaves the amount undetermined, naming the parameter."""
    lacking = restricted(Policy.default(), lambda param, _value: param != name)
    decision = decide(shortage=True, policy=lacking)
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == (name,)


# --- provenance, explanation, registration -----------------------------------------------

OFFICIAL_OVERLAY = """
[documents.test-official]
title = "测试用官方文件"
issuers = ["测试机关"]
level = "provincial"
provenance = "official"
[parameters."ui_skill.rounding"]
description_zh = "舍入"
description_en = "rounding"
unit = "rounding"
[[parameters."ui_skill.rounding".values]]
since = 2022-01-01
until = 2023-12-31
value = { quantum = "0.01", mode = "half_up" }
document = "test-official"
"""

CONTRIBUTIONS_OVERLAY = """
[documents.test-official]
title = "测试用官方文件"
issuers = ["测试机关"]
level = "provincial"
provenance = "official"
[parameters."ui_skill.contribution_months"]
description_zh = "缴费月数"
description_en = "contribution months"
unit = "months"
[[parameters."ui_skill.contribution_months".values]]
since = 2023-01-01
until = 2023-12-31
value = 36
document = "test-official"
"""


def test_the_contribution_requirement_counts_for_the_provenance() -> None:
    """Read on the issue date, the unverified 36 months still make the decision unverified."""
    rounding_official = Policy.default().overlay(Policy.loads(OFFICIAL_OVERLAY))
    assert decide(policy=rounding_official).provenance is Provenance.UNVERIFIED
    both = rounding_official.overlay(Policy.loads(CONTRIBUTIONS_OVERLAY))
    decision = decide(policy=both)
    assert decision.provenance is Provenance.OFFICIAL
    assert decision.policy_fingerprint == both.fingerprint


def test_the_explanation_shows_the_arithmetic() -> None:
    """zh and en: 2 000 × (1 + 0.30) = 2 600.00, rounded to the fen."""
    decision = decide(shortage=True)
    zh = decision.explain("zh").splitlines()
    assert zh[0] == "ui_skill（版本 2024.1）2023-06-01：符合"
    assert zh[1] == "金额：2600.00 元"
    assert "  ✓ 补贴金额：2000 元 ×（1 + 0.30）= 2600.00 元（按 0.01 元四舍五入）" in zh
    assert "  ✓ 已缴纳失业保险 40 个月，2023-03-01 取证须满 36 个月" in zh
    en = decision.explain("en")
    assert (
        "  ✓ Amount: 2000 yuan × (1 + 0.30) = 2600.00 yuan (rounded to 0.01 yuan, half up)"
        in en
    )
    assert (
        "      source: Chaoyang (outside Guangdong) page on the unemployment-insurance skill-upgrade subsidy"
        in en
    )


def test_the_rule_is_registered() -> None:
    """get_rule finds the rule with every check it emits, in order."""
    assert get_rule("ui_skill") is UI_SKILL_RULE
    assert [f.check for f in decide(shortage=True).findings] == list(
        UI_SKILL_RULE.checks
    )


# --- properties --------------------------------------------------------------------------


@given(
    cert=certificates(),
    history=histories(),
    months=st.none() | st.integers(0, 120),
    on=claim_days(),
    shortage=st.none() | st.booleans(),
)
def test_the_decision_depends_only_on_its_arguments(
    cert: Certificate,
    history: tuple[SubsidyClaim, ...],
    months: int | None,
    on: date,
    shortage: bool | None,
) -> None:
    """Same arguments → equal decisions; an amount only when eligible, never above 2 000 × 1.3."""
    first = ui_skill_subsidy(
        cert, history, contribution_months=months, on=on, shortage_occupation=shortage
    )
    again = ui_skill_subsidy(
        cert,
        list(history),
        contribution_months=months,
        on=on,
        shortage_occupation=shortage,
    )
    assert again == first
    assert (first.amount is not None) == (first.outcome is Outcome.ELIGIBLE)
    if first.amount is not None:
        assert first.amount <= Decimal(2000) * Decimal("1.3")


@given(
    cert=certificates(),
    history=histories(),
    months=st.none() | st.integers(0, 120),
    on=claim_days(),
    shortage=st.none() | st.booleans(),
)
def test_no_parameter_value_is_used_outside_its_effective_period(
    cert: Certificate,
    history: tuple[SubsidyClaim, ...],
    months: int | None,
    on: date,
    shortage: bool | None,
) -> None:
    """Only values in force on the claim day (the contribution months: on the issue date) matter."""
    policy = Policy.default()

    def in_force(name: str, value: object) -> bool:
        period = getattr(value, "period", None)
        day = cert.issued_on if name == "ui_skill.contribution_months" else on
        return period is not None and day in period

    only_then = restricted(policy, in_force)
    decision = ui_skill_subsidy(
        cert,
        history,
        contribution_months=months,
        on=on,
        shortage_occupation=shortage,
        policy=policy,
    )
    same = ui_skill_subsidy(
        cert,
        history,
        contribution_months=months,
        on=on,
        shortage_occupation=shortage,
        policy=only_then,
    )
    assert (same.outcome, same.findings, same.amount, same.provenance) == (
        decision.outcome,
        decision.findings,
        decision.amount,
        decision.provenance,
    )
