"""Reforms built in Python (Policy.with_values, Reform), the keys of keyed tables an
overlay may drop, overlay files without descriptions, and the reform strategies."""

from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from skillchain import (
    DateRange,
    Document,
    DocumentLevel,
    InvalidValueError,
    Policy,
    PolicyFileError,
    Provenance,
    Resolved,
    SkillLevel,
)
from skillchain.model import SetupProcedure
from skillchain.policy import (
    Programme,
    Reform,
    Removal,
    parameter,
    register_programme,
    unregister_programme,
)
from skillchain.policy.kinds import MONEY
from skillchain.testing.strategies import (
    REFORM_DOCUMENT,
    keyed_tables,
    reform_builders,
    reforms,
    removals,
)


RATES = "apprenticeship.annual_subsidy"
MONTHS = "apprenticeship.contract_min_months"
PROCEDURE = "institutions.procedure"
CATALOGUE = "skill_upgrade.catalogue"
BASE = Policy.default()
DRAFT = Document(
    id="draft-2027",
    title="福田区企业新型学徒制补贴标准（示例草案）",
    issuers=("示例",),
    level=DocumentLevel.DISTRICT,
    provenance=Provenance.UNVERIFIED,
)
SHENZHEN = "440300"
GUANGZHOU = "440100"
REPO = Path(__file__).resolve().parent.parent
ROW = REPO / "examples" / "overlays" / "skill-upgrade-catalogue-row.toml"

HEADER = """
[documents.draft]
title = "草案"
issuers = ["示例"]
level = "district"
provenance = "unverified"
"""


def draft(body: str, name: str = "draft.toml") -> Policy:
    """A policy file of the draft document and *body*."""
    return Policy.loads(HEADER + body, name=name)


def rates_value(value: str, extra: str = "", since: str = "2027-01-01") -> str:
    """One value of the annual rates, without description or unit."""
    return (
        f'[[parameters."{RATES}".values]]\n'
        f'since = {since}\nvalue = {value}\ndocument = "draft"\n{extra}\n'
    )


def problems(error: pytest.ExceptionInfo[PolicyFileError]) -> list[tuple[str, str]]:
    """(path, message) of every problem of a refusal."""
    return [(p.path, p.message) for p in error.value.problems]


def levels(table: object) -> dict[str, str]:
    """A table by skill level as {slug: amount text}."""
    assert isinstance(table, dict)
    return {level.value: str(amount) for level, amount in table.items()}


def procedures(table: object) -> dict[str, str]:
    """A table of procedures by city as {code: procedure}."""
    assert isinstance(table, dict)
    return {str(code): item.value for code, item in table.items()}


def cited(value: Resolved[object]) -> str | None:
    """The id of the document *value* cites."""
    return value.citation.document.id if value.citation else None


def on(policy: Policy, name: str, day: date) -> Any:
    """The value of *name* in force on *day*."""
    return policy.at(day).get(name).value


# --- updating a keyed table ---------------------------------------------------------


def test_an_update_of_one_level_keeps_the_others() -> None:
    """Raising the 高级工 rate from 2027 keeps the 中级工 and 技师 rates, and leaves
    2026 alone."""
    reform = BASE.with_values(
        document=DRAFT,
        since=date(2027, 1, 1),
        update={RATES: {SkillLevel.ADVANCED: Decimal(8000)}},
    )
    assert levels(on(reform, RATES, date(2026, 12, 31))) == {
        "intermediate": "5500",
        "advanced": "7000",
        "technician": "8500",
    }
    assert levels(on(reform, RATES, date(2027, 1, 1))) == {
        "intermediate": "5500",
        "advanced": "8000",
        "technician": "8500",
    }


def test_typed_and_toml_values_give_the_same_reform() -> None:
    """{SkillLevel.ADVANCED: Decimal("8000")}, {"advanced": "8000"}, {"高级工": 8000}
    are one update."""
    given: list[dict[Any, Any]] = [
        {SkillLevel.ADVANCED: Decimal(8000)},
        {"advanced": "8000"},
        {"高级工": 8000},
    ]
    prints = {
        BASE.with_values(
            document=DRAFT, since=date(2027, 1, 1), update={RATES: table}
        ).fingerprint
        for table in given
    }
    assert len(prints) == 1


def test_an_update_applies_to_each_piece_of_a_base_that_changes_inside_the_period() -> (
    None
):
    """Guangzhou joins the procedure table on 2025-07-30: an update of Shenzhen's
    entry over 2025 is laid into both tables, cut where the base is cut."""
    reform = BASE.with_values(
        document=DRAFT,
        since=date(2025, 1, 1),
        until=date(2025, 12, 31),
        update={PROCEDURE: {SHENZHEN: "approval_with_commitment"}},
    )
    first, last = BASE.parameter(PROCEDURE).values
    assert first.period is not None
    assert [
        (v.period, procedures(v.value), cited(v))
        for v in reform.parameter(PROCEDURE).values
    ] == [
        (
            DateRange(first.period.start, date(2024, 12, 31)),
            {SHENZHEN: "filing"},
            cited(first),
        ),
        (
            DateRange(date(2025, 1, 1), date(2025, 7, 29)),
            {SHENZHEN: "approval_with_commitment"},
            "draft-2027",
        ),
        (
            DateRange(date(2025, 7, 30), date(2025, 12, 31)),
            {
                GUANGZHOU: "approval_with_commitment",
                SHENZHEN: "approval_with_commitment",
            },
            "draft-2027",
        ),
        (
            DateRange(date(2026, 1, 1)),
            {GUANGZHOU: "approval_with_commitment", SHENZHEN: "filing"},
            cited(last),
        ),
    ]


def test_an_update_of_a_nested_table_merges_the_row() -> None:
    """Changing one level of one occupation's catalogue row keeps its other levels."""
    base = BASE.overlay(Policy.from_files(ROW))
    reform = base.with_values(
        document=DRAFT,
        since=date(2024, 1, 1),
        until=date(2025, 12, 31),
        update={CATALOGUE: {"4-02-07-08": {"advanced": "2100"}}},
    )
    (row,) = on(reform, CATALOGUE, date(2024, 6, 1)).values()
    (old,) = on(base, CATALOGUE, date(2024, 6, 1)).values()
    assert levels(row) == {**levels(old), "advanced": "2100"}


def test_removing_keys_alone_keeps_the_rest() -> None:
    """remove= without a new value drops the named rate and keeps the others."""
    reform = BASE.with_values(
        document=DRAFT, since=date(2027, 1, 1), remove={RATES: ["技师"]}
    )
    assert levels(on(reform, RATES, date(2027, 1, 1))) == {
        "intermediate": "5500",
        "advanced": "7000",
    }
    assert reform.removals == (
        Removal(
            name=RATES, period=DateRange(date(2027, 1, 1)), keys=(("technician",),)
        ),
    )


# --- replacing a keyed table --------------------------------------------------------


def test_a_replacement_that_drops_keys_names_them() -> None:
    """A one-level table given as the new rates would drop 中级工 and 技师: refused,
    naming them and how to keep or drop them."""
    with pytest.raises(PolicyFileError) as error:
        BASE.with_values(
            document=DRAFT,
            since=date(2027, 1, 1),
            replace={RATES: {"advanced": "8000"}},
        )
    ((path, message),) = problems(error)
    assert path == f'replace["{RATES}"]'
    assert message == (
        "the new table lacks intermediate, technician, which the base table in force "
        "from 2027-01-01 onwards has; give them, change only some keys with update=, "
        f'or drop them with remove={{"{RATES}": ["intermediate", "technician"]}}'
    )
    assert error.value.problems[0].file == "reform from 2027-01-01 (draft-2027)"


def test_a_replacement_drops_exactly_the_keys_removed() -> None:
    """The same table with the two levels in remove= is taken: the 2027 table is the
    one given, and the policy records the keys it drops."""
    reform = BASE.with_values(
        document=DRAFT,
        since=date(2027, 1, 1),
        replace={RATES: {"advanced": "8000"}},
        remove={RATES: [SkillLevel.INTERMEDIATE, "technician"]},
    )
    assert levels(on(reform, RATES, date(2027, 1, 1))) == {"advanced": "8000"}
    (removal,) = reform.removals
    assert removal.labels() == ("intermediate", "technician")


def test_a_whole_table_with_every_key_replaces_the_base() -> None:
    """A replacement that keeps every level and adds one needs no remove=."""
    table = {"intermediate": "6000", "advanced": "7500", "technician": "9000"}
    reform = BASE.with_values(
        document=DRAFT,
        since=date(2027, 1, 1),
        replace={RATES: {**table, "senior_technician": "10000"}},
    )
    assert levels(on(reform, RATES, date(2027, 1, 1))) == {
        **table,
        "senior_technician": "10000",
    }


# --- the period, the document, the result ------------------------------------------


def test_the_period_cuts_the_base_on_its_first_and_last_day() -> None:
    """A 2027 value is in force from its first to its last day, the base's either side."""
    reform = BASE.with_values(
        document=DRAFT,
        since=date(2027, 1, 1),
        until=date(2027, 12, 31),
        replace={MONTHS: 6},
    )
    assert [
        on(reform, MONTHS, day) for day in (date(2026, 12, 31), date(2027, 1, 1))
    ] == [12, 6]
    assert [
        on(reform, MONTHS, day) for day in (date(2027, 12, 31), date(2028, 1, 1))
    ] == [6, 12]
    assert [
        (v.period.start, v.period.end)
        for v in reform.parameter(MONTHS).values
        if v.period
    ] == [
        (date(2021, 6, 8), date(2026, 12, 31)),
        (date(2027, 1, 1), date(2027, 12, 31)),
        (date(2028, 1, 1), None),
    ]


def test_the_new_values_cite_the_document() -> None:
    """Every new value cites the reform's document at its article, with its provenance
    and the note; the document joins the register; the sources name the reform."""
    reform = BASE.with_values(
        document=DRAFT,
        since=date(2027, 1, 1),
        update={RATES: {"advanced": "8000"}},
        replace={MONTHS: 6},
        article="第三条",
        note="draft figure",
        name="2027 draft",
    )
    for name in (RATES, MONTHS):
        value = reform.at(date(2027, 6, 1)).get(name)
        assert value.citation is not None
        assert value.citation.document == DRAFT
        assert value.citation.article == "第三条"
        assert value.provenance is Provenance.UNVERIFIED
        assert value.note == "draft figure"
    assert reform.documents["draft-2027"] == DRAFT
    assert reform.sources == (*BASE.sources, "2027 draft")
    assert reform.fingerprint != BASE.fingerprint
    old = reform.at(date(2026, 6, 1)).get(MONTHS)
    assert old.citation is not None
    assert old.citation.document.id == "mohrss-2021-39"


def test_a_register_id_cites_the_base_document() -> None:
    """A document given by id is the base's; an unknown id is refused."""
    reform = BASE.with_values(
        document="sz-2019-11", since=date(2027, 1, 1), replace={MONTHS: 6}
    )
    cited = reform.at(date(2027, 1, 1)).get(MONTHS).citation
    assert cited is not None
    assert cited.document is BASE.documents["sz-2019-11"]
    with pytest.raises(PolicyFileError) as error:
        BASE.with_values(
            document="nowhere", since=date(2027, 1, 1), replace={MONTHS: 6}
        )
    assert problems(error) == [
        (
            "document",
            (
                "unknown document 'nowhere'; pass a Document, or the id of one in the base "
                "policy's register"
            ),
        )
    ]


def test_a_document_redefining_a_base_id_is_refused() -> None:
    """A Document whose id the base registers differently is refused."""
    clash = attrs.evolve(DRAFT, id="sz-2019-11")
    with pytest.raises(PolicyFileError) as error:
        BASE.with_values(document=clash, since=date(2027, 1, 1), replace={MONTHS: 6})
    ((path, message),) = problems(error)
    assert path == "document"
    assert "own id" in message


def test_the_base_is_unchanged() -> None:
    """A reform returns a new policy; the base keeps its values and fingerprint."""
    fingerprint = BASE.fingerprint
    history = BASE.parameter(RATES).values
    BASE.with_values(
        document=DRAFT, since=date(2027, 1, 1), update={RATES: {"advanced": 1}}
    )
    assert BASE.fingerprint == fingerprint
    assert BASE.parameter(RATES).values == history


# --- what a reform refuses ----------------------------------------------------------


def test_values_are_read_with_their_kind() -> None:
    """A value the kind refuses is named with the parameter and what was expected;
    every problem is listed at once."""
    with pytest.raises(PolicyFileError) as error:
        BASE.with_values(
            document=DRAFT,
            since=date(2027, 1, 1),
            replace={MONTHS: 1201, "apprenticeship.no_such": 1},
            update={RATES: {"advanced": Decimal(-1)}},
        )
    assert problems(error) == [
        (
            f'replace["{MONTHS}"]',
            "expected a whole number of months from 0 to 1200, got 1201",
        ),
        (
            '["apprenticeship.no_such"]',
            "unknown parameter; see skillchain.policy.specs() for the names",
        ),
        (
            f'update["{RATES}"]',
            "advanced: expected a non-negative amount in yuan, got '-1'",
        ),
    ]


@pytest.mark.parametrize(
    ("changes", "path", "message"),
    [
        (
            {"update": {"apprenticeship.provincial_rate_min": {"advanced": 1}}},
            'update["apprenticeship.provincial_rate_min"]',
            (
                "apprenticeship.provincial_rate_min is not a keyed table (its kind is "
                "'money'); give its new value with replace="
            ),
        ),
        (
            {"update": {RATES: {}}},
            f'update["{RATES}"]',
            "expected a non-empty table of the keys to change, got {}",
        ),
        (
            {"remove": {RATES: ["senior_technician"]}},
            f'remove["{RATES}"]',
            (
                "names senior_technician, which no base table in force from 2027-01-01 "
                "onwards has"
            ),
        ),
        (
            {"update": {RATES: {"advanced": 1}}, "remove": {RATES: ["advanced"]}},
            f'remove["{RATES}"]',
            "names advanced, which update= gives; keep each key in one of them",
        ),
        (
            {
                "replace": {RATES: {"advanced": 1, "technician": 2}},
                "remove": {RATES: ["intermediate", "advanced"]},
            },
            f'remove["{RATES}"]',
            (
                "names advanced, which the new table gives; leave a key out of the "
                "table, or out of remove="
            ),
        ),
        (
            {"replace": {MONTHS: 6}, "remove": {MONTHS: ["x"]}},
            f'remove["{MONTHS}"]',
            (
                f"{MONTHS} is not a keyed table (its kind is 'months'); only a table's "
                "keys are removed"
            ),
        ),
        (
            {"replace": {MONTHS: 6}, "update": {MONTHS: {"a": 1}}},
            f'update["{MONTHS}"]',
            "the parameter is given in replace= too; give its new value in one of them",
        ),
        (
            {"remove": {RATES: ["intermediate", "advanced", "technician"]}},
            f'remove["{RATES}"]',
            (
                "the table from 2027-01-01 onwards would be refused: expected a table of "
                'skill level to amount, e.g. { intermediate = "5500" }'
            ),
        ),
        (
            {},
            "(reform)",
            "changes nothing; give new values with replace=, update= or remove=",
        ),
    ],
    ids=[
        "not keyed",
        "empty update",
        "key not in base",
        "update and remove",
        "replace and remove",
        "remove from a number",
        "replace and update",
        "nothing left",
        "nothing",
    ],
)
def test_a_reform_that_does_not_fit_is_refused(
    changes: dict[str, Any], path: str, message: str
) -> None:
    """Each misuse is refused with the parameter, what is wrong and what to do."""
    with pytest.raises(PolicyFileError) as error:
        BASE.with_values(document=DRAFT, since=date(2027, 1, 1), **changes)
    assert problems(error) == [(path, message)]


def test_an_update_where_the_base_has_no_table_is_refused() -> None:
    """The rates are known from 2019-12-19: an update from 2019-01-01 has nothing to
    update before, and says until when."""
    with pytest.raises(PolicyFileError) as error:
        BASE.with_values(
            document=DRAFT, since=date(2019, 1, 1), update={RATES: {"advanced": 1}}
        )
    assert problems(error) == [
        (
            f'update["{RATES}"]',
            (
                f"{RATES} has no table in force from 2019-01-01 to 2019-12-18 to update; "
                "give the whole table with replace=, or end the reform before that day"
            ),
        )
    ]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"since": date(2027, 1, 1), "until": date(2026, 12, 31)}, "Reform.until"),
        ({"since": datetime(2027, 1, 1, 0, 0)}, "Reform.since"),
        ({"since": "2027-01-01"}, "Reform.since"),
        ({"since": date(2027, 1, 1), "document": ""}, "Reform.document"),
    ],
)
def test_a_reform_needs_a_period_and_a_document(
    fields: dict[str, Any], field: str
) -> None:
    """The period and the document are checked when the reform is built."""
    with pytest.raises(InvalidValueError) as error:
        Reform(**{"document": DRAFT, **fields})
    assert error.value.field == field


# --- the Reform builder -------------------------------------------------------------


def test_a_reform_is_built_step_by_step_and_never_changes() -> None:
    """Each builder returns a new reform; one reform applies to several bases."""
    empty = Reform(document=DRAFT, since=date(2027, 1, 1))
    raised = empty.update(RATES, {"advanced": "8000"}).update(
        RATES, {"technician": 9000}
    )
    shorter = raised.replace(MONTHS, 6).remove(RATES, "中级工")
    assert empty.updated == {}
    assert raised.removed == {}
    assert shorter.updated[RATES] == {"advanced": "8000", "technician": 9000}
    assert shorter.removed == {RATES: ("中级工",)}
    with_row = BASE.overlay(Policy.from_files(ROW))
    for base in (BASE, with_row):
        reformed = shorter.apply(base)
        assert levels(on(reformed, RATES, date(2027, 1, 1))) == {
            "advanced": "8000",
            "technician": "9000",
        }
        assert on(reformed, MONTHS, date(2027, 1, 1)) == 6
        assert reformed.sources[-1] == "reform from 2027-01-01 (draft-2027)"
    same = BASE.with_values(
        document=DRAFT,
        since=date(2027, 1, 1),
        update={RATES: {"advanced": "8000", "technician": 9000}},
        replace={MONTHS: 6},
        remove={RATES: "中级工"},
    )
    assert shorter.apply(BASE).fingerprint == same.fingerprint


def test_a_reform_reads_former_parameter_names() -> None:
    """A parameter under its former programme key is changed under its current name."""
    standards = on(BASE, "levels.standards", date(2024, 6, 1))
    reform = BASE.with_values(
        document=DRAFT,
        since=date(2027, 1, 1),
        replace={"level_application.district_standards": standards[:1]},
    )
    assert on(reform, "levels.district_standards", date(2027, 1, 1)) == standards[:1]


# --- overlay files ------------------------------------------------------------------


def test_an_overlay_file_needs_no_description_or_unit() -> None:
    """The declared spec knows the unit and the base the descriptions."""
    file = draft(
        f'[[parameters."{MONTHS}".values]]\nsince = 2027-01-01\nvalue = 6\n'
        'document = "draft"\n'
    )
    assert file.parameter(MONTHS).unit == "months"
    reform = BASE.overlay(file)
    assert on(reform, MONTHS, date(2027, 1, 1)) == 6
    kept = reform.parameter(MONTHS)
    assert (kept.description_en, kept.unit) == (
        BASE.parameter(MONTHS).description_en,
        "months",
    )


def test_an_overlay_file_with_another_unit_is_refused() -> None:
    """A unit that is not the declared one is named next to the declared one."""
    with pytest.raises(PolicyFileError) as error:
        draft(
            f'[parameters."{MONTHS}"]\nunit = "years"\n'
            f'[[parameters."{MONTHS}".values]]\nsince = 2027-01-01\nvalue = 6\n'
            'document = "draft"\n'
        )
    assert problems(error) == [
        (
            f'parameters."{MONTHS}".unit',
            f"wrong unit 'years'; {MONTHS} is measured in 'months'",
        )
    ]


def test_a_file_describes_a_parameter_in_both_languages_or_neither() -> None:
    """One description without the other is refused."""
    with pytest.raises(PolicyFileError) as error:
        draft(f'[parameters."{MONTHS}"]\ndescription_zh = "最短期限"\n')
    assert problems(error) == [
        (
            f'parameters."{MONTHS}".description_en',
            (
                "required key is missing: a parameter with description_zh is described "
                "in both languages"
            ),
        )
    ]


def test_a_programme_data_file_must_still_describe_its_parameters(
    tmp_path: Path,
) -> None:
    """A programme's own data file describes every parameter it declares."""

    @attrs.frozen(kw_only=True)
    class LodgingParameters:
        """A made-up lodging subsidy."""

        monthly_rate: Resolved[Decimal] = parameter(MONEY, "yuan_per_month")  # noqa: RUF009
        """The subsidy per month."""

    data = tmp_path / "lodging.toml"
    data.write_text('[parameters."lodging.monthly_rate"]\nunit = "yuan_per_month"\n')
    programme = Programme(
        key="lodging",
        title_zh="住宿补贴",
        title_en="Lodging subsidy",
        parameters=LodgingParameters,
        data=data,
    )
    with pytest.raises(InvalidValueError) as error:
        register_programme(programme)
    assert "description_zh: required key is missing" in error.value.problem
    with pytest.raises(KeyError):
        unregister_programme("lodging")


def test_an_overlay_that_drops_keys_is_refused_naming_them() -> None:
    """A one-level table laid over the three rates names the parameter, the period
    and the two levels it would drop."""
    with pytest.raises(PolicyFileError) as error:
        BASE.overlay(draft(rates_value('{ advanced = "8000" }'), name="raise.toml"))
    (problem,) = error.value.problems
    assert (problem.file, problem.path) == ("raise.toml", f'parameters."{RATES}"')
    assert problem.message == (
        "from 2027-01-01 onwards the value drops intermediate, technician, which the "
        "base table in force has; give them in the value, or declare that it drops "
        'them with removes = ["intermediate", "technician"]'
    )


def test_each_base_table_the_value_spans_is_checked() -> None:
    """A value from 2024 over the procedure table that gains Guangzhou on 2025-07-30
    drops Guangzhou from that day only."""
    body = (
        f'[[parameters."{PROCEDURE}".values]]\nsince = 2025-01-01\n'
        f'value = {{ "{SHENZHEN}" = "filing" }}\ndocument = "draft"\n'
    )
    with pytest.raises(PolicyFileError) as error:
        BASE.overlay(draft(body))
    assert [p.message for p in error.value.problems] == [
        (
            f"from 2025-07-30 onwards the value drops {GUANGZHOU}, which the base table "
            f"in force has; give them in the value, or declare that it drops them with "
            f'removes = ["{GUANGZHOU}"]'
        )
    ]


def test_declared_removes_let_exactly_those_keys_go() -> None:
    """removes = [...] (in the kind's spelling or another it reads) lets the keys go."""
    for spelling in ('["intermediate", "technician"]', '["中级工", "技师"]'):
        file = draft(rates_value('{ advanced = "8000" }', f"removes = {spelling}"))
        reform = BASE.overlay(file)
        assert levels(on(reform, RATES, date(2027, 1, 1))) == {"advanced": "8000"}
        (removal,) = file.removals
        assert removal.keys == (("intermediate",), ("technician",))
        assert reform.removals == file.removals
    with pytest.raises(PolicyFileError) as error:
        BASE.overlay(
            draft(rates_value('{ advanced = "8000" }', 'removes = ["中级工"]'))
        )
    assert "drops technician," in error.value.problems[0].message


def test_a_nested_key_is_declared_as_a_list() -> None:
    """A catalogue row that lacks levels of the base row names each, as a list."""
    base = BASE.overlay(Policy.from_files(ROW))
    body = (
        f'[[parameters."{CATALOGUE}".values]]\nsince = 2024-01-01\nuntil = 2025-12-31\n'
        'value = { "4-02-07-08" = { elementary = "1000", intermediate = "1500", '
        'advanced = "2000", technician = "2500" } }\ndocument = "draft"\n'
    )
    with pytest.raises(PolicyFileError) as error:
        base.overlay(draft(body))
    assert error.value.problems[0].message.endswith(
        'removes = [["4-02-07-08", "senior_technician"]]'
    )
    reform = base.overlay(
        draft(body + 'removes = [["4-02-07-08", "senior_technician"]]\n')
    )
    (row,) = on(reform, CATALOGUE, date(2024, 6, 1)).values()
    assert "senior_technician" not in levels(row)


@pytest.mark.parametrize(
    ("extra", "value", "message"),
    [
        (
            'removes = ["advanced"]',
            '{ advanced = "8000" }',
            (
                "removes advanced, which the value gives; remove a key by leaving it out "
                "of the value"
            ),
        ),
        (
            'removes = "technician"',
            '{ advanced = "8000" }',
            (
                "expected a non-empty list of the keys this value drops, each a string or, "
                "for a key of a nested table, a list of strings, e.g. removes = "
                "[\"technician\"]; got 'technician'"
            ),
        ),
        (
            "removes = []",
            '{ advanced = "8000" }',
            (
                "expected a non-empty list of the keys this value drops, each a string or, "
                "for a key of a nested table, a list of strings, e.g. removes = "
                '["technician"]; got []'
            ),
        ),
    ],
    ids=["kept key", "not a list", "empty"],
)
def test_a_malformed_removes_is_refused_where_it_is_written(
    extra: str, value: str, message: str
) -> None:
    """removes is checked when the file is read, at its own path."""
    with pytest.raises(PolicyFileError) as error:
        draft(rates_value(value, extra))
    assert problems(error) == [(f'parameters."{RATES}".values[0].removes', message)]


def test_removes_on_a_value_that_is_no_table_is_refused() -> None:
    """Only a keyed table's value removes keys."""
    with pytest.raises(PolicyFileError) as error:
        draft(
            f'[[parameters."{MONTHS}".values]]\nsince = 2027-01-01\nvalue = 6\n'
            'document = "draft"\nremoves = ["x"]\n'
        )
    assert problems(error) == [
        (
            f'parameters."{MONTHS}".values[0].removes',
            f"only a keyed table's value removes keys; {MONTHS} is of kind 'months'",
        )
    ]


def test_removes_naming_a_key_the_base_lacks_is_refused() -> None:
    """A declared key that no base table in force has is a misspelling or stale."""
    file = draft(
        rates_value(
            '{ intermediate = "5500", advanced = "8000", technician = "8500" }',
            'removes = ["senior_technician"]',
        )
    )
    with pytest.raises(PolicyFileError) as error:
        BASE.overlay(file)
    assert [p.message for p in error.value.problems] == [
        (
            "the value from 2027-01-01 onwards removes senior_technician, which no base "
            "table in force then has; remove only keys the base table has"
        )
    ]


@pytest.mark.parametrize(
    "path",
    sorted((REPO / "examples" / "overlays").glob("*.toml")),
    ids=lambda p: p.name,
)
def test_the_example_overlays_lay_over_the_bundled_policy(path: Path) -> None:
    """Every example overlay keeps the keys of the bundled tables it replaces."""
    BASE.overlay(Policy.from_files(path))


# --- strategies ---------------------------------------------------------------------

BAND = BASE.at(date(2024, 6, 1)).apprenticeship
LOW, HIGH = BAND.provincial_rate_min.value, BAND.provincial_rate_max.value
assert LOW is not None
assert HIGH is not None
DAYS = st.dates(date(2019, 1, 1), date(2030, 12, 31))


@settings(max_examples=25, deadline=None)
@given(
    reform=reforms(BASE, RATES, keyed_tables(BASE, RATES, low=LOW, high=HIGH)), day=DAYS
)
def test_every_drawn_reform_keeps_every_base_key(reform: Policy, day: date) -> None:
    """A drawn rate table within the provincial band keeps each level of the base's
    table in force, on any day, and cites the strategies' document where it is new."""
    before, after = on(BASE, RATES, day), on(reform, RATES, day)
    if before is not None:
        assert after is not None
        assert set(after) >= set(before)
    value = reform.at(day).get(RATES)
    if value.citation is not None and value.citation.document == REFORM_DOCUMENT:
        assert all(LOW <= amount <= HIGH for amount in after.values())


@settings(max_examples=25, deadline=None)
@given(
    update=keyed_tables(BASE, PROCEDURE, st.sampled_from(SetupProcedure), partial=True),
    since=st.dates(date(2024, 9, 2), date(2030, 12, 31)),
    span=st.integers(0, 800),
    day=st.dates(date(2024, 1, 1), date(2031, 12, 31)),
)
def test_an_update_leaves_the_other_keys_as_the_base_has_them_on_every_day(
    update: dict[Any, Any], since: date, span: int, day: date
) -> None:
    """Inside the period the updated keys take the new values and every other key
    keeps the base's value on that day; outside it nothing changes."""
    until = since + timedelta(days=span)
    reform = BASE.with_values(
        document=DRAFT, since=since, until=until, update={PROCEDURE: update}
    )
    before, after = on(BASE, PROCEDURE, day), on(reform, PROCEDURE, day)
    if not since <= day <= until:
        assert after == before
        return
    assert set(after) == set(before) | set(update)
    for key, value in after.items():
        assert value == (update[key] if key in update else before[key])


@settings(max_examples=15, deadline=None)
@given(
    reform=reforms(
        BASE,
        RATES,
        keyed_tables(BASE, RATES, low=1, high=20000, partial=True),
        update=True,
    )
)
def test_drawn_updates_keep_the_table_and_cite_the_reform(reform: Policy) -> None:
    """A drawn update starts on a day the base's rates are in force and keeps them."""
    (new,) = [
        v
        for v in reform.parameter(RATES).values
        if v.citation and v.citation.document == REFORM_DOCUMENT
    ]
    assert new.period is not None
    assert new.period.end is None
    old = BASE.at(new.period.start).get(RATES).value
    assert isinstance(old, dict)
    assert isinstance(new.value, dict)
    assert set(new.value) == set(old)
    assert (
        reform.sources[-1] == f"reform of {RATES} from {new.period.start.isoformat()}"
    )


@settings(max_examples=15, deadline=None)
@given(
    reform=reforms(
        BASE,
        MONTHS,
        st.integers(0, 36),
        since=st.just(date(2027, 1, 1)),
        until=st.one_of(st.none(), st.just(date(2027, 12, 31))),
    )
)
def test_reforms_of_a_number(reform: Policy) -> None:
    """Any value drawn is in force from the day drawn; the base before it."""
    assert on(reform, MONTHS, date(2026, 12, 31)) == 12
    assert 0 <= on(reform, MONTHS, date(2027, 1, 1)) <= 36


@settings(max_examples=10, deadline=None)
@given(table=keyed_tables(BASE, PROCEDURE, st.just("filing"), on=date(2025, 1, 1)))
def test_keyed_tables_keep_the_keys_of_the_day_asked(table: dict[Any, Any]) -> None:
    """With on=, the keys are those of the table in force that day."""
    assert [str(key) for key in table] == [SHENZHEN]


@pytest.mark.parametrize(
    "make",
    [
        lambda: keyed_tables(BASE, RATES),
        lambda: keyed_tables(BASE, RATES, st.just(1), low=1, high=2),
        lambda: keyed_tables(BASE, RATES, low=2, high=1),
        lambda: keyed_tables(BASE, RATES, low=1),
        lambda: keyed_tables(BASE, MONTHS, low=1, high=2),
        lambda: keyed_tables(BASE, "no.such", low=1, high=2),
        lambda: reforms(BASE, "no.such", st.just(1)),
        lambda: reforms(BASE, MONTHS, 6),  # type: ignore[arg-type]
        lambda: reforms(
            BASE, "apprenticeship.provincial_rate_min", st.just(1), update=True
        ),
    ],
    ids=[
        "no values",
        "values and bounds",
        "reversed",
        "one bound",
        "not keyed",
        "unknown name",
        "reform of unknown name",
        "values not a strategy",
        "update with no open table",
    ],
)
def test_the_strategies_refuse_what_they_cannot_draw(make: Any) -> None:
    """Arguments no reform can be drawn from are refused when the strategy is made."""
    with pytest.raises(InvalidArgument):
        make()


@settings(max_examples=15, deadline=None)
@given(reform=reform_builders())
def test_drawn_reform_builders_apply_to_the_bundled_policy(reform: Reform) -> None:
    """Every drawn Reform applies; the rates it does not name keep their values."""
    reformed = reform.apply(BASE)
    day = reform.since
    before, after = on(BASE, RATES, day), on(reformed, RATES, day)
    update = reform.updated[RATES]
    assert isinstance(update, dict)
    named = set(update)
    dropped = set(reform.removed.get(RATES, ()))
    for level, amount in before.items():
        if level in dropped:
            assert level not in after
        elif level not in named:
            assert after[level] == amount
    assert reformed.sources[-1] == reform.label


@settings(max_examples=15, deadline=None)
@given(removal=removals())
def test_drawn_removals_name_keys_of_the_bundled_tables(removal: Removal) -> None:
    """A drawn removal names keys a bundled table has over its period."""
    table = on(BASE, removal.name, removal.period.start)
    labels = {str(getattr(key, "value", key)) for key in table}
    assert set(removal.labels()) <= labels


def test_overlays_carry_the_removals_of_both_policies(tmp_path: Path) -> None:
    """Files read together keep every declaration; an overlay keeps both sides'."""
    first = tmp_path / "first.toml"
    first.write_text(
        HEADER + rates_value('{ advanced = "8000" }', 'removes = ["中级工", "技师"]'),
        encoding="utf-8",
    )
    second = tmp_path / "second.toml"
    second.write_text(
        HEADER + f'[[parameters."{PROCEDURE}".values]]\nsince = 2026-01-01\n'
        f'value = {{ "{SHENZHEN}" = "filing" }}\ndocument = "draft"\n'
        f'removes = ["{GUANGZHOU}"]\n',
        encoding="utf-8",
    )
    both = Policy.from_files(first, second)
    assert [r.name for r in both.removals] == [RATES, PROCEDURE]
    reform = BASE.with_values(
        document=DRAFT, since=date(2026, 1, 1), remove={RATES: "中级工"}
    )
    laid = reform.overlay(Policy.from_files(second))
    assert [r.name for r in laid.removals] == [RATES, PROCEDURE]
    assert procedures(on(laid, PROCEDURE, date(2026, 1, 1))) == {SHENZHEN: "filing"}
