"""Tests for the skill-chain records: chains, chain leaders, guidance experts, nominations."""

from datetime import date

import attrs
import pytest

from hypothesis import given

from skillchain import (
    FUTIAN,
    CreditCode,
    DivisionCode,
    InvalidValueError,
    ResidentId,
    SkillLevel,
)
from skillchain.model import (
    ChainLeaderDesignation,
    ChainPartner,
    ChainStatus,
    ExpertNomination,
    GuidanceExpert,
    InstitutionKind,
    ProfessionalTitleLevel,
    RecommendationRound,
    SkillChain,
)
from skillchain.testing.strategies import credit_codes, resident_ids


#: The corrected example of GB 32100-2015 and two synthetic Futian-registered codes.
LEADER = CreditCode("91350100M000100Y43")
MEMBER = CreditCode("9144030400000000J0")
MEMBER_2 = CreditCode("914403040000000008")
PERSON = ResidentId("11010519491231002X")
OTHER = ResidentId("440524188001010014")

#: The three Futian enterprises the provincial list names (reply letter, §五).
FUTIAN_CHAIN_LEADERS = (
    "深圳嘉立创科技集团股份有限公司",
    "深圳市特区建工集团有限公司",
    "深圳影儿时尚集团有限公司",
)


def chain(**changes: object) -> SkillChain:
    """A recognised 2024 chain with one member and one college, with *changes*."""
    fields: dict[str, object] = {
        "name": "服装设计与制作产教评技能生态链",
        "leader": LEADER,
        "members": frozenset({MEMBER}),
        "colleges": (ChainPartner(name="某技师学院"),),
        "status": ChainStatus.RECOGNISED,
        "year": 2024,
    }
    fields.update(changes)
    return SkillChain(**fields)  # type: ignore[arg-type]


def expert(person: ResidentId = PERSON, **changes: object) -> GuidanceExpert:
    """A candidate expert, with *changes*."""
    fields: dict[str, object] = {"person": person, "name": "张三"}
    fields.update(changes)
    return GuidanceExpert(**fields)  # type: ignore[arg-type]


def nomination(person: ResidentId = PERSON, **changes: object) -> ExpertNomination:
    """A Futian nomination in round "2024", with *changes*."""
    fields: dict[str, object] = {
        "nominated_by": LEADER,
        "expert": expert(person),
        "district": FUTIAN,
        "round_id": "2024",
    }
    fields.update(changes)
    return ExpertNomination(**fields)  # type: ignore[arg-type]


def problem_of(error: pytest.ExceptionInfo[InvalidValueError], field: str) -> str:
    """Assert the error names *field* and return its problem text."""
    assert error.value.field == field
    return error.value.problem


# --- status -----------------------------------------------------------------------


def test_chain_status_labels() -> None:
    """The two stages carry the sources' terms, 培育孵化 and 认定."""
    assert [(s.zh, s.en) for s in ChainStatus] == [
        ("培育孵化", "incubation"),
        ("认定", "recognised"),
    ]


# --- chains -----------------------------------------------------------------------


def test_chain_is_constructible_with_defaults() -> None:
    """A chain needs a name, a leader, a status and a year; the rest defaults empty."""
    bare = SkillChain(
        name="链", leader=LEADER, status=ChainStatus.INCUBATION, year=2022
    )
    assert bare.members == frozenset()
    assert bare.evaluation_bodies == ()
    assert bare.industry is None
    assert bare.enterprises == frozenset({LEADER})


def test_chain_enterprises_are_the_leader_and_the_members() -> None:
    """生态企业 are the leader plus the member enterprises."""
    assert chain(members=frozenset({MEMBER, MEMBER_2})).enterprises == {
        LEADER,
        MEMBER,
        MEMBER_2,
    }


def test_chain_reports_whether_a_college_or_institution_takes_part() -> None:
    """A later rule can tell a chain with no college or training institution."""
    assert chain().has_college_or_training_institution
    assert not chain(colleges=()).has_college_or_training_institution
    with_institution = chain(
        colleges=(),
        training_institutions=(
            ChainPartner(name="某培训学校", kind=InstitutionKind.TRAINING_INSTITUTION),
        ),
    )
    assert with_institution.has_college_or_training_institution


def test_a_university_partner_has_its_own_kind() -> None:
    """A university (高等院校) is a college of the chain with kind UNIVERSITY."""
    university = ChainPartner(name="某大学", kind=InstitutionKind.UNIVERSITY)
    assert university.kind is not None
    assert (university.kind.zh, university.kind.en) == ("高等院校", "university")
    with_university = chain(colleges=(university,))
    assert with_university.has_college_or_training_institution
    assert with_university.colleges[0].kind is InstitutionKind.UNIVERSITY


def test_chain_without_evaluation_body_is_not_an_error() -> None:
    """Composition ("at least one evaluation body") is a rule, not a construction error."""
    assert chain(evaluation_bodies=()).evaluation_bodies == ()


def test_chains_are_immutable() -> None:
    """Assigning to a chain's field fails."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        chain().year = 2025  # type: ignore[misc]


def test_leader_is_not_a_member() -> None:
    """The leader listed among its own members is refused."""
    with pytest.raises(InvalidValueError) as error:
        chain(members=frozenset({LEADER, MEMBER}))
    assert problem_of(error, "SkillChain.members") == (
        "the leader 91350100M000100Y43 is also listed as a member"
    )


def test_chain_year_is_not_before_the_founding_notice() -> None:
    """A chain dated 2021, before 粤人社规〔2022〕26号, is refused."""
    with pytest.raises(InvalidValueError) as error:
        chain(year=2021)
    assert problem_of(error, "SkillChain.year") == "got 2021"
    assert "from 2022" in error.value.expected


def test_chain_partner_is_listed_once() -> None:
    """The same evaluation body listed twice in one role is refused."""
    body = ChainPartner(name="某评价机构", credit_code=MEMBER_2)
    with pytest.raises(InvalidValueError) as error:
        chain(evaluation_bodies=(body, body))
    assert problem_of(error, "SkillChain.evaluation_bodies") == (
        "a credit code is listed twice"
    )


def test_chain_members_must_be_a_frozenset_of_codes() -> None:
    """Members given as a set of strings are refused."""
    with pytest.raises(InvalidValueError) as error:
        chain(members=frozenset({"91350100M000100Y43"}))
    assert problem_of(error, "SkillChain.members") == "has an item of type str"
    with pytest.raises(InvalidValueError) as error:
        chain(members={MEMBER})
    assert problem_of(error, "SkillChain.members") == "got a value of type set"


def test_chain_partner_needs_a_name() -> None:
    """A partner with a blank name is refused."""
    with pytest.raises(InvalidValueError) as error:
        ChainPartner(name=" ")
    assert problem_of(error, "ChainPartner.name") == "got an empty or blank text"


@given(credit_codes(), credit_codes())
def test_chain_leader_and_members_property(
    leader: CreditCode, other: CreditCode
) -> None:
    """A chain builds exactly when the leader is not among the members."""
    members = frozenset({other})
    if leader == other:
        with pytest.raises(InvalidValueError):
            chain(leader=leader, members=members)
    else:
        built = chain(leader=leader, members=members)
        assert built.enterprises == {leader, other}


# --- chain leaders ----------------------------------------------------------------


@pytest.mark.parametrize("name", FUTIAN_CHAIN_LEADERS)
def test_the_letters_chain_leaders_are_designations(name: str) -> None:
    """Each of the letter's three listed enterprises can be recorded (no invented codes)."""
    designation = ChainLeaderDesignation(
        enterprise=LEADER,
        enterprise_name=name,
        status=ChainStatus.RECOGNISED,
        year=2024,
    )
    assert designation.enterprise_name == name
    assert designation.chain is None
    assert designation.source_document is None


def test_designation_with_its_chain() -> None:
    """A designation may carry the chain its enterprise leads."""
    designation = ChainLeaderDesignation(
        enterprise=LEADER,
        enterprise_name="某公司",
        status=ChainStatus.RECOGNISED,
        year=2024,
        chain=chain(),
        listed_on=date(2024, 6, 1),
    )
    assert designation.chain is not None
    assert designation.chain.leader == LEADER


def test_designation_chain_is_led_by_the_enterprise() -> None:
    """A chain led by another enterprise is refused."""
    with pytest.raises(InvalidValueError) as error:
        ChainLeaderDesignation(
            enterprise=MEMBER,
            enterprise_name="某公司",
            status=ChainStatus.RECOGNISED,
            year=2024,
            chain=chain(),
        )
    assert problem_of(error, "ChainLeaderDesignation.chain") == (
        "the chain is led by 91350100M000100Y43, not by 9144030400000000J0"
    )


def test_designation_listing_is_not_before_2022() -> None:
    """A listing day before the programme began is refused."""
    with pytest.raises(InvalidValueError) as error:
        ChainLeaderDesignation(
            enterprise=LEADER,
            enterprise_name="某公司",
            status=ChainStatus.INCUBATION,
            year=2022,
            listed_on=date(2021, 12, 31),
        )
    assert "before the chain programme began" in problem_of(
        error, "ChainLeaderDesignation.listed_on"
    )


def test_designations_are_immutable() -> None:
    """Assigning to a designation's field fails."""
    designation = ChainLeaderDesignation(
        enterprise=LEADER,
        enterprise_name="某公司",
        status=ChainStatus.INCUBATION,
        year=2025,
    )
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        designation.status = ChainStatus.RECOGNISED  # type: ignore[misc]


# --- guidance experts -------------------------------------------------------------


def test_expert_is_constructible_with_qualifications() -> None:
    """An expert records level, title, honours and years; none are required."""
    full = expert(
        field="服装设计与制作",
        skill_level=SkillLevel.SENIOR_TECHNICIAN,
        professional_title=ProfessionalTitleLevel.DEPUTY_SENIOR,
        honours=("pengcheng-craftsman",),
        years_of_experience=20,
    )
    assert full.honours == ("pengcheng-craftsman",)
    bare = expert()
    assert (bare.skill_level, bare.professional_title, bare.years_of_experience) == (
        None,
        None,
        None,
    )


def test_expert_years_cannot_be_negative() -> None:
    """Negative years of experience are refused."""
    with pytest.raises(InvalidValueError) as error:
        expert(years_of_experience=-1)
    assert problem_of(error, "GuidanceExpert.years_of_experience") == "got -1"


def test_expert_honour_keys_are_not_blank() -> None:
    """A blank honour key is refused."""
    with pytest.raises(InvalidValueError) as error:
        expert(honours=("pengcheng-craftsman", ""))
    assert problem_of(error, "GuidanceExpert.honours") == "item 1 is blank"


def test_expert_docstring_says_no_criteria_were_found() -> None:
    """The type's documentation states that no document fixes the criteria."""
    assert GuidanceExpert.__doc__ is not None
    assert "No document fixes who may be such an expert" in GuidanceExpert.__doc__


# --- nominations and rounds -------------------------------------------------------


def test_round_holds_six_nominations_without_a_quota() -> None:
    """Futian sent six candidates (reply letter, §五); no quota was found."""
    people = [
        ResidentId("44030420000101" + tail)
        for tail in ("0009", "0017", "005X", "0180", "0025", "0033")
    ]
    round_ = RecommendationRound(
        district=FUTIAN,
        round_id="2024",
        year=2024,
        nominations=tuple(nomination(p) for p in people),
    )
    assert len(round_.nominations) == 6
    assert round_.quota is None


def test_round_may_exceed_its_quota() -> None:
    """More nominations than the quota is data for a later rule, not an error."""
    round_ = RecommendationRound(
        district=FUTIAN,
        round_id="2024",
        year=2024,
        quota=1,
        nominations=(nomination(PERSON), nomination(OTHER)),
    )
    assert len(round_.nominations) > (round_.quota or 0)


def test_round_quota_cannot_be_negative() -> None:
    """A negative quota is refused."""
    with pytest.raises(InvalidValueError) as error:
        RecommendationRound(district=FUTIAN, round_id="2024", year=2024, quota=-1)
    assert problem_of(error, "RecommendationRound.quota") == "got -1"


def test_round_nominations_are_made_to_its_district() -> None:
    """A nomination made to Luohu cannot sit in Futian's round."""
    with pytest.raises(InvalidValueError) as error:
        RecommendationRound(
            district=FUTIAN,
            round_id="2024",
            year=2024,
            nominations=(nomination(district=DivisionCode("440303")),),
        )
    assert problem_of(error, "RecommendationRound.nominations") == (
        "nomination 0 is made to 440303, not to 440304"
    )


def test_round_nominations_belong_to_the_round() -> None:
    """A nomination of another round is refused."""
    with pytest.raises(InvalidValueError) as error:
        RecommendationRound(
            district=FUTIAN,
            round_id="2024",
            year=2024,
            nominations=(nomination(round_id="2025"),),
        )
    assert problem_of(error, "RecommendationRound.nominations") == (
        "nomination 0 belongs to round '2025', not '2024'"
    )


def test_round_lists_each_nomination_once() -> None:
    """The same nomination listed twice is refused, with the id masked."""
    with pytest.raises(InvalidValueError) as error:
        RecommendationRound(
            district=FUTIAN,
            round_id="2024",
            year=2024,
            nominations=(nomination(), nomination()),
        )
    problem = problem_of(error, "RecommendationRound.nominations")
    assert problem == "nomination 1 of expert 110105********002X repeats an earlier one"
    assert PERSON.reveal() not in str(error.value)


def test_round_accepts_one_expert_from_two_enterprises() -> None:
    """Two enterprises may nominate the same person (the rule counts them once)."""
    both = (nomination(), nomination(nominated_by=MEMBER))
    held = RecommendationRound(
        district=FUTIAN, round_id="2024", year=2024, nominations=both
    )
    assert both == held.nominations


def test_nominations_are_immutable() -> None:
    """Assigning to a nomination's field fails."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        nomination().recommended = True  # type: ignore[misc]


# --- masking ----------------------------------------------------------------------


@given(resident_ids())
def test_reprs_never_show_a_full_identity_number(person: ResidentId) -> None:
    """Experts, nominations and rounds show identity numbers masked only."""
    nominated = nomination(person)
    records: list[object] = [
        expert(person),
        nominated,
        RecommendationRound(
            district=FUTIAN, round_id="2024", year=2024, nominations=(nominated,)
        ),
    ]
    for record in records:
        for shown in (repr(record), str(record)):
            assert person.reveal() not in shown
            assert person.masked in shown


def test_every_chain_record_is_frozen_and_slotted() -> None:
    """Setting any field of any chain record fails; no instance __dict__."""
    records: list[attrs.AttrsInstance] = [
        ChainPartner(name="某评价机构"),
        chain(),
        ChainLeaderDesignation(
            enterprise=LEADER,
            enterprise_name="某公司",
            status=ChainStatus.INCUBATION,
            year=2025,
        ),
        expert(),
        nomination(),
        RecommendationRound(district=FUTIAN, round_id="2024", year=2024),
    ]
    for record in records:
        assert not hasattr(record, "__dict__"), type(record).__name__
        for field in attrs.fields(type(record)):
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                setattr(record, field.name, None)
