"""Recipes of the rules of private training institutions' filing (民办职业培训机构备案)."""

from skillchain.testing.strategies._cases import CaseRecipe


__all__ = ["RECIPES"]

RECIPES: tuple[CaseRecipe, ...] = ()
"""The recipes of the programme's rules."""
