"""Strategies and helpers for the apprenticeship subsidy, prepayment, settlement and quota rules.

Valid by construction (no filtering): apprentice lists never enrol a person twice,
and quota pools never hold the same application twice.  The policy helpers build
district overlays (the quota and the shortage uplift are district- or
city-supplied) and "poisoned" policies that change every value of the named
parameters on every day except one.
"""

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from hypothesis import strategies as st
from stdnum.cn import ric

from skillchain import CreditCode, OccupationCode, Policy, ResidentId, SkillLevel
from skillchain.model import (
    ApprenticeEnrolment,
    ApprenticeshipProgramme,
    InstitutionKind,
    Person,
    ProgrammeStatus,
    TrainingInstitution,
    TrainingMode,
)
from skillchain.policy import specs
from skillchain.rules.apprenticeship.quota import QuotaApplication
from strategies import credit_codes, occupation_codes, resident_ids


__all__ = [
    "BOUNDARY_DAYS",
    "ENTERPRISE",
    "OTHER_ENTERPRISE",
    "RATED_LEVELS",
    "apprentice_lists",
    "enrol",
    "evaluation_days",
    "make_programme",
    "overlay",
    "poisoned",
    "quota_applications",
]

ENTERPRISE = CreditCode("9144030400000000J0")
"""A valid credit code for hand-worked examples."""

OTHER_ENTERPRISE = CreditCode("91440300MA5F000007")
"""Another valid credit code (it sorts before :data:`ENTERPRISE`)."""

RATED_LEVELS: tuple[SkillLevel, ...] = (
    SkillLevel.INTERMEDIATE,
    SkillLevel.ADVANCED,
    SkillLevel.TECHNICIAN,
)
"""The target levels Shenzhen's table gives a rate for."""

BOUNDARY_DAYS: tuple[date, ...] = tuple(
    day + timedelta(days=shift)
    for day in (
        date(2019, 12, 19),
        date(2020, 10, 23),
        date(2021, 6, 8),
        date(2023, 8, 15),
        date(2026, 1, 1),
    )
    for shift in (-1, 0)
)
"""The first days of the apprenticeship parameters' periods, and the days before."""

_SCHOOL = TrainingInstitution(
    name="深圳市某技工学校", kind=InstitutionKind.TECHNICAL_SCHOOL
)
_FAR_PAST = "1900-01-01"
_DAY = timedelta(days=1)

# A value of each kind unlike any bundled value (the quota order has one member,
# so only its document and provenance change).
_POISON: Mapping[str, str] = {
    "money by level": '{ intermediate = "1", advanced = "2", technician = "3", '
    'senior_technician = "4" }',
    "money": '"1"',
    "ratio": '"0.99"',
    "months": "99",
    "count": "1",
    "level": '"elementary"',
    "PartYearRule": '"started_years"',
    "QuotaOrder": '"filing_order"',
    "rounding": '{ quantum = "100", mode = "up" }',
}

_DOCUMENT = """
[documents.{doc}]
title = "测试用区级文件"
issuers = ["测试机关"]
level = "district"
provenance = "unverified"
"""


def make_programme(
    *,
    level: SkillLevel = SkillLevel.ADVANCED,
    months: int = 24,
    start: date = date(2024, 3, 1),
    enterprise: CreditCode = ENTERPRISE,
    occupation: OccupationCode | None = None,
    reference: str | None = None,
    filed_on: date | None = None,
) -> ApprenticeshipProgramme:
    """A programme for hand-worked examples (a technical school partner, work-study).

    Args:
        level: The target level.
        months: The planned months.
        start: The day classes start.
        enterprise: The enterprise's credit code.
        occupation: The occupation; 6-31-01-03 if None.
        reference: The filing reference.
        filed_on: The filing day.
    """
    return ApprenticeshipProgramme(
        enterprise=enterprise,
        institution=_SCHOOL,
        occupation=occupation or OccupationCode("6-31-01-03"),
        target_level=level,
        start=start,
        planned_months=months,
        modes=frozenset({TrainingMode.WORK_STUDY_ALTERNATION}),
        status=ProgrammeStatus.APPLIED,
        reference=reference,
        filed_on=filed_on,
    )


def enrol(
    programme: ApprenticeshipProgramme, flags: Sequence[bool | None]
) -> list[ApprenticeEnrolment]:
    """One enrolment per flag (its ``qualified``), each a different person.

    Args:
        programme: The programme enrolled in.
        flags: The ``qualified`` fact of each apprentice.
    """
    enrolments = []
    for index, flag in enumerate(flags):
        body = f"44030419900101{index:03d}"
        check = ric.calc_check_digit(body + "0")
        enrolments.append(
            ApprenticeEnrolment(
                person=Person(id=ResidentId(body + check)),
                programme=programme,
                qualified=flag,
            )
        )
    return enrolments


@st.composite
def apprentice_lists(
    draw: st.DrawFn,
    programme: ApprenticeshipProgramme,
    *,
    flags: st.SearchStrategy[bool | None] | None = None,
    max_size: int = 12,
) -> list[ApprenticeEnrolment]:
    """Draw the apprentices of *programme*, each a different person.

    Args:
        draw: Supplied by Hypothesis.
        programme: The programme they are enrolled in.
        flags: Their ``qualified`` facts; True or False if None.
        max_size: The most apprentices.
    """
    ids = draw(st.lists(resident_ids(), max_size=max_size, unique=True))
    chosen = flags if flags is not None else st.booleans()
    return [
        ApprenticeEnrolment(
            person=Person(id=person), programme=programme, qualified=draw(chosen)
        )
        for person in ids
    ]


def evaluation_days() -> st.SearchStrategy[date]:
    """Draw evaluation days from 2019 to 2027, often on either side of a boundary."""
    return st.sampled_from(BOUNDARY_DAYS) | st.dates(
        min_value=date(2019, 1, 1), max_value=date(2027, 12, 31)
    )


@st.composite
def quota_applications(draw: st.DrawFn) -> QuotaApplication:
    """Draw quota applications that often tie on filing day, enterprise and reference."""
    enterprise = draw(st.sampled_from([ENTERPRISE, OTHER_ENTERPRISE]) | credit_codes())
    filed_on = draw(
        st.none()
        | st.sampled_from([date(2024, 1, 5), date(2024, 1, 6)])
        | st.dates(min_value=date(2023, 10, 1), max_value=date(2024, 3, 31))
    )
    programme = make_programme(
        level=draw(st.sampled_from(RATED_LEVELS)),
        months=draw(st.integers(12, 36)),
        start=draw(st.dates(min_value=date(2024, 1, 1), max_value=date(2024, 12, 31))),
        enterprise=enterprise,
        occupation=draw(occupation_codes(detail=True)),
        reference=draw(st.none() | st.sampled_from(["FT-001", "FT-002", "FT-003"])),
        filed_on=filed_on,
    )
    return QuotaApplication(programme=programme, apprentices=draw(st.integers(1, 40)))


def overlay(
    values: Mapping[str, Sequence[tuple[str, str | None, str]]],
    *,
    base: Policy | None = None,
    doc: str = "test-district",
) -> Policy:
    """Lay values over *base* (the bundled policy by default).

    Args:
        values: Parameter name -> ``(since, until, TOML value)`` triples (until
            ``None`` for an open end); dates as TOML dates, e.g. ``"2024-01-01"``.
        base: The policy to overlay; the bundled one if None.
        doc: The id of the (unverified, district) document the values cite.
    """
    parts = [_DOCUMENT.format(doc=doc)]
    for name, triples in values.items():
        parts.append(
            f'[parameters."{name}"]\ndescription_zh = "测试"\n'
            f'description_en = "test"\nunit = "{specs()[name].unit}"\n'
        )
        for since, until, value in triples:
            parts.append(
                f'[[parameters."{name}".values]]\nsince = {since}\n'
                + (f"until = {until}\n" if until is not None else "")
                + f'value = {value}\ndocument = "{doc}"\n'
            )
    top = Policy.loads("\n".join(parts), name=f"{doc}.toml")
    return (base if base is not None else Policy.default()).overlay(top)


def poisoned(policy: Policy, names: Sequence[str], day: date) -> Policy:
    """*policy* with every named parameter changed on every day except *day*.

    Args:
        policy: The policy to change.
        names: The dotted parameter names.
        day: The one day whose values stay as they are.
    """
    before = (day - _DAY).isoformat()
    after = (day + _DAY).isoformat()
    values = {
        name: [
            (_FAR_PAST, before, _POISON[specs()[name].kind.name]),
            (after, None, _POISON[specs()[name].kind.name]),
        ]
        for name in names
    }
    return overlay(values, base=policy, doc="poison")
