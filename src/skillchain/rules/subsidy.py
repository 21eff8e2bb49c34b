"""Rule: may a person receive one more training subsidy this year (Shenzhen's annual cap)?

Shenzhen's limits across its training-subsidy kinds (the city HR bureau's FAQ and
深人社规〔2023〕8号), checking a new claim against the person's claim history.
"""

from collections.abc import Collection, Sequence
from datetime import date
from operator import is_

import attrs

from skillchain._context import in_library_context
from skillchain._decision import Decision
from skillchain.model import Certificate, SubsidyClaim, SubsidyKind
from skillchain.policy import Policy
from skillchain.rules._claims import claim_day, earlier_claim
from skillchain.rules._judge import Judge
from skillchain.rules._registry import (
    Condition,
    Elapses,
    ReadOn,
    Rule,
    RuleSource,
    Unremediable,
    register,
)


__all__ = [
    "ANNUAL_CAP_RULE",
    "annual_cap",
    "check_annual_cap",
    "check_certificate_cap",
]

_FAQ = RuleSource("sz-annual-cap-faq-2024")
_ARTICLE_4 = RuleSource("sz-2023-8", "第四条（第三次征求意见稿）")
_ON_CLAIM_DAY = ReadOn(
    "claimed_on",
    "the FAQ and 深人社规〔2023〕8号 limit the subsidies a person claims (申领) in a "
    "calendar year: the limits in force when the claim is made apply",
)
_CAPPED = "subsidy.capped_kinds"
_EXCLUSIVE = "subsidy.ui_exclusive_kinds"
_CLAIM = ("claim.occupation", "claim.level")

SCOPE = Condition(
    "subsidy.cap.scope",
    zh="申领的补贴为{kind}：计入年度次数上限：{capped}；"
    "与失业保险技能提升补贴互斥：{exclusive}",
    en="The claim is for the {kind}: counted by the annual cap: {capped}; "
    "exclusive with the unemployment-insurance skill subsidy: {exclusive}",
    parameters=(_CAPPED, _EXCLUSIVE),
    read_on=_ON_CLAIM_DAY,
)
PER_KIND = Condition(
    "subsidy.cap.per_kind",
    zh="{year} 年已享受{kind} {count} 次，每类补贴每个自然年度至多 {maximum} 次",
    en="In {year} the person already had {count} claim(s) of the {kind}; "
    "at most {maximum} per kind per calendar year",
    parameters=(_CAPPED, "subsidy.claims_per_kind_per_year"),
    read_on=_ON_CLAIM_DAY,
    remedy=Unremediable(
        "{year} 年已享受{kind} {count} 次，每年至多 {maximum} 次；"
        "本申领属于 {year} 年，以后年度的申领重新计数",
        "the {kind} was already claimed {count} time(s) in {year}, and a year "
        "allows at most {maximum}; the claim is of {year}, and only a claim of a "
        "later year is counted afresh",
    ),
)
TOTAL = Condition(
    "subsidy.cap.total",
    zh="{year} 年已享受计入上限的补贴 {count} 次，每个自然年度合计至多 {maximum} 次",
    en="In {year} the person already had {count} capped subsidy claim(s); "
    "at most {maximum} in total per calendar year",
    parameters=(_CAPPED, "subsidy.claims_per_year_total"),
    read_on=_ON_CLAIM_DAY,
    remedy=Unremediable(
        "{year} 年已享受计入上限的补贴 {count} 次，每年合计至多 {maximum} 次；"
        "本申领属于 {year} 年，以后年度的申领重新计数",
        "{count} capped subsidy claim(s) were already made in {year}, and a year "
        "allows at most {maximum} in total; the claim is of {year}, and only a "
        "claim of a later year is counted afresh",
    ),
)
PER_LEVEL = Condition(
    "subsidy.cap.per_level",
    zh="{occupation} {level} 已享受过计入上限的补贴：{paid}"
    "（同一职业（工种）同一等级的证书只补贴一次）",
    en="A capped subsidy was already claimed for {occupation} at {level}: "
    "{paid} (a certificate of one occupation and level is subsidised once)",
    facts=_CLAIM,
    parameters=(_CAPPED,),
    sources=(_FAQ, _ARTICLE_4),
    read_on=_ON_CLAIM_DAY,
    remedy=Unremediable(
        "{occupation} {level} 已享受过计入上限的补贴，同一职业（工种）同一等级的证书只补贴一次",
        "a capped subsidy was already claimed for {occupation} at {level}, and a "
        "certificate of one occupation and level is subsidised once",
    ),
)
UI_EXCLUSIVE = Condition(
    "subsidy.cap.ui_exclusive",
    zh="{occupation} {level} 已享受过与本次申领互斥的补贴：{paid}"
    "（同一职业（工种）等级，失业保险技能提升补贴与职业技能提升等补贴只能享受其一）",
    en="A subsidy exclusive with this claim was already claimed for "
    "{occupation} at {level}: {paid} (for one occupation and level, the "
    "unemployment-insurance skill subsidy excludes the skill-upgrade and related "
    "subsidies, and the reverse)",
    facts=_CLAIM,
    parameters=(_EXCLUSIVE,),
    read_on=_ON_CLAIM_DAY,
    remedy=Unremediable(
        "{occupation} {level} 已享受过与本次申领互斥的补贴，两者只能享受其一，"
        "此前的申领不能撤销",
        "a subsidy exclusive with this claim was already claimed for {occupation} "
        "at {level}: only one of the two can be had, and an earlier claim cannot "
        "be undone",
    ),
)

_UI = SubsidyKind.UNEMPLOYMENT_INSURANCE_SKILL
_UI_KINDS = frozenset({_UI})
_CONDITIONS = (SCOPE, PER_KIND, TOTAL, PER_LEVEL, UI_EXCLUSIVE)

# A claim made for a certificate is of the claim day's year (see
# check_certificate_cap): a later claim day in the next year is counted afresh.
_NEXT_YEAR = Elapses("claimed_on")
_BY_CLAIM_DAY = (PER_KIND.check, TOTAL.check)

CERTIFICATE_CAP_CONDITIONS: tuple[Condition, ...] = tuple(
    attrs.evolve(
        c,
        facts=tuple(f.replace("claim.", "certificate.") for f in c.facts),
        remedy=_NEXT_YEAR if c.check in _BY_CLAIM_DAY else c.remedy,
    )
    for c in _CONDITIONS
)
"""The cap's conditions for a claim made for a certificate, whose occupation and
level are the claim's and whose year is that of the claim day (see
:func:`check_certificate_cap`): the yearly limits are waited out, to the next
calendar year."""


def check_annual_cap(
    judge: Judge,
    claim: SubsidyClaim,
    history: Sequence[SubsidyClaim],
    *,
    claimed_on: date | None = None,
    claim_path: str = "claim",
) -> None:
    """Record the annual-cap conditions for *claim* as findings on *judge*.

    *history* holds the person's earlier claims (any year, any kind).  The limits
    are those in force on *claimed_on*, the day the claim was made (default: the
    judge's day).  Combined rules (a skill-upgrade or unemployment-insurance decision
    that also checks the cap) share the judge; they pass the fact path the claim's
    occupation and level come from as *claim_path* (e.g. ``"certificate"``), so an
    unknown one is named where the caller can supply it.
    """
    day = claimed_on if claimed_on is not None else judge.on
    kind, year = claim.kind, claim.year
    occupation, level = claim.occupation, claim.level
    kinds: tuple[frozenset[SubsidyKind] | None, ...] = judge.values(SCOPE, day=day)
    capped_kinds, exclusive_kinds = kinds
    capped = None if capped_kinds is None else kind in capped_kinds
    exclusive = (
        None if exclusive_kinds is None else kind is _UI or kind in exclusive_kinds
    )
    judge.record(
        SCOPE,
        None if capped is None or exclusive is None else True,
        (("kind", kind), ("capped", capped), ("exclusive", exclusive)),
        day=day,
    )

    def once(condition: Condition, among: Collection[SubsidyKind] | None) -> None:
        """One payment per occupation and level among the kinds *among*, naming
        together every unknown that could matter (the kinds last)."""
        paid, unknown = earlier_claim(history, among, occupation, level, matches=is_)
        own = (("occupation", occupation), ("level", level))
        judge.record(
            condition,
            False if paid else None if paid is None or among is None else True,
            (*own, ("paid", paid)),
            day=day,
            missing=()
            if paid is not None
            else (*(f"{claim_path}.{name}" for name, v in own if v is None), *unknown),
        )

    if capped is not False:
        per_kind: int | None = judge.values(PER_KIND, day=day)[1]
        in_year = [past.kind for past in history if past.year == year]
        count = in_year.count(kind)
        judge.record(
            PER_KIND,
            None if per_kind is None or capped is None else count < per_kind,
            (("year", year), ("kind", kind), ("count", count), ("maximum", per_kind)),
            day=day,
        )
        total: int | None = judge.values(TOTAL, day=day)[1]
        counted = (
            None if capped_kinds is None else sum(k in capped_kinds for k in in_year)
        )
        judge.record(
            TOTAL,
            None if total is None or counted is None else counted < total,
            (("year", year), ("count", counted), ("maximum", total)),
            day=day,
        )
        once(PER_LEVEL, capped_kinds)
    if exclusive is not False:
        # The subsidy excludes the exclusive kinds; each of them excludes it.
        others = (
            exclusive_kinds if kind is _UI or exclusive_kinds is None else _UI_KINDS
        )
        once(UI_EXCLUSIVE, others)


def check_certificate_cap(
    judge: Judge,
    kind: SubsidyKind,
    certificate: Certificate,
    history: Sequence[SubsidyClaim],
    claimed_on: date,
) -> None:
    """Record the cap's findings for a claim of *kind* for *certificate* on *judge*.

    The claim counted is the one being decided, for the certificate's occupation and
    level (named under ``certificate`` when unknown), in the year of *claimed_on*,
    under the limits of that day.  Rules using it declare ``CERTIFICATE_CAP_CONDITIONS``.
    """
    claim = SubsidyClaim(
        kind=kind,
        year=claimed_on.year,
        occupation=certificate.occupation,
        level=certificate.level,
    )
    check_annual_cap(
        judge, claim, history, claimed_on=claimed_on, claim_path="certificate"
    )


@in_library_context
def annual_cap(
    claim: SubsidyClaim,
    history: Sequence[SubsidyClaim],
    *,
    on: date,
    claimed_on: date | None = None,
    policy: Policy | None = None,
) -> Decision:
    """Decide whether *claim* stays within Shenzhen's annual subsidy cap.

    *history* holds the person's earlier claims (any year, any kind).  The limits
    are those in force on *claimed_on*, the day the claim was made (default: *on*,
    a claim decided the day it is made), so a claim decided later keeps them.

    Example:
        >>> from datetime import date
        >>> from skillchain import OccupationCode, SkillLevel
        >>> from skillchain.model import SubsidyClaim, SubsidyKind
        >>> from skillchain.rules import annual_cap
        >>> welder = OccupationCode("6-18-02-04")
        >>> earlier = (
        ...     SubsidyClaim(kind=SubsidyKind.APPRENTICESHIP, year=2024,
        ...                  occupation=welder, level=SkillLevel.INTERMEDIATE),
        ... )
        >>> again = SubsidyClaim(kind=SubsidyKind.APPRENTICESHIP, year=2024,
        ...                      occupation=welder, level=SkillLevel.ADVANCED)
        >>> annual_cap(again, earlier, on=date(2024, 9, 1)).outcome.value
        'ineligible'
        >>> next_year = SubsidyClaim(kind=SubsidyKind.APPRENTICESHIP, year=2025,
        ...                          occupation=welder, level=SkillLevel.ADVANCED)
        >>> annual_cap(next_year, earlier, on=date(2025, 3, 1)).outcome.value
        'eligible'
    """
    judge = Judge(policy if policy is not None else Policy.default(), on)
    check_annual_cap(judge, claim, history, claimed_on=claim_day(on, claimed_on))
    return judge.decide(ANNUAL_CAP_RULE)


ANNUAL_CAP_RULE: Rule = register(
    Rule(
        id="subsidy.cap",
        version="2026.2",
        title_zh="深圳市职业技能培训补贴年度次数上限与互斥",
        title_en="Shenzhen annual cap and exclusions across training subsidies",
        function=annual_cap,
        sources=(_FAQ, _ARTICLE_4),
        conditions=_CONDITIONS,
    )
)
"""The registered annual-cap rule."""
