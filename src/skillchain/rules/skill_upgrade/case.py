"""Rule: one skill-upgrade claim, decided whole: the subsidy, the annual cap and the exclusion.

The findings of rule ``skill_upgrade``, then those of rule ``subsidy.cap`` for the
claim being decided, on one judge; it adds no condition of its own.
"""

from collections.abc import Sequence
from datetime import date

from skillchain._context import in_library_context
from skillchain._decision import Decision
from skillchain.model import Certificate, Person, SubsidyClaim, SubsidyKind
from skillchain.policy import Policy
from skillchain.rules._claims import claim_day
from skillchain.rules._judge import Judge
from skillchain.rules._registry import Rule, register
from skillchain.rules.skill_upgrade.subsidy import (
    SKILL_UPGRADE_RULE,
    check_skill_upgrade,
)
from skillchain.rules.subsidy import (
    ANNUAL_CAP_RULE,
    CERTIFICATE_CAP_CONDITIONS,
    check_certificate_cap,
)


__all__ = ["SKILL_UPGRADE_CASE_RULE", "skill_upgrade_claim"]


@in_library_context
def skill_upgrade_claim(
    person: Person,
    certificate: Certificate,
    history: Sequence[SubsidyClaim],
    *,
    on: date,
    claimed_on: date | None = None,
    shortage_occupation: bool | None = None,
    policy: Policy | None = None,
) -> Decision:
    """Decide one skill-upgrade claim: is it owed, within the annual cap, and how much?

    The decision is eligible, with the amount, only when every condition of the
    subsidy and of the cap holds; a claim the cap or the exclusion forbids is
    ineligible and carries no amount.  *history* is the person's earlier claims of
    every kind; *claimed_on* the day the claim was made (default: *on*): every
    figure, and the year the cap counts, are that day's.

    Raises:
        InvalidValueError: The certificate is not the person's, or *claimed_on* is
            after *on* (malformed input).

    Example:
        >>> from datetime import date
        >>> from skillchain import DivisionCode, OccupationCode, ResidentId, SkillLevel
        >>> from skillchain.model import (Certificate, CertificateKind, IssuerKind,
        ...     Person, SubsidyClaim, SubsidyKind)
        >>> from skillchain.rules import skill_upgrade_claim
        >>> worker = Person(id=ResidentId("440304199007150015"),
        ...     hukou_division=DivisionCode("440304"), civil_service_establishment=False,
        ...     full_time_student=False, drawing_pension=False)
        >>> cert = Certificate(holder=worker.id, kind=CertificateKind.SKILL_LEVEL,
        ...     occupation=OccupationCode("6-18-02-04"), level=SkillLevel.ADVANCED,
        ...     issued_on=date(2024, 3, 1),
        ...     issuer_kind=IssuerKind.SOCIAL_EVALUATION_ORGANISATION)
        >>> paid = (SubsidyClaim(kind=SubsidyKind.UNEMPLOYMENT_INSURANCE_SKILL,
        ...     year=2023, occupation=cert.occupation, level=cert.level),)
        >>> decision = skill_upgrade_claim(worker, cert, paid, on=date(2024, 6, 1))
        >>> decision.outcome.value, decision.amount
        ('ineligible', None)
        >>> [f.check for f in decision.failed]
        ['subsidy.cap.ui_exclusive']
    """
    judge = Judge(policy if policy is not None else Policy.default(), on)
    claimed = claim_day(on, claimed_on)
    amount = check_skill_upgrade(
        judge,
        person,
        certificate,
        history,
        shortage_occupation,
        claimed_on=claimed,
    )
    check_certificate_cap(
        judge, SubsidyKind.SKILL_UPGRADE, certificate, history, claimed
    )
    return judge.decide(SKILL_UPGRADE_CASE_RULE, amount)


SKILL_UPGRADE_CASE_RULE: Rule = register(
    Rule.combining(
        SKILL_UPGRADE_RULE,
        ANNUAL_CAP_RULE,
        id="skill_upgrade.case",
        version="2026.2",
        title_zh="职业技能提升补贴个案审核（补贴条件、年度次数上限与互斥）",
        title_en="One skill-upgrade claim: the subsidy, the annual cap and the exclusion",
        conditions=(*SKILL_UPGRADE_RULE.conditions, *CERTIFICATE_CAP_CONDITIONS),
        function=skill_upgrade_claim,
    )
)
"""The registered combined rule for one skill-upgrade claim."""
