"""Rule: one apprentice's whole case — eligibility, programme and subsidy in one decision.

The findings of rules ``apprenticeship.apprentice``, ``apprenticeship.programme`` and
``apprenticeship.subsidy``, in that order; it adds no condition of its own.
"""

from datetime import date

from skillchain._context import in_library_context
from skillchain._decision import Decision
from skillchain.model import ApprenticeEnrolment, ApprenticeshipProgramme
from skillchain.policy import Policy
from skillchain.rules._judge import Judge
from skillchain.rules._registry import Rule, register
from skillchain.rules.apprenticeship.apprentice import APPRENTICE_RULE, check_apprentice
from skillchain.rules.apprenticeship.programme import PROGRAMME_RULE, check_programme
from skillchain.rules.apprenticeship.subsidy import SUBSIDY_RULE, check_subsidy


__all__ = ["CASE_RULE", "apprentice_case"]


@in_library_context
def apprentice_case(
    enrolment: ApprenticeEnrolment,
    *,
    on: date,
    policy: Policy | None = None,
    shortage_occupation: bool | None = None,
    student: bool = False,
) -> Decision:
    """Decide one apprentice's case: may they be subsidised, and how much?

    The decision is eligible, with the apprentice's amount, only when every deciding
    condition of the three rules holds.  The apprentice's and the programme's
    figures are those in force on the day the programme's training starts
    (``enrolment.programme.start``); the subsidy's are those in force on *on*.

    Args:
        enrolment: The apprentice, with their programme and claim history.
        on: The evaluation day: the day the claim is decided.
        policy: The policy to judge under (default: the bundled one).
        shortage_occupation: Whether the occupation is on the city's shortage list.
        student: Whether the flat student-apprentice rate applies.
    """
    judge = Judge(policy if policy is not None else Policy.default(), on)
    check_apprentice(judge, enrolment)
    judge.reuse(_check_enrolled_programme, enrolment.programme)
    amount = check_subsidy(
        judge, enrolment, shortage_occupation=shortage_occupation, student=student
    )
    return judge.decide(CASE_RULE, amount)


def _check_enrolled_programme(judge: Judge, programme: ApprenticeshipProgramme) -> None:
    """The programme's findings, its unknown facts named under ``enrolment``."""
    check_programme(judge, programme, "enrolment.")


CASE_RULE: Rule = register(
    Rule.combining(
        APPRENTICE_RULE,
        PROGRAMME_RULE,
        SUBSIDY_RULE,
        id="apprenticeship.case",
        version="2026.2",
        title_zh="学徒个案审核（资格、培养计划与补贴）",
        title_en="One apprentice's case: eligibility, programme and subsidy",
        function=apprentice_case,
        conditions=(
            *APPRENTICE_RULE.conditions,
            *(c.under("enrolment") for c in PROGRAMME_RULE.conditions),
            *SUBSIDY_RULE.conditions,
        ),
    )
)
"""The registered combined rule."""
