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
    ExpertParameters,
    InstitutionParameters,  # issue 7, slice C
    Parameter,
    ParameterSpec,
    PolicySnapshot,
    Resolved,
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
    "ExpertParameters",
    "InstitutionParameters",
    "Kind",
    "Parameter",
    "ParameterSpec",
    "PartYearRule",
    "Policy",
    "PolicySnapshot",
    "PolicySource",
    "QuotaOrder",
    "Resolved",
    "SkillUpgradeParameters",
    "SubsidyParameters",
    "UnemploymentSkillParameters",
    "specs",
]
