"""Rules: the 鹏城工匠 selection, and skill-level promotion from competition results.

* :func:`pengcheng_craftsman` and :func:`select_craftsmen` (rule
  ``craftsman.selection``): 《深圳市鹏城工匠评选办法》 (深人社规〔2016〕16号, seen
  through copies, extended to 2026-10-25).  A candidate needs at least five years
  in front-line skill or technical posts in Shenzhen, 高级技师 or an equivalent
  level, one listed achievement since 1 January five years before the round's year
  (the 2025 call's reading of 近5年), and no earlier 鹏城工匠 title; at most ten are
  selected a year, 500 000 yuan each.  The figures are those in force on the
  round's application deadline: for a round whose deadline is after 2026-10-25 no
  successor measure was found, so a decision is undetermined and names the
  figures to supply.
* :func:`competition_promotion` (rule ``craftsman.promotion``): which skill level a
  competition result promotes its winner to, from the competition's own promotion
  table in the policy (keyed by the competition's name; the 2020 national
  competition's is bundled), as in force when the competition was held.  A
  competition with no table is undetermined.
"""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

import attrs

from skillchain._context import in_library_context
from skillchain._dates import days_apart, last_day_of_year, months_through
from skillchain._decision import (
    Decision,
    FactValue,
    Message,
    Outcome,
    register_messages,
)
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
from skillchain.policy import CraftsmanParameters, Policy, Resolved
from skillchain.rules._allocation import canonical, distinct
from skillchain.rules._judge import Judge, citations_of
from skillchain.rules._registry import Condition, ReadOn, Rule, RuleSource, register


__all__ = [
    "CRAFTSMAN_PROMOTION_RULE",
    "CRAFTSMAN_SELECTION_RULE",
    "check_craftsman",
    "competition_promotion",
    "pengcheng_craftsman",
    "promoted_level",
    "select_craftsmen",
]

_MEASURE = "sz-2016-16"
_CALL = "sz-2025-pengcheng-craftsman-call"
_CRAFTSMAN_KEY = "pengcheng-craftsman"
"""The honours-catalog key of 鹏城工匠 (no repeat winners)."""

_S_FRONTLINE = "craftsman.selection.frontline_years"
_S_LEVEL = "craftsman.selection.level"
_S_ACHIEVEMENT = "craftsman.selection.achievement"
_S_REPEAT = "craftsman.selection.not_yet_awarded"
_S_AMOUNT = "craftsman.selection.amount"
_S_RANK = "craftsman.selection.rank"

_P_TABLE = "craftsman.promotion.table"
_P_COMPETITOR = "craftsman.promotion.competitor"
_P_AWARD = "craftsman.promotion.award"
_P_LEVEL = "craftsman.promotion.level"

register_messages(
    {
        _S_FRONTLINE: Message(
            zh="截至申报截止日 {deadline}，在深圳一线技能技术岗位工作 {months} 个月，"
            "须满 {minimum} 年",
            en="By the deadline {deadline}: {months} months in front-line skill or "
            "technical posts in Shenzhen; at least {minimum} years are needed",
        ),
        _S_LEVEL: Message(
            zh="最高技能等级为{level}（最低要求{minimum}）；同等技术技能水平：{equivalent}",
            en="Highest skill level {level} (at least {minimum} needed); equivalent "
            "level found by the review: {equivalent}",
        ),
        _S_ACHIEVEMENT: Message(
            zh="{window_start} 至 {deadline} 期间的业绩：{found}",
            en="Achievement from {window_start} to {deadline}: {found}",
        ),
        _S_REPEAT: Message(
            zh="此前已获“鹏城工匠”称号：{awarded}（不能重复参选）",
            en="Already a Pengcheng Craftsman: {awarded} (no repeat winners)",
        ),
        _S_AMOUNT: Message(
            zh="奖励金额 {amount} 元",
            en="Reward {amount} yuan",
        ),
        _S_RANK: Message(
            zh="{year}年度评审得分 {score}，在符合条件的申报人中排第 {position} 位，"
            "每年最多 {limit} 名",
            en="{year} round: review score {score}, position {position} among the "
            "eligible candidates; at most {limit} a year",
        ),
        _P_TABLE: Message(
            zh="竞赛“{competition}”的获奖晋升规定：{known}",
            en="Promotion table of the competition '{competition}': {known}",
        ),
        _P_COMPETITOR: Message(
            zh="以选手身份获奖（教练不晋升）：{competitor}",
            en="Won as a competitor (coaches are not promoted): {competitor}",
        ),
        _P_AWARD: Message(
            zh="获奖等次{award}，属于可晋升的奖项：{listed}",
            en="Award {award}; an award that promotes: {listed}",
        ),
        _P_LEVEL: Message(
            zh="本职业现有等级{held}，晋升后等级{promoted}",
            en="Level held in the occupation: {held}; level after promotion: {promoted}",
        ),
    }
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
    months = 0
    merged: list[list[date]] = []
    for start, last in spans:
        if merged and days_apart(merged[-1][1], start) <= 1:
            merged[-1][1] = max(merged[-1][1], last)
        else:
            merged.append([start, last])
    for start, last in merged:
        months += months_through(start, last)
    return months


def _round_figures(
    judge: Judge, application: CraftsmanApplication
) -> CraftsmanParameters:
    """The selection figures in force on the round's deadline (see :data:`_ON_DEADLINE`)."""
    return judge.policy.at(application.deadline).craftsman


def _check_frontline(judge: Judge, application: CraftsmanApplication) -> None:
    params = _round_figures(judge, application)
    years_param, kinds_param = params.min_frontline_years, params.frontline_post_types
    years, kinds = judge.use(years_param), judge.use(kinds_param)
    posts = application.frontline_posts
    cites = citations_of(years_param, kinds_param)
    months = (
        None
        if posts is None or kinds is None
        else _frontline_months(posts, kinds, application.deadline)
    )
    values: tuple[tuple[str, FactValue], ...] = (
        ("deadline", application.deadline),
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
    if months is None or years is None:
        unknown = [
            name
            for name, known in (
                ("application.frontline_posts", posts),
                (kinds_param.name, kinds),
                (years_param.name, years),
            )
            if known is None
        ]
        judge.missing(_S_FRONTLINE, (*unknown, *untyped), values, cites)
        return
    if months >= years * 12:
        judge.check(_S_FRONTLINE, True, values, cites)
        return
    if untyped and posts is not None and kinds is not None:
        counted = tuple(
            attrs.evolve(post, post=next(iter(kinds))) if post.post is None else post
            for post in posts
        )
        if _frontline_months(counted, kinds, application.deadline) >= years * 12:
            judge.missing(_S_FRONTLINE, untyped, values, cites)
            return
    judge.check(_S_FRONTLINE, False, values, cites)


def _highest_level(certificates: Iterable[Certificate], by: date) -> SkillLevel | None:
    levels = [
        cert.level
        for cert in certificates
        if cert.level is not None and cert.issued_on <= by
    ]
    return max(levels, key=lambda level: level.rank) if levels else None


def _check_level(judge: Judge, application: CraftsmanApplication) -> None:
    param = _round_figures(judge, application).min_level
    level = _highest_level(application.certificates, application.deadline)
    equivalent = application.equivalent_level
    # An equivalent level found by the review settles the condition whatever the
    # least level: the figure is then shown, not relied on.
    minimum = param.value if equivalent is True else judge.use(param)
    values: tuple[tuple[str, FactValue], ...] = (
        ("level", level),
        ("minimum", minimum),
        ("equivalent", equivalent),
    )
    cites = citations_of(param)
    if equivalent is True:
        judge.check(_S_LEVEL, True, values, cites)
    elif minimum is None:
        # Unless the level is the top of the ladder, the review's finding may be
        # needed too.
        unknown = [param.name]
        if equivalent is None and (level is None or level < max(SkillLevel)):
            unknown.append("application.equivalent_level")
        judge.missing(_S_LEVEL, unknown, values, cites)
    elif level is not None and level >= minimum:
        judge.check(_S_LEVEL, True, values, cites)
    elif equivalent is None:
        judge.missing(_S_LEVEL, ("application.equivalent_level",), values, cites)
    else:
        judge.check(_S_LEVEL, False, values, cites)


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
    """One listed honour or result within the window, or other merit.

    Each way is worked out from the figures' values first; the decision then rests
    on (and its provenance counts) only the figures of the way that held, or all of
    them when none did.
    """
    params = _round_figures(judge, application)
    window_param, keys_param = (
        params.achievement_window_years,
        params.qualifying_honours,
    )
    result_params = (params.result_tier, params.result_class, params.result_max_rank)
    years = window_param.value
    start = None if years is None else date(application.year - years, 1, 1)
    keys = keys_param.value
    tier = params.result_tier.value
    klass = params.result_class.value
    max_rank = params.result_max_rank.value
    honour = (
        None
        if start is None or keys is None
        else _found_honour(application, start, keys)
    )
    result: str | None = None
    undated: list[str] = []
    if (
        start is not None
        and tier is not None
        and klass is not None
        and max_rank is not None
    ):
        result, undated = _found_result(application, start, (tier, klass, max_rank))
    merit = application.other_merit
    everything = (window_param, keys_param, *result_params)
    if merit is True:
        rests: tuple[Resolved[object], ...] = ()
    elif honour is not None:
        rests = (window_param, keys_param)
    elif result is not None:
        rests = (window_param, *result_params)
    else:
        rests = everything
    for param in rests:
        judge.use(param)
    cites = citations_of(*everything)
    deadline = application.deadline
    window: tuple[tuple[str, FactValue], ...] = (
        ("window_start", start),
        ("deadline", deadline),
    )
    found = honour if honour is not None else result
    if found is not None or merit is True:
        shown = found if found is not None else "other_merit"
        judge.check(_S_ACHIEVEMENT, True, (*window, ("found", shown)), cites)
        return
    unknown = [param.name for param in everything if param.value is None]
    unknown.extend(undated)
    if merit is None:
        unknown.append("application.other_merit")
    values = (*window, ("found", None))
    if unknown:
        judge.missing(_S_ACHIEVEMENT, unknown, values, cites)
        return
    judge.check(_S_ACHIEVEMENT, False, values, cites)


def _check_repeat(judge: Judge, application: CraftsmanApplication) -> None:
    awarded = any(
        honour.key == _CRAFTSMAN_KEY and honour.awarded_on <= application.deadline
        for honour in application.honours
    )
    judge.check(
        _S_REPEAT,
        not awarded,
        (("awarded", awarded),),
        (judge.policy.citation(_MEASURE),),
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
    _check_repeat(judge, application)
    param = _round_figures(judge, application).award_amount
    amount = judge.use(param)
    if amount is None:
        judge.missing(_S_AMOUNT, (param.name,), (("amount", None),))
        return None
    judge.check(_S_AMOUNT, True, (("amount", amount),), citations_of(param))
    return amount


def _rank_key(application: CraftsmanApplication) -> tuple[int, bool, Decimal, str]:
    """Year, score (highest first, unscored last), then the whole record."""
    score = application.review_score
    return (
        application.year,
        score is None,
        -(score if score is not None else Decimal(0)),
        canonical(application),
    )


@in_library_context
def select_craftsmen(
    applications: Iterable[CraftsmanApplication],
    *,
    on: date,
    policy: Policy | None = None,
) -> tuple[tuple[CraftsmanApplication, Decision], ...]:
    """Decide every application of one or more selection rounds, the selected included.

    Each application's conditions are judged (:func:`check_craftsman`).  Then, per
    round year, the applications that meet every condition and have a review score
    are ranked by score, highest first; ties are broken by the whole record, so the
    result never depends on the order of *applications*.  The first
    ``craftsman.annual_limit`` are selected: a year never has more.  An application
    without a review score is undetermined and takes no place.  The measure leaves
    the choice to an expert review and publishes no scoring rule, so the score is a
    fact the caller supplies.  Every figure, the yearly limit included, is the one
    in force on the round's application deadline; *on* is the day the decisions are
    made.

    Returns:
        Each application with its decision, in rank order.  *eligible* means
        selected, with the reward as the amount.

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
    ranked = sorted(distinct(applications, CraftsmanApplication), key=_rank_key)
    judges: list[Judge] = []
    amounts: list[Decimal | None] = []
    for application in ranked:
        judge = Judge(chosen, on)
        amounts.append(check_craftsman(judge, application))
        judges.append(judge)
    positions: dict[int, int] = {}
    for application, judge in zip(ranked, judges, strict=True):
        if judge.failed:
            continue  # refused on a condition: no place to give
        limit_param = _round_figures(judge, application).annual_limit
        score = application.review_score
        values: tuple[tuple[str, FactValue], ...] = (
            ("year", application.year),
            ("score", score),
        )
        cites = citations_of(limit_param)
        limit = judge.use(limit_param)
        if judge.undecided or score is None or limit is None:
            # No place while a condition or the score is open; name what the
            # ranking itself lacks.
            unknown = tuple(
                name
                for name, known in (
                    ("application.review_score", score),
                    (limit_param.name, limit),
                )
                if known is None
            )
            judge.missing(
                _S_RANK, unknown, (*values, ("position", None), ("limit", limit)), cites
            )
            continue
        position = positions.get(application.year, 0) + 1
        positions[application.year] = position
        judge.check(
            _S_RANK,
            position <= limit,
            (*values, ("position", position), ("limit", limit)),
            cites,
        )
    return tuple(
        (application, judge.decide(CRAFTSMAN_SELECTION_RULE, amount))
        for application, judge, amount in zip(ranked, judges, amounts, strict=True)
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

    Example:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from skillchain import DateRange, ResidentId, SkillLevel, OccupationCode
        >>> from skillchain.model import (Certificate, CertificateKind,
        ...     CraftsmanApplication, Employment, Honour, IssuerKind, PostType)
        >>> me = ResidentId("11010519491231002X")
        >>> app = CraftsmanApplication(person=me, year=2025,
        ...     deadline=date(2025, 8, 1),
        ...     frontline_posts=(Employment(post=PostType.SKILL,
        ...         period=DateRange(date(2015, 3, 1))),),
        ...     certificates=(Certificate(holder=me, kind=CertificateKind.SKILL_LEVEL,
        ...         occupation=OccupationCode("6-31-01-03"),
        ...         level=SkillLevel.SENIOR_TECHNICIAN, issued_on=date(2019, 5, 1),
        ...         issuer_kind=IssuerKind.HR_DEPARTMENT),),
        ...     honours=(Honour(holder=me, key="guangdong-technical-expert",
        ...         title="广东省技术能手", awarded_on=date(2022, 4, 28)),),
        ...     review_score=Decimal("92"))
        >>> decision = pengcheng_craftsman(app, on=date(2025, 9, 1))
        >>> decision.outcome.value, decision.amount
        ('eligible', Decimal('500000'))
        >>> pengcheng_craftsman(app, on=date(2027, 3, 1)).amount  # the 2025 round's figures
        Decimal('500000')
    """
    pool = tuple(applications)
    if application not in pool:
        pool = (*pool, application)
    for candidate, decision in select_craftsmen(pool, on=on, policy=policy):
        if candidate == application:
            return decision
    raise AssertionError  # pragma: no cover - the application is in the pool


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
    recorded; each notice sets its own promotions): each listed award
    grants a level, and a second level for those who already hold the first (the
    2020 national competition: 优胜奖 or better -> 技师, and 技师 -> 高级技师).  The
    level held is the highest level of *certificates* in the event's occupation
    issued by *on* (``None``: not looked up).  Checked: the competition has a table
    (undetermined if not); the result is a competitor's (coaches are not
    promoted); the award is listed (a result without an award never is); the
    promotion lifts the level held.  Without the table the award and the level are
    undetermined too.  An eligible decision's new level is read with
    :func:`promoted_level`.

    Example:
        >>> from datetime import date
        >>> from skillchain import ResidentId, OccupationCode
        >>> from skillchain.model import (Competition, CompetitionAward,
        ...     CompetitionClass, CompetitionFormat, CompetitionResult, CompetitionTier)
        >>> from skillchain.rules import competition_promotion, promoted_level
        >>> contest = Competition(name="中华人民共和国第一届职业技能大赛", year=2020,
        ...     tier=CompetitionTier.NATIONAL, competition_class=CompetitionClass.FIRST,
        ...     event="电工", occupation=OccupationCode("6-31-01-03"),
        ...     competition_format=CompetitionFormat.INDIVIDUAL,
        ...     held_on=date(2020, 12, 12))
        >>> result = CompetitionResult(person=ResidentId("11010519491231002X"),
        ...     competition=contest, award=CompetitionAward.EXCELLENCE)
        >>> decision = competition_promotion(result, certificates=(),
        ...     on=date(2021, 1, 15))
        >>> decision.outcome.value, promoted_level(decision).zh
        ('eligible', '技师')
    """
    judge = Judge(policy if policy is not None else Policy.default(), on)
    contest = result.competition
    held = (
        contest.held_on
        if contest.held_on is not None
        else last_day_of_year(contest.year)
    )
    param = judge.policy.at(held).craftsman.promotion_tables
    tables = judge.use(param)
    cites = citations_of(param)
    name = contest.name
    table = None if tables is None else tables.get(name)
    judge.check(
        _P_TABLE,
        None if table is None else True,
        (("competition", name), ("known", table is not None)),
        cites,
        () if table is not None else (param.name,),
    )
    if table is None:
        cites = ()  # no notice to cite for the competition's own conditions
    judge.check(
        _P_COMPETITOR,
        not result.as_coach,
        (("competitor", not result.as_coach),),
        cites,
    )
    award = result.award
    row = None if table is None or award is None else table.get(award)
    award_values: tuple[tuple[str, FactValue], ...] = (
        ("award", award),
        ("listed", None if table is None and award is not None else row is not None),
    )
    if table is None and award is not None:
        judge.missing(_P_AWARD, (param.name,), award_values, cites)
    else:
        judge.check(_P_AWARD, row is not None, award_values, cites)
    held_level, lacking = _held_level(judge, result, certificates)
    shown: FactValue = "—" if held_level is None and not lacking else held_level
    values: tuple[tuple[str, FactValue], ...] = (("held", shown),)
    if row is None:
        if table is None and award is not None:
            judge.missing(
                _P_LEVEL, (param.name, *lacking), (*values, ("promoted", None)), cites
            )
        return judge.decide(CRAFTSMAN_PROMOTION_RULE)
    granted, step = row
    if lacking:
        judge.missing(_P_LEVEL, lacking, (*values, ("promoted", None)), cites)
    else:
        promoted: SkillLevel | None = None
        if held_level is None or held_level < granted:
            promoted = granted
        elif held_level == granted and step is not None:
            promoted = step
        judge.check(
            _P_LEVEL, promoted is not None, (*values, ("promoted", promoted)), cites
        )
    return judge.decide(CRAFTSMAN_PROMOTION_RULE)


def promoted_level(decision: Decision) -> SkillLevel | None:
    """The level an eligible ``craftsman.promotion`` decision promotes to, else ``None``.

    See :func:`competition_promotion` for an example.
    """
    if decision.outcome is not Outcome.ELIGIBLE:
        return None
    for finding in decision.findings:
        if finding.check == _P_LEVEL:
            value = finding.value("promoted")
            return value if isinstance(value, SkillLevel) else None
    return None  # pragma: no cover - an eligible decision has the finding


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

CRAFTSMAN_SELECTION_RULE: Rule = register(
    Rule(
        id="craftsman.selection",
        version="2026.2",
        title_zh="鹏城工匠评选",
        title_en="Pengcheng Craftsman selection",
        function=pengcheng_craftsman,
        sources=(RuleSource(_MEASURE), RuleSource(_CALL)),
        parameters=(
            "craftsman.min_frontline_years",
            "craftsman.frontline_post_types",
            "craftsman.min_level",
            "craftsman.achievement_window_years",
            "craftsman.qualifying_honours",
            "craftsman.result_tier",
            "craftsman.result_class",
            "craftsman.result_max_rank",
            "craftsman.award_amount",
            "craftsman.annual_limit",
        ),
        conditions=(
            Condition(
                _S_FRONTLINE,
                parameters=(
                    "craftsman.min_frontline_years",
                    "craftsman.frontline_post_types",
                ),
                read_on=_ON_DEADLINE,
            ),
            Condition(
                _S_LEVEL, parameters=("craftsman.min_level",), read_on=_ON_DEADLINE
            ),
            Condition(
                _S_ACHIEVEMENT,
                parameters=(
                    "craftsman.achievement_window_years",
                    "craftsman.qualifying_honours",
                    "craftsman.result_tier",
                    "craftsman.result_class",
                    "craftsman.result_max_rank",
                ),
                read_on=_ON_DEADLINE,
            ),
            Condition(_S_REPEAT, sources=(RuleSource(_MEASURE),)),
            Condition(
                _S_AMOUNT,
                parameters=("craftsman.award_amount",),
                read_on=_ON_DEADLINE,
            ),
            Condition(
                _S_RANK,
                parameters=("craftsman.annual_limit",),
                read_on=_ON_DEADLINE,
            ),
        ),
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
        parameters=("craftsman.promotion_tables",),
        conditions=(
            Condition(
                _P_TABLE,
                parameters=("craftsman.promotion_tables",),
                read_on=_ON_CONTEST,
            ),
            Condition(
                _P_COMPETITOR,
                parameters=("craftsman.promotion_tables",),
                read_on=_ON_CONTEST,
            ),
            Condition(
                _P_AWARD,
                parameters=("craftsman.promotion_tables",),
                read_on=_ON_CONTEST,
            ),
            Condition(
                _P_LEVEL,
                parameters=("craftsman.promotion_tables",),
                read_on=_ON_CONTEST,
            ),
        ),
    )
)
"""The registered rule: the level a competition result promotes to."""
