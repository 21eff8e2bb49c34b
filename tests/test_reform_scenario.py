"""A rate reform of the apprenticeship case, tested as a district's developer would.

The reform raises the 高级工 (advanced) annual apprenticeship rate from 7 000 to
8 000 yuan from 2025-01-01.  Its broken draft gives the new table with the advanced
rate only, so the 中级工 and 技师 rates are dropped: their apprentices are no longer
paid (undetermined: no rate).  A property "the reform only relaxes" over cases drawn
without regard to their outcome once passed that draft, because none of the drawn
cases was eligible.  Here the cases are drawn by ``cases()`` under the baseline (each
outcome about a third of the time), the one-case helpers discard the cases they do
not speak about, and the draft is caught and shrunk to one apprentice.
"""

import time

from collections.abc import Callable
from datetime import date

import pytest

from hypothesis import given, settings

from rule_cases import example_policy
from skillchain import Policy, SkillLevel
from skillchain.model import ApprenticeEnrolment
from skillchain.testing import (
    Case,
    OutcomeTally,
    assert_case_amount_not_decreased,
    assert_case_amount_not_increased,
    assert_case_relaxes,
)
from skillchain.testing.strategies import cases


RULE = "apprenticeship.case"
BASELINE = example_policy(RULE)
"""The bundled policy with the example occupation directory, as the case files use."""
SINCE = date(2025, 1, 1)


def rates(table: str, *, removes: str = "") -> Policy:
    """*BASELINE* with the annual rates *table* (TOML inline table) from 2025-01-01;
    *removes* is the TOML list of the keys it declares dropped, if any."""
    dropping = f"removes = {removes}" if removes else ""
    return BASELINE.overlay(
        Policy.loads(
            f"""
[documents.test-rate-reform]
title = "学徒培训补贴标准调整（测试用草案）"
issuers = ["示例"]
level = "district"
provenance = "unverified"

[parameters."apprenticeship.annual_subsidy"]
description_zh = "企业新型学徒制培训补贴标准（每人每年，按培养目标等级）"
description_en = "Apprenticeship training subsidy per apprentice per year, by target level"
unit = "yuan_per_person_year"

[[parameters."apprenticeship.annual_subsidy".values]]
since = {SINCE.isoformat()}
value = {table}
{dropping}
document = "test-rate-reform"
""",
            name="test-rate-reform.toml",
        )
    )


RAISED = rates('{ intermediate = "5500", advanced = "8000", technician = "8500" }')
"""The reform as meant: 高级工 8 000, the other rates kept."""
BROKEN = rates('{ advanced = "8000" }', removes='["intermediate", "technician"]')
"""The broken draft: the new table drops the 中级工 and 技师 rates (an overlay must
say so, or it is refused; a draft that says so by mistake is still wrong)."""


def level(case: Case) -> SkillLevel:
    """The target level of the drawn apprentice's programme."""
    enrolment = case.fact("enrolment")
    assert isinstance(enrolment, ApprenticeEnrolment)
    return enrolment.programme.target_level


def test_the_broken_draft_is_caught_and_shrunk(
    record_property: Callable[[str, object], None],
) -> None:
    """Under default settings, drawing cases of every outcome, the one-case relaxes
    helper finds an apprentice the draft stops paying and shrinks to one: a 中级工 or
    技师 programme decided on or after the reform's first day."""
    tally = OutcomeTally()
    tried: list[Case] = []

    @settings(database=None, deadline=None)
    @given(cases(RULE, policy=BASELINE))
    def only_relaxes(case: Case) -> None:
        tried.append(case)
        assert_case_relaxes(RULE, BASELINE, BROKEN, case, tally=tally)

    start = time.perf_counter()
    with pytest.raises(AssertionError) as raised:
        only_relaxes()
    seconds = time.perf_counter() - start
    record_property("seconds_to_find_and_shrink", round(seconds, 2))
    print(f"found and shrunk in {seconds:.2f} s; {tally.report()}")  # noqa: T201
    message = str(raised.value)
    assert message.startswith(
        "the reform rejects cases the baseline accepted: 1 of 1 cases"
    )
    assert "outcome: eligible → undetermined" in message
    shrunk = tried[-1]
    assert level(shrunk) in {SkillLevel.INTERMEDIATE, SkillLevel.TECHNICIAN}
    assert shrunk.on >= SINCE
    assert tally.checked > 0


def test_the_broken_draft_lowers_amounts_to_nothing() -> None:
    """The amount helper catches the same draft: a paid apprentice is paid nothing."""

    @settings(database=None, deadline=None)
    @given(cases(RULE, policy=BASELINE))
    def never_paid_less(case: Case) -> None:
        assert_case_amount_not_decreased(RULE, BASELINE, BROKEN, case)

    with pytest.raises(AssertionError) as raised:
        never_paid_less()
    message = str(raised.value)
    assert message.startswith("the reform lowers amounts the baseline paid: 1 of 1")
    assert "→ no amount" in message


def test_the_reform_as_meant_passes_and_counts_what_it_checked() -> None:
    """The reform that keeps the other rates relaxes and never lowers an amount; the
    tally shows how many cases of each outcome the run saw and checked."""
    relaxes, not_lower = OutcomeTally(), OutcomeTally()

    @settings(database=None, deadline=None)
    @given(cases(RULE, policy=BASELINE))
    def only_relaxes(case: Case) -> None:
        assert_case_relaxes(RULE, BASELINE, RAISED, case, tally=relaxes)

    @settings(database=None, deadline=None)
    @given(cases(RULE, policy=BASELINE, outcome="eligible"))
    def never_paid_less(case: Case) -> None:
        assert_case_amount_not_decreased(RULE, BASELINE, RAISED, case, tally=not_lower)

    only_relaxes()
    never_paid_less()
    assert relaxes.checked >= 50
    assert relaxes.counts["baseline eligible"] == relaxes.checked
    assert relaxes.counts["reform eligible"] == relaxes.checked
    for outcome in ("ineligible", "undetermined"):
        assert relaxes.counts[f"baseline {outcome}"] > 0
    assert relaxes.report().startswith(
        f"relaxes: {relaxes.total} cases, {relaxes.checked} checked "
        "(cases eligible under the baseline)\n  baseline: "
    )
    assert not_lower.checked == not_lower.total >= 50
    assert not_lower.counts["baseline with an amount"] == not_lower.checked


def test_the_reform_as_meant_raises_some_amounts() -> None:
    """The other direction holds too: the raise is seen, on a 高级工 programme."""
    raised_levels: list[SkillLevel] = []

    @settings(database=None, deadline=None)
    @given(cases(RULE, policy=BASELINE, outcome="eligible"))
    def never_paid_more(case: Case) -> None:
        raised_levels.append(level(case))
        assert_case_amount_not_increased(RULE, BASELINE, RAISED, case)

    with pytest.raises(AssertionError, match="raises amounts beyond what the baseline"):
        never_paid_more()
    assert raised_levels[-1] is SkillLevel.ADVANCED
