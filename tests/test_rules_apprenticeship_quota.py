"""Tests for listing programmes within the district's annual apprentice quota."""

import functools

from datetime import date

import attrs
import pytest

from hypothesis import given
from hypothesis import strategies as st

from rule_fixtures import (
    ENTERPRISE,
    OTHER_ENTERPRISE,
    make_programme,
    overlay,
)
from skillchain import InvalidValueError, Outcome, Policy, Provenance
from skillchain.policy import QuotaOrder
from skillchain.rules import Allocation, get_rule
from skillchain.rules.apprenticeship.quota import (
    QUOTA_RULE,
    QuotaAllocation,
    QuotaApplication,
    allocate_quota,
    quota_listing,
)
from skillchain.testing.strategies import (
    credit_codes,
    programmes,
    quota_applications,
)


ON = date(2024, 2, 1)
"""The allocation day of the hand-worked examples (inside the overlay's 2024 quota)."""


@functools.cache
def district(quota: int = 20) -> Policy:
    """The bundled policy with a Futian quota for 2024 (district-supplied)."""
    return overlay(
        {"apprenticeship.district_quota": [("2024-01-01", "2024-12-31", str(quota))]}
    )


def apply(
    apprentices: int,
    filed_on: date | None,
    *,
    enterprise: object = ENTERPRISE,
    reference: str | None = None,
    months: int = 24,
) -> QuotaApplication:
    """An application for *apprentices* places filed on *filed_on*."""
    return QuotaApplication(
        programme=make_programme(
            enterprise=enterprise,  # type: ignore[arg-type]
            reference=reference,
            filed_on=filed_on,
            months=months,
        ),
        apprentices=apprentices,
    )


# --- hand-worked allocations -----------------------------------------------------------


def test_with_the_bundled_policy_every_application_is_undetermined() -> None:
    """Futian's quota is district-supplied: nobody is listed, the quota is named."""
    first = apply(10, date(2024, 1, 5))
    allocation = allocate_quota([first], on=ON)
    assert allocation.quota is None
    assert allocation.listed == ()
    assert allocation.waiting == (first,)
    decision = allocation.decision_for(first)
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("apprenticeship.district_quota",)


def test_applications_are_listed_in_filing_order_until_the_quota_is_used() -> None:
    """Quota 20: 10 (5 Jan) and 8 (6 Jan) are listed; 5 (7 Jan) waits; 2 (8 Jan) fits."""
    a = apply(10, date(2024, 1, 5))
    b = apply(8, date(2024, 1, 6))
    c = apply(5, date(2024, 1, 7))
    d = apply(2, date(2024, 1, 8))
    allocation = allocate_quota([d, c, b, a], on=ON, policy=district())
    assert allocation.ranked == (a, b, c, d)
    assert allocation.listed == (a, b, d)
    assert allocation.waiting == (c,)
    assert allocation.places_taken == 20
    outcomes = [decision.outcome for decision in allocation.decisions]
    assert outcomes == [
        Outcome.ELIGIBLE,
        Outcome.ELIGIBLE,
        Outcome.INELIGIBLE,
        Outcome.ELIGIBLE,
    ]
    places = dict(allocation.decision_for(c).findings[-1].values)
    assert places == {
        "order": QuotaOrder.FILING_ORDER,
        "position": 3,
        "taken": 18,
        "quota": 20,
        "remaining": 2,
        "apprentices": 5,
    }


def test_an_application_exactly_filling_the_quota_is_listed() -> None:
    """The last place counts: 20 of 20 is within the quota; 21 is not."""
    assert (
        allocate_quota(
            [apply(20, date(2024, 1, 5))], on=ON, policy=district()
        ).places_taken
        == 20
    )
    assert (
        allocate_quota([apply(21, date(2024, 1, 5))], on=ON, policy=district()).listed
        == ()
    )


def test_ties_on_the_filing_day_go_by_credit_code_then_reference() -> None:
    """Same day: the smaller credit code first; same enterprise: the reference, none last."""
    day = date(2024, 1, 5)
    late_code = apply(10, day, enterprise=ENTERPRISE, reference="FT-001")
    early_code = apply(10, day, enterprise=OTHER_ENTERPRISE, reference="FT-009")
    no_reference = apply(10, day, enterprise=OTHER_ENTERPRISE)
    allocation = allocate_quota(
        [late_code, no_reference, early_code], on=ON, policy=district()
    )
    assert allocation.ranked == (early_code, no_reference, late_code)
    assert allocation.listed == (early_code, no_reference)
    assert allocation.waiting == (late_code,)


def test_an_application_without_a_filing_date_waits_as_undetermined() -> None:
    """No filing date: it waits, takes no place, and the date is named missing."""
    undated = apply(5, None)
    dated = apply(20, date(2024, 1, 5))
    allocation = allocate_quota([undated, dated], on=ON, policy=district())
    assert allocation.listed == (dated,)
    assert allocation.waiting == (undated,)
    decision = allocation.decision_for(undated)
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("application.programme.filed_on",)


@pytest.mark.parametrize(
    ("day", "known"),
    [
        (date(2023, 12, 31), False),
        (date(2024, 1, 1), True),
        (date(2024, 12, 31), True),
        (date(2025, 1, 1), False),
    ],
)
def test_the_quota_applies_only_within_its_year(day: date, known: bool) -> None:
    """The overlay's quota is in force 2024-01-01 to 2024-12-31 only."""
    first = apply(5, date(2023, 12, 1))
    allocation = allocate_quota([first], on=day, policy=district())
    assert (allocation.listed == (first,)) is known
    if not known:
        assert allocation.decision_for(first).missing == (
            "apprenticeship.district_quota",
        )


@pytest.mark.parametrize(
    ("day", "missing"),
    [
        (date(2019, 12, 18), ("apprenticeship.quota_order",)),
        (date(2019, 12, 19), ()),
    ],
)
def test_the_filing_order_placeholder_starts_on_2019_12_19(
    day: date, missing: tuple[str, ...]
) -> None:
    """Before the order parameter is in force the allocation is undetermined."""
    policy = overlay(
        {"apprenticeship.district_quota": [("2019-01-01", "2019-12-31", "50")]}
    )
    first = apply(5, date(2019, 12, 1))
    decision = allocate_quota([first], on=day, policy=policy).decision_for(first)
    assert decision.missing == missing


def test_quota_listing_decides_one_application() -> None:
    """The registered function gives one application's decision, adding it if absent."""
    a = apply(15, date(2024, 1, 5))
    b = apply(10, date(2024, 1, 6))
    assert quota_listing(b, [a, b], on=ON, policy=district()).outcome is (
        Outcome.INELIGIBLE
    )
    assert quota_listing(b, [], on=ON, policy=district()).outcome is Outcome.ELIGIBLE
    assert get_rule("apprenticeship.quota") is QUOTA_RULE
    assert QUOTA_RULE.function is quota_listing


def test_malformed_pools_are_rejected() -> None:
    """The same application twice, or something else, is malformed input."""
    a = apply(5, date(2024, 1, 5))
    with pytest.raises(InvalidValueError, match=r"applications\[1\]"):
        allocate_quota([a, a], on=ON)
    with pytest.raises(InvalidValueError, match=r"applications\[0\]"):
        allocate_quota([object()], on=ON)  # type: ignore[list-item]
    with pytest.raises(InvalidValueError, match="apprentices"):
        QuotaApplication(programme=make_programme(), apprentices=0)
    with pytest.raises(KeyError):
        allocate_quota([a], on=ON).decision_for(apply(6, None))
    with pytest.raises(InvalidValueError, match="decisions"):
        QuotaAllocation(quota=1, ranked=(a,), decisions=())


def test_the_quota_explanation_says_why_an_application_waits() -> None:
    """The zh and en explanations give the position, places taken and places left."""
    a = apply(15, date(2024, 1, 5))
    b = apply(10, date(2024, 1, 6))
    decision = allocate_quota([a, b], on=ON, policy=district()).decision_for(b)
    zh = decision.explain("zh")
    assert (
        "按申报先后排第 2 位：在先已列入 15 人，年度名额 20 人尚余 5 人，本申请 10 人"
        in zh
    )
    assert zh.index("未满足条件") < zh.index("已满足条件")
    en = decision.explain("en")
    assert (
        "Position 2 in filing order: 15 places taken by applications listed before "
        "it, 5 left of the annual quota of 20; it asks for 10"
    ) in en
    assert decision.provenance is Provenance.UNVERIFIED


def test_the_places_finding_cites_the_guide_then_the_quota_and_the_order() -> None:
    """The guide the listing rests on first, then the district's quota (the overlay's
    document) and the filing-order placeholder."""
    a = apply(5, date(2024, 1, 5))
    places = allocate_quota([a], on=ON, policy=district()).decision_for(a).findings[-1]
    assert places.check == "apprenticeship.quota.places"
    assert [c.document.id for c in places.citations] == [
        "lh-apprenticeship-service-guide",
        "test-district",
        "skillchain-assumption",
    ]


def test_a_quota_allocation_is_an_allocation() -> None:
    """Listed is the allocation's chosen; iteration pairs each application with its
    decision, in rank order."""
    a = apply(15, date(2024, 1, 5))
    b = apply(10, date(2024, 1, 6))
    c = apply(5, date(2024, 1, 7))
    allocation = allocate_quota([c, b, a], on=ON, policy=district())
    assert isinstance(allocation, Allocation)
    assert allocation.listed == allocation.chosen == (a, c)
    assert allocation.waiting == (b,)
    assert len(allocation) == 3
    assert [app for app, _ in allocation] == [a, b, c]
    assert [d.outcome for _, d in allocation] == [
        Outcome.ELIGIBLE,
        Outcome.INELIGIBLE,
        Outcome.ELIGIBLE,
    ]
    with pytest.raises(InvalidValueError, match="ranked"):
        QuotaAllocation(
            quota=1,
            ranked=(object(),),  # type: ignore[arg-type]
            decisions=allocation.decisions[:1],
        )


# --- properties ------------------------------------------------------------------------

# The promises every rule keeps (figures read only on their day among them) are
# checked for this rule with the others, by the contract in test_rules_contract.py.


def _filed(
    application: QuotaApplication, filed_on: date | None, reference: str | None
) -> QuotaApplication:
    programme = attrs.evolve(
        application.programme, filed_on=filed_on, reference=reference
    )
    return attrs.evolve(application, programme=programme)


# Applications that often tie on filing day, enterprise and reference.
_APPLICATIONS = st.builds(
    _filed,
    quota_applications(
        programmes=programmes(
            enterprises=st.sampled_from([ENTERPRISE, OTHER_ENTERPRISE]) | credit_codes()
        )
    ),
    st.none()
    | st.sampled_from([date(2024, 1, 5), date(2024, 1, 6)])
    | st.dates(date(2023, 10, 1), date(2024, 3, 31)),
    st.none() | st.sampled_from(["FT-001", "FT-002", "FT-003"]),
)
_POOLS = st.lists(_APPLICATIONS, max_size=12, unique=True)
_QUOTAS = st.integers(0, 120)


@given(pool=_POOLS, quota=_QUOTAS)
def test_the_quota_is_never_exceeded(pool: list[QuotaApplication], quota: int) -> None:
    """The apprentices listed never exceed the quota; undated ones never are listed."""
    allocation = allocate_quota(pool, on=ON, policy=district(quota))
    assert allocation.places_taken <= quota
    assert all(app.filed_on is not None for app in allocation.listed)
    assert len(allocation.listed) + len(allocation.waiting) == len(pool)


@given(pool=_POOLS, quota=_QUOTAS, data=st.data())
def test_the_allocation_does_not_depend_on_input_order(
    pool: list[QuotaApplication], quota: int, data: st.DataObject
) -> None:
    """Any permutation of the applications gives the same allocation."""
    shuffled = data.draw(st.permutations(pool))
    policy = district(quota)
    assert allocate_quota(shuffled, on=ON, policy=policy) == allocate_quota(
        pool, on=ON, policy=policy
    )


@given(pool=_POOLS, quota=_QUOTAS)
def test_ties_are_broken_by_filing_day_then_credit_code_then_reference(
    pool: list[QuotaApplication], quota: int
) -> None:
    """The ranking is sorted by (filing day, credit code, reference with none last)."""
    ranked = allocate_quota(pool, on=ON, policy=district(quota)).ranked
    keys = [
        (
            app.filed_on is None,
            app.filed_on or date.min,
            str(app.programme.enterprise),
            app.programme.reference is None,
            app.programme.reference or "",
        )
        for app in ranked
    ]
    assert keys == sorted(keys)


@given(pool=_POOLS, quota=_QUOTAS)
def test_a_waiting_application_did_not_fit_at_its_turn(
    pool: list[QuotaApplication], quota: int
) -> None:
    """Every dated application that waits asked for more places than were left."""
    allocation = allocate_quota(pool, on=ON, policy=district(quota))
    taken = 0
    for app, decision in zip(allocation.ranked, allocation.decisions, strict=True):
        if decision.outcome is Outcome.ELIGIBLE:
            taken += app.apprentices
        elif app.filed_on is not None:
            assert app.apprentices > quota - taken
