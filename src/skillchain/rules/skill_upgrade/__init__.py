"""The skill-upgrade subsidy (职业技能提升补贴): the subsidy, and one claim decided whole.

``subsidy`` holds rule ``skill_upgrade``; ``case`` holds ``skill_upgrade.case``, which
adds the annual cap and the exclusion with the unemployment-insurance skill subsidy.
"""

from skillchain.rules.skill_upgrade import subsidy


# isort: split
from skillchain.rules.skill_upgrade import case


__all__ = ["case", "subsidy"]
