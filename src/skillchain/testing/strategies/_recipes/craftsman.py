"""Recipes of the rules of the craftsman selection (福田工匠)."""

from skillchain.testing.strategies._cases import CaseRecipe


__all__ = ["RECIPES"]

RECIPES: tuple[CaseRecipe, ...] = ()
"""The recipes of the programme's rules."""
