"""Tests for the unemployment-insurance skill-upgrade subsidy (rule ui_skill)."""

from datetime import date
from decimal import Decimal

import pytest

from hypothesis import given

from rule_fixtures import resident, restricted
from skillchain import (
    Decision,
    InvalidValueError,
    OccupationCode,
    Outcome,
    Policy,
    Provenance,
    SkillLevel,
)
from skillchain.comparison import Case
from skillchain.model import (
    Certificate,
    CertificateKind,
    IssuerKind,
    SubsidyClaim,
    SubsidyKind,
)
from skillchain.rules import get_rule
from skillchain.rules.ui_skill.subsidy import UI_SKILL_RULE, ui_skill_subsidy
from skillchain.testing.strategies import cases


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
# The national scheme asked for 36 months of unemployment-insurance contributions; it
# was relaxed to one year (12 months) for certificates of 2022 (the Chaoyang page), of
# 2023 ("2023年12月31日前…放宽至1年以上", a 2023 copy) and of 2024 ("继续放宽…至2024年底
# …满1年", the Xinxiang HR bureau; the 2024 notice as reproduced).


@pytest.mark.parametrize(
    ("issued", "on", "document"),
    [
        (date(2022, 6, 1), date(2023, 1, 15), "cy-ui-skill-page"),
        (date(2023, 1, 10), date(2023, 6, 1), "nb-ui-skill-2023-copy"),
        (date(2024, 3, 1), date(2024, 6, 1), "xx-ui-skill-2024"),
    ],
)
def test_certificates_of_2022_2023_and_2024_need_12_months(
    issued: date, on: date, document: str
) -> None:
    """12 months suffice, 11 do not, whichever of the three years the certificate is of."""
    cert = certificate(issued_on=issued)
    assert decide(cert, months=12, on=on).outcome is Outcome.ELIGIBLE
    short = decide(cert, months=11, on=on)
    assert failed(short) == ["ui_skill.contributions"]
    finding = short.failed[0]
    assert (finding.value("months"), finding.value("minimum")) == (11, 12)
    assert [c.document.id for c in finding.citations] == [document]


def test_a_2023_certificate_with_20_months_is_now_eligible() -> None:
    """The relaxation covered 2023: 20 months are more than the one year needed."""
    decision = decide(certificate(issued_on=date(2023, 1, 10)), months=20)
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.amount == Decimal("2000.00")


@pytest.mark.parametrize("issued", [date(2022, 12, 31), date(2023, 1, 1)])
def test_both_sides_of_2023_01_01_need_one_year(issued: date) -> None:
    """The day before and the day the 2023 relaxation starts: 12 months either way."""
    decision = decide(certificate(issued_on=issued), months=12)
    assert decision.outcome is Outcome.ELIGIBLE
    contributions = next(
        f for f in decision.findings if f.check == "ui_skill.contributions"
    )
    assert contributions.value("minimum") == 12


@pytest.mark.parametrize(
    ("issued", "minimum"), [(date(2024, 12, 31), 12), (date(2025, 1, 1), None)]
)
def test_the_relaxation_ends_with_certificates_of_2024(
    issued: date, minimum: int | None
) -> None:
    """A certificate of 2024-12-31 needs 12 months; for one of 2025-01-01 none is known."""
    decision = decide(certificate(issued_on=issued), months=20, on=date(2025, 1, 2))
    contributions = next(
        f for f in decision.findings if f.check == "ui_skill.contributions"
    )
    assert contributions.value("minimum") == minimum
    assert contributions.held is (True if minimum else None)
    # Claimed in 2025: the scheme's other figures are not known either.
    assert decision.outcome is Outcome.UNDETERMINED
    assert "ui_skill.rates" in decision.missing
    assert ("ui_skill.contribution_months" in decision.missing) is (minimum is None)


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


# --- the claim day -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "outcome"),
    [(date(2024, 12, 31), Outcome.ELIGIBLE), (date(2025, 1, 1), Outcome.UNDETERMINED)],
)
def test_the_scheme_is_known_to_2024_12_31(on: date, outcome: Outcome) -> None:
    """The 2024 notice runs the scheme to 2024-12-31: a claim made after it is undetermined."""
    decision = decide(certificate(issued_on=date(2024, 6, 1)), on=on)
    assert decision.outcome is outcome
    if outcome is Outcome.UNDETERMINED:
        # The contribution requirement is the certificate's (2024: 12 months); every
        # figure read on the claim day is missing, and named.
        assert decision.missing == (
            "ui_skill.rates",
            "ui_skill.national_maximum",
            "ui_skill.claim_window_months",
            "ui_skill.claims_per_year",
            "ui_skill.uplift_level",
            "ui_skill.rounding",
        )


def test_a_claim_decided_later_keeps_the_figures_of_its_day() -> None:
    """Made on 2024-12-20, decided on 2026-03-01: the 2024 figures pay 2 000 yuan."""
    cert = certificate(issued_on=date(2024, 6, 1))
    later = ui_skill_subsidy(
        cert,
        (),
        contribution_months=12,
        on=date(2026, 3, 1),
        claimed_on=date(2024, 12, 20),
        shortage_occupation=False,
    )
    assert later.outcome is Outcome.ELIGIBLE
    assert later.amount == Decimal("2000.00")
    assert later.on == date(2026, 3, 1)
    window = next(f for f in later.findings if f.check == "ui_skill.claim_window")
    assert window.value("on") == date(2024, 12, 20)
    # Without the claim day, the claim is judged as made on 2026-03-01, when no
    # figure of the scheme is known.
    same_day = decide(cert, months=12, on=date(2026, 3, 1))
    assert same_day.outcome is Outcome.UNDETERMINED
    assert {"ui_skill.rates", "ui_skill.claim_window_months"} <= set(same_day.missing)


def test_a_claim_made_after_it_is_decided_is_malformed() -> None:
    """claimed_on after on cannot be: InvalidValueError names the argument."""
    with pytest.raises(InvalidValueError, match="claimed_on"):
        ui_skill_subsidy(
            certificate(),
            (),
            contribution_months=20,
            on=date(2023, 6, 1),
            claimed_on=date(2023, 6, 2),
        )


def test_each_condition_says_which_day_resolves_its_figures() -> None:
    """Contribution months on the certificate's issue date; the others on the claim day."""
    days = {
        c.check: c.read_on.day if c.read_on else None for c in UI_SKILL_RULE.conditions
    }
    assert days.pop("ui_skill.contributions") == "certificate.issued_on"
    assert days.pop("ui_skill.once_per_level") is None  # no figure
    assert set(days.values()) == {"claimed_on"}


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
    """Without an occupation code an earlier claim at the same level might be for it."""
    no_code = certificate(
        occupation=None, kind=CertificateKind.VOCATIONAL_QUALIFICATION
    )
    earlier = SubsidyClaim(
        kind=SubsidyKind.UNEMPLOYMENT_INSURANCE_SKILL,
        year=2022,
        occupation=OccupationCode("6-31-01-03"),
        level=SkillLevel.ADVANCED,
    )
    decision = decide(no_code, (earlier,))
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("certificate.occupation",)
    # With no earlier claim at all, nothing can stand in the way.
    assert decide(no_code).outcome is Outcome.ELIGIBLE


def ui_claims(year: int, count: int) -> tuple[SubsidyClaim, ...]:
    """*count* earlier UI skill claims in *year*, each for another occupation."""
    codes = ("6-31-01-03", "4-03-02-01", "6-29-01-01")
    return tuple(
        SubsidyClaim(
            kind=SubsidyKind.UNEMPLOYMENT_INSURANCE_SKILL,
            year=year,
            occupation=OccupationCode(codes[i]),
            level=SkillLevel.INTERMEDIATE,
        )
        for i in range(count)
    )


def test_at_most_three_a_year() -> None:
    """每人每年最多不超过三次: a fourth claim in 2024 is refused, a third is not."""
    cert = certificate(issued_on=date(2024, 3, 1))
    third = decide(cert, ui_claims(2024, 2), months=12, on=date(2024, 6, 1))
    assert third.outcome is Outcome.ELIGIBLE
    fourth = decide(cert, ui_claims(2024, 3), months=12, on=date(2024, 6, 1))
    assert failed(fourth) == ["ui_skill.per_year"]
    finding = fourth.failed[0]
    assert (finding.value("year"), finding.value("count")) == (2024, 3)
    assert finding.value("maximum") == 3


@pytest.mark.parametrize(
    ("on", "outcome"),
    [(date(2023, 12, 31), Outcome.INELIGIBLE), (date(2024, 1, 1), Outcome.ELIGIBLE)],
)
def test_the_year_counted_is_the_claim_day_s(on: date, outcome: Outcome) -> None:
    """Three claims in 2023: a claim made on 2023-12-31 is a fourth, one made on 2024-01-01 a first."""
    cert = certificate(issued_on=date(2023, 6, 1))
    decision = decide(cert, ui_claims(2023, 3), months=12, on=on)
    assert decision.outcome is outcome


@pytest.mark.parametrize(
    ("on", "outcome"),
    [(date(2022, 12, 31), Outcome.INELIGIBLE), (date(2023, 1, 1), Outcome.ELIGIBLE)],
)
def test_both_sides_of_2023_01_01_as_claim_days(on: date, outcome: Outcome) -> None:
    """A 2022 certificate, three claims in 2022: claimed on 2022-12-31 a fourth, on 2023-01-01 a first."""
    cert = certificate(issued_on=date(2022, 6, 1))
    decision = decide(cert, ui_claims(2022, 3), months=12, on=on)
    assert decision.outcome is outcome
    if outcome is Outcome.INELIGIBLE:
        assert failed(decision) == ["ui_skill.per_year"]
    contributions = next(
        f for f in decision.findings if f.check == "ui_skill.contributions"
    )
    assert contributions.value("minimum") == 12  # the certificate's, 2022


# --- missing figures and facts -----------------------------------------------------------

PARAMETERS = (
    "ui_skill.rates",
    "ui_skill.national_maximum",
    "ui_skill.contribution_months",
    "ui_skill.claim_window_months",
    "ui_skill.claims_per_year",
    "ui_skill.uplift_level",
    "ui_skill.shortage_uplift",
    "ui_skill.rounding",
)


@pytest.mark.parametrize("name", PARAMETERS)
def test_a_parameter_without_a_value_is_named_as_missing(name: str) -> None:
    """A policy lacking one figure leaves the case undetermined, naming the parameter."""
    lacking = restricted(Policy.default(), lambda param, _value: param != name)
    decision = decide(shortage=True, policy=lacking)
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == (name,)
    assert decision.amount is None


def test_every_unknown_is_named_at_once() -> None:
    """No figure in force, months and shortage unknown: all of them are named, none dropped."""
    nothing = restricted(Policy.default(), lambda param, _v: param not in PARAMETERS)
    decision = decide(months=None, shortage=None, policy=nothing)
    assert decision.outcome is Outcome.UNDETERMINED
    assert set(decision.missing) == {
        *PARAMETERS,
        "contribution_months",
        "shortage_occupation",
    }
    amount = next(f for f in decision.findings if f.check == "ui_skill.amount")
    assert amount.held is None
    assert set(amount.missing) == {
        "ui_skill.rates",
        "ui_skill.uplift_level",
        "shortage_occupation",
        "ui_skill.shortage_uplift",
        "ui_skill.rounding",
    }


def test_an_unknown_rate_still_records_the_uplift_and_the_amount() -> None:
    """Without Guangdong's rates the uplift is still worked out, and the amount named."""
    lacking = restricted(
        Policy.default(), lambda param, _value: param != "ui_skill.rates"
    )
    decision = decide(shortage=None, policy=lacking)
    assert decision.missing == ("ui_skill.rates", "shortage_occupation")
    checks = [f.check for f in decision.findings]
    assert checks == list(UI_SKILL_RULE.checks)


def test_a_shortage_case_is_not_paid_without_the_uplift_figure() -> None:
    """The uplift not in force: a shortage 高级 case is undetermined, never 2 000 without it."""
    lacking = restricted(
        Policy.default(), lambda param, _value: param != "ui_skill.shortage_uplift"
    )
    shortage = decide(shortage=True, policy=lacking)
    assert shortage.outcome is Outcome.UNDETERMINED
    assert shortage.amount is None
    # Not a shortage occupation: the uplift figure is not needed, and not read.
    assert decide(shortage=False, policy=lacking).amount == Decimal("2000.00")


# --- the national maximum, Guangdong's amounts -------------------------------------------

HIGH_RATE = """
[documents.test-high-rate]
title = "测试用地方标准"
issuers = ["测试机关"]
level = "municipal"
provenance = "unverified"
[parameters."ui_skill.rates"]
description_zh = "标准"
description_en = "rates"
unit = "yuan_per_certificate"
[[parameters."ui_skill.rates".values]]
since = 2024-01-01
until = 2024-12-31
value = { elementary = "1000", intermediate = "1500", advanced = "2500" }
document = "test-high-rate"
"""


def test_a_rate_above_the_national_maximum_is_not_paid() -> None:
    """2 500 for 高级 exceeds the national 'at most 2 000': refused, not paid."""
    policy = Policy.default().overlay(Policy.loads(HIGH_RATE))
    cert = certificate(issued_on=date(2024, 3, 1))
    decision = decide(cert, months=12, on=date(2024, 6, 1), policy=policy)
    assert failed(decision) == ["ui_skill.national_maximum"]
    assert decision.amount is None
    lower = certificate(SkillLevel.INTERMEDIATE, issued_on=date(2024, 3, 1))
    assert decide(lower, months=12, on=date(2024, 6, 1), policy=policy).amount == (
        Decimal("1500.00")
    )


def test_the_national_figure_is_explained_as_a_maximum() -> None:
    """The explanation says 'at most' / '不超过' for the national figure."""
    decision = decide(certificate(issued_on=date(2024, 3, 1)), on=date(2024, 6, 1))
    en = decision.explain("en")
    assert (
        "  ✓ National scheme: at most 2000 yuan per certificate at advanced worker "
        "(grade 3); Guangdong's rate of 2000 yuan is within it: yes"
    ) in en
    zh = decision.explain("zh")
    assert (
        "  ✓ 国家标准：高级工（三级）每证补贴不超过 2000 元；广东标准 2000 元在上限之内：是"
        in zh
    )


# --- provenance, explanation, registration -----------------------------------------------

OFFICIAL_2024 = """
[documents.test-official]
title = "测试用官方文件"
issuers = ["测试机关"]
level = "provincial"
provenance = "official"
{parameters}
"""


def official(names: tuple[str, ...]) -> Policy:
    """The bundled policy with the 2024 values of *names* replaced by official ones."""
    base = Policy.default()
    blocks = []
    for name in names:
        param = base.parameters[name]
        blocks.append(
            f"""
[parameters."{name}"]
description_zh = "{param.description_zh}"
description_en = "{param.description_en}"
unit = "{param.unit}"
[[parameters."{name}".values]]
since = 2024-01-01
until = 2024-12-31
value = {VALUES[name]}
document = "test-official"
"""
        )
    return base.overlay(Policy.loads(OFFICIAL_2024.format(parameters="".join(blocks))))


VALUES = {
    "ui_skill.rates": '{ elementary = "1000", intermediate = "1500", advanced = "2000" }',
    "ui_skill.national_maximum": (
        '{ elementary = "1000", intermediate = "1500", advanced = "2000" }'
    ),
    "ui_skill.contribution_months": "12",
    "ui_skill.claim_window_months": "12",
    "ui_skill.claims_per_year": "3",
    "ui_skill.uplift_level": '"advanced"',
    "ui_skill.shortage_uplift": '"0.30"',
    "ui_skill.rounding": '{ quantum = "0.01", mode = "half_up" }',
}


def test_the_contribution_requirement_counts_for_the_provenance() -> None:
    """Read on the issue date, the secondary 2024 requirement still weakens the decision."""
    cert = certificate(issued_on=date(2024, 3, 1))
    others = tuple(n for n in PARAMETERS if n != "ui_skill.contribution_months")
    all_but = decide(cert, months=12, on=date(2024, 6, 1), policy=official(others))
    assert all_but.outcome is Outcome.ELIGIBLE
    assert all_but.provenance is Provenance.SECONDARY
    every = official(PARAMETERS)
    decision = decide(cert, months=12, on=date(2024, 6, 1), policy=every)
    assert decision.provenance is Provenance.OFFICIAL
    assert decision.policy_fingerprint == every.fingerprint


def test_guangdong_s_figures_are_secondary_with_an_inferred_period() -> None:
    """The Zhanjiang FAQ states Guangdong practice, undated: the citation says so."""
    decision = decide(certificate(issued_on=date(2024, 3, 1)), on=date(2024, 6, 1))
    assert decision.provenance is Provenance.UNVERIFIED
    level = next(f for f in decision.findings if f.check == "ui_skill.level")
    (citation,) = level.citations
    assert citation.document.id == "zj-ui-skill-faq"
    assert citation.label("en").endswith("(period in force inferred)")
    rates = Policy.default().at(date(2024, 6, 1)).ui_skill.rates
    assert rates.provenance is Provenance.UNVERIFIED  # secondary, dating inferred


def test_the_explanation_shows_the_arithmetic() -> None:
    """zh and en: 2 000 × (1 + 0.30) = 2 600.00, rounded to the fen."""
    decision = decide(shortage=True)
    zh = decision.explain("zh").splitlines()
    assert zh[0] == "ui_skill（版本 2026.2）2023-06-01：符合"
    assert zh[1] == "金额：2600.00 元"
    assert "  ✓ 补贴金额：2000 元 ×（1 + 0.30）= 2600.00 元（按 0.01 元四舍五入）" in zh
    assert "  ✓ 已缴纳失业保险 40 个月，2023-03-01 取证须满 12 个月" in zh
    en = decision.explain("en")
    assert (
        "  ✓ Amount: 2000 yuan × (1 + 0.30) = 2600.00 yuan (rounded to 0.01 yuan, half up)"
        in en
    )
    assert "      source: Ningbo skill-upgrade subsidy policy for 2023 (a copy)" in en


def test_the_rule_is_registered() -> None:
    """get_rule finds the rule with every check it emits, in order."""
    assert get_rule("ui_skill") is UI_SKILL_RULE
    assert [f.check for f in decide(shortage=True).findings] == list(
        UI_SKILL_RULE.checks
    )


# --- properties --------------------------------------------------------------------------
# The promises every rule keeps (the same arguments give equal decisions, an amount
# only when eligible, figures read only on their day...) are checked for this rule
# with the others, by the contract in test_rules_contract.py.


@given(cases(UI_SKILL_RULE.id))
def test_an_eligible_claim_is_paid_never_above_2000_with_the_uplift(case: Case) -> None:
    """Every eligible claim carries an amount, at most 2 000 × 1.3."""
    decision = ui_skill_subsidy(**case.facts, on=case.on)  # type: ignore[arg-type]
    if decision.outcome is Outcome.ELIGIBLE:
        assert decision.amount is not None
        assert decision.amount <= Decimal(2000) * Decimal("1.3")
