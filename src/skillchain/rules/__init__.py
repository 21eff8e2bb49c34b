"""Eligibility, subsidy and reward rules: one module per programme.

A rule is a pure function ``rule(facts…, *, on, policy=None) -> Decision``: it never
reads the clock, the environment or a file (``policy=None`` means the bundled
policy).  Every rule is registered with its id, version, titles, sources, the
parameters it reads and the checks it may emit; :func:`rules` lists them.
"""

from skillchain.rules._judge import Judge
from skillchain.rules._registry import Rule, RuleSource, get_rule, register, rules
from skillchain.rules.apprenticeship_enterprise import (
    ENTERPRISE_RULE,
    check_enterprise,
    enterprise_eligibility,
)


# --- apprenticeship eligibility: apprentice and programme (helper R1) (begin) ---
# --- apprenticeship eligibility: apprentice and programme (helper R1) (end) ---

# --- apprenticeship subsidy, prepayment, settlement, quota (helper R2) (begin) ---
# --- apprenticeship subsidy, prepayment, settlement, quota (helper R2) (end) ---

# --- annual cap, skill-upgrade, unemployment-insurance skill (helper R3) (begin) ---
# --- annual cap, skill-upgrade, unemployment-insurance skill (helper R3) (end) ---


__all__ = [
    "ENTERPRISE_RULE",
    "Judge",
    "Rule",
    "RuleSource",
    "check_enterprise",
    "enterprise_eligibility",
    "get_rule",
    "register",
    "rules",
]
