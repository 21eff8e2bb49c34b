"""The public accessors: bundled editions read lazily and cached; user files on demand."""

from collections import Counter
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any, Final, cast

from skillchain._errors import closest
from skillchain._sources import Document
from skillchain.catalog._catalog import (
    Catalog,
    CatalogSource,
    OccupationCatalog,
    RewardScope,
)
from skillchain.catalog._enums import EventKind
from skillchain.catalog._errors import CatalogKeyError
from skillchain.catalog._reader import SPECS, Context, read_catalog
from skillchain.catalog._rows import (
    CarrierTypeEntry,
    CatalogRow,
    ChainLeaderEntry,
    CompetitionCategory,
    Division,
    EventEntry,
    HonourTitle,
    IndustryCluster,
    SkillLevelEntry,
    ThreeProjectEntry,
)
from skillchain.model import CompetitionTier


__all__ = [
    "CATALOGS",
    "bundled_files",
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
    "load_all_uncached",
    "occupations",
    "reward_scope",
    "skill_ladder",
    "three_projects",
]

# Bundled editions by catalog, the default edition first.  The file of an edition is
# ``data/<catalog>-<edition>.toml``.  Occupations come first: three-projects cites them.
_EDITIONS: Final[Mapping[str, tuple[str, ...]]] = {
    "occupations": ("2022",),
    "skill-ladder": ("2022",),
    "divisions": ("2022",),
    "industry-clusters": ("shenzhen-2022", "shenzhen-2024", "futian-2021"),
    "three-projects": ("2024",),
    "honours": ("2024",),
    "competition-categories": ("2024",),
    "carrier-types": ("2022",),
    "chain-leaders": ("2024",),
    "reward-scope": ("2024", "2023"),
    "events": ("futian-2024",),
}

CATALOGS: Final[tuple[str, ...]] = tuple(_EDITIONS)
"""The names of the bundled catalogs, in the order the documentation lists them."""


def editions(name: str) -> tuple[str, ...]:
    """The bundled editions of the catalog *name*, the default first.

    Raises:
        CatalogKeyError: There is no catalog of that name (the message lists the
            closest names).

    Example:
        >>> from skillchain.catalog import editions
        >>> editions("industry-clusters")
        ('shenzhen-2022', 'shenzhen-2024', 'futian-2021')
    """
    found = _EDITIONS.get(name)
    if found is None:
        raise _unknown(name, "catalog", "", CATALOGS)
    return found


def bundled_files() -> tuple[Traversable, ...]:
    """The bundled catalog files, one per edition (for tools that watch them)."""
    return tuple(
        _source(name, edition) for name in CATALOGS for edition in _EDITIONS[name]
    )


def _unknown(
    key: str, what: str, catalog: str, known: tuple[str, ...]
) -> CatalogKeyError:
    close = closest(key, known)
    return CatalogKeyError(
        catalog=catalog or "skillchain.catalog",
        edition="bundled",
        key=key,
        close=close,
        what=what,
    )


def _source(name: str, edition: str) -> Traversable:
    return resources.files("skillchain.catalog") / "data" / f"{name}-{edition}.toml"


def _read_register() -> Mapping[str, Document]:
    from skillchain.policy import Policy

    data = resources.files("skillchain.policy") / "data"
    return Policy.from_files(data / "documents.toml").documents


@cache
def _register() -> Mapping[str, Document]:
    return _read_register()


def _context() -> Context:
    return Context(register=_register(), occupations=occupations)


@cache
def _bundled(name: str, edition: str) -> Catalog[Any]:
    return read_catalog(SPECS[name], _source(name, edition), _context())


def _get(name: str, edition: str | None, source: CatalogSource | None) -> Catalog[Any]:
    if source is not None:
        if edition is not None:
            msg = "give an edition or a source, not both"
            raise ValueError(msg)
        return read_catalog(SPECS[name], source, _context())
    known = editions(name)
    chosen = known[0] if edition is None else edition
    if chosen not in known:
        raise _unknown(chosen, "edition", name, known)
    return _bundled(name, chosen)


def catalog(
    name: str, edition: str | None = None, *, source: CatalogSource | None = None
) -> Catalog[CatalogRow]:
    """Any catalog by name, for generic tools (the typed accessors below are nicer).

    Args:
        name: One of :data:`CATALOGS`.
        edition: A bundled edition (default: the catalog's default edition).
        source: A file in the same format to read instead of a bundled edition.

    Raises:
        CatalogKeyError: No catalog or bundled edition of that name.
        CatalogFileError: *source* is unreadable or malformed.
        ValueError: Both *edition* and *source* were given.
    """
    if name not in SPECS:
        raise _unknown(name, "catalog", "", CATALOGS)
    return _get(name, edition, source)


def occupations(
    edition: str | None = None, *, source: CatalogSource | None = None
) -> OccupationCatalog:
    """The occupations of 《中华人民共和国职业分类大典（2022年版）》 the programmes name.

    The bundled edition ``"2022"`` is partial: the eight major categories and the
    occupations the district's documents and the projects name, with codes read from
    two public datasets where they agree.  Pass ``source=`` a complete edition file in
    the same format (e.g. typed up from the official publication) to use it instead;
    nothing global changes.

    Raises:
        CatalogKeyError: No bundled edition of that name.
        CatalogFileError: *source* is unreadable or malformed.
        ValueError: Both *edition* and *source* were given.

    Example:
        >>> from skillchain.catalog import occupations
        >>> occ = occupations()
        >>> occ.complete, len(occ.major_categories)
        (False, 8)
        >>> occ["育婴员"].code is None, occ["育婴员"].status.value
        (True, 'unconfirmed')
    """
    return cast("OccupationCatalog", _get("occupations", edition, source))


def skill_ladder(
    edition: str | None = None, *, source: CatalogSource | None = None
) -> Catalog[SkillLevelEntry]:
    """The eight rungs of 人社部发〔2022〕14号, keyed by :class:`~skillchain.SkillLevel` value.

    Example:
        >>> from skillchain.catalog import skill_ladder
        >>> [row.zh for row in skill_ladder()][:3]
        ['学徒工', '初级工', '中级工']
    """
    return cast("Catalog[SkillLevelEntry]", _get("skill-ladder", edition, source))


def divisions(
    edition: str | None = None, *, source: CatalogSource | None = None
) -> Catalog[Division]:
    """Shenzhen, its districts and functional areas, and Futian's streets.

    Example:
        >>> from skillchain.catalog import divisions
        >>> [row.zh for row in divisions() if row.parent == "440304"][:3]
        ['南园街道', '园岭街道', '福田街道']
    """
    return cast("Catalog[Division]", _get("divisions", edition, source))


def industry_clusters(
    edition: str | None = None, *, source: CatalogSource | None = None
) -> Catalog[IndustryCluster]:
    """An edition of an industry-cluster list: Shenzhen's "20+8" by year, or Futian's.

    Editions: ``"shenzhen-2022"`` (default; 20 clusters and 8 future industries),
    ``"shenzhen-2024"`` (only the one change the sources show; partial),
    ``"futian-2021"`` (the three leading industries).  Futian's "8+3", which the
    district's letter mentions, was not found and is not invented.

    Example:
        >>> from skillchain.catalog import industry_clusters
        >>> from skillchain.catalog import ClusterKind
        >>> sz = industry_clusters()
        >>> sum(r.kind is ClusterKind.STRATEGIC_EMERGING for r in sz), sum(r.kind is ClusterKind.FUTURE for r in sz)
        (20, 8)
        >>> [r.zh for r in industry_clusters("futian-2021")]
        ['金融', '科创', '时尚']
    """
    return cast("Catalog[IndustryCluster]", _get("industry-clusters", edition, source))


def three_projects(
    edition: str | None = None, *, source: CatalogSource | None = None
) -> Catalog[ThreeProjectEntry]:
    """Guangdong's three projects with the occupations known to belong to each (partial).

    Each member names a row of the bundled occupations catalog (by code, or by name
    where no code is confirmed), also in a file given as *source*.

    Example:
        >>> from skillchain.catalog import three_projects
        >>> from skillchain.model import ThreeProject
        >>> chef = three_projects()[ThreeProject.CANTONESE_CHEF]
        >>> chef.partial, [m.zh for m in chef.members]
        (True, ['中式烹调师', '中式面点师'])
    """
    return cast("Catalog[ThreeProjectEntry]", _get("three-projects", edition, source))


def honours(
    edition: str | None = None, *, source: CatalogSource | None = None
) -> Catalog[HonourTitle]:
    """Honours and titles the programmes count, keyed by a stable ASCII slug.

    Example:
        >>> from skillchain.catalog import honours
        >>> honours()["futian-technical-expert"].level.zh
        '区级'
    """
    return cast("Catalog[HonourTitle]", _get("honours", edition, source))


def competition_categories(
    edition: str | None = None, *, source: CatalogSource | None = None
) -> Catalog[CompetitionCategory]:
    """The competition tiers and classes the sources describe.

    Example:
        >>> from skillchain.catalog import competition_categories
        >>> competition_categories().keys()[:3]
        ('national-first', 'national-second', 'provincial-first')
    """
    return cast(
        "Catalog[CompetitionCategory]",
        _get("competition-categories", edition, source),
    )


def carrier_types(
    edition: str | None = None, *, source: CatalogSource | None = None
) -> Catalog[CarrierTypeEntry]:
    """The three lifelong training carrier types of 深人社规〔2022〕13号.

    Example:
        >>> from skillchain.catalog import carrier_types
        >>> len(carrier_types())
        3
    """
    return cast("Catalog[CarrierTypeEntry]", _get("carrier-types", edition, source))


def chain_leaders(
    edition: str | None = None, *, source: CatalogSource | None = None
) -> Catalog[ChainLeaderEntry]:
    """The chain-leader enterprises the district's reply letter names (2024).

    Example:
        >>> from skillchain import FUTIAN
        >>> from skillchain.catalog import chain_leaders
        >>> leaders = chain_leaders()
        >>> len(leaders), {r.district for r in leaders} == {FUTIAN}, {r.credit_code for r in leaders}
        (3, True, {None})
    """
    return cast("Catalog[ChainLeaderEntry]", _get("chain-leaders", edition, source))


def reward_scope(
    edition: str | None = None, *, source: CatalogSource | None = None
) -> RewardScope:
    """An edition of the Futian occupational-talent reward scope.

    The bundled editions ``"2024"`` (default) and ``"2023"`` carry only the size the
    district's letter states (more than 400, and 31); they have no rows.  Pass
    ``source=`` the district's own list in the same format.

    Example:
        >>> from skillchain.catalog import reward_scope
        >>> reward_scope("2023").stated_size, len(reward_scope("2023"))
        (31, 0)
    """
    return cast("RewardScope", _get("reward-scope", edition, source))


def events(
    edition: str | None = None, *, source: CatalogSource | None = None
) -> Catalog[EventEntry]:
    """The contests and events the district's letter names, each fact with its source.

    The bundled edition ``"futian-2024"`` holds what the district's reply letter of
    2024-09-02 names (the 3rd Guangdong skills competition it co-organised, the city
    class-one contests it hosted, its own class-two contests, the first contests with
    its 10 streets, the 服装制版师 contest of 2024-09-01, the Futian venue of the
    Shenzhen craftsman week, a contest at its Chaozhou workstation), with the reports
    that date and count them.  It is partial: the letter names examples.  Pass
    ``source=`` a district's own list in the same format.

    Example:
        >>> from skillchain.catalog import events
        >>> week = events()["craftsman-week-futian-venue"]
        >>> week.kind.zh, week.role.zh, week.years, week.dating.inferred
        ('工匠活动周分会场', '承办', (2021, 2022, 2023), True)
    """
    return cast("Catalog[EventEntry]", _get("events", edition, source))


def event_counts(
    rows: Iterable[EventEntry] | None = None, *, year: int | None = None
) -> dict[tuple[EventKind, CompetitionTier | None], int]:
    """How many recorded events there are of each kind and tier, in *year* or in all.

    Counts rows (recorded events), not contests: one row may stand for several
    contests (the district's class-two contests of twelve years are one row, and
    so are the contests of its ten streets); a row's figures say how many where a
    source gives it.  With *year*, only the rows dated to that year count, inferred
    dating included (see each row's ``dating`` and ``weakest_provenance``); a row
    with no dating counts only without *year*.  A competition without a
    classification counts under the tier ``None``, as does every event that is
    not a competition.  The counts come in the order of the kinds, then of the
    tiers from the highest, unclassified last.

    Args:
        rows: The rows to count (default: the bundled :func:`events` edition).
        year: Count only the rows held in this year.

    Example:
        >>> from skillchain.catalog import EventKind, event_counts
        >>> from skillchain.model import CompetitionTier
        >>> counts = event_counts(year=2024)
        >>> counts[EventKind.COMPETITION, CompetitionTier.STREET]
        1
        >>> counts[EventKind.COMPETITION, CompetitionTier.MUNICIPAL]
        1
        >>> (EventKind.CRAFTSMAN_WEEK_VENUE, None) in counts
        False
        >>> event_counts(year=2023)[EventKind.CRAFTSMAN_WEEK_VENUE, None]
        1
    """
    found: Counter[tuple[EventKind, CompetitionTier | None]] = Counter()
    for row in events() if rows is None else rows:
        if year is None or row.held_in(year):
            found[row.kind, row.tier] += 1
    return dict(sorted(found.items(), key=lambda item: _count_order(*item[0])))


def _count_order(kind: EventKind, tier: CompetitionTier | None) -> tuple[int, int]:
    """Kinds in their order, then tiers from the highest, unclassified last."""
    tiers = list(CompetitionTier)
    tier_index = len(tiers) if tier is None else tiers.index(tier)
    return list(EventKind).index(kind), tier_index


def load_all_uncached() -> int:
    """Read the register and every bundled catalog file afresh, bypassing every cache.

    For the benchmark; returns the number of rows read.
    """
    register = _read_register()
    found: list[OccupationCatalog] = []

    def bundled_occupations() -> OccupationCatalog:
        return found[0]

    ctx = Context(register=register, occupations=bundled_occupations)
    total = 0
    for name in CATALOGS:
        for edition in _EDITIONS[name]:
            loaded = read_catalog(SPECS[name], _source(name, edition), ctx)
            if isinstance(loaded, OccupationCatalog) and not found:
                found.append(loaded)
            total += len(loaded)
    return total
