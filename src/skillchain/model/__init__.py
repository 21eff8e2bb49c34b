"""The domain model: immutable, typed records of what the programmes talk about.

Plain data: attrs classes (frozen, slotted, keyword-only), validated at construction,
with no I/O and no behaviour beyond derived properties.  A fact that a system may not
know yet is typed ``X | None``; a rule that needs it then decides *undetermined*.
"""

from skillchain._labels import LabelledEnum
from skillchain.model._enums import (
    CarrierType,
    CertificateKind,
    CompetitionClass,
    CompetitionTier,
    EnterpriseSize,
    InstitutionKind,
    IssuerKind,
    Ownership,
    PostType,
    RegulatoryStatus,
    SubsidyKind,
    ThreeProject,
)


# --- people and organisations, apprenticeship (helper A) (begin) ---
# --- people and organisations, apprenticeship (helper A) (end) ---

# --- chains, training and carriers, recognition (helper B) (begin) ---
# --- chains, training and carriers, recognition (helper B) (end) ---


# Every public name of the model, kept sorted (integrators add each module's __all__).
__all__ = [
    "CarrierType",
    "CertificateKind",
    "CompetitionClass",
    "CompetitionTier",
    "EnterpriseSize",
    "InstitutionKind",
    "IssuerKind",
    "LabelledEnum",
    "Ownership",
    "PostType",
    "RegulatoryStatus",
    "SubsidyKind",
    "ThreeProject",
]
