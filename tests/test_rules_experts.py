"""Guidance-expert recommendation (rule ``experts.recommendation``).

Source: the Futian reply letter of 2024-09-02, §五 (the district gathered candidates
from its enterprises and recommended six).  No criteria were found, so they are
district-supplied; these tests supply ILLUSTRATIVE ones through an overlay:
高级技师 or 副高级职称, and at least 10 years in the field, from 2024-01-01.
"""

from collections import Counter
from datetime import date
from functools import cache

import pytest

from hypothesis import given
from hypothesis import strategies as st

from skillchain import (
    FUTIAN,
    CreditCode,
    Outcome,
    Policy,
    Provenance,
    ResidentId,
    SkillLevel,
)
from skillchain.errors import InvalidValueError
from skillchain.model import (
    ExpertNomination,
    GuidanceExpert,
    ProfessionalTitleLevel,
    RecommendationRound,
)
from skillchain.rules import (
    EXPERT_RULE,
    Allocation,
    ExpertRecommendation,
    expert_recommendation,
    get_rule,
    recommend_experts,
)
from skillchain.testing import strategies as sst


ON = date(2024, 6, 1)
A = ResidentId("11010519491231002X")
B = ResidentId("440304198001010017")
C = ResidentId("440304198502020029")
FIRM_1 = CreditCode("91350100M000100Y43")
FIRM_2 = CreditCode("9144030400000000J0")
FIRM_3 = CreditCode("91440300MA5F000007")

_CRITERIA = """
[documents.test-expert-criteria]
title = "指导专家推荐条件（测试示例）"
title_en = "Guidance-expert criteria (test example)"
issuers = ["示例"]
level = "district"
provenance = "unverified"
[parameters."experts.min_skill_level"]
description_zh = "最低技能等级"
description_en = "Least skill level"
unit = "level"
[[parameters."experts.min_skill_level".values]]
since = 2024-01-01
value = "senior_technician"
document = "test-expert-criteria"
[parameters."experts.min_professional_title"]
description_zh = "最低职称"
description_en = "Least professional title"
unit = "choice"
[[parameters."experts.min_professional_title".values]]
since = 2024-01-01
value = "deputy_senior"
document = "test-expert-criteria"
[parameters."experts.min_years_of_experience"]
description_zh = "最低从业年限"
description_en = "Least years in the field"
unit = "years"
[[parameters."experts.min_years_of_experience".values]]
since = 2024-01-01
value = 10
document = "test-expert-criteria"
"""

_LEVEL_ONLY = """
[documents.test-level-only]
title = "指导专家推荐条件：仅技能等级（测试示例）"
issuers = ["示例"]
level = "district"
provenance = "unverified"
[parameters."experts.min_skill_level"]
description_zh = "最低技能等级"
description_en = "Least skill level"
unit = "level"
[[parameters."experts.min_skill_level".values]]
since = 2024-01-01
value = "senior_technician"
document = "test-level-only"
[parameters."experts.min_years_of_experience"]
description_zh = "最低从业年限"
description_en = "Least years in the field"
unit = "years"
[[parameters."experts.min_years_of_experience".values]]
since = 2024-01-01
value = 10
document = "test-level-only"
"""


@cache
def criteria_policy() -> Policy:
    """The bundled policy with the illustrative criteria laid over it."""
    return Policy.default().overlay(Policy.loads(_CRITERIA, name="criteria.toml"))


def nominate(
    person: ResidentId = A,
    by: CreditCode = FIRM_1,
    day: date | None = date(2024, 5, 6),
    *,
    field: str | None = "服装设计与制作",
    level: SkillLevel | None = SkillLevel.SENIOR_TECHNICIAN,
    title: ProfessionalTitleLevel | None = None,
    years: int | None = 20,
) -> ExpertNomination:
    """A nomination to Futian's 2024 round."""
    return ExpertNomination(
        nominated_by=by,
        district=FUTIAN,
        round_id="2024",
        submitted_on=day,
        expert=GuidanceExpert(
            person=person,
            name="某专家",
            field=field,
            skill_level=level,
            professional_title=title,
            years_of_experience=years,
        ),
    )


def round_of(
    *nominations: ExpertNomination, quota: int | None = 6
) -> RecommendationRound:
    """Futian's 2024 round holding *nominations*."""
    return RecommendationRound(
        district=FUTIAN,
        round_id="2024",
        year=2024,
        quota=quota,
        nominations=nominations,
    )


def judged(
    *nominations: ExpertNomination, quota: int | None = 6, on: date = ON
) -> ExpertRecommendation:
    """Decide the round under the illustrative criteria."""
    return recommend_experts(
        round_of(*nominations, quota=quota), on=on, policy=criteria_policy()
    )


def checks(
    held: bool | None, result: ExpertRecommendation, person: ResidentId
) -> list[str]:
    """The checks of *person*'s decision whose finding has *held*."""
    return [f.check for f in result.decision_for(person).findings if f.held is held]


# --- the hand-worked round (docs/rules/experts-recommendation.md) -----------------

# A: 高级技师, 20 years, nominated by FIRM_1 on 05-06 and again by FIRM_2 on 05-09.
# B: 正高级职称 (above 副高级), 12 years (>= 10), submitted 05-07.
# C: 技师 (below 高级技师), no title: meets neither route.
# Quota 1: in submission order A takes the place (taken 0 + pending 0 < 1); B at
# position 2 finds taken 1 >= quota 1: out; C fails the criteria and takes no turn.
A_FIRST = nominate()
A_AGAIN = nominate(by=FIRM_2, day=date(2024, 5, 9))
B_NOM = nominate(
    B,
    FIRM_2,
    date(2024, 5, 7),
    level=None,
    title=ProfessionalTitleLevel.FULL_SENIOR,
    years=12,
)
C_NOM = nominate(C, FIRM_3, date(2024, 5, 8), level=SkillLevel.TECHNICIAN, years=15)


def test_hand_worked_round() -> None:
    """A is recommended, B finds the quota full, C does not meet the criteria."""
    result = judged(C_NOM, B_NOM, A_AGAIN, A_FIRST, quota=1)
    assert [n.expert.person for n in result.ranked] == [A, B, C]
    assert [n.expert.person for n in result.recommended] == [A]
    assert [n.expert.person for n in result.not_recommended] == [B, C]
    assert result.decision_for(A).outcome is Outcome.ELIGIBLE
    assert checks(False, result, B) == ["experts.recommendation.place"]
    assert checks(False, result, C) == ["experts.recommendation.qualification"]
    place = result.decision_for(B).findings[-1]
    assert dict(place.values) == {"position": 2, "taken": 1, "pending": 0, "quota": 1}


def test_one_person_counts_once() -> None:
    """A named by two enterprises gets one decision, from the earlier nomination."""
    result = judged(A_AGAIN, A_FIRST)
    assert result.ranked == (A_FIRST,)
    nominated = result.decision_for(A).findings[0]
    assert dict(nominated.values) == {
        "person": "110105********002X",
        "nominations": 2,
        "nominated_by": FIRM_1,
    }


def test_the_best_nomination_of_a_person_is_used() -> None:
    """An incomplete earlier nomination does not hide a complete later one."""
    incomplete = nominate(field=None)
    complete = nominate(by=FIRM_2, day=date(2024, 5, 9))
    for order in ((incomplete, complete), (complete, incomplete)):
        result = judged(*order)
        assert (complete,) == result.ranked
        assert result.decision_for(A).outcome is Outcome.ELIGIBLE


def test_an_earlier_incomplete_nomination_keeps_the_order_open() -> None:
    """A is complete only on 05-09, but also nominated on 05-06 without a field; B
    (05-07) is complete.  With one place, A takes it if the 05-06 nomination turns out
    complete, else B does: both are undetermined, naming the missing field."""
    incomplete = nominate(field=None)  # 05-06, index 0
    complete = nominate(by=FIRM_2, day=date(2024, 5, 9))  # index 1
    result = judged(incomplete, complete, B_NOM, quota=1)
    field = "recommendation_round.nominations[0].expert.field"
    assert result.decision_for(B).outcome is Outcome.UNDETERMINED
    assert result.decision_for(B).missing == (field,)
    a_decision = result.decision_for(A)
    assert a_decision.outcome is Outcome.UNDETERMINED
    assert field in a_decision.missing
    others = [
        f
        for f in a_decision.findings
        if f.check == "experts.recommendation.other_nominations"
    ]
    assert [(f.held, f.missing) for f in others] == [(None, (field,))]


def test_an_undetermined_candidate_is_out_once_the_quota_is_full() -> None:
    """B complete (05-07) takes the one place; C (05-08) lacks its years: whatever
    they are, no place is left, so C is not recommended."""
    late = nominate(C, FIRM_3, date(2024, 5, 8), years=None)
    result = judged(B_NOM, late, quota=1)
    assert result.decision_for(B).outcome is Outcome.ELIGIBLE
    assert result.decision_for(C).outcome is Outcome.INELIGIBLE


def test_explanations_name_the_letter_and_mask_the_number() -> None:
    """Both languages cite the reply letter; the identity number is never shown."""
    decision = judged(A_FIRST, B_NOM, quota=1).decision_for(B)
    english = decision.explain("en")
    chinese = decision.explain("zh")
    assert "Position 2 in submission order: 1 recommended and 0 pending" in english
    assert "按报送先后排第 2 位" in chinese
    assert "第2024090号" in chinese
    assert "440304********0017" in chinese
    for text in (english, chinese):
        assert B.reveal() not in text
        assert A.reveal() not in text


def test_a_recommendation_is_an_allocation() -> None:
    """Recommended and not recommended are the allocation's chosen and waiting; a
    nomination stands for the person it names, the one used or another."""
    result = judged(C_NOM, B_NOM, A_AGAIN, A_FIRST, quota=1)
    assert isinstance(result, Allocation)
    assert result.recommended == result.chosen == (A_FIRST,)
    assert result.not_recommended == result.waiting == (B_NOM, C_NOM)
    assert len(result) == 3
    assert result.decision_for(A_AGAIN) is result.decision_for(A)
    assert result.decision_for(C_NOM) is result.decisions[2]


_SPLIT = """
[documents.test-level-doc]
title = "技能等级条件（测试示例）"
issuers = ["示例"]
level = "district"
provenance = "official"
[documents.test-title-doc]
title = "职称条件（测试示例）"
issuers = ["示例"]
level = "district"
provenance = "unverified"
[parameters."experts.min_skill_level"]
description_zh = "最低技能等级"
description_en = "Least skill level"
unit = "level"
[[parameters."experts.min_skill_level".values]]
since = 2024-01-01
value = "senior_technician"
document = "test-level-doc"
[parameters."experts.min_professional_title"]
description_zh = "最低职称"
description_en = "Least professional title"
unit = "choice"
[[parameters."experts.min_professional_title".values]]
since = 2024-01-01
value = "deputy_senior"
document = "test-title-doc"
[parameters."experts.min_years_of_experience"]
description_zh = "最低从业年限"
description_en = "Least years in the field"
unit = "years"
[[parameters."experts.min_years_of_experience".values]]
since = 2024-01-01
value = 10
document = "test-level-doc"
"""


def test_a_route_that_holds_is_the_only_one_relied_on() -> None:
    """Level threshold from an official document, title threshold from an
    unverified one: A (高级技师) rests on the level's document alone, B (正高级)
    on the title's, and C (技师, no title), who meets neither, on both."""
    policy = Policy.default().overlay(Policy.loads(_SPLIT, name="split.toml"))
    result = recommend_experts(
        round_of(A_FIRST, B_NOM, C_NOM, quota=3), on=ON, policy=policy
    )

    def cited(person: ResidentId) -> list[str]:
        (finding,) = [
            f
            for f in result.decision_for(person).findings
            if f.check == "experts.recommendation.qualification"
        ]
        return [c.document.id for c in finding.citations]

    assert cited(A) == ["test-level-doc"]
    assert cited(B) == ["test-title-doc"]
    assert cited(C) == ["test-level-doc", "test-title-doc"]
    assert result.decision_for(A).provenance is Provenance.OFFICIAL
    assert result.decision_for(B).provenance is Provenance.UNVERIFIED
    assert result.decision_for(C).provenance is Provenance.UNVERIFIED


# --- completeness ------------------------------------------------------------------


def test_missing_field_leaves_the_candidate_undetermined() -> None:
    """A nomination with no field is incomplete: undetermined, naming the field."""
    decision = judged(nominate(field=None)).decision_for(A)
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("recommendation_round.nominations[0].expert.field",)


def test_missing_qualification_and_years_are_named() -> None:
    """No skill level, no title and no years: each is named, none is guessed."""
    decision = judged(nominate(level=None, years=None)).decision_for(A)
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == (
        "recommendation_round.nominations[0].expert.skill_level",
        "recommendation_round.nominations[0].expert.professional_title",
        "recommendation_round.nominations[0].expert.years_of_experience",
    )


# --- criteria: both sides of each threshold and of the day they start ---------------


@pytest.mark.parametrize(
    ("level", "title", "held"),
    [
        (SkillLevel.SENIOR_TECHNICIAN, None, True),  # at the least level
        (SkillLevel.TECHNICIAN, None, False),  # one rung below
        (None, ProfessionalTitleLevel.DEPUTY_SENIOR, True),  # at the least title
        (None, ProfessionalTitleLevel.INTERMEDIATE, False),  # one below
        (SkillLevel.TECHNICIAN, ProfessionalTitleLevel.DEPUTY_SENIOR, True),  # by title
    ],
)
def test_qualification_by_either_route(
    level: SkillLevel | None, title: ProfessionalTitleLevel | None, held: bool
) -> None:
    """Either the skill level or the title qualifies; below both fails."""
    result = judged(nominate(level=level, title=title))
    finding = next(
        f
        for f in result.decision_for(A).findings
        if f.check == "experts.recommendation.qualification"
    )
    assert held is finding.held


@pytest.mark.parametrize(
    ("years", "outcome"), [(9, Outcome.INELIGIBLE), (10, Outcome.ELIGIBLE)]
)
def test_years_threshold(years: int, outcome: Outcome) -> None:
    """Ten years qualify (the illustrative least number); nine do not."""
    assert outcome is judged(nominate(years=years)).decision_for(A).outcome


def test_criteria_start_on_their_day() -> None:
    """The day before the criteria start the candidate is undetermined; on it, decided."""
    before = judged(nominate(), on=date(2023, 12, 31)).decision_for(A)
    assert before.outcome is Outcome.UNDETERMINED
    assert before.missing == (
        "experts.min_skill_level",
        "experts.min_professional_title",
        "experts.min_years_of_experience",
    )
    assert judged(nominate(), on=date(2024, 1, 1)).decision_for(A).outcome is (
        Outcome.ELIGIBLE
    )


def test_bundled_policy_is_undetermined_until_criteria_are_supplied() -> None:
    """No criterion is published: the bundled policy decides nobody in or out on them."""
    result = recommend_experts(round_of(A_FIRST, B_NOM, C_NOM), on=ON)
    assert all(d.outcome is Outcome.UNDETERMINED for d in result.decisions)
    # No figure in force was used: the decision claims no provenance.
    assert result.decisions[0].provenance is None


def test_one_route_supplied() -> None:
    """Only the level route supplied: a holder qualifies; others wait for the title route."""
    policy = Policy.default().overlay(Policy.loads(_LEVEL_ONLY, name="level.toml"))
    holder = recommend_experts(round_of(nominate()), on=ON, policy=policy)
    assert holder.decisions[0].outcome is Outcome.ELIGIBLE
    other = recommend_experts(
        round_of(nominate(level=SkillLevel.TECHNICIAN)), on=ON, policy=policy
    )
    assert other.decisions[0].missing == ("experts.min_professional_title",)


def test_no_quota_and_an_unsure_candidate_ahead_are_both_named() -> None:
    """B behind an incomplete A in a round with no quota: both gaps are named."""
    result = judged(nominate(field=None), B_NOM, quota=None)
    assert result.decision_for(B).missing == (
        "recommendation_round.quota",
        "recommendation_round.nominations[0].expert.field",
    )


# --- the quota -----------------------------------------------------------------------


def test_no_quota_leaves_qualified_candidates_undetermined() -> None:
    """A round with no quota cannot place anyone: undetermined, naming round.quota."""
    decision = judged(nominate(), quota=None).decision_for(A)
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("recommendation_round.quota",)


def test_quota_of_zero_recommends_nobody() -> None:
    """With no places, a qualified candidate is out at position 1."""
    assert judged(nominate(), quota=0).decision_for(A).outcome is Outcome.INELIGIBLE


def test_undetermined_candidate_ahead_makes_the_place_uncertain() -> None:
    """B behind an incomplete A: with 1 place B's place depends on A; with 2 it is sure."""
    incomplete_a = nominate(field=None)  # 05-06, ahead of B (05-07)
    tight = judged(incomplete_a, B_NOM, quota=1).decision_for(B)
    assert tight.outcome is Outcome.UNDETERMINED
    # B waits on what A lacks, named by its path in the round.
    assert tight.missing == ("recommendation_round.nominations[0].expert.field",)
    assert judged(incomplete_a, B_NOM, quota=2).decision_for(B).outcome is (
        Outcome.ELIGIBLE
    )


def test_undated_candidate_could_rank_anywhere() -> None:
    """A with no submission day is undetermined and counts as pending ahead of B."""
    undated = nominate(day=None)
    result = judged(B_NOM, undated, quota=1)
    assert result.decision_for(A).missing == (
        "recommendation_round.nominations[1].submitted_on",
    )
    assert result.decision_for(B).missing == (
        "recommendation_round.nominations[1].submitted_on",
    )
    assert [n.expert.person for n in result.ranked] == [B, A]


# --- bad input -------------------------------------------------------------------------


def test_person_not_in_the_round_is_an_error_with_the_number_masked() -> None:
    """Asking about someone not nominated names the masked number only."""
    with pytest.raises(InvalidValueError) as error:
        expert_recommendation(B, round_of(A_FIRST), on=ON)
    assert "440304********0017" in str(error.value)
    assert B.reveal() not in str(error.value)


def test_round_must_be_a_round() -> None:
    """Passing something else is refused with the field named."""
    with pytest.raises(InvalidValueError, match="recommendation_round"):
        recommend_experts((A_FIRST,), on=ON)  # type: ignore[arg-type]


def test_result_needs_one_decision_per_candidate() -> None:
    """A result with fewer decisions than candidates is refused."""
    with pytest.raises(InvalidValueError, match="decisions"):
        ExpertRecommendation(quota=1, ranked=(A_FIRST,), decisions=())


def test_decision_for_unknown_person_masks_the_number() -> None:
    """decision_for raises KeyError naming the masked number."""
    with pytest.raises(KeyError, match=r"440304\*+0017"):
        judged(A_FIRST).decision_for(B)


def test_rule_is_registered() -> None:
    """The rule is in the registry with its checks and district-supplied parameters."""
    assert get_rule("experts.recommendation") is EXPERT_RULE
    assert EXPERT_RULE.parameters == (
        "experts.min_skill_level",
        "experts.min_professional_title",
        "experts.min_years_of_experience",
    )


# --- properties ------------------------------------------------------------------------

_PEOPLE = (A, B, C)


@st.composite
def futian_nominations(draw: st.DrawFn) -> list[ExpertNomination]:
    """Distinct nominations to Futian's 2024 round, people possibly named twice."""
    experts = sst.guidance_experts(persons=st.sampled_from(_PEOPLE))
    return draw(
        st.lists(
            sst.expert_nominations(
                districts=st.just(FUTIAN), round_ids=st.just("2024"), experts=experts
            ),
            max_size=6,
            unique=True,
        )
    )


@given(futian_nominations(), st.integers(0, 4))
def test_never_more_than_the_quota(
    nominations: list[ExpertNomination], quota: int
) -> None:
    """However the round looks, no more persons are recommended than the quota."""
    result = judged(*nominations, quota=quota)
    assert len(result.recommended) <= quota
    people = [n.expert.person for n in result.ranked]
    assert len(people) == len(set(people))
    assert set(people) == {n.expert.person for n in nominations}


@given(
    futian_nominations().flatmap(lambda n: st.tuples(st.just(n), st.permutations(n))),
    st.integers(0, 4),
)
def test_independent_of_input_order(
    drawn: tuple[list[ExpertNomination], list[ExpertNomination]], quota: int
) -> None:
    """Shuffling the nominations changes neither the ranking nor any outcome."""
    nominations, shuffled = drawn
    first = judged(*nominations, quota=quota)
    second = judged(*shuffled, quota=quota)
    assert first.ranked == second.ranked
    assert [d.outcome for d in first.decisions] == [d.outcome for d in second.decisions]
    assert first == judged(*nominations, quota=quota)


@given(futian_nominations(), st.integers(0, 3))
def test_more_places_never_unseat_anyone(
    nominations: list[ExpertNomination], quota: int
) -> None:
    """Raising the quota by one keeps everyone recommended and recommends no fewer."""
    smaller = judged(*nominations, quota=quota)
    larger = judged(*nominations, quota=quota + 1)
    assert set(smaller.recommended) <= set(larger.recommended)
    outcomes = Counter(d.outcome for d in smaller.decisions)
    assert outcomes[Outcome.ELIGIBLE] <= len(larger.recommended)


@given(sst.recommendation_rounds(), sst.parameter_groups("experts"))
def test_generated_rounds_decide_everyone_once(
    recommendation_round: RecommendationRound, params: object
) -> None:
    """Any generated round gets one decision per person, and the outcome follows the findings."""
    del params
    result = recommend_experts(recommendation_round, on=ON, policy=criteria_policy())
    assert len(result.decisions) == len(
        {n.expert.person for n in recommendation_round.nominations}
    )
    for decision in result.decisions:
        helds = {f.held for f in decision.findings}
        if False in helds:
            assert decision.outcome is Outcome.INELIGIBLE
        elif None in helds:
            assert decision.outcome is Outcome.UNDETERMINED
        else:
            assert decision.outcome is Outcome.ELIGIBLE
