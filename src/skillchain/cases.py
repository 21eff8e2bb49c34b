"""Case files: hand-written TOML cases that say what a rule must decide.

A case file names a registered rule, an evaluation day, the rule's facts as
JSON-shaped data (read with :func:`skillchain.serialization.structure` against the
rule function's type hints), optional policy overlays, and the expected outcome,
amount, failed checks and missing names.  :func:`load_cases` reads one file,
:func:`check_case` decides one case and compares, :func:`check_directory` does a
whole directory, and :func:`load_directory` with :func:`assert_case` lets pytest
parametrise over a directory.  The format is described in the how-to "Write case
files".

Example:
    >>> import tempfile
    >>> from pathlib import Path
    >>> from skillchain.cases import check_case, load_cases
    >>> text = '''
    ... name = "Prepaid more than the entitlement: refund"
    ... rule = "apprenticeship.settlement"
    ... on = 2025-10-08
    ... [facts]
    ... entitlement = "28000.00"
    ... prepaid = "56000.00"
    ... training_end = 2025-09-01
    ... [expect]
    ... outcome = "ineligible"
    ... failed = ["apprenticeship.settlement.refund"]
    ... '''
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = Path(folder, "refund.toml")
    ...     _ = path.write_text(text, encoding="utf-8")
    ...     (case,) = load_cases(path)
    >>> result = check_case(case)
    >>> result.passed, result.decision.outcome.value
    (True, 'ineligible')
"""

import functools
import json
import os
import tomllib

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import MappingProxyType

import attrs

from skillchain._decision import Decision, Outcome
from skillchain._errors import PolicyFileError, SkillchainError, closest
from skillchain._facts import fact_reader, join
from skillchain.policy import Policy
from skillchain.rules import Rule, rules
from skillchain.testing import Case, evaluate


__all__ = [
    "CaseFile",
    "CaseFileError",
    "CaseProblem",
    "CaseResult",
    "Expectation",
    "assert_case",
    "check_case",
    "check_directory",
    "load_cases",
    "load_directory",
    "load_facts",
]


@attrs.frozen
class CaseProblem:
    """One problem found in a case file: the file, the TOML path and what is wrong.

    Example:
        >>> from skillchain.cases import CaseProblem
        >>> str(CaseProblem(file="a.toml", path="facts.programme.start",
        ...                 message="expected a date like 2024-01-31"))
        'a.toml: facts.programme.start: expected a date like 2024-01-31'
    """

    file: str
    """The case file, as given to the loader."""
    path: str
    """The dotted TOML path inside the file (``case[1].facts.apprentices``), or
    ``(file)`` for the file as a whole."""
    message: str
    """What is wrong, and what was expected (identity numbers masked)."""

    def __str__(self) -> str:
        """Return ``file: path: message``."""
        return f"{self.file}: {self.path}: {self.message}"


class CaseFileError(SkillchainError):
    """One or more case files are malformed.

    Every problem found in one load is listed, each with its file and TOML path,
    so the author fixes them in one pass; nothing is returned when this is raised.

    Args:
        problems: The problems found; at least one.
    """

    problems: tuple[CaseProblem, ...]
    """Every problem found, in file order."""

    def __init__(self, problems: Iterable[CaseProblem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        head = "1 problem" if count == 1 else f"{count} problems"
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"case files are malformed ({head}):\n{lines}")


@attrs.frozen(kw_only=True)
class Expectation:
    """What a case file expects the rule to decide (``[expect]``).

    Only what is given is checked: without ``amount`` any amount passes, without
    ``failed`` any failed checks pass, without ``missing`` any missing names pass.
    """

    outcome: Outcome
    """The expected outcome (``"eligible"``, ``"ineligible"`` or ``"undetermined"``)."""
    amount: Decimal | None = None
    """The expected amount in yuan (compared as a number: ``"14000"`` equals
    ``14000.00``), or ``None`` not to check it."""
    failed: frozenset[str] | None = None
    """The exact set of check ids expected to fail, or ``None`` not to check."""
    missing: frozenset[str] | None = None
    """The exact set of facts and parameters expected to be missing, or ``None``."""


@attrs.frozen(kw_only=True)
class CaseFile:
    """One case read from a case file, ready to decide.

    A file holds one case (keys at the top level) or several (``[[case]]``); each
    becomes one :class:`CaseFile` with its policy already built from the bundled
    policy and its overlays.
    """

    name: str
    """The case's name (``name``)."""
    file: str
    """The file it was read from."""
    path: str
    """Where in the file: ``""`` for a one-case file, ``"case[2]"`` in an array."""
    rule: Rule
    """The registered rule (``rule``, by id)."""
    on: date
    """The evaluation day (``on``)."""
    facts: Mapping[str, object] = attrs.field(hash=False, repr=False)
    """The rule's arguments, structured against the rule function's type hints."""
    overlays: tuple[str, ...]
    """The overlay files, resolved against the case file's folder, in order."""
    policy: Policy = attrs.field(eq=False, repr=False)
    """The bundled policy with the overlays laid over it."""
    expect: Expectation | None
    """What the rule is expected to decide; ``None`` for a plain fact file (see
    :func:`load_facts`), whose decision is only reported, never compared."""
    note: str | None = None
    """A free note for readers (``note``), never checked."""

    @property
    def id(self) -> str:
        """A label for test reports: ``file-name::case name``."""
        return f"{Path(self.file).name}::{self.name}"

    @property
    def case(self) -> Case:
        """The case as :mod:`skillchain.testing` takes it (facts and day, no policy)."""
        return Case(name=self.name, on=self.on, facts=self.facts)


@attrs.frozen(kw_only=True)
class CaseResult:
    """What a rule decided on a case file's case, and how it differs from the file."""

    case: CaseFile
    """The case."""
    decision: Decision
    """The rule's decision under the case's policy."""
    differences: tuple[str, ...]
    """Each expectation that did not hold, one line each; empty when all held."""

    @property
    def passed(self) -> bool:
        """Whether every expectation held."""
        return not self.differences

    def report(self) -> str:
        """A readable report: the case, the differences and the decision explained."""
        where = (
            f"{self.case.file}: {self.case.path}" if self.case.path else self.case.file
        )
        state = "as expected" if self.passed else "NOT as expected"
        lines = [f"{where}: {self.case.name}: {state}"]
        lines.extend(f"  - {line}" for line in self.differences)
        lines.append(self.decision.explain("en"))
        return "\n".join(lines)


# ---------------------------------------------------------------- reading facts

_TOP_KEYS = frozenset(
    {"name", "rule", "on", "overlay", "facts", "expect", "note", "case"}
)
_CASE_KEYS = frozenset({"name", "rule", "on", "overlay", "facts", "expect", "note"})
_EXPECT_KEYS = frozenset({"outcome", "amount", "failed", "missing"})


class _Reader:
    """Collects the problems of one file while reading it."""

    def __init__(self, file: str, folder: Path) -> None:
        self.file = file
        self.folder = folder
        self.problems: list[CaseProblem] = []

    def problem(self, path: str, message: str) -> None:
        self.problems.append(CaseProblem(file=self.file, path=path, message=message))


def _facts(rule: Rule, raw: object, path: str, reader: _Reader) -> dict[str, object]:
    if not isinstance(raw, dict):
        reader.problem(path, "expected a table of the rule's facts ([facts])")
        return {}
    return fact_reader(rule).structure(raw, path, reader.problem)


def _strings(raw: object, path: str, reader: _Reader) -> frozenset[str] | None:
    if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
        reader.problem(path, "expected a list of strings")
        return None
    return frozenset(raw)


def _amount(value: object) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    try:
        amount = Decimal(value)
    except InvalidOperation:
        return None
    return amount if amount.is_finite() else None


def _expect(
    rule: Rule | None, raw: object, path: str, reader: _Reader
) -> Expectation | None:
    if not isinstance(raw, dict):
        reader.problem(path, "expected a table [expect] with at least outcome")
        return None
    for key in raw:
        if key not in _EXPECT_KEYS:
            reader.problem(
                join(path, key),
                f"unknown key (expected {', '.join(sorted(_EXPECT_KEYS))})",
            )
    outcome: Outcome | None = None
    raw_outcome = raw.get("outcome")
    try:
        outcome = Outcome(raw_outcome)
    except ValueError:
        reader.problem(
            join(path, "outcome"),
            f"expected one of {', '.join(repr(o.value) for o in Outcome)}, "
            f"got {raw_outcome!r}",
        )
    amount: Decimal | None = None
    if "amount" in raw:
        amount = _amount(raw["amount"])
        if amount is None:
            reader.problem(
                join(path, "amount"),
                f'expected an amount written as a string such as "14000.00", '
                f"got {raw['amount']!r}",
            )
        if outcome is not None and outcome is not Outcome.ELIGIBLE:
            reader.problem(
                join(path, "amount"),
                "only an eligible decision carries an amount; leave amount out",
            )
    failed = (
        _strings(raw["failed"], join(path, "failed"), reader)
        if "failed" in raw
        else None
    )
    if failed is not None and rule is not None:
        for check in sorted(failed - set(rule.checks)):
            reader.problem(
                join(path, "failed"),
                f"{rule.id} emits no check {check!r} (its checks: "
                f"{', '.join(rule.checks)})",
            )
    missing = (
        _strings(raw["missing"], join(path, "missing"), reader)
        if "missing" in raw
        else None
    )
    if outcome is None:
        return None
    return Expectation(outcome=outcome, amount=amount, failed=failed, missing=missing)


@functools.lru_cache(maxsize=64)
def _policy(overlays: tuple[str, ...]) -> Policy:
    if not overlays:
        return Policy.default()
    return Policy.default().overlay(Policy.from_files(*overlays))


def _overlays(raw: object, path: str, reader: _Reader) -> tuple[str, ...] | None:
    names = [raw] if isinstance(raw, str) else raw
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        reader.problem(path, "expected a file name or a list of file names")
        return None
    resolved: list[str] = []
    for index, name in enumerate(names):
        target = (reader.folder / name).resolve()
        if not target.is_file():
            where = path if isinstance(raw, str) else f"{path}[{index}]"
            reader.problem(where, f"no overlay file {name!r} (looked for {target})")
            return None
        resolved.append(str(target))
    return tuple(resolved)


def _one(
    table: Mapping[str, object],
    defaults: Mapping[str, object],
    path: str,
    reader: _Reader,
) -> CaseFile | None:
    before = len(reader.problems)
    merged = {**defaults, **table}
    name = merged.get("name")
    if not isinstance(name, str) or not name.strip():
        reader.problem(join(path, "name"), "expected a non-empty name")
        name = "?"
    rule: Rule | None = None
    rule_id = merged.get("rule")
    known = {r.id: r for r in rules()}
    if not isinstance(rule_id, str):
        reader.problem(join(path, "rule"), "expected a registered rule id")
    elif rule_id not in known:
        close = closest(rule_id, known)
        hint = f"; closest: {', '.join(close)}" if close else ""
        reader.problem(join(path, "rule"), f"no rule {rule_id!r}{hint}")
    else:
        rule = known[rule_id]
    on = merged.get("on")
    if not isinstance(on, date) or isinstance(on, datetime):
        got = "a date and time" if isinstance(on, datetime) else repr(on)
        reader.problem(
            join(path, "on"), f"expected a TOML date like 2024-06-01, got {got}"
        )
        on = None
    overlays: tuple[str, ...] | None = ()
    if "overlay" in merged:
        overlays = _overlays(merged["overlay"], join(path, "overlay"), reader)
    policy: Policy | None = None
    if overlays is not None:
        try:
            policy = _policy(overlays)
        except PolicyFileError as err:
            for problem in err.problems:
                reader.problem(join(path, "overlay"), str(problem))
    note = merged.get("note")
    if note is not None and not isinstance(note, str):
        reader.problem(join(path, "note"), "expected a string")
        note = None
    facts: dict[str, object] = {}
    if rule is not None:
        facts = _facts(rule, merged.get("facts", {}), join(path, "facts"), reader)
    if "expect" not in merged:
        reader.problem(join(path, "expect"), "missing: give [expect] with outcome")
        expect = None
    else:
        expect = _expect(rule, merged["expect"], join(path, "expect"), reader)
    if (
        len(reader.problems) > before
        or rule is None
        or on is None
        or overlays is None
        or policy is None
        or expect is None
    ):
        return None
    return CaseFile(
        name=name,
        file=reader.file,
        path=path,
        rule=rule,
        on=on,
        facts=MappingProxyType(facts),
        overlays=overlays,
        policy=policy,
        expect=expect,
        note=note,
    )


def _read(source: str | os.PathLike[str]) -> tuple[list[CaseFile], list[CaseProblem]]:
    file = os.fspath(source)
    path = Path(file)
    reader = _Reader(file, path.parent)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        reader.problem("(file)", f"cannot read: {exc}")
        return [], reader.problems
    except tomllib.TOMLDecodeError as exc:
        reader.problem("(file)", f"not valid TOML: {exc}")
        return [], reader.problems
    for key in data:
        if key not in _TOP_KEYS:
            reader.problem(
                key, f"unknown key (expected {', '.join(sorted(_TOP_KEYS))})"
            )
    found: list[CaseFile] = []
    if "case" in data:
        cases = data["case"]
        for key in ("name", "on", "facts", "expect"):
            if key in data:
                reader.problem(
                    key, "with [[case]] tables, give this in each case, not at the top"
                )
        if not isinstance(cases, list) or not cases:
            reader.problem("case", "expected one or more [[case]] tables")
            return [], reader.problems
        defaults: dict[str, object] = {
            k: data[k] for k in ("rule", "overlay", "note") if k in data
        }
        for index, table in enumerate(cases):
            where = f"case[{index}]"
            if not isinstance(table, dict):
                reader.problem(where, "expected a [[case]] table")
                continue
            for key in table:
                if key not in _CASE_KEYS:
                    reader.problem(
                        join(where, key),
                        f"unknown key (expected {', '.join(sorted(_CASE_KEYS))})",
                    )
            one = _one(table, defaults, where, reader)
            if one is not None:
                found.append(one)
    else:
        one = _one(data, {}, "", reader)
        if one is not None:
            found.append(one)
    return found, reader.problems


def load_cases(path: str | os.PathLike[str]) -> tuple[CaseFile, ...]:
    """Read the case or cases in the case file at *path*.

    Raises:
        CaseFileError: The file is unreadable or malformed; every problem is listed
            with the file and its TOML path, and nothing is returned.
    """
    found, problems = _read(path)
    if problems:
        raise CaseFileError(problems)
    return tuple(found)


def load_directory(path: str | os.PathLike[str]) -> tuple[CaseFile, ...]:
    """Read every ``*.toml`` case file under *path* (recursively, in name order).

    Meant for pytest's ``parametrize``, with :attr:`CaseFile.id` as the ids::

        CASES = load_directory("tests/cases")

        @pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
        def test_case_file(case: CaseFile) -> None:
            assert_case(case)

    Raises:
        CaseFileError: Some file is malformed; the problems of every file are
            listed together.
    """
    found: list[CaseFile] = []
    problems: list[CaseProblem] = []
    for file in sorted(Path(path).rglob("*.toml")):
        cases, trouble = _read(file)
        found.extend(cases)
        problems.extend(trouble)
    if problems:
        raise CaseFileError(problems)
    return tuple(found)


def check_case(case: CaseFile) -> CaseResult:
    """Decide *case* under its policy and compare the decision with its expectations."""
    decision = evaluate(case.rule, case.policy, case.case)
    expect = case.expect
    lines: list[str] = []
    if expect is None:
        return CaseResult(case=case, decision=decision, differences=())
    if decision.outcome is not expect.outcome:
        lines.append(
            f"outcome: expected {expect.outcome.value}, got {decision.outcome.value}"
        )
    if expect.amount is not None and decision.amount != expect.amount:
        lines.append(f"amount: expected {expect.amount}, got {decision.amount}")
    failed = {f.check for f in decision.failed}
    if expect.failed is not None and failed != expect.failed:
        lines.append(
            f"failed checks: expected {sorted(expect.failed)}, got {sorted(failed)}"
        )
    if expect.missing is not None and set(decision.missing) != expect.missing:
        lines.append(
            f"missing: expected {sorted(expect.missing)}, got {sorted(decision.missing)}"
        )
    return CaseResult(case=case, decision=decision, differences=tuple(lines))


def assert_case(case: CaseFile) -> CaseResult:
    """Check *case*; raise :class:`AssertionError` with the report if it fails.

    Raises:
        AssertionError: An expectation did not hold; the message is
            :meth:`CaseResult.report`.
    """
    result = check_case(case)
    if not result.passed:
        raise AssertionError(result.report())
    return result


def check_directory(path: str | os.PathLike[str]) -> list[CaseResult]:
    """Load every case file under *path* and check each case.

    Raises:
        CaseFileError: Some file is malformed (see :func:`load_directory`).
    """
    return [check_case(case) for case in load_directory(path)]


def load_facts(
    path: str | os.PathLike[str],
    *,
    rule: Rule | str,
    on: date,
    overlays: Iterable[str | os.PathLike[str]] = (),
) -> tuple[CaseFile, ...]:
    """Read a plain JSON fact file: one rule's facts, with no expectation.

    Another system's export is rarely a case file.  A JSON file holding one object
    of *rule*'s facts (the same shape as a case file's ``[facts]``, with ``null``
    for a fact that is not known), or a list of such objects, becomes one case per
    object, decided on *on* under the bundled policy with *overlays* laid over it.
    Each case is named after its position (``#1``, ``#2`` …); its
    :attr:`~CaseFile.expect` is ``None``, so :func:`check_case` reports the
    decision and never fails it.

    Example:
        >>> import json, tempfile
        >>> from datetime import date
        >>> from pathlib import Path
        >>> from skillchain.cases import check_case, load_facts
        >>> facts = {"entitlement": "140000.00", "prepaid": "56000.00",
        ...          "training_end": "2025-09-01"}
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = Path(folder, "claim.json")
        ...     _ = path.write_text(json.dumps(facts), encoding="utf-8")
        ...     (case,) = load_facts(path, rule="apprenticeship.settlement",
        ...                          on=date(2025, 10, 8))
        >>> case.name, check_case(case).decision.amount
        ('#1', Decimal('84000.00'))

    Raises:
        CaseFileError: The file is unreadable, not JSON, not an object or a list of
            objects, or a fact is malformed; every problem is listed with the file
            and its JSON path (``[2].enrolment.person.id``), and nothing is returned.
        KeyError: *rule* is an id no rule has (the message names the closest).
    """
    from skillchain.rules import get_rule

    found_rule = get_rule(rule) if isinstance(rule, str) else rule
    file = os.fspath(path)
    reader = _Reader(file, Path(file).parent)
    try:
        data = json.loads(Path(file).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        reader.problem("(file)", f"cannot read: {exc}")
        raise CaseFileError(reader.problems) from None
    except json.JSONDecodeError as exc:
        reader.problem("(file)", f"not valid JSON: {exc}")
        raise CaseFileError(reader.problems) from None
    many = isinstance(data, list)
    items = data if many else [data]
    if not items:
        reader.problem("(file)", "expected an object of facts or a list of them")
    try:
        policy = _policy(tuple(os.fspath(o) for o in overlays))
    except PolicyFileError as err:
        for problem in err.problems:
            reader.problem("(policy)", str(problem))
        raise CaseFileError(reader.problems) from None
    found: list[CaseFile] = []
    reading = fact_reader(found_rule)
    for index, item in enumerate(items):
        where = f"[{index}]" if many else ""
        if not isinstance(item, dict):
            reader.problem(where or "(file)", "expected an object of the rule's facts")
            continue
        facts = reading.structure(item, where, reader.problem)
        found.append(
            CaseFile(
                name=f"#{index + 1}",
                file=file,
                path=where,
                rule=found_rule,
                on=on,
                facts=MappingProxyType(facts),
                overlays=tuple(os.fspath(o) for o in overlays),
                policy=policy,
                expect=None,
            )
        )
    if reader.problems:
        raise CaseFileError(reader.problems)
    return tuple(found)
