"""Rule: one unemployment-insurance skill claim, decided whole: the subsidy and the exclusion.

The findings of rule ``ui_skill``, then those of rule ``subsidy.cap`` (of which only
the scope and the exclusion apply to this subsidy), on one judge; it adds no
condition of its own.
"""

from collections.abc import Sequence
from datetime import date

from skillchain._context import in_library_context
from skillchain._decision import Decision
from skillchain.model import Certificate, SubsidyClaim, SubsidyKind
from skillchain.policy import Policy
from skillchain.rules._claims import claim_day
from skillchain.rules._judge import Judge
from skillchain.rules._registry import Rule, register
from skillchain.rules.subsidy import (
    ANNUAL_CAP_RULE,
    CERTIFICATE_CAP_CONDITIONS,
    check_certificate_cap,
)
from skillchain.rules.ui_skill.subsidy import UI_SKILL_RULE, check_ui_skill


__all__ = ["UI_SKILL_CASE_RULE", "ui_skill_claim"]


@in_library_context
def ui_skill_claim(
    certificate: Certificate,
    history: Sequence[SubsidyClaim],
    *,
    contribution_months: int | None,
    on: date,
    claimed_on: date | None = None,
    shortage_occupation: bool | None = None,
    policy: Policy | None = None,
) -> Decision:
    """Decide one unemployment-insurance skill claim, with Shenzhen's exclusion.

    The decision is eligible, with the amount, only when every condition of the
    subsidy and of the exclusion holds; a claim the exclusion forbids is ineligible
    and carries no amount.  *history* is the person's earlier claims of every kind;
    *claimed_on* the day the claim was made (default: *on*).  The contribution
    requirement is that of the certificate's issue date; every other figure is that
    of the claim day.

    Raises:
        InvalidValueError: *claimed_on* is after *on* (malformed input).

    Example:
        >>> from datetime import date
        >>> from skillchain import OccupationCode, ResidentId, SkillLevel
        >>> from skillchain.model import (Certificate, CertificateKind, IssuerKind,
        ...     SubsidyClaim, SubsidyKind)
        >>> from skillchain.rules import ui_skill_claim
        >>> cert = Certificate(holder=ResidentId("440304199007150015"),
        ...     kind=CertificateKind.SKILL_LEVEL, occupation=OccupationCode("6-18-02-04"),
        ...     level=SkillLevel.ADVANCED, issued_on=date(2024, 3, 1),
        ...     issuer_kind=IssuerKind.SOCIAL_EVALUATION_ORGANISATION)
        >>> apprenticed = (SubsidyClaim(kind=SubsidyKind.APPRENTICESHIP, year=2023,
        ...     occupation=cert.occupation, level=cert.level),)
        >>> refused = ui_skill_claim(cert, apprenticed, contribution_months=14,
        ...     shortage_occupation=False, on=date(2024, 6, 1))
        >>> refused.outcome.value, refused.amount, [f.check for f in refused.failed]
        ('ineligible', None, ['subsidy.cap.ui_exclusive'])
    """
    judge = Judge(policy if policy is not None else Policy.default(), on)
    claimed = claim_day(on, claimed_on)
    amount = check_ui_skill(
        judge,
        certificate,
        history,
        contribution_months,
        shortage_occupation,
        claimed_on=claimed,
    )
    check_certificate_cap(
        judge, SubsidyKind.UNEMPLOYMENT_INSURANCE_SKILL, certificate, history, claimed
    )
    return judge.decide(UI_SKILL_CASE_RULE, amount)


UI_SKILL_CASE_RULE: Rule = register(
    Rule.combining(
        UI_SKILL_RULE,
        ANNUAL_CAP_RULE,
        id="ui_skill.case",
        version="2026.2",
        title_zh="失业保险技能提升补贴个案审核（补贴条件与互斥）",
        title_en="One unemployment-insurance skill claim: the subsidy and the exclusion",
        conditions=(*UI_SKILL_RULE.conditions, *CERTIFICATE_CAP_CONDITIONS),
        function=ui_skill_claim,
    )
)
"""The registered combined rule for one unemployment-insurance skill claim."""
