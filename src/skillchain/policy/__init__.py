"""Dated, sourced policy parameters.

Every figure a rule uses lives here as data, with its effective period, the document
it comes from and its provenance.  :meth:`Policy.at` resolves them for one day into a
typed snapshot; :meth:`Policy.overlay` lays another district's values or a draft
reform over a base without changing it.
"""

from skillchain.policy._choices import PartYearRule, QuotaOrder
from skillchain.policy._kinds import Kind
from skillchain.policy._policy import BUNDLED_FILES, Policy, PolicySource
from skillchain.policy._schema import (
    ApprenticeshipParameters,
    CarrierParameters,
    ChainsParameters,
    CompetitionParameters,
    CraftsmanParameters,
    ExpertParameters,
    InstitutionParameters,
    LevelApplicationParameters,
    Parameter,
    ParameterSpec,
    PolicySnapshot,
    Resolved,
    RewardParameters,
    SkillUpgradeParameters,
    SubsidyParameters,
    UnemploymentSkillParameters,
    specs,
)


__all__ = [
    "BUNDLED_FILES",
    "ApprenticeshipParameters",
    "CarrierParameters",
    "ChainsParameters",
    "CompetitionParameters",
    "CraftsmanParameters",
    "ExpertParameters",
    "InstitutionParameters",
    "Kind",
    "LevelApplicationParameters",
    "Parameter",
    "ParameterSpec",
    "PartYearRule",
    "Policy",
    "PolicySnapshot",
    "PolicySource",
    "QuotaOrder",
    "Resolved",
    "RewardParameters",
    "SkillUpgradeParameters",
    "SubsidyParameters",
    "UnemploymentSkillParameters",
    "specs",
]
