"""Strategies of documents, citations, findings and decisions."""

import string

from datetime import date, timedelta
from typing import Final

from hypothesis import strategies as st

from skillchain import (
    Citation,
    Decision,
    Document,
    DocumentLevel,
    FactValue,
    Finding,
    InputProblem,
    Message,
    Outcome,
    PolicyProblem,
    Provenance,
    SkillLevel,
)
from skillchain.model import (
    SubsidyKind,
)
from skillchain.testing.strategies._base import (
    FLAGS,
    IDS,
    MAX_DAY,
    MIN_DAY,
    NAMES,
    POLICY_FIRST,
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
)


def documents(
    *,
    provenance: "st.SearchStrategy[Provenance] | None" = None,
    levels: "st.SearchStrategy[DocumentLevel] | None" = None,
) -> st.SearchStrategy[Document]:
    """Draw register documents; issue, effect and expiry dates in order where known.

    Args:
        provenance: The provenances to draw; any if None.
        levels: The document levels to draw; any if None.

    Raises:
        hypothesis.errors.InvalidArgument: An option is not a strategy.
    """
    check_strategy("provenance", provenance)
    check_strategy("levels", levels)
    provenances = either(provenance, st.sampled_from(Provenance))
    kinds = either(levels, st.sampled_from(DocumentLevel))

    @st.composite
    def draw_document(draw: st.DrawFn) -> Document:
        issued = draw(optional(dates_between(date(1990, 1, 1), date(2030, 12, 31))))
        start = issued or date(1990, 1, 1)
        effective = draw(optional(st.dates(start, start + timedelta(days=400))))
        end_from = effective or start
        expires = draw(optional(st.dates(end_from, date(2040, 12, 31))))
        return Document(
            id=draw(IDS),
            title=draw(NAMES),
            issuers=tuple(draw(st.lists(NAMES, min_size=1, max_size=3))),
            level=draw(kinds),
            provenance=draw(provenances),
            number=draw(optional(NAMES)),
            title_en=draw(optional(NAMES)),
            issued=issued,
            effective=effective,
            expires=expires,
            urls=tuple(
                draw(
                    st.lists(IDS.map(lambda s: f"https://example.org/{s}"), max_size=2)
                )
            ),
            note=draw(optional(NAMES)),
        )

    return draw_document()


def citations(
    *, documents: "st.SearchStrategy[Document] | None" = None
) -> st.SearchStrategy[Citation]:
    """Draw citations: a document and, sometimes, an article.

    Args:
        documents: The documents cited; any drawn document if None.

    Raises:
        hypothesis.errors.InvalidArgument: *documents* is not a strategy.
    """
    check_strategy("documents", documents)
    cited = documents if documents is not None else _all_documents()
    return st.builds(
        Citation,
        document=cited,
        article=optional(st.sampled_from(["第一条", "第五条", "第十二条（二）", "§3"])),
    )


def _all_documents() -> st.SearchStrategy[Document]:
    return documents()


def fact_values() -> st.SearchStrategy[FactValue]:
    """Draw the values a finding compares: scalars, dates, amounts, enum members, codes."""
    return st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**6), 10**6),
        NAMES,
        amounts(),
        st.dates(min_value=MIN_DAY, max_value=MAX_DAY),
        st.sampled_from(SkillLevel),
        st.sampled_from(SubsidyKind),
        division_codes(),
        occupation_codes(),
        credit_codes(),
    )


CHECK_IDS: Final = st.from_regex(r"[a-z]{1,8}(\.[a-z_]{1,12}){1,2}", fullmatch=True)


def findings(
    *, held: "st.SearchStrategy[bool | None] | None" = None
) -> st.SearchStrategy[Finding]:
    """Draw findings; an undecided one (``held=None``) names what was missing.

    Value names are unique within a finding.

    Args:
        held: Whether the condition held (True, False or None); any if None.

    Raises:
        hypothesis.errors.InvalidArgument: *held* is not a strategy.
    """
    check_strategy("held", held)
    outcomes = either(held, FLAGS)

    @st.composite
    def draw_finding(draw: st.DrawFn) -> Finding:
        verdict = draw(outcomes)
        names = draw(
            st.lists(
                st.from_regex(r"[a-z_]{1,10}", fullmatch=True), max_size=3, unique=True
            )
        )
        missing = (
            tuple(
                draw(
                    st.lists(
                        st.from_regex(r"[a-z_.]{1,16}", fullmatch=True),
                        min_size=1,
                        max_size=2,
                    )
                )
            )
            if verdict is None
            else ()
        )
        return Finding(
            check=draw(CHECK_IDS),
            held=verdict,
            values=tuple((name, draw(fact_values())) for name in names),
            citations=tuple(draw(st.lists(citations(), max_size=2))),
            missing=missing,
        )

    return draw_finding()


def messages() -> st.SearchStrategy[Message]:
    """Draw zh/en message templates (without format fields)."""
    return st.builds(
        Message,
        zh=NAMES,
        en=st.text(string.ascii_letters + " ", min_size=1, max_size=20),
    )


def decisions(
    *,
    outcomes: "st.SearchStrategy[Outcome] | None" = None,
    on: "st.SearchStrategy[date] | None" = None,
    provenance: "st.SearchStrategy[Provenance | None] | None" = None,
) -> st.SearchStrategy[Decision]:
    """Draw decisions whose outcome follows from their findings.

    Built with :meth:`~skillchain.Decision.from_findings`: an ineligible decision has a
    failed finding, an undetermined one an undecided finding and none failed; only an
    eligible decision carries an amount (sometimes).

    Args:
        outcomes: The outcomes to draw; any if None.
        on: The evaluation days; 2019-2030 if None.
        provenance: The provenances to draw; any if None (including ``None``, a
            decision that used no figure in force).

    Raises:
        hypothesis.errors.InvalidArgument: An option is not a strategy.
    """
    for name, value in (("outcomes", outcomes), ("on", on), ("provenance", provenance)):
        check_strategy(name, value)
    chosen = either(outcomes, st.sampled_from(Outcome))
    days = either(on, st.dates(POLICY_FIRST, POLICY_LAST))
    provenances = either(provenance, optional(st.sampled_from(Provenance)))

    @st.composite
    def draw_decision(draw: st.DrawFn) -> Decision:
        outcome = draw(chosen)
        if outcome is Outcome.ELIGIBLE:
            found = draw(st.lists(findings(held=st.just(True)), max_size=3))
        elif outcome is Outcome.INELIGIBLE:
            found = draw(st.lists(findings(), max_size=3))
            found.insert(
                draw(st.integers(0, len(found))), draw(findings(held=st.just(False)))
            )
        else:
            found = draw(
                st.lists(findings(held=st.sampled_from([True, None])), max_size=3)
            )
            found.insert(
                draw(st.integers(0, len(found))), draw(findings(held=st.none()))
            )
        return Decision.from_findings(
            rule=draw(CHECK_IDS),
            version=draw(st.from_regex(r"[1-9][0-9]?(\.[0-9]{1,2})?", fullmatch=True)),
            on=draw(days),
            findings=found,
            provenance=draw(provenances),
            policy_fingerprint=draw(
                st.text("0123456789abcdef", min_size=64, max_size=64)
            ),
            amount=draw(optional(amounts())) if outcome is Outcome.ELIGIBLE else None,
        )

    return draw_decision()


def policy_problems() -> st.SearchStrategy[PolicyProblem]:
    """Draw policy-file problems: a file name, a path inside it and a message."""
    return st.builds(
        PolicyProblem,
        file=IDS.map(lambda s: f"{s}.toml"),
        path=st.from_regex(r"parameters\.[a-z_.]{1,20}", fullmatch=True),
        message=NAMES,
    )


def input_problems() -> st.SearchStrategy[InputProblem]:
    """Draw problems found in JSON input: a JSON path (or the empty string) and a message."""
    return st.builds(
        InputProblem,
        path=st.just("")
        | st.from_regex(
            r"[a-z_]{1,10}(\[[0-9]{1,2}\])?(\.[a-z_]{1,10}){0,3}", fullmatch=True
        ),
        message=NAMES,
    )
