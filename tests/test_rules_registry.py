"""Tests for the rule registry: per-condition documents, in-force spans, validation."""

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from hypothesis import given
from hypothesis import strategies as st

from skillchain import DateRange, Decision, OccupationCode, Policy
from skillchain.cases import CaseFile, check_case, load_directory
from skillchain.rules import (
    ANNUAL_CAP_RULE,
    APPRENTICE_RULE,
    CASE_RULE,
    ENTERPRISE_RULE,
    PREPAYMENT_RULE,
    PROGRAMME_RULE,
    QUOTA_RULE,
    SETTLEMENT_RULE,
    SKILL_UPGRADE_RULE,
    SUBSIDY_RULE,
    UI_SKILL_RULE,
    Condition,
    PrepaymentScheme,
    Rule,
    RuleSource,
    _registry,
    get_rule,
    register,
    rules,
)
from skillchain.testing import strategies as sk


EXAMPLES = Path(__file__).parent.parent / "examples" / "cases"
CASES = load_directory(EXAMPLES, overlay_root=EXAMPLES.parent)
BUNDLED = Policy.default()
# A district overlay giving values to the parameters the bundled policy leaves to
# the district, so the generated cases also reach the checks that read them.
DISTRICT = BUNDLED.overlay(
    Policy.loads(
        """
[documents.test-district]
title = "测试用区级数据"
issuers = ["测试"]
level = "district"
provenance = "unverified"

[parameters."apprenticeship.occupation_directory"]
description_zh = "区学徒培养职业（工种）指导目录"
description_en = "The district's apprenticeship occupation directory"
unit = "occupations"
[[parameters."apprenticeship.occupation_directory".values]]
since = 2019-12-19
value = ["6-31-01-03"]
document = "test-district"

[parameters."apprenticeship.district_quota"]
description_zh = "区年度学徒培养名额（人）"
description_en = "The district's annual apprentice quota (persons)"
unit = "persons"
[[parameters."apprenticeship.district_quota".values]]
since = 2019-12-19
value = 30
document = "test-district"

[parameters."apprenticeship.shortage_uplift"]
description_zh = "紧缺职业上浮比例"
description_en = "The city's shortage uplift"
unit = "ratio"
[[parameters."apprenticeship.shortage_uplift".values]]
since = 2023-08-15
until = 2025-12-31
value = "0.20"
document = "test-district"
""",
        name="test-district.toml",
    )
)
POLICY = {"bundled": BUNDLED, "district": DISTRICT}
# Drawn by name: a policy's repr is long, and Hypothesis warns on long reprs.
POLICIES = st.sampled_from(sorted(POLICY))
DAYS = st.dates(date(2019, 1, 1), date(2027, 12, 31))
SHORTAGE = st.sampled_from([None, True, False])
ELECTRICIAN = OccupationCode("6-31-01-03")
PROGRAMMES = sk.programmes(
    occupations=st.one_of(st.just(ELECTRICIAN), sk.occupation_codes(detail=True))
)


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


@given(sk.enrolments(programmes=PROGRAMMES), DAYS, POLICIES)
def test_apprentice_findings_cite_declared_documents(
    enrolment: object, on: date, which: str
) -> None:
    """Generated apprentices: apprenticeship.apprentice cites what it declares."""
    policy = POLICY[which]
    decision = APPRENTICE_RULE.function(enrolment, on=on, policy=policy)
    assert_cites_declared(APPRENTICE_RULE, decision, policy)


@given(sk.enrolments(programmes=PROGRAMMES), DAYS, POLICIES, SHORTAGE, st.booleans())
def test_case_findings_cite_declared_documents(
    enrolment: object, on: date, which: str, shortage: bool | None, student: bool
) -> None:
    """Generated apprentices: apprenticeship.case cites what it declares."""
    policy = POLICY[which]
    decision = CASE_RULE.function(
        enrolment, on=on, policy=policy, shortage_occupation=shortage, student=student
    )
    assert_cites_declared(CASE_RULE, decision, policy)


@given(sk.enterprises(), PROGRAMMES, DAYS, POLICIES)
def test_enterprise_findings_cite_declared_documents(
    enterprise: object, programme: object, on: date, which: str
) -> None:
    """Generated enterprises: apprenticeship.enterprise cites what it declares."""
    policy = POLICY[which]
    decision = ENTERPRISE_RULE.function(enterprise, programme, on=on, policy=policy)
    assert_cites_declared(ENTERPRISE_RULE, decision, policy)


@given(PROGRAMMES, DAYS, POLICIES)
def test_programme_findings_cite_declared_documents(
    programme: object, on: date, which: str
) -> None:
    """Generated programmes: apprenticeship.programme cites what it declares."""
    policy = POLICY[which]
    decision = PROGRAMME_RULE.function(programme, on=on, policy=policy)
    assert_cites_declared(PROGRAMME_RULE, decision, policy)


@given(
    st.lists(sk.quota_applications(programmes=PROGRAMMES), min_size=1, max_size=4),
    DAYS,
    POLICIES,
)
def test_quota_findings_cite_declared_documents(
    applications: list[object], on: date, which: str
) -> None:
    """Generated applications: apprenticeship.quota cites what it declares."""
    policy = POLICY[which]
    unique = list(dict.fromkeys(applications))
    for application in unique:
        decision = QUOTA_RULE.function(application, unique, on=on, policy=policy)
        assert_cites_declared(QUOTA_RULE, decision, policy)


@given(
    PROGRAMMES.flatmap(
        lambda p: st.tuples(
            st.just(p),
            st.lists(
                sk.enrolments(programmes=st.just(p)),
                min_size=1,
                max_size=3,
                unique_by=lambda e: e.person.id,
            ),
        )
    ),
    DAYS,
    POLICIES,
    SHORTAGE,
    st.booleans(),
)
def test_subsidy_findings_cite_declared_documents(
    drawn: tuple[object, list[object]],
    on: date,
    which: str,
    shortage: bool | None,
    student: bool,
) -> None:
    """Generated programmes: apprenticeship.subsidy cites what it declares."""
    policy = POLICY[which]
    programme, enrolments = drawn
    decision = SUBSIDY_RULE.function(
        programme,
        enrolments,
        on=on,
        policy=policy,
        shortage_occupation=shortage,
        student=student,
    )
    assert_cites_declared(SUBSIDY_RULE, decision, policy)


@given(
    PROGRAMMES,
    st.integers(0, 40),
    DAYS,
    POLICIES,
    st.sampled_from(PrepaymentScheme),
    st.one_of(st.none(), DAYS),
    SHORTAGE,
)
def test_prepayment_findings_cite_declared_documents(  # noqa: PLR0917 - one per fact
    programme: object,
    apprentices: int,
    on: date,
    which: str,
    scheme: PrepaymentScheme,
    listed_on: date | None,
    shortage: bool | None,
) -> None:
    """Generated requests: apprenticeship.prepayment cites what it declares."""
    policy = POLICY[which]
    decision = PREPAYMENT_RULE.function(
        programme,
        apprentices,
        on=on,
        policy=policy,
        scheme=scheme,
        listed_on=listed_on,
        shortage_occupation=shortage,
    )
    assert_cites_declared(PREPAYMENT_RULE, decision, policy)


@given(
    st.one_of(st.none(), sk.amounts()),
    sk.amounts(),
    st.one_of(st.none(), DAYS),
    DAYS,
    POLICIES,
)
def test_settlement_findings_cite_declared_documents(
    entitlement: Decimal | None,
    prepaid: Decimal,
    training_end: date | None,
    on: date,
    which: str,
) -> None:
    """Generated amounts: apprenticeship.settlement cites what it declares."""
    policy = POLICY[which]
    decision = SETTLEMENT_RULE.function(
        entitlement, prepaid, training_end, on=on, policy=policy
    )
    assert_cites_declared(SETTLEMENT_RULE, decision, policy)


@given(
    sk.persons().flatmap(
        lambda p: st.tuples(st.just(p), sk.certificates(holders=st.just(p.id)))
    ),
    st.lists(sk.subsidy_claims(), max_size=3),
    DAYS,
    SHORTAGE,
    POLICIES,
)
def test_skill_upgrade_findings_cite_declared_documents(
    drawn: tuple[object, object],
    history: list[object],
    on: date,
    shortage: bool | None,
    which: str,
) -> None:
    """Generated people and certificates: skill_upgrade cites what it declares."""
    person, certificate = drawn
    policy = POLICY[which]
    decision = SKILL_UPGRADE_RULE.function(
        person, certificate, history, on=on, shortage_occupation=shortage, policy=policy
    )
    assert_cites_declared(SKILL_UPGRADE_RULE, decision, policy)


@given(sk.subsidy_claims(), st.lists(sk.subsidy_claims(), max_size=4), DAYS, POLICIES)
def test_annual_cap_findings_cite_declared_documents(
    claim: object, history: list[object], on: date, which: str
) -> None:
    """Generated claims: subsidy.cap cites what it declares."""
    policy = POLICY[which]
    decision = ANNUAL_CAP_RULE.function(claim, history, on=on, policy=policy)
    assert_cites_declared(ANNUAL_CAP_RULE, decision, policy)


@given(
    sk.certificates(issued_on=st.dates(date(2021, 6, 1), date(2024, 6, 30))),
    st.lists(sk.subsidy_claims(), max_size=3),
    st.one_of(st.none(), st.integers(0, 60)),
    SHORTAGE,
    st.dates(date(2021, 6, 1), date(2024, 12, 31)),
    POLICIES,
)
def test_ui_skill_findings_cite_declared_documents(  # noqa: PLR0917 - one per fact
    certificate: object,
    history: list[object],
    months: int | None,
    shortage: bool | None,
    on: date,
    which: str,
) -> None:
    """Generated certificates: ui_skill cites what it declares."""
    policy = POLICY[which]
    decision = UI_SKILL_RULE.function(
        certificate,
        history,
        contribution_months=months,
        shortage_occupation=shortage,
        on=on,
        policy=policy,
    )
    assert_cites_declared(UI_SKILL_RULE, decision, policy)


# --- the conditions, worked by hand from the bundled data ---------------------------


def test_every_rule_has_one_condition_per_check_and_reads_what_it_declares() -> None:
    """Conditions follow the checks in order and read exactly the declared parameters."""
    for rule in rules():
        assert tuple(c.check for c in rule.conditions) == rule.checks
        read = {name for c in rule.conditions for name in c.parameters}
        assert read == set(rule.parameters), rule.id


def test_the_case_rule_has_the_conditions_of_its_three_rules() -> None:
    """apprenticeship.case rests on exactly what its three rules rest on."""
    parts = (APPRENTICE_RULE, PROGRAMME_RULE, SUBSIDY_RULE)
    # The programme's figures are read on its start, under ``enrolment`` in the case.
    assert tuple(attrs.evolve(c, read_on=None) for c in CASE_RULE.conditions) == tuple(
        attrs.evolve(c, read_on=None) for r in parts for c in r.conditions
    )


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


@pytest.fixture
def scratch() -> Iterator[None]:
    """Remove any rule a test registers, so the registry is as the rule modules left it."""
    before = dict(_registry._RULES)
    yield
    _registry._RULES.clear()
    _registry._RULES.update(before)
    _registry._UNCHECKED[:] = [
        r for r in _registry._UNCHECKED if _registry._RULES.get(r.id) is r
    ]


def variant(**changes: object) -> Rule:
    """The settlement rule under another id, with *changes*."""
    return attrs.evolve(SETTLEMENT_RULE, id="test.variant", **changes)  # type: ignore[arg-type]


BALANCE, REFUND = SETTLEMENT_RULE.checks
MONTHS = "apprenticeship.settlement_refund_months"


@pytest.mark.usefixtures("scratch")
@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        (
            {"conditions": (Condition(BALANCE, parameters=(MONTHS,)),)},
            r"checks without a condition \['apprenticeship\.settlement\.refund'\]",
        ),
        (
            {
                "conditions": (
                    Condition(BALANCE, parameters=(MONTHS,)),
                    Condition(REFUND),
                    Condition(REFUND),
                ),
            },
            r"checks with more than one condition \['apprenticeship\.settlement\.refund'\]",
        ),
        (
            {"checks": (BALANCE,)},
            r"conditions for checks the rule does not list \['apprenticeship\.settlement\.refund'\]",
        ),
        (
            {
                "conditions": (
                    Condition(BALANCE, parameters=(MONTHS, "apprenticeship.rounding")),
                    Condition(REFUND),
                ),
            },
            r"not in the rule's parameters \['apprenticeship\.rounding'\]",
        ),
        (
            {"parameters": (MONTHS, "apprenticeship.rounding")},
            r"parameters no condition reads \['apprenticeship\.rounding'\]",
        ),
        (
            {
                "conditions": (
                    Condition(BALANCE, parameters=(MONTHS,)),
                    Condition(REFUND),
                    Condition("test.unexplained"),
                ),
                "checks": (BALANCE, REFUND, "test.unexplained"),
            },
            r"no message registered for checks \['test\.unexplained'\]",
        ),
        (
            {"parameters": (MONTHS, "apprenticeship.nonsense")},
            r"unknown parameters \['apprenticeship\.nonsense'\]",
        ),
    ],
)
def test_register_refuses_conditions_that_do_not_match(
    changes: dict[str, object], problem: str
) -> None:
    """A rule whose conditions, checks and parameters disagree is not registered."""
    with pytest.raises(ValueError, match=problem) as raised:
        register(variant(**changes))
    assert "'test.variant'" in str(raised.value)
    assert "test.variant" not in _registry._RULES


@pytest.mark.usefixtures("scratch")
def test_unknown_documents_are_refused_on_first_listing() -> None:
    """A document missing from the bundled register fails rules() and get_rule()."""
    bad = variant(
        conditions=(
            Condition(BALANCE, parameters=(MONTHS,)),
            Condition(REFUND, sources=(RuleSource("no-such-document"),)),
        )
    )
    assert register(bad) is bad
    message = r"'test\.variant' cites documents not in the bundled register: 'no-such-document' \(in apprenticeship\.settlement\.refund\)"
    with pytest.raises(ValueError, match=message):
        rules()
    with pytest.raises(ValueError, match=message):
        get_rule("apprenticeship.settlement")


@pytest.mark.usefixtures("scratch")
def test_a_rule_with_known_documents_is_listed() -> None:
    """A correct new rule is checked once and then listed like the others."""
    good = variant(sources=(RuleSource("sz-2019-11"),))
    count = len(rules())
    register(good)
    assert good in _registry._UNCHECKED
    assert get_rule("test.variant") is good
    assert good not in _registry._UNCHECKED
    assert len(rules()) == count + 1


def test_conditions_are_compared_when_a_rule_is_registered_again() -> None:
    """Registering the same rule again is allowed; a changed one under its id is not."""
    assert register(SETTLEMENT_RULE) is SETTLEMENT_RULE
    changed = attrs.evolve(
        SETTLEMENT_RULE,
        conditions=(Condition(BALANCE, parameters=(MONTHS,)), Condition(REFUND)),
    )
    with pytest.raises(ValueError, match="already registered"):
        register(changed)
