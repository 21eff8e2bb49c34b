"""Rule: may a person receive one more training subsidy this year (Shenzhen's annual cap)?

Shenzhen limits what one person receives across its training-subsidy kinds (the city
HR bureau's FAQ republished by Yantian district, 2024-11-27; 深人社规〔2023〕8号 art. 4
in its third-draft numbering, in force 2023-11-15 to 2025-12-31):

* each of the 职业技能提升, 企业新型学徒制, 项目制培训 and 职业技能评价 subsidies at most
  once per calendar year, and at most three of them in total in that year;
* a certificate of one occupation and level is subsidised only once (across those
  kinds);
* the unemployment-insurance skill-upgrade subsidy (失业保险技能提升补贴) and the
  职业技能提升, 高校毕业生职业技能培训, 企业新型学徒制 and 项目制 subsidies exclude each
  other for the same occupation and level, whichever came first.

The new claim is checked against the person's claim history.  Every claim in the
history counts, paid or still pending: a district leaves refused and withdrawn
claims out, and claims paid outside Guangdong (the claim's division is not checked).
"""

from collections.abc import Collection, Sequence
from datetime import date

from skillchain._context import in_library_context
from skillchain._decision import Decision, FactValue, Message, register_messages
from skillchain._levels import SkillLevel
from skillchain._sources import Citation
from skillchain.model import SubsidyClaim, SubsidyKind
from skillchain.policy import Policy
from skillchain.rules._claims import claim_day, earlier_claim
from skillchain.rules._judge import Judge, citations_of
from skillchain.rules._registry import Condition, ReadOn, Rule, RuleSource, register


__all__ = ["ANNUAL_CAP_RULE", "annual_cap", "check_annual_cap"]

_FAQ = "sz-annual-cap-faq-2024"
_MEASURE = "sz-2023-8"
_MEASURE_ARTICLE = "第四条（第三次征求意见稿）"
_UI = SubsidyKind.UNEMPLOYMENT_INSURANCE_SKILL
_UI_KINDS = frozenset({_UI})

register_messages(
    {
        "subsidy.cap.scope": Message(
            zh="申领的补贴为{kind}：计入年度次数上限：{capped}；"
            "与失业保险技能提升补贴互斥：{exclusive}",
            en="The claim is for the {kind}: counted by the annual cap: {capped}; "
            "exclusive with the unemployment-insurance skill subsidy: {exclusive}",
        ),
        "subsidy.cap.per_kind": Message(
            zh="{year} 年已享受{kind} {count} 次，每类补贴每个自然年度至多 {maximum} 次",
            en="In {year} the person already had {count} claim(s) of the {kind}; "
            "at most {maximum} per kind per calendar year",
        ),
        "subsidy.cap.total": Message(
            zh="{year} 年已享受计入上限的补贴 {count} 次，每个自然年度合计至多 {maximum} 次",
            en="In {year} the person already had {count} capped subsidy claim(s); "
            "at most {maximum} in total per calendar year",
        ),
        "subsidy.cap.per_level": Message(
            zh="{occupation} {level} 已享受过计入上限的补贴：{paid}"
            "（同一职业（工种）同一等级的证书只补贴一次）",
            en="A capped subsidy was already claimed for {occupation} at {level}: "
            "{paid} (a certificate of one occupation and level is subsidised once)",
        ),
        "subsidy.cap.ui_exclusive": Message(
            zh="{occupation} {level} 已享受过与本次申领互斥的补贴：{paid}"
            "（同一职业（工种）等级，失业保险技能提升补贴与职业技能提升等补贴只能享受其一）",
            en="A subsidy exclusive with this claim was already claimed for "
            "{occupation} at {level}: {paid} (for one occupation and level, the "
            "unemployment-insurance skill subsidy excludes the skill-upgrade and related "
            "subsidies, and the reverse)",
        ),
    }
)


def _same_level(past: SkillLevel, level: SkillLevel) -> bool:
    return past is level


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
    params = judge.policy.at(claimed_on if claimed_on is not None else judge.on).subsidy
    kind, year = claim.kind, claim.year

    capped_param = params.capped_kinds
    exclusive_param = params.ui_exclusive_kinds
    capped_kinds = judge.use(capped_param)
    exclusive_kinds = judge.use(exclusive_param)
    capped = None if capped_kinds is None else kind in capped_kinds
    exclusive = (
        None if exclusive_kinds is None else kind is _UI or kind in exclusive_kinds
    )
    scope_values = (("kind", kind), ("capped", capped), ("exclusive", exclusive))
    scope_missing = tuple(
        p.name
        for p, v in ((capped_param, capped_kinds), (exclusive_param, exclusive_kinds))
        if v is None
    )
    if scope_missing:
        judge.missing("subsidy.cap.scope", scope_missing, scope_values)
    else:
        judge.check(
            "subsidy.cap.scope",
            True,
            scope_values,
            citations_of(capped_param, exclusive_param),
        )

    if capped is not False:
        per_kind_param = params.claims_per_kind_per_year
        per_kind = judge.use(per_kind_param)
        count = sum(1 for past in history if past.kind is kind and past.year == year)
        values: tuple[tuple[str, FactValue], ...] = (
            ("year", year),
            ("kind", kind),
            ("count", count),
            ("maximum", per_kind),
        )
        if per_kind is None or capped is None:
            judge.missing(
                "subsidy.cap.per_kind",
                tuple(
                    p.name
                    for p, v in ((capped_param, capped), (per_kind_param, per_kind))
                    if v is None
                ),
                values,
            )
        else:
            judge.check(
                "subsidy.cap.per_kind",
                count < per_kind,
                values,
                citations_of(per_kind_param),
            )

        total_param = params.claims_per_year_total
        total = judge.use(total_param)
        counted = (
            None
            if capped_kinds is None
            else sum(
                1 for past in history if past.year == year and past.kind in capped_kinds
            )
        )
        values = (("year", year), ("count", counted), ("maximum", total))
        if total is None or counted is None:
            judge.missing(
                "subsidy.cap.total",
                tuple(
                    p.name
                    for p, v in ((capped_param, capped_kinds), (total_param, total))
                    if v is None
                ),
                values,
            )
        else:
            judge.check(
                "subsidy.cap.total",
                counted < total,
                values,
                citations_of(total_param),
            )

        policy = judge.policy
        _check_once(
            judge,
            "subsidy.cap.per_level",
            history,
            kinds=capped_kinds,
            kinds_name=capped_param.name,
            claim=claim,
            claim_path=claim_path,
            citations=(
                policy.citation(_FAQ),
                policy.citation(_MEASURE, _MEASURE_ARTICLE),
            ),
        )
    if exclusive is not False:
        counterparts: Collection[SubsidyKind] | None
        if exclusive_kinds is None:
            counterparts = None
        elif kind is _UI:
            counterparts = exclusive_kinds
        else:
            counterparts = _UI_KINDS
        _check_once(
            judge,
            "subsidy.cap.ui_exclusive",
            history,
            kinds=counterparts,
            kinds_name=exclusive_param.name,
            claim=claim,
            claim_path=claim_path,
            citations=citations_of(exclusive_param),
        )


def _check_once(
    judge: Judge,
    check: str,
    history: Sequence[SubsidyClaim],
    *,
    kinds: Collection[SubsidyKind] | None,
    kinds_name: str,
    claim: SubsidyClaim,
    claim_path: str,
    citations: tuple[Citation, ...],
) -> None:
    """One payment per occupation and level among *kinds* (shared by two checks).

    Every unknown that could matter is named together: the kinds (a parameter not
    in force), the claim's occupation or level, and the fields of earlier claims
    that could match.
    """
    occupation, level = claim.occupation, claim.level
    paid, unknown = earlier_claim(
        history, kinds, occupation, level, matches=_same_level
    )
    values: tuple[tuple[str, FactValue], ...] = (
        ("occupation", occupation),
        ("level", level),
        ("paid", paid),
    )
    if paid is True:
        judge.check(check, False, values, citations)
        return
    missing: list[str] = []
    if kinds is None:
        missing.append(kinds_name)
    if paid is None:
        if occupation is None:
            missing.append(f"{claim_path}.occupation")
        if level is None:
            missing.append(f"{claim_path}.level")
        missing.extend(unknown)
    if missing:
        judge.missing(check, missing, values, citations)
    else:
        judge.check(check, True, values, citations)


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

    Counts the claims of *history* in the claim's calendar year
    (:attr:`~skillchain.model.SubsidyClaim.year`) and, for the one-payment and the
    unemployment-insurance exclusions, in any year.  An unknown occupation or level,
    of the claim or of a history claim that could match, leaves those checks
    undecided, and every such unknown is named.  The limits are those in force on
    *claimed_on*, the day the claim was made (default: *on*, a claim decided the
    day it is made), so a claim decided later keeps the limits of its day.

    Effective: 2023-11-15 to 2025-12-31 (深人社规〔2023〕8号); a claim made on any
    other day finds no limit in force and the decision is undetermined.

    References:
        深圳市人社局 FAQ republished by 盐田区 (2024-11-27); 《深圳市职业技能培训补贴办法》
        (深人社规〔2023〕8号) art. 4 (third-draft numbering).

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
        >>> annual_cap(again, earlier, on=date(2024, 9, 1)).outcome
        <Outcome.INELIGIBLE: 'ineligible'>
        >>> next_year = SubsidyClaim(kind=SubsidyKind.APPRENTICESHIP, year=2025,
        ...                          occupation=welder, level=SkillLevel.ADVANCED)
        >>> annual_cap(next_year, earlier, on=date(2025, 3, 1)).outcome
        <Outcome.ELIGIBLE: 'eligible'>
    """
    judge = Judge(policy if policy is not None else Policy.default(), on)
    check_annual_cap(judge, claim, history, claimed_on=claim_day(on, claimed_on))
    return judge.decide(ANNUAL_CAP_RULE)


_ON_CLAIM_DAY = ReadOn(
    "claimed_on",
    "the FAQ and 深人社规〔2023〕8号 limit the subsidies a person claims (申领) in a "
    "calendar year: the limits in force when the claim is made apply",
)


ANNUAL_CAP_RULE: Rule = register(
    Rule(
        id="subsidy.cap",
        version="2026.1",
        title_zh="深圳市职业技能培训补贴年度次数上限与互斥",
        title_en="Shenzhen annual cap and exclusions across training subsidies",
        function=annual_cap,
        sources=(RuleSource(_FAQ), RuleSource(_MEASURE, _MEASURE_ARTICLE)),
        parameters=(
            "subsidy.capped_kinds",
            "subsidy.ui_exclusive_kinds",
            "subsidy.claims_per_kind_per_year",
            "subsidy.claims_per_year_total",
        ),
        conditions=(
            Condition(
                "subsidy.cap.scope",
                parameters=("subsidy.capped_kinds", "subsidy.ui_exclusive_kinds"),
                read_on=_ON_CLAIM_DAY,
            ),
            Condition(
                "subsidy.cap.per_kind",
                parameters=("subsidy.claims_per_kind_per_year",),
                read_on=_ON_CLAIM_DAY,
            ),
            Condition(
                "subsidy.cap.total",
                parameters=("subsidy.claims_per_year_total",),
                read_on=_ON_CLAIM_DAY,
            ),
            Condition(
                "subsidy.cap.per_level",
                parameters=("subsidy.capped_kinds",),
                sources=(RuleSource(_FAQ), RuleSource(_MEASURE, _MEASURE_ARTICLE)),
                read_on=_ON_CLAIM_DAY,
            ),
            Condition(
                "subsidy.cap.ui_exclusive",
                parameters=("subsidy.ui_exclusive_kinds",),
                read_on=_ON_CLAIM_DAY,
            ),
        ),
    )
)
"""The registered annual-cap rule."""
