"""Policies and records the hand-worked rule tests share.

District overlays (an occupation directory, the online share and own-centre size, any
values laid over the bundled policy), a policy holding only some values, the
illustrative catalogue row, and programmes, enrolments and identity numbers built by
hand.  The tests' drawn values come from ``skillchain.testing.strategies``.
"""

from collections.abc import Callable, Mapping, Sequence
from datetime import date

import attrs

from stdnum.cn import ric

from skillchain import (
    CreditCode,
    Decision,
    Finding,
    OccupationCode,
    Policy,
    Provenance,
    Remedy,
    ResidentId,
    Sex,
    SkillLevel,
    remedies,
)
from skillchain.model import (
    ApprenticeEnrolment,
    ApprenticeshipProgramme,
    InstitutionKind,
    Person,
    ProgrammeStatus,
    TrainingInstitution,
    TrainingMode,
)
from skillchain.policy import Resolved, specs
from skillchain.rules import Condition, Rule, register, unregister


__all__ = [
    "COURIER",
    "DIRECTORY_OCCUPATION",
    "ENTERPRISE",
    "OTHER_ENTERPRISE",
    "WITH_DIRECTORY",
    "WITH_DISTRICT",
    "catalogue_policy",
    "demo_rule",
    "directory_overlay",
    "district_figures_overlay",
    "enrol",
    "make_programme",
    "overlay",
    "remedies_of_failed",
    "resident",
    "restricted",
]


#: The occupation the test directory lists (电工, 6-31-01-03).
DIRECTORY_OCCUPATION = OccupationCode("6-31-01-03")


ENTERPRISE = CreditCode("9144030400000000J0")
"""A valid credit code for hand-worked examples."""


OTHER_ENTERPRISE = CreditCode("91440300MA5F000007")
"""Another valid credit code (it sorts before :data:`ENTERPRISE`)."""


COURIER = OccupationCode("4-02-07-08")
"""An illustrative occupation code for the catalogue row of the tests.

The row's figures are the 2023 Guangdong catalogue's example for postal and courier
occupations (1 000 / 1 500 / 2 000 / 2 500 / 3 000 yuan for 五级 … 一级, reported
by a news repost of 2023-08-24); the code itself is picked for the tests and is not
claimed to be the catalogue's.
"""


_SCHOOL = TrainingInstitution(
    name="深圳市某技工学校", kind=InstitutionKind.TECHNICAL_SCHOOL
)


_DOCUMENT = """
[documents.{doc}]
title = "测试用区级文件"
issuers = ["测试机关"]
level = "district"
provenance = "unverified"
"""


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


def catalogue_policy() -> Policy:
    """The bundled policy with the illustrative courier row of the catalogue laid over it."""
    return Policy.default().overlay(
        Policy.loads(CATALOGUE_OVERLAY, name="catalogue-example.toml")
    )


def directory_overlay(
    *codes: str, since: str = "2024-01-01", until: str | None = None
) -> Policy:
    """A district overlay supplying ``apprenticeship.occupation_directory``.

    Args:
        codes: The occupation codes the directory lists.
        since: The first day the directory is in force (TOML date).
        until: The last day, or None for open-ended.
    """
    listed = ", ".join(f'"{code}"' for code in codes)
    end = f"until = {until}\n" if until else ""
    return Policy.loads(
        f"""
[documents.test-district-directory]
title = "测试用区学徒培养职业（工种）指导目录"
issuers = ["测试区人力资源局"]
level = "district"
provenance = "unverified"

[parameters."apprenticeship.occupation_directory"]
description_zh = "区学徒培养职业（工种）指导目录"
description_en = "The district's apprenticeship occupation directory"
unit = "occupations"

[[parameters."apprenticeship.occupation_directory".values]]
since = {since}
{end}value = [{listed}]
document = "test-district-directory"
""",
        name="test-directory.toml",
    )


def district_figures_overlay(
    share: str = "0.50", size: str = "large", since: str = "2019-12-19"
) -> Policy:
    """A district overlay supplying the online share and the own-centre size.

    Test figures (Futian's are not published): by default those of Luohu's 2023
    call, at most half the professional-basics hours online and large enterprises'
    own centres.
    """
    return Policy.loads(
        f"""
[documents.test-district-figures]
title = "测试用区学徒制线上学时与自有培训中心规定"
issuers = ["测试区人力资源局"]
level = "district"
provenance = "unverified"

[parameters."apprenticeship.online_share_max"]
description_zh = "线上培训学时占专业基础课学时的最高比例"
description_en = "Largest online share of professional-basics hours"
unit = "ratio"

[[parameters."apprenticeship.online_share_max".values]]
since = {since}
value = "{share}"
document = "test-district-figures"

[parameters."apprenticeship.own_centre_min_size"]
description_zh = "可由企业自有培训中心承担培训的企业规模"
description_en = "Size for an enterprise's own training centre"
unit = "enterprise_size"

[[parameters."apprenticeship.own_centre_min_size".values]]
since = {since}
value = "{size}"
document = "test-district-figures"
""",
        name="test-district-figures.toml",
    )


#: The bundled policy with a directory listing :data:`DIRECTORY_OCCUPATION` from 2024.
WITH_DIRECTORY: Policy = Policy.default().overlay(
    directory_overlay(str(DIRECTORY_OCCUPATION))
)


#: :data:`WITH_DIRECTORY` with the district's online share (0.50) and own-centre size.
WITH_DISTRICT: Policy = WITH_DIRECTORY.overlay(district_figures_overlay())


def demo_rule(condition: Condition) -> Rule:
    """A rule of the one *condition*, its id the check's prefix; never decided."""

    def demo(*, on: date, policy: Policy | None = None) -> Decision:
        raise NotImplementedError

    return Rule(
        id=condition.check.rsplit(".", 1)[0],
        version="1",
        title_zh="示例",
        title_en="Demo",
        function=demo,
        sources=(),
        conditions=(condition,),
    )


def remedies_of_failed(condition: Condition) -> tuple[Remedy, ...]:
    """The remedies of a decision whose one finding, of *condition*, failed.

    The condition's :func:`demo_rule` is registered for the call only.
    """
    rule = demo_rule(condition)
    decision = Decision.from_findings(
        rule=rule.id,
        version="1",
        on=date(2024, 3, 1),
        findings=[Finding(check=condition.check, held=False)],
        provenance=Provenance.OFFICIAL,
        policy_fingerprint=Policy.default().fingerprint,
    )
    register(rule)
    try:
        return remedies(decision)
    finally:
        unregister(rule.id)
