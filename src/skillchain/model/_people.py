"""People and organisations: workers, enterprises, training and evaluation bodies.

The records every programme of the district's reply letter (2024-09-02) talks about:
the worker (劳动者) with their social-insurance and employment history, the
enterprise (企业), the education or training institution (教育培训机构) and the
skill-evaluation organisation (职业技能等级认定机构).  Each field's docstring names
the document the notion comes from, or says that no document fixes it.

Facts a district system may not know yet are ``None``; a rule that needs one then
decides *undetermined*.  A person is identified by a :class:`~skillchain.ResidentId`,
whose ``repr`` masks the number, so no record here ever prints it in full.
"""

from datetime import date

import attrs

from skillchain._checks import (
    day,
    fail,
    flag,
    frozenset_of,
    is_a,
    maybe,
    text,
    text_repr,
    tuple_of,
    whole,
)
from skillchain._codes import DivisionCode, OccupationCode
from skillchain._dates import DateRange, full_years_between
from skillchain._identifiers import CreditCode, ResidentId, Sex
from skillchain._labels import LabelledEnum, set_labels
from skillchain._levels import SkillLevel
from skillchain.model._enums import (
    EnterpriseSize,
    InstitutionKind,
    IssuerKind,
    Ownership,
    PostType,
    RegulatoryStatus,
)


__all__ = [
    "Employment",
    "Enterprise",
    "EvaluationOrganisationKind",
    "EvaluationQualification",
    "InsurancePeriod",
    "Person",
    "SchoolKind",
    "SkillEvaluationOrganisation",
    "TrainingInstitution",
]


def within(division: DivisionCode, region: DivisionCode) -> bool:
    """Whether ``division`` lies in ``region`` (or is it).

    A province-level ``region`` (``440000``) holds every code with its first two
    digits, a prefecture-level one (``440300``) every code with its first four,
    and a county-level one (``440304``) only itself.
    """
    if region.level == "province":
        return division.code[:2] == region.code[:2]
    if region.level == "prefecture":
        return division.code[:4] == region.code[:4]
    return division.code == region.code


# --- the worker ---------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class InsurancePeriod:
    """A period of social insurance (社会保险参保期间) in one division.

    Where a person is insured decides where they may claim: Guangdong's skill-upgrade
    subsidy requires Guangdong hukou, insurance or unemployment registration
    (粤人社规〔2023〕13号, 《广东省职业技能培训补贴管理办法》), and an apprenticeship
    is filed and claimed where the apprentices are insured (the same measure;
    人社部发〔2021〕39号 as a local guide summarises it).  The insurance branch (pension, unemployment,
    …) is not recorded yet; the unemployment-insurance skill subsidy, which counts
    contribution months, will need it.

    Example:
        >>> from datetime import date
        >>> from skillchain import DateRange, DivisionCode
        >>> from skillchain.model import InsurancePeriod
        >>> spell = InsurancePeriod(
        ...     division=DivisionCode("440304"),
        ...     period=DateRange(date(2021, 3, 1), date(2023, 12, 31)),
        ... )
        >>> date(2022, 6, 1) in spell.period
        True
    """

    division: DivisionCode = attrs.field(validator=is_a(DivisionCode))
    """参保地: the division where the contributions were paid.

    Shenzhen pools social insurance city-wide, so a record may name the city
    (``440300``) rather than a district; :meth:`Person.insured_in` then says it
    cannot tell for a district.
    """
    period: DateRange = attrs.field(validator=is_a(DateRange))
    """The days insured, both ends inclusive; an open end means "still insured"."""
    employer: CreditCode | None = attrs.field(
        default=None, validator=maybe(is_a(CreditCode))
    )
    """参保单位: the employer that paid, if any (``None`` also for flexible employment).

    No document fixes this field; a district system records it anyway, because
    insurance records are kept per paying unit and two units can pay for the same
    days.
    """


@attrs.frozen(kw_only=True)
class Employment:
    """A period of employment (就业/任职期间) with one employer, in one kind of post.

    The apprenticeship takes new hires and transferees in skill posts
    (人社部发〔2021〕39号 as restated); the Futian rewards count continuous years in a
    skill post of the same district enterprise.  Fields the source system lacks
    are ``None``.

    Example:
        >>> from datetime import date
        >>> from skillchain import CreditCode, DateRange
        >>> from skillchain.model import Employment, PostType
        >>> job = Employment(
        ...     employer=CreditCode("91350100M000100Y43"),
        ...     post=PostType.SKILL,
        ...     period=DateRange(date(2022, 7, 1)),
        ... )
        >>> job.period.end is None
        True
    """

    period: DateRange = attrs.field(validator=is_a(DateRange))
    """The days employed, both ends inclusive; an open end means "still employed"."""
    employer: CreditCode | None = attrs.field(
        default=None, validator=maybe(is_a(CreditCode))
    )
    """The employer's unified social credit code (统一社会信用代码), if known."""
    employer_name: str | None = attrs.field(
        default=None, validator=maybe(text), repr=text_repr
    )
    """The employer's registered name, if known."""
    post: PostType | None = attrs.field(default=None, validator=maybe(is_a(PostType)))
    """岗位类型: the kind of post held (skill, technical, …), if known."""


class SchoolKind(LabelledEnum):
    """The kind of school a full-time student attends (全日制在校学生所在学校).

    Shenzhen's apprenticeship exclusion names full-time students of 技工院校 and
    职业院校 only (深人社规〔2019〕11号, as reported); any other school (a
    university, a general secondary school) is ``OTHER``.
    """

    TECHNICAL_SCHOOL = "technical_school"
    """技工院校: a technician college or technical school."""
    VOCATIONAL_COLLEGE = "vocational_college"
    """职业院校: a secondary or higher vocational school."""
    OTHER = "other"
    """Any other school: a university, a general secondary school, …"""


set_labels(
    SchoolKind,
    {
        SchoolKind.TECHNICAL_SCHOOL: ("技工院校", "technical school"),
        SchoolKind.VOCATIONAL_COLLEGE: ("职业院校", "vocational college"),
        SchoolKind.OTHER: ("其他学校", "other school"),
    },
)


@attrs.frozen(kw_only=True)
class Person:
    """A worker (劳动者): identity, household registration, insurance, employment.

    Identity, birth date and sex come from the resident identity number
    (GB 11643-1999); everything else is what the programmes ask about a person:
    where their household is registered (户籍) and where they are insured
    (粤人社规〔2023〕13号), their employment and post (人社部发〔2021〕39号 as
    restated), and the statuses that exclude a person from the training subsidies:
    staff on the establishment of an organ or public institution (机关事业单位在编),
    full-time students, and people drawing a pension (粤人社规〔2023〕13号;
    full-time students of 技工院校 and 职业院校 are also one of Shenzhen's five
    apprenticeship exclusions, 深人社规〔2019〕11号 as reported).

    The statuses are facts as of the day the record was gathered; no document fixes
    that day, so a district system should gather them for the day it asks about.
    ``insurance`` and ``employment`` are ``None`` when the history has not been
    looked up, and an empty tuple when it was and holds nothing.

    Insurance periods may overlap, even in one division: records are kept per
    paying unit, two employers can pay for the same days, and duplicate enrolment
    happens in practice; the queries here take the union, so nothing is counted
    twice.  A rule that counts insured months must do the same.

    ``repr`` shows the identity number masked (see :class:`~skillchain.ResidentId`).

    Example:
        >>> from datetime import date
        >>> from skillchain import DateRange, DivisionCode, ResidentId
        >>> from skillchain.model import InsurancePeriod, Person
        >>> worker = Person(
        ...     id=ResidentId("11010519491231002X"),
        ...     hukou_division=DivisionCode("440304"),
        ...     insurance=(
        ...         InsurancePeriod(
        ...             division=DivisionCode("440300"),
        ...             period=DateRange(date(2020, 1, 1)),
        ...         ),
        ...     ),
        ... )
        >>> worker
        Person(id=ResidentId('110105********002X'), name=None, ...)
        >>> worker.sex.zh, worker.age_on(date(2024, 12, 30)), worker.age_on(date(2024, 12, 31))
        ('女', 74, 75)
        >>> shenzhen, futian = DivisionCode("440300"), DivisionCode("440304")
        >>> worker.insured_in(shenzhen, on=date(2024, 6, 1))
        True
        >>> print(worker.insured_in(futian, on=date(2024, 6, 1)))  # recorded city-wide
        None
        >>> worker.hukou_in(DivisionCode("440000"))
        True
    """

    id: ResidentId = attrs.field(validator=is_a(ResidentId))
    """公民身份号码: the resident identity number (GB 11643-1999), masked in ``repr``."""
    name: str | None = attrs.field(default=None, validator=maybe(text), repr=text_repr)
    """姓名: the name, if recorded (personal data, like the number)."""
    hukou_division: DivisionCode | None = attrs.field(
        default=None, validator=maybe(is_a(DivisionCode))
    )
    """户籍所在地: the division of the household registration, if known.

    The identity number's first six digits say where the number was first issued,
    which is not the current registration, so this is recorded separately.
    """
    insurance: tuple[InsurancePeriod, ...] | None = attrs.field(
        default=None, validator=maybe(tuple_of(InsurancePeriod))
    )
    """社会保险参保记录: the social-insurance periods, or ``None`` if not looked up."""
    employment: tuple[Employment, ...] | None = attrs.field(
        default=None, validator=maybe(tuple_of(Employment))
    )
    """就业记录: the employment periods, or ``None`` if not looked up."""
    civil_service_establishment: bool | None = attrs.field(default=None, validator=flag)
    """机关事业单位在编: on the establishment of an organ or public institution.

    Excluded from the skill-upgrade subsidy (粤人社规〔2023〕13号).
    """
    full_time_student: bool | None = attrs.field(default=None, validator=flag)
    """全日制在校学生: a full-time student.

    Excluded from the skill-upgrade subsidy (粤人社规〔2023〕13号); full-time
    students of 技工院校 or 职业院校 cannot be apprentices (深人社规〔2019〕11号, as
    reported), which is why :attr:`school_kind` is recorded too.
    """
    school_kind: SchoolKind | None = attrs.field(
        default=None, validator=maybe(is_a(SchoolKind))
    )
    """For a full-time student, the kind of school attended, if known.

    Only full-time students of a 技工院校 or 职业院校 are excluded from being
    apprentices (深人社规〔2019〕11号, as reported); a rule that needs to tell them
    from other students names this fact when it is unknown.
    """
    drawing_pension: bool | None = attrs.field(default=None, validator=flag)
    """已领取养老金: already drawing a (basic) pension.

    Excluded from the skill-upgrade subsidy (粤人社规〔2023〕13号).
    """
    registered_unemployed: bool | None = attrs.field(default=None, validator=flag)
    """失业登记: registered as unemployed (in Guangdong, for 粤人社规〔2023〕13号).

    One of the three ways into the Guangdong skill-upgrade subsidy (hukou,
    insurance or unemployment registration).  Where it was registered is not
    recorded; no rule modelled so far needs more than Guangdong.
    """

    @property
    def birth_date(self) -> date:
        """出生日期: the birth date, from the identity number."""
        return self.id.birth_date

    @property
    def sex(self) -> Sex:
        """性别: the sex, from the identity number."""
        return self.id.sex

    def age_on(self, day: date) -> int:
        """Return the age in full years on ``day`` (周岁).

        Someone born on 29 February turns a year older on 28 February of a common
        year (see :func:`~skillchain.full_years_between`).

        Args:
            day: The day the age is wanted on.

        Returns:
            The whole years from the birth date to ``day`` (negative before birth).
        """
        return full_years_between(self.birth_date, day)

    def hukou_in(self, region: DivisionCode) -> bool | None:
        """Return whether the household registration is in ``region``.

        Args:
            region: A province, prefecture or county code, e.g. ``440000``
                (Guangdong) or ``440300`` (Shenzhen).

        Returns:
            ``None`` if the registration is not known, or is recorded at a coarser
            level that contains ``region`` (a Shenzhen record asked about Futian).
        """
        if self.hukou_division is None:
            return None
        if within(self.hukou_division, region):
            return True
        if within(region, self.hukou_division):
            return None
        return False

    def employment_on(self, day: date) -> tuple[Employment, ...] | None:
        """Return the employments that include ``day`` (a person can hold two).

        Args:
            day: The day asked about.

        Returns:
            The employment periods containing ``day``, in record order (empty if
            none), or ``None`` if the employment history was not looked up.
        """
        if self.employment is None:
            return None
        return tuple(job for job in self.employment if day in job.period)

    def insured_in(self, region: DivisionCode, *, on: date) -> bool | None:
        """Return whether the person was insured in ``region`` on a day.

        Args:
            region: A province, prefecture or county code, e.g. ``440300``.
            on: The day asked about.

        Returns:
            ``True`` if a period containing ``on`` lies in ``region``; ``None`` if
            the insurance history was not looked up, or the only periods on that
            day are recorded at a coarser level that contains ``region``;
            otherwise ``False``.
        """
        if self.insurance is None:
            return None
        coarser = False
        for spell in self.insurance:
            if on in spell.period:
                if within(spell.division, region):
                    return True
                coarser = coarser or within(region, spell.division)
        return None if coarser else False


# --- organisations ------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class EvaluationQualification:
    """A filed skill-level recognition qualification (职业技能等级认定备案).

    The right to evaluate and certify one occupation up to a level, filed with an
    HR department under 人社部发〔2019〕90号 (《关于改革完善技能人才评价制度的意见》).
    Luohu's 2023 apprenticeship call requires the enterprise or its partner
    institution to hold it for the target occupation and level.  Which levels below
    ``max_level`` a filing covers is not stated in the documents read: a rule that
    needs it must say what it assumes.

    Example:
        >>> from skillchain import OccupationCode, SkillLevel
        >>> from skillchain.model import EvaluationQualification
        >>> q = EvaluationQualification(
        ...     occupation=OccupationCode("6-31-01-03"), max_level=SkillLevel.TECHNICIAN
        ... )
        >>> q.max_level.zh
        '技师'
    """

    occupation: OccupationCode = attrs.field(validator=is_a(OccupationCode))
    """职业(工种): the occupation, by its 2022 大典 code."""
    max_level: SkillLevel = attrs.field(validator=is_a(SkillLevel))
    """The highest level the filing allows the holder to certify."""
    filed_on: date | None = attrs.field(default=None, validator=maybe(day))
    """备案日期: the filing date, if known."""


@attrs.frozen(kw_only=True)
class TrainingInstitution:
    """An education or training institution (教育培训机构).

    The apprenticeship partner is a 技工院校, 职业院校 or 职业培训机构
    (深人社规〔2019〕11号, art. 2); a large enterprise's own training centre may
    deliver too (Luohu 2023 call).  Private vocational training institutions are
    filed in Shenzhen (service item "深圳市民办职业培训机构备案", output a 备案证) and
    approved in Guangzhou (穗人社规字〔2025〕2号); the legal basis of Shenzhen's
    filing was not found.

    Raises:
        InvalidValueError: If a certificate number is given while the regulatory
            status says the institution is neither approved nor filed.

    Example:
        >>> from skillchain import DivisionCode
        >>> from skillchain.model import (
        ...     InstitutionKind, Ownership, RegulatoryStatus, TrainingInstitution,
        ... )
        >>> school = TrainingInstitution(
        ...     name="深圳市某职业培训学校",
        ...     kind=InstitutionKind.TRAINING_INSTITUTION,
        ...     ownership=Ownership.PRIVATE,
        ...     regulatory_status=RegulatoryStatus.FILED,
        ...     division=DivisionCode("440304"),
        ... )
        >>> school.kind.zh
        '职业培训机构'
    """

    name: str = attrs.field(validator=text, repr=text_repr)
    """机构名称: the registered name."""
    kind: InstitutionKind = attrs.field(validator=is_a(InstitutionKind))
    """机构类型: 技工院校, 职业院校, 职业培训机构, 企业培训中心 or 公共实训基地."""
    credit_code: CreditCode | None = attrs.field(
        default=None, validator=maybe(is_a(CreditCode))
    )
    """统一社会信用代码, if it has one (an enterprise's internal centre may not)."""
    ownership: Ownership | None = attrs.field(
        default=None, validator=maybe(is_a(Ownership))
    )
    """公办 or 民办, if known."""
    regulatory_status: RegulatoryStatus | None = attrs.field(
        default=None, validator=maybe(is_a(RegulatoryStatus))
    )
    """审批 or 备案 (or neither), if known."""
    certificate_number: str | None = attrs.field(
        default=None, validator=maybe(text), repr=text_repr
    )
    """The number of its 办学许可证 (approval) or 备案证 (filing), if known.

    No document read fixes the format, so any non-blank text is accepted.
    """
    division: DivisionCode | None = attrs.field(
        default=None, validator=maybe(is_a(DivisionCode))
    )
    """所在地: the division where it is registered, if known."""
    evaluation_qualifications: tuple[EvaluationQualification, ...] = attrs.field(
        default=(), validator=tuple_of(EvaluationQualification)
    )
    """Its filed skill-level recognition qualifications (empty: none recorded)."""

    def __attrs_post_init__(self) -> None:
        """Check that a certificate number comes with approval or filing."""
        if (
            self.certificate_number is not None
            and self.regulatory_status is RegulatoryStatus.NONE
        ):
            fail(
                self,
                "certificate_number",
                "a certificate number is given, but regulatory_status says the "
                "institution is neither approved nor filed",
                "no certificate number for RegulatoryStatus.NONE, or the status "
                "APPROVED (办学许可证) or FILED (备案证)",
            )


class EvaluationOrganisationKind(LabelledEnum):
    """Who runs a skill-level recognition (职业技能等级认定) body.

    人社部发〔2019〕90号 opened skill-level recognition to employers, which evaluate
    their own staff (用人单位自主评价), and to social training-evaluation
    organisations (社会培训评价组织), which evaluate anyone.  The difference
    matters: Guangdong's skill-upgrade subsidy excludes certificates from employer
    self-evaluation (粤人社规〔2023〕13号), while Shenzhen's counts those of social
    organisations filed with the province or the city (深人社规〔2023〕8号).  Where a
    body is filed is recorded separately, in
    :attr:`SkillEvaluationOrganisation.filed_with`.
    """

    EMPLOYER = "employer"
    """用人单位: an employer evaluating its own staff (自主评价)."""
    SOCIAL = "social"
    """社会培训评价组织: a social training-evaluation organisation."""

    @property
    def issuer_kind(self) -> IssuerKind:
        """The :class:`~skillchain.model.IssuerKind` of the certificates it issues."""
        if self is EvaluationOrganisationKind.EMPLOYER:
            return IssuerKind.EMPLOYER_SELF_EVALUATION
        return IssuerKind.SOCIAL_EVALUATION_ORGANISATION


set_labels(
    EvaluationOrganisationKind,
    {
        EvaluationOrganisationKind.EMPLOYER: (
            "用人单位（自主评价）",
            "employer (self-evaluation)",
        ),
        EvaluationOrganisationKind.SOCIAL: (
            "社会培训评价组织",
            "social training-evaluation organisation",
        ),
    },
)


@attrs.frozen(kw_only=True)
class SkillEvaluationOrganisation:
    """A skill-level recognition body (职业技能等级认定机构).

    An employer or a social training-evaluation organisation filed with an HR
    department to certify skill levels (人社部发〔2019〕90号).  Skills chains include
    such bodies (粤人社规〔2025〕25号); which certificates count for a subsidy or a
    reward depends on the kind and on where it is filed (粤人社规〔2023〕13号;
    深人社规〔2023〕8号; the Futian occupational-talent reward counts skill-level
    certificates from bodies filed with the Shenzhen HR bureau).

    Example:
        >>> from datetime import date
        >>> from skillchain import CreditCode, DivisionCode
        >>> from skillchain.model import (
        ...     EvaluationOrganisationKind, SkillEvaluationOrganisation,
        ... )
        >>> body = SkillEvaluationOrganisation(
        ...     name="某职业技能评价中心",
        ...     credit_code=CreditCode("91350100M000100Y43"),
        ...     kind=EvaluationOrganisationKind.SOCIAL,
        ...     filed_with=DivisionCode("440300"),
        ...     filed_on=date(2021, 5, 10),
        ... )
        >>> body.issuer_kind.en, body.filed_with.level
        ('social training-evaluation organisation', 'prefecture')
    """

    name: str = attrs.field(validator=text, repr=text_repr)
    """名称: the registered name."""
    credit_code: CreditCode = attrs.field(validator=is_a(CreditCode))
    """统一社会信用代码: the unified social credit code."""
    kind: EvaluationOrganisationKind = attrs.field(
        validator=is_a(EvaluationOrganisationKind)
    )
    """Employer self-evaluation or social training-evaluation organisation."""
    filed_with: DivisionCode | None = attrs.field(
        default=None, validator=maybe(is_a(DivisionCode))
    )
    """备案机关: the division of the HR department it is filed with, if known.

    ``440000`` for the Guangdong department, ``440300`` for the Shenzhen bureau; the
    code's :attr:`~skillchain.DivisionCode.level` tells province from city.
    """
    filed_on: date | None = attrs.field(default=None, validator=maybe(day))
    """备案日期: the filing date, if known."""
    qualifications: tuple[EvaluationQualification, ...] = attrs.field(
        default=(), validator=tuple_of(EvaluationQualification)
    )
    """The occupations and levels it is filed for (empty: none recorded)."""

    @property
    def issuer_kind(self) -> IssuerKind:
        """The issuer kind of its certificates (employer self-evaluation or social)."""
        return self.kind.issuer_kind


@attrs.frozen(kw_only=True)
class Enterprise:
    """An enterprise (企业): the conditions the programmes put on employers.

    The fields gather what the district and city calls ask about an enterprise:

    * Luohu's apprenticeship service guide (企业新型学徒制培训与补贴申领): registered
      in Shenzhen as an independent legal person, operating normally, not on the
      dishonest-enterprise list, a sound staff-training system, and mentors,
      premises and equipment that match the training;
    * Luohu's 2023 call: a skill-level recognition qualification for the target
      occupation and level, and the training centre of a large enterprise
      (size per 国统字〔2017〕213号) may deliver the training;
    * Shenzhen's chain-leader incubation notice (链主企业培育孵化, date not known;
      citing 粤人社规〔2022〕26号): large or medium size, at least 300 staff insured
      in Shenzhen counting subsidiaries and branches, no illegal or dishonest
      record in the last 3 years, and in principle a "20+8" cluster, above
      designated size, group, listed or 专精特新 enterprise.

    Everything a district may not know is ``None``.

    Example:
        >>> from skillchain import CreditCode, DivisionCode
        >>> from skillchain.model import Enterprise, EnterpriseSize
        >>> firm = Enterprise(
        ...     credit_code=CreditCode("91350100M000100Y43"),
        ...     name="深圳市某科技有限公司",
        ...     registered_division=DivisionCode("440304"),
        ...     size=EnterpriseSize.MEDIUM,
        ...     insured_headcount_city=420,
        ...     cluster_tags=frozenset({"semiconductors"}),
        ... )
        >>> firm.size.zh, firm.insured_headcount_city
        ('中型', 420)
        >>> print(firm.on_dishonest_list)
        None
    """

    credit_code: CreditCode = attrs.field(validator=is_a(CreditCode))
    """统一社会信用代码: the unified social credit code (GB 32100-2015)."""
    name: str = attrs.field(validator=text, repr=text_repr)
    """企业名称: the registered name."""
    registered_division: DivisionCode = attrs.field(validator=is_a(DivisionCode))
    """注册地: the division where it is registered (a district, e.g. ``440304``)."""
    independent_legal_person: bool | None = attrs.field(default=None, validator=flag)
    """独立法人: an independent legal person (Luohu service guide; chain incubation)."""
    operating_normally: bool | None = attrs.field(default=None, validator=flag)
    """正常经营: operating normally (Luohu service guide; "sound operation" for chains)."""
    size: EnterpriseSize | None = attrs.field(
        default=None, validator=maybe(is_a(EnterpriseSize))
    )
    """企业规模: the size class under 国统字〔2017〕213号, if known."""
    insured_headcount_city: int | None = attrs.field(
        default=None, validator=maybe(whole(0))
    )
    """在深参保人数: staff insured in Shenzhen, counting subsidiaries and branches.

    The chain-leader incubation asks for at least 300 (a rule's parameter).  The
    day it is counted on is not fixed by the notice; record it as of the
    application.
    """
    on_dishonest_list: bool | None = attrs.field(default=None, validator=flag)
    """列入严重失信主体名单: on the dishonest-entity list (Luohu service guide)."""
    clean_record_years: int | None = attrs.field(
        default=None, validator=maybe(whole(0))
    )
    """Whole years, up to the application, without an illegal or dishonest record.

    The chain-leader incubation asks for 3 (近三年无违法失信记录).  No document fixes
    how far back a district looks, so a system may cap the count at what it
    checked.
    """
    cluster_tags: frozenset[str] = attrs.field(
        factory=frozenset, validator=frozenset_of(str)
    )
    """产业集群: keys of the industry-cluster catalog the enterprise belongs to.

    Keys of the industry-cluster catalog in ``skillchain.catalog`` (Shenzhen's "20+8",
    Futian's leading industries); the model does not check them against the
    catalog, which is versioned by year.  Empty: none recorded.
    """
    above_designated_size: bool | None = attrs.field(default=None, validator=flag)
    """规模以上企业 (规上): above designated size."""
    listed: bool | None = attrs.field(default=None, validator=flag)
    """上市企业: listed on a stock exchange."""
    specialised: bool | None = attrs.field(default=None, validator=flag)
    """专精特新企业: recognised as specialised, refined, distinctive and innovative."""
    group_company: bool | None = attrs.field(default=None, validator=flag)
    """集团企业: a group company."""
    industry_education_integration: bool | None = attrs.field(
        default=None, validator=flag
    )
    """产教融合型企业: recognised as an industry–education integration enterprise."""
    has_training_system: bool | None = attrs.field(default=None, validator=flag)
    """健全的职工培训制度: a sound staff-training system (Luohu service guide)."""
    has_mentors_premises_equipment: bool | None = attrs.field(
        default=None, validator=flag
    )
    """Mentors, premises and equipment matching the training (Luohu service guide)."""
    evaluation_qualifications: tuple[EvaluationQualification, ...] = attrs.field(
        default=(), validator=tuple_of(EvaluationQualification)
    )
    """Its filed skill-level recognition qualifications (empty: none recorded)."""
    training_centre: TrainingInstitution | None = attrs.field(
        default=None, validator=maybe(is_a(TrainingInstitution))
    )
    """企业培训中心: its own training centre, which may deliver when it is large.

    Luohu's 2023 call lets the training centre of a large enterprise deliver the
    apprenticeship if it has matching teachers, premises and rules.
    """
