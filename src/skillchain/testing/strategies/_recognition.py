"""Strategies of certificates, honours, titles and talent-reward claims."""

from datetime import date
from typing import Final

from hypothesis import strategies as st

from skillchain import (
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
    ProfessionalTitle,
    ProfessionalTitleLevel,
    RecognitionLevel,
    TalentRewardClaim,
    TalentRewardKind,
)
from skillchain.testing.strategies._base import (
    FLAGS,
    IDS,
    NAMES,
    POLICY_LAST,
    check_strategy,
    dates_between,
    either,
    optional,
)
from skillchain.testing.strategies._values import (
    amounts,
    credit_codes,
    division_codes,
    occupation_codes,
    resident_ids,
)


_EVALUATORS: Final = frozenset(
    {IssuerKind.SOCIAL_EVALUATION_ORGANISATION, IssuerKind.EMPLOYER_SELF_EVALUATION}
)


def certificates(
    *,
    holders: "st.SearchStrategy[ResidentId] | None" = None,
    kinds: "st.SearchStrategy[CertificateKind] | None" = None,
    levels: "st.SearchStrategy[SkillLevel] | None" = None,
    issued_on: "st.SearchStrategy[date] | None" = None,
) -> st.SearchStrategy[Certificate]:
    """Draw certificates (证书) that meet their kind's requirements.

    A skill-level certificate has an occupation and a level; a practising
    qualification has a name and no level; an evaluator's filing division only
    for certificates an evaluation body issued.

    Args:
        holders: The holders; any if None.
        kinds: The certificate kinds; any if None.
        levels: The levels where the kind allows one; any or none if None.
        issued_on: The issue days; 2000-2030 if None.

    Raises:
        hypothesis.errors.InvalidArgument: An option is not a strategy.
    """
    for name, value in (
        ("holders", holders),
        ("kinds", kinds),
        ("levels", levels),
        ("issued_on", issued_on),
    ):
        check_strategy(name, value)
    people = either(holders, resident_ids(max_birth=date(2012, 12, 31)))
    sorts = either(kinds, st.sampled_from(CertificateKind))
    days = either(issued_on, dates_between(date(2000, 1, 1), POLICY_LAST))

    @st.composite
    def draw_certificate(draw: st.DrawFn) -> Certificate:
        kind = draw(sorts)
        level_given = either(levels, st.sampled_from(SkillLevel))
        if kind is CertificateKind.SKILL_LEVEL:
            level: SkillLevel | None = draw(level_given)
            occupation: OccupationCode | None = draw(occupation_codes(detail=True))
            qualification = draw(optional(NAMES))
        elif kind is CertificateKind.PRACTISING_QUALIFICATION:
            level = None
            occupation = draw(optional(occupation_codes(detail=True)))
            qualification = draw(NAMES)
        else:
            level = draw(optional(level_given))
            occupation = draw(optional(occupation_codes(detail=True)))
            qualification = draw(NAMES) if occupation is None else draw(optional(NAMES))
        issuer = draw(st.sampled_from(IssuerKind))
        issued = draw(days)
        return Certificate(
            holder=draw(people),
            kind=kind,
            issued_on=issued,
            issuer_kind=issuer,
            occupation=occupation,
            qualification=qualification,
            level=level,
            number=draw(optional(st.text("0123456789", min_size=1, max_size=18))),
            issuer_name=draw(optional(NAMES)),
            issuer_division=draw(optional(division_codes())),
            evaluator_filed_with=draw(optional(division_codes()))
            if issuer in _EVALUATORS
            else None,
            in_national_query_system=draw(FLAGS),
            valid_until=draw(
                optional(st.dates(issued, max(issued, date(2060, 12, 31))))
            ),
        )

    return draw_certificate()


def honours(
    *, holders: "st.SearchStrategy[ResidentId] | None" = None
) -> st.SearchStrategy[Honour]:
    """Draw honours awarded to a person (荣誉称号).

    Args:
        holders: The holders; any if None.

    Raises:
        hypothesis.errors.InvalidArgument: *holders* is not a strategy.
    """
    check_strategy("holders", holders)
    return st.builds(
        Honour,
        holder=either(holders, resident_ids(max_birth=date(2012, 12, 31))),
        key=IDS,
        title=NAMES,
        awarded_on=dates_between(date(2000, 1, 1), POLICY_LAST),
        issuer=optional(NAMES),
        level=optional(st.sampled_from(RecognitionLevel)),
        event=optional(NAMES),
    )


def professional_titles(
    *, holders: "st.SearchStrategy[ResidentId] | None" = None
) -> st.SearchStrategy[ProfessionalTitle]:
    """Draw professional titles (职称).

    Args:
        holders: The holders; any if None.

    Raises:
        hypothesis.errors.InvalidArgument: *holders* is not a strategy.
    """
    check_strategy("holders", holders)
    return st.builds(
        ProfessionalTitle,
        holder=either(holders, resident_ids(max_birth=date(2012, 12, 31))),
        level=st.sampled_from(ProfessionalTitleLevel),
        name=optional(NAMES),
        conferred_on=optional(dates_between(date(2000, 1, 1), POLICY_LAST)),
    )


def talent_reward_claims(
    *,
    kinds: "st.SearchStrategy[TalentRewardKind] | None" = None,
    persons: "st.SearchStrategy[ResidentId] | None" = None,
) -> st.SearchStrategy[TalentRewardClaim]:
    """Draw 福田英才荟 reward claims whose basis the claimant holds and obtained first.

    Args:
        kinds: The reward kinds; either if None.
        persons: The claimants; any if None.

    Raises:
        hypothesis.errors.InvalidArgument: An option is not a strategy.
    """
    check_strategy("kinds", kinds)
    check_strategy("persons", persons)
    people = either(persons, resident_ids(max_birth=date(2012, 12, 31)))

    @st.composite
    def draw_claim(draw: st.DrawFn) -> TalentRewardClaim:
        person = draw(people)
        mine = st.just(person)
        basis = draw(
            st.one_of(
                honours(holders=mine),
                certificates(holders=mine),
                professional_titles(holders=mine),
                competition_results(persons=mine),
            )
        )
        if isinstance(basis, Honour):
            basis_day: date | None = basis.awarded_on
        elif isinstance(basis, Certificate):
            basis_day = basis.issued_on
        elif isinstance(basis, ProfessionalTitle):
            basis_day = basis.conferred_on
        else:
            basis_day = basis.competition.held_on
        earliest = max(basis_day or date(2000, 1, 1), date(2000, 1, 1))
        claimed = draw(
            st.dates(earliest, max(earliest, date(2100, 12, 31))).map(
                lambda d: min(d, date(2100, 12, 31))
            )
        )
        kind = draw(either(kinds, st.sampled_from(TalentRewardKind)))
        return TalentRewardClaim(
            person=person,
            kind=kind,
            basis=basis,
            claimed_on=claimed,
            year=claimed.year,
            employer=draw(optional(credit_codes())),
            employed_since=draw(optional(st.dates(date(1990, 1, 1), claimed))),
            amount_claimed=draw(optional(amounts(max_value=1_000_000))),
            top_up=draw(st.booleans())
            if kind is TalentRewardKind.HIGH_SKILL
            else False,
            skill=draw(optional(NAMES)),
            employer_taxed_in_district=draw(FLAGS),
            employer_sector=draw(
                optional(
                    st.sampled_from(
                        ("accounting_firm", "drug_manufacturer", "medical_institution")
                    )
                )
            ),
            post_matches_basis=draw(FLAGS),
            licence_valid_on_claim=draw(FLAGS),
        )

    return draw_claim()


def competitions(
    *,
    tiers: "st.SearchStrategy[CompetitionTier] | None" = None,
    years: "st.SearchStrategy[int] | None" = None,
    formats: "st.SearchStrategy[CompetitionFormat] | None" = None,
) -> st.SearchStrategy[Competition]:
    """Draw skills competitions (职业技能竞赛); a team size only for team events.

    Args:
        tiers: The tiers; any if None.
        years: The years; 2000-2030 if None.
        formats: Individual or team; either if None.

    Raises:
        hypothesis.errors.InvalidArgument: An option is not a strategy.
    """
    for name, value in (("tiers", tiers), ("years", years), ("formats", formats)):
        check_strategy(name, value)

    @st.composite
    def draw_competition(draw: st.DrawFn) -> Competition:
        year = draw(either(years, st.integers(2000, 2030)))
        form = draw(either(formats, st.sampled_from(CompetitionFormat)))
        team = form is CompetitionFormat.TEAM
        return Competition(
            name=draw(NAMES),
            year=year,
            tier=draw(either(tiers, st.sampled_from(CompetitionTier))),
            event=draw(NAMES),
            competition_format=form,
            competition_class=draw(optional(st.sampled_from(CompetitionClass))),
            occupation=draw(optional(occupation_codes(detail=True))),
            team_size=draw(optional(st.integers(2, 6))) if team else None,
            finalists=draw(optional(st.integers(0, 200))),
            organisers=tuple(draw(st.lists(NAMES, max_size=2))),
            held_on=draw(optional(st.dates(date(year, 1, 1), date(year, 12, 31)))),
            open_nationwide=draw(st.booleans()),
        )

    return draw_competition()


def competition_results(
    *,
    persons: "st.SearchStrategy[ResidentId] | None" = None,
    competitions: "st.SearchStrategy[Competition] | None" = None,
) -> st.SearchStrategy[CompetitionResult]:
    """Draw competition results; teammates only in team events, within the team size.

    Args:
        persons: The competitors' identity numbers; any if None.
        competitions: The competitions; any drawn competition if None.

    Raises:
        hypothesis.errors.InvalidArgument: An option is not a strategy.
    """
    check_strategy("persons", persons)
    check_strategy("competitions", competitions)
    people = either(persons, resident_ids(max_birth=date(2012, 12, 31)))
    events = competitions if competitions is not None else _all_competitions()

    @st.composite
    def draw_result(draw: st.DrawFn) -> CompetitionResult:
        competition = draw(events)
        person = draw(people)
        finalists = competition.finalists
        if finalists == 0:
            rank = None
        else:
            rank = draw(optional(st.integers(1, finalists or 200)))
        teammates: list[ResidentId] = []
        if competition.competition_format is CompetitionFormat.TEAM:
            most = (competition.team_size or 4) - 1
            others = draw(
                st.lists(
                    resident_ids(max_birth=date(2012, 12, 31)),
                    max_size=most,
                    unique=True,
                )
            )
            teammates = [t for t in others if t != person]
        return CompetitionResult(
            person=person,
            competition=competition,
            rank=rank,
            award=draw(optional(st.sampled_from(CompetitionAward))),
            team_members=tuple(teammates),
            as_coach=draw(st.booleans()),
            passed_all_parts=draw(FLAGS),
        )

    return draw_result()


def _all_competitions() -> st.SearchStrategy[Competition]:
    return competitions()
