"""Recipes of the rules of skills competitions (职业技能竞赛)."""

from skillchain.testing.strategies._cases import CaseRecipe


__all__ = ["RECIPES"]

RECIPES: tuple[CaseRecipe, ...] = ()
"""The recipes of the programme's rules."""
