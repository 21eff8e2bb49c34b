"""Training: private training institutions, lifelong training carriers, public training.

Three programmes of the district's reply letter of 2024-09-02:

* §七, private vocational training institutions (民办职业培训机构): the district
  supports enterprises, social organisations and individuals in setting them up
  through a filing (备案) procedure; 24 were operating in 2024;
* §八, lifelong vocational training carriers (终身职业技能培训载体), including the
  rural-revitalisation skill workstations (乡村振兴技能工作站) Futian set up in
  潮州市湘桥区 and 广西南宁隆安;
* §四, public-benefit vocational training (公益性职业技能培训), online and offline,
  tied to Guangdong's three projects (粤菜师傅, 广东技工, 南粤家政).
"""

from datetime import date
from decimal import Decimal

import attrs

from skillchain._checks import (
    day,
    decimal,
    fail,
    flag,
    is_a,
    maybe,
    text,
    text_repr,
    tuple_of,
    whole,
    year_from,
)
from skillchain._codes import DivisionCode, OccupationCode
from skillchain._identifiers import CreditCode, ResidentId
from skillchain._labels import LabelledEnum, set_labels
from skillchain.model._enums import CarrierType, ThreeProject
from skillchain.model._recognition import RecognitionLevel


__all__ = [
    "CantoneseChefDesignation",
    "CantoneseChefUnit",
    "CarrierAwardApplication",
    "CarrierAwardCategory",
    "CarrierHostKind",
    "CourseEnrolment",
    "DeliveryMode",
    "FilingStatus",
    "LifelongTrainingCarrier",
    "OrganiserKind",
    "PartnerRegion",
    "PrivateInstitutionFiling",
    "PublicTrainingCourse",
    "SetupProcedure",
    "TraineeGroup",
    "TraineeProfile",
]

_SHENZHEN = DivisionCode("440300")

_CARRIER_MEASURE_YEAR = 2022
"""The carrier measure 深人社规〔2022〕13号 is dated 2022-11-28."""


# --- private vocational training institutions -------------------------------------


class OrganiserKind(LabelledEnum):
    """Who organises (举办) a private vocational training institution.

    Shenzhen's filing item 深圳市民办职业培训机构备案 (Shenzhen government service
    portal, official) accepts a legal-person organisation, or an individual with
    political rights and full civil capacity.
    """

    LEGAL_PERSON = "legal_person"
    """法人组织: an organisation with legal-person status."""
    INDIVIDUAL = "individual"
    """个人: a natural person."""


set_labels(
    OrganiserKind,
    {
        OrganiserKind.LEGAL_PERSON: ("法人组织", "legal-person organisation"),
        OrganiserKind.INDIVIDUAL: ("个人", "individual"),
    },
)


class FilingStatus(LabelledEnum):
    """Where a filing application stands (备案办理状态).

    The filing item names its output, the 深圳市民办职业培训机构备案证, and a
    commitment time limit of 10 working days; it names no statuses.  These four are
    what a district system records anyway (no document fixes them).
    """

    PENDING = "pending"
    """审核中: submitted, not yet decided."""
    FILED = "filed"
    """准予备案: filed; a filing certificate (备案证) is issued."""
    REFUSED = "refused"
    """不予备案: refused."""
    WITHDRAWN = "withdrawn"
    """撤回: withdrawn by the applicant."""


set_labels(
    FilingStatus,
    {
        FilingStatus.PENDING: ("审核中", "pending"),
        FilingStatus.FILED: ("准予备案", "filed"),
        FilingStatus.REFUSED: ("不予备案", "refused"),
        FilingStatus.WITHDRAWN: ("已撤回", "withdrawn"),
    },
)


# --- setup procedure ---
class SetupProcedure(LabelledEnum):
    """How a city admits a new private vocational training institution (设立方式).

    Which procedure a city uses is policy data, dated and keyed by city (parameter
    ``institutions.procedure``), never a branch in a rule: Shenzhen files them
    (深圳市民办职业培训机构备案, official service item), Guangzhou approves them with
    notification and commitment (穗人社规字〔2025〕2号, 2025-07-30, secondary), and the
    ordinary approval of the 民办教育促进法 applies where an organiser will not or
    cannot commit.
    """

    FILING = "filing"
    """备案: the institution is filed; a filing certificate (备案证) is issued."""
    APPROVAL_WITH_COMMITMENT = "approval_with_commitment"
    """告知承诺审批: approval on the organiser's written commitment."""
    APPROVAL = "approval"
    """审批: ordinary approval under the 民办教育促进法 and its regulations."""


set_labels(
    SetupProcedure,
    {
        SetupProcedure.FILING: ("备案", "filing"),
        SetupProcedure.APPROVAL_WITH_COMMITMENT: (
            "告知承诺审批",
            "approval with notification and commitment",
        ),
        SetupProcedure.APPROVAL: ("审批", "approval"),
    },
)


@attrs.frozen(kw_only=True)
class PrivateInstitutionFiling:
    """An application to file a private vocational training institution (民办职业培训机构备案).

    Shenzhen runs the public-service item "深圳市民办职业培训机构备案" (item code
    4403050000000075449590001003555001, Nanshan's page, official): the organiser is
    a legal person, or an individual with political rights and full civil capacity;
    the institution must meet the 民办教育促进法, its implementing regulations and the
    provincial setup standard; the output is a 深圳市民办职业培训机构备案证.  Futian
    wrote its own filing guide and sample (《福田区民办职业技能培训机构备案办事指南与
    示例样本》, reply letter §七).  **The legal basis and start date of Shenzhen's filing
    regime were not found** (Guangzhou still approves, with 告知承诺:
    穗人社规字〔2025〕2号).

    The setup standard 《广东省民办培训机构设置标准》 (粤教监管〔2024〕5号, secondary)
    asks vocational institutions for a premises lease of at least 3 years; its
    figures for premises area, teachers and capital were not found.  Those are
    rules, so the facts here are recorded as they are, and a short lease is not an
    error.

    Checks: the organiser's identifier matches its kind (a credit code for a legal
    person, an identity number for an individual); the capacity declaration only for
    individuals; no occupation listed twice; a decision day only once decided, not
    before submission; a certificate number only when filed.

    Example:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from skillchain import FUTIAN, CreditCode, OccupationCode
        >>> from skillchain.model import (
        ...     FilingStatus, OrganiserKind, PrivateInstitutionFiling)
        >>> filing = PrivateInstitutionFiling(
        ...     institution_name="深圳市某职业培训学校",
        ...     organiser_kind=OrganiserKind.LEGAL_PERSON,
        ...     organiser_code=CreditCode("91350100M000100Y43"),
        ...     lease_months=36,
        ...     premises_area=Decimal("420.5"),
        ...     full_time_teachers=4,
        ...     part_time_teachers=6,
        ...     occupations=(OccupationCode("4-10-01-05"), OccupationCode("4-10-03-01")),
        ...     division=FUTIAN,
        ...     submitted_on=date(2024, 3, 4),
        ...     status=FilingStatus.FILED,
        ...     decided_on=date(2024, 3, 15),
        ...     certificate_number="FT2024-001",
        ... )
        >>> filing.status.zh
        '准予备案'
    """

    institution_name: str = attrs.field(validator=text, repr=text_repr)
    """机构名称: the proposed institution's name."""
    organiser_kind: OrganiserKind = attrs.field(validator=is_a(OrganiserKind))
    """举办者类型: legal person or individual."""
    division: DivisionCode = attrs.field(validator=is_a(DivisionCode))
    """备案地区: the district the filing is made to (``FUTIAN``)."""
    submitted_on: date = attrs.field(validator=day)
    """申请日期: the day the application was submitted."""
    status: FilingStatus = attrs.field(validator=is_a(FilingStatus))
    """办理状态: where the application stands."""
    organiser_code: CreditCode | None = attrs.field(
        default=None, validator=maybe(is_a(CreditCode))
    )
    """举办单位统一社会信用代码: the organiser's credit code (legal persons only)."""
    organiser_id: ResidentId | None = attrs.field(
        default=None, validator=maybe(is_a(ResidentId))
    )
    """举办者身份证号: the organiser's identity number (individuals only)."""
    political_rights_and_full_capacity: bool | None = attrs.field(
        default=None, validator=flag
    )
    """具有政治权利和完全民事行为能力: the individual organiser's declaration (filing
    item); ``None`` for legal persons or while unknown."""
    lease_months: int | None = attrs.field(default=None, validator=maybe(whole(1)))
    """场地租赁期限（月）: the premises lease term in months (≥ 36 under the 2024
    setup standard; a rule checks it); ``None`` if unknown or the premises are not
    leased."""
    premises_area: Decimal | None = attrs.field(
        default=None, validator=maybe(decimal())
    )
    """场地面积: the premises' floor area in square metres; no vocational figure was
    found in the setup standard."""
    full_time_teachers: int | None = attrs.field(
        default=None, validator=maybe(whole(0))
    )
    """专职教师人数: the number of full-time teachers."""
    # --- filing facts ---
    premises_owned: bool | None = attrs.field(default=None, validator=flag)
    """自有场地: whether the organiser owns the premises (no lease needed then);
    ``None`` if unknown."""
    start_up_funds: Decimal | None = attrs.field(
        default=None, validator=maybe(decimal())
    )
    """开办资金: the start-up funds (or registered capital) in yuan; no vocational
    figure was found in the setup standard."""
    part_time_teachers: int | None = attrs.field(
        default=None, validator=maybe(whole(0))
    )
    """兼职教师人数: the number of part-time teachers."""
    occupations: tuple[OccupationCode, ...] = attrs.field(
        default=(), validator=tuple_of(OccupationCode)
    )
    """培训职业: the occupations the institution will train for (Futian's 24
    institutions cover e.g. beauty and hairdressing, phone and computer repair,
    elderly care, maternal and infant care)."""
    decided_on: date | None = attrs.field(default=None, validator=maybe(day))
    """办结日期: the day of the decision (filed, refused) or withdrawal."""
    certificate_number: str | None = attrs.field(
        default=None, validator=maybe(text), repr=text_repr
    )
    """备案证编号: the number of the filing certificate, once filed."""

    def __attrs_post_init__(self) -> None:
        """Check the organiser, the occupations and the outcome."""
        self._check_organiser()
        if len(set(self.occupations)) != len(self.occupations):
            fail(
                self,
                "occupations",
                "an occupation is listed twice",
                "each occupation once",
            )
        if self.decided_on is not None:
            if self.status is FilingStatus.PENDING:
                fail(
                    self,
                    "decided_on",
                    "a decision day is given for a pending application",
                    "None while the application is pending",
                )
            if self.decided_on < self.submitted_on:
                fail(
                    self,
                    "decided_on",
                    f"{self.decided_on.isoformat()} is before the submission on "
                    f"{self.submitted_on.isoformat()}",
                    "a decision on or after the submission day",
                )
        if (
            self.certificate_number is not None
            and self.status is not FilingStatus.FILED
        ):
            fail(
                self,
                "certificate_number",
                f"a filing certificate number is given for status {self.status.en}",
                "a certificate number only once the institution is filed",
            )

    def _check_organiser(self) -> None:
        if self.organiser_kind is OrganiserKind.LEGAL_PERSON:
            if self.organiser_code is None:
                fail(
                    self,
                    "organiser_code",
                    "a legal-person organiser has no credit code",
                    "the organiser's CreditCode",
                )
            if self.organiser_id is not None:
                fail(
                    self,
                    "organiser_id",
                    "an identity number is given for a legal-person organiser",
                    "None for a legal-person organiser",
                )
            if self.political_rights_and_full_capacity is not None:
                fail(
                    self,
                    "political_rights_and_full_capacity",
                    "a capacity declaration is given for a legal-person organiser",
                    "None for a legal-person organiser",
                )
        else:
            if self.organiser_id is None:
                fail(
                    self,
                    "organiser_id",
                    "an individual organiser has no identity number",
                    "the organiser's ResidentId",
                )
            if self.organiser_code is not None:
                fail(
                    self,
                    "organiser_code",
                    "a credit code is given for an individual organiser",
                    "None for an individual organiser",
                )


# --- lifelong training carriers ---------------------------------------------------


@attrs.frozen(kw_only=True)
class PartnerRegion:
    """A partner region where a rural-revitalisation workstation has a site (工作站站点).

    Futian's stations: a site in 潮州市湘桥区, the first outside Shenzhen, which ran
    the 2024 "匠心潮味 湘福相成" 潮州菜 contest, and one in 广西南宁隆安, Shenzhen's first
    outside Guangdong (reply letter §八).

    Example:
        >>> from skillchain.model import PartnerRegion
        >>> PartnerRegion(name="潮州市湘桥区").division is None
        True
    """

    name: str = attrs.field(validator=text, repr=text_repr)
    """地区名称: the region as the sources name it, e.g. ``潮州市湘桥区``."""
    division: DivisionCode | None = attrs.field(
        default=None, validator=maybe(is_a(DivisionCode))
    )
    """行政区划代码: the region's division code, outside Shenzhen; ``None`` where no
    source gives it (the letter gives names only)."""
    opened_on: date | None = attrs.field(default=None, validator=maybe(day))
    """设立日期: the day the site was set up, where known."""

    def __attrs_post_init__(self) -> None:
        """Check that the region lies outside Shenzhen."""
        if self.division is not None and self.division.prefecture == _SHENZHEN:
            fail(
                self,
                "division",
                f"{self.division.code} is in Shenzhen",
                "a division outside Shenzhen (440300)",
            )


class CarrierHostKind(LabelledEnum):
    """The kind of organisation hosting a lifelong training carrier (依托单位类型).

    The 2022 measure's repost names enterprises, universities, 职业院校 and private
    training institutions as hosts; the 2023 award notice's copy also mentions bases
    run by an industry association's training department (both secondary), and the
    earlier Shenzhen scheme (深人社规〔2016〕15号) also admitted public training bases.
    Whether the measure's list is exhaustive is not known.
    """

    ENTERPRISE = "enterprise"
    """企业."""
    UNIVERSITY = "university"
    """高等院校."""
    VOCATIONAL_COLLEGE = "vocational_college"
    """职业院校 (including 技工院校)."""
    PRIVATE_TRAINING_INSTITUTION = "private_training_institution"
    """民办职业培训机构."""
    INDUSTRY_ASSOCIATION = "industry_association"
    """行业协会 (its training department)."""
    PUBLIC_TRAINING_BASE = "public_training_base"
    """公共实训基地: a public training base (admitted by the earlier scheme; the
    2022 measure's list does not name it)."""
    OTHER = "other"
    """Any other host (e.g. another public body)."""


set_labels(
    CarrierHostKind,
    {
        CarrierHostKind.ENTERPRISE: ("企业", "enterprise"),
        CarrierHostKind.UNIVERSITY: ("高等院校", "university"),
        CarrierHostKind.VOCATIONAL_COLLEGE: ("职业院校", "vocational college"),
        CarrierHostKind.PRIVATE_TRAINING_INSTITUTION: (
            "民办职业培训机构",
            "private vocational training institution",
        ),
        CarrierHostKind.INDUSTRY_ASSOCIATION: ("行业协会", "industry association"),
        CarrierHostKind.PUBLIC_TRAINING_BASE: ("公共实训基地", "public training base"),
        CarrierHostKind.OTHER: ("其他单位", "other host"),
    },
)


@attrs.frozen(kw_only=True)
class LifelongTrainingCarrier:
    """A lifelong vocational training carrier (终身职业技能培训载体).

    《深圳市终身职业技能培训载体认定和奖补管理办法》 (深人社规〔2022〕13号, 深圳市人社局,
    2022-11-28; secondary) recognises three types (:class:`CarrierType`): high-skill
    training bases, skill master studios and rural-revitalisation skill workstations.
    Enterprises, universities, 职业院校 and private training institutions may host
    them.  Futian's carriers trained 30 000 person-times in 2024 (reply letter §八).
    The recognition criteria, term and withdrawal rules were not found.

    Checks: partner regions only for a rural workstation (optional even then: a
    station can work inside Shenzhen, the letter's 湘桥 site being the "first outside
    Shenzhen"); no region listed twice.

    Example:
        >>> from datetime import date
        >>> from skillchain import CreditCode
        >>> from skillchain.model import (
        ...     CarrierType, LifelongTrainingCarrier, PartnerRegion)
        >>> station = LifelongTrainingCarrier(
        ...     carrier_type=CarrierType.RURAL_WORKSTATION,
        ...     name="深圳报业电子商务有限公司乡村振兴技能工作站",
        ...     host=CreditCode("91350100M000100Y43"),
        ...     host_name="深圳报业电子商务有限公司",
        ...     partner_regions=(PartnerRegion(name="潮州市湘桥区"),
        ...                      PartnerRegion(name="广西南宁隆安")),
        ... )
        >>> [region.name for region in station.partner_regions]
        ['潮州市湘桥区', '广西南宁隆安']
    """

    carrier_type: CarrierType = attrs.field(validator=is_a(CarrierType))
    """载体类型: base, master studio or rural workstation."""
    name: str = attrs.field(validator=text, repr=text_repr)
    """载体名称: the carrier's name."""
    host: CreditCode = attrs.field(validator=is_a(CreditCode))
    """依托单位: the host organisation's credit code."""
    host_name: str = attrs.field(validator=text, repr=text_repr)
    """依托单位名称: the host organisation's name."""
    partner_regions: tuple[PartnerRegion, ...] = attrs.field(
        default=(), validator=tuple_of(PartnerRegion)
    )
    """对口帮扶地区站点: the workstation's sites in partner regions (rural
    workstations only)."""
    recognised_on: date | None = attrs.field(default=None, validator=maybe(day))
    """认定日期: the day of recognition, where known."""
    recognised_by: RecognitionLevel | None = attrs.field(
        default=None, validator=maybe(is_a(RecognitionLevel))
    )
    """认定级别: the level that recognised it (city level under the 2022 measure;
    national and provincial bases and studios also exist)."""
    host_kind: CarrierHostKind | None = attrs.field(
        default=None, validator=maybe(is_a(CarrierHostKind))
    )
    """依托单位类型: the kind of host, where known (the 2023 award round's training
    thresholds depend on it)."""

    def __attrs_post_init__(self) -> None:
        """Check that only a rural workstation has partner regions."""
        if not self.partner_regions:
            return
        if self.carrier_type is not CarrierType.RURAL_WORKSTATION:
            fail(
                self,
                "partner_regions",
                f"partner regions are given for a {self.carrier_type.en}",
                "partner regions only for a rural-revitalisation skill workstation",
            )
        names = [region.name for region in self.partner_regions]
        if len(set(names)) != len(names):
            fail(
                self,
                "partner_regions",
                "a region is listed twice",
                "each partner region once",
            )


class CarrierAwardCategory(LabelledEnum):
    """The award items of Shenzhen's carrier awards (载体奖补项目).

    The 2023 round under 深人社规〔2022〕13号 (南方+ 2023-12-14 and a repost of the
    award notice; secondary) had two groups in six items: talent-training awards
    (人才培养奖补) for five "best ten" (十佳) lists, 10 winners each at 200 000 yuan,
    and quality-and-capacity awards (提质扩容奖补) for high-skill training bases at 50 %
    of the project's total investment, capped at 1 000 000 yuan.  The notice's own
    names of the five lists were not read: the Chinese labels here describe them and
    may differ from the notice's wording.
    """

    MODEL_CARRIER = "model_carrier"
    """十佳示范载体: model carriers."""
    TRAINING_PROJECT = "training_project"
    """十佳培训项目: training projects."""
    INNOVATIVE_COURSE = "innovative_course"
    """十佳创新课程: innovative courses."""
    TECHNICAL_UPGRADE = "technical_upgrade"
    """十佳技术升级项目: technical-upgrade projects."""
    PUBLIC_BENEFIT = "public_benefit"
    """十佳公益活动: public-benefit activities."""
    QUALITY_CAPACITY = "quality_capacity"
    """提质扩容项目: quality-and-capacity projects (declared in advance, paid after)."""

    @property
    def is_best_ten(self) -> bool:
        """Whether the item is one of the five 十佳 lists (人才培养奖补)."""
        return self is not CarrierAwardCategory.QUALITY_CAPACITY


set_labels(
    CarrierAwardCategory,
    {
        CarrierAwardCategory.MODEL_CARRIER: ("十佳示范载体", "best-ten model carrier"),
        CarrierAwardCategory.TRAINING_PROJECT: (
            "十佳培训项目",
            "best-ten training project",
        ),
        CarrierAwardCategory.INNOVATIVE_COURSE: (
            "十佳创新课程",
            "best-ten innovative course",
        ),
        CarrierAwardCategory.TECHNICAL_UPGRADE: (
            "十佳技术升级项目",
            "best-ten technical-upgrade project",
        ),
        CarrierAwardCategory.PUBLIC_BENEFIT: (
            "十佳公益活动",
            "best-ten public-benefit activity",
        ),
        CarrierAwardCategory.QUALITY_CAPACITY: (
            "提质扩容项目",
            "quality-and-capacity project",
        ),
    },
)


@attrs.frozen(kw_only=True)
class CarrierAwardApplication:
    """A carrier's application in a carrier-award round (载体奖补申报).

    The 2023 round's eligibility thresholds are per-round parameters, not
    recognition criteria: carriers recognised by the city before December 2022;
    trainees in the year before the deadline ≥ 1 000 for a base run by a college or
    training institution, ≥ 200 for one run by an enterprise's or association's
    training department, ≥ 50 000 for an online platform (25 % of the matching
    figure for a 粤菜师傅 base); more than 5 apprentices taught for a master studio
    (secondary).  The application records the facts those thresholds read.

    Example:
        >>> from decimal import Decimal
        >>> from skillchain import CreditCode
        >>> from skillchain.model import (
        ...     CarrierAwardApplication, CarrierAwardCategory, CarrierType,
        ...     LifelongTrainingCarrier)
        >>> base = LifelongTrainingCarrier(
        ...     carrier_type=CarrierType.HIGH_SKILL_TRAINING_BASE, name="某高技能人才培训基地",
        ...     host=CreditCode("91350100M000100Y43"), host_name="某公司")
        >>> application = CarrierAwardApplication(
        ...     carrier=base, category=CarrierAwardCategory.QUALITY_CAPACITY, year=2023,
        ...     total_investment=Decimal("1600000"), annual_trainees=1200)
        >>> application.category.is_best_ten
        False
    """

    carrier: LifelongTrainingCarrier = attrs.field(
        validator=is_a(LifelongTrainingCarrier)
    )
    """申报载体: the applying carrier."""
    category: CarrierAwardCategory = attrs.field(validator=is_a(CarrierAwardCategory))
    """申报项目: the award item applied for."""
    year: int = attrs.field(validator=year_from(_CARRIER_MEASURE_YEAR))
    """年度: the year of the award round."""
    project_title: str | None = attrs.field(
        default=None, validator=maybe(text), repr=text_repr
    )
    """项目名称: the project, course or activity put forward, if named."""
    total_investment: Decimal | None = attrs.field(
        default=None, validator=maybe(decimal())
    )
    """项目总投入: the project's total investment in yuan (提质扩容 pays a share of it)."""
    annual_trainees: int | None = attrs.field(default=None, validator=maybe(whole(0)))
    """年培训量: people trained in the year before the round's deadline."""
    apprentices_taught: int | None = attrs.field(
        default=None, validator=maybe(whole(0))
    )
    """带徒人数: apprentices taught (master studios)."""
    review_score: Decimal | None = attrs.field(default=None, validator=maybe(decimal()))
    """评审得分: the score the city's expert review gave the application (the city
    picks the best of each item, 择优); ``None`` until reviewed.  No source gives the
    scale; only the order matters."""


# --- public-benefit training ------------------------------------------------------


class DeliveryMode(LabelledEnum):
    """How a course is delivered (培训方式).

    Futian's public training runs "线上+线下" (reply letter §四): the 2023 online
    programme 技益福田 赋能未来 and the 2024 offline programme 厚植匠心 技益福田.
    """

    ONLINE = "online"
    """线上."""
    OFFLINE = "offline"
    """线下."""
    BLENDED = "blended"
    """线上+线下: both."""


set_labels(
    DeliveryMode,
    {
        DeliveryMode.ONLINE: ("线上", "online"),
        DeliveryMode.OFFLINE: ("线下", "offline"),
        DeliveryMode.BLENDED: ("线上+线下", "online and offline"),
    },
)


@attrs.frozen(kw_only=True)
class PublicTrainingCourse:
    """A public-benefit vocational training course (公益性职业技能培训课程).

    Free training for enterprise staff, veterans, residents and partner regions,
    organised by the district HR bureau with other departments, enterprises,
    industry associations and training institutions, under the three projects'
    plans and the district's indicator system (福府办函〔2023〕26号) (reply letter §四).
    In 2023 the online programme offered 1 300+ lessons in 40+ occupations (40 000+
    person-times); in 2024 the offline programme included 广东技工 courses
    (服装设计及制作, 建筑装饰模型技术员) and 南粤家政 courses (养老护理员, 育婴员).
    Who may enrol in public training was not found.

    ``title`` is the course as advertised; ``occupation`` is set only where the
    course maps to an occupation code (建筑装饰模型技术员 is not an occupation of the
    2022 classification, and 育婴员's 2022 code is unconfirmed).

    Example:
        >>> from decimal import Decimal
        >>> from skillchain import OccupationCode
        >>> from skillchain.model import DeliveryMode, PublicTrainingCourse, ThreeProject
        >>> course = PublicTrainingCourse(
        ...     title="养老护理员",
        ...     occupation=OccupationCode("4-10-01-05"),
        ...     project=ThreeProject.SOUTHERN_HOUSEKEEPING,
        ...     campaign="厚植匠心 技益福田",
        ...     delivery=DeliveryMode.OFFLINE,
        ...     hours=Decimal("40"),
        ...     year=2024,
        ...     organiser_name="福田区人力资源局",
        ... )
        >>> course.project.zh
        '南粤家政'
    """

    title: str = attrs.field(validator=text, repr=text_repr)
    """课程名称: the course title as advertised."""
    delivery: DeliveryMode = attrs.field(validator=is_a(DeliveryMode))
    """培训方式: online, offline or both."""
    hours: Decimal = attrs.field(validator=decimal(positive=True))
    """学时: the course's length in hours (more than zero; no document fixes a
    minimum)."""
    year: int = attrs.field(validator=year_from(2000))
    """年度: the year the course runs."""
    organiser_name: str = attrs.field(validator=text, repr=text_repr)
    """组织单位: the organising body's name."""
    organiser: CreditCode | None = attrs.field(
        default=None, validator=maybe(is_a(CreditCode))
    )
    """组织单位统一社会信用代码: the organiser's credit code, where known."""
    occupation: OccupationCode | None = attrs.field(
        default=None, validator=maybe(is_a(OccupationCode))
    )
    """职业: the occupation the course trains for, where it maps to one."""
    project: ThreeProject | None = attrs.field(
        default=None, validator=maybe(is_a(ThreeProject))
    )
    """三项工程: the provincial project the course runs under, if any."""
    campaign: str | None = attrs.field(
        default=None, validator=maybe(text), repr=text_repr
    )
    """活动名称: the campaign the course belongs to, e.g. ``技益福田 赋能未来``."""


class TraineeGroup(LabelledEnum):
    """Who a public training course is for (培训对象类别).

    The reply letter (§四) trains "辖区企业员工、退役军人、群众、对口帮扶地区等各类人员"
    to meet the needs of "辖区居民、员工和其他有需要的人群".  The list is descriptive
    and open ("等各类人员", "其他有需要的人群"): :attr:`OTHER` stands for anyone else
    in need, and no document says which groups a given course admits (that is the
    district's to supply).
    """

    ENTERPRISE_STAFF = "enterprise_staff"
    """辖区企业员工: staff of an enterprise in the district."""
    VETERAN = "veteran"
    """退役军人: a veteran."""
    RESIDENT = "resident"
    """辖区群众: a resident of the district (居民, 群众)."""
    PARTNER_REGION = "partner_region"
    """对口帮扶地区人员: a person from one of the district's partner regions."""
    OTHER = "other"
    """其他有需要的人群: anyone else who needs the training."""


set_labels(
    TraineeGroup,
    {
        TraineeGroup.ENTERPRISE_STAFF: (
            "辖区企业员工",
            "enterprise staff in the district",
        ),
        TraineeGroup.VETERAN: ("退役军人", "veteran"),
        TraineeGroup.RESIDENT: ("辖区群众", "district resident"),
        TraineeGroup.PARTNER_REGION: (
            "对口帮扶地区人员",
            "person from a partner region",
        ),
        TraineeGroup.OTHER: ("其他有需要的人群", "other person in need"),
    },
)


@attrs.frozen(kw_only=True)
class TraineeProfile:
    """What an applicant for a public training course states about themselves (学员信息).

    Each field is ``None`` while unknown.  The group is the one the applicant
    enrols as (报名人员类别); the district decides which groups a course admits and
    whether any of them must hold Shenzhen social insurance (no published rule was
    found).

    Checks: a partner region not for a person enrolling as another group (it may
    be recorded while the group is unknown).

    Example:
        >>> from skillchain.model import PartnerRegion, TraineeGroup, TraineeProfile
        >>> profile = TraineeProfile(group=TraineeGroup.PARTNER_REGION,
        ...     partner_region=PartnerRegion(name="潮州市湘桥区"))
        >>> profile.group.zh
        '对口帮扶地区人员'
    """

    group: TraineeGroup | None = attrs.field(
        default=None, validator=maybe(is_a(TraineeGroup))
    )
    """人员类别: the group the applicant enrols as; ``None`` if not stated."""
    partner_region: PartnerRegion | None = attrs.field(
        default=None, validator=maybe(is_a(PartnerRegion))
    )
    """对口帮扶地区: the partner region a person from one comes from, where recorded."""
    insured_in_shenzhen: bool | None = attrs.field(default=None, validator=flag)
    """在深圳参加社会保险: whether the applicant is insured in Shenzhen; ``None`` if
    unknown."""

    def __attrs_post_init__(self) -> None:
        """Check that a partner region goes with the partner-region group."""
        if self.partner_region is not None and self.group not in {
            None,
            TraineeGroup.PARTNER_REGION,
        }:
            fail(
                self,
                "partner_region",
                "a partner region is given for an applicant not enrolling as a "
                "person from a partner region",
                "a partner region only with group partner_region (or an unknown group)",
            )


@attrs.frozen(kw_only=True)
class CourseEnrolment:
    """A person's enrolment in a public training course (培训报名).

    Checks: a completion day only when completed, not before enrolment.

    Example:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from skillchain import ResidentId
        >>> from skillchain.model import (
        ...     CourseEnrolment, DeliveryMode, PublicTrainingCourse)
        >>> course = PublicTrainingCourse(
        ...     title="育婴员", delivery=DeliveryMode.OFFLINE, hours=Decimal("32"),
        ...     year=2024, organiser_name="福田区人力资源局")
        >>> enrolment = CourseEnrolment(
        ...     person=ResidentId("11010519491231002X"), course=course,
        ...     enrolled_on=date(2024, 4, 1), completed=True,
        ...     completed_on=date(2024, 5, 10))
        >>> enrolment
        CourseEnrolment(person=ResidentId('110105********002X'), ...)
    """

    person: ResidentId = attrs.field(validator=is_a(ResidentId))
    """学员: the trainee."""
    course: PublicTrainingCourse = attrs.field(validator=is_a(PublicTrainingCourse))
    """The course."""
    enrolled_on: date = attrs.field(validator=day)
    """报名日期: the day of enrolment."""
    completed: bool | None = attrs.field(default=None, validator=flag)
    """是否结业: whether the trainee completed the course; ``None`` while it runs or
    if unknown."""
    completed_on: date | None = attrs.field(default=None, validator=maybe(day))
    """结业日期: the day of completion, where recorded."""
    trainee: TraineeProfile | None = attrs.field(
        default=None, validator=maybe(is_a(TraineeProfile))
    )
    """学员信息: the group the trainee enrols as and their circumstances; ``None``
    if not recorded (rule ``public_training.enrolment`` reads it)."""

    def __attrs_post_init__(self) -> None:
        """Check the completion day against the enrolment and the outcome."""
        if self.completed_on is None:
            return
        if self.completed is not True:
            fail(
                self,
                "completed_on",
                "a completion day is given but completed is not True",
                "a completion day only for a completed course",
            )
        if self.completed_on < self.enrolled_on:
            fail(
                self,
                "completed_on",
                f"{self.completed_on.isoformat()} is before the enrolment on "
                f"{self.enrolled_on.isoformat()}",
                "a completion on or after the enrolment day",
            )


# --- 粤菜师傅 training bases and master studios ------------------------------------


class CantoneseChefUnit(LabelledEnum):
    """The kinds of unit the 粤菜师傅 project designates (粤菜师傅载体类型).

    Zhongshan's 2019 designations (中山日报, on the Zhongshan government's site,
    secondary): two 广东省粤菜师傅培训基地 and two 广东省粤菜师傅大师工作室, reviewed by
    the city and filed with the provincial HR department, and two city-level master
    studios.  The level that designated a unit is recorded beside its kind.
    """

    TRAINING_BASE = "training_base"
    """粤菜师傅培训基地: a training base."""
    MASTER_STUDIO = "master_studio"
    """粤菜师傅大师工作室: a master studio."""


set_labels(
    CantoneseChefUnit,
    {
        CantoneseChefUnit.TRAINING_BASE: (
            "粤菜师傅培训基地",
            "Cantonese-chef training base",
        ),
        CantoneseChefUnit.MASTER_STUDIO: (
            "粤菜师傅大师工作室",
            "Cantonese-chef master studio",
        ),
    },
)


@attrs.frozen(kw_only=True)
class CantoneseChefDesignation:
    """A 粤菜师傅 training base or master studio as designated (粤菜师傅基地、工作室认定).

    Which grant a designated unit receives, if any, depends on the kind of unit,
    the level that designated it and the city it is in: the figures found are
    Zhongshan's (rule ``public_training.cantonese_chef_grant``).

    Example:
        >>> from datetime import date
        >>> from skillchain import DivisionCode
        >>> from skillchain.model import (CantoneseChefDesignation, CantoneseChefUnit,
        ...     RecognitionLevel)
        >>> studio = CantoneseChefDesignation(
        ...     name="某粤菜师傅大师工作室", unit=CantoneseChefUnit.MASTER_STUDIO,
        ...     level=RecognitionLevel.PROVINCIAL, division=DivisionCode("442000"),
        ...     designated_on=date(2019, 7, 17))
        >>> studio.unit.zh, studio.level.zh
        ('粤菜师傅大师工作室', '省级')
    """

    name: str = attrs.field(validator=text, repr=text_repr)
    """名称: the base or studio as designated."""
    unit: CantoneseChefUnit = attrs.field(validator=is_a(CantoneseChefUnit))
    """载体类型: a training base or a master studio."""
    level: RecognitionLevel = attrs.field(validator=is_a(RecognitionLevel))
    """认定级别: the level that designated it (a 广东省 base or studio is provincial,
    even when the city reviewed it first; a city's own studio is municipal)."""
    division: DivisionCode = attrs.field(validator=is_a(DivisionCode))
    """所在地区: where the unit is; the grant figures that apply are its city's."""
    designated_on: date = attrs.field(validator=day)
    """认定日期: the day of the designation (授牌)."""
    host: CreditCode | None = attrs.field(
        default=None, validator=maybe(is_a(CreditCode))
    )
    """依托单位统一社会信用代码: the host's credit code, where known."""
    host_name: str | None = attrs.field(
        default=None, validator=maybe(text), repr=text_repr
    )
    """依托单位: the host's name (a school, a restaurant), where known."""
    grant_received: bool | None = attrs.field(default=None, validator=flag)
    """已获一次性补助: whether the one-off grant for this designation has already been
    paid; ``None`` if unknown."""
