"""The unemployment-insurance skill-upgrade subsidy (失业保险技能提升补贴).

``subsidy`` holds rule ``ui_skill``; ``case`` holds ``ui_skill.case``, which adds the
annual cap and the exclusion with the other training subsidies.
"""

from skillchain.rules.ui_skill import subsidy


# isort: split
from skillchain.rules.ui_skill import case


__all__ = ["case", "subsidy"]
