"""Recognition: certificates, professional titles, competitions, honours, talent rewards.

The records a district system keeps about what a worker has been recognised for:
the certificates they hold (证书), their professional title (职称), the skills
competitions they took part in (职业技能竞赛) and their results, the honours they
were awarded (荣誉称号: 深圳市技术能手, 鹏城工匠, 福田区技术能手 …), and the claims
they make under Futian's talent programme 福田英才荟 for the 高技能人才奖励 and the
执(职)业人才奖励.
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
    texts,
    tuple_of,
    whole,
    year_from,
)
from skillchain._codes import DivisionCode, OccupationCode
from skillchain._identifiers import CreditCode, ResidentId
from skillchain._labels import LabelledEnum, set_labels
from skillchain._levels import SkillLevel
from skillchain.model._enums import (
    CertificateKind,
    CompetitionClass,
    CompetitionTier,
    IssuerKind,
)


__all__ = [
    "Certificate",
    "Competition",
    "CompetitionAward",
    "CompetitionEntry",
    "CompetitionFormat",
    "CompetitionResult",
    "Honour",
    "ProfessionalTitle",
    "ProfessionalTitleLevel",
    "RecognitionLevel",
    "TalentRewardClaim",
    "TalentRewardKind",
]


# --- enums ------------------------------------------------------------------------


class RecognitionLevel(LabelledEnum):
    """The level of the authority that recognises or awards something (认定级别).

    Used for honours (全国技术能手 is national, 广东省技术能手 provincial,
    深圳市技术能手 municipal, 福田区技术能手 district) and for lifelong training
    carriers (the 2022 Shenzhen measure recognises city-level carriers; national
    and provincial bases and studios also exist).  The same levels as
    :class:`CompetitionTier`, which is kept for competitions, except its street
    tier: no source names a street-level honour or recognition.
    """

    NATIONAL = "national"
    """国家级: a national ministry or national body."""
    PROVINCIAL = "provincial"
    """省级: the Guangdong provincial government or its departments."""
    MUNICIPAL = "municipal"
    """市级: the Shenzhen city government, its bureaus or the city trade union."""
    DISTRICT = "district"
    """区级: a district (e.g. Futian) or its bureaus and trade union."""


set_labels(
    RecognitionLevel,
    {
        RecognitionLevel.NATIONAL: ("国家级", "national"),
        RecognitionLevel.PROVINCIAL: ("省级", "provincial"),
        RecognitionLevel.MUNICIPAL: ("市级", "municipal"),
        RecognitionLevel.DISTRICT: ("区级", "district"),
    },
)


class ProfessionalTitleLevel(LabelledEnum):
    """The level of a professional title (职称级别).

    The sources name 初级 and 中级 titles (conditions for applying for a
    skill level, e.g. "a relevant 初级职称 + 1 year"), the 2018 link between skills
    and engineering titles (助理工程师 < 工程师 < 高级工程师, i.e. 初级, 中级,
    副高级) and the 正高职称 that Futian's 执(职)业人才奖励 pays 30 000 yuan for (2024
    guide, secondary).  The four members are the national title ladder; no single
    source document lists them together.
    """

    JUNIOR = "junior"
    """初级职称 (员级 and 助理级, e.g. 助理工程师)."""
    INTERMEDIATE = "intermediate"
    """中级职称 (e.g. 工程师)."""
    DEPUTY_SENIOR = "deputy_senior"
    """副高级职称 (e.g. 高级工程师)."""
    FULL_SENIOR = "full_senior"
    """正高级职称 (e.g. 正高级工程师)."""


set_labels(
    ProfessionalTitleLevel,
    {
        ProfessionalTitleLevel.JUNIOR: ("初级职称", "junior professional title"),
        ProfessionalTitleLevel.INTERMEDIATE: (
            "中级职称",
            "intermediate professional title",
        ),
        ProfessionalTitleLevel.DEPUTY_SENIOR: (
            "副高级职称",
            "deputy senior professional title",
        ),
        ProfessionalTitleLevel.FULL_SENIOR: (
            "正高级职称",
            "full senior professional title",
        ),
    },
)


class CompetitionFormat(LabelledEnum):
    """Whether a competition event is contested by individuals or teams (参赛形式).

    The 2020 national competition distinguishes single-person, pair and trio
    events (its 全国技术能手 quota is top 5, top 3 for pairs, top 2 for trios), and
    Shenzhen's 2022 深圳市技术能手 quota applies to single-person events.
    """

    INDIVIDUAL = "individual"
    """个人赛: a single-person event."""
    TEAM = "team"
    """团体赛: a pair, trio or larger team event."""


set_labels(
    CompetitionFormat,
    {
        CompetitionFormat.INDIVIDUAL: ("个人赛", "individual event"),
        CompetitionFormat.TEAM: ("团体赛", "team event"),
    },
)


class CompetitionAward(LabelledEnum):
    """A prize won at a skills competition (竞赛奖项).

    National competitions award medals (金牌, 银牌, 铜牌) and 优胜奖 (the 2020
    national skills competition); city and district events award numbered prizes
    (一等奖, 二等奖, 三等奖; e.g. the 2022 Shenzhen 南粤家政 medical-care contest).
    Which prize earns which title or level is set in each competition's notice.
    """

    GOLD = "gold"
    """金牌."""
    SILVER = "silver"
    """银牌."""
    BRONZE = "bronze"
    """铜牌."""
    FIRST_PRIZE = "first_prize"
    """一等奖."""
    SECOND_PRIZE = "second_prize"
    """二等奖."""
    THIRD_PRIZE = "third_prize"
    """三等奖."""
    EXCELLENCE = "excellence"
    """优胜奖 (excellence award, below the medals or numbered prizes)."""


set_labels(
    CompetitionAward,
    {
        CompetitionAward.GOLD: ("金牌", "gold medal"),
        CompetitionAward.SILVER: ("银牌", "silver medal"),
        CompetitionAward.BRONZE: ("铜牌", "bronze medal"),
        CompetitionAward.FIRST_PRIZE: ("一等奖", "first prize"),
        CompetitionAward.SECOND_PRIZE: ("二等奖", "second prize"),
        CompetitionAward.THIRD_PRIZE: ("三等奖", "third prize"),
        CompetitionAward.EXCELLENCE: ("优胜奖", "excellence award"),
    },
)


class TalentRewardKind(LabelledEnum):
    """The two skills rewards of Futian's talent programme 福田英才荟.

    The district HR bureau receives, reviews and pays both (the bureau's reply
    letter of 2024-09-02, §三).
    """

    HIGH_SKILL = "high_skill"
    """高技能人才奖励: honour- and competition-based (the district guide, secondary)."""
    OCCUPATIONAL = "occupational"
    """执(职)业人才奖励: certificate- and title-based; its scope of occupations
    widened from 31 to 400+ types in 2024 (the reply letter)."""


set_labels(
    TalentRewardKind,
    {
        TalentRewardKind.HIGH_SKILL: ("高技能人才奖励", "high-skill talent reward"),
        TalentRewardKind.OCCUPATIONAL: (
            "执(职)业人才奖励",
            "occupational talent reward",
        ),
    },
)


# --- certificates and titles ------------------------------------------------------


@attrs.frozen(kw_only=True)
class Certificate:
    """A certificate a person holds (证书).

    The kinds are those the programmes count (:class:`CertificateKind`).  What is
    required depends on the kind:

    * every certificate names what it certifies: an ``occupation`` code or a
      ``qualification`` name (or both);
    * a 职业技能等级证书 (``SKILL_LEVEL``) always has an ``occupation`` and a
      ``level``: a skill level is a level *of an occupation* (each occupation's
      national skill standard sets its levels);
    * a 执业资格证书 (``PRACTISING_QUALIFICATION``, e.g. 注册会计师) has no skill level
      and is named by its ``qualification``;
    * ``valid_until``, where given, is not before ``issued_on``;
    * ``evaluator_filed_with`` applies only to certificates issued by an evaluation
      body (a social training-evaluation organisation or an employer).

    The provenance fields (``issuer_division``, ``evaluator_filed_with``,
    ``in_national_query_system``) come from Futian's 2024 执(职)业人才奖励 guide
    (secondary): qualification certificates count only if they are in the national
    online query system and were issued by Guangdong or Shenzhen HR departments;
    skill-level certificates only if issued by an evaluator filed with the Shenzhen
    HR bureau.

    Example:
        >>> from datetime import date
        >>> from skillchain import DivisionCode, OccupationCode, ResidentId, SkillLevel
        >>> from skillchain.model import Certificate, CertificateKind, IssuerKind
        >>> cert = Certificate(
        ...     holder=ResidentId("11010519491231002X"),
        ...     kind=CertificateKind.SKILL_LEVEL,
        ...     occupation=OccupationCode("4-10-01-05"),
        ...     level=SkillLevel.ADVANCED,
        ...     issued_on=date(2024, 6, 30),
        ...     issuer_kind=IssuerKind.SOCIAL_EVALUATION_ORGANISATION,
        ...     evaluator_filed_with=DivisionCode("440300"),
        ... )
        >>> cert.holder
        ResidentId('110105********002X')
        >>> Certificate(
        ...     holder=ResidentId("11010519491231002X"),
        ...     kind=CertificateKind.SKILL_LEVEL,
        ...     occupation=OccupationCode("4-10-01-05"),
        ...     issued_on=date(2024, 6, 30),
        ...     issuer_kind=IssuerKind.HR_DEPARTMENT,
        ... )
        Traceback (most recent call last):
        ...
        skillchain.errors.InvalidValueError: Certificate.level: a skill-level certificate has no level; expected ...
    """

    holder: ResidentId = attrs.field(validator=is_a(ResidentId))
    """持证人: the holder's resident identity number."""
    kind: CertificateKind = attrs.field(validator=is_a(CertificateKind))
    """证书类型: the kind of certificate."""
    issued_on: date = attrs.field(validator=day)
    """发证日期: the issue date printed on the certificate (the 12-month claim
    windows of the skill-upgrade subsidies count from it)."""
    issuer_kind: IssuerKind = attrs.field(validator=is_a(IssuerKind))
    """发证机构类型: who issued it; Guangdong's skill-upgrade subsidy excludes
    employer self-evaluation (粤人社规〔2023〕13号, secondary)."""
    occupation: OccupationCode | None = attrs.field(
        default=None, validator=maybe(is_a(OccupationCode))
    )
    """职业: the occupation (职业分类大典 2022 code) the certificate is for, if any."""
    qualification: str | None = attrs.field(
        default=None, validator=maybe(text), repr=text_repr
    )
    """资格名称: the qualification or item named on the certificate where there is no
    occupation code, e.g. ``注册会计师`` (a practising qualification of the 国家职业资格
    目录) or a 专项职业能力 item; also a 工种 name.  Free text: no catalog of these
    names ships yet."""
    level: SkillLevel | None = attrs.field(
        default=None, validator=maybe(is_a(SkillLevel))
    )
    """等级: the skill level certified, if the certificate has one."""
    number: str | None = attrs.field(
        default=None, validator=maybe(text), repr=text_repr
    )
    """证书编号: the certificate number, as printed."""
    issuer_name: str | None = attrs.field(
        default=None, validator=maybe(text), repr=text_repr
    )
    """发证机构: the name of the issuing body, as printed."""
    issuer_division: DivisionCode | None = attrs.field(
        default=None, validator=maybe(is_a(DivisionCode))
    )
    """发证地区: the division of the issuing HR department or body (``440000`` for
    Guangdong, ``440300`` for Shenzhen)."""
    evaluator_filed_with: DivisionCode | None = attrs.field(
        default=None, validator=maybe(is_a(DivisionCode))
    )
    """备案地: the division whose HR department the evaluating body is filed with
    (``440300`` for the Shenzhen HR bureau); only for evaluation bodies."""
    in_national_query_system: bool | None = attrs.field(default=None, validator=flag)
    """Whether the certificate can be found in the national online query system
    (全国联网查询); ``None`` if not checked."""
    valid_until: date | None = attrs.field(default=None, validator=maybe(day))
    """有效期至: the last day of validity, for certificates that expire (practising
    registrations must be valid when a reward is claimed); ``None`` if it does not
    expire or is unknown."""

    def __attrs_post_init__(self) -> None:
        """Check the requirements of the certificate's kind."""
        if self.occupation is None and self.qualification is None:
            fail(
                self,
                "occupation",
                "neither an occupation nor a qualification is given",
                "an occupation code, a qualification name, or both",
            )
        if self.kind is CertificateKind.SKILL_LEVEL:
            if self.level is None:
                fail(
                    self,
                    "level",
                    "a skill-level certificate has no level",
                    "the SkillLevel the certificate certifies",
                )
            if self.occupation is None:
                fail(
                    self,
                    "occupation",
                    "a skill-level certificate has no occupation",
                    "the OccupationCode the level is of",
                )
        if self.kind is CertificateKind.PRACTISING_QUALIFICATION:
            if self.level is not None:
                fail(
                    self,
                    "level",
                    "a practising qualification has a skill level",
                    "None: practising qualifications have no skill level",
                )
            if self.qualification is None:
                fail(
                    self,
                    "qualification",
                    "a practising qualification has no qualification name",
                    "the qualification's name, e.g. 注册会计师",
                )
        if self.valid_until is not None and self.valid_until < self.issued_on:
            fail(
                self,
                "valid_until",
                f"{self.valid_until.isoformat()} is before the issue date "
                f"{self.issued_on.isoformat()}",
                "a last day of validity on or after the issue date",
            )
        if self.evaluator_filed_with is not None and self.issuer_kind not in {
            IssuerKind.SOCIAL_EVALUATION_ORGANISATION,
            IssuerKind.EMPLOYER_SELF_EVALUATION,
        }:
            fail(
                self,
                "evaluator_filed_with",
                f"given for a certificate issued by {self.issuer_kind.en}",
                "None unless an evaluation body (social organisation or employer) "
                "issued the certificate",
            )


@attrs.frozen(kw_only=True)
class ProfessionalTitle:
    """A professional title a person holds (职称).

    Futian's 2024 执(职)业人才奖励 guide (secondary) pays for a 正高职称 obtained
    after 2016-09-01, counted from the date of the review result; the title is
    therefore a possible basis of a :class:`TalentRewardClaim`.

    Example:
        >>> from datetime import date
        >>> from skillchain import ResidentId
        >>> from skillchain.model import ProfessionalTitle, ProfessionalTitleLevel
        >>> title = ProfessionalTitle(
        ...     holder=ResidentId("11010519491231002X"),
        ...     level=ProfessionalTitleLevel.FULL_SENIOR,
        ...     name="正高级工程师",
        ...     conferred_on=date(2022, 12, 1),
        ... )
        >>> title.level.zh
        '正高级职称'
    """

    holder: ResidentId = attrs.field(validator=is_a(ResidentId))
    """The holder's resident identity number."""
    level: ProfessionalTitleLevel = attrs.field(validator=is_a(ProfessionalTitleLevel))
    """职称级别: the level of the title."""
    name: str | None = attrs.field(default=None, validator=maybe(text), repr=text_repr)
    """职称名称: the title as conferred, e.g. ``正高级工程师``."""
    conferred_on: date | None = attrs.field(default=None, validator=maybe(day))
    """取得日期: the date of the review result (评审通过), which the 2024 guide's
    date floor is counted from; ``None`` if unknown."""


# --- competitions -----------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Competition:
    """A skills competition event (职业技能竞赛, one 赛项).

    Competitions are managed by tier (:class:`CompetitionTier`) and, within a tier,
    by class (:class:`CompetitionClass`): Shenzhen's 市级一类 events are run by the
    city HR bureau, its 市级二类 events are planned by district HR bureaus and filed
    with the city bureau (深圳市人社局 2022 skills-contest notice, 2022-05-11).
    Futian has run 区二类 events for twelve years and co-organised 市一类 events such
    as 服装制版师 (the reply letter, §一).

    Checks: a ``team_size`` only for team events (and at least 2); ``held_on`` in
    ``year``.

    Example:
        >>> from datetime import date
        >>> from skillchain import OccupationCode
        >>> from skillchain.model import (
        ...     Competition, CompetitionClass, CompetitionFormat, CompetitionTier)
        >>> contest = Competition(
        ...     name="深圳市第十四届职工技术创新运动会暨2024年深圳技能大赛——服装制版师职业技能竞赛",
        ...     year=2024,
        ...     tier=CompetitionTier.MUNICIPAL,
        ...     competition_class=CompetitionClass.FIRST,
        ...     event="服装制版师",
        ...     occupation=OccupationCode("6-05-01-01"),
        ...     competition_format=CompetitionFormat.INDIVIDUAL,
        ...     organisers=("深圳市人力资源和社会保障局", "福田区人力资源局"),
        ...     held_on=date(2024, 9, 1),
        ... )
        >>> contest.tier.zh + contest.competition_class.zh
        '市级一类'
    """

    name: str = attrs.field(validator=text, repr=text_repr)
    """竞赛名称: the competition's full name, as in its notice."""
    year: int = attrs.field(validator=year_from(1949))
    """年度: the year the competition is held (and named after, e.g. 2024年深圳技能大赛)."""
    tier: CompetitionTier = attrs.field(validator=is_a(CompetitionTier))
    """竞赛级别: national, provincial, municipal or district."""
    event: str = attrs.field(validator=text, repr=text_repr)
    """赛项: the event, usually the occupation's name (e.g. ``服装制版师``)."""
    competition_format: CompetitionFormat = attrs.field(
        validator=is_a(CompetitionFormat)
    )
    """参赛形式: individual or team event."""
    competition_class: CompetitionClass | None = attrs.field(
        default=None, validator=maybe(is_a(CompetitionClass))
    )
    """竞赛类别: 一类 or 二类 within the tier; ``None`` if unknown or unclassified."""
    occupation: OccupationCode | None = attrs.field(
        default=None, validator=maybe(is_a(OccupationCode))
    )
    """职业: the occupation the event is based on, where it is one (some events, such
    as Web3.0金融技术应用, are not named after an occupation)."""
    team_size: int | None = attrs.field(default=None, validator=maybe(whole(2)))
    """每队人数: people per team in a team event (2 for a pair, 3 for a trio)."""
    finalists: int | None = attrs.field(default=None, validator=maybe(whole(0)))
    """决赛实际参赛人数: the competitors who actually took part in the final; Shenzhen's
    2022 深圳市技术能手 quota is set by it (≥ 50 → top 8, 25–49 → top 4, 10–24 →
    top 2, for single-person 市级一类 events; secondary)."""
    organisers: tuple[str, ...] = attrs.field(default=(), validator=texts)
    """主办/承办单位: the organising bodies, in the order of the notice."""
    held_on: date | None = attrs.field(default=None, validator=maybe(day))
    """举办日期: the day of the final (e.g. 2024-09-01 for the letter's 服装制版师
    event); ``None`` if unknown."""
    open_nationwide: bool = attrs.field(default=False, validator=is_a(bool))
    """面向全国: ``True`` for an event open to entrants from anywhere, such as the
    city's 工匠之星 events, whose entrants need not work or study in Shenzhen (2022
    and 2025 city contest notices)."""

    def __attrs_post_init__(self) -> None:
        """Check the team size and the date against the format and the year."""
        if (
            self.team_size is not None
            and self.competition_format is not CompetitionFormat.TEAM
        ):
            fail(
                self,
                "team_size",
                f"a team size of {self.team_size} is given for an individual event",
                "None for an individual event",
            )
        if self.held_on is not None and self.held_on.year != self.year:
            fail(
                self,
                "held_on",
                f"{self.held_on.isoformat()} is not in the competition year {self.year}",
                "a day in the competition's year",
            )


@attrs.frozen(kw_only=True)
class CompetitionResult:
    """One person's result at a competition (竞赛成绩).

    Titles and promotions follow from results under each competition's notice (e.g.
    深圳市技术能手 for the top finalists of a 市级一类 event whose every score passed;
    a direct promotion to 技师 for 优胜奖 or better at the 2020 national
    competition), so the result keeps the facts those notices use: the rank, the
    prize, whether every part was passed, and whether the person was a competitor
    or a coach (鹏城工匠 counts results "as competitor or coach").

    Checks: ``rank`` is 1 or more and not above ``competition.finalists``; team
    members only for a team event, never the person themselves, no duplicates, and
    no more than the team size allows.

    Example:
        >>> from skillchain import ResidentId
        >>> from skillchain.model import (
        ...     Competition, CompetitionAward, CompetitionFormat, CompetitionResult,
        ...     CompetitionTier)
        >>> contest = Competition(
        ...     name="福田区职工技能大赛", year=2024, tier=CompetitionTier.DISTRICT,
        ...     event="室内装饰设计师", competition_format=CompetitionFormat.INDIVIDUAL,
        ...     finalists=50)
        >>> result = CompetitionResult(
        ...     person=ResidentId("11010519491231002X"), competition=contest, rank=1,
        ...     award=CompetitionAward.FIRST_PRIZE)
        >>> result.award.zh, result.rank
        ('一等奖', 1)
    """

    person: ResidentId = attrs.field(validator=is_a(ResidentId))
    """参赛者: the competitor (or coach)."""
    competition: Competition = attrs.field(validator=is_a(Competition))
    """The competition event."""
    rank: int | None = attrs.field(default=None, validator=maybe(whole(1)))
    """名次: the final ranking (1 is first); ``None`` if not ranked or unknown."""
    award: CompetitionAward | None = attrs.field(
        default=None, validator=maybe(is_a(CompetitionAward))
    )
    """奖项: the prize won, if any."""
    team_members: tuple[ResidentId, ...] = attrs.field(
        default=(), validator=tuple_of(ResidentId)
    )
    """队友: the person's teammates in a team event (not the person themselves)."""
    as_coach: bool = attrs.field(default=False, validator=is_a(bool))
    """教练: ``True`` if the result is the person's as a coach (教练) rather than as a
    competitor."""
    passed_all_parts: bool | None = attrs.field(default=None, validator=flag)
    """各项成绩均合格: whether every part was passed; the 2022 Shenzhen notice requires
    it for 深圳市技术能手."""

    def __attrs_post_init__(self) -> None:
        """Check the rank against the finalists and the team against the event."""
        finalists = self.competition.finalists
        if self.rank is not None and finalists is not None and self.rank > finalists:
            fail(
                self,
                "rank",
                f"rank {self.rank} is beyond the {finalists} finalists",
                "a rank no greater than the competition's finalists",
            )
        if not self.team_members:
            return
        if self.competition.competition_format is not CompetitionFormat.TEAM:
            fail(
                self,
                "team_members",
                f"{len(self.team_members)} teammates are given for an individual event",
                "no teammates for an individual event",
            )
        if self.person in self.team_members:
            fail(
                self,
                "team_members",
                f"the person {self.person.masked} is listed as their own teammate",
                "only the person's teammates",
            )
        if len(set(self.team_members)) != len(self.team_members):
            fail(
                self,
                "team_members",
                "a teammate is listed twice",
                "each teammate once",
            )
        size = self.competition.team_size
        if size is not None and len(self.team_members) + 1 > size:
            fail(
                self,
                "team_members",
                f"{len(self.team_members)} teammates make a team of "
                f"{len(self.team_members) + 1}, larger than the event's {size}",
                f"at most {size - 1} teammates",
            )


# --- honours ----------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Honour:
    """An honour or title awarded to a person (荣誉称号).

    Examples: 全国技术能手, 广东省技术能手, 深圳市技术能手 (from 市级一类 contests),
    深圳市技能菁英, 福田区技术能手 (a district title; 2024 district contest notice),
    and the craftsman titles: 鹏城工匠 (the city HR bureau's top skills honour,
    《深圳市鹏城工匠评选办法》, 深人社规〔2016〕16号, in force to 2026-10-25) and 深圳工匠
    (a city trade-union selection track whose criteria were not found).  Futian's
    high-skill reward is paid for listed honours.

    ``key`` is the title's key in the honours catalog (``skillchain.catalog``),
    which records each title's issuer and level; the record does not check the key
    (a rule looks it up and reports an unknown key).  ``title`` is the title as
    awarded, kept because a certificate's wording can differ from the catalog's.

    Example:
        >>> from datetime import date
        >>> from skillchain import ResidentId
        >>> from skillchain.model import Honour, RecognitionLevel
        >>> honour = Honour(
        ...     holder=ResidentId("11010519491231002X"),
        ...     key="shenzhen-technical-expert",
        ...     title="深圳市技术能手",
        ...     awarded_on=date(2024, 12, 10),
        ...     issuer="深圳市人力资源和社会保障局",
        ...     level=RecognitionLevel.MUNICIPAL,
        ... )
        >>> honour.level.zh
        '市级'
    """

    holder: ResidentId = attrs.field(validator=is_a(ResidentId))
    """获得者: the person awarded."""
    key: str = attrs.field(validator=text, repr=text_repr)
    """The title's key in the honours catalog (e.g. the key of 深圳市技术能手)."""
    title: str = attrs.field(validator=text, repr=text_repr)
    """称号: the title as awarded, in Chinese."""
    awarded_on: date = attrs.field(validator=day)
    """授予日期: the date of the award (鹏城工匠 counts listed honours within the last
    5 years)."""
    issuer: str | None = attrs.field(
        default=None, validator=maybe(text), repr=text_repr
    )
    """授予单位: the awarding body as named on the award; ``None`` if unknown (the
    catalog holds each title's usual issuer)."""
    level: RecognitionLevel | None = attrs.field(
        default=None, validator=maybe(is_a(RecognitionLevel))
    )
    """级别: the level of the awarding authority, if recorded."""
    event: str | None = attrs.field(default=None, validator=maybe(text), repr=text_repr)
    """赛项: for a title conferred at a competition event (深圳市技术能手 is conferred
    per 市级一类 event), the event's name as in :attr:`Competition.event`; a holder
    may not re-enter the same event."""


# --- talent rewards ---------------------------------------------------------------

_RewardBasis = Honour | Certificate | ProfessionalTitle | CompetitionResult


def _basis_holder(basis: _RewardBasis) -> ResidentId:
    if isinstance(basis, CompetitionResult):
        return basis.person
    return basis.holder


def _basis_date(basis: _RewardBasis) -> date | None:
    if isinstance(basis, Honour):
        return basis.awarded_on
    if isinstance(basis, Certificate):
        return basis.issued_on
    if isinstance(basis, ProfessionalTitle):
        return basis.conferred_on
    return basis.competition.held_on


@attrs.frozen(kw_only=True)
class TalentRewardClaim:
    """A claim for a 福田英才荟 skills reward (福田英才荟技能人才奖励申请).

    Two rewards (:class:`TalentRewardKind`), both received, reviewed and paid by the
    Futian HR bureau (reply letter of 2024-09-02, §三):

    * 高技能人才奖励, paid for listed honours and competition results to people who
      have worked at least one continuous year in a skill or technical post of a
      Futian legal-person enterprise and are in post when applying; one reward per
      skill; a same-year top-up (补差奖励) when a higher honour follows (district
      guide, secondary, partial);
    * 执(职)业人才奖励, paid for the top level of a skills certificate, a listed
      practising qualification or a 正高职称, after at least three continuous years
      in the matching post of the same Futian enterprise (2024 guide, secondary, in
      force to 2024-12-31; later years to be supplied by the district).

    The claim records the facts; whether it is eligible and how much it pays are
    rules.  Checks: the basis belongs to the claimant; the basis is not dated after
    the claim; employment starts on or before the claim date; a top-up only for the
    high-skill reward.

    Example:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from skillchain import CreditCode, ResidentId
        >>> from skillchain.model import Honour, TalentRewardClaim, TalentRewardKind
        >>> person = ResidentId("11010519491231002X")
        >>> honour = Honour(holder=person, key="shenzhen-technical-expert",
        ...                 title="深圳市技术能手", awarded_on=date(2024, 1, 10))
        >>> claim = TalentRewardClaim(
        ...     person=person, kind=TalentRewardKind.HIGH_SKILL, basis=honour,
        ...     employer=CreditCode("91350100M000100Y43"),
        ...     employed_since=date(2022, 3, 1), claimed_on=date(2024, 5, 6), year=2024,
        ...     amount_claimed=Decimal("50000"))
        >>> claim.kind.zh
        '高技能人才奖励'
    """

    person: ResidentId = attrs.field(validator=is_a(ResidentId))
    """申请人: the claimant."""
    kind: TalentRewardKind = attrs.field(validator=is_a(TalentRewardKind))
    """奖励类型: which reward is claimed."""
    basis: Honour | Certificate | ProfessionalTitle | CompetitionResult = attrs.field(
        validator=is_a(
            Honour,
            Certificate,
            ProfessionalTitle,
            CompetitionResult,
            expected="an Honour, a Certificate, a ProfessionalTitle or a "
            "CompetitionResult",
        )
    )
    """申报依据: the honour, certificate, title or competition result claimed for."""
    claimed_on: date = attrs.field(validator=day)
    """申请日期: the day the claim was submitted."""
    year: int = attrs.field(validator=year_from(2000))
    """申报年度: the year of the application round (guide) the claim belongs to."""
    employer: CreditCode | None = attrs.field(
        default=None, validator=maybe(is_a(CreditCode))
    )
    """用人单位: the Futian enterprise the claimant works for."""
    employed_since: date | None = attrs.field(default=None, validator=maybe(day))
    """连续任职起始日: the first day of the continuous employment the claim relies on
    (1 year in a skill post for the high-skill reward; 3 years in the same
    enterprise, counted after the certificate, for the occupational reward)."""
    amount_claimed: Decimal | None = attrs.field(
        default=None, validator=maybe(decimal())
    )
    """申请金额: the amount claimed in yuan, if the form states one."""
    top_up: bool = attrs.field(default=False, validator=is_a(bool))
    """补差奖励: ``True`` for a top-up claim after a higher honour in the same year
    (high-skill reward only; form 附件3)."""
    skill: str | None = attrs.field(default=None, validator=maybe(text), repr=text_repr)
    """申报技能: the skill the claim is for (an occupation or competition event, as
    the district records it); the high-skill guide allows one reward per person for
    the same skill (同一人因同一技能限申请一项奖励).  ``None`` if not recorded."""
    employer_taxed_in_district: bool | None = attrs.field(default=None, validator=flag)
    """在本区纳税: whether the employer pays its taxes in the district (the 2024
    occupational-reward guide asks for an enterprise registered *and* paying tax in
    Futian, 福田区注册及纳税); ``None`` if not checked."""
    employer_sector: str | None = attrs.field(
        default=None, validator=maybe(text), repr=text_repr
    )
    """所在行业/机构类型: the kind of organisation the claimant works in, as a key the
    district uses (e.g. ``accounting_firm``, ``drug_manufacturer``,
    ``medical_institution``); some licences are rewarded only in their sector (a
    注册会计师 in an accounting firm, a 执业药师 in a drug manufacturer or medical
    institution).  ``None`` if not recorded."""
    post_matches_basis: bool | None = attrs.field(default=None, validator=flag)
    """从事对应岗位/相关工作: whether the claimant's post matches the certificate or
    title claimed for (the occupational reward counts years "in the corresponding
    post", and a 正高 title with related work), as the district finds; ``None`` if
    not checked."""
    licence_valid_on_claim: bool | None = attrs.field(default=None, validator=flag)
    """执业注册在申请时有效: for a licence (a practising qualification), whether its
    registration is valid (neither expired nor cancelled) on the claim day;
    ``None`` if not checked."""

    def __attrs_post_init__(self) -> None:
        """Check the basis, the dates and the top-up against each other."""
        if _basis_holder(self.basis) != self.person:
            fail(
                self,
                "basis",
                f"the {type(self.basis).__name__} belongs to "
                f"{_basis_holder(self.basis).masked}, not to the claimant "
                f"{self.person.masked}",
                "a basis held by the claimant",
            )
        basis_day = _basis_date(self.basis)
        if basis_day is not None and basis_day > self.claimed_on:
            fail(
                self,
                "basis",
                f"the {type(self.basis).__name__} is dated {basis_day.isoformat()}, "
                f"after the claim on {self.claimed_on.isoformat()}",
                "a basis obtained on or before the claim date",
            )
        if self.employed_since is not None and self.employed_since > self.claimed_on:
            fail(
                self,
                "employed_since",
                f"{self.employed_since.isoformat()} is after the claim on "
                f"{self.claimed_on.isoformat()}",
                "an employment start on or before the claim date",
            )
        if self.top_up and self.kind is not TalentRewardKind.HIGH_SKILL:
            fail(
                self,
                "top_up",
                f"a top-up is claimed under the {self.kind.en}",
                "top_up=False except for the high-skill talent reward",
            )


# --- competition entry ---
@attrs.frozen(kw_only=True)
class CompetitionEntry:
    """One person's registration for a Shenzhen skills-competition event (竞赛报名).

    The facts the city's and districts' contest notices set for entrants: age
    (from 16 to the statutory retirement age, both read from the identity number
    and, for a woman, whether her original retirement age is the cadre one), working
    or studying in Shenzhen (unless the event is open nationwide), nomination by an
    employer or school, and the titles the person already holds (a 深圳市技术能手 may
    not re-enter the event it was won in).

    Checks: every honour listed is the entrant's own.

    Example:
        >>> from skillchain import ResidentId
        >>> from skillchain.model import (
        ...     Competition, CompetitionEntry, CompetitionFormat, CompetitionTier)
        >>> contest = Competition(
        ...     name="2024年深圳技能大赛——服装制版师职业技能竞赛", year=2024,
        ...     tier=CompetitionTier.MUNICIPAL, event="服装制版师",
        ...     competition_format=CompetitionFormat.INDIVIDUAL)
        >>> entry = CompetitionEntry(
        ...     person=ResidentId("11010519491231002X"), competition=contest,
        ...     works_or_studies_in_shenzhen=True, nominated=True)
        >>> entry.person
        ResidentId('110105********002X')
    """

    person: ResidentId = attrs.field(validator=is_a(ResidentId))
    """报名人: the entrant (date of birth and sex are read from the number)."""
    competition: Competition = attrs.field(validator=is_a(Competition))
    """The event entered."""
    works_or_studies_in_shenzhen: bool | None = attrs.field(
        default=None, validator=flag
    )
    """在本市工作、学习: whether the entrant works or studies in Shenzhen; ``None``
    if not known."""
    nominated: bool | None = attrs.field(default=None, validator=flag)
    """单位推荐: whether the entrant's employer or school nominates them; ``None``
    if not known."""
    cadre_post: bool | None = attrs.field(default=None, validator=flag)
    """For a woman: ``True`` if her original statutory retirement age is 55 (a
    cadre or management post, 女干部), ``False`` if 50 (a worker, 女工人);
    ``None`` if not known.  Not used for men."""
    honours: tuple[Honour, ...] = attrs.field(default=(), validator=tuple_of(Honour))
    """荣誉称号: the titles the entrant already holds (with the event, for titles
    conferred at an event)."""

    def __attrs_post_init__(self) -> None:
        """Check that every honour is the entrant's."""
        for honour in self.honours:
            if honour.holder != self.person:
                fail(
                    self,
                    "honours",
                    f"an honour belongs to {honour.holder.masked}, not to the "
                    f"entrant {self.person.masked}",
                    "only the entrant's own honours",
                )
