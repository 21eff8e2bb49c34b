"""Strategies of catalog rows and catalogs."""

from datetime import date
from typing import Any

from hypothesis import strategies as st

from skillchain import (
    OccupationCode,
    Provenance,
    SkillLevel,
)
from skillchain.catalog import (
    CarrierTypeEntry,
    Catalog,
    CatalogRow,
    ChainLeaderEntry,
    ClusterKind,
    CompetitionCategory,
    Division,
    DivisionKind,
    EventCategory,
    EventDating,
    EventEntry,
    EventFigure,
    EventFigureKind,
    EventKind,
    EventRole,
    EventTrade,
    HonourTitle,
    IndustryCluster,
    Occupation,
    OccupationCatalog,
    OccupationStatus,
    ProjectOccupation,
    RewardScope,
    ScopeEntry,
    SkillLevelEntry,
    ThreeProjectEntry,
)
from skillchain.model import (
    CarrierType,
    CertificateKind,
    CompetitionClass,
    CompetitionTier,
    ThreeProject,
)
from skillchain.testing.strategies._base import (
    FLAGS,
    IDS,
    NAMES,
    POLICY_LAST,
    check_strategy,
    dates_between,
    either,
    optional,
)
from skillchain.testing.strategies._decisions import documents
from skillchain.testing.strategies._values import (
    credit_codes,
    division_codes,
    occupation_codes,
)


def _row_fields(
    draw: st.DrawFn, provenance: "st.SearchStrategy[Provenance] | None"
) -> dict[str, Any]:
    return {
        "zh": draw(NAMES),
        "en": draw(NAMES),
        "document": draw(documents()),
        "provenance": draw(either(provenance, st.sampled_from(Provenance))),
        "note": draw(optional(NAMES)),
    }


def catalog_rows(
    *, provenance: "st.SearchStrategy[Provenance] | None" = None
) -> st.SearchStrategy[CatalogRow]:
    """Draw plain catalog rows (key, labels, document, provenance).

    Args:
        provenance: The rows' provenances; any if None.

    Raises:
        hypothesis.errors.InvalidArgument: *provenance* is not a strategy.
    """
    check_strategy("provenance", provenance)

    @st.composite
    def draw_row(draw: st.DrawFn) -> CatalogRow:
        return CatalogRow(key=draw(IDS), **_row_fields(draw, provenance))

    return draw_row()


def carrier_type_entries() -> st.SearchStrategy[CarrierTypeEntry]:
    """Draw carrier-type rows; the key is the carrier type's value."""

    @st.composite
    def draw_row(draw: st.DrawFn) -> CarrierTypeEntry:
        kind = draw(st.sampled_from(CarrierType))
        return CarrierTypeEntry(
            key=kind.value, carrier_type=kind, **_row_fields(draw, None)
        )

    return draw_row()


def chain_leader_entries() -> st.SearchStrategy[ChainLeaderEntry]:
    """Draw chain-leader list rows, 2022-2030."""

    @st.composite
    def draw_row(draw: st.DrawFn) -> ChainLeaderEntry:
        return ChainLeaderEntry(
            key=draw(IDS),
            year=draw(st.integers(2022, 2030)),
            district=draw(division_codes()),
            listed_by=draw(optional(NAMES)),
            credit_code=draw(optional(credit_codes())),
            **_row_fields(draw, None),
        )

    return draw_row()


def competition_categories() -> st.SearchStrategy[CompetitionCategory]:
    """Draw competition-category rows; the key is ``<tier>-<class>``, or the tier alone."""

    @st.composite
    def draw_row(draw: st.DrawFn) -> CompetitionCategory:
        tier = draw(st.sampled_from(CompetitionTier))
        klass = draw(optional(st.sampled_from(CompetitionClass)))
        return CompetitionCategory(
            key=tier.value if klass is None else f"{tier.value}-{klass.value}",
            tier=tier,
            competition_class=klass,
            meaning=draw(optional(NAMES)),
            **_row_fields(draw, None),
        )

    return draw_row()


def division_entries() -> st.SearchStrategy[Division]:
    """Draw division rows; the key is the statistical code where there is one."""

    @st.composite
    def draw_row(draw: st.DrawFn) -> Division:
        code = draw(optional(st.from_regex(r"[0-9]{6}|[0-9]{9}", fullmatch=True)))
        start = draw(optional(dates_between(date(1979, 1, 1), POLICY_LAST)))
        end = draw(optional(st.dates(start or date(1979, 1, 1), date(2040, 12, 31))))
        return Division(
            key=code if code is not None else draw(IDS),
            kind=draw(st.sampled_from(DivisionKind)),
            code=code,
            division_code=draw(optional(division_codes())),
            parent=draw(optional(st.from_regex(r"[0-9]{6}", fullmatch=True))),
            valid_from=start,
            valid_until=end,
            **_row_fields(draw, None),
        )

    return draw_row()


def _sourced_fields(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "document": draw(documents()),
        "provenance": draw(st.sampled_from(Provenance)),
        "note": draw(optional(NAMES)),
    }


def event_categories() -> st.SearchStrategy[EventCategory]:
    """Draw the classification of a recorded competition (any tier, a class or none)."""

    @st.composite
    def draw_category(draw: st.DrawFn) -> EventCategory:
        return EventCategory(
            tier=draw(st.sampled_from(CompetitionTier)),
            competition_class=draw(optional(st.sampled_from(CompetitionClass))),
            **_sourced_fields(draw),
        )

    return draw_category()


def event_trades() -> st.SearchStrategy[EventTrade]:
    """Draw the events (赛项) of a recorded competition, with or without an occupation."""

    @st.composite
    def draw_trade(draw: st.DrawFn) -> EventTrade:
        return EventTrade(
            name=draw(NAMES),
            occupation=draw(optional(occupation_entries())),
            **_sourced_fields(draw),
        )

    return draw_trade()


def event_datings() -> st.SearchStrategy[EventDating]:
    """Draw event dating: one to four years in 2000-2030, days only in those years.

    Inferred dating is unverified and has a note.
    """

    @st.composite
    def draw_dating(draw: st.DrawFn) -> EventDating:
        years = tuple(
            sorted(
                draw(
                    st.lists(
                        st.integers(2000, 2030), min_size=1, max_size=4, unique=True
                    )
                )
            )
        )
        first = draw(optional(st.dates(date(years[0], 1, 1), date(years[0], 12, 31))))
        low = first if first is not None and len(years) == 1 else date(years[-1], 1, 1)
        last = draw(optional(st.dates(low, date(years[-1], 12, 31))))
        inferred = draw(st.booleans())
        fields = _sourced_fields(draw)
        if inferred:
            fields["provenance"] = Provenance.UNVERIFIED
            fields["note"] = draw(NAMES)
        return EventDating(
            years=years, first_day=first, last_day=last, inferred=inferred, **fields
        )

    return draw_dating()


def event_figures() -> st.SearchStrategy[EventFigure]:
    """Draw figures about an event (exact counts or lower bounds)."""

    @st.composite
    def draw_figure(draw: st.DrawFn) -> EventFigure:
        return EventFigure(
            kind=draw(st.sampled_from(EventFigureKind)),
            value=draw(st.integers(0, 1000)),
            at_least=draw(st.booleans()),
            **_sourced_fields(draw),
        )

    return draw_figure()


def event_entries() -> st.SearchStrategy[EventEntry]:
    """Draw events-catalog rows; only a competition has a classification and events."""

    @st.composite
    def draw_row(draw: st.DrawFn) -> EventEntry:
        kind = draw(st.sampled_from(EventKind))
        competition = kind is EventKind.COMPETITION
        return EventEntry(
            key=draw(IDS),
            kind=kind,
            role=draw(st.sampled_from(EventRole)),
            place=draw(optional(NAMES)),
            category=draw(optional(event_categories())) if competition else None,
            trades=tuple(draw(st.lists(event_trades(), max_size=2)))
            if competition
            else (),
            dating=draw(optional(event_datings())),
            figures=tuple(
                draw(st.lists(event_figures(), max_size=2, unique_by=lambda f: f.kind))
            ),
            **_row_fields(draw, None),
        )

    return draw_row()


def honour_titles() -> st.SearchStrategy[HonourTitle]:
    """Draw honour-title rows."""

    @st.composite
    def draw_row(draw: st.DrawFn) -> HonourTitle:
        return HonourTitle(
            key=draw(IDS),
            level=draw(st.sampled_from(CompetitionTier)),
            issuer=draw(optional(NAMES)),
            **_row_fields(draw, None),
        )

    return draw_row()


def industry_clusters() -> st.SearchStrategy[IndustryCluster]:
    """Draw industry-cluster rows."""

    @st.composite
    def draw_row(draw: st.DrawFn) -> IndustryCluster:
        return IndustryCluster(
            key=draw(IDS),
            kind=draw(st.sampled_from(ClusterKind)),
            **_row_fields(draw, None),
        )

    return draw_row()


def occupation_entries(
    *, statuses: "st.SearchStrategy[OccupationStatus] | None" = None
) -> st.SearchStrategy[Occupation]:
    """Draw occupation rows; the key is the code, or the name for a row without one.

    A confirmed row has a code, an unresolved one none.

    Args:
        statuses: The rows' statuses; any if None.

    Raises:
        hypothesis.errors.InvalidArgument: *statuses* is not a strategy.
    """
    check_strategy("statuses", statuses)

    @st.composite
    def draw_row(draw: st.DrawFn) -> Occupation:
        status = draw(either(statuses, st.sampled_from(OccupationStatus)))
        if status is OccupationStatus.CONFIRMED:
            code: OccupationCode | None = draw(occupation_codes())
        elif status is OccupationStatus.UNRESOLVED:
            code = None
        else:
            code = draw(optional(occupation_codes()))
        fields = _row_fields(draw, None)
        return Occupation(
            key=code.code if code is not None else fields["zh"],
            status=status,
            code=code,
            digital=draw(FLAGS),
            green=draw(FLAGS),
            former_names=tuple(draw(st.lists(NAMES, max_size=2))),
            aliases=tuple(draw(st.lists(NAMES, max_size=2))),
            candidates=tuple(draw(st.lists(occupation_codes(detail=True), max_size=2)))
            if code is None
            else (),
            **fields,
        )

    return draw_row()


def project_occupations() -> st.SearchStrategy[ProjectOccupation]:
    """Draw the occupations a 三项工程 project lists, with their sources."""
    return st.builds(
        ProjectOccupation,
        occupation=occupation_entries(),
        document=documents(),
        provenance=st.sampled_from(Provenance),
        note=optional(NAMES),
    )


def scope_entries() -> st.SearchStrategy[ScopeEntry]:
    """Draw reward-scope rows (an occupation, a certificate kind, or both)."""

    @st.composite
    def draw_row(draw: st.DrawFn) -> ScopeEntry:
        occupation = draw(optional(occupation_codes()))
        return ScopeEntry(
            key=occupation.code if occupation is not None else draw(IDS),
            occupation=occupation,
            certificate_kind=draw(optional(st.sampled_from(CertificateKind))),
            **_row_fields(draw, None),
        )

    return draw_row()


def skill_level_entries() -> st.SearchStrategy[SkillLevelEntry]:
    """Draw skill-ladder rows; the key is the level's value."""

    @st.composite
    def draw_row(draw: st.DrawFn) -> SkillLevelEntry:
        level = draw(st.sampled_from(SkillLevel))
        return SkillLevelEntry(key=level.value, level=level, **_row_fields(draw, None))

    return draw_row()


def three_project_entries() -> st.SearchStrategy[ThreeProjectEntry]:
    """Draw 三项工程 rows; the key is the project's value."""

    @st.composite
    def draw_row(draw: st.DrawFn) -> ThreeProjectEntry:
        project = draw(st.sampled_from(ThreeProject))
        return ThreeProjectEntry(
            key=project.value,
            project=project,
            members=tuple(draw(st.lists(project_occupations(), max_size=2))),
            partial=draw(st.booleans()),
            **_row_fields(draw, None),
        )

    return draw_row()


def _catalog_fields(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "name": draw(IDS),
        "edition": draw(st.from_regex(r"20[0-9]{2}", fullmatch=True)),
        "title": draw(NAMES),
        "title_en": draw(NAMES),
        "document": draw(documents()),
        "provenance": draw(st.sampled_from(Provenance)),
        "complete": draw(st.booleans()),
        "year": draw(optional(st.integers(1949, 2100))),
        "note": draw(optional(NAMES)),
        "source": None,
    }


def catalogs(
    *, rows: "st.SearchStrategy[CatalogRow] | None" = None
) -> st.SearchStrategy[Catalog[Any]]:
    """Draw catalog editions of up to five rows with distinct keys (built in code).

    Args:
        rows: The rows; plain catalog rows if None.

    Raises:
        hypothesis.errors.InvalidArgument: *rows* is not a strategy.
    """
    check_strategy("rows", rows)
    drawn = either(rows, catalog_rows())

    @st.composite
    def draw_catalog(draw: st.DrawFn) -> Catalog[Any]:
        found = tuple(draw(st.lists(drawn, max_size=5, unique_by=lambda r: r.key)))
        return Catalog(rows=found, **_catalog_fields(draw))

    return draw_catalog()


def occupation_catalogs() -> st.SearchStrategy[OccupationCatalog]:
    """Draw occupation-catalog editions of up to five rows with distinct keys."""

    @st.composite
    def draw_catalog(draw: st.DrawFn) -> OccupationCatalog:
        found = tuple(
            draw(st.lists(occupation_entries(), max_size=5, unique_by=lambda r: r.key))
        )
        return OccupationCatalog(rows=found, **_catalog_fields(draw))

    return draw_catalog()


def reward_scopes() -> st.SearchStrategy[RewardScope]:
    """Draw reward-scope editions of up to five rows with distinct keys."""

    @st.composite
    def draw_scope(draw: st.DrawFn) -> RewardScope:
        found = tuple(
            draw(st.lists(scope_entries(), max_size=5, unique_by=lambda r: r.key))
        )
        return RewardScope(
            rows=found,
            stated_size=draw(optional(st.integers(0, 1000))),
            stated_size_is_minimum=draw(st.booleans()),
            **_catalog_fields(draw),
        )

    return draw_scope()
