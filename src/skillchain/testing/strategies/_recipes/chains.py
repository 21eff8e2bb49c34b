"""Recipes of the rules of industry-education-evaluation skill chains (产教评技能生态链)."""

from skillchain.testing.strategies._cases import CaseRecipe


__all__ = ["RECIPES"]

RECIPES: tuple[CaseRecipe, ...] = ()
"""The recipes of the programme's rules."""
