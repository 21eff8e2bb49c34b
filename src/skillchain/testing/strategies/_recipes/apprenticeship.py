"""Recipes of the enterprise new-type apprenticeship's rules (企业新型学徒制)."""

from datetime import timedelta
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from skillchain.testing.strategies._cases import (
    CaseRecipe,
    Setting,
    above,
    at_most,
)
from skillchain.testing.strategies._values import amounts


__all__ = ["RECIPES"]

Facts = dict[str, Any]


def _settled(draw: st.DrawFn, setting: Setting) -> Facts:
    entitlement = draw(amounts(max_value=200_000))
    return {
        "entitlement": entitlement,
        "prepaid": draw(at_most(entitlement, least=Decimal(0))),
        "training_end": draw(
            st.none() | st.dates(setting.on - timedelta(days=1100), setting.on)
        ),
    }


def _overpaid(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    del setting
    return {
        **facts,
        "prepaid": draw(above(facts["entitlement"], most=Decimal(400_000))),
    }


SETTLEMENT = CaseRecipe(
    rule="apprenticeship.settlement",
    eligible=_settled,
    breaks={"apprenticeship.settlement.refund": _overpaid},
)
"""Settlement: a balance when the prepayment is at most the entitlement."""

RECIPES: tuple[CaseRecipe, ...] = (SETTLEMENT,)
"""The recipes of the apprenticeship rules."""
