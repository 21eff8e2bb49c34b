"""Recipes of the rules of guidance experts' recommendation (指导专家推荐)."""

from skillchain.testing.strategies._cases import CaseRecipe


__all__ = ["RECIPES"]

RECIPES: tuple[CaseRecipe, ...] = ()
"""The recipes of the programme's rules."""
