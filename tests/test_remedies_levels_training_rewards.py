"""Remedies of the rewards, public-training and level-application rules, worked by hand.

Figures from the sources (src/skillchain/policy/data/rewards.toml): the high-skill
guide asks for 12 continuous months in a skill or technical post of a legal-person
enterprise of Futian (440304) and bars claims for 60 months after a fraud finding;
the 2024 occupational guide asks for 36 months since the basis was obtained, a title
conferred from 2016-09-01; both guides' figures end on 2024-12-31 and are read on
the claim day.  The district-supplied lists are the example overlays' (ILLUSTRATIVE).

Each declared condition: a case where it fails, the exact remedy, then the remedy
applied and the case decided again (for a wait, the day before still fails).
"""

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from functools import cache
from typing import Any

import attrs
import pytest

from hypothesis import HealthCheck, given, settings

from rule_cases import example_policy
from skillchain import (
    CreditCode,
    DateRange,
    Decision,
    DivisionCode,
    NotRemediable,
    OccupationCode,
    Policy,
    Remedy,
    ResidentId,
    SetFact,
    SkillLevel,
    WaitUntil,
    earliest_day,
    examples,
    remedies,
)
from skillchain._remedies import with_fact
from skillchain.model import (
    CantoneseChefDesignation,
    CantoneseChefUnit,
    Certificate,
    CertificateKind,
    CourseEnrolment,
    DeliveryMode,
    Employment,
    Enterprise,
    Honour,
    IssuerKind,
    PostType,
    ProfessionalTitle,
    ProfessionalTitleLevel,
    PublicTrainingCourse,
    RecognitionLevel,
    TalentRewardClaim,
    TalentRewardKind,
    TraineeGroup,
    TraineeProfile,
)
from skillchain.rules import (
    Elapses,
    Requires,
    Unremediable,
    get_rule,
    high_skill_reward,
    occupational_reward,
)
from skillchain.rules.public_training import (
    cantonese_chef_grant,
    public_training_enrolment,
)
from skillchain.testing.strategies import cases


Facts = dict[str, Any]

PERSON = ResidentId("11010519491231002X")
FIRM = Enterprise(
    credit_code=CreditCode("91350100M000100Y43"),
    name="深圳市某科技有限公司",
    registered_division=DivisionCode("440304"),
    independent_legal_person=True,
)
CLAIMED = date(2024, 5, 6)


@cache
def _overlaid(name: str) -> Policy:
    return Policy.default().overlay(
        Policy.from_files(examples.root() / "overlays" / f"{name}.toml")
    )


def _decide(
    function: Callable[..., Decision],
    facts: Facts,
    on: date,
    policy: Policy | None = None,
) -> Decision:
    return function(**facts, on=on, policy=policy or Policy.default())


def _held(decision: Decision, check: str) -> bool | None:
    (finding,) = [f for f in decision.findings if f.check == check]
    return finding.held


def _only_remedy(
    decision: Decision, facts: Facts, check: str, policy: Policy | None = None
) -> Remedy:
    """The one remedy of *decision*, which must be for its one failed *check*."""
    assert [f.check for f in decision.failed] == [check]
    (remedy,) = remedies(decision, facts, policy=policy)
    assert remedy.check == check
    return remedy


def _set(facts: Facts, remedy: SetFact, value: object) -> Facts:
    assert value in remedy.to
    return with_fact(facts, remedy.path, value)


# --- rewards.high_skill ---------------------------------------------------------------


def _honour(
    key: str = "shenzhen-technical-expert", awarded: date = date(2023, 12, 10)
) -> Honour:
    titles = {
        "shenzhen-technical-expert": "深圳市技术能手",
        "shenzhen-skill-elite": "深圳市技能菁英",
        "national-technical-expert": "全国技术能手",
    }
    return Honour(holder=PERSON, key=key, title=titles[key], awarded_on=awarded)


def _high(
    *,
    since: date = date(2022, 3, 1),
    until: date | None = None,
    claimed: date = CLAIMED,
    **changes: Any,
) -> Facts:
    """The rule page's worked example: a 深圳市技术能手 in a skill post since *since*."""
    claim = TalentRewardClaim(
        person=PERSON,
        kind=TalentRewardKind.HIGH_SKILL,
        basis=_honour(),
        claimed_on=claimed,
        year=claimed.year,
        skill="电工",
    )
    job = Employment(
        employer=FIRM.credit_code, post=PostType.SKILL, period=DateRange(since, until)
    )
    facts: Facts = {
        "claim": claim,
        "employment": job,
        "enterprise": FIRM,
        "prior_rewards": (),
        "fraud_findings": (),
    }
    return {**facts, **changes}


def test_the_worked_example_needs_no_remedy() -> None:
    facts = _high()
    decision = _decide(high_skill_reward, facts, CLAIMED)
    assert decision.outcome.value == "eligible"
    assert remedies(decision, facts) == ()


def test_a_management_post_must_become_a_skill_or_technical_post() -> None:
    job = Employment(
        employer=FIRM.credit_code,
        post=PostType.MANAGEMENT,
        period=DateRange(date(2022, 3, 1)),
    )
    facts = _high(employment=job)
    remedy = _only_remedy(
        _decide(high_skill_reward, facts, CLAIMED), facts, "rewards.high_skill.post"
    )
    assert isinstance(remedy, SetFact)
    assert remedy.path == "employment.post"
    assert remedy.now is PostType.MANAGEMENT
    assert set(remedy.to) == {PostType.SKILL, PostType.TECHNICAL}
    assert remedy.parameter == "rewards.high_skill_posts"
    assert remedy.text("en") == (
        "Change employment.post to one of skill post, technical post "
        "(now management post; the list is rewards.high_skill_posts)"
    )
    again = _decide(high_skill_reward, _set(facts, remedy, PostType.TECHNICAL), CLAIMED)
    assert again.outcome.value == "eligible"


def test_a_claim_after_leaving_the_post_is_not_remediable() -> None:
    """Employed 2022-03-01 to 2024-03-31, claimed 2024-05-06: no longer in post."""
    facts = _high(until=date(2024, 3, 31))
    remedy = _only_remedy(
        _decide(high_skill_reward, facts, CLAIMED), facts, "rewards.high_skill.in_post"
    )
    assert isinstance(remedy, NotRemediable)
    assert remedy.reason == "declared"
    assert remedy.text("en") == (
        "Not remediable by the applicant: the claim day 2024-05-06 lies outside the "
        "employment (2022-03-01 to 2024-03-31), and being in post is judged on the "
        "day the claim is made"
    )
    assert remedy.text("zh") == (
        "申请人无法补救：申请日 2024-05-06 不在任职期间（2022-03-01 至 2024-03-31）内，"
        "而是否在岗在职以提出申请之日为准"
    )
    # Waiting does not help: a later claim day is as far outside the employment.
    later = with_fact(facts, "claim.claimed_on", date(2024, 12, 31))
    assert (
        _held(_decide(high_skill_reward, later, date(2024, 12, 31)), remedy.check)
        is False
    )


def test_a_tenure_that_completes_later_waits_for_its_day() -> None:
    """Employed since 2023-09-01: 12 months are reached on 2024-09-01."""
    facts = _high(since=date(2023, 9, 1))
    decision = _decide(high_skill_reward, facts, CLAIMED)
    remedy = _only_remedy(decision, facts, "rewards.high_skill.tenure")
    assert isinstance(remedy, WaitUntil)
    assert (remedy.path, remedy.now, remedy.day) == (
        "claim.claimed_on",
        CLAIMED,
        date(2024, 9, 1),
    )
    assert remedy.breaks == ()
    assert remedy.text("en") == (
        "Wait: from 2024-09-01, claim.claimed_on (now 2024-05-06) is late enough"
    )
    assert remedy.text("zh") == (
        "等待：自 2024-09-01 起，claim.claimed_on（现为 2024-05-06）即足够晚"
    )
    assert earliest_day("rewards.high_skill", facts, on=CLAIMED).day == date(2024, 9, 1)
    day = date(2024, 9, 1)
    waited = _decide(high_skill_reward, with_fact(facts, remedy.path, day), day)
    assert waited.outcome.value == "eligible"
    short = day - timedelta(days=1)
    still = _decide(high_skill_reward, with_fact(facts, remedy.path, short), short)
    assert [f.check for f in still.failed] == ["rewards.high_skill.tenure"]


def test_a_tenure_that_completes_after_the_figures_end_has_no_day() -> None:
    """Employed since 2024-03-01: 12 months would be reached on 2025-03-01, after the
    guide's figures end (2024-12-31)."""
    facts = _high(since=date(2024, 3, 1))
    remedy = _only_remedy(
        _decide(high_skill_reward, facts, CLAIMED), facts, "rewards.high_skill.tenure"
    )
    assert isinstance(remedy, WaitUntil)
    assert remedy.day is None
    assert "2025-01-01" in remedy.why


def test_a_fraud_ban_ends_sixty_months_after_the_finding() -> None:
    """Fraud found on 2019-09-15: the ban runs to 2024-09-15 (60 months)."""
    facts = _high(fraud_findings=(date(2019, 9, 15),))
    remedy = _only_remedy(
        _decide(high_skill_reward, facts, CLAIMED),
        facts,
        "rewards.high_skill.fraud_ban",
    )
    assert isinstance(remedy, WaitUntil)
    assert (remedy.path, remedy.now, remedy.day) == (
        "claim.claimed_on",
        CLAIMED,
        date(2024, 9, 15),
    )
    assert remedy.text("en") == (
        "Wait: from 2024-09-15, claim.claimed_on (now 2024-05-06) is late enough"
    )
    day = date(2024, 9, 15)
    waited = _decide(high_skill_reward, with_fact(facts, remedy.path, day), day)
    assert waited.outcome.value == "eligible"
    short = day - timedelta(days=1)
    still = _decide(high_skill_reward, with_fact(facts, remedy.path, short), short)
    assert [f.check for f in still.failed] == ["rewards.high_skill.fraud_ban"]


def test_a_ban_and_a_tenure_wait_for_the_later_of_their_days() -> None:
    """Tenure reached 2024-09-01, ban over 2024-09-15: both hold from 2024-09-15."""
    facts = _high(since=date(2023, 9, 1), fraud_findings=(date(2019, 9, 15),))
    found = remedies(_decide(high_skill_reward, facts, CLAIMED), facts)
    assert [(r.check, getattr(r, "day", None)) for r in found] == [
        ("rewards.high_skill.tenure", date(2024, 9, 15)),
        ("rewards.high_skill.fraud_ban", date(2024, 9, 15)),
    ]


def test_an_honour_the_reward_is_not_paid_for_is_not_remediable() -> None:
    """全国技术能手 under the illustrative list, which does not name it."""
    policy = _overlaid("futian-rewards-illustrative")
    national = _honour("national-technical-expert")
    facts = _high()
    facts = with_fact(facts, "claim.basis", national)
    remedy = _only_remedy(
        _decide(high_skill_reward, facts, CLAIMED, policy),
        facts,
        "rewards.high_skill.honour",
        policy,
    )
    assert isinstance(remedy, NotRemediable)
    assert remedy.reason == "declared"
    assert remedy.text("en") == (
        "Not remediable by the applicant: the reward is not paid for "
        "'national-technical-expert', and the honour or result a claim rests on, "
        "already obtained, cannot be exchanged"
    )


def test_a_second_reward_for_the_same_skill_is_not_remediable() -> None:
    prior = TalentRewardClaim(
        person=PERSON,
        kind=TalentRewardKind.HIGH_SKILL,
        basis=_honour("shenzhen-skill-elite", date(2022, 12, 1)),
        claimed_on=date(2023, 4, 1),
        year=2023,
        skill="电工",
        amount_claimed=Decimal(50000),
    )
    facts = _high(prior_rewards=(prior,))
    remedy = _only_remedy(
        _decide(high_skill_reward, facts, CLAIMED),
        facts,
        "rewards.high_skill.one_per_skill",
    )
    assert isinstance(remedy, NotRemediable)
    assert remedy.text("en") == (
        "Not remediable by the applicant: '电工' was already rewarded 1 time(s), and "
        "a person is rewarded only once for the same skill"
    )
    assert remedy.text("zh") == (
        "申请人无法补救：技能“电工”此前已获奖励 1 次，同一人因同一技能只能获得一项奖励"
    )


def test_a_top_up_with_nothing_to_top_up_is_not_remediable() -> None:
    facts = _high()
    facts = with_fact(facts, "claim.top_up", True)
    remedy = _only_remedy(
        _decide(high_skill_reward, facts, CLAIMED), facts, "rewards.high_skill.top_up"
    )
    assert isinstance(remedy, NotRemediable)
    assert remedy.why_en.startswith("a top-up needs a reward for the same skill")


def test_a_top_up_that_would_pay_nothing_is_not_remediable() -> None:
    """50 000 yuan paid on 2024-03-01; the 深圳市技能菁英 of 2024-06-20 also pays
    50 000: 50 000 − 50 000 = 0."""
    paid = TalentRewardClaim(
        person=PERSON,
        kind=TalentRewardKind.HIGH_SKILL,
        basis=_honour(),
        claimed_on=date(2024, 3, 1),
        year=2024,
        skill="电工",
        amount_claimed=Decimal(50000),
    )
    day = date(2024, 7, 1)
    facts = _high(claimed=day, prior_rewards=(paid,))
    facts = with_fact(
        facts, "claim.basis", _honour("shenzhen-skill-elite", date(2024, 6, 20))
    )
    facts = with_fact(facts, "claim.top_up", True)
    remedy = _only_remedy(
        _decide(high_skill_reward, facts, day), facts, "rewards.high_skill.amount"
    )
    assert isinstance(remedy, NotRemediable)
    assert remedy.text("en") == (
        "Not remediable by the applicant: 'shenzhen-skill-elite' pays 50000 yuan, no "
        "more than the 50000 yuan already paid, and a top-up pays only the difference"
    )


# --- rewards.occupational ------------------------------------------------------------

HOME = attrs.evolve(
    FIRM, name="深圳市某养老服务有限公司", independent_legal_person=None
)
CARER_CERTIFICATE = Certificate(
    holder=PERSON,
    kind=CertificateKind.SKILL_LEVEL,
    occupation=OccupationCode("4-10-01-05"),
    level=SkillLevel.SENIOR_TECHNICIAN,
    issued_on=date(2020, 4, 30),
    issuer_kind=IssuerKind.SOCIAL_EVALUATION_ORGANISATION,
    evaluator_filed_with=DivisionCode("440300"),
)


def _occupational(**claim_changes: Any) -> Facts:
    """The rule page's worked example: a 养老护理员 一级 certificate of 2020-04-30, in
    the matching post of a Futian firm paying tax in Futian since 2019-01-01."""
    claim = TalentRewardClaim(
        person=PERSON,
        kind=TalentRewardKind.OCCUPATIONAL,
        basis=CARER_CERTIFICATE,
        claimed_on=CLAIMED,
        year=2024,
        employer_taxed_in_district=True,
        post_matches_basis=True,
    )
    return {
        "claim": attrs.evolve(claim, **claim_changes),
        "employment": Employment(
            employer=HOME.credit_code, period=DateRange(date(2019, 1, 1))
        ),
        "enterprise": HOME,
    }


def _lists() -> Policy:
    return _overlaid("futian-rewards-illustrative")


def _occupational_remedy(facts: Facts, check: str) -> Remedy:
    decision = _decide(occupational_reward, facts, CLAIMED, _lists())
    return _only_remedy(decision, facts, check, _lists())


def _occupational_again(facts: Facts, day: date = CLAIMED) -> Decision:
    return _decide(occupational_reward, facts, day, _lists())


def test_the_occupational_worked_example_needs_no_remedy() -> None:
    facts = _occupational()
    assert _occupational_again(facts).outcome.value == "eligible"


def test_an_employer_registered_elsewhere_must_be_registered_in_futian() -> None:
    facts = _occupational()
    facts = with_fact(facts, "enterprise.registered_division", DivisionCode("440305"))
    remedy = _occupational_remedy(facts, "rewards.occupational.enterprise")
    assert remedy == SetFact(
        check="rewards.occupational.enterprise",
        path="enterprise.registered_division",
        now=DivisionCode("440305"),
        to=(DivisionCode("440304"),),
        parameter="rewards.occupational_region",
    )
    assert remedy.text("en") == (
        "Change enterprise.registered_division to 440304 (now 440305; the list is "
        "rewards.occupational_region)"
    )
    again = _occupational_again(_set(facts, remedy, DivisionCode("440304")))
    assert again.outcome.value == "eligible"


def test_an_employer_taxed_elsewhere_must_pay_tax_in_the_district() -> None:
    facts = _occupational(employer_taxed_in_district=False)
    remedy = _occupational_remedy(facts, "rewards.occupational.taxpayer")
    assert remedy == SetFact(
        check="rewards.occupational.taxpayer",
        path="claim.employer_taxed_in_district",
        now=False,
        to=(True,),
    )
    assert remedy.text("zh") == "将 claim.employer_taxed_in_district 改为是（现为 否）"
    assert _occupational_again(_set(facts, remedy, True)).outcome.value == "eligible"


def test_a_post_that_does_not_match_must_match() -> None:
    facts = _occupational(post_matches_basis=False)
    remedy = _occupational_remedy(facts, "rewards.occupational.matching_post")
    assert remedy == SetFact(
        check="rewards.occupational.matching_post",
        path="claim.post_matches_basis",
        now=False,
        to=(True,),
    )
    assert remedy.text("en") == "Change claim.post_matches_basis to yes (now no)"
    assert _occupational_again(_set(facts, remedy, True)).outcome.value == "eligible"


def test_a_basis_the_reward_is_not_paid_for_is_not_remediable() -> None:
    teaware = Certificate(
        holder=PERSON,
        kind=CertificateKind.SPECIAL_ABILITY,
        qualification="茶艺",
        issued_on=date(2020, 4, 30),
        issuer_kind=IssuerKind.OTHER_AUTHORITY,
    )
    remedy = _occupational_remedy(
        _occupational(basis=teaware), "rewards.occupational.basis"
    )
    assert isinstance(remedy, NotRemediable)
    assert remedy.text("en") == (
        "Not remediable by the applicant: the reward is not paid for the basis "
        "given (special-ability certificate), and a basis already obtained cannot "
        "be exchanged for another"
    )


def test_a_certificate_outside_the_accepted_types_is_not_remediable() -> None:
    """美容师 (4-10-03-01) is not among the illustrative accepted types."""
    beautician = attrs.evolve(
        CARER_CERTIFICATE, occupation=OccupationCode("4-10-03-01")
    )
    facts = _occupational(basis=beautician)
    decision = _occupational_again(facts)
    assert [f.check for f in decision.failed] == ["rewards.occupational.scope"]
    (remedy,) = [
        r
        for r in remedies(decision, facts, policy=_lists())
        if r.check == "rewards.occupational.scope"
    ]
    assert isinstance(remedy, NotRemediable)
    assert remedy.reason == "declared"
    assert remedy.why_en == (
        "the certificate's occupation and qualification, fixed when it was issued, "
        "are not among the types accepted on the claim day"
    )


def test_a_certificate_below_the_top_level_is_not_remediable() -> None:
    """养老护理员 三级: the illustrative top level is 一级."""
    advanced = attrs.evolve(CARER_CERTIFICATE, level=SkillLevel.ADVANCED)
    remedy = _occupational_remedy(
        _occupational(basis=advanced), "rewards.occupational.top_level"
    )
    assert isinstance(remedy, NotRemediable)
    assert remedy.text("en") == (
        "Not remediable by the applicant: the certificate is at advanced worker "
        "(grade 3), below the top level senior technician (grade 1) of its "
        "occupation, and a certificate's level is fixed when it is issued"
    )


def test_a_certificate_from_an_evaluator_filed_elsewhere_is_not_remediable() -> None:
    """An evaluator filed with Guangzhou (440100), not Shenzhen (440300)."""
    guangzhou = attrs.evolve(
        CARER_CERTIFICATE, evaluator_filed_with=DivisionCode("440100")
    )
    remedy = _occupational_remedy(
        _occupational(basis=guangzhou), "rewards.occupational.issuer"
    )
    assert isinstance(remedy, NotRemediable)
    assert remedy.why_en == (
        "who issued the skill-level certificate, where it was issued or its "
        "evaluator filed, and whether the national query system holds it are "
        "settled by its issuer, not by the claimant"
    )


def test_a_title_below_full_senior_is_not_remediable() -> None:
    title = ProfessionalTitle(
        holder=PERSON,
        level=ProfessionalTitleLevel.DEPUTY_SENIOR,
        name="高级工程师",
        conferred_on=date(2018, 1, 1),
    )
    remedy = _occupational_remedy(
        _occupational(basis=title), "rewards.occupational.title"
    )
    assert isinstance(remedy, NotRemediable)
    assert remedy.text("en") == (
        "Not remediable by the applicant: the title is a deputy senior professional "
        "title, not a full senior professional title, and the level of a title "
        "already conferred cannot change"
    )


def test_a_title_conferred_before_the_floor_is_not_remediable() -> None:
    """A 正高 title of 2012-12-01, before the 2016-09-01 floor."""
    title = ProfessionalTitle(
        holder=PERSON,
        level=ProfessionalTitleLevel.FULL_SENIOR,
        name="正高级工程师",
        conferred_on=date(2012, 12, 1),
    )
    remedy = _occupational_remedy(
        _occupational(basis=title), "rewards.occupational.date_floor"
    )
    assert isinstance(remedy, NotRemediable)
    assert remedy.text("en") == (
        "Not remediable by the applicant: the full senior professional title was "
        "obtained on 2012-12-01, before 2016-09-01, and the day it was obtained "
        "cannot change"
    )
    assert remedy.text("zh") == (
        "申请人无法补救：正高级职称于 2012-12-01 取得，早于 2016-09-01，取得日期已成事实"
    )


def test_an_occupational_tenure_counts_from_the_certificate() -> None:
    """Employed since 2019, certificate of 2021-06-01: 36 months reached 2024-06-01."""
    later = attrs.evolve(CARER_CERTIFICATE, issued_on=date(2021, 6, 1))
    facts = _occupational(basis=later)
    remedy = _occupational_remedy(facts, "rewards.occupational.tenure")
    assert isinstance(remedy, WaitUntil)
    assert (remedy.path, remedy.now, remedy.day) == (
        "claim.claimed_on",
        CLAIMED,
        date(2024, 6, 1),
    )
    day = date(2024, 6, 1)
    assert _occupational_again(
        with_fact(facts, remedy.path, day), day
    ).outcome.value == ("eligible")
    short = day - timedelta(days=1)
    still = _occupational_again(with_fact(facts, remedy.path, short), short)
    assert [f.check for f in still.failed] == ["rewards.occupational.tenure"]


# --- public_training -----------------------------------------------------------------

COURSE = PublicTrainingCourse(
    title="养老护理员",
    delivery=DeliveryMode.OFFLINE,
    hours=Decimal(40),
    year=2024,
    organiser_name="福田区人力资源局",
)
ENROLLED = date(2024, 4, 1)


def _enrolment(trainee: TraineeProfile) -> Facts:
    return {
        "enrolment": CourseEnrolment(
            person=PERSON, course=COURSE, enrolled_on=ENROLLED, trainee=trainee
        )
    }


def _criteria() -> Policy:
    return _overlaid("public-training-criteria-illustrative")


def test_a_group_the_district_does_not_admit_must_change_group() -> None:
    """The illustrative criteria admit every group but people from partner regions."""
    facts = _enrolment(TraineeProfile(group=TraineeGroup.PARTNER_REGION))
    decision = _decide(public_training_enrolment, facts, ENROLLED, _criteria())
    remedy = _only_remedy(
        decision, facts, "public_training.enrolment.group", _criteria()
    )
    assert isinstance(remedy, SetFact)
    assert remedy.path == "enrolment.trainee.group"
    assert remedy.now is TraineeGroup.PARTNER_REGION
    assert set(remedy.to) == {
        TraineeGroup.ENTERPRISE_STAFF,
        TraineeGroup.VETERAN,
        TraineeGroup.RESIDENT,
        TraineeGroup.OTHER,
    }
    assert remedy.parameter == "public_training.admitted_groups"
    assert remedy.text("en") == (
        "Change enrolment.trainee.group to one of district resident, enterprise "
        "staff in the district, other person in need, veteran (now person from a "
        "partner region; the list is public_training.admitted_groups)"
    )
    again = _decide(
        public_training_enrolment,
        _set(facts, remedy, TraineeGroup.VETERAN),
        ENROLLED,
        _criteria(),
    )
    assert again.outcome.value == "eligible"


def test_enterprise_staff_must_be_insured_in_shenzhen() -> None:
    facts = _enrolment(
        TraineeProfile(group=TraineeGroup.ENTERPRISE_STAFF, insured_in_shenzhen=False)
    )
    decision = _decide(public_training_enrolment, facts, ENROLLED, _criteria())
    remedy = _only_remedy(
        decision, facts, "public_training.enrolment.insurance", _criteria()
    )
    assert remedy == SetFact(
        check="public_training.enrolment.insurance",
        path="enrolment.trainee.insured_in_shenzhen",
        now=False,
        to=(True,),
    )
    assert remedy.text("en") == (
        "Change enrolment.trainee.insured_in_shenzhen to yes (now no)"
    )
    again = _decide(
        public_training_enrolment, _set(facts, remedy, True), ENROLLED, _criteria()
    )
    assert again.outcome.value == "eligible"


BASE = CantoneseChefDesignation(
    name="中山市某学校粤菜师傅培训基地",
    unit=CantoneseChefUnit.TRAINING_BASE,
    level=RecognitionLevel.PROVINCIAL,
    division=DivisionCode("442000"),
    designated_on=date(2019, 7, 17),
    grant_received=False,
)


def test_a_grant_judged_before_the_designation_waits_for_it() -> None:
    """Designated on 2019-07-17, judged on 2019-07-01: from 2019-07-17."""
    facts = {"designation": BASE}
    early = date(2019, 7, 1)
    remedy = _only_remedy(
        _decide(cantonese_chef_grant, facts, early),
        facts,
        "public_training.cantonese_chef_grant.designated",
    )
    assert isinstance(remedy, WaitUntil)
    assert (remedy.path, remedy.now, remedy.day) == ("on", early, date(2019, 7, 17))
    assert (
        remedy.text("en") == "Wait: from 2019-07-17, on (now 2019-07-01) is late enough"
    )
    assert remedy.day is not None
    again = _decide(cantonese_chef_grant, facts, remedy.day)
    assert again.outcome.value == "eligible"
    assert again.amount == Decimal(2000000)
    before = _decide(cantonese_chef_grant, facts, remedy.day - timedelta(days=1))
    assert [f.check for f in before.failed] == [remedy.check]


def test_a_grant_already_paid_is_not_remediable() -> None:
    facts = {"designation": attrs.evolve(BASE, grant_received=True)}
    remedy = _only_remedy(
        _decide(cantonese_chef_grant, facts, date(2019, 9, 1)),
        facts,
        "public_training.cantonese_chef_grant.once",
    )
    assert isinstance(remedy, NotRemediable)
    assert remedy.text("en") == (
        "Not remediable by the applicant: the one-off grant for this designation "
        "was already paid, and it is paid only once"
    )
    assert (
        remedy.text("zh")
        == "申请人无法补救：本次认定的一次性补助已经发放，不再重复发放"
    )


# --- the declarations ------------------------------------------------------------------

DECLARED: dict[str, type] = {
    "public_training.cantonese_chef_grant.designated": Elapses,
    "public_training.cantonese_chef_grant.once": Unremediable,
    "public_training.enrolment.group": Requires,
    "public_training.enrolment.insurance": Requires,
    "rewards.high_skill.post": Requires,
    "rewards.high_skill.in_post": Unremediable,
    "rewards.high_skill.tenure": Elapses,
    "rewards.high_skill.honour": Unremediable,
    "rewards.high_skill.fraud_ban": Elapses,
    "rewards.high_skill.one_per_skill": Unremediable,
    "rewards.high_skill.top_up": Unremediable,
    "rewards.high_skill.amount": Unremediable,
    "rewards.occupational.enterprise": Requires,
    "rewards.occupational.taxpayer": Requires,
    "rewards.occupational.basis": Unremediable,
    "rewards.occupational.scope": Unremediable,
    "rewards.occupational.top_level": Unremediable,
    "rewards.occupational.issuer": Unremediable,
    "rewards.occupational.title": Unremediable,
    "rewards.occupational.date_floor": Unremediable,
    "rewards.occupational.matching_post": Requires,
    "rewards.occupational.tenure": Elapses,
}
# Conditions that never fail: they compute an amount or find a standard, and are at
# worst undetermined.
NEVER_FAIL = {
    "levels.application.standard",
    "public_training.cantonese_chef_grant.amount",
    "rewards.occupational.amount",
}


@pytest.mark.parametrize("check", sorted(DECLARED))
def test_each_condition_declares_its_remedy(check: str) -> None:
    rule = get_rule(check.rsplit(".", 1)[0])
    assert isinstance(rule.condition(check).remedy, DECLARED[check])


@pytest.mark.parametrize("check", sorted(NEVER_FAIL))
def test_a_condition_that_never_fails_declares_nothing(check: str) -> None:
    assert get_rule(check.rsplit(".", 1)[0]).condition(check).remedy is None


# --- the earliest day, on generated cases ------------------------------------------------

WAITING = [
    ("rewards.high_skill", "rewards.high_skill.tenure"),
    ("rewards.high_skill", "rewards.high_skill.fraud_ban"),
    ("rewards.occupational", "rewards.occupational.tenure"),
    (
        "public_training.cantonese_chef_grant",
        "public_training.cantonese_chef_grant.designated",
    ),
]


def _moved(facts: Facts, wait: WaitUntil, day: date) -> Facts:
    return facts if wait.path == "on" else with_fact(facts, wait.path, day)


@pytest.mark.parametrize(("rule_id", "check"), WAITING)
def test_the_day_waited_for_is_the_earliest(rule_id: str, check: str) -> None:
    """Generated cases failing a time-bound condition: on the day found every waiting
    condition holds, and on the day before one does not."""
    rule = get_rule(rule_id)
    policy = example_policy(rule_id)
    found: list[date] = []

    # Many drawn cases have no day (the figures end before the tenure completes):
    # a fixed run of 40 sees days for every condition, so the count check below
    # cannot depend on luck.
    @settings(
        max_examples=40,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(cases(rule_id, policy=policy, outcome="ineligible", failing=check))
    def run(case: Any) -> None:
        facts = dict(case.facts)
        decision = rule.function(**facts, on=case.on, policy=policy)
        waits = [
            r
            for r in remedies(decision, facts, policy=policy)
            if isinstance(r, WaitUntil)
        ]
        assert check in [w.check for w in waits]
        wait = waits[0]
        if wait.day is None:
            return
        found.append(wait.day)
        checks = {w.check for w in waits}

        def held(day: date) -> set[str]:
            moved = rule.function(
                **_moved(facts, wait, day), on=max(case.on, day), policy=policy
            )
            return {f.check for f in moved.findings if f.held is True} & checks

        assert held(wait.day) == checks
        assert held(wait.day - timedelta(days=1)) != checks

    run()
    assert found, f"{check}: no generated case had a day to wait for"
