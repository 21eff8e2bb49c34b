"""Recipes of the rules of the subsidy cap across claims (补贴限额).

The pieces the skill-upgrade and unemployment-insurance recipes share with this one
live here too: the day a claim is made, a claim history that stands in the way of
nothing (with earlier claims close to the new one: the same occupation at another
level, another occupation at the same level, as many claims this year as the
limits allow), and the changes to a history that make one limit fail.
"""

import random

from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import Final, TypeAlias

import attrs

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from skillchain import OccupationCode, SkillLevel
from skillchain.model import Certificate, SubsidyClaim, SubsidyKind
from skillchain.rules import ANNUAL_CAP_RULE, Rule
from skillchain.testing.strategies._cases import Breaker, CaseRecipe, Facts, Setting
from skillchain.testing.strategies._draws import filler


__all__ = [
    "CAP",
    "GRADES",
    "KINDS",
    "OCCUPATIONS",
    "RECIPES",
    "HistoryChange",
    "HistoryLimits",
    "cap_limits",
    "certificate_breaker",
    "certificate_claim",
    "claimed_setting",
    "drawn_claim_day",
    "over_exclusive",
    "over_per_kind",
    "over_per_level",
    "over_total",
    "parameters_of",
    "quiet_history",
    "sorted_kinds",
]

HistoryChange: TypeAlias = Callable[
    [st.DrawFn, Setting, SubsidyClaim, tuple[SubsidyClaim, ...]],
    tuple[SubsidyClaim, ...],
]
"""Changes a claim history so that a new claim fails one limit (returns the new one)."""

_UI: Final = SubsidyKind.UNEMPLOYMENT_INSURANCE_SKILL
_LIVING: Final = SubsidyKind.LIVING_ALLOWANCE
_CAPPED: Final = "subsidy.capped_kinds"
_EXCLUSIVE: Final = "subsidy.ui_exclusive_kinds"
_PER_KIND: Final = "subsidy.claims_per_kind_per_year"
_TOTAL: Final = "subsidy.claims_per_year_total"

OCCUPATIONS: Final[tuple[OccupationCode, ...]] = tuple(
    OccupationCode(code)
    for code in (
        "6-18-02-04",
        "6-31-01-03",
        "4-02-07-08",
        "4-03-02-01",
        "6-29-01-01",
        "4-10-01-05",
    )
)
"""The occupations earlier claims are drawn for (焊工, 电工, a courier code, ...)."""

GRADES: Final[tuple[SkillLevel, ...]] = (
    SkillLevel.ELEMENTARY,
    SkillLevel.INTERMEDIATE,
    SkillLevel.ADVANCED,
    SkillLevel.TECHNICIAN,
    SkillLevel.SENIOR_TECHNICIAN,
)
"""The five national skill grades (五级 … 一级), the levels claims are made for."""

KINDS: Final[tuple[SubsidyKind, ...]] = tuple(SubsidyKind)
"""Every kind of subsidy a claim history records, in declaration order."""


_MODE: Final = st.integers(0, 3)
_BACK: Final = st.integers(1, 120)
_FEW: Final = st.integers(0, 3)


def sorted_kinds(kinds: Iterable[SubsidyKind]) -> list[SubsidyKind]:
    """*kinds* in declaration order (a set's own order changes from run to run)."""
    wanted = set(kinds)
    return [kind for kind in KINDS if kind in wanted]


def parameters_of(rule: Rule) -> tuple[str, ...]:
    """The parameters *rule*'s deciding conditions read, sorted."""
    return tuple(
        sorted({p for c in rule.conditions if not c.advisory for p in c.parameters})
    )


# --- the day a claim is made --------------------------------------------------------


def drawn_claim_day(
    draw: st.DrawFn, setting: Setting, needs: tuple[str, ...]
) -> tuple[date | None, Setting]:
    """Draw the ``claimed_on`` fact of a claim decided on ``setting.on``.

    Returns the fact and the :class:`Setting` of the day the claim is made, whose
    figures the rules read.  The fact is ``None`` (made the day it is decided), the
    evaluation day itself, or a day up to 120 days earlier; an earlier day on which
    one of *needs* has no value is replaced by the evaluation day.
    """
    how = draw(_MODE)
    if how == 0:
        return None, setting
    if how >= 2:  # half of the claims are made before the decision
        day = setting.on - timedelta(days=draw(_BACK))
        earlier = Setting(setting.policy, day)
        if all(earlier.value(name) is not None for name in needs):
            return day, earlier
    return setting.on, setting


def claimed_setting(setting: Setting, facts: Facts) -> Setting:
    """The :class:`Setting` of the day the claim of *facts* was made (its
    ``claimed_on``, or the evaluation day)."""
    claimed: date | None = facts.get("claimed_on")
    return setting if claimed is None else Setting(setting.policy, claimed)


def certificate_claim(
    kind: SubsidyKind, certificate: Certificate, claimed: Setting
) -> SubsidyClaim:
    """The claim a combined rule counts: *kind* for *certificate*'s occupation and
    level, in the year of the claim day."""
    return SubsidyClaim(
        kind=kind,
        year=claimed.on.year,
        occupation=certificate.occupation,
        level=certificate.level,
    )


# --- histories that stand in the way of nothing ------------------------------------


@attrs.frozen
class HistoryLimits:
    """What the earlier claims must not be for a new claim to pass its limits.

    Combine the limits of two rules with ``|``.
    """

    same_level: frozenset[SubsidyKind] = frozenset()
    """Kinds of which no earlier claim may be for the new claim's occupation and level."""
    higher_level: frozenset[SubsidyKind] = frozenset()
    """Kinds of which no earlier claim may be for the new claim's occupation at a
    higher level."""
    per_year: tuple[tuple[frozenset[SubsidyKind], int], ...] = ()
    """Groups of kinds with the most claims of them a calendar year may already
    hold (fewer than the figure)."""

    def __or__(self, other: "HistoryLimits") -> "HistoryLimits":
        """The limits of both."""
        return HistoryLimits(
            same_level=self.same_level | other.same_level,
            higher_level=self.higher_level | other.higher_level,
            per_year=self.per_year + other.per_year,
        )

    def blocks(self, kind: SubsidyKind, level: SkillLevel, claimed: SkillLevel) -> bool:
        """Whether an earlier claim of *kind* at *level*, for the occupation of a new
        claim at *claimed*, stands in its way."""
        return (kind in self.same_level and level is claimed) or (
            kind in self.higher_level and level > claimed
        )


def cap_limits(claimed: Setting, kind: SubsidyKind) -> HistoryLimits:
    """The annual cap's limits for a new claim of *kind*, on the claim day *claimed*."""
    capped = frozenset(claimed.value(_CAPPED) or ())
    if kind not in capped:
        return HistoryLimits(same_level=_excluded_by(claimed, kind))
    return HistoryLimits(
        same_level=capped | _excluded_by(claimed, kind),
        per_year=(
            (frozenset({kind}), claimed.value(_PER_KIND)),
            (capped, claimed.value(_TOTAL)),
        ),
    )


def _excluded_by(claimed: Setting, kind: SubsidyKind) -> frozenset[SubsidyKind]:
    """The kinds the exclusion forbids with a claim of *kind* (same occupation, level)."""
    exclusive = frozenset(claimed.value(_EXCLUSIVE) or ())
    if kind is _UI:
        return exclusive
    return frozenset({_UI}) if kind in exclusive else frozenset()


def _others(occupation: OccupationCode | None) -> list[OccupationCode]:
    return [code for code in OCCUPATIONS if code != occupation]


def _room(limits: HistoryLimits, counts: list[int], kind: SubsidyKind) -> bool:
    return all(
        counts[i] + 1 < most
        for i, (kinds, most) in enumerate(limits.per_year)
        if kind in kinds
    )


def _earlier(
    kind: SubsidyKind,
    year: int,
    occupation: OccupationCode,
    level: SkillLevel,
    limits: HistoryLimits,
) -> SubsidyClaim:
    """An earlier claim; a living allowance is for no occupation where no limit
    looks at its occupation."""
    if kind is _LIVING and kind not in limits.same_level | limits.higher_level:
        return SubsidyClaim(kind=kind, year=year)
    return SubsidyClaim(kind=kind, year=year, occupation=occupation, level=level)


def quiet_history(
    draw: st.DrawFn,
    claim: SubsidyClaim,
    limits: HistoryLimits,
    *,
    twins: bool = False,
) -> tuple[SubsidyClaim, ...]:
    """Draw earlier claims that leave a new *claim* within *limits*.

    Up to three claims in the claim's year, for other occupations, as many of the
    limited kinds as the limits allow (often as many as they allow); up to three of
    earlier years, some for the claim's occupation at a level that does not count
    against it.  With *twins*, two more of earlier years of a kind that counts at
    the same level: one for the claim's occupation at another level, one for another
    occupation at the claim's level, so the claim with its level or its occupation
    unknown cannot be decided.

    Raises:
        InvalidArgument: *claim*'s occupation or level is not known.
    """
    occupation, level, year = claim.occupation, claim.level, claim.year
    if occupation is None or level is None:
        msg = "quiet_history() needs a claim whose occupation and level are known"
        raise InvalidArgument(msg)
    rng = filler(draw)
    others = _others(occupation)
    limited = sorted_kinds(k for kinds, _ in limits.per_year for k in kinds)
    free = [k for k in KINDS if k not in limited]
    history: list[SubsidyClaim] = []
    counts = [0] * len(limits.per_year)
    for _ in range(draw(_FEW)):
        kind = rng.choice(limited if limited and rng.random() < 0.7 else KINDS)
        if not _room(limits, counts, kind):
            if not free:
                continue
            kind = rng.choice(free)
        for i, (group, _most) in enumerate(limits.per_year):
            counts[i] += kind in group
        history.append(
            _earlier(kind, year, rng.choice(others), rng.choice(GRADES), limits)
        )
    for _ in range(draw(_FEW)):
        kind = rng.choice(KINDS)
        levels = [g for g in GRADES if not limits.blocks(kind, g, level)]
        same = bool(levels) and rng.random() < 0.5
        history.append(
            _earlier(
                kind,
                year - rng.randint(1, 3),
                occupation if same else rng.choice(others),
                rng.choice(levels if same else GRADES),
                limits,
            )
        )
    counting = sorted_kinds(limits.same_level)
    if twins and counting:
        kind = rng.choice(counting)
        levels = [
            g for g in GRADES if g is not level and not limits.blocks(kind, g, level)
        ]
        if levels:
            history.append(
                SubsidyClaim(
                    kind=kind,
                    year=year - rng.randint(1, 3),
                    occupation=occupation,
                    level=rng.choice(levels),
                )
            )
        history.append(
            SubsidyClaim(
                kind=rng.choice(counting),
                year=year - rng.randint(1, 3),
                occupation=rng.choice(others),
                level=level,
            )
        )
    rng.shuffle(history)
    return tuple(history)


# --- histories that break one limit --------------------------------------------------


def _in_year(
    rng: random.Random, kinds: list[SubsidyKind], claim: SubsidyClaim, count: int
) -> list[SubsidyClaim]:
    others = _others(claim.occupation)
    return [
        SubsidyClaim(
            kind=rng.choice(kinds),
            year=claim.year,
            occupation=rng.choice(others),
            level=rng.choice(GRADES),
        )
        for _ in range(count)
    ]


def _twin(
    rng: random.Random, kinds: list[SubsidyKind], claim: SubsidyClaim
) -> SubsidyClaim:
    return SubsidyClaim(
        kind=rng.choice(kinds),
        year=claim.year - rng.choice((1, 1, 2, 3)),
        occupation=claim.occupation,
        level=claim.level,
    )


def over_per_kind(
    draw: st.DrawFn,
    claimed: Setting,
    claim: SubsidyClaim,
    history: tuple[SubsidyClaim, ...],
) -> tuple[SubsidyClaim, ...]:
    """*history* holding as many claims of *claim*'s kind in its year as the cap
    allows, so that the claim is one too many.

    The claims added are for other occupations; where they would also reach the
    total, other capped claims of the year become claims of the kind instead.
    """
    per_kind: int = claimed.value(_PER_KIND)
    total: int = claimed.value(_TOTAL)
    capped = frozenset(claimed.value(_CAPPED))
    kind, year = claim.kind, claim.year
    this_year = [past for past in history if past.year == year]
    needed = max(per_kind - sum(past.kind is kind for past in this_year), 0)
    room = max(total - 1 - sum(past.kind in capped for past in this_year), 0)
    changed = list(history)
    for index, past in enumerate(changed):
        if needed <= room:
            break
        if past.year == year and past.kind in capped and past.kind is not kind:
            changed[index] = attrs.evolve(past, kind=kind)
            needed -= 1
    return (*changed, *_in_year(filler(draw), [kind], claim, needed))


def over_total(
    draw: st.DrawFn,
    claimed: Setting,
    claim: SubsidyClaim,
    history: tuple[SubsidyClaim, ...],
) -> tuple[SubsidyClaim, ...]:
    """*history* holding as many capped claims in *claim*'s year as the cap allows
    in all, so that the claim is one too many.

    The claims added are of capped kinds other than the claim's (if there are any),
    for other occupations.
    """
    total: int = claimed.value(_TOTAL)
    capped = frozenset(claimed.value(_CAPPED))
    counted = sum(past.year == claim.year and past.kind in capped for past in history)
    kinds = sorted_kinds(capped - {claim.kind}) or [claim.kind]
    return (*history, *_in_year(filler(draw), kinds, claim, max(total - counted, 0)))


def over_per_level(
    draw: st.DrawFn,
    claimed: Setting,
    claim: SubsidyClaim,
    history: tuple[SubsidyClaim, ...],
) -> tuple[SubsidyClaim, ...]:
    """*history* with a capped claim of an earlier year for *claim*'s occupation and
    level (of a kind the exclusion does not count, where there is one)."""
    capped = frozenset(claimed.value(_CAPPED))
    kinds = sorted_kinds(capped - _excluded_by(claimed, claim.kind)) or sorted_kinds(
        capped
    )
    return (*history, _twin(filler(draw), kinds, claim))


def over_exclusive(
    draw: st.DrawFn,
    claimed: Setting,
    claim: SubsidyClaim,
    history: tuple[SubsidyClaim, ...],
) -> tuple[SubsidyClaim, ...]:
    """*history* with a claim of an earlier year for *claim*'s occupation and level
    that the exclusion forbids with it: the unemployment-insurance skill subsidy, or
    for that subsidy one of the kinds exclusive with it."""
    excluded = _excluded_by(claimed, claim.kind) or frozenset({_UI})
    capped = frozenset(claimed.value(_CAPPED))
    counted = capped if claim.kind in capped else frozenset()
    kinds = sorted_kinds(excluded - counted) or sorted_kinds(excluded)
    return (*history, _twin(filler(draw), kinds, claim))


def certificate_breaker(kind: SubsidyKind, change: HistoryChange) -> Breaker:
    """A breaker of a combined rule's cap condition: *change* applied to the history,
    for the claim of *kind* for the facts' ``certificate`` on their claim day."""

    def breaker(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
        claimed = claimed_setting(setting, facts)
        claim = certificate_claim(kind, facts["certificate"], claimed)
        return {**facts, "history": change(draw, claimed, claim, facts["history"])}

    return breaker


# --- the recipe of rule subsidy.cap -------------------------------------------------

_CAP_NEEDS: Final = parameters_of(ANNUAL_CAP_RULE)


def _capped_claim(draw: st.DrawFn, setting: Setting) -> Facts:
    claimed_on, claimed = drawn_claim_day(draw, setting, _CAP_NEEDS)
    capped = frozenset(claimed.value(_CAPPED))
    exclusive = frozenset(claimed.value(_EXCLUSIVE))
    # A kind both limits count, so that every limit can be broken.
    kinds = sorted_kinds(capped & exclusive) or sorted_kinds(capped) or list(KINDS)
    rng = filler(draw)
    claim = SubsidyClaim(
        kind=rng.choice(kinds),
        year=claimed.on.year,
        occupation=rng.choice(OCCUPATIONS),
        level=rng.choice(GRADES),
    )
    history = quiet_history(draw, claim, cap_limits(claimed, claim.kind), twins=True)
    return {"claim": claim, "history": history, "claimed_on": claimed_on}


def _on_claim(change: HistoryChange) -> Breaker:
    def breaker(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
        claimed = claimed_setting(setting, facts)
        return {
            **facts,
            "history": change(draw, claimed, facts["claim"], facts["history"]),
        }

    return breaker


CAP = CaseRecipe(
    rule="subsidy.cap",
    eligible=_capped_claim,
    breaks={
        "subsidy.cap.per_kind": _on_claim(over_per_kind),
        "subsidy.cap.total": _on_claim(over_total),
        "subsidy.cap.per_level": _on_claim(over_per_level),
        "subsidy.cap.ui_exclusive": _on_claim(over_exclusive),
    },
    unknowns=("claim.occupation", "claim.level"),
)
"""The annual cap: a claim of a kind both limits count, after earlier claims that
leave room for it; each limit broken by earlier claims that fill it."""

RECIPES: tuple[CaseRecipe, ...] = (CAP,)
"""The recipes of the programme's rules."""
