"""Eligibility, subsidy and reward rules: one module (or package) per programme.

Each programme's rules live in ``skillchain.rules.<key>``, the key being the
prefix of its rule ids (``skillchain.rules.carriers`` holds ``carriers.award``).
A rule is a pure function ``rule(facts…, *, on, policy=None) -> Decision``: it never
reads the clock, the environment or a file (``policy=None`` means the bundled
policy).  Every rule is registered with its id, version, titles, sources and its
conditions, each the single declaration of one check (its sentences, facts,
parameters and documents); :func:`rules` lists them.

Importing this package imports no rule module: a programme's module is imported
when one of its names is first taken from here or :func:`get_rule` is first asked
for one of its rules, and every bundled module before :func:`rules` lists them or
a rule from outside the library is registered.
"""

from typing import TYPE_CHECKING


__all__ = [
    "ANNUAL_CAP_RULE",
    "APPRENTICE_RULE",
    "CARRIER_AWARD_RULE",
    "CARRIER_RECOGNITION_RULE",
    "CASE_RULE",
    "CHAIN_CLAIM_RULE",
    "CHAIN_COMPOSITION_RULE",
    "CHAIN_LEADER_RULE",
    "CRAFTSMAN_PROMOTION_RULE",
    "CRAFTSMAN_SELECTION_RULE",
    "ENTERPRISE_RULE",
    "ENTRY_RULE",
    "EXPERT_RULE",
    "FILING_RULE",
    "HIGH_SKILL_REWARD_RULE",
    "LEVEL_APPLICATION_RULE",
    "OCCUPATIONAL_REWARD_RULE",
    "PREPAYMENT_RULE",
    "PROGRAMME_RULE",
    "QUOTA_RULE",
    "SETTLEMENT_RULE",
    "SKILL_UPGRADE_CASE_RULE",
    "SKILL_UPGRADE_RULE",
    "SUBSIDY_RULE",
    "TECHNICAL_EXPERT_RULE",
    "UI_SKILL_CASE_RULE",
    "UI_SKILL_RULE",
    "AllOf",
    "Allocation",
    "AnyOf",
    "CarrierAwardAllocation",
    "Comparator",
    "Compares",
    "Condition",
    "CraftsmanSelection",
    "Elapses",
    "ExpertRecommendation",
    "Includes",
    "Judge",
    "Mover",
    "PrepaymentScheme",
    "QuotaAllocation",
    "QuotaApplication",
    "ReadOn",
    "Remediable",
    "Requires",
    "Rule",
    "RuleSource",
    "TechnicalExpertAwards",
    "Unremediable",
    "allocate_carrier_awards",
    "allocate_quota",
    "annual_cap",
    "apprentice_case",
    "apprentice_eligibility",
    "award_technical_experts",
    "carrier_award",
    "carrier_recognition",
    "chain_claimant",
    "chain_composition",
    "chain_leader_incubation",
    "chain_subsidy_claim",
    "check_annual_cap",
    "check_apprentice",
    "check_carrier_award",
    "check_certificate_cap",
    "check_chain_leader",
    "check_craftsman",
    "check_enterprise",
    "check_filing",
    "check_level_application",
    "check_prepayment",
    "check_programme",
    "check_recognition",
    "check_settlement",
    "check_skill_upgrade",
    "check_subsidy",
    "check_ui_skill",
    "competition_category",
    "competition_entry",
    "competition_promotion",
    "enterprise_eligibility",
    "expert_recommendation",
    "filing_completeness",
    "get_rule",
    "high_skill_reward",
    "level_application",
    "occupational_reward",
    "pengcheng_craftsman",
    "prepayment",
    "programme_validity",
    "promoted_level",
    "quota_listing",
    "recommend_experts",
    "register",
    "rules",
    "select_craftsmen",
    "settlement",
    "setup_procedure",
    "skill_upgrade_claim",
    "skill_upgrade_subsidy",
    "subsidy_entitlement",
    "technical_expert",
    "ui_skill_claim",
    "ui_skill_subsidy",
    "unregister",
    "worked_months",
]

if TYPE_CHECKING:
    from skillchain.rules._allocation import Allocation
    from skillchain.rules._judge import Judge
    from skillchain.rules._registry import (
        AllOf,
        AnyOf,
        Comparator,
        Compares,
        Condition,
        Elapses,
        Includes,
        Mover,
        ReadOn,
        Remediable,
        Requires,
        Rule,
        RuleSource,
        Unremediable,
        get_rule,
        register,
        rules,
        unregister,
    )
    from skillchain.rules.apprenticeship.apprentice import (
        APPRENTICE_RULE,
        apprentice_eligibility,
        check_apprentice,
    )
    from skillchain.rules.apprenticeship.case import CASE_RULE, apprentice_case
    from skillchain.rules.apprenticeship.enterprise import (
        ENTERPRISE_RULE,
        check_enterprise,
        enterprise_eligibility,
    )
    from skillchain.rules.apprenticeship.programme import (
        PROGRAMME_RULE,
        check_programme,
        programme_validity,
    )
    from skillchain.rules.apprenticeship.quota import (
        QUOTA_RULE,
        QuotaAllocation,
        QuotaApplication,
        allocate_quota,
        quota_listing,
    )
    from skillchain.rules.apprenticeship.subsidy import (
        PREPAYMENT_RULE,
        SETTLEMENT_RULE,
        SUBSIDY_RULE,
        PrepaymentScheme,
        check_prepayment,
        check_settlement,
        check_subsidy,
        prepayment,
        settlement,
        subsidy_entitlement,
    )
    from skillchain.rules.carriers import (
        CARRIER_AWARD_RULE,
        CARRIER_RECOGNITION_RULE,
        CarrierAwardAllocation,
        allocate_carrier_awards,
        carrier_award,
        carrier_recognition,
        check_carrier_award,
        check_recognition,
    )
    from skillchain.rules.chains import (
        CHAIN_CLAIM_RULE,
        CHAIN_COMPOSITION_RULE,
        CHAIN_LEADER_RULE,
        chain_claimant,
        chain_composition,
        chain_leader_incubation,
        chain_subsidy_claim,
        check_chain_leader,
    )
    from skillchain.rules.competitions import (
        ENTRY_RULE,
        TECHNICAL_EXPERT_RULE,
        TechnicalExpertAwards,
        award_technical_experts,
        competition_category,
        competition_entry,
        technical_expert,
    )
    from skillchain.rules.craftsman import (
        CRAFTSMAN_PROMOTION_RULE,
        CRAFTSMAN_SELECTION_RULE,
        CraftsmanSelection,
        check_craftsman,
        competition_promotion,
        pengcheng_craftsman,
        promoted_level,
        select_craftsmen,
    )
    from skillchain.rules.experts import (
        EXPERT_RULE,
        ExpertRecommendation,
        expert_recommendation,
        recommend_experts,
    )
    from skillchain.rules.institutions import (
        FILING_RULE,
        check_filing,
        filing_completeness,
        setup_procedure,
    )
    from skillchain.rules.levels import (
        LEVEL_APPLICATION_RULE,
        check_level_application,
        level_application,
        worked_months,
    )
    from skillchain.rules.rewards import (
        HIGH_SKILL_REWARD_RULE,
        OCCUPATIONAL_REWARD_RULE,
        high_skill_reward,
        occupational_reward,
    )
    from skillchain.rules.skill_upgrade.case import (
        SKILL_UPGRADE_CASE_RULE,
        skill_upgrade_claim,
    )
    from skillchain.rules.skill_upgrade.subsidy import (
        SKILL_UPGRADE_RULE,
        check_skill_upgrade,
        skill_upgrade_subsidy,
    )
    from skillchain.rules.subsidy import (
        ANNUAL_CAP_RULE,
        annual_cap,
        check_annual_cap,
        check_certificate_cap,
    )
    from skillchain.rules.ui_skill.case import UI_SKILL_CASE_RULE, ui_skill_claim
    from skillchain.rules.ui_skill.subsidy import (
        UI_SKILL_RULE,
        check_ui_skill,
        ui_skill_subsidy,
    )
else:
    from skillchain._lazy import exports

    # Every public name, by the module it comes from: imported on first access.
    # A rule module is imported when one of its names is asked for, when
    # get_rule() is asked for one of its rules, or when rules() lists them all.
    __getattr__, __dir__ = exports(
        __name__,
        {
            "skillchain.rules._allocation": ("Allocation",),
            "skillchain.rules._judge": ("Judge",),
            "skillchain.rules._registry": (
                "AllOf",
                "AnyOf",
                "Comparator",
                "Compares",
                "Condition",
                "Elapses",
                "Includes",
                "Mover",
                "ReadOn",
                "Remediable",
                "Requires",
                "Rule",
                "RuleSource",
                "Unremediable",
                "get_rule",
                "register",
                "rules",
                "unregister",
            ),
            "skillchain.rules.apprenticeship.apprentice": (
                "APPRENTICE_RULE",
                "apprentice_eligibility",
                "check_apprentice",
            ),
            "skillchain.rules.apprenticeship.case": (
                "CASE_RULE",
                "apprentice_case",
            ),
            "skillchain.rules.apprenticeship.enterprise": (
                "ENTERPRISE_RULE",
                "check_enterprise",
                "enterprise_eligibility",
            ),
            "skillchain.rules.apprenticeship.programme": (
                "PROGRAMME_RULE",
                "check_programme",
                "programme_validity",
            ),
            "skillchain.rules.apprenticeship.quota": (
                "QUOTA_RULE",
                "QuotaAllocation",
                "QuotaApplication",
                "allocate_quota",
                "quota_listing",
            ),
            "skillchain.rules.apprenticeship.subsidy": (
                "PREPAYMENT_RULE",
                "SETTLEMENT_RULE",
                "SUBSIDY_RULE",
                "PrepaymentScheme",
                "check_prepayment",
                "check_settlement",
                "check_subsidy",
                "prepayment",
                "settlement",
                "subsidy_entitlement",
            ),
            "skillchain.rules.carriers": (
                "CARRIER_AWARD_RULE",
                "CARRIER_RECOGNITION_RULE",
                "CarrierAwardAllocation",
                "allocate_carrier_awards",
                "carrier_award",
                "carrier_recognition",
                "check_carrier_award",
                "check_recognition",
            ),
            "skillchain.rules.chains": (
                "CHAIN_CLAIM_RULE",
                "CHAIN_COMPOSITION_RULE",
                "CHAIN_LEADER_RULE",
                "chain_claimant",
                "chain_composition",
                "chain_leader_incubation",
                "chain_subsidy_claim",
                "check_chain_leader",
            ),
            "skillchain.rules.experts": (
                "EXPERT_RULE",
                "ExpertRecommendation",
                "expert_recommendation",
                "recommend_experts",
            ),
            "skillchain.rules.institutions": (
                "FILING_RULE",
                "check_filing",
                "filing_completeness",
                "setup_procedure",
            ),
            "skillchain.rules.skill_upgrade.case": (
                "SKILL_UPGRADE_CASE_RULE",
                "skill_upgrade_claim",
            ),
            "skillchain.rules.skill_upgrade.subsidy": (
                "SKILL_UPGRADE_RULE",
                "check_skill_upgrade",
                "skill_upgrade_subsidy",
            ),
            "skillchain.rules.subsidy": (
                "ANNUAL_CAP_RULE",
                "annual_cap",
                "check_annual_cap",
                "check_certificate_cap",
            ),
            "skillchain.rules.ui_skill.case": (
                "UI_SKILL_CASE_RULE",
                "ui_skill_claim",
            ),
            "skillchain.rules.ui_skill.subsidy": (
                "UI_SKILL_RULE",
                "check_ui_skill",
                "ui_skill_subsidy",
            ),
            "skillchain.rules.competitions": (
                "ENTRY_RULE",
                "TECHNICAL_EXPERT_RULE",
                "TechnicalExpertAwards",
                "award_technical_experts",
                "competition_category",
                "competition_entry",
                "technical_expert",
            ),
            "skillchain.rules.craftsman": (
                "CRAFTSMAN_PROMOTION_RULE",
                "CRAFTSMAN_SELECTION_RULE",
                "CraftsmanSelection",
                "check_craftsman",
                "competition_promotion",
                "pengcheng_craftsman",
                "promoted_level",
                "select_craftsmen",
            ),
            "skillchain.rules.levels": (
                "LEVEL_APPLICATION_RULE",
                "check_level_application",
                "level_application",
                "worked_months",
            ),
            "skillchain.rules.rewards": (
                "HIGH_SKILL_REWARD_RULE",
                "OCCUPATIONAL_REWARD_RULE",
                "high_skill_reward",
                "occupational_reward",
            ),
        },
        # The programmes' rule modules, as attributes (``skillchain.rules.levels``).
        modules=frozenset(
            {
                "apprenticeship",
                "carriers",
                "chains",
                "competitions",
                "craftsman",
                "experts",
                "institutions",
                "levels",
                "public_training",
                "rewards",
                "skill_upgrade",
                "subsidy",
                "ui_skill",
            }
        ),
    )
