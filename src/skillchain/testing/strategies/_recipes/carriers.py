"""Recipes of the rules of lifelong vocational training carriers (终身职业技能培训载体)."""

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Final

import attrs

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from skillchain import Policy, SkillLevel
from skillchain._dates import add_months
from skillchain.model import (
    CarrierAwardApplication,
    CarrierAwardCategory,
    CarrierHostKind,
    CarrierType,
    LifelongTrainingCarrier,
    PartnerRegion,
    RecognitionLevel,
)
from skillchain.testing.strategies._base import POLICY_LAST
from skillchain.testing.strategies._cases import (
    Breaker,
    CaseRecipe,
    Facts,
    Setting,
    above,
    at_least,
    at_most,
    below,
)
from skillchain.testing.strategies._draws import between, credit_code, near, pick
from skillchain.testing.strategies._recipes.chains import SHENZHEN_DISTRICTS


__all__ = ["AWARD", "RECIPES", "RECOGNITION"]

Figure = Callable[[str], Any]
"""Reads a parameter's value (on the evaluation day, or on an award round's day)."""

_BASE = CarrierType.HIGH_SKILL_TRAINING_BASE
_STUDIO = CarrierType.MASTER_STUDIO
_STATION = CarrierType.RURAL_WORKSTATION
_NAMES: Final = {
    _BASE: "某高技能人才培训基地",
    _STUDIO: "某技能大师工作室",
    _STATION: "某乡村振兴技能工作站",
}
# The authority and category of a host's credit code, by the kind of host.
_HOST_CODES: Final = {
    CarrierHostKind.ENTERPRISE: ("91", "某公司"),
    CarrierHostKind.UNIVERSITY: ("12", "某大学"),
    CarrierHostKind.VOCATIONAL_COLLEGE: ("12", "某职业技术学院"),
    CarrierHostKind.PRIVATE_TRAINING_INSTITUTION: ("52", "某职业培训学校"),
    CarrierHostKind.INDUSTRY_ASSOCIATION: ("51", "某行业协会"),
    CarrierHostKind.PUBLIC_TRAINING_BASE: ("12", "某公共实训基地"),
    CarrierHostKind.OTHER: ("12", "某单位"),
}
_REGIONS: Final = (
    PartnerRegion(name="潮州市湘桥区"),
    PartnerRegion(name="广西南宁隆安"),
)
_LEVELS: Final = tuple(sorted(SkillLevel))
# Each kind of host's made-up credit codes, in Shenzhen's districts.
_HOSTS: Final = {
    code: tuple(
        credit_code(n, division=d, kind=code)
        for n in range(1, 6)
        for d in SHENZHEN_DISTRICTS
    )
    for code in {code for code, _ in _HOST_CODES.values()}
}


def _carrier(
    draw: st.DrawFn, kind: CarrierType, host_kind: CarrierHostKind | None
) -> LifelongTrainingCarrier:
    """A carrier of *kind* whose host is of *host_kind* (an enterprise if unknown)."""
    code, host_name = _HOST_CODES[host_kind or CarrierHostKind.ENTERPRISE]
    regions = _REGIONS[: between(draw, 0, 2)] if kind is _STATION else ()
    return LifelongTrainingCarrier(
        carrier_type=kind,
        name=_NAMES[kind],
        host=pick(draw, _HOSTS[code]),
        host_name=host_name,
        host_kind=host_kind,
        partner_regions=regions,
    )


def _level_from(
    draw: st.DrawFn, least: SkillLevel, *, upwards: bool = True
) -> SkillLevel:
    """A skill level at or above *least* (or below it), most often the nearest."""
    if upwards:
        found = [level for level in _LEVELS if level >= least]
        return found[near(draw, 0, len(found) - 1, ends="low")]
    found = [level for level in _LEVELS if level < least]
    return found[near(draw, 0, len(found) - 1, ends="high")]


# --- carriers.recognition -----------------------------------------------------------

_CRITERION: Final = {
    _BASE: "carriers.base_min_annual_trainees",
    _STUDIO: "carriers.studio_leader_min_level",
    _STATION: "carriers.workstation_min_annual_trainees",
}
_HOST_LISTS: Final = (
    "carriers.host_kinds",
    "carriers.inferred_host_kinds",
    "carriers.other_host_kinds",
)


def _measures(draw: st.DrawFn, setting: Setting, kind: CarrierType) -> Facts:
    """The annual trainees or the leader's level of a carrier of *kind*, met."""
    minimum = setting.value(_CRITERION[kind])
    if kind is _STUDIO:
        return {"annual_trainees": None, "leader_level": _level_from(draw, minimum)}
    return {
        "annual_trainees": draw(at_least(minimum, spread=400)),
        "leader_level": None,
    }


def _recognisable_types(setting: Setting) -> list[CarrierType]:
    types = setting.value("carriers.carrier_types") or frozenset()
    return [
        kind
        for kind in CarrierType
        if kind in types and setting.value(_CRITERION[kind]) is not None
    ]


def _recognised(draw: st.DrawFn, setting: Setting) -> Facts:
    kind = pick(draw, _recognisable_types(setting) or list(CarrierType))
    hosts = sorted(
        {h for name in _HOST_LISTS for h in setting.value(name) or ()},
        key=lambda h: h.value,
    )
    host_kind = pick(draw, hosts or list(CarrierHostKind))
    return {
        "carrier": _carrier(draw, kind, host_kind),
        **_measures(draw, setting, kind),
    }


def _retyped(
    draw: st.DrawFn, setting: Setting, facts: Facts, kind: CarrierType
) -> Facts:
    """The facts with the carrier made a *kind*, meeting its criterion."""
    carrier: LifelongTrainingCarrier = facts["carrier"]
    if carrier.carrier_type is kind:
        return facts
    regions = _REGIONS[: between(draw, 0, 2)] if kind is _STATION else ()
    changed = attrs.evolve(
        carrier, carrier_type=kind, name=_NAMES[kind], partner_regions=regions
    )
    return {**facts, "carrier": changed, **_measures(draw, setting, kind)}


def _unlisted_type(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    types = setting.value("carriers.carrier_types") or frozenset()
    others = [kind for kind in CarrierType if kind not in types]
    if not others:
        return facts  # every type is recognised: only the policy can fail this
    kind = pick(draw, others)
    if setting.value(_CRITERION[kind]) is None:
        carrier = attrs.evolve(
            facts["carrier"], carrier_type=kind, name=_NAMES[kind], partner_regions=()
        )
        return {**facts, "carrier": carrier}
    return _retyped(draw, setting, facts, kind)


def _unlisted_host(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    lists = [setting.value(name) for name in _HOST_LISTS]
    if any(kinds is None for kinds in lists):
        return facts  # a list without a value leaves an unlisted host open
    others = [h for h in CarrierHostKind if not any(h in kinds for kinds in lists)]
    if not others:
        return facts
    host_kind = pick(draw, others)
    code, host_name = _HOST_CODES[host_kind]
    carrier: LifelongTrainingCarrier = facts["carrier"]
    division = carrier.host.division or SHENZHEN_DISTRICTS[0]
    changed = attrs.evolve(
        carrier,
        host_kind=host_kind,
        host=credit_code(int(carrier.host.code[12:17]), division=division, kind=code),
        host_name=host_name,
    )
    return {**facts, "carrier": changed}


def _short_of(kind: CarrierType) -> Breaker:
    """A breaker that makes the carrier a *kind* just short of its criterion."""

    def breaker(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
        minimum = setting.value(_CRITERION[kind])
        if kind not in _recognisable_types(setting):
            return facts
        facts = _retyped(draw, setting, facts, kind)
        if kind is _STUDIO:
            if minimum <= _LEVELS[0]:
                return facts
            return {**facts, "leader_level": _level_from(draw, minimum, upwards=False)}
        if minimum <= 0:
            return facts
        return {**facts, "annual_trainees": draw(below(minimum, least=0))}

    return breaker


RECOGNITION = CaseRecipe(
    rule="carriers.recognition",
    eligible=_recognised,
    breaks={
        "carriers.recognition.type": _unlisted_type,
        "carriers.recognition.host": _unlisted_host,
        "carriers.recognition.base_volume": _short_of(_BASE),
        "carriers.recognition.studio_leader": _short_of(_STUDIO),
        "carriers.recognition.station_volume": _short_of(_STATION),
    },
    # A host in a listed kind needs no other list; each type reads its own figure.
    needs=("carriers.carrier_types", "carriers.host_kinds", *_CRITERION.values()),
)
"""Carrier recognition: a carrier of a recognised type and a listed host kind, at or
above its type's criterion.  The type and host breakers break only under a policy
that leaves a type out, or gives every host list with a kind in none of them."""


# --- carriers.award -----------------------------------------------------------------

_ITEM_TYPES: Final = {
    True: "carriers.best_ten_carrier_types",
    False: "carriers.capacity_carrier_types",
}
_ROUND: Final = (
    "carriers.recognition_lead_months",
    "carriers.winners_per_item",
    "carriers.rounding",
)
_AMOUNT: Final = {
    True: ("carriers.best_ten_amount",),
    False: ("carriers.capacity_share", "carriers.capacity_cap"),
}
# Each host list with the volume its hosts' bases must reach, in the rule's order.
_VOLUMES: Final = (
    ("carriers.institution_hosts", "carriers.min_trainees_institution"),
    ("carriers.enterprise_hosts", "carriers.min_trainees_enterprise"),
)
_YEARS: Final = range(2019, 2031)
_ROUND_YEARS: dict[str, tuple[int, ...]] = {}
_GAPS: Final = st.integers(1, 10)
_SCORES: Final = st.integers(500, 900)
_INVESTMENTS: Final = st.integers(10_000, 5_000_000)
_EXTRAS: Final = st.sampled_from(
    ((), ("failed",), ("below",), ("other item",), ("failed", "below", "other item"))
)


def _on_round_day(policy: Policy, year: int) -> Figure:
    """Reads figures on 1 January of *year*, the day a round's figures are read."""
    snapshot = policy.at(date(year, 1, 1))
    return lambda name: snapshot.get(name).value


def _base_hosts(value: Figure) -> list[tuple[CarrierHostKind, int]]:
    """Each host kind a base may have, with the volume its base must reach."""
    placed: dict[CarrierHostKind, int | None] = {}
    for hosts, minimum in _VOLUMES:
        for host in value(hosts) or ():
            placed.setdefault(host, value(minimum))  # the first list holding it decides
    return sorted(
        ((h, n) for h, n in placed.items() if n is not None), key=lambda p: p[0].value
    )


def _type_ready(value: Figure, kind: CarrierType) -> bool:
    """Whether the figures a carrier of *kind* is judged by are in force."""
    if kind is _BASE:
        return bool(_base_hosts(value))
    if kind is _STUDIO:
        return value("carriers.studio_apprentices_above") is not None
    return True


def _open_types(value: Figure, category: CarrierAwardCategory) -> list[CarrierType]:
    """The carrier types that may apply for *category*, their figures in force."""
    best = category.is_best_ten
    if any(value(name) is None for name in (*_ROUND, *_AMOUNT[best])):
        return []
    allowed = value(_ITEM_TYPES[best]) or frozenset()
    return [
        kind for kind in CarrierType if kind in allowed and _type_ready(value, kind)
    ]


def _round_years(policy: Policy) -> tuple[int, ...]:
    """The years whose round has an item a carrier can win, all figures in force."""
    found = _ROUND_YEARS.get(policy.fingerprint)
    if found is None:
        found = tuple(
            year
            for year in _YEARS
            if any(
                _open_types(_on_round_day(policy, year), category)
                for category in CarrierAwardCategory
            )
        )
        if len(_ROUND_YEARS) > 64:
            _ROUND_YEARS.clear()
        _ROUND_YEARS[policy.fingerprint] = found
    return found


def _award_days(policy: Policy) -> "st.SearchStrategy[date]":
    """Days in a round's year or the next (a round decided late), round day first."""
    years = _round_years(policy)
    if not years:
        msg = (
            "no award round from 2019 to 2030 has its figures in force under this "
            "policy on 1 January of its year (carriers.recognition_lead_months, "
            "carriers.winners_per_item, carriers.rounding, an item's carrier types "
            "and amount, and a type's own figures); pass a policy that gives them"
        )
        raise InvalidArgument(msg)
    firsts = [date(year, 1, 1) for year in years]
    spans = [(day, min(date(day.year + 1, 12, 31), POLICY_LAST)) for day in firsts]
    anywhere = st.sampled_from(spans).flatmap(lambda span: st.dates(*span))
    return st.sampled_from(firsts) | anywhere | anywhere


def _round_year(setting: Setting) -> int:
    """The latest round year up to the evaluation day's (the first one if none)."""
    years = _round_years(setting.policy) or (setting.on.year,)
    earlier = [year for year in years if year <= setting.on.year]
    return earlier[-1] if earlier else years[0]


def _cutoff(value: Figure, year: int) -> date:
    """The day a carrier must have been recognised before."""
    return add_months(date(year, 1, 1), -value("carriers.recognition_lead_months"))


def _type_facts(
    draw: st.DrawFn, value: Figure, kind: CarrierType
) -> tuple[CarrierHostKind | None, Facts]:
    """The host kind and the facts a carrier of *kind* needs to meet its figures."""
    if kind is _BASE:
        host, minimum = pick(draw, _base_hosts(value))
        trainees = draw(at_least(minimum, spread=500))
        return host, {"annual_trainees": trainees, "apprentices_taught": None}
    host_kind = pick(draw, (CarrierHostKind.ENTERPRISE, None))
    if kind is _STUDIO:
        taught = draw(above(value("carriers.studio_apprentices_above"), spread=20))
        return host_kind, {"annual_trainees": None, "apprentices_taught": taught}
    return host_kind, {"annual_trainees": None, "apprentices_taught": None}


def _investment(
    draw: st.DrawFn, value: Figure, category: CarrierAwardCategory
) -> Decimal | None:
    """A project's total investment in whole yuan: for a capacity project, near the
    investment at which its award reaches the cap."""
    if category.is_best_ten:
        return None if draw(st.booleans()) else Decimal(draw(_INVESTMENTS))
    share: Decimal = value("carriers.capacity_share")
    cap: Decimal = value("carriers.capacity_cap")
    if share <= 0:
        return Decimal(draw(_INVESTMENTS))
    full = int(cap / share)  # whole yuan: the award reaches the cap from here on
    least = min(10_000, full)
    return Decimal(draw(at_most(full, least=least) | above(full, spread=100_000)))


def _award_application(
    draw: st.DrawFn, setting: Setting, year: int
) -> CarrierAwardApplication:
    """An application to *year*'s round that meets every condition of its item."""
    value = _on_round_day(setting.policy, year)
    categories = [c for c in CarrierAwardCategory if _open_types(value, c)]
    category = pick(draw, categories or list(CarrierAwardCategory))
    kind = pick(draw, _open_types(value, category) or [_STATION])
    host_kind, measures = _type_facts(draw, value, kind)
    cutoff = _cutoff(value, year)
    latest = min(cutoff - timedelta(days=1), setting.on)
    carrier = attrs.evolve(
        _carrier(draw, kind, host_kind),
        recognised_on=draw(at_most(latest, least=latest - timedelta(days=2000))),
        recognised_by=RecognitionLevel.MUNICIPAL,
    )
    return CarrierAwardApplication(
        carrier=carrier,
        category=category,
        year=year,
        project_title=None
        if category is CarrierAwardCategory.MODEL_CARRIER
        else "某项目",
        total_investment=_investment(draw, value, category),
        review_score=_tenths(draw(_SCORES)),
        **measures,
    )


def _rival(
    application: CarrierAwardApplication, serial: int, score: Decimal, **changes: Any
) -> CarrierAwardApplication:
    """Another carrier's application like *application*, scored *score*."""
    carrier = application.carrier
    host = carrier.host
    division = host.division or SHENZHEN_DISTRICTS[0]
    changed = attrs.evolve(
        carrier,
        name=f"{_NAMES[carrier.carrier_type]}{serial}",
        host=credit_code(
            (int(host.code[12:17]) + serial) % 100_000,
            division=division,
            kind=host.code[:2],
        ),
        **changes,
    )
    return attrs.evolve(application, carrier=changed, review_score=score)


def _tenths(count: int) -> Decimal:
    return Decimal(count).scaleb(-1)


def _awarded(draw: st.DrawFn, setting: Setting) -> Facts:
    year = _round_year(setting)
    value = _on_round_day(setting.policy, year)
    application = _award_application(draw, setting, year)
    score = application.review_score
    assert score is not None  # noqa: S101 - drawn just above
    limit: int = value("carriers.winners_per_item")
    last = max(limit - 1, 0)
    # Winners ranked above it (often none, one, or all but one place), a little
    # apart in score; a better-scored one that fails a condition takes no place.
    ahead = pick(draw, (0, 0, 1, 2, last))
    gap = _tenths(draw(_GAPS))
    pool = [_rival(application, n, score + gap * n) for n in range(1, ahead + 1)]
    late = _cutoff(value, year)
    extra = draw(_EXTRAS)
    if "failed" in extra:
        pool.append(_rival(application, 100, score + gap, recognised_on=late))
    if "below" in extra:
        pool.append(_rival(application, 200, max(score - gap, Decimal(0))))
    if "other item" in extra:
        items = list(CarrierAwardCategory)
        item = items[(items.index(application.category) + 1) % len(items)]
        rival = _rival(application, 300, score + gap)
        pool.append(attrs.evolve(rival, category=item))
    return {"application": application, "applications": tuple(pool)}


def _with_application(facts: Facts, **changes: Any) -> Facts:
    return {**facts, "application": attrs.evolve(facts["application"], **changes)}


def _round_of(setting: Setting, facts: Facts) -> Figure:
    return _on_round_day(setting.policy, facts["application"].year)


def _as_type(draw: st.DrawFn, value: Figure, facts: Facts, kind: CarrierType) -> Facts:
    """The facts with the applying carrier made a *kind* that meets its figures."""
    application: CarrierAwardApplication = facts["application"]
    if application.carrier.carrier_type is kind:
        return facts
    host_kind, measures = _type_facts(draw, value, kind)
    carrier = attrs.evolve(
        application.carrier,
        carrier_type=kind,
        name=_NAMES[kind],
        partner_regions=(),
        host_kind=host_kind,
    )
    return _with_application(facts, carrier=carrier, **measures)


def _wrong_item(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    value = _round_of(setting, facts)
    application: CarrierAwardApplication = facts["application"]
    category = application.category
    allowed = value(_ITEM_TYPES[category.is_best_ten])
    if allowed is not None:
        others = [kind for kind in CarrierType if kind not in allowed]
        if others:
            kind = pick(draw, others)
            if _type_ready(value, kind):
                return _as_type(draw, value, facts, kind)
            carrier = attrs.evolve(
                application.carrier, carrier_type=kind, name=_NAMES[kind]
            )
            return _with_application(facts, carrier=carrier)
    # Every type may apply for this item: another item that the type may not apply for.
    kind = application.carrier.carrier_type
    items = [
        c
        for c in CarrierAwardCategory
        if _open_types(value, c) and kind not in (value(_ITEM_TYPES[c.is_best_ten]))
    ]
    if not items:
        return facts
    item = pick(draw, items)
    return _with_application(
        facts, category=item, total_investment=_investment(draw, value, item)
    )


def _recognised_late(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    cutoff = _cutoff(_round_of(setting, facts), facts["application"].year)
    if cutoff > setting.on:
        return facts
    carrier = attrs.evolve(
        facts["application"].carrier,
        recognised_on=draw(at_least(cutoff, most=setting.on)),
    )
    return _with_application(facts, carrier=carrier)


def _applying_as(
    draw: st.DrawFn, value: Figure, facts: Facts, kind: CarrierType
) -> Facts | None:
    """The facts with the carrier made a *kind*, in an item a *kind* may apply for
    (its own if it may); ``None`` if no item is open to a *kind*."""
    application: CarrierAwardApplication = facts["application"]
    if kind not in _open_types(value, application.category):
        items = [c for c in CarrierAwardCategory if kind in _open_types(value, c)]
        if not items:
            return None
        item = pick(draw, items)
        facts = _with_application(
            facts, category=item, total_investment=_investment(draw, value, item)
        )
    return _as_type(draw, value, facts, kind)


def _too_few_trainees(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    value = _round_of(setting, facts)
    base = _applying_as(draw, value, facts, _BASE)
    if base is None:
        return facts
    host = base["application"].carrier.host_kind
    minimum = dict(_base_hosts(value)).get(host, 0)
    if minimum <= 0:
        return base
    return _with_application(base, annual_trainees=draw(below(minimum, least=0)))


def _too_few_apprentices(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    value = _round_of(setting, facts)
    studio = _applying_as(draw, value, facts, _STUDIO)
    if studio is None:
        return facts
    most: int = value("carriers.studio_apprentices_above")
    return _with_application(studio, apprentices_taught=draw(at_most(most, least=0)))


def _outranked(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    del draw
    application: CarrierAwardApplication = facts["application"]
    value = _round_of(setting, facts)
    limit: int = value("carriers.winners_per_item")
    score = application.review_score
    assert score is not None  # noqa: S101 - the eligible case is scored
    cutoff = _cutoff(value, application.year)
    ahead = sum(
        1
        for other in facts["applications"]
        if other.category is application.category
        and other.year == application.year
        and other.review_score is not None
        and other.review_score > score
        and other.carrier.recognised_on is not None
        and other.carrier.recognised_on < cutoff
    )
    more = [
        _rival(application, 400 + n, score + _tenths(n + 1))
        for n in range(max(limit - ahead, 0))
    ]
    return {**facts, "applications": (*facts["applications"], *more)}


AWARD = CaseRecipe(
    rule="carriers.award",
    eligible=_awarded,
    breaks={
        "carriers.award.item": _wrong_item,
        "carriers.award.recognised": _recognised_late,
        "carriers.award.base_volume": _too_few_trainees,
        "carriers.award.studio_apprentices": _too_few_apprentices,
        "carriers.award.rank": _outranked,
    },
    days=_award_days,
)
"""Carrier awards: an application among the winners of its item in a round whose
figures are in force (read on 1 January of the round's year), with fewer winners
ranked above it than the item's limit; the rank breaker adds better-scored winners
until it is pushed out."""


RECIPES: tuple[CaseRecipe, ...] = (RECOGNITION, AWARD)
"""The recipes of the programme's rules."""
