"""skillchain: typed, explainable rules for a district's skills-talent programmes.

The public API is re-exported here; implementation lives in private modules.
Importing this package imports none of them: each public name is imported on first
use (``skillchain.Policy``, ``from skillchain import Decision``), and policy and
catalog data are read later still, when first needed, and cached.
"""

from typing import TYPE_CHECKING


__all__ = [
    "FUTIAN",
    "AddItem",
    "ApprenticeshipParameters",
    "Citation",
    "CreditCode",
    "DateRange",
    "Decision",
    "DistrictSupplies",
    "DivisionCode",
    "Document",
    "DocumentLevel",
    "EarliestDay",
    "EntityCategory",
    "FactValue",
    "Finding",
    "InputError",
    "InputProblem",
    "InvalidValueError",
    "Lang",
    "Message",
    "NotDerived",
    "NotRemediable",
    "OccupationCode",
    "OneOf",
    "Outcome",
    "Parameter",
    "Policy",
    "PolicyFileError",
    "PolicyProblem",
    "PolicySnapshot",
    "Provenance",
    "ReachBound",
    "RegistrationAuthority",
    "Remedy",
    "ResidentId",
    "Resolved",
    "Rounding",
    "RoundingMode",
    "SetFact",
    "Sex",
    "SimulationSummary",
    "SkillLevel",
    "SkillchainError",
    "SupplyFact",
    "WaitUntil",
    "add_months",
    "bulk",
    "decide",
    "earliest_day",
    "fact_type",
    "full_years_between",
    "mask",
    "message_for",
    "months_between",
    "redact",
    "remedies",
    "simulate",
    "yuan",
]

if TYPE_CHECKING:
    from skillchain._bulk import bulk
    from skillchain._codes import FUTIAN, DivisionCode, OccupationCode
    from skillchain._dates import (
        DateRange,
        add_months,
        full_years_between,
        months_between,
    )
    from skillchain._decide import decide
    from skillchain._decision import (
        Decision,
        FactValue,
        Finding,
        Message,
        Outcome,
        message_for,
    )
    from skillchain._identifiers import (
        CreditCode,
        EntityCategory,
        RegistrationAuthority,
        ResidentId,
        Sex,
        mask,
    )
    from skillchain._levels import SkillLevel
    from skillchain._money import Rounding, RoundingMode, yuan
    from skillchain._redact import redact
    from skillchain._remedies import (
        AddItem,
        DistrictSupplies,
        EarliestDay,
        NotDerived,
        NotRemediable,
        OneOf,
        ReachBound,
        Remedy,
        SetFact,
        SupplyFact,
        WaitUntil,
        earliest_day,
        fact_type,
        remedies,
    )
    from skillchain._sources import Citation, Document, DocumentLevel, Lang, Provenance
    from skillchain.errors import (
        InputError,
        InputProblem,
        InvalidValueError,
        PolicyFileError,
        PolicyProblem,
        SkillchainError,
    )
    from skillchain.policy import (
        ApprenticeshipParameters,
        Parameter,
        Policy,
        PolicySnapshot,
        Resolved,
    )
    from skillchain.simulation import SimulationSummary, simulate

    __version__: str
    """The installed distribution's version."""
else:
    from skillchain._lazy import exports

    # Every public name, by the module it comes from: imported on first access.
    _export, __dir__ = exports(
        __name__,
        {
            "skillchain._bulk": ("bulk",),
            "skillchain._codes": ("FUTIAN", "DivisionCode", "OccupationCode"),
            "skillchain._dates": (
                "DateRange",
                "add_months",
                "full_years_between",
                "months_between",
            ),
            "skillchain._decide": ("decide",),
            "skillchain._decision": (
                "Decision",
                "FactValue",
                "Finding",
                "Message",
                "Outcome",
                "message_for",
            ),
            "skillchain._identifiers": (
                "CreditCode",
                "EntityCategory",
                "RegistrationAuthority",
                "ResidentId",
                "Sex",
                "mask",
            ),
            "skillchain._levels": ("SkillLevel",),
            "skillchain._money": ("Rounding", "RoundingMode", "yuan"),
            "skillchain._redact": ("redact",),
            "skillchain._remedies": (
                "AddItem",
                "DistrictSupplies",
                "EarliestDay",
                "NotDerived",
                "NotRemediable",
                "OneOf",
                "ReachBound",
                "Remedy",
                "SetFact",
                "SupplyFact",
                "WaitUntil",
                "earliest_day",
                "fact_type",
                "remedies",
            ),
            "skillchain._sources": (
                "Citation",
                "Document",
                "DocumentLevel",
                "Lang",
                "Provenance",
            ),
            "skillchain.errors": (
                "InputError",
                "InputProblem",
                "InvalidValueError",
                "PolicyFileError",
                "PolicyProblem",
                "SkillchainError",
            ),
            "skillchain.policy": (
                "ApprenticeshipParameters",
                "Parameter",
                "Policy",
                "PolicySnapshot",
                "Resolved",
            ),
            "skillchain.simulation": ("SimulationSummary", "simulate"),
        },
        modules=frozenset(
            {
                "cases",
                "catalog",
                "cli",
                "comparison",
                "errors",
                "model",
                "policy",
                "rules",
                "serialization",
                "simulation",
                "testing",
            }
        ),
    )

    def __getattr__(name: str) -> object:
        # The version is read from the distribution's metadata, which costs more
        # than the rest of the import: only for those who ask.
        if name == "__version__":
            from importlib.metadata import version

            return version("skillchain")
        return _export(name)
