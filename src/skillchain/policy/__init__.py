"""Dated, sourced policy parameters, grouped by programme.

Every figure a rule uses lives here as data, with its effective period, the document
it comes from and its provenance.  :meth:`Policy.at` resolves them for one day into a
typed snapshot; :meth:`Policy.overlay` lays another district's values or a draft
reform over a base without changing it, and :meth:`Policy.with_values` (or a
:class:`Reform`) builds a reform in Python.  The programme table (:func:`programmes`)
says which parameter groups there are and which data file holds each; a district
adds a programme of its own with :func:`register_programme`.
"""

from skillchain.policy._choices import PartYearRule, QuotaOrder
from skillchain.policy._policy import (
    BUNDLED_FILES,
    Policy,
    PolicySource,
    register_programme,
    unregister_programme,
)
from skillchain.policy._programmes import GROUPS, Programme, programmes, specs
from skillchain.policy._reform import Reform
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
    PublicTrainingParameters,
    Resolved,
    RewardParameters,
    SkillUpgradeParameters,
    SubsidyParameters,
    UnemploymentSkillParameters,
    parameter,
)
from skillchain.policy._tables import Removal
from skillchain.policy.kinds import Kind


__all__ = [
    "BUNDLED_FILES",
    "GROUPS",
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
    "Programme",
    "PublicTrainingParameters",
    "QuotaOrder",
    "Reform",
    "Removal",
    "Resolved",
    "RewardParameters",
    "SkillUpgradeParameters",
    "SubsidyParameters",
    "UnemploymentSkillParameters",
    "parameter",
    "programmes",
    "register_programme",
    "specs",
    "unregister_programme",
]
