"""Tests for the rule registry: per-condition documents, in-force spans, validation."""

from datetime import date
from pathlib import Path

import attrs
import pytest

from skillchain import DateRange, Decision, Policy
from skillchain.cases import CaseFile, check_case, load_directory
from skillchain.rules import (
    ANNUAL_CAP_RULE,
    APPRENTICE_RULE,
    CASE_RULE,
    PREPAYMENT_RULE,
    PROGRAMME_RULE,
    QUOTA_RULE,
    SETTLEMENT_RULE,
    SKILL_UPGRADE_RULE,
    SUBSIDY_RULE,
    UI_SKILL_RULE,
    Rule,
    get_rule,
    register,
    rules,
)


EXAMPLES = Path(__file__).parent.parent / "examples" / "cases"
CASES = load_directory(EXAMPLES, overlay_root=EXAMPLES.parent)
BUNDLED = Policy.default()


def pairs(citations: object) -> set[tuple[str, str | None]]:
    """The (register id, article) pairs of some citations."""
    assert isinstance(citations, tuple)
    return {(c.document.id, c.article) for c in citations}


def assert_cites_declared(rule: Rule, decision: Decision, policy: Policy) -> None:
    """Every finding cites only documents the registry declares for its check."""
    assert decision.rule == rule.id
    for finding in decision.findings:
        assert finding.check in rule.checks
        declared = pairs(rule.citations_for(finding.check, policy))
        assert pairs(finding.citations) <= declared, finding.check


# --- truthfulness: what the findings cite is what the registry declares -----------


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_example_findings_cite_declared_documents(case: CaseFile) -> None:
    """Each example case's findings cite documents declared for their checks."""
    decision = check_case(case).decision
    assert_cites_declared(case.rule, decision, case.policy)


# --- the conditions, worked by hand from the bundled data ---------------------------


def test_every_rule_has_one_condition_per_check_and_reads_what_it_declares() -> None:
    """Conditions follow the checks in order and read exactly the declared parameters."""
    for rule in rules():
        assert tuple(c.check for c in rule.conditions) == rule.checks
        read = {name for c in rule.conditions for name in c.parameters}
        assert read == set(rule.parameters), rule.id


def test_the_case_rule_has_the_conditions_of_its_three_rules() -> None:
    """apprenticeship.case rests on exactly what its three rules rest on."""
    # The programme's facts (and the day its figures are read on) sit under
    # ``enrolment`` in the case: ``enrolment.programme.start``.
    assert CASE_RULE.conditions == (
        *APPRENTICE_RULE.conditions,
        *(c.under("enrolment") for c in PROGRAMME_RULE.conditions),
        *SUBSIDY_RULE.conditions,
    )
    planned = CASE_RULE.condition("apprenticeship.programme.planned_months")
    assert planned.facts == ("enrolment.programme.special_case",)
    assert planned.read_on is not None
    assert planned.read_on.day == "enrolment.programme.start"


def test_a_figure_check_cites_its_parameters_documents_with_articles() -> None:
    """partner_kind: Shenzhen art. 2 (its own source and the 2019 value), then 39号."""
    cited = PROGRAMME_RULE.citations_for("apprenticeship.programme.partner_kind")
    assert [(c.document.id, c.article) for c in cited] == [
        ("sz-2019-11", "第二条"),
        ("mohrss-2021-39", None),
    ]


def test_a_parameter_cited_by_two_values_is_listed_once() -> None:
    """Both dated values of the hire kinds cite 39号, and so does the condition: once."""
    cited = APPRENTICE_RULE.citations_for(
        "apprenticeship.apprentice.hire_kind_priority"
    )
    assert [(c.document.id, c.article) for c in cited] == [("mohrss-2021-39", None)]


def test_a_district_supplied_parameter_adds_its_document_only_when_supplied() -> None:
    """The catalogue: nothing bundled; the example overlay's row brings its document."""
    assert SKILL_UPGRADE_RULE.citations_for("skill_upgrade.rate") == ()
    overlay = Policy.from_files(
        EXAMPLES.parent / "overlays" / "skill-upgrade-catalogue-row.toml"
    )
    with_row = BUNDLED.overlay(overlay)
    cited = SKILL_UPGRADE_RULE.citations_for("skill_upgrade.rate", with_row)
    assert [c.document.id for c in cited] == list(overlay.documents)


def test_the_prepayment_share_cites_both_documents_of_its_history() -> None:
    """The filed share: Guangdong's 2020 FAQ to 2023-08-14, then 粤人社规〔2023〕13号."""
    cited = PREPAYMENT_RULE.citations_for("apprenticeship.prepayment.share")
    assert [c.document.id for c in cited] == [
        "gd-2020-apprenticeship-faq",
        "gd-2023-13",
    ]


def test_an_unknown_check_names_the_rule_and_its_checks() -> None:
    """Asking for a check the rule does not emit is a KeyError listing its checks."""
    with pytest.raises(
        KeyError,
        match=r"settlement' has no check 'apprenticeship\.refund'; its checks: .*\.balance",
    ):
        get_rule("apprenticeship.settlement").condition("apprenticeship.refund")


# --- in force ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        # Every subsidies parameter: 2023-11-15 to 2025-12-31 (深人社规〔2023〕8号, FAQ).
        (ANNUAL_CAP_RULE, DateRange(date(2023, 11, 15), date(2025, 12, 31))),
        # Every figure 2022-2024: the national notices run the scheme to 2024-12-31.
        (UI_SKILL_RULE, DateRange(date(2022, 1, 1), date(2024, 12, 31))),
        # 粤人社规〔2023〕13号 from 2023-08-15; 深人社规〔2023〕8号's figures from
        # 2023-11-15; all to 2025-12-31.
        (SKILL_UPGRADE_RULE, DateRange(date(2023, 8, 15), date(2025, 12, 31))),
        # The hire kinds and the region from 2019-12-19; the contract minimum open.
        (APPRENTICE_RULE, DateRange(date(2019, 12, 19), None)),
        # The partner kinds from 2019-12-19, open from 2021-06-08.
        (PROGRAMME_RULE, DateRange(date(2019, 12, 19), None)),
        # The quota is the district's; the placeholder order from 2019-12-19, open.
        (QUOTA_RULE, DateRange(date(2019, 12, 19), None)),
    ],
    ids=lambda value: value.id if isinstance(value, Rule) else "",
)
def test_in_force_under_the_bundled_policy(rule: Rule, expected: DateRange) -> None:
    """The hull of the dated values of the parameters each rule reads."""
    assert rule.in_force() == expected


QUOTA_ONLY = Policy.loads(
    """
[documents.q]
title = "名额"
issuers = ["测试"]
level = "district"
provenance = "unverified"

[parameters."apprenticeship.district_quota"]
description_zh = "名额"
description_en = "Quota"
unit = "persons"
[[parameters."apprenticeship.district_quota".values]]
since = 2024-01-01
until = 2024-12-31
value = 20
document = "q"
[[parameters."apprenticeship.district_quota".values]]
since = 2026-01-01
until = 2026-06-30
value = 25
document = "q"
""",
    name="quota-only.toml",
)


def test_in_force_spans_a_gap_between_values() -> None:
    """Two values with a gap in 2025: the hull runs from the first start to the last end."""
    assert QUOTA_RULE.in_force(QUOTA_ONLY) == DateRange(
        date(2024, 1, 1), date(2026, 6, 30)
    )


def test_in_force_is_none_when_no_parameter_has_a_value() -> None:
    """A policy without any of the rule's parameters gives no span."""
    assert SETTLEMENT_RULE.in_force(QUOTA_ONLY) is None


# --- validation ------------------------------------------------------------------------


def test_conditions_are_compared_when_a_rule_is_registered_again() -> None:
    """Registering the same rule again is allowed; a changed one under its id is not."""
    assert register(SETTLEMENT_RULE) is SETTLEMENT_RULE
    changed = attrs.evolve(SETTLEMENT_RULE, conditions=SETTLEMENT_RULE.conditions[:1])
    with pytest.raises(ValueError, match="already registered"):
        register(changed)
