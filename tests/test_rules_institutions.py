"""Private vocational training institution filing (institutions.filing).

Hand-worked from the sources: Shenzhen files private vocational training institutions
(public-service item, official; the start of the filing regime is not known, so the
value is dated from the Futian reply letter of 2024-09-02); the Guangdong setup
standard (粤教监管〔2024〕5号, in force 2025-01-01 for five years, secondary, re-confirmed
by press reports) asks for a lease of generally not less than three years (36 months);
floor area, teachers and funds are district-supplied.  A filing is judged against the
figures in force on the day it was submitted.
"""

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

from hypothesis import given
from hypothesis import strategies as st

from skillchain import FUTIAN, CreditCode, DivisionCode, Outcome, Policy, ResidentId
from skillchain.model import (
    FilingStatus,
    OrganiserKind,
    PrivateInstitutionFiling,
    SetupProcedure,
)
from skillchain.policy import InstitutionParameters, Kind
from skillchain.policy.kinds import KindError, enum_by_city_kind
from skillchain.rules import FILING_RULE, filing_completeness, get_rule, setup_procedure
from skillchain.testing.strategies import (
    parameter_groups,
    private_institution_filings,
)


OVERLAY = (
    Path(__file__).parent.parent
    / "examples"
    / "overlays"
    / "futian-institution-figures.toml"
)
# The illustrative overlay: 100 m², 3 full-time teachers, 100 000 yuan, from 2025-01-01.
FIGURES = Policy.default().overlay(Policy.from_files(OVERLAY))
DAY = date(2025, 9, 1)
GUANGZHOU_TIANHE = DivisionCode("440106")


def _filing(**changes: Any) -> PrivateInstitutionFiling:
    base = PrivateInstitutionFiling(
        institution_name="深圳市某职业培训学校",
        organiser_kind=OrganiserKind.LEGAL_PERSON,
        organiser_code=CreditCode("91350100M000100Y43"),
        division=FUTIAN,
        submitted_on=DAY,
        status=FilingStatus.PENDING,
        lease_months=36,
        premises_area=Decimal(100),
        full_time_teachers=3,
        start_up_funds=Decimal(100000),
    )
    return attrs.evolve(base, **changes)


def _failed(filing: PrivateInstitutionFiling, *, on: date = DAY) -> list[str]:
    decision = filing_completeness(filing, on=on, policy=FIGURES)
    return [finding.check for finding in decision.failed]


def test_every_threshold_met_exactly_is_eligible() -> None:
    """Figures exactly at each minimum (36 months, 100 m², 3 teachers, 100 000 yuan) pass."""
    decision = filing_completeness(_filing(), on=DAY, policy=FIGURES)
    assert decision.outcome == Outcome.ELIGIBLE
    assert decision.missing == ()
    assert list(FILING_RULE.checks) == [f.check for f in decision.findings]


@pytest.mark.parametrize(
    ("changes", "check"),
    [
        # 35 months is one short of the standard's three years (36 months).
        ({"lease_months": 35}, "institutions.filing.lease_term"),
        ({"premises_area": Decimal("99.99")}, "institutions.filing.premises_area"),
        ({"full_time_teachers": 2}, "institutions.filing.full_time_teachers"),
        ({"start_up_funds": Decimal("99999.99")}, "institutions.filing.start_up_funds"),
    ],
)
def test_one_below_each_minimum_fails_only_that_check(
    changes: dict[str, Any], check: str
) -> None:
    """Just below one minimum fails that item alone."""
    assert [check] == _failed(_filing(**changes))


def test_every_failing_item_is_listed_at_once() -> None:
    """No short-circuit: an individual lacking capacity with every figure short fails every item."""
    filing = _filing(
        organiser_kind=OrganiserKind.INDIVIDUAL,
        organiser_code=None,
        organiser_id=ResidentId("11010519491231002X"),
        political_rights_and_full_capacity=False,
        division=GUANGZHOU_TIANHE,
        lease_months=12,
        premises_area=Decimal(50),
        full_time_teachers=0,
        start_up_funds=Decimal(0),
    )
    assert list(FILING_RULE.checks) == _failed(filing)


def test_missing_facts_and_figures_are_all_named() -> None:
    """Unknown facts and unsupplied district figures are each named as missing."""
    filing = _filing(
        organiser_kind=OrganiserKind.INDIVIDUAL,
        organiser_code=None,
        organiser_id=ResidentId("11010519491231002X"),
        lease_months=None,
        premises_area=None,
        full_time_teachers=2,
        start_up_funds=None,
    )
    decision = filing_completeness(filing, on=DAY)
    assert decision.outcome == Outcome.UNDETERMINED
    assert decision.missing == (
        "filing.political_rights_and_full_capacity",
        "filing.lease_months",
        "filing.premises_owned",
        "filing.premises_area",
        "institutions.premises_min_area",
        "institutions.full_time_teachers_min",
        "filing.start_up_funds",
        "institutions.start_up_funds_min",
    )


def test_owned_premises_need_no_lease() -> None:
    """Owned premises meet the lease condition with no lease term given."""
    assert _failed(_filing(lease_months=None, premises_owned=True)) == []


def test_owned_premises_do_not_rest_on_the_lease_figure() -> None:
    """Submitted 2024-12-31, before the 36 months apply: owned premises still hold."""
    decision = filing_completeness(
        _filing(
            lease_months=None, premises_owned=True, submitted_on=date(2024, 12, 31)
        ),
        on=DAY,
        policy=FIGURES,
    )
    lease = next(
        f for f in decision.findings if f.check == "institutions.filing.lease_term"
    )
    assert lease.held is True
    assert "institutions.lease_min_months" not in decision.missing


def test_leased_premises_known_not_owned_name_only_the_lease() -> None:
    """Not owned and no lease term: only the lease term is missing."""
    decision = filing_completeness(
        _filing(lease_months=None, premises_owned=False), on=DAY, policy=FIGURES
    )
    assert decision.missing == ("filing.lease_months",)


@pytest.mark.parametrize(
    ("submitted_on", "in_force"),
    [(date(2024, 12, 31), False), (date(2025, 1, 1), True)],
)
def test_lease_minimum_starts_with_the_2024_standard(
    submitted_on: date, in_force: bool
) -> None:
    """The 36 months apply to filings submitted from 2025-01-01, the standard's first
    day; a 12-month lease filed the day before is undetermined on the lease, not
    refused, even when judged in September 2025."""
    decision = filing_completeness(
        _filing(lease_months=12, submitted_on=submitted_on), on=DAY, policy=FIGURES
    )
    failed = [f.check for f in decision.failed]
    if in_force:
        assert "institutions.filing.lease_term" in failed
    else:
        assert "institutions.filing.lease_term" not in failed
        assert "institutions.lease_min_months" in decision.missing


def test_a_filing_is_judged_on_its_submission_day() -> None:
    """Every figure of the rule is read on filing.submitted_on, not on the day judged."""
    for condition in FILING_RULE.conditions:
        if condition.parameters:
            assert condition.read_on is not None
            assert condition.read_on.day == "filing.submitted_on"
    # Submitted 2024-09-01, the day before Shenzhen's filing is evidenced: the
    # procedure is unknown even when the filing is judged in 2025.
    early = filing_completeness(
        _filing(submitted_on=date(2024, 9, 1)), on=DAY, policy=FIGURES
    )
    assert "institutions.procedure" in early.missing
    on_the_day = filing_completeness(
        _filing(submitted_on=date(2024, 9, 2)), on=DAY, policy=FIGURES
    )
    assert "institutions.procedure" not in on_the_day.missing


def test_the_press_reports_are_cited_for_the_lease() -> None:
    """The lease figure cites the standard and the press reports that re-confirm it."""
    decision = filing_completeness(_filing(lease_months=24), on=DAY, policy=FIGURES)
    lease = next(
        f for f in decision.findings if f.check == "institutions.filing.lease_term"
    )
    assert [c.document.id for c in lease.citations] == [
        "gd-2024-private-training-standard",
        "gd-2024-private-training-standard-press",
    ]


@pytest.mark.parametrize(
    ("changes", "submitted_on"),
    [
        # Owned premises: the lease condition holds whatever the figure.
        ({"lease_months": None, "premises_owned": True}, DAY),
        # Leased, submitted before the 2024 standard's figure is in force.
        ({"lease_months": 12}, date(2024, 12, 31)),
    ],
)
def test_the_lease_finding_always_cites_the_standard_and_its_press_reports(
    changes: dict[str, Any], submitted_on: date
) -> None:
    """The lease condition rests on the setup standard and its press reports, and
    reads the standard's 36-month figure: both documents are cited, in that order,
    whether or not the figure is in force or needed."""
    decision = filing_completeness(
        _filing(submitted_on=submitted_on, **changes), on=DAY, policy=FIGURES
    )
    lease = next(
        f for f in decision.findings if f.check == "institutions.filing.lease_term"
    )
    assert [(c.document.id, c.article) for c in lease.citations] == [
        ("gd-2024-private-training-standard", None),
        ("gd-2024-private-training-standard-press", None),
    ]


# That a finding cites its condition's documents and no others is one of the
# promises every rule keeps, checked for this rule with the others by the contract in
# test_rules_contract.py.


def test_the_inferred_start_of_filing_makes_the_decision_unverified() -> None:
    """The filing regime's start is inferred (the reply letter's date): unverified."""
    decision = filing_completeness(_filing(), on=DAY, policy=FIGURES)
    procedure = decision.findings[0]
    assert procedure.citations[0].period_inferred
    assert decision.provenance is not None
    assert decision.provenance.value == "unverified"


def test_standard_ends_after_five_years() -> None:
    """The lease minimum holds through 2029-12-31 and is unknown from 2030-01-01."""
    params = Policy.default().at(date(2029, 12, 31)).institutions
    assert params.lease_min_months.value == 36
    assert (
        Policy.default().at(date(2030, 1, 1)).institutions.lease_min_months.value
        is None
    )


def test_procedure_is_read_per_city_and_day() -> None:
    """Shenzhen files from 2024-09-02; Guangzhou approves with commitment from 2025-07-30."""
    assert setup_procedure(FUTIAN, on=date(2024, 9, 1)) is None
    assert SetupProcedure.FILING is setup_procedure(FUTIAN, on=date(2024, 9, 2))
    assert setup_procedure(GUANGZHOU_TIANHE, on=date(2025, 7, 29)) is None
    assert SetupProcedure.APPROVAL_WITH_COMMITMENT is setup_procedure(
        GUANGZHOU_TIANHE, on=date(2025, 7, 30)
    )
    assert setup_procedure(DivisionCode("441900"), on=DAY) is None


def test_other_city_fails_procedure_and_names_it() -> None:
    """In Guangzhou only the procedure fails, and the finding names the procedure."""
    decision = filing_completeness(
        _filing(division=GUANGZHOU_TIANHE), on=DAY, policy=FIGURES
    )
    (failed,) = decision.failed
    assert failed.check == "institutions.filing.procedure"
    assert SetupProcedure.APPROVAL_WITH_COMMITMENT is dict(failed.values)["procedure"]


def test_unlisted_city_is_undetermined() -> None:
    """A city the table does not list is undetermined, naming the parameter."""
    decision = filing_completeness(
        _filing(division=DivisionCode("441900")), on=DAY, policy=FIGURES
    )
    assert decision.outcome == Outcome.UNDETERMINED
    assert decision.missing == ("institutions.procedure",)


def test_explanations_name_documents_in_both_languages() -> None:
    """The zh and en explanations cite the setup standard and the Shenzhen item."""
    decision = filing_completeness(_filing(lease_months=24), on=DAY, policy=FIGURES)
    zh = decision.explain("zh")
    en = decision.explain("en")
    assert "场地租赁期 24 个月" in zh
    assert "粤教监管〔2024〕5号" in zh
    assert "it must run at least 36 months" in en
    assert "Shenzhen public-service item: filing of a private vocational" in en


def test_rule_is_registered_with_its_sources() -> None:
    """The rule is registered under its id and cites its four documents."""
    rule = get_rule("institutions.filing")
    assert rule is FILING_RULE
    assert {
        "sz-private-institution-filing-item",
        "gd-2024-private-training-standard",
        "gd-2024-private-training-standard-press",
        "gz-2025-2",
    } == {source.document for source in rule.sources}


def test_city_kind_parses_and_rejects() -> None:
    """The procedure-by-city kind reads city codes and rejects county codes and bad values."""
    kind: Kind[object] = enum_by_city_kind(SetupProcedure)
    parsed = kind.parse({"440300": "filing"})
    assert {DivisionCode("440300"): SetupProcedure.FILING} == parsed
    assert kind.dump(parsed) == {"440300": "filing"}
    for bad in ({"440304": "filing"}, {"440300": "licence"}, {}, "filing"):
        with pytest.raises(KindError):
            kind.parse(bad)


@given(private_institution_filings(), st.dates(date(2024, 1, 1), date(2030, 12, 31)))
def test_every_check_is_always_reported(
    filing: PrivateInstitutionFiling, on: date
) -> None:
    """Whatever the facts, every check appears once, in order (nothing short-circuits)."""
    decision = filing_completeness(filing, on=on, policy=FIGURES)
    assert list(FILING_RULE.checks) == [f.check for f in decision.findings]


@given(private_institution_filings(), st.integers(1, 120))
def test_more_of_any_resource_never_hurts(
    filing: PrivateInstitutionFiling, extra: int
) -> None:
    """Monotonicity: a longer lease, more area, teachers or funds never fails a check that held."""
    before = set(_failed(filing))
    richer = attrs.evolve(
        filing,
        lease_months=None
        if filing.lease_months is None
        else filing.lease_months + extra,
        premises_area=None
        if filing.premises_area is None
        else filing.premises_area + extra,
        full_time_teachers=None
        if filing.full_time_teachers is None
        else filing.full_time_teachers + extra,
        start_up_funds=None
        if filing.start_up_funds is None
        else filing.start_up_funds + extra,
    )
    assert set(_failed(richer)) <= before


@given(
    parameter_groups(
        InstitutionParameters, on=st.dates(date(2025, 1, 1), date(2029, 12, 31))
    )
)
def test_bundled_lease_minimum_is_three_years(params: InstitutionParameters) -> None:
    """Throughout the 2024 standard's term the bundled lease minimum is 36 months."""
    assert params.lease_min_months.value == 36
