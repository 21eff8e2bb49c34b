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
except ImportError as _missing:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "skillchain.testing.strategies needs Hypothesis: pip install skillchain[testing]"
    ) from _missing


import typing

from collections.abc import Callable
from typing import Any, Final, TypeVar

from skillchain import (
    AddItem,
    Citation,
    CreditCode,
    DateRange,
    Decision,
    DistrictSupplies,
    DivisionCode,
    Document,
    EarliestDay,
    Finding,
    InputProblem,
    Message,
    NotDerived,
    NotRemediable,
    OccupationCode,
    OneOf,
    Parameter,
    Policy,
    PolicyProblem,
    PolicySnapshot,
    ReachBound,
    ResidentId,
    Resolved,
    Rounding,
    SetFact,
    SupplyFact,
    WaitUntil,
)
from skillchain.catalog import (
    CarrierTypeEntry,
    Catalog,
    CatalogRow,
    ChainLeaderEntry,
    CompetitionCategory,
    Division,
    EventCategory,
    EventDating,
    EventEntry,
    EventFigure,
    EventTrade,
    HonourTitle,
    IndustryCluster,
    Occupation,
    OccupationCatalog,
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
    CantoneseChefDesignation,
    CarrierAwardApplication,
    Certificate,
    ChainLeaderApplication,
    ChainLeaderDesignation,
    ChainPartner,
    Competition,
    CompetitionEntry,
    CompetitionResult,
    CourseEnrolment,
    CraftsmanApplication,
    Employment,
    Enterprise,
    EvaluationQualification,
    ExpertNomination,
    GuidanceExpert,
    Honour,
    InsurancePeriod,
    LabourContract,
    LevelApplication,
    LifelongTrainingCarrier,
    Mentor,
    PartnerRegion,
    Person,
    PrivateInstitutionFiling,
    ProfessionalTitle,
    PublicTrainingCourse,
    RecommendationRound,
    SkillChain,
    SkillEvaluationOrganisation,
    SubsidyClaim,
    TalentRewardClaim,
    TraineeProfile,
    TrainingInstitution,
)
from skillchain.policy import (
    Kind,
    ParameterSpec,
    Programme,
    Reform,
    Removal,
)
from skillchain.policy import programmes as registered_programmes
from skillchain.rules import (
    Allocation,
    AllOf,
    AnyOf,
    CarrierAwardAllocation,
    Compares,
    Condition,
    CraftsmanSelection,
    Elapses,
    ExpertRecommendation,
    Includes,
    QuotaAllocation,
    QuotaApplication,
    ReadOn,
    Requires,
    Rule,
    RuleSource,
    TechnicalExpertAwards,
    Unremediable,
)
from skillchain.serialization import Fact
from skillchain.simulation import SimulationSummary
from skillchain.testing.strategies._apprenticeship import (
    allocations,
    enrolments,
    labour_contracts,
    mentors,
    programmes,
    quota_allocations,
    quota_applications,
    subsidy_claims,
)
from skillchain.testing.strategies._base import (
    POLICY_FIRST,
    POLICY_LAST,
    dates_between,
    optional,
)
from skillchain.testing.strategies._carriers import (
    carrier_award_allocations,
    carrier_award_applications,
    lifelong_training_carriers,
)
from skillchain.testing.strategies._cases import (
    OUTCOMES,
    Breaker,
    CaseRecipe,
    Drawer,
    Facts,
    Setting,
    WantedOutcome,
    above,
    at_least,
    at_most,
    below,
    blank,
    cases,
    days_in_force,
    recipe_for,
    recipes,
    register_recipe,
    unregister_recipe,
)
from skillchain.testing.strategies._catalog import (
    carrier_type_entries,
    catalog_rows,
    catalogs,
    chain_leader_entries,
    competition_categories,
    division_entries,
    event_categories,
    event_datings,
    event_entries,
    event_figures,
    event_trades,
    honour_titles,
    industry_clusters,
    occupation_catalogs,
    occupation_entries,
    project_occupations,
    reward_scopes,
    scope_entries,
    skill_level_entries,
    three_project_entries,
)
from skillchain.testing.strategies._chains import (
    chain_leader_applications,
    chain_leader_designations,
    chain_partners,
    skill_chains,
)
from skillchain.testing.strategies._competitions import (
    competition_entries,
    technical_expert_awards,
)
from skillchain.testing.strategies._craftsman import (
    craftsman_applications,
    craftsman_selections,
)
from skillchain.testing.strategies._decisions import (
    citations,
    decisions,
    documents,
    fact_values,
    findings,
    input_problems,
    messages,
    policy_problems,
)
from skillchain.testing.strategies._draws import (
    between,
    birth_span,
    born_aged,
    credit_code,
    distinct,
    earliest_start,
    filler,
    latest_start,
    near,
    pick,
    resident_born,
)
from skillchain.testing.strategies._experts import (
    expert_nominations,
    expert_recommendations,
    guidance_experts,
    recommendation_rounds,
)
from skillchain.testing.strategies._institutions import private_institution_filings
from skillchain.testing.strategies._levels import (
    application_routes,
    application_standards,
    level_applications,
)
from skillchain.testing.strategies._people import (
    employments,
    enterprises,
    evaluation_qualifications,
    insurance_periods,
    persons,
    skill_evaluation_organisations,
    training_institutions,
)
from skillchain.testing.strategies._policy import (
    parameter_groups,
    parameter_kinds,
    parameter_specs,
    parameters,
    policies,
    policy_programmes,
    policy_snapshots,
    resolved_values,
)
from skillchain.testing.strategies._recognition import (
    certificates,
    competition_results,
    competitions,
    honours,
    professional_titles,
    talent_reward_claims,
)
from skillchain.testing.strategies._reforms import (
    REFORM_DOCUMENT,
    keyed_tables,
    reform_builders,
    reforms,
    removals,
)
from skillchain.testing.strategies._remedies import (
    add_items,
    alternatives,
    comparisons,
    conjunctions,
    district_supplies,
    earliest_days,
    elapse_declarations,
    inclusions,
    not_derived,
    not_remediables,
    one_ofs,
    reach_bounds,
    remedy_declarations,
    remedy_values,
    requirements,
    set_facts,
    supply_facts,
    unremediables,
    wait_untils,
)
from skillchain.testing.strategies._rules import (
    conditions,
    read_ons,
    rule_fact_entries,
    rule_sources,
    rules,
)
from skillchain.testing.strategies._training import (
    cantonese_chef_designations,
    course_enrolments,
    partner_regions,
    public_training_courses,
    trainee_profiles,
)
from skillchain.testing.strategies._values import (
    amounts,
    credit_codes,
    date_ranges,
    division_codes,
    occupation_codes,
    resident_ids,
    roundings,
    skill_levels,
)


__all__ = [
    "GENERIC_TYPES",
    "OUTCOMES",
    "REFORM_DOCUMENT",
    "REGISTERED_TYPES",
    "Breaker",
    "CaseRecipe",
    "Drawer",
    "Facts",
    "Setting",
    "WantedOutcome",
    "above",
    "add_items",
    "allocations",
    "alternatives",
    "amounts",
    "application_routes",
    "application_standards",
    "at_least",
    "at_most",
    "below",
    "between",
    "birth_span",
    "blank",
    "born_aged",
    "cantonese_chef_designations",
    "carrier_award_allocations",
    "carrier_award_applications",
    "carrier_type_entries",
    "cases",
    "catalog_rows",
    "catalogs",
    "certificates",
    "chain_leader_applications",
    "chain_leader_designations",
    "chain_leader_entries",
    "chain_partners",
    "citations",
    "comparisons",
    "competition_categories",
    "competition_entries",
    "competition_results",
    "competitions",
    "conditions",
    "conjunctions",
    "course_enrolments",
    "craftsman_applications",
    "craftsman_selections",
    "credit_code",
    "credit_codes",
    "date_ranges",
    "days_in_force",
    "decisions",
    "distinct",
    "district_supplies",
    "division_codes",
    "division_entries",
    "documents",
    "earliest_days",
    "earliest_start",
    "elapse_declarations",
    "employments",
    "enrolments",
    "enterprises",
    "evaluation_qualifications",
    "event_categories",
    "event_datings",
    "event_entries",
    "event_figures",
    "event_trades",
    "expert_nominations",
    "expert_recommendations",
    "fact_values",
    "filler",
    "findings",
    "guidance_experts",
    "honour_titles",
    "honours",
    "inclusions",
    "industry_clusters",
    "input_problems",
    "insurance_periods",
    "keyed_tables",
    "labour_contracts",
    "latest_start",
    "level_applications",
    "lifelong_training_carriers",
    "mentors",
    "messages",
    "near",
    "not_derived",
    "not_remediables",
    "occupation_catalogs",
    "occupation_codes",
    "occupation_entries",
    "one_ofs",
    "parameter_groups",
    "parameter_kinds",
    "parameter_specs",
    "parameters",
    "partner_regions",
    "persons",
    "pick",
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
    "reach_bounds",
    "read_ons",
    "recipe_for",
    "recipes",
    "recommendation_rounds",
    "reform_builders",
    "reforms",
    "register_recipe",
    "remedy_declarations",
    "remedy_values",
    "removals",
    "requirements",
    "resident_born",
    "resident_ids",
    "resolved_values",
    "reward_scopes",
    "roundings",
    "rule_fact_entries",
    "rule_sources",
    "rules",
    "scope_entries",
    "set_facts",
    "simulation_summaries",
    "skill_chains",
    "skill_evaluation_organisations",
    "skill_level_entries",
    "skill_levels",
    "subsidy_claims",
    "supply_facts",
    "talent_reward_claims",
    "technical_expert_awards",
    "three_project_entries",
    "trainee_profiles",
    "training_institutions",
    "unregister_recipe",
    "unremediables",
    "wait_untils",
]


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
                    "on": dates_between(POLICY_FIRST, POLICY_LAST),
                    "entitlement": optional(amounts(max_value=200_000)),
                    "prepaid": amounts(max_value=200_000),
                    "training_end": optional(dates_between(POLICY_FIRST, POLICY_LAST)),
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
    CantoneseChefDesignation: cantonese_chef_designations,
    CourseEnrolment: course_enrolments,
    CreditCode: credit_codes,
    DateRange: date_ranges,
    Decision: decisions,
    Division: division_entries,
    EventCategory: event_categories,
    EventDating: event_datings,
    EventEntry: event_entries,
    EventFigure: event_figures,
    EventTrade: event_trades,
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
    Reform: reform_builders,
    Removal: removals,
    ResidentId: resident_ids,
    RewardScope: reward_scopes,
    Rounding: roundings,
    Rule: rules,
    Fact: rule_fact_entries,
    RuleSource: rule_sources,
    ReadOn: read_ons,
    Condition: conditions,
    Includes: inclusions,
    AllOf: conjunctions,
    AddItem: add_items,
    Compares: comparisons,
    Requires: requirements,
    Elapses: elapse_declarations,
    AnyOf: alternatives,
    Unremediable: unremediables,
    SupplyFact: supply_facts,
    ReachBound: reach_bounds,
    SetFact: set_facts,
    OneOf: one_ofs,
    WaitUntil: wait_untils,
    DistrictSupplies: district_supplies,
    NotRemediable: not_remediables,
    NotDerived: not_derived,
    EarliestDay: earliest_days,
    ScopeEntry: scope_entries,
    SkillChain: skill_chains,
    ChainLeaderApplication: chain_leader_applications,
    SkillEvaluationOrganisation: skill_evaluation_organisations,
    SkillLevelEntry: skill_level_entries,
    SubsidyClaim: subsidy_claims,
    TalentRewardClaim: talent_reward_claims,
    ThreeProjectEntry: three_project_entries,
    TraineeProfile: trainee_profiles,
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


from skillchain.testing.strategies._recipes import register_bundled  # noqa: E402


register_bundled()
