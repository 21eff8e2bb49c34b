"""Exceptions raised by skillchain.

A failing eligibility condition is *data* (a :class:`~skillchain.Finding`), never an
exception.  Exceptions are for malformed input only: a value that cannot be what its
field says it is, or a policy file that cannot be read as a policy.
"""

from collections.abc import Iterable
from typing import Final

import attrs

from skillchain._redact import redact, shorten, shorten_path


__all__ = [
    "CaseFileError",
    "CaseProblem",
    "CatalogFileError",
    "CatalogKeyError",
    "FactFileError",
    "InputError",
    "InputProblem",
    "InvalidValueError",
    "KindError",
    "MissingFontError",
    "PolicyFileError",
    "PolicyProblem",
    "PopulationError",
    "ProblemsError",
    "SkillchainError",
    "UnknownRuleError",
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


class ProblemsError(SkillchainError):
    """Base of the errors that list every problem found in one pass.

    :attr:`problems` holds them all, in the order found; the message lists the first
    50 and says how many more there were.  Catch this to handle any malformed file or
    document the same way.

    Example:
        >>> from skillchain.errors import InputError, InputProblem, ProblemsError
        >>> err = InputError([InputProblem(path="year", message="expected an integer")])
        >>> isinstance(err, ProblemsError), len(err.problems)
        (True, 1)
    """

    problems: tuple[object, ...]
    """Every problem found."""


class PolicyFileError(ProblemsError):
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


class InputError(ProblemsError, ValueError):
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


_LISTED: Final = 10
"""A :class:`PopulationError` lists at most this many problems."""
_ROW_TEXT: Final = 160
"""A bad row's one-line summary is at most this long."""


@attrs.frozen
class CaseProblem:
    """One problem found in a case file: the file, the TOML path and what is wrong.

    Example:
        >>> from skillchain.cases import CaseProblem
        >>> str(CaseProblem(file="a.toml", path="facts.programme.start",
        ...                 message="expected a date like 2024-01-31"))
        'a.toml: facts.programme.start: expected a date like 2024-01-31'
    """

    file: str = attrs.field(converter=_safe)
    """The case file, as given to the loader (identity numbers masked)."""
    path: str = attrs.field(converter=_safe)
    """The dotted TOML path inside the file (``case[1].facts.apprentices``), or
    ``(file)`` for the file as a whole (identity numbers masked)."""
    message: str = attrs.field(converter=_safe)
    """What is wrong, and what was expected (identity numbers masked, length
    bounded)."""

    def __str__(self) -> str:
        """Return ``file: path: message``."""
        return f"{self.file}: {self.path}: {self.message}"


class CaseFileError(ProblemsError):
    """One or more case files are malformed.

    Every problem found in one load is kept in :attr:`problems`, each with its file
    and TOML path, so the author fixes them in one pass; the message lists the first
    50.  Nothing is returned when this is raised.

    Args:
        problems: The problems found; at least one.
    """

    problems: tuple[CaseProblem, ...]
    """Every problem found, in file order."""

    def __init__(self, problems: Iterable[CaseProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__(_listing("case files are malformed", self.problems))


class FactFileError(CaseFileError):
    """A JSON fact file is malformed (see :func:`skillchain.cases.load_facts`).

    A fact file holds only a rule's facts, so its errors say so: the message is
    headed "fact file is malformed" ("fact files are malformed" when the problems
    are in several files) and lists every problem with its file and JSON path
    (the first 50).  It is a :class:`CaseFileError`, so code that guards the
    loading of case and fact files alike with ``except CaseFileError`` catches it.

    Args:
        problems: The problems found; at least one.

    Example:
        >>> from skillchain.errors import CaseFileError, CaseProblem, FactFileError
        >>> err = FactFileError([CaseProblem(file="claim.json", path="[1].prepaid",
        ...                                  message="expected an amount")])
        >>> print(err)
        fact file is malformed (1 problem):
          - claim.json: [1].prepaid: expected an amount
        >>> isinstance(err, CaseFileError)
        True
    """

    problems: tuple[CaseProblem, ...]
    """Every problem found, in file order."""

    def __init__(self, problems: Iterable[CaseProblem]) -> None:
        self.problems = tuple(problems)
        files = {problem.file for problem in self.problems}
        kind = (
            "fact files are malformed" if len(files) > 1 else "fact file is malformed"
        )
        SkillchainError.__init__(self, _listing(kind, self.problems))


class PopulationError(ProblemsError, ValueError):
    """A population file cannot be read: the file, the line and what is wrong.

    Each problem of the line is listed with its path (a CSV column or a JSON
    path).  The message lists at most ten problems and says how many more there
    were; identity numbers are masked and every part is bounded in length.

    Args:
        file: The file, as given (``-`` for standard input).
        line: The line number (1 is a CSV file's header), or ``None`` for the file
            as a whole.
        problems: The problems found; at least one.

    Example:
        >>> from skillchain import InputProblem
        >>> from skillchain.simulation import PopulationError
        >>> print(PopulationError("people.csv", 7, [InputProblem(
        ...     path="enrolment.qualified", message='expected true or false, got "yes"')]))
        people.csv, line 7: enrolment.qualified: expected true or false, got "yes"
    """

    file: str
    """The population file, as shown in messages (masked, and cut if very long)."""
    line: int | None
    """The line the problems are on, or ``None`` for the file as a whole."""
    problems: tuple[InputProblem, ...]
    """Every problem found on that line."""

    def __init__(
        self, file: str, line: int | None, problems: Iterable[InputProblem]
    ) -> None:
        self.file = PopulationError.shown_file(file)
        self.line = line
        self.problems = tuple(problems)
        where = self.file if line is None else f"{self.file}, line {line}"
        if len(self.problems) == 1:
            text = f"{where}: {self.problems[0]}"
        else:
            listed = [f"  - {p}" for p in self.problems[:_LISTED]]
            if len(self.problems) > _LISTED:
                listed.append(f"  … and {len(self.problems) - _LISTED} more")
            text = f"{where}: {len(self.problems)} problems:\n" + "\n".join(listed)
        super().__init__(text)

    @staticmethod
    def shown_file(file: str) -> str:
        """*file* as a message shows it: masked, and cut at the start if very long.

        The end of a path (the file's name) says the most, so a long path loses
        its beginning.

        Example:
            >>> from skillchain.errors import PopulationError
            >>> PopulationError.shown_file("in/440304199001010011.csv")
            'in/440304********0011.csv'
        """
        return shorten_path(file)

    @property
    def first(self) -> str:
        """The first problem in one bounded line (for a list of bad rows)."""
        more = len(self.problems) - 1
        text = str(self.problems[0]) if self.problems else "malformed"
        text = text.replace("\n", " ")
        if more:
            text += f" (and {more} more {'problem' if more == 1 else 'problems'})"
        return text if len(text) <= _ROW_TEXT else text[: _ROW_TEXT - 1] + "…"


class CatalogFileError(PolicyFileError):
    """A catalog file is malformed.

    Every problem found in one load is reported together, each a
    :class:`~skillchain.PolicyProblem` with its file, its TOML path and what is wrong,
    so the author of a district list can fix them in one pass (the message lists
    the first 50).  Nothing is loaded when this is raised.

    It is a subclass of :class:`~skillchain.PolicyFileError` because a catalog file is
    a data file of the same kind (it may even carry its own ``[documents]`` register
    entries, read by the same parser): code that guards the loading of district data
    with ``except PolicyFileError`` catches both, while the name and the message say
    which kind of file failed.

    Args:
        problems: The problems found; at least one.

    Example:
        >>> from skillchain import PolicyFileError, PolicyProblem
        >>> from skillchain.catalog import CatalogFileError
        >>> err = CatalogFileError(
        ...     [PolicyProblem(file="scope.toml", path="rows.a.zh", message="required key is missing")]
        ... )
        >>> print(err)
        catalog files are malformed (1 problem):
          - scope.toml: rows.a.zh: required key is missing
        >>> isinstance(err, PolicyFileError)
        True
    """

    def __init__(self, problems: Iterable[PolicyProblem]) -> None:
        self.problems: tuple[PolicyProblem, ...] = tuple(problems)
        SkillchainError.__init__(
            self, _listing("catalog files are malformed", self.problems)
        )


class CatalogKeyError(SkillchainError, KeyError):
    """A catalog has no row under the key asked for.

    The message names the catalog, its edition and the closest keys it does have
    (by ``difflib.get_close_matches``), so a typo shows its own correction.  It is a
    :class:`KeyError`, so ``except KeyError`` works as for a dict.

    Args:
        catalog: The catalog's name, e.g. ``"occupations"``.
        edition: The edition looked in, e.g. ``"2022"``.
        key: The key that was not found, as text.
        close: The closest known keys, best first (possibly empty).
        what: What was looked up: ``"row"`` (by key, the default), ``"name"`` (a
            row by name), ``"edition"`` or ``"catalog"``.

    Example:
        >>> from skillchain.catalog import CatalogKeyError
        >>> err = CatalogKeyError(
        ...     catalog="divisions", edition="2022", key="440314", close=("440304", "440310")
        ... )
        >>> print(err)
        divisions (edition 2022) has no row '440314'; closest keys: '440304', '440310'
    """

    catalog: str
    """The catalog's name."""
    edition: str
    """The edition that was looked up."""
    key: str
    """The key that was not found."""
    close: tuple[str, ...]
    """The closest known keys, best first."""
    message: str
    """The full message (also what ``str()`` returns)."""

    def __init__(
        self,
        *,
        catalog: str,
        edition: str,
        key: str,
        close: tuple[str, ...],
        what: str = "row",
    ) -> None:
        self.catalog = catalog
        self.edition = edition
        self.key = key
        self.close = close
        shown = self._shown(key)
        where = f"{catalog} (edition {edition})"
        head, plural = {
            "row": (f"{where} has no row {shown}", "keys"),
            "name": (f"{where} has no row named {shown}", "names"),
            "edition": (f"{catalog} has no bundled edition {shown}", "editions"),
        }.get(what, (f"there is no {what} {shown}", f"{what}s"))
        if close:
            hint = f"closest {plural}: " + ", ".join(repr(k) for k in close)
        elif what in {"row", "name"}:
            hint = "the edition has no rows (its list is supplied by the district)"
        else:
            hint = "none is available"
        self.message = f"{head}; {hint}"
        super().__init__(self.message)

    @staticmethod
    def _shown(key: str) -> str:
        return repr(shorten(key, 40))

    def __str__(self) -> str:
        """Return the message itself (a plain ``KeyError`` would quote it)."""
        return self.message


class UnknownRuleError(SkillchainError, KeyError):
    """No rule has the id asked for (the message names the closest ids)."""

    def __str__(self) -> str:
        return str(self.args[0])


class KindError(SkillchainError, ValueError):
    """A raw value does not fit its parameter's kind (message says what was expected)."""


class MissingFontError(SkillchainError):
    """A chart has Chinese text and no font that can draw it was found.

    Raised by :mod:`skillchain.charts` before anything is drawn or written.  The
    message names the characters that need the font and what to do: install a
    font with Chinese characters (on Debian or Ubuntu, ``apt-get install
    fonts-noto-cjk``), or name a font file with the drawing function's ``font=``
    argument or the ``SKILLCHAIN_CJK_FONT`` environment variable.

    Example:
        >>> from skillchain.errors import MissingFontError, SkillchainError
        >>> issubclass(MissingFontError, SkillchainError)
        True
    """


# -- internal carriers ----------------------------------------------------------
# Raised and caught inside one module each; they never escape the library (each is
# turned into one of the public errors above, or into a problem it lists).


class _Problems(Exception):  # noqa: N818 - internal carrier, never escapes
    """Problems found below some point of JSON-shaped input, with paths relative to it.

    Raised by the converter's structure hooks (``skillchain._serialization``) and
    collected into an :class:`InputError`; it never escapes the library.
    """

    def __init__(self, items: list[tuple[str, str]]) -> None:
        super().__init__(items)
        self.items = items

    @classmethod
    def one(cls, message: str, path: str = "") -> "_Problems":
        """One problem *message* at the relative *path*."""
        return cls([(path, message)])


class _BadJSONError(ValueError):
    """Text that is not JSON a population may hold; the message says why.

    Raised while reading a population (``skillchain.simulation``) and reported as a
    problem of a :class:`PopulationError`; it never escapes the library.
    """


class _RecordTooLongError(Exception):
    """A CSV record of a population has run on for too many bytes (a quote left open).

    Raised by the line reader of ``skillchain.simulation`` inside the csv module's
    reading of one record; the record is then reported as a bad row and its lines
    after the first are read again, so it never escapes the library.
    """


class _UnreadableError(Exception):
    """A file could not be read as text; the message says why, quoting no input.

    Raised while reading case and fact files (``skillchain.cases``) and reported as
    a :class:`CaseFileError`; it never escapes the library.
    """


class _NotFastError(Exception):
    """A JSON value the fast structuring path does not take as it is.

    Raised by the code ``skillchain._fast_structure`` writes for records; the
    checked path of ``skillchain._serialization`` then structures the value again
    and reports its problems, so it never escapes the library.
    """


class _Unreadable(Exception):  # noqa: N818 - internal, never escapes the library
    """A data file could not be read as text; :attr:`problem` says why.

    Raised while reading policy and catalog files (``skillchain._toml``) and
    reported as one problem of a :class:`PolicyFileError` or a
    :class:`CatalogFileError`; it never escapes the library.
    """

    def __init__(self, problem: PolicyProblem) -> None:
        super().__init__(str(problem))
        self.problem = problem
