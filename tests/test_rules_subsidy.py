"""Tests for Shenzhen's annual subsidy cap and the UI-subsidy exclusion (rule subsidy.cap)."""

from datetime import date

import attrs
import pytest

from hypothesis import given
from hypothesis import strategies as st

from rule_fixtures import resident, restricted
from skillchain import (
    InvalidValueError,
    OccupationCode,
    Outcome,
    Policy,
    Provenance,
    SkillLevel,
)
from skillchain.comparison import Case
from skillchain.model import (
    Certificate,
    CertificateKind,
    IssuerKind,
    SubsidyClaim,
    SubsidyKind,
)
from skillchain.rules import Judge, check_certificate_cap, get_rule
from skillchain.rules.subsidy import ANNUAL_CAP_RULE, annual_cap
from skillchain.testing.strategies import cases, subsidy_claims


WELDER = OccupationCode("6-18-02-04")
ELECTRICIAN = OccupationCode("6-31-01-03")
COOK = OccupationCode("4-03-02-01")
ON = date(2024, 6, 1)
PARAMETERS = (
    "subsidy.capped_kinds",
    "subsidy.ui_exclusive_kinds",
    "subsidy.claims_per_kind_per_year",
    "subsidy.claims_per_year_total",
)


def claim(
    kind: SubsidyKind,
    year: int = 2024,
    occupation: OccupationCode | None = WELDER,
    level: SkillLevel | None = SkillLevel.ADVANCED,
) -> SubsidyClaim:
    """A claim with the given kind, year, occupation and level."""
    return SubsidyClaim(kind=kind, year=year, occupation=occupation, level=level)


def checks_of(
    new: SubsidyClaim, history: tuple[SubsidyClaim, ...], on: date = ON
) -> dict[str, bool | None]:
    """The (check id -> held) map of the cap decision for *new* against *history*."""
    return {f.check: f.held for f in annual_cap(new, history, on=on).findings}


# --- hand-worked examples ---------------------------------------------------------------

THREE_IN_2024 = (
    claim(SubsidyKind.SKILL_UPGRADE, occupation=COOK, level=SkillLevel.INTERMEDIATE),
    claim(SubsidyKind.APPRENTICESHIP, occupation=ELECTRICIAN),
    claim(
        SubsidyKind.PROJECT_TRAINING, occupation=WELDER, level=SkillLevel.INTERMEDIATE
    ),
)


def test_a_fourth_capped_claim_in_one_year_is_refused() -> None:
    """Three capped claims in 2024 (FAQ: at most 3 a year) leave no room for a fourth."""
    new = claim(SubsidyKind.SKILL_EVALUATION)
    decision = annual_cap(new, THREE_IN_2024, on=ON)
    assert decision.outcome is Outcome.INELIGIBLE
    assert [f.check for f in decision.failed] == ["subsidy.cap.total"]
    total = decision.failed[0]
    assert (total.value("count"), total.value("maximum")) == (3, 3)
    assert checks_of(new, THREE_IN_2024)["subsidy.cap.per_kind"] is True


def test_a_third_capped_claim_in_one_year_passes() -> None:
    """Two capped claims in 2024 and a third of another kind: within every limit."""
    decision = annual_cap(claim(SubsidyKind.SKILL_EVALUATION), THREE_IN_2024[:2], on=ON)
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.amount is None
    assert decision.provenance is Provenance.OFFICIAL


def test_a_second_apprenticeship_claim_in_one_year_is_refused() -> None:
    """Each capped kind at most once per calendar year."""
    history = (claim(SubsidyKind.APPRENTICESHIP, occupation=ELECTRICIAN),)
    decision = annual_cap(claim(SubsidyKind.APPRENTICESHIP), history, on=ON)
    assert decision.outcome is Outcome.INELIGIBLE
    assert [f.check for f in decision.failed] == ["subsidy.cap.per_kind"]
    per_kind = decision.failed[0]
    assert (per_kind.value("count"), per_kind.value("maximum")) == (1, 1)


def test_a_claim_in_the_next_calendar_year_passes() -> None:
    """The count restarts with the claim's calendar year."""
    history = (*THREE_IN_2024, claim(SubsidyKind.SKILL_EVALUATION, occupation=COOK))
    new = claim(SubsidyKind.APPRENTICESHIP, year=2025)
    decision = annual_cap(new, history, on=date(2025, 2, 1))
    assert decision.outcome is Outcome.ELIGIBLE
    counts = {
        f.check: f.value("count")
        for f in decision.findings
        if f.check in {"subsidy.cap.per_kind", "subsidy.cap.total"}
    }
    assert counts == {"subsidy.cap.per_kind": 0, "subsidy.cap.total": 0}


def test_one_payment_per_occupation_and_level_across_capped_kinds() -> None:
    """A certificate of one occupation and level is subsidised once, whatever the kind or year."""
    history = (claim(SubsidyKind.SKILL_UPGRADE, year=2023),)
    same = annual_cap(claim(SubsidyKind.PROJECT_TRAINING), history, on=ON)
    assert same.outcome is Outcome.INELIGIBLE
    assert [f.check for f in same.failed] == ["subsidy.cap.per_level"]
    higher = claim(SubsidyKind.PROJECT_TRAINING, level=SkillLevel.TECHNICIAN)
    assert annual_cap(higher, history, on=ON).outcome is Outcome.ELIGIBLE
    other = claim(SubsidyKind.PROJECT_TRAINING, occupation=COOK)
    assert annual_cap(other, history, on=ON).outcome is Outcome.ELIGIBLE


@pytest.mark.parametrize(
    ("earlier", "new"),
    [
        (SubsidyKind.UNEMPLOYMENT_INSURANCE_SKILL, SubsidyKind.SKILL_UPGRADE),
        (SubsidyKind.UNEMPLOYMENT_INSURANCE_SKILL, SubsidyKind.GRADUATE_TRAINING),
        (SubsidyKind.SKILL_UPGRADE, SubsidyKind.UNEMPLOYMENT_INSURANCE_SKILL),
        (SubsidyKind.APPRENTICESHIP, SubsidyKind.UNEMPLOYMENT_INSURANCE_SKILL),
        (SubsidyKind.GRADUATE_TRAINING, SubsidyKind.UNEMPLOYMENT_INSURANCE_SKILL),
    ],
)
def test_the_ui_subsidy_excludes_the_others_in_both_directions(
    earlier: SubsidyKind, new: SubsidyKind
) -> None:
    """UI skill subsidy and 职业技能提升/高校毕业生/学徒制/项目制 exclude each other (same occupation and level)."""
    history = (claim(earlier, year=2023),)
    decision = annual_cap(claim(new), history, on=ON)
    assert decision.outcome is Outcome.INELIGIBLE
    assert "subsidy.cap.ui_exclusive" in [f.check for f in decision.failed]
    other_level = claim(new, level=SkillLevel.INTERMEDIATE)
    assert checks_of(other_level, history)["subsidy.cap.ui_exclusive"] is True


def test_skill_evaluation_is_capped_but_not_exclusive_with_the_ui_subsidy() -> None:
    """职业技能评价补贴 counts for the cap but is not in the FAQ's exclusion list."""
    history = (claim(SubsidyKind.UNEMPLOYMENT_INSURANCE_SKILL, year=2023),)
    checks = checks_of(claim(SubsidyKind.SKILL_EVALUATION), history)
    assert "subsidy.cap.ui_exclusive" not in checks
    assert all(checks.values())


def test_a_kind_outside_the_cap_and_the_exclusion_only_states_its_scope() -> None:
    """A living allowance is neither capped nor exclusive: only the scope finding."""
    decision = annual_cap(claim(SubsidyKind.LIVING_ALLOWANCE), THREE_IN_2024, on=ON)
    assert decision.outcome is Outcome.ELIGIBLE
    assert [f.check for f in decision.findings] == ["subsidy.cap.scope"]
    scope = decision.findings[0]
    assert (scope.value("capped"), scope.value("exclusive")) == (False, False)


def test_uncapped_claims_in_the_history_do_not_count() -> None:
    """Living allowances and UI subsidies in the year do not count towards the three."""
    history = (
        claim(SubsidyKind.LIVING_ALLOWANCE, occupation=None, level=None),
        claim(SubsidyKind.UNEMPLOYMENT_INSURANCE_SKILL, occupation=COOK),
        claim(SubsidyKind.GRADUATE_TRAINING, occupation=COOK),
        *THREE_IN_2024[:2],
    )
    decision = annual_cap(claim(SubsidyKind.SKILL_EVALUATION), history, on=ON)
    assert decision.outcome is Outcome.ELIGIBLE
    total = next(f for f in decision.findings if f.check == "subsidy.cap.total")
    assert total.value("count") == 2


def test_an_unknown_occupation_or_level_of_the_claim_is_undetermined() -> None:
    """Without the claim's occupation and level, an earlier capped claim might be the same."""
    history = (claim(SubsidyKind.SKILL_UPGRADE, year=2023),)
    decision = annual_cap(
        claim(SubsidyKind.APPRENTICESHIP, occupation=None, level=None), history, on=ON
    )
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("claim.occupation", "claim.level")
    # The earlier claim is a skill-upgrade one: it could break the one-payment rule,
    # not the exclusion with the unemployment-insurance subsidy (no such claim).
    assert {f.check for f in decision.undecided} == {"subsidy.cap.per_level"}


def test_with_no_earlier_claim_an_unknown_occupation_does_not_matter() -> None:
    """Nothing was claimed before: no earlier payment can stand in the way."""
    decision = annual_cap(
        claim(SubsidyKind.SKILL_UPGRADE, occupation=None, level=None), (), on=ON
    )
    assert decision.outcome is Outcome.ELIGIBLE
    assert checks_of(claim(SubsidyKind.SKILL_UPGRADE, occupation=None), ())[
        "subsidy.cap.per_level"
    ]


def test_every_unknown_is_named_together() -> None:
    """Claim and history both partly unknown: every field that could matter is named."""
    history = (
        claim(SubsidyKind.SKILL_UPGRADE, year=2022, level=None),
        claim(SubsidyKind.UNEMPLOYMENT_INSURANCE_SKILL, year=2022, occupation=None),
    )
    new = claim(SubsidyKind.APPRENTICESHIP, occupation=None)
    decision = annual_cap(new, history, on=ON)
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == (
        "claim.occupation",
        "history[0].level",
        "history[1].occupation",
    )


def test_a_kinds_list_out_of_force_is_named_with_the_history_unknowns() -> None:
    """Without the capped kinds, any earlier claim could count: its unknowns are named too."""
    lacking = restricted(
        Policy.default(), lambda name, _value: name != "subsidy.capped_kinds"
    )
    history = (claim(SubsidyKind.PROJECT_TRAINING, year=2022, level=None),)
    decision = annual_cap(
        claim(SubsidyKind.APPRENTICESHIP), history, on=ON, policy=lacking
    )
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("subsidy.capped_kinds", "history[0].level")
    per_level = next(f for f in decision.findings if f.check == "subsidy.cap.per_level")
    # The finding names the unknown facts first, then the list not in force.
    assert per_level.missing == ("history[0].level", "subsidy.capped_kinds")


def test_a_history_claim_that_could_match_leaves_the_check_undecided() -> None:
    """A past claim of the same occupation with no level recorded might be the same level."""
    history = (claim(SubsidyKind.SKILL_UPGRADE, year=2022, level=None),)
    decision = annual_cap(claim(SubsidyKind.APPRENTICESHIP), history, on=ON)
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("history[0].level",)
    unknown_occupation = (
        claim(SubsidyKind.UNEMPLOYMENT_INSURANCE_SKILL, year=2022, occupation=None),
    )
    decision = annual_cap(claim(SubsidyKind.APPRENTICESHIP), unknown_occupation, on=ON)
    assert decision.missing == ("history[0].occupation",)


def test_a_history_claim_that_cannot_match_is_ignored_even_if_partly_unknown() -> None:
    """A past claim for another occupation does not matter, whatever its level."""
    history = (
        claim(SubsidyKind.SKILL_UPGRADE, year=2022, occupation=COOK, level=None),
    )
    assert (
        annual_cap(claim(SubsidyKind.APPRENTICESHIP), history, on=ON).outcome
        is Outcome.ELIGIBLE
    )


def test_a_certain_conflict_outweighs_an_unknown_one() -> None:
    """One past claim certainly matches: ineligible, even if another might."""
    history = (
        claim(SubsidyKind.SKILL_UPGRADE, year=2022, level=None),
        claim(SubsidyKind.PROJECT_TRAINING, year=2022),
    )
    decision = annual_cap(claim(SubsidyKind.APPRENTICESHIP), history, on=ON)
    assert decision.outcome is Outcome.INELIGIBLE
    assert decision.missing == ()


# --- the period the cap is in force ----------------------------------------------------


@pytest.mark.parametrize(
    ("on", "outcome"),
    [
        (date(2023, 11, 14), Outcome.UNDETERMINED),
        (date(2023, 11, 15), Outcome.ELIGIBLE),
        (date(2025, 12, 31), Outcome.ELIGIBLE),
        (date(2026, 1, 1), Outcome.UNDETERMINED),
    ],
)
def test_the_cap_is_in_force_from_2023_11_15_to_2025_12_31(
    on: date, outcome: Outcome
) -> None:
    """深人社规〔2023〕8号's period, both ends, each side: no figure outside it."""
    decision = annual_cap(claim(SubsidyKind.SKILL_UPGRADE, year=on.year), (), on=on)
    assert decision.outcome is outcome
    if outcome is Outcome.UNDETERMINED:
        assert set(decision.missing) == set(PARAMETERS)


@pytest.mark.parametrize(
    ("claimed_on", "outcome"),
    [(date(2025, 12, 31), Outcome.ELIGIBLE), (date(2026, 1, 1), Outcome.UNDETERMINED)],
)
def test_a_claim_decided_later_keeps_the_limits_of_its_day(
    claimed_on: date, outcome: Outcome
) -> None:
    """Decided on 2026-02-01: a claim made on 2025-12-31 is judged under 深人社规〔2023〕8号."""
    new = claim(SubsidyKind.SKILL_UPGRADE, year=claimed_on.year)
    decision = annual_cap(new, (), on=date(2026, 2, 1), claimed_on=claimed_on)
    assert decision.outcome is outcome
    assert decision.on == date(2026, 2, 1)
    if outcome is Outcome.UNDETERMINED:
        assert set(decision.missing) == set(PARAMETERS)


def test_a_claim_made_after_it_is_decided_is_malformed() -> None:
    """claimed_on after on cannot be: InvalidValueError names the argument."""
    with pytest.raises(InvalidValueError, match="claimed_on"):
        annual_cap(
            claim(SubsidyKind.SKILL_UPGRADE),
            (),
            on=date(2024, 6, 1),
            claimed_on=date(2024, 6, 2),
        )


def test_every_limit_is_read_on_the_claim_day() -> None:
    """Each condition with figures declares the claim day as the day they are read on."""
    for condition in ANNUAL_CAP_RULE.conditions:
        assert condition.read_on is not None, condition.check
        assert condition.read_on.day == "claimed_on"


def test_an_overlay_changes_the_limit_and_the_fingerprint() -> None:
    """A district draft of two claims a year refuses the third and is a different policy."""
    draft = Policy.loads(
        """
[documents.draft-cap]
title = "年度补贴次数上限（示例草案）"
issuers = ["示例"]
level = "district"
provenance = "unverified"
[parameters."subsidy.claims_per_year_total"]
description_zh = "同一人每个自然年度享受上述补贴的总次数上限"
description_en = "Capped subsidies per person per calendar year"
unit = "claims"
[[parameters."subsidy.claims_per_year_total".values]]
since = 2024-01-01
until = 2025-12-31
value = 2
document = "draft-cap"
""",
        name="draft.toml",
    )
    policy = Policy.default().overlay(draft)
    new = claim(SubsidyKind.SKILL_EVALUATION)
    decision = annual_cap(new, THREE_IN_2024[:2], on=ON, policy=policy)
    assert decision.outcome is Outcome.INELIGIBLE
    assert decision.provenance is Provenance.UNVERIFIED
    assert (
        decision.policy_fingerprint
        == policy.fingerprint
        != Policy.default().fingerprint
    )


# --- explanation and registration ------------------------------------------------------


def test_the_explanation_reads_what_failed_first_with_its_documents() -> None:
    """zh and en explanations open with the failed condition and cite the FAQ."""
    history = (claim(SubsidyKind.APPRENTICESHIP, occupation=ELECTRICIAN),)
    decision = annual_cap(claim(SubsidyKind.APPRENTICESHIP), history, on=ON)
    zh = decision.explain("zh").splitlines()
    assert zh[0] == "subsidy.cap（版本 2026.2）2024-06-01：不符合"
    assert zh[2] == "未满足条件："
    assert (
        zh[3]
        == "  ✗ 2024 年已享受企业新型学徒制培训补贴 1 次，每类补贴每个自然年度至多 1 次"
    )
    assert (
        zh[4] == "      依据：《职业技能提升补贴常见问题（深圳市人社局，盐田区转载）》"
    )
    en = decision.explain("en").splitlines()
    assert en[3] == (
        "  ✗ In 2024 the person already had 1 claim(s) of the apprenticeship "
        "training subsidy; at most 1 per kind per calendar year"
    )
    assert "Met:" in en


def test_the_rule_is_registered_with_its_checks_and_parameters() -> None:
    """get_rule finds the cap; its declared parameters are the ones it reads."""
    rule = get_rule("subsidy.cap")
    assert rule is ANNUAL_CAP_RULE
    assert rule.parameters == PARAMETERS
    assert [s.document for s in rule.sources] == ["sz-annual-cap-faq-2024", "sz-2023-8"]
    assert rule.citations()[1].document.number == "深人社规〔2023〕8号"
    assert rule.title("en").startswith("Shenzhen annual cap")


# --- a claim for a certificate -----------------------------------------------------------


def certificate_claim(
    certificate: Certificate, history: tuple[SubsidyClaim, ...], claimed_on: date
) -> dict[str, tuple[bool | None, tuple[str, ...]]]:
    """check -> (held, missing) of a skill-upgrade claim for *certificate*."""
    judge = Judge(Policy.default(), claimed_on)
    check_certificate_cap(
        judge, SubsidyKind.SKILL_UPGRADE, certificate, history, claimed_on
    )
    return {f.check: (f.held, f.missing) for f in judge.findings}


def test_a_certificate_claim_counts_in_the_year_it_is_made() -> None:
    """After a skill-upgrade claim of 2024, another one for a 焊工 高级工 certificate
    made on 2024-06-01 is the second of the kind that year (refused); made on
    2025-01-05 it is the first of 2025."""
    cert = Certificate(
        holder=resident(date(1990, 7, 15)),
        kind=CertificateKind.SKILL_LEVEL,
        occupation=WELDER,
        level=SkillLevel.ADVANCED,
        issued_on=date(2024, 3, 1),
        issuer_kind=IssuerKind.SOCIAL_EVALUATION_ORGANISATION,
    )
    history = (claim(SubsidyKind.SKILL_UPGRADE, 2024, ELECTRICIAN),)
    made_in_2024 = certificate_claim(cert, history, date(2024, 6, 1))
    assert made_in_2024["subsidy.cap.per_kind"] == (False, ())
    made_in_2025 = certificate_claim(cert, history, date(2025, 1, 5))
    assert made_in_2025["subsidy.cap.per_kind"] == (True, ())


def test_a_certificate_claim_names_the_certificate_s_unknown_level() -> None:
    """A special-ability certificate has no level: an earlier capped claim for the
    same occupation could be for the same level, so ``certificate.level`` is named."""
    cert = Certificate(
        holder=resident(date(1990, 7, 15)),
        kind=CertificateKind.SPECIAL_ABILITY,
        occupation=WELDER,
        level=None,
        issued_on=date(2024, 3, 1),
        issuer_kind=IssuerKind.SOCIAL_EVALUATION_ORGANISATION,
    )
    found = certificate_claim(
        cert, (claim(SubsidyKind.APPRENTICESHIP, 2023),), date(2024, 6, 1)
    )
    assert found["subsidy.cap.per_level"] == (None, ("certificate.level",))
    # No unemployment-insurance skill subsidy in the history: the exclusion holds.
    assert found["subsidy.cap.ui_exclusive"] == (True, ())


# --- properties -------------------------------------------------------------------------


# The promises every rule keeps (the same arguments give equal decisions, only
# declared checks, figures read only on their day...) are checked for this rule with
# the others, by the contract in test_rules_contract.py.


@given(
    case=cases(ANNUAL_CAP_RULE.id),
    extra=subsidy_claims(),
    like=st.booleans(),
    where=st.integers(0, 6),
)
def test_adding_a_claim_never_turns_an_ineligible_decision_eligible(
    case: Case, extra: SubsidyClaim, like: bool, where: int
) -> None:
    """More history can only take room away: ineligible stays ineligible.  The claim
    added is often for the case's own occupation, level and year."""
    new, history = case.facts["claim"], case.facts["history"]
    assert isinstance(new, SubsidyClaim)
    assert isinstance(history, (list, tuple))
    if like:
        extra = attrs.evolve(
            extra, occupation=new.occupation, level=new.level, year=new.year
        )
    claimed_on = case.facts.get("claimed_on")
    assert claimed_on is None or isinstance(claimed_on, date)
    before = annual_cap(new, history, on=case.on, claimed_on=claimed_on)
    longer = (*history[:where], extra, *history[where:])
    after = annual_cap(new, longer, on=case.on, claimed_on=claimed_on)
    if before.outcome is Outcome.INELIGIBLE:
        assert after.outcome is Outcome.INELIGIBLE
    if after.outcome is Outcome.ELIGIBLE:
        assert before.outcome is Outcome.ELIGIBLE
