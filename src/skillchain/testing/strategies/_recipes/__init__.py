"""The recipes of the bundled rules, one module per programme, registered on import."""

from skillchain.testing.strategies._cases import CaseRecipe, register_recipe
from skillchain.testing.strategies._recipes import (
    apprenticeship,
    carriers,
    chains,
    competitions,
    craftsman,
    experts,
    institutions,
    levels,
    public_training,
    rewards,
    skill_upgrade,
    subsidy,
    ui_skill,
)


__all__ = ["BUNDLED", "register_bundled"]

BUNDLED: tuple[CaseRecipe, ...] = (
    *apprenticeship.RECIPES,
    *carriers.RECIPES,
    *chains.RECIPES,
    *competitions.RECIPES,
    *craftsman.RECIPES,
    *experts.RECIPES,
    *institutions.RECIPES,
    *levels.RECIPES,
    *public_training.RECIPES,
    *rewards.RECIPES,
    *skill_upgrade.RECIPES,
    *subsidy.RECIPES,
    *ui_skill.RECIPES,
)
"""The recipe of every bundled rule."""


def register_bundled() -> None:
    """Register the recipe of every bundled rule (harmless when repeated)."""
    for recipe in BUNDLED:
        register_recipe(recipe, replace=True)
