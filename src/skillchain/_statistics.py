"""The parts of :mod:`skillchain.statistics` that hold no public type.

The measures a report can hold (their labels, their kind and whether decisions or
records give them), the tally that adds figures up exactly, the digests that stand
for identity numbers and credit codes, and the labels of breakdown values.
"""

import decimal
import enum
import hashlib

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Final

import attrs

from skillchain._decision import Outcome
from skillchain._redact import shorten
from skillchain._sources import Lang, Provenance
from skillchain.model import (
    CarrierAwardCategory,
    CarrierType,
    ChainStatus,
    CompetitionAward,
    CompetitionTier,
    FilingStatus,
    TalentRewardKind,
    ThreeProject,
)


__all__ = [
    "ALL_PERIODS",
    "EXACT",
    "MEASURES",
    "NO_PROVENANCE",
    "UNASSIGNED",
    "UNDATED",
    "Breakdown",
    "Key",
    "Measure",
    "MeasureKind",
    "Tally",
    "digest",
    "dimension_label",
    "period_label",
    "programme_label",
    "provenance_of",
    "rank_of",
]

Breakdown = tuple[tuple[str, str], ...]
"""A figure's breakdown: ``(dimension, value)`` pairs, empty for the headline figure."""

Key = tuple[str, str | None, str, Breakdown]
"""What one figure counts: programme, period (``None``: every period), measure and
breakdown."""

ALL_PERIODS: Final = None
"""The period of a figure that covers every period of the report."""

UNDATED: Final = "undated"
"""The period of an item that carries no day or year."""

UNASSIGNED: Final = "unassigned"
"""The project of a course under none of the three projects, as far as is known."""

EXACT: Final = decimal.Context(
    prec=decimal.MAX_PREC, traps=[decimal.Inexact, decimal.InvalidOperation]
)
"""Adds money and hours exactly: a sum that would need rounding raises instead."""

NO_PROVENANCE: Final = 3
"""The rank of a decision that used no figure in force: weaker than ``unverified``."""

_KEY: Final = b"skillchain.statistics"


def digest(kind: str, code: str) -> bytes:
    """A 16-byte digest standing for *code* (an identity number, a credit code, …).

    The figures count distinct people and enterprises by these digests, so no
    identity number is kept in a report; the digests are never shown.
    """
    return hashlib.blake2b(f"{kind}:{code}".encode(), digest_size=16, key=_KEY).digest()


class MeasureKind(enum.Enum):
    """How a measure adds up."""

    COUNT = "count"
    """How many items: parts add."""
    SUM = "sum"
    """The exact sum of an amount: parts add."""
    DISTINCT = "distinct"
    """How many distinct members (people, enterprises, …): parts unite."""
    DISTINCT_SUM = "distinct_sum"
    """The sum of one amount per distinct member (a course's hours): parts unite."""


@attrs.frozen
class Measure:
    """One kind of figure: its id, labels, how it adds up and what gives it."""

    id: str
    zh: str
    en: str
    kind: MeasureKind
    source: str = "records"
    """What gives the figure: ``"records"``, ``"decisions"`` or ``"simulation"``."""

    @property
    def whole(self) -> bool:
        """Whether the figure is a whole number (a count)."""
        return self.kind in {MeasureKind.COUNT, MeasureKind.DISTINCT}

    def label(self, lang: Lang) -> str:
        """The measure's label in *lang*."""
        return self.zh if lang == "zh" else self.en


_C, _S, _D, _DS = (
    MeasureKind.COUNT,
    MeasureKind.SUM,
    MeasureKind.DISTINCT,
    MeasureKind.DISTINCT_SUM,
)

MEASURES: Final[Mapping[str, Measure]] = {
    m.id: m
    for m in (
        # -- from decisions, for every programme
        Measure("cases", "个案数", "cases decided", _C, "decisions"),
        Measure(
            "amount_paid",
            "核定支付金额（元）",
            "amount payable (yuan)",
            _S,
            "decisions",
        ),
        Measure(
            "amount_owed",
            "应退回金额（元）",
            "amount to be refunded (yuan)",
            _S,
            "decisions",
        ),
        # -- public training
        Measure("courses", "培训课程（门）", "courses", _D),
        Measure("course_hours", "课时（节）", "lesson hours", _DS),
        Measure("occupations", "培训工种（个）", "occupations trained", _D),
        Measure("person_times", "培训人次", "person-times trained", _C),
        Measure("trainees", "参训人数", "people trained", _D),
        Measure("completions", "结业人次", "completions", _C),
        # -- apprenticeship
        Measure("apprentices", "学徒（人次）", "apprentices enrolled", _C),
        Measure("apprentice_people", "学徒人数", "apprentices (people)", _D),
        Measure("enterprises", "企业数", "enterprises", _D),
        Measure("programmes", "培养计划数", "programmes", _D),
        # -- private institutions
        Measure("filings", "备案申请", "filing applications", _C),
        # -- carriers
        Measure("carriers", "培训载体", "training carriers", _D),
        Measure("award_applications", "奖补申报", "award applications", _C),
        # -- rewards
        Measure("reward_claims", "奖励申请", "reward claims", _C),
        Measure(
            "reward_amount_claimed",
            "申请奖励金额（元）",
            "reward amount claimed (yuan)",
            _S,
        ),
        Measure("reward_people", "申请人数", "claimants", _D),
        # -- guidance experts
        Measure("nominations", "专家推荐申报", "expert nominations", _C),
        Measure("experts", "专家人数", "experts", _D),
        Measure("experts_recommended", "推荐专家人数", "experts recommended", _D),
        # -- chains
        Measure("leader_applicants", "申报链主企业", "chain-leader applicants", _D),
        Measure("chain_leaders", "链主企业", "chain leaders", _D),
        Measure("chains", "技能生态链", "skill chains", _D),
        # -- competitions
        Measure("competitions", "竞赛项目", "competitions", _D),
        Measure("competition_entries", "参赛报名", "competition entries", _C),
        Measure("competition_awards", "获奖人次", "awards won", _C),
        # -- craftsman, levels
        Measure("applications", "申报", "applications", _C),
        # -- simulation summaries
        Measure("simulated_cases", "模拟个案数", "cases simulated", _C, "simulation"),
        Measure(
            "simulated_total",
            "模拟补贴总额（元）",
            "total simulated amount (yuan)",
            _S,
            "simulation",
        ),
    )
}
"""Every measure, in the order a report lists them."""

_ORDER: Final = {name: index for index, name in enumerate(MEASURES)}
_DIMENSIONS: Final = {
    name: index
    for index, name in enumerate(
        ("rule", "policy", "outcome", "project", "occupation", "filing_status")
    )
}
"""The order of breakdown dimensions (others after them, by name)."""


def rank_of(provenance: Provenance | None) -> int:
    """0 official, 1 secondary, 2 unverified, 3 none (no figure in force used)."""
    return NO_PROVENANCE if provenance is None else provenance.rank


def provenance_of(rank: int) -> Provenance | None:
    """The provenance of *rank* (``None`` for :data:`NO_PROVENANCE`)."""
    for provenance in Provenance:
        if provenance.rank == rank:
            return provenance
    return None


class Tally:
    """The figures under way: counts, exact sums, distinct members, fingerprints.

    Each figure is kept twice, for its period and for every period together, so a
    report has its totals without a second pass.  Memory grows with the number of
    figures (programmes × periods × breakdown values), and with the distinct
    members (digests of people, enterprises, courses) only.
    """

    __slots__ = ("counts", "distinct", "prints", "ranks", "sums")

    def __init__(self) -> None:
        self.counts: dict[Key, int] = {}
        self.sums: dict[Key, Decimal] = {}
        self.distinct: dict[Key, dict[bytes, Decimal]] = {}
        self.prints: dict[Key, set[str]] = {}
        self.ranks: dict[Key, int] = {}

    def add(
        self,
        programme: str,
        period: str,
        measure: str,
        breakdowns: Iterable[Breakdown] = ((),),
        *,
        count: int = 1,
        amount: Decimal | None = None,
        member: bytes | None = None,
        weight: Decimal = Decimal(0),
        basis: tuple[str, int] | None = None,
    ) -> None:
        """Add one item to *measure*'s figures for each of *breakdowns*.

        *count* for a count, *amount* for a sum, *member* (and its *weight*) for a
        distinct measure; *basis* is a decision's fingerprint and provenance rank.
        """
        kind = MEASURES[measure].kind
        for breakdown in breakdowns:
            for when in (period, ALL_PERIODS):
                key = (programme, when, measure, breakdown)
                if kind is MeasureKind.COUNT:
                    self.counts[key] = self.counts.get(key, 0) + count
                elif kind is MeasureKind.SUM:
                    self.sums[key] = EXACT.add(
                        self.sums.get(key, Decimal(0)),
                        amount if amount is not None else Decimal(0),
                    )
                elif member is not None:
                    self.distinct.setdefault(key, {})[member] = weight
                if basis is not None:
                    fingerprint, rank = basis
                    self.prints.setdefault(key, set()).add(fingerprint)
                    self.ranks[key] = max(self.ranks.get(key, -1), rank)

    def merge(self, other: "Tally") -> None:
        """Add *other*'s figures to these (exact, in any order)."""
        for key, count in other.counts.items():
            self.counts[key] = self.counts.get(key, 0) + count
        for key, amount in other.sums.items():
            self.sums[key] = EXACT.add(self.sums.get(key, Decimal(0)), amount)
        for key, members in other.distinct.items():
            self.distinct.setdefault(key, {}).update(members)
        for key, prints in other.prints.items():
            self.prints.setdefault(key, set()).update(prints)
        for key, rank in other.ranks.items():
            self.ranks[key] = max(self.ranks.get(key, -1), rank)

    def ordered(self) -> list[Key]:
        """Every figure's key, in the order a report lists them."""
        found = {*self.counts, *self.sums, *self.distinct}
        return sorted(found, key=sort_key)

    def value(self, key: Key) -> int | Decimal:
        """The value of the figure *key*."""
        kind = MEASURES[key[2]].kind
        if kind is MeasureKind.COUNT:
            return self.counts[key]
        if kind is MeasureKind.SUM:
            return self.sums[key]
        members = self.distinct[key]
        if kind is MeasureKind.DISTINCT:
            return len(members)
        total = Decimal(0)
        for weight in members.values():
            total = EXACT.add(total, weight)
        return total


def _programme_order() -> dict[str, int]:
    from skillchain.policy import programmes

    order = {p.key: index for index, p in enumerate(programmes())}
    order.setdefault("public_training", len(order))
    return order


def sort_key(key: Key) -> tuple[object, ...]:
    """The order of figures: programme, measure, breakdown (the headline first, each
    value followed by its finer breakdowns), then period (the total last)."""
    programme, period, measure, breakdown = key
    order = _programme_order()
    return (
        order.get(programme, len(order)),
        programme,
        _ORDER.get(measure, len(_ORDER)),
        measure,
        tuple(
            (_DIMENSIONS.get(dim, len(_DIMENSIONS)), dim, value)
            for dim, value in breakdown
        ),
        period_sort_key(period),
    )


def period_sort_key(period: str | None) -> tuple[int, str]:
    """Periods in order of their labels; undated after them, every period last."""
    if period is None:
        return (2, "")
    if period == UNDATED:
        return (1, "")
    return (0, period)


_FALLBACK_TITLES: Final = {
    "public_training": ("公益性职业技能培训", "Public-benefit vocational training"),
}


def programme_label(key: str, lang: Lang) -> str:
    """The programme's title in *lang* (its key if it is not registered)."""
    from skillchain.policy import programmes

    for programme in programmes():
        if programme.key == key:
            return programme.title_zh if lang == "zh" else programme.title_en
    titles = _FALLBACK_TITLES.get(key)
    if titles is not None:
        return titles[0] if lang == "zh" else titles[1]
    return shorten(key)


def period_label(period: str | None, lang: Lang) -> str:
    """A period as a report shows it."""
    if period is None:
        return "合计" if lang == "zh" else "all"
    if period == UNDATED:
        return "未注明年份" if lang == "zh" else "undated"
    return shorten(period, 40)


_ENUMS: Final[Mapping[str, type[enum.Enum]]] = {
    "outcome": Outcome,
    "filing_status": FilingStatus,
    "chain_status": ChainStatus,
    "carrier_type": CarrierType,
    "category": CarrierAwardCategory,
    "reward_kind": TalentRewardKind,
    "tier": CompetitionTier,
    "award": CompetitionAward,
}

_POLICIES: Final = {
    "baseline": ("基线政策", "baseline"),
    "reform": ("改革政策", "reform"),
}


def _occupation_label(value: str, lang: Lang) -> str:
    from skillchain._codes import OccupationCode
    from skillchain.catalog import occupations
    from skillchain.errors import SkillchainError

    try:
        entry = occupations().get(OccupationCode(value))
    except (SkillchainError, ValueError):
        entry = None
    if entry is None:
        return shorten(value, 40)
    return entry.zh if lang == "zh" else entry.en


def _project_label(value: str, lang: Lang) -> str:
    if value == UNASSIGNED:
        return "未归入三项工程" if lang == "zh" else "outside the three projects"
    try:
        return ThreeProject(value).label(lang)
    except ValueError:
        return shorten(value, 40)


_LABELLERS: Final[Mapping[str, Callable[[str, Lang], str]]] = {
    "occupation": _occupation_label,
    "project": _project_label,
}


def dimension_label(dimension: str, value: str, lang: Lang) -> str:
    """A breakdown value as a report shows it (masked: values may come from input)."""
    labeller = _LABELLERS.get(dimension)
    if labeller is not None:
        return labeller(value, lang)
    if dimension == "policy" and value in _POLICIES:
        zh, en = _POLICIES[value]
        return zh if lang == "zh" else en
    cls = _ENUMS.get(dimension)
    if cls is not None:
        try:
            member = cls(value)
        except ValueError:
            return shorten(value, 40)
        label = getattr(member, "label", None)
        if callable(label):
            return str(label(lang))
    return shorten(value, 60)
