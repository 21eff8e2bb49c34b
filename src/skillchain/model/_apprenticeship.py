"""The enterprise new-type apprenticeship (企业新型学徒制).

Shenzhen's measure, 《深圳市推行企业新型学徒制实施办法》 (深人社规〔2019〕11号,
深圳市人社局 and 深圳市财政局, 2019-12-19), art. 2, defines it as an enterprise-led
model in which the enterprise and a 技工院校, 职业院校 or 职业培训机构 share the
training through "企校双师带徒、工学交替培养".  The national frame is
人社部发〔2021〕39号 (《关于全面推行中国特色企业新型学徒制 加强技能人才培养的指导意见》),
after 人社部发〔2018〕66号; the provincial one, 粤人社规〔2022〕4号 and the training
subsidy measure 粤人社规〔2023〕13号.

These records hold the facts only.  Policy limits (a training period of 1-2 years,
3 in special cases; a contract of at least a year; online hours at most half the
professional-basics hours; the district quota) are rules, judged later, and are
never construction errors here.
"""

from datetime import date, timedelta
from decimal import Decimal

import attrs

from skillchain._checks import (
    calendar_year,
    day,
    decimal,
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
from skillchain._dates import DateRange, add_months, months_between
from skillchain._identifiers import CreditCode
from skillchain._labels import LabelledEnum, set_labels
from skillchain._levels import SkillLevel
from skillchain.model._enums import SubsidyKind
from skillchain.model._people import Person, TrainingInstitution


_ONE_DAY = timedelta(days=1)

__all__ = [
    "ApprenticeEnrolment",
    "ApprenticeExclusion",
    "ApprenticeshipProgramme",
    "HireKind",
    "LabourContract",
    "Mentor",
    "MentorSide",
    "ProgrammeStatus",
    "SubsidyClaim",
    "TrainingMode",
]


class TrainingMode(LabelledEnum):
    """A way the training is delivered (培养方式).

    Shenzhen's definition joins two (深人社规〔2019〕11号, art. 2: "企校双师带徒、
    工学交替培养"), and its claim procedure requires both (企校双师联合培养 and
    工学交替, as reported); the national text speaks of "企校合作、工学交替"
    (人社部发〔2021〕39号 as restated).  A programme records a set of modes.
    """

    DUAL_MENTORS = "dual_mentors"
    """企校双师带徒: an enterprise mentor and an institution mentor train together."""
    WORK_STUDY_ALTERNATION = "work_study_alternation"
    """工学交替: periods at work and at the institution alternate."""


set_labels(
    TrainingMode,
    {
        TrainingMode.DUAL_MENTORS: (
            "企校双师带徒",
            "enterprise and institution dual mentors",
        ),
        TrainingMode.WORK_STUDY_ALTERNATION: ("工学交替", "work-study alternation"),
    },
)


class MentorSide(LabelledEnum):
    """Which side of the dual-mentor pair (企校双师) a mentor stands on."""

    ENTERPRISE = "enterprise"
    """企业导师: a mentor from the enterprise (the master at work)."""
    INSTITUTION = "institution"
    """院校导师: a teacher from the partner school or training institution."""


set_labels(
    MentorSide,
    {
        MentorSide.ENTERPRISE: ("企业导师", "enterprise mentor"),
        MentorSide.INSTITUTION: ("院校导师", "institution mentor"),
    },
)


@attrs.frozen(kw_only=True)
class Mentor:
    """A mentor (导师) of an apprenticeship programme.

    The documents read name the dual-mentor model (深人社规〔2019〕11号, art. 2) and
    ask for mentors that match the training (Luohu service guide) but fix no
    mentor qualification; what is recorded here is what a district system keeps
    anyway, for a rule to judge.

    Example:
        >>> from skillchain import SkillLevel
        >>> from skillchain.model import Mentor, MentorSide
        >>> master = Mentor(
        ...     name="李师傅",
        ...     side=MentorSide.ENTERPRISE,
        ...     skill_level=SkillLevel.TECHNICIAN,
        ...     years_of_experience=12,
        ... )
        >>> master.side.zh, master.skill_level.zh
        ('企业导师', '技师')
    """

    name: str = attrs.field(validator=text, repr=text_repr)
    """姓名: the mentor's name."""
    side: MentorSide = attrs.field(validator=is_a(MentorSide))
    """Enterprise mentor or institution mentor."""
    skill_level: SkillLevel | None = attrs.field(
        default=None, validator=maybe(is_a(SkillLevel))
    )
    """技能等级: the highest skill level held, if any and if known."""
    professional_title: str | None = attrs.field(
        default=None, validator=maybe(text), repr=text_repr
    )
    """职称: a professional title held (e.g. 高级讲师), as text, if any.

    No catalog of titles is shipped; the text is recorded as given.
    """
    years_of_experience: int | None = attrs.field(
        default=None, validator=maybe(whole(0))
    )
    """Whole years of experience in the occupation, if known."""


class ProgrammeStatus(LabelledEnum):
    """Where a programme stands in the district procedure.

    Luohu's service guide: application, acceptance, review with an expert panel,
    publication, and listing in the plan within the district's annual quota; then
    training, completion and the balance claim (深人社规〔2019〕11号, as reported).
    ``WITHDRAWN`` is what a district system records anyway for a programme that
    stops (no document read names it).
    """

    APPLIED = "applied"
    """申报: applied for (filed), not yet listed."""
    LISTED = "listed"
    """列入计划: reviewed and listed in the district's apprenticeship plan."""
    IN_TRAINING = "in_training"
    """培训中: training under way."""
    COMPLETED = "completed"
    """结业: training and assessment completed."""
    WITHDRAWN = "withdrawn"
    """撤回/终止: withdrawn by the enterprise or terminated."""


set_labels(
    ProgrammeStatus,
    {
        ProgrammeStatus.APPLIED: ("申报", "applied"),
        ProgrammeStatus.LISTED: ("列入计划", "listed in the plan"),
        ProgrammeStatus.IN_TRAINING: ("培训中", "in training"),
        ProgrammeStatus.COMPLETED: ("结业", "completed"),
        ProgrammeStatus.WITHDRAWN: ("撤回或终止", "withdrawn"),
    },
)


@attrs.frozen(kw_only=True, cache_hash=True)
class ApprenticeshipProgramme:
    """An enterprise new-type apprenticeship programme (企业新型学徒培养计划).

    One enterprise, one partner institution, one occupation and target level, filed
    with the district HR department before training starts (人社部发〔2021〕39号 and
    粤人社规〔2023〕13号, as reported: where the apprentices are insured).

    The dual-mentor model (企校双师带徒, 深人社规〔2019〕11号 art. 2) needs both
    mentors: when ``modes`` holds :attr:`TrainingMode.DUAL_MENTORS`, an enterprise
    mentor and an institution mentor must both be named.  Nothing else that a
    policy limits is checked here: the planned duration (1-2 years, up to 3 in
    special cases, 人社部发〔2021〕39号 as summarised), online hours against the
    professional-basics hours (at most half, Luohu 2023 call), the partner's kind,
    filing before the start, and the quota are all rules.

    Raises:
        InvalidValueError: If ``planned_months`` is not positive, an hours figure
            is negative, a mentor required by ``DUAL_MENTORS`` is missing, a mentor
            sits on the wrong side, or the planned end falls after year 9999.

    Example:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from skillchain import CreditCode, OccupationCode, SkillLevel
        >>> from skillchain.model import (
        ...     ApprenticeshipProgramme, InstitutionKind, Mentor, MentorSide,
        ...     ProgrammeStatus, TrainingInstitution, TrainingMode,
        ... )
        >>> programme = ApprenticeshipProgramme(
        ...     enterprise=CreditCode("91350100M000100Y43"),
        ...     institution=TrainingInstitution(
        ...         name="深圳市某技师学院", kind=InstitutionKind.TECHNICAL_SCHOOL
        ...     ),
        ...     occupation=OccupationCode("6-31-01-03"),
        ...     target_level=SkillLevel.ADVANCED,
        ...     start=date(2024, 3, 1),
        ...     planned_months=12,
        ...     modes=frozenset(TrainingMode),
        ...     enterprise_mentor=Mentor(name="李师傅", side=MentorSide.ENTERPRISE),
        ...     institution_mentor=Mentor(name="王老师", side=MentorSide.INSTITUTION),
        ...     online_hours=Decimal(80),
        ...     professional_basics_hours=Decimal(200),
        ...     status=ProgrammeStatus.LISTED,
        ... )
        >>> programme.planned_end
        datetime.date(2025, 3, 1)
        >>> ApprenticeshipProgramme(
        ...     enterprise=programme.enterprise,
        ...     institution=programme.institution,
        ...     occupation=programme.occupation,
        ...     target_level=SkillLevel.ADVANCED,
        ...     start=date(2024, 3, 1),
        ...     planned_months=12,
        ...     modes=frozenset({TrainingMode.DUAL_MENTORS}),
        ...     status=ProgrammeStatus.APPLIED,
        ... )
        Traceback (most recent call last):
        ...
        skillchain.errors.InvalidValueError: ApprenticeshipProgramme.enterprise_mentor: ...
    """

    enterprise: CreditCode = attrs.field(validator=is_a(CreditCode))
    """The enterprise that runs the programme, by its credit code."""
    institution: TrainingInstitution = attrs.field(validator=is_a(TrainingInstitution))
    """合作培训机构: the partner institution (its kind matters to a rule).

    A 技工院校, 职业院校 or 职业培训机构 (深人社规〔2019〕11号, art. 2), or a large
    enterprise's own training centre (Luohu 2023 call).
    """
    occupation: OccupationCode = attrs.field(validator=is_a(OccupationCode))
    """培训职业(工种): the occupation trained for, by its 2022 大典 code."""
    target_level: SkillLevel = attrs.field(validator=is_a(SkillLevel))
    """培训等级: the target skill level (中级工 to 高级技师 nationally; 中级工 to 技师
    carry Shenzhen rates)."""
    start: date = attrs.field(validator=day)
    """开班日期: the day training starts."""
    planned_months: int = attrs.field(validator=whole(1))
    """培训期限: the planned training period in whole months (at least one)."""
    modes: frozenset[TrainingMode] = attrs.field(validator=frozenset_of(TrainingMode))
    """培养方式: the delivery modes used (Shenzhen expects both)."""
    status: ProgrammeStatus = attrs.field(validator=is_a(ProgrammeStatus))
    """Where the programme stands in the district procedure."""
    reference: str | None = attrs.field(
        default=None, validator=maybe(text), repr=text_repr
    )
    """The district's filing or plan number (备案编号), if assigned.

    No document read fixes its format; a district system records it anyway, to
    find the programme again.
    """
    special_case: bool | None = attrs.field(default=None, validator=flag)
    """特殊情况: approved as a special case for a period of up to 3 years.

    人社部发〔2021〕39号 (as a local guide summarises it) allows 1-2 years, up to 3
    in special cases; what makes a case special is not in the documents read.
    """
    enterprise_mentor: Mentor | None = attrs.field(
        default=None, validator=maybe(is_a(Mentor))
    )
    """企业导师: the enterprise mentor (required with ``DUAL_MENTORS``)."""
    institution_mentor: Mentor | None = attrs.field(
        default=None, validator=maybe(is_a(Mentor))
    )
    """院校导师: the institution mentor (required with ``DUAL_MENTORS``)."""
    online_hours: Decimal | None = attrs.field(default=None, validator=maybe(decimal()))
    """线上学时: planned online hours, if known (non-negative).

    Luohu's 2023 call allows online delivery on a real-name platform and caps it at
    half the professional-basics hours (a rule, not checked here).
    """
    professional_basics_hours: Decimal | None = attrs.field(
        default=None, validator=maybe(decimal())
    )
    """专业基础课学时: planned professional-basics hours, if known (non-negative)."""
    filing_division: DivisionCode | None = attrs.field(
        default=None, validator=maybe(is_a(DivisionCode))
    )
    """备案地: the division whose HR department the programme is filed with."""
    filed_on: date | None = attrs.field(default=None, validator=maybe(day))
    """备案日期: the day it was filed (applied), if known."""
    district_quota_year: int | None = attrs.field(
        default=None, validator=maybe(calendar_year)
    )
    """The year of the district's annual apprentice quota (年度学徒名额) it counts
    against, if listed (Luohu service guide; Luohu's 2023 quota was 200, Futian's is
    not known)."""

    def __attrs_post_init__(self) -> None:
        """Check the dual-mentor pair and that the planned end is a real date."""
        if TrainingMode.DUAL_MENTORS in self.modes:
            for field, mentor in (
                ("enterprise_mentor", self.enterprise_mentor),
                ("institution_mentor", self.institution_mentor),
            ):
                if mentor is None:
                    fail(
                        self,
                        field,
                        f"no {field.replace('_', ' ')} is named, but the modes "
                        "include 企校双师带徒 (TrainingMode.DUAL_MENTORS)",
                        "a Mentor on each side (enterprise and institution) "
                        "whenever the modes include DUAL_MENTORS",
                    )
        for field, mentor, side in (
            ("enterprise_mentor", self.enterprise_mentor, MentorSide.ENTERPRISE),
            ("institution_mentor", self.institution_mentor, MentorSide.INSTITUTION),
        ):
            if mentor is not None and mentor.side is not side:
                fail(
                    self,
                    field,
                    f"the mentor given has side {mentor.side.name}",
                    f"a Mentor with side MentorSide.{side.name}",
                )
        if self.start.year * 12 + self.start.month - 1 + self.planned_months >= (
            10000 * 12
        ):
            fail(
                self,
                "planned_months",
                f"{self.start.isoformat()} plus {self.planned_months} months "
                "is after year 9999",
                "a planned end no later than 9999-12-31",
            )

    @property
    def planned_end(self) -> date:
        """The last day of the planned training period.

        ``planned_months`` calendar months after :attr:`start`, clamped to the end
        of a shorter month (:func:`~skillchain.add_months`).  This follows the
        counting rule of 《中华人民共和国民法典》 arts. 201-202 (the first day is not
        counted; the period ends on the corresponding day of the last month, or
        that month's last day if it has none); no apprenticeship document read
        fixes it.  A 12-month programme starting 2024-03-01 ends on 2025-03-01.
        """
        return add_months(self.start, self.planned_months)

    @property
    def planned_period(self) -> DateRange:
        """The planned training period, :attr:`start` to :attr:`planned_end`."""
        return DateRange(self.start, self.planned_end)


class HireKind(LabelledEnum):
    """How an apprentice came to the post (学徒来源).

    Apprentices are *mainly* (为主) new hires and transferees in skill posts, and an
    enterprise may choose its own trainees (人社部发〔2021〕39号, as restated by
    Liaoning); during the three-year skills-upgrading action (职业技能提升行动,
    2019-2021) in-service staff, including those on probation, were named too.  The
    kind is a priority, never a bar; the action's dates belong in a rule's
    parameters.
    """

    NEW_HIRE = "new_hire"
    """新招用: newly hired by the enterprise."""
    TRANSFEREE = "transferee"
    """转岗: transferred to the post from another post in the enterprise."""
    IN_SERVICE = "in_service"
    """在岗职工: already in the post (named among the trainees during the three-year
    action; not among the main ones after it)."""


set_labels(
    HireKind,
    {
        HireKind.NEW_HIRE: ("新招用", "new hire"),
        HireKind.TRANSFEREE: ("转岗", "transferee"),
        HireKind.IN_SERVICE: ("在岗职工", "in-service employee"),
    },
)


class ApprenticeExclusion(LabelledEnum):
    """One of Shenzhen's five groups who cannot be apprentices (不得作为学徒的人员).

    深人社规〔2019〕11号, as a passage seen without an address reports it; the policy
    lists the exclusions in force (``apprenticeship.apprentice_exclusions``), so a
    decision that rests on them carries that passage's provenance.
    """

    SUBSIDISED = "subsidised"
    """Already paid a Shenzhen training subsidy for the same occupation at the same
    or a higher level."""
    IN_PLAN = "in_plan"
    """Already in a Shenzhen apprenticeship plan for the same occupation at the same
    or a higher level."""
    FILED_ELSEWHERE = "filed_elsewhere"
    """Filed as an apprentice by a Shenzhen district and still within that training
    period."""
    VOCATIONAL_STUDENT = "vocational_student"
    """A full-time student of a 技工院校 or 职业院校."""
    SPECIAL_AID = "special_aid"
    """Covered by the one-off special training aid for enterprises in difficulty
    (困难企业一次性特别培训补助), or in its training plan."""


set_labels(
    ApprenticeExclusion,
    {
        ApprenticeExclusion.SUBSIDISED: (
            "已享受深圳市同职业（工种）同等级或更高等级职业培训补贴",
            "already subsidised in Shenzhen for the occupation at that level or higher",
        ),
        ApprenticeExclusion.IN_PLAN: (
            "已列入深圳市同职业（工种）同等级或更高等级学徒培养计划",
            "already in a Shenzhen plan for the occupation at that level or higher",
        ),
        ApprenticeExclusion.FILED_ELSEWHERE: (
            "已在深圳市任一区备案且仍在培训期内",
            "filed by a Shenzhen district and still in training",
        ),
        ApprenticeExclusion.VOCATIONAL_STUDENT: (
            "技工院校、职业院校全日制在校学生",
            "full-time student of a technical school or vocational college",
        ),
        ApprenticeExclusion.SPECIAL_AID: (
            "享受困难企业一次性特别培训补助或已列入其培训计划",
            "covered by the special training aid for enterprises in difficulty",
        ),
    },
)


@attrs.frozen(kw_only=True)
class LabourContract:
    """A labour contract (劳动合同) between the apprentice and the enterprise.

    The apprentice must have signed one of at least a year (人社部发〔2021〕39号 as
    restated); that is a rule, while a contract that ends before it starts is
    malformed.  An open end means a contract without a fixed term (无固定期限).

    Raises:
        InvalidValueError: If ``end`` is before ``start``.

    Example:
        >>> from datetime import date
        >>> from skillchain.model import LabourContract
        >>> LabourContract(start=date(2024, 1, 1), end=date(2024, 12, 31)).months
        12
        >>> print(LabourContract(start=date(2024, 1, 1)).months)
        None
    """

    start: date = attrs.field(validator=day)
    """The first day of the contract term."""
    end: date | None = attrs.field(default=None, validator=maybe(day))
    """The last day of the term (inclusive), or ``None`` for no fixed term."""

    def __attrs_post_init__(self) -> None:
        """Check that the term does not end before it starts."""
        if self.end is not None and self.end < self.start:
            fail(
                self,
                "end",
                f"the contract ends on {self.end.isoformat()}, before it starts "
                f"on {self.start.isoformat()}",
                "an end on or after the start (the end is the last day of the "
                "term), or None for a contract without a fixed term",
            )

    @property
    def period(self) -> DateRange:
        """The contract term as a range (open-ended for no fixed term)."""
        return DateRange(self.start, self.end)

    @property
    def months(self) -> int | None:
        """The whole calendar months in the term, counting both its first and last day.

        A contract written "2024-01-01 to 2024-12-31" has 12 months, as does one
        written "2024-03-01 to 2025-03-01"; ``None`` for no fixed term.  It is
        ``relativedelta(end + 1 day, start)`` in months.
        """
        if self.end is None:
            return None
        if self.end == date.max:
            # The day after does not exist; only a start on the 1st gains a month.
            return months_between(self.start, self.end) + (
                1 if self.start.day == 1 else 0
            )
        return months_between(self.start, self.end + _ONE_DAY)

    def with_months(self, months: int) -> "LabourContract":
        """The contract with the same start and a term of *months* whole months.

        The last day is the day before the start's day *months* calendar months
        later, so :attr:`months` of the result is *months*.

        Raises:
            InvalidValueError: *months* is less than 1.

        Example:
            >>> from datetime import date
            >>> from skillchain.model import LabourContract
            >>> c = LabourContract(start=date(2024, 1, 31), end=date(2024, 11, 30))
            >>> longer = c.with_months(12)
            >>> longer.end, longer.months
            (datetime.date(2025, 1, 30), 12)
        """
        if months < 1:
            fail(
                self,
                "end",
                f"a term of {months} months was asked for",
                "1 month or more",
            )
        end = add_months(self.start, months) - _ONE_DAY
        return attrs.evolve(self, end=end)


@attrs.frozen(kw_only=True)
class SubsidyClaim:
    """A training subsidy a person has claimed or been paid (补贴申领记录).

    The claim history feeds three rules: Shenzhen's annual cap (each of four kinds
    once per calendar year, at most three in total, one payment per occupation and
    level: the city FAQ republished by Yantian, 2024-11-27, and
    深人社规〔2023〕8号 art. 4 as drafted); the mutual exclusion with the
    unemployment-insurance skill subsidy paid in Guangdong; and the first of
    Shenzhen's apprenticeship exclusions (a Shenzhen training subsidy already paid
    for the same occupation at the same or a higher level).

    Example:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from skillchain import DivisionCode, OccupationCode, SkillLevel
        >>> from skillchain.model import SubsidyClaim, SubsidyKind
        >>> claim = SubsidyClaim(
        ...     kind=SubsidyKind.SKILL_UPGRADE,
        ...     occupation=OccupationCode("4-03-02-01"),
        ...     level=SkillLevel.INTERMEDIATE,
        ...     year=2023,
        ...     amount=Decimal(1500),
        ...     division=DivisionCode("440300"),
        ... )
        >>> claim.kind.zh
        '职业技能提升补贴'
    """

    kind: SubsidyKind = attrs.field(validator=is_a(SubsidyKind))
    """补贴类型: the kind of subsidy."""
    year: int = attrs.field(validator=calendar_year)
    """The calendar year the claim counts in for the annual cap.

    The FAQ says "in one calendar year"; whether that is the year of application,
    approval or payment is not stated, so a district system records the year it
    counts by.
    """
    occupation: OccupationCode | None = attrs.field(
        default=None, validator=maybe(is_a(OccupationCode))
    )
    """The occupation the subsidy was for, if any (a living allowance has none)."""
    level: SkillLevel | None = attrs.field(
        default=None, validator=maybe(is_a(SkillLevel))
    )
    """The skill level the subsidy was for, if any."""
    amount: Decimal | None = attrs.field(default=None, validator=maybe(decimal()))
    """The amount in yuan, if known (finite, non-negative)."""
    paid_on: date | None = attrs.field(default=None, validator=maybe(day))
    """The day it was paid, or ``None`` if not (yet) paid or not known."""
    division: DivisionCode | None = attrs.field(
        default=None, validator=maybe(is_a(DivisionCode))
    )
    """Where it was paid (e.g. ``440300`` Shenzhen, ``440000`` Guangdong), if known.

    The exclusions speak of subsidies paid "in Shenzhen" or "in Guangdong"; no
    document fixes this field, but the rules need it.
    """


@attrs.frozen(kw_only=True)
class ApprenticeEnrolment:
    """An apprentice (学徒) enrolled in a programme: the facts eligibility needs.

    National conditions (人社部发〔2021〕39号, as restated): apprentices are mainly
    new hires and transferees (``hire_kind``, a priority) in a skill post
    (``skill_post``) with a labour contract of at least a year (``contract``).  Shenzhen's five exclusions (深人社规〔2019〕11号, as
    reported, no address seen) map to these facts:

    1. a Shenzhen training subsidy already paid for the same occupation at the same
       or a higher level: ``claims``;
    2. already in a Shenzhen apprenticeship plan for the same occupation at the same
       or a higher level: ``in_plan_same_or_higher``;
    3. filed by any Shenzhen district and still within that training period:
       ``filed_elsewhere_in_training``;
    4. a full-time student of a 技工院校 or 职业院校:
       :attr:`Person.full_time_student` and :attr:`Person.school_kind` of
       ``person``;
    5. covered by the one-off special training aid for enterprises in difficulty
       (困难企业一次性特别培训补助), or in its plan: ``covered_by_special_aid``.

    The programme is held itself, not by an id: a rule then gets every fact it
    needs (occupation, level, start, partner, enterprise) from one argument, and
    since records are immutable, the apprentices of one programme share one object.

    Example:
        >>> from datetime import date
        >>> from skillchain import CreditCode, OccupationCode, ResidentId, SkillLevel
        >>> from skillchain.model import (
        ...     ApprenticeEnrolment, ApprenticeshipProgramme, HireKind,
        ...     InstitutionKind, LabourContract, Person, ProgrammeStatus,
        ...     TrainingInstitution, TrainingMode,
        ... )
        >>> programme = ApprenticeshipProgramme(
        ...     enterprise=CreditCode("91350100M000100Y43"),
        ...     institution=TrainingInstitution(
        ...         name="某职业培训学校", kind=InstitutionKind.TRAINING_INSTITUTION
        ...     ),
        ...     occupation=OccupationCode("6-31-01-03"),
        ...     target_level=SkillLevel.INTERMEDIATE,
        ...     start=date(2024, 3, 1),
        ...     planned_months=12,
        ...     modes=frozenset({TrainingMode.WORK_STUDY_ALTERNATION}),
        ...     status=ProgrammeStatus.APPLIED,
        ... )
        >>> apprentice = ApprenticeEnrolment(
        ...     person=Person(id=ResidentId("11010519491231002X")),
        ...     programme=programme,
        ...     contract=LabourContract(start=date(2024, 2, 1), end=date(2027, 1, 31)),
        ...     hire_kind=HireKind.NEW_HIRE,
        ...     skill_post=True,
        ... )
        >>> apprentice.contract.months
        36
        >>> "11010519491231002X" in repr(apprentice)
        False
    """

    person: Person = attrs.field(validator=is_a(Person))
    """The apprentice."""
    programme: ApprenticeshipProgramme = attrs.field(
        validator=is_a(ApprenticeshipProgramme)
    )
    """The programme the apprentice is enrolled in."""
    contract: LabourContract | None = attrs.field(
        default=None, validator=maybe(is_a(LabourContract))
    )
    """The labour contract with the programme's enterprise, if known."""
    hire_kind: HireKind | None = attrs.field(
        default=None, validator=maybe(is_a(HireKind))
    )
    """新招用, 转岗 or 在岗职工, if known."""
    skill_post: bool | None = attrs.field(default=None, validator=flag)
    """技能岗位: whether the apprentice's post is a skill post."""
    in_plan_same_or_higher: bool | None = attrs.field(default=None, validator=flag)
    """Already in another Shenzhen apprenticeship plan for the same occupation at the
    same or a higher level (exclusion 2), as the city's records show."""
    filed_elsewhere_in_training: bool | None = attrs.field(default=None, validator=flag)
    """Filed as an apprentice by a Shenzhen district and still within that training
    period (exclusion 3)."""
    covered_by_special_aid: bool | None = attrs.field(default=None, validator=flag)
    """Covered by the one-off special training aid for enterprises in difficulty
    (困难企业一次性特别培训补助), or in its training plan (exclusion 5)."""
    qualified: bool | None = attrs.field(default=None, validator=flag)
    """合格: passed the final assessment (the balance is paid per qualifying person).

    人社部发〔2021〕39号 (as summarised) and Shenzhen's claim procedure (as reported)
    pay the rest of the subsidy per apprentice who qualifies; ``None`` until
    assessed.
    """
    claims: tuple[SubsidyClaim, ...] = attrs.field(
        default=(), validator=tuple_of(SubsidyClaim)
    )
    """The person's training-subsidy claims so far (empty: none recorded)."""
