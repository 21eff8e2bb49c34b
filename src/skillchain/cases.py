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
import math
import os
import stat
import tomllib

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Final

import attrs

from skillchain._decision import Decision, Outcome
from skillchain._errors import closest
from skillchain._facts import fact_reader, join
from skillchain._money import yuan
from skillchain._redact import redact, shorten
from skillchain.comparison import Case, evaluate
from skillchain.errors import (
    CaseFileError,
    CaseProblem,
    FactFileError,
    InvalidValueError,
    PolicyFileError,
    UnknownRuleError,
    _UnreadableError,
)
from skillchain.policy import Policy
from skillchain.rules import Rule, rules


__all__ = [
    "CaseFile",
    "CaseFileError",
    "CaseProblem",
    "CaseResult",
    "Expectation",
    "FactFileError",
    "assert_case",
    "check_case",
    "check_directory",
    "load_cases",
    "load_directory",
    "load_facts",
]

_MAX_CASE_FILE_BYTES: Final = 10 * 1024 * 1024
"""A case file larger than this (10 MiB) is refused without being read."""

_MAX_FACT_FILE_BYTES: Final = 64 * 1024 * 1024
"""A JSON fact file larger than this (64 MiB) is refused without being read."""

_MAX_DEPTH: Final = 32
"""Tables and arrays (objects and arrays in JSON) nest at most this deep in a file."""

_INT_LOW: Final = -(2**63)
_INT_HIGH: Final = 2**63 - 1
_PATH_SHOWN: Final = 120
"""How much of a TOML or JSON path a problem shows."""
_CLOSEST_LONGEST: Final = 200
"""Suggestions are looked for only for ids up to this long."""
_NAMES_SHOWN: Final = 20
"""How many names of a list a difference shows."""
_NAME_SHOWN: Final = 120
"""How much of a case's name a report or a test id shows."""


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
        """A label for test reports: ``file-name::case name`` (masked and bounded)."""
        return redact(f"{Path(self.file).name}::{shorten(self.name, _NAME_SHOWN)}")

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
        """A readable report: the case, the differences and the decision explained.

        What the case file wrote (its path, the case's name) is shown with identity
        numbers masked.
        """
        where = (
            f"{self.case.file}: {self.case.path}" if self.case.path else self.case.file
        )
        state = "as expected" if self.passed else "NOT as expected"
        name = shorten(self.case.name, _NAME_SHOWN)
        lines = [redact(f"{where}: {name}: {state}")]
        lines.extend(f"  - {line}" for line in self.differences)
        lines.append(self.decision.explain("en"))
        return "\n".join(lines)


# ---------------------------------------------------------------- reading files

_TOP_KEYS = frozenset(
    {"name", "rule", "on", "overlay", "facts", "expect", "note", "case"}
)
_CASE_KEYS = frozenset({"name", "rule", "on", "overlay", "facts", "expect", "note"})
_EXPECT_KEYS = frozenset({"outcome", "amount", "failed", "missing"})


def _shown(value: object) -> str:
    """*value* read from a file, as a message may quote it: bounded and masked."""
    if isinstance(value, str):
        return repr(shorten(value))
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return shorten(str(value)) if _INT_LOW <= value <= _INT_HIGH else "an integer"
    if isinstance(value, float):
        return shorten(repr(value))
    if isinstance(value, datetime):
        return "a date and time"
    if isinstance(value, time):
        return "a time of day"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    if value is None:
        return "nothing"
    return f"a value of type {type(value).__name__}"


def _names(names: Iterable[str]) -> str:
    """Names from a file or a decision, sorted, as a bounded and masked list."""
    ordered = sorted(names)
    shown = ", ".join(repr(shorten(n)) for n in ordered[:_NAMES_SHOWN])
    more = (
        f", … ({len(ordered) - _NAMES_SHOWN} more)"
        if len(ordered) > _NAMES_SHOWN
        else ""
    )
    return f"[{shown}{more}]"


class _Reader:
    """Collects the problems of one file while reading it."""

    def __init__(self, file: str, folder: Path, root: Path | None = None) -> None:
        self.file = file
        self.folder = folder
        self.root = root
        """Overlays must resolve inside this folder; ``None``: anywhere."""
        self.problems: list[CaseProblem] = []

    def problem(self, path: str, message: str) -> None:
        self.problems.append(
            CaseProblem(
                file=self.file, path=shorten(path, _PATH_SHOWN), message=message
            )
        )


def _text(path: Path, limit: int) -> str:
    """The UTF-8 text of the file at *path*, without a leading byte-order mark.

    Raises:
        _UnreadableError: The file is missing, not a regular file, unreadable, larger
            than *limit* bytes or not UTF-8.
    """
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            kind = "a directory" if path.is_dir() else "not a regular file"
            raise _UnreadableError(f"cannot read: it is {kind}")
        with path.open("rb") as stream:
            data = stream.read(limit + 1)
    except FileNotFoundError:
        raise _UnreadableError("cannot read: no such file") from None
    except IsADirectoryError:
        raise _UnreadableError("cannot read: it is a directory") from None
    except PermissionError:
        raise _UnreadableError("cannot read: permission denied") from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise _UnreadableError(f"cannot read: {reason}") from None
    if len(data) > limit:
        raise _UnreadableError(f"larger than {limit // (1024 * 1024)} MiB; not read")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise _UnreadableError(
            f"not UTF-8 text: byte 0x{data[exc.start]:02x} on line {line}; "
            "save the file as UTF-8"
        ) from None


class _Huge:
    """An integer in JSON too long to be read as one (kept as this marker)."""


_HUGE: Final = _Huge()
_INT_DIGITS: Final = 20
"""A JSON integer with more digits than this is beyond 64 bits without reading it."""


def _json_int(text: str) -> int | _Huge:
    return int(text) if len(text.lstrip("-")) <= _INT_DIGITS else _HUGE


def _scan(data: object, report: Callable[[str, str], None], base: str = "") -> bool:
    """Report what nests too deeply, integers beyond 64 bits and non-finite numbers.

    Walks *data* without recursion, so any depth the parser built is safe to walk;
    what is reported is not read any further.  Returns whether nothing was found.
    """
    clean = True
    stack: list[tuple[object, str, int]] = [(data, base, 0)]
    while stack:
        value, path, depth = stack.pop()
        if isinstance(value, dict | list):
            if depth >= _MAX_DEPTH:
                report(
                    path or "(file)",
                    f"nested too deeply: tables and arrays nest at most {_MAX_DEPTH} "
                    "levels deep",
                )
                clean = False
                continue
            items = (
                [(join(path, str(k)), v) for k, v in value.items()]
                if isinstance(value, dict)
                else [(f"{path}[{i}]", v) for i, v in enumerate(value)]
            )
            stack.extend((v, at, depth + 1) for at, v in reversed(items))
        elif value is _HUGE or (
            isinstance(value, int)
            and not isinstance(value, bool)
            and not _INT_LOW <= value <= _INT_HIGH
        ):
            report(
                path or "(file)",
                "an integer beyond 64 bits; counts, months and years are small whole "
                'numbers, and amounts are strings such as "5500.00"',
            )
            clean = False
        elif isinstance(value, float) and not math.isfinite(value):
            report(
                path or "(file)", "a number that is not finite; write a plain number"
            )
            clean = False
    return clean


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
        return yuan(value)
    except InvalidValueError:
        return None


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
            f"got {_shown(raw_outcome)}",
        )
    amount: Decimal | None = None
    if "amount" in raw:
        amount = _amount(raw["amount"])
        if amount is None:
            reader.problem(
                join(path, "amount"),
                f'expected an amount written as a string such as "14000.00", '
                f"got {_shown(raw['amount'])}",
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
                f"{rule.id} emits no check {_shown(check)} (its checks: "
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
        where = path if isinstance(raw, str) else f"{path}[{index}]"
        try:
            target = (reader.folder / name).resolve()
        except (OSError, RuntimeError, ValueError):
            target = None
        root = reader.root
        if target is None or (root is not None and not target.is_relative_to(root)):
            # The same words whether or not the target exists.
            reader.problem(
                where,
                f"overlay {_shown(name)} is outside {shorten(str(root), _PATH_SHOWN)}, "
                "the folder this case file may read overlays from (a caller who "
                "trusts the file can widen it: overlay_root=, or --overlay-root DIR)",
            )
            return None
        if not target.is_file():
            reader.problem(
                where,
                f"no overlay file {_shown(name)} "
                f"(looked for {shorten(str(target), _PATH_SHOWN)})",
            )
            return None
        resolved.append(str(target))
    return tuple(resolved)


def _rule(rule_id: object, path: str, reader: _Reader) -> Rule | None:
    known = {r.id: r for r in rules()}
    if not isinstance(rule_id, str):
        reader.problem(path, "expected a registered rule id")
        return None
    if rule_id in known:
        return known[rule_id]
    close = closest(rule_id, known) if len(rule_id) <= _CLOSEST_LONGEST else ()
    hint = f"; closest: {', '.join(close)}" if close else ""
    reader.problem(path, f"no rule {_shown(rule_id)}{hint}")
    return None


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
    rule = _rule(merged.get("rule"), join(path, "rule"), reader)
    on = merged.get("on")
    if not isinstance(on, date) or isinstance(on, datetime):
        reader.problem(
            join(path, "on"),
            f"expected a TOML date like 2024-06-01, got {_shown(on)}",
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


def _parse_toml(text: str, reader: _Reader) -> dict[str, object] | None:
    """Parse a case file's text; report why not and return ``None`` if it cannot be."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        reader.problem("(file)", f"not valid TOML: {shorten(str(exc), 200)}")
        return None
    except RecursionError:
        reader.problem(
            "(file)",
            f"not read: nested too deeply (tables and arrays nest at most "
            f"{_MAX_DEPTH} levels deep)",
        )
        return None
    except ValueError:
        # Python refuses to read an integer of more than 4 300 digits.
        reader.problem(
            "(file)", "not read: an integer too long to be a number (beyond 64 bits)"
        )
        return None
    return data if _scan(data, reader.problem) else None


def _read(
    source: str | os.PathLike[str], root: Path | None
) -> tuple[list[CaseFile], list[CaseProblem]]:
    file = os.fspath(source)
    path = Path(file)
    reader = _Reader(file, path.parent, root)
    try:
        text = _text(path, _MAX_CASE_FILE_BYTES)
    except _UnreadableError as exc:
        reader.problem("(file)", str(exc))
        return [], reader.problems
    data = _parse_toml(text, reader)
    if data is None:
        return [], reader.problems
    try:
        found = _cases(data, reader)
    except RecursionError:  # pragma: no cover - _scan bounds the depth first
        reader.problem("(file)", "not read: nested too deeply")
        return [], reader.problems
    return found, reader.problems


def _cases(data: Mapping[str, object], reader: _Reader) -> list[CaseFile]:
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
            return []
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
    return found


def _root(
    folder: str | os.PathLike[str],
    overlay_root: str | os.PathLike[str] | None,
    overlays_anywhere: bool,
) -> Path | None:
    """The folder overlays must resolve inside: by default, *folder* itself."""
    if overlays_anywhere:
        return None
    if overlay_root is not None:
        return Path(overlay_root).resolve()
    return Path(folder).resolve()


def load_cases(
    path: str | os.PathLike[str],
    *,
    overlay_root: str | os.PathLike[str] | None = None,
    overlays_anywhere: bool = False,
) -> tuple[CaseFile, ...]:
    """Read the case or cases in the case file at *path*.

    A case's overlays must resolve, after symbolic links, inside *overlay_root*:
    by default the case file's own folder (and the folders under it), so a case file
    from elsewhere cannot make the library read anything outside it.  Pass a folder
    to move the boundary (``overlay_root="examples"`` lets ``examples/cases/a.toml``
    use ``overlay = "../overlays/x.toml"``), or ``overlays_anywhere=True`` to read
    overlays wherever a trusted file says.

    Args:
        path: The case file.
        overlay_root: The folder overlays must be inside (default: the case
            file's folder).
        overlays_anywhere: Read overlays from anywhere (ignores *overlay_root*).

    Raises:
        CaseFileError: The file is unreadable or malformed, or an overlay is outside
            the boundary; every problem is listed with the file and its TOML path,
            and nothing is returned.
    """
    root = _root(Path(path).parent, overlay_root, overlays_anywhere)
    found, problems = _read(path, root)
    if problems:
        raise CaseFileError(problems)
    return tuple(found)


def load_directory(
    path: str | os.PathLike[str],
    *,
    overlay_root: str | os.PathLike[str] | None = None,
    overlays_anywhere: bool = False,
) -> tuple[CaseFile, ...]:
    """Read every ``*.toml`` case file under *path* (recursively, in name order).

    Meant for pytest's ``parametrize``, with :attr:`CaseFile.id` as the ids::

        CASES = load_directory("tests/cases")

        @pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
        def test_case_file(case: CaseFile) -> None:
            assert_case(case)

    Every file's overlays must resolve inside *overlay_root*: by default *path*
    itself; pass ``overlay_root="tests"`` to let ``tests/cases`` use overlays in
    ``tests/overlays`` (see :func:`load_cases`).

    Args:
        path: The folder of case files.
        overlay_root: The folder overlays must be inside (default: *path*).
        overlays_anywhere: Read overlays from anywhere (ignores *overlay_root*).

    Raises:
        CaseFileError: *path* is not a folder, or some file is malformed; the
            problems of every file are listed together.
    """
    folder = Path(path)
    if not folder.is_dir():
        missing = "not a directory" if folder.exists() else "no such directory"
        raise CaseFileError(
            [CaseProblem(file=os.fspath(path), path="(directory)", message=missing)]
        )
    root = _root(folder, overlay_root, overlays_anywhere)
    found: list[CaseFile] = []
    problems: list[CaseProblem] = []
    for file in sorted(folder.rglob("*.toml")):
        cases, trouble = _read(file, root)
        found.extend(cases)
        problems.extend(trouble)
    if problems:
        raise CaseFileError(problems)
    return tuple(found)


def check_case(case: CaseFile) -> CaseResult:
    """Decide *case* under its policy and compare the decision with its expectations.

    The differences quote what the file expects with identity numbers masked.
    """
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
        got = "no amount" if decision.amount is None else str(decision.amount)
        lines.append(f"amount: expected {shorten(str(expect.amount))}, got {got}")
    failed = {f.check for f in decision.failed}
    if expect.failed is not None and failed != expect.failed:
        lines.append(
            f"failed checks: expected {_names(expect.failed)}, got {_names(failed)}"
        )
    if expect.missing is not None and set(decision.missing) != expect.missing:
        lines.append(
            f"missing: expected {_names(expect.missing)}, "
            f"got {_names(decision.missing)}"
        )
    return CaseResult(
        case=case, decision=decision, differences=tuple(redact(x) for x in lines)
    )


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


def check_directory(
    path: str | os.PathLike[str],
    *,
    overlay_root: str | os.PathLike[str] | None = None,
    overlays_anywhere: bool = False,
) -> list[CaseResult]:
    """Load every case file under *path* and check each case.

    *overlay_root* and *overlays_anywhere* are as for :func:`load_directory`.

    Raises:
        CaseFileError: *path* is not a folder, or some file is malformed (see
            :func:`load_directory`).
    """
    cases = load_directory(
        path, overlay_root=overlay_root, overlays_anywhere=overlays_anywhere
    )
    return [check_case(case) for case in cases]


_NOT_READ: Final = object()
"""What :func:`_parse_json` returns for a file it could not read."""


def _parse_json(text: str, reader: _Reader) -> object:
    """Parse a fact file's text; if it cannot be, report why and return ``_NOT_READ``."""
    try:
        data = json.loads(text, parse_int=_json_int)
    except json.JSONDecodeError as exc:
        reader.problem(
            "(file)",
            f"not valid JSON: {shorten(exc.msg)} (line {exc.lineno}, "
            f"column {exc.colno})",
        )
        return _NOT_READ
    except RecursionError:
        reader.problem(
            "(file)",
            f"not read: nested too deeply (objects and arrays nest at most "
            f"{_MAX_DEPTH} levels deep)",
        )
        return _NOT_READ
    return data if _scan(data, reader.problem) else _NOT_READ


def _known_rule(rule: Rule | str) -> Rule:
    if not isinstance(rule, str):
        return rule
    known = {r.id: r for r in rules()}
    if rule in known:
        return known[rule]
    close = closest(rule, known) if len(rule) <= _CLOSEST_LONGEST else ()
    hint = f"; closest: {', '.join(close)}" if close else ""
    raise UnknownRuleError(redact(f"no rule {_shown(rule)}{hint}"))


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
    decision and never fails it.  The *overlays* come from the caller, not from the
    file, so no boundary applies to them.

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
        FactFileError: The file is unreadable, not JSON, not an object or a list of
            objects, or a fact is malformed; every problem is listed with the file
            and its JSON path (``[2].enrolment.person.id``), and nothing is returned.
            It is a :exc:`~skillchain.errors.CaseFileError`.
        KeyError: *rule* is an id no rule has (the message names the closest).
    """
    found_rule = _known_rule(rule)
    file = os.fspath(path)
    reader = _Reader(file, Path(file).parent)
    try:
        text = _text(Path(file), _MAX_FACT_FILE_BYTES)
    except _UnreadableError as exc:
        reader.problem("(file)", str(exc))
        raise FactFileError(reader.problems) from None
    data = _parse_json(text, reader)
    if data is _NOT_READ:
        raise FactFileError(reader.problems)
    many = isinstance(data, list)
    items = data if isinstance(data, list) else [data]
    if not items:
        reader.problem("(file)", "expected an object of facts or a list of them")
    try:
        policy = _policy(tuple(os.fspath(o) for o in overlays))
    except PolicyFileError as err:
        for problem in err.problems:
            reader.problem("(policy)", str(problem))
        raise FactFileError(reader.problems) from None
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
        raise FactFileError(reader.problems)
    return tuple(found)
