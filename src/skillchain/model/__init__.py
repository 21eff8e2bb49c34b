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


# --- people and organisations, apprenticeship ---
# isort: split
from skillchain.model._apprenticeship import (
    ApprenticeEnrolment,
    ApprenticeExclusion,
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
    SchoolKind,
    SkillEvaluationOrganisation,
    TrainingInstitution,
)


# --- chains, training and carriers, recognition ---
# isort: split
from skillchain.model._chains import (
    ChainClaimCondition,
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
    CompetitionEntry,
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
    CantoneseChefDesignation,
    CantoneseChefUnit,
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
    TraineeGroup,
    TraineeProfile,
)


# --- craftsman ---
# isort: split
from skillchain.model._craftsman import CraftsmanApplication


# --- level application ---
# isort: split
from skillchain.model._level_application import (
    ApplicationRoute,
    ApplicationStandard,
    LevelApplication,
    Schooling,
    YearsCountedFrom,
)


# Every public name of the model, kept sorted.
__all__ = [
    "ApplicationRoute",
    "ApplicationStandard",
    "ApprenticeEnrolment",
    "ApprenticeExclusion",
    "ApprenticeshipProgramme",
    "CantoneseChefDesignation",
    "CantoneseChefUnit",
    "CarrierAwardApplication",
    "CarrierAwardCategory",
    "CarrierHostKind",
    "CarrierType",
    "Certificate",
    "CertificateKind",
    "ChainClaimCondition",
    "ChainLeaderApplication",
    "ChainLeaderDesignation",
    "ChainPart",
    "ChainPartner",
    "ChainStatus",
    "Competition",
    "CompetitionAward",
    "CompetitionClass",
    "CompetitionEntry",
    "CompetitionFormat",
    "CompetitionResult",
    "CompetitionTier",
    "CourseEnrolment",
    "CraftsmanApplication",
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
    "LevelApplication",
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
    "SchoolKind",
    "Schooling",
    "SetupProcedure",
    "SkillChain",
    "SkillEvaluationOrganisation",
    "SubsidyClaim",
    "SubsidyKind",
    "TalentRewardClaim",
    "TalentRewardKind",
    "ThreeProject",
    "TraineeGroup",
    "TraineeProfile",
    "TrainingInstitution",
    "TrainingMode",
    "YearsCountedFrom",
]
