"""A person's claims: the day a claim was made, and was a subsidy already claimed?

Shared by the subsidy rules (the annual cap, the skill-upgrade subsidy, the
unemployment-insurance skill subsidy), which each ask it with their own kinds and
their own comparison of levels.
"""

from collections.abc import Callable, Collection, Sequence
from datetime import date

from skillchain._codes import OccupationCode
from skillchain._levels import SkillLevel
from skillchain.errors import InvalidValueError
from skillchain.model import SubsidyClaim, SubsidyKind


__all__ = ["claim_day", "earlier_claim"]


def earlier_claim(
    history: Sequence[SubsidyClaim],
    kinds: Collection[SubsidyKind] | None,
    occupation: OccupationCode | None,
    level: SkillLevel | None,
    *,
    matches: Callable[[SkillLevel, SkillLevel], bool],
    path: str = "history",
) -> tuple[bool | None, tuple[str, ...]]:
    """Whether *history* holds a claim of *kinds* for *occupation* at a matching level.

    ``matches(past, level)`` says whether an earlier claim at level *past* stands in
    the way of one at *level*.  *kinds*, *occupation* and *level* may be ``None``
    (unknown): every earlier claim they leave possible is then looked at, so all the
    unknowns that matter are named, not just the first.

    Returns ``(True, ())`` when an earlier claim certainly stands in the way;
    ``(False, ())`` when none can; ``(None, names)`` when some could, *names* being
    the unknown fields of those claims (``history[2].level``): empty when only the
    caller's own unknowns (*kinds*, *occupation* or *level*) leave it open.
    """
    names: list[str] = []
    possible = False
    for index, past in enumerate(history):
        if kinds is not None and past.kind not in kinds:
            continue
        past_occupation, past_level = past.occupation, past.level
        if (
            occupation is not None
            and past_occupation is not None
            and past_occupation != occupation
        ):
            continue
        if (
            level is not None
            and past_level is not None
            and not matches(past_level, level)
        ):
            continue
        if (
            kinds is not None
            and occupation is not None
            and level is not None
            and past_occupation is not None
            and past_level is not None
        ):
            return True, ()
        possible = True
        if past_occupation is None:
            names.append(f"{path}[{index}].occupation")
        if past_level is None:
            names.append(f"{path}[{index}].level")
    return (None, tuple(names)) if possible else (False, ())


def claim_day(on: date, claimed_on: date | None) -> date:
    """The day a claim was made: *claimed_on*, or the evaluation day *on* if not given.

    Raises:
        InvalidValueError: *claimed_on* is after *on* (a claim cannot be decided
            before it is made).
    """
    if claimed_on is None:
        return on
    if claimed_on > on:
        raise InvalidValueError(
            field="claimed_on",
            problem=f"the claim is made on {claimed_on.isoformat()}, after the day "
            f"it is decided ({on.isoformat()})",
            expected="a claim day on or before the evaluation day",
        )
    return claimed_on
