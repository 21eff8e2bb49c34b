"""Strategies of skills competitions, their results and entries."""

from datetime import date

from hypothesis import strategies as st

from skillchain import (
    ResidentId,
)
from skillchain.model import (
    Competition,
    CompetitionEntry,
)
from skillchain.rules import (
    TechnicalExpertAwards,
)
from skillchain.testing.strategies._base import (
    FLAGS,
    check_strategy,
    either,
    optional,
)
from skillchain.testing.strategies._decisions import decisions
from skillchain.testing.strategies._recognition import (
    competition_results,
    honours,
)
from skillchain.testing.strategies._recognition import competitions as all_competitions
from skillchain.testing.strategies._values import resident_ids


def competition_entries(
    *,
    persons: "st.SearchStrategy[ResidentId] | None" = None,
    events: "st.SearchStrategy[Competition] | None" = None,
) -> st.SearchStrategy[CompetitionEntry]:
    """Draw registrations for a competition event, with the entrant's own honours.

    Args:
        persons: The entrants; any born 1940-2012 if None.
        events: The events; any drawn competition if None.

    Raises:
        hypothesis.errors.InvalidArgument: An option is not a strategy.
    """
    check_strategy("persons", persons)
    check_strategy("events", events)

    @st.composite
    def draw_entry(draw: st.DrawFn) -> CompetitionEntry:
        person = draw(either(persons, resident_ids(max_birth=date(2012, 12, 31))))
        return CompetitionEntry(
            person=person,
            competition=draw(either(events, all_competitions())),
            works_or_studies_in_shenzhen=draw(FLAGS),
            nominated=draw(FLAGS),
            cadre_post=draw(FLAGS),
            honours=tuple(draw(st.lists(honours(holders=st.just(person)), max_size=2))),
        )

    return draw_entry()


def technical_expert_awards() -> st.SearchStrategy[TechnicalExpertAwards]:
    """Draw 深圳市技术能手 results: an event's results with one decision each."""

    @st.composite
    def draw_awards(draw: st.DrawFn) -> TechnicalExpertAwards:
        event = draw(all_competitions())
        ranked = tuple(
            draw(st.lists(competition_results(competitions=st.just(event)), max_size=3))
        )
        return TechnicalExpertAwards(
            competition=event,
            quota=draw(optional(st.integers(0, 8))),
            ranked=ranked,
            decisions=tuple(draw(decisions()) for _ in ranked),
        )

    return draw_awards()
