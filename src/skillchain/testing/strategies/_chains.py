"""Strategies of the skill chains and their chain leaders."""

from datetime import date

from hypothesis import strategies as st

from skillchain import (
    CreditCode,
)
from skillchain.model import (
    ChainLeaderApplication,
    ChainLeaderDesignation,
    ChainPartner,
    ChainStatus,
    Enterprise,
    InstitutionKind,
    SkillChain,
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
from skillchain.testing.strategies._people import enterprises
from skillchain.testing.strategies._values import credit_codes


def chain_leader_applications(
    *, firms: "st.SearchStrategy[Enterprise] | None" = None
) -> st.SearchStrategy[ChainLeaderApplication]:
    """Draw chain-leader incubation applications with any mix of known facts.

    Args:
        firms: The applying enterprises; any if None.

    Raises:
        hypothesis.errors.InvalidArgument: *firms* is not a strategy.
    """
    check_strategy("firms", firms)

    @st.composite
    def draw_application(draw: st.DrawFn) -> ChainLeaderApplication:
        return ChainLeaderApplication(
            enterprise=draw(either(firms, enterprises())),
            chain_enterprises=draw(optional(st.integers(0, 40))),
            chain_jobs=draw(optional(st.integers(0, 2000))),
            eight_level_ladder=draw(FLAGS),
            school_cooperation=draw(FLAGS),
            notable_results=draw(FLAGS),
        )

    return draw_application()


def chain_partners() -> st.SearchStrategy[ChainPartner]:
    """Draw partner bodies of a skill chain (colleges, institutions, associations…)."""
    return st.builds(
        ChainPartner,
        name=NAMES,
        credit_code=optional(credit_codes()),
        kind=optional(st.sampled_from(InstitutionKind)),
    )


def _partner_lists() -> st.SearchStrategy[tuple[ChainPartner, ...]]:
    return st.lists(
        chain_partners(),
        max_size=2,
        unique_by=lambda p: p.credit_code if p.credit_code is not None else id(p),
    ).map(tuple)


def skill_chains(
    *,
    leaders: "st.SearchStrategy[CreditCode] | None" = None,
    statuses: "st.SearchStrategy[ChainStatus] | None" = None,
) -> st.SearchStrategy[SkillChain]:
    """Draw skill chains (产教评技能生态链), 2022-2030; the leader is never a member.

    Args:
        leaders: The leaders' credit codes; any if None.
        statuses: The chain statuses; any if None.

    Raises:
        hypothesis.errors.InvalidArgument: An option is not a strategy.
    """
    check_strategy("leaders", leaders)
    check_strategy("statuses", statuses)

    @st.composite
    def draw_chain(draw: st.DrawFn) -> SkillChain:
        leader = draw(either(leaders, credit_codes()))
        members = draw(st.frozensets(credit_codes(), max_size=3))
        return SkillChain(
            name=draw(NAMES),
            leader=leader,
            status=draw(either(statuses, st.sampled_from(ChainStatus))),
            year=draw(st.integers(2022, 2030)),
            chain_id=draw(optional(IDS)),
            members=members - {leader},
            colleges=draw(_partner_lists()),
            training_institutions=draw(_partner_lists()),
            evaluation_bodies=draw(_partner_lists()),
            hr_service_bodies=draw(_partner_lists()),
            industry_associations=draw(_partner_lists()),
            industry=draw(optional(NAMES)),
        )

    return draw_chain()


def chain_leader_designations() -> st.SearchStrategy[ChainLeaderDesignation]:
    """Draw chain-leader designations; the chain, if given, is led by the designee."""

    @st.composite
    def draw_designation(draw: st.DrawFn) -> ChainLeaderDesignation:
        enterprise = draw(credit_codes())
        return ChainLeaderDesignation(
            enterprise=enterprise,
            enterprise_name=draw(NAMES),
            status=draw(st.sampled_from(ChainStatus)),
            year=draw(st.integers(2022, 2030)),
            chain=draw(optional(skill_chains(leaders=st.just(enterprise)))),
            listed_on=draw(optional(dates_between(date(2022, 1, 1), POLICY_LAST))),
            source_document=draw(optional(NAMES)),
        )

    return draw_designation()
