"""Recipes of the rules of the skill-upgrade subsidy (技能提升补贴).

An eligible claim: a worker of an age the subsidy covers on the claim day (often
just turned the youngest age or about to pass the oldest), within the region by one
of household registration, insurance on the claim day or unemployment registration,
with a certificate of a kind and issuer the subsidy pays for, priced by a catalogue
row within the city's range, issued within the claim window (often on its first or
last day), after earlier claims that leave room for it.
"""

import random

from collections.abc import Callable, Mapping
from datetime import date, timedelta
from types import MappingProxyType
from typing import Final

import attrs

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from skillchain import (
    DateRange,
    DivisionCode,
    OccupationCode,
    ResidentId,
    Sex,
    SkillLevel,
    add_months,
)
from skillchain.model import (
    Certificate,
    CertificateKind,
    InsurancePeriod,
    IssuerKind,
    Person,
    SubsidyClaim,
    SubsidyKind,
)
from skillchain.rules import SKILL_UPGRADE_CASE_RULE, SKILL_UPGRADE_RULE
from skillchain.testing.strategies._cases import Breaker, CaseRecipe, Facts, Setting
from skillchain.testing.strategies._draws import (
    born_aged,
    earliest_start,
    filler,
    near,
    pick,
    resident_born,
)
from skillchain.testing.strategies._recipes.subsidy import (
    HistoryLimits,
    cap_limits,
    certificate_breaker,
    certificate_claim,
    claimed_setting,
    drawn_claim_day,
    over_exclusive,
    over_per_kind,
    over_per_level,
    over_total,
    parameters_of,
    quiet_history,
)


__all__ = [
    "RECIPES",
    "SKILL_UPGRADE",
    "SKILL_UPGRADE_CASE",
    "UPGRADE_BREAKERS",
    "UPGRADE_UNKNOWNS",
    "issuers_of",
    "skill_upgrade_facts",
]


_SU: Final = SubsidyKind.SKILL_UPGRADE
_DAY: Final = timedelta(days=1)
_PRICED: Final = (CertificateKind.SKILL_LEVEL, CertificateKind.VOCATIONAL_QUALIFICATION)
_ISSUERS: Final[Mapping[CertificateKind, tuple[IssuerKind, ...]]] = MappingProxyType(
    {
        CertificateKind.SKILL_LEVEL: (
            IssuerKind.SOCIAL_EVALUATION_ORGANISATION,
            IssuerKind.HR_DEPARTMENT,
            IssuerKind.EMPLOYER_SELF_EVALUATION,
            IssuerKind.COMPETITION,
        ),
        CertificateKind.VOCATIONAL_QUALIFICATION: (
            IssuerKind.HR_DEPARTMENT,
            IssuerKind.OTHER_AUTHORITY,
        ),
        CertificateKind.SPECIAL_ABILITY: (
            IssuerKind.SOCIAL_EVALUATION_ORGANISATION,
            IssuerKind.HR_DEPARTMENT,
        ),
    }
)
_WORKING_AGE: Final = 16
_ISSUED_IN: Final = tuple(
    DivisionCode(code) for code in ("440304", "440306", "440103", "430102", "450102")
)
_ELSEWHERE: Final = tuple(
    DivisionCode(code) for code in ("430102", "450102", "110105", "310104")
)
_SEXES: Final = (Sex.MALE, Sex.FEMALE)
_ROUTE: Final = st.integers(0, 2)
_SHORT: Final = st.booleans()
_SHORT_OR_UNKNOWN: Final = st.sampled_from((None, False, True))
_YOUNG: Final = st.booleans()
_STATUSES: Final = st.sampled_from(
    ("civil_service_establishment", "full_time_student", "drawing_pension")
)
_NEEDS: Final = parameters_of(SKILL_UPGRADE_RULE)
_CASE_NEEDS: Final = parameters_of(SKILL_UPGRADE_CASE_RULE)


# --- people --------------------------------------------------------------------------


def _age_bounds(claimed: Setting, sex: Sex) -> tuple[int, int]:
    oldest = "men" if sex is Sex.MALE else "women"
    return (
        claimed.value("skill_upgrade.min_age"),
        claimed.value(f"skill_upgrade.max_age_{oldest}"),
    )


def _inside(region: DivisionCode) -> list[DivisionCode]:
    """Divisions within *region*: itself and, below it, a prefecture or county."""
    code = region.code
    if region.level == "province":
        return [
            region,
            DivisionCode(code[:2] + "0300"),
            DivisionCode(code[:2] + "0304"),
        ]
    if region.level == "prefecture":
        return [region, DivisionCode(code[:4] + "04")]
    return [region]


def _outside(region: DivisionCode) -> list[DivisionCode]:
    """Divisions of other provinces than *region*'s."""
    return [code for code in _ELSEWHERE if code.province != region.province]


def _covering(rng: random.Random, day: date) -> DateRange:
    """A period that includes *day*, often starting or ending on it."""
    start = day - timedelta(days=rng.choice((0, rng.randint(0, 3650))))
    if rng.random() < 0.5:
        return DateRange(start)
    return DateRange(start, day + timedelta(days=rng.choice((0, rng.randint(0, 1000)))))


def _not_insured_in(
    rng: random.Random, region: DivisionCode, day: date
) -> tuple[InsurancePeriod, ...]:
    """An insurance history without a period in *region* that includes *day*."""
    how = rng.randrange(3)
    if how == 0:
        return ()
    if how == 1:  # insured elsewhere that day
        where = rng.choice(_outside(region))
        return (InsurancePeriod(division=where, period=_covering(rng, day)),)
    # insured in the region until the day before, or earlier
    end = day - timedelta(days=rng.choice((1, rng.randint(1, 720))))
    start = end - timedelta(days=rng.randint(0, 3650))
    where = rng.choice(_inside(region))
    return (InsurancePeriod(division=where, period=DateRange(start, end)),)


def _worker(draw: st.DrawFn, rng: random.Random, claimed: Setting) -> Person:
    sex = rng.choice(_SEXES)
    youngest, oldest = _age_bounds(claimed, sex)
    born = born_aged(draw, near(draw, youngest, oldest), claimed.on)
    division = rng.choice(_ISSUED_IN)
    person_id = resident_born(
        born, serial=rng.randrange(500), sex=sex, division=division
    )
    region: DivisionCode = claimed.value("skill_upgrade.region")
    # One of the three puts the worker in the region; the others do not, or are
    # unknown.
    route = draw(_ROUTE)
    if route == 0:
        hukou: DivisionCode | None = rng.choice(_inside(region))
    else:
        hukou = rng.choice([None, *_outside(region)])
    insurance: tuple[InsurancePeriod, ...] | None = None
    if route == 1:
        where = rng.choice(_inside(region))
        insurance = (
            InsurancePeriod(division=where, period=_covering(rng, claimed.on)),
        )
    elif rng.random() < 0.5:
        insurance = _not_insured_in(rng, region, claimed.on)
    return Person(
        id=person_id,
        hukou_division=hukou,
        insurance=insurance,
        civil_service_establishment=False,
        full_time_student=False,
        drawing_pension=False,
        registered_unemployed=True if route == 2 else rng.choice((None, False)),
    )


# --- certificates --------------------------------------------------------------------


def _priced(claimed: Setting) -> list[tuple[OccupationCode, SkillLevel]]:
    """The catalogue's (occupation, level) rows within the city's range."""
    catalogue = claimed.value("skill_upgrade.catalogue") or {}
    low = claimed.value("skill_upgrade.city_rate_min")
    high = claimed.value("skill_upgrade.city_rate_max")
    return [
        (occupation, level)
        for occupation in sorted(catalogue, key=str)
        for level in SkillLevel
        if level in catalogue[occupation]
        and low <= catalogue[occupation][level] <= high
    ]


def issuers_of(kind: CertificateKind) -> tuple[IssuerKind, ...]:
    """Who issues certificates of *kind*: skill-level certificates evaluation bodies,
    employers, HR departments and competitions; qualifications HR departments and
    other licensing authorities."""
    return _ISSUERS.get(kind, tuple(IssuerKind))


def _certificate(
    draw: st.DrawFn, rng: random.Random, holder: ResidentId, claimed: Setting
) -> Certificate:
    rows = _priced(claimed)
    if not rows:
        msg = (
            f"the skill-upgrade catalogue in force on {claimed.on} has no row within "
            "the city's range (skill_upgrade.catalogue, skill_upgrade.city_rate_min, "
            "skill_upgrade.city_rate_max): no claim can be eligible"
        )
        raise InvalidArgument(msg)
    occupation, level = rng.choice(rows)
    allowed = claimed.value("skill_upgrade.certificate_kinds")
    kind = rng.choice(
        [k for k in _PRICED if k in allowed]
        or [
            k
            for k in CertificateKind
            if k in allowed and k is not CertificateKind.PRACTISING_QUALIFICATION
        ],
    )
    excluded = claimed.value("skill_upgrade.excluded_issuers")
    issuers = [i for i in issuers_of(kind) if i not in excluded] or [
        i for i in IssuerKind if i not in excluded
    ]
    window = claimed.value("skill_upgrade.claim_window_months")
    issued = near(draw, earliest_start(claimed.on, window), claimed.on)
    # Not before the holder's sixteenth birthday (the working age).
    working = add_months(holder.birth_date, 12 * _WORKING_AGE)
    return Certificate(
        holder=holder,
        kind=kind,
        occupation=occupation,
        level=level,
        issued_on=min(max(issued, working), claimed.on),
        issuer_kind=rng.choice(issuers),
    )


# --- eligible claims -----------------------------------------------------------------


def skill_upgrade_facts(
    draw: st.DrawFn,
    setting: Setting,
    needs: tuple[str, ...],
    limits: Callable[[Setting], HistoryLimits],
) -> Facts:
    """Draw the facts of an eligible skill-upgrade claim decided on ``setting.on``.

    *needs* are the parameters the claim day must have a value of; *limits* gives,
    for the claim day, what the earlier claims must leave room for (besides no
    skill-upgrade claim for the occupation at a higher level).

    Raises:
        InvalidArgument: The catalogue in force on the claim day has no row within
            the city's range.
    """
    claimed_on, claimed = drawn_claim_day(draw, setting, needs)
    rng = filler(draw)
    person = _worker(draw, rng, claimed)
    certificate = _certificate(draw, rng, person.id, claimed)
    claim = certificate_claim(_SU, certificate, claimed)
    history = quiet_history(
        draw, claim, HistoryLimits(higher_level=frozenset({_SU})) | limits(claimed)
    )
    level = certificate.level
    lowest = claimed.value("skill_upgrade.uplift_min_level")
    uplifted = level is not None and lowest is not None and level >= lowest
    return {
        "person": person,
        "certificate": certificate,
        "history": history,
        "claimed_on": claimed_on,
        "shortage_occupation": draw(_SHORT if uplifted else _SHORT_OR_UNKNOWN),
    }


def _upgrade(draw: st.DrawFn, setting: Setting) -> Facts:
    return skill_upgrade_facts(draw, setting, _NEEDS, lambda _claimed: HistoryLimits())


def _upgrade_case(draw: st.DrawFn, setting: Setting) -> Facts:
    return skill_upgrade_facts(
        draw, setting, _CASE_NEEDS, lambda claimed: cap_limits(claimed, _SU)
    )


# --- breaking one condition ----------------------------------------------------------


def _elsewhere(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    claimed = claimed_setting(setting, facts)
    region: DivisionCode = claimed.value("skill_upgrade.region")
    rng = filler(draw)
    person = attrs.evolve(
        facts["person"],
        hukou_division=rng.choice(_outside(region)),
        insurance=_not_insured_in(rng, region, claimed.on),
        registered_unemployed=False,
    )
    return {**facts, "person": person}


def _excluded_status(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    del setting
    status = draw(_STATUSES)
    return {**facts, "person": attrs.evolve(facts["person"], **{status: True})}


def _out_of_age(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    claimed = claimed_setting(setting, facts)
    person: Person = facts["person"]
    youngest, oldest = _age_bounds(claimed, person.sex)
    if youngest > 0 and draw(_YOUNG):
        age = near(draw, max(youngest - 3, 0), youngest - 1, ends="high")
    else:
        age = near(draw, oldest + 1, oldest + 5, ends="low")
    sequence = int(person.id.reveal()[14:17]) // 2
    new_id = resident_born(
        born_aged(draw, age, claimed.on),
        serial=sequence,
        sex=person.sex,
        division=person.id.division,
    )
    return {
        **facts,
        "person": attrs.evolve(person, id=new_id),
        "certificate": attrs.evolve(facts["certificate"], holder=new_id),
    }


def _unpaid_kind(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    allowed = claimed_setting(setting, facts).value("skill_upgrade.certificate_kinds")
    kinds = [
        k
        for k in CertificateKind
        if k not in allowed and k is not CertificateKind.PRACTISING_QUALIFICATION
    ]
    certificate = attrs.evolve(facts["certificate"], kind=pick(draw, kinds))
    return {**facts, "certificate": certificate}


def _excluded_issuer(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    excluded = claimed_setting(setting, facts).value("skill_upgrade.excluded_issuers")
    issuers = [i for i in IssuerKind if i in excluded]
    certificate = attrs.evolve(facts["certificate"], issuer_kind=pick(draw, issuers))
    return {**facts, "certificate": certificate}


def _claimed_late(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    claimed = claimed_setting(setting, facts)
    window = claimed.value("skill_upgrade.claim_window_months")
    first = earliest_start(claimed.on, window)
    issued = near(draw, first - timedelta(days=400), first - _DAY, ends="high")
    return {
        **facts,
        "certificate": attrs.evolve(facts["certificate"], issued_on=issued),
    }


def _higher_paid(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    claim = certificate_claim(
        _SU, facts["certificate"], claimed_setting(setting, facts)
    )
    assert claim.level is not None  # noqa: S101 - an eligible claim's level is known
    higher = [level for level in SkillLevel if level > claim.level]
    rng = filler(draw)
    paid = SubsidyClaim(
        kind=_SU,
        year=claim.year - rng.randint(1, 3),
        occupation=claim.occupation,
        level=higher[0] if rng.random() < 0.5 else rng.choice(higher),
    )
    return {**facts, "history": (*facts["history"], paid)}


UPGRADE_BREAKERS: Final[Mapping[str, Breaker]] = MappingProxyType(
    {
        "skill_upgrade.residence": _elsewhere,
        "skill_upgrade.status": _excluded_status,
        "skill_upgrade.age": _out_of_age,
        "skill_upgrade.certificate_kind": _unpaid_kind,
        "skill_upgrade.issuer": _excluded_issuer,
        "skill_upgrade.claim_window": _claimed_late,
        "skill_upgrade.higher_level": _higher_paid,
    }
)
"""How to break each condition of rule ``skill_upgrade`` that facts can fail (the
rate, the uplift and the amount never fail; the city's range fails only for a
catalogue row outside it)."""


UPGRADE_UNKNOWNS: Final = (
    "person.civil_service_establishment",
    "person.full_time_student",
    "person.drawing_pension",
    "person.hukou_division",
    "person.insurance",
    "person.registered_unemployed",
    "shortage_occupation",
    "certificate.level",
)
"""The facts of a skill-upgrade claim that can be made unknown (some only for some
claims: the residence fact it rests on, the shortage where the uplift applies)."""

SKILL_UPGRADE = CaseRecipe(
    rule="skill_upgrade",
    eligible=_upgrade,
    breaks=UPGRADE_BREAKERS,
    unknowns=UPGRADE_UNKNOWNS,
)
"""The skill-upgrade subsidy: a worker of an age it covers, within the region, with
a certificate it pays for, claimed within the window."""

SKILL_UPGRADE_CASE = CaseRecipe(
    rule="skill_upgrade.case",
    eligible=_upgrade_case,
    breaks={
        **UPGRADE_BREAKERS,
        "subsidy.cap.per_kind": certificate_breaker(_SU, over_per_kind),
        "subsidy.cap.total": certificate_breaker(_SU, over_total),
        "subsidy.cap.per_level": certificate_breaker(_SU, over_per_level),
        "subsidy.cap.ui_exclusive": certificate_breaker(_SU, over_exclusive),
    },
    unknowns=UPGRADE_UNKNOWNS,
)
"""One skill-upgrade claim decided whole: the subsidy's case, after earlier claims
that leave room for it under the annual cap."""

RECIPES: tuple[CaseRecipe, ...] = (SKILL_UPGRADE, SKILL_UPGRADE_CASE)
"""The recipes of the programme's rules."""
