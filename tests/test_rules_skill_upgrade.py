"""Tests for the skill-upgrade subsidy (rule skill_upgrade): conditions, amount, periods."""

from datetime import date
from decimal import Decimal

import attrs
import pytest

from hypothesis import given

from rule_fixtures import COURIER, catalogue_policy, resident, restricted
from skillchain import (
    DateRange,
    Decision,
    DivisionCode,
    InvalidValueError,
    OccupationCode,
    Outcome,
    Policy,
    Provenance,
    Sex,
    SkillLevel,
)
from skillchain.comparison import Case
from skillchain.model import (
    Certificate,
    CertificateKind,
    InsurancePeriod,
    IssuerKind,
    Person,
    SubsidyClaim,
    SubsidyKind,
)
from skillchain.rules import get_rule
from skillchain.rules.skill_upgrade.subsidy import (
    SKILL_UPGRADE_RULE,
    skill_upgrade_subsidy,
)
from skillchain.testing.strategies import cases


POLICY = catalogue_policy()
ON = date(2024, 6, 1)
ISSUED = date(2024, 3, 1)
BEIJING = DivisionCode("110105")
SHENZHEN = DivisionCode("440300")


def worker(birth: date = date(1990, 7, 15), sex: Sex = Sex.MALE) -> Person:
    """A Futian-registered worker with no excluded status."""
    return Person(
        id=resident(birth, sex),
        hukou_division=DivisionCode("440304"),
        civil_service_establishment=False,
        full_time_student=False,
        drawing_pension=False,
    )


WORKER = worker()


def certificate(
    level: SkillLevel | None = SkillLevel.ADVANCED,
    *,
    kind: CertificateKind = CertificateKind.SKILL_LEVEL,
    occupation: OccupationCode | None = COURIER,
    issued_on: date = ISSUED,
    issuer: IssuerKind = IssuerKind.SOCIAL_EVALUATION_ORGANISATION,
) -> Certificate:
    """A certificate of the illustrative courier occupation, by default a 高级工 one."""
    return Certificate(
        holder=WORKER.id,
        kind=kind,
        occupation=occupation,
        qualification=None if occupation else "某专项职业能力",
        level=level,
        issued_on=issued_on,
        issuer_kind=issuer,
    )


def decide(
    person: Person = WORKER,
    cert: Certificate | None = None,
    history: tuple[SubsidyClaim, ...] = (),
    *,
    on: date = ON,
    shortage: bool | None = False,
    policy: Policy = POLICY,
) -> Decision:
    """The decision under the catalogue overlay, on 2024-06-01 unless told."""
    cert = cert if cert is not None else certificate()
    return skill_upgrade_subsidy(
        person,
        attrs.evolve(cert, holder=person.id),
        history,
        on=on,
        shortage_occupation=shortage,
        policy=policy,
    )


def failed(decision: Decision) -> list[str]:
    """The ids of the failed checks."""
    return [f.check for f in decision.failed]


# --- amounts (the 2023 provincial example row, Shenzhen's uplift) ------------------------


@pytest.mark.parametrize(
    ("level", "shortage", "amount"),
    [
        (SkillLevel.ELEMENTARY, False, "1000.00"),
        (SkillLevel.ELEMENTARY, True, "1000.00"),  # below 高级工: no uplift
        (SkillLevel.INTERMEDIATE, None, "1500.00"),  # no uplift possible: shortage moot
        (SkillLevel.ADVANCED, False, "2000.00"),
        (SkillLevel.ADVANCED, True, "2600.00"),  # 2 000 × 1.3
        (SkillLevel.TECHNICIAN, True, "3250.00"),  # 2 500 × 1.3
        (SkillLevel.SENIOR_TECHNICIAN, True, "3900.00"),  # 3 000 × 1.3
    ],
)
def test_the_amount_is_the_catalogue_rate_with_the_shortage_uplift(
    level: SkillLevel, shortage: bool | None, amount: str
) -> None:
    """Catalogue row × (1 + 30 % for 高级工 and above in a shortage occupation), to the fen."""
    decision = decide(cert=certificate(level), shortage=shortage)
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.amount == Decimal(amount)
    assert decision.provenance is Provenance.UNVERIFIED  # the rounding is a placeholder


def test_an_unknown_shortage_status_leaves_an_uplift_level_undetermined() -> None:
    """For 高级工 and above the amount needs to know whether the occupation is short."""
    decision = decide(shortage=None)
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("shortage_occupation",)
    assert decision.amount is None


def test_without_the_catalogue_row_the_amount_is_undetermined() -> None:
    """The bundled policy ships no catalogue rows: undetermined, naming the parameter."""
    decision = decide(policy=Policy.default())
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("skill_upgrade.catalogue",)
    other = decide(cert=certificate(occupation=OccupationCode("6-18-02-04")))
    assert other.missing == ("skill_upgrade.catalogue",)


def test_a_catalogue_rate_outside_the_city_range_is_refused() -> None:
    """Shenzhen pays 700 to 3 000 yuan per certificate: a 3 600 row does not fit it."""
    high = POLICY.overlay(
        Policy.loads(
            """
[documents.draft-row]
title = "示例目录行"
issuers = ["示例"]
level = "provincial"
provenance = "unverified"
[parameters."skill_upgrade.catalogue"]
description_zh = "目录"
description_en = "catalogue"
unit = "yuan_per_certificate"
[[parameters."skill_upgrade.catalogue".values]]
since = 2023-08-15
until = 2025-12-31
document = "draft-row"
value = { "4-02-07-08" = { advanced = "3600" } }
removes = [["4-02-07-08", "elementary"], ["4-02-07-08", "intermediate"],
  ["4-02-07-08", "technician"], ["4-02-07-08", "senior_technician"]]
"""
        )
    )
    before_city = decide(
        cert=certificate(issued_on=date(2023, 9, 1)), on=date(2023, 11, 14), policy=high
    )
    # Shenzhen's range is not known before 深人社规〔2023〕8号: undetermined, not waved through.
    assert before_city.outcome is Outcome.UNDETERMINED
    assert before_city.missing == (
        "skill_upgrade.city_rate_min",
        "skill_upgrade.city_rate_max",
    )
    decision = decide(
        cert=certificate(issued_on=date(2023, 9, 1)), on=date(2023, 11, 15), policy=high
    )
    assert failed(decision) == ["skill_upgrade.city_range"]


# --- the person --------------------------------------------------------------------------


def test_residence_any_one_of_hukou_insurance_or_unemployment_registration() -> None:
    """Guangdong hukou, insurance or unemployment registration: one suffices."""
    outsider = attrs.evolve(WORKER, hukou_division=BEIJING)
    insured = attrs.evolve(
        outsider,
        insurance=(
            InsurancePeriod(division=SHENZHEN, period=DateRange(date(2020, 1, 1))),
        ),
    )
    assert decide(insured).outcome is Outcome.ELIGIBLE
    registered = attrs.evolve(outsider, registered_unemployed=True)
    assert decide(registered).outcome is Outcome.ELIGIBLE
    unknown = decide(outsider)
    assert unknown.outcome is Outcome.UNDETERMINED
    assert unknown.missing == ("person.insurance", "person.registered_unemployed")
    none = attrs.evolve(outsider, insurance=(), registered_unemployed=False)
    assert failed(decide(none)) == ["skill_upgrade.residence"]


def test_insurance_that_ended_before_the_claim_day_does_not_count() -> None:
    """Insured in Guangdong until last year, not any more: no residence by insurance."""
    lapsed = attrs.evolve(
        WORKER,
        hukou_division=BEIJING,
        registered_unemployed=False,
        insurance=(
            InsurancePeriod(
                division=SHENZHEN,
                period=DateRange(date(2020, 1, 1), date(2023, 12, 31)),
            ),
        ),
    )
    assert failed(decide(lapsed)) == ["skill_upgrade.residence"]


def with_status(status: str, value: bool | None) -> Person:
    """The default worker with one excluded status set to *value*."""
    if status == "civil_service_establishment":
        return attrs.evolve(WORKER, civil_service_establishment=value)
    if status == "full_time_student":
        return attrs.evolve(WORKER, full_time_student=value)
    return attrs.evolve(WORKER, drawing_pension=value)


@pytest.mark.parametrize(
    "status", ["civil_service_establishment", "full_time_student", "drawing_pension"]
)
def test_each_excluded_status_refuses(status: str) -> None:
    """在编, full-time students and pensioners are excluded (粤人社规〔2023〕13号)."""
    decision = decide(with_status(status, True))
    assert failed(decision) == ["skill_upgrade.status"]
    unknown = decide(with_status(status, None))
    assert unknown.outcome is Outcome.UNDETERMINED
    assert unknown.missing == (f"person.{status}",)


@pytest.mark.parametrize(
    ("birth", "sex", "on", "outcome"),
    [
        (date(2008, 5, 20), Sex.MALE, date(2024, 5, 19), Outcome.INELIGIBLE),  # 15
        (date(2008, 5, 20), Sex.MALE, date(2024, 5, 20), Outcome.ELIGIBLE),  # 16
        (date(1963, 5, 20), Sex.MALE, date(2024, 5, 19), Outcome.ELIGIBLE),  # 60
        (date(1963, 5, 20), Sex.MALE, date(2024, 5, 20), Outcome.INELIGIBLE),  # 61
        (date(1968, 5, 20), Sex.FEMALE, date(2024, 5, 19), Outcome.ELIGIBLE),  # 55
        (date(1968, 5, 20), Sex.FEMALE, date(2024, 5, 20), Outcome.INELIGIBLE),  # 56
        (
            date(1963, 5, 20),
            Sex.FEMALE,
            date(2024, 5, 19),
            Outcome.INELIGIBLE,
        ),  # woman of 60
    ],
)
def test_age_in_full_years_on_the_claim_day(
    birth: date, sex: Sex, on: date, outcome: Outcome
) -> None:
    """At least 16; men at most 60, women at most 55, in full years: day before and on the birthday."""
    decision = decide(worker(birth, sex), on=on)
    assert decision.outcome is outcome
    if outcome is Outcome.INELIGIBLE:
        assert failed(decision) == ["skill_upgrade.age"]


# --- the certificate ---------------------------------------------------------------------


def test_employer_self_evaluation_certificates_are_refused() -> None:
    """用人单位自主评价 certificates do not qualify."""
    decision = decide(cert=certificate(issuer=IssuerKind.EMPLOYER_SELF_EVALUATION))
    assert failed(decision) == ["skill_upgrade.issuer"]
    for issuer in (IssuerKind.HR_DEPARTMENT, IssuerKind.COMPETITION):
        assert decide(cert=certificate(issuer=issuer)).outcome is Outcome.ELIGIBLE


@pytest.mark.parametrize(
    ("on", "outcome"),
    [(date(2025, 3, 1), Outcome.ELIGIBLE), (date(2025, 3, 2), Outcome.INELIGIBLE)],
)
def test_the_claim_is_made_within_12_months_of_issue(
    on: date, outcome: Outcome
) -> None:
    """Issued 2024-03-01: the last day to claim is 2025-03-01."""
    decision = decide(on=on)
    assert decision.outcome is outcome
    window = next(
        f for f in decision.findings if f.check == "skill_upgrade.claim_window"
    )
    assert window.value("deadline") == date(2025, 3, 1)


def test_the_window_of_a_29_february_certificate_ends_on_28_february() -> None:
    """Twelve calendar months after 2024-02-29 is 2025-02-28."""
    cert = certificate(issued_on=date(2024, 2, 29))
    assert decide(cert=cert, on=date(2025, 2, 28)).outcome is Outcome.ELIGIBLE
    assert failed(decide(cert=cert, on=date(2025, 3, 1))) == [
        "skill_upgrade.claim_window"
    ]


def test_a_claim_before_the_certificate_is_refused() -> None:
    """The claim day cannot precede the certificate."""
    assert failed(decide(on=date(2024, 2, 29))) == ["skill_upgrade.claim_window"]


def test_certificate_kinds_by_period() -> None:
    """Guangdong pays for skill-level certificates; Shenzhen (from 2023-11-15) also for qualifications."""
    qualification = certificate(
        kind=CertificateKind.VOCATIONAL_QUALIFICATION, issued_on=date(2023, 10, 1)
    )
    assert failed(decide(cert=qualification, on=date(2023, 11, 14))) == [
        "skill_upgrade.certificate_kind"
    ]
    assert decide(cert=qualification, on=date(2023, 11, 15)).outcome is Outcome.ELIGIBLE
    completion = certificate(kind=CertificateKind.TRAINING_COMPLETION, level=None)
    assert "skill_upgrade.certificate_kind" in failed(decide(cert=completion))


def test_a_certificate_without_occupation_or_level_cannot_be_priced() -> None:
    """A special-ability certificate has no level: the catalogue (occupation × level) cannot price it."""
    special = certificate(
        kind=CertificateKind.SPECIAL_ABILITY, level=None, occupation=None
    )
    decision = decide(cert=special)
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("certificate.occupation", "certificate.level")


def test_no_lower_level_after_a_higher_one_of_the_same_occupation() -> None:
    """A 技师 subsidy already claimed for the occupation rules out a later 高级工 one."""
    higher = (
        SubsidyClaim(
            kind=SubsidyKind.SKILL_UPGRADE,
            year=2023,
            occupation=COURIER,
            level=SkillLevel.TECHNICIAN,
        ),
    )
    assert failed(decide(history=higher)) == ["skill_upgrade.higher_level"]
    lower = (attrs.evolve(higher[0], level=SkillLevel.INTERMEDIATE),)
    assert decide(history=lower).outcome is Outcome.ELIGIBLE
    other_kind = (
        attrs.evolve(higher[0], kind=SubsidyKind.UNEMPLOYMENT_INSURANCE_SKILL),
    )
    assert decide(history=other_kind).outcome is Outcome.ELIGIBLE
    unknown = (attrs.evolve(higher[0], level=None),)
    decision = decide(history=unknown)
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("history[0].level",)


# --- periods -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "outcome"),
    [
        (date(2023, 8, 14), Outcome.UNDETERMINED),
        (date(2023, 8, 15), Outcome.UNDETERMINED),
        (date(2023, 11, 14), Outcome.UNDETERMINED),
        (date(2023, 11, 15), Outcome.ELIGIBLE),
        (date(2025, 12, 31), Outcome.ELIGIBLE),
        (date(2026, 1, 1), Outcome.UNDETERMINED),
    ],
)
def test_the_measures_are_in_force_from_2023_11_15_to_2025_12_31(
    on: date, outcome: Outcome
) -> None:
    """13号 runs from 2023-08-15, 8号 (Shenzhen's range) from 2023-11-15; both to 2025-12-31."""
    issued = date(2023, 8, 1) if on.year == 2023 else date(2025, 6, 1)
    decision = decide(
        cert=certificate(SkillLevel.INTERMEDIATE, issued_on=issued), on=on
    )
    assert decision.outcome is outcome
    if outcome is Outcome.ELIGIBLE:
        assert decision.amount == Decimal("1500.00")
    elif date(2023, 8, 15) <= on < date(2023, 11, 15):
        # 13号 in force, Shenzhen's range not yet: only the range is missing.
        assert decision.missing == (
            "skill_upgrade.city_rate_min",
            "skill_upgrade.city_rate_max",
        )
    else:
        assert "skill_upgrade.min_age" in decision.missing
        assert "skill_upgrade.catalogue" in decision.missing


@pytest.mark.parametrize(
    ("on", "amount"),
    [(date(2023, 11, 14), None), (date(2023, 11, 15), Decimal("2600.00"))],
)
def test_shenzhen_uplift_from_2023_11_15(on: date, amount: Decimal | None) -> None:
    """Before 深人社规〔2023〕8号 no city uplift is known: a shortage 高级工 is undetermined."""
    decision = decide(
        cert=certificate(issued_on=date(2023, 9, 1)), on=on, shortage=True
    )
    assert decision.amount == amount
    if amount is None:
        assert decision.missing == (
            "skill_upgrade.city_rate_min",
            "skill_upgrade.city_rate_max",
            "skill_upgrade.shortage_uplift",
        )


def test_a_shortage_case_is_never_paid_without_the_uplift_figure() -> None:
    """The +30 % not in force: a shortage case is undetermined; a non-shortage one is not affected."""
    lacking = restricted(
        POLICY, lambda param, _value: param != "skill_upgrade.shortage_uplift"
    )
    shortage = decide(shortage=True, policy=lacking)
    assert shortage.outcome is Outcome.UNDETERMINED
    assert shortage.missing == ("skill_upgrade.shortage_uplift",)
    assert shortage.amount is None
    assert decide(shortage=False, policy=lacking).amount == Decimal("2000.00")


def extended_past_2025(policy: Policy, keep: str) -> Policy:
    """*policy* with every skill-upgrade value ending 2025-12-31 left open, except *keep*'s."""
    end = date(2025, 12, 31)
    parameters = {
        name: attrs.evolve(
            param,
            values=tuple(
                attrs.evolve(value, period=DateRange(value.period.start))
                if name.startswith("skill_upgrade.")
                and name != keep
                and value.period is not None
                and value.period.end == end
                else value
                for value in param.values
            ),
        )
        for name, param in policy.parameters.items()
    }
    return Policy(
        documents=policy.documents, parameters=parameters, sources=policy.sources
    )


def test_after_the_shenzhen_uplift_ends_a_shortage_case_is_undetermined() -> None:
    """深人社规〔2023〕8号's +30 % ends 2025-12-31: a 2026 shortage case is not paid without it."""
    policy = extended_past_2025(POLICY, keep="skill_upgrade.shortage_uplift")
    cert = certificate(issued_on=date(2026, 1, 5))
    shortage = decide(cert=cert, on=date(2026, 3, 1), shortage=True, policy=policy)
    assert shortage.outcome is Outcome.UNDETERMINED
    assert shortage.missing == ("skill_upgrade.shortage_uplift",)
    assert shortage.amount is None
    plain = decide(cert=cert, on=date(2026, 3, 1), shortage=False, policy=policy)
    assert plain.amount == Decimal("2000.00")


# --- the claim day ------------------------------------------------------------------------


def test_a_claim_decided_later_keeps_the_figures_of_its_day() -> None:
    """Made on 2025-12-20, decided on 2026-02-01: judged under 13号 and 8号 (1 500 yuan)."""
    cert = certificate(SkillLevel.INTERMEDIATE, issued_on=date(2025, 6, 1))
    later = skill_upgrade_subsidy(
        WORKER,
        cert,
        (),
        on=date(2026, 2, 1),
        claimed_on=date(2025, 12, 20),
        shortage_occupation=False,
        policy=POLICY,
    )
    assert later.outcome is Outcome.ELIGIBLE
    assert later.amount == Decimal("1500.00")
    assert later.on == date(2026, 2, 1)
    # Judged as a claim made on 2026-02-01: no measure is in force.
    same_day = decide(cert=cert, on=date(2026, 2, 1))
    assert same_day.outcome is Outcome.UNDETERMINED
    assert "skill_upgrade.catalogue" in same_day.missing


def test_the_window_and_the_age_are_those_of_the_claim_day() -> None:
    """Claimed on the last day of the window, at 60; decided weeks later, at 61."""
    man = worker(date(1964, 3, 5))
    cert = certificate(issued_on=date(2024, 3, 1))
    made = skill_upgrade_subsidy(
        man,
        attrs.evolve(cert, holder=man.id),
        (),
        on=date(2025, 4, 15),
        claimed_on=date(2025, 3, 1),
        shortage_occupation=False,
        policy=POLICY,
    )
    assert made.outcome is Outcome.ELIGIBLE
    age = next(f for f in made.findings if f.check == "skill_upgrade.age")
    assert (age.value("on"), age.value("age")) == (date(2025, 3, 1), 60)
    decided = decide(man, cert, on=date(2025, 4, 15))
    assert failed(decided) == ["skill_upgrade.age", "skill_upgrade.claim_window"]


def test_a_claim_made_after_it_is_decided_is_malformed() -> None:
    """claimed_on after on cannot be: InvalidValueError names the argument."""
    with pytest.raises(InvalidValueError, match="claimed_on"):
        skill_upgrade_subsidy(
            WORKER,
            certificate(),
            (),
            on=ON,
            claimed_on=date(2024, 6, 2),
            policy=POLICY,
        )


def test_every_figure_is_read_on_the_claim_day() -> None:
    """Each condition with figures declares the claim day as the day they are read on."""
    for condition in SKILL_UPGRADE_RULE.conditions:
        if condition.parameters:
            assert condition.read_on is not None, condition.check
            assert condition.read_on.day == "claimed_on"
        else:
            assert condition.read_on is None


@pytest.mark.parametrize(
    "name",
    [
        "skill_upgrade.min_age",
        "skill_upgrade.max_age_men",
        "skill_upgrade.certificate_kinds",
        "skill_upgrade.excluded_issuers",
        "skill_upgrade.claim_window_months",
        "skill_upgrade.catalogue",
        "skill_upgrade.city_rate_min",
        "skill_upgrade.city_rate_max",
        "skill_upgrade.uplift_min_level",
        "skill_upgrade.shortage_uplift",
        "skill_upgrade.rounding",
    ],
)
def test_a_parameter_without_a_value_is_named_as_missing(name: str) -> None:
    """A policy lacking one figure leaves its condition undetermined, naming the parameter."""
    lacking = restricted(POLICY, lambda param, _value: param != name)
    decision = decide(shortage=True, policy=lacking)
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == (name,)
    assert decision.amount is None


def test_without_the_region_every_unknown_residence_fact_is_named() -> None:
    """With the region not in force, which fact decides is unknown: each unknown one is named."""
    lacking = restricted(POLICY, lambda param, _value: param != "skill_upgrade.region")
    decision = decide(shortage=True, policy=lacking)
    assert decision.outcome is Outcome.UNDETERMINED
    # The worker's hukou is known; insurance and unemployment registration are not:
    # they are named, then the region.
    assert decision.missing == (
        "person.insurance",
        "person.registered_unemployed",
        "skill_upgrade.region",
    )


ALL_PARAMETERS = SKILL_UPGRADE_RULE.parameters


def test_every_unknown_is_named_at_once() -> None:
    """No figure in force and every person fact unknown: all are named, none dropped."""
    nothing = restricted(POLICY, lambda param, _value: param not in ALL_PARAMETERS)
    person = Person(id=WORKER.id)
    decision = decide(person, shortage=None, policy=nothing)
    assert decision.outcome is Outcome.UNDETERMINED
    assert set(decision.missing) == {
        *(p for p in ALL_PARAMETERS if p != "skill_upgrade.max_age_women"),  # a man
        "person.hukou_division",
        "person.insurance",
        "person.registered_unemployed",
        "person.civil_service_establishment",
        "person.full_time_student",
        "person.drawing_pension",
        "shortage_occupation",
    }
    assert [f.check for f in decision.findings] == list(SKILL_UPGRADE_RULE.checks)


def test_an_undecided_finding_names_only_the_figures_it_reads() -> None:
    """No figure in force: a woman's age finding names the minimum and the women's
    maximum (not the men's); for an occupation that is not short, the uplift finding
    names the level it starts at, not the uplift figure it does not need."""
    nothing = restricted(POLICY, lambda param, _value: param not in ALL_PARAMETERS)
    woman = worker(date(1990, 7, 15), Sex.FEMALE)
    decision = decide(woman, shortage=False, policy=nothing)
    findings = {f.check: f for f in decision.findings}
    assert findings["skill_upgrade.age"].missing == (
        "skill_upgrade.min_age",
        "skill_upgrade.max_age_women",
    )
    assert findings["skill_upgrade.uplift"].missing == (
        "skill_upgrade.uplift_min_level",
    )
    assert "skill_upgrade.shortage_uplift" not in decision.missing


def test_an_unknown_rate_still_records_the_range_the_uplift_and_the_amount() -> None:
    """No catalogue row: the range, uplift and amount are still recorded, naming what lacks."""
    decision = decide(shortage=None, policy=Policy.default())
    assert decision.missing == ("skill_upgrade.catalogue", "shortage_occupation")
    findings = {f.check: f for f in decision.findings}
    assert findings["skill_upgrade.city_range"].missing == ("skill_upgrade.catalogue",)
    assert findings["skill_upgrade.uplift"].missing == ("shortage_occupation",)
    assert findings["skill_upgrade.amount"].missing == (
        "skill_upgrade.catalogue",
        "shortage_occupation",
    )


# --- explanation and registration --------------------------------------------------------


def test_the_explanation_shows_the_arithmetic() -> None:
    """zh and en: rate × (1 + uplift) = amount, with the rounding used and its document."""
    decision = decide(shortage=True)
    zh = decision.explain("zh")
    assert "金额：2600.00 元" in zh
    assert "  ✓ 补贴标准目录：4-02-07-08 高级工（三级） 每证 2000 元" in zh
    assert "  ✓ 补贴金额：2000 元 ×（1 + 0.30）= 2600.00 元（按 0.01 元四舍五入）" in zh
    assert "      依据：《skillchain 占位假设（未找到文件依据）》" in zh
    en = decision.explain("en")
    assert (
        "  ✓ Amount: 2000 yuan × (1 + 0.30) = 2600.00 yuan (rounded to 0.01 yuan, half up)"
        in en
    )
    assert (
        "  ✓ Shortage uplift: the certificate is at advanced worker (grade 3) "
        "(advanced worker (grade 3) and above qualify), shortage occupation yes, uplift 0.30"
    ) in en


def test_a_refusal_is_explained_first() -> None:
    """The failed age condition opens the explanation, with its document."""
    old = decide(worker(date(1950, 1, 1)))
    lines = old.explain("en").splitlines()
    assert lines[2] == "Not met:"
    assert lines[3] == (
        "  ✗ On the claim day 2024-06-01 the person is 74 in full years (male); "
        "the age must be from 16 to 60"
    )
    assert "粤人社规〔2023〕13号" in lines[4]


def test_a_certificate_of_someone_else_is_malformed_input() -> None:
    """The certificate must be the claimant's: a mismatch raises, with both numbers masked."""
    other = certificate()
    with pytest.raises(
        InvalidValueError, match=r"certificate\.holder: .*\*{8}"
    ) as info:
        skill_upgrade_subsidy(worker(date(1980, 1, 1)), other, (), on=ON, policy=POLICY)
    assert WORKER.id.reveal() not in str(info.value)


def test_the_rule_is_registered() -> None:
    """get_rule finds the rule with every check it emits."""
    assert get_rule("skill_upgrade") is SKILL_UPGRADE_RULE
    decision = decide(shortage=True)
    assert [f.check for f in decision.findings] == list(SKILL_UPGRADE_RULE.checks)


# --- properties --------------------------------------------------------------------------


# The promises every rule keeps (the same arguments give equal decisions, an amount
# only when eligible, figures read only on their day...) are checked for this rule
# with the others, by the contract in test_rules_contract.py.


@given(cases(SKILL_UPGRADE_RULE.id, policy=POLICY))
def test_an_eligible_amount_never_exceeds_the_city_maximum_with_the_uplift(
    case: Case,
) -> None:
    """Every eligible claim is paid, within Shenzhen's range: 700 ≤ amount ≤ 3 000 × 1.3."""
    decision = skill_upgrade_subsidy(**case.facts, on=case.on, policy=POLICY)  # type: ignore[arg-type]
    if decision.outcome is Outcome.ELIGIBLE:
        assert decision.amount is not None
        assert Decimal(700) <= decision.amount <= Decimal(3000) * Decimal("1.3")
