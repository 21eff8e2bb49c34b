"""The typed shape of a policy: resolved parameters and one snapshot class per programme."""

import re

from collections.abc import Callable, Hashable, Mapping
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, Generic, TypeVar

import attrs

from skillchain._codes import DivisionCode, OccupationCode
from skillchain._dates import DateRange
from skillchain._levels import SkillLevel
from skillchain._money import Rounding
from skillchain._sources import Citation, Provenance
from skillchain._toml import shown
from skillchain.errors import InvalidValueError
from skillchain.model import (
    ApplicationStandard,
    ApprenticeExclusion,
    CarrierHostKind,
    CarrierType,
    CertificateKind,
    ChainClaimCondition,
    ChainPart,
    CompetitionClass,
    CompetitionTier,
    EnterpriseSize,
    HireKind,
    InstitutionKind,
    IssuerKind,
    PostType,
    ProfessionalTitleLevel,
    SetupProcedure,
    SubsidyKind,
    TraineeGroup,
)
from skillchain.policy._choices import PartYearRule, QuotaOrder
from skillchain.policy._level_standards import LEVEL_STANDARDS
from skillchain.policy.kinds import (
    COUNT,
    COUNT_TIERS,
    DAY,
    DIVISION,
    KEYS,
    KEYS_BY_KEY,
    LEVEL,
    LEVEL_BY_KEY,
    MONEY,
    MONEY_BY_KEY,
    MONEY_BY_LEVEL,
    MONEY_BY_OCCUPATION_LEVEL,
    MONTHS,
    OCCUPATIONS,
    PROMOTION_TABLES,
    RATIO,
    ROUNDING,
    YEARS,
    Kind,
    PromotionTable,
    enum_by_city_kind,
    enum_kind,
    enum_set_kind,
)


__all__ = [
    "MEMO_LIMIT",
    "ApprenticeshipParameters",
    "CarrierParameters",
    "ChainsParameters",
    "CompetitionParameters",
    "CraftsmanParameters",
    "ExpertParameters",
    "GroupLayout",
    "InstitutionParameters",
    "LevelApplicationParameters",
    "Parameter",
    "ParameterSpec",
    "PolicySnapshot",
    "PublicTrainingParameters",
    "Resolved",
    "RewardParameters",
    "SkillUpgradeParameters",
    "SubsidyParameters",
    "UnemploymentSkillParameters",
    "parameter",
]

T_co = TypeVar("T_co", covariant=True)
T = TypeVar("T")

_UNIT: Final = re.compile(r"[a-z][a-z0-9_]{0,63}")


@attrs.frozen
class Resolved(Generic[T_co]):
    """A parameter as it stands on one day: its value and where the value comes from.

    When no value is in force that day, :attr:`value` is ``None`` and so are the
    period, citation and provenance: a rule must then decide *undetermined* and name
    :attr:`name` as missing.  It never falls back to an expired value.

    Example:
        >>> from datetime import date
        >>> from skillchain import Policy
        >>> rate = Policy.default().at(date(2024, 6, 1)).apprenticeship.annual_subsidy
        >>> rate.known
        True
        >>> quota = Policy.default().at(date(2024, 6, 1)).apprenticeship.district_quota
        >>> quota.known, quota.value
        (False, None)
    """

    name: str
    """The dotted parameter name, e.g. ``"apprenticeship.annual_subsidy"``."""
    value: T_co | None
    """The value in force, or ``None`` when none is."""
    period: DateRange | None = None
    """The period the value is in force (inclusive ends)."""
    citation: Citation | None = None
    """The document (and article) the value comes from."""
    provenance: Provenance | None = None
    """How well the value has been checked."""
    note: str | None = None
    """What is unknown or assumed about this value."""

    @property
    def known(self) -> bool:
        """Whether a value is in force."""
        return self.value is not None


@attrs.frozen
class ParameterSpec:
    """What the code expects of a parameter: its name, kind and unit."""

    name: str
    """The dotted name (``group.field``)."""
    kind: Kind[object]
    """How its values are read."""
    unit: str
    """The unit every file must declare for it."""
    group: str
    """The programme's key (the part before the first dot)."""
    field: str
    """The attribute name in the group's snapshot class."""


@attrs.frozen
class Parameter:
    """A parameter's whole history as the policy holds it.

    Example:
        >>> from skillchain import Policy
        >>> p = Policy.default().parameter("apprenticeship.prepayment_share_filed")
        >>> [(str(v.period.start), str(v.value)) for v in p.values]
        [('2020-10-23', '0.50'), ('2023-08-15', '0.40')]
    """

    name: str
    """The dotted name."""
    description_zh: str
    """What the parameter is, in Chinese."""
    description_en: str
    """What the parameter is, in English."""
    unit: str
    """The unit its values are in."""
    values: tuple[Resolved[object], ...]
    """Its dated values, in order of start date; the periods never overlap."""
    note: str | None = None
    """Anything a reader must know about the parameter as a whole (e.g. district-supplied)."""

    def at(self, day: date) -> Resolved[object]:
        """Return the value in force on *day*, or an unknown :class:`Resolved`."""
        for value in self.values:
            if value.period is not None and day in value.period:
                return value
        return Resolved(name=self.name, value=None)


def parameter(kind: Kind[object], unit: str) -> Any:
    """Declare a field of a parameter class as a policy parameter of *kind* in *unit*.

    The field is typed ``Resolved[...]`` of the kind's values; every file that gives
    the parameter values must declare the same *unit*.

    Raises:
        InvalidValueError: *kind* is not a :class:`~skillchain.policy.kinds.Kind`, or
            *unit* is not a short lower-case word.

    Example:
        >>> from decimal import Decimal
        >>> import attrs
        >>> from skillchain.policy import Resolved, parameter
        >>> from skillchain.policy.kinds import MONEY, MONTHS
        >>> @attrs.frozen(kw_only=True)
        ... class HousingParameters:
        ...     monthly_rate: Resolved[Decimal] = parameter(MONEY, "yuan_per_month")
        ...     max_months: Resolved[int] = parameter(MONTHS, "months")
        >>> attrs.fields(HousingParameters).max_months.metadata["unit"]
        'months'
    """
    if not isinstance(kind, Kind):
        raise InvalidValueError(
            field="parameter kind",
            problem=f"got {shown(kind)}",
            expected="a Kind, e.g. skillchain.policy.kinds.MONEY",
        )
    given: object = unit  # callers without a type checker may pass anything
    if not isinstance(given, str) or not _UNIT.fullmatch(given):
        raise InvalidValueError(
            field="parameter unit",
            problem=f"got {shown(unit)}",
            expected='a lower-case word of letters, digits and _ such as "yuan_per_person"',
        )
    return attrs.field(metadata={"kind": kind, "unit": unit})


@attrs.frozen(kw_only=True)
class ApprenticeshipParameters:
    """The enterprise new-type apprenticeship (企业新型学徒制) parameters on one day.

    Sources: 人社部发〔2021〕39号 (national frame), 深人社规〔2019〕11号 (Shenzhen),
    粤人社规〔2023〕13号 (Guangdong, 2023-08-15 to 2025-12-31), district pages that
    restate the city rule.  Each value's own document is on its :class:`Resolved`.
    """

    annual_subsidy: Resolved[Mapping[SkillLevel, Decimal]] = parameter(
        MONEY_BY_LEVEL, "yuan_per_person_year"
    )
    """Shenzhen's subsidy per qualifying apprentice per year, by target level."""
    provincial_rate_min: Resolved[Decimal] = parameter(MONEY, "yuan_per_person_year")
    """The lower bound of Guangdong's rate band for the rates a city sets."""
    provincial_rate_max: Resolved[Decimal] = parameter(MONEY, "yuan_per_person_year")
    """The upper bound of Guangdong's rate band."""
    shortage_uplift_max: Resolved[Decimal] = parameter(RATIO, "ratio")
    """The largest uplift a city may add for a shortage occupation (a share of the rate)."""
    shortage_uplift_min_level: Resolved[SkillLevel] = parameter(LEVEL, "level")
    """The lowest certified level that can earn the shortage uplift."""
    student_apprentice_rate: Resolved[Decimal] = parameter(
        MONEY, "yuan_per_person_year"
    )
    """The flat rate for student apprentices (学生学徒制)."""
    prepayment_share_filed: Resolved[Decimal] = parameter(RATIO, "ratio")
    """The share of the subsidy a filed enterprise may have prepaid."""
    prepayment_share_chain: Resolved[Decimal] = parameter(RATIO, "ratio")
    """The share a skill-chain enterprise may have prepaid for student apprentices."""
    prepayment_request_months: Resolved[int] = parameter(MONTHS, "months")
    """Months after classes start within which a filed enterprise may request prepayment."""
    prepayment_chain_wait_months: Resolved[int] = parameter(MONTHS, "months")
    """Months after listing before a skill-chain enterprise may request prepayment."""
    settlement_refund_months: Resolved[int] = parameter(MONTHS, "months")
    """Months after the training period within which an over-prepayment is refunded."""
    contract_min_months: Resolved[int] = parameter(MONTHS, "months")
    """The shortest labour contract an apprentice may hold."""
    planned_months_min: Resolved[int] = parameter(MONTHS, "months")
    """The shortest planned training period."""
    planned_months_max: Resolved[int] = parameter(MONTHS, "months")
    """The longest planned training period in the ordinary case."""
    planned_months_max_special: Resolved[int] = parameter(MONTHS, "months")
    """The longest planned training period in a special case."""
    target_level_min: Resolved[SkillLevel] = parameter(LEVEL, "level")
    """The lowest target level a programme may train for."""
    target_level_max: Resolved[SkillLevel] = parameter(LEVEL, "level")
    """The highest target level a programme may train for."""
    online_share_max: Resolved[Decimal] = parameter(RATIO, "ratio")
    """The largest share of professional-basics hours that may be taught online."""
    district_quota: Resolved[int] = parameter(COUNT, "persons")
    """The district's annual apprentice quota (district-supplied)."""
    enterprise_region: Resolved[DivisionCode] = parameter(DIVISION, "division")
    """Where an enterprise must be registered to run a programme (Shenzhen)."""
    partner_institution_kinds: Resolved[frozenset[InstitutionKind]] = parameter(
        enum_set_kind(InstitutionKind), "institution_kinds"
    )
    """The kinds of institution that may be an enterprise's training partner."""
    own_centre_min_size: Resolved[EnterpriseSize] = parameter(
        enum_kind(EnterpriseSize), "enterprise_size"
    )
    """The size an enterprise must have for its own training centre to deliver."""
    eligible_hire_kinds: Resolved[frozenset[HireKind]] = parameter(
        enum_set_kind(HireKind), "hire_kinds"
    )
    """Whom apprentices are mainly drawn from (为主, a priority): new hires and
    transferees (and, during the three-year action, in-service staff)."""
    apprentice_exclusions: Resolved[frozenset[ApprenticeExclusion]] = parameter(
        enum_set_kind(ApprenticeExclusion), "apprentice_exclusions"
    )
    """The groups who cannot be apprentices (Shenzhen's five exclusions)."""
    part_year_rule: Resolved[PartYearRule] = parameter(
        enum_kind(PartYearRule), "choice"
    )
    """How a part year of training counts for the subsidy (no document found)."""
    shortage_uplift: Resolved[Decimal] = parameter(RATIO, "ratio")
    """The uplift the city applies for a shortage occupation (city-supplied)."""
    occupation_directory: Resolved[frozenset[OccupationCode]] = parameter(
        OCCUPATIONS, "occupations"
    )
    """The district's directory of occupations apprentices may train in (district-supplied)."""
    quota_order: Resolved[QuotaOrder] = parameter(enum_kind(QuotaOrder), "choice")
    """In what order applications are listed within the district's quota."""
    rounding: Resolved[Rounding] = parameter(ROUNDING, "rounding")
    """How apprenticeship amounts are rounded."""


@attrs.frozen(kw_only=True)
class SubsidyParameters:
    """Limits across Shenzhen's training-subsidy kinds, per person and calendar year.

    Sources: the Shenzhen HR bureau's FAQ republished by Yantian district
    (2024-11-27) and 深人社规〔2023〕8号 (in force 2023-11-15 to 2025-12-31).
    """

    claims_per_kind_per_year: Resolved[int] = parameter(COUNT, "claims")
    """How many times one person may receive each capped subsidy kind in a calendar year."""
    claims_per_year_total: Resolved[int] = parameter(COUNT, "claims")
    """How many subsidies of the capped kinds one person may receive in a calendar year."""
    capped_kinds: Resolved[frozenset[SubsidyKind]] = parameter(
        enum_set_kind(SubsidyKind), "subsidy_kinds"
    )
    """The subsidy kinds the annual cap counts."""
    ui_exclusive_kinds: Resolved[frozenset[SubsidyKind]] = parameter(
        enum_set_kind(SubsidyKind), "subsidy_kinds"
    )
    """Kinds that may not be paid for an occupation and level already paid by the
    unemployment-insurance skill subsidy (and the reverse)."""


@attrs.frozen(kw_only=True)
class SkillUpgradeParameters:
    """The skill-upgrade subsidy (职业技能提升补贴) for individuals.

    Sources: 粤人社规〔2023〕13号 (Guangdong, 2023-08-15 to 2025-12-31) and
    深人社规〔2023〕8号 (Shenzhen, 2023-11-15 to 2025-12-31).
    """

    region: Resolved[DivisionCode] = parameter(DIVISION, "division")
    """Where the person's hukou, insurance or unemployment registration must be."""
    min_age: Resolved[int] = parameter(YEARS, "years")
    """The youngest age at which a person may claim."""
    max_age_men: Resolved[int] = parameter(YEARS, "years")
    """The oldest age at which a man may claim."""
    max_age_women: Resolved[int] = parameter(YEARS, "years")
    """The oldest age at which a woman may claim."""
    claim_window_months: Resolved[int] = parameter(MONTHS, "months")
    """Months after the certificate's issue within which the claim must be made."""
    excluded_issuers: Resolved[frozenset[IssuerKind]] = parameter(
        enum_set_kind(IssuerKind), "issuer_kinds"
    )
    """Certificate issuers whose certificates do not qualify."""
    catalogue: Resolved[Mapping[OccupationCode, Mapping[SkillLevel, Decimal]]] = (
        parameter(MONEY_BY_OCCUPATION_LEVEL, "yuan_per_certificate")
    )
    """The amount per certificate by occupation and level (province- or city-supplied)."""
    city_rate_min: Resolved[Decimal] = parameter(MONEY, "yuan_per_certificate")
    """The lowest amount the Shenzhen catalogue pays."""
    city_rate_max: Resolved[Decimal] = parameter(MONEY, "yuan_per_certificate")
    """The highest amount the Shenzhen catalogue pays."""
    shortage_uplift: Resolved[Decimal] = parameter(RATIO, "ratio")
    """The uplift for a shortage occupation at the qualifying level (Shenzhen's figure)."""
    uplift_min_level: Resolved[SkillLevel] = parameter(LEVEL, "level")
    """The lowest certified level that earns the shortage uplift."""
    rounding: Resolved[Rounding] = parameter(ROUNDING, "rounding")
    """How amounts are rounded."""
    certificate_kinds: Resolved[frozenset[CertificateKind]] = parameter(
        enum_set_kind(CertificateKind), "certificate_kinds"
    )
    """The kinds of certificate the subsidy pays for (skill-level certificates, and
    in Shenzhen also vocational-qualification and special-ability certificates)."""


@attrs.frozen(kw_only=True)
class UnemploymentSkillParameters:
    """The unemployment-insurance skill-upgrade subsidy (失业保险技能提升补贴).

    Sources: the national notices continuing the scheme to 2024-12-31 (maxima,
    contribution months, claims a year), as reproduced and restated; a Guangdong city
    government FAQ (zhanjiang.gov.cn) for Guangdong's fixed amounts, the 12-month
    window and the uplift.  See each value's note.
    """

    rates: Resolved[Mapping[SkillLevel, Decimal]] = parameter(
        MONEY_BY_LEVEL, "yuan_per_certificate"
    )
    """Guangdong's amount per certificate by level (初级 / 中级 / 高级)."""
    national_maximum: Resolved[Mapping[SkillLevel, Decimal]] = parameter(
        MONEY_BY_LEVEL, "yuan_per_certificate"
    )
    """The national scheme's maximum per certificate by level (不超过)."""
    contribution_months: Resolved[int] = parameter(MONTHS, "months")
    """Months of unemployment-insurance contributions required (resolve it on the
    certificate's issue date: certificates of 2022, 2023 and 2024 needed 12)."""
    claims_per_year: Resolved[int] = parameter(COUNT, "claims")
    """How many times one person may receive the subsidy in a calendar year."""
    claim_window_months: Resolved[int] = parameter(MONTHS, "months")
    """Months after the certificate's issue within which the claim must be made."""
    shortage_uplift: Resolved[Decimal] = parameter(RATIO, "ratio")
    """The uplift for a shortage occupation at the qualifying level (Guangdong)."""
    uplift_level: Resolved[SkillLevel] = parameter(LEVEL, "level")
    """The level that earns the shortage uplift."""
    rounding: Resolved[Rounding] = parameter(ROUNDING, "rounding")
    """How amounts are rounded."""


# --- experts ---
@attrs.frozen(kw_only=True)
class ExpertParameters:
    """Guidance-expert recommendation (产教评技能生态链建设指导专家推荐).

    No published criteria were found for who may be recommended (the province's call
    is known only from the Futian reply letter, §五), so every criterion is
    district-supplied: declared with no value, and a recommendation that needs it is
    undetermined until the district supplies it through an overlay.
    """

    min_skill_level: Resolved[SkillLevel] = parameter(LEVEL, "level")
    """The least skill level that qualifies a candidate (one route; district-supplied)."""
    min_professional_title: Resolved[ProfessionalTitleLevel] = parameter(
        enum_kind(ProfessionalTitleLevel), "choice"
    )
    """The least professional title that qualifies a candidate (the other route;
    district-supplied)."""
    min_years_of_experience: Resolved[int] = parameter(YEARS, "years")
    """The least number of years in the field (district-supplied)."""


# --- institutions ---
@attrs.frozen(kw_only=True)
class InstitutionParameters:
    """Private vocational training institutions (民办职业培训机构): procedure and setup standard.

    Sources: Shenzhen's service item 深圳市民办职业培训机构备案 (official), the
    Guangdong setup standard 《广东省民办培训机构设置标准》 (粤教监管〔2024〕5号, in force
    2025-01-01 for five years; secondary) and Guangzhou's 穗人社规字〔2025〕2号
    (secondary).  Only the lease term of the setup standard was found for vocational
    institutions; the premises, teacher and funding figures are district-supplied
    (declared with no value), so a check that needs them is undetermined until the
    district supplies them through an overlay.
    """

    procedure: Resolved[Mapping[DivisionCode, SetupProcedure]] = parameter(
        enum_by_city_kind(SetupProcedure), "procedure_by_city"
    )
    """Which procedure (filing, approval with commitment, approval) each city uses."""
    lease_min_months: Resolved[int] = parameter(MONTHS, "months")
    """The shortest premises lease a vocational institution may hold."""
    premises_min_area: Resolved[int] = parameter(COUNT, "square_metres")
    """The least floor area of the premises (district-supplied)."""
    full_time_teachers_min: Resolved[int] = parameter(COUNT, "teachers")
    """The least number of full-time teachers (district-supplied)."""
    start_up_funds_min: Resolved[Decimal] = parameter(MONEY, "yuan")
    """The least start-up funds or registered capital (district-supplied)."""


# --- carriers ---
@attrs.frozen(kw_only=True)
class CarrierParameters:
    """Lifelong training carriers and their award rounds (终身职业技能培训载体认定和奖补).

    Recognition: 深人社规〔2022〕13号 (2022-11-28, secondary); its criteria were not
    found, so the thresholds are district-supplied (declared with no value).  Awards:
    the figures of the 2023 round (南方+ 2023-12-14 and a copy of the award notice,
    secondary), dated to that round only, since whether the measure fixes them or
    each round sets them is unknown.  Rules resolve the round figures on 1 January of
    the round's year.
    """

    carrier_types: Resolved[frozenset[CarrierType]] = parameter(
        enum_set_kind(CarrierType), "set"
    )
    """The carrier types the measure recognises."""
    host_kinds: Resolved[frozenset[CarrierHostKind]] = parameter(
        enum_set_kind(CarrierHostKind), "set"
    )
    """The kinds of organisation the measure names as hosts of a carrier."""
    inferred_host_kinds: Resolved[frozenset[CarrierHostKind]] = parameter(
        enum_set_kind(CarrierHostKind), "set"
    )
    """Host kinds inferred rather than named in the measure (``unverified``)."""
    other_host_kinds: Resolved[frozenset[CarrierHostKind]] = parameter(
        enum_set_kind(CarrierHostKind), "set"
    )
    """Host kinds the district accepts beyond the measure's list (district-supplied:
    whether the measure's list is exhaustive is not known)."""
    base_min_annual_trainees: Resolved[int] = parameter(COUNT, "persons")
    """Least trainees a year for a high-skill training base (district-supplied)."""
    studio_leader_min_level: Resolved[SkillLevel] = parameter(LEVEL, "level")
    """Least skill level of a master studio's leader (district-supplied)."""
    workstation_min_annual_trainees: Resolved[int] = parameter(COUNT, "persons")
    """Least trainees a year for a rural workstation (district-supplied)."""
    best_ten_amount: Resolved[Decimal] = parameter(MONEY, "yuan_per_item")
    """The award for each "best ten" (十佳) winner."""
    capacity_share: Resolved[Decimal] = parameter(RATIO, "ratio")
    """The share of a quality-and-capacity project's total investment awarded."""
    capacity_cap: Resolved[Decimal] = parameter(MONEY, "yuan_per_item")
    """The most a quality-and-capacity project is awarded."""
    winners_per_item: Resolved[int] = parameter(COUNT, "winners")
    """The most winners of each award item in a round."""
    best_ten_carrier_types: Resolved[frozenset[CarrierType]] = parameter(
        enum_set_kind(CarrierType), "set"
    )
    """The carrier types that may apply for a "best ten" item."""
    capacity_carrier_types: Resolved[frozenset[CarrierType]] = parameter(
        enum_set_kind(CarrierType), "set"
    )
    """The carrier types that may apply for a quality-and-capacity project."""
    recognition_lead_months: Resolved[int] = parameter(MONTHS, "months")
    """A carrier must be recognised before this many months ahead of the round
    year's first day (1 for the 2023 round: before December 2022)."""
    institution_hosts: Resolved[frozenset[CarrierHostKind]] = parameter(
        enum_set_kind(CarrierHostKind), "set"
    )
    """Hosts whose bases need :attr:`min_trainees_institution` trainees."""
    min_trainees_institution: Resolved[int] = parameter(COUNT, "persons")
    """Least trainees in the year before the round for a college's or training
    institution's base."""
    enterprise_hosts: Resolved[frozenset[CarrierHostKind]] = parameter(
        enum_set_kind(CarrierHostKind), "set"
    )
    """Hosts whose bases need :attr:`min_trainees_enterprise` trainees."""
    min_trainees_enterprise: Resolved[int] = parameter(COUNT, "persons")
    """Least trainees in the year before the round for an enterprise's or
    association's base."""
    studio_apprentices_above: Resolved[int] = parameter(COUNT, "persons")
    """A master studio must have taught more apprentices than this."""
    rounding: Resolved[Rounding] = parameter(ROUNDING, "rounding")
    """How award amounts are rounded."""


# --- chains ---
@attrs.frozen(kw_only=True)
class ChainsParameters:
    """Skill chains (产教评技能生态链): chain-leader incubation and composition.

    Sources: Shenzhen's notice on chain-leader incubation (深圳市人社局, citing
    粤人社规〔2022〕26号 and 粤人社规〔2025〕25号; seen on reposts only, its own date
    not found), 粤人社规〔2025〕25号 art. 2 (who takes part in a chain; what chapter 2
    requires of a chain was not found) and 粤人社规〔2023〕13号 (who claims the
    apprenticeship subsidy inside a chain, 2023-08-15 to 2025-12-31).
    """

    leader_region: Resolved[DivisionCode] = parameter(DIVISION, "division")
    """Where a chain-leader candidate must be registered (Shenzhen)."""
    leader_clean_record_years: Resolved[int] = parameter(YEARS, "years")
    """Years without an illegal or dishonest record a candidate must have."""
    leader_min_size: Resolved[EnterpriseSize] = parameter(
        enum_kind(EnterpriseSize), "enterprise_size"
    )
    """The smallest size class a candidate may have (medium: large or medium)."""
    leader_min_insured_staff: Resolved[int] = parameter(COUNT, "persons")
    """The least staff insured in Shenzhen (subsidiaries and branches counted)."""
    leader_min_chain_enterprises: Resolved[int] = parameter(COUNT, "enterprises")
    """The least number of enterprises a candidate must bring into the chain."""
    leader_min_chain_jobs: Resolved[int] = parameter(COUNT, "jobs")
    """The least number of jobs the candidate's chain must offer."""
    required_parts: Resolved[frozenset[ChainPart]] = parameter(
        enum_set_kind(ChainPart), "chain_parts"
    )
    """The parts a chain must have besides its leader (at least one body of each;
    district-supplied: chapter 2 of 粤人社规〔2025〕25号 was not found)."""
    participant_parts: Resolved[frozenset[ChainPart]] = parameter(
        enum_set_kind(ChainPart), "chain_parts"
    )
    """The parts a chain is expected to have besides its leader, as 25号 art. 2
    describes the chain (an advisory reading, ``unverified``)."""
    leader_claims_when: Resolved[frozenset[ChainClaimCondition]] = parameter(
        enum_set_kind(ChainClaimCondition), "claim_conditions"
    )
    """What must all hold for the chain leader, rather than the employing chain
    enterprise, to claim an apprentice's subsidy."""


# --- competitions ---
@attrs.frozen(kw_only=True)
class CompetitionParameters:
    """Shenzhen skills competitions: who may enter, and 深圳市技术能手 from results.

    Entry: the city's contest notices (2022, official page; 2025 event notices,
    copies) admit entrants from 16 to the statutory retirement age.  The retirement
    age is national law: the original ages (60 for men, 50 for women workers, 55 for
    women cadres) and, from 2025-01-01, the gradual rise set by the 2024 decision of
    the NPC Standing Committee (one month of delay for every 4 months of original
    retirement dates, or every 2 for women workers, up to 63, 55 and 58).  Titles:
    the 2022 notice's 深圳市技术能手 quota by the number of finalists of a
    single-person 市级一类 event (read in a copy); no later year's quota was found,
    so later years are undetermined until supplied.
    """

    entry_min_age: Resolved[int] = parameter(YEARS, "years")
    """The least age (full years) of an entrant."""
    retirement_age_male: Resolved[int] = parameter(YEARS, "years")
    """The original statutory retirement age of men."""
    retirement_age_female_worker: Resolved[int] = parameter(YEARS, "years")
    """The original statutory retirement age of women workers (女工人)."""
    retirement_age_female_cadre: Resolved[int] = parameter(YEARS, "years")
    """The original statutory retirement age of women cadres (女干部)."""
    retirement_delay_step_male: Resolved[int] = parameter(MONTHS, "months")
    """Months of original retirement dates per month of delay, for men (resolve it
    on the original retirement date; the delay counts from the value's first day)."""
    retirement_delay_step_female_worker: Resolved[int] = parameter(MONTHS, "months")
    """Months of original retirement dates per month of delay, for women workers."""
    retirement_delay_step_female_cadre: Resolved[int] = parameter(MONTHS, "months")
    """Months of original retirement dates per month of delay, for women cadres."""
    retirement_target_age_male: Resolved[int] = parameter(YEARS, "years")
    """The age the delay rises to for men."""
    retirement_target_age_female_worker: Resolved[int] = parameter(YEARS, "years")
    """The age the delay rises to for women workers."""
    retirement_target_age_female_cadre: Resolved[int] = parameter(YEARS, "years")
    """The age the delay rises to for women cadres."""
    technical_expert_quota: Resolved[Mapping[int, int]] = parameter(
        COUNT_TIERS, "places_by_finalists"
    )
    """深圳市技术能手 places of a single-person 市级一类 event by its number of
    finalists, for the top tier (resolve it on 1 January of the contest year)."""
    technical_expert_quota_lower: Resolved[Mapping[int, int]] = parameter(
        COUNT_TIERS, "places_by_finalists"
    )
    """The places of the tiers below :attr:`technical_expert_quota`'s smallest tier
    (fewer finalists), kept apart because they rest on weaker evidence."""
    technical_expert_team_quota: Resolved[Mapping[int, int]] = parameter(
        COUNT_TIERS, "places_by_finalists"
    )
    """深圳市技术能手 places of a team 市级一类 event (district-supplied: not found)."""


# --- rewards ---
@attrs.frozen(kw_only=True)
class RewardParameters:
    """Futian's 福田英才荟 skills rewards: 高技能人才奖励 and 执(职)业人才奖励.

    Sources: a fragmentary copy of the district's high-skill reward guide (year not
    visible), a forum copy of the 2024 occupational-reward guide (in force to
    2024-12-31) and the district's reply letter (2024-09-02), which widened the
    occupational reward's scope from 31 to more than 400 types in 2024.  The lists
    (qualifying honours, accepted types) are district-supplied; only the 50 000 yuan
    of the 深圳市技能菁英 / 深圳市技术能手 item and the 2024 guide's figures were seen.
    """

    region: Resolved[DivisionCode] = parameter(DIVISION, "division")
    """The district the employer must be registered in (辖区: Futian, 440304)."""
    high_skill_posts: Resolved[frozenset[PostType]] = parameter(
        enum_set_kind(PostType), "post_types"
    )
    """The posts the high-skill reward counts (技能技术岗位)."""
    high_skill_tenure_months: Resolved[int] = parameter(MONTHS, "months")
    """Least continuous months in such a post of a district legal-person enterprise."""
    high_skill_honours: Resolved[frozenset[str]] = parameter(KEYS, "honour_keys")
    """Every honour or result (honours-catalog key) the reward is paid for
    (district-supplied: the guide's list was only partly seen)."""
    high_skill_amounts: Resolved[Mapping[str, Decimal]] = parameter(
        MONEY_BY_KEY, "yuan_by_honour"
    )
    """The reward for each honour (honours-catalog key -> yuan)."""
    fraud_ban_months: Resolved[int] = parameter(MONTHS, "months")
    """How long a fraud finding bars the person from Futian policy support."""
    occupational_scope: Resolved[frozenset[str]] = parameter(KEYS, "scope_keys")
    """The accepted types of the occupational reward (受理工种范围): occupation codes
    or qualification names (district-supplied: 31 types, 400+ from 2024)."""
    occupational_certificate_amount: Resolved[Decimal] = parameter(
        MONEY, "yuan_per_person"
    )
    """The occupational reward for an accepted certificate."""
    occupational_title_level: Resolved[ProfessionalTitleLevel] = parameter(
        enum_kind(ProfessionalTitleLevel), "title_level"
    )
    """The professional title the occupational reward is paid for (正高)."""
    occupational_title_amount: Resolved[Decimal] = parameter(MONEY, "yuan_per_person")
    """The occupational reward for that title."""
    occupational_tenure_months: Resolved[int] = parameter(MONTHS, "months")
    """Least continuous months in the same district enterprise after obtaining it."""
    occupational_region: Resolved[DivisionCode] = parameter(DIVISION, "division")
    """The district the occupational reward's employer must be registered and pay
    tax in (福田区注册及纳税: Futian, 440304)."""
    occupational_top_levels: Resolved[Mapping[str, SkillLevel]] = parameter(
        LEVEL_BY_KEY, "levels_by_key"
    )
    """The top level the district recognises for each occupation (occupation code or
    qualification name -> level); only a certificate of that level is rewarded
    (district-supplied: it depends on each occupation's standard)."""
    occupational_qualification_issuer_region: Resolved[DivisionCode] = parameter(
        DIVISION, "division"
    )
    """The region whose HR departments must have issued a vocational qualification
    certificate (Guangdong, 440000, which includes Shenzhen)."""
    occupational_evaluator_region: Resolved[DivisionCode] = parameter(
        DIVISION, "division"
    )
    """The region whose HR bureau the evaluator of a skill-level certificate must be
    filed with (Shenzhen, 440300)."""
    occupational_title_floor: Resolved[date] = parameter(DAY, "day")
    """The earliest day a rewarded title may have been conferred (2016-09-01)."""
    occupational_licence_floor: Resolved[date] = parameter(DAY, "day")
    """The earliest day a rewarded licence may have been first registered or
    approved (2018-09-01)."""
    occupational_licence_sectors: Resolved[Mapping[str, frozenset[str]]] = parameter(
        KEYS_BY_KEY, "sectors_by_qualification"
    )
    """The sectors some licences are rewarded in (qualification name -> sector
    keys, e.g. 注册会计师 -> an accounting firm); a licence not listed is not limited
    (district-supplied)."""


# --- craftsman ---
@attrs.frozen(kw_only=True)
class CraftsmanParameters:
    """鹏城工匠 selection and skill-level promotion from competition results.

    Sources: 《深圳市鹏城工匠评选办法》 (深人社规〔2016〕16号, extended to 2026-10-25;
    seen through copies) and its 2025 call; the promotion tables of competition
    notices (the 2020 national competition, seen through news copies).  After
    2026-10-25 no successor measure was found, so the selection figures end there.
    """

    annual_limit: Resolved[int] = parameter(COUNT, "persons")
    """The most 鹏城工匠 selected in one year."""
    award_amount: Resolved[Decimal] = parameter(MONEY, "yuan_per_person")
    """The reward paid to each 鹏城工匠."""
    min_frontline_years: Resolved[int] = parameter(YEARS, "years")
    """Least years in front-line skill or technical posts in Shenzhen."""
    frontline_post_types: Resolved[frozenset[PostType]] = parameter(
        enum_set_kind(PostType), "post_types"
    )
    """The kinds of post that count as front-line skill or technical posts."""
    min_level: Resolved[SkillLevel] = parameter(LEVEL, "level")
    """The least skill level (高级技师), unless the review finds an equivalent."""
    achievement_window_years: Resolved[int] = parameter(YEARS, "years")
    """Achievements count from 1 January of the year this many years before the
    round's year, to the deadline (2025 call: 2020-01-01 to the deadline)."""
    qualifying_honours: Resolved[frozenset[str]] = parameter(KEYS, "honour_keys")
    """The honours (keys of the honours catalog) that qualify within the window."""
    result_tier: Resolved[CompetitionTier] = parameter(
        enum_kind(CompetitionTier), "competition_tier"
    )
    """The tier of competition whose top results qualify (national)."""
    result_class: Resolved[CompetitionClass] = parameter(
        enum_kind(CompetitionClass), "competition_class"
    )
    """The class of competition whose top results qualify (一类)."""
    result_max_rank: Resolved[int] = parameter(COUNT, "rank")
    """A result qualifies at this rank or better (top 3), as competitor or coach."""
    promotion_tables: Resolved[PromotionTable] = parameter(
        PROMOTION_TABLES, "promotion_tables"
    )
    """Per competition (by its name): which award promotes to which skill level."""


# --- levels ---
@attrs.frozen(kw_only=True)
class LevelApplicationParameters:
    """Conditions for applying for a skill level (职业技能等级认定 申报条件).

    The conditions are set by each occupation's national standard and differ by
    occupation and template edition.  :attr:`standards` holds the ones seen in
    copies of the standards (secondary); :attr:`district_standards` is for the
    district to load the standards of the occupations it evaluates (none bundled).
    A standard the district supplies wins over a bundled one with the same occupation and
    edition.
    """

    standards: Resolved[tuple[ApplicationStandard, ...]] = parameter(
        LEVEL_STANDARDS, "standards"
    )
    """The bundled application standards and templates (patterns seen in copies)."""
    district_standards: Resolved[tuple[ApplicationStandard, ...]] = parameter(
        LEVEL_STANDARDS, "standards"
    )
    """The standards the district loads (district-supplied; none bundled)."""


# --- public training ---
@attrs.frozen(kw_only=True)
class PublicTrainingParameters:
    """Public-benefit vocational training (公益性职业技能培训) and the 粤菜师傅 grants.

    Sources: the district's reply letter (2024-09-02, §四), which says whom the
    training serves but no rule for enrolling in it (none was found), and the
    Zhongshan report of its 2019 粤菜师傅 designations (secondary).  Who may enrol is
    district-supplied (declared with no value), so an enrolment is undetermined
    until the district supplies its criteria; the grant figures found are
    Zhongshan's only, keyed by city.
    """

    admitted_groups: Resolved[frozenset[TraineeGroup]] = parameter(
        enum_set_kind(TraineeGroup), "trainee_groups"
    )
    """The groups the district admits to its public training (district-supplied)."""
    project_groups: Resolved[Mapping[str, frozenset[str]]] = parameter(
        KEYS_BY_KEY, "groups_by_project"
    )
    """For the courses of a provincial project (by its key, e.g. ``cantonese_chef``),
    the groups they are limited to; a project not listed sets no further limit
    (district-supplied)."""
    insured_groups: Resolved[frozenset[TraineeGroup]] = parameter(
        enum_set_kind(TraineeGroup), "trainee_groups"
    )
    """The groups whose applicants must be insured in Shenzhen (an empty set: none;
    district-supplied)."""
    cantonese_chef_grants: Resolved[Mapping[str, Decimal]] = parameter(
        MONEY_BY_KEY, "yuan_by_city_level_unit"
    )
    """The one-off grant to a designated 粤菜师傅 unit, by ``city/level/unit`` key
    (e.g. ``442000/provincial/training_base``): each city's own figures."""


# How many results a PolicySnapshot remembers before starting afresh.  Small on
# purpose: remembered findings outlive the young generation, and a large memo makes
# the garbage collector sweep a big heap of cases often (measured: 4 096 entries
# tripled the cost of a case whose programme is not shared; 64 cost nothing).
MEMO_LIMIT: Final = 64


@attrs.frozen
class GroupLayout:
    """Where a snapshot finds each programme's group and each parameter.

    One layout serves every snapshot of a policy: it is built from the programmes
    registered when the policy was built.
    """

    keys: tuple[str, ...]
    """The programme keys, in table order."""
    index: dict[str, int]
    """Programme key -> the position of its group."""
    by_class: dict[type, int]
    """Parameter class -> the position of its group."""
    fields: dict[str, tuple[int, str]]
    """Dotted parameter name -> the position of its group and its field name."""

    @classmethod
    def of(cls, groups: Mapping[str, type[Any]]) -> "GroupLayout":
        """The layout of the programme groups *groups* (key -> parameter class)."""
        keys = tuple(groups)
        return cls(
            keys=keys,
            index={key: i for i, key in enumerate(keys)},
            by_class={groups[key]: i for i, key in enumerate(keys)},
            fields={
                f"{key}.{field.name}": (i, field.name)
                for i, key in enumerate(keys)
                for field in attrs.fields(groups[key])
            },
        )


@attrs.frozen(kw_only=True)
class PolicySnapshot:
    """Every parameter of a policy resolved on one day, grouped by programme.

    Built by :meth:`Policy.at`.  Each programme's parameters are one group, an
    instance of the programme's parameter class, held by the programme's key:
    :meth:`of` returns a group by its class (typed), :meth:`group` by its key, and
    ``snapshot.<key>`` works for every programme, bundled or added with
    :func:`~skillchain.policy.register_programme`.

    Example:
        >>> from datetime import date
        >>> from skillchain import Policy, SkillLevel
        >>> from skillchain.policy import ApprenticeshipParameters
        >>> snap = Policy.default().at(date(2024, 6, 1))
        >>> snap.apprenticeship.annual_subsidy.value[SkillLevel.ADVANCED]
        Decimal('7000')
        >>> snap.of(ApprenticeshipParameters) is snap.group("apprenticeship")
        True
    """

    on: date
    """The day the parameters were resolved for."""
    fingerprint: str
    """The fingerprint of the policy the snapshot came from."""
    _values: tuple[object, ...] = attrs.field(alias="values", repr=False)
    # Each programme's group, in the order of the layout's keys.
    _layout: "GroupLayout" = attrs.field(alias="layout", eq=False, repr=False)
    _memo: dict[Hashable, object] = attrs.field(
        init=False, factory=dict, eq=False, repr=False
    )
    _stretch: dict[Hashable, object] = attrs.field(
        alias="stretch", factory=dict, eq=False, repr=False
    )
    # Shared by the policy's snapshots of days on which no figure differs.

    @property
    def stretch_memo(self) -> dict[Hashable, object]:
        """A memo shared by every snapshot of the policy that resolves to the same figures.

        The days between two changes of any figure resolve alike, so work that
        depends only on the figures (what a condition rests on, say) is kept here
        once for all of them instead of once per day.  The policy bounds it.

        Example:
            >>> from datetime import date
            >>> from skillchain import Policy
            >>> policy = Policy.default()
            >>> a, b = policy.at(date(2024, 6, 1)), policy.at(date(2024, 6, 2))
            >>> a.stretch_memo is b.stretch_memo
            True
        """
        return self._stretch

    def remember(self, key: Hashable, compute: Callable[[], T]) -> T:
        """Return ``compute()``, computed once per *key* for this snapshot.

        Rules use this to judge a shared, immutable fact (say a programme that many
        apprentices follow) once per policy and day instead of once per case.  The
        key must identify everything the result depends on besides the snapshot.
        The memo is bounded: when it holds 64 entries it starts
        afresh, so memory stays flat however many cases are judged.

        Example:
            >>> from datetime import date
            >>> from skillchain import Policy
            >>> snap = Policy.default().at(date(2024, 6, 1))
            >>> snap.remember("answer", lambda: 42), snap.remember("answer", lambda: 0)
            (42, 42)
        """
        memo = self._memo
        try:
            found: T = memo[key]  # type: ignore[assignment]
        except KeyError:
            if len(memo) >= MEMO_LIMIT:
                memo.clear()
            found = memo[key] = compute()
        return found

    if TYPE_CHECKING:
        # For type checkers only: the bundled programmes' groups by attribute, as
        # ``__getattr__`` finds them at run time (tests keep this list in step with
        # the programme table).  Typed code may use :meth:`of` instead.
        @property
        def apprenticeship(self) -> ApprenticeshipParameters: ...
        @property
        def subsidy(self) -> SubsidyParameters: ...
        @property
        def skill_upgrade(self) -> SkillUpgradeParameters: ...
        @property
        def ui_skill(self) -> UnemploymentSkillParameters: ...
        @property
        def institutions(self) -> InstitutionParameters: ...
        @property
        def experts(self) -> ExpertParameters: ...
        @property
        def carriers(self) -> CarrierParameters: ...
        @property
        def chains(self) -> ChainsParameters: ...
        @property
        def competitions(self) -> CompetitionParameters: ...
        @property
        def rewards(self) -> RewardParameters: ...
        @property
        def craftsman(self) -> CraftsmanParameters: ...
        @property
        def levels(self) -> LevelApplicationParameters: ...
        @property
        def public_training(self) -> PublicTrainingParameters: ...

    @property
    def groups(self) -> Mapping[str, object]:
        """Each programme's parameters on :attr:`on`, by key, in table order (a copy)."""
        return dict(zip(self._layout.keys, self._values, strict=True))

    def __getattr__(self, name: str) -> Any:
        """The group of the programme whose key is *name* (``snapshot.levels``)."""
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            layout = object.__getattribute__(self, "_layout")
        except AttributeError:  # not yet initialised (copying, unpickling)
            raise AttributeError(name) from None
        index = layout.index.get(name)
        if index is None:
            msg = (
                f"no programme {shown(name)} in this snapshot; "
                f"its programmes are {', '.join(layout.keys)}"
            )
            raise AttributeError(msg)
        return self._values[index]

    def __dir__(self) -> list[str]:
        return sorted({*super().__dir__(), *self._layout.keys})

    def group(self, key: str) -> object:
        """Return the parameters of the programme *key*.

        Raises:
            KeyError: No programme of that key was registered when the policy was built.
        """
        index = self._layout.index.get(key)
        if index is None:
            msg = (
                f"no programme {shown(key)} in this snapshot; "
                f"its programmes are {', '.join(self._layout.keys)}"
            )
            raise KeyError(msg)
        return self._values[index]

    def of(self, cls: type[T]) -> T:
        """Return the group whose parameter class is *cls*, typed as *cls*.

        Raises:
            KeyError: No programme with that parameter class was registered when the
                policy was built.

        Example:
            >>> from datetime import date
            >>> from skillchain import Policy
            >>> from skillchain.policy import LevelApplicationParameters
            >>> levels = Policy.default().at(date(2024, 6, 1)).of(LevelApplicationParameters)
            >>> levels.standards.name
            'levels.standards'
        """
        index = self._layout.by_class.get(cls)
        if index is None:
            known = ", ".join(sorted(c.__name__ for c in self._layout.by_class))
            msg = (
                f"no programme with the parameter class {cls.__name__!r} in this "
                f"snapshot; its classes are {known}"
            )
            raise KeyError(msg)
        found = self._values[index]
        assert isinstance(found, cls)  # noqa: S101 - indexed by its own class
        return found

    def get(self, name: str) -> Resolved[object]:
        """Return a parameter by dotted name.

        Raises:
            KeyError: No parameter has that name.
        """
        where = self._layout.fields.get(name)
        if where is None:
            msg = f"no parameter {shown(name)}; see skillchain.policy.specs()"
            raise KeyError(msg)
        value: Resolved[object] = getattr(self._values[where[0]], where[1])
        return value

    def unknown(self) -> tuple[str, ...]:
        """The names of parameters with no value in force on :attr:`on`."""
        return tuple(name for name in self._layout.fields if not self.get(name).known)
