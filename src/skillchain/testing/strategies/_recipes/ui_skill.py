"""Recipes of the rules of the unemployment-insurance skill subsidy (失业保险技能提升补贴).

An eligible claim: a certificate at a level the province pays within the national
maximum, issued within the claim window (often on its first or last day), with at
least the months of contributions required on its issue date (often exactly
those), after earlier claims that leave room for it (often as many of the subsidy
this year as the limit allows).
"""

import random

from collections.abc import Callable, Mapping
from datetime import date, timedelta
from types import MappingProxyType
from typing import Final

import attrs

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from skillchain import DivisionCode, OccupationCode, Sex, SkillLevel
from skillchain.model import (
    Certificate,
    CertificateKind,
    SubsidyClaim,
    SubsidyKind,
)
from skillchain.rules import UI_SKILL_CASE_RULE, UI_SKILL_RULE
from skillchain.testing.strategies._cases import Breaker, CaseRecipe, Facts, Setting
from skillchain.testing.strategies._draws import (
    earliest_start,
    filler,
    near,
    pick,
    resident_born,
)
from skillchain.testing.strategies._recipes.skill_upgrade import issuers_of
from skillchain.testing.strategies._recipes.subsidy import (
    GRADES,
    OCCUPATIONS,
    HistoryLimits,
    cap_limits,
    certificate_breaker,
    certificate_claim,
    claimed_setting,
    drawn_claim_day,
    over_exclusive,
    parameters_of,
    quiet_history,
)


__all__ = [
    "RECIPES",
    "UI_BREAKERS",
    "UI_SKILL",
    "UI_SKILL_CASE",
    "UI_UNKNOWNS",
    "ui_skill_facts",
]


_UI: Final = SubsidyKind.UNEMPLOYMENT_INSURANCE_SKILL
_UI_KINDS: Final = frozenset({_UI})
_WINDOW: Final = "ui_skill.claim_window_months"
_REQUIRED: Final = "ui_skill.contribution_months"
_PER_YEAR: Final = "ui_skill.claims_per_year"
_KINDS: Final = (
    CertificateKind.SKILL_LEVEL,
    CertificateKind.SKILL_LEVEL,
    CertificateKind.VOCATIONAL_QUALIFICATION,
)
_HOLDER_ISSUED_IN: Final = DivisionCode("440304")
_SEXES: Final = (Sex.MALE, Sex.FEMALE)
_SHORT: Final = st.booleans()
_SHORT_OR_UNKNOWN: Final = st.sampled_from((None, False, True))
_DAY: Final = timedelta(days=1)
_NEEDS: Final = parameters_of(UI_SKILL_RULE)
_CASE_NEEDS: Final = parameters_of(UI_SKILL_CASE_RULE)


def _paid_levels(claimed: Setting) -> list[SkillLevel]:
    """The levels the province pays within the national maximum."""
    rates = claimed.value("ui_skill.rates") or {}
    maxima = claimed.value("ui_skill.national_maximum") or {}
    return [
        level
        for level in SkillLevel
        if level in rates and level in maxima and rates[level] <= maxima[level]
    ]


def _required(setting: Setting, issued: date) -> int | None:
    """The months of contributions required of a certificate issued on *issued*."""
    required: int | None = Setting(setting.policy, issued).value(_REQUIRED)
    return required


def _ui_limits(claimed: Setting) -> HistoryLimits:
    """The subsidy's own limits: once per occupation and level, so many a year."""
    return HistoryLimits(
        same_level=_UI_KINDS, per_year=((_UI_KINDS, claimed.value(_PER_YEAR)),)
    )


def ui_skill_facts(
    draw: st.DrawFn,
    setting: Setting,
    needs: tuple[str, ...],
    limits: Callable[[Setting], HistoryLimits],
) -> Facts:
    """Draw the facts of an eligible unemployment-insurance skill claim.

    The claim is decided on ``setting.on``; *needs* are the parameters its claim day
    must have a value of; *limits* gives, for the claim day, what the earlier claims
    must leave room for besides the subsidy's own limits.

    Raises:
        InvalidArgument: No level is paid within the national maximum on the claim day.
    """
    claimed_on, claimed = drawn_claim_day(draw, setting, needs)
    levels = _paid_levels(claimed)
    if not levels:
        msg = (
            f"no level is paid within the national maximum on {claimed.on} "
            "(ui_skill.rates, ui_skill.national_maximum): no claim can be eligible"
        )
        raise InvalidArgument(msg)
    first = earliest_start(claimed.on, claimed.value(_WINDOW))
    issued = near(draw, first, claimed.on)
    required = _required(setting, issued)
    if required is None:  # no requirement known for that issue date: claim's own
        issued, required = claimed.on, _required(setting, claimed.on)
    assert required is not None  # noqa: S101 - the claim day has every figure
    rng = filler(draw)
    born = claimed.on - timedelta(days=rng.randint(18 * 365, 60 * 365))
    sex = rng.choice(_SEXES)
    holder = resident_born(
        born, serial=rng.randrange(500), sex=sex, division=_HOLDER_ISSUED_IN
    )
    level = rng.choice(levels)
    kind = rng.choice(_KINDS)
    certificate = Certificate(
        holder=holder,
        kind=kind,
        occupation=_occupation(rng),
        level=level,
        issued_on=issued,
        issuer_kind=rng.choice(issuers_of(kind)),
    )
    claim = certificate_claim(_UI, certificate, claimed)
    history = quiet_history(draw, claim, _ui_limits(claimed) | limits(claimed))
    uplifted = level is claimed.value("ui_skill.uplift_level")
    return {
        "certificate": certificate,
        "history": history,
        "contribution_months": near(draw, required, required + 240, ends="low"),
        "claimed_on": claimed_on,
        "shortage_occupation": draw(_SHORT if uplifted else _SHORT_OR_UNKNOWN),
    }


def _occupation(rng: random.Random) -> OccupationCode:
    """One of the usual occupations, or now and then any detailed one."""
    if rng.random() < 0.8:
        return rng.choice(OCCUPATIONS)
    groups = (rng.randint(1, 99) for _ in range(3))
    major = rng.choice((4, 6))  # service and production workers
    return OccupationCode(f"{major}-" + "-".join(f"{g:02d}" for g in groups))


def _ui_skill(draw: st.DrawFn, setting: Setting) -> Facts:
    return ui_skill_facts(draw, setting, _NEEDS, lambda _claimed: HistoryLimits())


def _ui_skill_case(draw: st.DrawFn, setting: Setting) -> Facts:
    return ui_skill_facts(
        draw, setting, _CASE_NEEDS, lambda claimed: cap_limits(claimed, _UI)
    )


# --- breaking one condition ----------------------------------------------------------


def _unpaid_level(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    claimed = claimed_setting(setting, facts)
    rates = claimed.value("ui_skill.rates")
    certificate: Certificate = facts["certificate"]
    # A level no earlier claim for the occupation was for, so nothing else fails.
    taken = {
        past.level
        for past in facts["history"]
        if past.occupation == certificate.occupation
    }
    unpaid = [
        level for level in SkillLevel if level not in rates and level not in taken
    ]
    above = [level for level in unpaid if all(level > paid for paid in rates)]
    rng = filler(draw)
    level = (above or unpaid)[0] if rng.random() < 0.5 else rng.choice(unpaid)
    return {**facts, "certificate": attrs.evolve(certificate, level=level)}


def _short_of_months(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    required = _required(setting, facts["certificate"].issued_on)
    assert required is not None  # noqa: S101 - an eligible claim's requirement is known
    months = near(draw, max(required - 36, 0), required - 1, ends="high")
    return {**facts, "contribution_months": months}


def _claimed_late(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    claimed = claimed_setting(setting, facts)
    first = earliest_start(claimed.on, claimed.value(_WINDOW))
    issued = near(draw, first - timedelta(days=400), first - _DAY, ends="high")
    if _required(setting, issued) is None:  # keep the requirement known if it can be
        issued = first - _DAY
    return {
        **facts,
        "certificate": attrs.evolve(facts["certificate"], issued_on=issued),
    }


def _paid_before(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    claimed = claimed_setting(setting, facts)
    claim = certificate_claim(_UI, facts["certificate"], claimed)
    history: tuple[SubsidyClaim, ...] = facts["history"]
    # Earlier this year too, where that leaves the year's count below its limit.
    count = sum(past.kind is _UI and past.year == claim.year for past in history)
    back = (1, 2) if count + 1 >= claimed.value(_PER_YEAR) else (0, 1, 2)
    paid = attrs.evolve(claim, year=claim.year - pick(draw, back))
    return {**facts, "history": (*history, paid)}


def _full_year(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    claimed = claimed_setting(setting, facts)
    claim = certificate_claim(_UI, facts["certificate"], claimed)
    history: tuple[SubsidyClaim, ...] = facts["history"]
    count = sum(past.kind is _UI and past.year == claim.year for past in history)
    others = [code for code in OCCUPATIONS if code != claim.occupation]
    rng = filler(draw)
    added = tuple(
        SubsidyClaim(
            kind=_UI,
            year=claim.year,
            occupation=rng.choice(others),
            level=rng.choice(GRADES),
        )
        for _ in range(max(claimed.value(_PER_YEAR) - count, 0))
    )
    return {**facts, "history": (*history, *added)}


UI_BREAKERS: Final[Mapping[str, Breaker]] = MappingProxyType(
    {
        "ui_skill.level": _unpaid_level,
        "ui_skill.contributions": _short_of_months,
        "ui_skill.claim_window": _claimed_late,
        "ui_skill.once_per_level": _paid_before,
        "ui_skill.per_year": _full_year,
    }
)
"""How to break each condition of rule ``ui_skill`` that facts can fail (the
national maximum fails only for a provincial rate above it; the uplift and the
amount never fail)."""

UI_UNKNOWNS: Final = ("contribution_months", "shortage_occupation")
"""The facts of a claim that can be made unknown (the shortage only where the
uplift applies)."""

UI_SKILL = CaseRecipe(
    rule="ui_skill",
    eligible=_ui_skill,
    breaks=UI_BREAKERS,
    unknowns=UI_UNKNOWNS,
)
"""The unemployment-insurance skill subsidy: a certificate at a paid level, claimed
within the window, with enough months of contributions."""

UI_SKILL_CASE = CaseRecipe(
    rule="ui_skill.case",
    eligible=_ui_skill_case,
    breaks={
        **UI_BREAKERS,
        "subsidy.cap.ui_exclusive": certificate_breaker(_UI, over_exclusive),
    },
    unknowns=UI_UNKNOWNS,
)
"""One unemployment-insurance skill claim decided whole: the subsidy's case, with no
earlier claim of a kind the exclusion forbids for its occupation and level."""

RECIPES: tuple[CaseRecipe, ...] = (UI_SKILL, UI_SKILL_CASE)
"""The recipes of the programme's rules."""
