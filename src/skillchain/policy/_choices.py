"""Choices a policy makes that are not numbers: how part years count, how a quota is filled."""

from skillchain._labels import LabelledEnum, set_labels


__all__ = ["PartYearRule", "QuotaOrder"]


class PartYearRule(LabelledEnum):
    """How a training period that is not a whole number of years counts for the subsidy.

    No document found says how a part year counts (深人社规〔2019〕11号 art. 20 was not
    read); the bundled policy makes it an explicit, unverified choice that a district
    can replace through an overlay, and every amount's explanation shows which rule
    was applied.
    """

    WHOLE_MONTHS = "whole_months"
    """Pro rata by whole calendar months: rate × months ÷ 12."""
    COMPLETED_YEARS = "completed_years"
    """Only completed years count (a part year counts nothing)."""
    STARTED_YEARS = "started_years"
    """Every started year counts as a whole year."""


set_labels(
    PartYearRule,
    {
        PartYearRule.WHOLE_MONTHS: ("按整月折算", "pro rata by whole months"),
        PartYearRule.COMPLETED_YEARS: ("只计满年", "completed years only"),
        PartYearRule.STARTED_YEARS: ("不满一年按一年计", "every started year counts"),
    },
)


class QuotaOrder(LabelledEnum):
    """In what order a district lists applications within its annual apprentice quota.

    The documents found give no ranking; the bundled policy uses filing order as an
    unverified choice.
    """

    FILING_ORDER = "filing_order"
    """First filed, first listed (ties by enterprise credit code, then programme reference)."""


set_labels(
    QuotaOrder,
    {QuotaOrder.FILING_ORDER: ("按申报先后", "in filing order")},
)
