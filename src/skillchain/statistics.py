"""The district's figures, counted from its records and decisions.

A district reports figures: person-times of training by occupation and project,
apprentices and enterprises, institutions filed, experts recommended, chain
leaders, amounts paid.  :class:`Statistics` counts them in one pass over any
stream of records (the types of :mod:`skillchain.model`), decisions
(:class:`~skillchain.Decision`, of any rule) and simulation summaries, and
:meth:`Statistics.report` gives a :class:`Report`: one :class:`Figure` per
programme, period, measure and breakdown, in a stable order, as text
(:meth:`Report.table`) or JSON (:meth:`Report.to_json`).

**Periods.**  A figure's period is, by default, the calendar year of the item
(:func:`by_year`: a decision's day, a course's year, a programme's start, …), or
``"undated"`` for an item that carries no day or year; every figure is also kept
for all periods together (period ``None``).  :func:`spanning` groups years (the
letter's "2020–2023"); any function of the item may be given instead.

**Decisions.**  Each rule's cases by outcome, the amounts payable (an eligible
decision's ``amount``, summed exactly) and the amounts to be refunded.  A rule
declares a refund by a condition whose sentence shows a ``{refund}`` value (the
settlement rule's ``apprenticeship.settlement.refund``): a failed finding of such
a condition carries the amount owed.  Each decision figure keeps the policy
fingerprints and the weakest provenance of the decisions behind it; a decision
that used no figure in force counts as weaker than ``unverified`` (the figure then
claims no provenance).  The programme is the rule id's first part, so a new rule
is counted with no change here.

**Records.**  Only what the records hold: courses, lesson hours, occupations,
person-times, people trained and completions of public training (a course's
occupation is its code, or its title where it maps to none; a course under none
of the three projects is placed by the catalog
:func:`~skillchain.catalog.three_projects` where its occupation, by code or by
name, is listed there);
apprentices, people, enterprises and programmes of the apprenticeship; filings by
status; carriers by type and award applications by category; reward claims by
kind; expert nominations, experts and experts recommended; chain-leader applicants,
chain leaders and chains by status; competitions by tier, entries and awards.
A figure of records claims no provenance and no policy.

**Privacy.**  People and enterprises are counted by keyed digests of their
numbers, never by the numbers: no identity number or credit code is kept in a
report, and none is shown in its text or JSON.  Free text that becomes part of a
figure (a course title, a period, a rule id) is masked like every message before
it is counted.

**Memory.**  One pass; what grows is the number of figures (programmes ×
periods × breakdown values) and the sets of distinct digests (people,
enterprises, courses), about 100 bytes a member.  Parts counted apart (processes,
Dask workers) merge exactly: :meth:`Report.merge`, :func:`report_of_bag`.

Example:
    >>> from datetime import date
    >>> from decimal import Decimal
    >>> from skillchain import ResidentId
    >>> from skillchain.model import CourseEnrolment, DeliveryMode, PublicTrainingCourse
    >>> from skillchain.statistics import Statistics
    >>> course = PublicTrainingCourse(title="育婴员", delivery=DeliveryMode.OFFLINE,
    ...     hours=Decimal("32"), year=2024, organiser_name="福田区人力资源局")
    >>> people = [ResidentId("11010519491231002X"), ResidentId("440304199001010011")]
    >>> report = Statistics().update(
    ...     CourseEnrolment(person=p, course=course, enrolled_on=date(2024, 4, 1))
    ...     for p in people + people[:1]).report()
    >>> report.value("public_training", "person_times"), report.value(
    ...     "public_training", "trainees")
    (3, 2)
    >>> report.value("public_training", "course_hours", period="2024")
    Decimal('32')
"""

import functools
import json
import string

from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Final, Self

import attrs

from skillchain._checks import is_a, whole
from skillchain._decision import Decision, Outcome
from skillchain._labels import LabelledEnum, set_labels
from skillchain._redact import display_width, redact, shorten
from skillchain._sources import Lang, Provenance
from skillchain._statistics import ALL_PERIODS as _ALL_PERIODS
from skillchain._statistics import (
    EXACT,
    MEASURES,
    NO_PROVENANCE,
    UNASSIGNED,
    Breakdown,
    Key,
    MeasureKind,
    Tally,
    digest,
    dimension_label,
    period_label,
    period_sort_key,
    programme_label,
    provenance_of,
    rank_of,
)
from skillchain._statistics import UNDATED as _UNDATED
from skillchain.errors import (
    InputError,
    InputProblem,
    InvalidValueError,
    PopulationError,
    SkillchainError,
    UnknownRuleError,
)
from skillchain.model import (
    ApprenticeEnrolment,
    ApprenticeshipProgramme,
    CarrierAwardApplication,
    ChainLeaderApplication,
    ChainLeaderDesignation,
    Competition,
    CompetitionEntry,
    CompetitionResult,
    CourseEnrolment,
    CraftsmanApplication,
    ExpertNomination,
    GuidanceExpert,
    LevelApplication,
    LifelongTrainingCarrier,
    PrivateInstitutionFiling,
    PublicTrainingCourse,
    RecommendationRound,
    SkillChain,
    TalentRewardClaim,
)
from skillchain.simulation import SimulationSummary


__all__ = [
    "ALL_PERIODS",
    "CHARTS_INSTALL",
    "RECORD_TYPES",
    "UNDATED",
    "Basis",
    "Figure",
    "PeriodFunction",
    "Report",
    "Statistics",
    "TrainingTally",
    "by_year",
    "chart_series",
    "read_records",
    "report_chart",
    "report_of_bag",
    "spanning",
    "year_of",
]

ALL_PERIODS: Final = _ALL_PERIODS
"""The period of a figure that covers every period of the report: ``None``."""

UNDATED: Final = _UNDATED
"""The period of an item that carries no day or year: ``"undated"``."""

CHARTS_INSTALL: Final = "pip install 'skillchain[charts]'"
"""What to install to draw a report's chart."""

PeriodFunction = Callable[[Any], str | None]
"""The period of an item (a record, a decision, a summary): a label such as
``"2023"``, or ``None`` when the item has none (it is then ``"undated"``)."""


# ---------------------------------------------------------------- the records


@attrs.frozen(kw_only=True)
class TrainingTally:
    """Person-times of a public course reported as a number, without the people.

    An online platform reports how many times a course was taken (the district's
    2023 online programme: 40 000+ person-times over 1 300+ lessons), not who took
    it.  A tally adds its person-times to the course's figures; it cannot add to
    the count of distinct people trained.

    Example:
        >>> from decimal import Decimal
        >>> from skillchain.model import DeliveryMode, PublicTrainingCourse
        >>> from skillchain.statistics import TrainingTally
        >>> course = PublicTrainingCourse(title="电工", delivery=DeliveryMode.ONLINE,
        ...     hours=Decimal("30"), year=2023, organiser_name="福田区人力资源局")
        >>> TrainingTally(course=course, person_times=950).person_times
        950
    """

    course: PublicTrainingCourse = attrs.field(validator=is_a(PublicTrainingCourse))
    """The course."""
    person_times: int = attrs.field(validator=whole(1))
    """培训人次: how many times the course was taken (at least one)."""


RECORD_TYPES: Final[Mapping[str, type]] = {
    cls.__name__: cls
    for cls in (
        PublicTrainingCourse,
        CourseEnrolment,
        TrainingTally,
        ApprenticeshipProgramme,
        ApprenticeEnrolment,
        PrivateInstitutionFiling,
        LifelongTrainingCarrier,
        CarrierAwardApplication,
        TalentRewardClaim,
        GuidanceExpert,
        ExpertNomination,
        RecommendationRound,
        ChainLeaderApplication,
        ChainLeaderDesignation,
        SkillChain,
        Competition,
        CompetitionEntry,
        CompetitionResult,
        CraftsmanApplication,
        LevelApplication,
    )
}
"""The record types :class:`Statistics` counts, by name (the ``type`` of a JSON
Lines record)."""


# ---------------------------------------------------------------- periods


def year_of(item: object) -> int | None:
    """The calendar year an item belongs to, or ``None`` if it carries none.

    A decision's day; a course's year (also for its enrolments and tallies); a
    programme's start (also for its apprentices); a filing's decision day, else its
    submission; a carrier's recognition; the year of an award application, reward
    claim, recommendation round, chain, designation, competition (also for its
    entries and results) or craftsman application; an expert nomination's
    submission.  Chain-leader applications, guidance experts and skill-level
    applications carry no day.

    Example:
        >>> from datetime import date
        >>> from skillchain import Decision, Outcome
        >>> from skillchain.statistics import year_of
        >>> year_of(Decision(rule="demo.rule", version="1", on=date(2023, 5, 1),
        ...     outcome=Outcome.ELIGIBLE, findings=(), provenance=None,
        ...     policy_fingerprint="0" * 64))
        2023
    """
    if isinstance(item, Decision):
        return item.on.year
    if isinstance(item, CourseEnrolment | TrainingTally):
        return item.course.year
    if isinstance(item, ApprenticeEnrolment):
        return item.programme.start.year
    if isinstance(item, ApprenticeshipProgramme):
        return item.start.year
    if isinstance(item, PrivateInstitutionFiling):
        return (item.decided_on or item.submitted_on).year
    if isinstance(item, LifelongTrainingCarrier):
        return None if item.recognised_on is None else item.recognised_on.year
    if isinstance(item, ExpertNomination):
        return None if item.submitted_on is None else item.submitted_on.year
    if isinstance(item, CompetitionEntry | CompetitionResult):
        return item.competition.year
    year = getattr(item, "year", None)
    if isinstance(year, int) and not isinstance(year, bool):
        return year
    on = getattr(item, "on", None)
    return on.year if isinstance(on, date) else None


def by_year(item: object) -> str | None:
    """The default period: the item's calendar year (:func:`year_of`) as text.

    Example:
        >>> from decimal import Decimal
        >>> from skillchain.model import DeliveryMode, PublicTrainingCourse
        >>> from skillchain.statistics import by_year
        >>> by_year(PublicTrainingCourse(title="电工", delivery=DeliveryMode.ONLINE,
        ...     hours=Decimal("30"), year=2023, organiser_name="福田区人力资源局"))
        '2023'
    """
    year = year_of(item)
    return None if year is None else str(year)


@attrs.frozen
class _Span:
    """Years from *first* to *last* as one period; other years as themselves."""

    first: int
    last: int
    undated: str | None

    def __call__(self, item: object) -> str | None:
        year = year_of(item)
        if year is None:
            return self.undated
        if self.first <= year <= self.last:
            return f"{self.first}–{self.last}"
        return str(year)


def spanning(first: int, last: int, *, undated: str | None = None) -> PeriodFunction:
    """A period function that counts the years *first* to *last* as one period.

    Other years stay periods of their own; an item with no year gets *undated*
    (default: ``"undated"``).  The function can be sent to worker processes.

    Raises:
        InvalidValueError: *last* is before *first*.

    Example:
        >>> from datetime import date
        >>> from skillchain import Decision, Outcome
        >>> from skillchain.statistics import spanning
        >>> period = spanning(2020, 2023)
        >>> period(Decision(rule="demo.rule", version="1", on=date(2021, 5, 1),
        ...     outcome=Outcome.ELIGIBLE, findings=(), provenance=None,
        ...     policy_fingerprint="0" * 64))
        '2020–2023'
    """
    if type(first) is not int or type(last) is not int or last < first:
        raise InvalidValueError(
            field="spanning",
            problem=f"got {shorten(repr(first))} to {shorten(repr(last))}",
            expected="two years, the first not after the last",
        )
    return _Span(first, last, undated)


# ---------------------------------------------------------------- figures


class Basis(LabelledEnum):
    """What a figure was counted from."""

    RECORDS = "records"
    """Records: no policy and no provenance behind the figure."""
    DECISIONS = "decisions"
    """Decisions: the figure carries their policies and weakest provenance."""
    SIMULATION = "simulation"
    """Simulation summaries: the figure carries the policies compared."""


set_labels(
    Basis,
    {
        Basis.RECORDS: ("记录", "records"),
        Basis.DECISIONS: ("决定", "decisions"),
        Basis.SIMULATION: ("模拟汇总", "simulation summaries"),
    },
)


@attrs.frozen(kw_only=True)
class Figure:
    """One figure of a report: what is counted, for which programme and period.

    Example:
        >>> from skillchain.statistics import Basis, Figure
        >>> figure = Figure(programme="apprenticeship", period="2023",
        ...     measure="apprentices", breakdown=(), value=18, zh="学徒（人次）",
        ...     en="apprentices enrolled", basis=Basis.RECORDS, fingerprints=(),
        ...     provenance=None)
        >>> figure.label("en")
        'apprentices enrolled'
    """

    programme: str
    """The programme's key (a rule id's first part, e.g. ``"apprenticeship"``)."""
    period: str | None
    """The period (``"2023"``, ``"2020–2023"``, ``"undated"``), or ``None`` for
    every period of the report together."""
    measure: str
    """What is counted, e.g. ``"person_times"`` or ``"amount_paid"``."""
    breakdown: tuple[tuple[str, str], ...]
    """The ``(dimension, value)`` pairs the figure is broken down by, e.g.
    ``(("rule", "apprenticeship.case"), ("outcome", "eligible"))``; empty for the
    programme's headline figure."""
    value: int | Decimal
    """The figure: a whole number for counts, an exact ``Decimal`` for amounts and
    hours."""
    zh: str
    """The measure and its breakdown in Chinese."""
    en: str
    """The measure and its breakdown in English."""
    basis: Basis
    """Counted from records, decisions or simulation summaries."""
    fingerprints: tuple[str, ...]
    """The fingerprints of the policies behind the figure, sorted (empty for
    records)."""
    provenance: Provenance | None
    """The weakest provenance of the decisions behind the figure; ``None`` for
    records and summaries, or when a decision behind it used no figure in force."""

    def label(self, lang: Lang = "zh") -> str:
        """The figure's label in *lang*."""
        return self.zh if lang == "zh" else self.en


def _figure_label(measure: str, breakdown: Breakdown, lang: Lang) -> str:
    parts = [MEASURES[measure].label(lang)]
    parts.extend(dimension_label(dim, value, lang) for dim, value in breakdown)
    return " · ".join(parts)


def _basis(measure: str) -> Basis:
    return Basis(MEASURES[measure].source)


@attrs.frozen(slots=False)
class Report:
    """The figures of one or more streams, in a stable order.

    The figures are sorted by programme (in the programme table's order), measure,
    breakdown and period, the total over every period (``period=None``) last.  A
    report also keeps, hidden, the digests its distinct counts were made of, so
    reports of parts merge exactly (:meth:`merge`); they are never shown, and
    neither :meth:`to_json` nor :func:`skillchain.serialization.unstructure`
    includes them.
    """

    figures: tuple[Figure, ...]
    """Every figure, in order."""

    def __attrs_post_init__(self) -> None:
        """Index the figures; a report built from figures alone keeps no digests."""
        object.__setattr__(
            self,
            "_index",
            {
                (f.programme, f.period, f.measure, frozenset(f.breakdown)): f
                for f in self.figures
            },
        )
        if not hasattr(self, "_members"):
            object.__setattr__(self, "_members", None)

    @classmethod
    def _of(cls, tally: Tally) -> "Report":
        figures = []
        for key in tally.ordered():
            programme, period, measure, breakdown = key
            rank = tally.ranks.get(key)
            figures.append(
                Figure(
                    programme=programme,
                    period=period,
                    measure=measure,
                    breakdown=breakdown,
                    value=tally.value(key),
                    zh=_figure_label(measure, breakdown, "zh"),
                    en=_figure_label(measure, breakdown, "en"),
                    basis=_basis(measure),
                    fingerprints=tuple(sorted(tally.prints.get(key, ()))),
                    provenance=(
                        None
                        if rank is None or _basis(measure) is not Basis.DECISIONS
                        else provenance_of(rank)
                    ),
                )
            )
        report = cls.__new__(cls)
        object.__setattr__(
            report, "_members", {k: dict(v) for k, v in tally.distinct.items()}
        )
        cls.__init__(report, tuple(figures))
        return report

    def _tally(self, field: str) -> Tally:
        members: dict[Key, dict[bytes, Decimal]] | None = getattr(
            self, "_members", None
        )
        tally = Tally()
        for f in self.figures:
            key = (f.programme, f.period, f.measure, f.breakdown)
            kind = MEASURES[f.measure].kind
            if kind is MeasureKind.COUNT:
                tally.counts[key] = int(f.value)
            elif kind is MeasureKind.SUM:
                tally.sums[key] = Decimal(f.value)
            else:
                if members is None or key not in members:
                    raise InvalidValueError(
                        field=field,
                        problem="a report built from its figures alone has no "
                        "digests to merge its distinct counts with",
                        expected="reports made by Statistics.report() or merge()",
                    )
                tally.distinct[key] = dict(members[key])
            if f.basis is not Basis.RECORDS:
                tally.prints[key] = set(f.fingerprints)
                if f.basis is Basis.DECISIONS:
                    tally.ranks[key] = rank_of(f.provenance)
        return tally

    @classmethod
    def merge(cls, *reports: "Report") -> "Report":
        """The report of a whole from the reports of its parts.

        The parts must be counted with the same period function from disjoint parts
        of one stream.  Counts and amounts add exactly; distinct people,
        enterprises and courses are united (one seen in two parts counts once);
        fingerprints are united and the weakest provenance is kept.  Merging is
        associative and commutative; with no part, the report is empty.

        Raises:
            InvalidValueError: A part is not a :class:`Report`, or is one built from
                its figures alone (it has no digests for its distinct counts).

        Example:
            >>> from datetime import date
            >>> from skillchain import Decision, Outcome
            >>> from skillchain.statistics import Report, Statistics
            >>> def decision(outcome):
            ...     return Decision(rule="demo.rule", version="1", on=date(2024, 1, 2),
            ...         outcome=outcome, findings=(), provenance=None,
            ...         policy_fingerprint="0" * 64)
            >>> parts = [Statistics().update([decision(Outcome.ELIGIBLE)]).report(),
            ...          Statistics().update([decision(Outcome.INELIGIBLE)]).report()]
            >>> Report.merge(*parts).value("demo", "cases", rule="demo.rule")
            2
        """
        tally = Tally()
        for index, report in enumerate(reports):
            if not isinstance(report, Report):
                raise InvalidValueError(
                    field=f"reports[{index}]",
                    problem=f"got a value of type {type(report).__name__}",
                    expected="a Report",
                )
            tally.merge(report._tally(f"reports[{index}]"))  # noqa: SLF001 - same class
        return cls._of(tally)

    # -- reading figures

    def get(
        self,
        programme: str,
        measure: str,
        *,
        period: str | None = ALL_PERIODS,
        **breakdown: str,
    ) -> Figure | None:
        """The figure of *programme* and *measure* in *period* broken down by
        *breakdown* (dimension=value), or ``None`` if the report has none."""
        index: dict[object, Figure] = self._index  # type: ignore[attr-defined]
        return index.get((programme, period, measure, frozenset(breakdown.items())))

    def value(
        self,
        programme: str,
        measure: str,
        *,
        period: str | None = ALL_PERIODS,
        **breakdown: str,
    ) -> int | Decimal:
        """The value of a figure (see :meth:`get`); ``0`` if the report has none.

        Example:
            >>> from skillchain.statistics import Report
            >>> Report(figures=()).value("apprenticeship", "apprentices")
            0
        """
        found = self.get(programme, measure, period=period, **breakdown)
        return 0 if found is None else found.value

    @property
    def programmes(self) -> tuple[str, ...]:
        """The programmes the report has figures for, in order."""
        return tuple(dict.fromkeys(f.programme for f in self.figures))

    def periods(self, programme: str | None = None) -> tuple[str, ...]:
        """The periods of the report (of *programme*), in order; not the total."""
        found = {
            f.period
            for f in self.figures
            if f.period is not None and programme in {None, f.programme}
        }
        return tuple(sorted(found, key=period_sort_key))

    # -- output

    def to_json(self) -> dict[str, Any]:
        """The figures as JSON-shaped data (amounts and hours as decimal strings).

        No digest and no identity number: breakdown values are codes, enum values
        and masked text.
        """
        return {
            "figures": [
                {
                    "programme": f.programme,
                    "period": None if f.period is None else redact(f.period),
                    "measure": f.measure,
                    "breakdown": [[dim, redact(value)] for dim, value in f.breakdown],
                    "value": f.value if isinstance(f.value, int) else str(f.value),
                    "zh": f.zh,
                    "en": f.en,
                    "basis": f.basis.value,
                    "fingerprints": list(f.fingerprints),
                    "provenance": None if f.provenance is None else f.provenance.value,
                }
                for f in self.figures
            ]
        }

    def table(self, lang: Lang = "zh") -> str:
        """The figures as text: one table per programme, one column per period.

        Each row is a measure (and breakdown); the last columns give the weakest
        provenance and the policies behind the row's total (``—`` for records).

        Example:
            >>> from datetime import date
            >>> from skillchain import Decision, Outcome, Provenance
            >>> from skillchain.statistics import Statistics
            >>> d = Decision(rule="demo.rule", version="1", on=date(2024, 1, 2),
            ...     outcome=Outcome.ELIGIBLE, findings=(),
            ...     provenance=Provenance.SECONDARY, policy_fingerprint="ab" * 32)
            >>> print(Statistics().update([d, d]).report().table("en"))
            demo
            measure                               2024  all  provenance  policies
            cases decided · demo.rule                2    2  secondary   abababababab
            cases decided · demo.rule · eligible     2    2  secondary   abababababab
        """
        from skillchain._statistics import programme_label as title

        zh = lang == "zh"
        blocks: list[str] = []
        for programme in self.programmes:
            periods = self.periods(programme)
            heading = title(programme, lang)
            if heading != programme:
                heading = (
                    f"{heading}（{programme}）" if zh else f"{heading} ({programme})"
                )
            head = [
                "指标" if zh else "measure",
                *(period_label(p, lang) for p in periods),
                period_label(None, lang),
                "依据可信度" if zh else "provenance",
                "政策" if zh else "policies",
            ]
            rows = [head]
            seen: dict[tuple[str, Breakdown], None] = {}
            for f in self.figures:
                if f.programme == programme:
                    seen.setdefault((f.measure, f.breakdown), None)
            for measure, breakdown in seen:
                dims = dict(breakdown)
                cells = [_figure_label(measure, breakdown, lang)]
                for period in (*periods, None):
                    found = self.get(programme, measure, period=period, **dims)
                    cells.append("—" if found is None else _number(found.value))
                total = self.get(programme, measure, **dims)
                cells.extend(_basis_cells(total, lang))
                rows.append(cells)
            blocks.append("\n".join([shorten(heading, 120), *_aligned(rows)]))
        if not blocks:
            return "（无数据）" if zh else "(no figures)"
        return "\n\n".join(blocks)


def _number(value: int | Decimal) -> str:
    return f"{value:,}" if isinstance(value, int) else f"{value:,f}"


def _basis_cells(figure: Figure | None, lang: Lang) -> list[str]:
    zh = lang == "zh"
    if figure is None or figure.basis is Basis.RECORDS:
        return ["—", "—"]
    if figure.basis is Basis.SIMULATION:
        strength = "—"
    elif figure.provenance is None:
        strength = "无" if zh else "none"
    else:
        strength = figure.provenance.label(lang)
    prints = figure.fingerprints
    if len(prints) <= 2:
        policies = ",".join(p[:12] for p in prints)
    else:
        policies = f"{len(prints)} 个政策" if zh else f"{len(prints)} policies"
    return [strength, policies]


def _aligned(rows: list[list[str]]) -> list[str]:
    """Rows as lines: the first column left-aligned, numbers right, the rest left.

    The cells are masked one by one where they are made (labels, periods): a line
    as a whole is not, since the numbers of adjacent columns are no identity
    number and masking them would change the figures shown.
    """
    count = len(rows[0])
    widths = [max(display_width(row[i]) for row in rows) for i in range(count)]
    numeric = range(1, count - 2)
    lines = []
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - display_width(cell))
            cells.append(pad + cell if i in numeric else cell + pad)
        lines.append("  ".join(cells).rstrip())
    return lines


# ---------------------------------------------------------------- the accumulator


@functools.lru_cache(maxsize=256)
def _refund_checks(rule_id: str) -> frozenset[str]:
    """The checks of *rule_id* whose sentences show a ``{refund}`` value."""
    from skillchain.rules import get_rule

    try:
        rule = get_rule(rule_id)
    except UnknownRuleError:
        return frozenset()
    found = set()
    for condition in (*rule.conditions, *rule.retired):
        for template in (condition.zh, condition.en):
            if template is None:
                continue
            names = {name for _, name, _, _ in string.Formatter().parse(template)}
            if "refund" in names:
                found.add(condition.check)
    return frozenset(found)


def _refund(decision: Decision) -> Decimal | None:
    checks = _refund_checks(decision.rule)
    if not checks:
        return None
    owed: Decimal | None = None
    for finding in decision.failed:
        if finding.check not in checks:
            continue
        value = dict(finding.values).get("refund")
        if isinstance(value, Decimal):
            owed = value if owed is None else EXACT.add(owed, value)
    return owed


@functools.lru_cache(maxsize=1024)
def _project_of_occupation(occupation: str) -> str:
    """The project the catalog lists *occupation* (a code or a name) under."""
    from skillchain.catalog import three_projects

    for entry in three_projects():
        if entry.includes(occupation) is True:
            return entry.project.value
    return UNASSIGNED


def _project(course: PublicTrainingCourse) -> str:
    if course.project is not None:
        return course.project.value
    return _project_of_occupation(_occupation(course))


def _occupation(course: PublicTrainingCourse) -> str:
    """The occupation a course trains for: its code, else its title."""
    if course.occupation is not None:
        return course.occupation.code
    return redact(course.title)


@functools.lru_cache(maxsize=4096)
def _course_digest(course: PublicTrainingCourse) -> bytes:
    from skillchain.serialization import unstructure

    text = json.dumps(unstructure(course), sort_keys=True, ensure_ascii=False)
    return digest("course", text)


@functools.lru_cache(maxsize=4096)
def _record_digest(kind: str, record: object) -> bytes:
    from skillchain.serialization import unstructure

    text = json.dumps(unstructure(record), sort_keys=True, ensure_ascii=False)
    return digest(kind, text)


def _person(person: Any) -> bytes:
    return digest("person", person.reveal())


def _enterprise(code: Any) -> bytes:
    return digest("enterprise", code.code)


class Statistics:
    """Counts a stream of records, decisions and simulation summaries.

    Feed it with :meth:`add` or :meth:`update` (any mix, in any order), or let it
    decide cases (:meth:`decide`); :meth:`report` gives the figures so far.  See
    the module's description for what is counted.

    Args:
        period: The period of an item (default :func:`by_year`); it must be a
            module-level function or a picklable object to be sent to worker
            processes.
    """

    def __init__(self, *, period: PeriodFunction = by_year) -> None:
        self._period = period
        self._tally = Tally()
        self._handlers: dict[type, Callable[[Any, str], None]] = {
            Decision: self._decision,
            SimulationSummary: self._summary,
            PublicTrainingCourse: self._course,
            CourseEnrolment: self._enrolment,
            TrainingTally: self._training_tally,
            ApprenticeshipProgramme: self._programme,
            ApprenticeEnrolment: self._apprentice,
            PrivateInstitutionFiling: self._filing,
            LifelongTrainingCarrier: self._carrier,
            CarrierAwardApplication: self._award_application,
            TalentRewardClaim: self._reward_claim,
            GuidanceExpert: self._expert,
            ExpertNomination: self._nomination,
            RecommendationRound: self._round,
            ChainLeaderApplication: self._leader_application,
            ChainLeaderDesignation: self._designation,
            SkillChain: self._chain,
            Competition: self._competition,
            CompetitionEntry: self._entry,
            CompetitionResult: self._result,
            CraftsmanApplication: self._application("craftsman"),
            LevelApplication: self._application("levels"),
        }

    # -- feeding

    def add(self, item: object) -> None:
        """Count one item: a record of :data:`RECORD_TYPES`, a
        :class:`~skillchain.Decision`, an allocation of the rules (its decisions) or
        a :class:`~skillchain.SimulationSummary`.

        Raises:
            InvalidValueError: The item is of another type.
        """
        handler = self._handlers.get(type(item))
        if handler is None:
            from skillchain.rules import Allocation

            if isinstance(item, Allocation):
                for decision in item.decisions:
                    self.add(decision)
                return
            raise InvalidValueError(
                field="item",
                problem=f"got a value of type {type(item).__name__}",
                expected="a Decision, an Allocation, a SimulationSummary or a record "
                f"of a counted type ({', '.join(RECORD_TYPES)})",
            )
        period = self._period(item)
        handler(item, UNDATED if period is None else redact(str(period)))

    def update(self, items: Iterable[object]) -> Self:
        """Count every item of *items* (see :meth:`add`); return the statistics."""
        for item in items:
            self.add(item)
        return self

    def add_facts(self, facts: Mapping[str, object]) -> None:
        """Count the records among a case's *facts* (tuples and sets of them too).

        Other facts (flags, days, amounts) are not counted.
        """
        for value in facts.values():
            items = value if isinstance(value, tuple | frozenset | list) else (value,)
            for item in items:
                if type(item) in self._handlers and not isinstance(
                    item, Decision | SimulationSummary
                ):
                    self.add(item)

    def decide(
        self,
        cases: Iterable[Any],
        rule: Any,
        *,
        policy: Any = None,
        facts: bool = True,
        on_error: Callable[[Any, SkillchainError], object] | None = None,
    ) -> Self:
        """Decide *cases* with *rule* under *policy* and count the decisions.

        *cases* are :class:`~skillchain.comparison.Case` objects or mappings, as
        :func:`~skillchain.simulation.simulate` takes them (e.g. from
        :func:`~skillchain.simulation.read_population`); *rule* a rule or its id;
        *policy* the policy (default: the bundled one).  With *facts*, the records
        among each case's facts are counted too (:meth:`add_facts`).

        Raises:
            SkillchainError: The rule refused a case and there is no *on_error*
                (called with the case and the error; the case is then skipped).
            UnknownRuleError: No rule has the id *rule*.
        """
        from skillchain.comparison import as_case, evaluate
        from skillchain.policy import Policy
        from skillchain.rules import get_rule

        found = get_rule(rule) if isinstance(rule, str) else rule
        chosen = policy if policy is not None else Policy.default()
        for index, item in enumerate(cases):
            case = as_case(item, index)
            try:
                decision = evaluate(found, chosen, case)
            except SkillchainError as error:
                if on_error is None:
                    raise
                on_error(case, error)
                continue
            self.add(decision)
            if facts:
                self.add_facts(case.facts)
        return self

    def report(self) -> Report:
        """The figures counted so far."""
        return Report._of(self._tally)  # noqa: SLF001 - the report's own maker

    # -- decisions and summaries

    def _decision(self, decision: Decision, period: str) -> None:
        rule_id = redact(decision.rule)
        programme = rule_id.partition(".")[0]
        basis = (decision.policy_fingerprint, rank_of(decision.provenance))
        rule: Breakdown = (("rule", rule_id),)
        add = self._tally.add
        add(
            programme,
            period,
            "cases",
            (rule, (*rule, ("outcome", decision.outcome.value))),
            basis=basis,
        )
        if decision.outcome is Outcome.ELIGIBLE and decision.amount is not None:
            add(
                programme,
                period,
                "amount_paid",
                (rule,),
                amount=decision.amount,
                basis=basis,
            )
        owed = _refund(decision)
        if owed is not None:
            add(programme, period, "amount_owed", (rule,), amount=owed, basis=basis)

    def _summary(self, summary: SimulationSummary, period: str) -> None:
        rule_id = redact(summary.rule)
        programme = rule_id.partition(".")[0]
        rule: Breakdown = (("rule", rule_id),)
        add = self._tally.add
        for name, counts, fingerprint, total in (
            (
                "baseline",
                summary.baseline,
                summary.baseline_policy,
                summary.baseline_total,
            ),
            ("reform", summary.reform, summary.reform_policy, summary.reform_total),
        ):
            basis = (fingerprint, NO_PROVENANCE)
            which: Breakdown = (*rule, ("policy", name))
            add(
                programme,
                period,
                "simulated_cases",
                (which,),
                count=summary.cases,
                basis=basis,
            )
            for outcome in Outcome:
                add(
                    programme,
                    period,
                    "simulated_cases",
                    ((*which, ("outcome", outcome.value)),),
                    count=counts[outcome],
                    basis=basis,
                )
            add(
                programme,
                period,
                "simulated_total",
                (which,),
                amount=total,
                basis=basis,
            )

    # -- public training

    def _course_figures(self, course: PublicTrainingCourse, period: str) -> None:
        add = self._tally.add
        project: Breakdown = (("project", _project(course)),)
        member = _course_digest(course)
        add("public_training", period, "courses", ((), project), member=member)
        add(
            "public_training",
            period,
            "course_hours",
            ((), project),
            member=member,
            weight=course.hours,
        )
        add(
            "public_training",
            period,
            "occupations",
            member=digest("occupation", _occupation(course)),
        )

    def _training_breakdowns(self, course: PublicTrainingCourse) -> list[Breakdown]:
        return [
            (),
            (("project", _project(course)),),
            (("occupation", _occupation(course)),),
        ]

    def _course(self, course: PublicTrainingCourse, period: str) -> None:
        self._course_figures(course, period)

    def _enrolment(self, enrolment: CourseEnrolment, period: str) -> None:
        add = self._tally.add
        self._course_figures(enrolment.course, period)
        add(
            "public_training",
            period,
            "person_times",
            self._training_breakdowns(enrolment.course),
        )
        add("public_training", period, "trainees", member=_person(enrolment.person))
        if enrolment.completed is True:
            add("public_training", period, "completions")

    def _training_tally(self, tally: TrainingTally, period: str) -> None:
        self._course_figures(tally.course, period)
        self._tally.add(
            "public_training",
            period,
            "person_times",
            self._training_breakdowns(tally.course),
            count=tally.person_times,
        )

    # -- apprenticeship

    def _programme_figures(
        self, programme: ApprenticeshipProgramme, period: str
    ) -> None:
        add = self._tally.add
        add(
            "apprenticeship",
            period,
            "enterprises",
            member=_enterprise(programme.enterprise),
        )
        add(
            "apprenticeship",
            period,
            "programmes",
            member=_record_digest("programme", programme),
        )

    def _programme(self, programme: ApprenticeshipProgramme, period: str) -> None:
        self._programme_figures(programme, period)

    def _apprentice(self, enrolment: ApprenticeEnrolment, period: str) -> None:
        add = self._tally.add
        self._programme_figures(enrolment.programme, period)
        occupation: Breakdown = (("occupation", enrolment.programme.occupation.code),)
        add("apprenticeship", period, "apprentices", ((), occupation))
        add(
            "apprenticeship",
            period,
            "apprentice_people",
            member=_person(enrolment.person.id),
        )

    # -- institutions, carriers, rewards

    def _filing(self, filing: PrivateInstitutionFiling, period: str) -> None:
        self._tally.add(
            "institutions",
            period,
            "filings",
            ((), (("filing_status", filing.status.value),)),
        )

    def _carrier_figures(self, carrier: LifelongTrainingCarrier, period: str) -> None:
        kind: Breakdown = (("carrier_type", carrier.carrier_type.value),)
        self._tally.add(
            "carriers",
            period,
            "carriers",
            ((), kind),
            member=_record_digest("carrier", carrier),
        )

    def _carrier(self, carrier: LifelongTrainingCarrier, period: str) -> None:
        self._carrier_figures(carrier, period)

    def _award_application(
        self, application: CarrierAwardApplication, period: str
    ) -> None:
        self._carrier_figures(application.carrier, period)
        self._tally.add(
            "carriers",
            period,
            "award_applications",
            ((), (("category", application.category.value),)),
        )

    def _reward_claim(self, claim: TalentRewardClaim, period: str) -> None:
        add = self._tally.add
        kind: tuple[Breakdown, ...] = ((), (("reward_kind", claim.kind.value),))
        add("rewards", period, "reward_claims", kind)
        if claim.amount_claimed is not None:
            add(
                "rewards",
                period,
                "reward_amount_claimed",
                kind,
                amount=claim.amount_claimed,
            )
        add("rewards", period, "reward_people", member=_person(claim.person))

    # -- experts and chains

    def _expert(self, expert: GuidanceExpert, period: str) -> None:
        self._tally.add("experts", period, "experts", member=_person(expert.person))

    def _nomination(self, nomination: ExpertNomination, period: str) -> None:
        add = self._tally.add
        person = _person(nomination.expert.person)
        add("experts", period, "nominations")
        add("experts", period, "experts", member=person)
        if nomination.recommended is True:
            add("experts", period, "experts_recommended", member=person)

    def _round(self, recommendation_round: RecommendationRound, period: str) -> None:
        for nomination in recommendation_round.nominations:
            self._nomination(nomination, period)

    def _leader_application(
        self, application: ChainLeaderApplication, period: str
    ) -> None:
        self._tally.add(
            "chains",
            period,
            "leader_applicants",
            member=_enterprise(application.enterprise.credit_code),
        )

    def _designation(self, designation: ChainLeaderDesignation, period: str) -> None:
        self._tally.add(
            "chains",
            period,
            "chain_leaders",
            ((), (("chain_status", designation.status.value),)),
            member=_enterprise(designation.enterprise),
        )

    def _chain(self, chain: SkillChain, period: str) -> None:
        self._tally.add(
            "chains",
            period,
            "chains",
            ((), (("chain_status", chain.status.value),)),
            member=_record_digest("chain", chain),
        )

    # -- competitions, applications

    def _competition(self, competition: Competition, period: str) -> None:
        self._tally.add(
            "competitions",
            period,
            "competitions",
            ((), (("tier", competition.tier.value),)),
            member=_record_digest("competition", competition),
        )

    def _entry(self, entry: CompetitionEntry, period: str) -> None:
        self._competition(entry.competition, period)
        self._tally.add("competitions", period, "competition_entries")

    def _result(self, result: CompetitionResult, period: str) -> None:
        self._competition(result.competition, period)
        if result.award is not None:
            self._tally.add(
                "competitions",
                period,
                "competition_awards",
                ((), (("award", result.award.value),)),
            )

    def _application(self, programme: str) -> Callable[[Any, str], None]:
        def count(_: object, period: str) -> None:
            self._tally.add(programme, period, "applications")

        return count


# ---------------------------------------------------------------- JSON Lines

_LINE_LIMIT: Final = 1 << 20
"""A line longer than this many bytes is refused."""

_SHAPES: Final = (
    '{"type": "<record type>", "data": {…}}, {"decision": {…}} or {"note": "…"}'
)


def _line_item(text: str) -> tuple[object | None, list[InputProblem]]:
    """The item a line holds (``None`` for a note), or the problems with it."""
    from skillchain.serialization import structure

    def problem(path: str, message: str) -> tuple[None, list[InputProblem]]:
        return None, [InputProblem(path=path, message=message)]

    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as error:
        return problem("", f"not JSON ({shorten(str(error), 120)})")
    if not isinstance(data, dict):
        return problem("", f"expected an object: {_SHAPES}")
    keys = set(data)
    if keys == {"note"}:
        if not isinstance(data["note"], str):
            return problem("note", "expected a string")
        return None, []
    if keys == {"decision"}:
        cls: type = Decision
        body, path = data["decision"], "decision"
    elif keys == {"type", "data"}:
        name = data["type"]
        if not isinstance(name, str):
            return problem("type", "expected a string")
        found = Decision if name == "Decision" else RECORD_TYPES.get(name)
        if found is None:
            from skillchain._errors import closest

            close = closest(name[:100], [*RECORD_TYPES, "Decision"])
            hint = f"; closest: {', '.join(close)}" if close else ""
            return problem(
                "type", f"{shorten(name)!r} is not a counted record type{hint}"
            )
        cls, body, path = found, data["data"], "data"
    else:
        return problem("", f"unexpected keys {sorted(keys)!r}: expected {_SHAPES}")
    try:
        return structure(body, cls), []
    except InputError as error:
        return None, [
            InputProblem(path=f"{path}.{p.path}" if p.path else path, message=p.message)
            for p in error.problems
        ]


def read_records(
    path: str | Path,
    *,
    on_bad_line: Callable[[PopulationError], object] | None = None,
) -> Iterator[object]:
    """Read records and decisions from a JSON Lines file, lazily, one at a time.

    Each line is one object:

    ``{"type": "CourseEnrolment", "data": {…}}``
        A record: ``type`` is a name of :data:`RECORD_TYPES` (or ``"Decision"``)
        and ``data`` the record as :func:`skillchain.serialization.structure`
        reads it (amounts and hours as strings, days as ``YYYY-MM-DD``).
    ``{"decision": {…}}``
        A decision, as :func:`skillchain.serialization.unstructure` writes it.
    ``{"note": "…"}``
        A note for readers (e.g. that the file is illustrative), skipped.

    Blank lines are skipped; a byte-order mark is ignored.  A bad line (not JSON,
    another shape, an unknown type, a malformed record, longer than 1 MiB) is
    reported with its line number and every problem, identity numbers masked, and
    reading goes on.

    Args:
        path: The file.
        on_bad_line: Called with the :class:`~skillchain.errors.PopulationError` of
            each bad line, which is skipped.  Without it, the first bad line's
            error is raised.

    Raises:
        PopulationError: The file cannot be read (raised here), or a line is bad
            and there is no *on_bad_line* (raised while iterating).

    Example:
        >>> import tempfile
        >>> from pathlib import Path
        >>> from skillchain.statistics import read_records
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     file = Path(folder, "figures.jsonl")
        ...     _ = file.write_text(
        ...         '{"note": "illustrative"}\\n'
        ...         '{"type": "PublicTrainingCourse", "data": {"title": "电工", '
        ...         '"delivery": "online", "hours": "30", "year": 2023, '
        ...         '"organiser_name": "福田区人力资源局"}}\\n'
        ...         '{"type": "Course", "data": {}}\\n', encoding="utf-8")
        ...     bad = []
        ...     items = list(read_records(file, on_bad_line=bad.append))
        >>> [type(item).__name__ for item in items]
        ['PublicTrainingCourse']
        >>> print(bad[0])  # doctest: +ELLIPSIS
        /.../figures.jsonl, line 3: type: 'Course' is not a counted record type; closest: ...
    """
    file = str(path)
    target = Path(path)
    try:
        found = target.is_file()
    except (OSError, ValueError):
        found = False
    if not found:
        raise PopulationError(
            file, None, [InputProblem(path="", message="no such file")]
        )
    return _lines(target, file, on_bad_line)


def _lines(
    target: Path, file: str, on_bad_line: Callable[[PopulationError], object] | None
) -> Iterator[object]:
    def bad(line: int, problems: list[InputProblem]) -> None:
        error = PopulationError(file, line, problems)
        if on_bad_line is None:
            raise error
        on_bad_line(error)

    try:
        stream = target.open("rb")
    except OSError as error:
        problem = InputProblem(path="", message=f"cannot be read ({error.strerror})")
        raise PopulationError(file, None, [problem]) from None
    with stream:
        number = 0
        while True:
            raw = stream.readline(_LINE_LIMIT + 1)
            if not raw:
                return
            number += 1
            if len(raw) > _LINE_LIMIT and not raw.endswith(b"\n"):
                rest = raw
                while rest and not rest.endswith(b"\n"):
                    rest = stream.readline(_LINE_LIMIT)
                bad(number, [InputProblem(path="", message="line longer than 1 MiB")])
                continue
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                text = raw.decode("utf-8").strip()
            except UnicodeDecodeError:
                bad(number, [InputProblem(path="", message="not UTF-8 text")])
                continue
            if not text:
                continue
            item, problems = _line_item(text)
            if problems:
                bad(number, problems)
            elif item is not None:
                yield item


# ---------------------------------------------------------------- charts and Dask


def chart_series(
    report: Report, lang: Lang = "zh"
) -> dict[str, dict[str, int | Decimal]]:
    """The headline counts of *report* over every period, as a chart's series.

    One group (every period together) whose labels are ``programme · measure``:
    each programme's headline counts of records, and each rule's cases.  Amounts
    are left out (another unit).

    Example:
        >>> from skillchain.statistics import Report, chart_series
        >>> chart_series(Report(figures=()), "en")
        {'all periods': {}}
    """
    group: dict[str, int | Decimal] = {}
    for f in report.figures:
        if f.period is not None or not MEASURES[f.measure].whole:
            continue
        headline = not f.breakdown or (
            f.basis is not Basis.RECORDS
            and len(f.breakdown) == 1
            and f.breakdown[0][0] == "rule"
        )
        if not headline:
            continue
        name = redact(f"{programme_label(f.programme, lang)} · {f.label(lang)}")
        group[name] = f.value
    return {"全部期间" if lang == "zh" else "all periods": group}


def report_chart(report: Report, path: str | Path, *, lang: Lang = "zh") -> Path:
    """Draw *report*'s headline counts (:func:`chart_series`) as a bar chart.

    PNG or SVG by the suffix of *path*, with :func:`skillchain.charts.bar_chart`.

    Raises:
        ImportError: The ``charts`` extra is not installed (the message says what
            to install: :data:`CHARTS_INSTALL`).
    """
    import importlib

    try:
        charts = importlib.import_module("skillchain.charts")
    except ImportError as error:
        msg = f"drawing a chart needs the charts extra: {CHARTS_INSTALL}"
        raise ImportError(msg, name="skillchain.charts") from error
    title = "项目统计" if lang == "zh" else "Programme figures"
    drawn = charts.bar_chart(title, chart_series(report, lang), Path(path), lang=lang)
    return Path(drawn) if drawn is not None else Path(path)


def _partition_report(items: Iterable[object], period: PeriodFunction) -> list[Report]:
    """The report of one partition of a Dask bag (run in a worker)."""
    return [Statistics(period=period).update(items).report()]


def report_of_bag(bag: Any, *, period: PeriodFunction = by_year) -> Report:
    """The report of a Dask bag of items, counted on its workers and merged.

    Each partition is counted where it lies and the partitions' reports are
    merged exactly (:meth:`Report.merge`): the report is the one
    :class:`Statistics` gives for the same items in one process.  Needs the
    ``dask`` extra (the bag is Dask's); *period* must be picklable.

    Example:
        Count a file's records on a cluster::

            import dask.bag
            from skillchain.statistics import read_records, report_of_bag

            bag = dask.bag.from_sequence(read_records("figures.jsonl"), npartitions=8)
            print(report_of_bag(bag).table())
    """
    reports = bag.map_partitions(_partition_report, period).compute()
    return Report.merge(*reports)
