"""Tests for applying for a skill level (rule levels.application, issue 8 slice D)."""

from datetime import date, timedelta

import attrs
import pytest

from hypothesis import given
from hypothesis import strategies as st

from skillchain import (
    DateRange,
    InvalidValueError,
    OccupationCode,
    Outcome,
    Policy,
    PolicyFileError,
    Provenance,
    ResidentId,
    SkillLevel,
)
from skillchain.model import (
    ApplicationRoute,
    ApplicationStandard,
    Certificate,
    CertificateKind,
    IssuerKind,
    LevelApplication,
    ProfessionalTitle,
    ProfessionalTitleLevel,
    Schooling,
    YearsCountedFrom,
)
from skillchain.policy import LevelApplicationParameters
from skillchain.policy._level_standards import LEVEL_STANDARDS
from skillchain.rules import (
    LEVEL_APPLICATION_RULE,
    get_rule,
    level_application,
    worked_months,
)
from skillchain.testing.strategies import (
    application_standards,
    certificates,
    date_ranges,
    level_applications,
    parameter_groups,
)


PERSON = ResidentId("440304199007150015")
DOMESTIC = OccupationCode("4-10-01-06")  # 家政服务员
ELECTRICIAN = OccupationCode("6-31-01-03")  # 电工
TEMPLATES = ("template-a", "template-b", "template-c")
DAY = timedelta(days=1)


def cert(
    level: SkillLevel,
    issued_on: date,
    *,
    occupation: OccupationCode = DOMESTIC,
) -> Certificate:
    """A skill-level certificate of the applicant."""
    return Certificate(
        holder=PERSON,
        kind=CertificateKind.SKILL_LEVEL,
        occupation=occupation,
        level=level,
        issued_on=issued_on,
        issuer_kind=IssuerKind.SOCIAL_EVALUATION_ORGANISATION,
    )


def title(
    level: ProfessionalTitleLevel, conferred_on: date | None
) -> ProfessionalTitle:
    """A professional title of the applicant."""
    return ProfessionalTitle(holder=PERSON, level=level, conferred_on=conferred_on)


def apply(
    target: SkillLevel,
    *,
    edition: str = "template-b",
    occupation: OccupationCode = DOMESTIC,
    certificates: tuple[Certificate, ...] = (),
    since: date | None = None,
    schooling: frozenset[Schooling] | None = frozenset(),
    titles: tuple[ProfessionalTitle, ...] | None = (),
    apprenticeship: bool | None = False,
) -> LevelApplication:
    """An application; *since* starts one open-ended work period (None: no work)."""
    return LevelApplication(
        applicant=PERSON,
        occupation=occupation,
        edition=edition,
        target=target,
        certificates=certificates,
        work=() if since is None else (DateRange(since),),
        schooling=schooling,
        titles=titles,
        apprenticeship_completed=apprenticeship,
    )


def route_outcomes(application: LevelApplication, on: date) -> list[bool | None]:
    """Whether each route held, in order."""
    decision = level_application(application, on=on)
    return [f.held for f in decision.findings if f.check == "levels.application.route"]


# --- worked months -----------------------------------------------------------------


def test_worked_months_counts_inclusive_periods() -> None:
    """1 January to 31 December is twelve months; one day short is eleven."""
    year = (DateRange(date(2020, 1, 1), date(2020, 12, 31)),)
    assert worked_months(year, None, date(2030, 1, 1)) == 12
    short = (DateRange(date(2020, 1, 1), date(2020, 12, 30)),)
    assert worked_months(short, None, date(2030, 1, 1)) == 11


def test_worked_months_merges_overlaps_and_clips() -> None:
    """Overlapping and touching periods count once; the count stops on *on*."""
    work = (
        DateRange(date(2020, 6, 1), date(2021, 2, 28)),
        DateRange(date(2020, 1, 1), date(2020, 12, 31)),
        DateRange(date(2021, 3, 1), date(2021, 3, 31)),
    )
    # 2020-01-01 .. 2021-03-31 merged: 15 months.
    assert worked_months(work, None, date(2030, 1, 1)) == 15
    # Clipped to 2020-01-01 .. 2020-06-30: 6 months.
    assert worked_months(work, None, date(2020, 6, 30)) == 6
    # From 2021-01-01: 3 months.
    assert worked_months(work, date(2021, 1, 1), date(2030, 1, 1)) == 3
    # A period wholly after *on* counts nothing.
    assert worked_months(work, None, date(2019, 12, 31)) == 0


def test_worked_months_separate_stretches_floor_each() -> None:
    """Separate stretches count their whole months each (15 days + 15 days is 0)."""
    work = (
        DateRange(date(2020, 1, 1), date(2020, 1, 15)),
        DateRange(date(2020, 3, 1), date(2020, 3, 15)),
    )
    assert worked_months(work, None, date(2030, 1, 1)) == 0


# --- template B, level by level --------------------------------------------------------


def test_elementary_one_year_boundary() -> None:
    """五级: one full year of work (2023-03-01 .. 2024-02-29), not a day less."""
    application = apply(SkillLevel.ELEMENTARY, since=date(2023, 3, 1))
    eligible = level_application(application, on=date(2024, 2, 29))
    assert eligible.outcome is Outcome.ELIGIBLE
    assert level_application(application, on=date(2024, 2, 28)).outcome is (
        Outcome.INELIGIBLE
    )


def test_elementary_by_apprenticeship_alone() -> None:
    """五级: a completed apprenticeship is enough without any work on record."""
    application = apply(SkillLevel.ELEMENTARY, apprenticeship=True)
    assert level_application(application, on=date(2024, 1, 1)).outcome is (
        Outcome.ELIGIBLE
    )


def test_intermediate_certificate_route_boundary() -> None:
    """四级, route 1: 五级 of 2019-05-20 + 4 full years after it (2023-05-19)."""
    held = (cert(SkillLevel.ELEMENTARY, date(2019, 5, 20)),)
    application = apply(
        SkillLevel.INTERMEDIATE, certificates=held, since=date(2019, 1, 1)
    )
    # Four years after 2019-05-20: months_between(2019-05-20, 2023-05-20) = 48.
    assert route_outcomes(application, date(2023, 5, 19)) == [True, False, False]
    # A day earlier: 47 months after the certificate, 4 years 4 months in all.
    assert route_outcomes(application, date(2023, 5, 18)) == [False, False, False]
    assert level_application(application, on=date(2023, 5, 18)).outcome is (
        Outcome.INELIGIBLE
    )


def test_intermediate_six_years_boundary() -> None:
    """四级, route 2: six full years in all, from 2018-03-01 to 2024-02-29."""
    application = apply(SkillLevel.INTERMEDIATE, since=date(2018, 3, 1))
    assert route_outcomes(application, date(2024, 2, 29)) == [False, True, False]
    assert route_outcomes(application, date(2024, 2, 28)) == [False, False, False]


def test_intermediate_by_diploma() -> None:
    """四级, route 3: a technical-school diploma, with no work at all."""
    application = apply(
        SkillLevel.INTERMEDIATE, schooling=frozenset({Schooling.SECONDARY_VOCATIONAL})
    )
    assert route_outcomes(application, date(2024, 1, 1)) == [False, False, True]


def test_advanced_college_route_boundary() -> None:
    """三级, route 3: 大专 + 四级 + 2 years after it (2019-07-01 .. 2021-06-30)."""
    held = (cert(SkillLevel.INTERMEDIATE, date(2019, 7, 1)),)
    application = apply(
        SkillLevel.ADVANCED,
        certificates=held,
        since=date(2017, 1, 1),
        schooling=frozenset({Schooling.COLLEGE}),
    )
    assert route_outcomes(application, date(2021, 6, 30)) == [False, False, True]
    assert route_outcomes(application, date(2021, 6, 29)) == [False, False, False]


def test_advanced_five_years_after_certificate() -> None:
    """三级, route 1: 四级 + 5 full years after it; the years before do not count."""
    held = (cert(SkillLevel.INTERMEDIATE, date(2015, 1, 1)),)
    application = apply(SkillLevel.ADVANCED, certificates=held, since=date(2005, 1, 1))
    assert route_outcomes(application, date(2019, 12, 31)) == [True, False, False]
    assert route_outcomes(application, date(2019, 12, 30)) == [False, False, False]


def test_technician_and_senior_technician() -> None:
    """二级 and 一级: the level below + 4 full years after it."""
    held = (cert(SkillLevel.TECHNICIAN, date(2020, 1, 1)),)
    senior = apply(
        SkillLevel.SENIOR_TECHNICIAN, certificates=held, since=date(2010, 1, 1)
    )
    assert level_application(senior, on=date(2023, 12, 31)).outcome is Outcome.ELIGIBLE
    assert level_application(senior, on=date(2023, 12, 30)).outcome is (
        Outcome.INELIGIBLE
    )
    # A 技师 certificate is higher than the 高级工 the 二级 route asks for.
    technician = attrs.evolve(senior, target=SkillLevel.TECHNICIAN)
    assert level_application(technician, on=date(2023, 12, 31)).outcome is (
        Outcome.ELIGIBLE
    )


# --- which certificates count ---------------------------------------------------------


def test_certificates_of_other_occupations_do_not_count() -> None:
    """A 五级 in another occupation counts only when the occupation is related."""
    other = (cert(SkillLevel.ELEMENTARY, date(2018, 1, 1), occupation=ELECTRICIAN),)
    application = apply(
        SkillLevel.INTERMEDIATE, certificates=other, since=date(2018, 1, 1)
    )
    assert route_outcomes(application, date(2023, 1, 1))[0] is False
    related = attrs.evolve(application, related_occupations=frozenset({ELECTRICIAN}))
    assert route_outcomes(related, date(2023, 1, 1))[0] is True


def test_certificates_issued_after_the_day_do_not_count() -> None:
    """A certificate issued after the evaluation day is not held yet."""
    later = (cert(SkillLevel.ELEMENTARY, date(2024, 1, 2)),)
    application = apply(SkillLevel.ELEMENTARY, certificates=later)
    decision = level_application(
        attrs.evolve(application, target=SkillLevel.INTERMEDIATE), on=date(2024, 1, 1)
    )
    assert decision.findings[1].values[2] == ("held", False)


# --- templates A and C ------------------------------------------------------------------


def test_template_a_preparatory_technician() -> None:
    """Template A, 二级: a preparatory-technician certificate + 2 years in all."""
    application = apply(
        SkillLevel.TECHNICIAN,
        edition="template-a",
        since=date(2022, 9, 1),
        schooling=frozenset({Schooling.PREPARATORY_TECHNICIAN}),
    )
    assert route_outcomes(application, date(2024, 8, 31)) == [False, False, True]
    assert route_outcomes(application, date(2024, 8, 30)) == [False, False, False]


def test_template_c_title_route_counts_from_the_title() -> None:
    """Template C, 三级: a 初级职称 + 1 full year after it (a higher title meets it)."""
    titled = (title(ProfessionalTitleLevel.INTERMEDIATE, date(2023, 7, 1)),)
    application = apply(
        SkillLevel.ADVANCED, edition="template-c", since=date(2020, 1, 1), titles=titled
    )
    assert route_outcomes(application, date(2024, 6, 30))[2] is True
    assert route_outcomes(application, date(2024, 6, 29))[2] is False


def test_template_c_undated_title_is_undetermined() -> None:
    """A qualifying title with no date leaves the title-years route undetermined."""
    undated = (title(ProfessionalTitleLevel.JUNIOR, None),)
    application = apply(
        SkillLevel.ADVANCED,
        edition="template-c",
        since=date(2020, 1, 1),
        titles=undated,
    )
    decision = level_application(application, on=date(2024, 6, 30))
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("application.titles[0].conferred_on",)


def test_template_c_unknown_titles_and_schooling() -> None:
    """Unknown titles and diplomas are both named when no route holds."""
    application = apply(
        SkillLevel.ADVANCED,
        edition="template-c",
        since=date(2020, 1, 1),
        titles=None,
        schooling=None,
    )
    decision = level_application(application, on=date(2024, 6, 30))
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("application.titles", "application.schooling")


def test_unknown_fact_does_not_matter_when_another_route_holds() -> None:
    """Eligible through one route although another needs an unknown fact."""
    application = apply(SkillLevel.INTERMEDIATE, since=date(2010, 1, 1), schooling=None)
    decision = level_application(application, on=date(2024, 1, 1))
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.missing == ()


def test_unknown_work_is_undetermined() -> None:
    """Work not known (None): the years routes are undetermined, naming it in full."""
    application = attrs.evolve(apply(SkillLevel.INTERMEDIATE), work=None)
    decision = level_application(application, on=date(2024, 1, 1))
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("application.work",)


# --- the standard --------------------------------------------------------------------


def test_unknown_edition_asks_for_the_district_standard() -> None:
    """No standard for the occupation and edition: undetermined, naming the parameter."""
    application = apply(SkillLevel.INTERMEDIATE, edition="2018")
    decision = level_application(application, on=date(2024, 1, 1))
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("levels.district_standards",)


@pytest.mark.parametrize(
    ("edition", "target"),
    [
        ("template-c", SkillLevel.ELEMENTARY),
        ("template-c", SkillLevel.SENIOR_TECHNICIAN),
        ("template-b", SkillLevel.SPECIAL_TECHNICIAN),
        ("template-a", SkillLevel.CHIEF_TECHNICIAN),
        ("template-a", SkillLevel.APPRENTICE),
    ],
)
def test_levels_without_conditions_are_undetermined(
    edition: str, target: SkillLevel
) -> None:
    """A level the standard states no conditions for is undetermined, never rejected."""
    decision = level_application(apply(target, edition=edition), on=date(2024, 1, 1))
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing == ("levels.district_standards",)


def test_no_standard_names_every_unknown_fact_a_route_may_read() -> None:
    """No standard, work and diplomas unknown: the routes are not known, so both
    facts are named, then the district's list that is to hold the standard."""
    application = attrs.evolve(
        apply(SkillLevel.INTERMEDIATE, edition="2018", schooling=None), work=None
    )
    decision = level_application(application, on=date(2024, 1, 1))
    assert decision.missing == (
        "application.work",
        "application.schooling",
        "levels.district_standards",
    )


def test_before_the_templates_start_both_lists_are_named() -> None:
    """2018-12-31: neither list holds a standard in force; both are named."""
    application = apply(SkillLevel.ELEMENTARY, apprenticeship=True)
    assert level_application(application, on=date(2018, 12, 31)).missing == (
        "levels.district_standards",
        "levels.standards",
    )


def test_before_the_templates_start() -> None:
    """Before 2019-01-01 no template is in force: undetermined."""
    application = apply(SkillLevel.ELEMENTARY, apprenticeship=True)
    assert level_application(application, on=date(2018, 12, 31)).outcome is (
        Outcome.UNDETERMINED
    )
    assert level_application(application, on=date(2019, 1, 1)).outcome is (
        Outcome.ELIGIBLE
    )


DISTRICT = """
[documents.test-district-standard]
title = "测试用职业技能标准申报条件"
issuers = ["测试"]
level = "district"
provenance = "unverified"
[parameters."levels.district_standards"]
description_zh = "区加载的标准"
description_en = "District standards"
unit = "standards"
[[parameters."levels.district_standards".values]]
since = 2024-01-01
document = "test-district-standard"
[[parameters."levels.district_standards".values.value]]
occupation = "4-10-01-06"
edition = "template-b"
document = "test-district-standard"
provenance = "unverified"
routes = [{ level = "intermediate", years = 2 }]
"""


def test_district_standard_wins_over_the_template() -> None:
    """The district's standard for 4-10-01-06 replaces template B for that occupation."""
    policy = Policy.default().overlay(Policy.loads(DISTRICT, name="district.toml"))
    application = apply(SkillLevel.INTERMEDIATE, since=date(2021, 6, 1))
    district = level_application(application, on=date(2024, 1, 1), policy=policy)
    assert district.outcome is Outcome.ELIGIBLE
    assert district.provenance is Provenance.UNVERIFIED
    assert ("document", "test-district-standard") in district.findings[0].values
    # The decision rests on the district's list alone: the bundled one is not cited.
    assert [c.document.id for c in district.findings[0].citations] == [
        "test-district-standard"
    ]
    # Before the overlay starts, and for another occupation, template B applies.
    before = level_application(application, on=date(2023, 12, 31), policy=policy)
    assert before.outcome is Outcome.INELIGIBLE
    other = attrs.evolve(application, occupation=ELECTRICIAN)
    assert level_application(other, on=date(2024, 1, 1), policy=policy).outcome is (
        Outcome.INELIGIBLE
    )


OFFICIAL_LIST = """
[documents.test-official-list]
title = "测试用区级标准清单"
issuers = ["测试"]
level = "district"
provenance = "official"
[parameters."levels.district_standards"]
description_zh = "区加载的标准"
description_en = "District standards"
unit = "standards"
[[parameters."levels.district_standards".values]]
since = 2018-01-01
document = "test-official-list"
[[parameters."levels.district_standards".values.value]]
occupation = "4-10-01-06"
edition = "template-b"
document = "test-official-list"
provenance = "{standard}"
routes = [{{ level = "intermediate", years = 2 }}]
"""


@pytest.mark.parametrize(
    ("standard", "expected"),
    [("official", Provenance.OFFICIAL), ("unverified", Provenance.UNVERIFIED)],
)
def test_the_standard_s_own_provenance_caps_the_decision(
    standard: str, expected: Provenance
) -> None:
    """The district's list is official, and the decision rests on it alone (not on the
    bundled templates, unverified from 2019-01-01): it is as strong as the standard
    in it, official or unverified, before the templates start and after."""
    overlay = Policy.loads(OFFICIAL_LIST.format(standard=standard), name="list.toml")
    policy = Policy.default().overlay(overlay)
    application = apply(SkillLevel.INTERMEDIATE, since=date(2015, 1, 1))
    for on in (date(2018, 6, 1), date(2024, 1, 1)):
        decision = level_application(application, on=on, policy=policy)
        assert decision.outcome is Outcome.ELIGIBLE
        assert decision.provenance is expected


def test_bundled_provenance_is_unverified_because_the_start_is_inferred() -> None:
    """The bundled templates are seen through copies (secondary), but the day they
    apply from (2019-01-01) is an assumption: the decision is no stronger than
    unverified, and the citation says the period is inferred."""
    decision = level_application(
        apply(SkillLevel.ELEMENTARY, apprenticeship=True), on=date(2024, 1, 1)
    )
    assert decision.provenance is Provenance.UNVERIFIED
    (citation,) = decision.findings[0].citations
    assert citation.period_inferred


def test_explanations_name_the_document() -> None:
    """Both languages cite the template collection and name the template's copy."""
    decision = level_application(
        apply(SkillLevel.INTERMEDIATE, since=date(2018, 1, 1)), on=date(2024, 6, 1)
    )
    zh, en = decision.explain("zh"), decision.explain("en")
    assert "职业技能等级申报条件模板汇编" in zh
    assert "levels-template-b-copy" in zh
    assert "skill-level application templates" in en
    assert "Route 2" in en
    assert "途径 2" in zh


def test_rule_is_registered() -> None:
    """The rule is registered with its checks, the route check advisory."""
    rule = get_rule("levels.application")
    assert rule is LEVEL_APPLICATION_RULE
    assert rule.checks == (
        "levels.application.standard",
        "levels.application.route",
        "levels.application.any_route",
    )
    assert rule.condition("levels.application.route").advisory
    assert not rule.condition("levels.application.any_route").advisory


# --- model and data validation ----------------------------------------------------------


def test_route_counting_from_a_missing_certificate_is_refused() -> None:
    """Years counted from a certificate or title the route does not need: an error."""
    with pytest.raises(InvalidValueError, match="counted_from"):
        ApplicationRoute(
            level=SkillLevel.INTERMEDIATE,
            years=2,
            counted_from=YearsCountedFrom.CERTIFICATE,
        )
    with pytest.raises(InvalidValueError, match="counted_from"):
        ApplicationRoute(
            level=SkillLevel.INTERMEDIATE, years=2, counted_from=YearsCountedFrom.TITLE
        )


def test_application_refuses_someone_elses_certificate_or_title() -> None:
    """Certificates and titles must be the applicant's."""
    other = ResidentId("11010519491231002X")
    foreign = attrs.evolve(cert(SkillLevel.ELEMENTARY, date(2020, 1, 1)), holder=other)
    with pytest.raises(
        InvalidValueError, match="certificate 0 is held by someone else"
    ):
        apply(SkillLevel.INTERMEDIATE, certificates=(foreign,))
    with pytest.raises(InvalidValueError, match="title 0 is held by someone else"):
        apply(
            SkillLevel.INTERMEDIATE,
            titles=(
                ProfessionalTitle(holder=other, level=ProfessionalTitleLevel.JUNIOR),
            ),
        )


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ([], "non-empty list of standards"),
        ([{"edition": "x"}], "expected both 'edition' and 'document'"),
        ([{"edition": "x", "document": "d", "extra": 1}], "unknown keys ['extra']"),
        ([{"edition": "x", "document": "d", "routes": []}], "standard[0].routes"),
        (
            [{"edition": "x", "document": "d", "routes": [{"years": 1}]}],
            "standard[0].routes[0]: missing key 'level'",
        ),
        (
            [{"edition": "x", "document": "d", "routes": [{"level": "level-9"}]}],
            "standard[0].routes[0].level",
        ),
        (
            [{"edition": "x", "document": "d", "routes": [{"level": 3}]}],
            "standard[0].routes[0].level: expected a skill level name",
        ),
        (
            [
                {
                    "edition": "x",
                    "document": "d",
                    "routes": [{"level": "advanced", "schooling": ["phd"]}],
                }
            ],
            "standard[0].routes[0].schooling: expected one of",
        ),
        (
            [
                {
                    "edition": "x",
                    "document": "d",
                    "routes": [{"level": "advanced", "schooling": "college"}],
                }
            ],
            "expected a list of diplomas",
        ),
        (
            [
                {
                    "edition": "x",
                    "document": "d",
                    "routes": [{"level": "advanced", "years": -1}],
                }
            ],
            "years: expected a whole number",
        ),
        (
            [
                {
                    "edition": "x",
                    "document": "d",
                    "routes": [{"level": "advanced", "apprenticeship": "yes"}],
                }
            ],
            "apprenticeship: expected true or false",
        ),
        (
            [
                {
                    "edition": "x",
                    "document": "d",
                    "routes": [
                        {"level": "advanced", "years": 1, "counted_from": "title"}
                    ],
                }
            ],
            "standard[0].routes[0]: counts years from a title",
        ),
        (
            [
                {
                    "edition": "x",
                    "document": "d",
                    "occupation": "9-99",
                    "routes": [{"level": "advanced"}],
                }
            ],
            "standard[0].occupation",
        ),
        (
            [
                {"edition": "x", "document": "d", "routes": [{"level": "advanced"}]},
                {"edition": "x", "document": "e", "routes": [{"level": "advanced"}]},
            ],
            "standard[1]: any occupation, edition 'x' appears twice",
        ),
        (["x"], "standard[0]: expected a table"),
        ([{"edition": " ", "document": "d"}], "standard[0].edition"),
        (
            [
                {
                    "edition": "x",
                    "document": "d",
                    "provenance": "rumour",
                    "routes": [{"level": "advanced"}],
                }
            ],
            "standard[0].provenance: expected one of",
        ),
    ],
)
def test_bad_standards_are_refused_with_their_path(raw: object, message: str) -> None:
    """A malformed standards value names where it is wrong and what was expected."""
    with pytest.raises(ValueError, match="expected") as info:
        LEVEL_STANDARDS.parse(raw)
    assert message in str(info.value)


def test_bad_overlay_names_the_file() -> None:
    """A malformed district overlay is refused with a policy file error."""
    bad = DISTRICT.replace('level = "intermediate"', 'level = "grand-master"')
    with pytest.raises(PolicyFileError, match="grand-master"):
        Policy.loads(bad, name="district.toml")


@given(st.lists(application_standards(), min_size=1, max_size=4))
def test_standards_survive_dump_and_parse(standards: list[ApplicationStandard]) -> None:
    """Dumping a list of distinct standards and parsing it back gives it again."""
    unique = {(s.occupation, s.edition): s for s in standards}
    value = tuple(unique.values())
    assert LEVEL_STANDARDS.parse(LEVEL_STANDARDS.dump(value)) == value


@given(parameter_groups(LevelApplicationParameters))
def test_bundled_templates_are_templates(params: LevelApplicationParameters) -> None:
    """Every bundled standard is a secondary template with at least one route."""
    standards = params.standards.value
    assert standards is None or all(
        s.occupation is None and s.provenance is Provenance.SECONDARY and s.routes
        for s in standards
    )


# --- properties -----------------------------------------------------------------------

_DAYS = st.dates(min_value=date(2019, 1, 1), max_value=date(2030, 12, 31))
_BUNDLED = level_applications(editions=st.sampled_from(TEMPLATES))


@given(_BUNDLED, _DAYS, date_ranges(min_value=date(2000, 1, 1)))
def test_more_work_never_makes_a_person_ineligible(
    application: LevelApplication, on: date, extra: DateRange
) -> None:
    """Adding a period of work never turns an eligible case into another outcome.

    An ineligible case may become undetermined, but only when the added years meet a
    route that also needs another fact that is unknown (e.g. the diploma of a
    preparatory-technician route): the work itself is then never what is missing.
    """
    before = level_application(application, on=on)
    more = attrs.evolve(application, work=(*(application.work or ()), extra))
    after = level_application(more, on=on)
    if before.outcome is Outcome.ELIGIBLE:
        assert after.outcome is Outcome.ELIGIBLE
    if before.outcome is Outcome.INELIGIBLE and after.outcome is Outcome.UNDETERMINED:
        assert after.missing
        assert "application.work" not in after.missing
        assert not any(name.startswith("levels.") for name in after.missing)


@given(_BUNDLED, _DAYS, st.data())
def test_a_further_certificate_never_hurts(
    application: LevelApplication, on: date, data: st.DataObject
) -> None:
    """Holding a further (possibly higher) certificate never loses eligibility."""
    extra = data.draw(
        certificates(
            holders=st.just(application.applicant),
            kinds=st.just(CertificateKind.SKILL_LEVEL),
        )
    )
    extra = attrs.evolve(extra, occupation=application.occupation)
    before = level_application(application, on=on)
    after = level_application(
        attrs.evolve(application, certificates=(*application.certificates, extra)),
        on=on,
    )
    if before.outcome is Outcome.ELIGIBLE:
        assert after.outcome is Outcome.ELIGIBLE


@given(_BUNDLED, _DAYS)
def test_outcome_follows_the_routes(application: LevelApplication, on: date) -> None:
    """Eligible iff a route held; ineligible iff every route failed."""
    decision = level_application(application, on=on)
    routes = [
        f.held for f in decision.findings if f.check == "levels.application.route"
    ]
    if decision.outcome is Outcome.ELIGIBLE:
        assert True in routes
    elif decision.outcome is Outcome.INELIGIBLE:
        assert routes
        assert all(held is False for held in routes)
    else:
        assert True not in routes


@given(_BUNDLED, _DAYS)
def test_later_evaluation_never_loses_eligibility(
    application: LevelApplication, on: date
) -> None:
    """Judged a year later, an eligible person stays eligible (years only grow)."""
    later = on + timedelta(days=365)
    if level_application(application, on=on).outcome is Outcome.ELIGIBLE:
        assert level_application(application, on=later).outcome is Outcome.ELIGIBLE


@given(st.lists(date_ranges(min_value=date(2000, 1, 1)), max_size=4), _DAYS)
def test_worked_months_is_order_independent_and_bounded(
    work: list[DateRange], on: date
) -> None:
    """The count ignores the order of periods and never exceeds the span to *on*."""
    forward = worked_months(tuple(work), None, on)
    assert forward == worked_months(tuple(reversed(work)), None, on)
    assert forward >= 0
    if work:
        first = min(p.start for p in work)
        assert forward <= max(
            0, (on.year - first.year) * 12 + on.month - first.month + 1
        )
