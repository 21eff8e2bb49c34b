"""The enterprise new-type apprenticeship (企业新型学徒制): its rules, one module each.

``apprentice`` (may this person be an apprentice), ``enterprise`` (may this
enterprise take apprentices), ``programme`` (is the programme valid as planned),
``quota`` (the district's annual quota), ``subsidy`` (the subsidy, its prepayment
and settlement) and ``case`` (one apprentice's whole case).
"""

from skillchain.rules.apprenticeship import (
    apprentice,
    enterprise,
    programme,
    quota,
    subsidy,
)


# isort: split
from skillchain.rules.apprenticeship import case


__all__ = ["apprentice", "case", "enterprise", "programme", "quota", "subsidy"]
