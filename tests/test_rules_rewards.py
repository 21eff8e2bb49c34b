"""Futian 福田英才荟 skills rewards: high-skill and occupational rewards.

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

import attrs
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
    Provenance,
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
from skillchain.policy.kinds import MONEY_BY_KEY, KindError
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
    bundled = ("shenzhen-skill-elite", "shenzhen-technical-expert")
    dropped = [key for key in bundled if key not in table]
    removes = f"removes = {json.dumps(dropped)}" if dropped else ""
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
{removes}
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
    # Which results count is the district's list, which the bundled policy lacks;
    # with the list supplied only the listed item the result counts as is missing.
    assert _high(_claim(result)).missing == (
        "claim.basis",
        "rewards.high_skill_honours",
    )
    assert _high(_claim(result), policy=FUTIAN).missing == ("claim.basis",)


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


def test_the_50000_rests_on_an_inferred_period_and_says_so() -> None:
    """The guide's copy shows no year: its 2021-09-01 to 2024-12-31 dating is
    inferred, so the decision is no stronger than unverified and every citation of
    a value says its period is inferred."""
    decision = _high()
    assert decision.provenance is Provenance.UNVERIFIED
    amount = next(
        f for f in decision.findings if f.check == "rewards.high_skill.amount"
    )
    (citation,) = amount.citations
    assert citation.period_inferred
    assert citation.article == "4.5"
    assert citation.label("en").endswith("4.5 (period in force inferred)")
    assert "(period in force inferred)" in decision.explain("en")
    assert "（施行期间系推断）" in decision.explain("zh")


def test_a_2024_high_skill_claim_decided_in_2026_uses_the_2024_figures() -> None:
    """Figures are read on the claim day: a claim of 2024-05-06 decided on 2026-03-02
    is paid 50 000 (no figure is in force in 2026); one made on 2025-01-01 waits."""
    decision = _high(on=date(2026, 3, 2))
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.amount == Decimal(50000)
    assert decision.on == date(2026, 3, 2)
    late = _high(_claim(claimed=date(2025, 1, 1)), on=date(2025, 1, 2))
    assert late.outcome is Outcome.UNDETERMINED
    assert "rewards.high_skill_amounts" in late.missing
    assert {c.read_on.day for c in HIGH_SKILL_REWARD_RULE.conditions if c.read_on} == {
        "claim.claimed_on"
    }


def _without(policy: Policy, name: str) -> Policy:
    return Policy(
        documents=policy.documents,
        parameters={k: v for k, v in policy.parameters.items() if k != name},
        sources=policy.sources,
    )


def test_the_ban_length_is_read_only_when_there_is_a_finding() -> None:
    """No fraud finding: no ban, whatever its length; a finding with no ban length
    in force: undetermined, naming the figure."""
    bare = _without(Policy.default(), "rewards.fraud_ban_months")
    assert _high(policy=bare).outcome is Outcome.ELIGIBLE
    barred = _high(fraud=(date(2020, 6, 1),), policy=bare)
    assert barred.missing == ("rewards.fraud_ban_months",)


def test_an_honour_the_table_pays_for_needs_no_list() -> None:
    """The 深圳市技术能手 item is in the guide with its amount: the district's list is
    not read (and a list that leaves it out does not refuse it); without the amount
    table the list is needed."""
    assert _high(policy=FUTIAN).outcome is Outcome.ELIGIBLE
    short_list = Policy.default().overlay(
        Policy.loads(
            """
[documents.test-honours]
title = "测试荣誉名单（非真实文件）"
issuers = ["测试"]
level = "district"
provenance = "unverified"
[parameters."rewards.high_skill_honours"]
description_zh = "高技能人才奖励：可申请奖励的荣誉称号"
description_en = "High-skill reward: the honours it is paid for"
unit = "honour_keys"
[[parameters."rewards.high_skill_honours".values]]
since = 2024-01-01
value = ["futian-staff-contest-first"]
document = "test-honours"
""",
            name="test-honours.toml",
        )
    )
    assert _high(policy=short_list).amount == Decimal(50000)
    no_amounts = _without(Policy.default(), "rewards.high_skill_amounts")
    assert _high(policy=no_amounts).missing == (
        "rewards.high_skill_honours",
        "rewards.high_skill_amounts",
    )


def test_an_unchecked_earlier_reward_leaves_a_top_up_amount_unknown() -> None:
    """The amount's finding names what it lacks, like the top-up finding."""
    higher = _claim(
        _honour("national-technical-expert", date(2024, 6, 20)),
        claimed=date(2024, 7, 1),
        top_up=True,
    )
    decision = _high(higher, prior=None, on=date(2024, 7, 1), policy=TABLE)
    amount = next(
        f for f in decision.findings if f.check == "rewards.high_skill.amount"
    )
    assert amount.held is None
    assert amount.missing == ("prior_rewards",)


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
# Worked from the 2024 guide's copy (rewards.toml): registered and paying tax in
# Futian; the top level of a skills certificate (the illustrative overlay: 养老护理员
# and 电工 run to 一级, i.e. senior_technician); skill-level certificates from an
# evaluator filed in Shenzhen (440300); qualifications from Guangdong HR departments
# (440000) and in the national query system; titles conferred from 2016-09-01,
# licences obtained from 2018-09-01; 注册会计师 only in an accounting firm, 执业药师 only
# in a drug manufacturer or medical institution; a licence valid on the claim day; the
# matching post; 36 months in the same enterprise; 20 000 / 30 000 yuan; figures of
# 2024-01-01 to 2024-12-31 read on the claim day.


def _certificate(
    occupation: str | None = "4-10-01-05",
    issued: date = date(2020, 4, 30),
    qualification: str | None = None,
    *,
    level: SkillLevel = SkillLevel.SENIOR_TECHNICIAN,
    kind: CertificateKind = CertificateKind.SKILL_LEVEL,
    issuer: IssuerKind = IssuerKind.SOCIAL_EVALUATION_ORGANISATION,
    filed_with: str | None = "440300",
    valid_until: date | None = None,
) -> Certificate:
    if occupation is None:
        return Certificate(
            holder=PERSON,
            kind=CertificateKind.PRACTISING_QUALIFICATION,
            qualification=qualification,
            issued_on=issued,
            issuer_kind=IssuerKind.OTHER_AUTHORITY,
            valid_until=valid_until,
        )
    evaluator = issuer in {
        IssuerKind.SOCIAL_EVALUATION_ORGANISATION,
        IssuerKind.EMPLOYER_SELF_EVALUATION,
    }
    return Certificate(
        holder=PERSON,
        kind=kind,
        occupation=OccupationCode(occupation),
        qualification=qualification,
        level=level,
        issued_on=issued,
        issuer_kind=issuer,
        evaluator_filed_with=None
        if filed_with is None or not evaluator
        else DivisionCode(filed_with),
    )


def _licence(
    name: str = "注册会计师",
    issued: date = date(2019, 10, 8),
    valid_until: date | None = None,
) -> Certificate:
    return _certificate(None, issued, name, valid_until=valid_until)


def _occ_claim(
    basis: Certificate | ProfessionalTitle | Honour | None = None,
    claimed: date = CLAIM_DAY,
    *,
    taxed: bool | None = True,
    matches: bool | None = True,
    sector: str | None = "accounting_firm",
    valid: bool | None = True,
) -> TalentRewardClaim:
    return TalentRewardClaim(
        person=PERSON,
        kind=TalentRewardKind.OCCUPATIONAL,
        basis=basis if basis is not None else _certificate(),
        claimed_on=claimed,
        year=claimed.year,
        employer_taxed_in_district=taxed,
        post_matches_basis=matches,
        employer_sector=sector,
        licence_valid_on_claim=valid,
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


def _finding(decision: Decision, check: str) -> bool | None:
    return next(f.held for f in decision.findings if f.check == check)


def test_bundled_policy_waits_for_the_district_lists() -> None:
    """The accepted types and the top levels are district-supplied: undetermined."""
    decision = _occ(policy=None)
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == (
        "rewards.occupational_scope",
        "rewards.occupational_top_levels",
    )


def test_top_level_certificate_after_three_years_pays_20000() -> None:
    """养老护理员 一级 in the 2024 list, from an evaluator filed in Shenzhen; tenure
    from 2020-04-30 (later than the 2019 start) to 2024-05-06 is 48 months >= 36:
    20 000 yuan (2024 guide)."""
    decision = _occ()
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.amount == Decimal(20000)
    assert decision.provenance is not None
    assert decision.provenance.value == "unverified"


@pytest.mark.parametrize(
    ("level", "held"),
    [
        # The standard of 养老护理员 runs to 一级 (高级技师): only that level counts.
        (SkillLevel.ADVANCED, False),
        (SkillLevel.TECHNICIAN, False),
        (SkillLevel.SENIOR_TECHNICIAN, True),
    ],
)
def test_only_the_top_level_counts(level: SkillLevel, held: bool) -> None:
    """A 三级 or 二级 养老护理员 certificate is not the top level the district lists."""
    decision = _occ(_occ_claim(_certificate(level=level)))
    assert _finding(decision, "rewards.occupational.top_level") is held
    assert decision.outcome is (Outcome.ELIGIBLE if held else Outcome.INELIGIBLE)
    if not held:
        assert _failed(decision) == ["rewards.occupational.top_level"]


def test_an_occupation_without_a_listed_top_level_waits() -> None:
    """家政服务员 is accepted in 2024 (illustrative), but the table gives no top level."""
    decision = _occ(_occ_claim(_certificate("4-10-01-06")))
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("rewards.occupational_top_levels",)


def test_the_top_level_may_be_keyed_by_the_qualification_name() -> None:
    """育婴员 has no confirmed code: the illustrative table keys it by name (三级)."""
    nanny = Certificate(
        holder=PERSON,
        kind=CertificateKind.VOCATIONAL_QUALIFICATION,
        qualification="育婴员",
        level=SkillLevel.ADVANCED,
        issued_on=date(2020, 1, 10),
        issuer_kind=IssuerKind.HR_DEPARTMENT,
        issuer_division=DivisionCode("440300"),
        in_national_query_system=True,
    )
    policy = FUTIAN.overlay(_scope_overlay(frozenset({"育婴员"})))
    decision = _occ(_occ_claim(nanny), policy=policy)
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.amount == Decimal(20000)


@pytest.mark.parametrize(
    ("taxed", "outcome"),
    [
        (True, Outcome.ELIGIBLE),
        (False, Outcome.INELIGIBLE),
        (None, Outcome.UNDETERMINED),
    ],
)
def test_the_employer_must_pay_tax_in_futian(
    taxed: bool | None, outcome: Outcome
) -> None:
    """福田区注册及纳税: registered in Futian is not enough."""
    decision = _occ(_occ_claim(taxed=taxed))
    assert decision.outcome is outcome
    if outcome is Outcome.INELIGIBLE:
        assert _failed(decision) == ["rewards.occupational.taxpayer"]
    if outcome is Outcome.UNDETERMINED:
        assert decision.missing == ("claim.employer_taxed_in_district",)


@pytest.mark.parametrize(
    ("matches", "outcome"),
    [
        (True, Outcome.ELIGIBLE),
        (False, Outcome.INELIGIBLE),
        (None, Outcome.UNDETERMINED),
    ],
)
def test_the_years_must_be_in_the_matching_post(
    matches: bool | None, outcome: Outcome
) -> None:
    decision = _occ(_occ_claim(matches=matches))
    assert decision.outcome is outcome
    if outcome is Outcome.UNDETERMINED:
        assert decision.missing == ("claim.post_matches_basis",)


def test_who_issued_a_skills_certificate() -> None:
    """Skill-level: an evaluator filed with the Shenzhen HR bureau (not an HR
    department, not one filed in Guangzhou); qualification: Guangdong HR departments
    and the national query system."""
    by_hr = _certificate(issuer=IssuerKind.HR_DEPARTMENT)
    assert _failed(_occ(_occ_claim(by_hr))) == ["rewards.occupational.issuer"]
    guangzhou = _certificate(filed_with="440100")
    assert _failed(_occ(_occ_claim(guangzhou))) == ["rewards.occupational.issuer"]
    unfiled = _certificate(filed_with=None)
    assert _occ(_occ_claim(unfiled)).missing == ("claim.basis.evaluator_filed_with",)
    qualification = Certificate(
        holder=PERSON,
        kind=CertificateKind.VOCATIONAL_QUALIFICATION,
        occupation=OccupationCode("4-10-01-05"),
        level=SkillLevel.SENIOR_TECHNICIAN,
        issued_on=date(2017, 3, 1),
        issuer_kind=IssuerKind.HR_DEPARTMENT,
        issuer_division=DivisionCode("440000"),
        in_national_query_system=True,
    )
    assert _occ(_occ_claim(qualification)).outcome is Outcome.ELIGIBLE
    beijing = attrs.evolve(qualification, issuer_division=DivisionCode("110000"))
    assert _failed(_occ(_occ_claim(beijing))) == ["rewards.occupational.issuer"]
    not_found = attrs.evolve(qualification, in_national_query_system=False)
    assert _failed(_occ(_occ_claim(not_found))) == ["rewards.occupational.issuer"]
    unchecked = attrs.evolve(
        qualification, in_national_query_system=None, issuer_division=None
    )
    assert _occ(_occ_claim(unchecked)).missing == (
        "claim.basis.issuer_division",
        "claim.basis.in_national_query_system",
    )


def test_other_certificate_kinds_are_not_rewarded() -> None:
    """The guide pays for qualifications, skill-level certificates and licences."""
    special = Certificate(
        holder=PERSON,
        kind=CertificateKind.SPECIAL_ABILITY,
        occupation=OccupationCode("4-10-01-05"),
        issued_on=date(2020, 4, 30),
        issuer_kind=IssuerKind.SOCIAL_EVALUATION_ORGANISATION,
    )
    assert _failed(_occ(_occ_claim(special))) == ["rewards.occupational.basis"]


def test_scope_by_code_or_by_qualification_name() -> None:
    assert _failed(_occ(_occ_claim(_certificate("4-10-03-01")))) == [
        "rewards.occupational.scope"
    ]
    assert _occ(_occ_claim(_licence())).outcome is Outcome.ELIGIBLE


@pytest.mark.parametrize(
    ("issued", "held"),
    # Licences first registered or approved from 2018-09-01 (the day counts).
    [(date(2018, 8, 31), False), (date(2018, 9, 1), True)],
)
def test_the_licence_date_floor(issued: date, held: bool) -> None:
    decision = _occ(_occ_claim(_licence(issued=issued)))
    assert _finding(decision, "rewards.occupational.date_floor") is held
    assert decision.outcome is (Outcome.ELIGIBLE if held else Outcome.INELIGIBLE)


@pytest.mark.parametrize(
    ("name", "sector", "outcome"),
    [
        ("注册会计师", "accounting_firm", Outcome.ELIGIBLE),
        ("注册会计师", "consulting_firm", Outcome.INELIGIBLE),
        ("注册会计师", None, Outcome.UNDETERMINED),
        ("执业药师", "medical_institution", Outcome.ELIGIBLE),
        ("执业药师", "drug_manufacturer", Outcome.ELIGIBLE),
        ("执业药师", "accounting_firm", Outcome.INELIGIBLE),
    ],
)
def test_some_licences_only_in_their_sector(
    name: str, sector: str | None, outcome: Outcome
) -> None:
    """A CPA in an accounting firm; a pharmacist in a drug maker or medical institution."""
    decision = _occ(_occ_claim(_licence(name), sector=sector))
    assert decision.outcome is outcome
    if outcome is Outcome.INELIGIBLE:
        assert _failed(decision) == ["rewards.occupational.sector"]
    if outcome is Outcome.UNDETERMINED:
        assert decision.missing == ("claim.employer_sector",)


def test_a_licence_the_sector_table_does_not_list_is_not_limited() -> None:
    """一级注册造价工程师 is not in the table: any sector; without the table: undetermined."""
    policy = FUTIAN.overlay(_scope_overlay(frozenset({"一级注册造价工程师"})))
    engineer = _occ_claim(_licence("一级注册造价工程师"), sector=None)
    assert _occ(engineer, policy=policy).outcome is Outcome.ELIGIBLE
    bundled = _scope_overlay(frozenset({"一级注册造价工程师"}))
    assert _occ(engineer, policy=bundled).missing == (
        "claim.employer_sector",
        "rewards.occupational_licence_sectors",
    )


@pytest.mark.parametrize(
    ("valid", "valid_until", "outcome"),
    [
        (True, None, Outcome.ELIGIBLE),
        (False, None, Outcome.INELIGIBLE),
        (None, None, Outcome.UNDETERMINED),
        # Valid through the claim day itself, 2024-05-06.
        (True, date(2024, 5, 6), Outcome.ELIGIBLE),
        # Expired the day before the claim: refused whatever the flag says.
        (True, date(2024, 5, 5), Outcome.INELIGIBLE),
    ],
)
def test_the_licence_must_be_valid_on_the_claim_day(
    valid: bool | None, valid_until: date | None, outcome: Outcome
) -> None:
    claim = _occ_claim(_licence(valid_until=valid_until), valid=valid)
    decision = _occ(claim)
    assert decision.outcome is outcome
    if outcome is Outcome.INELIGIBLE:
        assert _failed(decision) == ["rewards.occupational.licence_valid"]
    if outcome is Outcome.UNDETERMINED:
        assert decision.missing == ("claim.licence_valid_on_claim",)


def test_the_2023_scope_is_narrower() -> None:
    """On 2023-06-01 the 31-type list is in force: 养老护理员 is not in it (illustrative);
    电工 is, but the 2023 district, issuer regions, tenure and amounts were not
    found.  The issuer and amount findings name the figures of a skill-level
    certificate (the evaluator's region, the certificate amount): neither is in
    force."""
    day = date(2023, 6, 1)
    assert _failed(_occ(_occ_claim(claimed=day), on=day)) == [
        "rewards.occupational.scope"
    ]
    electrician = _occ(_occ_claim(_certificate("6-31-01-03"), claimed=day), on=day)
    assert electrician.missing == (
        "rewards.occupational_region",
        "rewards.occupational_evaluator_region",
        "rewards.occupational_tenure_months",
        "rewards.occupational_certificate_amount",
    )


def _title(conferred: date | None = date(2021, 5, 7)) -> ProfessionalTitle:
    return ProfessionalTitle(
        holder=PERSON, level=ProfessionalTitleLevel.FULL_SENIOR, conferred_on=conferred
    )


TITLE = _title()


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


@pytest.mark.parametrize(
    ("conferred", "outcome"),
    [
        # Titles conferred from 2016-09-01 (the day counts).
        (date(2016, 8, 31), Outcome.INELIGIBLE),
        (date(2016, 9, 1), Outcome.ELIGIBLE),
        # The case the guide rules out: a 2012 title is not paid 30 000.
        (date(2012, 12, 1), Outcome.INELIGIBLE),
    ],
)
def test_the_title_date_floor(conferred: date, outcome: Outcome) -> None:
    """Employed since 2010; tenure counts from the title (36 months well before)."""
    claim = _occ_claim(_title(conferred))
    decision = _occ(claim, employment=_job(date(2010, 7, 1)), policy=None)
    assert decision.outcome is outcome
    if outcome is Outcome.INELIGIBLE:
        assert _failed(decision) == ["rewards.occupational.date_floor"]
    else:
        assert decision.amount == Decimal(30000)


def test_tenure_counts_from_the_later_day_and_needs_the_person_in_post() -> None:
    """Joined 2022-01-01 after the 2020 certificate: 36 months reached 2025-01-01."""
    late = _occ(
        _occ_claim(claimed=date(2024, 12, 31)),
        employment=_job(date(2022, 1, 1)),
        on=date(2024, 12, 31),
    )
    assert _failed(late) == ["rewards.occupational.tenure"]
    left = _occ(employment=_job(date(2019, 1, 1), date(2024, 5, 1)))
    assert _failed(left) == ["rewards.occupational.tenure"]
    assert _occ(no_job=True).missing == ("employment",)
    unknown_day = _occ(_occ_claim(_title(None)), policy=None)
    assert unknown_day.missing == ("claim.basis.conferred_on",)


def test_other_titles_and_bases_are_refused() -> None:
    deputy = ProfessionalTitle(
        holder=PERSON,
        level=ProfessionalTitleLevel.DEPUTY_SENIOR,
        conferred_on=date(2019, 1, 1),
    )
    refused = _occ(_occ_claim(deputy))
    assert _failed(refused) == ["rewards.occupational.title"]
    assert "rewards.occupational.amount" not in [f.check for f in refused.findings]
    assert _failed(_occ(_occ_claim(_honour()))) == ["rewards.occupational.basis"]
    outside = Enterprise(
        credit_code=FIRM_CODE, name="某公司", registered_division=DivisionCode("440303")
    )
    assert _failed(_occ(enterprise=outside)) == ["rewards.occupational.enterprise"]
    with pytest.raises(InvalidValueError, match=r"claim\.kind"):
        occupational_reward(_claim(), on=CLAIM_DAY)


@pytest.mark.parametrize(
    ("claimed", "outcome"),
    [(date(2024, 12, 31), Outcome.ELIGIBLE), (date(2025, 1, 1), Outcome.UNDETERMINED)],
)
def test_the_2024_guide_ends_on_2024_12_31(claimed: date, outcome: Outcome) -> None:
    """A claim made on the guide's last day is paid; one made the day after waits."""
    decision = _occ(_occ_claim(TITLE, claimed), on=date(2025, 6, 1), policy=None)
    assert decision.outcome is outcome


def test_a_2024_occupational_claim_decided_in_2026_uses_the_2024_figures() -> None:
    """The figures are the claim day's: decided on 2026-03-02, the 2024 guide still
    pays a claim made on 2024-05-06 (20 000 yuan); the decision keeps its own day."""
    decision = _occ(on=date(2026, 3, 2))
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.amount == Decimal(20000)
    assert decision.on == date(2026, 3, 2)
    rule = OCCUPATIONAL_REWARD_RULE
    with_figures = [c for c in rule.conditions if c.parameters]
    assert with_figures
    assert all(c.read_on is not None for c in with_figures)
    assert {c.read_on.day for c in with_figures if c.read_on} == {"claim.claimed_on"}


def test_every_unknown_is_named_at_once() -> None:
    """No early stop: unknown tax, post match and district lists are all named."""
    claim = _occ_claim(taxed=None, matches=None)
    decision = _occ(claim, policy=None, no_job=True)
    assert decision.missing == (
        "claim.employer_taxed_in_district",
        "rewards.occupational_scope",
        "rewards.occupational_top_levels",
        "claim.post_matches_basis",
        "employment",
    )


def test_occupational_explanation_names_the_documents() -> None:
    en = _occ().explain("en")
    zh = _occ().explain("zh")
    assert "ILLUSTRATIVE" in en
    assert "occupational-talent reward application guide (2024; copy)" in en
    assert "福田区执(职)业人才奖励申请指南" in zh
    assert "受理工种范围内" in zh
    assert "仅奖励最高等级" in zh


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
                    _licence() if key == "注册会计师" else _certificate(key)
                ),
                "employment": _job(date(2019, 1, 1)),
                "enterprise": FIRM,
            },
        )
        for key in picks
    ]
    comparison = assert_relaxes(
        OCCUPATIONAL_REWARD_RULE,
        FUTIAN.overlay(_scope_overlay(narrow)),
        FUTIAN.overlay(_scope_overlay(narrow | extra)),
        cases,
    )
    assert len(comparison.changes) <= len(cases)


# --- one declaration per condition: what the findings cite and name ------------------


def _cited(decision: Decision, check: str) -> list[tuple[str, str | None]]:
    finding = next(f for f in decision.findings if f.check == check)
    return [(c.document.id, c.article) for c in finding.citations]


def test_the_honour_cites_the_guide_and_the_amount_tables_article() -> None:
    """The honour condition rests on the guide (its list of items) and reads the
    honours list (no bundled value) and the amount table (article 4.5): it cites the
    guide, then article 4.5."""
    assert _cited(_high(), "rewards.high_skill.honour") == [
        ("ft-high-skill-reward-guide", None),
        ("ft-high-skill-reward-guide", "4.5"),
    ]


def test_the_fraud_ban_rests_on_its_figure_only_when_a_finding_is_on_record() -> None:
    """No fraud finding on record: the ban holds without its length, citing the
    guide alone (the 60-month value, whose period is inferred, is not read); with a
    finding 2 years before the claim, it rests on the 60 months and cites them."""
    decision = _high()
    ban = next(
        f for f in decision.findings if f.check == "rewards.high_skill.fraud_ban"
    )
    assert ban.held is True
    assert dict(ban.values)["months"] is None
    (citation,) = ban.citations
    assert (citation.document.id, citation.article) == (
        "ft-high-skill-reward-guide",
        None,
    )
    assert not citation.period_inferred
    found = date(CLAIM_DAY.year - 2, CLAIM_DAY.month, 1)
    banned = _high(fraud=(found,))
    ban = next(f for f in banned.findings if f.check == "rewards.high_skill.fraud_ban")
    assert ban.held is False
    assert dict(ban.values)["months"] == 60
    (citation,) = ban.citations
    assert citation.period_inferred


def test_a_title_claim_cites_both_floors_and_the_title_amount() -> None:
    """The date-floor condition declares the title floor (article 3.1) and the
    licence floor (3.2), and its finding cites both; the amount condition declares
    the certificate amount (3.2) and the title amount (3.1), and a title's amount
    rests on the title amount alone (3.1)."""
    decision = _occ(_occ_claim(TITLE, date(2024, 5, 7)), on=date(2024, 5, 7))
    guide = "ft-occupational-reward-guide-2024"
    assert _cited(decision, "rewards.occupational.date_floor") == [
        (guide, "3.1"),
        (guide, "3.2"),
    ]
    assert _cited(decision, "rewards.occupational.amount") == [(guide, "3.1")]


def test_a_title_of_unknown_level_names_the_level_before_the_amount() -> None:
    """Without the rewarded level in force the title and its amount are unknown: the
    amount finding names the level first, as the title finding does."""
    bare = _without(Policy.default(), "rewards.occupational_title_level")
    decision = _occ(
        _occ_claim(TITLE, date(2024, 5, 7)), on=date(2024, 5, 7), policy=bare
    )
    amount = next(
        f for f in decision.findings if f.check == "rewards.occupational.amount"
    )
    assert amount.missing == ("rewards.occupational_title_level",)
    assert dict(amount.values)["amount"] is None


# That a finding cites its condition's documents and no others is one of the
# promises every rule keeps, checked for these rules with the others by the contract
# in test_rules_contract.py.


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
