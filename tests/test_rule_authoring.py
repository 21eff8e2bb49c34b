"""Tests for writing a rule: one declaration per condition, one call per finding.

The figures are the bundled policy's: the prepayment share of a filed programme is
0.50 from 2020-10-23 (Guangdong's 2020 FAQ, unverified) and 0.40 from 2023-08-15
(粤人社规〔2023〕13号, secondary); the contract minimum is 12 months from 2021-06-08
(人社部发〔2021〕39号, official, its period inferred); the district quota has no value.
"""

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest

from skillchain import Decision, Outcome, Policy, Provenance
from skillchain._decision import message_for
from skillchain.errors import UnknownRuleError
from skillchain.rules import (
    APPRENTICE_RULE,
    Condition,
    Judge,
    ReadOn,
    Rule,
    RuleSource,
    get_rule,
    register,
    rules,
    unregister,
)


POLICY = Policy.default()
SHARE = "apprenticeship.prepayment_share_filed"
QUOTA = "apprenticeship.district_quota"
MINIMUM = "apprenticeship.contract_min_months"

PAID_SHARE = Condition(
    "demo.authoring.share",
    zh="预拨比例 {share}",
    en="Prepaid share {share}",
    facts=("request.filed",),
    parameters=(SHARE,),
    sources=(RuleSource("sz-2019-11"),),
)
WITHIN_QUOTA = Condition(
    "demo.authoring.quota",
    zh="名额 {quota}，申请 {wanted} 人",
    en="Quota {quota}, asking for {wanted}",
    facts=("request.apprentices",),
    parameters=(QUOTA,),
)
PRIORITY = Condition(
    "demo.authoring.priority",
    zh="优先：{value}",
    en="Priority: {value}",
    parameters=(SHARE,),
    advisory=True,
)
PAID = Condition(
    "demo.authoring.amount",
    zh="金额 {amount}",
    en="Amount {amount}",
    parameters=("apprenticeship.rounding",),
)


def decide_nothing(*, on: date, policy: Policy | None = None) -> Decision:
    """A rule function for registration tests (never called)."""
    return Judge(policy or POLICY, on).decide(APPRENTICE_RULE)


def demo_rule(*conditions: Condition, rule_id: str = "demo.authoring") -> Rule:
    """A rule of this test module (so its documents are checked as a user's)."""
    return Rule(
        id=rule_id,
        version="1",
        title_zh="示例",
        title_en="Demo",
        function=decide_nothing,
        sources=(RuleSource("sz-2019-11"),),
        conditions=conditions,
    )


@pytest.fixture
def scratch() -> Iterator[None]:
    """Remove the rules a test registers."""
    before = {rule.id for rule in rules()}
    yield
    for rule in rules():
        if rule.id not in before:
            unregister(rule.id)


def test_a_finding_cites_the_condition_and_the_value_in_force_that_day() -> None:
    """The condition's own source, then the document of its figure on that day."""
    for day, document, share in (
        (date(2022, 6, 1), "gd-2020-apprenticeship-faq", "0.50"),
        (date(2024, 6, 1), "gd-2023-13", "0.40"),
    ):
        judge = Judge(POLICY, day)
        (value,) = judge.values(PAID_SHARE)
        assert value == Decimal(share)
        judge.record(PAID_SHARE, True, (("share", value),), (True,))
        (finding,) = judge.findings
        assert [c.document.id for c in finding.citations] == ["sz-2019-11", document]
        assert finding.missing == ()


def test_the_provenance_is_the_weakest_of_the_deciding_figures() -> None:
    """0.50 is unverified (2022); 0.40 is secondary (2024)."""
    for day, provenance in (
        (date(2022, 6, 1), Provenance.UNVERIFIED),
        (date(2024, 6, 1), Provenance.SECONDARY),
    ):
        judge = Judge(POLICY, day)
        judge.record(PAID_SHARE, True)
        assert judge.provenance is provenance


def test_an_advisory_finding_neither_decides_nor_weighs_on_provenance() -> None:
    """A failed advisory condition leaves the case eligible and claims no provenance."""
    judge = Judge(POLICY, date(2022, 6, 1))
    assert judge.record(PRIORITY, False, (("value", False),)) is False
    assert judge.outcome is Outcome.ELIGIBLE
    assert judge.provenance is None


def test_missing_names_come_from_the_declaration() -> None:
    """An unknown fact is named under its declared path, then the unknown figure."""
    judge = Judge(POLICY, date(2024, 6, 1))
    assert judge.value(WITHIN_QUOTA) is None
    judge.record(WITHIN_QUOTA, None, (("quota", None), ("wanted", None)), (None,))
    judge.record(WITHIN_QUOTA, None, (), (3,), prefix="")
    judge.record(WITHIN_QUOTA, None, (), (None,), prefix="case.")
    judge.record(WITHIN_QUOTA, None, (), missing=["request.items[2].count"])
    assert [f.missing for f in judge.findings] == [
        ("request.apprentices", QUOTA),
        (QUOTA,),
        ("case.request.apprentices", QUOTA),
        ("request.items[2].count", QUOTA),
    ]
    assert judge.outcome is Outcome.UNDETERMINED


def test_figures_are_read_on_the_day_given() -> None:
    """Judged in 2024 with the figure of a 2022 day: 0.50 and its document."""
    judge = Judge(POLICY, date(2024, 6, 1))
    assert judge.value(PAID_SHARE, day=date(2022, 6, 1)) == Decimal("0.50")
    judge.record(PAID_SHARE, True, day=date(2022, 6, 1))
    (finding,) = judge.findings
    assert finding.citations[-1].document.id == "gd-2020-apprenticeship-faq"


def test_an_amount_is_rounded_by_the_condition_s_last_figure() -> None:
    """Apprenticeship amounts are rounded to the fen, half up: 1234.565 -> 1234.57."""
    judge = Judge(POLICY, date(2024, 6, 1))
    amount = judge.rounded(PAID, Decimal("1234.565"), (("exact", Decimal("1234.565")),))
    assert amount == Decimal("1234.57")
    (finding,) = judge.findings
    assert dict(finding.values)["amount"] == Decimal("1234.57")
    assert [name for name, _ in finding.values] == [
        "exact",
        "quantum",
        "mode",
        "amount",
    ]


def test_the_figures_of_a_day_are_prepared_once() -> None:
    """Two judges of one policy and day share what a condition rests on."""
    first = Judge(POLICY, date(2024, 6, 1))
    second = Judge(POLICY, date(2024, 6, 1))
    assert first.values(PAID_SHARE) is second.values(PAID_SHARE)


def test_under_moves_fact_paths_and_the_read_on_day() -> None:
    """A combined rule declares a sub-rule's condition under its own argument."""
    moved = Condition(
        "demo.authoring.start",
        facts=("programme.start",),
        read_on=ReadOn("programme.start", "filed before it starts"),
    ).under("enrolment")
    assert moved.facts == ("enrolment.programme.start",)
    assert moved.read_on is not None
    assert moved.read_on.day == "enrolment.programme.start"


@pytest.mark.usefixtures("scratch")
def test_registering_derives_parameters_checks_and_messages() -> None:
    """The rule's parameters, checks and messages all come from its conditions."""
    rule = register(demo_rule(PAID_SHARE, WITHIN_QUOTA, PRIORITY))
    assert rule.parameters == (SHARE, QUOTA)
    assert rule.checks == (
        "demo.authoring.share",
        "demo.authoring.quota",
        "demo.authoring.priority",
    )
    message = message_for("demo.authoring.quota")
    assert message is not None
    assert message.en == "Quota {quota}, asking for {wanted}"
    assert get_rule("demo.authoring") is rule


def refused_rules() -> list[tuple[Rule, str]]:
    """Broken rules and what the refusal must say."""
    twice = Condition("demo.authoring.share", zh="别的", en="other")
    return [
        (
            demo_rule(PAID_SHARE, PAID_SHARE),
            r"checks with more than one condition \['demo\.authoring\.share'\]",
        ),
        (
            demo_rule(Condition("demo.authoring.silent")),
            r"conditions without zh and en messages \['demo\.authoring\.silent'\]",
        ),
        (
            demo_rule(Condition("demo.authoring.bad", zh="{0}", en="{a.b}")),
            r"placeholders must be plain names",
        ),
        (
            demo_rule(
                Condition(
                    "demo.authoring.odd", zh="x", en="x", parameters=("demo.nonsense",)
                )
            ),
            r"unknown parameters \['demo\.nonsense'\]",
        ),
        (
            demo_rule(
                Condition(
                    "demo.authoring.doc",
                    zh="x",
                    en="x",
                    sources=(RuleSource("no-such-document"),),
                )
            ),
            r"cites documents not in the policy's register: 'no-such-document' \(in demo\.authoring\.doc\)",
        ),
        (
            demo_rule(PAID_SHARE, rule_id="Demo Authoring"),
            r"lower-case words joined by dots",
        ),
        (
            demo_rule(Condition(APPRENTICE_RULE.checks[1], zh="别的", en="other")),
            r"checks already declared differently by another rule",
        ),
        (demo_rule(twice, rule_id="apprenticeship.apprentice"), r"already registered"),
    ]


@pytest.mark.usefixtures("scratch")
@pytest.mark.parametrize(
    ("rule", "problem"), refused_rules(), ids=lambda v: getattr(v, "id", "")[:30]
)
def test_a_broken_rule_is_refused_and_poisons_nothing(rule: Rule, problem: str) -> None:
    """Refused at register, naming the rule and the problem; every other rule works."""
    before = rules()
    with pytest.raises(ValueError, match=problem):
        register(rule)
    assert rules() == before
    assert get_rule("apprenticeship.apprentice") is APPRENTICE_RULE
    if rule.id != "apprenticeship.apprentice":
        with pytest.raises(UnknownRuleError):
            get_rule(rule.id)
    for condition in rule.conditions:
        if condition.check.startswith("demo."):
            assert message_for(condition.check) is None


@pytest.mark.usefixtures("scratch")
def test_a_removed_rule_can_be_registered_again_corrected() -> None:
    """unregister forgets the rule's own checks, so a corrected text is accepted."""
    register(demo_rule(WITHIN_QUOTA))
    unregister("demo.authoring")
    assert message_for("demo.authoring.quota") is None
    corrected = Condition(
        "demo.authoring.quota",
        zh="名额 {quota}",
        en="Quota {quota}",
        parameters=(QUOTA,),
    )
    register(demo_rule(corrected))
    message = message_for("demo.authoring.quota")
    assert message is not None
    assert message.en == "Quota {quota}"
    with pytest.raises(UnknownRuleError):
        unregister("demo.never")
