"""Reference tables shipped with the package: occupations, divisions, clusters, titles, ...

Every catalog is one TOML file per edition under ``skillchain/catalog/data``, read with
:mod:`tomllib` on first use and cached (importing the package reads nothing).  Every
row carries its key, Chinese and English labels, the register document it comes from
and its provenance; :class:`Catalog` looks rows up by key and says whether the edition
is complete.  The occupations, cluster and reward-scope accessors (and every other)
also read a file in the same format that a district supplies, instead of the bundled
edition.

Example:
    >>> from skillchain.catalog import occupations, reward_scope
    >>> occupations()["6-31-01-03"].zh
    '电工'
    >>> reward_scope("2024").stated_size_label
    '400+'
"""

from skillchain.catalog._access import (
    CATALOGS,
    carrier_types,
    catalog,
    chain_leaders,
    competition_categories,
    divisions,
    editions,
    event_counts,
    events,
    honours,
    industry_clusters,
    occupations,
    reward_scope,
    skill_ladder,
    three_projects,
)
from skillchain.catalog._catalog import (
    Catalog,
    CatalogKey,
    CatalogSource,
    OccupationCatalog,
    RewardScope,
)
from skillchain.catalog._enums import (
    ClusterKind,
    DivisionKind,
    EventFigureKind,
    EventKind,
    EventRole,
    OccupationStatus,
)
from skillchain.catalog._errors import CatalogFileError, CatalogKeyError
from skillchain.catalog._rows import (
    CarrierTypeEntry,
    CatalogRow,
    ChainLeaderEntry,
    CompetitionCategory,
    Division,
    EventCategory,
    EventDating,
    EventEntry,
    EventFigure,
    EventTrade,
    HonourTitle,
    IndustryCluster,
    Occupation,
    ProjectOccupation,
    ScopeEntry,
    SkillLevelEntry,
    ThreeProjectEntry,
)


__all__ = [
    "CATALOGS",
    "CarrierTypeEntry",
    "Catalog",
    "CatalogFileError",
    "CatalogKey",
    "CatalogKeyError",
    "CatalogRow",
    "CatalogSource",
    "ChainLeaderEntry",
    "ClusterKind",
    "CompetitionCategory",
    "Division",
    "DivisionKind",
    "EventCategory",
    "EventDating",
    "EventEntry",
    "EventFigure",
    "EventFigureKind",
    "EventKind",
    "EventRole",
    "EventTrade",
    "HonourTitle",
    "IndustryCluster",
    "Occupation",
    "OccupationCatalog",
    "OccupationStatus",
    "ProjectOccupation",
    "RewardScope",
    "ScopeEntry",
    "SkillLevelEntry",
    "ThreeProjectEntry",
    "carrier_types",
    "catalog",
    "chain_leaders",
    "competition_categories",
    "divisions",
    "editions",
    "event_counts",
    "events",
    "honours",
    "industry_clusters",
    "occupations",
    "reward_scope",
    "skill_ladder",
    "three_projects",
]
