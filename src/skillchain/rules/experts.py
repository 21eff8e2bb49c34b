"""Rule: which guidance-expert candidates a district recommends in a round.

The criteria are district-supplied parameters (no published criteria are known);
how the places are given is a set of choices no document fixes, described with
:func:`recommend_experts` and on the rule's page.  A missing fact is named by its
full path in the round (``recommendation_round.nominations[2].expert.field``).
"""

import enum

from collections.abc import Callable
from datetime import date

import attrs

from skillchain._checks import maybe, tuple_of, whole
from skillchain._context import in_library_context
from skillchain._decision import Decision, FactValue
from skillchain._identifiers import ResidentId
from skillchain.errors import InvalidValueError
from skillchain.model import (
    ExpertNomination,
    GuidanceExpert,
    ProfessionalTitleLevel,
    RecommendationRound,
)
from skillchain.policy import Policy
from skillchain.rules._allocation import Allocation, rank
from skillchain.rules._judge import Judge
from skillchain.rules._registry import (
    AnyOf,
    Compares,
    Condition,
    Rule,
    RuleSource,
    Unremediable,
    register,
)


__all__ = [
    "EXPERT_RULE",
    "ExpertRecommendation",
    "expert_recommendation",
    "recommend_experts",
]

_LETTER = RuleSource("ft-hr-2024-reply-2024090", "五")
_ASSUMPTION = RuleSource("skillchain-assumption")

# The facts of the criteria are paths within one nomination: a finding names them
# under the nomination's path in the round (``recommendation_round.nominations[2].``).
NOMINATED = Condition(
    "experts.recommendation.nominated",
    zh="候选人 {person} 被 {nominations} 份提名推荐（同一人只计一次），"
    "采用 {nominated_by} 的提名",
    en="Candidate {person} is named in {nominations} nomination(s) (one "
    "person counts once); the nomination by {nominated_by} is used",
    sources=(_LETTER,),
)
COMPLETE = Condition(
    "experts.recommendation.complete",
    zh="提名材料齐全（专业领域：{field}；技能等级：{skill_level}；"
    "职称：{professional_title}；从业年限：{years}）",
    en="The nomination is complete (field: {field}; skill level: "
    "{skill_level}; professional title: {professional_title}; years in "
    "the field: {years})",
    facts=(
        "expert.field",
        "expert.skill_level",
        "expert.professional_title",
        "expert.years_of_experience",
    ),
    sources=(_ASSUMPTION,),
)
QUALIFICATION = Condition(
    "experts.recommendation.qualification",
    zh="技能等级 {skill_level}（最低 {min_skill_level}）或职称 "
    "{professional_title}（最低 {min_professional_title}）达到推荐条件",
    en="Skill level {skill_level} (least {min_skill_level}) or professional "
    "title {professional_title} (least {min_professional_title}) meets the "
    "criteria",
    facts=("expert.skill_level", "expert.professional_title"),
    parameters=("experts.min_skill_level", "experts.min_professional_title"),
    # Either route will do: a skill level or a professional title high enough.
    remedy=AnyOf(
        options=(
            Compares(
                "expert.skill_level",
                value="skill_level",
                comparator=">=",
                bound="min_skill_level",
                parameter="experts.min_skill_level",
            ),
            Compares(
                "expert.professional_title",
                value="professional_title",
                comparator=">=",
                bound="min_professional_title",
                parameter="experts.min_professional_title",
            ),
        ),
    ),
)
EXPERIENCE = Condition(
    "experts.recommendation.experience",
    zh="从业 {years} 年，不少于 {min_years} 年",
    en="{years} years in the field, at least {min_years}",
    facts=("expert.years_of_experience",),
    parameters=("experts.min_years_of_experience",),
    remedy=Compares(
        "expert.years_of_experience",
        value="years",
        comparator=">=",
        bound="min_years",
        parameter="experts.min_years_of_experience",
    ),
)
PLACE = Condition(
    "experts.recommendation.place",
    zh="按报送先后排第 {position} 位：在先已推荐 {taken} 人、待定 {pending} 人，"
    "推荐名额 {quota} 人",
    en="Position {position} in submission order: {taken} recommended and "
    "{pending} pending before it, of a quota of {quota}",
    sources=(_LETTER, _ASSUMPTION),
    remedy=Unremediable(
        "按报送先后排第 {position} 位，轮到时 {quota} 个推荐名额已由在先报送的候选人取得",
        "in submission order it is at position {position}, and at its turn the "
        "quota of {quota} was already taken by candidates submitted before it",
    ),
)
OTHER_NOMINATIONS = Condition(
    "experts.recommendation.other_nominations",
    zh="同一候选人另有 {others} 份提名，其中事实未知、可能使其排位更优的 {open} 份",
    en="The same person has {others} other nomination(s); {open} of them have "
    "unknown facts and might place the person better",
    sources=(_LETTER, _ASSUMPTION),
)

# A candidate qualified by one route rests on that route's threshold alone (the
# other route's is shown, not relied on): the skill level, then the title.
_QUALIFIED_BY = tuple(QUALIFICATION.only(name) for name in QUALIFICATION.parameters)
_TITLES: tuple[ProfessionalTitleLevel, ...] = tuple(ProfessionalTitleLevel)


def _qualification(judge: Judge, expert: GuidanceExpert, at: str) -> None:
    """Record whether either route (skill level or title) meets the criteria.

    When neither holds the finding rests on both thresholds and names every
    unsupplied one, and the skill level and title when neither is given.
    """
    min_level, min_title = judge.values(QUALIFICATION)
    level, title = expert.skill_level, expert.professional_title
    values: tuple[tuple[str, FactValue], ...] = (
        ("skill_level", level),
        ("min_skill_level", min_level),
        ("professional_title", title),
        ("min_professional_title", min_title),
    )
    by_level = level is not None and min_level is not None and level >= min_level
    by_title = (
        title is not None
        and min_title is not None
        and _TITLES.index(title) >= _TITLES.index(min_title)
    )
    if by_level or by_title:
        judge.record(_QUALIFIED_BY[0 if by_level else 1], True, values)
        return
    neither = level is None and title is None
    held = None if neither or min_level is None or min_title is None else False
    # Either qualification will do: the two are named only when neither is given.
    given = None if neither else True
    judge.record(QUALIFICATION, held, values, (given, given), prefix=at)


def _criteria(judge: Judge, nomination: ExpertNomination, at: str) -> None:
    """Record completeness, qualification and experience for one nomination.

    *at* is the nomination's path among the rule's facts with a final dot (e.g.
    ``recommendation_round.nominations[2].``), so each missing fact is named in full.
    """
    expert = nomination.expert
    years = expert.years_of_experience
    either = (
        None
        if expert.skill_level is None and expert.professional_title is None
        else True
    )
    facts = (expert.field, either, either, years)
    judge.record(
        COMPLETE,
        None if None in facts else True,
        (
            ("field", expert.field),
            ("skill_level", expert.skill_level),
            ("professional_title", expert.professional_title),
            ("years", years),
        ),
        facts,
        prefix=at,
    )
    _qualification(judge, expert, at)
    min_years = judge.value(EXPERIENCE)
    judge.record(
        EXPERIENCE,
        None if years is None or min_years is None else years >= min_years,
        (("years", years), ("min_years", min_years)),
        (years,),
        prefix=at,
    )


class _Standing(enum.IntEnum):
    """How a candidate fares on the criteria (smaller is better)."""

    QUALIFIED = enum.auto()
    UNSURE = enum.auto()
    OUT = enum.auto()


def _standing(judge: Judge) -> _Standing:
    """Qualified, undetermined or out, from the findings recorded so far."""
    if judge.failed:
        return _Standing.OUT
    return _Standing.UNSURE if judge.undecided else _Standing.QUALIFIED


def _unknowns(judge: Judge) -> tuple[str, ...]:
    """Every name the findings recorded so far lack, each once."""
    return tuple(
        dict.fromkeys(name for finding in judge.findings for name in finding.missing)
    )


@attrs.define
class _Queue:
    """The round's places as candidates are met in submission order."""

    quota: int | None
    pending: int
    waiting: list[str]
    early: set[ResidentId]
    """Persons counted as pending ahead of everyone from the start."""
    taken: int = 0

    def place(
        self,
        judge: Judge,
        nomination: ExpertNomination,
        at: str,
        position: int,
        alternatives: tuple[str, ...] = (),
    ) -> None:
        """Record the candidate's place after its criteria (none if it is out).

        At the candidate's turn the place holds when the quota has room even if
        every other candidate pending ahead turned out qualified, fails once the
        quota is full, and waits on the pending candidates (naming what they lack)
        in between.  A candidate whose own criteria are undetermined is weighed the
        same way (a full quota leaves it out whatever its criteria), then counts as
        pending for those behind it.  A full quota is not final when another
        nomination of the same person might rank earlier (*alternatives*: what it
        lacks): the place then waits on it.
        """
        standing = _standing(judge)
        if standing is _Standing.OUT:
            return
        person = nomination.expert.person
        dated = nomination.submitted_on is not None
        quota = self.quota
        # The candidate is not pending ahead of itself.
        ahead = self.pending - (1 if person in self.early else 0)
        values: tuple[tuple[str, FactValue], ...] = (
            ("position", position if dated else None),
            ("taken", self.taken),
            ("pending", ahead),
            ("quota", quota),
        )
        unknown = [] if dated else [f"{at}submitted_on"]
        if quota is None:
            unknown.append("recommendation_round.quota")
        held: bool | None = None
        missing: tuple[str, ...] = ()
        waits = False
        if unknown or quota is None:
            # The place also waits on the candidates pending ahead, if any.
            missing = (*unknown, *(self.waiting if ahead else ()))
        elif self.taken >= quota:
            held = None if alternatives else False
            missing = alternatives
        elif self.taken + ahead < quota:
            held = True
            if standing is _Standing.QUALIFIED:
                self.taken += 1
                if person in self.early:
                    # It has its place now: no longer pending for those behind.
                    self.pending -= 1
        else:
            missing = tuple(self.waiting)
            waits = True
        judge.record(PLACE, held, values, missing=tuple(dict.fromkeys(missing)))
        if (waits or standing is _Standing.UNSURE) and person not in self.early:
            self.pending += 1
            self.early.add(person)
        if dated and standing is _Standing.UNSURE:
            self.waiting += _unknowns(judge)


def _open_siblings(
    used: ExpertNomination,
    others: list[ExpertNomination],
    probe: Callable[[ExpertNomination], tuple[_Standing, tuple[str, ...]]],
    paths: dict[int, str],
) -> tuple[int, tuple[str, ...]]:
    """How many of the person's other nominations might place them better, and what
    those nominations lack.

    The nomination used is the earliest one that is not out.  Another one
    with unknown facts (its criteria or its submission day) might fare better or
    rank earlier once they are known, unless the one used is qualified and dated no
    later than it.
    """
    used_standing, _ = probe(used)
    names: list[str] = []
    count = 0
    for other in others:
        standing, unknown = probe(other)
        day = other.submitted_on
        lacking = [*(() if day else (f"{paths[id(other)]}submitted_on",)), *unknown]
        later = (
            used_standing is _Standing.QUALIFIED
            and used.submitted_on is not None
            and day is not None
            and day >= used.submitted_on
        )
        if standing is not _Standing.OUT and lacking and not later:
            count += 1
            names.extend(lacking)
    return count, tuple(dict.fromkeys(names))


def _order_key(nomination: ExpertNomination) -> tuple[bool, date, str, str, str]:
    """Submission order: dated first, earliest first; ties by enterprise, person, record."""
    submitted = nomination.submitted_on
    return (
        submitted is None,
        submitted or date.min,
        nomination.nominated_by.code,
        nomination.expert.person.reveal(),
        repr(nomination),
    )


@attrs.frozen(kw_only=True)
class ExpertRecommendation(Allocation[ExpertNomination]):
    """How a round's candidates were decided: who is recommended, who is not, and why.

    One decision per person under rule ``experts.recommendation``: *eligible* —
    recommended within the quota; *ineligible* — a criterion fails, or the quota was
    full at the person's turn; *undetermined* — a fact, a criterion or the quota is
    not known, or candidates ahead are undetermined and the places left depend on
    them (the decision names what is missing).
    """

    quota: int | None = attrs.field(validator=maybe(whole(0)))
    """The round's quota, or ``None`` when none is known."""
    ranked: tuple[ExpertNomination, ...] = attrs.field(
        validator=tuple_of(ExpertNomination)
    )
    """One nomination per person (the one used), in submission order (undated last)."""

    @property
    def recommended(self) -> tuple[ExpertNomination, ...]:
        """The candidates recommended (:attr:`chosen`), never more than the quota."""
        return self.chosen

    @property
    def not_recommended(self) -> tuple[ExpertNomination, ...]:
        """The candidates not (or not yet) recommended (:attr:`waiting`)."""
        return self.waiting

    def decision_for(self, application: ExpertNomination | ResidentId) -> Decision:
        """The decision for a person, given by their identity number or a nomination.

        A nomination stands for the person it names: each person has one decision
        however many nominations name them.

        Raises:
            KeyError: No nomination in the round names the person (the message
                shows the masked number only).
        """
        person = (
            application.expert.person
            if isinstance(application, ExpertNomination)
            else application
        )
        for nomination, decision in self:
            if nomination.expert.person == person:
                return decision
        msg = f"no nomination in the round names {person.masked}"
        raise KeyError(msg)


@in_library_context
def recommend_experts(
    recommendation_round: RecommendationRound,
    *,
    on: date,
    policy: Policy | None = None,
) -> ExpertRecommendation:
    """Decide every candidate of *recommendation_round* under the policy in force on *on*.

    One decision per person, however many nominations name them (the earliest one
    that is not out is used).  Qualified persons take the round's quota in
    submission order; a person is undetermined while the places left depend on
    undetermined candidates ahead, or on another of their own nominations whose
    facts are unknown.  These choices are placeholders a district can replace.

    Raises:
        InvalidValueError: *recommendation_round* is not a
            :class:`~skillchain.model.RecommendationRound`.
    """
    if not isinstance(recommendation_round, RecommendationRound):
        raise InvalidValueError(
            field="recommendation_round",
            problem=f"got a value of type {type(recommendation_round).__name__}",
            expected="a RecommendationRound",
        )
    chosen = policy if policy is not None else Policy.default()
    groups: dict[ResidentId, list[ExpertNomination]] = {}
    for nomination in recommendation_round.nominations:
        groups.setdefault(nomination.expert.person, []).append(nomination)

    paths = {
        id(nomination): f"recommendation_round.nominations[{index}]."
        for index, nomination in enumerate(recommendation_round.nominations)
    }

    def probe(nomination: ExpertNomination) -> tuple[_Standing, tuple[str, ...]]:
        judge = Judge(chosen, on)
        _criteria(judge, nomination, paths[id(nomination)])
        return _standing(judge), _unknowns(judge)

    def fare(nomination: ExpertNomination) -> _Standing:
        return probe(nomination)[0]

    used_by = {
        person_id: min(named, key=lambda n: (fare(n), _order_key(n)))
        for person_id, named in groups.items()
    }
    ranked = rank(used_by.values(), ExpertNomination, _order_key)
    # A person whose nomination used has no submission day, or who has another
    # nomination with unknown facts that might rank earlier, could stand anywhere
    # ahead: they count as pending ahead of everyone, and what those nominations
    # lack is what a place behind them waits for.
    queue = _Queue(quota=recommendation_round.quota, pending=0, waiting=[], early=set())
    for person_id, named in groups.items():
        used = used_by[person_id]
        lacking: list[str] = []
        if used.submitted_on is None and fare(used) is not _Standing.OUT:
            lacking += [f"{paths[id(used)]}submitted_on", *probe(used)[1]]
        others = [other for other in named if other is not used]
        lacking += _open_siblings(used, others, probe, paths)[1]
        if lacking:
            queue.pending += 1
            queue.early.add(person_id)
            queue.waiting += lacking
    decisions: list[Decision] = []
    for position, nomination in enumerate(ranked, start=1):
        candidate = nomination.expert.person
        judge = Judge(chosen, on)
        at = paths[id(nomination)]
        judge.record(
            NOMINATED,
            True,
            (
                ("person", candidate.masked),
                ("nominations", len(groups[candidate])),
                ("nominated_by", nomination.nominated_by),
            ),
        )
        _criteria(judge, nomination, at)
        others = [other for other in groups[candidate] if other is not nomination]
        count, names = _open_siblings(nomination, others, probe, paths)
        queue.place(judge, nomination, at, position, names)
        if others:
            # Open nominations of the same person leave an undecided case open.
            values = (("others", len(others)), ("open", count))
            if judge.undecided and names:
                judge.record(OTHER_NOMINATIONS, None, values, missing=names)
            else:
                judge.record(OTHER_NOMINATIONS, True, values)
        decisions.append(judge.decide(EXPERT_RULE))
    return ExpertRecommendation(
        quota=recommendation_round.quota, ranked=ranked, decisions=tuple(decisions)
    )


@in_library_context
def expert_recommendation(
    person: ResidentId,
    recommendation_round: RecommendationRound,
    *,
    on: date,
    policy: Policy | None = None,
) -> Decision:
    """Decide whether *person* is recommended in *recommendation_round*.

    The decision :func:`recommend_experts` reaches for *person*.

    Raises:
        InvalidValueError: *recommendation_round* is not a round, or no nomination
            in it names *person* (the message shows the masked number only).

    Example:
        >>> from datetime import date
        >>> from skillchain import FUTIAN, CreditCode, ResidentId
        >>> from skillchain.model import (ExpertNomination, GuidanceExpert,
        ...     RecommendationRound)
        >>> from skillchain.rules import expert_recommendation
        >>> person = ResidentId("11010519491231002X")
        >>> nomination = ExpertNomination(nominated_by=CreditCode("91350100M000100Y43"),
        ...     expert=GuidanceExpert(person=person, name="张三"), district=FUTIAN,
        ...     round_id="2024")
        >>> expert_recommendation(person, RecommendationRound(district=FUTIAN,
        ...     round_id="2024", year=2024, nominations=(nomination,)),
        ...     on=date(2024, 6, 1)).outcome.value
        'undetermined'
    """
    result = recommend_experts(recommendation_round, on=on, policy=policy)
    try:
        return result.decision_for(person)
    except KeyError:
        raise InvalidValueError(
            field="person",
            problem=f"no nomination in the round names {person.masked}",
            expected="a person nominated in the round",
        ) from None


EXPERT_RULE: Rule = register(
    Rule(
        id="experts.recommendation",
        version="2026.1",
        title_zh="产教评技能生态链建设指导专家推荐",
        title_en="Recommendation of skill-chain building guidance experts",
        function=expert_recommendation,
        sources=(_LETTER,),
        conditions=(
            NOMINATED,
            COMPLETE,
            QUALIFICATION,
            EXPERIENCE,
            PLACE,
            OTHER_NOMINATIONS,
        ),
    )
)
"""The registered guidance-expert recommendation rule (one decision per person)."""
