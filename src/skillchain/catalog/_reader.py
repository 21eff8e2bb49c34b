"""Reading catalog files: one TOML file per catalog edition, every problem collected.

A catalog file has a header (which catalog and edition it is, its titles, its
document, whether it is complete), an optional ``[documents]`` table in the format of
the document register, and a ``[rows]`` table with one sub-table per row, keyed by the
row's key.  The reader extends the data-file reader that policy files use, so
documents, strings, dates and provenance are checked exactly as in policy files, and
every problem is reported with its file and TOML path.
"""

import difflib
import enum
import re

from collections.abc import Callable, Mapping
from typing import Any, Final, TypeVar

import attrs

from skillchain._codes import DivisionCode, OccupationCode
from skillchain._identifiers import CreditCode
from skillchain._levels import SkillLevel
from skillchain._sources import Document, Provenance
from skillchain._toml import TomlReader, parse_toml, read_source, shown, toml_key
from skillchain.catalog._catalog import (
    Catalog,
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
from skillchain.errors import InvalidValueError, _Unreadable
from skillchain.model import (
    CarrierType,
    CertificateKind,
    CompetitionClass,
    CompetitionTier,
    ThreeProject,
)
from skillchain.policy.kinds import COUNT_MAX


__all__ = ["FORMAT", "SPECS", "Context", "Spec", "read_catalog"]

FORMAT: Final = 1
_YEAR_MAX: Final = 9999
"""The last calendar year a catalog's year may name."""
_HEADER_REQUIRED: Final = (
    "catalog",
    "edition",
    "title",
    "title_en",
    "document",
    "complete",
)
_HEADER_OPTIONAL: Final = ("format", "year", "provenance", "note", "documents", "rows")
_ROW_REQUIRED: Final = ("zh", "en")
_ROW_OPTIONAL: Final = ("document", "provenance", "note")
_MEMBER_OPTIONAL: Final = ("document", "provenance", "note")
_DIGITS: Final = re.compile(r"[0-9]+")

E = TypeVar("E", bound=enum.Enum)
T = TypeVar("T")


@attrs.frozen
class Common:
    """The fields every row has, already checked and resolved."""

    key: str
    zh: str
    en: str
    document: Document
    provenance: Provenance
    note: str | None

    def fields(self) -> dict[str, Any]:
        """The fields as keyword arguments for a row class."""
        return {
            "key": self.key,
            "zh": self.zh,
            "en": self.en,
            "document": self.document,
            "provenance": self.provenance,
            "note": self.note,
        }


@attrs.frozen
class Context:
    """What a file is read against: the document register and the occupations catalog."""

    register: Mapping[str, Document]
    occupations: Callable[[], OccupationCatalog]


RowParser = Callable[
    ["CatalogReader", Context, Common, Mapping[str, object], str], CatalogRow | None
]
HeaderParser = Callable[["CatalogReader", Mapping[str, object]], dict[str, Any]]
RowCheck = Callable[["CatalogReader", list[tuple[CatalogRow, str]]], None]


@attrs.frozen
class Spec:
    """How to read one catalog: its row keys, row parser and catalog class."""

    name: str
    row_required: tuple[str, ...]
    row_optional: tuple[str, ...]
    parse_row: RowParser
    catalog_class: type[Catalog[Any]] = Catalog
    header_optional: tuple[str, ...] = ()
    parse_header: HeaderParser | None = None
    check: RowCheck | None = None


class CatalogReader(TomlReader):
    """The data-file reader plus the field kinds catalogs need."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.register: dict[str, Document] = {}

    def problem(self, path: str, message: str) -> None:
        """Record a problem (top-level paths have no leading dot)."""
        super().problem(path.lstrip("."), message)

    def member(self, cls: type[E], raw: object, path: str, *, what: str) -> E | None:
        try:
            return cls(raw)
        except ValueError:
            allowed = ", ".join(str(m.value) for m in cls)
            self.problem(path, f"{what} must be one of {allowed}; got {shown(raw)}")
            return None

    def enum(
        self, table: Mapping[str, object], key: str, path: str, cls: type[E]
    ) -> E | None:
        value = table.get(key)
        if value is None:
            return None
        return self.member(cls, value, f"{path}.{key}", what="the value")

    def boolean(self, table: Mapping[str, object], key: str, path: str) -> bool | None:
        value = table.get(key)
        if value is None or isinstance(value, bool):
            return value
        self.problem(f"{path}.{key}", f"expected true or false, got {shown(value)}")
        return None

    def integer(
        self,
        table: Mapping[str, object],
        key: str,
        path: str,
        *,
        maximum: int = COUNT_MAX,
    ) -> int | None:
        value = table.get(key)
        if value is None:
            return None
        if (
            isinstance(value, bool)
            or not isinstance(value, int)
            or not 0 <= value <= maximum
        ):
            self.problem(
                f"{path}.{key}",
                f"expected a whole number from 0 to {maximum}, got {shown(value)}",
            )
            return None
        return value

    def build(self, path: str, factory: Callable[[], T]) -> T | None:
        """Call *factory*; a validation error becomes a problem at *path*."""
        try:
            return factory()
        except InvalidValueError as exc:
            self.problem(path, str(exc))
            return None

    def occupation_code(self, text: str, path: str) -> OccupationCode | None:
        return self.build(path, lambda: OccupationCode(text))

    def division_code(
        self, table: Mapping[str, object], key: str, path: str
    ) -> DivisionCode | None:
        text = self.string(table, key, path)
        if text is None:
            return None
        return self.build(f"{path}.{key}", lambda: DivisionCode(text))

    def cite(self, doc_id: str, path: str) -> Document | None:
        """The register document *doc_id*, or a problem naming the closest ids."""
        doc = self.register.get(doc_id)
        if doc is None:
            close = difflib.get_close_matches(doc_id, list(self.register), n=3)
            hint = f" (closest: {', '.join(map(repr, close))})" if close else ""
            self.problem(
                path,
                f"unknown document {shown(doc_id)}{hint}; register it in "
                "skillchain/policy/data/documents.toml or in a [documents] table "
                "of this file",
            )
        return doc

    # -- the file ----------------------------------------------------------------

    def read_catalog(self, spec: Spec, text: str, ctx: Context) -> Catalog[Any] | None:
        data, why = parse_toml(text)
        if data is None:
            self.problem("(file)", why)
            return None
        allowed = (*_HEADER_REQUIRED, *_HEADER_OPTIONAL, *spec.header_optional)
        for key in data:
            if key not in allowed:
                self.problem(
                    toml_key(key),
                    f"unknown key; allowed top-level keys are {', '.join(sorted(allowed))}",
                )
        for key in _HEADER_REQUIRED:
            if key not in data:
                self.problem(key, "required key is missing")
        fmt = data.get("format", FORMAT)
        if fmt != FORMAT:
            self.problem(
                "format", f"unsupported format {shown(fmt)}; expected {FORMAT}"
            )
        name = self.string(data, "catalog", "")
        if name is not None and name != spec.name:
            self.problem(
                "catalog",
                f"this is a {shown(name)} file; expected a {spec.name!r} file",
            )
        header: dict[str, Any] = {
            "name": spec.name,
            "edition": self.string(data, "edition", ""),
            "title": self.string(data, "title", ""),
            "title_en": self.string(data, "title_en", ""),
            "year": self.integer(data, "year", "", maximum=_YEAR_MAX),
            "note": self.string(data, "note", ""),
            "complete": self.boolean(data, "complete", ""),
            "source": self.name,
        }
        if spec.parse_header is not None:
            header.update(spec.parse_header(self, data))
        self.read_documents(data, ctx)
        doc_id = self.string(data, "document", "")
        document = self.cite(doc_id, "document") if doc_id is not None else None
        provenance = self.provenance(data, "")
        rows: list[tuple[CatalogRow, str]] = []
        section = self.section(data, "rows")
        if section is not None:
            for key, raw in section.items():
                path = f"rows.{toml_key(key)}"
                row = self.read_row(
                    spec=spec, ctx=ctx, key=key, raw=raw, path=path, default=document
                )
                if row is not None:
                    rows.append((row, path))
        if spec.check is not None:
            spec.check(self, rows)
        if self.problems or document is None:
            return None
        header |= {
            "document": document,
            "provenance": provenance or document.provenance,
            "rows": tuple(row for row, _ in rows),
        }
        return self.build("(file)", lambda: spec.catalog_class(**header))

    def read_documents(self, data: Mapping[str, object], ctx: Context) -> None:
        """The bundled register plus the file's own ``[documents]`` entries."""
        self.register = dict(ctx.register)
        section = self.section(data, "documents")
        if section is None:
            return
        for doc_id, raw in section.items():
            path = f"documents.{toml_key(doc_id)}"
            doc = self.document(doc_id, raw, path)
            if doc is None:
                continue
            known = self.register.get(doc_id)
            if known is not None and known != doc:
                self.problem(
                    path,
                    f"the register already has a different document {shown(doc_id)}; "
                    "give this document its own id",
                )
                continue
            self.register[doc_id] = doc

    def read_row(
        self,
        *,
        spec: Spec,
        ctx: Context,
        key: str,
        raw: object,
        path: str,
        default: Document | None,
    ) -> CatalogRow | None:
        table = self.table(
            raw,
            path,
            (*_ROW_REQUIRED, *spec.row_required),
            (*_ROW_OPTIONAL, *spec.row_optional),
        )
        if table is None:
            return None
        before = len(self.problems)
        common = self.common(key, table, path, default)
        if common is None:
            return None
        row = spec.parse_row(self, ctx, common, table, path)
        return row if len(self.problems) == before else None

    def common(
        self,
        key: str,
        table: Mapping[str, object],
        path: str,
        default: Document | None,
    ) -> Common | None:
        zh = self.string(table, "zh", path)
        en = self.string(table, "en", path)
        note = self.string(table, "note", path)
        doc_id = self.string(table, "document", path)
        document = self.cite(doc_id, f"{path}.document") if doc_id else default
        provenance = self.provenance(table, path)
        if zh is None or en is None or document is None:
            return None
        return Common(
            key=key,
            zh=zh,
            en=en,
            document=document,
            provenance=provenance or document.provenance,
            note=note,
        )


def read_catalog(spec: Spec, source: CatalogSource, ctx: Context) -> Catalog[Any]:
    """Read one catalog file.

    Raises:
        CatalogFileError: The file is unreadable or malformed; every problem found is
            listed with its file and TOML path.
    """
    try:
        name, text = read_source(source)
    except _Unreadable as exc:
        raise CatalogFileError([exc.problem]) from None
    reader = CatalogReader(name)
    catalog = reader.read_catalog(spec, text, ctx)
    if reader.problems or catalog is None:
        raise CatalogFileError(reader.problems)
    return catalog


# -- row parsers, one per catalog ----------------------------------------------------


def _occupation(
    r: CatalogReader, _ctx: Context, c: Common, t: Mapping[str, object], path: str
) -> Occupation | None:
    status = r.enum(t, "status", path, OccupationStatus)
    code: OccupationCode | None = None
    if c.key[:1].isdigit():
        code = r.occupation_code(c.key, path)
        if code is None:
            return None
    digital = r.boolean(t, "digital", path)
    green = r.boolean(t, "green", path)
    former = r.strings(t, "former_names", path)
    aliases = r.strings(t, "aliases", path)
    candidates = tuple(
        found
        for index, text in enumerate(r.strings(t, "candidates", path))
        if (found := r.occupation_code(text, f"{path}.candidates[{index}]"))
    )
    if status is None:
        return None
    return r.build(
        path,
        lambda: Occupation(
            **c.fields(),
            status=status,
            code=code,
            digital=digital,
            green=green,
            former_names=former,
            aliases=aliases,
            candidates=candidates,
        ),
    )


def _skill_level(
    r: CatalogReader, _ctx: Context, c: Common, _t: Mapping[str, object], path: str
) -> SkillLevelEntry | None:
    level = r.member(SkillLevel, c.key, path, what="the key")
    if level is None:
        return None
    return r.build(path, lambda: SkillLevelEntry(**c.fields(), level=level))


def _division(
    r: CatalogReader, _ctx: Context, c: Common, t: Mapping[str, object], path: str
) -> Division | None:
    kind = r.enum(t, "kind", path, DivisionKind)
    division_code = r.division_code(t, "division_code", path)
    parent = r.string(t, "parent", path)
    valid_from = r.day(t, "valid_from", path)
    valid_until = r.day(t, "valid_until", path)
    if kind is None:
        return None
    return r.build(
        path,
        lambda: Division(
            **c.fields(),
            kind=kind,
            code=c.key if _DIGITS.fullmatch(c.key) else None,
            division_code=division_code,
            parent=parent,
            valid_from=valid_from,
            valid_until=valid_until,
        ),
    )


def _check_parents(r: CatalogReader, rows: list[tuple[CatalogRow, str]]) -> None:
    keys = {row.key for row, _ in rows}
    for row, path in rows:
        if (
            isinstance(row, Division)
            and row.parent is not None
            and row.parent not in keys
        ):
            r.problem(f"{path}.parent", f"no row {shown(row.parent)} in this file")


def _cluster(
    r: CatalogReader, _ctx: Context, c: Common, t: Mapping[str, object], path: str
) -> IndustryCluster | None:
    kind = r.enum(t, "kind", path, ClusterKind)
    if kind is None:
        return None
    return r.build(path, lambda: IndustryCluster(**c.fields(), kind=kind))


def _project(
    r: CatalogReader, ctx: Context, c: Common, t: Mapping[str, object], path: str
) -> ThreeProjectEntry | None:
    project = r.member(ThreeProject, c.key, path, what="the key")
    partial = r.boolean(t, "partial", path)
    raw = t.get("occupations", [])
    if not isinstance(raw, list):
        r.problem(
            f"{path}.occupations",
            f"expected an array of tables ([[{path}.occupations]])",
        )
        raw = []
    members: list[ProjectOccupation] = []
    for index, item in enumerate(raw):
        member = _project_member(r, ctx, c, item, f"{path}.occupations[{index}]")
        if member is not None:
            members.append(member)
    if project is None:
        return None
    return r.build(
        path,
        lambda: ThreeProjectEntry(
            **c.fields(),
            project=project,
            members=tuple(members),
            partial=True if partial is None else partial,
        ),
    )


def _project_member(
    r: CatalogReader, ctx: Context, c: Common, raw: object, path: str
) -> ProjectOccupation | None:
    table = r.table(raw, path, ("occupation",), _MEMBER_OPTIONAL)
    if table is None:
        return None
    key = r.string(table, "occupation", path)
    occupation: Occupation | None = None
    if key is not None:
        try:
            occupation = ctx.occupations()[key]
        except CatalogKeyError as exc:
            r.problem(f"{path}.occupation", str(exc))
    doc_id = r.string(table, "document", path)
    document = r.cite(doc_id, f"{path}.document") if doc_id else c.document
    provenance = r.provenance(table, path)
    note = r.string(table, "note", path)
    if occupation is None or document is None:
        return None
    found = occupation
    return r.build(
        path,
        lambda: ProjectOccupation(
            occupation=found,
            document=document,
            provenance=provenance or document.provenance,
            note=note,
        ),
    )


def _honour(
    r: CatalogReader, _ctx: Context, c: Common, t: Mapping[str, object], path: str
) -> HonourTitle | None:
    level = r.enum(t, "level", path, CompetitionTier)
    issuer = r.string(t, "issuer", path)
    if level is None:
        return None
    return r.build(path, lambda: HonourTitle(**c.fields(), level=level, issuer=issuer))


def _competition(
    r: CatalogReader, _ctx: Context, c: Common, t: Mapping[str, object], path: str
) -> CompetitionCategory | None:
    tier_text, dash, class_text = c.key.partition("-")
    tier = r.member(CompetitionTier, tier_text, path, what="the tier in the key")
    klass = (
        r.member(CompetitionClass, class_text, path, what="the class in the key")
        if dash
        else None
    )
    meaning = r.string(t, "meaning", path)
    if tier is None or (dash and klass is None):
        return None
    return r.build(
        path,
        lambda: CompetitionCategory(
            **c.fields(), tier=tier, competition_class=klass, meaning=meaning
        ),
    )


def _carrier(
    r: CatalogReader, _ctx: Context, c: Common, _t: Mapping[str, object], path: str
) -> CarrierTypeEntry | None:
    carrier = r.member(CarrierType, c.key, path, what="the key")
    if carrier is None:
        return None
    return r.build(path, lambda: CarrierTypeEntry(**c.fields(), carrier_type=carrier))


def _chain_leader(
    r: CatalogReader, _ctx: Context, c: Common, t: Mapping[str, object], path: str
) -> ChainLeaderEntry | None:
    year = r.integer(t, "year", path, maximum=_YEAR_MAX)
    district = r.division_code(t, "district", path)
    listed_by = r.string(t, "listed_by", path)
    code_text = r.string(t, "credit_code", path)
    credit_code = (
        r.build(f"{path}.credit_code", lambda: CreditCode(code_text))
        if code_text is not None
        else None
    )
    if year is None or district is None:
        return None
    return r.build(
        path,
        lambda: ChainLeaderEntry(
            **c.fields(),
            year=year,
            district=district,
            listed_by=listed_by,
            credit_code=credit_code,
        ),
    )


def _sourced(
    r: CatalogReader, c: Common, table: Mapping[str, object], path: str
) -> tuple[Document | None, Provenance | None, str | None]:
    """A fact's own document (default: the row's), provenance and note."""
    doc_id = r.string(table, "document", path)
    document = r.cite(doc_id, f"{path}.document") if doc_id else c.document
    return document, r.provenance(table, path), r.string(table, "note", path)


def _array_of_tables(
    r: CatalogReader, t: Mapping[str, object], key: str, path: str
) -> list[tuple[object, str]]:
    raw = t.get(key, [])
    if not isinstance(raw, list):
        r.problem(f"{path}.{key}", f"expected an array of tables ([[{path}.{key}]])")
        return []
    return [(item, f"{path}.{key}[{index}]") for index, item in enumerate(raw)]


def _event_category(
    r: CatalogReader, c: Common, raw: object, path: str
) -> EventCategory | None:
    table = r.table(raw, path, ("tier",), ("class", *_MEMBER_OPTIONAL))
    if table is None:
        return None
    tier = r.enum(table, "tier", path, CompetitionTier)
    klass = r.enum(table, "class", path, CompetitionClass)
    document, provenance, note = _sourced(r, c, table, path)
    if tier is None or document is None:
        return None
    return r.build(
        path,
        lambda: EventCategory(
            tier=tier,
            competition_class=klass,
            document=document,
            provenance=provenance or document.provenance,
            note=note,
        ),
    )


def _event_trade(
    r: CatalogReader, ctx: Context, c: Common, raw: object, path: str
) -> EventTrade | None:
    table = r.table(raw, path, ("name",), ("occupation", *_MEMBER_OPTIONAL))
    if table is None:
        return None
    name = r.string(table, "name", path)
    key = r.string(table, "occupation", path)
    occupation: Occupation | None = None
    if key is not None:
        try:
            occupation = ctx.occupations()[key]
        except CatalogKeyError as exc:
            r.problem(f"{path}.occupation", str(exc))
            return None
    document, provenance, note = _sourced(r, c, table, path)
    if name is None or document is None:
        return None
    return r.build(
        path,
        lambda: EventTrade(
            name=name,
            occupation=occupation,
            document=document,
            provenance=provenance or document.provenance,
            note=note,
        ),
    )


def _event_dating(
    r: CatalogReader, c: Common, raw: object, path: str
) -> EventDating | None:
    table = r.table(
        raw, path, ("years",), ("first_day", "last_day", "inferred", *_MEMBER_OPTIONAL)
    )
    if table is None or "years" not in table:
        return None
    years: list[int] = []
    raw_years = table.get("years")
    if isinstance(raw_years, list):
        for index, value in enumerate(raw_years):
            if isinstance(value, bool) or not isinstance(value, int):
                r.problem(
                    f"{path}.years[{index}]",
                    f"expected a year as a whole number, got {shown(value)}",
                )
            else:
                years.append(value)
    elif raw_years is not None:
        r.problem(
            f"{path}.years", f"expected an array of years, got {shown(raw_years)}"
        )
    first_day = r.day(table, "first_day", path)
    last_day = r.day(table, "last_day", path)
    inferred = bool(r.boolean(table, "inferred", path))
    document, provenance, note = _sourced(r, c, table, path)
    if document is None:
        return None
    default = Provenance.UNVERIFIED if inferred else document.provenance
    return r.build(
        path,
        lambda: EventDating(
            years=tuple(years),
            first_day=first_day,
            last_day=last_day,
            inferred=inferred,
            document=document,
            provenance=provenance or default,
            note=note,
        ),
    )


def _event_figure(
    r: CatalogReader, c: Common, raw: object, path: str
) -> EventFigure | None:
    table = r.table(raw, path, ("kind", "value"), ("at_least", *_MEMBER_OPTIONAL))
    if table is None:
        return None
    kind = r.enum(table, "kind", path, EventFigureKind)
    value = r.integer(table, "value", path)
    at_least = bool(r.boolean(table, "at_least", path))
    document, provenance, note = _sourced(r, c, table, path)
    if kind is None or value is None or document is None:
        return None
    return r.build(
        path,
        lambda: EventFigure(
            kind=kind,
            value=value,
            at_least=at_least,
            document=document,
            provenance=provenance or document.provenance,
            note=note,
        ),
    )


def _event(
    r: CatalogReader, ctx: Context, c: Common, t: Mapping[str, object], path: str
) -> EventEntry | None:
    kind = r.enum(t, "kind", path, EventKind)
    role = r.enum(t, "role", path, EventRole)
    place = r.string(t, "place", path)
    category = (
        _event_category(r, c, t["category"], f"{path}.category")
        if "category" in t
        else None
    )
    dating = (
        _event_dating(r, c, t["dating"], f"{path}.dating") if "dating" in t else None
    )
    trades = [
        found
        for item, where in _array_of_tables(r, t, "trades", path)
        if (found := _event_trade(r, ctx, c, item, where)) is not None
    ]
    figures = [
        figure
        for item, where in _array_of_tables(r, t, "figures", path)
        if (figure := _event_figure(r, c, item, where)) is not None
    ]
    if kind is None or role is None:
        return None
    return r.build(
        path,
        lambda: EventEntry(
            **c.fields(),
            kind=kind,
            role=role,
            place=place,
            category=category,
            trades=tuple(trades),
            dating=dating,
            figures=tuple(figures),
        ),
    )


def _scope_entry(
    r: CatalogReader, _ctx: Context, c: Common, t: Mapping[str, object], path: str
) -> ScopeEntry | None:
    code_text = r.string(t, "occupation", path)
    occupation = (
        r.occupation_code(code_text, f"{path}.occupation")
        if code_text is not None
        else None
    )
    kind = r.enum(t, "certificate_kind", path, CertificateKind)
    return r.build(
        path,
        lambda: ScopeEntry(**c.fields(), occupation=occupation, certificate_kind=kind),
    )


def _scope_header(r: CatalogReader, data: Mapping[str, object]) -> dict[str, Any]:
    minimum = r.boolean(data, "stated_size_is_minimum", "")
    return {
        "stated_size": r.integer(data, "stated_size", ""),
        "stated_size_is_minimum": bool(minimum),
    }


SPECS: Final[Mapping[str, Spec]] = {
    spec.name: spec
    for spec in (
        Spec(
            name="occupations",
            row_required=("status",),
            row_optional=("digital", "green", "former_names", "aliases", "candidates"),
            parse_row=_occupation,
            catalog_class=OccupationCatalog,
        ),
        Spec(
            name="skill-ladder",
            row_required=(),
            row_optional=(),
            parse_row=_skill_level,
        ),
        Spec(
            name="divisions",
            row_required=("kind",),
            row_optional=("division_code", "parent", "valid_from", "valid_until"),
            parse_row=_division,
            check=_check_parents,
        ),
        Spec(
            name="industry-clusters",
            row_required=("kind",),
            row_optional=(),
            parse_row=_cluster,
        ),
        Spec(
            name="three-projects",
            row_required=(),
            row_optional=("occupations", "partial"),
            parse_row=_project,
        ),
        Spec(
            name="honours",
            row_required=("level",),
            row_optional=("issuer",),
            parse_row=_honour,
        ),
        Spec(
            name="competition-categories",
            row_required=(),
            row_optional=("meaning",),
            parse_row=_competition,
        ),
        Spec(
            name="carrier-types",
            row_required=(),
            row_optional=(),
            parse_row=_carrier,
        ),
        Spec(
            name="chain-leaders",
            row_required=("year", "district"),
            row_optional=("listed_by", "credit_code"),
            parse_row=_chain_leader,
        ),
        Spec(
            name="events",
            row_required=("kind", "role"),
            row_optional=("place", "category", "trades", "dating", "figures"),
            parse_row=_event,
        ),
        Spec(
            name="reward-scope",
            row_required=(),
            row_optional=("occupation", "certificate_kind"),
            parse_row=_scope_entry,
            catalog_class=RewardScope,
            header_optional=("stated_size", "stated_size_is_minimum"),
            parse_header=_scope_header,
        ),
    )
}
"""Every catalog the package reads, by name."""
