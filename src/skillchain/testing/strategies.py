"""Hypothesis strategies for every public type of skillchain (needs the ``testing`` extra).

Install with ``pip install skillchain[testing]``.  Every strategy draws values that
are valid by construction: identity numbers and credit codes carry a computed check
character, dates respect the records' orderings, dual-mentor programmes name both
mentors.  None of them filters, so none of them slows down as a test narrows.

The same strategies are registered with Hypothesis through its ``hypothesis`` entry
point, so ``st.from_type(Person)`` works in any project that installed the extra,
without importing this module.  Import it to pin what a test cares about with the
keyword-only options, e.g. ``persons(hukou=st.just(FUTIAN))`` or
``programmes(levels=st.just(SkillLevel.ADVANCED))``.  Options that pin a value
take a strategy; bounds take plain values, as Hypothesis' own strategies do.

Values drawn from the bundled policy (:class:`~skillchain.Policy`, its snapshots,
parameters and resolved values) and the rule registry come from the shipped data,
not from thin air: a made-up policy would not be the library's.

Example:
    >>> from hypothesis import given, strategies as st
    >>> from skillchain import FUTIAN
    >>> from skillchain.testing.strategies import persons
    >>> @given(persons(hukou=st.just(FUTIAN)))
    ... def test_futian_hukou(person):
    ...     assert person.hukou_division == FUTIAN
    >>> test_futian_hukou()
"""

try:
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
except ImportError as _missing:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "skillchain.testing.strategies needs Hypothesis: pip install skillchain[testing]"
    ) from _missing

import calendar
import string
import typing

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Final, TypeVar, overload

from stdnum.cn import ric, uscc

from skillchain import (
    Citation,
    CreditCode,
    DateRange,
    Decision,
    DivisionCode,
    Document,
    DocumentLevel,
    EntityCategory,
    FactValue,
    Finding,
    InputProblem,
    Message,
    OccupationCode,
    Outcome,
    Parameter,
    Policy,
    PolicyProblem,
    PolicySnapshot,
    Provenance,
    RegistrationAuthority,
    ResidentId,
    Resolved,
    Rounding,
    RoundingMode,
    Sex,
    SkillLevel,
)
from skillchain.catalog import (
    CarrierTypeEntry,
    Catalog,
    CatalogRow,
    ChainLeaderEntry,
    ClusterKind,
    CompetitionCategory,
    Division,
    DivisionKind,
    HonourTitle,
    IndustryCluster,
    Occupation,
    OccupationCatalog,
    OccupationStatus,
    ProjectOccupation,
    RewardScope,
    ScopeEntry,
    SkillLevelEntry,
    ThreeProjectEntry,
)
from skillchain.model import (
    ApplicationRoute,
    ApplicationStandard,
    ApprenticeEnrolment,
    ApprenticeshipProgramme,
    CarrierAwardApplication,
    CarrierAwardCategory,
    CarrierHostKind,
    CarrierType,
    Certificate,
    CertificateKind,
    ChainLeaderApplication,
    ChainLeaderDesignation,
    ChainPartner,
    ChainStatus,
    Competition,
    CompetitionAward,
    CompetitionClass,
    CompetitionEntry,
    CompetitionFormat,
    CompetitionResult,
    CompetitionTier,
    CourseEnrolment,
    CraftsmanApplication,
    DeliveryMode,
    Employment,
    Enterprise,
    EnterpriseSize,
    EvaluationOrganisationKind,
    EvaluationQualification,
    ExpertNomination,
    FilingStatus,
    GuidanceExpert,
    HireKind,
    Honour,
    InstitutionKind,
    InsurancePeriod,
    IssuerKind,
    LabourContract,
    LevelApplication,
    LifelongTrainingCarrier,
    Mentor,
    MentorSide,
    OrganiserKind,
    Ownership,
    PartnerRegion,
    Person,
    PostType,
    PrivateInstitutionFiling,
    ProfessionalTitle,
    ProfessionalTitleLevel,
    ProgrammeStatus,
    PublicTrainingCourse,
    RecognitionLevel,
    RecommendationRound,
    RegulatoryStatus,
    Schooling,
    SchoolKind,
    SkillChain,
    SkillEvaluationOrganisation,
    SubsidyClaim,
    SubsidyKind,
    TalentRewardClaim,
    TalentRewardKind,
    ThreeProject,
    TrainingInstitution,
    TrainingMode,
    YearsCountedFrom,
)
from skillchain.policy import (
    GROUPS,
    Kind,
    ParameterSpec,
    Programme,
    specs,
)
from skillchain.policy import programmes as registered_programmes
from skillchain.rules import (
    Allocation,
    CarrierAwardAllocation,
    Condition,
    CraftsmanSelection,
    ExpertRecommendation,
    QuotaAllocation,
    QuotaApplication,
    ReadOn,
    Rule,
    RuleSource,
    TechnicalExpertAwards,
)
from skillchain.rules import rules as registered_rules
from skillchain.simulation import SimulationSummary


__all__ = [
    "GENERIC_TYPES",
    "REGISTERED_TYPES",
    "allocations",
    "amounts",
    "application_routes",
    "application_standards",
    "carrier_award_allocations",
    "carrier_award_applications",
    "carrier_type_entries",
    "catalog_rows",
    "catalogs",
    "certificates",
    "chain_leader_applications",
    "chain_leader_designations",
    "chain_leader_entries",
    "chain_partners",
    "citations",
    "competition_categories",
    "competition_results",
    "competitions",
    "conditions",
    "course_enrolments",
    "craftsman_applications",
    "craftsman_selections",
    "credit_codes",
    "date_ranges",
    "decisions",
    "division_codes",
    "division_entries",
    "documents",
    "employments",
    "enrolments",
    "enterprises",
    "evaluation_qualifications",
    "expert_nominations",
    "expert_recommendations",
    "fact_values",
    "findings",
    "guidance_experts",
    "honour_titles",
    "honours",
    "industry_clusters",
    "input_problems",
    "insurance_periods",
    "labour_contracts",
    "level_applications",
    "lifelong_training_carriers",
    "mentors",
    "messages",
    "occupation_catalogs",
    "occupation_codes",
    "occupation_entries",
    "parameter_groups",
    "parameter_kinds",
    "parameter_specs",
    "parameters",
    "partner_regions",
    "persons",
    "policies",
    "policy_problems",
    "policy_programmes",
    "policy_snapshots",
    "private_institution_filings",
    "professional_titles",
    "programmes",
    "project_occupations",
    "public_training_courses",
    "quota_allocations",
    "quota_applications",
    "read_ons",
    "recommendation_rounds",
    "resident_ids",
    "resolved_values",
    "reward_scopes",
    "roundings",
    "rule_sources",
    "rules",
    "scope_entries",
    "simulation_summaries",
    "skill_chains",
    "skill_evaluation_organisations",
    "skill_level_entries",
    "skill_levels",
    "subsidy_claims",
    "talent_reward_claims",
    "three_project_entries",
    "training_institutions",
]

T = TypeVar("T")

_MIN_DAY: Final = date(1900, 1, 1)
_MAX_DAY: Final = date(2100, 12, 31)
_POLICY_FIRST: Final = date(2019, 1, 1)
_POLICY_LAST: Final = date(2030, 12, 31)

#: The first two digits of every province-level division (GB/T 2260).
_PROVINCES: Final = tuple(
    str(n)
    for n in (
        *range(11, 16),
        *range(21, 24),
        *range(31, 38),
        *range(41, 47),
        *range(50, 55),
        *range(61, 66),
        71,
        81,
        82,
    )
)

#: The 31 characters of a unified social credit code (GB 32100-2015: no I, O, Z, S, V).
_USCC_ALPHABET: Final = "0123456789ABCDEFGHJKLMNPQRTUWXY"

_FLAGS: Final = st.none() | st.booleans()
_NAMES: Final = st.text(
    alphabet=st.characters(codec="utf-8", categories=["L"]), min_size=1, max_size=8
)
_IDS: Final = st.text(
    alphabet=string.ascii_lowercase + string.digits + "-", min_size=1, max_size=16
).map(lambda s: "x" + s)


# --- argument checks -------------------------------------------------------------


def _check_strategy(name: str, value: object) -> None:
    """Raise InvalidArgument unless *value* is a strategy or None."""
    if value is not None and not isinstance(value, st.SearchStrategy):
        msg = f"{name}={value!r} must be a Hypothesis strategy or None"
        raise InvalidArgument(msg)


def _check_bounds(name: str, low: date, high: date) -> None:
    """Raise InvalidArgument unless ``low <= high`` are dates."""
    bounds: tuple[object, ...] = (low, high)
    for bound in bounds:
        if not isinstance(bound, date) or hasattr(bound, "hour"):
            msg = f"{name} bounds must be datetime.date values, got {bound!r}"
            raise InvalidArgument(msg)
    if low > high:
        msg = f"{name}: the lower bound {low} is after the upper bound {high}"
        raise InvalidArgument(msg)


def _or(
    strategy: "st.SearchStrategy[T] | None", default: "st.SearchStrategy[T]"
) -> "st.SearchStrategy[T]":
    return default if strategy is None else strategy


def _optional(strategy: "st.SearchStrategy[T]") -> "st.SearchStrategy[T | None]":
    return st.none() | strategy


def _days(low: date, high: date) -> st.SearchStrategy[date]:
    """Dates from *low* to *high*, often a month's first or last day."""

    @st.composite
    def draw_day(draw: st.DrawFn) -> date:
        day = draw(st.dates(min_value=low, max_value=high))
        edge = draw(st.sampled_from(["any", "first", "last"]))
        if edge == "first":
            day = day.replace(day=1)
        elif edge == "last":
            day = day.replace(day=calendar.monthrange(day.year, day.month)[1])
        return min(max(day, low), high)

    return draw_day()


# --- value types -------------------------------------------------------------------


def division_codes(*, level: str | None = None) -> st.SearchStrategy[DivisionCode]:
    """Draw division codes of GB/T 2260 shape (区划代码).

    Args:
        level: ``"province"``, ``"prefecture"`` or ``"county"``; any level if None.

    Raises:
        hypothesis.errors.InvalidArgument: *level* is none of those.
    """
    if level not in {None, "province", "prefecture", "county"}:
        msg = f"level={level!r} must be 'province', 'prefecture', 'county' or None"
        raise InvalidArgument(msg)

    @st.composite
    def draw_code(draw: st.DrawFn) -> DivisionCode:
        chosen = level or draw(st.sampled_from(["province", "prefecture", "county"]))
        prefix = draw(st.sampled_from(_PROVINCES))
        if chosen == "province":
            return DivisionCode(prefix + "0000")
        prefecture = draw(st.integers(1, 99))
        county = 0 if chosen == "prefecture" else draw(st.integers(1, 99))
        return DivisionCode(f"{prefix}{prefecture:02d}{county:02d}")

    return draw_code()


#: The birth dates a ResidentId accepts (century digits 18, 19 and 20).
_BIRTHS: Final = (date(1800, 1, 1), date(2099, 12, 31))


def resident_ids(
    *,
    min_birth: date = _MIN_DAY,
    max_birth: date = _BIRTHS[1],
    sex: "st.SearchStrategy[Sex] | None" = None,
    divisions: "st.SearchStrategy[DivisionCode] | None" = None,
) -> st.SearchStrategy[ResidentId]:
    """Draw resident identity numbers (公民身份号码) with a computed check character.

    The check character follows GB 11643-1999 (``stdnum.cn.ric``).  A drawn number's
    ``repr`` is masked, as every :class:`~skillchain.ResidentId`'s is.

    Args:
        min_birth: The earliest birth date (1900-01-01 unless given; not before
            1800-01-01).
        max_birth: The latest birth date (not after 2099-12-31).
        sex: The sexes to draw; either if None.
        divisions: The divisions of issue; any GB/T 2260 code if None.

    Raises:
        hypothesis.errors.InvalidArgument: A bound is not a date, the bounds are
            reversed or outside the birth dates a number can hold, or an option
            is not a strategy.
    """
    _check_bounds("birth", min_birth, max_birth)
    if min_birth < _BIRTHS[0] or max_birth > _BIRTHS[1]:
        msg = (
            f"birth bounds {min_birth} to {max_birth} reach outside "
            f"{_BIRTHS[0]} to {_BIRTHS[1]}, the birth dates a ResidentId accepts"
        )
        raise InvalidArgument(msg)
    _check_strategy("sex", sex)
    _check_strategy("divisions", divisions)
    sexes = _or(sex, st.sampled_from(Sex))
    places = _or(divisions, division_codes())

    @st.composite
    def draw_id(draw: st.DrawFn) -> ResidentId:
        division = draw(places)
        birth = draw(st.dates(min_value=min_birth, max_value=max_birth))
        sequence = draw(st.integers(0, 499)) * 2
        if draw(sexes) is Sex.MALE:
            sequence += 1
        body = f"{division.code}{birth:%Y%m%d}{sequence:03d}"
        return ResidentId(body + ric.calc_check_digit(body + "0"))

    return draw_id()


def credit_codes(
    *,
    authority: "st.SearchStrategy[RegistrationAuthority] | None" = None,
    divisions: "st.SearchStrategy[DivisionCode] | None" = None,
) -> st.SearchStrategy[CreditCode]:
    """Draw unified social credit codes (统一社会信用代码) with a computed check character.

    The check character follows GB 32100-2015 (``stdnum.cn.uscc``).  Authorities with
    listed entity categories get one of those categories.

    Args:
        authority: The registration authorities to draw; any if None.
        divisions: The divisions of registration; any GB/T 2260 code if None.

    Raises:
        hypothesis.errors.InvalidArgument: An option is not a strategy.
    """
    _check_strategy("authority", authority)
    _check_strategy("divisions", divisions)
    authorities = _or(authority, st.sampled_from(RegistrationAuthority))
    places = _or(divisions, division_codes())

    @st.composite
    def draw_code(draw: st.DrawFn) -> CreditCode:
        chosen = draw(authorities)
        listed = [c for c in EntityCategory if c.authority is chosen]
        if listed:
            category = draw(st.sampled_from(listed)).code
        else:
            category = draw(st.sampled_from(_USCC_ALPHABET))
        division = draw(places)
        subject = draw(st.text(alphabet=_USCC_ALPHABET, min_size=9, max_size=9))
        body = f"{chosen.code}{category}{division.code}{subject}"
        return CreditCode(body + uscc.calc_check_digit(body))

    return draw_code()


def occupation_codes(
    *, detail: bool | None = None
) -> st.SearchStrategy[OccupationCode]:
    """Draw occupation codes of the 2022 职业分类大典 shape (``d-dd-dd-dd``).

    Args:
        detail: Only detailed occupations (细类, True), none (False), or either (None).

    Raises:
        hypothesis.errors.InvalidArgument: *detail* is not a bool or None.
    """
    raw: object = detail
    if raw is not None and not isinstance(raw, bool):
        msg = f"detail={detail!r} must be True, False or None"
        raise InvalidArgument(msg)

    @st.composite
    def draw_code(draw: st.DrawFn) -> OccupationCode:
        major = draw(st.integers(1, 8))
        depth = 3 if detail else draw(st.integers(0, 2 if detail is False else 3))
        groups = [draw(st.integers(1, 99)) if i < depth else 0 for i in range(3)]
        return OccupationCode(f"{major}-" + "-".join(f"{g:02d}" for g in groups))

    return draw_code()


def skill_levels(*, national: bool = False) -> st.SearchStrategy[SkillLevel]:
    """Draw skill levels (技能等级).

    Args:
        national: Only the five national grades (五级 … 一级) if True.
    """
    if national:
        return st.sampled_from(
            [
                SkillLevel.ELEMENTARY,
                SkillLevel.INTERMEDIATE,
                SkillLevel.ADVANCED,
                SkillLevel.TECHNICIAN,
                SkillLevel.SENIOR_TECHNICIAN,
            ]
        )
    return st.sampled_from(SkillLevel)


def date_ranges(
    *,
    min_value: date = _MIN_DAY,
    max_value: date = _MAX_DAY,
    open_ended: bool | None = None,
) -> st.SearchStrategy[DateRange]:
    """Draw date ranges (inclusive ends, ``end >= start``), often on month edges.

    Args:
        min_value: The earliest start and end.
        max_value: The latest start and end.
        open_ended: Always (True) or never (False) an open end; either if None.

    Raises:
        hypothesis.errors.InvalidArgument: A bound is not a date or the bounds are reversed.
    """
    _check_bounds("date_ranges", min_value, max_value)
    days = _days(min_value, max_value)

    @st.composite
    def draw_range(draw: st.DrawFn) -> DateRange:
        first = draw(days)
        is_open = draw(st.booleans()) if open_ended is None else open_ended
        if is_open:
            return DateRange(first, None)
        second = draw(days)
        return DateRange(min(first, second), max(first, second))

    return draw_range()


def amounts(
    *, min_value: Decimal | int = 0, max_value: Decimal | int = 10**7, places: int = 2
) -> st.SearchStrategy[Decimal]:
    """Draw finite amounts in yuan with at most *places* decimal places.

    Args:
        min_value: The smallest amount.
        max_value: The largest amount.
        places: The most decimal places.

    Raises:
        hypothesis.errors.InvalidArgument: The bounds are reversed or *places* is negative.
    """
    if places < 0 or Decimal(min_value) > Decimal(max_value):
        msg = f"amounts: need places >= 0 and min_value <= max_value, got {places}, {min_value}, {max_value}"
        raise InvalidArgument(msg)
    return st.decimals(
        min_value=min_value,
        max_value=max_value,
        places=places,
        allow_nan=False,
        allow_infinity=False,
    )


def roundings() -> st.SearchStrategy[Rounding]:
    """Draw rounding rules: a power-of-ten quantum from 0.01 to 100 and any mode."""
    return st.builds(
        Rounding,
        quantum=st.sampled_from(
            [Decimal("0.01"), Decimal("0.1"), Decimal(1), Decimal(10), Decimal(100)]
        ),
        mode=st.sampled_from(RoundingMode),
    )


# --- sources, findings, decisions ---------------------------------------------------


def documents(
    *,
    provenance: "st.SearchStrategy[Provenance] | None" = None,
    levels: "st.SearchStrategy[DocumentLevel] | None" = None,
) -> st.SearchStrategy[Document]:
    """Draw register documents; issue, effect and expiry dates in order where known.

    Args:
        provenance: The provenances to draw; any if None.
        levels: The document levels to draw; any if None.

    Raises:
        hypothesis.errors.InvalidArgument: An option is not a strategy.
    """
    _check_strategy("provenance", provenance)
    _check_strategy("levels", levels)
    provenances = _or(provenance, st.sampled_from(Provenance))
    kinds = _or(levels, st.sampled_from(DocumentLevel))

    @st.composite
    def draw_document(draw: st.DrawFn) -> Document:
        issued = draw(_optional(_days(date(1990, 1, 1), date(2030, 12, 31))))
        start = issued or date(1990, 1, 1)
        effective = draw(_optional(st.dates(start, start + timedelta(days=400))))
        end_from = effective or start
        expires = draw(_optional(st.dates(end_from, date(2040, 12, 31))))
        return Document(
            id=draw(_IDS),
            title=draw(_NAMES),
            issuers=tuple(draw(st.lists(_NAMES, min_size=1, max_size=3))),
            level=draw(kinds),
            provenance=draw(provenances),
            number=draw(_optional(_NAMES)),
            title_en=draw(_optional(_NAMES)),
            issued=issued,
            effective=effective,
            expires=expires,
            urls=tuple(
                draw(
                    st.lists(_IDS.map(lambda s: f"https://example.org/{s}"), max_size=2)
                )
            ),
            note=draw(_optional(_NAMES)),
        )

    return draw_document()


def citations(
    *, documents: "st.SearchStrategy[Document] | None" = None
) -> st.SearchStrategy[Citation]:
    """Draw citations: a document and, sometimes, an article.

    Args:
        documents: The documents cited; any drawn document if None.

    Raises:
        hypothesis.errors.InvalidArgument: *documents* is not a strategy.
    """
    _check_strategy("documents", documents)
    cited = documents if documents is not None else _all_documents()
    return st.builds(
        Citation,
        document=cited,
        article=_optional(
            st.sampled_from(["第一条", "第五条", "第十二条（二）", "§3"])
        ),
    )


def _all_documents() -> st.SearchStrategy[Document]:
    return documents()


def fact_values() -> st.SearchStrategy[FactValue]:
    """Draw the values a finding compares: scalars, dates, amounts, enum members, codes."""
    return st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**6), 10**6),
        _NAMES,
        amounts(),
        st.dates(min_value=_MIN_DAY, max_value=_MAX_DAY),
        st.sampled_from(SkillLevel),
        st.sampled_from(SubsidyKind),
        division_codes(),
        occupation_codes(),
        credit_codes(),
    )


_CHECK_IDS: Final = st.from_regex(r"[a-z]{1,8}(\.[a-z_]{1,12}){1,2}", fullmatch=True)


def findings(
    *, held: "st.SearchStrategy[bool | None] | None" = None
) -> st.SearchStrategy[Finding]:
    """Draw findings; an undecided one (``held=None``) names what was missing.

    Value names are unique within a finding.

    Args:
        held: Whether the condition held (True, False or None); any if None.

    Raises:
        hypothesis.errors.InvalidArgument: *held* is not a strategy.
    """
    _check_strategy("held", held)
    outcomes = _or(held, _FLAGS)

    @st.composite
    def draw_finding(draw: st.DrawFn) -> Finding:
        verdict = draw(outcomes)
        names = draw(
            st.lists(
                st.from_regex(r"[a-z_]{1,10}", fullmatch=True), max_size=3, unique=True
            )
        )
        missing = (
            tuple(
                draw(
                    st.lists(
                        st.from_regex(r"[a-z_.]{1,16}", fullmatch=True),
                        min_size=1,
                        max_size=2,
                    )
                )
            )
            if verdict is None
            else ()
        )
        return Finding(
            check=draw(_CHECK_IDS),
            held=verdict,
            values=tuple((name, draw(fact_values())) for name in names),
            citations=tuple(draw(st.lists(citations(), max_size=2))),
            missing=missing,
        )

    return draw_finding()


def messages() -> st.SearchStrategy[Message]:
    """Draw zh/en message templates (without format fields)."""
    return st.builds(
        Message,
        zh=_NAMES,
        en=st.text(string.ascii_letters + " ", min_size=1, max_size=20),
    )


def decisions(
    *,
    outcomes: "st.SearchStrategy[Outcome] | None" = None,
    on: "st.SearchStrategy[date] | None" = None,
    provenance: "st.SearchStrategy[Provenance | None] | None" = None,
) -> st.SearchStrategy[Decision]:
    """Draw decisions whose outcome follows from their findings.

    Built with :meth:`~skillchain.Decision.from_findings`: an ineligible decision has a
    failed finding, an undetermined one an undecided finding and none failed; only an
    eligible decision carries an amount (sometimes).

    Args:
        outcomes: The outcomes to draw; any if None.
        on: The evaluation days; 2019-2030 if None.
        provenance: The provenances to draw; any if None (including ``None``, a
            decision that used no figure in force).

    Raises:
        hypothesis.errors.InvalidArgument: An option is not a strategy.
    """
    for name, value in (("outcomes", outcomes), ("on", on), ("provenance", provenance)):
        _check_strategy(name, value)
    chosen = _or(outcomes, st.sampled_from(Outcome))
    days = _or(on, st.dates(_POLICY_FIRST, _POLICY_LAST))
    provenances = _or(provenance, _optional(st.sampled_from(Provenance)))

    @st.composite
    def draw_decision(draw: st.DrawFn) -> Decision:
        outcome = draw(chosen)
        if outcome is Outcome.ELIGIBLE:
            found = draw(st.lists(findings(held=st.just(True)), max_size=3))
        elif outcome is Outcome.INELIGIBLE:
            found = draw(st.lists(findings(), max_size=3))
            found.insert(
                draw(st.integers(0, len(found))), draw(findings(held=st.just(False)))
            )
        else:
            found = draw(
                st.lists(findings(held=st.sampled_from([True, None])), max_size=3)
            )
            found.insert(
                draw(st.integers(0, len(found))), draw(findings(held=st.none()))
            )
        return Decision.from_findings(
            rule=draw(_CHECK_IDS),
            version=draw(st.from_regex(r"[1-9][0-9]?(\.[0-9]{1,2})?", fullmatch=True)),
            on=draw(days),
            findings=found,
            provenance=draw(provenances),
            policy_fingerprint=draw(
                st.text("0123456789abcdef", min_size=64, max_size=64)
            ),
            amount=draw(_optional(amounts())) if outcome is Outcome.ELIGIBLE else None,
        )

    return draw_decision()


def policy_problems() -> st.SearchStrategy[PolicyProblem]:
    """Draw policy-file problems: a file name, a path inside it and a message."""
    return st.builds(
        PolicyProblem,
        file=_IDS.map(lambda s: f"{s}.toml"),
        path=st.from_regex(r"parameters\.[a-z_.]{1,20}", fullmatch=True),
        message=_NAMES,
    )


def input_problems() -> st.SearchStrategy[InputProblem]:
    """Draw problems found in JSON input: a JSON path (or the empty string) and a message."""
    return st.builds(
        InputProblem,
        path=st.just("")
        | st.from_regex(
            r"[a-z_]{1,10}(\[[0-9]{1,2}\])?(\.[a-z_]{1,10}){0,3}", fullmatch=True
        ),
        message=_NAMES,
    )


# --- the bundled policy ------------------------------------------------------------


def policies() -> st.SearchStrategy[Policy]:
    """The bundled policy (:meth:`Policy.default <skillchain.Policy.default>`).

    A made-up policy would not be the library's; overlay your own on the drawn one
    (:meth:`~skillchain.Policy.overlay`) to test a reform.
    """
    return st.builds(Policy.default)


def policy_snapshots(
    *, on: "st.SearchStrategy[date] | None" = None
) -> st.SearchStrategy[PolicySnapshot]:
    """Draw snapshots of the bundled policy on days from 2019 to 2030.

    Args:
        on: The days; 2019-2030 if None.

    Raises:
        hypothesis.errors.InvalidArgument: *on* is not a strategy.
    """
    _check_strategy("on", on)
    days = _or(on, st.dates(_POLICY_FIRST, _POLICY_LAST))
    return days.map(lambda day: Policy.default().at(day))


def policy_programmes() -> st.SearchStrategy[Programme]:
    """Draw entries of the programme table (:func:`skillchain.policy.programmes`).

    The table as it stands when the strategy is made: the bundled programmes, and any
    registered with :func:`~skillchain.policy.register_programme` before.
    """
    return st.sampled_from(registered_programmes())


@overload
def parameter_groups(
    group: type[T], *, on: "st.SearchStrategy[date] | None" = None
) -> st.SearchStrategy[T]: ...


@overload
def parameter_groups(
    group: str, *, on: "st.SearchStrategy[date] | None" = None
) -> st.SearchStrategy[Any]: ...


def parameter_groups(
    group: type[Any] | str, *, on: "st.SearchStrategy[date] | None" = None
) -> st.SearchStrategy[Any]:
    """Draw one programme's parameters as they stand on a day, under the default policy.

    Works for every registered programme, bundled or added with
    :func:`~skillchain.policy.register_programme` (register it before drawing).

    Args:
        group: The programme's key (``"levels"``) or its parameter class
            (:class:`~skillchain.policy.LevelApplicationParameters`); with a class the
            strategy is typed as that class.
        on: The days; 2019-2030 if None.

    Raises:
        hypothesis.errors.InvalidArgument: *group* is no registered programme's key
            or parameter class, or *on* is not a strategy.

    Example:
        >>> from hypothesis import given
        >>> from skillchain.policy import ApprenticeshipParameters
        >>> from skillchain.testing.strategies import parameter_groups
        >>> @given(parameter_groups(ApprenticeshipParameters))
        ... def test_contracts(params):
        ...     assert params.contract_min_months.name == "apprenticeship.contract_min_months"
        >>> test_contracts()
    """
    _check_strategy("on", on)
    if isinstance(group, str):
        key = group if group in GROUPS else None
    else:
        key = next((k for k, cls in GROUPS.items() if cls is group), None)
    if key is None:
        known = ", ".join(GROUPS)
        msg = (
            f"group={group!r} is no registered programme's key or parameter class; "
            f"the programmes are {known}"
        )
        raise InvalidArgument(msg)
    return policy_snapshots(on=on).map(lambda snapshot: snapshot.group(key))


# --- carriers ---


def carrier_award_allocations() -> st.SearchStrategy[CarrierAwardAllocation]:
    """Draw carrier-award allocations: ranked applications with one decision each."""

    @st.composite
    def draw_allocation(draw: st.DrawFn) -> CarrierAwardAllocation:
        ranked = tuple(
            draw(st.lists(carrier_award_applications(), max_size=3, unique=True))
        )
        chosen = tuple(draw(decisions()) for _ in ranked)
        return CarrierAwardAllocation(ranked=ranked, decisions=chosen)

    return draw_allocation()


# --- craftsman ---

_CRAFTSMAN_HONOUR_KEYS: Final = (
    "zhonghua-skills-award",
    "national-technical-expert",
    "guangdong-technical-expert",
    "shenzhen-skill-model",
    "shenzhen-technical-expert",
    "pengcheng-craftsman",
)


def craftsman_applications(
    *,
    persons: "st.SearchStrategy[ResidentId] | None" = None,
    years: "st.SearchStrategy[int] | None" = None,
) -> st.SearchStrategy[CraftsmanApplication]:
    """Draw 鹏城工匠 applications: records all the candidate's, deadline in the year.

    Honours are drawn with catalog keys (qualifying or not) as well as random ones.

    Args:
        persons: The candidates' identity numbers; any if None.
        years: The round years; 2016-2030 if None.

    Raises:
        hypothesis.errors.InvalidArgument: An option is not a strategy.
    """
    _check_strategy("persons", persons)
    _check_strategy("years", years)
    people = _or(persons, resident_ids(max_birth=date(2000, 12, 31)))
    rounds = _or(years, st.integers(2016, 2030))

    @st.composite
    def draw_application(draw: st.DrawFn) -> CraftsmanApplication:
        person = draw(people)
        year = draw(rounds)
        mine = st.just(person)
        honour = st.builds(
            Honour,
            holder=mine,
            key=st.sampled_from(_CRAFTSMAN_HONOUR_KEYS) | _IDS,
            title=_NAMES,
            awarded_on=_days(date(2000, 1, 1), _POLICY_LAST),
        )
        honour_list = draw(st.lists(honour, max_size=2))
        return CraftsmanApplication(
            person=person,
            year=year,
            deadline=draw(_days(date(year, 1, 1), date(year, 12, 31))),
            frontline_posts=draw(
                _optional(st.lists(employments(), max_size=3).map(tuple))
            ),
            certificates=tuple(draw(st.lists(certificates(holders=mine), max_size=2))),
            equivalent_level=draw(_optional(st.booleans())),
            honours=tuple(honour_list),
            results=tuple(
                draw(st.lists(competition_results(persons=mine), max_size=2))
            ),
            other_merit=draw(_optional(st.booleans())),
            review_score=draw(_optional(amounts(max_value=100, places=1))),
        )

    return draw_application()


def craftsman_selections() -> st.SearchStrategy[CraftsmanSelection]:
    """Draw 鹏城工匠 selections: distinct applications with one decision each."""

    @st.composite
    def draw_selection(draw: st.DrawFn) -> CraftsmanSelection:
        ranked = tuple(
            draw(st.lists(craftsman_applications(), max_size=3, unique=True))
        )
        return CraftsmanSelection(
            ranked=ranked, decisions=tuple(draw(decisions()) for _ in ranked)
        )

    return draw_selection()


# --- rewards ---

# --- chains ---


def chain_leader_applications(
    *, firms: "st.SearchStrategy[Enterprise] | None" = None
) -> st.SearchStrategy[ChainLeaderApplication]:
    """Draw chain-leader incubation applications with any mix of known facts.

    Args:
        firms: The applying enterprises; any if None.

    Raises:
        hypothesis.errors.InvalidArgument: *firms* is not a strategy.
    """
    _check_strategy("firms", firms)

    @st.composite
    def draw_application(draw: st.DrawFn) -> ChainLeaderApplication:
        return ChainLeaderApplication(
            enterprise=draw(_or(firms, enterprises())),
            chain_enterprises=draw(_optional(st.integers(0, 40))),
            chain_jobs=draw(_optional(st.integers(0, 2000))),
            eight_level_ladder=draw(_FLAGS),
            school_cooperation=draw(_FLAGS),
            notable_results=draw(_FLAGS),
        )

    return draw_application()


# --- experts ---


def expert_recommendations() -> st.SearchStrategy[ExpertRecommendation]:
    """Draw recommendation results: one nomination per person, one decision each."""

    @st.composite
    def draw_result(draw: st.DrawFn) -> ExpertRecommendation:
        ranked = tuple(
            draw(
                st.lists(
                    expert_nominations(),
                    max_size=3,
                    unique_by=lambda nomination: nomination.expert.person,
                )
            )
        )
        return ExpertRecommendation(
            quota=draw(_optional(st.integers(0, 50))),
            ranked=ranked,
            decisions=tuple(draw(decisions()) for _ in ranked),
        )

    return draw_result()


# --- competitions ---


def competition_entries(
    *,
    persons: "st.SearchStrategy[ResidentId] | None" = None,
    events: "st.SearchStrategy[Competition] | None" = None,
) -> st.SearchStrategy[CompetitionEntry]:
    """Draw registrations for a competition event, with the entrant's own honours.

    Args:
        persons: The entrants; any born 1940-2012 if None.
        events: The events; any drawn competition if None.

    Raises:
        hypothesis.errors.InvalidArgument: An option is not a strategy.
    """
    _check_strategy("persons", persons)
    _check_strategy("events", events)

    @st.composite
    def draw_entry(draw: st.DrawFn) -> CompetitionEntry:
        person = draw(_or(persons, resident_ids(max_birth=date(2012, 12, 31))))
        return CompetitionEntry(
            person=person,
            competition=draw(_or(events, _all_competitions())),
            works_or_studies_in_shenzhen=draw(_FLAGS),
            nominated=draw(_FLAGS),
            cadre_post=draw(_FLAGS),
            honours=tuple(draw(st.lists(honours(holders=st.just(person)), max_size=2))),
        )

    return draw_entry()


def technical_expert_awards() -> st.SearchStrategy[TechnicalExpertAwards]:
    """Draw 深圳市技术能手 results: an event's results with one decision each."""

    @st.composite
    def draw_awards(draw: st.DrawFn) -> TechnicalExpertAwards:
        event = draw(_all_competitions())
        ranked = tuple(
            draw(st.lists(competition_results(competitions=st.just(event)), max_size=3))
        )
        return TechnicalExpertAwards(
            competition=event,
            quota=draw(_optional(st.integers(0, 8))),
            ranked=ranked,
            decisions=tuple(draw(decisions()) for _ in ranked),
        )

    return draw_awards()


# --- level application ---
#: The editions of the bundled templates (levels.standards).
_LEVEL_TEMPLATES: Final = ("template-a", "template-b", "template-c")


def application_routes(
    *, levels: "st.SearchStrategy[SkillLevel] | None" = None
) -> st.SearchStrategy[ApplicationRoute]:
    """Draw routes to a skill level (one alternative of a standard's 申报条件).

    The years are counted from a certificate or title only when the route needs one.

    Args:
        levels: The levels the routes lead to; any if None.

    Raises:
        hypothesis.errors.InvalidArgument: *levels* is not a strategy.
    """
    _check_strategy("levels", levels)
    targets = _or(levels, st.sampled_from(SkillLevel))

    @st.composite
    def draw_route(draw: st.DrawFn) -> ApplicationRoute:
        certificate = draw(_optional(st.sampled_from(SkillLevel)))
        title = draw(_optional(st.sampled_from(ProfessionalTitleLevel)))
        counts = [YearsCountedFrom.START]
        if certificate is not None:
            counts.append(YearsCountedFrom.CERTIFICATE)
        if title is not None:
            counts.append(YearsCountedFrom.TITLE)
        return ApplicationRoute(
            level=draw(targets),
            certificate=certificate,
            schooling=draw(st.frozensets(st.sampled_from(Schooling))),
            title=title,
            apprenticeship=draw(st.booleans()),
            years=draw(st.integers(min_value=0, max_value=12)),
            counted_from=draw(st.sampled_from(counts)),
        )

    return draw_route()


def application_standards(
    *, occupations: "st.SearchStrategy[OccupationCode | None] | None" = None
) -> st.SearchStrategy[ApplicationStandard]:
    """Draw application standards (or templates, with no occupation).

    Args:
        occupations: The occupations; a detailed code or None (a template) if None.

    Raises:
        hypothesis.errors.InvalidArgument: *occupations* is not a strategy.
    """
    _check_strategy("occupations", occupations)
    return st.builds(
        ApplicationStandard,
        occupation=_or(occupations, _optional(occupation_codes(detail=True))),
        edition=st.sampled_from(_LEVEL_TEMPLATES) | _IDS,
        routes=st.lists(application_routes(), min_size=1, max_size=6).map(tuple),
        document=_IDS,
        provenance=st.sampled_from(Provenance),
        note=_optional(_NAMES),
    )


def level_applications(
    *,
    targets: "st.SearchStrategy[SkillLevel] | None" = None,
    editions: "st.SearchStrategy[str] | None" = None,
) -> st.SearchStrategy[LevelApplication]:
    """Draw applications for a skill level, with the applicant's own certificates.

    Most certificates are of the occupation applied in; work periods, diplomas,
    titles and the apprenticeship are sometimes unknown (``None``).

    Args:
        targets: The levels applied for; any if None.
        editions: The editions; a bundled template's or another name if None.

    Raises:
        hypothesis.errors.InvalidArgument: An option is not a strategy.
    """
    _check_strategy("targets", targets)
    _check_strategy("editions", editions)
    levels = _or(targets, st.sampled_from(SkillLevel))
    names = _or(editions, st.sampled_from(_LEVEL_TEMPLATES) | _IDS)

    from attrs import evolve

    @st.composite
    def draw_application(draw: st.DrawFn) -> LevelApplication:
        applicant = draw(resident_ids(max_birth=date(2008, 12, 31)))
        occupation = draw(occupation_codes(detail=True))
        drawn = draw(
            st.lists(
                certificates(
                    holders=st.just(applicant),
                    kinds=st.just(CertificateKind.SKILL_LEVEL),
                ),
                max_size=3,
            )
        )
        same = draw(st.lists(st.booleans(), min_size=len(drawn), max_size=len(drawn)))
        held = tuple(
            evolve(cert, occupation=occupation) if keep else cert
            for cert, keep in zip(drawn, same, strict=True)
        )
        work = st.lists(
            date_ranges(min_value=date(2000, 1, 1), max_value=_POLICY_LAST), max_size=3
        ).map(tuple)
        titles = st.lists(
            professional_titles(holders=st.just(applicant)), max_size=2
        ).map(tuple)
        return LevelApplication(
            applicant=applicant,
            occupation=occupation,
            edition=draw(names),
            target=draw(levels),
            certificates=held,
            work=draw(_optional(work)),
            schooling=draw(_optional(st.frozensets(st.sampled_from(Schooling)))),
            titles=draw(_optional(titles)),
            apprenticeship_completed=draw(_FLAGS),
        )

    return draw_application()


def parameters() -> st.SearchStrategy[Parameter]:
    """Draw the bundled policy's parameters."""
    return st.sampled_from(sorted(Policy.default().parameters)).map(
        lambda name: Policy.default().parameters[name]
    )


def parameter_specs() -> st.SearchStrategy[ParameterSpec]:
    """Draw the declared parameter specifications (name, kind, unit, snapshot field)."""
    return st.sampled_from(sorted(specs())).map(lambda name: specs()[name])


def parameter_kinds() -> st.SearchStrategy[Kind[object]]:
    """Draw the parameter kinds the declared specifications use."""
    return parameter_specs().map(lambda spec: spec.kind)


def resolved_values(
    *, values: "st.SearchStrategy[T] | None" = None
) -> st.SearchStrategy[Resolved[Any]]:
    """Draw resolved parameter values.

    Without *values*, the dated values of the bundled policy.  With *values*, a
    value drawn from it under a drawn name, period and citation (the provenance is
    the cited document's), or, sometimes, no value in force (everything ``None``).

    Args:
        values: The values to wrap; the bundled policy's own if None.

    Raises:
        hypothesis.errors.InvalidArgument: *values* is not a strategy.
    """
    _check_strategy("values", values)
    if values is None:
        return st.deferred(
            lambda: st.sampled_from(
                [v for p in Policy.default().parameters.values() for v in p.values]
            )
        )
    wrapped = values

    @st.composite
    def draw_resolved(draw: st.DrawFn) -> Resolved[Any]:
        name = draw(st.from_regex(r"[a-z_]{1,12}\.[a-z_]{1,16}", fullmatch=True))
        if draw(st.integers(0, 4)) == 0:
            return Resolved(name=name, value=None)
        citation = draw(citations())
        return Resolved(
            name=name,
            value=draw(wrapped),
            period=draw(date_ranges(min_value=_POLICY_FIRST, max_value=_POLICY_LAST)),
            citation=citation,
            provenance=citation.document.provenance,
            note=draw(_optional(_NAMES)),
        )

    return draw_resolved()


# --- people and organisations -------------------------------------------------------


def insurance_periods(
    *, divisions: "st.SearchStrategy[DivisionCode] | None" = None
) -> st.SearchStrategy[InsurancePeriod]:
    """Draw social-insurance contribution periods (参保缴费期间), 1990-2030.

    Args:
        divisions: The divisions insured in; any if None.
    """
    _check_strategy("divisions", divisions)
    return st.builds(
        InsurancePeriod,
        division=_or(divisions, division_codes()),
        period=date_ranges(min_value=date(1990, 1, 1), max_value=_POLICY_LAST),
        employer=_optional(credit_codes()),
    )


def employments() -> st.SearchStrategy[Employment]:
    """Draw employment spells (就业经历), 1990-2030."""
    return st.builds(
        Employment,
        period=date_ranges(min_value=date(1990, 1, 1), max_value=_POLICY_LAST),
        employer=_optional(credit_codes()),
        employer_name=_optional(_NAMES),
        post=_optional(st.sampled_from(PostType)),
    )


def persons(
    *,
    ids: "st.SearchStrategy[ResidentId] | None" = None,
    hukou: "st.SearchStrategy[DivisionCode | None] | None" = None,
) -> st.SearchStrategy[Person]:
    """Draw people with any mix of known and unknown facts.

    Args:
        ids: The identity numbers; any valid number if None.
        hukou: The household-registration divisions (户籍); any or unknown if None.

    Raises:
        hypothesis.errors.InvalidArgument: An option is not a strategy.
    """
    _check_strategy("ids", ids)
    _check_strategy("hukou", hukou)
    return st.builds(
        Person,
        id=_or(ids, resident_ids()),
        name=_optional(_NAMES),
        hukou_division=_or(hukou, _optional(division_codes())),
        insurance=_optional(st.lists(insurance_periods(), max_size=3).map(tuple)),
        employment=_optional(st.lists(employments(), max_size=3).map(tuple)),
        civil_service_establishment=_FLAGS,
        full_time_student=_FLAGS,
        school_kind=_optional(st.sampled_from(SchoolKind)),
        drawing_pension=_FLAGS,
        registered_unemployed=_FLAGS,
    )


def evaluation_qualifications() -> st.SearchStrategy[EvaluationQualification]:
    """Draw skill-evaluation qualifications: an occupation up to a level."""
    return st.builds(
        EvaluationQualification,
        occupation=occupation_codes(detail=True),
        max_level=st.sampled_from(SkillLevel),
        filed_on=_optional(_days(date(2019, 1, 1), _POLICY_LAST)),
    )


def training_institutions(
    *, kinds: "st.SearchStrategy[InstitutionKind] | None" = None
) -> st.SearchStrategy[TrainingInstitution]:
    """Draw training institutions; a certificate number only when approved or filed.

    Args:
        kinds: The institution kinds; any if None.

    Raises:
        hypothesis.errors.InvalidArgument: *kinds* is not a strategy.
    """
    _check_strategy("kinds", kinds)

    @st.composite
    def draw_institution(draw: st.DrawFn) -> TrainingInstitution:
        status = draw(_optional(st.sampled_from(RegulatoryStatus)))
        numbered = status is not RegulatoryStatus.NONE
        return TrainingInstitution(
            name=draw(_NAMES),
            kind=draw(_or(kinds, st.sampled_from(InstitutionKind))),
            credit_code=draw(_optional(credit_codes())),
            ownership=draw(_optional(st.sampled_from(Ownership))),
            regulatory_status=status,
            certificate_number=draw(
                _optional(st.text("0123456789", min_size=1, max_size=12))
            )
            if numbered
            else None,
            division=draw(_optional(division_codes())),
            evaluation_qualifications=tuple(
                draw(st.lists(evaluation_qualifications(), max_size=2))
            ),
        )

    return draw_institution()


def enterprises(
    *,
    divisions: "st.SearchStrategy[DivisionCode] | None" = None,
    sizes: "st.SearchStrategy[EnterpriseSize | None] | None" = None,
) -> st.SearchStrategy[Enterprise]:
    """Draw enterprises with any mix of known and unknown facts.

    Args:
        divisions: The registered divisions; any if None.
        sizes: The enterprise sizes; any or unknown if None.

    Raises:
        hypothesis.errors.InvalidArgument: An option is not a strategy.
    """
    _check_strategy("divisions", divisions)
    _check_strategy("sizes", sizes)
    return st.builds(
        Enterprise,
        credit_code=credit_codes(),
        name=_NAMES,
        registered_division=_or(divisions, division_codes()),
        independent_legal_person=_FLAGS,
        operating_normally=_FLAGS,
        size=_or(sizes, _optional(st.sampled_from(EnterpriseSize))),
        insured_headcount_city=_optional(st.integers(0, 100_000)),
        on_dishonest_list=_FLAGS,
        clean_record_years=_optional(st.integers(0, 50)),
        cluster_tags=st.frozensets(_NAMES, max_size=3),
        above_designated_size=_FLAGS,
        listed=_FLAGS,
        specialised=_FLAGS,
        group_company=_FLAGS,
        industry_education_integration=_FLAGS,
        has_training_system=_FLAGS,
        has_mentors_premises_equipment=_FLAGS,
        evaluation_qualifications=st.lists(evaluation_qualifications(), max_size=2).map(
            tuple
        ),
        training_centre=_optional(training_institutions()),
    )


def skill_evaluation_organisations() -> st.SearchStrategy[SkillEvaluationOrganisation]:
    """Draw skill-evaluation organisations (职业技能等级认定机构)."""
    return st.builds(
        SkillEvaluationOrganisation,
        name=_NAMES,
        credit_code=credit_codes(),
        kind=st.sampled_from(EvaluationOrganisationKind),
        filed_with=_optional(division_codes()),
        filed_on=_optional(_days(date(2019, 1, 1), _POLICY_LAST)),
        qualifications=st.lists(evaluation_qualifications(), max_size=3).map(tuple),
    )


# --- apprenticeship ----------------------------------------------------------------


def mentors(
    *, side: "st.SearchStrategy[MentorSide] | None" = None
) -> st.SearchStrategy[Mentor]:
    """Draw mentors (导师).

    Args:
        side: The sides; either if None.

    Raises:
        hypothesis.errors.InvalidArgument: *side* is not a strategy.
    """
    _check_strategy("side", side)
    return st.builds(
        Mentor,
        name=_NAMES,
        side=_or(side, st.sampled_from(MentorSide)),
        skill_level=_optional(st.sampled_from(SkillLevel)),
        professional_title=_optional(_NAMES),
        years_of_experience=_optional(st.integers(0, 50)),
    )


def labour_contracts(
    *, start: "st.SearchStrategy[date] | None" = None
) -> st.SearchStrategy[LabourContract]:
    """Draw labour contracts, fixed-term (end on or after start) or open-ended.

    Args:
        start: The start days; 2000-2040 if None.

    Raises:
        hypothesis.errors.InvalidArgument: *start* is not a strategy.
    """
    _check_strategy("start", start)
    starts = _or(start, _days(date(2000, 1, 1), date(2040, 12, 31)))

    @st.composite
    def draw_contract(draw: st.DrawFn) -> LabourContract:
        first = draw(starts)
        end = draw(_optional(st.dates(first, max(first, date(2060, 12, 31)))))
        return LabourContract(start=first, end=end)

    return draw_contract()


def subsidy_claims(
    *,
    kinds: "st.SearchStrategy[SubsidyKind] | None" = None,
    years: "st.SearchStrategy[int] | None" = None,
) -> st.SearchStrategy[SubsidyClaim]:
    """Draw subsidy claims already made (补贴申领记录).

    Args:
        kinds: The subsidy kinds; any if None.
        years: The claim years; 2019-2030 if None.

    Raises:
        hypothesis.errors.InvalidArgument: An option is not a strategy.
    """
    _check_strategy("kinds", kinds)
    _check_strategy("years", years)
    return st.builds(
        SubsidyClaim,
        kind=_or(kinds, st.sampled_from(SubsidyKind)),
        year=_or(years, st.integers(2019, 2030)),
        occupation=_optional(occupation_codes(detail=True)),
        level=_optional(st.sampled_from(SkillLevel)),
        amount=_optional(amounts(max_value=100_000)),
        paid_on=_optional(_days(_POLICY_FIRST, _POLICY_LAST)),
        division=_optional(division_codes()),
    )


def programmes(
    *,
    levels: "st.SearchStrategy[SkillLevel] | None" = None,
    start: "st.SearchStrategy[date] | None" = None,
    enterprises: "st.SearchStrategy[CreditCode] | None" = None,
    occupations: "st.SearchStrategy[OccupationCode] | None" = None,
) -> st.SearchStrategy[ApprenticeshipProgramme]:
    """Draw apprenticeship programmes (学徒培养项目); 企校双师带徒 comes with both mentors.

    Args:
        levels: The target levels; any if None.
        start: The start days; 2019-2030 if None.
        enterprises: The enterprises' credit codes; any if None.
        occupations: The occupations; any detailed occupation if None.

    Raises:
        hypothesis.errors.InvalidArgument: An option is not a strategy.
    """
    for name, value in (
        ("levels", levels),
        ("start", start),
        ("enterprises", enterprises),
        ("occupations", occupations),
    ):
        _check_strategy(name, value)
    target = _or(levels, st.sampled_from(SkillLevel))
    starts = _or(start, _days(_POLICY_FIRST, _POLICY_LAST))
    codes = _or(enterprises, credit_codes())
    jobs = _or(occupations, occupation_codes(detail=True))

    @st.composite
    def draw_programme(draw: st.DrawFn) -> ApprenticeshipProgramme:
        modes = draw(st.frozensets(st.sampled_from(TrainingMode)))
        dual = TrainingMode.DUAL_MENTORS in modes
        first = draw(starts)
        room = (10000 * 12 - 1) - (first.year * 12 + first.month - 1)
        return ApprenticeshipProgramme(
            enterprise=draw(codes),
            institution=draw(training_institutions()),
            occupation=draw(jobs),
            target_level=draw(target),
            start=first,
            planned_months=draw(st.integers(1, max(1, min(48, room)))),
            modes=modes,
            status=draw(st.sampled_from(ProgrammeStatus)),
            reference=draw(_optional(st.from_regex(r"FT-[0-9]{3}", fullmatch=True))),
            special_case=draw(_FLAGS),
            enterprise_mentor=draw(
                mentors(side=st.just(MentorSide.ENTERPRISE))
                if dual
                else _optional(mentors(side=st.just(MentorSide.ENTERPRISE)))
            ),
            institution_mentor=draw(
                mentors(side=st.just(MentorSide.INSTITUTION))
                if dual
                else _optional(mentors(side=st.just(MentorSide.INSTITUTION)))
            ),
            online_hours=draw(_optional(amounts(max_value=10_000, places=1))),
            professional_basics_hours=draw(
                _optional(amounts(max_value=10_000, places=1))
            ),
            filing_division=draw(_optional(division_codes())),
            filed_on=draw(_optional(_days(date(2018, 1, 1), _POLICY_LAST))),
            district_quota_year=draw(_optional(st.integers(2019, 2030))),
        )

    return draw_programme()


def enrolments(
    *,
    ids: "st.SearchStrategy[ResidentId] | None" = None,
    programmes: "st.SearchStrategy[ApprenticeshipProgramme] | None" = None,
) -> st.SearchStrategy[ApprenticeEnrolment]:
    """Draw apprentice enrolments (学徒), with a claim history of up to three claims.

    Args:
        ids: The apprentices' identity numbers; any if None.
        programmes: The programmes enrolled in; any drawn programme if None.

    Raises:
        hypothesis.errors.InvalidArgument: An option is not a strategy.
    """
    _check_strategy("ids", ids)
    _check_strategy("programmes", programmes)
    return st.builds(
        ApprenticeEnrolment,
        person=persons(ids=ids),
        programme=programmes if programmes is not None else _all_programmes(),
        contract=_optional(labour_contracts()),
        hire_kind=_optional(st.sampled_from(HireKind)),
        skill_post=_FLAGS,
        in_plan_same_or_higher=_FLAGS,
        filed_elsewhere_in_training=_FLAGS,
        covered_by_special_aid=_FLAGS,
        qualified=_FLAGS,
        claims=st.lists(subsidy_claims(), max_size=3).map(tuple),
    )


def _all_programmes() -> st.SearchStrategy[ApprenticeshipProgramme]:
    return programmes()


def quota_applications(
    *, programmes: "st.SearchStrategy[ApprenticeshipProgramme] | None" = None
) -> st.SearchStrategy[QuotaApplication]:
    """Draw applications for the district's apprenticeship quota (1-40 apprentices).

    Args:
        programmes: The programmes applied for; any drawn programme if None.

    Raises:
        hypothesis.errors.InvalidArgument: *programmes* is not a strategy.
    """
    _check_strategy("programmes", programmes)
    return st.builds(
        QuotaApplication,
        programme=programmes if programmes is not None else _all_programmes(),
        apprentices=st.integers(1, 40),
    )


def quota_allocations() -> st.SearchStrategy[QuotaAllocation]:
    """Draw quota allocations: ranked applications with one decision each."""

    @st.composite
    def draw_allocation(draw: st.DrawFn) -> QuotaAllocation:
        ranked = tuple(draw(st.lists(quota_applications(), max_size=3)))
        return QuotaAllocation(
            quota=draw(_optional(st.integers(0, 100))),
            ranked=ranked,
            decisions=tuple(draw(decisions()) for _ in ranked),
        )

    return draw_allocation()


def allocations() -> st.SearchStrategy[Allocation[QuotaApplication]]:
    """Draw plain allocations (the base of the five allocation results), of quota
    applications with one decision each."""
    return quota_allocations().map(
        lambda drawn: Allocation(ranked=drawn.ranked, decisions=drawn.decisions)
    )


# --- recognition ------------------------------------------------------------------


_EVALUATORS: Final = frozenset(
    {IssuerKind.SOCIAL_EVALUATION_ORGANISATION, IssuerKind.EMPLOYER_SELF_EVALUATION}
)


def certificates(
    *,
    holders: "st.SearchStrategy[ResidentId] | None" = None,
    kinds: "st.SearchStrategy[CertificateKind] | None" = None,
    levels: "st.SearchStrategy[SkillLevel] | None" = None,
    issued_on: "st.SearchStrategy[date] | None" = None,
) -> st.SearchStrategy[Certificate]:
    """Draw certificates (证书) that meet their kind's requirements.

    A skill-level certificate has an occupation and a level; a practising
    qualification has a name and no level; an evaluator's filing division only
    for certificates an evaluation body issued.

    Args:
        holders: The holders; any if None.
        kinds: The certificate kinds; any if None.
        levels: The levels where the kind allows one; any or none if None.
        issued_on: The issue days; 2000-2030 if None.

    Raises:
        hypothesis.errors.InvalidArgument: An option is not a strategy.
    """
    for name, value in (
        ("holders", holders),
        ("kinds", kinds),
        ("levels", levels),
        ("issued_on", issued_on),
    ):
        _check_strategy(name, value)
    people = _or(holders, resident_ids(max_birth=date(2012, 12, 31)))
    sorts = _or(kinds, st.sampled_from(CertificateKind))
    days = _or(issued_on, _days(date(2000, 1, 1), _POLICY_LAST))

    @st.composite
    def draw_certificate(draw: st.DrawFn) -> Certificate:
        kind = draw(sorts)
        level_given = _or(levels, st.sampled_from(SkillLevel))
        if kind is CertificateKind.SKILL_LEVEL:
            level: SkillLevel | None = draw(level_given)
            occupation: OccupationCode | None = draw(occupation_codes(detail=True))
            qualification = draw(_optional(_NAMES))
        elif kind is CertificateKind.PRACTISING_QUALIFICATION:
            level = None
            occupation = draw(_optional(occupation_codes(detail=True)))
            qualification = draw(_NAMES)
        else:
            level = draw(_optional(level_given))
            occupation = draw(_optional(occupation_codes(detail=True)))
            qualification = (
                draw(_NAMES) if occupation is None else draw(_optional(_NAMES))
            )
        issuer = draw(st.sampled_from(IssuerKind))
        issued = draw(days)
        return Certificate(
            holder=draw(people),
            kind=kind,
            issued_on=issued,
            issuer_kind=issuer,
            occupation=occupation,
            qualification=qualification,
            level=level,
            number=draw(_optional(st.text("0123456789", min_size=1, max_size=18))),
            issuer_name=draw(_optional(_NAMES)),
            issuer_division=draw(_optional(division_codes())),
            evaluator_filed_with=draw(_optional(division_codes()))
            if issuer in _EVALUATORS
            else None,
            in_national_query_system=draw(_FLAGS),
            valid_until=draw(
                _optional(st.dates(issued, max(issued, date(2060, 12, 31))))
            ),
        )

    return draw_certificate()


def competitions(
    *,
    tiers: "st.SearchStrategy[CompetitionTier] | None" = None,
    years: "st.SearchStrategy[int] | None" = None,
    formats: "st.SearchStrategy[CompetitionFormat] | None" = None,
) -> st.SearchStrategy[Competition]:
    """Draw skills competitions (职业技能竞赛); a team size only for team events.

    Args:
        tiers: The tiers; any if None.
        years: The years; 2000-2030 if None.
        formats: Individual or team; either if None.

    Raises:
        hypothesis.errors.InvalidArgument: An option is not a strategy.
    """
    for name, value in (("tiers", tiers), ("years", years), ("formats", formats)):
        _check_strategy(name, value)

    @st.composite
    def draw_competition(draw: st.DrawFn) -> Competition:
        year = draw(_or(years, st.integers(2000, 2030)))
        form = draw(_or(formats, st.sampled_from(CompetitionFormat)))
        team = form is CompetitionFormat.TEAM
        return Competition(
            name=draw(_NAMES),
            year=year,
            tier=draw(_or(tiers, st.sampled_from(CompetitionTier))),
            event=draw(_NAMES),
            competition_format=form,
            competition_class=draw(_optional(st.sampled_from(CompetitionClass))),
            occupation=draw(_optional(occupation_codes(detail=True))),
            team_size=draw(_optional(st.integers(2, 6))) if team else None,
            finalists=draw(_optional(st.integers(0, 200))),
            organisers=tuple(draw(st.lists(_NAMES, max_size=2))),
            held_on=draw(_optional(st.dates(date(year, 1, 1), date(year, 12, 31)))),
            open_nationwide=draw(st.booleans()),
        )

    return draw_competition()


def competition_results(
    *,
    persons: "st.SearchStrategy[ResidentId] | None" = None,
    competitions: "st.SearchStrategy[Competition] | None" = None,
) -> st.SearchStrategy[CompetitionResult]:
    """Draw competition results; teammates only in team events, within the team size.

    Args:
        persons: The competitors' identity numbers; any if None.
        competitions: The competitions; any drawn competition if None.

    Raises:
        hypothesis.errors.InvalidArgument: An option is not a strategy.
    """
    _check_strategy("persons", persons)
    _check_strategy("competitions", competitions)
    people = _or(persons, resident_ids(max_birth=date(2012, 12, 31)))
    events = competitions if competitions is not None else _all_competitions()

    @st.composite
    def draw_result(draw: st.DrawFn) -> CompetitionResult:
        competition = draw(events)
        person = draw(people)
        finalists = competition.finalists
        if finalists == 0:
            rank = None
        else:
            rank = draw(_optional(st.integers(1, finalists or 200)))
        teammates: list[ResidentId] = []
        if competition.competition_format is CompetitionFormat.TEAM:
            most = (competition.team_size or 4) - 1
            others = draw(
                st.lists(
                    resident_ids(max_birth=date(2012, 12, 31)),
                    max_size=most,
                    unique=True,
                )
            )
            teammates = [t for t in others if t != person]
        return CompetitionResult(
            person=person,
            competition=competition,
            rank=rank,
            award=draw(_optional(st.sampled_from(CompetitionAward))),
            team_members=tuple(teammates),
            as_coach=draw(st.booleans()),
            passed_all_parts=draw(_FLAGS),
        )

    return draw_result()


def _all_competitions() -> st.SearchStrategy[Competition]:
    return competitions()


def honours(
    *, holders: "st.SearchStrategy[ResidentId] | None" = None
) -> st.SearchStrategy[Honour]:
    """Draw honours awarded to a person (荣誉称号).

    Args:
        holders: The holders; any if None.

    Raises:
        hypothesis.errors.InvalidArgument: *holders* is not a strategy.
    """
    _check_strategy("holders", holders)
    return st.builds(
        Honour,
        holder=_or(holders, resident_ids(max_birth=date(2012, 12, 31))),
        key=_IDS,
        title=_NAMES,
        awarded_on=_days(date(2000, 1, 1), _POLICY_LAST),
        issuer=_optional(_NAMES),
        level=_optional(st.sampled_from(RecognitionLevel)),
        event=_optional(_NAMES),
    )


def professional_titles(
    *, holders: "st.SearchStrategy[ResidentId] | None" = None
) -> st.SearchStrategy[ProfessionalTitle]:
    """Draw professional titles (职称).

    Args:
        holders: The holders; any if None.

    Raises:
        hypothesis.errors.InvalidArgument: *holders* is not a strategy.
    """
    _check_strategy("holders", holders)
    return st.builds(
        ProfessionalTitle,
        holder=_or(holders, resident_ids(max_birth=date(2012, 12, 31))),
        level=st.sampled_from(ProfessionalTitleLevel),
        name=_optional(_NAMES),
        conferred_on=_optional(_days(date(2000, 1, 1), _POLICY_LAST)),
    )


def talent_reward_claims(
    *,
    kinds: "st.SearchStrategy[TalentRewardKind] | None" = None,
    persons: "st.SearchStrategy[ResidentId] | None" = None,
) -> st.SearchStrategy[TalentRewardClaim]:
    """Draw 福田英才荟 reward claims whose basis the claimant holds and obtained first.

    Args:
        kinds: The reward kinds; either if None.
        persons: The claimants; any if None.

    Raises:
        hypothesis.errors.InvalidArgument: An option is not a strategy.
    """
    _check_strategy("kinds", kinds)
    _check_strategy("persons", persons)
    people = _or(persons, resident_ids(max_birth=date(2012, 12, 31)))

    @st.composite
    def draw_claim(draw: st.DrawFn) -> TalentRewardClaim:
        person = draw(people)
        mine = st.just(person)
        basis = draw(
            st.one_of(
                honours(holders=mine),
                certificates(holders=mine),
                professional_titles(holders=mine),
                competition_results(persons=mine),
            )
        )
        if isinstance(basis, Honour):
            basis_day: date | None = basis.awarded_on
        elif isinstance(basis, Certificate):
            basis_day = basis.issued_on
        elif isinstance(basis, ProfessionalTitle):
            basis_day = basis.conferred_on
        else:
            basis_day = basis.competition.held_on
        earliest = max(basis_day or date(2000, 1, 1), date(2000, 1, 1))
        claimed = draw(
            st.dates(earliest, max(earliest, date(2100, 12, 31))).map(
                lambda d: min(d, date(2100, 12, 31))
            )
        )
        kind = draw(_or(kinds, st.sampled_from(TalentRewardKind)))
        return TalentRewardClaim(
            person=person,
            kind=kind,
            basis=basis,
            claimed_on=claimed,
            year=claimed.year,
            employer=draw(_optional(credit_codes())),
            employed_since=draw(_optional(st.dates(date(1990, 1, 1), claimed))),
            amount_claimed=draw(_optional(amounts(max_value=1_000_000))),
            top_up=draw(st.booleans())
            if kind is TalentRewardKind.HIGH_SKILL
            else False,
            skill=draw(_optional(_NAMES)),
            employer_taxed_in_district=draw(_FLAGS),
            employer_sector=draw(
                _optional(
                    st.sampled_from(
                        ("accounting_firm", "drug_manufacturer", "medical_institution")
                    )
                )
            ),
            post_matches_basis=draw(_FLAGS),
            licence_valid_on_claim=draw(_FLAGS),
        )

    return draw_claim()


# --- training ----------------------------------------------------------------------


def partner_regions() -> st.SearchStrategy[PartnerRegion]:
    """Draw partner regions of a rural workstation, all outside Shenzhen (440300)."""
    outside = division_codes().map(
        lambda code: (
            code
            if code.prefecture != DivisionCode("440300")
            else DivisionCode("445100")
        )
    )
    return st.builds(
        PartnerRegion,
        name=_NAMES,
        division=_optional(outside),
        opened_on=_optional(_days(date(2019, 1, 1), _POLICY_LAST)),
    )


def lifelong_training_carriers(
    *, carrier_types: "st.SearchStrategy[CarrierType] | None" = None
) -> st.SearchStrategy[LifelongTrainingCarrier]:
    """Draw lifelong training carriers; partner regions only for rural workstations.

    Args:
        carrier_types: The carrier types; any if None.

    Raises:
        hypothesis.errors.InvalidArgument: *carrier_types* is not a strategy.
    """
    _check_strategy("carrier_types", carrier_types)

    @st.composite
    def draw_carrier(draw: st.DrawFn) -> LifelongTrainingCarrier:
        kind = draw(_or(carrier_types, st.sampled_from(CarrierType)))
        regions: tuple[PartnerRegion, ...] = ()
        if kind is CarrierType.RURAL_WORKSTATION:
            regions = tuple(
                draw(
                    st.lists(partner_regions(), max_size=2, unique_by=lambda r: r.name)
                )
            )
        return LifelongTrainingCarrier(
            carrier_type=kind,
            name=draw(_NAMES),
            host=draw(credit_codes()),
            host_name=draw(_NAMES),
            partner_regions=regions,
            recognised_on=draw(_optional(_days(date(2022, 1, 1), _POLICY_LAST))),
            recognised_by=draw(_optional(st.sampled_from(RecognitionLevel))),
            host_kind=draw(_optional(st.sampled_from(CarrierHostKind))),
        )

    return draw_carrier()


def carrier_award_applications() -> st.SearchStrategy[CarrierAwardApplication]:
    """Draw applications for a carrier award, 2022-2030."""
    return st.builds(
        CarrierAwardApplication,
        carrier=lifelong_training_carriers(),
        category=st.sampled_from(CarrierAwardCategory),
        year=st.integers(2022, 2030),
        project_title=_optional(_NAMES),
        total_investment=_optional(amounts()),
        annual_trainees=_optional(st.integers(0, 100_000)),
        apprentices_taught=_optional(st.integers(0, 10_000)),
        review_score=_optional(amounts(max_value=100, places=1)),
    )


def public_training_courses(
    *, projects: "st.SearchStrategy[ThreeProject | None] | None" = None
) -> st.SearchStrategy[PublicTrainingCourse]:
    """Draw public-interest training courses (公益性培训课程), 2000-2030.

    Args:
        projects: The 三项工程 projects; any or none if None.

    Raises:
        hypothesis.errors.InvalidArgument: *projects* is not a strategy.
    """
    _check_strategy("projects", projects)
    return st.builds(
        PublicTrainingCourse,
        title=_NAMES,
        delivery=st.sampled_from(DeliveryMode),
        hours=amounts(min_value=Decimal("0.5"), max_value=1000, places=1),
        year=st.integers(2000, 2030),
        organiser_name=_NAMES,
        organiser=_optional(credit_codes()),
        occupation=_optional(occupation_codes()),
        project=_or(projects, _optional(st.sampled_from(ThreeProject))),
        campaign=_optional(_NAMES),
    )


def course_enrolments() -> st.SearchStrategy[CourseEnrolment]:
    """Draw course enrolments; a completion day only for a completed course, not before enrolment."""

    @st.composite
    def draw_enrolment(draw: st.DrawFn) -> CourseEnrolment:
        enrolled = draw(_days(date(2000, 1, 1), _POLICY_LAST))
        completed = draw(_FLAGS)
        done = (
            draw(_optional(st.dates(enrolled, date(2031, 12, 31))))
            if completed
            else None
        )
        return CourseEnrolment(
            person=draw(resident_ids(max_birth=date(2012, 12, 31))),
            course=draw(public_training_courses()),
            enrolled_on=enrolled,
            completed=completed,
            completed_on=done,
        )

    return draw_enrolment()


def private_institution_filings(
    *, statuses: "st.SearchStrategy[FilingStatus] | None" = None
) -> st.SearchStrategy[PrivateInstitutionFiling]:
    """Draw filings of private training institutions (民办职业培训机构备案).

    A legal-person organiser has a credit code, an individual an identity number and
    a capacity declaration; a decision day only once decided, not before submission;
    a certificate number only once filed.

    Args:
        statuses: The filing statuses; any if None.

    Raises:
        hypothesis.errors.InvalidArgument: *statuses* is not a strategy.
    """
    _check_strategy("statuses", statuses)

    @st.composite
    def draw_filing(draw: st.DrawFn) -> PrivateInstitutionFiling:
        organiser = draw(st.sampled_from(OrganiserKind))
        legal = organiser is OrganiserKind.LEGAL_PERSON
        status = draw(_or(statuses, st.sampled_from(FilingStatus)))
        submitted = draw(_days(date(2019, 1, 1), _POLICY_LAST))
        decided = None
        if status is not FilingStatus.PENDING:
            decided = draw(_optional(st.dates(submitted, date(2031, 12, 31))))
        return PrivateInstitutionFiling(
            institution_name=draw(_NAMES),
            organiser_kind=organiser,
            division=draw(division_codes()),
            submitted_on=submitted,
            status=status,
            organiser_code=draw(credit_codes()) if legal else None,
            organiser_id=None
            if legal
            else draw(resident_ids(max_birth=date(2005, 12, 31))),
            political_rights_and_full_capacity=None if legal else draw(_FLAGS),
            lease_months=draw(_optional(st.integers(1, 240))),
            premises_area=draw(_optional(amounts(max_value=100_000))),
            full_time_teachers=draw(_optional(st.integers(0, 200))),
            part_time_teachers=draw(_optional(st.integers(0, 200))),
            premises_owned=draw(_optional(st.booleans())),
            start_up_funds=draw(_optional(amounts(max_value=10_000_000))),
            occupations=tuple(
                draw(st.lists(occupation_codes(detail=True), max_size=3, unique=True))
            ),
            decided_on=decided,
            certificate_number=draw(
                _optional(st.text("0123456789", min_size=1, max_size=12))
            )
            if status is FilingStatus.FILED
            else None,
        )

    return draw_filing()


# --- skill chains --------------------------------------------------------------------


def chain_partners() -> st.SearchStrategy[ChainPartner]:
    """Draw partner bodies of a skill chain (colleges, institutions, associations…)."""
    return st.builds(
        ChainPartner,
        name=_NAMES,
        credit_code=_optional(credit_codes()),
        kind=_optional(st.sampled_from(InstitutionKind)),
    )


def _partner_lists() -> st.SearchStrategy[tuple[ChainPartner, ...]]:
    return st.lists(
        chain_partners(),
        max_size=2,
        unique_by=lambda p: p.credit_code if p.credit_code is not None else id(p),
    ).map(tuple)


def skill_chains(
    *,
    leaders: "st.SearchStrategy[CreditCode] | None" = None,
    statuses: "st.SearchStrategy[ChainStatus] | None" = None,
) -> st.SearchStrategy[SkillChain]:
    """Draw skill chains (产教评技能生态链), 2022-2030; the leader is never a member.

    Args:
        leaders: The leaders' credit codes; any if None.
        statuses: The chain statuses; any if None.

    Raises:
        hypothesis.errors.InvalidArgument: An option is not a strategy.
    """
    _check_strategy("leaders", leaders)
    _check_strategy("statuses", statuses)

    @st.composite
    def draw_chain(draw: st.DrawFn) -> SkillChain:
        leader = draw(_or(leaders, credit_codes()))
        members = draw(st.frozensets(credit_codes(), max_size=3))
        return SkillChain(
            name=draw(_NAMES),
            leader=leader,
            status=draw(_or(statuses, st.sampled_from(ChainStatus))),
            year=draw(st.integers(2022, 2030)),
            chain_id=draw(_optional(_IDS)),
            members=members - {leader},
            colleges=draw(_partner_lists()),
            training_institutions=draw(_partner_lists()),
            evaluation_bodies=draw(_partner_lists()),
            hr_service_bodies=draw(_partner_lists()),
            industry_associations=draw(_partner_lists()),
            industry=draw(_optional(_NAMES)),
        )

    return draw_chain()


def chain_leader_designations() -> st.SearchStrategy[ChainLeaderDesignation]:
    """Draw chain-leader designations; the chain, if given, is led by the designee."""

    @st.composite
    def draw_designation(draw: st.DrawFn) -> ChainLeaderDesignation:
        enterprise = draw(credit_codes())
        return ChainLeaderDesignation(
            enterprise=enterprise,
            enterprise_name=draw(_NAMES),
            status=draw(st.sampled_from(ChainStatus)),
            year=draw(st.integers(2022, 2030)),
            chain=draw(_optional(skill_chains(leaders=st.just(enterprise)))),
            listed_on=draw(_optional(_days(date(2022, 1, 1), _POLICY_LAST))),
            source_document=draw(_optional(_NAMES)),
        )

    return draw_designation()


def guidance_experts(
    *, persons: "st.SearchStrategy[ResidentId] | None" = None
) -> st.SearchStrategy[GuidanceExpert]:
    """Draw skill-chain guidance experts (建设指导专家).

    Args:
        persons: The experts' identity numbers; any if None.

    Raises:
        hypothesis.errors.InvalidArgument: *persons* is not a strategy.
    """
    _check_strategy("persons", persons)
    return st.builds(
        GuidanceExpert,
        person=_or(persons, resident_ids(max_birth=date(2005, 12, 31))),
        name=_NAMES,
        field=_optional(_NAMES),
        skill_level=_optional(st.sampled_from(SkillLevel)),
        professional_title=_optional(st.sampled_from(ProfessionalTitleLevel)),
        honours=st.lists(_NAMES, max_size=2).map(tuple),
        years_of_experience=_optional(st.integers(0, 50)),
    )


def expert_nominations(
    *,
    districts: "st.SearchStrategy[DivisionCode] | None" = None,
    round_ids: "st.SearchStrategy[str] | None" = None,
    experts: "st.SearchStrategy[GuidanceExpert] | None" = None,
) -> st.SearchStrategy[ExpertNomination]:
    """Draw nominations of guidance experts to a district's round.

    Args:
        districts: The districts nominated to; any if None.
        round_ids: The rounds; any id if None.
        experts: The experts; any drawn expert if None.

    Raises:
        hypothesis.errors.InvalidArgument: An option is not a strategy.
    """
    for name, value in (
        ("districts", districts),
        ("round_ids", round_ids),
        ("experts", experts),
    ):
        _check_strategy(name, value)
    return st.builds(
        ExpertNomination,
        nominated_by=credit_codes(),
        expert=experts if experts is not None else guidance_experts(),
        district=_or(districts, division_codes(level="county")),
        round_id=_or(round_ids, _IDS),
        submitted_on=_optional(_days(date(2022, 1, 1), _POLICY_LAST)),
        recommended=_FLAGS,
    )


def recommendation_rounds() -> st.SearchStrategy[RecommendationRound]:
    """Draw recommendation rounds whose nominations belong to them, once per expert."""

    @st.composite
    def draw_round(draw: st.DrawFn) -> RecommendationRound:
        district = draw(division_codes(level="county"))
        round_id = draw(_IDS)
        people = draw(
            st.lists(
                resident_ids(max_birth=date(2005, 12, 31)), max_size=3, unique=True
            )
        )
        nominations = tuple(
            draw(
                expert_nominations(
                    districts=st.just(district),
                    round_ids=st.just(round_id),
                    experts=guidance_experts(persons=st.just(person)),
                )
            )
            for person in people
        )
        return RecommendationRound(
            district=district,
            round_id=round_id,
            year=draw(st.integers(2022, 2030)),
            quota=draw(_optional(st.integers(0, 50))),
            nominations=nominations,
        )

    return draw_round()


# --- catalog rows and catalogs -----------------------------------------------------


def _row_fields(
    draw: st.DrawFn, provenance: "st.SearchStrategy[Provenance] | None"
) -> dict[str, Any]:
    return {
        "zh": draw(_NAMES),
        "en": draw(_NAMES),
        "document": draw(documents()),
        "provenance": draw(_or(provenance, st.sampled_from(Provenance))),
        "note": draw(_optional(_NAMES)),
    }


def catalog_rows(
    *, provenance: "st.SearchStrategy[Provenance] | None" = None
) -> st.SearchStrategy[CatalogRow]:
    """Draw plain catalog rows (key, labels, document, provenance).

    Args:
        provenance: The rows' provenances; any if None.

    Raises:
        hypothesis.errors.InvalidArgument: *provenance* is not a strategy.
    """
    _check_strategy("provenance", provenance)

    @st.composite
    def draw_row(draw: st.DrawFn) -> CatalogRow:
        return CatalogRow(key=draw(_IDS), **_row_fields(draw, provenance))

    return draw_row()


def carrier_type_entries() -> st.SearchStrategy[CarrierTypeEntry]:
    """Draw carrier-type rows; the key is the carrier type's value."""

    @st.composite
    def draw_row(draw: st.DrawFn) -> CarrierTypeEntry:
        kind = draw(st.sampled_from(CarrierType))
        return CarrierTypeEntry(
            key=kind.value, carrier_type=kind, **_row_fields(draw, None)
        )

    return draw_row()


def chain_leader_entries() -> st.SearchStrategy[ChainLeaderEntry]:
    """Draw chain-leader list rows, 2022-2030."""

    @st.composite
    def draw_row(draw: st.DrawFn) -> ChainLeaderEntry:
        return ChainLeaderEntry(
            key=draw(_IDS),
            year=draw(st.integers(2022, 2030)),
            district=draw(division_codes()),
            listed_by=draw(_optional(_NAMES)),
            credit_code=draw(_optional(credit_codes())),
            **_row_fields(draw, None),
        )

    return draw_row()


def competition_categories() -> st.SearchStrategy[CompetitionCategory]:
    """Draw competition-category rows; the key is ``<tier>-<class>``."""

    @st.composite
    def draw_row(draw: st.DrawFn) -> CompetitionCategory:
        tier = draw(st.sampled_from(CompetitionTier))
        klass = draw(st.sampled_from(CompetitionClass))
        return CompetitionCategory(
            key=f"{tier.value}-{klass.value}",
            tier=tier,
            competition_class=klass,
            meaning=draw(_optional(_NAMES)),
            **_row_fields(draw, None),
        )

    return draw_row()


def division_entries() -> st.SearchStrategy[Division]:
    """Draw division rows; the key is the statistical code where there is one."""

    @st.composite
    def draw_row(draw: st.DrawFn) -> Division:
        code = draw(_optional(st.from_regex(r"[0-9]{6}|[0-9]{9}", fullmatch=True)))
        start = draw(_optional(_days(date(1979, 1, 1), _POLICY_LAST)))
        end = draw(_optional(st.dates(start or date(1979, 1, 1), date(2040, 12, 31))))
        return Division(
            key=code if code is not None else draw(_IDS),
            kind=draw(st.sampled_from(DivisionKind)),
            code=code,
            division_code=draw(_optional(division_codes())),
            parent=draw(_optional(st.from_regex(r"[0-9]{6}", fullmatch=True))),
            valid_from=start,
            valid_until=end,
            **_row_fields(draw, None),
        )

    return draw_row()


def honour_titles() -> st.SearchStrategy[HonourTitle]:
    """Draw honour-title rows."""

    @st.composite
    def draw_row(draw: st.DrawFn) -> HonourTitle:
        return HonourTitle(
            key=draw(_IDS),
            level=draw(st.sampled_from(CompetitionTier)),
            issuer=draw(_optional(_NAMES)),
            **_row_fields(draw, None),
        )

    return draw_row()


def industry_clusters() -> st.SearchStrategy[IndustryCluster]:
    """Draw industry-cluster rows."""

    @st.composite
    def draw_row(draw: st.DrawFn) -> IndustryCluster:
        return IndustryCluster(
            key=draw(_IDS),
            kind=draw(st.sampled_from(ClusterKind)),
            **_row_fields(draw, None),
        )

    return draw_row()


def occupation_entries(
    *, statuses: "st.SearchStrategy[OccupationStatus] | None" = None
) -> st.SearchStrategy[Occupation]:
    """Draw occupation rows; the key is the code, or the name for a row without one.

    A confirmed row has a code, an unresolved one none.

    Args:
        statuses: The rows' statuses; any if None.

    Raises:
        hypothesis.errors.InvalidArgument: *statuses* is not a strategy.
    """
    _check_strategy("statuses", statuses)

    @st.composite
    def draw_row(draw: st.DrawFn) -> Occupation:
        status = draw(_or(statuses, st.sampled_from(OccupationStatus)))
        if status is OccupationStatus.CONFIRMED:
            code: OccupationCode | None = draw(occupation_codes())
        elif status is OccupationStatus.UNRESOLVED:
            code = None
        else:
            code = draw(_optional(occupation_codes()))
        fields = _row_fields(draw, None)
        return Occupation(
            key=code.code if code is not None else fields["zh"],
            status=status,
            code=code,
            digital=draw(_FLAGS),
            green=draw(_FLAGS),
            former_names=tuple(draw(st.lists(_NAMES, max_size=2))),
            aliases=tuple(draw(st.lists(_NAMES, max_size=2))),
            candidates=tuple(draw(st.lists(occupation_codes(detail=True), max_size=2)))
            if code is None
            else (),
            **fields,
        )

    return draw_row()


def project_occupations() -> st.SearchStrategy[ProjectOccupation]:
    """Draw the occupations a 三项工程 project lists, with their sources."""
    return st.builds(
        ProjectOccupation,
        occupation=occupation_entries(),
        document=documents(),
        provenance=st.sampled_from(Provenance),
        note=_optional(_NAMES),
    )


def scope_entries() -> st.SearchStrategy[ScopeEntry]:
    """Draw reward-scope rows (an occupation, a certificate kind, or both)."""

    @st.composite
    def draw_row(draw: st.DrawFn) -> ScopeEntry:
        occupation = draw(_optional(occupation_codes()))
        return ScopeEntry(
            key=occupation.code if occupation is not None else draw(_IDS),
            occupation=occupation,
            certificate_kind=draw(_optional(st.sampled_from(CertificateKind))),
            **_row_fields(draw, None),
        )

    return draw_row()


def skill_level_entries() -> st.SearchStrategy[SkillLevelEntry]:
    """Draw skill-ladder rows; the key is the level's value."""

    @st.composite
    def draw_row(draw: st.DrawFn) -> SkillLevelEntry:
        level = draw(st.sampled_from(SkillLevel))
        return SkillLevelEntry(key=level.value, level=level, **_row_fields(draw, None))

    return draw_row()


def three_project_entries() -> st.SearchStrategy[ThreeProjectEntry]:
    """Draw 三项工程 rows; the key is the project's value."""

    @st.composite
    def draw_row(draw: st.DrawFn) -> ThreeProjectEntry:
        project = draw(st.sampled_from(ThreeProject))
        return ThreeProjectEntry(
            key=project.value,
            project=project,
            members=tuple(draw(st.lists(project_occupations(), max_size=2))),
            partial=draw(st.booleans()),
            **_row_fields(draw, None),
        )

    return draw_row()


def _catalog_fields(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "name": draw(_IDS),
        "edition": draw(st.from_regex(r"20[0-9]{2}", fullmatch=True)),
        "title": draw(_NAMES),
        "title_en": draw(_NAMES),
        "document": draw(documents()),
        "provenance": draw(st.sampled_from(Provenance)),
        "complete": draw(st.booleans()),
        "year": draw(_optional(st.integers(1949, 2100))),
        "note": draw(_optional(_NAMES)),
        "source": None,
    }


def catalogs(
    *, rows: "st.SearchStrategy[CatalogRow] | None" = None
) -> st.SearchStrategy[Catalog[Any]]:
    """Draw catalog editions of up to five rows with distinct keys (built in code).

    Args:
        rows: The rows; plain catalog rows if None.

    Raises:
        hypothesis.errors.InvalidArgument: *rows* is not a strategy.
    """
    _check_strategy("rows", rows)
    drawn = _or(rows, catalog_rows())

    @st.composite
    def draw_catalog(draw: st.DrawFn) -> Catalog[Any]:
        found = tuple(draw(st.lists(drawn, max_size=5, unique_by=lambda r: r.key)))
        return Catalog(rows=found, **_catalog_fields(draw))

    return draw_catalog()


def occupation_catalogs() -> st.SearchStrategy[OccupationCatalog]:
    """Draw occupation-catalog editions of up to five rows with distinct keys."""

    @st.composite
    def draw_catalog(draw: st.DrawFn) -> OccupationCatalog:
        found = tuple(
            draw(st.lists(occupation_entries(), max_size=5, unique_by=lambda r: r.key))
        )
        return OccupationCatalog(rows=found, **_catalog_fields(draw))

    return draw_catalog()


def reward_scopes() -> st.SearchStrategy[RewardScope]:
    """Draw reward-scope editions of up to five rows with distinct keys."""

    @st.composite
    def draw_scope(draw: st.DrawFn) -> RewardScope:
        found = tuple(
            draw(st.lists(scope_entries(), max_size=5, unique_by=lambda r: r.key))
        )
        return RewardScope(
            rows=found,
            stated_size=draw(_optional(st.integers(0, 1000))),
            stated_size_is_minimum=draw(st.booleans()),
            **_catalog_fields(draw),
        )

    return draw_scope()


# --- rules -------------------------------------------------------------------------


def rules() -> st.SearchStrategy[Rule]:
    """Draw the registered rules (:func:`skillchain.rules.rules`)."""
    return st.sampled_from(registered_rules())


def rule_sources() -> st.SearchStrategy[RuleSource]:
    """Draw rule sources: a register id and, sometimes, an article."""
    return st.builds(RuleSource, document=_IDS, article=_optional(_NAMES))


def read_ons() -> st.SearchStrategy[ReadOn]:
    """Draw reading days: a dotted fact path of a date and a reason."""
    return st.builds(
        ReadOn,
        day=st.sampled_from(
            ["certificate.issued_on", "claim.applied_on", "training_end", "on"]
        ),
        why=_NAMES,
    )


def conditions() -> st.SearchStrategy[Condition]:
    """Draw rule conditions: a check id, declared parameter names, rule sources and,
    sometimes, the day its parameters are read on."""
    return st.builds(
        Condition,
        check=_CHECK_IDS,
        parameters=st.lists(
            st.sampled_from(sorted(specs())), max_size=3, unique=True
        ).map(tuple),
        sources=st.lists(rule_sources(), max_size=2).map(tuple),
        read_on=_optional(read_ons()),
    )


# --- the registry ------------------------------------------------------------------


def _type_argument(thing: object) -> object:
    args = typing.get_args(thing)
    return args[0] if args else object


def _resolved_for(thing: object) -> st.SearchStrategy[Resolved[Any]]:
    argument = _type_argument(thing)
    if argument is object or isinstance(argument, TypeVar):
        return resolved_values()
    return resolved_values(values=st.from_type(typing.cast("type[Any]", argument)))


def _catalog_for(thing: object) -> st.SearchStrategy[Catalog[Any]]:
    argument = _type_argument(thing)
    if isinstance(argument, type) and issubclass(argument, CatalogRow):
        return catalogs(rows=st.from_type(argument))
    return catalogs()


def _kind_for(_thing: object) -> st.SearchStrategy[Kind[object]]:
    return parameter_kinds()


# A made-up reform for drawn simulation summaries: a shorter refund period changes the
# settlement findings of cases that owe a refund.
_SETTLEMENT_REFORM: Final = """
[documents.strategies-settlement-reform]
title = "模拟摘要策略用的虚构改革"
issuers = ["skillchain.testing.strategies"]
level = "internal"
provenance = "unverified"
[parameters."apprenticeship.settlement_refund_months"]
description_zh = "预付超出应得时的退款期限（虚构）"
description_en = "Months to refund an overpaid prepayment (made up)"
unit = "months"
[[parameters."apprenticeship.settlement_refund_months".values]]
since = 2019-01-01
value = 1
document = "strategies-settlement-reform"
"""


@st.composite
def _simulated(draw: st.DrawFn) -> SimulationSummary:
    from skillchain.simulation import simulate

    cases = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "on": _days(_POLICY_FIRST, _POLICY_LAST),
                    "entitlement": _optional(amounts(max_value=200_000)),
                    "prepaid": amounts(max_value=200_000),
                    "training_end": _optional(_days(_POLICY_FIRST, _POLICY_LAST)),
                }
            ),
            max_size=6,
        )
    )
    baseline = Policy.default()
    reform = draw(
        st.sampled_from(
            [
                baseline,
                baseline.overlay(
                    Policy.loads(_SETTLEMENT_REFORM, name="strategies-reform.toml")
                ),
            ]
        )
    )
    return simulate(
        cases, rule="apprenticeship.settlement", baseline=baseline, reform=reform
    )


def simulation_summaries() -> st.SearchStrategy[SimulationSummary]:
    """Draw real summaries: small populations of settlement cases, simulated.

    Each is :func:`skillchain.simulation.simulate` over up to six drawn cases of
    ``apprenticeship.settlement``, under the bundled policy and either the same
    policy or a made-up reform with a shorter refund period, so its figures always
    add up as a summary's must.
    """
    return _simulated()


def _group_strategy(cls: type[Any]) -> Callable[[], st.SearchStrategy[Any]]:
    return lambda: parameter_groups(cls)


REGISTERED_TYPES: Final[dict[type, Callable[[], st.SearchStrategy[Any]]]] = {
    **{p.parameters: _group_strategy(p.parameters) for p in registered_programmes()},
    SimulationSummary: simulation_summaries,
    ApprenticeEnrolment: enrolments,
    ApprenticeshipProgramme: programmes,
    CarrierAwardApplication: carrier_award_applications,
    CarrierTypeEntry: carrier_type_entries,
    CatalogRow: catalog_rows,
    Certificate: certificates,
    ChainLeaderDesignation: chain_leader_designations,
    ChainLeaderEntry: chain_leader_entries,
    ChainPartner: chain_partners,
    Citation: citations,
    Competition: competitions,
    CompetitionCategory: competition_categories,
    CompetitionResult: competition_results,
    CourseEnrolment: course_enrolments,
    CreditCode: credit_codes,
    DateRange: date_ranges,
    Decision: decisions,
    Division: division_entries,
    DivisionCode: division_codes,
    Document: documents,
    Employment: employments,
    Enterprise: enterprises,
    EvaluationQualification: evaluation_qualifications,
    ExpertNomination: expert_nominations,
    CompetitionEntry: competition_entries,
    ApplicationRoute: application_routes,
    ApplicationStandard: application_standards,
    LevelApplication: level_applications,
    TechnicalExpertAwards: technical_expert_awards,
    CraftsmanSelection: craftsman_selections,
    ExpertRecommendation: expert_recommendations,
    Finding: findings,
    GuidanceExpert: guidance_experts,
    Honour: honours,
    HonourTitle: honour_titles,
    IndustryCluster: industry_clusters,
    InputProblem: input_problems,
    InsurancePeriod: insurance_periods,
    LabourContract: labour_contracts,
    LifelongTrainingCarrier: lifelong_training_carriers,
    Mentor: mentors,
    Message: messages,
    Occupation: occupation_entries,
    OccupationCatalog: occupation_catalogs,
    OccupationCode: occupation_codes,
    Parameter: parameters,
    ParameterSpec: parameter_specs,
    PartnerRegion: partner_regions,
    Person: persons,
    Policy: policies,
    PolicyProblem: policy_problems,
    PolicySnapshot: policy_snapshots,
    Programme: policy_programmes,
    PrivateInstitutionFiling: private_institution_filings,
    ProfessionalTitle: professional_titles,
    ProjectOccupation: project_occupations,
    PublicTrainingCourse: public_training_courses,
    QuotaAllocation: quota_allocations,
    Allocation: allocations,
    QuotaApplication: quota_applications,
    RecommendationRound: recommendation_rounds,
    ResidentId: resident_ids,
    RewardScope: reward_scopes,
    Rounding: roundings,
    Rule: rules,
    RuleSource: rule_sources,
    ReadOn: read_ons,
    Condition: conditions,
    ScopeEntry: scope_entries,
    SkillChain: skill_chains,
    ChainLeaderApplication: chain_leader_applications,
    SkillEvaluationOrganisation: skill_evaluation_organisations,
    SkillLevelEntry: skill_level_entries,
    SubsidyClaim: subsidy_claims,
    TalentRewardClaim: talent_reward_claims,
    ThreeProjectEntry: three_project_entries,
    TrainingInstitution: training_institutions,
    CraftsmanApplication: craftsman_applications,
    CarrierAwardAllocation: carrier_award_allocations,
}
"""Every public non-generic type with its strategy, as the entry point registers them.

The parameter classes of the programmes registered at import (the bundled ones) draw
through :func:`parameter_groups`.

The generic types (:class:`~skillchain.policy.Resolved`,
:class:`~skillchain.catalog.Catalog`, :class:`~skillchain.policy.Kind`) are
registered with functions of their type argument: ``st.from_type(Resolved[int])``
wraps integers, ``st.from_type(Catalog[Occupation])`` holds occupation rows.
Enums need no entry: Hypothesis samples their members.
"""

GENERIC_TYPES: Final[dict[type, Callable[[Any], st.SearchStrategy[Any]]]] = {
    Catalog: _catalog_for,
    Kind: _kind_for,
    Resolved: _resolved_for,
}

# Imported before Hypothesis, this module's own ``import hypothesis`` ran the entry
# point while it was half built; register now that it is complete (idempotent).
from skillchain._hypothesis import register_strategies  # noqa: E402


register_strategies()
