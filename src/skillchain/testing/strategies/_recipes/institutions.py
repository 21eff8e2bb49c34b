"""Recipes of the rules of private training institutions' filing (民办职业培训机构备案)."""

from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Final

import attrs

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from skillchain._codes import DivisionCode, OccupationCode
from skillchain._identifiers import CreditCode, ResidentId
from skillchain.model import (
    FilingStatus,
    OrganiserKind,
    PrivateInstitutionFiling,
    SetupProcedure,
)
from skillchain.testing.strategies._cases import (
    CaseRecipe,
    Facts,
    Setting,
    at_least,
    below,
)
from skillchain.testing.strategies._draws import between, pick, resident_born


__all__ = ["FILING", "RECIPES"]


_ORGANISER_CODE: Final = CreditCode("91350100M000100Y43")
# District parts of a city's code: Shenzhen's 罗湖 to 光明 (and the same parts elsewhere).
_DISTRICTS: Final = ("03", "04", "05", "06", "07", "08", "09", "10", "11")
_OCCUPATIONS: Final = tuple(
    OccupationCode(code)
    for code in ("4-10-01-05", "4-10-01-06", "4-10-03-01", "4-10-04-01", "4-12-01-01")
)
_NAMES: Final = ("深圳市某职业培训学校", "深圳市某职业技能培训中心", "某某职业培训学校")
_AREA_PLACES: Final = Decimal("0.01")


_OCCUPATION_LISTS: Final = st.lists(
    st.sampled_from(_OCCUPATIONS), min_size=1, max_size=3, unique=True
)
_PART_TIME: Final = st.none() | st.integers(0, 20)


def _adult(draw: st.DrawFn, on: date) -> ResidentId:
    """An identity number of someone aged 18 to 70 on *on*."""
    oldest = on.replace(year=on.year - 70, day=1)
    birth = between(draw, oldest, oldest + timedelta(days=52 * 365))
    return resident_born(birth, serial=between(draw, 0, 999))


def _cities(setting: Setting, wanted: bool) -> list[DivisionCode]:
    """The cities the procedure table lists with (or without) the filing procedure."""
    table = setting.value("institutions.procedure") or {}
    return sorted(
        (
            city
            for city, way in table.items()
            if (way is SetupProcedure.FILING) is wanted
        ),
        key=str,
    )


def _district(draw: st.DrawFn, cities: list[DivisionCode]) -> DivisionCode:
    city = pick(draw, cities)
    return DivisionCode(city.code[:4] + pick(draw, _DISTRICTS))


def _filing(draw: st.DrawFn, setting: Setting) -> Facts:
    """A filing submitted on the day, meeting every figure in force (often just)."""
    cities = _cities(setting, wanted=True)
    if not cities:
        msg = f"no city files private training institutions on {setting.on}"
        raise InvalidArgument(msg)
    lease_min: int = setting.value("institutions.lease_min_months")
    area_min = Decimal(setting.value("institutions.premises_min_area"))
    teachers_min: int = setting.value("institutions.full_time_teachers_min")
    funds_min: Decimal = setting.value("institutions.start_up_funds_min")
    individual = draw(st.booleans())
    owned = pick(draw, (False, None, True))
    lease: int | None = draw(at_least(lease_min, most=lease_min + 120))
    if owned is True:
        lease = None if draw(st.booleans()) else lease
    occupations = draw(_OCCUPATION_LISTS)
    filing = PrivateInstitutionFiling(
        institution_name=pick(draw, _NAMES),
        organiser_kind=OrganiserKind.INDIVIDUAL
        if individual
        else OrganiserKind.LEGAL_PERSON,
        organiser_code=None if individual else _ORGANISER_CODE,
        organiser_id=_adult(draw, setting.on) if individual else None,
        political_rights_and_full_capacity=True if individual else None,
        division=_district(draw, cities),
        submitted_on=setting.on,
        status=FilingStatus.PENDING,
        premises_owned=owned,
        lease_months=lease,
        premises_area=draw(
            at_least(area_min.quantize(_AREA_PLACES), most=area_min * 10 + 100)
        ),
        full_time_teachers=draw(at_least(teachers_min, most=teachers_min + 30)),
        part_time_teachers=draw(_PART_TIME),
        start_up_funds=draw(at_least(funds_min, most=funds_min * 20 + 100_000)),
        occupations=tuple(occupations),
    )
    return {"filing": filing}


def _changed(facts: Facts, **changes: Any) -> Facts:
    return {**facts, "filing": attrs.evolve(facts["filing"], **changes)}


def _elsewhere(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """Filed in a city that admits institutions by another procedure (if one is listed)."""
    cities = _cities(setting, wanted=False)
    if not cities:
        return facts  # every city listed files: only the policy can fail this
    return _changed(facts, division=_district(draw, cities))


def _incapable(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """An individual organiser without political rights or full civil capacity."""
    filing: PrivateInstitutionFiling = facts["filing"]
    person = filing.organiser_id or _adult(draw, setting.on)
    return _changed(
        facts,
        organiser_kind=OrganiserKind.INDIVIDUAL,
        organiser_code=None,
        organiser_id=person,
        political_rights_and_full_capacity=False,
    )


def _short_lease(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    """Leased premises, the lease a month or more short of the minimum."""
    least: int = setting.value("institutions.lease_min_months")
    if least <= 1:
        return facts  # every lease is long enough
    return _changed(
        facts,
        premises_owned=pick(draw, (False, None)),
        lease_months=draw(below(least, least=1)),
    )


def _small(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    least = Decimal(setting.value("institutions.premises_min_area"))
    if least <= 0:
        return facts
    return _changed(
        facts,
        premises_area=draw(below(least.quantize(_AREA_PLACES), least=Decimal(0))),
    )


def _understaffed(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    least: int = setting.value("institutions.full_time_teachers_min")
    if least <= 0:
        return facts
    return _changed(facts, full_time_teachers=draw(below(least, least=0)))


def _underfunded(draw: st.DrawFn, setting: Setting, facts: Facts) -> Facts:
    least: Decimal = setting.value("institutions.start_up_funds_min")
    if least <= 0:
        return facts
    return _changed(facts, start_up_funds=draw(below(least, least=Decimal(0))))


FILING = CaseRecipe(
    rule="institutions.filing",
    eligible=_filing,
    breaks={
        "institutions.filing.procedure": _elsewhere,
        "institutions.filing.organiser": _incapable,
        "institutions.filing.lease_term": _short_lease,
        "institutions.filing.premises_area": _small,
        "institutions.filing.full_time_teachers": _understaffed,
        "institutions.filing.start_up_funds": _underfunded,
    },
)
"""Filing: a filing city, a capable organiser, and every figure met on submission."""

RECIPES: tuple[CaseRecipe, ...] = (FILING,)
"""The recipes of the programme's rules."""
