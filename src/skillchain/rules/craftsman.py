"""Rules: the 鹏城工匠 selection, and skill-level promotion from competition results.

* :func:`pengcheng_craftsman` and :func:`select_craftsmen` (rule
  ``craftsman.selection``): does a candidate meet the conditions of a yearly
  selection round, and are they among the year's craftsmen?  The figures are
  those in force on the round's application deadline.
* :func:`competition_promotion` (rule ``craftsman.promotion``): which skill level a
  competition result promotes its winner to, from the competition's own promotion
  table in the policy, as in force when the competition was held.
"""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

import attrs

from skillchain._checks import tuple_of
from skillchain._context import in_library_context
from skillchain._dates import days_apart, last_day_of_year, months_through
from skillchain._decision import Decision, FactValue, Outcome
from skillchain._levels import SkillLevel
from skillchain.model import (
    Certificate,
    CompetitionClass,
    CompetitionResult,
    CompetitionTier,
    CraftsmanApplication,
    Employment,
    PostType,
)
from skillchain.policy import Policy
from skillchain.policy.kinds import PromotionTable
from skillchain.rules._allocation import Allocation, rank
from skillchain.rules._judge import Judge
from skillchain.rules._registry import (
    Condition,
    ReadOn,
    Rule,
    RuleSource,
    Unremediable,
    register,
)


__all__ = [
    "CRAFTSMAN_PROMOTION_RULE",
    "CRAFTSMAN_SELECTION_RULE",
    "CraftsmanSelection",
    "check_craftsman",
    "competition_promotion",
    "pengcheng_craftsman",
    "promoted_level",
    "select_craftsmen",
]

_MEASURE = RuleSource("sz-2016-16")
_CRAFTSMAN_KEY = "pengcheng-craftsman"
"""The honours-catalog key of 鹏城工匠 (no repeat winners)."""

_ON_DEADLINE = ReadOn(
    "application.deadline",
    "the measure in force when the round's applications close sets the round's "
    "conditions, limit and reward; the years and achievements are counted to that "
    "day too",
)
_ON_CONTEST = ReadOn(
    "result.competition.held_on",
    "each competition's notice sets the promotions of its own winners: the table in "
    "force when the competition was held (31 December of its year if the day is "
    "not recorded)",
)
_TABLES = ("craftsman.promotion_tables",)

FRONTLINE = Condition(
    "craftsman.selection.frontline_years",
    zh="截至申报截止日 {deadline}，在深圳一线技能技术岗位工作 {months} 个月，"
    "须满 {minimum} 年",
    en="By the deadline {deadline}: {months} months in front-line skill or "
    "technical posts in Shenzhen; at least {minimum} years are needed",
    facts=("application.frontline_posts",),
    parameters=("craftsman.frontline_post_types", "craftsman.min_frontline_years"),
    read_on=_ON_DEADLINE,
    # Counted to the round's deadline, ongoing posts included: waiting adds nothing
    # to this round's count (a later round counts to its own deadline).
    remedy=Unremediable(
        "一线岗位年限计算至本年度申报截止日 {deadline}，共 {months} 个月，"
        "不足 {minimum} 年；本年度的计算不会再变",
        "the front-line months are counted to this round's deadline {deadline}: "
        "{months}, short of {minimum} years, and this round's count does not change",
    ),
)
SKILL_LEVEL = Condition(
    "craftsman.selection.level",
    zh="最高技能等级为{level}（最低要求{minimum}）；同等技术技能水平：{equivalent}",
    en="Highest skill level {level} (at least {minimum} needed); equivalent "
    "level found by the review: {equivalent}",
    facts=("application.equivalent_level",),
    parameters=("craftsman.min_level",),
    read_on=_ON_DEADLINE,
    remedy=Unremediable(
        "截至申报截止日的最高技能等级为{level}，低于{minimum}，评审亦未认定同等水平",
        "the highest level held by the round's deadline is {level}, below "
        "{minimum}, and the review found no equivalent level",
    ),
)
ACHIEVEMENT = Condition(
    "craftsman.selection.achievement",
    zh="{window_start} 至 {deadline} 期间的业绩：{found}",
    en="Achievement from {window_start} to {deadline}: {found}",
    facts=("application.honours", "application.results", "application.other_merit"),
    parameters=(
        "craftsman.achievement_window_years",
        "craftsman.qualifying_honours",
        "craftsman.result_tier",
        "craftsman.result_class",
        "craftsman.result_max_rank",
    ),
    sources=(_MEASURE,),
    read_on=_ON_DEADLINE,
    remedy=Unremediable(
        "{window_start} 至 {deadline} 期间无所列荣誉或竞赛名次，评审亦未认定其他业绩；"
        "该期间的业绩不会再变",
        "no listed honour or result falls between {window_start} and {deadline}, "
        "and the review found no other merit; that period's record does not change",
    ),
)
_WINDOW, _HONOURS, *_RESULTS = ACHIEVEMENT.parameters
_BY_HONOUR = ACHIEVEMENT.only(_WINDOW, _HONOURS)
_BY_RESULT = ACHIEVEMENT.only(_WINDOW, *_RESULTS)
_BY_MERIT = ACHIEVEMENT.only()
NOT_YET_AWARDED = Condition(
    "craftsman.selection.not_yet_awarded",
    zh="此前已获“鹏城工匠”称号：{awarded}（不能重复参选）",
    en="Already a Pengcheng Craftsman: {awarded} (no repeat winners)",
    facts=("application.honours",),
    sources=(_MEASURE,),
    remedy=Unremediable(
        "已获“鹏城工匠”称号，该称号不重复授予",
        "the candidate is already a Pengcheng Craftsman, and the title is not "
        "given twice",
    ),
)
AMOUNT = Condition(
    "craftsman.selection.amount",
    zh="奖励金额 {amount} 元",
    en="Reward {amount} yuan",
    parameters=("craftsman.award_amount",),
    read_on=_ON_DEADLINE,
)
RANK = Condition(
    "craftsman.selection.rank",
    zh="{year}年度评审得分 {score}，在符合条件的申报人中排第 {position} 位，"
    "每年最多 {limit} 名",
    en="{year} round: review score {score}, position {position} among the "
    "eligible candidates; at most {limit} a year",
    facts=("application.review_score",),
    parameters=("craftsman.annual_limit",),
    read_on=_ON_DEADLINE,
    remedy=Unremediable(
        "按评审得分排第 {position} 位，{year} 年度的 {limit} 个名额已由排名在前的申报人取得",
        "by review score the candidate ranks at position {position}, and the "
        "{year} round's {limit} places went to the candidates ranked before",
    ),
)

PROMOTION_TABLE = Condition(
    "craftsman.promotion.table",
    zh="竞赛“{competition}”的获奖晋升规定：{known}",
    en="Promotion table of the competition '{competition}': {known}",
    facts=("result.competition.name",),
    parameters=_TABLES,
    read_on=_ON_CONTEST,
)
PROMOTION_COMPETITOR = Condition(
    "craftsman.promotion.competitor",
    zh="以选手身份获奖（教练不晋升）：{competitor}",
    en="Won as a competitor (coaches are not promoted): {competitor}",
    facts=("result.as_coach",),
    parameters=_TABLES,
    read_on=_ON_CONTEST,
    remedy=Unremediable(
        "以教练身份获奖，教练不晋升；已结束的比赛身份不会改变",
        "the result was won as a coach, coaches are not promoted, and a contest "
        "over does not change that",
    ),
)
PROMOTION_AWARD = Condition(
    "craftsman.promotion.award",
    zh="获奖等次{award}，属于可晋升的奖项：{listed}",
    en="Award {award}; an award that promotes: {listed}",
    facts=("result.award",),
    parameters=_TABLES,
    read_on=_ON_CONTEST,
    remedy=Unremediable(
        "获奖等次{award}不在该竞赛的晋升规定之列，已评定的奖项不会改变",
        "the award {award} is not one the competition's table promotes, and an "
        "award given does not change",
    ),
)
PROMOTION_LEVEL = Condition(
    "craftsman.promotion.level",
    zh="本职业现有等级{held}，晋升后等级{promoted}",
    en="Level held in the occupation: {held}; level after promotion: {promoted}",
    facts=("certificates", "result.competition.occupation"),
    parameters=_TABLES,
    read_on=_ON_CONTEST,
    remedy=Unremediable(
        "本职业现有等级{held}已不低于该奖项可晋升的等级",
        "the level already held in the occupation, {held}, is at or above the "
        "level the award promotes to",
    ),
)
# A competition without a table of its own: its conditions rest on no notice (the
# tables in force are another competition's), so they cite none.
_UNTABLED = tuple(
    condition.only()
    for condition in (PROMOTION_COMPETITOR, PROMOTION_AWARD, PROMOTION_LEVEL)
)


# --- the selection ------------------------------------------------------------------


def _frontline_months(
    posts: Iterable[Employment], kinds: frozenset[PostType], deadline: date
) -> int:
    """Whole months of qualifying posts up to *deadline*, overlaps counted once."""
    spans: list[tuple[date, date]] = []
    for post in posts:
        if post.post not in kinds or post.period.start > deadline:
            continue
        end = post.period.end
        last = deadline if end is None or end > deadline else end
        spans.append((post.period.start, last))
    spans.sort()
    merged: list[list[date]] = []
    for start, last in spans:
        if merged and days_apart(merged[-1][1], start) <= 1:
            merged[-1][1] = max(merged[-1][1], last)
        else:
            merged.append([start, last])
    return sum(months_through(start, last) for start, last in merged)


def _check_frontline(judge: Judge, application: CraftsmanApplication) -> None:
    deadline = application.deadline
    kinds: frozenset[PostType] | None
    years: int | None
    kinds, years = judge.values(FRONTLINE, day=deadline)
    posts = application.frontline_posts
    months = (
        None
        if posts is None or kinds is None
        else _frontline_months(posts, kinds, deadline)
    )
    values: tuple[tuple[str, FactValue], ...] = (
        ("deadline", deadline),
        ("months", months),
        ("minimum", years),
    )
    # Posts whose type is not recorded: they decide only when counting them would
    # reach the minimum and leaving them out would not.
    untyped = [
        f"application.frontline_posts[{index}].post"
        for index, post in enumerate(posts or ())
        if post.post is None
    ]
    held: bool | None = None
    if months is not None and years is not None:
        held = months >= years * 12
        if not held and untyped and posts is not None and kinds is not None:
            counted = tuple(
                attrs.evolve(post, post=next(iter(kinds)))
                if post.post is None
                else post
                for post in posts
            )
            if _frontline_months(counted, kinds, deadline) >= years * 12:
                held = None
    judge.record(
        FRONTLINE,
        held,
        values,
        (posts,),
        day=deadline,
        missing=untyped if posts is not None else None,
    )


def _highest_level(certificates: Iterable[Certificate], by: date) -> SkillLevel | None:
    levels = [
        cert.level
        for cert in certificates
        if cert.level is not None and cert.issued_on <= by
    ]
    return max(levels, key=lambda level: level.rank) if levels else None


def _check_level(judge: Judge, application: CraftsmanApplication) -> None:
    """高级技师 or higher by the deadline, or an equivalent level found by the review.

    The review's finding settles the condition whatever the least level; without
    it, it is asked for unless the level held is the top of the ladder.
    """
    deadline = application.deadline
    minimum: SkillLevel | None = judge.value(SKILL_LEVEL, day=deadline)
    level = _highest_level(application.certificates, deadline)
    equivalent = application.equivalent_level
    held: bool | None = None
    if equivalent is True or (
        minimum is not None and level is not None and level >= minimum
    ):
        held = True
    elif minimum is not None and equivalent is False:
        held = False
    judge.record(
        SKILL_LEVEL,
        held,
        (("level", level), ("minimum", minimum), ("equivalent", equivalent)),
        (equivalent,),
        day=deadline,
        missing=() if level is not None and level == max(SkillLevel) else None,
    )


def _found_honour(
    application: CraftsmanApplication, start: date, keys: frozenset[str]
) -> str | None:
    """The first listed honour within the window, as text."""
    for honour in application.honours:
        if honour.key in keys and start <= honour.awarded_on <= application.deadline:
            return f"{honour.title} ({honour.awarded_on.isoformat()})"
    return None


def _found_result(
    application: CraftsmanApplication,
    start: date,
    rule: tuple[CompetitionTier, CompetitionClass, int],
) -> tuple[str | None, list[str]]:
    """The first qualifying result (as text), or the undated ones that may qualify."""
    tier, klass, max_rank = rule
    undated: list[str] = []
    for index, result in enumerate(application.results):
        contest = result.competition
        if (
            contest.tier is not tier
            or contest.competition_class is not klass
            or result.rank is None
            or result.rank > max_rank
        ):
            continue
        held = contest.held_on
        role = "coach" if result.as_coach else "competitor"
        found = f"{contest.name} ({contest.event}), rank {result.rank}, {role}"
        if held is not None:
            if start <= held <= application.deadline:
                return found, []
        elif start.year < contest.year < application.deadline.year:
            return found, []
        elif start.year <= contest.year <= application.deadline.year:
            undated.append(f"application.results[{index}].competition.held_on")
    return None, undated


def _check_achievement(judge: Judge, application: CraftsmanApplication) -> None:
    """One listed honour or result within the window, or other merit the review found."""
    deadline = application.deadline
    figures = judge.values(ACHIEVEMENT, day=deadline)
    years, keys, tier, klass, max_rank = figures
    start = None if years is None else date(application.year - years, 1, 1)
    honour = (
        None
        if start is None or keys is None
        else _found_honour(application, start, keys)
    )
    result: str | None = None
    undated: list[str] = []
    if start is not None and None not in (tier, klass, max_rank):
        result, undated = _found_result(application, start, (tier, klass, max_rank))
    merit = application.other_merit
    found = honour if honour is not None else result
    if found is None and merit is True:
        found = "other_merit"
    unknown = [*undated, *(["application.other_merit"] if merit is None else [])]
    held: bool | None = False
    if found is not None:
        held = True
    elif unknown or None in figures:
        held = None
    # Other merit the review found rests on no figure, a listed achievement on
    # the figures that found it; a miss rests on them all.
    condition = ACHIEVEMENT
    if merit is True:
        condition = _BY_MERIT
    elif honour is not None:
        condition = _BY_HONOUR
    elif result is not None:
        condition = _BY_RESULT
    judge.record(
        condition,
        held,
        (("window_start", start), ("deadline", deadline), ("found", found)),
        day=deadline,
        missing=unknown,
    )


def check_craftsman(judge: Judge, application: CraftsmanApplication) -> Decimal | None:
    """Record the selection conditions and the reward of *application* on *judge*.

    The figures are those in force on the round's deadline
    (``application.deadline``), whatever the judge's day.  Returns the reward when
    it is known, else ``None``; whether the candidate is selected also depends on
    the ranking (:func:`select_craftsmen`).
    """
    _check_frontline(judge, application)
    _check_level(judge, application)
    _check_achievement(judge, application)
    awarded = any(
        honour.key == _CRAFTSMAN_KEY and honour.awarded_on <= application.deadline
        for honour in application.honours
    )
    judge.record(NOT_YET_AWARDED, not awarded, (("awarded", awarded),))
    amount: Decimal | None = judge.value(AMOUNT, day=application.deadline)
    judge.record(
        AMOUNT,
        None if amount is None else True,
        (("amount", amount),),
        day=application.deadline,
    )
    return amount


@attrs.frozen(kw_only=True)
class CraftsmanSelection(Allocation[CraftsmanApplication]):
    """The 鹏城工匠 selection of one or more rounds: every application, ranked.

    One decision per application under rule ``craftsman.selection``: *eligible* —
    selected, with the reward as the amount; *ineligible* — a condition fails, or
    the year's places went to higher scores; *undetermined* — a fact, a figure or
    the review score is unknown (the decision names it), and the application takes
    no place.  Iterating gives each application with its decision, in rank order;
    :attr:`chosen` are the selected.
    """

    ranked: tuple[CraftsmanApplication, ...] = attrs.field(
        validator=tuple_of(CraftsmanApplication)
    )
    """Every application in rank order: by round year, then by review score (highest
    first, unscored last), then by the whole record."""


def _rank_key(application: CraftsmanApplication) -> tuple[int, bool, Decimal]:
    """Year, then score (highest first, unscored last)."""
    score = application.review_score
    return (application.year, score is None, -(score or Decimal(0)))


@in_library_context
def select_craftsmen(
    applications: Iterable[CraftsmanApplication],
    *,
    on: date,
    policy: Policy | None = None,
) -> CraftsmanSelection:
    """Decide every application of one or more selection rounds, the selected included.

    Each application's conditions are judged (:func:`check_craftsman`); then, per
    round year, the applications that meet every condition and have a review score
    (a fact the caller supplies) are ranked, and the first
    ``craftsman.annual_limit`` are selected.  The result never depends on the
    order of *applications*.  Every figure is the one in force on the round's
    application deadline; *on* is the day the decisions are made.

    Raises:
        InvalidValueError: An item is not a :class:`~skillchain.model.CraftsmanApplication`,
            or the same application appears twice.

    Example:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from skillchain import ResidentId
        >>> from skillchain.model import CraftsmanApplication
        >>> from skillchain.rules import select_craftsmen
        >>> app = CraftsmanApplication(person=ResidentId("11010519491231002X"),
        ...     year=2025, deadline=date(2025, 8, 1), review_score=Decimal("90"))
        >>> ((_, decision),) = select_craftsmen([app], on=date(2025, 9, 1))
        >>> decision.outcome.value, decision.missing
        ('undetermined', ('application.frontline_posts', 'application.equivalent_level', 'application.other_merit'))
    """
    chosen = policy if policy is not None else Policy.default()
    ranked = rank(applications, CraftsmanApplication, _rank_key)
    judges = [Judge(chosen, on) for _ in ranked]
    amounts = [check_craftsman(j, a) for j, a in zip(judges, ranked, strict=True)]
    positions: dict[int, int] = {}
    for application, judge in zip(ranked, judges, strict=True):
        if judge.failed:
            continue  # refused on a condition: no place to give
        deadline = application.deadline
        limit: int | None = judge.value(RANK, day=deadline)
        score = application.review_score
        position: int | None = None
        held: bool | None = None
        # No place while a condition or the score is open.
        if not judge.undecided and score is not None and limit is not None:
            position = positions.get(application.year, 0) + 1
            positions[application.year] = position
            held = position <= limit
        judge.record(
            RANK,
            held,
            (
                ("year", application.year),
                ("score", score),
                ("position", position),
                ("limit", limit),
            ),
            (score,),
            day=deadline,
        )
    return CraftsmanSelection(
        ranked=ranked,
        decisions=tuple(
            judge.decide(CRAFTSMAN_SELECTION_RULE, amount)
            for judge, amount in zip(judges, amounts, strict=True)
        ),
    )


@in_library_context
def pengcheng_craftsman(
    application: CraftsmanApplication,
    applications: Iterable[CraftsmanApplication] = (),
    *,
    on: date,
    policy: Policy | None = None,
) -> Decision:
    """Decide *application* in its 鹏城工匠 round, among *applications*.

    The decision :func:`select_craftsmen` reaches for *application* (added to
    *applications* if it is not among them).  On its own, an eligible, scored
    application ranks first of its year.

    Raises:
        InvalidValueError: As for :func:`select_craftsmen`.
    """
    pool = tuple(applications)
    if application not in pool:
        pool = (*pool, application)
    return select_craftsmen(pool, on=on, policy=policy).decision_for(application)


# --- promotion from a competition result --------------------------------------------


def _held_level(
    judge: Judge,
    result: CompetitionResult,
    certificates: tuple[Certificate, ...] | None,
) -> tuple[SkillLevel | None, tuple[str, ...]]:
    """The level held in the event's occupation, or the names of the missing facts."""
    occupation = result.competition.occupation
    if certificates is None:
        # Any certificate found would be matched on the event's occupation.
        unknown: tuple[str, ...] = ("certificates",)
        if occupation is None:
            unknown = (*unknown, "result.competition.occupation")
        return None, unknown
    levelled = [
        cert
        for cert in certificates
        if cert.level is not None and cert.issued_on <= judge.on
    ]
    if occupation is None:
        if levelled:
            return None, ("result.competition.occupation",)
        return None, ()
    return _highest_level(
        (cert for cert in levelled if cert.occupation == occupation), judge.on
    ), ()


@in_library_context
def competition_promotion(
    result: CompetitionResult,
    *,
    certificates: tuple[Certificate, ...] | None = None,
    on: date,
    policy: Policy | None = None,
) -> Decision:
    """Decide which skill level *result* promotes its winner to, if any.

    The competition's promotion table is looked up by its name in
    ``craftsman.promotion_tables`` as in force on the day the competition was held
    (``competition.held_on``, or 31 December of its year when the day is not
    recorded).  The level held is the highest level of *certificates* in the
    event's occupation issued by *on* (``None``: not looked up).  An eligible
    decision's new level is read with :func:`promoted_level`.
    """
    judge = Judge(policy if policy is not None else Policy.default(), on)
    contest = result.competition
    held_on = contest.held_on or last_day_of_year(contest.year)
    tables: PromotionTable | None = judge.value(PROMOTION_TABLE, day=held_on)
    name = contest.name
    table = None if tables is None else tables.get(name)
    # Tables in force without this competition's: the parameter is named all the same.
    unlisted = PROMOTION_TABLE.parameters if tables is not None else ()
    judge.record(
        PROMOTION_TABLE,
        None if table is None else True,
        (("competition", name), ("known", table is not None)),
        day=held_on,
        missing=unlisted,
    )
    competitor, listed, lifts = (
        (PROMOTION_COMPETITOR, PROMOTION_AWARD, PROMOTION_LEVEL)
        if table is not None
        else _UNTABLED
    )
    judge.record(
        competitor,
        not result.as_coach,
        (("competitor", not result.as_coach),),
        day=held_on,
    )
    award = result.award
    row = None if table is None or award is None else table.get(award)
    # Without the table a listed award cannot be told from an unlisted one.
    unknown = table is None and award is not None
    judge.record(
        listed,
        None if unknown else row is not None,
        (("award", award), ("listed", None if unknown else row is not None)),
        day=held_on,
        missing=PROMOTION_TABLE.parameters,
    )
    held_level, lacking = _held_level(judge, result, certificates)
    shown: FactValue = "—" if held_level is None and not lacking else held_level
    if row is None:
        if unknown:
            judge.record(
                lifts,
                None,
                (("held", shown), ("promoted", None)),
                day=held_on,
                missing=(*PROMOTION_TABLE.parameters, *lacking),
            )
        return judge.decide(CRAFTSMAN_PROMOTION_RULE)
    granted, step = row
    promoted: SkillLevel | None = None
    if held_level is None or held_level < granted:
        promoted = granted
    elif held_level == granted:
        promoted = step
    judge.record(
        lifts,
        None if lacking else promoted is not None,
        (("held", shown), ("promoted", None if lacking else promoted)),
        day=held_on,
        missing=lacking,
    )
    return judge.decide(CRAFTSMAN_PROMOTION_RULE)


def promoted_level(decision: Decision) -> SkillLevel | None:
    """The level an eligible ``craftsman.promotion`` decision promotes to, else ``None``.

    The ``craftsman.promotion`` rule page shows it in use.
    """
    if decision.outcome is not Outcome.ELIGIBLE:
        return None
    for finding in decision.findings:
        if finding.check == PROMOTION_LEVEL.check:
            value = finding.value("promoted")
            return value if isinstance(value, SkillLevel) else None
    return None  # pragma: no cover - an eligible decision has the finding


CRAFTSMAN_SELECTION_RULE: Rule = register(
    Rule(
        id="craftsman.selection",
        version="2026.3",
        title_zh="鹏城工匠评选",
        title_en="Pengcheng Craftsman selection",
        function=pengcheng_craftsman,
        sources=(_MEASURE, RuleSource("sz-2025-pengcheng-craftsman-call")),
        conditions=(FRONTLINE, SKILL_LEVEL, ACHIEVEMENT, NOT_YET_AWARDED, AMOUNT, RANK),
    )
)
"""The registered 鹏城工匠 selection rule (one decision per application)."""

CRAFTSMAN_PROMOTION_RULE: Rule = register(
    Rule(
        id="craftsman.promotion",
        version="2026.1",
        title_zh="竞赛获奖晋升职业技能等级",
        title_en="Skill-level promotion from a competition result",
        function=competition_promotion,
        sources=(RuleSource("national-2020-skills-competition"),),
        conditions=(
            PROMOTION_TABLE,
            PROMOTION_COMPETITOR,
            PROMOTION_AWARD,
            PROMOTION_LEVEL,
        ),
    )
)
"""The registered rule: the level a competition result promotes to."""
