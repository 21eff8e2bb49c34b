"""Strategies of the craftsman selection."""

from datetime import date
from typing import Final

from hypothesis import strategies as st

from skillchain import (
    ResidentId,
)
from skillchain.model import (
    CraftsmanApplication,
    Honour,
)
from skillchain.rules import (
    CraftsmanSelection,
)
from skillchain.testing.strategies._base import (
    IDS,
    NAMES,
    POLICY_LAST,
    check_strategy,
    dates_between,
    either,
    optional,
)
from skillchain.testing.strategies._decisions import decisions
from skillchain.testing.strategies._people import employments
from skillchain.testing.strategies._recognition import certificates, competition_results
from skillchain.testing.strategies._values import amounts, resident_ids


_CRAFTSMAN_HONOUR_KEYS: Final = (
    "zhonghua-skills-award",
    "national-technical-expert",
    "guangdong-technical-expert",
    "shenzhen-skill-model",
    "shenzhen-technical-expert",
    "pengcheng-craftsman",
)


def craftsman_applications(
    *,
    persons: "st.SearchStrategy[ResidentId] | None" = None,
    years: "st.SearchStrategy[int] | None" = None,
) -> st.SearchStrategy[CraftsmanApplication]:
    """Draw 鹏城工匠 applications: records all the candidate's, deadline in the year.

    Honours are drawn with catalog keys (qualifying or not) as well as random ones.

    Args:
        persons: The candidates' identity numbers; any if None.
        years: The round years; 2016-2030 if None.

    Raises:
        hypothesis.errors.InvalidArgument: An option is not a strategy.
    """
    check_strategy("persons", persons)
    check_strategy("years", years)
    people = either(persons, resident_ids(max_birth=date(2000, 12, 31)))
    rounds = either(years, st.integers(2016, 2030))

    @st.composite
    def draw_application(draw: st.DrawFn) -> CraftsmanApplication:
        person = draw(people)
        year = draw(rounds)
        mine = st.just(person)
        honour = st.builds(
            Honour,
            holder=mine,
            key=st.sampled_from(_CRAFTSMAN_HONOUR_KEYS) | IDS,
            title=NAMES,
            awarded_on=dates_between(date(2000, 1, 1), POLICY_LAST),
        )
        honour_list = draw(st.lists(honour, max_size=2))
        return CraftsmanApplication(
            person=person,
            year=year,
            deadline=draw(dates_between(date(year, 1, 1), date(year, 12, 31))),
            frontline_posts=draw(
                optional(st.lists(employments(), max_size=3).map(tuple))
            ),
            certificates=tuple(draw(st.lists(certificates(holders=mine), max_size=2))),
            equivalent_level=draw(optional(st.booleans())),
            honours=tuple(honour_list),
            results=tuple(
                draw(st.lists(competition_results(persons=mine), max_size=2))
            ),
            other_merit=draw(optional(st.booleans())),
            review_score=draw(optional(amounts(max_value=100, places=1))),
        )

    return draw_application()


def craftsman_selections() -> st.SearchStrategy[CraftsmanSelection]:
    """Draw 鹏城工匠 selections: distinct applications with one decision each."""

    @st.composite
    def draw_selection(draw: st.DrawFn) -> CraftsmanSelection:
        ranked = tuple(
            draw(st.lists(craftsman_applications(), max_size=3, unique=True))
        )
        return CraftsmanSelection(
            ranked=ranked, decisions=tuple(draw(decisions()) for _ in ranked)
        )

    return draw_selection()
