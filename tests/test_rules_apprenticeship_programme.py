"""Tests for the programme-validity rule (apprenticeship.programme).

Hand-worked cases: 1-2 years, up to 3 in a special case (人社部发〔2021〕39号 as
summarised); 企校双师带徒 and 工学交替 (深人社规〔2019〕11号 art. 2); partner kinds
(the Shenzhen three, enterprise training centres from 2021-06-08); mainly (为主)
中级工 … 高级技师, an advisory finding; online hours at most the district's share of
the professional-basics hours (district-supplied: Luohu's 2023 call set 50 % for
Luohu, which the tests' district overlay copies); the district's occupation
directory, which the bundled policy does not supply either.  The figures are read
on the programme's start, so boundary days are tested as programme starts.
"""

from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest

from hypothesis import given
from hypothesis import strategies as st

from rule_fixtures import (
    DIRECTORY_OCCUPATION,
    WITH_DIRECTORY,
    WITH_DISTRICT,
    directory_overlay,
    district_figures_overlay,
)
from skillchain import (
    CreditCode,
    DivisionCode,
    OccupationCode,
    Outcome,
    Policy,
    SkillLevel,
)
from skillchain._decision import Decision, message_for
from skillchain.comparison import Case
from skillchain.model import (
    ApprenticeshipProgramme,
    Enterprise,
    EnterpriseSize,
    EvaluationQualification,
    InstitutionKind,
    Mentor,
    MentorSide,
    ProgrammeStatus,
    TrainingInstitution,
    TrainingMode,
)
from skillchain.rules import Judge, enterprise_eligibility, get_rule
from skillchain.rules.apprenticeship.programme import (
    PROGRAMME_RULE,
    check_programme,
    programme_validity,
)
from skillchain.testing.strategies import cases


ON = date(2024, 3, 1)
WELDER = OccupationCode("6-18-02-04")
PLANNED = "apprenticeship.programme.planned_months"
PARTNER = "apprenticeship.programme.partner_kind"
LEVEL = "apprenticeship.programme.target_level_priority"
ONLINE = "apprenticeship.programme.online_share"
NO_ONLINE = "apprenticeship.programme.no_online_hours"
#: The checks a programme with online hours emits, in order.
EMITTED = [c for c in PROGRAMME_RULE.checks if c != NO_ONLINE]
DIRECTORY = "apprenticeship.programme.occupation_directory"


def programme(**changes: Any) -> ApprenticeshipProgramme:
    """A 2024 programme: 24 months, 高级工, technical-school partner, online 40 of 100 h."""
    base = ApprenticeshipProgramme(
        enterprise=CreditCode("9144030400000000J0"),
        institution=TrainingInstitution(
            name="深圳市某技工学校", kind=InstitutionKind.TECHNICAL_SCHOOL
        ),
        occupation=DIRECTORY_OCCUPATION,
        target_level=SkillLevel.ADVANCED,
        start=ON,
        planned_months=24,
        modes=frozenset(TrainingMode),
        enterprise_mentor=Mentor(name="李师傅", side=MentorSide.ENTERPRISE),
        institution_mentor=Mentor(name="王老师", side=MentorSide.INSTITUTION),
        online_hours=Decimal(40),
        professional_basics_hours=Decimal(100),
        status=ProgrammeStatus.APPLIED,
    )
    return attrs.evolve(base, **changes)


def partner(kind: InstitutionKind) -> TrainingInstitution:
    """A partner institution of *kind*."""
    return TrainingInstitution(name="某培训机构", kind=kind)


def finding(decision: Decision, check: str) -> tuple[bool | None, tuple[str, ...]]:
    """Whether the finding *check* held, and what it lacked."""
    found = [f for f in decision.findings if f.check == check]
    assert len(found) == 1, check
    return found[0].held, found[0].missing


def only_failure(decision: Decision) -> str:
    """The id of the one failed finding (asserting there is exactly one)."""
    assert decision.outcome is Outcome.INELIGIBLE
    (failed,) = decision.failed
    return failed.check


# --- hand-worked cases -----------------------------------------------------------------


def test_valid_2024_programme_is_eligible_where_the_district_supplies_its_figures() -> (
    None
):
    """24 months, 高级工, technical school, online 40 of 100 h (at most 50 with the
    district's share of 0.50), listed: valid."""
    decision = programme_validity(programme(), on=ON, policy=WITH_DISTRICT)
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.version == "2026.2"
    assert [f.check for f in decision.findings] == EMITTED
    assert all(f.held is True for f in decision.findings)
    assert decision.priority_met is True
    online = decision.findings[EMITTED.index(ONLINE)]
    assert online.value("limit") == Decimal(50)


def test_with_the_bundled_policy_the_online_share_and_directory_are_undetermined() -> (
    None
):
    """The bundled policy has neither the district's online share nor its directory."""
    decision = programme_validity(programme(), on=ON)
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == (
        "apprenticeship.online_share_max",
        "apprenticeship.occupation_directory",
    )
    assert [f.check for f in decision.undecided] == [ONLINE, DIRECTORY]


def test_the_online_share_is_luohus_2023_figure_not_a_bundled_futian_one() -> None:
    """Luohu's 2023 call set 50 % for Luohu: the bundled (Futian) policy declares the
    share with no value on any day, and its note says whose the figure is."""
    param = Policy.default().parameters["apprenticeship.online_share_max"]
    assert param.values == ()
    assert param.note is not None
    assert "Luohu" in param.note
    assert "50 %" in param.note


def test_no_online_hours_meet_any_limit_without_reading_it() -> None:
    """Nothing taught online: no limit can be broken, even the bundled policy's
    missing one (a finding of its own, no parameter read)."""
    decision = programme_validity(
        programme(online_hours=Decimal(0)), on=ON, policy=WITH_DIRECTORY
    )
    assert decision.outcome is Outcome.ELIGIBLE
    assert finding(decision, NO_ONLINE) == (True, ())
    assert ONLINE not in [f.check for f in decision.findings]


@pytest.mark.parametrize(
    ("months", "special", "held"),
    [
        (30, False, False),  # beyond two years, not a special case
        (30, True, True),  # up to three years in a special case
        (36, True, True),
        (37, True, False),
        (24, False, True),
        (24, None, True),  # within the ordinary bound: the special case is moot
        (25, False, False),
        (12, None, True),
        (11, True, False),  # too short whatever the case
        (37, None, False),  # beyond even the special bound
    ],
)
def test_planned_period_one_to_two_years_up_to_three_in_a_special_case(
    months: int, special: bool | None, held: bool
) -> None:
    """12-24 months; 36 when special_case is true."""
    decision = programme_validity(
        programme(planned_months=months, special_case=special),
        on=ON,
        policy=WITH_DISTRICT,
    )
    assert finding(decision, PLANNED) == (held, ())
    assert decision.outcome is (Outcome.ELIGIBLE if held else Outcome.INELIGIBLE)


def test_planned_period_in_the_special_band_with_special_case_unknown_is_undecided() -> (
    None
):
    """30 months and special_case None: only the special case can settle it."""
    decision = programme_validity(
        programme(planned_months=30), on=ON, policy=WITH_DISTRICT
    )
    assert finding(decision, PLANNED) == (None, ("programme.special_case",))
    assert decision.outcome is Outcome.UNDETERMINED


@pytest.mark.parametrize(
    ("online", "basics", "held"),
    [
        (Decimal(60), Decimal(100), False),
        (Decimal(50), Decimal(100), True),
        (Decimal("50.1"), Decimal(100), False),
        (Decimal(1), Decimal(0), False),
    ],
)
def test_online_hours_at_most_half_the_professional_basics_hours(
    online: Decimal, basics: Decimal, held: bool
) -> None:
    """With a district share of 0.50: 60 of 100 h online fails; 50 of 100 h holds (the
    limit is inclusive)."""
    decision = programme_validity(
        programme(online_hours=online, professional_basics_hours=basics),
        on=ON,
        policy=WITH_DISTRICT,
    )
    assert finding(decision, ONLINE) == (held, ())


@pytest.mark.parametrize(
    ("changes", "missing"),
    [
        ({"online_hours": None}, ("programme.online_hours",)),
        (
            {"professional_basics_hours": None},
            ("programme.professional_basics_hours",),
        ),
        (
            {"online_hours": None, "professional_basics_hours": None},
            ("programme.online_hours", "programme.professional_basics_hours"),
        ),
    ],
)
def test_online_share_with_hours_unknown_is_undecided(
    changes: dict[str, Any], missing: tuple[str, ...]
) -> None:
    """Either hours figure unknown: the share cannot be judged."""
    decision = programme_validity(programme(**changes), on=ON, policy=WITH_DISTRICT)
    assert finding(decision, ONLINE) == (None, missing)
    assert decision.outcome is Outcome.UNDETERMINED


def test_online_share_with_hours_and_share_unknown_names_all_three() -> None:
    """No early stop: the unknown hours and the district's missing share together."""
    decision = programme_validity(
        programme(online_hours=None), on=ON, policy=WITH_DIRECTORY
    )
    assert finding(decision, ONLINE) == (
        None,
        ("programme.online_hours", "apprenticeship.online_share_max"),
    )


@pytest.mark.parametrize(
    ("modes", "check"),
    [
        (
            frozenset({TrainingMode.WORK_STUDY_ALTERNATION}),
            "apprenticeship.programme.dual_mentors",
        ),
        (frozenset({TrainingMode.DUAL_MENTORS}), "apprenticeship.programme.work_study"),
    ],
)
def test_both_delivery_modes_are_required(
    modes: frozenset[TrainingMode], check: str
) -> None:
    """企校双师带徒 and 工学交替: missing either one fails its own finding."""
    decision = programme_validity(programme(modes=modes), on=ON, policy=WITH_DISTRICT)
    assert only_failure(decision) == check


@pytest.mark.parametrize(
    ("kind", "held"),
    [
        (InstitutionKind.TECHNICAL_SCHOOL, True),
        (InstitutionKind.VOCATIONAL_COLLEGE, True),
        (InstitutionKind.TRAINING_INSTITUTION, True),
        (InstitutionKind.ENTERPRISE_TRAINING_CENTRE, True),
        (InstitutionKind.UNIVERSITY, False),
        (InstitutionKind.PUBLIC_TRAINING_BASE, False),
    ],
)
def test_partner_institution_kinds_in_2024(kind: InstitutionKind, held: bool) -> None:
    """院校, 职业培训机构 and 企业培训中心 may partner; others may not."""
    decision = programme_validity(
        programme(institution=partner(kind)), on=ON, policy=WITH_DISTRICT
    )
    assert finding(decision, PARTNER) == (held, ())


@pytest.mark.parametrize(
    ("level", "main"),
    [
        (SkillLevel.APPRENTICE, False),
        (SkillLevel.ELEMENTARY, False),
        (SkillLevel.INTERMEDIATE, True),
        (SkillLevel.TECHNICIAN, True),
        (SkillLevel.SENIOR_TECHNICIAN, True),
        (SkillLevel.SPECIAL_TECHNICIAN, False),
    ],
)
def test_target_levels_are_mainly_intermediate_to_senior_technician(
    level: SkillLevel, main: bool
) -> None:
    """Programmes mainly (为主) train for 中级工 … 高级技师: outside them the priority
    is lower, and the programme is never refused on the level."""
    decision = programme_validity(
        programme(target_level=level), on=ON, policy=WITH_DISTRICT
    )
    assert finding(decision, LEVEL) == (main, ())
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.priority_met is main


# --- the district directory ---------------------------------------------------------------


def test_an_overlay_supplying_a_directory_decides_both_ways() -> None:
    """Listed: held; not listed: failed.  The overlay changes the fingerprint."""
    listed = programme_validity(programme(), on=ON, policy=WITH_DISTRICT)
    unlisted = programme_validity(
        programme(occupation=WELDER), on=ON, policy=WITH_DISTRICT
    )
    assert finding(listed, DIRECTORY) == (True, ())
    assert only_failure(unlisted) == DIRECTORY
    assert unlisted.failed[0].value("occupation") == WELDER
    assert listed.policy_fingerprint != Policy.default().fingerprint


def test_directory_for_programmes_starting_2023_12_31_and_2024_01_01() -> None:
    """The test directory is in force from 2024-01-01: undecided for a programme that
    started the day before, even when decided later."""
    before = programme_validity(
        programme(start=date(2023, 12, 31)), on=ON, policy=WITH_DISTRICT
    )
    first = programme_validity(
        programme(start=date(2024, 1, 1)), on=ON, policy=WITH_DISTRICT
    )
    assert finding(before, DIRECTORY) == (
        None,
        ("apprenticeship.occupation_directory",),
    )
    assert finding(first, DIRECTORY) == (True, ())


def test_an_expired_directory_is_not_reused() -> None:
    """A directory that ended on 2024-12-31 gives no answer to a 2025 programme."""
    policy = Policy.default().overlay(
        directory_overlay(str(DIRECTORY_OCCUPATION), until="2024-12-31")
    )
    last = programme_validity(
        programme(start=date(2024, 12, 31)), on=date(2024, 12, 31), policy=policy
    )
    after = programme_validity(
        programme(start=date(2025, 1, 1)), on=date(2025, 1, 1), policy=policy
    )
    assert finding(last, DIRECTORY) == (True, ())
    assert finding(after, DIRECTORY) == (None, ("apprenticeship.occupation_directory",))


# --- boundary days (D-1, D), as programme starts -----------------------------------------


def test_partner_kinds_gain_enterprise_training_centres_on_2021_06_08() -> None:
    """The Shenzhen three only for programmes starting until 2021-06-07; 企业培训中心
    too from 2021-06-08."""
    centre = partner(InstitutionKind.ENTERPRISE_TRAINING_CENTRE)
    before = programme_validity(
        programme(institution=centre, start=date(2021, 6, 7)), on=date(2021, 6, 7)
    )
    first = programme_validity(
        programme(institution=centre, start=date(2021, 6, 8)), on=date(2021, 6, 8)
    )
    assert finding(before, PARTNER) == (False, ())
    assert finding(first, PARTNER) == (True, ())
    for day in (date(2021, 6, 7), date(2021, 6, 8)):
        school = programme(start=day)
        assert finding(programme_validity(school, on=day), PARTNER) == (True, ())


def test_the_partner_kinds_of_the_programme_start_apply_when_decided_later() -> None:
    """A programme with an enterprise training centre that started on 2021-03-01 and is
    decided in 2024: the kinds in force when it started (the Shenzhen three) apply."""
    plan = programme(
        institution=partner(InstitutionKind.ENTERPRISE_TRAINING_CENTRE),
        start=date(2021, 3, 1),
    )
    decision = programme_validity(plan, on=ON)
    assert finding(decision, PARTNER) == (False, ())


def test_partner_kinds_boundary_2019_12_18_and_2019_12_19() -> None:
    """Before the Shenzhen measure no partner kinds are in force: undecided."""
    before = programme_validity(programme(start=date(2019, 12, 18)), on=ON)
    first = programme_validity(programme(start=date(2019, 12, 19)), on=ON)
    assert finding(before, PARTNER) == (
        None,
        ("apprenticeship.partner_institution_kinds",),
    )
    assert finding(first, PARTNER) == (True, ())


def test_period_and_level_bounds_boundary_2021_06_07_and_2021_06_08() -> None:
    """The period bounds and main levels are in force from 2021-06-08
    (人社部发〔2021〕39号), for programmes starting that day or later."""
    before = programme_validity(programme(start=date(2021, 6, 7)), on=ON)
    first = programme_validity(programme(start=date(2021, 6, 8)), on=ON)
    # No bound is known: with special_case unknown, whether it is a special case
    # may settle it too, so it is named first, then every bound without a value.
    bounds = (
        "apprenticeship.planned_months_min",
        "apprenticeship.planned_months_max",
        "apprenticeship.planned_months_max_special",
    )
    assert finding(before, PLANNED) == (None, ("programme.special_case", *bounds))
    # Not a special case: the special case is not asked for, nor the special
    # maximum; the ordinary bounds are named.
    assert finding(
        programme_validity(
            programme(special_case=False, start=date(2021, 6, 7)), on=ON
        ),
        PLANNED,
    ) == (None, bounds[:2])
    assert finding(before, LEVEL) == (
        None,
        ("apprenticeship.target_level_min", "apprenticeship.target_level_max"),
    )
    assert finding(first, PLANNED) == (True, ())
    assert finding(first, LEVEL) == (True, ())


def test_a_district_online_share_from_2024_01_01_decides_from_that_day() -> None:
    """A district share in force from 2024-01-01: a programme starting on 2023-12-31
    is undecided, one starting on 2024-01-01 is judged (60 of 100 h > 50)."""
    policy = WITH_DIRECTORY.overlay(district_figures_overlay(since="2024-01-01"))
    over = {"online_hours": Decimal(60)}
    before = programme_validity(
        programme(start=date(2023, 12, 31), **over), on=ON, policy=policy
    )
    first = programme_validity(
        programme(start=date(2024, 1, 1), **over), on=ON, policy=policy
    )
    assert finding(before, ONLINE) == (None, ("apprenticeship.online_share_max",))
    assert finding(first, ONLINE) == (False, ())


# --- explanations -----------------------------------------------------------------------


def test_explanation_in_english_shows_the_online_arithmetic_first() -> None:
    """The en explanation: the failed online share with its arithmetic and document."""
    plan = programme(online_hours=Decimal(60), planned_months=30, special_case=False)
    lines = programme_validity(plan, on=ON, policy=WITH_DISTRICT).explain("en")
    assert lines.splitlines()[0] == (
        "apprenticeship.programme (version 2026.2) on 2024-03-01: ineligible"
    )
    assert lines.splitlines()[2:8] == [
        "Not met:",
        (
            "  ✗ The planned training period is 30 months; it must be 12 to 24 months, "
            "or up to 36 in a special case (special case: no)"
        ),
        (
            "      source: Guiding opinion on fully implementing the Chinese-characteristics "
            "enterprise new-type apprenticeship (人社部发〔2021〕39号) (period in force "
            "inferred)"
        ),
        (
            "  ✗ Online hours 60 must not exceed the professional-basics hours "
            "100 × 0.50 = 50.00"
        ),
        "      source: 《测试用区学徒制线上学时与自有培训中心规定》",
        "Met:",
    ]


def test_explanation_in_chinese_names_the_missing_directory() -> None:
    """The zh explanation of the bundled policy asks for the district directory."""
    text = programme_validity(programme(), on=ON).explain("zh")
    assert (
        "  ? 培训职业（工种）6-31-01-03在区学徒培养职业（工种）指导目录内：未知\n"
        "      缺少：apprenticeship.occupation_directory\n"
    ) in text
    assert (
        "  ✓ 采用工学交替培养：是\n"
        "      依据：《深圳市推行企业新型学徒制实施办法》（深人社规〔2019〕11号） 第二条\n"
    ) in text


# --- registration and sharing ------------------------------------------------------------


def test_rule_is_registered_with_its_parameters_and_checks() -> None:
    """The rule is in the registry; every check has a message, every parameter is known."""
    assert get_rule("apprenticeship.programme") is PROGRAMME_RULE
    assert PROGRAMME_RULE.function is programme_validity
    assert all(message_for(check) is not None for check in PROGRAMME_RULE.checks)
    assert "apprenticeship.occupation_directory" in PROGRAMME_RULE.parameters


def test_check_programme_does_not_judge_the_enterprise_own_centre_size() -> None:
    """An enterprise training centre partner: only the kind is judged here."""
    judge = Judge(Policy.default(), ON)
    check_programme(
        judge,
        programme(institution=partner(InstitutionKind.ENTERPRISE_TRAINING_CENTRE)),
    )
    checks = [f.check for f in judge.findings]
    assert checks == EMITTED
    assert "apprenticeship.enterprise.own_centre_size" not in checks


# --- the enterprise rule: the own training centre ------------------------------------------


OWN_CENTRE = "apprenticeship.enterprise.own_centre_size"


def firm(size: EnterpriseSize | None) -> Enterprise:
    """A Futian enterprise meeting the service guide's conditions, of *size*."""
    return Enterprise(
        credit_code=CreditCode("9144030400000000J0"),
        name="某电气公司",
        registered_division=DivisionCode("440304"),
        independent_legal_person=True,
        operating_normally=True,
        on_dishonest_list=False,
        has_training_system=True,
        has_mentors_premises_equipment=True,
        size=size,
        evaluation_qualifications=(
            EvaluationQualification(
                occupation=DIRECTORY_OCCUPATION, max_level=SkillLevel.TECHNICIAN
            ),
        ),
    )


def own_centre(credit_code: str | None = "9144030400000000J0") -> TrainingInstitution:
    """An enterprise training centre, by default the enterprise's own."""
    return TrainingInstitution(
        name="某电气公司培训中心",
        kind=InstitutionKind.ENTERPRISE_TRAINING_CENTRE,
        credit_code=CreditCode(credit_code) if credit_code else None,
    )


def test_an_own_centre_waits_for_the_districts_size_rule() -> None:
    """Luohu's 2023 call let large enterprises' centres deliver in Luohu; Futian's
    rule is not published, so the bundled policy leaves it undetermined."""
    decision = enterprise_eligibility(
        firm(EnterpriseSize.LARGE), programme(institution=own_centre()), on=ON
    )
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("apprenticeship.own_centre_min_size",)
    assert decision.version == "2026.2"
    param = Policy.default().parameters["apprenticeship.own_centre_min_size"]
    assert param.values == ()


@pytest.mark.parametrize(
    ("size", "held"),
    [
        (EnterpriseSize.LARGE, True),
        (EnterpriseSize.MEDIUM, False),
        (EnterpriseSize.SMALL, False),
    ],
)
def test_with_a_large_enterprise_rule_only_large_enterprises_own_centres_deliver(
    size: EnterpriseSize, held: bool
) -> None:
    """With the district's rule (the test overlay copies Luohu's: large only)."""
    decision = enterprise_eligibility(
        firm(size), programme(institution=own_centre()), on=ON, policy=WITH_DISTRICT
    )
    assert [f.held for f in decision.findings if f.check == OWN_CENTRE] == [held]


def test_a_centre_without_a_credit_code_may_be_the_enterprises_own() -> None:
    """An enterprise training centre of unknown credit code may be the enterprise's
    own: undecided, naming the code, never passed over."""
    decision = enterprise_eligibility(
        firm(EnterpriseSize.LARGE),
        programme(institution=own_centre(None)),
        on=ON,
        policy=WITH_DISTRICT,
    )
    assert decision.missing == ("programme.institution.credit_code",)
    other = enterprise_eligibility(
        firm(EnterpriseSize.SMALL),
        programme(institution=own_centre("91440300MA5F000007")),
        on=ON,
        policy=WITH_DISTRICT,
    )
    assert OWN_CENTRE not in [f.check for f in other.findings]


def test_the_size_rule_of_the_programme_start_applies() -> None:
    """A district rule from 2024-01-01: a programme that started on 2023-12-31 is
    undecided even when decided in 2024."""
    policy = WITH_DIRECTORY.overlay(district_figures_overlay(since="2024-01-01"))
    plans = [
        programme(institution=own_centre(), start=day)
        for day in (date(2023, 12, 31), date(2024, 1, 1))
    ]
    before, first = (
        enterprise_eligibility(firm(EnterpriseSize.LARGE), plan, on=ON, policy=policy)
        for plan in plans
    )
    assert before.missing == ("apprenticeship.own_centre_min_size",)
    assert first.outcome is Outcome.ELIGIBLE


# --- citations: the condition's documents, then its figures' ------------------------------


def cited(decision: Decision, check: str) -> list[tuple[str, str | None, bool]]:
    """(register id, article, period inferred) of each citation of the finding *check*."""
    (found,) = [f for f in decision.findings if f.check == check]
    return [(c.document.id, c.article, c.period_inferred) for c in found.citations]


def test_partner_kind_cites_shenzhen_art_2_then_the_kinds_document() -> None:
    """From 2021-06-08 the kinds are 39号's (dated by inference): art. 2, where the
    condition comes from, then 39号.  Before, the kinds are art. 2's own value (its
    last day, 2021-06-07, inferred), which takes the place of the bare source: one
    citation."""
    assert cited(programme_validity(programme(), on=ON), PARTNER) == [
        ("sz-2019-11", "第二条", False),
        ("mohrss-2021-39", None, True),
    ]
    early = programme_validity(programme(start=date(2021, 3, 1)), on=ON)
    assert cited(early, PARTNER) == [("sz-2019-11", "第二条", True)]


def test_the_directory_cites_futians_letter_then_the_districts_list() -> None:
    """The directory comes from Futian's 2024 reply letter; the list itself is the
    district's document (here the test overlay's)."""
    decision = programme_validity(programme(), on=ON, policy=WITH_DISTRICT)
    assert cited(decision, DIRECTORY) == [
        ("ft-hr-2024-reply-2024090", None, False),
        ("test-district-directory", None, False),
    ]
    assert cited(programme_validity(programme(), on=ON), DIRECTORY) == [
        ("ft-hr-2024-reply-2024090", None, False)
    ]


def test_before_2021_06_08_the_period_and_levels_still_cite_39() -> None:
    """With no bound in force the findings are undecided, and cite the document
    their conditions come from, 人社部发〔2021〕39号."""
    decision = programme_validity(programme(start=date(2021, 6, 7)), on=ON)
    assert cited(decision, PLANNED) == [("mohrss-2021-39", None, False)]
    assert cited(decision, LEVEL) == [("mohrss-2021-39", None, False)]


def test_the_region_cites_the_guides_conditions_and_the_regions_value() -> None:
    """Registered in Shenzhen: the Luohu guide's 申请条件, then the guide as the
    source of Shenzhen's region (440300, dated from 2019-12-19 by inference).  Before
    that day there is no region: undecided, citing the 申请条件 alone."""
    region = "apprenticeship.enterprise.region"
    decision = enterprise_eligibility(firm(EnterpriseSize.LARGE), programme(), on=ON)
    assert finding(decision, region) == (True, ())
    assert cited(decision, region) == [
        ("lh-apprenticeship-service-guide", "申请条件", False),
        ("lh-apprenticeship-service-guide", None, True),
    ]
    early = enterprise_eligibility(
        firm(EnterpriseSize.LARGE), programme(start=date(2019, 12, 18)), on=ON
    )
    assert finding(early, region) == (None, ("apprenticeship.enterprise_region",))
    assert cited(early, region) == [
        ("lh-apprenticeship-service-guide", "申请条件", False)
    ]


def test_an_own_centre_names_the_unknown_facts_before_the_size_rule() -> None:
    """Own centre, size unknown, no district rule: the size, then the rule; a centre
    with no credit code is named first."""
    unknown_size = enterprise_eligibility(
        firm(None), programme(institution=own_centre()), on=ON
    )
    assert finding(unknown_size, OWN_CENTRE) == (
        None,
        ("enterprise.size", "apprenticeship.own_centre_min_size"),
    )
    no_code = enterprise_eligibility(
        firm(None), programme(institution=own_centre(None)), on=ON
    )
    assert finding(no_code, OWN_CENTRE) == (
        None,
        (
            "programme.institution.credit_code",
            "enterprise.size",
            "apprenticeship.own_centre_min_size",
        ),
    )


# --- properties ---------------------------------------------------------------------------


# The promises every rule keeps (the same arguments give equal decisions, the outcome
# follows the findings in declared order, sentences are filled, figures are read on
# their day...) are checked for this rule with the others, by the contract in
# test_rules_contract.py.


@given(cases(PROGRAMME_RULE.id, policy=WITH_DISTRICT))
def test_one_online_check_and_every_other_check_once(case: Case) -> None:
    """Every check, in registered order, but the online check that does not apply:
    no online hours at all, or some; an undecided finding names what it lacks."""
    plan = case.facts["programme"]
    assert isinstance(plan, ApprenticeshipProgramme)
    decision = programme_validity(plan, on=case.on, policy=WITH_DISTRICT)
    no_online = plan.online_hours is not None and plan.online_hours == 0
    skipped = ONLINE if no_online else NO_ONLINE
    assert [f.check for f in decision.findings] == [
        c for c in PROGRAMME_RULE.checks if c != skipped
    ]
    for f in decision.findings:
        assert (f.held is None) == bool(f.missing), f.check


@given(
    st.integers(1, 48),
    st.none() | st.booleans(),
    st.dates(date(2021, 6, 8), date(2030, 12, 31)),
)
def test_planned_period_follows_the_bounds(
    months: int, special: bool | None, on: date
) -> None:
    """Held iff 12 ≤ m ≤ 24, or m ≤ 36 in a special case; unknown only in 25-36 with None."""
    decision = programme_validity(
        programme(planned_months=months, special_case=special, start=on), on=on
    )
    held, _ = finding(decision, PLANNED)
    if months < 12 or months > 36:
        assert held is False
    elif months <= 24:
        assert held is True
    elif special is None:
        assert held is None
    else:
        assert held is special


@given(
    st.decimals(0, 10_000, places=1),
    st.decimals(0, 10_000, places=1),
    st.dates(date(2019, 12, 19), date(2030, 12, 31)),
)
def test_online_share_holds_exactly_when_online_is_at_most_half(
    online: Decimal, basics: Decimal, on: date
) -> None:
    """With a district share of 0.50: held iff online hours ≤ 0.50 × professional-basics
    hours; no online hours at all meet any limit."""
    decision = programme_validity(
        programme(online_hours=online, professional_basics_hours=basics, start=on),
        on=on,
        policy=WITH_DISTRICT,
    )
    if online == 0:
        assert finding(decision, NO_ONLINE) == (True, ())
    else:
        assert finding(decision, ONLINE) == (2 * online <= basics, ())


@given(
    cases(PROGRAMME_RULE.id, policy=WITH_DISTRICT),
    st.sampled_from([Policy.default(), WITH_DIRECTORY, WITH_DISTRICT]),
)
def test_the_target_level_never_decides(case: Case, policy: Policy) -> None:
    """Any target level reaches the same outcome: the levels are a priority."""
    plan = case.facts["programme"]
    assert isinstance(plan, ApprenticeshipProgramme)
    outcomes = {
        programme_validity(
            attrs.evolve(plan, target_level=level), on=case.on, policy=policy
        ).outcome
        for level in SkillLevel
    }
    assert len(outcomes) == 1
