"""Futian 福田英才荟 skills rewards: high-skill and occupational rewards (issue 8, slice A).

Figures worked out by hand from the sources in src/skillchain/policy/data/rewards.toml:
the high-skill guide's copy (12 months in a skill or technical post, 50 000 yuan for
深圳市技能菁英 / 深圳市技术能手, a 60-month fraud ban; dated 2021-09-01 to 2024-12-31)
and the 2024 occupational guide's copy (36 months, 20 000 yuan for a certificate,
30 000 yuan for a 正高 title; 2024-01-01 to 2024-12-31).
"""

import json

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from skillchain import (
    CreditCode,
    DateRange,
    Decision,
    DivisionCode,
    InvalidValueError,
    OccupationCode,
    Outcome,
    Policy,
    ResidentId,
    SkillLevel,
)
from skillchain.model import (
    Certificate,
    CertificateKind,
    Competition,
    CompetitionFormat,
    CompetitionResult,
    CompetitionTier,
    Employment,
    Enterprise,
    Honour,
    IssuerKind,
    PostType,
    ProfessionalTitle,
    ProfessionalTitleLevel,
    TalentRewardClaim,
    TalentRewardKind,
)
from skillchain.policy._kinds import MONEY_BY_KEY, KindError
from skillchain.rules import (
    HIGH_SKILL_REWARD_RULE,
    OCCUPATIONAL_REWARD_RULE,
    high_skill_reward,
    occupational_reward,
)
from skillchain.testing import Case, assert_relaxes
from skillchain.testing import strategies as sk


PERSON = ResidentId("11010519491231002X")
OTHER = ResidentId("440524188001010014")
FIRM_CODE = CreditCode("91350100M000100Y43")
FIRM = Enterprise(
    credit_code=FIRM_CODE,
    name="深圳市某科技有限公司",
    registered_division=DivisionCode("440304"),
    independent_legal_person=True,
)
CLAIM_DAY = date(2024, 5, 6)
OVERLAY = (
    Path(__file__).resolve().parents[1]
    / "examples"
    / "overlays"
    / "futian-rewards-illustrative.toml"
)
FUTIAN = Policy.default().overlay(Policy.from_files(OVERLAY))
"""The bundled policy with the ILLUSTRATIVE scope and honour lists."""


def _job(
    start: date = date(2022, 3, 1),
    end: date | None = None,
    post: PostType | None = PostType.SKILL,
) -> Employment:
    return Employment(employer=FIRM_CODE, post=post, period=DateRange(start, end))


def _honour(
    key: str = "shenzhen-technical-expert",
    awarded: date = date(2023, 12, 10),
    holder: ResidentId = PERSON,
) -> Honour:
    return Honour(holder=holder, key=key, title=key, awarded_on=awarded)


def _claim(
    basis: Honour | Certificate | ProfessionalTitle | CompetitionResult | None = None,
    claimed: date = CLAIM_DAY,
    *,
    skill: str | None = "电工",
    top_up: bool = False,
    paid: str | None = None,
    person: ResidentId = PERSON,
) -> TalentRewardClaim:
    return TalentRewardClaim(
        person=person,
        kind=TalentRewardKind.HIGH_SKILL,
        basis=basis if basis is not None else _honour(holder=person),
        claimed_on=claimed,
        year=claimed.year,
        skill=skill,
        top_up=top_up,
        amount_claimed=None if paid is None else Decimal(paid),
    )


def _high(
    claim: TalentRewardClaim | None = None,
    *,
    on: date = CLAIM_DAY,
    employment: Employment | None = None,
    enterprise: Enterprise | None = FIRM,
    prior: tuple[TalentRewardClaim, ...] | None = (),
    fraud: tuple[date, ...] | None = (),
    policy: Policy | None = None,
) -> Decision:
    return high_skill_reward(
        claim if claim is not None else _claim(),
        employment=employment if employment is not None else _job(),
        enterprise=enterprise,
        prior_rewards=prior,
        fraud_findings=fraud,
        on=on,
        policy=policy,
    )


def _failed(decision: Decision) -> list[str]:
    return [finding.check for finding in decision.failed]


def _amounts_overlay(table: dict[str, str], since: str = "2021-09-01") -> Policy:
    rows = ", ".join(f'{key} = "{amount}"' for key, amount in table.items())
    return Policy.default().overlay(
        Policy.loads(
            f"""
[documents.test-amounts]
title = "测试金额表（非真实文件）"
issuers = ["测试"]
level = "district"
provenance = "unverified"
[parameters."rewards.high_skill_amounts"]
description_zh = "高技能人才奖励：各荣誉称号的奖励金额"
description_en = "High-skill reward: the amount for each honour"
unit = "yuan_by_honour"
[[parameters."rewards.high_skill_amounts".values]]
since = {since}
until = 2024-12-31
value = {{ {rows} }}
document = "test-amounts"
""",
            name="test-amounts.toml",
        )
    )


def _scope_overlay(keys: frozenset[str]) -> Policy:
    listed = json.dumps(sorted(keys), ensure_ascii=False)
    return Policy.default().overlay(
        Policy.loads(
            f"""
[documents.test-scope]
title = "测试受理范围（非真实文件）"
issuers = ["测试"]
level = "district"
provenance = "unverified"
[parameters."rewards.occupational_scope"]
description_zh = "执(职)业人才奖励受理工种范围"
description_en = "Occupational reward: the accepted types"
unit = "scope_keys"
[[parameters."rewards.occupational_scope".values]]
since = 2024-01-01
value = {listed}
document = "test-scope"
""",
            name="test-scope.toml",
        )
    )


# --- high-skill reward: hand-worked examples -------------------------------------------


def test_shenzhen_technical_expert_pays_50000() -> None:
    """26 months in a skill post (2022-03-01 to 2024-05-06) >= 12: 50 000 yuan."""
    decision = _high()
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.amount == Decimal(50000)
    assert decision.rule == "rewards.high_skill"


@pytest.mark.parametrize(
    ("start", "outcome"),
    [
        # 2023-05-06 + 12 months = 2024-05-06, the claim day: one full year.
        (date(2023, 5, 6), Outcome.ELIGIBLE),
        # A day later and the year is reached on 2024-05-07, after the claim.
        (date(2023, 5, 7), Outcome.INELIGIBLE),
    ],
)
def test_one_continuous_year_boundary(start: date, outcome: Outcome) -> None:
    """The 12 months end exactly on the claim day or the claim is refused."""
    decision = _high(employment=_job(start))
    assert decision.outcome is outcome
    if outcome is Outcome.INELIGIBLE:
        assert _failed(decision) == ["rewards.high_skill.tenure"]


def test_not_in_post_on_the_claim_day() -> None:
    """Employment ended the day before the claim: not 在岗在职."""
    decision = _high(employment=_job(end=date(2024, 5, 5)))
    assert _failed(decision) == ["rewards.high_skill.in_post"]


def test_a_management_post_does_not_count() -> None:
    """Only skill and technical posts (技能技术岗位)."""
    assert _failed(_high(employment=_job(post=PostType.MANAGEMENT))) == [
        "rewards.high_skill.post"
    ]
    assert _high(employment=_job(post=PostType.TECHNICAL)).outcome is Outcome.ELIGIBLE


def test_an_unknown_post_is_asked_for() -> None:
    decision = _high(employment=_job(post=None))
    assert decision.missing == ("employment.post",)


def test_the_employer_must_be_a_futian_legal_person() -> None:
    """Registered in Nanshan (440305): not a 辖区法人企业; not a legal person: refused."""
    nanshan = Enterprise(
        credit_code=FIRM_CODE,
        name="某公司",
        registered_division=DivisionCode("440305"),
        independent_legal_person=True,
    )
    assert _failed(_high(enterprise=nanshan)) == ["rewards.high_skill.enterprise"]
    branch = Enterprise(
        credit_code=FIRM_CODE,
        name="某公司福田分公司",
        registered_division=DivisionCode("440304"),
        independent_legal_person=False,
    )
    assert _failed(_high(enterprise=branch)) == ["rewards.high_skill.enterprise"]
    unknown = Enterprise(
        credit_code=FIRM_CODE, name="某公司", registered_division=DivisionCode("440304")
    )
    assert _high(enterprise=unknown).missing == ("enterprise.independent_legal_person",)
    assert _high(enterprise=None).missing == ("enterprise",)


@pytest.mark.parametrize(
    ("on", "outcome"),
    [
        (date(2021, 8, 31), Outcome.UNDETERMINED),
        (date(2021, 9, 1), Outcome.ELIGIBLE),
        (date(2024, 12, 31), Outcome.ELIGIBLE),
        (date(2025, 1, 1), Outcome.UNDETERMINED),
    ],
)
def test_figures_are_dated_2021_09_01_to_2024_12_31(on: date, outcome: Outcome) -> None:
    """Outside the inferred period no figure is reused: undetermined."""
    claim = _claim(_honour(awarded=date(2021, 1, 1)), claimed=on)
    decision = _high(claim, employment=_job(date(2019, 1, 1)), on=on)
    assert decision.outcome is outcome
    if outcome is Outcome.UNDETERMINED:
        assert "rewards.high_skill_amounts" in decision.missing


@pytest.mark.parametrize(
    ("found", "held"),
    [
        # 2019-05-06 + 60 months = 2024-05-06: the bar has ended on the claim day.
        (date(2019, 5, 6), True),
        # 2019-05-07 + 60 months = 2024-05-07: the claim is one day inside it.
        (date(2019, 5, 7), False),
        # A finding after the claim day does not bar this claim.
        (date(2024, 5, 7), True),
    ],
)
def test_five_year_fraud_ban(found: date, held: bool) -> None:
    decision = _high(fraud=(date(2010, 1, 1), found))
    ban = next(
        f for f in decision.findings if f.check == "rewards.high_skill.fraud_ban"
    )
    assert ban.held is held


def test_an_unchecked_fraud_record_is_asked_for() -> None:
    assert _high(fraud=None).missing == ("fraud_findings",)


def test_honours_without_a_known_amount_wait_for_the_district() -> None:
    """全国技术能手: the list and the amount are district-supplied."""
    decision = _high(_claim(_honour("national-technical-expert")))
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == (
        "rewards.high_skill_honours",
        "rewards.high_skill_amounts",
    )


def test_the_district_list_rejects_an_unlisted_honour() -> None:
    """Under the illustrative list, 全国技术能手 is not listed; Futian first place is
    listed but has no amount yet."""
    decision = _high(_claim(_honour("national-technical-expert")), policy=FUTIAN)
    assert _failed(decision) == ["rewards.high_skill.honour"]
    first = _high(_claim(_honour("futian-staff-contest-first")), policy=FUTIAN)
    assert first.missing == ("rewards.high_skill_amounts",)


def test_a_certificate_is_not_an_honour_and_a_result_waits() -> None:
    certificate = Certificate(
        holder=PERSON,
        kind=CertificateKind.SKILL_LEVEL,
        occupation=OccupationCode("6-31-01-03"),
        level=SkillLevel.TECHNICIAN,
        issued_on=date(2023, 1, 1),
        issuer_kind=IssuerKind.HR_DEPARTMENT,
    )
    assert _failed(_high(_claim(certificate))) == ["rewards.high_skill.honour"]
    contest = Competition(
        name="福田区职工技能大赛",
        year=2023,
        tier=CompetitionTier.DISTRICT,
        event="电工",
        competition_format=CompetitionFormat.INDIVIDUAL,
    )
    result = CompetitionResult(person=PERSON, competition=contest, rank=1)
    assert _high(_claim(result)).missing == ("claim.basis",)


def _paid(
    skill: str | None = "电工", year_day: date = date(2023, 4, 1), paid: str = "50000"
) -> TalentRewardClaim:
    return _claim(
        _honour("shenzhen-skill-elite", date(2022, 12, 1)),
        claimed=year_day,
        skill=skill,
        paid=paid,
    )


def test_one_reward_per_skill() -> None:
    """A reward for 电工 in 2023 bars a second 电工 claim, not a 钳工 one."""
    assert _failed(_high(prior=(_paid(),))) == ["rewards.high_skill.one_per_skill"]
    assert _high(prior=(_paid("钳工"),)).outcome is Outcome.ELIGIBLE
    assert _high(prior=(_paid(None),)).missing == ("prior_rewards[0].skill",)
    assert _high(_claim(skill=None), prior=(_paid(),)).missing == ("claim.skill",)
    assert _high(prior=None).missing == ("prior_rewards",)


TABLE = _amounts_overlay(
    {
        "shenzhen-skill-elite": "50000",
        "shenzhen-technical-expert": "50000",
        "national-technical-expert": "80000",
    }
)
"""An illustrative table: 全国技术能手 80 000 yuan (made up for the tests)."""


def test_top_up_pays_the_difference() -> None:
    """Paid 50 000 in March 2024; 全国技术能手 in June: 80 000 - 50 000 = 30 000."""
    paid = _claim(claimed=date(2024, 3, 1), paid="50000")
    higher = _claim(
        _honour("national-technical-expert", date(2024, 6, 20)),
        claimed=date(2024, 7, 1),
        top_up=True,
    )
    decision = _high(higher, prior=(paid,), on=date(2024, 7, 1), policy=TABLE)
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.amount == Decimal(30000)


def test_top_up_conditions() -> None:
    """Same year, honour after the earlier claim, and a higher amount."""
    higher = _claim(
        _honour("national-technical-expert", date(2024, 6, 20)),
        claimed=date(2024, 7, 1),
        top_up=True,
    )
    day = date(2024, 7, 1)
    last_year = _paid()
    assert _failed(_high(higher, prior=(last_year,), on=day, policy=TABLE)) == [
        "rewards.high_skill.top_up"
    ]
    after_honour = _claim(claimed=date(2024, 6, 25), paid="50000")
    assert _failed(_high(higher, prior=(after_honour,), on=day, policy=TABLE)) == [
        "rewards.high_skill.top_up"
    ]
    paid_more = _claim(claimed=date(2024, 3, 1), paid="80000")
    assert _failed(_high(higher, prior=(paid_more,), on=day, policy=TABLE)) == [
        "rewards.high_skill.amount"
    ]
    unpaid = _claim(claimed=date(2024, 3, 1))
    assert _high(higher, prior=(unpaid,), on=day, policy=TABLE).missing == (
        "prior_rewards[0].amount_claimed",
    )


def test_malformed_facts_are_refused() -> None:
    occupational = TalentRewardClaim(
        person=PERSON,
        kind=TalentRewardKind.OCCUPATIONAL,
        basis=_honour(),
        claimed_on=CLAIM_DAY,
        year=2024,
    )
    with pytest.raises(InvalidValueError, match=r"claim\.kind"):
        high_skill_reward(occupational, on=CLAIM_DAY)
    with pytest.raises(InvalidValueError, match=r"prior_rewards\[0\]\.person"):
        _high(prior=(_claim(person=OTHER),))
    elsewhere = Employment(
        employer=CreditCode("91110000600037341L"), period=DateRange(date(2020, 1, 1))
    )
    with pytest.raises(InvalidValueError, match="different employers"):
        _high(employment=elsewhere)


def test_explanations_name_the_guide_in_both_languages() -> None:
    decision = _high()
    zh = decision.explain("zh")
    en = decision.explain("en")
    assert "福田区高技能人才奖励申请指南" in zh
    assert "50000 元" in zh
    assert "high-skill talent reward application guide" in en
    assert decision.provenance.value == "secondary"


# --- high-skill reward: properties ------------------------------------------------------


@settings(max_examples=25, deadline=None)
@given(
    low=st.integers(1, 200_000),
    extra=st.integers(0, 200_000),
    paid=st.integers(0, 300_000),
)
def test_a_higher_honour_never_pays_less(low: int, extra: int, paid: int) -> None:
    """A table paying more for 'high' than for 'low': the claim for 'high' is never
    paid less, as a first claim or as a top-up over the same earlier reward."""
    table = _amounts_overlay(
        {"low-honour": str(low), "high-honour": str(low + extra)}, since="2024-01-01"
    )
    first = {
        key: _high(_claim(_honour(key)), policy=table)
        for key in ("low-honour", "high-honour")
    }
    assert first["low-honour"].amount == Decimal(low)
    assert first["high-honour"].amount == Decimal(low + extra)
    earlier = _claim(claimed=date(2024, 3, 1), paid=str(paid))
    day = date(2024, 7, 1)
    amounts = {}
    for key in ("low-honour", "high-honour"):
        top_up = _claim(_honour(key, date(2024, 6, 20)), claimed=day, top_up=True)
        decision = _high(top_up, prior=(earlier,), on=day, policy=table)
        amounts[key] = decision.amount or Decimal(0)
        award = Decimal(low if key == "low-honour" else low + extra)
        assert (decision.outcome is Outcome.ELIGIBLE) is (award > paid)
    assert amounts["high-honour"] >= amounts["low-honour"]


@settings(max_examples=40, deadline=None)
@given(claim=sk.talent_reward_claims(kinds=st.just(TalentRewardKind.HIGH_SKILL)))
def test_any_high_skill_claim_is_decided_within_the_table(
    claim: TalentRewardClaim,
) -> None:
    """Whatever the claim, a paid amount is positive and at most the table's top."""
    decision = high_skill_reward(claim, on=claim.claimed_on, prior_rewards=())
    assert decision.rule == HIGH_SKILL_REWARD_RULE.id
    if decision.outcome is Outcome.ELIGIBLE:
        assert decision.amount is not None
        assert Decimal(0) < decision.amount <= Decimal(50000)
    else:
        assert decision.amount is None


# --- occupational reward ---------------------------------------------------------------


def _certificate(
    occupation: str | None = "4-10-01-05",
    issued: date = date(2020, 4, 30),
    qualification: str | None = None,
) -> Certificate:
    if occupation is None:
        return Certificate(
            holder=PERSON,
            kind=CertificateKind.PRACTISING_QUALIFICATION,
            qualification=qualification,
            issued_on=issued,
            issuer_kind=IssuerKind.HR_DEPARTMENT,
        )
    return Certificate(
        holder=PERSON,
        kind=CertificateKind.SKILL_LEVEL,
        occupation=OccupationCode(occupation),
        level=SkillLevel.ADVANCED,
        issued_on=issued,
        issuer_kind=IssuerKind.HR_DEPARTMENT,
    )


def _occ_claim(
    basis: Certificate | ProfessionalTitle | Honour | None = None,
    claimed: date = CLAIM_DAY,
) -> TalentRewardClaim:
    return TalentRewardClaim(
        person=PERSON,
        kind=TalentRewardKind.OCCUPATIONAL,
        basis=basis if basis is not None else _certificate(),
        claimed_on=claimed,
        year=claimed.year,
    )


def _occ(
    claim: TalentRewardClaim | None = None,
    *,
    on: date = CLAIM_DAY,
    employment: Employment | None = None,
    enterprise: Enterprise | None = FIRM,
    policy: Policy | None = FUTIAN,
    no_job: bool = False,
) -> Decision:
    return occupational_reward(
        claim if claim is not None else _occ_claim(),
        employment=None if no_job else employment or _job(date(2019, 1, 1)),
        enterprise=enterprise,
        on=on,
        policy=policy,
    )


def test_bundled_policy_waits_for_the_district_scope() -> None:
    decision = _occ(policy=None)
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("rewards.occupational_scope",)


def test_accepted_certificate_after_three_years_pays_20000() -> None:
    """养老护理员 in the 2024 list; tenure from 2020-04-30 (later than the 2019 start)
    to 2024-05-06 is 48 months >= 36: 20 000 yuan (2024 guide)."""
    decision = _occ()
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.amount == Decimal(20000)
    assert decision.provenance.value == "unverified"


def test_scope_by_code_or_by_qualification_name() -> None:
    assert _failed(_occ(_occ_claim(_certificate("4-10-03-01")))) == [
        "rewards.occupational.scope"
    ]
    cpa = _occ_claim(_certificate(None, qualification="注册会计师"))
    assert _occ(cpa).outcome is Outcome.ELIGIBLE


def test_the_2023_scope_is_narrower() -> None:
    """On 2023-06-01 the 31-type list is in force: 养老护理员 is not in it (illustrative);
    电工 is, but the 2023 amounts and tenure were not found."""
    day = date(2023, 6, 1)
    assert _failed(_occ(_occ_claim(claimed=day), on=day)) == [
        "rewards.occupational.scope"
    ]
    electrician = _occ(_occ_claim(_certificate("6-31-01-03"), claimed=day), on=day)
    assert electrician.missing == (
        "rewards.occupational_tenure_months",
        "rewards.occupational_certificate_amount",
    )


TITLE = ProfessionalTitle(
    holder=PERSON,
    level=ProfessionalTitleLevel.FULL_SENIOR,
    conferred_on=date(2021, 5, 7),
)


@pytest.mark.parametrize(
    ("claimed", "outcome"),
    [
        # 2021-05-07 + 36 months = 2024-05-07.
        (date(2024, 5, 7), Outcome.ELIGIBLE),
        (date(2024, 5, 6), Outcome.INELIGIBLE),
    ],
)
def test_full_senior_title_after_36_months(claimed: date, outcome: Outcome) -> None:
    decision = _occ(_occ_claim(TITLE, claimed), on=claimed, policy=None)
    assert decision.outcome is outcome
    if outcome is Outcome.ELIGIBLE:
        assert decision.amount == Decimal(30000)


def test_tenure_counts_from_the_later_day_and_needs_the_person_in_post() -> None:
    """Joined 2022-01-01 after the 2020 certificate: 36 months reached 2025-01-01."""
    late = _occ(employment=_job(date(2022, 1, 1)), on=date(2024, 12, 31))
    assert _failed(late) == ["rewards.occupational.tenure"]
    left = _occ(employment=_job(date(2019, 1, 1), date(2024, 5, 1)))
    assert _failed(left) == ["rewards.occupational.tenure"]
    assert _occ(no_job=True).missing == ("employment",)
    unknown_day = ProfessionalTitle(
        holder=PERSON, level=ProfessionalTitleLevel.FULL_SENIOR
    )
    assert _occ(_occ_claim(unknown_day), policy=None).missing == (
        "claim.basis.conferred_on",
    )


def test_other_titles_and_bases_are_refused() -> None:
    deputy = ProfessionalTitle(
        holder=PERSON,
        level=ProfessionalTitleLevel.DEPUTY_SENIOR,
        conferred_on=date(2019, 1, 1),
    )
    assert _failed(_occ(_occ_claim(deputy))) == ["rewards.occupational.title"]
    assert _failed(_occ(_occ_claim(_honour()))) == ["rewards.occupational.basis"]
    outside = Enterprise(
        credit_code=FIRM_CODE, name="某公司", registered_division=DivisionCode("440303")
    )
    assert _failed(_occ(enterprise=outside)) == ["rewards.occupational.enterprise"]
    with pytest.raises(InvalidValueError, match=r"claim\.kind"):
        occupational_reward(_claim(), on=CLAIM_DAY)


@pytest.mark.parametrize(
    ("on", "outcome"),
    [(date(2024, 12, 31), Outcome.ELIGIBLE), (date(2025, 1, 1), Outcome.UNDETERMINED)],
)
def test_the_2024_guide_ends_on_2024_12_31(on: date, outcome: Outcome) -> None:
    decision = _occ(_occ_claim(TITLE, on), on=on, policy=None)
    assert decision.outcome is outcome


def test_occupational_explanation_names_the_documents() -> None:
    en = _occ().explain("en")
    zh = _occ().explain("zh")
    assert "ILLUSTRATIVE" in en
    assert "occupational-talent reward application guide (2024; copy)" in en
    assert "福田区执(职)业人才奖励申请指南" in zh
    assert "受理工种范围内" in zh


_POOL = ("4-10-01-05", "6-31-01-03", "4-12-01-01", "4-10-03-01", "注册会计师")


@settings(max_examples=20, deadline=None)
@given(
    narrow=st.frozensets(st.sampled_from(_POOL), min_size=1),
    extra=st.frozensets(st.sampled_from(_POOL)),
    picks=st.lists(st.sampled_from(_POOL), min_size=1, max_size=4),
)
def test_a_wider_scope_never_rejects_what_a_narrower_accepted(
    narrow: frozenset[str], extra: frozenset[str], picks: list[str]
) -> None:
    """Scope widening relaxes: every claim eligible under a list stays eligible
    under any list containing it (the 31 -> 400+ widening of 2024)."""
    cases = [
        Case(
            name=key,
            on=CLAIM_DAY,
            facts={
                "claim": _occ_claim(
                    _certificate(None, qualification=key)
                    if key == "注册会计师"
                    else _certificate(key)
                ),
                "employment": _job(date(2019, 1, 1)),
                "enterprise": FIRM,
            },
        )
        for key in picks
    ]
    comparison = assert_relaxes(
        OCCUPATIONAL_REWARD_RULE,
        _scope_overlay(narrow),
        _scope_overlay(narrow | extra),
        cases,
    )
    assert len(comparison.changes) <= len(cases)


# --- the amount-by-key kind ------------------------------------------------------------


def test_money_by_key_reads_and_refuses() -> None:
    """Keys map to yuan; empty tables, padded keys and bad amounts are refused."""
    table = MONEY_BY_KEY.parse({"b-honour": "2", "a-honour": 1})
    assert list(table.items()) == [("a-honour", Decimal(1)), ("b-honour", Decimal(2))]
    assert MONEY_BY_KEY.dump(table) == {"a-honour": "1", "b-honour": "2"}
    for raw, problem in (
        ({}, "table of key to amount"),
        ([], "table of key to amount"),
        ({" padded": "1"}, "without surrounding spaces"),
        ({"honour": 1.5}, "honour: "),
    ):
        with pytest.raises(KindError, match=problem):
            MONEY_BY_KEY.parse(raw)
