"""Strategies of private training institutions' filings."""

from datetime import date

from hypothesis import strategies as st

from skillchain.model import (
    FilingStatus,
    OrganiserKind,
    PrivateInstitutionFiling,
)
from skillchain.testing.strategies._base import (
    FLAGS,
    NAMES,
    POLICY_LAST,
    check_strategy,
    dates_between,
    either,
    optional,
)
from skillchain.testing.strategies._values import (
    amounts,
    credit_codes,
    division_codes,
    occupation_codes,
    resident_ids,
)


def private_institution_filings(
    *, statuses: "st.SearchStrategy[FilingStatus] | None" = None
) -> st.SearchStrategy[PrivateInstitutionFiling]:
    """Draw filings of private training institutions (民办职业培训机构备案).

    A legal-person organiser has a credit code, an individual an identity number and
    a capacity declaration; a decision day only once decided, not before submission;
    a certificate number only once filed.

    Args:
        statuses: The filing statuses; any if None.

    Raises:
        hypothesis.errors.InvalidArgument: *statuses* is not a strategy.
    """
    check_strategy("statuses", statuses)

    @st.composite
    def draw_filing(draw: st.DrawFn) -> PrivateInstitutionFiling:
        organiser = draw(st.sampled_from(OrganiserKind))
        legal = organiser is OrganiserKind.LEGAL_PERSON
        status = draw(either(statuses, st.sampled_from(FilingStatus)))
        submitted = draw(dates_between(date(2019, 1, 1), POLICY_LAST))
        decided = None
        if status is not FilingStatus.PENDING:
            decided = draw(optional(st.dates(submitted, date(2031, 12, 31))))
        return PrivateInstitutionFiling(
            institution_name=draw(NAMES),
            organiser_kind=organiser,
            division=draw(division_codes()),
            submitted_on=submitted,
            status=status,
            organiser_code=draw(credit_codes()) if legal else None,
            organiser_id=None
            if legal
            else draw(resident_ids(max_birth=date(2005, 12, 31))),
            political_rights_and_full_capacity=None if legal else draw(FLAGS),
            lease_months=draw(optional(st.integers(1, 240))),
            premises_area=draw(optional(amounts(max_value=100_000))),
            full_time_teachers=draw(optional(st.integers(0, 200))),
            part_time_teachers=draw(optional(st.integers(0, 200))),
            premises_owned=draw(optional(st.booleans())),
            start_up_funds=draw(optional(amounts(max_value=10_000_000))),
            occupations=tuple(
                draw(st.lists(occupation_codes(detail=True), max_size=3, unique=True))
            ),
            decided_on=decided,
            certificate_number=draw(
                optional(st.text("0123456789", min_size=1, max_size=12))
            )
            if status is FilingStatus.FILED
            else None,
        )

    return draw_filing()
