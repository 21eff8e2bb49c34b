"""Cases of a rule that reach the outcome asked for, built from recipes.

A :class:`CaseRecipe` says, for one rule, how to draw the facts of an eligible case
under a policy on a day (reading the thresholds in force, so the facts sit at or
near them) and, for each deciding condition, how to change those facts so that the
condition fails.  :func:`cases` turns a recipe into a strategy of
:class:`~skillchain.comparison.Case` values:

* ``outcome="eligible"``: an eligible case as the recipe draws it;
* ``outcome="ineligible"``: an eligible case with one condition broken (its check
  id is in the case's name; pin it with ``failing=``);
* ``outcome="undetermined"``: an eligible case with one fact the rule reads made
  unknown (the fact's path is in the case's name);
* ``outcome=None``: each of the three, about a third of the time.

Nothing is filtered: every case is built to reach its outcome, and the strategy
decides it once to make sure.  A case that does not come out as built is a
disagreement between the recipe and the rule, reported at once with the decision.
"""

import inspect
import threading
import types
import typing

from collections.abc import Callable, Iterable, Mapping
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Final, Literal, TypeAlias, TypeVar

import attrs

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from skillchain import Outcome, Policy, PolicySnapshot
from skillchain._remedies import with_fact
from skillchain.comparison import Case, evaluate
from skillchain.errors import UnknownRuleError
from skillchain.rules import Rule, get_rule


__all__ = [
    "OUTCOMES",
    "Breaker",
    "CaseRecipe",
    "Drawer",
    "Facts",
    "Setting",
    "WantedOutcome",
    "above",
    "at_least",
    "at_most",
    "below",
    "blank",
    "cases",
    "days_in_force",
    "recipe_for",
    "recipes",
    "register_recipe",
    "unregister_recipe",
]

N = TypeVar("N", int, Decimal, date)

WantedOutcome: TypeAlias = Literal["eligible", "ineligible", "undetermined"]
"""An outcome asked of :func:`cases`, by its value."""

OUTCOMES: Final[tuple[WantedOutcome, ...]] = ("eligible", "ineligible", "undetermined")
"""The three outcomes :func:`cases` can be asked for, in this order."""

_ANY_OUTCOME: Final = st.sampled_from(OUTCOMES)
_FIRST_DAY: Final = date(2019, 1, 1)
_LAST_DAY: Final = date(2030, 12, 31)


@attrs.frozen
class Setting:
    """What a recipe draws facts for: a policy and the evaluation day.

    Example:
        >>> from datetime import date
        >>> from skillchain import Policy
        >>> from skillchain.testing.strategies import Setting
        >>> setting = Setting(Policy.default(), date(2024, 6, 1))
        >>> setting.value("apprenticeship.contract_min_months")
        12
    """

    policy: Policy
    """The policy the case is meant to be decided under."""
    on: date
    """The evaluation day."""

    @property
    def snapshot(self) -> PolicySnapshot:
        """The policy resolved on :attr:`on`."""
        return self.policy.at(self.on)

    def value(self, name: str, *, day: date | None = None) -> Any:
        """The value of the parameter *name* (dotted) on :attr:`on` (or on *day*).

        ``None`` when no value is in force that day.  A condition that reads its
        figures on another day (a course's start, a training's end) is built with
        ``day=`` that day.

        Raises:
            KeyError: No parameter of that name is declared.
        """
        snapshot = self.snapshot if day is None else self.policy.at(day)
        return snapshot.get(name).value


Facts: TypeAlias = dict[str, Any]
"""The facts of a case: the rule function's keyword arguments but ``on`` and ``policy``."""
Drawer: TypeAlias = Callable[[st.DrawFn, Setting], Facts]
"""Draws the facts of an eligible case (the rule's arguments but ``on``/``policy``)."""
Breaker: TypeAlias = Callable[[st.DrawFn, Setting, Facts], Facts | None]
"""Changes an eligible case's facts so one condition fails (returns new facts), or
returns ``None`` when facts cannot make it fail under that setting (the figures in
force leave nothing to break)."""


@attrs.frozen(kw_only=True)
class CaseRecipe:
    """How to draw cases of one rule: an eligible case, and how to break each condition.

    Register it with :func:`register_recipe`; :func:`cases` then draws the rule's
    cases in every outcome.

    Example:
        A recipe for a made-up rule that pays when a count reaches a bound::

            CaseRecipe(
                rule="mydistrict.grant",
                eligible=lambda draw, setting: {
                    "trainees": draw(at_least(setting.value("mydistrict.min_trainees")))
                },
                breaks={
                    "mydistrict.trainees": lambda draw, setting, facts: {
                        **facts,
                        "trainees": draw(below(setting.value("mydistrict.min_trainees"))),
                    },
                },
            )
    """

    rule: str
    """The id of the rule the recipe draws cases of."""
    eligible: Drawer
    """Draws the facts of an eligible case under a :class:`Setting`."""
    breaks: Mapping[str, Breaker] = attrs.field(factory=dict)
    """For each check id, how to make an eligible case fail that condition."""
    needs: tuple[str, ...] | None = None
    """The parameters an eligible case needs a value of (``None``: every parameter
    of the rule's deciding conditions); the days drawn are those on which all of
    them have one."""
    unknowns: tuple[str, ...] | None = None
    """The fact paths that may be made unknown for an undetermined case (``None``:
    every fact a deciding condition declares)."""
    days: Callable[[Policy], "st.SearchStrategy[date]"] | None = None
    """The evaluation days to draw (``None``: :func:`days_in_force` of :attr:`needs`)."""
    lacking_figures: bool = False
    """Whether an undetermined case may also be an eligible case's facts decided on
    a day on which one of :attr:`needs` has no value (for a rule whose facts are
    never unknown, such as one that only counts the parts of a chain).  Use it only
    when the facts hold no dates the earlier day would contradict."""


_RECIPES: dict[str, CaseRecipe] = {}
_LOCK = threading.Lock()


def register_recipe(recipe: CaseRecipe, *, replace: bool = False) -> None:
    """Make :func:`cases` draw the cases of ``recipe.rule`` with *recipe*.

    Raises:
        hypothesis.errors.InvalidArgument: *recipe* is not a :class:`CaseRecipe`, or another recipe is
            registered for the same rule and *replace* is false.
    """
    given: object = recipe
    if not isinstance(given, CaseRecipe):
        msg = f"register_recipe() takes a CaseRecipe, got {type(given).__name__}"
        raise InvalidArgument(msg)
    with _LOCK:
        known = _RECIPES.get(recipe.rule)
        if known is not None and known is not recipe and not replace:
            msg = (
                f"a recipe for {recipe.rule!r} is already registered; "
                "pass replace=True to replace it"
            )
            raise InvalidArgument(msg)
        _RECIPES[recipe.rule] = recipe


def unregister_recipe(rule: str) -> CaseRecipe:
    """Forget the recipe for the rule *rule* and return it.

    Raises:
        KeyError: No recipe is registered for that rule.
    """
    with _LOCK:
        try:
            return _RECIPES.pop(rule)
        except KeyError:
            msg = f"no recipe is registered for {rule!r}"
            raise KeyError(msg) from None


def recipe_for(rule: Rule | str) -> CaseRecipe | None:
    """The recipe registered for *rule* (a rule or its id), or ``None``."""
    return _RECIPES.get(rule.id if isinstance(rule, Rule) else rule)


def recipes() -> tuple[CaseRecipe, ...]:
    """Every registered recipe, by rule id."""
    with _LOCK:
        return tuple(_RECIPES[key] for key in sorted(_RECIPES))


# --- values at thresholds -----------------------------------------------------------


def _step(bound: object) -> Any:
    if isinstance(bound, date):
        return timedelta(days=1)
    if isinstance(bound, Decimal):
        return Decimal(1).scaleb(-_places(bound))
    return 1


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


_CLUSTERED: dict[tuple[str, int, int, str], "st.SearchStrategy[Any]"] = {}


def _clustered(
    start: N, direction: int, spread: int, limit: N | None
) -> "st.SearchStrategy[N]":
    """*start*, one and two steps on, or anywhere up to *spread* steps (or *limit*).

    Strategies are kept by the bounds' reprs (``Decimal("1.0")`` and
    ``Decimal("1.00")`` are equal but step differently), so a recipe that asks for the
    same threshold on every draw builds its strategy once.
    """
    key = (repr(start), direction, spread, repr(limit))
    found = _CLUSTERED.get(key)
    if found is None:
        found = _build_clustered(start, direction, spread, limit)
        with _LOCK:
            if len(_CLUSTERED) >= 4096:
                _CLUSTERED.clear()
            _CLUSTERED[key] = found
    return found


def _build_clustered(
    start: N, direction: int, spread: int, limit: N | None
) -> "st.SearchStrategy[N]":
    step: Any = _step(start)
    far: Any = start + step * (direction * spread)
    if limit is not None:
        far = limit
    low, high = (start, far) if direction > 0 else (far, start)
    if high < low:
        msg = f"no value from {start} towards {limit}: the bounds are crossed"
        raise InvalidArgument(msg)
    near = []
    for k in (0, 1, 2):
        moved: Any = start + step * (direction * k)
        if low <= moved <= high and moved not in near:
            near.append(moved)
    anywhere: st.SearchStrategy[Any]
    if isinstance(start, date):
        anywhere = st.dates(low, high)
    elif isinstance(start, Decimal):
        anywhere = st.decimals(low, high, places=_places(start))
    else:
        anywhere = st.integers(low, high)
    return st.sampled_from(near) | anywhere


def at_least(
    bound: N, *, most: N | None = None, spread: int = 24
) -> "st.SearchStrategy[N]":
    """Values at or above *bound*, most often the bound itself or just above it.

    *bound* is an integer, a :class:`~decimal.Decimal` (steps of its last place) or
    a date (steps of a day); *most* caps the values drawn.

    Example:
        >>> from skillchain.testing.strategies import at_least
        >>> at_least(12, most=14).example() in (12, 13, 14)
        True
    """
    return _clustered(bound, 1, spread, most)


def above(
    bound: N, *, most: N | None = None, spread: int = 24
) -> "st.SearchStrategy[N]":
    """Values strictly above *bound*, most often one step above it."""
    return _clustered(bound + _step(bound), 1, spread, most)


def at_most(
    bound: N, *, least: N | None = None, spread: int = 24
) -> "st.SearchStrategy[N]":
    """Values at or below *bound*, most often the bound itself or just below it."""
    return _clustered(bound, -1, spread, least)


def below(
    bound: N, *, least: N | None = None, spread: int = 24
) -> "st.SearchStrategy[N]":
    """Values strictly below *bound*, most often one step below it."""
    return _clustered(bound - _step(bound), -1, spread, least)


# --- days on which the figures are in force -----------------------------------------


def _periods(policy: Policy, name: str) -> list[tuple[date, date]]:
    try:
        parameter = policy.parameters[name]
    except KeyError:
        return []
    spans = []
    for value in parameter.values:
        if value.value is None or value.period is None:
            continue
        start = value.period.start
        end = value.period.end if value.period.end is not None else date.max
        spans.append((start, end))
    return sorted(spans)


def _intersect(
    left: list[tuple[date, date]], right: list[tuple[date, date]]
) -> list[tuple[date, date]]:
    found = []
    for a_start, a_end in left:
        for b_start, b_end in right:
            start, end = max(a_start, b_start), min(a_end, b_end)
            if start <= end:
                found.append((start, end))
    return sorted(found)


_IN_FORCE: dict[
    tuple[str, tuple[str, ...], date, date], tuple[tuple[date, date], ...]
] = {}


def _in_force(
    policy: Policy, names: Iterable[str], first: date, last: date
) -> tuple[tuple[date, date], ...]:
    wanted = tuple(sorted(set(names)))
    key = (policy.fingerprint, wanted, first, last)
    found = _IN_FORCE.get(key)
    if found is None:
        spans = [(first, last)]
        for name in wanted:
            spans = _intersect(spans, _periods(policy, name))
        found = tuple(spans)
        with _LOCK:
            if len(_IN_FORCE) > 1024:
                _IN_FORCE.clear()
            _IN_FORCE[key] = found
    return found


def days_in_force(
    policy: Policy,
    names: Iterable[str],
    *,
    first: date = _FIRST_DAY,
    last: date = _LAST_DAY,
) -> "st.SearchStrategy[date]":
    """Days from *first* to *last* on which every parameter in *names* has a value.

    The first and last days of each stretch (where a figure starts or ends) are
    drawn often, so a change of figures is crossed.

    Raises:
        hypothesis.errors.InvalidArgument: There is no such day; the message names the parameters
            without a value.
    """
    names = tuple(names)
    spans = _in_force(policy, names, first, last)
    if not spans:
        lacking = [n for n in names if not _in_force(policy, (n,), first, last)]
        msg = (
            f"no day from {first} to {last} on which {', '.join(sorted(lacking)) or 'these parameters'} "
            "all have a value under this policy; pass a policy that gives them "
            "(e.g. with the district's overlay)"
        )
        raise InvalidArgument(msg)
    edges = sorted({d for span in spans for d in span})
    anywhere = st.sampled_from(spans).flatmap(lambda span: st.dates(span[0], span[1]))
    return st.sampled_from(edges) | anywhere | anywhere


def _lacking_days(policy: Policy, names: tuple[str, ...]) -> "st.SearchStrategy[date]":
    """Days from 2019 to 2030 on which at least one of *names* has no value."""
    spans = _in_force(policy, names, _FIRST_DAY, _LAST_DAY)
    gaps: list[tuple[date, date]] = []
    start = _FIRST_DAY
    for first, last in spans:
        if first > start:
            gaps.append((start, first - timedelta(days=1)))
        start = max(start, last + timedelta(days=1)) if last < date.max else date.max
    if start <= _LAST_DAY:
        gaps.append((start, _LAST_DAY))
    if not gaps:
        msg = f"every figure of {', '.join(names)} has a value on every day to {_LAST_DAY}"
        raise InvalidArgument(msg)
    edges = sorted({d for gap in gaps for d in gap})
    return st.sampled_from(edges) | st.sampled_from(gaps).flatmap(
        lambda gap: st.dates(gap[0], gap[1])
    )


# --- unknown facts ------------------------------------------------------------------


def blank(facts: Mapping[str, Any], path: str) -> Facts | None:
    """A copy of *facts* with the fact at the dotted *path* unknown (``None``).

    A path names an argument, then attributes of records and positions in
    sequences, as decisions name missing facts (``history[1].occupation``).  Nested
    records are rebuilt with :func:`attrs.evolve`, sequences as tuples.  Returns
    ``None`` when the fact cannot be unknown (a record refuses ``None``, or the path
    leads nowhere).

    Example:
        >>> from skillchain.testing.strategies import blank
        >>> blank({"student": True, "apprentices": 3}, "student")
        {'student': None, 'apprentices': 3}
        >>> blank({"counts": (1, 2)}, "counts[1]")
        {'counts': (1, None)}
    """
    steps = _steps(path)
    if not steps or not isinstance(steps[0], str) or steps[0] not in facts:
        return None
    try:
        return with_fact(facts, path, None)
    except Exception:  # noqa: BLE001 - any refusal means "cannot be unknown"
        return None


def _steps(path: str) -> list[str | int]:
    steps: list[str | int] = []
    for part in path.split("."):
        name, _, indexes = part.partition("[")
        if name:
            steps.append(name)
        for index in indexes.split("[") if indexes else ():
            number = index.rstrip("]")
            if not number.isdigit():
                return []
            steps.append(int(number))
    return steps


# --- the strategy -------------------------------------------------------------------


def _deciding(rule: Rule) -> list[Any]:
    return [c for c in rule.conditions if not c.advisory]


def _needs(recipe: CaseRecipe, rule: Rule) -> tuple[str, ...]:
    if recipe.needs is not None:
        return recipe.needs
    return tuple(sorted({p for c in _deciding(rule) for p in c.parameters}))


def _unknowns(recipe: CaseRecipe, rule: Rule) -> tuple[str, ...]:
    if recipe.unknowns is not None:
        return recipe.unknowns
    seen: list[str] = []
    for condition in _deciding(rule):
        for path in condition.facts:
            if path not in seen and _may_be_unknown(rule.function, path):
                seen.append(path)
    return tuple(seen)


def _allows_none(hint: object) -> bool:
    if hint is None or hint is type(None):
        return True
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        return type(None) in typing.get_args(hint)
    return False


def _may_be_unknown(function: Callable[..., object], path: str) -> bool:
    """Whether the declared types let the fact at *path* be ``None``."""
    steps = _steps(path)
    if not steps:
        return False
    try:
        hint: object = typing.get_type_hints(function).get(str(steps[0]))
        for step in steps[1:]:
            if isinstance(step, int):
                args = [a for a in typing.get_args(hint) if a is not Ellipsis]
                sequence = next(
                    (a for a in (hint, *args) if typing.get_origin(a) in (tuple, list)),
                    None,
                )
                hint = typing.get_args(sequence)[0] if sequence is not None else None
                continue
            owner = next(
                (a for a in (*typing.get_args(hint), hint) if attrs.has(a)), None
            )
            if owner is None:
                return False
            hint = typing.get_type_hints(owner).get(step)
    except (NameError, TypeError, IndexError):
        return False
    return _allows_none(hint)


def _report(rule: Rule, wanted: str, decision: Any) -> str:
    return (
        f"the recipe for {rule.id} built a case to be {wanted}, but the rule decided "
        f"it {decision.outcome.value}:\n{decision.explain('en')}"
    )


def _decided(rule: Rule, policy: Policy, name: str, on: date, facts: Facts) -> Any:
    return evaluate(rule, policy, Case(name=name, on=on, facts=facts))


def _generic(rule: Rule) -> "st.SearchStrategy[Facts]":
    hints = typing.get_type_hints(rule.function)
    fields = {
        name: st.from_type(hints[name]) if name in hints else st.none()
        for name in inspect.signature(rule.function).parameters
        if name not in ("on", "policy")
    }
    return st.fixed_dictionaries(fields)


def cases(
    rule: Rule | str,
    *,
    policy: Policy | None = None,
    on: "date | st.SearchStrategy[date] | None" = None,
    outcome: "WantedOutcome | Outcome | None" = None,
    failing: str | None = None,
) -> "st.SearchStrategy[Case]":
    """Draw complete, consistent cases of *rule* that reach *outcome* under *policy*.

    Args:
        rule: A registered rule or its id.
        policy: The policy the cases are built for (the bundled policy if None).
        on: The evaluation day, or a strategy of days; if None, days on which every
            figure an eligible case needs is in force, often the first or last day
            of a figure.
        outcome: ``"eligible"``, ``"ineligible"``, ``"undetermined"`` (or the
            :class:`~skillchain.Outcome`), or None for each about a third of the
            time.
        failing: With ``outcome="ineligible"``, the check id of the condition the
            cases fail (any the recipe can break if None).

    The case's name says how it was built: ``"eligible"``,
    ``"ineligible: <check id>"`` or ``"undetermined: <fact path>"``.

    A rule with no registered recipe draws its arguments from their types
    (``st.from_type``) whatever their outcome; asking such a rule for an outcome is
    an error.

    Raises:
        hypothesis.errors.InvalidArgument: An unknown rule, outcome or check id; a rule without a
            recipe asked for an outcome; or a policy under which no case can be
            eligible (the message names the parameters without a value).
        AssertionError: (when drawing) a case built for an outcome was decided
            otherwise.

    Example:
        >>> from hypothesis import given, settings
        >>> from skillchain import Outcome, Policy
        >>> from skillchain.comparison import evaluate
        >>> from skillchain.testing.strategies import cases
        >>> @settings(max_examples=20)
        ... @given(cases("apprenticeship.settlement", outcome="eligible"))
        ... def test_settles(case):
        ...     decision = evaluate("apprenticeship.settlement", Policy.default(), case)
        ...     assert decision.outcome is Outcome.ELIGIBLE
        >>> test_settles()
    """
    try:
        found = rule if isinstance(rule, Rule) else get_rule(rule)
    except UnknownRuleError as unknown:
        raise InvalidArgument(str(unknown)) from None
    asked: object = outcome.value if isinstance(outcome, Outcome) else outcome
    if asked is not None and asked not in OUTCOMES:
        msg = f"outcome={outcome!r}; expected one of {', '.join(OUTCOMES)} or None"
        raise InvalidArgument(msg)
    wanted: WantedOutcome | None = asked
    if failing is not None and wanted != "ineligible":
        msg = "failing= names the condition of an ineligible case: pass outcome='ineligible'"
        raise InvalidArgument(msg)
    raw_policy: object = policy
    if raw_policy is not None and not isinstance(raw_policy, Policy):
        msg = f"policy={policy!r} must be a skillchain Policy or None"
        raise InvalidArgument(msg)
    used = Policy.default() if policy is None else policy
    recipe = recipe_for(found)
    if recipe is None:
        if wanted is not None:
            msg = (
                f"no recipe is registered for {found.id}: cases() can draw its facts "
                "only without an outcome; register a CaseRecipe to ask for one"
            )
            raise InvalidArgument(msg)
        days = _day_strategy(on, None)
        return st.builds(
            lambda facts, day: Case(name="drawn", on=day, facts=facts),
            _generic(found),
            days,
        )
    if failing is not None and failing not in recipe.breaks:
        known = ", ".join(sorted(recipe.breaks)) or "none"
        msg = f"the recipe for {found.id} cannot break {failing!r}; it breaks: {known}"
        raise InvalidArgument(msg)
    if wanted == "ineligible" and not recipe.breaks:
        msg = f"the recipe for {found.id} breaks no condition: it draws no ineligible case"
        raise InvalidArgument(msg)
    needs = _needs(recipe, found)
    unknowns = _unknowns(recipe, found)
    if wanted in (None, "undetermined") and not unknowns and not recipe.lacking_figures:
        msg = (
            f"{found.id}'s recipe names no fact that can be unknown (and does not "
            "allow lacking_figures): it draws no undetermined case"
        )
        raise InvalidArgument(msg)
    if on is None and recipe.days is not None:
        days = recipe.days(used)
    else:
        days = _day_strategy(on, (used, needs))
    chosen = _Chosen(
        rule=found,
        recipe=recipe,
        policy=used,
        days=days,
        wanted=wanted,
        failing=failing,
        unknowns=unknowns,
        needs=needs,
        lacking=_lacking_days(used, needs) if recipe.lacking_figures else None,
    )

    @st.composite
    def drawn_cases(draw: st.DrawFn) -> Case:
        return _draw_case(draw, chosen)

    return drawn_cases()


def _day_strategy(
    on: "date | st.SearchStrategy[date] | None",
    in_force: tuple[Policy, tuple[str, ...]] | None,
) -> "st.SearchStrategy[date]":
    if isinstance(on, st.SearchStrategy):
        return on
    if isinstance(on, date):
        return st.just(on)
    if on is not None:
        msg = f"on={on!r} must be a date, a strategy of dates or None"  # type: ignore[unreachable]
        raise InvalidArgument(msg)
    if in_force is None:
        return st.dates(_FIRST_DAY, _LAST_DAY)
    return days_in_force(*in_force)


@attrs.frozen(kw_only=True)
class _Chosen:
    rule: Rule
    recipe: CaseRecipe
    policy: Policy
    days: "st.SearchStrategy[date]"
    wanted: WantedOutcome | None
    failing: str | None
    unknowns: tuple[str, ...]
    needs: tuple[str, ...]
    lacking: "st.SearchStrategy[date] | None"


def _draw_case(draw: st.DrawFn, chosen: _Chosen) -> Case:
    rule, recipe, policy = chosen.rule, chosen.recipe, chosen.policy
    wanted, failing = chosen.wanted, chosen.failing
    outcome = wanted if wanted is not None else draw(_ANY_OUTCOME)
    on = draw(chosen.days)
    setting = Setting(policy, on)
    facts = recipe.eligible(draw, setting)
    if outcome == "eligible":
        decision = _decided(rule, policy, "eligible", on, facts)
        if decision.outcome is not Outcome.ELIGIBLE:
            raise AssertionError(_report(rule, "eligible", decision))
        return Case(name="eligible", on=on, facts=facts)
    if outcome == "ineligible":
        return _broken(
            draw,
            rule=rule,
            recipe=recipe,
            setting=setting,
            facts=facts,
            failing=failing,
        )
    return _unknown(draw, chosen, setting, facts)


def _rotated(items: tuple[str, ...], start: int) -> tuple[str, ...]:
    return items[start:] + items[:start]


def _broken(
    draw: st.DrawFn,
    *,
    rule: Rule,
    recipe: CaseRecipe,
    setting: Setting,
    facts: Facts,
    failing: str | None,
) -> Case:
    if failing is not None:
        order: tuple[str, ...] = (failing,)
    else:
        checks = tuple(recipe.breaks)
        order = _rotated(checks, draw(st.integers(0, len(checks) - 1)))
    last = None
    for check in order:
        changed = recipe.breaks[check](draw, setting, facts)
        if changed is None or changed is facts:
            continue
        name = f"ineligible: {check}"
        decision = _decided(rule, setting.policy, name, setting.on, changed)
        if decision.outcome is Outcome.INELIGIBLE and any(
            f.check == check for f in decision.failed
        ):
            return Case(name=name, on=setting.on, facts=changed)
        last = (check, decision)
    if last is None:
        raise AssertionError(
            f"the recipe for {rule.id} can break none of "
            f"{', '.join(order)} on {setting.on} under this policy"
        )
    check, decision = last
    raise AssertionError(
        f"the recipe for {rule.id} broke {check!r} but the rule decided the case "
        f"{decision.outcome.value} without failing it:\n{decision.explain('en')}"
    )


def _unknown(draw: st.DrawFn, chosen: _Chosen, setting: Setting, facts: Facts) -> Case:
    rule, paths = chosen.rule, chosen.unknowns
    order = _rotated(paths, draw(st.integers(0, len(paths) - 1))) if paths else ()
    for path in order:
        changed = blank(facts, path)
        if changed is None:
            continue
        name = f"undetermined: {path}"
        decision = _decided(rule, setting.policy, name, setting.on, changed)
        if decision.outcome is Outcome.UNDETERMINED:
            return Case(name=name, on=setting.on, facts=changed)
    if chosen.lacking is not None:
        day = draw(chosen.lacking)
        lacking = sorted(
            name
            for name in chosen.needs
            if setting.policy.at(day).get(name).value is None
        )
        name = f"undetermined: {', '.join(lacking)}"
        decision = _decided(rule, setting.policy, name, day, facts)
        if decision.outcome is Outcome.UNDETERMINED:
            return Case(name=name, on=day, facts=facts)
    raise AssertionError(
        f"the recipe for {rule.id} could make no fact unknown so that the case is "
        f"undetermined (tried {', '.join(order) or 'no fact'}"
        f"{' and a day without its figures' if chosen.lacking is not None else ''})"
    )
