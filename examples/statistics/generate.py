"""Write the ILLUSTRATIVE dataset futian-illustrative.jsonl for ``skillchain report``.

Every person, identity number, enterprise, credit code and count in it is made
up; only the shape follows the district's letter of 2024-09-02 (see README.md in
this folder).  The file is the same on every run.

    python examples/statistics/generate.py
"""
# ruff: noqa: INP001 - a standalone script, not a package

import json
import random

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

from skillchain import FUTIAN, CreditCode, OccupationCode, ResidentId, SkillLevel
from skillchain.catalog import occupations
from skillchain.model import (
    ApprenticeEnrolment,
    ApprenticeshipProgramme,
    ChainLeaderApplication,
    ChainLeaderDesignation,
    ChainStatus,
    CourseEnrolment,
    DeliveryMode,
    Enterprise,
    ExpertNomination,
    FilingStatus,
    GuidanceExpert,
    InstitutionKind,
    OrganiserKind,
    Person,
    PrivateInstitutionFiling,
    ProgrammeStatus,
    PublicTrainingCourse,
    RecommendationRound,
    ThreeProject,
    TrainingInstitution,
    TrainingMode,
)
from skillchain.serialization import unstructure
from skillchain.statistics import TrainingTally


HERE = Path(__file__).resolve().parent
TARGET = HERE / "futian-illustrative.jsonl"
NOTE = (
    "ILLUSTRATIVE: a made-up dataset shaped like the figures of Futian's letter of "
    "2024-09-02. Every person, identity number, enterprise, credit code and count "
    "is synthetic; apprentices are scaled down 1:12 (111 for the letter's 1 332)."
)
ORGANISER = "福田区人力资源局"

# The 2023 online programme: 42 occupations, by code where the bundled catalog
# has one, else by name.
CODED = (
    "4-04-05-07", "6-05-01-01", "4-08-08-07", "6-31-01-03", "4-06-01-04",
    "4-12-01-01", "4-06-01-01", "4-03-02-01", "6-25-02-05", "4-10-01-05",
    "4-10-01-06", "4-10-03-01", "4-10-03-02", "4-10-01-01", "4-10-01-03",
    "4-08-08-23", "6-18-04-02", "6-29-04-01",
)  # fmt: skip
NAMED = (
    "育婴员", "医疗护理员", "中式面点师", "建筑装饰模型技术员", "茶艺师", "咖啡师",
    "西式面点师", "插花花艺师", "健康管理师", "营养配餐员", "保健按摩师",
    "电子商务师", "互联网营销师", "人工智能训练师", "数字化管理师",
    "物联网安装调试员", "无人机驾驶员", "网络与信息安全管理员", "计算机程序设计员",
    "商务数据分析师", "形象设计师", "眼镜验光员", "调饮师", "康复辅助技术咨询师",
)  # fmt: skip
ONLINE_HOURS = Decimal(32)
# The 2024 offline programme named by the letter.
OFFLINE = (
    ("服装设计及制作", None, ThreeProject.GUANGDONG_TECHNICIAN),
    ("建筑装饰模型技术员", None, ThreeProject.GUANGDONG_TECHNICIAN),
    ("养老护理员", "4-10-01-05", ThreeProject.SOUTHERN_HOUSEKEEPING),
    ("育婴员", None, ThreeProject.SOUTHERN_HOUSEKEEPING),
)
# The apprenticeship occupations the letter names, and apprentices by year.
APPRENTICE_OCCUPATIONS = (
    "6-31-01-03", "4-06-01-04", "4-12-01-01", "4-06-01-01",
    "4-03-02-01", "4-08-08-07", "6-25-02-05",
)  # fmt: skip
APPRENTICES_BY_YEAR = {2020: 18, 2021: 25, 2022: 30, 2023: 38}
ENTERPRISES = 18
_WEIGHTS = (7, 9, 10, 5, 8, 4, 10, 3, 6, 2, 1, 6, 0, 3, 8, 5, 9, 4, 7, 6)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def resident_id(rng: random.Random) -> ResidentId:
    """A made-up identity number of a person registered in Futian (GB 11643)."""
    body = (
        f"440304{rng.randint(1965, 2004)}{rng.randint(1, 12):02d}"
        f"{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"
    )
    total = sum(int(d) * w for d, w in zip(body, _ID_WEIGHTS, strict=True))
    return ResidentId(body + "10X98765432"[total % 11])


def credit_code(serial: int) -> CreditCode:
    """A made-up credit code of a Futian enterprise (GB 32100)."""
    body = f"91440304MA{serial:07d}"
    total = sum(
        _CODE_ALPHABET.index(c) * w for c, w in zip(body, _CODE_WEIGHTS, strict=True)
    )
    return CreditCode(body + _CODE_ALPHABET[(31 - total % 31) % 31])


def line(record: object) -> str:
    """One JSON Lines record (identity numbers in full: this is input data)."""
    data = {"type": type(record).__name__, "data": unstructure(record)}
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def training(rng: random.Random) -> Iterator[object]:
    """The 2023 online courses with their tallies, the 2024 offline enrolments."""
    catalog = occupations()
    titles: list[tuple[str, OccupationCode | None]] = [
        (catalog[code].zh, OccupationCode(code)) for code in CODED
    ]
    titles += [(name, None) for name in NAMED]
    for title, occupation in titles:
        course = PublicTrainingCourse(
            title=title,
            occupation=occupation,
            campaign="技益福田 赋能未来",
            delivery=DeliveryMode.ONLINE,
            hours=ONLINE_HOURS,
            year=2023,
            organiser_name=ORGANISER,
        )
        yield course
        yield TrainingTally(course=course, person_times=rng.randint(940, 1040))
    for title, code, project in OFFLINE:
        course = PublicTrainingCourse(
            title=title,
            occupation=None if code is None else OccupationCode(code),
            project=project,
            campaign="厚植匠心 技益福田",
            delivery=DeliveryMode.OFFLINE,
            hours=Decimal(40),
            year=2024,
            organiser_name=ORGANISER,
        )
        yield course
        for _ in range(10):
            yield CourseEnrolment(
                person=resident_id(rng),
                course=course,
                enrolled_on=date(2024, 4, rng.randint(1, 20)),
                completed=True,
                completed_on=date(2024, 6, rng.randint(1, 28)),
            )


def apprentices(rng: random.Random) -> Iterator[object]:
    """111 apprentices of 18 enterprises, 2020-2023."""
    school = TrainingInstitution(
        name="深圳市某技师学院（示例）", kind=InstitutionKind.TECHNICAL_SCHOOL
    )
    serial = 0
    for year, count in APPRENTICES_BY_YEAR.items():
        for index in range(count):
            enterprise = credit_code(100 + serial % ENTERPRISES)
            occupation = APPRENTICE_OCCUPATIONS[serial % len(APPRENTICE_OCCUPATIONS)]
            serial += 1
            programme = ApprenticeshipProgramme(
                enterprise=enterprise,
                institution=school,
                occupation=OccupationCode(occupation),
                target_level=SkillLevel.INTERMEDIATE,
                start=date(year, 3 + index % 6, 1),
                planned_months=12,
                modes=frozenset({TrainingMode.WORK_STUDY_ALTERNATION}),
                status=ProgrammeStatus.COMPLETED,
            )
            yield ApprenticeEnrolment(
                person=Person(id=resident_id(rng)), programme=programme
            )


def institutions() -> Iterator[object]:
    """24 private training institutions filed (2019-2024), 2 pending in 2024."""
    for index in range(26):
        filed = index < 24
        year = 2019 + index % 6 if filed else 2024
        yield PrivateInstitutionFiling(
            institution_name=f"福田区某职业培训学校（示例{index + 1}）",
            organiser_kind=OrganiserKind.LEGAL_PERSON,
            organiser_code=credit_code(500 + index),
            division=FUTIAN,
            submitted_on=date(year, 3, 1),
            status=FilingStatus.FILED if filed else FilingStatus.PENDING,
            decided_on=date(year, 3, 12) if filed else None,
            certificate_number=f"FT{year}-{index + 1:03d}" if filed else None,
        )


def experts(rng: random.Random) -> Iterator[object]:
    """A 2024 round: 8 candidates nominated, 6 recommended."""
    nominations = tuple(
        ExpertNomination(
            nominated_by=credit_code(100 + index),
            expert=GuidanceExpert(
                person=resident_id(rng), name=f"专家（示例{index + 1}）"
            ),
            district=FUTIAN,
            round_id="2024",
            submitted_on=date(2024, 5, 10 + index),
            recommended=index < 6,
        )
        for index in range(8)
    )
    yield RecommendationRound(
        district=FUTIAN, round_id="2024", year=2024, nominations=nominations
    )


def chains() -> Iterator[object]:
    """4 enterprises applied to lead a chain; 3 were listed in 2024."""
    for index in range(4):
        code = credit_code(900 + index)
        name = f"龙头企业（示例{index + 1}）"
        yield ChainLeaderApplication(
            enterprise=Enterprise(
                credit_code=code, name=name, registered_division=FUTIAN
            )
        )
        if index < 3:
            yield ChainLeaderDesignation(
                enterprise=code,
                enterprise_name=name,
                status=ChainStatus.RECOGNISED,
                year=2024,
            )


def main() -> None:
    """Write the dataset."""
    rng = random.Random(20240902)  # noqa: S311 - a seeded, made-up dataset
    lines = [json.dumps({"note": NOTE}, ensure_ascii=False)]
    for part in (
        training(rng),
        apprentices(rng),
        institutions(),
        experts(rng),
        chains(),
    ):
        lines.extend(line(record) for record in part)
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
