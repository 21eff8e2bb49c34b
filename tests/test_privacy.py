"""The privacy property: nothing the library prints shows a division code and a birth date.

An identity number reaches the library in many shapes: as typed (ASCII, or
full-width digits from a Chinese input method), grouped with spaces or hyphens,
with a lower-case check ``x``, embedded in a longer value, or cut short.  For
numbers drawn by the project's strategies and rendered in each of those shapes,
every public path that formats text -- errors of every kind, the command line and
``simulate --changed``, ``explain()``, the testing kit's reports and assertion
messages, ``repr`` and ``str`` -- must not show the number's first 14 digits (the
division code and the birth date) in any script or grouping.

The one checker is :func:`assert_hidden`.  Files the tests need are written under
a temporary folder; no hostile input is stored in the repository.
"""

import contextlib
import csv
import io
import json
import tempfile
import unicodedata

from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from skillchain import (
    CreditCode,
    DivisionCode,
    InputError,
    OccupationCode,
    Policy,
    ResidentId,
    SkillchainError,
    yuan,
)
from skillchain.__main__ import main
from skillchain.cases import CaseFile, check_case, load_cases
from skillchain.model import ApprenticeshipProgramme, Person
from skillchain.serialization import structure
from skillchain.testing import (
    Case,
    assert_amount_capped,
    assert_no_retroactive_change,
    assert_relaxes,
    compare,
    evaluate,
)
from skillchain.testing.strategies import resident_ids


ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
REFORM = EXAMPLES / "overlays" / "illustrative-reform.toml"
DIRECTORY = EXAMPLES / "overlays" / "futian-occupation-directory.toml"
POPULATION = EXAMPLES / "population" / "apprentices-10000.csv"

FULL_WIDTH = str.maketrans("0123456789Xx", "０１２３４５６７８９Ｘｘ")

# --- the checker --------------------------------------------------------------------


def _digits_joined(text: str) -> str:
    """*text* with every decimal digit in ASCII and every separator removed.

    Separators are spaces and punctuation of any script (hyphens, dashes, dots,
    slashes, ideographic spaces ...); letters, symbols and ``*`` stay, so a
    masked digit still breaks a run.
    """
    out: list[str] = []
    for ch in text:
        if ch.isdecimal():
            out.append(str(unicodedata.digit(ch)))
        elif ch == "*" or not unicodedata.category(ch).startswith(("P", "Z")):
            out.append(ch)
    return "".join(out)


def assert_hidden(text: str, number: str) -> None:
    """Fail if *text* shows the division code and birth date of *number*."""
    shown = _digits_joined(text)
    assert number[:14] not in shown, (
        f"the output shows {number[:6]} + its birth date: {text[:2000]!r}"
    )


def test_the_checker_finds_every_form_and_passes_masked_text() -> None:
    """The checker itself: each rendering is found raw and passes once redacted."""
    from skillchain import redact

    number = "44030419900101001X"
    for form in FORMS:
        raw = render(number, form, "{}")
        if len([c for c in raw if c.isdecimal()]) >= 14:
            with pytest.raises(AssertionError):
                assert_hidden(raw, number)
        assert_hidden(redact(raw), number)


# --- renderings ---------------------------------------------------------------------

FORMS = ("ascii", "full-width", "spaced", "hyphenated", "lower-x", "slashed")
EMBEDDINGS = (
    "{}",
    "申请人 {} 的记录",
    "row 7: {} (Futian)",
    "id={};on=2024-01-01",
    "x" * 70 + "{}",
)


def render(number: str, form: str, embedding: str) -> str:
    """*number* in one written *form*, placed in *embedding*."""
    parts = (number[:6], number[6:14], number[14:])
    written = {
        "ascii": number,
        "full-width": number.translate(FULL_WIDTH),
        "spaced": " ".join(parts),
        "hyphenated": "-".join(parts),
        "lower-x": number[:-1] + number[-1].lower(),
        "slashed": "\u3000".join(parts).translate(FULL_WIDTH),
    }[form]
    return embedding.format(written)


@attrs.frozen
class Rendered:
    """A drawn number and one way it was written in the input."""

    rid: ResidentId
    text: str

    @property
    def number(self) -> str:
        """The full number, for the checker."""
        return self.rid.reveal()


@st.composite
def rendered(draw: st.DrawFn) -> Rendered:
    """A valid number (X check characters included) in any form, maybe embedded, maybe cut."""
    rid = draw(resident_ids(min_birth=date(1930, 1, 1), max_birth=date(2008, 12, 31)))
    text = render(
        rid.reveal(), draw(st.sampled_from(FORMS)), draw(st.sampled_from(EMBEDDINGS))
    )
    if draw(st.booleans()):
        text = text[: draw(st.integers(14, len(text)))]
    return Rendered(rid=rid, text=text)


def _refused(call: Callable[[], object]) -> str:
    """Run *call*; return the text of the SkillchainError it raises ("" if none)."""
    try:
        call()
    except SkillchainError as error:
        return str(error)
    return ""


# --- identifiers, codes, amounts ------------------------------------------------------


@given(rendered())
def test_identifier_and_amount_errors_hide_the_number(value: Rendered) -> None:
    """ResidentId, codes and yuan() refuse the text without showing the number."""
    text = value.text
    for build in (ResidentId, CreditCode, DivisionCode, OccupationCode, yuan):
        refused = _refused(lambda build=build: build(text))  # type: ignore[misc]
        assert_hidden(refused, value.number)
        assert len(refused) < 1000
    accepted = _refused(lambda: ResidentId(text)) == ""
    if accepted:
        assert_hidden(repr(ResidentId(text)), value.number)
        assert_hidden(str(ResidentId(text)), value.number)


@given(rendered())
def test_valid_numbers_print_masked_everywhere(value: Rendered) -> None:
    """A ResidentId and the records holding it print masked in str, repr and format."""
    rid = value.rid
    person = Person(id=rid)
    for text in (str(rid), repr(rid), f"{rid}", rid.masked, repr(person), str(person)):
        assert_hidden(text, value.number)
    assert_hidden(repr([rid, {rid: person}]), value.number)


# --- structure() ------------------------------------------------------------------------


@given(rendered())
def test_structure_errors_hide_the_number(value: Rendered) -> None:
    """The number as an id, a key, a date or an amount is refused without showing it."""
    text = value.text
    documents: list[tuple[object, type]] = [
        ({"id": text}, Person),
        ({"id": value.number, text: 1}, Person),
        ({"id": value.number, "hukou_division": text}, Person),
        ({"start": text}, ApprenticeshipProgramme),
        ({"online_hours": text}, ApprenticeshipProgramme),
        ({"planned_months": text}, ApprenticeshipProgramme),
        (text, ResidentId),
        (text, date),
        (text, Decimal),
        ([text], Person),
    ]
    for document, target in documents:
        try:
            structure(document, target)
        except InputError as error:
            assert_hidden(str(error), value.number)
            for problem in error.problems:
                assert_hidden(str(problem), value.number)


@given(rendered())
def test_records_with_the_number_in_free_text_print_masked(value: Rendered) -> None:
    """A name that holds an identity number is masked in the record's repr."""
    assert_hidden(repr(Person(id=value.rid, name=value.text)), value.number)


# --- explain() ----------------------------------------------------------------------


def _skill_upgrade_case() -> CaseFile:
    path = EXAMPLES / "cases" / "skill-upgrade.toml"
    return load_cases(path, overlay_root=EXAMPLES)[0]


SKILL_UPGRADE = _skill_upgrade_case()


def _with_person(facts: dict[str, object], rid: ResidentId) -> dict[str, object]:
    person = facts["person"]
    certificate = facts["certificate"]
    return {
        **facts,
        "person": attrs.evolve(person, id=rid),  # type: ignore[misc]
        "certificate": attrs.evolve(certificate, holder=rid),  # type: ignore[misc]
    }


@given(rendered())
def test_explanations_of_cases_holding_the_number_hide_it(value: Rendered) -> None:
    """explain(), str, repr and the case-file report of a decision on the person."""
    case = SKILL_UPGRADE.case
    facts = _with_person(dict(case.facts), value.rid)
    decision = evaluate(
        SKILL_UPGRADE.rule, SKILL_UPGRADE.policy, {**facts, "on": case.on}
    )
    for text in (
        decision.explain("zh"),
        decision.explain("en"),
        str(decision),
        repr(decision),
    ):
        assert_hidden(text, value.number)
    named = attrs.evolve(SKILL_UPGRADE, name=value.text)
    assert_hidden(check_case(named).report(), value.number)


# --- the testing kit ---------------------------------------------------------------------


@settings(max_examples=25)
@given(rendered())
def test_testing_kit_reports_hide_numbers_in_case_names(value: Rendered) -> None:
    """compare() reports, repr and every assertion message mask case names."""
    base = SKILL_UPGRADE.case
    facts = _with_person(dict(base.facts), value.rid)
    cases = [
        Case(name=f"{value.text} row {i}", on=on, facts=facts)
        for i, on in enumerate((date(2024, 6, 1), date(2026, 6, 1)))
    ]
    comparison = compare(
        SKILL_UPGRADE.rule, SKILL_UPGRADE.policy, Policy.default(), cases
    )
    assert comparison.changed
    for text in (str(comparison), repr(comparison), comparison.report()):
        assert_hidden(text, value.number)
    failing: list[Callable[[], object]] = [
        lambda: assert_amount_capped(
            SKILL_UPGRADE.rule, SKILL_UPGRADE.policy, cases, cap=Decimal(1)
        ),
        lambda: assert_no_retroactive_change(
            SKILL_UPGRADE.rule,
            SKILL_UPGRADE.policy,
            Policy.default(),
            cases,
            before=date(2030, 1, 1),
        ),
        lambda: assert_relaxes(
            SKILL_UPGRADE.rule, SKILL_UPGRADE.policy, Policy.default(), cases
        ),
    ]
    for check in failing:
        try:
            check()
        except AssertionError as error:
            assert_hidden(str(error), value.number)
    for case in cases:
        assert_hidden(repr(case), value.number)
        with pytest.raises(KeyError) as missing:
            case.fact(value.text)
        assert_hidden(str(missing.value), value.number)
    with pytest.raises(KeyError) as unknown:
        compare(value.text, SKILL_UPGRADE.policy, Policy.default(), cases)
    assert_hidden(str(unknown.value), value.number)
    refused = _refused(
        lambda: evaluate(
            SKILL_UPGRADE.rule,
            SKILL_UPGRADE.policy,
            {**facts, value.text: 1, "on": base.on},
        )
    )
    assert refused
    assert_hidden(refused, value.number)


# --- case files ----------------------------------------------------------------------


@contextlib.contextmanager
def _folder() -> Iterator[Path]:
    """A temporary folder (Hypothesis examples cannot share pytest's tmp_path)."""
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def _toml_string(text: str) -> str:
    """A TOML basic string holding *text* (JSON's escapes are TOML's)."""
    return json.dumps(text)


CASE_FILE = """\
rule = "skill_upgrade"
overlay = {overlay}

[[case]]
name = {name}
on = {on}

[case.facts]
shortage_occupation = true
history = []
{extra}

[case.facts.person]
id = {person}
hukou_division = "440304"
civil_service_establishment = false
full_time_student = false
drawing_pension = false

[case.facts.certificate]
holder = {person}
kind = "skill_level"
occupation = "4-02-07-08"
level = "advanced"
issued_on = 2024-03-01
issuer_kind = "social_evaluation_organisation"

[case.expect]
outcome = {outcome}
amount = {amount}
"""


def _case_file(folder: Path, value: Rendered, **changes: str) -> Path:
    fields = {
        "overlay": _toml_string(
            str(EXAMPLES / "overlays" / "skill-upgrade-catalogue-row.toml")
        ),
        "name": _toml_string("privacy"),
        "on": "2024-06-01",
        "extra": "",
        "person": _toml_string(value.number),
        "outcome": '"eligible"',
        "amount": '"2600.00"',
    }
    fields.update(changes)
    path = folder / "case.toml"
    path.write_text(CASE_FILE.format(**fields), encoding="utf-8")
    return path


@settings(max_examples=30)
@given(rendered())
def test_case_file_errors_hide_the_number(value: Rendered) -> None:
    """The number as ``on``, in ``[expect]``, as a fact key or as the id: no leak."""
    quoted = _toml_string(value.text)
    variants = [
        {"on": quoted},
        {"outcome": quoted},
        {"amount": quoted},
        {"extra": f"{quoted} = 1"},
        {"person": quoted},
    ]
    with _folder() as folder:
        for change in variants:
            path = _case_file(folder, value, **change)
            try:
                cases = load_cases(path, overlays_anywhere=True)
            except SkillchainError as error:
                assert_hidden(str(error), value.number)
            else:
                for case in cases:
                    assert_hidden(check_case(case).report(), value.number)


# --- the command line -------------------------------------------------------------------


def _run(argv: list[str]) -> tuple[int, str]:
    """Run the command line; return its status and everything it printed."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        try:
            status = main(argv, out=out)
        except SystemExit as stop:
            status = int(stop.code or 0)
    return status, out.getvalue() + err.getvalue()


@settings(max_examples=20, deadline=None)
@given(rendered())
def test_cli_arguments_are_masked_when_echoed(value: Rendered) -> None:
    """``--on``, ``params NAME``, ``schema TYPE`` and a file path: no leak, exit 2."""
    text = value.text
    with _folder() as folder:
        facts = folder / "facts.json"
        facts.write_text("{}", encoding="utf-8")
        runs = [
            ["check", str(facts), "--rule", "skill_upgrade", "--on", text],
            ["params", "--on", text],
            ["params", text],
            ["params", text, "--history"],
            ["schema", text],
            ["check", str(folder / f"{text}.toml")],
            ["check", str(folder / text)],
            ["check", str(facts), "--rule", text, "--on", "2024-06-01"],
        ]
        for argv in runs:
            status, printed = _run(argv)
            assert status == 2, (argv[0], printed[:300])
            assert "Traceback" not in printed
            assert_hidden(printed, value.number)


@settings(max_examples=15, deadline=None)
@given(rendered())
def test_cli_check_of_a_case_file_holding_the_number(value: Rendered) -> None:
    """Checking a case file whose person is the number prints it masked."""
    with _folder() as folder:
        path = _case_file(folder, value, name=_toml_string(value.text))
        status, printed = _run(["check", str(path)])
        assert status in {0, 1, 2}
        assert_hidden(printed, value.number)


@settings(max_examples=15, deadline=None)
@given(rendered())
def test_simulate_population_without_header_hides_the_number(value: Rendered) -> None:
    """A CSV without a header row is refused without echoing its first row."""
    with _folder() as folder:
        population = folder / "p.csv"
        with population.open("w", encoding="utf-8", newline="") as stream:
            csv.writer(stream).writerow([value.text, "2025-10-08", "1", "1", ""])
        status, printed = _run(
            [
                "simulate",
                str(population),
                "--rule",
                "apprenticeship.settlement",
                "--reform",
                str(REFORM),
            ]
        )
        assert status == 2
        assert_hidden(printed, value.number)


def _population_head(rows: int) -> list[list[str]]:
    with POPULATION.open(encoding="utf-8", newline="") as stream:
        reader = csv.reader(stream)
        return [next(reader) for _ in range(rows + 1)]


POPULATION_HEAD = _population_head(5)


@settings(max_examples=15, deadline=None)
@given(rendered())
def test_simulate_changed_output_hides_numbers_in_names(value: Rendered) -> None:
    """Rows labelled by identity number: the summary and ``--changed`` mask them."""
    header, *rows = POPULATION_HEAD
    person = header.index("enrolment.person.id")
    with _folder() as folder:
        population = folder / "p.csv"
        with population.open("w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream)
            writer.writerow(header)
            for i, row in enumerate(rows):
                labelled = [f"{value.text} row {i}", *row[1:]]
                labelled[person] = value.number
                writer.writerow(labelled)
        changed = folder / "changed.jsonl"
        status, printed = _run(
            [
                "simulate",
                str(population),
                "--rule",
                "apprenticeship.case",
                "--baseline",
                str(DIRECTORY),
                "--reform",
                str(REFORM),
                "--changed",
                str(changed),
            ]
        )
        assert status == 0, printed[:500]
        written = changed.read_text(encoding="utf-8")
        assert written
        assert_hidden(printed, value.number)
        assert_hidden(written, value.number)
        assert_hidden(json.dumps(json.loads(written.splitlines()[0])), value.number)
