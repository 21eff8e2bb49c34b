"""Strategies of the bundled policy: snapshots, programmes, parameters, values."""

from datetime import date
from typing import Any, overload

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from skillchain import (
    Parameter,
    Policy,
    PolicySnapshot,
    Resolved,
)
from skillchain.policy import (
    GROUPS,
    Kind,
    ParameterSpec,
    Programme,
    specs,
)
from skillchain.policy import programmes as registered_programmes
from skillchain.testing.strategies._base import (
    NAMES,
    POLICY_FIRST,
    POLICY_LAST,
    T,
    check_strategy,
    either,
    optional,
)
from skillchain.testing.strategies._decisions import citations
from skillchain.testing.strategies._values import date_ranges


def policies() -> st.SearchStrategy[Policy]:
    """The bundled policy (:meth:`Policy.default <skillchain.Policy.default>`).

    A made-up policy would not be the library's; overlay your own on the drawn one
    (:meth:`~skillchain.Policy.overlay`) to test a reform.
    """
    return st.builds(Policy.default)


def policy_snapshots(
    *, on: "st.SearchStrategy[date] | None" = None
) -> st.SearchStrategy[PolicySnapshot]:
    """Draw snapshots of the bundled policy on days from 2019 to 2030.

    Args:
        on: The days; 2019-2030 if None.

    Raises:
        hypothesis.errors.InvalidArgument: *on* is not a strategy.
    """
    check_strategy("on", on)
    days = either(on, st.dates(POLICY_FIRST, POLICY_LAST))
    return days.map(lambda day: Policy.default().at(day))


def policy_programmes() -> st.SearchStrategy[Programme]:
    """Draw entries of the programme table (:func:`skillchain.policy.programmes`).

    The table as it stands when the strategy is made: the bundled programmes, and any
    registered with :func:`~skillchain.policy.register_programme` before.
    """
    return st.sampled_from(registered_programmes())


@overload
def parameter_groups(
    group: type[T], *, on: "st.SearchStrategy[date] | None" = None
) -> st.SearchStrategy[T]: ...


@overload
def parameter_groups(
    group: str, *, on: "st.SearchStrategy[date] | None" = None
) -> st.SearchStrategy[Any]: ...


def parameter_groups(
    group: type[Any] | str, *, on: "st.SearchStrategy[date] | None" = None
) -> st.SearchStrategy[Any]:
    """Draw one programme's parameters as they stand on a day, under the default policy.

    Works for every registered programme, bundled or added with
    :func:`~skillchain.policy.register_programme` (register it before drawing).

    Args:
        group: The programme's key (``"levels"``) or its parameter class
            (:class:`~skillchain.policy.LevelApplicationParameters`); with a class the
            strategy is typed as that class.
        on: The days; 2019-2030 if None.

    Raises:
        hypothesis.errors.InvalidArgument: *group* is no registered programme's key
            or parameter class, or *on* is not a strategy.

    Example:
        >>> from hypothesis import given
        >>> from skillchain.policy import ApprenticeshipParameters
        >>> from skillchain.testing.strategies import parameter_groups
        >>> @given(parameter_groups(ApprenticeshipParameters))
        ... def test_contracts(params):
        ...     assert params.contract_min_months.name == "apprenticeship.contract_min_months"
        >>> test_contracts()
    """
    check_strategy("on", on)
    if isinstance(group, str):
        key = group if group in GROUPS else None
    else:
        key = next((k for k, cls in GROUPS.items() if cls is group), None)
    if key is None:
        known = ", ".join(GROUPS)
        msg = (
            f"group={group!r} is no registered programme's key or parameter class; "
            f"the programmes are {known}"
        )
        raise InvalidArgument(msg)
    return policy_snapshots(on=on).map(lambda snapshot: snapshot.group(key))


def parameters() -> st.SearchStrategy[Parameter]:
    """Draw the bundled policy's parameters."""
    return st.sampled_from(sorted(Policy.default().parameters)).map(
        lambda name: Policy.default().parameters[name]
    )


def parameter_specs() -> st.SearchStrategy[ParameterSpec]:
    """Draw the declared parameter specifications (name, kind, unit, snapshot field)."""
    return st.sampled_from(sorted(specs())).map(lambda name: specs()[name])


def parameter_kinds() -> st.SearchStrategy[Kind[object]]:
    """Draw the parameter kinds the declared specifications use."""
    return parameter_specs().map(lambda spec: spec.kind)


def resolved_values(
    *, values: "st.SearchStrategy[T] | None" = None
) -> st.SearchStrategy[Resolved[Any]]:
    """Draw resolved parameter values.

    Without *values*, the dated values of the bundled policy.  With *values*, a
    value drawn from it under a drawn name, period and citation (the provenance is
    the cited document's), or, sometimes, no value in force (everything ``None``).

    Args:
        values: The values to wrap; the bundled policy's own if None.

    Raises:
        hypothesis.errors.InvalidArgument: *values* is not a strategy.
    """
    check_strategy("values", values)
    if values is None:
        return st.deferred(
            lambda: st.sampled_from(
                [v for p in Policy.default().parameters.values() for v in p.values]
            )
        )
    wrapped = values

    @st.composite
    def draw_resolved(draw: st.DrawFn) -> Resolved[Any]:
        name = draw(st.from_regex(r"[a-z_]{1,12}\.[a-z_]{1,16}", fullmatch=True))
        if draw(st.integers(0, 4)) == 0:
            return Resolved(name=name, value=None)
        citation = draw(citations())
        return Resolved(
            name=name,
            value=draw(wrapped),
            period=draw(date_ranges(min_value=POLICY_FIRST, max_value=POLICY_LAST)),
            citation=citation,
            provenance=citation.document.provenance,
            note=draw(optional(NAMES)),
        )

    return draw_resolved()
