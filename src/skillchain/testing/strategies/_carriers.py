"""Strategies of lifelong training carriers and their awards."""

from datetime import date

from hypothesis import strategies as st

from skillchain.model import (
    CarrierAwardApplication,
    CarrierAwardCategory,
    CarrierHostKind,
    CarrierType,
    LifelongTrainingCarrier,
    PartnerRegion,
    RecognitionLevel,
)
from skillchain.rules import (
    CarrierAwardAllocation,
)
from skillchain.testing.strategies._base import (
    NAMES,
    POLICY_LAST,
    check_strategy,
    dates_between,
    either,
    optional,
)
from skillchain.testing.strategies._decisions import decisions
from skillchain.testing.strategies._training import partner_regions
from skillchain.testing.strategies._values import amounts, credit_codes


def carrier_award_allocations() -> st.SearchStrategy[CarrierAwardAllocation]:
    """Draw carrier-award allocations: ranked applications with one decision each."""

    @st.composite
    def draw_allocation(draw: st.DrawFn) -> CarrierAwardAllocation:
        ranked = tuple(
            draw(st.lists(carrier_award_applications(), max_size=3, unique=True))
        )
        chosen = tuple(draw(decisions()) for _ in ranked)
        return CarrierAwardAllocation(ranked=ranked, decisions=chosen)

    return draw_allocation()


def lifelong_training_carriers(
    *, carrier_types: "st.SearchStrategy[CarrierType] | None" = None
) -> st.SearchStrategy[LifelongTrainingCarrier]:
    """Draw lifelong training carriers; partner regions only for rural workstations.

    Args:
        carrier_types: The carrier types; any if None.

    Raises:
        hypothesis.errors.InvalidArgument: *carrier_types* is not a strategy.
    """
    check_strategy("carrier_types", carrier_types)

    @st.composite
    def draw_carrier(draw: st.DrawFn) -> LifelongTrainingCarrier:
        kind = draw(either(carrier_types, st.sampled_from(CarrierType)))
        regions: tuple[PartnerRegion, ...] = ()
        if kind is CarrierType.RURAL_WORKSTATION:
            regions = tuple(
                draw(
                    st.lists(partner_regions(), max_size=2, unique_by=lambda r: r.name)
                )
            )
        return LifelongTrainingCarrier(
            carrier_type=kind,
            name=draw(NAMES),
            host=draw(credit_codes()),
            host_name=draw(NAMES),
            partner_regions=regions,
            recognised_on=draw(optional(dates_between(date(2022, 1, 1), POLICY_LAST))),
            recognised_by=draw(optional(st.sampled_from(RecognitionLevel))),
            host_kind=draw(optional(st.sampled_from(CarrierHostKind))),
        )

    return draw_carrier()


def carrier_award_applications() -> st.SearchStrategy[CarrierAwardApplication]:
    """Draw applications for a carrier award, 2022-2030."""
    return st.builds(
        CarrierAwardApplication,
        carrier=lifelong_training_carriers(),
        category=st.sampled_from(CarrierAwardCategory),
        year=st.integers(2022, 2030),
        project_title=optional(NAMES),
        total_investment=optional(amounts()),
        annual_trainees=optional(st.integers(0, 100_000)),
        apprentices_taught=optional(st.integers(0, 10_000)),
        review_score=optional(amounts(max_value=100, places=1)),
    )
