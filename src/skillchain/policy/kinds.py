"""Value kinds: how a raw TOML value becomes a typed parameter value.

Every parameter is declared with a kind and a unit
(:func:`skillchain.policy.parameter`); the kind reads the value a policy file gives
(refusing one it cannot hold with a :class:`~skillchain.errors.KindError` that says
what was expected) and writes it back as plain JSON data for the fingerprint and for
display.  The kinds here are the ones the bundled programmes use; a district that
adds its own programme declares its parameters with them, or with a :class:`Kind` of
its own.

Example:
    >>> from skillchain.policy.kinds import MONEY, MONTHS, enum_set_kind
    >>> from skillchain.model import HireKind
    >>> MONEY.parse("5500"), MONTHS.parse(12)
    (Decimal('5500'), 12)
    >>> sorted(enum_set_kind(HireKind).dump(frozenset({HireKind.NEW_HIRE})))
    ['new_hire']
    >>> MONTHS.parse(1201)
    Traceback (most recent call last):
    ...
    skillchain.errors.KindError: expected a whole number of months from 0 to 1200, got 1201
"""

import enum
import re

from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Final, Generic, TypeVar

import attrs

from skillchain._codes import DivisionCode, OccupationCode
from skillchain._levels import SkillLevel
from skillchain._money import Rounding, RoundingMode, yuan
from skillchain._redact import shorten
from skillchain._toml import shown
from skillchain.errors import InvalidValueError, KindError
from skillchain.model import CompetitionAward


__all__ = [
    "COUNT",
    "COUNT_MAX",
    "COUNT_TIERS",
    "DAY",
    "DIVISION",
    "KEYS",
    "KEYS_BY_KEY",
    "LEVEL",
    "LEVEL_BY_KEY",
    "MONEY",
    "MONEY_BY_KEY",
    "MONEY_BY_LEVEL",
    "MONEY_BY_OCCUPATION_LEVEL",
    "MONEY_DECIMALS",
    "MONEY_DIGITS",
    "MONTHS",
    "MONTHS_MAX",
    "OCCUPATIONS",
    "PROMOTION_TABLES",
    "RATIO",
    "RATIO_DECIMALS",
    "ROUNDING",
    "YEARS",
    "YEARS_MAX",
    "Kind",
    "KindError",
    "PromotionTable",
    "enum_by_city_kind",
    "enum_kind",
    "enum_set_kind",
    "whole_number",
]

T_co = TypeVar("T_co", covariant=True)


@attrs.frozen
class Kind(Generic[T_co]):
    """A parameter value kind: its name, and how to read and write a raw TOML value."""

    name: str
    """A short name used in messages, e.g. ``"money"``."""
    parse: Callable[[object], T_co]
    """Turn a raw TOML value into the typed value; raises ``KindError`` (a ``ValueError``)."""
    dump: Callable[[object], object]
    """Turn a typed value into plain JSON data (for fingerprints and display)."""


MONTHS_MAX: Final = 1200
"""The most months a months value may be (a hundred years)."""
YEARS_MAX: Final = 150
"""The most years a years value (an age, a span of years) may be."""
COUNT_MAX: Final = 1_000_000_000
"""The largest count (persons, claims, places, square metres ...)."""
MONEY_DIGITS: Final = 12
"""The most digits an amount in yuan may have before the decimal point."""
MONEY_DECIMALS: Final = 4
"""The most digits an amount in yuan may have after the decimal point."""
RATIO_DECIMALS: Final = 6
"""The most digits a ratio may have after the decimal point."""
# ASCII digits only ([0-9] never matches other scripts' digits).
_NUMERAL: Final = re.compile(r"(-?)([0-9]+)(?:\.([0-9]+))?")


def whole_number(raw: object, maximum: int, what: str = "a whole number") -> int:
    """*raw* if it is a TOML integer from 0 to *maximum*; else a :class:`~skillchain.errors.KindError`."""
    if isinstance(raw, bool) or not isinstance(raw, int) or not 0 <= raw <= maximum:
        msg = f"expected {what} from 0 to {maximum}, got {shown(raw)}"
        raise KindError(msg)
    return raw


def _decimal(
    raw: object, what: str, example: str, digits: int, decimals: int
) -> Decimal:
    """A plain decimal numeral (or integer) of at most *digits*.*decimals* digits."""
    if isinstance(raw, (bool, float)):
        msg = f"expected {what} written as a string or an integer ({example}), got {shown(raw)}"
        raise KindError(msg)
    if isinstance(raw, int):
        if -(10**digits) < raw < 10**digits:
            return Decimal(raw)
    elif isinstance(raw, str):
        found = _NUMERAL.fullmatch(raw) if len(raw) <= digits + decimals + 2 else None
        if (
            found is not None
            and len(found.group(2)) <= digits
            and len(found.group(3) or "") <= decimals
        ):
            return Decimal(raw)
    msg = (
        f"expected {what} written as a string or an integer ({example}): a plain "
        f"decimal numeral of at most {digits} digits before the point and "
        f"{decimals} after, without exponent, spaces or separators; got {shown(raw)}"
    )
    raise KindError(msg)


def _money(raw: object) -> Decimal:
    value = _decimal(
        raw, "an amount in yuan", 'e.g. "5500"', MONEY_DIGITS, MONEY_DECIMALS
    )
    if value < 0:
        msg = f"expected a non-negative amount in yuan, got {shown(raw)}"
        raise KindError(msg)
    return yuan(value)


def _ratio(raw: object) -> Decimal:
    value = _decimal(raw, "a ratio between 0 and 1", 'e.g. "0.30"', 1, RATIO_DECIMALS)
    if not Decimal(0) <= value <= Decimal(1):
        msg = f'expected a ratio between 0 and 1 (e.g. "0.30"), got {shown(raw)}'
        raise KindError(msg)
    return value


def _months(raw: object) -> int:
    return whole_number(raw, MONTHS_MAX, "a whole number of months")


def _years(raw: object) -> int:
    return whole_number(raw, YEARS_MAX, "a whole number of years")


def _count(raw: object) -> int:
    return whole_number(raw, COUNT_MAX)


def _level(raw: object) -> SkillLevel:
    if not isinstance(raw, str):
        msg = f'expected a skill level name such as "intermediate" or "中级工", got {shown(raw)}'
        raise KindError(msg)
    try:
        return SkillLevel.parse(raw)
    except InvalidValueError as exc:
        raise KindError(f"{exc.problem}; expected {exc.expected}") from None


def _money_by_level(raw: object) -> Mapping[SkillLevel, Decimal]:
    if not isinstance(raw, dict) or not raw:
        msg = (
            'expected a table of skill level to amount, e.g. { intermediate = "5500" }'
        )
        raise KindError(msg)
    table: dict[SkillLevel, Decimal] = {}
    for key, amount in raw.items():
        level = _level(key)
        if level in table:
            msg = f"skill level {level.value!r} appears twice"
            raise KindError(msg)
        try:
            table[level] = _money(amount)
        except KindError as exc:
            raise KindError(f"{shorten(key)}: {exc}") from None
    return dict(sorted(table.items(), key=lambda kv: kv[0].rank))


_ROUNDING_KEYS: Final = frozenset({"quantum", "mode"})


def _rounding(raw: object) -> Rounding:
    if not isinstance(raw, dict) or set(raw) != _ROUNDING_KEYS:
        msg = 'expected a table { quantum = "0.01", mode = "half_up" }'
        raise KindError(msg)
    modes = ", ".join(m.value for m in RoundingMode)
    try:
        mode = RoundingMode(raw["mode"])
    except ValueError:
        msg = f"mode: expected one of {modes}, got {shown(raw['mode'])}"
        raise KindError(msg) from None
    quantum = _decimal(
        raw["quantum"],
        "a quantum",
        'e.g. "1" or "0.01"',
        MONEY_DIGITS,
        MONEY_DECIMALS,
    )
    try:
        return Rounding(quantum=quantum, mode=mode)
    except InvalidValueError as exc:
        raise KindError(f"quantum: {exc.problem}; expected {exc.expected}") from None


def _dump_scalar(value: object) -> object:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, SkillLevel):
        return value.value
    return value


def _dump_by_level(value: object) -> object:
    assert isinstance(value, Mapping)  # noqa: S101 - internal invariant
    return {k.value: str(v) for k, v in value.items()}


def _dump_rounding(value: object) -> object:
    assert isinstance(value, Rounding)  # noqa: S101 - internal invariant
    return {"quantum": str(value.quantum), "mode": value.mode.value}


MONEY: Final[Kind[Decimal]] = Kind(name="money", parse=_money, dump=_dump_scalar)
"""An amount in yuan (a string or integer in TOML; never a float): a plain decimal
numeral of at most 12 digits before the point and 4 after."""
RATIO: Final[Kind[Decimal]] = Kind(name="ratio", parse=_ratio, dump=_dump_scalar)
"""A share between 0 and 1 with at most 6 decimals, e.g. ``"0.40"``."""
MONTHS: Final[Kind[int]] = Kind(name="months", parse=_months, dump=_dump_scalar)
"""A whole number of calendar months, from 0 to 1200."""
YEARS: Final[Kind[int]] = Kind(name="years", parse=_years, dump=_dump_scalar)
"""A whole number of years (an age, a span of years), from 0 to 150."""
COUNT: Final[Kind[int]] = Kind(name="count", parse=_count, dump=_dump_scalar)
"""A whole number of persons, claims, videos, ..., from 0 to 1 000 000 000."""
LEVEL: Final[Kind[SkillLevel]] = Kind(name="level", parse=_level, dump=_dump_scalar)
"""A rung of the skill ladder."""
MONEY_BY_LEVEL: Final[Kind[Mapping[SkillLevel, Decimal]]] = Kind(
    name="money by level", parse=_money_by_level, dump=_dump_by_level
)
"""A table from skill level to an amount in yuan."""
ROUNDING: Final[Kind[Rounding]] = Kind(
    name="rounding", parse=_rounding, dump=_dump_rounding
)
"""How amounts are rounded: a quantum and a rounding mode."""


E = TypeVar("E", bound=enum.Enum)
V = TypeVar("V")


def enum_kind(cls: type[E]) -> Kind[E]:
    """A kind whose values are members of the enum *cls*, written by value."""
    allowed = ", ".join(str(m.value) for m in cls)

    def parse(raw: object) -> E:
        for member in cls:
            if member.value == raw:
                return member
        msg = f"expected one of {allowed}, got {shown(raw)}"
        raise KindError(msg)

    def dump(value: object) -> object:
        assert isinstance(value, cls)  # noqa: S101 - internal invariant
        return value.value

    return Kind(name=cls.__name__, parse=parse, dump=dump)


def enum_set_kind(cls: type[E]) -> Kind[frozenset[E]]:
    """A kind whose values are sets of members of *cls*, written as a list of values."""
    member = enum_kind(cls)

    def parse(raw: object) -> frozenset[E]:
        if not isinstance(raw, list):
            msg = f"expected a list of {cls.__name__} values, got {shown(raw)}"
            raise KindError(msg)
        items = [member.parse(item) for item in raw]
        if len(set(items)) != len(items):
            msg = f"a value appears twice in {shown(raw)}"
            raise KindError(msg)
        return frozenset(items)

    def dump(value: object) -> object:
        assert isinstance(value, frozenset)  # noqa: S101 - internal invariant
        return sorted(str(item.value) for item in value)

    return Kind(name=f"set of {cls.__name__}", parse=parse, dump=dump)


def _division(raw: object) -> DivisionCode:
    if not isinstance(raw, str):
        msg = f'expected a 6-digit division code in quotes such as "440300", got {shown(raw)}'
        raise KindError(msg)
    try:
        return DivisionCode(raw)
    except InvalidValueError as exc:
        raise KindError(f"{exc.problem}; expected {exc.expected}") from None


def _occupation(raw: object) -> OccupationCode:
    if not isinstance(raw, str):
        msg = f'expected an occupation code such as "4-10-01-05", got {shown(raw)}'
        raise KindError(msg)
    try:
        return OccupationCode(raw)
    except InvalidValueError as exc:
        raise KindError(f"{exc.problem}; expected {exc.expected}") from None


def _occupations(raw: object) -> frozenset[OccupationCode]:
    if not isinstance(raw, list):
        msg = f'expected a list of occupation codes such as ["4-10-01-05"], got {shown(raw)}'
        raise KindError(msg)
    codes = [_occupation(item) for item in raw]
    if len(set(codes)) != len(codes):
        msg = "an occupation code appears twice"
        raise KindError(msg)
    return frozenset(codes)


def _money_by_occupation_level(
    raw: object,
) -> Mapping[OccupationCode, Mapping[SkillLevel, Decimal]]:
    if not isinstance(raw, dict):
        msg = 'expected a table of occupation code to { level = "amount" } tables'
        raise KindError(msg)
    table: dict[OccupationCode, Mapping[SkillLevel, Decimal]] = {}
    for key, row in raw.items():
        try:
            table[_occupation(key)] = _money_by_level(row)
        except KindError as exc:
            raise KindError(f"{shorten(key)}: {exc}") from None
    return table


def _dump_division(value: object) -> object:
    return str(value)


def _dump_occupations(value: object) -> object:
    assert isinstance(value, frozenset)  # noqa: S101 - internal invariant
    return sorted(str(code) for code in value)


def _dump_by_occupation_level(value: object) -> object:
    assert isinstance(value, Mapping)  # noqa: S101 - internal invariant
    return {
        str(code): _dump_by_level(row) for code, row in sorted(value.items(), key=str)
    }


DIVISION: Final[Kind[DivisionCode]] = Kind(
    name="division", parse=_division, dump=_dump_division
)
"""An administrative division code (a region such as 440300 for Shenzhen)."""
OCCUPATIONS: Final[Kind[frozenset[OccupationCode]]] = Kind(
    name="occupations", parse=_occupations, dump=_dump_occupations
)
"""A set of occupation codes (a directory or scope list)."""
MONEY_BY_OCCUPATION_LEVEL: Final[
    Kind[Mapping[OccupationCode, Mapping[SkillLevel, Decimal]]]
] = Kind(
    name="money by occupation and level",
    parse=_money_by_occupation_level,
    dump=_dump_by_occupation_level,
)
"""A catalogue: occupation code to a table of skill level to an amount in yuan."""


# --- enum by city ---
def enum_by_city_kind(cls: type[E]) -> Kind[Mapping[DivisionCode, E]]:
    """A kind whose values map city (prefecture-level) division codes to *cls* members.

    Written as a TOML table of quoted 6-digit codes, e.g.
    ``{ "440300" = "filing", "440100" = "approval_with_commitment" }``.
    """
    member = enum_kind(cls)

    def parse(raw: object) -> Mapping[DivisionCode, E]:
        if not isinstance(raw, dict) or not raw:
            msg = (
                f"expected a table of city division code to {cls.__name__} value, "
                f'e.g. {{ "440300" = ... }}, got {shown(raw)}'
            )
            raise KindError(msg)
        table: dict[DivisionCode, E] = {}
        for key, item in raw.items():
            city = _division(key)
            if city.level != "prefecture":
                msg = f"{shorten(key)}: expected a city (prefecture-level) code such as 440300"
                raise KindError(msg)
            try:
                table[city] = member.parse(item)
            except KindError as exc:
                raise KindError(f"{shorten(key)}: {exc}") from None
        return dict(sorted(table.items(), key=lambda kv: str(kv[0])))

    def dump(value: object) -> object:
        assert isinstance(value, Mapping)  # noqa: S101 - internal invariant
        return {str(code): member.dump(item) for code, item in value.items()}

    return Kind(name=f"{cls.__name__} by city", parse=parse, dump=dump)


# --- count tiers ---
_DIGITS: Final = re.compile(r"[0-9]+")


def _count_tiers(raw: object) -> Mapping[int, int]:
    if not isinstance(raw, dict) or not raw:
        msg = (
            "expected a table of least count to a whole number, written with quoted "
            'keys, e.g. { "50" = 8, "25" = 4 }'
        )
        raise KindError(msg)
    table: dict[int, int] = {}
    most = len(str(COUNT_MAX))
    for key, count in raw.items():
        least = int(key) if _DIGITS.fullmatch(key) and len(key) <= most else -1
        if not 0 <= least <= COUNT_MAX:
            msg = (
                f"{shown(key)}: expected a key that is a whole number from 0 to "
                f"{COUNT_MAX}, written in ASCII digits"
            )
            raise KindError(msg)
        try:
            table[least] = _count(count)
        except KindError as exc:
            raise KindError(f"{shorten(key)}: {exc}") from None
    return dict(sorted(table.items(), reverse=True))


def _dump_count_tiers(value: object) -> object:
    assert isinstance(value, Mapping)  # noqa: S101 - internal invariant
    return {str(least): count for least, count in value.items()}


COUNT_TIERS: Final[Kind[Mapping[int, int]]] = Kind(
    name="count tiers", parse=_count_tiers, dump=_dump_count_tiers
)
"""Tiers of a count: the least count of each tier to a whole number, largest tier
first (e.g. the least number of finalists to the places a contest confers)."""


# --- craftsman kinds ---
_award: Final = enum_kind(CompetitionAward)


def _keys(raw: object) -> frozenset[str]:
    if not isinstance(raw, list) or not all(
        isinstance(item, str) and item.strip() for item in raw
    ):
        msg = f'expected a list of keys such as ["national-technical-expert"], got {shown(raw)}'
        raise KindError(msg)
    if len(set(raw)) != len(raw):
        msg = f"a key appears twice in {shown(raw)}"
        raise KindError(msg)
    return frozenset(raw)


def _dump_keys(value: object) -> object:
    assert isinstance(value, frozenset)  # noqa: S101 - internal invariant
    return sorted(str(item) for item in value)


KEYS: Final[Kind[frozenset[str]]] = Kind(name="keys", parse=_keys, dump=_dump_keys)
"""A set of catalog keys (e.g. honour keys of ``skillchain.catalog.honours``)."""

PromotionTable = Mapping[
    str, Mapping[CompetitionAward, tuple[SkillLevel, SkillLevel | None]]
]
"""Competition name -> award value -> (level granted, level for those already at it)."""


def _promotion_row(raw: object) -> tuple[SkillLevel, SkillLevel | None]:
    if not isinstance(raw, list) or len(raw) not in {1, 2}:
        msg = (
            'expected ["technician"] or ["technician", "senior_technician"] (the level '
            f"granted, then the level for those already at it), got {shown(raw)}"
        )
        raise KindError(msg)
    granted = _level(raw[0])
    step = _level(raw[1]) if len(raw) == 2 else None
    if step is not None and step.rank <= granted.rank:
        msg = f"the second level {step.value!r} must be above {granted.value!r}"
        raise KindError(msg)
    return (granted, step)


def _promotion_tables(raw: object) -> PromotionTable:
    if not isinstance(raw, dict) or not raw:
        msg = (
            "expected a table of competition name to { award = [level, level] } tables"
        )
        raise KindError(msg)
    tables: dict[str, Mapping[CompetitionAward, tuple[SkillLevel, SkillLevel | None]]]
    tables = {}
    for name, rows in raw.items():
        if not isinstance(rows, dict) or not rows:
            msg = f"{shorten(name)}: expected a table of award to levels, got {shown(rows)}"
            raise KindError(msg)
        table: dict[CompetitionAward, tuple[SkillLevel, SkillLevel | None]] = {}
        for award, row in rows.items():
            try:
                table[_award.parse(award)] = _promotion_row(row)
            except KindError as exc:
                raise KindError(f"{shorten(name)}.{shorten(award)}: {exc}") from None
        tables[name] = table
    return tables


def _dump_promotion_tables(value: object) -> object:
    assert isinstance(value, Mapping)  # noqa: S101 - internal invariant
    return {
        name: {
            award.value: [level.value for level in row if level is not None]
            for award, row in rows.items()
        }
        for name, rows in sorted(value.items())
    }


PROMOTION_TABLES: Final[Kind[PromotionTable]] = Kind(
    name="promotion tables",
    parse=_promotion_tables,
    dump=_dump_promotion_tables,
)
"""Per competition (by its name), the award -> level promotions of its notice."""


# --- keys ---
def _money_key(raw: object) -> str:
    if not isinstance(raw, str) or not raw.strip() or raw != raw.strip():
        msg = f"expected a key without surrounding spaces, got {shown(raw)}"
        raise KindError(msg)
    return raw


def _by_key(raw: object, parse: Callable[[object], V], example: str) -> dict[str, V]:
    """A non-empty table from a key (no surrounding spaces) to *parse*'d values."""
    if not isinstance(raw, dict) or not raw:
        raise KindError(f"expected a table of {example}")
    table: dict[str, V] = {}
    for key, value in raw.items():
        try:
            table[_money_key(key)] = parse(value)
        except KindError as exc:
            raise KindError(f"{shorten(key)}: {exc}") from None
    return dict(sorted(table.items()))


def _money_by_key(raw: object) -> Mapping[str, Decimal]:
    return _by_key(raw, _money, 'key to amount, e.g. { some-honour = "50000" }')


def _dump_by_key(value: object) -> object:
    assert isinstance(value, Mapping)  # noqa: S101 - internal invariant
    return {str(k): str(v) for k, v in value.items()}


MONEY_BY_KEY: Final[Kind[Mapping[str, Decimal]]] = Kind(
    name="money by key", parse=_money_by_key, dump=_dump_by_key
)
"""A table from a key (e.g. an honour's catalog key) to an amount in yuan."""


# --- days, levels by key, keys by key ---
def _day(raw: object) -> date:
    if isinstance(raw, datetime) or not isinstance(raw, date):
        msg = f"expected a date written as a TOML date such as 2016-09-01, got {shown(raw)}"
        raise KindError(msg)
    return raw


def _dump_day(value: object) -> object:
    assert isinstance(value, date)  # noqa: S101 - internal invariant
    return value.isoformat()


DAY: Final[Kind[date]] = Kind(name="day", parse=_day, dump=_dump_day)
"""A calendar day (a TOML date, e.g. ``2016-09-01``): a date floor or a deadline."""


def _level_by_key(raw: object) -> Mapping[str, SkillLevel]:
    return _by_key(
        raw,
        _level,
        "key to skill level, written with quoted keys, e.g. "
        '{ "4-10-01-05" = "senior_technician" }',
    )


def _dump_level_by_key(value: object) -> object:
    assert isinstance(value, Mapping)  # noqa: S101 - internal invariant
    return {str(k): v.value for k, v in value.items()}


LEVEL_BY_KEY: Final[Kind[Mapping[str, SkillLevel]]] = Kind(
    name="level by key", parse=_level_by_key, dump=_dump_level_by_key
)
"""A table from a key (an occupation code or a qualification name) to a skill level."""


def _keys_by_key(raw: object) -> Mapping[str, frozenset[str]]:
    return _by_key(
        raw, _keys, 'key to a list of keys, e.g. { 注册会计师 = ["accounting_firm"] }'
    )


def _dump_keys_by_key(value: object) -> object:
    assert isinstance(value, Mapping)  # noqa: S101 - internal invariant
    return {str(k): sorted(v) for k, v in value.items()}


KEYS_BY_KEY: Final[Kind[Mapping[str, frozenset[str]]]] = Kind(
    name="keys by key", parse=_keys_by_key, dump=_dump_keys_by_key
)
"""A table from a key (e.g. a qualification name) to a set of keys (e.g. sectors)."""
