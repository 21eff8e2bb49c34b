"""Skill chains: 产教评技能生态链, chain leaders, guidance experts and their nomination.

Guangdong's skills-ecosystem chain links industry, education and evaluation.  It was
launched by 《关于推动实施产业技能根基工程的通知》 (粤人社规〔2022〕26号, October 2022)
and is now governed by 《广东省深化产教评技能生态链建设实施办法(试行)》
(粤人社规〔2025〕25号, 2025-07-05): a chain is led by an industry enterprise (链主企业),
with member enterprises (链员企业), universities, 职业院校, 技工院校, training bodies,
skill-evaluation bodies, employment and HR-service bodies and industry associations
taking part.  Shenzhen runs a chain-leader incubation (链主企业培育孵化) under both.

Futian (reply letter of 2024-09-02, §五): three Futian enterprises are on the
province's published chain-leader list, and the district gathered six candidate
chain-building guidance experts for the province's call.

These records hold data only.  Composition requirements ("at least one college and
one evaluation body"), leader criteria and the allocation of recommendation quotas
are rules, written later; the criteria of 25号 chapter 2 (组链建链) were not found.
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
    texts,
    tuple_of,
    whole,
    year_from,
)
from skillchain._codes import DivisionCode
from skillchain._identifiers import CreditCode, ResidentId
from skillchain._labels import LabelledEnum, set_labels
from skillchain._levels import SkillLevel
from skillchain.model._enums import InstitutionKind
from skillchain.model._people import Enterprise
from skillchain.model._recognition import ProfessionalTitleLevel


__all__ = [
    "ChainClaimCondition",
    "ChainLeaderApplication",
    "ChainLeaderDesignation",
    "ChainPart",
    "ChainPartner",
    "ChainStatus",
    "ExpertNomination",
    "GuidanceExpert",
    "RecommendationRound",
    "SkillChain",
]

_CHAIN_FIRST_YEAR = 2022
"""The first year a skill chain can date from: the founding notice 粤人社规〔2022〕26号
was issued in October 2022."""


class ChainStatus(LabelledEnum):
    """The stage a skill chain or chain leader has reached (链的状态).

    Shenzhen's notice on chain-leader incubation (深圳市人社局, citing 粤人社规〔2022〕26号
    and 粤人社规〔2025〕25号; date not known, reposted 2026-01-09) selects enterprises
    for incubation; the province recognises chain leaders and publishes the list
    (the three Futian enterprises of the reply letter were published by the
    provincial HR department).
    """

    INCUBATION = "incubation"
    """培育孵化: selected for incubation (Shenzhen's chain-leader incubation)."""
    RECOGNISED = "recognised"
    """认定: recognised (e.g. published on the provincial chain-leader list)."""


set_labels(
    ChainStatus,
    {
        ChainStatus.INCUBATION: ("培育孵化", "incubation"),
        ChainStatus.RECOGNISED: ("认定", "recognised"),
    },
)


@attrs.frozen(kw_only=True)
class ChainPartner:
    """A body taking part in a skill chain other than an enterprise (生态链参与单位).

    A college, training institution, skill-evaluation body, employment or
    HR-service body, or industry association (粤人社规〔2025〕25号 art. 2).  Which of
    these it is follows from the :class:`SkillChain` field it is listed in.

    Example:
        >>> from skillchain.model import ChainPartner, InstitutionKind
        >>> ChainPartner(name="深圳技师学院", kind=InstitutionKind.TECHNICAL_SCHOOL).kind.zh
        '技工院校'
        >>> ChainPartner(name="某大学", kind=InstitutionKind.UNIVERSITY).kind.zh
        '高等院校'
    """

    name: str = attrs.field(validator=text, repr=text_repr)
    """单位名称: the body's name."""
    credit_code: CreditCode | None = attrs.field(
        default=None, validator=maybe(is_a(CreditCode))
    )
    """统一社会信用代码: the body's credit code, where the district system has it."""
    kind: InstitutionKind | None = attrs.field(
        default=None, validator=maybe(is_a(InstitutionKind))
    )
    """院校或机构类型: for a college or training institution, its kind (高等院校 for
    a university, 职业院校, 技工院校, 职业培训机构 …); ``None`` for bodies that are
    not institutions (evaluation, HR-service bodies, associations) or whose kind
    is not known."""


@attrs.frozen(kw_only=True)
class SkillChain:
    """A skills-ecosystem chain (产教评技能生态链).

    "Enterprises provide posts, standards and masters; schools provide students,
    teachers and resources; government provides policy, services and management"
    (粤人社规〔2025〕25号 art. 2, secondary).  A chain enterprise (the leader or a
    member, together 生态企业) may run 学生学徒制 and 技培生 training and claim
    apprenticeship subsidies, with a 30 % prepayment one month after listing
    (粤人社规〔2023〕13号, secondary).

    Checks: the leader is not also a member; a credit code appears in one partner
    list at most once; the year is 2022 or later.  How many members, colleges or
    evaluation bodies a chain needs is a rule (Shenzhen's incubation asks the leader
    to bring at least 5 firms into the chain, with at least 300 jobs).

    Example:
        >>> from skillchain import CreditCode
        >>> from skillchain.model import ChainPartner, ChainStatus, SkillChain
        >>> chain = SkillChain(
        ...     name="服装设计与制作产教评技能生态链",
        ...     leader=CreditCode("91350100M000100Y43"),
        ...     members=frozenset({CreditCode("9144030400000000J0")}),
        ...     colleges=(ChainPartner(name="某职业技术学院"),),
        ...     status=ChainStatus.RECOGNISED,
        ...     year=2024,
        ... )
        >>> len(chain.enterprises), chain.has_college_or_training_institution
        (2, True)
    """

    name: str = attrs.field(validator=text, repr=text_repr)
    """链名称: the chain's name."""
    leader: CreditCode = attrs.field(validator=is_a(CreditCode))
    """链主企业: the leading enterprise's credit code."""
    status: ChainStatus = attrs.field(validator=is_a(ChainStatus))
    """状态: incubation (培育孵化) or recognised (认定)."""
    year: int = attrs.field(validator=year_from(_CHAIN_FIRST_YEAR))
    """年度: the year of the incubation listing or the recognition."""
    chain_id: str | None = attrs.field(
        default=None, validator=maybe(text), repr=text_repr
    )
    """编号: an identifier the province or district gives the chain; no document
    fixes its form, so it is free text."""
    members: frozenset[CreditCode] = attrs.field(
        default=frozenset[CreditCode](), validator=frozenset_of(CreditCode)
    )
    """链员企业: the member enterprises' credit codes (not the leader)."""
    colleges: tuple[ChainPartner, ...] = attrs.field(
        default=(), validator=tuple_of(ChainPartner)
    )
    """院校: universities (高等院校,
    :attr:`~skillchain.model.InstitutionKind.UNIVERSITY`), 职业院校
    and 技工院校 in the chain."""
    training_institutions: tuple[ChainPartner, ...] = attrs.field(
        default=(), validator=tuple_of(ChainPartner)
    )
    """培训机构: vocational training institutions in the chain."""
    evaluation_bodies: tuple[ChainPartner, ...] = attrs.field(
        default=(), validator=tuple_of(ChainPartner)
    )
    """技能评价机构: skill-evaluation bodies in the chain."""
    hr_service_bodies: tuple[ChainPartner, ...] = attrs.field(
        default=(), validator=tuple_of(ChainPartner)
    )
    """就业和人力资源服务机构: employment and HR-service bodies in the chain."""
    industry_associations: tuple[ChainPartner, ...] = attrs.field(
        default=(), validator=tuple_of(ChainPartner)
    )
    """行业协会: industry associations in the chain."""
    industry: str | None = attrs.field(
        default=None, validator=maybe(text), repr=text_repr
    )
    """产业: the key of the chain's industry in the industry-cluster catalog
    (``skillchain.catalog``: Shenzhen's "20+8" clusters, Futian's leading
    industries); not checked here, a rule looks it up.  ``None`` if unknown."""

    def __attrs_post_init__(self) -> None:
        """Check the leader against the members and partner codes for repeats."""
        if self.leader in self.members:
            fail(
                self,
                "members",
                f"the leader {self.leader.code} is also listed as a member",
                "member enterprises other than the leader",
            )
        for field in (
            "colleges",
            "training_institutions",
            "evaluation_bodies",
            "hr_service_bodies",
            "industry_associations",
        ):
            partners: tuple[ChainPartner, ...] = getattr(self, field)
            codes = [p.credit_code for p in partners if p.credit_code is not None]
            if len(set(codes)) != len(codes):
                fail(
                    self,
                    field,
                    "a credit code is listed twice",
                    "each body once",
                )

    @property
    def enterprises(self) -> frozenset[CreditCode]:
        """生态企业: the leader and the members together."""
        return self.members | {self.leader}

    @property
    def has_college_or_training_institution(self) -> bool:
        """Whether any college or training institution takes part."""
        return bool(self.colleges or self.training_institutions)


@attrs.frozen(kw_only=True)
class ChainLeaderDesignation:
    """An enterprise's designation as a chain leader (链主企业认定 / 培育).

    The reply letter (§五) reports that the provincial HR department published three
    Futian enterprises on its chain-leader list: 深圳嘉立创科技集团股份有限公司,
    深圳市特区建工集团有限公司 and 深圳影儿时尚集团有限公司 (from four the district
    encouraged to apply).  Shenzhen's incubation criteria (large or medium size, at
    least 300 staff insured in Shenzhen, no bad record for 3 years, at least 5 firms
    and 300 jobs in the chain; secondary) are a rule, not checked here.

    Checks: the chain, when given, is led by this enterprise; the year is 2022 or
    later; the listing day is not before 2022.

    Example:
        >>> from skillchain import CreditCode
        >>> from skillchain.model import ChainLeaderDesignation, ChainStatus
        >>> designation = ChainLeaderDesignation(
        ...     enterprise=CreditCode("91350100M000100Y43"),
        ...     enterprise_name="深圳市特区建工集团有限公司",
        ...     status=ChainStatus.RECOGNISED,
        ...     year=2024,
        ... )
        >>> designation.status.zh
        '认定'
    """

    enterprise: CreditCode = attrs.field(validator=is_a(CreditCode))
    """企业: the designated enterprise's credit code (the letter gives names only;
    use the code the district's records hold)."""
    enterprise_name: str = attrs.field(validator=text, repr=text_repr)
    """企业名称: its registered name."""
    status: ChainStatus = attrs.field(validator=is_a(ChainStatus))
    """Incubation (培育孵化) or recognition (认定)."""
    year: int = attrs.field(validator=year_from(_CHAIN_FIRST_YEAR))
    """年度: the year of the designation round."""
    chain: SkillChain | None = attrs.field(
        default=None, validator=maybe(is_a(SkillChain))
    )
    """生态链: the chain it leads, once formed; ``None`` before that."""
    listed_on: date | None = attrs.field(default=None, validator=maybe(day))
    """公示日期: the day the list naming it was published; ``None`` if unknown."""
    source_document: str | None = attrs.field(
        default=None, validator=maybe(text), repr=text_repr
    )
    """依据文件: the document-register id of the list or notice (checked against the
    register by the catalog tests, not here)."""

    def __attrs_post_init__(self) -> None:
        """Check the chain's leader and the listing date."""
        if self.chain is not None and self.chain.leader != self.enterprise:
            fail(
                self,
                "chain",
                f"the chain is led by {self.chain.leader.code}, not by "
                f"{self.enterprise.code}",
                "a chain whose leader is the designated enterprise",
            )
        if self.listed_on is not None and self.listed_on.year < _CHAIN_FIRST_YEAR:
            fail(
                self,
                "listed_on",
                f"{self.listed_on.isoformat()} is before the chain programme began",
                f"a day in {_CHAIN_FIRST_YEAR} or later",
            )


@attrs.frozen(kw_only=True)
class GuidanceExpert:
    """A skill-chain building guidance expert (产教评技能生态链建设指导专家).

    The provincial HR department called for experts; Futian's enterprises put
    forward six for the district to recommend (reply letter, §五).

    **No document fixes who may be such an expert.**  No published source gives
    criteria (skill level, professional title, years of experience, age limit), a
    recommendation procedure or a term of service; do not borrow another expert
    pool's criteria.  The
    fields below are what a district system records about a candidate anyway; no
    rule reads them until the criteria are supplied.

    Example:
        >>> from skillchain import ResidentId, SkillLevel
        >>> from skillchain.model import GuidanceExpert
        >>> expert = GuidanceExpert(
        ...     person=ResidentId("11010519491231002X"),
        ...     name="张三",
        ...     field="服装设计与制作",
        ...     skill_level=SkillLevel.SENIOR_TECHNICIAN,
        ...     years_of_experience=20,
        ... )
        >>> expert
        GuidanceExpert(person=ResidentId('110105********002X'), name='张三', ...)
    """

    person: ResidentId = attrs.field(validator=is_a(ResidentId))
    """身份证号: the expert's resident identity number."""
    name: str = attrs.field(validator=text, repr=text_repr)
    """姓名: the expert's name."""
    field: str | None = attrs.field(default=None, validator=maybe(text), repr=text_repr)
    """专业领域: the expert's field (industry or occupation), free text."""
    skill_level: SkillLevel | None = attrs.field(
        default=None, validator=maybe(is_a(SkillLevel))
    )
    """技能等级: the highest skill level held, if any."""
    professional_title: ProfessionalTitleLevel | None = attrs.field(
        default=None, validator=maybe(is_a(ProfessionalTitleLevel))
    )
    """职称: the level of the professional title held, if any."""
    honours: tuple[str, ...] = attrs.field(default=(), validator=texts)
    """荣誉: keys of the honours catalog for the titles held (e.g. 鹏城工匠)."""
    years_of_experience: int | None = attrs.field(
        default=None, validator=maybe(whole(0))
    )
    """从业年限: years of work in the field, as declared."""


@attrs.frozen(kw_only=True)
class ExpertNomination:
    """An enterprise's nomination of a guidance expert to its district (专家推荐).

    Futian asked enterprises to put candidates forward and sent six to the province
    (reply letter, §五).  The nomination is data; quotas and selection are rules.

    Example:
        >>> from datetime import date
        >>> from skillchain import FUTIAN, CreditCode, ResidentId
        >>> from skillchain.model import ExpertNomination, GuidanceExpert
        >>> expert = GuidanceExpert(person=ResidentId("11010519491231002X"), name="张三")
        >>> nomination = ExpertNomination(
        ...     nominated_by=CreditCode("91350100M000100Y43"), expert=expert,
        ...     district=FUTIAN, round_id="2024", submitted_on=date(2024, 5, 20))
        >>> nomination.district
        DivisionCode('440304')
    """

    nominated_by: CreditCode = attrs.field(validator=is_a(CreditCode))
    """推荐单位: the nominating enterprise's credit code."""
    expert: GuidanceExpert = attrs.field(validator=is_a(GuidanceExpert))
    """The expert nominated."""
    district: DivisionCode = attrs.field(validator=is_a(DivisionCode))
    """推荐地区: the district the nomination is made to (``FUTIAN``)."""
    round_id: str = attrs.field(validator=text, repr=text_repr)
    """征集批次: the call's identifier; no document fixes its form (e.g. ``"2024"``)."""
    submitted_on: date | None = attrs.field(default=None, validator=maybe(day))
    """报送日期: the day the enterprise submitted it; ``None`` if unknown."""
    recommended: bool | None = attrs.field(default=None, validator=flag)
    """是否推荐: whether the district passed the candidate on to the province;
    ``None`` while undecided."""


@attrs.frozen(kw_only=True)
class RecommendationRound:
    """A district's round of guidance-expert recommendations (专家推荐批次).

    Holds the nominations a district received in one provincial call, and the
    quota if the province set one (none was found: ``None``).

    Checks: every nomination belongs to this district and round; no nomination is
    listed twice.  One person nominated by two enterprises (or twice with different
    details) is allowed: the recommendation rule counts the person once.  More
    nominations than the quota is allowed here: choosing among them is a rule.

    Example:
        >>> from skillchain import FUTIAN
        >>> from skillchain.model import RecommendationRound
        >>> RecommendationRound(district=FUTIAN, round_id="2024", year=2024).quota is None
        True
    """

    district: DivisionCode = attrs.field(validator=is_a(DivisionCode))
    """推荐地区: the recommending district."""
    round_id: str = attrs.field(validator=text, repr=text_repr)
    """征集批次: the call's identifier."""
    year: int = attrs.field(validator=year_from(_CHAIN_FIRST_YEAR))
    """年度: the year of the call."""
    quota: int | None = attrs.field(default=None, validator=maybe(whole(0)))
    """推荐名额: how many experts the district may recommend; ``None`` when no quota
    is known (no document found gives one)."""
    nominations: tuple[ExpertNomination, ...] = attrs.field(
        default=(), validator=tuple_of(ExpertNomination)
    )
    """The nominations received, in the order received."""

    def __attrs_post_init__(self) -> None:
        """Check that the nominations belong to this round, each listed once."""
        seen: set[ExpertNomination] = set()
        for index, nomination in enumerate(self.nominations):
            if nomination.district != self.district:
                fail(
                    self,
                    "nominations",
                    f"nomination {index} is made to {nomination.district.code}, not "
                    f"to {self.district.code}",
                    "nominations made to the round's district",
                )
            if nomination.round_id != self.round_id:
                fail(
                    self,
                    "nominations",
                    f"nomination {index} belongs to round {nomination.round_id!r}, "
                    f"not {self.round_id!r}",
                    "nominations of this round",
                )
            if nomination in seen:
                fail(
                    self,
                    "nominations",
                    f"nomination {index} of expert "
                    f"{nomination.expert.person.masked} repeats an earlier one",
                    "each nomination once per round",
                )
            seen.add(nomination)


# --- chain-leader application ---
class ChainPart(LabelledEnum):
    """A part a skill chain must have besides its leader (生态链组成部分).

    Each names one list of :class:`SkillChain`; which parts a chain must have is a
    district-supplied policy parameter (``chains.required_parts``: chapter 2 of
    粤人社规〔2025〕25号 is not known), and the parts this library reads into its
    art. 2 are the advisory ``chains.participant_parts``; the rule
    ``chains.composition`` reads both.
    """

    MEMBERS = "members"
    """链员企业: member enterprises (:attr:`SkillChain.members`)."""
    COLLEGE_OR_TRAINING = "college_or_training"
    """院校或培训机构: a college or training institution
    (:attr:`SkillChain.colleges` or :attr:`SkillChain.training_institutions`)."""
    EVALUATION = "evaluation"
    """技能评价机构: a skill-evaluation body (:attr:`SkillChain.evaluation_bodies`)."""
    HR_SERVICE = "hr_service"
    """就业和人力资源服务机构: an employment or HR-service body."""
    INDUSTRY_ASSOCIATION = "industry_association"
    """行业协会: an industry association."""

    def count(self, chain: SkillChain) -> int:
        """How many bodies of this part *chain* lists."""
        if self is ChainPart.MEMBERS:
            return len(chain.members)
        if self is ChainPart.COLLEGE_OR_TRAINING:
            return len(chain.colleges) + len(chain.training_institutions)
        if self is ChainPart.EVALUATION:
            return len(chain.evaluation_bodies)
        if self is ChainPart.HR_SERVICE:
            return len(chain.hr_service_bodies)
        return len(chain.industry_associations)


set_labels(
    ChainPart,
    {
        ChainPart.MEMBERS: ("链员企业", "member enterprises"),
        ChainPart.COLLEGE_OR_TRAINING: (
            "院校或培训机构",
            "a college or training institution",
        ),
        ChainPart.EVALUATION: ("技能评价机构", "a skill-evaluation body"),
        ChainPart.HR_SERVICE: (
            "就业和人力资源服务机构",
            "an employment or HR-service body",
        ),
        ChainPart.INDUSTRY_ASSOCIATION: ("行业协会", "an industry association"),
    },
)


class ChainClaimCondition(LabelledEnum):
    """A fact that must hold for a chain leader to claim a chain enterprise's subsidy.

    Inside a skill chain each chain enterprise claims the apprenticeship subsidy for
    its own trainees; the leader claims instead when the measure's conditions all
    hold.  Under 粤人社规〔2023〕13号 (2023-08-15 to 2025-12-31, secondary) they are
    that the leader trains centrally and signs the apprentice agreements.  Which
    conditions apply on a day is the policy parameter ``chains.leader_claims_when``,
    read by the rule ``chains.subsidy_claim``.
    """

    CENTRAL_TRAINING = "central_training"
    """链主集中培训: the leader runs the training centrally."""
    LEADER_SIGNS_AGREEMENTS = "leader_signs_agreements"
    """链主签订学徒培养协议: the leader signs the apprentice (training) agreements."""


set_labels(
    ChainClaimCondition,
    {
        ChainClaimCondition.CENTRAL_TRAINING: (
            "链主集中培训",
            "the leader trains centrally",
        ),
        ChainClaimCondition.LEADER_SIGNS_AGREEMENTS: (
            "链主签订学徒培养协议",
            "the leader signs the apprentice agreements",
        ),
    },
)


@attrs.frozen(kw_only=True)
class ChainLeaderApplication:
    """An enterprise's application for chain-leader incubation (链主企业培育孵化申报).

    Shenzhen's notice (深圳市人社局, citing 粤人社规〔2022〕26号 and
    粤人社规〔2025〕25号) asks about the enterprise itself (registration, record, size,
    insured staff, cluster: on :class:`~skillchain.model.Enterprise`) and about what
    it offers the chain: how many enterprises it can bring in, how many jobs the
    chain can offer, whether its training system applies the new eight-rung ladder
    (新"八级工") and whether it has a base of school cooperation.  Those offers are
    declared in the application; the district judges them.  The rule
    ``chains.leader`` decides on it.

    Example:
        >>> from skillchain import CreditCode, DivisionCode
        >>> from skillchain.model import ChainLeaderApplication, Enterprise
        >>> firm = Enterprise(credit_code=CreditCode("91350100M000100Y43"),
        ...     name="深圳市某集团有限公司", registered_division=DivisionCode("440304"))
        >>> application = ChainLeaderApplication(enterprise=firm, chain_enterprises=6,
        ...     chain_jobs=320)
        >>> application.chain_jobs, application.eight_level_ladder is None
        (320, True)
    """

    enterprise: Enterprise = attrs.field(validator=is_a(Enterprise))
    """申报企业: the applying enterprise, with the facts the notice asks about."""
    chain_enterprises: int | None = attrs.field(default=None, validator=maybe(whole(0)))
    """带动企业数: how many enterprises it can bring into the chain (not counting
    itself); ``None`` if not declared."""
    chain_jobs: int | None = attrs.field(default=None, validator=maybe(whole(0)))
    """就业岗位数: how many jobs the chain can offer; ``None`` if not declared."""
    eight_level_ladder: bool | None = attrs.field(default=None, validator=flag)
    """新"八级工": whether its skill-talent system applies the new eight-rung
    skill-level ladder."""
    school_cooperation: bool | None = attrs.field(default=None, validator=flag)
    """校企合作基础: whether it has a sound base of cooperation with schools."""
    notable_results: bool | None = attrs.field(default=None, validator=flag)
    """成效显著: strong results in skill evaluation or industry–education
    integration (a priority, not a condition)."""
