"""skillchain: typed, explainable rules for a district's skills-talent programmes.

The public API is re-exported here; implementation lives in private modules.
Importing this package reads no data file: policy and catalog data are loaded lazily,
on first use, and cached.
"""

from typing import TYPE_CHECKING

from skillchain._codes import FUTIAN, DivisionCode, OccupationCode
from skillchain._dates import DateRange, add_months, full_years_between, months_between
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


__all__ = [
    "FUTIAN",
    "ApprenticeshipParameters",
    "Citation",
    "CreditCode",
    "DateRange",
    "Decision",
    "DivisionCode",
    "Document",
    "DocumentLevel",
    "EntityCategory",
    "FactValue",
    "Finding",
    "InputError",
    "InputProblem",
    "InvalidValueError",
    "Lang",
    "Message",
    "OccupationCode",
    "Outcome",
    "Parameter",
    "Policy",
    "PolicyFileError",
    "PolicyProblem",
    "PolicySnapshot",
    "Provenance",
    "RegistrationAuthority",
    "ResidentId",
    "Resolved",
    "Rounding",
    "RoundingMode",
    "Sex",
    "SimulationSummary",
    "SkillLevel",
    "SkillchainError",
    "add_months",
    "full_years_between",
    "mask",
    "message_for",
    "months_between",
    "redact",
    "simulate",
    "yuan",
]

if TYPE_CHECKING:
    from skillchain.simulation import SimulationSummary, simulate

    __version__: str
    """The installed distribution's version."""
else:

    def __getattr__(name: str) -> object:
        # Served lazily: reading the distribution metadata costs more than the rest
        # of the import, and most users never ask for it; the simulation module
        # (CSV and JSON Lines readers) is only loaded by those who simulate.
        if name == "__version__":
            from importlib.metadata import version

            return version("skillchain")
        if name in {"simulate", "SimulationSummary"}:
            from skillchain import simulation

            return getattr(simulation, name)
        msg = f"module 'skillchain' has no attribute {name!r}"
        raise AttributeError(msg)
