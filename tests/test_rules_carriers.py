"""Lifelong training carriers: recognition and the 2023 award round.

Hand-worked from the sources: 深人社规〔2022〕13号 (2022-11-28) names enterprises,
universities, 职业院校 and private training institutions as hosts; an industry
association is an inference from the 2023 round (unverified); whether the list is
exhaustive is not known, so any other host is undetermined until the district says
what else it accepts.  The 2023 round (南方+ 2023-12-14 and a copy of the notice):
200 000 yuan per "best ten" winner; 50 % of a 提质扩容 project's investment, capped at
1 000 000; recognised before 2022-12-01; a base run by a college or training
institution trains at least 1 000 a year, by an enterprise or association at least
200; a studio teaches more than 5 apprentices; 10 winners per item.
"""

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from skillchain import (
    CreditCode,
    Decision,
    Finding,
    Outcome,
    Policy,
    Provenance,
    SkillLevel,
)
from skillchain.errors import InvalidValueError
from skillchain.model import (
    CarrierAwardApplication,
    CarrierAwardCategory,
    CarrierHostKind,
    CarrierType,
    LifelongTrainingCarrier,
    PartnerRegion,
)
from skillchain.rules import (
    CARRIER_AWARD_RULE,
    Allocation,
    CarrierAwardAllocation,
    allocate_carrier_awards,
    carrier_award,
    carrier_recognition,
)
from skillchain.testing import strategies as sk


ROUND_DAY = date(2023, 11, 1)


def _base(
    host_kind: CarrierHostKind | None = CarrierHostKind.ENTERPRISE,
    recognised_on: date | None = date(2021, 6, 1),
    name: str = "某培训基地",
    host: str = "91350100M000100Y43",
) -> LifelongTrainingCarrier:
    return LifelongTrainingCarrier(
        carrier_type=CarrierType.HIGH_SKILL_TRAINING_BASE,
        name=name,
        host=CreditCode(host),
        host_name="某公司",
        host_kind=host_kind,
        recognised_on=recognised_on,
    )


def _capacity(
    investment: str | None = "1600000",
    trainees: int | None = 250,
    score: str | None = "80",
    year: int = 2023,
    carrier: LifelongTrainingCarrier | None = None,
) -> CarrierAwardApplication:
    return CarrierAwardApplication(
        carrier=carrier if carrier is not None else _base(),
        category=CarrierAwardCategory.QUALITY_CAPACITY,
        year=year,
        total_investment=None if investment is None else Decimal(investment),
        annual_trainees=trainees,
        review_score=None if score is None else Decimal(score),
    )


CRITERIA = Policy.default().overlay(
    Policy.from_files(
        Path(__file__).parent.parent
        / "examples"
        / "overlays"
        / "carrier-criteria-illustrative.toml"
    )
)
"""The bundled policy with illustrative recognition thresholds (base 500 a year,
studio leader 高级技师, workstation 100 a year)."""


def _finding(decision: Decision, check: str) -> Finding:
    (found,) = [f for f in decision.findings if f.check == check]
    return found


# --- recognition ------------------------------------------------------------------


def test_recognition_is_undetermined_until_the_district_supplies_the_criterion() -> (
    None
):
    # 深人社规〔2022〕13号's criteria were not found: the threshold has no value.
    decision = carrier_recognition(_base(), annual_trainees=800, on=date(2024, 3, 1))
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("carriers.base_min_annual_trainees",)
    assert [f.check for f in decision.findings if f.held] == [
        "carriers.recognition.type",
        "carriers.recognition.host",
    ]


def test_recognition_before_the_measure_has_no_carrier_types() -> None:
    decision = carrier_recognition(_base(), annual_trainees=800, on=date(2022, 11, 27))
    assert "carriers.carrier_types" in decision.missing
    day_of = carrier_recognition(_base(), annual_trainees=800, on=date(2022, 11, 28))
    assert "carriers.carrier_types" not in day_of.missing


@pytest.mark.parametrize(
    "host_kind",
    [
        CarrierHostKind.ENTERPRISE,
        CarrierHostKind.UNIVERSITY,
        CarrierHostKind.VOCATIONAL_COLLEGE,
        CarrierHostKind.PRIVATE_TRAINING_INSTITUTION,
    ],
)
def test_the_four_hosts_the_measure_names_are_accepted(
    host_kind: CarrierHostKind,
) -> None:
    decision = carrier_recognition(
        _base(host_kind=host_kind), annual_trainees=800, on=date(2024, 3, 1)
    )
    host = _finding(decision, "carriers.recognition.host")
    assert host.held is True
    # The condition's sources (the measure, the earlier scheme), then the list
    # holding the host (carriers.host_kinds, the measure itself: cited once).
    assert [c.document.id for c in host.citations] == ["sz-2022-13", "sz-2016-15"]


@pytest.mark.parametrize(
    "host_kind", [CarrierHostKind.PUBLIC_TRAINING_BASE, CarrierHostKind.OTHER]
)
def test_a_host_outside_the_list_is_undetermined_not_refused(
    host_kind: CarrierHostKind,
) -> None:
    """Whether the measure's list is exhaustive is not known (the earlier scheme also
    admitted public training bases): undetermined, naming the district's list."""
    decision = carrier_recognition(
        _base(host_kind=host_kind), annual_trainees=800, on=date(2024, 3, 1)
    )
    assert decision.failed == ()
    host = _finding(decision, "carriers.recognition.host")
    assert host.held is None
    assert host.missing == ("carriers.other_host_kinds",)
    # Undecided on all three lists: the measure's, the inference's (the 2023
    # round), and the district's (no value, so no document).
    assert [c.document.id for c in host.citations] == [
        "sz-2022-13",
        "sz-2016-15",
        "sz-2023-carrier-award-round",
    ]


def test_an_industry_association_is_an_unverified_inference() -> None:
    decision = carrier_recognition(
        _base(host_kind=CarrierHostKind.INDUSTRY_ASSOCIATION),
        annual_trainees=800,
        on=date(2024, 3, 1),
        policy=CRITERIA,
    )
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.provenance is Provenance.UNVERIFIED
    host = _finding(decision, "carriers.recognition.host")
    assert [c.document.id for c in host.citations] == [
        "sz-2022-13",
        "sz-2016-15",
        "sz-2023-carrier-award-round",
    ]
    enterprise = carrier_recognition(
        _base(), annual_trainees=800, on=date(2024, 3, 1), policy=CRITERIA
    )
    # An enterprise host rests on the measure's own list, not on the inference:
    # only the illustrative threshold's document makes its decision unverified.
    assert "sz-2023-carrier-award-round" not in {
        c.document.id
        for c in _finding(enterprise, "carriers.recognition.host").citations
    }
    bundled = carrier_recognition(_base(), annual_trainees=800, on=date(2024, 3, 1))
    assert bundled.provenance is Provenance.SECONDARY


def test_once_the_district_supplies_its_list_other_hosts_are_decided() -> None:
    """The district accepts public training bases: they hold; any other kind fails."""
    district = CRITERIA.overlay(
        Policy.loads(
            """
[documents.demo-hosts]
title = "示例：区认可的其他依托单位"
issuers = ["示例"]
level = "district"
provenance = "official"

[parameters."carriers.other_host_kinds"]
description_zh = "其他依托单位"
description_en = "Other hosts"
unit = "set"

[[parameters."carriers.other_host_kinds".values]]
since = 2022-11-28
value = ["public_training_base"]
document = "demo-hosts"
""",
            name="demo-hosts.toml",
        )
    )
    public = carrier_recognition(
        _base(host_kind=CarrierHostKind.PUBLIC_TRAINING_BASE),
        annual_trainees=800,
        on=date(2024, 3, 1),
        policy=district,
    )
    assert public.outcome is Outcome.ELIGIBLE
    other = carrier_recognition(
        _base(host_kind=CarrierHostKind.OTHER),
        annual_trainees=800,
        on=date(2024, 3, 1),
        policy=district,
    )
    assert other.outcome is Outcome.INELIGIBLE
    assert [f.check for f in other.failed] == ["carriers.recognition.host"]


def test_unknown_host_names_the_fact_and_the_lists_not_in_force() -> None:
    decision = carrier_recognition(
        _base(host_kind=None), annual_trainees=800, on=date(2024, 3, 1)
    )
    assert _finding(decision, "carriers.recognition.host").missing == (
        "carrier.host_kind",
        "carriers.other_host_kinds",
    )


def test_rural_workstation_partner_region_is_advice_only() -> None:
    """A site in a partner region is the practice, not a criterion found: advisory."""
    station = LifelongTrainingCarrier(
        carrier_type=CarrierType.RURAL_WORKSTATION,
        name="某乡村振兴技能工作站",
        host=CreditCode("91350100M000100Y43"),
        host_name="深圳报业电子商务有限公司",
        host_kind=CarrierHostKind.ENTERPRISE,
    )
    bare = carrier_recognition(
        station, annual_trainees=300, on=date(2024, 3, 1), policy=CRITERIA
    )
    assert bare.outcome is Outcome.ELIGIBLE  # 300 >= the illustrative 100
    assert bare.priority_met is False
    assert [f.check for f in bare.advisories] == [
        "carriers.recognition.partner_regions"
    ]
    sited = carrier_recognition(
        attrs_evolve(station, partner_regions=(PartnerRegion(name="潮州市湘桥区"),)),
        annual_trainees=300,
        on=date(2024, 3, 1),
    )
    assert sited.priority_met is True
    assert sited.missing == ("carriers.workstation_min_annual_trainees",)


def attrs_evolve(
    carrier: LifelongTrainingCarrier, **changes: Any
) -> LifelongTrainingCarrier:
    import attrs

    return attrs.evolve(carrier, **changes)


def test_studio_leader_level_is_asked_for() -> None:
    studio = LifelongTrainingCarrier(
        carrier_type=CarrierType.MASTER_STUDIO,
        name="某技能大师工作室",
        host=CreditCode("91350100M000100Y43"),
        host_name="某公司",
        host_kind=CarrierHostKind.ENTERPRISE,
    )
    decision = carrier_recognition(studio, on=date(2024, 3, 1))
    assert decision.missing == ("leader_level", "carriers.studio_leader_min_level")
    with_level = carrier_recognition(
        studio, leader_level=SkillLevel.TECHNICIAN, on=date(2024, 3, 1)
    )
    assert with_level.missing == ("carriers.studio_leader_min_level",)


# --- award amounts ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("investment", "expected"),
    [
        ("1600000", Decimal("800000.00")),  # 1 600 000 x 0.50 = 800 000 < cap
        ("2000000", Decimal("1000000.00")),  # exactly at the cap
        ("2000000.02", Decimal("1000000.00")),  # just above: capped
        ("1999999.99", Decimal("999999.995").quantize(Decimal("0.01"))),
    ],
)
def test_capacity_amount_is_half_the_investment_capped(
    investment: str, expected: Decimal
) -> None:
    decision = carrier_award(_capacity(investment), on=ROUND_DAY)
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.amount == expected


def test_best_ten_pays_200000() -> None:
    studio = LifelongTrainingCarrier(
        carrier_type=CarrierType.MASTER_STUDIO,
        name="某技能大师工作室",
        host=CreditCode("91350100M000100Y43"),
        host_name="某公司",
        recognised_on=date(2022, 11, 30),  # last day before the 2022-12-01 cut-off
    )
    application = CarrierAwardApplication(
        carrier=studio,
        category=CarrierAwardCategory.INNOVATIVE_COURSE,
        year=2023,
        apprentices_taught=6,  # more than 5
        review_score=Decimal(70),
    )
    decision = carrier_award(application, on=ROUND_DAY)
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.amount == Decimal("200000.00")
    late = attrs_evolve(studio, recognised_on=date(2022, 12, 1))
    refused = carrier_award(
        CarrierAwardApplication(
            carrier=late,
            category=CarrierAwardCategory.INNOVATIVE_COURSE,
            year=2023,
            apprentices_taught=6,
            review_score=Decimal(70),
        ),
        on=ROUND_DAY,
    )
    assert refused.outcome is Outcome.INELIGIBLE
    assert [f.check for f in refused.failed] == ["carriers.award.recognised"]


@pytest.mark.parametrize(
    ("host_kind", "trainees", "outcome"),
    [
        (CarrierHostKind.ENTERPRISE, 200, Outcome.ELIGIBLE),
        (CarrierHostKind.ENTERPRISE, 199, Outcome.INELIGIBLE),
        (CarrierHostKind.INDUSTRY_ASSOCIATION, 200, Outcome.ELIGIBLE),
        (CarrierHostKind.VOCATIONAL_COLLEGE, 1000, Outcome.ELIGIBLE),
        (CarrierHostKind.VOCATIONAL_COLLEGE, 999, Outcome.INELIGIBLE),
        (CarrierHostKind.OTHER, 5000, Outcome.UNDETERMINED),
        (None, 5000, Outcome.UNDETERMINED),
    ],
)
def test_base_volume_by_host(
    host_kind: CarrierHostKind | None, trainees: int, outcome: Outcome
) -> None:
    application = _capacity(trainees=trainees, carrier=_base(host_kind=host_kind))
    assert carrier_award(application, on=ROUND_DAY).outcome is outcome


def test_master_studio_cannot_apply_for_capacity_and_stations_not_in_2023() -> None:
    studio = attrs_evolve(_base(), carrier_type=CarrierType.MASTER_STUDIO)
    decision = carrier_award(_capacity(carrier=studio), on=ROUND_DAY)
    assert "carriers.award.item" in [f.check for f in decision.failed]


@pytest.mark.parametrize("year", [2022, 2024, 2025])
def test_other_rounds_are_undetermined_not_the_2023_figures(year: int) -> None:
    """The 2023 figures are the 2023 round's: 2022 and later rounds (2025's report
    states no amounts) are undetermined, naming every figure they lack."""
    decision = carrier_award(_capacity(year=year), on=date(year, 11, 1))
    assert decision.outcome is Outcome.UNDETERMINED
    assert "carriers.capacity_share" in decision.missing
    assert "carriers.capacity_cap" in decision.missing
    # The rounding placeholder is in force from the measure's date (2022-11-28), so
    # only the 2022 round, read on 2022-01-01, lacks it too.
    assert ("carriers.rounding" in decision.missing) == (year == 2022)
    assert decision.amount is None


def test_a_2023_round_application_judged_in_2026_uses_the_2023_figures() -> None:
    """Round figures are read on 1 January of the round's year, not on the day judged:
    the 2023 round's 1 600 000 × 0.50 = 800 000 still holds in 2026."""
    decision = carrier_award(_capacity(), on=date(2026, 3, 1))
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.amount == Decimal("800000.00")
    for condition in CARRIER_AWARD_RULE.conditions:
        assert condition.read_on is not None
        assert condition.read_on.day == "application.year"


def test_a_best_ten_amount_missing_names_the_rounding_too() -> None:
    """Taking both the amount and the rounding out of force names both."""
    bare = Policy(
        documents=Policy.default().documents,
        parameters={
            name: param
            for name, param in Policy.default().parameters.items()
            if name not in ("carriers.best_ten_amount", "carriers.rounding")
        },
        sources=Policy.default().sources,
    )
    studio = attrs_evolve(
        _base(recognised_on=date(2022, 5, 1)), carrier_type=CarrierType.MASTER_STUDIO
    )
    decision = carrier_award(
        CarrierAwardApplication(
            carrier=studio,
            category=CarrierAwardCategory.INNOVATIVE_COURSE,
            year=2023,
            apprentices_taught=8,
            review_score=Decimal(70),
        ),
        on=ROUND_DAY,
        policy=bare,
    )
    assert decision.missing == ("carriers.best_ten_amount", "carriers.rounding")


def test_a_host_the_round_sets_no_figure_for_names_the_host_lists() -> None:
    """A public training base: the 2023 round gives no volume for it; the district
    must place the host kind in one of the round's two host lists."""
    decision = carrier_award(
        _capacity(carrier=_base(host_kind=CarrierHostKind.PUBLIC_TRAINING_BASE)),
        on=ROUND_DAY,
    )
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == (
        "carriers.institution_hosts",
        "carriers.enterprise_hosts",
    )
    unknown = carrier_award(_capacity(carrier=_base(host_kind=None)), on=ROUND_DAY)
    assert unknown.missing == ("application.carrier.host_kind",)


def test_an_undetermined_application_still_names_a_missing_review_score() -> None:
    """Trainees and score both unknown: both are named, not only the first."""
    decision = carrier_award(_capacity(trainees=None, score=None), on=ROUND_DAY)
    assert decision.missing == (
        "application.annual_trainees",
        "application.review_score",
    )


def test_an_item_reads_the_carrier_types_of_its_own_kind_only() -> None:
    """2024 has no round figures: a "best ten" application names the "best ten"
    types alone, a quality-and-capacity one the capacity types alone."""
    studio = attrs_evolve(
        _base(recognised_on=date(2022, 5, 1)), carrier_type=CarrierType.MASTER_STUDIO
    )
    best_ten = CarrierAwardApplication(
        carrier=studio,
        category=CarrierAwardCategory.INNOVATIVE_COURSE,
        year=2024,
        apprentices_taught=8,
        review_score=Decimal(70),
    )
    item = _finding(
        carrier_award(best_ten, on=date(2024, 11, 1)), "carriers.award.item"
    )
    assert (item.held, item.missing) == (None, ("carriers.best_ten_carrier_types",))
    capacity = _finding(
        carrier_award(_capacity(year=2024), on=date(2024, 11, 1)), "carriers.award.item"
    )
    assert capacity.missing == ("carriers.capacity_carrier_types",)
    # In 2023 the finding rests on the round's list alone.
    decided = _finding(carrier_award(_capacity(), on=ROUND_DAY), "carriers.award.item")
    assert [c.document.id for c in decided.citations] == ["sz-2023-carrier-award-round"]


def test_amount_findings_cite_the_round_and_the_rounding() -> None:
    """The 2023 share and cap come from the round's report; the fen, half-up
    rounding is a placeholder (skillchain-assumption, unverified)."""
    decision = carrier_award(_capacity(), on=ROUND_DAY)
    amount = _finding(decision, "carriers.award.capacity_amount")
    assert [c.document.id for c in amount.citations] == [
        "sz-2023-carrier-award-round",
        "skillchain-assumption",
    ]
    assert decision.provenance is Provenance.UNVERIFIED


def test_a_base_volume_rests_on_the_list_holding_its_host() -> None:
    """An enterprise's base: the enterprise list and its 200; a public training
    base, in neither list, rests on no figure."""
    enterprise = _finding(
        carrier_award(_capacity(), on=ROUND_DAY), "carriers.award.base_volume"
    )
    assert dict(enterprise.values)["minimum"] == 200
    assert [c.document.id for c in enterprise.citations] == [
        "sz-2023-carrier-award-round"
    ]
    public = _finding(
        carrier_award(
            _capacity(carrier=_base(host_kind=CarrierHostKind.PUBLIC_TRAINING_BASE)),
            on=ROUND_DAY,
        ),
        "carriers.award.base_volume",
    )
    assert public.citations == ()
    assert public.missing == ("carriers.institution_hosts", "carriers.enterprise_hosts")


def test_unknown_host_and_trainees_name_the_facts_then_the_figures() -> None:
    """Host kind and trainees unknown in a round with no figures (2024): the two
    facts, then the two host lists and their volumes."""
    decision = carrier_award(
        _capacity(year=2024, trainees=None, carrier=_base(host_kind=None)),
        on=date(2024, 11, 1),
    )
    assert _finding(decision, "carriers.award.base_volume").missing == (
        "application.carrier.host_kind",
        "application.annual_trainees",
        "carriers.institution_hosts",
        "carriers.min_trainees_institution",
        "carriers.enterprise_hosts",
        "carriers.min_trainees_enterprise",
    )


def test_explanations_name_the_round_document() -> None:
    decision = carrier_award(_capacity(), on=ROUND_DAY)
    zh = decision.explain("zh")
    en = decision.explain("en")
    assert "2023年度深圳市终身职业技能培训载体奖补项目" in zh
    assert "800000.00" in en


# --- allocation ---------------------------------------------------------------------


def _scored(index: int, score: str) -> CarrierAwardApplication:
    return _capacity(score=score, carrier=_base(name=f"基地{index:02d}"))


def test_at_most_ten_winners_ties_by_host_then_name() -> None:
    applications = [_scored(i, "90" if i < 4 else "80") for i in range(12)]
    allocation = allocate_carrier_awards(applications, on=ROUND_DAY)
    winners = allocation.winners
    assert len(winners) == 10
    # The four scoring 90 first; then 80s by name (same host): 基地04 .. 基地09.
    assert [w.carrier.name for w in winners] == [f"基地{i:02d}" for i in range(10)]
    losers = [a for a in allocation.ranked if a not in winners]
    assert isinstance(allocation, Allocation)
    assert winners == allocation.chosen
    assert allocation.waiting == tuple(losers)
    assert list(allocation) == list(
        zip(allocation.ranked, allocation.decisions, strict=True)
    )
    assert [[f.check for f in allocation.decision_for(a).failed] for a in losers] == [
        ["carriers.award.rank"],
        ["carriers.award.rank"],
    ]


def test_duplicates_and_wrong_types_are_rejected() -> None:
    one = _scored(1, "90")
    with pytest.raises(ValueError, match=r"applications\[1\]"):
        allocate_carrier_awards([one, one], on=ROUND_DAY)
    with pytest.raises(ValueError, match="CarrierAwardApplication"):
        allocate_carrier_awards(["x"], on=ROUND_DAY)  # type: ignore[list-item]


def test_an_allocation_holds_award_applications_only() -> None:
    """The ranked applications are checked to be award applications."""
    decision = carrier_award(_scored(1, "90"), on=ROUND_DAY)
    with pytest.raises(InvalidValueError, match="ranked"):
        CarrierAwardAllocation(ranked=("x",), decisions=(decision,))  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="decisions"):
        CarrierAwardAllocation(ranked=(_scored(1, "90"),), decisions=())


def test_decision_for_an_unknown_application() -> None:
    allocation = allocate_carrier_awards([], on=ROUND_DAY)
    with pytest.raises(KeyError):
        allocation.decision_for(_scored(1, "90"))


_SETTINGS = settings(max_examples=40, deadline=None)


@_SETTINGS
@given(
    st.lists(sk.carrier_award_applications(), max_size=14, unique=True), st.randoms()
)
def test_allocation_is_order_independent_and_within_limit(
    applications: list[CarrierAwardApplication], shuffler: object
) -> None:
    first = allocate_carrier_awards(applications, on=ROUND_DAY)
    shuffled = list(applications)
    shuffler.shuffle(shuffled)  # type: ignore[attr-defined]
    second = allocate_carrier_awards(shuffled, on=ROUND_DAY)
    assert first == second
    counts: dict[tuple[int, CarrierAwardCategory], int] = {}
    for winner in first.winners:
        key = (winner.year, winner.category)
        counts[key] = counts.get(key, 0) + 1
    assert all(count <= 10 for count in counts.values())
    for decision in first.decisions:
        assert decision.rule == CARRIER_AWARD_RULE.id


@_SETTINGS
@given(
    st.decimals(min_value=0, max_value=10**7, places=2),
    st.decimals(min_value=0, max_value=10**7, places=2),
)
def test_capacity_amount_is_monotone_and_capped(low: Decimal, high: Decimal) -> None:
    low, high = min(low, high), max(low, high)
    a = carrier_award(_capacity(str(low)), on=ROUND_DAY).amount
    b = carrier_award(_capacity(str(high)), on=ROUND_DAY).amount
    assert a is not None
    assert b is not None
    assert a <= b <= Decimal(1_000_000)


@_SETTINGS
@given(st.integers(0, 5000), st.integers(0, 5000))
def test_more_trainees_never_hurt(low: int, high: int) -> None:
    low, high = min(low, high), max(low, high)
    order = [Outcome.INELIGIBLE, Outcome.UNDETERMINED, Outcome.ELIGIBLE]
    a = carrier_award(_capacity(trainees=low), on=ROUND_DAY).outcome
    b = carrier_award(_capacity(trainees=high), on=ROUND_DAY).outcome
    assert order.index(a) <= order.index(b)
