"""Eligibility, subsidy and reward rules: one module per programme.

A rule is a pure function ``rule(facts…, *, on, policy=None) -> Decision``: it never
reads the clock, the environment or a file (``policy=None`` means the bundled
policy).  Every rule is registered with its id, version, titles, sources, the
parameters it reads and the checks it may emit, each check with its
:class:`Condition` (the parameters it reads and the documents it rests on);
:func:`rules` lists them.
"""

from skillchain.rules._judge import Judge, citations_of
from skillchain.rules._registry import (
    Condition,
    Rule,
    RuleSource,
    get_rule,
    register,
    rules,
)
from skillchain.rules.apprenticeship_apprentice import (
    APPRENTICE_RULE,
    apprentice_eligibility,
    check_apprentice,
)

# --- apprenticeship eligibility: apprentice and programme (helper R1) (begin) ---
from skillchain.rules.apprenticeship_case import CASE_RULE, apprentice_case
from skillchain.rules.apprenticeship_enterprise import (
    ENTERPRISE_RULE,
    check_enterprise,
    enterprise_eligibility,
)
from skillchain.rules.apprenticeship_programme import (
    PROGRAMME_RULE,
    check_programme,
    programme_validity,
)

# --- apprenticeship eligibility: apprentice and programme (helper R1) (end) ---
# --- apprenticeship subsidy, prepayment, settlement, quota (helper R2) (begin) ---
from skillchain.rules.apprenticeship_quota import (
    QUOTA_RULE,
    QuotaAllocation,
    QuotaApplication,
    allocate_quota,
    quota_listing,
)
from skillchain.rules.apprenticeship_subsidy import (
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

# --- apprenticeship subsidy, prepayment, settlement, quota (helper R2) (end) ---
# --- annual cap, skill-upgrade, unemployment-insurance skill (helper R3) (begin) ---
from skillchain.rules.skill_upgrade import (
    SKILL_UPGRADE_RULE,
    check_skill_upgrade,
    skill_upgrade_subsidy,
)
from skillchain.rules.subsidy_cap import ANNUAL_CAP_RULE, annual_cap, check_annual_cap
from skillchain.rules.ui_skill import UI_SKILL_RULE, check_ui_skill, ui_skill_subsidy


# --- annual cap, skill-upgrade, unemployment-insurance skill (helper R3) (end) ---


__all__ = [
    "ANNUAL_CAP_RULE",
    "APPRENTICE_RULE",
    "CASE_RULE",
    "ENTERPRISE_RULE",
    "PREPAYMENT_RULE",
    "PROGRAMME_RULE",
    "QUOTA_RULE",
    "SETTLEMENT_RULE",
    "SKILL_UPGRADE_RULE",
    "SUBSIDY_RULE",
    "UI_SKILL_RULE",
    "Condition",
    "Judge",
    "PrepaymentScheme",
    "QuotaAllocation",
    "QuotaApplication",
    "Rule",
    "RuleSource",
    "allocate_quota",
    "annual_cap",
    "apprentice_case",
    "apprentice_eligibility",
    "check_annual_cap",
    "check_apprentice",
    "check_enterprise",
    "check_prepayment",
    "check_programme",
    "check_settlement",
    "check_skill_upgrade",
    "check_subsidy",
    "check_ui_skill",
    "citations_of",
    "enterprise_eligibility",
    "get_rule",
    "prepayment",
    "programme_validity",
    "quota_listing",
    "register",
    "rules",
    "settlement",
    "skill_upgrade_subsidy",
    "subsidy_entitlement",
    "ui_skill_subsidy",
]
