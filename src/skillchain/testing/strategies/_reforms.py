"""Strategies of reforms: policies in which one parameter takes drawn values.

Every reform drawn is built with :meth:`Policy.with_values
<skillchain.Policy.with_values>`, so it is checked exactly as a reform written by
hand is, and valid by construction: nothing is filtered.  :func:`keyed_tables`
draws tables that keep every key of the base table, so a drawn replacement never
drops a key by accident.
"""

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, Final

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from skillchain import (
    DateRange,
    Document,
    DocumentLevel,
    Policy,
    Provenance,
    SkillLevel,
)
from skillchain.policy import Reform, Removal
from skillchain.policy.kinds import MONTHS_MAX
from skillchain.testing.strategies._base import (
    POLICY_FIRST,
    POLICY_LAST,
    check_bounds,
    check_strategy,
    dates_between,
)


__all__ = [
    "REFORM_DOCUMENT",
    "keyed_tables",
    "reform_builders",
    "reforms",
    "removals",
]


REFORM_DOCUMENT: Final = Document(
    id="strategies-reform",
    title="测试用虚构改革（由策略抽取）",
    title_en="A made-up reform drawn by a test strategy",
    issuers=("skillchain.testing.strategies",),
    level=DocumentLevel.INTERNAL,
    provenance=Provenance.UNVERIFIED,
    note="Made up: the values of a reform drawn by skillchain.testing.strategies.",
)
"""The document the values of every drawn reform cite (internal, unverified)."""


def _parameter_values(base: Policy, name: str) -> Sequence[Any]:
    try:
        return base.parameter(name).values
    except KeyError as exc:
        raise InvalidArgument(str(exc.args[0])) from None


def _runs(base: Policy, name: str) -> list[DateRange]:
    """The stretches of days on which *name* has a value, adjacent values joined."""
    runs: list[DateRange] = []
    for value in _parameter_values(base, name):
        period = value.period
        if period is None:
            continue
        last = runs[-1] if runs else None
        if (
            last is not None
            and last.end is not None
            and last.end.toordinal() + 1 == period.start.toordinal()
        ):
            runs[-1] = DateRange(last.start, period.end)
        else:
            runs.append(period)
    return runs


def _update_days(base: Policy, name: str) -> st.SearchStrategy[date]:
    """First days from which *name* has a value on every later day (2019-2030)."""
    runs = [run for run in _runs(base, name) if run.end is None]
    if not runs:
        msg = (
            f"{name} has no value in force on every day from some day on, so an "
            "open-ended update has no first day; pass since= and until="
        )
        raise InvalidArgument(msg)
    first = max(runs[-1].start, POLICY_FIRST)
    return dates_between(first, max(first, POLICY_LAST))


def reforms(
    base: Policy,
    name: str,
    values: st.SearchStrategy[object],
    *,
    since: st.SearchStrategy[date] | None = None,
    until: st.SearchStrategy[date | None] | None = None,
    update: bool = False,
) -> st.SearchStrategy[Policy]:
    """Draw *base* reformed: parameter *name* takes a value drawn from *values*.

    Each policy drawn is ``base.with_values(...)`` with one drawn value from a drawn
    day, citing ``REFORM_DOCUMENT``; its sources end with
    ``"reform of <name> from <day>"``.  With ``update=True`` the value drawn is a
    partial table laid into the base's keyed table (``update=``); otherwise it
    replaces the parameter's value (``replace=``), so a drawn table must keep every
    key of the base table in force: draw it with :func:`keyed_tables`.

    Args:
        base: The policy to reform.
        name: The dotted parameter name.
        values: The new values (raw TOML data or typed values, as
            :meth:`~skillchain.Policy.with_values` takes them).
        since: The first day of the new value; by default a day from 2019 to 2030
            (for an update, one from which the base has a value on every later day).
        until: The last day (inclusive), or ``None`` for no end; by default none.
            When the two days drawn are out of order the period runs from the
            earlier to the later.
        update: Whether the values are partial tables to merge into the base's.

    Raises:
        hypothesis.errors.InvalidArgument: *values*, *since* or *until* is not a
            strategy, *name* is no parameter of *base*, or (for an update without
            *since*) the base has no value in force on every day from some day on.

    Example:
        >>> from datetime import date
        >>> from hypothesis import given, settings
        >>> from skillchain import Policy, SkillLevel
        >>> from skillchain.testing.strategies import keyed_tables, reforms
        >>> base = Policy.default()
        >>> rates = keyed_tables(base, "apprenticeship.annual_subsidy", low=5000, high=8500)
        >>> @settings(max_examples=10)
        ... @given(reforms(base, "apprenticeship.annual_subsidy", rates))
        ... def test_rates_stay_in_the_band(reformed):
        ...     table = reformed.at(date(2030, 12, 31)).apprenticeship.annual_subsidy.value
        ...     assert set(table) >= {SkillLevel.INTERMEDIATE, SkillLevel.ADVANCED}
        ...     assert all(5000 <= amount <= 8500 for amount in table.values())
        >>> test_rates_stay_in_the_band()
    """
    check_strategy("values", values)
    check_strategy("since", since)
    check_strategy("until", until)
    given: object = values
    if not isinstance(given, st.SearchStrategy):
        msg = f"values={given!r} must be a Hypothesis strategy"
        raise InvalidArgument(msg)
    _parameter_values(base, name)
    first_days: st.SearchStrategy[date]
    if since is not None:
        first_days = since
    elif update and until is None:
        first_days = _update_days(base, name)
    else:
        first_days = dates_between(POLICY_FIRST, POLICY_LAST)
    last_days: st.SearchStrategy[date | None] = st.none() if until is None else until

    @st.composite
    def draw_reform(draw: st.DrawFn) -> Policy:
        first = draw(first_days)
        last = draw(last_days)
        if last is not None and last < first:
            first, last = last, first
        change: dict[str, Any] = {name: draw(values)}
        return base.with_values(
            document=REFORM_DOCUMENT,
            since=first,
            until=last,
            name=f"reform of {name} from {first.isoformat()}",
            replace=None if update else change,
            update=change if update else None,
        )

    return draw_reform()


def _keys(base: Policy, name: str, on: date | None) -> list[object]:
    """The keys of *name*'s table on *on*, or of every table it ever had."""
    tables: list[object]
    if on is not None:
        tables = [base.at(on).get(name).value]
    else:
        tables = [value.value for value in _parameter_values(base, name)]
    keys: list[object] = []
    for table in tables:
        if not isinstance(table, Mapping):
            continue
        keys.extend(key for key in table if key not in keys)
    if not keys:
        when = f"on {on}" if on is not None else "in any period"
        msg = f"{name} has no keyed table {when} in the base policy to draw keys from"
        raise InvalidArgument(msg)
    return keys


def _band(low: object, high: object) -> st.SearchStrategy[Any]:
    """Numbers from *low* to *high*, most often one of the two bounds."""
    if isinstance(low, bool) or isinstance(high, bool):
        msg = f"low={low!r} and high={high!r} must be numbers"
        raise InvalidArgument(msg)
    if isinstance(low, int) and isinstance(high, int):
        if low > high:
            msg = f"low={low} is above high={high}"
            raise InvalidArgument(msg)
        return st.sampled_from([low, high]) | st.integers(low, high)
    if not isinstance(low, (int, Decimal)) or not isinstance(high, (int, Decimal)):
        msg = f"low={low!r} and high={high!r} must be integers or Decimals"
        raise InvalidArgument(msg)
    least, most = Decimal(low), Decimal(high)
    if least > most or not least.is_finite() or not most.is_finite():
        msg = f"low={low} and high={high} must be finite, low at most high"
        raise InvalidArgument(msg)
    places = max(0, -int(least.as_tuple().exponent), -int(most.as_tuple().exponent))
    return st.sampled_from([least, most]) | st.decimals(
        least, most, places=places, allow_nan=False, allow_infinity=False
    )


def keyed_tables(
    base: Policy,
    name: str,
    values: st.SearchStrategy[object] | None = None,
    *,
    low: Decimal | int | None = None,
    high: Decimal | int | None = None,
    on: date | None = None,
    partial: bool = False,
) -> st.SearchStrategy[dict[object, object]]:
    """Draw tables for the keyed-table parameter *name* that keep the base's keys.

    Every key of the base table (on *on*; without it, every key any of the base's
    values has) is in every table drawn, so the table replaces the base's without
    dropping a key; with ``partial=True`` a non-empty part of them is drawn instead,
    for :meth:`~skillchain.Policy.with_values`' ``update=``.  Each key's value is
    drawn from *values*, or, for a band such as Guangdong's provincial rate band,
    between *low* and *high* (integers or Decimals, most often a bound itself).
    A nested table's rows are drawn whole from *values*.

    Args:
        base: The policy whose table's keys are kept.
        name: The dotted parameter name.
        values: The value of each key; or give *low* and *high*.
        low: The least value (with *high*, instead of *values*).
        high: The greatest value.
        on: The day whose table's keys are kept; every table's if None.
        partial: Draw a non-empty part of the keys instead of all of them.

    Raises:
        hypothesis.errors.InvalidArgument: Neither *values* nor both bounds, or both,
            are given; the bounds are reversed; or *name* has no keyed table in the
            base (on *on*).

    Example:
        >>> from datetime import date
        >>> from hypothesis import given, settings
        >>> from skillchain import Policy
        >>> from skillchain.testing.strategies import keyed_tables
        >>> band = Policy.default().at(date(2024, 6, 1)).apprenticeship
        >>> low, high = band.provincial_rate_min.value, band.provincial_rate_max.value
        >>> @settings(max_examples=10)
        ... @given(keyed_tables(Policy.default(), "apprenticeship.annual_subsidy",
        ...                     low=low, high=high))
        ... def test_every_level_is_kept_within_the_band(table):
        ...     assert [level.value for level in table] == [
        ...         "intermediate", "advanced", "technician"]
        ...     assert all(low <= amount <= high for amount in table.values())
        >>> test_every_level_is_kept_within_the_band()
    """
    check_strategy("values", values)
    if on is not None:
        check_bounds("on", on, on)
    bounded = low is not None or high is not None
    if (values is None) == (not bounded) or (bounded and (low is None or high is None)):
        msg = "give either values= or both low= and high="
        raise InvalidArgument(msg)
    each: st.SearchStrategy[Any] = values if values is not None else _band(low, high)
    keys = _keys(base, name, on)

    @st.composite
    def draw_table(draw: st.DrawFn) -> dict[object, object]:
        chosen = keys
        if partial:
            always = draw(st.integers(0, len(keys) - 1))
            chosen = [
                key
                for index, key in enumerate(keys)
                if index == always or draw(st.booleans())
            ]
        return {key: draw(each) for key in chosen}

    return draw_table()


_RATES: Final = "apprenticeship.annual_subsidy"
_LEVELS: Final = (SkillLevel.INTERMEDIATE, SkillLevel.ADVANCED, SkillLevel.TECHNICIAN)


_DOCUMENTS: Final[st.SearchStrategy[Document | str]] = st.sampled_from(
    (REFORM_DOCUMENT, "sz-2019-11")
)


@st.composite
def _builder(draw: st.DrawFn) -> Reform:
    since = draw(dates_between(date(2020, 1, 1), POLICY_LAST))
    until = draw(st.none() | dates_between(since, date(2031, 12, 31)))
    reform = Reform(
        document=draw(_DOCUMENTS),
        since=since,
        until=until,
        article=draw(st.none() | st.sampled_from(["第二条", "第三条"])),
        name=draw(st.none() | st.just("drawn reform")),
    )
    if draw(st.booleans()):
        reform = reform.replace(
            "apprenticeship.contract_min_months", draw(st.integers(0, MONTHS_MAX))
        )
    levels = draw(
        st.lists(st.sampled_from(_LEVELS), min_size=1, max_size=2, unique=True)
    )
    amounts = st.integers(0, 20_000).map(Decimal)
    reform = reform.update(_RATES, {level: draw(amounts) for level in levels})
    if draw(st.booleans()):
        rest = [level for level in _LEVELS if level not in levels]
        reform = reform.remove(_RATES, draw(st.sampled_from(rest)))
    return reform


def reform_builders() -> st.SearchStrategy[Reform]:
    """Draw :class:`~skillchain.policy.Reform` values that apply to the bundled policy.

    Each updates one or two apprenticeship rates (and perhaps removes another
    level's) and perhaps replaces the shortest contract, from a day from 2020 on,
    citing ``REFORM_DOCUMENT`` or a document of the bundled register.
    """
    return _builder()


@st.composite
def _removal(draw: st.DrawFn) -> Removal:
    policy = Policy.default()
    name = draw(
        st.sampled_from(
            sorted(
                name
                for name, parameter in policy.parameters.items()
                if any(isinstance(v.value, Mapping) for v in parameter.values)
            )
        )
    )
    values = [v for v in policy.parameter(name).values if isinstance(v.value, Mapping)]
    value = draw(st.sampled_from(values))
    assert isinstance(value.value, Mapping)  # noqa: S101 - keyed tables only
    keys = sorted(_key_text(key) for key in value.value)
    chosen = draw(st.lists(st.sampled_from(keys), min_size=1, unique=True))
    assert value.period is not None  # noqa: S101 - a policy's values have periods
    return Removal(name=name, period=value.period, keys=tuple((key,) for key in chosen))


def _key_text(key: object) -> str:
    """A table key as a policy file writes it (an enum member's value, else text)."""
    value = getattr(key, "value", key)
    return str(value)


def removals() -> st.SearchStrategy[Removal]:
    """Draw :class:`~skillchain.policy.Removal` values of the bundled keyed tables.

    Each names some keys of one value of a keyed table of the bundled policy, over
    that value's period.
    """
    return _removal()
