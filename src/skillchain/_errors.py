"""Exceptions raised by skillchain.

A failing eligibility condition is *data* (a :class:`~skillchain.Finding`), never an
exception.  Exceptions are for malformed input only: a value that cannot be what its
field says it is, or a policy file that cannot be read as a policy.
"""

import difflib

from collections.abc import Callable, Iterable
from typing import Any

import attrs

from skillchain._redact import redact


__all__ = [
    "InputError",
    "InputProblem",
    "InvalidValueError",
    "PolicyFileError",
    "PolicyProblem",
    "SkillchainError",
]

_TEXT_LIMIT = 2000
"""No single message part is longer than this (a safety net under each quoted value)."""
_LISTED_PROBLEMS = 50
"""Errors list at most this many problems and say how many more there were."""


def _safe(text: str) -> str:
    """Redact *text* and cut it to a bounded length."""
    if len(text) > _TEXT_LIMIT:
        text = text[: _TEXT_LIMIT - 1] + "…"
    return redact(text)


def _listing(kind: str, problems: tuple[object, ...]) -> str:
    count = len(problems)
    head = "1 problem" if count == 1 else f"{count} problems"
    lines = [f"  - {p}" for p in problems[:_LISTED_PROBLEMS]]
    if count > _LISTED_PROBLEMS:
        lines.append(f"  … and {count - _LISTED_PROBLEMS} more")
    return f"{kind} ({head}):\n" + "\n".join(lines)


class SkillchainError(Exception):
    """Base class of every exception skillchain raises on purpose."""


class InvalidValueError(SkillchainError, ValueError):
    """A value failed validation when it was constructed.

    The message always names the field, what was wrong, and what was expected, and it
    never contains a personal identity number in full.

    Args:
        field: The name of the field (or argument) that was invalid, e.g. ``"ResidentId"``.
        problem: What was wrong, already masked where it quotes personal data.
        expected: What a valid value looks like.

    Example:
        >>> from skillchain import InvalidValueError
        >>> err = InvalidValueError(field="DivisionCode", problem="got 'abc'", expected="6 digits")
        >>> str(err)
        "DivisionCode: got 'abc'; expected 6 digits"
        >>> isinstance(err, ValueError)
        True
    """

    field: str
    """The field or argument that was invalid."""
    problem: str
    """What was wrong with it (masked)."""
    expected: str
    """What a valid value looks like."""

    def __init__(self, *, field: str, problem: str, expected: str) -> None:
        self.field = _safe(field)
        self.problem = _safe(problem)
        self.expected = _safe(expected)
        super().__init__(f"{self.field}: {self.problem}; expected {self.expected}")


@attrs.frozen
class PolicyProblem:
    """One problem found in a policy file.

    Example:
        >>> from skillchain import PolicyProblem
        >>> str(PolicyProblem(file="x.toml", path="parameters.a.unit", message="unknown unit"))
        'x.toml: parameters.a.unit: unknown unit'
    """

    file: str = attrs.field(converter=_safe)
    """The file (or resource) the problem is in."""
    path: str = attrs.field(converter=_safe)
    """The TOML path inside the file, dotted (``parameters."a.b".values[0].document``)."""
    message: str = attrs.field(converter=_safe)
    """What is wrong, and what was expected (identity numbers masked, length bounded)."""

    def __str__(self) -> str:
        """Return ``file: path: message``."""
        return f"{self.file}: {self.path}: {self.message}"


class PolicyFileError(SkillchainError):
    """A policy or document-register file is malformed.

    All problems found in one load are reported together in :attr:`problems`, each
    with its file and TOML path, so a policy author can fix them in one pass; the
    message lists the first 50.  Nothing is loaded when this is
    raised.

    Args:
        problems: The problems found; at least one.
    """

    problems: tuple[PolicyProblem, ...]
    """Every problem found, in file order."""

    def __init__(self, problems: Iterable[PolicyProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__(_listing("policy files are malformed", self.problems))


@attrs.frozen
class InputProblem:
    """One problem found in JSON-shaped input handed to :func:`skillchain.serialization.structure`.

    Example:
        >>> from skillchain import InputProblem
        >>> str(InputProblem(path="contract.end", message="expected a date like 2024-01-31"))
        'contract.end: expected a date like 2024-01-31'
    """

    path: str = attrs.field(converter=_safe)
    """Where in the document, written the way a JavaScript or JSON developer would
    (``apprentices[3].contract.end``); the empty string for the document itself."""
    message: str = attrs.field(converter=_safe)
    """What is wrong and what was expected, in JSON terms (string, number, array,
    object); identity numbers are masked and the length is bounded."""

    def __str__(self) -> str:
        """Return ``path: message`` (just the message for the document itself)."""
        return f"{self.path}: {self.message}" if self.path else self.message


class InputError(SkillchainError, ValueError):
    """JSON-shaped input could not be turned into the requested type.

    Every problem found is kept in :attr:`problems`, each with its JSON path, so the
    sending system can fix them in one pass; the message lists the first 50.  Nothing is built when this is raised: the target
    object (and every object inside it) is constructed only from input that is
    valid throughout.  Messages never contain a personal identity number in full.

    Args:
        problems: The problems found; at least one.

    Example:
        >>> from skillchain import InputError, InputProblem
        >>> problem = InputProblem(path="year", message='expected an integer, got "2024"')
        >>> err = InputError([problem])
        >>> print(err)
        invalid input (1 problem):
          - year: expected an integer, got "2024"
    """

    problems: tuple[InputProblem, ...]
    """Every problem found, in document order where the input has one."""

    def __init__(self, problems: Iterable[InputProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__(_listing("invalid input", self.problems))


def validator_from_problem(
    problem: Callable[[object], str | None], *, field: str, expected: str
) -> Callable[[Any, Any, Any], None]:
    """Turn a ``value -> problem text or None`` check into an attrs field validator.

    The validator raises :class:`InvalidValueError` naming *field* and *expected*
    with the problem text, which the check must already have masked.
    """

    def validate(_instance: object, _attribute: object, value: object) -> None:
        found = problem(value)
        if found is not None:
            raise InvalidValueError(field=field, problem=found, expected=expected)

    return validate


_SUGGESTIONS = 3


def closest(key: str, known: Iterable[str]) -> tuple[str, ...]:
    """The known keys most like *key* (at most three, best first), for error messages."""
    return tuple(
        difflib.get_close_matches(key, list(known), n=_SUGGESTIONS, cutoff=0.0)
    )
