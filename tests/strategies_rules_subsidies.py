"""Hypothesis strategies and fixtures for the subsidy rules (annual cap, skill upgrade, UI).

Claims and certificates draw their occupations from a handful of codes, so that a
history often holds a claim for the same occupation and level as the case: the
one-payment and exclusion checks then meet real conflicts, not just misses.
"""

from collections.abc import Callable
from datetime import date

import attrs

from hypothesis import strategies as st
from stdnum.cn import ric

from skillchain import OccupationCode, Policy, ResidentId, Sex, SkillLevel
from skillchain.model import (
    Certificate,
    CertificateKind,
    IssuerKind,
    Person,
    SubsidyClaim,
    SubsidyKind,
)
from skillchain.policy import Resolved
from strategies import resident_ids
from strategies_people import persons


__all__ = [
    "COURIER",
    "GRADES",
    "OCCUPATIONS",
    "catalogue_policy",
    "certificates",
    "claim_days",
    "histories",
    "resident",
    "restricted",
    "subsidy_claims_near",
    "upgrade_cases",
    "workers",
]

COURIER = OccupationCode("4-02-07-08")
"""An illustrative occupation code for the catalogue row of the tests.

The row's figures are the 2023 Guangdong catalogue's example for postal and courier
occupations (1 000 / 1 500 / 2 000 / 2 500 / 3 000 yuan for 五级 … 一级, reported
by a news repost of 2023-08-24); the code itself is picked for the tests and is not
claimed to be the catalogue's.
"""

OCCUPATIONS: tuple[OccupationCode, ...] = (
    COURIER,
    OccupationCode("6-18-02-04"),
    OccupationCode("6-31-01-03"),
)
"""The few occupations the strategies draw from."""

GRADES: tuple[SkillLevel, ...] = (
    SkillLevel.ELEMENTARY,
    SkillLevel.INTERMEDIATE,
    SkillLevel.ADVANCED,
    SkillLevel.TECHNICIAN,
    SkillLevel.SENIOR_TECHNICIAN,
)
"""The five national grades (五级 … 一级)."""

CATALOGUE_OVERLAY = """
format = 1
title = "Test overlay: one catalogue row"

[documents.test-gd-catalogue-2023-example]
title = "广东省职业技能提升补贴（指导）标准目录（2023年版）邮政快递类示例（测试用）"
title_en = "Guangdong 2023 catalogue, postal and courier example (test fixture)"
issuers = ["广东省人力资源和社会保障厅"]
level = "provincial"
provenance = "secondary"
urls = ["http://sooncaller.com/hyzx/145.html"]
note = "Illustrative: the occupation code is the tests' choice, the figures the reported example row."

[parameters."skill_upgrade.catalogue"]
description_zh = "职业技能提升补贴标准目录（按职业、等级）"
description_en = "Skill-upgrade subsidy per certificate by occupation and level"
unit = "yuan_per_certificate"

[[parameters."skill_upgrade.catalogue".values]]
since = 2023-08-15
until = 2025-12-31
document = "test-gd-catalogue-2023-example"
value = { "4-02-07-08" = { elementary = "1000", intermediate = "1500", advanced = "2000", technician = "2500", senior_technician = "3000" } }
"""


def resident(birth: date, sex: Sex = Sex.MALE) -> ResidentId:
    """A valid identity number (issued in Futian) for a person born on *birth*.

    Args:
        birth: The birth date.
        sex: The sex (odd sequence number for men).
    """
    sequence = 101 if sex is Sex.MALE else 100
    body = f"440304{birth:%Y%m%d}{sequence:03d}"
    return ResidentId(body + ric.calc_check_digit(body + "0"))


def catalogue_policy() -> Policy:
    """The bundled policy with the illustrative courier row of the catalogue laid over it."""
    return Policy.default().overlay(
        Policy.loads(CATALOGUE_OVERLAY, name="catalogue-example.toml")
    )


def restricted(policy: Policy, keep: Callable[[str, Resolved[object]], bool]) -> Policy:
    """A copy of *policy* holding only the parameter values *keep* accepts.

    Args:
        policy: The policy to copy.
        keep: Given a parameter name and one of its dated values, whether to keep it.
    """
    parameters = {
        name: attrs.evolve(
            param, values=tuple(v for v in param.values if keep(name, v))
        )
        for name, param in policy.parameters.items()
    }
    return Policy(
        documents=policy.documents, parameters=parameters, sources=policy.sources
    )


def claim_days(
    *, first: date = date(2021, 6, 1), last: date = date(2026, 6, 30)
) -> st.SearchStrategy[date]:
    """Draw claim days around the periods the subsidy parameters are in force.

    Args:
        first: The earliest day.
        last: The latest day.
    """
    return st.dates(min_value=first, max_value=last)


def subsidy_claims_near() -> st.SearchStrategy[SubsidyClaim]:
    """Draw claims of any kind, 2022–2026, for a few occupations and the five grades."""
    return st.builds(
        SubsidyClaim,
        kind=st.sampled_from(SubsidyKind),
        year=st.integers(2022, 2026),
        occupation=st.none() | st.sampled_from(OCCUPATIONS),
        level=st.none() | st.sampled_from(GRADES),
    )


def histories(max_size: int = 6) -> st.SearchStrategy[tuple[SubsidyClaim, ...]]:
    """Draw claim histories (tuples of claims).

    Args:
        max_size: The most claims in one history.
    """
    return st.lists(subsidy_claims_near(), max_size=max_size).map(tuple)


@st.composite
def certificates(draw: st.DrawFn, *, holder: ResidentId | None = None) -> Certificate:
    """Draw certificates of the kinds the subsidies meet, 2021–2026.

    Args:
        draw: Supplied by Hypothesis.
        holder: The holder; any valid number if None.
    """
    kind = draw(
        st.sampled_from(
            (
                CertificateKind.SKILL_LEVEL,
                CertificateKind.SKILL_LEVEL,
                CertificateKind.VOCATIONAL_QUALIFICATION,
                CertificateKind.SPECIAL_ABILITY,
                CertificateKind.TRAINING_COMPLETION,
            )
        )
    )
    level: SkillLevel | None = draw(st.sampled_from(GRADES))
    if kind is CertificateKind.SPECIAL_ABILITY:
        level = None
    return Certificate(
        holder=holder if holder is not None else draw(resident_ids()),
        kind=kind,
        occupation=draw(st.sampled_from(OCCUPATIONS)),
        level=level,
        issued_on=draw(
            st.dates(min_value=date(2021, 1, 1), max_value=date(2026, 6, 30))
        ),
        issuer_kind=draw(st.sampled_from(IssuerKind)),
    )


def _with_id(person: Person, resident_id: ResidentId) -> Person:
    return attrs.evolve(person, id=resident_id)


def workers() -> st.SearchStrategy[Person]:
    """Draw workers born 1950–2012 (so every age band is met), any facts known or not."""
    # persons(ids=...) tests a strategy for truth (a HypothesisWarning): set the id here.
    born = resident_ids(min_birth=date(1950, 1, 1), max_birth=date(2012, 12, 31))
    return st.builds(_with_id, persons(), born)


@st.composite
def upgrade_cases(draw: st.DrawFn) -> tuple[Person, Certificate]:
    """Draw a worker and a certificate they hold."""
    person = draw(workers())
    return person, draw(certificates(holder=person.id))
