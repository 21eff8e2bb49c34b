"""Tests for the recognition records: certificates, titles, competitions, honours, rewards."""

from datetime import date, datetime
from decimal import Decimal

import attrs
import pytest

from hypothesis import given

from skillchain import (
    CreditCode,
    DivisionCode,
    InvalidValueError,
    OccupationCode,
    ResidentId,
    SkillLevel,
)
from skillchain.model import (
    Certificate,
    CertificateKind,
    Competition,
    CompetitionAward,
    CompetitionClass,
    CompetitionFormat,
    CompetitionResult,
    CompetitionTier,
    Honour,
    IssuerKind,
    LabelledEnum,
    ProfessionalTitle,
    ProfessionalTitleLevel,
    RecognitionLevel,
    TalentRewardClaim,
    TalentRewardKind,
)
from skillchain.testing.strategies import resident_ids


#: The example numbers printed in GB 11643-1999, 附录A.
PERSON = ResidentId("11010519491231002X")
OTHER = ResidentId("440524188001010014")
EMPLOYER = CreditCode("91350100M000100Y43")
CARER = OccupationCode("4-10-01-05")  # 养老护理员
PATTERN_MAKER = OccupationCode("6-05-01-01")  # 服装制版师


def skill_certificate(holder: ResidentId = PERSON, **changes: object) -> Certificate:
    """A valid skill-level certificate, with *changes* applied."""
    fields: dict[str, object] = {
        "holder": holder,
        "kind": CertificateKind.SKILL_LEVEL,
        "occupation": CARER,
        "level": SkillLevel.ADVANCED,
        "issued_on": date(2024, 6, 30),
        "issuer_kind": IssuerKind.SOCIAL_EVALUATION_ORGANISATION,
    }
    fields.update(changes)
    return Certificate(**fields)  # type: ignore[arg-type]


def contest(**changes: object) -> Competition:
    """The letter's 2024 服装制版师 市一类 event (held on 1 September), with *changes*."""
    fields: dict[str, object] = {
        "name": "深圳市第十四届职工技术创新运动会暨2024年深圳技能大赛——服装制版师职业技能竞赛",
        "year": 2024,
        "tier": CompetitionTier.MUNICIPAL,
        "competition_class": CompetitionClass.FIRST,
        "event": "服装制版师",
        "occupation": PATTERN_MAKER,
        "competition_format": CompetitionFormat.INDIVIDUAL,
        "held_on": date(2024, 9, 1),
    }
    fields.update(changes)
    return Competition(**fields)  # type: ignore[arg-type]


def team_contest(size: int | None = 3) -> Competition:
    """A trio event."""
    return contest(competition_format=CompetitionFormat.TEAM, team_size=size)


def honour(holder: ResidentId = PERSON, **changes: object) -> Honour:
    """A 深圳市技术能手 honour, with *changes*."""
    fields: dict[str, object] = {
        "holder": holder,
        "key": "shenzhen-technical-expert",
        "title": "深圳市技术能手",
        "awarded_on": date(2024, 1, 10),
    }
    fields.update(changes)
    return Honour(**fields)  # type: ignore[arg-type]


def claim(**changes: object) -> TalentRewardClaim:
    """A high-skill reward claim for the honour above, with *changes*."""
    fields: dict[str, object] = {
        "person": PERSON,
        "kind": TalentRewardKind.HIGH_SKILL,
        "basis": honour(),
        "claimed_on": date(2024, 5, 6),
        "year": 2024,
        "employer": EMPLOYER,
        "employed_since": date(2022, 3, 1),
    }
    fields.update(changes)
    return TalentRewardClaim(**fields)  # type: ignore[arg-type]


def assert_labelled(cls: type[LabelledEnum]) -> None:
    """Assert every member has a Chinese zh label and a non-empty en label."""
    for member in cls:
        assert member.zh.strip(), member
        assert any(ord(ch) > 0x2E80 for ch in member.zh), member
        assert member.en.strip(), member
        assert member.label("en") == member.en


def problem_of(error: pytest.ExceptionInfo[InvalidValueError], field: str) -> str:
    """Assert the error names *field* and return its problem text."""
    assert error.value.field == field
    return error.value.problem


# --- enums ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cls",
    [
        RecognitionLevel,
        ProfessionalTitleLevel,
        CompetitionFormat,
        CompetitionAward,
        TalentRewardKind,
    ],
)
def test_recognition_enums_have_labels(cls: type[LabelledEnum]) -> None:
    """Every member of the recognition enums has a Chinese and an English label."""
    assert_labelled(cls)


def test_enum_labels_follow_the_sources() -> None:
    """Labels use the terms of the letter and the research notes."""
    assert TalentRewardKind.OCCUPATIONAL.zh == "执(职)业人才奖励"
    assert TalentRewardKind.HIGH_SKILL.zh == "高技能人才奖励"
    assert CompetitionAward.EXCELLENCE.zh == "优胜奖"
    assert ProfessionalTitleLevel.FULL_SENIOR.zh == "正高级职称"
    assert [level.zh for level in RecognitionLevel] == [
        "国家级",
        "省级",
        "市级",
        "区级",
    ]
    # The same levels as the competition tiers, less the street tier (contests only).
    assert [m.value for m in RecognitionLevel] == [
        m.value for m in CompetitionTier if m is not CompetitionTier.STREET
    ]


# --- certificates -----------------------------------------------------------------


def test_skill_certificate_is_constructible_with_defaults() -> None:
    """A skill-level certificate needs holder, kind, occupation, level, date, issuer."""
    cert = skill_certificate()
    assert cert.level is SkillLevel.ADVANCED
    assert cert.number is None
    assert cert.valid_until is None
    assert cert.in_national_query_system is None


def test_practising_qualification_has_a_name_and_no_level() -> None:
    """A CPA practising certificate is named by its qualification, without a level."""
    cpa = Certificate(
        holder=PERSON,
        kind=CertificateKind.PRACTISING_QUALIFICATION,
        qualification="注册会计师",
        issued_on=date(2019, 1, 1),
        issuer_kind=IssuerKind.OTHER_AUTHORITY,
        valid_until=date(2025, 12, 31),
    )
    assert cpa.level is None
    assert cpa.occupation is None


def test_certificates_are_immutable() -> None:
    """Assigning to a field of a certificate fails."""
    cert = skill_certificate()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        cert.level = SkillLevel.TECHNICIAN  # type: ignore[misc]


def test_certificate_names_an_occupation_or_a_qualification() -> None:
    """A certificate with neither an occupation nor a qualification is refused."""
    with pytest.raises(InvalidValueError) as error:
        Certificate(
            holder=PERSON,
            kind=CertificateKind.TRAINING_COMPLETION,
            issued_on=date(2024, 1, 1),
            issuer_kind=IssuerKind.HR_DEPARTMENT,
        )
    assert "neither an occupation nor a qualification" in problem_of(
        error, "Certificate.occupation"
    )


def test_skill_certificate_needs_a_level() -> None:
    """A 职业技能等级证书 without a level is refused."""
    with pytest.raises(InvalidValueError) as error:
        skill_certificate(level=None)
    assert problem_of(error, "Certificate.level") == (
        "a skill-level certificate has no level"
    )


def test_skill_certificate_needs_an_occupation() -> None:
    """A 职业技能等级证书 named only by a qualification is refused."""
    with pytest.raises(InvalidValueError) as error:
        skill_certificate(occupation=None, qualification="养老护理员")
    assert problem_of(error, "Certificate.occupation") == (
        "a skill-level certificate has no occupation"
    )


def test_practising_qualification_has_no_skill_level() -> None:
    """A practising qualification with a skill level is refused."""
    with pytest.raises(InvalidValueError) as error:
        Certificate(
            holder=PERSON,
            kind=CertificateKind.PRACTISING_QUALIFICATION,
            qualification="执业药师",
            level=SkillLevel.TECHNICIAN,
            issued_on=date(2019, 1, 1),
            issuer_kind=IssuerKind.OTHER_AUTHORITY,
        )
    assert "has a skill level" in problem_of(error, "Certificate.level")


def test_practising_qualification_needs_its_name() -> None:
    """A practising qualification known only by an occupation code is refused."""
    with pytest.raises(InvalidValueError) as error:
        Certificate(
            holder=PERSON,
            kind=CertificateKind.PRACTISING_QUALIFICATION,
            occupation=OccupationCode("2-06-01-01"),
            issued_on=date(2019, 1, 1),
            issuer_kind=IssuerKind.OTHER_AUTHORITY,
        )
    assert "no qualification name" in problem_of(error, "Certificate.qualification")


def test_certificate_validity_cannot_end_before_issue() -> None:
    """valid_until before issued_on is refused, with both dates in the message."""
    with pytest.raises(InvalidValueError) as error:
        skill_certificate(valid_until=date(2024, 6, 29))
    assert problem_of(error, "Certificate.valid_until") == (
        "2024-06-29 is before the issue date 2024-06-30"
    )


def test_certificate_validity_may_end_on_the_issue_day() -> None:
    """A certificate valid only on its issue day is allowed (inclusive end)."""
    assert skill_certificate(valid_until=date(2024, 6, 30)).valid_until == date(
        2024, 6, 30
    )


def test_evaluator_filing_only_for_evaluation_bodies() -> None:
    """evaluator_filed_with on an HR-department certificate is refused."""
    with pytest.raises(InvalidValueError) as error:
        skill_certificate(
            issuer_kind=IssuerKind.HR_DEPARTMENT,
            evaluator_filed_with=DivisionCode("440300"),
        )
    assert "HR department" in problem_of(error, "Certificate.evaluator_filed_with")
    filed = skill_certificate(
        issuer_kind=IssuerKind.EMPLOYER_SELF_EVALUATION,
        evaluator_filed_with=DivisionCode("440300"),
    )
    assert filed.evaluator_filed_with == DivisionCode("440300")


def test_certificate_refuses_a_datetime() -> None:
    """An issue date given as a datetime is refused with a hint."""
    with pytest.raises(InvalidValueError) as error:
        skill_certificate(issued_on=datetime(2024, 6, 30, 9, 0))
    assert "call .date()" in problem_of(error, "Certificate.issued_on")


def test_certificate_refuses_a_raw_identity_number_without_echoing_it() -> None:
    """A holder given as a str is refused, and the message does not quote it."""
    with pytest.raises(InvalidValueError) as error:
        skill_certificate(holder="11010519491231002X")  # type: ignore[arg-type]
    assert problem_of(error, "Certificate.holder") == "got a value of type str"
    assert "19491231" not in str(error.value)


def test_certificate_refuses_a_blank_number() -> None:
    """An empty certificate number is refused (use None for an unknown number)."""
    with pytest.raises(InvalidValueError) as error:
        skill_certificate(number="  ")
    assert problem_of(error, "Certificate.number") == "got an empty or blank text"


# --- professional titles ----------------------------------------------------------


def test_professional_title_is_constructible() -> None:
    """A 正高 title with its review date."""
    title = ProfessionalTitle(
        holder=PERSON,
        level=ProfessionalTitleLevel.FULL_SENIOR,
        conferred_on=date(2022, 12, 1),
    )
    assert title.name is None
    assert title.level.en == "full senior professional title"


# --- competitions -----------------------------------------------------------------


def test_competition_is_constructible() -> None:
    """The letter's 服装制版师 event is a 市级一类 individual event."""
    event = contest()
    assert (event.tier.zh, event.competition_class) == ("市级", CompetitionClass.FIRST)
    assert event.organisers == ()
    assert event.finalists is None


def test_competitions_are_immutable() -> None:
    """Assigning to a competition's field fails."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        contest().year = 2025  # type: ignore[misc]


def test_team_size_only_for_team_events() -> None:
    """A team size on an individual event is refused."""
    with pytest.raises(InvalidValueError) as error:
        contest(team_size=2)
    assert problem_of(error, "Competition.team_size") == (
        "a team size of 2 is given for an individual event"
    )


def test_team_has_at_least_two_people() -> None:
    """A team size of 1 is refused."""
    with pytest.raises(InvalidValueError) as error:
        team_contest(size=1)
    assert problem_of(error, "Competition.team_size") == "got 1"


def test_competition_final_is_in_its_year() -> None:
    """A final held outside the competition year is refused."""
    with pytest.raises(InvalidValueError) as error:
        contest(held_on=date(2025, 1, 5))
    assert problem_of(error, "Competition.held_on") == (
        "2025-01-05 is not in the competition year 2024"
    )


def test_finalists_cannot_be_negative() -> None:
    """A negative number of finalists is refused."""
    with pytest.raises(InvalidValueError) as error:
        contest(finalists=-1)
    assert problem_of(error, "Competition.finalists") == "got -1"


@pytest.mark.parametrize("year", [1948, 2101, 20224])
def test_competition_year_must_be_plausible(year: int) -> None:
    """Years outside 1949-2100 are refused (typos such as 20224)."""
    with pytest.raises(InvalidValueError) as error:
        contest(year=year, held_on=None)
    assert problem_of(error, "Competition.year") == f"got {year}"


def test_competition_organisers_must_be_names() -> None:
    """A blank organiser is refused."""
    with pytest.raises(InvalidValueError) as error:
        contest(organisers=("福田区人力资源局", ""))
    assert problem_of(error, "Competition.organisers") == "item 1 is blank"


def test_competition_result_is_constructible() -> None:
    """A first place with a first prize among 50 finalists."""
    result = CompetitionResult(
        person=PERSON,
        competition=contest(finalists=50),
        rank=1,
        award=CompetitionAward.FIRST_PRIZE,
        passed_all_parts=True,
    )
    assert result.team_members == ()
    assert result.as_coach is False


def test_rank_starts_at_one() -> None:
    """Rank 0 is refused."""
    with pytest.raises(InvalidValueError) as error:
        CompetitionResult(person=PERSON, competition=contest(), rank=0)
    assert problem_of(error, "CompetitionResult.rank") == "got 0"


def test_rank_cannot_exceed_the_finalists() -> None:
    """Rank 51 among 50 finalists is refused; rank 50 is the last place."""
    with pytest.raises(InvalidValueError) as error:
        CompetitionResult(person=PERSON, competition=contest(finalists=50), rank=51)
    assert problem_of(error, "CompetitionResult.rank") == (
        "rank 51 is beyond the 50 finalists"
    )
    last = CompetitionResult(person=PERSON, competition=contest(finalists=50), rank=50)
    assert last.rank == 50


def test_teammates_only_in_team_events() -> None:
    """Teammates at an individual event are refused."""
    with pytest.raises(InvalidValueError) as error:
        CompetitionResult(person=PERSON, competition=contest(), team_members=(OTHER,))
    assert "individual event" in problem_of(error, "CompetitionResult.team_members")


def test_person_is_not_their_own_teammate() -> None:
    """Listing the person among the teammates is refused, with the number masked."""
    with pytest.raises(InvalidValueError) as error:
        CompetitionResult(
            person=PERSON, competition=team_contest(), team_members=(PERSON,)
        )
    problem = problem_of(error, "CompetitionResult.team_members")
    assert "110105********002X" in problem
    assert PERSON.reveal() not in str(error.value)


def test_teammates_are_listed_once() -> None:
    """A teammate listed twice is refused."""
    with pytest.raises(InvalidValueError) as error:
        CompetitionResult(
            person=PERSON, competition=team_contest(), team_members=(OTHER, OTHER)
        )
    assert problem_of(error, "CompetitionResult.team_members") == (
        "a teammate is listed twice"
    )


def test_team_cannot_exceed_the_team_size() -> None:
    """Two teammates at a pair event make a team of three: refused."""
    third = ResidentId("440304200001010009")
    with pytest.raises(InvalidValueError) as error:
        CompetitionResult(
            person=PERSON, competition=team_contest(2), team_members=(OTHER, third)
        )
    assert "larger than the event's 2" in problem_of(
        error, "CompetitionResult.team_members"
    )
    pair = CompetitionResult(
        person=PERSON, competition=team_contest(2), team_members=(OTHER,)
    )
    assert pair.team_members == (OTHER,)


# --- honours ----------------------------------------------------------------------


def test_honour_is_constructible() -> None:
    """A craftsman title (鹏城工匠) is an honour like any other."""
    craftsman = honour(
        key="pengcheng-craftsman",
        title="鹏城工匠",
        issuer="深圳市人力资源和社会保障局",
        level=RecognitionLevel.MUNICIPAL,
    )
    assert craftsman.title == "鹏城工匠"
    assert honour().issuer is None


def test_honour_needs_a_key() -> None:
    """A blank catalog key is refused."""
    with pytest.raises(InvalidValueError) as error:
        honour(key="")
    assert problem_of(error, "Honour.key") == "got an empty or blank text"


def test_honours_are_immutable() -> None:
    """Assigning to an honour's field fails."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        honour().title = "鹏城工匠"  # type: ignore[misc]


# --- talent rewards ---------------------------------------------------------------


def test_high_skill_claim_is_constructible() -> None:
    """A 50 000 yuan claim for 深圳市技术能手 (the one amount seen in the guide)."""
    made = claim(amount_claimed=Decimal(50000))
    assert made.amount_claimed == Decimal(50000)
    assert made.top_up is False


def test_occupational_claim_for_a_full_senior_title() -> None:
    """An occupational-reward claim for a 正高 title (30 000 yuan in the 2024 guide)."""
    title = ProfessionalTitle(
        holder=PERSON, level=ProfessionalTitleLevel.FULL_SENIOR, conferred_on=None
    )
    made = claim(
        kind=TalentRewardKind.OCCUPATIONAL,
        basis=title,
        amount_claimed=Decimal(30000),
    )
    assert made.basis is title


def test_claim_for_a_competition_result() -> None:
    """A high-skill claim may rest on a competition result (福田区职工技能大赛 first place)."""
    district = contest(tier=CompetitionTier.DISTRICT, competition_class=None)
    result = CompetitionResult(person=PERSON, competition=district, rank=1)
    made = claim(basis=result, claimed_on=date(2024, 10, 1))
    assert made.basis is result


def test_claims_are_immutable() -> None:
    """Assigning to a claim's field fails."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        claim().year = 2025  # type: ignore[misc]


def test_claim_basis_belongs_to_the_claimant() -> None:
    """Claiming for someone else's honour is refused; both numbers are masked."""
    with pytest.raises(InvalidValueError) as error:
        claim(basis=honour(holder=OTHER))
    problem = problem_of(error, "TalentRewardClaim.basis")
    assert "440524********0014" in problem
    assert "110105********002X" in problem
    assert OTHER.reveal() not in str(error.value)
    assert PERSON.reveal() not in str(error.value)


def test_claim_basis_predates_the_claim() -> None:
    """A certificate issued after the claim day is refused."""
    with pytest.raises(InvalidValueError) as error:
        claim(
            kind=TalentRewardKind.OCCUPATIONAL,
            basis=skill_certificate(issued_on=date(2024, 6, 30)),
            claimed_on=date(2024, 6, 29),
        )
    assert problem_of(error, "TalentRewardClaim.basis") == (
        "the Certificate is dated 2024-06-30, after the claim on 2024-06-29"
    )


def test_claim_employment_starts_before_the_claim() -> None:
    """A continuous-employment start after the claim day is refused."""
    with pytest.raises(InvalidValueError) as error:
        claim(employed_since=date(2024, 5, 7))
    assert problem_of(error, "TalentRewardClaim.employed_since") == (
        "2024-05-07 is after the claim on 2024-05-06"
    )


def test_top_up_only_for_the_high_skill_reward() -> None:
    """A top-up (补差) claim under the occupational reward is refused."""
    with pytest.raises(InvalidValueError) as error:
        claim(
            kind=TalentRewardKind.OCCUPATIONAL,
            basis=skill_certificate(issued_on=date(2020, 1, 1)),
            top_up=True,
        )
    assert "occupational talent reward" in problem_of(error, "TalentRewardClaim.top_up")
    assert claim(top_up=True).top_up is True


@pytest.mark.parametrize(
    ("amount", "shown"),
    [(Decimal(-1), "got -1"), (Decimal("NaN"), "got NaN")],
)
def test_claim_amount_is_finite_and_not_negative(amount: Decimal, shown: str) -> None:
    """A negative or NaN amount is refused."""
    with pytest.raises(InvalidValueError) as error:
        claim(amount_claimed=amount)
    assert problem_of(error, "TalentRewardClaim.amount_claimed") == shown


def test_claim_amount_is_not_a_float() -> None:
    """A float amount is refused: money is Decimal."""
    with pytest.raises(InvalidValueError) as error:
        claim(amount_claimed=50000.0)
    assert problem_of(error, "TalentRewardClaim.amount_claimed") == (
        "got a value of type float"
    )


def test_claim_basis_must_be_a_record() -> None:
    """A basis given as a catalog key string is refused."""
    with pytest.raises(InvalidValueError) as error:
        claim(basis="shenzhen-technical-expert")
    assert problem_of(error, "TalentRewardClaim.basis") == "got a value of type str"


# --- masking ----------------------------------------------------------------------


@given(resident_ids(), resident_ids())
def test_reprs_never_show_a_full_identity_number(
    person: ResidentId, teammate: ResidentId
) -> None:
    """No recognition record shows a full identity number in repr or str."""
    if person == teammate:
        return
    result = CompetitionResult(
        person=person, competition=team_contest(), team_members=(teammate,)
    )
    records: list[object] = [
        skill_certificate(holder=person),
        ProfessionalTitle(holder=person, level=ProfessionalTitleLevel.JUNIOR),
        result,
        honour(holder=person),
        claim(person=person, basis=honour(holder=person)),
    ]
    for record in records:
        for shown in (repr(record), str(record)):
            assert person.reveal() not in shown
            assert teammate.reveal() not in shown
            assert person.masked in shown


def test_every_recognition_record_is_frozen_and_slotted() -> None:
    """Setting any field of any recognition record fails; no instance __dict__."""
    records: list[attrs.AttrsInstance] = [
        skill_certificate(),
        ProfessionalTitle(holder=PERSON, level=ProfessionalTitleLevel.JUNIOR),
        contest(),
        CompetitionResult(person=PERSON, competition=contest()),
        honour(),
        claim(),
    ]
    for record in records:
        assert not hasattr(record, "__dict__"), type(record).__name__
        for field in attrs.fields(type(record)):
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                setattr(record, field.name, None)
