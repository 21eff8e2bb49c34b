"""Rule: which programmes a district lists within its annual apprentice quota.

A district lists filed programmes in its apprenticeship plan "within the district's
annual apprentice quota" (年度学徒名额); no document found fixes the order or how
the quota is filled, so both are placeholders a district can replace (see
:func:`allocate_quota`).
"""

from collections.abc import Iterable
from datetime import date

import attrs

from skillchain._checks import is_a, maybe, tuple_of, whole
from skillchain._context import in_library_context
from skillchain._decision import Decision
from skillchain.model import ApprenticeshipProgramme
from skillchain.policy import Policy
from skillchain.rules._allocation import Allocation, rank
from skillchain.rules._judge import Judge
from skillchain.rules._registry import (
    Condition,
    Rule,
    RuleSource,
    Unremediable,
    register,
)


__all__ = [
    "QUOTA_RULE",
    "QuotaAllocation",
    "QuotaApplication",
    "allocate_quota",
    "quota_listing",
]

_GUIDE = (RuleSource("lh-apprenticeship-service-guide"),)

# Each decision is about one application: its unknown filing date is named under it.
FILED = Condition(
    "apprenticeship.quota.filed",
    zh="申报日期：{filed_on}",
    en="Filed on: {filed_on}",
    facts=("application.programme.filed_on",),
    sources=_GUIDE,
)
PLACES = Condition(
    "apprenticeship.quota.places",
    zh="{order}排第 {position} 位：在先已列入 {taken} 人，年度名额 {quota} 人"
    "尚余 {remaining} 人，本申请 {apprentices} 人",
    en="Position {position} {order}: {taken} places taken by applications "
    "listed before it, {remaining} left of the annual quota of {quota}; it "
    "asks for {apprentices}",
    facts=("application.programme.filed_on",),
    parameters=("apprenticeship.district_quota", "apprenticeship.quota_order"),
    sources=_GUIDE,
    remedy=Unremediable(
        "名额按申报先后整份分配，排到本申请（第 {position} 位）时仅余 {remaining} "
        "个名额，少于其申报的 {apprentices} 人",
        "places are given whole in filing order, and at its turn (position "
        "{position}) {remaining} were left, fewer than the {apprentices} it asks for",
    ),
)


@attrs.frozen(kw_only=True)
class QuotaApplication:
    """A filed programme asking for places in the district's annual quota (名额).

    The filing date is the programme's own :attr:`ApprenticeshipProgramme.filed_on`;
    an application without one cannot be placed in filing order.  No document
    fixes this record; a district system keeps it anyway to fill the quota.

    Example:
        >>> from datetime import date
        >>> from skillchain import CreditCode, OccupationCode, SkillLevel
        >>> from skillchain.model import (ApprenticeshipProgramme, InstitutionKind,
        ...     ProgrammeStatus, TrainingInstitution, TrainingMode)
        >>> from skillchain.rules import QuotaApplication
        >>> plan = ApprenticeshipProgramme(enterprise=CreditCode("9144030400000000J0"),
        ...     institution=TrainingInstitution(name="深圳市某技工学校",
        ...         kind=InstitutionKind.TECHNICAL_SCHOOL),
        ...     occupation=OccupationCode("6-31-01-03"), target_level=SkillLevel.ADVANCED,
        ...     start=date(2024, 3, 1), planned_months=24,
        ...     modes=frozenset({TrainingMode.WORK_STUDY_ALTERNATION}),
        ...     status=ProgrammeStatus.APPLIED, filed_on=date(2024, 1, 15))
        >>> QuotaApplication(programme=plan, apprentices=10).filed_on
        datetime.date(2024, 1, 15)
    """

    programme: ApprenticeshipProgramme = attrs.field(
        validator=is_a(ApprenticeshipProgramme)
    )
    """The programme applied for."""
    apprentices: int = attrs.field(validator=whole(1))
    """申报学徒人数: how many apprentices it asks places for (at least one)."""

    @property
    def filed_on(self) -> date | None:
        """The day the programme was filed, or ``None`` if not known."""
        return self.programme.filed_on


def _filing_key(application: QuotaApplication) -> tuple[bool, date, str, bool, str]:
    """Filing order, undated last; ties by credit code, then reference (none last)."""
    programme = application.programme
    reference = programme.reference
    return (
        programme.filed_on is None,
        programme.filed_on or date.min,
        str(programme.enterprise),
        reference is None,
        reference or "",
    )


@attrs.frozen(kw_only=True)
class QuotaAllocation(Allocation[QuotaApplication]):
    """How a district's annual quota was filled: who is listed, who waits, and why.

    Every application gets its own :class:`~skillchain.Decision` under rule
    ``apprenticeship.quota``, so each enterprise can be told why: *eligible* —
    listed; *ineligible* — waits, because its apprentices did not fit in the places
    left at its turn; *undetermined* — waits, because its filing date, the quota or
    the order is not known (the decision names what is missing).
    """

    ranked: tuple[QuotaApplication, ...] = attrs.field(
        validator=tuple_of(QuotaApplication)
    )
    """Every application in the order considered: filing order, the undated last."""
    quota: int | None = attrs.field(validator=maybe(whole(0)))
    """The annual quota in apprentices, or ``None`` when none is in force."""

    @property
    def listed(self) -> tuple[QuotaApplication, ...]:
        """The applications listed in the plan, in filing order (:attr:`~skillchain.rules.Allocation.chosen`)."""
        return self.chosen

    @property
    def places_taken(self) -> int:
        """The apprentices listed in total (never more than :attr:`quota`)."""
        return sum(app.apprentices for app in self.chosen)


@in_library_context
def allocate_quota(
    applications: Iterable[QuotaApplication],
    *,
    on: date,
    policy: Policy | None = None,
) -> QuotaAllocation:
    """Fill the district's annual apprentice quota in force on *on* with *applications*.

    Pass one quota year's applications.  They are taken in filing order (ties by
    enterprise credit code, then the programme's reference, then the rest of the
    record, so the result never depends on the order of *applications*); each is
    listed whole when its apprentices fit in the places left, and otherwise waits.
    An application without a filing date waits as undetermined and takes no place.
    The quota and the order are those in force on *on*.

    Raises:
        InvalidValueError: An item is not a :class:`QuotaApplication`, or the same
            application appears twice.
    """
    chosen = policy if policy is not None else Policy.default()
    ranked = rank(applications, QuotaApplication, _filing_key)
    quota: int | None
    quota, order = Judge(chosen, on).values(PLACES)
    decisions: list[Decision] = []
    taken = 0
    # The undated are ranked last: a dated application's rank is its position.
    for position, application in enumerate(ranked, start=1):
        judge = Judge(chosen, on)
        filed_on = application.filed_on
        judge.record(
            FILED,
            None if filed_on is None else True,
            (("filed_on", filed_on),),
            (filed_on,),
        )
        remaining: int | None = None
        if filed_on is not None and quota is not None and order is not None:
            remaining = quota - taken
        fits = None if remaining is None else application.apprentices <= remaining
        judge.record(
            PLACES,
            fits,
            (
                ("order", order),
                ("position", None if filed_on is None else position),
                ("taken", None if remaining is None else taken),
                ("quota", quota),
                ("remaining", remaining),
                ("apprentices", application.apprentices),
            ),
            (filed_on,),
        )
        if fits:
            taken += application.apprentices
        decisions.append(judge.decide(QUOTA_RULE))
    return QuotaAllocation(quota=quota, ranked=ranked, decisions=tuple(decisions))


@in_library_context
def quota_listing(
    application: QuotaApplication,
    applications: Iterable[QuotaApplication],
    *,
    on: date,
    policy: Policy | None = None,
) -> Decision:
    """Decide whether *application* is listed within the quota, among *applications*.

    The decision :func:`allocate_quota` reaches for *application* (which may or may
    not be among *applications*; it is added if not).

    Raises:
        InvalidValueError: As for :func:`allocate_quota`.

    Example:
        >>> from datetime import date
        >>> from skillchain import CreditCode, OccupationCode, SkillLevel
        >>> from skillchain.model import (ApprenticeshipProgramme, InstitutionKind,
        ...     ProgrammeStatus, TrainingInstitution, TrainingMode)
        >>> from skillchain.rules import QuotaApplication, quota_listing
        >>> plan = ApprenticeshipProgramme(enterprise=CreditCode("9144030400000000J0"),
        ...     institution=TrainingInstitution(name="深圳市某技工学校",
        ...         kind=InstitutionKind.TECHNICAL_SCHOOL),
        ...     occupation=OccupationCode("6-31-01-03"), target_level=SkillLevel.ADVANCED,
        ...     start=date(2024, 3, 1), planned_months=24,
        ...     modes=frozenset({TrainingMode.WORK_STUDY_ALTERNATION}),
        ...     status=ProgrammeStatus.APPLIED)
        >>> quota_listing(QuotaApplication(programme=plan, apprentices=10), [],
        ...     on=date(2024, 2, 1)).missing
        ('application.programme.filed_on', 'apprenticeship.district_quota')
    """
    pool = tuple(applications)
    if application not in pool:
        pool = (*pool, application)
    return allocate_quota(pool, on=on, policy=policy).decision_for(application)


QUOTA_RULE: Rule = register(
    Rule(
        id="apprenticeship.quota",
        version="2026.2",
        title_zh="区年度学徒名额内列入计划",
        title_en="Listing within the district's annual apprentice quota",
        function=quota_listing,
        sources=_GUIDE,
        conditions=(FILED, PLACES),
    )
)
"""The registered quota rule (one decision per application)."""
