"""The value kind of skill-level application standards.

A value is a list of standards, each a TOML table::

    [[parameters."levels.standards".values.value]]
    occupation = "4-10-01-06"   # omit for a template shared by many standards
    edition = "2019"
    document = "some-register-id"
    provenance = "secondary"    # default: unverified
    note = "what is unknown"
    routes = [
      { level = "elementary", years = 1 },
      { level = "elementary", apprenticeship = true },
      { level = "intermediate", certificate = "elementary", years = 4,
        counted_from = "certificate" },
    ]

A route's keys: ``level`` (required), ``certificate``, ``schooling`` (a list),
``title``, ``apprenticeship``, ``years``, ``counted_from``.  Levels are written as
:meth:`SkillLevel.parse <skillchain.SkillLevel.parse>` reads them.
"""

from collections.abc import Callable
from typing import Final, TypeVar

from skillchain._codes import OccupationCode
from skillchain._levels import SkillLevel
from skillchain._sources import Provenance
from skillchain._toml import shown
from skillchain.errors import InvalidValueError
from skillchain.model import (
    ApplicationRoute,
    ApplicationStandard,
    ProfessionalTitleLevel,
    Schooling,
    YearsCountedFrom,
)
from skillchain.policy.kinds import Kind, KindError, whole_number


__all__ = ["LEVEL_STANDARDS"]

_YEARS_MAX: Final = 100
"""The most years of experience a route may ask for."""

E = TypeVar("E", Schooling, YearsCountedFrom, ProfessionalTitleLevel, Provenance)

_STANDARD_KEYS: Final = frozenset(
    {"occupation", "edition", "document", "provenance", "note", "routes"}
)
_ROUTE_KEYS: Final = frozenset(
    {
        "level",
        "certificate",
        "schooling",
        "title",
        "apprenticeship",
        "years",
        "counted_from",
    }
)


def _member(cls: type[E], raw: object, where: str) -> E:
    for member in cls:
        if member.value == raw:
            return member
    allowed = ", ".join(str(m.value) for m in cls)
    msg = f"{where}: expected one of {allowed}, got {shown(raw)}"
    raise KindError(msg)


def _level(raw: object, where: str) -> SkillLevel:
    if not isinstance(raw, str):
        msg = f'{where}: expected a skill level name such as "intermediate", got {shown(raw)}'
        raise KindError(msg)
    try:
        return SkillLevel.parse(raw)
    except InvalidValueError as exc:
        msg = f"{where}: {exc.problem}; expected {exc.expected}"
        raise KindError(msg) from None


def _table(raw: object, keys: frozenset[str], where: str) -> dict[str, object]:
    if not isinstance(raw, dict):
        msg = f"{where}: expected a table, got {shown(raw)}"
        raise KindError(msg)
    table: dict[str, object] = raw
    unknown = sorted(set(table) - keys)
    if unknown:
        msg = f"{where}: unknown keys {shown(unknown)}; expected some of {sorted(keys)}"
        raise KindError(msg)
    return table


def _text(table: dict[str, object], key: str, where: str) -> str | None:
    raw = table.get(key)
    if raw is None:
        return None
    if not isinstance(raw, str) or not raw.strip():
        msg = f"{where}.{key}: expected a non-empty string, got {shown(raw)}"
        raise KindError(msg)
    return raw


def _optional(
    table: dict[str, object], key: str, read: Callable[[object, str], E], where: str
) -> E | None:
    raw = table.get(key)
    return None if raw is None else read(raw, f"{where}.{key}")


def _route(raw: object, where: str) -> ApplicationRoute:
    table = _table(raw, _ROUTE_KEYS, where)
    if "level" not in table:
        msg = f"{where}: missing key 'level'; expected the level the route leads to"
        raise KindError(msg)
    certificate = table.get("certificate")
    schooling_raw = table.get("schooling", [])
    if not isinstance(schooling_raw, list):
        msg = f"{where}.schooling: expected a list of diplomas, got {shown(schooling_raw)}"
        raise KindError(msg)
    schooling = frozenset(
        _member(Schooling, item, f"{where}.schooling") for item in schooling_raw
    )
    apprenticeship = table.get("apprenticeship", False)
    if not isinstance(apprenticeship, bool):
        msg = f"{where}.apprenticeship: expected true or false, got {shown(apprenticeship)}"
        raise KindError(msg)
    try:
        years = whole_number(
            table.get("years", 0), _YEARS_MAX, "a whole number of years"
        )
    except KindError as exc:
        raise KindError(f"{where}.years: {exc}") from None
    counted = table.get("counted_from", YearsCountedFrom.START.value)
    try:
        return ApplicationRoute(
            level=_level(table["level"], f"{where}.level"),
            certificate=None
            if certificate is None
            else _level(certificate, f"{where}.certificate"),
            schooling=schooling,
            title=_optional(
                table,
                "title",
                lambda value, at: _member(ProfessionalTitleLevel, value, at),
                where,
            ),
            apprenticeship=apprenticeship,
            years=years,
            counted_from=_member(YearsCountedFrom, counted, f"{where}.counted_from"),
        )
    except InvalidValueError as exc:
        msg = f"{where}: {exc.problem}; expected {exc.expected}"
        raise KindError(msg) from None


def _standard(raw: object, where: str) -> ApplicationStandard:
    table = _table(raw, _STANDARD_KEYS, where)
    edition = _text(table, "edition", where)
    document = _text(table, "document", where)
    if edition is None or document is None:
        msg = f"{where}: expected both 'edition' and 'document'"
        raise KindError(msg)
    occupation_raw = _text(table, "occupation", where)
    try:
        occupation = None if occupation_raw is None else OccupationCode(occupation_raw)
    except InvalidValueError as exc:
        msg = f"{where}.occupation: {exc.problem}; expected {exc.expected}"
        raise KindError(msg) from None
    routes_raw = table.get("routes")
    if not isinstance(routes_raw, list) or not routes_raw:
        msg = f"{where}.routes: expected a non-empty list of routes, got {shown(routes_raw)}"
        raise KindError(msg)
    provenance = _optional(
        table,
        "provenance",
        lambda value, at: _member(Provenance, value, at),
        where,
    )
    return ApplicationStandard(
        occupation=occupation,
        edition=edition,
        document=document,
        provenance=Provenance.UNVERIFIED if provenance is None else provenance,
        note=_text(table, "note", where),
        routes=tuple(
            _route(route, f"{where}.routes[{index}]")
            for index, route in enumerate(routes_raw)
        ),
    )


def _parse(raw: object) -> tuple[ApplicationStandard, ...]:
    if not isinstance(raw, list) or not raw:
        msg = f"expected a non-empty list of standards (tables), got {shown(raw)}"
        raise KindError(msg)
    standards = tuple(
        _standard(item, f"standard[{index}]") for index, item in enumerate(raw)
    )
    seen: set[tuple[OccupationCode | None, str]] = set()
    for index, standard in enumerate(standards):
        key = (standard.occupation, standard.edition)
        if key in seen:
            occupation = "any occupation" if key[0] is None else str(key[0])
            msg = (
                f"standard[{index}]: {occupation}, edition {key[1]!r} appears twice; "
                "expected one standard per occupation and edition"
            )
            raise KindError(msg)
        seen.add(key)
    return standards


def _dump_route(route: ApplicationRoute) -> dict[str, object]:
    out: dict[str, object] = {"level": route.level.value}
    if route.certificate is not None:
        out["certificate"] = route.certificate.value
    if route.schooling:
        out["schooling"] = sorted(item.value for item in route.schooling)
    if route.title is not None:
        out["title"] = route.title.value
    if route.apprenticeship:
        out["apprenticeship"] = True
    if route.years:
        out["years"] = route.years
    if route.counted_from is not YearsCountedFrom.START:
        out["counted_from"] = route.counted_from.value
    return out


def _dump(value: object) -> object:
    assert isinstance(value, tuple)  # noqa: S101 - internal invariant
    dumped: list[dict[str, object]] = []
    for standard in value:
        assert isinstance(standard, ApplicationStandard)  # noqa: S101 - invariant
        table: dict[str, object] = {}
        if standard.occupation is not None:
            table["occupation"] = str(standard.occupation)
        table["edition"] = standard.edition
        table["document"] = standard.document
        table["provenance"] = standard.provenance.value
        if standard.note is not None:
            table["note"] = standard.note
        table["routes"] = [_dump_route(route) for route in standard.routes]
        dumped.append(table)
    return dumped


LEVEL_STANDARDS: Final[Kind[tuple[ApplicationStandard, ...]]] = Kind(
    name="level_standards", parse=_parse, dump=_dump
)
"""A list of skill-level application standards (see the module docstring)."""
