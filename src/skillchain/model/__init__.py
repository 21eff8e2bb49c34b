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
# isort: split
from skillchain.model._apprenticeship import (
    ApprenticeEnrolment,
    ApprenticeshipProgramme,
    HireKind,
    LabourContract,
    Mentor,
    MentorSide,
    ProgrammeStatus,
    SubsidyClaim,
    TrainingMode,
)
from skillchain.model._people import (
    Employment,
    Enterprise,
    EvaluationOrganisationKind,
    EvaluationQualification,
    InsurancePeriod,
    Person,
    SkillEvaluationOrganisation,
    TrainingInstitution,
)


# --- people and organisations, apprenticeship (helper A) (end) ---

# --- chains, training and carriers, recognition (helper B) (begin) ---
# isort: split
from skillchain.model._chains import (
    ChainLeaderApplication,
    ChainLeaderDesignation,
    ChainPart,
    ChainPartner,
    ChainStatus,
    ExpertNomination,
    GuidanceExpert,
    RecommendationRound,
    SkillChain,
)
from skillchain.model._recognition import (
    Certificate,
    Competition,
    CompetitionAward,
    CompetitionEntry,  # issue 8, slice B
    CompetitionFormat,
    CompetitionResult,
    Honour,
    ProfessionalTitle,
    ProfessionalTitleLevel,
    RecognitionLevel,
    TalentRewardClaim,
    TalentRewardKind,
)
from skillchain.model._training import (
    CarrierAwardApplication,
    CarrierAwardCategory,
    CarrierHostKind,
    CourseEnrolment,
    DeliveryMode,
    FilingStatus,
    LifelongTrainingCarrier,
    OrganiserKind,
    PartnerRegion,
    PrivateInstitutionFiling,
    PublicTrainingCourse,
    SetupProcedure,
)


# --- chains, training and carriers, recognition (helper B) (end) ---

# --- craftsman (issue 8, slice C) (begin) ---
# isort: split
from skillchain.model._craftsman import CraftsmanApplication


# --- craftsman (issue 8, slice C) (end) ---

# --- level application (issue 8, slice D) (begin) ---
# isort: split
from skillchain.model._level_application import (
    ApplicationRoute,
    ApplicationStandard,
    LevelApplication,
    Schooling,
    YearsCountedFrom,
)


# --- level application (issue 8, slice D) (end) ---


# Every public name of the model, kept sorted (integrators add each module's __all__).
__all__ = [
    "ApplicationRoute",  # issue 8, slice D
    "ApplicationStandard",  # issue 8, slice D
    "ApprenticeEnrolment",
    "ApprenticeshipProgramme",
    "CarrierAwardApplication",
    "CarrierAwardCategory",
    "CarrierHostKind",
    "CarrierType",
    "Certificate",
    "CertificateKind",
    "ChainLeaderApplication",
    "ChainLeaderDesignation",
    "ChainPart",
    "ChainPartner",
    "ChainStatus",
    "Competition",
    "CompetitionAward",
    "CompetitionClass",
    "CompetitionEntry",  # issue 8, slice B
    "CompetitionFormat",
    "CompetitionResult",
    "CompetitionTier",
    "CourseEnrolment",
    "CraftsmanApplication",  # issue 8, slice C
    "DeliveryMode",
    "Employment",
    "Enterprise",
    "EnterpriseSize",
    "EvaluationOrganisationKind",
    "EvaluationQualification",
    "ExpertNomination",
    "FilingStatus",
    "GuidanceExpert",
    "HireKind",
    "Honour",
    "InstitutionKind",
    "InsurancePeriod",
    "IssuerKind",
    "LabelledEnum",
    "LabourContract",
    "LevelApplication",  # issue 8, slice D
    "LifelongTrainingCarrier",
    "Mentor",
    "MentorSide",
    "OrganiserKind",
    "Ownership",
    "PartnerRegion",
    "Person",
    "PostType",
    "PrivateInstitutionFiling",
    "ProfessionalTitle",
    "ProfessionalTitleLevel",
    "ProgrammeStatus",
    "PublicTrainingCourse",
    "RecognitionLevel",
    "RecommendationRound",
    "RegulatoryStatus",
    "Schooling",  # issue 8, slice D
    "SetupProcedure",
    "SkillChain",
    "SkillEvaluationOrganisation",
    "SubsidyClaim",
    "SubsidyKind",
    "TalentRewardClaim",
    "TalentRewardKind",
    "ThreeProject",
    "TrainingInstitution",
    "TrainingMode",
    "YearsCountedFrom",  # issue 8, slice D
]
