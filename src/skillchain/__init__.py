"""skillchain: typed, explainable rules for a district's skills-talent programmes.

The public API is re-exported here; implementation lives in private modules.
Importing this package reads no data file: policy and catalog data are loaded lazily,
on first use, and cached.
"""

from skillchain._errors import (
    InvalidValueError,
    PolicyFileError,
    PolicyProblem,
    SkillchainError,
)

# --- values (begin) ---
# --- values (end) ---


__all__ = [
    "InvalidValueError",
    "PolicyFileError",
    "PolicyProblem",
    "SkillchainError",
]


def __getattr__(name: str) -> str:
    if name == "__version__":
        from importlib.metadata import version

        return version("skillchain")
    msg = f"module 'skillchain' has no attribute {name!r}"
    raise AttributeError(msg)
