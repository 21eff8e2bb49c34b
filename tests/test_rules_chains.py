"""Tests for the skill-chain rules: chains.leader, chains.composition, chains.subsidy_claim.

Figures, from Shenzhen's chain-leader incubation notice (part 二, as reposted
2026-01-09; dated values from that day): registered in Shenzhen (440300), no bad
record for 3 years, large or medium size, at least 300 staff insured in Shenzhen,
at least 5 enterprises and 300 jobs in the chain.  Composition (粤人社规〔2025〕25号
art. 2, from 2025-07-05): members, a college or training institution, an evaluation
body.  Subsidy: Shenzhen's 5 500 yuan a year for 中级工 (深人社规〔2019〕11号).
"""

from datetime import date
from decimal import Decimal

import attrs
import pytest

from hypothesis import given
from hypothesis import strategies as st

from skillchain import (
    CreditCode,
    Decision,
    DivisionCode,
    Finding,
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
    ChainLeaderApplication,
    ChainPart,
    ChainPartner,
    ChainStatus,
    Enterprise,
    EnterpriseSize,
    HireKind,
    InstitutionKind,
    Person,
    ProgrammeStatus,
    SkillChain,
    TrainingInstitution,
    TrainingMode,
)
from skillchain.rules import (
    CHAIN_LEADER_RULE,
    Condition,
    Rule,
    chain_claimant,
    chain_composition,
    chain_leader_incubation,
    chain_subsidy_claim,
    get_rule,
    register,
)
from skillchain.testing import strategies as sc


ON = date(2026, 3, 1)
NOTICE_FIRST_DAY = date(2026, 1, 9)
LEADER = CreditCode("91350100M000100Y43")
MEMBER = CreditCode("9144030400000000J0")


def firm(**changes: object) -> Enterprise:
    """A Futian enterprise meeting every hard condition exactly at its threshold."""
    base = Enterprise(
        credit_code=LEADER,
        name="深圳市某集团有限公司",
        registered_division=DivisionCode("440304"),
        independent_legal_person=True,
        operating_normally=True,
        on_dishonest_list=False,
        clean_record_years=3,  # exactly the 3 years of 二（一）
        size=EnterpriseSize.MEDIUM,  # the smallest size 二（二） allows
        insured_headcount_city=300,  # exactly 300 (二（二）)
        has_training_system=True,
        cluster_tags=frozenset({"semiconductors"}),
        above_designated_size=True,
        listed=False,
        group_company=False,
        specialised=False,
    )
    return attrs.evolve(base, **changes)  # type: ignore[arg-type]


def application(
    enterprise: Enterprise | None = None, /, **changes: object
) -> ChainLeaderApplication:
    """An application at the thresholds: 5 enterprises, 300 jobs (二（三）)."""
    base = ChainLeaderApplication(
        enterprise=enterprise if enterprise is not None else firm(),
        chain_enterprises=5,
        chain_jobs=300,
        eight_level_ladder=True,
        school_cooperation=True,
        notable_results=True,
    )
    return attrs.evolve(base, **changes)  # type: ignore[arg-type]


def finding(decision: Decision, check: str) -> Finding:
    """The one finding of *decision* for *check*."""
    (found,) = [f for f in decision.findings if f.check == check]
    return found


# --- chains.leader ------------------------------------------------------------------


def test_leader_at_every_threshold_is_eligible_with_priority() -> None:
    """5 enterprises, 300 jobs, 300 insured staff, 3 clean years, medium: all held."""
    decision = chain_leader_incubation(application(), on=ON)
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.priority_met is True
    # Secondary figures whose start (the repost day, 2026-01-09) is inferred: the
    # notice is older than its repost, so the decision is no stronger than unverified.
    assert decision.provenance is Provenance.UNVERIFIED
    assert [f.check for f in decision.advisories] == [
        "chains.leader.priority_category",
        "chains.leader.priority_results",
    ]
    assert finding(decision, "chains.leader.insured_staff").values == (
        ("staff", 300),
        ("minimum", 300),
    )


@pytest.mark.parametrize(
    ("changes", "check"),
    [
        ({"insured_headcount_city": 299}, "chains.leader.insured_staff"),
        ({"clean_record_years": 2}, "chains.leader.clean_record"),
        (
            {"on_dishonest_list": True, "clean_record_years": 9},
            "chains.leader.clean_record",
        ),
        ({"size": EnterpriseSize.SMALL}, "chains.leader.size"),
        ({"registered_division": DivisionCode("440104")}, "chains.leader.region"),
        ({"independent_legal_person": False}, "chains.leader.legal_person"),
        ({"operating_normally": False}, "chains.leader.operating"),
        ({"has_training_system": False}, "chains.leader.training_system"),
    ],
)
def test_leader_enterprise_conditions_below_threshold_reject(
    changes: dict[str, object], check: str
) -> None:
    """One below the threshold (299 staff, 2 years, small …): ineligible, that check only."""
    decision = chain_leader_incubation(application(firm(**changes)), on=ON)
    assert decision.outcome is Outcome.INELIGIBLE
    assert [f.check for f in decision.failed] == [check]


@pytest.mark.parametrize(
    ("changes", "check"),
    [
        ({"chain_enterprises": 4}, "chains.leader.chain_enterprises"),
        ({"chain_jobs": 299}, "chains.leader.chain_jobs"),
        ({"eight_level_ladder": False}, "chains.leader.eight_level_ladder"),
        ({"school_cooperation": False}, "chains.leader.school_cooperation"),
    ],
)
def test_leader_chain_conditions_below_threshold_reject(
    changes: dict[str, object], check: str
) -> None:
    """4 enterprises (< 5), 299 jobs (< 300), no ladder, no schools: ineligible."""
    decision = chain_leader_incubation(application(**changes), on=ON)
    assert decision.outcome is Outcome.INELIGIBLE
    assert [f.check for f in decision.failed] == [check]


def test_large_enterprise_meets_the_size_condition() -> None:
    """大型 is above 中型: held."""
    decision = chain_leader_incubation(
        application(firm(size=EnterpriseSize.LARGE)), on=ON
    )
    assert finding(decision, "chains.leader.size").held is True


def test_in_principle_miss_lowers_priority_but_does_not_reject() -> None:
    """No cluster, not 规上/集团/上市/专精特新, no notable results: still eligible."""
    plain = firm(cluster_tags=frozenset(), above_designated_size=False)
    decision = chain_leader_incubation(application(plain, notable_results=False), on=ON)
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.failed == ()
    assert decision.priority_met is False
    assert [f.held for f in decision.advisories] == [False, False]
    assert decision.missing == ()


def test_unknown_in_principle_facts_leave_priority_unknown_not_the_outcome() -> None:
    """Category and results unknown: eligible, priority unknown, facts named per finding."""
    unknown = firm(
        cluster_tags=frozenset(),
        above_designated_size=None,
        listed=None,
        group_company=None,
        specialised=None,
    )
    decision = chain_leader_incubation(
        application(unknown, notable_results=None), on=ON
    )
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.priority_met is None
    assert decision.missing == ()
    category = finding(decision, "chains.leader.priority_category")
    assert category.held is None
    assert category.missing == (
        "application.enterprise.above_designated_size",
        "application.enterprise.group_company",
        "application.enterprise.listed",
        "application.enterprise.specialised",
    )
    assert finding(decision, "chains.leader.priority_results").missing == (
        "application.notable_results",
    )


def test_any_one_category_is_enough_in_principle() -> None:
    """Listed alone (no cluster, others unknown) meets the in-principle kind."""
    listed = firm(cluster_tags=frozenset(), above_designated_size=None, listed=True)
    decision = chain_leader_incubation(application(listed), on=ON)
    assert finding(decision, "chains.leader.priority_category").held is True


def test_unknown_hard_facts_are_undetermined_and_named() -> None:
    """Unknown staff count and jobs: undetermined, naming both facts."""
    decision = chain_leader_incubation(
        application(firm(insured_headcount_city=None), chain_jobs=None), on=ON
    )
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == (
        "application.enterprise.insured_headcount_city",
        "application.chain_jobs",
    )


def test_leader_before_the_notice_is_known_is_undetermined() -> None:
    """2026-01-08, the day before the repost: every figure is missing."""
    before = chain_leader_incubation(application(), on=date(2026, 1, 8))
    assert before.outcome is Outcome.UNDETERMINED
    assert "chains.leader_min_insured_staff" in before.missing
    assert "chains.leader_region" in before.missing
    on_first_day = chain_leader_incubation(application(), on=NOTICE_FIRST_DAY)
    assert on_first_day.outcome is Outcome.ELIGIBLE


def test_the_news_report_confirms_the_figures_and_the_start_is_inferred() -> None:
    """The news item (chinashenzhen.com.cn) is cited where it firms up a figure; every
    figure's citation says its period is inferred (the notice predates its repost)."""
    decision = chain_leader_incubation(application(), on=ON)
    news = "sz-chain-leader-incubation-news"
    for check in (
        "chains.leader.region",
        "chains.leader.clean_record",
        "chains.leader.size",
        "chains.leader.insured_staff",
        "chains.leader.chain_enterprises",
        "chains.leader.chain_jobs",
        "chains.leader.eight_level_ladder",
        "chains.leader.priority_results",
    ):
        cited = [c.document.id for c in finding(decision, check).citations]
        assert news in cited, check
    for check in ("chains.leader.legal_person", "chains.leader.school_cooperation"):
        cited = [c.document.id for c in finding(decision, check).citations]
        assert news not in cited, check
    staff = finding(decision, "chains.leader.insured_staff").citations[0]
    assert staff.period_inferred
    assert staff.label("en").endswith("(period in force inferred)")
    assert get_rule("chains.leader").version == "2026.3"


def test_before_the_notice_is_known_each_figure_still_cites_its_item() -> None:
    """On 2026-01-08 no figure of the notice is in force: each threshold's finding
    still cites the notice's item it comes from (二（一） to 二（三）), then the news
    report, as it does once the figures are in force."""
    before = chain_leader_incubation(application(), on=date(2026, 1, 8))
    after = chain_leader_incubation(application(), on=ON)
    news = ("sz-chain-leader-incubation-news", None)
    for check, item in (
        ("chains.leader.region", "二（一）"),
        ("chains.leader.clean_record", "二（一）"),
        ("chains.leader.size", "二（二）"),
        ("chains.leader.insured_staff", "二（二）"),
        ("chains.leader.chain_enterprises", "二（三）"),
        ("chains.leader.chain_jobs", "二（三）"),
    ):
        for decision in (before, after):
            cites = [
                (c.document.id, c.article) for c in finding(decision, check).citations
            ]
            assert cites == [("sz-chain-leader-incubation", item), news], check
        # Only a figure in force says its period was inferred.
        assert not finding(before, check).citations[0].period_inferred
        assert finding(after, check).citations[0].period_inferred


def test_leader_explanations_show_the_advisory_group_and_the_notice() -> None:
    """zh/en: a failed hard check under 'not met', the in-principle group apart."""
    plain = firm(
        cluster_tags=frozenset(),
        above_designated_size=False,
        insured_headcount_city=120,
    )
    decision = chain_leader_incubation(application(plain), on=ON)
    zh = decision.explain("zh")
    en = decision.explain("en")
    assert "✗ 在深参保职工（含子公司、分公司、分支机构）120 人，须不少于 300 人" in zh
    assert "参考条件（原则性条件或备选途径，本身不决定结果）：" in zh
    assert "链主企业培育孵化工作的通知" in zh
    assert (
        "Considered, not deciding on their own (in-principle conditions, alternative routes):"
        in en
    )
    assert "✗ In principle a '20+8'" in en
    assert "incubation of skills-ecosystem chain-leader enterprises" in en
    # The in-principle miss is listed after the met group, not among the failures.
    assert en.index("Not met:") < en.index("Met:") < en.index("In principle")


@given(
    sc.chain_leader_applications(),
    st.integers(0, 5000),
    st.integers(0, 5000),
    st.dates(date(2025, 1, 1), date(2030, 12, 31)),
)
def test_more_insured_staff_never_makes_an_enterprise_ineligible(
    app: ChainLeaderApplication, fewer: int, extra: int, on: date
) -> None:
    """Monotone in staff: if fewer staff is eligible, more staff is eligible too."""
    low = attrs.evolve(
        app, enterprise=attrs.evolve(app.enterprise, insured_headcount_city=fewer)
    )
    high = attrs.evolve(
        app,
        enterprise=attrs.evolve(app.enterprise, insured_headcount_city=fewer + extra),
    )
    low_outcome = chain_leader_incubation(low, on=on).outcome
    high_outcome = chain_leader_incubation(high, on=on).outcome
    if low_outcome is Outcome.ELIGIBLE:
        assert high_outcome is Outcome.ELIGIBLE
    if high_outcome is Outcome.INELIGIBLE:
        assert low_outcome is Outcome.INELIGIBLE


# That advisory findings never decide the outcome is one of the promises every rule
# keeps, checked for this rule with the others by the contract in
# test_rules_contract.py.


def test_advisory_conditions_are_registered_as_such() -> None:
    """The rule's two in-principle checks are advisory; the rest decide."""
    advisory = [c.check for c in CHAIN_LEADER_RULE.conditions if c.advisory]
    assert advisory == [
        "chains.leader.priority_category",
        "chains.leader.priority_results",
    ]
    assert Finding(check="chains.leader.priority_results", held=False).advisory
    assert not Finding(check="chains.leader.size", held=False).advisory


def test_a_deciding_condition_cannot_reuse_an_advisory_check() -> None:
    """Registering an advisory check id as deciding in another rule is refused."""
    rule = Rule(
        id="test.clash",
        version="1",
        title_zh="冲突",
        title_en="clash",
        function=chain_leader_incubation,
        sources=(),
        conditions=(Condition("chains.leader.priority_results"),),
    )
    with pytest.raises(ValueError, match="advisory elsewhere"):
        register(rule)


# --- chains.composition -------------------------------------------------------------


def chain(**changes: object) -> SkillChain:
    """A chain with one member, one college and one evaluation body."""
    base = SkillChain(
        name="某产教评技能生态链",
        leader=LEADER,
        members=frozenset({MEMBER}),
        colleges=(ChainPartner(name="某技师学院"),),
        evaluation_bodies=(ChainPartner(name="某评价机构"),),
        status=ChainStatus.INCUBATION,
        year=2026,
    )
    return attrs.evolve(base, **changes)  # type: ignore[arg-type]


# What chapter 2 (组链建链) of 粤人社规〔2025〕25号 requires is not known: the bundled
# policy leaves chains.required_parts for the district, and the library's reading of
# art. 2 (members, a college or training institution, an evaluation body, from
# 2025-07-05, unverified) is advisory.  PARTS supplies required parts as a district
# would (made up here: the same three parts).

PARTS = Policy.default().overlay(
    Policy.loads(
        """
[documents.demo-chain-parts]
title = "示例：技能生态链须具备的组成部分"
issuers = ["示例"]
level = "district"
provenance = "official"

[parameters."chains.required_parts"]
description_zh = "须具备的组成部分"
description_en = "Required parts"
unit = "chain_parts"

[[parameters."chains.required_parts".values]]
since = 2025-07-05
value = ["members", "college_or_training", "evaluation"]
document = "demo-chain-parts"
""",
        name="demo-parts.toml",
    )
)


def test_bundled_policy_never_refuses_a_chain_on_the_librarys_reading() -> None:
    """A bare chain (leader only) under the bundled policy: undetermined, naming the
    district-supplied parts; the missing parts of the art. 2 reading are only advice."""
    decision = chain_composition(
        chain(members=frozenset(), colleges=(), evaluation_bodies=()), on=ON
    )
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.failed == ()
    assert decision.missing == ("chains.required_parts",)
    (advice,) = decision.advisories
    assert advice.check == "chains.composition.participants"
    assert advice.held is False
    assert advice.value("lacking") == "链员企业、院校或培训机构、技能评价机构"
    assert decision.priority_met is False
    # The reading is unverified, but an advisory finding never decides: the
    # decision rests on no figure in force (the required parts have none).
    assert decision.provenance is None


def test_complete_chain_is_still_undetermined_under_the_bundled_policy() -> None:
    """Every part of the reading present: the advice holds, the outcome stays open."""
    decision = chain_composition(chain(), on=ON)
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("chains.required_parts",)
    (advice,) = decision.advisories
    assert advice.held is True
    assert advice.value("lacking") == "—"
    assert [f.check for f in decision.findings] == [
        "chains.composition.leader",
        "chains.composition.parts",
        "chains.composition.participants",
    ]


def test_the_leader_finding_cites_article_2() -> None:
    """A chain is led by its leader (粤人社规〔2025〕25号 art. 2): the finding cites it."""
    decision = chain_composition(chain(), on=ON)
    cited = finding(decision, "chains.composition.leader").citations
    assert [(c.document.id, c.article) for c in cited] == [("gd-2025-25", "第二条")]


def test_participant_reading_is_unverified_and_advisory() -> None:
    """The reading of art. 2 is `unverified` and registered as advisory."""
    value = Policy.default().at(ON).chains.participant_parts
    assert value.provenance is Provenance.UNVERIFIED
    assert value.value == frozenset(
        {ChainPart.MEMBERS, ChainPart.COLLEGE_OR_TRAINING, ChainPart.EVALUATION}
    )
    assert Policy.default().at(ON).chains.required_parts.value is None
    rule = get_rule("chains.composition")
    assert rule.condition("chains.composition.participants").advisory
    assert not rule.condition("chains.composition.evaluation").advisory


def test_complete_chain_is_eligible_once_the_district_supplies_the_parts() -> None:
    """Leader, 1 member, 1 college, 1 evaluation body against supplied parts."""
    decision = chain_composition(chain(), on=ON, policy=PARTS)
    assert decision.outcome is Outcome.ELIGIBLE
    assert [f.check for f in decision.findings] == [
        "chains.composition.leader",
        "chains.composition.parts",
        "chains.composition.members",
        "chains.composition.college_or_training",
        "chains.composition.evaluation",
    ]
    assert decision.advisories == ()


def test_training_institution_stands_in_for_a_college() -> None:
    """No college but a training institution: the part is present."""
    decision = chain_composition(
        chain(colleges=(), training_institutions=(ChainPartner(name="某培训机构"),)),
        on=ON,
        policy=PARTS,
    )
    assert decision.outcome is Outcome.ELIGIBLE


def test_each_missing_part_has_its_own_finding() -> None:
    """A bare chain (leader only) against supplied parts: one failure per part."""
    decision = chain_composition(
        chain(members=frozenset(), colleges=(), evaluation_bodies=()),
        on=ON,
        policy=PARTS,
    )
    assert decision.outcome is Outcome.INELIGIBLE
    assert [f.check for f in decision.failed] == [
        "chains.composition.members",
        "chains.composition.college_or_training",
        "chains.composition.evaluation",
    ]
    en = decision.explain("en")
    assert "✗ 0 skill-evaluation bodies; at least 1 needed" in en
    zh = decision.explain("zh")
    assert "✗ 链员企业 0 家，须至少 1 家" in zh


def test_reading_before_the_measures_is_not_in_force() -> None:
    """2025-07-04, the day before 25号: the reading has no value either; still only the
    required parts decide (undetermined), the advice names its own parameter."""
    decision = chain_composition(chain(), on=date(2025, 7, 4))
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("chains.required_parts",)
    (advice,) = decision.advisories
    assert advice.held is None
    assert advice.missing == ("chains.participant_parts",)
    assert decision.provenance is None
    on_the_day = chain_composition(chain(), on=date(2025, 7, 5))
    assert on_the_day.advisories[0].held is True


@given(sc.skill_chains(), st.dates(date(2025, 7, 5), date(2030, 12, 31)))
def test_composition_is_never_refused_under_the_bundled_policy(
    drawn: SkillChain, on: date
) -> None:
    """Whatever the chain, the bundled policy never makes it ineligible."""
    decision = chain_composition(drawn, on=on)
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.failed == ()


@given(sc.skill_chains(), st.dates(date(2025, 7, 5), date(2030, 12, 31)))
def test_composition_fails_exactly_for_the_empty_parts(
    drawn: SkillChain, on: date
) -> None:
    """With supplied parts, the failed parts are exactly those the chain has none of."""
    decision = chain_composition(drawn, on=on, policy=PARTS)
    required = PARTS.at(on).chains.required_parts.value
    assert required is not None
    expected = [
        f"chains.composition.{part.value}"
        for part in ChainPart
        if part in required and part.count(drawn) == 0
    ]
    assert [f.check for f in decision.failed] == expected
    assert (decision.outcome is Outcome.ELIGIBLE) == (not expected)


# --- chains.subsidy_claim -----------------------------------------------------------
#
# 粤人社规〔2023〕13号 (in force 2023-08-15 to 2025-12-31), as the Zhanjiang guide
# restates it: "each chain enterprise claims for its own trainees; where the chain
# leader trains centrally and signs the apprentice agreements, the chain leader
# claims".  It is a filing provision: the measure in force on the filing day decides.
# The amount: a 中级工 apprentice over 12 planned months, 5 500 × 12 ÷ 12 = 5 500 yuan
# (深人社规〔2019〕11号 rate), on 2025-03-01.

FILED = date(2024, 2, 20)


def enrolment(
    employer: CreditCode = MEMBER,
    qualified: bool | None = True,
    filed_on: date | None = FILED,
) -> ApprenticeEnrolment:
    """A 中级工 apprentice, 12 planned months, of *employer*, filed on *filed_on*."""
    plan = ApprenticeshipProgramme(
        enterprise=employer,
        institution=TrainingInstitution(
            name="某技工学校", kind=InstitutionKind.TECHNICAL_SCHOOL
        ),
        occupation=OccupationCode("6-31-01-03"),
        target_level=SkillLevel.INTERMEDIATE,
        start=date(2024, 3, 1),
        planned_months=12,
        modes=frozenset({TrainingMode.WORK_STUDY_ALTERNATION}),
        status=ProgrammeStatus.COMPLETED,
        filed_on=filed_on,
    )
    return ApprenticeEnrolment(
        person=Person(id=ResidentId("11010519491231002X")),
        programme=plan,
        hire_kind=HireKind.NEW_HIRE,
        qualified=qualified,
    )


CLAIM_ON = date(2025, 3, 1)


@pytest.mark.parametrize(
    ("central", "signs", "claimant"),
    [
        (True, True, LEADER),
        (True, False, MEMBER),
        (False, True, MEMBER),
        (False, None, MEMBER),
    ],
)
def test_claimant_is_the_leader_only_when_it_trains_centrally_and_signs(
    central: bool, signs: bool | None, claimant: CreditCode
) -> None:
    """5 500 yuan (中级工, 12 of 12 months) either way; the claimant follows the facts."""
    decision = chain_subsidy_claim(
        chain(),
        enrolment(),
        central_training=central,
        leader_signs_agreements=signs,
        on=CLAIM_ON,
    )
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.amount == Decimal("5500.00")
    assert finding(decision, "chains.claim.claimant").value("claimant") == claimant
    assert (
        chain_claimant(
            chain(),
            MEMBER,
            central_training=central,
            leader_signs_agreements=signs,
            filed_on=FILED,
        )
        == claimant
    )


def test_the_claimant_test_cites_gd_2023_13() -> None:
    """The claimant finding rests on 粤人社规〔2023〕13号, not on the library's reading."""
    decision = chain_subsidy_claim(
        chain(),
        enrolment(),
        central_training=True,
        leader_signs_agreements=True,
        on=CLAIM_ON,
    )
    cited = finding(decision, "chains.claim.claimant").citations
    assert [c.document.id for c in cited] == ["gd-2023-13"]
    assert "粤人社规〔2023〕13号" in decision.explain("zh")


@pytest.mark.parametrize(
    ("filed_on", "in_force"),
    [
        (date(2023, 8, 14), False),  # the day before 13号 took effect
        (date(2023, 8, 15), True),  # its first day
        (date(2025, 12, 31), True),  # its last day
        (date(2026, 1, 1), False),  # the day after it expired, no successor known
    ],
)
def test_the_claimant_test_is_bounded_to_gd_2023_13(
    filed_on: date, in_force: bool
) -> None:
    """Inside 13号's period the leader that trains centrally and signs claims; outside
    it the claimant is undetermined, naming the parameter that says who claims."""
    decision = chain_subsidy_claim(
        chain(),
        enrolment(filed_on=filed_on),
        central_training=True,
        leader_signs_agreements=True,
        on=CLAIM_ON,
    )
    found = finding(decision, "chains.claim.claimant")
    if in_force:
        assert decision.outcome is Outcome.ELIGIBLE
        assert found.held is True
        assert found.value("claimant") == LEADER
    else:
        assert decision.outcome is Outcome.UNDETERMINED
        assert found.held is None
        assert found.missing == ("chains.leader_claims_when",)
        assert decision.missing == ("chains.leader_claims_when",)
        assert decision.amount is None
    assert chain_claimant(
        chain(),
        MEMBER,
        central_training=True,
        leader_signs_agreements=True,
        filed_on=filed_on,
    ) == (LEADER if in_force else None)


def test_the_leaders_own_trainee_outside_gd_2023_13_is_undetermined() -> None:
    """No rule saying who claims inside a chain after 2025-12-31: even the leader's own
    apprentice is undetermined (only the parameter is named; no fact is needed)."""
    decision = chain_subsidy_claim(
        chain(), enrolment(LEADER, filed_on=date(2026, 1, 1)), on=CLAIM_ON
    )
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("chains.leader_claims_when",)


def test_a_2024_filing_decided_in_2026_uses_gd_2023_13() -> None:
    """Filed 2024-02-20 (13号 in force), decided 2026-03-01 (13号 expired): the claimant
    is read on the filing day, so the leader that trains centrally and signs claims."""
    decision = chain_subsidy_claim(
        chain(),
        enrolment(),
        central_training=True,
        leader_signs_agreements=True,
        on=date(2026, 3, 1),
    )
    found = finding(decision, "chains.claim.claimant")
    assert found.held is True
    assert found.value("claimant") == LEADER
    assert found.value("filed_on") == FILED
    assert "chains.leader_claims_when" not in decision.missing


def test_the_claimant_declares_the_filing_day_as_its_reading_day() -> None:
    """The condition says which day resolves its figure: the programme's filing day."""
    condition = get_rule("chains.subsidy_claim").condition("chains.claim.claimant")
    assert condition.parameters == ("chains.leader_claims_when",)
    assert condition.read_on is not None
    assert condition.read_on.day == "enrolment.programme.filed_on"


def test_unknown_filing_day_is_undetermined_and_named() -> None:
    """No filing day: which measure applies is unknown; the day is named, and so is any
    fact the test would need."""
    decision = chain_subsidy_claim(
        chain(), enrolment(filed_on=None), leader_signs_agreements=True, on=CLAIM_ON
    )
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("enrolment.programme.filed_on", "central_training")
    assert (
        chain_claimant(
            chain(),
            MEMBER,
            central_training=True,
            leader_signs_agreements=True,
            filed_on=None,
        )
        is None
    )


def test_an_unknown_filing_day_reads_no_test_but_cites_gd_2023_13() -> None:
    """No filing day: no test saying who claims is read, and the finding cites the
    measure the condition rests on (粤人社规〔2023〕13号)."""
    decision = chain_subsidy_claim(
        chain(), enrolment(filed_on=None), central_training=True, on=CLAIM_ON
    )
    found = finding(decision, "chains.claim.claimant")
    assert [c.document.id for c in found.citations] == ["gd-2023-13"]
    assert found.missing == ("enrolment.programme.filed_on", "leader_signs_agreements")


def test_outside_gd_2023_13_every_unknown_fact_is_named_too() -> None:
    """Filed 2026-01-01 with both facts unknown: the parameter and both facts are named."""
    decision = chain_subsidy_claim(
        chain(), enrolment(filed_on=date(2026, 1, 1)), on=CLAIM_ON
    )
    assert decision.missing == (
        "chains.leader_claims_when",
        "central_training",
        "leader_signs_agreements",
    )


def test_leader_claims_for_its_own_apprentices_without_further_facts() -> None:
    """The leader's own trainee: the leader claims, nothing else needed."""
    decision = chain_subsidy_claim(chain(), enrolment(LEADER), on=CLAIM_ON)
    assert decision.outcome is Outcome.ELIGIBLE
    assert finding(decision, "chains.claim.claimant").value("claimant") == LEADER


def test_unknown_arrangement_is_undetermined() -> None:
    """A member's apprentice, central training unknown: undetermined, facts named."""
    decision = chain_subsidy_claim(
        chain(), enrolment(), leader_signs_agreements=True, on=CLAIM_ON
    )
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("central_training",)
    assert decision.amount is None


def test_a_district_can_supply_a_successor_test() -> None:
    """An overlay giving a 2026 test (only central training) decides 2026 filings."""
    overlay = Policy.default().overlay(
        Policy.loads(
            """
[documents.demo-2026-chain-claims]
title = "示例：2026年技能生态链补贴申领规定"
issuers = ["示例"]
level = "provincial"
provenance = "official"

[parameters."chains.leader_claims_when"]
description_zh = "链主申领条件"
description_en = "When the leader claims"
unit = "claim_conditions"

[[parameters."chains.leader_claims_when".values]]
since = 2026-01-01
value = ["central_training"]
document = "demo-2026-chain-claims"
""",
            name="demo.toml",
        )
    )
    decision = chain_subsidy_claim(
        chain(),
        enrolment(filed_on=date(2026, 1, 1)),
        central_training=True,
        on=CLAIM_ON,
        policy=overlay,
    )
    found = finding(decision, "chains.claim.claimant")
    assert found.held is True
    assert found.value("claimant") == LEADER


def test_the_claim_rule_shares_the_subsidy_conditions() -> None:
    """Each subsidy check of the claim rule is the apprenticeship subsidy's own
    declaration, not a copy; the retired band check is kept for stored decisions."""
    subsidy = get_rule("apprenticeship.subsidy")
    claim = get_rule("chains.subsidy_claim")
    shared = [c for c in claim.checks if c.startswith("apprenticeship.subsidy.")]
    assert shared == [
        "apprenticeship.subsidy.rate",
        "apprenticeship.subsidy.student_rate",
        "apprenticeship.subsidy.years",
        "apprenticeship.subsidy.not_shortage",
        "apprenticeship.subsidy.uplift_level",
        "apprenticeship.subsidy.shortage_uplift",
        "apprenticeship.subsidy.qualified",
        "apprenticeship.subsidy.amount",
    ]
    for check in shared:
        assert claim.condition(check) is subsidy.condition(check)
    assert [c.check for c in claim.retired] == [
        "apprenticeship.subsidy.provincial_band"
    ]


def test_enterprise_outside_the_chain_is_ineligible() -> None:
    """An apprentice of a firm that is neither leader nor member: not a chain claim."""
    outsider = CreditCode("91440300MA5F000007")
    decision = chain_subsidy_claim(
        chain(), enrolment(outsider), central_training=True, on=CLAIM_ON
    )
    assert decision.outcome is Outcome.INELIGIBLE
    assert [f.check for f in decision.failed] == ["chains.claim.chain_enterprise"]
    assert (
        chain_claimant(
            chain(),
            outsider,
            central_training=True,
            leader_signs_agreements=True,
            filed_on=FILED,
        )
        is None
    )


def test_claim_reuses_the_apprenticeship_subsidy_findings() -> None:
    """The subsidy part is the apprenticeship rule's own checks; unqualified: ineligible."""
    decision = chain_subsidy_claim(
        chain(), enrolment(qualified=False), central_training=False, on=CLAIM_ON
    )
    assert decision.outcome is Outcome.INELIGIBLE
    assert [f.check for f in decision.failed] == ["apprenticeship.subsidy.qualified"]
    subsidy_checks = set(get_rule("apprenticeship.subsidy").checks)
    claim_rule = get_rule("chains.subsidy_claim")
    assert {f.check for f in decision.findings} - {
        "chains.claim.chain_enterprise",
        "chains.claim.claimant",
    } <= subsidy_checks
    assert (
        set(claim_rule.checks)
        - {
            "chains.claim.chain_enterprise",
            "chains.claim.claimant",
        }
        <= subsidy_checks
    )
    zh = decision.explain("zh")
    assert "补贴申领单位：9144030400000000J0" in zh
