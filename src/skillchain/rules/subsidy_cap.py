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

from collections.abc import Callable, Collection, Sequence
from datetime import date

from skillchain._codes import OccupationCode
from skillchain._decision import Decision, FactValue, Message, register_messages
from skillchain._levels import SkillLevel
from skillchain._sources import Citation
from skillchain.model import SubsidyClaim, SubsidyKind
from skillchain.policy import Policy
from skillchain.rules._judge import Judge, citations_of
from skillchain.rules._registry import Condition, Rule, RuleSource, register


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


def _same_level(level: SkillLevel) -> Callable[[SkillLevel], bool]:
    return lambda other: other is level


def _conflict(
    history: Sequence[SubsidyClaim],
    kinds: Collection[SubsidyKind],
    occupation: OccupationCode,
    matches: Callable[[SkillLevel], bool],
    path: str = "history",
) -> tuple[bool | None, tuple[str, ...]]:
    """Whether *history* holds a claim of *kinds* for *occupation* at a matching level.

    Returns ``(True, ())`` when a claim certainly conflicts, ``(False, ())`` when
    none can, and ``(None, names)`` when only claims with an unknown occupation or
    level could; *names* are their unknown fields, as ``history[i].level``.
    """
    unknown: list[str] = []
    for index, past in enumerate(history):
        if past.kind not in kinds:
            continue
        occ, level = past.occupation, past.level
        if occ is not None and occ != occupation:
            continue
        if level is not None and not matches(level):
            continue
        if occ is not None and level is not None:
            return True, ()
        if occ is None:
            unknown.append(f"{path}[{index}].occupation")
        if level is None:
            unknown.append(f"{path}[{index}].level")
    if unknown:
        return None, tuple(unknown)
    return False, ()


def check_annual_cap(
    judge: Judge, claim: SubsidyClaim, history: Sequence[SubsidyClaim]
) -> None:
    """Record the annual-cap conditions for *claim* as findings on *judge*.

    *history* holds the person's earlier claims (any year, any kind).  Combined
    rules (an apprenticeship or skill-upgrade decision that also checks the cap)
    share the judge.
    """
    params = judge.params.subsidy
    policy = judge.policy
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

    if capped is not False:
        _check_once(
            judge,
            "subsidy.cap.per_level",
            history,
            kinds=capped_kinds,
            kinds_name=capped_param.name,
            claim=claim,
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
    citations: tuple[Citation, ...],
) -> None:
    """One payment per occupation and level among *kinds* (shared by two checks)."""
    occupation, level = claim.occupation, claim.level
    missing: list[str] = []
    if kinds is None:
        missing.append(kinds_name)
    if occupation is None:
        missing.append("claim.occupation")
    if level is None:
        missing.append("claim.level")
    if kinds is None or occupation is None or level is None:
        judge.missing(
            check,
            missing,
            (("occupation", occupation), ("level", level), ("paid", None)),
            citations,
        )
        return
    paid, unknown = _conflict(history, kinds, occupation, _same_level(level))
    values: tuple[tuple[str, FactValue], ...] = (
        ("occupation", occupation),
        ("level", level),
        ("paid", paid),
    )
    if paid is None:
        judge.missing(check, unknown, values, citations)
    else:
        judge.check(check, not paid, values, citations)


def annual_cap(
    claim: SubsidyClaim,
    history: Sequence[SubsidyClaim],
    *,
    on: date,
    policy: Policy | None = None,
) -> Decision:
    """Decide whether *claim* stays within Shenzhen's annual subsidy cap.

    Counts the claims of *history* in the claim's calendar year
    (:attr:`~skillchain.model.SubsidyClaim.year`) and, for the one-payment and the
    unemployment-insurance exclusions, in any year.  An unknown occupation or level,
    of the claim or of a history claim that could match, leaves those checks
    undecided.

    Effective: 2023-11-15 to 2025-12-31 (深人社规〔2023〕8号); on any other day the
    parameters have no value and the decision is undetermined.

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
    check_annual_cap(judge, claim, history)
    return judge.decide(ANNUAL_CAP_RULE)


ANNUAL_CAP_RULE: Rule = register(
    Rule(
        id="subsidy.cap",
        version="2024.1",
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
            ),
            Condition(
                "subsidy.cap.per_kind", parameters=("subsidy.claims_per_kind_per_year",)
            ),
            Condition(
                "subsidy.cap.total", parameters=("subsidy.claims_per_year_total",)
            ),
            Condition(
                "subsidy.cap.per_level",
                parameters=("subsidy.capped_kinds",),
                sources=(RuleSource(_FAQ), RuleSource(_MEASURE, _MEASURE_ARTICLE)),
            ),
            Condition(
                "subsidy.cap.ui_exclusive", parameters=("subsidy.ui_exclusive_kinds",)
            ),
        ),
    )
)
"""The registered annual-cap rule."""
