"""Strategies of guidance experts and their recommendation rounds."""

from datetime import date

from hypothesis import strategies as st

from skillchain import (
    DivisionCode,
    ResidentId,
    SkillLevel,
)
from skillchain.model import (
    ExpertNomination,
    GuidanceExpert,
    ProfessionalTitleLevel,
    RecommendationRound,
)
from skillchain.rules import (
    ExpertRecommendation,
)
from skillchain.testing.strategies._base import (
    FLAGS,
    IDS,
    NAMES,
    POLICY_LAST,
    check_strategy,
    dates_between,
    either,
    optional,
)
from skillchain.testing.strategies._decisions import decisions
from skillchain.testing.strategies._values import (
    credit_codes,
    division_codes,
    resident_ids,
)


def expert_recommendations() -> st.SearchStrategy[ExpertRecommendation]:
    """Draw recommendation results: one nomination per person, one decision each."""

    @st.composite
    def draw_result(draw: st.DrawFn) -> ExpertRecommendation:
        ranked = tuple(
            draw(
                st.lists(
                    expert_nominations(),
                    max_size=3,
                    unique_by=lambda nomination: nomination.expert.person,
                )
            )
        )
        return ExpertRecommendation(
            quota=draw(optional(st.integers(0, 50))),
            ranked=ranked,
            decisions=tuple(draw(decisions()) for _ in ranked),
        )

    return draw_result()


def guidance_experts(
    *, persons: "st.SearchStrategy[ResidentId] | None" = None
) -> st.SearchStrategy[GuidanceExpert]:
    """Draw skill-chain guidance experts (建设指导专家).

    Args:
        persons: The experts' identity numbers; any if None.

    Raises:
        hypothesis.errors.InvalidArgument: *persons* is not a strategy.
    """
    check_strategy("persons", persons)
    return st.builds(
        GuidanceExpert,
        person=either(persons, resident_ids(max_birth=date(2005, 12, 31))),
        name=NAMES,
        field=optional(NAMES),
        skill_level=optional(st.sampled_from(SkillLevel)),
        professional_title=optional(st.sampled_from(ProfessionalTitleLevel)),
        honours=st.lists(NAMES, max_size=2).map(tuple),
        years_of_experience=optional(st.integers(0, 50)),
    )


def expert_nominations(
    *,
    districts: "st.SearchStrategy[DivisionCode] | None" = None,
    round_ids: "st.SearchStrategy[str] | None" = None,
    experts: "st.SearchStrategy[GuidanceExpert] | None" = None,
) -> st.SearchStrategy[ExpertNomination]:
    """Draw nominations of guidance experts to a district's round.

    Args:
        districts: The districts nominated to; any if None.
        round_ids: The rounds; any id if None.
        experts: The experts; any drawn expert if None.

    Raises:
        hypothesis.errors.InvalidArgument: An option is not a strategy.
    """
    for name, value in (
        ("districts", districts),
        ("round_ids", round_ids),
        ("experts", experts),
    ):
        check_strategy(name, value)
    return st.builds(
        ExpertNomination,
        nominated_by=credit_codes(),
        expert=experts if experts is not None else guidance_experts(),
        district=either(districts, division_codes(level="county")),
        round_id=either(round_ids, IDS),
        submitted_on=optional(dates_between(date(2022, 1, 1), POLICY_LAST)),
        recommended=FLAGS,
    )


def recommendation_rounds() -> st.SearchStrategy[RecommendationRound]:
    """Draw recommendation rounds whose nominations belong to them, once per expert."""

    @st.composite
    def draw_round(draw: st.DrawFn) -> RecommendationRound:
        district = draw(division_codes(level="county"))
        round_id = draw(IDS)
        people = draw(
            st.lists(
                resident_ids(max_birth=date(2005, 12, 31)), max_size=3, unique=True
            )
        )
        nominations = tuple(
            draw(
                expert_nominations(
                    districts=st.just(district),
                    round_ids=st.just(round_id),
                    experts=guidance_experts(persons=st.just(person)),
                )
            )
            for person in people
        )
        return RecommendationRound(
            district=district,
            round_id=round_id,
            year=draw(st.integers(2022, 2030)),
            quota=draw(optional(st.integers(0, 50))),
            nominations=nominations,
        )

    return draw_round()
